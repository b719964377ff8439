using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Common;

namespace SocketAnalyzers.Reads
{
    /// <summary>
    /// A handler of <c>SocketAsyncEventArgs</c> receives that starts the next receive with the args it was given, and handles
    /// that receive itself when it completes at once: <c>if (!socket.ReceiveAsync(e)) OnReceive(sender, e);</c> in
    /// <c>OnReceive(object sender, SocketAsyncEventArgs e)</c>. Found by <see cref="ReadBody.Scan"/>, checked by
    /// <see cref="EventArgsChains.Check"/>.
    /// </summary>
    internal sealed class EventArgsChain
    {
        public EventArgsChain(IInvocationOperation receive, IParameterSymbol args)
        {
            Receive = receive;
            Args = args;
        }

        /// <summary>The re-arm: <c>socket.ReceiveAsync(e)</c>.</summary>
        public IInvocationOperation Receive { get; }

        /// <summary>The handler's parameter that carries the completed receive and is handed to the next one.</summary>
        public IParameterSymbol Args { get; }
    }

    /// <summary>
    /// SOCK011 for chains of <c>SocketAsyncEventArgs</c> receives (fresh70, a maintained memcached client): once the peer
    /// has closed, a receive completes with <c>BytesTransferred</c> 0 and <c>SocketError.Success</c>. A handler that then
    /// starts the next receive with the same args gets the same 0 at once: <c>ReceiveAsync</c> returns <c>false</c>, the
    /// handler calls itself, and so on, until the stack overflows (or, completing on the thread pool, for ever).
    /// <para>
    /// Reported when a path from the handler's entry reaches the re-arm with a count that may be 0: the branches that test
    /// <c>e.BytesTransferred</c> (or a local given only it) against a constant are followed on the side a 0 takes, every
    /// other branch on both sides. A path ends at a <c>throw</c>, a <c>return</c>, and at what may close the connection or
    /// end the chain before the re-arm (the APM chain's ways out): a <c>Close</c>/<c>Dispose</c>/<c>Shutdown</c>/
    /// <c>Disconnect</c> of anything, a delegate, a method of the project handed the args or the socket, an instance method
    /// of the project, a call that did not bind. A handler with a <c>finally</c> is not followed (quiet), nor a receive on a
    /// socket the code shows to be a datagram one (a 0-byte datagram is a message).
    /// </para>
    /// </summary>
    internal static class EventArgsChains
    {
        /// <summary>
        /// The chains among <paramref name="receives"/> (each <c>socket.ReceiveAsync(e)</c>, or a call of a method of the type
        /// given <c>e</c>, with <c>e</c> a parameter of <paramref name="member"/>, outside lambdas): the handler calls itself
        /// with <c>e</c> when the receive returns <c>false</c> (or the method it calls does: <see cref="StartedByHelper"/>),
        /// and never assigns <c>e</c>.
        /// </summary>
        public static List<EventArgsChain>? Find(IOperation body, List<IInvocationOperation> receives, ISymbol? member, NetworkReads reads, CancellationToken cancellationToken)
        {
            if (member is not IMethodSymbol handler)
            {
                return null;
            }

            List<EventArgsChain>? chains = null;
            foreach (var receive in receives)
            {
                if (receive.Arguments[0].Value.WalkDownConversions() is not IParameterReferenceOperation { Parameter: { RefKind: RefKind.None } args }
                    || !SymbolEqualityComparer.Default.Equals(args.ContainingSymbol, handler))
                {
                    continue;
                }

                var started = receive.Instance is not null && reads.Symbols.Framework.IsEventArgsReceive(receive.TargetMethod)
                    ? HandlesAtOnce(receive, handler, args, body) ? receive : null
                    : StartedByHelper(receive, handler, body, reads.Symbols.Framework, cancellationToken);
                if (started?.Instance is null || Assigns(body, args) || reads.IsDatagramSocket(started.Instance, cancellationToken))
                {
                    continue;
                }

                (chains ??= new List<EventArgsChain>()).Add(new EventArgsChain(receive, args));
            }

            return chains;
        }

        /// <summary>
        /// A method of the handler's type, called with <c>e</c>, whose whole body starts the receive and hands what completes
        /// at once back to the handler (<c>void StartReceive(SocketAsyncEventArgs e) { if (!socket.ReceiveAsync(e))
        /// ProcessReceive(e); }</c>, the shape of the framework's documented sample): its call is the handler's re-arm, as the
        /// receive itself would be. Only a method declared once, in the same file, that cannot be overridden; the receive it
        /// starts, or null.
        /// </summary>
        private static IInvocationOperation? StartedByHelper(IInvocationOperation call, IMethodSymbol handler, IOperation body, FrameworkMembers framework, CancellationToken cancellationToken)
        {
            var helper = call.TargetMethod;
            if (helper is not { MethodKind: MethodKind.Ordinary, IsVirtual: false, IsAbstract: false, IsOverride: false, Parameters.Length: 1 }
                || !SymbolEqualityComparer.Default.Equals(helper.ContainingType, handler.ContainingType)
                || call.Instance is not (null or IInstanceReferenceOperation)
                || helper.DeclaringSyntaxReferences.Length != 1
                || helper.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not MethodDeclarationSyntax { Body.Statements.Count: 1 } declaration
                || declaration.Body.Statements[0] is not IfStatementSyntax { Else: null, Condition: PrefixUnaryExpressionSyntax }
                || declaration.SyntaxTree != body.Syntax.SyntaxTree
                || body.SemanticModel?.GetOperation(declaration, cancellationToken) is not IMethodBodyOperation { BlockBody: { Operations.Length: 1 } helperBody }
                || helperBody.Operations[0] is not IConditionalOperation { Condition: IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not }
                || not.Operand.WalkDownConversions() is not IInvocationOperation { Instance: not null, Arguments.Length: 1 } receive
                || !framework.IsEventArgsReceive(receive.TargetMethod)
                || receive.Arguments[0].Value.WalkDownConversions() is not IParameterReferenceOperation { Parameter: var given }
                || !SymbolEqualityComparer.Default.Equals(given, helper.Parameters[0]))
            {
                return null;
            }

            // Its one statement is the handler's own shape: if (!socket.ReceiveAsync(e)) ProcessReceive(e);
            return HandlesAtOnce(receive, handler, given, helperBody) ? receive : null;
        }

        /// <summary>Reports the chains a 0 count keeps going (see the class).</summary>
        public static void Check(ControlFlowGraph graph, List<EventArgsChain> chains, KnownSymbols symbols, List<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            if (HasFinally(graph.Root))
            {
                return;
            }

            foreach (var chain in chains)
            {
                var counts = CountLocals(graph, chain.Args, symbols.Framework);
                if (ReachesWithZero(graph, chain, counts, symbols, cancellationToken))
                {
                    diagnostics.Add(Diagnostic.Create(
                        Descriptors.SOCK011ReadLoopIgnoresEndOfStream,
                        chain.Receive.Syntax.GetLocation(),
                        ImmutableDictionary<string, string?>.Empty.Add(SOCK011ReadLoopIgnoresEndOfStreamAnalyzer.FormKey, SOCK011ReadLoopIgnoresEndOfStreamAnalyzer.Callback),
                        "Socket.ReceiveAsync completes with BytesTransferred 0, and this handler starts the next receive with the same "
                            + "SocketAsyncEventArgs and handles it again: a loop of callbacks that never ends",
                        "BytesTransferred is 0: do not start the next receive"));
                }
            }
        }

        private static bool ReachesWithZero(ControlFlowGraph graph, EventArgsChain chain, HashSet<ILocalSymbol> counts, KnownSymbols symbols, CancellationToken cancellationToken)
        {
            var target = chain.Receive.Syntax;
            var seen = new bool[graph.Blocks.Length];
            var work = new Stack<BasicBlock>();
            work.Push(graph.Blocks[0]);
            while (work.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var block = work.Pop();
                if (seen[block.Ordinal])
                {
                    continue;
                }

                seen[block.Ordinal] = true;
                var goesOn = true;
                foreach (var operation in block.Operations)
                {
                    if (Holds(operation, target))
                    {
                        return !EndsChain(operation, target);
                    }

                    if (EndsChain(operation))
                    {
                        goesOn = false;
                        break;
                    }
                }

                if (!goesOn)
                {
                    continue;
                }

                if (block.BranchValue is { } value)
                {
                    if (Holds(value, target))
                    {
                        return !EndsChain(value, target);
                    }

                    if (EndsChain(value))
                    {
                        continue;
                    }
                }

                var atZero = block.BranchValue is { } condition && block.ConditionalSuccessor is not null
                    ? ValueAtZero(condition, chain.Args, counts, symbols.Framework)
                    : null;
                var conditionalTaken = atZero is bool known ? known == (block.ConditionKind == ControlFlowConditionKind.WhenTrue) : (bool?)null;
                if (block.ConditionalSuccessor?.Destination is { } whenCondition && conditionalTaken != false)
                {
                    work.Push(whenCondition);
                }

                if (block.FallThroughSuccessor?.Destination is { } fallThrough && conditionalTaken != true)
                {
                    work.Push(fallThrough);
                }
            }

            return false;
        }

        /// <summary>The receive's syntax lies in the operation (the graph copies operations but keeps their syntax).</summary>
        private static bool Holds(IOperation operation, SyntaxNode target)
        {
            if (!operation.Syntax.Span.Contains(target.Span))
            {
                return false;
            }

            foreach (var descendant in operation.DescendantsAndSelf())
            {
                if (descendant.Syntax == target && descendant is IInvocationOperation)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// A way out evaluated in <paramref name="operation"/>; with <paramref name="receive"/>, only one evaluated before that
        /// receive (an argument of the same statement).
        /// </summary>
        private static bool EndsChain(IOperation operation, SyntaxNode? receive = null)
        {
            foreach (var descendant in operation.DescendantsAndSelf())
            {
                if ((receive is null || descendant.Syntax.SpanStart < receive.SpanStart && !descendant.Syntax.Span.Contains(receive.Span))
                    && IsWayOut(descendant))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>What may close the connection, or end the chain, before the re-arm (the APM chain's ways out, docs/rules/SOCK011.md).</summary>
        private static bool IsWayOut(IOperation operation)
        {
            switch (operation)
            {
                case IInvalidOperation or IDynamicInvocationOperation or IDynamicMemberReferenceOperation:
                    return true;
                case IInvocationOperation invocation:
                    var method = invocation.TargetMethod;
                    if (method.MethodKind == MethodKind.DelegateInvoke
                        || method.Name is "Close" or "Dispose" or "DisposeAsync" or "Shutdown" or "Disconnect" or "DisconnectAsync")
                    {
                        return true;
                    }

                    if (method.DeclaringSyntaxReferences.IsEmpty)
                    {
                        // The framework: SetBuffer, Write of the bytes, logging, Encoding.
                        return false;
                    }

                    if (!method.IsStatic)
                    {
                        return true;
                    }

                    foreach (var argument in invocation.Arguments)
                    {
                        if (argument.Value.WalkDownConversions().Type is { IsValueType: false, SpecialType: SpecialType.None } type && !IsBytes(type))
                        {
                            // Handed an object (the args, the socket, one that may hold it), not text or bytes.
                            return true;
                        }
                    }

                    return false;
                default:
                    return false;
            }
        }

        private static bool IsBytes(ITypeSymbol type) => type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte };

        /// <summary>
        /// The value a condition has when the count is 0, when it depends on the count only: a comparison of
        /// <c>e.BytesTransferred</c> (or a local given only it) with a constant, through <c>!</c>, <c>&amp;&amp;</c> and <c>||</c>.
        /// </summary>
        private static bool? ValueAtZero(IOperation condition, IParameterSymbol args, HashSet<ILocalSymbol> counts, FrameworkMembers framework)
        {
            condition = condition.WalkDownConversions();
            switch (condition)
            {
                case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                    return ValueAtZero(not.Operand, args, counts, framework) is bool inner ? !inner : null;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr } logical:
                    var left = ValueAtZero(logical.LeftOperand, args, counts, framework);
                    var right = ValueAtZero(logical.RightOperand, args, counts, framework);
                    return logical.OperatorKind == BinaryOperatorKind.ConditionalAnd
                        ? left == false || right == false ? false : left == true && right == true ? true : null
                        : left == true || right == true ? true : left == false && right == false ? false : null;
                case IBinaryOperation { OperatorMethod: null } comparison:
                    if (IsCount(comparison.LeftOperand, args, counts, framework) && comparison.RightOperand.WalkDownConversions().ConstantValue is { HasValue: true, Value: int rightValue })
                    {
                        return ReadFlowAnalysis.Compare(comparison.OperatorKind, 0, rightValue);
                    }

                    if (IsCount(comparison.RightOperand, args, counts, framework) && comparison.LeftOperand.WalkDownConversions().ConstantValue is { HasValue: true, Value: int leftValue })
                    {
                        return ReadFlowAnalysis.Compare(comparison.OperatorKind, leftValue, 0);
                    }

                    return null;
                default:
                    return null;
            }
        }

        private static bool IsCount(IOperation operand, IParameterSymbol args, HashSet<ILocalSymbol> counts, FrameworkMembers framework)
            => operand.WalkDownConversions() switch
            {
                IPropertyReferenceOperation { Instance: IParameterReferenceOperation { Parameter: var owner } } property
                    => SymbolEqualityComparer.Default.Equals(owner, args) && framework.IsBytesTransferred(property.Property),
                ILocalReferenceOperation { Local: var local } => counts.Contains(local),
                _ => false,
            };

        /// <summary>Locals whose every value in the body is <c>e.BytesTransferred</c> (<c>int n = e.BytesTransferred;</c>).</summary>
        private static HashSet<ILocalSymbol> CountLocals(ControlFlowGraph graph, IParameterSymbol args, FrameworkMembers framework)
        {
            var counts = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
            var others = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
            var none = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
            foreach (var block in graph.Blocks)
            {
                foreach (var operation in block.Operations)
                {
                    foreach (var descendant in operation.DescendantsAndSelf())
                    {
                        switch (descendant)
                        {
                            case ISimpleAssignmentOperation { Target: ILocalReferenceOperation { Local: var local } } assignment:
                                (IsCount(assignment.Value, args, none, framework) ? counts : others).Add(local);
                                break;
                            case ICompoundAssignmentOperation { Target: ILocalReferenceOperation { Local: var changed } }:
                                others.Add(changed);
                                break;
                            case IIncrementOrDecrementOperation { Target: ILocalReferenceOperation { Local: var stepped } }:
                                others.Add(stepped);
                                break;
                            case IArgumentOperation { Parameter.RefKind: not RefKind.None, Value: ILocalReferenceOperation { Local: var passed } }:
                                others.Add(passed);
                                break;
                        }
                    }
                }
            }

            counts.ExceptWith(others);
            return counts;
        }

        /// <summary>
        /// The receive is <c>!socket.ReceiveAsync(e)</c> of an <c>if</c> (or a local given it and tested so) whose branch calls
        /// the handler itself with <c>e</c>: what completes at once is handled by this method again.
        /// </summary>
        private static bool HandlesAtOnce(IInvocationOperation receive, IMethodSymbol handler, IParameterSymbol args, IOperation body)
        {
            var consumer = receive.WalkUpConversions(out _);
            if (consumer is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not && not.WalkUpConversions(out var negated) is IConditionalOperation conditional
                && conditional.Condition == negated)
            {
                return CallsHandler(conditional.WhenTrue, handler, args);
            }

            if (consumer is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation { Symbol: var pending } })
            {
                foreach (var operation in body.Descendants())
                {
                    if (operation is IConditionalOperation { Condition: IUnaryOperation { OperatorKind: UnaryOperatorKind.Not, Operand: ILocalReferenceOperation tested } } test
                        && SymbolEqualityComparer.Default.Equals(tested.Local, pending)
                        && CallsHandler(test.WhenTrue, handler, args))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>The branch's first statement calls the handler with <c>e</c>.</summary>
        private static bool CallsHandler(IOperation branch, IMethodSymbol handler, IParameterSymbol args)
        {
            var first = branch is IBlockOperation block ? (block.Operations.Length > 0 ? block.Operations[0] : null) : branch;
            if (first is not IExpressionStatementOperation { Operation: IInvocationOperation call }
                || !SymbolEqualityComparer.Default.Equals(call.TargetMethod.OriginalDefinition, handler.OriginalDefinition))
            {
                return false;
            }

            foreach (var argument in call.Arguments)
            {
                if (argument.Value.WalkDownConversions() is IParameterReferenceOperation { Parameter: var given } && SymbolEqualityComparer.Default.Equals(given, args))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The body gives the parameter another value (or lets a call do so).</summary>
        private static bool Assigns(IOperation body, IParameterSymbol args)
        {
            foreach (var operation in body.Descendants())
            {
                switch (operation)
                {
                    case IAssignmentOperation { Target: IParameterReferenceOperation { Parameter: var target } } when SymbolEqualityComparer.Default.Equals(target, args):
                        return true;
                    case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out, Value: IParameterReferenceOperation { Parameter: var passed } } when SymbolEqualityComparer.Default.Equals(passed, args):
                        return true;
                }
            }

            return false;
        }

        private static bool HasFinally(ControlFlowRegion region)
        {
            if (region.Kind == ControlFlowRegionKind.Finally)
            {
                return true;
            }

            foreach (var nested in region.NestedRegions)
            {
                if (HasFinally(nested))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
