// SOCK022: code ported from C keeps its htons(). .NET's endpoint APIs take the port in host order and convert it
// themselves, so the port is swapped twice: the server listens on 36895 instead of 8080, nothing fails, and no
// client ever reaches it.
using System;
using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Samples.ByteOrder
{
    public static class PortConvertedTwice
    {
        public static Socket Listen(int port)
        {
            var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            listener.Bind(new IPEndPoint(IPAddress.Any, (ushort)IPAddress.HostToNetworkOrder((short)port))); // expect: SOCK022
            listener.Listen(16);
            return listener;
        }

        public static TcpClient Connect(string host, ushort port)
        {
            var netPort = BinaryPrimitives.ReverseEndianness(port); // expect: SOCK022
            return new TcpClient(host, netPort);
        }

        public static byte[] SocksConnectRequest(IPAddress target, ushort port)
        {
            // A port inside a packet you build yourself does belong in network order: quiet.
            var request = new byte[10];
            request[0] = 0x05;
            request[1] = 0x01;
            request[3] = 0x01;
            target.GetAddressBytes().CopyTo(request, 4);
            BinaryPrimitives.WriteUInt16BigEndian(request.AsSpan(8), port);
            return request;
        }

        public static IPEndPoint Correct(int port) => new IPEndPoint(IPAddress.Any, port);
    }
}
