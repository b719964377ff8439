using System.Threading.Tasks;
using Xunit;
using Verify = SocketAnalyzers.Tests.Verifiers.AnalyzerVerifier<SocketAnalyzers.Lifecycle.SocketLifecycleAnalyzer>;

namespace SocketAnalyzers.Tests.Lifecycle
{
    /// <summary>
    /// A call of a simple helper of the class (it runs no other code of the class and only applies operations to its
    /// socket fields) moves the fields through those operations, where any other call of the class moves them through
    /// everything the class can do: <c>Disconnect(); client.Connect(…)</c> reconnects a closed client.
    /// </summary>
    public sealed class HelperEffectTests
    {
        private const string Usings = "using System; using System.Net; using System.Net.Sockets; using System.Threading.Tasks;\n";

        private static string Client(string disconnect, string reconnect = "Disconnect();\n        {|#0:client.Connect(\"localhost\", 9000)|};") => Usings + $$"""
            class Client
            {
                private TcpClient client = new TcpClient();
                private NetworkStream stream;
                private readonly object gate = new object();
                private bool connected;
                public bool Connected { get; private set; }

                public void Connect() => client.Connect("localhost", 9000);

                public void Open() => stream = client.GetStream();

                public void Disconnect()
                {
                    {{disconnect}}
                }

                public void Reconnect()
                {
                    {{reconnect}}
                }
            }
            """;

        [Theory]
        [InlineData("client.Close();")]
        [InlineData("client?.Close();")]
        [InlineData("if (client != null) client.Close();")]
        [InlineData("if (client is not null) { client.Close(); }")]
        [InlineData("connected = false; Console.WriteLine(\"bye\"); client.Close(); Connected = false;")]
        [InlineData("client.Client.Shutdown(SocketShutdown.Both); client.Close();")]
        [InlineData("stream?.Close(); client.Close();")]
        [InlineData("stream.Dispose(); client?.Close();")]
        [InlineData("if (client == null) return; client.Close();")]
        [InlineData("if (client is null) { return; } Console.WriteLine(\"closing\"); client.Close();")]
        [InlineData("lock (gate) { client.Close(); }")]
        [InlineData("try { Console.WriteLine(\"closing\"); } finally { client.Close(); }")]
        public Task Reconnecting_a_client_that_a_helper_closed_is_reported(string disconnect)
            => Verify.VerifyAnalyzerAsync(Client(disconnect), Verify.Diagnostic("SOCK005").WithLocation(0));

        [Fact]
        public Task A_helper_that_connects_the_client_a_helper_closed_is_reported_at_its_call()
            => Verify.VerifyAnalyzerAsync(
                Client("client.Close();", "Disconnect();\n        {|#0:Connect()|};"),
                Verify.Diagnostic("SOCK005").WithLocation(0).WithArguments("client", "closed", "Connect (in Connect())", "ObjectDisposedException"));

        [Fact]
        public Task A_helper_that_closes_and_then_calls_the_connecting_helper_is_reported_inside_it()
            => Verify.VerifyAnalyzerAsync(
                Client("client.Close();\n        {|#0:Connect()|};", "Disconnect();"),
                Verify.Diagnostic("SOCK005").WithLocation(0));

        [Fact]
        public Task A_helper_whose_own_operation_always_fails_is_reported_once_in_the_helper_not_again_at_its_calls()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class Client
                {
                    private readonly Socket socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                    private readonly byte[] data = new byte[1];

                    private void Send() => {|#0:socket.Send(data)|};

                    public void Twice()
                    {
                        Send();
                        Send();
                    }

                    public void Close() => socket.Close();
                }
                """,
                Verify.Diagnostic("SOCK004").WithLocation(0));

        [Fact]
        public Task A_helper_whose_step_has_a_code_fix_rule_is_not_reported_at_its_call()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class Server
                {
                    private readonly Socket socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

                    public void Bind() => socket.Bind(new IPEndPoint(IPAddress.Any, 0));

                    private void StartListening() => socket.Listen(10);

                    public void Run()
                    {
                        StartListening();
                    }
                }
                """);

        [Fact]
        public Task Listener_that_a_helper_stopped_is_reported_where_it_accepts()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class Server
                {
                    private readonly TcpListener listener = new TcpListener(IPAddress.Any, 9000);

                    public void Start() { listener.Start(); }

                    public void Stop() => listener.Stop();

                    public TcpClient StopThenAccept()
                    {
                        Stop();
                        return {|#0:listener.AcceptTcpClient()|};
                    }

                    public TcpClient RestartThenAccept()
                    {
                        Stop();
                        Start();
                        return listener.AcceptTcpClient();
                    }
                }
                """,
                Verify.Diagnostic("SOCK002").WithLocation(0).WithArguments("listener", "not started", "AcceptTcpClient", "Start"));

        /// <summary>
        /// fresh57 M1 (a course server's receive callback: <c>Stop(); Start();</c> after a receive error): a helper that is not
        /// simple still starts with its operation on the field, before anything of the class can run (a delegate made for
        /// the callback runs nothing), so a caller that closed the field is reported at the call; the rest of the helper
        /// may do anything the class can.
        /// </summary>
        [Theory]
        [InlineData("try { server.BeginAccept(new AsyncCallback(AcceptCallback), server); } catch (Exception) { } SetStatus(\"Waiting...\");", "BeginAccept")]
        [InlineData("server.Listen(10); Log(); server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);", "Listen")]
        [InlineData("if (server == null) return; server.BeginAccept(ar => Log(), null); SetStatus(\"Waiting...\");", "BeginAccept")]
        public Task Helper_that_starts_with_an_operation_on_a_closed_field_is_reported_at_its_call(string start, string operation)
            => Verify.VerifyAnalyzerAsync(
                Server(start, "Stop();\n        {|#0:Start()|};"),
                Verify.Diagnostic("SOCK005").WithLocation(0).WithArguments("server", "closed", operation + " (in Start())", "ObjectDisposedException"));

        /// <summary>Not when something of the class may run first: a statement before the operation, or an argument it computes.</summary>
        [Theory]
        [InlineData("Log(); server.BeginAccept(new AsyncCallback(AcceptCallback), server);")]
        [InlineData("server.BeginAccept(new AsyncCallback(AcceptCallback), State());")]
        [InlineData("SetStatus(\"Starting\"); server.Listen(10);")]
        [InlineData("server.Listen(Backlog);")]
        public Task Helper_whose_operation_may_come_after_other_code_of_the_class_is_quiet(string start)
            => Verify.VerifyAnalyzerAsync(Server(start, "Stop();\n        Start();"));

        [Fact]
        public Task After_a_helper_known_only_by_its_first_operation_the_field_is_what_the_class_can_make_it()
            => Verify.VerifyAnalyzerAsync(Server(
                "server.Listen(10); server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);",
                "server.Close();\n        {|#0:Start()|};\n        server.Bind(new IPEndPoint(IPAddress.Any, 0));"),
                Verify.Diagnostic("SOCK005").WithLocation(0));

        private static string Server(string start, string restart) => Usings + $$"""
            class Server
            {
                public Action<string> SetStatus = _ => { };
                private Socket server;

                public Server(Socket server) { this.server = server; }

                private int Backlog => Log();

                public void Start()
                {
                    {{start}}
                }

                public void Stop() { server.Close(); }

                public void Restart()
                {
                    {{restart}}
                }

                private void AcceptCallback(IAsyncResult ar) { }

                private object State() { server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); return null; }

                private int Log() => 10;
            }
            """;

        /// <summary>Helpers whose effect is not certain, or that may run other code of the class, leave the field to everything the class can do.</summary>
        [Theory]
        [InlineData("if (connected) client.Close();")]
        [InlineData("try { client.Close(); } finally { connected = false; }")]
        [InlineData("client.Close(); client = new TcpClient();")]
        [InlineData("client.Close(); client = null;")]
        [InlineData("client.Close(); Refresh();")]
        [InlineData("client.Close(); OnDisconnected?.Invoke();")]
        [InlineData("client.Close(); Task.Run(() => Connect());")]
        [InlineData("if (connected) return; client.Close();")]
        [InlineData("if (stream == null) return; stream.Close(); client.Close();")]
        [InlineData("lock (gate) { if (!connected) return; connected = false; client.Close(); }")]
        [InlineData("if (client != null) { if (!connected) return; client.Close(); }")]
        [InlineData("lock (gate) { client.Close(); System.Threading.Monitor.Wait(gate); }")]
        [InlineData("client.Close(); System.Threading.Thread.Sleep(100);")]
        [InlineData("for (var i = 0; i < 1; i++) client.Close();")]
        [InlineData("client.Close(); Helper.Notify(this);")]
        public Task Helper_that_may_not_close_or_runs_other_code_is_quiet(string disconnect)
            => Verify.VerifyAnalyzerAsync(Client(disconnect, "Disconnect();\n        client.Connect(\"localhost\", 9000);").Replace("class Client\n{", "class Client\n{\n    public event Action OnDisconnected;\n    private void Refresh() { client = new TcpClient(); }") + "\nstatic class Helper { public static void Notify(object o) { } }\n");

        [Fact]
        public Task A_close_inside_try_catch_keeps_the_state_before_it()
            => Verify.VerifyAnalyzerAsync(Client("try { client.Close(); } catch (SocketException) { }"));

        [Fact]
        public Task A_virtual_helper_may_be_overridden_and_is_quiet()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class Client
                {
                    private TcpClient client = new TcpClient();

                    public void Connect() => client.Connect("localhost", 9000);

                    protected virtual void Disconnect() => client.Close();

                    public void Reconnect()
                    {
                        Disconnect();
                        client.Connect("localhost", 9000);
                    }
                }
                """);

        [Fact]
        public Task A_helper_that_connects_makes_the_send_after_it_quiet()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class Client
                {
                    private readonly Socket socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

                    private void Open() => socket.Connect("localhost", 9000);

                    public void Send(byte[] data)
                    {
                        Open();
                        socket.Send(data);
                    }
                }
                """);

        [Fact]
        public Task A_helper_that_shuts_sending_down_is_followed_by_a_reported_send()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class Client
                {
                    private readonly Socket socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

                    public void Open() => socket.Connect("localhost", 9000);

                    private void Finish() => socket.Shutdown(SocketShutdown.Send);

                    public void Close() => socket.Close();

                    public void Send(byte[] data)
                    {
                        Finish();
                        {|#0:socket.Send(data)|};
                    }
                }
                """,
                Verify.Diagnostic("SOCK005").WithLocation(0));
    }
}
