using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Common;
using SocketAnalyzers.Tests.Robustness;
using Xunit;

namespace SocketAnalyzers.Tests.Verifiers
{
    /// <summary>
    /// What the tests of the families' settled-body gates share: the bodies of a source as the driver hands them over, the
    /// graph of a body, and the check that a gate settles no body in which its flow, run anyway, reports something.
    /// </summary>
    internal static class GatedBodies
    {
        /// <summary>One body: its operation, its owning symbol, and the compilation's socket symbols.</summary>
        internal sealed record Body(IOperation Operation, ISymbol Owner, KnownSymbols Symbols);

        /// <summary>A family's verdicts on one body: whether its gate settles it, and what its flow reports there.</summary>
        internal interface IVerdict
        {
            bool Settled { get; }

            string Owner { get; }

            List<string> Findings();
        }

        /// <summary>Every method, constructor and accessor body of <paramref name="text"/> (and its top-level statements), against .NET 8.</summary>
        public static IEnumerable<Body> Of(string text, OutputKind kind)
        {
            var tree = CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Latest));
            var compilation = CSharpCompilation.Create("x", new[] { tree }, ReferenceSet.Net80.Resolve(), new CSharpCompilationOptions(kind));
            var symbols = KnownSymbols.TryCreate(compilation);
            Assert.NotNull(symbols);
            var semantic = compilation.GetSemanticModel(tree);
            foreach (var node in tree.GetRoot().DescendantNodesAndSelf())
            {
                if (node is not (BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or CompilationUnitSyntax))
                {
                    continue;
                }

                if (semantic.GetOperation(node) is not { } operation || !operation.HasControlFlowGraph())
                {
                    continue;
                }

                var owner = node is CompilationUnitSyntax ? semantic.GetEnclosingSymbol(node.SpanStart) : semantic.GetDeclaredSymbol(node);
                if (owner is not null)
                {
                    yield return new Body(operation, owner, symbols!);
                }
            }
        }

        /// <summary>A body as a class member of a file with the usual socket namespaces.</summary>
        public static Body OfMember(string member)
            => Assert.Single(Of("using System;\nusing System.Net;\nusing System.Net.Sockets;\nclass C\n{\n" + member + "\n}\n", OutputKind.DynamicallyLinkedLibrary));

        /// <summary>The graph the driver would hand the body's analysis.</summary>
        public static ControlFlowGraph? GraphOf(IOperation body) => body switch
        {
            IMethodBodyOperation method => ControlFlowGraph.Create(method),
            IConstructorBodyOperation constructor => ControlFlowGraph.Create(constructor),
            IBlockOperation block => ControlFlowGraph.Create(block),
            _ => null,
        };

        /// <summary>
        /// Runs the family's flow on every body of the samples and of the test suite's socket code and fails when its gate
        /// settles one with a finding. Fails too when fewer than <paramref name="atLeast"/> bodies are settled, or have a
        /// finding: the check means something only if both are many.
        /// </summary>
        public static void SettleNoFinding(Func<Body, IVerdict> judge, int atLeast)
        {
            var settled = 0;
            var reported = 0;
            foreach (var source in SweepSources.Samples().Concat(SweepSources.TestSnippets()))
            {
                foreach (var body in Of(source.Text, source.OutputKind))
                {
                    var verdict = judge(body);
                    var findings = verdict.Findings();
                    if (findings.Count > 0)
                    {
                        reported++;
                    }

                    if (verdict.Settled)
                    {
                        settled++;
                        Assert.True(findings.Count == 0, $"{source.Name}: the gate settles {verdict.Owner}, where the flow reports {string.Join("; ", findings)}");
                    }
                }
            }

            Assert.True(reported >= atLeast, $"only {reported} bodies with a finding");
            Assert.True(settled >= atLeast, $"only {settled} settled bodies");
        }

        /// <summary>Each member has a finding of the family's flow, and the gate keeps the flow for it.</summary>
        public static void KeepFindings(IEnumerable<string> members, Func<Body, IVerdict> judge)
        {
            foreach (var member in members)
            {
                var verdict = judge(OfMember(member));
                Assert.True(verdict.Findings().Count > 0, "the flow reports nothing in: " + member);
                Assert.False(verdict.Settled, "the gate settles: " + member);
            }
        }
    }
}
