// SOCK030: an IPv4 socket given an IPv6 endpoint, and the first address DNS returns used with an IPv4 socket.
// The first throws at once; the second works until DNS answers with an IPv6 address first ('localhost' is ::1
// first on many machines), then throws.
using System;
using System.Net;
using System.Net.Sockets;

namespace Samples.Addressing
{
    public static class AddressFamilyMismatch
    {
        public static Socket ConnectLocal(int port)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Connect(new IPEndPoint(IPAddress.IPv6Loopback, port)); // expect: SOCK030
            return socket;
        }

        public static Socket ConnectByName(string host, int port)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            var address = Dns.GetHostAddresses(host)[0];
            socket.Connect(address, port); // expect: SOCK030
            return socket;
        }

        public static Socket Correct(string host, int port)
        {
            // A dual-mode socket takes both families, and Connect(host, port) tries every address: quiet.
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            socket.Connect(host, port);
            return socket;
        }
    }
}
