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
    /// SOCK011 on a line reader handed to a helper (issue 13): <c>new Thread(() =&gt; Receive(reader))</c> where every call
    /// of a private method or local function passes a reader over a network stream. A method other code may call, or
    /// one called with anything else, leaves its parameter unknown.
    /// </summary>
    public sealed class SOCK011LineReaderParameterTests
    {
        private static string Class(string members) => Usings + "class Chat\n{\n    private readonly TcpClient client = new TcpClient(\"example.org\", 80);\n\n" + Indent(members, 4) + "\n}\n";

        [Theory]
        [InlineData("""
            public void Start()
            {
                var reader = new StreamReader(client.GetStream());
                new Thread(() => Receive(reader)).Start();
            }

            private void Receive(StreamReader reader)
            {
                while (true)
                {
                    var line = [|reader.ReadLine()|];
                    Console.WriteLine(line);
                }
            }
            """)]
        [InlineData("""
            public void Start()
            {
                Receive(new StreamReader(client.GetStream()));
                Receive(null);
            }

            private static void Receive(TextReader reader)
            {
                while (true)
                {
                    Console.WriteLine([|reader.ReadLine()|]);
                }
            }
            """)]
        [InlineData("""
            public async Task StartAsync()
            {
                StreamReader reader = null;
                reader = new StreamReader(client.GetStream());
                _ = Task.Run(() => ReceiveAsync(reader));
                await Task.Delay(1);

                async Task ReceiveAsync(StreamReader r)
                {
                    while (true)
                    {
                        var line = await [|r.ReadLineAsync()|];
                        if (string.IsNullOrEmpty(line))
                        {
                            continue;
                        }

                        Console.WriteLine(line);
                    }
                }
            }
            """)]
        [InlineData("""
            private readonly StreamReader fieldReader = new StreamReader(new TcpClient("h", 1).GetStream());

            public void Start() => Receive(fieldReader, 0);

            private void Receive(StreamReader reader, int depth)
            {
                while (true)
                {
                    Console.WriteLine([|reader.ReadLine()|]);
                    if (depth < 0)
                    {
                        Receive(reader, depth + 1);
                    }
                }
            }
            """)]
        public Task A_helper_whose_every_call_passes_a_network_reader_is_followed(string members)
            => Verify.VerifyAnalyzerAsync(Class(members));

        [Theory]
        [InlineData("""
            public void Start()
            {
                Receive(new StreamReader(client.GetStream()));
                Receive(new StreamReader("log.txt"));
            }

            private void Receive(StreamReader reader)
            {
                while (true) { Console.WriteLine(reader.ReadLine()); }
            }
            """)]
        [InlineData("""
            public void Start() => Receive(new StreamReader(client.GetStream()));

            public void Receive(StreamReader reader)
            {
                while (true) { Console.WriteLine(reader.ReadLine()); }
            }
            """)]
        [InlineData("""
            public void Start()
            {
                Receive(new StreamReader(client.GetStream()));
                Action<StreamReader> later = Receive;
            }

            private void Receive(StreamReader reader)
            {
                while (true) { Console.WriteLine(reader.ReadLine()); }
            }
            """)]
        [InlineData("""
            public void Start() => Receive(new StreamReader(client.GetStream()));

            private void Receive(StreamReader reader)
            {
                while (true)
                {
                    Console.WriteLine(reader.ReadLine());
                    reader = new StreamReader("log.txt");
                }
            }
            """)]
        [InlineData("""
            public void Start() => Receive();

            private void Receive(StreamReader reader = null)
            {
                while (true) { Console.WriteLine(reader.ReadLine()); }
            }
            """)]
        [InlineData("""
            private void Receive(StreamReader reader)
            {
                while (true) { Console.WriteLine(reader.ReadLine()); }
            }
            """)]
        [InlineData("""
            public void Start() => Receive(new StreamReader(client.GetStream()));

            private void Receive(StreamReader reader)
            {
                while (true)
                {
                    var line = reader.ReadLine();
                    if (line == null)
                    {
                        break;
                    }

                    Console.WriteLine(line);
                }
            }
            """)]
        public Task A_helper_other_code_may_call_or_that_gets_anything_else_stays_silent(string members)
            => Verify.VerifyAnalyzerAsync(Class(members));

        [Fact]
        public Task Fix_leaves_the_helpers_loop_at_the_null_line()
            => Verify.VerifyCodeFixAsync(
                Class("""
                    public void Start() => Receive(new StreamReader(client.GetStream()));

                    private void Receive(StreamReader reader)
                    {
                        while (true)
                        {
                            var line = [|reader.ReadLine()|];
                            Console.WriteLine(line);
                        }
                    }
                    """),
                Class("""
                    public void Start() => Receive(new StreamReader(client.GetStream()));

                    private void Receive(StreamReader reader)
                    {
                        while (true)
                        {
                            var line = reader.ReadLine();
                            if (line == null)
                            {
                                break;
                            }

                            Console.WriteLine(line);
                        }
                    }
                    """));

        private const string CallingPart = """
            partial class Chat
            {
                private readonly TcpClient client = new TcpClient("example.org", 80);

                public void Start() => Receive(new StreamReader(client.GetStream()));
            }
            """;

        private const string ReadingPart = """
            partial class Chat
            {
                private void Receive(StreamReader reader)
                {
                    while (true)
                    {
                        Console.WriteLine(reader.ReadLine());
                    }
                }
            }
            """;

        [Fact]
        public async Task A_helper_called_from_another_file_stays_silent_in_every_host()
        {
            var test = new SocketAnalyzerTest();
            var project = test.CreateProject(ImmutableArray.Create(Usings + CallingPart, Usings + ReadingPart));
            var compilation = (await project.GetCompilationAsync())!;
            var withAnalyzers = compilation.WithAnalyzers(test.Analyzers);
            var reading = compilation.SyntaxTrees.Single(t => t.ToString().Contains("void Receive", System.StringComparison.Ordinal));

            Assert.Empty(await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None));
            Assert.Empty(await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(reading), null, CancellationToken.None));
            var receive = (await reading.GetRootAsync()).DescendantNodes().OfType<MethodDeclarationSyntax>().Single();
            Assert.Empty(await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(reading), receive.Span, CancellationToken.None));
        }

        [Fact]
        public async Task Span_analysis_of_the_helper_alone_reports_what_whole_compilation_analysis_reports()
        {
            var source = Class("""
                public void Start() => Receive(new StreamReader(client.GetStream()));

                private void Receive(StreamReader reader)
                {
                    while (true)
                    {
                        Console.WriteLine(reader.ReadLine());
                    }
                }
                """);
            var test = new SocketAnalyzerTest();
            var project = test.CreateProject(ImmutableArray.Create(source));
            var compilation = (await project.GetCompilationAsync())!;
            var tree = compilation.SyntaxTrees.Single();
            var withAnalyzers = compilation.WithAnalyzers(test.Analyzers);

            var whole = (await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None)).Select(d => d.Id).ToArray();
            Assert.Equal(new[] { "SOCK011" }, whole);
            var receive = (await tree.GetRootAsync()).DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.Text == "Receive");
            var inSpan = (await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), receive.Span, CancellationToken.None)).Select(d => d.Id).ToArray();
            Assert.Equal(whole, inSpan);
        }
    }
}
