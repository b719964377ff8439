using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using SocketAnalyzers.Runtime;

namespace SocketAnalyzers.Benchmarks
{
    /// <summary>
    /// Echo round trips (64 bytes out, 64 bytes back) through <see cref="TcpServerHost"/> against a minimal hand-written
    /// <see cref="Socket"/> echo server, at 1 and 100 concurrent connections. One operation is one round trip on every
    /// connection at once (1 or 100 round trips): round trips per second = Connections × Op/s. Client and servers share
    /// the process (and the cores).
    /// </summary>
    public class EchoBenchmarks
    {
        private const int MessageSize = 64;

        private TcpServerHost _host = null!;
        private RawEchoServer _raw = null!;
        private Client[] _hostClients = null!;
        private Client[] _rawClients = null!;

        /// <summary>How many connections make round trips at the same time.</summary>
        [Params(1, 100)]
        public int Connections { get; set; }

        [GlobalSetup]
        public void Setup()
        {
            _host = new TcpServerHost(
                new TcpServerHostOptions { EndPoint = new IPEndPoint(IPAddress.Loopback, 0), MaxConnections = 1000, IdleTimeout = TimeSpan.FromMinutes(1) },
                async (connection, ct) =>
                {
                    var buffer = new byte[4096];
                    int n;
                    while ((n = await connection.ReceiveAsync(buffer, ct).ConfigureAwait(false)) > 0)
                    {
                        await connection.SendAsync(buffer.AsMemory(0, n), ct).ConfigureAwait(false);
                    }
                });
            _host.StartAsync().GetAwaiter().GetResult();
            _raw = new RawEchoServer();
            _hostClients = Connect(_host.LocalEndPoint!, Connections);
            _rawClients = Connect(_raw.LocalEndPoint, Connections);
        }

        [GlobalCleanup]
        public void Cleanup()
        {
            foreach (Client client in _hostClients)
            {
                client.Socket.Dispose();
            }

            foreach (Client client in _rawClients)
            {
                client.Socket.Dispose();
            }

            _host.StopAsync().GetAwaiter().GetResult();
            _raw.Dispose();
        }

        /// <summary>Baseline: a hand-written accept loop and one receive/send loop per connection, no limits or timeouts.</summary>
        [Benchmark(Baseline = true)]
        public Task RawSocketEcho() => RoundTripsAsync(_rawClients);

        /// <summary><see cref="TcpServerHost"/> with an idle timeout on every receive and send.</summary>
        [Benchmark]
        public Task TcpServerHostEcho() => RoundTripsAsync(_hostClients);

        private static Task RoundTripsAsync(Client[] clients)
        {
            if (clients.Length == 1)
            {
                return clients[0].RoundTripAsync().AsTask();
            }

            var all = new Task[clients.Length];
            for (int i = 0; i < clients.Length; i++)
            {
                all[i] = clients[i].RoundTripAsync().AsTask();
            }

            return Task.WhenAll(all);
        }

        private static Client[] Connect(EndPoint endPoint, int count)
        {
            var clients = new Client[count];
            for (int i = 0; i < count; i++)
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                socket.Connect(endPoint);
                clients[i] = new Client(socket);
            }

            return clients;
        }

        private sealed class Client
        {
            private readonly byte[] _message = new byte[MessageSize];
            private readonly byte[] _reply = new byte[MessageSize];

            internal Client(Socket socket) => Socket = socket;

            internal Socket Socket { get; }

            internal async ValueTask RoundTripAsync()
            {
                await Socket.SendAsync(_message, SocketFlags.None).ConfigureAwait(false);
                int received = 0;
                while (received < MessageSize)
                {
                    int n = await Socket.ReceiveAsync(_reply.AsMemory(received), SocketFlags.None).ConfigureAwait(false);
                    if (n == 0)
                    {
                        throw new InvalidOperationException("the echo server closed the connection");
                    }

                    received += n;
                }
            }
        }

        /// <summary>The minimal correct echo server that the host is measured against.</summary>
        private sealed class RawEchoServer : IDisposable
        {
            private readonly Socket _listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            private readonly CancellationTokenSource _stop = new CancellationTokenSource();

            internal RawEchoServer()
            {
                _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
                _listener.Listen(512);
                LocalEndPoint = _listener.LocalEndPoint!;
                _ = Task.Run(AcceptLoopAsync);
            }

            internal EndPoint LocalEndPoint { get; }

            public void Dispose()
            {
                _stop.Cancel();
                _listener.Dispose();
            }

            private async Task AcceptLoopAsync()
            {
                while (!_stop.IsCancellationRequested)
                {
                    Socket client;
                    try
                    {
                        client = await _listener.AcceptAsync(_stop.Token).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (ex is OperationCanceledException || ex is ObjectDisposedException || ex is SocketException)
                    {
                        return;
                    }

                    client.NoDelay = true;
                    _ = Task.Run(() => EchoAsync(client));
                }
            }

            private async Task EchoAsync(Socket client)
            {
                using (client)
                {
                    var buffer = new byte[4096];
                    try
                    {
                        int n;
                        while ((n = await client.ReceiveAsync(buffer, SocketFlags.None, _stop.Token).ConfigureAwait(false)) > 0)
                        {
                            int sent = 0;
                            while (sent < n)
                            {
                                sent += await client.SendAsync(buffer.AsMemory(sent, n - sent), SocketFlags.None, _stop.Token).ConfigureAwait(false);
                            }
                        }
                    }
                    catch (Exception ex) when (ex is OperationCanceledException || ex is SocketException || ex is ObjectDisposedException)
                    {
                    }
                }
            }
        }
    }
}
