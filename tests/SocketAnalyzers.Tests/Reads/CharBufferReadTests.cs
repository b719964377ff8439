using System.Threading.Tasks;
using Xunit;
using static SocketAnalyzers.Tests.Reads.ReadTestCode;
using Verify010 = SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<SocketAnalyzers.Reads.SOCK010DiscardedReadCountAnalyzer, SocketAnalyzers.CodeFixes.Reads.SOCK010DiscardedReadCountCodeFixProvider>;
using Verify011 = SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<SocketAnalyzers.Reads.SOCK011ReadLoopIgnoresEndOfStreamAnalyzer, SocketAnalyzers.CodeFixes.Reads.SOCK011ReadLoopIgnoresEndOfStreamCodeFixProvider>;
using Verify012 = SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<SocketAnalyzers.Reads.SOCK012WholeBufferConsumedAnalyzer, SocketAnalyzers.CodeFixes.Reads.SOCK012WholeBufferConsumedCodeFixProvider>;

namespace SocketAnalyzers.Tests.Reads
{
    /// <summary>
    /// A text reader's reads into a <c>char</c> buffer (<c>Read(char[], int, int)</c>, <c>Read(Span&lt;char&gt;)</c>,
    /// <c>ReadAsync</c>, <c>ReadBlock(Async)</c>) over a network stream return a count of characters, fewer than asked and 0
    /// once the peer has closed, as a stream's reads return a count of bytes: the reads family follows them as it follows
    /// those (SOCK010, SOCK011, SOCK012), over the readers the line reads count as network readers.
    /// </summary>
    public sealed class CharBufferReadTests
    {
        [Fact]
        public Task Loop_that_appends_the_chars_read_and_waits_for_a_blank_line_is_reported()
            => Verify011.VerifyAnalyzerAsync(Method("""
                var reader = new StreamReader(client.GetStream());
                var chars = new char[256];
                var sb = new StringBuilder();
                while (true)
                {
                    int n = [|reader.Read(chars, 0, chars.Length)|];
                    sb.Append(chars, 0, n);
                    if (sb.ToString().EndsWith("\n\n"))
                    {
                        break;
                    }
                }
                """));

        [Fact]
        public Task Same_loop_that_stops_at_zero_is_quiet()
            => Verify011.VerifyAnalyzerAsync(Method("""
                var reader = new StreamReader(client.GetStream());
                var chars = new char[256];
                var sb = new StringBuilder();
                while (true)
                {
                    int n = reader.Read(chars, 0, chars.Length);
                    if (n == 0)
                    {
                        break;
                    }

                    sb.Append(chars, 0, n);
                    if (sb.ToString().EndsWith("\n\n"))
                    {
                        break;
                    }
                }
                """));

        [Fact]
        public Task Discarded_count_of_a_char_read_is_reported_in_characters()
            => Verify010.VerifyAnalyzerAsync(
                Method("""
                    var reader = new StreamReader(client.GetStream());
                    var chars = new char[16];
                    {|#0:reader.Read(chars, 0, chars.Length)|};
                    Console.WriteLine({|SOCK012:new string(chars)|});
                    """),
                Verify010.Diagnostic().WithLocation(0).WithMessage("The number of characters StreamReader.Read placed in the buffer is discarded; it may be fewer than asked, or 0 when the peer closed. Use the count."));

        [Theory]
        [InlineData("""
            var reader = new StreamReader(client.GetStream());
            var chars = new char[256];
            while (true)
            {
                int n = [|reader.Read(chars, 0, chars.Length)|];
                Console.Write(new string(chars, 0, n));
            }
            """)]
        [InlineData("""
            var reader = new StreamReader(client.GetStream());
            var chars = new char[256];
            var text = "";
            while (true)
            {
                var n = [|reader.Read(chars.AsSpan())|];
                text += new string(chars, 0, n);
                if (text.Contains("\r\n\r\n"))
                {
                    break;
                }
            }
            """)]
        [InlineData("""
            var reader = new StreamReader(client.GetStream());
            var chars = new char[256];
            var sb = new StringBuilder();
            int n;
            do
            {
                n = [|reader.ReadBlock(chars, 0, chars.Length)|];
                sb.Append(chars, 0, n);
            }
            while (!sb.ToString().EndsWith("END"));
            """)]
        [InlineData("""
            var reader = new StreamReader(client.GetStream());
            var chars = new char[100];
            for (int total = 0; total < chars.Length;)
            {
                total += [|reader.Read(chars, total, chars.Length - total)|];
            }
            """)]
        [InlineData("""
            TextReader reader = new StreamReader(new NetworkStream(socket));
            var chars = new char[64];
            var sb = new StringBuilder();
            for (;;)
            {
                int n = [|reader.ReadBlock(chars.AsSpan())|];
                sb.Append(chars, 0, n);
                if (sb.Length > 1000)
                {
                    break;
                }
            }
            """)]
        public Task Char_read_loop_that_never_stops_at_zero_is_reported(string body)
            => Verify011.VerifyAnalyzerAsync(Method(body));

        [Theory]
        [InlineData("""
            int n = await [|reader.ReadAsync(chars, 0, chars.Length)|];
            sb.Append(chars, 0, n);
            """)]
        [InlineData("""
            int n = await [|reader.ReadAsync(chars.AsMemory(), token)|].ConfigureAwait(false);
            sb.Append(new string(chars, 0, n));
            """)]
        [InlineData("""
            int n = await [|reader.ReadBlockAsync(chars, 0, chars.Length)|];
            sb.Append(chars, 0, n);
            """)]
        [InlineData("""
            int n = await [|reader.ReadBlockAsync(chars.AsMemory(), token)|];
            sb.Append(chars, 0, n);
            """)]
        public Task Awaited_char_read_loop_that_never_stops_at_zero_is_reported(string read)
            => Verify011.VerifyAnalyzerAsync(Method(
                "var reader = new StreamReader(ssl);\nvar chars = new char[256];\nvar sb = new StringBuilder();\nwhile (true)\n{\n"
                    + Indent(read, 4) + "\n    if (sb.ToString().EndsWith(\"\\n\\n\"))\n    {\n        break;\n    }\n}",
                "Task",
                "async"));

        [Fact]
        public Task Message_names_the_char_read_and_its_zero_count()
            => Verify011.VerifyAnalyzerAsync(
                Method("""
                    var reader = new StreamReader(client.GetStream());
                    var chars = new char[16];
                    while (true)
                    {
                        int n = {|#0:reader.Read(chars, 0, chars.Length)|};
                        Console.Write(new string(chars, 0, n));
                    }
                    """),
                Verify011.Diagnostic().WithLocation(0).WithMessage("When the peer closes, StreamReader.Read returns 0 and this loop spins forever; leave the loop when the count is 0"));

        [Theory]
        [InlineData("""
            while (true)
            {
                int n = reader.Read(chars, 0, chars.Length);
                if (n <= 0)
                {
                    break;
                }

                sb.Append(chars, 0, n);
            }
            """)]
        [InlineData("""
            int n;
            while ((n = reader.Read(chars, 0, chars.Length)) > 0)
            {
                sb.Append(chars, 0, n);
            }
            """)]
        [InlineData("""
            while (true)
            {
                int n = reader.ReadBlock(chars, 0, chars.Length);
                sb.Append(chars, 0, n);
                if (n < chars.Length)
                {
                    break;
                }
            }
            """)]
        [InlineData("""
            while (true)
            {
                int n = reader.ReadBlock(chars, 0, chars.Length);
                if (n == 0)
                {
                    return;
                }

                sb.Append(chars, 0, n);
            }
            """)]
        [InlineData("""
            while (true)
            {
                int n = reader.Read(chars, 0, chars.Length);
                sb.Append(chars, 0, n);
                sb.Append('.');
                if (sb.ToString().EndsWith("\n\n"))
                {
                    break;
                }
            }
            """)]
        [InlineData("""
            while (true)
            {
                int n = reader.Read(chars, 0, chars.Length);
                sb.Append(chars, 0, n).Append('.');
                if (sb.ToString().EndsWith("\n\n"))
                {
                    break;
                }
            }
            """)]
        [InlineData("""
            while (true)
            {
                int n = reader.Read(chars, 0, chars.Length);
                Console.WriteLine(n);
                sb.Append(chars);
                if (sb.Length > 4096)
                {
                    break;
                }
            }
            """)]
        public Task Char_read_loop_that_stops_at_zero_or_changes_what_it_tests_is_quiet(string loop)
            => Verify011.VerifyAnalyzerAsync(Method("var reader = new StreamReader(client.GetStream());\nvar chars = new char[256];\nvar sb = new StringBuilder();\n" + loop));

        [Theory]
        [InlineData("var reader = new StreamReader(\"log.txt\");")]
        [InlineData("var reader = new StreamReader(new FileStream(\"log.txt\", FileMode.Open));")]
        [InlineData("var reader = new StreamReader(new MemoryStream());")]
        [InlineData("var reader = new StringReader(\"abc\");")]
        [InlineData("var reader = Console.In;")]
        public Task Char_reads_of_readers_not_known_to_read_a_network_stream_are_quiet(string declaration)
            => Verify011.VerifyAnalyzerAsync(Method(declaration + """

                var chars = new char[256];
                while (true)
                {
                    int n = reader.Read(chars, 0, chars.Length);
                    Console.Write(new string(chars, 0, n));
                }
                """));

        [Theory]
        [InlineData("var reader = new StreamReader(new MemoryStream());")]
        [InlineData("var reader = new StringReader(\"abc\");")]
        [InlineData("var reader = new StreamReader(new FileStream(\"log.txt\", FileMode.Open));")]
        public Task Discarded_count_of_a_reader_not_known_to_read_a_network_stream_is_quiet(string declaration)
            => Verify010.VerifyAnalyzerAsync(Method(declaration + """

                var chars = new char[16];
                reader.Read(chars, 0, chars.Length);
                Console.WriteLine(new string(chars));
                """));

        [Theory]
        [InlineData("[|reader.Read(chars, 0, chars.Length)|];")]
        [InlineData("_ = [|reader.ReadBlock(chars, 0, chars.Length)|];")]
        [InlineData("[|reader.Read(chars.AsSpan())|];")]
        [InlineData("var unused = [|reader.Read(chars, 0, 4)|];")]
        public Task Discarded_count_of_a_char_read_is_reported(string read)
            => Verify010.VerifyAnalyzerAsync(Method("var reader = new StreamReader(client.GetStream());\nvar chars = new char[16];\n" + read + "\nConsole.WriteLine(chars[0]);"));

        [Theory]
        [InlineData("await [|reader.ReadAsync(chars, 0, chars.Length)|];")]
        [InlineData("await [|reader.ReadAsync(chars.AsMemory(), token)|].ConfigureAwait(false);")]
        [InlineData("await [|reader.ReadBlockAsync(chars, 0, chars.Length)|];")]
        public Task Discarded_count_of_an_awaited_char_read_is_reported(string read)
            => Verify010.VerifyAnalyzerAsync(Method("var reader = new StreamReader(stream);\nvar chars = new char[16];\n" + read + "\nConsole.WriteLine(chars[0]);", "Task", "async"));

        [Theory]
        [InlineData("int n = reader.Read(chars, 0, chars.Length);\nConsole.WriteLine(new string(chars, 0, n));")]
        [InlineData("if (reader.ReadBlock(chars, 0, chars.Length) < chars.Length)\n{\n    return;\n}\n\nConsole.WriteLine(chars[0]);")]
        [InlineData("reader.Read(chars, 0, chars.Length);")]
        public Task Used_count_or_a_buffer_nobody_looks_at_is_quiet(string read)
            => Verify010.VerifyAnalyzerAsync(Method("var reader = new StreamReader(client.GetStream());\nvar chars = new char[16];\n" + read));

        [Fact]
        public Task Fix_captures_the_count_of_a_char_read_and_stops_at_zero()
            => Verify010.VerifyCodeFixAsync(
                Method("""
                    var reader = new StreamReader(client.GetStream());
                    var chars = new char[16];
                    [|reader.Read(chars, 0, chars.Length)|];
                    Console.WriteLine(chars[0]);
                    """),
                Method("""
                    var reader = new StreamReader(client.GetStream());
                    var chars = new char[16];
                    var charsRead = reader.Read(chars, 0, chars.Length);
                    if (charsRead == 0)
                    {
                        return;
                    }

                    Console.WriteLine(chars[0]);
                    """));

        [Fact]
        public Task Fix_stops_a_char_read_loop_at_zero()
            => Verify011.VerifyCodeFixAsync(
                Method("""
                    var reader = new StreamReader(client.GetStream());
                    var chars = new char[16];
                    while (true)
                    {
                        int n = [|reader.Read(chars, 0, chars.Length)|];
                        Console.Write(new string(chars, 0, n));
                    }
                    """),
                Method("""
                    var reader = new StreamReader(client.GetStream());
                    var chars = new char[16];
                    while (true)
                    {
                        int n = reader.Read(chars, 0, chars.Length);
                        if (n == 0)
                        {
                            break;
                        }

                        Console.Write(new string(chars, 0, n));
                    }
                    """));

        [Fact]
        public Task Line_loop_that_appends_the_null_line_to_a_builder_and_tests_it_is_reported()
            => Verify011.VerifyAnalyzerAsync(Method("""
                var reader = new StreamReader(client.GetStream());
                var sb = new StringBuilder();
                while (true)
                {
                    var line = [|reader.ReadLine()|];
                    sb.Append(line);
                    if (sb.ToString().EndsWith("."))
                    {
                        break;
                    }
                }
                """));

        [Fact]
        public Task Whole_char_buffer_made_into_text_after_one_read_is_reported_in_characters()
            => Verify012.VerifyAnalyzerAsync(
                Method("""
                    var reader = new StreamReader(client.GetStream());
                    var chars = new char[256];
                    int n = reader.Read(chars, 0, chars.Length);
                    if (n == 0)
                    {
                        return;
                    }

                    Console.WriteLine({|#0:new string(chars)|});
                    """),
                Verify012.Diagnostic().WithLocation(0).WithMessage("new String uses all of 'chars', but StreamReader.Read filled only its first 'n' characters; the rest is stale (zeros or characters of an earlier read). Use only the characters received."));

        [Theory]
        [InlineData("int n = reader.Read(chars, 0, chars.Length);\nif (n > 0)\n{\n    [|sb.Append(chars)|];\n}")]
        [InlineData("int n = reader.Read(chars.AsSpan());\nif (n != 0)\n{\n    [|Console.Write(chars)|];\n}")]
        [InlineData("while (reader.Read(chars, 0, chars.Length) > 0)\n{\n    Console.WriteLine([|new string(chars, 0, chars.Length)|]);\n}")]
        [InlineData("int n = reader.Read(chars, 0, chars.Length);\nif (n == 0)\n{\n    return;\n}\n\nConsole.WriteLine([|String.Join(\"\", chars)|]);")]
        public Task Whole_char_buffer_consumed_after_a_read_is_reported(string code)
            => Verify012.VerifyAnalyzerAsync(Method("var reader = new StreamReader(client.GetStream());\nvar chars = new char[256];\nvar sb = new StringBuilder();\n" + code));

        [Theory]
        [InlineData("int n = reader.Read(chars, 0, chars.Length);\nConsole.WriteLine(new string(chars, 0, n));")]
        [InlineData("int n = reader.Read(chars, 0, chars.Length);\nsb.Append(chars, 0, n);")]
        [InlineData("int n = reader.ReadBlock(chars, 0, chars.Length);\nif (n == 0)\n{\n    return;\n}\n\nConsole.WriteLine(new string(chars));")]
        [InlineData("var fresh = new char[256];\nif (reader.Read(fresh, 0, fresh.Length) > 0)\n{\n    Console.WriteLine(new string(fresh).TrimEnd('\\0'));\n}")]
        public Task Char_buffer_used_by_its_count_filled_by_ReadBlock_or_stripped_of_its_zero_tail_is_quiet(string code)
            => Verify012.VerifyAnalyzerAsync(Method("var reader = new StreamReader(client.GetStream());\nvar chars = new char[256];\nvar sb = new StringBuilder();\n" + code));

        [Theory]
        [InlineData("var reader = new StreamReader(new MemoryStream());")]
        [InlineData("var reader = new StringReader(\"abc\");")]
        public Task Whole_char_buffer_of_a_reader_not_known_to_read_a_network_stream_is_quiet(string declaration)
            => Verify012.VerifyAnalyzerAsync(Method(declaration + """

                var chars = new char[256];
                if (reader.Read(chars, 0, chars.Length) > 0)
                {
                    Console.WriteLine(new string(chars));
                }
                """));

        [Fact]
        public Task Fix_passes_the_char_count_to_the_string()
            => Verify012.VerifyCodeFixAsync(
                Method("""
                    var reader = new StreamReader(client.GetStream());
                    var chars = new char[256];
                    int n = reader.Read(chars, 0, chars.Length);
                    if (n == 0)
                    {
                        return;
                    }

                    Console.WriteLine([|new string(chars)|]);
                    """),
                Method("""
                    var reader = new StreamReader(client.GetStream());
                    var chars = new char[256];
                    int n = reader.Read(chars, 0, chars.Length);
                    if (n == 0)
                    {
                        return;
                    }

                    Console.WriteLine(new string(chars, 0, n));
                    """));

        [Theory]
        [InlineData("return sb.ToString();", "string")]
        [InlineData("break;", "void")]
        [InlineData("return;", "void")]
        public Task Loop_left_only_when_the_text_ends_with_the_marker_is_reported_whatever_the_exit(string exit, string returnType)
            => Verify011.VerifyAnalyzerAsync(Method("""
                var reader = new StreamReader(client.GetStream());
                var chars = new char[256];
                var sb = new StringBuilder();
                while (true)
                {
                    int n = [|reader.Read(chars, 0, chars.Length)|];
                    sb.Append(chars, 0, n);
                    if (sb.ToString().EndsWith("\r\n\r\n"))
                    {
                        EXIT
                    }
                }
                """.Replace("EXIT", exit), returnType));

        [Fact]
        public Task Loop_over_a_helper_that_returns_the_count_of_its_char_read_is_reported_at_the_call()
            => Verify011.VerifyAnalyzerAsync(Usings + """
                class Session
                {
                    private readonly StreamReader reader;
                    private readonly char[] chars = new char[256];

                    public Session(TcpClient client) => reader = new StreamReader(client.GetStream());

                    private int Fill() => reader.Read(chars, 0, chars.Length);

                    public void Pump()
                    {
                        while (true)
                        {
                            int n = [|Fill()|];
                            Console.Write(new string(chars, 0, n));
                        }
                    }
                }
                """);

        [Fact]
        public Task Helper_over_a_reader_of_a_file_is_no_read()
            => Verify011.VerifyAnalyzerAsync(Usings + """
                class Session
                {
                    private readonly StreamReader reader = new StreamReader("log.txt");
                    private readonly char[] chars = new char[256];

                    private int Fill() => reader.Read(chars, 0, chars.Length);

                    public void Pump()
                    {
                        while (true)
                        {
                            int n = Fill();
                            Console.Write(new string(chars, 0, n));
                        }
                    }
                }
                """);

        [Fact]
        public Task Received_bytes_joined_into_numbers_for_a_log_line_are_quiet()
            => Verify012.VerifyAnalyzerAsync(Method("""
                var header = new byte[6];
                int n = stream.Read(header, 0, 6);
                if (n == 0)
                {
                    return;
                }

                Console.WriteLine("header: " + String.Join(", ", header));
                """));

        [Fact]
        public Task Whole_char_buffer_joined_into_text_gets_no_fix_that_would_format_the_array_as_an_object()
        {
            var source = Method("""
                var reader = new StreamReader(client.GetStream());
                var chars = new char[8];
                int n = reader.Read(chars, 0, chars.Length);
                if (n == 0)
                {
                    return;
                }

                Console.WriteLine([|String.Join("", chars)|]);
                """);
            return Verify012.VerifyCodeFixAsync(source, source);
        }

        /// <summary>
        /// A LINQ filter of the whole char buffer (fresh19 G1: <c>String.Join("", getMessage.Where(x =&gt; x != '\0'))</c> of
        /// an array made once before the loop): every element is looked at, and the characters an earlier, longer read left
        /// pass the NUL test as well as the ones received. The fix takes only the characters received first; the count's
        /// <c>Take</c> is no use of the buffer's contents, so the next consumer is still reported and fixed.
        /// </summary>
        /// <summary><c>TakeWhile</c> up to the first NUL of a reused char buffer: an earlier, longer read's characters pass it as well.</summary>
        [Fact]
        public Task Char_buffer_reused_across_reads_taken_up_to_its_first_NUL_is_reported()
            => Verify012.VerifyAnalyzerAsync("using System.Linq;\n" + Method("""
                var reader = new StreamReader(client.GetStream());
                var chars = new char[1024];
                while (true)
                {
                    int n = reader.Read(chars, 0, chars.Length);
                    if (n == 0) break;
                    Console.WriteLine([|String.Join("", chars.TakeWhile(x => x != '\0'))|]);
                }
                """));

        [Fact]
        public Task Char_buffer_reused_across_reads_and_joined_through_a_nul_filter_is_reported_and_fixed()
        {
            // One fix at a time: once the first consumer uses the count, the second is no longer reported (a read whose count
            // the code uses is taken as one whose buffer it reads with care, ReadSite.WholeBufferIfCountUnused). Fix All fixes both.
            var test = Verify012.Test(Reused("""
                Console.WriteLine([|String.Join("", chars.Where(x => x != '\0'))|]);
                Console.WriteLine([|chars.Where(x => x != '\0').ToArray()|].Length);
                """), Reused("""
                Console.WriteLine(String.Join("", chars.Take(n).Where(x => x != '\0')));
                Console.WriteLine(chars.Where(x => x != '\0').ToArray().Length);
                """));
            test.BatchFixedCode = Reused("""
                Console.WriteLine(String.Join("", chars.Take(n).Where(x => x != '\0')));
                Console.WriteLine(chars.Take(n).Where(x => x != '\0').ToArray().Length);
                """);
            return test.RunAsync();

            static string Reused(string uses) => "using System.Linq;\n" + Method($$"""
                var reader = new StreamReader(client.GetStream());
                var chars = new char[1024];
                while (true)
                {
                    int n = reader.Read(chars, 0, chars.Length);
                    if (n == 0) break;
                {{Indent(uses, 4)}}
                }
                """);
        }

        /// <summary>A fresh array read once holds zeros past the count: a filter that drops the zeros leaves the characters received.</summary>
        [Theory]
        [InlineData("x => x != '\\0'")]
        [InlineData("x => '\\0' != x")]
        [InlineData("x => x != 0")]
        public Task Fresh_char_buffer_joined_through_a_nul_filter_is_quiet(string test)
            => Verify012.VerifyAnalyzerAsync("using System.Linq;\n" + Method($$"""
                var reader = new StreamReader(client.GetStream());
                while (true)
                {
                    var chars = new char[1024];
                    int n = reader.Read(chars, 0, chars.Length);
                    if (n == 0) break;
                    Console.WriteLine(String.Join("", chars.Where({{test}})));
                }
                """));

        [Fact]
        public Task Fresh_char_buffer_joined_through_another_filter_is_reported()
            => Verify012.VerifyAnalyzerAsync("using System.Linq;\n" + Method("""
                var reader = new StreamReader(client.GetStream());
                while (true)
                {
                    var chars = new char[1024];
                    int n = reader.Read(chars, 0, chars.Length);
                    if (n == 0) break;
                    Console.WriteLine([|String.Join("", chars.Where(x => x != ' '))|]);
                }
                """));

        /// <summary>
        /// fresh98 M2 (a hand-written HTTP server reads the POST body through a reader field: <c>reader.Read(buffer, 0,
        /// length); return new string(buffer);</c>, no loop): the count of a read of characters matters wherever the read is,
        /// so a private reader field that the constructor only makes over a network stream is followed outside loops too,
        /// as a local reader is. A reader field given a reader of unknown origin stays quiet.
        /// </summary>
        private static string RequestReading(string made) => Usings + $$"""
            public class RequestReading
            {
                private readonly StreamReader reader;

                public RequestReading(TcpClient client, Stream other)
                {
                    reader = {{made}};
                }

                public string ReadContent(int length)
                {
                    char[] buffer = new char[length];
                    {|#0:reader.Read(buffer, 0, length)|};
                    return {|#1:new string(buffer)|};
                }
            }
            """;

        [Fact]
        public Task Body_read_through_a_reader_field_outside_a_loop_drops_its_count()
            => new SocketAnalyzers.Tests.Verifiers.SocketAnalyzerTest
            {
                TestCode = RequestReading("new StreamReader(client.GetStream())"),
                ExpectedDiagnostics =
                {
                    Verify010.Diagnostic("SOCK010").WithLocation(0),
                    Verify010.Diagnostic("SOCK012").WithLocation(1),
                },
            }.RunAsync();

        [Fact]
        public Task Body_read_through_a_reader_field_of_unknown_origin_is_quiet()
            => new SocketAnalyzers.Tests.Verifiers.SocketAnalyzerTest
            {
                TestCode = RequestReading("new StreamReader(other)").Replace("{|#0:", string.Empty).Replace("{|#1:", string.Empty).Replace("|}", string.Empty),
            }.RunAsync();
    }
}
