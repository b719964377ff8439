// SOCK003: reading from the listening socket instead of the one Accept returned. A listening socket only hands
// out connections; Receive on it throws SocketException (NotConnected) and Send fails with a broken pipe.
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;

namespace Samples.Lifecycle
{
    public static class IoOnListeningSocket
    {
        public static string ReadGreeting(int port)
        {
            using var server = new Socket(SocketType.Stream, ProtocolType.Tcp);
            server.Bind(new IPEndPoint(IPAddress.Loopback, port));
            server.Listen(16);
            using var client = server.Accept();
            var buffer = new byte[256];
            int count = server.Receive(buffer); // expect: SOCK003
            return Encoding.UTF8.GetString(buffer, 0, count);
        }

        public static async Task ReplyAsync(int port)
        {
            var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            using var client = await listener.AcceptTcpClientAsync();
            await listener.Server.SendAsync(Encoding.UTF8.GetBytes("hello"), SocketFlags.None); // expect: SOCK003
        }

        public static string ReadGreetingCorrectly(int port)
        {
            using var server = new Socket(SocketType.Stream, ProtocolType.Tcp);
            server.Bind(new IPEndPoint(IPAddress.Loopback, port));
            server.Listen(16);
            using var client = server.Accept();
            var buffer = new byte[256];
            int count = client.Receive(buffer);
            return Encoding.UTF8.GetString(buffer, 0, count);
        }
    }
}
