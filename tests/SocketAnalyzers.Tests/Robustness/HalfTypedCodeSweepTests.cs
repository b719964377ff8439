using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using SocketAnalyzers.Tests.Verifiers;
using Xunit;
using Xunit.Abstractions;

namespace SocketAnalyzers.Tests.Robustness
{
    /// <summary>
    /// No analyzer and no code fix of the package crashes on code someone is still typing. The CI slice: every sample
    /// cut before and after each statement and member, and each <c>;</c> and <c>}</c> deleted; the byte-order samples
    /// also cut at every twenty-fifth of their length from a quarter on (what that family's truncation test covered);
    /// analysed as a build does, every 40th mutant also per document and per span, and the fixes applied on every 20th
    /// mutant that keeps a finding. The whole sweep (every token, every mutation, the test suite's snippets too) is
    /// <see cref="Full_sweep_finds_no_crash"/>, run by hand: see tests/README.md.
    /// </summary>
    public sealed class HalfTypedCodeSweepTests
    {
        /// <summary>Set to <c>samples</c>, <c>snippets</c> or <c>all</c> to run the full sweep (<c>findings</c>: list what compiling mutants gain).</summary>
        public const string SweepVariable = "SOCKETANALYZERS_SWEEP";

        private readonly ITestOutputHelper output;

        public HalfTypedCodeSweepTests(ITestOutputHelper output)
        {
            this.output = output;
        }

        public static TheoryData<string> Samples
        {
            get
            {
                var data = new TheoryData<string>();
                foreach (var sample in SweepSources.Samples())
                {
                    data.Add(sample.Name);
                }

                return data;
            }
        }

        [Theory]
        [MemberData(nameof(Samples))]
        public async Task Sample_cut_at_statement_boundaries_or_missing_a_semicolon_or_brace_crashes_no_analyzer_or_fix(string sample)
        {
            var source = SweepSources.Samples().Single(s => s.Name == sample);
            var sweep = new MutationSweep(
                new MutationPlan
                {
                    CutAtStatementBoundaries = true,
                    // What the byte-order family's truncation test covered: its samples cut at characters.
                    CutAtCharacters = sample.StartsWith("samples/ByteOrder/", StringComparison.Ordinal),
                    DeletedTokenKinds = new[] { SyntaxKind.SemicolonToken, SyntaxKind.CloseBraceToken },
                },
                new SweepStages { PartialAnalysisEveryNth = 40, FixesEveryNth = 20 });

            var result = await sweep.RunAsync(source, CancellationToken.None);

            output.WriteLine(result.Summary());
            Assert.True(result.Mutants > 1, $"{sample} gave no mutants");
            Assert.True(result.Failures.Count == 0, result.Report());
        }

        [SweepFact]
        public async Task Full_sweep_finds_no_crash()
        {
            var which = Environment.GetEnvironmentVariable(SweepVariable)!.Trim().ToLowerInvariant();
            var outputFolder = Environment.GetEnvironmentVariable("SOCKETANALYZERS_SWEEP_OUT") is { Length: > 0 } folder
                ? folder
                : Repository.PathOf("artifacts/sweep");
            Directory.CreateDirectory(outputFolder);
            var logPath = Path.Combine(outputFolder, "sweep.log");
            using var log = new StreamWriter(logPath, append: false) { AutoFlush = true };
            void Log(string line) => log.WriteLine($"{DateTime.UtcNow:HH:mm:ss} {line}");

            var total = new SweepResult();
            if (which is "samples" or "all")
            {
                // Every token: cut after it, delete it, rename it; every argument list, every type.
                var sweep = new MutationSweep(
                    new MutationPlan { CutEveryNthToken = 1, CutAtStatementBoundaries = true, CutAtCharacters = true, DeleteEveryToken = true, ReplaceIdentifiers = true, EmptyArgumentLists = true, TypesToDynamic = true },
                    new SweepStages { PartialAnalysisEveryNth = 5, FixesEveryNth = 2 },
                    Log);
                foreach (var source in SweepSources.Samples())
                {
                    total.Add(await sweep.RunAsync(source, CancellationToken.None));
                }
            }

            if (which is "snippets" or "all")
            {
                // Hundreds of snippets: statement boundaries, every fifth token, the closers, every argument list and type.
                var sweep = new MutationSweep(
                    new MutationPlan { CutEveryNthToken = 5, CutAtStatementBoundaries = true, DeletedTokenKinds = MutationPlan.Closers, ReplaceIdentifiers = true, EmptyArgumentLists = true, TypesToDynamic = true },
                    new SweepStages { PartialAnalysisEveryNth = 11, FixesEveryNth = 5 },
                    Log);
                foreach (var source in SweepSources.TestSnippets())
                {
                    total.Add(await sweep.RunAsync(source, CancellationToken.None));
                }
            }

            if (which is "findings")
            {
                // Not a crash hunt: the mutants of the samples that still compile (a token deleted, a type made
                // dynamic), and the findings they gain, for a person to judge.
                var sweep = new MutationSweep(
                    new MutationPlan { DeleteEveryToken = true, TypesToDynamic = true },
                    new SweepStages { ListNewFindingsOnCompilingMutants = true },
                    Log);
                foreach (var source in SweepSources.Samples())
                {
                    total.Add(await sweep.RunAsync(source, CancellationToken.None));
                }
            }

            var report = total.Report();
            File.WriteAllText(Path.Combine(outputFolder, "sweep-report.txt"), report);
            foreach (var (failure, index) in total.Failures.GroupBy(f => f.Key).Select(g => g.OrderBy(f => f.MutantText.Length).First()).Select((f, i) => (f, i)))
            {
                File.WriteAllText(Path.Combine(outputFolder, $"failure{index}.cs"), $"// {failure.Source}, {failure.Mutation}\n// {failure.Stage}: {failure.Culprit}\n{failure.MutantText}");
            }

            Log(total.Summary());
            output.WriteLine(report);
            Assert.True(total.Failures.Count == 0, report);
        }
    }

    /// <summary>A fact that runs only when <see cref="HalfTypedCodeSweepTests.SweepVariable"/> is set (it takes many minutes).</summary>
    public sealed class SweepFactAttribute : FactAttribute
    {
        public SweepFactAttribute()
        {
            if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(HalfTypedCodeSweepTests.SweepVariable)))
            {
                Skip = $"The full half-typed code sweep runs by hand: set {HalfTypedCodeSweepTests.SweepVariable}=samples, snippets or all (tests/README.md).";
            }
        }
    }
}
