// SOCK001: a server that calls Listen before Bind. On Linux Listen silently binds a random port, so the server
// runs, logs "listening", and no client ever reaches it (Windows throws instead).
using System;
using System.Net;
using System.Net.Sockets;

namespace Samples.Lifecycle
{
    public static class ListenWithoutBind
    {
        public static Socket StartBroken(int port)
        {
            var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            server.Listen(backlog: 16); // expect: SOCK001
            server.Bind(new IPEndPoint(IPAddress.Loopback, port));
            Console.WriteLine($"listening on {port}");
            return server;
        }

        public static Socket StartWhenConfigured(bool useLoopback, int port)
        {
            var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            if (useLoopback)
            {
                server.Bind(new IPEndPoint(IPAddress.Loopback, port));
            }

            // Bound on one path only: not certain, so quiet.
            server.Listen(16);
            return server;
        }

        public static Socket Start(int port)
        {
            var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            server.Bind(new IPEndPoint(IPAddress.Loopback, port));
            server.Listen(16);
            return server;
        }
    }
}
