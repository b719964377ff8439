// SOCK006: an operation the socket's kind or state cannot do: Listen on a UDP socket (OperationNotSupported),
// Connect on a listening socket (InvalidOperationException), binding twice (SocketException, invalid argument), a
// destination on a connected UdpClient (InvalidOperationException: cannot send packets to an arbitrary host while connected).
using System.Net;
using System.Net.Sockets;

namespace Samples.Lifecycle
{
    public static class UnsupportedOperation
    {
        public static Socket UdpServer(int port)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
            socket.Listen(); // expect: SOCK006
            return socket;
        }

        public static void ForwardTo(IPEndPoint local, IPEndPoint upstream)
        {
            using var server = new Socket(SocketType.Stream, ProtocolType.Tcp);
            server.Bind(local);
            server.Listen(16);
            server.Connect(upstream); // expect: SOCK006
        }

        public static Socket Rebind(IPEndPoint first, IPEndPoint second)
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(first);
            socket.Bind(second); // expect: SOCK006
            return socket;
        }

        public static void Announce(byte[] datagram, int port)
        {
            using var udp = new UdpClient("localhost", port);
            udp.Send(datagram, datagram.Length); // to the connected peer: quiet
            udp.Send(datagram, datagram.Length, new IPEndPoint(IPAddress.Loopback, port + 1)); // expect: SOCK006
        }

        public static Socket UdpPeer(IPEndPoint local, IPEndPoint peer)
        {
            // Connect on a UDP socket only sets the default peer, and may be called again: quiet.
            var socket = new Socket(SocketType.Dgram, ProtocolType.Udp);
            socket.Bind(local);
            socket.Connect(peer);
            socket.Connect(peer);
            return socket;
        }

        // A send to a destination binds the socket (the system picks its port): receiving the answer works, binding it
        // afterwards throws (SocketException, invalid argument).
        public static int AskThenBind(byte[] query, IPEndPoint server, IPEndPoint local, byte[] answer)
        {
            var socket = new Socket(SocketType.Dgram, ProtocolType.Udp);
            socket.SendTo(query, server);
            int received = socket.Receive(answer);
            socket.Bind(local); // expect: SOCK006
            return received;
        }
    }
}
