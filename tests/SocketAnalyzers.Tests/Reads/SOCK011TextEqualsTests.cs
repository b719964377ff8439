using System.Threading.Tasks;
using Xunit;
using static SocketAnalyzers.Tests.Reads.ReadTestCode;
using Verify = SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<SocketAnalyzers.Reads.SOCK011ReadLoopIgnoresEndOfStreamAnalyzer, SocketAnalyzers.CodeFixes.Reads.SOCK011ReadLoopIgnoresEndOfStreamCodeFixProvider>;

namespace SocketAnalyzers.Tests.Reads
{
    /// <summary>
    /// A command loop left only when the decoded text equals a word, tested with <c>string.Equals</c> instead of <c>==</c>
    /// (fresh92 M2, a course's console server: <c>if (s.Equals("exit")) break;</c>). Once reads return 0 the text is
    /// empty on every turn, the empty text equals no word, and the loop spins. A word with a letter or a digit differs
    /// from the empty text under every comparison; a test against the empty text, another variable, or a word a culture
    /// may ignore under a culture's comparison is not known to stay false.
    /// </summary>
    public sealed class SOCK011TextEqualsTests
    {
        private static string Loop(string exit) => Method($$"""
            while (true)
            {
                int n = [|socket.Receive(buffer)|];
                string text = Encoding.ASCII.GetString(buffer, 0, n);
                {{exit}}
                Console.WriteLine(text);
            }
            """);

        private static string QuietLoop(string exit) => Loop(exit).Replace("[|", string.Empty).Replace("|]", string.Empty);

        [Theory]
        [InlineData("if (text.Equals(\"exit\")) break;")]
        [InlineData("if (\"exit\".Equals(text)) break;")]
        [InlineData("if (string.Equals(text, \"exit\")) break;")]
        [InlineData("if (string.Equals(\"exit\", text)) break;")]
        [InlineData("if (text.Equals(\"exit\", StringComparison.OrdinalIgnoreCase)) break;")]
        [InlineData("if (string.Equals(text, \"exit\", StringComparison.CurrentCultureIgnoreCase)) break;")]
        [InlineData("if (text.Trim().ToLower().Equals(\"exit\")) return;")]
        [InlineData("if (text.Equals((object)\"exit\")) break;")]
        // Named arguments in another order: the texts are taken by parameter.
        [InlineData("if (string.Equals(b: text, a: \"exit\")) break;")]
        [InlineData("if (text.Equals(comparisonType: StringComparison.Ordinal, value: \"exit\")) break;")]
        public Task Loop_left_when_the_text_equals_a_word_is_reported(string exit)
            => Verify.VerifyAnalyzerAsync(Loop(exit));

        [Theory]
        // The empty text equals the empty word: the 0 turn leaves.
        [InlineData("if (text.Equals(\"\")) break;")]
        [InlineData("if (string.Equals(text, string.Empty)) break;")]
        [InlineData("if (text.Equals(string.Empty, StringComparison.Ordinal)) break;")]
        // Another variable may hold anything.
        [InlineData("var word = Console.ReadLine();\nif (text.Equals(word)) break;")]
        // A culture may ignore a soft hyphen: under its comparison the word may equal the empty text.
        [InlineData("if (text.Equals(\"\\u00AD\", StringComparison.CurrentCulture)) break;")]
        public Task Loop_left_when_the_empty_text_may_equal_the_word_is_quiet(string exit)
            => Verify.VerifyAnalyzerAsync(QuietLoop(exit));

        [Fact]
        public Task Fix_leaves_the_command_loop_at_0()
            => Verify.VerifyCodeFixAsync(
                Loop("if (text.Equals(\"exit\")) break;"),
                Method("""
                    while (true)
                    {
                        int n = socket.Receive(buffer);
                        if (n == 0)
                        {
                            break;
                        }

                        string text = Encoding.ASCII.GetString(buffer, 0, n);
                        if (text.Equals("exit")) break;
                        Console.WriteLine(text);
                    }
                    """));

        [Fact]
        public Task Fix_All_leaves_both_command_loops_at_0()
            => Verify.VerifyCodeFixAsync(
                Method("""
                    while (true)
                    {
                        int n = [|socket.Receive(buffer)|];
                        string text = Encoding.ASCII.GetString(buffer, 0, n);
                        if (string.Equals(text, "exit")) break;
                    }

                    while (true)
                    {
                        int m = [|stream.Read(buffer, 0, buffer.Length)|];
                        var line = Encoding.UTF8.GetString(buffer, 0, m);
                        if ("quit".Equals(line)) return;
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

                        string text = Encoding.ASCII.GetString(buffer, 0, n);
                        if (string.Equals(text, "exit")) break;
                    }

                    while (true)
                    {
                        int m = stream.Read(buffer, 0, buffer.Length);
                        if (m == 0)
                        {
                            break;
                        }

                        var line = Encoding.UTF8.GetString(buffer, 0, m);
                        if ("quit".Equals(line)) return;
                    }
                    """));
    }
}
