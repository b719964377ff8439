using System.Threading.Tasks;
using Xunit;
using static SocketAnalyzers.Tests.Reads.ReadTestCode;
using Verify = SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<SocketAnalyzers.Reads.SOCK011ReadLoopIgnoresEndOfStreamAnalyzer, SocketAnalyzers.CodeFixes.Reads.SOCK011ReadLoopIgnoresEndOfStreamCodeFixProvider>;

namespace SocketAnalyzers.Tests.Reads
{
    /// <summary>
    /// SOCK011 on a character or byte read cast to <c>char</c> before it is tested (fresh12 miss 8, csredis's
    /// <c>c = (char)_stream.ReadByte()</c> line reader): at end of stream the read returns -1 on every call, and
    /// <c>(char)-1</c> is U+FFFF, which is no <c>'\n'</c>, so a loop that leaves only on a character spins, appending U+FFFF
    /// until memory runs out. A test that U+FFFF passes (<c>== '\uffff'</c>, <c>== char.MaxValue</c>, <c>&gt; 'z'</c>), a
    /// checked cast (it throws at -1), a test of the <c>int</c> before the cast, and a builder that grows to a limit stay
    /// quiet.
    /// </summary>
    public sealed class SOCK011CharCastReadLoopTests
    {
        private const string Reader = "var reader = new StreamReader(client.GetStream());\nvar text = new StringBuilder();\n";

        /// <summary>A loop that gathers a line from cast character reads, and what the fix makes of it.</summary>
        private const string LineOfCastReads = """
            while (true)
            {
                char c = (char)[|reader.Read()|];
                if (c == '\n')
                {
                    break;
                }

                text.Append(c);
            }
            """;

        private const string LineOfCastReadsFixed = """
            while (true)
            {
                var ch = reader.Read();
                if (ch == -1)
                {
                    break;
                }

                char c = (char)ch;

                if (c == '\n')
                {
                    break;
                }

                text.Append(c);
            }
            """;

        [Theory]
        [InlineData("""
            char ch;
            while ((ch = (char)[|reader.Read()|]) != '\n')
            {
                text.Append(ch);
            }
            """)]
        [InlineData("""
            while (true)
            {
                char c = (char)[|reader.Read()|];
                if (c == '\r' || c == '\n')
                {
                    break;
                }

                text.Append(c);
            }
            """)]
        [InlineData("""
            while (true)
            {
                var c = (char)[|reader.Read()|];
                if (c < ' ')
                {
                    break;
                }

                text.Append(c);
            }
            """)]
        [InlineData("""
            while (true)
            {
                var c = (char)[|reader.Read()|];
                switch (c)
                {
                    case '\n':
                        return;
                    default:
                        text.Append(c);
                        break;
                }
            }
            """)]
        [InlineData("""
            char c;
            do
            {
                c = (char)[|reader.Read()|];
                text.Append(c);
            }
            while (c != ';');
            """)]
        public Task Character_read_cast_to_char_and_tested_only_against_characters_is_reported(string loop)
            => Verify.VerifyAnalyzerAsync(Method(Reader + loop));

        [Theory]
        [InlineData("""
            char c;
            while (true)
            {
                c = (char)[|stream.ReadByte()|];
                if (c == '\r')
                {
                    continue;
                }

                if (c == '\n')
                {
                    break;
                }

                text.Append(c);
            }
            """)]
        [InlineData("""
            while ((char)[|stream.ReadByte()|] != '\n')
            {
                text.Append('.');
            }
            """)]
        public Task Byte_read_cast_to_char_and_tested_only_against_characters_is_reported(string loop)
            => Verify.VerifyAnalyzerAsync(Method("var text = new StringBuilder();\n" + loop));

        [Fact]
        public Task Message_of_a_cast_byte_read_says_minus_one()
            => Verify.VerifyAnalyzerAsync(
                Method("""
                    var text = new StringBuilder();
                    while (true)
                    {
                        var c = (char){|#0:stream.ReadByte()|};
                        if (c == '\n')
                        {
                            break;
                        }

                        text.Append(c);
                    }
                    """),
                Verify.Diagnostic().WithLocation(0).WithMessage("When the peer closes, NetworkStream.ReadByte returns -1 and this loop spins forever; leave the loop when it returns -1"));

        [Theory]
        [InlineData("if (c == '\\uffff') { break; }")]
        [InlineData("if (c == char.MaxValue) { break; }")]
        [InlineData("if (c == unchecked((char)-1)) { break; }")]
        [InlineData("if (c > 'z') { break; }")]
        [InlineData("if (c is '\\n' or '\\uffff') { break; }")]
        [InlineData("if ((int)c == 65535) { break; }")]
        public Task Test_that_U_FFFF_passes_leaves_the_loop(string exit)
            => Verify.VerifyAnalyzerAsync(Method(Reader + $$"""
                while (true)
                {
                    var c = (char)reader.Read();
                    {{exit}}
                    text.Append(c);
                }
                """));

        [Theory]
        [InlineData("""
            while (true)
            {
                var c = checked((char)reader.Read());
                if (c == '\n')
                {
                    break;
                }

                text.Append(c);
            }
            """)]
        [InlineData("""
            while (true)
            {
                int i = reader.Read();
                if (i == -1)
                {
                    break;
                }

                var c = (char)i;
                if (c == '\n')
                {
                    break;
                }

                text.Append(c);
            }
            """)]
        [InlineData("""
            while (true)
            {
                var c = (char)reader.Read();
                if (c == '\n')
                {
                    break;
                }

                text.Append(c);
                if (text.Length > 1024)
                {
                    throw new InvalidDataException("line too long");
                }
            }
            """)]
        [InlineData("""
            for (var i = 0; i < 64; i++)
            {
                var c = (char)reader.Read();
                if (c == '\n')
                {
                    break;
                }

                text.Append(c);
            }
            """)]
        public Task Cast_read_loop_with_a_way_out_at_the_end_is_quiet(string loop)
            => Verify.VerifyAnalyzerAsync(Method(Reader + loop));

        /// <summary>
        /// An echo loop writes what it read back to the same connection: at end of stream it writes U+FFFF (or the byte
        /// 0xFF of a -1, through <c>Stream.WriteByte</c>), a real write, which draws a reset from the closed peer and throws
        /// soon after, so the loop ends.
        /// </summary>
        [Theory]
        [InlineData("char c = (char)reader.Read(); writer.Write(c); if (c == '\\n') break;")]
        [InlineData("int c = reader.Read(); writer.Write((char)c); if (c == '\\n') break;")]
        [InlineData("int b = stream.ReadByte(); stream.WriteByte((byte)b); if (b == '\\n') break;")]
        public Task Echo_loop_that_writes_the_end_value_back_to_the_connection_is_quiet(string turn)
            => Verify.VerifyAnalyzerAsync(Method($$"""
                var reader = new StreamReader(client.GetStream());
                var writer = new StreamWriter(client.GetStream()) { AutoFlush = true };
                while (true)
                {
                    {{turn}}
                }
                """));

        [Fact]
        public Task Cast_read_of_a_reader_not_known_to_read_a_network_stream_is_quiet()
            => Verify.VerifyAnalyzerAsync(Method("""
                var reader = new StreamReader("log.txt");
                var text = new StringBuilder();
                while (true)
                {
                    var c = (char)reader.Read();
                    if (c == '\n')
                    {
                        break;
                    }

                    text.Append(c);
                }
                """));

        [Fact]
        public Task Fix_tests_the_int_before_the_cast_when_the_char_is_declared()
            => Verify.VerifyCodeFixAsync(
                Method(Reader + LineOfCastReads),
                Method(Reader + LineOfCastReadsFixed));

        [Fact]
        public Task Fix_all_fixes_both_cast_reads_of_a_method()
            => Verify.VerifyCodeFixAsync(
                Method(Reader + LineOfCastReads + """

                    while (true)
                    {
                        char d = (char)[|stream.ReadByte()|];
                        if (d == ';')
                        {
                            return;
                        }

                        text.Append(d);
                    }
                    """),
                Method(Reader + LineOfCastReadsFixed + """

                    while (true)
                    {
                        var value = stream.ReadByte();
                        if (value == -1)
                        {
                            break;
                        }

                        char d = (char)value;

                        if (d == ';')
                        {
                            return;
                        }

                        text.Append(d);
                    }
                    """));

        [Fact]
        public Task No_fix_is_offered_for_a_cast_read_in_the_loop_condition()
            => Verify.VerifyCodeFixAsync(
                Method(Reader + """
                    char ch;
                    while ((ch = (char)[|reader.Read()|]) != '\n')
                    {
                        text.Append(ch);
                    }
                    """),
                Method(Reader + """
                    char ch;
                    while ((ch = (char)[|reader.Read()|]) != '\n')
                    {
                        text.Append(ch);
                    }
                    """));
    }
}
