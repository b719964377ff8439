using System.Threading.Tasks;
using Xunit;
using static SocketAnalyzers.Tests.Reads.ReadTestCode;
using Verify = SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<SocketAnalyzers.Reads.SOCK012WholeBufferConsumedAnalyzer, SocketAnalyzers.CodeFixes.Reads.SOCK012WholeBufferConsumedCodeFixProvider>;

namespace SocketAnalyzers.Tests.Reads
{
    /// <summary>
    /// SOCK012 at a consumer given a running total of a loop's reads that each fill the buffer from its start (fresh27, a
    /// course listener: <c>do { count += stream.Read(buffer, 0, buffer.Length); } while (stream.DataAvailable);</c> then
    /// <c>Encoding.UTF8.GetString(buffer, 0, count)</c>): after a second turn the buffer's start holds only the last read's
    /// bytes, and what follows up to the total is stale. No fix: the read has to move on by the total. A fill loop that
    /// reads at the total, a consumer inside the loop given each read's count, or a total written otherwise stay quiet.
    /// </summary>
    public sealed class SOCK012RunningTotalTests
    {
        [Theory]
        [InlineData("int count = 0; do { count += stream.Read(buffer, 0, buffer.Length); } while (stream.DataAvailable); var text = [|Encoding.UTF8.GetString(buffer, 0, count)|];")]
        [InlineData("int total = 0; int n; while ((n = socket.Receive(buffer)) > 0) { total += n; if (socket.Available == 0) break; } Console.WriteLine([|Encoding.ASCII.GetString(buffer, 0, total)|]);")]
        [InlineData("var total = 0; do { total += await stream.ReadAsync(buffer, 0, buffer.Length, token); } while (stream.DataAvailable); [|socket.Send(buffer, total, SocketFlags.None)|];")]
        [InlineData("var total = 0; while (true) { int got = stream.Read(buffer, 0, buffer.Length); if (got == 0) break; total += got; if (!stream.DataAvailable) break; } using var copy = [|new MemoryStream(buffer, 0, total)|];")]
        public Task Consumer_given_a_total_of_reads_that_each_fill_the_buffer_from_its_start_is_reported(string body)
        {
            var source = Method(body, "async Task");
            return Verify.VerifyCodeFixAsync(source, source);
        }

        [Fact]
        public Task Message_says_each_turn_reads_into_the_start_and_how_to_read_at_the_total()
            => Verify.VerifyAnalyzerAsync(
                Method("int count = 0; do { count += stream.Read(buffer, 0, buffer.Length); } while (stream.DataAvailable); var text = {|#0:Encoding.UTF8.GetString(buffer, 0, count)|};"),
                Verify.Diagnostic().WithLocation(0).WithArguments(
                    "Encoding.GetString",
                    "the first 'count' bytes of 'buffer'",
                    "NetworkStream.Read",
                    "from the buffer's start on every turn, while 'count' adds up every turn's count (after a second turn, only the last read's bytes are there)",
                    "Read at the total instead (Read(buffer, count, buffer.Length - count)), or use each read's bytes before the next read",
                    "bytes"));

        [Fact]
        public Task Whole_consumer_after_reads_whose_count_only_goes_into_a_total_is_reported()
            => Verify.VerifyAnalyzerAsync(Method("""
                int total = 0;
                do
                {
                    total += stream.Read(buffer, 0, buffer.Length);
                }
                while (stream.DataAvailable);
                Console.WriteLine(total);
                var text = [|Encoding.UTF8.GetString(buffer)|];
                """));

        /// <summary>
        /// fresh73 miss 2 (a course's file transfer): <c>size -= rec</c> counts down what is still to come, not how much this
        /// read put in the buffer, so a whole write after it still takes the stale tail of a short read: inside the loop,
        /// and for the first read before a loop that takes each later read's count from the same local.
        /// </summary>
        [Theory]
        [InlineData("var ms = new MemoryStream(); int size = 4096; while (size > 0) { int rec = socket.Receive(buffer); if (rec == 0) break; size -= rec; [|ms.Write(buffer, 0, buffer.Length)|]; }")]
        [InlineData("var ms = new MemoryStream(); int size = 4096; int rec = socket.Receive(buffer); size -= rec; [|ms.Write(buffer, 0, buffer.Length)|]; while (size > 0) { rec = socket.Receive(buffer); if (rec == 0) break; size -= rec; ms.Write(buffer, 0, rec); }")]
        [InlineData("var ms = new MemoryStream(); int got = 0; int rec = socket.Receive(buffer); got += rec; [|ms.Write(buffer, 0, buffer.Length)|]; while (got < 4096) { rec = socket.Receive(buffer); if (rec == 0) break; got += rec; ms.Write(buffer, 0, rec); }")]
        public Task Whole_consumer_after_a_count_down_of_what_is_left_is_reported(string body)
            => Verify.VerifyAnalyzerAsync(Method(body));

        /// <summary>
        /// The count's local only goes into the count down (or the total), which reads it and leaves it this read's count:
        /// the fix passes it, and Fix All does the same. Before, the count local was taken as written by <c>size -= rec</c>,
        /// and no fix was offered.
        /// </summary>
        [Theory]
        [InlineData(
            "var ms = new MemoryStream(); int size = 4096; while (size > 0) { int rec = socket.Receive(buffer); if (rec == 0) break; size -= rec; [|ms.Write(buffer, 0, buffer.Length)|]; }",
            "var ms = new MemoryStream(); int size = 4096; while (size > 0) { int rec = socket.Receive(buffer); if (rec == 0) break; size -= rec; ms.Write(buffer, 0, rec); }")]
        [InlineData(
            "var ms = new MemoryStream(); int size = 4096; int rec = socket.Receive(buffer); size -= rec; [|ms.Write(buffer, 0, buffer.Length)|]; while (size > 0) { rec = socket.Receive(buffer); if (rec == 0) break; size -= rec; ms.Write(buffer, 0, rec); }",
            "var ms = new MemoryStream(); int size = 4096; int rec = socket.Receive(buffer); size -= rec; ms.Write(buffer, 0, rec); while (size > 0) { rec = socket.Receive(buffer); if (rec == 0) break; size -= rec; ms.Write(buffer, 0, rec); }")]
        [InlineData(
            "long received = 0; while (received < 1 << 20) { int n = stream.Read(buffer, 0, buffer.Length); if (n == 0) break; received += n; [|socket.Send(buffer)|]; }",
            "long received = 0; while (received < 1 << 20) { int n = stream.Read(buffer, 0, buffer.Length); if (n == 0) break; received += n; socket.Send(buffer.AsSpan(0, n)); }")]
        public Task Whole_write_after_a_count_down_or_a_total_is_fixed_to_pass_the_reads_count(string body, string fixedBody)
            => Verify.VerifyCodeFixAsync(Method(body), Method(fixedBody));

        [Theory]
        // One read, no loop: what is left is compared, and is 0 only when the buffer is full.
        [InlineData("var ms = new MemoryStream(); int left = buffer.Length; int rec = socket.Receive(buffer); left -= rec; if (left != 0) throw new IOException(); ms.Write(buffer, 0, buffer.Length);")]
        // The loop counts down another local.
        [InlineData("var ms = new MemoryStream(); int size = 4096; int other = 10; int rec = socket.Receive(buffer); size -= rec; ms.Write(buffer, 0, buffer.Length); while (other > 0) { rec = socket.Receive(buffer); if (rec == 0) break; other -= rec; ms.Write(buffer, 0, rec); }")]
        // Each read's count bounds the write in the loop.
        [InlineData("var ms = new MemoryStream(); int size = 4096; while (size > 0) { int rec = socket.Receive(buffer); if (rec == 0) break; size -= rec; ms.Write(buffer, 0, rec); }")]
        public Task Count_down_whose_writes_take_each_reads_bytes_is_quiet(string body)
            => Verify.VerifyAnalyzerAsync(Method(body));

        [Theory]
        // A loop that may not run: the buffer may hold no read's bytes (and the total is 0 then); not followed.
        [InlineData("int total = 0; while (stream.DataAvailable) { total += stream.Read(buffer, 0, buffer.Length); } var text = Encoding.UTF8.GetString(buffer, 0, total);")]
        // A fill loop: each read lands after the last one.
        [InlineData("int total = 0; while (total < buffer.Length) { int n = stream.Read(buffer, total, buffer.Length - total); if (n == 0) break; total += n; } var text = Encoding.UTF8.GetString(buffer, 0, total);")]
        // Each read's bytes used before the next read.
        [InlineData("int total = 0; var sb = new StringBuilder(); do { int n = stream.Read(buffer, 0, buffer.Length); total += n; sb.Append(Encoding.UTF8.GetString(buffer, 0, n)); } while (stream.DataAvailable); Console.WriteLine(sb.ToString() + total);")]
        // The total is written otherwise too: not only a sum of these reads.
        [InlineData("int total = 0; do { total += stream.Read(buffer, 0, buffer.Length); } while (stream.DataAvailable); total = Math.Min(total, 10); var text = Encoding.UTF8.GetString(buffer, 0, total);")]
        // The reads fill another buffer.
        [InlineData("var other = new byte[16]; int total = 0; do { total += stream.Read(other, 0, other.Length); } while (stream.DataAvailable); int n = stream.Read(buffer, 0, buffer.Length); if (n == 0) return; var text = Encoding.UTF8.GetString(buffer, 0, total);")]
        // No loop: one read, its count.
        [InlineData("int total = 0; total += stream.Read(buffer, 0, buffer.Length); var text = Encoding.UTF8.GetString(buffer, 0, total);")]
        public Task Count_that_is_the_bytes_at_the_buffers_start_is_quiet(string body)
            => Verify.VerifyAnalyzerAsync(Method(body));
    }
}
