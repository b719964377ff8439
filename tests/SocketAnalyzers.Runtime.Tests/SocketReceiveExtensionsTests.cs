using System;
using System.IO;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace SocketAnalyzers.Runtime.Tests
{
    public class SocketReceiveExtensionsTests
    {
        public enum Overload
        {
            ArrayOffsetCount,
            Array,
            Span,
            AsyncMemory,
            AsyncArrayOffsetCount,
        }

        private static Task ReceiveAsync(Overload overload, Socket socket, byte[] buffer, int offset, int count)
        {
            switch (overload)
            {
                case Overload.ArrayOffsetCount:
                    return Task.Run(() => socket.ReceiveExactly(buffer, offset, count));
                case Overload.Array:
                    return Task.Run(() => socket.ReceiveExactly(buffer));
                case Overload.Span:
                    return Task.Run(() => socket.ReceiveExactly(buffer.AsSpan(offset, count)));
                case Overload.AsyncMemory:
                    return socket.ReceiveExactlyAsync(buffer.AsMemory(offset, count)).AsTask();
                default:
                    return socket.ReceiveExactlyAsync(buffer, offset, count);
            }
        }

        [Theory(Timeout = Loopback.TestTimeout)]
        [InlineData(Overload.ArrayOffsetCount)]
        [InlineData(Overload.Array)]
        [InlineData(Overload.Span)]
        [InlineData(Overload.AsyncMemory)]
        [InlineData(Overload.AsyncArrayOffsetCount)]
        public async Task Assembles_bytes_that_arrive_one_at_a_time(Overload overload)
        {
            var (client, server) = await Loopback.PairAsync();
            using (client)
            using (server)
            {
                byte[] expected = Loopback.Pattern(40);
                var buffer = new byte[40];
                Task receive = ReceiveAsync(overload, server, buffer, 0, buffer.Length);
                for (int i = 0; i < expected.Length; i++)
                {
                    await Loopback.SendAllAsync(client, expected.AsMemory(i, 1));
                    if (i % 8 == 0)
                    {
                        await Task.Yield();
                    }
                }

                await receive.WaitAsync(Loopback.Step);
                Assert.Equal(expected, buffer);
            }
        }

        [Theory(Timeout = Loopback.TestTimeout)]
        [InlineData(Overload.ArrayOffsetCount)]
        [InlineData(Overload.Span)]
        [InlineData(Overload.AsyncMemory)]
        [InlineData(Overload.AsyncArrayOffsetCount)]
        public async Task Fills_only_the_requested_range_and_leaves_later_bytes_for_the_next_read(Overload overload)
        {
            var (client, server) = await Loopback.PairAsync();
            using (client)
            using (server)
            {
                await Loopback.SendAllAsync(client, new byte[] { 1, 2, 3, 4, 5, 6, 7 });
                var buffer = new byte[10];
                await ReceiveAsync(overload, server, buffer, 2, 4).WaitAsync(Loopback.Step);
                Assert.Equal(new byte[] { 0, 0, 1, 2, 3, 4, 0, 0, 0, 0 }, buffer);

                var rest = new byte[3];
                await server.ReceiveExactlyAsync(rest).AsTask().WaitAsync(Loopback.Step);
                Assert.Equal(new byte[] { 5, 6, 7 }, rest);
            }
        }

        [Theory(Timeout = Loopback.TestTimeout)]
        [InlineData(Overload.ArrayOffsetCount)]
        [InlineData(Overload.Array)]
        [InlineData(Overload.Span)]
        [InlineData(Overload.AsyncMemory)]
        [InlineData(Overload.AsyncArrayOffsetCount)]
        public async Task End_of_stream_before_all_bytes_says_how_many_of_how_many_arrived(Overload overload)
        {
            var (client, server) = await Loopback.PairAsync();
            using (client)
            using (server)
            {
                await Loopback.SendAllAsync(client, new byte[] { 9, 9, 9 });
                client.Shutdown(SocketShutdown.Send);
                var buffer = new byte[10];
                var ex = await Assert.ThrowsAsync<EndOfStreamException>(() => ReceiveAsync(overload, server, buffer, 0, 10).WaitAsync(Loopback.Step));
                Assert.Contains("3 of 10", ex.Message);
                Assert.Equal(new byte[] { 9, 9, 9 }, buffer.AsSpan(0, 3).ToArray());
            }
        }

        [Theory(Timeout = Loopback.TestTimeout)]
        [InlineData(Overload.ArrayOffsetCount)]
        [InlineData(Overload.Span)]
        [InlineData(Overload.AsyncMemory)]
        [InlineData(Overload.AsyncArrayOffsetCount)]
        public async Task A_count_of_zero_returns_without_reading(Overload overload)
        {
            var (client, server) = await Loopback.PairAsync();
            using (client)
            using (server)
            {
                // The peer sends nothing: a read would block until the step bound and fail the test.
                await ReceiveAsync(overload, server, new byte[4], 4, 0).WaitAsync(Loopback.Step);
                Assert.Equal(0, server.Available);
            }
        }

        [Fact(Timeout = Loopback.TestTimeout)]
        public async Task Cancellation_ends_a_receive_that_waits_for_a_silent_peer()
        {
            var (client, server) = await Loopback.PairAsync();
            using (client)
            using (server)
            {
                using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
                await Assert.ThrowsAnyAsync<OperationCanceledException>(
                    () => server.ReceiveExactlyAsync(new byte[8], cts.Token).AsTask().WaitAsync(Loopback.Step));
            }
        }

        [Fact(Timeout = Loopback.TestTimeout)]
        public async Task An_already_cancelled_token_reads_nothing()
        {
            var (client, server) = await Loopback.PairAsync();
            using (client)
            using (server)
            {
                await Loopback.SendAllAsync(client, new byte[] { 1, 2 });
                await Assert.ThrowsAnyAsync<OperationCanceledException>(
                    () => server.ReceiveExactlyAsync(new byte[2], new CancellationToken(true)).AsTask());
                var buffer = new byte[2];
                await server.ReceiveExactlyAsync(buffer).AsTask().WaitAsync(Loopback.Step);
                Assert.Equal(new byte[] { 1, 2 }, buffer);
            }
        }

        [Fact]
        public void Bad_arguments_are_rejected_before_any_io()
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            Assert.Throws<ArgumentNullException>(() => SocketReceiveExtensions.ReceiveExactly(null!, new byte[1]));
            Assert.Throws<ArgumentNullException>(() => socket.ReceiveExactly(null!));
            Assert.Throws<ArgumentNullException>(() => socket.ReceiveExactly(null!, 0, 0));
            Assert.Throws<ArgumentOutOfRangeException>(() => socket.ReceiveExactly(new byte[4], -1, 1));
            Assert.Throws<ArgumentOutOfRangeException>(() => socket.ReceiveExactly(new byte[4], 5, 0));
            Assert.Throws<ArgumentOutOfRangeException>(() => socket.ReceiveExactly(new byte[4], 2, 3));
            Assert.Throws<ArgumentOutOfRangeException>(() => socket.ReceiveExactly(new byte[4], 0, -1));
            Assert.Throws<ArgumentOutOfRangeException>(() => { _ = socket.ReceiveExactlyAsync(new byte[4], 3, 2); });
            Assert.Throws<ArgumentNullException>(() => { _ = SocketReceiveExtensions.ReceiveExactlyAsync(null!, new byte[4].AsMemory()); });
        }
    }
}
