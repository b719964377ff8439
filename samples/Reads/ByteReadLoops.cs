// SOCK011 on byte-by-byte reads: NetworkStream.ReadByte returns one byte, or -1 once the peer has closed, on every call.
// A loop that assembles a line until '\n' never sees '\n' again: it appends U+FFFF until memory runs out. The right
// variant leaves the loop at -1; BinaryReader.ReadByte throws at end of stream instead, so its loop cannot spin.
using System;
using System.IO;
using System.Net.Sockets;
using System.Text;

namespace Samples.Reads.ByteReadLoops
{
    public static class LineByBytes
    {
        public static string ReadLine(NetworkStream stream)
        {
            var line = new StringBuilder();
            int b;
            while ((b = stream.ReadByte()) != '\n') // expect: SOCK011
            {
                line.Append((char)b);
            }

            return line.ToString();
        }

        // A VarInt (Minecraft, protobuf): -1 has every bit set, so its continuation bit says "one more byte" forever.
        public static int ReadVarInt(NetworkStream stream)
        {
            int value = 0;
            int length = 0;
            while (true)
            {
                int b = stream.ReadByte(); // expect: SOCK011
                value |= (b & 0x7F) << (length++ * 7);
                if ((b & 0x80) == 0)
                {
                    return value;
                }
            }
        }

        // Right: -1 ends the line as well.
        public static string? ReadLineOrNull(TcpClient client)
        {
            var stream = client.GetStream();
            var line = new StringBuilder();
            while (true)
            {
                int b = stream.ReadByte();
                if (b == -1)
                {
                    return line.Length > 0 ? line.ToString() : null;
                }

                if (b == '\n')
                {
                    return line.ToString();
                }

                line.Append((char)b);
            }
        }

        // Right: BinaryReader.ReadByte throws EndOfStreamException when the stream ends.
        public static string ReadLine(BinaryReader reader)
        {
            var line = new StringBuilder();
            byte b;
            while ((b = reader.ReadByte()) != (byte)'\n')
            {
                line.Append((char)b);
            }

            return line.ToString();
        }
    }
}
