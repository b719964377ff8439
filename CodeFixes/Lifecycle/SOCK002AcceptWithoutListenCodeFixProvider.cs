using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SocketAnalyzers.Lifecycle;

namespace SocketAnalyzers.CodeFixes.Lifecycle
{
    /// <summary>SOCK002: insert <c>Listen()</c> (a <c>Socket</c>) or <c>Start()</c> (a <c>TcpListener</c>) before the statement that accepts.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SOCK002AcceptWithoutListenCodeFixProvider))]
    public sealed class SOCK002AcceptWithoutListenCodeFixProvider : CodeFixProvider
    {
        public const string ListenKey = "SOCK002.InsertListen";
        public const string StartKey = "SOCK002.InsertStart";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.AcceptWithoutListen);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var node = await CodeFixHelpers.FindDiagnosticNodeAsync(context, context.CancellationToken).ConfigureAwait(false);
            var invocation = LifecycleFixHelpers.FindInvocation(node);
            if (invocation is null || LifecycleFixHelpers.SimpleReceiver(invocation) is null || LifecycleFixHelpers.StatementInBlock(invocation) is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (!diagnostic.Properties.TryGetValue(SocketStateAnalysis.CallFirstProperty, out var call) || call is not ("Listen" or "Start"))
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        call == "Start" ? "Start the listener before accepting" : "Call Listen() before accepting",
                        cancellationToken => InsertAsync(context.Document, invocation, call, cancellationToken),
                        call == "Start" ? StartKey : ListenKey),
                    diagnostic);
            }
        }

        private static async Task<Document> InsertAsync(Document document, InvocationExpressionSyntax invocation, string call, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || LifecycleFixHelpers.SimpleReceiver(invocation) is not { } receiver
                || LifecycleFixHelpers.StatementInBlock(invocation) is not { Parent: BlockSyntax block } statement)
            {
                return document;
            }

            var inserted = SyntaxFactory.ExpressionStatement(
                    SyntaxFactory.InvocationExpression(
                        SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver.WithoutTrivia(), SyntaxFactory.IdentifierName(call))))
                .WithLeadingTrivia(LifecycleFixHelpers.Indentation(statement))
                .WithTrailingTrivia(LifecycleFixHelpers.EndOfLine(statement));
            var statements = block.Statements.Insert(block.Statements.IndexOf(statement), inserted);
            return document.WithSyntaxRoot(root.ReplaceNode(block, block.WithStatements(statements)));
        }
    }
}
