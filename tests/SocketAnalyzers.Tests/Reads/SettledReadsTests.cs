using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using SocketAnalyzers.AnalyzerCost.Workloads;
using SocketAnalyzers.Reads;
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
            => GatedBodies.SettleNoFinding(body => new Verdict(body), atLeast: 300);

        [Fact]
        public void Bodies_at_the_edge_of_the_gate_keep_their_findings()
            => GatedBodies.KeepFindings(EdgeShapes, body => new Verdict(body));

        [Fact]
        public void Every_body_of_the_socket_dense_corpus_settles()
        {
            foreach (var file in DenseSocketCorpus.Generate(targetLines: 1))
            {
                foreach (var body in GatedBodies.Of(file.Value, OutputKind.DynamicallyLinkedLibrary).Select(b => new Verdict(b)))
                {
                    Assert.True(body.Settled || body.Scanned is null or { Sites.Count: 0 }, $"{file.Key}: {body.Owner} keeps its graph and flow");
                }
            }
        }

        private sealed class Verdict : GatedBodies.IVerdict
        {
            private readonly GatedBodies.Body body;
            private readonly BufferConsumers consumers;

            public Verdict(GatedBodies.Body body)
            {
                this.body = body;
                consumers = new BufferConsumers(body.Symbols.Catalogue);
                Scanned = ReadBody.Scan(body.Operation, body.Symbols.Reads, consumers, body.Owner, CancellationToken.None);
                Settled = Scanned is { Sites.Count: > 0 } && SettledReads.All(Scanned, body.Operation, body.Symbols, CancellationToken.None);
            }

            public string Owner => body.Owner.ToDisplayString();

            public ReadBody? Scanned { get; }

            public bool Settled { get; }

            /// <summary>What the flow reports in the body, run whatever the gate says.</summary>
            public List<string> Findings()
            {
                var diagnostics = new List<Diagnostic>();
                if (Scanned is { Sites.Count: > 0 } && GatedBodies.GraphOf(body.Operation) is { } graph)
                {
                    // A fresh scan: the flow keeps state in the body it analyzes.
                    var fresh = ReadBody.Scan(body.Operation, body.Symbols.Reads, consumers, body.Owner, CancellationToken.None)!;
                    ReadFlowAnalysis.Analyze(graph, fresh, body.Symbols, consumers, diagnostics, CancellationToken.None);
                }

                return diagnostics.Select(d => d.Id + " " + d.Location.GetLineSpan()).ToList();
            }
        }
    }
}
