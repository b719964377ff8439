using System.Threading.Tasks;
using Xunit;
using static SocketAnalyzers.Tests.Reads.ReadTestCode;
using Verify = SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<SocketAnalyzers.Reads.SOCK011ReadLoopIgnoresEndOfStreamAnalyzer, SocketAnalyzers.CodeFixes.Reads.SOCK011ReadLoopIgnoresEndOfStreamCodeFixProvider>;

namespace SocketAnalyzers.Tests.Reads
{
    /// <summary>
    /// SOCK011 across asynchronous helpers: <c>async Task&lt;string&gt; ReceiveAsync()</c> that awaits its one read and
    /// returns what it got (or a helper that returns the read's task itself), awaited in a loop of the caller, spins as the
    /// read would. Helpers that test, throw, write or await anything else, and callers that stop at the end of stream or
    /// do not await the helper, stay quiet.
    /// </summary>
    public sealed class SOCK011AsyncHelperTests
    {
        private static string Chat(string members) => Usings + $$"""
            class Chat
            {
                private readonly NetworkStream stream;
                private readonly StreamReader reader;
                private readonly StreamWriter writer;
                private readonly byte[] buf = new byte[1024];

                public Chat(TcpClient client)
                {
                    stream = client.GetStream();
                    reader = new StreamReader(client.GetStream());
                    writer = new StreamWriter(client.GetStream());
                }

            {{Indent(members, 4)}}
            }
            """;

        private const string LineLoop = """
            public async Task RunAsync()
            {
                while (true)
                {
                    var message = await {|SOCK011:ReceiveAsync()|};
                    Console.WriteLine("> " + message);
                    if (message == "quit")
                    {
                        break;
                    }
                }
            }
            """;

        [Theory]
        [InlineData("""
            private async Task<string> ReceiveAsync()
            {
                var line = await reader.ReadLineAsync();
                return line;
            }
            """)]
        [InlineData("private async Task<string> ReceiveAsync() => await reader.ReadLineAsync().ConfigureAwait(false);")]
        [InlineData("private Task<string> ReceiveAsync() => reader.ReadLineAsync();")]
        [InlineData("""
            private async Task<string> ReceiveAsync()
            {
                int n = await stream.ReadAsync(buf, 0, buf.Length);
                return Encoding.UTF8.GetString(buf, 0, n).Trim();
            }
            """)]
        [InlineData("""
            private async ValueTask<string> ReceiveAsync()
            {
                var n = await stream.ReadAsync(buf.AsMemory());
                Console.WriteLine("read " + n);
                return Encoding.ASCII.GetString(buf, 0, n);
            }
            """)]
        public Task Loop_awaiting_an_async_helper_that_returns_what_its_read_got_is_reported(string helper)
            => Verify.VerifyAnalyzerAsync(Chat(helper + "\n\n" + LineLoop));

        [Fact]
        public Task Loop_awaiting_an_async_helper_that_returns_its_count_is_reported()
            => Verify.VerifyAnalyzerAsync(Chat("""
                private async Task<int> FillAsync(byte[] b) => await stream.ReadAsync(b, 0, b.Length);

                public async Task RunAsync(byte[] b)
                {
                    var total = 0;
                    while (total < b.Length)
                    {
                        total += await {|SOCK011:FillAsync(b)|};
                    }
                }
                """));

        [Fact]
        public Task Message_names_the_read_inside_the_async_helper()
            => Verify.VerifyAnalyzerAsync(
                Chat("""
                    private async Task<string> ReceiveAsync() => await reader.ReadLineAsync();

                    public async Task RunAsync()
                    {
                        while (true)
                        {
                            Console.WriteLine(await {|#0:ReceiveAsync()|});
                        }
                    }
                    """),
                Verify.Diagnostic().WithLocation(0).WithMessage("When the peer closes, StreamReader.ReadLineAsync in Chat.ReceiveAsync returns null, Chat.ReceiveAsync then returns null, and this loop spins forever; leave the loop when Chat.ReceiveAsync returns null"));

        [Theory]
        [InlineData("""
            private async Task<string> ReceiveAsync()
            {
                var line = await reader.ReadLineAsync();
                if (line == null)
                {
                    throw new IOException("closed");
                }

                return line;
            }
            """)]
        [InlineData("""
            private async Task<string> ReceiveAsync()
            {
                await Task.Delay(10);
                return await reader.ReadLineAsync();
            }
            """)]
        [InlineData("""
            private async Task<string> ReceiveAsync()
            {
                var line = await reader.ReadLineAsync();
                await writer.WriteLineAsync("ack");
                return line;
            }
            """)]
        [InlineData("""
            private async Task<string> ReceiveAsync()
            {
                var pending = reader.ReadLineAsync();
                return await pending;
            }
            """)]
        [InlineData("""
            private Task<string> ReceiveAsync() => Task.FromResult(reader.ReadLine());
            """)]
        public Task Async_helper_that_does_more_than_return_what_its_read_got_is_quiet(string helper)
            => Verify.VerifyAnalyzerAsync(Chat(helper + "\n\n" + LineLoop.Replace("{|SOCK011:ReceiveAsync()|}", "ReceiveAsync()")));

        [Theory]
        [InlineData("if (message == null || message == \"quit\") break;")]
        [InlineData("if (message is null) return;")]
        public Task Caller_that_stops_at_the_null_line_of_an_async_helper_is_quiet(string test)
            => Verify.VerifyAnalyzerAsync(Chat($$"""
                private async Task<string> ReceiveAsync() => await reader.ReadLineAsync();

                public async Task RunAsync()
                {
                    while (true)
                    {
                        var message = await ReceiveAsync();
                        {{test}}
                        Console.WriteLine(message);
                    }
                }
                """));

        [Fact]
        public Task Async_helper_whose_read_is_of_a_stream_that_is_no_network_stream_is_quiet()
            => Verify.VerifyAnalyzerAsync(Chat("""
                private static async Task<string> ReceiveAsync(Stream s, byte[] b) => Encoding.UTF8.GetString(b, 0, await s.ReadAsync(b, 0, b.Length));

                public static async Task ReplayAsync(string path, byte[] b)
                {
                    using var file = File.OpenRead(path);
                    while (true)
                    {
                        if (await ReceiveAsync(file, b) == "end") break;
                    }
                }
                """));
    }
}
