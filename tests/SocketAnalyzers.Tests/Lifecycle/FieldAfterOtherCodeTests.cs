using System.Threading.Tasks;
using Xunit;
using Verify = SocketAnalyzers.Tests.Verifiers.AnalyzerVerifier<SocketAnalyzers.Lifecycle.SocketLifecycleAnalyzer>;

namespace SocketAnalyzers.Tests.Lifecycle
{
    /// <summary>
    /// Inside a method that uses a summarised field, a call that may run other code of the class (a helper of the class;
    /// for a static field, any static method of another class) leaves the field in the state it had, or in any state the
    /// class's members (the running one included) can take it to. Found on a chat server of the corpus: a method that
    /// creates and starts a static listener, logs, then accepts in a loop, and never returns; the summary alone (what the
    /// OTHER members can leave behind: nothing started) made the accept look certain to throw.
    /// </summary>
    public sealed class FieldAfterOtherCodeTests
    {
        private const string Usings = "using System; using System.Collections.Generic; using System.Net; using System.Net.Sockets; using System.Threading; using System.Threading.Tasks;\n";

        [Fact]
        public Task A_static_listener_started_before_a_log_call_is_still_started_in_the_accept_loop_after_it()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class Session
                {
                    public Session(TcpClient client, ChatServer server) { }
                    public void Process() { }
                }

                class ChatServer
                {
                    private static TcpListener listener;
                    private readonly List<Session> sessions = new List<Session>();

                    public void Listen(int port)
                    {
                        try
                        {
                            listener = new TcpListener(IPAddress.Any, port);
                            listener.Start();
                            Console.WriteLine("listening");
                            while (true)
                            {
                                TcpClient client = listener.AcceptTcpClient();
                                var session = new Session(client, this);
                                sessions.Add(session);
                                new Thread(session.Process).Start();
                            }
                        }
                        catch (Exception)
                        {
                            Disconnect();
                        }
                    }

                    internal void Disconnect()
                    {
                        listener?.Stop();
                        Environment.Exit(0);
                    }
                }
                """);

        [Fact]
        public Task A_listener_field_no_member_starts_is_still_reported_after_a_call_that_may_run_other_code()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class ChatServer
                {
                    private static TcpListener listener;

                    public void Listen(int port)
                    {
                        listener = new TcpListener(IPAddress.Any, port);
                        Prepare();
                        TcpClient client = {|#0:listener.AcceptTcpClient()|};
                    }

                    private void Prepare() => Console.WriteLine("ready");

                    internal void Disconnect() => listener?.Stop();
                }
                """,
                Verify.Diagnostic("SOCK002").WithLocation(0).WithArguments("listener", "not started (no method of 'ChatServer' starts it)", "AcceptTcpClient", "Start"));

        [Fact]
        public Task A_readonly_client_connected_in_the_running_method_stays_possibly_connected_after_a_helper_call()
            => Verify.VerifyAnalyzerAsync(Usings + """
                sealed class Client
                {
                    private readonly Socket socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

                    public void Run(EndPoint server)
                    {
                        socket.Connect(server);
                        while (true)
                        {
                            Log();
                            socket.Send(new byte[] { 1 });
                        }
                    }

                    private void Log() => Console.WriteLine("tick");
                }
                """);

        [Fact]
        public Task An_await_lets_another_member_start_the_listener_so_the_accept_after_it_is_quiet()
            => Verify.VerifyAnalyzerAsync(Usings + """
                sealed class Server
                {
                    private TcpListener listener;

                    public async Task RunAsync(int port)
                    {
                        listener = new TcpListener(IPAddress.Loopback, port);
                        await Task.Delay(10);
                        using var client = await listener.AcceptTcpClientAsync();
                    }

                    public void Open() => listener?.Start();
                }
                """);

        [Fact]
        public Task An_await_does_not_hide_an_accept_on_a_listener_no_member_starts()
            => Verify.VerifyAnalyzerAsync(Usings + """
                sealed class Server
                {
                    private TcpListener listener;

                    public async Task RunAsync(int port)
                    {
                        listener = new TcpListener(IPAddress.Loopback, port);
                        await Task.Delay(10);
                        using var client = await {|#0:listener.AcceptTcpClientAsync()|};
                    }

                    public void Close() => listener?.Stop();
                }
                """,
                Verify.Diagnostic("SOCK002").WithLocation(0).WithArguments("listener", "not started (no method of 'Server' starts it)", "AcceptTcpClientAsync", "Start"));

        [Fact]
        public Task An_await_keeps_what_the_method_did_before_it_a_send_after_connect_is_quiet()
            => Verify.VerifyAnalyzerAsync(Usings + """
                sealed class Client : IDisposable
                {
                    private readonly Socket socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

                    public async Task GreetAsync(EndPoint server)
                    {
                        await socket.ConnectAsync(server);
                        await Task.Yield();
                        await socket.SendAsync(new ArraySegment<byte>(new byte[] { 1 }), SocketFlags.None);
                    }

                    public void Dispose() => socket.Dispose();
                }
                """);

        /// <summary>
        /// mut38 #07 and #08 (a chat server and a lab server, one bug injected): an accept loop on a listener field that
        /// nothing starts, which also calls a method of the class or, for a static field, a static method of another class.
        /// The call lets other code move the field, but no code of the class starts it: every turn's accept throws.
        /// </summary>
        [Theory]
        [InlineData("private TcpListener server = new TcpListener(IPAddress.Any, 8000);", "Log(\"client\");")]
        [InlineData("private static TcpListener server = new TcpListener(IPAddress.Any, 8000);", "Console.WriteLine(\"client\");")]
        [InlineData("private TcpListener server = new TcpListener(IPAddress.Any, 8000);", "Log(\"client\"); Stop();")]
        public Task An_accept_loop_that_calls_other_code_is_reported_on_a_listener_nothing_starts(string field, string call)
            => Verify.VerifyAnalyzerAsync(Usings + $$"""
                class Server
                {
                    {{field}}

                    public void AcceptClients()
                    {
                        while (true)
                        {
                            TcpClient client = {|SOCK002:server.AcceptTcpClient()|};
                            {{call}}
                        }
                    }

                    private void Log(string s) => Console.WriteLine(s);

                    public void Stop() => server.Stop();
                }
                """);

        /// <summary>
        /// mut38 #13 (a course server, one bug injected): the constructor binds and listens on a socket field, and a read
        /// loop that also calls a method of the class receives on it. On the turn after a certain misuse the field holds no
        /// socket at all, which the class's other code cannot make a datagram socket.
        /// </summary>
        [Fact]
        public Task A_read_loop_that_calls_a_method_of_the_class_is_reported_on_the_listening_field()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class Server
                {
                    private Socket server;

                    public Server(int port)
                    {
                        server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        server.Bind(new IPEndPoint(IPAddress.Any, port));
                        server.Listen(10);
                    }

                    public void Handle()
                    {
                        var buffer = new byte[1024];
                        while (true)
                        {
                            int n = {|SOCK003:server.Receive(buffer)|};
                            if (n == 0) break;
                            Console.WriteLine(Decode(buffer, n));
                        }
                    }

                    private string Decode(byte[] b, int n) => System.Text.Encoding.ASCII.GetString(b, 0, n);
                }
                """);

        /// <summary>A method of the class that starts the listener, called in the loop: the next turn's accept may work, quiet.</summary>
        [Fact]
        public Task An_accept_loop_that_calls_a_method_which_starts_the_listener_is_quiet()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class Server
                {
                    private TcpListener server = new TcpListener(IPAddress.Any, 8000);

                    public void AcceptClients()
                    {
                        while (true)
                        {
                            Restart();
                            TcpClient client = server.AcceptTcpClient();
                        }
                    }

                    private void Restart() { if (DateTime.Now.Second == 0) server.Start(); }
                }
                """);

        /// <summary>
        /// mut38 #08 (a Windows Forms lab server, one bug injected): a form that nests only a delegate type (the
        /// <c>SetTextCallback</c> of the Invoke pattern) is still followed, and so is one nesting a class whose code does not
        /// name the field (mut39 #20); a nested class that names it may start it, and the field is not followed.
        /// </summary>
        [Theory]
        [InlineData("delegate void SetTextCallback(string text); enum Mode { A, B }", "{|SOCK002:server.AcceptTcpClient()|}")]
        [InlineData("sealed class Helper { }", "{|SOCK002:server.AcceptTcpClient()|}")]
        [InlineData("sealed class Helper { public void Go() => server.Start(); }", "server.AcceptTcpClient()")]
        public Task A_class_whose_nested_types_do_not_name_the_field_is_followed(string nested, string accept)
            => Verify.VerifyAnalyzerAsync(Usings + $$"""
                class Server
                {
                    {{nested}}

                    static TcpListener server = new TcpListener(IPAddress.Any, 8000);

                    public void AcceptClients()
                    {
                        while (true)
                        {
                            TcpClient client = {{accept}};
                            new Thread(() => client.Close()).Start();
                        }
                    }

                    public void Stop() => server.Stop();
                }
                """);
    }
}
