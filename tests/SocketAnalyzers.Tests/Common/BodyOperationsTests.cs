using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Common;
using SocketAnalyzers.Tests.Verifiers;
using Xunit;

namespace SocketAnalyzers.Tests.Common
{
    /// <summary>
    /// The shared walk of a body (<see cref="BodyOperations"/>) that the families' pre-scans and gates read instead of
    /// walking the tree themselves: it must hold every operation once, in the order the stack walks it replaced visited
    /// them, with the right function, loop and subtree of each.
    /// </summary>
    public class BodyOperationsTests
    {
        private const string Source = @"
using System;
using System.Collections.Generic;
using System.Net.Sockets;
using System.Threading.Tasks;

class C
{
    void M(Socket socket, List<int> items)
    {
        var buffer = new byte[16];
        while (socket.Available > 0)
        {
            int n = socket.Receive(buffer);
            foreach (var item in items)
            {
                Func<int, int> f = x =>
                {
                    for (int i = 0; i < x; i++) { n += i; }
                    return n;
                };
                n = f(item);
            }

            int Local(int y)
            {
                do { y--; } while (y > 0);
                return y;
            }

            n = Local(n);
        }

        Task.Run(() => socket.Close());
    }
}";

        [Fact]
        public void Holds_every_operation_once_in_the_order_of_a_stack_walk()
        {
            var body = Body();
            var operations = BodyOperations.Of(body.Operation, CancellationToken.None);

            var expected = new List<IOperation>();
            var stack = new Stack<IOperation>();
            stack.Push(body.Operation);
            while (stack.Count > 0)
            {
                var operation = stack.Pop();
                expected.Add(operation);
                foreach (var child in operation.ChildOperations)
                {
                    stack.Push(child);
                }
            }

            Assert.Equal(expected, Enumerable.Range(0, operations.Count).Select(i => operations[i]));
            Assert.All(Enumerable.Range(0, operations.Count), i => Assert.Equal(operations[i].Kind, operations.Kind(i)));
        }

        [Fact]
        public void Gives_each_operation_its_innermost_function_and_the_innermost_loop_of_that_function()
        {
            var body = Body();
            var operations = BodyOperations.Of(body.Operation, CancellationToken.None);
            for (var i = 0; i < operations.Count; i++)
            {
                IOperation? function = null;
                ILoopOperation? loop = null;
                for (var up = operations[i].Parent; up is not null && function is null; up = up.Parent)
                {
                    if (up is IAnonymousFunctionOperation or ILocalFunctionOperation)
                    {
                        function = up;
                    }
                    else if (loop is null && up is ILoopOperation found)
                    {
                        loop = found;
                    }
                }

                Assert.Same(function, operations.Function(i) < 0 ? null : operations[operations.Function(i)]);
                Assert.Same(loop, operations.Loop(i) < 0 ? null : operations[operations.Loop(i)]);
            }

            // The lambda of the foreach has its own loop; its body's operations are in the lambda, not in the foreach.
            var increment = Enumerable.Range(0, operations.Count).Single(i => operations[i] is ICompoundAssignmentOperation);
            Assert.Equal(OperationKind.AnonymousFunction, operations.Kind(operations.Function(increment)));
            Assert.IsAssignableFrom<IForLoopOperation>(operations[operations.Loop(increment)]);
            Assert.Equal(MethodKind.AnonymousFunction, operations.FunctionSymbol(operations.Function(increment))?.MethodKind);

            // The local function's do-while is its own; the while around its declaration is not.
            var decrement = Enumerable.Range(0, operations.Count).Single(i => operations[i] is IIncrementOrDecrementOperation { Kind: OperationKind.Decrement });
            Assert.Equal(MethodKind.LocalFunction, operations.FunctionSymbol(operations.Function(decrement))?.MethodKind);
            Assert.IsAssignableFrom<IWhileLoopOperation>(operations[operations.Loop(decrement)]);
            Assert.True(((IWhileLoopOperation)operations[operations.Loop(decrement)]).ConditionIsTop == false);
        }

        [Fact]
        public void Ends_each_subtree_where_its_last_descendant_is()
        {
            var body = Body();
            var operations = BodyOperations.Of(body.Operation, CancellationToken.None);
            var index = new Dictionary<IOperation, int>();
            for (var i = 0; i < operations.Count; i++)
            {
                index[operations[i]] = i;
            }

            Assert.Equal(operations.Count, operations.End(0));
            for (var i = 0; i < operations.Count; i++)
            {
                var descendants = operations[i].Descendants().Select(d => index[d]).ToList();
                Assert.Equal(i + 1 + descendants.Count, operations.End(i));
                Assert.All(descendants, d => Assert.InRange(d, i + 1, operations.End(i) - 1));
            }
        }

        [Fact]
        public void Is_walked_once_per_body_and_shared()
        {
            var body = Body();
            Assert.Same(BodyOperations.Of(body.Operation, CancellationToken.None), BodyOperations.Of(body.Operation, CancellationToken.None));
        }

        [Fact]
        public void A_body_asked_for_again_after_many_others_gets_the_same_index()
        {
            // Far more bodies than the table of recent bodies holds: the first one's slot is almost surely taken by a later one, and it is walked again.
            var methods = string.Concat(Enumerable.Range(0, 300).Select(i => $"int M{i}(int x) {{ while (x > {i}) {{ x--; }} return x; }}\n"));
            var bodies = GatedBodies.Of("using System.Net.Sockets;\nclass C\n{\n" + methods + "void S(Socket s) { s.Close(); }\n}\n", OutputKind.DynamicallyLinkedLibrary).Where(b => b.Owner.Name != "S").ToList();
            Assert.Equal(300, bodies.Count);
            var first = BodyOperations.Of(bodies[0].Operation, CancellationToken.None);
            foreach (var body in bodies.Skip(1))
            {
                BodyOperations.Of(body.Operation, CancellationToken.None);
            }

            var again = BodyOperations.Of(bodies[0].Operation, CancellationToken.None);
            Assert.Equal(Describe(first), Describe(again));
        }

        [Fact]
        public void Indexes_an_operation_without_a_semantic_model_once()
        {
            // A graph's operations carry no semantic model: no compilation to keep them by.
            var graph = GatedBodies.GraphOf(Body().Operation)!;
            var operation = graph.Blocks.SelectMany(b => b.Operations).First(o => o is IExpressionStatementOperation);
            Assert.Null(operation.SemanticModel);
            var operations = BodyOperations.Of(operation, CancellationToken.None);
            Assert.Same(operations, BodyOperations.Of(operation, CancellationToken.None));
            Assert.Same(operation, operations[0]);
            Assert.Equal(operation.Descendants().Count() + 1, operations.Count);
        }

        [Fact]
        public void Honours_cancellation_while_walking()
        {
            var body = Body();
            using var cancelled = new CancellationTokenSource();
            cancelled.Cancel();
            Assert.ThrowsAny<System.OperationCanceledException>(() => BodyOperations.Of(body.Operation, cancelled.Token));
        }

        private static List<string> Describe(BodyOperations operations)
            => Enumerable.Range(0, operations.Count)
                .Select(i => $"{operations.Kind(i)} {operations[i].Syntax.Span} {operations.Function(i)} {operations.Loop(i)} {operations.End(i)}")
                .ToList();

        [Fact]
        public void OfKind_gives_every_operation_of_the_kind_in_each_block_in_the_walk_s_order()
        {
            var body = Body();
            var operations = BodyOperations.Of(body.Operation, CancellationToken.None);
            var expected = Enumerable.Range(0, operations.Count).Where(i => operations.Kind(i) == OperationKind.Invocation).Select(i => operations[i]).ToList();

            var once = new List<IOperation>();
            foreach (var call in BodyOperations.OfKind<IInvocationOperation>(System.Collections.Immutable.ImmutableArray.Create(body.Operation), OperationKind.Invocation, CancellationToken.None))
            {
                once.Add(call);
            }

            var twice = new List<IOperation>();
            foreach (var call in BodyOperations.OfKind<IInvocationOperation>(System.Collections.Immutable.ImmutableArray.Create(body.Operation, body.Operation), OperationKind.Invocation, CancellationToken.None))
            {
                twice.Add(call);
            }

            var none = 0;
            foreach (var call in BodyOperations.OfKind<IInvocationOperation>(default, OperationKind.Invocation, CancellationToken.None))
            {
                none++;
            }

            Assert.True(expected.Count >= 5, $"{expected.Count} calls");
            Assert.Equal(expected, once);
            Assert.Equal(expected.Concat(expected), twice);
            Assert.Equal(0, none);
        }

        private static GatedBodies.Body Body()
            => GatedBodies.Of(Source, OutputKind.DynamicallyLinkedLibrary).Single(b => b.Owner.Name == "M");
    }
}
