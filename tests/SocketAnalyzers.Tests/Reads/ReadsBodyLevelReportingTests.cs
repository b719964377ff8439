using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using SocketAnalyzers.Reads;
using SocketAnalyzers.Tests.Verifiers;
using Xunit;

namespace SocketAnalyzers.Tests.Reads
{
    /// <summary>
    /// The reads rules report from the body's action, so that analysis of one document or one span (the IDE, the
    /// scanner's default mode) finds what analysis of the whole compilation finds, in a project where another file has
    /// nothing to do with sockets.
    /// </summary>
    public sealed class ReadsBodyLevelReportingTests
    {
        private const string Helpers = """
            namespace App
            {
                public static class Text
                {
                    public static string Twice(string value) => value + value;
                }
            }
            """;

        private const string Network = """
            using System;
            using System.Net.Sockets;
            using System.Text;

            namespace App
            {
                public sealed class Client
                {
                    public string Exchange(Socket socket, byte[] buffer)
                    {
                        socket.Receive(buffer);
                        var greeting = Encoding.UTF8.GetString(buffer);
                        while (true)
                        {
                            int n = socket.Receive(buffer);
                            Console.WriteLine(Text.Twice(greeting) + n);
                        }
                    }

                    public int Unrelated(int value) => value * 2;
                }
            }
            """;

        [Fact]
        public async Task Every_reads_rule_is_found_through_the_span_of_its_method_and_through_its_document()
        {
            var (compilation, helpers, network) = TwoFiles(Network, "Network.cs");

            var model = compilation.GetSemanticModel(network);
            var methods = network.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().ToList();
            var exchange = methods.Single(m => m.Identifier.ValueText == "Exchange").Span;
            var unrelated = methods.Single(m => m.Identifier.ValueText == "Unrelated").Span;

            var inSpan = await Analyze(compilation).GetAnalyzerSemanticDiagnosticsAsync(model, exchange, default);
            var inDocument = await Analyze(compilation).GetAnalyzerSemanticDiagnosticsAsync(model, null, default);
            var all = await Analyze(compilation).GetAnalyzerDiagnosticsAsync();
            var elsewhere = await Analyze(compilation).GetAnalyzerSemanticDiagnosticsAsync(model, unrelated, default);
            var otherDocument = await Analyze(compilation).GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(helpers), null, default);

            Assert.Equal(new[] { "SOCK010", "SOCK011", "SOCK012" }, Ids(all));
            Assert.Equal(Ids(all), Ids(inSpan));
            Assert.Equal(Ids(all), Ids(inDocument));
            Assert.Empty(elsewhere);
            Assert.Empty(otherDocument);
        }

        [Fact]
        public async Task Decode_of_a_short_header_is_found_through_its_span_and_its_document()
        {
            const string Header = """
                using System.Buffers.Binary;
                using System.Net.Sockets;

                namespace App
                {
                    public sealed class Framed
                    {
                        public int Length(NetworkStream stream)
                        {
                            var header = new byte[4];
                            int n = stream.Read(header, 0, header.Length);
                            return n == 0 ? -1 : BinaryPrimitives.ReadInt32BigEndian(header);
                        }
                    }
                }
                """;
            var (compilation, _, network) = TwoFiles(Header, "Framed.cs");
            var model = compilation.GetSemanticModel(network);
            var method = network.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single().Span;

            var all = await Analyze(compilation).GetAnalyzerDiagnosticsAsync();
            var inSpan = await Analyze(compilation).GetAnalyzerSemanticDiagnosticsAsync(model, method, default);
            var inDocument = await Analyze(compilation).GetAnalyzerSemanticDiagnosticsAsync(model, null, default);

            Assert.Equal(new[] { "SOCK012" }, Ids(all));
            Assert.Equal(SOCK012WholeBufferConsumedAnalyzer.Decoded, all[0].Properties[SOCK012WholeBufferConsumedAnalyzer.FormKey]);
            Assert.Equal(Ids(all), Ids(inSpan));
            Assert.Equal(Ids(all), Ids(inDocument));
        }

        [Theory]
        [InlineData("SOCK010")]
        [InlineData("SOCK011")]
        [InlineData("SOCK012")]
        public async Task Each_reads_analyzer_alone_finds_its_rule(string id)
        {
            // The three share one family result per body: none may depend on another one running too.
            var network = CSharpSyntaxTree.ParseText(Network, path: "Network.cs");
            var compilation = CSharpCompilation.Create(
                "Alone",
                new[] { network },
                ReferenceSet.Net80.Resolve(),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            DiagnosticAnalyzer analyzer = id switch
            {
                "SOCK010" => new SOCK010DiscardedReadCountAnalyzer(),
                "SOCK011" => new SOCK011ReadLoopIgnoresEndOfStreamAnalyzer(),
                _ => new SOCK012WholeBufferConsumedAnalyzer(),
            };

            var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create(analyzer)).GetAnalyzerDiagnosticsAsync();

            Assert.Equal(new[] { id }, Ids(diagnostics));
        }

        /// <summary>A project of <see cref="Helpers"/> (no network code) and <paramref name="network"/>, which compiles.</summary>
        private static (Compilation Compilation, SyntaxTree Helpers, SyntaxTree Network) TwoFiles(string network, string path)
        {
            var helpers = CSharpSyntaxTree.ParseText(Helpers, path: "Helpers.cs");
            var tree = CSharpSyntaxTree.ParseText(network, path: path);
            var compilation = CSharpCompilation.Create(
                "TwoFiles",
                new[] { helpers, tree },
                ReferenceSet.Net80.Resolve(),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            return (compilation, helpers, tree);
        }

        private static CompilationWithAnalyzers Analyze(Compilation compilation)
            => compilation.WithAnalyzers(
                ImmutableArray.Create<DiagnosticAnalyzer>(
                    new SOCK010DiscardedReadCountAnalyzer(),
                    new SOCK011ReadLoopIgnoresEndOfStreamAnalyzer(),
                    new SOCK012WholeBufferConsumedAnalyzer()),
                new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: true, logAnalyzerExecutionTime: false));

        private static string[] Ids(ImmutableArray<Diagnostic> diagnostics)
            => diagnostics.Select(d => d.Id).OrderBy(id => id, System.StringComparer.Ordinal).ToArray();
    }
}
