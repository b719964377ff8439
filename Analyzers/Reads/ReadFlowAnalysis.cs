using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Common;
using SocketAnalyzers.Flow;
using SocketAnalyzers.Model;

namespace SocketAnalyzers.Reads
{
    /// <summary>
    /// The reads family on the flow kernel: one forward pass over one function's graph carries three kinds of facts
    /// (<see cref="ReadState"/>), and SOCK010, SOCK011 and SOCK012 are checks on the converged states, made during
    /// <see cref="FlowAnalysis{TState}.Replay"/> and decided after it. docs/reads-engine.md describes the facts, the
    /// transfer functions and what is unknown.
    /// </summary>
    internal sealed class ReadFlowAnalysis : FlowAnalysis<ReadState>
    {
        private const int MaxNestingDepth = 8;

        /// <summary>How deep <see cref="IsStable"/> looks into a condition before it calls it unstable.</summary>
        private const int MaxStableDepth = 200;

        /// <summary>In <see cref="ZeroFact.Changed"/>: a call of this project or a delegate ran on the 0 path, so any field may have changed.</summary>
        private static readonly object FieldsMayChange = new();

        private readonly ReadBody body;
        private readonly KnownSymbols symbols;
        private readonly BufferConsumers consumers;
        private readonly List<Diagnostic> diagnostics;
        private readonly List<IFlowAnonymousFunctionOperation> anonymousFunctions = new();
        private readonly Dictionary<SyntaxNode, bool> countDependent = new();
        private readonly HashSet<SyntaxNode> reportedConsumers = new();

        /// <summary>The reads a fixed-width decode was reported for: one diagnostic per read, at its first decode.</summary>
        private readonly HashSet<int> reportedDecodes = new();

        /// <summary>Set by <see cref="Classify"/> for <see cref="Use.Decoded"/>: the first byte and the number of bytes decoded.</summary>
        private int decodedStart;
        private int decodedWidth;

        /// <summary>
        /// SOCK012 across a lambda: the filled buffers a lambda created here captures, as the replay saw them at its
        /// creation (buffer → the read that filled it). Its own analysis starts from them.
        /// </summary>
        private Dictionary<IFlowAnonymousFunctionOperation, Dictionary<ISymbol, int>?>? lambdaSeeds;

        /// <summary>The filled buffers this function starts with (a lambda's captured buffers), or null.</summary>
        private Dictionary<ISymbol, int>? seed;

        // Decided during Replay, from the converged states.
        private readonly bool[] seen;
        private readonly bool[] countUsed;

        // A use of the read's count after it that says how many bytes arrived (not a test against 0 or 1, a format, or a
        // consumer given the buffer too): what SOCK012 asks of a read whose count local the method uses elsewhere.
        private readonly bool[] countUsedMeaningfully;

        // Per read: where the first meaningful use of its count starts in the source (valid when countUsedMeaningfully).
        private readonly int[] firstMeaningfulUse;
        private readonly bool[] followed;
        private readonly bool[] reachedAgain;
        private readonly bool[] escaped;
        private readonly bool[] spinsAgain;

        /// <summary>A visit of the read found no <c>Available</c> guard that covers it (<see cref="TakeAvailable"/>).</summary>
        private readonly bool[] unguarded;

        /// <summary>A visit of the read found no guard that says data waits on its connection (SOCK011's polling form).</summary>
        private readonly bool[] notPolled;

        /// <summary>Buffer locals a read fills from the start and no other function sees: only their freshness is followed (<see cref="ReadState.Fresh"/>).</summary>
        private readonly HashSet<ISymbol> freshCandidates = new(SymbolComparer.Instance);

        private readonly List<int> scratch = new();

        private readonly List<ISymbol> scratchSymbols = new();
        private HashSet<CaptureId>? multiplyCaptured;
        private int stableDepth;

        protected override int MaxExpressionDepth => 200;

        private ReadFlowAnalysis(ControlFlowGraph graph, ReadBody body, KnownSymbols symbols, BufferConsumers consumers, List<Diagnostic> diagnostics, CancellationToken cancellationToken)
            : base(graph, cancellationToken)
        {
            this.body = body;
            this.symbols = symbols;
            this.consumers = consumers;
            this.diagnostics = diagnostics;
            var count = body.Sites.Count;
            seen = new bool[count];
            countUsed = new bool[count];
            countUsedMeaningfully = new bool[count];
            firstMeaningfulUse = new int[count];
            followed = new bool[count];
            reachedAgain = new bool[count];
            escaped = new bool[count];
            spinsAgain = new bool[count];
            unguarded = new bool[count];
            notPolled = new bool[count];
            foreach (var site in body.Sites)
            {
                if (site.WholeBuffer is ILocalSymbol buffer && !body.Captured.Contains(buffer))
                {
                    freshCandidates.Add(buffer);
                }
            }
        }

        /// <summary>Analyzes a body's graph and, each as its own function, the lambdas and local functions that hold reads.</summary>
        public static void Analyze(ControlFlowGraph graph, ReadBody body, KnownSymbols symbols, BufferConsumers consumers, List<Diagnostic> diagnostics, CancellationToken cancellationToken)
            => Analyze(graph, null, body, symbols, consumers, diagnostics, cancellationToken, 0);

        private static void Analyze(ControlFlowGraph graph, SyntaxNode? function, ReadBody body, KnownSymbols symbols, BufferConsumers consumers, List<Diagnostic> diagnostics, CancellationToken cancellationToken, int nesting, Dictionary<ISymbol, int>? seed = null)
        {
            if (nesting > MaxNestingDepth)
            {
                return;
            }

            var analysis = new ReadFlowAnalysis(graph, body, symbols, consumers, diagnostics, cancellationToken) { seed = seed };
            if (body.HasSitesInFunctions)
            {
                // Walking every operation of the graph for lambdas is wasted when no read is inside one.
                analysis.CollectAnonymousFunctions();
            }

            if ((OwnsSites(body, function) || seed is not null) && analysis.Run())
            {
                analysis.Replay();
                if (!analysis.Abandoned)
                {
                    analysis.Decide();
                }
            }

            foreach (var localFunction in graph.LocalFunctions)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (localFunction.DeclaringSyntaxReferences.Length > 0
                    && localFunction.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is { } syntax && body.HasSitesIn(syntax))
                {
                    Analyze(graph.GetLocalFunctionControlFlowGraph(localFunction, cancellationToken), syntax, body, symbols, consumers, diagnostics, cancellationToken, nesting + 1);
                }
            }

            foreach (var anonymous in analysis.anonymousFunctions)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (body.HasSitesIn(anonymous.Syntax))
                {
                    Dictionary<ISymbol, int>? captured = null;
                    analysis.lambdaSeeds?.TryGetValue(anonymous, out captured);
                    Analyze(graph.GetAnonymousFunctionControlFlowGraph(anonymous, cancellationToken), anonymous.Syntax, body, symbols, consumers, diagnostics, cancellationToken, nesting + 1, captured is { Count: > 0 } ? captured : null);
                }
            }

            if (analysis.lambdaSeeds is not null)
            {
                foreach (var pair in analysis.lambdaSeeds)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (pair.Value is { Count: > 0 } && !body.HasSitesIn(pair.Key.Syntax))
                    {
                        // No read of its own: analysed only for the buffers it captures filled.
                        Analyze(graph.GetAnonymousFunctionControlFlowGraph(pair.Key, cancellationToken), pair.Key.Syntax, body, symbols, consumers, diagnostics, cancellationToken, nesting + 1, pair.Value);
                    }
                }
            }
        }

        private static bool OwnsSites(ReadBody body, SyntaxNode? function)
        {
            foreach (var site in body.Sites)
            {
                if (site.Function == function)
                {
                    return true;
                }
            }

            return false;
        }

        private void CollectAnonymousFunctions()
        {
            foreach (var block in Graph.Blocks)
            {
                CancellationToken.ThrowIfCancellationRequested();
                foreach (var operation in block.Operations)
                {
                    Collect(operation);
                }

                if (block.BranchValue is not null)
                {
                    Collect(block.BranchValue);
                }
            }

            void Collect(IOperation root)
            {
                var stack = new Stack<IOperation>();
                stack.Push(root);
                while (stack.Count > 0)
                {
                    var operation = stack.Pop();
                    if (operation is IFlowAnonymousFunctionOperation anonymous)
                    {
                        anonymousFunctions.Add(anonymous);
                        continue;
                    }

                    foreach (var child in operation.ChildOperations)
                    {
                        stack.Push(child);
                    }
                }
            }
        }

        // ---- the domain ----
        protected override ReadState CreateEntryState()
        {
            var state = new ReadState();
            if (seed is not null)
            {
                foreach (var pair in seed)
                {
                    state.SetFilled(pair.Key, pair.Value);
                }
            }

            return state;
        }

        protected override ReadState Clone(ReadState state) => state.Clone();

        protected override bool JoinInto(ReadState target, ReadState source) => target.JoinFrom(source);

        protected override bool IsUnreachable(ReadState state) => state.Dead;

        /// <summary>A read that returns 0 does not throw: the spin SOCK011 reports is the path without exceptions.</summary>
        protected override ReadState StateForHandler(ReadState state)
        {
            if (state.Zero.Count == 0)
            {
                return state;
            }

            var narrowed = state.Clone();
            narrowed.Zero.Clear();
            return narrowed;
        }

        protected override void Transfer(IOperation operation, ReadState state)
        {
            if (!body.HasGoTo && (state.Defs.Count > 0 || state.Filled.Count > 0 || state.Pending.Count > 0))
            {
                DropDead(operation.Syntax.SpanStart, state);
            }

            if (state.Zero.Count > 0)
            {
                LeaveLoops(operation, state);
            }

            Eval(operation, state);
        }

        /// <summary>Drops the facts about locals that nothing after <paramref name="position"/> can use (<see cref="ReadBody.ReachEnd"/>).</summary>
        private void DropDead(int position, ReadState state)
        {
            List<ISymbol>? dead = null;
            foreach (var local in state.Defs.Keys)
            {
                if (IsDead(local, position))
                {
                    (dead ??= new List<ISymbol>()).Add(local);
                }
            }

            foreach (var buffer in state.Filled.Keys)
            {
                if (buffer is ILocalSymbol local && IsDead(local, position))
                {
                    (dead ??= new List<ISymbol>()).Add(local);
                }
            }

            if (dead is not null)
            {
                foreach (var symbol in dead)
                {
                    if (symbol is ILocalSymbol local)
                    {
                        state.RemoveDefs(local);
                    }

                    KillBuffer(symbol, state);
                }
            }

            DropDeadLocals(state.HasExact ? state.Exact.Keys : null, position, state);
            DropDeadLocals(state.HasCounts ? state.Counts.Keys : null, position, state);
            DropDeadLocals(state.HasFresh ? state.Fresh : null, position, state);

            if (state.Pending.Count > 0)
            {
                // A read whose buffer is a local nothing uses any more, and that escapes nowhere, waits only for
                // another read of its connection: keep it; reads answered already are gone from the set.
                scratch.Clear();
                foreach (var read in state.Pending)
                {
                    var site = body.Sites[read];
                    if (site.BufferReach == BufferReach.Tracked && site.BufferVariable is ILocalSymbol buffer && IsDead(buffer, position)
                        && site.ConnectionRoot is ILocalSymbol connection && IsDead(connection, position))
                    {
                        scratch.Add(read);
                    }
                }

                foreach (var read in scratch)
                {
                    state.RemovePending(read);
                }
            }
        }

        private bool IsDead(ILocalSymbol local, int position)
            => body.ReachEnd.TryGetValue(local, out var end) ? position > end : !body.Captured.Contains(local);

        // ---- SOCK011: where the 0-count facts go ----

        /// <summary>A 0-count fact at an operation outside every loop around its read can never come back to the read: it got out.</summary>
        private void LeaveLoops(IOperation operation, ReadState state)
        {
            scratch.Clear();
            foreach (var pair in state.Zero)
            {
                var loops = body.Sites[pair.Key].Loops;
                var outermost = loops[loops.Count - 1];
                if (operation.Syntax.SyntaxTree != outermost.SyntaxTree || !outermost.Span.Contains(operation.Syntax.Span))
                {
                    scratch.Add(pair.Key);
                }
            }

            foreach (var read in scratch)
            {
                Escape(read, state);
            }
        }

        private void Escape(int read, ReadState state)
        {
            if (Reporting)
            {
                escaped[read] = true;
            }

            state.Zero.Remove(read);
        }

        protected override void VisitBranch(BasicBlock block, ControlFlowBranch branch, ReadState state)
        {
            var leavesBody = branch.Destination is null || branch.Destination.Kind == BasicBlockKind.Exit;
            if (leavesBody && branch.Semantics is ControlFlowBranchSemantics.StructuredExceptionHandling && !InExceptionalFinally)
            {
                // The end of a finally entered normally: the driver continues with where the branch that entered it was
                // going. Entered by an exception, the exception goes on from here: the facts leave the loops they are in.
                return;
            }

            if (leavesBody)
            {
                var exceptional = branch.Semantics is ControlFlowBranchSemantics.StructuredExceptionHandling;
                foreach (var pair in state.Zero)
                {
                    // A 0 fact at the end of a finally an exception entered comes from a read in that finally (the
                    // exceptional entry carries none). Its loop was left when the loop lies in the finally; a loop around
                    // the whole try is left by the exception, which is no path of SOCK011 (StateForHandler).
                    var site = body.Sites[pair.Key];
                    if (!exceptional && site.RearmedInFinally)
                    {
                        // Out of the try by its finally, which starts the next receive: no way out of the chain.
                        continue;
                    }

                    if (!exceptional || !FinallyBetween(site))
                    {
                        escaped[pair.Key] = true;
                    }
                }
            }

            if (branch.Destination is { Kind: BasicBlockKind.Exit } && branch.Semantics is ControlFlowBranchSemantics.Regular or ControlFlowBranchSemantics.Return)
            {
                // The body ends normally: its caller may look at a buffer that escapes.
                foreach (var read in state.Pending)
                {
                    if (body.Sites[read].BufferReach == BufferReach.Escapes)
                    {
                        followed[read] = true;
                    }
                }
            }
        }

        /// <summary>True when a <c>finally</c> clause lies between the read and its outermost loop: the loop is around that clause.</summary>
        private static bool FinallyBetween(ReadSite site)
        {
            var outermost = site.Loops[site.Loops.Count - 1];
            for (var node = site.Invocation.Syntax.Parent; node is not null && node != outermost; node = node.Parent)
            {
                if (node is FinallyClauseSyntax)
                {
                    return true;
                }
            }

            return false;
        }

        protected override void Refine(BasicBlock block, IOperation branchValue, ReadState state, bool conditionValue)
        {
            if (body.GuardsAvailable)
            {
                RefineAvailable(branchValue, state, conditionValue);
            }

            if (state.Zero.Count == 0)
            {
                return;
            }

            scratch.Clear();
            foreach (var pair in state.Zero)
            {
                var site = body.Sites[pair.Key];
                var value = Truth(branchValue, pair.Value, site);
                if (value is bool known)
                {
                    if (known != conditionValue)
                    {
                        scratch.Add(pair.Key);
                    }

                    continue;
                }

                // A condition over values that cannot change once reads return 0, evaluated on every turn, has the value
                // it had on the turn before: the one that kept the loop going. Only the successor that stays is taken.
                // Not when it uses the 0 itself (n < buffer.Length, which Truth cannot decide): on the turn before the
                // first 0 the count was another, so that turn says nothing of the first 0 turn, which may leave.
                if (IsStable(branchValue, pair.Value, site, null) && !UsesEndValue(branchValue, pair.Value, site, 0)
                    && InnermostLoop(site, branchValue.Syntax) is { } loop && !IsCountDependent(branchValue.Syntax, loop))
                {
                    var takenIsConditional = conditionValue == (block.ConditionKind == ControlFlowConditionKind.WhenTrue);
                    var taken = takenIsConditional ? block.ConditionalSuccessor : block.FallThroughSuccessor;
                    var other = takenIsConditional ? block.FallThroughSuccessor : block.ConditionalSuccessor;
                    if (Leaves(taken, loop) == true && Leaves(other, loop) == false)
                    {
                        scratch.Add(pair.Key);
                    }
                }
            }

            foreach (var read in scratch)
            {
                state.Zero.Remove(read);
            }
        }

        // ---- SOCK010/SOCK012: reads that an Available guard makes exact ----

        /// <summary>
        /// <c>client.Available &gt;= 4</c> (or <c>&gt; 3</c>, <c>4 &lt;= …</c>, the false side of <c>&lt; 4</c>, <c>== 4</c>): on
        /// that side at least 4 received bytes wait on the connection, and a read of at most 4 on it returns them all.
        /// </summary>
        private void RefineAvailable(IOperation branchValue, ReadState state, bool conditionValue)
        {
            if (AvailableGuard.AtLeast(branchValue, conditionValue, symbols.Catalogue, out var available) is not int count
                || body.RootOfConnection(available!.Instance, symbols) is not { } root)
            {
                return;
            }

            if (!state.Available.TryGetValue(root, out var known) || known < count)
            {
                state.Available[root] = count;
            }
        }

        private IPropertyReferenceOperation? IsAvailable(IOperation operation) => AvailableGuard.Property(operation, symbols.Catalogue);

        /// <summary>
        /// The read takes bytes from its connection: true when a guard said that at least as many as it asks for were
        /// waiting (then it returns exactly that many: a plain socket or network stream, not TLS, whose socket counts
        /// encrypted bytes), and what is left of the guard is what it did not take. An unguarded read leaves nothing known.
        /// </summary>
        private bool TakeAvailable(ReadSite site, ReadState state)
        {
            if (site.ConnectionRoot is not { } root || !state.Available.TryGetValue(root, out var waiting))
            {
                return false;
            }

            var asked = AskedBytes(site);
            if (asked is not int count || !IsPlainStreamRead(site) || count > waiting)
            {
                state.Available.Remove(root);
                return false;
            }

            if (waiting - count > 0)
            {
                state.Available[root] = waiting - count;
            }
            else
            {
                state.Available.Remove(root);
            }

            return true;
        }

        /// <summary>A read of a socket or a <c>NetworkStream</c> (not TLS, whose socket counts encrypted bytes), not of datagrams.</summary>
        private bool IsPlainStreamRead(ReadSite site)
        {
            var receiver = site.Receiver?.WalkDownConversions().Type;
            return !site.Read.Api.IsDatagram
                && (site.Read.Api.Owner == ReadOwner.Socket
                    || (symbols.NetworkStream is not null && SymbolEqualityComparer.Default.Equals(receiver, symbols.NetworkStream)));
        }

        /// <summary>
        /// A <c>BinaryReader</c>'s read of bytes (the catalogue's count is of bytes, not characters): it reads its stream
        /// straight into the buffer, keeping nothing of its own, so under a guard that data waits it is reached only when
        /// bytes wait, as the stream's read would be. Its character reads decode through a buffer and are not.
        /// </summary>
        private bool IsBinaryByteRead(ReadSite site)
            => !site.Read.Api.CountsChars && site.Receiver?.WalkDownConversions().Type is { } type
                && SymbolEqualityComparer.Default.Equals(type, symbols.BinaryReader);

        /// <summary>How many bytes the read asks for, when the code says: a constant size, or the length of a buffer made once with a constant size.</summary>
        private int? AskedBytes(ReadSite site)
        {
            var size = site.Read.Count?.WalkDownConversions();
            if (size?.ConstantValue is { HasValue: true, Value: int constant })
            {
                return constant;
            }

            var buffer = site.Read.Buffer?.WalkDownConversions();
            if (size is IPropertyReferenceOperation { Instance: { } instance } length && symbols.Framework.IsLength(length.Property))
            {
                buffer = instance.WalkDownConversions();
            }
            else if (size is not null)
            {
                return null;
            }

            if (buffer is not null && ReadBody.WholeViewOperand(buffer, symbols.Framework) is { } viewed)
            {
                // header.AsMemory(): the whole array.
                buffer = viewed.WalkDownConversions();
            }

            return buffer is ILocalReferenceOperation local && body.SingleValue(local.Local)?.WalkDownConversions() is IArrayCreationOperation { DimensionSizes: { Length: 1 } sizes }
                && sizes[0].ConstantValue is { HasValue: true, Value: int made }
                ? made
                : null;
        }

        /// <summary>A method of this project (its code may do anything to a connection or a field) or a delegate's invoke.</summary>
        private static bool RunsProjectCode(IMethodSymbol method)
            => method.DeclaringSyntaxReferences.Length > 0 || method.MethodKind == MethodKind.DelegateInvoke;

        /// <summary>What a call may read of the connections counted so far (<see cref="ReachOf"/>).</summary>
        private enum CallReach
        {
            /// <summary>A view of a connection (<c>client.GetStream()</c>, <c>.Client</c>): it reads nothing.</summary>
            Nothing,

            /// <summary>A framework call: it may read the connections it is given or called on.</summary>
            Given,

            /// <summary>Code of the project or a delegate: it may read any connection.</summary>
            Anything,
        }

        private CallReach ReachOf(IInvocationOperation invocation)
            => RunsProjectCode(invocation.TargetMethod) ? CallReach.Anything
                : symbols.Catalogue.Facts(invocation.TargetMethod) is { ViewsConnection: true } ? CallReach.Nothing
                : CallReach.Given;

        /// <summary>A call that may read the connection, or run code that does, takes what a guard counted.</summary>
        private void ForgetAvailable(IInvocationOperation invocation, ReadState state)
        {
            switch (ReachOf(invocation))
            {
                case CallReach.Anything:
                    state.Available.Clear();
                    return;
                case CallReach.Nothing:
                    return;
            }

            if (body.RootOfConnection(invocation.Instance, symbols) is { } root)
            {
                state.Available.Remove(root);
            }

            foreach (var argument in invocation.Arguments)
            {
                if (body.RootOfConnection(argument.Value, symbols) is { } passed)
                {
                    state.Available.Remove(passed);
                }
            }
        }

        // ---- SOCK010/SOCK012: reads sized to the Available of their own connection ----

        /// <summary>The connection an <c>Available</c> or a read names: its variable root, or else the path of the expression (<see cref="ConnectionPath"/>).</summary>
        private object? ConnectionOf(IOperation? instance)
            => instance is null ? null : (object?)body.RootOfConnection(instance, symbols) ?? ConnectionPath.Of(instance);

        /// <summary>
        /// The value is the <c>Available</c> of a connection (<c>s.Available</c>), or a byte array of that size
        /// (<c>new byte[s.Available]</c>, <c>new byte[len]</c> with <c>len</c> holding one): what <see cref="ReadState.Exact"/> records.
        /// </summary>
        private AvailableSize? AvailableSizeOf(IOperation value, ReadState state)
        {
            var v = value.WalkDownConversions();
            if (v is IArrayCreationOperation { Initializer: null, DimensionSizes.Length: 1 } array && ReadBody.IsByteArray(array.Type))
            {
                var size = array.DimensionSizes[0].WalkDownConversions();
                if (state.HasExact && ReadBody.VariableOf(size) is { } counted && state.Exact.TryGetValue(counted, out var known))
                {
                    return known;
                }

                v = size;
            }

            return IsAvailable(v) is { Type.SpecialType: SpecialType.System_Int32 } available && ConnectionOf(available.Instance) is { } connection
                ? new AvailableSize(connection, available.Syntax)
                : null;
        }

        /// <summary>
        /// The read asks for exactly the bytes an <c>Available</c> of its own connection counted, with no read, <c>await</c>
        /// or call that may read it since (<see cref="ReadState.Exact"/>): a stream read then returns them all, and its count
        /// is that size. <paramref name="whole"/>: the buffer is the array made that size, filled from its start. Not on a
        /// datagram socket: there (on Windows) <c>Available</c> counts every queued datagram and a read returns one. Not
        /// for a read task nobody awaits: the code after it may run before the bytes are in.
        /// </summary>
        private bool TakeExact(ReadSite site, ReadState state, out bool whole)
        {
            whole = false;
            if (!IsPlainStreamRead(site) || site.Read.Api.IsAtLeast || IsUnawaitedTask(site.Invocation) || site.Invocation.Instance is not { } instance
                || (site.Read.Api.Owner == ReadOwner.Socket && symbols.Reads.IsDatagramSocket(instance))
                || ConnectionOf(instance) is not { } connection)
            {
                return false;
            }

            ISymbol? buffer = null;
            if (site.Read.Buffer is { } bufferOperand)
            {
                var operand = bufferOperand.WalkDownConversions();
                buffer = ReadBody.VariableOf(ReadBody.WholeViewOperand(operand, symbols.Framework) ?? operand);
            }

            var size = site.Read.Count?.WalkDownConversions();
            ISymbol? sizeVariable;
            ISymbol? countVariable = null;
            if (size is null)
            {
                sizeVariable = buffer;
            }
            else if (size is IPropertyReferenceOperation { Instance: { } lengthOf } length && symbols.Framework.IsLength(length.Property))
            {
                sizeVariable = ReadBody.VariableOf(lengthOf);
            }
            else
            {
                sizeVariable = countVariable = ReadBody.VariableOf(size);
            }

            if (sizeVariable is null || !state.Exact.TryGetValue(sizeVariable, out var asked) || !ConnectionPath.Same(asked.Connection, connection))
            {
                return false;
            }

            whole = buffer is not null && state.Exact.TryGetValue(buffer, out var made) && made.Equals(asked)
                && site.Read.Offset?.ConstantValue is null or { HasValue: true, Value: 0 };
            if (countVariable is ILocalSymbol countLocal && !body.CapturedWritten.Contains(countLocal))
            {
                state.Counts[countLocal] = site.Index;
            }

            return true;
        }

        /// <summary>A call that may read a connection, or change what a path names, takes what an <c>Available</c> counted.</summary>
        private void ForgetExact(IInvocationOperation invocation, ReadState state)
        {
            switch (ReachOf(invocation))
            {
                case CallReach.Anything:
                    state.Exact.Clear();
                    return;
                case CallReach.Nothing:
                    return;
            }

            var root = body.RootOfConnection(invocation.Instance, symbols);
            scratchSymbols.Clear();
            foreach (var pair in state.Exact)
            {
                if (pair.Value.Connection is ConnectionPath || (root is not null && ConnectionPath.Same(pair.Value.Connection, root)) || PassedTo(invocation, pair.Value.Connection))
                {
                    scratchSymbols.Add(pair.Key);
                }
            }

            foreach (var variable in scratchSymbols)
            {
                state.Exact.Remove(variable);
            }
        }

        private bool PassedTo(IInvocationOperation invocation, object connection)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (body.RootOfConnection(argument.Value, symbols) is { } passed && ConnectionPath.Same(connection, passed))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A new value of the variable: what it held (an <c>Available</c>, a count, a fresh array) and connections named through it are gone.</summary>
        private void Written(ISymbol variable, ReadState state)
        {
            if (state.HasExact)
            {
                state.Exact.Remove(variable);
                scratchSymbols.Clear();
                foreach (var pair in state.Exact)
                {
                    if (ConnectionPath.Mentions(pair.Value.Connection, variable))
                    {
                        scratchSymbols.Add(pair.Key);
                    }
                }

                foreach (var sized in scratchSymbols)
                {
                    state.Exact.Remove(sized);
                }
            }

            if (state.HasCounts)
            {
                state.Counts.Remove(variable);
            }

            if (state.HasFresh)
            {
                state.Fresh.Remove(variable);
            }
        }

        /// <summary>An assignment to something other than a local or parameter: a field, a property (a setter may run any code), an element.</summary>
        private void WrittenElsewhere(IOperation target, ReadState state)
        {
            if (!state.HasExact)
            {
                return;
            }

            switch (target)
            {
                case IFieldReferenceOperation field:
                    Written(field.Field, state);
                    return;
                case IPropertyReferenceOperation:
                    state.Exact.Clear();
                    return;
                default:
                    scratchSymbols.Clear();
                    foreach (var pair in state.Exact)
                    {
                        if (pair.Value.Connection is ConnectionPath)
                        {
                            scratchSymbols.Add(pair.Key);
                        }
                    }

                    foreach (var sized in scratchSymbols)
                    {
                        state.Exact.Remove(sized);
                    }

                    return;
            }
        }

        private static void ForgetCountsOf(int read, ReadState state)
        {
            List<ISymbol>? stale = null;
            foreach (var pair in state.Counts)
            {
                if (pair.Value == read)
                {
                    (stale ??= new List<ISymbol>()).Add(pair.Key);
                }
            }

            if (stale is not null)
            {
                foreach (var variable in stale)
                {
                    state.Counts.Remove(variable);
                }
            }
        }

        private void DropDeadLocals(IEnumerable<ISymbol>? variables, int position, ReadState state)
        {
            if (variables is null)
            {
                return;
            }

            List<ISymbol>? dead = null;
            foreach (var variable in variables)
            {
                if (variable is ILocalSymbol local && IsDead(local, position))
                {
                    (dead ??= new List<ISymbol>()).Add(local);
                }
            }

            if (dead is not null)
            {
                foreach (var local in dead)
                {
                    Written(local, state);
                }
            }
        }

        // ---- SOCK012: whole decodes whose text is exact anyway ----

        /// <summary>
        /// A use of a fresh buffer that leaves its zeros alone: its length, or the buffer (or a whole view of it) handed to
        /// a read, whose own transfer decides.
        /// </summary>
        private bool KeepsFresh(IOperation reference)
        {
            var parent = reference.WalkUpConversions(out _);
            if (parent is IPropertyReferenceOperation length && symbols.Framework.IsLength(length.Property))
            {
                return true;
            }

            if (parent is IArgumentOperation { Parent: { } owner } && ReadBody.WholeViewOperand(owner, symbols.Framework) is not null)
            {
                parent = owner.WalkUpConversions(out _);
            }

            return parent is IArgumentOperation { Parent: IInvocationOperation call } && body.SiteAt(call.Syntax) is { Helper: null };
        }

        /// <summary>
        /// A whole decode whose text is the bytes received all the same, its result going straight into the cut:
        /// <list type="bullet">
        /// <item>the buffer was a new zero-filled array when its one read filled it (<see cref="ReadState.FreshFilled"/>),
        /// decoded with ASCII, UTF-8 or Latin-1 (a zero byte is U+0000), and the text's NULs are stripped:
        /// <c>Replace("\0", "")</c>, <c>Trim</c>/<c>TrimEnd</c> of a set that holds <c>'\0'</c>;</item>
        /// <item>decoded with ASCII or Latin-1 (one char per byte) and cut to a variable that holds the read's count
        /// (<see cref="ReadState.Counts"/>): <c>Substring(0, n)</c>, <c>Remove(n)</c>.</item>
        /// </list>
        /// </summary>
        private bool IsExactText(IOperation consuming, ISymbol buffer, int read, ReadState state)
        {
            if (consuming is IObjectCreationOperation { Type.SpecialType: SpecialType.System_String, Arguments.Length: 1 } text)
            {
                // new string(chars) of a fresh char array read once: its unread tail is '\0' chars, and the strip removes them.
                return state.HasFreshFilled && state.FreshFilled.Contains(buffer)
                    && text.WalkUpConversions(out var made) is IInvocationOperation { TargetMethod.ContainingType.SpecialType: SpecialType.System_String } strip
                    && strip.Instance == made && StripsNul(strip);
            }

            if (consuming is not IInvocationOperation { Instance: { } encoding, TargetMethod.Name: "GetString", Type.SpecialType: SpecialType.System_String } decode
                || symbols.Framework.Encoding is not { } encodingType
                || encoding.WalkDownConversions() is not IPropertyReferenceOperation { Instance: null, Property: { Name: "ASCII" or "UTF8" or "Latin1" } named }
                || !SymbolEqualityComparer.Default.Equals(named.ContainingType, encodingType)
                || decode.WalkUpConversions(out var decoded) is not IInvocationOperation { TargetMethod.ContainingType.SpecialType: SpecialType.System_String } cut
                || cut.Instance != decoded)
            {
                return false;
            }

            if (state.HasFreshFilled && state.FreshFilled.Contains(buffer) && StripsNul(cut))
            {
                return true;
            }

            if (named.Name == "UTF8" || !state.HasCounts)
            {
                return false;
            }

            var count = cut.TargetMethod.Name switch
            {
                "Substring" when cut.Arguments.Length == 2 && CatalogueIndex.Argument(cut, 0)?.ConstantValue is { HasValue: true, Value: 0 } => CatalogueIndex.Argument(cut, 1),
                "Remove" when cut.Arguments.Length == 1 => CatalogueIndex.Argument(cut, 0),
                _ => null,
            };
            return count is not null && ReadBody.VariableOf(count) is { } held && state.Counts.TryGetValue(held, out var countOf) && countOf == read;
        }

        /// <summary><c>Replace("\0", "")</c> (or <c>string.Empty</c>), or <c>Trim</c>/<c>TrimEnd</c> of chars that include <c>'\0'</c>.</summary>
        private static bool StripsNul(IInvocationOperation cut)
        {
            switch (cut.TargetMethod.Name)
            {
                case "Replace" when cut.Arguments.Length == 2 && cut.TargetMethod.Parameters[0].Type.SpecialType == SpecialType.System_String:
                    return CatalogueIndex.Argument(cut, 0)?.ConstantValue is { HasValue: true, Value: "\0" }
                        && CatalogueIndex.Argument(cut, 1)?.WalkDownConversions() is { } replacement
                        && (replacement.ConstantValue is { HasValue: true, Value: "" }
                            || replacement is IFieldReferenceOperation { Field: { Name: "Empty", ContainingType.SpecialType: SpecialType.System_String } });
                case "Trim" or "TrimEnd":
                    foreach (var argument in cut.Arguments)
                    {
                        var value = argument.Value.WalkDownConversions();
                        if (value.ConstantValue is { HasValue: true, Value: '\0' })
                        {
                            return true;
                        }

                        if (value is IArrayCreationOperation { Initializer: { } chars })
                        {
                            foreach (var element in chars.ElementValues)
                            {
                                if (element.WalkDownConversions().ConstantValue is { HasValue: true, Value: '\0' })
                                {
                                    return true;
                                }
                            }
                        }
                    }

                    return false;
                default:
                    return false;
            }
        }

        private static SyntaxNode? InnermostLoop(ReadSite site, SyntaxNode syntax)
        {
            foreach (var loop in site.Loops)
            {
                if (loop.SyntaxTree == syntax.SyntaxTree && loop.Span.Contains(syntax.Span))
                {
                    return loop;
                }
            }

            return null;
        }

        /// <summary>
        /// True when the branch leaves <paramref name="loop"/>, false when it stays in it, null when unknown. A path that
        /// sets flags on its way (<c>reading = false;</c>, a local <c>bool</c> no lambda can see, set to a constant) is
        /// followed through the conditions that test those flags, so that a loop ended by a flag
        /// (<c>while (reading) { … if (text.EndsWith("\n")) reading = false; }</c>) is seen to be left.
        /// </summary>
        private bool? Leaves(ControlFlowBranch? branch, SyntaxNode loop)
        {
            if (branch is null)
            {
                return null;
            }

            if (branch.Semantics != ControlFlowBranchSemantics.Regular || branch.Destination is null)
            {
                return branch.Semantics is ControlFlowBranchSemantics.Return or ControlFlowBranchSemantics.Throw or ControlFlowBranchSemantics.Rethrow ? true : null;
            }

            var block = branch.Destination;
            Dictionary<ILocalSymbol, bool>? flags = null;
            for (var step = 0; step < 16; step++)
            {
                if (block.Kind == BasicBlockKind.Exit)
                {
                    return true;
                }

                if (block.Operations.Length > 0 && (!Inside(block.Operations[0].Syntax, loop) || !SetsFlags(block.Operations, ref flags)))
                {
                    return !Inside(block.Operations[0].Syntax, loop);
                }

                // Here the block does nothing, or sets flags (and writes no other bool) inside the loop.
                if (block.ConditionalSuccessor is null && block.FallThroughSuccessor?.Semantics is ControlFlowBranchSemantics.Return or ControlFlowBranchSemantics.Throw)
                {
                    // return value; or throw e;: the block's branch value is what it returns or throws, no condition.
                    return true;
                }

                if (block.BranchValue is { } condition)
                {
                    if (block.ConditionalSuccessor is { } conditional && flags is not null && FlagValue(condition, flags) is bool value)
                    {
                        var next = value == (block.ConditionKind == ControlFlowConditionKind.WhenTrue) ? conditional : block.FallThroughSuccessor;
                        if (next is not { Semantics: ControlFlowBranchSemantics.Regular, Destination: { } target })
                        {
                            return null;
                        }

                        block = target;
                        continue;
                    }

                    return !Inside(block.Operations.Length > 0 ? block.Operations[0].Syntax : condition.Syntax, loop);
                }

                if (block.FallThroughSuccessor is not { Semantics: ControlFlowBranchSemantics.Regular, Destination: { } following } || block.ConditionalSuccessor is not null)
                {
                    return block.Operations.Length > 0 ? !Inside(block.Operations[0].Syntax, loop) : null;
                }

                block = following;
            }

            return null;
        }

        private static bool Inside(SyntaxNode syntax, SyntaxNode loop) => syntax.SyntaxTree == loop.SyntaxTree && loop.Span.Contains(syntax.Span);

        /// <summary>
        /// True when the path may be followed through these operations: they set a flag (see <see cref="Leaves"/>) to a
        /// constant, here or earlier on the path, and write no <c>bool</c> local otherwise. Other work (a call, a print)
        /// cannot change a flag: no other function sees it. The values set go into <paramref name="flags"/>.
        /// </summary>
        private bool SetsFlags(ImmutableArray<IOperation> operations, ref Dictionary<ILocalSymbol, bool>? flags)
        {
            foreach (var operation in operations)
            {
                var assignment = operation is IExpressionStatementOperation statement ? statement.Operation : operation;
                if (assignment is ISimpleAssignmentOperation { Target: ILocalReferenceOperation { Local: { Type.SpecialType: SpecialType.System_Boolean } local }, Value: { ConstantValue: { HasValue: true, Value: bool value } } }
                    && !body.Captured.Contains(local))
                {
                    (flags ??= new Dictionary<ILocalSymbol, bool>(SymbolComparer.Instance))[local] = value;
                    continue;
                }

                if (WritesBoolLocal(operation))
                {
                    return false;
                }
            }

            return flags is not null;
        }

        private static bool WritesBoolLocal(IOperation operation)
        {
            foreach (var descendant in operation.DescendantsAndSelf())
            {
                if (descendant is ILocalReferenceOperation { Local.Type.SpecialType: SpecialType.System_Boolean } local && ReadBody.IsWrite(local))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The value of a condition over flags set on the path (<c>reading</c>, <c>!done</c>), or null.</summary>
        private static bool? FlagValue(IOperation condition, Dictionary<ILocalSymbol, bool> flags)
        {
            switch (condition.WalkDownConversions())
            {
                case ILocalReferenceOperation local when flags.TryGetValue(local.Local, out var value):
                    return value;
                case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                    return FlagValue(not.Operand, flags) is bool operand ? !operand : null;
                default:
                    return null;
            }
        }

        /// <summary>
        /// True when <paramref name="operation"/> uses the read's end-of-stream value (the read itself, or a variable or
        /// capture of <see cref="ZeroFact.Zeros"/>: the 0, the empty text); also past a depth it does not look into.
        /// </summary>
        private static bool UsesEndValue(IOperation operation, ZeroFact fact, ReadSite site, int depth)
        {
            if (depth > 32)
            {
                return true;
            }

            switch (operation)
            {
                case ILocalReferenceOperation local:
                    return fact.Zeros.Contains(local.Local);
                case IFlowCaptureReferenceOperation capture:
                    return fact.Zeros.Contains(capture.Id);
                case IInvocationOperation call when call.Syntax == site.Invocation.Syntax:
                    return true;
            }

            foreach (var child in operation.ChildOperations)
            {
                if (UsesEndValue(child, fact, site, depth + 1))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// True when the condition runs only on some turns, decided by a count: inside an <c>if</c>, <c>?:</c> or
        /// <c>switch</c> section over a count, or right of a <c>&amp;&amp;</c>/<c>||</c> whose left side tests one. Such a
        /// condition may be met for the first time once reads return 0, and then nothing says which way it goes.
        /// </summary>
        private bool IsCountDependent(SyntaxNode condition, SyntaxNode loop)
        {
            if (countDependent.TryGetValue(condition, out var known))
            {
                return known;
            }

            var result = false;
            for (var node = condition; node is not null && node != loop && !result; node = node.Parent)
            {
                switch (node.Parent)
                {
                    case IfStatementSyntax ifStatement when node != ifStatement.Condition:
                        result = MentionsCount(ifStatement.Condition);
                        break;
                    case ElseClauseSyntax { Parent: IfStatementSyntax elseOf }:
                        result = MentionsCount(elseOf.Condition);
                        break;
                    case ConditionalExpressionSyntax conditional when node != conditional.Condition:
                        result = MentionsCount(conditional.Condition);
                        break;
                    case BinaryExpressionSyntax binary when node == binary.Right
                        && binary.Kind() is Microsoft.CodeAnalysis.CSharp.SyntaxKind.LogicalAndExpression or Microsoft.CodeAnalysis.CSharp.SyntaxKind.LogicalOrExpression:
                        result = MentionsCount(binary.Left);
                        break;
                    case SwitchSectionSyntax { Parent: SwitchStatementSyntax switchStatement }:
                        result = MentionsCount(switchStatement.Expression);
                        break;
                }
            }

            countDependent[condition] = result;
            return result;
        }

        private bool MentionsCount(SyntaxNode node)
        {
            foreach (var descendant in node.DescendantNodesAndSelf())
            {
                if (descendant is IdentifierNameSyntax name && body.CountNames.Contains(name.Identifier.ValueText))
                {
                    return true;
                }

                if (descendant is InvocationExpressionSyntax && body.SiteAt(descendant) is not null)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The truth of a condition on a path where the read returned 0; null when unknown.</summary>
        private bool? Truth(IOperation operation, ZeroFact fact, ReadSite site)
        {
            operation = operation.WalkDownConversions();
            if (operation.ConstantValue is { HasValue: true, Value: bool constant })
            {
                return constant;
            }

            switch (operation)
            {
                case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                    return !Truth(not.Operand, fact, site);
                case IBinaryOperation binary:
                    switch (binary.OperatorKind)
                    {
                        case BinaryOperatorKind.ConditionalAnd:
                        case BinaryOperatorKind.And when binary.Type?.SpecialType == SpecialType.System_Boolean:
                            {
                                var l = Truth(binary.LeftOperand, fact, site);
                                var r = Truth(binary.RightOperand, fact, site);
                                return l == false || r == false ? false : l == true && r == true ? true : null;
                            }

                        case BinaryOperatorKind.ConditionalOr:
                        case BinaryOperatorKind.Or when binary.Type?.SpecialType == SpecialType.System_Boolean:
                            {
                                var l = Truth(binary.LeftOperand, fact, site);
                                var r = Truth(binary.RightOperand, fact, site);
                                return l == true || r == true ? true : l == false && r == false ? false : null;
                            }

                        default:
                            return IntValue(binary.LeftOperand, fact, site) is long a && IntValue(binary.RightOperand, fact, site) is long b
                                ? Compare(binary.OperatorKind, a, b)
                                : TextTruth(binary, fact, site);
                    }

                case IIsPatternOperation isPattern:
                    return IntValue(isPattern.Value, fact, site) is long v ? Match(isPattern.Pattern, v)
                        : site.IsLine && IsZero(isPattern.Value, fact, site) ? MatchNull(isPattern.Pattern)
                        : null;
                case IIsNullOperation isNull when site.IsLine && IsZero(isNull.Operand, fact, site):
                    // The test the graph makes for ?. and ?? on the null line.
                    return true;
                case IPropertyReferenceOperation property when IsConnected(property, fact):
                    // Connected reflects the last operation; a graceful close does not make it false.
                    return true;
                case IPropertyReferenceOperation { Property.Name: "DataAvailable" } property when NothingWaitsAfterRead(property, fact, site):
                    // do { n = stream.Read(…); … } while (stream.DataAvailable): once the peer has closed, nothing waits.
                    return false;
                default:
                    return TextTruth(operation, fact, site);
            }
        }

        /// <summary>A test of text: of the empty text decoded from 0 bytes, or, for a line read, of the null line.</summary>
        private bool? TextTruth(IOperation operation, ZeroFact fact, ReadSite site)
            => site.IsLine ? NullLineTruth(operation, fact, site) : EmptyTextTruth(operation, fact, site);

        /// <summary>
        /// The truth of a test of the null line (a line read's end of stream), or null: <c>line == null</c>,
        /// <c>line != "quit"</c>, <c>string.IsNullOrEmpty(line)</c>, <c>string.Equals(line, "quit")</c>,
        /// <c>"quit".Equals(line)</c>. A test that calls a method of the line itself never gets here: it throws first
        /// (<see cref="DereferencesNullLine"/>).
        /// </summary>
        private bool? NullLineTruth(IOperation operation, ZeroFact fact, ReadSite site)
        {
            switch (operation)
            {
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } binary:
                    return EqualsNullLine(binary.LeftOperand, binary.RightOperand, fact, site) is bool equal
                        ? equal == (binary.OperatorKind == BinaryOperatorKind.Equals)
                        : null;
                case IInvocationOperation { TargetMethod: { ContainingType.SpecialType: SpecialType.System_String, IsStatic: true, Name: "IsNullOrEmpty" or "IsNullOrWhiteSpace" }, Arguments.Length: 1 } check
                    when IsZero(check.Arguments[0].Value, fact, site):
                    return true;
                case IInvocationOperation { TargetMethod: { ContainingType.SpecialType: SpecialType.System_String, IsStatic: true, Name: "Equals" }, Arguments.Length: 2 or 3 } equals:
                    return EqualsNullLine(equals.Arguments[0].Value, equals.Arguments[1].Value, fact, site);
                case IInvocationOperation { TargetMethod: { ContainingType.SpecialType: SpecialType.System_String, IsStatic: false, Name: "Equals" }, Instance: { } instance, Arguments.Length: 1 or 2 } equals
                    when instance.WalkDownConversions().ConstantValue is { HasValue: true, Value: string } && IsZero(equals.Arguments[0].Value, fact, site):
                    return false;
                default:
                    return null;
            }
        }

        /// <summary>Whether two strings are equal when one is the null line and the other a constant or the null line too; null when unknown.</summary>
        private bool? EqualsNullLine(IOperation left, IOperation right, ZeroFact fact, ReadSite site)
        {
            if (left.Type?.SpecialType is not (SpecialType.System_String or SpecialType.System_Object) || right.Type?.SpecialType is not (SpecialType.System_String or SpecialType.System_Object))
            {
                return null;
            }

            var leftNull = IsZero(left, fact, site);
            var rightNull = IsZero(right, fact, site);
            if (leftNull && rightNull)
            {
                return true;
            }

            var other = leftNull ? right : rightNull ? left : null;
            return other?.WalkDownConversions().ConstantValue is { HasValue: true, Value: string } ? false : null;
        }

        /// <summary>Whether <paramref name="pattern"/> matches <c>null</c>: <c>null</c>, <c>var x</c> and <c>_</c> do; a constant string, a type, <c>{ }</c> do not.</summary>
        private static bool? MatchNull(IPatternOperation pattern)
        {
            switch (pattern)
            {
                case IConstantPatternOperation constant:
                    return constant.Value.WalkDownConversions().ConstantValue is { HasValue: true } value ? value.Value is null : null;
                case INegatedPatternOperation negated:
                    return !MatchNull(negated.Pattern);
                case IBinaryPatternOperation binary:
                    var l = MatchNull(binary.LeftPattern);
                    var r = MatchNull(binary.RightPattern);
                    return binary.OperatorKind == BinaryOperatorKind.Or
                        ? (l == true || r == true ? true : l == false && r == false ? false : null)
                        : (l == false || r == false ? false : l == true && r == true ? true : null);
                case IDeclarationPatternOperation declaration:
                    return declaration.MatchesNull;
                case IDiscardPatternOperation:
                    return true;
                case IRecursivePatternOperation:
                case ITypePatternOperation:
                    return false;
                default:
                    return null;
            }
        }

        /// <summary>
        /// <c>DataAvailable</c> or <c>Available</c> (the catalogue's <see cref="Model.ApiFacts.TellsAvailable"/>) of the read's
        /// own connection, tested by a <c>do … while</c> whose body holds the read: on the 0 path the peer has closed, every
        /// byte it sent has been read, and nothing more can come, so it is false (0). Only after the read in the same turn:
        /// a test before a read (<c>if (stream.DataAvailable) { n = stream.Read(…); }</c>, <c>while (client.Available &gt;
        /// 0) { … }</c>) keeps its own reading, the poll that never reads again (its own message).
        /// </summary>
        private bool NothingWaitsAfterRead(IPropertyReferenceOperation property, ZeroFact fact, ReadSite site)
        {
            if (site.IsLine || site.IsChar || symbols.Catalogue.Facts(property.Property) is not { TellsAvailable: true } || site.ConnectionRoot is null)
            {
                return false;
            }

            var condition = property.Syntax;
            var doLoop = condition.FirstAncestorOrSelf<DoStatementSyntax>();
            if (doLoop is null || !doLoop.Condition.Span.Contains(condition.Span) || !doLoop.Statement.Span.Contains(site.Invocation.Syntax.Span))
            {
                return false;
            }

            return SymbolEqualityComparer.Default.Equals(body.RootOfConnection(property.Instance, symbols), site.ConnectionRoot)
                && !MayBeReplaced(property.Instance, fact);
        }

        /// <summary>
        /// A receiver over a field that a call of this project or a delegate on this 0 path may have replaced (only a
        /// readonly field of a class cannot be): it may be another socket or stream than the one the loop saw.
        /// </summary>
        private bool MayBeReplaced(IOperation? instance, ZeroFact fact)
            => fact.Changed.Contains(FieldsMayChange) && ReadBody.ReceiverRoot(instance) is IFieldSymbol && !ReadBody.IsFixedField(instance, symbols);

        /// <summary>
        /// <c>Connected</c> of a socket or client, when it is still the one the loop tested before: not over a field that a
        /// call of this project or a delegate on this 0 path may have replaced (only a readonly field of a class cannot be).
        /// </summary>
        private bool IsConnected(IPropertyReferenceOperation property, ZeroFact fact)
            => symbols.Framework.IsConnected(property.Property) && !MayBeReplaced(property.Instance, fact);

        private static bool? Compare(BinaryOperatorKind kind, long a, long b) => kind switch
        {
            BinaryOperatorKind.Equals => a == b,
            BinaryOperatorKind.NotEquals => a != b,
            BinaryOperatorKind.LessThan => a < b,
            BinaryOperatorKind.LessThanOrEqual => a <= b,
            BinaryOperatorKind.GreaterThan => a > b,
            BinaryOperatorKind.GreaterThanOrEqual => a >= b,
            _ => null,
        };

        private static bool? Match(IPatternOperation pattern, long value)
        {
            switch (pattern)
            {
                case IConstantPatternOperation constant:
                    return Constant(constant.Value) is long c ? value == c : null;
                case IRelationalPatternOperation relational:
                    return Constant(relational.Value) is long r ? Compare(relational.OperatorKind, value, r) : null;
                case INegatedPatternOperation negated:
                    return !Match(negated.Pattern, value);
                case IBinaryPatternOperation binary:
                    var l = Match(binary.LeftPattern, value);
                    var rr = Match(binary.RightPattern, value);
                    return binary.OperatorKind == BinaryOperatorKind.Or
                        ? (l == true || rr == true ? true : l == false && rr == false ? false : null)
                        : (l == false || rr == false ? false : l == true && rr == true ? true : null);
                default:
                    return null;
            }
        }

        private static long? Constant(IOperation operation)
        {
            var value = operation.WalkDownConversions().ConstantValue;
            if (!value.HasValue)
            {
                return null;
            }

            return value.Value switch
            {
                int i => i,
                long l => l,
                short s => s,
                sbyte sb => sb,
                byte b => b,
                ushort us => us,
                uint ui => ui,
                char ch => ch,
                _ => null,
            };
        }

        /// <summary>The integer value of an operand on a path where the read returned 0, or null when unknown.</summary>
        private long? IntValue(IOperation operation, ZeroFact fact, ReadSite site)
        {
            if (Constant(operation) is long constant)
            {
                return constant;
            }

            if (!site.IsLine && IsZero(operation, fact, site))
            {
                return site.IsChar ? -1 : 0;
            }

            switch (operation.WalkDownConversions())
            {
                case IPropertyReferenceOperation { Property.ContainingType.SpecialType: SpecialType.System_String, Property.Name: "Length", Instance: { } text } when IsEmptyText(text, fact, site):
                    return 0;
                case IPropertyReferenceOperation { Property.Name: "Available" } available when NothingWaitsAfterRead(available, fact, site):
                    // do { … } while (socket.Available > 0): 0 once the peer has closed.
                    return 0;
                case IInvocationOperation { TargetMethod.ContainingType.SpecialType: SpecialType.System_String, TargetMethod.Name: "IndexOf", Instance: { } text } call
                    when IsEmptyText(text, fact, site) && FirstIsNonEmptyText(call):
                    return -1;
                case IBinaryOperation { OperatorMethod: null, Type.SpecialType: SpecialType.System_Int32 or SpecialType.System_Int64 } arithmetic when foldDepth < 16:
                    // (b & 0x80) == 0x80 at the -1 of a byte read is true: -1 has every bit set.
                    foldDepth++;
                    try
                    {
                        return IntValue(arithmetic.LeftOperand, fact, site) is long left && IntValue(arithmetic.RightOperand, fact, site) is long right
                            ? Fold(arithmetic.OperatorKind, left, right, arithmetic.Type?.SpecialType == SpecialType.System_Int32)
                            : null;
                    }
                    finally
                    {
                        foldDepth--;
                    }

                default:
                    return null;
            }
        }

        private int foldDepth;

        /// <summary>The value of an integer operation on two known values, as C# computes it unchecked (in 32 bits for an <c>int</c>); null for others.</summary>
        private static long? Fold(BinaryOperatorKind kind, long left, long right, bool int32)
        {
            long? value = kind switch
            {
                BinaryOperatorKind.And => left & right,
                BinaryOperatorKind.Or => left | right,
                BinaryOperatorKind.ExclusiveOr => left ^ right,
                BinaryOperatorKind.Add => unchecked(left + right),
                BinaryOperatorKind.Subtract => unchecked(left - right),
                BinaryOperatorKind.Multiply => unchecked(left * right),
                BinaryOperatorKind.LeftShift => int32 ? (int)left << (int)(right & 31) : left << (int)(right & 63),
                BinaryOperatorKind.RightShift => int32 ? (int)left >> (int)(right & 31) : left >> (int)(right & 63),
                _ => null,
            };
            return value is long v && int32 ? unchecked((int)v) : value;
        }

        /// <summary>The first argument is a non-empty string constant (<c>"&lt;EOF&gt;"</c>): an empty text does not contain it.</summary>
        private static bool FirstIsNonEmptyText(IInvocationOperation call)
            => call.Arguments.Length > 0 && call.Arguments[0].Value.WalkDownConversions().ConstantValue is { HasValue: true, Value: string { Length: > 0 } };

        /// <summary>The truth of a string test on a text that is empty on this path (decoded from 0 bytes), or null.</summary>
        private bool? EmptyTextTruth(IOperation operation, ZeroFact fact, ReadSite site)
        {
            switch (operation)
            {
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } binary
                    when binary.LeftOperand.Type?.SpecialType == SpecialType.System_String && binary.RightOperand.Type?.SpecialType == SpecialType.System_String:
                    string? other = null;
                    if (IsEmptyText(binary.LeftOperand, fact, site))
                    {
                        other = binary.RightOperand.WalkDownConversions().ConstantValue is { HasValue: true, Value: string r } ? r : null;
                    }
                    else if (IsEmptyText(binary.RightOperand, fact, site))
                    {
                        other = binary.LeftOperand.WalkDownConversions().ConstantValue is { HasValue: true, Value: string l } ? l : null;
                    }

                    return other is null ? null : (other.Length == 0) == (binary.OperatorKind == BinaryOperatorKind.Equals);
                case IInvocationOperation { TargetMethod.ContainingType.SpecialType: SpecialType.System_String, TargetMethod.Name: "IsNullOrEmpty" or "IsNullOrWhiteSpace", TargetMethod.IsStatic: true, Arguments.Length: 1 } check
                    when IsEmptyText(check.Arguments[0].Value, fact, site):
                    return true;
                case IInvocationOperation { TargetMethod.ContainingType.SpecialType: SpecialType.System_String, TargetMethod.Name: "Contains" or "StartsWith" or "EndsWith", Instance: { } text } call
                    when IsEmptyText(text, fact, site) && FirstIsNonEmptyText(call):
                    return false;
                default:
                    return null;
            }
        }

        /// <summary>
        /// True when the value is the 0 the read returned (the read itself, or a variable or capture holding it); for a line
        /// read, the <c>null</c> line it returned (or any <c>null</c>: they are all the same value).
        /// </summary>
        private bool IsZero(IOperation operation, ZeroFact fact, ReadSite site)
        {
            if (site.IsChar && operation.Type?.SpecialType is not (SpecialType.System_Int32 or SpecialType.System_Int64))
            {
                // (char)reader.Read() is U+FFFF at end of stream, not -1: not followed.
                return false;
            }

            var value = ReadBody.UnwrapAwait(operation, symbols.Framework);
            switch (value)
            {
                case ILocalReferenceOperation local:
                    return fact.Zeros.Contains(local.Local);
                case IFlowCaptureReferenceOperation capture:
                    return fact.Zeros.Contains(capture.Id);
                case ISimpleAssignmentOperation assignment:
                    return IsZero(assignment.Value, fact, site);
                case IInvocationOperation call:
                    // A line read's task (ReadLineAsync() not awaited, or its ConfigureAwait's receiver) is no line.
                    // A helper that returns the text of its read gives "" there, not the 0 (IsEmptyDecode).
                    // A helper whose result says nothing of the 0 (HelperResult.Other) gives no 0 either.
                    return call.Syntax == site.Invocation.Syntax && !site.ReturnsEmptyText && !site.ReturnsOther
                        && !(site.IsLine && site.Read.Api.IsAsync && operation.WalkDownConversions() is not IAwaitOperation);
                case IDefaultValueOperation { Type.IsReferenceType: true } when site.IsLine:
                    return true;
                default:
                    return site.IsLine
                        ? value.ConstantValue is { HasValue: true, Value: null } && value.Type is not { IsValueType: true }
                        : site.IsChar ? Constant(value) == -1 : value.ConstantValue is { HasValue: true, Value: 0 };
            }
        }

        /// <summary>
        /// True when the value is the same on every turn once reads return 0: constants, the 0 itself, variables nothing
        /// changes (<see cref="ZeroFact.Changed"/>), lengths of arrays and strings, <c>Connected</c>, string functions of
        /// such values, and the text decoded from 0 bytes. Fields, other properties and calls may change at any time.
        /// </summary>
        private bool IsStable(IOperation operation, ZeroFact fact, ReadSite site, object? exclude)
        {
            if (stableDepth > MaxStableDepth)
            {
                return false;
            }

            stableDepth++;
            try
            {
                return IsStableCore(operation, fact, site, exclude);
            }
            finally
            {
                stableDepth--;
            }
        }

        private bool IsStableCore(IOperation operation, ZeroFact fact, ReadSite site, object? exclude)
        {
            if (operation.Type is { TypeKind: TypeKind.Dynamic })
            {
                // Bound at run time (a count kept in a dynamic local, a dynamic comparison): what it does with the 0 is
                // not known here, so nothing says it had the value of the turn before.
                return false;
            }

            // The 0 is what the count is on every turn once reads return 0. A line read's null is not taken as stable:
            // the line held text on the turn before, so a test of it may decide differently now (Truth knows its tests).
            if (operation.ConstantValue.HasValue || !site.IsLine && IsZero(operation, fact, site))
            {
                return true;
            }

            switch (operation)
            {
                case IConversionOperation conversion:
                    return IsStable(conversion.Operand, fact, site, exclude);
                case IParenthesizedOperation parenthesized:
                    return IsStable(parenthesized.Operand, fact, site, exclude);
                case ILocalReferenceOperation local:
                    return IsUnchanged(local.Local, fact, exclude) && !body.Captured.Contains(local.Local);
                case IParameterReferenceOperation parameter:
                    return IsUnchanged(parameter.Parameter, fact, exclude) && !body.Captured.Contains(parameter.Parameter);
                case IFlowCaptureReferenceOperation capture:
                    return !fact.Changed.Contains(capture.Id);
                case IBinaryOperation binary:
                    return IsStable(binary.LeftOperand, fact, site, exclude) && IsStable(binary.RightOperand, fact, site, exclude);
                case IUnaryOperation unary:
                    return IsStable(unary.Operand, fact, site, exclude);
                case IIsPatternOperation isPattern:
                    return isPattern.Pattern is IConstantPatternOperation or IRelationalPatternOperation && IsStable(isPattern.Value, fact, site, exclude);
                case IPropertyReferenceOperation { Instance: { } instance } length when symbols.Framework.IsLength(length.Property):
                    return IsStable(instance, fact, site, exclude) || instance.Type is IArrayTypeSymbol && IsStableArray(instance, fact, exclude);
                case IPropertyReferenceOperation property when IsConnected(property, fact):
                    return true;
                case IPropertyReferenceOperation { Instance: ILocalReferenceOperation builder, Property.Name: "Length" } builderLength when symbols.Framework.IsStringBuilder(builderLength.Property.ContainingType):
                    // A builder's text is what it was on the turn before while the 0 path leaves the builder as it was (BuilderUse).
                    return IsUnchanged(builder.Local, fact, exclude) && !body.Captured.Contains(builder.Local);
                case IInvocationOperation { Instance: ILocalReferenceOperation builder, TargetMethod: { Name: "ToString", Parameters.Length: 0 } } builderText
                    when symbols.Framework.IsStringBuilder(builderText.TargetMethod.ContainingType):
                    return IsUnchanged(builder.Local, fact, exclude) && !body.Captured.Contains(builder.Local);
                case IObjectCreationOperation creation:
                    return IsEmptyString(creation, fact, site);
                case IInvocationOperation call when call.TargetMethod.ContainingType?.SpecialType == SpecialType.System_String:
                    if (call.Instance is not null && !IsStable(call.Instance, fact, site, exclude))
                    {
                        return false;
                    }

                    foreach (var argument in call.Arguments)
                    {
                        if (!IsStable(argument.Value, fact, site, exclude))
                        {
                            return false;
                        }
                    }

                    return true;
                case IInvocationOperation call:
                    return IsEmptyDecode(call, fact, site);
                default:
                    return false;
            }
        }

        /// <summary>An array variable's length does not change while the variable does not.</summary>
        private static bool IsStableArray(IOperation instance, ZeroFact fact, object? exclude) => instance.WalkDownConversions() switch
        {
            ILocalReferenceOperation local => IsUnchanged(local.Local, fact, exclude),
            IParameterReferenceOperation parameter => IsUnchanged(parameter.Parameter, fact, exclude),
            IFieldReferenceOperation { Field.IsReadOnly: true } => true,
            _ => false,
        };

        private static bool IsUnchanged(object variable, ZeroFact fact, object? exclude)
            => !fact.Changed.Contains(variable) && (exclude is null || !KeyComparer.Instance.Equals(variable, exclude));

        /// <summary><c>Encoding.X.GetString(buf, i, n)</c> / <c>GetChars</c> with a count that is the 0: the empty text.</summary>
        private bool IsEmptyDecode(IInvocationOperation call, ZeroFact fact, ReadSite site)
        {
            if (site.ReturnsEmptyText && call.Syntax == site.Invocation.Syntax)
            {
                // The call of a helper that returns the text its read decoded: "" on the 0 path.
                return true;
            }

            var method = call.TargetMethod;
            if (site.IsLine || site.IsChar || method.Name is not ("GetString" or "GetChars") || method.Parameters.Length != 3 || !KnownSymbols.IsOrDerivesFrom(method.ContainingType, symbols.Framework.Encoding))
            {
                return false;
            }

            foreach (var argument in call.Arguments)
            {
                if (argument.Parameter?.Ordinal == 2)
                {
                    return IsZero(argument.Value, fact, site);
                }
            }

            return false;
        }

        /// <summary>The empty text on this path: <c>""</c>, the text decoded from 0 bytes, or a string variable or capture holding it.</summary>
        private bool IsEmptyText(IOperation operation, ZeroFact fact, ReadSite site)
        {
            if (site.IsLine || site.IsChar)
            {
                // A line read's Zeros hold the null line, a character read's the -1, not the empty text.
                return false;
            }

            // An async helper's text comes from its await (await ReceiveAsync()); its task is no text.
            var value = ReadBody.UnwrapAwait(operation, symbols.Framework);
            return value switch
            {
                ILocalReferenceOperation { Type.SpecialType: SpecialType.System_String } local => fact.Zeros.Contains(local.Local),
                IFlowCaptureReferenceOperation { Type.SpecialType: SpecialType.System_String } capture => fact.Zeros.Contains(capture.Id),
                IInvocationOperation call when !(site.Read.Api.IsAsync && call.Syntax == site.Invocation.Syntax && operation.WalkDownConversions() is not IAwaitOperation) => IsEmptyDecode(call, fact, site),
                IObjectCreationOperation creation => IsEmptyString(creation, fact, site),
                _ => value.ConstantValue is { HasValue: true, Value: "" },
            };
        }

        /// <summary><c>new string(chars, i, n)</c> with a count that is the 0: the empty text (a char buffer's <c>Encoding.GetString(buf, i, 0)</c>).</summary>
        private bool IsEmptyString(IObjectCreationOperation creation, ZeroFact fact, ReadSite site)
            => !site.IsLine && !site.IsChar
                && creation.Type?.SpecialType == SpecialType.System_String
                && creation.Constructor is { Parameters: { Length: 3 } parameters }
                && parameters[0].Type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Char }
                && parameters[2].Type.SpecialType == SpecialType.System_Int32
                && CatalogueIndex.Argument(creation.Arguments, 2) is { } count
                && IsZero(count, fact, site);

        // ---- the transfer function ----

        private void Eval(IOperation? operation, ReadState state)
        {
            if (operation is null || Abandoned || state.Dead || !EnterExpression())
            {
                return;
            }

            try
            {
                EvalCore(operation, state);
            }
            finally
            {
                ExitExpression();
            }
        }

        private void EvalCore(IOperation operation, ReadState state)
        {
            switch (operation)
            {
                case IFlowAnonymousFunctionOperation anonymous:
                    // Its own graph; what it uses is in ReadBody.Captured. A buffer it captures filled starts filled there.
                    if (Reporting)
                    {
                        SeedLambda(anonymous, state);
                    }

                    return;
                case IAnonymousFunctionOperation:
                case ILocalFunctionOperation:
                    // Their own graphs; what they use is in ReadBody.Captured.
                    return;
                case ISimpleAssignmentOperation assignment:
                    Eval(assignment.Value, state);
                    EvalTarget(assignment.Target, state);
                    Assign(AssignedVariable(assignment.Target), assignment.Value, state);
                    return;
                case ICompoundAssignmentOperation compound:
                    Eval(compound.Target, state);
                    Eval(compound.Value, state);
                    CompoundAssign(compound, state);
                    return;
                case IFlowCaptureOperation capture:
                    Eval(capture.Value, state);
                    AssignCapture(capture, state);
                    return;
                case IInvocationOperation invocation:
                    Eval(invocation.Instance, state);
                    if (invocation.Instance is { } target && !invocation.TargetMethod.IsStatic)
                    {
                        DereferencesNullLine(target, state);
                    }

                    foreach (var argument in invocation.Arguments)
                    {
                        Eval(argument, state);
                        if (body.HasLineReads && state.Zero.Count > 0 && RejectsNull(argument))
                        {
                            // Encoding.ASCII.GetBytes(line), int.Parse(line): ArgumentNullException ends the null line's path.
                            DereferencesNullLine(argument.Value, state);
                        }
                    }

                    Invoke(invocation, state);
                    return;
                case IPropertyReferenceOperation { Instance: { } owner } property:
                    Eval(owner, state);
                    DereferencesNullLine(owner, state);
                    foreach (var argument in property.Arguments)
                    {
                        Eval(argument, state);
                    }

                    return;
                case ILocalReferenceOperation local:
                    UseLocal(local, state);
                    UseVariable(local, local.Local, state);
                    return;
                case IParameterReferenceOperation parameter:
                    UseVariable(parameter, parameter.Parameter, state);
                    return;
                case IFieldReferenceOperation field:
                    Eval(field.Instance, state);
                    UseVariable(field, field.Field, state);
                    return;
                case IAwaitOperation awaited when state.HasAvailable || state.HasExact:
                    // Other code may run meanwhile and read the connection.
                    Eval(awaited.Operation, state);
                    if (state.HasAvailable)
                    {
                        state.Available.Clear();
                    }

                    if (state.HasExact)
                    {
                        state.Exact.Clear();
                    }

                    return;
                case IReturnOperation { Kind: OperationKind.YieldReturn } yieldReturn:
                    Eval(yieldReturn.ReturnedValue, state);
                    if (state.Zero.Count > 0)
                    {
                        // Each chunk goes to the caller, who decides whether to ask for the next one.
                        scratch.Clear();
                        scratch.AddRange(state.Zero.Keys);
                        foreach (var read in scratch)
                        {
                            Escape(read, state);
                        }
                    }

                    return;
                default:
                    foreach (var child in operation.ChildOperations)
                    {
                        Eval(child, state);
                    }

                    return;
            }
        }

        /// <summary>
        /// A member of the null line called or read (<c>line.Trim()</c>, <c>line.Length</c>, <c>line.Split(' ')</c>): it
        /// throws a <c>NullReferenceException</c>, so the path on which the line read returned null ends here. It neither
        /// comes back to the read nor gets out of the loop (a <c>catch</c> that continues the loop is not followed: the
        /// state an exception carries has no end-of-stream facts).
        /// </summary>
        private void DereferencesNullLine(IOperation instance, ReadState state)
        {
            if (!body.HasLineReads || state.Zero.Count == 0 || instance.Type?.IsValueType == true)
            {
                return;
            }

            scratch.Clear();
            foreach (var pair in state.Zero)
            {
                var site = body.Sites[pair.Key];
                if (site.IsLine && IsZero(instance, pair.Value, site))
                {
                    scratch.Add(pair.Key);
                }
            }

            foreach (var read in scratch)
            {
                state.Zero.Remove(read);
            }
        }

        /// <summary>
        /// True when <paramref name="argument"/> goes to a parameter of a compiled library (the framework, a package) that its
        /// nullable annotations say does not take null (<c>Encoding.GetBytes(string s)</c>, <c>int.Parse(string s)</c>): such
        /// a method throws <c>ArgumentNullException</c> for it. Not a parameter annotated as nullable (<c>TextWriter.WriteLine(string?)</c>,
        /// <c>Convert.ToInt32(string?)</c>, which accept null), nor one of a type parameter (<c>List&lt;T&gt;.Add(T)</c>), nor
        /// one of the code being analysed, whose annotations promise nothing at run time.
        /// </summary>
        private static bool RejectsNull(IArgumentOperation argument)
        {
            if (argument.ArgumentKind != ArgumentKind.Explicit || argument.Parameter is not { } parameter
                || parameter.ContainingSymbol is not IMethodSymbol method || !method.DeclaringSyntaxReferences.IsEmpty)
            {
                return false;
            }

            var declared = parameter.OriginalDefinition;
            return declared.RefKind == RefKind.None
                && declared.NullableAnnotation == NullableAnnotation.NotAnnotated
                && declared.Type is { IsReferenceType: true, TypeKind: not TypeKind.TypeParameter }
                && !HasAttribute(declared, "AllowNullAttribute");
        }

        private static bool HasAttribute(IParameterSymbol parameter, string name)
        {
            foreach (var attribute in parameter.GetAttributes())
            {
                if (attribute.AttributeClass?.Name == name)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The parts of an assignment's target that are evaluated (an array element's array and index), not the variable itself.</summary>
        private void EvalTarget(IOperation target, ReadState state)
        {
            switch (target)
            {
                case ILocalReferenceOperation:
                case IParameterReferenceOperation:
                case IFlowCaptureReferenceOperation:
                    return;
                case IFieldReferenceOperation field:
                    Eval(field.Instance, state);
                    return;
                default:
                    Eval(target, state);
                    return;
            }
        }

        private static object? KeyOf(IOperation target) => target switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            _ => null,
        };

        private void Assign(IOperation target, IOperation value, ReadState state)
        {
            var key = KeyOf(target);
            var sized = body.GuardsAvailable ? AvailableSizeOf(value, state) : null;
            if (key is null)
            {
                if (target is IFieldReferenceOperation field)
                {
                    KillBuffer(field.Field, state);
                    if (field.Instance is null or IInstanceReferenceOperation)
                    {
                        // SOCK011: the field a read's socket or stream comes from takes a new one (stream =
                        // listener.AcceptTcpClient().GetStream()): the next turn reads another connection.
                        Replaced(field.Field, state);
                    }
                }
                else if (target is IPropertyReferenceOperation { Arguments.Length: 0, Instance: null or IInstanceReferenceOperation } property
                    && NetworkFields.GetterField(property.Property, CancellationToken) is { } backing)
                {
                    // Stream = listener.AcceptTcpClient().GetStream(); of an auto-property (or a property over a field): the
                    // field the reads' ReceiverRoot names takes a new stream.
                    Replaced(backing, state);
                }

                WrittenElsewhere(target, state);
                if (sized is not null && target is IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } sizedField)
                {
                    state.Exact[sizedField.Field] = sized;
                }

                return;
            }

            // Shape facts of the variable: the Available it holds, the count it holds, a fresh array in it.
            var freshArray = freshCandidates.Contains((ISymbol)key) && value.WalkDownConversions() is IArrayCreationOperation { Initializer: null, DimensionSizes.Length: 1 };
            Written((ISymbol)key, state);
            if (state.Pending.Count > 0 && key is ILocalSymbol replacedBuffer)
            {
                BufferReplaced(replacedBuffer, state);
            }
            if (sized is not null && !body.CapturedWritten.Contains((ISymbol)key))
            {
                state.Exact[(ISymbol)key] = sized;
            }

            if (freshArray)
            {
                state.Fresh.Add((ISymbol)key);
            }

            // SOCK011: what the 0 paths know about the variable.
            foreach (var pair in state.Zero)
            {
                var site = body.Sites[pair.Key];
                var fact = pair.Value;
                var identity = IsIdentityUpdate(key, value, fact, site);

                // s = s + line keeps a text, but turns a null s into "": the null line is not kept by it.
                if (IsZero(value, fact, site) || IsEmptyText(value, fact, site) || identity && !site.IsLine && fact.Zeros.Contains(key))
                {
                    fact.AddZero(key);
                }
                else
                {
                    fact.RemoveZero(key);
                }

                // Anything but a no-op changes the variable: even a value that is the same on every turn from now on
                // (stop = true, text = "") differs from the one the loop's conditions saw on the turn before. What is
                // known about such a value (the 0, the empty text) is in Zeros.
                if (!identity)
                {
                    // Decided before the change: message = "user: " + message reads the message it replaces.
                    var renewed = ComputedWithoutZeroPath(value, fact, site);
                    fact.AddChanged(key);
                    if (renewed)
                    {
                        fact.AddRenewed(key);
                    }
                }
            }

            // SOCK010: reaching definitions of counts.
            if (key is ILocalSymbol local)
            {
                if (ReadBody.UnwrapAwait(value, symbols.Framework) is IInvocationOperation call && body.SiteAt(call.Syntax) is { Form: CountForm.Stored } site
                    && SymbolEqualityComparer.Default.Equals(site.StoredLocal, local))
                {
                    state.SetDefs(local, new HashSet<int> { site.Index });
                }
                else
                {
                    state.RemoveDefs(local);
                }
            }

            // SOCK012: a new array in the buffer variable holds none of the read's bytes.
            KillBuffer((ISymbol)key, state);

            // SOCK011: the read's socket or stream replaced: the next turn reads another connection.
            Replaced((ISymbol)key, state);
        }

        /// <summary>
        /// <c>x = x + n</c>, <c>x = x - n</c> with the 0, or <c>s = s + ""</c>: the variable keeps its value. For a line read,
        /// <c>s = s + line</c> with the null line (a string concatenation adds nothing for null).
        /// </summary>
        private bool IsIdentityUpdate(object key, IOperation value, ZeroFact fact, ReadSite site)
            => value.WalkDownConversions() is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Subtract } sum
                && !site.IsChar && KeyOf(sum.LeftOperand.WalkDownConversions()) is { } left && KeyComparer.Instance.Equals(left, key)
                && (site.IsLine
                    ? sum.OperatorKind == BinaryOperatorKind.Add && IsText(sum) && IsText(sum.LeftOperand.WalkDownConversions()) && IsZero(sum.RightOperand, fact, site)
                    : IsZero(sum.RightOperand, fact, site) || sum.OperatorKind == BinaryOperatorKind.Add && IsEmptyText(sum.RightOperand, fact, site));

        private static bool IsText(IOperation operation) => operation.Type?.SpecialType == SpecialType.System_String;

        private void CompoundAssign(ICompoundAssignmentOperation compound, ReadState state)
        {
            var key = KeyOf(AssignedVariable(compound.Target));
            if (key is null)
            {
                WrittenElsewhere(compound.Target, state);
                return;
            }

            Written((ISymbol)key, state);

            foreach (var pair in state.Zero)
            {
                var site = body.Sites[pair.Key];
                var fact = pair.Value;
                var noop = !site.IsChar && (site.IsLine
                    ? compound.OperatorKind == BinaryOperatorKind.Add && IsText(compound.Target) && IsZero(compound.Value, fact, site)
                    : compound.OperatorKind is BinaryOperatorKind.Add or BinaryOperatorKind.Subtract && IsZero(compound.Value, fact, site)
                        || compound.OperatorKind == BinaryOperatorKind.Add && IsEmptyText(compound.Value, fact, site));
                if (!noop)
                {
                    fact.RemoveZero(key);
                    fact.AddChanged(key);
                }
                else if (site.IsLine)
                {
                    // s += line keeps a text, and turns a null s into "".
                    fact.RemoveZero(key);
                }
            }

            if (key is ILocalSymbol local)
            {
                state.RemoveDefs(local);
            }
        }

        private void AssignCapture(IFlowCaptureOperation capture, ReadState state)
        {
            foreach (var pair in state.Zero)
            {
                var site = body.Sites[pair.Key];
                var fact = pair.Value;
                if (IsZero(capture.Value, fact, site) || IsEmptyText(capture.Value, fact, site))
                {
                    fact.AddZero(capture.Id);
                }
                else
                {
                    fact.RemoveZero(capture.Id);
                }

                if (IsStable(capture.Value, fact, site, null) && !IsCapturedOnSeveralBranches(capture.Id))
                {
                    fact.RemoveChanged(capture.Id);
                }
                else
                {
                    var renewed = ComputedWithoutZeroPath(capture.Value, fact, site);
                    fact.AddChanged(capture.Id);
                    if (renewed)
                    {
                        fact.AddRenewed(capture.Id);
                    }
                }
            }
        }

        /// <summary>
        /// True when the graph defines the capture in more than one place (the two arms of <c>?:</c>, <c>??</c>,
        /// <c>?.</c>): a stable value on this path's arm says nothing of the turn before, which may have taken the other
        /// arm (<c>(line ?? "") == ""</c> held the line then). Counted once per graph, on first use, over the blocks'
        /// top-level operations (where the graph puts its captures).
        /// </summary>
        private bool IsCapturedOnSeveralBranches(CaptureId id)
        {
            if (multiplyCaptured is null)
            {
                multiplyCaptured = new HashSet<CaptureId>();
                var once = new HashSet<CaptureId>();
                foreach (var block in Graph.Blocks)
                {
                    foreach (var operation in block.Operations)
                    {
                        if (operation is IFlowCaptureOperation defined && !once.Add(defined.Id))
                        {
                            multiplyCaptured.Add(defined.Id);
                        }
                    }
                }
            }

            return multiplyCaptured.Contains(id);
        }

        /// <summary>A local read: SOCK010's reaching definitions are used, and a buffer is looked at.</summary>
        private void UseLocal(ILocalReferenceOperation reference, ReadState state)
        {
            var local = reference.Local;
            if (state.Defs.TryGetValue(local, out var defs))
            {
                if (Reporting)
                {
                    var meaningful = (bool?)null;
                    foreach (var read in defs)
                    {
                        countUsed[read] = true;
                        if (body.Sites[read].WholeBufferIfCountUnused
                            && (!countUsedMeaningfully[read] || reference.Syntax.SpanStart < firstMeaningfulUse[read]))
                        {
                            meaningful ??= body.IsMeaningfulCountUse(reference, symbols.Reads);
                            if (meaningful.Value)
                            {
                                countUsedMeaningfully[read] = true;
                                firstMeaningfulUse[read] = reference.Syntax.SpanStart;
                            }
                        }
                    }
                }

                if (ReadBody.IsWrite(reference) || reference.Parent is ICompoundAssignmentOperation)
                {
                    state.RemoveDefs(local);
                }
            }

            if (ReadBody.IsWrite(reference) && reference.Parent is not ICompoundAssignmentOperation)
            {
                foreach (var pair in state.Zero)
                {
                    pair.Value.RemoveZero(local);
                    pair.Value.AddChanged(local);
                    pair.Value.RemoveHolding(local);
                }

                Replaced(local, state);
                Written(local, state);
            }
            else if (state.HasFresh && state.Fresh.Contains(local) && !KeepsFresh(reference))
            {
                // Handed somewhere, an element written, an alias taken: its bytes may no longer be zeros.
                state.Fresh.Remove(local);
            }
            else if (state.Zero.Count > 0 && symbols.Framework.IsStringBuilder(local.Type))
            {
                BuilderUse(reference, state);
            }
            else if (state.Zero.Count > 0 && local.Type is INamedTypeSymbol { TypeKind: TypeKind.Class } objectType && !objectType.DeclaringSyntaxReferences.IsEmpty)
            {
                ProjectObjectUse(reference, state);
            }

            if (state.Pending.Count > 0)
            {
                // The buffer handed to a read that fills it from its start is overwritten, not looked at: a datagram read
                // pending on it is answered without its count mattering (the next datagram replaces its bytes).
                var refilled = FillsFromStart(reference);

                // Its length is no look at its bytes: buf.Length is the same whatever the read returned (the next turn's
                // Read(buf, 0, buf.Length) of a drain loop that makes a new array each turn).
                var lengthOnly = reference.WalkUpConversions(out _) is IPropertyReferenceOperation length && symbols.Framework.IsLength(length.Property);
                scratch.Clear();
                List<int>? overwritten = null;
                foreach (var read in state.Pending)
                {
                    var site = body.Sites[read];
                    if (SymbolEqualityComparer.Default.Equals(site.BufferVariable, local))
                    {
                        if (refilled && site.OneDatagram)
                        {
                            (overwritten ??= new List<int>()).Add(read);
                        }
                        else if (!refilled && !lengthOnly)
                        {
                            scratch.Add(read);
                        }

                        // A stream read refilling the buffer from its start overwrites it too; whether the pending read's
                        // count matters is that read's question (FollowPendingOf: another read of its connection).
                    }
                }

                Follow(state);
                DropDatagramReads(overwritten, state);
            }
        }

        /// <summary>
        /// A <c>StringBuilder</c> local used on a 0 path: its text stays what it was (so <c>sb.ToString()</c> and
        /// <c>sb.Length</c> are stable, <see cref="IsStable"/>) only through uses that read it (<c>ToString()</c>, <c>Length</c>)
        /// and appends of nothing whose result is dropped: <c>sb.Append(chars, i, n)</c> or <c>sb.Append(s, i, n)</c> with the
        /// 0, <c>sb.Append(text)</c> of the empty text (or, for a line read, of the <c>null</c> line). Any other use (another
        /// method, handing it on, an alias) may change its text: the builder counts as changed on that 0 path.
        /// </summary>
        private void BuilderUse(ILocalReferenceOperation reference, ReadState state)
        {
            switch (reference.Parent)
            {
                case IInvocationOperation { TargetMethod: { Name: "ToString", Parameters.Length: 0 } } text when text.Instance == reference:
                    return;
                case IPropertyReferenceOperation { Property.Name: "Length" } length when length.Instance == reference
                    && !(length.Parent is IAssignmentOperation assignment && assignment.Target == length):
                    return;
                case IInvocationOperation { TargetMethod.Name: "Append" } append when append.Instance == reference && append.Parent is IExpressionStatementOperation:
                    foreach (var pair in state.Zero)
                    {
                        if (!AppendsNothing(append, pair.Value, body.Sites[pair.Key]))
                        {
                            pair.Value.AddChanged(reference.Local);
                        }
                    }

                    return;
            }

            foreach (var pair in state.Zero)
            {
                pair.Value.AddChanged(reference.Local);
            }
        }

        /// <summary><c>Append(char[], int, int)</c> or <c>Append(string, int, int)</c> of a count that is the 0, or <c>Append(string)</c> of the empty text or the null line.</summary>
        private bool AppendsNothing(IInvocationOperation append, ZeroFact fact, ReadSite site)
        {
            var parameters = append.TargetMethod.Parameters;
            if (parameters.Length == 3 && parameters[0].Type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Char } or { SpecialType: SpecialType.System_String }
                && parameters[2].Type.SpecialType == SpecialType.System_Int32)
            {
                return !site.IsLine && CatalogueIndex.Argument(append, 2) is { } count && IsZero(count, fact, site);
            }

            if (parameters.Length == 1 && parameters[0].Type.SpecialType == SpecialType.System_String && CatalogueIndex.Argument(append, 0) is { } text)
            {
                return site.IsLine ? IsZero(text, fact, site) : IsEmptyText(text, fact, site);
            }

            return false;
        }

        /// <summary>
        /// The buffer local <paramref name="local"/> now holds another array: a datagram read pending on the old one can no
        /// longer be looked at through it, and its next read does not depend on its count, so it is answered without
        /// mattering. A stream read still waits for another read of its connection.
        /// </summary>
        private void BufferReplaced(ILocalSymbol local, ReadState state)
        {
            List<int>? replaced = null;
            foreach (var read in state.Pending)
            {
                var site = body.Sites[read];
                if (site.OneDatagram && site.BufferReach == BufferReach.Tracked && SymbolEqualityComparer.Default.Equals(site.BufferVariable, local))
                {
                    (replaced ??= new List<int>()).Add(read);
                }
            }

            DropDatagramReads(replaced, state);
        }

        private static void DropDatagramReads(List<int>? reads, ReadState state)
        {
            if (reads is not null)
            {
                foreach (var read in reads)
                {
                    state.RemovePending(read);
                }
            }
        }

        /// <summary>The reference is the buffer argument of a read of this body that fills it from its start (no offset, or 0).</summary>
        private bool FillsFromStart(ILocalReferenceOperation reference)
        {
            IOperation argument = reference;
            while (argument.Parent is IConversionOperation conversion)
            {
                argument = conversion;
            }

            // The site was read from the operation tree and the flow walks the graph's copies: they share their syntax.
            return argument.Parent is IArgumentOperation { Parent: IInvocationOperation invocation }
                && body.SiteAt(invocation.Syntax) is { } site
                && site.Read.Buffer?.WalkDownConversions().Syntax == reference.Syntax
                && (site.Read.Offset is null || site.Read.Offset.ConstantValue is { HasValue: true, Value: 0 });
        }

        /// <summary>The reads in <see cref="scratch"/> are answered on this path: their count mattered.</summary>
        /// <summary>
        /// SOCK010: another read of the same socket or stream (<paramref name="site"/>): the position of every pending read
        /// of it now matters. Not that of a datagram read: the next read takes the next datagram whatever this one's length was.
        /// Nor that of the same read on the next turn of a loop when its buffer is a fresh array or a local of the body
        /// (<c>while (s.Available &gt; 0) s.Receive(new byte[s.Available]);</c>): a drain that goes on draining still looks at
        /// none of its bytes; a read after the loop makes it matter. A buffer the caller may look at still counts.
        /// </summary>
        private void FollowPendingOf(ReadSite site, ReadState state)
        {
            if (state.Pending.Count == 0)
            {
                return;
            }

            scratch.Clear();
            foreach (var read in state.Pending)
            {
                if (read == site.Index && body.Sites[read].BufferReach != BufferReach.Escapes)
                {
                    // Its buffer is a fresh array or a local the turn did not look at: a drain that goes on draining.
                    continue;
                }

                var pending = body.Sites[read];
                var root = pending.ConnectionRoot;
                if (!pending.OneDatagram && (root is null || SymbolEqualityComparer.Default.Equals(root, site.ConnectionRoot)))
                {
                    scratch.Add(read);
                }
            }

            Follow(state);
        }

        private void Follow(ReadState state)
        {
            foreach (var read in scratch)
            {
                if (Reporting)
                {
                    followed[read] = true;
                }

                state.RemovePending(read);
            }
        }

        /// <summary>Writes of a parameter and reads of a buffer variable (SOCK012).</summary>
        private void UseVariable(IOperation reference, ISymbol variable, ReadState state)
        {
            if (reference is not ILocalReferenceOperation && ReadBody.IsWrite(reference) && reference.Parent is not ICompoundAssignmentOperation)
            {
                foreach (var pair in state.Zero)
                {
                    pair.Value.RemoveZero(variable);
                    pair.Value.AddChanged(variable);
                }

                Replaced(variable, state);
                Written(variable, state);
            }

            if (state.Filled.Count == 0 || !state.Filled.TryGetValue(variable, out var read))
            {
                return;
            }

            switch (Classify(reference, variable, out var consuming))
            {
                case Use.Whole:
                    if (Reporting && consuming is not null && !IsExactText(consuming, variable, read, state) && reportedConsumers.Add(consuming.Syntax))
                    {
                        if (body.Sites[read].WholeBufferIfCountUnused)
                        {
                            // Decided once the replay knows whether this read's count is used after it.
                            (wholeIfCountUnused ??= new()).Add((consuming, variable, read));
                        }
                        else
                        {
                            ReportWholeBuffer(consuming, variable, body.Sites[read]);
                        }
                    }

                    break;
                case Use.Barrier:
                    KillBuffer(variable, state);
                    break;
                case Use.Decoded:
                    if (Reporting && consuming is not null && RequestsRange(body.Sites[read], variable, decodedStart + decodedWidth))
                    {
                        if (body.Sites[read].WholeBufferIfCountUnused)
                        {
                            // Decided once the replay knows whether this read's count is used after it (the first decode met).
                            if (deferredDecodes is null || !deferredDecodes.Exists(d => d.Read == read))
                            {
                                (deferredDecodes ??= new()).Add((consuming, variable, read, decodedStart, decodedWidth));
                            }
                        }
                        else if (reportedDecodes.Add(read))
                        {
                            ReportDecoded(consuming, variable, body.Sites[read], decodedStart, decodedWidth);
                        }
                    }

                    break;
            }
        }

        /// <summary>
        /// The read asked for at least the first <paramref name="end"/> bytes of the buffer: no size (the whole buffer),
        /// <c>buf.Length</c>, or a constant that large; and it is no read that waits for a minimum (<c>ReadAtLeast</c>).
        /// Only then do bytes a decoder takes past the count stand for bytes that did not arrive. Not for a datagram read
        /// (<c>ReceiveFrom</c>): a datagram arrives whole, and one shorter than the number is a malformed message to drop,
        /// not bytes to wait for; nor for a <c>Receive</c> of a socket that is or may be a datagram socket
        /// (<see cref="ReadSite.OneDatagram"/>, the test SOCK010 and SOCK011 use).
        /// </summary>
        private bool RequestsRange(ReadSite site, ISymbol buffer, int end)
        {
            if (site.Read.Api.IsAtLeast || site.OneDatagram)
            {
                return false;
            }

            var size = site.Read.Count?.WalkDownConversions();
            return size is null
                || IsLengthOf(size, buffer)
                || (size.ConstantValue is { HasValue: true, Value: int constant } && constant >= end);
        }

        /// <summary>
        /// SOCK012 across a lambda (<c>Parallel.ForEach(clients, c =&gt; c.GetStream().Write(buffer, 0, buffer.Length))</c>
        /// right after a read into <c>buffer</c>): the filled buffers the lambda captures start filled in its own analysis.
        /// Only a local the body assigns once and no lambda writes, so the lambda sees the array the read filled whenever
        /// it runs. Where the lambda is reached on several paths, a buffer counts only if every path filled it by the
        /// same read.
        /// </summary>
        private void SeedLambda(IFlowAnonymousFunctionOperation anonymous, ReadState state)
        {
            Dictionary<ISymbol, int>? captured = null;
            foreach (var pair in state.Filled)
            {
                if (pair.Key is ILocalSymbol local && body.Captured.Contains(local) && !body.CapturedWritten.Contains(local) && body.IsAssignedOnce(local))
                {
                    (captured ??= new Dictionary<ISymbol, int>(SymbolComparer.Instance))[local] = pair.Value;
                }
            }

            lambdaSeeds ??= new Dictionary<IFlowAnonymousFunctionOperation, Dictionary<ISymbol, int>?>();
            if (!lambdaSeeds.TryGetValue(anonymous, out var known))
            {
                // Even an empty (null) entry counts: a later visit (a finally's other entry) may not add what this one lacked.
                lambdaSeeds[anonymous] = captured;
                return;
            }

            if (known is null)
            {
                return;
            }

            scratchSymbols.Clear();
            foreach (var pair in known)
            {
                if (captured is null || !captured.TryGetValue(pair.Key, out var read) || read != pair.Value)
                {
                    scratchSymbols.Add(pair.Key);
                }
            }

            foreach (var buffer in scratchSymbols)
            {
                known.Remove(buffer);
            }
        }

        private static void KillBuffer(ISymbol variable, ReadState state)
        {
            state.RemoveFilled(variable);
            if (state.HasFreshFilled)
            {
                state.FreshFilled.Remove(variable);
            }
        }

        /// <summary>The variable a read's socket or stream comes from was replaced: that read's 0 path got out.</summary>
        private void Replaced(ISymbol variable, ReadState state)
        {
            if (state.Zero.Count == 0)
            {
                return;
            }

            scratch.Clear();
            foreach (var pair in state.Zero)
            {
                if (SymbolEqualityComparer.Default.Equals(body.Sites[pair.Key].ReceiverRoot, variable))
                {
                    scratch.Add(pair.Key);
                }
            }

            foreach (var read in scratch)
            {
                Escape(read, state);
            }
        }

        private void Invoke(IInvocationOperation invocation, ReadState state)
        {
            var site = body.SiteAt(invocation.Syntax);
            if (site is null)
            {
                OtherCall(invocation, state);
                return;
            }

            if (Reporting)
            {
                seen[site.Index] = true;
            }

            if (Reporting && !(state.HasAvailable && site.ConnectionRoot is { } polled && state.Available.ContainsKey(polled)
                && !site.IsLine && !site.IsChar && (site.Helper is not null || IsPlainStreamRead(site) || IsBinaryByteRead(site))))
            {
                notPolled[site.Index] = true;
            }

            if (site.Helper is not null)
            {
                InvokeHelper(invocation, site, state);
                return;
            }

            var guarded = state.HasAvailable && TakeAvailable(site, state);
            var exact = false;
            var exactWhole = false;
            if (state.HasCounts)
            {
                // The count a local held of an earlier visit of this read is not this visit's.
                ForgetCountsOf(site.Index, state);
            }

            if (state.HasExact)
            {
                exact = !guarded && TakeExact(site, state, out exactWhole);

                // Any read may take bytes of the connection another local counted.
                state.Exact.Clear();
            }

            if (Reporting && !guarded && !exact)
            {
                unguarded[site.Index] = true;
            }

            guarded |= exactWhole;

            FollowPendingOf(site, state);

            if (site.Form != CountForm.Used && !site.Read.IsZeroLength && !site.IsLine && !site.IsChar)
            {
                // A line or character read has no count to lose (SOCK010 is about counts).
                state.AddPending(site.Index);
            }

            // SOCK011: this read's 0 path starts (again) here.
            RestartZero(site, state);

            // SOCK012: the buffer now holds this read's bytes, up to its count.
            if (site.Read.Buffer is not null && ReadBody.RootOfView(site.Read.Buffer, symbols.Framework) is var root2 && ReadBody.VariableOf(root2) is { } filled)
            {
                var fresh = state.HasFresh && state.Fresh.Remove(filled);
                KillBuffer(filled, state);
                if (!guarded && site.WholeBuffer is not null && SymbolEqualityComparer.Default.Equals(site.WholeBuffer, filled))
                {
                    state.SetFilled(filled, site.Index);
                    if (fresh)
                    {
                        state.FreshFilled.Add(filled);
                    }
                }
            }

            CallEffects(invocation, state);
        }

        /// <summary>SOCK011: the read's 0 path starts (again) here; reaching it again with the fact is the loop coming back to it.</summary>
        private ZeroFact? RestartZero(ReadSite site, ReadState state)
        {
            if (site.Loops.Count == 0)
            {
                return null;
            }

            if (state.Zero.TryGetValue(site.Index, out var previous))
            {
                if (Reporting && !previous.Wrote)
                {
                    reachedAgain[site.Index] = true;
                    spinsAgain[site.Index] |= !previous.Blocked;
                }

                previous.ClearZeros();
                previous.Blocked = false;
                previous.Wrote = false;
                previous.ClearHolding();
                return previous;
            }

            var fact = new ZeroFact(new HashSet<object>(KeyComparer.Instance), new HashSet<object>(KeyComparer.Instance));
            state.Zero[site.Index] = fact;
            return fact;
        }

        /// <summary>
        /// The call of a helper that returns what its read got (<see cref="ReadSite.Helper"/>): SOCK011 only. It reads its
        /// connection (pending reads of it matter now) and runs the project's code (what guards counted is gone, a callback
        /// chain's connection may close, fields may change), and its 0 path starts here.
        /// </summary>
        private void InvokeHelper(IInvocationOperation invocation, ReadSite site, ReadState state)
        {
            if (state.Zero.Count > 0 && body.HasCallbackChains)
            {
                MayCloseChain(invocation, state);
            }

            if (state.HasAvailable)
            {
                state.Available.Clear();
            }

            if (state.HasExact)
            {
                state.Exact.Clear();
            }

            FollowPendingOf(site, state);

            if (RestartZero(site, state) is { } fact && site.Helper!.WritesFields)
            {
                // The helper kept something of its 0 path in a field.
                fact.AddChanged(FieldsMayChange);
            }

            CallEffects(invocation, state);
        }

        /// <summary>
        /// <c>Close()</c>, <c>Dispose()</c> (a <c>using</c> included), <c>DisposeAsync()</c> or <c>Disconnect(…)</c> on an
        /// instance: of a socket, client, stream or reader, what the rule reads next throws. On a type of the project the
        /// name is taken at its word: a path that closes the connection, whatever class wraps it, is not a spin.
        /// </summary>
        private static bool ClosesReceiver(IInvocationOperation invocation)
            => invocation.Instance is not null
                && invocation.TargetMethod is { IsStatic: false, Name: "Close" or "Dispose" or "DisposeAsync" or "Disconnect" or "DisconnectAsync" };

        private void OtherCall(IInvocationOperation invocation, ReadState state)
        {
            if (state.Zero.Count > 0 && body.HasCallbackChains)
            {
                Rearms(invocation, state);
                MayCloseChain(invocation, state);
            }

            if (state.HasAvailable)
            {
                ForgetAvailable(invocation, state);
            }

            if (state.HasExact)
            {
                ForgetExact(invocation, state);
            }

            if (state.Pending.Count > 0)
            {
                // The connection handed to another method (ReceiveExactly(socket, …)): it may read it next.
                scratch.Clear();
                foreach (var argument in invocation.Arguments)
                {
                    if (ReadBody.VariableOf(argument.Value) is { } variable)
                    {
                        foreach (var read in state.Pending)
                        {
                            var site = body.Sites[read];
                            if (SymbolEqualityComparer.Default.Equals(site.ConnectionRoot, variable) || SymbolEqualityComparer.Default.Equals(site.ReceiverRoot, variable))
                            {
                                scratch.Add(read);
                            }
                        }
                    }
                }

                Follow(state);
            }

            // SOCK011: the connection a read uses closed on the way back to it: that read throws ObjectDisposedException
            // next time instead of returning 0, so its 0 path ends here.
            if (state.Zero.Count > 0 && ClosesReceiver(invocation) && body.RootOf(invocation.Instance, symbols.Reads) is { } closed)
            {
                Replaced(closed, state);
            }

            if (state.Zero.Count > 0 && body.HasCallbackChains && ClosesReceiver(invocation))
            {
                ClosesChainPath(invocation.Instance!, state);
            }

            CallEffects(invocation, state);
            if (symbols.PathEnds.EndsPath(invocation.TargetMethod))
            {
                state.Dead = true;
            }

            if (state.Zero.Count > 0 && (WaitsForOtherInput(invocation) || symbols.Framework.IsPause(invocation)))
            {
                foreach (var pair in state.Zero)
                {
                    pair.Value.Blocked = true;
                }
            }

            if (state.Zero.Count > 0)
            {
                WritesToConnection(invocation, state);
            }
        }

        /// <summary>
        /// <c>state.socket.Close()</c> (or a close of anything reached from the state object) on the 0 path of a chain whose
        /// connection is a field of that object (<see cref="ReadSite.ChainPath"/>): the next receive would throw.
        /// </summary>
        private void ClosesChainPath(IOperation instance, ReadState state)
        {
            var closed = ConnectionPath.Of(instance);
            scratch.Clear();
            foreach (var pair in state.Zero)
            {
                var site = body.Sites[pair.Key];
                // A close of something the path does not follow (a flow capture: a foreach's enumerator) counts only when
                // the state object's variable is in it (GetSocket(state).Close()).
                if (site.ChainBase is { } variable && (closed is null ? Refers(instance, variable) : ConnectionPath.Mentions(closed, variable)))
                {
                    scratch.Add(pair.Key);
                }
            }

            foreach (var read in scratch)
            {
                Escape(read, state);
            }
        }

        private static bool Refers(IOperation operation, ISymbol variable)
        {
            foreach (var node in operation.DescendantsAndSelf())
            {
                if (node switch { ILocalReferenceOperation l => l.Local, IParameterReferenceOperation p => (ISymbol)p.Parameter, _ => null } is { } referenced
                    && SymbolEqualityComparer.Default.Equals(referenced, variable))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The callback starts the next receive with itself (<see cref="ReadSite.CallbackChain"/>): for the <c>End*</c>
        /// read whose 0 path reaches here, that is the way back to the read, as a loop's back edge. The path then ends its
        /// turn: what the callback does after it (return) is no way out of the chain.
        /// </summary>
        private void Rearms(IInvocationOperation invocation, ReadState state)
        {
            scratch.Clear();
            foreach (var pair in state.Zero)
            {
                var site = body.Sites[pair.Key];
                if (site.Rearms is { } rearms && rearms.Contains(invocation.Syntax))
                {
                    if (Reporting && !pair.Value.Wrote)
                    {
                        reachedAgain[site.Index] = true;
                        spinsAgain[site.Index] |= !pair.Value.Blocked;
                    }

                    scratch.Add(pair.Key);
                }
            }

            foreach (var read in scratch)
            {
                state.Zero.Remove(read);
            }
        }

        /// <summary>
        /// A method of the project or a delegate, on the 0 path of a callback chain, that may close its connection: one
        /// handed the connection or the object it came from (<c>CloseSession(session)</c>), or an instance method of the
        /// class when the connection is a field. The next receive would then throw, not complete with 0: the chain is not
        /// certain to spin, so that 0 path counts as a way out.
        /// </summary>
        private void MayCloseChain(IInvocationOperation invocation, ReadState state)
        {
            var method = invocation.TargetMethod;
            var delegateCall = method.MethodKind == MethodKind.DelegateInvoke;
            if (!RunsProjectCode(method))
            {
                return;
            }

            scratch.Clear();
            foreach (var pair in state.Zero)
            {
                var site = body.Sites[pair.Key];
                if (site.CallbackChain && site.ChainPath is not null)
                {
                    // A connection held by the callback's state object: any code of the project may reach that object (the
                    // class may keep it in a field too) and close it.
                    scratch.Add(pair.Key);
                    continue;
                }

                if (!site.CallbackChain || site.ConnectionRoot is not { } connection)
                {
                    continue;
                }

                var mayClose = delegateCall || (connection is IFieldSymbol && !method.IsStatic) || Hands(invocation.Instance, connection);
                foreach (var argument in invocation.Arguments)
                {
                    mayClose |= Hands(argument.Value, connection);
                }

                if (mayClose)
                {
                    scratch.Add(pair.Key);
                }
            }

            foreach (var read in scratch)
            {
                Escape(read, state);
            }

            bool Hands(IOperation? value, ISymbol connection)
                => value is not null && SymbolEqualityComparer.Default.Equals(body.RootOfConnection(value, symbols), connection);
        }

        /// <summary>
        /// A send or write on the connection of a read whose 0 path reaches here (<see cref="ZeroFact.Wrote"/>), outside
        /// every <c>try</c> with a <c>catch</c> inside that read's loops: the exception a later write draws leaves the loop.
        /// A write of a writer made over the connection's stream (<c>writer.WriteLine("ok")</c>) is one: its bytes reach the
        /// stream at once (<c>AutoFlush</c>) or when its buffer fills, and that write throws the same way.
        /// </summary>
        private void WritesToConnection(IInvocationOperation invocation, ReadState state)
        {
            if (invocation.Instance is not { } target || symbols.Catalogue.Facts(invocation.TargetMethod) is not { } facts
                || (facts.Sends is null && !facts.WritesToStream && !facts.FlushesHeldWrites)
                || (facts.QuietWhenEmpty is int text && CatalogueIndex.Argument(invocation, text)?.ConstantValue is { HasValue: true, Value: null or "" }))
            {
                return;
            }

            // A writer that keeps what it is given (a StreamWriter without AutoFlush): its write is one to the connection when
            // a Flush of the same writer local (or field) follows on the path. The flush of a writer that passed every write on
            // already, and a held write or flush of a writer in neither, write nothing this flow can count.
            var targetValue = target.WalkDownConversions();
            ISymbol? writer = (targetValue as ILocalReferenceOperation)?.Local;
            var writerField = WriterField.None;
            if (targetValue is IFieldReferenceOperation field && facts.Sends is null)
            {
                // A private writer field its type only ever gives a writer over a network stream: a write of one connection,
                // maybe the read's (the field does not say which), so its exception may end the loop: the spin is not certain.
                writerField = symbols.Reads.WriterFieldOf(field, body.Model, CancellationToken);
                writer = writerField == WriterField.None ? null : field.Field;
            }

            var held = facts.Sends is null && (facts.WritesHeldUntilFlush || facts.FlushesHeldWrites)
                && !(writer is ILocalSymbol local && body.FlushesEachWrite(local)) && writerField != WriterField.PassesEachWrite;
            if (held ? writer is null : facts.Sends is null && !facts.WritesToStream)
            {
                return;
            }

            var holdingWriter = held ? writer : null;

            if (body.RootOfConnection(target, symbols) is not { } connection)
            {
                return;
            }

            foreach (var pair in state.Zero)
            {
                var site = body.Sites[pair.Key];
                if (pair.Value.Wrote || (writerField == WriterField.None && !SymbolEqualityComparer.Default.Equals(site.ConnectionRoot, connection)))
                {
                    continue;
                }

                if (holdingWriter is not null && facts.FlushesHeldWrites)
                {
                    if (System.Array.IndexOf(pair.Value.Holding, holdingWriter) >= 0 && !CaughtInsideLoops(invocation.Syntax, site))
                    {
                        pair.Value.Wrote = true;
                    }

                    pair.Value.RemoveHolding(holdingWriter);
                }
                else if ((facts.WritesEvenEmpty || !MayBeEmpty(invocation, pair.Value)) && !CaughtInsideLoops(invocation.Syntax, site))
                {
                    if (holdingWriter is not null)
                    {
                        pair.Value.AddHolding(holdingWriter);
                    }
                    else
                    {
                        pair.Value.Wrote = true;
                    }
                }
            }
        }

        /// <summary>
        /// The write may send nothing on this 0 path: an argument uses what holds the 0 (<c>Write(buffer, 0, n)</c> of an
        /// echo loop), or something the 0 path changed (<c>reply = Encoding.UTF8.GetBytes(text.ToUpper())</c> of the empty
        /// text decoded from it, a <c>StringBuilder</c> made on the way). A write of no bytes draws no reset from the closed
        /// peer, so the loop goes on for ever: only a write whose bytes the 0 path did not compute counts (a constant
        /// request, a buffer the empty read left as it was, the console's next line).
        /// </summary>
        private static bool MayBeEmpty(IInvocationOperation invocation, ZeroFact fact)
        {
            foreach (var argument in invocation.Arguments)
            {
                foreach (var operation in argument.Value.DescendantsAndSelf())
                {
                    var key = operation is IFieldReferenceOperation field
                        ? fact.Changed.Contains(FieldsMayChange) ? FieldsMayChange : field.Field
                        : VariableKey(operation);

                    if (key is not null && (fact.Zeros.Contains(key) || fact.Changed.Contains(key) && !fact.IsRenewed(key)))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// True when <paramref name="value"/> is computed from nothing the 0 path holds or changed: no variable of its
        /// <see cref="ZeroFact.Zeros"/> or <see cref="ZeroFact.Changed"/> (unless renewed so), no field, no read of the
        /// body, no method of the code itself (it may read the connection), no lambda. <c>Console.ReadLine()</c>,
        /// <c>user + ": " + message</c> of a renewed message, <c>Encoding.UTF8.GetBytes(message)</c> are; the decoded
        /// empty text and what is built from it are not.
        /// </summary>
        private bool ComputedWithoutZeroPath(IOperation value, ZeroFact fact, ReadSite site)
        {
            if (IsZero(value, fact, site) || IsEmptyText(value, fact, site))
            {
                return false;
            }

            var made = value.WalkDownConversions();
            if ((made is IObjectCreationOperation creation && !IsRenewingCreation(creation, fact, site))
                || made is IArrayCreationOperation or IDefaultValueOperation or ILiteralOperation { ConstantValue.Value: null or "" })
            {
                // new StringBuilder(), new byte[n], default: empty until the 0 path fills them (text.Append(decoded)).
                return false;
            }

            foreach (var operation in value.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IFieldReferenceOperation:
                    case IAnonymousFunctionOperation:
                    case IInstanceReferenceOperation:
                        return false;
                    case IInvocationOperation call when body.SiteAt(call.Syntax) is not null || ReadsInput(call.Instance)
                        || (!call.TargetMethod.DeclaringSyntaxReferences.IsEmpty && ProjectCodeMayReachZeroPath(call.TargetMethod, call.Instance, call.Arguments, fact, site)):
                        return false;
                    case IPropertyReferenceOperation property when !property.Property.DeclaringSyntaxReferences.IsEmpty || ReadsInput(property.Instance):
                        return false;
                }

                if (VariableKey(operation) is { } key && (fact.Zeros.Contains(key) || fact.Changed.Contains(key) && !fact.IsRenewed(key)))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// A method (or constructor) of the project may give what the 0 path left (it may read the connection, or a field
        /// the 0 path changed), unless it can reach neither: it is not a local function (which sees the body's locals); the
        /// read's connection is a local or parameter of the body that no lambda uses and that the body neither stores nor
        /// hands to the project (<see cref="Escapes"/>), or an instance field of the body's object that the method's type
        /// cannot reach (<see cref="OutOfReach"/>); the 0 path assigned no field (a project call on the path counts only if
        /// a read helper of the body keeps its 0 path in fields: the others are judged as this one is); and neither the
        /// receiver's type (its instance fields, through the project's base types; a constructor's own type) nor any
        /// argument carries input (a stream, reader, socket or client). So <c>answers.GetAnswer()</c> of a table of
        /// replies, or a static <c>Reply() =&gt; "ok"</c>, is a reply the 0 path did not compute (the fresh9 audit's hlibko
        /// finding). <paramref name="instance"/> is the call's receiver (null for a static method or a constructor).
        /// </summary>
        private bool ProjectCodeMayReachZeroPath(IMethodSymbol method, IOperation? instance, ImmutableArray<IArgumentOperation> arguments, ZeroFact fact, ReadSite site)
        {
            var root = site.ConnectionRoot;
            var fieldRoot = root is IFieldSymbol { IsStatic: false } held && OutOfReach(held, method, instance, arguments) ? held : null;
            if (method.MethodKind == MethodKind.LocalFunction
                || (fieldRoot is null && (root is not (ILocalSymbol or IParameterSymbol) || body.Captured.Contains(root) || Escapes(root)))
                || !(site.ReceiverRoot is null or ILocalSymbol or IParameterSymbol || (fieldRoot is not null && SymbolEqualityComparer.Default.Equals(site.ReceiverRoot, fieldRoot)))
                || (site.ReceiverRoot is ILocalSymbol or IParameterSymbol && Escapes(site.ReceiverRoot)))
            {
                return true;
            }

            foreach (var changed in fact.Changed)
            {
                // A field the 0 path assigned, or one a read helper filled from its own 0 path. Other project calls on the
                // path (FieldsMayChange) are judged like this one: given nothing of the 0 path, what they store is not of it.
                if (changed is IFieldSymbol || (changed == FieldsMayChange && HelperWritesFields()))
                {
                    return true;
                }
            }

            foreach (var argument in arguments)
            {
                if (CarriesInput(argument.Value.WalkDownConversions().Type))
                {
                    return true;
                }
            }

            for (var type = instance?.Type as INamedTypeSymbol ?? (method.MethodKind == MethodKind.Constructor ? method.ContainingType : null); type is not null && !type.DeclaringSyntaxReferences.IsEmpty; type = type.BaseType)
            {
                foreach (var member in type.GetMembers())
                {
                    if (member is IFieldSymbol { IsStatic: false } field && CarriesInput(field.Type))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private Dictionary<ISymbol, bool>? escapes;
        private bool? thisEscapes;

        /// <summary>
        /// <c>new Answers()</c>: an object of a class of the project whose constructor can reach nothing the 0 path left
        /// (<see cref="ProjectCodeMayReachZeroPath"/>) and is given only what the 0 path did not compute. What it gives later
        /// is not of the 0 path, unless the path hands it something (<see cref="ProjectObjectUse"/>). Not a text or byte
        /// container of the framework (<c>new StringBuilder()</c>), which is empty until the path fills it.
        /// </summary>
        private bool IsRenewingCreation(IObjectCreationOperation creation, ZeroFact fact, ReadSite site)
        {
            if (creation is not { Constructor: { } constructor, Type: INamedTypeSymbol { TypeKind: TypeKind.Class } type, Initializer: null }
                || type.DeclaringSyntaxReferences.IsEmpty)
            {
                return false;
            }

            return ArgumentsWithoutZeroPath(creation.Arguments, fact, site) && !ProjectCodeMayReachZeroPath(constructor, null, creation.Arguments, fact, site);
        }

        /// <summary>Every argument is <see cref="ComputedWithoutZeroPath"/>.</summary>
        private bool ArgumentsWithoutZeroPath(ImmutableArray<IArgumentOperation> arguments, ZeroFact fact, ReadSite site)
        {
            foreach (var argument in arguments)
            {
                if (!ComputedWithoutZeroPath(argument.Value, fact, site))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// A local holding an object of the project that a 0 path renewed (<see cref="IsRenewingCreation"/>) stays renewed only
        /// through calls on it given nothing that path computed (<c>answers.GetAnswer()</c>); any other use (handed on, a
        /// property set, <c>answers.Add(text)</c>) may put what the path left into it.
        /// </summary>
        private void ProjectObjectUse(ILocalReferenceOperation reference, ReadState state)
        {
            foreach (var pair in state.Zero)
            {
                var fact = pair.Value;
                if (!fact.IsRenewed(reference.Local))
                {
                    continue;
                }

                if (reference.Parent is not IInvocationOperation call || call.Instance != reference
                    || !ArgumentsWithoutZeroPath(call.Arguments, fact, body.Sites[pair.Key]))
                {
                    fact.AddChanged(reference.Local);
                }
            }
        }

        /// <summary>
        /// A method of a type unrelated to <paramref name="field"/>'s (not the same, no base or derived type of it, not
        /// nested in it or holding it), whose type (or a base of it in the project) has no field that could hold that object, a delegate or
        /// input, given no argument that could be that object or a delegate, and the body lets neither <c>this</c> (other than to reach its
        /// members) nor the field's value go anywhere (<see cref="Escapes"/>): such code cannot reach the field.
        /// </summary>
        private bool OutOfReach(IFieldSymbol field, IMethodSymbol method, IOperation? instance, ImmutableArray<IArgumentOperation> arguments)
        {
            var holder = field.ContainingType;
            if (holder is null || method.ContainingType is not { } callee || Related(callee, holder)
                || (instance?.Type is INamedTypeSymbol receiverType && Related(receiverType, holder)))
            {
                return false;
            }

            foreach (var argument in arguments)
            {
                // A delegate may run code of this object (a lambda over its fields, a method group of it).
                if (argument.Value.WalkDownConversions().Type is not { } type || type.TypeKind == TypeKind.Delegate
                    || type is INamedTypeSymbol named && Related(named, holder))
                {
                    return false;
                }
            }

            for (INamedTypeSymbol? type = callee; type is not null && !type.DeclaringSyntaxReferences.IsEmpty; type = type.BaseType)
            {
                foreach (var member in type.GetMembers())
                {
                    if (member is IFieldSymbol { Type: var fieldType } && (CarriesInput(fieldType) || fieldType.TypeKind == TypeKind.Delegate
                        || fieldType is INamedTypeSymbol named && Related(named, holder)))
                    {
                        return false;
                    }
                }
            }

            return !ThisEscapes() && !Escapes(field);
        }

        /// <summary>The same type, a base or derived type of the other, or one nested in the other.</summary>
        private static bool Related(INamedTypeSymbol a, INamedTypeSymbol b)
        {
            if (a.TypeKind is TypeKind.Interface or TypeKind.TypeParameter or TypeKind.Error || b.TypeKind is TypeKind.Interface or TypeKind.Error)
            {
                return true;
            }

            return Within(a, b) || Within(b, a);

            static bool Within(INamedTypeSymbol inner, INamedTypeSymbol outer)
            {
                for (INamedTypeSymbol? type = inner; type is not null; type = type.BaseType)
                {
                    for (var around = type; around is not null; around = around.ContainingType)
                    {
                        if (SymbolEqualityComparer.Default.Equals(around.OriginalDefinition, outer.OriginalDefinition))
                        {
                            return true;
                        }
                    }
                }

                return false;
            }
        }

        /// <summary><c>this</c> goes somewhere in the body other than to reach its own members: handed on, stored, returned.</summary>
        private bool ThisEscapes()
        {
            if (thisEscapes is { } known)
            {
                return known;
            }

            var result = false;
            foreach (var operation in Graph.OriginalOperation.DescendantsAndSelf())
            {
                CancellationToken.ThrowIfCancellationRequested();
                if (operation is IInstanceReferenceOperation && !IsReceiver(operation))
                {
                    result = true;
                    break;
                }
            }

            thisEscapes = result;
            return result;

            static bool IsReceiver(IOperation reference) => reference.WalkUpConversions(out var child) switch
            {
                // A method group of this object (a delegate over it) carries it away.
                IMethodReferenceOperation => false,
                IMemberReferenceOperation member => member.Instance == child,
                IInvocationOperation invocation => invocation.Instance == child,
                _ => false,
            };
        }

        /// <summary>
        /// True when the body lets <paramref name="variable"/>'s value go where a method of the project may find it: stored
        /// anywhere but in its own declaration (a field, another local, an array), returned, or given to a method or
        /// constructor of the project. Framework calls (<c>GetStream()</c>, <c>new StreamReader(stream)</c>) keep it.
        /// </summary>
        private bool Escapes(ISymbol variable)
        {
            escapes ??= new Dictionary<ISymbol, bool>(SymbolComparer.Instance);
            if (escapes.TryGetValue(variable, out var result))
            {
                return result;
            }

            result = false;
            foreach (var operation in Graph.OriginalOperation.DescendantsAndSelf())
            {
                CancellationToken.ThrowIfCancellationRequested();
                ISymbol? referenced = operation switch
                {
                    ILocalReferenceOperation local => local.Local,
                    IParameterReferenceOperation parameter => parameter.Parameter,
                    IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field => field.Field,
                    _ => null,
                };
                if (referenced is null || !SymbolEqualityComparer.Default.Equals(referenced, variable))
                {
                    continue;
                }

                switch (operation.WalkUpConversions(out var child))
                {
                    case IAssignmentOperation assignment when assignment.Value == child:
                    case IVariableInitializerOperation:
                    case IReturnOperation:
                    case IArrayInitializerOperation:
                    case ITupleOperation:
                    case IArgumentOperation { Parent: IInvocationOperation call } when !call.TargetMethod.DeclaringSyntaxReferences.IsEmpty:
                    case IArgumentOperation { Parent: IObjectCreationOperation { Constructor: { } constructor } } when !constructor.DeclaringSyntaxReferences.IsEmpty:
                    case IArgumentOperation { Parent: not (IInvocationOperation or IObjectCreationOperation) }:
                        result = true;
                        break;
                }

                if (result)
                {
                    break;
                }
            }

            escapes[variable] = result;
            return result;
        }

        private bool HelperWritesFields()
        {
            foreach (var other in body.Sites)
            {
                if (other.Helper is { WritesFields: true })
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A type whose value may carry input: a stream, reader, socket or client, or <c>object</c>, an interface or a type parameter (anything).</summary>
        private bool CarriesInput(ITypeSymbol? type)
            => type is null || type.SpecialType == SpecialType.System_Object
                || type.TypeKind is TypeKind.Interface or TypeKind.TypeParameter or TypeKind.Dynamic or TypeKind.Error
                || IsInputType(type);

        /// <summary>The local, parameter or flow capture <paramref name="operation"/> reads, as the 0 facts name it; null for anything else.</summary>
        private static object? VariableKey(IOperation operation) => operation switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            IFlowCaptureReferenceOperation capture => capture.Id,
            _ => null,
        };

        /// <summary>
        /// A member of something that carries input (a stream, a text or binary reader, a socket or a TCP or UDP client): what
        /// it gives may come from the closed connection (<c>reader.ReadToEnd()</c> is "" there), whether or not the body
        /// follows it as a read.
        /// </summary>
        private bool ReadsInput(IOperation? instance) => instance?.Type is { } type && IsInputType(type);

        /// <summary>A stream, a text or binary reader, a socket, or a TCP or UDP client.</summary>
        private bool IsInputType(ITypeSymbol type)
            => KnownSymbols.IsOrDerivesFrom(type, symbols.Stream) || KnownSymbols.IsOrDerivesFrom(type, symbols.TextReader)
                || KnownSymbols.IsOrDerivesFrom(type, symbols.BinaryReader) || KnownSymbols.IsOrDerivesFrom(type, symbols.Socket)
                || KnownSymbols.IsOrDerivesFrom(type, symbols.TcpClient) || KnownSymbols.IsOrDerivesFrom(type, symbols.UdpClient);

        /// <summary>A <c>try</c> with a <c>catch</c> around <paramref name="syntax"/>, inside the outermost loop around the read.</summary>
        private static bool CaughtInsideLoops(SyntaxNode syntax, ReadSite site)
        {
            var outermost = site.Loops[site.Loops.Count - 1];
            for (var node = syntax; node is not null && node != outermost; node = node.Parent)
            {
                if (node.Parent is TryStatementSyntax tryStatement && tryStatement.Block == node && tryStatement.Catches.Count > 0)
                {
                    return true;
                }

                if (node is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MemberDeclarationSyntax)
                {
                    // Not in the read's function: whatever catches it, the read's loop does not see the write.
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// A call that waits for input other than any read's stream: an accept (sync, <c>End…</c>, or an awaited task
        /// form) of a socket or listener, or the console's <c>ReadLine</c>/<c>Read</c>/<c>ReadKey</c>. A loop that makes
        /// one on every turn after the 0 does not spin at 100% CPU: it never ends.
        /// </summary>
        private bool WaitsForOtherInput(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (symbols.Framework.IsConsoleInput(method))
            {
                return true;
            }

            if (symbols.Catalogue.Facts(method)?.Accept is not { } accept)
            {
                return false;
            }

            return accept.Form switch
            {
                Lifecycle.CallForm.Sync or Lifecycle.CallForm.End => true,
                Lifecycle.CallForm.Async => invocation.WalkUpToResult(symbols.Framework, out _) is IAwaitOperation,
                _ => false,
            };
        }

        /// <summary>
        /// A call to a method of this project or a delegate may replace a field socket, change any field
        /// (<see cref="FieldsMayChange"/>) or fill a field buffer. A readonly field receiver stays (<see cref="ReadBody.IsFixedField"/>).
        /// </summary>
        private void CallEffects(IInvocationOperation invocation, ReadState state)
        {
            if (!RunsProjectCode(invocation.TargetMethod))
            {
                return;
            }

            if (state.Zero.Count > 0)
            {
                scratch.Clear();
                foreach (var pair in state.Zero)
                {
                    var site = body.Sites[pair.Key];
                    if (invocation.Syntax == site.Invocation.Syntax)
                    {
                        continue;
                    }

                    pair.Value.AddChanged(FieldsMayChange);
                    if (site.ReceiverChangedByCalls)
                    {
                        scratch.Add(pair.Key);
                    }
                }

                foreach (var read in scratch)
                {
                    Escape(read, state);
                }
            }

            if (state.Filled.Count > 0)
            {
                List<ISymbol>? fields = null;
                foreach (var buffer in state.Filled.Keys)
                {
                    if (buffer is IFieldSymbol)
                    {
                        (fields ??= new List<ISymbol>()).Add(buffer);
                    }
                }

                if (fields is not null)
                {
                    foreach (var field in fields)
                    {
                        state.RemoveFilled(field);
                    }
                }
            }
        }

        // ---- SOCK012: how a use touches a buffer ----
        private enum Use
        {
            Neutral,
            Whole,
            Barrier,

            /// <summary>A fixed-width decode of part of the buffer (<see cref="decodedStart"/>, <see cref="decodedWidth"/>): it only reads it.</summary>
            Decoded,
        }

        /// <summary>What one reference to a filled buffer does; <paramref name="consuming"/> is the consuming call for <see cref="Use.Whole"/>.</summary>
        private Use Classify(IOperation reference, ISymbol buffer, out IOperation? consuming)
        {
            consuming = null;
            var parent = reference.WalkUpConversions(out var current);
            switch (parent)
            {
                case ISimpleAssignmentOperation assignment when assignment.Target == current:
                    // The assignment itself kills the fact.
                    return Use.Neutral;
                case IPropertyReferenceOperation length when symbols.Framework.IsLength(length.Property):
                case IArrayElementReferenceOperation:
                case IInterpolationOperation:
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String }:
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals }:
                case IIsPatternOperation:
                case IIsTypeOperation:
                case IInvocationOperation query when query.Instance == current && FrameworkMembers.IsObjectQuery(query.TargetMethod):
                    return Use.Neutral;
                case IArrayInitializerOperation { Parent: IArrayCreationOperation { Parent: IArgumentOperation { ArgumentKind: ArgumentKind.ParamArray, Parent: IInvocationOperation paramsCall } } }
                    when IsLogging(paramsCall.TargetMethod):
                    return Use.Neutral;
            }

            // A whole view of the buffer: buf.AsSpan(), new ArraySegment<byte>(buf), …
            var viewStart = 0;
            if (parent is IArgumentOperation { Parent: { } viewOwner } && ReadBody.WholeViewOperand(viewOwner, symbols.Framework) is not null)
            {
                current = viewOwner;
                parent = current.WalkUpConversions(out current);
            }
            else if (parent is IArgumentOperation { Parent: IInvocationOperation partialView } && symbols.Framework.IsArrayView(partialView.TargetMethod))
            {
                // buf.AsSpan(4) or buf.AsSpan(4, 4) handed to a decoder: bytes from a known start. Any other slice is not
                // this rule's business: buf.AsSpan(0, n) passes the count.
                // A length after the start must be a constant too: buf.AsSpan(0, n) is the bytes received.
                if (partialView.Arguments.Length is 2 or 3 && CatalogueIndex.Argument(partialView, 1)?.ConstantValue is { HasValue: true, Value: int start } && start >= 0
                    && (partialView.Arguments.Length == 2 || CatalogueIndex.Argument(partialView, 2)?.ConstantValue is { HasValue: true, Value: int })
                    && partialView.WalkUpConversions(out _) is IArgumentOperation { Parameter.Ordinal: 0, Parent: IInvocationOperation decoder } && Decoder(decoder) is int viewedWidth)
                {
                    consuming = decoder;
                    decodedStart = start;
                    decodedWidth = viewedWidth;
                    return Use.Decoded;
                }

                return Use.Neutral;
            }

            // A fixed-width decode: BitConverter.ToInt32(buf, 4), BinaryPrimitives.ReadInt32BigEndian(buf or buf.AsSpan()).
            if (parent is IArgumentOperation { Parameter.Ordinal: 0, Parent: IInvocationOperation decodeCall } && Decoder(decodeCall) is int width)
            {
                if (decodeCall.TargetMethod.Parameters is { Length: > 1 } parameters && parameters[1].Type.SpecialType == SpecialType.System_Int32)
                {
                    if (CatalogueIndex.Argument(decodeCall, 1)?.ConstantValue is not { HasValue: true, Value: int start } || start < 0)
                    {
                        // A start the code computes (a cursor): not followed.
                        return Use.Neutral;
                    }

                    viewStart = start;
                }

                consuming = decodeCall;
                decodedStart = viewStart;
                decodedWidth = width;
                return Use.Decoded;
            }

            switch (parent)
            {
                case IArgumentOperation { Parent: IInvocationOperation readCall } when body.SiteAt(readCall.Syntax) is not null:
                    // A read into the buffer: the read's own transfer replaces the fact.
                    return Use.Neutral;
                case IArgumentOperation argument when argument.Parent is { } call && consumers.IsConsumer(call):
                    // A consumer of chars only (String.Join) renders a byte buffer as numbers: no use of the data as data.
                    if (consumers.IsConsumerOf(call, BufferElement(buffer)) && IsWholeArgument(argument, call, buffer) && !CopyGoesToCountedConsumer(call))
                    {
                        consuming = call;
                        return Use.Whole;
                    }

                    return Use.Neutral;
                case IArgumentOperation { Parameter.RefKind: RefKind.None, Parent: IInvocationOperation logging } argument
                    when IsLogging(logging.TargetMethod) && argument.Parameter.Type.SpecialType is SpecialType.System_Object or SpecialType.System_String:
                    return Use.Neutral;
                case IInvocationOperation { Instance: { } instance } call when instance == current && consumers.IsConsumer(call) && call.Arguments.Length == 0:
                    // buf.AsSpan().ToArray()
                    consuming = call;
                    return current == reference ? Use.Barrier : Use.Whole;
                default:
                    return Use.Barrier;
            }
        }

        /// <summary>
        /// The number of bytes the call decodes from its first argument when it is a fixed-width decoder of the catalogue
        /// (<see cref="Model.ApiFacts.Decodes"/>: the size of the number it returns), or null.
        /// </summary>
        private int? Decoder(IInvocationOperation call)
        {
            if (symbols.Catalogue.Facts(call.TargetMethod) is not { Decodes: true })
            {
                return null;
            }

            var type = call.TargetMethod.ReturnType;
            switch (type.SpecialType)
            {
                case SpecialType.System_Int16:
                case SpecialType.System_UInt16:
                case SpecialType.System_Char:
                    return 2;
                case SpecialType.System_Int32:
                case SpecialType.System_UInt32:
                case SpecialType.System_Single:
                    return 4;
                case SpecialType.System_Int64:
                case SpecialType.System_UInt64:
                case SpecialType.System_Double:
                    return 8;
            }

            return type is { Name: "Half", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } ? 2
                : type is { Name: "Int128" or "UInt128", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } ? 16
                : null;
        }

        /// <summary>
        /// Console, Debug, Trace, a TextWriter (by symbol), <c>Microsoft.Extensions.Logging.LoggerExtensions</c>, a logger:
        /// they format what they are given and cannot write into it.
        /// </summary>
        private bool IsLogging(IMethodSymbol method)
        {
            var type = (method.ReducedFrom ?? method).ContainingType;
            if (type is null)
            {
                return false;
            }

            // Microsoft.Extensions.Logging is not referenced by the package: its LoggerExtensions is known by name and namespace.
            return symbols.Framework.IsFrameworkLogging(type)
                || (type.Name == "LoggerExtensions" && type.ContainingNamespace is { Name: "Logging", ContainingNamespace: { Name: "Extensions", ContainingNamespace: { Name: "Microsoft", ContainingNamespace.IsGlobalNamespace: true } } })
                || type.Name.EndsWith("Logger", System.StringComparison.Ordinal)
                || method.Name.StartsWith("Log", System.StringComparison.Ordinal);
        }

        /// <summary>
        /// True when the argument hands the consumer the buffer from 0 to its end: no offset/count after it, or
        /// <c>(buf, 0, buf.Length)</c>, or <c>(buf, buf.Length, …)</c> for a size-only overload.
        /// </summary>
        /// <summary>
        /// <paramref name="call"/> copies the whole buffer in order (<c>buffer.ToArray()</c>, <c>ToList()</c>) and its result
        /// goes straight to a consumer that is given a start and a count (<c>Encoding.UTF8.GetString(buffer.ToArray(), 0, n)</c>):
        /// the copy is only a step, and what is consumed is the counted part, as with the buffer itself.
        /// </summary>
        private bool CopyGoesToCountedConsumer(IOperation call)
        {
            if (call is not IInvocationOperation { TargetMethod: { Name: "ToArray" or "ToList" } copy } invocation
                || symbols.Catalogue.Facts(copy) is not { } facts || !(facts.Sequence == ByteOrder.SequenceShape.Same || facts.ViewCopies))
            {
                return false;
            }

            IOperation result = invocation;
            while (result.Parent is IConversionOperation conversion)
            {
                result = conversion;
            }

            return result.Parent is IArgumentOperation { Parent: { } next } nextArgument
                && consumers.IsConsumer(next)
                && ArgumentAt(ArgumentsOf(next), (nextArgument.Parameter?.Ordinal ?? -1) + 1)?.Parameter?.Type.SpecialType == SpecialType.System_Int32
                && !IsWholeCopyArgument(nextArgument, next);
        }

        private static IArgumentOperation? ArgumentAt(ImmutableArray<IArgumentOperation> arguments, int ordinal)
        {
            foreach (var argument in arguments)
            {
                if (argument.Parameter?.Ordinal == ordinal)
                {
                    return argument;
                }
            }

            return null;
        }

        private static ImmutableArray<IArgumentOperation> ArgumentsOf(IOperation call) => call switch
        {
            IInvocationOperation i => i.Arguments,
            IObjectCreationOperation o => o.Arguments,
            _ => ImmutableArray<IArgumentOperation>.Empty,
        };

        /// <summary>The copy is given whole after all: <c>(copy, 0, copy.Length)</c> or a start other than the count's.</summary>
        private static bool IsWholeCopyArgument(IArgumentOperation argument, IOperation call)
        {
            var arguments = ArgumentsOf(call);
            var ordinal = argument.Parameter!.Ordinal;
            var count = ArgumentAt(arguments, ordinal + 2) is { Parameter.Type.SpecialType: SpecialType.System_Int32 } third ? third.Value : ArgumentAt(arguments, ordinal + 1)!.Value;
            return count.WalkDownConversions() is IPropertyReferenceOperation { Property.Name: "Length" or "Count" };
        }

        private bool IsWholeArgument(IArgumentOperation argument, IOperation call, ISymbol buffer)
        {
            var parameter = argument.Parameter;
            if (parameter is null)
            {
                return false;
            }

            var arguments = ArgumentsOf(call);
            var next = ArgumentAt(arguments, parameter.Ordinal + 1);
            if (next?.Parameter is null || next.Parameter.Type.SpecialType != SpecialType.System_Int32)
            {
                return true;
            }

            var afterNext = ArgumentAt(arguments, parameter.Ordinal + 2);
            if (afterNext?.Parameter is not null && afterNext.Parameter.Type.SpecialType == SpecialType.System_Int32)
            {
                return next.Value.ConstantValue is { HasValue: true, Value: 0 } && IsLengthOf(afterNext.Value, buffer);
            }

            // A lone int after the buffer is a count (Send(buf, size, flags)) unless the catalogue names it the start.
            return IsLengthOf(next.Value, buffer)
                || (consumers.StartOrdinal(call) == next.Parameter.Ordinal && next.Value.ConstantValue is { HasValue: true, Value: 0 });
        }

        /// <summary>The element type of a buffer variable's array type (<c>byte</c>, <c>char</c>), or none.</summary>
        private static SpecialType BufferElement(ISymbol buffer)
            => (buffer switch
            {
                ILocalSymbol local => local.Type,
                IParameterSymbol parameter => parameter.Type,
                IFieldSymbol field => field.Type,
                _ => null,
            }) is IArrayTypeSymbol { ElementType: { } element } ? element.SpecialType : SpecialType.None;

        private bool IsLengthOf(IOperation value, ISymbol buffer) => ReadBody.IsLengthOf(value, buffer, symbols.Framework);

        /// <summary>SOCK012 findings of reads whose count's local is used elsewhere: reported in <see cref="Decide"/> if this read's count is not.</summary>
        private List<(IOperation Consuming, ISymbol Buffer, int Read)>? wholeIfCountUnused;

        // The first decode of each read whose count local the method uses elsewhere, decided like wholeIfCountUnused.
        private List<(IOperation Consuming, ISymbol Buffer, int Read, int Start, int Width)>? deferredDecodes;

        private void ReportWholeBuffer(IOperation consuming, ISymbol buffer, ReadSite site)
        {
            var properties = ImmutableDictionary<string, string?>.Empty.Add(SOCK012WholeBufferConsumedAnalyzer.BufferKey, buffer.Name);
            if (site.CountText is not null)
            {
                properties = properties.Add(SOCK012WholeBufferConsumedAnalyzer.CountKey, site.CountText);
            }

            diagnostics.Add(Diagnostic.Create(
                Descriptors.SOCK012WholeBufferConsumed,
                consuming.Syntax.GetLocation(),
                properties,
                ConsumerName(consuming),
                "all of '" + buffer.Name + "'",
                ReadName(site),
                FilledText(site),
                "Use only the " + site.Read.Api.Units + " received",
                site.Read.Api.Units));
        }

        /// <summary>
        /// SOCK012 at a fixed-width decode (<c>BitConverter.ToInt32(header, 0)</c> after a read whose count is only compared
        /// with 0): the number is made of bytes that may not have arrived. The fix (a stream read that waits with
        /// <c>ReadAtLeast</c>) finds the read from the distance to it. One diagnostic per read, at its first decode.
        /// </summary>
        private void ReportDecoded(IOperation consuming, ISymbol buffer, ReadSite site, int start, int width)
        {
            var end = start + width;
            diagnostics.Add(Diagnostic.Create(
                Descriptors.SOCK012WholeBufferConsumed,
                consuming.Syntax.GetLocation(),
                ImmutableDictionary<string, string?>.Empty
                    .Add(SOCK012WholeBufferConsumedAnalyzer.FormKey, SOCK012WholeBufferConsumedAnalyzer.Decoded)
                    .Add(SOCK012WholeBufferConsumedAnalyzer.ReadBackKey, (consuming.Syntax.SpanStart - site.Invocation.Syntax.SpanStart).ToString(CultureInfo.InvariantCulture))
                    .Add(SOCK012WholeBufferConsumedAnalyzer.ReadLengthKey, site.Invocation.Syntax.Span.Length.ToString(CultureInfo.InvariantCulture)),
                ConsumerName(consuming),
                (start == 0 ? "the first " + width.ToString(CultureInfo.InvariantCulture) + " bytes of '"
                    : "bytes " + start.ToString(CultureInfo.InvariantCulture) + " to " + (end - 1).ToString(CultureInfo.InvariantCulture) + " of '") + buffer.Name + "'",
                ReadName(site),
                FilledText(site),
                "Read until " + (end == width ? "all " : "the first ") + end.ToString(CultureInfo.InvariantCulture) + " bytes have arrived: loop on the count, or call ReadExactly",
                site.Read.Api.Units));
        }

        private static string FilledText(ReadSite site)
            => site.CountText is not null ? "its first '" + site.CountText + "' " + site.Read.Api.Units
                : site.CountNeverKept ? "as many " + site.Read.Api.Units + " as it returned (a count this code never keeps)"
                : site.Form == CountForm.Discarded ? "as many " + site.Read.Api.Units + " as it returned (a count this code discards)"
                : "as many " + site.Read.Api.Units + " as it returned";

        private static string ConsumerName(IOperation consuming) => consuming switch
        {
            IInvocationOperation call => call.TargetMethod.ContainingType.Name + "." + call.TargetMethod.Name,
            IObjectCreationOperation creation => "new " + creation.Type?.Name,
            _ => "This call",
        };

        /// <summary>The read returns a task (<c>Task&lt;int&gt;</c>, <c>ValueTask&lt;int&gt;</c>) that nothing awaits here.</summary>
        private bool IsUnawaitedTask(IInvocationOperation invocation)
            => invocation.WalkUpToResult(symbols.Framework, out _) is not IAwaitOperation && symbols.Framework.IsTaskOfResult(invocation.Type);

        private static string ReadName(ReadSite site) => ReadName(site.Invocation.TargetMethod);

        private static string ReadName(IMethodSymbol method) => method.ContainingType.Name + "." + method.Name;

        // ---- the decisions, on what the replay saw ----
        /// <summary>
        /// The code may know how much read <paramref name="read"/> placed by the time <paramref name="consuming"/> takes the
        /// buffer: its count is used meaningfully (compared with the length, passed on, accumulated), and not only after
        /// the consumer's statement. When the read comes before the consumer in the source and every such use after that
        /// statement (<c>json += GetString(buf); if (n &lt; buf.Length) break;</c>), the straight path from the read to the
        /// consumer uses none: the buffer is taken whole before the code looks at the count.
        /// </summary>
        private bool CountKnownBefore(int read, IOperation consuming)
            => countUsedMeaningfully[read]
                && !(body.Sites[read].Invocation.Syntax.Span.End <= consuming.Syntax.SpanStart && firstMeaningfulUse[read] >= StatementEnd(consuming.Syntax));

        /// <summary>The end of the statement around <paramref name="node"/>: a use of the count in the consumer's own statement
        /// (<c>GetString(data).Substring(0, n)</c>) is at the consumer, not after it.</summary>
        private static int StatementEnd(SyntaxNode node)
        {
            for (var current = node; current is not null; current = current.Parent)
            {
                if (current is Microsoft.CodeAnalysis.CSharp.Syntax.StatementSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.ArrowExpressionClauseSyntax
                    or Microsoft.CodeAnalysis.CSharp.Syntax.AnonymousFunctionExpressionSyntax)
                {
                    return current.Span.End;
                }
            }

            return node.Span.End;
        }

        private void Decide()
        {
            if (wholeIfCountUnused is not null)
            {
                foreach (var (consuming, buffer, read) in wholeIfCountUnused)
                {
                    var site = body.Sites[read];
                    if (!CountKnownBefore(read, consuming) && site.StoredLocal is { } local && !body.Captured.Contains(local))
                    {
                        ReportWholeBuffer(consuming, buffer, site);
                    }
                }
            }

            if (deferredDecodes is not null)
            {
                foreach (var (consuming, buffer, read, start, width) in deferredDecodes)
                {
                    var site = body.Sites[read];
                    if (!CountKnownBefore(read, consuming) && site.StoredLocal is { } local && !body.Captured.Contains(local) && reportedDecodes.Add(read))
                    {
                        ReportDecoded(consuming, buffer, site, start, width);
                    }
                }
            }

            foreach (var site in body.Sites)
            {
                CancellationToken.ThrowIfCancellationRequested();
                var i = site.Index;
                if (!seen[i])
                {
                    continue;
                }

                if (site.Helper is null && site.Form != CountForm.Used && !site.Read.IsZeroLength && !site.IsLine && !site.IsChar && followed[i] && unguarded[i])
                {
                    var storedUnread = site.Form == CountForm.Stored
                        && site.StoredLocal is { } local && !countUsed[i] && !body.Captured.Contains(local);
                    if (site.Form == CountForm.Discarded || storedUnread)
                    {
                        var unawaited = site.Form == CountForm.Discarded && IsUnawaitedTask(site.Invocation);
                        var properties = ImmutableDictionary<string, string?>.Empty.Add(
                            SOCK010DiscardedReadCountAnalyzer.FormKey,
                            unawaited ? SOCK010DiscardedReadCountAnalyzer.Unawaited
                                : site.Form == CountForm.Discarded ? SOCK010DiscardedReadCountAnalyzer.Discarded
                                : SOCK010DiscardedReadCountAnalyzer.StoredUnread);
                        if (reportedDecodes.Contains(i))
                        {
                            properties = properties.Add(SOCK010DiscardedReadCountAnalyzer.DecodedKey, "true");
                        }

                        diagnostics.Add(Diagnostic.Create(
                            Descriptors.SOCK010DiscardedReadCount,
                            site.Invocation.Syntax.GetLocation(),
                            properties,
                            SOCK010DiscardedReadCountAnalyzer.MessageArguments(ReadName(site), unawaited, site.Read.Api)));
                    }
                }

                if (site.Loops.Count > 0 && reachedAgain[i] && !escaped[i])
                {
                    if (!notPolled[i])
                    {
                        // Read only when data waits: it never returns 0, the loop polls forever once the peer has closed.
                        diagnostics.Add(Diagnostic.Create(
                            Descriptors.SOCK011ReadLoopIgnoresEndOfStream,
                            site.Invocation.Syntax.GetLocation(),
                            ImmutableDictionary<string, string?>.Empty.Add(SOCK011ReadLoopIgnoresEndOfStreamAnalyzer.FormKey, SOCK011ReadLoopIgnoresEndOfStreamAnalyzer.Polls),
                            "no more data comes, and this loop, which calls " + ReadName(site) + " only when data waits, polls forever",
                            "the peer has closed: read without polling, and stop when the count is 0"));
                        continue;
                    }

                    if (site.CallbackChain)
                    {
                        // The loop is a chain of callbacks: each starts the next receive, which completes at once with 0.
                        diagnostics.Add(Diagnostic.Create(
                            Descriptors.SOCK011ReadLoopIgnoresEndOfStream,
                            site.Invocation.Syntax.GetLocation(),
                            ImmutableDictionary<string, string?>.Empty.Add(SOCK011ReadLoopIgnoresEndOfStreamAnalyzer.FormKey, SOCK011ReadLoopIgnoresEndOfStreamAnalyzer.Callback),
                            ReadName(site) + " returns 0 and this callback starts the next receive with itself, a loop of callbacks that " + (spinsAgain[i] ? "spins forever" : "never ends"),
                            "the count is 0: do not start the next receive"));
                        continue;
                    }

                    if (site.Helper is { Result: HelperResult.Other } dropping)
                    {
                        // The helper returns as if data had come: the caller cannot see the end of stream at all.
                        diagnostics.Add(Diagnostic.Create(
                            Descriptors.SOCK011ReadLoopIgnoresEndOfStream,
                            site.Invocation.Syntax.GetLocation(),
                            ImmutableDictionary<string, string?>.Empty.Add(SOCK011ReadLoopIgnoresEndOfStreamAnalyzer.FormKey, SOCK011ReadLoopIgnoresEndOfStreamAnalyzer.Helper),
                            ReadName(dropping.ReadMethod) + " in " + dropping.Name + " returns 0, which " + dropping.Name + " does not return, and this loop "
                                + (spinsAgain[i] ? "spins forever" : "never ends"),
                            "that read returns 0 (" + dropping.Name + " must tell its caller)"));
                        continue;
                    }

                    if (site.Helper is { } helper)
                    {
                        // The call of a helper that returns what its read got: reported at the call, in the loop that spins.
                        var returned = helper.Result switch
                        {
                            HelperResult.EmptyText => "\"\"",
                            HelperResult.NullLine => "null",
                            HelperResult.EndChar => "-1",
                            _ => "0",
                        };
                        diagnostics.Add(Diagnostic.Create(
                            Descriptors.SOCK011ReadLoopIgnoresEndOfStream,
                            site.Invocation.Syntax.GetLocation(),
                            ImmutableDictionary<string, string?>.Empty.Add(SOCK011ReadLoopIgnoresEndOfStreamAnalyzer.FormKey, SOCK011ReadLoopIgnoresEndOfStreamAnalyzer.Helper),
                            ReadName(helper.ReadMethod) + " in " + helper.Name + " returns " + (helper.ReadApi.IsLine ? "null" : helper.ReadApi.IsChar ? "-1" : "0")
                                + ", " + helper.Name + " then returns " + returned + ", and this loop " + (spinsAgain[i] ? "spins forever" : "never ends"),
                            helper.Name + " returns " + returned));
                        continue;
                    }

                    diagnostics.Add(Diagnostic.Create(
                        Descriptors.SOCK011ReadLoopIgnoresEndOfStream,
                        site.Invocation.Syntax.GetLocation(),
                        ReadName(site) + " returns " + (site.IsLine ? "null" : site.IsChar ? "-1" : "0") + " and this loop " + (spinsAgain[i] ? "spins forever" : "never ends"),
                        site.IsLine ? "the line is null" : site.IsChar ? "it returns -1" : "the count is 0"));
                }
            }
        }
    }
}
