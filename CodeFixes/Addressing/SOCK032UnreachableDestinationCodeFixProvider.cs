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
    /// <summary>
    /// SOCK032: a wildcard destination written at the call becomes the loopback address of its family (a behaviour
    /// change on Windows, where the call failed, and none on Linux, where the wildcard already reached this host: the title
    /// says so); a broadcast from a socket declared in this block gets <c>EnableBroadcast = true</c> right after its declaration.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SOCK032UnreachableDestinationCodeFixProvider))]
    public sealed class SOCK032UnreachableDestinationCodeFixProvider : CodeFixProvider
    {
        public const string LoopbackKey = "SOCK032.Loopback";
        public const string EnableBroadcastKey = "SOCK032.EnableBroadcast";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.UnreachableDestination);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var node = await CodeFixHelpers.FindDiagnosticNodeAsync(context, context.CancellationToken).ConfigureAwait(false);
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            var invocation = node?.FirstAncestorOrSelf<InvocationExpressionSyntax>();
            if (invocation is null || model is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (!diagnostic.Properties.TryGetValue(AddressingChecks.FixProperty, out var fix))
                {
                    continue;
                }

                if (fix is "Loopback" or "IPv6Loopback")
                {
                    var wildcard = fix == "Loopback" ? "Any" : "IPv6Any";
                    if (AddressFixes.FindWellKnown(invocation, wildcard, model, context.CancellationToken) is { } access)
                    {
                        context.RegisterCodeFix(
                            CodeAction.Create(
                                $"Send to IPAddress.{fix} (this host) instead of the wildcard",
                                cancellationToken => AddressFixes.RenameAsync(context.Document, access, fix, cancellationToken),
                                LoopbackKey),
                            diagnostic);
                    }
                }
                else if (fix == "EnableBroadcast" && BroadcastEdit(invocation, model, context.CancellationToken) is { } edit)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            "Set EnableBroadcast = true after creating the socket",
                            cancellationToken => InsertAsync(context.Document, edit.Declaration, edit.Receiver, cancellationToken),
                            EnableBroadcastKey),
                        diagnostic);
                }
            }
        }

        /// <summary>The local declaration of the sending socket, in a block that also holds the send.</summary>
        private static (LocalDeclarationStatementSyntax Declaration, string Receiver)? BroadcastEdit(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
        {
            if (invocation.Expression is not MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax receiver }
                || model.GetSymbolInfo(receiver, cancellationToken).Symbol is not ILocalSymbol local
                || local.DeclaringSyntaxReferences.Length != 1
                || local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Variables.Count: 1, Parent: LocalDeclarationStatementSyntax declaration } }
                || declaration.Parent is not BlockSyntax block
                || !block.Span.Contains(invocation.Span))
            {
                return null;
            }

            return (declaration, receiver.Identifier.ValueText);
        }

        private static async Task<Document> InsertAsync(Document document, LocalDeclarationStatementSyntax declaration, string receiver, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return document;
            }

            var leading = declaration.GetLeadingTrivia();
            var indentation = leading.Count > 0 && leading[leading.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia)
                ? SyntaxFactory.TriviaList(leading[leading.Count - 1])
                : SyntaxFactory.TriviaList();
            var statement = SyntaxFactory.ParseStatement($"{receiver}.EnableBroadcast = true;")
                .WithLeadingTrivia(indentation)
                .WithTrailingTrivia(declaration.GetTrailingTrivia());
            return document.WithSyntaxRoot(root.InsertNodesAfter(declaration, new[] { statement }));
        }
    }
}
