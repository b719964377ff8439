using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SocketAnalyzers.Model;

namespace SocketAnalyzers.Cli
{
    /// <summary>
    /// Which files can hold a finding. Binding method bodies is nearly all of a scan's time, and the rules only speak
    /// about code that touches network types, so the scanner binds only the files that name one. What is a network
    /// type is the analyzers' API catalogue's answer (<see cref="SocketApiCatalogue.RelevantNamespaces"/> and
    /// <see cref="SocketApiCatalogue.RelevantTypes"/>, read through the Analyzers assembly's InternalsVisibleTo): a type of
    /// <c>System.Net.Sockets</c>, <c>System.Net.Security</c>, <c>System.IO.Pipelines</c> or
    /// <c>System.Buffers.Binary</c>, an endpoint type (<c>IPAddress</c>, <c>IPEndPoint</c>, <c>Dns</c>...), a type with
    /// a host-order, port or byte-order member (<c>BitConverter</c>, <c>BinaryReader</c>/<c>Writer</c>,
    /// <c>MemoryMarshal</c>, <c>Unsafe</c>), a source type derived from one of these, or a source field, property or method whose
    /// type involves one (so <c>conn.Socket.Receive(b)</c> in another file than <c>Socket</c>'s field still counts), or
    /// an alias of any of them. The filter only decides what is read, never what is reported: a file it skips has
    /// no identifier through which a rule could know that a value is a socket. <c>--all-files</c> turns it off.
    /// </summary>
    internal static class NetworkRelevance
    {
        private static readonly IReadOnlyList<string> Namespaces = SocketApiCatalogue.RelevantNamespaces;

        private static readonly IReadOnlyList<string> Types = SocketApiCatalogue.RelevantTypes;

        /// <summary>The trees among <paramref name="trees"/> that name something network-related (as a word: <c>@Socket</c> and <c>Socket</c> alike).</summary>
        public static HashSet<SyntaxTree> Select(Compilation compilation, IReadOnlyCollection<SyntaxTree> trees, IReadOnlyCollection<MetadataReference> extraReferences, CancellationToken cancellationToken)
        {
            var names = RelevantNames(compilation, trees, extraReferences, cancellationToken);
            var lookup = names.GetAlternateLookup<ReadOnlySpan<char>>();
            var selected = new HashSet<SyntaxTree>();
            foreach (var tree in trees)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (MentionsAny(tree.GetText(cancellationToken).ToString(), lookup))
                {
                    selected.Add(tree);
                }
            }

            return selected;
        }

        /// <summary>
        /// True when a word of <paramref name="text"/> (a run of letters, digits and underscores, so identifiers, and
        /// words in comments and strings, which only ever add files) is one of the names. One pass, no syntax nodes.
        /// </summary>
        internal static bool MentionsAny(string text, HashSet<string>.AlternateLookup<ReadOnlySpan<char>> names)
        {
            var span = text.AsSpan();
            var i = 0;
            while (i < span.Length)
            {
                if (!IsWordChar(span[i]))
                {
                    i++;
                    continue;
                }

                var start = i;
                while (i < span.Length && IsWordChar(span[i]))
                {
                    i++;
                }

                if (names.Contains(span.Slice(start, i - start)))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

        internal static HashSet<string> RelevantNames(Compilation compilation, IReadOnlyCollection<SyntaxTree> trees, IReadOnlyCollection<MetadataReference> extraReferences, CancellationToken cancellationToken)
        {
            var types = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
            foreach (var name in Namespaces)
            {
                var ns = FindNamespace(compilation.GlobalNamespace, name);
                if (ns is null)
                {
                    continue;
                }

                foreach (var type in ns.GetTypeMembers())
                {
                    if (type.DeclaredAccessibility == Accessibility.Public)
                    {
                        types.Add(type);
                    }
                }
            }

            foreach (var name in Types)
            {
                if (compilation.GetTypeByMetadataName(name) is { } type)
                {
                    types.Add(type);
                }
            }

            var names = new HashSet<string>(types.Select(t => t.Name), StringComparer.Ordinal);

            // Source types derived from network types, and source members whose type involves one.
            // (Of this project, of the scanned projects it references and of its cached packages: conn.Link.Receive(b) with Link declared there.)
            var sourceTypes = new List<INamedTypeSymbol>();
            CollectTypes(compilation.Assembly.GlobalNamespace, sourceTypes, cancellationToken);
            foreach (var reference in compilation.References.Where(r => r is CompilationReference || extraReferences.Contains(r)))
            {
                if (compilation.GetAssemblyOrModuleSymbol(reference) is IAssemblySymbol referenced)
                {
                    CollectTypes(referenced.GlobalNamespace, sourceTypes, cancellationToken);
                }
            }
            foreach (var type in sourceTypes)
            {
                if (Involves(type.BaseType, types, 0))
                {
                    types.Add(type);
                    names.Add(type.Name);
                }
            }

            foreach (var type in sourceTypes)
            {
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var member in type.GetMembers())
                {
                    var memberType = member switch
                    {
                        IFieldSymbol field => field.Type,
                        IPropertySymbol property => property.Type,
                        IMethodSymbol { MethodKind: MethodKind.Ordinary } method => method.ReturnType,
                        _ => null,
                    };
                    if (memberType is not null && Involves(memberType, types, 0))
                    {
                        names.Add(member.Name);
                    }
                }
            }

            // using S = System.Net.Sockets.Socket; (global or not) makes S a name to look for.
            foreach (var tree in trees)
            {
                var root = tree.GetRoot(cancellationToken) as CompilationUnitSyntax;
                if (root is null)
                {
                    continue;
                }

                foreach (var directive in root.DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax).OfType<UsingDirectiveSyntax>())
                {
                    if (directive.Alias is { } alias && directive.DescendantTokens().Any(t => t.IsKind(SyntaxKind.IdentifierToken) && names.Contains(t.ValueText)))
                    {
                        names.Add(alias.Name.Identifier.ValueText);
                    }
                }
            }

            return names;
        }

        private static bool Involves(ITypeSymbol? type, HashSet<ITypeSymbol> types, int depth)
        {
            if (type is null || depth > 4)
            {
                return false;
            }

            switch (type)
            {
                case IArrayTypeSymbol array:
                    return Involves(array.ElementType, types, depth + 1);
                case INamedTypeSymbol named:
                    for (var current = named; current is not null; current = current.BaseType)
                    {
                        if (types.Contains(current.OriginalDefinition))
                        {
                            return true;
                        }
                    }

                    foreach (var argument in named.TypeArguments)
                    {
                        if (Involves(argument, types, depth + 1))
                        {
                            return true;
                        }
                    }

                    return false;
                default:
                    return false;
            }
        }

        private static void CollectTypes(INamespaceOrTypeSymbol container, List<INamedTypeSymbol> result, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var member in container.GetMembers())
            {
                if (member is INamespaceSymbol ns)
                {
                    CollectTypes(ns, result, cancellationToken);
                }
                else if (member is INamedTypeSymbol type && (type.Locations.Any(l => l.IsInSource) || type.DeclaredAccessibility == Accessibility.Public))
                {
                    result.Add(type);
                    CollectTypes(type, result, cancellationToken);
                }
            }
        }

        private static INamespaceSymbol? FindNamespace(INamespaceSymbol global, string name)
        {
            var current = global;
            foreach (var part in name.Split('.'))
            {
                current = current.GetNamespaceMembers().FirstOrDefault(n => n.Name == part);
                if (current is null)
                {
                    return null;
                }
            }

            return current;
        }
    }
}
