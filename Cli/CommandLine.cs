using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.CodeAnalysis;

namespace SocketAnalyzers.Cli
{
    /// <summary>
    /// The command line, parsed by hand: a handful of options does not need a framework, and every mistake must
    /// end in one clear message and exit code 2.
    /// </summary>
    internal static class CommandLine
    {
        public const string Usage = """
            Usage: socketanalyzers scan PATH... [options]
                   socketanalyzers rules
                   socketanalyzers --version

            Scans C# code for socket misuse without building it. PATH is a .cs file, a folder (searched
            recursively; bin/, obj/ and .git/ are skipped), a .csproj, or a .sln/.slnx file.

            Options:
              -f, --format text|json|sarif   Report format (default: text). sarif is SARIF 2.1.0.
              -o, --output FILE              Write the report to FILE instead of standard output.
              -s, --severity note|warning|error
                                             Report findings at or above this severity (default: warning).
                                             Severities follow .editorconfig (dotnet_diagnostic.SOCKnnn.severity).
              -x, --exclude GLOB             Skip files matching GLOB (repeatable), relative to the scanned folder:
                                             'Generated', '*.Designer.cs', 'tests/**', '**/Migrations/*.cs'.
                  --fix                      Apply the code fixes in place; files are written only when the fix
                                             adds no compiler error.
                  --all-files                Bind and analyze every file; by default only files that name a network
                                             type (Socket, NetworkStream, IPEndPoint, BitConverter...) are, since
                                             no rule can fire in the others.
              -q, --quiet                    No progress on standard error.
              -v, --verbose                  Details on standard error (projects, references, timings).
              -h, --help                     Show this help.

            Exit codes: 0 nothing found at or above the severity, 1 findings, 2 usage error.
            """;

        /// <summary>Parses <c>scan</c>'s arguments (after the verb). Returns null and sets <paramref name="error"/> on a usage error.</summary>
        public static ScanOptions? ParseScan(IReadOnlyList<string> args, out string? error)
        {
            var options = new ScanOptions();
            error = null;
            var onlyPaths = false;
            for (var i = 0; i < args.Count; i++)
            {
                var arg = args[i];
                if (onlyPaths || !arg.StartsWith('-') || arg == "-")
                {
                    options.Paths.Add(arg);
                    continue;
                }

                if (arg == "--")
                {
                    onlyPaths = true;
                    continue;
                }

                string name = arg;
                string? inlineValue = null;
                var equals = arg.IndexOf('=');
                if (arg.StartsWith("--", StringComparison.Ordinal) && equals > 0)
                {
                    name = arg.Substring(0, equals);
                    inlineValue = arg.Substring(equals + 1);
                }

                string? Value()
                {
                    if (inlineValue is not null)
                    {
                        return inlineValue;
                    }

                    if (i + 1 < args.Count)
                    {
                        return args[++i];
                    }

                    return null;
                }

                switch (name)
                {
                    case "-f":
                    case "--format":
                        var format = Value();
                        switch (format?.ToLowerInvariant())
                        {
                            case "text": options.Format = OutputFormat.Text; break;
                            case "json": options.Format = OutputFormat.Json; break;
                            case "sarif": options.Format = OutputFormat.Sarif; break;
                            default:
                                error = format is null ? "--format needs a value: text, json or sarif." : $"Unknown format '{format}': use text, json or sarif.";
                                return null;
                        }

                        break;
                    case "-s":
                    case "--severity":
                        var severity = Value();
                        var parsed = ParseSeverity(severity);
                        if (parsed is null)
                        {
                            error = severity is null ? "--severity needs a value: note, warning or error." : $"Unknown severity '{severity}': use note, warning or error.";
                            return null;
                        }

                        options.Threshold = parsed.Value;
                        break;
                    case "-x":
                    case "--exclude":
                        var glob = Value();
                        if (string.IsNullOrWhiteSpace(glob))
                        {
                            error = "--exclude needs a glob, such as 'tests/**' or '*.Designer.cs'.";
                            return null;
                        }

                        options.Excludes.Add(Glob.Parse(glob));
                        break;
                    case "-o":
                    case "--output":
                        var output = Value();
                        if (string.IsNullOrWhiteSpace(output))
                        {
                            error = "--output needs a file name.";
                            return null;
                        }

                        options.OutputPath = output;
                        break;
                    case "--fix":
                        options.Fix = true;
                        break;
                    case "--all-files":
                        options.AllFiles = true;
                        break;
                    case "-q":
                    case "--quiet":
                        options.Quiet = true;
                        break;
                    case "-v":
                    case "--verbose":
                        options.Verbose = true;
                        break;
                    default:
                        error = $"Unknown option '{arg}'.";
                        return null;
                }

                if (inlineValue is not null && name is "--fix" or "--quiet" or "--verbose" or "--all-files")
                {
                    error = $"Option '{name}' takes no value.";
                    return null;
                }
            }

            if (options.Paths.Count == 0)
            {
                error = "scan needs at least one PATH: a .cs file, a folder, a .csproj or a .sln.";
                return null;
            }

            return options;
        }

        public static DiagnosticSeverity? ParseSeverity(string? text) => text?.ToLowerInvariant() switch
        {
            "note" or "info" or "suggestion" => DiagnosticSeverity.Info,
            "warning" or "warn" => DiagnosticSeverity.Warning,
            "error" => DiagnosticSeverity.Error,
            _ => null,
        };
    }
}
