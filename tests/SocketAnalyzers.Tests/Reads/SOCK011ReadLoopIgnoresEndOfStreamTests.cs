using System.Threading.Tasks;
using Xunit;
using static SocketAnalyzers.Tests.Reads.ReadTestCode;
using Verify = SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<SocketAnalyzers.Reads.SOCK011ReadLoopIgnoresEndOfStreamAnalyzer, SocketAnalyzers.CodeFixes.Reads.SOCK011ReadLoopIgnoresEndOfStreamCodeFixProvider>;

namespace SocketAnalyzers.Tests.Reads
{
    public sealed class SOCK011ReadLoopIgnoresEndOfStreamTests
    {
        [Theory]
        [InlineData("""
            while (true)
            {
                int n = [|socket.Receive(buffer)|];
                Process(buffer, n);
            }
            """)]
        [InlineData("""
            int n;
            while ((n = [|stream.Read(buffer, 0, buffer.Length)|]) != -1)
            {
                Process(buffer, n);
            }
            """)]
        [InlineData("""
            while ([|stream.Read(buffer, 0, buffer.Length)|] >= 0)
            {
            }
            """)]
        [InlineData("""
            int n;
            while ((n = [|ssl.Read(buffer, 0, buffer.Length)|]) > -1)
            {
                Process(buffer, n);
            }
            """)]
        [InlineData("""
            int total = 0;
            while (total < buffer.Length)
            {
                total += [|stream.Read(buffer, total, buffer.Length - total)|];
            }
            """)]
        [InlineData("""
            int remaining = 100;
            while (remaining > 0)
            {
                int n = [|socket.Receive(buffer, 0, Math.Min(remaining, buffer.Length), SocketFlags.None)|];
                Process(buffer, n);
                remaining -= n;
            }
            """)]
        [InlineData("""
            for (int offset = 0; offset < buffer.Length; )
            {
                int n = [|stream.Read(buffer, offset, buffer.Length - offset)|];
                offset = offset + n;
            }
            """)]
        [InlineData("""
            while (socket.Connected)
            {
                int n = [|socket.Receive(buffer)|];
                Process(buffer, n);
            }
            """)]
        [InlineData("""
            while (client.Connected)
            {
                if (stream.DataAvailable)
                {
                    int n = [|stream.Read(buffer, 0, buffer.Length)|];
                    Process(buffer, n);
                }
            }
            """)]
        [InlineData("""
            for (;;)
            {
                var n = [|socket.Receive(buffer, SocketFlags.None)|];
                Process(buffer, n);
            }
            """)]
        [InlineData("""
            do
            {
                var n = [|socket.Receive(buffer.AsSpan())|];
                Process(buffer, n);
            }
            while (true);
            """)]
        [InlineData("""
            while (true)
            {
                while (true)
                {
                    int n = [|stream.Read(buffer, 0, buffer.Length)|];
                    if (n == 0)
                    {
                        break;
                    }

                    Process(buffer, n);
                }
            }
            """)]
        [InlineData("""
            while (true)
            {
                int n = [|socket.Receive(buffer)|];
                switch (n)
                {
                    case 0:
                        break;
                    default:
                        Process(buffer, n);
                        break;
                }
            }
            """)]
        [InlineData("""
            while (true)
            {
                int n = [|socket.Receive(buffer)|];
                if (n == -1)
                {
                    break;
                }

                Process(buffer, n);
            }
            """)]
        [InlineData("""
            while (true)
            {
                int n = [|client.GetStream().Read(buffer, 0, buffer.Length)|];
                Process(buffer, n);
            }
            """)]
        [InlineData("""
            Stream network = client.GetStream();
            while (true)
            {
                int n = [|network.Read(buffer, 0, buffer.Length)|];
                Process(buffer, n);
            }
            """)]
        [InlineData("""
            while (true)
            {
                var result = socket.BeginReceive(buffer, 0, buffer.Length, SocketFlags.None, null, null);
                int n = [|socket.EndReceive(result)|];
                Process(buffer, n);
            }
            """)]
        [InlineData("""
            var text = new StringBuilder();
            while (text.Length < 100)
            {
                int n = [|socket.Receive(buffer)|];
                text.Append(Encoding.UTF8.GetString(buffer, 0, n));
            }
            """)]
        public Task Read_loop_that_never_sees_end_of_stream_is_reported(string body)
            => Verify.VerifyAnalyzerAsync(Method(body));

        [Theory]
        [InlineData("""
            while (true)
            {
                int n = await [|stream.ReadAsync(buffer, 0, buffer.Length, token)|];
                Process(buffer, n);
            }
            """)]
        [InlineData("""
            while (true)
            {
                int n = await [|stream.ReadAsync(buffer.AsMemory(), token)|].ConfigureAwait(false);
                Process(buffer, n);
            }
            """)]
        [InlineData("""
            while (true)
            {
                int n = await [|socket.ReceiveAsync(buffer.AsMemory(), SocketFlags.None, token)|];
                Process(buffer, n);
            }
            """)]
        [InlineData("""
            while (true)
            {
                int n = await [|socket.ReceiveAsync(new ArraySegment<byte>(buffer), SocketFlags.None)|].ConfigureAwait(false);
                Process(buffer, n);
            }
            """)]
        [InlineData("""
            int n;
            while ((n = await [|ssl.ReadAsync(buffer, token)|]) != -1)
            {
                Process(buffer, n);
            }
            """)]
        public Task Async_read_loop_that_never_sees_end_of_stream_is_reported(string body)
            => Verify.VerifyAnalyzerAsync(Method(body, "Task", "async"));

        [Fact]
        public Task Discarded_read_in_endless_loop_is_reported_by_both_rules()
            => Verify.VerifyAnalyzerAsync(Method("""
                while (true)
                {
                    {|SOCK010:{|SOCK011:socket.Receive(buffer)|}|};
                }
                """));

        [Fact]
        public Task Read_loop_in_a_lambda_is_reported()
            => Verify.VerifyAnalyzerAsync(Method("""
                _ = Task.Run(() =>
                {
                    while (true)
                    {
                        int n = [|socket.Receive(buffer)|];
                        Process(buffer, n);
                    }
                });
                """));

        [Fact]
        public Task Read_loop_in_a_local_function_is_reported()
            => Verify.VerifyAnalyzerAsync(Method("""
                Loop();

                void Loop()
                {
                    while (true)
                    {
                        int n = [|stream.Read(buffer, 0, buffer.Length)|];
                        Process(buffer, n);
                    }
                }
                """));

        [Theory]
        [InlineData("""
            int n;
            while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                Process(buffer, n);
            }
            """)]
        [InlineData("""
            int n;
            while ((n = socket.Receive(buffer)) != 0)
            {
                Process(buffer, n);
            }
            """)]
        [InlineData("""
            while (true)
            {
                int n = socket.Receive(buffer);
                if (n == 0)
                {
                    break;
                }

                Process(buffer, n);
            }
            """)]
        [InlineData("""
            while (true)
            {
                int n = socket.Receive(buffer);
                if (n <= 0)
                {
                    return;
                }

                Process(buffer, n);
            }
            """)]
        [InlineData("""
            while (true)
            {
                int n = stream.Read(buffer, 0, buffer.Length);
                if (n is 0)
                {
                    throw new EndOfStreamException();
                }

                Process(buffer, n);
            }
            """)]
        [InlineData("""
            while (true)
            {
                int n = stream.Read(buffer, 0, buffer.Length);
                if (n < 1 || buffer[0] == 0)
                {
                    break;
                }

                Process(buffer, n);
            }
            """)]
        [InlineData("""
            while (true)
            {
                int n = socket.Receive(buffer);
                switch (n)
                {
                    case 0:
                        return;
                    default:
                        Process(buffer, n);
                        break;
                }
            }
            """)]
        [InlineData("""
            int total = 0;
            while (total < buffer.Length)
            {
                int n = stream.Read(buffer, total, buffer.Length - total);
                if (n == 0)
                {
                    throw new EndOfStreamException();
                }

                total += n;
            }
            """)]
        [InlineData("""
            for (int i = 0; i < 10; i++)
            {
                int n = socket.Receive(buffer);
                Process(buffer, n);
            }
            """)]
        [InlineData("""
            while (true)
            {
                int n = socket.Receive(buffer);
                if (!Handle(buffer, n))
                {
                    break;
                }
            }
            """)]
        [InlineData("""
            while (stream.DataAvailable)
            {
                int n = stream.Read(buffer, 0, buffer.Length);
                Process(buffer, n);
            }
            """)]
        [InlineData("""
            EndPoint remote = new IPEndPoint(IPAddress.Any, 0);
            while (true)
            {
                int n = socket.ReceiveFrom(buffer, ref remote);
                Process(buffer, n);
            }
            """)]
        [InlineData("""
            while (true)
            {
                int n = udp.Client.Receive(buffer);
                Process(buffer, n);
            }
            """)]
        [InlineData("""
            var datagrams = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            datagrams.Connect(new IPEndPoint(IPAddress.Loopback, 5000));
            while (true)
            {
                int n = datagrams.Receive(buffer);
                Process(buffer, n);
            }
            """)]
        [InlineData("""
            while (true)
            {
                IPEndPoint? from = null;
                byte[] datagram = udp.Receive(ref from);
                Process(datagram, datagram.Length);
            }
            """)]
        [InlineData("""
            while (true)
            {
                socket.Receive(Array.Empty<byte>());
                int n = socket.Receive(buffer);
                if (n == 0)
                {
                    break;
                }

                Process(buffer, n);
            }
            """)]
        [InlineData("""
            while (true)
            {
                int n = stream.ReadAtLeast(buffer, 4);
                stream.ReadExactly(buffer, 0, 4);
                Process(buffer, n);
            }
            """)]
        [InlineData("""
            int n = socket.Receive(buffer);
            Process(buffer, n);
            """)]
        [InlineData("""
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            while (true)
            {
                using var accepted = {|SOCK050:listener.AcceptSocket()|};
                while (true)
                {
                    int n = accepted.Receive(buffer);
                    if (n == 0)
                    {
                        break;
                    }

                    Process(buffer, n);
                }
            }
            """)]
        [InlineData("""
            var buffers = new System.Collections.Generic.List<byte[]> { buffer };
            foreach (var b in buffers)
            {
                int n = socket.Receive(b);
                Process(b, n);
            }
            """)]
        [InlineData("""
            var messages = new System.Collections.Generic.List<string>();
            while (messages.Count < 10)
            {
                int n = socket.Receive(buffer);
                messages.Add(Encoding.UTF8.GetString(buffer, 0, n));
            }
            """)]
        [InlineData("""
            var text = new StringBuilder();
            while (text.Length < 100)
            {
                int n = socket.Receive(buffer);
                text.Append(Encoding.UTF8.GetString(buffer, 0, n));
                text.Append('.');
            }
            """)]
        [InlineData("""
            while (true)
            {
                int n = stream.Read(buffer, 0, buffer.Length);
                Process(buffer, n);
                if (n < buffer.Length)
                {
                    break;
                }
            }
            """)]
        [InlineData("""
            int a = 0, b = 0, total = 0;
            while (total < buffer.Length)
            {
                a = b;
                b = a;
                total += a;
                int n = socket.Receive(buffer);
                Process(buffer, n);
            }
            """)]
        public Task Read_loop_that_stops_at_end_of_stream_or_cannot_spin_is_quiet(string body)
            => Verify.VerifyAnalyzerAsync(Method(body));

        [Fact]
        public Task Read_loop_left_only_by_returning_the_text_at_its_end_marker_is_reported()
            => Verify.VerifyAnalyzerAsync(Method("""
                var data = "";
                while (true)
                {
                    int n = [|socket.Receive(buffer)|];
                    data += Encoding.ASCII.GetString(buffer, 0, n);
                    if (data.IndexOf("<EOF>") > -1)
                    {
                        return data;
                    }
                }
                """, "string"));

        /// <summary>
        /// fresh36 miss 1 (a TFTP hobby server, after the Microsoft Learn socket sample): the end marker in a local given one
        /// constant text, declared in the loop or before it; once reads return 0 the text is empty and holds no marker.
        /// </summary>
        [Theory]
        [InlineData("", "var received = [|socket.Receive(buffer)|]; var response = Encoding.UTF8.GetString(buffer, 0, received); var eom = \"<|EOM|>\"; if (response.IndexOf(eom) > -1) break;")]
        [InlineData("var eom = \"<|EOM|>\";", "var received = [|socket.Receive(buffer)|]; var response = Encoding.UTF8.GetString(buffer, 0, received); if (response.Contains(eom)) break;")]
        [InlineData("string eom; eom = \"<EOF>\";", "var received = [|socket.Receive(buffer)|]; var response = Encoding.UTF8.GetString(buffer, 0, received); if (response == eom) break;")]
        public Task Read_loop_left_only_at_an_end_marker_held_in_a_local_is_reported(string before, string turn)
            => Verify.VerifyAnalyzerAsync(Method($$"""
                {{before}}
                while (true)
                {
                    {{turn}}
                }
                """));

        /// <summary>A marker local given another value too (read from the console, or the empty text) may be anything: unknown, quiet.</summary>
        [Theory]
        [InlineData("var eom = \"<|EOM|>\"; if (token.IsCancellationRequested) eom = Console.ReadLine();")]
        [InlineData("var eom = \"<|EOM|>\"; if (token.IsCancellationRequested) eom = \"\";")]
        public Task Read_loop_left_at_an_end_marker_local_that_may_change_is_quiet(string before)
            => Verify.VerifyAnalyzerAsync(Method($$"""
                {{before}}
                while (true)
                {
                    var received = socket.Receive(buffer);
                    var response = Encoding.UTF8.GetString(buffer, 0, received);
                    if (response.IndexOf(eom) > -1) break;
                }
                """));

        [Fact]
        public Task Async_read_loop_that_stops_at_zero_is_quiet()
            => Verify.VerifyAnalyzerAsync(Method("""
                while (true)
                {
                    int n = await stream.ReadAsync(buffer.AsMemory(), token).ConfigureAwait(false);
                    if (n == 0)
                    {
                        return;
                    }

                    Process(buffer, n);
                }
                """, "Task", "async"));

        [Fact]
        public Task Iterator_that_yields_each_chunk_is_quiet()
            => Verify.VerifyAnalyzerAsync(ReadTestCode.Usings + """
                using System.Collections.Generic;

                class C
                {
                    IEnumerable<int> Chunks(Socket socket, byte[] buffer)
                    {
                        while (true)
                        {
                            yield return socket.Receive(buffer);
                        }
                    }
                }
                """);

        [Fact]
        public Task Compilation_without_sockets_expects_nothing()
            => Verify.VerifyAnalyzerAsync("""
                class C
                {
                    int Read(byte[] b) => 0;

                    void M(byte[] buffer)
                    {
                        while (true)
                        {
                            Read(buffer);
                        }
                    }
                }
                """);

        [Fact]
        public async Task Broken_code_does_not_crash()
        {
            var test = new Verifiers.SocketAnalyzerTest
            {
                TestCode = Usings + """
                    class C
                    {
                        void M(Socket socket, byte[] buffer)
                        {
                            while (true)
                            {
                                int n = socket.Receive(buffer
                                if (n == )
                            }
                    """,
                AllowCompilerErrors = true,
            };
            test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithSpan(15, 21, 16, 1));
            await test.RunAsync();
        }

        // ---- Fix: leave the loop at 0 ----

        [Fact]
        public Task Fix_inserts_a_break_after_a_stored_count()
            => Verify.VerifyCodeFixAsync(
                Method("""
                    while (true)
                    {
                        int n = [|socket.Receive(buffer)|];
                        Process(buffer, n);
                    }
                    """),
                Method("""
                    while (true)
                    {
                        int n = socket.Receive(buffer);
                        if (n == 0)
                        {
                            break;
                        }

                        Process(buffer, n);
                    }
                    """));

        [Theory]
        [InlineData("int")]
        [InlineData("dynamic")]
        public Task Fix_in_an_endless_loop_of_a_method_that_returns_a_value_throws_instead_of_breaking(string returnType)
            // Found by the half-typed code sweep (the README example with 'void' made 'dynamic'): a break let the end of
            // the method be reached without a value (CS0161) in code that compiled before the fix.
            => Verify.VerifyCodeFixAsync(
                Method("""
                    while (true)
                    {
                        int n = [|socket.Receive(buffer)|];
                        Process(buffer, n);
                    }
                    """, returnType),
                Method("""
                    while (true)
                    {
                        int n = socket.Receive(buffer);
                        if (n == 0)
                        {
                            throw new EndOfStreamException();
                        }

                        Process(buffer, n);
                    }
                    """, returnType));

        [Fact]
        public Task No_fix_for_a_read_in_a_finally_clause_of_the_loop_body()
        {
            // Found by the half-typed code sweep (a source of Flow/FinallyContextTests, as written): the fix put a break in
            // the finally clause, which control cannot leave (CS0157).
            var source = Method("""
                while (true)
                {
                    try
                    {
                        Process(buffer, 0);
                    }
                    finally
                    {
                        int n = [|socket.Receive(buffer)|];
                        Process(buffer, n);
                    }
                }
                """);
            return Verify.VerifyCodeFixAsync(source, source);
        }

        [Fact]
        public Task Fix_in_a_loop_ended_by_a_flag_inserts_the_break_after_the_read()
            => Verify.VerifyCodeFixAsync(
                Method("""
                    var data = "";
                    bool reading = true;
                    while (reading)
                    {
                        int n = [|socket.Receive(buffer)|];
                        data += Encoding.ASCII.GetString(buffer, 0, n);
                        if (data.EndsWith("\n"))
                        {
                            reading = false;
                        }
                    }
                    """),
                Method("""
                    var data = "";
                    bool reading = true;
                    while (reading)
                    {
                        int n = socket.Receive(buffer);
                        if (n == 0)
                        {
                            break;
                        }

                        data += Encoding.ASCII.GetString(buffer, 0, n);
                        if (data.EndsWith("\n"))
                        {
                            reading = false;
                        }
                    }
                    """));

        [Fact]
        public Task Fix_after_an_assignment_in_a_Connected_loop()
            => Verify.VerifyCodeFixAsync(
                Method("""
                    int n;
                    while (socket.Connected)
                    {
                        n = [|socket.Receive(buffer)|];
                        Process(buffer, n);
                    }
                    """),
                Method("""
                    int n;
                    while (socket.Connected)
                    {
                        n = socket.Receive(buffer);
                        if (n == 0)
                        {
                            break;
                        }

                        Process(buffer, n);
                    }
                    """));

        [Fact]
        public Task Fix_introduces_a_variable_for_an_accumulated_count()
            => Verify.VerifyCodeFixAsync(
                Method("""
                    int total = 0;
                    while (total < buffer.Length)
                    {
                        total += [|stream.Read(buffer, total, buffer.Length - total)|];
                    }
                    """),
                Method("""
                    int total = 0;
                    while (total < buffer.Length)
                    {
                        var bytesRead = stream.Read(buffer, total, buffer.Length - total);
                        if (bytesRead == 0)
                        {
                            break;
                        }

                        total += bytesRead;
                    }
                    """));

        [Fact]
        public Task Fix_introduces_a_variable_for_a_count_passed_inline()
            => Verify.VerifyCodeFixAsync(
                Method("""
                    while (true)
                    {
                        Process(buffer, [|socket.Receive(buffer)|]);
                    }
                    """),
                Method("""
                    while (true)
                    {
                        var received = socket.Receive(buffer);
                        if (received == 0)
                        {
                            break;
                        }

                        Process(buffer, received);
                    }
                    """));

        [Fact]
        public Task Fix_checks_a_count_assigned_in_the_loop_condition_first_in_the_body()
            => Verify.VerifyCodeFixAsync(
                Method("""
                    int n;
                    while ((n = [|stream.Read(buffer, 0, buffer.Length)|]) != -1)
                    {
                        Process(buffer, n);
                    }
                    """),
                Method("""
                    int n;
                    while ((n = stream.Read(buffer, 0, buffer.Length)) != -1)
                    {
                        if (n == 0)
                        {
                            break;
                        }

                        Process(buffer, n);
                    }
                    """));

        [Fact]
        public Task Fix_in_a_nested_loop_turns_the_break_into_a_return_so_the_outer_loop_cannot_re_enter()
            => Verify.VerifyCodeFixAsync(
                Method("""
                    while (true)
                    {
                        while (true)
                        {
                            int n = [|stream.Read(buffer, 0, buffer.Length)|];
                            if (n == 0)
                            {
                                break;
                            }

                            Process(buffer, n);
                        }
                    }
                    """),
                Method("""
                    while (true)
                    {
                        while (true)
                        {
                            int n = stream.Read(buffer, 0, buffer.Length);
                            if (n == 0)
                            {
                                return;
                            }

                            Process(buffer, n);
                        }
                    }
                    """));

        [Fact]
        public Task Fix_in_an_async_loop_with_ConfigureAwait()
            => Verify.VerifyCodeFixAsync(
                Method("""
                    while (true)
                    {
                        int n = await [|stream.ReadAsync(buffer.AsMemory(), token)|].ConfigureAwait(false);
                        Process(buffer, n);
                    }
                    """, "Task", "async"),
                Method("""
                    while (true)
                    {
                        int n = await stream.ReadAsync(buffer.AsMemory(), token).ConfigureAwait(false);
                        if (n == 0)
                        {
                            break;
                        }

                        Process(buffer, n);
                    }
                    """, "Task", "async"));

        [Fact]
        public Task Fix_All_fixes_every_loop()
            => Verify.VerifyCodeFixAsync(
                Method("""
                    while (true)
                    {
                        var first = [|socket.Receive(buffer)|];
                        Process(buffer, first);
                    }
                    """).Replace("static void Process", """
                    void N(Socket other, byte[] data)
                        {
                            for (;;)
                            {
                                Process(data, [|other.Receive(data)|]);
                            }
                        }

                        static void Process
                    """),
                Method("""
                    while (true)
                    {
                        var first = socket.Receive(buffer);
                        if (first == 0)
                        {
                            break;
                        }

                        Process(buffer, first);
                    }
                    """).Replace("static void Process", """
                    void N(Socket other, byte[] data)
                        {
                            for (;;)
                            {
                                var received = other.Receive(data);
                                if (received == 0)
                                {
                                    break;
                                }

                                Process(data, received);
                            }
                        }

                        static void Process
                    """));

        [Fact]
        public Task Fix_introduces_a_variable_for_a_read_inline_in_the_loop_condition()
            => Verify.VerifyCodeFixAsync(
                Method("""
                    while ([|stream.Read(buffer, 0, buffer.Length)|] >= 0)
                    {
                        Process(buffer, 1);
                    }
                    """),
                Method("""
                    int bytesRead;
                    while ((bytesRead = stream.Read(buffer, 0, buffer.Length)) >= 0)
                    {
                        if (bytesRead == 0)
                        {
                            break;
                        }

                        Process(buffer, 1);
                    }
                    """));

        [Fact]
        public Task Read_after_a_short_circuit_in_the_condition_gets_no_fix()
        {
            var source = Method("""
                while (client.Connected && [|stream.Read(buffer, 0, buffer.Length)|] >= 0)
                {
                }
                """);
            return Verify.VerifyCodeFixAsync(source, source);
        }

        [Fact]
        public Task Fix_in_top_level_statements_returns()
        {
            var test = Verify.Test(
                """
                using System.Net.Sockets;

                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                socket.Connect("localhost", 7);
                var buffer = new byte[16];
                var count = 0;
                while (true)
                {
                    int n = [|socket.Receive(buffer)|];
                    count += n;
                }
                """,
                """
                using System.Net.Sockets;

                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                socket.Connect("localhost", 7);
                var buffer = new byte[16];
                var count = 0;
                while (true)
                {
                    int n = socket.Receive(buffer);
                    if (n == 0)
                    {
                        break;
                    }

                    count += n;
                }
                """);
            test.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
            return test.RunAsync();
        }

        [Fact]
        public Task NetStandard20_fix_compiles()
        {
            var test = Verify.Test(
                """
                using System.Net.Sockets;

                class C
                {
                    void M(NetworkStream stream, byte[] buffer)
                    {
                        while (true)
                        {
                            var n = [|stream.Read(buffer, 0, buffer.Length)|];
                            stream.Write(buffer, 0, n);
                        }
                    }
                }
                """,
                """
                using System.Net.Sockets;

                class C
                {
                    void M(NetworkStream stream, byte[] buffer)
                    {
                        while (true)
                        {
                            var n = stream.Read(buffer, 0, buffer.Length);
                            if (n == 0)
                            {
                                break;
                            }

                            stream.Write(buffer, 0, n);
                        }
                    }
                }
                """);
            test.References = Verifiers.ReferenceSet.NetStandard20;
            return test.RunAsync();
        }

        [Theory]
        [InlineData("int n = [|stream.ReadAtLeast(buffer, 4, throwOnEndOfStream: false)|];")]
        [InlineData("int n = [|stream.EndRead(stream.BeginRead(buffer, 0, 4, null, null))|];")]
        public Task Other_read_families_in_endless_loops(string read)
            => Verify.VerifyAnalyzerAsync(Method($$"""
                while (true)
                {
                    {{read}}
                    Process(buffer, n);
                }
                """));

        [Fact]
        public Task Field_socket_replaced_by_a_method_the_loop_calls_is_quiet()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class C
                {
                    private Socket socket;

                    C(Socket socket) => this.socket = socket;

                    void Run(byte[] buffer)
                    {
                        while (true)
                        {
                            int n = socket.Receive(buffer);
                            if (n == 0)
                            {
                                Reconnect();
                                continue;
                            }

                            Console.WriteLine(n);
                        }
                    }

                    void Reconnect()
                    {
                        socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                        socket.Connect("localhost", 7);
                    }
                }
                """);

        [Fact]
        public Task Field_socket_in_an_endless_loop_without_calls_is_reported()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class C
                {
                    private readonly Socket socket;

                    C(Socket socket) => this.socket = socket;

                    void Run(byte[] buffer)
                    {
                        while (true)
                        {
                            int n = [|socket.Receive(buffer)|];
                            Console.WriteLine(n);
                        }
                    }
                }
                """);

        [Fact]
        public Task Data_handled_only_when_read_is_positive_still_spins()
            => Verify.VerifyAnalyzerAsync(Method("""
                using var received = new MemoryStream();
                while (!token.IsCancellationRequested || true)
                {
                    var chunk = new byte[1024];
                    int read = await [|stream.ReadAsync(chunk, 0, chunk.Length, token)|];
                    if (read > 0)
                    {
                        received.Write(chunk, 0, read);
                    }
                }
                """, "Task", "async"));

        [Fact]
        public Task Continue_on_zero_still_spins()
            => Verify.VerifyAnalyzerAsync(Method("""
                while (true)
                {
                    var bytesRead = await [|socket.ReceiveAsync(buffer.AsMemory(), SocketFlags.None, token)|].ConfigureAwait(false);
                    if (bytesRead == 0)
                    {
                        await Task.Delay(10, token);
                        continue;
                    }

                    Process(buffer, bytesRead);
                }
                """, "Task", "async"));
    }
}
