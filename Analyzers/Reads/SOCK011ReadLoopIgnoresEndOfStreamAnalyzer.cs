using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Common;

namespace SocketAnalyzers.Reads
{
    /// <summary>
    /// SOCK011: a read in a loop where no path from a 0 result leaves the loop. After the peer closes, every read
    /// returns 0 at once, so the loop spins at 100% CPU. Reads of datagram sockets are exempt (a 0-byte datagram is an
    /// empty message), and so are zero-length reads and <c>ReadAtLeast</c> that throws at end of stream.
    /// The control-flow graph is built only for bodies that have a candidate read inside a loop.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SOCK011ReadLoopIgnoresEndOfStreamAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.SOCK011ReadLoopIgnoresEndOfStream);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var symbols = KnownSymbols.TryCreate(start.Compilation);
                if (symbols is null)
                {
                    return;
                }

                var reads = symbols.Reads;
                start.RegisterOperationBlockStartAction(blockStart =>
                {
                    var candidates = new List<IInvocationOperation>();
                    blockStart.RegisterOperationAction(
                        c =>
                        {
                            var invocation = (IInvocationOperation)c.Operation;
                            if (IsCandidate(invocation, reads))
                            {
                                lock (candidates)
                                {
                                    candidates.Add(invocation);
                                }
                            }
                        },
                        OperationKind.Invocation);
                    blockStart.RegisterOperationBlockEndAction(c => AnalyzeBlock(c, candidates, reads));
                });
            });
        }

        private static bool IsCandidate(IInvocationOperation invocation, NetworkReads reads)
        {
            var read = reads.TryGetRead(invocation);
            if (read is null || read.IsZeroLength || read.Api.IsDatagram || invocation.Instance is null)
            {
                return false;
            }

            if (read.Api.IsAtLeast && !ReturnsZeroAtEnd(invocation))
            {
                return false;
            }

            if (read.Api.Owner == ReadOwner.Socket && reads.IsDatagramSocket(invocation.Instance))
            {
                return false;
            }

            return ReadLoopFlow.EnclosingLoops(invocation).Count > 0;
        }

        /// <summary><c>ReadAtLeast(…, throwOnEndOfStream: false)</c> returns at end of stream; by default it throws.</summary>
        private static bool ReturnsZeroAtEnd(IInvocationOperation invocation)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Name == "throwOnEndOfStream")
                {
                    return argument.Value.ConstantValue is { HasValue: true, Value: false };
                }
            }

            return false;
        }

        private static void AnalyzeBlock(OperationBlockAnalysisContext context, List<IInvocationOperation> candidates, NetworkReads reads)
        {
            List<IInvocationOperation> snapshot;
            lock (candidates)
            {
                if (candidates.Count == 0)
                {
                    return;
                }

                snapshot = new List<IInvocationOperation>(candidates);
            }

            var graphs = new Dictionary<IOperation, Microsoft.CodeAnalysis.FlowAnalysis.ControlFlowGraph?>();
            foreach (var read in snapshot)
            {
                var root = read.Root();
                if (!graphs.TryGetValue(root, out var graph))
                {
                    graph = null;
                    foreach (var block in context.OperationBlocks)
                    {
                        if (block.Root() == root && block.Syntax.Span.Contains(read.Syntax.Span))
                        {
                            graph = context.GetControlFlowGraph(block);
                            break;
                        }
                    }

                    graphs[root] = graph;
                }

                if (graph is null || !ReadLoopFlow.NeverLeavesOnZero(graph, read, reads.IsCountingRead))
                {
                    continue;
                }

                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.SOCK011ReadLoopIgnoresEndOfStream,
                    read.Syntax.GetLocation(),
                    read.TargetMethod.ContainingType.Name + "." + read.TargetMethod.Name,
                    "spins forever"));
            }
        }
    }
}
