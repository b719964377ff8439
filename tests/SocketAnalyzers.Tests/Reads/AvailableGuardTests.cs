using System.Threading.Tasks;
using Xunit;
using static SocketAnalyzers.Tests.Reads.ReadTestCode;
using Verify = SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<SocketAnalyzers.Reads.SOCK010DiscardedReadCountAnalyzer, SocketAnalyzers.CodeFixes.Reads.SOCK010DiscardedReadCountCodeFixProvider>;

namespace SocketAnalyzers.Tests.Reads
{
    /// <summary>
    /// Reads under an <c>Available</c> guard: when at least as many received bytes wait on a stream socket as the read asks
    /// for (<c>if (client.Available &gt;= 4)</c>), a plain socket or network stream returns them all, so the count cannot
    /// be short: no SOCK010, no SOCK012. Game and Unity code polls this way.
    /// </summary>
    public sealed class AvailableGuardTests
    {
        private static string Guarded(string body) => "using System.Buffers.Binary;\n" + Method("var header = new byte[4];\n" + body);

        [Theory]
        [InlineData("if (socket.Available >= 4) { socket.Receive(header, 4, SocketFlags.None); Console.WriteLine(BinaryPrimitives.ReadInt32BigEndian(header)); }")]
        [InlineData("if (client.Available >= 4) { client.GetStream().Read(header, 0, 4); Console.WriteLine(BinaryPrimitives.ReadInt32BigEndian(header)); }")]
        [InlineData("if (client.Available > 3) { var own = client.GetStream(); own.Read(header, 0, header.Length); Console.WriteLine(Encoding.ASCII.GetString(header)); }")]
        [InlineData("if (4 <= socket.Available) { socket.Receive(header); Console.WriteLine(BinaryPrimitives.ReadInt32BigEndian(header)); }")]
        [InlineData("if (socket.Available < 4) { return; } socket.Receive(header); Console.WriteLine(BinaryPrimitives.ReadInt32BigEndian(header));")]
        [InlineData("while (socket.Available >= 8) { socket.Receive(header); socket.Receive(header); Console.WriteLine(BinaryPrimitives.ReadInt32BigEndian(header)); }")]
        [InlineData("if (client.Client.Available >= 4 && header.Length == 4) { client.Client.Receive(header); Console.WriteLine(BinaryPrimitives.ReadInt32BigEndian(header)); }")]
        public Task Read_that_asks_for_no_more_than_an_Available_guard_counted_is_silent(string body)
            => Verify.VerifyAnalyzerAsync(Guarded(body));

        [Theory]
        [InlineData("if (socket.Available >= 2) { [|socket.Receive(header)|]; Console.WriteLine({|SOCK012:BinaryPrimitives.ReadInt32BigEndian(header)|}); }")]
        [InlineData("if (socket.Available > 0) { [|socket.Receive(header)|]; Console.WriteLine({|SOCK012:BinaryPrimitives.ReadInt32BigEndian(header)|}); }")]
        [InlineData("if (socket.Available >= 4) { socket.Receive(header); [|socket.Receive(header)|]; Console.WriteLine({|SOCK012:BinaryPrimitives.ReadInt32BigEndian(header)|}); }")]
        [InlineData("if (socket.Available >= 4) { Process(header, 0); [|socket.Receive(header)|]; Console.WriteLine({|SOCK012:BinaryPrimitives.ReadInt32BigEndian(header)|}); }")]
        [InlineData("if (socket.Available >= 4) { Console.WriteLine(); } [|socket.Receive(header)|]; Console.WriteLine({|SOCK012:BinaryPrimitives.ReadInt32BigEndian(header)|});")]
        [InlineData("if (udp.Available >= 4) { [|socket.Receive(header)|]; Console.WriteLine({|SOCK012:BinaryPrimitives.ReadInt32BigEndian(header)|}); }")]
        [InlineData("if (client.Available >= 4) { [|ssl.Read(header, 0, 4)|]; Console.WriteLine({|SOCK012:BinaryPrimitives.ReadInt32BigEndian(header)|}); }")]
        [InlineData("if (socket.Available >= 4) { [|socket.Receive(buffer)|]; Console.WriteLine({|SOCK012:Encoding.ASCII.GetString(buffer)|}); }")]
        public Task Read_the_guard_does_not_cover_is_still_reported(string body)
            => Verify.VerifyAnalyzerAsync(Guarded(body));

        // A loop that reads only when data waits never sees the 0 either: once the peer has closed, no data comes and it
        // polls forever (Connected stays true). SOCK011 keeps reporting it; its message and fix name the read's 0, which
        // such a read does not return (see docs/rules/SOCK011.md).
        [Theory]
        [InlineData("if (stream.DataAvailable) { int n = {|SOCK011:stream.Read(buffer, 0, buffer.Length)|}; Process(buffer, n); }")]
        [InlineData("if (client.Available > 0) { int n = {|SOCK011:client.Client.Receive(buffer)|}; Process(buffer, n); }")]
        [InlineData("if (socket.Available == 0) { Thread.Sleep(10); continue; } int n = {|SOCK011:socket.Receive(buffer)|}; Process(buffer, n);")]
        public Task Polling_loop_that_reads_only_when_data_waits_is_still_reported(string turn)
            => Verify.VerifyAnalyzerAsync(Method("while (client.Connected) { " + turn + " }"));

        // A poll whose body also tests the count polls forever just the same: the read runs only when data waits, so it never
        // returns 0 and the test is never true; once the peer has closed, every turn takes the guard's other side (fresh55's
        // memcached load tester). Followed from that side, the loop is reported unless it can leave there.
        [Theory]
        [InlineData("while (client.Connected) { if (stream.DataAvailable) { int n = {|SOCK011:stream.Read(buffer, 0, buffer.Length)|}; if (n == 0) break; Process(buffer, n); } }")]
        [InlineData("while (true) { if (client.Available > 0) { int n = {|SOCK011:client.Client.Receive(buffer)|}; if (n <= 0) return; Process(buffer, n); } Thread.Sleep(10); }")]
        [InlineData("while (true) { if (stream.DataAvailable) { int n = {|SOCK011:stream.Read(buffer, 0, buffer.Length)|}; if (n > 0) Process(buffer, n); else break; } }")]
        [InlineData("while (true) { while (socket.Available == 0) { Thread.Sleep(10); } int n = {|SOCK011:socket.Receive(buffer)|}; if (n == 0) break; Process(buffer, n); }")]
        [InlineData("while (true) { if (!stream.DataAvailable) { Thread.Sleep(10); continue; } int n = {|SOCK011:stream.Read(buffer, 0, buffer.Length)|}; if (n == 0) { Console.WriteLine(\"closed\"); break; } Process(buffer, n); }")]
        [InlineData("while (client.Connected) { if (stream.DataAvailable) { int n = {|SOCK011:stream.Read(buffer, 0, buffer.Length)|}; string text = Encoding.ASCII.GetString(buffer, 0, n); if (text.Length == 0 || text == \"bye\") break; Process(buffer, n); } }")]
        public Task Polling_loop_that_also_tests_the_count_still_polls_forever(string loop)
            => Verify.VerifyAnalyzerAsync(Method(loop));

        [Fact]
        public Task Polling_loop_that_tests_the_count_gets_the_polling_message()
            => Verify.VerifyAnalyzerAsync(
                Method("while (client.Connected) { if (stream.DataAvailable) { int n = {|#0:stream.Read(buffer, 0, buffer.Length)|}; if (n == 0) break; Process(buffer, n); } }"),
                Verify.Diagnostic("SOCK011").WithLocation(0).WithMessage(
                    "When the peer closes, no more data comes, and this loop, which calls NetworkStream.Read only when data waits, polls forever; leave the loop when the peer has closed: read without polling, and stop when the count is 0"));

        [Fact]
        public Task Polling_loop_that_tests_the_count_gets_no_fix_and_no_Fix_All()
        {
            // The test of the count is already there and never true: a stop at 0 would change nothing.
            var source = Method("while (client.Connected) { if (stream.DataAvailable) { int n = {|SOCK011:stream.Read(buffer, 0, buffer.Length)|}; if (n == 0) break; Process(buffer, n); } }");
            return SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<SocketAnalyzers.Reads.SOCK011ReadLoopIgnoresEndOfStreamAnalyzer, SocketAnalyzers.CodeFixes.Reads.SOCK011ReadLoopIgnoresEndOfStreamCodeFixProvider>.VerifyCodeFixAsync(source, source);
        }

        [Theory]
        [InlineData("while (client.Connected) { if (stream.DataAvailable) { int n = stream.Read(buffer, 0, buffer.Length); if (n == 0) break; Process(buffer, n); } else if (client.Client.Poll(0, SelectMode.SelectRead)) break; }")]
        [InlineData("while (true) { if (stream.DataAvailable) { int n = stream.Read(buffer, 0, buffer.Length); if (n == 0) break; Process(buffer, n); } else { break; } }")]
        [InlineData("while (true) { if (stream.DataAvailable) { int n = stream.Read(buffer, 0, buffer.Length); if (n == 0) break; Process(buffer, n); } else { stream.Write(buffer, 0, 1); Thread.Sleep(100); } }")]
        [InlineData("while (stream.DataAvailable) { int n = stream.Read(buffer, 0, buffer.Length); if (n == 0) break; Process(buffer, n); }")]
        [InlineData("while (client.Connected) { if (client.Available > 0) { while (true) { int n = client.Client.Receive(buffer); if (n == 0) return; Process(buffer, n); } } }")]
        [InlineData("var idle = 0; while (idle < 100) { if (stream.DataAvailable) { idle = 0; int n = stream.Read(buffer, 0, buffer.Length); if (n == 0) break; Process(buffer, n); } else { idle++; Thread.Sleep(10); } }")]
        public Task Polling_loop_that_can_leave_where_nothing_waits_is_silent(string loop)
            => Verify.VerifyAnalyzerAsync(Method(loop));

        [Theory]
        [InlineData("int n = stream.Read(buffer, 0, buffer.Length); Process(buffer, n); if (stream.DataAvailable) { Console.WriteLine(); }")]
        [InlineData("if (ssl.CanRead && client.Available > 0) { int n = ssl.Read(buffer, 0, buffer.Length); Process(buffer, n); }")]
        [InlineData("if (client.Available > 0) { Process(buffer, 0); int n = client.Client.Receive(buffer); Process(buffer, n); }")]
        public Task Read_that_no_data_guard_covers_still_spins_at_zero(string turn)
            => Verify.VerifyAnalyzerAsync(Method("while (true) { " + turn.Replace("int n = ", "int n = {|SOCK011:").Replace("); Process(buffer, n);", ")|}; Process(buffer, n);") + " }"));

        private const string PollingLoop = """
            while (client.Connected)
            {
                if (stream.DataAvailable)
                {
                    int n = {|#0:stream.Read(buffer, 0, buffer.Length)|};
                    Process(buffer, n);
                }
            }
            """;

        [Fact]
        public Task Polling_loop_message_says_the_loop_polls_forever()
            => Verify.VerifyAnalyzerAsync(
                Method(PollingLoop),
                Verify.Diagnostic("SOCK011").WithLocation(0).WithMessage(
                    "When the peer closes, no more data comes, and this loop, which calls NetworkStream.Read only when data waits, polls forever; leave the loop when the peer has closed: read without polling, and stop when the count is 0"));

        [Fact]
        public Task Polling_loop_gets_no_stop_at_zero_fix()
        {
            // Such a read never returns 0: a test of the count would never leave the loop.
            var source = Method(PollingLoop.Replace("{|#0:", "{|SOCK011:"));
            return SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<SocketAnalyzers.Reads.SOCK011ReadLoopIgnoresEndOfStreamAnalyzer, SocketAnalyzers.CodeFixes.Reads.SOCK011ReadLoopIgnoresEndOfStreamCodeFixProvider>.VerifyCodeFixAsync(source, source);
        }

        /// <summary>
        /// The fresh10 audit's AndreiGanichev chat server: the guard names the stream through an auto-property and the read
        /// goes through a <c>BinaryReader</c> over it. The guard covers that read (one connection, and a reader that keeps
        /// no bytes of its own), so the loop polls forever: the polling message, and no stop-at-0 fix that would never run.
        /// </summary>
        [Theory]
        [InlineData("protected internal NetworkStream Stream { get; private set; }", "var reader = new BinaryReader(Stream);", "reader.Read(buffer, 0, buffer.Length)", "BinaryReader.Read")]
        [InlineData("public NetworkStream Stream => stream;", "", "Stream.Read(buffer, 0, buffer.Length)", "NetworkStream.Read")]
        [InlineData("protected internal NetworkStream Stream { get; private set; }", "", "Stream.Read(buffer.AsSpan())", "NetworkStream.Read")]
        public async Task Polling_loop_through_a_stream_property_or_binary_reader_polls_forever(string property, string before, string read, string name)
        {
            var source = Usings + $$"""
                class Client
                {
                    private readonly NetworkStream stream;

                    {{property}}

                    public Client(TcpClient c)
                    {
                        stream = c.GetStream();
                        {{(property.Contains("set;") ? "Stream = stream;" : "")}}
                    }

                    public void Listen()
                    {
                        {{before}}
                        var buffer = new byte[64];
                        var done = false;
                        var text = new StringBuilder();
                        while (!done)
                        {
                            while (Stream.DataAvailable)
                            {
                                int n = {|#0:{{read}}|};
                                text.Append(Encoding.Unicode.GetString(buffer, 0, n));
                            }

                            Console.WriteLine(text.ToString());
                        }
                    }
                }
                """;
            await SocketAnalyzers.Tests.Verifiers.AnalyzerVerifier<SocketAnalyzers.Reads.SOCK011ReadLoopIgnoresEndOfStreamAnalyzer>.VerifyAnalyzerAsync(
                source,
                SocketAnalyzers.Tests.Verifiers.AnalyzerVerifier<SocketAnalyzers.Reads.SOCK011ReadLoopIgnoresEndOfStreamAnalyzer>.Diagnostic("SOCK011").WithLocation(0).WithMessage(
                    "When the peer closes, no more data comes, and this loop, which calls " + name + " only when data waits, polls forever; leave the loop when the peer has closed: read without polling, and stop when the count is 0"));

            // No stop-at-0 fix: the read is never reached once the peer has closed.
            var marked = source.Replace("{|#0:", "{|SOCK011:");
            await SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<SocketAnalyzers.Reads.SOCK011ReadLoopIgnoresEndOfStreamAnalyzer, SocketAnalyzers.CodeFixes.Reads.SOCK011ReadLoopIgnoresEndOfStreamCodeFixProvider>.VerifyCodeFixAsync(marked, marked);
        }

        [Fact]
        public Task DataAvailable_does_not_cover_a_read_of_more_than_one_byte()
            => Verify.VerifyAnalyzerAsync(Method("""
                if (stream.DataAvailable)
                {
                    [|stream.Read(buffer, 0, buffer.Length)|];
                    Console.WriteLine(buffer[0]);
                }
                """));

        [Fact]
        public Task Guard_does_not_cover_a_datagram_read()
            => Verify.VerifyAnalyzerAsync(Guarded("""
                if (socket.Available >= 4)
                {
                    EndPoint from = new IPEndPoint(IPAddress.Any, 0);
                    [|socket.ReceiveFrom(header, 4, SocketFlags.None, ref from)|];
                    Console.WriteLine(header[0]);
                }
                """));

        [Fact]
        public Task Guard_before_an_await_does_not_cover_the_read_after_it()
            => Verify.VerifyAnalyzerAsync("using System.Buffers.Binary;\n" + Method("""
                var header = new byte[4];
                if (socket.Available >= 4)
                {
                    await Task.Yield();
                    await [|socket.ReceiveAsync(header.AsMemory(), SocketFlags.None)|];
                    Console.WriteLine({|SOCK012:BinaryPrimitives.ReadInt32BigEndian(header)|});
                }
                """, "Task", "async"));

        [Fact]
        public Task Guarded_read_awaited_itself_is_silent()
            => Verify.VerifyAnalyzerAsync("using System.Buffers.Binary;\n" + Method("""
                var header = new byte[4];
                if (socket.Available >= 4)
                {
                    await socket.ReceiveAsync(header.AsMemory(), SocketFlags.None);
                    Console.WriteLine(BinaryPrimitives.ReadInt32BigEndian(header));
                }
                """, "Task", "async"));
    }
}
