using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Common;

namespace SocketAnalyzers.Lifecycle
{
    /// <summary>
    /// SOCK001–SOCK006: follows every socket through its states along the control flow of each body
    /// (<see cref="SocketStateAnalysis"/>) and reports operations made in a state that cannot do them. One analyzer
    /// reports the six rules because they share one flow analysis: the control-flow graph is built once per body,
    /// and only for bodies that use a member of the model.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SocketLifecycleAnalyzer : DiagnosticAnalyzer
    {
        private static readonly ImmutableDictionary<string, DiagnosticDescriptor> ById = ImmutableDictionary.CreateRange(new[]
        {
            new KeyValuePair<string, DiagnosticDescriptor>(RuleIdentifiers.ListenWithoutBind, Descriptors.SOCK001ListenWithoutBind),
            new KeyValuePair<string, DiagnosticDescriptor>(RuleIdentifiers.AcceptWithoutListen, Descriptors.SOCK002AcceptWithoutListen),
            new KeyValuePair<string, DiagnosticDescriptor>(RuleIdentifiers.IoOnListeningSocket, Descriptors.SOCK003IoOnListeningSocket),
            new KeyValuePair<string, DiagnosticDescriptor>(RuleIdentifiers.IoOnUnconnectedSocket, Descriptors.SOCK004IoOnUnconnectedSocket),
            new KeyValuePair<string, DiagnosticDescriptor>(RuleIdentifiers.UseAfterCloseOrShutdown, Descriptors.SOCK005UseAfterCloseOrShutdown),
            new KeyValuePair<string, DiagnosticDescriptor>(RuleIdentifiers.UnsupportedOperation, Descriptors.SOCK006UnsupportedOperation),
        });

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Descriptors.SOCK001ListenWithoutBind,
            Descriptors.SOCK002AcceptWithoutListen,
            Descriptors.SOCK003IoOnListeningSocket,
            Descriptors.SOCK004IoOnUnconnectedSocket,
            Descriptors.SOCK005UseAfterCloseOrShutdown,
            Descriptors.SOCK006UnsupportedOperation);

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

                var model = new SocketProtocolModel(symbols);
                start.RegisterOperationBlockAction(block => AnalyzeBlocks(block, model));
            });
        }

        private static void AnalyzeBlocks(OperationBlockAnalysisContext context, SocketProtocolModel model)
        {
            foreach (var block in context.OperationBlocks)
            {
                if (!HasControlFlowGraph(block))
                {
                    continue;
                }

                var scope = BodyScope.Scan(block, model);
                if (scope is null)
                {
                    continue;
                }

                var cfg = context.GetControlFlowGraph(block);
                var findings = new List<LifecycleFinding>();
                SocketStateAnalysis.Analyze(cfg, model, scope, context.OwningSymbol.ContainingType, findings, context.CancellationToken);
                foreach (var finding in findings)
                {
                    context.ReportDiagnostic(Diagnostic.Create(ById[finding.RuleId], finding.Location, finding.Properties, finding.Arguments));
                }
            }
        }

        /// <summary>The roots <c>GetControlFlowGraph</c> accepts.</summary>
        private static bool HasControlFlowGraph(IOperation block)
            => block is IMethodBodyOperation or IConstructorBodyOperation or IBlockOperation or IFieldInitializerOperation
                or IPropertyInitializerOperation or IParameterInitializerOperation;
    }
}
