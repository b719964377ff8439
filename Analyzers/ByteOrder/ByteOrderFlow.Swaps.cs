using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Common;
using SocketAnalyzers.Model;

namespace SocketAnalyzers.ByteOrder
{
    /// <summary>
    /// SOCK021's manual reversal by swaps: received bytes swapped in place end for end before a host-order read are in
    /// the order the code chose, as after <c>Array.Reverse(b, i, n)</c>. Two ways to know it:
    /// <list type="bullet">
    /// <item>with constant indices, the flow carries the swapped pairs of each place (<see cref="BytePlace.Swaps"/>), so a
    /// swap under <c>if (BitConverter.IsLittleEndian)</c> or in every branch counts;</item>
    /// <item>with indices the code computes (<c>data[9 + i * 2]</c> and <c>data[9 + i * 2 + 1]</c> in a loop), the swaps
    /// must be the operations right before the read in the same block, on the same index expression give or take
    /// constants: every path to the read runs them.</item>
    /// </list>
    /// A swap is <c>t = b[i]; b[i] = b[j]; b[j] = t;</c>, <c>t = b[i]; u = b[j]; b[i] = u; b[j] = t;</c> (the last two
    /// in either order), or a tuple assignment whose targets take each other's elements (<c>(b[i], b[j]) = (b[j], b[i])</c>).
    /// </summary>
    internal sealed partial class ByteOrderFlow
    {
        /// <summary>An element index: a constant, or an expression (<see cref="Base"/>, its text) plus a constant.</summary>
        private readonly struct ElementIndex : System.IEquatable<ElementIndex>
        {
            public ElementIndex(string? @base, int offset)
            {
                Base = @base;
                Offset = offset;
            }

            public string? Base { get; }

            public int Offset { get; }

            public bool Equals(ElementIndex other) => Base == other.Base && Offset == other.Offset;

            public override bool Equals(object? obj) => obj is ElementIndex other && Equals(other);

            public override int GetHashCode() => ((Base?.GetHashCode() ?? 0) * 397) ^ Offset;
        }

        /// <summary>The swaps of one run of operations on one array place.</summary>
        private sealed class SwapRun
        {
            public SwapRun(object key, List<(ElementIndex First, ElementIndex Second)> pairs, int operations)
            {
                Key = key;
                Pairs = pairs;
                Operations = operations;
            }

            public object Key { get; }

            public List<(ElementIndex First, ElementIndex Second)> Pairs { get; }

            /// <summary>How many operations of the block the run takes.</summary>
            public int Operations { get; }
        }

        /// <summary>
        /// True when the bytes a host-order read decodes are received bytes swapped in place on every path since they were
        /// received, end for end (<see cref="BytePlace.IsReversedInPlace"/>): the place and the start are known (a constant
        /// <c>startIndex</c>, a view at a constant offset).
        /// </summary>
        private bool ReversedInPlace(IInvocationOperation invocation, HostOrderApi api, ByteState state)
        {
            var buffer = CatalogueIndex.Argument(invocation, api.BufferOrdinal);
            var size = SizeOf(invocation.TargetMethod.ReturnType);
            if (buffer is null || size < 2 || Destination(buffer, out var start) is not { } key || start < 0 || state.Get(key) is not { Swaps.IsEmpty: false } place)
            {
                return false;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument.Value != buffer && argument.Parameter?.Type.SpecialType == SpecialType.System_Int32)
                {
                    if (argument.Value.ConstantValue is not { HasValue: true, Value: int offset } || offset < 0)
                    {
                        return false;
                    }

                    start += offset;
                }
            }

            return place.IsReversedInPlace(start, size);
        }

        /// <summary>
        /// True when the operations right before the read's own, in its block, are swaps that reverse the bytes it decodes
        /// end for end (indices the code computes allowed: the same expression give or take constants).
        /// </summary>
        private bool SwappedJustBefore(IInvocationOperation invocation, HostOrderApi api)
        {
            var buffer = CatalogueIndex.Argument(invocation, api.BufferOrdinal);
            var size = SizeOf(invocation.TargetMethod.ReturnType);
            if (buffer is null || size < 2 || CurrentBlock is not { } block || Destination(buffer, out var viewStart) is not { } key || viewStart < 0)
            {
                return false;
            }

            var start = new ElementIndex(null, viewStart);
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Value != buffer && argument.Parameter?.Type.SpecialType == SpecialType.System_Int32)
                {
                    if (Index(argument.Value) is not { } at)
                    {
                        return false;
                    }

                    start = new ElementIndex(at.Base, at.Offset + viewStart);
                }
            }

            IOperation root = invocation;
            while (root.Parent is { } parent)
            {
                root = parent;
            }

            var operations = block.Operations;
            var end = ReferenceEquals(block.BranchValue, root) ? operations.Length : IndexInBlock(block, root);

            // The swaps right before, each pair toggled (a pair swapped twice is back in place).
            var pairs = new List<(ElementIndex Low, ElementIndex High)>();
            for (var at = end - 1; at >= 0 && SwapEndingAt(operations, at) is { } run; at -= run.Operations)
            {
                if (!KeyComparer.Instance.Equals(run.Key, key))
                {
                    continue;
                }

                foreach (var (first, second) in run.Pairs)
                {
                    if (first.Base != second.Base)
                    {
                        return false;
                    }

                    var pair = first.Offset < second.Offset ? (first, second) : (second, first);
                    if (!pairs.Remove(pair))
                    {
                        pairs.Add(pair);
                    }
                }
            }

            if (pairs.Count == 0)
            {
                return false;
            }

            var needed = size / 2;
            foreach (var (low, high) in pairs)
            {
                if (low.Base != start.Base)
                {
                    return false; // another expression: where it points is not known
                }

                var touches = (low.Offset >= start.Offset && low.Offset < start.Offset + size) || (high.Offset >= start.Offset && high.Offset < start.Offset + size);
                if (!touches)
                {
                    continue;
                }

                if (low.Offset < start.Offset || high.Offset >= start.Offset + size || low.Offset + high.Offset != (2 * start.Offset) + size - 1)
                {
                    return false;
                }

                needed--;
            }

            return needed == 0;
        }

        /// <summary>During the flow: a swap with constant indices ending at <paramref name="operation"/> (a statement of the current block).</summary>
        private void SwapThroughTemporary(IOperation operation, ByteState state)
        {
            if (Statement(operation) is not ISimpleAssignmentOperation { Value: { } value, Target: IArrayElementReferenceOperation }
                || value.WalkDownConversions() is not ILocalReferenceOperation
                || CurrentBlock is not { } block)
            {
                return;
            }

            var operations = block.Operations;
            if (IndexInBlock(block, operation) is var at && at >= 2 && SwapEndingAt(operations, at) is { } run)
            {
                // With the swaps of the same place right before it in the block (every path runs them all): a 4-byte number
                // reversed by two swaps through a temporary is reversed once the second one ends.
                var pairs = new List<(ElementIndex First, ElementIndex Second)>(run.Pairs);
                for (var before = at - run.Operations; before >= 2 && SwapEndingAt(operations, before) is { } earlier
                    && KeyComparer.Instance.Equals(earlier.Key, run.Key); before -= earlier.Operations)
                {
                    pairs.AddRange(earlier.Pairs);
                }

                ApplySwaps(run, state, pairs);
            }
        }

        // The position of each operation in its block, for the block last asked about (a long block asks many times).
        private BasicBlock? indexedBlock;
        private Dictionary<IOperation, int>? operationIndex;

        private int IndexInBlock(BasicBlock block, IOperation operation)
        {
            if (!ReferenceEquals(indexedBlock, block) || operationIndex is null)
            {
                indexedBlock = block;
                operationIndex = new Dictionary<IOperation, int>(block.Operations.Length);
                for (var i = 0; i < block.Operations.Length; i++)
                {
                    operationIndex[block.Operations[i]] = i;
                }
            }

            return operationIndex.TryGetValue(operation, out var at) ? at : -1;
        }

        /// <summary>
        /// The run's swaps on its place, when every index is a constant. <paramref name="writePairs"/>: the pairs SOCK020's
        /// written bytes are judged by (the run's own, with the swaps right before it in the block), null for the run's own.
        /// </summary>
        private static void ApplySwaps(SwapRun run, ByteState state, List<(ElementIndex First, ElementIndex Second)>? writePairs = null)
        {
            foreach (var (first, second) in run.Pairs)
            {
                if (first.Base is not null || second.Base is not null)
                {
                    return;
                }
            }

            if (state.Get(run.Key) is { } place)
            {
                if (!place.Writes.IsEmpty)
                {
                    place = WithoutReversedWrites(place, writePairs ?? run.Pairs);
                }

                foreach (var (first, second) in run.Pairs)
                {
                    place = place.Swapped(first.Offset, second.Offset);
                }

                state.Set(run.Key, place);
            }
        }

        /// <summary>
        /// SOCK020's side of the same swaps: a number's host-order bytes swapped end for end by one run of swaps
        /// (<c>t = b[0]; b[0] = b[3]; b[3] = t; t = b[1]; b[1] = b[2]; b[2] = t;</c>) are in the order the code chose, as after
        /// <c>Array.Reverse(b, 0, 4)</c>: the write leaves the place. A run that swaps only some of them, or swaps one of them
        /// with a byte outside the number, leaves it.
        /// </summary>
        private static BytePlace WithoutReversedWrites(BytePlace place, List<(ElementIndex First, ElementIndex Second)> pairs)
        {
            var kept = ImmutableArray.CreateBuilder<ByteFact>(place.Writes.Length);
            foreach (var fact in place.Writes)
            {
                if (!ReversesExactly(fact.Start, fact.Length, pairs))
                {
                    kept.Add(fact);
                }
            }

            return kept.Count == place.Writes.Length ? place : place.WithWrites(kept.ToImmutable());
        }

        /// <summary>The pairs as swaps of constant indices, a pair swapped twice undone (as <see cref="BytePlace.Swapped"/> does); the test is <see cref="BytePlace.Reverses"/>.</summary>
        private static bool ReversesExactly(int start, int length, List<(ElementIndex First, ElementIndex Second)> pairs)
        {
            var swaps = new List<ByteSwap>(pairs.Count);
            foreach (var (first, second) in pairs)
            {
                if (first.Base is not null || second.Base is not null || first.Offset == second.Offset)
                {
                    return false;
                }

                var swap = new ByteSwap(System.Math.Min(first.Offset, second.Offset), System.Math.Max(first.Offset, second.Offset), true);
                var undone = swaps.FindIndex(known => known.SamePair(swap));
                if (undone >= 0)
                {
                    swaps.RemoveAt(undone);
                }
                else
                {
                    swaps.Add(swap);
                }
            }

            return BytePlace.Reverses(swaps, start, length);
        }

        /// <summary>The swap whose last operation is <paramref name="operations"/>[<paramref name="at"/>], or null.</summary>
        private SwapRun? SwapEndingAt(ImmutableArray<IOperation> operations, int at)
        {
            var last = Statement(operations[at]);
            if (last is IDeconstructionAssignmentOperation deconstruction)
            {
                return TupleSwap(deconstruction);
            }

            if (last is not ISimpleAssignmentOperation write || Element(write.Target) is not { } target
                || write.Value.WalkDownConversions() is not ILocalReferenceOperation temporary)
            {
                return null;
            }

            // t = b[i]; b[i] = b[j]; b[j] = t;
            if (at >= 2
                && Saved(operations[at - 2]) is { } saved && SymbolEqualityComparer.Default.Equals(saved.Local, temporary.Local)
                && Statement(operations[at - 1]) is ISimpleAssignmentOperation middle
                && Element(middle.Target) is { } moved && Element(middle.Value) is { } from
                && SameKey(saved.Element.Key, target.Key, moved.Key, from.Key)
                && moved.Index.Equals(saved.Element.Index) && from.Index.Equals(target.Index) && !saved.Element.Index.Equals(target.Index))
            {
                return new SwapRun(target.Key, new List<(ElementIndex, ElementIndex)> { (saved.Element.Index, target.Index) }, 3);
            }

            // t = b[i]; u = b[j]; b[i] = u; b[j] = t; (the two writes in either order)
            if (at >= 3
                && Statement(operations[at - 1]) is ISimpleAssignmentOperation other && Element(other.Target) is { } otherTarget
                && other.Value.WalkDownConversions() is ILocalReferenceOperation otherTemporary
                && Saved(operations[at - 3]) is { } first && Saved(operations[at - 2]) is { } second
                && !SymbolEqualityComparer.Default.Equals(first.Local, second.Local)
                && !SymbolEqualityComparer.Default.Equals(temporary.Local, otherTemporary.Local)
                && SavedElement(temporary.Local, first, second) is { } lastFrom
                && SavedElement(otherTemporary.Local, first, second) is { } otherFrom
                && SameKey(target.Key, otherTarget.Key, lastFrom.Key, otherFrom.Key)
                && lastFrom.Index.Equals(otherTarget.Index) && otherFrom.Index.Equals(target.Index) && !target.Index.Equals(otherTarget.Index))
            {
                return new SwapRun(target.Key, new List<(ElementIndex, ElementIndex)> { (otherTarget.Index, target.Index) }, 4);
            }

            return null;
        }

        private static (object Key, ElementIndex Index)? SavedElement(ILocalSymbol local, (ILocalSymbol Local, (object Key, ElementIndex Index) Element) first, (ILocalSymbol Local, (object Key, ElementIndex Index) Element) second)
            => SymbolEqualityComparer.Default.Equals(local, first.Local) ? first.Element
                : SymbolEqualityComparer.Default.Equals(local, second.Local) ? second.Element
                : null;

        /// <summary><c>t = b[i]</c> (a declaration's initializer too): the local and the element it saves.</summary>
        private (ILocalSymbol Local, (object Key, ElementIndex Index) Element)? Saved(IOperation operation)
            => Statement(operation) is ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } assignment && Element(assignment.Value) is { } element
                ? (local.Local, element)
                : null;

        private static bool SameKey(object a, object b, object c, object d)
            => KeyComparer.Instance.Equals(a, b) && KeyComparer.Instance.Equals(a, c) && KeyComparer.Instance.Equals(a, d);

        /// <summary>
        /// The swaps of a tuple assignment of elements of one array: each target takes the element whose target takes it
        /// back (<c>(b[0], b[1]) = (b[1], b[0])</c>, <c>(b[0], b[1], b[2], b[3]) = (b[3], b[2], b[1], b[0])</c>); null otherwise.
        /// </summary>
        private SwapRun? TupleSwap(IDeconstructionAssignmentOperation deconstruction)
        {
            if (deconstruction.Target is not ITupleOperation targets
                || deconstruction.Value.WalkDownConversions() is not ITupleOperation values
                || targets.Elements.Length != values.Elements.Length
                || targets.Elements.Length < 2)
            {
                return null;
            }

            var count = targets.Elements.Length;
            object? key = null;
            var to = new ElementIndex[count];
            var from = new ElementIndex[count];
            for (var i = 0; i < count; i++)
            {
                if (Element(targets.Elements[i]) is not { } target || Element(values.Elements[i]) is not { } value
                    || !KeyComparer.Instance.Equals(target.Key, value.Key) || (key is not null && !KeyComparer.Instance.Equals(key, target.Key)))
                {
                    return null;
                }

                key = target.Key;
                to[i] = target.Index;
                from[i] = value.Index;
            }

            var pairs = new List<(ElementIndex, ElementIndex)>();
            for (var i = 0; i < count; i++)
            {
                var back = false;
                for (var j = 0; j < count; j++)
                {
                    if (j != i && to[j].Equals(to[i]))
                    {
                        return null; // the same byte assigned twice
                    }

                    back |= to[j].Equals(from[i]) && from[j].Equals(to[i]);
                }

                if (!back)
                {
                    return null; // a rotation or a copy, not swaps
                }

                // Each pair once: from the target that comes first.
                var order = string.CompareOrdinal(to[i].Base, from[i].Base);
                if (order < 0 || (order == 0 && to[i].Offset < from[i].Offset))
                {
                    pairs.Add((to[i], from[i]));
                }
            }

            return key is null ? null : new SwapRun(key, pairs, 1);
        }

        /// <summary>An element of an array place (<c>b[2]</c>, <c>b[9 + i * 2]</c>), with its index in the place.</summary>
        private (object Key, ElementIndex Index)? Element(IOperation operation)
        {
            if (operation.WalkDownConversions() is not IArrayElementReferenceOperation { Indices.Length: 1 } element
                || Destination(element.ArrayReference, out var start) is not { } key || start < 0
                || Index(element.Indices[0]) is not { } index)
            {
                return null;
            }

            return (key, new ElementIndex(index.Base, index.Offset + start));
        }

        /// <summary>
        /// An index as an expression plus a constant: <c>9 + i * 2 + 1</c> is <c>i*2</c> plus 10. The expression reads only
        /// locals, parameters, fields and constants (no call, no assignment); its text without blanks names it.
        /// </summary>
        private static ElementIndex? Index(IOperation index)
        {
            var constant = 0;
            var terms = new List<string>();
            if (!Terms(index, 1, ref constant, terms))
            {
                return null;
            }

            return new ElementIndex(terms.Count == 0 ? null : string.Join("+", terms), constant);
        }

        private static bool Terms(IOperation operation, int sign, ref int constant, List<string> terms)
        {
            operation = operation.WalkDownConversions();
            if (operation.ConstantValue is { HasValue: true, Value: int value })
            {
                constant += sign * value;
                return true;
            }

            switch (operation)
            {
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } add:
                    return Terms(add.LeftOperand, sign, ref constant, terms) && Terms(add.RightOperand, sign, ref constant, terms);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Subtract, RightOperand.ConstantValue: { HasValue: true, Value: int _ } } subtract:
                    return Terms(subtract.LeftOperand, sign, ref constant, terms) && Terms(subtract.RightOperand, -sign, ref constant, terms);
            }

            if (sign < 0 || !ReadsOnly(operation))
            {
                return false;
            }

            var text = new StringBuilder();
            foreach (var c in operation.Syntax.ToString())
            {
                if (!char.IsWhiteSpace(c))
                {
                    text.Append(c);
                }
            }

            terms.Add(text.ToString());
            return true;
        }

        private static bool ReadsOnly(IOperation operation)
        {
            foreach (var node in operation.DescendantsAndSelf())
            {
                if (node is not (ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation or ILiteralOperation
                    or IBinaryOperation or IUnaryOperation or IConversionOperation or IInstanceReferenceOperation))
                {
                    return false;
                }
            }

            return true;
        }

        private static IOperation Statement(IOperation operation) => operation is IExpressionStatementOperation statement ? statement.Operation : operation;
    }
}
