using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using SocketAnalyzers.Reference.Hosting;
using SocketAnalyzers.Runtime;

namespace SocketAnalyzers.Reference.Echo
{
    /// <summary>The three classic designs of the echo server.</summary>
    public enum EchoServerMode
    {
        /// <summary>One client at a time: accept, echo until the client half-closes, close, accept the next.</summary>
        Iterative,

        /// <summary>A thread per client.</summary>
        Threaded,

        /// <summary>Async sockets on the helper library's TcpServerHost: every client is a task, no thread blocks.</summary>
        Async,
    }

    /// <summary>
    /// The echo server. It echoes every byte it receives, in the order received, whatever the read sizes; when the
    /// client half-closes (a read returns 0) it has echoed everything, so it half-closes too and closes.
    /// A client idle for longer than the idle timeout is dropped, so one silent client cannot hold the iterative server.
    /// </summary>
    public static class EchoServer
    {
        public const int BufferSize = 8 * 1024;

        /// <param name="limits">The async mode's cap, first-byte deadline and eviction (the blocking modes have none); null: the defaults.</param>
        public static IReferenceServer Start(IPEndPoint endPoint, EchoServerMode mode, TimeSpan idleTimeout, ConnectionLog log, ServerLimits? limits = null) => mode switch
        {
            EchoServerMode.Iterative => BlockingTcpServer.Start(endPoint, threadPerClient: false, (c, s) => ServeBlocking(c, idleTimeout, s), log),
            EchoServerMode.Threaded => BlockingTcpServer.Start(endPoint, threadPerClient: true, (c, s) => ServeBlocking(c, idleTimeout, s), log),
            EchoServerMode.Async => HostedServer.Start(endPoint, idleTimeout, ServeAsync, log, limits),
            _ => throw new ArgumentOutOfRangeException(nameof(mode)),
        };

        /// <summary>Echo with blocking calls (iterative and threaded designs).</summary>
        public static string ServeBlocking(Socket connection, TimeSpan idleTimeout, CancellationToken stopping)
        {
            // A blocking call that waits longer than this throws SocketError.TimedOut (0 means wait forever).
            connection.ReceiveTimeout = (int)idleTimeout.TotalMilliseconds;
            connection.SendTimeout = (int)idleTimeout.TotalMilliseconds;
            var buffer = new byte[BufferSize];
            long echoed = 0;
            while (true)
            {
                var received = connection.Receive(buffer, SocketFlags.None);
                if (received == 0)
                {
                    break;
                }

                SocketIO.SendAll(connection, buffer.AsSpan(0, received));
                echoed += received;
            }

            if (stopping.IsCancellationRequested)
            {
                return $"closed: the server is stopping, after echoing {echoed} bytes";
            }

            // End of stream: the client half-closed and everything it sent has been echoed. Half-close ours.
            connection.Shutdown(SocketShutdown.Send);
            return $"echoed {echoed} bytes, closed after the client's half-close";
        }

        /// <summary>
        /// Echo on the server host (async design). The connection applies the idle timeout to each receive and send;
        /// after we return at end of stream, the host half-closes and closes.
        /// </summary>
        public static async Task<string> ServeAsync(TcpConnection connection, CancellationToken stopping)
        {
            var buffer = new byte[BufferSize];
            long echoed = 0;
            while (true)
            {
                var received = await connection.ReceiveAsync(buffer.AsMemory(), stopping).ConfigureAwait(false);
                if (received == 0)
                {
                    break;
                }

                await connection.SendAsync(buffer.AsMemory(0, received), stopping).ConfigureAwait(false);
                echoed += received;
            }

            return $"echoed {echoed} bytes, closed after the client's half-close";
        }
    }
}
