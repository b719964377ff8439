using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using SocketAnalyzers.Tests.Verifiers;
using Xunit;

namespace SocketAnalyzers.Tests.Meta
{
    /// <summary>
    /// Every host sees every finding. <c>dotnet build</c> analyzes the whole compilation; an IDE analyzes one document
    /// (and, for a light bulb or a visible range, one span of it); the scanner's default mode analyzes one tree at a
    /// time. A rule that reports away from the operation it analyzes, or at the end of a type, must still be seen in
    /// each. The samples (every rule fires there) are compiled as one project beside a file without sockets.
    /// </summary>
    public sealed class PerDocumentAnalysisTests
    {
        /// <summary>
        /// The exception, by rule and sample: findings whose evidence spans classes (issue 9, bytes across methods) are
        /// made at the end of the compilation, which document and span analysis never run. An IDE shows them only with
        /// full-solution analysis or after a build; <c>docs/rules/SOCK020.md</c> and <c>docs/rules/SOCK021.md</c> say so
        /// ("Which findings need a full build"). Each one must come from a compilation-end action, and nothing else may
        /// be missing per document.
        /// </summary>
        private static readonly string[] CompilationEndOnly =
        {
            "SOCK020 samples/ByteOrder/PacketBuilderSender.cs(",
            "SOCK020 samples/ByteOrder/SerializeReturningBytes.cs(",
            "SOCK021 samples/ByteOrder/PacketReaderOverField.cs(",
            "SOCK020 samples/ByteOrder/TutorialPacket.cs(",
            "SOCK021 samples/ByteOrder/TutorialPacket.cs(",
        };

        [Fact]
        public async Task Per_document_analysis_finds_exactly_what_whole_compilation_analysis_finds_but_compilation_end_findings()
        {
            var (compilation, withAnalyzers) = await SamplesProjectAsync();
            var all = Keys(await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None));
            var atEnd = Keys((await withAnalyzers.GetAnalysisResultAsync(CancellationToken.None)).CompilationDiagnostics.Values.SelectMany(d => d).ToImmutableArray());
            var whole = all.Where(key => !IsCompilationEndOnly(key)).ToList();
            Assert.All(all.Where(IsCompilationEndOnly), key => Assert.Contains(key, atEnd));
            Assert.All(atEnd, key => Assert.True(IsCompilationEndOnly(key), key + " is made at the end of the compilation but not listed in CompilationEndOnly"));
            Assert.Equal(CompilationEndOnly.Length, CompilationEndOnly.Count(prefix => atEnd.Any(key => key.StartsWith(prefix, StringComparison.Ordinal))));

            var perDocument = new List<string>();
            foreach (var tree in compilation.SyntaxTrees)
            {
                perDocument.AddRange(Keys(await withAnalyzers.GetAnalyzerSyntaxDiagnosticsAsync(tree, CancellationToken.None)));
                perDocument.AddRange(Keys(await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), null, CancellationToken.None)));
            }

            perDocument.Sort(StringComparer.Ordinal);
            Assert.NotEmpty(whole);
            Assert.Equal(whole, perDocument);
            foreach (var id in AllAnalyzers.Descriptors.Select(d => d.Id).Distinct())
            {
                Assert.Contains(whole, key => key.StartsWith(id + " ", StringComparison.Ordinal));
            }
        }

        [Fact]
        public async Task Span_analysis_of_the_member_that_holds_a_finding_reports_it_but_compilation_end_findings()
        {
            var (compilation, withAnalyzers) = await SamplesProjectAsync();
            var whole = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            var missing = new List<string>();
            foreach (var diagnostic in whole)
            {
                if (IsCompilationEndOnly(Key(diagnostic)))
                {
                    continue;
                }

                var tree = diagnostic.Location.SourceTree!;
                var node = (await tree.GetRootAsync()).FindNode(diagnostic.Location.SourceSpan);
                var member = node.AncestorsAndSelf().OfType<MemberDeclarationSyntax>().First(m => m is not BaseTypeDeclarationSyntax and not BaseNamespaceDeclarationSyntax);
                var inSpan = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), member.FullSpan, CancellationToken.None);
                if (!inSpan.Any(d => d.Id == diagnostic.Id && d.Location.SourceSpan == diagnostic.Location.SourceSpan))
                {
                    missing.Add(Key(diagnostic));
                }
            }

            Assert.True(missing.Count == 0, "Not reported by span analysis of their member:\n" + string.Join("\n", missing));
        }

        private static async Task<(Compilation Compilation, CompilationWithAnalyzers WithAnalyzers)> SamplesProjectAsync()
        {
            var trees = new List<SyntaxTree>();
            foreach (var file in Repository.CSharpFiles("samples"))
            {
                var text = File.ReadAllText(file);
                var tree = CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Latest), path: Repository.Relative(file));
                if (tree.GetRoot().DescendantNodes().OfType<GlobalStatementSyntax>().Any())
                {
                    // Top-level statements: one per program, as the package test also keeps them apart.
                    continue;
                }

                trees.Add(tree);
            }

            trees.Add(CSharpSyntaxTree.ParseText(
                "namespace Text { public static class Words { public static int Count(string s) { var n = 0; foreach (var w in s.Split(' ')) { if (w.Length > 0) { n++; } } return n; } } }",
                new CSharpParseOptions(LanguageVersion.Latest),
                path: "Text/Words.cs"));
            var compilation = CSharpCompilation.Create(
                "Samples",
                trees,
                ReferenceSet.Net80.Resolve(),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors));
            var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: true, logAnalyzerExecutionTime: false);
            return (compilation, compilation.WithAnalyzers(AllAnalyzers.Analyzers, options));
        }

        private static bool IsCompilationEndOnly(string key) => CompilationEndOnly.Any(prefix => key.StartsWith(prefix, StringComparison.Ordinal));

        private static List<string> Keys(ImmutableArray<Diagnostic> diagnostics)
        {
            var keys = diagnostics.Where(d => d.Id.StartsWith("SOCK", StringComparison.Ordinal) || d.Id.StartsWith("AD", StringComparison.Ordinal)).Select(Key).ToList();
            keys.Sort(StringComparer.Ordinal);
            return keys;
        }

        private static string Key(Diagnostic diagnostic)
        {
            var span = diagnostic.Location.GetLineSpan();
            return $"{diagnostic.Id} {span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1})";
        }
    }
}
