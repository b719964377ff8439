using System.Threading.Tasks;
using Xunit;
using Verify = SocketAnalyzers.Tests.Verifiers.AnalyzerVerifier<SocketAnalyzers.Lifecycle.SocketLifecycleAnalyzer>;

namespace SocketAnalyzers.Tests.Lifecycle
{
    /// <summary>
    /// Typestate across the methods of a class: a private socket field's state at the entry of any method is every
    /// state the class can leave it in. A misuse is reported only where no method of the class can make it right, and
    /// the message names the field and the missing step. A field that escapes stays unknown.
    /// </summary>
    public sealed class FieldTypestateTests
    {
        private const string Usings = "using System; using System.Net; using System.Net.Sockets; using System.Threading; using System.Threading.Tasks;\n";

        [Fact]
        public Task A_listener_field_that_no_method_starts_is_reported_where_it_accepts()
            => Verify.VerifyAnalyzerAsync(Usings + """
                sealed class Server
                {
                    private readonly TcpListener listener;

                    public Server(int port)
                    {
                        listener = new TcpListener(IPAddress.Loopback, port);
                    }

                    public async Task RunAsync()
                    {
                        while (true)
                        {
                            var client = await {|#0:listener.AcceptTcpClientAsync()|};
                            client.Close();
                        }
                    }

                    public void Stop() => listener.Stop();
                }
                """,
                Verify.Diagnostic("SOCK002").WithLocation(0).WithArguments("listener", "not started (no method of 'Server' starts it)", "AcceptTcpClientAsync", "Start"));

        [Fact]
        public Task A_listener_field_that_a_method_starts_is_quiet()
            => Verify.VerifyAnalyzerAsync(Usings + """
                sealed class Server
                {
                    private readonly TcpListener listener = new TcpListener(IPAddress.Loopback, 0);

                    public void Start() => listener.Start();

                    public async Task RunAsync()
                    {
                        var client = await listener.AcceptTcpClientAsync();
                        client.Close();
                    }

                    public void Dispose() => listener.Stop();
                }
                """);

        [Fact]
        public Task A_socket_field_that_nothing_binds_is_reported_where_it_listens()
            => Verify.VerifyAnalyzerAsync(Usings + """
                sealed class Server
                {
                    private Socket socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

                    public void Listen() => {|#0:socket.Listen(10)|};

                    public Socket Next() => socket.Accept();
                }
                """,
                Verify.Diagnostic("SOCK001").WithLocation(0).WithArguments("socket", "unbound (no method of 'Server' binds it)", "Listen"));

        [Fact]
        public Task A_client_field_that_no_method_connects_is_reported_where_it_sends()
            => Verify.VerifyAnalyzerAsync(Usings + """
                sealed class Client : IDisposable
                {
                    private readonly TcpClient client;

                    public Client() : this(new TcpClient())
                    {
                    }

                    private Client(TcpClient unused)
                    {
                        client = new TcpClient();
                    }

                    public void Send(byte[] data)
                    {
                        var stream = {|#0:client.GetStream()|};
                        stream.Write(data, 0, data.Length);
                    }

                    public void Dispose() => client.Dispose();
                }
                """,
                Verify.Diagnostic("SOCK004").WithLocation(0).WithArguments("client", "created or closed (no method of 'Client' connects it)", "GetStream", "InvalidOperationException", "Connect it first"));

        /// <summary>
        /// mut39 #26 (a form's client): a stream kept from <c>client.GetStream()</c> may close the client, but only once the
        /// stream exists, and it exists only where the client was connected. A client that nothing connects is never
        /// closed by it: every use is SOCK004 ("created"), not SOCK005 ("created or closed").
        /// </summary>
        [Fact]
        public Task A_kept_stream_of_a_client_that_nothing_connects_does_not_make_it_closed()
            => Verify.VerifyAnalyzerAsync(Usings + """
                sealed class Form
                {
                    private readonly TcpClient client = new TcpClient();
                    private NetworkStream ns;

                    public void Load() => ns = {|#0:client.GetStream()|};

                    public void Click(byte[] data) => {|#1:client.GetStream()|}.Write(data, 0, data.Length);
                }
                """,
                Verify.Diagnostic("SOCK004").WithLocation(0).WithArguments("client", "created (no method of 'Form' connects it)", "GetStream", "InvalidOperationException", "Connect it first"),
                Verify.Diagnostic("SOCK004").WithLocation(1).WithArguments("client", "created (no method of 'Form' connects it)", "GetStream", "InvalidOperationException", "Connect it first"));

        /// <summary>Where a method connects the client, the kept stream may close it: a later use elsewhere is neither certain.</summary>
        [Fact]
        public Task A_kept_stream_of_a_client_that_a_method_connects_may_close_it()
            => Verify.VerifyAnalyzerAsync(Usings + """
                sealed class Form
                {
                    private readonly TcpClient client = new TcpClient();
                    private NetworkStream ns;

                    public void Connect(IPEndPoint ep) => client.Connect(ep);

                    public void Load() => ns = client.GetStream();

                    public void Click(byte[] data) => client.GetStream().Write(data, 0, data.Length);
                }
                """);

        /// <summary>
        /// mut38 #17 (a game client's <c>init()</c>): a null check compares the field as an <c>object</c>, through an implicit
        /// conversion, and does nothing to the socket; it had made the field unknown.
        /// </summary>
        [Theory]
        [InlineData("if (socket == null) socket = new Socket(SocketType.Stream, ProtocolType.Tcp);")]
        [InlineData("if (null == socket) { socket = new Socket(SocketType.Stream, ProtocolType.Tcp); }")]
        [InlineData("if (socket != null) return; socket = new Socket(SocketType.Stream, ProtocolType.Tcp);")]
        [InlineData("if ((object)socket == null) socket = new Socket(SocketType.Stream, ProtocolType.Tcp);")]
        [InlineData("if (socket is null) socket = new Socket(SocketType.Stream, ProtocolType.Tcp);")]
        public Task A_field_created_under_a_null_guard_that_no_method_connects_is_reported_where_it_sends(string open)
            => Verify.VerifyAnalyzerAsync(Usings + $$"""
                sealed class Client
                {
                    private Socket socket;

                    public void Open()
                    {
                        {{open}}
                        socket.SendTimeout = 3000;
                    }

                    public int Send(byte[] data) => {|#0:socket.Send(data)|};
                }
                """,
                Verify.Diagnostic("SOCK004").WithLocation(0).WithArguments("socket", "unbound (no method of 'Client' connects it)", "Send", "SocketException", "Connect it first"));

        /// <summary>
        /// mut38 #17's second gap: <c>new NetworkStream(field)</c> is an operation on the field's socket (it throws IOException
        /// on one not connected), as <c>field.GetStream()</c> is on a client's; it had made the field escape.
        /// </summary>
        [Theory]
        [InlineData("var stream = {|#0:new NetworkStream(socket)|}; stream.Write(data, 0, data.Length);")]
        [InlineData("using (var stream = {|#0:new NetworkStream(socket, false)|}) { stream.Write(data, 0, data.Length); }")]
        [InlineData("{|#0:new NetworkStream(socket)|}.Write(data, 0, data.Length);")]
        public Task A_network_stream_over_a_field_that_no_method_connects_is_reported(string send)
            => Verify.VerifyAnalyzerAsync(Usings + $$"""
                sealed class Client
                {
                    private Socket socket;

                    public void Open() => socket = new Socket(SocketType.Stream, ProtocolType.Tcp);

                    public void Send(byte[] data)
                    {
                        {{send}}
                    }
                }
                """,
                Verify.Diagnostic("SOCK004").WithLocation(0).WithArguments("socket", "unbound (no method of 'Client' connects it)", "new NetworkStream", "IOException", "Connect it first"));

        /// <summary>
        /// A stream that owns the field's socket closes it when disposed, so once a method may connect the socket (and so
        /// make the stream) the socket may also be closed; one that does not own it cannot close it. Seen in what a
        /// <c>Listen</c> elsewhere may meet (every state breaks it, so it is reported, with each state named).
        /// </summary>
        [Theory]
        [InlineData("using var stream = new NetworkStream(socket, ownsSocket: true);", "unbound, connected or closed")]
        [InlineData("using var stream = new NetworkStream(socket);", "unbound or connected")]
        [InlineData("using var stream = new NetworkStream(socket, false);", "unbound or connected")]
        public Task A_network_stream_closes_the_field_only_if_it_may_own_it(string make, string states)
            => Verify.VerifyAnalyzerAsync(Usings + $$"""
                sealed class Client
                {
                    private readonly Socket socket = new Socket(SocketType.Stream, ProtocolType.Tcp);

                    public void Connect(IPEndPoint ep) => socket.Connect(ep);

                    public void WriteOnce(byte[] data)
                    {
                        {{make}}
                        stream.Write(data, 0, data.Length);
                    }

                    public void Serve() => {|#0:socket.Listen(1)|};
                }
                """,
                Verify.Diagnostic("SOCK001").WithLocation(0).WithArguments("socket", states + " (no method of 'Client' binds it)", "Listen"));

        /// <summary>A stream over a field that a method connects, whether or not it owns the socket: nothing is certain, before or after.</summary>
        [Theory]
        [InlineData("using var stream = new NetworkStream(socket, ownsSocket: true); stream.Write(data, 0, data.Length);")]
        [InlineData("var stream = new NetworkStream(socket, true); stream.Write(data, 0, data.Length); stream.Dispose();")]
        [InlineData("var stream = new NetworkStream(socket, owns); stream.Write(data, 0, data.Length); stream.Dispose();")]
        [InlineData("var stream = new NetworkStream(socket); stream.Write(data, 0, data.Length);")]
        public Task A_network_stream_over_a_field_a_method_connects_is_quiet_and_so_are_later_sends(string write)
            => Verify.VerifyAnalyzerAsync(Usings + $$"""
                sealed class Client
                {
                    private readonly Socket socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                    private bool owns;

                    public void Connect(IPEndPoint ep) => socket.Connect(ep);

                    public void WriteOnce(byte[] data)
                    {
                        {{write}}
                    }

                    public int Send(byte[] data) => socket.Send(data);
                }
                """);

        [Theory]
        [InlineData("public void Connect(IPEndPoint ep) => socket.Connect(ep);")]
        [InlineData("public async Task ConnectAsync(IPEndPoint ep) => await socket.ConnectAsync(ep);")]
        [InlineData("public event Action Ready; public void Wire(IPEndPoint ep) { Ready += () => socket.Connect(ep); }")]
        [InlineData("public void Wire(IPEndPoint ep) { ThreadPool.QueueUserWorkItem(_ => socket.Connect(ep)); }")]
        [InlineData("public bool IsUp => socket.Connected;")]
        [InlineData("public void Use(Socket other) { socket = other; }")]
        [InlineData("public Socket Socket => socket;")]
        [InlineData("public void Hand() { Helper.Take(socket); }")]
        [InlineData("public void Hand() { var alias = socket; Helper.Take(alias); }")]
        [InlineData("public void Swap(ref Socket s) { Helper.Swap(ref socket); }")]
        [InlineData("public void Copy(Peer other) { other.Take(socket); } public void Take(Socket s) { }")]
        [InlineData("public void Replace() { socket = Helper.Make(); }")]
        [InlineData("public void Steal(Peer other) { socket = other.socket; }")]
        [InlineData("public static Peer operator +(Peer p, Socket s) { s.Connect(new IPEndPoint(IPAddress.Loopback, 80)); return p; } public void Join() { _ = this + socket; }")]
        public Task A_field_that_a_method_may_connect_or_that_escapes_stays_quiet(string member)
            => Verify.VerifyAnalyzerAsync(Usings + $$"""
                static class Helper
                {
                    public static void Take(Socket s) { }
                    public static void Swap(ref Socket s) { }
                    public static Socket Make() => null;
                }

                sealed class Peer
                {
                    private Socket socket = new Socket(SocketType.Stream, ProtocolType.Tcp);

                    {{member}}

                    public int Send(byte[] data) => socket.Send(data);
                }
                """);

        [Fact]
        public Task A_dispose_that_closes_the_field_does_not_make_io_elsewhere_certain()
            => Verify.VerifyAnalyzerAsync(Usings + """
                sealed class Client : IDisposable
                {
                    private readonly Socket socket = new Socket(SocketType.Stream, ProtocolType.Tcp);

                    public void Connect(EndPoint ep) => socket.Connect(ep);

                    public int Send(byte[] data) => socket.Send(data);

                    public void Dispose()
                    {
                        socket.Shutdown(SocketShutdown.Both);
                        socket.Close();
                    }
                }
                """);

        [Fact]
        public Task A_static_field_is_summarised_like_an_instance_field()
            => Verify.VerifyAnalyzerAsync(Usings + """
                static class Log
                {
                    private static readonly UdpClient Udp = new UdpClient();

                    public static void Start() => Udp.Client.Bind(new IPEndPoint(IPAddress.Loopback, 0));

                    public static void Listen() => {|#0:Udp.Client.Listen(1)|};
                }
                """,
                Verify.Diagnostic("SOCK006").WithLocation(0).WithArguments("Udp.Client", "a datagram socket", "Listen"));

        [Fact]
        public Task A_misuse_in_a_lambda_of_a_method_uses_the_class_summary()
            => Verify.VerifyAnalyzerAsync(Usings + """
                sealed class Server
                {
                    private readonly TcpListener listener = new TcpListener(IPAddress.Any, 9000);

                    public Task RunAsync() => Task.Run(async () =>
                    {
                        var client = await {|SOCK002:listener.AcceptTcpClientAsync()|};
                        client.Dispose();
                    });
                }
                """);

        [Fact]
        public Task A_generic_wrapper_is_summarised()
            => Verify.VerifyAnalyzerAsync(Usings + """
                sealed class Channel<T>
                {
                    private readonly TcpClient client = new TcpClient();

                    public T Last { get; private set; }

                    public void Send(byte[] data) => {|SOCK004:client.GetStream()|}.Write(data, 0, data.Length);
                }
                """);

        [Fact]
        public Task Fields_that_are_not_private_or_live_beside_a_nested_type_stay_unknown()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class Base
                {
                    protected readonly TcpListener listener = new TcpListener(IPAddress.Loopback, 0);

                    public void Start() => listener.Start();
                }

                sealed class Derived : Base
                {
                    public TcpClient Next() => listener.AcceptTcpClient();
                }

                sealed class Outer
                {
                    private readonly TcpListener listener = new TcpListener(IPAddress.Loopback, 0);

                    public TcpClient Next() => listener.AcceptTcpClient();

                    private sealed class Starter
                    {
                        public void Start(Outer outer) => outer.listener.Start();
                    }
                }

                sealed class Shared
                {
                    internal readonly TcpListener Listener = new TcpListener(IPAddress.Loopback, 0);

                    public TcpClient Next() => Listener.AcceptTcpClient();
                }
                """);

        /// <summary>
        /// mut39 #20 (a game server nesting a small struct with properties): code of a nested type can reach a private field
        /// of the outer type only by naming it, so a field no nested type names is still summarised.
        /// </summary>
        [Fact]
        public Task A_field_that_no_nested_type_names_is_summarised()
            => Verify.VerifyAnalyzerAsync(Usings + """
                sealed class Server
                {
                    private readonly Socket listener = new Socket(SocketType.Stream, ProtocolType.Tcp);

                    public void Open(IPEndPoint ep)
                    {
                        listener.Bind(ep);
                        listener.Listen(16);
                    }

                    public void Broadcast(byte[] data) => {|#0:listener.Send(data)|};

                    private struct Player
                    {
                        public int Id { get; set; }

                        public string Name { get => name ?? ""; set => name = value; }

                        private string name;
                    }

                    private sealed class Room
                    {
                        public int Count() => 0;
                    }
                }
                """,
                Verify.Diagnostic("SOCK003").WithLocation(0).WithArguments("listener", "send"));

        /// <summary>A nested type that names the field (here a static one, by its bare name) may touch it: unknown.</summary>
        [Theory]
        [InlineData("private sealed class Worker { public void Run() => listener.Connect(new IPEndPoint(IPAddress.Loopback, 80)); }")]
        [InlineData("private sealed class Worker { public void Run(object o) { var listener = o; } }")]
        public Task A_static_field_that_a_nested_type_names_stays_unknown(string nested)
            => Verify.VerifyAnalyzerAsync(Usings + $$"""
                sealed class Server
                {
                    private static readonly Socket listener = new Socket(SocketType.Stream, ProtocolType.Tcp);

                    public static void Open(IPEndPoint ep)
                    {
                        listener.Bind(ep);
                        listener.Listen(16);
                    }

                    public static void Broadcast(byte[] data) => listener.Send(data);

                    {{nested}}
                }
                """);

        /// <summary>
        /// fresh40 F1 (a LAN file-transfer tool): a client made with another socket in its initializer (<c>new UdpClient {
        /// Client = socket }</c>, the socket bound first) holds that socket, in whatever state it is: the field is unknown.
        /// </summary>
        [Fact]
        public Task A_client_field_given_a_socket_in_its_initializer_stays_unknown()
            => Verify.VerifyAnalyzerAsync(Usings + """
                sealed class Receiver
                {
                    private readonly UdpClient listener;

                    public Receiver(int port)
                    {
                        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                        socket.Bind(new IPEndPoint(IPAddress.Any, port));
                        listener = new UdpClient { Client = socket };
                    }

                    public async Task<byte[]> ReceiveOneAsync(CancellationToken token)
                    {
                        var result = await listener.ReceiveAsync(token);
                        return result.Buffer;
                    }
                }
                """);

        [Fact]
        public Task A_field_assigned_in_an_object_initializer_from_an_unknown_call_stays_unknown()
            => Verify.VerifyAnalyzerAsync(Usings + """
                sealed class Client
                {
                    private TcpClient client = new TcpClient();

                    public static Client Open(string host) => new Client { client = new TcpClient(host, 80) };

                    public void Send(byte[] data) => client.GetStream().Write(data, 0, data.Length);
                }
                """);

        [Fact]
        public Task A_field_a_method_replaces_with_an_accepted_socket_is_connected_there()
            => Verify.VerifyAnalyzerAsync(Usings + """
                sealed class Session
                {
                    private readonly Socket listener = new Socket(SocketType.Stream, ProtocolType.Tcp);
                    private Socket peer;

                    public void Open(EndPoint ep)
                    {
                        listener.Bind(ep);
                        listener.Listen();
                    }

                    public void Accept() => peer = listener.Accept();

                    public int Send(byte[] data) => peer.Send(data);
                }
                """);
    }
}
