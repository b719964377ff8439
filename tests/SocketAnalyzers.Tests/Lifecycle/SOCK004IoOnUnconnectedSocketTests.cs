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

        [Theory]
        [InlineData("Action send = () => { var socket = new Socket(SocketType.Stream, ProtocolType.Tcp); {|#0:socket.Send(buffer)|}; };")]
        [InlineData("void Send() { var socket = new Socket(SocketType.Stream, ProtocolType.Tcp); {|#0:socket.Send(buffer)|}; }")]
        [InlineData("Task.Run(() => { var socket = new Socket(SocketType.Stream, ProtocolType.Tcp); {|#0:socket.Send(buffer)|}; });")]
        public Task A_lambda_s_own_misuse_is_reported_though_the_body_around_it_uses_sockets_first(string function)
            // The pre-scan stops asking about a function's operations once it knows the function uses the model; the body's
            // own use must not stand for its lambdas' and local functions' (each is a graph of its own, analysed only if it uses it).
            => Verify.VerifyAnalyzerAsync(Usings + $$"""
                class C
                {
                    void M(byte[] buffer, IPEndPoint ep)
                    {
                        var listener = new Socket(SocketType.Stream, ProtocolType.Tcp);
                        listener.Bind(ep);
                        listener.Listen(10);
                        {{function}}
                        listener.Close();
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

        /// <summary>
        /// mut38 #56 (a course UDP server whose Bind was removed): a receive from any sender on a socket that was never
        /// bound, connected or sent from throws InvalidOperationException ("You must call the Bind method") on every OS;
        /// so does a <c>UdpClient</c> made without a port.
        /// </summary>
        [Fact]
        public Task ReceiveFrom_on_a_socket_never_bound_is_reported_with_the_bind_advice()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class C
                {
                    void M()
                    {
                        var server = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                        EndPoint remote = new IPEndPoint(IPAddress.Any, 995);
                        while (true)
                        {
                            var data = new byte[1024];
                            int n = {|#0:server.ReceiveFrom(data, ref remote)|};
                            server.SendTo(data, 0, n, SocketFlags.None, remote);
                        }
                    }

                    byte[] N()
                    {
                        var udp = new UdpClient();
                        var from = new IPEndPoint(IPAddress.Any, 0);
                        return {|#1:udp.Receive(ref from)|};
                    }
                }
                """,
                Verify.Diagnostic("SOCK004").WithLocation(0).WithArguments("server", "unbound", "ReceiveFrom", "InvalidOperationException (\"You must call the Bind method\")", "Bind it to a local endpoint first (or connect it)"),
                Verify.Diagnostic("SOCK004").WithLocation(1).WithArguments("udp", "unbound", "Receive", "InvalidOperationException (\"You must call the Bind method\")", "Give it a local port first (new UdpClient(port), or Client.Bind)"));

        /// <summary>Bound, connected, sent from first, bound through <c>Client</c>, or made with a port: a receive from any sender works.</summary>
        [Theory]
        [InlineData("var s = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp); EndPoint ep = new IPEndPoint(IPAddress.Loopback, 9000); s.SendTo(new byte[1], ep); Use(s.ReceiveFrom(new byte[10], ref ep));")]
        [InlineData("var s = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp); s.Bind(new IPEndPoint(IPAddress.Any, 0)); EndPoint ep = new IPEndPoint(IPAddress.Any, 0); Use(s.ReceiveFrom(new byte[10], ref ep));")]
        [InlineData("var s = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp); if (DateTime.Now.Second == 0) s.Bind(new IPEndPoint(IPAddress.Any, 0)); EndPoint ep = new IPEndPoint(IPAddress.Any, 0); Use(s.ReceiveFrom(new byte[10], ref ep));")]
        [InlineData("var udp = new UdpClient(); udp.Client.Bind(new IPEndPoint(IPAddress.Any, 9000)); var ep = new IPEndPoint(IPAddress.Any, 0); Use(udp.Receive(ref ep).Length);")]
        [InlineData("var udp = new UdpClient(); udp.Connect(\"example.org\", 53); var ep = new IPEndPoint(IPAddress.Any, 0); Use(udp.Receive(ref ep).Length);")]
        [InlineData("var udp = new UdpClient(); udp.Send(new byte[1], 1, new IPEndPoint(IPAddress.Loopback, 5)); var ep = new IPEndPoint(IPAddress.Any, 0); Use(udp.Receive(ref ep).Length);")]
        [InlineData("var udp = new UdpClient(9000); var ep = new IPEndPoint(IPAddress.Any, 0); Use(udp.Receive(ref ep).Length);")]
        public Task ReceiveFrom_on_a_socket_that_has_a_local_port_is_quiet(string body)
            => Verify.VerifyAnalyzerAsync(Usings + $$"""
                class C
                {
                    void M()
                    {
                        {{body}}
                    }

                    static void Use(int count) { }
                }
                """);
    }
}
