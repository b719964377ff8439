using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SocketAnalyzers.Common;

namespace SocketAnalyzers.CodeFixes.Addressing
{
    /// <summary>Shared edits of the addressing fixes.</summary>
    internal static class AddressFixes
    {
        /// <summary>
        /// <c>IPAddress.<paramref name="field"/></c> written in the call's endpoint argument: the argument itself, or the
        /// address of a <c>new IPEndPoint(…, port)</c> written there. Only there, so that the edit touches this call alone.
        /// </summary>
        public static MemberAccessExpressionSyntax? FindWellKnown(InvocationExpressionSyntax invocation, string field, SemanticModel model, CancellationToken cancellationToken)
        {
            foreach (var argument in invocation.ArgumentList.Arguments)
            {
                var expression = argument.Expression;
                if (expression is BaseObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: 2 } creation)
                {
                    expression = creation.ArgumentList.Arguments[0].Expression;
                }

                if (expression is MemberAccessExpressionSyntax access && access.Name.Identifier.ValueText == field
                    && model.GetSymbolInfo(access, cancellationToken).Symbol is IFieldSymbol { IsStatic: true } symbol
                    && SymbolEqualityComparer.Default.Equals(symbol.ContainingType, KnownSymbols.TryCreate(model.Compilation)?.IPAddress))
                {
                    return access;
                }
            }

            return null;
        }

        /// <summary>Replaces <c>IPAddress.X</c> by <c>IPAddress.<paramref name="field"/></c>, keeping the qualification.</summary>
        public static async Task<Document> RenameAsync(Document document, MemberAccessExpressionSyntax access, string field, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return document;
            }

            var name = SyntaxFactory.IdentifierName(field).WithTriviaFrom(access.Name);
            return document.WithSyntaxRoot(root.ReplaceNode(access, access.WithName(name)));
        }
    }
}
