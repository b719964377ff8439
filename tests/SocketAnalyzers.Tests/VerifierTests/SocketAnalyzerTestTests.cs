using System;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Testing;
using SocketAnalyzers.Tests.Verifiers;
using Xunit;
using VerifySOCK010 = SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<
    SocketAnalyzers.Reads.SOCK010DiscardedReadCountAnalyzer,
    SocketAnalyzers.CodeFixes.Reads.SOCK010DiscardedReadCountCodeFixProvider>;
using VerifySOCK020 = SocketAnalyzers.Tests.Verifiers.AnalyzerVerifier<SocketAnalyzers.ByteOrder.SOCK020HostOrderWriteAnalyzer>;

namespace SocketAnalyzers.Tests.VerifierTests
{
    /// <summary>
    /// What <see cref="SocketAnalyzerTest"/> guarantees beyond Microsoft.CodeAnalysis.Testing, each shown able to fail:
    /// every analyzer of the package in every test, rules off by default enabled, AD0001 fails, the input compiles
    /// unless allowed not to, fixes compile, Fix All in document, project and solution scope, an equivalence key on
    /// every action, the verifier facade's expectations (message only when given), the fixed state taken exactly as
    /// written, and the reference sets. What the library checks by itself is the library's to test.
    /// </summary>
    public sealed class SocketAnalyzerTestTests
    {
        private const string DiscardedReceive = """
            using System.Net.Sockets;

            class C
            {
                void M(Socket socket, byte[] buffer)
                {
                    socket.Receive(buffer);
                }
            }
            """;

        private const string TwoLiterals = "class C\n{\n    int M() => [|1|] + [|2|];\n}\n";

        private const string TwoZeros = "class C\n{\n    int M() => 0 + 0;\n}\n";

        private static SocketAnalyzerTest Test(string source) => new() { TestCode = source };

        private static SocketAnalyzerTest FixTest(string source, string fixedSource, CodeFixProvider fix)
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

        // ---- Every analyzer of the package, every rule ----

        [Fact]
        public async Task A_test_of_one_rule_sees_the_diagnostics_of_every_package_rule()
        {
            // A SOCK020 test on code that discards a read count fails on SOCK010: a test sees what a user would.
            var exception = await Assert.ThrowsAsync<VerifierException>(() => VerifySOCK020.VerifyAnalyzerAsync(DiscardedReceive));

            Assert.Contains("SOCK010", exception.Message, StringComparison.Ordinal);
            await VerifySOCK020.VerifyAnalyzerAsync(DiscardedReceive.Replace("socket.Receive(buffer);", "{|SOCK010:socket.Receive(buffer)|};", StringComparison.Ordinal));
        }

        [Fact]
        public async Task Additional_analyzers_run_beside_the_package_analyzers()
        {
            var test = Test(DiscardedReceive
                .Replace("socket.Receive(buffer);", "{|SOCK010:socket.Receive(buffer)|}; var n = {|TEST001:42|};", StringComparison.Ordinal));
            test.AdditionalAnalyzers.Add(new NonZeroLiteralAnalyzer());

            await test.RunAsync();
        }

        [Fact]
        public async Task Rule_that_is_off_by_default_is_enabled_and_an_editorconfig_can_still_turn_it_off()
        {
            var test = Test("class {|TEST004:C|} { }");
            test.AdditionalAnalyzers.Add(new OffByDefaultAnalyzer());
            await test.RunAsync();

            var off = Test("class C { }");
            off.AdditionalAnalyzers.Add(new OffByDefaultAnalyzer());
            off.EditorConfig = "root = true\n[*.cs]\ndotnet_diagnostic.TEST004.severity = none";
            await off.RunAsync();
        }

        [Fact]
        public async Task EditorConfig_reaches_the_analyzers()
        {
            var off = Test(DiscardedReceive);
            off.EditorConfig = "root = true\n[*.cs]\ndotnet_diagnostic.SOCK010.severity = none";
            await off.RunAsync();

            var asError = Test(DiscardedReceive);
            asError.EditorConfig = "root = true\n[*.cs]\ndotnet_diagnostic.SOCK010.severity = error";
            asError.ExpectedDiagnostics.Add(VerifySOCK010.Diagnostic().WithSpan(7, 9, 7, 31).WithSeverity(DiagnosticSeverity.Error));
            await asError.RunAsync();
        }

        // ---- AD0001 ----

        [Theory]
        [InlineData(ThrowWhere.CompilationStart)]
        [InlineData(ThrowWhere.SyntaxNode)]
        [InlineData(ThrowWhere.Operation)]
        [InlineData(ThrowWhere.CompilationEnd)]
        public async Task Analyzer_exception_fails_the_test_as_AD0001(ThrowWhere where)
        {
            var test = Test(DiscardedReceive.Replace("socket.Receive(buffer);", "{|SOCK010:socket.Receive(buffer)|};", StringComparison.Ordinal));
            test.AdditionalAnalyzers.Add(new ThrowingAnalyzer(where));

            var exception = await Assert.ThrowsAsync<VerifierException>(() => test.RunAsync());
            Assert.Contains("An analyzer threw (AD0001)", exception.Message, StringComparison.Ordinal);
            Assert.Contains("thrown by the test analyzer", exception.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Analyzer_exception_fails_even_when_compiler_errors_are_allowed()
        {
            var test = Test("class C { void M() { M( } }");
            test.AllowCompilerErrors = true;
            test.AdditionalAnalyzers.Add(new ThrowingAnalyzer(ThrowWhere.SyntaxNode));

            var exception = await Assert.ThrowsAsync<VerifierException>(() => test.RunAsync());
            Assert.Contains("ThrowingAnalyzer", exception.Message, StringComparison.Ordinal);
        }

        // ---- The input compiles, the fix compiles ----

        [Fact]
        public async Task Code_that_does_not_compile_fails_unless_compiler_errors_are_allowed()
        {
            var exception = await Assert.ThrowsAsync<VerifierException>(() => Test("class C { int x = \"text\"; }").RunAsync());
            Assert.Contains("CS0029", exception.Message, StringComparison.Ordinal);

            var allowed = Test("class C { int x = \"text\"; void M(System.Net.Sockets.Socket s, byte[] b) { {|SOCK010:s.Receive(b)|}; } }");
            allowed.AllowCompilerErrors = true;
            await allowed.RunAsync();
        }

        [Fact]
        public async Task Fix_that_adds_a_compiler_error_fails()
        {
            var exception = await Assert.ThrowsAsync<VerifierException>(
                () => FixTest("class C\n{\n    int M() => [|1|];\n}\n", "class C\n{\n    int M() => undefinedName;\n}\n", new BreakingFix()).RunAsync());

            Assert.Contains("CS0103", exception.Message, StringComparison.Ordinal);
        }

        // ---- Fix All, equivalence keys, iterations ----

        [Fact]
        public async Task Correct_fix_passes_one_at_a_time_and_with_Fix_All_in_every_scope()
        {
            await FixTest(TwoLiterals, TwoZeros, new ZeroFix()).RunAsync();
        }

        [Fact]
        public async Task Fix_All_that_differs_from_one_at_a_time_fails()
        {
            var exception = await Assert.ThrowsAsync<VerifierException>(() => FixTest(TwoLiterals, TwoZeros, new InconsistentFixAllFix()).RunAsync());

            Assert.Contains("Fix all in", exception.Message, StringComparison.Ordinal);
            Assert.Contains("(0) + (0)", exception.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Fix_All_without_solution_scope_fails()
        {
            var exception = await Assert.ThrowsAsync<VerifierException>(() => FixTest(TwoLiterals, TwoZeros, new NoSolutionScopeFix()).RunAsync());

            Assert.Contains("Fix all in solution", exception.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Provider_without_Fix_All_fails_unless_the_Fix_All_check_is_off()
        {
            var exception = await Assert.ThrowsAsync<VerifierException>(() => FixTest(TwoLiterals, TwoZeros, new NoFixAllFix()).RunAsync());
            Assert.Contains("NoFixAllFix has no Fix All provider", exception.Message, StringComparison.Ordinal);

            var off = FixTest(TwoLiterals, TwoZeros, new InconsistentFixAllFix());
            off.TestFixAll = false;
            await off.RunAsync();
        }

        [Fact]
        public async Task Code_action_without_an_equivalence_key_fails()
        {
            var exception = await Assert.ThrowsAsync<VerifierException>(() => FixTest(TwoLiterals, TwoZeros, new NoEquivalenceKeyFix()).RunAsync());

            Assert.Contains("has no equivalence key", exception.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Fix_that_never_converges_hits_the_iteration_cap()
        {
            var test = FixTest("class C\n{\n    int M() => [|1|];\n}\n", "class C\n{\n    int M() => 0;\n}\n", new IncrementFix());
            test.MaxCodeFixIterations = 4;

            await Assert.ThrowsAsync<VerifierException>(() => test.RunAsync());
        }

        [Theory]
        [InlineData("Test.Zero", "0 + 0")]
        [InlineData("Test.Default", "default(int) + default(int)")]
        public async Task Equivalence_key_picks_the_action(string key, string expression)
        {
            var test = FixTest(TwoLiterals, $"class C\n{{\n    int M() => {expression};\n}}\n", new TwoActionsFix());
            test.CodeActionEquivalenceKey = key;

            await test.RunAsync();
        }

        // ---- The fixed state is what the test writes ----

        [Fact]
        public async Task Diagnostic_marked_in_the_fixed_code_must_remain_there()
        {
            // The "default" variant leaves nothing to report, but markup in the fixed code expects a TEST001 there.
            var test = FixTest(TwoLiterals, "class C\n{\n    int M() => default(int) + [|default(int)|];\n}\n", new TwoActionsFix());
            test.CodeActionEquivalenceKey = "Test.Default";

            var exception = await Assert.ThrowsAsync<VerifierException>(() => test.RunAsync());
            Assert.Contains("Diagnostics of fixed state", exception.Message, StringComparison.Ordinal);
            Assert.Contains("expected \"1\" actual \"0\"", exception.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Diagnostic_of_another_rule_left_by_the_fix_is_expected_in_the_fixed_code_only()
        {
            // TEST004 is not fixable here: it stays, marked in both the input and the fixed code, and is not inherited
            // from the input a second time.
            var test = FixTest("class {|TEST004:C|}\n{\n    int M() => [|1|];\n}\n", "class {|TEST004:C|}\n{\n    int M() => 0;\n}\n", new ZeroFix());
            test.AdditionalAnalyzers.Add(new OffByDefaultAnalyzer());

            await test.RunAsync();
        }

        // ---- The facade's expectations ----

        [Fact]
        public async Task Square_markup_stands_for_the_rule_of_the_verifier()
        {
            await VerifySOCK010.VerifyAnalyzerAsync(DiscardedReceive.Replace("socket.Receive(buffer);", "[|socket.Receive(buffer)|];", StringComparison.Ordinal));

            var noDefault = Test(DiscardedReceive.Replace("socket.Receive(buffer);", "[|socket.Receive(buffer)|];", StringComparison.Ordinal));
            await Assert.ThrowsAsync<VerifierException>(() => noDefault.RunAsync());
        }

        [Fact]
        public async Task Diagnostic_compares_the_message_only_when_given()
        {
            await VerifySOCK010.VerifyAnalyzerAsync(DiscardedReceive, VerifySOCK010.Diagnostic().WithSpan(7, 9, 7, 31));

            var wrongArguments = VerifySOCK010.VerifyAnalyzerAsync(DiscardedReceive, VerifySOCK010.Diagnostic().WithSpan(7, 9, 7, 31).WithArguments("Stream.Read", "", "Use the count, or read exactly", "bytes"));
            await Assert.ThrowsAsync<VerifierException>(() => wrongArguments);

            var wrongMessage = VerifySOCK010.VerifyAnalyzerAsync(DiscardedReceive, VerifySOCK010.Diagnostic().WithSpan(7, 9, 7, 31).WithMessage("something else"));
            await Assert.ThrowsAsync<VerifierException>(() => wrongMessage);
        }

        [Fact]
        public async Task Location_marker_places_an_expected_diagnostic()
        {
            await VerifySOCK010.VerifyAnalyzerAsync(
                DiscardedReceive.Replace("socket.Receive(buffer);", "{|#0:socket.Receive(buffer)|};", StringComparison.Ordinal),
                VerifySOCK010.Diagnostic().WithLocation(0));
        }

        // ---- References and options ----

        [Fact]
        public async Task Reference_set_decides_what_compiles()
        {
            const string Source = """
                using System.IO;

                class C
                {
                    void M(Stream stream, byte[] buffer) => stream.ReadExactly(buffer);
                }
                """;
            await Test(Source).RunAsync();
            await new SocketAnalyzerTest { TestCode = Source, References = ReferenceSet.Net100 }.RunAsync();

            var netStandard = new SocketAnalyzerTest { TestCode = Source, References = ReferenceSet.NetStandard20 };
            var exception = await Assert.ThrowsAsync<VerifierException>(() => netStandard.RunAsync());
            Assert.Contains("CS1061", exception.Message, StringComparison.Ordinal);

            await new SocketAnalyzerTest
            {
                TestCode = "class C { System.Span<byte> M(byte[] b) => b; }",
                References = ReferenceSet.NetStandard20WithSystemMemory,
            }.RunAsync();
        }

        [Fact]
        public void Reference_sets_name_no_package_for_the_library_to_download()
        {
            foreach (var set in new[] { ReferenceSet.Net80, ReferenceSet.Net100, ReferenceSet.NetStandard20, ReferenceSet.NetStandard20WithSystemMemory, ReferenceSet.NetStandard20WithRuntimeDependencies })
            {
                Assert.Null(set.ReferenceAssemblies.ReferenceAssemblyPackage);
                Assert.Empty(set.ReferenceAssemblies.Packages);
                Assert.NotEmpty(set.Resolve());
            }
        }

        [Fact]
        public async Task Preprocessor_symbols_reach_the_parser()
        {
            var test = Test("""
                class C
                {
                #if SOCKET_TEST
                    int x = {|CS0029:"text"|};
                #endif
                }
                """);
            test.PreprocessorSymbols.Add("SOCKET_TEST");
            await test.RunAsync();
        }
    }
}
