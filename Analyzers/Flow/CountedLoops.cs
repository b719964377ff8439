using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SocketAnalyzers.Flow
{
    /// <summary>
    /// Counted loops whose second turn is certain once the first comes round: <c>for (int i = 0; i &lt; 3; i++)</c>. The
    /// condition of such a loop is no way out of it on the second turn (1 &lt; 3), so the kernel's later turns go on
    /// through it (<see cref="FlowAnalysis{TState}.TracksLoopTurns"/>): a retry loop that closes its socket in the
    /// catch, or a loop that closes at the end of its body, certainly comes back to the call.
    /// </summary>
    internal static class CountedLoops
    {
        /// <summary>
        /// True when <paramref name="condition"/> (a block's branch value) is the condition of a <c>for</c> loop that
        /// declares one counter with a constant start, compares it with a constant (<c>&lt;</c>, <c>&lt;=</c>,
        /// <c>&gt;</c>, <c>&gt;=</c>), steps it by one towards the bound (<c>i++</c>, <c>++i</c>, <c>i += 1</c>, or the
        /// decrements), writes it nowhere else, and whose condition holds for the counter's second value.
        /// </summary>
        /// <param name="model">The semantic model of the body (the graph's own operations carry none).</param>
        public static bool HoldsOnSecondTurn(IOperation condition, SemanticModel? model)
        {
            if (condition.Syntax is not BinaryExpressionSyntax compare
                || compare.Parent is not ForStatementSyntax loop
                || loop.Condition != compare
                || loop.Initializers.Count != 0
                || loop.Declaration is not { Variables.Count: 1 } declaration
                || declaration.Variables[0] is not { Initializer.Value: { } start } counter
                || loop.Incrementors.Count != 1
                || model is null
                || model.SyntaxTree != compare.SyntaxTree)
            {
                return false;
            }

            var name = counter.Identifier.ValueText;
            if (compare.Left is not IdentifierNameSyntax left || left.Identifier.ValueText != name
                || Step(loop.Incrementors[0], name) is not int step
                || model.GetConstantValue(start) is not { HasValue: true } first || !TryLong(first.Value, out var from)
                || model.GetConstantValue(compare.Right) is not { HasValue: true } bound || !TryLong(bound.Value, out var to))
            {
                return false;
            }

            var second = from + step;
            var holds = compare.Kind() switch
            {
                SyntaxKind.LessThanExpression => step > 0 && second < to,
                SyntaxKind.LessThanOrEqualExpression => step > 0 && second <= to,
                SyntaxKind.GreaterThanExpression => step < 0 && second > to,
                SyntaxKind.GreaterThanOrEqualExpression => step < 0 && second >= to,
                _ => false,
            };

            return holds && !WrittenIn(loop.Statement, name);
        }

        /// <summary>+1 or -1 for an incrementor that steps <paramref name="name"/> by one; null otherwise.</summary>
        private static int? Step(ExpressionSyntax incrementor, string name)
        {
            switch (incrementor)
            {
                case PostfixUnaryExpressionSyntax { Operand: IdentifierNameSyntax operand } postfix when operand.Identifier.ValueText == name:
                    return postfix.IsKind(SyntaxKind.PostIncrementExpression) ? 1 : postfix.IsKind(SyntaxKind.PostDecrementExpression) ? -1 : null;
                case PrefixUnaryExpressionSyntax { Operand: IdentifierNameSyntax operand } prefix when operand.Identifier.ValueText == name:
                    return prefix.IsKind(SyntaxKind.PreIncrementExpression) ? 1 : prefix.IsKind(SyntaxKind.PreDecrementExpression) ? -1 : null;
                case AssignmentExpressionSyntax { Left: IdentifierNameSyntax target, Right: LiteralExpressionSyntax { Token.Value: 1 } } assignment when target.Identifier.ValueText == name:
                    return assignment.IsKind(SyntaxKind.AddAssignmentExpression) ? 1 : assignment.IsKind(SyntaxKind.SubtractAssignmentExpression) ? -1 : null;
                default:
                    return null;
            }
        }

        /// <summary>
        /// True when the body may write the counter: an assignment, an increment or decrement, a <c>ref</c> or <c>out</c>
        /// of it, or any use inside a lambda or local function (which may run and write it at any time). By name: a
        /// local of the same name declared in the body counts too, which only makes the answer "may".
        /// </summary>
        internal static bool WrittenIn(StatementSyntax body, string name)
        {
            foreach (var node in body.DescendantNodes())
            {
                if (node is not IdentifierNameSyntax identifier || identifier.Identifier.ValueText != name)
                {
                    continue;
                }

                switch (identifier.Parent)
                {
                    case AssignmentExpressionSyntax assignment when assignment.Left == identifier:
                    case PrefixUnaryExpressionSyntax:
                    case PostfixUnaryExpressionSyntax:
                    case ArgumentSyntax { RefKindKeyword.RawKind: not 0 }:
                    case RefExpressionSyntax:
                        return true;
                }

                for (var parent = identifier.Parent; parent is not null && parent != body; parent = parent.Parent)
                {
                    if (parent is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static bool TryLong(object? value, out long result)
        {
            switch (value)
            {
                case int i:
                    result = i;
                    return true;
                case long l:
                    result = l;
                    return true;
                case short s:
                    result = s;
                    return true;
                case byte b:
                    result = b;
                    return true;
                case sbyte sb:
                    result = sb;
                    return true;
                case ushort us:
                    result = us;
                    return true;
                case uint ui:
                    result = ui;
                    return true;
                default:
                    result = 0;
                    return false;
            }
        }
    }
}
