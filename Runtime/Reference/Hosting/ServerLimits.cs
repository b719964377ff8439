using System;
using System.Threading;
using SocketAnalyzers.Runtime;

namespace SocketAnalyzers.Reference.Hosting
{
    /// <summary>
    /// The async design's defences against hostile peers, passed to <see cref="TcpServerHostOptions"/>: the connection
    /// cap, the first-byte deadline, and closing the connection idle longest when the cap is reached.
    /// </summary>
    /// <param name="MaxConnections">The most connections served at once (<c>--max-connections</c>).</param>
    /// <param name="FirstByteTimeout">How long a new connection may stay silent; zero or less: only the idle timeout (<c>--first-byte-timeout</c>).</param>
    /// <param name="EvictIdleWhenFull">Whether a full server closes the connection idle longest for a new client (<c>--evict-idle on|off</c>).</param>
    public sealed record ServerLimits(int MaxConnections, TimeSpan FirstByteTimeout, bool EvictIdleWhenFull)
    {
        private static readonly TcpServerHostOptions LibraryDefaults = new();

        /// <summary>The library's defaults.</summary>
        public static ServerLimits Default { get; } = new(LibraryDefaults.MaxConnections, LibraryDefaults.FirstByteTimeout, LibraryDefaults.EvictIdleConnectionsWhenFull);

        internal void ApplyTo(TcpServerHostOptions options)
        {
            options.MaxConnections = MaxConnections;
            options.FirstByteTimeout = FirstByteTimeout > TimeSpan.Zero ? FirstByteTimeout : Timeout.InfiniteTimeSpan;
            options.EvictIdleConnectionsWhenFull = EvictIdleWhenFull;
        }
    }
}
