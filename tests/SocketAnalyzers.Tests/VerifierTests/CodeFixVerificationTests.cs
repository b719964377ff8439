using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;
using SocketAnalyzers.Tests.Verifiers;
using Xunit;

namespace SocketAnalyzers.Tests.VerifierTests
{
    /// <summary>
    /// The code-fix loop: fixes applied one at a time until none is left, capped, a state seen twice fails, a new
    /// compiler error fails, and Fix All in document and project scope must reach the same text.
    /// The test-only TEST001 analyzer reports every non-zero integer literal.
    /// </summary>
    public sealed class CodeFixVerificationTests
    {
        private const string TwoLiterals = "class C\n{\n    int M() => [|1|] + [|2|];\n}\n";

        private static SocketAnalyzerTest Test(string source, string fixedSource, CodeFixProvider fix)
        {
            var test = new SocketAnalyzerTest
            {
                TestCode = source,
                FixedCode = fixedSource,
                CodeFix = fix,
                DefaultDiagnosticId = NonZeroLiteralAnalyzer.Id,
            };
            test.AdditionalAnalyzers.Add(new NonZeroLiteralAnalyzer());
            return test;
        }

        [Fact]
        public async Task Correct_fix_passes_one_at_a_time_and_with_Fix_All()
        {
            await Test(TwoLiterals, "class C\n{\n    int M() => 0 + 0;\n}\n", new ZeroFix()).RunAsync();
        }

        [Fact]
        public async Task Fixed_code_that_differs_fails_and_shows_where()
        {
            var exception = await Assert.ThrowsAsync<VerifierException>(
                () => Test(TwoLiterals, "class C\n{\n    int M() => 0 + 1;\n}\n", new ZeroFix()).RunAsync());

            Assert.Contains("After applying the fixes one at a time, /0/Test0.cs differs from the expected fixed code", exception.Message, StringComparison.Ordinal);
            Assert.Contains("First difference at line 3.", exception.Message, StringComparison.Ordinal);
            Assert.Contains("  >     int M() => 0 + 0;", exception.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Diagnostic_left_in_the_fixed_code_must_be_expected()
        {
            // TwoActionsFix's "default" variant leaves nothing to report, but markup in the fixed code expects one.
            var test = Test(TwoLiterals, "class C\n{\n    int M() => default(int) + [|default(int)|];\n}\n", new TwoActionsFix());
            test.CodeActionEquivalenceKey = "Test.Default";

            var exception = await Assert.ThrowsAsync<VerifierException>(() => test.RunAsync());
            Assert.Contains("Diagnostics of the code after applying the fixes one at a time differ", exception.Message, StringComparison.Ordinal);
            Assert.Contains("Missing: TEST001", exception.Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("Test.Zero", "0 + 0")]
        [InlineData("Test.Default", "default(int) + default(int)")]
        public async Task Equivalence_key_picks_the_action(string key, string expression)
        {
            var test = Test(TwoLiterals, $"class C\n{{\n    int M() => {expression};\n}}\n", new TwoActionsFix());
            test.CodeActionEquivalenceKey = key;

            await test.RunAsync();
        }

        [Fact]
        public async Task Fix_that_never_converges_hits_the_iteration_cap()
        {
            var test = Test("class C\n{\n    int M() => [|1|];\n}\n", "class C\n{\n    int M() => 0;\n}\n", new IncrementFix());
            test.MaxCodeFixIterations = 4;

            var exception = await Assert.ThrowsAsync<VerifierException>(() => test.RunAsync());
            Assert.Contains("still offered after 4 iterations", exception.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Fix_that_returns_to_an_earlier_state_fails()
        {
            var exception = await Assert.ThrowsAsync<VerifierException>(
                () => Test("class C\n{\n    int M() => [|1|];\n}\n", "class C\n{\n    int M() => 0;\n}\n", new SwapFix()).RunAsync());

            Assert.Contains("returned the code to a state it had before", exception.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Fix_that_adds_a_compiler_error_fails()
        {
            var exception = await Assert.ThrowsAsync<VerifierException>(
                () => Test("class C\n{\n    int M() => [|1|];\n}\n", "class C\n{\n    int M() => undefinedName;\n}\n", new BreakingFix()).RunAsync());

            Assert.Contains("compiler errors it did not have before", exception.Message, StringComparison.Ordinal);
            Assert.Contains("error CS0103", exception.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Compiler_error_already_in_the_input_does_not_fail_the_fix_when_allowed()
        {
            var test = Test(
                "class C\n{\n    int M() => [|1|];\n    int x = \"text\";\n}\n",
                "class C\n{\n    int M() => 0;\n    int x = \"text\";\n}\n",
                new ZeroFix());
            test.AllowCompilerErrors = true;

            await test.RunAsync();
        }

        [Fact]
        public async Task Fix_All_that_differs_from_one_at_a_time_fails()
        {
            var exception = await Assert.ThrowsAsync<VerifierException>(
                () => Test(TwoLiterals, "class C\n{\n    int M() => 0 + 0;\n}\n", new InconsistentFixAllFix()).RunAsync());

            Assert.Contains("After Fix All in Document scope, /0/Test0.cs differs", exception.Message, StringComparison.Ordinal);
            Assert.Contains("(0) + (0)", exception.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Fix_All_check_can_be_turned_off()
        {
            var test = Test(TwoLiterals, "class C\n{\n    int M() => 0 + 0;\n}\n", new InconsistentFixAllFix());
            test.TestFixAll = false;

            await test.RunAsync();
        }

        [Fact]
        public async Task Provider_without_Fix_All_fails()
        {
            var exception = await Assert.ThrowsAsync<VerifierException>(
                () => Test(TwoLiterals, "class C\n{\n    int M() => 0 + 0;\n}\n", new NoFixAllFix()).RunAsync());

            Assert.Contains("NoFixAllFix has no Fix All provider", exception.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Code_action_without_an_equivalence_key_fails()
        {
            var exception = await Assert.ThrowsAsync<VerifierException>(
                () => Test(TwoLiterals, "class C\n{\n    int M() => 0 + 0;\n}\n", new NoEquivalenceKeyFix()).RunAsync());

            Assert.Contains("has no equivalence key", exception.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Fix_All_covers_every_document_of_the_project()
        {
            // Eleven documents: /0/Test10.cs must be compared with the eleventh expected text, not the second.
            var test = new SocketAnalyzerTest { CodeFix = new ZeroFix(), DefaultDiagnosticId = NonZeroLiteralAnalyzer.Id };
            test.AdditionalAnalyzers.Add(new NonZeroLiteralAnalyzer());
            foreach (var i in Enumerable.Range(0, 11))
            {
                test.Sources.Add($"class C{i}\n{{\n    int M() => [|{i + 1}|];\n}}\n");
                test.FixedSources.Add($"class C{i}\n{{\n    int M() => 0;\n}}\n");
            }

            await test.RunAsync();
        }

        [Fact]
        public async Task Line_endings_of_the_test_and_the_fixed_code_do_not_matter()
        {
            await Test(TwoLiterals.Replace("\n", "\r\n", StringComparison.Ordinal), "class C\n{\n    int M() => 0 + 0;\n}\n", new ZeroFix()).RunAsync();
        }
    }
}
