using System.Collections.Concurrent;
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
        private readonly ConcurrentDictionary<(INamedTypeSymbol Type, SyntaxTree Tree), bool> receivesIntoUnread = new();

        public UnreadBufferFields(CatalogueIndex catalogue) => this.catalogue = catalogue;

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
        {
            var key = (type, model.SyntaxTree);
            if (receivesIntoUnread.TryGetValue(key, out var answer))
            {
                return answer;
            }

            answer = ComputeReceives(type, model, cancellationToken);
            receivesIntoUnread.TryAdd(key, answer);
            return answer;
        }

        private bool ComputeReceives(INamedTypeSymbol type, SemanticModel model, CancellationToken cancellationToken)
        {
            var found = false;
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
                        return false;
                    }

                    if (catalogue.Facts(invocation.TargetMethod) is not { Fills: { } fills })
                    {
                        continue;
                    }

                    if (CatalogueIndex.Argument(invocation, fills) is not { } buffer || !IsUnreadField(buffer, model, cancellationToken))
                    {
                        return false;
                    }

                    found = true;
                }
            }

            return found;
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
