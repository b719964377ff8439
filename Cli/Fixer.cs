using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace SocketAnalyzers.Cli
{
    /// <summary>
    /// <c>--fix</c>: applies the code fixes of the findings in place. Works in rounds over a workspace made of the
    /// scanned projects: each round analyzes, then in every document applies one provider's Fix All (document scope)
    /// or, without a Fix All provider, its first fix. A file is written only when it changed and gained no compiler
    /// error it did not have before; its encoding, BOM and line endings are kept.
    /// </summary>
    internal sealed class Fixer
    {
        private const int MaxRounds = 12;

        private readonly AnalyzerCatalog catalog;
        private readonly EditorConfigOptions editorConfig;
        private readonly ImmutableArray<MetadataReference> frameworkReferences;
        private readonly Scanner scanner;
        private readonly TextWriter log;

        public Fixer(AnalyzerCatalog catalog, EditorConfigOptions editorConfig, ImmutableArray<MetadataReference> frameworkReferences, Scanner scanner, TextWriter log)
        {
            this.catalog = catalog;
            this.editorConfig = editorConfig;
            this.frameworkReferences = frameworkReferences;
            this.scanner = scanner;
            this.log = log;
        }

        public async Task<(FixReport Report, Dictionary<CompilationUnit, ImmutableArray<Diagnostic>> Remaining)> RunAsync(
            IReadOnlyList<CompilationUnit> units, IReadOnlyDictionary<CompilationUnit, ImmutableArray<Diagnostic>> diagnostics, CancellationToken cancellationToken)
        {
            var report = new FixReport();
            var remaining = new Dictionary<CompilationUnit, ImmutableArray<Diagnostic>>();
            var fixers = catalog.Fixers.Select(f => (Provider: f, Ids: SafeFixableIds(f))).Where(f => !f.Ids.IsEmpty).ToList();
            var fixableIds = new HashSet<string>(fixers.SelectMany(f => f.Ids), StringComparer.Ordinal);
            report.Unfixable = diagnostics.Values.SelectMany(d => d).Count(d => !fixableIds.Contains(d.Id));
            var toFix = units.Where(u => diagnostics.TryGetValue(u, out var d) && d.Any(x => fixableIds.Contains(x.Id))).ToList();
            if (toFix.Count == 0)
            {
                return (report, remaining);
            }

            var (solution, projectOf, fileOf) = CreateSolution(units, toFix);
            var original = solution;
            var stuck = new HashSet<DocumentId>();
            var seenTexts = new Dictionary<DocumentId, HashSet<string>>();
            for (var round = 0; round < MaxRounds; round++)
            {
                var changedAny = false;
                foreach (var unit in toFix)
                {
                    var project = solution.GetProject(projectOf[unit])!;
                    var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
                    if (compilation is null)
                    {
                        continue;
                    }

                    var found = (await scanner.AnalyzeAsync(unit, compilation, editorConfig, null, cancellationToken).ConfigureAwait(false)).Diagnostics;
                    var byDocument = found
                        .Where(d => fixableIds.Contains(d.Id) && d.Location.SourceTree is not null)
                        .GroupBy(d => project.GetDocumentId(d.Location.SourceTree!))
                        .Where(g => g.Key is not null && !stuck.Contains(g.Key))
                        .OrderBy(g => solution.GetDocument(g.Key!)!.FilePath, StringComparer.Ordinal);
                    foreach (var group in byDocument)
                    {
                        var documentId = group.Key!;
                        var document = solution.GetDocument(documentId)!;
                        var documentDiagnostics = group.OrderBy(d => d.Location.SourceSpan.Start).ToImmutableArray();
                        Solution? changed;
                        try
                        {
                            changed = await FixDocumentAsync(document, documentDiagnostics, fixers, cancellationToken).ConfigureAwait(false);
                        }
                        catch (Exception e) when (e is not OperationCanceledException)
                        {
                            Log($"a code fix failed in {scanner.DisplayPath(document.FilePath!)}: {e.GetType().Name}: {e.Message}");
                            changed = null;
                        }

                        var newDocument = changed?.GetDocument(documentId);
                        if (changed is null || newDocument is null)
                        {
                            stuck.Add(documentId);
                            continue;
                        }

                        var newText = (await newDocument.GetTextAsync(cancellationToken).ConfigureAwait(false)).ToString();
                        var oldSource = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
                        var oldText = oldSource.ToString();
                        if (!seenTexts.TryGetValue(documentId, out var seen))
                        {
                            seenTexts[documentId] = seen = new HashSet<string>(StringComparer.Ordinal) { oldText };
                        }

                        if (!seen.Add(newText))
                        {
                            // No change, or back to an earlier state: this document's fixes are done.
                            stuck.Add(documentId);
                            continue;
                        }

                        // Keep only the edit of this document: fixes that reach into other files are not applied by a scanner.
                        solution = solution.WithDocumentText(documentId, SourceText.From(newText, oldSource.Encoding));
                        changedAny = true;
                    }
                }

                if (!changedAny)
                {
                    break;
                }
            }

            solution = await RejectNewErrorsAsync(original, solution, fileOf, report, cancellationToken).ConfigureAwait(false);

            // What is left after the fixes, and what each written file lost.
            var before = toFix.SelectMany(u => diagnostics[u]).GroupBy(d => d.Location.SourceTree!.FilePath, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
            var after = new Dictionary<string, List<Diagnostic>>(StringComparer.Ordinal);
            foreach (var unit in toFix)
            {
                var project = solution.GetProject(projectOf[unit])!;
                var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
                var left = compilation is null
                    ? diagnostics[unit]
                    : (await scanner.AnalyzeAsync(unit, compilation, editorConfig, null, cancellationToken).ConfigureAwait(false)).Diagnostics;
                remaining[unit] = left;
                foreach (var diagnostic in left)
                {
                    var path = diagnostic.Location.SourceTree!.FilePath;
                    if (!after.TryGetValue(path, out var list))
                    {
                        after[path] = list = new List<Diagnostic>();
                    }

                    list.Add(diagnostic);
                }
            }

            foreach (var documentId in ChangedDocuments(original, solution))
            {
                var document = solution.GetDocument(documentId)!;
                var file = fileOf[documentId];
                var text = (await document.GetTextAsync(cancellationToken).ConfigureAwait(false)).ToString();
                try
                {
                    WriteAtomically(file.FullPath, file.Encode(text));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    report.Rejected.Add(new RejectedFix(file.FullPath, scanner.DisplayPath(file.FullPath), "could not be written: " + e.Message));
                    continue;
                }

                var beforeCounts = Count(before.GetValueOrDefault(file.FullPath));
                var afterCounts = Count(after.GetValueOrDefault(file.FullPath));
                var fixedByRule = beforeCounts
                    .Select(p => (p.Key, Fixed: p.Value - afterCounts.GetValueOrDefault(p.Key)))
                    .Where(p => p.Fixed > 0)
                    .OrderBy(p => p.Key, StringComparer.Ordinal)
                    .ToDictionary(p => p.Key, p => p.Fixed, StringComparer.Ordinal);
                report.Fixed.Add(new FixedFile(file.FullPath, scanner.DisplayPath(file.FullPath), fixedByRule));
            }

            report.Fixed.Sort((a, b) => string.CompareOrdinal(a.DisplayPath, b.DisplayPath));
            return (report, remaining);
        }

        private static Dictionary<string, int> Count(List<Diagnostic>? diagnostics)
            => (diagnostics ?? new List<Diagnostic>()).GroupBy(d => d.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

        /// <summary>
        /// One step in one document: the first diagnostic (in document order) that a provider offers a fix for, fixed
        /// with the provider's Fix All in document scope under the action's equivalence key, or alone when the provider
        /// has no Fix All. Null when nothing is offered.
        /// </summary>
        private static async Task<Solution?> FixDocumentAsync(
            Document document, ImmutableArray<Diagnostic> diagnostics, List<(CodeFixProvider Provider, ImmutableArray<string> Ids)> fixers, CancellationToken cancellationToken)
        {
            foreach (var diagnostic in diagnostics)
            {
                foreach (var (provider, ids) in fixers)
                {
                    if (!ids.Contains(diagnostic.Id))
                    {
                        continue;
                    }

                    var actions = new List<CodeAction>();
                    var context = new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), cancellationToken);
                    await provider.RegisterCodeFixesAsync(context).ConfigureAwait(false);
                    var action = actions.SelectMany(Flatten).FirstOrDefault();
                    if (action is null)
                    {
                        continue;
                    }

                    CodeAction? toApply = action;
                    var fixAll = provider.GetFixAllProvider();
                    if (fixAll is not null && action.EquivalenceKey is not null && fixAll.GetSupportedFixAllScopes().Contains(FixAllScope.Document))
                    {
                        var fixAllContext = new FixAllContext(
                            document,
                            provider,
                            FixAllScope.Document,
                            action.EquivalenceKey,
                            ids.Where(id => diagnostics.Any(d => d.Id == id)),
                            new KnownDiagnostics(document, diagnostics),
                            cancellationToken);
                        toApply = await fixAll.GetFixAsync(fixAllContext).ConfigureAwait(false) ?? action;
                    }

                    var operations = await toApply.GetOperationsAsync(cancellationToken).ConfigureAwait(false);
                    var apply = operations.OfType<ApplyChangesOperation>().FirstOrDefault();
                    if (apply is not null)
                    {
                        return apply.ChangedSolution;
                    }
                }
            }

            return null;
        }

        /// <summary>Nested actions (a fix offered as a menu) flattened to the ones that do something.</summary>
        private static IEnumerable<CodeAction> Flatten(CodeAction action)
        {
            var nested = action.GetType().GetProperty("NestedCodeActions", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public)?.GetValue(action);
            if (nested is ImmutableArray<CodeAction> children && !children.IsDefaultOrEmpty)
            {
                return children.SelectMany(Flatten);
            }

            return new[] { action };
        }

        /// <summary>
        /// Reverts every changed document that has a compiler error it did not have before the fixes, until none does
        /// (reverting one file can break another that depended on its change).
        /// </summary>
        private async Task<Solution> RejectNewErrorsAsync(Solution original, Solution solution, Dictionary<DocumentId, SourceFile> fileOf, FixReport report, CancellationToken cancellationToken)
        {
            var beforeCache = new Dictionary<DocumentId, List<string>>();
            for (var pass = 0; pass < 4; pass++)
            {
                var rejectedThisPass = false;
                foreach (var documentId in ChangedDocuments(original, solution).ToList())
                {
                    if (!beforeCache.TryGetValue(documentId, out var before))
                    {
                        beforeCache[documentId] = before = await ErrorsAsync(original.GetDocument(documentId)!, cancellationToken).ConfigureAwait(false);
                    }

                    var after = await ErrorsAsync(solution.GetDocument(documentId)!, cancellationToken).ConfigureAwait(false);
                    foreach (var error in before)
                    {
                        after.Remove(error);
                    }

                    if (after.Count == 0)
                    {
                        continue;
                    }

                    var file = fileOf[documentId];
                    report.Rejected.Add(new RejectedFix(file.FullPath, scanner.DisplayPath(file.FullPath), "not written: the fix would add compiler error " + after[0]));
                    solution = solution.WithDocumentText(documentId, (await original.GetDocument(documentId)!.GetTextAsync(cancellationToken).ConfigureAwait(false)));
                    rejectedThisPass = true;
                }

                if (!rejectedThisPass)
                {
                    break;
                }
            }

            return solution;
        }

        private static async Task<List<string>> ErrorsAsync(Document document, CancellationToken cancellationToken)
        {
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (model is null)
            {
                return new List<string>();
            }

            return model.GetDiagnostics(cancellationToken: cancellationToken)
                .Where(d => d.Severity == DiagnosticSeverity.Error)
                .Select(d => d.Id + ": " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture))
                .ToList();
        }

        /// <summary>Documents whose text differs from the original (a reverted document does not count).</summary>
        private static IEnumerable<DocumentId> ChangedDocuments(Solution original, Solution solution)
            => solution.GetChanges(original).GetProjectChanges()
                .SelectMany(p => p.GetChangedDocuments(onlyGetDocumentsWithTextChanges: true))
                .Where(id => !original.GetDocument(id)!.GetTextAsync().Result.ContentEquals(solution.GetDocument(id)!.GetTextAsync().Result))
                .ToList();

        private (Solution Solution, Dictionary<CompilationUnit, ProjectId> ProjectOf, Dictionary<DocumentId, SourceFile> FileOf) CreateSolution(
            IReadOnlyList<CompilationUnit> units, List<CompilationUnit> toFix)
        {
            // The projects to fix and every project they reference, so that the workspace binds as the scan did.
            var needed = new HashSet<CompilationUnit>();
            var pending = new Stack<CompilationUnit>(toFix);
            while (pending.Count > 0)
            {
                var unit = pending.Pop();
                if (needed.Add(unit))
                {
                    foreach (var reference in unit.References)
                    {
                        pending.Push(reference);
                    }
                }
            }

            var projectOf = needed.ToDictionary(u => u, u => ProjectId.CreateNewId(u.AssemblyName));
            var fileOf = new Dictionary<DocumentId, SourceFile>();
            var projects = new List<ProjectInfo>();
            foreach (var unit in units.Where(needed.Contains))
            {
                var projectId = projectOf[unit];
                var documents = new List<DocumentInfo>();
                foreach (var file in unit.Files)
                {
                    var documentId = DocumentId.CreateNewId(projectId, file.FullPath);
                    fileOf[documentId] = file;
                    documents.Add(DocumentInfo.Create(
                        documentId,
                        Path.GetFileName(file.FullPath),
                        loader: TextLoader.From(TextAndVersion.Create(file.Text, VersionStamp.Create(), file.FullPath)),
                        filePath: file.FullPath));
                }

                if (unit.GlobalUsings is not null)
                {
                    documents.Add(DocumentInfo.Create(
                        DocumentId.CreateNewId(projectId, unit.GlobalUsingsPath),
                        Path.GetFileName(unit.GlobalUsingsPath),
                        loader: TextLoader.From(TextAndVersion.Create(SourceText.From(unit.GlobalUsings), VersionStamp.Create(), unit.GlobalUsingsPath)),
                        filePath: unit.GlobalUsingsPath,
                        isGenerated: true));
                }

                var editorConfigs = editorConfig.Paths.Select(path => DocumentInfo.Create(
                    DocumentId.CreateNewId(projectId, path),
                    ".editorconfig",
                    loader: TextLoader.From(TextAndVersion.Create(SourceText.From(File.ReadAllText(path)), VersionStamp.Create(), path)),
                    filePath: path));
                projects.Add(ProjectInfo.Create(
                        projectId,
                        VersionStamp.Create(),
                        unit.AssemblyName,
                        unit.AssemblyName,
                        LanguageNames.CSharp,
                        filePath: unit.Group.Settings.ProjectPath ?? Path.Combine(unit.Group.Key, unit.AssemblyName + ".csproj"),
                        compilationOptions: unit.CompilationOptions,
                        parseOptions: unit.ParseOptions,
                        documents: documents,
                        projectReferences: unit.References.Where(needed.Contains).Select(r => new ProjectReference(projectOf[r])),
                        metadataReferences: frameworkReferences.AddRange(unit.PackageReferences))
                    .WithAnalyzerConfigDocuments(editorConfigs));
            }

            var workspace = new AdhocWorkspace();
            var solution = workspace.AddSolution(SolutionInfo.Create(SolutionId.CreateNewId(), VersionStamp.Create(), projects: projects));
            return (solution, projectOf, fileOf);
        }

        private static ImmutableArray<string> SafeFixableIds(CodeFixProvider provider)
        {
            try
            {
                return provider.FixableDiagnosticIds;
            }
            catch (Exception)
            {
                return ImmutableArray<string>.Empty;
            }
        }

        private static void WriteAtomically(string path, byte[] bytes)
        {
            var temporary = path + ".socketanalyzers.tmp";
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, path, overwrite: true);
        }

        private void Log(string message)
        {
            lock (log)
            {
                log.WriteLine("socketanalyzers: " + message);
            }
        }

        /// <summary>The diagnostics already computed for the document being fixed.</summary>
        private sealed class KnownDiagnostics : FixAllContext.DiagnosticProvider
        {
            private readonly Document document;
            private readonly ImmutableArray<Diagnostic> diagnostics;

            public KnownDiagnostics(Document document, ImmutableArray<Diagnostic> diagnostics)
            {
                this.document = document;
                this.diagnostics = diagnostics;
            }

            public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
                => Task.FromResult(document.Id == this.document.Id ? (IEnumerable<Diagnostic>)diagnostics : Array.Empty<Diagnostic>());

            public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
                => Task.FromResult<IEnumerable<Diagnostic>>(Array.Empty<Diagnostic>());

            public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
                => Task.FromResult(project.Id == document.Project.Id ? (IEnumerable<Diagnostic>)diagnostics : Array.Empty<Diagnostic>());
        }
    }
}
