using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Common;
using SocketAnalyzers.Model;

namespace SocketAnalyzers.Reads
{
    /// <summary>
    /// Bodies whose reads none of SOCK010, SOCK011 and SOCK012 can report, whatever the flow would find: for them the family
    /// builds no graph and runs no flow. Correct code is mostly written in a few shapes the operation tree shows at once
    /// (<c>int n = s.Read(…); if (n == 0) break;</c>, <c>while ((n = s.Read(…)) &gt; 0)</c>, the buffer then given with
    /// its count), and proving those quiet costs one look at each read and one walk over the body's references to the
    /// buffers, where the flow costs a graph and a fixed point.
    /// <para>
    /// Each test is a sufficient condition taken from the reports themselves (<see cref="ReadFlowAnalysis"/>'s
    /// <c>Decide</c> and its buffer uses), never a guess: a read that fits none of them keeps the whole analysis, so the
    /// gate can only save time, not change a finding. docs/reads-engine.md lists the conditions.
    /// </para>
    /// </summary>
    internal static class SettledReads
    {
        /// <summary>True when no read of <paramref name="body"/> can be reported, so the flow need not run.</summary>
        public static bool All(ReadBody body, IOperation root, KnownSymbols symbols, CancellationToken cancellationToken)
        {
            // A read the body guards with Available, DataAvailable or a peek may be SOCK011's polling form (the read is never
            // reached once the peer has closed, whatever its count test says): the flow decides those.
            if (body.HasGoTo || body.GuardsAvailable || body.Sites.Count == 0)
            {
                return false;
            }

            HashSet<ISymbol>? buffers = null;
            HashSet<ISymbol>? streamBuffers = null;
            foreach (var site in body.Sites)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (site.EndBuffer is not null || !CountSettled(site, body) || !LoopSettled(site, symbols.Framework))
                {
                    return false;
                }

                if (site.WholeBuffer is { } buffer)
                {
                    if (body.Captured.Contains(buffer))
                    {
                        return false;
                    }

                    (buffers ??= new HashSet<ISymbol>(SymbolComparer.Instance)).Add(buffer);
                    if (!site.OneDatagram)
                    {
                        (streamBuffers ??= new HashSet<ISymbol>(SymbolComparer.Instance)).Add(buffer);
                    }
                }
            }

            return buffers is null || BufferUsesSettled(root, buffers, streamBuffers, body, symbols, cancellationToken);
        }

        // ---- SOCK010 ----

        /// <summary>
        /// SOCK010 reports a count discarded, or stored in a local no function but this one sees and that nothing uses
        /// afterwards. A count used by the expression around the read, a read it does not apply to, or a stored count that
        /// the very next statement reads is settled.
        /// </summary>
        private static bool CountSettled(ReadSite site, ReadBody body)
        {
            if (site.Helper is not null || site.Form == CountForm.Used || site.Read.IsZeroLength || site.IsLine || site.IsChar || site.IsThrowing
                || site.EndsEmptyWait)
            {
                return true;
            }

            if (site.Form == CountForm.Discarded)
            {
                return false;
            }

            if (site.StoredLocal is not { } local || body.Captured.Contains(local))
            {
                return true;
            }

            // A result whose count is one member of it (ReceiveFromAsync's ReceivedBytes) is used only through that member.
            return site.Read.Api.Shape != CountShape.ReceivedBytes && NextStatement(site.Invocation) is { } next && Reads(next, local);
        }

        /// <summary>The statement after the one that holds <paramref name="read"/>, in the same block; null when there is none.</summary>
        private static IOperation? NextStatement(IOperation read)
        {
            var statement = read;
            while (statement.Parent is { } parent && parent is not IBlockOperation)
            {
                if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    return null;
                }

                statement = parent;
            }

            if (statement.Parent is not IBlockOperation block)
            {
                return null;
            }

            var operations = block.Operations;
            for (var i = 0; i < operations.Length - 1; i++)
            {
                if (operations[i] == statement)
                {
                    return operations[i + 1];
                }
            }

            return null;
        }

        /// <summary><paramref name="statement"/> reads <paramref name="local"/> outside any lambda or local function.</summary>
        private static bool Reads(IOperation statement, ILocalSymbol local)
        {
            var stack = new Stack<IOperation>();
            stack.Push(statement);
            while (stack.Count > 0)
            {
                var operation = stack.Pop();
                switch (operation)
                {
                    case IAnonymousFunctionOperation or ILocalFunctionOperation:
                        continue;
                    case ILocalReferenceOperation reference when SymbolEqualityComparer.Default.Equals(reference.Local, local) && !ReadBody.IsWrite(reference):
                        return true;
                }

                foreach (var child in operation.ChildOperations)
                {
                    stack.Push(child);
                }
            }

            return false;
        }

        // ---- SOCK011 ----

        /// <summary>
        /// SOCK011 reports a read that its 0 reaches again. A read in no loop, or whose 0 certainly leaves every loop of its
        /// function at once, is settled: the read is the test of its only loop (<c>while ((n = s.Read(…)) &gt; 0)</c>), or
        /// the test of an <c>if</c> that leaves (<c>if ((n = s.Read(…)) == 0) break;</c>), or its count is stored and the
        /// next statement is such an <c>if</c> of it (<c>int n = s.Read(…); if (n == 0) return;</c>).
        /// </summary>
        private static bool LoopSettled(ReadSite site, FrameworkMembers framework)
        {
            if (site.Loops.Count == 0)
            {
                return true;
            }

            if (site.Helper is not null || site.CallbackChain || site.IsThrowing || site.IsChar)
            {
                return false;
            }

            var value = ValueOf(site.Invocation, framework);
            if (value.Parent is IBinaryOperation comparison && EndTest(comparison, value, site.IsLine) is { } test)
            {
                // The comparison is the loop's own condition, true while data comes: a 0 ends the loop.
                if (!test && site.Loops.Count == 1 && comparison.Parent is ILoopOperation loop && loop.Syntax == site.Loops[0] && ConditionOf(loop) == comparison)
                {
                    return true;
                }

                // The comparison is an if's whole condition, true at the end: its branch leaves.
                return test && comparison.Parent is IConditionalOperation { WhenTrue: { } leave } branch && branch.Condition == comparison && Leaves(leave, site);
            }

            if (site.Form == CountForm.Stored && site.StoredLocal is { } local && NextStatement(site.Invocation) is IConditionalOperation { WhenTrue: { } exit } next
                && next.Condition is IBinaryOperation stored && stored.LeftOperand.WalkDownConversions() is var left && stored.RightOperand.WalkDownConversions() is var right
                && ((left is ILocalReferenceOperation l && SymbolEqualityComparer.Default.Equals(l.Local, local) && EndTest(stored, stored.LeftOperand, site.IsLine) == true)
                    || (right is ILocalReferenceOperation r && SymbolEqualityComparer.Default.Equals(r.Local, local) && EndTest(stored, stored.RightOperand, site.IsLine) == true)))
            {
                return Leaves(exit, site);
            }

            return false;
        }

        /// <summary>The value the read gives to the expression around it: through conversions, <c>ConfigureAwait</c>, <c>await</c> and an assignment to a local.</summary>
        private static IOperation ValueOf(IOperation read, FrameworkMembers framework)
        {
            var value = read;
            while (value.Parent is { } parent)
            {
                switch (parent)
                {
                    case IConversionOperation:
                    case IAwaitOperation:
                    case IParenthesizedOperation:
                    case IInvocationOperation configured when configured.Instance == value && framework.IsConfigureAwait(configured.TargetMethod):
                    case ISimpleAssignmentOperation { Target: ILocalReferenceOperation } assignment when assignment.Value == value:
                        value = parent;
                        continue;
                }

                break;
            }

            return value;
        }

        /// <summary>
        /// Whether <paramref name="comparison"/> of the read's value <paramref name="side"/> with a constant is true at the end
        /// of the stream (0, or <c>null</c> for a line) and false for any count above 0 (true), the other way round (false),
        /// or neither (null).
        /// </summary>
        private static bool? EndTest(IBinaryOperation comparison, IOperation side, bool line)
        {
            var onLeft = comparison.LeftOperand == side;
            var other = (onLeft ? comparison.RightOperand : comparison.LeftOperand).WalkDownConversions();
            if (!other.ConstantValue.HasValue)
            {
                return null;
            }

            var kind = comparison.OperatorKind;
            if (line)
            {
                return other.ConstantValue.Value is null
                    ? kind switch { BinaryOperatorKind.Equals => true, BinaryOperatorKind.NotEquals => false, _ => (bool?)null }
                    : null;
            }

            if (other.ConstantValue.Value is not int k || comparison.IsLifted)
            {
                return null;
            }

            if (!onLeft)
            {
                // 0 < n is n > 0.
                kind = kind.Mirrored();
            }

            return (kind, k) switch
            {
                (BinaryOperatorKind.Equals, 0) or (BinaryOperatorKind.LessThanOrEqual, 0) or (BinaryOperatorKind.LessThan, 1) => true,
                (BinaryOperatorKind.NotEquals, 0) or (BinaryOperatorKind.GreaterThan, 0) or (BinaryOperatorKind.GreaterThanOrEqual, 1) => false,
                _ => null,
            };
        }

        private static IOperation? ConditionOf(ILoopOperation loop) => loop switch
        {
            IWhileLoopOperation whileLoop when !whileLoop.ConditionIsUntil => whileLoop.Condition,
            IForLoopOperation forLoop => forLoop.Condition,
            _ => null,
        };

        /// <summary>
        /// <paramref name="branch"/> certainly leaves every loop around the read in its function, with no exception on the way
        /// (the paths SOCK011 follows): a <c>return</c>, a <c>throw</c> no <c>catch</c> of the function can take, a
        /// <c>break</c> of the read's only loop, alone or after plain statements in a block.
        /// </summary>
        private static bool Leaves(IOperation branch, ReadSite site)
        {
            if (branch is IBlockOperation block)
            {
                var operations = block.Operations;
                if (operations.Length == 0)
                {
                    return false;
                }

                for (var i = 0; i < operations.Length - 1; i++)
                {
                    if (operations[i] is not (IExpressionStatementOperation { Operation: not IThrowOperation } or IVariableDeclarationGroupOperation))
                    {
                        return false;
                    }
                }

                branch = operations[operations.Length - 1];
            }

            switch (branch)
            {
                case IReturnOperation { Kind: OperationKind.Return or OperationKind.YieldBreak }:
                    return true;
                case IExpressionStatementOperation { Operation: IThrowOperation thrown }:
                    return !Caught(thrown);
                case IThrowOperation thrown:
                    return !Caught(thrown);
                case IBranchOperation { BranchKind: BranchKind.Break } exit when site.Loops.Count == 1:
                    for (var up = exit.Parent; up is not null; up = up.Parent)
                    {
                        switch (up)
                        {
                            case ILoopOperation loop:
                                return loop.Syntax == site.Loops[0];
                            case ISwitchOperation or IAnonymousFunctionOperation or ILocalFunctionOperation:
                                return false;
                        }
                    }

                    return false;
                default:
                    return false;
            }
        }

        /// <summary>A <c>try</c> with a <c>catch</c> holds <paramref name="thrown"/> in its function: the catch may go on with the loop.</summary>
        private static bool Caught(IOperation thrown)
        {
            var inner = thrown;
            for (var up = thrown.Parent; up is not null; inner = up, up = up.Parent)
            {
                switch (up)
                {
                    case ITryOperation { Catches.Length: > 0 } handled when handled.Body == inner:
                        return true;
                    case IAnonymousFunctionOperation or ILocalFunctionOperation:
                        return false;
                }
            }

            return false;
        }

        // ---- SOCK012 ----

        /// <summary>The kinds of the interfaces <see cref="BufferUsesSettled"/>'s switch has a case for.</summary>
        private static readonly OperationKindSet BufferUseKinds = new(
            OperationKind.LocalReference,
            OperationKind.ParameterReference,
            OperationKind.FieldReference,
            OperationKind.CompoundAssignment,
            OperationKind.Increment,
            OperationKind.Decrement);

        /// <summary>
        /// SOCK012 reports a use of a buffer a read filled from its start that looks past the read's count. Every reference to
        /// such a buffer in the body is settled when it is written, asked its <c>Length</c>, indexed by a value the code
        /// computes (or 0), handed to a read (also as a view, <c>ReceiveAsync(buf.AsMemory(), …)</c>), or handed to a call with its count (<c>GetString(buf, 0, n)</c>,
        /// <c>buf.AsSpan(0, n)</c>, <c>Send(buf, sent, n - sent)</c>) where the count is a local that only reads set and
        /// nothing adds to, and that the buffer was not made with.
        /// </summary>
        /// <param name="streamBuffers">The buffers some read that is not one datagram fills (<see cref="ReadSite.OneDatagram"/>).</param>
        private static bool BufferUsesSettled(IOperation root, HashSet<ISymbol> buffers, HashSet<ISymbol>? streamBuffers, ReadBody body, KnownSymbols symbols, CancellationToken cancellationToken)
        {
            HashSet<ISymbol>? counts = null;
            foreach (var site in body.Sites)
            {
                if (site.CountLocal is { } local)
                {
                    (counts ??= new HashSet<ISymbol>(SymbolComparer.Instance)).Add(local);
                }

                if (site.StoredLocal is { } stored)
                {
                    (counts ??= new HashSet<ISymbol>(SymbolComparer.Instance)).Add(stored);
                }
            }

            // A body has a buffer or two: their names tell most references apart before a hash of the symbol.
            var names = new string[buffers.Count];
            var n = 0;
            foreach (var buffer in buffers)
            {
                names[n++] = buffer.Name;
            }

            var references = new List<IOperation>();
            var operations = BodyOperations.Of(root, cancellationToken);
            for (var index = 0; index < operations.Count; index++)
            {
                if ((index & 255) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                if (!BufferUseKinds.Contains(operations.Kind(index)))
                {
                    continue;
                }

                var operation = operations[index];
                var inFunction = operations.Function(index) >= 0;
                switch (operation)
                {
                    case ILocalReferenceOperation { Local: var local } when IsBuffer(local, names, buffers):
                    case IParameterReferenceOperation { Parameter: var parameter } when IsBuffer(parameter, names, buffers):
                    case IFieldReferenceOperation { Field: var field } when IsBuffer(field, names, buffers):
                        if (inFunction)
                        {
                            return false;
                        }

                        references.Add(operation);
                        break;
                    case ICompoundAssignmentOperation { Target: ILocalReferenceOperation added } when counts is not null && counts.Contains(added.Local):
                    case IIncrementOrDecrementOperation { Target: ILocalReferenceOperation stepped } when counts is not null && counts.Contains(stepped.Local):
                        // A count that something adds to may be a total of reads (SOCK012's Counted form): not settled here.
                        return false;
                }
            }

            foreach (var reference in references)
            {
                if (!UseSettled(reference, counts, streamBuffers, body, symbols))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsBuffer(ISymbol symbol, string[] names, HashSet<ISymbol> buffers)
        {
            var name = symbol.Name;
            foreach (var buffer in names)
            {
                if (buffer == name)
                {
                    return buffers.Contains(symbol);
                }
            }

            return false;
        }

        private static bool UseSettled(IOperation reference, HashSet<ISymbol>? counts, HashSet<ISymbol>? streamBuffers, ReadBody body, KnownSymbols symbols)
        {
            var parent = reference.WalkUpConversions(out var current);
            switch (parent)
            {
                case ISimpleAssignmentOperation assignment when assignment.Target == current:
                    return true;
                case IPropertyReferenceOperation length when length.Instance == current && symbols.Framework.IsLength(length.Property):
                    return true;
                case IArrayElementReferenceOperation { Indices.Length: 1 } element when element.ArrayReference == current:
                    return element.Indices[0] is not IRangeOperation
                        && element.Indices[0].ConstantValue is not { HasValue: true, Value: int index and >= 1 };
                case IArgumentOperation { Parameter: not null } argument when argument.Parent is { } call:
                    if (call is IInvocationOperation read && body.SiteAt(read.Syntax) is not null)
                    {
                        return true;
                    }

                    if (call is IInvocationOperation decoder && symbols.Catalogue.Facts(decoder.TargetMethod) is { Decodes: true })
                    {
                        // A fixed-width decode from the buffer's start or a constant offset: the flow reports it only past
                        // the count of a read that asked for that range, never for one datagram (RequestsRange).
                        return argument.Parameter.Ordinal == 0 && DatagramOnly(current, streamBuffers) && ReadFlowAnalysis.DecodedWidth(decoder, symbols) is not null
                            && (decoder.TargetMethod.Parameters is not { Length: > 1 } parameters || parameters[1].Type.SpecialType != SpecialType.System_Int32
                                || CatalogueIndex.Argument(decoder, 1)?.ConstantValue is { HasValue: true, Value: int and >= 0 });
                    }

                    if (call is IInvocationOperation slice && symbols.Framework.IsArrayView(slice.TargetMethod) && DatagramOnly(current, streamBuffers)
                        && ReadFlowAnalysis.DecodedView(slice, symbols, out _, out _) is not null)
                    {
                        // buf.AsSpan(0, 4) handed to a decoder: the same decode from a constant start, as the flow sees it.
                        return true;
                    }

                    if ((call is IInvocationOperation view && symbols.Framework.IsArrayView(view.TargetMethod) || symbols.Framework.IsViewCreation(call))
                        && call.WalkUpConversions(out _) is IArgumentOperation { Parent: IInvocationOperation outer } && body.SiteAt(outer.Syntax) is not null)
                    {
                        // ReceiveAsync(buf.AsMemory(), …), ReadAsync(buf.AsMemory(0, buf.Length)): a view handed to a read is its buffer.
                        return true;
                    }

                    // GetString(buf, 0, n), buf.AsSpan(0, n): a part of the buffer up to a count, which the flow does not follow either.
                    return GivenWithCount(argument, call, counts, current, body, symbols);
                default:
                    return false;
            }
        }

        /// <summary>Only reads of one datagram fill the buffer at <paramref name="reference"/>.</summary>
        private static bool DatagramOnly(IOperation reference, HashSet<ISymbol>? streamBuffers)
            => ReadBody.VariableOf(reference) is { } buffer && (streamBuffers is null || !streamBuffers.Contains(buffer));

        /// <summary>
        /// The buffer goes to <paramref name="call"/> with a count right after it, (buf, start, count) or (buf, count), and
        /// the count is one the reads set (a local no one adds to, or such a local minus something), not the size the
        /// buffer was made with.
        /// </summary>
        private static bool GivenWithCount(IArgumentOperation argument, IOperation call, HashSet<ISymbol>? counts, IOperation buffer, ReadBody body, KnownSymbols symbols)
        {
            if (counts is null)
            {
                return false;
            }

            var arguments = CatalogueIndex.ArgumentsOf(call);
            var ordinal = argument.Parameter!.Ordinal;
            var next = CatalogueIndex.ArgumentAt(arguments, ordinal + 1);
            if (next is not { Parameter.Type.SpecialType: SpecialType.System_Int32 })
            {
                return false;
            }

            var count = CatalogueIndex.ArgumentAt(arguments, ordinal + 2) is { Parameter.Type.SpecialType: SpecialType.System_Int32 } afterNext ? afterNext.Value : next.Value;
            count = count.WalkDownConversions();
            if (count is IBinaryOperation { OperatorKind: BinaryOperatorKind.Subtract } rest)
            {
                count = rest.LeftOperand.WalkDownConversions();
            }

            if (count is not ILocalReferenceOperation { Local: var local } || !counts.Contains(local))
            {
                return false;
            }

            // GetString(buf, 0, size) for var buf = new byte[size] is the whole buffer (the flow's IsMadeSize).
            return !(ReadBody.VariableOf(buffer) is ILocalSymbol array && body.MadeArray(array, symbols.Framework) is { } made
                && made.DimensionSizes[0].WalkDownConversions() is ILocalReferenceOperation size && SymbolEqualityComparer.Default.Equals(size.Local, local));
        }
    }
}
