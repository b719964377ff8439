using System.Threading.Tasks;
using Xunit;
using static SocketAnalyzers.Tests.Reads.ReadTestCode;
using Fix = SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<SocketAnalyzers.Reads.SOCK011ReadLoopIgnoresEndOfStreamAnalyzer, SocketAnalyzers.CodeFixes.Reads.SOCK011ReadLoopIgnoresEndOfStreamCodeFixProvider>;
using Verify = SocketAnalyzers.Tests.Verifiers.AnalyzerVerifier<SocketAnalyzers.Reads.SOCK011ReadLoopIgnoresEndOfStreamAnalyzer>;

namespace SocketAnalyzers.Tests.Reads
{
    /// <summary>
    /// SOCK011 and a loop that stops only when its token is cancelled (<c>while (!token.IsCancellationRequested)</c>, the
    /// shape of a hosted service's or a transport's receive loop; fresh48's KNX transport, fresh50's mirror connection).
    /// The peer's close cancels no token: once reads return 0 such a loop spins until somebody cancels it, unless the 0 path
    /// itself may: a <c>Cancel()</c>, or a call of the project or a delegate, which may call one.
    /// </summary>
    public sealed class SOCK011CancellationTokenLoopTests
    {
        /// <summary>A driver whose loop stops only when its token source is cancelled, and hands each turn's text to <c>Handle</c>.</summary>
        private static string Driver(string read, string helper) => Usings + $$"""
            class Driver
            {
                private readonly CancellationTokenSource cts = new CancellationTokenSource();

                public async Task RunAsync(NetworkStream stream, byte[] buffer)
                {
                    while (!cts.IsCancellationRequested)
                    {
                        int n = await {{read}};
                        Handle(Encoding.ASCII.GetString(buffer, 0, n));
                    }
                }

                {{helper}}
            }
            """;

        [Fact]
        public Task Loop_that_stops_only_when_its_token_is_cancelled_spins_until_then()
            => Verify.VerifyAnalyzerAsync(
                Method("""
                    while (!token.IsCancellationRequested)
                    {
                        int n = await {|#0:stream.ReadAsync(buffer, 0, buffer.Length, token)|};
                        Console.Write(Encoding.UTF8.GetString(buffer, 0, n));
                    }
                    """, "Task", "async"),
                Verify.Diagnostic("SOCK011").WithLocation(0).WithMessage(
                    "When the peer closes, NetworkStream.ReadAsync returns 0 and this loop spins until its cancellation token is cancelled; leave the loop when the count is 0"));

        [Theory]
        // A token source's own test, in a field.
        [InlineData("private readonly CancellationTokenSource cts = new CancellationTokenSource();", "while (!cts.IsCancellationRequested)")]
        [InlineData("private readonly CancellationTokenSource cts = new CancellationTokenSource();", "while (!cts.Token.IsCancellationRequested)")]
        // With a test of the connection, which a graceful close leaves true.
        [InlineData("private readonly CancellationTokenSource cts = new CancellationTokenSource();", "while (client.Connected && !cts.IsCancellationRequested)")]
        public Task Loop_over_a_token_source_spins_until_it_is_cancelled(string field, string loop)
            => Verify.VerifyAnalyzerAsync(Usings + $$"""
                class Receiver
                {
                    {{field}}

                    public void Run(TcpClient client, byte[] buffer)
                    {
                        var stream = client.GetStream();
                        {{loop}}
                        {
                            int n = {|SOCK011:stream.Read(buffer, 0, buffer.Length)|};
                            Console.Write(Encoding.ASCII.GetString(buffer, 0, n));
                        }
                    }
                }
                """);

        [Theory]
        [InlineData("while (true) { int n = {|SOCK011:socket.Receive(buffer)|}; Console.WriteLine(n); if (token.IsCancellationRequested) break; }")]
        [InlineData("var reader = new StreamReader(stream); do { var line = {|SOCK011:reader.ReadLine()|}; Console.WriteLine(line); } while (!token.IsCancellationRequested);")]
        [InlineData("var reader = new StreamReader(stream); while (!token.IsCancellationRequested) { var line = {|SOCK011:reader.ReadLine()|}; Console.WriteLine(line); }")]
        // A helper of the file that cannot cancel (Process does nothing) on the 0 path: still a spin.
        [InlineData("while (!token.IsCancellationRequested) { int n = {|SOCK011:socket.Receive(buffer)|}; Process(buffer, n); }")]
        public Task Other_loops_ended_only_by_a_token_spin_too(string body)
            => Verify.VerifyAnalyzerAsync(Method(body));

        /// <summary>fresh50's mirror connection: a poll under the token, which a graceful close leaves going.</summary>
        [Fact]
        public Task Poll_under_a_token_polls_until_it_is_cancelled()
            => Verify.VerifyAnalyzerAsync(
                Method("""
                    var header = new byte[4];
                    while (!token.IsCancellationRequested && client.Connected)
                    {
                        while (stream.DataAvailable)
                        {
                            await {|#0:stream.ReadExactlyAsync(header, token)|};
                            Console.WriteLine(header[0]);
                        }
                    }
                    """, "Task", "async"),
                Verify.Diagnostic("SOCK011").WithLocation(0).WithMessage(
                    "When the peer closes, no more data comes, and this loop, which calls Stream.ReadExactlyAsync only when data waits, polls until its cancellation token is cancelled; leave the loop when the peer has closed: read without polling, and stop when the count is 0"));

        [Fact]
        public Task Token_loop_gets_the_usual_fix_in_one_pass_over_every_read()
            => Fix.VerifyCodeFixAsync(
                Method("""
                    while (!token.IsCancellationRequested)
                    {
                        int n = {|SOCK011:socket.Receive(buffer)|};
                        Console.Write(Encoding.UTF8.GetString(buffer, 0, n));
                    }

                    while (!token.IsCancellationRequested)
                    {
                        int m = {|SOCK011:stream.Read(buffer, 0, buffer.Length)|};
                        Console.Write(Encoding.UTF8.GetString(buffer, 0, m));
                    }
                    """),
                Method("""
                    while (!token.IsCancellationRequested)
                    {
                        int n = socket.Receive(buffer);
                        if (n == 0)
                        {
                            break;
                        }

                        Console.Write(Encoding.UTF8.GetString(buffer, 0, n));
                    }

                    while (!token.IsCancellationRequested)
                    {
                        int m = stream.Read(buffer, 0, buffer.Length);
                        if (m == 0)
                        {
                            break;
                        }

                        Console.Write(Encoding.UTF8.GetString(buffer, 0, m));
                    }
                    """));

        [Theory]
        // The 0 path cancels the token itself, or calls code of the project or a delegate, which may.
        [InlineData("var cts = CancellationTokenSource.CreateLinkedTokenSource(token); while (!cts.IsCancellationRequested) { int n = socket.Receive(buffer); if (n == 0) cts.Cancel(); Console.WriteLine(n); }")]
        [InlineData("var cts = new CancellationTokenSource(); while (!cts.Token.IsCancellationRequested) { int n = socket.Receive(buffer); if (n == 0) cts.CancelAfter(0); Console.WriteLine(n); }")]
        [InlineData("Action closed = () => { }; while (!token.IsCancellationRequested) { int n = socket.Receive(buffer); if (n == 0) closed(); Console.WriteLine(n); }")]
        // The loop stops at 0 as well.
        [InlineData("while (!token.IsCancellationRequested) { int n = socket.Receive(buffer); if (n == 0) break; Console.WriteLine(n); }")]
        [InlineData("int n; while (!token.IsCancellationRequested && (n = socket.Receive(buffer)) > 0) { Console.WriteLine(n); }")]
        // Another condition that may change: unknown, quiet.
        [InlineData("var start = DateTime.UtcNow; while (!token.IsCancellationRequested && DateTime.UtcNow - start < TimeSpan.FromSeconds(5)) { int n = socket.Receive(buffer); Console.WriteLine(n); }")]
        public Task Token_loop_whose_zero_path_may_cancel_or_leave_is_quiet(string body)
            => Verify.VerifyAnalyzerAsync(Method(body));

        /// <summary>
        /// Two home-automation drivers (the token audit of 2026-12-05): the 0 path hands the empty text to a helper of the file
        /// that cannot cancel the token (it parses, prints, returns on empty input), so the loop spins.
        /// </summary>
        [Theory]
        [InlineData("private static void Handle(string text) { if (text.Length == 0) return; Console.WriteLine(text.Trim()); }")]
        [InlineData("private void Handle(string text) { count++; Log(text); } private int count; private static void Log(string text) => Console.WriteLine(text);")]
        public Task Token_loop_whose_zero_path_calls_a_helper_that_cannot_cancel_spins(string helper)
            => Verify.VerifyAnalyzerAsync(Driver("{|SOCK011:stream.ReadAsync(buffer, 0, buffer.Length, cts.Token)|}", helper));

        [Theory]
        // The helper cancels, directly or through another method of the file.
        [InlineData("private void Handle(string text) { if (text.Length == 0) Stop(); } private void Stop() => cts.Cancel();")]
        // It may: an event, a virtual method, a close, a throw, a framework call handed a delegate.
        [InlineData("public event Action<string> Received; private void Handle(string text) => Received?.Invoke(text);")]
        [InlineData("protected virtual void Handle(string text) { }")]
        [InlineData("private void Handle(string text) { if (text.Length == 0) client.Close(); } private readonly TcpClient client = new TcpClient();")]
        [InlineData("private void Handle(string text) { if (text.Length == 0) throw new IOException(\"closed\"); }")]
        [InlineData("private void Handle(string text) => System.Threading.Tasks.Task.Run(() => Console.WriteLine(text));")]
        public Task Token_loop_whose_zero_path_calls_a_helper_that_may_cancel_is_quiet(string helper)
            => Verify.VerifyAnalyzerAsync(Driver("stream.ReadAsync(buffer, 0, buffer.Length, cts.Token)", helper));

        [Fact]
        public Task Token_loop_whose_zero_path_calls_a_method_of_the_class_is_quiet()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class Connection
                {
                    private readonly CancellationTokenSource cts = new CancellationTokenSource();

                    public async Task RunAsync(NetworkStream stream, byte[] buffer)
                    {
                        while (!cts.IsCancellationRequested)
                        {
                            int n = await stream.ReadAsync(buffer, 0, buffer.Length);
                            if (n == 0)
                            {
                                OnClosed();
                            }

                            Console.WriteLine(n);
                        }
                    }

                    private void OnClosed() => cts.Cancel();
                }
                """);
    }
}
