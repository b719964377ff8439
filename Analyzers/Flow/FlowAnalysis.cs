using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SocketAnalyzers.Flow
{
    /// <summary>
    /// The flow kernel: a forward data-flow analysis over one body's <see cref="ControlFlowGraph"/>, run to a fixed
    /// point, then replayed once on the converged states so that a family's checks decide what to report.
    /// <para>
    /// The driver owns everything that is about the graph and not about sockets: the worklist, joins at merge points,
    /// loops (back edges are ordinary edges: the worklist runs until no in-state grows), exceptions (every state seen
    /// inside a try reaches its catch and finally handlers), finally regions (run between a branch and its destination,
    /// whatever the branch), branch refinement (a family may learn from a condition, such as <c>n == 0</c> or
    /// <c>s is null</c>), paths that cannot continue (an operation that certainly throws), cancellation and a budget.
    /// </para>
    /// <para>
    /// A finally region is analysed in two kinds of context. Its <em>normal</em> entry gets the states of the branches that
    /// leave its try (falling off its end, <c>return</c>, <c>break</c>, <c>continue</c>, <c>goto</c>), one context per
    /// continuation (the destination those branches were going to, up to <see cref="ContinuationsPerFinally"/> of them),
    /// and its end delivers each context's state only to its own continuation. Its <em>exceptional</em> entry gets the
    /// join of every state seen inside its try (an exception can happen anywhere), and its end delivers nowhere: the
    /// exception propagates, and the states seen inside the region reach the enclosing handlers as the states of any
    /// block inside their try do. So a fact set in a try survives past
    /// its finally (<c>using (…) { s.Close(); } s.Send(b);</c> is certainly a use after close), and a <c>return</c> that
    /// leaves the try before the close does not make the code after the finally uncertain. A block of a finally, and of
    /// anything nested in it, has an in-state per context: a context says, for each enclosing finally region, whether it
    /// runs because of an exception and, if not, which continuation entered it (a slot per nesting level,
    /// <see cref="ExceptionalLevels"/> levels; deeper finally regions share their normal context with their exceptional
    /// one, as every finally did before). <see cref="Replay"/> visits a block once per kind of entry (the normal contexts
    /// of a region joined), the normal one first.
    /// </para>
    /// <para>
    /// A family supplies the domain (<typeparamref name="TState"/>, with <see cref="Clone"/> and <see cref="JoinInto"/>)
    /// and the transfer function (<see cref="Transfer"/>). Reports are made only during <see cref="Replay"/>
    /// (<see cref="Reporting"/> is true then), from the converged in-state of each block: a fact that says "already
    /// reported" must never be part of the state, because it would flow around a loop's back edge and suppress the
    /// report it stands for.
    /// </para>
    /// </summary>
    /// <typeparam name="TState">The family's abstract state at one program point; mutable, copied at branches.</typeparam>
    internal abstract class FlowAnalysis<TState>
        where TState : class
    {
        /// <summary>
        /// How many levels of finally regions nested in finally regions get an exceptional context of their own (a bit
        /// each in a context). A finally region deeper than that is analysed as every finally was before the split: its
        /// exceptional entry joins its normal one and reaches the continuations, so the code after it sees the states of
        /// a path that never gets there (a must-fact is lost, a may-fact kept). It bounds the contexts of one block to
        /// 2^<see cref="ExceptionalLevels"/>.
        /// </summary>
        internal const int ExceptionalLevels = 4;

        /// <summary>
        /// How many continuations (distinct destinations of the branches that leave its try) of one finally region get a
        /// normal context of their own, whose end goes only to that destination. A finally region's further continuations
        /// share one joined normal context, as every continuation did before the split: the code after it sees the join of
        /// their states (a must-fact of one is lost, a may-fact kept). Only finally regions that no finally region encloses
        /// are split this way; one nested in a finally joins its normal entries. So a block has at most
        /// (<see cref="ContinuationsPerFinally"/> + 2) x 2^(<see cref="ExceptionalLevels"/> - 1) contexts.
        /// </summary>
        internal const int ContinuationsPerFinally = 4;

        // A context gives each of the ExceptionalLevels outermost finally regions around a block a slot of SlotBits bits:
        // bit 0 set when the region runs for an exception, the bits above it the continuation that entered it normally.
        // The first destination met is continuation 0, so a finally with one continuation (the common using) keeps its
        // blocks' normal in-states in the arrays as before; the next ones are 1 to ContinuationsPerFinally - 1, and every
        // later one is JoinedContinuation.
        private const int SlotBits = 4;
        private const int JoinedContinuation = ContinuationsPerFinally;

        /// <summary>
        /// The bit of a context that says its paths went around a loop: they took a back edge of the innermost loop
        /// around the block since they last entered that loop from outside (<see cref="TracksLoopTurns"/>). Above the
        /// bits of the finally levels, and kept by every mask of them.
        /// </summary>
        private const int TurnBit = 1 << (SlotBits * ExceptionalLevels);

        /// <summary>
        /// A later turn of an outer loop arriving at the head of an inner loop that shares it (<see cref="outerHeadFrom"/>):
        /// kept apart from the inner loop's own later turns at that head alone, and a plain <see cref="TurnBit"/> again on
        /// the way out of it.
        /// </summary>
        private const int OuterTurnBit = TurnBit << 1;

        private const int TurnBits = TurnBit | OuterTurnBit;

        /// <summary>The exceptional bits of every level: a context without its continuations.</summary>
        private static readonly int ExceptionalBits = AllExceptionalBits();

        private readonly BlockWorklist worklist = new();
        private readonly Dictionary<ControlFlowRegion, List<int>> handlerEntries = new();

        /// <summary>For each try/catch, try/finally and finally region: how many finally regions enclose it.</summary>
        private readonly Dictionary<ControlFlowRegion, int> finallyLevels = new();

        // Keyed by the region and the context of its enclosing finally regions (the levels above the region).
        private readonly Dictionary<(ControlFlowRegion Region, int Context), TState> tryStates = new();
        private readonly Dictionary<(ControlFlowRegion Region, int Context), TState> finallyExits = new();
        private readonly Dictionary<(ControlFlowRegion Region, int Context), HashSet<(ControlFlowBranch Branch, int Index)>> finallyContinuations = new();

        // The continuation id of each (finally region, destination ordinal) met, and how many ids each region gave out.
        private readonly Dictionary<(ControlFlowRegion Region, int Destination), int> continuationIds = new();
        private readonly Dictionary<ControlFlowRegion, int> continuationCounts = new();

        // In-states in the normal context (no enclosing finally entered by an exception), by block ordinal.
        private TState?[] inStates = Array.Empty<TState?>();
        private bool[] queued = Array.Empty<bool>();

        // For each block, the largest ordinal of a predecessor at or after it (the last back edge into a loop's head), -1 for none.
        private int[] lastBackEdge = Array.Empty<int>();

        /// <summary>
        /// Per block: for the head of a <c>foreach</c> over a collection that is never empty (<see cref="NonEmptyLoops"/>), the
        /// ordinal of the first block of its body, where a path entering the loop from before it goes at once; -1 for
        /// every other block, null when the graph has no such loop.
        /// </summary>
        private int[]? firstTurnEntry;

        // In-states in the other contexts: only blocks inside a finally region have them.
        private readonly Dictionary<(int Ordinal, int Context), TState> contextStates = new();
        private readonly HashSet<(int Ordinal, int Context)> contextQueued = new();
        private List<int>?[] contextsOf = Array.Empty<List<int>?>();

        /// <summary>For each block, how many finally regions enclose it.</summary>
        private int[] blockLevels = Array.Empty<int>();

        // For each block, the ordinals of the first and last block of the innermost loop around it (the smallest range
        // from a back edge's destination to its source that holds the block); -1 outside every loop.
        private int[] loopFirst = Array.Empty<int>();
        private int[] loopLast = Array.Empty<int>();

        // For each block: a test that may leave its innermost loop (one of its two successors can get out of the loop
        // without coming back to the loop's first block), such as a while condition or an if (…) break.
        private bool[] exitTest = Array.Empty<bool>();

        // Per block, the loop head its back edge closes as an outer loop that shares that head with an inner loop whose
        // condition is evaluated there (while (true) { while ((line = r.ReadLine()) != null) { … } r.Close(); }), or -1.
        private int[] outerHeadFrom = Array.Empty<int>();
        private bool trackTurns;
        private List<(ControlFlowRegion Region, int Level)>?[] enclosingTries = Array.Empty<List<(ControlFlowRegion, int)>?>();
        private bool[] insideTryWithFinally = Array.Empty<bool>();
        private bool converged;
        private int expressionDepth;
        private int budget;
        private int currentContext;

        protected FlowAnalysis(ControlFlowGraph graph, CancellationToken cancellationToken)
        {
            Graph = graph;
            CancellationToken = cancellationToken;
        }

        /// <summary>The graph of the body under analysis.</summary>
        protected ControlFlowGraph Graph { get; }

        /// <summary>The variable each flow capture of the graph holds (<see cref="AssignedVariable"/>), made on first need.</summary>
        private Dictionary<CaptureId, IOperation>? capturedVariables;

        /// <summary>
        /// What an assignment (simple, compound or coalescing) really writes. When its value branches (<c>c = new
        /// TcpClient(v6 ? … : …)</c>, <c>c = v6 ? a : b</c>, <c>n += a ? x : y</c>), the graph captures the target first and
        /// writes through the capture: <c>#0 = c; … #0 = new TcpClient(#1)</c>. For such a target this gives the captured
        /// variable reference (a local, a parameter, a field), so that a family sees a write of <c>c</c>, not of a capture
        /// nothing reads again; any other target is returned as it is. The graph is scanned (its blocks' own operations)
        /// only the first time a target is a capture.
        /// </summary>
        protected IOperation AssignedVariable(IOperation target)
        {
            if (target is not IFlowCaptureReferenceOperation reference)
            {
                return target;
            }

            if (capturedVariables is null)
            {
                capturedVariables = new Dictionary<CaptureId, IOperation>();
                foreach (var block in Graph.Blocks)
                {
                    foreach (var operation in block.Operations)
                    {
                        if (operation is IFlowCaptureOperation { Value: ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation } capture)
                        {
                            capturedVariables[capture.Id] = capture.Value;
                        }
                    }
                }
            }

            return capturedVariables.TryGetValue(reference.Id, out var variable) ? variable : target;
        }

        protected CancellationToken CancellationToken { get; }

        /// <summary>True while <see cref="Replay"/> runs: the only time a family may report.</summary>
        protected bool Reporting { get; private set; }

        /// <summary>The block whose operations are being transferred.</summary>
        protected BasicBlock? CurrentBlock { get; private set; }

        /// <summary>
        /// True while the visit of <see cref="CurrentBlock"/> runs the innermost finally region around it because an
        /// exception left that region's try: at the region's end the exception propagates (to an enclosing handler, or
        /// out of the body) instead of going on where a branch was going.
        /// </summary>
        protected bool InExceptionalFinally
        {
            get
            {
                if (CurrentBlock is not { } block)
                {
                    return false;
                }

                var level = blockLevels[block.Ordinal] - 1;
                return level >= 0 && level < ExceptionalLevels && (currentContext & (1 << level)) != 0;
            }
        }

        /// <summary>
        /// True while the block being visited is visited from the paths that went around its innermost loop at least once
        /// (<see cref="TracksLoopTurns"/>): a fact certain here is certain on every turn of the loop after the first.
        /// </summary>
        protected bool InLaterTurn => (currentContext & TurnBits) != 0;

        /// <summary>
        /// When true, the blocks of a loop get a second in-state: the paths that came around the loop's back edge (a later
        /// turn) are kept apart from those that entered the loop from outside (its first turn). The fixed point joins
        /// nothing it did not join before; <see cref="Replay"/> visits each block from the join of both, as always, then
        /// once more from the later turns alone, with <see cref="InLaterTurn"/> set. So a family can report what every
        /// later turn does wrong (<c>while (true) { s.Send(b); s.Close(); }</c>: every turn after the first sends on a
        /// closed socket) where the join with the first turn hides it. Costs a second visit of every block of a loop;
        /// a family turns it on only for bodies where a later turn can differ.
        /// </summary>
        protected virtual bool TracksLoopTurns => false;

        /// <summary>Set by a family that met something it cannot follow safely (a too deep expression): nothing is reported.</summary>
        protected bool Abandoned { get; set; }

        /// <summary>
        /// How deep a family's recursive evaluation of one expression may go before the body is abandoned (a very long
        /// concatenation would otherwise risk the stack).
        /// </summary>
        protected virtual int MaxExpressionDepth => 256;

        /// <summary>
        /// Enters one level of a recursive evaluation; false, with the body abandoned, when the expression is too deep.
        /// Pair each true with <see cref="ExitExpression"/> (in a finally).
        /// </summary>
        protected bool EnterExpression()
        {
            if (expressionDepth >= MaxExpressionDepth)
            {
                Abandoned = true;
                return false;
            }

            expressionDepth++;
            return true;
        }

        /// <summary>Leaves the level entered by <see cref="EnterExpression"/>.</summary>
        protected void ExitExpression() => expressionDepth--;

        /// <summary>
        /// How many block visits one body may take, per block and context (a block of a finally region has two: normal
        /// and exceptional): a loop converges long before.
        /// </summary>
        protected virtual int VisitsPerBlock => 64;

        /// <summary>The state at the entry of the body.</summary>
        protected abstract TState CreateEntryState();

        protected abstract TState Clone(TState state);

        /// <summary>Joins <paramref name="source"/> into <paramref name="target"/>; true when <paramref name="target"/> grew.</summary>
        protected abstract bool JoinInto(TState target, TState source);

        /// <summary>Applies one operation of a block (a statement, or the block's branch value) to <paramref name="state"/>.</summary>
        protected abstract void Transfer(IOperation operation, TState state);

        /// <summary>
        /// Narrows <paramref name="state"/> for the successor taken when the block's branch value is
        /// <paramref name="conditionValue"/>. Called on a copy for each of the two successors of a conditional block.
        /// </summary>
        protected virtual void Refine(BasicBlock block, IOperation branchValue, TState state, bool conditionValue)
        {
        }

        /// <summary>
        /// Called during <see cref="Replay"/> for each branch leaving <paramref name="block"/>, with the state that goes
        /// along it (refined for a conditional branch): lets a family see where its facts go, such as out of a loop or
        /// to the end of the body. The branch's destination may be null (a throw) or the exit block.
        /// </summary>
        protected virtual void VisitBranch(BasicBlock block, ControlFlowBranch branch, TState state)
        {
        }

        /// <summary>
        /// The state an exception carries into a catch or finally handler, from the join of every state seen in its try.
        /// A family may narrow it (return a narrowed copy, never change <paramref name="state"/>): facts that describe a
        /// path without exceptions, such as "this read returned 0", do not hold on the exceptional edge; and facts a family
        /// knows an exception carries to <paramref name="region"/>'s handlers in particular may appear there.
        /// </summary>
        /// <param name="region">The try-and-catch or try-and-finally region whose handlers the state enters.</param>
        protected virtual TState StateForHandler(TState state, ControlFlowRegion region) => state;

        /// <summary>True when no execution continues from this state (the last operation certainly threw).</summary>
        protected virtual bool IsUnreachable(TState state) => false;

        /// <summary>
        /// Called with a copy of the in-state when a block's visit starts (in the fixed point and in the replay), before
        /// its operations: a family may drop facts no later block can use (names that are dead there), so that the
        /// state carried through a long body stays small.
        /// </summary>
        protected virtual void EnterBlock(BasicBlock block, TState state)
        {
        }

        /// <summary>Runs to a fixed point; false when the budget was spent or the family abandoned the body (then nothing may be reported).</summary>
        public bool Run()
        {
            var blocks = Graph.Blocks;
            inStates = new TState?[blocks.Length];
            queued = new bool[blocks.Length];
            lastBackEdge = LastBackEdges(blocks);
            firstTurnEntry = NonEmptyLoops.FirstTurnEntries(blocks, Graph.OriginalOperation.SemanticModel, CancellationToken);
            contextsOf = new List<int>?[blocks.Length];
            blockLevels = new int[blocks.Length];
            enclosingTries = new List<(ControlFlowRegion, int)>?[blocks.Length];
            insideTryWithFinally = new bool[blocks.Length];
            IndexRegions(Graph.Root, 0);
            trackTurns = TracksLoopTurns && IndexLoops(blocks);

            // Each (block, context) pair reached adds its own share (JoinAt): the exceptional context of a finally
            // region doubles the visits its blocks may take, not those of the body.
            budget = 256 + (blocks.Length * VisitsPerBlock);
            JoinAt(0, 0, CreateEntryState(), owned: true);
            while (worklist.Count > 0)
            {
                CancellationToken.ThrowIfCancellationRequested();
                if (--budget < 0)
                {
                    return false;
                }

                var (ordinal, context) = worklist.Pop();
                TState inState;
                if (context == 0)
                {
                    queued[ordinal] = false;
                    inState = inStates[ordinal]!;
                }
                else
                {
                    contextQueued.Remove((ordinal, context));
                    inState = contextStates[(ordinal, context)];
                }

                Process(blocks[ordinal], Clone(inState), context, propagate: true);
                if (Abandoned)
                {
                    return false;
                }
            }

            converged = true;
            return true;
        }

        /// <summary>For each block, the largest ordinal of a branch into it from itself or a later block (a loop's last way back), or -1.</summary>
        private static int[] LastBackEdges(System.Collections.Immutable.ImmutableArray<BasicBlock> blocks)
        {
            var last = new int[blocks.Length];
            for (var i = 0; i < last.Length; i++)
            {
                last[i] = -1;
                foreach (var predecessor in blocks[i].Predecessors)
                {
                    if (predecessor.Source.Ordinal >= i && predecessor.Source.Ordinal > last[i])
                    {
                        last[i] = predecessor.Source.Ordinal;
                    }
                }
            }

            return last;
        }

        /// <summary>
        /// Visits every reachable block once more, from its converged in-state, with <see cref="Reporting"/> on: once per
        /// kind of entry of the finally regions around it (a block of a finally region: normal, then exceptional). The
        /// normal contexts of one finally region split by continuation are visited once, from the join of their in-states:
        /// a check inside a finally is decided on every path that runs it normally, whichever continuation it goes on to.
        /// A finding seen in both kinds of entry is the family's to report once (a family dedups by location).
        /// </summary>
        public void Replay()
        {
            if (!converged || Abandoned)
            {
                return;
            }

            Reporting = true;
            var groups = new List<(int Context, TState State)>();
            var laterTurns = new List<(int Context, TState State)>();
            try
            {
                foreach (var block in Graph.Blocks)
                {
                    CancellationToken.ThrowIfCancellationRequested();
                    groups.Clear();
                    laterTurns.Clear();
                    if (inStates[block.Ordinal] is { } state)
                    {
                        // The replay is the in-state's last use: it may be changed in place instead of copied.
                        inStates[block.Ordinal] = null;
                        groups.Add((0, state));
                    }

                    if (contextsOf[block.Ordinal] is { } contexts)
                    {
                        foreach (var context in contexts)
                        {
                            var key = (block.Ordinal, context);
                            if (contextStates.TryGetValue(key, out var contextState))
                            {
                                contextStates.Remove(key);
                                if ((context & TurnBits) != 0)
                                {
                                    // Kept apart too (a copy: the joined group may change its state in place); an outer
                                    // loop's later turns at a shared head apart from the inner loop's.
                                    AddToGroup(laterTurns, context & (ExceptionalBits | TurnBits), Clone(contextState));
                                }

                                AddToGroup(groups, context & ExceptionalBits, contextState);
                            }
                        }
                    }

                    foreach (var (context, groupState) in groups)
                    {
                        CancellationToken.ThrowIfCancellationRequested();
                        Process(block, groupState, context, propagate: false);
                    }

                    // Then the later turns of a loop alone (TracksLoopTurns): what is certain on every turn after the first.
                    foreach (var (context, groupState) in laterTurns)
                    {
                        CancellationToken.ThrowIfCancellationRequested();
                        Process(block, groupState, context, propagate: false);
                    }
                }
            }
            finally
            {
                Reporting = false;
                CurrentBlock = null;
                currentContext = 0;
            }
        }

        /// <summary>
        /// Called by a family's check when it would report (during the fixed point its report is not made). The checks
        /// run in both phases from the same states, so a family that calls this at every would-be report may skip the
        /// replay when <see cref="ReplayCanReport"/> is false.
        /// </summary>
        protected void NoteFinding() => findingNoted = true;

        private bool findingNoted;

        /// <summary>
        /// False when the replay cannot report for a family that calls <see cref="NoteFinding"/> at every would-be report:
        /// no check asked to report during the fixed point (whose last visit of each block ran from its converged in-state),
        /// and the replay joins no in-states the fixed point kept apart (<see cref="ReplayJoinsContexts"/>). That is most
        /// bodies of correct code.
        /// </summary>
        public bool ReplayCanReport => findingNoted || ReplayJoinsContexts();

        /// <summary>
        /// True when <see cref="Replay"/> would visit some block from a join of in-states that the fixed point visited
        /// apart (the normal contexts of a finally region split by continuation). Every other replayed state is the in-state
        /// of a block's last visit in the fixed point.
        /// </summary>
        private bool ReplayJoinsContexts()
        {
            for (var ordinal = 0; ordinal < contextsOf.Length; ordinal++)
            {
                if (contextsOf[ordinal] is not { Count: > 0 } contexts)
                {
                    continue;
                }

                var seen = new HashSet<int>();
                if (inStates[ordinal] is not null)
                {
                    seen.Add(0);
                }

                foreach (var context in contexts)
                {
                    // The first and the later turns of a loop are joined in the replay too, but a check that breaks on their
                    // join breaks on each (every state must break), so the fixed point has noted it: they count apart.
                    if (contextStates.ContainsKey((ordinal, context)) && !seen.Add(context & (ExceptionalBits | TurnBits)))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>Joins a replayed in-state into its group (the normal group first), or starts the group with it.</summary>
        private void AddToGroup(List<(int Context, TState State)> groups, int context, TState state)
        {
            for (var i = 0; i < groups.Count; i++)
            {
                if (groups[i].Context == context)
                {
                    JoinInto(groups[i].State, state);
                    return;
                }
            }

            if ((context & ExceptionalBits) == 0)
            {
                // The normal entry first (0, or a later turn's TurnBit alone).
                groups.Insert(0, (context, state));
            }
            else
            {
                groups.Add((context, state));
            }
        }

        /// <summary>The bits of a context that belong to the <paramref name="level"/> outermost finally regions.</summary>
        private static int ContextMask(int level) => ((1 << (SlotBits * Math.Min(level, ExceptionalLevels))) - 1) | TurnBits;

        /// <summary>The bit that says a finally region with <paramref name="level"/> finally regions around it runs for an exception (0: it has none).</summary>
        private static int ExceptionalBit(int level) => level < ExceptionalLevels ? 1 << (SlotBits * level) : 0;

        private static int AllExceptionalBits()
        {
            var bits = 0;
            for (var level = 0; level < ExceptionalLevels; level++)
            {
                bits |= ExceptionalBit(level);
            }

            return bits;
        }

        /// <summary>The slot of a finally region with <paramref name="level"/> finally regions around it, entered normally by continuation <paramref name="id"/>.</summary>
        private static int ContinuationSlot(int level, int id) => level < ExceptionalLevels ? id << ((SlotBits * level) + 1) : 0;

        /// <summary>
        /// Which normal context of <paramref name="finallyRegion"/> a branch that runs it enters: one per destination for
        /// the first <see cref="ContinuationsPerFinally"/> met (the first is 0), <see cref="JoinedContinuation"/> for the
        /// others; 0 for every branch into a region nested in a finally region. The branches to one destination leave the
        /// same regions after this one, so the destination alone tells where the region's end goes on to.
        /// </summary>
        private int ContinuationOf(ControlFlowRegion finallyRegion, int level, ControlFlowBranch branch)
        {
            if (level != 0)
            {
                return 0;
            }

            var key = (finallyRegion, branch.Destination?.Ordinal ?? -1);
            if (!continuationIds.TryGetValue(key, out var id))
            {
                continuationCounts.TryGetValue(finallyRegion, out var count);
                if (count < ContinuationsPerFinally)
                {
                    id = count;
                    continuationCounts[finallyRegion] = count + 1;
                }
                else
                {
                    id = JoinedContinuation;
                }

                continuationIds[key] = id;
            }

            return id;
        }

        /// <summary>
        /// Finds the loops of the graph (a branch to a block at or before its source is a back edge; the blocks from its
        /// destination to its source are the loop, as the graph lays out every loop C# writes) and each block's innermost
        /// one. False when there is none.
        /// </summary>
        private bool IndexLoops(System.Collections.Immutable.ImmutableArray<BasicBlock> blocks)
        {
            loopFirst = new int[blocks.Length];
            loopLast = new int[blocks.Length];
            for (var i = 0; i < blocks.Length; i++)
            {
                loopFirst[i] = -1;
                loopLast[i] = -1;
            }

            // One loop per head: every back edge to a block (the end of the body, a continue) closes the same loop, which
            // reaches to the last of them. A continue halfway is then a branch inside the loop, not the end of a shorter one.
            var lastOf = new int[blocks.Length];
            for (var i = 0; i < blocks.Length; i++)
            {
                lastOf[i] = -1;
            }

            var any = false;
            foreach (var block in blocks)
            {
                CancellationToken.ThrowIfCancellationRequested();
                any |= NoteBackEdge(block.ConditionalSuccessor, block.Ordinal, lastOf);
                any |= NoteBackEdge(block.FallThroughSuccessor, block.Ordinal, lastOf);
            }

            for (var head = 0; head < blocks.Length; head++)
            {
                var last = lastOf[head];
                for (var b = head; b <= last; b++)
                {
                    // The innermost loop is the shortest range that holds the block (loops nest: each block is marked
                    // once per loop around it).
                    if (loopFirst[b] < 0 || last - head < loopLast[b] - loopFirst[b])
                    {
                        loopFirst[b] = head;
                        loopLast[b] = last;
                    }
                }
            }

            if (any)
            {
                IndexExitTests(blocks);
                IndexSharedHeads(blocks, lastOf);
            }

            return any;
        }

        /// <summary>
        /// Finds the loop heads shared by two loops: the head evaluates an inner loop's condition (<c>while</c>, <c>for</c>,
        /// <c>foreach</c>) and ways back to it also come from at or after the block that loop exits to, so an outer loop with
        /// no block of its own before the inner one (<c>for (;;)</c>) starts its turns there too. The graph then has one loop
        /// for both; the outer loop's ways back (<see cref="outerHeadFrom"/>) reach the head in <see cref="OuterTurnBit"/>, so
        /// a use in the inner condition that fails on every outer turn after the first is not hidden by the inner loop's
        /// turns. (A <c>while (true)</c> has a block of its own: the outer turns enter the inner head from before it, see
        /// <see cref="TurnOf"/>.)
        /// </summary>
        private void IndexSharedHeads(System.Collections.Immutable.ImmutableArray<BasicBlock> blocks, int[] lastOf)
        {
            outerHeadFrom = new int[blocks.Length];
            for (var i = 0; i < blocks.Length; i++)
            {
                outerHeadFrom[i] = -1;
            }

            for (var head = 0; head < blocks.Length; head++)
            {
                var block = blocks[head];
                if (lastOf[head] < 0 || block.BranchValue?.Syntax is not { } condition || !IsLoopCondition(condition)
                    || block.ConditionalSuccessor?.Destination is not { } taken || block.FallThroughSuccessor?.Destination is not { } next)
                {
                    continue;
                }

                // The inner loop's body lies between its head and the block it exits to; code after it comes later.
                var exit = Math.Max(taken.Ordinal, next.Ordinal);
                for (var source = exit; source <= lastOf[head]; source++)
                {
                    if (blocks[source].ConditionalSuccessor?.Destination?.Ordinal == head || blocks[source].FallThroughSuccessor?.Destination?.Ordinal == head)
                    {
                        outerHeadFrom[source] = head;
                    }
                }
            }
        }

        /// <summary>The condition (or enumeration) of a <c>while</c>, <c>for</c> or <c>foreach</c> statement holds <paramref name="condition"/>.</summary>
        private static bool IsLoopCondition(SyntaxNode condition)
        {
            for (var node = condition; node is not null; node = node.Parent)
            {
                switch (node)
                {
                    case Microsoft.CodeAnalysis.CSharp.Syntax.WhileStatementSyntax loop:
                        return loop.Condition.Span.Contains(condition.Span);
                    case Microsoft.CodeAnalysis.CSharp.Syntax.ForStatementSyntax loop:
                        return loop.Condition is { } test && test.Span.Contains(condition.Span);
                    case Microsoft.CodeAnalysis.CSharp.Syntax.CommonForEachStatementSyntax loop:
                        return !loop.Statement.Span.Contains(condition.Span);
                    case Microsoft.CodeAnalysis.CSharp.Syntax.StatementSyntax:
                        return false;
                }
            }

            return false;
        }

        private static bool NoteBackEdge(ControlFlowBranch? branch, int source, int[] lastOf)
        {
            if (branch?.Destination is not { } destination || destination.Ordinal > source)
            {
                return false;
            }

            lastOf[destination.Ordinal] = Math.Max(lastOf[destination.Ordinal], source);
            return true;
        }

        /// <summary>
        /// Marks the tests that may leave their innermost loop (<see cref="exitTest"/>). Per loop, which of its blocks can
        /// get out of it without passing its first block again: a branch out of its range, or to a block that can. Inner
        /// loops make the question circular, so it is asked again until nothing changes (a few passes: one per level of
        /// nesting); a loop that does not settle in <see cref="MaxExitPasses"/> counts every test in it as one that may
        /// leave, which only keeps turns apart less often.
        /// </summary>
        private void IndexExitTests(System.Collections.Immutable.ImmutableArray<BasicBlock> blocks)
        {
            exitTest = new bool[blocks.Length];
            var canLeave = new Dictionary<(int First, int Last), bool[]?>();
            foreach (var block in blocks)
            {
                var b = block.Ordinal;
                if (loopFirst[b] < 0 || block.ConditionalSuccessor is null || ConstantTaken(block) is not null)
                {
                    continue;
                }

                if (loopFirst[b] == b && block.BranchValue is { } condition && CountedLoops.HoldsOnSecondTurn(condition, Graph.OriginalOperation.SemanticModel))
                {
                    // for (int i = 0; i < 3; i++): the turn after the first certainly passes the condition.
                    continue;
                }

                var loop = (loopFirst[b], loopLast[b]);
                if (!canLeave.TryGetValue(loop, out var leaves))
                {
                    leaves = CanLeave(blocks, loop.Item1, loop.Item2);
                    canLeave[loop] = leaves;
                }

                exitTest[b] = leaves is null
                    || Leaves(block.ConditionalSuccessor, loop.Item1, loop.Item2, leaves)
                    || Leaves(block.FallThroughSuccessor, loop.Item1, loop.Item2, leaves);
            }
        }

        private const int MaxExitPasses = 8;

        /// <summary>For the loop of blocks <paramref name="first"/> to <paramref name="last"/>: which can leave it (null: not settled).</summary>
        private bool[]? CanLeave(System.Collections.Immutable.ImmutableArray<BasicBlock> blocks, int first, int last)
        {
            var leaves = new bool[last - first + 1];
            for (var pass = 0; pass < MaxExitPasses; pass++)
            {
                CancellationToken.ThrowIfCancellationRequested();
                var changed = false;
                for (var b = last; b >= first; b--)
                {
                    if (leaves[b - first])
                    {
                        continue;
                    }

                    var block = blocks[b];
                    if (Leaves(block.ConditionalSuccessor, first, last, leaves) || Leaves(block.FallThroughSuccessor, first, last, leaves))
                    {
                        leaves[b - first] = true;
                        changed = true;
                    }
                }

                if (!changed)
                {
                    return leaves;
                }
            }

            return null;
        }

        /// <summary>
        /// True when the branch gets out of the loop, or to a block of it that can: not back to its first block (the next
        /// turn), and not a throw (no normal way out).
        /// </summary>
        private static bool Leaves(ControlFlowBranch? branch, int first, int last, bool[]? leaves)
        {
            if (branch?.Destination is not { } destination || destination.Ordinal == first)
            {
                return false;
            }

            return destination.Ordinal < first || destination.Ordinal > last || leaves is null || leaves[destination.Ordinal - first];
        }

        /// <summary>
        /// The context a state reaches block <paramref name="to"/> in from block <paramref name="from"/>: a back edge (to a
        /// block at or before its source) sets <see cref="TurnBit"/>; leaving the innermost loop around the source clears
        /// it, so the code after a loop, and the rest of an outer loop after an inner one, are not "a later turn".
        /// </summary>
        private int TurnOf(int from, int to, int context)
        {
            if ((context & OuterTurnBit) != 0)
            {
                // Out of the shared head: one kind of later turn again.
                context = (context & ~OuterTurnBit) | TurnBit;
            }

            if (from < 0 || exitTest[from])
            {
                // After a test that may leave the loop, going on is no longer certain once the loop turned: the paths that
                // pass it are a first turn again (so a do-while's conditional back edge never starts a later turn).
                return context & ~TurnBit;
            }

            if (to <= from && loopFirst[from] >= 0)
            {
                return outerHeadFrom[from] == to ? (context & ~TurnBit) | OuterTurnBit : context | TurnBit;
            }

            if ((context & TurnBit) != 0 && loopFirst[to] == to && (from < to || from > loopLast[to]))
            {
                // A later turn of an outer loop entering an inner loop at its head: kept apart there from the inner loop's
                // own later turns (while (true) { while ((line = r.ReadLine()) != null) { … } r.Close(); }).
                return (context & ~TurnBit) | OuterTurnBit;
            }

            if ((context & TurnBit) != 0 && (loopFirst[from] < 0 || to < loopFirst[from] || to > loopLast[from]))
            {
                return context & ~TurnBit;
            }

            return context;
        }

        private int LevelOf(ControlFlowRegion region) => finallyLevels.TryGetValue(region, out var level) ? level : 0;

        /// <param name="level">How many finally regions enclose <paramref name="region"/>.</param>
        private void IndexRegions(ControlFlowRegion region, int level)
        {
            if (region.Kind == ControlFlowRegionKind.Finally)
            {
                finallyLevels[region] = level;
                for (var b = region.FirstBlockOrdinal; b <= region.LastBlockOrdinal && b < blockLevels.Length; b++)
                {
                    // Nested finally regions are indexed after this one and overwrite their own blocks.
                    blockLevels[b] = level + 1;
                }
            }

            if (region.Kind is ControlFlowRegionKind.TryAndCatch or ControlFlowRegionKind.TryAndFinally && region.NestedRegions.Length > 1)
            {
                finallyLevels[region] = level;
                var tryRegion = region.NestedRegions[0];
                for (var b = tryRegion.FirstBlockOrdinal; b <= tryRegion.LastBlockOrdinal && b < enclosingTries.Length; b++)
                {
                    (enclosingTries[b] ??= new List<(ControlFlowRegion, int)>()).Add((region, level));
                    insideTryWithFinally[b] |= region.Kind == ControlFlowRegionKind.TryAndFinally;
                }

                var entries = new List<int>();
                for (var i = 1; i < region.NestedRegions.Length; i++)
                {
                    entries.Add(region.NestedRegions[i].FirstBlockOrdinal);
                }

                handlerEntries[region] = entries;
            }

            var nestedLevel = region.Kind == ControlFlowRegionKind.Finally ? level + 1 : level;
            foreach (var nested in region.NestedRegions)
            {
                IndexRegions(nested, nestedLevel);
            }
        }

        private void Process(BasicBlock block, TState state, int context, bool propagate)
        {
            CurrentBlock = block;
            currentContext = context;
            EnterBlock(block, state);
            var tries = propagate ? enclosingTries[block.Ordinal] : null;
            Accumulate(tries, state, context);
            foreach (var operation in block.Operations)
            {
                Transfer(operation, state);
                if (Abandoned || IsUnreachable(state))
                {
                    return;
                }

                Accumulate(tries, state, context);
            }

            if (block.BranchValue is { } branchValue)
            {
                Transfer(branchValue, state);
                if (Abandoned || IsUnreachable(state))
                {
                    return;
                }

                Accumulate(tries, state, context);
            }

            if (!propagate)
            {
                VisitSuccessors(block, state);
                return;
            }

            if (block.ConditionalSuccessor is { } conditional)
            {
                var whenConditional = block.ConditionKind == ControlFlowConditionKind.WhenTrue;
                if (ConstantTaken(block) is bool taken)
                {
                    // while (true): the condition goes one way only; the other successor gets nothing from here.
                    if (taken)
                    {
                        Deliver(conditional, 0, state, context, owned: true);
                        return;
                    }
                }
                else if (block.BranchValue is { } condition)
                {
                    var other = Clone(state);
                    Refine(block, condition, other, whenConditional);
                    Deliver(conditional, 0, other, context, owned: true);
                    Refine(block, condition, state, !whenConditional);
                }
                else
                {
                    Deliver(conditional, 0, Clone(state), context, owned: true);
                }
            }

            if (block.FallThroughSuccessor is { } fallThrough)
            {
                if (fallThrough.Destination is null && fallThrough.Semantics == ControlFlowBranchSemantics.StructuredExceptionHandling)
                {
                    if (EnclosingFinally(block) is { } finallyRegion)
                    {
                        var level = LevelOf(finallyRegion);
                        if ((context & ExceptionalBit(level)) == 0)
                        {
                            FinallyExit(finallyRegion, state, context & ContextMask(level + 1), context & ContextMask(level));
                        }

                        // Entered by an exception: the exception goes on from here, to no continuation.
                    }
                }
                else
                {
                    // The last use of this visit's copy: the destination may keep it.
                    Deliver(fallThrough, 0, state, context, owned: true);
                }
            }
        }

        private void VisitSuccessors(BasicBlock block, TState state)
        {
            if (ConstantTaken(block) is bool taken)
            {
                if (taken)
                {
                    VisitBranch(block, block.ConditionalSuccessor!, state);
                }
                else if (block.FallThroughSuccessor is { } next)
                {
                    VisitBranch(block, next, state);
                }

                return;
            }

            if (block.ConditionalSuccessor is { } conditional)
            {
                var other = Clone(state);
                if (block.BranchValue is { } condition)
                {
                    var whenConditional = block.ConditionKind == ControlFlowConditionKind.WhenTrue;
                    Refine(block, condition, other, whenConditional);
                    VisitBranch(block, conditional, other);
                    Refine(block, condition, state, !whenConditional);
                }
                else
                {
                    VisitBranch(block, conditional, other);
                }
            }

            if (block.FallThroughSuccessor is { } fallThrough)
            {
                VisitBranch(block, fallThrough, state);
            }
        }

        /// <summary>
        /// For a conditional block whose condition is a constant (<c>while (true)</c>, <c>for (;;)</c> with a constant):
        /// true when the conditional successor is always taken, false when the fall-through always is; null otherwise.
        /// </summary>
        private static bool? ConstantTaken(BasicBlock block)
            => block.ConditionalSuccessor is not null && block.BranchValue?.ConstantValue is { HasValue: true, Value: bool value }
                ? value == (block.ConditionKind == ControlFlowConditionKind.WhenTrue)
                : null;

        /// <summary>The finally region that <paramref name="block"/> ends (a filter's end is not one).</summary>
        private static ControlFlowRegion? EnclosingFinally(BasicBlock block)
        {
            var region = block.EnclosingRegion;
            while (region is { Kind: ControlFlowRegionKind.LocalLifetime })
            {
                region = region.EnclosingRegion;
            }

            return region is { Kind: ControlFlowRegionKind.Finally } ? region : null;
        }

        /// <summary>
        /// Every state inside a try may reach its handlers (an exception can happen anywhere): a catch in the context of
        /// the try (the finally regions around both), a finally in its exceptional context.
        /// </summary>
        private void Accumulate(List<(ControlFlowRegion Region, int Level)>? tries, TState state, int context)
        {
            if (tries is null)
            {
                return;
            }

            foreach (var (region, level) in tries)
            {
                var key = (region, context & ContextMask(level));
                bool changed;
                if (!tryStates.TryGetValue(key, out var accumulated))
                {
                    tryStates[key] = accumulated = Clone(state);
                    changed = true;
                }
                else
                {
                    changed = JoinInto(accumulated, state);
                }

                if (changed && handlerEntries.TryGetValue(region, out var entries))
                {
                    var handlerState = StateForHandler(accumulated, region);
                    var handlerContext = region.Kind == ControlFlowRegionKind.TryAndFinally ? key.Item2 | ExceptionalBit(level) : key.Item2;
                    foreach (var entry in entries)
                    {
                        JoinAt(entry, handlerContext, handlerState, from: CurrentBlock?.Ordinal ?? -1);
                    }
                }
            }
        }

        /// <summary>
        /// Sends a state along a branch: through the finally regions it leaves (each entered in its normal context), then
        /// to its destination. <paramref name="owned"/>: the caller never uses <paramref name="state"/> again, so a block
        /// reached for the first time may keep it as its in-state instead of a copy.
        /// </summary>
        private void Deliver(ControlFlowBranch branch, int index, TState state, int context, bool owned = false)
        {
            // Only a branch that leaves the try of a try/finally runs a finally region: for every other branch the list is
            // empty, and not asking spares the graph computing it (ControlFlowBranch.FinallyRegions is built on first use).
            if (index == 0 && LeavesNoTryWithFinally(branch))
            {
                if (branch.Destination is { } direct)
                {
                    // Into a foreach over a collection that is never empty from before the loop: its first MoveNext is true,
                    // so the path goes into the body, never out of the loop at once (fresh102 F2, a foreach over Split).
                    var ordinal = firstTurnEntry is not null && branch.Source.Ordinal < direct.Ordinal && firstTurnEntry[direct.Ordinal] >= 0
                        ? firstTurnEntry[direct.Ordinal]
                        : direct.Ordinal;
                    JoinAt(ordinal, context, state, owned, branch.Source.Ordinal);
                }

                return;
            }

            if (index < branch.FinallyRegions.Length)
            {
                // The region is entered in the context of the regions around it, with its own slot saying which
                // continuation entered it; its end goes on in the context of the regions around it.
                var finallyRegion = branch.FinallyRegions[index];
                var level = LevelOf(finallyRegion);
                var outer = context & ContextMask(level);
                var key = (finallyRegion, outer | ContinuationSlot(level, ContinuationOf(finallyRegion, level, branch)));
                if (!finallyContinuations.TryGetValue(key, out var continuations))
                {
                    finallyContinuations[key] = continuations = new HashSet<(ControlFlowBranch, int)>();
                }

                if (continuations.Add((branch, index)) && finallyExits.TryGetValue(key, out var exit))
                {
                    Deliver(branch, index + 1, exit, outer);
                }

                JoinAt(finallyRegion.FirstBlockOrdinal, key.Item2, state, owned, branch.Source.Ordinal);
            }
            else if (branch.Destination is { } destination)
            {
                JoinAt(destination.Ordinal, context, state, owned, branch.Source.Ordinal);
            }
        }

        /// <summary>True when <paramref name="branch"/> certainly leaves no try whose region has a finally.</summary>
        private bool LeavesNoTryWithFinally(ControlFlowBranch branch)
        {
            var source = branch.Source.Ordinal;
            if (!insideTryWithFinally[source])
            {
                return true;
            }

            if (branch.Destination is not { } destination || enclosingTries[source] is not { } tries)
            {
                return false;
            }

            foreach (var (region, _) in tries)
            {
                var tryRegion = region.NestedRegions[0];
                if (region.Kind == ControlFlowRegionKind.TryAndFinally
                    && (destination.Ordinal < tryRegion.FirstBlockOrdinal || destination.Ordinal > tryRegion.LastBlockOrdinal))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// The end of a finally region entered normally, in <paramref name="context"/> (that of the regions around it and
        /// its own continuation): on to the continuations that entered it, in <paramref name="outer"/> (that of the regions
        /// around it).
        /// </summary>
        private void FinallyExit(ControlFlowRegion finallyRegion, TState state, int context, int outer)
        {
            var key = (finallyRegion, context);
            bool changed;
            if (!finallyExits.TryGetValue(key, out var exit))
            {
                finallyExits[key] = exit = Clone(state);
                changed = true;
            }
            else
            {
                changed = JoinInto(exit, state);
            }

            if (changed && finallyContinuations.TryGetValue(key, out var continuations))
            {
                foreach (var (branch, index) in new List<(ControlFlowBranch, int)>(continuations))
                {
                    Deliver(branch, index + 1, exit, outer);
                }
            }
        }

        /// <summary>
        /// Joins <paramref name="state"/> into the in-state of a block in a context (cut to the finally regions around
        /// the block); <paramref name="owned"/>: see <see cref="Deliver"/>.
        /// </summary>
        /// <param name="from">The block the state comes from (-1: the entry), which tells a loop's back edge and its exits.</param>
        private void JoinAt(int ordinal, int context, TState state, bool owned = false, int from = -1)
        {
            if (ordinal < 0 || ordinal >= inStates.Length)
            {
                return;
            }

            context &= ContextMask(blockLevels[ordinal]);
            if (trackTurns)
            {
                context = TurnOf(from, ordinal, context);
            }

            if (context == 0)
            {
                var existing = inStates[ordinal];
                bool changed;
                if (existing is null)
                {
                    inStates[ordinal] = owned ? state : Clone(state);
                    changed = true;
                }
                else
                {
                    changed = JoinInto(existing, state);
                }

                if (changed && !queued[ordinal])
                {
                    queued[ordinal] = true;
                    worklist.Push(ordinal, 0, from >= ordinal ? lastBackEdge[ordinal] : -1);
                }

                return;
            }

            var key = (ordinal, context);
            bool grew;
            if (!contextStates.TryGetValue(key, out var known))
            {
                contextStates[key] = owned ? state : Clone(state);
                (contextsOf[ordinal] ??= new List<int>()).Add(context);
                budget += VisitsPerBlock;
                grew = true;
            }
            else
            {
                grew = JoinInto(known, state);
            }

            if (grew && contextQueued.Add(key))
            {
                worklist.Push(ordinal, key.context, from >= ordinal ? lastBackEdge[ordinal] : -1);
            }
        }
    }
}
