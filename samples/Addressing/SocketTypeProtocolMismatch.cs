// SOCK031: a stream socket asked to carry UDP. The constructor throws SocketException (protocol not supported).
using System.Net.Sockets;

namespace Samples.Addressing
{
    public static class SocketTypeProtocolMismatch
    {
        public static Socket CreateTcp()
            => new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Udp); // expect: SOCK031

        public static Socket CreateUdp()
            => new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    }
}
