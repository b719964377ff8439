using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using SocketAnalyzers.Tests.Verifiers;
using Xunit;
using static SocketAnalyzers.Tests.Reads.ReadTestCode;
using Verify = SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<SocketAnalyzers.Reads.SOCK011ReadLoopIgnoresEndOfStreamAnalyzer, SocketAnalyzers.CodeFixes.Reads.SOCK011ReadLoopIgnoresEndOfStreamCodeFixProvider>;

namespace SocketAnalyzers.Tests.Reads
{
    /// <summary>
    /// SOCK011 on a line reader kept in a field (issue 13): the chat client or course server that builds its
    /// <c>StreamReader</c> over the connection in a constructor or a <c>Connect</c> method and reads it in a loop in
    /// another method. A private field that its type only ever assigns a reader over a network stream (or null) is
    /// followed like a local one; a field other code may assign, or that is given anything else, stays unknown.
    /// </summary>
    public sealed class SOCK011LineReaderFieldTests
    {
        private const string ChatClient = """
            class ChatClient
            {
                private TcpClient? client;
                private StreamReader? reader;

                public void Connect(string host, int port)
                {
                    client = new TcpClient(host, port);
                    reader = new StreamReader(client.GetStream());
                }

                public void Listen()
                {
                    while (true)
                    {
                        string? msg = [|reader!.ReadLine()|];
                        Console.WriteLine("Server: " + msg);
                    }
                }
            }
            """;

        // ---- Reported: every assignment of the field is a reader over the network ----

        [Fact]
        public Task Field_set_in_a_Connect_method_and_read_in_a_loop_of_another_method_is_reported()
            => Verify.VerifyAnalyzerAsync(Usings + ChatClient);

        [Fact]
        public Task Field_set_in_the_constructor_is_reported()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class Session
                {
                    private StreamReader reader;

                    public Session(TcpClient client)
                    {
                        reader = new StreamReader(client.GetStream(), Encoding.UTF8);
                    }

                    public void Run()
                    {
                        while (true)
                        {
                            var line = [|reader.ReadLine()|];
                            Console.WriteLine("got " + line);
                            if (line == "quit")
                            {
                                break;
                            }
                        }
                    }
                }
                """);

        [Fact]
        public Task Readonly_field_is_reported_even_when_the_loop_calls_a_helper_of_the_class()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class Session
                {
                    private readonly StreamReader reader;
                    private int count;

                    public Session(TcpClient client) => reader = new StreamReader(client.GetStream());

                    public void Run()
                    {
                        while (true)
                        {
                            var line = [|reader.ReadLine()|];
                            Handle(line);
                        }
                    }

                    private void Handle(string? line) => count++;
                }
                """);

        [Fact]
        public Task TextReader_field_given_only_network_readers_is_reported()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class Session
                {
                    private TextReader input;

                    public Session(Socket socket) => input = new StreamReader(new NetworkStream(socket));

                    public void Reset(SslStream ssl) => input = new StreamReader(ssl);

                    public void Run()
                    {
                        string? line;
                        do
                        {
                            line = [|input.ReadLine()|];
                            Console.WriteLine(line);
                        }
                        while (line != "bye");
                    }
                }
                """);

        [Fact]
        public Task Awaited_ReadLineAsync_on_a_field_in_an_async_loop_is_reported()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class ChatClient
                {
                    private TcpClient? client;
                    private StreamReader? reader;

                    public async Task ConnectAsync(string host, int port)
                    {
                        client = new TcpClient();
                        await client.ConnectAsync(host, port);
                        reader = new StreamReader(client.GetStream());
                    }

                    public async Task ListenAsync()
                    {
                        while (true)
                        {
                            var msg = await [|reader!.ReadLineAsync()|].ConfigureAwait(false);
                            Console.WriteLine("Server: " + msg);
                        }
                    }
                }
                """);

        [Fact]
        public Task Reader_over_a_NetworkStream_field_is_reported()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class Session
                {
                    private readonly NetworkStream stream;
                    private readonly StreamReader reader;

                    public Session(TcpClient client)
                    {
                        stream = client.GetStream();
                        reader = new StreamReader(stream);
                    }

                    public void Run()
                    {
                        while (true)
                        {
                            Console.WriteLine([|reader.ReadLine()|]);
                        }
                    }
                }
                """);

        [Fact]
        public Task Reader_given_from_a_local_that_holds_a_network_reader_is_reported()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class Session
                {
                    private StreamReader? reader;

                    public void Open(TcpClient client)
                    {
                        var r = new StreamReader(client.GetStream());
                        reader = r;
                    }

                    public void Run()
                    {
                        while (true)
                        {
                            Console.WriteLine([|reader!.ReadLine()|]);
                        }
                    }
                }
                """);

        [Fact]
        public Task Field_set_to_null_when_closed_is_still_reported()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class ChatClient : IDisposable
                {
                    private StreamReader? reader;

                    public void Connect(TcpClient client) => reader ??= new StreamReader(client.GetStream());

                    public void Listen()
                    {
                        while (true)
                        {
                            var msg = [|reader!.ReadLine()|];
                            Console.WriteLine(msg);
                        }
                    }

                    public void Dispose()
                    {
                        reader?.Dispose();
                        reader = null;
                        Console.WriteLine(nameof(reader) + " closed");
                    }
                }
                """);

        [Fact]
        public Task Locals_and_parameters_of_the_same_name_do_not_disqualify_the_field()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class Session
                {
                    private readonly StreamReader reader;

                    public Session(TcpClient client) => this.reader = new StreamReader(client.GetStream());

                    public static string First(string path)
                    {
                        using var reader = new StreamReader(path);
                        return reader.ReadLine() ?? "";
                    }

                    public static string Echo(StringReader reader) => reader.ReadToEnd();

                    public void Run()
                    {
                        while (true)
                        {
                            Console.WriteLine([|this.reader.ReadLine()|]);
                        }
                    }
                }
                """);

        [Fact]
        public Task Loop_in_a_thread_lambda_over_a_field_set_in_Connect_is_reported()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class ChatClient
                {
                    private StreamReader? reader;

                    public void Connect(string host, int port)
                    {
                        var client = new TcpClient(host, port);
                        reader = new StreamReader(client.GetStream());
                        new Thread(() =>
                        {
                            while (true)
                            {
                                string? msg = [|reader.ReadLine()|];
                                Console.WriteLine(msg);
                            }
                        }).Start();
                    }
                }
                """);

        [Fact]
        public Task Static_field_set_in_Main_is_reported()
            => Verify.VerifyAnalyzerAsync(Usings + """
                static class Program
                {
                    private static StreamReader? reader;

                    public static void Main()
                    {
                        var client = new TcpClient("localhost", 9000);
                        reader = new StreamReader(client.GetStream());
                        Receive();
                    }

                    private static void Receive()
                    {
                        while (true)
                        {
                            Console.WriteLine([|reader!.ReadLine()|]);
                        }
                    }
                }
                """);

        [Fact]
        public Task Partial_class_whose_other_file_declares_the_field_without_naming_it_elsewhere_is_reported()
        {
            var test = new SocketAnalyzerTest { DefaultDiagnosticId = "SOCK011" };
            test.Sources.Add(Usings + PartialDeclaringPart);
            test.Sources.Add(Usings + PartialReadingPart.Replace("reader!.ReadLine()", "[|reader!.ReadLine()|]", System.StringComparison.Ordinal));
            return test.RunAsync();
        }

        // ---- Quiet: the field may hold something else, or the loop stops ----

        [Theory]
        [InlineData("public void Replay(string path) => reader = new StreamReader(path);")]
        [InlineData("public void Replay() => reader = File.OpenText(\"log.txt\");")]
        [InlineData("public void Replay(Stream any) => reader = new StreamReader(any);")]
        [InlineData("public void Use(StreamReader given) => reader = given;")]
        [InlineData("public void Swap(ref StreamReader? other) => other = null;\n    public void Exchange() => Swap(ref reader);")]
        [InlineData("public void Take(out StreamReader? r) => r = null;\n    public void Drop() => Take(out reader);")]
        [InlineData("public ref StreamReader? Slot() => ref reader;")]
        [InlineData("public void Pair(TcpClient c) => (reader, _) = (new StreamReader(c.GetStream()), 0);")]
        [InlineData("public ChatClient Copy(StreamReader r) => new ChatClient { reader = r };")]
        public Task Field_also_given_something_else_or_written_through_a_ref_is_quiet(string member)
            => Verify.VerifyAnalyzerAsync(Usings + ChatClient.Replace("[|reader!.ReadLine()|]", "reader!.ReadLine()", System.StringComparison.Ordinal)
                .Replace("    public void Listen()", "    " + member + "\n\n    public void Listen()", System.StringComparison.Ordinal));

        [Theory]
        [InlineData("public class Session { public StreamReader? reader;")]
        [InlineData("public class Session { internal StreamReader? reader;")]
        [InlineData("public class Session { protected StreamReader? reader;")]
        [InlineData("public class Session { private protected StreamReader? reader;")]
        public Task Field_other_code_may_assign_is_quiet(string head)
            => Verify.VerifyAnalyzerAsync(Usings + head + """

                    public void Connect(TcpClient client) => reader = new StreamReader(client.GetStream());

                    public void Run()
                    {
                        while (true)
                        {
                            Console.WriteLine(reader!.ReadLine());
                        }
                    }
                }
                """);

        [Fact]
        public Task Field_never_assigned_in_source_is_quiet()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class Session
                {
                    private StreamReader? reader = null;

                    public void Run()
                    {
                        while (true)
                        {
                            Console.WriteLine(reader!.ReadLine());
                        }
                    }
                }
                """);

        [Theory]
        [InlineData("if (msg == null)\n{\n    break;\n}")]
        [InlineData("if (msg is null)\n{\n    return;\n}")]
        [InlineData("if (string.IsNullOrEmpty(msg))\n{\n    break;\n}")]
        [InlineData("Console.WriteLine(msg.Trim());")]
        public Task Loop_that_stops_at_the_null_line_is_quiet(string check)
            => Verify.VerifyAnalyzerAsync(Usings + ChatClient
                .Replace("[|reader!.ReadLine()|]", "reader!.ReadLine()", System.StringComparison.Ordinal)
                .Replace("            Console.WriteLine(\"Server: \" + msg);", Indent(check, 12), System.StringComparison.Ordinal));

        [Fact]
        public Task Loop_that_calls_a_project_method_that_may_replace_a_non_readonly_field_is_quiet()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class ChatClient
                {
                    private StreamReader? reader;
                    private readonly string host = "localhost";

                    public void Connect() => reader = new StreamReader(new TcpClient(host, 9000).GetStream());

                    public void Listen()
                    {
                        while (true)
                        {
                            var msg = reader!.ReadLine();
                            Show(msg);
                        }
                    }

                    private void Show(string? msg)
                    {
                        if (msg == "reconnect")
                        {
                            Connect();
                        }
                    }
                }
                """);

        [Fact]
        public Task Line_read_of_a_field_outside_any_loop_is_quiet()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class Session
                {
                    private readonly StreamReader reader;

                    public Session(TcpClient client) => reader = new StreamReader(client.GetStream());

                    public string? Next() => reader.ReadLine();
                }
                """);

        [Fact]
        public Task Reader_field_of_another_instance_is_quiet()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class Session
                {
                    private StreamReader? reader;

                    public void Open(TcpClient client) => reader = new StreamReader(client.GetStream());

                    public static void Pump(Session other)
                    {
                        while (true)
                        {
                            Console.WriteLine(other.reader!.ReadLine());
                        }
                    }
                }
                """);

        [Fact]
        public Task Partial_class_that_assigns_the_field_in_another_file_is_quiet()
        {
            var test = new SocketAnalyzerTest { DefaultDiagnosticId = "SOCK011" };
            test.Sources.Add(Usings + PartialAssigningPart);
            test.Sources.Add(Usings + PartialLoopOnlyPart);
            return test.RunAsync();
        }

        // ---- The fix: the null check that leaves the loop ----

        [Fact]
        public Task Fix_and_fix_all_insert_the_null_check_in_loops_over_reader_fields()
            => Verify.VerifyCodeFixAsync(
                Usings + """
                    class ChatClient
                    {
                        private StreamReader? reader;
                        private readonly TextReader input;

                        public ChatClient(TcpClient client)
                        {
                            input = new StreamReader(client.GetStream());
                        }

                        public void Connect(TcpClient client) => reader = new StreamReader(client.GetStream());

                        public void Listen()
                        {
                            while (true)
                            {
                                string? msg = [|reader!.ReadLine()|];
                                Console.WriteLine("Server: " + msg);
                            }
                        }

                        public async Task ReadCommandsAsync()
                        {
                            while (true)
                            {
                                var command = await [|input.ReadLineAsync()|];
                                Console.WriteLine(command);
                            }
                        }
                    }
                    """,
                Usings + """
                    class ChatClient
                    {
                        private StreamReader? reader;
                        private readonly TextReader input;

                        public ChatClient(TcpClient client)
                        {
                            input = new StreamReader(client.GetStream());
                        }

                        public void Connect(TcpClient client) => reader = new StreamReader(client.GetStream());

                        public void Listen()
                        {
                            while (true)
                            {
                                string? msg = reader!.ReadLine();
                                if (msg == null)
                                {
                                    break;
                                }

                                Console.WriteLine("Server: " + msg);
                            }
                        }

                        public async Task ReadCommandsAsync()
                        {
                            while (true)
                            {
                                var command = await input.ReadLineAsync();
                                if (command == null)
                                {
                                    break;
                                }

                                Console.WriteLine(command);
                            }
                        }
                    }
                    """);

        // ---- Every host sees every finding ----

        private const string PartialDeclaringPart = """
            partial class ChatClient
            {
                private StreamReader? reader;

                public string Name { get; set; } = "chat";
            }
            """;

        private const string PartialReadingPart = """
            partial class ChatClient
            {
                public void Connect(string host, int port)
                {
                    var client = new TcpClient(host, port);
                    reader = new StreamReader(client.GetStream());
                }

                public void Listen()
                {
                    while (true)
                    {
                        string? msg = reader!.ReadLine();
                        Console.WriteLine(Name + ": " + msg);
                    }
                }
            }
            """;

        private const string PartialAssigningPart = """
            partial class ChatClient
            {
                private StreamReader? reader;

                public void Connect(string host, int port)
                {
                    var client = new TcpClient(host, port);
                    reader = new StreamReader(client.GetStream());
                }
            }
            """;

        private const string PartialLoopOnlyPart = """
            partial class ChatClient
            {
                public void Listen()
                {
                    while (true)
                    {
                        string? msg = reader!.ReadLine();
                        Console.WriteLine("Server: " + msg);
                    }
                }
            }
            """;

        [Theory]
        [InlineData(PartialDeclaringPart, PartialReadingPart, 1)]
        [InlineData(PartialAssigningPart, PartialLoopOnlyPart, 0)]
        public async Task Per_document_and_span_analysis_of_a_partial_class_agree_with_whole_compilation_analysis(string first, string second, int expected)
        {
            var test = new SocketAnalyzerTest();
            var project = test.CreateProject(ImmutableArray.Create(Usings + first, Usings + second));
            var compilation = (await project.GetCompilationAsync())!;
            var withAnalyzers = compilation.WithAnalyzers(test.Analyzers);
            var reading = compilation.SyntaxTrees.Single(t => t.ToString().Contains("void Listen", System.StringComparison.Ordinal));
            var other = compilation.SyntaxTrees.Single(t => !ReferenceEquals(t, reading));

            var whole = Describe(await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None));
            Assert.Equal(expected, whole.Length);
            Assert.All(whole, d => Assert.StartsWith("SOCK011@", d, System.StringComparison.Ordinal));

            var inDocument = Describe(await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(reading), null, CancellationToken.None));
            Assert.Equal(whole, inDocument);

            var listen = (await reading.GetRootAsync()).DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.Text == "Listen");
            var inSpan = Describe(await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(reading), listen.FullSpan, CancellationToken.None));
            Assert.Equal(whole, inSpan);

            Assert.Empty(await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(other), null, CancellationToken.None));
        }

        [Fact]
        public async Task Span_analysis_of_the_loop_alone_reports_what_whole_compilation_analysis_reports()
        {
            var test = new SocketAnalyzerTest();
            var project = test.CreateProject(ImmutableArray.Create(Usings + ChatClient.Replace("[|", "", System.StringComparison.Ordinal).Replace("|]", "", System.StringComparison.Ordinal)));
            var compilation = (await project.GetCompilationAsync())!;
            var tree = compilation.SyntaxTrees.Single();
            var model = compilation.GetSemanticModel(tree);
            var withAnalyzers = compilation.WithAnalyzers(test.Analyzers);

            var whole = Describe(await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None));
            Assert.Equal(new[] { "SOCK011@23" }, whole);

            // Only the loop's method is analyzed: the field's assignment in Connect is still found.
            var listen = (await tree.GetRootAsync()).DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.Text == "Listen");
            Assert.Equal(whole, Describe(await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, listen.Span, CancellationToken.None)));
        }

        private static string[] Describe(ImmutableArray<Diagnostic> diagnostics)
            => diagnostics.Select(d => d.Id + "@" + d.Location.GetLineSpan().StartLinePosition.Line).OrderBy(s => s, System.StringComparer.Ordinal).ToArray();
    }
}
