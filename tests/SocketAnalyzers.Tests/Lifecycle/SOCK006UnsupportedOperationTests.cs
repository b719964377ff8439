using System.Threading.Tasks;
using Xunit;
using Verify = SocketAnalyzers.Tests.Verifiers.AnalyzerVerifier<SocketAnalyzers.Lifecycle.SocketLifecycleAnalyzer>;

namespace SocketAnalyzers.Tests.Lifecycle
{
    public sealed class SOCK006UnsupportedOperationTests
    {
        private const string Usings = "using System; using System.Net; using System.Net.Sockets; using System.Threading.Tasks;\n";

        [Fact]
        public Task Listen_on_a_datagram_socket_is_reported_naming_its_kind()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class C
                {
                    void M(IPEndPoint ep)
                    {
                        var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                        udp.Bind(ep);
                        {|#0:udp.Listen()|};
                    }
                }
                """,
                Verify.Diagnostic("SOCK006").WithLocation(0).WithArguments("udp", "a datagram socket", "Listen"));

        [Fact]
        public Task Connect_on_a_listening_socket_is_reported_naming_its_state()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class C
                {
                    void M(IPEndPoint ep, IPEndPoint remote)
                    {
                        var server = new Socket(SocketType.Stream, ProtocolType.Tcp);
                        server.Bind(ep);
                        server.Listen();
                        {|#0:server.Connect(remote)|};
                    }
                }
                """,
                Verify.Diagnostic("SOCK006").WithLocation(0).WithArguments("server", "listening", "Connect"));

        [Theory]
        [InlineData("var s = new Socket(SocketType.Dgram, ProtocolType.Udp); s.Bind(ep);", "var c = s.Accept();", "s.Accept()")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.Connect(ep);", "s.Listen();", "s.Listen()")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.Bind(ep);", "s.Bind(ep);", "s.Bind(ep)")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.Connect(ep);", "s.Bind(ep);", "s.Bind(ep)")]
        [InlineData("var u = new UdpClient(9000);", "u.Client.Bind(ep);", "u.Client.Bind(ep)")]
        [InlineData("var l = new TcpListener(ep); l.Start();", "l.Server.Connect(ep);", "l.Server.Connect(ep)")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); await s.ConnectAsync(ep);", "await s.ConnectAsync(ep);", "s.ConnectAsync(ep)")]
        [InlineData("var u = new UdpClient();", "u.Client.Listen();", "u.Client.Listen()")]
        public async Task Operations_the_kind_or_state_cannot_do_are_reported(string setup, string statement, string call)
            => await Verify.VerifyAnalyzerAsync(Usings + $$"""
                class C
                {
                    async Task M(IPEndPoint ep)
                    {
                        {{setup}}
                        {{statement.Replace(call, "{|SOCK006:" + call + "|}")}}
                    }
                }
                """);

        [Theory]
        [InlineData("var s = new Socket(SocketType.Dgram, ProtocolType.Udp); s.Connect(ep);", "s.Connect(ep);")]
        [InlineData("var s = new Socket(type, ProtocolType.Unspecified); s.Bind(ep);", "s.Listen();")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.Bind(ep); s.Listen();", "s.Listen(100);")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); if (ep.Port > 0) { s.Bind(ep); }", "s.Bind(ep);")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.Connect(ep); s.Disconnect(true);", "s.Connect(ep);")]
        [InlineData("var l = new TcpListener(ep); l.Start(); l.Stop();", "l.Start();")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); var pending = s.ConnectAsync(ep);", "await pending;")]
        [InlineData("var u = new UdpClient(); u.Client.Bind(ep);", "u.Connect(ep);")]
        public async Task Operations_the_socket_can_do_are_quiet(string setup, string statement)
            => await Verify.VerifyAnalyzerAsync(Usings + $$"""
                class C
                {
                    async Task M(IPEndPoint ep, SocketType type)
                    {
                        {{setup}}
                        {{statement}}
                    }
                }
                """);
    }
}
