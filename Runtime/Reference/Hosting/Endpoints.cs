using System;
using System.Linq;
using System.Net;
using System.Net.Sockets;

namespace SocketAnalyzers.Reference.Hosting
{
    /// <summary>Turning <c>--host</c>/<c>--port</c> into sockets, the same way for every program.</summary>
    public static class Endpoints
    {
        public const string DefaultHost = "127.0.0.1";

        /// <summary>How many connection requests may wait in the kernel's queue while the server is busy.</summary>
        public const int Backlog = 512;

        /// <summary>The local endpoint a server binds to: an IP literal, or a name resolved once (IPv4 preferred).</summary>
        public static IPEndPoint ForServer(string host, int port)
        {
            if (IPAddress.TryParse(host, out var address))
            {
                return new IPEndPoint(address, port);
            }

            var addresses = Dns.GetHostAddresses(host);
            var chosen = addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork)
                ?? addresses.FirstOrDefault()
                ?? throw new ArgumentException($"'{host}' has no address", nameof(host));
            return new IPEndPoint(chosen, port);
        }

        /// <summary>A TCP socket bound to <paramref name="endPoint"/> and listening: socket, bind, listen, in that order.</summary>
        public static Socket Listen(IPEndPoint endPoint, int backlog = Backlog)
        {
            var listener = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                listener.Bind(endPoint);
                listener.Listen(backlog);
                return listener;
            }
            catch
            {
                listener.Dispose();
                throw;
            }
        }

        /// <summary>The endpoint the kernel actually bound (the real port when 0 was asked for).</summary>
        public static IPEndPoint BoundEndPoint(Socket socket) =>
            socket.LocalEndPoint as IPEndPoint ?? throw new InvalidOperationException("the socket is not bound to an IP endpoint");
    }
}
