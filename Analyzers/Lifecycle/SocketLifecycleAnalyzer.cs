using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
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
                start.RegisterSymbolStartAction(symbolStart => StartType(symbolStart, model), SymbolKind.NamedType);
            });
        }

        /// <summary>
        /// A type with private socket fields is analyzed as a whole: bodies that use such a field wait until the type's
        /// field summary (<see cref="FieldTypestate"/>) is complete, at the end of the type, and are analyzed then with
        /// the field's entry states; every other body is analyzed at once.
        /// </summary>
        private static void StartType(SymbolStartAnalysisContext context, SocketProtocolModel model)
        {
            var fields = FieldTypestate.For((INamedTypeSymbol)context.Symbol, model);
            if (fields is null)
            {
                context.RegisterOperationBlockAction(block => AnalyzeBlocks(block, model, fields: null, deferred: null));
                return;
            }

            var deferred = new ConcurrentQueue<DeferredBody>();
            var callers = new ConcurrentQueue<(IOperation Block, ISymbol Owner)>();
            context.RegisterOperationBlockAction(block => AnalyzeBlocks(block, model, fields, deferred, callers));
            context.RegisterSymbolEndAction(end =>
            {
                foreach (var body in deferred)
                {
                    end.CancellationToken.ThrowIfCancellationRequested();
                    var findings = new List<LifecycleFinding>();
                    SocketStateAnalysis.Analyze(body.Graph, model, body.Scope, body.ContainingType, fields, body.Owner, findings, end.CancellationToken);
                    Report(findings, end.ReportDiagnostic);
                }

                // Bodies that name no socket but call methods of the class: those that call a simple helper are analyzed
                // now that the helpers are known (Disconnect(); Connect(); may connect a closed client).
                foreach (var (block, owner) in callers)
                {
                    end.CancellationToken.ThrowIfCancellationRequested();
                    var scope = BodyScope.Scan(block, model, everyUse: true, alsoUses: operation => IsHelperCall(operation, fields), end.CancellationToken);
                    if (scope is null || GraphOf(block, end.CancellationToken) is not { } graph)
                    {
                        continue;
                    }

                    var findings = new List<LifecycleFinding>();
                    SocketStateAnalysis.Analyze(graph, model, scope, owner.ContainingType, fields, owner, findings, end.CancellationToken);
                    Report(findings, end.ReportDiagnostic);
                }
            });
        }

        private static bool IsHelperCall(IOperation operation, FieldTypestate fields)
            => operation is IInvocationOperation { Instance: IInstanceReferenceOperation, TargetMethod: var method } && fields.HelperOf(method) is not null;

        /// <summary>True when <paramref name="block"/> calls an instance method of the type on <c>this</c> (which may be a helper).</summary>
        private static bool CallsOwnMethod(IOperation block, INamedTypeSymbol? type, CancellationToken cancellationToken)
        {
            if (type is null)
            {
                return false;
            }

            var operations = BodyOperations.Of(block, cancellationToken);
            for (var index = 1; index < operations.Count; index++)
            {
                if (operations.Kind(index) == OperationKind.Invocation
                    && operations[index] is IInvocationOperation { Instance: IInstanceReferenceOperation, TargetMethod: var method }
                    && SymbolEqualityComparer.Default.Equals(method.ContainingType?.OriginalDefinition, type.OriginalDefinition))
                {
                    return true;
                }
            }

            return false;
        }

        private static ControlFlowGraph? GraphOf(IOperation block, CancellationToken cancellationToken)
        {
            // The graph of the body's root, as the driver's GetControlFlowGraph takes it.
            while (block.Parent is { } parent)
            {
                block = parent;
            }

            return RootGraph(block, cancellationToken);
        }

        private static ControlFlowGraph? RootGraph(IOperation block, CancellationToken cancellationToken) => block switch
        {
            IMethodBodyOperation body => ControlFlowGraph.Create(body, cancellationToken),
            IBlockOperation body => ControlFlowGraph.Create(body, cancellationToken),
            IConstructorBodyOperation body => ControlFlowGraph.Create(body, cancellationToken),
            _ => null,
        };

        private static void AnalyzeBlocks(OperationBlockAnalysisContext context, SocketProtocolModel model, FieldTypestate? fields, ConcurrentQueue<DeferredBody>? deferred, ConcurrentQueue<(IOperation Block, ISymbol Owner)>? callers = null)
        {
            foreach (var block in context.OperationBlocks)
            {
                if (!block.HasControlFlowGraph())
                {
                    continue;
                }

                var usesField = fields is not null && fields.Record(block, context.OwningSymbol, context.CancellationToken);
                var scope = BodyScope.Scan(block, model, everyUse: usesField, cancellationToken: context.CancellationToken);
                if (scope is null)
                {
                    if (!usesField && callers is not null && CallsOwnMethod(block, context.OwningSymbol.ContainingType, context.CancellationToken))
                    {
                        callers.Enqueue((block, context.OwningSymbol));
                    }

                    continue;
                }

                if (!usesField && SettledLifecycle.All(block, model, context.CancellationToken))
                {
                    // Nothing in it can be reported (SettledLifecycle): no graph, no flow.
                    continue;
                }

                var cfg = context.GetControlFlowGraph(block);
                var containingType = context.OwningSymbol.ContainingType;
                if (usesField && deferred is not null)
                {
                    deferred.Enqueue(new DeferredBody(cfg, scope, containingType, context.OwningSymbol));
                    continue;
                }

                var findings = new List<LifecycleFinding>();
                SocketStateAnalysis.Analyze(cfg, model, scope, containingType, fields: null, context.OwningSymbol, findings, context.CancellationToken);
                Report(findings, context.ReportDiagnostic);
            }
        }

        private static void Report(List<LifecycleFinding> findings, Action<Diagnostic> report)
        {
            foreach (var finding in findings)
            {
                report(Diagnostic.Create(ById[finding.RuleId], finding.Location, finding.Properties, finding.Arguments));
            }
        }

        /// <summary>A body that uses a summarised field, kept with its graph until the type's summary is complete.</summary>
        private sealed class DeferredBody
        {
            public DeferredBody(ControlFlowGraph graph, BodyScope scope, INamedTypeSymbol? containingType, ISymbol owner)
            {
                Graph = graph;
                Scope = scope;
                ContainingType = containingType;
                Owner = owner;
            }

            public ISymbol Owner { get; }

            public ControlFlowGraph Graph { get; }

            public BodyScope Scope { get; }

            public INamedTypeSymbol? ContainingType { get; }
        }
    }
}
