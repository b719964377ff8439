using System.Threading.Tasks;
using Xunit;
using static SocketAnalyzers.Tests.Reads.ReadTestCode;
using Verify = SocketAnalyzers.Tests.Verifiers.AnalyzerVerifier<SocketAnalyzers.Reads.SOCK011ReadLoopIgnoresEndOfStreamAnalyzer>;

namespace SocketAnalyzers.Tests.Reads
{
    /// <summary>
    /// SOCK011 on a read whose line or count the loop keeps in a private field of its class (fresh50 M1, a chat client:
    /// <c>while (true) { try { message = sr.ReadLine(); if (message != null) { writeToChat(message); message = null; } stream.Flush(); } catch (Exception e) { … } }</c>,
    /// <c>writeToChat</c> in another file). The field holds the null (or the 0) from the read until something that may run
    /// the project's code (a call of the project, a delegate, an <c>await</c>) or a write of the field: a test of it
    /// there decides as a test of a local would, so the branch that calls code this file does not show is not taken on the
    /// 0 path, and the loop spins.
    /// </summary>
    public sealed class SOCK011LineKeptInFieldTests
    {
        private static string Client(string field, string turn) => Usings + $$"""
            class ChatClient
            {
                {{field}}
                private StreamReader sr;
                private Stream stream;

                public event Action<string> Received;

                public ChatClient(TcpClient client)
                {
                    stream = client.GetStream();
                    sr = new StreamReader(stream);
                }

                public void Run()
                {
                    while (true)
                    {
                        try
                        {
                            {{turn}}
                        }
                        catch (Exception e)
                        {
                            Console.WriteLine(e.ToString());
                        }
                    }
                }

                private void Refresh() => Received?.Invoke("");
            }
            """;

        [Theory]
        [InlineData("string message;", "message = [|sr.ReadLine()|]; if (message != null) { Received?.Invoke(message); message = null; } stream.Flush();")]
        [InlineData("private string message;", "message = [|sr.ReadLine()|]; if (message == null) { continue; } Received?.Invoke(message);")]
        [InlineData("private static string message;", "message = [|sr.ReadLine()|]; if (message is not null) { Received?.Invoke(message); }")]
        [InlineData("private int count; private char[] chars = new char[64];", "count = [|sr.Read(chars, 0, chars.Length)|]; if (count > 0) { Received?.Invoke(new string(chars, 0, count)); }")]
        public Task Read_kept_in_a_private_field_and_tested_at_once_spins(string field, string turn)
            => Verify.VerifyAnalyzerAsync(Client(field, turn));

        /// <summary>The fix reads into a local, leaves at its null, and gives the field the line as before.</summary>
        [Fact]
        public Task Fix_leaves_the_loop_when_the_field_holds_the_null_line()
            => SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<SocketAnalyzers.Reads.SOCK011ReadLoopIgnoresEndOfStreamAnalyzer, SocketAnalyzers.CodeFixes.Reads.SOCK011ReadLoopIgnoresEndOfStreamCodeFixProvider>.VerifyCodeFixAsync(
                Client("private string message;", "message = [|sr.ReadLine()|]; if (message != null) { Received?.Invoke(message); message = null; }"),
                Client("private string message;", """
                    var line = sr.ReadLine();
                                    if (line == null)
                                    {
                                        break;
                                    }

                                    message = line;
                                    if (message != null) { Received?.Invoke(message); message = null; }
                    """));

        [Theory]
        // Code of the project or a delegate between the read and the test may set the field.
        [InlineData("private string message;", "message = sr.ReadLine(); Refresh(); if (message != null) { Received?.Invoke(message); }")]
        [InlineData("private string message;", "message = sr.ReadLine(); Received?.Invoke(\"\"); if (message != null) { Received?.Invoke(message); }")]
        // Another class may set a public field at any time.
        [InlineData("public string message;", "message = sr.ReadLine(); if (message != null) { Received?.Invoke(message); }")]
        // The test leaves the loop at the null, as with a local.
        [InlineData("private string message;", "message = sr.ReadLine(); if (message == null) { break; } Received?.Invoke(message);")]
        public Task Field_that_other_code_may_set_or_a_test_that_leaves_is_quiet(string field, string turn)
            => Verify.VerifyAnalyzerAsync(Client(field, turn));

        [Fact]
        public Task Awaited_code_between_the_read_and_the_test_may_set_the_field()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class ChatClient
                {
                    private string message;
                    private StreamReader sr;

                    public event Action<string> Received;

                    public ChatClient(TcpClient client) { sr = new StreamReader(client.GetStream()); }

                    public async Task RunAsync()
                    {
                        while (true)
                        {
                            message = await sr.ReadLineAsync();
                            await Task.Yield();
                            if (message != null) { Received?.Invoke(message); }
                        }
                    }
                }
                """);
    }
}
