using System.Linq;
using System.Threading.Tasks;
using Xunit;
using Verify = SocketAnalyzers.Tests.Verifiers.AnalyzerVerifier<SocketAnalyzers.Lifecycle.SocketLifecycleAnalyzer>;

namespace SocketAnalyzers.Tests.Lifecycle
{
    /// <summary>The flow engine across constructs: every socket type and call form, and valid code that must stay quiet.</summary>
    public sealed class SocketLifecycleEngineTests
    {
        // Every analyzer runs in every test: a read's count goes to Use(n), or SOCK010 would rightly report a count
        // that is stored and never read. Use(n) is a plain call, so it adds no branch to the flow these tests check.
        private const string Usings = "using System; using System.Collections.Generic; using System.IO; using System.Net; using System.Net.Sockets; using System.Threading; using System.Threading.Tasks;\n";

        [Theory]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.Close();", "int n = s.Send(buffer);", "s.Send(buffer)", "SOCK005")]
        [InlineData("var l = new TcpListener(IPAddress.Loopback, 0);", "var c = l.AcceptSocket();", "l.AcceptSocket()", "SOCK002")]
        [InlineData("var c = new TcpClient(); c.Close();", "c.Connect(ep);", "c.Connect(ep)", "SOCK005")]
        [InlineData("var u = new UdpClient(); u.Close();", "var r = u.Receive(ref ep);", "u.Receive(ref ep)", "SOCK005")]
        [InlineData("var c = new TcpClient(\"localhost\", 1); var st = c.GetStream(); c.Client.Shutdown(SocketShutdown.Receive);", "int n = st.Read(buffer, 0, 1); Use(n);", "st.Read(buffer, 0, 1)", "SOCK005")]
        [InlineData("var c = new TcpClient(\"localhost\", 1); var st = c.GetStream(); c.Client.Shutdown(SocketShutdown.Send);", "st.Write(buffer, 0, 1);", "st.Write(buffer, 0, 1)", "SOCK005")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.Bind(ep);", "var started = s.AcceptAsync(new SocketAsyncEventArgs());", "s.AcceptAsync(new SocketAsyncEventArgs())", "SOCK002")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp);", "var ar = s.BeginSend(buffer, 0, 1, SocketFlags.None, null, null);", "s.BeginSend(buffer, 0, 1, SocketFlags.None, null, null)", "SOCK004")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.Dispose();", "var started = s.SendAsync(new SocketAsyncEventArgs());", "s.SendAsync(new SocketAsyncEventArgs())", "SOCK005")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.Dispose();", "int n = await s.ReceiveAsync(new ArraySegment<byte>(buffer), SocketFlags.None); Use(n);", "s.ReceiveAsync(new ArraySegment<byte>(buffer), SocketFlags.None)", "SOCK005")]
        public async Task Every_type_and_form_goes_through_the_same_model(string setup, string statement, string call, string rule)
        {
            var marked = statement.Replace(call, "{|" + rule + ":" + call + "|}");
            await Verify.VerifyAnalyzerAsync(Usings + $$"""
                class C
                {
                    async Task M(IPEndPoint ep, byte[] buffer)
                    {
                        {{setup}}
                        {{marked}}
                    }

                    static void Use(int count) { }
                }
                """);
        }

        [Theory]
        [InlineData("s?.Close(); s = null;")]
        [InlineData("if (s is { Connected: true }) { int n = s.Send(buffer); }")]
        [InlineData("var list = new List<Socket> { s }; list[0].Connect(ep); int n = s.Send(buffer);")]
        [InlineData("var pair = (s, 1); pair.s.Connect(ep); int n = s.Send(buffer);")]
        [InlineData("var arr = new[] { s }; arr[0].Connect(ep); int n = s.Send(buffer);")]
        [InlineData("lock (s) { s.Connect(ep); } int n = s.Send(buffer);")]
        [InlineData("switch (ep.Port) { case 1: s.Connect(ep); break; default: s.Connect(ep); break; } int n = s.Send(buffer);")]
        [InlineData("var n = ep.Port switch { 1 => 0, _ => 1 }; s.Connect(ep); n += s.Send(buffer);")]
        [InlineData("retry: try { s.Connect(ep); } catch (SocketException) when (ep.Port > 0) { goto retry; } int n = s.Send(buffer);")]
        [InlineData("try { s.Connect(ep); } catch { throw; } finally { Console.WriteLine(); } int n = s.Send(buffer);")]
        [InlineData("s = s ?? new Socket(SocketType.Stream, ProtocolType.Tcp); s.Connect(ep); int n = s.Send(buffer);")]
        [InlineData("ref Socket r = ref s; r.Connect(ep); int n = s.Send(buffer);")]
        [InlineData("Action connect = () => s.Connect(ep); connect(); int n = s.Send(buffer);")]
        [InlineData("void Connect() => s.Connect(ep); Connect(); int n = s.Send(buffer);")]
        [InlineData("Func<Socket> make = () => s; make().Connect(ep); int n = s.Send(buffer);")]
        [InlineData("Open(out s); int n = s.Send(buffer);")]
        [InlineData("this.field = s; Init(); int n = s.Send(buffer);")]
        [InlineData("s.Connect(ep); var stream = new NetworkStream(s, ownsSocket: true); stream.Socket.Shutdown(SocketShutdown.Send); int n = s.Receive(buffer); Use(n);")]
        [InlineData("while (!s.Connected) { Thread.Sleep(10); } int n = s.Send(buffer);")]
        public Task Valid_code_in_every_construct_stays_quiet(string statements)
            => Verify.VerifyAnalyzerAsync(Usings + $$"""
                class C
                {
                    private Socket field;

                    void M(IPEndPoint ep, byte[] buffer)
                    {
                        Socket s = new Socket(SocketType.Stream, ProtocolType.Tcp);
                        {{statements}}
                    }

                    void Init() => field.Connect(new IPEndPoint(IPAddress.Loopback, 1));

                    static void Open(out Socket socket) => socket = new Socket(SocketType.Stream, ProtocolType.Tcp);

                    static void Use(int count) { }
                }
                """);

        [Fact]
        public Task Iterators_async_streams_and_await_using_do_not_confuse_the_engine()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class C
                {
                    IEnumerable<int> Counts(Socket s, byte[] buffer)
                    {
                        s.Close();
                        yield return {|SOCK005:s.Receive(buffer)|};
                    }

                    async IAsyncEnumerable<int> Stream(TcpClient client, byte[] buffer)
                    {
                        await using var stream = client.GetStream();
                        int n;
                        while ((n = await stream.ReadAsync(buffer)) > 0)
                        {
                            yield return n;
                        }
                    }
                }
                """);

        [Fact]
        public Task Field_closed_then_used_in_the_same_method_is_reported_but_not_after_a_call_on_this()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class C
                {
                    private Socket socket = new Socket(SocketType.Stream, ProtocolType.Tcp);

                    int Broken(byte[] buffer)
                    {
                        socket.Close();
                        return {|SOCK005:socket.Send(buffer)|};
                    }

                    int Reopened(byte[] buffer)
                    {
                        socket.Close();
                        Reconnect();
                        return socket.Send(buffer);
                    }

                    int OtherInstance(C other, byte[] buffer)
                    {
                        other.socket.Close();
                        return socket.Send(buffer);
                    }

                    void Reconnect() => socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                }
                """);

        [Fact]
        public Task Body_without_socket_calls_builds_no_graph()
        {
            var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
                "x",
                new[] { Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("class C { int M(int a) { System.Func<int> f = () => a + 1; return f(); } void N(System.Net.Sockets.Socket s) { System.Action a = () => s.Close(); } }") },
                SocketAnalyzers.Tests.Verifiers.ReferenceSet.Net80.Resolve());
            var tree = compilation.SyntaxTrees[0];
            var semantic = compilation.GetSemanticModel(tree);
            var model = new SocketAnalyzers.Lifecycle.SocketProtocolModel(SocketAnalyzers.Common.KnownSymbols.TryCreate(compilation)!);
            var methods = tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax>().ToList();

            Assert.Null(SocketAnalyzers.Lifecycle.BodyScope.Scan(semantic.GetOperation(methods[0])!, model));
            var scope = SocketAnalyzers.Lifecycle.BodyScope.Scan(semantic.GetOperation(methods[1])!, model);
            Assert.NotNull(scope);
            Assert.False(scope!.RootUsesModel);
            return Task.CompletedTask;
        }

        [Fact]
        public void A_using_builds_a_graph_only_when_it_can_dispose_a_socket()
        {
            var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
                "x",
                new[]
                {
                    Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("""
                        using System;
                        using System.IO;
                        using System.Net.Sockets;
                        class C
                        {
                            void File(Socket s, byte[] b) { using (var ms = new MemoryStream()) { s.Send(b); } }
                            void FileDeclaration(Socket s, byte[] b) { using var ms = new MemoryStream(); s.Send(b); }
                            void Statement(Socket s, byte[] b) { using (s) { } }
                            void Declaration(Socket s) { using var t = s; }
                            void AsDisposable(Socket s) { using (IDisposable d = s) { } }
                            void Stream(NetworkStream n) { using (n) { } }
                        }
                        """),
                },
                SocketAnalyzers.Tests.Verifiers.ReferenceSet.Net80.Resolve());
            var tree = compilation.SyntaxTrees[0];
            var semantic = compilation.GetSemanticModel(tree);
            var model = new SocketAnalyzers.Lifecycle.SocketProtocolModel(SocketAnalyzers.Common.KnownSymbols.TryCreate(compilation)!);
            var methods = tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax>()
                .ToDictionary(m => m.Identifier.Text, m => SocketAnalyzers.Lifecycle.BodyScope.Scan(semantic.GetOperation(m)!, model));

            Assert.Null(methods["File"]);
            Assert.Null(methods["FileDeclaration"]);
            Assert.True(methods["Statement"]?.RootUsesModel);
            Assert.True(methods["Declaration"]?.RootUsesModel);
            Assert.True(methods["AsDisposable"]?.RootUsesModel);
            Assert.True(methods["Stream"]?.RootUsesModel);
        }

        [Fact]
        public Task A_using_of_a_socket_it_was_given_still_closes_it()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class C
                {
                    int M(Socket s, byte[] buffer)
                    {
                        using (var ms = new MemoryStream())
                        {
                            ms.WriteByte(1);
                        }

                        using (s)
                        {
                        }

                        return {|SOCK005:s.Send(buffer)|};
                    }
                }
                """);

        [Fact]
        public Task Broken_code_in_lambdas_and_loops_does_not_crash()
        {
            var test = new SocketAnalyzers.Tests.Verifiers.SocketAnalyzerTest
            {
                TestCode = Usings + """
                    class C
                    {
                        async Task M(Socket s, byte[] buffer)
                        {
                            for (;;) { s.Close(); s.
                            Task.Run(async () => { await s.ConnectAsync(); s.Send(buffer, SocketFlags.None, ); });
                            while ({|#0:s.Receive(buffer)|} > 0) { using (s) ; }
                            var x = new TcpListener();
                            x.AcceptTcpClient(1, 2, 3);
                            goto missing;
                        }
                    }
                    """,
                AllowCompilerErrors = true,
            };

            // True even in broken code: the using disposes s at the end of each turn of the inner loop, whose next Receive
            // throws (the turns of the inner loop are no longer joined with the outer loop's entry, where s is unknown).
            test.ExpectedDiagnostics.Add(new Microsoft.CodeAnalysis.Testing.DiagnosticResult("SOCK005", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(0));
            return test.RunAsync();
        }

        [Fact]
        public Task Top_level_statements_are_a_body_too()
        {
            var test = new SocketAnalyzers.Tests.Verifiers.SocketAnalyzerTest
            {
                TestCode = """
                    using System.Net;
                    using System.Net.Sockets;

                    var server = new Socket(SocketType.Stream, ProtocolType.Tcp);
                    {|SOCK001:server.Listen()|};
                    var ok = new Socket(SocketType.Stream, ProtocolType.Tcp);
                    ok.Bind(new IPEndPoint(IPAddress.Loopback, 0));
                    ok.Listen();
                    """,
                OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication,
            };
            return test.RunAsync();
        }

        [Fact]
        public Task Nested_lambdas_are_analyzed_each_on_their_own()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class C
                {
                    void M(IPEndPoint ep)
                    {
                        Func<Func<Socket>> outer = () => () =>
                        {
                            var inner = new Socket(SocketType.Dgram, ProtocolType.Udp);
                            {|SOCK006:inner.Listen()|};
                            return inner;
                        };
                        Action quiet = () => Console.WriteLine(ep);
                    }
                }
                """);

        [Fact]
        public Task Netstandard_task_extensions_are_the_same_operations()
        {
            var test = new SocketAnalyzers.Tests.Verifiers.SocketAnalyzerTest
            {
                TestCode = """
                    using System;
                    using System.Net;
                    using System.Net.Sockets;
                    using System.Threading.Tasks;

                    class C
                    {
                        async Task M(IPEndPoint ep, byte[] buffer)
                        {
                            var server = new Socket(SocketType.Stream, ProtocolType.Tcp);
                            server.Bind(ep);
                            var client = await {|SOCK002:server.AcceptAsync()|};
                            var other = new Socket(SocketType.Stream, ProtocolType.Tcp);
                            await other.ConnectAsync(ep);
                            int n = await other.SendAsync(new ArraySegment<byte>(buffer), SocketFlags.None);
                            other.Close();
                            n += await {|SOCK005:other.ReceiveAsync(new ArraySegment<byte>(buffer), SocketFlags.None)|};
                        }
                    }
                    """,
                References = SocketAnalyzers.Tests.Verifiers.ReferenceSet.NetStandard20,
            };
            return test.RunAsync();
        }

        [Fact]
        public Task A_users_own_socket_extension_is_no_transition_even_when_named_like_the_frameworks()
            => Verify.VerifyAnalyzerAsync(Usings + """
                static class MySocketExtensions
                {
                    public static void Close(this Socket socket, string reason) { }

                    public static void Shutdown(this Socket socket, string reason) { }
                }

                class C
                {
                    void M(IPEndPoint ep, byte[] buffer)
                    {
                        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                        socket.Connect(ep);
                        socket.Shutdown("done");
                        socket.Close("done");
                        socket.Send(buffer);
                    }
                }
                """);

        [Fact]
        public Task Very_deep_expressions_give_up_quietly_instead_of_risking_the_stack()
        {
            var terms = string.Join(" + ", System.Linq.Enumerable.Range(0, 2000).Select(i => "s.Available"));
            return Verify.VerifyAnalyzerAsync(Usings + $$"""
                class C
                {
                    int M(IPEndPoint ep)
                    {
                        var s = new Socket(SocketType.Stream, ProtocolType.Tcp);
                        s.Close();
                        return {{terms}};
                    }

                    int N(Socket s)
                    {
                        s.Close();
                        return {|SOCK005:s.Available|};
                    }
                }
                """);
        }
    }
}
