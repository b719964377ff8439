using System.Threading.Tasks;
using SocketAnalyzers.Tests.ByteOrder;
using SocketAnalyzers.Tests.Reads;
using Xunit;
using Verify = SocketAnalyzers.Tests.Verifiers.AnalyzerVerifier<SocketAnalyzers.Lifecycle.SocketLifecycleAnalyzer>;

namespace SocketAnalyzers.Tests.Flow
{
    /// <summary>
    /// The flow kernel runs a finally region in two contexts: entered normally (by the branches that leave its try),
    /// its end goes on to where those branches were going; entered by an exception (with every state seen inside its
    /// try), its end goes nowhere, because the exception propagates. So a fact set inside a <c>try</c> or a
    /// <c>using</c> survives past it, for every family that runs on the kernel, while a path an exception takes into a
    /// <c>catch</c> still joins the code after it. Every analyzer runs in every test, so each marks its rule's ID.
    /// </summary>
    public sealed class FinallyContextTests
    {
        private const string Usings = "using System; using System.Collections.Generic; using System.IO; using System.Net; using System.Net.Sockets; using System.Threading.Tasks;\n";

        /// <summary>A method whose <c>s</c> is a socket it created and connected.</summary>
        private static string Connected(string statements) => Usings + $$"""
            class C
            {
                async Task M(IPEndPoint ep, byte[] buffer, bool flag, List<byte[]> items, object gate)
                {
                    var s = new Socket(SocketType.Stream, ProtocolType.Tcp);
                    s.Connect(ep);
                    {{statements}}
                }

                static void Work() { }
            }
            """;

        // ------------------------------------------------------------ lifecycle (SOCK001-006)

        [Theory]
        [InlineData("using (var ms = new MemoryStream()) { s.Close(); } {|SOCK005:s.Send(buffer)|};")]
        [InlineData("try { s.Close(); } finally { Console.WriteLine(); } {|SOCK005:s.Send(buffer)|};")]
        [InlineData("{ using var ms = new MemoryStream(); s.Shutdown(SocketShutdown.Send); } {|SOCK005:s.Send(buffer)|};")]
        [InlineData("await using (var ms = new MemoryStream()) { s.Close(); } {|SOCK005:s.Send(buffer)|};")]
        [InlineData("lock (gate) { s.Close(); } {|SOCK005:s.Send(buffer)|};")]
        [InlineData("try { try { s.Close(); } finally { Console.WriteLine(1); } } finally { Console.WriteLine(2); } {|SOCK005:s.Send(buffer)|};")]
        [InlineData("try { Work(); } finally { try { s.Close(); } finally { Console.WriteLine(); } } {|SOCK005:s.Send(buffer)|};")]
        [InlineData("try { s.Close(); Work(); } catch (IOException) { using (var ms = new MemoryStream()) { s.Dispose(); } } {|SOCK005:s.Send(buffer)|};")]
        [InlineData("for (var i = 0; i < 3; i++) { using (var ms = new MemoryStream()) { s.Close(); } {|SOCK005:s.Send(buffer)|}; }")]
        [InlineData("try { s = new Socket(SocketType.Stream, ProtocolType.Tcp); } finally { Console.WriteLine(); } {|SOCK004:s.Send(buffer)|};")]
        [InlineData("s.Close(); foreach (var item in items) { s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.Connect(ep); s.Send(item); s.Close(); } {|SOCK005:s.Send(buffer)|};")]
        [InlineData("using (var ms = new MemoryStream()) { s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.Bind(ep); s.Listen(); } {|SOCK003:s.Send(buffer)|};")]
        [InlineData("using (var ms = new MemoryStream()) { s = new Socket(SocketType.Stream, ProtocolType.Tcp); } {|SOCK001:s.Listen()|};")]
        [InlineData("using (var ms = new MemoryStream()) { s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.Bind(ep); } {|SOCK002:s.Accept()|};")]
        [InlineData("using (var ms = new MemoryStream()) { s = new Socket(SocketType.Dgram, ProtocolType.Udp); s.Bind(ep); } {|SOCK006:s.Listen()|};")]
        public Task A_lifecycle_state_set_inside_a_try_survives_its_finally(string statements)
            => Verify.VerifyAnalyzerAsync(Connected(statements));

        [Theory]
        [InlineData("try { } finally { s.Close(); } {|SOCK005:s.Send(buffer)|};")]
        [InlineData("try { if (flag) { return; } s.Send(buffer); } finally { s.Close(); } {|SOCK005:s.Send(buffer)|};")]
        [InlineData("try { Work(); } finally { s.Dispose(); } {|SOCK005:s.Send(buffer)|};")]
        public Task A_finally_that_closes_is_certain_after_it(string statements)
            => Verify.VerifyAnalyzerAsync(Connected(statements));

        [Theory]
        [InlineData("try { s.Close(); } catch { } s.Send(buffer);")]
        [InlineData("try { s.Close(); } catch (SocketException) { Console.WriteLine(); } finally { Console.WriteLine(); } s.Send(buffer);")]
        [InlineData("try { try { s.Close(); } finally { Console.WriteLine(); } } catch (IOException) { } s.Send(buffer);")]
        [InlineData("try { Work(); } finally { try { s.Close(); } catch { } } s.Send(buffer);")]
        [InlineData("using (var ms = new MemoryStream()) { s.Close(); s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.Connect(ep); } s.Send(buffer);")]
        [InlineData("try { if (flag) { s.Close(); return; } } finally { Console.WriteLine(); } s.Send(buffer);")]
        [InlineData("try { s.Shutdown(SocketShutdown.Both); } finally { s.Close(); }")]
        public Task A_path_an_exception_or_a_return_takes_does_not_make_the_code_after_certain(string statements)
            => Verify.VerifyAnalyzerAsync(Connected(statements));

        [Fact]
        public Task Inside_the_finally_the_exceptional_entry_keeps_every_state_of_the_try()
            => Verify.VerifyAnalyzerAsync(Connected("""
                var t = new Socket(SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    t.Connect(ep);
                }
                finally
                {
                    // Normal entry: connected. Exceptional entry: created or connected; neither is certainly wrong.
                    t.Shutdown(SocketShutdown.Both);
                }
                """));

        [Fact]
        public Task A_misuse_inside_a_finally_seen_in_both_contexts_is_reported_once()
            => Verify.VerifyAnalyzerAsync(Connected("""
                s.Close();
                try
                {
                    Work();
                }
                finally
                {
                    {|SOCK005:s.Send(buffer)|};
                }
                """));

        [Fact]
        public Task A_misuse_inside_a_finally_on_its_normal_entry_is_reported()
            => Verify.VerifyAnalyzerAsync(Connected("""
                try
                {
                    s.Close();
                }
                finally
                {
                    // Every run of this line after the try completed sends on a closed socket.
                    {|SOCK005:s.Send(buffer)|};
                }
                """));

        [Fact]
        public Task A_finally_four_levels_deep_has_its_own_exceptional_context()
            => Verify.VerifyAnalyzerAsync(Connected("""
                try { Work(); }
                finally
                {
                    try { Work(); }
                    finally
                    {
                        try { Work(); }
                        finally
                        {
                            try { s.Close(); }
                            finally { Console.WriteLine(); }
                        }
                    }
                }

                {|SOCK005:s.Send(buffer)|};
                """));

        [Fact]
        public Task A_finally_deeper_than_the_kernels_levels_joins_its_two_entries_and_stays_quiet()
            => Verify.VerifyAnalyzerAsync(Connected("""
                try { Work(); }
                finally
                {
                    try { Work(); }
                    finally
                    {
                        try { Work(); }
                        finally
                        {
                            try { Work(); }
                            finally
                            {
                                // The fifth level: its exceptional entry (socket open or closed) joins its normal one.
                                try { s.Close(); }
                                finally { Console.WriteLine(); }
                            }
                        }
                    }
                }

                s.Send(buffer);
                """));

        // ------------------------------------------------------------ continuations: a finally's normal end, per destination

        [Theory]
        [InlineData("using (var ms = new MemoryStream()) { if (flag) { return; } s.Close(); } {|SOCK005:s.Send(buffer)|};")]
        [InlineData("try { if (flag) { return; } s.Close(); } finally { Console.WriteLine(); } {|SOCK005:s.Send(buffer)|};")]
        [InlineData("lock (gate) { if (flag) { return; } s.Shutdown(SocketShutdown.Send); } {|SOCK005:s.Send(buffer)|};")]
        [InlineData("await using (var ms = new MemoryStream()) { if (flag) { return; } s.Close(); } {|SOCK005:s.Send(buffer)|};")]
        [InlineData("using (var ms = new MemoryStream()) { if (flag) { goto done; } s.Close(); } {|SOCK005:s.Send(buffer)|}; done: Work();")]
        [InlineData("using (var ms = new MemoryStream()) { switch (items.Count) { case 0: return; case 1: Work(); return; default: s.Close(); break; } } {|SOCK005:s.Send(buffer)|};")]
        public Task The_code_after_a_finally_gets_only_the_state_of_the_branches_that_go_there(string statements)
            => Verify.VerifyAnalyzerAsync(Connected(statements));

        [Theory]
        [InlineData("for (;;) { using (var ms = new MemoryStream()) { if (flag) { s.Close(); break; } } Work(); } {|SOCK005:s.Send(buffer)|};")]
        [InlineData("foreach (var item in items) { using (var ms = new MemoryStream()) { if (flag) { break; } s.Close(); } {|SOCK005:s.Send(item)|}; }")]
        [InlineData("for (var i = 0; i < 3; i += {|SOCK005:s.Send(buffer)|}) { using (var ms = new MemoryStream()) { if (flag) { s.Close(); continue; } } return; }")]
        [InlineData("do { using (var ms = new MemoryStream()) { if (flag) { s.Close(); continue; } } return; } while ({|SOCK005:s.Send(buffer)|} > 0);")]
        [InlineData("foreach (var item in items) { using (var ms = new MemoryStream()) { if (flag) { continue; } s.Close(); } {|SOCK005:s.Send(item)|}; }")]
        public Task A_break_or_a_continue_out_of_a_using_in_a_loop_goes_on_with_its_own_state(string statements)
            => Verify.VerifyAnalyzerAsync(Connected(statements));

        [Theory]
        [InlineData("try { using (var ms = new MemoryStream()) { if (flag) { return; } s.Close(); } } finally { Console.WriteLine(); } {|SOCK005:s.Send(buffer)|};")]
        [InlineData("using (var a = new MemoryStream()) { using (var b = new MemoryStream()) { if (flag) { return; } s.Close(); } } {|SOCK005:s.Send(buffer)|};")]
        [InlineData("try { try { if (flag) { return; } s.Close(); } finally { Work(); } Work(); } finally { Console.WriteLine(); } {|SOCK005:s.Send(buffer)|};")]
        [InlineData("try { using (var ms = new MemoryStream()) { if (flag) { s.Close(); return; } } s.Shutdown(SocketShutdown.Send); } finally { Work(); } {|SOCK005:s.Send(buffer)|};")]
        [InlineData("try { using (var ms = new MemoryStream()) { if (flag) { return; } } s.Close(); } finally { Work(); } {|SOCK005:s.Send(buffer)|};")]
        [InlineData("for (;;) { try { using (var ms = new MemoryStream()) { if (flag) { s.Close(); break; } } } finally { Work(); } } {|SOCK005:s.Send(buffer)|};")]
        public Task Nested_finally_regions_pass_each_branch_its_own_state_from_the_inner_end_to_the_outer_one(string statements)
            => Verify.VerifyAnalyzerAsync(Connected(statements));

        [Theory]
        [InlineData("for (;;) { using (var ms = new MemoryStream()) { if (flag) { s.Close(); break; } if (items.Count == 0) { break; } } } s.Send(buffer);")]
        [InlineData("using (var ms = new MemoryStream()) { if (flag) { s.Close(); goto done; } if (items.Count == 0) { goto done; } } return; done: s.Send(buffer);")]
        [InlineData("try { using (var ms = new MemoryStream()) { if (flag) { s.Close(); goto done; } } goto done; } finally { Work(); } done: s.Send(buffer);")]
        [InlineData("using (var ms = new MemoryStream()) { if (flag) { s.Close(); return; } } s.Send(buffer);")]
        [InlineData("foreach (var item in items) { using (var ms = new MemoryStream()) { if (flag) { s.Close(); continue; } } s.Send(item); }")]
        public Task Branches_that_go_to_the_same_place_still_join_and_stay_quiet(string statements)
            => Verify.VerifyAnalyzerAsync(Connected(statements));

        [Fact]
        public Task A_finally_keeps_its_first_four_continuations_apart()
            => Verify.VerifyAnalyzerAsync(Connected("""
                using (var ms = new MemoryStream())
                {
                    // Four destinations get a context each, in the order the branches are met (one, two, three, four);
                    // falling off the end, the fifth, is alone in the joined context: closed on every path.
                    if (items.Count == 1) { goto one; }
                    if (items.Count == 2) { goto two; }
                    if (items.Count == 3) { goto three; }
                    if (flag) { goto four; }
                    s.Close();
                }

                {|SOCK005:s.Send(buffer)|};
                return;
                one: s.Send(buffer); return;
                two: s.Send(buffer); return;
                three: s.Send(buffer); return;
                four: s.Send(buffer);
                """));

        [Fact]
        public Task A_finally_with_more_continuations_than_the_cap_joins_the_others_and_stays_quiet()
            => Verify.VerifyAnalyzerAsync(Connected("""
                using (var ms = new MemoryStream())
                {
                    // One, two, three and four get a context each; five and falling off the end share the joined
                    // context: open or closed there, so neither send is certain.
                    if (items.Count == 1) { goto one; }
                    if (items.Count == 2) { goto two; }
                    if (items.Count == 3) { goto three; }
                    if (items.Count == 4) { goto four; }
                    if (flag) { goto five; }
                    s.Close();
                }

                s.Send(buffer);
                return;
                one: Work(); return;
                two: Work(); return;
                three: Work(); return;
                four: Work(); return;
                five: s.Send(buffer);
                """));

        [Fact]
        public Task A_continuation_past_the_cap_still_gets_a_state_every_branch_to_it_shares()
            => Verify.VerifyAnalyzerAsync(Connected("""
                using (var ms = new MemoryStream())
                {
                    if (items.Count == 1) { s.Close(); goto one; }
                    if (items.Count == 2) { s.Close(); goto two; }
                    if (items.Count == 3) { s.Close(); goto three; }
                    if (items.Count == 4) { s.Close(); goto four; }
                    s.Close();
                }

                // The fifth destination: joined with no other, closed on every path.
                {|SOCK005:s.Send(buffer)|};
                return;
                one: {|SOCK005:s.Send(buffer)|}; return;
                two: {|SOCK005:s.Send(buffer)|}; return;
                three: {|SOCK005:s.Send(buffer)|}; return;
                four: {|SOCK005:s.Send(buffer)|};
                """));

        [Fact]
        public Task A_finally_inside_a_finally_joins_its_normal_entries_and_stays_quiet()
            => Verify.VerifyAnalyzerAsync(Connected("""
                try
                {
                    Work();
                }
                finally
                {
                    foreach (var item in items)
                    {
                        // This using's finally lies in a finally: its break (open) and its fall-through (closed) join.
                        using (var ms = new MemoryStream())
                        {
                            if (flag) { break; }
                            s.Close();
                        }

                        s.Send(item);
                    }
                }
                """));

        [Theory]
        [InlineData("try { using (var ms = new MemoryStream()) { if (flag) { return; } s.Close(); Work(); } } catch (IOException) { } s.Send(buffer);")]
        [InlineData("try { using (var ms = new MemoryStream()) { if (flag) { s.Close(); return; } Work(); } } catch (IOException) { s.Close(); } s.Send(buffer);")]
        [InlineData("try { try { if (flag) { return; } s.Close(); Work(); } finally { Console.WriteLine(); } } catch (IOException) { } s.Send(buffer);")]
        public Task An_exception_out_of_a_finally_split_by_continuation_still_joins_the_code_after_its_catch(string statements)
            => Verify.VerifyAnalyzerAsync(Connected(statements));

        [Fact]
        public Task Inside_the_finally_a_check_sees_every_normal_entry_joined()
            => Verify.VerifyAnalyzerAsync(Connected("""
                try
                {
                    if (flag)
                    {
                        s.Close();
                        return;
                    }
                }
                finally
                {
                    // Open when the try falls off its end, closed after the return: not certain on every path here.
                    s.Send(buffer);
                }
                """));

        [Fact]
        public Task A_misuse_inside_a_finally_that_every_continuation_breaks_is_reported_once()
            => Verify.VerifyAnalyzerAsync(Connected("""
                foreach (var item in items)
                {
                    try
                    {
                        s.Close();
                        if (flag) { return; }
                        if (item.Length == 0) { break; }
                        if (item.Length == 1) { continue; }
                    }
                    finally
                    {
                        {|SOCK005:s.Send(buffer)|};
                    }
                }
                """));

        // ------------------------------------------------------------ reads (SOCK010-012)

        [Fact]
        public Task A_count_overwritten_inside_a_try_is_lost_past_its_finally()
            => Verify.VerifyAnalyzerAsync(ReadTestCode.Method("""
                int n = {|SOCK010:socket.Receive(buffer)|};
                try
                {
                    n = socket.Receive(buffer);
                }
                finally
                {
                    Console.WriteLine();
                }

                Process(buffer, n);
                """));

        [Fact]
        public Task A_count_overwritten_inside_a_try_that_a_catch_may_skip_is_still_read()
            => Verify.VerifyAnalyzerAsync(ReadTestCode.Method("""
                int n = socket.Receive(buffer);
                try
                {
                    n = socket.Receive(buffer);
                }
                catch (IOException)
                {
                }

                Process(buffer, n);
                """));

        [Fact]
        public Task A_buffer_filled_inside_a_using_is_still_the_reads_past_it()
            => Verify.VerifyAnalyzerAsync(ReadTestCode.Method("""
                int n;
                using (var ms = new MemoryStream())
                {
                    n = socket.Receive(buffer);
                }

                if (n == 0)
                {
                    return;
                }

                var text = {|SOCK012:Encoding.UTF8.GetString(buffer)|};
                """));

        [Fact]
        public Task A_buffer_filled_inside_a_try_that_a_catch_may_skip_is_not_the_reads()
            => Verify.VerifyAnalyzerAsync(ReadTestCode.Method("""
                int n = 1;
                try
                {
                    n = socket.Receive(buffer);
                }
                catch (SocketException)
                {
                }

                if (n == 0)
                {
                    return;
                }

                var text = Encoding.UTF8.GetString(buffer);
                """));

        [Fact]
        public Task A_whole_buffer_consumed_inside_a_finally_seen_in_both_contexts_is_reported_once()
            => Verify.VerifyAnalyzerAsync(ReadTestCode.Method("""
                int n = socket.Receive(buffer);
                if (n == 0)
                {
                    return;
                }

                try
                {
                    Console.WriteLine();
                }
                finally
                {
                    var text = {|SOCK012:Encoding.UTF8.GetString(buffer)|};
                }
                """));

        [Fact]
        public Task A_read_loop_with_a_using_in_its_body_that_never_stops_at_zero_is_reported()
            => Verify.VerifyAnalyzerAsync(ReadTestCode.Method("""
                while (true)
                {
                    int n;
                    using (var ms = new MemoryStream())
                    {
                        n = {|SOCK011:socket.Receive(buffer)|};
                    }

                    Process(buffer, n);
                }
                """));

        [Fact]
        public Task A_read_loop_that_stops_at_zero_inside_a_using_is_quiet()
            => Verify.VerifyAnalyzerAsync(ReadTestCode.Method("""
                while (true)
                {
                    using (var ms = new MemoryStream())
                    {
                        int n = socket.Receive(buffer);
                        if (n == 0)
                        {
                            break;
                        }

                        ms.Write(buffer, 0, n);
                    }
                }
                """));

        [Fact]
        public Task A_read_loop_in_a_finally_only_an_exception_enters_stops_when_it_leaves_the_finally()
            => Verify.VerifyAnalyzerAsync(ReadTestCode.Method("""
                try
                {
                    while (true)
                    {
                        Process(buffer, 0);
                    }
                }
                finally
                {
                    while (true)
                    {
                        int n = socket.Receive(buffer);
                        if (n == 0 && Handle(buffer, n))
                        {
                            break;
                        }

                        Process(buffer, n);
                    }
                }
                """));

        [Fact]
        public Task A_read_in_a_finally_inside_a_loop_that_never_stops_at_zero_is_reported_though_an_exception_may_leave_the_loop()
            => Verify.VerifyAnalyzerAsync(ReadTestCode.Method("""
                while (true)
                {
                    try
                    {
                        Process(buffer, 0);
                    }
                    finally
                    {
                        int n = {|SOCK011:socket.Receive(buffer)|};
                        Process(buffer, n);
                    }
                }
                """));

        [Fact]
        public Task A_buffer_filled_on_the_path_that_falls_out_of_a_using_is_the_reads_though_a_return_left_it_unfilled()
            => Verify.VerifyAnalyzerAsync(ReadTestCode.Method("""
                int n = 0;
                using (var ms = new MemoryStream())
                {
                    if (token.IsCancellationRequested)
                    {
                        return;
                    }

                    n = socket.Receive(buffer);
                }

                if (n == 0)
                {
                    return;
                }

                var text = {|SOCK012:Encoding.UTF8.GetString(buffer)|};
                """));

        [Fact]
        public Task A_buffer_filled_before_a_using_and_replaced_on_the_path_out_of_it_is_not_the_reads()
            => Verify.VerifyAnalyzerAsync(ReadTestCode.Method("""
                int n = socket.Receive(buffer);
                using (var ms = new MemoryStream())
                {
                    if (n == 0)
                    {
                        return;
                    }

                    buffer = new byte[16];
                }

                var text = Encoding.UTF8.GetString(buffer);
                """));

        [Fact]
        public Task A_read_loop_whose_only_break_out_of_a_using_is_taken_before_any_zero_is_reported()
            => Verify.VerifyAnalyzerAsync(ReadTestCode.Method("""
                while (true)
                {
                    int n;
                    using (var ms = new MemoryStream())
                    {
                        if (buffer.Length == 0)
                        {
                            break;
                        }

                        n = {|SOCK011:socket.Receive(buffer)|};
                    }

                    Process(buffer, n);
                }

                Console.WriteLine();
                """));

        [Fact]
        public Task A_read_loop_that_breaks_out_of_a_using_at_zero_is_quiet()
            => Verify.VerifyAnalyzerAsync(ReadTestCode.Method("""
                while (true)
                {
                    int n;
                    using (var ms = new MemoryStream())
                    {
                        n = socket.Receive(buffer);
                        if (n == 0)
                        {
                            break;
                        }
                    }

                    Process(buffer, n);
                }

                Console.WriteLine();
                """));

        // ------------------------------------------------------------ byte order (SOCK020-022)

        [Fact]
        public Task Host_order_bytes_written_inside_a_using_reach_the_send_after_it()
            => Verify.VerifyAnalyzerAsync(SOCK020HostOrderWriteTests.InMethod("""
                var b = new byte[4];
                using (var ms = new MemoryStream())
                {
                    {|SOCK020:BitConverter.TryWriteBytes(b, length)|};
                }

                socket.Send(b);
                """));

        [Fact]
        public Task Host_order_bytes_overwritten_big_endian_inside_a_using_do_not_reach_the_send_after_it()
            => Verify.VerifyAnalyzerAsync(SOCK020HostOrderWriteTests.InMethod("""
                var b = BitConverter.GetBytes(length);
                using (var ms = new MemoryStream())
                {
                    BinaryPrimitives.WriteInt32BigEndian(b, length);
                }

                socket.Send(b);
                """));

        [Fact]
        public Task Host_order_bytes_overwritten_inside_a_try_a_catch_may_skip_still_reach_the_send()
            => Verify.VerifyAnalyzerAsync(SOCK020HostOrderWriteTests.InMethod("""
                var b = {|SOCK020:BitConverter.GetBytes(length)|};
                try
                {
                    BinaryPrimitives.WriteInt32BigEndian(b, length);
                }
                catch (ArgumentException)
                {
                }

                socket.Send(b);
                """));

        [Fact]
        public Task Host_order_bytes_a_return_takes_out_of_a_using_do_not_reach_the_send_after_it()
            => Verify.VerifyAnalyzerAsync(SOCK020HostOrderWriteTests.InMethod("""
                var b = BitConverter.GetBytes(length);
                using (var ms = new MemoryStream())
                {
                    if (length == 0)
                    {
                        return;
                    }

                    BinaryPrimitives.WriteInt32BigEndian(b, length);
                }

                socket.Send(b);
                """));

        [Fact]
        public Task Host_order_bytes_on_the_path_that_falls_out_of_a_using_reach_the_send_after_it()
            => Verify.VerifyAnalyzerAsync(SOCK020HostOrderWriteTests.InMethod("""
                var b = new byte[4];
                using (var ms = new MemoryStream())
                {
                    if (length == 0)
                    {
                        BinaryPrimitives.WriteInt32BigEndian(b, length);
                        return;
                    }

                    {|SOCK020:BitConverter.TryWriteBytes(b, length)|};
                }

                socket.Send(b);
                """));

        private static string InReader(string body) => SOCK020HostOrderWriteTests.Usings + $$"""
            class C
            {
                long M(Socket socket, NetworkStream network, int length)
                {
                    long result = 0;
                    var buffer = new byte[16];
                    {{body}}
                    return result;
                }
            }
            """;

        [Fact]
        public Task Received_bytes_read_inside_a_using_are_decoded_after_it()
            => Verify.VerifyAnalyzerAsync(InReader("""
                using (var ms = new MemoryStream())
                {
                    network.ReadExactly(buffer);
                }

                result = {|SOCK021:BitConverter.ToInt32(buffer, 0)|};
                """));

        [Fact]
        public Task Received_bytes_replaced_inside_a_try_are_not_decoded_after_its_finally()
            => Verify.VerifyAnalyzerAsync(InReader("""
                network.ReadExactly(buffer);
                try
                {
                    buffer = new byte[16];
                }
                finally
                {
                    Console.WriteLine();
                }

                result = BitConverter.ToInt32(buffer, 0);
                """));

        private static string InConnect(string body) => SOCK020HostOrderWriteTests.Usings + $$"""
            class C
            {
                void M(TcpClient tcp, int port, bool flag)
                {
                    {{body}}
                }
            }
            """;

        [Fact]
        public Task A_port_converted_inside_a_using_reaches_the_connect_after_it()
            => Verify.VerifyAnalyzerAsync(InConnect("""
                short p = 80;
                using (var ms = new MemoryStream())
                {
                    p = {|SOCK022:IPAddress.HostToNetworkOrder((short)port)|};
                }

                tcp.Connect(IPAddress.Loopback, p);
                """));

        [Fact]
        public Task A_converted_port_replaced_inside_a_try_does_not_reach_the_connect_after_its_finally()
            => Verify.VerifyAnalyzerAsync(InConnect("""
                var p = IPAddress.HostToNetworkOrder((short)port);
                try
                {
                    p = (short)port;
                }
                finally
                {
                    Console.WriteLine();
                }

                tcp.Connect(IPAddress.Loopback, p);
                """));

        // ------------------------------------------------------------ addressing and framing (SOCK030, SOCK032, SOCK040)

        private static string Addressing(string statements) => Usings + $$"""
            using System.Text.Json;

            public sealed class Order { public int Id { get; set; } }

            class C
            {
                async Task<object?> M(NetworkStream network, byte[] data)
                {
                    var buffer = new byte[4096];
                    var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                    var ep = new IPEndPoint(IPAddress.Loopback, 80);
                    {{statements}}
                    return null;
                }
            }
            """;

        [Theory]
        [InlineData("using (var ms = new MemoryStream()) { ep = new IPEndPoint(IPAddress.IPv6Loopback, 80); } {|SOCK030:s.Connect(ep)|};")]
        [InlineData("try { ep = new IPEndPoint(IPAddress.Any, 80); } finally { Console.WriteLine(); } {|SOCK032:s.Connect(ep)|};")]
        [InlineData("int n; using (var ms = new MemoryStream()) { n = network.Read(buffer, 0, buffer.Length); } return {|SOCK040:JsonSerializer.Deserialize<Order>(buffer.AsSpan(0, n))|};")]
        [InlineData("ep = new IPEndPoint(IPAddress.IPv6Loopback, 80); try { Console.WriteLine(); } finally { {|SOCK030:s.Connect(ep)|}; }")]
        public Task An_address_or_a_read_set_inside_a_try_survives_its_finally(string statements)
            => Verify.VerifyAnalyzerAsync(Addressing(statements));

        [Theory]
        [InlineData("using (var ms = new MemoryStream()) { if (data.Length == 0) { return null; } ep = new IPEndPoint(IPAddress.IPv6Loopback, 80); } {|SOCK030:s.Connect(ep)|};")]
        [InlineData("try { if (data.Length == 0) { return null; } ep = new IPEndPoint(IPAddress.Any, 80); } finally { Console.WriteLine(); } {|SOCK032:s.Connect(ep)|};")]
        public Task An_address_set_on_the_path_that_falls_out_of_a_finally_reaches_the_connect_after_it(string statements)
            => Verify.VerifyAnalyzerAsync(Addressing(statements));

        [Theory]
        [InlineData("try { ep = new IPEndPoint(IPAddress.IPv6Loopback, 80); } catch (ArgumentException) { } s.Connect(ep);")]
        [InlineData("try { ep = new IPEndPoint(IPAddress.Any, 80); } catch (ArgumentException) { } s.Connect(ep);")]
        [InlineData("int n = 0; try { n = network.Read(buffer, 0, buffer.Length); } catch (IOException) { buffer = new byte[8]; } return JsonSerializer.Deserialize<Order>(buffer.AsSpan(0, n));")]
        public Task An_address_or_a_read_a_catch_may_skip_stays_silent(string statements)
            => Verify.VerifyAnalyzerAsync(Addressing(statements));
    }
}
