using System.Threading.Tasks;
using Xunit;
using static SocketAnalyzers.Tests.Reads.ReadTestCode;
using Verify = SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<SocketAnalyzers.Reads.SOCK011ReadLoopIgnoresEndOfStreamAnalyzer, SocketAnalyzers.CodeFixes.Reads.SOCK011ReadLoopIgnoresEndOfStreamCodeFixProvider>;

namespace SocketAnalyzers.Tests.Reads
{
    /// <summary>
    /// SOCK011 on character-reading loops (issue 13): <c>TextReader.Read()</c> of a reader over a network stream returns
    /// one character as an <c>int</c>, and -1 at end of stream, on every call once the peer has closed. A loop that never
    /// stops at -1 spins. The reads over other streams and every way out at -1 stay quiet (a character cast before it is
    /// tested: <see cref="SOCK011CharCastReadLoopTests"/>); SOCK010 never reports a character read (it has no byte count).
    /// </summary>
    public sealed class SOCK011CharReaderLoopTests
    {
        [Theory]
        [InlineData("""
            var reader = new StreamReader(client.GetStream());
            var text = new StringBuilder();
            while (true)
            {
                int c = [|reader.Read()|];
                if (c == '\n')
                {
                    Console.WriteLine(text);
                    text.Clear();
                }
                else
                {
                    text.Append((char)c);
                }
            }
            """)]
        [InlineData("""
            var reader = new StreamReader(client.GetStream());
            var text = new StringBuilder();
            int c;
            while ((c = [|reader.Read()|]) != '\n')
            {
                text.Append((char)c);
            }
            """)]
        [InlineData("""
            TextReader reader = new StreamReader(new NetworkStream(socket));
            int c;
            while ((c = [|reader.Read()|]) != 0)
            {
                Console.Write((char)c);
            }
            """)]
        [InlineData("""
            var reader = new StreamReader(ssl);
            while (true)
            {
                var c = [|reader.Read()|];
                if (c == 0)
                {
                    break;
                }

                Console.Write((char)c);
            }
            """)]
        [InlineData("""
            var reader = new StreamReader(stream);
            var count = 0;
            while (count < 10)
            {
                int c = [|reader.Read()|];
                if (c == ';')
                {
                    count++;
                }
            }
            """)]
        public Task Character_loop_that_never_stops_at_minus_one_is_reported(string body)
            => Verify.VerifyAnalyzerAsync(Method(body));

        [Fact]
        public Task Character_loop_over_a_reader_field_is_reported()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class Session
                {
                    private readonly StreamReader reader;

                    public Session(TcpClient client) => reader = new StreamReader(client.GetStream());

                    public string ReadWord()
                    {
                        var word = new StringBuilder();
                        int c;
                        while ((c = [|reader.Read()|]) != ' ')
                        {
                            word.Append((char)c);
                        }

                        return word.ToString();
                    }
                }
                """);

        [Fact]
        public Task Message_says_minus_one_for_a_character_read()
            => Verify.VerifyAnalyzerAsync(
                Method("""
                    var reader = new StreamReader(client.GetStream());
                    while (true)
                    {
                        Console.Write((char){|#0:reader.Read()|});
                    }
                    """),
                Verify.Diagnostic().WithLocation(0).WithMessage("When the peer closes, StreamReader.Read returns -1 and this loop spins forever; leave the loop when it returns -1"));

        [Theory]
        [InlineData("""
            int c;
            while ((c = reader.Read()) != -1)
            {
                Console.Write((char)c);
            }
            """)]
        [InlineData("""
            int c;
            while ((c = reader.Read()) >= 0 && c != '\n')
            {
                Console.Write((char)c);
            }
            """)]
        [InlineData("""
            while (true)
            {
                int c = reader.Read();
                if (c < 0)
                {
                    break;
                }

                Console.Write((char)c);
            }
            """)]
        [InlineData("""
            while (true)
            {
                var c = reader.Read();
                if (c is -1 or '\n')
                {
                    return;
                }

                Console.Write((char)c);
            }
            """)]
        [InlineData("""
            while (reader.Peek() >= 0)
            {
                Console.Write((char)reader.Read());
            }
            """)]
        public Task Character_loop_that_stops_at_minus_one_is_quiet(string loop)
            => Verify.VerifyAnalyzerAsync(Method("var reader = new StreamReader(client.GetStream());\n" + loop));

        [Fact]
        public Task Character_cast_before_it_is_tested_stops_at_U_FFFF()
            => Verify.VerifyAnalyzerAsync(Method("""
                var reader = new StreamReader(client.GetStream());
                while (true)
                {
                    var ch = (char)reader.Read();
                    if (ch == '\uffff')
                    {
                        break;
                    }

                    Console.Write(ch);
                }
                """));

        [Theory]
        [InlineData("var reader = new StreamReader(\"log.txt\");")]
        [InlineData("var reader = new StringReader(\"abc\");")]
        [InlineData("var reader = Console.In;")]
        [InlineData("var reader = new StreamReader(new MemoryStream());")]
        public Task Character_reads_of_readers_not_known_to_read_a_network_stream_are_quiet(string declaration)
            => Verify.VerifyAnalyzerAsync(Method(declaration + """

                while (true)
                {
                    int c = reader.Read();
                    Console.Write((char)c);
                }
                """));

        [Fact]
        public Task Character_array_loop_that_stops_at_zero_and_discarded_character_read_are_no_SOCK011()
            => Verify.VerifyAnalyzerAsync(Method("""
                var reader = new StreamReader(client.GetStream());
                reader.Read();
                var chars = new char[16];
                while (reader.Read(chars, 0, chars.Length) > 0)
                {
                    {|SOCK012:Console.Write(chars)|};
                }
                """));

        [Fact]
        public Task Fix_inserts_a_minus_one_check_after_a_declared_character()
            => Verify.VerifyCodeFixAsync(
                Method("""
                    var reader = new StreamReader(client.GetStream());
                    while (true)
                    {
                        int c = [|reader.Read()|];
                        Console.Write((char)c);
                    }
                    """),
                Method("""
                    var reader = new StreamReader(client.GetStream());
                    while (true)
                    {
                        int c = reader.Read();
                        if (c == -1)
                        {
                            break;
                        }

                        Console.Write((char)c);
                    }
                    """));

        [Fact]
        public Task Fix_all_checks_minus_one_first_in_the_body_and_names_an_inline_character()
            => Verify.VerifyCodeFixAsync(
                Method("""
                    var reader = new StreamReader(client.GetStream());
                    var text = new StringBuilder();
                    int c;
                    while ((c = [|reader.Read()|]) != '\n')
                    {
                        text.Append((char)c);
                    }

                    while (true)
                    {
                        text.Append((char)[|reader.Read()|]);
                    }
                    """),
                Method("""
                    var reader = new StreamReader(client.GetStream());
                    var text = new StringBuilder();
                    int c;
                    while ((c = reader.Read()) != '\n')
                    {
                        if (c == -1)
                        {
                            break;
                        }

                        text.Append((char)c);
                    }

                    while (true)
                    {
                        var ch = reader.Read();
                        if (ch == -1)
                        {
                            break;
                        }

                        text.Append((char)ch);
                    }
                    """));

        [Fact]
        public Task Fix_of_a_character_cast_when_declared_tests_the_int_before_the_cast()
            => Verify.VerifyCodeFixAsync(
                Method("""
                    var reader = new StreamReader(client.GetStream());
                    while (true)
                    {
                        var letter = (char)[|reader.Read()|];
                        Console.Write(letter);
                    }
                    """),
                Method("""
                    var reader = new StreamReader(client.GetStream());
                    while (true)
                    {
                        var ch = reader.Read();
                        if (ch == -1)
                        {
                            break;
                        }

                        var letter = (char)ch;

                        Console.Write(letter);
                    }
                    """));
    }
}
