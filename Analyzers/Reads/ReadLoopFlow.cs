using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Common;

namespace SocketAnalyzers.Reads
{
    /// <summary>
    /// The engine of SOCK011: walks the control-flow graph from a read that returned 0 and decides whether any path
    /// gets out, or whether every path comes back to the same read on the same socket or stream (or cycles forever
    /// without reaching anything new).
    /// <para>
    /// The walk knows that the count is 0 (in the read's own value, in locals and flow captures assigned from it)
    /// and evaluates branch conditions with that knowledge: comparisons with constants, <c>!</c>, <c>&amp;&amp;</c>,
    /// <c>||</c>, patterns, and <c>Socket/TcpClient.Connected</c> (which stays true after a graceful close). A loop's own
    /// condition that only depends on locals that the loop changes by nothing but the count (<c>total += n</c>) stays
    /// as true as it was when the loop was entered. Anything else is unknown, and both branches are followed.
    /// A path "gets out" when it returns, throws, yields, falls off the end, or assigns the variable the read's
    /// receiver comes from (the next iteration then reads another connection).
    /// </para>
    /// </summary>
    internal sealed class ReadLoopFlow
    {
        private const int MaxSteps = 4000;

        private readonly SyntaxNode readSyntax;
        private readonly ISymbol receiverRoot;
        private readonly Dictionary<SyntaxNode, bool> invariantConditions;
        private readonly bool receiverChangedByCalls;

        private ReadLoopFlow(SyntaxNode readSyntax, ISymbol receiverRoot, Dictionary<SyntaxNode, bool> invariantConditions, bool receiverChangedByCalls)
        {
            this.readSyntax = readSyntax;
            this.receiverRoot = receiverRoot;
            this.invariantConditions = invariantConditions;
            this.receiverChangedByCalls = receiverChangedByCalls;
        }

        /// <summary>
        /// True when no path from a 0 result of <paramref name="read"/> leaves its loop. <paramref name="isCountingRead"/>
        /// recognises the reads of the body (a local assigned only from reads is 0 too once the stream has ended).
        /// </summary>
        public static bool NeverLeavesOnZero(ControlFlowGraph rootGraph, IInvocationOperation read, System.Func<IInvocationOperation, bool> isCountingRead)
        {
            var receiverRoot = ReceiverRoot(read.Instance);
            if (receiverRoot is null)
            {
                return false;
            }

            var loops = EnclosingLoops(read);
            if (loops.Count == 0)
            {
                return false;
            }

            var invariant = new Dictionary<SyntaxNode, bool>();
            foreach (var loop in loops)
            {
                var condition = LoopCondition(loop);
                if (condition is not null)
                {
                    invariant[condition.Syntax] = IsInvariant(condition, loop, isCountingRead);
                }
            }

            var graph = FindGraph(rootGraph, read.Syntax, out var block, out var index);
            if (graph is null || block is null)
            {
                return false;
            }

            // A field, or a local captured by a lambda, may be replaced by a method the loop calls (Reconnect()).
            var changedByCalls = receiverRoot is IFieldSymbol || IsWrittenByNestedFunction(read.Root(), receiverRoot);
            return new ReadLoopFlow(read.Syntax, receiverRoot, invariant, changedByCalls).Walk(graph, block, index);
        }

        private static bool IsWrittenByNestedFunction(IOperation root, ISymbol variable)
        {
            foreach (var op in root.Descendants())
            {
                if (!IsReference(op, variable) || !IsWrite(op))
                {
                    continue;
                }

                for (var p = op.Parent; p is not null; p = p.Parent)
                {
                    if (p is IAnonymousFunctionOperation or ILocalFunctionOperation)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>The variable (local, parameter or field) the read's socket or stream comes from, or null.</summary>
        internal static ISymbol? ReceiverRoot(IOperation? receiver)
        {
            while (receiver is not null)
            {
                receiver = receiver.WalkDownConversions();
                switch (receiver)
                {
                    case ILocalReferenceOperation local:
                        return local.Local;
                    case IParameterReferenceOperation parameter:
                        return parameter.Parameter;
                    case IFieldReferenceOperation field when field.Instance is null or IInstanceReferenceOperation:
                        return field.Field;
                    case IPropertyReferenceOperation property when property.Arguments.Length == 0 && property.Instance is not null:
                        receiver = property.Instance;
                        break;
                    case IInvocationOperation { Arguments.Length: 0, Instance: not null } call:
                        receiver = call.Instance;
                        break;
                    default:
                        return null;
                }
            }

            return null;
        }

        /// <summary>The loops around <paramref name="operation"/> inside its own body (not across a lambda or local function), innermost first.</summary>
        internal static List<ILoopOperation> EnclosingLoops(IOperation operation)
        {
            var loops = new List<ILoopOperation>();
            for (var current = operation.Parent; current is not null; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    break;
                }

                if (current is ILoopOperation loop)
                {
                    loops.Add(loop);
                }
            }

            return loops;
        }

        private static IOperation? LoopCondition(ILoopOperation loop) => loop switch
        {
            IWhileLoopOperation w => w.Condition,
            IForLoopOperation f => f.Condition,
            _ => null,
        };

        /// <summary>
        /// True when the condition only reads constants, <c>Connected</c>, and locals or parameters that
        /// <paramref name="loop"/> changes by nothing but a read's count (which is 0 once the peer has closed).
        /// </summary>
        private static bool IsInvariant(IOperation condition, ILoopOperation loop, System.Func<IInvocationOperation, bool> isCountingRead)
        {
            foreach (var op in condition.DescendantsAndSelf())
            {
                switch (op)
                {
                    case ILiteralOperation:
                    case IConversionOperation:
                    case IParenthesizedOperation:
                    case IBinaryOperation:
                    case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not or UnaryOperatorKind.Minus or UnaryOperatorKind.Plus }:
                        continue;
                    case IFieldReferenceOperation { Field.IsConst: true }:
                        continue;
                    case IPropertyReferenceOperation { Property.Name: "Length", Instance.Type: IArrayTypeSymbol or { SpecialType: SpecialType.System_String } }:
                    case IPropertyReferenceOperation { Property.Name: "Connected", Arguments.Length: 0 }:
                        // An array's or string's length never changes; Connected stays true after a graceful close.
                        // (A list's Count or a builder's Length may grow on every iteration.)
                        continue;
                    case ILocalReferenceOperation local when IsChangedOnlyByCounts(local.Local, loop, isCountingRead):
                        continue;
                    case IParameterReferenceOperation parameter when IsChangedOnlyByCounts(parameter.Parameter, loop, isCountingRead):
                        continue;
                    default:
                        if (op.ConstantValue.HasValue)
                        {
                            continue;
                        }

                        return false;
                }
            }

            return true;
        }

        private static bool IsChangedOnlyByCounts(ISymbol variable, ILoopOperation loop, System.Func<IInvocationOperation, bool> isCountingRead)
        {
            foreach (var op in loop.Root().Descendants())
            {
                if (!IsReference(op, variable))
                {
                    continue;
                }

                // Captured by a lambda or local function: someone else may change it.
                for (var p = op.Parent; p is not null; p = p.Parent)
                {
                    if (p is IAnonymousFunctionOperation or ILocalFunctionOperation)
                    {
                        return false;
                    }
                }

                if (!loop.Syntax.Span.Contains(op.Syntax.Span))
                {
                    continue;
                }

                switch (op.Parent)
                {
                    case ISimpleAssignmentOperation assignment when assignment.Target == op:
                        // x = x + count
                        if (assignment.Value.WalkDownConversions() is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Subtract } sum
                            && IsReference(sum.LeftOperand.WalkDownConversions(), variable)
                            && IsCount(sum.RightOperand, loop, isCountingRead))
                        {
                            continue;
                        }

                        return false;
                    case ICompoundAssignmentOperation compound when compound.Target == op:
                        if (compound.OperatorKind is BinaryOperatorKind.Add or BinaryOperatorKind.Subtract && IsCount(compound.Value, loop, isCountingRead))
                        {
                            continue;
                        }

                        return false;
                    case IIncrementOrDecrementOperation:
                    case IDeconstructionAssignmentOperation:
                    case ITupleOperation:
                        return false;
                    case IArgumentOperation argument when argument.Parameter?.RefKind is RefKind.Ref or RefKind.Out:
                        return false;
                }
            }

            return true;
        }

        /// <summary>A read's count: the read itself, or a local that the loop assigns from reads only.</summary>
        private static bool IsCount(IOperation value, ILoopOperation loop, System.Func<IInvocationOperation, bool> isCountingRead, int depth = 0)
        {
            if (depth > 3)
            {
                // a = b; b = a; … : give up (unknown means not a count).
                return false;
            }

            var v = value.WalkDownConversions();
            if (v is IAwaitOperation awaited)
            {
                v = awaited.Operation.WalkDownConversions();
            }

            if (v is IInvocationOperation { TargetMethod.Name: "ConfigureAwait", Instance: { } inner })
            {
                v = inner.WalkDownConversions();
            }

            if (v is IInvocationOperation call)
            {
                return isCountingRead(call);
            }

            if (v is not ILocalReferenceOperation local)
            {
                return false;
            }

            var any = false;
            foreach (var assigned in NetworkReads.AssignedValues(v, local.Local))
            {
                if (!loop.Syntax.Span.Contains(assigned.Syntax.Span))
                {
                    // An initial value before the loop (int n = 0) does not change it inside.
                    continue;
                }

                if (!IsCount(assigned, loop, isCountingRead, depth + 1))
                {
                    return false;
                }

                any = true;
            }

            return any;
        }

        internal static bool IsReference(IOperation op, ISymbol variable) => op switch
        {
            ILocalReferenceOperation l => SymbolEqualityComparer.Default.Equals(l.Local, variable),
            IParameterReferenceOperation p => SymbolEqualityComparer.Default.Equals(p.Parameter, variable),
            IFieldReferenceOperation f => SymbolEqualityComparer.Default.Equals(f.Field, variable),
            _ => false,
        };

        /// <summary>The graph (the root one, or that of a lambda or local function in it) whose blocks hold the read.</summary>
        internal static ControlFlowGraph? FindGraph(ControlFlowGraph graph, SyntaxNode readSyntax, out BasicBlock? block, out int index)
        {
            var nested = new List<IFlowAnonymousFunctionOperation>();
            foreach (var candidate in graph.Blocks)
            {
                for (var i = 0; i <= candidate.Operations.Length; i++)
                {
                    var op = i < candidate.Operations.Length ? candidate.Operations[i] : candidate.BranchValue;
                    if (op is null)
                    {
                        continue;
                    }

                    foreach (var d in op.DescendantsAndSelf())
                    {
                        if (d is IInvocationOperation && d.Syntax == readSyntax)
                        {
                            block = candidate;
                            index = i;
                            return graph;
                        }

                        if (d is IFlowAnonymousFunctionOperation lambda && lambda.Syntax.Span.Contains(readSyntax.Span))
                        {
                            nested.Add(lambda);
                        }
                    }
                }
            }

            foreach (var lambda in nested)
            {
                var found = FindGraph(graph.GetAnonymousFunctionControlFlowGraph(lambda), readSyntax, out block, out index);
                if (found is not null)
                {
                    return found;
                }
            }

            foreach (var localFunction in graph.LocalFunctions)
            {
                var syntax = localFunction.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax();
                if (syntax is not null && syntax.SyntaxTree == readSyntax.SyntaxTree && syntax.Span.Contains(readSyntax.Span))
                {
                    var found = FindGraph(graph.GetLocalFunctionControlFlowGraph(localFunction), readSyntax, out block, out index);
                    if (found is not null)
                    {
                        return found;
                    }
                }
            }

            block = null;
            index = -1;
            return null;
        }

        /// <summary>What the walk knows on one path: which locals and flow captures hold the 0 count.</summary>
        private sealed class State
        {
            public State(HashSet<object> zeros)
            {
                Zeros = zeros;
            }

            public HashSet<object> Zeros { get; }

            public State Clone() => new(new HashSet<object>(Zeros));

            public string Key() => string.Join(",", Zeros.Select(z => z is ILocalSymbol l ? "l:" + l.Name + "@" + l.Locations.FirstOrDefault()?.SourceSpan.Start : "c:" + z.GetHashCode()).OrderBy(s => s, System.StringComparer.Ordinal));
        }

        /// <summary>True when every path from the read's 0 result stays in the loop.</summary>
        private bool Walk(ControlFlowGraph graph, BasicBlock startBlock, int startIndex)
        {
            var work = new Stack<(BasicBlock Block, int From, State State)>();
            var visited = new HashSet<(int, string)>();
            var state = new State(new HashSet<object>());

            // The rest of the read's own block, starting with the operation that contains the read.
            if (!Continue(startBlock, startIndex, state, isStart: true, work))
            {
                return false;
            }

            var steps = 0;
            while (work.Count > 0)
            {
                if (++steps > MaxSteps)
                {
                    return false;
                }

                var (block, from, s) = work.Pop();
                if (!visited.Add((block.Ordinal, s.Key())))
                {
                    continue;
                }

                if (!Continue(block, from, s, isStart: false, work))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Runs one block from <paramref name="from"/>; false when the path gets out.</summary>
        private bool Continue(BasicBlock block, int from, State state, bool isStart, Stack<(BasicBlock, int, State)> work)
        {
            if (block.Kind == BasicBlockKind.Exit)
            {
                return false;
            }

            for (var i = from; i < block.Operations.Length; i++)
            {
                var op = block.Operations[i];
                if (!(isStart && i == from) && ContainsRead(op))
                {
                    // Back at the same read, on the same receiver: this path spins.
                    return true;
                }

                if (Escapes(op))
                {
                    return false;
                }

                Update(op, state);
            }

            var branch = block.BranchValue;
            if (branch is not null)
            {
                if (!(isStart && from == block.Operations.Length) && ContainsRead(branch))
                {
                    return true;
                }

                if (Escapes(branch))
                {
                    return false;
                }

                Update(branch, state);
            }

            if (block.ConditionalSuccessor is { } conditional && branch is not null)
            {
                var value = Evaluate(branch, state);
                if (value is null && invariantConditions.TryGetValue(Unwrap(branch).Syntax, out var invariant) && invariant)
                {
                    value = true;
                }

                var jumpIf = block.ConditionKind == ControlFlowConditionKind.WhenTrue;
                if (value is null || value == jumpIf)
                {
                    if (!Follow(conditional, state, work))
                    {
                        return false;
                    }
                }

                if (value is null || value != jumpIf)
                {
                    return Follow(block.FallThroughSuccessor, state, work);
                }

                return true;
            }

            return Follow(block.FallThroughSuccessor, state, work);
        }

        private static IOperation Unwrap(IOperation operation)
        {
            var current = operation;
            while (current is IConversionOperation { IsImplicit: true } or IParenthesizedOperation)
            {
                current = current is IConversionOperation c ? c.Operand : ((IParenthesizedOperation)current).Operand;
            }

            return current;
        }

        private static bool Follow(ControlFlowBranch? branch, State state, Stack<(BasicBlock, int, State)> work)
        {
            if (branch is null || branch.Destination is null)
            {
                return false;
            }

            switch (branch.Semantics)
            {
                case ControlFlowBranchSemantics.Regular:
                    if (branch.Destination.Kind == BasicBlockKind.Exit)
                    {
                        return false;
                    }

                    work.Push((branch.Destination, 0, state.Clone()));
                    return true;
                default:
                    // Return, Throw, Rethrow, ProgramTermination, Error, StructuredExceptionHandling: out.
                    return false;
            }
        }

        private bool ContainsRead(IOperation op)
        {
            if (!op.Syntax.Span.Contains(readSyntax.Span) || op.Syntax.SyntaxTree != readSyntax.SyntaxTree)
            {
                return false;
            }

            foreach (var d in op.DescendantsAndSelf())
            {
                if (d is IInvocationOperation && d.Syntax == readSyntax)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A write to the receiver's variable (the next read uses another connection), or a <c>yield return</c>.</summary>
        private bool Escapes(IOperation op)
        {
            foreach (var d in op.DescendantsAndSelf())
            {
                if (d.Kind == OperationKind.YieldReturn)
                {
                    return true;
                }

                if (IsReference(d, receiverRoot) && IsWrite(d))
                {
                    return true;
                }

                if (receiverChangedByCalls && d is IInvocationOperation call && d.Syntax != readSyntax
                    && call.TargetMethod.Locations.Any(l => l.IsInSource))
                {
                    return true;
                }
            }

            return false;
        }

        internal static bool IsWrite(IOperation reference) => reference.Parent switch
        {
            IAssignmentOperation assignment => assignment.Target == reference,
            IArgumentOperation argument => argument.Parameter?.RefKind is RefKind.Ref or RefKind.Out,
            ITupleOperation tuple => tuple.Parent is IDeconstructionAssignmentOperation,
            IIncrementOrDecrementOperation => true,
            _ => false,
        };

        private void Update(IOperation op, State state)
        {
            foreach (var d in op.DescendantsAndSelf())
            {
                switch (d)
                {
                    case IFlowCaptureOperation capture:
                        if (IntValue(capture.Value, state) == 0)
                        {
                            state.Zeros.Add(capture.Id);
                        }
                        else
                        {
                            state.Zeros.Remove(capture.Id);
                        }

                        break;
                    case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment:
                        if (IntValue(assignment.Value, state) == 0)
                        {
                            state.Zeros.Add(target.Local);
                        }
                        else
                        {
                            state.Zeros.Remove(target.Local);
                        }

                        break;
                    case ILocalReferenceOperation local when state.Zeros.Contains(local.Local) && IsWrite(local) && local.Parent is not ISimpleAssignmentOperation:
                        state.Zeros.Remove(local.Local);
                        break;
                }
            }
        }

        /// <summary>The truth of a condition on this path, or null when unknown.</summary>
        private bool? Evaluate(IOperation op, State state)
        {
            op = op.WalkDownConversions();
            if (op.ConstantValue is { HasValue: true, Value: bool constant })
            {
                return constant;
            }

            switch (op)
            {
                case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                    return !Evaluate(not.Operand, state);
                case IBinaryOperation binary:
                    switch (binary.OperatorKind)
                    {
                        case BinaryOperatorKind.ConditionalAnd:
                        case BinaryOperatorKind.And when binary.Type?.SpecialType == SpecialType.System_Boolean:
                            {
                                var l = Evaluate(binary.LeftOperand, state);
                                var r = Evaluate(binary.RightOperand, state);
                                return l == false || r == false ? false : l == true && r == true ? true : null;
                            }

                        case BinaryOperatorKind.ConditionalOr:
                        case BinaryOperatorKind.Or when binary.Type?.SpecialType == SpecialType.System_Boolean:
                            {
                                var l = Evaluate(binary.LeftOperand, state);
                                var r = Evaluate(binary.RightOperand, state);
                                return l == true || r == true ? true : l == false && r == false ? false : null;
                            }

                        default:
                            var left = IntValue(binary.LeftOperand, state);
                            var right = IntValue(binary.RightOperand, state);
                            return left is long a && right is long b ? Compare(binary.OperatorKind, a, b) : null;
                    }

                case IIsPatternOperation isPattern:
                    return IntValue(isPattern.Value, state) is long v ? Match(isPattern.Pattern, v) : null;
                case IPropertyReferenceOperation { Property.Name: "Connected" } connected
                    when connected.Property.ContainingType.Name is "Socket" or "TcpClient"
                        && connected.Property.ContainingNamespace.ToDisplayString() == "System.Net.Sockets":
                    // Connected reflects the last operation; a graceful close does not make it false.
                    return true;
                default:
                    return null;
            }
        }

        private static bool? Compare(BinaryOperatorKind kind, long a, long b) => kind switch
        {
            BinaryOperatorKind.Equals => a == b,
            BinaryOperatorKind.NotEquals => a != b,
            BinaryOperatorKind.LessThan => a < b,
            BinaryOperatorKind.LessThanOrEqual => a <= b,
            BinaryOperatorKind.GreaterThan => a > b,
            BinaryOperatorKind.GreaterThanOrEqual => a >= b,
            _ => null,
        };

        private bool? Match(IPatternOperation pattern, long value)
        {
            switch (pattern)
            {
                case IConstantPatternOperation constant:
                    return IntValue(constant.Value, new State(new HashSet<object>())) is long c ? value == c : null;
                case IRelationalPatternOperation relational:
                    return IntValue(relational.Value, new State(new HashSet<object>())) is long r ? Compare(relational.OperatorKind, value, r) : null;
                case INegatedPatternOperation negated:
                    return !Match(negated.Pattern, value);
                case IBinaryPatternOperation binary:
                    var l = Match(binary.LeftPattern, value);
                    var rr = Match(binary.RightPattern, value);
                    return binary.OperatorKind == BinaryOperatorKind.Or
                        ? (l == true || rr == true ? true : l == false && rr == false ? false : null)
                        : (l == false || rr == false ? false : l == true && rr == true ? true : null);
                default:
                    return null;
            }
        }

        /// <summary>The integer value of an operand on this path, or null when unknown.</summary>
        private long? IntValue(IOperation op, State state)
        {
            op = op.WalkDownConversions();
            if (op.ConstantValue.HasValue)
            {
                return op.ConstantValue.Value switch
                {
                    int i => i,
                    long l => l,
                    short s => s,
                    sbyte sb => sb,
                    byte b => b,
                    ushort us => us,
                    uint ui => ui,
                    _ => null,
                };
            }

            switch (op)
            {
                case ILocalReferenceOperation local when state.Zeros.Contains(local.Local):
                    return 0;
                case IFlowCaptureReferenceOperation capture when state.Zeros.Contains(capture.Id):
                    return 0;
                case ISimpleAssignmentOperation assignment:
                    return IntValue(assignment.Value, state);
                case IAwaitOperation awaited:
                    return IntValue(awaited.Operation, state);
                case IInvocationOperation { TargetMethod.Name: "ConfigureAwait", Instance: { } instance }:
                    return IntValue(instance, state);
                case IInvocationOperation call when call.Syntax == readSyntax:
                    return 0;
                default:
                    return null;
            }
        }
    }
}
