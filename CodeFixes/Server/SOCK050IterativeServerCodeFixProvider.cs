using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SocketAnalyzers.Server;

namespace SocketAnalyzers.CodeFixes.Server
{
    /// <summary>
    /// SOCK050, when the per-client work is one call statement: <c>Serve(client);</c> or <c>await ServeAsync(client);</c>
    /// becomes <c>_ = Task.Run(() =&gt; Serve(client));</c>, and the loop accepts the next client at once. That changes
    /// behaviour (clients are served concurrently; an exception of one no longer ends the loop), which the title says.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SOCK050IterativeServerCodeFixProvider))]
    public sealed class SOCK050IterativeServerCodeFixProvider : CodeFixProvider
    {
        public const string EquivalenceKey = "SOCK050.TaskRun";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.IterativeServer);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (!diagnostic.Properties.ContainsKey(SOCK050IterativeServerAnalyzer.FixProperty) || diagnostic.AdditionalLocations.Count != 1
                    || root.FindNode(diagnostic.AdditionalLocations[0].SourceSpan) is not ExpressionStatementSyntax statement
                    || Call(statement.Expression) is not { } call)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Serve each client in a task (makes the server concurrent)",
                        cancellationToken => HandOffAsync(context.Document, statement, call, cancellationToken),
                        EquivalenceKey),
                    diagnostic);
            }
        }

        /// <summary>The call of the statement, without its <c>await</c> and <c>ConfigureAwait</c>.</summary>
        private static InvocationExpressionSyntax? Call(ExpressionSyntax expression)
        {
            if (expression is AwaitExpressionSyntax awaited)
            {
                expression = awaited.Expression;
                if (expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait", Expression: var configured } })
                {
                    expression = configured;
                }
            }

            return expression as InvocationExpressionSyntax;
        }

        private static async Task<Document> HandOffAsync(Document document, ExpressionStatementSyntax statement, InvocationExpressionSyntax call, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var taskType = model?.Compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
            if (root is null || model is null || taskType is null)
            {
                return document;
            }

            var task = taskType.ToMinimalDisplayString(model, statement.SpanStart);
            var replacement = SyntaxFactory.ParseStatement($"_ = {task}.Run(() => {call.WithoutTrivia().ToFullString()});")
                .WithTriviaFrom(statement);
            return document.WithSyntaxRoot(root.ReplaceNode(statement, replacement));
        }
    }
}
