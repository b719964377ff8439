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

        private static readonly FixAllProvider FixAll = PerDiagnosticFixAll.Create(FixAsync, ListenKey, StartKey);

        public override FixAllProvider GetFixAllProvider() => FixAll;

        public override Task RegisterCodeFixesAsync(CodeFixContext context)
            => CodeFixHelpers.RegisterOneFixEachAsync(
                context,
                this,
                KeyOf, // the analyzer says which call the socket needs first: Listen (a Socket) or Start (a TcpListener)
                FixAsync,
                (_, key) => key == StartKey ? "Start the listener before accepting" : "Call Listen() before accepting");

        private static string? KeyOf(Diagnostic diagnostic)
            => !LifecycleFixHelpers.OnlyOnLaterTurns(diagnostic) && diagnostic.Properties.TryGetValue(SocketStateAnalysis.CallFirstProperty, out var call)
                ? call switch
                {
                    "Listen" => ListenKey,
                    "Start" => StartKey,
                    _ => null,
                }
                : null;

        internal static async Task<Document?> FixAsync(Document document, Diagnostic diagnostic, string key, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (KeyOf(diagnostic) != key || root is null || !root.FullSpan.Contains(diagnostic.Location.SourceSpan))
            {
                return null;
            }

            var invocation = LifecycleFixHelpers.FindInvocation(root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true));
            if (invocation is null || LifecycleFixHelpers.SimpleReceiver(invocation) is not { } receiver
                || LifecycleFixHelpers.StatementInBlock(invocation) is not { Parent: BlockSyntax block } statement)
            {
                return null;
            }

            var inserted = SyntaxFactory.ExpressionStatement(
                    SyntaxFactory.InvocationExpression(
                        SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver.WithoutTrivia(), SyntaxFactory.IdentifierName(key == StartKey ? "Start" : "Listen"))))
                .WithLeadingTrivia(LifecycleFixHelpers.Indentation(statement))
                .WithTrailingTrivia(LifecycleFixHelpers.EndOfLine(statement));
            var statements = block.Statements.Insert(block.Statements.IndexOf(statement), inserted);
            return document.WithSyntaxRoot(root.ReplaceNode(block, block.WithStatements(statements)));
        }
    }
}
