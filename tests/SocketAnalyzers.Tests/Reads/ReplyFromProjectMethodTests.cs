using System.Threading.Tasks;
using Xunit;
using static SocketAnalyzers.Tests.Reads.ReadTestCode;
using Verify = SocketAnalyzers.Tests.Verifiers.AnalyzerVerifier<SocketAnalyzers.Reads.SOCK011ReadLoopIgnoresEndOfStreamAnalyzer>;

namespace SocketAnalyzers.Tests.Reads
{
    /// <summary>
    /// A loop that writes a reply to the same connection on every turn ends soon after the peer closes (the write draws a
    /// reset, the next one throws), unless the reply may be empty on the 0 path. A reply a method of the project computes
    /// from nothing the 0 path left (a static <c>Reply() =&gt; "ok"</c>, a pick from a table of answers) is not empty
    /// there: SOCK011 stays quiet, as for a constant or a framework call (the fresh9 audit's hlibko finding). A method that
    /// may reach what the 0 path left (given the decoded text or the connection, on an object holding the stream, on a
    /// connection kept in a field, after the 0 path assigned a field) may still give nothing: reported.
    /// </summary>
    public sealed class ReplyFromProjectMethodTests
    {
        private static string Server(string reply, string before = "") => Usings + $$"""
            class Answers
            {
                private readonly string[] answers = { "yes", "no" };
                private string learned = "";
                public string GetAnswer() => answers[new Random().Next(answers.Length)] + learned;
                public void Learn(string text) => learned = text;
            }

            class Handler
            {
                private readonly NetworkStream stream;
                public Handler(NetworkStream stream) { this.stream = stream; }
                public string Reply() => stream.DataAvailable ? "more" : "";
            }

            class Server
            {
                private static NetworkStream current;
                private string last = "";

                static string Reply() => "ok";
                static string greeting = "hi";
                static string Greeting() => greeting;
                static string Echo(string text) => text;
                static string Peek(NetworkStream s) => s.DataAvailable ? "more" : "";
                string Last() => last;
                static string Status() => current.DataAvailable ? "more" : "";

                void Serve(NetworkStream stream)
                {
                    {{before}}
                    var data = new byte[64];
                    while (true)
                    {
                        int n = [|stream.Read(data, 0, data.Length)|];
                        var text = Encoding.UTF8.GetString(data, 0, n);
                        Console.WriteLine(text);
                        {{reply}}
                        var bytes = Encoding.UTF8.GetBytes(message);
                        stream.Write(bytes, 0, bytes.Length);
                    }
                }
            }
            """;

        [Theory]
        [InlineData("var message = Reply();", "")]
        [InlineData("var message = new Answers().GetAnswer();", "")]
        [InlineData("var message = answers.GetAnswer();", "var answers = new Answers();")]
        [InlineData("var message = \"> \" + Reply();", "var reader = new StreamReader(stream);")]
        // A local object made anew on each turn after the read, by a constructor that cannot reach the 0 path either.
        [InlineData("var answers = new Answers(); var message = answers.GetAnswer();", "")]
        public Task Reply_from_a_project_method_that_cannot_reach_the_0_path_is_quiet(string reply, string before)
            => Verify.VerifyAnalyzerAsync(Server(reply, before).Replace("[|", string.Empty).Replace("|]", string.Empty));

        [Theory]
        [InlineData("var message = Echo(text);", "")]
        [InlineData("var message = Peek(stream);", "")]
        [InlineData("var handler = new Handler(stream); var message = handler.Reply();", "")]
        [InlineData("last = text; var message = Last();", "")]
        // The connection where a project method can find it: a field, or handed to the project before the loop.
        [InlineData("var message = Status();", "current = stream;")]
        // (A method whose every answer is never-empty text, such as Reply() => "ok", is a real reply whatever it reaches.)
        [InlineData("var message = Greeting();", "var handler = new Handler(stream);")]
        // The object made on each turn is then given what the 0 path decoded.
        [InlineData("var answers = new Answers(); answers.Learn(text); var message = answers.GetAnswer();", "")]
        public Task Reply_from_a_project_method_that_may_reach_the_0_path_is_reported(string reply, string before)
            => Verify.VerifyAnalyzerAsync(Server(reply, before));

        /// <summary>The hlibko shape: the connection is a field of the class (<c>client.GetStream()</c>), the reply a method of another class.</summary>
        private static string FieldServer(string reply, string before = "", string members = "") => Usings + $$"""
            class Answers
            {
                private readonly string[] answers = { "yes", "no" };
                public string GetAnswer() => answers[new Random().Next(answers.Length)];
                public string Ask(Func<bool> more) => more() ? "more" : "";
            }

            class Peer
            {
                public ClientObject Owner;
                public string Say() => Owner.client.GetStream().DataAvailable ? "more" : "";
            }

            static class Registry
            {
                public static ClientObject Last;
                public static void Add(ClientObject client) => Last = client;
            }

            class ClientObject
            {
                public TcpClient client;

                public ClientObject(TcpClient tcpClient)
                {
                    client = tcpClient;
                }

                static string Reply() => "ok";

                string Reply2() => client.Available > 0 ? "more" : "";

                string Greeting() => greeting;

                private string greeting = "hi";

            {{Indent(members, 4)}}

                public void Process()
                {
                    {{before}}
                    NetworkStream stream = client.GetStream();
                    var data = new byte[64];
                    while (true)
                    {
                        int n = [|stream.Read(data, 0, data.Length)|];
                        Console.WriteLine(Encoding.UTF8.GetString(data, 0, n));
                        {{reply}}
                        data = Encoding.UTF8.GetBytes(message);
                        stream.Write(data, 0, data.Length);
                    }
                }
            }
            """;

        [Theory]
        [InlineData("Answers answers = new Answers(); var message = answers.GetAnswer();")]
        [InlineData("var message = new Answers().GetAnswer();")]
        public Task Reply_of_another_class_with_the_connection_in_a_field_is_quiet(string reply)
            => Verify.VerifyAnalyzerAsync(FieldServer(reply).Replace("[|", string.Empty).Replace("|]", string.Empty));

        [Theory]
        // A method of the class itself can reach the field; so can a type that holds such an object, or any code once this
        // object is handed on. (Reply() => "ok" answers with text whatever it reaches: quiet, below.)
        [InlineData("var message = Greeting();", "")]
        [InlineData("var message = new Peer { Owner = this }.Say();", "")]
        [InlineData("var message = new Answers().GetAnswer();", "Registry.Add(this);")]
        [InlineData("var message = new Peer().Say();", "")]
        [InlineData("var message = new Answers().Ask(() => client.GetStream().DataAvailable);", "")]
        [InlineData("var message = new Answers().GetAnswer();", "Func<string> reply = Reply2;")]
        public Task Reply_that_may_reach_the_connection_field_is_reported(string reply, string before)
            => Verify.VerifyAnalyzerAsync(FieldServer(reply, before));

        /// <summary>A method of the class whose every answer is never-empty text gives a real reply, whatever it can reach.</summary>
        [Fact]
        public Task Reply_of_the_class_that_always_answers_with_text_is_quiet()
            => Verify.VerifyAnalyzerAsync(FieldServer("var message = Reply();").Replace("[|", string.Empty).Replace("|]", string.Empty));
    }
}
