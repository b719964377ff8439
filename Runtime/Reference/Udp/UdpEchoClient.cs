using System;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace SocketAnalyzers.Reference.Udp
{
    /// <summary>
    /// The UDP echo client. UDP may lose a datagram or its answer, so every message is sent with a timeout and a
    /// bounded number of attempts. The socket is connected: the kernel then drops datagrams from anyone but the server,
    /// and reports an ICMP "port unreachable" as ConnectionRefused instead of a silent wait.
    /// </summary>
    public sealed class UdpEchoClient : IDisposable
    {
        private readonly Socket _socket;
        private readonly byte[] _buffer = new byte[UdpEchoServer.MaxDatagram];

        private UdpEchoClient(Socket socket)
        {
            _socket = socket;
        }

        public static async Task<UdpEchoClient> ConnectAsync(string host, int port, CancellationToken cancellationToken)
        {
            var address = IPAddress.TryParse(host, out var literal)
                ? literal
                : (await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false)).FirstOrDefault()
                  ?? throw new SocketException((int)SocketError.HostNotFound);
            var socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, port), cancellationToken).ConfigureAwait(false);
                return new UdpEchoClient(socket);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        /// <summary>Sends <paramref name="message"/> as one datagram and returns the server's answer to it.</summary>
        /// <exception cref="TimeoutException">No matching answer after <paramref name="attempts"/> tries.</exception>
        public async Task<byte[]> EchoAsync(ReadOnlyMemory<byte> message, TimeSpan timeout, int attempts, CancellationToken cancellationToken)
        {
            if (message.Length > UdpEchoServer.MaxDatagram)
            {
                throw new ArgumentException("a UDP datagram carries at most 65535 bytes", nameof(message));
            }

            for (var attempt = 0; attempt < attempts; attempt++)
            {
                await _socket.SendAsync(message, SocketFlags.None, cancellationToken).ConfigureAwait(false);
                using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                deadline.CancelAfter(timeout);
                try
                {
                    while (true)
                    {
                        // One receive is one whole datagram: its length is the message's length, 0 included.
                        var received = await _socket.ReceiveAsync(_buffer.AsMemory(), SocketFlags.None, deadline.Token).ConfigureAwait(false);
                        if (_buffer.AsSpan(0, received).SequenceEqual(message.Span))
                        {
                            return _buffer.AsSpan(0, received).ToArray();
                        }

                        // A late answer to an earlier message: not ours, keep waiting.
                    }
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    // Lost datagram or lost answer: try again.
                }
            }

            throw new TimeoutException($"no echo from {_socket.RemoteEndPoint} after {attempts} attempts of {timeout.TotalSeconds:0.###} s");
        }

        public void Dispose() => _socket.Dispose();
    }
}
