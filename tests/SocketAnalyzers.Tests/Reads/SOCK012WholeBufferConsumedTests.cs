using System.Threading.Tasks;
using Xunit;
using static SocketAnalyzers.Tests.Reads.ReadTestCode;
using Verify = SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<SocketAnalyzers.Reads.SOCK012WholeBufferConsumedAnalyzer, SocketAnalyzers.CodeFixes.Reads.SOCK012WholeBufferConsumedCodeFixProvider>;

namespace SocketAnalyzers.Tests.Reads
{
    public sealed class SOCK012WholeBufferConsumedTests
    {
        /// <summary>A method that reads <c>n</c> bytes into <c>buffer</c>, returns at 0, then runs <paramref name="consume"/>.</summary>
        private static string AfterCountedRead(string consume) => Method($$"""
            int n = socket.Receive(buffer);
            if (n == 0)
            {
                return;
            }

            {{consume}}
            """);

        [Theory]
        [InlineData("var text = [|Encoding.UTF8.GetString(buffer)|];")]
        [InlineData("var text = [|Encoding.ASCII.GetString(buffer, 0, buffer.Length)|];")]
        [InlineData("var chars = [|Encoding.UTF8.GetChars(buffer)|];")]
        [InlineData("[|stream.Write(buffer)|];")]
        [InlineData("[|stream.Write(buffer, 0, buffer.Length)|];")]
        [InlineData("[|socket.Send(buffer)|];")]
        [InlineData("[|socket.Send(buffer, SocketFlags.None)|];")]
        [InlineData("[|socket.Send(buffer.AsSpan())|];")]
        [InlineData("using var copy = [|new MemoryStream(buffer)|];")]
        [InlineData("var copy = [|buffer.AsSpan().ToArray()|];")]
        [InlineData("var copy = [|System.Linq.Enumerable.ToArray(buffer)|];")]
        [InlineData("var text = [|Convert.ToBase64String(buffer)|];")]
        [InlineData("var text = [|BitConverter.ToString(buffer)|];")]
        [InlineData("var doc = [|System.Text.Json.JsonDocument.Parse(buffer.AsMemory())|];")]
        [InlineData("var value = [|System.Text.Json.JsonSerializer.Deserialize<int[]>(buffer)|];")]
        public Task Buffer_consumed_whole_after_a_counted_read_is_reported(string consume)
            => Verify.VerifyAnalyzerAsync(AfterCountedRead(consume));

        /// <summary>
        /// The tail from a constant start (<c>GetString(buffer, 4, buffer.Length - 4)</c> after a 4-byte header, found while
        /// isolating fresh99 M1): the bytes from the start to the end hold the stale ones past the count, as the whole buffer
        /// does. The message says which part; the fix takes the tail up to the count. A tail up to the count, or another
        /// start than the one subtracted, is quiet.
        /// </summary>
        [Theory]
        [InlineData("var text = [|Encoding.UTF8.GetString(buffer, 4, buffer.Length - 4)|];", "var text = Encoding.UTF8.GetString(buffer, 4, n - 4);")]
        [InlineData("[|stream.Write(buffer, 2, buffer.Length - 2)|];", "stream.Write(buffer, 2, n - 2);")]
        [InlineData("const int header = 4; var text = [|Encoding.UTF8.GetString(buffer, header, buffer.Length - header)|];", "const int header = 4; var text = Encoding.UTF8.GetString(buffer, header, n - header);")]
        public Task Tail_from_a_start_to_the_end_after_a_counted_read_is_reported_and_fixed(string before, string after)
            => Verify.VerifyCodeFixAsync(AfterCountedRead(before), AfterCountedRead(after));

        [Fact]
        public Task Tail_message_names_the_part_taken()
            => Verify.VerifyAnalyzerAsync(
                AfterCountedRead("var text = {|#0:Encoding.UTF8.GetString(buffer, 4, buffer.Length - 4)|};"),
                Verify.Diagnostic().WithLocation(0).WithMessage("Encoding.GetString uses 'buffer' from 4 to its end, but Socket.Receive filled only its first 'n' bytes; the rest is stale (zeros or bytes of an earlier read). Use only the bytes received."));

        [Theory]
        [InlineData("var text = Encoding.UTF8.GetString(buffer, 4, n - 4);")]
        [InlineData("var text = Encoding.UTF8.GetString(buffer, 4, buffer.Length - 2);")]
        [InlineData("var text = Encoding.UTF8.GetString(buffer, 2, buffer.Length - 4);")]
        public Task Tail_up_to_the_count_or_of_another_length_is_quiet(string consume)
            => Verify.VerifyAnalyzerAsync(AfterCountedRead(consume));

        /// <summary>
        /// The same tail as a view or a copy (fresh99 M1 left it: a game server emulator's <c>buffer[offset..]</c>): a view
        /// from a constant start to the end, handed whole to a consumer, takes the stale bytes past the count. The fix ends
        /// the view at the count.
        /// </summary>
        [Theory]
        [InlineData("var text = [|Encoding.UTF8.GetString(buffer.AsSpan(4))|];", "var text = Encoding.UTF8.GetString(buffer.AsSpan(4, n - 4));")]
        [InlineData("[|stream.Write(buffer.AsSpan(2))|];", "stream.Write(buffer.AsSpan(2, n - 2));")]
        [InlineData("[|stream.Write(buffer.AsSpan(2, buffer.Length - 2))|];", "stream.Write(buffer.AsSpan(2, n - 2));")]
        [InlineData("var copy = [|buffer.AsSpan(4).ToArray()|];", "var copy = buffer.AsSpan(4, n - 4).ToArray();")]
        [InlineData("var text = [|Encoding.UTF8.GetString(buffer[4..])|];", "var text = Encoding.UTF8.GetString(buffer[4..n]);")]
        [InlineData("[|stream.Write(new ReadOnlySpan<byte>(buffer, 4, buffer.Length - 4))|];", "stream.Write(new ReadOnlySpan<byte>(buffer, 4, n - 4));")]
        [InlineData("const int Header = 4; var text = [|Encoding.UTF8.GetString(buffer.AsSpan(Header))|];", "const int Header = 4; var text = Encoding.UTF8.GetString(buffer.AsSpan(Header, n - Header));")]
        public Task Tail_view_from_a_start_to_the_end_after_a_counted_read_is_reported_and_fixed(string before, string after)
            => Verify.VerifyCodeFixAsync(AfterCountedRead(before), AfterCountedRead(after));

        [Fact]
        public Task Tail_view_message_names_the_part_taken()
            => Verify.VerifyAnalyzerAsync(
                AfterCountedRead("var text = {|#0:Encoding.UTF8.GetString(buffer.AsSpan(4))|};"),
                Verify.Diagnostic().WithLocation(0).WithMessage("Encoding.GetString uses 'buffer' from 4 to its end, but Socket.Receive filled only its first 'n' bytes; the rest is stale (zeros or bytes of an earlier read). Use only the bytes received."));

        [Fact]
        public Task Fix_all_ends_every_tail_view_at_the_count()
            => Verify.VerifyCodeFixAsync(
                AfterCountedRead("""
                    Console.WriteLine([|Encoding.UTF8.GetString(buffer.AsSpan(4))|]);
                    var reply = new byte[64];
                    int m = stream.Read(reply, 0, reply.Length);
                    if (m == 0)
                    {
                        return;
                    }

                    [|socket.Send(reply[2..])|];
                    """),
                AfterCountedRead("""
                    Console.WriteLine(Encoding.UTF8.GetString(buffer.AsSpan(4, n - 4)));
                    var reply = new byte[64];
                    int m = stream.Read(reply, 0, reply.Length);
                    if (m == 0)
                    {
                        return;
                    }

                    socket.Send(reply[2..m]);
                    """));

        /// <summary>A view up to the count, from the end, from a start the code computes, or kept in a local is not this rule's.</summary>
        [Theory]
        [InlineData("var text = Encoding.UTF8.GetString(buffer.AsSpan(4, n - 4));")]
        [InlineData("var text = Encoding.UTF8.GetString(buffer[4..n]);")]
        [InlineData("var text = Encoding.UTF8.GetString(buffer[^4..]);")]
        [InlineData("var rest = buffer[4..]; Console.WriteLine(rest.Length);")]
        [InlineData("var rest = buffer.AsMemory(4); Console.WriteLine(rest.Length);")]
        [InlineData("int k = n / 2; var text = Encoding.UTF8.GetString(buffer.AsSpan(k));")]
        [InlineData("var text = Encoding.UTF8.GetString(buffer.AsSpan(4, buffer.Length - 2));")]
        [InlineData("stream.Write(buffer.AsSpan(0, n)[2..]);")]
        public Task Tail_view_up_to_the_count_or_kept_or_from_a_computed_start_is_quiet(string consume)
            => Verify.VerifyAnalyzerAsync(AfterCountedRead(consume));

        /// <summary>
        /// A read handed a view of the buffer (<c>ReceiveAsync(buffer.AsMemory(), …)</c>) and a count test that leaves: the
        /// count and the loop are settled, but the whole-buffer use after it is still seen and reported.
        /// </summary>
        [Fact]
        public Task Buffer_consumed_whole_after_a_read_into_a_view_of_it_is_reported()
            => Verify.VerifyAnalyzerAsync(Method("""
                int n = await socket.ReceiveAsync(buffer.AsMemory(), SocketFlags.None);
                if (n == 0)
                {
                    return;
                }

                Console.WriteLine([|Encoding.UTF8.GetString(buffer)|]);
                """, "async Task"));

        /// <summary>
        /// fresh102 F2: the buffer is made anew inside a <c>foreach</c> over <c>text.Split(…)</c>, which always has one part
        /// at least, so every turn of the read loop starts from a new array and the NUL filter gives exactly what arrived.
        /// With <c>RemoveEmptyEntries</c> the split may be empty, the old buffer may be kept, and stale characters may pass.
        /// </summary>
        [Fact]
        public Task Buffer_made_anew_in_a_foreach_over_a_split_is_fresh_at_the_next_read()
            => Verify.VerifyAnalyzerAsync(SplitRenewal("text.Split(\"BONUS\")", report: false));

        [Fact]
        public Task Buffer_made_anew_in_a_foreach_over_a_split_that_may_be_empty_is_not()
            => Verify.VerifyAnalyzerAsync(SplitRenewal("text.Split(\"BONUS\", StringSplitOptions.RemoveEmptyEntries)", report: true));

        /// <summary>The same with the split kept in a local first, as fresh102's chat hub does; a local written again is unknown.</summary>
        [Theory]
        [InlineData("var parts = text.Split(\"BONUS\"); foreach (var part in parts)", false)]
        [InlineData("var parts = text.Split(\"BONUS\"); if (n > 10) parts = new string[0]; foreach (var part in parts)", true)]
        public Task Buffer_made_anew_in_a_foreach_over_a_split_kept_in_a_local(string loop, bool report)
            => Verify.VerifyAnalyzerAsync(SplitRenewal(loop, report, inLoop: true));

        private static string SplitRenewal(string parts, bool report, bool inLoop = false) => $$"""
            using System;
            using System.IO;
            using System.Linq;
            using System.Net.Sockets;

            public static class Notifier
            {
                public static void Handle(TcpClient tcpClient)
                {
                    var buf = new char[4096];
                    var reader = new StreamReader(tcpClient.GetStream());
                    while (true)
                    {
                        int n = reader.Read(buf, 0, buf.Length);
                        if (n == 0) return;
                        var text = {{(report ? "[|String.Join(\"\", buf.Where(x => x != '\\0'))|]" : "String.Join(\"\", buf.Where(x => x != '\\0'))")}};
                        {{(inLoop ? parts : "foreach (var part in " + parts + ")")}}
                        {
                            Console.WriteLine(part);
                            buf = new char[4096];
                        }
                    }
                }
            }
            """;

        /// <summary>
        /// fresh99 M3 (the accumulate-then-parse loop: <c>message.AddRange(buf)</c> after each receive): a list of bytes that
        /// gathers what arrived takes every element of the array, so each short read appends the stale tail. The fix adds
        /// the received part (<c>AddRange(ReadOnlySpan&lt;T&gt;)</c>, .NET 8); a part given as a view or a <c>Take</c> is quiet.
        /// </summary>
        private static string GatheringLoop(string add) => "using System.Collections.Generic;\n" + Method($$"""
            var message = new List<byte>();
            while (true)
            {
                int n = socket.Receive(buffer);
                if (n == 0)
                {
                    break;
                }

                {{add}}
            }
            """);

        [Theory]
        [InlineData("[|message.AddRange(buffer)|];")]
        [InlineData("[|message.InsertRange(0, buffer)|];")]
        [InlineData("[|message.AddRange(buffer.AsSpan())|];")]
        public Task A_list_that_gathers_the_whole_buffer_is_reported(string add)
            => Verify.VerifyAnalyzerAsync(GatheringLoop(add));

        [Theory]
        [InlineData("message.AddRange(buffer.AsSpan(0, n));")]
        [InlineData("message.AddRange(new ArraySegment<byte>(buffer, 0, n));")]
        [InlineData("message.AddRange(System.Linq.Enumerable.Take(buffer, n));")]
        public Task A_list_that_gathers_the_received_part_is_quiet(string add)
            => Verify.VerifyAnalyzerAsync(GatheringLoop(add));

        [Theory]
        [InlineData("[|message.AddRange(buffer)|];", "message.AddRange(buffer.AsSpan(0, n));")]
        [InlineData("[|message.AddRange(buffer.AsSpan())|];", "message.AddRange(buffer.AsSpan(0, n));")]
        public Task Fix_gathers_the_received_part(string before, string after)
            => Verify.VerifyCodeFixAsync(GatheringLoop(before), GatheringLoop(after));

        // A whole copy that goes straight to a consumer given the count is only a step: what is consumed is the counted
        // part (fresh-repository audit: Encoding.UTF8.GetString(buffer.ToArray(), 0, received)).
        [Theory]
        [InlineData("var text = Encoding.UTF8.GetString(System.Linq.Enumerable.ToArray(buffer), 0, n);")]
        [InlineData("var text = Encoding.ASCII.GetString(System.Linq.Enumerable.ToArray(buffer), 4, n - 4);")]
        [InlineData("stream.Write(System.Linq.Enumerable.ToArray(buffer), 0, n);")]
        public Task Whole_copy_handed_straight_to_a_counted_consumer_is_quiet(string consume)
            => Verify.VerifyAnalyzerAsync(AfterCountedRead(consume));

        [Theory]
        [InlineData("var text = Encoding.UTF8.GetString([|System.Linq.Enumerable.ToArray(buffer)|]);")]
        [InlineData("var copy = [|System.Linq.Enumerable.ToArray(buffer)|]; var text = Encoding.UTF8.GetString(copy, 0, n);")]
        [InlineData("var text = Encoding.UTF8.GetString([|System.Linq.Enumerable.ToArray(buffer)|], 0, buffer.Length);")]
        public Task Whole_copy_consumed_whole_or_kept_is_still_reported(string consume)
            => Verify.VerifyAnalyzerAsync(AfterCountedRead(consume));

        // A read that asks for one byte returns 1 and fills the buffer, or 0 at the end of the stream (SOCK010's and
        // SOCK011's business): it never fills part of it (fresh14 audit: a one-byte move read decoded whole after n == 0
        // was handled).
        [Theory]
        [InlineData("var one = new byte[1]; int n = stream.Read(one, 0, 1);")]
        [InlineData("var one = new byte[1]; int n = stream.Read(one, 0, one.Length);")]
        [InlineData("var one = new byte[1]; int n = socket.Receive(one);")]
        [InlineData("var one = new byte[1]; int n = await stream.ReadAsync(one.AsMemory(), token);")]
        [InlineData("var one = new byte[8]; int n = stream.Read(one, 0, 1);")]
        public Task Buffer_of_a_read_that_asks_for_one_byte_is_quiet(string read)
            => Verify.VerifyAnalyzerAsync(Method($$"""
                {{read}}
                if (n == 0)
                {
                    return;
                }

                Console.WriteLine(Encoding.ASCII.GetString(one));
                """, "async Task"));

        [Theory]
        [InlineData("var one = new byte[2]; int n = socket.Receive(one);")]
        [InlineData("var one = new byte[1]; if (token.IsCancellationRequested) { one = new byte[64]; } int n = socket.Receive(one);")]
        [InlineData("var one = new byte[1]; one = buffer; int n = stream.Read(one, 0, one.Length);")]
        public Task Buffer_of_a_read_that_may_ask_for_more_than_one_byte_is_still_reported(string read)
            => Verify.VerifyAnalyzerAsync(Method($$"""
                {{read}}
                if (n == 0)
                {
                    return;
                }

                Console.WriteLine([|Encoding.ASCII.GetString(one)|]);
                """, "async Task"));

        [Theory]
        [InlineData("int n = socket.Receive(buffer);")]
        [InlineData("int n = socket.Receive(buffer, SocketFlags.None);")]
        [InlineData("int n = socket.Receive(buffer, 0, buffer.Length, SocketFlags.None);")]
        [InlineData("int n = socket.Receive(buffer.AsSpan());")]
        [InlineData("int n = stream.Read(buffer, 0, buffer.Length);")]
        [InlineData("int n = stream.Read(buffer);")]
        [InlineData("int n = ssl.Read(buffer, 0, 16);")]
        [InlineData("int n = client.GetStream().Read(buffer.AsSpan());")]
        [InlineData("int n = stream.ReadAtLeast(buffer, 4);")]
        [InlineData("EndPoint from = new IPEndPoint(IPAddress.Any, 0); int n = socket.ReceiveFrom(buffer, ref from);")]
        public Task Each_read_overload_followed_by_a_whole_decode_is_reported(string read)
            => Verify.VerifyAnalyzerAsync(Method($$"""
                {{read}}
                if (n > 0)
                {
                    Console.WriteLine([|Encoding.UTF8.GetString(buffer)|]);
                }
                """));

        [Theory]
        [InlineData("int n = await stream.ReadAsync(buffer, 0, buffer.Length, token);")]
        [InlineData("int n = await stream.ReadAsync(buffer.AsMemory(), token).ConfigureAwait(false);")]
        [InlineData("int n = await socket.ReceiveAsync(buffer.AsMemory(), SocketFlags.None, token);")]
        [InlineData("int n = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), SocketFlags.None);")]
        [InlineData("var n = await socket.ReceiveFromAsync(buffer.AsMemory(), new IPEndPoint(IPAddress.Any, 0));")]
        public Task Async_reads_followed_by_a_whole_send_are_reported(string read)
            => Verify.VerifyAnalyzerAsync(Method($$"""
                {{read}}
                Console.WriteLine($"received {n}");
                await [|stream.WriteAsync(buffer, token)|];
                """, "Task", "async"));

        [Fact]
        public Task Discarded_count_then_whole_decode_is_reported_by_both_rules()
            => Verify.VerifyAnalyzerAsync(Method("""
                {|SOCK010:socket.Receive(buffer)|};
                var text = {|SOCK012:Encoding.UTF8.GetString(buffer)|};
                """));

        // fresh13 audit miss: the count goes into a local the method used before for something else.
        [Theory]
        [InlineData("int i = 5; Console.WriteLine(i); i = {|SOCK010:socket.Receive(buffer)|}; Console.WriteLine({|SOCK012:Encoding.UTF8.GetString(buffer)|});")]
        [InlineData("int i = 0; if (i > 3) return; i = {|SOCK010:socket.Receive(buffer)|}; Console.WriteLine({|SOCK012:Encoding.UTF8.GetString(buffer)|});")]
        [InlineData("int i = socket.Receive(buffer); Process(buffer, i); i = socket.Receive(buffer); if (i == 0) return; Console.WriteLine({|SOCK012:Encoding.UTF8.GetString(buffer)|});")]
        [InlineData("int i = 5; Console.WriteLine(i); i = socket.Receive(buffer); if (i <= 0) return; Console.WriteLine(\"got \" + i); Console.WriteLine({|SOCK012:Encoding.UTF8.GetString(buffer)|});")]
        public Task Count_stored_in_a_local_used_before_the_read_and_not_after_is_reported(string body)
            => Verify.VerifyAnalyzerAsync(Method(body));

        [Theory]
        [InlineData("int i = 5; Console.WriteLine(i); i = socket.Receive(buffer); if (i < buffer.Length) Array.Clear(buffer, i, buffer.Length - i); Console.WriteLine(Encoding.UTF8.GetString(buffer));")]
        public Task Count_stored_in_a_local_used_after_the_read_is_quiet(string body)
            => Verify.VerifyAnalyzerAsync(Method(body));

        [Fact]
        public Task Message_names_the_buffer_the_read_and_the_count()
            => Verify.VerifyAnalyzerAsync(Method("""
                int received = socket.Receive(buffer);
                if (received == 0)
                {
                    return;
                }

                var text = {|#0:Encoding.UTF8.GetString(buffer)|};
                """),
                Verify.Diagnostic().WithLocation(0).WithArguments("Encoding.GetString", "all of 'buffer'", "Socket.Receive", "its first 'received' bytes", "Use only the bytes received", "bytes"));

        // The fresh9 audit's o1: the count is kept (in a local also given 0), so the message does not say it is discarded.
        [Fact]
        public Task Message_does_not_call_a_kept_count_discarded()
            => Verify.VerifyAnalyzerAsync(Method("""
                int received = 0;
                while (true)
                {
                    received = socket.Receive(buffer);
                    string text = Encoding.ASCII.GetString(buffer, 0, received);
                    if (text == "x") break;
                    {|#0:socket.Send(buffer)|};
                    received = 0;
                }
                """),
                Verify.Diagnostic().WithLocation(0).WithArguments("Socket.Send", "all of 'buffer'", "Socket.Receive", "as many bytes as it returned", "Use only the bytes received", "bytes"));

        // A count that goes straight into a test of none or some (seen in course code: a hex dump of the whole buffer).
        [Theory]
        [InlineData("if (socket.Receive(buffer) != 0) { Console.WriteLine([|BitConverter.ToString(buffer)|]); }")]
        [InlineData("if (socket.Receive(buffer) > 0) { Console.WriteLine([|Encoding.UTF8.GetString(buffer)|]); }")]
        [InlineData("if (0 < stream.Read(buffer, 0, buffer.Length)) { [|stream.Write(buffer)|]; }")]
        [InlineData("if (stream.Read(buffer) >= 1) { Console.WriteLine([|Encoding.UTF8.GetString(buffer)|]); }")]
        [InlineData("if (socket.Receive(buffer) is not 0) { Console.WriteLine([|Encoding.UTF8.GetString(buffer)|]); }")]
        [InlineData("if (socket.Receive(buffer) is > 0) { Console.WriteLine([|Encoding.UTF8.GetString(buffer)|]); }")]
        [InlineData("while (stream.Read(buffer, 0, buffer.Length) > 0) { Console.Write([|Encoding.ASCII.GetString(buffer)|]); }")]
        [InlineData("if (socket.Receive(buffer) == 0) { return; } else { Console.WriteLine([|Encoding.UTF8.GetString(buffer)|]); }")]
        [InlineData("if (socket.Receive(buffer) == 1) { Console.WriteLine([|Encoding.UTF8.GetString(buffer)|]); }")]
        [InlineData("Console.WriteLine(\"got \" + socket.Receive(buffer)); Console.WriteLine([|Encoding.UTF8.GetString(buffer)|]);")]
        public Task Buffer_consumed_whole_after_a_read_whose_count_is_only_tested_for_none_or_some_or_formatted_is_reported(string body)
            => Verify.VerifyAnalyzerAsync(Method(body));

        [Fact]
        public Task Stored_count_tested_with_a_negated_pattern_is_only_compared_with_zero()
            => Verify.VerifyAnalyzerAsync(Method("int n = socket.Receive(buffer); if (n is not 0) { Console.WriteLine([|Encoding.UTF8.GetString(buffer)|]); }"));

        [Fact]
        public Task Count_that_is_never_kept_offers_no_fix()
        {
            var source = Method("if (socket.Receive(buffer) != 0) { Console.WriteLine([|Encoding.UTF8.GetString(buffer)|]); }");
            return Verify.VerifyCodeFixAsync(source, source);
        }

        [Fact]
        public Task Message_says_the_count_is_never_kept()
            => Verify.VerifyAnalyzerAsync(
                Method("if (socket.Receive(buffer) != 0) { Console.WriteLine({|#0:Encoding.UTF8.GetString(buffer)|}); }"),
                Verify.Diagnostic().WithLocation(0).WithArguments("Encoding.GetString", "all of 'buffer'", "Socket.Receive", "as many bytes as it returned (a count this code never keeps)", "Use only the bytes received", "bytes"));

        [Theory]
        [InlineData("if (socket.Receive(buffer) == buffer.Length) { Console.WriteLine(Encoding.UTF8.GetString(buffer)); }")]
        [InlineData("if (socket.Receive(buffer) > 3) { Console.WriteLine(Encoding.UTF8.GetString(buffer)); }")]
        [InlineData("if (socket.Receive(buffer) is 4) { Console.WriteLine(Encoding.UTF8.GetString(buffer)); }")]
        [InlineData("if (socket.Receive(buffer, 0, 4, SocketFlags.None) != 0) { Console.WriteLine(buffer[0]); }")]
        public Task Read_whose_count_is_compared_with_a_size_or_whose_buffer_is_not_used_whole_is_quiet_for_SOCK012(string body)
            => Verify.VerifyAnalyzerAsync(Method(body));

        [Fact]
        public Task Local_buffer_decoded_whole_inside_the_read_loop_is_reported()
            => Verify.VerifyAnalyzerAsync(Method("""
                var chunk = new byte[1024];
                int n;
                while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
                {
                    Console.Write([|Encoding.UTF8.GetString(chunk)|]);
                }
                """));

        [Theory]
        [InlineData("var text = Encoding.UTF8.GetString(buffer, 0, n);")]
        [InlineData("stream.Write(buffer, 0, n);")]
        [InlineData("socket.Send(buffer.AsSpan(0, n));")]
        [InlineData("var text = Encoding.UTF8.GetString(buffer.AsSpan(0, n));")]
        [InlineData("if (n != buffer.Length) throw new EndOfStreamException(); var text = Encoding.UTF8.GetString(buffer);")]
        [InlineData("if (n == buffer.Length) { var text = Encoding.UTF8.GetString(buffer); }")]
        [InlineData("Array.Resize(ref buffer, n); var text = Encoding.UTF8.GetString(buffer);")]
        [InlineData("var exact = new byte[n]; Array.Copy(buffer, exact, n); var text = Encoding.UTF8.GetString(exact);")]
        [InlineData("Process(buffer, n); var text = Encoding.UTF8.GetString(buffer);")]
        [InlineData("Console.WriteLine($\"{n}\"); stream.ReadExactly(buffer); var text = Encoding.UTF8.GetString(buffer);")]
        [InlineData("var total = n; var text = Encoding.UTF8.GetString(buffer);")]
        public Task Buffer_used_with_its_count_or_checked_is_quiet(string use)
            => Verify.VerifyAnalyzerAsync(Method($$"""
                int n = socket.Receive(buffer);
                {{use}}
                """));

        /// <summary>
        /// A running total of the reads of a loop says how much arrived in all, not how much this read put in a buffer it
        /// fills from the start every turn (fresh15 miss 2: an HTTP body relay, and the course file-receive loop).
        /// </summary>
        [Theory]
        [InlineData("""
            int total = 0;
            while (true)
            {
                int n = socket.Receive(buffer);
                if (n <= 0) break;
                total += n;
                [|stream.Write(buffer)|];
                if (total >= 4096) break;
            }
            """)]
        [InlineData("""
            long received = 0;
            using var file = File.Create("out.bin");
            while (received < 1 << 20)
            {
                int n = stream.Read(buffer, 0, buffer.Length);
                if (n == 0) break;
                received += n;
                [|file.Write(buffer, 0, buffer.Length)|];
            }
            """)]
        public Task Buffer_consumed_whole_after_the_count_went_into_a_running_total_is_reported(string loop)
            => Verify.VerifyAnalyzerAsync(Method(loop));

        [Theory]
        // A fill loop reads at the running total: the buffer holds everything that arrived.
        [InlineData("""
            int total = 0;
            while (total < buffer.Length)
            {
                int n = socket.Receive(buffer, total, buffer.Length - total, SocketFlags.None);
                if (n == 0) break;
                total += n;
            }

            stream.Write(buffer);
            """)]
        // The count is also compared with the buffer's length, or written as such.
        [InlineData("""
            long received = 0;
            while (received < 1 << 20)
            {
                int n = stream.Read(buffer, 0, buffer.Length);
                if (n == 0) break;
                received += n;
                if (n < buffer.Length) break;
                socket.Send(buffer);
            }
            """)]
        [InlineData("""
            long received = 0;
            while (received < 1 << 20)
            {
                int n = stream.Read(buffer, 0, buffer.Length);
                if (n == 0) break;
                received += n;
                socket.Send(buffer, 0, n, SocketFlags.None);
            }
            """)]
        // Outside a loop the total is this read's count.
        [InlineData("""
            int total = 0;
            int n = socket.Receive(buffer);
            total += n;
            stream.Write(buffer);
            """)]
        public Task Running_total_with_a_fill_loop_a_length_check_or_one_read_is_quiet(string run)
            => Verify.VerifyAnalyzerAsync(Method(run));

        [Fact]
        public Task Buffer_sent_whole_before_its_count_is_returned_is_reported()
            => Verify.VerifyAnalyzerAsync(Method("""
                int n = socket.Receive(buffer);
                [|socket.Send(buffer)|];
                return n;
                """, "int"));

        // The fresh9 audit's FileManager2 miss: a use of the count that says how much arrived helps only a consumer after
        // it. Here the whole buffer is taken first, and the count looked at afterwards (before: silent, since the count
        // was used somewhere after the read).
        [Theory]
        [InlineData("""
            string json = "";
            while (true)
            {
                var chunk = new byte[60000];
                int n = stream.Read(chunk, 0, 60000);
                json += [|Encoding.UTF8.GetString(chunk)|];
                if (n < chunk.Length)
                {
                    break;
                }
            }
            """)]
        [InlineData("int n = socket.Receive(buffer); [|socket.Send(buffer)|]; Process(buffer, n);")]
        [InlineData("int i = 5; Console.WriteLine(i); i = socket.Receive(buffer); Console.WriteLine([|Encoding.UTF8.GetString(buffer)|]); Process(buffer, i);")]
        public Task Buffer_taken_whole_before_the_count_is_looked_at_is_reported(string body)
            => Verify.VerifyAnalyzerAsync(Method(body));

        [Fact]
        public Task Fix_passes_the_count_to_a_decode_made_before_the_count_is_looked_at()
            => Verify.VerifyCodeFixAsync(
                Method("""
                    string json = "";
                    while (true)
                    {
                        int n = stream.Read(buffer, 0, buffer.Length);
                        json += [|Encoding.UTF8.GetString(buffer)|];
                        if (n < buffer.Length)
                        {
                            break;
                        }
                    }
                    """),
                Method("""
                    string json = "";
                    while (true)
                    {
                        int n = stream.Read(buffer, 0, buffer.Length);
                        json += Encoding.UTF8.GetString(buffer, 0, n);
                        if (n < buffer.Length)
                        {
                            break;
                        }
                    }
                    """));

        [Theory]
        [InlineData("socket.Receive(Array.Empty<byte>()); var text = Encoding.UTF8.GetString(buffer);")]
        [InlineData("int n = stream.ReadAtLeast(buffer, buffer.Length); Console.WriteLine($\"{n}\"); var text = Encoding.UTF8.GetString(buffer);")]
        [InlineData("stream.ReadExactly(buffer); var text = Encoding.UTF8.GetString(buffer);")]
        [InlineData("IPEndPoint? from = null; var datagram = udp.Receive(ref from); var text = Encoding.UTF8.GetString(datagram);")]
        [InlineData("int n = socket.Receive(buffer, 4, 100, SocketFlags.None); Console.WriteLine($\"{n}\"); var text = Encoding.UTF8.GetString(buffer);")]
        [InlineData("if (buffer.Length > 0) { int n = socket.Receive(buffer); Console.WriteLine($\"{n}\"); } var text = Encoding.UTF8.GetString(buffer);")]
        [InlineData("int n = buffer.Length > 4 ? socket.Receive(buffer) : 0; var text = Encoding.UTF8.GetString(buffer);")]
        [InlineData("var text = Encoding.UTF8.GetString(buffer); int n = socket.Receive(buffer); Console.WriteLine($\"{n}\");")]
        [InlineData("int n = socket.Receive(buffer); Console.WriteLine($\"{n}\"); stream.ReadExactly(buffer); var text = Encoding.UTF8.GetString(buffer);")]
        [InlineData("int n = socket.Receive(buffer); Console.WriteLine($\"{n}\"); Action a = () => Encoding.UTF8.GetString(buffer);")]
        [InlineData("var memory = new MemoryStream(); memory.Read(buffer, 0, buffer.Length); var text = Encoding.UTF8.GetString(buffer);")]
        public Task Exact_reads_other_orders_and_other_sources_are_quiet(string body)
            => Verify.VerifyAnalyzerAsync(Method(body));

        [Fact]
        public Task Compilation_without_sockets_expects_nothing()
            => Verify.VerifyAnalyzerAsync("""
                using System.IO;
                using System.Text;

                class C
                {
                    string M(Stream stream, byte[] buffer)
                    {
                        stream.Read(buffer, 0, buffer.Length);
                        return Encoding.UTF8.GetString(buffer);
                    }
                }
                """);

        // ---- Fix: use the count ----

        /// <summary>
        /// A read whose count is discarded has no count to pass: the fix captures it first (SOCK010's capture: the count
        /// named, a stop at 0), then gives the consumer the bytes received, so fixing SOCK012 first gives what fixing SOCK010
        /// first gives (dotnet format takes the rules in either order).
        /// </summary>
        [Fact]
        public Task Fix_after_a_discarded_count_captures_it_stops_at_zero_and_passes_it()
            => Verify.VerifyCodeFixAsync(
                Method("""
                    {|SOCK010:socket.Receive(buffer)|};
                    var text = [|Encoding.UTF8.GetString(buffer)|];
                    Console.WriteLine(text);
                    """),
                Method("""
                    var received = socket.Receive(buffer);
                    if (received == 0)
                    {
                        return;
                    }

                    var text = Encoding.UTF8.GetString(buffer, 0, received);
                    Console.WriteLine(text);
                    """));

        [Fact]
        public Task Fix_all_after_a_discarded_count_in_a_loop_gives_every_consumer_of_the_read_the_count()
            => Verify.VerifyCodeFixAsync(
                Method("""
                    while (true)
                    {
                        {|SOCK010:{|SOCK011:stream.Read(buffer, 0, buffer.Length)|}|};
                        Console.Write([|Encoding.ASCII.GetString(buffer)|]);
                        [|socket.Send(buffer)|];
                    }
                    """),
                Method("""
                    while (true)
                    {
                        var bytesRead = stream.Read(buffer, 0, buffer.Length);
                        if (bytesRead == 0)
                        {
                            break;
                        }

                        Console.Write(Encoding.ASCII.GetString(buffer, 0, bytesRead));
                        socket.Send(buffer.AsSpan(0, bytesRead));
                    }
                    """));

        [Fact]
        public Task Fix_after_an_awaited_read_whose_count_is_discarded_captures_the_awaited_count()
            => Verify.VerifyCodeFixAsync(
                Method("""
                    await {|SOCK010:stream.ReadAsync(buffer, 0, buffer.Length, token)|};
                    Console.WriteLine([|Encoding.UTF8.GetString(buffer)|]);
                    """, "async Task"),
                Method("""
                    var bytesRead = await stream.ReadAsync(buffer, 0, buffer.Length, token);
                    if (bytesRead == 0)
                    {
                        return;
                    }

                    Console.WriteLine(Encoding.UTF8.GetString(buffer, 0, bytesRead));
                    """, "async Task"));

        [Fact]
        public Task Discarded_count_of_a_read_whose_buffer_is_also_decoded_offers_no_capture()
        {
            // Stopping at 0 would still decode a short read: as SOCK010 offers only the exact read there, this fix offers nothing.
            var source = Method("""
                {|SOCK010:stream.Read(buffer, 0, buffer.Length)|};
                var length = {|SOCK021:[|BitConverter.ToInt32(buffer, 0)|]|};
                Console.WriteLine([|Encoding.UTF8.GetString(buffer)|] + length);
                """);
            return Verify.VerifyCodeFixAsync(source, source);
        }

        [Fact]
        public Task Discarded_count_of_a_datagram_read_offers_no_capture()
        {
            // A datagram of 0 bytes is a message, not the end: SOCK010's capture does not apply, so neither does this fix.
            var source = Method("""
                var datagram = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                datagram.Bind(new IPEndPoint(IPAddress.Any, 0));
                {|SOCK010:datagram.Receive(buffer)|};
                Console.WriteLine([|Encoding.UTF8.GetString(buffer)|]);
                """);
            return Verify.VerifyCodeFixAsync(source, source);
        }


        [Theory]
        [InlineData("var text = [|Encoding.UTF8.GetString(buffer)|];", "var text = Encoding.UTF8.GetString(buffer, 0, n);")]
        [InlineData("var text = [|Encoding.ASCII.GetString(buffer, 0, buffer.Length)|];", "var text = Encoding.ASCII.GetString(buffer, 0, n);")]
        [InlineData("var chars = [|Encoding.UTF8.GetChars(buffer)|];", "var chars = Encoding.UTF8.GetChars(buffer, 0, n);")]
        [InlineData("[|stream.Write(buffer)|];", "stream.Write(buffer, 0, n);")]
        [InlineData("[|stream.Write(buffer, 0, buffer.Length)|];", "stream.Write(buffer, 0, n);")]
        [InlineData("[|socket.Send(buffer)|];", "socket.Send(buffer.AsSpan(0, n));")]
        [InlineData("[|socket.Send(buffer.AsSpan())|];", "socket.Send(buffer.AsSpan(0, n));")]
        [InlineData("using var copy = [|new MemoryStream(buffer)|];", "using var copy = new MemoryStream(buffer, 0, n);")]
        [InlineData("var copy = [|buffer.AsSpan().ToArray()|];", "var copy = buffer.AsSpan(0, n).ToArray();")]
        [InlineData("var text = [|Convert.ToBase64String(buffer)|];", "var text = Convert.ToBase64String(buffer, 0, n);")]
        [InlineData("var value = [|System.Text.Json.JsonSerializer.Deserialize<int[]>(buffer)|];", "var value = System.Text.Json.JsonSerializer.Deserialize<int[]>(buffer.AsSpan(0, n));")]
        [InlineData("var doc = [|System.Text.Json.JsonDocument.Parse(buffer.AsMemory())|];", "var doc = System.Text.Json.JsonDocument.Parse(buffer.AsMemory(0, n));")]
        public Task Fix_passes_the_count_or_slices(string before, string after)
            => Verify.VerifyCodeFixAsync(
                Method($$"""
                    int n = socket.Receive(buffer);
                    if (n == 0)
                    {
                        return;
                    }

                    {{before}}
                    """),
                Method($$"""
                    int n = socket.Receive(buffer);
                    if (n == 0)
                    {
                        return;
                    }

                    {{after}}
                    """));

        /// <summary>
        /// The size the buffer was made with stands for its length (fresh23 miss: a hand-written HTTP server's
        /// <c>var buffer = new byte[bufferLength]; … GetString(buffer, 0, bufferLength)</c>); the fix and Fix All pass the count.
        /// </summary>
        [Theory]
        [InlineData("var size = 1024;", "new byte[size]", "size")]
        [InlineData("", "new byte[1024]", "1024")]
        public Task Consumer_of_the_size_the_buffer_was_made_with_uses_it_whole(string sizeDeclaration, string creation, string size)
            => Verify.VerifyCodeFixAsync(
                Method($$"""
                    {{sizeDeclaration}}
                    var data = {{creation}};
                    int n = stream.Read(data, 0, {{size}});
                    if (n == 0)
                    {
                        return;
                    }

                    var text = [|Encoding.UTF8.GetString(data, 0, {{size}})|];
                    [|stream.Write(data, 0, {{size}})|];
                    """),
                Method($$"""
                    {{sizeDeclaration}}
                    var data = {{creation}};
                    int n = stream.Read(data, 0, {{size}});
                    if (n == 0)
                    {
                        return;
                    }

                    var text = Encoding.UTF8.GetString(data, 0, n);
                    stream.Write(data, 0, n);
                    """));

        [Theory]
        // The size local changes, another local of the same value, another constant, a buffer given two arrays.
        [InlineData("var size = 1024; var data = new byte[size]; size = 16;", "size")]
        [InlineData("var size = 1024; var other = 1024; var data = new byte[size];", "other")]
        [InlineData("var data = new byte[1024];", "512")]
        [InlineData("var data = new byte[1024]; if (n0 > 0) { data = new byte[2048]; }", "1024")]
        public Task Consumer_of_another_size_is_not_a_whole_use(string declarations, string size)
            => Verify.VerifyAnalyzerAsync(Method($$"""
                int n0 = socket.Available;
                {{declarations}}
                int n = stream.Read(data, 0, 16);
                if (n == 0)
                {
                    return;
                }

                var text = Encoding.UTF8.GetString(data, 0, {{size}});
                """));

        /// <summary>The running total's loop (fresh15 miss 2): each consumer gets the read's count, Fix All fixes both.</summary>
        [Fact]
        public Task Fix_passes_the_count_in_a_loop_with_a_running_total()
            => Verify.VerifyCodeFixAsync(
                Method("""
                    long received = 0;
                    using var file = File.Create("out.bin");
                    while (received < 1 << 20)
                    {
                        int n = stream.Read(buffer, 0, buffer.Length);
                        if (n == 0) break;
                        received += n;
                        [|file.Write(buffer, 0, buffer.Length)|];
                        [|socket.Send(buffer)|];
                    }
                    """),
                Method("""
                    long received = 0;
                    using var file = File.Create("out.bin");
                    while (received < 1 << 20)
                    {
                        int n = stream.Read(buffer, 0, buffer.Length);
                        if (n == 0) break;
                        received += n;
                        file.Write(buffer, 0, n);
                        socket.Send(buffer.AsSpan(0, n));
                    }
                    """));

        [Fact]
        public Task Fix_uses_ReceivedBytes_of_a_ReceiveFrom_result()
            => Verify.VerifyCodeFixAsync(
                Method("""
                    var result = await {|SOCK010:socket.ReceiveFromAsync(buffer.AsMemory(), new IPEndPoint(IPAddress.Any, 0))|};
                    Console.WriteLine(result.RemoteEndPoint);
                    await [|stream.WriteAsync(buffer, token)|];
                    """, "Task", "async"),
                Method("""
                    var result = await socket.ReceiveFromAsync(buffer.AsMemory(), new IPEndPoint(IPAddress.Any, 0));
                    Console.WriteLine(result.RemoteEndPoint);
                    await stream.WriteAsync(buffer, 0, result.ReceivedBytes, token);
                    """, "Task", "async"));

        [Fact]
        public Task Fix_All_fixes_every_consumer()
            => Verify.VerifyCodeFixAsync(
                Method("""
                    int n;
                    while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
                    {
                        Console.Write([|Encoding.UTF8.GetString(buffer)|]);
                        [|socket.Send(buffer, SocketFlags.None)|];
                    }
                    """),
                Method("""
                    int n;
                    while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
                    {
                        Console.Write(Encoding.UTF8.GetString(buffer, 0, n));
                        socket.Send(buffer, 0, n, SocketFlags.None);
                    }
                    """));

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
                            int n = socket.Receive(buffer);
                            var text = Encoding.UTF8.GetString(
                            socket.Send(buffer
                            Array.Resize(ref , n);
                    """,
                AllowCompilerErrors = true,
            };
            await test.RunAsync();
        }

        private const string NetStandardCode = """
            using System.Net.Sockets;
            using System.Text;

            class C
            {
                string M(Socket socket, byte[] buffer)
                {
                    int n = socket.Receive(buffer);
                    if (n == 0)
                    {
                        return string.Empty;
                    }

                    BODY
                }
            }
            """;

        [Fact]
        public Task NetStandard20_fix_passes_the_count()
        {
            var test = Verify.Test(
                NetStandardCode.Replace("BODY", "return [|Encoding.UTF8.GetString(buffer)|];"),
                NetStandardCode.Replace("BODY", "return Encoding.UTF8.GetString(buffer, 0, n);"));
            test.References = Verifiers.ReferenceSet.NetStandard20;
            return test.RunAsync();
        }

        [Fact]
        public Task NetStandard20_without_spans_sends_with_offset_and_count()
        {
            var test = Verify.Test(
                NetStandardCode.Replace("BODY", "[|socket.Send(buffer)|];\n        return string.Empty;"),
                NetStandardCode.Replace("BODY", "socket.Send(buffer, 0, n, SocketFlags.None);\n        return string.Empty;"));
            test.References = Verifiers.ReferenceSet.NetStandard20;
            return test.RunAsync();
        }

        [Fact]
        public Task NetStandard20_without_spans_offers_no_slice()
        {
            var source = NetStandardCode.Replace("BODY", "var copy = [|System.Linq.Enumerable.ToArray(buffer)|];\n        return string.Empty;");
            var test = Verify.Test(source, source);
            test.References = Verifiers.ReferenceSet.NetStandard20;
            return test.RunAsync();
        }

        private const string FieldCode = """
            using System;
            using System.Net.Sockets;
            using System.Text;

            class Session
            {
                private readonly byte[] buffer = new byte[1024];
                private byte[] scratch = new byte[16];
                private byte[] chunk = new byte[16];
                public byte[] shared = new byte[16];

                string Next(Socket socket)
                {
                    BODY
                }

                void FillRest(Socket socket) { }

                void Grow() => scratch = new byte[scratch.Length * 2];
            }
            """;

        [Fact]
        public Task Readonly_field_buffer_consumed_whole_is_reported()
            => Verify.VerifyAnalyzerAsync(FieldCode.Replace("BODY", """
                int n = socket.Receive(buffer);
                        Console.WriteLine($"{n}");
                        return [|Encoding.UTF8.GetString(buffer)|];
                """));

        [Fact]
        public Task Private_field_buffer_only_its_initializer_assigns_consumed_whole_is_reported()
            => Verify.VerifyAnalyzerAsync(FieldCode.Replace("BODY", """
                int n = socket.Receive(chunk);
                        Console.WriteLine($"{n}");
                        return [|Encoding.UTF8.GetString(chunk)|];
                """));

        /// <summary>
        /// mut38 #36 (a course HTTP server, one bug injected): a private static buffer that only its initializer, or the
        /// static constructor, assigns holds one array for the program's life.
        /// </summary>
        [Theory]
        [InlineData("private static byte[] m_result = new byte[1024];")]
        [InlineData("private static byte[] m_result; static Server() { m_result = new byte[1024]; }")]
        public Task Private_static_field_buffer_only_its_initializer_assigns_consumed_whole_is_reported(string field)
            => Verify.VerifyAnalyzerAsync($$"""
                using System;
                using System.Net.Sockets;
                using System.Text;

                class Server
                {
                    {{field}}

                    static void ReceiveMessage(object clientSocket)
                    {
                        var s = (Socket)clientSocket;
                        while (true)
                        {
                            int n = s.Receive(m_result);
                            if (n == 0) return;
                            Console.WriteLine("got {0}", [|Encoding.UTF8.GetString(m_result)|]);
                        }
                    }
                }
                """);

        /// <summary>Every new object (an instance constructor) or another method may replace a static buffer: quiet.</summary>
        [Theory]
        [InlineData("private static byte[] m_result = new byte[1024]; public Server() { m_result = new byte[2048]; }")]
        [InlineData("private static byte[] m_result = new byte[1024]; static void Grow() => m_result = new byte[4096];")]
        public Task Private_static_field_buffer_that_other_code_may_replace_is_quiet(string members)
            => Verify.VerifyAnalyzerAsync($$"""
                using System;
                using System.Net.Sockets;
                using System.Text;

                class Server
                {
                    {{members}}

                    static void ReceiveMessage(Socket s)
                    {
                        int n = s.Receive(m_result);
                        if (n == 0) return;
                        Console.WriteLine("got {0}", Encoding.UTF8.GetString(m_result));
                    }
                }
                """);

        // scratch: Grow() replaces it; shared: public, so code elsewhere may.
        [Theory]
        [InlineData("int n = socket.Receive(buffer); Console.WriteLine($\"{n}\"); FillRest(socket); return Encoding.UTF8.GetString(buffer);")]
        [InlineData("int n = socket.Receive(scratch); Console.WriteLine($\"{n}\"); return Encoding.UTF8.GetString(scratch);")]
        [InlineData("int n = socket.Receive(shared); Console.WriteLine($\"{n}\"); return Encoding.UTF8.GetString(shared);")]
        public Task Field_buffer_that_a_method_may_fill_or_replace_is_quiet(string body)
            => Verify.VerifyAnalyzerAsync(FieldCode.Replace("BODY", body));

        [Fact]
        public Task Fix_on_a_field_buffer()
            => Verify.VerifyCodeFixAsync(
                FieldCode.Replace("BODY", """
                    int n = socket.Receive(this.buffer);
                            Console.WriteLine($"{n}");
                            return [|Encoding.UTF8.GetString(this.buffer)|];
                    """),
                FieldCode.Replace("BODY", """
                    int n = socket.Receive(this.buffer);
                            Console.WriteLine($"{n}");
                            return Encoding.UTF8.GetString(this.buffer, 0, n);
                    """));

        [Fact]
        public Task The_fix_uses_the_count_of_a_read_blocked_on_with_Result_alone_and_in_Fix_All()
            => Verify.VerifyCodeFixAsync(
                Method("""
                    var text = "";
                    int bytesRead;
                    while ((bytesRead = stream.ReadAsync(buffer, 0, buffer.Length).Result) != 0)
                    {
                        text += [|Encoding.ASCII.GetString(buffer)|];
                        Console.WriteLine([|Encoding.UTF8.GetString(buffer)|]);
                    }
                    """),
                Method("""
                    var text = "";
                    int bytesRead;
                    while ((bytesRead = stream.ReadAsync(buffer, 0, buffer.Length).Result) != 0)
                    {
                        text += Encoding.ASCII.GetString(buffer, 0, bytesRead);
                        Console.WriteLine(Encoding.UTF8.GetString(buffer, 0, bytesRead));
                    }
                    """));
    }
}
