using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SocketAnalyzers.Common
{
    /// <summary>
    /// Every operation of one body, walked once and shared by the families' pre-scans.
    /// <para>
    /// Each family used to walk each body's operation tree itself, some twice or three times (the reads pre-scan and gate,
    /// the lifecycle scope, field record and gate, the addressing relevance test and gate, the byte-order relevance test):
    /// about a dozen walks per body, and on the socket-dense corpus the walking alone (enumerating
    /// <see cref="IOperation.ChildOperations"/>, the stack, one interface call for each operation's kind) was about two
    /// fifths of the analyzers' samples in a <c>perf</c> profile. The walk is now made once per body; a pre-scan reads the
    /// operations and their kinds from arrays, tests the kind it wants first, and touches no other operation.
    /// </para>
    /// <para>
    /// The order is that of the stack walks it replaces (a node before its children, its children from the last to the
    /// first): a scan that numbers what it finds in visit order numbers it as before. For each operation the index keeps the
    /// innermost lambda or local function it is in (<see cref="Function"/>) and the innermost loop of that function around
    /// it (<see cref="Loop"/>): the contexts the walks carried on their stacks.
    /// </para>
    /// <para>
    /// Keyed by the block operation the driver hands every analyzer of a body (the same instance for all of them, as the
    /// byte-order family's shared result already relies on), in a small table of the bodies its compilation walked last
    /// (<see cref="RecentAnswers{TKey, TValue}"/>, placed by where the body starts: <see cref="SlotOf"/>): the driver runs
    /// every analyzer of a body before the next body, so the families find it there. A body asked for again once its entry
    /// was taken by another is walked again, to the same index.
    /// </para>
    /// </summary>
    internal sealed class BodyOperations
    {
        private const int BodySlotCount = 3;

        /// <summary>
        /// The recent bodies of each compilation. Not a weak table keyed by the body: adding an entry to one makes a
        /// dependent handle under a lock, once for every body (in a dense profile the adding alone was 27 of the walk's 202
        /// samples).
        /// The table holds a bounded number of bodies strongly and lives as long as its compilation.
        /// </summary>
        private static readonly ConditionalWeakTable<Compilation, RecentAnswers<IOperation, BodyOperations>> PerCompilation = new();

        private static readonly ConditionalWeakTable<Compilation, RecentAnswers<IOperation, BodyOperations>>.CreateValueCallback NewRecent = _ => new RecentAnswers<IOperation, BodyOperations>();

        /// <summary>For an operation with no semantic model (none the driver hands out): held weakly, per body.</summary>
        private static readonly ConditionalWeakTable<IOperation, BodyOperations> Unowned = new();

        [System.ThreadStatic]
        private static Scratch? threadScratch;

        private readonly Entry[] entries;

        /// <summary>What the families keep beside the walk, one entry per <see cref="BodySlot"/>.</summary>
        private readonly object?[] shared = new object?[BodySlotCount];

        private BodyOperations(Entry[] entries)
        {
            this.entries = entries;
        }

        /// <summary>
        /// A family's result for this body, shared by the analyzers of the family (the byte-order family's findings, the reads
        /// family's diagnostics): kept beside the walk rather than in a table of its own, which cost each body an entry (a
        /// weak table's handle, or a dictionary's lock each way). The first result stored is the one every analyzer gets.
        /// </summary>
        public T Share<T>(BodySlot slot, T result)
            where T : class
            => Interlocked.CompareExchange(ref shared[(int)slot], result, null) as T ?? (T)shared[(int)slot]!;

        /// <summary>The result kept in <paramref name="slot"/> (<see cref="Share{T}"/>), or null while there is none.</summary>
        public T? Shared<T>(BodySlot slot)
            where T : class
            => Volatile.Read(ref shared[(int)slot]) as T;

        /// <summary>The result kept in <paramref name="slot"/>, made by <paramref name="make"/> on the first request.</summary>
        public T Shared<T>(BodySlot slot, Func<BodyOperations, T> make)
            where T : class
            => Shared<T>(slot) ?? Share(slot, make(this));

        /// <summary>
        /// The operation the driver hands the analyzers for the body whose root is <paramref name="root"/>: a method's or
        /// an accessor's one block (or expression body) rather than the method body around it, so that a family that starts
        /// from the root (a graph's original operation) finds the same walk. A constructor with an initializer stays whole.
        /// </summary>
        public static IOperation BlockOf(IOperation root)
            => root switch
            {
                IConstructorBodyOperation { Initializer: not null } => root,
                IMethodBodyBaseOperation { BlockBody: { } block, ExpressionBody: null } => block,
                IMethodBodyBaseOperation { BlockBody: null, ExpressionBody: { } expression } => expression,
                _ => root,
            };

        /// <summary>How many operations the body has (its root included).</summary>
        public int Count => entries.Length;

        /// <summary>The operation at <paramref name="index"/> (0 is the root).</summary>
        public IOperation this[int index] => entries[index].Operation;

        /// <summary>The kind of the operation at <paramref name="index"/>, read once when the index was built.</summary>
        public OperationKind Kind(int index) => entries[index].Kind;

        /// <summary>
        /// The index of the innermost lambda or local function that contains the operation at <paramref name="index"/>
        /// (never the operation itself), or -1 for the body's own code.
        /// </summary>
        public int Function(int index) => entries[index].Function;

        /// <summary>
        /// The index of the innermost loop around the operation at <paramref name="index"/> inside the same function (a
        /// loop around a lambda's declaration is not a loop of the lambda's body), or -1.
        /// </summary>
        public int Loop(int index) => entries[index].Loop;

        /// <summary>
        /// The index just past the operations under the one at <paramref name="index"/>: its descendants are the indexes from
        /// <paramref name="index"/> + 1 up to this one (a node's subtree is contiguous in the walk's order).
        /// </summary>
        public int End(int index) => entries[index].End;

        /// <summary>The symbol of the lambda or local function at <paramref name="function"/> (an index <see cref="Function"/> gave).</summary>
        public IMethodSymbol? FunctionSymbol(int function) => entries[function].Operation switch
        {
            IAnonymousFunctionOperation anonymous => anonymous.Symbol,
            ILocalFunctionOperation local => local.Symbol,
            _ => null,
        };

        /// <summary>
        /// The operations of kind <paramref name="kind"/> in every block of a body (an operation-block action's blocks), in
        /// the walk's order: for a rule that looks at one kind of operation, one callback per body instead of an operation
        /// action per operation. A struct to <c>foreach</c> over: no enumerator object, no interface call per operation.
        /// </summary>
        public static KindOperations<T> OfKind<T>(System.Collections.Immutable.ImmutableArray<IOperation> blocks, OperationKind kind, CancellationToken cancellationToken)
            where T : class, IOperation
            => new(blocks, kind, cancellationToken);

        /// <summary>What <see cref="OfKind{T}"/> hands a <c>foreach</c>.</summary>
        public readonly struct KindOperations<T>
            where T : class, IOperation
        {
            private readonly System.Collections.Immutable.ImmutableArray<IOperation> blocks;
            private readonly OperationKind kind;
            private readonly CancellationToken cancellationToken;

            public KindOperations(System.Collections.Immutable.ImmutableArray<IOperation> blocks, OperationKind kind, CancellationToken cancellationToken)
            {
                this.blocks = blocks;
                this.kind = kind;
                this.cancellationToken = cancellationToken;
            }

            public Enumerator GetEnumerator() => new(blocks, kind, cancellationToken);

            /// <summary>Block by block, each block's walk from its first operation.</summary>
            public struct Enumerator
            {
                private readonly System.Collections.Immutable.ImmutableArray<IOperation> blocks;
                private readonly OperationKind kind;
                private readonly CancellationToken cancellationToken;
                private int block;
                private int index;
                private BodyOperations? operations;

                public Enumerator(System.Collections.Immutable.ImmutableArray<IOperation> blocks, OperationKind kind, CancellationToken cancellationToken)
                {
                    this.blocks = blocks.IsDefault ? System.Collections.Immutable.ImmutableArray<IOperation>.Empty : blocks;
                    this.kind = kind;
                    this.cancellationToken = cancellationToken;
                    block = -1;
                    index = -1;
                    operations = null;
                    Current = null!;
                }

                public T Current { get; private set; }

                public bool MoveNext()
                {
                    while (true)
                    {
                        if (operations is not null)
                        {
                            while (++index < operations.Count)
                            {
                                if ((index & 255) == 0)
                                {
                                    cancellationToken.ThrowIfCancellationRequested();
                                }

                                if (operations.Kind(index) == kind && operations[index] is T operation)
                                {
                                    Current = operation;
                                    return true;
                                }
                            }
                        }

                        if (++block >= blocks.Length)
                        {
                            return false;
                        }

                        operations = Of(blocks[block], cancellationToken);
                        index = -1;
                    }
                }
            }
        }

        /// <summary>The operations of <paramref name="body"/>, walked on the first request for it.</summary>
        public static BodyOperations Of(IOperation body, CancellationToken cancellationToken)
        {
            if (body.SemanticModel?.Compilation is not { } compilation)
            {
                if (Unowned.TryGetValue(body, out var unowned))
                {
                    return unowned;
                }

                var walked = Build(body, cancellationToken);
                return Unowned.GetValue(body, _ => walked);
            }

            var recent = PerCompilation.GetValue(compilation, NewRecent);
            var slot = SlotOf(body);
            if (recent.Find(body, slot) is { } known)
            {
                return known.Value;
            }

            var built = Build(body, cancellationToken);
            recent.Keep(new RecentAnswers<IOperation, BodyOperations>.Entry(body, built), slot);
            return built;
        }

        private static BodyOperations Build(IOperation body, CancellationToken cancellationToken)
        {
            // The walk's working storage is kept per thread; the index keeps one array of the exact size. One array of
            // structs rather than one per field: a store into an IOperation[] is type-checked (arrays are covariant),
            // and growing four arrays copied each of them.
            var scratch = threadScratch ?? new Scratch();
            threadScratch = null;
            var count = 0;
            try
            {
                var stack = scratch.Stack;
                var entries = scratch.Entries;
                stack.Push(new Entry(body, OperationKind.None, -1, -1, -1));
                while (stack.Count > 0)
                {
                    if ((count & 255) == 0)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                    }

                    var entry = stack.Pop();
                    if (count == entries.Length)
                    {
                        System.Array.Resize(ref entries, entries.Length * 2);
                        scratch.Entries = entries;
                    }

                    var index = count++;
                    var operation = entry.Operation;
                    var kind = operation.Kind;
                    entries[index] = new Entry(operation, kind, entry.Function, entry.Loop, entry.End);

                    var childFunction = entry.Function;
                    var childLoop = entry.Loop;
                    if (kind is OperationKind.AnonymousFunction or OperationKind.LocalFunction)
                    {
                        childFunction = index;
                        childLoop = -1;
                    }
                    else if (kind == OperationKind.Loop)
                    {
                        childLoop = index;
                    }

                    foreach (var child in operation.ChildOperations)
                    {
                        // On the stack, End carries the parent's index until the walk sets it.
                        stack.Push(new Entry(child, OperationKind.None, childFunction, childLoop, index));
                    }
                }

                // Each subtree's end, from the last operation back: a node's end is the largest of its children's.
                if (scratch.Parents.Length < count)
                {
                    scratch.Parents = new int[entries.Length];
                }

                // The ends are set in place: rewriting whole entries stored their operation again, a write barrier each.
                var parents = scratch.Parents;
                for (var i = 0; i < count; i++)
                {
                    parents[i] = entries[i].End;
                    entries[i].End = i + 1;
                }

                for (var i = count - 1; i > 0; i--)
                {
                    var parent = parents[i];
                    if (entries[i].End > entries[parent].End)
                    {
                        entries[parent].End = entries[i].End;
                    }
                }

                var result = new Entry[count];
                System.Array.Copy(entries, result, count);
                return new BodyOperations(result);
            }
            finally
            {
                // Nothing of this body stays reachable from the thread.
                System.Array.Clear(scratch.Entries, 0, count);
                scratch.Stack.Clear();
                threadScratch = scratch;
            }
        }

        /// <summary>One operation of the walk. Only the walk writes it, and its end in place, once the order is known.</summary>
        private struct Entry
        {
            public Entry(IOperation operation, OperationKind kind, int function, int loop, int end)
            {
                Operation = operation;
                Kind = kind;
                Function = function;
                Loop = loop;
                End = end;
            }

            public IOperation Operation { get; }

            public OperationKind Kind { get; }

            public int Function { get; }

            public int Loop { get; }

            public int End { get; set; }
        }

        /// <summary>
        /// A body's slot in the table of the bodies its compilation walked last: by where it starts in its file, as the
        /// bodies the driver's threads are in at once start apart (the top bits of a multiplicative hash). Not the identity
        /// hash, which the runtime gives an object through a native call the first time it is asked for one.
        /// </summary>
        private static int SlotOf(IOperation body)
            => (int)(((uint)body.Syntax.FullSpan.Start * 2654435769u) >> (32 - RecentAnswers<IOperation, BodyOperations>.SlotBits));

        private sealed class Scratch
        {
            public readonly Stack<Entry> Stack = new();
            public Entry[] Entries = new Entry[256];
            public int[] Parents = new int[256];
        }
    }

    /// <summary>What a family keeps beside a body's walk (<see cref="BodyOperations.Share{T}"/>).</summary>
    internal enum BodySlot
    {
        /// <summary>The byte-order family's findings, shared by SOCK020, SOCK021 and SOCK022 (<c>ByteOrderFlow.For</c>).</summary>
        ByteOrderFindings,

        /// <summary>The reads family's diagnostics, shared by SOCK010, SOCK011 and SOCK012 (<c>ReadFlow</c>).</summary>
        ReadsDiagnostics,

        /// <summary>The reads family's index of what the body assigns to each local (<c>NetworkReads.AssignedValues</c>).</summary>
        LocalAssignments,
    }
}
