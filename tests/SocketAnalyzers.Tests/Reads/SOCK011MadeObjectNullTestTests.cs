using System.Threading.Tasks;
using Xunit;
using static SocketAnalyzers.Tests.Reads.ReadTestCode;
using Verify = SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<SocketAnalyzers.Reads.SOCK011ReadLoopIgnoresEndOfStreamAnalyzer, SocketAnalyzers.CodeFixes.Reads.SOCK011ReadLoopIgnoresEndOfStreamCodeFixProvider>;

namespace SocketAnalyzers.Tests.Reads
{
    /// <summary>
    /// SOCK011 with a loop whose only way out is a null test of a local that holds a new object (audit86, a course's
    /// contacts client: <c>var r = new Reply(buf, n); if (r == null) break;</c>). A new object is never null, so the test
    /// never leaves the loop, and at end of stream it spins. A local that may hold something else (a call's result, a
    /// second assignment, a lambda's write) stays a possible way out.
    /// </summary>
    public sealed class SOCK011MadeObjectNullTestTests
    {
        private static string Loop(string body) => Usings + $$"""
            class Reply
            {
                public string Text;

                public Reply(byte[] data, int count) => Text = Encoding.UTF8.GetString(data, 0, count);

                public static Reply Parse(byte[] data, int count) => count == 0 ? null : new Reply(data, count);
            }

            class Link
            {
                private readonly Socket _sock;
                private readonly byte[] _buf = new byte[4096];

                public Link(Socket s) => _sock = s;

                public void Loop()
                {
            {{Indent(body, 8)}}
                }
            }
            """;

        [Theory]
        [InlineData("""
            while (true)
            {
                int n = [|_sock.Receive(_buf, 0, _buf.Length, SocketFlags.None)|];
                Reply r = new Reply(_buf, n);
                if (r == null) break;
                Console.WriteLine(r.Text);
            }
            """)]
        [InlineData("""
            while (true)
            {
                int n = [|_sock.Receive(_buf)|];
                var r = new { Text = Encoding.UTF8.GetString(_buf, 0, n) };
                if (r is null) return;
                Console.WriteLine(r.Text);
            }
            """)]
        [InlineData("""
            while (true)
            {
                int n = [|_sock.Receive(_buf)|];
                var copy = new byte[n];
                if (copy != null) Console.WriteLine(copy.Length); else break;
            }
            """)]
        public Task Null_test_of_a_new_object_is_no_way_out_of_a_read_loop(string body)
            => Verify.VerifyAnalyzerAsync(Loop(body));

        [Fact]
        public Task Fix_leaves_the_loop_at_a_zero_count_before_the_object_is_made()
            => Verify.VerifyCodeFixAsync(
                Loop("""
                    while (true)
                    {
                        int n = [|_sock.Receive(_buf)|];
                        Reply r = new Reply(_buf, n);
                        if (r == null) break;
                        Console.WriteLine(r.Text);
                    }
                    """),
                Loop("""
                    while (true)
                    {
                        int n = _sock.Receive(_buf);
                        if (n == 0)
                        {
                            break;
                        }

                        Reply r = new Reply(_buf, n);
                        if (r == null) break;
                        Console.WriteLine(r.Text);
                    }
                    """));

        [Theory]
        [InlineData("""
            while (true)
            {
                int n = _sock.Receive(_buf);
                var r = Reply.Parse(_buf, n);
                if (r == null) break;
                Console.WriteLine(r.Text);
            }
            """)]
        [InlineData("""
            Reply r = null;
            while (true)
            {
                int n = _sock.Receive(_buf);
                if (n > 0) r = new Reply(_buf, n); else r = null;
                if (r == null) break;
                Console.WriteLine(r.Text);
            }
            """)]
        [InlineData("""
            while (true)
            {
                int n = _sock.Receive(_buf);
                var r = new Reply(_buf, n);
                Action clear = () => r = null;
                if (n == 0) clear();
                if (r == null) break;
                Console.WriteLine(r.Text);
            }
            """)]
        public Task Null_test_of_a_local_that_may_hold_null_stays_a_way_out(string body)
            => Verify.VerifyAnalyzerAsync(Loop(body));
    }
}
