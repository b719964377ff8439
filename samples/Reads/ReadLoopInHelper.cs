// SOCK011 through a helper: the read sits in a small Receive method of the class, and the loop that spins is in its
// caller. Once the server closes, Read returns 0 on every call, Receive returns "" (or ReadLine returns null), and the
// loop waits for a "bye" that never comes, at 100% CPU. The finding is on the call, in the loop that never ends.
using System;
using System.IO;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;

namespace Samples.Reads.ReadLoopInHelper
{
    public sealed class ChatClient
    {
        private readonly NetworkStream stream;
        private readonly StreamReader reader;
        private readonly byte[] buffer = new byte[1024];

        public ChatClient(TcpClient client)
        {
            stream = client.GetStream();
            reader = new StreamReader(client.GetStream());
        }

        private string Receive()
        {
            int n = stream.Read(buffer, 0, buffer.Length);
            return Encoding.ASCII.GetString(buffer, 0, n); // "" once the server closed
        }

        private string? ReceiveLine() => reader.ReadLine(); // null once the server closed

        public void Run()
        {
            while (true)
            {
                var message = Receive(); // expect: SOCK011
                if (message == "bye")
                {
                    break;
                }

                Console.WriteLine(message);
            }
        }

        public void RunLines()
        {
            while (true)
            {
                var line = ReceiveLine(); // expect: SOCK011
                Console.WriteLine("server: " + line);
            }
        }

        private async Task<string?> ReceiveLineAsync() => await reader.ReadLineAsync(); // null once the server closed

        public async Task RunLinesAsync()
        {
            while (true)
            {
                var line = await ReceiveLineAsync(); // expect: SOCK011
                if (line == "bye")
                {
                    break;
                }
            }
        }

        // Right: the caller leaves when Receive returns the empty text of a closed connection.
        public void RunUntilClosed()
        {
            while (true)
            {
                var message = Receive();
                if (message.Length == 0 || message == "bye")
                {
                    break;
                }

                Console.WriteLine(message);
            }
        }

        // Right: a helper that tells the close apart (null), and a caller that stops there.
        private string? ReceiveOrNull()
        {
            int n = stream.Read(buffer, 0, buffer.Length);
            if (n == 0)
            {
                return null;
            }

            return Encoding.ASCII.GetString(buffer, 0, n);
        }

        public void RunChecked()
        {
            string? message;
            while ((message = ReceiveOrNull()) != null)
            {
                Console.WriteLine(message);
            }
        }
    }

    // Wrong: a helper that drops its count returns the stale buffer as if data had come. Once the server closes, every
    // call returns at once and this loop, which has no way out, prints 1,024 NULs per turn for ever.
    public sealed class EchoClient
    {
        private readonly NetworkStream serverStream;

        public EchoClient(TcpClient client)
        {
            serverStream = client.GetStream();
        }

        private string ReadSocket()
        {
            byte[] inStream = new byte[1024];
            serverStream.Read(inStream, 0, inStream.Length); // expect: SOCK010
            return Encoding.ASCII.GetString(inStream); // expect: SOCK012
        }

        public void GetMessages()
        {
            while (true)
            {
                Console.WriteLine(ReadSocket()); // expect: SOCK011
            }
        }
    }
}
