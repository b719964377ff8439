using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Addressing;
using SocketAnalyzers.AnalyzerCost.Workloads;
using SocketAnalyzers.Common;
using SocketAnalyzers.Tests.Robustness;
using SocketAnalyzers.Tests.Verifiers;
using Xunit;

namespace SocketAnalyzers.Tests.Addressing
{
    /// <summary>
    /// The addressing family skips the graph and the flow of a body in which <see cref="SettledValues"/> proves that SOCK030
    /// and SOCK032 cannot report (and SOCK040 has nothing to look at). The gate may only save time: a body it settles must
    /// be one in which the flow, run anyway, reports nothing. Checked on every body of the samples and of the test suite's
    /// socket code, and on shapes at the edge of its conditions; and it must settle the correct code it was built for.
    /// </summary>
    public sealed class SettledValuesTests
    {
        /// <summary>Bodies at the edge of the gate's conditions, each with a finding of the flow.</summary>
        private static readonly string[] EdgeShapes =
        {
            // The wildcard as a destination, through a local.
            """
            void M(byte[] b) { var s = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp); EndPoint to = new IPEndPoint(IPAddress.Any, 9); s.SendTo(b, to); }
            """,
            // The wildcard endpoint used before the receive that would have replaced it.
            """
            void M(byte[] b) { var s = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp); s.Bind(new IPEndPoint(IPAddress.Loopback, 0)); EndPoint from = new IPEndPoint(IPAddress.Any, 0); s.SendTo(b, from); s.ReceiveFrom(b, ref from); }
            """,
            // The wildcard given to a method of the socket's that binds nothing.
            """
            void M(byte[] b) { var u = new UdpClient(); u.Connect(new IPEndPoint(IPAddress.Any, 9)); }
            """,
            // An IPv6 socket bound to an IPv4 address.
            """
            void M() { var s = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp); s.Bind(new IPEndPoint(IPAddress.Loopback, 0)); }
            """,
            // An IPv4 socket connected to an IPv6 address.
            """
            void M() { var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); s.Connect(IPAddress.IPv6Loopback, 80); }
            """,
            // The wildcard given straight to Connect.
            """
            void M() { var c = new TcpClient(); c.Connect(IPAddress.Any, 80); }
            """,
            // A socket made without broadcast permission, sending to the broadcast address.
            """
            void M(byte[] b) { var s = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp); s.SendTo(b, new IPEndPoint(IPAddress.Broadcast, 9)); }
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
            Assert.True(reported > 60, $"only {reported} bodies with an addressing finding");
            Assert.True(settled > 50, $"only {settled} settled bodies");
        }

        [Fact]
        public void Bodies_at_the_edge_of_the_gate_keep_their_findings()
        {
            foreach (var shape in EdgeShapes)
            {
                var text = "using System.Net;\nusing System.Net.Sockets;\nclass C\n{\n" + shape + "\n}\n";
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
                    Assert.True(body.Settled || !body.Relevant, $"{file.Key}: {body.Owner} keeps its graph and flow");
                }
            }
        }

        private static IEnumerable<Body> Bodies(string text, OutputKind kind)
        {
            var tree = CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Latest));
            var compilation = CSharpCompilation.Create("x", new[] { tree }, ReferenceSet.Net80.Resolve(), new CSharpCompilationOptions(kind));
            var symbols = KnownSymbols.TryCreate(compilation);
            Assert.NotNull(symbols);
            var apis = new AddressingApis(symbols!);
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
                    yield return new Body(operation, owner, apis);
                }
            }
        }

        private sealed class Body
        {
            private readonly IOperation operation;
            private readonly AddressingApis apis;
            private readonly HashSet<ISymbol> captured;
            private readonly bool helperTexts;

            public Body(IOperation operation, ISymbol owner, AddressingApis apis)
            {
                this.operation = operation;
                this.apis = apis;
                Owner = owner;
                Relevant = SocketValueAnalysis.IsRelevant(operation, apis, out captured, out helperTexts, out var framing, CancellationToken.None);
                Settled = Relevant && !framing && SettledValues.All(operation, apis, CancellationToken.None);
            }

            public ISymbol Owner { get; }

            public bool Relevant { get; }

            public bool Settled { get; }

            /// <summary>What the flow reports in the body, run whatever the gate says.</summary>
            public List<string> Findings()
            {
                var result = new List<string>();
                if (!Relevant)
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
                    var findings = new List<ValueFinding>();
                    SocketValueAnalysis.Analyze(graph, apis, captured, helperTexts, findings, CancellationToken.None);
                    result.AddRange(findings.Select(f => f.Descriptor.Id + " " + f.Location.GetLineSpan()));
                }

                return result;
            }
        }
    }
}
