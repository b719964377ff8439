using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SocketAnalyzers.Common
{
    /// <summary>
    /// A project's own task wrapper: an <c>async</c> method given a <c>Task&lt;T&gt;</c> that returns a <c>Task&lt;T&gt;</c> (or both <c>ValueTask&lt;T&gt;</c>),
    /// whose every <c>return</c> is <c>return await task;</c> of that parameter (also through <c>ConfigureAwait(…)</c>), the
    /// parameter never assigned. Awaited, it gives the task's own result, or throws (a timeout helper:
    /// <c>if (await Task.WhenAny(task, Task.Delay(ms)) != task) throw new TimeoutException(); return await task;</c>;
    /// fresh41 M1, a receipt printer's status query). Decided from the method's syntax alone (its file may be another).
    /// </summary>
    internal static class TaskPassThrough
    {
        public static bool ReturnsAwaited(IMethodSymbol method, IParameterSymbol parameter, FrameworkMembers framework)
        {
            if (!method.IsAsync || method.DeclaringSyntaxReferences.Length != 1 || parameter.RefKind != RefKind.None
                || !SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, method)
                || !framework.IsTaskOfResult(method.ReturnType)
                || !SymbolEqualityComparer.Default.Equals(parameter.Type, method.ReturnType))
            {
                return false;
            }

            var syntax = method.DeclaringSyntaxReferences[0].GetSyntax();
            var (body, expression) = syntax switch
            {
                MethodDeclarationSyntax declared => (declared.Body, declared.ExpressionBody?.Expression),
                LocalFunctionStatementSyntax local => (local.Body, local.ExpressionBody?.Expression),
                _ => (null, null),
            };

            var name = parameter.Name;
            if (expression is not null)
            {
                return AwaitsParameter(expression, name);
            }

            if (body is null)
            {
                return false;
            }

            var returns = 0;
            foreach (var node in body.DescendantNodes(descendIntoChildren: static n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
            {
                switch (node)
                {
                    case ReturnStatementSyntax ret:
                        if (ret.Expression is null || !AwaitsParameter(ret.Expression, name))
                        {
                            return false;
                        }

                        returns++;
                        break;
                    case YieldStatementSyntax:
                        return false;
                    case AssignmentExpressionSyntax { Left: IdentifierNameSyntax assigned } when assigned.Identifier.ValueText == name:
                        return false;
                    case ArgumentSyntax { RefKindKeyword.RawKind: not 0, Expression: IdentifierNameSyntax passed } when passed.Identifier.ValueText == name:
                        return false;
                }
            }

            // Every return is checked; the body must also end in a return or throw (an async Task<T> method cannot fall off its end).
            return returns > 0;
        }

        /// <summary><c>await task</c> or <c>await task.ConfigureAwait(…)</c> of the parameter named <paramref name="name"/>.</summary>
        private static bool AwaitsParameter(ExpressionSyntax expression, string name)
        {
            if (SyntaxNames.WithoutParentheses(expression) is not AwaitExpressionSyntax awaited)
            {
                return false;
            }

            var operand = SyntaxNames.WithoutParentheses(awaited.Expression);
            if (operand is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait", Expression: var configured } })
            {
                operand = SyntaxNames.WithoutParentheses(configured);
            }

            return operand is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == name;
        }
    }
}
