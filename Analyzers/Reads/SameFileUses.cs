using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Common;

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
            foreach (var identifier in IdentifierIndex.Named(scope, symbol.Name, cancellationToken))
            {
                cancellationToken.ThrowIfCancellationRequested();
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

                if (Names(identifier, symbol, model, cancellationToken) && !judge(identifier))
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

        /// <summary>
        /// True when <paramref name="identifier"/> binds to <paramref name="symbol"/>. Asked first of the operation the
        /// identifier names (the call whose method it is, the field or method reference it is), which the model looks up in
        /// the member's operation tree once it is built; the symbol information, which may bind again the lambda around the
        /// identifier, only when no operation says (<c>nameof</c>, code that does not bind).
        /// </summary>
        private static bool Names(IdentifierNameSyntax identifier, ISymbol symbol, SemanticModel model, CancellationToken cancellationToken)
        {
            SyntaxNode node = identifier;
            if (node.Parent is MemberAccessExpressionSyntax access && access.Name == identifier
                || node.Parent is MemberBindingExpressionSyntax binding && binding.Name == identifier)
            {
                node = node.Parent;
            }

            if (node.Parent is InvocationExpressionSyntax call && call.Expression == node)
            {
                node = call;
            }

            var named = model.GetOperation(node, cancellationToken) switch
            {
                IInvocationOperation invocation when invocation.Syntax == node => invocation.TargetMethod,
                IMethodReferenceOperation method => method.Method,
                IFieldReferenceOperation field => field.Field,
                IPropertyReferenceOperation property => property.Property,
                IEventReferenceOperation @event => @event.Event,
                _ => (ISymbol?)null,
            };

            return named is not null
                ? SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, symbol)
                : Refers(model.GetSymbolInfo(identifier, cancellationToken), symbol);
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
