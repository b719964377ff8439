using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SocketAnalyzers.Cli
{
    /// <summary>
    /// What a scan takes from a .csproj without evaluating it with MSBuild: the few settings that change how the
    /// sources bind (implicit and explicit global usings, language version, defined symbols, target framework,
    /// output kind), <c>Compile Remove</c> globs and project references. Conditions are ignored; the nearest
    /// <c>Directory.Build.props</c> is read first, after each one above it that it imports (<see cref="PropsChain"/>). A file
    /// that cannot be read gives the defaults.
    /// </summary>
    internal sealed class ProjectSettings
    {
        private static readonly string[] SdkUsings =
        {
            "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks",
        };

        private static readonly string[] WebUsings =
        {
            "System.Net.Http.Json", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Http",
            "Microsoft.AspNetCore.Routing", "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection",
            "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging",
        };

        private static readonly string[] WorkerUsings =
        {
            "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging",
        };

        private readonly Dictionary<string, string> properties = new(StringComparer.OrdinalIgnoreCase);
        private readonly List<(string Name, bool Static, string? Alias)> usings = new();
        private readonly HashSet<string> removedUsings = new(StringComparer.Ordinal);

        private ProjectSettings(string? projectPath)
        {
            ProjectPath = projectPath;
        }

        /// <summary>The .csproj, or null for loose files.</summary>
        public string? ProjectPath { get; }

        public string? Sdk { get; private set; }

        public List<Glob> CompileRemove { get; } = new();

        /// <summary>
        /// Full paths of the existing <c>.cs</c> files outside the project's folder that its <c>Compile Include</c> items
        /// name one by one (an old-style project that links another project's files: <c>&lt;Compile
        /// Include="..\Server\Buffer.cs"&gt;</c>, fresh71). They are compiled with the project, so that its own code
        /// binds; they are not scanned as its files.
        /// </summary>
        public List<string> LinkedSources { get; } = new();

        /// <summary>Full paths of referenced .csproj files.</summary>
        public List<string> ProjectReferences { get; } = new();

        /// <summary>Package IDs of <c>PackageReference</c> items (versions are ignored: the local cache decides).</summary>
        public List<string> PackageReferences { get; } = new();

        /// <summary>Settings for files outside any project: today's language, .NET symbols, no implicit usings.</summary>
        public static ProjectSettings Loose { get; } = new(null);

        public string? TargetFramework
        {
            get
            {
                if (properties.TryGetValue("TargetFramework", out var tfm) && tfm.Length > 0)
                {
                    return tfm;
                }

                if (properties.TryGetValue("TargetFrameworks", out var tfms))
                {
                    return tfms.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
                }

                // An old-style .NET Framework project: <TargetFrameworkVersion>v4.7.2</TargetFrameworkVersion> is net472.
                return properties.TryGetValue("TargetFrameworkVersion", out var version) ? FromFrameworkVersion(version) : null;
            }
        }

        /// <summary>
        /// The target framework moniker of an old-style project's <c>TargetFrameworkVersion</c> (<c>v4.5</c> gives
        /// <c>net45</c>, <c>v4.7.2</c> <c>net472</c>), or null when it is no .NET Framework version.
        /// </summary>
        internal static string? FromFrameworkVersion(string version)
        {
            var digits = version.Trim().TrimStart('v', 'V');
            return Version.TryParse(digits, out var parsed) && parsed.Major is >= 1 and <= 4
                ? "net" + digits.Replace(".", string.Empty, StringComparison.Ordinal)
                : null;
        }

        public static ProjectSettings Read(string projectPath)
        {
            var settings = new ProjectSettings(projectPath);
            var directory = Path.GetDirectoryName(projectPath)!;
            foreach (var props in PropsChain(directory))
            {
                settings.Load(props, isProject: false);
            }

            settings.Load(projectPath, isProject: true);
            settings.LoadPackagesConfig(Path.Combine(directory, "packages.config"));
            return settings;
        }

        /// <summary>
        /// The packages of an old-style project (<c>packages.config</c> beside it, whose assemblies the project names by a
        /// <c>HintPath</c> into a <c>packages</c> folder that a clone does not have): taken from the local NuGet cache as a
        /// <c>PackageReference</c> is (fresh58: a course chess game's Json.NET, without which four SOCK040 went unseen). A file
        /// that is missing or not XML adds nothing.
        /// </summary>
        private void LoadPackagesConfig(string path)
        {
            if (!File.Exists(path))
            {
                return;
            }

            XDocument document;
            try
            {
                document = XDocument.Load(path);
            }
            catch (Exception e) when (e is System.Xml.XmlException or IOException or UnauthorizedAccessException)
            {
                return;
            }

            foreach (var package in document.Root?.Elements().Where(e => e.Name.LocalName == "package") ?? Enumerable.Empty<XElement>())
            {
                if ((string?)package.Attribute("id") is { Length: > 0 } id && !id.Contains("$(", StringComparison.Ordinal)
                    && !PackageReferences.Contains(id, StringComparer.OrdinalIgnoreCase))
                {
                    PackageReferences.Add(id);
                }
            }
        }

        public CSharpParseOptions ParseOptions()
        {
            var version = LanguageVersion.Latest;
            if (properties.TryGetValue("LangVersion", out var langVersion) && LanguageVersionFacts.TryParse(langVersion, out var parsed))
            {
                // Newer than this compiler knows ("13", "preview"): Latest is the closest.
                version = parsed;
            }

            return new CSharpParseOptions(version, DocumentationMode.None, SourceCodeKind.Regular, PreprocessorSymbols());
        }

        public CSharpCompilationOptions CompilationOptions()
        {
            var outputType = properties.TryGetValue("OutputType", out var type) ? type : null;
            var kind = outputType is not null && (outputType.Equals("Exe", StringComparison.OrdinalIgnoreCase) || outputType.Equals("WinExe", StringComparison.OrdinalIgnoreCase))
                ? OutputKind.ConsoleApplication
                : OutputKind.DynamicallyLinkedLibrary;
            // Nullable analysis is off whatever the project says: it re-binds every method body for warnings the scan
            // does not report, and no rule depends on it.
            var nullable = NullableContextOptions.Disable;
            return new CSharpCompilationOptions(
                kind,
                allowUnsafe: true,
                nullableContextOptions: nullable,
                concurrentBuild: true,
                reportSuppressedDiagnostics: false);
        }

        /// <summary>The <c>global using</c> file the SDK would generate, or null when there is none.</summary>
        public string? GlobalUsingsSource()
        {
            var names = new List<(string Name, bool Static, string? Alias)>();
            if (properties.TryGetValue("ImplicitUsings", out var implicitUsings)
                && (implicitUsings.Equals("enable", StringComparison.OrdinalIgnoreCase) || implicitUsings.Equals("true", StringComparison.OrdinalIgnoreCase)))
            {
                names.AddRange(SdkUsings.Select(u => (u, false, (string?)null)));
                if (Sdk?.Contains("Web", StringComparison.OrdinalIgnoreCase) == true)
                {
                    names.AddRange(WebUsings.Select(u => (u, false, (string?)null)));
                }
                else if (Sdk?.Contains("Worker", StringComparison.OrdinalIgnoreCase) == true)
                {
                    names.AddRange(WorkerUsings.Select(u => (u, false, (string?)null)));
                }
            }

            names.AddRange(usings);
            var lines = names
                .Where(u => !removedUsings.Contains(u.Name))
                .Select(u => u.Alias is not null
                    ? $"global using {u.Alias} = global::{u.Name};"
                    : u.Static ? $"global using static global::{u.Name};" : $"global using global::{u.Name};")
                .Distinct(StringComparer.Ordinal)
                .ToList();
            return lines.Count == 0 ? null : "// <auto-generated/>\n" + string.Join("\n", lines) + "\n";
        }

        private IEnumerable<string> PreprocessorSymbols()
        {
            var symbols = new List<string> { "TRACE" };
            var tfm = TargetFramework?.ToLowerInvariant() ?? "net" + Environment.Version.Major + ".0";
            symbols.AddRange(FrameworkSymbols(tfm));
            if (properties.TryGetValue("DefineConstants", out var defines))
            {
                symbols.AddRange(defines
                    .Replace("$(DefineConstants)", string.Empty, StringComparison.OrdinalIgnoreCase)
                    .Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Where(s => SyntaxFacts.IsValidIdentifier(s)));
            }

            return symbols.Distinct(StringComparer.Ordinal);
        }

        /// <summary>The symbols the SDK defines for a target framework (NET, NET8_0, NET8_0_OR_GREATER, NETSTANDARD2_0...).</summary>
        internal static IEnumerable<string> FrameworkSymbols(string tfm)
        {
            var dash = tfm.IndexOf('-');
            if (dash >= 0)
            {
                tfm = tfm.Substring(0, dash);
            }

            if (tfm.StartsWith("netstandard", StringComparison.Ordinal) && Version.TryParse(tfm.Substring(11), out var standard))
            {
                yield return "NETSTANDARD";
                yield return $"NETSTANDARD{standard.Major}_{standard.Minor}";
                foreach (var v in new[] { "1_0", "1_1", "1_2", "1_3", "1_4", "1_5", "1_6", "2_0", "2_1" })
                {
                    var parts = v.Split('_');
                    if (new Version(int.Parse(parts[0]), int.Parse(parts[1])) <= standard)
                    {
                        yield return $"NETSTANDARD{v}_OR_GREATER";
                    }
                }
            }
            else if (tfm.StartsWith("netcoreapp", StringComparison.Ordinal) && Version.TryParse(tfm.Substring(10), out var core))
            {
                yield return "NETCOREAPP";
                yield return $"NETCOREAPP{core.Major}_{core.Minor}";
                foreach (var v in new[] { new Version(1, 0), new Version(1, 1), new Version(2, 0), new Version(2, 1), new Version(2, 2), new Version(3, 0), new Version(3, 1) })
                {
                    if (v <= core)
                    {
                        yield return $"NETCOREAPP{v.Major}_{v.Minor}_OR_GREATER";
                    }
                }
            }
            else if (tfm.StartsWith("net", StringComparison.Ordinal) && tfm.Length > 3)
            {
                var rest = tfm.Substring(3);
                if (!rest.Contains('.') && rest.Length >= 2 && rest.All(char.IsDigit))
                {
                    // net48, net472: .NET Framework.
                    yield return "NETFRAMEWORK";
                    yield return "NET" + rest.ToUpperInvariant();
                }
                else if (Version.TryParse(rest, out var net) && net.Major >= 5)
                {
                    yield return "NET";
                    yield return "NETCOREAPP";
                    yield return $"NET{net.Major}_{net.Minor}";
                    for (var major = 5; major <= net.Major; major++)
                    {
                        yield return $"NET{major}_0_OR_GREATER";
                    }

                    foreach (var v in new[] { "1_0", "1_1", "2_0", "2_1", "2_2", "3_0", "3_1" })
                    {
                        yield return $"NETCOREAPP{v}_OR_GREATER";
                    }
                }
            }
        }

        /// <summary>
        /// The <c>Directory.Build.props</c> MSBuild reads for a project in <paramref name="directory"/>, outermost first: the
        /// nearest one, and each one above that the one below imports (<c>&lt;Import Project="$([MSBuild]::GetPathOfFileAbove(
        /// 'Directory.Build.props', '$(MSBuildThisFileDirectory)../'))" /&gt;</c>, or the <c>GetDirectoryNameOfFileAbove</c>
        /// form: fresh56, a network library whose <c>src/</c> props imports the root one that turns <c>ImplicitUsings</c> on).
        /// </summary>
        private static List<string> PropsChain(string directory)
        {
            var chain = new List<string>();
            var props = FindUp(directory, "Directory.Build.props");
            while (props is not null && chain.Count < 8)
            {
                chain.Insert(0, props);
                var above = Path.GetDirectoryName(Path.GetDirectoryName(props)!);
                props = above is not null && ImportsPropsAbove(props) ? FindUp(above, "Directory.Build.props") : null;
            }

            return chain;
        }

        /// <summary>The props file imports the <c>Directory.Build.props</c> of a folder above it.</summary>
        private static bool ImportsPropsAbove(string props)
        {
            try
            {
                var root = XDocument.Load(props, LoadOptions.None).Root;
                return root is not null && root.Elements().Any(e => e.Name.LocalName == "Import"
                    && (string?)e.Attribute("Project") is { } project
                    && project.Contains("Directory.Build.props", StringComparison.OrdinalIgnoreCase)
                    && (project.Contains("GetPathOfFileAbove", StringComparison.OrdinalIgnoreCase) || project.Contains("GetDirectoryNameOfFileAbove", StringComparison.OrdinalIgnoreCase)));
            }
            catch (Exception e) when (e is IOException or XmlException or UnauthorizedAccessException)
            {
                return false;
            }
        }

        private static string? FindUp(string directory, string fileName)
        {
            for (var current = new DirectoryInfo(directory); current is not null; current = current.Parent)
            {
                var candidate = Path.Combine(current.FullName, fileName);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            return null;
        }

        private void Load(string path, bool isProject)
        {
            XDocument document;
            try
            {
                document = XDocument.Load(path, LoadOptions.None);
            }
            catch (Exception e) when (e is IOException or XmlException or UnauthorizedAccessException)
            {
                return;
            }

            var root = document.Root;
            if (root is null)
            {
                return;
            }

            if (isProject)
            {
                Sdk = (string?)root.Attribute("Sdk") ?? root.Elements().FirstOrDefault(e => e.Name.LocalName == "Sdk")?.Attribute("Name")?.Value;
            }

            var directory = Path.GetDirectoryName(path)!;
            foreach (var group in root.Elements().Where(e => e.Name.LocalName == "PropertyGroup"))
            {
                foreach (var property in group.Elements())
                {
                    var conditional = property.Attribute("Condition") is not null || group.Attribute("Condition") is not null;
                    var name = property.Name.LocalName;
                    if (!conditional || !properties.ContainsKey(name))
                    {
                        properties[name] = property.Value.Trim();
                    }
                }
            }

            foreach (var item in root.Elements().Where(e => e.Name.LocalName == "ItemGroup").SelectMany(g => g.Elements()))
            {
                var include = (string?)item.Attribute("Include");
                var remove = (string?)item.Attribute("Remove");
                switch (item.Name.LocalName)
                {
                    case "Using" when include is not null:
                        var isStatic = string.Equals((string?)item.Attribute("Static"), "true", StringComparison.OrdinalIgnoreCase);
                        usings.Add((include, isStatic, (string?)item.Attribute("Alias")));
                        break;
                    case "Using" when remove is not null:
                        removedUsings.Add(remove);
                        break;
                    case "Compile" when include is not null && isProject:
                        foreach (var linked in include.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                        {
                            if (linked.Contains("$(", StringComparison.Ordinal) || linked.IndexOfAny(new[] { '*', '?' }) >= 0
                                || !linked.EndsWith(".cs", StringComparison.OrdinalIgnoreCase))
                            {
                                continue;
                            }

                            var full = Path.GetFullPath(Path.Combine(directory, linked.Replace('\\', Path.DirectorySeparatorChar)));
                            var inside = Path.GetRelativePath(directory, full);
                            if ((inside.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(inside)) && File.Exists(full) && !LinkedSources.Contains(full))
                            {
                                LinkedSources.Add(full);
                            }
                        }

                        break;
                    case "Compile" when remove is not null && isProject:
                        foreach (var pattern in remove.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                        {
                            if (!pattern.Contains("$(", StringComparison.Ordinal))
                            {
                                CompileRemove.Add(Glob.Parse(pattern));
                            }
                        }

                        break;
                    case "PackageReference" when include is not null:
                        if (!include.Contains("$(", StringComparison.Ordinal) && !PackageReferences.Contains(include, StringComparer.OrdinalIgnoreCase))
                        {
                            PackageReferences.Add(include);
                        }

                        break;
                    case "ProjectReference" when include is not null && isProject:
                        foreach (var reference in include.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                        {
                            if (!reference.Contains("$(", StringComparison.Ordinal))
                            {
                                ProjectReferences.Add(Path.GetFullPath(Path.Combine(directory, reference.Replace('\\', Path.DirectorySeparatorChar))));
                            }
                        }

                        break;
                }
            }
        }
    }
}
