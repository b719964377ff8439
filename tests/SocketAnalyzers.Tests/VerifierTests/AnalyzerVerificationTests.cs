using System;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using SocketAnalyzers.Tests.Verifiers;
using Xunit;

namespace SocketAnalyzers.Tests.VerifierTests
{
    /// <summary>
    /// The verifier compares diagnostics the way Microsoft.CodeAnalysis.Testing does: what is missing or unexpected
    /// fails, with the actual diagnostics ready to paste. These tests run the real SOCK010 and test-only analyzers.
    /// </summary>
    public sealed class AnalyzerVerificationTests
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

        private static SocketAnalyzerTest Test(string source) => new() { TestCode = source };

        [Fact]
        public async Task Expected_diagnostic_in_markup_passes()
        {
            await Test(DiscardedReceive.Replace("socket.Receive(buffer);", "{|SOCK010:socket.Receive(buffer)|};", StringComparison.Ordinal)).RunAsync();
        }

        [Fact]
        public async Task Square_markup_stands_for_the_default_diagnostic_id()
        {
            var test = Test(DiscardedReceive.Replace("socket.Receive(buffer);", "[|socket.Receive(buffer)|];", StringComparison.Ordinal));
            test.DefaultDiagnosticId = "SOCK010";

            await test.RunAsync();
        }

        [Fact]
        public async Task Square_markup_without_a_default_id_is_a_test_error()
        {
            var test = Test(DiscardedReceive.Replace("socket.Receive(buffer);", "[|socket.Receive(buffer)|];", StringComparison.Ordinal));

            var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => test.RunAsync());
            Assert.Contains("DefaultDiagnosticId", exception.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Unexpected_diagnostic_fails_and_shows_it_ready_to_paste_and_underlined()
        {
            var exception = await Assert.ThrowsAsync<VerifierException>(() => Test(DiscardedReceive).RunAsync());

            Assert.Contains("Unexpected: /0/Test0.cs(7,9): warning SOCK010: ", exception.Message, StringComparison.Ordinal);
            Assert.Contains("Actual diagnostics (1), ready to paste:", exception.Message, StringComparison.Ordinal);
            Assert.Contains("Diagnostic(\"SOCK010\").WithSpan(7, 9, 7, 31),", exception.Message, StringComparison.Ordinal);
            Assert.Contains("{|SOCK010:socket.Receive(buffer)|};", exception.Message, StringComparison.Ordinal);
            Assert.Contains("   7|         socket.Receive(buffer);\n    |         ^^^^^^^^^^^^^^^^^^^^^^ SOCK010: ", exception.Message.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        }

        [Fact]
        public async Task Missing_diagnostic_fails_and_names_what_was_expected()
        {
            var source = """
                using System.Net.Sockets;

                class C
                {
                    int M(Socket socket, byte[] buffer)
                    {
                        var n = {|SOCK010:socket.Receive(buffer)|};
                        return n;
                    }
                }
                """;

            var exception = await Assert.ThrowsAsync<VerifierException>(() => Test(source).RunAsync());

            Assert.Contains("Missing: SOCK010 in /0/Test0.cs 'socket.Receive(buffer)'", exception.Message, StringComparison.Ordinal);
            Assert.Contains("Actual diagnostics (0)", exception.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Diagnostic_at_another_span_is_both_missing_and_unexpected()
        {
            var source = DiscardedReceive.Replace("socket.Receive(buffer);", "{|SOCK010:socket.Receive(buffer);|}", StringComparison.Ordinal);

            var exception = await Assert.ThrowsAsync<VerifierException>(() => Test(source).RunAsync());

            Assert.Contains("Missing: SOCK010", exception.Message, StringComparison.Ordinal);
            Assert.Contains("Unexpected: /0/Test0.cs(7,9): warning SOCK010", exception.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Diagnostic_with_another_id_at_the_right_span_fails()
        {
            var source = DiscardedReceive.Replace("socket.Receive(buffer);", "{|SOCK012:socket.Receive(buffer)|};", StringComparison.Ordinal);

            var exception = await Assert.ThrowsAsync<VerifierException>(() => Test(source).RunAsync());

            Assert.Contains("Missing: SOCK012", exception.Message, StringComparison.Ordinal);
            Assert.Contains("Unexpected: /0/Test0.cs(7,9): warning SOCK010", exception.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Location_marker_places_an_expected_diagnostic()
        {
            var test = Test(DiscardedReceive.Replace("socket.Receive(buffer);", "{|#0:socket.Receive(buffer)|};", StringComparison.Ordinal));
            test.ExpectedDiagnostics.Add(new DiagnosticResult("SOCK010").WithLocation(0));

            await test.RunAsync();
        }

        [Fact]
        public async Task Location_marker_alone_expects_nothing()
        {
            var test = Test(DiscardedReceive.Replace("socket.Receive(buffer);", "{|#0:socket.Receive(buffer)|};", StringComparison.Ordinal));

            var exception = await Assert.ThrowsAsync<VerifierException>(() => test.RunAsync());
            Assert.Contains("Unexpected: /0/Test0.cs(7,9): warning SOCK010", exception.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Expected_diagnostic_at_a_location_marker_that_does_not_exist_is_a_test_error()
        {
            var test = Test(DiscardedReceive.Replace("socket.Receive(buffer);", "{|#0:socket.Receive(buffer)|};", StringComparison.Ordinal));
            test.ExpectedDiagnostics.Add(new DiagnosticResult("SOCK010").WithLocation(1));

            var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => test.RunAsync());
            Assert.Contains("{|#1:…|} appears 0 times", exception.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Line_span_places_an_expected_diagnostic()
        {
            var test = Test(DiscardedReceive);
            test.ExpectedDiagnostics.Add(new DiagnosticResult("SOCK010").WithSpan(7, 9, 7, 31));

            await test.RunAsync();
        }

        [Fact]
        public async Task Line_span_one_column_off_fails()
        {
            var test = Test(DiscardedReceive);
            test.ExpectedDiagnostics.Add(new DiagnosticResult("SOCK010").WithSpan(7, 10, 7, 31));

            await Assert.ThrowsAsync<VerifierException>(() => test.RunAsync());
        }

        [Fact]
        public async Task Message_arguments_are_formatted_with_the_catalogue_descriptor()
        {
            // The argument is not what SOCK010 reports, so the expectation must fail, naming the message it formatted.
            var test = Test(DiscardedReceive);
            test.ExpectedDiagnostics.Add(new DiagnosticResult("SOCK010").WithSpan(7, 9, 7, 31).WithArguments("NotARead"));
            var formatted = string.Format(System.Globalization.CultureInfo.InvariantCulture, Descriptors.SOCK010DiscardedReadCount.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture), "NotARead");

            var exception = await Assert.ThrowsAsync<VerifierException>(() => test.RunAsync());
            Assert.Contains($"with message \"{formatted}\"", exception.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Exact_message_is_compared()
        {
            var good = Test("class C { int x = 42; }");
            good.AdditionalAnalyzers.Add(new NonZeroLiteralAnalyzer());
            good.ExpectedDiagnostics.Add(new DiagnosticResult("TEST001").WithSpan(1, 19, 1, 21).WithMessage("The literal 42 is not zero"));
            await good.RunAsync();

            var bad = Test("class C { int x = 42; }");
            bad.AdditionalAnalyzers.Add(new NonZeroLiteralAnalyzer());
            bad.ExpectedDiagnostics.Add(new DiagnosticResult("TEST001").WithSpan(1, 19, 1, 21).WithMessage("Another message"));
            var exception = await Assert.ThrowsAsync<VerifierException>(() => bad.RunAsync());
            Assert.Contains("Missing: TEST001 in /0/Test0.cs at (1, 19, 1, 21) with message \"Another message\"", exception.Message, StringComparison.Ordinal);
            Assert.Contains("Unexpected: /0/Test0.cs(1,19): warning TEST001: The literal 42 is not zero", exception.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Severity_is_compared_when_given()
        {
            var test = Test(DiscardedReceive);
            test.ExpectedDiagnostics.Add(new DiagnosticResult("SOCK010").WithSpan(7, 9, 7, 31).WithSeverity(DiagnosticSeverity.Error));

            await Assert.ThrowsAsync<VerifierException>(() => test.RunAsync());
        }

        [Fact]
        public async Task EditorConfig_severity_reaches_the_analyzers()
        {
            var asError = Test(DiscardedReceive);
            asError.EditorConfig = "root = true\n[*.cs]\ndotnet_diagnostic.SOCK010.severity = error";
            asError.ExpectedDiagnostics.Add(new DiagnosticResult("SOCK010").WithSpan(7, 9, 7, 31).WithSeverity(DiagnosticSeverity.Error));
            await asError.RunAsync();

            var off = Test(DiscardedReceive);
            off.EditorConfig = "root = true\n[*.cs]\ndotnet_diagnostic.SOCK010.severity = none";
            await off.RunAsync();
        }

        [Fact]
        public async Task Pragma_suppressed_diagnostic_is_not_reported()
        {
            await Test(DiscardedReceive.Replace("socket.Receive(buffer);", "#pragma warning disable SOCK010\n        socket.Receive(buffer);\n#pragma warning restore SOCK010", StringComparison.Ordinal)).RunAsync();
        }

        [Fact]
        public async Task Diagnostic_in_a_second_document_is_expected_there()
        {
            var test = new SocketAnalyzerTest();
            test.Sources.Add("class Empty { }");
            test.Sources.Add(DiscardedReceive.Replace("socket.Receive(buffer);", "{|SOCK010:socket.Receive(buffer)|};", StringComparison.Ordinal));
            await test.RunAsync();

            var wrongDocument = new SocketAnalyzerTest();
            wrongDocument.Sources.Add("class Empty { }");
            wrongDocument.Sources.Add(DiscardedReceive);
            wrongDocument.ExpectedDiagnostics.Add(new DiagnosticResult("SOCK010").WithSpan(7, 9, 7, 31));
            var exception = await Assert.ThrowsAsync<VerifierException>(() => wrongDocument.RunAsync());
            Assert.Contains("Unexpected: /0/Test1.cs(7,9)", exception.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Code_that_does_not_compile_fails()
        {
            var exception = await Assert.ThrowsAsync<VerifierException>(() => Test("class C { int x = \"text\"; }").RunAsync());

            Assert.Contains("Unexpected: /0/Test0.cs(1,19): error CS0029", exception.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Code_that_does_not_compile_passes_when_compiler_errors_are_allowed()
        {
            var test = Test("class C { int x = \"text\"; void M(System.Net.Sockets.Socket s, byte[] b) { {|SOCK010:s.Receive(b)|}; } }");
            test.AllowCompilerErrors = true;

            await test.RunAsync();
        }

        [Fact]
        public async Task Compiler_errors_can_be_expected_like_diagnostics()
        {
            await Test("class C { int x = {|CS0029:\"text\"|}; }").RunAsync();
        }

        [Fact]
        public async Task Compiler_warnings_are_not_compared()
        {
            await Test("class C { void M() { int unused; } }").RunAsync();
        }

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

            var netStandard = Test(Source);
            netStandard.References = ReferenceSet.NetStandard20;
            var exception = await Assert.ThrowsAsync<VerifierException>(() => netStandard.RunAsync());
            Assert.Contains("error CS1061", exception.Message, StringComparison.Ordinal);
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

            await Test("""
                class C
                {
                #if SOCKET_TEST
                    int x = "text";
                #endif
                }
                """).RunAsync();
        }

        [Fact]
        public async Task Same_diagnostic_reported_twice_at_one_location_fails()
        {
            var test = Test("{|TEST002:class C { }|}");
            test.AdditionalAnalyzers.Add(new DuplicateReportAnalyzer());
            test.ExpectedDiagnostics.Add(new DiagnosticResult("TEST002").WithSpan(1, 1, 1, 12));

            var exception = await Assert.ThrowsAsync<VerifierException>(() => test.RunAsync());
            Assert.Contains("TEST002 is reported 2 times at the same location", exception.Message, StringComparison.Ordinal);
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
        public async Task Rule_that_is_off_by_default_is_enabled_in_tests()
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
        public async Task Message_arguments_of_an_additional_analyzer_are_compared()
        {
            var test = Test("class C { int x = 42; }");
            test.AdditionalAnalyzers.Add(new NonZeroLiteralAnalyzer());
            test.ExpectedDiagnostics.Add(new DiagnosticResult("TEST001").WithSpan(1, 19, 1, 21).WithArguments(42));
            await test.RunAsync();

            var wrong = Test("class C { int x = 42; }");
            wrong.AdditionalAnalyzers.Add(new NonZeroLiteralAnalyzer());
            wrong.ExpectedDiagnostics.Add(new DiagnosticResult("TEST001").WithSpan(1, 19, 1, 21).WithArguments(43));
            var exception = await Assert.ThrowsAsync<VerifierException>(() => wrong.RunAsync());
            Assert.Contains("with message \"The literal 43 is not zero\"", exception.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Message_arguments_for_an_id_no_analyzer_reports_are_a_test_error()
        {
            var test = Test("class C { }");
            test.ExpectedDiagnostics.Add(new DiagnosticResult("XYZ123").WithArguments("a"));

            await Assert.ThrowsAsync<InvalidOperationException>(() => test.RunAsync());
        }

        [Theory]
        [InlineData(ThrowWhere.CompilationStart)]
        [InlineData(ThrowWhere.SyntaxNode)]
        [InlineData(ThrowWhere.Operation)]
        [InlineData(ThrowWhere.CompilationEnd)]
        public async Task Analyzer_exception_fails_the_test(ThrowWhere where)
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

        [Fact]
        public async Task Fixed_code_without_a_code_fix_is_a_test_error()
        {
            var test = Test("class C { }");
            test.FixedCode = "class C { }";

            await Assert.ThrowsAsync<InvalidOperationException>(() => test.RunAsync());
        }
    }
}
