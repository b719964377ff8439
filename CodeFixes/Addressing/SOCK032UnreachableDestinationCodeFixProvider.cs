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

        private static readonly FixAllProvider FixAll = PerDiagnosticFixAll.Create(FixAsync, LoopbackKey, EnableBroadcastKey);

        /// <summary>One Fix All for both shapes: each finding gets the one its code allows (see <see cref="PerDiagnosticFixAll"/>).</summary>
        public override FixAllProvider GetFixAllProvider() => FixAll;

        public override Task RegisterCodeFixesAsync(CodeFixContext context)
            => CodeFixHelpers.RegisterOneFixEachAsync(
                context,
                this,
                diagnostic => Fix(diagnostic) is { } fix ? (fix == "EnableBroadcast" ? EnableBroadcastKey : LoopbackKey) : null,
                FixAsync,
                (diagnostic, key) => key == LoopbackKey
                    ? $"Send to IPAddress.{Fix(diagnostic)} (this host) instead of the wildcard"
                    : "Set EnableBroadcast = true after creating the socket");

        private static string? Fix(Diagnostic diagnostic)
            => diagnostic.Properties.TryGetValue(AddressingChecks.FixProperty, out var fix) ? fix : null;

        /// <summary>The fix of <paramref name="key"/>'s shape for <paramref name="diagnostic"/>, or null when that shape does not apply to it.</summary>
        internal static async Task<Document?> FixAsync(Document document, Diagnostic diagnostic, string key, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || model is null || !root.FullSpan.Contains(diagnostic.Location.SourceSpan)
                || !diagnostic.Properties.TryGetValue(AddressingChecks.FixProperty, out var fix) || fix is null
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { } invocation)
            {
                return null;
            }

            if (fix is "Loopback" or "IPv6Loopback")
            {
                return key == LoopbackKey && AddressFixes.FindWellKnown(invocation, fix == "Loopback" ? "Any" : "IPv6Any", model, cancellationToken) is { } access
                    ? await AddressFixes.RenameAsync(document, access, fix, cancellationToken).ConfigureAwait(false)
                    : null;
            }

            return fix == "EnableBroadcast" && key == EnableBroadcastKey && BroadcastEdit(invocation, model, cancellationToken) is { } edit
                ? await InsertAsync(document, edit.Declaration, edit.Receiver, cancellationToken).ConfigureAwait(false)
                : null;
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

            foreach (var statement in block.Statements)
            {
                if (statement is ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "EnableBroadcast", Expression: IdentifierNameSyntax target }, Right: LiteralExpressionSyntax right } }
                    && target.Identifier.ValueText == receiver.Identifier.ValueText && right.IsKind(SyntaxKind.TrueLiteralExpression))
                {
                    // Another finding's fix (Fix All) already set it: one EnableBroadcast per socket.
                    return null;
                }
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
