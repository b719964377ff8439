using System.Threading.Tasks;
using Xunit;
using static SocketAnalyzers.Tests.Reads.ReadTestCode;
using Verify010 = SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<SocketAnalyzers.Reads.SOCK010DiscardedReadCountAnalyzer, SocketAnalyzers.CodeFixes.Reads.SOCK010DiscardedReadCountCodeFixProvider>;
using Verify011 = SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<SocketAnalyzers.Reads.SOCK011ReadLoopIgnoresEndOfStreamAnalyzer, SocketAnalyzers.CodeFixes.Reads.SOCK011ReadLoopIgnoresEndOfStreamCodeFixProvider>;

namespace SocketAnalyzers.Tests.Reads
{
    /// <summary>
    /// A private field typed <c>Stream</c> that its class only ever gives a network stream (or null) is a network stream:
    /// its reads, and readers built over it, are followed like those of a <c>NetworkStream</c> field. A field given
    /// anything else, one other code may assign, or fields assigned only from each other, stay unknown.
    /// </summary>
    public sealed class StreamFieldTests
    {
        private static string Class(string members) => Usings + "class Session\n{\n    private static readonly TcpClient client = new TcpClient(\"example.org\", 80);\n\n" + Indent(members, 4) + "\n}\n";

        [Fact]
        public Task A_stream_field_given_a_network_stream_in_the_constructor_is_followed_by_SOCK011()
            => Verify011.VerifyAnalyzerAsync(Class("""
                private Stream stream;

                public Session()
                {
                    stream = client.GetStream();
                }

                public void Run(byte[] buffer)
                {
                    while (true)
                    {
                        int n = [|stream.Read(buffer, 0, buffer.Length)|];
                        Console.WriteLine(n);
                    }
                }
                """));

        /// <summary>
        /// An empty placeholder until the connection is made holds no data, as <c>null</c> does (fresh93 M2, a Kafka client:
        /// <c>private Stream _stream = Stream.Null;</c>, given a <c>NetworkStream</c> when it connects).
        /// </summary>
        [Theory]
        [InlineData("private Stream stream = Stream.Null;", "stream = client.GetStream();", "int n = [|stream.Read(buffer, 0, buffer.Length)|];\nConsole.WriteLine(n);")]
        [InlineData("private Stream stream = System.IO.Stream.Null;", "stream = new NetworkStream(client.Client, true);", "int n = [|stream.Read(buffer, 0, buffer.Length)|];\nConsole.WriteLine(n);")]
        [InlineData("private TextReader reader = TextReader.Null;", "reader = new StreamReader(client.GetStream());", "var line = [|reader.ReadLine()|];\nif (line != null) Console.WriteLine(line);")]
        [InlineData("private StreamReader reader = StreamReader.Null;", "reader = new StreamReader(client.GetStream());", "var line = [|reader.ReadLine()|];\nif (line != null) Console.WriteLine(line);")]
        public Task A_field_that_holds_an_empty_placeholder_until_it_connects_is_followed(string field, string connect, string turn)
            => Verify011.VerifyAnalyzerAsync(Class($$"""
                {{field}}

                public void Open()
                {
                    {{connect}}
                }

                public void Run(byte[] buffer)
                {
                    while (true)
                    {
                {{Indent(turn, 12)}}
                    }
                }
                """));

        [Fact]
        public Task A_reader_over_a_stream_field_given_a_network_stream_is_followed()
            => Verify011.VerifyAnalyzerAsync(Class("""
                private readonly Stream stream = client.GetStream();
                private StreamReader reader;

                public Session()
                {
                    reader = new StreamReader(stream);
                }

                public void Run()
                {
                    while (true)
                    {
                        var message = [|reader.ReadLine()|];
                        if (message != null)
                        {
                            Console.WriteLine(message);
                        }

                        stream.Flush();
                    }
                }
                """));

        [Fact]
        public Task A_stream_field_given_a_network_stream_loses_a_discarded_count()
            => Verify010.VerifyAnalyzerAsync(Class("""
                private Stream stream;

                public void Open() => stream = new NetworkStream(client.Client);

                public int Header(byte[] buffer)
                {
                    [|stream.Read(buffer, 0, 4)|];
                    return buffer[0];
                }
                """));

        [Fact]
        public Task Fix_leaves_the_loop_over_a_stream_field_at_0()
            => Verify011.VerifyCodeFixAsync(
                Class("""
                    private Stream stream = client.GetStream();

                    public void Run(byte[] buffer)
                    {
                        while (true)
                        {
                            int n = [|stream.Read(buffer, 0, buffer.Length)|];
                            Console.WriteLine(n);
                        }
                    }
                    """),
                Class("""
                    private Stream stream = client.GetStream();

                    public void Run(byte[] buffer)
                    {
                        while (true)
                        {
                            int n = stream.Read(buffer, 0, buffer.Length);
                            if (n == 0)
                            {
                                break;
                            }

                            Console.WriteLine(n);
                        }
                    }
                    """));

        [Theory]
        [InlineData("""
            private Stream stream = client.GetStream();

            public void Replay() => stream = File.OpenRead("capture.bin");

            public int Header(byte[] buffer)
            {
                stream.Read(buffer, 0, 4);
                return buffer[0];
            }
            """)]
        [InlineData("""
            public Stream stream = client.GetStream();

            public int Header(byte[] buffer)
            {
                stream.Read(buffer, 0, 4);
                return buffer[0];
            }
            """)]
        [InlineData("""
            private Stream first;
            private Stream second;

            public void Swap()
            {
                first = second;
                second = first;
            }

            public int Header(byte[] buffer)
            {
                first.Read(buffer, 0, 4);
                return buffer[0];
            }
            """)]
        [InlineData("""
            private Stream stream;

            public int Header(byte[] buffer)
            {
                stream.Read(buffer, 0, 4);
                return buffer[0];
            }
            """)]
        // A placeholder only, never a network stream: nothing says what the field reads.
        [InlineData("""
            private Stream stream = Stream.Null;

            public int Header(byte[] buffer)
            {
                stream.Read(buffer, 0, 4);
                return buffer[0];
            }
            """)]
        // Another static field named Null (the project's own) is not the framework's placeholder.
        [InlineData("""
            private Stream stream = Empty.Null;

            public void Open() => stream = client.GetStream();

            public int Header(byte[] buffer)
            {
                stream.Read(buffer, 0, 4);
                return buffer[0];
            }

            private static class Empty
            {
                public static readonly Stream Null = new MemoryStream();
            }
            """)]
        public Task A_stream_field_given_anything_else_or_reachable_from_outside_stays_silent(string members)
            => Verify010.VerifyAnalyzerAsync(Class(members));
    }
}
