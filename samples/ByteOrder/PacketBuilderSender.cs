// SOCK020 across classes: a packet builder appends numbers with BitConverter.GetBytes (host order) to a private
// List<byte>, and a client in another class sends the finished packet. The builder never touches a socket, so the
// finding needs the whole program: it is reported at the write when the analysis of the compilation ends (a full
// build, the scanner, or full-solution analysis in the IDE). On a little-endian CPU the id 1 goes out as 01 00 00 00;
// a peer that reads network order sees 16,777,216.
using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Net.Sockets;

namespace Samples.ByteOrder
{
    public sealed class LoginPacket
    {
        private readonly List<byte> buffer = new List<byte>();

        public void WriteInt32(int value) => buffer.AddRange(BitConverter.GetBytes(value)); // expect: SOCK020

        public void WriteInt16(short value) => buffer.AddRange(BitConverter.GetBytes(value)); // expect: SOCK020

        public void WriteByte(byte value) => buffer.Add(value);

        public byte[] ToArray() => buffer.ToArray();
    }

    /// <summary>The same builder done right: every number big-endian.</summary>
    public sealed class BigEndianLoginPacket
    {
        private readonly List<byte> buffer = new List<byte>();

        public void WriteInt32(int value)
        {
            Span<byte> bytes = stackalloc byte[4];
            BinaryPrimitives.WriteInt32BigEndian(bytes, value);
            buffer.AddRange(bytes.ToArray());
        }

        public byte[] ToArray() => buffer.ToArray();
    }

    public sealed class GameClient
    {
        private readonly NetworkStream stream;

        public GameClient(NetworkStream stream) => this.stream = stream;

        public void Login(int playerId, short version)
        {
            var packet = new LoginPacket();
            packet.WriteByte(1);
            packet.WriteInt32(playerId);
            packet.WriteInt16(version);
            stream.Write(packet.ToArray());
        }

        public void LoginCorrectly(int playerId)
        {
            var packet = new BigEndianLoginPacket();
            packet.WriteInt32(playerId);
            stream.Write(packet.ToArray());
        }
    }
}
