using System.Threading.Tasks;
using Xunit;
using Verify = SocketAnalyzers.Tests.Verifiers.AnalyzerVerifier<SocketAnalyzers.Lifecycle.SocketLifecycleAnalyzer>;

namespace SocketAnalyzers.Tests.Lifecycle
{
    public sealed class SOCK004IoOnUnconnectedSocketTests
    {
        // Every analyzer runs in every test: a read's count goes to Use(n), or SOCK010 would rightly report a count
        // that is stored and never read. Use(n) is a plain call, so it adds no branch to the flow these tests check.
        private const string Usings = "using System; using System.Net; using System.Net.Sockets; using System.Threading.Tasks;\n";

        [Fact]
        public Task Send_on_a_socket_never_connected_is_reported_with_state_and_exception()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class C
                {
                    int M(byte[] buffer)
                    {
                        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        return {|#0:socket.Send(buffer)|};
                    }
                }
                """,
                Verify.Diagnostic("SOCK004").WithLocation(0).WithArguments("socket", "unbound", "Send", "SocketException", "Connect it first"));

        [Fact]
        public Task Receive_on_a_datagram_socket_never_bound_says_Linux_waits_for_ever()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class C
                {
                    int M(byte[] buffer)
                    {
                        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                        return {|#0:socket.Receive(buffer)|};
                    }
                }
                """,
                Verify.Diagnostic("SOCK004").WithLocation(0).WithArguments("socket", "unbound", "Receive", "SocketException on Windows (on Linux it waits for ever: the socket has no port)", "Bind it to a local endpoint first (or connect it)"));

        [Fact]
        public Task GetStream_on_a_TcpClient_never_connected_is_reported()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class C
                {
                    void M()
                    {
                        using var client = new TcpClient();
                        using var stream = {|#0:client.GetStream()|};
                    }
                }
                """,
                Verify.Diagnostic("SOCK004").WithLocation(0).WithArguments("client", "created", "GetStream", "InvalidOperationException", "Connect it first"));

        [Theory]
        [InlineData("var socket = new Socket(SocketType.Dgram, ProtocolType.Udp); socket.Bind(ep);", "int n = socket.Send(buffer);", "socket.Send(buffer)")]
        [InlineData("var socket = new Socket(SocketType.Dgram, ProtocolType.Udp);", "int n = socket.Receive(buffer); Use(n);", "socket.Receive(buffer)")]
        [InlineData("var udp = new UdpClient();", "int n = udp.Send(buffer, buffer.Length);", "udp.Send(buffer, buffer.Length)")]
        [InlineData("var udp = new UdpClient(0);", "int n = await udp.SendAsync(buffer, buffer.Length);", "udp.SendAsync(buffer, buffer.Length)")]
        [InlineData("var socket = new Socket(SocketType.Stream, ProtocolType.Tcp); socket.Bind(ep);", "int n = await socket.ReceiveAsync(buffer, SocketFlags.None); Use(n);", "socket.ReceiveAsync(buffer, SocketFlags.None)")]
        [InlineData("var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);", "using var stream = new NetworkStream(socket);", "new NetworkStream(socket)")]
        public async Task Io_without_Connect_is_reported(string setup, string statement, string call)
            => await Verify.VerifyAnalyzerAsync(Usings + $$"""
                class C
                {
                    async Task M(IPEndPoint ep, byte[] buffer)
                    {
                        {{setup}}
                        {{statement.Replace(call, "{|SOCK004:" + call + "|}")}}
                    }

                    static void Use(int count) { }
                }
                """);

        [Theory]
        [InlineData("var socket = new Socket(SocketType.Dgram, ProtocolType.Udp); socket.Bind(ep);", "int n = socket.Receive(buffer); Use(n);")]
        [InlineData("var socket = new Socket(SocketType.Dgram, ProtocolType.Udp);", "int n = socket.SendTo(buffer, ep);")]
        // A send to a destination binds the socket (fresh16 audit: a DNS resolver's SendTo, then Receive of the answer).
        [InlineData("var socket = new Socket(SocketType.Dgram, ProtocolType.Udp); socket.SendTo(buffer, buffer.Length, SocketFlags.None, ep);", "int n = socket.Receive(buffer); Use(n);")]
        [InlineData("var socket = new Socket(SocketType.Dgram, ProtocolType.Udp); await socket.SendToAsync(buffer, SocketFlags.None, ep);", "int n = await socket.ReceiveAsync(buffer, SocketFlags.None); Use(n);")]
        [InlineData("var socket = new Socket(SocketType.Dgram, ProtocolType.Udp); socket.EndSendTo(socket.BeginSendTo(buffer, 0, buffer.Length, SocketFlags.None, ep, null, null));", "int n = socket.Receive(buffer); Use(n);")]
        [InlineData("var udp = new UdpClient();", "int n = udp.Send(buffer, buffer.Length, ep);")]
        [InlineData("var udp = new UdpClient(\"localhost\", 9000);", "int n = udp.Send(buffer, buffer.Length);")]
        [InlineData("var udp = new UdpClient(0);", "var result = udp.Receive(ref ep);")]
        [InlineData("var socket = new Socket(SocketType.Stream, ProtocolType.Tcp); socket.Connect(ep);", "int n = socket.Send(buffer);")]
        [InlineData("var socket = new Socket(SocketType.Stream, ProtocolType.Tcp); await socket.ConnectAsync(ep);", "int n = socket.Send(buffer);")]
        [InlineData("var socket = new Socket(SocketType.Stream, ProtocolType.Tcp); await socket.ConnectAsync(ep).ConfigureAwait(false);", "int n = socket.Send(buffer);")]
        [InlineData("var socket = new Socket(SocketType.Stream, ProtocolType.Tcp); var pending = socket.ConnectAsync(ep);", "await pending; int n = socket.Send(buffer);")]
        [InlineData("var socket = new Socket(SocketType.Stream, ProtocolType.Tcp); socket.EndConnect(socket.BeginConnect(ep, null, null));", "int n = socket.Send(buffer);")]
        [InlineData("var socket = new Socket(SocketType.Stream, ProtocolType.Tcp); if (ep.Port > 0) { socket.Connect(ep); }", "int n = socket.Send(buffer);")]
        [InlineData("var client = new TcpClient(\"localhost\", 80);", "using var stream = client.GetStream();")]
        [InlineData("var client = new TcpClient(); await client.ConnectAsync(ep.Address, ep.Port);", "using var stream = client.GetStream(); int n = await stream.ReadAsync(buffer, 0, buffer.Length); Use(n);")]
        [InlineData("var client = new TcpClient(); client.Client.Connect(ep);", "using var stream = client.GetStream();")]
        public async Task Io_after_Connect_or_without_need_is_quiet(string setup, string statement)
            => await Verify.VerifyAnalyzerAsync(Usings + $$"""
                class C
                {
                    async Task M(IPEndPoint ep, byte[] buffer)
                    {
                        {{setup}}
                        {{statement}}
                    }

                    static void Use(int count) { }
                }
                """);

        [Fact]
        public Task Parameter_socket_is_quiet_until_its_state_is_settled()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class C
                {
                    int M(Socket socket, byte[] buffer, IPEndPoint ep)
                    {
                        int n = socket.Send(buffer);
                        socket.Close();
                        var fresh = new Socket(SocketType.Stream, ProtocolType.Tcp);
                        socket = fresh;
                        return n + {|SOCK004:socket.Receive(buffer)|};
                    }
                }
                """);
    }
}
