using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
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

        /// <summary>
        /// The registration most providers share: for each finding of <paramref name="provider"/>'s rule, the one variant its
        /// code allows (<paramref name="keyOf"/>; null: none), computed up front so nothing is offered where the fix does not
        /// apply (<paramref name="fixAsync"/>, the same function the provider's Fix All uses), under <paramref name="titleOf"/>.
        /// </summary>
        public static async Task RegisterOneFixEachAsync(
            CodeFixContext context,
            CodeFixProvider provider,
            Func<Diagnostic, string?> keyOf,
            Func<Document, Diagnostic, string, CancellationToken, Task<Document?>> fixAsync,
            Func<Diagnostic, string, string> titleOf)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                if (!IsFixableBy(diagnostic, provider) || keyOf(diagnostic) is not { } key
                    || await fixAsync(context.Document, diagnostic, key, context.CancellationToken).ConfigureAwait(false) is not { } changed)
                {
                    continue;
                }

                context.RegisterCodeFix(CodeAction.Create(titleOf(diagnostic, key), _ => Task.FromResult(changed), key), diagnostic);
            }
        }
    }
}
