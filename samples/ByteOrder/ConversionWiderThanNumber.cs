// SOCK023: a port is an int in .NET, so IPAddress.HostToNetworkOrder(port) picks the 32-bit overload and moves the
// port into the upper two bytes (1080 becomes 0x38040000). Keeping two bytes of that, by a cast or by copying the first
// two bytes of BitConverter.GetBytes, keeps zeros: the request asks the proxy for port 0.
using System;
using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Samples.ByteOrder
{
    public static class ConversionWiderThanNumber
    {
        // SOCKS5 CONNECT to an IPv4 address: VER CMD RSV ATYP, 4 address bytes, 2 port bytes (big-endian).
        public static void SendConnectRequest(Socket proxy, IPAddress target, int port)
        {
            var request = new byte[10];
            request[0] = 0x05;
            request[1] = 0x01;
            request[3] = 0x01;
            target.GetAddressBytes().CopyTo(request, 4);
            Buffer.BlockCopy(BitConverter.GetBytes(IPAddress.HostToNetworkOrder(port)), 0, request, 8, 2); // expect: SOCK023
            proxy.Send(request);
        }

        public static byte[] PortField(ushort port)
        {
            var wire = (ushort)IPAddress.HostToNetworkOrder(port); // expect: SOCK023
            return new[] { (byte)wire, (byte)(wire >> 8) };
        }

        // Quiet: the 16-bit overload, and the explicit big-endian write.
        public static void SendConnectRequestCorrectly(Socket proxy, IPAddress target, int port)
        {
            var request = new byte[10];
            request[0] = 0x05;
            request[1] = 0x01;
            request[3] = 0x01;
            target.GetAddressBytes().CopyTo(request, 4);
            Buffer.BlockCopy(BitConverter.GetBytes(IPAddress.HostToNetworkOrder((short)port)), 0, request, 8, 2);
            BinaryPrimitives.WriteUInt16BigEndian(request.AsSpan(8), (ushort)port);
            proxy.Send(request);
        }
    }
}
