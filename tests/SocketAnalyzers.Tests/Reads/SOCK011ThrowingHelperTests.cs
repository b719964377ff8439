using System.Threading.Tasks;
using Xunit;
using static SocketAnalyzers.Tests.Reads.ReadTestCode;
using Verify = SocketAnalyzers.Tests.Verifiers.AnalyzerVerifier<SocketAnalyzers.Reads.SOCK011ReadLoopIgnoresEndOfStreamAnalyzer>;

namespace SocketAnalyzers.Tests.Reads
{
    /// <summary>
    /// SOCK011 and a method of the same file that throws for the empty text it is given (fresh33 FALSE 1, a poker server's
    /// <c>GameLogic(strRec)</c> whose first statements split the text and parse its second part): on the 0 path the text is
    /// "", the call throws as the same code written in the loop does, and out of the loop (or into a catch-all that leaves
    /// it) the loop does not spin. A helper that may not throw, one that can be overridden, or one whose exception a
    /// catch inside the loop swallows keeps the report.
    /// </summary>
    public sealed class SOCK011ThrowingHelperTests
    {
        private static string Loop(string call, string helper, bool reported = false) => Usings + $$"""
            class Server
            {
                void Receive(Socket socket)
                {
                    var buf = new byte[256];
                    while (true)
                    {
                        int n = {{(reported ? "[|socket.Receive(buf)|]" : "socket.Receive(buf)")}};
                        var text = Encoding.UTF8.GetString(buf, 0, n);
                        Console.WriteLine(text);
                        {{call}}
                    }
                }

                {{helper}}
            }
            """ + JsonData + JsonNetStub;

        [Theory]
        [InlineData("static void Logic(string rec) { string[] parts = rec.Split(':'); int type = int.Parse(parts[1]); Console.WriteLine(type); }")]
        [InlineData("static void Logic(string rec) { Console.WriteLine(rec.Split(':')[1]); }")]
        [InlineData("static int Logic(string rec) => int.Parse(rec);")]
        [InlineData("static void Logic(string rec) { Console.WriteLine(rec); if (rec[0] == '#') Console.WriteLine(\"command\"); }")]
        [InlineData("static void Logic(string rec) { var data = Newtonsoft.Json.JsonConvert.DeserializeObject<Data>(rec); switch (data.Name) { case \"x\": break; } }")]
        public Task Helper_that_throws_for_the_empty_text_ends_the_zero_path(string helper)
            => Verify.VerifyAnalyzerAsync(Loop("Logic(text);", helper));

        [Fact]
        public Task Helper_whose_exception_a_catch_all_in_the_loop_turns_into_a_break_ends_the_zero_path()
            => Verify.VerifyAnalyzerAsync(Loop(
                "try { Logic(text); } catch (Exception ex) { Console.WriteLine(ex.Message); socket.Close(); break; }",
                "static void Logic(string rec) { string[] parts = rec.Split(':'); int type = int.Parse(parts[1]); Console.WriteLine(type); }"));

        [Theory]
        [InlineData("Logic(text);", "static void Logic(string rec) { if (rec.Length == 0) return; Console.WriteLine(int.Parse(rec)); }")]
        [InlineData("Logic(text);", "static void Logic(string rec) { var parts = rec.Split(':'); Console.WriteLine(parts[0]); }")]
        [InlineData("Logic(text);", "static void Logic(string rec) { rec = \"0\"; Console.WriteLine(int.Parse(rec)); }")]
        [InlineData("Logic(text);", "static void Logic(string rec) { Console.WriteLine(rec.Length > 0 ? int.Parse(rec) : 0); }")]
        [InlineData("Logic(text);", "protected virtual void Logic(string rec) { Console.WriteLine(int.Parse(rec)); }")]
        [InlineData("Logic(\"1:2\");", "static void Logic(string rec) { Console.WriteLine(int.Parse(rec.Split(':')[1])); }")]
        [InlineData("try { Logic(text); } catch (Exception) { }", "static void Logic(string rec) { Console.WriteLine(int.Parse(rec)); }")]
        public Task Helper_that_may_not_throw_or_whose_exception_the_loop_swallows_keeps_the_report(string call, string helper)
            => Verify.VerifyAnalyzerAsync(Loop(call, helper, reported: true));
    }
}
