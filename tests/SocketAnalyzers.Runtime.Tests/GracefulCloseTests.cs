using System;
using System.Diagnostics;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace SocketAnalyzers.Runtime.Tests
{
    public class GracefulCloseTests
    {
        [Theory(Timeout = Loopback.TestTimeout)]
        [InlineData(true)]
        [InlineData(false)]
        public async Task The_peer_gets_every_byte_and_a_clean_end_even_though_its_request_was_never_read(bool async)
        {
            var (client, server) = await Loopback.PairAsync();
            using (client)
            using (server)
            {
                // The client's request sits unread in the server's input buffer: a plain Close would send a reset.
                await Loopback.SendAllAsync(client, Loopback.Pattern(10_000));
                byte[] response = Loopback.Pattern(512 * 1024, seed: 3);
                Task send = Loopback.SendAllAsync(server, response);
                Task<(byte[] Data, bool Reset)> clientRead = Loopback.ReadToEndAsync(client);
                await send;
                Task<bool> close = async
                    ? server.CloseGracefullyAsync(TimeSpan.FromSeconds(5))
                    : Task.Run(() => server.CloseGracefully(TimeSpan.FromSeconds(5)));

                var (data, reset) = await clientRead;
                Assert.False(reset);
                Assert.Equal(response, data);

                client.Dispose(); // the client's close is the end of stream the server drains to
                Assert.True(await close.WaitAsync(Loopback.Step));
                Assert.Throws<ObjectDisposedException>(() => server.Send(new byte[1]));
            }
        }

        [Theory(Timeout = Loopback.TestTimeout)]
        [InlineData(true)]
        [InlineData(false)]
        public async Task A_peer_that_never_closes_is_cut_off_at_the_drain_timeout(bool async)
        {
            var (client, server) = await Loopback.PairAsync();
            using (client)
            using (server)
            {
                var clock = Stopwatch.StartNew();
                bool clean = async
                    ? await server.CloseGracefullyAsync(TimeSpan.FromMilliseconds(200)).WaitAsync(Loopback.Step)
                    : await Task.Run(() => server.CloseGracefully(TimeSpan.FromMilliseconds(200))).WaitAsync(Loopback.Step);
                Assert.False(clean);
                Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(150), $"returned after {clock.Elapsed}");
                Assert.Throws<ObjectDisposedException>(() => server.Send(new byte[1]));

                // The client saw our half-close as a normal end of stream.
                var (_, reset) = await Loopback.ReadToEndAsync(client);
                Assert.False(reset);
            }
        }

        [Fact(Timeout = Loopback.TestTimeout)]
        public async Task A_peer_that_floods_while_we_drain_is_discarded_and_cut_off_at_the_timeout()
        {
            var (client, server) = await Loopback.PairAsync();
            using (client)
            using (server)
            {
                using var stop = new CancellationTokenSource();
                Task flood = Task.Run(async () =>
                {
                    var junk = new byte[64 * 1024];
                    try
                    {
                        while (!stop.IsCancellationRequested)
                        {
                            await client.SendAsync(junk, SocketFlags.None, stop.Token);
                        }
                    }
                    catch (Exception ex) when (ex is SocketException || ex is OperationCanceledException || ex is ObjectDisposedException)
                    {
                    }
                });

                bool clean = await server.CloseGracefullyAsync(TimeSpan.FromMilliseconds(300)).WaitAsync(Loopback.Step);
                stop.Cancel();
                await flood.WaitAsync(Loopback.Step);
                Assert.False(clean);
            }
        }

        [Fact(Timeout = Loopback.TestTimeout)]
        public async Task Cancellation_stops_the_drain_and_still_closes()
        {
            var (client, server) = await Loopback.PairAsync();
            using (client)
            using (server)
            {
                using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
                await Assert.ThrowsAnyAsync<OperationCanceledException>(
                    () => server.CloseGracefullyAsync(Timeout.InfiniteTimeSpan, cts.Token).WaitAsync(Loopback.Step));
                Assert.Throws<ObjectDisposedException>(() => server.Send(new byte[1]));
            }
        }

        [Fact(Timeout = Loopback.TestTimeout)]
        public async Task A_socket_that_is_not_connected_or_already_closed_just_closes()
        {
            using var never = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            Assert.False(await never.CloseGracefullyAsync(TimeSpan.FromSeconds(1)).WaitAsync(Loopback.Step));

            var disposed = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            disposed.Dispose();
            Assert.False(disposed.CloseGracefully(TimeSpan.FromSeconds(1)));
            Assert.False(await disposed.CloseGracefullyAsync(TimeSpan.FromSeconds(1)).WaitAsync(Loopback.Step));
        }

        [Fact]
        public void Bad_arguments_are_rejected()
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            Assert.Throws<ArgumentNullException>(() => SocketShutdownExtensions.CloseGracefully(null!, TimeSpan.Zero));
            Assert.Throws<ArgumentOutOfRangeException>(() => socket.CloseGracefully(TimeSpan.FromSeconds(-2)));
            Assert.Throws<ArgumentOutOfRangeException>(() => { _ = socket.CloseGracefullyAsync(TimeSpan.FromSeconds(-2)); });
        }
    }
}
