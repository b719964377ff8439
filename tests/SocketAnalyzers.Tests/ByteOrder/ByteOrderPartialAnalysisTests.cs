using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using SocketAnalyzers.ByteOrder;
using SocketAnalyzers.Tests.Verifiers;
using Xunit;

namespace SocketAnalyzers.Tests.ByteOrder
{
    /// <summary>
    /// The byte-order findings are decided by the whole body (a write is reported because of a later send), and
    /// reported from a body-level action: per-document analysis (what the scanner's default mode and an IDE do) and
    /// span-based analysis find exactly what whole-compilation analysis finds.
    /// </summary>
    public sealed class ByteOrderPartialAnalysisTests
    {
        private const string NetworkCode = """
            using System;
            using System.IO;
            using System.Net;
            using System.Net.Sockets;

            class Wire
            {
                void Send(Socket socket, int length, bool flag)
                {
                    var header = new byte[4];
                    if (flag)
                    {
                        BitConverter.GetBytes(length).CopyTo(header, 0);
                    }

                    Log("sending");
                    socket.Send(header);
                }

                long Read(NetworkStream stream)
                {
                    var buffer = new byte[8];
                    stream.ReadExactly(buffer);
                    Log("read");
                    return BitConverter.ToInt64(buffer, 0);
                }

                void Connect(TcpClient client, short port)
                {
                    var netPort = IPAddress.HostToNetworkOrder(port);
                    Log("connecting");
                    client.Connect(IPAddress.Loopback, netPort);
                }

                static void Log(string text) => Console.WriteLine(text);
            }
            """;

        private const string OtherCode = """
            class Other
            {
                int Twice(int x) => x * 2;
            }
            """;

        private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(
            new SOCK020HostOrderWriteAnalyzer(), new SOCK021HostOrderReadAnalyzer(), new SOCK022PortConvertedTwiceAnalyzer());

        private static CompilationWithAnalyzers Create(out SyntaxTree network)
        {
            network = CSharpSyntaxTree.ParseText(NetworkCode, path: "Wire.cs");
            return TwoFileProject.Create("Partial", OtherCode, network, Analyzers);
        }

        private static string[] Describe(ImmutableArray<Diagnostic> diagnostics) => TwoFileProject.Describe(diagnostics);

        [Fact]
        public async Task Per_document_analysis_finds_what_whole_compilation_analysis_finds()
        {
            var whole = await Create(out _).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            Assert.Equal(new[] { "SOCK020@12", "SOCK021@24", "SOCK022@29" }, Describe(whole));

            var withAnalyzers = Create(out var network);
            var model = withAnalyzers.Compilation.GetSemanticModel(withAnalyzers.Compilation.SyntaxTrees.Single(t => t.FilePath == network.FilePath));
            var perDocument = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, null, CancellationToken.None);
            Assert.Equal(Describe(whole), Describe(perDocument));
        }

        [Theory]
        [InlineData("Send", "SOCK020@12")]
        [InlineData("Read", "SOCK021@24")]
        [InlineData("Connect", "SOCK022@29")]
        public async Task Span_based_analysis_of_one_method_keeps_its_finding(string method, string expected)
        {
            var withAnalyzers = Create(out var network);
            var tree = withAnalyzers.Compilation.SyntaxTrees.Single(t => t.FilePath == network.FilePath);
            var model = withAnalyzers.Compilation.GetSemanticModel(tree);
            var declaration = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.Text == method);
            var diagnostics = Describe(await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, declaration.Span, CancellationToken.None));

            // The method's own finding is there; anything else is one whole-compilation analysis finds too (the
            // symbol-start analyzers of SOCK020/SOCK021 analyze the whole type around the span).
            Assert.Contains(expected, diagnostics);
            Assert.Subset(new System.Collections.Generic.HashSet<string> { "SOCK020@12", "SOCK021@24", "SOCK022@29" }, new System.Collections.Generic.HashSet<string>(diagnostics));
        }
    }
}
