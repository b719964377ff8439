using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
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
                if (!HasControlFlowGraph(block) || !UsesModel(block, model))
                {
                    continue;
                }

                var cfg = context.GetControlFlowGraph(block);
                var findings = new List<LifecycleFinding>();
                SocketStateAnalysis.Analyze(cfg, model, CapturedSymbols(block), context.OwningSymbol.ContainingType, findings, context.CancellationToken);
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

        /// <summary>The cheap pre-scan: does the body touch a type of the model at all?</summary>
        private static bool UsesModel(IOperation block, SocketProtocolModel model)
        {
            foreach (var operation in block.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IInvocationOperation invocation when model.IsModelType(invocation.TargetMethod.ContainingType) || model.IsModelType(invocation.Instance?.Type):
                    case IObjectCreationOperation creation when model.IsModelType(creation.Type):
                    case IPropertyReferenceOperation property when model.IsModelType(property.Property.ContainingType):
                        return true;
                }
            }

            return false;
        }

        /// <summary>The names that lambdas and local functions of the body use: they may change them at any time.</summary>
        private static ImmutableHashSet<ISymbol> CapturedSymbols(IOperation block)
        {
            var builder = ImmutableHashSet.CreateBuilder<ISymbol>(SymbolEqualityComparer.Default);
            foreach (var operation in block.Descendants())
            {
                if (operation is not (IAnonymousFunctionOperation or ILocalFunctionOperation))
                {
                    continue;
                }

                foreach (var inner in operation.Descendants())
                {
                    switch (inner)
                    {
                        case ILocalReferenceOperation local:
                            builder.Add(local.Local);
                            break;
                        case IParameterReferenceOperation parameter:
                            builder.Add(parameter.Parameter);
                            break;
                        case IFieldReferenceOperation field:
                            builder.Add(field.Field);
                            break;
                    }
                }
            }

            return builder.ToImmutable();
        }
    }
}
