using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using SocketAnalyzers.Runtime;

namespace SocketAnalyzers.Reference.Hosting
{
    /// <summary>Serves one connection of the server host and returns the line to log about it.</summary>
    public delegate Task<string> HostedConnectionHandler(TcpConnection connection, CancellationToken stopping);

    /// <summary>
    /// The async design, on the helper library's <see cref="TcpServerHost"/>: every connection is a task on the thread
    /// pool; each receive and send has the idle timeout; when a handler returns, the host closes the connection
    /// gracefully (half-close, drain the client's last bytes, close); when it throws, the host closes it at once.
    /// This adapter adds the programs' one log line per connection.
    /// </summary>
    public sealed class HostedServer : IReferenceServer
    {
        private readonly TcpServerHost _host;
        private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _stopping;

        private HostedServer(TcpServerHost host, IPEndPoint localEndPoint)
        {
            _host = host;
            LocalEndPoint = localEndPoint;
        }

        public IPEndPoint LocalEndPoint { get; }

        public Task Completion => _completion.Task;

        /// <summary>Binds, listens and starts accepting; returns once clients can connect.</summary>
        /// <param name="idleTimeout">How long one receive or send may wait for the client; zero means no limit.</param>
        /// <param name="limits">The connection cap, first-byte deadline and eviction; null: the library's defaults.</param>
        public static HostedServer Start(IPEndPoint endPoint, TimeSpan idleTimeout, HostedConnectionHandler handler, ConnectionLog log, ServerLimits? limits = null)
        {
            var options = new TcpServerHostOptions
            {
                EndPoint = endPoint,
                IdleTimeout = idleTimeout > TimeSpan.Zero ? idleTimeout : Timeout.InfiniteTimeSpan,
                ShutdownTimeout = TimeSpan.FromSeconds(5),
            };
            (limits ?? ServerLimits.Default).ApplyTo(options);
            var host = new TcpServerHost(options, async (connection, stopping) =>
            {
                string outcome;
                try
                {
                    outcome = await handler(connection, stopping).ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    log.Write(connection.RemoteEndPoint, Outcomes.Describe(ex, stopping.IsCancellationRequested));
                    throw; // the host closes a failed connection at once
                }

                log.Write(connection.RemoteEndPoint, outcome);
            });
            host.Error += (_, e) =>
            {
                if (e.Connection is null)
                {
                    log.Error($"accept failed: {e.Exception.Message}");
                }
            };

            // StartAsync binds and listens before it returns; it completes synchronously.
            host.StartAsync().GetAwaiter().GetResult();
            return new HostedServer(host, (IPEndPoint)host.LocalEndPoint!);
        }

        public async Task StopAsync()
        {
            if (Interlocked.Exchange(ref _stopping, 1) == 0)
            {
                try
                {
                    await _host.StopAsync().ConfigureAwait(false);
                    _completion.TrySetResult();
                }
                catch (Exception ex)
                {
                    _completion.TrySetException(ex);
                }
            }

            await _completion.Task.ConfigureAwait(false);
        }

        public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);
    }
}
