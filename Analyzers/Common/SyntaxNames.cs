using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SocketAnalyzers.Common
{
    /// <summary>Names read off syntax, for the cheap tests a family makes before it binds anything.</summary>
    internal static class SyntaxNames
    {
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
    }
}
