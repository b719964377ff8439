using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace SocketAnalyzers.AnalyzerCost.Workloads
{
    /// <summary>The C# files of a folder (a real repository's project), for <c>--source</c>: bin/ and obj/ skipped, in a stable order.</summary>
    internal static class SourceFolder
    {
        public static IReadOnlyList<KeyValuePair<string, string>> Read(string folder)
        {
            var root = Path.GetFullPath(folder);
            return Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
                .Where(path => !Skipped(Path.GetRelativePath(root, path)))
                .OrderBy(path => path, StringComparer.Ordinal)
                .Select(path => new KeyValuePair<string, string>(Path.GetRelativePath(root, path), File.ReadAllText(path)))
                .ToList();
        }

        private static bool Skipped(string relative)
        {
            foreach (var part in relative.Split(Path.DirectorySeparatorChar))
            {
                if (part is "bin" or "obj" or ".git")
                {
                    return true;
                }
            }

            return false;
        }
    }
}
