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
        public Task NetworkStream_over_a_datagram_socket_field_is_reported_naming_its_kind()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class LanListener
                {
                    private readonly Socket udp;

                    LanListener()
                    {
                        udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                        udp.Bind(new IPEndPoint(IPAddress.Any, 4445));
                    }

                    System.IO.Stream Open() => {|#0:new NetworkStream(udp, true)|};
                }
                """,
                Verify.Diagnostic("SOCK006").WithLocation(0).WithArguments("udp", "a datagram socket", "new NetworkStream"));

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
        // A send to a destination bound the socket (checked on Linux: Bind then throws SocketException, "Invalid argument").
        [InlineData("var s = new Socket(SocketType.Dgram, ProtocolType.Udp); s.SendTo(new byte[1], ep);", "s.Bind(ep);", "s.Bind(ep)")]
        [InlineData("var u = new UdpClient(); u.Send(new byte[1], 1, ep);", "u.Client.Bind(ep);", "u.Client.Bind(ep)")]
        // A NetworkStream needs a stream socket: IOException for a datagram one in every state (fresh80 M2, checked on .NET 10).
        [InlineData("var s = new Socket(SocketType.Dgram, ProtocolType.Udp); s.Bind(ep);", "var ns = new System.IO.BufferedStream(new NetworkStream(s, true));", "new NetworkStream(s, true)")]
        [InlineData("var s = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp); s.Connect(ep);", "using var ns = new NetworkStream(s);", "new NetworkStream(s)")]
        [InlineData("var u = new UdpClient(9000);", "using var ns = new NetworkStream(u.Client);", "new NetworkStream(u.Client)")]
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
        // A stream socket connected, or a socket whose kind the code does not show.
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.Connect(ep);", "using var ns = new NetworkStream(s, true);")]
        [InlineData("var s = new Socket(AddressFamily.InterNetwork, type, ProtocolType.Unspecified); s.Connect(ep);", "using var ns = new NetworkStream(s, true);")]
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

        // Measured on .NET 10 (Linux): a connected UdpClient throws InvalidOperationException ("Cannot send packets to an
        // arbitrary host while connected") for a Send with an endpoint or a host and port, even the peer it is connected to.
        [Fact]
        public Task Send_with_a_destination_on_a_connected_UdpClient_is_reported()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class C
                {
                    void M(byte[] bytes)
                    {
                        var udp = new UdpClient("localhost", 9000);
                        {|#0:udp.Send(bytes, bytes.Length, new IPEndPoint(IPAddress.Loopback, 9001))|};
                    }
                }
                """,
                Verify.Diagnostic("SOCK006").WithLocation(0).WithArguments("udp", "connected", "Send to an explicit destination"));

        [Theory]
        [InlineData("var u = new UdpClient(\"localhost\", 9000);", "u.Send(bytes, bytes.Length, \"localhost\", 9000);", "u.Send(bytes, bytes.Length, \"localhost\", 9000)")]
        [InlineData("var u = new UdpClient(); u.Connect(IPAddress.Loopback, 9000);", "u.Send(bytes, bytes.Length, new IPEndPoint(IPAddress.Loopback, 9000));", "u.Send(bytes, bytes.Length, new IPEndPoint(IPAddress.Loopback, 9000))")]
        [InlineData("var u = new UdpClient(); u.Connect(ep);", "await u.SendAsync(bytes, bytes.Length, new IPEndPoint(IPAddress.Loopback, 9000));", "u.SendAsync(bytes, bytes.Length, new IPEndPoint(IPAddress.Loopback, 9000))")]
        [InlineData("var u = new UdpClient(); u.Connect(ep);", "await u.SendAsync(bytes, bytes.Length, \"example.org\", 53);", "u.SendAsync(bytes, bytes.Length, \"example.org\", 53)")]
        [InlineData("var u = new UdpClient(); u.Connect(ep);", "u.BeginSend(bytes, bytes.Length, new IPEndPoint(IPAddress.Loopback, 9000), null, null);", "u.BeginSend(bytes, bytes.Length, new IPEndPoint(IPAddress.Loopback, 9000), null, null)")]
        public async Task Send_with_a_destination_on_a_connected_UdpClient_is_reported_in_each_form(string setup, string statement, string call)
            => await Verify.VerifyAnalyzerAsync(Usings + $$"""
                class C
                {
                    async Task M(IPEndPoint ep, byte[] bytes)
                    {
                        {{setup}}
                        {{statement.Replace(call, "{|SOCK006:" + call + "|}")}}
                    }
                }
                """);

        [Theory]
        [InlineData("var u = new UdpClient(\"localhost\", 9000);", "u.Send(bytes, bytes.Length);")]
        [InlineData("var u = new UdpClient(\"localhost\", 9000);", "u.Send(bytes, bytes.Length, null);")]
        [InlineData("var u = new UdpClient(\"localhost\", 9000);", "u.Send(bytes, bytes.Length, (string)null, 0);")]
        [InlineData("var u = new UdpClient(\"localhost\", 9000);", "u.Send(bytes, bytes.Length, ep);")]
        [InlineData("var u = new UdpClient();", "u.Send(bytes, bytes.Length, new IPEndPoint(IPAddress.Loopback, 9000));")]
        [InlineData("var u = new UdpClient(9000);", "u.Send(bytes, bytes.Length, \"localhost\", 9001);")]
        [InlineData("var u = new UdpClient(\"localhost\", 9000); u.Close(); u = new UdpClient();", "u.Send(bytes, bytes.Length, new IPEndPoint(IPAddress.Loopback, 9000));")]
        [InlineData("var u = Make();", "u.Send(bytes, bytes.Length, new IPEndPoint(IPAddress.Loopback, 9000));")]
        public async Task Send_with_a_destination_on_a_UdpClient_not_certainly_connected_or_with_no_certain_destination_is_quiet(string setup, string statement)
            => await Verify.VerifyAnalyzerAsync(Usings + $$"""
                class C
                {
                    async Task M(IPEndPoint ep, byte[] bytes)
                    {
                        {{setup}}
                        {{statement}}
                        await Task.Yield();
                    }

                    static UdpClient Make() => new UdpClient("localhost", 9000);
                }
                """);
    }
}
