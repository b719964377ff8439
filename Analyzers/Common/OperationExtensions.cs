using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SocketAnalyzers.Common
{
    /// <summary>Small helpers to look through the wrappers the compiler puts around an expression.</summary>
    internal static class OperationExtensions
    {
        /// <summary>A call or member access whose target the compiler could not decide: dynamic, or invalid (failed overload resolution, a member that does not exist).</summary>
        public static bool IsUnbound(this IOperation operation) => IsUnbound(operation.Kind);

        /// <summary>An operation of <paramref name="kind"/> did not bind (see <see cref="IsUnbound(IOperation)"/>).</summary>
        public static bool IsUnbound(OperationKind kind)
            => kind is OperationKind.Invalid or OperationKind.DynamicInvocation or OperationKind.DynamicMemberReference
                or OperationKind.DynamicObjectCreation or OperationKind.DynamicIndexerAccess;

        /// <summary>The comparison with its operands swapped: <c>c &lt; x</c> is <c>x &gt; c</c>; any other operator stays.</summary>
        public static BinaryOperatorKind Mirrored(this BinaryOperatorKind kind) => kind switch
        {
            BinaryOperatorKind.LessThan => BinaryOperatorKind.GreaterThan,
            BinaryOperatorKind.LessThanOrEqual => BinaryOperatorKind.GreaterThanOrEqual,
            BinaryOperatorKind.GreaterThan => BinaryOperatorKind.LessThan,
            BinaryOperatorKind.GreaterThanOrEqual => BinaryOperatorKind.LessThanOrEqual,
            _ => kind,
        };

        /// <summary>The innermost loop around <paramref name="operation"/> in the same function (a lambda or local function ends the search).</summary>
        public static ILoopOperation? EnclosingLoop(this IOperation operation)
        {
            for (var current = operation.Parent; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case ILoopOperation loop:
                        return loop;
                    case IAnonymousFunctionOperation or ILocalFunctionOperation:
                        return null;
                }
            }

            return null;
        }

        /// <summary>
        /// The one expression a method declaration's whole body returns (<c>=&gt; value</c>, or a block of one
        /// <c>return value;</c>): read from the syntax, so a caller can turn most methods away before binding any; null otherwise.
        /// </summary>
        public static Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionSyntax? ReturnedExpressionOf(SyntaxNode declaration) => declaration switch
        {
            Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax { ExpressionBody.Expression: var arrow } => arrow,
            Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax { Body.Statements: { Count: 1 } statements }
                when statements[0] is Microsoft.CodeAnalysis.CSharp.Syntax.ReturnStatementSyntax { Expression: { } value } => value,
            _ => null,
        };

        /// <summary>
        /// The variable reference is written <c>ref x</c> or <c>out x</c> in a call that did not bind (an unknown method, a
        /// failed overload resolution): the call may give the variable another value, as a bound one could, and unknown
        /// means unknown.
        /// </summary>
        public static bool IsRefArgumentOfUnboundCall(this IOperation reference)
            => reference.Parent is IInvalidOperation
                && reference.Syntax.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.ArgumentSyntax { RefKindKeyword.RawKind: not 0 } argument
                && argument.Expression == reference.Syntax;

        /// <summary>True for the operation-block roots <c>GetControlFlowGraph</c> accepts (a body, an initializer); the families build graphs only for these.</summary>
        public static bool HasControlFlowGraph(this IOperation block)
            => block is IMethodBodyOperation or IConstructorBodyOperation or IBlockOperation or IFieldInitializerOperation
                or IPropertyInitializerOperation or IParameterInitializerOperation;

        /// <summary>Walks up through conversions and parentheses to the operation that consumes the value.</summary>
        public static IOperation? WalkUpConversions(this IOperation operation, out IOperation child)
        {
            child = operation;
            var parent = operation.Parent;
            while (parent is IConversionOperation or IParenthesizedOperation)
            {
                child = parent;
                parent = parent.Parent;
            }

            return parent;
        }

        /// <summary>
        /// The operation itself, or the outermost of the implicit conversions around it (an array passed as a span, an
        /// <c>int</c> widened to <c>long</c>): its <see cref="IOperation.Parent"/> is what consumes the value as written.
        /// </summary>
        public static IOperation OutermostImplicitConversion(this IOperation operation)
        {
            while (operation.Parent is IConversionOperation { IsImplicit: true } up)
            {
                operation = up;
            }

            return operation;
        }

        /// <summary>Walks down through conversions and parentheses.</summary>
        public static IOperation WalkDownConversions(this IOperation operation)
        {
            while (true)
            {
                switch (operation)
                {
                    case IConversionOperation conversion:
                        operation = conversion.Operand;
                        break;
                    case IParenthesizedOperation parenthesized:
                        operation = parenthesized.Operand;
                        break;
                    default:
                        return operation;
                }
            }
        }

        /// <summary>
        /// The operation whose value is the awaited or plain result of <paramref name="operation"/> (a call, a creation):
        /// walks up through conversions, <c>ConfigureAwait(…)</c>, <c>WaitAsync(…)</c>, a project helper that returns the
        /// awaited task it is given (<see cref="TaskPassThrough"/>) and <c>await</c>. Returns the outermost operation that
        /// still stands for the operation's result, and its consumer in <paramref name="consumer"/>. Only a task's own
        /// wrappers (<paramref name="framework"/>) are looked through.
        /// </summary>
        public static IOperation WalkUpToResult(this IOperation operation, FrameworkMembers framework, out IOperation? consumer)
        {
            var current = operation;
            while (true)
            {
                var parent = current.WalkUpConversions(out var child);
                current = child;
                if (parent is IInvocationOperation configureAwait
                    && framework.IsResultWrapper(configureAwait.TargetMethod)
                    && configureAwait.Instance is not null
                    && configureAwait.Instance.WalkDownConversions() == current.WalkDownConversions())
                {
                    current = configureAwait;
                    continue;
                }

                if (parent is IArgumentOperation { Parameter: { } parameter, Parent: IInvocationOperation passedThrough }
                    && TaskPassThrough.ReturnsAwaited(passedThrough.TargetMethod, parameter, framework))
                {
                    // await RunTask(stream.ReadAsync(buf, 0, 1), timeout) of a project helper that returns await task.
                    current = passedThrough;
                    continue;
                }

                if (parent is IAwaitOperation awaitOperation)
                {
                    current = awaitOperation;
                    continue;
                }

                consumer = parent;
                return current;
            }
        }

        /// <summary>True when the value of <paramref name="operation"/> is thrown away: a statement, or <c>_ = …</c>.</summary>
        public static bool IsValueDiscarded(this IOperation operation, IOperation? consumer)
        {
            switch (consumer)
            {
                case IExpressionStatementOperation:
                    return true;
                case ISimpleAssignmentOperation assignment when assignment.Value.WalkDownConversions() == operation.WalkDownConversions():
                    return assignment.Target is IDiscardOperation
                        && assignment.Parent is IExpressionStatementOperation;
                default:
                    return false;
            }
        }

        /// <summary>The outermost operation above <paramref name="operation"/>: the root of its operation block.</summary>
        public static IOperation Root(this IOperation operation)
        {
            var current = operation;
            while (current.Parent is not null)
            {
                current = current.Parent;
            }

            return current;
        }
    }
}
