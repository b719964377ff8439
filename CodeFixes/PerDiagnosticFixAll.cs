using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace SocketAnalyzers.CodeFixes
{
    /// <summary>
    /// One fix applied to one diagnostic in the shape named by <paramref name="equivalenceKey"/>: the changed document,
    /// or null when that shape does not apply to this diagnostic.
    /// </summary>
    internal delegate Task<Document?> SingleFix(Document document, Diagnostic diagnostic, string equivalenceKey, CancellationToken cancellationToken);

    /// <summary>
    /// The Fix All of every provider (document, project and solution scope). It applies the single fix diagnostic by
    /// diagnostic, in document order, each on the document the previous one left (the diagnostics' nodes are found
    /// again through annotations), so Fix All gives what fixing one at a time gives, and names chosen by one fix are
    /// seen by the next.
    /// <para>
    /// The shape is picked per diagnostic: the one the Fix All was asked for (its equivalence key) where that diagnostic
    /// has it, else the first of the rule's <c>shapes</c> that applies. So one Fix All fixes every finding that has a
    /// fix, whatever action it started from: <c>dotnet format</c> starts from the first action of whichever finding it
    /// meets first (possibly one of another rule, or one with no fix, so with no key at all), and an IDE's Fix All of
    /// "insert Listen()" must still insert <c>Start()</c> for a <c>TcpListener</c>.
    /// </para>
    /// </summary>
    internal static class PerDiagnosticFixAll
    {
        private const string MarkKind = "SocketAnalyzers.FixAll";

        /// <param name="fix">The single fix.</param>
        /// <param name="shapes">Every equivalence key of the rule, in the order a finding offers them (the preferred first).</param>
        public static FixAllProvider Create(SingleFix fix, params string[] shapes)
        {
            var order = ImmutableArray.Create(shapes);
            return FixAllProvider.Create(
                async (context, document, diagnostics) =>
                {
                    var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
                    if (root is null)
                    {
                        return document;
                    }

                    var keys = KeysToTry(context.CodeActionEquivalenceKey, order);
                    var marks = new List<(SyntaxAnnotation Mark, Diagnostic Diagnostic)>();
                    var nodes = new Dictionary<SyntaxNode, SyntaxAnnotation>();
                    foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Location.SourceSpan.End))
                    {
                        if (!root.FullSpan.Contains(diagnostic.Location.SourceSpan))
                        {
                            continue;
                        }

                        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
                        if (!nodes.ContainsKey(node))
                        {
                            // One fix per node: a second finding of the same rule there is the same finding.
                            var mark = new SyntaxAnnotation(MarkKind);
                            nodes[node] = mark;
                            marks.Add((mark, diagnostic));
                        }
                    }

                    var current = document.WithSyntaxRoot(root.ReplaceNodes(nodes.Keys, (original, rewritten) => rewritten.WithAdditionalAnnotations(nodes[original])));
                    foreach (var (mark, diagnostic) in marks)
                    {
                        context.CancellationToken.ThrowIfCancellationRequested();
                        var currentRoot = await current.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
                        var node = currentRoot?.GetAnnotatedNodes(mark).FirstOrDefault();
                        if (node is null)
                        {
                            // An earlier fix rewrote this finding's code; fixing it again from stale facts could break it.
                            continue;
                        }

                        var moved = Diagnostic.Create(diagnostic.Descriptor, Location.Create(node.SyntaxTree, node.Span), diagnostic.Properties);
                        foreach (var key in keys)
                        {
                            var changed = await fix(current, moved, key, context.CancellationToken).ConfigureAwait(false);
                            if (changed is not null)
                            {
                                current = changed;
                                break;
                            }
                        }
                    }

                    return current;
                },
                ImmutableArray.Create(FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution));
        }

        /// <summary>The key asked for first (when it is one of the rule's), then the rule's shapes in order.</summary>
        internal static ImmutableArray<string> KeysToTry(string? requested, ImmutableArray<string> shapes)
            => requested is not null && shapes.Contains(requested)
                ? ImmutableArray.Create(requested).AddRange(shapes.Where(s => s != requested))
                : shapes;
    }
}
