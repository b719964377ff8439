using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SocketAnalyzers.CodeFixes.Lifecycle
{
    /// <summary>Syntax helpers shared by the lifecycle fixes.</summary>
    internal static class LifecycleFixHelpers
    {
        /// <summary>
        /// A finding certain only on a loop's later turns (<see cref="SocketAnalyzers.Lifecycle.SocketStateAnalysis.NextTurnProperty"/>):
        /// the call is right on the first turn, and what is wrong is what the loop does after it, so adding a missing
        /// step before the call would change what the first turn does. No lifecycle fix applies to it.
        /// </summary>
        public static bool OnlyOnLaterTurns(Diagnostic diagnostic)
            => diagnostic.Properties.ContainsKey(SocketAnalyzers.Lifecycle.SocketStateAnalysis.NextTurnProperty);

        /// <summary>The invocation a diagnostic was reported on (the node itself or the one it wraps).</summary>
        public static InvocationExpressionSyntax? FindInvocation(SyntaxNode? node)
        {
            for (var current = node; current is not null and not StatementSyntax; current = current.Parent)
            {
                if (current is InvocationExpressionSyntax invocation)
                {
                    return invocation;
                }
            }

            return null;
        }

        /// <summary>
        /// The receiver of <c>receiver.Method(…)</c> when repeating it has no side effect: a name, <c>this.name</c>, or a
        /// chain of member accesses on those (<c>listener.Server</c>).
        /// </summary>
        public static ExpressionSyntax? SimpleReceiver(InvocationExpressionSyntax invocation)
        {
            if (invocation.Expression is not MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression } access)
            {
                return null;
            }

            return IsSimple(access.Expression) ? access.Expression : null;
        }

        public static bool IsSimple(ExpressionSyntax expression) => expression switch
        {
            IdentifierNameSyntax => true,
            ThisExpressionSyntax => true,
            MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression } member => IsSimple(member.Expression),
            ParenthesizedExpressionSyntax parenthesized => IsSimple(parenthesized.Expression),
            _ => false,
        };

        /// <summary>True when two receivers name the same thing: equivalent syntax whose names bind to the same symbols.</summary>
        public static bool SameReceiver(ExpressionSyntax a, ExpressionSyntax b, SemanticModel model)
        {
            if (!SyntaxFactory.AreEquivalent(Strip(a), Strip(b)))
            {
                return false;
            }

            var first = model.GetSymbolInfo(a).Symbol;
            var second = model.GetSymbolInfo(b).Symbol;
            return first is not null && SymbolEqualityComparer.Default.Equals(first, second);
        }

        private static ExpressionSyntax Strip(ExpressionSyntax expression)
            => expression is ParenthesizedExpressionSyntax parenthesized ? Strip(parenthesized.Expression) : expression;

        /// <summary>The indentation of a statement (its last leading whitespace), without its comments.</summary>
        public static SyntaxTriviaList Indentation(SyntaxNode statement)
        {
            var leading = statement.GetLeadingTrivia();
            return leading.Count > 0 && leading[leading.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia)
                ? SyntaxFactory.TriviaList(leading[leading.Count - 1])
                : SyntaxFactory.TriviaList();
        }

        /// <summary>The line ending the document uses after <paramref name="statement"/>.</summary>
        public static SyntaxTrivia EndOfLine(SyntaxNode statement)
        {
            foreach (var trivia in statement.GetTrailingTrivia())
            {
                if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
                {
                    return trivia;
                }
            }

            return SyntaxFactory.ElasticCarriageReturnLineFeed;
        }

        /// <summary>The statement that holds <paramref name="node"/> directly inside a block, or null.</summary>
        public static StatementSyntax? StatementInBlock(SyntaxNode node)
        {
            for (var current = node; current is not null; current = current.Parent)
            {
                if (current is StatementSyntax statement && statement.Parent is BlockSyntax)
                {
                    return statement;
                }

                if (current is MemberDeclarationSyntax or LambdaExpressionSyntax or LocalFunctionStatementSyntax)
                {
                    return null;
                }
            }

            return null;
        }
    }
}
