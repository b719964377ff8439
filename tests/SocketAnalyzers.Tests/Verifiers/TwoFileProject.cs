using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace SocketAnalyzers.Tests.Verifiers
{
    /// <summary>
    /// A project of a network file and another file, for the tests that a finding survives per-document and span
    /// analysis (an IDE's and the scanner's): the project must compile, and the analyzers run on one thread.
    /// </summary>
    internal static class TwoFileProject
    {
        public static CompilationWithAnalyzers Create(string name, string otherCode, SyntaxTree network, ImmutableArray<DiagnosticAnalyzer> analyzers)
        {
            var compilation = CSharpCompilation.Create(
                name,
                new[] { CSharpSyntaxTree.ParseText(otherCode, path: "Other.cs"), network },
                ReferenceSet.Net80.Resolve(),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            return compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
        }

        /// <summary>"SOCK020@12": each finding's rule and line, sorted, to compare two analyses.</summary>
        public static string[] Describe(ImmutableArray<Diagnostic> diagnostics)
            => diagnostics.Select(d => d.Id + "@" + d.Location.GetLineSpan().StartLinePosition.Line).OrderBy(s => s, System.StringComparer.Ordinal).ToArray();
    }
}
