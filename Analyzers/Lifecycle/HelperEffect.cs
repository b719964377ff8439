using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Common;

namespace SocketAnalyzers.Lifecycle
{
    /// <summary>
    /// What a call of a simple helper method of the class certainly does to its private socket fields: the operations its
    /// body applies to them, in order, on every path that returns (<c>void Disconnect() { client.Close(); }</c>,
    /// <c>void Stop() { listener?.Stop(); }</c>). The flow analysis of a caller moves the fields through these steps at the
    /// call (<see cref="SocketStateAnalysis"/>), where any other call of the class moves them through everything the class
    /// can do to them; so <c>Disconnect(); client.Connect(host, port);</c> is a use after close.
    /// <para>
    /// A helper is simple when nothing else of the class can run during it and it does nothing else to the fields: an
    /// ordinary instance method that cannot be overridden, neither async nor an iterator, whose body calls no method of the
    /// class, no delegate and no local function, makes no lambda, never hands <c>this</c> on, does not <c>await</c>, and
    /// names its socket fields (the summarised ones, <see cref="FieldTypestate"/>) only as the receiver of an operation of
    /// the model (not <c>GetStream()</c>, <c>.Client</c> or an assignment). Such an operation is a step when it is a
    /// statement of the body itself, optionally guarded by a null test of the field (<c>if (client != null)</c>, or
    /// <c>client?.Close()</c>: on the null path the caller's next use throws anyway) or inside a <c>try</c> (then the step
    /// is uncertain: an exception may have stopped it before, so the caller keeps the state before it too). No statement
    /// before the last step may return. Anything else makes the method no helper, and the caller forgets as before.
    /// </para>
    /// </summary>
    internal sealed class HelperEffect
    {
        private HelperEffect(ImmutableArray<HelperStep> steps, bool leadingOnly = false)
        {
            Steps = steps;
            LeadingOnly = leadingOnly;
        }

        /// <summary>The operations, in the order the body applies them.</summary>
        public ImmutableArray<HelperStep> Steps { get; }

        /// <summary>
        /// Only the operations the body starts with are known (<see cref="LeadingSteps"/>): the rest of it may do anything
        /// the class can, so after them the caller forgets the fields as at any other call of the class.
        /// </summary>
        public bool LeadingOnly { get; }

        /// <summary>
        /// The effect of <paramref name="method"/>'s body, or null when it is not a simple helper. <paramref name="fields"/>
        /// are the summarised socket fields of its type.
        /// </summary>
        public static HelperEffect? Compute(IOperation body, IMethodSymbol method, SocketProtocolModel model, ImmutableHashSet<IFieldSymbol> fields, CancellationToken cancellationToken)
        {
            if (method is not { MethodKind: MethodKind.Ordinary, IsStatic: false, IsAsync: false, IsAbstract: false, IsExtern: false }
                || ((method.IsVirtual || method.IsOverride) && !method.IsSealed && !method.ContainingType.IsSealed)
                || method.PartialImplementationPart is not null)
            {
                return null;
            }

            var block = body switch
            {
                IMethodBodyOperation methodBody => methodBody.BlockBody ?? methodBody.ExpressionBody,
                IBlockOperation plain => plain,
                _ => null,
            };
            if (block is null)
            {
                return null;
            }

            return (IsQuiet(block, method.ContainingType, model, fields, cancellationToken) ? AllSteps(block, model, fields, cancellationToken) : null)
                ?? LeadingSteps(block, model, fields, cancellationToken);
        }

        /// <summary>The steps of a simple helper's whole body (see the class), or null.</summary>
        private static HelperEffect? AllSteps(IBlockOperation block, SocketProtocolModel model, ImmutableHashSet<IFieldSymbol> fields, CancellationToken cancellationToken)
        {
            var steps = new List<HelperStep>();
            var statements = block.Operations;
            var first = FirstAfterGuard(statements, fields, out var guarded);
            for (var i = first; i < statements.Length; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();

                // A return anywhere but as the last statement itself may skip a step: one nested in a block, a lock or a
                // condition too (lock (gate) { if (!connected) return; client.Close(); }). The implicit return is not one.
                if ((i < statements.Length - 1 || statements[i] is not IReturnOperation) && Returns(statements[i]))
                {
                    return null;
                }

                if (!StepsOf(statements[i], model, fields, steps, uncertain: false))
                {
                    // An operation on a field under some other condition, in a loop, or any other use of it: not certain.
                    return null;
                }
            }

            if (guarded is not null)
            {
                foreach (var step in steps)
                {
                    if (!SymbolEqualityComparer.Default.Equals(step.Field, guarded))
                    {
                        return null;
                    }
                }
            }

            return steps.Count == 0 ? null : new HelperEffect(steps.ToImmutableArray());
        }

        /// <summary>
        /// The operations on fields that a helper which is not simple starts with, before anything of the class can run
        /// (fresh57 M1, a course server's <c>void Start() { try { server.BeginAccept(new AsyncCallback(AcceptCallback), server); }
        /// catch (Exception) { } SetStatus(…); }</c>, called as <c>Stop(); Start();</c>): statements at the top of the body, each
        /// one operation called on a field (or the first statement of a <c>try</c> with catches: uncertain), whose receiver
        /// and arguments run nothing (constants, names, delegates made but not called, conversions), optionally after one
        /// <c>if (f == null) return;</c>. The call runs them first whatever the rest does, so a caller whose state breaks one
        /// is reported at the call; after them the rest of the body may do anything the class can. Null when there is none.
        /// </summary>
        private static HelperEffect? LeadingSteps(IBlockOperation block, SocketProtocolModel model, ImmutableHashSet<IFieldSymbol> fields, CancellationToken cancellationToken)
        {
            var steps = new List<HelperStep>();
            var statements = block.Operations;
            var first = FirstAfterGuard(statements, fields, out var guarded);
            for (var i = first; i < statements.Length; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var statement = statements[i];
                var uncertain = false;
                if (statement is ITryOperation { Catches.IsEmpty: false, Finally: null, Body.Operations: { Length: > 0 } tried })
                {
                    // try { server.BeginAccept(…); } catch (Exception) { }: called first; an exception may have stopped it.
                    statement = tried[0];
                    uncertain = true;
                }

                if (statement is not IExpressionStatementOperation { Operation: IInvocationOperation invocation }
                    || StepOf(invocation, model, uncertain) is not { Forgets: false } step || !fields.Contains(step.Field)
                    || (guarded is not null && !SymbolEqualityComparer.Default.Equals(step.Field, guarded))
                    || !RunsNothing(invocation))
                {
                    break;
                }

                steps.Add(step);
                if (uncertain)
                {
                    // What the try does after its first statement, and its catches, may do anything.
                    break;
                }
            }

            return steps.Count == 0 ? null : new HelperEffect(steps.ToImmutableArray(), leadingOnly: true);
        }

        /// <summary>
        /// Where a helper's steps start: after <c>if (client == null) return;</c> as its first statement (<paramref name="guarded"/>:
        /// on the null path the caller's next use throws anyway, as with <c>client?.Close()</c>; only one such guard, and every
        /// step after it must be on that field), else at the first statement.
        /// </summary>
        private static int FirstAfterGuard(ImmutableArray<IOperation> statements, ImmutableHashSet<IFieldSymbol> fields, out IFieldSymbol? guarded)
        {
            guarded = statements.Length > 0 ? NullReturnGuardOf(statements[0], fields) : null;
            return guarded is null ? 0 : 1;
        }

        /// <summary>
        /// The call's receiver and arguments run no code before the call itself: constants, locals, parameters, fields,
        /// <c>this</c>, conversions, and delegates made (a method group, a lambda: not run) for it to call later.
        /// </summary>
        private static bool RunsNothing(IInvocationOperation invocation)
        {
            var pending = new Stack<IOperation>();
            foreach (var child in invocation.ChildOperations)
            {
                pending.Push(child);
            }

            while (pending.Count > 0)
            {
                var operation = pending.Pop();
                switch (operation)
                {
                    case IAnonymousFunctionOperation or IMethodReferenceOperation:
                        // Made, not run.
                        continue;
                    case IDelegateCreationOperation or IArgumentOperation or IConversionOperation { OperatorMethod: null } or IParenthesizedOperation
                        or ILiteralOperation or ILocalReferenceOperation or IParameterReferenceOperation or IInstanceReferenceOperation
                        or IDefaultValueOperation or IFieldReferenceOperation or IConditionalAccessInstanceOperation:
                        break;
                    case IPropertyReferenceOperation { Instance: IFieldReferenceOperation } property when property.Property.ContainingType?.ContainingAssembly is not ISourceAssemblySymbol:
                        // client.Client: a framework property of a field (the alias of a step's receiver).
                        break;
                    default:
                        return false;
                }

                foreach (var child in operation.ChildOperations)
                {
                    pending.Push(child);
                }
            }

            return true;
        }

        /// <summary>
        /// True when nothing in <paramref name="block"/> can run other code of the class or change a socket field other than
        /// by an operation called on it.
        /// </summary>
        private static bool IsQuiet(IOperation block, INamedTypeSymbol containingType, SocketProtocolModel model, ImmutableHashSet<IFieldSymbol> fields, CancellationToken cancellationToken)
        {
            foreach (var operation in block.DescendantsAndSelf())
            {
                cancellationToken.ThrowIfCancellationRequested();
                switch (operation)
                {
                    case IAwaitOperation or IAnonymousFunctionOperation or ILocalFunctionOperation or IMethodReferenceOperation
                        or IDynamicInvocationOperation or IDynamicMemberReferenceOperation or IInvalidOperation:
                        return false;
                    case IReturnOperation { Kind: OperationKind.YieldReturn or OperationKind.YieldBreak }:
                        return false;
                    case IBranchOperation { BranchKind: BranchKind.GoTo }:
                        return false;
                    case IInvocationOperation invocation:
                        var target = invocation.TargetMethod;
                        if (target.MethodKind is MethodKind.DelegateInvoke or MethodKind.LocalFunction
                            || IsWait(target)
                            || invocation.Instance is IInstanceReferenceOperation
                            || (invocation.Instance is null && SymbolEqualityComparer.Default.Equals(target.ContainingType?.OriginalDefinition, containingType.OriginalDefinition)))
                        {
                            return false;
                        }

                        break;
                    case IInstanceReferenceOperation instance when instance.Parent is not (IFieldReferenceOperation or IPropertyReferenceOperation):
                        // this handed on: other code may call back into the class.
                        return false;
                    case IPropertyReferenceOperation { Instance: IInstanceReferenceOperation, Property: var property } when !AutoProperties.IsAutoProperty(property):
                        // A property of the class with accessor code may run anything.
                        return false;
                    case IEventReferenceOperation or IRaiseEventOperation:
                        return false;
                    case IFieldReferenceOperation reference when fields.Contains(reference.Field) && !IsStepReceiver(reference, model):
                        return false;
                }
            }

            return true;
        }

        /// <summary>True when <paramref name="reference"/> is the receiver of an operation of the model (directly or through <c>?.</c>).</summary>
        private static bool IsStepReceiver(IFieldReferenceOperation reference, SocketProtocolModel model)
        {
            if (reference.Instance is not (null or IInstanceReferenceOperation))
            {
                return false;
            }

            switch (reference.Parent)
            {
                case IInvocationOperation invocation when invocation.Instance == reference:
                    return StepOf(invocation, model) is not null;
                case IPropertyReferenceOperation alias when alias.Instance == reference && alias.Parent is IInvocationOperation aliasCall && aliasCall.Instance == alias:
                    return StepOf(aliasCall, model) is not null;
                case IConditionalAccessOperation access when access.Operation == reference:
                    return access.WhenNotNull is IInvocationOperation { Instance: IConditionalAccessInstanceOperation } call && StepOf(call, model) is not null;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison:
                    return (comparison.LeftOperand == reference ? comparison.RightOperand : comparison.LeftOperand).WalkDownConversions() is ILiteralOperation { ConstantValue: { HasValue: true, Value: null } };
                case IConversionOperation { Parent: IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison } conversion:
                    return (comparison.LeftOperand == conversion ? comparison.RightOperand : comparison.LeftOperand).WalkDownConversions() is ILiteralOperation { ConstantValue: { HasValue: true, Value: null } };
                case IIsPatternOperation { Pattern: INegatedPatternOperation { Pattern: IConstantPatternOperation { Value.ConstantValue: { HasValue: true, Value: null } } } }:
                    return true;
                case IIsPatternOperation { Pattern: IConstantPatternOperation { Value.ConstantValue: { HasValue: true, Value: null } } }:
                    return true;
                default:
                    return false;
            }
        }

        private static bool IsModelOperation(IInvocationOperation invocation, ITypeSymbol? receiverType, SocketProtocolModel model, out SocketMember member, out SocketModelType type)
        {
            member = default;
            type = default;
            if (model.ModelTypeOf(receiverType) is not { } found || found == SocketModelType.NetworkStream || found == SocketModelType.StreamWrapper
                || model.Find(found, invocation.TargetMethod) is not { } row
                || model.OperationOf(row, invocation.Arguments) is SocketOperation.Alias or SocketOperation.MakeStream
                || row.Result is not null)
            {
                return false;
            }

            member = row;
            type = found;
            return true;
        }

        /// <summary>
        /// The step of an operation called on a field (<c>client.Close()</c>) or on an alias of its socket
        /// (<c>client.Client.Shutdown(…)</c>, <c>listener.Server.Close()</c>), with the receiver <c>this</c>'s field; null
        /// for anything else.
        /// </summary>
        private static HelperStep? StepOf(IInvocationOperation invocation, SocketProtocolModel model, bool uncertain = false)
        {
            var receiver = invocation.Instance;
            if (receiver is IConditionalAccessInstanceOperation && invocation.Parent is IConditionalAccessOperation access)
            {
                receiver = access.Operation;
            }

            if (receiver is IPropertyReferenceOperation { Instance: IFieldReferenceOperation owner } alias
                && model.ModelTypeOf(owner.Field.Type) is { } ownerType && model.Find(ownerType, alias.Property) is { } aliasRow
                && model.OperationOf(aliasRow, ImmutableArray<IArgumentOperation>.Empty) == SocketOperation.Alias)
            {
                return owner.Instance is null or IInstanceReferenceOperation && IsModelOperation(invocation, alias.Type, model, out var viaAlias, out var aliasType)
                    ? new HelperStep(owner.Field, invocation, viaAlias, aliasType, uncertain)
                    : null;
            }

            if (receiver is IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } streamField
                && model.ModelTypeOf(streamField.Field.Type) == SocketModelType.NetworkStream)
            {
                // A stream field's operation (stream.Close() before client.Close()): whatever it did, the caller forgets the
                // stream field; a stream that owns its socket may close it, which only ever hides a finding.
                return new HelperStep(streamField.Field, invocation, default, SocketModelType.NetworkStream, uncertain, forgets: true);
            }

            return receiver is IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field
                && IsModelOperation(invocation, field.Field.Type, model, out var member, out var type)
                ? new HelperStep(field.Field, invocation, member, type, uncertain)
                : null;
        }

        /// <summary>
        /// Adds the steps of one statement of the body: an operation on a field (<c>client.Close();</c>,
        /// <c>client?.Close();</c>), a block or null-guarded <c>if</c> of such statements, or a <c>try</c> whose steps are
        /// uncertain. False when the statement is anything else that names a field.
        /// </summary>
        private static bool StepsOf(IOperation statement, SocketProtocolModel model, ImmutableHashSet<IFieldSymbol> fields, List<HelperStep> steps, bool uncertain)
        {
            switch (statement)
            {
                case IExpressionStatementOperation { Operation: IInvocationOperation invocation }
                    when StepOf(invocation, model, uncertain) is { } step && fields.Contains(step.Field):
                    steps.Add(step);
                    return true;
                case IExpressionStatementOperation { Operation: IConditionalAccessOperation { Operation: IFieldReferenceOperation, WhenNotNull: IInvocationOperation invocation } }
                    when StepOf(invocation, model, uncertain) is { } step && fields.Contains(step.Field):
                    steps.Add(step);
                    return true;
                case IBlockOperation inner:
                    foreach (var child in inner.Operations)
                    {
                        if (!StepsOf(child, model, fields, steps, uncertain) && NamesAField(child, fields))
                        {
                            return false;
                        }
                    }

                    return true;
                case IConditionalOperation { WhenFalse: null } guard when NullGuardOf(guard.Condition, fields) is { } guarded:
                    var inside = new List<HelperStep>();
                    if (!StepsOf(guard.WhenTrue, model, fields, inside, uncertain))
                    {
                        return false;
                    }

                    foreach (var step in inside)
                    {
                        if (!SymbolEqualityComparer.Default.Equals(step.Field, guarded))
                        {
                            // Guarded by another field's test: on its null path this step does not run.
                            return false;
                        }
                    }

                    steps.AddRange(inside);
                    return true;
                case ILockOperation locked when !NamesAField(locked.LockedValue, fields):
                    // lock (gate) { client.Close(); }: the same steps, one thread at a time.
                    return StepsOf(locked.Body, model, fields, steps, uncertain);
                case ITryOperation { Finally: { } always } attempt when !NamesAField(attempt.Body, fields) && attempt.Catches.IsEmpty:
                    // try { … } finally { client.Close(); }: the finally runs whatever the body did; if the body throws, the
                    // helper does not return to the caller.
                    return StepsOf(always, model, fields, steps, uncertain);
                case ITryOperation { Finally: null } attempt:
                    foreach (var handler in attempt.Catches)
                    {
                        if (NamesAField(handler, fields))
                        {
                            return false;
                        }
                    }

                    return StepsOf(attempt.Body, model, fields, steps, uncertain: true);
                default:
                    return !NamesAField(statement, fields);
            }
        }

        /// <summary>The field of <c>if (f == null) return;</c> (or <c>f is null</c>), with no else, or null.</summary>
        private static IFieldSymbol? NullReturnGuardOf(IOperation statement, ImmutableHashSet<IFieldSymbol> fields)
        {
            if (statement is not IConditionalOperation { WhenFalse: null, WhenTrue: var whenTrue, Condition: var condition }
                || !(whenTrue is IReturnOperation { ReturnedValue: null } || (whenTrue is IBlockOperation { Operations.Length: 1 } only && only.Operations[0] is IReturnOperation { ReturnedValue: null })))
            {
                return null;
            }

            return NullTestedField(condition, isNull: true, fields);
        }

        /// <summary>The field a condition tests for non-null (<c>f != null</c>, <c>null != f</c>, <c>f is not null</c>), or null.</summary>
        private static IFieldSymbol? NullGuardOf(IOperation condition, ImmutableHashSet<IFieldSymbol> fields)
            => NullTestedField(condition, isNull: false, fields);

        /// <summary>
        /// The socket field a condition compares with null: <c>f == null</c>, <c>null == f</c>, <c>f is null</c> when
        /// <paramref name="isNull"/>, <c>f != null</c>, <c>null != f</c>, <c>f is not null</c> otherwise; or null.
        /// </summary>
        private static IFieldSymbol? NullTestedField(IOperation condition, bool isNull, ImmutableHashSet<IFieldSymbol> fields)
        {
            IOperation? tested = null;
            switch (condition)
            {
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison
                    when comparison.OperatorKind == (isNull ? BinaryOperatorKind.Equals : BinaryOperatorKind.NotEquals):
                    var left = comparison.LeftOperand.WalkDownConversions();
                    var right = comparison.RightOperand.WalkDownConversions();
                    tested = IsNullLiteral(right) ? left : IsNullLiteral(left) ? right : null;
                    break;
                case IIsPatternOperation { Pattern: IConstantPatternOperation constant } pattern when isNull && IsNullLiteral(constant.Value):
                    tested = pattern.Value.WalkDownConversions();
                    break;
                case IIsPatternOperation { Pattern: INegatedPatternOperation { Pattern: IConstantPatternOperation negated } } pattern when !isNull && IsNullLiteral(negated.Value):
                    tested = pattern.Value.WalkDownConversions();
                    break;
            }

            return tested is IFieldReferenceOperation reference && fields.Contains(reference.Field) ? reference.Field : null;
        }

        private static bool IsNullLiteral(IOperation operation)
            => operation.WalkDownConversions() is { ConstantValue: { HasValue: true, Value: null } };

        private static bool NamesAField(IOperation operation, ImmutableHashSet<IFieldSymbol> fields)
        {
            foreach (var descendant in operation.DescendantsAndSelf())
            {
                if (descendant is IFieldReferenceOperation reference && fields.Contains(reference.Field))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// A wait that lets other threads run, and perhaps replace a field, in the middle of the helper: <c>Monitor.Wait</c>,
        /// <c>WaitHandle.WaitOne</c>, <c>Thread.Sleep</c>, <c>Thread.Join</c>, <c>Task.Wait</c> and the like.
        /// </summary>
        private static bool IsWait(IMethodSymbol method)
            => method.Name is "Wait" or "WaitOne" or "WaitAll" or "WaitAny" or "Sleep" or "Join" or "SpinUntil" or "GetResult"
                && method.ContainingType?.ContainingNamespace?.ToDisplayString() is { } ns && ns.StartsWith("System.Threading", System.StringComparison.Ordinal);

        private static bool Returns(IOperation statement)
        {
            foreach (var descendant in statement.DescendantsAndSelf())
            {
                if (descendant is IReturnOperation { IsImplicit: false } or IBranchOperation { BranchKind: BranchKind.GoTo })
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>One operation a helper applies to a field.</summary>
    internal sealed class HelperStep
    {
        public HelperStep(IFieldSymbol field, IInvocationOperation call, SocketMember member, SocketModelType type, bool uncertain, bool forgets = false)
        {
            Field = field;
            Call = call;
            Member = member;
            Type = type;
            Uncertain = uncertain;
            Forgets = forgets;
        }

        /// <summary>A stream field's operation: the caller forgets the field instead of moving it through a transition.</summary>
        public bool Forgets { get; }

        public IFieldSymbol Field { get; }

        /// <summary>The call in the helper's body (its arguments decide <c>Shutdown</c>'s kind).</summary>
        public IInvocationOperation Call { get; }

        public SocketMember Member { get; }

        public SocketModelType Type { get; }

        /// <summary>Inside a <c>try</c>: an exception may have skipped it, and the helper still returned.</summary>
        public bool Uncertain { get; }
    }
}
