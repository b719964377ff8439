using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using SocketAnalyzers.Addressing;
using SocketAnalyzers.AnalyzerCost.Workloads;
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
            => GatedBodies.SettleNoFinding(body => new Verdict(body), atLeast: 60);

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
                    Assert.True(body.Settled || !body.Relevant, $"{file.Key}: {body.Owner} keeps its graph and flow");
                }
            }
        }

        private sealed class Verdict : GatedBodies.IVerdict
        {
            private readonly GatedBodies.Body body;
            private readonly AddressingApis apis;
            private readonly HashSet<ISymbol> captured;
            private readonly bool helperTexts;

            public Verdict(GatedBodies.Body body)
            {
                this.body = body;
                apis = new AddressingApis(body.Symbols);
                Relevant = SocketValueAnalysis.IsRelevant(body.Operation, apis, out captured, out helperTexts, out var framing, CancellationToken.None);
                Settled = Relevant && !framing && SettledValues.All(body.Operation, apis, CancellationToken.None);
            }

            public string Owner => body.Owner.ToDisplayString();

            public bool Relevant { get; }

            public bool Settled { get; }

            /// <summary>What the flow reports in the body, run whatever the gate says.</summary>
            public List<string> Findings()
            {
                var findings = new List<ValueFinding>();
                if (Relevant && GatedBodies.GraphOf(body.Operation) is { } graph)
                {
                    SocketValueAnalysis.Analyze(graph, apis, captured, helperTexts, findings, CancellationToken.None);
                }

                return findings.Select(f => f.Descriptor.Id + " " + f.Location.GetLineSpan()).ToList();
            }
        }
    }
}
