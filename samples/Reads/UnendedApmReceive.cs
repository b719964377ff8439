// SOCK010 on an APM receive that nothing can end: the callback takes the buffer from AsyncState and decodes all of
// it, but never calls EndReceiveFrom, the only call that tells how many bytes the datagram had (and throws its error).
// Every message prints with the rest of the 1,500-byte buffer as NULs, and a failed receive goes unnoticed.
using System;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Samples.Reads.UnendedApmReceive
{
    public sealed class UdpChat
    {
        private readonly Socket socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        private EndPoint remote = new IPEndPoint(IPAddress.Any, 0);

        public void Start(int port)
        {
            socket.Bind(new IPEndPoint(IPAddress.Any, port));
            var buffer = new byte[1500];
            socket.BeginReceiveFrom(buffer, 0, buffer.Length, SocketFlags.None, ref remote, OnMessage, buffer); // expect: SOCK010
        }

        private void OnMessage(IAsyncResult ar)
        {
            var data = (byte[])ar.AsyncState!;
            Console.WriteLine(Encoding.UTF8.GetString(data));
        }

        public void StartCorrectly(int port)
        {
            socket.Bind(new IPEndPoint(IPAddress.Any, port));
            var buffer = new byte[1500];
            socket.BeginReceiveFrom(buffer, 0, buffer.Length, SocketFlags.None, ref remote, OnMessageCorrectly, buffer);
        }

        private void OnMessageCorrectly(IAsyncResult ar)
        {
            var data = (byte[])ar.AsyncState!;
            var received = socket.EndReceiveFrom(ar, ref remote);
            Console.WriteLine(Encoding.UTF8.GetString(data, 0, received));
        }
    }
}
