using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Xunit;
using static SocketAnalyzers.Tests.Reads.ReadTestCode;
using Verify = SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<SocketAnalyzers.Reads.SOCK011ReadLoopIgnoresEndOfStreamAnalyzer, SocketAnalyzers.CodeFixes.Reads.SOCK011ReadLoopIgnoresEndOfStreamCodeFixProvider>;

namespace SocketAnalyzers.Tests.Reads
{
    /// <summary>
    /// SOCK011 on line-reading loops: <c>ReadLine</c>/<c>ReadLineAsync</c> of a reader over a network stream returns
    /// <c>null</c> at end of stream, on every call once the peer has closed, so a loop that does not stop on the null
    /// line spins. The reads over other streams, and every way out of the loop on null, stay quiet; SOCK010, SOCK012 and
    /// SOCK040 never report a line read.
    /// </summary>
    public sealed class SOCK011LineReaderLoopTests
    {
        [Theory]
        [InlineData("""
            var reader = new StreamReader(client.GetStream());
            while (true)
            {
                var line = [|reader.ReadLine()|];
                Console.WriteLine("got " + line);
                if (line == "quit")
                {
                    break;
                }
            }
            """)]
        [InlineData("""
            using var reader = new StreamReader(client.GetStream(), Encoding.UTF8);
            for (;;)
            {
                string line = [|reader.ReadLine()|];
                switch (line)
                {
                    case "quit":
                        return;
                    case "ping":
                        Console.WriteLine("pong");
                        break;
                }
            }
            """)]
        [InlineData("""
            var reader = new StreamReader(stream);
            string line;
            do
            {
                line = [|reader.ReadLine()|];
                Console.WriteLine(line);
            }
            while (line != "bye");
            """)]
        [InlineData("""
            TextReader reader = new StreamReader(new NetworkStream(socket));
            while (true)
            {
                Console.WriteLine([|reader.ReadLine()|]);
            }
            """)]
        [InlineData("""
            var reader = new StreamReader(ssl);
            string line;
            while ((line = [|reader.ReadLine()|]) != "END")
            {
                Console.WriteLine(line);
            }
            """)]
        [InlineData("""
            var reader = new StreamReader(new SslStream(client.GetStream()));
            while (true)
            {
                var line = [|reader.ReadLine()|];
                if (line != null)
                {
                    Console.WriteLine(line);
                }
            }
            """)]
        [InlineData("""
            Stream network = client.GetStream();
            using (var reader = new StreamReader(network))
            {
                var all = "";
                while (true)
                {
                    var line = [|reader.ReadLine()|];
                    all += line;
                    if (all.EndsWith("."))
                    {
                        break;
                    }
                }
            }
            """)]
        [InlineData("""
            var reader = new StreamReader(client.GetStream());
            while (true)
            {
                var line = [|reader.ReadLine()|];
                var command = line?.Trim();
                if (command == "quit")
                {
                    break;
                }
            }
            """)]
        [InlineData("""
            var reader = new StreamReader(client.GetStream());
            while (true)
            {
                string line;
                while ((line = [|reader.ReadLine()|]) != null)
                {
                    Console.WriteLine(line);
                }
            }
            """)]
        [InlineData("""
            var reader = new StreamReader(client.GetStream());
            while (true)
            {
                try
                {
                    var line = [|reader.ReadLine()|];
                    Console.WriteLine(line);
                }
                catch (IOException)
                {
                    break;
                }
            }
            """)]
        public Task Line_loop_that_never_stops_at_the_null_line_is_reported(string body)
            => Verify.VerifyAnalyzerAsync(Method(body));

        /// <summary>
        /// <c>string.Empty</c> is the empty text as <c>""</c> is (fresh13 miss 2, an HTTP server skipping its headers with
        /// <c>for (line = null; line != string.Empty; line = reader.ReadLine());</c>): the null line is not it, so the loop
        /// spins once the client closes; a test that the null line passes still leaves.
        /// </summary>
        [Theory]
        [InlineData("for (string line = null; line != string.Empty; line = [|reader.ReadLine()|]) ;")]
        [InlineData("string line; do { line = [|reader.ReadLine()|]; } while (!string.Empty.Equals(line));")]
        [InlineData("while (true) { var line = [|reader.ReadLine()|]; if (line == String.Empty) break; }")]
        public Task Header_loop_that_stops_only_at_string_Empty_is_reported(string loop)
            => Verify.VerifyAnalyzerAsync(Method("var reader = new StreamReader(client.GetStream());\n" + loop));

        [Theory]
        [InlineData("for (string line = null; !string.IsNullOrEmpty(line) || line == null && false; line = reader.ReadLine()) { if (line == null) break; }")]
        [InlineData("string line; do { line = reader.ReadLine(); } while (line != null && line != string.Empty);")]
        public Task Header_loop_that_also_stops_at_the_null_line_is_quiet(string loop)
            => Verify.VerifyAnalyzerAsync(Method("var reader = new StreamReader(client.GetStream());\n" + loop));

        /// <summary>
        /// The null line handed to a method that accepts null does not end the loop: a parameter annotated as nullable
        /// (<c>TextWriter.WriteLine(string?)</c>, <c>Convert.ToInt32(string?)</c>, which returns 0), one of a type parameter
        /// (<c>List&lt;string&gt;.Add</c>), or one of the code's own methods, whose annotations promise nothing.
        /// </summary>
        [Theory]
        [InlineData("Console.Out.WriteLine(line);")]
        [InlineData("Console.WriteLine(Convert.ToInt32(line) + 1);")]
        [InlineData("lines.Add(line);")]
        [InlineData("Log(line);")]
        public Task Line_loop_that_hands_the_null_line_to_a_method_that_accepts_it_is_reported(string use)
            => Verify.VerifyAnalyzerAsync(Usings + $$"""
                #nullable enable
                class C
                {
                    private readonly System.Collections.Generic.List<string?> lines = new();

                    void M(TcpClient client)
                    {
                        var reader = new StreamReader(client.GetStream());
                        while (true)
                        {
                            var line = [|reader.ReadLine()|];
                            if (line == "quit") break;
                            {{use}}
                        }
                    }

                    static void Log(string text) => Console.WriteLine(text);
                }
                """);

        [Theory]
        [InlineData("""
            var reader = new StreamReader(client.GetStream());
            while (true)
            {
                var line = await [|reader.ReadLineAsync()|];
                Console.WriteLine("got " + line);
            }
            """)]
        [InlineData("""
            var reader = new StreamReader(client.GetStream());
            while (true)
            {
                var line = await [|reader.ReadLineAsync()|].ConfigureAwait(false);
                if (line == "quit")
                {
                    return;
                }
            }
            """)]
        [InlineData("""
            var reader = new StreamReader(client.GetStream());
            while (!false)
            {
                var line = await [|reader.ReadLineAsync(token)|];
                Console.WriteLine(line);
            }
            """)]
        public Task Awaited_line_loop_that_never_stops_at_the_null_line_is_reported(string body)
            => Verify.VerifyAnalyzerAsync(Method(body, "Task", "async"));

        [Fact]
        public Task Line_loop_in_a_lambda_is_reported()
            => Verify.VerifyAnalyzerAsync(Method("""
                var reader = new StreamReader(client.GetStream());
                _ = Task.Run(() =>
                {
                    while (true)
                    {
                        var line = [|reader.ReadLine()|];
                        Console.WriteLine(line);
                    }
                });
                """));

        [Fact]
        public Task Line_loop_in_a_local_function_with_its_own_reader_is_reported()
            => Verify.VerifyAnalyzerAsync(Method("""
                Serve();

                void Serve()
                {
                    using var reader = new StreamReader(client.GetStream());
                    while (true)
                    {
                        var line = [|reader.ReadLine()|];
                        Console.WriteLine(line);
                    }
                }
                """));

        [Fact]
        public Task Message_says_null_for_a_line_read()
            => Verify.VerifyAnalyzerAsync(
                Method("""
                    var reader = new StreamReader(client.GetStream());
                    while (true)
                    {
                        Console.WriteLine({|#0:reader.ReadLine()|});
                    }
                    """),
                Verify.Diagnostic().WithLocation(0)
                    .WithMessage("When the peer closes, StreamReader.ReadLine returns null and this loop spins forever; leave the loop when the line is null"));

        [Fact]
        public Task Message_of_a_byte_read_is_unchanged()
            => Verify.VerifyAnalyzerAsync(
                Method("""
                    while (true)
                    {
                        int n = {|#0:socket.Receive(buffer)|};
                        Process(buffer, n);
                    }
                    """),
                Verify.Diagnostic().WithLocation(0)
                    .WithMessage("When the peer closes, Socket.Receive returns 0 and this loop spins forever; leave the loop when the count is 0"));

        [Fact]
        public Task Loop_that_waits_for_the_console_on_every_turn_never_ends_rather_than_spins()
            => Verify.VerifyAnalyzerAsync(
                Method("""
                    var reader = new StreamReader(client.GetStream());
                    var writer = new StreamWriter(client.GetStream());
                    while (true)
                    {
                        var line = {|#0:reader.ReadLine()|};
                        Console.WriteLine(line);
                        writer.WriteLine(Console.ReadLine());
                    }
                    """),
                Verify.Diagnostic().WithLocation(0).WithArguments("StreamReader.ReadLine returns null and this loop never ends", "the line is null"));

        [Fact]
        public Task Loop_that_waits_for_the_console_on_some_turns_only_spins()
            => Verify.VerifyAnalyzerAsync(
                Method("""
                    var reader = new StreamReader(client.GetStream());
                    while (true)
                    {
                        var line = {|#0:reader.ReadLine()|};
                        if (line == "ask")
                        {
                            Console.ReadLine();
                        }
                    }
                    """),
                Verify.Diagnostic().WithLocation(0).WithArguments("StreamReader.ReadLine returns null and this loop spins forever", "the line is null"));

        [Theory]
        [InlineData("var other = listener.AcceptTcpClient();", "never ends")]
        [InlineData("var other = await listener.AcceptTcpClientAsync();", "never ends")]
        [InlineData("var other = await listener.AcceptSocketAsync().ConfigureAwait(false);", "never ends")]
        [InlineData("var other = listener.AcceptTcpClientAsync();", "spins forever")]
        [InlineData("var other = listener.Pending();", "spins forever")]
        // A pause on every turn (fresh16 audit: a course server that sleeps a second per turn): it wakes, it does not spin.
        [InlineData("Thread.Sleep(1000); var other = 1;", "never ends")]
        [InlineData("await Task.Delay(1000); var other = 1;", "never ends")]
        [InlineData("await Task.Delay(1000).ConfigureAwait(false); var other = 1;", "never ends")]
        [InlineData("_ = Task.Delay(1000); var other = 1;", "spins forever")]
        public Task Byte_read_loop_that_accepts_or_pauses_on_every_turn_never_ends(string accept, string what)
            => Verify.VerifyAnalyzerAsync(
                Usings + $$"""
                    class C
                    {
                        async Task M(TcpListener listener, NetworkStream stream, byte[] buffer)
                        {
                            while (true)
                            {
                                {{accept}}
                                int n = {|#0:stream.Read(buffer, 0, buffer.Length)|};
                                Console.WriteLine(n + " " + other);
                            }
                        }
                    }
                    """,
                Verify.Diagnostic().WithLocation(0).WithArguments("NetworkStream.Read returns 0 and this loop " + what, "the count is 0"));

        [Theory]
        [InlineData("if (line == null) break;")]
        [InlineData("if (null == line) return;")]
        [InlineData("if (line is null) throw new IOException(\"closed\");")]
        [InlineData("if (!(line is { })) break;")]
        [InlineData("if (line is not null) { Console.WriteLine(line); } else { break; }")]
        [InlineData("if (line is string text) { Console.WriteLine(text); } else { break; }")]
        [InlineData("if (string.IsNullOrEmpty(line)) break;")]
        [InlineData("if (string.IsNullOrWhiteSpace(line)) break;")]
        [InlineData("if (string.Equals(line, null)) break;")]
        [InlineData("if ((line ?? \"quit\") == \"quit\") break;")]
        [InlineData("if (line?.Length is null) break;")]
        [InlineData("if ((line ?? \"\").Length == 0) break;")]
        [InlineData("if ((line ?? \"\") == \"\") break;")]
        [InlineData("Console.WriteLine(line.Trim());")]
        [InlineData("Console.WriteLine(line.Length);")]
        [InlineData("var words = line.Split(' ');")]
        [InlineData("if (line.StartsWith(\"quit\")) break;")]
        [InlineData("switch (line.ToLower()) { case \"quit\": return; }")]
        [InlineData("Console.WriteLine($\"{line.Length} chars\");")]
        [InlineData("if (line == null) Environment.FailFast(\"closed\");")]
        [InlineData("if (Handle(line)) break;")]
        [InlineData("var bytes = Encoding.ASCII.GetBytes(line); if (bytes.Length == 1) break;")]
        [InlineData("if (int.Parse(line) == 0) break;")]
        [InlineData("var parts = System.Text.RegularExpressions.Regex.Split(line, \",\"); if (parts.Length == 1) break;")]
        public Task Line_loop_that_stops_at_the_null_line_is_quiet(string check)
            => Verify.VerifyAnalyzerAsync(Usings + $$"""
                class C
                {
                    void M(TcpClient client)
                    {
                        var reader = new StreamReader(client.GetStream());
                        while (true)
                        {
                            var line = reader.ReadLine();
                            {{check}}
                        }
                    }

                    static bool Handle(string line) => line == null;
                }
                """);


        /// <summary>
        /// The null line handed to a method of the file whose first statement dereferences it (fresh16 FALSE 2, a voice chat
        /// server's <c>CheckMessage(data)</c> returning <c>s.Split(' ')</c>): <c>NullReferenceException</c> ends the loop, as
        /// <c>line.Split(' ')</c> in the loop does. A callee that tests for null first, or uses <c>?.</c>, does not.
        /// </summary>
        [Theory]
        [InlineData("private static string[] Parse(string s) { return s.Split(' '); }", true)]
        [InlineData("private static string[] Parse(string s) => s.Trim().Split(' ');", true)]
        [InlineData("private static string[] Parse(string s) { var n = s.Length; return new[] { s }; }", true)]
        [InlineData("private static string[] Parse(string s) => s?.Split(' ') ?? new string[0];", false)]
        [InlineData("private static string[] Parse(string s) { if (s == null) return new string[0]; return s.Split(' '); }", false)]
        [InlineData("private static string[] Parse(string s) { s = s ?? \"\"; return s.Split(' '); }", false)]
        public Task Null_line_handed_to_a_method_that_dereferences_it_first_ends_the_loop(string parse, bool quiet)
            => Verify.VerifyAnalyzerAsync(Usings + $$"""
                class C
                {
                    void M(TcpClient client)
                    {
                        var reader = new StreamReader(client.GetStream());
                        while (true)
                        {
                            var line = {{(quiet ? "reader.ReadLine()" : "[|reader.ReadLine()|]")}};
                            var parts = Parse(line);
                            Console.WriteLine(parts.Length);
                        }
                    }

                    {{parse}}
                }
                """);
        [Theory]
        [InlineData("""
            var reader = new StreamReader(client.GetStream());
            string line;
            while ((line = reader.ReadLine()) != null)
            {
                Console.WriteLine(line);
            }
            """)]
        [InlineData("""
            var reader = new StreamReader(client.GetStream());
            var line = reader.ReadLine();
            while (line != null)
            {
                Console.WriteLine(line);
                line = reader.ReadLine();
            }
            """)]
        [InlineData("""
            var reader = new StreamReader(client.GetStream());
            string line;
            do
            {
                line = reader.ReadLine();
                Console.WriteLine(line);
            }
            while (line is not null);
            """)]
        [InlineData("""
            var reader = new StreamReader(client.GetStream());
            var running = true;
            while (running)
            {
                var line = reader.ReadLine();
                if (line == null)
                {
                    running = false;
                }
                else
                {
                    Console.WriteLine(line);
                }
            }
            """)]
        [InlineData("""
            var reader = new StreamReader(client.GetStream());
            for (var line = reader.ReadLine(); line != null; line = reader.ReadLine())
            {
                Console.WriteLine(line);
            }
            """)]
        public Task Loop_conditions_that_stop_at_the_null_line_are_quiet(string body)
            => Verify.VerifyAnalyzerAsync(Method(body));

        [Theory]
        [InlineData("var reader = new StreamReader(\"log.txt\");")]
        [InlineData("var reader = new StreamReader(File.OpenRead(\"log.txt\"));")]
        [InlineData("var reader = new StreamReader(new MemoryStream(buffer));")]
        [InlineData("var reader = new StreamReader(unknown);")]
        [InlineData("var reader = new StringReader(\"a\\nb\");")]
        [InlineData("var reader = Console.In;")]
        [InlineData("var reader = parameterReader;")]
        [InlineData("TextReader reader = new StreamReader(client.GetStream()); if (buffer.Length > 1) reader = new StringReader(\"x\");")]
        public Task Readers_not_known_to_read_a_network_stream_are_quiet(string declaration)
            => Verify.VerifyAnalyzerAsync(Usings + $$"""
                class C
                {
                    void M(TcpClient client, Stream unknown, StreamReader parameterReader, byte[] buffer)
                    {
                        {{declaration}}
                        while (true)
                        {
                            var line = reader.ReadLine();
                            Console.WriteLine("got " + line);
                        }
                    }
                }
                """);

        [Fact]
        public Task Console_ReadLine_loop_is_quiet()
            => Verify.VerifyAnalyzerAsync(Method("""
                while (true)
                {
                    var line = Console.ReadLine();
                    Console.WriteLine("got " + line);
                    var other = Console.In.ReadLine();
                    Console.WriteLine(other);
                }
                """));

        [Fact]
        public Task Reader_kept_in_a_field_given_a_reader_of_unknown_origin_is_not_followed()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class C
                {
                    private readonly StreamReader reader;

                    C(StreamReader given) => reader = given;

                    void Run()
                    {
                        while (true)
                        {
                            var line = reader.ReadLine();
                            Console.WriteLine(line);
                        }
                    }
                }
                """);

        [Fact]
        public Task Line_read_task_that_is_not_awaited_here_is_quiet()
            => Verify.VerifyAnalyzerAsync(Method("""
                var reader = new StreamReader(client.GetStream());
                while (true)
                {
                    var pending = reader.ReadLineAsync();
                    Console.WriteLine(pending.Result);
                }
                """));

        [Fact]
        public Task Line_reads_have_no_count_and_fill_no_buffer_for_the_other_reads_rules()
            => Verify.VerifyAnalyzerAsync(Method("""
                var reader = new StreamReader(client.GetStream());
                reader.ReadLine();
                _ = reader.ReadLine();
                var ignored = reader.ReadLine();
                string line;
                while ((line = reader.ReadLine()) != null)
                {
                    var value = int.Parse(line);
                    var parts = line.Split(',');
                    Console.WriteLine(value + parts.Length);
                }
                """));

        [Fact]
        public Task Line_read_and_byte_read_of_one_connection_keep_the_byte_reads_findings()
            => Verify.VerifyAnalyzerAsync(Method("""
                var reader = new StreamReader(stream);
                var skipped = new byte[16];
                {|SOCK010:stream.Read(skipped, 0, skipped.Length)|};
                var header = reader.ReadLine();
                Console.WriteLine(header);
                """));

        [Fact]
        public Task Project_without_sockets_is_quiet()
            => Verify.VerifyAnalyzerAsync("""
                using System;
                using System.IO;

                class C
                {
                    void M(Stream stream)
                    {
                        var reader = new StreamReader(stream);
                        while (true)
                        {
                            Console.WriteLine(reader.ReadLine());
                        }
                    }
                }
                """);

        [Fact]
        public async Task Half_typed_line_loops_do_not_crash()
        {
            var project = new Verifiers.SocketAnalyzerTest().CreateProject(ImmutableArray.Create(
                Usings + """
                    class C
                    {
                        void M(TcpClient client)
                        {
                            var reader = new StreamReader(client.GetStream());
                            while (true)
                            {
                                var line = reader.ReadLine(
                                if (line.
                            }
                        }
                    }
                    """,
                Usings + """
                    class D
                    {
                        async Task M(TcpClient client)
                        {
                            var reader = new StreamReader(client.GetStream(), );
                            while ((line = await reader.ReadLineAsync()) != )
                            {
                                switch (line) { case : }
                            }
                        }
                    }
                    """));

            // Throws on AD0001; what else is reported in code that does not compile is not this test's business.
            await Verifiers.SocketAnalyzerTest.GetAnalyzerDiagnosticsAsync(project, CancellationToken.None);
        }

        // ---- the fix: if (line == null) leaves the loop right after the read

        [Fact]
        public Task Fix_inserts_a_null_check_after_a_declared_line()
            => Verify.VerifyCodeFixAsync(
                Method("""
                    var reader = new StreamReader(client.GetStream());
                    while (true)
                    {
                        var line = [|reader.ReadLine()|];
                        Console.WriteLine("got " + line);
                        if (line == "quit")
                        {
                            break;
                        }
                    }
                    """),
                Method("""
                    var reader = new StreamReader(client.GetStream());
                    while (true)
                    {
                        var line = reader.ReadLine();
                        if (line == null)
                        {
                            break;
                        }

                        Console.WriteLine("got " + line);
                        if (line == "quit")
                        {
                            break;
                        }
                    }
                    """));

        [Fact]
        public Task Fix_names_an_inline_line()
            => Verify.VerifyCodeFixAsync(
                Method("""
                    var reader = new StreamReader(client.GetStream());
                    while (true)
                    {
                        Console.WriteLine("got " + [|reader.ReadLine()|]);
                    }
                    """),
                Method("""
                    var reader = new StreamReader(client.GetStream());
                    while (true)
                    {
                        var line = reader.ReadLine();
                        if (line == null)
                        {
                            break;
                        }

                        Console.WriteLine("got " + line);
                    }
                    """));

        [Fact]
        public Task Fix_checks_a_line_assigned_in_the_loop_condition_first_in_the_body()
            => Verify.VerifyCodeFixAsync(
                Method("""
                    var reader = new StreamReader(client.GetStream());
                    string line;
                    while ((line = [|reader.ReadLine()|]) != "END")
                    {
                        Console.WriteLine(line);
                    }
                    """),
                Method("""
                    var reader = new StreamReader(client.GetStream());
                    string line;
                    while ((line = reader.ReadLine()) != "END")
                    {
                        if (line == null)
                        {
                            break;
                        }

                        Console.WriteLine(line);
                    }
                    """));

        [Fact]
        public Task Fix_of_an_awaited_line_in_a_nested_loop_returns()
            => Verify.VerifyCodeFixAsync(
                Method("""
                    var reader = new StreamReader(client.GetStream());
                    while (true)
                    {
                        while (true)
                        {
                            var line = await [|reader.ReadLineAsync()|];
                            if (line == null)
                            {
                                break;
                            }

                            Console.WriteLine(line);
                        }
                    }
                    """, "Task", "async"),
                Method("""
                    var reader = new StreamReader(client.GetStream());
                    while (true)
                    {
                        while (true)
                        {
                            var line = await reader.ReadLineAsync();
                            if (line == null)
                            {
                                return;
                            }

                            Console.WriteLine(line);
                        }
                    }
                    """, "Task", "async"));

        [Fact]
        public Task Fix_all_fixes_line_and_byte_loops_of_a_class()
            => Verify.VerifyCodeFixAsync(
                Usings + """
                    class C
                    {
                        void Lines(TcpClient client)
                        {
                            var reader = new StreamReader(client.GetStream());
                            while (true)
                            {
                                var line = [|reader.ReadLine()|];
                                Console.WriteLine(line);
                            }
                        }

                        async Task Assigned(TcpClient client)
                        {
                            TextReader reader = new StreamReader(client.GetStream());
                            string next;
                            do
                            {
                                next = await [|reader.ReadLineAsync()|];
                                Console.WriteLine(next);
                            }
                            while (next != "bye");
                        }

                        void Bytes(Socket socket, byte[] buffer)
                        {
                            while (true)
                            {
                                int n = [|socket.Receive(buffer)|];
                                Console.WriteLine(n);
                            }
                        }
                    }
                    """,
                Usings + """
                    class C
                    {
                        void Lines(TcpClient client)
                        {
                            var reader = new StreamReader(client.GetStream());
                            while (true)
                            {
                                var line = reader.ReadLine();
                                if (line == null)
                                {
                                    break;
                                }

                                Console.WriteLine(line);
                            }
                        }

                        async Task Assigned(TcpClient client)
                        {
                            TextReader reader = new StreamReader(client.GetStream());
                            string next;
                            do
                            {
                                next = await reader.ReadLineAsync();
                                if (next == null)
                                {
                                    break;
                                }

                                Console.WriteLine(next);
                            }
                            while (next != "bye");
                        }

                        void Bytes(Socket socket, byte[] buffer)
                        {
                            while (true)
                            {
                                int n = socket.Receive(buffer);
                                if (n == 0)
                                {
                                    break;
                                }

                                Console.WriteLine(n);
                            }
                        }
                    }
                    """);

        [Fact]
        public Task Line_read_compared_in_the_loop_condition_without_a_variable_gets_no_fix()
        {
            var source = Method("""
                var reader = new StreamReader(client.GetStream());
                while ([|reader.ReadLine()|] != "quit")
                {
                }
                """);
            return Verify.VerifyCodeFixAsync(source, source);
        }
    
        /// <summary>
        /// fresh74 FALSE 1 (a course's Windows Forms chat, scanned on Linux where Windows Forms does not bind): the null line
        /// goes to <c>lb_log.Items.Add(message)</c>, which throws for null on Windows. A call that did not bind, or a dynamic
        /// one, may throw for the null line: unknown, so quiet. A bound call that takes null keeps the report.
        /// </summary>
        [Theory]
        [InlineData("{|CS0103:lb_log|}.Items.Add(line);")]
        [InlineData("dynamic list = new System.Collections.Generic.List<object>(); list.Add(line);")]
        public Task Null_line_given_to_a_call_that_did_not_bind_is_quiet(string show)
            => Verify.VerifyAnalyzerAsync(Method($$"""
                var reader = new StreamReader(client.GetStream());
                while (true)
                {
                    var line = reader.ReadLine();
                    {{show}}
                }
                """));

        [Fact]
        public Task Null_line_given_to_a_bound_call_that_takes_null_is_still_reported()
            => Verify.VerifyAnalyzerAsync(Method("""
                var reader = new StreamReader(client.GetStream());
                var items = new System.Collections.Generic.List<object>();
                while (true)
                {
                    var line = [|reader.ReadLine()|];
                    items.Add(line);
                }
                """));
    }
}
