using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Common;
using SocketAnalyzers.Model;
using SocketAnalyzers.Reads;

namespace SocketAnalyzers.ByteOrder
{
    /// <summary>
    /// The pre-scan's part in the cross-method summaries (issue 9, <see cref="ByteSummary"/>): during the same walk of the
    /// operation tree, what this body passes on without a host-order API of its own. Flow-insensitive and cheap (no graph):
    /// a send of a parameter, a field, a local or a returned value; a copy from one into another; a network read into one;
    /// a value returned; an argument given to a method of the compilation or to unknown code. A name that is reversed,
    /// overwritten in an explicit order or given a second value is unknown (killed), and so is a field used in a way that
    /// lets it escape. Host-order bytes themselves enter the graph only from the byte family's converged states
    /// (<see cref="ByteOrderFlow"/>).
    /// </summary>
    internal sealed partial class ByteScope
    {
        private const int MaxRootDepth = 8;

        private readonly NetworkReads reads;
        private readonly IMethodSymbol? ownerMethod;
        private readonly INamedTypeSymbol? ownerType;
        private ByteSummary? summary;
        private int returns;
        private int freshReturns;

        /// <summary>True when the compilation's cross-method summaries are wanted (<see cref="HostOrderGate"/>).</summary>
        public bool Summarizes { get; }

        /// <summary>What this body tells the other bodies (empty when nothing).</summary>
        public ByteSummary Summary => summary ?? ByteSummary.Empty;

        /// <summary>The body's method (null for a field initializer).</summary>
        public IMethodSymbol? OwnerMethod => ownerMethod;

        /// <summary>The summary being built (the flow adds the edges of host-order bytes to it).</summary>
        public ByteSummary Summarizing => summary ??= new ByteSummary();

        /// <summary>A private field of the type that owns the body (instance or static).</summary>
        public bool IsOwnField(IFieldSymbol field)
            => ownerType is not null && field.DeclaredAccessibility == Accessibility.Private
                && SymbolEqualityComparer.Default.Equals(field.ContainingType.OriginalDefinition, ownerType.OriginalDefinition);

        /// <summary>
        /// The node whose bytes <paramref name="operation"/> stands for, through conversions, <c>await</c> and views: a local,
        /// a parameter of this body, a private field of its type, the result of a method of the compilation, received
        /// data; null when none.
        /// </summary>
        public ByteNode? Root(IOperation? operation)
        {
            if (operation is null)
            {
                return null;
            }

            var unconverted = operation.WalkDownConversions();
            if (!symbols.IsByteHolder(operation.Type) && (unconverted == operation || !symbols.IsByteHolder(unconverted.Type)))
            {
                return null;
            }

            for (var depth = 0; operation is not null && depth < MaxRootDepth; depth++)
            {
                operation = operation.WalkDownConversions();
                switch (operation)
                {
                    case IParenthesizedOperation parenthesized:
                        operation = parenthesized.Operand;
                        continue;
                    case IAwaitOperation awaited:
                        operation = awaited.Operation;
                        continue;
                    case IInvocationOperation invocation when symbols.IsView(invocation.TargetMethod):
                        operation = invocation.Instance ?? (invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);
                        continue;
                    case IObjectCreationOperation { Constructor: { } constructor, Arguments.Length: > 0 } creation
                        when creation.Arguments[0].Parameter?.Type is IArrayTypeSymbol
                            && (symbols.IsViewConstructor(constructor) || KnownSymbols.IsOrDerivesFrom(creation.Type, symbols.MemoryStream)):
                        operation = creation.Arguments[0].Value;
                        continue;
                    case IInvocationOperation invocation when symbols.Sequence(invocation.TargetMethod) is { } shape:
                        // LINQ over bytes: the source's bytes, unless reversed (the manual swap) or joined to a second
                        // sequence (two roots: EdgeFrom follows both sides).
                        if (shape is SequenceShape.Reverses or SequenceShape.Concatenates || invocation.Arguments.Length == 0)
                        {
                            return null;
                        }

                        operation = invocation.Arguments[0].Value;
                        continue;
                    case IInvocationOperation invocation when symbols.IsReceiveReturningData(invocation.TargetMethod):
                        return ByteNode.Received;
                    case IPropertyReferenceOperation property when symbols.IsReceivedData(property.Property):
                        return ByteNode.Received;
                    case IInvocationOperation invocation:
                        return !invocation.TargetMethod.ReturnsVoid && ByteSummary.Resolve(invocation.TargetMethod) is { } target
                            ? ByteNode.Return(target)
                            : null;
                    case IPropertyReferenceOperation { Arguments.Length: 0, Property.DeclaredAccessibility: not Accessibility.Private } property
                        when AutoProperties.IsAutoProperty(property.Property):
                        // internal byte[] Buffer { get; set; }: a field other code may read, fill or replace (fresh42: a base
                        // class's buffer filled in another class, decoded in an override), as a field that is not private.
                        return null;
                    case IPropertyReferenceOperation { Arguments.Length: 0 } property:
                        return ByteSummary.Resolve(property.Property.GetMethod) is { } getter ? ByteNode.Return(getter) : null;
                    case ILocalReferenceOperation local:
                        return ByteNode.Local(local.Local);
                    case IParameterReferenceOperation { Parameter: { RefKind: RefKind.None } parameter }
                        when ownerMethod is not null && SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, ownerMethod):
                        return ByteNode.Parameter(ownerMethod, parameter.Ordinal);
                    case IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field when IsOwnField(field.Field):
                        return ByteNode.Field(field.Field);
                    default:
                        return null;
                }
            }

            return null;
        }

        /// <summary>
        /// A value that shares its bytes with what it is made of (a span or memory view, a slice, another variable), not a
        /// copy: reversing it reverses them.
        /// </summary>
        private bool IsViewOf(IOperation value)
            => value.WalkDownConversions() switch
            {
                IInvocationOperation invocation => symbols.IsView(invocation.TargetMethod) && !symbols.IsCopyingView(invocation.TargetMethod),
                IObjectCreationOperation { Constructor: { } constructor } => symbols.IsViewConstructor(constructor),
                ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation => true,
                _ => false,
            };

        /// <summary>
        /// The node from outside this body that <paramref name="operation"/> stands for (a parameter, a field, what a method
        /// returns), through locals given only that value; null for a local of the body (the flow decides those) and for
        /// received data.
        /// </summary>
        public ByteNode? OuterRoot(IOperation? operation)
        {
            var node = Root(operation);
            for (var depth = 0; node is { Kind: ByteNodeKind.Local, Symbol: ILocalSymbol local } && depth < MaxRootDepth; depth++)
            {
                // A local the body reverses holds the order the code chose, whatever its value brought (fresh26 FALSE 1: a
                // helper's received header reversed under BitConverter.IsLittleEndian before BitConverter.ToUInt16).
                node = summary is not null && summary.Killed.Contains(node) ? null
                    : SingleValue(local) is { } only ? Root(only) : null;
            }

            return node is { Kind: ByteNodeKind.Parameter or ByteNodeKind.Field or ByteNodeKind.Return } ? node : null;
        }

        private void Summarize(IOperation operation, SyntaxNode? owner, ApiFacts? facts)
        {
            switch (operation.Kind)
            {
                case OperationKind.Invocation:
                case OperationKind.ObjectCreation:
                case OperationKind.Return:
                case OperationKind.VariableDeclarator:
                case OperationKind.SimpleAssignment:
                case OperationKind.FieldInitializer:
                case OperationKind.FieldReference:
                case OperationKind.ParameterReference:
                    break;
                default:
                    return;
            }

            if (owner is not null)
            {
                // Lambdas and local functions may run at any time: a field they touch is not summarised.
                if (operation is IFieldReferenceOperation lambdaField && IsOwnField(lambdaField.Field))
                {
                    Summarizing.UnsafeFields.Add(lambdaField.Field);
                }

                return;
            }

            switch (operation)
            {
                case IInvocationOperation invocation:
                    SummarizeCall(invocation, facts);
                    break;
                case IObjectCreationOperation { Constructor: { } constructor } creation when constructor.MethodKind == MethodKind.Constructor
                    && !constructor.DeclaringSyntaxReferences.IsEmpty:
                    PassOn(constructor, creation.Arguments);
                    break;
                case IReturnOperation { ReturnedValue: { } returned } returnOperation when ownerMethod is not null:
                    EdgeFrom(returned, ByteNode.Return(ownerMethod));
                    returns++;
                    if (ReturnsFreshObject(returnOperation, returned))
                    {
                        freshReturns++;
                    }

                    if (IsOwnFieldItself(returned) is { } returnedField)
                    {
                        // Callers get the field's own object: what they do to it, the field undergoes. Callers outside
                        // the type may be outside the compilation: then the field is as good as public.
                        if (ownerMethod.DeclaredAccessibility == Accessibility.Private || CachesFreshCopy(returnOperation, returnedField))
                        {
                            Summarizing.Aliases.Add((ByteNode.Field(returnedField), ByteNode.Return(ownerMethod)));
                        }
                        else
                        {
                            Summarizing.UnsafeFields.Add(returnedField);
                        }
                    }

                    break;
                case IVariableDeclaratorOperation { Initializer: { } initializer } declarator:
                    EdgeFrom(initializer.Value, ByteNode.Local(declarator.Symbol));
                    break;
                case ISimpleAssignmentOperation assignment:
                    SummarizeAssignment(assignment.Target.WalkDownConversions(), assignment.Value);
                    break;
                case IFieldInitializerOperation initializer:
                    foreach (var field in initializer.InitializedFields)
                    {
                        if (IsOwnField(field))
                        {
                            StoreInField(field, initializer.Value);
                        }
                    }

                    break;
                case IFieldReferenceOperation field when IsOwnField(field.Field):
                    if (field.Instance is not (null or IInstanceReferenceOperation)
                        || field.Parent is IArgumentOperation { Parameter.RefKind: not RefKind.None }
                        || field.Parent is IAddressOfOperation
                        || (field.Parent is IAssignmentOperation { } compound && compound is not ISimpleAssignmentOperation && compound.Target == field))
                    {
                        Summarizing.UnsafeFields.Add(field.Field);
                    }

                    break;
                case IParameterReferenceOperation { Parameter.RefKind: RefKind.None } parameter
                    when ownerMethod is not null && IsChanged(parameter):
                    Summarizing.Killed.Add(ByteNode.Parameter(ownerMethod, parameter.Parameter.Ordinal));
                    break;
            }
        }

        /// <summary>
        /// A value each run of the method makes anew (<c>list.ToArray()</c>, <c>new byte[n]</c>, a copy it caches before
        /// returning it): two callers never hold the same object through it.
        /// </summary>
        private bool ReturnsFreshObject(IReturnOperation returnOperation, IOperation returned)
            => returned.WalkDownConversions() switch
            {
                IArrayCreationOperation => true,
                IInvocationOperation call => symbols.IsCopyingView(call.TargetMethod),
                _ => IsOwnFieldItself(returned) is { } field && CachesFreshCopy(returnOperation, field),
            };

        /// <summary>
        /// <c>field = list.ToArray(); return field;</c>: the tutorial packet's <c>ToArray()</c>, which keeps the copy it
        /// returns. The caller gets an array the method made a statement earlier, not one another member filled, so it is
        /// followed like a private return (an alias of the field) instead of making the field unknown. The one exposure
        /// accepted: code outside the compilation could change that array in place before the class reads it again.
        /// </summary>
        private bool CachesFreshCopy(IReturnOperation returnOperation, IFieldSymbol field)
        {
            if (returnOperation.Parent is not IBlockOperation block)
            {
                return false;
            }

            var index = block.Operations.IndexOf(returnOperation);
            return index > 0
                && block.Operations[index - 1] is IExpressionStatementOperation { Operation: ISimpleAssignmentOperation assignment }
                && assignment.Target is IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } target
                && SymbolEqualityComparer.Default.Equals(target.Field, field)
                && assignment.Value.WalkDownConversions() is IInvocationOperation copy
                && symbols.IsCopyingView(copy.TargetMethod);
        }

        /// <summary>The private field of the type whose own object <paramref name="value"/> is (not a copy or a view), or null.</summary>
        private IFieldSymbol? IsOwnFieldItself(IOperation value)
            => value.WalkDownConversions() is IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field
                && IsOwnField(field.Field) && symbols.IsByteHolder(field.Field.Type)
                ? field.Field
                : null;

        private static bool IsChanged(IOperation reference)
            => reference.Parent switch
            {
                IAssignmentOperation assignment => assignment.Target == reference,
                IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } => true,
                IIncrementOrDecrementOperation => true,
                _ => false,
            };

        private void SummarizeAssignment(IOperation target, IOperation value)
        {
            switch (target)
            {
                case ILocalReferenceOperation local:
                    EdgeFrom(value, ByteNode.Local(local.Local));
                    break;
                case IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field when IsOwnField(field.Field):
                    StoreInField(field.Field, value);
                    break;
                case IParameterReferenceOperation:
                    break;
                default:
                    // Kept somewhere the summaries do not follow (another object's field, a property, an element).
                    Edge(Root(value) is { Kind: not ByteNodeKind.Received } kept ? kept : null, ByteNode.Escape);
                    break;
            }
        }

        /// <summary>
        /// A value given to a private field: a new object or array, host-order bytes, a copy, a local, or what a method of the
        /// compilation returns keeps the field summarised (a writer over another field passes its bytes there); a parameter
        /// or anything else makes the field unknown (it may share its object with code we cannot see).
        /// </summary>
        private void StoreInField(IFieldSymbol field, IOperation value)
        {
            var walked = value.WalkDownConversions();
            switch (walked)
            {
                case IObjectCreationOperation creation:
                    if (KnownSymbols.IsOrDerivesFrom(creation.Type, symbols.BinaryWriter) && creation.Arguments.Length > 0)
                    {
                        Edge(ByteNode.Field(field), Root(creation.Arguments[0].Value));
                    }

                    return;
                case IArrayCreationOperation or ILiteralOperation or IDefaultValueOperation:
                    return;
                case IInvocationOperation invocation when symbols.HostOrderWrite(invocation.TargetMethod) is not null
                    || symbols.IsCopyingView(invocation.TargetMethod) || symbols.IsArrayEmpty(invocation.TargetMethod):
                    Edge(Root(walked), ByteNode.Field(field));
                    return;
                case IInvocationOperation { Type.TypeKind: TypeKind.Array or TypeKind.Class } invocation when symbols.Sequence(invocation.TargetMethod) is not null:
                    // A new array or list LINQ made from the bytes of its sources (ToArray, ToList, after Concat…): the class
                    // created it. A lazy sequence (Concat, AsEnumerable without ToArray) still reads its sources: not this case.
                    EdgeFrom(walked, ByteNode.Field(field));
                    return;
            }

            if (Root(walked) is { Kind: ByteNodeKind.Local or ByteNodeKind.Return or ByteNodeKind.Field or ByteNodeKind.Received } node)
            {
                // Received: the array a network read returns (last = udp.Receive(ref from)); the field holds network bytes.
                Edge(node, ByteNode.Field(field));
                return;
            }

            Summarizing.UnsafeFields.Add(field);
        }

        private void SummarizeCall(IInvocationOperation invocation, ApiFacts? facts)
        {
            var method = invocation.TargetMethod;
            var role = ByteOrderSymbols.RoleInSummary(method, facts);
            if (role == SummaryRole.StreamWrite && !(invocation.Instance is { } written && IsNetworkStream(written)))
            {
                // A stream write is a send only over the network; into a MemoryStream it is a copy.
                role = facts!.Copy is not null ? SummaryRole.Copy : SummaryRole.Other;
            }

            switch (role)
            {
                case SummaryRole.Uncatalogued:
                    PassOn(method, invocation.Arguments);
                    return;
                case SummaryRole.Send:
                case SummaryRole.StreamWrite:
                    // The summaries keep no offsets: bytes sent with a range that may leave some out are unknown.
                    if (CatalogueIndex.Argument(invocation, facts!.Sends) is { } sent && !SentRange.Of(invocation, sent, symbols).IsPartial)
                    {
                        EdgeFrom(sent, ByteNode.Network);
                    }

                    return;
                case SummaryRole.Copy:
                    var shape = facts!.Copy!.Value;
                    var source = CatalogueIndex.Argument(invocation, shape.Source);
                    var destination = CatalogueIndex.Argument(invocation, shape.Destination);
                    if (source is not null && destination is not null)
                    {
                        EdgeFrom(source, IsNetworkStream(destination) ? ByteNode.Network : Root(destination));
                    }

                    return;
                case SummaryRole.Reversal:
                    KillReversed(Root(invocation.Instance));
                    foreach (var argument in invocation.Arguments)
                    {
                        KillReversed(Root(argument.Value));
                    }

                    return;
                case SummaryRole.OrderedWrite:
                    Kill(Root(CatalogueIndex.Argument(invocation, facts!.OrderedWrite!.BufferOrdinal)));
                    return;
                case SummaryRole.ReceiveIntoBuffer:
                case SummaryRole.StreamReadIntoBuffer when invocation.Instance is { } from && IsNetworkStream(from):
                    Edge(ByteNode.Received, Root(CatalogueIndex.Argument(invocation, facts!.Fills)));
                    return;
                case SummaryRole.Other when facts!.Read is not null && reads.IsCountingRead(invocation, cancellationToken):
                    Edge(ByteNode.Received, Root(symbols.FilledBuffer(invocation)));
                    return;
            }
        }

        /// <summary>A call the catalogue does not describe: a method of the compilation, or unknown code.</summary>
        private void PassOn(IMethodSymbol method, System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments)
        {
            List<ByteNode>?[]? roots = null;
            for (var i = 0; i < arguments.Length; i++)
            {
                List<ByteNode>? nodes = null;
                Roots(arguments[i].Value, ref nodes);
                if (nodes is not null)
                {
                    (roots ??= new List<ByteNode>?[arguments.Length])[i] = nodes;
                }
            }

            if (roots is null)
            {
                return;
            }

            var target = ByteSummary.Resolve(method);
            for (var i = 0; i < arguments.Length; i++)
            {
                if (roots[i] is not { } argumentRoots)
                {
                    continue;
                }

                if (target is not null)
                {
                    // A method of the compilation: the bytes go to its parameter.
                    if (arguments[i].Parameter is { } parameter)
                    {
                        foreach (var node in argumentRoots)
                        {
                            Edge(node, ByteNode.Parameter(target, parameter.Ordinal));
                        }
                    }

                    if (arguments[i].Parameter is { } aliased && IsOwnFieldItself(arguments[i].Value) is { } field)
                    {
                        // The field's own object (not a copy or a view): what the method does to it, the field undergoes.
                        Summarizing.Aliases.Add((ByteNode.Field(field), ByteNode.Parameter(target, aliased.Ordinal)));
                    }
                }
                else
                {
                    // Unknown code: the bytes given to it may go anywhere, or be changed there.
                    foreach (var node in argumentRoots)
                    {
                        if (node.Kind != ByteNodeKind.Received)
                        {
                            Edge(node, ByteNode.Escape);
                        }
                    }
                }
            }
        }

        /// <summary>Edges from what <paramref name="value"/> may be (<see cref="Roots"/>) to <paramref name="to"/>.</summary>
        private void EdgeFrom(IOperation? value, ByteNode? to)
        {
            if (to is null)
            {
                return;
            }

            List<ByteNode>? nodes = null;
            Roots(value, ref nodes);
            if (nodes is not null)
            {
                foreach (var node in nodes)
                {
                    Edge(node, to);
                }
            }
        }

        /// <summary>
        /// The nodes whose bytes <paramref name="value"/> may hold: each side of <c>?:</c> and <c>??</c>, both sequences of
        /// a LINQ <c>Concat</c> (through the LINQ operators that keep the bytes; none for <c>Reverse</c>), or its <see cref="Root"/>.
        /// </summary>
        private void Roots(IOperation? value, ref List<ByteNode>? into, int depth = 0)
        {
            var walked = value?.WalkDownConversions();
            if (depth < MaxRootDepth)
            {
                switch (walked)
                {
                    case IConditionalOperation { WhenFalse: { } whenFalse } conditional when symbols.TestsHostOrder(conditional.Condition, out var trueOnLittleEndian):
                        // BitConverter.IsLittleEndian ? seq.Reverse() : seq (tuyanet's BigEndian helper, fresh54): the other
                        // side is taken only on a big-endian host, whose order is network order; only this side's bytes count.
                        Roots(trueOnLittleEndian ? conditional.WhenTrue : whenFalse, ref into, depth + 1);
                        return;
                    case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                        Roots(conditional.WhenTrue, ref into, depth + 1);
                        Roots(whenFalse, ref into, depth + 1);
                        return;
                    case ICoalesceOperation coalesce:
                        Roots(coalesce.Value, ref into, depth + 1);
                        Roots(coalesce.WhenNull, ref into, depth + 1);
                        return;
                    case IInvocationOperation invocation when invocation.Arguments.Length > 0 && symbols.Sequence(invocation.TargetMethod) is { } shape:
                        if (shape == SequenceShape.Reverses || !symbols.IsByteHolder(invocation.Type))
                        {
                            return;
                        }

                        Roots(invocation.Arguments[0].Value, ref into, depth + 1);
                        if (shape == SequenceShape.Concatenates && invocation.Arguments.Length > 1)
                        {
                            Roots(invocation.Arguments[1].Value, ref into, depth + 1);
                        }

                        return;
                }
            }

            if (Root(value) is { } node)
            {
                (into ??= new List<ByteNode>()).Add(node);
            }
        }

        private void Edge(ByteNode? from, ByteNode? to)
        {
            if (from is not null && to is not null)
            {
                Summarizing.Edge(from, to);
            }
        }

        // Locals a reversal took in place: what they view from outside the body is reversed too (CompleteSummary).
        private List<ILocalSymbol>? reversedLocals;

        /// <summary>
        /// A reversal in place (<c>Array.Reverse</c>, <c>span.Reverse()</c>): its place holds the order the code chose. A local
        /// that views a parameter's or field's bytes (<c>var port = data.AsSpan(4, 2); port.Reverse();</c>, fresh16 FALSE 3)
        /// reversed them there, as <c>Array.Reverse(data, 4, 2)</c> does: once the walk knows every local's value, the
        /// outer node is killed too.
        /// </summary>
        private void KillReversed(ByteNode? node)
        {
            Kill(node);
            if (node is { Kind: ByteNodeKind.Local, Symbol: ILocalSymbol local })
            {
                (reversedLocals ??= new List<ILocalSymbol>()).Add(local);
            }
        }

        private void Kill(ByteNode? node)
        {
            if (node is { Kind: ByteNodeKind.Local or ByteNodeKind.Parameter or ByteNodeKind.Field or ByteNodeKind.Return })
            {
                Summarizing.Killed.Add(node);
            }
        }

        /// <summary>
        /// The finished summary (after the flow added its edges): locals given a second value (or an unknown one) are
        /// unknown, since the summary is not flow-sensitive.
        /// </summary>
        public ByteSummary CompleteSummary()
        {
            SummarizeResultUses();
            if (summary is null)
            {
                return ByteSummary.Empty;
            }

            if (reversedLocals is not null)
            {
                foreach (var local in reversedLocals)
                {
                    var node = (ByteNode?)ByteNode.Local(local);
                    for (var depth = 0; node is { Kind: ByteNodeKind.Local, Symbol: ILocalSymbol viewing } && depth < MaxRootDepth; depth++)
                    {
                        node = SingleValue(viewing) is { } only && IsViewOf(only) ? Root(only) : null;
                    }

                    Kill(node);
                }
            }

            if (ownerMethod is not null && returns > 0 && freshReturns == returns)
            {
                summary.FreshReturns.Add(ByteNode.Return(ownerMethod));
            }

            summary.PruneLocals();
            foreach (var pair in singleValues)
            {
                if (pair.Value is null && summary.Keeps(ByteNode.Local(pair.Key)))
                {
                    summary.Killed.Add(ByteNode.Local(pair.Key));
                }
            }

            return summary;
        }
    }
}
