// SOCK002: accepting before the socket listens. Accept needs the queue of pending connections that Listen
// (TcpListener.Start) creates; without it the call throws InvalidOperationException on the first client.
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace Samples.Lifecycle
{
    public static class AcceptWithoutListen
    {
        public static async Task ServeOnceAsync(int port, CancellationToken cancellationToken)
        {
            var listener = new TcpListener(IPAddress.Loopback, port);
            using var client = await listener.AcceptTcpClientAsync(cancellationToken); // expect: SOCK002
            await client.GetStream().WriteAsync(new byte[] { 1 }, cancellationToken);
        }

        public static Socket AcceptOne(IPEndPoint endPoint)
        {
            var server = new Socket(SocketType.Stream, ProtocolType.Tcp);
            server.Bind(endPoint);
            return server.Accept(); // expect: SOCK002
        }

        public static async Task ServeAsync(int port, CancellationToken cancellationToken)
        {
            var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            try
            {
                while (!cancellationToken.IsCancellationRequested)
                {
                    var client = await listener.AcceptTcpClientAsync(cancellationToken).ConfigureAwait(false);
                    _ = Task.Run(() => client.Dispose(), cancellationToken);
                }
            }
            finally
            {
                listener.Stop();
            }
        }
    }
}
