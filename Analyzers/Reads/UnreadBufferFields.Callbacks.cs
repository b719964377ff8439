using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Common;
using SocketAnalyzers.Model;

namespace SocketAnalyzers.Reads
{
    /// <summary>
    /// The buffers <c>Begin…</c> receives fill for their callbacks (SOCK012): the same walk of a type's receives as the
    /// unread fields, recorded per method named as a callback.
    /// </summary>
    internal sealed partial class UnreadBufferFields
    {
        /// <summary>
        /// The array whose bytes the receive that <paramref name="callback"/> completes put there: every <c>Begin…</c>
        /// receive of its type (in this file; no part in another file starts one) that names the method as its callback
        /// (<c>BeginReceive(buffer, 0, buffer.Length, SocketFlags.None, OnReceive, client)</c>, <c>new
        /// AsyncCallback(ReadCallback)</c>) fills the same array from its start: a field of this object, a field of the object
        /// it hands the callback as its state (<c>BeginReceive(state.buffer, 0, …, ReadCallback, state)</c>), or the array it
        /// hands as the state itself (<c>BeginRead(buffer, 0, buffer.Length, ReadCallback, buffer)</c>). Null when there is no
        /// such receive, they differ, or one fills from another offset or asks for one byte.
        /// </summary>
        public CallbackBuffer? BufferOfCallback(IMethodSymbol callback, SemanticModel model, CancellationToken cancellationToken)
            => callback.ContainingType is { } type && ReceivesOf(type.OriginalDefinition, model, cancellationToken).Callbacks.TryGetValue(callback.OriginalDefinition, out var buffer)
                ? buffer
                : null;

        /// <summary>
        /// The buffer of the receive a lambda given as its callback completes (<c>BeginReceive(buffer, 0, buffer.Length,
        /// SocketFlags.None, ar =&gt; { … EndReceive(ar) … }, null)</c>): as for a method (<see cref="BufferOfCallback"/>), and
        /// also a local of the function around the lambda (the caller checks that it holds one array).
        /// </summary>
        public CallbackBuffer? BufferOfLambdaCallback(IAnonymousFunctionOperation lambda)
        {
            var value = lambda.Parent is IDelegateCreationOperation created ? created.Parent : lambda.Parent;
            while (value is IConversionOperation)
            {
                value = value.Parent;
            }

            if (value is not IArgumentOperation { Parameter.Type: INamedTypeSymbol { TypeKind: TypeKind.Delegate }, Parent: IInvocationOperation receive } argument
                || catalogue.Facts(receive.TargetMethod) is not { Fills: { } fills })
            {
                return null;
            }

            var buffer = CatalogueIndex.Argument(receive, fills);
            return buffer?.WalkDownConversions() is ILocalReferenceOperation { Local.Type: IArrayTypeSymbol } local
                ? (FillsFromStart(receive) ? new CallbackBuffer(local.Local, CallbackBufferKind.Own, MadeBefore(receive, buffer)) : null)
                : BufferGiven(receive, buffer, CatalogueIndex.Argument(receive, argument.Parameter!.Ordinal + 1));
        }

        /// <summary>The method a receive names as its callback (a method group, <c>new AsyncCallback(M)</c>), and the argument it hands it as its state.</summary>
        private static IMethodSymbol? CallbackOf(IInvocationOperation receive, out IOperation? state)
        {
            state = null;
            foreach (var argument in receive.Arguments)
            {
                if (argument.Parameter?.Type is INamedTypeSymbol { TypeKind: TypeKind.Delegate })
                {
                    // The state is the parameter after the callback (AsyncCallback callback, object state).
                    state = CatalogueIndex.Argument(receive, argument.Parameter.Ordinal + 1);
                    return argument.Value.WalkDownConversions() is IDelegateCreationOperation { Target: IMethodReferenceOperation { Method: var method } }
                        ? method.OriginalDefinition
                        : null;
                }
            }

            return null;
        }

        private bool FillsFromStart(IInvocationOperation receive)
            => catalogue.Facts(receive.TargetMethod) is { FillsFrom: { } from } facts
                && CatalogueIndex.Argument(receive, from)?.ConstantValue is { HasValue: true, Value: 0 }
                && !(facts.FillsCount is { } count && CatalogueIndex.Argument(receive, count)?.ConstantValue is { HasValue: true, Value: 1 });

        /// <summary>
        /// What the receive fills from its start for its callback: a field of this object or of its state object, or the
        /// array it hands as the state; null for any other buffer, offset or a one-byte count.
        /// </summary>
        private CallbackBuffer? BufferGiven(IInvocationOperation receive, IOperation? buffer, IOperation? state)
        {
            var value = buffer?.WalkDownConversions();
            if (value is null || !FillsFromStart(receive))
            {
                return null;
            }

            if (value.Type is IArrayTypeSymbol && state?.WalkDownConversions() is { } handed && SameVariable(value, handed))
            {
                // BeginRead(buffer, 0, buffer.Length, ReadCallback, buffer): the callback gets the array back from AsyncState.
                return new CallbackBuffer(null, CallbackBufferKind.AsState, MadeBefore(receive, value));
            }

            if (value is not IFieldReferenceOperation { Field.Type: IArrayTypeSymbol } field)
            {
                return null;
            }

            switch (field.Instance?.WalkDownConversions())
            {
                case null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }:
                    return new CallbackBuffer(field.Field.OriginalDefinition, CallbackBufferKind.Own, MadeBefore(receive, value));
                case { } owner when SameVariable(owner, state?.WalkDownConversions()):
                    return new CallbackBuffer(field.Field.OriginalDefinition, CallbackBufferKind.OnState, MadeBefore(receive, value) || NewOwner(owner, field.Field));
                default:
                    return null;
            }
        }

        /// <summary>
        /// The receive's buffer is a new array made for it: the statement before the receive's gives the same variable a new
        /// array (<c>state.buffer = new byte[1024];</c>, <c>buffer = new byte[n];</c>), or it is a local declared in the
        /// receive's block with one (<c>var buffer = new byte[1024];</c>). Only quiets (a fresh buffer's NULs are no stale
        /// bytes): a wrong yes hides a finding, never makes one.
        /// </summary>
        private static bool MadeBefore(IInvocationOperation receive, IOperation buffer)
        {
            var statement = receive.Syntax.FirstAncestorOrSelf<StatementSyntax>();
            if (statement?.Parent is not BlockSyntax block)
            {
                return false;
            }

            var index = block.Statements.IndexOf(statement);
            if (buffer is ILocalReferenceOperation local
                && local.Local.DeclaringSyntaxReferences is { Length: 1 } declared
                && declared[0].GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: ArrayCreationExpressionSyntax or ImplicitArrayCreationExpressionSyntax } declarator
                && declarator.FirstAncestorOrSelf<BlockSyntax>() == block)
            {
                return true;
            }

            return index > 0
                && block.Statements[index - 1] is ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax { Right: ArrayCreationExpressionSyntax or ImplicitArrayCreationExpressionSyntax } assignment }
                && Microsoft.CodeAnalysis.CSharp.SyntaxFactory.AreEquivalent(assignment.Left, buffer.Syntax);
        }

        /// <summary>
        /// The state object is a local of the receive's function made there (<c>var state = new StateObject { workSocket =
        /// handler };</c>) and its buffer field starts as a new array (<c>public byte[] buffer = new byte[BufferSize];</c>)
        /// that the object's initializer leaves alone. Only quiets, like <see cref="MadeBefore"/>.
        /// </summary>
        private static bool NewOwner(IOperation owner, IFieldSymbol field)
        {
            if (owner is not ILocalReferenceOperation local || field.DeclaringSyntaxReferences.Length != 1
                || field.DeclaringSyntaxReferences[0].GetSyntax() is not VariableDeclaratorSyntax { Initializer.Value: ArrayCreationExpressionSyntax or ImplicitArrayCreationExpressionSyntax })
            {
                return false;
            }

            var code = owner;
            while (code.Parent is { } parent)
            {
                code = parent;
            }

            if (ReadBody.OnlyDeclaredValue(code, local.Local)?.WalkDownConversions() is not IObjectCreationOperation made)
            {
                return false;
            }

            if (made.Initializer is null)
            {
                return true;
            }

            foreach (var initializer in made.Initializer.Initializers)
            {
                if (initializer is ISimpleAssignmentOperation { Target: IFieldReferenceOperation { Field: var set } }
                    && SymbolEqualityComparer.Default.Equals(set.OriginalDefinition, field))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The same local, parameter or field of this object (<see cref="ReadBody.VariableOf"/>).</summary>
        private static bool SameVariable(IOperation a, IOperation? b)
            => b is not null && !IsOtherObjectsField(a) && !IsOtherObjectsField(b)
                && ReadBody.VariableOf(a) is { } variable && SymbolEqualityComparer.Default.Equals(variable, ReadBody.VariableOf(b));

        private static bool IsOtherObjectsField(IOperation value)
            => value.WalkDownConversions() is IFieldReferenceOperation { Instance: not (null or IInstanceReferenceOperation) };
    }

    /// <summary>Whose array a <c>Begin…</c> receive fills for its callback (<see cref="CallbackBuffer"/>).</summary>
    internal enum CallbackBufferKind
    {
        /// <summary>A field of this object, or (a lambda) a local of the function around it.</summary>
        Own,

        /// <summary>A field of the state object the callback gets back from <c>AsyncState</c>.</summary>
        OnState,

        /// <summary>The array handed as the state itself: the callback gets it back from <c>AsyncState</c>.</summary>
        AsState,
    }

    /// <summary>
    /// The array a <c>Begin…</c> receive fills for its callback (<see cref="UnreadBufferFields.BufferOfCallback"/>), and
    /// whether every receive naming the callback gets a new array (<see cref="Fresh"/>: its zeros are no stale bytes, so a
    /// strip of the NULs, a number parse or a cut at a delimiter of the whole text is the text received, as after a read
    /// into a new array).
    /// </summary>
    internal sealed class CallbackBuffer
    {
        public CallbackBuffer(ISymbol? buffer, CallbackBufferKind kind, bool fresh)
        {
            Buffer = buffer;
            Kind = kind;
            Fresh = fresh;
        }

        /// <summary>The field or local; null for <see cref="CallbackBufferKind.AsState"/> (the callback's local given <c>AsyncState</c> holds it).</summary>
        public ISymbol? Buffer { get; }

        public CallbackBufferKind Kind { get; }

        public bool Fresh { get; }

        /// <summary>What two receives naming one callback fill: the same array (fresh when both give a new one), or null.</summary>
        public static CallbackBuffer? Join(CallbackBuffer? a, CallbackBuffer? b)
            => a is not null && b is not null && a.Kind == b.Kind && SymbolEqualityComparer.Default.Equals(a.Buffer, b.Buffer)
                ? (a.Fresh && !b.Fresh ? b : a)
                : null;

        /// <summary>The same array in the callback's local <paramref name="local"/> (for <see cref="CallbackBufferKind.AsState"/>).</summary>
        public CallbackBuffer In(ILocalSymbol local) => new(local, CallbackBufferKind.Own, Fresh);
    }
}
