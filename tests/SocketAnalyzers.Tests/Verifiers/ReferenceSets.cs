using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace SocketAnalyzers.Tests.Verifiers
{
    /// <summary>
    /// The reference assemblies a test compilation builds against. They are restored with the test project
    /// (PackageDownload, and for net10.0 the reference pack the test project itself compiles against) and copied
    /// beside the test assembly by the project's CopyTestReferenceAssemblies target; no test downloads anything.
    /// <para>
    /// Microsoft.CodeAnalysis.Testing gets them as <see cref="ReferenceAssemblies"/> that name only the target
    /// framework (no package, so the library's NuGet resolution has nothing to fetch) plus these files as metadata
    /// references of every project the test creates (see <see cref="SocketAnalyzerTest"/>).
    /// </para>
    /// </summary>
    public sealed class ReferenceSet
    {
        private static readonly ConcurrentDictionary<string, ImmutableArray<MetadataReference>> Cache = new();

        // One instance per framework: the library caches what an instance resolves (here, nothing) per instance.
        private static readonly ConcurrentDictionary<string, ReferenceAssemblies> Frameworks = new();

        private ReferenceSet(string name, string targetFramework, string[] folders, ImmutableArray<MetadataReference> extra)
        {
            Name = name;
            ReferenceAssemblies = Frameworks.GetOrAdd(targetFramework, tfm => new ReferenceAssemblies(tfm));
            Folders = folders;
            Extra = extra;
        }

        /// <summary>.NET 8: the default. Has <c>Stream.ReadExactly</c>, <c>BinaryPrimitives</c>, <c>Span</c> overloads.</summary>
        public static ReferenceSet Net80 { get; } = new("net8.0", "net8.0", new[] { "net8.0" }, ImmutableArray<MetadataReference>.Empty);

        /// <summary>.NET 10, the framework of the SDK this repository builds with.</summary>
        public static ReferenceSet Net100 { get; } = new("net10.0", "net10.0", new[] { "net10.0" }, ImmutableArray<MetadataReference>.Empty);

        /// <summary>
        /// .NET Framework 4.8 (mscorlib and its facades): code whose behaviour differs on the runtime it targets, such as a
        /// culture-aware search for NUL (NLS finds it, ICU ignores it).
        /// </summary>
        public static ReferenceSet NetFramework48 { get; } = new("net48", "net48", new[] { "net48" }, ImmutableArray<MetadataReference>.Empty);

        /// <summary>netstandard2.0 alone: no <c>ReadExactly</c>, no <c>Span</c>, no <c>BinaryPrimitives</c>.</summary>
        public static ReferenceSet NetStandard20 { get; } = new("netstandard2.0", "netstandard2.0", new[] { "netstandard2.0" }, ImmutableArray<MetadataReference>.Empty);

        /// <summary>netstandard2.0 with the System.Memory package: <c>Span</c> and <c>BinaryPrimitives</c>, still no <c>ReadExactly</c>.</summary>
        public static ReferenceSet NetStandard20WithSystemMemory { get; } = new("netstandard2.0+System.Memory", "netstandard2.0", new[] { "netstandard2.0", "system.memory" }, ImmutableArray<MetadataReference>.Empty);

        /// <summary>
        /// netstandard2.0 with every package the Runtime library references there (System.Memory,
        /// System.Threading.Tasks.Extensions, Microsoft.Bcl.AsyncInterfaces): the Runtime library as netstandard2.0 sees it.
        /// </summary>
        public static ReferenceSet NetStandard20WithRuntimeDependencies { get; } = new("netstandard2.0+Runtime dependencies", "netstandard2.0", new[] { "netstandard2.0", "system.memory", "bcl.asyncinterfaces" }, ImmutableArray<MetadataReference>.Empty);

        /// <summary>Names the set in failure messages.</summary>
        public string Name { get; }

        /// <summary>The target framework, for Microsoft.CodeAnalysis.Testing; it resolves no assembly itself.</summary>
        public ReferenceAssemblies ReferenceAssemblies { get; }

        private string[] Folders { get; }

        private ImmutableArray<MetadataReference> Extra { get; }

        /// <summary>This set plus the assemblies of <paramref name="types"/> (say, the Runtime helper library).</summary>
        public ReferenceSet With(params Type[] types)
            => new(Name + "+" + string.Join("+", types.Select(t => t.Assembly.GetName().Name)), ReferenceAssemblies.TargetFramework, Folders,
                Extra.AddRange(types.Select(t => (MetadataReference)MetadataReference.CreateFromFile(t.Assembly.Location))));

        /// <summary>The metadata references of this set.</summary>
        public ImmutableArray<MetadataReference> Resolve()
        {
            var key = string.Join("|", Folders);
            var baseRefs = Cache.GetOrAdd(key, _ =>
            {
                var builder = ImmutableArray.CreateBuilder<MetadataReference>();
                foreach (var folder in Folders)
                {
                    var path = Path.Combine(AppContext.BaseDirectory, "refs", folder);
                    if (!Directory.Exists(path))
                    {
                        throw new InvalidOperationException($"Reference assemblies for '{folder}' are missing at {path}; build the test project.");
                    }

                    foreach (var file in Directory.GetFiles(path, "*.dll").OrderBy(f => f, StringComparer.Ordinal))
                    {
                        builder.Add(MetadataReference.CreateFromFile(file));
                    }
                }

                return builder.ToImmutable();
            });
            return baseRefs.AddRange(Extra);
        }

        public override string ToString() => Name;
    }
}
