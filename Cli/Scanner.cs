using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace SocketAnalyzers.Cli
{
    /// <summary>What the analyzers found in one compilation.</summary>
    internal sealed record UnitAnalysis(ImmutableArray<Diagnostic> Diagnostics, int Errors, int FilesWithErrors, int FilesAnalyzed);

    /// <summary>A group of sources made ready to compile: its files, options and the compilation itself.</summary>
    internal sealed class CompilationUnit
    {
        public CompilationUnit(SourceGroup group, string assemblyName)
        {
            Group = group;
            AssemblyName = assemblyName;
            ParseOptions = group.Settings.ParseOptions();
            CompilationOptions = group.Settings.CompilationOptions();
            GlobalUsings = group.Settings.GlobalUsingsSource();
        }

        public SourceGroup Group { get; }

        public string AssemblyName { get; }

        public CSharpParseOptions ParseOptions { get; }

        public CSharpCompilationOptions CompilationOptions { get; set; }

        public string? GlobalUsings { get; }

        /// <summary>Path of the generated global-usings file (never on disk).</summary>
        public string GlobalUsingsPath => Path.Combine(Group.Key, "obj", AssemblyName + ".GlobalUsings.g.cs");

        public List<SourceFile> Files { get; } = new();

        /// <summary>Files outside the project's folder it compiles (<see cref="SourceGroup.Linked"/>): in the compilation, not scanned.</summary>
        public List<SourceFile> LinkedFiles { get; } = new();

        /// <summary>Units of referenced projects that are part of the scan.</summary>
        public List<CompilationUnit> References { get; } = new();

        public CSharpCompilation? Compilation { get; set; }

        /// <summary>Assemblies of the project's packages found in the local NuGet cache.</summary>
        public ImmutableArray<MetadataReference> PackageReferences { get; set; } = ImmutableArray<MetadataReference>.Empty;
    }

    /// <summary>
    /// The scan: finds the files, parses them in parallel, makes one compilation per project against the framework's
    /// reference assemblies (and the compilations of referenced projects), runs every analyzer concurrently and
    /// collects what they report. Code that does not compile is analyzed as far as it binds; compiler errors are
    /// only counted.
    /// </summary>
    internal sealed class Scanner
    {
        /// <summary>Larger files are generated data, not code worth reading.</summary>
        private const long MaxFileBytes = 8 * 1024 * 1024;

        private readonly ScanOptions options;
        private readonly AnalyzerCatalog catalog;
        private readonly ProgressReporter progress;
        private readonly TextWriter log;

        public Scanner(ScanOptions options, AnalyzerCatalog catalog, ProgressReporter progress, TextWriter log)
        {
            this.options = options;
            this.catalog = catalog;
            this.progress = progress;
            this.log = log;
        }

        public async Task<ScanResult> RunAsync(CancellationToken cancellationToken)
        {
            var result = new ScanResult { Threshold = options.Threshold, BaseDirectory = options.BaseDirectory };
            var discovery = new SourceDiscovery(options.Excludes, options.BaseDirectory);
            foreach (var path in options.Paths)
            {
                discovery.Add(path);
            }

            result.FilesExcluded = discovery.ExcludedFiles;
            Trace("discovered files");
            var units = CreateUnits(discovery.Groups);
            ReadAndParse(units, result, cancellationToken);
            Trace("parsed files");
            units = SplitLooseUnits(units, cancellationToken);
            result.Projects = units.Count;
            Trace("grouped loose files");
            var editorConfig = EditorConfigOptions.Load(units.SelectMany(u => u.Files).Select(f => f.FullPath));
            var references = FrameworkReferences.Instance;
            Trace("loaded references");
            if (options.Verbose)
            {
                lock (log)
                {
                    log.WriteLine($"socketanalyzers: references from {references.Description} ({references.References.Length} assemblies)");
                    log.WriteLine($"socketanalyzers: {catalog.Analyzers.Length} analyzers, {catalog.Fixers.Length} code-fix providers, {editorConfig.FileCount} .editorconfig files");
                    foreach (var unit in units)
                    {
                        log.WriteLine($"socketanalyzers: project {unit.Group.Name} ({unit.Group.Settings.ProjectPath ?? unit.Group.Key}): {unit.Files.Count} files"
                            + (unit.LinkedFiles.Count > 0 ? $", and {unit.LinkedFiles.Count} linked from outside its folder (compiled, not scanned)" : string.Empty));
                    }
                }
            }

            var packages = new PackageReferences(options.PackagesFolder, references.References);
            foreach (var unit in units)
            {
                unit.CompilationOptions = unit.CompilationOptions.WithSyntaxTreeOptionsProvider(editorConfig);
                unit.PackageReferences = packages.Resolve(unit.Group.Settings.PackageReferences);
                unit.Compilation = CreateCompilation(unit, references.References);
                if (options.Verbose && unit.Group.Settings.PackageReferences.Count > 0)
                {
                    // What binds in a scan depends on what this machine's cache holds: say so, so that two machines' reports can be told apart.
                    var found = unit.PackageReferences.Select(r => Path.GetFileName(r.Display ?? string.Empty)).OrderBy(n => n, StringComparer.Ordinal);
                    lock (log)
                    {
                        log.WriteLine($"socketanalyzers: project {unit.Group.Name}: packages {string.Join(", ", unit.Group.Settings.PackageReferences)}; "
                            + $"{unit.PackageReferences.Length} assemblies from the cache at {options.PackagesFolder ?? "(none)"}: {string.Join(", ", found)}");
                    }
                }
            }

            progress.Analyzing(units.Count);
            var findings = new ConcurrentBag<(CompilationUnit Unit, ImmutableArray<Diagnostic> Diagnostics)>();
            await Parallel.ForEachAsync(
                units.OrderByDescending(u => u.Files.Count),
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount), CancellationToken = cancellationToken },
                async (unit, ct) =>
                {
                    var analysis = await AnalyzeAsync(unit, unit.Compilation!, editorConfig, result, ct).ConfigureAwait(false);
                    lock (result)
                    {
                        result.CompilerErrors += analysis.Errors;
                        result.FilesWithCompilerErrors += analysis.FilesWithErrors;
                        result.FilesAnalyzed += analysis.FilesAnalyzed;
                    }

                    findings.Add((unit, analysis.Diagnostics));
                    progress.ProjectDone();
                }).ConfigureAwait(false);

            Trace("analyzed");
            var diagnosticsByUnit = findings.ToDictionary(f => f.Unit, f => f.Diagnostics);
            if (options.Fix)
            {
                progress.Fixing();
                var fixer = new Fixer(catalog, editorConfig, references.References, this, log);
                var (report, remaining) = await fixer.RunAsync(units, diagnosticsByUnit, cancellationToken).ConfigureAwait(false);
                result.Fixes = report;
                Trace("fixed");
                foreach (var pair in remaining)
                {
                    diagnosticsByUnit[pair.Key] = pair.Value;
                }
            }

            foreach (var diagnostic in diagnosticsByUnit.Values.SelectMany(d => d))
            {
                result.Findings.Add(ToFinding(diagnostic));
            }

            result.Findings.Sort((a, b) =>
            {
                var c = string.CompareOrdinal(a.DisplayPath, b.DisplayPath);
                if (c == 0) c = a.Line.CompareTo(b.Line);
                if (c == 0) c = a.Column.CompareTo(b.Column);
                if (c == 0) c = string.CompareOrdinal(a.RuleId, b.RuleId);
                return c;
            });
            result.Elapsed = progress.Elapsed;
            return result;
        }

        private void Trace(string what)
        {
            if (options.Verbose)
            {
                lock (log)
                {
                    log.WriteLine($"socketanalyzers: {what} at {progress.Elapsed.TotalSeconds:0.00} s");
                }
            }
        }

        /// <summary>
        /// Runs every analyzer over the files of <paramref name="compilation"/> that can hold a finding (all of them with
        /// <c>--all-files</c>) and returns the diagnostics to report (in scanned files, at or above the threshold, not
        /// suppressed), with the count of compiler errors and of the files analyzed.
        /// </summary>
        internal async Task<UnitAnalysis> AnalyzeAsync(
            CompilationUnit unit, Compilation compilation, EditorConfigOptions editorConfig, ScanResult? failures, CancellationToken cancellationToken)
        {
            if (catalog.Analyzers.IsEmpty || unit.Files.Count == 0)
            {
                return new UnitAnalysis(ImmutableArray<Diagnostic>.Empty, 0, 0, 0);
            }

            var scanned = new HashSet<string>(unit.Files.Select(f => f.FullPath), StringComparer.Ordinal);
            var scannedTrees = compilation.SyntaxTrees.Where(t => scanned.Contains(t.FilePath)).ToList();
            var analyzerOptions = new CompilationWithAnalyzersOptions(
                editorConfig.AnalyzerOptions,
                onAnalyzerException: null,
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false,
                reportSuppressedDiagnostics: false);
            var all = new List<Diagnostic>();
            int analyzed;
            try
            {
                var withAnalyzers = compilation.WithAnalyzers(catalog.Analyzers, analyzerOptions);
                var clock = System.Diagnostics.Stopwatch.StartNew();
                var relevant = options.AllFiles || await NeedsWholeCompilationAsync(withAnalyzers, cancellationToken).ConfigureAwait(false)
                    ? new HashSet<SyntaxTree>(scannedTrees)
                    : NetworkRelevance.Select(compilation, scannedTrees, new HashSet<MetadataReference>(unit.PackageReferences), cancellationToken);
                var selectTime = clock.Elapsed;
                analyzed = relevant.Count;
                if (relevant.Count == scannedTrees.Count)
                {
                    // Every file: the whole compilation at once. The analyzer driver computes the compiler's diagnostics
                    // anyway to raise its events, so counting every compiler error is free.
                    all.AddRange(await withAnalyzers.GetAllDiagnosticsAsync(cancellationToken).ConfigureAwait(false));
                }
                else
                {
                    // Only the files that can hold a finding; the others are parsed and declared, never bound.
                    all.AddRange(compilation.GetParseDiagnostics(cancellationToken));
                    all.AddRange(compilation.GetDeclarationDiagnostics(cancellationToken));
                    var declarationTime = clock.Elapsed;
                    var bag = new ConcurrentBag<Diagnostic>();
                    await Parallel.ForEachAsync(
                        relevant,
                        new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount), CancellationToken = cancellationToken },
                        async (tree, ct) =>
                        {
                            foreach (var diagnostic in await withAnalyzers.GetAnalyzerSyntaxDiagnosticsAsync(tree, ct).ConfigureAwait(false))
                            {
                                bag.Add(diagnostic);
                            }

                            foreach (var diagnostic in await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), null, ct).ConfigureAwait(false))
                            {
                                bag.Add(diagnostic);
                            }
                        }).ConfigureAwait(false);
                    all.AddRange(bag);
                    if (options.Verbose)
                    {
                        lock (log)
                        {
                            log.WriteLine($"socketanalyzers: {unit.Group.Name}: {relevant.Count}/{scannedTrees.Count} files; selected in {selectTime.TotalSeconds:0.00} s, declarations by {declarationTime.TotalSeconds:0.00} s, analyzed by {clock.Elapsed.TotalSeconds:0.00} s");
                        }
                    }
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                RecordFailure(failures, e, null, null, unit.Group.Name);
                return new UnitAnalysis(ImmutableArray<Diagnostic>.Empty, 0, 0, 0);
            }

            var ruleIds = new HashSet<string>(catalog.Rules.Select(r => r.Id), StringComparer.Ordinal);
            var reported = ImmutableArray.CreateBuilder<Diagnostic>();
            var errors = 0;
            var filesWithErrors = new HashSet<string>(StringComparer.Ordinal);
            foreach (var diagnostic in all.Distinct())
            {
                var path = diagnostic.Location.SourceTree?.FilePath;
                if (ruleIds.Contains(diagnostic.Id))
                {
                    if (path is not null && scanned.Contains(path) && !diagnostic.IsSuppressed && diagnostic.Severity >= options.Threshold && diagnostic.Location.IsInSource)
                    {
                        reported.Add(diagnostic);
                    }
                }
                else if (diagnostic.Id is "AD0001" or "AD0002")
                {
                    RecordFailure(failures, null, null, diagnostic);
                }
                else if (diagnostic.Severity == DiagnosticSeverity.Error && path is not null && scanned.Contains(path))
                {
                    errors++;
                    filesWithErrors.Add(path);
                }
            }

            return new UnitAnalysis(reported.ToImmutable(), errors, filesWithErrors.Count, analyzed);
        }

        /// <summary>
        /// True when an analyzer registered compilation-end or symbol-end actions for this compilation: those only run
        /// when the whole compilation is analyzed, so the file filter would lose their findings.
        /// </summary>
        private async Task<bool> NeedsWholeCompilationAsync(CompilationWithAnalyzers withAnalyzers, CancellationToken cancellationToken)
        {
            foreach (var analyzer in catalog.Analyzers)
            {
                var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, cancellationToken).ConfigureAwait(false);
                if (telemetry.CompilationEndActionsCount > 0 || telemetry.SymbolEndActionsCount > 0)
                {
                    return true;
                }
            }

            return false;
        }

        internal CSharpCompilation CreateCompilation(CompilationUnit unit, ImmutableArray<MetadataReference> frameworkReferences)
        {
            var trees = new List<SyntaxTree>(unit.Files.Count + unit.LinkedFiles.Count + 1);
            trees.AddRange(unit.Files.Select(f => f.Tree!));
            trees.AddRange(unit.LinkedFiles.Select(f => f.Tree!));
            if (unit.GlobalUsings is not null)
            {
                trees.Add(CSharpSyntaxTree.ParseText(SourceText.From(unit.GlobalUsings), unit.ParseOptions, unit.GlobalUsingsPath));
            }

            var references = frameworkReferences.AddRange(unit.PackageReferences).AddRange(unit.References
                .Where(r => r.Compilation is not null)
                .Select(r => (MetadataReference)r.Compilation!.ToMetadataReference()));
            return CSharpCompilation.Create(unit.AssemblyName, trees, references, unit.CompilationOptions);
        }

        internal Finding ToFinding(Diagnostic diagnostic)
        {
            var span = diagnostic.Location.GetLineSpan();
            var path = diagnostic.Location.SourceTree?.FilePath ?? span.Path;
            var descriptor = catalog.Find(diagnostic.Id) ?? diagnostic.Descriptor;
            var helpUri = string.IsNullOrEmpty(diagnostic.Descriptor.HelpLinkUri) ? descriptor.HelpLinkUri : diagnostic.Descriptor.HelpLinkUri;
            return new Finding(
                diagnostic.Id,
                diagnostic.Severity,
                diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture),
                descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture),
                string.IsNullOrEmpty(helpUri) ? null : helpUri,
                path,
                DisplayPath(path),
                span.StartLinePosition.Line + 1,
                span.StartLinePosition.Character + 1,
                span.EndLinePosition.Line + 1,
                span.EndLinePosition.Character + 1);
        }

        /// <summary>Relative to the current directory when the file is under it, else the full path.</summary>
        internal string DisplayPath(string fullPath)
        {
            var relative = Path.GetRelativePath(options.BaseDirectory, fullPath);
            return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? fullPath : relative;
        }

        private List<CompilationUnit> CreateUnits(IReadOnlyCollection<SourceGroup> groups)
        {
            var units = new List<CompilationUnit>();
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var group in groups.OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var name = SanitizeAssemblyName(group.Name);
                var unique = name;
                for (var i = 2; !names.Add(unique); i++)
                {
                    unique = name + "_" + i;
                }

                units.Add(new CompilationUnit(group, unique));
            }

            // Project references between scanned projects, so one project's types bind in another; cycles are cut.
            var byProject = units.Where(u => u.Group.Settings.ProjectPath is not null)
                .ToDictionary(u => Path.GetDirectoryName(u.Group.Settings.ProjectPath!)!, StringComparer.Ordinal);
            foreach (var unit in units)
            {
                foreach (var reference in unit.Group.Settings.ProjectReferences)
                {
                    if (byProject.TryGetValue(Path.GetDirectoryName(reference)!, out var target) && target != unit && !target.References.Contains(unit))
                    {
                        unit.References.Add(target);
                    }
                }
            }

            return TopologicalOrder(units);
        }

        /// <summary>
        /// Splits each group of loose files into the programs it holds (<see cref="LooseFileGrouping"/>), on every
        /// loose file read (before the default mode picks the files to analyze, so both modes compile the same groups).
        /// Loose units reference no project and nothing references them, so the order of the others is kept.
        /// </summary>
        private List<CompilationUnit> SplitLooseUnits(List<CompilationUnit> units, CancellationToken cancellationToken)
        {
            if (!units.Any(u => u.Group.Settings.ProjectPath is null && u.Files.Count > 1))
            {
                return units;
            }

            var names = new HashSet<string>(units.Select(u => u.AssemblyName), StringComparer.OrdinalIgnoreCase);
            var result = new List<CompilationUnit>(units.Count);
            foreach (var unit in units)
            {
                var parts = unit.Group.Settings.ProjectPath is null
                    ? LooseFileGrouping.Split(unit.Group.Key, unit.Files, cancellationToken)
                    : null;
                if (parts is null || parts.Count < 2)
                {
                    result.Add(unit);
                    continue;
                }

                names.Remove(unit.AssemblyName);
                var displayNames = new HashSet<string>(StringComparer.Ordinal);
                foreach (var part in parts)
                {
                    var key = CommonFolder(part.Select(f => Path.GetDirectoryName(f.FullPath)!));
                    var relative = Path.GetRelativePath(unit.Group.Key, key);
                    var folderName = relative == "." || relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)
                        ? unit.Group.Name
                        : unit.Group.Name + "/" + relative.Replace(Path.DirectorySeparatorChar, '/');
                    var name = folderName;
                    for (var i = 2; !displayNames.Add(name); i++)
                    {
                        // Two groups under one folder (the folder's subfolders clash with each other and with its own files).
                        name = $"{folderName} ({i})";
                    }

                    var group = new SourceGroup(key, name, unit.Group.Settings);
                    var assemblyName = SanitizeAssemblyName(name);
                    var unique = assemblyName;
                    for (var i = 2; !names.Add(unique); i++)
                    {
                        unique = assemblyName + "_" + i;
                    }

                    var split = new CompilationUnit(group, unique);
                    foreach (var file in part)
                    {
                        group.Files.Add(file.FullPath);
                        split.Files.Add(file);
                    }

                    result.Add(split);
                }

                if (options.Verbose)
                {
                    lock (log)
                    {
                        log.WriteLine($"socketanalyzers: loose files of {unit.Group.Key} declare a type twice: split into {parts.Count} projects");
                    }
                }
            }

            return result;
        }

        private static string CommonFolder(IEnumerable<string> folders)
        {
            string? common = null;
            foreach (var folder in folders)
            {
                if (common is null)
                {
                    common = folder;
                    continue;
                }

                while (!IsAtOrBelow(folder, common))
                {
                    var parent = Path.GetDirectoryName(common);
                    if (parent is null)
                    {
                        return common;
                    }

                    common = parent;
                }
            }

            return common ?? string.Empty;
        }

        private static bool IsAtOrBelow(string folder, string ancestor)
            => folder.Equals(ancestor, StringComparison.Ordinal)
                || (folder.StartsWith(ancestor, StringComparison.Ordinal)
                    && (ancestor.EndsWith(Path.DirectorySeparatorChar) || folder[ancestor.Length] == Path.DirectorySeparatorChar));

        private static List<CompilationUnit> TopologicalOrder(List<CompilationUnit> units)
        {
            var ordered = new List<CompilationUnit>();
            var state = new Dictionary<CompilationUnit, int>();
            void Visit(CompilationUnit unit)
            {
                if (state.TryGetValue(unit, out var s))
                {
                    return;
                }

                state[unit] = 1;
                foreach (var reference in unit.References.ToList())
                {
                    if (state.TryGetValue(reference, out var rs) && rs == 1)
                    {
                        unit.References.Remove(reference);
                        continue;
                    }

                    Visit(reference);
                }

                state[unit] = 2;
                ordered.Add(unit);
            }

            foreach (var unit in units)
            {
                Visit(unit);
            }

            return ordered;
        }

        private static string SanitizeAssemblyName(string name)
        {
            var chars = name.Select(c => char.IsLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '_').ToArray();
            var result = new string(chars).Trim('.');
            return result.Length == 0 ? "Scanned" : result;
        }

        private void ReadAndParse(List<CompilationUnit> units, ScanResult result, CancellationToken cancellationToken)
        {
            var work = units.SelectMany(u => u.Group.Files.Select(f => (Unit: u, Path: f, Linked: false))
                .Concat(u.Group.Linked.Where(f => !u.Group.Files.Contains(f)).Select(f => (Unit: u, Path: f, Linked: true)))).ToList();
            progress.Reading(work.Count);
            var read = new (SourceFile? File, string? Problem)[work.Count];
            Parallel.For(
                0,
                work.Count,
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount), CancellationToken = cancellationToken },
                i =>
                {
                    var (unit, path, _) = work[i];
                    try
                    {
                        var info = new FileInfo(path);
                        if (info.Length > MaxFileBytes)
                        {
                            read[i] = (null, $"{DisplayPath(path)}: skipped, larger than {MaxFileBytes / (1024 * 1024)} MB");
                            return;
                        }

                        var file = SourceFile.Read(path, unit.Group);
                        file.Tree = CSharpSyntaxTree.ParseText(file.Text, unit.ParseOptions, path, cancellationToken);
                        read[i] = (file, null);
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                    {
                        read[i] = (null, $"{DisplayPath(path)}: skipped, {e.Message}");
                    }
                    finally
                    {
                        progress.FileRead();
                    }
                });

            for (var i = 0; i < work.Count; i++)
            {
                if (read[i].File is { } file && work[i].Linked)
                {
                    work[i].Unit.LinkedFiles.Add(file);
                }
                else if (read[i].File is { } own)
                {
                    work[i].Unit.Files.Add(own);
                    result.FilesRead++;
                }
                else
                {
                    // A linked file that cannot be read is only missing from the compilation: what needs it does not bind.
                    result.FilesSkipped += work[i].Linked ? 0 : 1;
                    lock (log)
                    {
                        log.WriteLine("socketanalyzers: " + read[i].Problem);
                    }
                }
            }
        }

        private void RecordFailure(ScanResult? result, Exception? exception, DiagnosticAnalyzer? analyzer, Diagnostic? diagnostic, string? where = null)
        {
            if (result is null)
            {
                return;
            }

            string text;
            if (exception is not null)
            {
                var location = diagnostic?.Location is { IsInSource: true } l
                    ? $" at {DisplayPath(l.SourceTree!.FilePath)}({l.GetLineSpan().StartLinePosition.Line + 1})"
                    : where is not null ? $" in {where}" : string.Empty;
                text = $"{analyzer?.GetType().Name ?? "the analyzer driver"} threw {exception.GetType().Name}{location}: {exception.Message}";
            }
            else if (diagnostic is not null)
            {
                text = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
            }
            else
            {
                return;
            }

            lock (result.AnalyzerFailures)
            {
                if (!result.AnalyzerFailures.Contains(text))
                {
                    result.AnalyzerFailures.Add(text);
                }
            }
        }
    }
}
