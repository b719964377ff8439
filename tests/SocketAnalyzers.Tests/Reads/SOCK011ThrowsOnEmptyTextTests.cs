using System.Threading.Tasks;
using Xunit;
using static SocketAnalyzers.Tests.Reads.ReadTestCode;
using Verify = SocketAnalyzers.Tests.Verifiers.AnalyzerVerifier<SocketAnalyzers.Reads.SOCK011ReadLoopIgnoresEndOfStreamAnalyzer>;

namespace SocketAnalyzers.Tests.Reads
{
    /// <summary>
    /// SOCK011 and a call that cannot take the empty text (fresh11 F2): once the peer closed, the text decoded from the
    /// read is "", and <c>int.Parse</c>, <c>Convert.ToInt32</c>, <c>JsonSerializer.Deserialize</c> or
    /// <c>JsonDocument.Parse</c> throw for it, and a member of Json.NET's <c>null</c> for it throws too. Out of the loop
    /// that exception ends it: no spin. Caught inside the loop, the loop goes on and spins.
    /// </summary>
    public sealed class SOCK011ThrowsOnEmptyTextTests
    {
        /// <summary>A receive loop whose 0 path runs <paramref name="after"/>; the read is marked when it should be reported.</summary>
        private static string Loop(string after, bool reported = false) => "using System.Linq;\nusing System.Text.Json;\n" + Method($$"""
            var buf = new byte[256];
            while (true)
            {
                int n = {{(reported ? "[|socket.Receive(buf)|]" : "socket.Receive(buf)")}};
                var text = Encoding.UTF8.GetString(buf, 0, n);
                {{after}}
            }
            """) + JsonData + JsonNetStub;

        [Theory]
        [InlineData("Console.WriteLine(int.Parse(text));")]
        [InlineData("Console.WriteLine(long.Parse(text, System.Globalization.NumberStyles.Integer));")]
        [InlineData("Console.WriteLine(Convert.ToInt32(text));")]
        [InlineData("Console.WriteLine(Guid.Parse(text));")]
        [InlineData("var data = JsonSerializer.Deserialize<Data>(text); Console.WriteLine(data?.Name);")]
        [InlineData("using var document = JsonDocument.Parse(text); Console.WriteLine(document.RootElement);")]
        [InlineData("var data = Newtonsoft.Json.JsonConvert.DeserializeObject<Data>(text); Console.WriteLine(data.Name);")]
        [InlineData("var sb = new StringBuilder(); sb.Append(text); Console.WriteLine(JsonSerializer.Deserialize<Data>(sb.ToString())?.Name);")]
        [InlineData("var sb = new StringBuilder(64); sb.Append(Encoding.UTF8.GetString(buf, 0, n)); Console.WriteLine(int.Parse(sb.ToString()));")]
        // Positions past the end of "" (fresh16 FALSE 1: a chat server's message.Substring(0, 2) after its drain helper).
        [InlineData("Console.WriteLine(text.Substring(0, 2));")]
        [InlineData("Console.WriteLine(text.Substring(1));")]
        [InlineData("Console.WriteLine(text.Remove(0, 2));")]
        [InlineData("Console.WriteLine(text[0]);")]
        [InlineData("Console.WriteLine(text.Split(':')[1]);")]
        [InlineData("var parts = text.Split(':'); Console.WriteLine(parts[1]);")]
        [InlineData("var parts = text.Split(':', StringSplitOptions.RemoveEmptyEntries); Console.WriteLine(parts[0]);")]
        // LINQ finds no element in "" (fresh19 FALSE 1: a chat client's text.First() != 'm').
        [InlineData("if (text.First() != 'm') continue; Console.WriteLine(text);")]
        [InlineData("Console.WriteLine(text.Last(c => c != ' '));")]
        [InlineData("Console.WriteLine(text.Single());")]
        public Task Loop_whose_zero_path_throws_out_of_it_is_quiet(string after)
            => Verify.VerifyAnalyzerAsync(Loop(after));

        /// <summary>
        /// The first part of a split of the empty text is the empty text (fresh14 FALSE 2, a calculator server:
        /// <c>items = Regex.Split(text, "[+-]"); int.Parse(items[0])</c> throws on the 0 path).
        /// </summary>
        [Theory]
        [InlineData("string[] items = System.Text.RegularExpressions.Regex.Split(text, @\"[+|\\-]\"); Console.WriteLine(int.Parse(items[0]) + 1);")]
        [InlineData("var parts = text.Split(','); Console.WriteLine(int.Parse(parts[0]));")]
        [InlineData("var parts = new System.Text.RegularExpressions.Regex(\";\").Split(text); Console.WriteLine(Guid.Parse(parts[0]));")]
        public Task Loop_that_parses_the_first_part_of_a_split_of_the_zero_text_is_quiet(string after)
            => Verify.VerifyAnalyzerAsync(Loop(after));

        [Theory]
        [InlineData("var parts = text.Split(','); Console.WriteLine(parts[0]);")]
        [InlineData("var parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries); Console.WriteLine(parts.Length);")]
        [InlineData("var parts = text.Split(','); Console.WriteLine(int.TryParse(parts[0], out var v) ? v : 0);")]
        // The only way out is inside a loop over the parts, and the split of "" that drops empty parts has none (fresh13 miss 4).
        [InlineData("foreach (var command in text.Split(';', StringSplitOptions.RemoveEmptyEntries)) { if (command == \"quit\") return; }")]
        [InlineData("var commands = text.Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries); foreach (var command in commands) { if (command == \"quit\") return; }")]
        public Task Loop_that_uses_a_split_of_the_zero_text_without_throwing_is_reported(string after)
            => Verify.VerifyAnalyzerAsync(Loop(after, reported: true));

        /// <summary>A split that keeps the one empty part of "": the loop over it runs once, and may leave (unknown: quiet).</summary>
        [Theory]
        [InlineData("foreach (var command in text.Split(';')) { if (command == \"quit\") return; }")]
        [InlineData("foreach (var command in text.Split(';', StringSplitOptions.TrimEntries)) { if (command.Length == 0) return; }")]
        public Task Loop_whose_way_out_is_in_a_loop_over_a_split_that_keeps_the_empty_part_is_quiet(string after)
            => Verify.VerifyAnalyzerAsync(Loop(after));

        [Theory]
        [InlineData("Console.WriteLine(text);")]
        [InlineData("Console.WriteLine(int.TryParse(text, out var v) ? v : -1);")]
        [InlineData("try { Console.WriteLine(int.Parse(text)); } catch (FormatException) { Console.WriteLine(\"not a number\"); }")]
        [InlineData("var data = Newtonsoft.Json.JsonConvert.DeserializeObject<Data>(text); Console.WriteLine(data?.Name);")]
        [InlineData("var count = Newtonsoft.Json.JsonConvert.DeserializeObject<int>(text); Console.WriteLine(count);")]
        [InlineData("var sb = new StringBuilder(\"> \"); sb.Append(text); Console.WriteLine(sb.ToString());")]
        [InlineData("var sb = new StringBuilder(); sb.Append(text); sb.Append('!'); Console.WriteLine(sb.ToString());")]
        [InlineData("Console.WriteLine(Convert.ToInt32(text.Length));")]
        [InlineData("Console.WriteLine(text.Substring(0, 0) + text.Substring(0) + text.Remove(0));")]
        [InlineData("try { Console.WriteLine(text.Substring(0, 2)); } catch (ArgumentOutOfRangeException) { Console.WriteLine(\"short\"); }")]
        [InlineData("try { Console.WriteLine(text[0]); } catch (IndexOutOfRangeException) { }")]
        [InlineData("Console.WriteLine(text.FirstOrDefault());")]
        [InlineData("try { Console.WriteLine(text.First()); } catch (InvalidOperationException) { }")]
        public Task Loop_whose_zero_path_does_not_throw_or_catches_inside_is_still_reported(string after)
            => Verify.VerifyAnalyzerAsync(Loop(after, reported: true));
    }
}
