using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SocketAnalyzers.Tests.Verifiers;
using Xunit;
using Verify = SocketAnalyzers.Tests.Verifiers.AnalyzerVerifier<SocketAnalyzers.Lifecycle.SocketLifecycleAnalyzer>;

namespace SocketAnalyzers.Tests.Lifecycle
{
    /// <summary>
    /// The class summary of socket fields (issue 9, "Precision first") on the shapes real classes take: several
    /// constructors, constructor chaining, inheritance, partial classes, events, delegates, async methods, lambdas and
    /// local functions, static constructors, properties, generic wrappers, the members that close a field, and
    /// half-typed code. Each shape has the case that must be reported and the case that must stay quiet.
    /// </summary>
    public sealed class FieldTypestateShapesTests
    {
        private const string Usings = "using System; using System.Net; using System.Net.Sockets; using System.Threading; using System.Threading.Tasks;\n";

        // ---- 1. Several constructors: the entry state is the union of what every constructor leaves ----

        [Fact]
        public Task A_listener_that_every_constructor_leaves_unstarted_is_reported()
            => Verify.VerifyAnalyzerAsync(Usings + """
                sealed class Server
                {
                    private readonly TcpListener listener;

                    public Server() => listener = new TcpListener(IPAddress.Loopback, 9000);

                    public Server(int port) => listener = new TcpListener(IPAddress.Any, port);

                    public TcpClient Next() => {|#0:listener.AcceptTcpClient()|};
                }
                """,
                Verify.Diagnostic("SOCK002").WithLocation(0).WithArguments("listener", "not started (no method of 'Server' starts it)", "AcceptTcpClient", "Start"));

        [Fact]
        public Task A_listener_that_one_constructor_of_several_starts_is_quiet()
            => Verify.VerifyAnalyzerAsync(Usings + """
                sealed class Server
                {
                    private readonly TcpListener listener;

                    public Server() => listener = new TcpListener(IPAddress.Loopback, 9000);

                    public Server(int port)
                    {
                        listener = new TcpListener(IPAddress.Any, port);
                        listener.Start();
                    }

                    public TcpClient Next() => listener.AcceptTcpClient();
                }
                """);

        // ---- 2. Constructor chaining: this(...) in both directions, and base(...) ----

        [Theory]
        [InlineData("public Server() : this(9000) { }", "public Server(int port) { listener = new TcpListener(IPAddress.Any, port); listener.Start(); }")]
        [InlineData("public Server() : this(9000) { listener.Start(); }", "public Server(int port) { listener = new TcpListener(IPAddress.Any, port); }")]
        [InlineData("public Server() : this(9000) { listener.Start(); }", "private Server(int port) => listener = new TcpListener(IPAddress.Any, port);")]
        public Task Constructor_chaining_where_either_constructor_starts_the_listener_is_quiet(string calling, string chained)
            => Verify.VerifyAnalyzerAsync(Usings + $$"""
                sealed class Server
                {
                    private readonly TcpListener listener;

                    {{calling}}

                    {{chained}}

                    public TcpClient Next() => listener.AcceptTcpClient();
                }
                """);

        [Fact]
        public Task Constructor_chaining_where_no_constructor_starts_the_listener_is_reported()
            => Verify.VerifyAnalyzerAsync(Usings + """
                sealed class Server
                {
                    private readonly TcpListener listener;

                    public Server() : this(9000)
                    {
                    }

                    public Server(int port) => listener = new TcpListener(IPAddress.Any, port);

                    public TcpClient Next() => {|SOCK002:listener.AcceptTcpClient()|};
                }
                """);

        [Fact]
        public Task An_accept_in_the_calling_constructor_after_a_chained_constructor_that_only_creates_is_reported()
            => Verify.VerifyAnalyzerAsync(Usings + """
                sealed class Server
                {
                    private readonly TcpListener listener;
                    private readonly TcpClient first;

                    public Server() : this(9000)
                    {
                        first = {|SOCK002:listener.AcceptTcpClient()|};
                    }

                    private Server(int port) => listener = new TcpListener(IPAddress.Any, port);
                }
                """);

        [Fact]
        public Task A_base_constructor_call_does_not_start_a_private_field_of_the_derived_class()
            => Verify.VerifyAnalyzerAsync(Usings + """
                abstract class ServiceBase
                {
                    protected ServiceBase(string name) => Name = name;

                    public string Name { get; }
                }

                sealed class Server : ServiceBase
                {
                    private readonly TcpListener listener;

                    public Server(int port) : base("server") => listener = new TcpListener(IPAddress.Any, port);

                    public TcpClient Next() => {|SOCK002:listener.AcceptTcpClient()|};
                }
                """);

        [Fact]
        public Task A_derived_constructor_that_starts_its_field_after_base_is_quiet()
            => Verify.VerifyAnalyzerAsync(Usings + """
                abstract class ServiceBase
                {
                    protected ServiceBase(string name) => Name = name;

                    public string Name { get; }
                }

                sealed class Server : ServiceBase
                {
                    private readonly TcpListener listener;

                    public Server(int port) : base("server")
                    {
                        listener = new TcpListener(IPAddress.Any, port);
                        listener.Start();
                    }

                    public TcpClient Next() => listener.AcceptTcpClient();
                }
                """);

        [Fact]
        public Task A_primary_constructor_and_a_chained_constructor_that_never_start_the_field_are_reported()
            => Verify.VerifyAnalyzerAsync(Usings + """
                sealed class Server(int port)
                {
                    private readonly TcpListener listener = new(IPAddress.Any, port);

                    public Server() : this(9000)
                    {
                    }

                    public TcpClient Next() => {|SOCK002:listener.AcceptTcpClient()|};
                }
                """);

        [Fact]
        public Task A_primary_constructor_parameter_that_holds_the_listener_stays_unknown()
            => Verify.VerifyAnalyzerAsync(Usings + """
                sealed class Server(TcpListener listener)
                {
                    public TcpClient Next() => listener.AcceptTcpClient();
                }
                """);

        [Fact]
        public Task A_record_whose_copies_share_the_field_is_summarised_over_its_own_members()
            => Verify.VerifyAnalyzerAsync(Usings + """
                sealed record Server(int Port)
                {
                    private readonly TcpListener listener = new(IPAddress.Any, Port);

                    public TcpClient Next() => {|SOCK002:listener.AcceptTcpClient()|};

                    public Server Copy() => this with { };
                }

                sealed record StartedServer(int Port)
                {
                    private readonly TcpListener listener = new(IPAddress.Any, Port);

                    public void Start() => listener.Start();

                    public TcpClient Next() => listener.AcceptTcpClient();
                }
                """);

        // ---- 3. Inheritance ----

        [Theory]
        [InlineData("public void Start() => listener.Start();")]
        [InlineData("")]
        public Task A_protected_listener_of_an_unsealed_base_class_stays_unknown_in_the_derived_class(string baseMember)
            => Verify.VerifyAnalyzerAsync(Usings + $$"""
                class ServerBase
                {
                    protected readonly TcpListener listener = new TcpListener(IPAddress.Loopback, 0);

                    {{baseMember}}
                }

                sealed class Server : ServerBase
                {
                    public TcpClient Next() => listener.AcceptTcpClient();
                }
                """);

        [Fact]
        public Task An_override_that_the_base_constructor_calls_counts_as_a_member_that_may_start_the_field()
            => Verify.VerifyAnalyzerAsync(Usings + """
                abstract class ServiceBase
                {
                    protected ServiceBase() => OnCreated();

                    protected abstract void OnCreated();
                }

                sealed class Server : ServiceBase
                {
                    private readonly TcpListener listener = new TcpListener(IPAddress.Loopback, 0);

                    protected override void OnCreated() => listener.Start();

                    public TcpClient Next() => listener.AcceptTcpClient();
                }
                """);

        [Fact]
        public Task An_override_that_the_base_constructor_calls_before_the_derived_constructor_starts_the_field_is_quiet()
            => Verify.VerifyAnalyzerAsync(Usings + """
                abstract class ServiceBase
                {
                    protected ServiceBase() => OnCreated();

                    protected abstract void OnCreated();
                }

                sealed class Server : ServiceBase
                {
                    private readonly TcpListener listener = new TcpListener(IPAddress.Loopback, 0);
                    private TcpClient first;

                    public Server() => listener.Start();

                    protected override void OnCreated() => first = listener.AcceptTcpClient();
                }
                """);

        [Fact]
        public Task A_private_field_of_an_unsealed_class_is_reported_as_in_a_sealed_one()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class Server
                {
                    private readonly TcpListener listener = new TcpListener(IPAddress.Loopback, 0);

                    protected virtual void OnAccepted(TcpClient client) => client.Dispose();

                    public void Serve() => OnAccepted({|SOCK002:listener.AcceptTcpClient()|});
                }

                sealed class LoggingServer : Server
                {
                    protected override void OnAccepted(TcpClient client)
                    {
                        Console.WriteLine("accepted");
                        base.OnAccepted(client);
                    }
                }
                """);

        // ---- 4. Partial classes: the summary covers every part of the type ----

        private const string PartialFieldPart = Usings + """
            sealed partial class Server
            {
                private readonly TcpListener listener = new TcpListener(IPAddress.Loopback, 0);

                public Server(int port) => Port = port;

                public int Port { get; }
            }
            """;

        [Fact]
        public Task A_partial_class_that_starts_the_field_in_another_part_is_quiet()
        {
            var test = new SocketAnalyzerTest();
            test.Sources.Add(PartialFieldPart);
            test.Sources.Add(Usings + """
                sealed partial class Server
                {
                    public void Start() => listener.Start();

                    public TcpClient Next() => listener.AcceptTcpClient();
                }
                """);
            return test.RunAsync();
        }

        [Fact]
        public Task A_partial_class_that_no_part_starts_is_reported_in_the_part_that_accepts()
        {
            var test = new SocketAnalyzerTest();
            test.Sources.Add(PartialFieldPart);
            test.Sources.Add(Usings + """
                sealed partial class Server
                {
                    public TcpClient Next() => {|#0:listener.AcceptTcpClient()|};
                }
                """);
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("SOCK002").WithLocation(0).WithArguments("listener", "not started (no method of 'Server' starts it)", "AcceptTcpClient", "Start"));
            return test.RunAsync();
        }

        [Theory]
        [InlineData("private readonly TcpListener listener = new TcpListener(IPAddress.Loopback, 0);", "public TcpClient Next() => listener.AcceptTcpClient();", "SOCK002")]
        [InlineData("private readonly TcpClient client; public Server() => client = new TcpClient();", "public void Send(byte[] d) => client.GetStream().Write(d, 0, d.Length);", "SOCK004")]
        [InlineData("private readonly Socket socket = new Socket(SocketType.Stream, ProtocolType.Tcp); public void Open(EndPoint ep) { socket.Bind(ep); socket.Listen(); }", "public int Read(byte[] b) => socket.Receive(b);", "SOCK003")]
        public async Task A_partial_class_finding_is_reported_by_per_document_and_span_analysis_of_the_part_that_makes_the_call(string fieldPart, string callingMember, string id)
        {
            var test = new SocketAnalyzerTest();
            var project = test.CreateProject(ImmutableArray.Create(
                Usings + "sealed partial class Server\n{\n" + fieldPart + "\n}\n",
                Usings + "sealed partial class Server\n{\n" + callingMember + "\n}\n"));
            var compilation = (await project.GetCompilationAsync())!;
            var withAnalyzers = compilation.WithAnalyzers(test.Analyzers);
            var calling = compilation.SyntaxTrees.Single(t => t.ToString().Contains(callingMember, System.StringComparison.Ordinal));
            var declaring = compilation.SyntaxTrees.Single(t => !ReferenceEquals(t, calling));

            var whole = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            Assert.Equal(new[] { id }, whole.Select(d => d.Id));

            var inDocument = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(calling), null, CancellationToken.None);
            Assert.Equal(new[] { id }, inDocument.Select(d => d.Id));

            var member = (await calling.GetRootAsync()).DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax>().Single();
            var inSpan = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(calling), member.FullSpan, CancellationToken.None);
            Assert.Equal(new[] { id }, inSpan.Select(d => d.Id));

            var inDeclaringPart = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(declaring), null, CancellationToken.None);
            Assert.Empty(inDeclaringPart);
        }

        // ---- 5. Events, delegates, async methods, lambdas, local functions, static constructors ----

        [Fact]
        public Task An_event_handler_that_sends_on_a_field_nothing_connects_is_reported()
            => Verify.VerifyAnalyzerAsync(Usings + """
                sealed class Heartbeat
                {
                    private readonly Socket socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                    private readonly byte[] ping = { 1 };

                    public event Action Tick;

                    public void Wire() => Tick += () => {|SOCK004:socket.Send(ping)|};

                    public void Fire() => Tick?.Invoke();
                }
                """);

        [Theory]
        [InlineData("public event Action Ready; public void Wire(EndPoint ep) { Ready += () => socket.Connect(ep); }")]
        [InlineData("private readonly Func<Task> connect; public Client(EndPoint ep) { connect = () => socket.ConnectAsync(ep); } public Task ConnectAsync() => connect();")]
        public Task An_event_handler_or_a_stored_delegate_that_connects_the_field_keeps_sends_quiet(string members)
            => Verify.VerifyAnalyzerAsync(Usings + $$"""
                sealed class Client
                {
                    private readonly Socket socket = new Socket(SocketType.Stream, ProtocolType.Tcp);

                    {{members}}

                    public Task<int> SendAsync(byte[] data) => socket.SendAsync(data, SocketFlags.None);
                }
                """);

        [Fact]
        public Task A_delegate_that_connects_the_field_invoked_in_the_same_method_keeps_the_send_quiet()
            => Verify.VerifyAnalyzerAsync(Usings + """
                sealed class Client
                {
                    private readonly Socket socket = new Socket(SocketType.Stream, ProtocolType.Tcp);

                    public async Task SendAsync(EndPoint ep, byte[] data)
                    {
                        Func<Task> connect = () => socket.ConnectAsync(ep);
                        await connect();
                        await socket.SendAsync(data, SocketFlags.None);
                    }
                }
                """);

        [Fact]
        public Task An_async_method_that_connects_keeps_the_send_of_another_async_method_quiet()
            => Verify.VerifyAnalyzerAsync(Usings + """
                sealed class Client
                {
                    private readonly Socket socket = new Socket(SocketType.Stream, ProtocolType.Tcp);

                    public async Task ConnectAsync(EndPoint ep) => await socket.ConnectAsync(ep).ConfigureAwait(false);

                    public async Task SendAsync(byte[] data) => await socket.SendAsync(data, SocketFlags.None).ConfigureAwait(false);
                }
                """);

        [Fact]
        public Task An_async_send_on_a_field_no_method_connects_is_reported()
            => Verify.VerifyAnalyzerAsync(Usings + """
                sealed class Client
                {
                    private readonly Socket socket = new Socket(SocketType.Stream, ProtocolType.Tcp);

                    public async Task SendAsync(byte[] data) => await {|#0:socket.SendAsync(data, SocketFlags.None)|}.ConfigureAwait(false);

                    public async Task<int> ReceiveAsync(byte[] buffer) => await {|#1:socket.ReceiveAsync(buffer, SocketFlags.None)|};
                }
                """,
                Verify.Diagnostic("SOCK004").WithLocation(0).WithArguments("socket", "unbound (no method of 'Client' connects it)", "SendAsync", "SocketException", "Connect it first"),
                Verify.Diagnostic("SOCK004").WithLocation(1).WithArguments("socket", "unbound (no method of 'Client' connects it)", "ReceiveAsync", "SocketException", "Connect it first"));

        [Fact]
        public Task A_receive_on_a_datagram_field_no_method_binds_says_no_method_binds_or_connects_it()
            => Verify.VerifyAnalyzerAsync(Usings + """
                sealed class Listener
                {
                    private readonly Socket socket = new Socket(SocketType.Dgram, ProtocolType.Udp);

                    public int Next(byte[] buffer) => {|#0:socket.Receive(buffer)|};
                }
                """,
                Verify.Diagnostic("SOCK004").WithLocation(0).WithArguments("socket", "unbound (no method of 'Listener' binds or connects it)", "Receive",
                    "SocketException on Windows (on Linux it waits for ever: the socket has no port)", "Bind it to a local endpoint first (or connect it)"));

        [Theory]
        [InlineData("_ = Task.Run(() => listener.Start());", "public TcpClient Next() => listener.AcceptTcpClient();")]
        [InlineData("listener.Start(); _ = Task.Run(() => listener.AcceptTcpClient());", "")]
        [InlineData("listener.Start(); _ = Task.Run(async () => { while (true) { (await listener.AcceptTcpClientAsync()).Dispose(); } });", "")]
        public Task A_lambda_in_the_constructor_that_starts_or_follows_a_start_is_quiet(string constructorBody, string member)
            => Verify.VerifyAnalyzerAsync(Usings + $$"""
                sealed class Server
                {
                    private readonly TcpListener listener = new TcpListener(IPAddress.Loopback, 0);

                    public Server()
                    {
                        {{constructorBody}}
                    }

                    {{member}}
                }
                """);

        [Fact]
        public Task A_lambda_in_the_constructor_that_accepts_on_a_listener_nothing_starts_is_reported()
            => Verify.VerifyAnalyzerAsync(Usings + """
                sealed class Server
                {
                    private readonly TcpListener listener = new TcpListener(IPAddress.Loopback, 0);

                    public Server() => _ = Task.Run(() => {|SOCK002:listener.AcceptTcpClient()|});
                }
                """);

        [Theory]
        [InlineData("EnsureStarted(); return listener.AcceptTcpClient(); void EnsureStarted() => listener.Start();")]
        [InlineData("Action start = () => listener.Start(); start(); return listener.AcceptTcpClient();")]
        public Task A_local_function_or_lambda_of_the_same_method_that_starts_the_field_keeps_the_accept_quiet(string body)
            => Verify.VerifyAnalyzerAsync(Usings + $$"""
                sealed class Server
                {
                    private readonly TcpListener listener = new TcpListener(IPAddress.Loopback, 0);

                    public TcpClient Next()
                    {
                        {{body}}
                    }
                }
                """);

        [Fact]
        public Task A_local_function_that_accepts_on_a_listener_nothing_starts_is_reported()
            => Verify.VerifyAnalyzerAsync(Usings + """
                sealed class Server
                {
                    private readonly TcpListener listener = new TcpListener(IPAddress.Loopback, 0);

                    public TcpClient Next()
                    {
                        return Accept();

                        TcpClient Accept() => {|SOCK002:listener.AcceptTcpClient()|};
                    }
                }
                """);

        [Fact]
        public Task A_helper_call_after_the_method_connected_a_non_readonly_field_keeps_its_send_quiet()
            => Verify.VerifyAnalyzerAsync(Usings + """
                sealed class Client
                {
                    private Socket socket;

                    public void Open(EndPoint ep, byte[] hello)
                    {
                        socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                        socket.Connect(ep);
                        Log("connected");
                        socket.Send(hello);
                    }

                    private void Log(string text) => Console.WriteLine(text);
                }
                """);

        [Theory]
        [InlineData("if (!connected) { socket.Connect(ep); connected = true; return; } socket.Send(data);")]
        [InlineData("if (connected) { socket.Send(data); } else { socket.Connect(ep); connected = true; }")]
        [InlineData("switch (step++) { case 0: socket.Connect(ep); break; default: socket.Send(data); break; }")]
        public Task A_method_whose_earlier_call_connects_the_field_keeps_its_later_send_quiet(string body)
            => Verify.VerifyAnalyzerAsync(Usings + $$"""
                sealed class Pump
                {
                    private readonly Socket socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                    private bool connected;
                    private int step;

                    public void Tick(EndPoint ep, byte[] data)
                    {
                        {{body}}
                    }
                }
                """);

        [Fact]
        public Task A_method_that_sends_before_anything_could_connect_the_field_is_reported()
            => Verify.VerifyAnalyzerAsync(Usings + """
                sealed class Pump
                {
                    private readonly Socket socket = new Socket(SocketType.Stream, ProtocolType.Tcp);

                    public void Tick(byte[] data)
                    {
                        {|SOCK004:socket.Send(data)|};
                        socket.Close();
                    }
                }
                """);

        [Fact]
        public Task A_static_listener_that_the_static_constructor_starts_is_quiet()
            => Verify.VerifyAnalyzerAsync(Usings + """
                static class Server
                {
                    private static readonly TcpListener Listener;

                    static Server()
                    {
                        Listener = new TcpListener(IPAddress.Loopback, 0);
                        Listener.Start();
                    }

                    public static TcpClient Next() => Listener.AcceptTcpClient();
                }
                """);

        [Fact]
        public Task A_static_listener_that_the_static_constructor_only_creates_is_reported()
            => Verify.VerifyAnalyzerAsync(Usings + """
                static class Server
                {
                    private static readonly TcpListener Listener;

                    static Server() => Listener = new TcpListener(IPAddress.Loopback, 0);

                    public static TcpClient Next() => {|#0:Listener.AcceptTcpClient()|};
                }
                """,
                Verify.Diagnostic("SOCK002").WithLocation(0).WithArguments("Listener", "not started (no method of 'Server' starts it)", "AcceptTcpClient", "Start"));

        // ---- Copies the summary must see: a store whose value is used again, a pattern that names the socket ----

        [Theory]
        [InlineData("public Server() => (listener = new TcpListener(IPAddress.Loopback, 0)).Start();")]
        [InlineData("public Server() { var started = listener = new TcpListener(IPAddress.Loopback, 0); started.Start(); }")]
        [InlineData("public Server() { listener = new TcpListener(IPAddress.Loopback, 0); if (listener is { } l) { l.Start(); } }")]
        [InlineData("public Server() { listener = new TcpListener(IPAddress.Loopback, 0); if (listener is TcpListener l) { l.Start(); } }")]
        [InlineData("public Server() { listener = new TcpListener(IPAddress.Loopback, 0); if (!(listener is not { } l)) { l.Start(); } }")]
        public Task A_listener_started_through_the_value_of_its_store_or_a_pattern_variable_is_quiet(string constructor)
            => Verify.VerifyAnalyzerAsync(Usings + $$"""
                sealed class Server
                {
                    private readonly TcpListener listener;

                    {{constructor}}

                    public TcpClient Next() => listener.AcceptTcpClient();
                }
                """);

        [Fact]
        public Task A_null_check_pattern_on_the_field_keeps_it_summarised()
            => Verify.VerifyAnalyzerAsync(Usings + """
                sealed class Server
                {
                    private readonly TcpListener listener = new TcpListener(IPAddress.Loopback, 0);

                    public TcpClient Next() => listener is not null ? {|SOCK002:listener.AcceptTcpClient()|} : null;
                }
                """);

        // ---- 6. Properties and object initializers ----

        [Theory]
        [InlineData("public Socket Socket { get; set; } = new Socket(SocketType.Stream, ProtocolType.Tcp);", "Socket")]
        [InlineData("private Socket socket = new Socket(SocketType.Stream, ProtocolType.Tcp); public Socket Socket { get => socket; set => socket = value; }", "socket")]
        [InlineData("private Socket socket = new Socket(SocketType.Stream, ProtocolType.Tcp); public Socket Socket { set => socket = value; }", "socket")]
        public Task A_socket_behind_a_property_with_a_public_setter_stays_unknown(string members, string name)
            => Verify.VerifyAnalyzerAsync(Usings + $$"""
                sealed class Client
                {
                    {{members}}

                    public int Send(byte[] data) => {{name}}.Send(data);

                    public static Client Over(Socket connected) => new Client { Socket = connected };
                }
                """);

        [Fact]
        public Task A_private_field_an_object_initializer_of_the_class_sets_to_an_unconnected_client_is_reported()
            => Verify.VerifyAnalyzerAsync(Usings + """
                sealed class Client
                {
                    private TcpClient client;

                    public static Client Create() => new Client { client = new TcpClient() };

                    public void Send(byte[] data) => {|SOCK004:client.GetStream()|}.Write(data, 0, data.Length);
                }
                """);

        // ---- 7. Generic wrappers ----

        [Theory]
        [InlineData("private readonly T socket; public Wrapper(T socket) => this.socket = socket;", "socket.Send(data)")]
        [InlineData("private readonly Lazy<Socket> socket = new Lazy<Socket>(() => new Socket(SocketType.Stream, ProtocolType.Tcp));", "socket.Value.Send(data)")]
        [InlineData("private readonly Lazy<Socket> socket = new Lazy<Socket>(() => { var s = new Socket(SocketType.Stream, ProtocolType.Tcp); return s; });", "socket.Value.Send(data)")]
        public Task A_field_of_a_type_parameter_or_a_lazy_socket_stays_unknown(string members, string send)
            => Verify.VerifyAnalyzerAsync(Usings + $$"""
                sealed class Wrapper<T>
                    where T : Socket
                {
                    {{members}}

                    public int Send(byte[] data) => {{send}};
                }
                """);

        [Fact]
        public Task A_generic_wrapper_whose_constrained_field_is_created_as_a_socket_is_still_summarised()
            => Verify.VerifyAnalyzerAsync(Usings + """
                sealed class Wrapper<T>
                    where T : class
                {
                    private readonly Socket socket = new Socket(SocketType.Stream, ProtocolType.Tcp);

                    public T Tag { get; set; }

                    public int Send(byte[] data) => {|SOCK004:socket.Send(data)|};
                }
                """);

        // ---- 8. Members that close the field: a method may run before them ----

        [Theory]
        [InlineData("public void Close() => socket.Close();")]
        [InlineData("public void Stop() { socket.Shutdown(SocketShutdown.Both); socket.Close(); }")]
        [InlineData("public async ValueTask DisposeAsync() { await Task.Yield(); socket.Dispose(); }")]
        [InlineData("public ValueTask DisposeAsync() { socket.Dispose(); return default; }")]
        public Task A_close_stop_or_dispose_async_of_the_field_does_not_make_io_elsewhere_certain(string closing)
            => Verify.VerifyAnalyzerAsync(Usings + $$"""
                sealed class Client : IAsyncDisposable
                {
                    private readonly Socket socket = new Socket(SocketType.Stream, ProtocolType.Tcp);

                    public void Connect(EndPoint ep) => socket.Connect(ep);

                    public int Send(byte[] data) => socket.Send(data);

                    {{closing}}

                    ValueTask IAsyncDisposable.DisposeAsync() => default;
                }
                """);

        [Fact]
        public Task A_listener_stop_method_does_not_make_accept_elsewhere_certain()
            => Verify.VerifyAnalyzerAsync(Usings + """
                sealed class Server
                {
                    private readonly TcpListener listener = new TcpListener(IPAddress.Loopback, 0);

                    public void Start() => listener.Start();

                    public TcpClient Next() => listener.AcceptTcpClient();

                    public void Stop() => listener.Stop();
                }
                """);

        [Theory]
        [InlineData("public void Close() => socket.Close();")]
        [InlineData("public async ValueTask DisposeAsync() { await Task.Yield(); socket.Dispose(); }")]
        public Task A_close_of_a_field_no_method_connects_still_reports_the_missing_connect(string closing)
            => Verify.VerifyAnalyzerAsync(Usings + $$"""
                sealed class Client
                {
                    private readonly Socket socket = new Socket(SocketType.Stream, ProtocolType.Tcp);

                    public int Send(byte[] data) => {|#0:socket.Send(data)|};

                    {{closing}}
                }
                """,
                Verify.Diagnostic("SOCK004").WithLocation(0).WithArguments("socket", "unbound or closed (no method of 'Client' connects it)", "Send", "SocketException", "Connect it first"));

        // ---- 9. Half-typed code: no crash ----

        [Fact]
        public Task A_field_declared_after_the_members_that_use_it_is_summarised()
            => Verify.VerifyAnalyzerAsync(Usings + """
                sealed class Server
                {
                    public TcpClient Next() => {|SOCK002:listener.AcceptTcpClient()|};

                    public void Stop() => listener.Stop();

                    private readonly TcpListener listener = new TcpListener(IPAddress.Loopback, 0);
                }
                """);

        [Fact]
        public Task A_field_used_in_the_constructor_before_it_is_assigned_is_not_reported_on_the_later_socket()
            => Verify.VerifyAnalyzerAsync(Usings + """
                sealed class Server
                {
                    private readonly TcpListener listener;

                    public Server()
                    {
                        listener.Start();
                        listener = new TcpListener(IPAddress.Loopback, 0);
                    }

                    public TcpClient Next() => listener.AcceptTcpClient();
                }
                """);

        [Theory]
        [InlineData("private readonly TcpListener listener = new TcpListener(IPAddress.Loopback, 0)\n public TcpClient Next() { listener.Start() return listener.AcceptTcpClient() }")]
        [InlineData("private readonly TcpListener listener = new TcpListener(IPAddress.Loopback, 0);\n public void Start();\n public TcpClient Next() => listener.AcceptTcpClient();")]
        [InlineData("private readonly TcpListenr listener = new TcpListenr(IPAddress.Loopback, 0);\n public TcpClient Next() => listener.AcceptTcpClient();")]
        [InlineData("private readonly Socket first = second;\n private readonly Socket second = new Socket(SocketType.Stream, ProtocolType.Tcp);\n public int Send(byte[] d) => first.Send(d) + second.Send(d);")]
        [InlineData("private readonly TcpListener listener = new TcpListener(IPAddress.Loopback, 0);\n private readonly TcpListener listener = new TcpListener(IPAddress.Loopback, 1);\n public TcpClient Next() => listener.AcceptTcpClient();")]
        [InlineData("private readonly TcpListener listener = new TcpListener(;\n public Server() { listener = new TcpListener(IPAddress.Loopback, ) }\n public TcpClient Next() => listener.AcceptTcpClient(")]
        [InlineData("private TcpListener listener;\n public Server() : this( { }\n public Server(int p) : base(p) { listener = new TcpListener(IPAddress.Any, p); }\n public TcpClient Next() => listener.AcceptTcpClient();")]
        [InlineData("private readonly Socket socket = new Socket(SocketType.Stream, ProtocolType.Tcp);\n public int Send(byte[] d) => socket.Send(d);\n public void Connect(EndPoint ep) => socket.Connect(ep")]
        [InlineData("private readonly Socket socket = new Socket(SocketType.Stream, ProtocolType.Tcp);\n public int Send(byte[] d) => socket.Send(d, undefined);\n public void Hand() => Unknown.Take(socket);")]
        [InlineData("private readonly TcpListener listener = new TcpListener(IPAddress.Loopback, 0);\n public Server() { _ = Task.Run(() => listener. ); }\n public TcpClient Next() => listener.AcceptTcpClient();")]
        [InlineData("private readonly TcpListener listener = new TcpListener(IPAddress.Loopback, 0);\n public TcpClient Next() { Start(); return listener.AcceptTcpClient(); void Start() }")]
        [InlineData("private readonly TcpListener listener = new TcpListener(IPAddress.Loopback, 0);\n partial void OnStart();\n public TcpClient Next() { OnStart(); return listener.AcceptTcpClient(); }\n partial void OnStart() => listener.Start()")]
        [InlineData("private readonly TcpListener listener = new TcpListener(IPAddress.Loopback, 0);\n public TcpClient Next() { if (listener is { } l) l.Start(; return listener.AcceptTcpClient(); }")]
        [InlineData("private readonly TcpListener listener = new TcpListener(IPAddress.Loopback, 0);\n public Server() : base(listener) { }\n public TcpClient Next() => (listener = new TcpListener(IPAddress.Any, 1)).AcceptTcpClient();")]
        public async Task Half_typed_code_in_a_class_with_a_socket_field_does_not_crash_the_analyzers(string members)
        {
            var test = new SocketAnalyzerTest { AllowCompilerErrors = true };
            var project = test.CreateProject(ImmutableArray.Create(Usings + "sealed partial class Server\n{\n" + members + "\n}\n"));
            var compilation = (await project.GetCompilationAsync())!;
            Assert.Contains(compilation.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);

            // Throws on AD0001; which findings half-typed code gets is not the point, only that every analyzer survives it.
            await SocketAnalyzerTest.GetAnalyzerDiagnosticsAsync(project, test.Analyzers, CancellationToken.None);
        }

        [Theory]
        [InlineData("private readonly TcpListenr listener = new TcpListenr(IPAddress.Loopback, 0);\n public TcpClient Next() => listener.AcceptTcpClient();")]
        [InlineData("private readonly Socket socket = new Socket(SocketType.Stream, ProtocolType.Tcp);\n public int Send(byte[] d) => socket.Send(d);\n public void Connect(EndPoint ep) => socket.Connect(ep")]
        [InlineData("private readonly Socket socket = new Socket(SocketType.Stream, ProtocolType.Tcp);\n public int Send(byte[] d) => socket.Send(d);\n public void Connect(EndPoint ep) => socket.Conect(ep);")]
        public async Task Half_typed_code_that_may_connect_or_start_the_field_reports_nothing(string members)
        {
            var test = new SocketAnalyzerTest { AllowCompilerErrors = true };
            var project = test.CreateProject(ImmutableArray.Create(Usings + "sealed class Server\n{\n" + members + "\n}\n"));
            var diagnostics = await SocketAnalyzerTest.GetAnalyzerDiagnosticsAsync(project, test.Analyzers, CancellationToken.None);
            Assert.DoesNotContain(diagnostics, d => d.Id.StartsWith("SOCK", System.StringComparison.Ordinal));
        }
    }
}
