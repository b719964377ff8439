// SOCK032: the wildcard address as a destination (Linux reaches this host by accident, Windows refuses it), and a
// broadcast from a socket that never asked for permission (SocketException: permission denied).
using System.Net;
using System.Net.Sockets;

namespace Samples.Addressing
{
    public static class UnreachableDestination
    {
        public static Socket ConnectToSelf(int port)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Connect(IPAddress.Any, port); // expect: SOCK032
            return socket;
        }

        public static void Announce(byte[] announcement, int port)
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            socket.SendTo(announcement, new IPEndPoint(IPAddress.Broadcast, port)); // expect: SOCK032
        }

        public static void AnnounceCorrectly(byte[] announcement, int port)
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            socket.EnableBroadcast = true;
            socket.Bind(new IPEndPoint(IPAddress.Any, 0));
            socket.SendTo(announcement, new IPEndPoint(IPAddress.Broadcast, port));
        }
    }
}
