using System.Threading.Tasks;
using SocketAnalyzers.Lifecycle;
using Xunit;
using Verify = SocketAnalyzers.Tests.Verifiers.AnalyzerVerifier<SocketAnalyzers.Lifecycle.SocketLifecycleAnalyzer>;

namespace SocketAnalyzers.Tests.Lifecycle
{
    public sealed class SOCK001ListenWithoutBindTests
    {
        private const string Usings = "using System; using System.Net; using System.Net.Sockets; using System.Threading.Tasks;\n";

        [Fact]
        public Task Listen_on_a_new_socket_is_reported_with_its_name_and_state()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class C
                {
                    void M()
                    {
                        var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        {|#0:server.Listen(10)|};
                    }
                }
                """,
                Verify.Diagnostic("SOCK001").WithLocation(0).WithArguments("server", "unbound", "Listen"));

        [Fact]
        public Task Listen_after_Bind_is_quiet()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class C
                {
                    void M()
                    {
                        var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        server.Bind(new IPEndPoint(IPAddress.Loopback, 8080));
                        server.Listen(10);
                    }
                }
                """);

        [Theory]
        [InlineData("if (flag) { server.Bind(ep); } else { server.Bind(ep); }", false)]
        [InlineData("if (flag) { Console.WriteLine(); } else { return; }", true)]
        [InlineData("try { Console.WriteLine(); } finally { Console.WriteLine(); }", true)]
        [InlineData("server.ReceiveTimeout = 10;", true)]
        [InlineData("if (flag) { server.Bind(ep); }", false)]
        [InlineData("if (flag) { return; } server.Bind(ep);", false)]
        [InlineData("try { server.Bind(ep); } catch (SocketException) { return; }", false)]
        [InlineData("try { server.Bind(ep); } finally { Console.WriteLine(); }", false)]
        [InlineData("Configure(server);", false)]
        [InlineData("Task.Run(() => server.Bind(ep)).Wait();", false)]
        [InlineData("for (int i = 0; i < 3; i++) { Console.WriteLine(i); }", true)]
        [InlineData("while (flag) { server.Bind(ep); flag = false; }", false)]
        [InlineData("server = Make();", false)]
        public async Task Listen_is_reported_only_when_no_path_binds(string between, bool reported)
        {
            var listen = reported ? "{|SOCK001:server.Listen()|}" : "server.Listen()";
            await Verify.VerifyAnalyzerAsync(Usings + $$"""
                class C
                {
                    void M(bool flag, IPEndPoint ep)
                    {
                        var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        {{between}}
                        {{listen}};
                    }

                    static void Configure(Socket socket) { }

                    static Socket Make() => throw new NotImplementedException();
                }
                """);
        }

        [Fact]
        public Task Listen_on_a_parameter_is_quiet()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class C
                {
                    void M(Socket server) => server.Listen();
                }
                """);

        [Fact]
        public Task Listen_on_a_field_set_in_the_constructor_is_quiet()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class C
                {
                    private readonly Socket server;

                    C()
                    {
                        server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        server.Bind(new IPEndPoint(IPAddress.Loopback, 0));
                    }

                    void Start() => server.Listen();
                }
                """);

        [Fact]
        public Task Listen_on_a_field_created_in_the_same_body_is_reported()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class C
                {
                    private Socket server;

                    void Start()
                    {
                        server = new Socket(SocketType.Stream, ProtocolType.Tcp);
                        {|SOCK001:server.Listen()|};
                    }
                }
                """);

        [Fact]
        public Task Listen_in_a_lambda_and_a_local_function_are_analyzed_as_their_own_bodies()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class C
                {
                    void M(IPEndPoint ep)
                    {
                        Task.Run(() =>
                        {
                            var inner = new Socket(SocketType.Stream, ProtocolType.Tcp);
                            {|SOCK001:inner.Listen()|};
                        });

                        void Local()
                        {
                            var other = new Socket(SocketType.Stream, ProtocolType.Tcp);
                            other.Bind(ep);
                            other.Listen();
                        }

                        Local();
                    }
                }
                """);

        [Fact]
        public Task Captured_socket_is_unknown_inside_the_lambda()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class C
                {
                    void M()
                    {
                        var server = new Socket(SocketType.Stream, ProtocolType.Tcp);
                        Action listen = () => server.Listen();
                        listen();
                    }
                }
                """);

        [Fact]
        public Task Using_declaration_and_statement_forms_are_tracked()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class C
                {
                    void M(IPEndPoint ep)
                    {
                        using var first = new Socket(SocketType.Stream, ProtocolType.Tcp);
                        {|SOCK001:first.Listen()|};
                        using (var second = new Socket(SocketType.Stream, ProtocolType.Tcp))
                        {
                            second.Bind(ep);
                            second.Listen();
                        }
                    }
                }
                """);

        [Fact]
        public Task Loop_that_recreates_the_socket_binds_each_one()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class C
                {
                    void M(IPEndPoint ep)
                    {
                        for (int attempt = 0; attempt < 3; attempt++)
                        {
                            var server = new Socket(SocketType.Stream, ProtocolType.Tcp);
                            try
                            {
                                server.Bind(ep);
                                server.Listen();
                                return;
                            }
                            catch (SocketException)
                            {
                                server.Close();
                            }
                        }
                    }
                }
                """);

        [Fact]
        public async Task A_project_without_sockets_reports_nothing()
        {
            // Only System.Runtime: no System.Net.Sockets at all, so the analyzer registers nothing.
            var runtime = System.IO.Path.Combine(System.AppContext.BaseDirectory, "refs", "net8.0", "System.Runtime.dll");
            var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
                "NoSockets",
                new[] { Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("class Socket { public void Listen() { } } class C { void M() { var s = new Socket(); s.Listen(); } }") },
                new[] { Microsoft.CodeAnalysis.MetadataReference.CreateFromFile(runtime) },
                new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary));
            Assert.Empty(compilation.GetDiagnostics());
            var analyzers = System.Collections.Immutable.ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new SocketLifecycleAnalyzer());
            var diagnostics = await new Microsoft.CodeAnalysis.Diagnostics.CompilationWithAnalyzers(compilation, analyzers, new Microsoft.CodeAnalysis.Diagnostics.CompilationWithAnalyzersOptions(new Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions(System.Collections.Immutable.ImmutableArray<Microsoft.CodeAnalysis.AdditionalText>.Empty), null, true, false)).GetAllDiagnosticsAsync();
            Assert.Empty(diagnostics);
        }
    }
}
