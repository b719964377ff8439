using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SocketAnalyzers.Common
{
    /// <summary>Names read off syntax, for the cheap tests a family makes before it binds anything.</summary>
    internal static class SyntaxNames
    {
        /// <summary>
        /// Some name <paramref name="name"/> under <paramref name="scope"/> may be written there: the target of an assignment
        /// (compound too), incremented or decremented, passed by <c>ref</c> or <c>out</c>, or an element of a tuple (a
        /// deconstruction may assign it). By syntax, whatever the name binds to: a caller that asks about one variable gets
        /// "maybe" for another of the same name.
        /// </summary>
        public static bool IsWritten(SyntaxNode scope, string name, System.Threading.CancellationToken cancellationToken)
        {
            foreach (var identifier in IdentifierIndex.Named(scope, name, cancellationToken))
            {
                SyntaxNode written = identifier.Parent is MemberAccessExpressionSyntax access && access.Name == identifier ? access : identifier;
                switch (written.Parent)
                {
                    case AssignmentExpressionSyntax assignment when assignment.Left == written:
                    case PrefixUnaryExpressionSyntax { RawKind: (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.PreIncrementExpression or (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.PreDecrementExpression }:
                    case PostfixUnaryExpressionSyntax:
                    case ArgumentSyntax { RefKindKeyword.RawKind: not 0 }:
                    case ArgumentSyntax { Parent: TupleExpressionSyntax }:
                        return true;
                }
            }

            return false;
        }

        /// <summary>The name an invocation calls (<c>Parse</c> of <c>IPAddress.Parse(…)</c>, of <c>Deserialize&lt;T&gt;(…)</c>), or null.</summary>
        public static string? CalledName(InvocationExpressionSyntax invocation) => invocation.Expression switch
        {
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            GenericNameSyntax generic => generic.Identifier.ValueText,
            _ => null,
        };

        /// <summary>The expression inside any parentheses around it (<c>((x))</c> is <c>x</c>).</summary>
        public static ExpressionSyntax WithoutParentheses(ExpressionSyntax expression)
        {
            while (expression is ParenthesizedExpressionSyntax parenthesized)
            {
                expression = parenthesized.Expression;
            }

            return expression;
        }

        /// <summary>
        /// The expression inside parentheses, <c>checked(…)</c>/<c>unchecked(…)</c> and a null-forgiving <c>!</c> around it, and with
        /// <paramref name="casts"/> inside casts too (<c>(UInt16)(~sum)</c> is <c>~sum</c>). A reader of bits keeps the casts
        /// (<c>(ushort)x</c> drops bits); a reader of shape may pass them.
        /// </summary>
        public static ExpressionSyntax WithoutWrappers(ExpressionSyntax expression, bool casts)
        {
            while (true)
            {
                switch (expression)
                {
                    case ParenthesizedExpressionSyntax parenthesized:
                        expression = parenthesized.Expression;
                        continue;
                    case CheckedExpressionSyntax @checked:
                        expression = @checked.Expression;
                        continue;
                    case CastExpressionSyntax cast when casts:
                        expression = cast.Expression;
                        continue;
                    case PostfixUnaryExpressionSyntax forgiving when forgiving.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.SuppressNullableWarningExpression):
                        // value!: the same value, its null warning silenced.
                        expression = forgiving.Operand;
                        continue;
                    default:
                        return expression;
                }
            }
        }
    }
}
