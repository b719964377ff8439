using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

// The probes are never shipped: their one descriptor is never reported (RS2008 release tracking does not apply),
// some start actions register nothing on purpose, since that is what they measure (RS1012), and they live in an
// executable that may use any API, not in an analyzer assembly a compiler loads (RS1036).
#pragma warning disable RS2008, RS1012, RS1036

namespace SocketAnalyzers.AnalyzerCost
{
    /// <summary>
    /// Analyzers that report nothing and only pay for one gating design, so the team can see what each design costs
    /// on code without sockets before building on it. Each runs alone, never together with the package's analyzers.
    /// </summary>
    internal static class GatingProbes
    {
        /// <summary>The type names a text or identifier pre-filter looks for (a stand-in for the catalogue's types).</summary>
        internal static readonly string[] SocketTypeNames =
        {
            "Socket", "TcpClient", "TcpListener", "UdpClient", "NetworkStream", "SslStream", "IPEndPoint", "IPAddress",
            "BinaryPrimitives", "BitConverter", "BinaryReader", "BinaryWriter", "IPipeReader", "PipeReader",
        };

        internal static readonly DiagnosticDescriptor Unused = new(
            "COST000",
            "Never reported",
            "Never reported",
            "Benchmark",
            DiagnosticSeverity.Hidden,
            isEnabledByDefault: true);

        /// <summary>(name, what it measures, a fresh instance).</summary>
        public static IReadOnlyList<(string Name, string Design, Func<DiagnosticAnalyzer> Create)> All { get; } = new (string, string, Func<DiagnosticAnalyzer>)[]
        {
            ("nothing", "a compilation-start action that registers nothing (today's gate when sockets do not resolve)", () => new RegistersNothing()),
            ("op-noop", "RegisterOperationAction(no-op) on Invocation, ObjectCreation, PropertyReference", () => new OperationNoOp()),
            ("op-symbol", "same kinds; compares the member's containing type with a set of socket types resolved once", () => new OperationSymbolGate()),
            ("block-start-noop", "RegisterOperationBlockStartAction(no-op)", () => new BlockStartNoOp()),
            ("block-noop", "RegisterOperationBlockAction(no-op) (what the lifecycle analyzer registers)", () => new BlockNoOp()),
            ("block-walk", "RegisterOperationBlockAction: one walk over every operation of every body, no work per node (the floor of a pre-scan)", () => new BlockWalk()),
            ("block-graph", "RegisterOperationBlockAction: the control-flow graph of every body that has one, nothing done with it (the floor of a design that runs a flow analysis on every body)", () => new BlockGraph()),
            ("graph-flow", "block-graph, then the flow kernel (SocketAnalyzers.Flow.FlowAnalysis) run to its fixed point and replayed on every graph with a family that does nothing (the floor of the kernel's own work: worklist, a state copied per block visit, joins, loops, finally contexts)", () => new GraphFlow()),
            ("graph-flow-turns", "graph-flow with loop turns tracked (what the lifecycle family turns on for bodies whose loops change a socket)", () => new GraphFlow(turns: true)),
            ("tree-text", "RegisterSyntaxTreeAction: search the file's text for socket type names", () => new TreeTextFilter()),
            ("block-start+tree-text", "block-start action that registers only in files whose text names a socket type (cached per tree)", () => new BlockStartWithTextFilter()),
            ("symbol-start+tree-text", "RegisterSymbolStartAction(NamedType) that registers an operation action only for types declared in a file whose text names a socket type", () => new SymbolStartWithTextFilter()),
            ("identifier-node", "RegisterSyntaxNodeAction(IdentifierName) with a hash-set lookup of the name", () => new IdentifierNodeFilter()),
        };

        private abstract class Probe : DiagnosticAnalyzer
        {
            public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Unused);

            public sealed override void Initialize(AnalysisContext context)
            {
                context.EnableConcurrentExecution();
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                context.RegisterCompilationStartAction(Start);
            }

            protected abstract void Start(CompilationStartAnalysisContext context);
        }

        [DiagnosticAnalyzer(LanguageNames.CSharp)]
        private sealed class RegistersNothing : Probe
        {
            protected override void Start(CompilationStartAnalysisContext context)
            {
            }
        }

        [DiagnosticAnalyzer(LanguageNames.CSharp)]
        private sealed class OperationNoOp : Probe
        {
            protected override void Start(CompilationStartAnalysisContext context)
                => context.RegisterOperationAction(static _ => { }, OperationKind.Invocation, OperationKind.ObjectCreation, OperationKind.PropertyReference);
        }

        [DiagnosticAnalyzer(LanguageNames.CSharp)]
        private sealed class OperationSymbolGate : Probe
        {
            public static int Hits;

            protected override void Start(CompilationStartAnalysisContext context)
            {
                var types = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
                foreach (var name in new[] { "System.Net.Sockets.Socket", "System.Net.Sockets.TcpClient", "System.Net.Sockets.TcpListener", "System.Net.Sockets.UdpClient", "System.Net.Sockets.NetworkStream", "System.Net.Security.SslStream", "System.Buffers.Binary.BinaryPrimitives", "System.BitConverter" })
                {
                    if (context.Compilation.GetTypeByMetadataName(name) is { } type)
                    {
                        types.Add(type);
                    }
                }

                context.RegisterOperationAction(
                    c =>
                    {
                        ISymbol? member = c.Operation switch
                        {
                            IInvocationOperation invocation => invocation.TargetMethod,
                            IObjectCreationOperation creation => creation.Constructor,
                            IPropertyReferenceOperation property => property.Property,
                            _ => null,
                        };
                        if (member?.ContainingType is { } type && types.Contains(type.OriginalDefinition))
                        {
                            System.Threading.Interlocked.Increment(ref Hits);
                        }
                    },
                    OperationKind.Invocation,
                    OperationKind.ObjectCreation,
                    OperationKind.PropertyReference);
            }
        }

        [DiagnosticAnalyzer(LanguageNames.CSharp)]
        private sealed class BlockStartNoOp : Probe
        {
            protected override void Start(CompilationStartAnalysisContext context)
                => context.RegisterOperationBlockStartAction(static _ => { });
        }

        [DiagnosticAnalyzer(LanguageNames.CSharp)]
        private sealed class BlockNoOp : Probe
        {
            protected override void Start(CompilationStartAnalysisContext context)
                => context.RegisterOperationBlockAction(static _ => { });
        }

        [DiagnosticAnalyzer(LanguageNames.CSharp)]
        private sealed class BlockWalk : Probe
        {
            public static long Nodes;

            protected override void Start(CompilationStartAnalysisContext context)
                => context.RegisterOperationBlockAction(static block =>
                {
                    var stack = new Stack<IOperation>();
                    long nodes = 0;
                    foreach (var root in block.OperationBlocks)
                    {
                        stack.Push(root);
                        while (stack.Count > 0)
                        {
                            var operation = stack.Pop();
                            nodes++;
                            foreach (var child in operation.ChildOperations)
                            {
                                stack.Push(child);
                            }
                        }
                    }

                    System.Threading.Interlocked.Add(ref Nodes, nodes);
                });
        }

        [DiagnosticAnalyzer(LanguageNames.CSharp)]
        private sealed class BlockGraph : Probe
        {
            public static long Blocks;

            protected override void Start(CompilationStartAnalysisContext context)
                => context.RegisterOperationBlockAction(static block =>
                {
                    foreach (var root in block.OperationBlocks)
                    {
                        // The roots GetControlFlowGraph accepts (as SocketAnalyzers.Common.OperationExtensions.HasControlFlowGraph).
                        if (root is IMethodBodyOperation or IConstructorBodyOperation or IBlockOperation or IFieldInitializerOperation
                            or IPropertyInitializerOperation or IParameterInitializerOperation)
                        {
                            System.Threading.Interlocked.Add(ref Blocks, block.GetControlFlowGraph(root).Blocks.Length);
                        }
                    }
                });
        }

        [DiagnosticAnalyzer(LanguageNames.CSharp)]
        private sealed class GraphFlow : Probe
        {
            public static long Visits;

            private readonly bool turns;

            public GraphFlow(bool turns = false) => this.turns = turns;

            protected override void Start(CompilationStartAnalysisContext context)
                => context.RegisterOperationBlockAction(block =>
                {
                    foreach (var root in block.OperationBlocks)
                    {
                        if (root is IMethodBodyOperation or IConstructorBodyOperation or IBlockOperation or IFieldInitializerOperation
                            or IPropertyInitializerOperation or IParameterInitializerOperation)
                        {
                            var flow = new NothingFlow(block.GetControlFlowGraph(root), turns, block.CancellationToken);
                            if (flow.Run())
                            {
                                flow.Replay();
                            }

                            System.Threading.Interlocked.Add(ref Visits, flow.Transfers);
                        }
                    }
                });

            /// <summary>A family with one mutable counter as its state: every copy and join is paid, nothing else.</summary>
            private sealed class NothingFlow : SocketAnalyzers.Flow.FlowAnalysis<NothingFlow.State>
            {
                private readonly bool turns;

                public NothingFlow(Microsoft.CodeAnalysis.FlowAnalysis.ControlFlowGraph graph, bool turns, System.Threading.CancellationToken token)
                    : base(graph, token) => this.turns = turns;

                public long Transfers { get; private set; }

                protected override bool TracksLoopTurns => turns;

                protected override State CreateEntryState() => new();

                protected override State Clone(State state) => new() { Value = state.Value };

                protected override bool JoinInto(State target, State source) => false;

                protected override void Transfer(IOperation operation, State state) => Transfers++;

                internal sealed class State
                {
                    public int Value;
                }
            }
        }

        [DiagnosticAnalyzer(LanguageNames.CSharp)]
        private sealed class TreeTextFilter : Probe
        {
            public static int Hits;

            protected override void Start(CompilationStartAnalysisContext context)
                => context.RegisterSyntaxTreeAction(c =>
                {
                    if (NamesSocketType(c.Tree, c.CancellationToken))
                    {
                        System.Threading.Interlocked.Increment(ref Hits);
                    }
                });
        }

        [DiagnosticAnalyzer(LanguageNames.CSharp)]
        private sealed class BlockStartWithTextFilter : Probe
        {
            protected override void Start(CompilationStartAnalysisContext context)
            {
                var cache = new ConcurrentDictionary<SyntaxTree, bool>();
                context.RegisterOperationBlockStartAction(c =>
                {
                    var tree = c.OwningSymbol.DeclaringSyntaxReferences.Length > 0 ? c.OwningSymbol.DeclaringSyntaxReferences[0].SyntaxTree : null;
                    if (tree is null || !cache.GetOrAdd(tree, t => NamesSocketType(t, c.CancellationToken)))
                    {
                        return;
                    }

                    c.RegisterOperationAction(static _ => { }, OperationKind.Invocation);
                });
            }
        }

        [DiagnosticAnalyzer(LanguageNames.CSharp)]
        private sealed class SymbolStartWithTextFilter : Probe
        {
            protected override void Start(CompilationStartAnalysisContext context)
            {
                var cache = new ConcurrentDictionary<SyntaxTree, bool>();
                context.RegisterSymbolStartAction(
                    c =>
                    {
                        foreach (var reference in c.Symbol.DeclaringSyntaxReferences)
                        {
                            if (cache.GetOrAdd(reference.SyntaxTree, t => NamesSocketType(t, c.CancellationToken)))
                            {
                                c.RegisterOperationAction(static _ => { }, OperationKind.Invocation, OperationKind.ObjectCreation, OperationKind.PropertyReference);
                                return;
                            }
                        }
                    },
                    SymbolKind.NamedType);
            }
        }

        [DiagnosticAnalyzer(LanguageNames.CSharp)]
        private sealed class IdentifierNodeFilter : Probe
        {
            private static readonly HashSet<string> Names = new(SocketTypeNames, StringComparer.Ordinal);
            public static int Hits;

            protected override void Start(CompilationStartAnalysisContext context)
                => context.RegisterSyntaxNodeAction(
                    c =>
                    {
                        if (Names.Contains(((IdentifierNameSyntax)c.Node).Identifier.ValueText))
                        {
                            System.Threading.Interlocked.Increment(ref Hits);
                        }
                    },
                    SyntaxKind.IdentifierName);
        }

        /// <summary>True when the text of <paramref name="tree"/> contains one of <see cref="SocketTypeNames"/>.</summary>
        internal static bool NamesSocketType(SyntaxTree tree, System.Threading.CancellationToken cancellationToken)
        {
            var text = tree.GetText(cancellationToken).ToString();
            foreach (var name in SocketTypeNames)
            {
                if (text.Contains(name, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
