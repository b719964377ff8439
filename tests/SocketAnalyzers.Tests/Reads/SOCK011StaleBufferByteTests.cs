using System.Threading.Tasks;
using Xunit;
using static SocketAnalyzers.Tests.Reads.ReadTestCode;
using FixVerify = SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<SocketAnalyzers.Reads.SOCK011ReadLoopIgnoresEndOfStreamAnalyzer, SocketAnalyzers.CodeFixes.Reads.SOCK011ReadLoopIgnoresEndOfStreamCodeFixProvider>;
using Verify = SocketAnalyzers.Tests.Verifiers.AnalyzerVerifier<SocketAnalyzers.Reads.SOCK011ReadLoopIgnoresEndOfStreamAnalyzer>;

namespace SocketAnalyzers.Tests.Reads
{
    /// <summary>
    /// fresh75 miss 1b (an MQTT library's remaining-length loop): <c>do { socket.Receive(next); digit = next[0]; … } while
    /// ((digit &amp; 128) != 0);</c>. A read that returns 0 leaves the buffer as it was, so after the peer closes in the
    /// middle of the number the byte is the one of the turn before, whose bit 7 brought the loop back: it spins. Followed
    /// when nothing in the method but that read may write the buffer's elements; an element written, the buffer handed
    /// to anything else, or a new buffer each turn, and the byte may change: quiet.
    /// </summary>
    public sealed class SOCK011StaleBufferByteTests
    {
        private static string Loop(string declare, string turn) => Method($$"""
            {{declare}}
            int multiplier = 1, value = 0, digit;
            do
            {
            {{Indent(turn, 4)}}
                value += (digit & 127) * multiplier;
                multiplier *= 128;
            }
            while ((digit & 128) != 0);
            Console.WriteLine(value);
            """);

        [Theory]
        [InlineData("byte[] next = new byte[1];", "{|SOCK010:[|socket.Receive(next)|]|};\ndigit = next[0];")]
        [InlineData("var next = new byte[1];", "int got = {|SOCK010:[|socket.Receive(next, 0, 1, SocketFlags.None)|]|};\ndigit = next[0];")]
        [InlineData("var next = new byte[4];", "{|SOCK010:[|stream.Read(next, 0, 1)|]|};\ndigit = next[0] & 0xFF;")]
        public Task Loop_testing_a_byte_the_zero_read_left_as_it_was_is_reported(string declare, string turn)
            => Verify.VerifyAnalyzerAsync(Loop(declare, turn));

        [Theory]
        // A new buffer each turn: zeros after a 0, so the loop ends.
        [InlineData("byte[] next;", "next = new byte[1];\n{|SOCK010:socket.Receive(next)|};\ndigit = next[0];")]
        // The byte cleared after use, or the buffer cleared.
        [InlineData("var next = new byte[1];", "{|SOCK010:socket.Receive(next)|};\ndigit = next[0];\nnext[0] = 0;")]
        [InlineData("var next = new byte[1];", "{|SOCK010:socket.Receive(next)|};\ndigit = next[0];\nArray.Clear(next, 0, 1);")]
        // Another read into the same buffer.
        [InlineData("var next = new byte[1];", "{|SOCK010:socket.Receive(next)|};\nif (digit == 0) {|SOCK010:stream.Read(next, 0, 1)|};\ndigit = next[0];")]
        // The count stops the loop.
        [InlineData("var next = new byte[1];", "if (socket.Receive(next) == 0) break;\ndigit = next[0];")]
        public Task Loop_whose_byte_may_change_or_that_stops_at_zero_is_quiet(string declare, string turn)
            => Verify.VerifyAnalyzerAsync(Loop(declare, turn.Replace("if (digit == 0)", "digit = 1;\nif (buffer.Length == 0)")));

        /// <summary>The fix leaves the loop when the read returns 0, as for any other read loop: the count is captured first when discarded.</summary>
        [Theory]
        [InlineData(
            "{|SOCK010:[|socket.Receive(next)|]|};\ndigit = next[0];",
            "var received = socket.Receive(next);\nif (received == 0)\n{\n    break;\n}\n\ndigit = next[0];")]
        [InlineData(
            "int got = {|SOCK010:[|socket.Receive(next, 0, 1, SocketFlags.None)|]|};\ndigit = next[0];",
            "int got = socket.Receive(next, 0, 1, SocketFlags.None);\nif (got == 0)\n{\n    break;\n}\n\ndigit = next[0];")]
        public Task Fix_leaves_the_loop_when_the_read_returns_0(string turn, string fixedTurn)
            => FixVerify.VerifyCodeFixAsync(Loop("var next = new byte[1];", turn), Loop("var next = new byte[1];", fixedTurn));
    }
}
