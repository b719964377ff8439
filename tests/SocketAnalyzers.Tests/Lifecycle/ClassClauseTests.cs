using System.Threading.Tasks;
using Xunit;
using Verify = SocketAnalyzers.Tests.Verifiers.AnalyzerVerifier<SocketAnalyzers.Lifecycle.SocketLifecycleAnalyzer>;

namespace SocketAnalyzers.Tests.Lifecycle
{
    /// <summary>
    /// A message blames the class ("no method of 'Server' starts it") only while the field's socket is still in the states
    /// the class's summary gives it. Once the body has moved it itself (<c>listener.Stop(); listener.AcceptTcpClient();</c>)
    /// the finding is the body's, and it reads like the same code on a local.
    /// </summary>
    public sealed class ClassClauseTests
    {
        private const string Usings = "using System; using System.Net; using System.Net.Sockets;\n";

        /// <summary>A class whose <c>Open()</c> connects its socket field, and whose <c>Act</c> runs <paramref name="body"/>.</summary>
        private static string ConnectedByOpen(string body) => Usings + $$"""
            class Client
            {
                private Socket socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                public void Open() => socket.Connect(new IPEndPoint(IPAddress.Loopback, 9000));
                public void Act(byte[] data)
                {
                    {{body}}
                }
            }
            """;

        [Fact]
        public Task Accept_after_the_body_stops_a_listener_that_a_method_starts_does_not_say_no_method_starts_it()
            => Verify.VerifyAnalyzerAsync(
                Usings + """
                class Server
                {
                    private readonly TcpListener listener = new TcpListener(IPAddress.Any, 9000);
                    public void Open() => listener.Start();
                    public void Restart()
                    {
                        listener.Stop();
                        {|#0:listener.AcceptTcpClient()|};
                    }
                }
                """,
                Verify.Diagnostic("SOCK002").WithLocation(0).WithArguments("listener", "not started", "AcceptTcpClient", "Start"));

        [Fact]
        public Task Send_after_the_body_closes_a_field_socket_does_not_say_every_state_of_the_class()
            => Verify.VerifyAnalyzerAsync(
                ConnectedByOpen("socket.Close();\n        {|#0:socket.Send(data)|};"),
                Verify.Diagnostic("SOCK005").WithLocation(0).WithArguments("socket", "closed", "Send", "ObjectDisposedException"));

        [Fact]
        public Task Send_after_Disconnect_names_both_exceptions_and_does_not_say_no_method_connects_it()
            => Verify.VerifyAnalyzerAsync(
                ConnectedByOpen("socket.Disconnect(false);\n        {|#0:socket.Send(data)|};"),
                Verify.Diagnostic("SOCK005").WithLocation(0).WithArguments("socket", "unbound or closed", "Send", "ObjectDisposedException if it is closed, SocketException if it is unbound"));

        [Fact]
        public Task Send_after_Disconnect_on_a_local_names_both_exceptions()
            => Verify.VerifyAnalyzerAsync(
                Usings + """
                class Client
                {
                    public void Run(byte[] data)
                    {
                        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        socket.Connect(new IPEndPoint(IPAddress.Loopback, 9000));
                        socket.Disconnect(true);
                        {|#0:socket.Send(data)|};
                    }
                }
                """,
                Verify.Diagnostic("SOCK005").WithLocation(0).WithArguments("socket", "unbound or closed", "Send", "ObjectDisposedException if it is closed, SocketException if it is unbound"));

        [Fact]
        public Task A_field_no_method_starts_still_says_so_after_the_body_used_it_in_a_way_that_moves_nothing()
            => Verify.VerifyAnalyzerAsync(
                Usings + """
                class Server
                {
                    private readonly TcpListener listener = new TcpListener(IPAddress.Any, 9000);
                    public void Serve()
                    {
                        Console.WriteLine(listener.LocalEndpoint);
                        {|#0:listener.AcceptTcpClient()|};
                    }
                }
                """,
                Verify.Diagnostic("SOCK002").WithLocation(0).WithArguments("listener", "not started (no method of 'Server' starts it)", "AcceptTcpClient", "Start"));

        [Fact]
        public Task A_field_no_method_starts_still_says_so_after_a_call_of_other_code_of_the_class()
            => Verify.VerifyAnalyzerAsync(
                Usings + """
                class Server
                {
                    private TcpListener listener = new TcpListener(IPAddress.Any, 9000);
                    private int served;
                    public void Log() { served++; Console.WriteLine(served); }
                    public void Serve()
                    {
                        Log();
                        {|#0:listener.AcceptTcpClient()|};
                    }
                }
                """,
                Verify.Diagnostic("SOCK002").WithLocation(0).WithArguments("listener", "not started (no method of 'Server' starts it)", "AcceptTcpClient", "Start"));
    }
}
