using System.Threading.Tasks;
using Xunit;
using static SocketAnalyzers.Tests.Reads.ReadTestCode;
using Verify = SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<SocketAnalyzers.Reads.SOCK010DiscardedReadCountAnalyzer, SocketAnalyzers.CodeFixes.Reads.SOCK010DiscardedReadCountCodeFixProvider>;

namespace SocketAnalyzers.Tests.Reads
{
    /// <summary>
    /// SOCK010 on an asynchronous read whose task nothing awaits: the message names the missing <c>await</c> (the code
    /// after it runs before the read has filled the buffer), and the fix awaits it where the function is async.
    /// </summary>
    public sealed class SOCK010UnawaitedReadTests
    {
        private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Unawaited(string read, int location = 0)
            => Verify.Diagnostic().WithLocation(location).WithArguments(
                read, read + " is not awaited: the code after it may use the buffer before the read has finished. ", "Await it and use the count", "bytes", "fewer than asked, or 0 when the peer closed");

        /// <summary>
        /// The await fix alone: once awaited, the read's count is still discarded (the plain SOCK010, marked <c>[|…|]</c>
        /// in the fixed code), and its own fixes (capture, read exactly) are a second step this test does not take.
        /// </summary>
        private static Task VerifyAwaitFixAsync(string source, string fixedSource, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected)
        {
            var test = Verify.Test(source, fixedSource);
            test.ExpectedDiagnostics.AddRange(expected);
            test.CodeActionEquivalenceKey = SocketAnalyzers.CodeFixes.Reads.SOCK010DiscardedReadCountCodeFixProvider.AwaitKey;
            return test.RunAsync();
        }

        [Theory]
        [InlineData("{|#0:stream.ReadAsync(buffer, 0, buffer.Length)|};", "Stream.ReadAsync")]
        [InlineData("_ = {|#0:stream.ReadAsync(buffer, 0, buffer.Length, token)|};", "NetworkStream.ReadAsync")]
        [InlineData("{|#0:stream.ReadAsync(buffer.AsMemory(), token)|};", "NetworkStream.ReadAsync")]
        [InlineData("{|#0:socket.ReceiveAsync(buffer.AsMemory(), SocketFlags.None)|};", "Socket.ReceiveAsync")]
        [InlineData("{|#0:ssl.ReadAsync(buffer, 0, buffer.Length)|}.ConfigureAwait(false);", "Stream.ReadAsync")]
        public Task A_read_task_nobody_awaits_is_reported_as_not_awaited(string read, string name)
            => Verify.VerifyAnalyzerAsync(
                Method(read + "\nConsole.WriteLine(Encoding.ASCII.GetString(buffer, 0, 4));"),
                Unawaited(name));

        [Fact]
        public Task A_read_task_nobody_awaits_in_an_async_method_is_reported_as_not_awaited()
            => Verify.VerifyAnalyzerAsync(
                Method("""
                    {|#0:stream.ReadAsync(buffer, 0, buffer.Length)|};
                    Process(buffer, 4);
                    await Task.Yield();
                    """, "Task", "async"),
                Unawaited("Stream.ReadAsync"));

        [Fact]
        public Task An_awaited_read_whose_count_is_discarded_keeps_the_count_message()
            => Verify.VerifyAnalyzerAsync(
                Method("""
                    await {|#0:stream.ReadAsync(buffer, 0, buffer.Length)|};
                    Process(buffer, 4);
                    """, "Task", "async"),
                Verify.Diagnostic().WithLocation(0).WithArguments("Stream.ReadAsync", "", "Use the count, or read exactly", "bytes", "fewer than asked, or 0 when the peer closed"));

        [Fact]
        public void The_message_of_a_read_nobody_awaits_names_the_missing_await_and_reads_as_sentences()
        {
            var format = SocketAnalyzers.Descriptors.SOCK010DiscardedReadCount.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture);

            Assert.Equal(
                "Stream.ReadAsync is not awaited: the code after it may use the buffer before the read has finished. The number of bytes Stream.ReadAsync placed in the buffer is discarded; it may be fewer than asked, or 0 when the peer closed. Await it and use the count.",
                string.Format(System.Globalization.CultureInfo.InvariantCulture, format, SocketAnalyzers.Reads.SOCK010DiscardedReadCountAnalyzer.MessageArguments("Stream.ReadAsync", unawaited: true)));
            Assert.Equal(
                "The number of bytes Socket.Receive placed in the buffer is discarded; it may be fewer than asked, or 0 when the peer closed. Use the count, or read exactly.",
                string.Format(System.Globalization.CultureInfo.InvariantCulture, format, SocketAnalyzers.Reads.SOCK010DiscardedReadCountAnalyzer.MessageArguments("Socket.Receive", unawaited: false)));
        }

        [Theory]
        [InlineData("var pending = stream.ReadAsync(buffer, 0, buffer.Length);\nint n = await pending;\nProcess(buffer, n);")]
        [InlineData("Task<int> pending = socket.ReceiveAsync(buffer, SocketFlags.None);\nProcess(buffer, await pending);")]
        public Task A_read_task_kept_and_awaited_later_is_not_reported(string body)
            => Verify.VerifyAnalyzerAsync(Method(body, "Task", "async"));

        // ---- the fix

        [Fact]
        public Task Fix_awaits_the_read_in_an_async_method()
            => VerifyAwaitFixAsync(
                Method("""
                    {|#0:stream.ReadAsync(buffer, 0, buffer.Length)|}.ConfigureAwait(false);
                    Process(buffer, 4);
                    """, "Task", "async"),
                Method("""
                    await [|stream.ReadAsync(buffer, 0, buffer.Length)|].ConfigureAwait(false);
                    Process(buffer, 4);
                    """, "Task", "async"),
                Unawaited("Stream.ReadAsync"));

        [Fact]
        public Task Fix_awaits_the_read_in_an_async_lambda()
            => VerifyAwaitFixAsync(
                Method("""
                    Func<Task> receive = async () =>
                    {
                        _ = {|#0:socket.ReceiveAsync(buffer.AsMemory(), SocketFlags.None)|};
                        Process(buffer, 4);
                    };
                    """),
                Method("""
                    Func<Task> receive = async () =>
                    {
                        _ = await [|socket.ReceiveAsync(buffer.AsMemory(), SocketFlags.None)|];
                        Process(buffer, 4);
                    };
                    """),
                Unawaited("Socket.ReceiveAsync"));

        [Fact]
        public Task Fix_all_awaits_every_read_in_the_document()
            => VerifyAwaitFixAsync(
                Method("""
                    {|#0:stream.ReadAsync(buffer, 0, 4)|};
                    Process(buffer, 4);
                    {|#1:stream.ReadAsync(buffer, 4, 4)|};
                    Process(buffer, 8);
                    """, "Task", "async"),
                Method("""
                    await [|stream.ReadAsync(buffer, 0, 4)|];
                    Process(buffer, 4);
                    await [|stream.ReadAsync(buffer, 4, 4)|];
                    Process(buffer, 8);
                    """, "Task", "async"),
                Unawaited("Stream.ReadAsync"), Unawaited("Stream.ReadAsync", 1));

        [Fact]
        public Task No_fix_inside_a_lock_where_await_is_an_error()
        {
            var source = Method("""
                lock (buffer)
                {
                    [|stream.ReadAsync(buffer, 0, buffer.Length)|];
                    Process(buffer, 4);
                }

                await Task.Yield();
                """, "Task", "async");
            return Verify.VerifyCodeFixAsync(source, source);
        }

        [Fact]
        public Task No_fix_where_the_function_is_not_async()
        {
            var source = Method("""
                [|stream.ReadAsync(buffer, 0, buffer.Length)|];
                Process(buffer, 4);
                """);
            return Verify.VerifyCodeFixAsync(source, source);
        }
    }
}
