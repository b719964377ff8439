using System.Threading.Tasks;
using Xunit;
using Verify = SocketAnalyzers.Tests.Verifiers.AnalyzerVerifier<SocketAnalyzers.Lifecycle.SocketLifecycleAnalyzer>;

namespace SocketAnalyzers.Tests.Lifecycle
{
    public sealed class SOCK005UseAfterCloseOrShutdownTests
    {
        // Every analyzer runs in every test: a read's count goes to Use(n), or SOCK010 would rightly report a count
        // that is stored and never read. Use(n) is a plain call, so it adds no branch to the flow these tests check.
        private const string Usings = "using System; using System.Net; using System.Net.Sockets; using System.Threading.Tasks;\n";

        [Fact]
        public Task Send_after_Close_is_reported_with_ObjectDisposedException()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class C
                {
                    int M(Socket client, byte[] buffer)
                    {
                        client.Close();
                        return {|#0:client.Send(buffer)|};
                    }
                }
                """,
                Verify.Diagnostic("SOCK005").WithLocation(0).WithArguments("client", "closed", "Send", "ObjectDisposedException"));

        [Fact]
        public Task Send_after_Shutdown_Send_is_reported_with_SocketException()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class C
                {
                    void M(IPEndPoint ep, byte[] buffer)
                    {
                        using var client = new Socket(SocketType.Stream, ProtocolType.Tcp);
                        client.Connect(ep);
                        client.Shutdown(SocketShutdown.Send);
                        int n = {|#0:client.Send(buffer)|};
                    }
                }
                """,
                Verify.Diagnostic("SOCK005").WithLocation(0).WithArguments("client", "shut down for sending", "Send", "SocketException"));

        [Theory]
        [InlineData("client.Dispose();", "int n = client.Receive(buffer); Use(n);", "client.Receive(buffer)")]
        [InlineData("client.Close(1);", "client.Connect(ep);", "client.Connect(ep)")]
        [InlineData("client.Close();", "client.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);", "client.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true)")]
        [InlineData("client.Close();", "int n = client.Available;", "client.Available")]
        [InlineData("using (client) { }", "int n = client.Send(buffer);", "client.Send(buffer)")]
        [InlineData("try { client.Connect(ep); } finally { client.Dispose(); }", "int n = client.Send(buffer);", "client.Send(buffer)")]
        [InlineData("client.Shutdown(SocketShutdown.Receive);", "int n = client.Receive(buffer); Use(n);", "client.Receive(buffer)")]
        [InlineData("client.Shutdown(SocketShutdown.Both);", "int n = await client.ReceiveAsync(buffer); Use(n);", "client.ReceiveAsync(buffer)")]
        [InlineData("client.Shutdown(SocketShutdown.Send); client.Shutdown(SocketShutdown.Receive);", "int n = client.Receive(buffer); Use(n);", "client.Receive(buffer)")]
        [InlineData("client.Shutdown(SocketShutdown.Both);", "int n = await client.SendAsync(buffer, SocketFlags.None).ConfigureAwait(false);", "client.SendAsync(buffer, SocketFlags.None)")]
        [InlineData("if (ep.Port == 0) { client.Close(); } else { client.Dispose(); }", "client.Shutdown(SocketShutdown.Both);", "client.Shutdown(SocketShutdown.Both)")]
        public async Task Use_after_Close_or_Shutdown_is_reported(string setup, string statement, string call)
            => await Verify.VerifyAnalyzerAsync(Usings + $$"""
                class C
                {
                    async Task M(Socket client, IPEndPoint ep, byte[] buffer)
                    {
                        {{setup}}
                        {{statement.Replace(call, "{|SOCK005:" + call + "|}")}}
                    }

                    static void Use(int count) { }
                }
                """);

        [Theory]
        [InlineData("client.Shutdown(SocketShutdown.Send);", "int n; while ((n = client.Receive(buffer)) > 0) { }")]
        [InlineData("client.Shutdown(SocketShutdown.Receive);", "int n = client.Send(buffer);")]
        [InlineData("if (ep.Port == 0) { client.Close(); }", "int n = client.Send(buffer);")]
        [InlineData("try { client.Connect(ep); } catch (SocketException) { client.Close(); }", "int n = client.Send(buffer);")]
        [InlineData("client.Close(); client = new Socket(SocketType.Stream, ProtocolType.Tcp); client.Connect(ep);", "int n = client.Send(buffer);")]
        [InlineData("client.Close();", "client.Close(); client.Dispose();")]
        [InlineData("client.Shutdown(how);", "int n = client.Receive(buffer); Use(n);")]
        [InlineData("Task.Run(() => client.Close());", "int n = client.Send(buffer);")]
        [InlineData("client.Close(); Reopen(ref client);", "int n = client.Send(buffer);")]
        public async Task Legitimate_sequences_are_quiet(string setup, string statement)
            => await Verify.VerifyAnalyzerAsync(Usings + $$"""
                class C
                {
                    void M(Socket client, IPEndPoint ep, byte[] buffer, SocketShutdown how)
                    {
                        {{setup}}
                        {{statement}}
                    }

                    static void Reopen(ref Socket socket) { }

                    static void Use(int count) { }
                }
                """);

        [Fact]
        public Task Retry_loop_that_closes_and_recreates_is_quiet()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class C
                {
                    async Task<Socket> Connect(IPEndPoint ep)
                    {
                        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                        for (var attempt = 0; ; attempt++)
                        {
                            try
                            {
                                await socket.ConnectAsync(ep).ConfigureAwait(false);
                                return socket;
                            }
                            catch (SocketException) when (attempt < 3)
                            {
                                socket.Dispose();
                                socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                            }
                        }
                    }
                }
                """);

        [Fact]
        public Task Stream_of_a_closed_TcpClient_is_reported_once()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class C
                {
                    async Task M(TcpClient client, byte[] buffer)
                    {
                        var stream = client.GetStream();
                        client.Close();
                        int n = await {|SOCK005:stream.ReadAsync(buffer, 0, buffer.Length)|};
                        int m = await stream.ReadAsync(buffer, 0, buffer.Length);
                        Use(n + m);
                    }

                    void N(TcpClient client)
                    {
                        client.Dispose();
                        using var again = {|SOCK005:client.GetStream()|};
                    }

                    static void Use(int count) { }
                }
                """);

        [Fact]
        public Task Half_close_then_receive_loop_on_an_accepted_socket_is_quiet()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class C
                {
                    async Task Serve(TcpListener listener, byte[] file, byte[] buffer)
                    {
                        using var client = await listener.AcceptSocketAsync();
                        await client.SendAsync(file, SocketFlags.None);
                        client.Shutdown(SocketShutdown.Send);
                        int n;
                        while ((n = await client.ReceiveAsync(buffer, SocketFlags.None)) > 0)
                        {
                        }
                    }
                }
                """);

        [Fact]
        public Task Broken_code_does_not_crash_and_reports_nothing_uncertain()
        {
            var test = new SocketAnalyzers.Tests.Verifiers.SocketAnalyzerTest
            {
                TestCode = Usings + """
                    class C
                    {
                        void M(byte[] buffer)
                        {
                            var s = new Socket(SocketType.Stream, ProtocolType.Tcp;
                            s.Close();
                            s.Send(buffer, ;
                            s.Frobnicate();
                            Socket t = Missing();
                            t.Listen(
                            using (var u = new Socket()) { u.Accept(); }
                            Action a = () => s.Bind(;
                            var x = s.
                        }
                    }
                    """,
                AllowCompilerErrors = true,
            };
            return test.RunAsync();
        }

        /// <summary>
        /// mut38 #30: a closed stream, client or socket handed to a method we cannot see is still closed (nothing
        /// reopens it), so a use after the call is reported.
        /// </summary>
        [Theory]
        [InlineData("stream.Close(); Other.Log(client, 1);", "{|SOCK005:stream.Read(buffer, 0, buffer.Length)|}")]
        [InlineData("stream.Close(); Other.Log2(stream, 1);", "{|SOCK005:stream.Read(buffer, 0, buffer.Length)|}")]
        [InlineData("client.Close(); Other.Log(client, 1);", "{|SOCK005:client.GetStream()|}.Read(buffer, 0, buffer.Length)")]
        public Task Closed_connection_handed_to_unseen_code_stays_closed(string close, string use)
            => Verify.VerifyAnalyzerAsync(Usings + $$"""
                static class Other
                {
                    public static void Log(TcpClient client, int n) { }

                    public static void Log2(NetworkStream stream, int n) { }
                }

                class C
                {
                    int M(TcpClient client)
                    {
                        var stream = client.GetStream();
                        var buffer = new byte[16];
                        {{close}}
                        return {{use}};
                    }
                }
                """);

        /// <summary>
        /// mut38 #30 as found (a game server's connector): the loop closes its stream after the read and hands the client,
        /// or the stream, to a method; the next turn reads the closed stream.
        /// </summary>
        [Theory]
        [InlineData("Other.Log(client, n);")]
        [InlineData("Other.Log2(stream, n);")]
        public Task Stream_closed_in_a_loop_that_hands_the_connection_to_a_method_is_reported_on_the_next_turn(string call)
            => Verify.VerifyAnalyzerAsync(Usings + $$"""
                static class Other
                {
                    public static void Log(TcpClient client, int n) { }

                    public static void Log2(NetworkStream stream, int n) { }
                }

                class C
                {
                    void M(TcpClient client)
                    {
                        var stream = client.GetStream();
                        while (true)
                        {
                            var buffer = new byte[4096];
                            var n = {|SOCK005:stream.Read(buffer, 0, buffer.Length)|};
                            stream.Close();
                            {{call}}
                        }
                    }
                }
                """);

        /// <summary>
        /// mut39 #44 (a proxy's session handler): a stream taken from a client field, closed, then a call of a method of the
        /// class, which may give the field another client but cannot reopen the stream the local holds: still closed, in
        /// straight-line code and on a loop's next turn.
        /// </summary>
        [Theory]
        [InlineData("var stream = client.GetStream(); stream.Close(); Handle(1); {|SOCK005:stream.Write(buffer, 0, 1)|};")]
        [InlineData("var stream = client.GetStream(); stream.Dispose(); Reconnect(); {|SOCK005:stream.Write(buffer, 0, 1)|};")]
        [InlineData("var socket = client.Client; socket.Close(); Handle(1); {|SOCK005:socket.Send(buffer)|};")]
        [InlineData("var stream = client.GetStream(); int n; while ((n = {|SOCK005:stream.Read(buffer, 0, buffer.Length)|}) != 0) { stream.Close(); Handle(n); }")]
        public Task Stream_of_a_field_closed_then_a_method_of_the_class_is_still_closed(string body)
            => Verify.VerifyAnalyzerAsync(Usings + $$"""
                class Session
                {
                    private TcpClient client;

                    public Session(TcpClient c) { client = c; }

                    private int Handle(int n) => n + 1;

                    private void Reconnect() { client = new TcpClient("localhost", 80); }

                    public void Run()
                    {
                        var buffer = new byte[256];
                        {{body}}
                    }
                }
                """);

        /// <summary>A method of the class may give the field another client: the field itself is not the closed one any more.</summary>
        [Theory]
        [InlineData("client.Close(); Reconnect(); client.GetStream().Write(buffer, 0, 1);")]
        [InlineData("client.GetStream().Close(); Reconnect(); client.GetStream().Write(buffer, 0, 1);")]
        public Task Field_closed_then_a_method_that_may_replace_it_is_quiet(string body)
            => Verify.VerifyAnalyzerAsync(Usings + $$"""
                class Session
                {
                    private TcpClient client;

                    public Session(TcpClient c) { client = c; }

                    private void Reconnect() { client = new TcpClient("localhost", 80); }

                    public void Run()
                    {
                        var buffer = new byte[256];
                        {{body}}
                    }
                }
                """);

        /// <summary>A listener stopped and handed to unseen code may be started again there (Start makes a new socket): quiet.</summary>
        [Fact]
        public Task Stopped_listener_handed_to_unseen_code_may_be_started_again()
            => Verify.VerifyAnalyzerAsync(Usings + """
                static class Other
                {
                    public static void Restart(TcpListener listener) => listener.Start();
                }

                class C
                {
                    TcpClient M()
                    {
                        var listener = new TcpListener(IPAddress.Any, 9000);
                        listener.Start();
                        listener.Stop();
                        Other.Restart(listener);
                        return listener.AcceptTcpClient();
                    }
                }
                """);
    }
}
