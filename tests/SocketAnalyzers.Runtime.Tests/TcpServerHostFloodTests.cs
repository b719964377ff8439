using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace SocketAnalyzers.Runtime.Tests
{
    /// <summary>
    /// Silent connections (connect, send nothing) must not lock out a client that talks: the first-byte deadline drops
    /// them early, and a full host closes the connection idle longest to accept a new client.
    /// </summary>
    public class TcpServerHostFloodTests
    {
        private static async Task EchoAsync(TcpConnection connection, CancellationToken cancellationToken)
        {
            var buffer = new byte[256];
            int n;
            while ((n = await connection.ReceiveAsync(buffer, cancellationToken)) > 0)
            {
                await connection.SendAsync(buffer.AsMemory(0, n), cancellationToken);
            }
        }

        private static TcpServerHostOptions Options(int maxConnections, bool evict, TimeSpan? firstByte = null) => new TcpServerHostOptions
        {
            EndPoint = new IPEndPoint(IPAddress.Loopback, 0),
            IdleTimeout = TimeSpan.FromMinutes(2),
            FirstByteTimeout = firstByte ?? TimeSpan.FromMinutes(2),
            MaxConnections = maxConnections,
            EvictIdleConnectionsWhenFull = evict,
            ShutdownTimeout = TimeSpan.FromSeconds(2),
        };

        /// <summary>Connects <paramref name="count"/> clients that never send, a few at a time; the caller disposes them.</summary>
        private static async Task<List<Socket>> SilentClientsAsync(EndPoint endPoint, int count)
        {
            var clients = new List<Socket>(count);
            try
            {
                for (int i = 0; i < count; i += 20)
                {
                    clients.AddRange(await Task.WhenAll(Enumerable.Range(0, Math.Min(20, count - i)).Select(_ => Loopback.ConnectAsync(endPoint))));
                }

                return clients;
            }
            catch
            {
                DisposeAll(clients);
                throw;
            }
        }

        private static void DisposeAll(IEnumerable<Socket> sockets)
        {
            foreach (Socket socket in sockets)
            {
                socket.Dispose();
            }
        }

        private static async Task<string> TalkAsync(EndPoint endPoint, string text)
        {
            using Socket client = await Loopback.ConnectAsync(endPoint);
            byte[] message = Encoding.ASCII.GetBytes(text);
            await Loopback.SendAllAsync(client, message);
            return Encoding.ASCII.GetString(await Loopback.ReceiveAsync(client, message.Length));
        }

        [Fact(Timeout = Loopback.TestTimeout)]
        public async Task A_full_host_closes_the_connection_idle_longest_to_serve_a_client_that_talks()
        {
            var evictions = new ConcurrentQueue<Exception>();
            await using var host = new TcpServerHost(Options(maxConnections: 16, evict: true), EchoAsync);
            host.Error += (_, e) => evictions.Enqueue(e.Exception);
            await host.StartAsync();
            List<Socket> silent = await SilentClientsAsync(host.LocalEndPoint!, 40);
            try
            {
                // 40 silent connections for 16 slots: without eviction this would wait for the two-minute timeouts.
                Assert.Equal("still served", await TalkAsync(host.LocalEndPoint!, "still served").WaitAsync(TimeSpan.FromSeconds(20)));

                Assert.NotEmpty(evictions);
                Assert.All(evictions, e => Assert.Contains("to make room for a new client", Assert.IsType<TimeoutException>(e).Message));
                Assert.InRange(host.ActiveConnections, 1, 16);
            }
            finally
            {
                DisposeAll(silent);
            }
        }

        [Fact(Timeout = Loopback.TestTimeout)]
        public async Task Without_eviction_a_full_host_holds_new_clients_until_a_slot_frees()
        {
            await using var host = new TcpServerHost(Options(maxConnections: 8, evict: false), EchoAsync);
            await host.StartAsync();
            List<Socket> silent = await SilentClientsAsync(host.LocalEndPoint!, 8);
            try
            {
                // A bounded look for something that must not happen: the ninth client is not served while all eight sit.
                Task<string> talking = TalkAsync(host.LocalEndPoint!, "waiting");
                Task winner = await Task.WhenAny(talking, Task.Delay(TimeSpan.FromSeconds(1.5)));
                Assert.NotSame(talking, winner);

                silent[0].Dispose(); // one slot frees
                Assert.Equal("waiting", await talking.WaitAsync(TimeSpan.FromSeconds(20)));
            }
            finally
            {
                DisposeAll(silent);
            }
        }

        [Fact(Timeout = Loopback.TestTimeout)]
        public async Task A_busy_connection_is_not_evicted_only_one_waiting_for_its_peer()
        {
            var busyStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var errors = new ConcurrentQueue<Exception>();
            await using var host = new TcpServerHost(Options(maxConnections: 1, evict: true), async (connection, ct) =>
            {
                if (busyStarted.TrySetResult())
                {
                    await release.Task.WaitAsync(ct); // working, not waiting on the client: never evicted
                }

                await EchoAsync(connection, ct);
            });
            host.Error += (_, e) => errors.Enqueue(e.Exception);
            await host.StartAsync();

            using Socket busy = await Loopback.ConnectAsync(host.LocalEndPoint!);
            await busyStarted.Task.WaitAsync(Loopback.Step);
            Task<string> next = TalkAsync(host.LocalEndPoint!, "next");
            Task winner = await Task.WhenAny(next, Task.Delay(TimeSpan.FromSeconds(1.5)));
            Assert.NotSame(next, winner);
            Assert.Empty(errors);

            release.SetResult();
            busy.Dispose();
            Assert.Equal("next", await next.WaitAsync(TimeSpan.FromSeconds(20)));
        }

        [Fact(Timeout = Loopback.TestTimeout)]
        public async Task A_client_that_sends_nothing_is_dropped_at_the_first_byte_timeout_not_the_idle_timeout()
        {
            var reported = new TaskCompletionSource<Exception>(TaskCreationOptions.RunContinuationsAsynchronously);
            await using var host = new TcpServerHost(Options(maxConnections: 100, evict: true, firstByte: TimeSpan.FromMilliseconds(300)), EchoAsync);
            host.Error += (_, e) => reported.TrySetResult(e.Exception);
            await host.StartAsync();

            using Socket silent = await Loopback.ConnectAsync(host.LocalEndPoint!);

            Exception error = await reported.Task.WaitAsync(Loopback.Step); // the idle timeout is two minutes
            Assert.Contains("sent nothing within the first-byte timeout of 300 ms", Assert.IsType<TimeoutException>(error).Message);
            var (data, _) = await Loopback.ReadToEndAsync(silent);
            Assert.Empty(data);
        }

        [Fact(Timeout = Loopback.TestTimeout)]
        public async Task After_the_first_byte_only_the_idle_timeout_applies()
        {
            var errors = new ConcurrentQueue<Exception>();
            await using var host = new TcpServerHost(Options(maxConnections: 100, evict: true, firstByte: TimeSpan.FromSeconds(2)), EchoAsync);
            host.Error += (_, e) => errors.Enqueue(e.Exception);
            await host.StartAsync();

            using Socket client = await Loopback.ConnectAsync(host.LocalEndPoint!);
            await Loopback.SendAllAsync(client, new byte[] { 1 });
            Assert.Equal(new byte[] { 1 }, await Loopback.ReceiveAsync(client, 1));
            await Task.Delay(TimeSpan.FromSeconds(4)); // twice the first-byte timeout, far shorter than the idle timeout
            await Loopback.SendAllAsync(client, new byte[] { 2 });

            Assert.Equal(new byte[] { 2 }, await Loopback.ReceiveAsync(client, 1));
            Assert.Empty(errors);
        }

        [Fact(Timeout = 120_000)]
        public async Task With_default_settings_a_client_that_talks_is_served_while_1100_silent_connections_sit_there()
        {
            var options = new TcpServerHostOptions { EndPoint = new IPEndPoint(IPAddress.Loopback, 0), ShutdownTimeout = TimeSpan.FromSeconds(2) };
            await using var host = new TcpServerHost(options, EchoAsync);
            await host.StartAsync();
            List<Socket> silent = await SilentClientsAsync(host.LocalEndPoint!, 1100);
            try
            {
                // Before issue 12 the 1,024-connection cap held this client until an idle timeout (minutes) freed a slot.
                Assert.Equal("hello", await TalkAsync(host.LocalEndPoint!, "hello").WaitAsync(TimeSpan.FromSeconds(20)));
            }
            finally
            {
                DisposeAll(silent);
            }
        }

        [Fact]
        public void The_new_settings_are_validated()
        {
            Func<TcpConnection, CancellationToken, Task> handler = (_, _) => Task.CompletedTask;
            Assert.Throws<ArgumentOutOfRangeException>(() => new TcpServerHost(new TcpServerHostOptions { FirstByteTimeout = TimeSpan.Zero }, handler));
            Assert.Throws<ArgumentOutOfRangeException>(() => new TcpServerHost(new TcpServerHostOptions { FirstByteTimeout = TimeSpan.FromSeconds(-1) }, handler));
            var defaults = new TcpServerHostOptions();
            Assert.Equal(4096, defaults.MaxConnections);
            Assert.Equal(TimeSpan.FromSeconds(10), defaults.FirstByteTimeout);
            Assert.True(defaults.EvictIdleConnectionsWhenFull);
        }
    }
}
