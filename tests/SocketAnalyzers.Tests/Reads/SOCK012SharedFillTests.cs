using System.Threading.Tasks;
using Xunit;
using static SocketAnalyzers.Tests.Reads.ReadTestCode;
using Verify = SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<SocketAnalyzers.Reads.SOCK012WholeBufferConsumedAnalyzer, SocketAnalyzers.CodeFixes.Reads.SOCK012WholeBufferConsumedCodeFixProvider>;

namespace SocketAnalyzers.Tests.Reads
{
    /// <summary>
    /// SOCK012 where two reads fill the buffer before the consumer (fresh32 M1, a Redis clone's priming read:
    /// <c>var received = await stream.ReadAsync(buffer); while (received &gt; 0) { GetString(buffer); received = stream.Read(buffer); }</c>):
    /// both fill it from its start and keep their count in the same local, which is only compared with 0, so whichever
    /// ran, the buffer holds that local's bytes and a stale tail. Reads with different count locals, or a count the code
    /// uses, stay as before.
    /// </summary>
    public sealed class SOCK012SharedFillTests
    {
        [Theory]
        [InlineData("""
            var received = stream.Read(buffer);
            while (received > 0)
            {
                Console.WriteLine([|Encoding.UTF8.GetString(buffer)|]);
                received = stream.Read(buffer);
            }
            """)]
        [InlineData("""
            int received;
            if (token.IsCancellationRequested) received = stream.Read(buffer, 0, buffer.Length); else received = socket.Receive(buffer);
            if (received == 0) return;
            Console.WriteLine([|Encoding.ASCII.GetString(buffer)|]);
            """)]
        [InlineData("""
            int received = {|SOCK010:socket.Receive(buffer)|};
            do
            {
                [|stream.Write(buffer, 0, buffer.Length)|];
            }
            while ((received = socket.Receive(buffer)) != 0);
            """)]
        public Task Buffer_filled_by_either_of_two_reads_with_one_count_local_consumed_whole_is_reported(string body)
            => Verify.VerifyAnalyzerAsync(Method(body));

        [Fact]
        public Task Priming_read_loop_in_an_async_method_is_reported()
            => Verify.VerifyAnalyzerAsync(Method("""
                var received = await stream.ReadAsync(buffer);
                while (received > 0)
                {
                    Console.WriteLine([|Encoding.UTF8.GetString(buffer)|]);
                    received = await stream.ReadAsync(buffer);
                }
                """, "async Task"));

        [Theory]
        // Each read keeps its own count: which one filled the buffer is not known.
        [InlineData("""
            var first = stream.Read(buffer);
            var next = first;
            while (next > 0)
            {
                Console.WriteLine(Encoding.UTF8.GetString(buffer));
                next = stream.Read(buffer);
            }
            """)]
        // The count is used: the code knows how much arrived.
        [InlineData("""
            var received = stream.Read(buffer);
            while (received > 0)
            {
                Console.WriteLine(Encoding.UTF8.GetString(buffer));
                Process(buffer, received);
                received = stream.Read(buffer);
            }
            """)]
        public Task Reads_that_do_not_share_one_count_local_or_whose_count_is_used_stay_quiet(string body)
            => Verify.VerifyAnalyzerAsync(Method(body));

        [Fact]
        public Task Fix_passes_the_shared_count_local()
            => Verify.VerifyCodeFixAsync(
                Method("""
                    var received = stream.Read(buffer);
                    while (received > 0)
                    {
                        Console.WriteLine([|Encoding.UTF8.GetString(buffer)|]);
                        received = stream.Read(buffer);
                    }
                    """),
                Method("""
                    var received = stream.Read(buffer);
                    while (received > 0)
                    {
                        Console.WriteLine(Encoding.UTF8.GetString(buffer, 0, received));
                        received = stream.Read(buffer);
                    }
                    """));

        [Fact]
        public Task Fix_all_passes_the_shared_count_local_everywhere()
            => Verify.VerifyCodeFixAsync(
                Method("""
                    var received = socket.Receive(buffer);
                    while (received > 0)
                    {
                        Console.WriteLine([|Encoding.UTF8.GetString(buffer)|]);
                        [|stream.Write(buffer, 0, buffer.Length)|];
                        received = socket.Receive(buffer);
                    }
                    """),
                Method("""
                    var received = socket.Receive(buffer);
                    while (received > 0)
                    {
                        Console.WriteLine(Encoding.UTF8.GetString(buffer, 0, received));
                        stream.Write(buffer, 0, received);
                        received = socket.Receive(buffer);
                    }
                    """));

        /// <summary>A number decoded after either read: reported, but the fix (one read made to wait) would leave the other: none.</summary>
        [Fact]
        public Task Number_decoded_after_either_of_two_reads_is_reported_without_a_fix()
        {
            var source = "using System.Buffers.Binary;\n" + Method("""
                var received = stream.Read(buffer, 0, 4);
                while (received > 0)
                {
                    Console.WriteLine([|BinaryPrimitives.ReadInt32BigEndian(buffer)|]);
                    received = stream.Read(buffer, 0, 4);
                }
                """);
            return Verify.VerifyCodeFixAsync(source, source);
        }
    }
}
