using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace SocketAnalyzers.Tests.Verifiers
{
    /// <summary>
    /// Our analyzer and code-fix test, with the semantics of Microsoft.CodeAnalysis.Testing (which the package
    /// source here does not serve). Every analyzer of the package runs on every test; a test lists every
    /// diagnostic it expects, in markup or in <see cref="ExpectedDiagnostics"/>.
    /// <list type="bullet">
    /// <item>An analyzer exception (AD0001) fails the test.</item>
    /// <item>The input must compile unless <see cref="AllowCompilerErrors"/> is set.</item>
    /// <item>With <see cref="FixedSources"/>: fixes are applied one at a time until none is left (capped, and a
    /// state seen twice fails), then Fix All in document and project scope must reach the same text; a fix that
    /// adds a compiler error fails.</item>
    /// </list>
    /// </summary>
    public class SocketAnalyzerTest
    {
        private const string FileNamePrefix = "/0/Test";

        /// <summary>Sets the single test source (markup allowed).</summary>
        public string TestCode
        {
            set => Sources.Add(value);
        }

        /// <summary>Sets the single expected source after the fix (markup marks diagnostics that remain).</summary>
        public string FixedCode
        {
            set => FixedSources.Add(value);
        }

        public List<string> Sources { get; } = new();

        public List<string> FixedSources { get; } = new();

        /// <summary>Diagnostics expected besides those in markup.</summary>
        public List<DiagnosticResult> ExpectedDiagnostics { get; } = new();

        /// <summary>Diagnostics expected in the fixed code besides those in its markup (say, a rule without a fix).</summary>
        public List<DiagnosticResult> FixedExpectedDiagnostics { get; } = new();

        public ReferenceSet References { get; set; } = ReferenceSet.Net80;

        /// <summary>The ID that <c>[|…|]</c> stands for.</summary>
        public string? DefaultDiagnosticId { get; set; }

        /// <summary>The text of an <c>.editorconfig</c> at the root, applying to every test source.</summary>
        public string? EditorConfig { get; set; }

        public CodeFixProvider? CodeFix { get; set; }

        /// <summary>Which code action to apply; the first one offered when null.</summary>
        public string? CodeActionEquivalenceKey { get; set; }

        /// <summary>The input need not compile (the compiler's errors are then not compared).</summary>
        public bool AllowCompilerErrors { get; set; }

        /// <summary>Check Fix All in document and project scope too (on by default).</summary>
        public bool TestFixAll { get; set; } = true;

        /// <summary>The most fixes the one-at-a-time loop may apply.</summary>
        public int MaxCodeFixIterations { get; set; } = 25;

        public LanguageVersion LanguageVersion { get; set; } = LanguageVersion.Latest;

        public OutputKind OutputKind { get; set; } = OutputKind.DynamicallyLinkedLibrary;

        /// <summary>Preprocessor symbols of the test sources (say, <c>NET8_0_OR_GREATER</c>); none by default.</summary>
        public List<string> PreprocessorSymbols { get; } = new();

        /// <summary>
        /// Analyzers that run besides every analyzer of the package: test-only analyzers, for the verifier's own
        /// tests. Their diagnostics are compared like any other.
        /// </summary>
        public List<DiagnosticAnalyzer> AdditionalAnalyzers { get; } = new();

        /// <summary>Every analyzer this test runs: the package's and <see cref="AdditionalAnalyzers"/>.</summary>
        internal ImmutableArray<DiagnosticAnalyzer> Analyzers => AllAnalyzers.Analyzers.AddRange(AdditionalAnalyzers);

        public async Task RunAsync(CancellationToken cancellationToken = default)
        {
            var input = Parse(Sources);
            var inputProject = CreateProject(input.Texts);
            var expected = Expectations(input, ExpectedDiagnostics);
            var actual = await GetDiagnosticsAsync(inputProject, includeCompilerErrors: !AllowCompilerErrors, cancellationToken).ConfigureAwait(false);
            Compare(expected, actual, input.Texts, "the test code");

            if (FixedSources.Count == 0)
            {
                return;
            }

            if (CodeFix is null)
            {
                throw new InvalidOperationException("FixedCode was given but no CodeFix provider.");
            }

            var fixedInput = Parse(FixedSources);
            var fixedExpected = Expectations(fixedInput, FixedExpectedDiagnostics);
            var originalErrors = AllowCompilerErrors ? await CompilerErrorsAsync(inputProject, cancellationToken).ConfigureAwait(false) : ImmutableArray<Diagnostic>.Empty;

            var oneAtATime = await ApplyOneAtATimeAsync(inputProject, cancellationToken).ConfigureAwait(false);
            await CheckFixedAsync(oneAtATime, fixedInput, fixedExpected, originalErrors, "applying the fixes one at a time", cancellationToken).ConfigureAwait(false);

            if (TestFixAll)
            {
                foreach (var scope in new[] { FixAllScope.Document, FixAllScope.Project })
                {
                    var fixAll = await ApplyFixAllAsync(inputProject, scope, cancellationToken).ConfigureAwait(false);
                    await CheckFixedAsync(fixAll, fixedInput, fixedExpected, originalErrors, $"Fix All in {scope} scope", cancellationToken).ConfigureAwait(false);
                }
            }
        }

        private sealed record ParsedSources(ImmutableArray<string> Texts, ImmutableArray<IReadOnlyList<MarkupSpan>> Spans);

        private static ParsedSources Parse(List<string> sources)
        {
            var texts = ImmutableArray.CreateBuilder<string>();
            var spans = ImmutableArray.CreateBuilder<IReadOnlyList<MarkupSpan>>();
            foreach (var source in sources)
            {
                var (text, marked) = TestMarkup.Parse(Normalize(source));
                texts.Add(text);
                spans.Add(marked);
            }

            return new ParsedSources(texts.ToImmutable(), spans.ToImmutable());
        }

        private static string Normalize(string text) => text.Replace("\r\n", "\n");

        private sealed record Expected(string Id, int Document, TextSpan? Span, (int, int, int, int)? LineSpan, string? Message, DiagnosticSeverity? Severity);

        private List<Expected> Expectations(ParsedSources parsed, List<DiagnosticResult> extra)
        {
            var result = new List<Expected>();
            for (var d = 0; d < parsed.Spans.Length; d++)
            {
                foreach (var span in parsed.Spans[d])
                {
                    if (span.LocationIndex is not null)
                    {
                        continue;
                    }

                    var id = span.Id ?? DefaultDiagnosticId
                        ?? throw new InvalidOperationException("[|…|] markup needs a DefaultDiagnosticId (use a verifier for one analyzer, or {|ID:…|}).");
                    result.Add(new Expected(id, d, span.Span, null, null, null));
                }
            }

            foreach (var r in extra)
            {
                var document = r.DocumentIndex;
                TextSpan? span = r.Span;
                if (r.LocationIndex is int index)
                {
                    var found = Enumerable.Range(0, parsed.Spans.Length)
                        .SelectMany(i => parsed.Spans[i].Where(s => s.LocationIndex == index).Select(s => (Doc: i, s.Span)))
                        .ToList();
                    if (found.Count != 1)
                    {
                        throw new InvalidOperationException($"Location marker {{|#{index}:…|}} appears {found.Count} times in the sources.");
                    }

                    document = found[0].Doc;
                    span = found[0].Span;
                }

                var descriptor = Analyzers.SelectMany(a => a.SupportedDiagnostics).FirstOrDefault(d => d.Id == r.Id);
                if (r.MessageArguments is not null && r.Message is null && descriptor is null)
                {
                    throw new InvalidOperationException($"{r.Id} has message arguments but no analyzer of the test reports it, so there is no message format to fill.");
                }

                result.Add(new Expected(r.Id, document, span, r.LineSpan, r.ExpectedMessage(descriptor), r.Severity));
            }

            return result;
        }

        /// <summary>
        /// The project this test compiles: <paramref name="texts"/> (plain C#, no markup) as documents
        /// <c>/0/Test0.cs</c>, <c>/0/Test1.cs</c>…, with this test's references, options and <c>.editorconfig</c>.
        /// </summary>
        internal Project CreateProject(ImmutableArray<string> texts)
        {
            var workspace = new AdhocWorkspace();
            var parseOptions = new CSharpParseOptions(LanguageVersion, DocumentationMode.Diagnose, preprocessorSymbols: PreprocessorSymbols);
            // Every rule enabled: a rule that is off by default is turned on at its default severity, as
            // Microsoft.CodeAnalysis.Testing does; an .editorconfig of the test can still change it.
            var enableAll = Analyzers.SelectMany(a => a.SupportedDiagnostics)
                .Where(d => !d.IsEnabledByDefault)
                .GroupBy(d => d.Id)
                .ToDictionary(g => g.Key, g => ToReport(g.First().DefaultSeverity));
            var compilationOptions = new CSharpCompilationOptions(OutputKind, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions(enableAll);
            var projectId = ProjectId.CreateNewId("TestProject");
            var solution = workspace.CurrentSolution
                .AddProject(ProjectInfo.Create(projectId, VersionStamp.Default, "TestProject", "TestProject", LanguageNames.CSharp,
                    filePath: "/0/TestProject.csproj",
                    compilationOptions: compilationOptions,
                    parseOptions: parseOptions,
                    metadataReferences: References.Resolve()));
            for (var i = 0; i < texts.Length; i++)
            {
                var documentId = DocumentId.CreateNewId(projectId, FileName(i));
                solution = solution.AddDocument(documentId, FileName(i), SourceText.From(texts[i], Encoding.UTF8), filePath: FileName(i));
            }

            if (EditorConfig is not null)
            {
                solution = solution.AddAnalyzerConfigDocument(
                    DocumentId.CreateNewId(projectId, ".editorconfig"),
                    ".editorconfig",
                    SourceText.From(Normalize(EditorConfig), Encoding.UTF8),
                    filePath: "/.editorconfig");
            }

            return solution.GetProject(projectId)!;
        }

        private static ReportDiagnostic ToReport(DiagnosticSeverity severity) => severity switch
        {
            DiagnosticSeverity.Error => ReportDiagnostic.Error,
            DiagnosticSeverity.Warning => ReportDiagnostic.Warn,
            DiagnosticSeverity.Info => ReportDiagnostic.Info,
            _ => ReportDiagnostic.Hidden,
        };

        internal static string FileName(int index) => FileNamePrefix + index + ".cs";

        private static async Task<ImmutableArray<Diagnostic>> CompilerErrorsAsync(Project project, CancellationToken cancellationToken)
        {
            var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
            return compilation!.GetDiagnostics(cancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
        }

        /// <summary>Runs every analyzer of the package; fails on an analyzer exception.</summary>
        internal static Task<ImmutableArray<Diagnostic>> GetAnalyzerDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => GetAnalyzerDiagnosticsAsync(project, AllAnalyzers.Analyzers, cancellationToken);

        /// <summary>Runs <paramref name="analyzers"/>; fails on an analyzer exception.</summary>
        internal static async Task<ImmutableArray<Diagnostic>> GetAnalyzerDiagnosticsAsync(Project project, ImmutableArray<DiagnosticAnalyzer> analyzers, CancellationToken cancellationToken)
        {
            var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
            var exceptions = new ConcurrentQueue<string>();
            var options = new CompilationWithAnalyzersOptions(
                project.AnalyzerOptions,
                (exception, analyzer, diagnostic) => exceptions.Enqueue($"{analyzer.GetType().Name} threw {exception}"),
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false,
                reportSuppressedDiagnostics: false);
            var withAnalyzers = compilation!.WithAnalyzers(analyzers, options);
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
            var crashes = diagnostics.Where(d => d.Id == "AD0001").Select(d => d.GetMessage()).Concat(exceptions).ToList();
            if (crashes.Count > 0)
            {
                throw new VerifierException("An analyzer threw (AD0001):\n" + string.Join("\n", crashes));
            }

            return diagnostics;
        }

        private async Task<ImmutableArray<Diagnostic>> GetDiagnosticsAsync(Project project, bool includeCompilerErrors, CancellationToken cancellationToken)
        {
            var diagnostics = await GetAnalyzerDiagnosticsAsync(project, Analyzers, cancellationToken).ConfigureAwait(false);
            if (includeCompilerErrors)
            {
                diagnostics = diagnostics.AddRange(await CompilerErrorsAsync(project, cancellationToken).ConfigureAwait(false));
            }

            return Sort(diagnostics);
        }

        private static ImmutableArray<Diagnostic> Sort(IEnumerable<Diagnostic> diagnostics)
            => diagnostics
                .OrderBy(d => d.Location.SourceTree?.FilePath ?? string.Empty, StringComparer.Ordinal)
                .ThenBy(d => d.Location.SourceSpan.Start)
                .ThenBy(d => d.Location.SourceSpan.End)
                .ThenBy(d => d.Id, StringComparer.Ordinal)
                .ToImmutableArray();

        private static void Compare(List<Expected> expected, ImmutableArray<Diagnostic> actual, ImmutableArray<string> texts, string what)
        {
            var problems = new List<string>();
            var duplicates = actual.GroupBy(d => (d.Id, d.Location.SourceTree?.FilePath, d.Location.SourceSpan)).Where(g => g.Count() > 1).ToList();
            foreach (var group in duplicates)
            {
                problems.Add($"{group.Key.Id} is reported {group.Count()} times at the same location (report each location once).");
            }

            var unmatched = actual.ToList();
            var missing = new List<Expected>();
            foreach (var e in expected.OrderBy(e => e.Document).ThenBy(e => e.Span?.Start ?? 0))
            {
                var match = unmatched.FirstOrDefault(a => Matches(e, a));
                if (match is null)
                {
                    missing.Add(e);
                }
                else
                {
                    unmatched.Remove(match);
                }
            }

            foreach (var m in missing)
            {
                problems.Add($"Missing: {Describe(m, texts)}");
            }

            foreach (var u in unmatched)
            {
                problems.Add($"Unexpected: {DiagnosticFormatter.Describe(u)}");
            }

            if (problems.Count > 0)
            {
                throw new VerifierException(
                    $"Diagnostics of {what} differ from the expectation.\n" + string.Join("\n", problems) + "\n\n" + DiagnosticFormatter.Report(actual, texts, FileNamePrefix));
            }
        }

        private static bool Matches(Expected e, Diagnostic a)
        {
            if (a.Id != e.Id || a.Location.SourceTree?.FilePath != FileName(e.Document))
            {
                return false;
            }

            if (e.Span is TextSpan span && a.Location.SourceSpan != span)
            {
                return false;
            }

            if (e.LineSpan is (int sl, int sc, int el, int ec))
            {
                var line = a.Location.GetLineSpan();
                if (line.StartLinePosition.Line + 1 != sl || line.StartLinePosition.Character + 1 != sc
                    || line.EndLinePosition.Line + 1 != el || line.EndLinePosition.Character + 1 != ec)
                {
                    return false;
                }
            }

            if (e.Message is not null && a.GetMessage(System.Globalization.CultureInfo.InvariantCulture) != e.Message)
            {
                return false;
            }

            return e.Severity is null || e.Severity == a.Severity;
        }

        private static string Describe(Expected e, ImmutableArray<string> texts)
        {
            var where = e.Span is TextSpan span && e.Document < texts.Length
                ? $"'{texts[e.Document].Substring(span.Start, Math.Min(span.Length, texts[e.Document].Length - span.Start))}' at {span}"
                : e.LineSpan is not null ? $"at {e.LineSpan}" : "anywhere";
            return $"{e.Id} in {FileName(e.Document)} {where}" + (e.Message is null ? string.Empty : $" with message \"{e.Message}\"");
        }

        private async Task<Solution> ApplyOneAtATimeAsync(Project project, CancellationToken cancellationToken)
        {
            var seen = new HashSet<string> { await SnapshotAsync(project, cancellationToken).ConfigureAwait(false) };
            for (var iteration = 0; ; iteration++)
            {
                var action = await FirstActionAsync(project, cancellationToken).ConfigureAwait(false);
                if (action is null)
                {
                    return project.Solution;
                }

                if (iteration >= MaxCodeFixIterations)
                {
                    throw new VerifierException($"The code fix was still offered after {MaxCodeFixIterations} iterations.");
                }

                project = await ApplyAsync(project, action, cancellationToken).ConfigureAwait(false);
                if (!seen.Add(await SnapshotAsync(project, cancellationToken).ConfigureAwait(false)))
                {
                    throw new VerifierException($"Applying '{action.Title}' returned the code to a state it had before: the fix loops.\n{await SnapshotAsync(project, cancellationToken).ConfigureAwait(false)}");
                }
            }
        }

        private async Task<Solution> ApplyFixAllAsync(Project project, FixAllScope scope, CancellationToken cancellationToken)
        {
            var provider = CodeFix!.GetFixAllProvider()
                ?? throw new VerifierException($"{CodeFix.GetType().Name} has no Fix All provider.");
            var seen = new HashSet<string> { await SnapshotAsync(project, cancellationToken).ConfigureAwait(false) };
            for (var iteration = 0; ; iteration++)
            {
                var first = await FirstFixableAsync(project, cancellationToken).ConfigureAwait(false);
                if (first is null)
                {
                    return project.Solution;
                }

                if (iteration >= MaxCodeFixIterations)
                {
                    throw new VerifierException($"Fix All ({scope}) was still offered after {MaxCodeFixIterations} iterations.");
                }

                var (document, diagnostic, action) = first.Value;
                if (!provider.GetSupportedFixAllScopes().Contains(scope))
                {
                    throw new VerifierException($"{CodeFix.GetType().Name}'s Fix All does not support {scope} scope.");
                }

                var diagnosticProvider = new TestDiagnosticProvider(Analyzers);
                var context = scope == FixAllScope.Document
                    ? new FixAllContext(document, CodeFix, scope, action.EquivalenceKey, CodeFix.FixableDiagnosticIds, diagnosticProvider, cancellationToken)
                    : new FixAllContext(project, CodeFix, scope, action.EquivalenceKey, CodeFix.FixableDiagnosticIds, diagnosticProvider, cancellationToken);
                var fixAllAction = await provider.GetFixAsync(context).ConfigureAwait(false)
                    ?? throw new VerifierException($"Fix All ({scope}) returned no action for {diagnostic.Id}.");
                project = await ApplyAsync(project, fixAllAction, cancellationToken).ConfigureAwait(false);
                if (!seen.Add(await SnapshotAsync(project, cancellationToken).ConfigureAwait(false)))
                {
                    throw new VerifierException($"Fix All ({scope}) returned the code to a state it had before: the fix loops.");
                }
            }
        }

        private async Task<CodeAction?> FirstActionAsync(Project project, CancellationToken cancellationToken)
            => (await FirstFixableAsync(project, cancellationToken).ConfigureAwait(false))?.Action;

        /// <summary>The first diagnostic, in document order, for which the provider offers the chosen action.</summary>
        private async Task<(Document Document, Diagnostic Diagnostic, CodeAction Action)?> FirstFixableAsync(Project project, CancellationToken cancellationToken)
        {
            var fixable = CodeFix!.FixableDiagnosticIds;
            var diagnostics = Sort((await GetAnalyzerDiagnosticsAsync(project, Analyzers, cancellationToken).ConfigureAwait(false)).Where(d => fixable.Contains(d.Id)));
            foreach (var diagnostic in diagnostics)
            {
                var document = project.GetDocument(diagnostic.Location.SourceTree);
                if (document is null)
                {
                    continue;
                }

                var actions = new List<CodeAction>();
                var context = new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), cancellationToken);
                await CodeFix.RegisterCodeFixesAsync(context).ConfigureAwait(false);
                var action = CodeActionEquivalenceKey is null
                    ? actions.FirstOrDefault()
                    : actions.FirstOrDefault(a => a.EquivalenceKey == CodeActionEquivalenceKey);
                if (action is not null)
                {
                    if (string.IsNullOrEmpty(action.EquivalenceKey))
                    {
                        throw new VerifierException($"Code action '{action.Title}' has no equivalence key; Fix All needs a stable one.");
                    }

                    return (document, diagnostic, action);
                }
            }

            return null;
        }

        private static async Task<Project> ApplyAsync(Project project, CodeAction action, CancellationToken cancellationToken)
        {
            var operations = await action.GetOperationsAsync(cancellationToken).ConfigureAwait(false);
            var apply = operations.OfType<ApplyChangesOperation>().SingleOrDefault()
                ?? throw new VerifierException($"Code action '{action.Title}' made no ApplyChangesOperation.");
            return apply.ChangedSolution.GetProject(project.Id)!;
        }

        private static async Task<string> SnapshotAsync(Project project, CancellationToken cancellationToken)
        {
            var builder = new StringBuilder();
            foreach (var document in project.Documents.OrderBy(d => d.FilePath, StringComparer.Ordinal))
            {
                builder.Append("// ").AppendLine(document.FilePath);
                builder.AppendLine((await document.GetTextAsync(cancellationToken).ConfigureAwait(false)).ToString());
            }

            return builder.ToString();
        }

        private async Task CheckFixedAsync(Solution solution, ParsedSources fixedInput, List<Expected> fixedExpected, ImmutableArray<Diagnostic> originalErrors, string how, CancellationToken cancellationToken)
        {
            var project = solution.Projects.Single();
            var documents = project.Documents.OrderBy(d => d.FilePath?.Length ?? 0).ThenBy(d => d.FilePath, StringComparer.Ordinal).ToList();
            if (documents.Count != fixedInput.Texts.Length)
            {
                throw new VerifierException($"After {how}: {documents.Count} documents, expected {fixedInput.Texts.Length}.");
            }

            var texts = ImmutableArray.CreateBuilder<string>();
            for (var i = 0; i < documents.Count; i++)
            {
                var actual = Normalize((await documents[i].GetTextAsync(cancellationToken).ConfigureAwait(false)).ToString());
                texts.Add(actual);
                if (actual != fixedInput.Texts[i])
                {
                    throw new VerifierException($"After {how}, {documents[i].FilePath} differs from the expected fixed code.\n{TextDiff.Describe(fixedInput.Texts[i], actual)}");
                }
            }

            var errors = await CompilerErrorsAsync(project, cancellationToken).ConfigureAwait(false);
            var newErrors = errors.Where(e => !originalErrors.Any(o => o.Id == e.Id && o.GetMessage() == e.GetMessage())).ToList();
            if (newErrors.Count > 0)
            {
                throw new VerifierException($"After {how}, the code has compiler errors it did not have before:\n"
                    + string.Join("\n", newErrors.Select(DiagnosticFormatter.Describe)) + "\n\n" + DiagnosticFormatter.Report(Sort(newErrors), texts.ToImmutable(), FileNamePrefix));
            }

            var remaining = await GetDiagnosticsAsync(project, includeCompilerErrors: false, cancellationToken).ConfigureAwait(false);
            Compare(fixedExpected, remaining, texts.ToImmutable(), $"the code after {how}");
        }

        private sealed class TestDiagnosticProvider : FixAllContext.DiagnosticProvider
        {
            private readonly ImmutableArray<DiagnosticAnalyzer> analyzers;

            public TestDiagnosticProvider(ImmutableArray<DiagnosticAnalyzer> analyzers)
            {
                this.analyzers = analyzers;
            }

            public override async Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
                => await GetAnalyzerDiagnosticsAsync(project, analyzers, cancellationToken).ConfigureAwait(false);

            public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
            {
                var tree = await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
                var all = await GetAnalyzerDiagnosticsAsync(document.Project, analyzers, cancellationToken).ConfigureAwait(false);
                return all.Where(d => d.Location.SourceTree == tree);
            }

            public override async Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            {
                var all = await GetAnalyzerDiagnosticsAsync(project, analyzers, cancellationToken).ConfigureAwait(false);
                return all.Where(d => !d.Location.IsInSource);
            }
        }
    }

    /// <summary>A verification failure.</summary>
    public sealed class VerifierException : Exception
    {
        public VerifierException(string message)
            : base(message)
        {
        }
    }
}
