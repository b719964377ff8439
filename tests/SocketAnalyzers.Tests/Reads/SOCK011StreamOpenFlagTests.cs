using System.Threading.Tasks;
using Xunit;
using static SocketAnalyzers.Tests.Reads.ReadTestCode;
using Verify = SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<SocketAnalyzers.Reads.SOCK011ReadLoopIgnoresEndOfStreamAnalyzer, SocketAnalyzers.CodeFixes.Reads.SOCK011ReadLoopIgnoresEndOfStreamCodeFixProvider>;

namespace SocketAnalyzers.Tests.Reads
{
    /// <summary>
    /// SOCK011 with a loop that tests <c>CanRead</c> or <c>CanWrite</c> of a <c>NetworkStream</c> (audit85 M1b, an NNTP
    /// server's connection loop: <c>if (!this.stream.CanRead) return;</c> before each read). Both stay true after the peer
    /// closes (only disposing the stream makes them false; measured on .NET 10: 317,802 turns in a second), so they are no
    /// way out, as <c>Connected</c> is not. <c>CanRead</c> of a plain <c>Stream</c> (any stream may stand behind it) stays a
    /// way out, and a path that disposes the stream ends the loop at its next read.
    /// </summary>
    public sealed class SOCK011StreamOpenFlagTests
    {
        [Theory]
        [InlineData("""
            while (stream.CanRead)
            {
                int n = [|stream.Read(buffer, 0, buffer.Length)|];
                Process(buffer, n);
            }
            """)]
        [InlineData("""
            while (true)
            {
                if (!stream.CanRead) return;
                int n = [|stream.Read(buffer, 0, buffer.Length)|];
                Process(buffer, n);
            }
            """)]
        [InlineData("""
            while (stream.CanRead && stream.CanWrite)
            {
                int n = [|stream.Read(buffer, 0, buffer.Length)|];
                Process(buffer, n);
            }
            """)]
        public Task Loop_that_tests_a_network_streams_open_flags_spins_at_end_of_stream(string body)
            => Verify.VerifyAnalyzerAsync(Method(body));

        [Fact]
        public Task Async_connection_loop_over_a_readonly_stream_field_that_tests_CanRead_is_reported()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class Session
                {
                    private readonly NetworkStream _stream;
                    private readonly byte[] _buffer = new byte[1024];
                    private readonly StringBuilder _pending = new StringBuilder();

                    public Session(TcpClient client) => _stream = client.GetStream();

                    public async Task RunAsync()
                    {
                        while (true)
                        {
                            if (!_stream.CanRead) return;
                            int got = await [|_stream.ReadAsync(_buffer, 0, _buffer.Length)|];
                            _pending.Append(Encoding.ASCII.GetString(_buffer, 0, got));
                            var text = _pending.ToString();
                            if (!text.EndsWith("\r\n")) continue;
                            Console.WriteLine(text);
                            _pending.Clear();
                        }
                    }
                }
                """);

        /// <summary>A loop on <c>CanRead</c>, and the fix's form of it.</summary>
        private const string CanReadLoop = """
            while (stream.CanRead)
            {
                int n = [|stream.Read(buffer, 0, buffer.Length)|];
                Process(buffer, n);
            }
            """;

        private const string CanReadLoopFixed = """
            while (stream.CanRead)
            {
                int n = stream.Read(buffer, 0, buffer.Length);
                if (n == 0)
                {
                    break;
                }

                Process(buffer, n);
            }
            """;

        [Fact]
        public Task Fix_leaves_the_loop_on_CanRead_when_the_count_is_zero()
            => Verify.VerifyCodeFixAsync(Method(CanReadLoop), Method(CanReadLoopFixed));

        [Fact]
        public Task Fix_all_fixes_every_loop_on_open_flags()
            => Verify.VerifyCodeFixAsync(
                Method(CanReadLoop + """


                    while (stream.CanWrite)
                    {
                        int m = [|socket.Receive(buffer)|];
                        Process(buffer, m);
                    }
                    """),
                Method(CanReadLoopFixed + """


                    while (stream.CanWrite)
                    {
                        int m = socket.Receive(buffer);
                        if (m == 0)
                        {
                            break;
                        }

                        Process(buffer, m);
                    }
                    """));

        [Theory]
        [InlineData("""
            while (stream.CanRead)
            {
                int n = stream.Read(buffer, 0, buffer.Length);
                if (n == 0) break;
                Process(buffer, n);
            }
            """)]
        [InlineData("""
            while (stream.CanRead)
            {
                int n = stream.Read(buffer, 0, buffer.Length);
                if (n == 0) stream.Dispose();
                Process(buffer, n);
            }
            """)]
        public Task Loop_on_open_flags_that_stops_or_disposes_at_zero_is_not_reported(string body)
            => Verify.VerifyAnalyzerAsync(Method(body));

        [Fact]
        public Task Loop_on_CanRead_of_a_plain_stream_is_not_reported()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class Pump
                {
                    private readonly Stream _stream;

                    public Pump(TcpClient client) => _stream = client.GetStream();

                    public void Run(byte[] buffer)
                    {
                        while (_stream.CanRead)
                        {
                            int n = _stream.Read(buffer, 0, buffer.Length);
                            Console.WriteLine(n);
                        }
                    }
                }
                """);
    }
}
