using System.Threading.Tasks;
using Xunit;
using Verify = SocketAnalyzers.Tests.Verifiers.AnalyzerVerifier<SocketAnalyzers.Lifecycle.SocketLifecycleAnalyzer>;

namespace SocketAnalyzers.Tests.Lifecycle
{
    public sealed class SOCK003IoOnListeningSocketTests
    {
        // Every analyzer runs in every test: a read's count goes to Use(n), or SOCK010 would rightly report a count
        // that is stored and never read. Use(n) is a plain call, so it adds no branch to the flow these tests check.
        private const string Usings = "using System; using System.Net; using System.Net.Sockets; using System.Threading.Tasks;\n";

        [Fact]
        public Task Receive_on_the_listening_socket_is_reported_with_the_verb()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class C
                {
                    int M(IPEndPoint ep, byte[] buffer)
                    {
                        var server = new Socket(SocketType.Stream, ProtocolType.Tcp);
                        server.Bind(ep);
                        server.Listen();
                        server.Accept();
                        return {|#0:server.Receive(buffer)|};
                    }
                }
                """,
                Verify.Diagnostic("SOCK003").WithLocation(0).WithArguments("server", "receive"));

        [Theory]
        [InlineData("int n = server.Receive(buffer); Use(n);", "server.Receive(buffer)")]
        [InlineData("int n = server.Send(buffer);", "server.Send(buffer)")]
        [InlineData("int n = await server.ReceiveAsync(buffer); Use(n);", "server.ReceiveAsync(buffer)")]
        [InlineData("int n = await server.SendAsync(buffer, SocketFlags.None).ConfigureAwait(false);", "server.SendAsync(buffer, SocketFlags.None)")]
        [InlineData("var ar = server.BeginReceive(buffer, 0, buffer.Length, SocketFlags.None, null, null);", "server.BeginReceive(buffer, 0, buffer.Length, SocketFlags.None, null, null)")]
        [InlineData("using var stream = new NetworkStream(server);", "new NetworkStream(server)")]
        public async Task Io_on_a_listening_socket_is_reported_in_every_form(string statement, string call)
        {
            var marked = statement.Replace(call, "{|SOCK003:" + call + "|}");
            await Verify.VerifyAnalyzerAsync(Usings + $$"""
                class C
                {
                    async Task M(IPEndPoint ep, byte[] buffer)
                    {
                        using var server = new Socket(SocketType.Stream, ProtocolType.Tcp);
                        server.Bind(ep);
                        server.Listen();
                        {{marked}}
                    }

                    static void Use(int count) { }
                }
                """);
        }

        [Theory]
        [InlineData("var client = server.Accept(); int n = client.Receive(buffer); Use(n);")]
        [InlineData("var client = await server.AcceptAsync(); int n = await client.ReceiveAsync(buffer); Use(n);")]
        [InlineData("using var client = server.Accept(); using var stream = new NetworkStream(client); int n = stream.Read(buffer, 0, buffer.Length); Use(n);")]
        [InlineData("Socket client = flag ? server.Accept() : server; int n = client.Receive(buffer); Use(n);")]
        public async Task Io_on_the_accepted_socket_is_quiet(string statements)
            => await Verify.VerifyAnalyzerAsync(Usings + $$"""
                class C
                {
                    async Task M(IPEndPoint ep, byte[] buffer, bool flag)
                    {
                        using var server = new Socket(SocketType.Stream, ProtocolType.Tcp);
                        server.Bind(ep);
                        server.Listen();
                        {{statements}}
                    }

                    static void Use(int count) { }
                }
                """);

        [Fact]
        public Task Receive_on_TcpListener_Server_after_Start_is_reported()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class C
                {
                    int M(byte[] buffer)
                    {
                        var listener = new TcpListener(IPAddress.Loopback, 0);
                        listener.Start();
                        var server = listener.Server;
                        return {|#0:server.Receive(buffer)|};
                    }

                    int N(byte[] buffer)
                    {
                        var listener = new TcpListener(IPAddress.Loopback, 0);
                        listener.Start();
                        return {|#1:listener.Server.Send(buffer)|};
                    }
                }
                """,
                Verify.Diagnostic("SOCK003").WithLocation(0).WithArguments("server", "receive"),
                Verify.Diagnostic("SOCK003").WithLocation(1).WithArguments("listener.Server", "send"));

        [Fact]
        public Task Accepted_TcpClient_stream_is_quiet()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class C
                {
                    async Task M(byte[] buffer)
                    {
                        var listener = new TcpListener(IPAddress.Loopback, 0);
                        listener.Start();
                        using var client = await listener.AcceptTcpClientAsync();
                        var stream = client.GetStream();
                        int n = await stream.ReadAsync(buffer, 0, buffer.Length);
                        await stream.WriteAsync(buffer, 0, n);
                    }
                }
                """);

        [Fact]
        public Task Listening_socket_field_read_in_another_method_is_reported_from_the_class_summary()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class C
                {
                    private readonly Socket server = new Socket(SocketType.Stream, ProtocolType.Tcp);

                    void Start(IPEndPoint ep) { server.Bind(ep); server.Listen(); }

                    int Read(byte[] buffer) => {|SOCK003:server.Receive(buffer)|};
                }
                """);

        [Fact]
        public Task Socket_field_that_another_method_may_replace_with_an_accepted_one_is_quiet()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class C
                {
                    private Socket server = new Socket(SocketType.Stream, ProtocolType.Tcp);

                    void Start(IPEndPoint ep) { server.Bind(ep); server.Listen(); }

                    void Next() { server = server.Accept(); }

                    int Read(byte[] buffer) => server.Receive(buffer);
                }
                """);

        /// <summary>
        /// fresh54's demo server: the receive is begun on the accepted client, but its callback ends it on the listener field.
        /// An <c>End…</c> given the callback's own <c>IAsyncResult</c> is checked like the operation (it throws on a socket
        /// whose every state forbids it), static field or instance field.
        /// </summary>
        [Theory]
        [InlineData("static")]
        [InlineData("")]
        public Task Receive_ended_on_the_listening_field_in_a_callback_is_reported(string modifier)
            => Verify.VerifyAnalyzerAsync(Usings + $$"""
                class Server
                {
                    private {{modifier}} Socket socket;
                    private {{modifier}} byte[] buffer = new byte[1024];

                    {{modifier}} void Start()
                    {
                        socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        socket.Bind(new IPEndPoint(IPAddress.Any, 9787));
                        socket.Listen(128);
                        socket.BeginAccept(AcceptCallBack, null);
                    }

                    private {{modifier}} void AcceptCallBack(IAsyncResult iar)
                    {
                        Socket client = socket.EndAccept(iar);
                        client.BeginReceive(buffer, 0, buffer.Length, SocketFlags.None, ReceiveCallBack, client);
                    }

                    private {{modifier}} void ReceiveCallBack(IAsyncResult iar)
                    {
                        int length = {|#0:socket.EndReceive(iar)|};
                        if (length == 0) return;
                        Console.WriteLine(length);
                    }
                }
                """,
                Verify.Diagnostic("SOCK003").WithLocation(0).WithArguments("socket", "receive"));

        [Fact]
        public Task Receive_ended_on_the_accepted_socket_in_a_callback_is_quiet()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class Server
                {
                    private Socket socket;
                    private byte[] buffer = new byte[1024];

                    void Start()
                    {
                        socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        socket.Bind(new IPEndPoint(IPAddress.Any, 9787));
                        socket.Listen(128);
                        socket.BeginAccept(AcceptCallBack, null);
                    }

                    private void AcceptCallBack(IAsyncResult iar)
                    {
                        Socket client = socket.EndAccept(iar);
                        client.BeginReceive(buffer, 0, buffer.Length, SocketFlags.None, ReceiveCallBack, client);
                        socket.BeginAccept(AcceptCallBack, null);
                    }

                    private void ReceiveCallBack(IAsyncResult iar)
                    {
                        var client = (Socket)iar.AsyncState;
                        int length = client.EndReceive(iar);
                        if (length == 0) return;
                        Console.WriteLine(length);
                    }
                }
                """);

        /// <summary>The End of a result the body's own Begin gave: the Begin is the finding, once.</summary>
        [Fact]
        public Task Receive_begun_and_ended_on_the_listening_socket_in_one_body_is_reported_once()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class C
                {
                    void M(IPEndPoint ep, byte[] buffer)
                    {
                        var server = new Socket(SocketType.Stream, ProtocolType.Tcp);
                        server.Bind(ep);
                        server.Listen();
                        var ar = {|SOCK003:server.BeginReceive(buffer, 0, buffer.Length, SocketFlags.None, null, null)|};
                        int n = server.EndReceive(ar);
                        Console.WriteLine(n);
                    }
                }
                """);
    }
}
