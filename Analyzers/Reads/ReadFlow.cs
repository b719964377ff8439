using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
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
    /// Why a per-compilation cache rather than one analyzer reporting three IDs: the three analyzer classes stay (tests,
    /// the code fixes and users' suppressions name them), and each must report from its own body-level action so that
    /// per-document and span-based analysis keep every finding. The first of them to reach a body computes the family's
    /// result (a <see cref="Lazy{T}"/>, so the others wait for it instead of computing it again); the entry is dropped once
    /// the three have taken it. The cache holds only the finished diagnostics, never operations or graphs, so an entry
    /// left behind by a disabled analyzer costs a few bytes until the compilation is collected.
    /// </para>
    /// </summary>
    internal static class ReadFlow
    {
        private const int Consumers = 3;

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
            private readonly ConcurrentDictionary<SyntaxNode, Slot> slots = new();

            public PerCompilation(KnownSymbols symbols)
            {
                this.symbols = symbols;
                consumers = new BufferConsumers(symbols.Catalogue);
            }

            public ImmutableArray<Diagnostic> Get(OperationBlockAnalysisContext context)
            {
                var key = context.OperationBlocks.Length > 0 ? context.OperationBlocks[0].Syntax : null;
                if (key is null)
                {
                    return ImmutableArray<Diagnostic>.Empty;
                }

                // The first analyzer to reach the body makes its slot; the others find it (no closure made for them).
                if (!slots.TryGetValue(key, out var slot))
                {
                    slot = slots.GetOrAdd(key, new Slot(this, context));
                }

                ImmutableArray<Diagnostic> result;
                try
                {
                    result = slot.Value.Value;
                }
                catch (OperationCanceledException) when (!context.CancellationToken.IsCancellationRequested)
                {
                    // Another analyzer's run was cancelled while computing: compute with our own token.
                    slots.TryRemove(key, out _);
                    result = Compute(context);
                }

                if (Interlocked.Increment(ref slot.Taken) >= Consumers)
                {
                    slots.TryRemove(key, out _);
                }

                return result;
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

        private sealed class Slot
        {
            public int Taken;

            public Slot(PerCompilation owner, OperationBlockAnalysisContext context)
            {
                Value = new Lazy<ImmutableArray<Diagnostic>>(() => owner.Compute(context), LazyThreadSafetyMode.ExecutionAndPublication);
            }

            public Lazy<ImmutableArray<Diagnostic>> Value { get; }
        }
    }
}
