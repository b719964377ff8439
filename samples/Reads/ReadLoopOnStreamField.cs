// SOCK011 on a connection kept in a readonly field: the session's loop calls helpers of its own class, but a readonly
// field is assigned only in the constructor, so no helper can hand the loop another stream. When the client closes,
// Read returns 0 on every turn and the loop spins at 100% CPU.
using System;
using System.Net.Sockets;
using System.Text;

namespace Samples.Reads.ReadLoopOnStreamField
{
    public sealed class ChatSession
    {
        private readonly NetworkStream stream;
        private readonly StringBuilder pending = new StringBuilder();
        private int messages;

        public ChatSession(TcpClient client)
        {
            stream = client.GetStream();
        }

        public void Run()
        {
            var buffer = new byte[4096];
            while (true)
            {
                int n = stream.Read(buffer, 0, buffer.Length); // expect: SOCK011
                Append(buffer, n);
                FlushLines();
            }
        }

        // Right: the same loop leaves at end of stream.
        public void RunUntilClosed()
        {
            var buffer = new byte[4096];
            int n;
            while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                Append(buffer, n);
                FlushLines();
            }
        }

        private void Append(byte[] data, int count) => pending.Append(Encoding.UTF8.GetString(data, 0, count));

        private void FlushLines()
        {
            var text = pending.ToString();
            var end = text.LastIndexOf('\n');
            if (end < 0)
            {
                return;
            }

            foreach (var line in text.Substring(0, end).Split('\n'))
            {
                messages++;
                Console.WriteLine($"#{messages}: {line}");
            }

            pending.Remove(0, end + 1);
        }
    }

    public sealed class ReconnectingReader
    {
        // Not readonly: Reconnect may replace it, so a 0 read is not necessarily the last (quiet).
        private NetworkStream stream;
        private readonly string host;

        public ReconnectingReader(string host)
        {
            this.host = host;
            stream = new TcpClient(host, 7).GetStream();
        }

        public void Run(byte[] buffer)
        {
            while (true)
            {
                int n = stream.Read(buffer, 0, buffer.Length);
                if (n == 0)
                {
                    Reconnect();
                    continue;
                }

                Console.WriteLine(n);
            }
        }

        private void Reconnect() => stream = new TcpClient(host, 7).GetStream();
    }

    // The same session with its stream in a field typed Stream: the class only ever gives it the connection's stream, so
    // it is a network stream too.
    public sealed class PlainStreamSession
    {
        private readonly System.IO.Stream stream;

        public PlainStreamSession(TcpClient client)
        {
            stream = client.GetStream();
        }

        public void Run(byte[] buffer)
        {
            while (true)
            {
                int n = stream.Read(buffer, 0, buffer.Length); // expect: SOCK011
                Console.WriteLine(Encoding.UTF8.GetString(buffer, 0, n));
            }
        }
    }
}
