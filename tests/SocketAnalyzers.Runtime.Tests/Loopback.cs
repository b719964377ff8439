using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace SocketAnalyzers.Runtime.Tests
{
    /// <summary>Loopback sockets and time bounds shared by the tests. Nothing here sleeps to wait for readiness.</summary>
    internal static class Loopback
    {
        /// <summary>The bound on any single awaited step of a test; a hang fails the test instead of the run.</summary>
        internal static readonly TimeSpan Step = TimeSpan.FromSeconds(10);

        /// <summary>The xunit timeout of a whole test, in milliseconds.</summary>
        internal const int TestTimeout = 30_000;

        /// <summary>A connected pair of TCP sockets over 127.0.0.1: (client, server).</summary>
        internal static async Task<(Socket Client, Socket Server)> PairAsync()
        {
            using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            listener.Listen(1);
            var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            Task connect = client.ConnectAsync(listener.LocalEndPoint!);
            Socket server = await listener.AcceptAsync().WaitAsync(Step);
            await connect.WaitAsync(Step);
            server.NoDelay = true;
            return (client, server);
        }

        internal static async Task<Socket> ConnectAsync(EndPoint endPoint)
        {
            var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await client.ConnectAsync(endPoint).WaitAsync(Step);
                return client;
            }
            catch
            {
                client.Dispose();
                throw;
            }
        }

        /// <summary>Sends everything.</summary>
        internal static async Task SendAllAsync(Socket socket, ReadOnlyMemory<byte> data)
        {
            while (!data.IsEmpty)
            {
                int n = await socket.SendAsync(data, SocketFlags.None).AsTask().WaitAsync(Step);
                data = data.Slice(n);
            }
        }

        /// <summary>Reads until end of stream; <c>Reset</c> is true when the connection was reset instead of closed.</summary>
        internal static async Task<(byte[] Data, bool Reset)> ReadToEndAsync(Socket socket)
        {
            using var cts = new CancellationTokenSource(Step);
            var all = new MemoryStream();
            var buffer = new byte[64 * 1024];
            try
            {
                while (true)
                {
                    int n = await socket.ReceiveAsync(buffer, SocketFlags.None, cts.Token);
                    if (n == 0)
                    {
                        return (all.ToArray(), false);
                    }

                    all.Write(buffer, 0, n);
                }
            }
            catch (SocketException ex) when (ex.SocketErrorCode == SocketError.ConnectionReset)
            {
                return (all.ToArray(), true);
            }
        }

        /// <summary>Receives exactly <paramref name="count"/> bytes with the framework's own loop (independent of the code under test).</summary>
        internal static async Task<byte[]> ReceiveAsync(Socket socket, int count)
        {
            using var cts = new CancellationTokenSource(Step);
            var buffer = new byte[count];
            int received = 0;
            while (received < count)
            {
                int n = await socket.ReceiveAsync(buffer.AsMemory(received), SocketFlags.None, cts.Token);
                if (n == 0)
                {
                    throw new EndOfStreamException($"only {received} of {count}");
                }

                received += n;
            }

            return buffer;
        }

        internal static byte[] Pattern(int length, int seed = 0)
        {
            var data = new byte[length];
            for (int i = 0; i < length; i++)
            {
                data[i] = (byte)((i * 31) + seed);
            }

            return data;
        }
    }
}
