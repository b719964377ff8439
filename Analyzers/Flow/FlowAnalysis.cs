using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;

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
        private readonly Queue<int> worklist = new();
        private readonly Dictionary<ControlFlowRegion, List<int>> handlerEntries = new();
        private readonly Dictionary<ControlFlowRegion, TState> tryStates = new();
        private readonly Dictionary<ControlFlowRegion, TState> finallyExits = new();
        private readonly Dictionary<ControlFlowRegion, HashSet<(ControlFlowBranch Branch, int Index)>> finallyContinuations = new();
        private TState?[] inStates = Array.Empty<TState?>();
        private bool[] queued = Array.Empty<bool>();
        private List<ControlFlowRegion>?[] enclosingTries = Array.Empty<List<ControlFlowRegion>?>();
        private bool[] insideTryWithFinally = Array.Empty<bool>();
        private bool converged;
        private int expressionDepth;

        protected FlowAnalysis(ControlFlowGraph graph, CancellationToken cancellationToken)
        {
            Graph = graph;
            CancellationToken = cancellationToken;
        }

        /// <summary>The graph of the body under analysis.</summary>
        protected ControlFlowGraph Graph { get; }

        protected CancellationToken CancellationToken { get; }

        /// <summary>True while <see cref="Replay"/> runs: the only time a family may report.</summary>
        protected bool Reporting { get; private set; }

        /// <summary>The block whose operations are being transferred.</summary>
        protected BasicBlock? CurrentBlock { get; private set; }

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

        /// <summary>How many block visits one body may take, per block: a loop converges long before.</summary>
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
        /// path without exceptions, such as "this read returned 0", do not hold on the exceptional edge.
        /// </summary>
        protected virtual TState StateForHandler(TState state) => state;

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
            enclosingTries = new List<ControlFlowRegion>?[blocks.Length];
            insideTryWithFinally = new bool[blocks.Length];
            IndexRegions(Graph.Root);

            JoinAt(0, CreateEntryState(), owned: true);
            var budget = 256 + (blocks.Length * VisitsPerBlock);
            while (worklist.Count > 0)
            {
                CancellationToken.ThrowIfCancellationRequested();
                if (--budget < 0)
                {
                    return false;
                }

                var ordinal = worklist.Dequeue();
                queued[ordinal] = false;
                Process(blocks[ordinal], Clone(inStates[ordinal]!), propagate: true);
                if (Abandoned)
                {
                    return false;
                }
            }

            converged = true;
            return true;
        }

        /// <summary>Visits every reachable block once more, from its converged in-state, with <see cref="Reporting"/> on.</summary>
        public void Replay()
        {
            if (!converged || Abandoned)
            {
                return;
            }

            Reporting = true;
            try
            {
                foreach (var block in Graph.Blocks)
                {
                    CancellationToken.ThrowIfCancellationRequested();
                    if (inStates[block.Ordinal] is { } state)
                    {
                        // The replay is the in-state's last use: it may be changed in place instead of copied.
                        inStates[block.Ordinal] = null;
                        Process(block, state, propagate: false);
                    }
                }
            }
            finally
            {
                Reporting = false;
                CurrentBlock = null;
            }
        }

        private void IndexRegions(ControlFlowRegion region)
        {
            if (region.Kind is ControlFlowRegionKind.TryAndCatch or ControlFlowRegionKind.TryAndFinally && region.NestedRegions.Length > 1)
            {
                var tryRegion = region.NestedRegions[0];
                for (var b = tryRegion.FirstBlockOrdinal; b <= tryRegion.LastBlockOrdinal && b < enclosingTries.Length; b++)
                {
                    (enclosingTries[b] ??= new List<ControlFlowRegion>()).Add(region);
                    insideTryWithFinally[b] |= region.Kind == ControlFlowRegionKind.TryAndFinally;
                }

                var entries = new List<int>();
                for (var i = 1; i < region.NestedRegions.Length; i++)
                {
                    entries.Add(region.NestedRegions[i].FirstBlockOrdinal);
                }

                handlerEntries[region] = entries;
            }

            foreach (var nested in region.NestedRegions)
            {
                IndexRegions(nested);
            }
        }

        private void Process(BasicBlock block, TState state, bool propagate)
        {
            CurrentBlock = block;
            EnterBlock(block, state);
            var tries = propagate ? enclosingTries[block.Ordinal] : null;
            Accumulate(tries, state);
            foreach (var operation in block.Operations)
            {
                Transfer(operation, state);
                if (Abandoned || IsUnreachable(state))
                {
                    return;
                }

                Accumulate(tries, state);
            }

            if (block.BranchValue is { } branchValue)
            {
                Transfer(branchValue, state);
                if (Abandoned || IsUnreachable(state))
                {
                    return;
                }

                Accumulate(tries, state);
            }

            if (!propagate)
            {
                VisitSuccessors(block, state);
                return;
            }

            if (block.ConditionalSuccessor is { } conditional)
            {
                var whenConditional = block.ConditionKind == ControlFlowConditionKind.WhenTrue;
                if (block.BranchValue is { } condition)
                {
                    var other = Clone(state);
                    Refine(block, condition, other, whenConditional);
                    Deliver(conditional, 0, other, owned: true);
                    Refine(block, condition, state, !whenConditional);
                }
                else
                {
                    Deliver(conditional, 0, Clone(state), owned: true);
                }
            }

            if (block.FallThroughSuccessor is { } fallThrough)
            {
                if (fallThrough.Destination is null && fallThrough.Semantics == ControlFlowBranchSemantics.StructuredExceptionHandling)
                {
                    if (EnclosingFinally(block) is { } finallyRegion)
                    {
                        FinallyExit(finallyRegion, state);
                    }
                }
                else
                {
                    // The last use of this visit's copy: the destination may keep it.
                    Deliver(fallThrough, 0, state, owned: true);
                }
            }
        }

        private void VisitSuccessors(BasicBlock block, TState state)
        {
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

        /// <summary>Every state inside a try may reach its handlers (an exception can happen anywhere).</summary>
        private void Accumulate(List<ControlFlowRegion>? tries, TState state)
        {
            if (tries is null)
            {
                return;
            }

            foreach (var region in tries)
            {
                bool changed;
                if (!tryStates.TryGetValue(region, out var accumulated))
                {
                    tryStates[region] = accumulated = Clone(state);
                    changed = true;
                }
                else
                {
                    changed = JoinInto(accumulated, state);
                }

                if (changed && handlerEntries.TryGetValue(region, out var entries))
                {
                    var handlerState = StateForHandler(accumulated);
                    foreach (var entry in entries)
                    {
                        JoinAt(entry, handlerState);
                    }
                }
            }
        }

        /// <summary>
        /// Sends a state along a branch: through the finally regions it leaves, then to its destination.
        /// <paramref name="owned"/>: the caller never uses <paramref name="state"/> again, so a block reached for the
        /// first time may keep it as its in-state instead of a copy.
        /// </summary>
        private void Deliver(ControlFlowBranch branch, int index, TState state, bool owned = false)
        {
            // Only a branch that leaves the try of a try/finally runs a finally region: for every other branch the list is
            // empty, and not asking spares the graph computing it (ControlFlowBranch.FinallyRegions is built on first use).
            if (index == 0 && LeavesNoTryWithFinally(branch))
            {
                if (branch.Destination is { } direct)
                {
                    JoinAt(direct.Ordinal, state, owned);
                }

                return;
            }

            if (index < branch.FinallyRegions.Length)
            {
                var finallyRegion = branch.FinallyRegions[index];
                if (!finallyContinuations.TryGetValue(finallyRegion, out var continuations))
                {
                    finallyContinuations[finallyRegion] = continuations = new HashSet<(ControlFlowBranch, int)>();
                }

                if (continuations.Add((branch, index)) && finallyExits.TryGetValue(finallyRegion, out var exit))
                {
                    Deliver(branch, index + 1, exit);
                }

                JoinAt(finallyRegion.FirstBlockOrdinal, state, owned);
            }
            else if (branch.Destination is { } destination)
            {
                JoinAt(destination.Ordinal, state, owned);
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

            foreach (var region in tries)
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

        private void FinallyExit(ControlFlowRegion finallyRegion, TState state)
        {
            bool changed;
            if (!finallyExits.TryGetValue(finallyRegion, out var exit))
            {
                finallyExits[finallyRegion] = exit = Clone(state);
                changed = true;
            }
            else
            {
                changed = JoinInto(exit, state);
            }

            if (changed && finallyContinuations.TryGetValue(finallyRegion, out var continuations))
            {
                foreach (var (branch, index) in new List<(ControlFlowBranch, int)>(continuations))
                {
                    Deliver(branch, index + 1, exit);
                }
            }
        }

        /// <summary>Joins <paramref name="state"/> into the in-state of a block; <paramref name="owned"/>: see <see cref="Deliver"/>.</summary>
        private void JoinAt(int ordinal, TState state, bool owned = false)
        {
            if (ordinal < 0 || ordinal >= inStates.Length)
            {
                return;
            }

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
                worklist.Enqueue(ordinal);
            }
        }
    }
}
