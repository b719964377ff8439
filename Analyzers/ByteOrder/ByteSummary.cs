using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using SocketAnalyzers.Common;

namespace SocketAnalyzers.ByteOrder
{
    /// <summary>What a node of the cross-method byte graph stands for.</summary>
    internal enum ByteNodeKind
    {
        /// <summary>The bytes one host-order write produced (by its location).</summary>
        Write,

        /// <summary>What a method's by-value parameter holds.</summary>
        Parameter,

        /// <summary>What a method returns.</summary>
        Return,

        /// <summary>What a private field of a type holds (every instance together).</summary>
        Field,

        /// <summary>What a local of one body holds (flow-insensitive: the union of its values).</summary>
        Local,

        /// <summary>A network send.</summary>
        Network,

        /// <summary>Code the analysis does not know (a call outside the compilation and the catalogue, virtual dispatch).</summary>
        Escape,

        /// <summary>Bytes a network read placed.</summary>
        Received,
    }

    /// <summary>
    /// A node of the cross-method byte graph (issue 9: "bytes across methods"). Edges say "the bytes of A may be in B";
    /// the per-body summaries (<see cref="ByteSummary"/>) add them and <see cref="CrossMethodBytes"/> resolves them at the
    /// end of the compilation.
    /// </summary>
    internal sealed class ByteNode : IEquatable<ByteNode>
    {
        public static readonly ByteNode Network = new(ByteNodeKind.Network, null, 0, null, default);

        public static readonly ByteNode Escape = new(ByteNodeKind.Escape, null, 0, null, default);

        public static readonly ByteNode Received = new(ByteNodeKind.Received, null, 0, null, default);

        private ByteNode(ByteNodeKind kind, ISymbol? symbol, int ordinal, SyntaxTree? tree, TextSpan span)
        {
            Kind = kind;
            Symbol = symbol;
            Ordinal = ordinal;
            Tree = tree;
            Span = span;
        }

        public ByteNodeKind Kind { get; }

        public ISymbol? Symbol { get; }

        public int Ordinal { get; }

        public SyntaxTree? Tree { get; }

        public TextSpan Span { get; }

        public static ByteNode Write(IOperation invocation) => new(ByteNodeKind.Write, null, 0, invocation.Syntax.SyntaxTree, invocation.Syntax.Span);

        public static ByteNode Parameter(IMethodSymbol method, int ordinal) => new(ByteNodeKind.Parameter, method.OriginalDefinition, ordinal, null, default);

        public static ByteNode Return(IMethodSymbol method) => new(ByteNodeKind.Return, method.OriginalDefinition, 0, null, default);

        public static ByteNode Field(IFieldSymbol field) => new(ByteNodeKind.Field, field.OriginalDefinition, 0, null, default);

        public static ByteNode Local(ILocalSymbol local) => new(ByteNodeKind.Local, local, 0, null, default);

        public bool Equals(ByteNode? other)
            => other is not null && Kind == other.Kind && Ordinal == other.Ordinal && Span == other.Span && Tree == other.Tree
                && SymbolEqualityComparer.Default.Equals(Symbol, other.Symbol);

        public override bool Equals(object? obj) => Equals(obj as ByteNode);

        public override int GetHashCode()
            => ((((int)Kind * 397) ^ Ordinal) * 31) ^ Span.GetHashCode() ^ (Symbol is null ? 0 : SymbolEqualityComparer.Default.GetHashCode(Symbol));
    }

    /// <summary>
    /// What one body tells the other bodies about bytes: edges of the cross-method graph (from the byte family's converged
    /// states for the host-order writes, from the pre-scan for what parameters, fields, locals and returned values pass
    /// on), the nodes it makes unknown (a reversal, an explicit-order write, a reassignment), the fields it lets escape,
    /// and its host-order writes and reads whose verdict depends on other bodies.
    /// </summary>
    internal sealed class ByteSummary
    {
        public static readonly ByteSummary Empty = new();

        public List<(ByteNode From, ByteNode To)> Edges { get; } = new();

        public List<ByteNode> Killed { get; } = new();

        /// <summary>
        /// The body's method when every value it returns is made anew on each call (<c>buffer.ToArray()</c>): what one caller
        /// does to its result, no other caller's result undergoes.
        /// </summary>
        public List<ByteNode> FreshReturns { get; } = new();

        public List<IFieldSymbol> UnsafeFields { get; } = new();

        /// <summary>A field's own object given to a parameter or returned: a field whose alias is changed is unknown.</summary>
        public List<(ByteNode Field, ByteNode Alias)> Aliases { get; } = new();

        /// <summary>The host-order writes named by <see cref="ByteNodeKind.Write"/> nodes of <see cref="Edges"/>.</summary>
        public List<HostOrderWriteFinding> Writes { get; } = new();

        /// <summary>Host-order reads not reported in the body, and the node their bytes come from.</summary>
        public List<(HostOrderReadFinding Read, ByteNode Buffer)> Reads { get; } = new();

        /// <summary>
        /// How this body uses the result of each call to a method that may return a host-order read of its own
        /// (<see cref="ReturnedDecodes.MayReturnDecode"/>): only tested for equality with a decode in the host's order, with one
        /// in little-endian order, or otherwise (<see cref="ResultUse"/>).
        /// </summary>
        public Dictionary<IMethodSymbol, ResultUse> ResultUses { get; } = new(SymbolEqualityComparer.Default);

        public bool IsEmpty => Edges.Count == 0 && Killed.Count == 0 && UnsafeFields.Count == 0 && Reads.Count == 0 && Aliases.Count == 0
            && ResultUses.Count == 0 && FreshReturns.Count == 0;

        /// <summary>Adds one use of <paramref name="method"/>'s result.</summary>
        public void UseResult(IMethodSymbol method, ResultUse use)
        {
            var key = method.OriginalDefinition;
            ResultUses[key] = ResultUses.TryGetValue(key, out var before) ? before | use : use;
        }

        private HashSet<ByteNode>? keptLocals;

        /// <summary>
        /// Drops the edges between this body's locals and the sinks that no parameter, field, returned value or write
        /// reaches or is reached from (a buffer received and sent in one body is the flow's business, not the graph's):
        /// most bodies then add nothing to the compilation's graph.
        /// </summary>
        public void PruneLocals()
        {
            keptLocals = new HashSet<ByteNode>();
            var outer = false;
            foreach (var (from, to) in Edges)
            {
                outer |= from.Kind is ByteNodeKind.Write or ByteNodeKind.Parameter or ByteNodeKind.Return or ByteNodeKind.Field
                    || to.Kind is ByteNodeKind.Write or ByteNodeKind.Parameter or ByteNodeKind.Return or ByteNodeKind.Field;
            }

            if (!outer)
            {
                Edges.Clear();
                return;
            }

            bool changed;
            do
            {
                changed = false;
                foreach (var (from, to) in Edges)
                {
                    var fromKept = from.Kind != ByteNodeKind.Local || keptLocals.Contains(from);
                    var toKept = to.Kind != ByteNodeKind.Local || keptLocals.Contains(to);
                    var fromOuter = fromKept && from.Kind is not (ByteNodeKind.Network or ByteNodeKind.Escape or ByteNodeKind.Received);
                    var toOuter = toKept && to.Kind is not (ByteNodeKind.Network or ByteNodeKind.Escape or ByteNodeKind.Received);
                    if (fromOuter && to.Kind == ByteNodeKind.Local && keptLocals.Add(to))
                    {
                        changed = true;
                    }

                    if (toOuter && from.Kind == ByteNodeKind.Local && keptLocals.Add(from))
                    {
                        changed = true;
                    }
                }
            }
            while (changed);

            Edges.RemoveAll(edge => !Keeps(edge.From) || !Keeps(edge.To));
        }

        /// <summary>False for a local of the body that <see cref="PruneLocals"/> found unconnected to anything outside it.</summary>
        public bool Keeps(ByteNode node) => node.Kind != ByteNodeKind.Local || keptLocals is null || keptLocals.Contains(node);

        public void Edge(ByteNode? from, ByteNode? to)
        {
            if (from is not null && to is not null && !from.Equals(to))
            {
                Edges.Add((from, to));
            }
        }

        /// <summary>
        /// The method whose body a call certainly runs, when that body is in this compilation: not virtual (unless sealed),
        /// not abstract, not of an interface, not generic (nor in a generic type), and with source. Null otherwise: the
        /// call is unknown code.
        /// </summary>
        public static IMethodSymbol? Resolve(IMethodSymbol? method)
        {
            if (method is null || method.MethodKind is not (MethodKind.Ordinary or MethodKind.Constructor or MethodKind.PropertyGet))
            {
                return null;
            }

            var original = (method.PartialImplementationPart ?? method).OriginalDefinition;
            if (original.IsGenericMethod || original.IsAbstract || original.IsExtern || original.DeclaringSyntaxReferences.IsEmpty)
            {
                return null;
            }

            for (var type = original.ContainingType; type is not null; type = type.ContainingType)
            {
                if (type.IsGenericType || type.TypeKind is TypeKind.Interface)
                {
                    return null;
                }
            }

            if ((original.IsVirtual || original.IsOverride) && !original.IsSealed && !original.ContainingType.IsSealed)
            {
                return null;
            }

            return original;
        }
    }

    /// <summary>
    /// The cross-method byte graph of one compilation, for one analyzer (SOCK020 or SOCK021): every body's
    /// <see cref="ByteSummary"/> is added from the operation-block action; at the end of the compilation a host-order
    /// write is reported when its bytes reach a send through summaries and nothing on the way is unknown, and a
    /// host-order read when the bytes it decodes come from a network read through summaries.
    /// </summary>
    internal sealed class CrossMethodBytes
    {
        private const int MaxNodes = 4096;

        private readonly ConcurrentQueue<ByteSummary> bodies = new();
        private readonly ConcurrentDictionary<ByteNode, bool> reportedInBody = new();

        public void Add(ByteOrderFindings findings)
        {
            foreach (var write in findings.Writes)
            {
                if (write.WriterField is null)
                {
                    reportedInBody[ByteNode.Write(write.Invocation)] = true;
                }
            }

            if (!findings.Summary.IsEmpty)
            {
                bodies.Enqueue(findings.Summary);
            }
        }

        /// <summary>
        /// The writes whose bytes reach the network only through other methods (not reported in their body): along a path
        /// of nodes the summaries vouch for, none of which shares its object with unknown code or with a name that is
        /// reversed or rewritten (<see cref="Graph.Tainted"/>).
        /// </summary>
        public List<HostOrderWriteFinding> WritesReachingNetwork(CancellationToken cancellationToken)
        {
            var graph = Build(cancellationToken);
            var tainted = graph.Tainted(cancellationToken);
            var result = new List<HostOrderWriteFinding>();
            foreach (var pair in graph.Writes)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (reportedInBody.ContainsKey(pair.Key) || tainted.Contains(pair.Key))
                {
                    continue;
                }

                var sent = false;
                var visited = new HashSet<ByteNode> { pair.Key };
                var stack = new Stack<ByteNode>();
                stack.Push(pair.Key);
                while (stack.Count > 0 && !sent && visited.Count < MaxNodes)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (!graph.Successors.TryGetValue(stack.Pop(), out var next))
                    {
                        continue;
                    }

                    foreach (var node in next)
                    {
                        if (node.Kind == ByteNodeKind.Network)
                        {
                            sent = true;
                        }
                        else if (node.Kind is not (ByteNodeKind.Escape or ByteNodeKind.Received)
                            && graph.Usable(node) && !tainted.Contains(node) && visited.Add(node))
                        {
                            stack.Push(node);
                        }
                    }
                }

                if (sent && visited.Count < MaxNodes)
                {
                    result.Add(pair.Value);
                }
            }

            return result;
        }

        /// <summary>The reads whose bytes come from a network read only through other methods.</summary>
        public List<HostOrderReadFinding> ReadsOfReceivedBytes(CancellationToken cancellationToken)
        {
            var graph = Build(cancellationToken);
            var received = new HashSet<ByteNode>();
            var stack = new Stack<ByteNode>();
            stack.Push(ByteNode.Received);
            while (stack.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!graph.Successors.TryGetValue(stack.Pop(), out var next))
                {
                    continue;
                }

                foreach (var node in next)
                {
                    if (node.Kind is ByteNodeKind.Parameter or ByteNodeKind.Return or ByteNodeKind.Field or ByteNodeKind.Local
                        && graph.Usable(node) && received.Add(node))
                    {
                        stack.Push(node);
                    }
                }
            }

            var result = new List<HostOrderReadFinding>();
            var seen = new HashSet<ByteNode>();
            foreach (var (read, buffer) in graph.Reads)
            {
                if (received.Contains(buffer) && seen.Add(ByteNode.Write(read.Invocation))
                    && !(read.ReturnedFrom is { } method
                        && graph.ResultUses.TryGetValue(method.OriginalDefinition, out var use)
                        && ReturnedDecodes.OnlyComparedWithDecodes(method, use, read.Api)))
                {
                    result.Add(read);
                }
            }

            return result;
        }

        private Graph Build(CancellationToken cancellationToken)
        {
            var graph = new Graph();
            foreach (var body in bodies)
            {
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var (from, to) in body.Edges)
                {
                    if (!graph.Successors.TryGetValue(from, out var list))
                    {
                        list = new List<ByteNode>();
                        graph.Successors[from] = list;
                    }

                    list.Add(to);
                }

                foreach (var node in body.Killed)
                {
                    graph.Killed.Add(node);
                }

                foreach (var node in body.FreshReturns)
                {
                    graph.FreshReturns.Add(node);
                }

                foreach (var field in body.UnsafeFields)
                {
                    graph.UnsafeFields.Add(field.OriginalDefinition);
                }

                foreach (var (field, alias) in body.Aliases)
                {
                    if (!graph.Aliases.TryGetValue(field, out var aliases))
                    {
                        aliases = new List<ByteNode>();
                        graph.Aliases[field] = aliases;
                    }

                    aliases.Add(alias);
                }

                foreach (var write in body.Writes)
                {
                    graph.Writes[ByteNode.Write(write.Invocation)] = write;
                }

                graph.Reads.AddRange(body.Reads);
                foreach (var pair in body.ResultUses)
                {
                    graph.ResultUses[pair.Key] = graph.ResultUses.TryGetValue(pair.Key, out var before) ? before | pair.Value : pair.Value;
                }
            }

            return graph;
        }

        private sealed class Graph
        {
            private readonly Dictionary<INamedTypeSymbol, bool> closedTypes = new(SymbolEqualityComparer.Default);
            private readonly Dictionary<INamedTypeSymbol, HashSet<string>?> nestedNames = new(SymbolEqualityComparer.Default);

            public Dictionary<ByteNode, List<ByteNode>> Successors { get; } = new();

            public HashSet<ByteNode> Killed { get; } = new();

            /// <summary>The returned values of methods that make them anew on each call (<see cref="ByteSummary.FreshReturns"/>).</summary>
            public HashSet<ByteNode> FreshReturns { get; } = new();

            /// <summary>
            /// The nodes whose object may be the one unknown code gets, or one a name the summaries cannot vouch for holds
            /// (<see cref="Usable"/>): every node from which such a node is reached, walking back along the edges. The walk
            /// stops at a method that returns a fresh object on each call: one caller handing its copy to unknown code leaves
            /// the copy another caller sends alone.
            /// </summary>
            public HashSet<ByteNode> Tainted(CancellationToken cancellationToken)
            {
                var predecessors = new Dictionary<ByteNode, List<ByteNode>>();
                var stack = new Stack<ByteNode>();
                foreach (var pair in Successors)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    foreach (var to in pair.Value)
                    {
                        if (!predecessors.TryGetValue(to, out var list))
                        {
                            list = new List<ByteNode>();
                            predecessors[to] = list;
                        }

                        list.Add(pair.Key);
                        if (to.Kind is not (ByteNodeKind.Escape or ByteNodeKind.Network or ByteNodeKind.Received) && !Usable(to))
                        {
                            stack.Push(to);
                        }
                    }
                }

                stack.Push(ByteNode.Escape);
                var tainted = new HashSet<ByteNode>();
                while (stack.Count > 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var node = stack.Pop();
                    if (FreshReturns.Contains(node) || !tainted.Add(node) || !predecessors.TryGetValue(node, out var from))
                    {
                        continue;
                    }

                    foreach (var previous in from)
                    {
                        stack.Push(previous);
                    }
                }

                return tainted;
            }

            public HashSet<ISymbol> UnsafeFields { get; } = new(SymbolEqualityComparer.Default);

            public Dictionary<ByteNode, List<ByteNode>> Aliases { get; } = new();

            public Dictionary<ByteNode, HostOrderWriteFinding> Writes { get; } = new();

            public List<(HostOrderReadFinding Read, ByteNode Buffer)> Reads { get; } = new();

            /// <summary>How the compilation's bodies use the results of calls (<see cref="ByteSummary.ResultUses"/>).</summary>
            public Dictionary<IMethodSymbol, ResultUse> ResultUses { get; } = new(SymbolEqualityComparer.Default);

            /// <summary>
            /// False for a node whose contents the summaries cannot vouch for: a name some body reverses, overwrites in an
            /// explicit order or reassigns, and a field that is not private, that escapes, whose own object a method
            /// changes that way through a parameter or a returned value, or whose type has parts or nested types the
            /// analysis may not see, or is generic.
            /// </summary>
            public bool Usable(ByteNode node)
            {
                if (Killed.Contains(node))
                {
                    return false;
                }

                if (node.Kind != ByteNodeKind.Field)
                {
                    return true;
                }

                if (Aliases.TryGetValue(node, out var aliases))
                {
                    foreach (var alias in aliases)
                    {
                        if (Killed.Contains(alias))
                        {
                            return false;
                        }
                    }
                }

                return node.Symbol is IFieldSymbol { DeclaredAccessibility: Accessibility.Private } field
                    && !UnsafeFields.Contains(field) && IsClosed(field.ContainingType) && !NamedInNestedCode(field);
            }

            /// <summary>Code of a nested type of the field's type names it (<see cref="NestedTypes.NamesInCode"/>): it may touch it unseen.</summary>
            private bool NamedInNestedCode(IFieldSymbol field)
            {
                var type = field.ContainingType;
                if (!nestedNames.TryGetValue(type, out var names))
                {
                    names = NestedTypes.NamesInCode(type, System.Threading.CancellationToken.None);
                    nestedNames[type] = names;
                }

                return names is not null && names.Contains(field.Name);
            }

            private bool IsClosed(INamedTypeSymbol type)
            {
                if (closedTypes.TryGetValue(type, out var closed))
                {
                    return closed;
                }

                closed = type.DeclaringSyntaxReferences.Length == 1;
                for (var t = type; closed && t is not null; t = t.ContainingType)
                {
                    closed = !t.IsGenericType;
                }

                if (closed && type.DeclaringSyntaxReferences[0].GetSyntax() is TypeDeclarationSyntax declaration)
                {
                    foreach (var modifier in declaration.Modifiers)
                    {
                        if (modifier.IsKind(SyntaxKind.PartialKeyword))
                        {
                            closed = false;
                        }
                    }
                }

                closedTypes[type] = closed;
                return closed;
            }
        }
    }
}
