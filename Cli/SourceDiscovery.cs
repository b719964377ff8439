using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace SocketAnalyzers.Cli
{
    /// <summary>The .cs files of one project (or of one scanned folder outside any project): one compilation.</summary>
    internal sealed class SourceGroup
    {
        public SourceGroup(string key, string name, ProjectSettings settings)
        {
            Key = key;
            Name = name;
            Settings = settings;
        }

        /// <summary>The project's folder, or the scanned folder for loose files.</summary>
        public string Key { get; }

        public string Name { get; }

        public ProjectSettings Settings { get; }

        public SortedSet<string> Files { get; } = new(StringComparer.Ordinal);

        /// <summary>Files outside the project's folder that it compiles (<see cref="ProjectSettings.LinkedSources"/>): compiled with it, not scanned as its own.</summary>
        public IReadOnlyList<string> Linked => Settings.LinkedSources;
    }

    /// <summary>
    /// Turns the command line's paths into groups of .cs files. Each file belongs to the project of the nearest
    /// folder above it that holds a .csproj (so a repository with many projects gets one compilation per project,
    /// and types of one project do not clash with another's); files under no project are grouped by the path
    /// they were found from.
    /// </summary>
    internal sealed class SourceDiscovery
    {
        private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase)
        {
            "bin", "obj", ".git", ".vs", ".idea", "node_modules", "TestResults", "artifacts",
        };

        /// <summary>
        /// A NuGet packages folder (<c>packages/</c> beside an old solution, <c>Name.1.2.3/</c> folders each holding the
        /// package's <c>.nupkg</c>, or a <c>repositories.config</c>): other people's code, skipped. Any other folder of that
        /// name is read: a Unity project's <c>Packages/</c> holds its embedded packages' own source, and some keep all their
        /// code under <c>Assets/Packages/</c> (fresh56: the scan found no file at all).
        /// </summary>
        private static bool IsNuGetPackagesFolder(string directory)
        {
            if (!string.Equals(Path.GetFileName(directory), "packages", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            try
            {
                return File.Exists(Path.Combine(directory, "repositories.config"))
                    || Directory.EnumerateDirectories(directory).Any(package => Directory.EnumerateFiles(package, "*.nupkg").Any());
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return true;
            }
        }

        private static readonly HashSet<string> UnityGeneratedFolders = new(StringComparer.OrdinalIgnoreCase)
        {
            "Library", "Temp", "Logs", "UserSettings",
        };

        private readonly IReadOnlyList<Glob> excludes;
        private readonly string baseDirectory;
        private readonly Dictionary<string, string?> projectOfDirectory = new(StringComparer.Ordinal);
        private readonly Dictionary<string, SourceGroup> groups = new(StringComparer.Ordinal);
        private readonly HashSet<string> seen = new(StringComparer.Ordinal);

        public SourceDiscovery(IReadOnlyList<Glob> excludes, string baseDirectory)
        {
            this.excludes = excludes;
            this.baseDirectory = baseDirectory;
        }

        /// <summary>Files matched by an exclude glob or a project's <c>Compile Remove</c>.</summary>
        public int ExcludedFiles { get; private set; }

        public IReadOnlyCollection<SourceGroup> Groups => groups.Values;

        /// <summary>Checks that every path exists and is something we can scan; returns the first problem.</summary>
        public static string? Validate(IEnumerable<string> paths, string baseDirectory)
        {
            foreach (var path in paths)
            {
                var full = Path.GetFullPath(path, baseDirectory);
                if (Directory.Exists(full))
                {
                    continue;
                }

                if (!File.Exists(full))
                {
                    return $"'{path}' does not exist.";
                }

                var extension = Path.GetExtension(full).ToLowerInvariant();
                if (extension is not (".cs" or ".csproj" or ".sln" or ".slnx"))
                {
                    return $"'{path}' is not a .cs file, a folder, a .csproj or a .sln.";
                }
            }

            return null;
        }

        public void Add(string path)
        {
            var full = Path.GetFullPath(path, baseDirectory);
            if (Directory.Exists(full))
            {
                AddFolder(full.TrimEnd(Path.DirectorySeparatorChar), projectRoot: null);
                return;
            }

            switch (Path.GetExtension(full).ToLowerInvariant())
            {
                case ".cs":
                    AddFile(full, Path.GetDirectoryName(full)!);
                    break;
                case ".csproj":
                    AddProject(full);
                    break;
                case ".sln":
                case ".slnx":
                    foreach (var project in SolutionProjects(full))
                    {
                        if (File.Exists(project))
                        {
                            AddProject(project);
                        }
                    }

                    break;
            }
        }

        /// <summary>The .csproj files a solution lists (.sln text or .slnx XML), as full paths.</summary>
        internal static IEnumerable<string> SolutionProjects(string solutionPath)
        {
            var directory = Path.GetDirectoryName(solutionPath)!;
            var paths = new List<string>();
            try
            {
                if (solutionPath.EndsWith(".slnx", StringComparison.OrdinalIgnoreCase))
                {
                    var document = XDocument.Load(solutionPath);
                    paths.AddRange(document.Descendants().Where(e => e.Name.LocalName == "Project")
                        .Select(e => (string?)e.Attribute("Path")).OfType<string>());
                }
                else
                {
                    foreach (Match match in Regex.Matches(File.ReadAllText(solutionPath), "\"([^\"]+\\.csproj)\""))
                    {
                        paths.Add(match.Groups[1].Value);
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Xml.XmlException)
            {
                return Array.Empty<string>();
            }

            return paths
                .Where(p => p.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
                .Select(p => Path.GetFullPath(Path.Combine(directory, p.Replace('\\', Path.DirectorySeparatorChar))))
                .Distinct(StringComparer.Ordinal);
        }

        private void AddProject(string projectPath)
        {
            var directory = Path.GetDirectoryName(projectPath)!;
            AddFolder(directory, projectRoot: directory);
        }

        /// <summary>
        /// Walks <paramref name="root"/>. For a project (<paramref name="projectRoot"/> set), folders that hold another
        /// project are that project's business and are skipped.
        /// </summary>
        private void AddFolder(string root, string? projectRoot)
        {
            var pending = new Stack<string>();
            pending.Push(root);
            while (pending.Count > 0)
            {
                var directory = pending.Pop();
                IEnumerable<string> files;
                IEnumerable<string> subdirectories;
                try
                {
                    files = Directory.GetFiles(directory, "*.cs");
                    subdirectories = Directory.GetDirectories(directory);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    continue;
                }

                foreach (var file in files.OrderBy(f => f, StringComparer.Ordinal))
                {
                    if (!IsExcluded(file, root))
                    {
                        AddFile(file, root);
                    }
                    else
                    {
                        ExcludedFiles++;
                    }
                }

                // A Unity project's root: Library/ holds the package cache (thousands of files that are not this code).
                var unityRoot = subdirectories.Any(d => Path.GetFileName(d) == "Assets") && subdirectories.Any(d => Path.GetFileName(d) == "ProjectSettings");
                foreach (var subdirectory in subdirectories.OrderByDescending(d => d, StringComparer.Ordinal))
                {
                    var name = Path.GetFileName(subdirectory);
                    if (SkippedFolders.Contains(name) || IsNuGetPackagesFolder(subdirectory) || IsLink(subdirectory) || (unityRoot && UnityGeneratedFolders.Contains(name)))
                    {
                        continue;
                    }

                    if (IsExcluded(subdirectory, root))
                    {
                        ExcludedFiles += CountSources(subdirectory);
                        continue;
                    }

                    if (projectRoot is not null && HasProject(subdirectory))
                    {
                        continue;
                    }

                    pending.Push(subdirectory);
                }
            }
        }

        private void AddFile(string file, string foundFrom)
        {
            if (!seen.Add(file))
            {
                return;
            }

            var projectPath = ProjectOf(Path.GetDirectoryName(file)!);
            SourceGroup? group;
            if (projectPath is not null)
            {
                var projectDirectory = Path.GetDirectoryName(projectPath)!;
                if (!groups.TryGetValue(projectDirectory, out group))
                {
                    group = new SourceGroup(projectDirectory, Path.GetFileNameWithoutExtension(projectPath), ProjectSettings.Read(projectPath));
                    groups.Add(projectDirectory, group);
                }

                var relative = Path.GetRelativePath(projectDirectory, file);
                if (group.Settings.CompileRemove.Any(g => g.IsMatch(relative)))
                {
                    ExcludedFiles++;
                    return;
                }
            }
            else if (!groups.TryGetValue(foundFrom, out group))
            {
                group = new SourceGroup(foundFrom, Path.GetFileName(foundFrom), ProjectSettings.Loose);
                groups.Add(foundFrom, group);
            }

            group.Files.Add(file);
        }

        private bool IsExcluded(string path, string root)
        {
            if (excludes.Count == 0)
            {
                return false;
            }

            var fromRoot = Path.GetRelativePath(root, path);
            var fromBase = Path.GetRelativePath(baseDirectory, path);
            foreach (var glob in excludes)
            {
                if (glob.IsMatch(fromRoot) || (!fromBase.StartsWith("..", StringComparison.Ordinal) && glob.IsMatch(fromBase)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The .csproj of the nearest folder at or above <paramref name="directory"/> that has one.</summary>
        private string? ProjectOf(string directory)
        {
            if (projectOfDirectory.TryGetValue(directory, out var cached))
            {
                return cached;
            }

            string? result;
            var projects = SafeGetFiles(directory, "*.csproj");
            if (projects.Length > 0)
            {
                // Several projects in one folder (Unity's Assembly-CSharp*.csproj): one group; the one named after the folder leads.
                var folderName = Path.GetFileName(directory);
                result = projects.FirstOrDefault(p => Path.GetFileNameWithoutExtension(p).Equals(folderName, StringComparison.OrdinalIgnoreCase))
                    ?? projects.OrderBy(p => p.Length).ThenBy(p => p, StringComparer.Ordinal).First();
            }
            else if (Directory.Exists(Path.Combine(directory, ".git")))
            {
                // A repository's root: no project above it belongs to this code.
                result = null;
            }
            else
            {
                var parent = Path.GetDirectoryName(directory);
                result = parent is null ? null : ProjectOf(parent);
            }

            projectOfDirectory[directory] = result;
            return result;
        }

        private static int CountSources(string directory)
        {
            try
            {
                return Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories).Count();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return 0;
            }
        }

        private bool HasProject(string directory) => SafeGetFiles(directory, "*.csproj").Length > 0;

        private static string[] SafeGetFiles(string directory, string pattern)
        {
            try
            {
                return Directory.GetFiles(directory, pattern);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return Array.Empty<string>();
            }
        }

        private static bool IsLink(string directory)
        {
            try
            {
                return new DirectoryInfo(directory).LinkTarget is not null;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return true;
            }
        }
    }
}
