using System.Threading.Tasks;
using Xunit;
using static SocketAnalyzers.Tests.Reads.ReadTestCode;
using Verify = SocketAnalyzers.Tests.Verifiers.AnalyzerVerifier<SocketAnalyzers.Reads.SOCK011ReadLoopIgnoresEndOfStreamAnalyzer>;
using VerifyDiscarded = SocketAnalyzers.Tests.Verifiers.AnalyzerVerifier<SocketAnalyzers.Reads.SOCK010DiscardedReadCountAnalyzer>;

namespace SocketAnalyzers.Tests.Reads
{
    /// <summary>
    /// A count kept in a <c>dynamic</c> local is still the count: its tests are bound at run time (a dynamic comparison),
    /// and the loop stops at 0 all the same. Found by the half-typed code sweep (a type replaced by <c>dynamic</c>).
    /// </summary>
    public sealed class DynamicCountTests
    {
        [Theory]
        [InlineData("""
            while (true)
            {
                dynamic n = socket.Receive(buffer);
                if (n == 0)
                {
                    break;
                }

                Process(buffer, (int)n);
            }
            """)]
        [InlineData("""
            dynamic count;
            while ((count = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                Process(buffer, (int)count);
            }
            """)]
        [InlineData("""
            while (true)
            {
                dynamic n = stream.Read(buffer, 0, buffer.Length);
                if (n <= 0) return;
                Process(buffer, (int)n);
            }
            """)]
        public Task A_loop_that_tests_a_dynamic_count_is_not_reported(string body)
            => Verify.VerifyAnalyzerAsync(Method(body));

        [Fact]
        public Task A_dynamic_count_that_is_tested_is_not_discarded()
            => VerifyDiscarded.VerifyAnalyzerAsync(Method("""
                dynamic n = socket.Receive(buffer);
                if (n == 0)
                {
                    return;
                }

                Process(buffer, (int)n);
                """));

        [Fact]
        public Task A_loop_that_never_tests_its_dynamic_count_is_still_reported()
            => Verify.VerifyAnalyzerAsync(Method("""
                while (true)
                {
                    dynamic n = [|socket.Receive(buffer)|];
                    Process(buffer, (int)n);
                }
                """));
    }
}
