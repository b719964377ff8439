using System;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Common;
using SocketAnalyzers.Tests.Verifiers;
using Xunit;

namespace SocketAnalyzers.Tests.Reads
{
    /// <summary>
    /// Whether a read on a private <c>Stream</c> field is a network read is decided by a summary of the class (every
    /// assignment of the field): the one part of the question that walks code. Every family that asks it (the reads
    /// family, the iterative-server check, the addressing and byte-order flows) passes its own cancellation token, so an
    /// IDE that cancels the analysis stops that walk too; a cancelled summary is not kept, and the next question gets
    /// the real answer. The flows that ask about a control-flow graph's operations pass the body's semantic model, which
    /// the summary needs to read the file.
    /// </summary>
    public sealed class ReadSummaryCancellationTests
    {
        private const string Source = """
            using System.IO;
            using System.Net.Sockets;

            class Client
            {
                private Stream stream;

                public Client(TcpClient client)
                {
                    stream = client.GetStream();
                }

                public int Poll(byte[] buffer) => stream.Read(buffer, 0, buffer.Length);
            }
            """;

        [Fact]
        public void A_cancelled_question_about_a_stream_field_throws_and_is_not_remembered()
        {
            var tree = CSharpSyntaxTree.ParseText(Source);
            var compilation = CSharpCompilation.Create("Probe", new[] { tree }, ReferenceSet.Net80.Resolve(), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var model = compilation.GetSemanticModel(tree);
            var call = tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>().Single(i => i.ToString().StartsWith("stream.Read", StringComparison.Ordinal));
            var read = (IInvocationOperation)model.GetOperation(call)!;
            var reads = KnownSymbols.TryCreate(compilation)!.Reads;

            using var cancelled = new CancellationTokenSource();
            cancelled.Cancel();
            Assert.ThrowsAny<OperationCanceledException>(() => reads.TryGetRead(read, cancelled.Token));
            Assert.ThrowsAny<OperationCanceledException>(() => reads.IsCountingRead(read, cancelled.Token));

            Assert.NotNull(reads.TryGetRead(read, CancellationToken.None));
        }

        /// <summary>
        /// The flows ask about the operations of a control-flow graph, which carry no semantic model; the summary reads the
        /// file through the model the caller passes (the body's), and without one it cannot follow the field.
        /// </summary>
        [Fact]
        public void A_read_on_a_stream_field_in_a_control_flow_graph_is_followed_with_the_bodys_model()
        {
            var tree = CSharpSyntaxTree.ParseText(Source);
            var compilation = CSharpCompilation.Create("Probe", new[] { tree }, ReferenceSet.Net80.Resolve(), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var model = compilation.GetSemanticModel(tree);
            var poll = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.ValueText == "Poll");
            var graph = ControlFlowGraph.Create(poll, model)!;
            var read = graph.Blocks.SelectMany(b => b.Operations.Concat(b.BranchValue is null ? Enumerable.Empty<IOperation>() : new[] { b.BranchValue }))
                .SelectMany(o => o.DescendantsAndSelf()).OfType<IInvocationOperation>().Single(i => i.TargetMethod.Name == "Read");
            Assert.Null(read.SemanticModel);

            var reads = KnownSymbols.TryCreate(compilation)!.Reads;
            Assert.Null(reads.TryGetRead(read, CancellationToken.None));
            Assert.NotNull(reads.TryGetRead(read, CancellationToken.None, graph.OriginalOperation.SemanticModel));
            Assert.True(reads.IsCountingRead(read, CancellationToken.None, model));
        }
    }
}
