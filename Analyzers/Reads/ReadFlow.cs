using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Common;

namespace SocketAnalyzers.Reads
{
    /// <summary>
    /// Runs the reads family (<see cref="ReadFlowAnalysis"/>) once per body for the three analyzers SOCK010, SOCK011 and
    /// SOCK012, and hands each the diagnostics of its rule.
    /// <para>
    /// Why a shared result rather than one analyzer reporting three IDs: the three analyzer classes stay (tests, the code
    /// fixes and users' suppressions name them), and each must report from its own body-level action so that per-document
    /// and span-based analysis keep every finding. The first of them to reach a body computes the family's result and
    /// keeps it beside the body's shared walk (<see cref="BodyOperations.Share{T}"/>), where the others find it:
    /// the driver runs every analyzer of a body before the next. Two that reach a body at once on two threads may both
    /// compute it (the same diagnostics); the first stored is the one all three report. Only the finished diagnostics are
    /// kept, never graphs. (A per-compilation table of slots, entered and left by each body with a lock and three
    /// allocations, was this before.)
    /// </para>
    /// </summary>
    internal static class ReadFlow
    {
        private static readonly ConditionalWeakTable<Compilation, PerCompilation> Cache = new();

        /// <summary>Registers an analyzer's body-level action: it receives the family's diagnostics of <paramref name="ruleId"/>.</summary>
        public static void Register(AnalysisContext context, string ruleId)
        {
            context.RegisterCompilationStartAction(start =>
            {
                var symbols = KnownSymbols.TryCreate(start.Compilation);
                if (symbols is null)
                {
                    return;
                }

                var shared = Cache.GetValue(start.Compilation, c => new PerCompilation(symbols));
                start.RegisterOperationBlockAction(block =>
                {
                    foreach (var diagnostic in shared.Get(block))
                    {
                        if (diagnostic.Id == ruleId)
                        {
                            block.ReportDiagnostic(diagnostic);
                        }
                    }
                });
            });
        }

        private sealed class PerCompilation
        {
            private readonly KnownSymbols symbols;
            private readonly BufferConsumers consumers;

            public PerCompilation(KnownSymbols symbols)
            {
                this.symbols = symbols;
                consumers = new BufferConsumers(symbols.Catalogue);
            }

            public ImmutableArray<Diagnostic> Get(OperationBlockAnalysisContext context)
            {
                if (context.OperationBlocks.Length == 0)
                {
                    return ImmutableArray<Diagnostic>.Empty;
                }

                // The first analyzer to reach the body computes; the others find its result beside the body's walk.
                var operations = BodyOperations.Of(context.OperationBlocks[0], context.CancellationToken);
                if (operations.Shared<Found>(BodySlot.ReadsDiagnostics) is { } found)
                {
                    return found.Diagnostics;
                }

                return operations.Share(BodySlot.ReadsDiagnostics, new Found(Compute(context))).Diagnostics;
            }

            public ImmutableArray<Diagnostic> Compute(OperationBlockAnalysisContext context)
            {
                List<Diagnostic>? diagnostics = null;
                foreach (var block in context.OperationBlocks)
                {
                    context.CancellationToken.ThrowIfCancellationRequested();
                    if (!block.HasControlFlowGraph())
                    {
                        continue;
                    }

                    var body = ReadBody.Scan(block, symbols.Reads, consumers, context.OwningSymbol, context.CancellationToken);
                    if (body is null)
                    {
                        continue;
                    }

                    diagnostics ??= new List<Diagnostic>();
                    if (body.Unended is { } unended)
                    {
                        foreach (var receive in unended)
                        {
                            diagnostics.Add(SOCK010DiscardedReadCountAnalyzer.Unended(receive));
                        }
                    }

                    if (body.Chains is { } chains)
                    {
                        EventArgsChains.Check(context.GetControlFlowGraph(block), chains, symbols, diagnostics, context.CancellationToken);
                    }

                    if (body.Sites.Count == 0)
                    {
                        // Nothing to follow: the body was kept for its unended receives or its chains only.
                        continue;
                    }

                    if (SettledReads.All(body, block, symbols, context.CancellationToken))
                    {
                        // Every read is in a shape none of the three rules reports, whatever the flow finds: no graph, no flow.
                        continue;
                    }

                    ReadFlowAnalysis.Analyze(context.GetControlFlowGraph(block), body, symbols, consumers, diagnostics, context.CancellationToken);
                }

                return diagnostics is null ? ImmutableArray<Diagnostic>.Empty : diagnostics.ToImmutableArray();
            }
        }

        /// <summary>A body's diagnostics, as the body's walk keeps them (<see cref="BodyOperations.Share{T}"/>).</summary>
        private sealed class Found
        {
            public Found(ImmutableArray<Diagnostic> diagnostics)
            {
                Diagnostics = diagnostics;
            }

            public ImmutableArray<Diagnostic> Diagnostics { get; }
        }
    }
}
