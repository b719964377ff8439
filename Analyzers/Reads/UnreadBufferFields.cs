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
    internal sealed partial class UnreadBufferFields
    {
        private readonly CatalogueIndex catalogue;
        private readonly ConcurrentDictionary<IFieldSymbol, bool> known = new(SymbolEqualityComparer.Default);
        // By type and file: a Begin… call is bound only in the file being analyzed, so the answer is the file's (an End… in
        // one file of a partial class whose receives start in another file is unknown there, whatever was asked first).
        private readonly ConcurrentDictionary<(INamedTypeSymbol Type, SyntaxTree Tree), Receives> receives = new();

        /// <summary>What the <c>Begin…</c> receives of a type's code fill, as seen from one file.</summary>
        private sealed class Receives
        {
            public Receives(bool onlyIntoUnread, ImmutableHashSet<IFieldSymbol> fields, ImmutableDictionary<IMethodSymbol, CallbackBuffer?> callbacks,
                ImmutableDictionary<IMethodSymbol, ImmutableArray<IInvocationOperation>> begins)
            {
                OnlyIntoUnread = onlyIntoUnread;
                Fields = fields;
                Callbacks = callbacks;
                Begins = begins;
            }

            /// <summary>Per method given as the callback of a receive: every receive of this file that names it.</summary>
            public ImmutableDictionary<IMethodSymbol, ImmutableArray<IInvocationOperation>> Begins { get; }

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
        /// Every <c>Begin…</c> receive of <paramref name="callback"/>'s type that names it as its callback (a method group,
        /// <c>new AsyncCallback(M)</c>); empty when there is none, or when a part of the type in another file may start one.
        /// </summary>
        public ImmutableArray<IInvocationOperation> BeginsNaming(IMethodSymbol callback, SemanticModel model, CancellationToken cancellationToken)
            => callback.ContainingType is { } type && ReceivesOf(type.OriginalDefinition, model, cancellationToken).Begins.TryGetValue(callback.OriginalDefinition, out var begins)
                ? begins
                : ImmutableArray<IInvocationOperation>.Empty;

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
            var begins = new System.Collections.Generic.Dictionary<IMethodSymbol, ImmutableArray<IInvocationOperation>.Builder>(SymbolEqualityComparer.Default);
            var elsewhere = false;
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
                        // Only a call that could be a receive (five arguments or more) may name a callback: not BeginInit().
                        onlyUnread = false;
                        elsewhere |= call.ArgumentList.Arguments.Count >= 5;
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
                    if (CallbackOf(invocation, out var state) is { } callback)
                    {
                        var given = BufferGiven(invocation, buffer, state);
                        callbacks[callback] = callbacks.TryGetValue(callback, out var before) ? CallbackBuffer.Join(before, given) : given;
                        if (!begins.TryGetValue(callback, out var naming))
                        {
                            naming = ImmutableArray.CreateBuilder<IInvocationOperation>();
                            begins[callback] = naming;
                        }

                        naming.Add(invocation);
                    }
                }
            }

            // A Begin… call in a part in another file may name any callback (a form's designer part has none).
            var beginsByCallback = ImmutableDictionary.CreateBuilder<IMethodSymbol, ImmutableArray<IInvocationOperation>>(SymbolEqualityComparer.Default);
            if (!elsewhere)
            {
                foreach (var pair in begins)
                {
                    beginsByCallback[pair.Key] = pair.Value.ToImmutable();
                }
            }

            return new Receives(found && onlyUnread, fields.ToImmutable(), elsewhere ? ImmutableDictionary<IMethodSymbol, CallbackBuffer?>.Empty : callbacks.ToImmutable(),
                beginsByCallback.ToImmutable());
        }

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
}
