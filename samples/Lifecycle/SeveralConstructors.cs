// Typestate across constructors (SOCK004, SOCK002): a class with several constructors enters its methods with the
// field in any state that one of them, or any method, can leave it in. When no constructor and no method connects
// or starts the field, the call is certain to throw whichever constructor made the object, chained or not; when one
// of them does, the call stays quiet.
using System;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Samples.Lifecycle
{
    // A log shipper with a constructor for a host name and one for an endpoint: both create the client, none connects it.
    public sealed class LogShipper : IDisposable
    {
        private readonly TcpClient client;
        private readonly string host;
        private readonly int port;

        public LogShipper(string host, int port)
        {
            this.host = host;
            this.port = port;
            client = new TcpClient();
        }

        public LogShipper(IPEndPoint endPoint)
            : this(endPoint.Address.ToString(), endPoint.Port)
        {
        }

        public string Target => host + ":" + port;

        public void Ship(string line)
        {
            var bytes = Encoding.UTF8.GetBytes(line + "\n");
            var stream = client.GetStream(); // expect: SOCK004
            stream.Write(bytes, 0, bytes.Length);
        }

        public void Dispose() => client.Dispose();
    }

    // A lobby whose default constructor chains to the one with a port: the listener is created, never started.
    public sealed class GameLobby : IDisposable
    {
        private readonly TcpListener listener;

        public GameLobby()
            : this(7777)
        {
        }

        public GameLobby(int port)
        {
            listener = new TcpListener(IPAddress.Any, port);
        }

        public TcpClient WaitForPlayer()
        {
            var player = listener.AcceptTcpClient(); // expect: SOCK002
            player.NoDelay = true;
            return player;
        }

        public void Dispose() => listener.Stop();
    }

    // Done right: each constructor connects (TcpClient(host, port) connects as it is made, the other calls Connect),
    // so the send is quiet.
    public sealed class MetricsClient : IDisposable
    {
        private readonly TcpClient client;

        public MetricsClient(string host, int port)
        {
            client = new TcpClient(host, port);
        }

        public MetricsClient(IPEndPoint endPoint)
        {
            client = new TcpClient();
            client.Connect(endPoint);
        }

        public void Send(string metric)
        {
            var bytes = Encoding.ASCII.GetBytes(metric + "\n");
            client.GetStream().Write(bytes, 0, bytes.Length);
        }

        public void Dispose() => client.Dispose();
    }
}
