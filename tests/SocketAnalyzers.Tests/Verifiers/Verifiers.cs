using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace SocketAnalyzers.Tests.Verifiers
{
    /// <summary>
    /// Verifier for one analyzer, in the shape of Microsoft.CodeAnalysis.Testing's <c>CSharpAnalyzerVerifier</c>,
    /// over <see cref="SocketAnalyzerTest"/>. Every analyzer of the package runs; <typeparamref name="TAnalyzer"/> only
    /// decides what <c>[|…|]</c> and <see cref="Diagnostic()"/> stand for (its single rule).
    /// </summary>
    public static class AnalyzerVerifier<TAnalyzer>
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        /// <summary>A diagnostic of the analyzer's single rule: ID, location and severity (the rule's default unless
        /// <c>WithSeverity</c>) compared; message and arguments only when given.</summary>
        public static DiagnosticResult Diagnostic()
            => SocketAnalyzerTest.Expect(DefaultId ?? throw new InvalidOperationException($"{typeof(TAnalyzer).Name} reports several rules; name one."));

        /// <summary>A diagnostic of <paramref name="id"/>: ID, location and severity (the rule's default unless
        /// <c>WithSeverity</c>) compared; message and arguments only when given.</summary>
        public static DiagnosticResult Diagnostic(string id) => SocketAnalyzerTest.Expect(id);

        public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected)
        {
            var test = new SocketAnalyzerTest { TestCode = source, DefaultDiagnosticId = DefaultId };
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync();
        }

        internal static string? DefaultId
        {
            get
            {
                var ids = new TAnalyzer().SupportedDiagnostics.Select(d => d.Id).Distinct().ToList();
                return ids.Count == 1 ? ids[0] : null;
            }
        }
    }

    /// <summary>Verifier for an analyzer and its code fix, in the shape of <c>CSharpCodeFixVerifier</c>.</summary>
    public static class CodeFixVerifier<TAnalyzer, TCodeFix>
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
    {
        public static DiagnosticResult Diagnostic() => AnalyzerVerifier<TAnalyzer>.Diagnostic();

        public static DiagnosticResult Diagnostic(string id) => SocketAnalyzerTest.Expect(id);

        public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected)
            => AnalyzerVerifier<TAnalyzer>.VerifyAnalyzerAsync(source, expected);

        public static Task VerifyCodeFixAsync(string source, string fixedSource, params DiagnosticResult[] expected)
        {
            var test = Test(source, fixedSource);
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync();
        }

        /// <summary>A test preset for this analyzer and fix, for the cases that need more settings.</summary>
        public static SocketAnalyzerTest Test(string source, string fixedSource)
            => new() { TestCode = source, FixedCode = fixedSource, CodeFix = new TCodeFix(), DefaultDiagnosticId = AnalyzerVerifier<TAnalyzer>.DefaultId };
    }
}
