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
    /// says so); a broadcast from a socket declared in this block gets <c>EnableBroadcast = true</c> right after its declaration (or, for a
    /// field of this object, right after the statement before the send that assigns it a new socket).
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
                ? await InsertAsync(document, edit.Anchor, edit.Receiver, cancellationToken).ConfigureAwait(false)
                : null;
        }

        /// <summary>
        /// Where the socket that sends is made: its local's declaration, in a block that also holds the send; or, for a field
        /// of this object (<c>_socket</c>, <c>this._socket</c>), the nearest statement before the send, in a block around it,
        /// that assigns the field a new object (the analyzer follows a field only from such an assignment in the body).
        /// </summary>
        private static (StatementSyntax Anchor, string Receiver)? BroadcastEdit(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
        {
            if (invocation.Expression is not MemberAccessExpressionSyntax { Expression: { } receiver })
            {
                return null;
            }

            StatementSyntax? anchor = null;
            var symbol = receiver is IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax }
                ? model.GetSymbolInfo(receiver, cancellationToken).Symbol
                : null;
            if (symbol is ILocalSymbol local && receiver is IdentifierNameSyntax
                && local.DeclaringSyntaxReferences.Length == 1
                && local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Variables.Count: 1, Parent: LocalDeclarationStatementSyntax declaration } }
                && declaration.Parent is BlockSyntax block
                && block.Span.Contains(invocation.Span))
            {
                anchor = declaration;
            }
            else if (symbol is IFieldSymbol field)
            {
                anchor = FieldAssignmentBefore(invocation, field, model, cancellationToken);
            }

            if (anchor?.Parent is not BlockSyntax holder)
            {
                return null;
            }

            var text = receiver.ToString();
            foreach (var statement in holder.Statements)
            {
                if (statement is ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "EnableBroadcast", Expression: { } target }, Right: LiteralExpressionSyntax right } }
                    && target.ToString() == text && right.IsKind(SyntaxKind.TrueLiteralExpression))
                {
                    // Another finding's fix (Fix All) already set it: one EnableBroadcast per socket.
                    return null;
                }
            }

            return (anchor, text);
        }

        /// <summary>The nearest statement before <paramref name="invocation"/>, in a block around it, that assigns <paramref name="field"/> a new object.</summary>
        private static StatementSyntax? FieldAssignmentBefore(InvocationExpressionSyntax invocation, IFieldSymbol field, SemanticModel model, CancellationToken cancellationToken)
        {
            for (SyntaxNode? node = invocation; node is not null and not MemberDeclarationSyntax; node = node.Parent)
            {
                if (node.Parent is not BlockSyntax block || node is not StatementSyntax inner)
                {
                    continue;
                }

                for (var i = block.Statements.IndexOf(inner) - 1; i >= 0; i--)
                {
                    if (block.Statements[i] is ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax { Right: BaseObjectCreationExpressionSyntax } assignment } statement
                        && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression)
                        && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(assignment.Left, cancellationToken).Symbol, field))
                    {
                        return statement;
                    }
                }
            }

            return null;
        }

        private static async Task<Document> InsertAsync(Document document, StatementSyntax declaration, string receiver, CancellationToken cancellationToken)
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
