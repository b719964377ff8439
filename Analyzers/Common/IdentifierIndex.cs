using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SocketAnalyzers.Common
{
    /// <summary>
    /// The identifiers of a syntax tree by name, gathered by one walk of the tree and kept as long as the tree lives. The
    /// summaries look for the uses of a method, field or parameter by name under a member or a type; walking that node's
    /// syntax once per question cost a walk of the type per helper and per field (about 1.5% of the analyzers' time on
    /// socket-dense code), and a name looked up here costs the identifiers that have it.
    /// </summary>
    internal static class IdentifierIndex
    {
        private static readonly IdentifierNameSyntax[] None = Array.Empty<IdentifierNameSyntax>();

        private static readonly ConditionalWeakTable<SyntaxTree, Dictionary<string, IdentifierNameSyntax[]>> Trees = new();

        /// <summary>
        /// Every identifier named <paramref name="name"/> under <paramref name="scope"/> (not in its trivia), in the order of
        /// the source: what <c>scope.DescendantNodes()</c> filtered on the name gives.
        /// </summary>
        public static IEnumerable<IdentifierNameSyntax> Named(SyntaxNode scope, string name, CancellationToken cancellationToken)
        {
            var byName = Trees.GetValue(scope.SyntaxTree, tree => Index(tree, cancellationToken));
            if (!byName.TryGetValue(name, out var identifiers))
            {
                return None;
            }

            return Within(identifiers, scope);
        }

        private static IEnumerable<IdentifierNameSyntax> Within(IdentifierNameSyntax[] identifiers, SyntaxNode scope)
        {
            // A descendant of scope lies inside its full span; the identifiers are in source order, so the first one that
            // starts past its end ends the search, and the ancestry test decides the rest.
            var span = scope.FullSpan;
            foreach (var identifier in identifiers)
            {
                if (identifier.SpanStart > span.End)
                {
                    yield break;
                }

                if (span.Contains(identifier.FullSpan) && identifier != scope && scope.Contains(identifier))
                {
                    yield return identifier;
                }
            }
        }

        private static Dictionary<string, IdentifierNameSyntax[]> Index(SyntaxTree tree, CancellationToken cancellationToken)
        {
            var lists = new Dictionary<string, List<IdentifierNameSyntax>>(StringComparer.Ordinal);
            foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (node is IdentifierNameSyntax identifier)
                {
                    var name = identifier.Identifier.ValueText;
                    if (!lists.TryGetValue(name, out var list))
                    {
                        list = new List<IdentifierNameSyntax>();
                        lists.Add(name, list);
                    }

                    list.Add(identifier);
                }
            }

            var index = new Dictionary<string, IdentifierNameSyntax[]>(lists.Count, StringComparer.Ordinal);
            foreach (var pair in lists)
            {
                index.Add(pair.Key, pair.Value.ToArray());
            }

            return index;
        }
    }
}
