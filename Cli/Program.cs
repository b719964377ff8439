using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace SocketAnalyzers.Cli
{
    /// <summary>
    /// <c>socketanalyzers scan PATH...</c>: the entry point. <see cref="RunAsync(string[], TextWriter, TextWriter)"/>
    /// is the whole program with its output streams as parameters, so tests run it in-process.
    /// </summary>
    public static class Program
    {
        public const int Success = 0;
        public const int FindingsReported = 1;
        public const int UsageError = 2;
        public const int InternalError = 3;
        public const int Cancelled = 130;

        public static async Task<int> Main(string[] args)
        {
            using var cancellation = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) =>
            {
                e.Cancel = true;
                cancellation.Cancel();
            };
            var interactive = !Console.IsErrorRedirected;
            return await RunAsync(args, Console.Out, Console.Error, AnalyzerCatalog.Default, configure: o => o.InteractiveProgress = interactive, cancellationToken: cancellation.Token).ConfigureAwait(false);
        }

        /// <summary>Runs the command line <paramref name="args"/>, writing the report to <paramref name="stdout"/> and progress and problems to <paramref name="stderr"/>.</summary>
        public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
            => RunAsync(args, stdout, stderr, AnalyzerCatalog.Default);

        internal static async Task<int> RunAsync(
            string[] args, TextWriter stdout, TextWriter stderr, AnalyzerCatalog catalog, Action<ScanOptions>? configure = null, CancellationToken cancellationToken = default)
        {
            if (args.Length == 0)
            {
                stderr.WriteLine(CommandLine.Usage);
                return UsageError;
            }

            switch (args[0])
            {
                case "-h":
                case "--help":
                case "help":
                case "-?":
                    stdout.WriteLine(CommandLine.Usage);
                    return Success;
                case "--version":
                    stdout.WriteLine(Reports.ToolVersion);
                    return Success;
                case "rules":
                    foreach (var rule in catalog.Rules)
                    {
                        stdout.WriteLine($"{rule.Id}  {Reports.SeverityName(rule.DefaultSeverity),-7}  {rule.Title}  {rule.HelpLinkUri}");
                    }

                    return Success;
                case "scan":
                    break;
                default:
                    stderr.WriteLine($"socketanalyzers: unknown command '{args[0]}'. Try 'socketanalyzers scan PATH'.");
                    stderr.WriteLine();
                    stderr.WriteLine(CommandLine.Usage);
                    return UsageError;
            }

            var rest = args.Skip(1).ToList();
            if (rest.Any(a => a is "-h" or "--help" or "-?"))
            {
                stdout.WriteLine(CommandLine.Usage);
                return Success;
            }

            var options = CommandLine.ParseScan(rest, out var error);
            if (options is null)
            {
                stderr.WriteLine("socketanalyzers: " + error);
                stderr.WriteLine("Run 'socketanalyzers --help' for the options.");
                return UsageError;
            }

            configure?.Invoke(options);
            if (options.OutputPath is not null)
            {
                options.OutputPath = Path.GetFullPath(options.OutputPath, options.BaseDirectory);
            }

            var problem = SourceDiscovery.Validate(options.Paths, options.BaseDirectory);
            if (problem is not null)
            {
                stderr.WriteLine("socketanalyzers: " + problem);
                return UsageError;
            }

            try
            {
                ScanResult result;
                using (var progress = new ProgressReporter(stderr, !options.Quiet, options.ProgressDelay, options.InteractiveProgress))
                {
                    result = await new Scanner(options, catalog, progress, stderr).RunAsync(cancellationToken).ConfigureAwait(false);
                }

                foreach (var failure in result.AnalyzerFailures)
                {
                    stderr.WriteLine("socketanalyzers: analyzer failure (a bug in a rule; please report it): " + failure);
                }

                if (result.FilesRead == 0)
                {
                    stderr.WriteLine("socketanalyzers: no .cs file found in " + string.Join(", ", options.Paths));
                }

                if (options.OutputPath is not null)
                {
                    try
                    {
                        Directory.CreateDirectory(Path.GetDirectoryName(options.OutputPath)!);
                        using var file = new StreamWriter(options.OutputPath, append: false, new System.Text.UTF8Encoding(false));
                        Reports.Write(result, catalog, options.Format, file);
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                    {
                        stderr.WriteLine($"socketanalyzers: cannot write {options.OutputPath}: {e.Message}");
                        return UsageError;
                    }

                    stderr.WriteLine($"socketanalyzers: {result.FilesRead} files read, {result.Findings.Count} findings; report written to {options.OutputPath}");
                }
                else
                {
                    Reports.Write(result, catalog, options.Format, stdout);
                }

                if (options.Verbose)
                {
                    stderr.WriteLine($"socketanalyzers: done in {result.Elapsed.TotalSeconds:0.0} s");
                }

                return result.Findings.Count > 0 ? FindingsReported : Success;
            }
            catch (OperationCanceledException)
            {
                stderr.WriteLine("socketanalyzers: cancelled.");
                return Cancelled;
            }
            catch (Exception e)
            {
                stderr.WriteLine("socketanalyzers: internal error (please report it): " + e);
                return InternalError;
            }
        }
    }
}
