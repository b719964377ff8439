using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using SocketAnalyzers.Reference.Hosting;
using SocketAnalyzers.Reference.Http;
using SocketAnalyzers.Reference.Tests.Support;
using Xunit;

namespace SocketAnalyzers.Reference.Tests
{
    /// <summary>Runs alone (no other test allocating at the same time), so the process-wide allocation count means something.</summary>
    [CollectionDefinition(nameof(AllocationSensitive), DisableParallelization = true)]
    public sealed class AllocationSensitive
    {
    }

    [Collection(nameof(AllocationSensitive))]
    public sealed class AllocationTests : IDisposable
    {
        private readonly string _root = Directory.CreateTempSubdirectory("ref-alloc-").FullName;

        public void Dispose() => Directory.Delete(_root, recursive: true);

        [Fact]
        public async Task Oversized_http_request_is_refused_without_allocating_its_size()
        {
            File.WriteAllText(Path.Combine(_root, "index.html"), "ok");
            await using var server = HttpServer.Start(new IPEndPoint(IPAddress.Loopback, 0), new HttpServerOptions(_root, 8 * 1024, TimeSpan.FromSeconds(10)), ConnectionLog.None);
            Assert.Equal(200, (await RawHttpResponse.SendAsync(server.LocalEndPoint, "GET / HTTP/1.0\r\n\r\n")).Status); // warm up
            const int hostileSize = 4 * 1024 * 1024;
            var hostile = Encoding.ASCII.GetBytes("GET / HTTP/1.0\r\nX-Hostile: " + new string('a', hostileSize));

            var before = GC.GetTotalAllocatedBytes(precise: true);
            byte[] response;
            using (var peer = await Peer.ConnectAsync(server.LocalEndPoint))
            {
                var sending = peer.SendAsync(hostile);
                (response, _) = await peer.ReceiveToEndAsync();
                try
                {
                    await sending.Within();
                }
                catch (SocketException)
                {
                    // The server may close before taking every byte: that is its right.
                }
            }

            var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

            Assert.StartsWith("HTTP/1.0 431 ", Encoding.ASCII.GetString(response));
            Assert.True(allocated < hostileSize / 4, $"{allocated} bytes allocated while refusing a {hostileSize}-byte request head");
        }
    }
}
