using System.Threading.Tasks;
using Xunit;
using static SocketAnalyzers.Tests.Lifecycle.LoopTestCode;
using Verify = SocketAnalyzers.Tests.Verifiers.AnalyzerVerifier<SocketAnalyzers.Lifecycle.SocketLifecycleAnalyzer>;

namespace SocketAnalyzers.Tests.Lifecycle
{
    /// <summary>
    /// Misuse inside loop bodies. The decision to report is made on the converged state: a misuse that throws leaves
    /// its socket in no state on the paths that go on, so the back edge adds nothing and the loop's first turn decides.
    /// Before the flow kernel, an "already reported" flag inside the facts flowed around the back edge and silenced
    /// every one of these.
    /// </summary>
    public sealed class LifecycleInLoopsTests
    {
        [Theory]
        [InlineData("var l = new Socket(SocketType.Stream, ProtocolType.Tcp); l.Bind(ep); l.Listen();", "while (true) { {|SOCK003:l.Send(buffer)|}; }")]
        [InlineData("var l = new Socket(SocketType.Stream, ProtocolType.Tcp); l.Bind(ep); l.Listen();", "while (true) { int n = {|SOCK003:l.Receive(buffer)|}; if (n == 0) break; Use(n); }")]
        [InlineData("var l = new Socket(SocketType.Stream, ProtocolType.Tcp); l.Bind(ep); l.Listen();", "for (int i = 0; i < 10; i++) { {|SOCK003:l.Send(buffer)|}; }")]
        [InlineData("var l = new Socket(SocketType.Stream, ProtocolType.Tcp); l.Bind(ep); l.Listen();", "foreach (var item in items) { {|SOCK003:l.Send(buffer)|}; }")]
        [InlineData("var l = new Socket(SocketType.Stream, ProtocolType.Tcp); l.Bind(ep); l.Listen();", "do { {|SOCK003:l.Send(buffer)|}; } while (items.Count > 0);")]
        [InlineData("var l = new TcpListener(IPAddress.Loopback, 0);", "while (true) { var c = {|SOCK002:l.AcceptTcpClient()|}; c.Close(); }")]
        [InlineData("var l = new TcpListener(IPAddress.Loopback, 0);", "while (true) { var c = await {|SOCK002:l.AcceptTcpClientAsync()|}; c.Close(); }")]
        [InlineData("var l = new TcpListener(IPAddress.Loopback, 0);", "while (true) { var c = await {|SOCK002:l.AcceptTcpClientAsync()|}.ConfigureAwait(false); c.Close(); }")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp);", "while (true) { {|SOCK004:s.Send(buffer)|}; }")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp);", "while (true) { int n = await {|SOCK004:s.SendAsync(new ArraySegment<byte>(buffer), SocketFlags.None)|}; Use(n); }")]
        [InlineData("var c = new TcpClient();", "while (true) { var st = {|SOCK004:c.GetStream()|}; st.Write(buffer, 0, 1); }")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.Connect(ep); s.Close();", "while (true) { {|SOCK005:s.Send(buffer)|}; }")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.Connect(ep);", "while (true) { s.Close(); {|SOCK005:s.Send(buffer)|}; }")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.Connect(ep); s.Shutdown(SocketShutdown.Send);", "for (;;) { {|SOCK005:s.Send(buffer)|}; }")]
        [InlineData("var u = new Socket(SocketType.Dgram, ProtocolType.Udp); u.Bind(ep);", "while (true) { {|SOCK006:u.Listen()|}; }")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp);", "while (true) { {|SOCK001:s.Listen()|}; }")]
        public Task Misuse_inside_a_loop_body_is_reported(string setup, string loop)
            => Verify.VerifyAnalyzerAsync(Code(setup, loop));

        [Theory]
        [InlineData("var l = new Socket(SocketType.Stream, ProtocolType.Tcp); l.Bind(ep); l.Listen();", "while (true) { var c = l.Accept(); c.Send(buffer); c.Close(); }")]
        [InlineData("var l = new TcpListener(IPAddress.Loopback, 0); l.Start();", "while (true) { var c = await l.AcceptTcpClientAsync(); c.Close(); }")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp);", "while (true) { s.Connect(ep); s.Send(buffer); s.Shutdown(SocketShutdown.Both); s.Close(); s = new Socket(SocketType.Stream, ProtocolType.Tcp); }")]
        [InlineData("Socket s = null;", "while (true) { s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.Connect(ep); s.Send(buffer); s.Close(); }")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.Connect(ep);", "while (items.Count > 0) { s.Send(buffer); if (items.Count == 1) { s.Close(); } }")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.Connect(ep);", "foreach (var item in items) { s.Send(buffer); } s.Close();")]
        [InlineData("var c = new TcpClient();", "while (!c.Connected) { try { c.Connect(ep); } catch (SocketException) { } } var st = c.GetStream(); st.Write(buffer, 0, 1);")]
        public Task Valid_loops_stay_quiet(string setup, string loop)
            => Verify.VerifyAnalyzerAsync(Code(setup, loop));

        [Fact]
        public Task A_misuse_reached_only_on_a_later_turn_is_not_certain_and_stays_quiet()
            => Verify.VerifyAnalyzerAsync(Code(
                "var s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.Connect(ep);",
                "while (items.Count > 0) { s.Send(buffer); s.Close(); }"));

        // while (true) has no way out through its condition: only its breaks reach the code after it.
        [Theory]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.Connect(ep);", "while (true) { s.Close(); break; } {|SOCK005:s.Send(buffer)|};")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.Connect(ep);", "while (true) { if (items.Count > 0) { s.Close(); break; } if (items.Count < 0) { s.Shutdown(SocketShutdown.Both); break; } } {|SOCK005:s.Send(buffer)|};")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp);", "do { s.Bind(ep); break; } while (true); {|SOCK006:s.Bind(ep)|};")]
        [InlineData("var l = new TcpListener(IPAddress.Loopback, 0);", "while (!false) { l.Start(); break; } l.Stop(); var c = {|SOCK002:l.AcceptTcpClient()|};")]
        public Task After_a_loop_whose_condition_is_constant_only_its_breaks_arrive(string setup, string loop)
            => Verify.VerifyAnalyzerAsync(Code(setup, loop));

        [Theory]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.Connect(ep);", "while (true) { if (items.Count > 0) { s.Close(); break; } if (items.Count < 0) { break; } } s.Send(buffer);")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.Connect(ep);", "while (items.Count > 0) { s.Close(); break; } s.Send(buffer);")]
        public Task After_a_loop_that_may_end_another_way_the_state_is_not_certain(string setup, string loop)
            => Verify.VerifyAnalyzerAsync(Code(setup, loop));
    }
}
