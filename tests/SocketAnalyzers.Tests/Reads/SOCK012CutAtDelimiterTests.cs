using System.Threading.Tasks;
using Xunit;
using SocketAnalyzers.Tests.Verifiers;
using static SocketAnalyzers.Tests.Reads.ReadTestCode;
using Verify = SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<SocketAnalyzers.Reads.SOCK012WholeBufferConsumedAnalyzer, SocketAnalyzers.CodeFixes.Reads.SOCK012WholeBufferConsumedCodeFixProvider>;

namespace SocketAnalyzers.Tests.Reads
{
    /// <summary>
    /// SOCK012 on a fresh buffer decoded whole and cut on the next line at a delimiter (fresh14 FALSE 4, the classic chat
    /// server: <c>data = Encoding.ASCII.GetString(bytesFrom); data = data.Substring(0, data.IndexOf("$"));</c>): the tail past
    /// the count is zeros, which hold no <c>'$'</c>, so only received bytes reach the text. A buffer read before (stale
    /// bytes may hold a <c>'$'</c>), a statement between the decode and the cut, or a culture search for NUL keep the report;
    /// a cut at the first NUL searched ordinally is where the zeros begin.
    /// </summary>
    public sealed class SOCK012CutAtDelimiterTests
    {
        /// <summary><paramref name="decode"/> after one read into a new array whose count is only compared with 0.</summary>
        private static string AfterFreshRead(string decode) => Method($$"""
            var chunk = new byte[1024];
            int n = stream.Read(chunk, 0, chunk.Length);
            if (n == 0) return;
            {{decode}}
            """);

        [Theory]
        [InlineData("""string text = Encoding.ASCII.GetString(chunk); text = text.Substring(0, text.IndexOf("$"));""")]
        [InlineData("""var text = Encoding.UTF8.GetString(chunk); var name = text.Substring(0, text.IndexOf('$'));""")]
        [InlineData("""var text = Encoding.ASCII.GetString(chunk); text = text.Substring(0, text.IndexOf("<EOF>"));""")]
        // At the first NUL, searched ordinally: where the zeros begin (fresh16 FALSE 4).
        [InlineData("""var text = Encoding.ASCII.GetString(chunk); text = text.Substring(0, text.IndexOf('\0'));""")]
        [InlineData("""var text = Encoding.ASCII.GetString(chunk); var line = text.Substring(0, text.IndexOf("\0", StringComparison.Ordinal));""")]
        public Task Fresh_buffer_cut_at_a_delimiter_on_the_next_line_is_quiet(string decode)
            => Verify.VerifyAnalyzerAsync(AfterFreshRead(decode));

        [Theory]
        [InlineData("""var text = [|Encoding.ASCII.GetString(chunk)|]; Console.WriteLine(text); text = text.Substring(0, text.IndexOf("$"));""")]
        // A culture search for "\0" finds it at 0 (NUL is ignorable there).
        [InlineData("""var text = [|Encoding.ASCII.GetString(chunk)|]; text = text.Substring(0, text.IndexOf("\0"));""")]
        [InlineData("""var text = [|Encoding.ASCII.GetString(chunk)|]; text = text.Substring(1, text.IndexOf("$"));""")]
        public Task Cut_that_may_keep_stale_bytes_is_still_reported(string decode)
            => Verify.VerifyAnalyzerAsync(AfterFreshRead(decode));

        /// <summary>
        /// fresh98 F1 (a course game lobby on .NET Framework 4.5: <c>text.Substring(0, text.IndexOf("\0"))</c> after a
        /// 64-byte read): .NET Framework's culture search (NLS) finds the NUL, so the cut ends where the read stopped writing.
        /// Known from the core library (a real build) or from the <c>NETFRAMEWORK</c> symbol (the scanner, which analyzes
        /// against the running .NET); the same code built for .NET 8 stays reported above.
        /// </summary>
        [Fact]
        public Task Culture_search_for_nul_in_code_built_for_NET_Framework_is_the_reads_end()
            => new SocketAnalyzerTest
            {
                TestCode = AfterFreshRead("""var text = Encoding.ASCII.GetString(chunk); text = text.Substring(0, text.IndexOf("\0"));"""),
                References = ReferenceSet.NetFramework48,
            }.RunAsync();

        [Fact]
        public Task Culture_search_for_nul_under_the_NETFRAMEWORK_symbol_is_the_reads_end()
        {
            var test = new SocketAnalyzerTest
            {
                TestCode = AfterFreshRead("""var text = Encoding.ASCII.GetString(chunk); text = text.Substring(0, text.IndexOf("\0"));"""),
            };
            test.PreprocessorSymbols.Add("NETFRAMEWORK");
            return test.RunAsync();
        }

        [Fact]
        public Task Culture_search_for_nul_in_code_built_for_netstandard_is_still_reported()
            => new SocketAnalyzerTest
            {
                TestCode = AfterFreshRead("""var text = [|Encoding.ASCII.GetString(chunk)|]; text = text.Substring(0, text.IndexOf("\0"));"""),
                References = ReferenceSet.NetStandard20,
                DefaultDiagnosticId = "SOCK012",
            }.RunAsync();

        /// <summary>
        /// fresh61 FALSE 3 (a course server): statements between the decode and the cut that can neither change, show nor
        /// leave with the text (another local from its <c>Length</c>, constants and operators) keep the cut exact.
        /// </summary>
        [Theory]
        [InlineData("""var text = Encoding.UTF8.GetString(chunk); var abc = text.Length; text = text.Substring(0, text.IndexOf("$"));""")]
        [InlineData("""var text = Encoding.UTF8.GetString(chunk); int total = n + 1; var half = text.Length / 2; text = text.Substring(0, text.IndexOf("$"));""")]
        [InlineData("""int size; var text = Encoding.UTF8.GetString(chunk); size = text.Length; text = text.Substring(0, text.IndexOf("$"));""")]
        public Task Fresh_buffer_cut_at_a_delimiter_after_statements_that_leave_the_text_alone_is_quiet(string decode)
            => Verify.VerifyAnalyzerAsync(AfterFreshRead(decode));

        /// <summary>A statement between that shows the text, changes it, calls anything, or may leave keeps the report.</summary>
        [Theory]
        [InlineData("""var text = [|Encoding.UTF8.GetString(chunk)|]; var copy = text; text = text.Substring(0, text.IndexOf("$")); Console.WriteLine(copy);""")]
        [InlineData("""var text = [|Encoding.UTF8.GetString(chunk)|]; var shown = text.ToUpper(); text = text.Substring(0, text.IndexOf("$")); Console.WriteLine(shown);""")]
        [InlineData("""var text = [|Encoding.UTF8.GetString(chunk)|]; var abc = text.Length; text += "!"; text = text.Substring(0, text.IndexOf("$"));""")]
        [InlineData("""var text = [|Encoding.UTF8.GetString(chunk)|]; var abc = text.Length; if (abc > 10) Console.WriteLine(text); text = text.Substring(0, text.IndexOf("$"));""")]
        [InlineData("""var text = [|Encoding.UTF8.GetString(chunk)|]; var a = 1; var b = 2; var c = 3; var d = 4; text = text.Substring(0, text.IndexOf("$"));""")]
        public Task Statement_between_the_decode_and_the_cut_that_may_use_the_text_is_still_reported(string decode)
            => Verify.VerifyAnalyzerAsync(AfterFreshRead(decode));

        /// <summary>The cut returned at once (fresh16 FALSE 4, a <c>ReadString</c> extension of a chat client).</summary>
        [Fact]
        public Task Fresh_buffer_cut_at_its_first_NUL_in_the_return_is_quiet()
            => Verify.VerifyAnalyzerAsync(Method("""
                var bytes = new byte[client.ReceiveBufferSize];
                {|SOCK010:client.GetStream().Read(bytes, 0, bytes.Length)|};
                var msg = Encoding.ASCII.GetString(bytes);
                return msg.Substring(0, msg.IndexOf("\0", StringComparison.Ordinal));
                """, "string"));

        /// <summary>
        /// fresh33 DISPUTED 1 (a course server): the position of the first NUL kept in a local and the cut behind a guard on
        /// the next two statements. Where the read placed bytes the first NUL is where it stopped writing.
        /// </summary>
        [Theory]
        [InlineData("message = Encoding.ASCII.GetString(chunk); len = message.IndexOf('\\0'); if (len > 0) message = message.Substring(0, len);")]
        [InlineData("message = Encoding.ASCII.GetString(chunk); int at = message.IndexOf('\\0'); if (at >= 0) { message = message.Substring(0, at); }")]
        [InlineData("string text = Encoding.UTF8.GetString(chunk); len = text.IndexOf(\"\\0\", StringComparison.Ordinal); if (len != -1) text = text.Remove(len);")]
        public Task Fresh_buffer_cut_at_its_first_NUL_behind_a_guard_is_quiet(string decode)
            => Verify.VerifyAnalyzerAsync(Method($$"""
                string message;
                int len;
                var chunk = new byte[1024];
                int n = stream.Read(chunk, 0, chunk.Length);
                if (n == 0) return;
                {{decode}}
                """));

        /// <summary>A cut at another delimiter (not found: the zeros stay), a culture search for NUL, a cut with an <c>else</c>, a buffer read before, a cut into another local.</summary>
        [Theory]
        [InlineData("var chunk = new byte[1024];", "message = [|Encoding.ASCII.GetString(chunk)|]; len = message.IndexOf('$'); if (len > 0) message = message.Substring(0, len);")]
        [InlineData("var chunk = new byte[1024];", "message = [|Encoding.ASCII.GetString(chunk)|]; len = message.IndexOf(\"\\0\"); if (len > 0) message = message.Substring(0, len);")]
        [InlineData("var chunk = new byte[1024];", "message = [|Encoding.ASCII.GetString(chunk)|]; len = message.IndexOf('\\0'); if (len > 0) message = message.Substring(0, len); else message = message.Trim();")]
        [InlineData("var chunk = buffer;", "message = [|Encoding.ASCII.GetString(chunk)|]; len = message.IndexOf('\\0'); if (len > 0) message = message.Substring(0, len);")]
        [InlineData("var chunk = new byte[1024];", "message = [|Encoding.ASCII.GetString(chunk)|]; len = message.IndexOf('\\0'); if (len > 0) Console.WriteLine(message.Substring(0, len));")]
        public Task Guarded_cut_that_may_keep_zeros_or_stale_bytes_is_still_reported(string made, string decode)
            => Verify.VerifyAnalyzerAsync(Method($$"""
                string message;
                int len;
                {{made}}
                int n = stream.Read(chunk, 0, chunk.Length);
                if (n == 0) return;
                {{decode}}
                Console.WriteLine(message);
                """));

        [Fact]
        public Task Reused_buffer_cut_at_a_delimiter_is_still_reported()
            => Verify.VerifyAnalyzerAsync(Method("""
                int n = stream.Read(buffer, 0, buffer.Length);
                if (n == 0) return;
                var text = [|Encoding.ASCII.GetString(buffer)|];
                text = text.Substring(0, text.IndexOf("$"));
                """));
    }
}
