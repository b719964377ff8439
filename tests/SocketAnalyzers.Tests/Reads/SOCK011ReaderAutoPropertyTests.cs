using System.Threading.Tasks;
using Xunit;
using static SocketAnalyzers.Tests.Reads.ReadTestCode;
using Verify = SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<SocketAnalyzers.Reads.SOCK011ReadLoopIgnoresEndOfStreamAnalyzer, SocketAnalyzers.CodeFixes.Reads.SOCK011ReadLoopIgnoresEndOfStreamCodeFixProvider>;

namespace SocketAnalyzers.Tests.Reads
{
    /// <summary>
    /// SOCK011 on a line reader kept in an auto-property that only its type can set (<c>{ get; }</c>, <c>{ get; private
    /// set; }</c>): metanit.com's chat server (2022 version, copied into many course repositories) keeps
    /// <c>Reader { get; }</c> made over <c>client.GetStream()</c> in the constructor, and its loop skips the null line with
    /// <c>if (message == null) continue;</c>: at end of stream it reads null for ever. The hidden field is followed like a
    /// private field; a property other code can set (<c>set</c>, <c>init</c>) stays unknown.
    /// </summary>
    public sealed class SOCK011ReaderAutoPropertyTests
    {
        private static string ClientObject(string property, string loop, string extra = "") => Usings + $$"""
            using System.Collections.Generic;

            class ClientObject
            {
                protected internal string Id { get; } = Guid.NewGuid().ToString();
                {{property}}
                protected internal StreamWriter Writer { get; }
                TcpClient client;

                public ClientObject(TcpClient tcpClient)
                {
                    client = tcpClient;
                    var stream = client.GetStream();
                    Reader = new StreamReader(stream);
                    Writer = new StreamWriter(stream);
                }
            {{extra}}
                public async Task ProcessAsync()
                {
                    string? message;
                    while (true)
                    {
                        try
                        {
            {{loop}}
                            Console.WriteLine(message);
                        }
                        catch
                        {
                            break;
                        }
                    }
                }
            }
            """;

        private const string SkipsNull = """
                            message = await [|Reader.ReadLineAsync()|];
                            if (message == null) continue;
            """;

        [Theory]
        [InlineData("protected internal StreamReader Reader { get; }")]
        [InlineData("private StreamReader Reader { get; }")]
        [InlineData("public StreamReader Reader { get; private set; }")]
        [InlineData("internal TextReader Reader { get; }")]
        public Task Reader_auto_property_only_its_type_sets_is_reported_when_the_loop_skips_the_null_line(string property)
            => Verify.VerifyAnalyzerAsync(ClientObject(property, SkipsNull));

        [Fact]
        public Task Reader_auto_property_with_an_initializer_is_reported()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class Listener
                {
                    static TcpClient Client { get; } = new TcpClient("localhost", 8888);
                    static StreamReader Reader { get; } = new StreamReader(Client.GetStream());

                    public static void Run()
                    {
                        while (true)
                        {
                            var line = [|Reader.ReadLine()|];
                            Console.WriteLine(line);
                        }
                    }
                }
                """);

        [Theory]
        // Other code may set it, or its type gives it a reader of something else.
        [InlineData("protected internal StreamReader Reader { get; set; }", "")]
        [InlineData("protected internal StreamReader Reader { get; init; }", "")]
        [InlineData("protected internal StreamReader Reader { get; protected set; }", "")]
        [InlineData("protected internal StreamReader Reader { get; }", "public ClientObject(string path) { client = new TcpClient(); Reader = new StreamReader(path); }")]
        [InlineData("protected internal virtual StreamReader Reader { get; }", "")]
        public Task Reader_auto_property_other_code_may_set_is_quiet(string property, string extra)
            => Verify.VerifyAnalyzerAsync(ClientObject(property, SkipsNull.Replace("[|", "").Replace("|]", ""), extra));

        [Fact]
        public Task Loop_over_a_reader_auto_property_that_leaves_at_the_null_line_is_quiet()
            => Verify.VerifyAnalyzerAsync(ClientObject("protected internal StreamReader Reader { get; }", """
                            message = await Reader.ReadLineAsync();
                            if (message == null) break;
            """));

        [Fact]
        public Task Fix_and_fix_all_leave_the_loops_over_a_reader_auto_property_at_the_null_line()
            => Verify.VerifyCodeFixAsync(
                Usings + """
                    class Session
                    {
                        private StreamReader Reader { get; }

                        public Session(TcpClient client) => Reader = new StreamReader(client.GetStream());

                        public void Run()
                        {
                            while (true)
                            {
                                var line = [|Reader.ReadLine()|];
                                Console.WriteLine(line);
                            }
                        }

                        public async Task RunAsync()
                        {
                            while (true)
                            {
                                var line = await [|Reader.ReadLineAsync()|];
                                Console.WriteLine(line);
                            }
                        }
                    }
                    """,
                Usings + """
                    class Session
                    {
                        private StreamReader Reader { get; }

                        public Session(TcpClient client) => Reader = new StreamReader(client.GetStream());

                        public void Run()
                        {
                            while (true)
                            {
                                var line = Reader.ReadLine();
                                if (line == null)
                                {
                                    break;
                                }

                                Console.WriteLine(line);
                            }
                        }

                        public async Task RunAsync()
                        {
                            while (true)
                            {
                                var line = await Reader.ReadLineAsync();
                                if (line == null)
                                {
                                    break;
                                }

                                Console.WriteLine(line);
                            }
                        }
                    }
                    """);
    }
}
