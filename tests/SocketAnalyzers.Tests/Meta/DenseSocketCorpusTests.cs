using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using SocketAnalyzers.AnalyzerCost.Workloads;
using SocketAnalyzers.Tests.Verifiers;
using Xunit;

namespace SocketAnalyzers.Tests.Meta
{
    /// <summary>
    /// The socket-dense workload of the analyzer-cost harness (bench/SocketAnalyzers.AnalyzerCost, linked source) is
    /// correct code: its budget is measured on the premise that no rule fires on it, so a finding there is a false
    /// positive of a rule or a broken generator. One round of every template (small, fast) against .NET 8.
    /// </summary>
    public sealed class DenseSocketCorpusTests
    {
        [Fact]
        public async Task Generated_socket_dense_corpus_compiles_and_no_rule_fires_on_it()
        {
            var files = DenseSocketCorpus.Generate(targetLines: 1);
            Assert.Equal(DenseSocketCorpus.FilesPerRound, files.Count);

            var test = new SocketAnalyzerTest();
            var project = test.CreateProject(files.Select(f => f.Value).ToImmutableArray());
            var compilation = (await project.GetCompilationAsync())!;
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, "The generated corpus does not compile:\n" + string.Join("\n", errors));

            // Throws on AD0001.
            var diagnostics = await SocketAnalyzerTest.GetAnalyzerDiagnosticsAsync(project, CancellationToken.None);
            Assert.True(
                diagnostics.IsEmpty,
                "The socket-dense corpus is correct code, yet the analyzers report:\n" + string.Join("\n", diagnostics));
        }

        [Fact]
        public void Generated_socket_dense_corpus_is_deterministic_and_reaches_its_size()
        {
            var first = DenseSocketCorpus.Generate(targetLines: 3000);
            var second = DenseSocketCorpus.Generate(targetLines: 3000);
            Assert.Equal(first, second);
            Assert.True(first.Sum(f => DenseSocketCorpus.CountLines(f.Value)) >= 3000);
        }
    }
}
