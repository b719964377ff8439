using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SocketAnalyzers.Addressing;

namespace SocketAnalyzers.CodeFixes.Addressing
{
    /// <summary>SOCK031: the protocol that matches the socket type (<c>ProtocolType.Udp</c> → <c>ProtocolType.Tcp</c> for a stream socket, and the reverse).</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SOCK031SocketTypeProtocolMismatchCodeFixProvider))]
    public sealed class SOCK031SocketTypeProtocolMismatchCodeFixProvider : CodeFixProvider
    {
        public const string EquivalenceKey = "SOCK031.MatchingProtocol";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.SocketTypeProtocolMismatch);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var node = await CodeFixHelpers.FindDiagnosticNodeAsync(context, context.CancellationToken).ConfigureAwait(false);
            if (node is ArgumentSyntax argument)
            {
                node = argument.Expression;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                // Only a member access of the enum (ProtocolType.Udp, System.Net.Sockets.ProtocolType.Udp): its name is replaced, its qualification kept.
                if (node is not MemberAccessExpressionSyntax access
                    || !diagnostic.Properties.TryGetValue(SOCK031SocketTypeProtocolMismatchAnalyzer.ProtocolProperty, out var protocol) || protocol is null)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Use ProtocolType.{protocol}",
                        cancellationToken => ReplaceAsync(context.Document, access, protocol, cancellationToken),
                        EquivalenceKey),
                    diagnostic);
            }
        }

        private static async Task<Document> ReplaceAsync(Document document, MemberAccessExpressionSyntax access, string protocol, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return document;
            }

            var name = SyntaxFactory.IdentifierName(protocol).WithTriviaFrom(access.Name);
            return document.WithSyntaxRoot(root.ReplaceNode(access, access.WithName(name)));
        }
    }
}
