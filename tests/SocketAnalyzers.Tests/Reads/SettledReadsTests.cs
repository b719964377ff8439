using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.AnalyzerCost.Workloads;
using SocketAnalyzers.Common;
using SocketAnalyzers.Reads;
using SocketAnalyzers.Tests.Robustness;
using SocketAnalyzers.Tests.Verifiers;
using Xunit;

namespace SocketAnalyzers.Tests.Reads
{
    /// <summary>
    /// The reads family skips the graph and the flow of a body whose reads <see cref="SettledReads"/> proves quiet. The gate
    /// may only save time: a body it settles must be one in which the flow, run anyway, reports nothing. Checked on every
    /// body of the samples and of the test suite's socket code, and on shapes at the edge of its conditions.
    /// </summary>
    public sealed class SettledReadsTests
    {
        /// <summary>Datagram shapes at the edge of the gate, each with a finding of the flow.</summary>
        private static readonly string[] EdgeShapes =
        {
            // A stream read decoded past what it asked for: the decode may take bytes that did not come.
            """
            int M(NetworkStream s) { var buffer = new byte[8]; int n = s.Read(buffer, 0, buffer.Length); if (n == 0) return 0; return System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(buffer.AsSpan(4, 4)); }
            """,
            // One datagram decoded, its count thrown away: how long the datagram was is lost.
            """
            int M(Socket s) { var buffer = new byte[1500]; EndPoint from = new IPEndPoint(IPAddress.Any, 0); s.ReceiveFrom(buffer, ref from); return System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(buffer.AsSpan(0, 4)); }
            """,
        };

        [Fact]
        public void A_body_the_gate_settles_is_one_the_flow_reports_nothing_in()
        {
            var settled = 0;
            var reported = 0;
            foreach (var source in SweepSources.Samples().Concat(SweepSources.TestSnippets()))
            {
                foreach (var body in Bodies(source.Text, source.OutputKind))
                {
                    var findings = body.Findings();
                    if (findings.Count > 0)
                    {
                        reported++;
                    }

                    if (body.Settled)
                    {
                        settled++;
                        Assert.True(findings.Count == 0, $"{source.Name}: the gate settles {body.Owner}, where the flow reports {string.Join("; ", findings)}");
                    }
                }
            }

            // The test means something only if both kinds of body are many.
            Assert.True(reported > 300, $"only {reported} bodies with a reads finding");
            Assert.True(settled > 300, $"only {settled} settled bodies");
        }

        [Fact]
        public void Bodies_at_the_edge_of_the_gate_keep_their_findings()
        {
            foreach (var shape in EdgeShapes)
            {
                var text = "using System;\nusing System.Net;\nusing System.Net.Sockets;\nclass C\n{\n" + shape + "\n}\n";
                var body = Assert.Single(Bodies(text, OutputKind.DynamicallyLinkedLibrary));
                Assert.True(body.Findings().Count > 0, "the flow reports nothing in: " + shape);
                Assert.False(body.Settled, "the gate settles: " + shape);
            }
        }

        [Fact]
        public void Every_body_of_the_socket_dense_corpus_settles()
        {
            foreach (var file in DenseSocketCorpus.Generate(targetLines: 1))
            {
                foreach (var body in Bodies(file.Value, OutputKind.DynamicallyLinkedLibrary))
                {
                    Assert.True(body.Settled || body.Scanned is null or { Sites.Count: 0 }, $"{file.Key}: {body.Owner} keeps its graph and flow");
                }
            }
        }

        private static IEnumerable<Body> Bodies(string text, OutputKind kind)
        {
            var tree = CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Latest));
            var compilation = CSharpCompilation.Create("x", new[] { tree }, ReferenceSet.Net80.Resolve(), new CSharpCompilationOptions(kind));
            var symbols = KnownSymbols.TryCreate(compilation);
            Assert.NotNull(symbols);
            var consumers = new BufferConsumers(symbols!.Catalogue);
            var semantic = compilation.GetSemanticModel(tree);
            foreach (var node in tree.GetRoot().DescendantNodesAndSelf())
            {
                if (node is not (BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or CompilationUnitSyntax))
                {
                    continue;
                }

                if (semantic.GetOperation(node) is not { } operation || !operation.HasControlFlowGraph())
                {
                    continue;
                }

                var owner = node is CompilationUnitSyntax ? semantic.GetEnclosingSymbol(node.SpanStart) : semantic.GetDeclaredSymbol(node);
                if (owner is not null)
                {
                    yield return new Body(operation, owner, symbols, consumers);
                }
            }
        }

        private sealed class Body
        {
            private readonly IOperation operation;
            private readonly KnownSymbols symbols;
            private readonly BufferConsumers consumers;

            public Body(IOperation operation, ISymbol owner, KnownSymbols symbols, BufferConsumers consumers)
            {
                this.operation = operation;
                this.symbols = symbols;
                this.consumers = consumers;
                Owner = owner;
                Scanned = ReadBody.Scan(operation, symbols.Reads, consumers, owner, CancellationToken.None);
                Settled = Scanned is { Sites.Count: > 0 } && SettledReads.All(Scanned, operation, symbols, CancellationToken.None);
            }

            public ISymbol Owner { get; }

            public ReadBody? Scanned { get; }

            public bool Settled { get; }

            /// <summary>What the flow reports in the body, run whatever the gate says.</summary>
            public List<string> Findings()
            {
                var result = new List<string>();
                if (Scanned is not { Sites.Count: > 0 })
                {
                    return result;
                }

                ControlFlowGraph? graph = operation switch
                {
                    IMethodBodyOperation method => ControlFlowGraph.Create(method),
                    IConstructorBodyOperation constructor => ControlFlowGraph.Create(constructor),
                    IBlockOperation block => ControlFlowGraph.Create(block),
                    _ => null,
                };
                if (graph is not null)
                {
                    // A fresh scan: the flow keeps state in the body it analyzes.
                    var body = ReadBody.Scan(operation, symbols.Reads, consumers, Owner, CancellationToken.None)!;
                    var diagnostics = new List<Diagnostic>();
                    ReadFlowAnalysis.Analyze(graph, body, symbols, consumers, diagnostics, CancellationToken.None);
                    result.AddRange(diagnostics.Select(d => d.Id + " " + d.Location.GetLineSpan()));
                }

                return result;
            }
        }
    }
}
