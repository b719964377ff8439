// SOCK010: a SOCKS5 client that asks a proxy which authentication method it accepts, and ignores how many bytes
// each read returned. A reply split over two TCP segments leaves the second byte 0 (its initial value), so the
// client reads "no authentication required" from a proxy that never said so (SOCK012 at reply[1]: that byte).
using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace Samples.Reads
{
    public static class Socks5Probe
    {
        public static async Task Main(string[] args)
        {
            var port = args.Length > 0 ? int.Parse(args[0]) : 1080;
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port));

            // Greeting: version 5, one method offered, "no authentication".
            socket.Send(new byte[] { 0x05, 0x01, 0x00 });

            var reply = new byte[2];
            socket.Receive(reply); // expect: SOCK010
            Console.WriteLine(reply[0] == 0x05 && reply[1] == 0x00 ? "proxy accepts no authentication" : "proxy wants authentication"); // expect: SOCK012

            // The same mistake, asynchronously: the awaited count is dropped.
            var again = new byte[2];
            socket.Send(new byte[] { 0x05, 0x01, 0x00 });
            await socket.ReceiveAsync(again, SocketFlags.None); // expect: SOCK010

            // Through a NetworkStream, discarding into _ is no better.
            using var stream = new NetworkStream(socket, ownsSocket: false);
            _ = stream.Read(again, 0, again.Length); // expect: SOCK010

            // Correct: keep reading until the 2 bytes are in, and stop when the proxy closes.
            ReceiveExactly(socket, reply);
            Console.WriteLine($"method {reply[1]}");
        }

        private static void ReceiveExactly(Socket socket, byte[] buffer)
        {
            var received = 0;
            while (received < buffer.Length)
            {
                var n = socket.Receive(buffer, received, buffer.Length - received, SocketFlags.None);
                if (n == 0)
                {
                    throw new EndOfStreamException($"The proxy closed the connection after {received} of {buffer.Length} bytes.");
                }

                received += n;
            }
        }
    }
}
