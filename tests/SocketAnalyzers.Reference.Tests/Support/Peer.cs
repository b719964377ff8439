using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace SocketAnalyzers.Reference.Tests.Support
{
    /// <summary>A raw TCP client for the tests, well-behaved or not: it can send in pieces, stall, reset or vanish.</summary>
    internal sealed class Peer : IDisposable
    {
        private Peer(Socket socket)
        {
            Socket = socket;
        }

        public Socket Socket { get; }

        public static async Task<Peer> ConnectAsync(IPEndPoint endPoint)
        {
            var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(endPoint).Within();
                return new Peer(socket);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        public async Task SendAsync(ReadOnlyMemory<byte> data)
        {
            while (!data.IsEmpty)
            {
                var sent = await Socket.SendAsync(data, SocketFlags.None).Within();
                data = data.Slice(sent);
            }
        }

        /// <summary>Sends one byte per send, yielding between them, so the server sees the message in 1-byte reads.</summary>
        public async Task SendByteByByteAsync(ReadOnlyMemory<byte> data, TimeSpan pause)
        {
            for (var i = 0; i < data.Length; i++)
            {
                await SendAsync(data.Slice(i, 1));
                await Task.Delay(pause);
            }
        }

        /// <summary>
        /// Sends without reading anything until the server stops taking bytes: no send progress for a whole second
        /// (bounded: at most 256 MiB). With a peer that echoes, that means it is blocked sending to us.
        /// </summary>
        public async Task SendUntilStalledAsync()
        {
            Socket.ReceiveBufferSize = 4096;
            var chunk = new byte[64 * 1024];
            long total = 0;
            while (total < 256L * 1024 * 1024)
            {
                using var stall = new CancellationTokenSource(TimeSpan.FromSeconds(1));
                try
                {
                    total += await Socket.SendAsync(chunk, SocketFlags.None, stall.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }

            throw new InvalidOperationException("the server kept taking bytes it could not echo back");
        }

        public void HalfClose() => Socket.Shutdown(SocketShutdown.Send);

        /// <summary>Closes with linger 0: the kernel sends RST instead of FIN, dropping anything in flight.</summary>
        public void Reset()
        {
            Socket.LingerState = new LingerOption(true, 0);
            Socket.Dispose();
        }

        /// <summary>Reads exactly <paramref name="count"/> bytes; fails on an early end of stream.</summary>
        public async Task<byte[]> ReceiveExactlyAsync(int count, TimeSpan? timeout = null)
        {
            var buffer = new byte[count];
            using var stream = new NetworkStream(Socket, ownsSocket: false);
            await stream.ReadExactlyAsync(buffer, CancellationToken.None).AsTask().Within(timeout);
            return buffer;
        }

        /// <summary>Reads until the server closes (0) or resets; returns what came, and whether it ended by reset.</summary>
        public async Task<(byte[] Data, bool Reset)> ReceiveToEndAsync(TimeSpan? timeout = null, int limit = 64 * 1024 * 1024)
        {
            var output = new MemoryStream();
            var buffer = new byte[64 * 1024];
            using var deadline = new CancellationTokenSource(timeout ?? Bounded.Default);
            try
            {
                while (output.Length < limit)
                {
                    var received = await Socket.ReceiveAsync(buffer, SocketFlags.None, deadline.Token);
                    if (received == 0)
                    {
                        return (output.ToArray(), false);
                    }

                    output.Write(buffer, 0, received);
                }
            }
            catch (SocketException ex) when (ex.SocketErrorCode == SocketError.ConnectionReset)
            {
                return (output.ToArray(), true);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"the server neither answered to the end nor closed within {timeout ?? Bounded.Default} ({output.Length} bytes so far)");
            }

            throw new InvalidOperationException("more data than the test's limit");
        }

        public void Dispose() => Socket.Dispose();
    }
}
