// SOCK021: a server-side reader for the same framing (big-endian 4-byte length, 2-byte type, payload). It decodes
// the numbers with BitConverter and BinaryReader, in the host's order: a peer that sends a 16-byte message
// (00 00 00 10) is read as 268,435,456 bytes, so the server rejects the frame or allocates 256 MB for it.
using System;
using System.Buffers.Binary;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Samples.ByteOrder
{
    public static class HostOrderFrameReader
    {
        private const int MaxFrame = 1 << 20;

        public static string ReadFrame(NetworkStream stream)
        {
            var header = new byte[6];
            stream.ReadExactly(header);
            var length = BitConverter.ToInt32(header, 0); // expect: SOCK021
            var type = BitConverter.ToUInt16(header, 4); // expect: SOCK021
            if (length < 0 || length > MaxFrame)
            {
                throw new InvalidDataException($"Frame of type {type} claims {length} bytes.");
            }

            var payload = new byte[length];
            stream.ReadExactly(payload);
            return Encoding.UTF8.GetString(payload);
        }

        public static string ReadFrameWithReader(TcpClient connected)
        {
            using var reader = new BinaryReader(connected.GetStream(), Encoding.UTF8, leaveOpen: true);
            var length = reader.ReadInt32(); // expect: SOCK021
            var type = reader.ReadUInt16(); // expect: SOCK021
            var payload = reader.ReadBytes(length);
            return $"{type}: {Encoding.UTF8.GetString(payload)}";
        }

        public static string ReadFrameCorrectly(NetworkStream stream)
        {
            var header = new byte[6];
            stream.ReadExactly(header);
            var length = BinaryPrimitives.ReadInt32BigEndian(header);
            var type = IPAddress.NetworkToHostOrder(BitConverter.ToInt16(header, 4));
            if (length < 0 || length > MaxFrame)
            {
                throw new InvalidDataException($"Frame of type {type} claims {length} bytes.");
            }

            var payload = new byte[length];
            stream.ReadExactly(payload);
            return Encoding.UTF8.GetString(payload);
        }
    }
}
