using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using SocketAnalyzers.AnalyzerCost.Workloads;
using SocketAnalyzers.Lifecycle;
using SocketAnalyzers.Tests.Verifiers;
using Xunit;

namespace SocketAnalyzers.Tests.Lifecycle
{
    /// <summary>
    /// The lifecycle family skips the graph and the flow of a body that <see cref="SettledLifecycle"/> proves quiet. The
    /// gate may only save time: a body it settles must be one in which the flow, run anyway, reports nothing. Checked on
    /// every body of the samples and of the test suite's own socket code (the sources of the crash sweep), and on shapes
    /// at the edge of its conditions; and it must settle the correct code it was built for.
    /// </summary>
    public sealed class SettledLifecycleTests
    {
        /// <summary>Bodies at the edge of the gate's conditions, each with a misuse the flow reports.</summary>
        private static readonly string[] EdgeShapes =
        {
            // A second name for a parameter's socket (a coalesce): the gate keeps every name from outside in one group.
            """
            void M(Socket s, byte[] b) { Socket t = s ?? throw new System.ArgumentNullException(); t.Listen(1); s.Send(b); }
            """,
            // A parameter's socket made listening in straight code, then used in a loop.
            """
            void M(Socket s, byte[] b) { s.Listen(1); while (true) { s.Send(b); } }
            """,
            // An alias through a local and a close through it.
            """
            void M(byte[] b) { var s = new Socket(SocketType.Stream, ProtocolType.Tcp); Socket t = s; t.Close(); s.Send(b); }
            """,
            // A client closed in a loop, its socket used on the next turn.
            """
            void M(byte[] b) { var c = new TcpClient("h", 1); while (true) { c.Client.Send(b); c.Close(); } }
            """,
            // Made, never connected, used in a branch.
            """
            void M(bool x, byte[] b) { var s = new Socket(SocketType.Stream, ProtocolType.Tcp); if (x) { s.Send(b); } }
            """,
            // Connected in a try whose catch goes on: the catch path still reaches the send unconnected, but so does the
            // connected path, so only the listen on a connected socket is certain.
            """
            void M(System.Net.EndPoint e, byte[] b) { var s = new Socket(SocketType.Stream, ProtocolType.Tcp); try { s.Connect(e); } catch (SocketException) { } s.Send(b); s.Bind(e); s.Connect(e); s.Listen(1); }
            """,
            // A datagram socket cannot listen, whatever its state.
            """
            void M() { var u = new Socket(SocketType.Dgram, ProtocolType.Udp); u.Listen(1); }
            """,
            // An accept's new socket used at once.
            """
            async System.Threading.Tasks.Task M(Socket l, byte[] b) { l.Listen(1); (await l.AcceptAsync()).Listen(1); }
            """,
            // A listener made and started, stopped in a loop, accepted from on the next turn.
            """
            void M() { var l = new TcpListener(System.Net.IPAddress.Any, 1); l.Start(); while (true) { using var c = l.AcceptTcpClient(); l.Stop(); } }
            """,
            // A client's stream used after the client was closed: the stream is the same socket.
            """
            void M(byte[] b) { var c = new TcpClient("h", 1); var st = c.GetStream(); c.Close(); st.Write(b, 0, 1); }
            """,
            // A writer's using closes the client's stream, and with it the client.
            """
            void M(byte[] b) { var c = new TcpClient("h", 1); using (var w = new System.IO.StreamWriter(c.GetStream())) { w.Write("x"); } c.GetStream(); }
            """,
            // A socket given to a field, the field connected, the socket bound.
            """
            Socket f; void M(System.Net.EndPoint e) { var s = new Socket(SocketType.Stream, ProtocolType.Tcp); f = s; f.Connect(e); s.Listen(1); }
            """,
        };

        [Fact]
        public void A_body_the_gate_settles_is_one_the_flow_reports_nothing_in()
            => GatedBodies.SettleNoFinding(body => new Verdict(body), atLeast: 150);

        [Fact]
        public void Bodies_at_the_edge_of_the_gate_keep_their_findings()
            => GatedBodies.KeepFindings(EdgeShapes, body => new Verdict(body));

        /// <summary>Correct shapes the gate settles: a close ends only its own socket, and a socket made in each turn starts anew.</summary>
        [Theory]
        [InlineData("""
            void M(System.Net.EndPoint e, byte[] b)
            {
                var first = new Socket(SocketType.Stream, ProtocolType.Tcp);
                try { first.Connect(e); first.Send(b); } finally { first.Close(); }
                var second = new TcpClient();
                try { second.Connect("h", 1); second.GetStream().Write(b, 0, 1); } finally { second.Dispose(); }
            }
            """)]
        [InlineData("""
            void M(TcpListener listener, byte[] b)
            {
                while (true)
                {
                    using var client = listener.AcceptTcpClient();
                    var stream = client.GetStream();
                    stream.Write(b, 0, b.Length);
                }
            }
            """)]
        [InlineData("""
            byte[] M(System.Net.EndPoint e)
            {
                using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                socket.Connect(e);
                var chunk = new byte[512];
                using var response = new System.IO.MemoryStream();
                int n;
                while ((n = socket.Receive(chunk)) > 0) { response.Write(chunk, 0, n); }
                socket.Shutdown(SocketShutdown.Both);
                return response.ToArray();
            }
            """)]
        public void Correct_code_whose_sockets_close_apart_settles(string method)
        {
            var body = new Verdict(GatedBodies.OfMember(method));
            Assert.Empty(body.Findings());
            Assert.True(body.Settled, "the gate keeps the flow for: " + method);
        }

        [Fact]
        public void Every_body_of_the_socket_dense_corpus_settles()
        {
            foreach (var file in DenseSocketCorpus.Generate(targetLines: 1))
            {
                foreach (var body in GatedBodies.Of(file.Value, OutputKind.DynamicallyLinkedLibrary).Select(b => new Verdict(b)))
                {
                    Assert.True(body.Settled || body.Scope is null, $"{file.Key}: {body.Owner} keeps its graph and flow");
                }
            }
        }

        private sealed class Verdict : GatedBodies.IVerdict
        {
            private readonly GatedBodies.Body body;
            private readonly SocketProtocolModel model;

            public Verdict(GatedBodies.Body body)
            {
                this.body = body;
                model = new SocketProtocolModel(body.Symbols);
                Scope = BodyScope.Scan(body.Operation, model);
                Settled = Scope is not null && SettledLifecycle.All(body.Operation, model, CancellationToken.None);
            }

            public string Owner => body.Owner.ToDisplayString();

            public BodyScope? Scope { get; }

            public bool Settled { get; }

            /// <summary>What the flow reports in the body, run whatever the gate says (fields unknown, as for a gated body).</summary>
            public List<string> Findings()
            {
                var findings = new List<LifecycleFinding>();
                if (Scope is not null && GatedBodies.GraphOf(body.Operation) is { } graph)
                {
                    SocketStateAnalysis.Analyze(graph, model, Scope, body.Owner.ContainingType, fields: null, body.Owner, findings, CancellationToken.None);
                }

                return findings.Select(f => f.RuleId + " " + f.Location.GetLineSpan()).ToList();
            }
        }
    }
}
