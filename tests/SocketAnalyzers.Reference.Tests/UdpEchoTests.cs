using System;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using SocketAnalyzers.Reference.Hosting;
using SocketAnalyzers.Reference.Tests.Support;
using SocketAnalyzers.Reference.Udp;
using Xunit;

namespace SocketAnalyzers.Reference.Tests
{
    public sealed class UdpEchoTests : IAsyncLifetime
    {
        private readonly SignalingWriter _log = new();
        private UdpEchoServer _server = null!;

        public Task InitializeAsync()
        {
            _server = UdpEchoServer.Start(new IPEndPoint(IPAddress.Loopback, 0), new ConnectionLog("udp", _log));
            return Task.CompletedTask;
        }

        public Task DisposeAsync() => _server.StopAsync().Within();

        [Theory]
        [InlineData(0)]
        [InlineData(1)]
        [InlineData(1472)]
        [InlineData(8192)]
        [InlineData(65507)] // the largest UDP payload over IPv4
        public async Task Each_datagram_comes_back_whole(int size)
        {
            using var client = await UdpEchoClient.ConnectAsync("127.0.0.1", _server.LocalEndPoint.Port, CancellationToken.None).Within();
            var message = EchoServerTests.RandomBytes(new Random(size), size);

            var echo = await client.EchoAsync(message, TimeSpan.FromSeconds(2), 3, CancellationToken.None).Within();

            Assert.Equal(message, echo);
        }

        [Fact]
        public async Task Boundaries_are_kept_and_an_empty_datagram_is_a_message_not_a_stop()
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            await socket.ConnectAsync(_server.LocalEndPoint).Within();
            var messages = new[] { "first"u8.ToArray(), Array.Empty<byte>(), "third, longer"u8.ToArray() };
            foreach (var message in messages)
            {
                await socket.SendAsync(message, SocketFlags.None).Within();
            }

            // Three sends, three answers of exactly the sizes sent (loopback does not reorder).
            var buffer = new byte[65535];
            foreach (var message in messages)
            {
                var received = await socket.ReceiveAsync(buffer, SocketFlags.None).Within();
                Assert.Equal(message, buffer.AsSpan(0, received).ToArray());
            }

            Assert.Contains("echoed a datagram of 0 bytes", await _log.WaitForLineAsync("of 0 bytes"));
        }

        [Fact]
        public async Task Each_sender_gets_its_own_answers()
        {
            var clients = Enumerable.Range(0, 20).Select(async i =>
            {
                using var client = await UdpEchoClient.ConnectAsync("127.0.0.1", _server.LocalEndPoint.Port, CancellationToken.None);
                for (var j = 0; j < 10; j++)
                {
                    var message = System.Text.Encoding.ASCII.GetBytes($"client {i} message {j}");
                    Assert.Equal(message, await client.EchoAsync(message, TimeSpan.FromSeconds(2), 3, CancellationToken.None));
                }
            });

            await Task.WhenAll(clients).Within();
        }

        [Fact]
        public async Task Client_gives_up_after_its_attempts_when_nobody_answers()
        {
            // A bound socket that never answers: every datagram is "lost".
            using var blackHole = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            blackHole.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            using var client = await UdpEchoClient.ConnectAsync("127.0.0.1", Endpoints.BoundEndPoint(blackHole).Port, CancellationToken.None).Within();

            await Assert.ThrowsAsync<TimeoutException>(() => client.EchoAsync("anyone?"u8.ToArray(), TimeSpan.FromMilliseconds(100), 2, CancellationToken.None).Within());
            Assert.True(blackHole.Available > 0, "the client sent nothing");
        }
    }
}
