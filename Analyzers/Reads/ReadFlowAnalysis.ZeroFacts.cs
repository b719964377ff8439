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
    internal sealed partial class ReadFlowAnalysis
    {
        // ---- SOCK011: where the 0-count facts go ----

        /// <summary>The key of the 0 fact of <paramref name="site"/>'s later 0 turns (<see cref="RestartZero"/>): after every read's own index.</summary>
        private int SteadyKey(ReadSite site) => site.Index + body.Sites.Count;

        /// <summary>The read a key of <see cref="ReadState.Zero"/> belongs to (its first 0 turn's key, or its later ones').</summary>
        private int ZeroRead(int key) => key < body.Sites.Count ? key : key - body.Sites.Count;

        private ReadSite ZeroSite(int key) => body.Sites[ZeroRead(key)];

        /// <summary>A 0-count fact at an operation outside every loop around its read can never come back to the read: it got out.</summary>
        private void LeaveLoops(IOperation operation, ReadState state)
        {
            scratch.Clear();
            foreach (var pair in state.Zero)
            {
                var loops = ZeroSite(pair.Key).Loops;
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

        /// <summary>
        /// The 0 fact under <paramref name="read"/> gets out of the read's loops. The last turn that read data of a loop that
        /// reads only when data waits (<see cref="PollTurn.LastData"/>) is no way out: whether it leaves depends on the data,
        /// and the turns after the close do not read (<paramref name="always"/>: it is one, the connection may be another).
        /// </summary>
        private void Escape(int read, ReadState state, bool always = false)
        {
            if (Reporting && (always || !(state.Zero.TryGetValue(read, out var fact) && fact.Poll == PollTurn.LastData)))
            {
                escaped[ZeroRead(read)] = true;
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
                    var site = ZeroSite(pair.Key);
                    if (!exceptional && site.RearmedInFinally)
                    {
                        // Out of the try by its finally, which starts the next receive: no way out of the chain.
                        continue;
                    }

                    if ((!exceptional || !FinallyBetween(site)) && pair.Value.Poll != PollTurn.LastData)
                    {
                        escaped[ZeroRead(pair.Key)] = true;
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

        /// <summary>
        /// The condition is made of constants only: literals, and locals whose one value in the body is a constant (<c>bool
        /// stop = true;</c>, or <c>stop = true;</c> as their only assignment), under <c>!</c>, comparisons and conversions.
        /// </summary>
        private bool IsSameConstantEveryTurn(IOperation operation, int depth)
        {
            if (depth > 8)
            {
                return false;
            }

            if (operation.ConstantValue.HasValue)
            {
                return true;
            }

            switch (operation)
            {
                case IConversionOperation conversion:
                    return IsSameConstantEveryTurn(conversion.Operand, depth + 1);
                case IParenthesizedOperation parenthesized:
                    return IsSameConstantEveryTurn(parenthesized.Operand, depth + 1);
                case IUnaryOperation unary:
                    return IsSameConstantEveryTurn(unary.Operand, depth + 1);
                case IBinaryOperation binary:
                    return IsSameConstantEveryTurn(binary.LeftOperand, depth + 1) && IsSameConstantEveryTurn(binary.RightOperand, depth + 1);
                case ILocalReferenceOperation local:
                    return SingleConstant(local.Local).HasValue;
                default:
                    return false;
            }
        }

        /// <summary>
        /// The value of a condition of constants only (<see cref="IsSameConstantEveryTurn"/>) when it is a <c>bool</c> this can
        /// work out: a constant, a local whose one value is a constant, <c>!</c>, <c>==</c> and <c>!=</c> of such values, and
        /// comparisons of such integers. Null otherwise.
        /// </summary>
        private object? ConstantOf(IOperation operation, int depth)
        {
            if (depth > 8)
            {
                return null;
            }

            if (operation.ConstantValue is { HasValue: true } constant)
            {
                return constant.Value;
            }

            switch (operation)
            {
                case IConversionOperation { OperatorMethod: null, IsChecked: false } conversion when conversion.Type?.SpecialType == conversion.Operand.Type?.SpecialType:
                    return ConstantOf(conversion.Operand, depth + 1);
                case IParenthesizedOperation parenthesized:
                    return ConstantOf(parenthesized.Operand, depth + 1);
                case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not, OperatorMethod: null } not:
                    return ConstantOf(not.Operand, depth + 1) is bool operand ? !operand : null;
                case IBinaryOperation { OperatorMethod: null } binary:
                    var left = ConstantOf(binary.LeftOperand, depth + 1);
                    var right = ConstantOf(binary.RightOperand, depth + 1);
                    if (left is null || right is null)
                    {
                        return null;
                    }

                    if (binary.OperatorKind is BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals && left.GetType() == right.GetType())
                    {
                        return left.Equals(right) == (binary.OperatorKind == BinaryOperatorKind.Equals);
                    }

                    if (left is int l && right is int r)
                    {
                        return binary.OperatorKind switch
                        {
                            BinaryOperatorKind.LessThan => l < r,
                            BinaryOperatorKind.LessThanOrEqual => l <= r,
                            BinaryOperatorKind.GreaterThan => l > r,
                            BinaryOperatorKind.GreaterThanOrEqual => l >= r,
                            _ => null,
                        };
                    }

                    return null;
                case ILocalReferenceOperation local when SingleConstant(local.Local) is { HasValue: true } single:
                    return single.Value;
                default:
                    return null;
            }
        }

        private bool? ConstantEveryTurn(IOperation condition, int depth) => ConstantOf(condition, depth) as bool?;

        /// <summary>The constant a local holds everywhere: its one value in the body, when that is a constant and no lambda writes it.</summary>
        private Optional<object?> SingleConstant(ILocalSymbol local)
            => !body.CapturedWritten.Contains(local) && body.SingleValue(local) is { ConstantValue: { HasValue: true } constant } ? constant : default;

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
                if (state.Pending.Count > 0)
                {
                    CaughtUp(branchValue, state, conditionValue);
                }
            }

            if (state.Zero.Count == 0)
            {
                return;
            }

            pollHandled.Clear();
            if (body.GuardsAvailable)
            {
                PollGuard(branchValue, state, conditionValue);
            }

            scratch.Clear();
            foreach (var pair in state.Zero)
            {
                if (pollHandled.Count > 0 && pollHandled.Contains(pair.Key))
                {
                    continue;
                }

                var site = ZeroSite(pair.Key);
                // A condition of constants only (while (!done) with done = false and nothing else) decides the same on
                // every turn: as known as a test of the 0.
                var value = Truth(branchValue, pair.Value, site) ?? ConstantEveryTurn(branchValue, 0);
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
                // Nor a condition of constants only that this cannot evaluate (it decided the same on the first turn, which
                // may have left).
                if (IsStable(branchValue, pair.Value, site, null) && !UsesEndValue(branchValue, pair.Value, site, 0)
                    && InnermostLoop(site, branchValue.Syntax) is { } loop && !IsCountDependent(branchValue.Syntax, loop)
                    && !IsSameConstantEveryTurn(branchValue, 0))
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

        /// <summary>The keys of <see cref="ReadState.Zero"/> that <see cref="PollGuard"/> took care of at the current branch.</summary>
        private readonly System.Collections.Generic.List<int> pollHandled = new();

        /// <summary>
        /// A guard that says whether data waits on a connection (<c>stream.DataAvailable</c>, <c>client.Available &gt; 0</c>), met
        /// by the facts of a read of that connection that runs only when data waits (<see cref="ZeroFact.Poll"/>). Once the
        /// peer has closed nothing waits: the side where data waits is no path of theirs, and the other side starts a turn
        /// after the close (<see cref="PollTurn.Closed"/>). A turn after the close that comes back to the guard comes back for
        /// ever (the read is never reached again): the read's loop polls forever unless a way out was found. So a poll whose
        /// body tests the count (<c>if (stream.DataAvailable) { n = stream.Read(…); if (n == 0) break; … }</c>) is reported: that
        /// test is never true (fresh55's memcached load tester). A connection that other code may replace is given up (the next
        /// one may have data).
        /// </summary>
        private void PollGuard(IOperation branchValue, ReadState state, bool conditionValue)
        {
            bool dataWaits;
            IPropertyReferenceOperation? available;
            if (AvailableGuard.AtLeast(branchValue, conditionValue, symbols.Catalogue, out available) is int)
            {
                dataWaits = true;
            }
            else if (AvailableGuard.AtLeast(branchValue, !conditionValue, symbols.Catalogue, out available) is int)
            {
                dataWaits = false;
            }
            else
            {
                return;
            }

            if (body.RootOfConnection(available!.Instance, symbols) is not { } root)
            {
                return;
            }

            foreach (var pair in state.Zero)
            {
                if (pair.Value.Poll != PollTurn.None && SymbolEqualityComparer.Default.Equals(ZeroSite(pair.Key).ConnectionRoot, root))
                {
                    pollHandled.Add(pair.Key);
                }
            }

            foreach (var key in pollHandled)
            {
                if (MayBeReplaced(available.Instance, state.Zero[key]))
                {
                    foreach (var gone in pollHandled)
                    {
                        Escape(gone, state, always: true);
                    }

                    return;
                }
            }

            if (dataWaits)
            {
                foreach (var key in pollHandled)
                {
                    state.Zero.Remove(key);
                }

                return;
            }

            for (var i = 0; i < pollHandled.Count; i++)
            {
                var read = ZeroRead(pollHandled[i]);
                var taken = false;
                for (var j = 0; j < i && !taken; j++)
                {
                    taken = ZeroRead(pollHandled[j]) == read;
                }

                if (!taken)
                {
                    NextClosedTurn(body.Sites[read], state);
                }
            }
        }

        /// <summary>
        /// At the side of its guard where nothing waits, a turn after the close starts for <paramref name="site"/>'s poll
        /// facts, as <see cref="RestartZero"/> starts a 0 turn at a read: a turn after the close that came back (the later
        /// turns' fact) makes every turn from now on the same, and the last turn that read data joins it.
        /// </summary>
        private void NextClosedTurn(ReadSite site, ReadState state)
        {
            var steadyKey = SteadyKey(site);
            state.Zero.TryGetValue(steadyKey, out var steady);
            if (steady is { Poll: PollTurn.Closed })
            {
                if (Reporting && !steady.Wrote)
                {
                    reachedAgain[site.Index] = true;
                    spinsAgain[site.Index] |= !steady.Blocked;
                }

                StartClosedTurn(steady);
            }

            if (state.Zero.TryGetValue(site.Index, out var first) && first.Poll == PollTurn.LastData)
            {
                state.Zero.Remove(site.Index);
                StartClosedTurn(first);
                if (steady is null)
                {
                    state.Zero[steadyKey] = first;
                }
                else
                {
                    // A 0 turn's fact of the same read (a visit that did not poll) stays one: it counts every way out.
                    steady.JoinFrom(first);
                }
            }

            static void StartClosedTurn(ZeroFact fact)
            {
                fact.Blocked = false;
                fact.Wrote = false;
                fact.ClearHolding();
                fact.Poll = PollTurn.Closed;
            }
        }
    }
}
