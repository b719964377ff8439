using System.Threading.Tasks;
using Xunit;
using static SocketAnalyzers.Tests.Reads.ReadTestCode;
using Verify = SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<SocketAnalyzers.Reads.SOCK011ReadLoopIgnoresEndOfStreamAnalyzer, SocketAnalyzers.CodeFixes.Reads.SOCK011ReadLoopIgnoresEndOfStreamCodeFixProvider>;

namespace SocketAnalyzers.Tests.Reads
{
    /// <summary>
    /// SOCK011 when the loop's condition is a property of the class whose getter is one expression (fresh14 miss 2, a TCP
    /// relay: <c>while (Connected)</c> with <c>bool Connected =&gt; _client.Connected &amp;&amp; _server.Connected;</c> over
    /// readonly fields): it is decided as if written inline, and <c>Connected</c> stays true after a graceful close. A
    /// getter that calls code, reads a field that may change, or can be overridden stays unknown.
    /// </summary>
    public sealed class SOCK011ConditionPropertyTests
    {
        /// <summary>A relay whose loop runs while <c>Connected</c>, given by <paramref name="property"/>; the read is marked when it should be reported.</summary>
        private static string Relay(string property, bool reported = false) => Usings + $$"""
            class Relay
            {
                private readonly TcpClient client;
                private readonly TcpClient server;
                private bool running = true;

                public Relay(TcpClient client, TcpClient server)
                {
                    this.client = client;
                    this.server = server;
                }

                {{property}}

                private bool Check() => running;

                public async Task RunAsync()
                {
                    var from = client.GetStream();
                    var to = server.GetStream();
                    var buffer = new byte[4096];
                    while (Connected)
                    {
                        var count = await {{(reported ? "[|from.ReadAsync(buffer, 0, buffer.Length)|]" : "from.ReadAsync(buffer, 0, buffer.Length)")}};
                        await to.WriteAsync(buffer, 0, count);
                    }
                }
            }
            """;

        [Theory]
        [InlineData("public bool Connected => client.Connected && server.Connected;")]
        [InlineData("public bool Connected { get { return client.Connected; } }")]
        [InlineData("private bool Connected { get => client.Connected && server.Connected; }")]
        public Task Loop_on_a_property_that_stays_true_after_a_close_is_reported(string property)
            => Verify.VerifyAnalyzerAsync(Relay(property, reported: true));

        [Theory]
        [InlineData("public bool Connected => running && client.Connected;")]
        [InlineData("public bool Connected => Check();")]
        [InlineData("public virtual bool Connected => client.Connected;")]
        [InlineData("public bool Connected { get { if (!running) return false; return client.Connected; } }")]
        public Task Loop_on_a_property_that_may_turn_false_is_quiet(string property)
            => Verify.VerifyAnalyzerAsync(Relay(property));
    }
}
