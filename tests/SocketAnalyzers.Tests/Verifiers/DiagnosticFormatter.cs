using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;

namespace SocketAnalyzers.Tests.Verifiers
{
    /// <summary>
    /// Failure output for the sweeps that do not go through the library (samples, whole folders): the actual
    /// diagnostics as lines ready to paste into a test, the source with each one in markup, and each one underlined
    /// beneath its line.
    /// </summary>
    public static class DiagnosticFormatter
    {
        public static string Describe(Diagnostic d)
        {
            var span = d.Location.GetLineSpan();
            return $"{span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {d.Severity.ToString().ToLowerInvariant()} {d.Id}: {d.GetMessage(CultureInfo.InvariantCulture)}";
        }

        public static string Report(ImmutableArray<Diagnostic> actual, ImmutableArray<string> texts, string fileNamePrefix)
        {
            var builder = new StringBuilder();
            builder.AppendLine($"Actual diagnostics ({actual.Length}), ready to paste:");
            foreach (var d in actual)
            {
                var span = d.Location.GetLineSpan();
                builder.Append("    // ").AppendLine(Describe(d));
                builder.AppendLine(
                    $"    Diagnostic(\"{d.Id}\").WithSpan({span.StartLinePosition.Line + 1}, {span.StartLinePosition.Character + 1}, {span.EndLinePosition.Line + 1}, {span.EndLinePosition.Character + 1}),");
            }

            for (var i = 0; i < texts.Length; i++)
            {
                var path = fileNamePrefix + i + ".cs";
                var inDocument = actual.Where(d => d.Location.SourceTree?.FilePath == path).ToList();
                builder.AppendLine().AppendLine($"{path} with the actual diagnostics as markup:");
                builder.AppendLine(WithMarkup(texts[i], inDocument));
                builder.AppendLine($"{path} underlined:");
                builder.AppendLine(Underlined(texts[i], inDocument));
            }

            return builder.ToString();
        }

        private static string WithMarkup(string text, System.Collections.Generic.List<Diagnostic> diagnostics)
        {
            var inserts = diagnostics
                .SelectMany(d => new[]
                {
                    (Position: d.Location.SourceSpan.Start, Order: 1, Text: "{|" + d.Id + ":"),
                    (Position: d.Location.SourceSpan.End, Order: 0, Text: "|}"),
                })
                .OrderByDescending(x => x.Position)
                .ThenBy(x => x.Order)
                .ToList();
            var builder = new StringBuilder(text);
            foreach (var insert in inserts)
            {
                builder.Insert(Math.Min(insert.Position, builder.Length), insert.Text);
            }

            return builder.ToString();
        }

        private static string Underlined(string text, System.Collections.Generic.List<Diagnostic> diagnostics)
        {
            var lines = text.Split('\n');
            var builder = new StringBuilder();
            for (var line = 0; line < lines.Length; line++)
            {
                builder.Append($"{line + 1,4}| ").AppendLine(lines[line]);
                foreach (var d in diagnostics)
                {
                    var span = d.Location.GetLineSpan();
                    if (span.StartLinePosition.Line > line || span.EndLinePosition.Line < line)
                    {
                        continue;
                    }

                    var start = span.StartLinePosition.Line == line ? span.StartLinePosition.Character : 0;
                    var end = span.EndLinePosition.Line == line ? span.EndLinePosition.Character : lines[line].Length;
                    builder.Append("    | ").Append(' ', start).Append('^', Math.Max(1, end - start));
                    if (span.StartLinePosition.Line == line)
                    {
                        builder.Append(' ').Append(d.Id).Append(": ").Append(d.GetMessage(CultureInfo.InvariantCulture));
                    }

                    builder.AppendLine();
                }
            }

            return builder.ToString();
        }
    }
}
