// Two chat-server shapes from course code (fresh18, fresh19). The relay loop reads a line per turn and hands it to a
// helper of its class that makes a new writer per peer in two fields and writes through them: the helper cannot end the
// loop or touch the reader, so once the client closes, ReadLine returns null on every turn and the null line is relayed
// to the others for ever (SOCK011). The notification loop joins its char buffer through a NUL filter, but the buffer is
// made once, so what a longer, earlier message left in it passes the filter with what arrived (SOCK012; the count
// is stored and never used, SOCK010).
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;

namespace Samples.Reads.ChatRelayLoops
{
    public sealed class Relay
    {
        private static readonly Dictionary<EndPoint, Socket> Peers = new Dictionary<EndPoint, Socket>();
        private readonly Socket socket;
        private readonly StreamReader reader;
        private NetworkStream? peerStream;
        private StreamWriter? peerWriter;

        public Relay(Socket socket)
        {
            this.socket = socket;
            Peers.Add(socket.RemoteEndPoint!, socket);
            reader = new StreamReader(new NetworkStream(socket));
        }

        public void Receive()
        {
            while (true)
            {
                string? line = reader.ReadLine(); // expect: SOCK011
                Console.WriteLine(socket.RemoteEndPoint + ": " + line);
                SendToOthers(socket.RemoteEndPoint + ": " + line);
            }
        }

        // Right: the loop leaves when the client has closed.
        public void ReceiveUntilClosed()
        {
            string? line;
            while ((line = reader.ReadLine()) != null)
            {
                SendToOthers(socket.RemoteEndPoint + ": " + line);
            }
        }

        private void SendToOthers(string text)
        {
            foreach (var peer in Peers)
            {
                if (!peer.Key.Equals(socket.RemoteEndPoint))
                {
                    peerStream = new NetworkStream(peer.Value);
                    peerWriter = new StreamWriter(peerStream);
                    peerWriter.WriteLine(text);
                    peerWriter.Flush();
                }
            }
        }
    }

    public static class Notifications
    {
        public static void Listen(TcpClient client)
        {
            var chars = new char[1024];
            var reader = new StreamReader(client.GetStream());
            while (true)
            {
                int n = reader.Read(chars, 0, chars.Length); // expect: SOCK010, SOCK011
                var text = string.Join("", chars.Where(c => c != '\0')); // expect: SOCK012
                Console.WriteLine(text);
            }
        }

        // Right: only the characters received, and the loop ends with the stream.
        public static void ListenUntilClosed(TcpClient client)
        {
            var chars = new char[1024];
            var reader = new StreamReader(client.GetStream());
            int n;
            while ((n = reader.Read(chars, 0, chars.Length)) > 0)
            {
                Console.WriteLine(string.Join("", chars.Take(n)));
            }
        }
    }
}
