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
    }
}
