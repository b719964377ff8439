// Typestate across the methods of a class (SOCK002, SOCK004, SOCK003): real code keeps its sockets in fields,
// created in a constructor and used in other methods. A private field that does not escape enters every method in
// one of the states the class can leave it in; when no other method takes the missing step, the call is certain
// to throw, whatever order the methods run in.
using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace Samples.Lifecycle
{
    // The tutorial server that forgot Start(): the listener is created in the constructor, nothing starts it.
    public sealed class ChatServer : IDisposable
    {
        private readonly TcpListener listener;

        public ChatServer(int port)
        {
            listener = new TcpListener(IPAddress.Any, port);
        }

        public async Task RunAsync(CancellationToken cancellationToken)
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var client = await listener.AcceptTcpClientAsync(cancellationToken); // expect: SOCK002
                _ = Task.Run(() => client.Dispose(), cancellationToken);
            }
        }

        public void Dispose() => listener.Stop();
    }

    // A client class whose Connect method was never written: no method connects the field.
    public sealed class TelemetryClient : IDisposable
    {
        private readonly TcpClient client = new TcpClient();

        public void Send(byte[] data)
        {
            var stream = client.GetStream(); // expect: SOCK004
            stream.Write(data, 0, data.Length);
        }

        public void Dispose() => client.Dispose();
    }

    // Reading from the listening socket in another method instead of the socket Accept returned.
    public sealed class EchoServer
    {
        private readonly Socket server = new Socket(SocketType.Stream, ProtocolType.Tcp);

        public void Start(IPEndPoint endPoint)
        {
            server.Bind(endPoint);
            server.Listen(16);
        }

        public int ReadRequest(byte[] buffer) => server.Receive(buffer); // expect: SOCK003
    }

    // The APM form: the receive is begun on the accepted client, but its callback ends it on the listener.
    public sealed class CallbackServer
    {
        private readonly Socket listener = new Socket(SocketType.Stream, ProtocolType.Tcp);
        private readonly byte[] buffer = new byte[1024];

        public void Start(IPEndPoint endPoint)
        {
            listener.Bind(endPoint);
            listener.Listen(16);
            listener.BeginAccept(OnAccept, null);
        }

        private void OnAccept(IAsyncResult result)
        {
            Socket client = listener.EndAccept(result);
            client.BeginReceive(buffer, 0, buffer.Length, SocketFlags.None, OnReceive, client);
        }

        private void OnReceive(IAsyncResult result)
        {
            int received = listener.EndReceive(result); // expect: SOCK003
            Console.WriteLine(received);
        }
    }

    // The same shapes done right stay quiet: another method starts, connects or accepts.
    public sealed class GoodServer : IDisposable
    {
        private readonly TcpListener listener = new TcpListener(IPAddress.Loopback, 0);
        private readonly TcpClient upstream = new TcpClient();

        public void Start(IPEndPoint upstreamEndPoint)
        {
            listener.Start();
            upstream.Connect(upstreamEndPoint);
        }

        public async Task<TcpClient> NextAsync(CancellationToken cancellationToken)
            => await listener.AcceptTcpClientAsync(cancellationToken);

        public void Forward(byte[] data) => upstream.GetStream().Write(data, 0, data.Length);

        public void Dispose()
        {
            listener.Stop();
            upstream.Dispose();
        }
    }
}
