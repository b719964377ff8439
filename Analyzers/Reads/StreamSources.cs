using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SocketAnalyzers.Common;

namespace SocketAnalyzers.Reads
{
    /// <summary>
    /// Which client field a stream field is taken from (<see cref="NetworkReads.StreamSourceField"/>), read from the syntax of
    /// the type's declarations (an analyzer may not bind another file): <c>_stream = _client.GetStream();</c>, or
    /// <c>_client = client; _stream = client.GetStream();</c> in one constructor.
    /// </summary>
    internal static class StreamSources
    {
        public static IFieldSymbol? SourceOf(IFieldSymbol field, CancellationToken cancellationToken)
        {
            var type = field.ContainingType;
            string? source = null;
            var assigned = 0;
            foreach (var part in type.DeclaringSyntaxReferences)
            {
                foreach (var node in part.GetSyntax(cancellationToken).DescendantNodes())
                {
                    if (node is not AssignmentExpressionSyntax assignment || !Names(assignment.Left, field.Name))
                    {
                        continue;
                    }

                    assigned++;
                    if (!assignment.IsKind(SyntaxKind.SimpleAssignmentExpression)
                        || Strip(assignment.Right) is not InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0, Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetStream", Expression: var client } }
                        || ClientFieldName(client, assignment) is not { } name
                        || (source is not null && source != name))
                    {
                        return null;
                    }

                    source = name;
                }
            }

            if (source is null || assigned == 0)
            {
                return null;
            }

            foreach (var member in type.GetMembers(source))
            {
                if (member is IFieldSymbol { IsReadOnly: true, DeclaredAccessibility: Accessibility.Private, IsStatic: var isStatic } client && isStatic == field.IsStatic)
                {
                    return client;
                }
            }

            return null;
        }

        /// <summary>
        /// The name of the field <paramref name="client"/> stands for: <c>_client</c> or <c>this._client</c>; or a parameter
        /// <c>client</c> of the constructor around <paramref name="assignment"/> that the constructor assigns, once, to a field
        /// (<c>_client = client;</c>), and never assigns itself.
        /// </summary>
        private static string? ClientFieldName(ExpressionSyntax client, AssignmentExpressionSyntax assignment)
        {
            client = Strip(client);
            if (client is MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: IdentifierNameSyntax thisName })
            {
                return thisName.Identifier.ValueText;
            }

            if (client is not IdentifierNameSyntax identifier)
            {
                return null;
            }

            var name = identifier.Identifier.ValueText;
            var constructor = assignment.FirstAncestorOrSelf<ConstructorDeclarationSyntax>();
            var isParameter = false;
            if (constructor is not null)
            {
                foreach (var parameter in constructor.ParameterList.Parameters)
                {
                    isParameter |= parameter.Identifier.ValueText == name && parameter.Modifiers.Count == 0;
                }
            }

            if (!isParameter)
            {
                // A field by its bare name (a local of the same name would make this no field: give up on locals).
                return constructor is null || !DeclaresLocal(constructor, name) ? name : null;
            }

            string? stored = null;
            foreach (var node in constructor!.DescendantNodes())
            {
                if (node is not AssignmentExpressionSyntax other)
                {
                    continue;
                }

                if (Names(other.Left, name))
                {
                    // The parameter itself reassigned: it may no longer be the client the field holds.
                    return null;
                }

                if (other.IsKind(SyntaxKind.SimpleAssignmentExpression) && Strip(other.Right) is IdentifierNameSyntax value && value.Identifier.ValueText == name
                    && FieldName(other.Left) is { } target)
                {
                    if (stored is not null && stored != target)
                    {
                        return null;
                    }

                    stored = target;
                }
            }

            return stored;
        }

        private static bool DeclaresLocal(SyntaxNode scope, string name)
        {
            foreach (var node in scope.DescendantNodes())
            {
                if (node is VariableDeclaratorSyntax declarator && declarator.Identifier.ValueText == name)
                {
                    return true;
                }
            }

            return false;
        }

        private static string? FieldName(ExpressionSyntax target) => Strip(target) switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: IdentifierNameSyntax name } => name.Identifier.ValueText,
            _ => null,
        };

        private static bool Names(ExpressionSyntax target, string name) => FieldName(target) == name;

        private static ExpressionSyntax Strip(ExpressionSyntax expression) => SyntaxNames.WithoutParentheses(expression);
    }
}
