// SOCK040: one read on a TCP stream parsed as a whole JSON message. TCP has no message boundaries: a large
// message arrives in several reads, two small ones may arrive in one, and the parser throws or misreads.
using System;
using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text.Json;

namespace Samples.Framing
{
    public sealed class OrderMessage
    {
        public int Id { get; set; }

        public string? Item { get; set; }
    }

    public static class ReadTreatedAsMessage
    {
        public static OrderMessage? Receive(TcpClient client)
        {
            var stream = client.GetStream();
            var buffer = new byte[8192];
            var received = stream.Read(buffer, 0, buffer.Length);
            return JsonSerializer.Deserialize<OrderMessage>(buffer.AsSpan(0, received)); // expect: SOCK040
        }

        public static OrderMessage? ReceiveThroughMemoryStream(TcpClient client)
        {
            // One read copied once into an empty MemoryStream is still one read.
            var stream = client.GetStream();
            var buffer = new byte[8192];
            using var copy = new System.IO.MemoryStream();
            var received = stream.Read(buffer, 0, buffer.Length);
            copy.Write(buffer, 0, received);
            copy.Position = 0;
            return JsonSerializer.Deserialize<OrderMessage>(copy); // expect: SOCK040
        }

        public static OrderMessage? ReceiveFramed(TcpClient client)
        {
            // A 4-byte big-endian length, then exactly that many bytes: quiet.
            var stream = client.GetStream();
            var header = new byte[4];
            stream.ReadExactly(header);
            var length = BinaryPrimitives.ReadInt32BigEndian(header);
            if (length is < 0 or > 1 << 20)
            {
                throw new InvalidOperationException("bad frame length");
            }

            var body = new byte[length];
            stream.ReadExactly(body);
            return JsonSerializer.Deserialize<OrderMessage>(body);
        }
    }
}
