using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Microsoft.CodeAnalysis;

namespace SocketAnalyzers.Cli
{
    /// <summary>Writes a <see cref="ScanResult"/> as text, JSON or SARIF 2.1.0.</summary>
    internal static class Reports
    {
        public const string ToolName = "socketanalyzers";
        public const string InformationUri = "https://github.com/socketanalyzers/SocketAnalyzers";
        public const string SarifSchema = "https://json.schemastore.org/sarif-2.1.0.json";

        /// <summary>Version of the JSON report's layout; bumped only when a field changes meaning or goes away.</summary>
        public const int JsonSchemaVersion = 1;

        public static string ToolVersion { get; } =
            typeof(Reports).Assembly.GetName().Version is { } v ? $"{v.Major}.{v.Minor}.{v.Build}" : "0.0.0";

        public static void Write(ScanResult result, AnalyzerCatalog catalog, OutputFormat format, TextWriter writer)
        {
            switch (format)
            {
                case OutputFormat.Json:
                    WriteJson(result, writer);
                    break;
                case OutputFormat.Sarif:
                    WriteSarif(result, catalog, writer);
                    break;
                default:
                    WriteText(result, writer);
                    break;
            }
        }

        /// <summary>The compiler's format, one finding a line, then the fixes, the summary per rule and the totals.</summary>
        public static void WriteText(ScanResult result, TextWriter writer)
        {
            foreach (var f in result.Findings)
            {
                var help = f.HelpUri is null ? string.Empty : $" [{f.HelpUri}]";
                writer.WriteLine($"{f.DisplayPath}({f.Line},{f.Column}): {SeverityWord(f.Severity)} {f.RuleId}: {f.Message}{help}");
            }

            if (result.Fixes is { } fixes)
            {
                writer.WriteLine();
                var total = fixes.Fixed.Sum(f => f.FixedByRule.Values.Sum());
                if (fixes.Fixed.Count == 0 && fixes.Rejected.Count == 0)
                {
                    writer.WriteLine("--fix: no code fix applies to these findings; no file was changed.");
                }
                else
                {
                    writer.WriteLine($"--fix: fixed {Plural(total, "finding")} in {Plural(fixes.Fixed.Count, "file")}.");
                    foreach (var file in fixes.Fixed)
                    {
                        var rules = file.FixedByRule.Count == 0 ? "changed" : string.Join(", ", file.FixedByRule.Select(p => $"{p.Key} x{p.Value}"));
                        writer.WriteLine($"  fixed {file.DisplayPath}: {rules}");
                    }

                    foreach (var rejected in fixes.Rejected)
                    {
                        writer.WriteLine($"  {rejected.DisplayPath}: {rejected.Reason}");
                    }
                }

                if (fixes.Unfixable > 0)
                {
                    writer.WriteLine($"  {Plural(fixes.Unfixable, "finding")} {(fixes.Unfixable == 1 ? "has" : "have")} no code fix.");
                }
            }

            var summary = Summary(result);
            if (summary.Count > 0)
            {
                writer.WriteLine();
                var width = Math.Max(4, summary.Max(s => s.Count.ToString(System.Globalization.CultureInfo.InvariantCulture).Length));
                writer.WriteLine($"{"Rule",-8} {"Count".PadLeft(width)}  Title");
                foreach (var s in summary)
                {
                    writer.WriteLine($"{s.RuleId,-8} {s.Count.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(width)}  {s.Title}");
                }
            }

            writer.WriteLine();
            var totals = new StringBuilder();
            totals.Append($"{Plural(result.FilesRead, "file")} read");
            if (result.Projects > 1)
            {
                totals.Append($" in {result.Projects} projects");
            }

            if (result.FilesAnalyzed < result.FilesRead)
            {
                totals.Append(result.FilesAnalyzed == 0 ? " (none with network code)" : $" ({result.FilesAnalyzed} with network code analyzed)");
            }

            totals.Append(", ");
            totals.Append(result.Findings.Count == 0 ? "no findings" : Plural(result.Findings.Count, "finding"));
            if (result.Threshold != DiagnosticSeverity.Warning)
            {
                totals.Append($" at or above {SeverityName(result.Threshold)}");
            }

            totals.Append('.');
            writer.WriteLine(totals.ToString());
            if (result.CompilerErrors > 0)
            {
                writer.WriteLine($"The code was not built: {Plural(result.CompilerErrors, "compiler error")} in {Plural(result.FilesWithCompilerErrors, "file")} (missing packages, unknown types, syntax errors) were not reported; the rules analyzed what binds.");
                if (result.FilesAnalyzed < result.FilesRead)
                {
                    // Default mode binds only the files with network code, so a project with others counts the errors
                    // of its declarations, not of its method bodies (fresh69: 208 here, 681 with --all-files).
                    writer.WriteLine("Errors inside method bodies are counted only in projects whose every file was analyzed; --all-files counts them all.");
                }
            }

            if (result.FilesExcluded > 0 || result.FilesSkipped > 0)
            {
                writer.WriteLine($"{Plural(result.FilesExcluded, "file")} excluded, {Plural(result.FilesSkipped, "file")} skipped.");
            }

            WriteByteOrderHint(result, writer);
        }

        /// <summary>
        /// Files where SOCK020 and SOCK021 both fire write and read numbers in the host's order: a protocol with both ends in
        /// the project. If it is little-endian by design, the rules' option says so; the hint names it once, with up to three
        /// such files (audits found most disputed findings there: game networking with its own framing).
        /// </summary>
        private static void WriteByteOrderHint(ScanResult result, TextWriter writer)
        {
            var writes = new HashSet<string>(result.Findings.Where(f => f.RuleId == RuleIdentifiers.HostOrderWrite).Select(f => f.DisplayPath), StringComparer.Ordinal);
            var both = result.Findings.Where(f => f.RuleId == RuleIdentifiers.HostOrderRead && writes.Contains(f.DisplayPath)).Select(f => f.DisplayPath).Distinct(StringComparer.Ordinal).ToList();
            if (both.Count == 0)
            {
                return;
            }

            var named = string.Join(", ", both.Take(3)) + (both.Count > 3 ? $" and {Plural(both.Count - 3, "more file")}" : string.Empty);
            writer.WriteLine(
                $"SOCK020 and SOCK021 both fire in {named}: numbers are written and read there in the host's byte order. If both ends of "
                + "that protocol are yours and it is little-endian by design, declare it for those files in .editorconfig "
                + "(socket_analyzers.wire_byte_order = little_endian; see rules.md, Options); otherwise convert to big-endian.");
        }

        /// <summary>
        /// JSON, schema version 1: <c>schemaVersion</c>, <c>tool</c> {name, version}, <c>severityThreshold</c>,
        /// <c>filesRead</c>, <c>filesAnalyzed</c>, <c>filesSkipped</c>, <c>filesExcluded</c>, <c>projects</c>, <c>compilerErrors</c>,
        /// <c>filesWithCompilerErrors</c>, <c>findings</c> [{ruleId, severity, title, message, path, line, column, endLine,
        /// endColumn, helpUri}], <c>summary</c> [{ruleId, title, count}], <c>fixes</c> (null without --fix, else
        /// {fixed [{path, rules {id: count}}], notWritten [{path, reason}], unfixable}), <c>analyzerFailures</c> [string].
        /// Paths use <c>/</c> and are relative to the current directory when under it.
        /// </summary>
        public static void WriteJson(ScanResult result, TextWriter writer)
        {
            using var stream = new MemoryStream();
            using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                json.WriteStartObject();
                json.WriteNumber("schemaVersion", JsonSchemaVersion);
                json.WriteStartObject("tool");
                json.WriteString("name", ToolName);
                json.WriteString("version", ToolVersion);
                json.WriteEndObject();
                json.WriteString("severityThreshold", SeverityName(result.Threshold));
                json.WriteNumber("filesRead", result.FilesRead);
                json.WriteNumber("filesAnalyzed", result.FilesAnalyzed);
                json.WriteNumber("filesSkipped", result.FilesSkipped);
                json.WriteNumber("filesExcluded", result.FilesExcluded);
                json.WriteNumber("projects", result.Projects);
                json.WriteNumber("compilerErrors", result.CompilerErrors);
                json.WriteNumber("filesWithCompilerErrors", result.FilesWithCompilerErrors);
                json.WriteStartArray("findings");
                foreach (var f in result.Findings)
                {
                    json.WriteStartObject();
                    json.WriteString("ruleId", f.RuleId);
                    json.WriteString("severity", SeverityName(f.Severity));
                    json.WriteString("title", f.Title);
                    json.WriteString("message", f.Message);
                    json.WriteString("path", Slashes(f.DisplayPath));
                    json.WriteNumber("line", f.Line);
                    json.WriteNumber("column", f.Column);
                    json.WriteNumber("endLine", f.EndLine);
                    json.WriteNumber("endColumn", f.EndColumn);
                    if (f.HelpUri is null)
                    {
                        json.WriteNull("helpUri");
                    }
                    else
                    {
                        json.WriteString("helpUri", f.HelpUri);
                    }

                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteStartArray("summary");
                foreach (var s in Summary(result))
                {
                    json.WriteStartObject();
                    json.WriteString("ruleId", s.RuleId);
                    json.WriteString("title", s.Title);
                    json.WriteNumber("count", s.Count);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                if (result.Fixes is { } fixes)
                {
                    json.WriteStartObject("fixes");
                    json.WriteStartArray("fixed");
                    foreach (var file in fixes.Fixed)
                    {
                        json.WriteStartObject();
                        json.WriteString("path", Slashes(file.DisplayPath));
                        json.WriteStartObject("rules");
                        foreach (var pair in file.FixedByRule)
                        {
                            json.WriteNumber(pair.Key, pair.Value);
                        }

                        json.WriteEndObject();
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                    json.WriteStartArray("notWritten");
                    foreach (var rejected in fixes.Rejected)
                    {
                        json.WriteStartObject();
                        json.WriteString("path", Slashes(rejected.DisplayPath));
                        json.WriteString("reason", rejected.Reason);
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                    json.WriteNumber("unfixable", fixes.Unfixable);
                    json.WriteEndObject();
                }
                else
                {
                    json.WriteNull("fixes");
                }

                json.WriteStartArray("analyzerFailures");
                foreach (var failure in result.AnalyzerFailures)
                {
                    json.WriteStringValue(failure);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            writer.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
        }

        /// <summary>
        /// SARIF 2.1.0: one run whose driver lists every rule the analyzers can report; each result points at its rule
        /// (ruleId, ruleIndex) and its region. Paths under the current directory are relative to <c>%SRCROOT%</c>.
        /// </summary>
        public static void WriteSarif(ScanResult result, AnalyzerCatalog catalog, TextWriter writer)
        {
            var rules = catalog.Rules.ToList();
            foreach (var id in result.Findings.Select(f => f.RuleId).Distinct(StringComparer.Ordinal))
            {
                if (rules.All(r => r.Id != id))
                {
                    var finding = result.Findings.First(f => f.RuleId == id);
                    rules.Add(new DiagnosticDescriptor(id, finding.Title, finding.Title, "Unknown", finding.Severity, true, helpLinkUri: finding.HelpUri));
                }
            }

            var ruleIndex = rules.Select((r, i) => (r.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
            var baseUri = new Uri(AppendSlash(result.BaseDirectory ?? Environment.CurrentDirectory)).AbsoluteUri;
            using var stream = new MemoryStream();
            using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                json.WriteStartObject();
                json.WriteString("$schema", SarifSchema);
                json.WriteString("version", "2.1.0");
                json.WriteStartArray("runs");
                json.WriteStartObject();
                json.WriteStartObject("tool");
                json.WriteStartObject("driver");
                json.WriteString("name", "SocketAnalyzers");
                json.WriteString("version", ToolVersion);
                json.WriteString("semanticVersion", ToolVersion);
                json.WriteString("informationUri", InformationUri);
                json.WriteStartArray("rules");
                foreach (var rule in rules)
                {
                    json.WriteStartObject();
                    json.WriteString("id", rule.Id);
                    json.WriteStartObject("shortDescription");
                    json.WriteString("text", rule.Title.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    json.WriteEndObject();
                    var description = rule.Description.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    if (description.Length > 0)
                    {
                        json.WriteStartObject("fullDescription");
                        json.WriteString("text", description);
                        json.WriteEndObject();
                    }

                    if (!string.IsNullOrEmpty(rule.HelpLinkUri))
                    {
                        json.WriteString("helpUri", rule.HelpLinkUri);
                    }

                    json.WriteStartObject("defaultConfiguration");
                    json.WriteString("level", SarifLevel(rule.DefaultSeverity));
                    json.WriteBoolean("enabled", rule.IsEnabledByDefault);
                    json.WriteEndObject();
                    json.WriteStartObject("properties");
                    json.WriteString("category", rule.Category);
                    json.WriteEndObject();
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteStartObject("originalUriBaseIds");
                json.WriteStartObject("%SRCROOT%");
                json.WriteString("uri", baseUri);
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteString("columnKind", "utf16CodeUnits");
                json.WriteStartArray("results");
                foreach (var f in result.Findings)
                {
                    json.WriteStartObject();
                    json.WriteString("ruleId", f.RuleId);
                    json.WriteNumber("ruleIndex", ruleIndex[f.RuleId]);
                    json.WriteString("level", SarifLevel(f.Severity));
                    json.WriteStartObject("message");
                    json.WriteString("text", f.Message);
                    json.WriteEndObject();
                    json.WriteStartArray("locations");
                    json.WriteStartObject();
                    json.WriteStartObject("physicalLocation");
                    json.WriteStartObject("artifactLocation");
                    if (Path.IsPathRooted(f.DisplayPath))
                    {
                        json.WriteString("uri", new Uri(f.FullPath).AbsoluteUri);
                    }
                    else
                    {
                        json.WriteString("uri", string.Join("/", Slashes(f.DisplayPath).Split('/').Select(Uri.EscapeDataString)));
                        json.WriteString("uriBaseId", "%SRCROOT%");
                    }

                    json.WriteEndObject();
                    json.WriteStartObject("region");
                    json.WriteNumber("startLine", f.Line);
                    json.WriteNumber("startColumn", f.Column);
                    json.WriteNumber("endLine", f.EndLine);
                    json.WriteNumber("endColumn", f.EndColumn);
                    json.WriteEndObject();
                    json.WriteEndObject();
                    json.WriteEndObject();
                    json.WriteEndArray();
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteStartArray("invocations");
                json.WriteStartObject();
                json.WriteBoolean("executionSuccessful", result.AnalyzerFailures.Count == 0);
                if (result.AnalyzerFailures.Count > 0)
                {
                    json.WriteStartArray("toolExecutionNotifications");
                    foreach (var failure in result.AnalyzerFailures)
                    {
                        json.WriteStartObject();
                        json.WriteString("level", "error");
                        json.WriteStartObject("message");
                        json.WriteString("text", failure);
                        json.WriteEndObject();
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                }

                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteEndObject();
            }

            writer.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
        }

        public static List<(string RuleId, string Title, int Count)> Summary(ScanResult result)
            => result.Findings
                .GroupBy(f => f.RuleId, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => (g.Key, g.First().Title, g.Count()))
                .ToList();

        public static string SeverityWord(DiagnosticSeverity severity) => severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            DiagnosticSeverity.Info => "info",
            _ => "hidden",
        };

        public static string SeverityName(DiagnosticSeverity severity) => severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            DiagnosticSeverity.Info => "note",
            _ => "none",
        };

        public static string SarifLevel(DiagnosticSeverity severity) => SeverityName(severity);

        private static string Slashes(string path) => path.Replace('\\', '/');

        private static string AppendSlash(string path)
            => path.EndsWith(Path.DirectorySeparatorChar) ? path : path + Path.DirectorySeparatorChar;

        private static string Plural(int count, string noun)
            => count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + (count == 1 ? noun : noun + "s");
    }
}
