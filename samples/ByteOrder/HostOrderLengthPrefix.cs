// SOCK020: a client of a length-prefixed message protocol (big-endian 4-byte length, 2-byte message type, payload),
// the framing of most binary protocols. It writes the numbers with BitConverter and BinaryWriter, that is in the
// host's order (little-endian on x86 and ARM): a server that follows the protocol reads a 5-byte message as
// 83,886,080 bytes long and waits for data that never comes.
using System;
using System.Buffers.Binary;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;

namespace Samples.ByteOrder
{
    public static class HostOrderLengthPrefix
    {
        private const ushort ChatMessage = 7;

        public static async Task SendAsync(string host, int port, string text)
        {
            using var client = new TcpClient();
            await client.ConnectAsync(host, port);
            var stream = client.GetStream();
            var payload = Encoding.UTF8.GetBytes(text);

            // The length prefix, straight from BitConverter.
            var length = BitConverter.GetBytes(payload.Length); // expect: SOCK020
            await stream.WriteAsync(length);

            // The message type, copied into a header buffer that is then sent.
            var header = new byte[2];
            Buffer.BlockCopy(BitConverter.GetBytes(ChatMessage), 0, header, 0, 2); // expect: SOCK020
            await stream.WriteAsync(header);
            await stream.WriteAsync(payload);

            // The same frame through a BinaryWriter: little-endian on every CPU, still not network order.
            using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
            writer.Write(payload.Length); // expect: SOCK020
            writer.Write(ChatMessage); // expect: SOCK020
            writer.Write(payload);
            writer.Flush();
        }

        public static void SendJoined(NetworkStream stream, byte[] payload)
        {
            // The prefix joined to the payload with LINQ: Concat and ToArray keep the bytes, and their host order.
            byte[] frame = BitConverter.GetBytes(payload.Length).Concat(payload).ToArray(); // expect: SOCK020
            stream.Write(frame, 0, frame.Length);
        }

        public static void SendHandshake(NetworkStream stream, ushort port)
        {
            // Two host-order numbers copied into one frame, the port over the upper half of the version: bytes 0 and 1
            // of the version still go out in the host's order, and so does the port.
            var frame = new byte[6];
            BitConverter.GetBytes(754).CopyTo(frame, 0); // expect: SOCK020
            BitConverter.GetBytes(port).CopyTo(frame, 2); // expect: SOCK020
            stream.Write(frame);
        }

        public static void SendWithoutChecksum(NetworkStream stream, byte[] body, ushort crc)
        {
            // The frame ends with a CRC for the serial line; over TCP it is left out, so its host-order bytes are not sent.
            var frame = new byte[body.Length + 2];
            body.CopyTo(frame, 0);
            BitConverter.GetBytes(crc).CopyTo(frame, body.Length);
            stream.Write(frame, 0, frame.Length - 2);
        }

        public static void SendCorrectly(Socket connected, string text)
        {
            var payload = Encoding.UTF8.GetBytes(text);
            var frame = new byte[6 + payload.Length];
            BinaryPrimitives.WriteInt32BigEndian(frame, payload.Length);
            BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(4), ChatMessage);
            payload.CopyTo(frame, 6);
            connected.Send(frame);

            // Converting before GetBytes is correct too.
            connected.Send(BitConverter.GetBytes(IPAddress.HostToNetworkOrder(payload.Length)));
        }

        public static void SaveToFile(string path, int count)
        {
            // Host order in a local file is not a network protocol: quiet.
            File.WriteAllBytes(path, BitConverter.GetBytes(count));
        }
    }
}
