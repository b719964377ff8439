using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SocketAnalyzers.Tests.Verifiers;

namespace SocketAnalyzers.Tests.Robustness
{
    /// <summary>How much of the IDE's work the sweep does on each mutant besides analysing the whole compilation.</summary>
    internal sealed class SweepStages
    {
        /// <summary>Per-document (syntax and semantic) and span-based analysis on every Nth mutant (0: never).</summary>
        public int PartialAnalysisEveryNth { get; init; }

        /// <summary>
        /// On every mutant that still compiles without error, list the findings the source as written does not have
        /// (same rule on the same code): candidates for a false positive, for a person to judge. Not failures.
        /// </summary>
        public bool ListNewFindingsOnCompilingMutants { get; init; }

        /// <summary>Compute and apply the code fixes (each action, and Fix All in document scope) on every Nth mutant that has a finding (0: never).</summary>
        public int FixesEveryNth { get; init; }
    }

    /// <summary>What a sweep found wrong: a crash (or a fix that breaks code that compiled), with the mutant that shows it.</summary>
    internal sealed record SweepFailure(string Source, string Mutation, string Stage, string Culprit, string Detail, string MutantText)
    {
        /// <summary>Failures with the same key are the same bug: the stage, who failed, the exception and where it was thrown.</summary>
        public string Key => $"{Stage} | {Culprit} | {FirstLine(Detail)} | {ThrowSite(Detail)}";

        private static string FirstLine(string detail)
        {
            var end = detail.IndexOf('\n', StringComparison.Ordinal);
            var line = end < 0 ? detail : detail.Substring(0, end);
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? line.Trim() : line.Substring(0, colon).Trim();
        }

        private static string ThrowSite(string detail)
            => detail.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("at SocketAnalyzers.", StringComparison.Ordinal))
               ?? detail.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("at ", StringComparison.Ordinal))
               ?? string.Empty;
    }

    /// <summary>Counts of one sweep, and what failed.</summary>
    internal sealed class SweepResult
    {
        public int Sources { get; set; }

        public int Mutants { get; set; }

        public int MutantsWithFindings { get; set; }

        public int PartialAnalyses { get; set; }

        public int FixedMutants { get; set; }

        public int FixActions { get; set; }

        public int FixAlls { get; set; }

        public TimeSpan Elapsed { get; set; }

        public List<SweepFailure> Failures { get; } = new();

        /// <summary>Findings on compiling mutants that the source as written does not have (see <see cref="SweepStages.ListNewFindingsOnCompilingMutants"/>).</summary>
        public List<string> NewFindings { get; } = new();

        public int CompilingMutants { get; set; }

        public void Add(SweepResult other)
        {
            Sources += other.Sources;
            Mutants += other.Mutants;
            MutantsWithFindings += other.MutantsWithFindings;
            CompilingMutants += other.CompilingMutants;
            NewFindings.AddRange(other.NewFindings);
            PartialAnalyses += other.PartialAnalyses;
            FixedMutants += other.FixedMutants;
            FixActions += other.FixActions;
            FixAlls += other.FixAlls;
            Elapsed += other.Elapsed;
            Failures.AddRange(other.Failures);
        }

        public string Summary()
            => $"{Sources} sources, {Mutants} mutants ({MutantsWithFindings} with a finding), {PartialAnalyses} per-document and span analyses, "
               + $"fixes on {FixedMutants} mutants ({FixActions} code actions applied, {FixAlls} Fix All in document scope), "
               + $"{Failures.Count} failures ({Failures.Select(f => f.Key).Distinct().Count()} distinct), {Elapsed.TotalSeconds:F1} s";

        /// <summary>Each distinct failure once, with how often it happened and its smallest mutant.</summary>
        public string Report()
        {
            var builder = new StringBuilder(Summary()).AppendLine();
            if (NewFindings.Count > 0 || CompilingMutants > 0)
            {
                builder.AppendLine().AppendLine($"{CompilingMutants} mutants compiled without error; findings they have that the source as written does not ({NewFindings.Count}):");
                foreach (var line in NewFindings)
                {
                    builder.AppendLine("   " + line);
                }
            }

            foreach (var group in Failures.GroupBy(f => f.Key).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var smallest = group.OrderBy(f => f.MutantText.Length).First();
                builder.AppendLine()
                    .AppendLine($"== {group.Count()} x {smallest.Stage}: {smallest.Culprit}")
                    .AppendLine($"   smallest: {smallest.Source}, {smallest.Mutation} ({smallest.MutantText.Length} chars)")
                    .AppendLine(Indent(Shorten(smallest.Detail, 25)));
            }

            return builder.ToString();
        }

        private static string Shorten(string detail, int lines) => string.Join("\n", detail.Split('\n').Take(lines));

        private static string Indent(string text) => string.Join("\n", text.Split('\n').Select(l => "   " + l.TrimEnd()));
    }

    /// <summary>
    /// Runs every analyzer of the package on half-typed versions of C# sources as an IDE would, and fails on any
    /// analyzer exception (AD0001, or the exception callback of <see cref="CompilationWithAnalyzersOptions"/>): the
    /// whole compilation; on some mutants each document alone and a few spans of it; and on some mutants that still
    /// have a finding, every code fix offered for it and Fix All in document scope. A fix provider that throws is a
    /// crash; a fix that adds a compiler error to a mutant that compiled cleanly is a failure too.
    /// </summary>
    internal sealed class MutationSweep
    {
        /// <summary>Every code-fix provider the package exports.</summary>
        public static readonly ImmutableArray<CodeFixProvider> PackageFixers = AllAnalyzers.CodeFixProviderTypes
            .Where(t => t.GetCustomAttributes(typeof(ExportCodeFixProviderAttribute), false).Length > 0)
            .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
            .ToImmutableArray();

        private readonly MutationPlan plan;
        private readonly SweepStages stages;
        private readonly Action<string>? log;
        private readonly ImmutableArray<DiagnosticAnalyzer> analyzers;
        private readonly ImmutableArray<CodeFixProvider> fixers;
        private readonly ImmutableHashSet<string> findingIds;

        /// <param name="analyzers">The analyzers to run; the package's by default.</param>
        /// <param name="fixers">The code fixes to apply; the package's by default.</param>
        public MutationSweep(MutationPlan plan, SweepStages stages, Action<string>? log = null, ImmutableArray<DiagnosticAnalyzer>? analyzers = null, ImmutableArray<CodeFixProvider>? fixers = null)
        {
            this.plan = plan;
            this.stages = stages;
            this.log = log;
            this.analyzers = analyzers ?? AllAnalyzers.Analyzers;
            this.fixers = fixers ?? PackageFixers;
            findingIds = this.analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToImmutableHashSet(StringComparer.Ordinal);
        }

        public async Task<SweepResult> RunAsync(SweepSource source, CancellationToken cancellationToken)
        {
            var stopwatch = Stopwatch.StartNew();
            var result = new SweepResult { Sources = 1 };
            var test = new SocketAnalyzerTest { OutputKind = source.OutputKind, AllowCompilerErrors = true };
            var project = test.CreateProject(ImmutableArray.Create(source.Text));
            var documentId = project.DocumentIds[0];
            var withFindings = 0;
            List<string>? original = null;
            foreach (var mutant in Mutator.Create(source.Text, plan, source.Focus))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var index = result.Mutants++;
                var document = project.Solution.WithDocumentText(documentId, SourceText.From(mutant.Text, Encoding.UTF8)).GetDocument(documentId)!;
                var failures = new List<(string Stage, string Culprit, string Detail)>();
                var findings = await AnalyseAsync(document, failures, cancellationToken).ConfigureAwait(false);
                if (stages.ListNewFindingsOnCompilingMutants)
                {
                    var keys = findings.Select(d => $"{d.Id} on '{d.Location.SourceTree!.GetText(cancellationToken).ToString(d.Location.SourceSpan)}'").ToList();
                    if (original is null)
                    {
                        original = keys;
                    }
                    else if ((await ErrorsAsync(document, cancellationToken).ConfigureAwait(false)).Count == 0)
                    {
                        result.CompilingMutants++;
                        var remaining = new List<string>(original);
                        for (var i = 0; i < keys.Count; i++)
                        {
                            if (!remaining.Remove(keys[i]))
                            {
                                var line = findings[i].Location.GetLineSpan().StartLinePosition.Line + 1;
                                result.NewFindings.Add($"{source.Name}, {mutant.Description}: {keys[i]} (line {line}): {findings[i].GetMessage(System.Globalization.CultureInfo.InvariantCulture)}");
                            }
                        }
                    }
                }

                if (stages.PartialAnalysisEveryNth > 0 && index % stages.PartialAnalysisEveryNth == 0)
                {
                    result.PartialAnalyses++;
                    await AnalysePartsAsync(document, mutant.Position, failures, cancellationToken).ConfigureAwait(false);
                }

                if (!findings.IsEmpty)
                {
                    result.MutantsWithFindings++;
                    if (stages.FixesEveryNth > 0 && withFindings++ % stages.FixesEveryNth == 0)
                    {
                        result.FixedMutants++;
                        var (actions, fixAlls) = await FixAsync(document, findings, index == 0 ? null : mutant.Position, failures, cancellationToken).ConfigureAwait(false);
                        result.FixActions += actions;
                        result.FixAlls += fixAlls;
                    }
                }

                foreach (var (stage, culprit, detail) in failures)
                {
                    result.Failures.Add(new SweepFailure(source.Name, mutant.Description, stage, culprit, detail, mutant.Text));
                    log?.Invoke($"FAIL {source.Name}, {mutant.Description}: {stage}: {culprit}: {detail.Split('\n')[0]}");
                }
            }

            result.Elapsed = stopwatch.Elapsed;
            log?.Invoke($"{source.Name}: {result.Summary()}");
            return result;
        }

        /// <summary>Whole-compilation analysis, as a build does: our findings, and every crash into <paramref name="failures"/>.</summary>
        private async Task<ImmutableArray<Diagnostic>> AnalyseAsync(Document document, List<(string, string, string)> failures, CancellationToken cancellationToken)
        {
            var compilation = (await document.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false))!;
            var exceptions = new ConcurrentQueue<(string, string)>();
            try
            {
                var diagnostics = await compilation.WithAnalyzers(analyzers, Options(document.Project, exceptions))
                    .GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
                Collect("analysis", diagnostics, exceptions, failures);
                return diagnostics.Where(d => findingIds.Contains(d.Id)).ToImmutableArray();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failures.Add(("analysis", "analyzer driver", e.ToString()));
                return ImmutableArray<Diagnostic>.Empty;
            }
        }

        /// <summary>
        /// What an IDE runs on an open file: its syntax and semantic analysis alone, and semantic analysis of a span
        /// (the member around the change, and a few lines around it), each on a fresh <see cref="CompilationWithAnalyzers"/>.
        /// </summary>
        private async Task AnalysePartsAsync(Document document, int position, List<(string, string, string)> failures, CancellationToken cancellationToken)
        {
            var compilation = (await document.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false))!;
            var tree = (await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false))!;
            var root = await tree.GetRootAsync(cancellationToken).ConfigureAwait(false);
            var model = compilation.GetSemanticModel(tree);
            var spans = new List<TextSpan?> { null };
            var at = Math.Max(0, Math.Min(position, root.FullSpan.End - 1));
            var member = root.FullSpan.Length == 0 ? null : root.FindToken(at).Parent?.AncestorsAndSelf().OfType<MemberDeclarationSyntax>().FirstOrDefault();
            if (member is not null)
            {
                spans.Add(member.FullSpan);
            }

            var start = Math.Max(0, position - 80);
            spans.Add(TextSpan.FromBounds(start, Math.Min(root.FullSpan.End, Math.Max(start, position + 80))));

            var exceptions = new ConcurrentQueue<(string, string)>();
            try
            {
                var syntax = await compilation.WithAnalyzers(analyzers, Options(document.Project, exceptions))
                    .GetAnalyzerSyntaxDiagnosticsAsync(tree, cancellationToken).ConfigureAwait(false);
                Collect("per-document syntax analysis", syntax, exceptions, failures);
                foreach (var span in spans)
                {
                    exceptions = new ConcurrentQueue<(string, string)>();
                    var semantic = await compilation.WithAnalyzers(analyzers, Options(document.Project, exceptions))
                        .GetAnalyzerSemanticDiagnosticsAsync(model, span, cancellationToken).ConfigureAwait(false);
                    Collect(span is null ? "per-document semantic analysis" : $"span analysis {span}", semantic, exceptions, failures);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failures.Add(("per-document or span analysis", "analyzer driver", e.ToString()));
            }
        }

        /// <summary>
        /// Every fix offered for each finding near the change (all findings for the source as written), each applied;
        /// then each provider's Fix All in document scope under every equivalence key it offered.
        /// </summary>
        private async Task<(int Actions, int FixAlls)> FixAsync(
            Document document, ImmutableArray<Diagnostic> findings, int? position, List<(string, string, string)> failures, CancellationToken cancellationToken)
        {
            var root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
            var scope = root.FullSpan;
            if (position is int p && root.FullSpan.Length > 0)
            {
                var member = root.FindToken(Math.Max(0, Math.Min(p, root.FullSpan.End - 1))).Parent?.AncestorsAndSelf()
                    .OfType<MemberDeclarationSyntax>().FirstOrDefault(m => m is not BaseNamespaceDeclarationSyntax);
                scope = member?.FullSpan ?? root.FullSpan;
            }

            bool? compiledCleanly = null;
            var actions = 0;
            var keys = new List<(CodeFixProvider Provider, string Key)>();
            foreach (var finding in findings.Where(d => scope.IntersectsWith(d.Location.SourceSpan) || scope.Contains(d.Location.SourceSpan)))
            {
                foreach (var provider in fixers.Where(f => f.FixableDiagnosticIds.Contains(finding.Id)))
                {
                    var culprit = $"{provider.GetType().Name} on {finding.Id}";
                    var offered = new List<CodeAction>();
                    try
                    {
                        await provider.RegisterCodeFixesAsync(new CodeFixContext(document, finding, (a, _) => offered.Add(a), cancellationToken)).ConfigureAwait(false);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        failures.Add(("code fix registration", culprit, e.ToString()));
                        continue;
                    }

                    foreach (var action in offered.SelectMany(Flatten))
                    {
                        if (action.EquivalenceKey is string key && !keys.Contains((provider, key)))
                        {
                            keys.Add((provider, key));
                        }

                        Document? changed;
                        try
                        {
                            changed = await ApplyAsync(action, document.Id, cancellationToken).ConfigureAwait(false);
                        }
                        catch (Exception e) when (e is not OperationCanceledException)
                        {
                            failures.Add(("code fix", $"{culprit} ({action.EquivalenceKey})", e.ToString()));
                            continue;
                        }

                        actions++;
                        if (changed is not null)
                        {
                            compiledCleanly ??= (await ErrorsAsync(document, cancellationToken).ConfigureAwait(false)).Count == 0;
                            if (compiledCleanly == true)
                            {
                                var errors = await ErrorsAsync(changed, cancellationToken).ConfigureAwait(false);
                                if (errors.Count > 0)
                                {
                                    var text = (await changed.GetTextAsync(cancellationToken).ConfigureAwait(false)).ToString();
                                    failures.Add(("fix breaks code that compiled", $"{culprit} ({action.EquivalenceKey})", string.Join("\n", errors) + "\n--- fixed text:\n" + text));
                                }
                            }
                        }
                    }
                }
            }

            var fixAlls = 0;
            foreach (var (provider, key) in keys)
            {
                var fixAll = provider.GetFixAllProvider();
                if (fixAll is null)
                {
                    continue;
                }

                try
                {
                    var context = new FixAllContext(document, provider, FixAllScope.Document, key, provider.FixableDiagnosticIds, new KnownFindings(findings), cancellationToken);
                    var action = await fixAll.GetFixAsync(context).ConfigureAwait(false);
                    var changed = action is null ? null : await ApplyAsync(action, document.Id, cancellationToken).ConfigureAwait(false);
                    fixAlls++;
                    if (changed is not null && compiledCleanly == true)
                    {
                        var errors = await ErrorsAsync(changed, cancellationToken).ConfigureAwait(false);
                        if (errors.Count > 0)
                        {
                            var text = (await changed.GetTextAsync(cancellationToken).ConfigureAwait(false)).ToString();
                            failures.Add(("Fix All breaks code that compiled", $"{provider.GetType().Name} ({key})", string.Join("\n", errors) + "\n--- fixed text:\n" + text));
                        }
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    failures.Add(("Fix All (document)", $"{provider.GetType().Name} ({key})", e.ToString()));
                }
            }

            return (actions, fixAlls);
        }

        private static async Task<Document?> ApplyAsync(CodeAction action, DocumentId documentId, CancellationToken cancellationToken)
        {
            var operations = await action.GetOperationsAsync(cancellationToken).ConfigureAwait(false);
            var solution = operations.OfType<ApplyChangesOperation>().FirstOrDefault()?.ChangedSolution;
            var changed = solution?.GetDocument(documentId);
            if (changed is not null)
            {
                // A fix that builds a tree it cannot print would throw here.
                _ = (await changed.GetTextAsync(cancellationToken).ConfigureAwait(false)).ToString();
            }

            return changed;
        }

        private static async Task<List<Diagnostic>> ErrorsAsync(Document document, CancellationToken cancellationToken)
        {
            var compilation = (await document.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false))!;
            return compilation.GetDiagnostics(cancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        }

        private static CompilationWithAnalyzersOptions Options(Project project, ConcurrentQueue<(string, string)> exceptions)
            => new(
                project.AnalyzerOptions,
                (exception, analyzer, diagnostic) => exceptions.Enqueue((analyzer.GetType().Name, exception.ToString())),
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false,
                reportSuppressedDiagnostics: false);

        private static void Collect(string stage, ImmutableArray<Diagnostic> diagnostics, ConcurrentQueue<(string Analyzer, string Exception)> exceptions, List<(string, string, string)> failures)
        {
            foreach (var (analyzer, exception) in exceptions)
            {
                failures.Add((stage, analyzer, exception));
            }

            if (exceptions.IsEmpty)
            {
                // AD0001 without a callback (should not happen with one, but a driver may report it anyway).
                foreach (var diagnostic in diagnostics.Where(d => d.Id.StartsWith("AD0", StringComparison.Ordinal)))
                {
                    failures.Add((stage, diagnostic.Id, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)));
                }
            }
        }

        /// <summary>Nested actions (a fix offered as a menu) flattened to the ones that do something.</summary>
        private static IEnumerable<CodeAction> Flatten(CodeAction action)
        {
            var nested = action.GetType().GetProperty("NestedCodeActions", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)?.GetValue(action);
            return nested is ImmutableArray<CodeAction> children && !children.IsDefaultOrEmpty ? children.SelectMany(Flatten) : new[] { action };
        }

        private sealed class KnownFindings : FixAllContext.DiagnosticProvider
        {
            private readonly ImmutableArray<Diagnostic> findings;

            public KnownFindings(ImmutableArray<Diagnostic> findings)
            {
                this.findings = findings;
            }

            public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
                => Task.FromResult<IEnumerable<Diagnostic>>(findings);

            public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
                => Task.FromResult<IEnumerable<Diagnostic>>(Array.Empty<Diagnostic>());

            public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
                => Task.FromResult<IEnumerable<Diagnostic>>(findings);
        }
    }
}
