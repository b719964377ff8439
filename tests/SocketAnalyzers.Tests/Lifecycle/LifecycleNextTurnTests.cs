using System.Threading.Tasks;
using Xunit;
using static SocketAnalyzers.Tests.Lifecycle.LoopTestCode;
using Verify = SocketAnalyzers.Tests.Verifiers.AnalyzerVerifier<SocketAnalyzers.Lifecycle.SocketLifecycleAnalyzer>;
using VerifyStart = SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<SocketAnalyzers.Lifecycle.SocketLifecycleAnalyzer, SocketAnalyzers.CodeFixes.Lifecycle.SOCK002AcceptWithoutListenCodeFixProvider>;

namespace SocketAnalyzers.Tests.Lifecycle
{
    /// <summary>
    /// A loop that leaves a socket made before it in a state its next turn cannot use: <c>while (true) { s.Send(b);
    /// s.Close(); }</c> sends on a closed socket on every turn after the first. The first turn is fine, so the join of
    /// all paths at the loop's head hid it; the kernel keeps the later turns apart (<c>TracksLoopTurns</c>) and the
    /// lifecycle family reports what is certain on them. Certain means the loop certainly comes back to the call: no test
    /// that may leave the loop lies between the back edge and the call (a <c>while (cond)</c> or <c>foreach</c> may end
    /// after one turn, an <c>if (…) break</c> may leave), so those stay quiet; the condition of a counted loop that
    /// certainly runs a second turn (<c>for (int i = 0; i &lt; 3; i++)</c>, the counter written nowhere else) is no way out.
    /// </summary>
    public sealed class LifecycleNextTurnTests
    {
        [Theory]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.Connect(ep);", "while (true) { {|SOCK005:s.Send(buffer)|}; s.Close(); }")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.Connect(ep);", "for (;;) { {|SOCK005:s.Send(buffer)|}; s.Shutdown(SocketShutdown.Both); }")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.Connect(ep);", "while (true) { {|SOCK005:s.Send(buffer)|}; s.Dispose(); }")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp);", "while (true) { {|SOCK005:s.Connect(ep)|}; s.Send(buffer); s.Close(); }")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp);", "while (true) { try { {|SOCK005:s.Connect(ep)|}; break; } catch (SocketException) { s.Close(); } }")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp);", "while (true) { {|SOCK006:s.Connect(ep)|}; s.Send(buffer); }")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.Connect(ep);", "while (true) { try { {|SOCK005:s.Send(buffer)|}; } finally { s.Close(); } }")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.Connect(ep);", "while (true) { if (buffer.Length > 1) { Use(1); } else { Use(2); } {|SOCK005:s.Send(buffer)|}; s.Close(); }")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.Connect(ep);", "while ({|SOCK005:s.Receive(buffer)|} > 0) { Use(buffer[0]); s.Close(); }")]
        [InlineData("var c = new TcpClient(); c.Connect(ep); var ns = c.GetStream();", "while (true) { {|SOCK005:ns.Write(buffer, 0, 1)|}; ns.Close(); }")]
        [InlineData("var c = new TcpClient(); await c.ConnectAsync(ep.Address, ep.Port); var ns = c.GetStream();", "while (true) { await {|SOCK005:ns.WriteAsync(buffer, 0, 1)|}; c.Close(); }")]
        [InlineData("var c = new TcpClient(); c.Connect(ep);", "while (true) { using (c) { {|SOCK005:c.GetStream()|}.WriteByte(1); } }")]
        [InlineData("var l = new TcpListener(IPAddress.Loopback, 0); l.Start();", "while (true) { var c = {|SOCK002:l.AcceptTcpClient()|}; c.Close(); l.Stop(); }")]
        [InlineData("var c = new TcpClient(); c.Connect(ep); var w = new StreamWriter(c.GetStream());", "while (true) { {|SOCK005:w.WriteLine(\"ping\")|}; w.Close(); }")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.Connect(ep);", "while (true) { {|SOCK005:s.Send(buffer)|}; s.Close(); if (items.Count == 0) { continue; } Use(1); }")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.Connect(ep);", "for (int i = 0; i < 3; i++) { {|SOCK005:s.Send(buffer)|}; s.Close(); }")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.Connect(ep);", "for (int i = 0; i <= 1; ++i) { {|SOCK005:s.Send(buffer)|}; s.Close(); }")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.Connect(ep);", "for (int i = 3; i > 0; i--) { {|SOCK005:s.Send(buffer)|}; s.Close(); }")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.Connect(ep); const int Times = 5;", "for (int i = 0; i < Times; i += 1) { {|SOCK005:s.Send(buffer)|}; s.Close(); }")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp);", "for (int attempt = 0; attempt < 3; attempt++) { try { {|SOCK005:s.Connect(ep)|}; break; } catch (SocketException) { s.Close(); } }")]
        [InlineData("var c = new TcpClient(); c.Connect(ep); var w = new StreamWriter(c.GetStream());", "for (int i = 0; i < 10; i++) { {|SOCK005:w.WriteLine(i)|}; w.Close(); }")]
        [InlineData("var c = new TcpClient(); c.Connect(ep);", "while (true) { using (var w = new StreamWriter({|SOCK005:c.GetStream()|})) { w.WriteLine(\"ping\"); } }")]
        [InlineData("var c = new TcpClient(); c.Connect(ep);", "while (true) { using var w = new StreamWriter({|SOCK005:c.GetStream()|}); w.WriteLine(\"ping\"); }")]
        [InlineData("var c = new TcpClient(); c.Connect(ep);", "while (true) { var w = new StreamWriter({|SOCK005:c.GetStream()|}); w.WriteLine(\"ping\"); w.Close(); }")]
        [InlineData("var c = new TcpClient(); c.Connect(ep);", "while (true) { var ns = {|SOCK005:c.GetStream()|}; ns.WriteByte(1); ns.Close(); }")]
        public Task A_misuse_on_every_turn_after_the_first_is_reported(string setup, string loop)
            => Verify.VerifyAnalyzerAsync(Code(setup, loop));

        // An inner loop whose condition makes the use starts every turn of a while (true) around it: the graph has one head
        // for both loops, and the outer loop's next turn (the socket or reader closed after the inner loop) was joined
        // with the inner loop's turns (open) there (fresh16 audit: an IRC client that reads lines until null, closes its
        // reader, and goes round).
        [Theory]
        [InlineData("var c = new TcpClient(); c.Connect(ep); var r = new StreamReader(c.GetStream());", "while (true) { string line; while ((line = {|SOCK005:r.ReadLine()|}) != null) { Use(line.Length); } r.Close(); }")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.Connect(ep);", "while (true) { while ({|SOCK005:s.Receive(buffer)|} > 0) { Use(buffer[0]); } s.Close(); }")]
        [InlineData("var c = new TcpClient(); c.Connect(ep); var ns = c.GetStream();", "for (;;) { int n; while ((n = {|SOCK005:ns.Read(buffer, 0, buffer.Length)|}) > 0) { Use(n); } ns.Close(); }")]
        [InlineData("var c = new TcpClient(); c.Connect(ep); var r = new StreamReader(c.GetStream());", "while (true) { string line; while ((line = await {|SOCK005:r.ReadLineAsync()|}) != null) { Use(line.Length); } r.Dispose(); }")]
        // And the inner loop's own next turn, no longer joined with the outer turn's fresh socket.
        [InlineData("Socket s;", "while (true) { s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.Connect(ep); while ({|SOCK005:s.Receive(buffer)|} > 0) { Use(buffer[0]); s.Close(); } }")]
        public Task A_use_in_an_inner_loops_condition_after_the_outer_loop_closed_it_is_reported(string setup, string loop)
            => Verify.VerifyAnalyzerAsync(Code(setup, loop));

        // The same shapes where some way round leaves it usable, or the outer loop may end: quiet.
        [Theory]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.Connect(ep);", "while (true) { while (s.Receive(buffer) > 0) { Use(buffer[0]); } s.Close(); s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.Connect(ep); }")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.Connect(ep);", "while (true) { while (s.Receive(buffer) > 0) { Use(buffer[0]); } if (items.Count > 0) { s.Close(); } }")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.Connect(ep);", "while (items.Count > 0) { while (s.Receive(buffer) > 0) { Use(buffer[0]); } s.Close(); }")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.Connect(ep);", "while (true) { while (items.Count > 3) { s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.Connect(ep); } s.Send(buffer); s.Close(); }")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.Connect(ep);", "while (true) { while (s.Receive(buffer) > 0) { Use(buffer[0]); } s.Close(); break; }")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.Connect(ep);", "while (true) { foreach (var item in items) { s.Send(buffer); } s.Close(); if (items.Count == 0) { break; } }")]
        public Task A_nested_loop_whose_outer_turn_may_find_it_usable_stays_quiet(string setup, string loop)
            => Verify.VerifyAnalyzerAsync(Code(setup, loop));

        [Fact]
        public Task The_message_says_the_state_is_the_one_the_loop_leaves_for_its_next_turn()
            => Verify.VerifyAnalyzerAsync(
                Code("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.Connect(ep);", "while (true) { {|#0:s.Send(buffer)|}; s.Close(); }"),
                Verify.Diagnostic("SOCK005").WithLocation(0).WithArguments("s", "closed on the loop's next turn", "Send", "ObjectDisposedException"));

        [Fact]
        public Task A_socket_field_closed_by_the_loop_is_reported_on_the_next_turn()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class C
                {
                    private Socket socket;

                    void Pump(byte[] buffer)
                    {
                        while (true)
                        {
                            {|SOCK005:socket.Send(buffer)|};
                            socket.Close();
                        }
                    }
                }
                """);

        [Fact]
        public Task A_loop_inside_a_lambda_is_followed_like_one_in_a_method()
            => Verify.VerifyAnalyzerAsync(Code(
                "var c = new TcpClient(); c.Connect(ep);",
                "await Task.Run(() => { var ns = c.GetStream(); while (true) { {|SOCK005:ns.Write(buffer, 0, 1)|}; ns.Close(); } });"));

        [Theory]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.Connect(ep);", "while (items.Count > 0) { s.Send(buffer); s.Close(); }")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.Connect(ep);", "foreach (var item in items) { s.Send(buffer); s.Close(); }")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.Connect(ep);", "do { s.Send(buffer); s.Close(); } while (items.Count > 0);")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.Connect(ep);", "for (int i = 0; i < items.Count; i++) { s.Send(buffer); s.Close(); }")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.Connect(ep);", "for (int i = 0; i < 1; i++) { s.Send(buffer); s.Close(); }")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.Connect(ep);", "for (int i = 0; i <= 0; i++) { s.Send(buffer); s.Close(); }")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.Connect(ep);", "for (int i = 0; i < 3; i++) { s.Send(buffer); s.Close(); i = 5; }")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.Connect(ep);", "for (int i = 0; i < 3; i++) { s.Send(buffer); s.Close(); Bump(ref i); }")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.Connect(ep);", "for (int i = 0; i < 3; i++) { s.Send(buffer); s.Close(); Action a = () => i = 9; a(); }")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.Connect(ep);", "for (int i = 0; i < 3; i += 2) { s.Send(buffer); s.Close(); }")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.Connect(ep);", "for (int i = 3; i < 10; i--) { s.Send(buffer); s.Close(); }")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.Connect(ep);", "while (true) { if (items.Count == 0) { break; } s.Send(buffer); s.Close(); }")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.Connect(ep);", "while (true) { if (items.Count == 0) { return; } s.Send(buffer); s.Close(); }")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.Connect(ep);", "while (true) { int n = s.Receive(buffer); if (n == 0) { s.Close(); break; } Use(n); }")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.Connect(ep); bool running = true;", "while (running) { int n = s.Receive(buffer); if (n == 0) { s.Close(); running = false; } }")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.Connect(ep);", "while (true) { if (items.Count == 0) { s.Close(); } s.Send(buffer); }")]
        [InlineData("Socket s;", "while (true) { s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.Connect(ep); s.Send(buffer); s.Close(); }")]
        [InlineData("var l = new TcpListener(IPAddress.Loopback, 0); l.Start();", "while (true) { var c = l.AcceptTcpClient(); c.GetStream().WriteByte(1); c.Close(); }")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.Connect(ep);", "while (true) { while (items.Count > 0) { s.Close(); } s.Send(buffer); break; }")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.Connect(ep);", "while (true) { try { s.Send(buffer); return; } catch (SocketException) { s.Close(); s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.Connect(ep); } }")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp);", "while (true) { try { s.Connect(ep); break; } catch (SocketException) { } }")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.Connect(ep);", "while (true) { s.Send(buffer); s.Disconnect(true); s.Connect(ep); }")]
        [InlineData("var l = new TcpListener(IPAddress.Loopback, 0);", "while (true) { l.Start(); var c = l.AcceptTcpClient(); c.Close(); l.Stop(); }")]
        [InlineData("var c = new TcpClient(); c.Connect(ep);", "while (true) { var w = new StreamWriter(c.GetStream(), leaveOpen: true); w.WriteLine(\"ping\"); w.Close(); }")]
        [InlineData("var l = new TcpListener(IPAddress.Loopback, 0); l.Start();", "while (true) { var c = l.AcceptTcpClient(); using (var w = new StreamWriter(c.GetStream())) { w.WriteLine(\"ping\"); } }")]
        public Task A_loop_that_may_not_come_back_or_that_renews_the_socket_stays_quiet(string setup, string loop)
            => Verify.VerifyAnalyzerAsync(Code(setup, loop));

        // A turn that may go round without closing (a continue before the close) leaves the next turn open on that path.
        [Theory]
        [InlineData("while (true) { if (items.Count == 0) { continue; } s.Send(buffer); s.Close(); }")]
        [InlineData("while (true) { s.Send(buffer); if (items.Count == 0) { continue; } s.Close(); }")]
        [InlineData("while (true) { s.Send(buffer); if (items.Count == 0) { s.Close(); } }")]
        public Task A_turn_that_may_go_round_without_the_close_leaves_the_next_turn_uncertain(string loop)
            => Verify.VerifyAnalyzerAsync(Code("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.Connect(ep);", loop));

        [Fact]
        public Task A_helper_that_may_replace_the_field_makes_the_next_turn_unknown()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class C
                {
                    private Socket socket;

                    void Reconnect(EndPoint ep)
                    {
                        socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                        socket.Connect(ep);
                    }

                    void Pump(byte[] buffer, EndPoint ep)
                    {
                        while (true)
                        {
                            try
                            {
                                socket.Send(buffer);
                                return;
                            }
                            catch (SocketException)
                            {
                                socket.Close();
                                Reconnect(ep);
                            }
                        }
                    }
                }
                """);

        // A call of a local function changes only the names it (and what it calls) uses: a static one, or one that names
        // no socket, leaves the loop's sockets as they were. Before, any local function call made every name a lambda
        // or local function of the method uses unknown, so a loop in a lambda that called one went silent.
        [Theory]
        [InlineData("await Task.Run(() => { while (true) { var ns = {|SOCK005:c.GetStream()|}; var b = Make(); ns.Write(b, 0, b.Length); ns.Close(); } }); static byte[] Make() => new byte[10];")]
        [InlineData("await Task.Run(() => { while (true) { var ns = {|SOCK005:c.GetStream()|}; var b = Make(); ns.Write(b, 0, b.Length); ns.Close(); } }); byte[] Make() => new byte[buffer.Length];")]
        [InlineData("await Task.Run(async () => { while (true) { var ns = {|SOCK005:c.GetStream()|}; var b = await MakeAsync(); await ns.WriteAsync(b, 0, b.Length); ns.Close(); } }); static async Task<byte[]> MakeAsync() { await Task.Yield(); return new byte[10]; }")]
        [InlineData("await Task.Run(() => { while (true) { var ns = {|SOCK005:c.GetStream()|}; Func<byte[]> make = Make; var b = make(); ns.Write(b, 0, b.Length); ns.Close(); } }); static byte[] Make() => new byte[10];")]
        [InlineData("while (true) { var ns = {|SOCK005:c.GetStream()|}; var b = Make(); ns.Write(b, 0, b.Length); ns.Close(); } static byte[] Make() => new byte[10]; void Log() => Console.WriteLine(c.Connected);")]
        [InlineData("while (true) { var ns = {|SOCK005:c.GetStream()|}; var b = Frame(Make()); ns.Write(b, 0, b.Length); ns.Close(); } static byte[] Make() => new byte[10]; static byte[] Frame(byte[] body) => body; void Log() => Console.WriteLine(c.Connected);")]
        [InlineData("while (true) { var ns = {|SOCK005:c.GetStream()|}; var b = Make(); ns.Write(b, 0, b.Length); ns.Close(); } static byte[] Make() => new byte[10];")]
        public Task A_local_function_that_names_no_socket_keeps_the_next_turn_certain(string loop)
            => Verify.VerifyAnalyzerAsync(Code("var c = new TcpClient(); c.Connect(ep);", loop));

        // ayshanorujlu/screenshotTCP Server/Program.cs: the local function takes a screenshot with types the build may not
        // resolve (System.Drawing on Linux); its own locals, whatever their type, are new at every call and name no socket.
        [Fact]
        public Task A_local_function_with_unresolved_types_of_its_own_keeps_the_next_turn_certain()
            => Verify.VerifyAnalyzerAsync(Code(
                "var c = new TcpClient(); c.Connect(ep);",
                "await Task.Run(() => { while (true) { var ns = {|SOCK005:c.GetStream()|}; var b = Shot(); ns.Write(b, 0, b.Length); ns.Close(); } }); byte[] Shot() { {|CS0246:Bitmap|} image = new {|CS0246:Bitmap|}(1920, 1080); return new byte[image.Width]; }"));

        // What a local function may change stays unknown: one that renews the client or its stream, one that calls such a
        // local function, one made into a delegate and called, and one that runs a delegate or is given or names an object
        // that may hold one (a lambda of the method may be in it).
        [Theory]
        [InlineData("var c = new TcpClient(); c.Connect(ep);", "await Task.Run(() => { while (true) { var ns = c.GetStream(); ns.WriteByte(1); ns.Close(); Reconnect(); } }); void Reconnect() { c = new TcpClient(); c.Connect(ep); }")]
        [InlineData("var c = new TcpClient(); c.Connect(ep);", "await Task.Run(() => { while (true) { var ns = c.GetStream(); ns.WriteByte(1); ns.Close(); Pause(); } }); void Pause() { Use(1); Reconnect(); } void Reconnect() { c = new TcpClient(); c.Connect(ep); }")]
        [InlineData("var c = new TcpClient(); c.Connect(ep);", "await Task.Run(() => { while (true) { var ns = c.GetStream(); ns.WriteByte(1); ns.Close(); Action renew = Reconnect; renew(); } }); void Reconnect() { c = new TcpClient(); c.Connect(ep); }")]
        [InlineData("var c = new TcpClient(); c.Connect(ep); var ns = c.GetStream();", "while (true) { ns.WriteByte(1); ns.Close(); Renew(); } void Renew() { c = new TcpClient(); c.Connect(ep); ns = c.GetStream(); }")]
        [InlineData("var c = new TcpClient(); c.Connect(ep); Action renew = () => { c = new TcpClient(); c.Connect(ep); };", "while (true) { var ns = c.GetStream(); ns.WriteByte(1); ns.Close(); Run(renew); } static void Run(Action a) => a();")]
        [InlineData("var c = new TcpClient(); c.Connect(ep); var renewals = new List<Action> { () => { c = new TcpClient(); c.Connect(ep); } };", "while (true) { var ns = c.GetStream(); ns.WriteByte(1); ns.Close(); RunFirst(renewals); } static void RunFirst(List<Action> all) => all[0]();")]
        [InlineData("var c = new TcpClient(); c.Connect(ep); var renewal = new Task(() => { c = new TcpClient(); c.Connect(ep); });", "while (true) { var ns = c.GetStream(); ns.WriteByte(1); ns.Close(); Renew(); } void Renew() => renewal.RunSynchronously();")]
        [InlineData("var c = new TcpClient(); c.Connect(ep); var renewal = new Task(() => { c = new TcpClient(); c.Connect(ep); });", "while (true) { var ns = c.GetStream(); ns.WriteByte(1); ns.Close(); Run(renewal); } static void Run(Task task) => task.RunSynchronously();")]
        public Task A_local_function_that_may_renew_the_socket_makes_the_next_turn_unknown(string setup, string loop)
            => Verify.VerifyAnalyzerAsync(Code(setup, loop));

        // A delegate held in a variable may be a lambda of the method: running it, or handing it to a method that may run
        // it, may renew what the lambdas use (lam-static helper: SOCK005 was reported at the next turn's GetStream()).
        [Theory]
        [InlineData("while (true) { var ns = c.GetStream(); ns.WriteByte(1); ns.Close(); renew(); }")]
        [InlineData("while (true) { var ns = c.GetStream(); ns.WriteByte(1); ns.Close(); renew.Invoke(); }")]
        [InlineData("while (true) { var ns = c.GetStream(); ns.WriteByte(1); ns.Close(); Parallel.Invoke(renew); }")]
        [InlineData("while (true) { var ns = c.GetStream(); ns.WriteByte(1); ns.Close(); Task.Run(renew).Wait(); }")]
        public Task A_delegate_that_may_renew_the_socket_run_or_handed_on_makes_the_next_turn_unknown(string loop)
            => Verify.VerifyAnalyzerAsync(Code("var c = new TcpClient(); c.Connect(ep); Action renew = () => { c = new TcpClient(); c.Connect(ep); };", loop));

        [Theory]
        [InlineData("while (true) { var ns = {|SOCK005:c.GetStream()|}; ns.WriteByte(1); ns.Close(); Parallel.Invoke(Console.WriteLine); }")]
        [InlineData("while (true) { var ns = {|SOCK005:c.GetStream()|}; ns.WriteByte(1); ns.Close(); Array.ForEach(new[] { 1, 2 }, Console.WriteLine); }")]
        public Task A_method_group_of_a_type_handed_on_keeps_the_next_turn_certain(string loop)
            => Verify.VerifyAnalyzerAsync(Code("var c = new TcpClient(); c.Connect(ep);", loop));

        [Fact]
        public Task A_static_local_function_that_may_replace_a_static_field_makes_the_next_turn_unknown()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class C
                {
                    private static TcpClient shared;

                    void Pump()
                    {
                        Task.Run(() =>
                        {
                            while (true)
                            {
                                var ns = shared.GetStream();
                                ns.WriteByte(1);
                                ns.Close();
                                Reconnect();
                            }
                        });

                        static void Reconnect() => shared = new TcpClient("localhost", 7);
                    }
                }
                """);

        [Fact]
        public Task A_finding_certain_only_on_later_turns_gets_no_Start_fix()
        {
            // Adding Start before the accept would not be wrong, but the mistake is the Stop inside the loop.
            var source = Code("var l = new TcpListener(IPAddress.Loopback, 0); l.Start();", "while (true) { var c = {|SOCK002:l.AcceptTcpClient()|}; c.Close(); l.Stop(); }");
            return VerifyStart.VerifyCodeFixAsync(source, source);
        }
    }
}
