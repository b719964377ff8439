using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

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

        /// <summary>The first names of the namespaces the source declares at its top level (<c>System</c> of <c>namespace System.Net;</c>), read on the first request.</summary>
        private HashSet<string>? sourceNamespaces;

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
            if (MayBeDeclaredInSource(metadataName) && compilation.Assembly.GetTypeByMetadataName(metadataName) is not null)
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

        /// <summary>
        /// False when no namespace the source declares can hold <paramref name="metadataName"/>: its first name
        /// (<c>System</c> of <c>System.Net.Sockets.Socket</c>) opens no namespace declaration of the source. Asking the
        /// source assembly itself made the compiler build the source's namespace symbols, before the binding that would
        /// have built them, for each of the hundred-odd names of the tables (15 of 1,669 analyzer samples in a dense
        /// profile, at every compilation's start). A name in the global namespace is always asked.
        /// </summary>
        public bool MayBeDeclaredInSource(string metadataName)
        {
            var dot = metadataName.IndexOf('.');
            if (dot < 0)
            {
                return true;
            }

            var namespaces = Volatile.Read(ref sourceNamespaces) ?? Interlocked.CompareExchange(ref sourceNamespaces, SourceNamespaces(compilation), null) ?? sourceNamespaces!;
            if (namespaces.Contains(string.Empty))
            {
                // A tree that is not C#, or a name we cannot read: ask.
                return true;
            }

            foreach (var name in namespaces)
            {
                if (name.Length == dot && string.CompareOrdinal(name, 0, metadataName, 0, dot) == 0)
                {
                    return true;
                }
            }

            return false;
        }

        private static HashSet<string> SourceNamespaces(Compilation compilation)
        {
            var names = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var tree in compilation.SyntaxTrees)
            {
                if (tree.GetRoot() is not CompilationUnitSyntax unit)
                {
                    // Not C#: ask the source for every name.
                    names.Add(string.Empty);
                    continue;
                }

                foreach (var member in unit.Members)
                {
                    if (member is BaseNamespaceDeclarationSyntax declared)
                    {
                        names.Add(FirstName(declared.Name));
                    }
                }
            }

            return names;
        }

        private static string FirstName(NameSyntax name) => name switch
        {
            QualifiedNameSyntax qualified => FirstName(qualified.Left),
            AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            _ => string.Empty,
        };
    }
}
