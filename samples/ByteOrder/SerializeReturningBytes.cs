// SOCK020 across methods: a message serializes itself with a BinaryWriter over a MemoryStream (little-endian on every
// CPU) and returns ms.ToArray(); the sender, in another class, writes the array to the network. Reported at the
// writes when the analysis of the compilation ends. The same code for a message that only goes to a file stays quiet.
using System.IO;
using System.Net.Sockets;

namespace Samples.ByteOrder
{
    public sealed class ChatMessage
    {
        public int RoomId { get; set; }

        public long SentAt { get; set; }

        public byte[] Serialize()
        {
            using var ms = new MemoryStream();
            using (var writer = new BinaryWriter(ms))
            {
                writer.Write(RoomId); // expect: SOCK020
                writer.Write(SentAt); // expect: SOCK020
            }

            return ms.ToArray();
        }
    }

    public sealed class SaveGame
    {
        public int Level { get; set; }

        public byte[] Serialize()
        {
            using var ms = new MemoryStream();
            using (var writer = new BinaryWriter(ms))
            {
                writer.Write(Level);
            }

            return ms.ToArray();
        }
    }

    public static class ChatSender
    {
        public static void Send(TcpClient client, ChatMessage message) => client.GetStream().Write(message.Serialize());

        public static void Save(string path, SaveGame game) => File.WriteAllBytes(path, game.Serialize());
    }
}
