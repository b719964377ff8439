using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Common;

namespace SocketAnalyzers.Addressing
{
    /// <summary>
    /// SOCK030, SOCK032 and SOCK040: the checks of the value family (<see cref="SocketValueAnalysis"/>), reported by one
    /// analyzer because they share one run of the flow kernel per body, and only on bodies that call an endpoint API or
    /// a message parser.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class AddressingAndFramingAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Descriptors.SOCK030AddressFamilyMismatch,
            Descriptors.SOCK032UnreachableDestination,
            Descriptors.SOCK040ReadTreatedAsMessage);

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

                var apis = new AddressingApis(symbols);
                start.RegisterOperationBlockAction(block => AnalyzeBlocks(block, apis));
            });
        }

        private static void AnalyzeBlocks(OperationBlockAnalysisContext context, AddressingApis apis)
        {
            foreach (var block in context.OperationBlocks)
            {
                if (!block.HasControlFlowGraph())
                {
                    continue;
                }

                if (!SocketValueAnalysis.IsRelevant(block, apis, out var captured, out var helperTexts, out var framing, context.CancellationToken))
                {
                    continue;
                }

                if (!framing && SettledValues.All(block, apis, context.CancellationToken))
                {
                    // Neither SOCK030 nor SOCK032 can be reported (SettledValues): no graph, no flow.
                    continue;
                }

                var findings = new List<ValueFinding>();
                SocketValueAnalysis.Analyze(context.GetControlFlowGraph(block), apis, captured, helperTexts, findings, context.CancellationToken);
                foreach (var finding in findings)
                {
                    context.ReportDiagnostic(Diagnostic.Create(finding.Descriptor, finding.Location, finding.Properties, finding.Arguments));
                }
            }
        }
    }
}
