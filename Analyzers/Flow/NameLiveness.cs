using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SocketAnalyzers.Flow
{
    /// <summary>
    /// Which locals and flow captures a block of one graph can still reach a use of, so that a family's state holds only
    /// those: without it, one long method's state grows with every name it ever bound, and copying and joining it at
    /// every block makes the method's cost quadratic.
    /// <para>
    /// Blocks are in source order and flow runs forward except along back edges (loops, backward gotos). So a name
    /// used last at block u is dead at block b when u &lt; b and no back edge leaving at b or later lands at or before
    /// u. This over-approximates liveness (a back edge further on counts even if b cannot reach it), which is the safe
    /// side: a dead name is dropped, a live one never. Linear: one pass over the graph's operations.
    /// </para>
    /// </summary>
    internal sealed class NameLiveness
    {
        /// <summary>
        /// A family prunes its state only when it holds more names than this. A state that small costs less to copy and
        /// join than the liveness scan costs to build, and it cannot grow with the method: once it passes the bound it is
        /// pruned to the live names, so its size stays within max(bound, live names) and the cost stays linear.
        /// </summary>
        public const int PruneAbove = 16;

        private readonly Dictionary<object, int> lastUse;
        private readonly int[] loopBack;

        private NameLiveness(Dictionary<object, int> lastUse, int[] loopBack)
        {
            this.lastUse = lastUse;
            this.loopBack = loopBack;
        }

        /// <summary>Scans <paramref name="graph"/> once; names are keyed with <paramref name="comparer"/>.</summary>
        public static NameLiveness Compute(ControlFlowGraph graph, IEqualityComparer<object> comparer, CancellationToken cancellationToken)
        {
            var blocks = graph.Blocks;
            var lastUse = new Dictionary<object, int>(comparer);
            var pending = new Stack<IOperation>();
            var loopBack = new int[blocks.Length + 1];
            for (var i = 0; i < loopBack.Length; i++)
            {
                loopBack[i] = int.MaxValue;
            }

            foreach (var block in blocks)
            {
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var operation in block.Operations)
                {
                    NoteUses(operation, block.Ordinal, lastUse, pending);
                }

                if (block.BranchValue is { } branchValue)
                {
                    NoteUses(branchValue, block.Ordinal, lastUse, pending);
                }

                NoteBackEdge(block, block.ConditionalSuccessor, loopBack);
                NoteBackEdge(block, block.FallThroughSuccessor, loopBack);
            }

            for (var i = blocks.Length - 2; i >= 0; i--)
            {
                loopBack[i] = Math.Min(loopBack[i], loopBack[i + 1]);
            }

            return new NameLiveness(lastUse, loopBack);
        }

        /// <summary>True when <paramref name="name"/> (an <see cref="ILocalSymbol"/> or a <see cref="CaptureId"/>) has no use that block <paramref name="ordinal"/> can reach.</summary>
        public bool IsDead(object name, int ordinal)
            => !lastUse.TryGetValue(name, out var last) || (last < ordinal && last < loopBack[ordinal]);

        /// <summary>
        /// The locals and flow captures among <paramref name="names"/> that block <paramref name="ordinal"/> cannot reach a
        /// use of, except those a lambda or local function captures (they may run at any time); null when there are none.
        /// </summary>
        public List<object>? DeadNames(IEnumerable<object> names, ISet<ISymbol> captured, int ordinal)
        {
            List<object>? dead = null;
            foreach (var name in names)
            {
                if (name is ILocalSymbol or CaptureId && !(name is ISymbol symbol && captured.Contains(symbol)) && IsDead(name, ordinal))
                {
                    (dead ??= new List<object>()).Add(name);
                }
            }

            return dead;
        }

        private static void NoteBackEdge(BasicBlock block, ControlFlowBranch? branch, int[] loopBack)
        {
            if (branch?.Destination is { } destination && destination.Ordinal <= block.Ordinal)
            {
                loopBack[block.Ordinal] = Math.Min(loopBack[block.Ordinal], destination.Ordinal);
            }
        }

        private static void NoteUses(IOperation root, int ordinal, Dictionary<object, int> lastUse, Stack<IOperation> pending)
        {
            // An explicit stack shared by the whole scan instead of DescendantsAndSelf, which allocates an iterator per node.
            pending.Push(root);
            while (pending.Count > 0)
            {
                var operation = pending.Pop();
                object? key = operation switch
                {
                    ILocalReferenceOperation local => local.Local,
                    IFlowCaptureReferenceOperation reference => reference.Id,
                    IFlowCaptureOperation capture => capture.Id,
                    _ => null,
                };

                if (key is not null)
                {
                    lastUse[key] = ordinal;
                }

                foreach (var child in operation.ChildOperations)
                {
                    pending.Push(child);
                }
            }
        }
    }
}
