// SOCK020 and the project's own byte swap: a client of a PostgreSQL-style protocol (1-byte message type, big-endian
// 4-byte length that counts itself, payload) swaps its numbers with helpers of its own before BinaryWriter writes them
// little-endian. A helper that moves every byte to its mirror position puts big-endian bytes on the wire on every CPU,
// so those writes are quiet, as after BinaryPrimitives.ReverseEndianness. The 16-bit helper below swaps only the low
// byte into place and loses the high one (`v >> 8` is never shifted back): the rule cannot call that a conversion, and
// the number it writes is reported.
using System.IO;
using System.Net.Sockets;
using System.Text;

namespace Samples.ByteOrder
{
    public static class Swaps
    {
        public static int ToBigEndian(int v)
            => ((v & 0xFF) << 24) | ((v & 0xFF00) << 8) | ((v >> 8) & 0xFF00) | ((v >> 24) & 0xFF);

        public static ushort ToBigEndian(ushort v) => (ushort)((v << 8) | (v >> 8));

        public static ushort BrokenToBigEndian(ushort v) => (ushort)(v << 8);
    }

    public sealed class HandWrittenSwap
    {
        private readonly NetworkStream stream;

        public HandWrittenSwap(TcpClient client)
        {
            stream = client.GetStream();
        }

        public void SendQuery(string sql)
        {
            var text = Encoding.UTF8.GetBytes(sql + "\0");
            using var buffer = new MemoryStream();
            using var writer = new BinaryWriter(buffer);
            writer.Write((byte)'Q');
            writer.Write(Swaps.ToBigEndian(text.Length + 4));
            writer.Write(text);
            stream.Write(buffer.ToArray(), 0, (int)buffer.Length);
        }

        public void SendCancel(ushort code, ushort flags)
        {
            var writer = new BinaryWriter(stream);
            writer.Write(Swaps.ToBigEndian(code));
            writer.Write(Swaps.BrokenToBigEndian(flags)); // expect: SOCK020
        }
    }
}
