using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SocketAnalyzers.AnalyzerCost.Workloads;

namespace SocketAnalyzers.AnalyzerCost
{
    /// <summary>What one workload cost: minimums over the runs.</summary>
    internal sealed class Measurement
    {
        public required string Title { get; init; }

        public int Files { get; init; }

        public int Lines { get; init; }

        public int Statements { get; set; }

        /// <summary>Min over runs of <c>compilation.GetDiagnostics()</c> on a fresh compilation (declarations and every method body bound).</summary>
        public double BindingMs { get; init; }

        /// <summary>Min over runs of the sum of the analyzers' execution times (driver telemetry).</summary>
        public double AnalyzerMs { get; init; }

        /// <summary>Min over runs of the wall time of <c>GetAnalysisResultAsync</c> on a fresh compilation (binding, driver and analyzers).</summary>
        public double DriverWallMs { get; init; }

        /// <summary>Min over runs of the process CPU time of the binding (steadier than wall time on a loaded machine).</summary>
        public double BindingCpuMs { get; init; }

        /// <summary>Min over runs of the process CPU time of <c>GetAnalysisResultAsync</c> (binding, driver and analyzers).</summary>
        public double DriverCpuMs { get; init; }

        /// <summary>What the analyzers add in CPU time: driver CPU minus binding CPU (includes the driver's own work and operation trees).</summary>
        public double ExtraCpuRatio => (DriverCpuMs - BindingCpuMs) / BindingCpuMs;

        /// <summary>Min over runs of the bytes allocated by <c>GetAnalysisResultAsync</c> (binding, driver and analyzers), in MB.</summary>
        public double DriverAllocatedMb { get; init; }

        /// <summary>Min over runs of the bytes allocated by the binding alone, in MB.</summary>
        public double BindingAllocatedMb { get; init; }

        /// <summary>Measured steps during which a collection ran anyway (the no-collection region did not hold), of all steps.</summary>
        public string Collections { get; init; } = "";

        /// <summary>Per analyzer: min over runs of its execution time.</summary>
        public required IReadOnlyList<(string Analyzer, double Ms)> PerAnalyzer { get; init; }

        /// <summary>Every run's analyzer telemetry and binding time, in the order run: the spread the minimums come from.</summary>
        public required IReadOnlyList<RunTimes> Runs { get; init; }

        /// <summary>
        /// The slowest run's binding over the fastest's. The binding does the same work every run, so its spread is the
        /// machine's drift during the series (x1.19 to x1.26 in the calmest series of 2026-12-07's evening); above <see cref="Disturbed"/> the minimums may come
        /// from different minutes, and the verdicts say so.
        /// </summary>
        public double BindingSpread => Runs.Count == 0 ? 1 : Runs.Max(r => r.BindingMs) / Math.Max(Runs.Min(r => r.BindingMs), 0.001);

        /// <summary>The binding spread above which a series is called disturbed.</summary>
        public const double Disturbed = 1.3;

        /// <summary>What a verdict says of the series: its binding spread, marked when disturbed.</summary>
        public string SpreadNote => SpreadOf(this);

        /// <summary>
        /// The binding spread of each series (a verdict on growth compares two), marked when any is disturbed, and the page
        /// faults of the steps the minimums came from.
        /// </summary>
        public static string SpreadOf(params Measurement[] series)
        {
            var spreads = string.Join(" and ", series.Select(m => $"x{m.BindingSpread:F2}"));
            var spread = series.Any(m => m.BindingSpread > Disturbed) ? $"**disturbed: the binding's runs spread {spreads}**" : $"the binding's runs spread {spreads}";
            var faults = string.Join("; ", series.Where(m => m.FaultNote.Length > 0).Select(m => m.Statements > 0 ? $"at {m.Statements:N0} statements {m.FaultNote}" : m.FaultNote));
            return faults.Length == 0 ? spread : $"{spread}; {faults}";
        }

        /// <summary>
        /// The page faults of the binding step and of the analysis step that gave the minimums (null where the system does
        /// not count them): whether the minimums paid for fresh memory (<see cref="PageFaults"/>).
        /// </summary>
        public string FaultNote
        {
            get
            {
                if (Runs.Count == 0 || Runs[0].BindingFaults is null)
                {
                    return "";
                }

                var fastestBinding = Runs.MinBy(r => r.BindingMs);
                var fastestAnalysis = Runs.MinBy(r => r.AnalyzerMs);
                return $"the fastest binding met {Faults(fastestBinding.BindingFaults)}, the fastest analysis {Faults(fastestAnalysis.AnalysisFaults)}";

                static string Faults(long? count) => count == 1 ? "1 page fault" : $"{count:N0} page faults";
            }
        }

        /// <summary>Analyzer diagnostics of the last run (AD0001 included).</summary>
        public ImmutableArray<Diagnostic> Diagnostics { get; init; }

        public int Exceptions { get; init; }

        public int CompileErrors { get; init; }

        /// <summary>Telemetry over the binding's wall time: the budgets' definition, but the denominator inflates under load.</summary>
        public double Ratio => AnalyzerMs / BindingMs;

        /// <summary>
        /// Telemetry over the binding's CPU time: the same as <see cref="Ratio"/> on a quiet machine (one-threaded binding),
        /// and much steadier on a loaded one, whose load inflates one long binding call more than the many short analyzer
        /// callbacks whose minimum telemetry is taken. The verdicts use this one.
        /// </summary>
        public double RatioCpu => AnalyzerMs / BindingCpuMs;
    }

    /// <summary>One run of a workload: the analyzers' telemetry and the binding's wall time, and each step's page faults.</summary>
    internal readonly record struct RunTimes(double AnalyzerMs, double BindingMs, long? BindingFaults, long? AnalysisFaults);

    /// <summary>
    /// The process's minor page faults so far (Linux: <c>/proc/self/stat</c>), or null elsewhere. A step that allocates into
    /// memory the process has not touched before faults once per page: on this project's benchmark machine, a virtual machine,
    /// a first touch costs about 11 µs (bench/README.md, "Page faults"), so the binding of the dense corpus, which allocates
    /// 44 MB, takes about 120 ms longer when its memory is fresh than when the collector hands it pages it already touched.
    /// Which one a step gets depends on what the collector gave back to the system before it: the counts say which.
    /// </summary>
    internal static class PageFaults
    {
        public static long? Now()
        {
            try
            {
                // pid (comm) state ppid pgrp session tty_nr tpgid flags minflt …: the name may hold spaces, not ')'.
                var stat = File.ReadAllText("/proc/self/stat");
                var fields = stat.Substring(stat.LastIndexOf(')') + 2).Split(' ');
                return long.Parse(fields[7], System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
            {
                return null;
            }
        }

        public static long? Since(long? before) => Now() is { } now && before is { } then ? now - then : null;
    }

    /// <summary>The analyzers of the package, found by reflection like the tests and the scanner do.</summary>
    internal static class PackageAnalyzers
    {
        public static ImmutableArray<DiagnosticAnalyzer> Load(IReadOnlyList<string> only)
            => typeof(Descriptors).Assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0)
                .Where(t => only.Count == 0 || only.Any(o => t.Name.Contains(o, StringComparison.OrdinalIgnoreCase)))
                .OrderBy(t => t.Name, StringComparer.Ordinal)
                .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
                .ToImmutableArray();

        public static string Name(DiagnosticAnalyzer analyzer) => analyzer.GetType().Name;
    }

    internal static class ReferenceAssemblies
    {
        /// <summary>
        /// Every <c>*.dll</c> of <paramref name="folder"/>, or of the newest <c>packs/Microsoft.NETCore.App.Ref/*/ref/net*</c>
        /// under the root of the running .NET.
        /// </summary>
        public static ImmutableArray<MetadataReference> Load(string? folder, out string used)
        {
            used = folder ?? FindSdkReferencePack();
            return Directory.GetFiles(used, "*.dll")
                .OrderBy(f => f, StringComparer.Ordinal)
                .Select(f => (MetadataReference)MetadataReference.CreateFromFile(f))
                .ToImmutableArray();
        }

        private static string FindSdkReferencePack()
        {
            // .../shared/Microsoft.NETCore.App/<version>/ -> the dotnet root is three levels up.
            var runtime = RuntimeEnvironment.GetRuntimeDirectory().TrimEnd(Path.DirectorySeparatorChar);
            var root = Path.GetFullPath(Path.Combine(runtime, "..", "..", ".."));
            var packs = Path.Combine(root, "packs", "Microsoft.NETCore.App.Ref");
            var candidates = Directory.Exists(packs)
                ? Directory.GetDirectories(packs)
                    .Select(v => (Version: Version.TryParse(Path.GetFileName(v).Split('-')[0], out var parsed) ? parsed : new Version(0, 0), Path: v))
                    .OrderByDescending(v => v.Version)
                    .SelectMany(v => Directory.Exists(Path.Combine(v.Path, "ref")) ? Directory.GetDirectories(Path.Combine(v.Path, "ref"), "net*") : Array.Empty<string>())
                    .ToList()
                : new List<string>();
            return candidates.Count > 0
                ? candidates[0]
                : throw new DirectoryNotFoundException($"No reference pack under {packs}; pass --refs DIR.");
        }
    }

    internal sealed class Harness
    {
        private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);

        private static readonly CSharpCompilationOptions CompilationOptions = new(
            OutputKind.DynamicallyLinkedLibrary,
            nullableContextOptions: NullableContextOptions.Enable,
            allowUnsafe: true,
            concurrentBuild: false);

        private readonly ImmutableArray<MetadataReference> references;
        private readonly bool concurrent;
        private readonly bool collections;
        private int compilations;
        private int steps;
        private int collected;

        /// <param name="collections">
        /// False (the default): each measured step runs in a no-collection region (<see cref="GC.TryStartNoGCRegion(long)"/>).
        /// One analysis of the dense corpus allocates about 120 MB and so meets about one gen0 collection, whose pause (about
        /// 80 ms on this machine, as long as the whole analyzer telemetry) lands in whichever callback is running: the
        /// binding's, the driver's or one analyzer's. Which one is chance, and the min of a few runs then measures the
        /// lottery more than the code. Allocation is reported beside the times instead.
        /// </param>
        public Harness(ImmutableArray<MetadataReference> references, bool concurrent, bool collections = false)
        {
            this.references = references;
            this.concurrent = concurrent;
            this.collections = collections;
        }

        /// <summary>Starts a no-collection region for one measured step (when asked for and possible); dispose to end it.</summary>
        private NoCollections Step() => new(this);

        private readonly struct NoCollections : IDisposable
        {
            private const long Budget = 480_000_000;
            private readonly Harness owner;
            private readonly bool started;
            private readonly int count;

            public NoCollections(Harness owner)
            {
                this.owner = owner;
                started = false;
                if (!owner.collections)
                {
                    try
                    {
                        started = GC.TryStartNoGCRegion(Budget);
                    }
                    catch (ArgumentOutOfRangeException)
                    {
                        // More than the runtime can promise: measure with collections.
                    }
                }

                // Starting the region collects first: count from here.
                count = GC.CollectionCount(0);
            }

            public void Dispose()
            {
                owner.steps++;
                if (GC.CollectionCount(0) != count)
                {
                    owner.collected++;
                }

                if (started && System.Runtime.GCSettings.LatencyMode == System.Runtime.GCLatencyMode.NoGCRegion)
                {
                    GC.EndNoGCRegion();
                }
            }
        }

        /// <summary>JIT the compiler, the driver and the analyzers on a small corpus before anything is timed.</summary>
        public void WarmUp(ImmutableArray<DiagnosticAnalyzer> analyzers)
        {
            var trees = Parse(DenseSocketCorpus.Generate(1000));
            for (var i = 0; i < 2; i++)
            {
                NewCompilation(trees).GetDiagnostics();
                RunAnalyzersAsync(trees, analyzers).GetAwaiter().GetResult();
            }
        }

        public static int CountStatements(IEnumerable<KeyValuePair<string, string>> files)
            => files.Sum(f => CSharpSyntaxTree.ParseText(f.Value, ParseOptions).GetRoot()
                .DescendantNodes().OfType<StatementSyntax>().Count(s => s is not BlockSyntax));

        public async Task<Measurement> MeasureAsync(string title, IReadOnlyList<KeyValuePair<string, string>> files, ImmutableArray<DiagnosticAnalyzer> analyzers, int runs)
            => (await MeasureInterleavedAsync(new[] { (title, files) }, analyzers, runs))[0];

        /// <summary>
        /// Measures several workloads in rounds: each round binds and analyzes every workload once, in order, so that a
        /// stretch of outside load (or anything else that drifts with time) hits every workload of a round alike instead of
        /// every run of one workload. Each workload keeps its own minimums. With one workload this is the plain series of runs.
        /// </summary>
        public async Task<IReadOnlyList<Measurement>> MeasureInterleavedAsync(IReadOnlyList<(string Title, IReadOnlyList<KeyValuePair<string, string>> Files)> workloads, ImmutableArray<DiagnosticAnalyzer> analyzers, int runs)
        {
            var minimums = workloads.Select(w => new Minimums(w.Title, w.Files, Parse(w.Files), analyzers)).ToList();
            for (var run = 0; run < runs; run++)
            {
                foreach (var m in minimums)
                {
                    var (stepsBefore, collectedBefore) = (steps, collected);

                    // Binding and analysis alternate, so outside load hits both alike.
                    var bound = Bind(m.Trees);
                    var analyzed = await RunAnalyzersAsync(m.Trees, analyzers);
                    m.Add(bound, analyzed, steps - stepsBefore, collected - collectedBefore);
                }
            }

            return minimums.Select(m => m.ToMeasurement(collections)).ToList();
        }

        /// <summary>One workload's minimums over its runs.</summary>
        private sealed class Minimums
        {
            private readonly string title;
            private readonly IReadOnlyList<KeyValuePair<string, string>> files;
            private readonly Dictionary<DiagnosticAnalyzer, double> perAnalyzer;
            private double wall = double.MaxValue;
            private double bindingCpu = double.MaxValue;
            private double driverCpu = double.MaxValue;
            private double driverAllocated = double.MaxValue;
            private double bindingAllocated = double.MaxValue;
            private int compileErrors;
            private int steps;
            private int collected;
            private AnalyzerRun? last;
            private readonly List<RunTimes> runs = new();

            public Minimums(string title, IReadOnlyList<KeyValuePair<string, string>> files, ImmutableArray<SyntaxTree> trees, ImmutableArray<DiagnosticAnalyzer> analyzers)
            {
                this.title = title;
                this.files = files;
                Trees = trees;
                perAnalyzer = analyzers.ToDictionary(a => a, _ => double.MaxValue);
            }

            public ImmutableArray<SyntaxTree> Trees { get; }

            public void Add((double Ms, double CpuMs, int Errors, double AllocatedMb, long? Faults) bound, AnalyzerRun run, int stepCount, int collectedCount)
            {
                bindingCpu = Math.Min(bindingCpu, bound.CpuMs);
                bindingAllocated = Math.Min(bindingAllocated, bound.AllocatedMb);
                compileErrors = bound.Errors;
                last = run;
                driverAllocated = Math.Min(driverAllocated, run.AllocatedMb);
                runs.Add(new RunTimes(run.PerAnalyzerMs.Values.Sum(), bound.Ms, bound.Faults, run.Faults));
                wall = Math.Min(wall, run.WallMs);
                driverCpu = Math.Min(driverCpu, run.CpuMs);
                foreach (var pair in run.PerAnalyzerMs)
                {
                    perAnalyzer[pair.Key] = Math.Min(perAnalyzer[pair.Key], pair.Value);
                }

                steps += stepCount;
                collected += collectedCount;
            }

            public Measurement ToMeasurement(bool collections)
            {
                var diagnostics = last!.Diagnostics;
                return new Measurement
                {
                    Title = title,
                    Files = files.Count,
                    Lines = files.Sum(f => DenseSocketCorpus.CountLines(f.Value)),
                    BindingMs = runs.Min(r => r.BindingMs),
                    AnalyzerMs = runs.Min(r => r.AnalyzerMs),
                    DriverWallMs = wall,
                    BindingCpuMs = bindingCpu,
                    DriverCpuMs = driverCpu,
                    DriverAllocatedMb = driverAllocated,
                    BindingAllocatedMb = bindingAllocated,
                    Collections = collections ? "collections allowed" : $"{collected} of {steps} measured steps met a collection",
                    PerAnalyzer = perAnalyzer.Select(p => (PackageAnalyzers.Name(p.Key), p.Value)).OrderByDescending(p => p.Item2).ToList(),
                    Diagnostics = diagnostics,
                    Exceptions = diagnostics.Count(d => d.Id == "AD0001"),
                    CompileErrors = compileErrors,
                    Runs = runs,
                };
            }
        }

        /// <summary>
        /// Each gating probe alone on the workload: its telemetry time, and the driver's wall time, which includes what
        /// telemetry does not see (binding the bodies and building operation trees for the probe's actions).
        /// </summary>
        public async Task MeasureGatingAsync(string workloadName, IReadOnlyList<KeyValuePair<string, string>> files, int runs)
        {
            var trees = Parse(files);
            var probes = GatingProbes.All;
            var binding = double.MaxValue;
            var telemetry = new double[probes.Count];
            var walls = new double[probes.Count];
            var cpus = new double[probes.Count];
            var bindingCpu = double.MaxValue;
            Array.Fill(telemetry, double.MaxValue);
            Array.Fill(walls, double.MaxValue);
            Array.Fill(cpus, double.MaxValue);
            foreach (var probe in probes)
            {
                await RunAnalyzersAsync(trees, ImmutableArray.Create(probe.Create()));
            }

            for (var run = 0; run < runs; run++)
            {
                var bound = Bind(trees);
                binding = Math.Min(binding, bound.Ms);
                bindingCpu = Math.Min(bindingCpu, bound.CpuMs);
                for (var p = 0; p < probes.Count; p++)
                {
                    var result = await RunAnalyzersAsync(trees, ImmutableArray.Create(probes[p].Create()));
                    telemetry[p] = Math.Min(telemetry[p], result.PerAnalyzerMs.Values.Sum());
                    walls[p] = Math.Min(walls[p], result.WallMs);
                    cpus[p] = Math.Min(cpus[p], result.CpuMs);
                }
            }

            var lines = files.Sum(f => DenseSocketCorpus.CountLines(f.Value));
            Console.WriteLine($"## Gating designs on {workloadName} ({files.Count} files, {lines:N0} lines), min of {runs} runs");
            Console.WriteLine();
            Console.WriteLine($"Binding: {binding:F0} ms wall, {bindingCpu:F0} ms CPU. Telemetry is the time inside the probe's callbacks. The driver's wall time on a fresh");
            Console.WriteLine("compilation also contains whatever binding and operation-tree building the probe's registrations make the driver do");
            Console.WriteLine("(a probe with only syntax or no actions binds nothing); 'wall - binding' is that wall time minus the compiler's own binding.");
            Console.WriteLine();
            Console.WriteLine("| probe | design | telemetry ms | telemetry % of binding CPU | driver wall ms | wall - binding, % of binding | driver CPU ms | CPU - binding CPU, % of binding CPU |");
            Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|");
            for (var p = 0; p < probes.Count; p++)
            {
                Console.WriteLine($"| {probes[p].Name} | {probes[p].Design} | {telemetry[p]:F1} | {telemetry[p] / bindingCpu:P2} | {walls[p]:F0} | {(walls[p] - binding) / binding:P0} | {cpus[p]:F0} | {(cpus[p] - bindingCpu) / bindingCpu:P0} |");
            }

            Console.WriteLine();
            Console.WriteLine($"- load: {Load.Describe()}");
            Console.WriteLine();
        }

        private ImmutableArray<SyntaxTree> Parse(IEnumerable<KeyValuePair<string, string>> files)
            => files.Select(f => CSharpSyntaxTree.ParseText(SourceText.From(f.Value, System.Text.Encoding.UTF8), ParseOptions, path: "/workload/" + f.Key)).ToImmutableArray();

        private CSharpCompilation NewCompilation(ImmutableArray<SyntaxTree> trees)
            => CSharpCompilation.Create("Workload" + Interlocked.Increment(ref compilations), trees, references, CompilationOptions);

        private (double Ms, double CpuMs, int Errors, double AllocatedMb, long? Faults) Bind(ImmutableArray<SyntaxTree> trees)
        {
            var compilation = NewCompilation(trees);
            double cpu, allocated;
            long? faults;
            Stopwatch watch;
            ImmutableArray<Diagnostic> diagnostics;
            using (Step())
            {
                allocated = GC.GetAllocatedBytesForCurrentThread();
                cpu = CpuMs();
                faults = PageFaults.Now();
                watch = Stopwatch.StartNew();
                diagnostics = compilation.GetDiagnostics();
                watch.Stop();
                faults = PageFaults.Since(faults);
                cpu = CpuMs() - cpu;
                allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
            }

            return (watch.Elapsed.TotalMilliseconds, cpu, diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error), allocated / 1e6, faults);
        }

        /// <summary>CPU time of the whole process so far (every thread: with one-threaded work, that thread plus the GC's).</summary>
        private static double CpuMs()
        {
            using var process = Process.GetCurrentProcess();
            return process.TotalProcessorTime.TotalMilliseconds;
        }

        private Task<AnalyzerRun> RunAnalyzersAsync(ImmutableArray<SyntaxTree> trees, ImmutableArray<DiagnosticAnalyzer> analyzers)
        {
            var compilation = NewCompilation(trees);

            // The compiler binds a compilation's references (its source assembly symbol over the referenced assemblies) once,
            // before it binds anything, and the binding measured above pays for it. On a fresh compilation the first
            // analyzer to ask for a type would pay for it here and be charged with it (about 150 of 238 samples of the
            // first symbol lookup on three real libraries): done before the run, outside what is measured.
            _ = compilation.Assembly;
            var withAnalyzers = compilation.WithAnalyzers(
                analyzers,
                new CompilationWithAnalyzersOptions(
                    new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                    onAnalyzerException: null,
                    concurrentAnalysis: concurrent,
                    logAnalyzerExecutionTime: true,
                    reportSuppressedDiagnostics: false));
            double cpu, allocated;
            long? faults;
            Stopwatch watch;
            AnalysisResult result;
            using (Step())
            {
                // Every thread's allocation: the driver may hop threads between awaits.
                allocated = GC.GetTotalAllocatedBytes(precise: true);
                cpu = CpuMs();
                faults = PageFaults.Now();
                watch = Stopwatch.StartNew();
                result = withAnalyzers.GetAnalysisResultAsync(CancellationToken.None).GetAwaiter().GetResult();
                watch.Stop();
                faults = PageFaults.Since(faults);
                cpu = CpuMs() - cpu;
                allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
            }

            var perAnalyzer = new Dictionary<DiagnosticAnalyzer, double>();
            foreach (var analyzer in analyzers)
            {
                perAnalyzer[analyzer] = result.AnalyzerTelemetryInfo.TryGetValue(analyzer, out var info) ? info.ExecutionTime.TotalMilliseconds : 0;
            }

            return Task.FromResult(new AnalyzerRun(watch.Elapsed.TotalMilliseconds, cpu, perAnalyzer, result.GetAllDiagnostics(), allocated / 1e6, faults));
        }

        private sealed record AnalyzerRun(double WallMs, double CpuMs, Dictionary<DiagnosticAnalyzer, double> PerAnalyzerMs, ImmutableArray<Diagnostic> Diagnostics, double AllocatedMb, long? Faults);
    }

    internal static class Report
    {
        public static void Print(Measurement m)
        {
            Console.WriteLine($"## {m.Title}");
            Console.WriteLine();
            Console.WriteLine($"{m.Files} files, {m.Lines:N0} lines{(m.Statements > 0 ? $", {m.Statements:N0} statements in the method" : string.Empty)}; " +
                $"{m.CompileErrors} compile errors; {m.Diagnostics.Length} analyzer diagnostics ({m.Exceptions} AD0001).");
            Console.WriteLine();
            Console.WriteLine("| analyzers ms (telemetry) | binding ms | ratio | binding CPU ms | ratio to binding CPU | driver wall ms | driver CPU ms | (driver - binding) CPU / binding CPU |");
            Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
            Console.WriteLine($"| {m.AnalyzerMs:F1} | {m.BindingMs:F1} | {m.Ratio:P2} | {m.BindingCpuMs:F0} | {m.RatioCpu:P2} | {m.DriverWallMs:F0} | {m.DriverCpuMs:F0} | {m.ExtraCpuRatio:P1} |");
            Console.WriteLine();
            Console.WriteLine($"Allocated: binding {m.BindingAllocatedMb:F0} MB, analysis run (binding, driver and analyzers) {m.DriverAllocatedMb:F0} MB; {m.Collections}.");
            Console.WriteLine();
            var faults = m.Runs.Count > 0 && m.Runs[0].BindingFaults is not null;
            Console.WriteLine($"Every run, analyzers / binding ms{(faults ? " (page faults of the analysis step / of the binding step)" : string.Empty)}: "
                + string.Join(", ", m.Runs.Select(r => $"{r.AnalyzerMs:F1} / {r.BindingMs:F0}{(faults ? $" ({r.AnalysisFaults:N0} / {r.BindingFaults:N0})" : string.Empty)}")) + ".");

            if (m.Runs.Count > 0)
            {
                // A run binds and then analyzes, seconds apart: its own ratio is steadier than the minimums' when the machine's
                // speed drifts during the series. The verdicts stay on the minimums.
                var ratios = m.Runs.Select(r => r.AnalyzerMs / Math.Max(r.BindingMs, 0.001)).ToList();
                Console.WriteLine();
                Console.WriteLine($"Each run's analyzers over its own binding: median {Median(ratios):P2}, {ratios.Min():P2} to {ratios.Max():P2}; {m.SpreadNote}.");
            }

            Console.WriteLine();
            Console.WriteLine("| analyzer | ms | % of binding |");
            Console.WriteLine("|---|---:|---:|");
            foreach (var (name, ms) in m.PerAnalyzer)
            {
                Console.WriteLine($"| {name} | {ms:F1} | {ms / m.BindingMs:P2} |");
            }

            var byRule = m.Diagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}: {g.Count()}").ToList();
            if (byRule.Count > 0)
            {
                Console.WriteLine();
                Console.WriteLine("Findings per rule: " + string.Join(", ", byRule));
            }

            Console.WriteLine();
            Console.WriteLine($"- load: {Load.Describe()}");
            Console.WriteLine();
        }

        public static void PrintScaling(IReadOnlyList<Measurement> results)
        {
            if (results.Count == 0)
            {
                return;
            }

            var names = results[0].PerAnalyzer.Select(p => p.Analyzer).OrderBy(n => n, StringComparer.Ordinal).ToList();
            Console.WriteLine("## c) scaling summary (analyzer ms; growth per step in parentheses)");
            Console.WriteLine();
            Console.WriteLine("| statements | binding ms | analyzers ms | growth | driver - binding CPU ms | growth | " + string.Join(" | ", names) + " |");
            Console.WriteLine("|---:|---:|---:|---:|---:|---:|" + string.Concat(names.Select(_ => "---:|")));
            for (var k = 0; k < results.Count; k++)
            {
                var r = results[k];
                var growth = k == 0 ? "" : $"x{r.AnalyzerMs / Math.Max(results[k - 1].AnalyzerMs, 0.001):F2}";
                var extraCpu = r.DriverCpuMs - r.BindingCpuMs;
                var cpuGrowth = k == 0 ? "" : $"x{extraCpu / Math.Max(results[k - 1].DriverCpuMs - results[k - 1].BindingCpuMs, 0.001):F2}";
                var cells = names.Select(n =>
                {
                    var ms = r.PerAnalyzer.First(p => p.Analyzer == n).Ms;
                    if (k == 0)
                    {
                        return $"{ms:F0}";
                    }

                    var before = results[k - 1].PerAnalyzer.First(p => p.Analyzer == n).Ms;
                    return $"{ms:F0} (x{ms / Math.Max(before, 0.001):F1})";
                });
                Console.WriteLine($"| {r.Statements:N0} | {r.BindingMs:F0} | {r.AnalyzerMs:F0} | {growth} | {extraCpu:F0} | {cpuGrowth} | " + string.Join(" | ", cells) + " |");
            }

            Console.WriteLine();

            // The minimums of two sizes may come from different minutes; a round runs every size seconds apart. When the
            // machine's speed drifts during the series (the binding of one size taking twice as long in one round as in the
            // next), the ratio within each round is the steadier view of the growth; the verdicts stay on the minimums.
            Console.WriteLine("Growth within each round (both sizes run seconds apart), median and range over the rounds, beside the binding's:");
            Console.WriteLine();
            for (var k = 1; k < results.Count; k++)
            {
                var analyzers = RoundRatios(results[k - 1].Runs, results[k].Runs, run => run.AnalyzerMs);
                var binding = RoundRatios(results[k - 1].Runs, results[k].Runs, run => run.BindingMs);
                Console.WriteLine($"- {results[k - 1].Statements:N0} -> {results[k].Statements:N0}: analyzers x{Median(analyzers):F2} (x{analyzers.Min():F2} to x{analyzers.Max():F2}); binding x{Median(binding):F2} (x{binding.Min():F2} to x{binding.Max():F2})");
            }

            Console.WriteLine();
        }

        /// <summary>Per round, the larger size's time over the smaller's (rounds beyond the shorter series left out).</summary>
        private static List<double> RoundRatios(IReadOnlyList<RunTimes> smaller, IReadOnlyList<RunTimes> larger, Func<RunTimes, double> time)
        {
            var ratios = new List<double>();
            for (var round = 0; round < Math.Min(smaller.Count, larger.Count); round++)
            {
                ratios.Add(time(larger[round]) / Math.Max(time(smaller[round]), 0.001));
            }

            return ratios;
        }

        internal static double Median(List<double> values)
        {
            var sorted = values.OrderBy(v => v).ToList();
            var middle = sorted.Count / 2;
            return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }
    }
}
