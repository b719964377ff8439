using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SocketAnalyzers.Tests.Verifiers;
using Xunit;

namespace SocketAnalyzers.Tests.Reads
{
    /// <summary>Every sample under samples/Reads compiles against net8.0 and fires exactly what its <c>// expect:</c> comments mark.</summary>
    public sealed class ReadSamplesTests
    {
        public static IEnumerable<object[]> Samples()
            => Directory.GetFiles(Path.Combine(RepositoryRoot(), "samples", "Reads"), "*.cs")
                .OrderBy(f => f, StringComparer.Ordinal)
                .Select(f => new object[] { Path.GetFileName(f) });

        [Theory]
        [MemberData(nameof(Samples))]
        public async Task Sample_fires_exactly_what_it_marks(string file)
        {
            var path = Path.Combine(RepositoryRoot(), "samples", "Reads", file);
            var text = File.ReadAllText(path).Replace("\r\n", "\n");
            var tree = CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Latest), path);
            var compilation = CSharpCompilation.Create(
                "Sample",
                new[] { tree },
                ReferenceSet.Net80.Resolve(),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors.Select(Verifiers.DiagnosticFormatter.Describe)));

            var diagnostics = await compilation.WithAnalyzers(AllAnalyzers.Analyzers).GetAnalyzerDiagnosticsAsync();
            Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
            var actual = diagnostics
                .Select(d => $"{d.Location.GetLineSpan().StartLinePosition.Line + 1}: {d.Id}")
                .OrderBy(s => s, StringComparer.Ordinal)
                .ToList();

            var expected = new List<string>();
            var lines = text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var match = Regex.Match(lines[i], @"// expect: (?<ids>SOCK\d{3}(\s*,\s*SOCK\d{3})*)\s*$");
                if (match.Success)
                {
                    expected.AddRange(match.Groups["ids"].Value.Split(',').Select(id => $"{i + 1}: {id.Trim()}"));
                }
            }

            expected.Sort(StringComparer.Ordinal);
            Assert.True(expected.Count > 0, "A sample shows at least one diagnostic.");
            Assert.Equal(string.Join("\n", expected), string.Join("\n", actual));
        }

        private static string RepositoryRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "SocketAnalyzers.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("SocketAnalyzers.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
