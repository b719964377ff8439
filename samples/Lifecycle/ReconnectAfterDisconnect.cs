// SOCK005 through a helper of the class: Disconnect() closes the client, and Reconnect() connects the same, closed
// TcpClient again. A TcpClient cannot be reused after Close: Connect throws ObjectDisposedException, so the "automatic
// reconnect" never reconnects. Create a new TcpClient instead.
using System.Net.Sockets;

namespace Samples.Lifecycle
{
    public sealed class ReconnectingClient
    {
        private readonly string host;
        private readonly int port;
        private TcpClient client = new TcpClient();

        public ReconnectingClient(string host, int port)
        {
            this.host = host;
            this.port = port;
        }

        public void Connect() => client.Connect(host, port);

        public void Disconnect()
        {
            client?.Close();
        }

        public void Reconnect()
        {
            Disconnect();
            client.Connect(host, port); // expect: SOCK005
        }

        // The same through the class's own Connect(): the helper connects the closed client.
        public void Restart()
        {
            Disconnect();
            Connect(); // expect: SOCK005
        }

        // Quiet: a new client for the new connection.
        public void ReconnectCorrectly()
        {
            Disconnect();
            client = new TcpClient();
            client.Connect(host, port);
        }
    }
}
