using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Common;
using SocketAnalyzers.Tests.Verifiers;
using Xunit;

namespace SocketAnalyzers.Tests.Common
{
    /// <summary>The families key their state by <see cref="SymbolComparer"/>: it must agree with <see cref="SymbolEqualityComparer.Default"/>.</summary>
    public sealed class SymbolComparerTests
    {
        private const string Code = """
            #nullable enable
            class C
            {
                private string? field;

                void M(string? p)
                {
                    var local = p;
                    if (local != null) { field = local; System.Console.WriteLine(local.Length + field.Length + p!.Length); }
                    lock (this) { local = null; }
                    foreach (var x in new[] { 1 }) { System.Console.WriteLine(x); }
                }
            }
            """;

        [Fact]
        public void References_to_one_name_are_equal_and_hash_alike_whatever_their_nullable_state()
        {
            var references = References().ToList();
            Assert.NotEmpty(references);
            foreach (var a in references)
            {
                foreach (var b in references)
                {
                    if (SymbolEqualityComparer.Default.Equals(a, b))
                    {
                        Assert.True(SymbolComparer.Instance.Equals(a, b));
                        Assert.Equal(SymbolComparer.Instance.GetHashCode(a), SymbolComparer.Instance.GetHashCode(b));
                    }
                    else
                    {
                        Assert.False(SymbolComparer.Instance.Equals(a, b));
                    }
                }
            }
        }

        [Fact]
        public void Locals_the_compiler_makes_without_a_name_hash_without_throwing()
        {
            var compilation = Compile();
            var tree = compilation.SyntaxTrees[0];
            var method = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single();
            var body = compilation.GetSemanticModel(tree).GetOperation(method)!;
            var graph = ControlFlowGraph.Create((IMethodBodyOperation)body);
            var locals = graph.Blocks.SelectMany(b => b.Operations).SelectMany(o => o.DescendantsAndSelf()).OfType<ILocalReferenceOperation>().Select(l => l.Local).ToList();
            Assert.Contains(locals, l => l.Name is null || l.Name.Length == 0 || l.IsImplicitlyDeclared);
            foreach (var local in locals)
            {
                _ = SymbolComparer.Instance.GetHashCode(local);
            }
        }

        private static CSharpCompilation Compile()
            => CSharpCompilation.Create("x", new[] { CSharpSyntaxTree.ParseText(Code) }, ReferenceSet.Net80.Resolve(), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        private static System.Collections.Generic.IEnumerable<ISymbol> References()
        {
            var compilation = Compile();
            var tree = compilation.SyntaxTrees[0];
            var method = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single();
            var body = compilation.GetSemanticModel(tree).GetOperation(method)!;
            foreach (var operation in body.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case ILocalReferenceOperation local:
                        yield return local.Local;
                        break;
                    case IParameterReferenceOperation parameter:
                        yield return parameter.Parameter;
                        break;
                    case IFieldReferenceOperation field:
                        yield return field.Field;
                        break;
                }
            }
        }
    }
}
