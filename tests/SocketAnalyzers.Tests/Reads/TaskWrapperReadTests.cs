using System.Threading.Tasks;
using SocketAnalyzers.CodeFixes.Reads;
using Xunit;
using static SocketAnalyzers.Tests.Reads.ReadTestCode;
using Verify = SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<SocketAnalyzers.Reads.SOCK010DiscardedReadCountAnalyzer, SocketAnalyzers.CodeFixes.Reads.SOCK010DiscardedReadCountCodeFixProvider>;
using Verify011 = SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<SocketAnalyzers.Reads.SOCK011ReadLoopIgnoresEndOfStreamAnalyzer, SocketAnalyzers.CodeFixes.Reads.SOCK011ReadLoopIgnoresEndOfStreamCodeFixProvider>;

namespace SocketAnalyzers.Tests.Reads
{
    /// <summary>
    /// An asynchronous read awaited through a wrapper that gives its own result or throws: <c>Task&lt;int&gt;.WaitAsync(…)</c>
    /// (a timeout or a token around the same read), or a project helper whose every <c>return</c> is <c>return await
    /// task;</c> of the task it is given (fresh41 M1: a receipt printer's status query through a timeout helper). The
    /// awaited value is the read's count: dropped, it is SOCK010; kept and tested, it is not. Reading exactly is offered
    /// through <c>WaitAsync</c> (<c>ReadExactlyAsync</c>'s <c>ValueTask</c> made a task with <c>AsTask()</c>), not through
    /// a project helper given a <c>Task&lt;int&gt;</c>, which it does not fit; capturing the count is offered through both.
    /// </summary>
    public sealed class TaskWrapperReadTests
    {
        private const string Helpers = """

            static class Runner
            {
                public static async Task<T> RunTask<T>(Task<T> task, int timeout)
                {
                    var delay = Task.Delay(timeout);
                    if (await Task.WhenAny(task, delay).ConfigureAwait(false) == delay)
                    {
                        throw new TimeoutException();
                    }

                    return await task.ConfigureAwait(false);
                }

                public static async Task<T> OrDefault<T>(Task<T> task, int timeout)
                {
                    if (await Task.WhenAny(task, Task.Delay(timeout)) != task)
                    {
                        return default!;
                    }

                    return await task;
                }

                public static async Task<T> Other<T>(Task<T> task, Task<T> other)
                {
                    await Task.WhenAll(task, other);
                    return await other;
                }
            }
            """;

        private static string Async(string body) => Method(body, "Task<bool>", "async") + Helpers;

        [Theory]
        [InlineData("await [|stream.ReadAsync(buffer, 0, 1)|].WaitAsync(TimeSpan.FromSeconds(3));")]
        [InlineData("await [|stream.ReadAsync(buffer, 0, 1)|].WaitAsync(token).ConfigureAwait(false);")]
        [InlineData("await Runner.RunTask([|stream.ReadAsync(buffer, 0, 1)|], 3000);")]
        [InlineData("_ = await Runner.RunTask([|stream.ReadAsync(buffer, 0, 1, token)|], 3000).ConfigureAwait(false);")]
        [InlineData("await [|stream.ReadAsync(buffer.AsMemory(0, 1))|].AsTask().WaitAsync(token);")]
        [InlineData("await [|socket.ReceiveAsync(buffer.AsMemory(0, 1), SocketFlags.None, token)|].AsTask();")]
        public Task Count_dropped_through_a_wrapper_that_gives_the_read_s_result_is_reported(string read)
            => Verify.VerifyAnalyzerAsync(Async(read + "\nreturn (buffer[0] & 0x08) == 0;"));

        [Theory]
        // Kept and tested.
        [InlineData("var n = await stream.ReadAsync(buffer, 0, 1).WaitAsync(TimeSpan.FromSeconds(3));\nif (n == 0) return false;")]
        [InlineData("var n = await Runner.RunTask(stream.ReadAsync(buffer, 0, 1), 3000);\nif (n == 0) return false;")]
        [InlineData("var n = await stream.ReadAsync(buffer.AsMemory(0, 1)).AsTask().WaitAsync(token);\nif (n == 0) return false;")]
        // A helper that may return something else (default on a timeout, another task's result) is not the read's count.
        [InlineData("await Runner.OrDefault(stream.ReadAsync(buffer, 0, 1), 3000);")]
        [InlineData("await Runner.Other(stream.ReadAsync(buffer, 0, 1), Task.FromResult(1));")]
        public Task Count_kept_or_helper_that_may_give_another_value_is_quiet(string read)
            => Verify.VerifyAnalyzerAsync(Async(read + "\nreturn (buffer[0] & 0x08) == 0;"));

        [Theory]
        [InlineData(
            "await [|stream.ReadAsync(buffer, 0, 4)|].WaitAsync(TimeSpan.FromSeconds(3));",
            "await stream.ReadExactlyAsync(buffer, 0, 4).AsTask().WaitAsync(TimeSpan.FromSeconds(3));")]
        [InlineData(
            "await [|stream.ReadAsync(buffer, 0, 4, token)|].WaitAsync(TimeSpan.FromSeconds(3)).ConfigureAwait(false);",
            "await stream.ReadExactlyAsync(buffer, 0, 4, token).AsTask().WaitAsync(TimeSpan.FromSeconds(3)).ConfigureAwait(false);")]
        public Task Read_exactly_through_WaitAsync_makes_the_exact_read_a_task(string read, string exact)
        {
            const string decode = "\nreturn System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(buffer) > 0;";
            const string staleDecode = "\nreturn {|SOCK012:System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(buffer)|} > 0;";
            var test = Verify.Test(Async(read + staleDecode), Async(exact + decode));
            test.CodeActionEquivalenceKey = SOCK010DiscardedReadCountCodeFixProvider.ReadExactlyKey;
            return test.RunAsync();
        }

        /// <summary>A value task made a task (<c>AsTask()</c>) before <c>WaitAsync</c>: the exact read's <c>ValueTask</c> takes the same <c>AsTask()</c>.</summary>
        [Fact]
        public Task Read_exactly_through_AsTask_keeps_the_one_AsTask()
        {
            const string read = "_ = await [|stream.ReadAsync(buffer.AsMemory(0, 1))|].AsTask().WaitAsync(token);";
            const string exact = "await stream.ReadExactlyAsync(buffer.AsMemory(0, 1)).AsTask().WaitAsync(token);";
            const string decode = "\nreturn (buffer[0] & 0x08) == 0;";
            var test = Verify.Test(Async(read + decode), Async(exact + decode));
            test.CodeActionEquivalenceKey = SOCK010DiscardedReadCountCodeFixProvider.ReadExactlyKey;
            return test.RunAsync();
        }

        [Fact]
        public Task Fix_all_reads_exactly_every_read_through_WaitAsync()
        {
            var source = Async("""
                await [|stream.ReadAsync(buffer, 0, 4)|].WaitAsync(token);
                int length = {|SOCK012:System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(buffer)|};
                await [|stream.ReadAsync(buffer, 0, length)|].WaitAsync(TimeSpan.FromSeconds(3));
                return buffer[0] == 1;
                """);
            var exact = Async("""
                await stream.ReadExactlyAsync(buffer, 0, 4).AsTask().WaitAsync(token);
                int length = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(buffer);
                await stream.ReadExactlyAsync(buffer, 0, length).AsTask().WaitAsync(TimeSpan.FromSeconds(3));
                return buffer[0] == 1;
                """);
            var test = Verify.Test(source, exact);
            test.CodeActionEquivalenceKey = SOCK010DiscardedReadCountCodeFixProvider.ReadExactlyKey;
            return test.RunAsync();
        }

        [Theory]
        [InlineData("await Runner.RunTask([|stream.ReadAsync(buffer, 0, 1)|], 3000);")]
        [InlineData("await Runner.RunTask([|stream.ReadAsync(buffer, 0, 1)|].WaitAsync(token), 3000);")]
        public Task Read_exactly_is_not_offered_through_a_project_helper(string read)
        {
            var test = Verify.Test(Async(read + "\nreturn (buffer[0] & 0x08) == 0;"), Async(read + "\nreturn (buffer[0] & 0x08) == 0;"));
            test.CodeActionEquivalenceKey = SOCK010DiscardedReadCountCodeFixProvider.ReadExactlyKey;
            test.FixedState.MarkupHandling = Microsoft.CodeAnalysis.Testing.MarkupMode.Allow;
            return test.RunAsync();
        }

        [Theory]
        [InlineData(
            "await [|stream.ReadAsync(buffer, 0, 1)|].WaitAsync(TimeSpan.FromSeconds(3));",
            "var bytesRead = await stream.ReadAsync(buffer, 0, 1).WaitAsync(TimeSpan.FromSeconds(3));\nif (bytesRead == 0)\n{\n    throw new EndOfStreamException();\n}\n")]
        [InlineData(
            "await Runner.RunTask([|stream.ReadAsync(buffer, 0, 1)|], 3000);",
            "var bytesRead = await Runner.RunTask(stream.ReadAsync(buffer, 0, 1), 3000);\nif (bytesRead == 0)\n{\n    throw new EndOfStreamException();\n}\n")]
        public Task Capture_keeps_the_wrapper_and_throws_at_zero(string read, string captured)
        {
            var test = Verify.Test(Async(read + "\nreturn (buffer[0] & 0x08) == 0;"), Async(captured + "\nreturn (buffer[0] & 0x08) == 0;"));
            test.CodeActionEquivalenceKey = SOCK010DiscardedReadCountCodeFixProvider.CaptureCountKey;
            return test.RunAsync();
        }

        [Fact]
        public Task Loop_over_a_read_through_WaitAsync_that_never_stops_at_zero_is_SOCK011()
            => Verifiers.AnalyzerVerifier<SocketAnalyzers.Reads.SOCK011ReadLoopIgnoresEndOfStreamAnalyzer>.VerifyAnalyzerAsync(Method("""
                while (true)
                {
                    int n = await [|stream.ReadAsync(buffer, 0, buffer.Length)|].WaitAsync(token);
                    Process(buffer, n);
                }
                """, "Task", "async"));

        // ---- a read's task waited for with Task.Wait (fresh63 M1: a Go-Back-N sender's ack, if (!stream.ReadAsync(ack, 0, 4).Wait(2000, token)) return;) ----

        private static string Blocking(string body) => Method(body, "int");

        [Theory]
        [InlineData("[|stream.ReadAsync(buffer, 0, 4)|].Wait();")]
        [InlineData("if (![|stream.ReadAsync(buffer, 0, 4)|].Wait(2000, token)) return -1;")]
        [InlineData("if (![|stream.ReadAsync(buffer, 0, 4, token)|].Wait(TimeSpan.FromSeconds(2))) return -1;")]
        [InlineData("bool done = [|stream.ReadAsync(buffer, 0, 4)|].WaitAsync(token).Wait(2000); if (!done) return -1;")]
        public Task A_read_whose_task_is_waited_for_with_Wait_drops_its_count(string read)
            => Verify.VerifyAnalyzerAsync(Blocking(read + "\nreturn {|SOCK012:System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(buffer)|};"));

        [Fact]
        public Task A_waited_read_is_reported_as_dropping_its_count_not_as_unawaited()
            => Verify.VerifyAnalyzerAsync(
                Blocking("if (!{|#0:stream.ReadAsync(buffer, 0, 4)|}.Wait(2000)) return -1;\nreturn buffer[0];"),
                Verify.Diagnostic().WithLocation(0).WithMessage("The number of bytes Stream.ReadAsync placed in the buffer is discarded; it may be fewer than asked, or 0 when the peer closed. Use the count, or read exactly."));

        [Theory]
        // The task kept, its count read after the wait.
        [InlineData("var pending = stream.ReadAsync(buffer, 0, 4); if (!pending.Wait(2000)) return -1; if (pending.Result < 4) return -1;")]
        // Another task waited for, the read's count kept.
        [InlineData("int n = stream.Read(buffer, 0, 4); Task.Delay(10).Wait(); if (n < 4) return -1;")]
        public Task A_wait_that_does_not_drop_the_read_s_count_is_quiet(string read)
            => Verify.VerifyAnalyzerAsync(Blocking(read + "\nreturn buffer[0];"));

        [Fact]
        public Task A_read_waited_for_with_Wait_has_no_fix_alone_or_in_Fix_All()
        {
            var source = Blocking("""
                if (![|stream.ReadAsync(buffer, 0, 4)|].Wait(2000, token)) return -1;
                [|stream.ReadAsync(buffer, 0, 4)|].Wait();
                return buffer[0];
                """);
            return Verify.VerifyCodeFixAsync(source, source);
        }

        // ---- a read's task blocked on for its result: .Result, .GetAwaiter().GetResult() (sync over async, common in
        // course code: while ((n = stream.ReadAsync(buffer, 0, buffer.Length).Result) != 0)) ----

        [Theory]
        [InlineData("_ = [|stream.ReadAsync(buffer, 0, 4)|].Result;")]
        [InlineData("[|stream.ReadAsync(buffer, 0, 4)|].GetAwaiter().GetResult();")]
        [InlineData("_ = [|stream.ReadAsync(buffer, 0, 4, token)|].ConfigureAwait(false).GetAwaiter().GetResult();")]
        [InlineData("_ = [|ssl.ReadAsync(buffer.AsMemory(0, 4), token)|].Result;")]
        [InlineData("[|socket.ReceiveAsync(buffer.AsMemory(0, 4), SocketFlags.None)|].GetAwaiter().GetResult();")]
        public Task A_read_blocked_on_for_its_result_that_drops_it_is_reported(string read)
            => Verify.VerifyAnalyzerAsync(Blocking(read + "\nreturn buffer[0];"));

        [Fact]
        public Task A_blocked_read_is_reported_as_dropping_its_count_not_as_unawaited()
            => Verify.VerifyAnalyzerAsync(
                Blocking("_ = {|#0:stream.ReadAsync(buffer, 0, 4)|}.Result;\nreturn buffer[0];"),
                Verify.Diagnostic().WithLocation(0).WithMessage("The number of bytes Stream.ReadAsync placed in the buffer is discarded; it may be fewer than asked, or 0 when the peer closed. Use the count, or read exactly."));

        [Theory]
        [InlineData("int n = stream.ReadAsync(buffer, 0, 4).Result;")]
        [InlineData("var n = stream.ReadAsync(buffer, 0, 4).GetAwaiter().GetResult();")]
        [InlineData("int n = socket.ReceiveAsync(buffer.AsMemory(0, 4), SocketFlags.None).AsTask().Result;")]
        public Task A_count_kept_from_a_blocked_read_is_followed_like_any_count(string read)
            => Verify.VerifyAnalyzerAsync(Blocking(read + "\nif (n == 0) return -1;\nreturn {|SOCK012:System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(buffer)|};"));

        [Theory]
        [InlineData("int n = stream.ReadAsync(buffer, 0, 4).Result;")]
        [InlineData("var n = stream.ReadAsync(buffer, 0, 4).GetAwaiter().GetResult();")]
        public Task A_count_kept_from_a_blocked_read_and_checked_is_quiet(string read)
            => Verify.VerifyAnalyzerAsync(Blocking(read + "\nif (n < 4) return -1;\nreturn System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(buffer);"));

        [Fact]
        public Task A_blocked_read_loop_that_never_stops_at_0_is_reported()
            => Verify.VerifyAnalyzerAsync(Method("""
                while (true)
                {
                    int n = {|SOCK011:stream.ReadAsync(buffer, 0, buffer.Length)|}.GetAwaiter().GetResult();
                    Process(buffer, n);
                }
                """));

        [Fact]
        public Task The_capture_fix_names_the_count_of_a_read_blocked_on_with_Result()
            => Verify.VerifyCodeFixAsync(
                Blocking("""
                    _ = [|stream.ReadAsync(buffer, 0, 4)|].Result;
                    return buffer[0];
                    """),
                Blocking("""
                    var bytesRead = stream.ReadAsync(buffer, 0, 4).Result;
                    if (bytesRead == 0)
                    {
                        throw new EndOfStreamException();
                    }

                    return buffer[0];
                    """));

        [Fact]
        public Task The_capture_fix_names_the_count_of_reads_blocked_on_in_Fix_All()
            => Verify.VerifyCodeFixAsync(
                Usings + """
                    class C
                    {
                        int First(NetworkStream stream, byte[] buffer)
                        {
                            _ = [|stream.ReadAsync(buffer, 0, 4)|].Result;
                            return buffer[0];
                        }

                        int Second(NetworkStream stream, byte[] buffer)
                        {
                            [|stream.ReadAsync(buffer, 0, 4)|].GetAwaiter().GetResult();
                            return buffer[0];
                        }
                    }
                    """,
                Usings + """
                    class C
                    {
                        int First(NetworkStream stream, byte[] buffer)
                        {
                            var bytesRead = stream.ReadAsync(buffer, 0, 4).Result;
                            if (bytesRead == 0)
                            {
                                throw new EndOfStreamException();
                            }

                            return buffer[0];
                        }

                        int Second(NetworkStream stream, byte[] buffer)
                        {
                            var bytesRead = stream.ReadAsync(buffer, 0, 4).GetAwaiter().GetResult();
                            if (bytesRead == 0)
                            {
                                throw new EndOfStreamException();
                            }

                            return buffer[0];
                        }
                    }
                    """);

        [Fact]
        public Task Read_exactly_is_not_offered_for_a_read_blocked_on()
        {
            var source = Blocking("""
                _ = [|stream.ReadAsync(buffer, 0, 4)|].Result;
                return buffer[0];
                """);
            var test = Verify.Test(source, source);
            test.CodeActionEquivalenceKey = SOCK010DiscardedReadCountCodeFixProvider.ReadExactlyKey;
            return test.RunAsync();
        }

        [Fact]
        public Task The_loop_fix_stops_a_blocked_read_loop_at_0()
            => Verify011.VerifyCodeFixAsync(
                Method("""
                    while (true)
                    {
                        int n = [|stream.ReadAsync(buffer, 0, buffer.Length)|].Result;
                        Process(buffer, n);
                    }
                    """),
                Method("""
                    while (true)
                    {
                        int n = stream.ReadAsync(buffer, 0, buffer.Length).Result;
                        if (n == 0)
                        {
                            break;
                        }

                        Process(buffer, n);
                    }
                    """));
    }
}
