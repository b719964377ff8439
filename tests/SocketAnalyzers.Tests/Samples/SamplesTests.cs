using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SocketAnalyzers.Tests.Verifiers;
using DiagnosticFormatter = SocketAnalyzers.Tests.Verifiers.DiagnosticFormatter;
using Xunit;

namespace SocketAnalyzers.Tests.Samples
{
    /// <summary>
    /// Every <c>samples/**/*.cs</c> compiles against net8.0 with every analyzer of the package, and the diagnostics
    /// start exactly on the lines that end with <c>// expect: SOCK0nn[, SOCK0mm]</c>: no more, no fewer.
    /// </summary>
    public sealed class SamplesTests
    {
        private static readonly Regex ExpectComment = new(@"//\s*expect:\s*(?<ids>[^/]*?)\s*$", RegexOptions.Compiled);

        private static readonly Regex AnyExpectMention = new(@"//\s*expect\b", RegexOptions.Compiled | RegexOptions.IgnoreCase);

        public static TheoryData<string> Samples
        {
            get
            {
                var data = new TheoryData<string>();
                foreach (var file in Repository.CSharpFiles("samples"))
                {
                    data.Add(Repository.Relative(file));
                }

                return data;
            }
        }

        [Fact]
        public void Samples_exist()
        {
            Assert.NotEmpty(Repository.CSharpFiles("samples"));
        }

        [Theory]
        [MemberData(nameof(Samples))]
        public async Task Sample_compiles_and_fires_exactly_what_it_marks(string path)
        {
            var text = File.ReadAllText(Repository.PathOf(path)).Replace("\r\n", "\n", StringComparison.Ordinal);
            var expected = ExpectedDiagnostics(path, text);

            var test = new SocketAnalyzerTest
            {
                References = ReferenceSet.Net80,
                OutputKind = HasTopLevelStatements(text) ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
            };
            var project = test.CreateProject(ImmutableArray.Create(text));
            var compilation = (await project.GetCompilationAsync())!;
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
            Assert.True(errors.IsEmpty, $"{path} does not compile against net8.0:\n" + DiagnosticFormatter.Report(errors, ImmutableArray.Create(text), "/0/Test"));

            var diagnostics = await SocketAnalyzerTest.GetAnalyzerDiagnosticsAsync(project, test.Analyzers, CancellationToken.None);
            var actual = diagnostics.Select(d => (Line: d.Location.GetLineSpan().StartLinePosition.Line + 1, d.Id)).ToList();

            var missing = Subtract(expected, actual);
            var unexpected = Subtract(actual, expected);
            if (missing.Count > 0 || unexpected.Count > 0)
            {
                var message = new StringBuilder($"{path} does not fire what its '// expect:' comments say.\n");
                foreach (var (line, id) in missing)
                {
                    message.AppendLine($"Missing: {id} on line {line}: {text.Split('\n')[line - 1].Trim()}");
                }

                foreach (var (line, id) in unexpected)
                {
                    message.AppendLine($"Unexpected: {id} on line {line}: {text.Split('\n')[line - 1].Trim()}  (end the line with '// expect: {id}' if it is meant)");
                }

                message.AppendLine().Append(DiagnosticFormatter.Report(diagnostics, ImmutableArray.Create(text), "/0/Test"));
                Assert.Fail(message.ToString());
            }
        }

        [Theory]
        [MemberData(nameof(Meta.Catalogue.RuleIds), MemberType = typeof(Meta.Catalogue))]
        public void Every_rule_has_a_sample_that_fires_it(string id)
        {
            // The house rule: each rule has a small realistic program under samples/ that shows it firing.
            var samples = Repository.CSharpFiles("samples")
                .Where(f => ExpectedDiagnostics(Repository.Relative(f), File.ReadAllText(f)).Any(e => e.Id == id))
                .ToList();

            Assert.True(samples.Count > 0, $"No sample under samples/ has a line marked '// expect: {id}'.");
        }

        [Fact]
        public void Expect_comments_are_read_per_line_and_id()
        {
            var text = "a(); // expect: SOCK010\nb();\nc(); // expect: SOCK001, SOCK004\nd(); //expect:SOCK010,SOCK010\n";

            Assert.Equal(
                new[] { (1, "SOCK010"), (3, "SOCK001"), (3, "SOCK004"), (4, "SOCK010"), (4, "SOCK010") },
                ExpectedDiagnostics("x.cs", text));
        }

        [Theory]
        [InlineData("a(); // expect SOCK010")]
        [InlineData("a(); // Expect: SOCK010")]
        [InlineData("a(); // expect: SOCK10")]
        [InlineData("a(); // expect: SOCK999")]
        [InlineData("a(); // expect:")]
        public void Malformed_expect_comment_is_an_error(string line)
        {
            Assert.ThrowsAny<Exception>(() => ExpectedDiagnostics("x.cs", line));
        }

        /// <summary>The (1-based line, ID) pairs the sample's <c>// expect:</c> comments promise.</summary>
        internal static List<(int Line, string Id)> ExpectedDiagnostics(string path, string text)
        {
            var result = new List<(int, string)>();
            var lines = text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (!AnyExpectMention.IsMatch(lines[i]))
                {
                    continue;
                }

                var match = ExpectComment.Match(lines[i]);
                Assert.True(match.Success, $"{path}({i + 1}): write the comment as '// expect: SOCK0nn' (IDs separated by commas): {lines[i].Trim()}");
                var ids = match.Groups["ids"].Value.Split(',').Select(id => id.Trim()).ToList();
                foreach (var id in ids)
                {
                    Assert.True(AllAnalyzers.Find(id) is not null, $"{path}({i + 1}): '{id}' is not a rule of the catalogue: {lines[i].Trim()}");
                    result.Add((i + 1, id));
                }
            }

            return result;
        }

        private static bool HasTopLevelStatements(string text)
            => CSharpSyntaxTree.ParseText(text).GetRoot().ChildNodes().OfType<GlobalStatementSyntax>().Any();

        /// <summary>The multiset difference <paramref name="from"/> minus <paramref name="remove"/>.</summary>
        private static List<(int Line, string Id)> Subtract(IEnumerable<(int Line, string Id)> from, IEnumerable<(int Line, string Id)> remove)
        {
            var left = from.ToList();
            foreach (var item in remove)
            {
                left.Remove(item);
            }

            return left.OrderBy(x => x.Line).ThenBy(x => x.Id, StringComparer.Ordinal).ToList();
        }
    }
}
