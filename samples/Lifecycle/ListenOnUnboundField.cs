// SOCK001 across the methods of a class: the socket is a private field created in the constructor, and the method
// that makes it listen relies on a Bind that no method of the class ever makes. On Linux Listen then binds a random
// port and the server waits where no client looks; Windows throws. The second class binds in another method, which
// may run first, so it is quiet.
using System;
using System.Net;
using System.Net.Sockets;

namespace Samples.Lifecycle
{
    public sealed class LobbyHost : IDisposable
    {
        private readonly Socket socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

        public void Open(int backlog)
        {
            socket.Listen(backlog); // expect: SOCK001
            Console.WriteLine("lobby open");
        }

        public Socket Next() => socket.Accept();

        public void Dispose() => socket.Dispose();
    }

    public sealed class ConfiguredLobbyHost : IDisposable
    {
        private readonly Socket socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

        public void Configure(int port) => socket.Bind(new IPEndPoint(IPAddress.Loopback, port));

        public void Open(int backlog) => socket.Listen(backlog);

        public Socket Next() => socket.Accept();

        public void Dispose() => socket.Dispose();
    }
}
