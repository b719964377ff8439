using System;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using SocketAnalyzers.Reference.Hosting;
using SocketAnalyzers.Reference.Tests.Support;
using Xunit;

namespace SocketAnalyzers.Reference.Tests
{
    /// <summary>The programs as users run them: child processes of <c>dotnet SocketAnalyzers.Reference.dll</c>.</summary>
    public sealed class CommandLineTests : IDisposable
    {
        private readonly string _directory = Directory.CreateTempSubdirectory("ref-cli-").FullName;

        public void Dispose() => Directory.Delete(_directory, recursive: true);

        [Theory]
        [InlineData("iterative")]
        [InlineData("threaded")]
        [InlineData("async")]
        public async Task Echo_server_and_client(string mode)
        {
            await using var server = ProgramProcess.Start("echo-server", "--mode", mode, "--port", "0");
            var endPoint = await server.WaitForListeningAsync();
            Assert.Equal(IPAddress.Loopback, endPoint.Address);
            var port = Port(endPoint);

            var byMessage = await ProgramProcess.RunAsync(null, "echo-client", "--port", port, "--message", "héllo, wörld");
            var byStdin = await ProgramProcess.RunAsync("line one\nline two\n", "echo-client", "--host", "127.0.0.1", "--port", port);

            Assert.Equal((0, "héllo, wörld" + Environment.NewLine), (byMessage.ExitCode, byMessage.Stdout));
            Assert.Equal((0, "line one\nline two\n"), (byStdin.ExitCode, byStdin.Stdout.Replace(Environment.NewLine, "\n", StringComparison.Ordinal)));
            var stopped = await server.TerminateAsync();
            Assert.Equal(0, stopped.ExitCode);
            Assert.Contains("echo-server: 127.0.0.1:", stopped.Stderr);
            Assert.Contains("echoed 14 bytes, closed after the client's half-close", stopped.Stderr);
            Assert.Equal(2, CountOccurrences(stopped.Stderr, "closed after the client's half-close"));
            Assert.EndsWith("stopped" + Environment.NewLine, stopped.Stderr);
        }

        [Fact]
        public async Task Udp_echo_server_and_client_keep_each_message_including_the_empty_one()
        {
            await using var server = ProgramProcess.Start("udp-echo-server", "--port", "0");
            var port = Port(await server.WaitForListeningAsync());

            var result = await ProgramProcess.RunAsync(null, "udp-echo-client", "--port", port, "--message", "one", "--message", string.Empty, "--message", "three");

            Assert.Equal(0, result.ExitCode);
            Assert.Equal(new[] { "one", string.Empty, "three", string.Empty }, result.Stdout.Split(Environment.NewLine));
            var fromStdin = await ProgramProcess.RunAsync("line a\n\nline c\n", "udp-echo-client", "--port", port);
            Assert.Equal((0, "line a\n\nline c\n"), (fromStdin.ExitCode, fromStdin.Stdout.Replace(Environment.NewLine, "\n", StringComparison.Ordinal)));
            Assert.Equal(0, (await server.InterruptAsync()).ExitCode);
        }

        [Fact]
        public async Task Calc_server_and_client_on_the_command_line_and_from_stdin()
        {
            await using var server = ProgramProcess.Start("calc-server", "--port", "0");
            var port = Port(await server.WaitForListeningAsync());

            var sum = await ProgramProcess.RunAsync(null, "calc-client", "--port", port, "--op", "+", "1", "2", "-3", "-10");
            var product = await ProgramProcess.RunAsync(null, "calc-client", "--port", port, "--op", "*", "65536", "65536");
            var lines = await ProgramProcess.RunAsync("- 10 -3 20\n* -4 5\n+ 2147483647 1\n", "calc-client", "--port", port);

            Assert.Equal((0, "-10"), (sum.ExitCode, sum.Stdout.Trim()));
            Assert.Equal((0, "0"), (product.ExitCode, product.Stdout.Trim()));
            Assert.Equal(0, lines.ExitCode);
            Assert.Equal(new[] { "-7", "-20", "-2147483648", string.Empty }, lines.Stdout.Split(Environment.NewLine));
            var stopped = await server.TerminateAsync();
            Assert.Equal(0, stopped.ExitCode);
            Assert.Contains("answered 3 requests", stopped.Stderr);
        }

        [Fact]
        public async Task File_server_and_client_transfer_the_file_and_the_server_prints_the_reply()
        {
            var source = Path.Combine(_directory, "source.bin");
            var content = EchoServerTests.RandomBytes(new Random(3), 1024 * 1024 + 5);
            await File.WriteAllBytesAsync(source, content);
            var target = Path.Combine(_directory, "target.bin");
            await using var server = ProgramProcess.Start("file-server", "--port", "0", "--file", source);
            var port = Port(await server.WaitForListeningAsync());

            var client = await ProgramProcess.RunAsync(null, "file-client", "--port", port, "--out", target);

            Assert.Equal(0, client.ExitCode);
            Assert.Equal($"saved {content.Length} bytes to {target}", client.Stdout.Trim());
            Assert.Equal(content, await File.ReadAllBytesAsync(target));
            Assert.Equal("client said: Thank you", await server.NextStdoutLineAsync());
            Assert.Equal(0, (await server.TerminateAsync()).ExitCode);
        }

        [Fact]
        public async Task Http_server_serves_a_file_to_a_raw_socket_and_stops_on_ctrl_c()
        {
            var root = Directory.CreateDirectory(Path.Combine(_directory, "www")).FullName;
            await File.WriteAllTextAsync(Path.Combine(root, "hello.txt"), "hello over HTTP/1.0");
            await using var server = ProgramProcess.Start("http-server", "--port", "0", "--root", root);
            var endPoint = await server.WaitForListeningAsync();

            var ok = await RawHttpResponse.SendAsync(endPoint, "GET /hello.txt HTTP/1.0\r\n\r\n");
            var missing = await RawHttpResponse.SendAsync(endPoint, "GET /nope.txt HTTP/1.0\r\n\r\n");

            Assert.Equal((200, "text/plain; charset=utf-8", "hello over HTTP/1.0"), (ok.Status, ok.Headers["Content-Type"], ok.BodyText));
            Assert.Equal(404, missing.Status);
            var stopped = await server.InterruptAsync();
            Assert.Equal(0, stopped.ExitCode);
            Assert.Contains("GET /hello.txt 200 19 bytes", stopped.Stderr);
        }

        [Fact]
        public async Task Server_announces_the_host_it_was_given()
        {
            if (!CanUseIPv6Loopback())
            {
                return; // a CI container without IPv6: nothing to check here
            }

            await using var server = ProgramProcess.Start("echo-server", "--host", "::1", "--port", "0");
            var endPoint = await server.WaitForListeningAsync();

            Assert.Equal(IPAddress.IPv6Loopback, endPoint.Address);
            var echo = await ProgramProcess.RunAsync(null, "echo-client", "--host", "::1", "--port", Port(endPoint), "--message", "v6");
            Assert.Equal("v6", echo.Stdout.Trim());
            Assert.Equal(0, (await server.TerminateAsync()).ExitCode);
        }

        [Fact]
        public async Task Server_on_a_busy_port_fails_with_exit_code_1()
        {
            using var busy = Endpoints.Listen(new IPEndPoint(IPAddress.Loopback, 0));

            var result = await ProgramProcess.RunAsync(null, "calc-server", "--port", Port(Endpoints.BoundEndPoint(busy)));

            Assert.Equal(1, result.ExitCode);
            Assert.Contains("AddressAlreadyInUse", result.Stderr);
            Assert.Equal(string.Empty, result.Stdout);
        }

        [Fact]
        public async Task Client_without_a_server_fails_with_exit_code_1()
        {
            int port;
            using (var probe = Endpoints.Listen(new IPEndPoint(IPAddress.Loopback, 0)))
            {
                port = Endpoints.BoundEndPoint(probe).Port;
            }

            var result = await ProgramProcess.RunAsync(null, "calc-client", "--port", port.ToString(CultureInfo.InvariantCulture), "--op", "+", "1");

            Assert.Equal(1, result.ExitCode);
            Assert.Contains("ConnectionRefused", result.Stderr);
        }

        [Theory]
        [InlineData(2)]
        [InlineData(2, "no-such-command")]
        [InlineData(2, "echo-server", "--mode", "forking")]
        [InlineData(2, "echo-server", "--port", "70000")]
        [InlineData(2, "calc-client", "--op", "/", "1", "2")]
        [InlineData(2, "calc-client", "--op", "+", "1", "two")]
        [InlineData(2, "file-server")]
        [InlineData(2, "http-server", "--root", ".", "--read-timeout", "0")]
        [InlineData(2, "echo-server", "--evict-idle", "maybe")]
        [InlineData(2, "calc-server", "--max-connections", "0")]
        [InlineData(2, "file-server", "--file", "x", "--first-byte-timeout", "-1")]
        [InlineData(0, "--help")]
        [InlineData(0, "calc-client", "--help")]
        public async Task Usage_errors_exit_with_2_and_help_with_0(int exitCode, params string[] args)
        {
            var result = await ProgramProcess.RunAsync(null, args);

            Assert.Equal(exitCode, result.ExitCode);
            Assert.Contains("usage:", exitCode == 0 ? result.Stdout : result.Stdout + result.Stderr);
        }

        private static bool CanUseIPv6Loopback()
        {
            try
            {
                using var probe = Endpoints.Listen(new IPEndPoint(IPAddress.IPv6Loopback, 0));
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
        }

        private static string Port(IPEndPoint endPoint) => endPoint.Port.ToString(CultureInfo.InvariantCulture);

        private static int CountOccurrences(string text, string fragment)
        {
            var count = 0;
            for (var i = text.IndexOf(fragment, StringComparison.Ordinal); i >= 0; i = text.IndexOf(fragment, i + 1, StringComparison.Ordinal))
            {
                count++;
            }

            return count;
        }
    }
}
