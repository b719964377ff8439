// SOCK005 on a loop's next turn: a client that sends a heartbeat forever but closes its socket at the end of every
// turn (meaning to reconnect, and forgetting to make a new socket). The first turn works; every later turn
// connects a closed socket and throws ObjectDisposedException. The fix is a new socket every turn (see
// ReconnectEveryTurn), which stays quiet. A writer over the client's stream disposed at the end of every turn closes
// the client the same way (SendTypedLines). A read in an inner loop's condition is the first thing every outer turn
// does, so closing the reader after the inner loop breaks the next outer turn (ReadRepliesForever).
using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;

namespace Samples.Lifecycle
{
    public static class CloseInsideLoop
    {
        public static void HeartbeatForever(IPEndPoint server, byte[] heartbeat)
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            while (true)
            {
                socket.Connect(server); // expect: SOCK005
                socket.Send(heartbeat);
                socket.Shutdown(SocketShutdown.Both);
                socket.Close();
                Thread.Sleep(1000);
            }
        }

        // The writer's using disposes it at the end of every turn, and with it the client's stream and socket: the next
        // turn's GetStream throws. Keep one writer for the whole connection (made before the loop), or leaveOpen: true.
        public static void SendTypedLines(TcpClient client)
        {
            while (true)
            {
                string line = Console.ReadLine() ?? "";
                using (var writer = new StreamWriter(client.GetStream())) // expect: SOCK005
                {
                    writer.WriteLine(line);
                }
            }
        }

        public static void ReconnectEveryTurn(IPEndPoint server, byte[] heartbeat)
        {
            while (true)
            {
                using (var socket = new Socket(SocketType.Stream, ProtocolType.Tcp))
                {
                    socket.Connect(server);
                    socket.Send(heartbeat);
                    socket.Shutdown(SocketShutdown.Both);
                }

                Thread.Sleep(1000);
            }
        }

        // An IRC-style client: reads lines until the server closes, closes its reader, and goes round to read again.
        public static void ReadRepliesForever(TcpClient client)
        {
            var reader = new StreamReader(client.GetStream());
            while (true)
            {
                string? line;
                while ((line = reader.ReadLine()) != null) // expect: SOCK005
                {
                    Console.WriteLine(line);
                }

                reader.Close();
            }
        }
    }
}
