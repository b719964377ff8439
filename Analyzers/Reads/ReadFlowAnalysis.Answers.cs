using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Common;

namespace SocketAnalyzers.Reads
{
    /// <summary>
    /// SOCK011: the answer a method of the project gives. A reply computed by a helper from the text received is a real
    /// write when the helper answers with text whatever it is given, or when it is given the empty text the 0 decodes to and
    /// answers that with text (fresh19 FALSE 2, a chat bot's <c>message = AI(message)</c>: every <c>message.Contains("…")</c>
    /// test is false for <c>""</c>, so it says "I do not understand"). The helper's body is evaluated once per set of
    /// empty parameters, by its structure: statements in order, the branches of an <c>if</c> whose test the empty text makes
    /// false left out, every <c>return</c> reached required to be text that is never empty.
    /// </summary>
    internal sealed partial class ReadFlowAnalysis
    {
        private const int MaxAnswerDepth = 3;

        /// <summary>What a helper's evaluation knows of a string value.</summary>
        private enum TextKind
        {
            Unknown,

            /// <summary>The empty text.</summary>
            Empty,

            /// <summary>Text that is never empty (<see cref="NeverEmpty"/>, or a helper's answer).</summary>
            Text,
        }

        // Per (method, bit set of the string parameters given the empty text): every return reached is text.
        private Dictionary<(IMethodSymbol, int), bool>? answers;

        /// <summary>
        /// <paramref name="value"/> calls a method of the project that answers with never-empty text when its string
        /// arguments that are the empty text on this 0 path (<see cref="IsEmptyText"/>) are: <c>message = AI(message)</c>.
        /// </summary>
        private bool AnswersEmptyText(IOperation value, ZeroFact fact, ReadSite site)
        {
            if (value.WalkDownConversions() is not IInvocationOperation { TargetMethod: { DeclaringSyntaxReferences.Length: 1, ReturnType.SpecialType: SpecialType.System_String } method } call)
            {
                return false;
            }

            var empty = 0;
            foreach (var argument in call.Arguments)
            {
                if (argument.Parameter is { Ordinal: < 31, RefKind: RefKind.None, Type.SpecialType: SpecialType.System_String } parameter
                    && IsEmptyText(argument.Value, fact, site))
                {
                    empty |= 1 << parameter.Ordinal;
                }
            }

            return empty != 0 && AnswersText(method, empty, 0);
        }

        /// <summary>
        /// <paramref name="method"/>, an ordinary method of this file that cannot be overridden and is not async or an
        /// iterator, given the empty text in the parameters of <paramref name="emptyParameters"/>, returns never-empty text
        /// from every <c>return</c> it can reach (<see cref="Statements"/>).
        /// </summary>
        private bool AnswersText(IMethodSymbol method, int emptyParameters, int depth)
        {
            method = method.OriginalDefinition;
            if (depth > MaxAnswerDepth || method.ReturnType.SpecialType != SpecialType.System_String)
            {
                return false;
            }

            answers ??= new Dictionary<(IMethodSymbol, int), bool>();
            var key = (method, emptyParameters);
            if (answers.TryGetValue(key, out var answer))
            {
                return answer;
            }

            // A recursive call is no answer.
            answers[key] = false;
            answer = method is { MethodKind: MethodKind.Ordinary, IsVirtual: false, IsAbstract: false, IsOverride: false, IsExtern: false, IsAsync: false, PartialDefinitionPart: null, PartialImplementationPart: null }
                && body.Model is { } model && StatementsOf(method, model) is { } statements
                && Answers(statements, method, emptyParameters, depth);
            answers[key] = answer;
            return answer;
        }

        private bool Answers(System.Collections.Immutable.ImmutableArray<IOperation> statements, IMethodSymbol method, int emptyParameters, int depth)
        {
            var values = new Dictionary<ISymbol, TextKind>(SymbolEqualityComparer.Default);
            foreach (var parameter in method.Parameters)
            {
                if (parameter.Ordinal < 31 && (emptyParameters & (1 << parameter.Ordinal)) != 0)
                {
                    values[parameter] = TextKind.Empty;
                }
            }

            var returns = 0;
            return Statements(statements, values, depth, ref returns, out _) && returns > 0;
        }

        /// <summary>
        /// Runs <paramref name="statements"/> in order: false when a <c>return</c> reached may give something else than
        /// never-empty text, or a statement is beyond this evaluation (a loop, <c>switch</c>, <c>try</c> or <c>using</c>
        /// that returns, a <c>goto</c>); <paramref name="ends"/> when every path through them returns or throws.
        /// </summary>
        private bool Statements(IEnumerable<IOperation> statements, Dictionary<ISymbol, TextKind> values, int depth, ref int returns, out bool ends)
        {
            ends = false;
            foreach (var statement in statements)
            {
                CancellationToken.ThrowIfCancellationRequested();
                switch (statement)
                {
                    case IReturnOperation { Kind: OperationKind.Return, ReturnedValue: { } returned }:
                        if (Evaluate(returned, values, depth) != TextKind.Text)
                        {
                            return false;
                        }

                        returns++;
                        ends = true;
                        return true;
                    case IThrowOperation or IExpressionStatementOperation { Operation: IThrowOperation }:
                        ends = true;
                        return true;
                    case IBlockOperation inner:
                        if (!Statements(inner.Operations, values, depth, ref returns, out ends))
                        {
                            return false;
                        }

                        if (ends)
                        {
                            return true;
                        }

                        break;
                    case IConditionalOperation branch:
                        if (!Branches(branch, values, depth, ref returns, out ends))
                        {
                            return false;
                        }

                        if (ends)
                        {
                            return true;
                        }

                        break;
                    case ISwitchOperation choice:
                        // switch (command) { case "help": return "…"; default: return "…"; }: every section returns or throws,
                        // and one is the default. A section that breaks out, or no default, is beyond this evaluation.
                        var hasDefault = false;
                        foreach (var section in choice.Cases)
                        {
                            foreach (var clause in section.Clauses)
                            {
                                hasDefault |= clause.CaseKind == CaseKind.Default;
                            }

                            var copy = new Dictionary<ISymbol, TextKind>(values, SymbolEqualityComparer.Default);
                            if (!Statements(section.Body, copy, depth, ref returns, out var sectionEnds) || !sectionEnds)
                            {
                                return false;
                            }
                        }

                        if (!hasDefault)
                        {
                            return false;
                        }

                        ends = true;
                        return true;
                    case IVariableDeclarationGroupOperation group:
                        foreach (var declaration in group.Declarations)
                        {
                            foreach (var declarator in declaration.Declarators)
                            {
                                var initializer = declarator.Initializer ?? declaration.Initializer;
                                values[declarator.Symbol] = initializer is null ? TextKind.Unknown : Evaluate(initializer.Value, values, depth);
                            }
                        }

                        break;
                    case IExpressionStatementOperation { Operation: ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment }:
                        Forget(assignment.Value, values);
                        values[target.Local] = Evaluate(assignment.Value, values, depth);
                        break;
                    default:
                        foreach (var operation in statement.DescendantsAndSelf())
                        {
                            if (operation is IReturnOperation or IBranchOperation && !InFunctionBelow(operation, statement))
                            {
                                // A return in a loop, switch, try or using, a break or goto: beyond this evaluation.
                                return false;
                            }
                        }

                        Forget(statement, values);
                        break;
                }
            }

            return true;
        }

        /// <summary><paramref name="operation"/> is in a lambda or local function inside <paramref name="statement"/> (its own return).</summary>
        private static bool InFunctionBelow(IOperation operation, IOperation statement)
        {
            for (var parent = operation.Parent; parent is not null && parent != statement; parent = parent.Parent)
            {
                if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>An <c>if</c>: a branch the empty text makes unreachable is left out; the others run on copies of the values.</summary>
        private bool Branches(IConditionalOperation branch, Dictionary<ISymbol, TextKind> values, int depth, ref int returns, out bool ends)
        {
            ends = false;
            if (IsFalseFor(branch.Condition, values))
            {
                return branch.WhenFalse is null || Statements(new[] { branch.WhenFalse }, values, depth, ref returns, out ends);
            }

            Forget(branch.Condition, values);
            var whenTrue = new Dictionary<ISymbol, TextKind>(values, SymbolEqualityComparer.Default);
            if (!Statements(new[] { branch.WhenTrue }, whenTrue, depth, ref returns, out var trueEnds))
            {
                return false;
            }

            var whenFalse = new Dictionary<ISymbol, TextKind>(values, SymbolEqualityComparer.Default);
            var falseEnds = false;
            if (branch.WhenFalse is not null && !Statements(new[] { branch.WhenFalse }, whenFalse, depth, ref returns, out falseEnds))
            {
                return false;
            }

            ends = trueEnds && falseEnds;
            var keys = new List<ISymbol>(values.Keys);
            keys.AddRange(whenTrue.Keys);
            keys.AddRange(whenFalse.Keys);
            foreach (var symbol in keys)
            {
                // After the if: what either branch that goes on leaves (a branch that returns leaves nothing).
                var fromTrue = whenTrue.TryGetValue(symbol, out var t) ? t : TextKind.Unknown;
                var fromFalse = whenFalse.TryGetValue(symbol, out var f) ? f : TextKind.Unknown;
                values[symbol] = trueEnds ? fromFalse : falseEnds ? fromTrue : fromTrue == fromFalse ? fromTrue : TextKind.Unknown;
            }

            return true;
        }

        /// <summary>Locals written inside <paramref name="operation"/> other than by the statement's own assignment: unknown now.</summary>
        private static void Forget(IOperation operation, Dictionary<ISymbol, TextKind> values)
        {
            foreach (var node in operation.DescendantsAndSelf())
            {
                ISymbol? written = node switch
                {
                    ILocalReferenceOperation local => local.Local,
                    IParameterReferenceOperation parameter => parameter.Parameter,
                    _ => null,
                };
                if (written is not null && ReadBody.IsWrite(node))
                {
                    values[written] = TextKind.Unknown;
                }
            }
        }

        private TextKind Evaluate(IOperation operation, Dictionary<ISymbol, TextKind> values, int depth)
        {
            var value = operation.WalkDownConversions();
            if (NeverEmpty(value))
            {
                return TextKind.Text;
            }

            if (TextConstant(value) is { Length: 0 })
            {
                return TextKind.Empty;
            }

            switch (value)
            {
                case ISimpleAssignmentOperation assignment:
                    // return message = "…";
                    var assigned = Evaluate(assignment.Value, values, depth);
                    if (assignment.Target is ILocalReferenceOperation target)
                    {
                        values[target.Local] = assigned;
                    }

                    return assigned;
                case ILocalReferenceOperation local:
                    return values.TryGetValue(local.Local, out var kind) ? kind : TextKind.Unknown;
                case IParameterReferenceOperation parameter:
                    return values.TryGetValue(parameter.Parameter, out var given) ? given : TextKind.Unknown;
                case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                    var whenTrue = Evaluate(conditional.WhenTrue, values, depth);
                    return whenTrue == Evaluate(whenFalse, values, depth) ? whenTrue : TextKind.Unknown;
                case ISwitchExpressionOperation { Arms.Length: > 0 } choice:
                    // command switch { "help" => "…", _ => "…" }: text when every arm is (an arm with no match throws).
                    foreach (var arm in choice.Arms)
                    {
                        if (Evaluate(arm.Value, values, depth) != TextKind.Text)
                        {
                            return TextKind.Unknown;
                        }
                    }

                    return TextKind.Text;
                case IInvocationOperation { Instance: { } text, TargetMethod: { ContainingType.SpecialType: SpecialType.System_String } method } when KeepsEmptyText(method):
                    // "".Trim(), "".Substring(0), "".ToLower(): still "" (or an exception).
                    return Evaluate(text, values, depth) == TextKind.Empty ? TextKind.Empty : TextKind.Unknown;
                case IInvocationOperation { TargetMethod: { DeclaringSyntaxReferences.Length: 1, ReturnType.SpecialType: SpecialType.System_String } method } call:
                    var empty = 0;
                    foreach (var argument in call.Arguments)
                    {
                        if (argument.Parameter is { Ordinal: < 31, RefKind: RefKind.None } p && Evaluate(argument.Value, values, depth) == TextKind.Empty)
                        {
                            empty |= 1 << p.Ordinal;
                        }
                    }

                    return AnswersText(method, empty, depth + 1) ? TextKind.Text : TextKind.Unknown;
                default:
                    return TextKind.Unknown;
            }
        }

        /// <summary>A member of <c>string</c> whose result for the empty text is the empty text, when it does not throw.</summary>
        private static bool KeepsEmptyText(IMethodSymbol method)
            => !method.IsStatic && method.Name is "Trim" or "TrimStart" or "TrimEnd" or "ToLower" or "ToUpper" or "ToLowerInvariant" or "ToUpperInvariant"
                or "Substring" or "Remove" or "Replace" or "Normalize";

        /// <summary>
        /// The test is false when the values evaluated as the empty text are: <c>text.Contains("x")</c>,
        /// <c>StartsWith</c>/<c>EndsWith</c> of a non-empty constant, <c>text == "x"</c>, <c>text.Equals("x")</c>,
        /// <c>text.Length &gt; 0</c>, <c>!string.IsNullOrEmpty(text)</c>, and <c>||</c>/<c>&amp;&amp;</c> of such tests.
        /// </summary>
        private bool IsFalseFor(IOperation condition, Dictionary<ISymbol, TextKind> values)
        {
            var test = condition.WalkDownConversions();
            switch (test)
            {
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } or:
                    return IsFalseFor(or.LeftOperand, values) && IsFalseFor(or.RightOperand, values);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } and:
                    return IsFalseFor(and.LeftOperand, values) || IsFalseFor(and.RightOperand, values);
                case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                    return IsTrueFor(not.Operand, values);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals, OperatorMethod: null or { ContainingType.SpecialType: SpecialType.System_String } } equals:
                    return IsEmpty(equals.LeftOperand, values) && TextConstant(equals.RightOperand) is { Length: > 0 }
                        || IsEmpty(equals.RightOperand, values) && TextConstant(equals.LeftOperand) is { Length: > 0 };
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.GreaterThan or BinaryOperatorKind.NotEquals, RightOperand.ConstantValue: { HasValue: true, Value: 0 } } length:
                    return length.LeftOperand is IPropertyReferenceOperation { Property.Name: "Length", Instance: { } measured } && IsEmpty(measured, values);
                case IInvocationOperation { Instance: { } searched, TargetMethod: { ContainingType.SpecialType: SpecialType.System_String, Name: "Contains" or "StartsWith" or "EndsWith" or "Equals" } } call
                    when call.Arguments.Length > 0 && IsEmpty(searched, values):
                    var argument = call.Arguments[0].Value.WalkDownConversions();
                    return TextConstant(argument) is { Length: > 0 } || argument.ConstantValue is { HasValue: true, Value: char };
                default:
                    return false;
            }
        }

        /// <summary>The test is true when the values evaluated as the empty text are: <c>string.IsNullOrEmpty(text)</c>, <c>text == ""</c>, <c>text.Length == 0</c>.</summary>
        private bool IsTrueFor(IOperation condition, Dictionary<ISymbol, TextKind> values)
        {
            switch (condition.WalkDownConversions())
            {
                case IInvocationOperation { Instance: null, TargetMethod: { ContainingType.SpecialType: SpecialType.System_String, Name: "IsNullOrEmpty" or "IsNullOrWhiteSpace" } } call
                    when call.Arguments.Length == 1:
                    return IsEmpty(call.Arguments[0].Value, values);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } equals:
                    return IsEmpty(equals.LeftOperand, values) && TextConstant(equals.RightOperand) is { Length: 0 }
                        || equals.LeftOperand is IPropertyReferenceOperation { Property.Name: "Length", Instance: { } text } && IsEmpty(text, values)
                            && equals.RightOperand.ConstantValue is { HasValue: true, Value: 0 };
                case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                    return IsFalseFor(not.Operand, values);
                default:
                    return false;
            }
        }

        private bool IsEmpty(IOperation operation, Dictionary<ISymbol, TextKind> values)
        {
            var value = operation.WalkDownConversions();
            return value switch
            {
                ILocalReferenceOperation local => values.TryGetValue(local.Local, out var kind) && kind == TextKind.Empty,
                IParameterReferenceOperation parameter => values.TryGetValue(parameter.Parameter, out var given) && given == TextKind.Empty,
                IInvocationOperation { Instance: { } text, TargetMethod: { ContainingType.SpecialType: SpecialType.System_String } method } when KeepsEmptyText(method) => IsEmpty(text, values),
                _ => false,
            };
        }
    }
}
