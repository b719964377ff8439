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

        // An image sent in 1024-byte chunks and put together a whole chunk at a time: wherever a read was short, the
        // picture holds stale bytes, and the offset moves on by 1024 whatever arrived. Not fixed automatically: copying
        // only the count would leave zeros; the offset has to move on by the count (Buffer.BlockCopy(chunk, 0, image,
        // offset, received); offset += received;).
        public static byte[] ReceiveImage(NetworkStream stream, int size)
        {
            var image = new byte[size];
            var chunk = new byte[1024];
            for (int i = 0; i < size / 1024; i++)
            {
                int received = stream.Read(chunk, 0, chunk.Length);
                if (received == 0)
                {
                    throw new EndOfStreamException();
                }

                chunk.CopyTo(image, i * 1024); // expect: SOCK012
            }

            return image;
        }

        // A length prefix read into a view of the header (the form CA1835 suggests for ReadAsync(header, 0, 4)): one read may
        // bring 1 to 4 bytes, and the rest of the length is stale.
        public static async System.Threading.Tasks.Task<int> ReadLengthAsync(NetworkStream stream)
        {
            var header = new byte[4];
            int received = await stream.ReadAsync(header.AsMemory(0, 4));
            if (received == 0)
            {
                return -1;
            }

            return System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(header); // expect: SOCK012
        }

        // A Memory<byte> over a new array is that array: every message handed on is 255 bytes, whatever arrived.
        public static async System.Threading.Tasks.Task PumpAsync(NetworkStream stream, Action<byte[]> received)
        {
            Memory<byte> buffer = new byte[255];
            while (true)
            {
                int count = await stream.ReadAsync(buffer);
                if (count == 0)
                {
                    break;
                }

                received(buffer.ToArray()); // expect: SOCK012
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
