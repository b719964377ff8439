using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Common;

namespace SocketAnalyzers.Reads
{
    /// <summary>SOCK010: the byte count returned by a network read is thrown away.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SOCK010DiscardedReadCountAnalyzer : DiagnosticAnalyzer
    {
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
            if (!reads.IsCountingRead(invocation))
            {
                return;
            }

            var result = invocation.WalkUpToResult(out var consumer);
            if (result.IsValueDiscarded(consumer))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.SOCK010DiscardedReadCount,
                    invocation.Syntax.GetLocation(),
                    invocation.TargetMethod.Name));
            }
        }
    }
}
