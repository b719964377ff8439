using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;

namespace SocketAnalyzers.Cli
{
    /// <summary>
    /// The framework assemblies the scanned code compiles against: the reference pack of the running .NET
    /// (<c>packs/Microsoft.NETCore.App.Ref/&lt;version&gt;/ref/net&lt;x&gt;</c> under its dotnet root), plus the ASP.NET Core
    /// and Windows Desktop (Windows Forms, WPF) reference packs when they are installed, falling back to the runtime's own
    /// assemblies. Nothing is downloaded. The SDK installs the Windows Desktop pack on Windows only: elsewhere the types of
    /// a Windows Forms or WPF program do not bind, and the rules take the code that goes through them as unknown
    /// (fresh70 and fresh72: a chat client's receive loop whose helper appends to a <c>TextBox</c>).
    /// </summary>
    internal sealed class FrameworkReferences
    {
        private static readonly Lazy<FrameworkReferences> Default = new(Load);

        private FrameworkReferences(ImmutableArray<MetadataReference> references, string description)
        {
            References = references;
            Description = description;
        }

        /// <summary>The references, created once and shared by every compilation of a scan.</summary>
        public ImmutableArray<MetadataReference> References { get; }

        /// <summary>Where they came from, for <c>--verbose</c>.</summary>
        public string Description { get; }

        public static FrameworkReferences Instance => Default.Value;

        private static FrameworkReferences Load() => LoadFrom(RuntimeEnvironment.GetRuntimeDirectory());

        /// <summary>The references for the runtime in <paramref name="runtimeDirectory"/> (<c>&lt;root&gt;/shared/Microsoft.NETCore.App/&lt;version&gt;/</c>).</summary>
        internal static FrameworkReferences LoadFrom(string runtimeDirectory)
        {
            var files = new List<string>();
            var sources = new List<string>();
            var netCoreRef = FindReferencePack(runtimeDirectory, "Microsoft.NETCore.App");
            if (netCoreRef is not null)
            {
                files.AddRange(Directory.GetFiles(netCoreRef, "*.dll"));
                sources.Add(netCoreRef);
                foreach (var framework in new[] { "Microsoft.AspNetCore.App", "Microsoft.WindowsDesktop.App" })
                {
                    var pack = FindReferencePack(runtimeDirectory, framework);
                    if (pack is not null)
                    {
                        files.AddRange(Directory.GetFiles(pack, "*.dll"));
                        sources.Add(pack);
                    }
                }
            }
            else
            {
                // No reference pack (a runtime without an SDK): the implementation assemblies the runtime itself trusts.
                var trusted = (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? string.Empty)
                    .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                    .Where(p => p.StartsWith(runtimeDirectory.TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal)
                        || Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal)
                        || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll");
                files.AddRange(trusted);
                sources.Add("runtime assemblies in " + runtimeDirectory);
            }

            var references = files
                .Where(IsManagedAssembly)
                .GroupBy(f => Path.GetFileName(f), StringComparer.OrdinalIgnoreCase)
                .Select(g => g.First())
                .OrderBy(f => f, StringComparer.Ordinal)
                .Select(f => (MetadataReference)MetadataReference.CreateFromFile(f))
                .ToImmutableArray();
            return new FrameworkReferences(references, string.Join("; ", sources));
        }

        /// <summary>
        /// <c>&lt;dotnet root&gt;/packs/&lt;framework&gt;.Ref/&lt;version&gt;/ref/net&lt;x&gt;</c>, preferring the running runtime's
        /// version, then the newest one not newer than the runtime, then the newest.
        /// </summary>
        private static string? FindReferencePack(string runtimeDirectory, string framework)
        {
            // runtimeDirectory is <root>/shared/Microsoft.NETCore.App/<version>/
            var versionDirectory = new DirectoryInfo(runtimeDirectory.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
            var root = versionDirectory.Parent?.Parent?.Parent;
            if (root is null)
            {
                return null;
            }

            var packs = Path.Combine(root.FullName, "packs", framework + ".Ref");
            if (!Directory.Exists(packs))
            {
                return null;
            }

            var runtimeVersion = ParseVersion(versionDirectory.Name);
            var candidates = Directory.GetDirectories(packs)
                .Select(d => (Path: d, Version: ParseVersion(Path.GetFileName(d))))
                .Where(c => c.Version is not null)
                .OrderByDescending(c => c.Version)
                .ToList();
            var ordered = candidates.Where(c => runtimeVersion is not null && c.Version == runtimeVersion)
                .Concat(candidates.Where(c => runtimeVersion is null || c.Version < runtimeVersion))
                .Concat(candidates);
            foreach (var candidate in ordered)
            {
                var refDirectory = Path.Combine(candidate.Path, "ref");
                if (!Directory.Exists(refDirectory))
                {
                    continue;
                }

                var tfm = Directory.GetDirectories(refDirectory, "net*")
                    .OrderByDescending(d => ParseVersion(Path.GetFileName(d).Substring(3)) ?? new Version(0, 0))
                    .FirstOrDefault();
                if (tfm is not null && Directory.EnumerateFiles(tfm, "*.dll").Any())
                {
                    return tfm;
                }
            }

            return null;
        }

        private static Version? ParseVersion(string text)
        {
            var dash = text.IndexOf('-');
            if (dash >= 0)
            {
                text = text.Substring(0, dash);
            }

            return Version.TryParse(text, out var version) ? version : null;
        }

        private static bool IsManagedAssembly(string path)
        {
            try
            {
                using var stream = File.OpenRead(path);
                using var reader = new System.Reflection.PortableExecutable.PEReader(stream);
                return reader.HasMetadata;
            }
            catch (Exception e) when (e is IOException or BadImageFormatException or UnauthorizedAccessException)
            {
                return false;
            }
        }
    }
}
