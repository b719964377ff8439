using System;
using System.Net;
using System.Threading;

namespace SocketAnalyzers.Runtime
{
    /// <summary>Settings of a <see cref="TcpServerHost"/>. They are read once, when the host is created.</summary>
    public sealed class TcpServerHostOptions
    {
        /// <summary>
        /// The local endpoint to bind and listen on. Default: 127.0.0.1 port 0 (loopback only, a port chosen by the
        /// system; read the real one from <see cref="TcpServerHost.LocalEndPoint"/>). Use <see cref="IPAddress.Any"/> or
        /// <see cref="IPAddress.IPv6Any"/> (dual mode: IPv4 and IPv6) to accept from other hosts.
        /// </summary>
        public EndPoint EndPoint { get; set; } = new IPEndPoint(IPAddress.Loopback, 0);

        /// <summary>
        /// The most connections served at once. Default: 4096. An idle asynchronous connection costs no thread, only its
        /// socket, the host's few hundred bytes and what the handler holds (see Runtime/README.md for measurements), so the
        /// cap bounds memory and file descriptors rather than threads. When it is reached and a new client is waiting, the
        /// host closes the connection idle longest if <see cref="EvictIdleConnectionsWhenFull"/> allows it; otherwise
        /// further clients wait in the kernel's accept queue (see <see cref="Backlog"/>) until a connection ends. Keep it
        /// well below the process's file-descriptor limit: at that limit the .NET runtime itself fails.
        /// </summary>
        public int MaxConnections { get; set; } = 4096;

        /// <summary>
        /// The longest the first receive of a connection may wait for the client's first byte, when that is shorter
        /// than <see cref="IdleTimeout"/>. A connection that never sends anything (a silent flood, a port scanner) is
        /// dropped this soon instead of holding its slot for the whole idle timeout; once a byte has arrived, only
        /// <see cref="IdleTimeout"/> applies. In a protocol where the server speaks first, it bounds the first receive
        /// after the greeting. Default: 10 seconds. <see cref="Timeout.InfiniteTimeSpan"/> leaves only the idle timeout.
        /// </summary>
        public TimeSpan FirstByteTimeout { get; set; } = TimeSpan.FromSeconds(10);

        /// <summary>
        /// Whether, at <see cref="MaxConnections"/> (or when accepting fails for lack of file descriptors) with a client
        /// waiting to be accepted, the host closes the connection that has waited longest for its peer (a receive with no
        /// byte, or a send the peer does not read, pending for at least a second) to make room. A flood of silent
        /// connections then cannot lock out a client that talks. Only operations through <see cref="TcpConnection"/>
        /// count; a handler working on <see cref="TcpConnection.Socket"/> directly is never chosen. The evicted
        /// connection's pending operation fails with a <see cref="TimeoutException"/> that says so. Default:
        /// <see langword="true"/>.
        /// </summary>
        public bool EvictIdleConnectionsWhenFull { get; set; } = true;

        /// <summary>
        /// The longest a single receive or send through <see cref="TcpConnection"/> may wait for progress before it fails
        /// with a <see cref="TimeoutException"/>; it bounds how long a silent or stuck peer holds a connection. It is a
        /// per-operation timeout: a slow client that keeps sending (even one byte at a time) is still served.
        /// Default: 2 minutes. <see cref="Timeout.InfiniteTimeSpan"/> disables it.
        /// </summary>
        public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(2);

        /// <summary>
        /// How long <see cref="TcpServerHost.StopAsync"/> lets running handlers finish after it has stopped accepting;
        /// connections still open after it are closed. Default: 10 seconds.
        /// </summary>
        public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(10);

        /// <summary>
        /// After a handler returns normally, how long the host waits for the peer's end of stream while closing the
        /// connection gracefully (see <see cref="SocketShutdownExtensions.CloseGracefullyAsync"/>). Default: 2 seconds.
        /// </summary>
        public TimeSpan CloseDrainTimeout { get; set; } = TimeSpan.FromSeconds(2);

        /// <summary>The length of the kernel's queue of connections not yet accepted (the <c>listen</c> backlog). Default: 512.</summary>
        public int Backlog { get; set; } = 512;

        /// <summary>Whether accepted TCP sockets disable Nagle's algorithm (<see cref="System.Net.Sockets.Socket.NoDelay"/>). Default: <see langword="true"/>, which suits request/response protocols.</summary>
        public bool NoDelay { get; set; } = true;
    }
}
