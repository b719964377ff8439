// SOCK011: read loops that never see end of stream. When the client closes, Read returns 0 at once, every time:
// these loops then spin at 100% CPU forever (the bug WatsonTcp, MQTTnet and Fleck shipped).
using System;
using System.IO;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Samples.Reads.ReadLoopSpinsOnClose
{
    public static class EchoSession
    {
        // Java habit: -1 is the end-of-stream value of java.io.InputStream, never of .NET.
        public static void Echo(TcpClient client)
        {
            var stream = client.GetStream();
            var buffer = new byte[4096];
            int n;
            while ((n = stream.Read(buffer, 0, buffer.Length)) != -1) // expect: SOCK011
            {
                stream.Write(buffer, 0, n);
            }
        }

        // Connected stays true after the peer's graceful close.
        public static void Log(Socket socket, TextWriter log)
        {
            var buffer = new byte[1024];
            while (socket.Connected)
            {
                int received = socket.Receive(buffer); // expect: SOCK011
                log.WriteLine($"{received} bytes");
            }
        }

        // Fill loop: if the peer closes before 'length' bytes, total stops growing and the loop never ends.
        public static byte[] ReadMessage(NetworkStream stream, int length)
        {
            var message = new byte[length];
            var total = 0;
            while (total < length)
            {
                total += stream.Read(message, total, length - total); // expect: SOCK011
            }

            return message;
        }

        // The chat-server shape of course code: the stream is taken again at the top of every turn, but
        // client.GetStream() is the same stream each time, and after the client leaves every Read returns 0.
        public static void Relay(TcpClient client, Action<byte[], int> broadcast)
        {
            while (true)
            {
                var stream = client.GetStream();
                var buffer = new byte[1024];
                var byteCount = stream.Read(buffer, 0, buffer.Length); // expect: SOCK011
                if (byteCount > 0)
                {
                    broadcast(buffer, byteCount);
                }
            }
        }

        // Correct: closing the client on the way back makes the next Read throw, so the loop cannot spin
        // (and the break leaves it first).
        public static void RelayCorrectly(TcpClient client, Action<byte[], int> broadcast)
        {
            while (true)
            {
                var stream = client.GetStream();
                var buffer = new byte[1024];
                var byteCount = stream.Read(buffer, 0, buffer.Length);
                if (byteCount == 0)
                {
                    client.Close();
                    break;
                }

                broadcast(buffer, byteCount);
            }
        }

        // Polling: the read runs only when data waits, so it never returns 0; once the client has closed no data comes,
        // Connected stays true, and the loop polls forever. SOCK011 says so, and offers no stop-at-0 fix.
        public static void PollAndPrint(TcpClient client)
        {
            var stream = client.GetStream();
            var buffer = new byte[1024];
            while (client.Connected)
            {
                if (stream.DataAvailable)
                {
                    int n = stream.Read(buffer, 0, buffer.Length); // expect: SOCK011
                    Console.Write(Encoding.UTF8.GetString(buffer, 0, n));
                }
            }
        }

        // A poll that also tests the count polls forever just the same: the read never returns 0, so the test is never
        // true, and once the client has closed every turn takes the guard's other side.
        public static void PollUntilZero(TcpClient client)
        {
            var stream = client.GetStream();
            var buffer = new byte[1024];
            while (client.Connected)
            {
                if (stream.DataAvailable)
                {
                    int n = stream.Read(buffer, 0, buffer.Length); // expect: SOCK011
                    if (n == 0)
                    {
                        break;
                    }

                    Console.Write(Encoding.UTF8.GetString(buffer, 0, n));
                }
            }
        }

        // The same poll around ReadExactlyAsync: its EndOfStreamException would end the loop, but once the client has
        // closed no data waits and the read is never reached again.
        public static async Task PollFramesAsync(TcpClient client)
        {
            var stream = client.GetStream();
            var header = new byte[4];
            while (client.Connected)
            {
                await Task.Delay(100);
                if (client.Available > 0)
                {
                    await stream.ReadExactlyAsync(header); // expect: SOCK011
                    Console.WriteLine(BitConverter.ToString(header));
                }
            }
        }

        // A hosted service's receive loop: the peer's close cancels no token, so once reads return 0 this spins until the
        // application stops.
        public static async Task PumpAsync(NetworkStream stream, CancellationToken stoppingToken)
        {
            var buffer = new byte[1024];
            while (!stoppingToken.IsCancellationRequested)
            {
                int n = await stream.ReadAsync(buffer, 0, buffer.Length, stoppingToken); // expect: SOCK011
                Console.Write(Encoding.UTF8.GetString(buffer, 0, n));
            }
        }

        public static void EchoCorrectly(TcpClient client)
        {
            var stream = client.GetStream();
            var buffer = new byte[4096];
            int n;
            while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                stream.Write(buffer, 0, n);
            }
        }
    }

    // The course-server shape: each accepted client's stream goes to a helper on a thread of its own. The helpers take a
    // plain Stream, but they are private and every call gives them the connection's stream (ReadHeader through Handle's
    // parameter), so they read the network: the header read may stop short, and the loop spins once the client leaves.
    public sealed class ThreadPerClientServer
    {
        private readonly TcpListener listener;

        public ThreadPerClientServer(TcpListener listener)
        {
            this.listener = listener;
        }

        public void Run()
        {
            listener.Start();
            while (true)
            {
                var client = listener.AcceptTcpClient();
                var stream = client.GetStream();
                new Thread(() => Handle(stream)).Start();
            }
        }

        private static void Handle(Stream stream)
        {
            var header = new byte[4];
            ReadHeader(stream, header);
            Console.WriteLine($"protocol {header[0]}");
            var buffer = new byte[1024];
            while (true)
            {
                int n = stream.Read(buffer, 0, buffer.Length); // expect: SOCK011
                Console.WriteLine(Encoding.UTF8.GetString(buffer, 0, n));
            }
        }

        private static void ReadHeader(Stream stream, byte[] header)
        {
            stream.Read(header, 0, header.Length); // expect: SOCK010
        }
    }

    // The same spin without a loop statement: a receive callback that starts the next receive with itself, even on 0.
    public sealed class CallbackReceiver
    {
        private readonly Socket socket;
        private readonly byte[] buffer = new byte[1024];

        public CallbackReceiver(Socket connected)
        {
            socket = connected;
        }

        public void Start() => socket.BeginReceive(buffer, 0, buffer.Length, SocketFlags.None, OnData, null);

        private void OnData(IAsyncResult ar)
        {
            int n = socket.EndReceive(ar); // expect: SOCK011
            Console.WriteLine(Encoding.UTF8.GetString(buffer, 0, n));
            socket.BeginReceive(buffer, 0, buffer.Length, SocketFlags.None, OnData, null);
        }
    }

    // The same with SocketAsyncEventArgs: after the close, ReceiveAsync completes at once with BytesTransferred 0 and
    // returns false, and the handler calls itself again, and again, until the stack overflows.
    public sealed class EventArgsReceiver
    {
        private readonly Socket socket;
        private readonly SocketAsyncEventArgs args = new SocketAsyncEventArgs();

        public EventArgsReceiver(Socket connected)
        {
            socket = connected;
            args.SetBuffer(new byte[1024], 0, 1024);
            args.Completed += (sender, e) => OnReceived(e);
        }

        public void Start()
        {
            if (!socket.ReceiveAsync(args))
            {
                OnReceived(args);
            }
        }

        private void OnReceived(SocketAsyncEventArgs e)
        {
            if (e.SocketError != SocketError.Success)
            {
                return;
            }

            Console.WriteLine(Encoding.UTF8.GetString(e.Buffer!, e.Offset, e.BytesTransferred));
            if (!socket.ReceiveAsync(e)) // expect: SOCK011
            {
                OnReceived(e);
            }
        }
    }
}
