using System.Threading.Tasks;
using Xunit;
using static SocketAnalyzers.Tests.Reads.ReadTestCode;
using Verify = SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<SocketAnalyzers.Reads.SOCK011ReadLoopIgnoresEndOfStreamAnalyzer, SocketAnalyzers.CodeFixes.Reads.SOCK011ReadLoopIgnoresEndOfStreamCodeFixProvider>;

namespace SocketAnalyzers.Tests.Reads
{
    /// <summary>
    /// SOCK011 on byte-reading loops: <c>Stream.ReadByte()</c> of a network stream returns one byte as an <c>int</c>, and
    /// -1 at end of stream, on every call once the peer has closed (a line-assembling loop then appends <c>'\uffff'</c>
    /// until memory runs out). A loop that never stops at -1 spins. Byte reads of streams not known to be network streams,
    /// a cast before the test, and every way out at -1 stay quiet; SOCK010 never reports a byte read (it has no count).
    /// </summary>
    public sealed class SOCK011ByteReadLoopTests
    {
        [Theory]
        [InlineData("""
            var line = new StringBuilder();
            while (true)
            {
                int b = [|stream.ReadByte()|];
                if (b == '\n')
                {
                    break;
                }

                line.Append((char)b);
            }
            """)]
        [InlineData("""
            var network = client.GetStream();
            var line = new StringBuilder();
            int b;
            while ((b = [|network.ReadByte()|]) != '\n')
            {
                line.Append((char)b);
            }
            """)]
        [InlineData("""
            var network = new NetworkStream(socket);
            var length = 0;
            int b;
            while ((b = [|network.ReadByte()|]) != 0)
            {
                length++;
            }
            """)]
        [InlineData("""
            var count = 0;
            while (count < 4)
            {
                var b = [|ssl.ReadByte()|];
                if (b == 0x7E)
                {
                    count++;
                }
            }
            """)]
        public Task Byte_loop_over_a_network_stream_that_never_stops_at_minus_one_is_reported(string body)
            => Verify.VerifyAnalyzerAsync(Method(body));

        // A VarInt reader (Minecraft and protobuf framing): -1 has every bit set, so its continuation bit says "more" forever.
        [Theory]
        [InlineData("if ((b & 0x80) == 0) break;")]
        [InlineData("if ((b & 0x80) != 0x80) break;")]
        [InlineData("if ((b >> 7) == 0) break;")]
        public Task VarInt_loop_whose_continuation_bit_is_set_at_minus_one_is_reported(string test)
            => Verify.VerifyAnalyzerAsync(VarIntLoop("[|stream.ReadByte()|]", test));

        [Theory]
        [InlineData("if ((b & 0x80) == 0x80) break;")]
        [InlineData("if ((b | 1) == -1) break;")]
        [InlineData("if (length > 5) throw new IOException(\"VarInt too big\"); if ((b & 0x80) == 0) break;")]
        public Task VarInt_loop_that_leaves_at_minus_one_is_quiet(string test)
            => Verify.VerifyAnalyzerAsync(VarIntLoop("stream.ReadByte()", test));

        /// <summary>A VarInt reader's loop: <paramref name="read"/> (markup included) gives <c>b</c>, then <paramref name="test"/>.</summary>
        private static string VarIntLoop(string read, string test) => Method($$"""
            int value = 0;
            int length = 0;
            while (true)
            {
                int b = {{read}};
                value |= (b & 0x7F) << (length++ * 7);
                {{test}}
            }
            """);

        [Fact]
        public Task Byte_loop_over_a_stream_field_given_a_network_stream_is_reported()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class Session
                {
                    private readonly NetworkStream stream;

                    public Session(TcpClient client) => stream = client.GetStream();

                    public string ReadLine()
                    {
                        var line = new StringBuilder();
                        int b;
                        while ((b = [|stream.ReadByte()|]) != '\n')
                        {
                            line.Append((char)b);
                        }

                        return line.ToString();
                    }
                }
                """);

        [Fact]
        public Task Message_says_minus_one_for_a_byte_read()
            => Verify.VerifyAnalyzerAsync(
                Method("""
                    while (true)
                    {
                        Console.Write((char){|#0:stream.ReadByte()|});
                    }
                    """),
                Verify.Diagnostic().WithLocation(0).WithMessage("When the peer closes, NetworkStream.ReadByte returns -1 and this loop spins forever; leave the loop when it returns -1"));

        [Theory]
        [InlineData("""
            int b;
            while ((b = stream.ReadByte()) != -1)
            {
                Console.Write((char)b);
            }
            """)]
        [InlineData("""
            int b;
            while ((b = stream.ReadByte()) >= 0 && b != '\n')
            {
                Console.Write((char)b);
            }
            """)]
        [InlineData("""
            while (true)
            {
                int b = stream.ReadByte();
                if (b < 0)
                {
                    throw new EndOfStreamException();
                }

                if (b == '\n')
                {
                    break;
                }
            }
            """)]
        [InlineData("""
            while (true)
            {
                var b = stream.ReadByte();
                if (b is -1 or '\n')
                {
                    return;
                }

                Console.Write((char)b);
            }
            """)]
        public Task Byte_loop_that_stops_at_minus_one_is_quiet(string loop)
            => Verify.VerifyAnalyzerAsync(Method(loop));

        [Theory]
        [InlineData("var source = new MemoryStream(buffer);")]
        [InlineData("var source = File.OpenRead(\"data.bin\");")]
        [InlineData("Stream source = Console.OpenStandardInput();")]
        public Task Byte_reads_of_streams_not_known_to_be_network_streams_are_quiet(string declaration)
            => Verify.VerifyAnalyzerAsync(Method(declaration + """

                while (true)
                {
                    int b = source.ReadByte();
                    if (b == '\n')
                    {
                        break;
                    }
                }
                """));

        [Fact]
        public Task Byte_read_outside_a_loop_and_binary_reader_byte_reads_are_no_findings()
            => Verify.VerifyAnalyzerAsync(Method("""
                var first = stream.ReadByte();
                Console.Write(first);
                var binary = new BinaryReader(stream);
                while (true)
                {
                    // BinaryReader.ReadByte throws EndOfStreamException at end of stream: it cannot spin.
                    var b = binary.ReadByte();
                    if (b == '\n')
                    {
                        break;
                    }
                }
                """));

        [Fact]
        public Task Fix_inserts_a_minus_one_check_after_a_declared_byte()
            => Verify.VerifyCodeFixAsync(
                Method("""
                    var line = new StringBuilder();
                    while (true)
                    {
                        int b = [|stream.ReadByte()|];
                        if (b == '\n')
                        {
                            break;
                        }

                        line.Append((char)b);
                    }
                    """),
                Method("""
                    var line = new StringBuilder();
                    while (true)
                    {
                        int b = stream.ReadByte();
                        if (b == -1)
                        {
                            break;
                        }

                        if (b == '\n')
                        {
                            break;
                        }

                        line.Append((char)b);
                    }
                    """));

        [Fact]
        public Task Fix_all_checks_minus_one_in_each_loop_and_names_an_inline_byte()
            => Verify.VerifyCodeFixAsync(
                Method("""
                    var line = new StringBuilder();
                    int b;
                    while ((b = [|stream.ReadByte()|]) != '\n')
                    {
                        line.Append((char)b);
                    }

                    while (true)
                    {
                        line.Append((char)[|stream.ReadByte()|]);
                    }
                    """),
                Method("""
                    var line = new StringBuilder();
                    int b;
                    while ((b = stream.ReadByte()) != '\n')
                    {
                        if (b == -1)
                        {
                            break;
                        }

                        line.Append((char)b);
                    }

                    while (true)
                    {
                        var value = stream.ReadByte();
                        if (value == -1)
                        {
                            break;
                        }

                        line.Append((char)value);
                    }
                    """));
    }
}
