// SOCK004: sending or reading on a socket that was never connected. TCP throws SocketException (NotConnected);
// TcpClient.GetStream and UdpClient.Send without an endpoint throw InvalidOperationException.
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;

namespace Samples.Lifecycle
{
    public static class IoOnUnconnectedSocket
    {
        public static async Task SendRequestAsync(string host, int port, string request)
        {
            using var client = new TcpClient();
            if (port == 0)
            {
                return;
            }

            var stream = client.GetStream(); // expect: SOCK004
            await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
            await client.ConnectAsync(host, port);
        }

        public static void Announce(int port)
        {
            using var udp = new UdpClient();
            byte[] message = Encoding.ASCII.GetBytes("here");
            udp.Send(message, message.Length); // expect: SOCK004
            udp.Send(message, message.Length, new IPEndPoint(IPAddress.Loopback, port));
        }

        public static async Task<int> SendCorrectlyAsync(IPEndPoint server, byte[] payload)
        {
            using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(server).ConfigureAwait(false);
            return await socket.SendAsync(payload, SocketFlags.None).ConfigureAwait(false);
        }
    }
}
