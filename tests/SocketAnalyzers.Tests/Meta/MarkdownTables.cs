using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace SocketAnalyzers.Tests.Meta
{
    /// <summary>Reads the pipe tables of a Markdown file, enough for rules.md, the release files and rule pages.</summary>
    internal static class MarkdownTables
    {
        /// <summary>Every table: its rows of trimmed cells, the separator row (<c>|---|</c>) left out.</summary>
        public static IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>> Read(string markdown)
        {
            var tables = new List<IReadOnlyList<IReadOnlyList<string>>>();
            List<IReadOnlyList<string>>? current = null;
            foreach (var raw in markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
            {
                var line = raw.Trim();
                if (!line.Contains('|', StringComparison.Ordinal) || line.StartsWith(';'))
                {
                    current = null;
                    continue;
                }

                if (current is null)
                {
                    current = new List<IReadOnlyList<string>>();
                    tables.Add(current);
                }

                var cells = line.Trim('|').Split('|').Select(c => Clean(c)).ToList();
                if (cells.All(c => Regex.IsMatch(c, "^:?-+:?$")))
                {
                    continue;
                }

                current.Add(cells);
            }

            return tables;
        }

        /// <summary>
        /// The values of the named fields in a rule page's table, whether it is laid out as rows
        /// (<c>| Category | SocketReads |</c>) or as columns (a header row naming the fields, then one row of values).
        /// </summary>
        public static Dictionary<string, string> Fields(string markdown, params string[] names)
        {
            var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var table in Read(markdown))
            {
                var header = table[0];
                if (table.Count >= 2 && names.Any(n => header.Contains(n, StringComparer.OrdinalIgnoreCase)))
                {
                    for (var i = 0; i < header.Count && i < table[1].Count; i++)
                    {
                        if (names.Contains(header[i], StringComparer.OrdinalIgnoreCase))
                        {
                            result.TryAdd(header[i], table[1][i]);
                        }
                    }
                }

                foreach (var row in table.Where(r => r.Count >= 2 && names.Contains(r[0], StringComparer.OrdinalIgnoreCase)))
                {
                    result.TryAdd(row[0], row[1]);
                }
            }

            return result;
        }

        /// <summary>A cell without Markdown emphasis or code marks.</summary>
        public static string Clean(string cell) => cell.Replace("**", string.Empty, StringComparison.Ordinal).Replace("`", string.Empty, StringComparison.Ordinal).Trim();
    }
}
