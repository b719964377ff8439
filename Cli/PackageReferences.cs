using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace SocketAnalyzers.Cli
{
    /// <summary>
    /// Assemblies of a project's <c>PackageReference</c>s taken from the local NuGet cache when they are already there
    /// (<c>NUGET_PACKAGES</c>, else <c>~/.nuget/packages</c>): the newest cached version, its best <c>lib/</c> folder for
    /// a .NET app, and the dependencies its .nuspec lists (a few levels deep). Never downloads; a package that is not
    /// cached stays missing and its types unbound.
    /// </summary>
    internal sealed class PackageReferences
    {
        private readonly string? root;
        private readonly HashSet<string> frameworkNames;
        /// <summary>How far dependencies of dependencies are followed (xunit -> xunit.core -> xunit.extensibility.core).</summary>
        private const int MaxDependencyDepth = 3;

        private readonly ConcurrentDictionary<string, (ImmutableArray<MetadataReference> References, ImmutableArray<string> Dependencies)> cache = new(StringComparer.OrdinalIgnoreCase);

        public PackageReferences(string? root, IEnumerable<MetadataReference> framework)
        {
            this.root = root is not null && Directory.Exists(root) ? root : null;
            frameworkNames = new HashSet<string>(
                framework.OfType<PortableExecutableReference>().Select(r => Path.GetFileName(r.FilePath ?? string.Empty)),
                StringComparer.OrdinalIgnoreCase);
        }

        /// <summary>The default cache folder: <c>NUGET_PACKAGES</c>, else <c>~/.nuget/packages</c>.</summary>
        public static string? DefaultRoot()
        {
            var configured = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
            if (!string.IsNullOrEmpty(configured))
            {
                return configured;
            }

            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            return string.IsNullOrEmpty(home) ? null : Path.Combine(home, ".nuget", "packages");
        }

        /// <summary>The references for <paramref name="packageIds"/>, without duplicates and without what the framework has.</summary>
        public ImmutableArray<MetadataReference> Resolve(IEnumerable<string> packageIds)
        {
            if (root is null)
            {
                return ImmutableArray<MetadataReference>.Empty;
            }

            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var visited = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var pending = new Queue<(string Id, int Depth)>(packageIds.Select(id => (id, 0)));
            var result = ImmutableArray.CreateBuilder<MetadataReference>();
            while (pending.Count > 0)
            {
                var (id, depth) = pending.Dequeue();
                if (!visited.Add(id))
                {
                    continue;
                }

                var package = cache.GetOrAdd(id, Load);
                foreach (var reference in package.References)
                {
                    if (seen.Add(Path.GetFileName(((PortableExecutableReference)reference).FilePath!)))
                    {
                        result.Add(reference);
                    }
                }

                if (depth < MaxDependencyDepth)
                {
                    foreach (var dependency in package.Dependencies)
                    {
                        pending.Enqueue((dependency, depth + 1));
                    }
                }
            }

            return result.ToImmutable();
        }

        private (ImmutableArray<MetadataReference> References, ImmutableArray<string> Dependencies) Load(string id)
        {
            try
            {
                var packageFolder = Path.Combine(root!, id.ToLowerInvariant());
                if (!Directory.Exists(packageFolder))
                {
                    return (ImmutableArray<MetadataReference>.Empty, ImmutableArray<string>.Empty);
                }

                var version = Directory.GetDirectories(packageFolder).OrderByDescending(d => ParseVersion(Path.GetFileName(d))).FirstOrDefault();
                if (version is null)
                {
                    return (ImmutableArray<MetadataReference>.Empty, ImmutableArray<string>.Empty);
                }

                var lib = BestLibFolder(Path.Combine(version, "lib"));
                var references = lib is null
                    ? ImmutableArray<MetadataReference>.Empty
                    : Directory.GetFiles(lib, "*.dll")
                        .Where(f => !frameworkNames.Contains(Path.GetFileName(f)))
                        .OrderBy(f => f, StringComparer.Ordinal)
                        .Select(f => (MetadataReference)MetadataReference.CreateFromFile(f))
                        .ToImmutableArray();
                return (references, Dependencies(version));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or BadImageFormatException)
            {
                // An unreadable cache entry is a missing package.
                return (ImmutableArray<MetadataReference>.Empty, ImmutableArray<string>.Empty);
            }
        }

        /// <summary>The package IDs the .nuspec of a cached package depends on (every target group).</summary>
        private static ImmutableArray<string> Dependencies(string versionFolder)
        {
            var nuspec = Directory.GetFiles(versionFolder, "*.nuspec").FirstOrDefault();
            if (nuspec is null)
            {
                return ImmutableArray<string>.Empty;
            }

            try
            {
                return System.Xml.Linq.XDocument.Load(nuspec).Descendants()
                    .Where(e => e.Name.LocalName == "dependency")
                    .Select(e => (string?)e.Attribute("id"))
                    .OfType<string>()
                    .Distinct(StringComparer.OrdinalIgnoreCase)
                    .ToImmutableArray();
            }
            catch (System.Xml.XmlException)
            {
                return ImmutableArray<string>.Empty;
            }
        }

        /// <summary>The most recent .NET (5+) folder, then .NET Core, then .NET Standard, that has assemblies.</summary>
        private static string? BestLibFolder(string lib)
        {
            if (!Directory.Exists(lib))
            {
                return null;
            }

            var candidates = Directory.GetDirectories(lib)
                .Select(d => (Path: d, Rank: Rank(Path.GetFileName(d).ToLowerInvariant())))
                .Where(c => c.Rank > 0 && Directory.EnumerateFiles(c.Path, "*.dll").Any())
                .OrderByDescending(c => c.Rank);
            return candidates.Select(c => c.Path).FirstOrDefault();
        }

        private static double Rank(string tfm)
        {
            if (tfm.StartsWith("netstandard", StringComparison.Ordinal) && double.TryParse(tfm.Substring(11), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var standard))
            {
                return 100 + standard;
            }

            if (tfm.StartsWith("netcoreapp", StringComparison.Ordinal) && double.TryParse(tfm.Substring(10), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var core))
            {
                return 200 + core;
            }

            if (tfm.StartsWith("net", StringComparison.Ordinal) && tfm.Contains('.') && !tfm.Contains('-')
                && double.TryParse(tfm.Substring(3), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var net)
                && net >= 5 && net <= Environment.Version.Major)
            {
                return 300 + net;
            }

            return 0;
        }

        private static Version ParseVersion(string text)
        {
            var dash = text.IndexOf('-');
            return Version.TryParse(dash >= 0 ? text.Substring(0, dash) : text, out var version) ? version : new Version(0, 0);
        }
    }
}
