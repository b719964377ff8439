using System;
using System.Text;
using System.Text.RegularExpressions;

namespace SocketAnalyzers.Cli
{
    /// <summary>
    /// An exclude pattern, matched against a path relative to the folder being scanned (with <c>/</c> separators).
    /// <c>*</c> matches within one path segment, <c>**</c> any number of segments, <c>?</c> one character.
    /// A pattern without <c>/</c> matches any single file or folder name (<c>Generated</c>, <c>*.Designer.cs</c>);
    /// a pattern that matches a folder excludes everything under it (<c>src/Legacy</c> is <c>src/Legacy/**</c>).
    /// </summary>
    internal sealed class Glob
    {
        private readonly Regex regex;
        private readonly bool matchesAnySegment;

        private Glob(string pattern, Regex regex, bool matchesAnySegment)
        {
            Pattern = pattern;
            this.regex = regex;
            this.matchesAnySegment = matchesAnySegment;
        }

        public string Pattern { get; }

        public static Glob Parse(string pattern)
        {
            var normalized = pattern.Replace('\\', '/').Trim();
            if (normalized.StartsWith("./", StringComparison.Ordinal))
            {
                normalized = normalized.Substring(2);
            }

            normalized = normalized.TrimEnd('/');
            var anySegment = !normalized.Contains('/');
            return new Glob(pattern, new Regex("^" + ToRegex(normalized) + "$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase), anySegment);
        }

        /// <summary>True when <paramref name="relativePath"/> (or a folder on its way) matches.</summary>
        public bool IsMatch(string relativePath)
        {
            var path = relativePath.Replace('\\', '/').TrimStart('/');
            if (path.StartsWith("./", StringComparison.Ordinal))
            {
                path = path.Substring(2);
            }

            if (matchesAnySegment)
            {
                foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
                {
                    if (regex.IsMatch(segment))
                    {
                        return true;
                    }
                }

                return false;
            }

            // The path itself, or any of the folders that lead to it.
            var end = path.Length;
            while (end > 0)
            {
                if (regex.IsMatch(path.Substring(0, end)))
                {
                    return true;
                }

                end = path.LastIndexOf('/', end - 1);
            }

            return false;
        }

        private static string ToRegex(string glob)
        {
            var builder = new StringBuilder();
            for (var i = 0; i < glob.Length; i++)
            {
                var c = glob[i];
                if (c == '*')
                {
                    if (i + 1 < glob.Length && glob[i + 1] == '*')
                    {
                        // "**/" matches zero or more folders; a trailing "**" matches everything below.
                        i++;
                        if (i + 1 < glob.Length && glob[i + 1] == '/')
                        {
                            i++;
                            builder.Append("(?:.*/)?");
                        }
                        else
                        {
                            builder.Append(".*");
                        }
                    }
                    else
                    {
                        builder.Append("[^/]*");
                    }
                }
                else if (c == '?')
                {
                    builder.Append("[^/]");
                }
                else
                {
                    builder.Append(Regex.Escape(c.ToString()));
                }
            }

            return builder.ToString();
        }
    }
}
