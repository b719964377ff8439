using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Common;

namespace SocketAnalyzers.Reads
{
    /// <summary>
    /// SOCK010: the byte count returned by a network read is thrown away: the read is a statement, is awaited as one
    /// (with or without <c>ConfigureAwait</c>), is assigned to <c>_</c>, or is stored in a local that nothing reads.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SOCK010DiscardedReadCountAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>Diagnostic property: how the count is lost (<see cref="Discarded"/> or <see cref="StoredUnread"/>).</summary>
        public const string FormKey = "Form";

        public const string Discarded = "Discarded";

        public const string StoredUnread = "StoredUnread";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.SOCK010DiscardedReadCount);

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
                    var stored = new List<(IInvocationOperation Read, ILocalSymbol Local)>();
                    blockStart.RegisterOperationAction(c => AnalyzeInvocation(c, reads, stored), OperationKind.Invocation);
                    blockStart.RegisterOperationBlockEndAction(c => AnalyzeStores(c, stored));
                });
            });
        }

        private static void AnalyzeInvocation(OperationAnalysisContext context, NetworkReads reads, List<(IInvocationOperation, ILocalSymbol)> stored)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var read = reads.TryGetRead(invocation);
            if (read is null || read.IsZeroLength)
            {
                return;
            }

            var result = invocation.WalkUpToResult(out var consumer);
            if (result.IsValueDiscarded(consumer))
            {
                Report(context.ReportDiagnostic, invocation, Discarded);
            }
            else if (StoredLocal(result, consumer) is { } local)
            {
                if (!IsEverRead(invocation, local))
                {
                    Report(context.ReportDiagnostic, invocation, StoredUnread);
                }
                else
                {
                    // Read somewhere: the control-flow graph decides whether this store can reach a read.
                    lock (stored)
                    {
                        stored.Add((invocation, local));
                    }
                }
            }
        }

        private static void AnalyzeStores(OperationBlockAnalysisContext context, List<(IInvocationOperation Read, ILocalSymbol Local)> stored)
        {
            List<(IInvocationOperation Read, ILocalSymbol Local)> snapshot;
            lock (stored)
            {
                if (stored.Count == 0)
                {
                    return;
                }

                snapshot = new List<(IInvocationOperation, ILocalSymbol)>(stored);
            }

            foreach (var (read, local) in snapshot)
            {
                var root = read.Root();
                foreach (var block in context.OperationBlocks)
                {
                    if (block.Root() == root && block.Syntax.Span.Contains(read.Syntax.Span))
                    {
                        if (StoredCountLiveness.IsDeadStore(context.GetControlFlowGraph(block), read, local))
                        {
                            Report(context.ReportDiagnostic, read, StoredUnread);
                        }

                        break;
                    }
                }
            }
        }

        private static void Report(System.Action<Diagnostic> report, IInvocationOperation invocation, string form)
            => report(Diagnostic.Create(
                Descriptors.SOCK010DiscardedReadCount,
                invocation.Syntax.GetLocation(),
                ImmutableDictionary<string, string?>.Empty.Add(FormKey, form),
                invocation.TargetMethod.ContainingType.Name + "." + invocation.TargetMethod.Name));

        /// <summary>The local that a declaration or an assignment statement stores the count in, or null.</summary>
        internal static ILocalSymbol? StoredLocal(IOperation result, IOperation? consumer)
        {
            switch (consumer)
            {
                case IVariableInitializerOperation initializer when initializer.Parent is IVariableDeclaratorOperation declarator:
                    return declarator.Symbol;
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target, Parent: IExpressionStatementOperation } assignment
                    when assignment.Value.WalkDownConversions() == result.WalkDownConversions():
                    return target.Local;
                default:
                    return null;
            }
        }

        /// <summary>True when some operation of the body reads <paramref name="local"/> (a write target does not count).</summary>
        internal static bool IsEverRead(IOperation anywhere, ILocalSymbol local)
        {
            foreach (var op in anywhere.Root().Descendants())
            {
                if (op is ILocalReferenceOperation reference
                    && SymbolEqualityComparer.Default.Equals(reference.Local, local)
                    && !(reference.Parent is ISimpleAssignmentOperation assignment && assignment.Target == reference))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
