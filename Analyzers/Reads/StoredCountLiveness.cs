using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Common;

namespace SocketAnalyzers.Reads
{
    /// <summary>
    /// For SOCK010: whether the count a read stores in a local can ever be read, or every path overwrites it (or ends)
    /// first: <c>n = s.Receive(a); n = s.Receive(b); return n;</c> loses the first count. Unknown means live: a local
    /// used by a lambda or local function, or read in a <c>catch</c> or <c>finally</c>, is never reported.
    /// </summary>
    internal static class StoredCountLiveness
    {
        private const int MaxBlocks = 2000;

        /// <summary>True when no path from the read's assignment reads <paramref name="local"/> before writing it again.</summary>
        public static bool IsDeadStore(ControlFlowGraph rootGraph, IInvocationOperation read, ILocalSymbol local)
        {
            if (IsUsedOutsideNormalFlow(read.Root(), local))
            {
                return false;
            }

            var graph = ReadLoopFlow.FindGraph(rootGraph, read.Syntax, out var startBlock, out var startIndex);
            if (graph is null || startBlock is null || startIndex >= startBlock.Operations.Length)
            {
                // Not found, or the read is in a branch condition: not a plain store.
                return false;
            }

            var work = new Stack<(BasicBlock Block, int From)>();
            var visited = new HashSet<int>();
            work.Push((startBlock, startIndex + 1));
            var steps = 0;
            while (work.Count > 0)
            {
                if (++steps > MaxBlocks)
                {
                    return false;
                }

                var (block, from) = work.Pop();
                if (from == 0 && !visited.Add(block.Ordinal))
                {
                    continue;
                }

                var killed = false;
                for (var i = from; i < block.Operations.Length && !killed; i++)
                {
                    switch (Access(block.Operations[i], local))
                    {
                        case LocalAccess.Read:
                            return false;
                        case LocalAccess.Write:
                            killed = true;
                            break;
                    }
                }

                if (killed)
                {
                    continue;
                }

                if (block.BranchValue is { } branch)
                {
                    switch (Access(branch, local))
                    {
                        case LocalAccess.Read:
                            return false;
                        case LocalAccess.Write:
                            continue;
                    }
                }

                foreach (var successor in new[] { block.FallThroughSuccessor, block.ConditionalSuccessor })
                {
                    if (successor is null)
                    {
                        continue;
                    }

                    switch (successor.Semantics)
                    {
                        case ControlFlowBranchSemantics.Regular:
                        case ControlFlowBranchSemantics.Return:
                            if (successor.Destination is { } destination && destination.Kind != BasicBlockKind.Exit)
                            {
                                work.Push((destination, 0));
                            }

                            break;
                        case ControlFlowBranchSemantics.Throw:
                        case ControlFlowBranchSemantics.Rethrow:
                        case ControlFlowBranchSemantics.ProgramTermination:
                            break;
                        default:
                            // The end of a finally or catch, an error: where it goes is not modelled.
                            return false;
                    }
                }
            }

            return true;
        }

        private enum LocalAccess
        {
            None,
            Read,
            Write,
        }

        /// <summary>How one operation touches the local; a read anywhere in it counts first (x = x + 1 reads x).</summary>
        private static LocalAccess Access(IOperation operation, ILocalSymbol local)
        {
            var result = LocalAccess.None;
            foreach (var d in operation.DescendantsAndSelf())
            {
                if (d is not ILocalReferenceOperation reference || !SymbolEqualityComparer.Default.Equals(reference.Local, local))
                {
                    continue;
                }

                if (reference.Parent is ISimpleAssignmentOperation assignment && assignment.Target == reference)
                {
                    result = LocalAccess.Write;
                }
                else
                {
                    // Compound assignment, increment, ref/out argument and every plain use read the value.
                    return LocalAccess.Read;
                }
            }

            return result;
        }

        /// <summary>True when a lambda or local function uses the local, or a catch or finally clause does.</summary>
        private static bool IsUsedOutsideNormalFlow(IOperation root, ILocalSymbol local)
        {
            foreach (var op in root.Descendants())
            {
                if (op is not ILocalReferenceOperation reference || !SymbolEqualityComparer.Default.Equals(reference.Local, local))
                {
                    continue;
                }

                for (var p = op.Parent; p is not null; p = p.Parent)
                {
                    if (p is IAnonymousFunctionOperation or ILocalFunctionOperation or ICatchClauseOperation)
                    {
                        return true;
                    }

                    if (p.Parent is ITryOperation tryOperation && tryOperation.Finally == p)
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
