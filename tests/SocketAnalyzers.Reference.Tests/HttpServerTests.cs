using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using SocketAnalyzers.Reference.Hosting;
using SocketAnalyzers.Reference.Http;
using SocketAnalyzers.Reference.Tests.Support;
using Xunit;

namespace SocketAnalyzers.Reference.Tests
{
    public sealed class HttpServerTests : IAsyncLifetime
    {
        private readonly string _directory = Directory.CreateTempSubdirectory("ref-http-").FullName;
        private readonly SignalingWriter _log = new();
        private IReferenceServer _server = null!;

        private string Root => Path.Combine(_directory, "www");

        public Task InitializeAsync()
        {
            Directory.CreateDirectory(Path.Combine(Root, "docs"));
            File.WriteAllText(Path.Combine(Root, "index.html"), "<h1>home</h1>");
            File.WriteAllText(Path.Combine(Root, "docs", "read me.txt"), "plain text");
            File.WriteAllBytes(Path.Combine(Root, "image.png"), EchoServerTests.RandomBytes(new Random(7), 2 * 1024 * 1024 + 1));
            File.WriteAllText(Path.Combine(_directory, "secret.txt"), "outside the root");
            _server = Start(TimeSpan.FromSeconds(10));
            return Task.CompletedTask;
        }

        public async Task DisposeAsync()
        {
            await _server.StopAsync().Within();
            Directory.Delete(_directory, recursive: true);
        }

        [Fact]
        public async Task Get_returns_the_file_with_its_type_and_length()
        {
            var response = await RawHttpResponse.SendAsync(_server.LocalEndPoint, "GET /index.html HTTP/1.0\r\nHost: localhost\r\n\r\n");

            Assert.Equal("HTTP/1.0 200 OK", response.StatusLine);
            Assert.Equal("text/html; charset=utf-8", response.Headers["Content-Type"]);
            Assert.Equal("<h1>home</h1>", response.BodyText);
            Assert.Contains("GET /index.html 200 13 bytes", await _log.WaitForLineAsync("GET /index.html"));
        }

        [Theory]
        [InlineData("/", "<h1>home</h1>")]
        [InlineData("/docs/read%20me.txt", "plain text")]
        [InlineData("/docs/read%20me.txt?version=2", "plain text")]
        [InlineData("/docs/./read%20me.txt", "plain text")]
        public async Task Targets_map_to_files_under_the_root(string target, string expected)
        {
            var response = await RawHttpResponse.SendAsync(_server.LocalEndPoint, $"GET {target} HTTP/1.1\r\n\r\n");

            Assert.Equal(200, response.Status);
            Assert.Equal(expected, response.BodyText);
        }

        [Fact]
        public async Task Binary_file_arrives_byte_exact()
        {
            var response = await RawHttpResponse.SendAsync(_server.LocalEndPoint, "GET /image.png HTTP/1.0\r\n\r\n");

            Assert.Equal("image/png", response.Headers["Content-Type"]);
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(Root, "image.png")), response.Body);
        }

        [Theory]
        [InlineData("/missing.html", 404)]
        [InlineData("/docs/", 404)]
        [InlineData("/../secret.txt", 403)]
        [InlineData("/docs/../../secret.txt", 403)]
        [InlineData("/%2e%2e/secret.txt", 403)]
        [InlineData("/%2E%2E%2Fsecret.txt", 403)]
        [InlineData("/..%5csecret.txt", 403)]
        [InlineData("/index.html%00.txt", 403)]
        [InlineData("index.html", 400)]
        [InlineData("http://localhost/index.html", 400)]
        public async Task Missing_files_and_paths_outside_the_root_are_refused(string target, int status)
        {
            var response = await RawHttpResponse.SendAsync(_server.LocalEndPoint, $"GET {target} HTTP/1.0\r\n\r\n");

            Assert.Equal(status, response.Status);
            Assert.DoesNotContain("outside the root", response.BodyText);
        }

        [Fact]
        public async Task Link_to_a_file_outside_the_root_is_refused()
        {
            File.CreateSymbolicLink(Path.Combine(Root, "link-file"), Path.Combine(_directory, "secret.txt"));

            var response = await RawHttpResponse.SendAsync(_server.LocalEndPoint, "GET /link-file HTTP/1.0\r\n\r\n");

            Assert.Equal(403, response.Status);
            Assert.DoesNotContain("outside the root", response.BodyText);
        }

        [Theory]
        [InlineData("/link-dir/secret.txt")]
        [InlineData("/link-dir/")]
        [InlineData("/link-dir")]
        public async Task Link_to_a_directory_outside_the_root_is_refused(string target)
        {
            File.WriteAllText(Path.Combine(_directory, "index.html"), "outside the root");
            Directory.CreateSymbolicLink(Path.Combine(Root, "link-dir"), _directory);

            var response = await RawHttpResponse.SendAsync(_server.LocalEndPoint, $"GET {target} HTTP/1.0\r\n\r\n");

            Assert.Equal(403, response.Status);
            Assert.DoesNotContain("outside the root", response.BodyText);
        }

        [Fact]
        public async Task Chain_of_links_that_ends_outside_the_root_is_refused()
        {
            // docs/a -> ../b (inside) -> relative hop through a directory link -> the secret outside.
            Directory.CreateSymbolicLink(Path.Combine(Root, "up"), _directory);
            File.CreateSymbolicLink(Path.Combine(Root, "b"), "up/secret.txt");
            File.CreateSymbolicLink(Path.Combine(Root, "docs", "a"), "../b");

            var response = await RawHttpResponse.SendAsync(_server.LocalEndPoint, "GET /docs/a HTTP/1.0\r\n\r\n");

            Assert.Equal(403, response.Status);
            Assert.DoesNotContain("outside the root", response.BodyText);
        }

        [Fact]
        public async Task Link_created_while_the_server_runs_is_checked_on_each_request()
        {
            var before = await RawHttpResponse.SendAsync(_server.LocalEndPoint, "GET /later HTTP/1.0\r\n\r\n");
            File.CreateSymbolicLink(Path.Combine(Root, "later"), Path.Combine(_directory, "secret.txt"));

            var after = await RawHttpResponse.SendAsync(_server.LocalEndPoint, "GET /later HTTP/1.0\r\n\r\n");

            Assert.Equal(404, before.Status);
            Assert.Equal(403, after.Status);
            Assert.DoesNotContain("outside the root", after.BodyText);
        }

        [Fact]
        public async Task File_replaced_by_an_outside_link_while_the_server_runs_is_refused()
        {
            Assert.Equal(200, (await RawHttpResponse.SendAsync(_server.LocalEndPoint, "GET /docs/read%20me.txt HTTP/1.0\r\n\r\n")).Status);
            File.Delete(Path.Combine(Root, "docs", "read me.txt"));
            File.CreateSymbolicLink(Path.Combine(Root, "docs", "read me.txt"), Path.Combine(_directory, "secret.txt"));

            var response = await RawHttpResponse.SendAsync(_server.LocalEndPoint, "GET /docs/read%20me.txt HTTP/1.0\r\n\r\n");

            Assert.Equal(403, response.Status);
        }

        [Theory]
        [InlineData("/alias.txt", "plain text")]
        [InlineData("/alias-dir/read%20me.txt", "plain text")]
        [InlineData("/relative-alias", "<h1>home</h1>")]
        public async Task Links_that_stay_inside_the_root_are_served(string target, string expected)
        {
            File.CreateSymbolicLink(Path.Combine(Root, "alias.txt"), Path.Combine(Root, "docs", "read me.txt"));
            Directory.CreateSymbolicLink(Path.Combine(Root, "alias-dir"), Path.Combine(Root, "docs"));
            File.CreateSymbolicLink(Path.Combine(Root, "relative-alias"), "docs/../index.html");

            var response = await RawHttpResponse.SendAsync(_server.LocalEndPoint, $"GET {target} HTTP/1.0\r\n\r\n");

            Assert.Equal(200, response.Status);
            Assert.Equal(expected, response.BodyText);
        }

        [Fact]
        public async Task Root_that_is_itself_a_link_serves_its_files()
        {
            var alias = Path.Combine(_directory, "www-alias");
            Directory.CreateSymbolicLink(alias, Root);
            await using var server = HttpServer.Start(new IPEndPoint(IPAddress.Loopback, 0), new HttpServerOptions(alias, 8 * 1024, TimeSpan.FromSeconds(10)), ConnectionLog.None);

            var inside = await RawHttpResponse.SendAsync(server.LocalEndPoint, "GET /docs/read%20me.txt HTTP/1.0\r\n\r\n");
            var outside = await RawHttpResponse.SendAsync(server.LocalEndPoint, "GET /www-alias/index.html HTTP/1.0\r\n\r\n");

            Assert.Equal(200, inside.Status);
            Assert.Equal(404, outside.Status);
        }

        [Fact]
        public void Link_loop_resolves_to_nothing_instead_of_hanging()
        {
            File.CreateSymbolicLink(Path.Combine(Root, "loop-a"), "loop-b");
            File.CreateSymbolicLink(Path.Combine(Root, "loop-b"), "loop-a");

            Assert.Null(RealPath.Resolve(Path.Combine(Root, "loop-a")));
            Assert.Equal((403, null), HttpServer.Resolve(RealPath.Resolve(Root) + Path.DirectorySeparatorChar, "/loop-a"));
        }

        [Theory]
        [InlineData("GARBAGE\r\n\r\n")]
        [InlineData("GET /index.html\r\n\r\n")]
        [InlineData("GET  /index.html HTTP/1.0\r\n\r\n")]
        [InlineData("GET /index.html HTTP/x\r\n\r\n")]
        [InlineData("get /index.html HTTP/1.0\r\n\r\n")]
        [InlineData("GET /index.html HTTP/1.0 extra\r\n\r\n")]
        [InlineData("GET /in\u0001dex.html HTTP/1.0\r\n\r\n")]
        [InlineData("\r\n\r\n")]
        public async Task Malformed_request_line_gets_400(string request)
        {
            var response = await RawHttpResponse.SendAsync(_server.LocalEndPoint, request);

            Assert.Equal("HTTP/1.0 400 Bad Request", response.StatusLine);
        }

        [Theory]
        [InlineData("POST /index.html HTTP/1.0\r\nContent-Length: 0\r\n\r\n", 405)]
        [InlineData("HEAD /index.html HTTP/1.0\r\n\r\n", 405)]
        [InlineData("GET /index.html HTTP/2.0\r\n\r\n", 505)]
        public async Task Only_GET_over_HTTP_1_is_served(string request, int status)
        {
            var response = await RawHttpResponse.SendAsync(_server.LocalEndPoint, request);

            Assert.Equal(status, response.Status);
        }

        [Fact]
        public async Task Oversized_request_gets_431_without_reading_it_all_and_the_server_goes_on()
        {
            using var peer = await Peer.ConnectAsync(_server.LocalEndPoint);
            var header = "GET /index.html HTTP/1.0\r\nX-Padding: " + new string('a', 64 * 1024) + "\r\n\r\n";
            // The server stops reading at 8 KiB and answers; the rest of our send may fail once it has closed.
            var sending = peer.SendAsync(Encoding.ASCII.GetBytes(header));
            var (data, _) = await peer.ReceiveToEndAsync();
            try
            {
                await sending.Within();
            }
            catch (System.Net.Sockets.SocketException)
            {
                // Expected when the server closed before taking all 64 KiB.
            }

            Assert.StartsWith("HTTP/1.0 431 Request Header Fields Too Large", Encoding.ASCII.GetString(data));
            Assert.Contains("431", await _log.WaitForLineAsync("431"));
            var next = await RawHttpResponse.SendAsync(_server.LocalEndPoint, "GET / HTTP/1.0\r\n\r\n");
            Assert.Equal(200, next.Status);
        }

        [Fact]
        public async Task Slow_client_sending_one_byte_at_a_time_is_served()
        {
            using var peer = await Peer.ConnectAsync(_server.LocalEndPoint);

            await peer.SendByteByByteAsync(Encoding.ASCII.GetBytes("GET /docs/read%20me.txt HTTP/1.0\r\nUser-Agent: slow\r\n\r\n"), TimeSpan.FromMilliseconds(1));
            var response = await RawHttpResponse.ReadAsync(peer);

            Assert.Equal(200, response.Status);
            Assert.Equal("plain text", response.BodyText);
        }

        [Fact]
        public async Task Silent_client_gets_408_after_the_read_timeout()
        {
            await using var server = Start(TimeSpan.FromMilliseconds(400));

            // The clock starts before connecting: the server's timer starts at accept, and under load the test may
            // only resume well after the connection is established.
            var clock = Stopwatch.StartNew();
            using var peer = await Peer.ConnectAsync(server.LocalEndPoint);

            var response = await RawHttpResponse.ReadAsync(peer, TimeSpan.FromSeconds(10));

            Assert.Equal(408, response.Status);
            Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(8));
        }

        [Fact]
        public async Task Client_trickling_a_request_forever_is_cut_off_by_the_deadline_for_the_whole_request()
        {
            await using var server = Start(TimeSpan.FromMilliseconds(400));
            using var peer = await Peer.ConnectAsync(server.LocalEndPoint);
            var receiving = RawHttpResponse.ReadAsync(peer, TimeSpan.FromSeconds(10));

            // One header byte every 50 ms: each read is quick, the request never ends.
            for (var i = 0; i < 200 && !receiving.IsCompleted; i++)
            {
                try
                {
                    await peer.SendAsync(i == 0 ? "GET / HTTP/1.0\r\nX: "u8.ToArray() : "a"u8.ToArray());
                }
                catch (System.Net.Sockets.SocketException)
                {
                    break;
                }

                await Task.WhenAny(receiving, Task.Delay(50));
            }

            Assert.Equal(408, (await receiving.Within()).Status);
        }

        [Fact]
        public async Task Client_that_vanishes_after_half_a_request_does_not_stop_the_server()
        {
            using (var vanishing = await Peer.ConnectAsync(_server.LocalEndPoint))
            {
                await vanishing.SendAsync("GET /index.html HT"u8.ToArray());
                vanishing.Socket.Close();
            }

            using (var rude = await Peer.ConnectAsync(_server.LocalEndPoint))
            {
                await rude.SendAsync("GET /inde"u8.ToArray());
                rude.Reset();
            }

            Assert.Contains("incomplete request; no reply", await _log.WaitForLineAsync("18 bytes of an incomplete request"));
            Assert.Contains("reset", await _log.WaitForLineAsync("aborted"));
            Assert.Equal(200, (await RawHttpResponse.SendAsync(_server.LocalEndPoint, "GET / HTTP/1.0\r\n\r\n")).Status);
        }

        [Fact]
        public async Task HttpClient_reads_the_response()
        {
            using var http = new HttpClient { Timeout = Bounded.Default };

            var text = await http.GetStringAsync($"http://{_server.LocalEndPoint}/docs/read%20me.txt");

            Assert.Equal("plain text", text);
        }

        private IReferenceServer Start(TimeSpan readTimeout) =>
            HttpServer.Start(new IPEndPoint(IPAddress.Loopback, 0), new HttpServerOptions(Root, 8 * 1024, readTimeout), new ConnectionLog("http", _log));
    }
}
