using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace SocketAnalyzers.Tests.Verifiers
{
    /// <summary>The repository the tests run from: its root is the folder with <c>SocketAnalyzers.sln</c>.</summary>
    public static class Repository
    {
        private static readonly Lazy<string> LazyRoot = new(FindRoot);

        /// <summary>The repository root, found by walking up from the test assembly's folder.</summary>
        public static string Root => LazyRoot.Value;

        /// <summary>A path under the root, from '/'-separated parts.</summary>
        public static string PathOf(string relativePath) => Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));

        /// <summary>The path relative to the root, with '/' separators (for test names and messages).</summary>
        public static string Relative(string fullPath) => Path.GetRelativePath(Root, fullPath).Replace(Path.DirectorySeparatorChar, '/');

        /// <summary>Every <c>*.cs</c> under <paramref name="relativeFolder"/>, outside <c>bin/</c> and <c>obj/</c>, in ordinal order; none when the folder is missing.</summary>
        public static IReadOnlyList<string> CSharpFiles(string relativeFolder)
        {
            var folder = PathOf(relativeFolder);
            if (!Directory.Exists(folder))
            {
                return Array.Empty<string>();
            }

            return Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
                .Where(f => !Path.GetRelativePath(folder, f).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
                .OrderBy(f => f, StringComparer.Ordinal)
                .ToList();
        }

        private static string FindRoot()
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "SocketAnalyzers.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException($"No SocketAnalyzers.sln in {AppContext.BaseDirectory} or any folder above it.");
        }
    }
}
