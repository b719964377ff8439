using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace SocketAnalyzers.CodeFixes
{
    /// <summary>Shared plumbing for the code-fix providers.</summary>
    internal static class CodeFixHelpers
    {
        /// <summary>The innermost node at the diagnostic's span, or null when the tree is not there.</summary>
        public static async Task<SyntaxNode?> FindDiagnosticNodeAsync(CodeFixContext context, CancellationToken cancellationToken)
        {
            var root = await context.Document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            return root?.FindNode(context.Span, getInnermostNodeForTie: true);
        }

        /// <summary>
        /// True when <paramref name="provider"/> fixes <paramref name="diagnostic"/>'s rule. A host may hand a provider a
        /// finding of another rule: <c>dotnet format</c> asks the provider of one rule for the actions of the first
        /// finding of any rule its analyzer reports.
        /// </summary>
        public static bool IsFixableBy(Diagnostic diagnostic, CodeFixProvider provider)
            => provider.FixableDiagnosticIds.Contains(diagnostic.Id);
    }
}
