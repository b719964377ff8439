using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SocketAnalyzers.Reads
{
    /// <summary>
    /// The uses of a field or method that the summaries of <see cref="NetworkFields"/> and <see cref="NetworkParameters"/>
    /// judge: every identifier under a node that names the symbol. An analyzer may bind only the file it is given (RS1030),
    /// so a use in another file makes the answer unknown in every host, whichever file is being analyzed.
    /// </summary>
    internal static class SameFileUses
    {
        /// <summary>
        /// True when every identifier under <paramref name="scope"/> that binds to <paramref name="symbol"/> lies in the file
        /// of <paramref name="model"/> and <paramref name="judge"/> accepts it; false at the first one in another file (an
        /// identifier of the same name there cannot be bound) or that the judge rejects.
        /// </summary>
        public static bool All(SyntaxNode scope, ISymbol symbol, SemanticModel model, Func<IdentifierNameSyntax, bool> judge, CancellationToken cancellationToken)
        {
            var name = symbol.Name;
            foreach (var descendant in scope.DescendantNodes())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (descendant is not IdentifierNameSyntax identifier || identifier.Identifier.ValueText != name)
                {
                    continue;
                }

                if (identifier.SyntaxTree != model.SyntaxTree)
                {
                    return false;
                }

                // Bind the member around the use as a whole, as the analyzer driver does for its operation blocks: asked
                // first for one identifier, the semantic model binds only its statement, and the driver then binds the
                // member again (a call inside a lambda passed to Task.Run costs its overload resolution twice).
                if (identifier.FirstAncestorOrSelf<SyntaxNode>(node => node is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax) is { } member)
                {
                    model.GetOperation(member, cancellationToken);
                }

                if (Refers(model.GetSymbolInfo(identifier, cancellationToken), symbol) && !judge(identifier))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// The reference of <paramref name="field"/> that <paramref name="identifier"/> (a use <see cref="All"/> hands a judge)
        /// names: the identifier, or the member access or binding whose name it is; null when it binds to something else.
        /// </summary>
        public static Microsoft.CodeAnalysis.Operations.IFieldReferenceOperation? FieldReference(IdentifierNameSyntax identifier, IFieldSymbol field, SemanticModel model, CancellationToken cancellationToken)
        {
            ExpressionSyntax expression = identifier.Parent switch
            {
                MemberAccessExpressionSyntax access when access.Name == identifier => access,
                MemberBindingExpressionSyntax binding when binding.Name == identifier => binding,
                _ => identifier,
            };

            return model.GetOperation(expression, cancellationToken) is Microsoft.CodeAnalysis.Operations.IFieldReferenceOperation reference
                && SymbolEqualityComparer.Default.Equals(reference.Field.OriginalDefinition, field)
                ? reference
                : null;
        }

        private static bool Refers(SymbolInfo info, ISymbol symbol)
        {
            if (SymbolEqualityComparer.Default.Equals(info.Symbol?.OriginalDefinition, symbol))
            {
                return true;
            }

            foreach (var candidate in info.CandidateSymbols)
            {
                if (SymbolEqualityComparer.Default.Equals(candidate.OriginalDefinition, symbol))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
