// SOCK011: read loops that never see end of stream. When the client closes, Read returns 0 at once, every time:
// these loops then spin at 100% CPU forever (the bug WatsonTcp, MQTTnet and Fleck shipped).
using System;
using System.IO;
using System.Net.Sockets;

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
}
