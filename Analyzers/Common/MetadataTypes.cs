using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace SocketAnalyzers.Common
{
    /// <summary>
    /// Types by metadata name for one compilation, for every table of the package (<see cref="KnownSymbols"/>,
    /// <see cref="FrameworkMembers"/>, the families' API tables). <c>Compilation.GetTypeByMetadataName</c> searches every
    /// referenced assembly (about 160 on .NET 10) and was about a twentieth of the analyzers' time on real libraries,
    /// paid again by every new compilation. A name the compilation's own source does not declare resolves to a type of
    /// the referenced assemblies alone, so its answer is kept for every compilation with the same references
    /// (<see cref="ReferenceShelf{T}"/>); a name the source declares (a polyfill) is asked of the compilation each time
    /// and never kept.
    /// </summary>
    internal sealed class MetadataTypes
    {
        private static readonly ConditionalWeakTable<Compilation, MetadataTypes> PerCompilation = new();
        private static readonly ReferenceShelf<ConcurrentDictionary<string, INamedTypeSymbol?>> Shelf = new();

        private readonly Compilation compilation;
        private readonly ConcurrentDictionary<string, INamedTypeSymbol?> resolved;

        private MetadataTypes(Compilation compilation)
        {
            this.compilation = compilation;
            resolved = Shelf.GetOrCreate(compilation, static _ => new ConcurrentDictionary<string, INamedTypeSymbol?>(System.StringComparer.Ordinal), static (_, _) => true);
        }

        /// <summary>The lookup of <paramref name="compilation"/>, made once.</summary>
        public static MetadataTypes For(Compilation compilation) => PerCompilation.GetValue(compilation, static c => new MetadataTypes(c));

        /// <summary>What <c>compilation.GetTypeByMetadataName(<paramref name="metadataName"/>)</c> returns.</summary>
        public INamedTypeSymbol? Get(string metadataName)
        {
            if (compilation.Assembly.GetTypeByMetadataName(metadataName) is not null)
            {
                // The source's own type comes first, or makes the name ambiguous: this compilation's answer only.
                return compilation.GetTypeByMetadataName(metadataName);
            }

            if (resolved.TryGetValue(metadataName, out var type))
            {
                return type;
            }

            type = compilation.GetTypeByMetadataName(metadataName);
            return resolved.GetOrAdd(metadataName, type);
        }
    }
}
