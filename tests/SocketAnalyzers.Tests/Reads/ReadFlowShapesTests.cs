using System.Threading.Tasks;
using Xunit;
using static SocketAnalyzers.Tests.Reads.ReadTestCode;
using Verify010 = SocketAnalyzers.Tests.Verifiers.AnalyzerVerifier<SocketAnalyzers.Reads.SOCK010DiscardedReadCountAnalyzer>;
using Verify011 = SocketAnalyzers.Tests.Verifiers.AnalyzerVerifier<SocketAnalyzers.Reads.SOCK011ReadLoopIgnoresEndOfStreamAnalyzer>;
using Verify012 = SocketAnalyzers.Tests.Verifiers.AnalyzerVerifier<SocketAnalyzers.Reads.SOCK012WholeBufferConsumedAnalyzer>;

namespace SocketAnalyzers.Tests.Reads
{
    /// <summary>The corpus shapes of issue 13 that the reads family on the flow kernel handles, each with its negative.</summary>
    public sealed class ReadFlowShapesTests
    {
        // ---- SOCK011: a loop whose only exit tests something that cannot change once reads return 0 ----

        [Theory]
        [InlineData("""
            var data = "";
            while (true)
            {
                int n = [|socket.Receive(buffer)|];
                data += Encoding.ASCII.GetString(buffer, 0, n);
                if (data.IndexOf("<EOF>") > -1)
                {
                    break;
                }
            }
            """)]
        [InlineData("""
            while (true)
            {
                int n = [|stream.Read(buffer, 0, buffer.Length)|];
                var text = Encoding.UTF8.GetString(buffer, 0, n);
                if (text == "x")
                {
                    break;
                }

                Console.WriteLine(text);
            }
            """)]
        [InlineData("""
            string message = string.Empty;
            int received = 0;
            do
            {
                int n = [|socket.Receive(buffer)|];
                received += n;
                message = message + Encoding.UTF8.GetString(buffer, 0, n);
            }
            while (!message.EndsWith("\n") && received < 4096);
            """)]
        public Task Loop_whose_exit_tests_only_what_an_empty_read_cannot_change_is_reported(string body)
            => Verify011.VerifyAnalyzerAsync(Method(body));

        // A loop ended by a flag that only a test of what an empty read cannot change sets (seen in course code).
        [Theory]
        [InlineData("""
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
            """)]
        [InlineData("""
            var data = "";
            var done = false;
            while (!done)
            {
                int n = [|stream.Read(buffer, 0, buffer.Length)|];
                data += Encoding.UTF8.GetString(buffer, 0, n);
                if (data.IndexOf("<EOF>") > -1)
                {
                    done = true;
                    continue;
                }

                Console.WriteLine(data.Length);
            }
            """)]
        [InlineData("""
            var data = "";
            bool reading = true;
            do
            {
                int n = [|socket.Receive(buffer)|];
                data += Encoding.ASCII.GetString(buffer, 0, n);
                if (data.Contains("QUIT"))
                {
                    reading = false;
                }
            }
            while (reading);
            """)]
        [InlineData("""
            var data = "";
            bool reading = true;
            while (reading)
            {
                int n = [|socket.Receive(buffer)|];
                data += Encoding.ASCII.GetString(buffer, 0, n);
                if (data.EndsWith("\n"))
                {
                    Console.WriteLine("line: " + data);
                    reading = false;
                    Console.WriteLine("done");
                }
            }
            """)]
        public Task Loop_ended_by_a_flag_that_only_an_unchanging_test_sets_is_reported(string body)
            => Verify011.VerifyAnalyzerAsync(Method(body));

        [Theory]
        [InlineData("if (n == 0 || data.EndsWith(\"\\n\")) { reading = false; }")]
        [InlineData("if (data.EndsWith(\"\\n\")) { reading = false; } if (n == 0) { reading = false; }")]
        [InlineData("if (data.EndsWith(\"\\n\")) { reading = false; } else if (n <= 0) { break; }")]
        [InlineData("if (data.EndsWith(\"\\n\")) { reading = Stop(); }")]
        [InlineData("if (data.EndsWith(\"\\n\")) { reading = false; Reset(ref reading); }")]
        [InlineData("if (data.EndsWith(\"\\n\")) { reading = false; } Action stop = () => reading = false; Register(stop);")]
        public Task Loop_ended_by_a_flag_that_a_count_or_unknown_code_may_set_is_quiet(string test)
            => Verify011.VerifyAnalyzerAsync(Method($$"""
                var data = "";
                bool reading = true;
                while (reading)
                {
                    int n = socket.Receive(buffer);
                    data += Encoding.ASCII.GetString(buffer, 0, n);
                    {{test}}
                }
                """).Replace("static bool Handle(", "static bool Stop() => false; static void Register(Action a) { } static void Reset(ref bool flag) => flag = true; static bool Handle("));

        [Fact]
        public Task Loop_in_a_lambda_with_the_lambdas_own_counter_is_reported()
            => Verify011.VerifyAnalyzerAsync(Method("""
                Action pump = () =>
                {
                    var data = "";
                    while (true)
                    {
                        int n = [|socket.Receive(buffer)|];
                        data += Encoding.ASCII.GetString(buffer, 0, n);
                        if (data.Contains("<EOF>"))
                        {
                            break;
                        }
                    }
                };
                pump();
                """));

        [Theory]
        [InlineData("int turns = 0;", "turns++; if (turns > 100) break;")]
        [InlineData("var start = DateTime.UtcNow;", "if (DateTime.UtcNow - start > TimeSpan.FromSeconds(5)) break;")]
        [InlineData("", "if (Handle(buffer, n)) break;")]
        [InlineData("", "var line = Console.ReadLine(); if (line == \"quit\") break;")]
        [InlineData("", "if (n == 0) { if (data.Length > 0) break; }")]
        [InlineData("", "if (n == 0 && data.Length > 0) break;")]
        [InlineData("", "if (data.IndexOf(\"<EOF>\") > -1 || n == 0) break;")]
        public Task Loop_whose_exit_tests_something_that_can_change_is_quiet(string before, string exit)
            => Verify011.VerifyAnalyzerAsync(Method($$"""
                var data = "";
                {{before}}
                while (true)
                {
                    int n = socket.Receive(buffer);
                    data += Encoding.ASCII.GetString(buffer, 0, n);
                    {{exit}}
                }
                """));

        [Theory]
        [InlineData("""
            bool stop = false;
            while (!stop)
            {
                int n = socket.Receive(buffer);
                if (n == 0)
                {
                    stop = true;
                }

                Process(buffer, n);
            }
            """)]
        [InlineData("""
            while (true)
            {
                int n = socket.Receive(buffer);
                var text = Encoding.UTF8.GetString(buffer, 0, n);
                if (text.Length == 0)
                {
                    break;
                }
            }
            """)]
        [InlineData("""
            while (true)
            {
                int n = socket.Receive(buffer);
                var text = Encoding.UTF8.GetString(buffer, 0, n);
                if (string.IsNullOrEmpty(text) || text == "quit")
                {
                    return;
                }

                Console.WriteLine(text);
            }
            """)]
        public Task Loop_whose_exit_is_set_or_taken_by_an_empty_read_is_quiet(string body)
            => Verify011.VerifyAnalyzerAsync(Method(body));

        [Fact]
        public Task Loop_whose_exit_tests_a_field_is_quiet()
            => Verify011.VerifyAnalyzerAsync(Usings + """
                class C
                {
                    private volatile bool stopping;

                    void M(Socket socket, byte[] buffer)
                    {
                        var data = "";
                        while (true)
                        {
                            int n = socket.Receive(buffer);
                            data += Encoding.ASCII.GetString(buffer, 0, n);
                            if (stopping)
                            {
                                break;
                            }
                        }
                    }
                }
                """);

        [Fact]
        public Task Loop_in_a_lambda_whose_counter_belongs_to_the_enclosing_method_is_quiet()
            => Verify011.VerifyAnalyzerAsync(Method("""
                var data = "";
                Action pump = () =>
                {
                    while (true)
                    {
                        int n = socket.Receive(buffer);
                        if (n > 0)
                        {
                            data += Encoding.ASCII.GetString(buffer, 0, n);
                        }

                        if (data.Contains("<EOF>"))
                        {
                            break;
                        }
                    }
                };
                data = "";
                pump();
                """));

        [Fact]
        public Task Read_loop_left_by_an_exception_handler_still_spins_on_zero()
            => Verify011.VerifyAnalyzerAsync(Method("""
                while (true)
                {
                    try
                    {
                        int n = [|socket.Receive(buffer)|];
                        Process(buffer, n);
                    }
                    catch (SocketException)
                    {
                        break;
                    }
                }
                """));

        // ---- SOCK010: silent when the count cannot matter ----

        [Theory]
        [InlineData("socket.Receive(new byte[socket.Available]);")]
        [InlineData("var probe = new byte[1]; socket.Receive(probe, SocketFlags.Peek);")]
        [InlineData("stream.Read(buffer, 0, 4); throw new InvalidOperationException(\"unsupported\");")]
        [InlineData("var header = new byte[4]; stream.Read(header, 0, 4); throw new InvalidOperationException(\"unsupported\");")]
        [InlineData("socket.Receive(buffer); Die();")]
        [InlineData("socket.Receive(buffer); Assert.Fail(\"the read should have timed out\");")]
        [InlineData("socket.Receive(buffer); Environment.FailFast(\"the read should have timed out\");")]
        // A drain loop (fresh13 audit): the same read on the next turn still looks at none of the bytes.
        [InlineData("while (socket.Available > 0) { socket.Receive(new byte[socket.Available]); }")]
        [InlineData("while (true) { var pending = socket.Available; if (pending <= 0) break; var junk = new byte[pending]; stream.Read(junk, 0, pending); }")]
        [InlineData("var skip = new byte[4]; for (var i = 0; i < 3; i++) { stream.Read(skip, 0, 4); }")]
        // Its length is no look at its bytes (fresh8 audit: a listen-only test server made a new array each turn).
        [InlineData("for (var i = 0; i < 3; i++) { var junk = new byte[4096]; _ = stream.Read(junk, 0, junk.Length); }")]
        [InlineData("var probe = new byte[8]; socket.Receive(probe); Console.WriteLine(probe.Length);")]
        public Task Read_whose_buffer_is_never_looked_at_and_whose_stream_is_not_read_again_is_quiet(string body)
            => Verify010.VerifyAnalyzerAsync(Usings + $$"""
                using System.Diagnostics.CodeAnalysis;

                class C
                {
                    void M(Socket socket, NetworkStream stream, byte[] buffer)
                    {
                {{Indent(body, 8)}}
                    }

                    [DoesNotReturn]
                    static void Die() => throw new InvalidOperationException();
                }

                static class Assert
                {
                    public static void Fail(string message) => throw new InvalidOperationException(message);
                }
                """);

        // SOCK011 and writes: after the peer closed, a write to the connection draws a reset and a later one throws, so a
        // loop that writes bytes to the same connection on every way back to the read ends by that exception (fresh-
        // repository audit: chat clients that send the typed line, then read the answer, with the catch outside the loop).
        [Theory]
        [InlineData("""
            try
            {
                while (true)
                {
                    stream.Write(Encoding.UTF8.GetBytes("me: " + Console.ReadLine()));
                    int n = stream.Read(buffer, 0, buffer.Length);
                    Console.WriteLine(Encoding.UTF8.GetString(buffer, 0, n));
                }
            }
            catch (IOException)
            {
            }
            """)]
        [InlineData("""
            var ping = new byte[] { 1 };
            while (true)
            {
                socket.Send(ping);
                int n = socket.Receive(buffer);
                Process(buffer, n);
                Thread.Sleep(1000);
            }
            """)]
        [InlineData("""
            var ping = new byte[] { 1 };
            while (true)
            {
                int n = await stream.ReadAsync(buffer, 0, buffer.Length);
                Process(buffer, n);
                await stream.WriteAsync(ping, 0, ping.Length);
            }
            """)]
        [InlineData("""
            while (true)
            {
                var line = Console.ReadLine();
                var request = Encoding.UTF8.GetBytes(line);
                stream.Write(request, 0, request.Length);
                int n = await stream.ReadAsync(buffer, 0, buffer.Length);
                Process(buffer, n);
            }
            """)]
        [InlineData("""
            while (true)
            {
                string message = Console.ReadLine();
                message = "user: " + message;
                byte[] data = Encoding.UTF8.GetBytes(message);
                stream.Write(data, 0, data.Length);
                data = new byte[64];
                int n = stream.Read(data, 0, data.Length);
                Console.WriteLine(Encoding.UTF8.GetString(data, 0, n));
            }
            """)]
        [InlineData("""
            while (true)
            {
                string message = "me: " + Console.ReadLine();
                byte[] data = Encoding.Unicode.GetBytes(message);
                stream.Write(data, 0, data.Length);
                var builder = new StringBuilder();
                do
                {
                    int n = stream.Read(buffer, 0, buffer.Length);
                    builder.Append(Encoding.Unicode.GetString(buffer, 0, n));
                }
                while (stream.DataAvailable);
                Console.WriteLine(builder.ToString());
            }
            """)]
        [InlineData("""
            while (true)
            {
                socket.Send(new byte[] { 1 });
                do
                {
                    int n = socket.Receive(buffer);
                    Process(buffer, n);
                }
                while (socket.Available > 0);
            }
            """)]
        public Task Read_loop_that_writes_bytes_to_the_same_connection_on_every_way_back_is_quiet(string body)
            => Verify011.VerifyAnalyzerAsync(Method(body, "async Task"));

        /// <summary>
        /// A turn that sends, then reads (fresh57 F1, a course's echo client: <c>stream.Write(GetBytes(message)); n =
        /// stream.Read(…); message = GetString(buff, 0, n);</c>): the turn whose read met the 0 sent the last answer first,
        /// and a peer that had closed before it came answered with a reset, after which even the empty write of the next turn
        /// throws (EPIPE). The loop ends unless the peer read those bytes and closed without a reply: not certain to spin.
        /// </summary>
        [Theory]
        [InlineData("""
            var message = "hello";
            while (true)
            {
                try
                {
                    byte[] buff = Encoding.UTF8.GetBytes(message);
                    stream.Write(buff, 0, buff.Length);
                    buff = new byte[1024];
                    int bytes = stream.Read(buff, 0, buff.Length);
                    message = Encoding.UTF8.GetString(buff, 0, bytes);
                    Thread.Sleep(1000);
                }
                catch (Exception)
                {
                    break;
                }
            }
            """)]
        [InlineData("""
            var count = 1;
            while (true)
            {
                socket.Send(buffer, 0, count, SocketFlags.None);
                count = socket.Receive(buffer);
            }
            """)]
        [InlineData("""
            var request = Encoding.UTF8.GetBytes("hello");
            do
            {
                socket.Send(request);
                int n = socket.Receive(buffer);
                request = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(buffer, 0, n));
            }
            while (true);
            """)]
        public Task Read_loop_that_sends_before_it_reads_each_turn_is_quiet_even_when_the_send_may_be_empty(string body)
            => Verify011.VerifyAnalyzerAsync(Method(body));

        [Theory]
        [InlineData("""
            while (true)
            {
                int n = [|stream.Read(buffer, 0, buffer.Length)|];
                stream.Write(buffer, 0, n);
            }
            """)]
        [InlineData("""
            while (true)
            {
                int n = [|socket.Receive(buffer)|];
                socket.Send(Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(buffer, 0, n)));
            }
            """)]
        [InlineData("""
            var ping = new byte[] { 1 };
            while (true)
            {
                try
                {
                    stream.Write(ping, 0, ping.Length);
                }
                catch (IOException)
                {
                }

                int n = [|stream.Read(buffer, 0, buffer.Length)|];
                Process(buffer, n);
            }
            """)]
        [InlineData("""
            var other = client.GetStream();
            while (true)
            {
                int n = [|socket.Receive(buffer)|];
                Process(buffer, n);
                other.Write(new byte[] { 1 }, 0, 1);
            }
            """)]
        [InlineData("""
            while (true)
            {
                int n = [|stream.Read(buffer, 0, buffer.Length)|];
                if (n > 0)
                {
                    stream.Write(buffer, 0, n);
                }
            }
            """)]
        [InlineData("""
            while (true)
            {
                int n = [|stream.Read(buffer, 0, buffer.Length)|];
                var text = Encoding.UTF8.GetString(buffer, 0, n);
                var reply = Encoding.UTF8.GetBytes(text.ToUpper());
                stream.Write(reply, 0, reply.Length);
            }
            """)]
        [InlineData("""
            while (true)
            {
                int n = [|socket.Receive(buffer)|];
                var text = new StringBuilder();
                text.Append(Encoding.UTF8.GetString(buffer, 0, n));
                socket.Send(Encoding.UTF8.GetBytes(text.ToString()));
            }
            """)]
        [InlineData("""
            while (true)
            {
                int n = [|stream.Read(buffer, 0, buffer.Length)|];
                var text = Encoding.UTF8.GetString(buffer, 0, n);
                var line = Console.ReadLine();
                var reply = Encoding.UTF8.GetBytes(line + text);
                stream.Write(reply, 0, reply.Length);
            }
            """)]
        [InlineData("""
            var count = 0;
            while (true)
            {
                int n = [|stream.Read(buffer, 0, buffer.Length)|];
                count = n;
                var line = Console.ReadLine();
                var request = Encoding.UTF8.GetBytes(line);
                request = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(buffer, 0, count));
                stream.Write(request, 0, request.Length);
            }
            """)]
        [InlineData("""
            var reader = new System.IO.StreamReader(stream);
            while (true)
            {
                int n = [|stream.Read(buffer, 0, buffer.Length)|];
                Process(buffer, n);
                var text = reader.ReadToEnd();
                var request = Encoding.UTF8.GetBytes(text);
                stream.Write(request, 0, request.Length);
            }
            """)]
        [InlineData("""
            string Next() => Encoding.UTF8.GetString(buffer, 0, socket.Receive(buffer));
            while (true)
            {
                int n = [|stream.Read(buffer, 0, buffer.Length)|];
                Process(buffer, n);
                var line = Next();
                var request = Encoding.UTF8.GetBytes(line);
                stream.Write(request, 0, request.Length);
            }
            """)]
        [InlineData("""
            while (true)
            {
                do
                {
                    int n = [|socket.Receive(buffer)|];
                    Process(buffer, n);
                }
                while (socket.Available > 0);
            }
            """)]
        [InlineData("""
            var other = client.GetStream();
            while (true)
            {
                stream.Write(new byte[] { 1 }, 0, 1);
                do
                {
                    int n = [|stream.Read(buffer, 0, buffer.Length)|];
                    Process(buffer, n);
                }
                while (other.DataAvailable);
            }
            """)]
        public Task Read_loop_whose_writes_may_send_nothing_be_caught_inside_or_go_elsewhere_is_still_reported(string body)
            => Verify011.VerifyAnalyzerAsync(Method(body, "async Task"));

        // A writer over the connection's stream writes to the connection: its bytes reach the stream at once (AutoFlush) or
        // when its buffer fills, and that write throws once the peer has closed (fresh13 audit: a line server that answers
        // "ok" through a StreamWriter over the stream its StreamReader reads). WriteLine always writes the line's end.
        [Theory]
        [InlineData("""
            var reader = new StreamReader(stream);
            var writer = new StreamWriter(stream) { AutoFlush = true };
            while (true)
            {
                string line = reader.ReadLine();
                writer.WriteLine("ok");
            }
            """)]
        [InlineData("""
            var reader = new StreamReader(client.GetStream());
            var writer = new StreamWriter(client.GetStream());
            writer.AutoFlush = true;
            while (true)
            {
                var line = reader.ReadLine();
                writer.WriteLine(line);
            }
            """)]
        [InlineData("""
            var reader = new StreamReader(stream);
            var writer = new StreamWriter(stream) { AutoFlush = true };
            while (true)
            {
                var line = await reader.ReadLineAsync();
                await writer.WriteLineAsync("echo: " + line);
            }
            """)]
        [InlineData("""
            var writer = new BinaryWriter(stream);
            while (true)
            {
                int n = stream.Read(buffer, 0, buffer.Length);
                Process(buffer, n);
                writer.Write((byte)'!');
            }
            """)]
        [InlineData("""
            NetworkStream ns = null;
            StreamReader reader = null;
            StreamWriter writer = null;
            try
            {
                ns = new NetworkStream(socket);
                reader = new StreamReader(ns, Encoding.UTF8);
                writer = new StreamWriter(ns, Encoding.UTF8) { AutoFlush = true };
                while (true)
                {
                    string line = reader.ReadLine();
                    Console.WriteLine(line);
                    writer.WriteLine(line);
                }
            }
            catch (Exception e)
            {
                Console.WriteLine(e);
            }
            """)]
        public Task Read_loop_that_writes_through_a_writer_over_the_same_connection_is_quiet(string body)
            => Verify011.VerifyAnalyzerAsync(Method(body, "async Task"));

        // A StreamWriter without AutoFlush keeps what it is given; a Flush of the same writer after a write on the way back
        // to the read passes it on: a write to the connection, which throws once the peer has closed (the usual line server
        // answers with WriteLine then Flush).
        [Theory]
        [InlineData("""
            var reader = new StreamReader(stream);
            var writer = new StreamWriter(stream);
            while (true)
            {
                var line = reader.ReadLine();
                writer.WriteLine("echo: " + line);
                writer.Flush();
            }
            """)]
        [InlineData("""
            var reader = new StreamReader(stream);
            var writer = new StreamWriter(stream);
            while (true)
            {
                var line = await reader.ReadLineAsync();
                if (line == "quit")
                {
                    break;
                }

                await writer.WriteLineAsync(line);
                Console.WriteLine(line);
                await writer.FlushAsync();
            }
            """)]
        [InlineData("""
            var reader = new StreamReader(stream);
            var writer = new StreamWriter(stream);
            while (true)
            {
                var line = reader.ReadLine();
                if (line == "time")
                {
                    writer.WriteLine(DateTime.Now);
                }
                else
                {
                    writer.WriteLine("?");
                }

                writer.Flush();
            }
            """)]
        public Task Read_loop_that_writes_and_flushes_a_buffered_writer_over_the_same_connection_is_quiet(string body)
            => Verify011.VerifyAnalyzerAsync(Method(body, "async Task"));

        [Theory]
        [InlineData("""
            var reader = new StreamReader(stream);
            var writer = new StreamWriter(stream);
            while (true)
            {
                var line = [|reader.ReadLine()|];
                writer.Flush();
                writer.Write("");
            }
            """)]
        [InlineData("""
            var reader = new StreamReader(stream);
            var writer = new StreamWriter(stream);
            var log = new StreamWriter("log.txt");
            while (true)
            {
                var line = [|reader.ReadLine()|];
                writer.WriteLine(line);
                log.Flush();
            }
            """)]
        [InlineData("""
            var reader = new StreamReader(stream);
            var writer = new StreamWriter(stream);
            while (true)
            {
                var line = [|reader.ReadLine()|];
                if (line == "ping")
                {
                    writer.WriteLine("pong");
                }

                writer.Flush();
            }
            """)]
        [InlineData("""
            var reader = new StreamReader(stream);
            var writer = new StreamWriter(stream);
            while (true)
            {
                var line = [|reader.ReadLine()|];
                writer.WriteLine(line);
                writer = new StreamWriter(stream);
                writer.Flush();
            }
            """)]
        [InlineData("""
            var reader = new StreamReader(stream);
            var writer = new StreamWriter(stream);
            while (true)
            {
                var line = [|reader.ReadLine()|];
                writer.WriteLine(line);
                try
                {
                    writer.Flush();
                }
                catch (IOException)
                {
                }
            }
            """)]
        public Task Read_loop_whose_flush_may_pass_on_nothing_or_is_caught_inside_is_still_reported(string body)
            => Verify011.VerifyAnalyzerAsync(Method(body, "async Task"));

        [Theory]
        [InlineData("""
            var reader = new StreamReader(stream);
            var log = new StreamWriter("log.txt") { AutoFlush = true };
            while (true)
            {
                string line = [|reader.ReadLine()|];
                log.WriteLine(line);
            }
            """)]
        [InlineData("""
            var reader = new StreamReader(stream);
            var writer = new StreamWriter(stream) { AutoFlush = true };
            while (true)
            {
                string line = [|reader.ReadLine()|];
                writer.Write(line);
            }
            """)]
        [InlineData("""
            var reader = new StreamReader(stream);
            var writer = new StreamWriter(stream) { AutoFlush = true };
            while (true)
            {
                string line = [|reader.ReadLine()|];
                writer.Write("");
                writer.Flush();
            }
            """)]
        [InlineData("""
            var reader = new StreamReader(stream);
            var writer = new StreamWriter(stream);
            while (true)
            {
                string line = [|reader.ReadLine()|];
                writer.WriteLine("ok");
            }
            """)]
        [InlineData("""
            var reader = new StreamReader(stream);
            var other = new StreamWriter(client.GetStream()) { AutoFlush = true };
            while (true)
            {
                string line = [|reader.ReadLine()|];
                other.WriteLine("seen");
            }
            """)]
        public Task Read_loop_whose_writer_writes_elsewhere_or_may_write_nothing_is_still_reported(string body)
            => Verify011.VerifyAnalyzerAsync(Method(body, "async Task"));

        // An accepted socket is a new connection (fresh11 F1, radosslaw/PPR): once the variable holds the next client (or
        // was closed), a read through it says nothing of the count the earlier connection dropped, and a read of the next
        // client into the same buffer from its start replaces the dropped read's bytes.
        [Theory]
        [InlineData("""
            var listener = new TcpListener(IPAddress.Any, 9000).Server;
            listener.Bind(new IPEndPoint(IPAddress.Any, 9000));
            listener.Listen(10);
            byte[] bytes = new byte[1024];
            while (true)
            {
                Socket handler = listener.Accept();
                int got = handler.Receive(bytes);
                string data = Encoding.ASCII.GetString(bytes, 0, got);
                handler.Receive(bytes);
                handler.Send(Encoding.ASCII.GetBytes(data));
                handler.Shutdown(SocketShutdown.Both);
                handler.Close();
            }
            """)]
        [InlineData("""
            byte[] bytes = new byte[1024];
            Socket h = socket.Accept();
            h.Receive(new byte[16]);
            h.Close();
            h = socket.Accept();
            int got = h.Receive(bytes);
            Process(bytes, got);
            """)]
        [InlineData("""
            byte[] bytes = new byte[1024];
            Socket h = socket.Accept();
            h.Receive(bytes);
            h = socket.Accept();
            int got = h.Receive(bytes);
            Process(bytes, got);
            """)]
        [InlineData("""
            byte[] bytes = new byte[1024];
            while (true)
            {
                var c = new TcpClient();
                c.Connect("example.org", 80);
                var s = c.GetStream();
                int got = s.Read(bytes, 0, bytes.Length);
                Process(bytes, got);
                s.Read(bytes, 0, bytes.Length);
                c.Close();
            }
            """)]
        public Task Dropped_count_followed_only_by_reads_of_the_next_connection_is_quiet(string body)
            => Verify010.VerifyAnalyzerAsync(Method(body));

        [Theory]
        [InlineData("""
            byte[] bytes = new byte[1024];
            Socket h = socket.Accept();
            [|h.Receive(bytes)|];
            int got = h.Receive(bytes);
            Process(bytes, got);
            """)]
        [InlineData("""
            byte[] bytes = new byte[1024];
            Socket h = socket.Accept();
            [|h.Receive(bytes)|];
            Socket other = socket.Accept();
            Process(bytes, bytes.Length);
            """)]
        [InlineData("""
            byte[] bytes = new byte[1024];
            Socket h = socket.Accept();
            [|h.Receive(bytes)|];
            h = socket.Accept();
            Console.WriteLine({|SOCK012:Encoding.ASCII.GetString(bytes)|});
            """)]
        [InlineData("""
            byte[] bytes = new byte[1024];
            Socket h = socket.Accept();
            [|h.Receive(bytes)|];
            h = socket.Accept();
            int got = h.Receive(bytes, 4, 100, SocketFlags.None);
            Process(bytes, got);
            """)]
        public Task Dropped_count_of_a_connection_read_again_or_whose_bytes_are_looked_at_is_still_reported(string body)
            => Verify010.VerifyAnalyzerAsync(Method(body));

        // A datagram read takes one whole datagram: the next read of the socket takes the next one whatever this one's
        // length was, so reading again does not make the count of a read whose buffer nobody looks at matter.
        [Theory]
        [InlineData("EndPoint from = new IPEndPoint(IPAddress.Any, 0); socket.ReceiveFrom(new byte[256], ref from); var data = new byte[256]; int n = socket.ReceiveFrom(data, ref from); Process(data, n);")]
        [InlineData("var dgram = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp); dgram.Bind(new IPEndPoint(IPAddress.Any, 9050)); dgram.Receive(new byte[64]); int n = dgram.Receive(buffer); Process(buffer, n);")]
        [InlineData("var dgram = udp.Client; dgram.Receive(new byte[64]); int n = dgram.Receive(buffer); Process(buffer, n);")]
        [InlineData("EndPoint from = new IPEndPoint(IPAddress.Any, 0); while (true) { socket.ReceiveFrom(new byte[256], ref from); Console.WriteLine(\"ping from \" + from); }")]
        [InlineData("EndPoint from = new IPEndPoint(IPAddress.Any, 0); var data = new byte[1024]; int got = socket.ReceiveFrom(data, ref from); Console.WriteLine(\"hello from \" + from); while (true) { data = new byte[1024]; got = socket.ReceiveFrom(data, ref from); Process(data, got); }")]
        [InlineData("EndPoint from = new IPEndPoint(IPAddress.Any, 0); var data = new byte[64]; while (true) { socket.ReceiveFrom(data, ref from); Console.WriteLine(\"someone is up\"); }")]
        public Task Datagram_read_whose_buffer_is_never_looked_at_is_quiet_when_the_socket_is_read_again(string body)
            => Verify010.VerifyAnalyzerAsync(Method(body));

        [Theory]
        [InlineData("var dgram = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp); dgram.Bind(new IPEndPoint(IPAddress.Any, 9050)); var reply = new byte[2]; [|dgram.Receive(reply)|]; Console.WriteLine(reply[1]);")]
        [InlineData("EndPoint from = new IPEndPoint(IPAddress.Any, 0); var reply = new byte[8]; [|socket.ReceiveFrom(reply, ref from)|]; Process(reply, reply.Length);")]
        [InlineData("var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); tcp.Connect(IPAddress.Loopback, 9050); [|tcp.Receive(new byte[64])|]; int n = tcp.Receive(buffer); Process(buffer, n);")]
        [InlineData("EndPoint from = new IPEndPoint(IPAddress.Any, 0); var data = new byte[64]; [|socket.ReceiveFrom(data, ref from)|]; [|socket.ReceiveFrom(data, 8, 56, SocketFlags.None, ref from)|]; Process(data, 64);")]
        [InlineData("EndPoint from = new IPEndPoint(IPAddress.Any, 0); var data = new byte[64]; [|socket.ReceiveFrom(data, ref from)|]; var kept = data; data = new byte[64]; Process(kept, 64);")]
        [InlineData("var data = new byte[64]; [|stream.Read(data, 0, 64)|]; data = new byte[64]; int n = stream.Read(data, 0, 64); Process(data, n);")]
        public Task Datagram_read_whose_buffer_is_looked_at_and_stream_read_read_again_are_still_reported(string body)
            => Verify010.VerifyAnalyzerAsync(Method(body));

        /// <summary>A UDP server class whose receive loop reads datagrams into an array field (<paramref name="loop"/> is its body).</summary>
        private static string DatagramFieldServer(string loop) => Usings + $$"""
            class UdpServer
            {
                private readonly Socket socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                private byte[] buffer = new byte[1024];
                private EndPoint endpoint = new IPEndPoint(IPAddress.Any, 0);

                public UdpServer() => socket.Bind(new IPEndPoint(IPAddress.Any, 9050));

                void Receive(UdpServer other)
                {
                    while (true)
                    {
                        {{loop}}
                    }
                }
            }
            """;

        /// <summary>
        /// fresh60 M3 (a course UDP server): <c>socket.ReceiveFrom(buffer, 0, 1024, SocketFlags.None, ref endpoint);</c> into
        /// an array field, then <c>Encoding.UTF8.GetString(buffer)</c>: the datagram's length mattered there, as for a local
        /// buffer (only SOCK012 was reported).
        /// </summary>
        [Theory]
        [InlineData("[|socket.ReceiveFrom(buffer, 0, 1024, SocketFlags.None, ref endpoint)|]; var text = {|SOCK012:Encoding.UTF8.GetString(buffer)|}; Console.WriteLine(text);")]
        [InlineData("[|socket.ReceiveFrom(this.buffer, ref endpoint)|]; Console.WriteLine(this.buffer[0]);")]
        public Task Datagram_read_into_a_field_whose_bytes_the_body_looks_at_is_reported(string loop)
            => Verify010.VerifyAnalyzerAsync(DatagramFieldServer(loop));

        /// <summary>The field's length, a refill before any look, a new array in the field, or another object's field: no look at this datagram's bytes.</summary>
        [Theory]
        [InlineData("socket.ReceiveFrom(buffer, ref endpoint); Console.WriteLine(\"datagram of up to \" + buffer.Length);")]
        [InlineData("socket.ReceiveFrom(buffer, ref endpoint); int n = socket.ReceiveFrom(buffer, ref endpoint); Console.WriteLine(Encoding.UTF8.GetString(buffer, 0, n));")]
        [InlineData("socket.ReceiveFrom(buffer, ref endpoint); buffer = new byte[1024]; Console.WriteLine(buffer[0]);")]
        [InlineData("socket.ReceiveFrom(buffer, ref endpoint); Console.WriteLine(other.buffer[0]);")]
        public Task Datagram_read_into_a_field_whose_bytes_are_not_looked_at_is_quiet(string loop)
            => Verify010.VerifyAnalyzerAsync(DatagramFieldServer(loop));

        [Fact]
        public Task Attribute_named_DoesNotReturn_outside_System_Diagnostics_CodeAnalysis_does_not_end_the_path()
            => Verify010.VerifyAnalyzerAsync(Usings + """
                class C
                {
                    void M(Socket socket, byte[] buffer)
                    {
                        [|socket.Receive(buffer)|];
                        Log();
                    }

                    [Mine.DoesNotReturn]
                    static void Log() { }
                }

                namespace Mine
                {
                    [AttributeUsage(AttributeTargets.Method)]
                    sealed class DoesNotReturnAttribute : Attribute { }
                }
                """);

        [Fact]
        public Task End_call_that_only_completes_the_operation_is_quiet()
            => Verify010.VerifyAnalyzerAsync(Usings + """
                class C
                {
                    private readonly Socket socket;

                    public C(Socket socket)
                    {
                        this.socket = socket;
                    }

                    void OnSent(IAsyncResult ar)
                    {
                        EndPoint from = new IPEndPoint(IPAddress.Any, 0);
                        try
                        {
                            socket.EndReceiveFrom(ar, ref from);
                        }
                        catch (SocketException)
                        {
                        }
                    }
                }
                """);

        /// <summary>
        /// A Modbus master's receive (fresh25 miss 1): <c>BeginReceive</c> into a buffer field, and a callback that runs
        /// <paramref name="before"/>, then <c>try { EndReceive(ar); } catch (Exception) { }</c> (the <c>End…</c> written as
        /// <paramref name="end"/>), then <paramref name="after"/>.
        /// </summary>
        private static string ModbusMaster(string end, string after, string before = "") => Usings + $$"""
            class C
            {
                private readonly Socket socket;
                private byte[] data = new byte[2048];

                public C(Socket socket)
                {
                    this.socket = socket;
                }

                public void Request()
                {
                    socket.BeginReceive(data, 0, data.Length, SocketFlags.None, OnReceive, null);
                }

                public byte First => data[0];

                void OnReceive(IAsyncResult ar)
                {
                    {{before}}
                    try
                    {
                        {{end}};
                    }
                    catch (Exception)
                    {
                    }

                    {{after}}
                }
            }
            """;

        /// <summary>
        /// fresh25 miss 1: after <c>try { EndReceive(ar); } catch { }</c>, the response is parsed from the field the
        /// <c>BeginReceive</c> fills. The <c>End…</c> does more than complete the operation: the bytes it completes are
        /// used, so their count matters (a short read, or the error the catch swallowed, parses stale bytes).
        /// </summary>
        [Theory]
        [InlineData("ushort id = (ushort)((data[0] << 8) | data[1]); Console.WriteLine(id);")]
        [InlineData("Console.WriteLine(Encoding.ASCII.GetString(data));")]
        [InlineData("var copy = new byte[4]; Array.Copy(data, 0, copy, 0, 4); Console.WriteLine(copy[0]);")]
        [InlineData("Console.WriteLine(this.data[0]);")]
        public Task End_call_in_a_try_whose_receive_buffer_field_is_then_looked_at_is_reported(string after)
            => Verify010.VerifyAnalyzerAsync(ModbusMaster("[|socket.EndReceive(ar)|]", after));

        [Fact]
        public Task End_call_in_a_try_whose_state_objects_buffer_is_then_decoded_is_reported()
            => Verify010.VerifyAnalyzerAsync(Usings + """
                class State
                {
                    public Socket Socket;
                    public byte[] Buffer = new byte[1024];
                }

                class Server
                {
                    public void Start(State state)
                    {
                        state.Socket.BeginReceive(state.Buffer, 0, state.Buffer.Length, SocketFlags.None, OnReceive, state);
                    }

                    void OnReceive(IAsyncResult ar)
                    {
                        var state = (State)ar.AsyncState;
                        try
                        {
                            [|state.Socket.EndReceive(ar)|];
                        }
                        catch
                        {
                        }

                        Console.WriteLine(Encoding.UTF8.GetString(state.Buffer));
                    }
                }
                """);

        /// <summary>Its length, a new array, a look before the <c>End…</c>, another array of the same name: no look at what it completed.</summary>
        [Theory]
        [InlineData("Console.WriteLine(data.Length);")]
        [InlineData("data = new byte[4096];")]
        [InlineData("Action show = () => { var data = new byte[4]; Console.WriteLine(data[0]); }; show();")]
        public Task End_call_in_a_try_after_which_the_receive_buffer_is_not_looked_at_only_completes_the_operation(string after)
            => Verify010.VerifyAnalyzerAsync(ModbusMaster("socket.EndReceive(ar)", after, before: "Console.WriteLine(data[1]);"));

        [Theory]
        [InlineData("var skip = new byte[4]; [|stream.Read(skip, 0, 4)|]; int n = stream.Read(buffer, 0, buffer.Length); Process(buffer, n);")]
        [InlineData("using var ns = new NetworkStream(socket, ownsSocket: false); [|ns.Read(new byte[2], 0, 2)|]; int n = socket.Receive(buffer); Process(buffer, n);")]
        [InlineData("[|socket.Receive(new byte[socket.Available])|]; int n = socket.Receive(buffer); Process(buffer, n);")]
        [InlineData("var reply = new byte[2]; [|socket.Receive(reply)|]; Console.WriteLine({|SOCK012:reply[1]|});")]
        [InlineData("using var ns = new NetworkStream(socket, ownsSocket: false); [|ns.Read(new byte[2], 0, 2)|]; Drain(socket);")]
        [InlineData("[|stream.Read(buffer, 0, 4)|]; if (buffer[0] != 1) throw new InvalidOperationException();")]
        [InlineData("var reply = new byte[2]; int n = [|socket.Receive(reply)|]; n = 2; Process(reply, n);")]
        [InlineData("var skip = new byte[4]; for (var i = 0; i < 3; i++) { [|stream.Read(skip, 0, 4)|]; } int n = stream.Read(buffer, 0, buffer.Length); Process(buffer, n);")]
        [InlineData("while (true) { [|socket.Receive(buffer, 0, 2, SocketFlags.None)|]; if (buffer[0] == 1) break; }")]
        [InlineData("while (socket.Connected) { var chunk = new byte[4096]; _ = [|stream.Read(chunk, 0, chunk.Length)|]; if (chunk.Length > 0 && chunk[0] == 4) break; }")]
        // The buffer variable given another array after the read: its old bytes were looked at first, or on another path.
        [InlineData("var data = new byte[8]; [|stream.Read(data, 0, 8)|]; data = Transform(data); Console.WriteLine(data[0]);")]
        [InlineData("var data = new byte[8]; [|stream.Read(data, 0, 8)|]; Console.WriteLine(data[0]); data = new byte[16]; Console.WriteLine(data[1]);")]
        [InlineData("var data = new byte[8]; [|stream.Read(data, 0, 8)|]; data = new byte[16]; int n = stream.Read(data, 0, 16); Process(data, n);")]
        public Task Read_whose_count_can_matter_is_still_reported(string body)
            => Verify010.VerifyAnalyzerAsync(Method(body).Replace(
                "static void Process(byte[] data, int count) { }",
                "static void Process(byte[] data, int count) { }\n\n    static void Drain(Socket socket) { while (socket.Receive(new byte[16]) > 0) { } }\n\n    static byte[] Transform(byte[] data) => data;"));

        /// <summary>
        /// fresh39 F4 (a game client's lobby request): the read's buffer variable is given another array before anything looks
        /// at it, and the stream is not read again: later uses of the variable look at the new array, so the count of the
        /// first read cannot matter.
        /// </summary>
        [Theory]
        [InlineData("var data = new byte[328]; stream.Read(data, 0, 328); data = new byte[2272]; int n = socket.Receive(data); Process(data, n);")]
        [InlineData("var data = new byte[328]; stream.Read(data, 0, 328); data = new byte[16]; data[0] = 1; socket.Send(data);")]
        public Task Read_whose_buffer_variable_takes_another_array_before_any_look_is_quiet(string body)
            => Verify010.VerifyAnalyzerAsync(Method(body));

        /// <summary>
        /// A method that may read the connection it is given: one of this file whose body reads it, one whose code the
        /// analysis does not see (an interface's), and a receive started on the connection itself (whose state argument
        /// alone, an <c>object</c>, would say nothing).
        /// </summary>
        [Theory]
        [InlineData("var skip = new byte[2]; [|socket.Receive(skip)|]; ReadFrame(socket);")]
        [InlineData("var skip = new byte[2]; [|socket.Receive(skip)|]; frames.Next(socket);")]
        [InlineData("var skip = new byte[2]; [|socket.Receive(skip)|]; socket.BeginReceive(buffer, 0, buffer.Length, SocketFlags.None, ar => Console.WriteLine(socket.EndReceive(ar)), null);")]
        public Task Read_followed_by_a_call_that_may_read_the_same_connection_is_reported(string body)
            => Verify010.VerifyAnalyzerAsync(Method(body).Replace(
                "static void Process(byte[] data, int count) { }",
                "static void Process(byte[] data, int count) { }\n\n    static void ReadFrame(Socket s) { var n = s.Receive(new byte[4]); Console.WriteLine(n); }\n\n    IFrames frames;\n\n    public interface IFrames { void Next(Socket s); }"));

        /// <summary>
        /// fresh35 (NetMQ's poller test, in part): a method given the connection that cannot read it leaves the count of a
        /// drain unimportant: one of this file that never uses it or only closes it, a list's <c>Remove</c>, a log line.
        /// </summary>
        [Theory]
        [InlineData("var skip = new byte[2]; socket.Receive(skip); Forget(socket);")]
        [InlineData("var skip = new byte[2]; socket.Receive(skip); Disconnect(socket);")]
        [InlineData("var skip = new byte[2]; socket.Receive(skip); clients.Remove(socket);")]
        [InlineData("var skip = new byte[2]; socket.Receive(skip); Console.WriteLine(socket);")]
        [InlineData("var skip = new byte[2]; socket.Receive(skip); socket.BeginSend(buffer, 0, 2, SocketFlags.None, null, socket);")]
        public Task Read_followed_only_by_calls_that_cannot_read_the_connection_is_quiet(string body)
            => Verify010.VerifyAnalyzerAsync(Method(body).Replace(
                "static void Process(byte[] data, int count) { }",
                "static void Process(byte[] data, int count) { }\n\n    static void Forget(Socket s) { }\n\n    static void Disconnect(Socket s) { s.Shutdown(SocketShutdown.Both); s.Close(); }\n\n    System.Collections.Generic.List<Socket> clients = new();"));

        // ---- SOCK012: the buffer's contents as a must-fact ----

        [Fact]
        public Task Buffer_made_fresh_at_the_top_of_each_turn_is_still_the_reads_buffer()
            => Verify012.VerifyAnalyzerAsync(Method("""
                byte[] chunk;
                while (true)
                {
                    chunk = new byte[1024];
                    int n = socket.Receive(chunk);
                    if (n == 0)
                    {
                        break;
                    }

                    Console.WriteLine([|Encoding.ASCII.GetString(chunk)|]);
                }
                """));

        [Theory]
        [InlineData("Console.WriteLine(\"got \" + chunk);")]
        [InlineData("var name = chunk.ToString();")]
        [InlineData("Console.WriteLine(chunk);")]
        [InlineData("Console.WriteLine(\"{0} of {1}\", chunk, chunk.Length);")]
        [InlineData("var size = chunk.Length;")]
        [InlineData("Console.WriteLine($\"{chunk}\");")]
        public Task Uses_that_cannot_write_the_buffer_are_no_barrier(string use)
            => Verify012.VerifyAnalyzerAsync(Method($$"""
                var chunk = new byte[64];
                int n = socket.Receive(chunk);
                if (n == 0)
                {
                    return;
                }

                {{use}}
                [|stream.Write(chunk)|];
                """));

        [Theory]
        [InlineData("Buffer.BlockCopy(buffer, 0, chunk, 0, 4);")]
        [InlineData("Array.Resize(ref chunk, n);")]
        [InlineData("chunk = new byte[4];")]
        [InlineData("buffer.CopyTo(chunk, 0);")]
        [InlineData("Process(chunk, 0);")]
        public Task Writes_after_the_read_are_barriers(string write)
            => Verify012.VerifyAnalyzerAsync(Method($$"""
                var chunk = new byte[64];
                int n = socket.Receive(chunk);
                if (n == 0)
                {
                    return;
                }

                {{write}}
                stream.Write(chunk);
                """));

        // The path without the read leaves the new array's zeros, which is what the read leaves past its count: on the path
        // with it, the write sends stale bytes past the count (zeros, as SOCK012 says).
        [Fact]
        public Task Read_on_one_branch_of_a_new_array_fills_it_where_the_paths_join()
            => Verify012.VerifyAnalyzerAsync(Method("""
                var chunk = new byte[64];
                int n = 0;
                if (client.Available > 0)
                {
                    n = socket.Receive(chunk);
                }

                if (n == 0)
                {
                    Console.WriteLine("nothing yet");
                }

                {|SOCK012:stream.Write(chunk)|};
                """));

        // The other path wrote the array itself: where the paths join, its bytes are not the read's.
        [Theory]
        [InlineData("chunk = Fill();")]
        [InlineData("chunk[0] = 1;")]
        [InlineData("Array.Copy(buffer, chunk, chunk.Length);")]
        public Task Read_on_one_branch_does_not_fill_a_buffer_the_other_branch_writes(string other)
            => Verify012.VerifyAnalyzerAsync(Method($$"""
                var chunk = new byte[64];
                int n = 0;
                if (client.Available > 0)
                {
                    n = socket.Receive(chunk);
                }
                else
                {
                    {{other}}
                }

                if (n == 0)
                {
                    Console.WriteLine("nothing yet");
                }

                stream.Write(chunk);
                """).Replace("static void Process(", "static byte[] Fill() => new byte[64];\n\n    static void Process("));
    }
}
