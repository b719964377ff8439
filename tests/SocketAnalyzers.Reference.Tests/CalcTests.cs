using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using SocketAnalyzers.Reference.Calc;
using SocketAnalyzers.Reference.Hosting;
using SocketAnalyzers.Reference.Tests.Support;
using Xunit;

namespace SocketAnalyzers.Reference.Tests
{
    public sealed class CalcTests : IAsyncLifetime
    {
        private readonly SignalingWriter _log = new();
        private IReferenceServer _server = null!;

        public static TheoryData<char, int[], int> Vectors => new()
        {
            { '+', new[] { 1, 2, 3 }, 6 },
            { '+', new[] { 42 }, 42 },
            { '-', new[] { -7 }, -7 },
            { '-', new[] { 10, -3, 20 }, -7 },
            { '-', new[] { 0, 1 }, -1 },
            { '*', new[] { -4, 5 }, -20 },
            { '*', new[] { -2, -3, -4 }, -24 },
            { '+', new[] { int.MaxValue, 1 }, int.MinValue },
            { '-', new[] { int.MinValue, 1 }, int.MaxValue },
            { '*', new[] { 65536, 65536 }, 0 },
            { '*', new[] { -1, int.MinValue }, int.MinValue },
            { '*', new[] { 123456789, 1000 }, unchecked(123456789 * 1000) },
            { '+', new[] { 0x01020304, 0x10203040 }, 0x11223344 },
        };

        public Task InitializeAsync()
        {
            _server = CalcServer.Start(new IPEndPoint(IPAddress.Loopback, 0), TimeSpan.FromSeconds(10), new ConnectionLog("calc", _log));
            return Task.CompletedTask;
        }

        public Task DisposeAsync() => _server.StopAsync().Within();

        [Theory]
        [MemberData(nameof(Vectors))]
        public void Evaluate_applies_the_operator_left_to_right_with_wrap_around(char op, int[] operands, int expected)
        {
            Assert.Equal(expected, CalcProtocol.Evaluate((byte)op, operands));
        }

        [Theory]
        [MemberData(nameof(Vectors))]
        public async Task Server_answers_each_vector(char op, int[] operands, int expected)
        {
            var client = await CalcClient.ConnectAsync("127.0.0.1", _server.LocalEndPoint.Port, CancellationToken.None).Within();
            await using (client)
            {
                Assert.Equal(expected, await client.ComputeAsync(op, operands, CancellationToken.None).Within());
            }
        }

        [Fact]
        public async Task One_connection_carries_many_requests_answered_in_order()
        {
            var client = await CalcClient.ConnectAsync("127.0.0.1", _server.LocalEndPoint.Port, CancellationToken.None).Within();
            await using (client)
            {
                for (var i = -50; i < 50; i++)
                {
                    Assert.Equal(i * 3, await client.ComputeAsync('*', new[] { i, 3 }, CancellationToken.None).Within());
                }
            }

            Assert.Contains("answered 100 requests", await _log.WaitForLineAsync("answered 100"));
        }

        [Fact]
        public async Task Request_with_255_operands_is_answered()
        {
            var operands = Enumerable.Range(1, 255).ToArray();
            var client = await CalcClient.ConnectAsync("127.0.0.1", _server.LocalEndPoint.Port, CancellationToken.None).Within();
            await using (client)
            {
                Assert.Equal(255 * 256 / 2, await client.ComputeAsync('+', operands, CancellationToken.None).Within());
            }
        }

        [Fact]
        public async Task Numbers_are_big_endian_on_the_wire()
        {
            using var peer = await Peer.ConnectAsync(_server.LocalEndPoint);
            // 2 operands: 0x00000001 and 0x00000100, operator '+', written byte by byte in network order.
            await peer.SendAsync(new byte[] { 2, 0, 0, 0, 1, 0, 0, 1, 0, (byte)'+' });

            Assert.Equal(new byte[] { 0, 0, 1, 1 }, await peer.ReceiveExactlyAsync(4));
            Assert.Equal(new byte[] { 2, 0, 0, 0, 1, 0, 0, 1, 0, (byte)'+' }, CalcProtocol.EncodeRequest('+', new[] { 1, 256 }));
        }

        [Fact]
        public async Task Pipelined_requests_in_one_send_get_one_answer_each()
        {
            using var peer = await Peer.ConnectAsync(_server.LocalEndPoint);
            var requests = CalcProtocol.EncodeRequest('+', new[] { 1, 2 })
                .Concat(CalcProtocol.EncodeRequest('-', new[] { 1, 2 }))
                .Concat(CalcProtocol.EncodeRequest('*', new[] { -3, 2 }))
                .ToArray();
            await peer.SendAsync(requests);
            peer.HalfClose();

            var (answers, reset) = await peer.ReceiveToEndAsync();
            Assert.False(reset);
            Assert.Equal(new[] { 3, -1, -6 }, ReadResults(answers));
        }

        [Fact]
        public async Task Slow_client_sending_one_byte_at_a_time_is_answered()
        {
            using var peer = await Peer.ConnectAsync(_server.LocalEndPoint);
            await peer.SendByteByByteAsync(CalcProtocol.EncodeRequest('-', new[] { -100, 50, 25 }), TimeSpan.FromMilliseconds(2));

            Assert.Equal(new[] { -175 }, ReadResults(await peer.ReceiveExactlyAsync(4)));
        }

        public static TheoryData<string, byte[]> BadRequests => new()
        {
            { "operand count 0", new byte[] { 0 } },
            { "unknown operator 0x2f", new byte[] { 1, 0, 0, 0, 8, (byte)'/' } },
            { "unknown operator 0x00", new byte[] { 1, 0, 0, 0, 8, 0 } },
            { "truncated request of 3 operands", new byte[] { 3, 0, 0, 0, 1, 0, 0 } },
            { "truncated request of 1 operands", new byte[] { 1, 0, 0, 0, 1 } },
            { "truncated request of 255 operands", new byte[] { 255 } },
        };

        [Theory]
        [MemberData(nameof(BadRequests))]
        public async Task Bad_request_closes_that_connection_without_a_reply_and_others_are_served(string logged, byte[] request)
        {
            using var bad = await Peer.ConnectAsync(_server.LocalEndPoint);
            // A good request first: what the server answered before the bad one stands.
            await bad.SendAsync(CalcProtocol.EncodeRequest('+', new[] { 2, 2 }).Concat(request).ToArray());
            bad.HalfClose();

            var (answers, _) = await bad.ReceiveToEndAsync();
            Assert.Equal(new[] { 4 }, ReadResults(answers));
            Assert.Contains("closed without a reply", await _log.WaitForLineAsync(logged));

            await AssertStillServesAsync();
        }

        [Fact]
        public async Task Client_that_vanishes_after_half_a_request_does_not_stop_the_server()
        {
            using (var vanishing = await Peer.ConnectAsync(_server.LocalEndPoint))
            {
                await vanishing.SendAsync(new byte[] { 4, 0, 0, 0, 1, 0, 0 });
                vanishing.Reset();
            }

            using (var quiet = await Peer.ConnectAsync(_server.LocalEndPoint))
            {
                await quiet.SendAsync(new byte[] { 2, 0, 0 });
                quiet.Socket.Close();
            }

            await _log.WaitForLineAsync("reset");
            await _log.WaitForLineAsync("truncated request of 2 operands");
            await AssertStillServesAsync();
        }

        [Fact]
        public async Task Silent_client_is_dropped_after_the_idle_timeout()
        {
            var log = new SignalingWriter();
            await using var server = CalcServer.Start(new IPEndPoint(IPAddress.Loopback, 0), TimeSpan.FromMilliseconds(300), new ConnectionLog("calc", log));
            using var silent = await Peer.ConnectAsync(server.LocalEndPoint);
            await silent.SendAsync(new byte[] { 2, 0, 0, 0 });

            var (answers, _) = await silent.ReceiveToEndAsync(TimeSpan.FromSeconds(10));

            Assert.Empty(answers);
            Assert.Contains("timed out", await log.WaitForLineAsync("timed out"));
        }

        [Fact]
        public async Task Clean_close_between_requests_ends_the_connection_normally()
        {
            using var peer = await Peer.ConnectAsync(_server.LocalEndPoint);
            peer.HalfClose();

            var (answers, reset) = await peer.ReceiveToEndAsync();
            Assert.Empty(answers);
            Assert.False(reset);
        }

        [Fact]
        public async Task Client_reports_a_rejected_request_instead_of_hanging()
        {
            // A server that reads the request and closes without answering, as the calculator does for bad requests.
            using var listener = Endpoints.Listen(new IPEndPoint(IPAddress.Loopback, 0));
            var rejecting = Task.Run(async () =>
            {
                using var connection = await listener.AcceptAsync();
                using var peer = new System.Net.Sockets.NetworkStream(connection, ownsSocket: false);
                await peer.ReadExactlyAsync(new byte[1 + 4 + 1]);
            });

            var client = await CalcClient.ConnectAsync("127.0.0.1", Endpoints.BoundEndPoint(listener).Port, CancellationToken.None).Within();
            await using (client)
            {
                await Assert.ThrowsAsync<CalcRejectedException>(() => client.ComputeAsync('+', new[] { 1 }, CancellationToken.None).Within());
            }

            await rejecting.Within();
        }

        [Theory]
        [InlineData('/', new[] { 1 })]
        [InlineData('+', new int[0])]
        public void Encode_refuses_what_the_protocol_cannot_carry(char op, int[] operands)
        {
            Assert.Throws<ArgumentException>(() => CalcProtocol.EncodeRequest(op, operands));
            Assert.Throws<ArgumentException>(() => CalcProtocol.EncodeRequest('+', new int[256]));
        }

        private async Task AssertStillServesAsync()
        {
            var client = await CalcClient.ConnectAsync("127.0.0.1", _server.LocalEndPoint.Port, CancellationToken.None).Within();
            await using (client)
            {
                Assert.Equal(-1, await client.ComputeAsync('-', new[] { 1, 2 }, CancellationToken.None).Within());
            }
        }

        private static int[] ReadResults(byte[] bytes)
        {
            Assert.Equal(0, bytes.Length % 4);
            var results = new List<int>();
            for (var i = 0; i < bytes.Length; i += 4)
            {
                results.Add(BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(i, 4)));
            }

            return results.ToArray();
        }
    }
}
