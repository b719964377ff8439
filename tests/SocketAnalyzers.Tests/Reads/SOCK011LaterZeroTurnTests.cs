using System.Threading.Tasks;
using Xunit;
using static SocketAnalyzers.Tests.Reads.ReadTestCode;
using Verify = SocketAnalyzers.Tests.Verifiers.AnalyzerVerifier<SocketAnalyzers.Reads.SOCK011ReadLoopIgnoresEndOfStreamAnalyzer>;

namespace SocketAnalyzers.Tests.Reads
{
    /// <summary>
    /// SOCK011 decides on the 0 turns after the first (fresh11 F2's real site): a loop spins when a 0 turn whose turn
    /// before was a 0 turn comes back to the read. A builder made before the loop may still hold the start of a message
    /// on the first 0 turn, so what the first 0 turn does with it is unknown; cleared at its end, it holds nothing on the
    /// next one, where parsing its empty text throws out of the loop: the loop ends on its second 0 turn.
    /// </summary>
    public sealed class SOCK011LaterZeroTurnTests
    {
        /// <summary>A receive loop appending to a builder made before it; <paramref name="turn"/> ends each turn.</summary>
        private static string Loop(string turn, bool reported = false) => "using System.Text.Json;\n" + Method($$"""
            var buf = new byte[256];
            var sb = new StringBuilder();
            while (true)
            {
                int n = {{(reported ? "[|socket.Receive(buf)|]" : "socket.Receive(buf)")}};
                sb.Append(Encoding.UTF8.GetString(buf, 0, n));
                {{turn}}
            }
            """) + JsonData;

        [Theory]
        [InlineData("var data = JsonSerializer.Deserialize<Data>(sb.ToString()); Console.WriteLine(data?.Name); sb.Clear();")]
        [InlineData("var data = JsonSerializer.Deserialize<Data>(sb.ToString()); Console.WriteLine(data?.Name); sb.Length = 0;")]
        [InlineData("Console.WriteLine(int.Parse(sb.ToString())); sb.Clear();")]
        [InlineData("var text = sb.ToString(); sb.Clear(); Console.WriteLine(int.Parse(text));")]
        public Task Loop_whose_later_zero_turn_throws_out_of_it_is_quiet(string turn)
            => Verify.VerifyAnalyzerAsync(Loop(turn));

        [Theory]
        [InlineData("var data = JsonSerializer.Deserialize<Data>(sb.ToString()); Console.WriteLine(data?.Name);")]
        [InlineData("Console.WriteLine(sb.ToString()); sb.Clear();")]
        [InlineData("try { Console.WriteLine(int.Parse(sb.ToString())); } catch (FormatException) { } sb.Clear();")]
        [InlineData("sb.Clear(); sb.Append('>'); Console.WriteLine(int.Parse(sb.ToString()));")]
        [InlineData("sb.Length = 1; Console.WriteLine(int.Parse(sb.ToString())); sb.Clear();")]
        public Task Loop_whose_later_zero_turns_go_on_is_still_reported(string turn)
            => Verify.VerifyAnalyzerAsync(Loop(turn, reported: true));

        /// <summary>
        /// fresh11 F2 (a course JSON server): the inner loop gathers what waits, the outer one parses it. The first 0 may
        /// come on a later inner turn, after bytes of a message: that turn parses them and goes on. The next outer turn
        /// starts a new builder, the read returns 0 at once, and Json.NET's null for "" throws out of both loops.
        /// </summary>
        [Theory]
        [InlineData("var data = Newtonsoft.Json.JsonConvert.DeserializeObject<Data>(builder.ToString()); Console.WriteLine(data.Name);", false)]
        [InlineData("Console.WriteLine(int.Parse(builder.ToString()));", false)]
        [InlineData("var data = Newtonsoft.Json.JsonConvert.DeserializeObject<Data>(builder.ToString()); Console.WriteLine(data?.Name);", true)]
        [InlineData("try { Console.WriteLine(int.Parse(builder.ToString())); } catch (FormatException) { }", true)]
        public Task Gathering_loop_with_a_new_builder_each_turn_is_decided_on_its_later_zero_turns(string parse, bool reported)
            => Verify.VerifyAnalyzerAsync(Method($$"""
                var buf = new byte[1024];
                do
                {
                    var builder = new StringBuilder();
                    do
                    {
                        int bytes = {{(reported ? "[|socket.Receive(buf)|]" : "socket.Receive(buf)")}};
                        builder.Append(Encoding.Unicode.GetString(buf, 0, bytes));
                    }
                    while (socket.Available > 0);
                    {{parse}}
                }
                while (true);
                """) + JsonData + JsonNetStub);

        [Fact]
        public Task Loop_that_spins_from_its_first_zero_turn_is_reported()
            => Verify.VerifyAnalyzerAsync(Method("""
                var buf = new byte[256];
                while (true)
                {
                    int n = [|socket.Receive(buf)|];
                    Console.WriteLine(Encoding.UTF8.GetString(buf, 0, n));
                }
                """));
    }
}
