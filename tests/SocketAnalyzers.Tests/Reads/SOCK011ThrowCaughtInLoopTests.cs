using System.Threading.Tasks;
using Xunit;
using Verify = SocketAnalyzers.Tests.Verifiers.AnalyzerVerifier<SocketAnalyzers.Reads.SOCK011ReadLoopIgnoresEndOfStreamAnalyzer>;

namespace SocketAnalyzers.Tests.Reads
{
    /// <summary>
    /// SOCK011 and an exception the 0 path certainly throws inside a <c>try</c> whose catch-all is inside the loop (fresh14
    /// miss 1, the csharp.net-informations chat server: <c>data.Substring(0, data.IndexOf("$"))</c> of "" throws, the catch
    /// logs it, and the loop reads 0 again for ever). The rest of the try does not run on that path, so a call there that
    /// could have been a way out (<c>Program.Broadcast(…)</c>, which may replace the connection field) is none; the handler's
    /// own code still decides.
    /// </summary>
    public sealed class SOCK011ThrowCaughtInLoopTests
    {
        /// <summary>
        /// A chat handler whose connection is a field (a call of the project may replace it), looping over
        /// <paramref name="turn"/>, after <paramref name="beforeLoop"/>; <c>READ</c> is its read, marked as
        /// <paramref name="read"/> says (<c>{0}</c> stands for the call).
        /// </summary>
        private static string Handler(string turn, string read, string beforeLoop = "") => $$"""
            using System;
            using System.IO;
            using System.Net.Sockets;
            using System.Text;

            public class HandleClient
            {
                private TcpClient clientSocket;

                public void Start(TcpClient client) { clientSocket = client; new System.Threading.Thread(DoChat).Start(); }

                private void DoChat()
                {
                    {{beforeLoop}}
                    while (true)
                    {
                        {{turn.Replace("READ", string.Format(read, "networkStream.Read(bytesFrom, 0, bytesFrom.Length)"))}}
                    }
                }
            }

            public static class Program
            {
                public static Action<string> Sink = Console.WriteLine;

                public static void Broadcast(string message) => Sink(message);
            }
            """;

        private static string Handler(string turn, bool reported) => Handler(turn, reported ? "[|{0}|]" : "{0}");

        private const string Receive = """
            NetworkStream networkStream = clientSocket.GetStream();
            byte[] bytesFrom = new byte[1024];
            int n = READ;
            string data = Encoding.ASCII.GetString(bytesFrom, 0, n);
            """;

        [Theory]
        [InlineData("data = data.Substring(0, data.IndexOf(\"$\"));")]
        [InlineData("data = data.Substring(0, data.IndexOf('$'));")]
        [InlineData("data = data.Remove(data.LastIndexOf(\"<EOF>\", StringComparison.Ordinal));")]
        [InlineData("data = data.Substring(0, 2);")]
        [InlineData("var number = int.Parse(data);")]
        public Task Way_out_after_a_throw_caught_by_a_catch_all_in_the_loop_is_none(string cut)
            => Verify.VerifyAnalyzerAsync(Handler($$"""
                try
                {
                    {{Receive}}
                    {{cut}}
                    Program.Broadcast(data);
                }
                catch (Exception ex)
                {
                    Console.WriteLine(ex.ToString());
                }
                """, reported: true));

        [Fact]
        public Task Bare_catch_takes_the_throw_too()
            => Verify.VerifyAnalyzerAsync(Handler($$"""
                try
                {
                    {{Receive}}
                    data = data.Substring(0, data.IndexOf("$"));
                    Program.Broadcast(data);
                }
                catch
                {
                }
                """, reported: true));

        /// <summary>The handler leaves the loop, or calls the project (which may replace the connection): the 0 path gets out.</summary>
        [Theory]
        [InlineData("catch (Exception) { break; }")]
        [InlineData("catch (Exception) { return; }")]
        [InlineData("catch (Exception ex) { Console.WriteLine(ex); throw; }")]
        [InlineData("catch (Exception ex) { Program.Broadcast(ex.Message); }")]
        public Task Handler_that_leaves_the_loop_is_quiet(string handler)
            => Verify.VerifyAnalyzerAsync(Handler($$"""
                try
                {
                    {{Receive}}
                    data = data.Substring(0, data.IndexOf("$"));
                    Console.WriteLine(data);
                }
                {{handler}}
                """, reported: false));

        /// <summary>
        /// A catch of one type may not take the exception, and a search that can find something in "" (a start index, a
        /// needle a culture-aware search ignores, another text) may not throw: the path goes on as if the call returned, and
        /// the later call of the project is a way out as before.
        /// </summary>
        [Theory]
        [InlineData("try { {0} data = data.Substring(0, data.IndexOf(\"$\")); Program.Broadcast(data); } catch (IOException) { }")]
        [InlineData("try { {0} data = data.Substring(0, data.IndexOf(\"$\")); Program.Broadcast(data); } catch (Exception) when (clientSocket.Connected) { }")]
        [InlineData("try { {0} data = data.Substring(0, data.IndexOf(\"\\0\")); Program.Broadcast(data); } catch (Exception) { }")]
        [InlineData("try { {0} data = data.Substring(0, data.IndexOf('$', 0)); Program.Broadcast(data); } catch (Exception) { }")]
        [InlineData("try { {0} var other = \"a$b\"; data = data.Substring(0, other.IndexOf(\"$\")); Program.Broadcast(data); } catch (Exception) { }")]
        [InlineData("try { {0} data = data.Substring(0, data.IndexOf(\"$\") + 1); Program.Broadcast(data); } catch (Exception) { }")]
        public Task Throw_that_may_not_happen_or_may_not_be_caught_leaves_the_later_way_out(string turn)
            => Verify.VerifyAnalyzerAsync(Handler(turn.Replace("{0}", Receive), reported: false));

        /// <summary>
        /// A broadcast that only prints (no delegate, nothing of the handler's class) cannot replace the connection: after a
        /// cut that may throw into the catch-all or may not, the loop reads 0 again either way.
        /// </summary>
        [Theory]
        [InlineData("try { {0} data = data.Substring(0, data.IndexOf(\"$\") + 1); Log.Broadcast(data); } catch (Exception) { }")]
        [InlineData("try { {0} var other = \"a$b\"; data = data.Substring(0, other.IndexOf(\"$\")); Log.Broadcast(data); } catch (Exception) { }")]
        [InlineData("try { {0} data = data.Substring(0, data.IndexOf(\"$\")); Console.WriteLine(data); } catch (Exception ex) { Log.Broadcast(ex.Message); }")]
        public Task Broadcast_that_only_prints_is_no_way_out(string turn)
            => Verify.VerifyAnalyzerAsync(Handler(turn.Replace("{0}", Receive), reported: true) + """

                public static class Log
                {
                    public static void Broadcast(string message) => Console.WriteLine(message);
                }
                """);

        /// <summary>
        /// The chat server as its repository wrote it (fresh14 miss 1): a new array each turn, the count dropped, the whole
        /// array decoded. At end of stream the text is NULs, which hold no '$': the cut throws into the catch-all. (SOCK010
        /// reports the dropped count as well.)
        /// </summary>
        [Theory]
        [InlineData("bytesFrom = new byte[clientSocket.ReceiveBufferSize]; READ; dataFromClient = Encoding.ASCII.GetString(bytesFrom);")]
        [InlineData("bytesFrom = new byte[4096]; READ; dataFromClient = Encoding.UTF8.GetString(bytesFrom, 0, bytesFrom.Length);")]
        public Task Cut_at_a_terminator_of_a_new_array_decoded_whole_throws_into_the_catch_all(string turn)
            => Verify.VerifyAnalyzerAsync(WholeDecodeHandler(turn, reported: true));

        /// <summary>
        /// An array made once before the loop keeps the last message (and its '$') on a 0 turn; a write of the array or the
        /// local between the read and the cut, or a use of the text before the cut, leaves the text unknown: the cut may not
        /// throw, and the broadcast after it is a way out as before.
        /// </summary>
        [Theory]
        [InlineData("READ; dataFromClient = {|SOCK012:Encoding.ASCII.GetString(bytesFrom)|};")]
        [InlineData("bytesFrom = new byte[1024]; READ; bytesFrom[0] = 36; dataFromClient = Encoding.ASCII.GetString(bytesFrom);")]
        [InlineData("bytesFrom = new byte[1024]; READ; dataFromClient = {|SOCK012:Encoding.ASCII.GetString(bytesFrom)|}; dataFromClient += \"$\";")]
        [InlineData("bytesFrom = new byte[1024]; bytesFrom[0] = 36; READ; dataFromClient = {|SOCK012:Encoding.ASCII.GetString(bytesFrom)|};")]
        public Task Cut_of_text_that_may_hold_the_terminator_leaves_the_later_way_out(string turn)
            => Verify.VerifyAnalyzerAsync(WholeDecodeHandler(turn, reported: false));

        /// <summary>The chat server as its repository wrote it: the array and the text declared before the loop; the count dropped.</summary>
        private static string WholeDecodeHandler(string turn, bool reported) => Handler(
            """
            try
            {
                NetworkStream networkStream = clientSocket.GetStream();
            """ + turn + """

                dataFromClient = dataFromClient.Substring(0, dataFromClient.IndexOf("$"));
                Program.Broadcast(dataFromClient);
            }
            catch (Exception ex)
            {
                Console.WriteLine(ex.ToString());
            }
            """,
            reported ? "{{|SOCK010:[|{0}|]|}}" : "{{|SOCK010:{0}|}}",
            "byte[] bytesFrom = new byte[10025]; string dataFromClient = null;");

        /// <summary>Out of the loop, the exception ends it.</summary>
        [Fact]
        public Task Catch_all_outside_the_loop_ends_it()
            => Verify.VerifyAnalyzerAsync($$"""
                using System;
                using System.Net.Sockets;
                using System.Text;

                class C
                {
                    void M(NetworkStream networkStream)
                    {
                        try
                        {
                            while (true)
                            {
                                byte[] bytesFrom = new byte[1024];
                                int n = networkStream.Read(bytesFrom, 0, bytesFrom.Length);
                                string data = Encoding.ASCII.GetString(bytesFrom, 0, n);
                                data = data.Substring(0, data.IndexOf("$"));
                                Console.WriteLine(data);
                            }
                        }
                        catch (Exception ex)
                        {
                            Console.WriteLine(ex);
                        }
                    }
                }
                """);
    }
}
