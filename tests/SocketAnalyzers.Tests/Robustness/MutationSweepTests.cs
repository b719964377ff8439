using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SocketAnalyzers.Tests.VerifierTests;
using Xunit;
using Xunit.Abstractions;

namespace SocketAnalyzers.Tests.Robustness
{
    /// <summary>The sweep itself: it makes each kind of mutant, and each failure it looks for is shown able to fail it.</summary>
    public sealed class MutationSweepTests
    {
        private const string Source = "class C\n{\n    int M(int a)\n    {\n        var b = a + 1;\n        return Add(b, 2);\n    }\n\n    static int Add(int x, int y) => x + y;\n}\n";

        private static readonly SweepSource Clean = new("clean.cs", Source);

        private readonly ITestOutputHelper output;

        public MutationSweepTests(ITestOutputHelper output)
        {
            this.output = output;
        }

        [Fact]
        public void Mutator_makes_each_kind_of_mutant_once_after_the_source_as_written()
        {
            var mutants = Mutator.Create(Source, new MutationPlan
            {
                CutEveryNthToken = 1,
                CutAtStatementBoundaries = true,
                CutAtCharacters = true,
                DeleteEveryToken = true,
                ReplaceIdentifiers = true,
                EmptyArgumentLists = true,
                TypesToDynamic = true,
            }).ToList();

            Assert.Equal(new Mutant("as written", Source, 0), mutants[0]);
            Assert.Equal(mutants.Count, mutants.Select(m => m.Text).Distinct(StringComparer.Ordinal).Count());
            Assert.Contains(mutants, m => m.Text == Source.Substring(0, Source.IndexOf("1;", StringComparison.Ordinal) + 1));
            Assert.Contains(mutants, m => m.Text == Source.Substring(0, Source.Length / 4));
            Assert.Contains(mutants, m => m.Text == Source.Replace("a + 1;", "a + 1", StringComparison.Ordinal));
            Assert.Contains(mutants, m => m.Text == Source.Replace("Add(b, 2)", $"{Mutator.UndefinedName}(b, 2)", StringComparison.Ordinal));
            Assert.Contains(mutants, m => m.Text == Source.Replace("Add(b, 2)", "Add()", StringComparison.Ordinal));
            Assert.Contains(mutants, m => m.Text == Source.Replace("int M(int a)", "int M(dynamic a)", StringComparison.Ordinal));
            Assert.Contains(mutants, m => m.Text == Source.Replace("var b", "dynamic b", StringComparison.Ordinal));
        }

        [Fact]
        public void Closers_alone_delete_only_semicolons_parentheses_and_braces()
        {
            var deleted = Mutator.Create(Source, new MutationPlan { DeletedTokenKinds = MutationPlan.Closers }).Skip(1).ToList();

            Assert.Equal(Source.Count(c => c is ';' or ')' or '}'), deleted.Count);
            Assert.All(deleted, m => Assert.Equal(Source.Length - 1, m.Text.Length));
        }

        [Fact]
        public void Test_snippets_are_whole_sources_and_the_bodies_tests_pass_to_their_wrappers()
        {
            var snippets = SweepSources.TestSnippets();
            output.WriteLine($"{snippets.Count} snippets, {snippets.Count(s => s.Focus is not null)} of them bodies in a wrapper");

            Assert.Contains(snippets, s => s.Focus is null && s.Text.Contains("System.Net.Sockets", StringComparison.Ordinal));
            Assert.Contains(snippets, s => s.Focus is not null && s.Name.EndsWith("in ReadTestCode.Method", StringComparison.Ordinal));
            Assert.Contains(snippets, s => s.Focus is not null && s.Name.Contains("SOCK020HostOrderWriteTests.InMethod", StringComparison.Ordinal));
            Assert.All(snippets, s => Assert.DoesNotContain("{|", s.Text, StringComparison.Ordinal));
            Assert.All(snippets.Where(s => s.Focus is not null), s =>
            {
                Assert.True(s.Focus!.Value.End <= s.Text.Length);
                Assert.DoesNotContain("\u0001", s.Text, StringComparison.Ordinal);
            });
        }

        [Theory]
        [InlineData(ThrowWhere.SyntaxNode)]
        [InlineData(ThrowWhere.Operation)]
        [InlineData(ThrowWhere.CompilationEnd)]
        public async Task An_analyzer_that_throws_fails_the_sweep_with_its_stack(ThrowWhere where)
        {
            var sweep = new MutationSweep(
                new MutationPlan { DeletedTokenKinds = MutationPlan.Closers },
                new SweepStages { PartialAnalysisEveryNth = 1 },
                analyzers: ImmutableArray.Create<DiagnosticAnalyzer>(new ThrowingAnalyzer(where)));

            var result = await sweep.RunAsync(Clean, CancellationToken.None);

            Assert.Contains(result.Failures, f => f.Stage == "analysis" && f.Culprit == nameof(ThrowingAnalyzer) && f.Detail.Contains("thrown by the test analyzer", StringComparison.Ordinal));
            if (where != ThrowWhere.CompilationEnd)
            {
                // Document and span analysis never run compilation-end actions.
                Assert.Contains(result.Failures, f => f.Stage.StartsWith("span analysis", StringComparison.Ordinal));
            }
        }

        [Fact]
        public async Task A_fix_that_throws_while_registering_fails_the_sweep()
        {
            var result = await SweepWithFixAsync(new ThrowingRegistrationFix());

            Assert.Contains(result.Failures, f => f.Stage == "code fix registration" && f.Culprit.StartsWith(nameof(ThrowingRegistrationFix), StringComparison.Ordinal));
        }

        [Fact]
        public async Task A_fix_whose_action_throws_fails_the_sweep()
        {
            var result = await SweepWithFixAsync(new ThrowingActionFix());

            Assert.Contains(result.Failures, f => f.Stage == "code fix" && f.Culprit.StartsWith(nameof(ThrowingActionFix), StringComparison.Ordinal));
            Assert.Contains(result.Failures, f => f.Stage == "Fix All (document)");
        }

        [Fact]
        public async Task A_fix_that_breaks_code_that_compiled_fails_the_sweep_but_not_on_broken_code()
        {
            var result = await SweepWithFixAsync(new BreakingFix());

            Assert.Contains(result.Failures, f => f.Stage == "fix breaks code that compiled");
            Assert.Contains(result.Failures, f => f.Stage == "Fix All breaks code that compiled");
            Assert.All(result.Failures, f => Assert.Equal("as written", f.Mutation));
        }

        [Fact]
        public async Task A_correct_fix_passes_the_sweep()
        {
            var result = await SweepWithFixAsync(new ZeroFix());

            Assert.Empty(result.Failures);
            Assert.True(result.FixActions > 0);
            Assert.True(result.FixAlls > 0);
        }

        private static Task<SweepResult> SweepWithFixAsync(CodeFixProvider fix)
            => new MutationSweep(
                    new MutationPlan { DeletedTokenKinds = MutationPlan.Closers },
                    new SweepStages { FixesEveryNth = 1 },
                    analyzers: ImmutableArray.Create<DiagnosticAnalyzer>(new NonZeroLiteralAnalyzer()),
                    fixers: ImmutableArray.Create(fix))
                .RunAsync(Clean, CancellationToken.None);

        private sealed class ThrowingRegistrationFix : CodeFixProvider
        {
            public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(NonZeroLiteralAnalyzer.Id);

            public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

            public override Task RegisterCodeFixesAsync(CodeFixContext context) => throw new InvalidOperationException("thrown by the test fix while registering");
        }

        private sealed class ThrowingActionFix : CodeFixProvider
        {
            public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(NonZeroLiteralAnalyzer.Id);

            public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

            public override Task RegisterCodeFixesAsync(CodeFixContext context)
            {
                context.RegisterCodeFix(
                    CodeAction.Create("Throw", new Func<CancellationToken, Task<Document>>(_ => throw new InvalidOperationException("thrown by the test fix's action")), nameof(ThrowingActionFix)),
                    context.Diagnostics);
                return Task.CompletedTask;
            }
        }
    }
}
