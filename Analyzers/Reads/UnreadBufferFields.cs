using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Common;
using SocketAnalyzers.Model;

namespace SocketAnalyzers.Reads
{
    /// <summary>
    /// Private array fields that no code of their type looks at: every use hands the field to a network read as the
    /// buffer it fills (<c>BeginReceive(data, 0, data.Length, …)</c>, <c>socket.Receive(data)</c>), reads its
    /// <c>Length</c>, or gives it a new array. A read into such a field, or the <c>End…</c> of every receive the type
    /// starts into one, has a count nothing can need (fresh12 F1: a course server's <c>EndReceive</c> whose buffer field
    /// nothing reads). Decided once per field for the compilation; a use in another file, or one we cannot bind, is a look.
    /// </summary>
    internal sealed class UnreadBufferFields
    {
        private readonly CatalogueIndex catalogue;
        private readonly ConcurrentDictionary<IFieldSymbol, bool> known = new(SymbolEqualityComparer.Default);
        // By type and file: a Begin… call is bound only in the file being analyzed, so the answer is the file's (an End… in
        // one file of a partial class whose receives start in another file is unknown there, whatever was asked first).
        private readonly ConcurrentDictionary<(INamedTypeSymbol Type, SyntaxTree Tree), Receives> receives = new();

        /// <summary>What the <c>Begin…</c> receives of a type's code fill, as seen from one file.</summary>
        private sealed class Receives
        {
            public Receives(bool onlyIntoUnread, ImmutableHashSet<IFieldSymbol> fields, ImmutableDictionary<IMethodSymbol, CallbackBuffer?> callbacks)
            {
                OnlyIntoUnread = onlyIntoUnread;
                Fields = fields;
                Callbacks = callbacks;
            }

            /// <summary>Per method given as the callback of a receive: the buffer field every such receive fills from its start, or null when they differ or it is no such field.</summary>
            public ImmutableDictionary<IMethodSymbol, CallbackBuffer?> Callbacks { get; }

            /// <summary>There is at least one, and each fills a field nothing looks at (<see cref="ReceivesOnlyIntoUnreadFields"/>).</summary>
            public bool OnlyIntoUnread { get; }

            /// <summary>The array fields, of any object (a state object's too), those of this file fill.</summary>
            public ImmutableHashSet<IFieldSymbol> Fields { get; }
        }

        public UnreadBufferFields(CatalogueIndex catalogue) => this.catalogue = catalogue;

        /// <summary>
        /// True when code of <paramref name="function"/> after <paramref name="position"/> looks at the bytes of a field that
        /// a <c>Begin…</c> receive of <paramref name="type"/>'s code in this file fills (<c>tcpAsyClBuffer[0]</c>,
        /// <c>GetString(state.buffer)</c>): the <c>End…</c> before it completes a receive whose bytes are then used, so its
        /// count matters even inside a <c>try</c> whose <c>catch</c> swallows the error (fresh25 miss 1: a Modbus master's
        /// callback parses the response after <c>try { EndReceive(ar); } catch { }</c>).
        /// </summary>
        public bool LooksAtReceiveBufferAfter(SyntaxNode function, int position, INamedTypeSymbol type, SemanticModel model, CancellationToken cancellationToken)
        {
            var fields = ReceivesOf(type, model, cancellationToken).Fields;
            if (fields.IsEmpty)
            {
                return false;
            }

            foreach (var node in function.DescendantNodes(n => n.Span.End > position))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (node.SpanStart < position || node is not IdentifierNameSyntax identifier)
                {
                    continue;
                }

                foreach (var field in fields)
                {
                    if (field.Name == identifier.Identifier.ValueText && !Use(identifier, field, model, cancellationToken)
                        && SameFileUses.FieldReference(identifier, field, model, cancellationToken) is not null)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>True when <paramref name="buffer"/> (conversions removed) is this instance's field that nothing looks at.</summary>
        public bool IsUnreadField(IOperation buffer, SemanticModel model, CancellationToken cancellationToken)
            => buffer.WalkDownConversions() is IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } } reference
                && IsUnread(reference.Field.OriginalDefinition, model, cancellationToken);

        /// <summary>
        /// True when <paramref name="type"/> starts at least one receive (a member that fills a buffer: <c>BeginReceive</c>,
        /// <c>BeginRead</c>, …) and every one of them fills a field that nothing looks at: an <c>End…</c> of the type then
        /// completes a receive whose bytes nobody reads.
        /// </summary>
        public bool ReceivesOnlyIntoUnreadFields(INamedTypeSymbol type, SemanticModel model, CancellationToken cancellationToken)
            => ReceivesOf(type, model, cancellationToken).OnlyIntoUnread;

        /// <summary>
        /// The array field whose bytes the receive that <paramref name="callback"/> completes put there: every <c>Begin…</c>
        /// receive of its type (in this file) that names the method as its callback (<c>BeginReceive(buffer, 0,
        /// buffer.Length, SocketFlags.None, OnReceive, client)</c>, <c>new AsyncCallback(ReadCallback)</c>) fills the same field
        /// from its start: this object's (<see cref="CallbackBuffer.OnState"/> false), or the one of the object it hands the
        /// callback as its state (<c>BeginReceive(state.buffer, 0, …, ReadCallback, state)</c>, true). Null when there is no
        /// such receive, they differ, one fills from another offset or asks for one byte, or the type has a part elsewhere.
        /// </summary>
        public CallbackBuffer? BufferOfCallback(IMethodSymbol callback, SemanticModel model, CancellationToken cancellationToken)
            => callback.ContainingType is { } type && ReceivesOf(type.OriginalDefinition, model, cancellationToken).Callbacks.TryGetValue(callback.OriginalDefinition, out var buffer)
                ? buffer
                : null;

        private Receives ReceivesOf(INamedTypeSymbol type, SemanticModel model, CancellationToken cancellationToken)
        {
            var key = (type, model.SyntaxTree);
            if (!receives.TryGetValue(key, out var answer))
            {
                answer = ComputeReceives(type, model, cancellationToken);
                receives.TryAdd(key, answer);
            }

            return answer;
        }

        private Receives ComputeReceives(INamedTypeSymbol type, SemanticModel model, CancellationToken cancellationToken)
        {
            var found = false;
            var onlyUnread = true;
            var fields = ImmutableHashSet.CreateBuilder<IFieldSymbol>(SymbolEqualityComparer.Default);
            var callbacks = ImmutableDictionary.CreateBuilder<IMethodSymbol, CallbackBuffer?>(SymbolEqualityComparer.Default);
            var elsewhere = type.DeclaringSyntaxReferences.Length != 1;
            foreach (var part in type.DeclaringSyntaxReferences)
            {
                foreach (var node in part.GetSyntax(cancellationToken).DescendantNodes())
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (node is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: var name } } call
                        || !name.StartsWith("Begin", System.StringComparison.Ordinal))
                    {
                        continue;
                    }

                    // A part in another file (a form's designer part) may be read, not bound (RS1030): a Begin… call there is unknown.
                    if (call.SyntaxTree != model.SyntaxTree || model.GetOperation(call, cancellationToken) is not IInvocationOperation invocation)
                    {
                        onlyUnread = false;
                        continue;
                    }

                    if (catalogue.Facts(invocation.TargetMethod) is not { Fills: { } fills })
                    {
                        continue;
                    }

                    var buffer = CatalogueIndex.Argument(invocation, fills);
                    if (buffer?.WalkDownConversions() is IFieldReferenceOperation { Field: { Type: IArrayTypeSymbol } field })
                    {
                        fields.Add(field.OriginalDefinition);
                    }

                    onlyUnread &= buffer is not null && IsUnreadField(buffer, model, cancellationToken);
                    found = true;
                    if (!elsewhere && CallbackOf(invocation, out var state) is { } callback)
                    {
                        var given = BufferGiven(invocation, buffer, state);
                        callbacks[callback] = callbacks.TryGetValue(callback, out var before) && !Equals(before, given) ? null : given;
                    }
                }
            }

            return new Receives(found && onlyUnread, fields.ToImmutable(), callbacks.ToImmutable());
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
                ? (FillsFromStart(receive) ? new CallbackBuffer(local.Local, onState: false) : null)
                : BufferGiven(receive, buffer, CatalogueIndex.Argument(receive, argument.Parameter!.Ordinal + 1));
        }

        private bool FillsFromStart(IInvocationOperation receive)
            => catalogue.Facts(receive.TargetMethod) is { FillsFrom: { } from } facts
                && CatalogueIndex.Argument(receive, from)?.ConstantValue is { HasValue: true, Value: 0 }
                && !(facts.FillsCount is { } count && CatalogueIndex.Argument(receive, count)?.ConstantValue is { HasValue: true, Value: 1 });

        /// <summary>The field the receive fills from its start: this object's, or its state object's; null for any other buffer, offset or a one-byte count.</summary>
        private CallbackBuffer? BufferGiven(IInvocationOperation receive, IOperation? buffer, IOperation? state)
        {
            if (buffer?.WalkDownConversions() is not IFieldReferenceOperation { Field.Type: IArrayTypeSymbol } field || !FillsFromStart(receive))
            {
                return null;
            }

            switch (field.Instance?.WalkDownConversions())
            {
                case null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }:
                    return new CallbackBuffer(field.Field.OriginalDefinition, onState: false);
                case { } owner when SameVariable(owner, state?.WalkDownConversions()):
                    return new CallbackBuffer(field.Field.OriginalDefinition, onState: true);
                default:
                    return null;
            }
        }

        private static bool SameVariable(IOperation a, IOperation? b) => (a, b) switch
        {
            (ILocalReferenceOperation x, ILocalReferenceOperation y) => SymbolEqualityComparer.Default.Equals(x.Local, y.Local),
            (IParameterReferenceOperation x, IParameterReferenceOperation y) => SymbolEqualityComparer.Default.Equals(x.Parameter, y.Parameter),
            (IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } x, IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } y)
                => SymbolEqualityComparer.Default.Equals(x.Field, y.Field),
            _ => false,
        };

        private bool IsUnread(IFieldSymbol field, SemanticModel model, CancellationToken cancellationToken)
        {
            if (field is not { IsConst: false, IsImplicitlyDeclared: false, DeclaredAccessibility: Accessibility.Private, Type: IArrayTypeSymbol, ContainingType.TypeKind: TypeKind.Class or TypeKind.Struct }
                || field.DeclaringSyntaxReferences.Length == 0)
            {
                return false;
            }

            if (known.TryGetValue(field, out var answer))
            {
                return answer;
            }

            answer = Summarise(field, model, cancellationToken);
            known.TryAdd(field, answer);
            return answer;
        }

        private bool Summarise(IFieldSymbol field, SemanticModel model, CancellationToken cancellationToken)
        {
            foreach (var declaration in field.DeclaringSyntaxReferences)
            {
                if (declaration.GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer: { } initializer }
                    && (initializer.SyntaxTree != model.SyntaxTree || initializer.Value is not (ArrayCreationExpressionSyntax or ImplicitArrayCreationExpressionSyntax)))
                {
                    return false;
                }
            }

            foreach (var part in field.ContainingType.DeclaringSyntaxReferences)
            {
                if (!SameFileUses.All(part.GetSyntax(cancellationToken), field, model, identifier => Use(identifier, field, model, cancellationToken), cancellationToken))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>True when this use of the field does not look at its bytes: a read fills it, its length is read, or it is given a new array.</summary>
        private bool Use(IdentifierNameSyntax identifier, IFieldSymbol field, SemanticModel model, CancellationToken cancellationToken)
        {
            if (SameFileUses.FieldReference(identifier, field, model, cancellationToken) is not { } reference)
            {
                return false;
            }

            switch (reference.Parent)
            {
                case ISimpleAssignmentOperation assignment when assignment.Target == reference:
                    return assignment.Value.WalkDownConversions() is IArrayCreationOperation;
                case IPropertyReferenceOperation { Property.Name: "Length" } length when length.Instance == reference:
                    return true;
                case IArgumentOperation { Parameter: { } parameter, Parent: IInvocationOperation call } when parameter.RefKind == RefKind.None:
                    return catalogue.Facts(call.TargetMethod) is { } facts
                        && (facts.Fills == parameter.Ordinal || facts.Read?.Buffer == parameter.Ordinal);
                default:
                    return false;
            }
        }
    }

    /// <summary>
    /// The array a <c>Begin…</c> receive fills for its callback: a field of this object, or (<see cref="OnState"/>) of the
    /// state object the callback gets back from <c>AsyncState</c> (<see cref="UnreadBufferFields.BufferOfCallback"/>); for
    /// a lambda given as the callback, also a local or parameter of the function around it that the lambda sees.
    /// </summary>
    internal sealed class CallbackBuffer : System.IEquatable<CallbackBuffer>
    {
        public CallbackBuffer(ISymbol buffer, bool onState)
        {
            Buffer = buffer;
            OnState = onState;
        }

        public ISymbol Buffer { get; }

        public bool OnState { get; }

        public bool Equals(CallbackBuffer? other) => other is not null && OnState == other.OnState && SymbolEqualityComparer.Default.Equals(Buffer, other.Buffer);

        public override bool Equals(object? obj) => Equals(obj as CallbackBuffer);

        public override int GetHashCode() => SymbolEqualityComparer.Default.GetHashCode(Buffer) ^ (OnState ? 1 : 0);
    }
}
