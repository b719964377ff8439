// SOCK020 and SOCK021 through a Stream field and a helper's Stream parameter: the connection is kept as a plain
// `Stream` (so that TLS could be added later), and the packets are written and read with BinaryWriter, BinaryReader
// and BitConverter, in the host's order. The field is only ever given the client's network stream, and the private
// helpers are only ever called with one, so those numbers go to and come from the network: a peer that follows the
// protocol reads the id 7 as 117,440,512, and its length prefix of 16 (00 00 00 10) is read here as 268,435,456.
using System;
using System.Buffers.Binary;
using System.IO;
using System.Net.Sockets;

namespace Samples.ByteOrder
{
    public sealed class StreamFieldPackets
    {
        private readonly Stream stream;

        public StreamFieldPackets(TcpClient client)
        {
            stream = client.GetStream();
        }

        public void SendHeader(int id, int length)
        {
            var writer = new BinaryWriter(stream);
            writer.Write(id); // expect: SOCK020
            writer.Write(length); // expect: SOCK020
        }

        public int ReadLength()
        {
            var reader = new BinaryReader(stream);
            return reader.ReadInt32(); // expect: SOCK021
        }

        public void SendHeaderCorrectly(int id, int length)
        {
            var header = new byte[8];
            BinaryPrimitives.WriteInt32BigEndian(header, id);
            BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), length);
            stream.Write(header);
        }

        public static void Exchange(TcpClient client)
        {
            WritePacket(client.GetStream(), 7);
            Console.WriteLine(ReadPacket(client.GetStream()));
        }

        private static void WritePacket(Stream s, int id)
        {
            var writer = new BinaryWriter(s);
            writer.Write(id); // expect: SOCK020
        }

        private static int ReadPacket(Stream s)
        {
            var header = new byte[4];
            s.ReadExactly(header);
            return BitConverter.ToInt32(header, 0); // expect: SOCK021
        }
    }
}
