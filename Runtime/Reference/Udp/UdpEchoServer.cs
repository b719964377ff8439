using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using SocketAnalyzers.Reference.Hosting;

namespace SocketAnalyzers.Reference.Udp
{
    /// <summary>
    /// The UDP echo server: each datagram is one message, answered to its sender with exactly the bytes it carried.
    /// An empty datagram is a valid (empty) message and is answered with an empty datagram; UDP has no end of stream.
    /// </summary>
    public sealed class UdpEchoServer : IReferenceServer
    {
        /// <summary>The largest UDP payload over IPv4 or IPv6 fits: no datagram is ever truncated.</summary>
        public const int MaxDatagram = 65535;

        private readonly Socket _socket;
        private readonly ConnectionLog _log;
        private readonly CancellationTokenSource _stopping = new();
        private Task _loop = Task.CompletedTask;

        private UdpEchoServer(Socket socket, ConnectionLog log)
        {
            _socket = socket;
            _log = log;
            LocalEndPoint = Endpoints.BoundEndPoint(socket);
        }

        public IPEndPoint LocalEndPoint { get; }

        public Task Completion => _loop;

        public static UdpEchoServer Start(IPEndPoint endPoint, ConnectionLog log)
        {
            var socket = new Socket(endPoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            try
            {
                socket.Bind(endPoint);
            }
            catch
            {
                socket.Dispose();
                throw;
            }

            var server = new UdpEchoServer(socket, log);
            server._loop = Task.Run(server.EchoLoopAsync);
            return server;
        }

        public Task StopAsync()
        {
            if (!_stopping.IsCancellationRequested)
            {
                _stopping.Cancel();
            }

            return _loop;
        }

        public async ValueTask DisposeAsync()
        {
            await StopAsync().ConfigureAwait(false);
            _stopping.Dispose();
        }

        private async Task EchoLoopAsync()
        {
            var buffer = new byte[MaxDatagram];
            EndPoint anySender = new IPEndPoint(LocalEndPoint.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
            try
            {
                while (true)
                {
                    SocketReceiveFromResult datagram;
                    try
                    {
                        datagram = await _socket.ReceiveFromAsync(buffer.AsMemory(), SocketFlags.None, anySender, _stopping.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
                    {
                        break;
                    }
                    catch (SocketException ex) when (ex.SocketErrorCode is SocketError.ConnectionReset or SocketError.MessageSize)
                    {
                        // An ICMP "port unreachable" for an earlier answer (Windows reports it here) or an oversized
                        // datagram: that one message is lost, the server goes on.
                        _log.Error($"receive failed: {ex.SocketErrorCode}");
                        continue;
                    }

                    // Answer exactly the bytes received, to the sender of this datagram; 0 bytes is a message too.
                    var length = datagram.ReceivedBytes;
                    try
                    {
                        await _socket.SendToAsync(buffer.AsMemory(0, length), SocketFlags.None, datagram.RemoteEndPoint, _stopping.Token).ConfigureAwait(false);
                        _log.Write(datagram.RemoteEndPoint, $"echoed a datagram of {length} bytes");
                    }
                    catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
                    {
                        break;
                    }
                    catch (SocketException ex)
                    {
                        _log.Write(datagram.RemoteEndPoint, $"answer failed: {ex.SocketErrorCode}");
                    }
                }
            }
            finally
            {
                _socket.Dispose();
            }
        }
    }
}
