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

                var reads = new NetworkReads(symbols);
                start.RegisterOperationAction(c => AnalyzeInvocation(c, reads), OperationKind.Invocation);
            });
        }

        private static void AnalyzeInvocation(OperationAnalysisContext context, NetworkReads reads)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var read = reads.TryGetRead(invocation);
            if (read is null || read.IsZeroLength)
            {
                return;
            }

            var result = invocation.WalkUpToResult(out var consumer);
            string? form = null;
            if (result.IsValueDiscarded(consumer))
            {
                form = Discarded;
            }
            else if (StoredLocal(result, consumer) is { } local && !IsEverRead(invocation, local))
            {
                form = StoredUnread;
            }

            if (form is not null)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.SOCK010DiscardedReadCount,
                    invocation.Syntax.GetLocation(),
                    ImmutableDictionary<string, string?>.Empty.Add(FormKey, form),
                    invocation.TargetMethod.ContainingType.Name + "." + invocation.TargetMethod.Name));
            }
        }

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
