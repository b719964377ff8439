using System.Threading.Tasks;
using Xunit;
using Verify = SocketAnalyzers.Tests.Verifiers.AnalyzerVerifier<SocketAnalyzers.Lifecycle.SocketLifecycleAnalyzer>;

namespace SocketAnalyzers.Tests.Lifecycle
{
    public sealed class SOCK002AcceptWithoutListenTests
    {
        private const string Usings = "using System; using System.Net; using System.Net.Sockets; using System.Threading.Tasks;\n";

        [Fact]
        public Task Accept_on_a_bound_socket_is_reported_with_its_state()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class C
                {
                    void M(IPEndPoint ep)
                    {
                        var server = new Socket(SocketType.Stream, ProtocolType.Tcp);
                        server.Bind(ep);
                        using var client = {|#0:server.Accept()|};
                    }
                }
                """,
                Verify.Diagnostic("SOCK002").WithLocation(0).WithArguments("server", "bound", "Accept", "Listen"));

        [Fact]
        public Task TcpListener_accept_before_Start_is_reported()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class C
                {
                    void M()
                    {
                        var listener = new TcpListener(IPAddress.Loopback, 8080);
                        using var client = {|#0:listener.AcceptTcpClient()|};
                    }
                }
                """,
                Verify.Diagnostic("SOCK002").WithLocation(0).WithArguments("listener", "not started", "AcceptTcpClient", "Start"));

        [Theory]
        [InlineData("server.Accept()")]
        [InlineData("await server.AcceptAsync()")]
        [InlineData("await server.AcceptAsync().ConfigureAwait(false)")]
        [InlineData("await server.AcceptAsync(System.Threading.CancellationToken.None)")]
        [InlineData("server.EndAccept(server.BeginAccept(null, null))")]
        public async Task Every_form_of_Socket_accept_is_checked(string accept)
        {
            var call = accept.Replace("await ", string.Empty).Replace(".ConfigureAwait(false)", string.Empty);
            var marked = "{|SOCK002:" + call + "|}" + (accept.Contains("ConfigureAwait") ? ".ConfigureAwait(false)" : string.Empty);
            var code = accept.StartsWith("await", System.StringComparison.Ordinal) ? "await " + marked : accept.StartsWith("server.EndAccept", System.StringComparison.Ordinal) ? "server.EndAccept({|SOCK002:server.BeginAccept(null, null)|})" : marked;
            await Verify.VerifyAnalyzerAsync(Usings + $$"""
                class C
                {
                    async Task M(IPEndPoint ep)
                    {
                        var server = new Socket(SocketType.Stream, ProtocolType.Tcp);
                        server.Bind(ep);
                        var client = {{code}};
                    }
                }
                """);
        }

        [Theory]
        [InlineData("listener.AcceptTcpClient()")]
        [InlineData("listener.AcceptSocket()")]
        [InlineData("await listener.AcceptTcpClientAsync()")]
        [InlineData("await listener.AcceptSocketAsync().ConfigureAwait(false)")]
        public async Task Every_form_of_TcpListener_accept_is_checked(string accept)
        {
            var code = accept.StartsWith("await", System.StringComparison.Ordinal) ? "await {|SOCK002:" + accept.Substring(6).Replace(".ConfigureAwait(false)", string.Empty) + "|}" + (accept.Contains("ConfigureAwait") ? ".ConfigureAwait(false)" : string.Empty) : "{|SOCK002:" + accept + "|}";
            await Verify.VerifyAnalyzerAsync(Usings + $$"""
                class C
                {
                    async Task M()
                    {
                        var listener = new TcpListener(IPAddress.Loopback, 0);
                        var client = {{code}};
                    }
                }
                """);
        }

        [Theory]
        [InlineData("server.Listen();")]
        [InlineData("if (flag) { server.Listen(); }")]
        [InlineData("Prepare(server);")]
        public async Task Accept_after_Listen_on_some_path_is_quiet(string between)
            => await Verify.VerifyAnalyzerAsync(Usings + $$"""
                class C
                {
                    void M(IPEndPoint ep, bool flag)
                    {
                        var server = new Socket(SocketType.Stream, ProtocolType.Tcp);
                        server.Bind(ep);
                        {{between}}
                        using var client = server.Accept();
                    }

                    static void Prepare(Socket socket) { }
                }
                """);

        [Fact]
        public Task Accept_loop_after_Start_is_quiet()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class C
                {
                    async Task M(System.Threading.CancellationToken token)
                    {
                        var listener = new TcpListener(IPAddress.Loopback, 0);
                        listener.Start();
                        try
                        {
                            while (!token.IsCancellationRequested)
                            {
                                var client = await listener.AcceptTcpClientAsync(token);
                                _ = Task.Run(() => client.Dispose());
                            }
                        }
                        finally
                        {
                            listener.Stop();
                        }
                    }
                }
                """);

        [Fact]
        public Task Accept_after_Stop_is_reported()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class C
                {
                    void M()
                    {
                        var listener = new TcpListener(IPAddress.Loopback, 0);
                        listener.Start();
                        listener.Stop();
                        using var client = {|SOCK002:listener.AcceptTcpClient()|};
                    }
                }
                """);

        [Fact]
        public Task TcpListener_field_started_elsewhere_is_quiet()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class C
                {
                    private readonly TcpListener listener = new TcpListener(IPAddress.Loopback, 0);

                    void Start() => listener.Start();

                    TcpClient Next() => listener.AcceptTcpClient();
                }
                """);

        [Fact]
        public Task Accept_on_the_inner_socket_of_a_listener_that_is_not_started_is_reported()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class C
                {
                    void M()
                    {
                        var listener = new TcpListener(IPAddress.Loopback, 0);
                        using var client = {|SOCK002:listener.Server.Accept()|};
                    }
                }
                """);
    }
}
