// SOCK021 across methods: a packet reader fills its private buffer from the network in one method and decodes numbers
// from it with BitConverter (host order) in others. No single method both receives and decodes, so the finding is made
// when the analysis of the compilation ends. A peer that sends the length 16 (00 00 00 10) is read as 268,435,456.
using System;
using System.Buffers.Binary;
using System.Net.Sockets;

namespace Samples.ByteOrder
{
    public sealed class PacketReader
    {
        private readonly NetworkStream stream;
        private readonly byte[] buffer = new byte[256];
        private int position;

        public PacketReader(NetworkStream stream) => this.stream = stream;

        public void ReceiveHeader()
        {
            stream.ReadExactly(buffer.AsSpan(0, 6));
            position = 0;
        }

        public int ReadInt32()
        {
            var value = BitConverter.ToInt32(buffer, position); // expect: SOCK021
            position += 4;
            return value;
        }

        public ushort ReadUInt16()
        {
            var value = BitConverter.ToUInt16(buffer, position); // expect: SOCK021
            position += 2;
            return value;
        }

        public int ReadInt32BigEndian()
        {
            var value = BinaryPrimitives.ReadInt32BigEndian(buffer.AsSpan(position));
            position += 4;
            return value;
        }
    }
}
