using System.Threading.Tasks;
using Xunit;
using static SocketAnalyzers.Tests.Reads.ReadTestCode;
using Verify = SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<SocketAnalyzers.Reads.SOCK011ReadLoopIgnoresEndOfStreamAnalyzer, SocketAnalyzers.CodeFixes.Reads.SOCK011ReadLoopIgnoresEndOfStreamCodeFixProvider>;

namespace SocketAnalyzers.Tests.Reads
{
    /// <summary>
    /// SOCK011 when every turn answers on the same connection with text that is never empty (fresh14 FALSE 3, a lab server
    /// that replies <c>"Hello Client " + counter</c>): once the peer has closed, that write draws a reset and a later one
    /// throws, so the loop ends, although the reply changes on every turn. A reply made only of what the 0 path left (the
    /// empty text, a copy of the received bytes) may be empty and is no way out.
    /// </summary>
    public sealed class SOCK011NeverEmptyReplyTests
    {
        [Theory]
        [InlineData("""
            string hello = "Hello Client " + counter.ToString();
            byte[] reply = Encoding.ASCII.GetBytes(hello);
            socket.Send(reply, 0, reply.Length, SocketFlags.None);
            """)]
        [InlineData("""socket.Send(Encoding.UTF8.GetBytes($"turn {counter}: {text}"));""")]
        [InlineData("""socket.Send(Encoding.ASCII.GetBytes(text + counter));""")]
        [InlineData("""socket.Send(Encoding.ASCII.GetBytes(counter.ToString()));""")]
        public Task Loop_that_answers_with_never_empty_text_each_turn_ends_by_its_write(string reply)
            => Verify.VerifyAnalyzerAsync(Method($$"""
                int counter = 0;
                while (true)
                {
                    counter += 1;
                    var chunk = new byte[1024];
                    int n = socket.Receive(chunk);
                    string text = Encoding.ASCII.GetString(chunk, 0, n);
                    {{reply}}
                }
                """));

        [Theory]
        [InlineData("""socket.Send(Encoding.ASCII.GetBytes(text));""")]
        [InlineData("""socket.Send(Encoding.ASCII.GetBytes(text.ToUpper() + string.Empty));""")]
        [InlineData("""socket.Send(chunk, 0, n, SocketFlags.None);""")]
        public Task Loop_whose_reply_may_be_empty_is_reported(string reply)
            => Verify.VerifyAnalyzerAsync(Method($$"""
                int counter = 0;
                while (true)
                {
                    counter += 1;
                    var chunk = new byte[1024];
                    int n = {|SOCK011:socket.Receive(chunk)|};
                    string text = Encoding.ASCII.GetString(chunk, 0, n);
                    {{reply}}
                }
                """));

        /// <summary>
        /// A reply computed by a method of the class from the text received (fresh19 FALSE 2, a chat bot's
        /// <c>message = AI(message)</c>): when every <c>return</c> of the method is a never-empty text, the reply is never
        /// empty whatever the 0 path gave it, and its write ends the loop. A method that may return what it was given, or
        /// the empty text, that may be overridden, or that hands the text on to other code of the project, is no such reply.
        /// </summary>
        private static string Bot(string answer, bool reported) => Usings + $$"""
            class Bot
            {
                public void Serve(NetworkStream stream)
                {
                    byte[] data = new byte[256];
                    while (true)
                    {
                        var builder = new StringBuilder();
                        int bytes;
                        do
                        {
                            bytes = {{(reported ? "[|stream.Read(data, 0, data.Length)|]" : "stream.Read(data, 0, data.Length)")}};
                            builder.Append(Encoding.Unicode.GetString(data, 0, bytes));
                        }
                        while (stream.DataAvailable);

                        string message = builder.ToString();
                        message = Answer(message);
                        byte[] reply = Encoding.Unicode.GetBytes(message);
                        stream.Write(reply, 0, reply.Length);
                    }
                }

                {{answer}}

                private static string Same(string m) => m;

                private static string Menu() => "Commands: " + "help, time";
            }
            """;

        [Theory]
        [InlineData("""
            private static string Answer(string m)
            {
                if (m.Contains("help"))
                    return "Commands: time, help";
                if (m.Contains("time"))
                    return "It is " + DateTime.Now;
                return "I do not understand";
            }
            """)]
        [InlineData("private static string Answer(string m) => m == \"ping\" ? \"pong\" : \"unknown command\";")]
        [InlineData("private static string Answer(string m) { return Menu(); }")]
        public Task Loop_that_answers_with_a_method_returning_only_never_empty_texts_ends_by_its_write(string answer)
            => Verify.VerifyAnalyzerAsync(Bot(answer, reported: false));

        [Theory]
        [InlineData("private static string Answer(string m) { if (m.Contains(\"help\")) return \"Commands\"; return m; }")]
        [InlineData("private static string Answer(string m) => m.ToUpper();")]
        [InlineData("private static string Answer(string m) { if (m.Length == 0) return \"\"; return \"ok\"; }")]
        [InlineData("protected virtual string Answer(string m) => \"ok\";")]
        [InlineData("private static string Answer(string m) { return Same(m); }")]
        [InlineData("private static string Answer(string m) { Func<string> f = () => { return m; }; return m.Length > 3 ? \"long\" : f(); }")]
        public Task Loop_whose_answer_method_may_return_the_empty_text_is_reported(string answer)
            => Verify.VerifyAnalyzerAsync(Bot(answer, reported: true));

        /// <summary>
        /// Given the empty text, the answer method's tests of it (<c>Contains</c>, <c>StartsWith</c>, <c>==</c> of a non-empty
        /// constant, through a local copy, joined with <c>||</c>) are false, so only the answers after them count (the real
        /// shape of fresh19 FALSE 2: each command's branch returns what another helper gives, and the last line answers "I do
        /// not understand"). A branch the empty text can take, and an answer it may give back, keep the loop reported.
        /// </summary>
        [Theory]
        [InlineData("""
            private static string Answer(string m)
            {
                string message = m;
                if (message.Contains("help") || message.Contains("Help"))
                {
                    message = Same(m);
                    return message;
                }

                if (message.StartsWith("echo ") || message == "repeat")
                {
                    return message;
                }

                return message = "I do not understand";
            }
            """)]
        [InlineData("""
            private static string Answer(string m)
            {
                if (m.Trim().Length > 0 && m.EndsWith('?'))
                    return Same(m);
                return Menu();
            }
            """)]
        [InlineData("""
            private static string Answer(string m)
            {
                switch (m.Trim())
                {
                    case "help":
                        return Menu();
                    case "time":
                        return "It is " + DateTime.Now;
                    default:
                        return "I do not understand";
                }
            }
            """)]
        [InlineData("private static string Answer(string m) => m switch { \"help\" => Menu(), \"ping\" => \"pong\", _ => \"I do not understand\" };")]
        public Task Loop_whose_answer_method_answers_the_empty_text_with_text_ends_by_its_write(string answer)
            => Verify.VerifyAnalyzerAsync(Bot(answer, reported: false));

        [Theory]
        [InlineData("private static string Answer(string m) { if (!m.Contains(\"help\")) return m; return \"Commands\"; }")]
        [InlineData("private static string Answer(string m) { if (m == \"\") return \"\"; return \"ok\"; }")]
        [InlineData("private static string Answer(string m) { if (string.IsNullOrEmpty(m)) return Same(m); return \"ok\"; }")]
        [InlineData("private static string Answer(string m) { var reply = m.Trim(); if (reply.Contains(\"x\")) reply = \"x!\"; return reply; }")]
        [InlineData("private static string Answer(string m) { foreach (var c in m) { if (c == 'q') return \"bye\"; } return m; }")]
        [InlineData("private static string Answer(string m) { switch (m) { case \"help\": return Menu(); default: return m; } }")]
        [InlineData("private static string Answer(string m) { switch (m) { case \"help\": return Menu(); } return m; }")]
        [InlineData("private static string Answer(string m) => m switch { \"help\" => Menu(), _ => m };")]
        public Task Loop_whose_answer_method_may_answer_the_empty_text_with_nothing_is_reported(string answer)
            => Verify.VerifyAnalyzerAsync(Bot(answer, reported: true));
    }
}
