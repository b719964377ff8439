// SOCK012: the bytes past the count are stale. Decoding or forwarding the whole buffer sends trailing NULs, or the
// tail of an earlier, longer message.
using System;
using System.IO;
using System.Net.Sockets;
using System.Text;

namespace Samples.Reads.WholeBufferConsumed
{
    public static class ChatRelay
    {
        public static void Relay(Socket from, Socket to, TextWriter log)
        {
            var buffer = new byte[1024];
            while (true)
            {
                int received = from.Receive(buffer);
                if (received == 0)
                {
                    break;
                }

                log.WriteLine(Encoding.UTF8.GetString(buffer)); // expect: SOCK012
                to.Send(buffer); // expect: SOCK012
            }
        }

        // The broadcast of a course chat server: every client gets all 1024 bytes, whatever arrived.
        public static void Broadcast(TcpClient sender, TcpClient[] everyone)
        {
            var stream = sender.GetStream();
            while (true)
            {
                var buffer = new byte[1024];
                var byteCount = stream.Read(buffer, 0, buffer.Length);
                if (byteCount == 0)
                {
                    break;
                }

                System.Threading.Tasks.Parallel.ForEach(everyone, other =>
                {
                    other.GetStream().Write(buffer, 0, buffer.Length); // expect: SOCK012
                });
            }
        }

        public static void RelayCorrectly(Socket from, Socket to, TextWriter log)
        {
            var buffer = new byte[1024];
            while (true)
            {
                int received = from.Receive(buffer);
                if (received == 0)
                {
                    break;
                }

                log.WriteLine(Encoding.UTF8.GetString(buffer, 0, received));
                to.Send(buffer.AsSpan(0, received));
            }
        }
    }
}
