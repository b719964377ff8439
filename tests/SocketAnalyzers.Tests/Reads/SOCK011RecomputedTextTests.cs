using System.Threading.Tasks;
using Xunit;
using static SocketAnalyzers.Tests.Reads.ReadTestCode;
using Verify = SocketAnalyzers.Tests.Verifiers.AnalyzerVerifier<SocketAnalyzers.Reads.SOCK011ReadLoopIgnoresEndOfStreamAnalyzer>;

namespace SocketAnalyzers.Tests.Reads
{
    /// <summary>
    /// The Microsoft Learn socket server's end-marker loop as people write it: the text taken out of the builder into a
    /// local of the turn (<c>var content = sb.ToString();</c>) before the marker test, and work done on the way out
    /// (<c>{ Console.WriteLine(content); break; }</c>). Once reads return 0 the builder keeps its text, so the local gets
    /// the text it got on the turn before and the test decides as it did then: the loop spins. A local whose value is
    /// the 0's own (<c>var end = n == 0;</c>) or a flag set where the 0 was seen ends it.
    /// </summary>
    public sealed class SOCK011RecomputedTextTests
    {
        private static string Loop(string turn) => Method($$"""
            var sb = new StringBuilder();
            while (true)
            {
            {{Indent(turn, 4)}}
            }
            """);

        [Theory]
        [InlineData("int n = [|socket.Receive(buffer)|];\nsb.Append(Encoding.ASCII.GetString(buffer, 0, n));\nvar content = sb.ToString();\nif (content.IndexOf(\"<EOF>\") > -1) break;")]
        [InlineData("int n = [|socket.Receive(buffer)|];\nsb.Append(Encoding.ASCII.GetString(buffer, 0, n));\nvar content = sb.ToString();\nif (content.IndexOf(\"<EOF>\", StringComparison.Ordinal) > -1)\n{\n    Console.WriteLine(content);\n    break;\n}")]
        [InlineData("int n = [|socket.Receive(buffer)|];\nsb.Append(Encoding.ASCII.GetString(buffer, 0, n));\nstring content;\ncontent = sb.ToString().Trim();\nif (content.EndsWith(\"<EOF>\")) break;")]
        [InlineData("int n = [|socket.Receive(buffer)|];\nsb.Append(Encoding.ASCII.GetString(buffer, 0, n));\nif (sb.ToString().IndexOf(\"<EOF>\") > -1)\n{\n    Console.WriteLine(sb);\n    break;\n}")]
        [InlineData("int n = [|socket.Receive(buffer)|];\nsb.Append(Encoding.ASCII.GetString(buffer, 0, n));\nif (sb.ToString().Contains(\"<EOF>\"))\n{\n    Console.WriteLine(\"done\");\n    return;\n}")]
        public Task Loop_whose_end_marker_test_sees_the_text_of_the_turn_before_is_reported(string turn)
            => Verify.VerifyAnalyzerAsync(Loop(turn));

        [Theory]
        // The 0's own value: true only once reads return 0.
        [InlineData("int n = socket.Receive(buffer);\nvar end = n == 0;\nif (end) break;")]
        [InlineData("int n = socket.Receive(buffer);\nvar text = Encoding.ASCII.GetString(buffer, 0, n);\nif (text.Length == 0)\n{\n    Console.WriteLine(\"bye\");\n    break;\n}")]
        // A builder made new on each turn holds nothing on the 0 turn (it held the turn's text before).
        [InlineData("int n = socket.Receive(buffer);\nvar turnText = new StringBuilder();\nturnText.Append(Encoding.ASCII.GetString(buffer, 0, n));\nvar content = turnText.ToString();\nif (content.Length == 0) break;")]
        // A local assigned twice (given the console's line on some turns) is not the turn before's.
        [InlineData("int n = socket.Receive(buffer);\nsb.Append(Encoding.ASCII.GetString(buffer, 0, n));\nvar content = sb.ToString();\nif (token.IsCancellationRequested) content = Console.ReadLine();\nif (content.IndexOf(\"<EOF>\") > -1) break;")]
        // The local reads the clock, not the text: it may be anything.
        [InlineData("int n = socket.Receive(buffer);\nsb.Append(Encoding.ASCII.GetString(buffer, 0, n));\nvar now = DateTime.Now.Ticks;\nif (now > 5) break;")]
        public Task Loop_whose_test_may_decide_otherwise_on_the_zero_turn_is_quiet(string turn)
            => Verify.VerifyAnalyzerAsync(Loop(turn));

        /// <summary>A condition that is one constant on every turn decided the same on the first: the loop never went round.</summary>
        [Theory]
        [InlineData("bool stop = true;\nwhile (true)\n{\n    int n = socket.Receive(buffer);\n    Process(buffer, n);\n    if (stop) break;\n}")]
        [InlineData("bool stop;\nwhile (true)\n{\n    int n = socket.Receive(buffer);\n    Process(buffer, n);\n    stop = true;\n    if (stop) break;\n}")]
        [InlineData("while (true)\n{\n    int n = socket.Receive(buffer);\n    Process(buffer, n);\n    var once = 1;\n    if (once == 1) break;\n}")]
        public Task Loop_left_by_a_test_that_is_one_constant_on_every_turn_is_quiet(string body)
            => Verify.VerifyAnalyzerAsync(Method(body));

        /// <summary>A constant that keeps the loop going on every turn keeps it going on the 0 turns too.</summary>
        [Theory]
        [InlineData("var running = true;\nwhile (running)\n{\n    int n = [|socket.Receive(buffer)|];\n    Process(buffer, n);\n}")]
        [InlineData("bool done = false;\nwhile (!done)\n{\n    int n = [|socket.Receive(buffer)|];\n    Process(buffer, n);\n}")]
        [InlineData("const int Mode = 2;\nwhile (true)\n{\n    int n = [|socket.Receive(buffer)|];\n    Process(buffer, n);\n    if (Mode == 1) break;\n}")]
        public Task Loop_kept_going_by_a_test_that_is_one_constant_on_every_turn_is_reported(string body)
            => Verify.VerifyAnalyzerAsync(Method(body));

        [Fact]
        public Task Flag_loop_whose_flag_the_zero_sets_is_quiet()
            => Verify.VerifyAnalyzerAsync(Method("""
                bool stop = false;
                while (!stop)
                {
                    int n = socket.Receive(buffer);
                    if (n == 0)
                    {
                        stop = true;
                    }
                }
                """));

        /// <summary>The way out does work and then goes on with the loop: no way out at all, and a test of the 0 is missing.</summary>
        [Fact]
        public Task Marker_test_whose_branch_goes_on_with_the_loop_is_reported()
            => Verify.VerifyAnalyzerAsync(Loop("int n = [|socket.Receive(buffer)|];\nsb.Append(Encoding.ASCII.GetString(buffer, 0, n));\nvar content = sb.ToString();\nif (content.IndexOf(\"<EOF>\") > -1)\n{\n    Console.WriteLine(content);\n    sb.Clear();\n    continue;\n}"));
    }
}
