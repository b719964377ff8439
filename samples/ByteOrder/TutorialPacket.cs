// SOCK020 and SOCK021 across classes, in the shape most game-networking tutorials teach: a packet class appends
// numbers with BitConverter (host order) to a private List<byte>, prefixes the length the same way, and hands out its
// bytes through a ToArray() that keeps the copy it returns; the client sends that, and reads incoming numbers back
// with BitConverter from the bytes it received. Both ends on little-endian machines agree by accident; a peer that
// speaks network order (or any other language's default) reads 16,777,216 for 1.
using System;
using System.Collections.Generic;
using System.Net.Sockets;
using System.Text;

namespace Samples.ByteOrder
{
    public sealed class TutorialPacket : IDisposable
    {
        private List<byte> bytes = new List<byte>();
        private byte[] readable = Array.Empty<byte>();
        private int cursor;

        public TutorialPacket()
        {
        }

        public TutorialPacket(int id) => Write(id);

        public void Load(byte[] data)
        {
            bytes.AddRange(data);
            readable = bytes.ToArray();
        }

        public void WriteLength() => bytes.InsertRange(0, BitConverter.GetBytes(bytes.Count)); // expect: SOCK020

        public void Write(int value) => bytes.AddRange(BitConverter.GetBytes(value)); // expect: SOCK020

        public void Write(float value) => bytes.AddRange(BitConverter.GetBytes(value)); // expect: SOCK020

        public void Write(bool value) => bytes.AddRange(BitConverter.GetBytes(value));

        public void Write(string value)
        {
            Write(value.Length);
            bytes.AddRange(Encoding.UTF8.GetBytes(value));
        }

        public byte[] ToArray()
        {
            readable = bytes.ToArray();
            return readable;
        }

        public int Length() => bytes.Count;

        public int UnreadLength() => Length() - cursor;

        public int ReadInt()
        {
            var value = BitConverter.ToInt32(readable, cursor); // expect: SOCK021
            cursor += 4;
            return value;
        }

        public bool ReadBool()
        {
            var value = BitConverter.ToBoolean(readable, cursor);
            cursor += 1;
            return value;
        }

        public void Dispose()
        {
            bytes = new List<byte>();
            readable = Array.Empty<byte>();
        }
    }

    public sealed class TutorialClient
    {
        private const int BufferSize = 4096;
        private readonly byte[] inbox = new byte[BufferSize];
        private readonly TutorialPacket incoming = new TutorialPacket();
        private NetworkStream? stream;

        public void Connected(TcpClient client)
        {
            stream = client.GetStream();
            stream.BeginRead(inbox, 0, BufferSize, Received, null);
        }

        public void Welcome(string name)
        {
            using var packet = new TutorialPacket(1);
            packet.Write(name);
            packet.WriteLength();
            Send(packet);
        }

        private void Send(TutorialPacket packet) => stream?.BeginWrite(packet.ToArray(), 0, packet.Length(), null, null);

        private void Received(IAsyncResult result)
        {
            if (stream is null)
            {
                return;
            }

            var length = stream.EndRead(result);
            if (length <= 0)
            {
                return;
            }

            var data = new byte[length];
            Array.Copy(inbox, data, length);
            incoming.Load(data);
            if (incoming.UnreadLength() >= 4)
            {
                Console.WriteLine(incoming.ReadInt());
            }

            stream.BeginRead(inbox, 0, BufferSize, Received, null);
        }
    }
}
