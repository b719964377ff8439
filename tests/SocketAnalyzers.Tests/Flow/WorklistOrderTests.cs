using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Flow;
using SocketAnalyzers.Tests.Verifiers;
using Xunit;

namespace SocketAnalyzers.Tests.Flow
{
    /// <summary>
    /// The kernel takes the block with the lowest ordinal first, so a block is visited once all its forward predecessors
    /// have delivered: an acyclic body costs one visit per block, and a loop only the turns its facts need.
    /// </summary>
    public sealed class WorklistOrderTests
    {
        [Fact]
        public void The_worklist_gives_the_lowest_block_first_and_then_the_lowest_context()
        {
            var worklist = new BlockWorklist();
            foreach (var (ordinal, context) in new[] { (7, 0), (3, 2), (12, 0), (3, 0), (0, 5), (9, 1 << 16), (9, 0), (1, 0) })
            {
                worklist.Push(ordinal, context);
            }

            var taken = new List<(int, int)>();
            while (worklist.Count > 0)
            {
                taken.Add(worklist.Pop());
            }

            Assert.Equal(new[] { (0, 5), (1, 0), (3, 0), (3, 2), (7, 0), (9, 0), (9, 1 << 16), (12, 0) }, taken);
        }

        [Fact]
        public void The_worklist_grows_past_its_first_size_and_keeps_the_order()
        {
            var worklist = new BlockWorklist();
            for (var i = 100; i > 0; i--)
            {
                worklist.Push(i, 0);
            }

            var taken = new List<int>();
            while (worklist.Count > 0)
            {
                taken.Add(worklist.Pop().Ordinal);
            }

            Assert.Equal(Enumerable.Range(1, 100), taken);
        }

        [Fact]
        public void A_body_of_nested_branches_without_a_loop_visits_every_block_once()
        {
            var graph = GraphOf("""
                void M(bool a, bool b, bool c, int x)
                {
                    if (a) { x++; } else { x--; }
                    if (b) { if (c) { x += 2; } else { x -= 2; } } else { x = 0; }
                    switch (x) { case 1: x = 3; break; case 2: x = 4; break; default: x = 5; break; }
                    if (a && (b || c)) { x = 6; }
                    System.Console.WriteLine(x);
                }
                """);
            var analysis = new CountingAnalysis(graph);

            Assert.True(analysis.Run());
            var reachable = graph.Blocks.Count(b => b.IsReachable);
            Assert.Equal(reachable, analysis.Visits.Count);
            Assert.All(analysis.Visits.Values, visits => Assert.Equal(1, visits));
        }

        [Fact]
        public void A_loop_whose_state_settles_on_the_first_turn_visits_its_blocks_at_most_twice()
        {
            var graph = GraphOf("""
                void M(bool a, int x)
                {
                    while (x < 10)
                    {
                        if (a) { x++; } else { x += 2; }
                    }

                    System.Console.WriteLine(x);
                }
                """);
            var analysis = new CountingAnalysis(graph);

            Assert.True(analysis.Run());
            Assert.All(analysis.Visits.Values, visits => Assert.InRange(visits, 1, 2));
        }

        private static ControlFlowGraph GraphOf(string method)
        {
            var tree = CSharpSyntaxTree.ParseText("class C { " + method + " }");
            var compilation = CSharpCompilation.Create("x", new[] { tree }, ReferenceSet.Net80.Resolve(), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var model = compilation.GetSemanticModel(tree);
            var declaration = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single();
            return ControlFlowGraph.Create((IMethodBodyOperation)model.GetOperation(declaration)!);
        }

        /// <summary>A family whose state is the set of blocks some path took to get here: it grows at every join of new paths.</summary>
        private sealed class CountingAnalysis : FlowAnalysis<HashSet<int>>
        {
            public CountingAnalysis(ControlFlowGraph graph)
                : base(graph, CancellationToken.None)
            {
            }

            public Dictionary<int, int> Visits { get; } = new();

            protected override HashSet<int> CreateEntryState() => new();

            protected override HashSet<int> Clone(HashSet<int> state) => new(state);

            protected override bool JoinInto(HashSet<int> target, HashSet<int> source)
            {
                var before = target.Count;
                target.UnionWith(source);
                return target.Count != before;
            }

            protected override void EnterBlock(BasicBlock block, HashSet<int> state)
            {
                Visits[block.Ordinal] = Visits.TryGetValue(block.Ordinal, out var n) ? n + 1 : 1;
                state.Add(block.Ordinal);
            }

            protected override void Transfer(IOperation operation, HashSet<int> state)
            {
            }
        }
    }
}
