// SOCK010: a client that reads a fixed-size reply and ignores how many bytes actually arrived.
// TCP has no message boundaries: the 8-byte reply may arrive in two pieces, and Read returns after the first.
// SOCK012 then reports the decode of the reply: the number is made of bytes that may not have arrived.
using System;
using System.Buffers.Binary;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace Samples.Reads.DiscardedReadCount
{
    public static class TimeClient
    {
        public static long QueryTime(string host, int port)
        {
            using var client = new TcpClient(host, port);
            var stream = client.GetStream();
            var reply = new byte[8];
            stream.Read(reply, 0, reply.Length); // expect: SOCK010
            return BinaryPrimitives.ReadInt64BigEndian(reply); // expect: SOCK012
        }

        public static async Task<int> QueryStatusAsync(Socket connected)
        {
            var status = new byte[4];
            await connected.ReceiveAsync(status.AsMemory(), SocketFlags.None).ConfigureAwait(false); // expect: SOCK010
            return BinaryPrimitives.ReadInt32BigEndian(status); // expect: SOCK012
        }

        // A timeout around the read gives the read's own count, which is dropped here: when the printer closes, the
        // status byte stays 0 and the printer is reported online.
        public static async Task<bool> IsPrinterOnlineAsync(NetworkStream stream)
        {
            var status = new byte[1];
            await stream.ReadAsync(status, 0, 1).WaitAsync(TimeSpan.FromSeconds(3)); // expect: SOCK010
            return (status[0] & 0x08) == 0;
        }

        // The read's task is thrown away: the method returns before the header has arrived.
        public static int PeekVersion(NetworkStream stream)
        {
            var header = new byte[2];
            _ = stream.ReadAsync(header, 0, header.Length); // expect: SOCK010
            return header[0];
        }

        public static long QueryTimeCorrectly(string host, int port)
        {
            using var client = new TcpClient(host, port);
            var stream = client.GetStream();
            var reply = new byte[8];
            stream.ReadExactly(reply);
            return BinaryPrimitives.ReadInt64BigEndian(reply);
        }
    }
}
