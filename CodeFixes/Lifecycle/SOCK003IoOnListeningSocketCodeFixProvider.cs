using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Common;
using SocketAnalyzers.Lifecycle;

namespace SocketAnalyzers.CodeFixes.Lifecycle
{
    /// <summary>
    /// SOCK003: do the I/O on the socket that Accept returned. When the accepted socket is stored earlier in the same
    /// block, the receiver switches to it; when the accept's result is discarded, it is captured
    /// (<c>using Socket client = server.Accept();</c>) and used.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SOCK003IoOnListeningSocketCodeFixProvider))]
    public sealed class SOCK003IoOnListeningSocketCodeFixProvider : CodeFixProvider
    {
        public const string UseAcceptedKey = "SOCK003.UseAcceptedSocket";
        public const string CaptureAcceptedKey = "SOCK003.CaptureAcceptedSocket";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.IoOnListeningSocket);

        private static readonly FixAllProvider FixAll = PerDiagnosticFixAll.Create(FixAsync, UseAcceptedKey, CaptureAcceptedKey);

        public override FixAllProvider GetFixAllProvider() => FixAll;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (model is null || root is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (!CodeFixHelpers.IsFixableBy(diagnostic, this) || LifecycleFixHelpers.OnlyOnLaterTurns(diagnostic) || !root.FullSpan.Contains(diagnostic.Location.SourceSpan)
                    || Plan(root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true), model, context.CancellationToken) is not { } plan)
                {
                    continue;
                }

                // One shape per finding, decided by the code: switch to the accepted socket's variable, or capture it first.
                var key = plan.Discarded is null ? UseAcceptedKey : CaptureAcceptedKey;
                context.RegisterCodeFix(
                    CodeAction.Create(
                        plan.Discarded is null ? $"Use the accepted socket '{plan.Name}'" : "Keep the socket Accept returns and use it",
                        cancellationToken => ApplyAsync(context.Document, diagnostic, key, cancellationToken),
                        key),
                    diagnostic);
            }
        }

        private static async Task<Document> ApplyAsync(Document document, Diagnostic diagnostic, string key, CancellationToken cancellationToken)
            => await FixAsync(document, diagnostic, key, cancellationToken).ConfigureAwait(false) ?? document;

        internal static async Task<Document?> FixAsync(Document document, Diagnostic diagnostic, string key, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || model is null || LifecycleFixHelpers.OnlyOnLaterTurns(diagnostic) || !root.FullSpan.Contains(diagnostic.Location.SourceSpan)
                || Plan(root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true), model, cancellationToken) is not { } plan
                || key != (plan.Discarded is null ? UseAcceptedKey : CaptureAcceptedKey))
            {
                return null;
            }

            ExpressionSyntax replacement = SyntaxFactory.IdentifierName(plan.Name);
            if (plan.ResultIsTcpClient)
            {
                replacement = SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, replacement, SyntaxFactory.IdentifierName("Client"));
            }

            var nodes = plan.Discarded is null ? new SyntaxNode[] { plan.Receiver } : new SyntaxNode[] { plan.Receiver, plan.Discarded };
            var newRoot = root.ReplaceNodes(nodes, (original, _) =>
            {
                if (original == plan.Receiver)
                {
                    return replacement.WithTriviaFrom(plan.Receiver);
                }

                var discarded = (ExpressionStatementSyntax)original;
                var declaration = SyntaxFactory.LocalDeclarationStatement(
                        SyntaxFactory.VariableDeclaration(
                            SyntaxFactory.IdentifierName(plan.ResultIsTcpClient ? "TcpClient" : "Socket").WithTrailingTrivia(SyntaxFactory.Space),
                            SyntaxFactory.SingletonSeparatedList(
                                SyntaxFactory.VariableDeclarator(SyntaxFactory.Identifier(plan.Name).WithTrailingTrivia(SyntaxFactory.Space))
                                    .WithInitializer(SyntaxFactory.EqualsValueClause(discarded.Expression.WithoutTrivia()).WithEqualsToken(SyntaxFactory.Token(SyntaxKind.EqualsToken).WithTrailingTrivia(SyntaxFactory.Space))))))
                    .WithSemicolonToken(discarded.SemicolonToken);
                if (plan.UsingDeclaration)
                {
                    declaration = declaration.WithUsingKeyword(SyntaxFactory.Token(SyntaxKind.UsingKeyword).WithTrailingTrivia(SyntaxFactory.Space));
                }

                return declaration.WithTriviaFrom(discarded);
            });
            return document.WithSyntaxRoot(newRoot);
        }

        private sealed class FixPlan
        {
            public FixPlan(ExpressionSyntax receiver, string name, bool resultIsTcpClient, ExpressionStatementSyntax? discarded, bool usingDeclaration)
            {
                Receiver = receiver;
                Name = name;
                ResultIsTcpClient = resultIsTcpClient;
                Discarded = discarded;
                UsingDeclaration = usingDeclaration;
            }

            /// <summary>The listening socket as the I/O names it: what gets replaced.</summary>
            public ExpressionSyntax Receiver { get; }

            /// <summary>The variable that holds (or will hold) the accepted socket.</summary>
            public string Name { get; }

            public bool ResultIsTcpClient { get; }

            /// <summary>The accept whose result is thrown away, when it must be captured first.</summary>
            public ExpressionStatementSyntax? Discarded { get; }

            public bool UsingDeclaration { get; }
        }

        private static FixPlan? Plan(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
        {
            var symbols = KnownSymbols.TryCreate(model.Compilation);
            if (symbols is null)
            {
                return null;
            }

            var protocol = new SocketProtocolModel(symbols);
            var receiver = ListeningReceiver(node);
            if (receiver is null || LifecycleFixHelpers.StatementInBlock(receiver) is not { Parent: BlockSyntax block } statement)
            {
                return null;
            }

            for (var i = block.Statements.IndexOf(statement) - 1; i >= 0; i--)
            {
                var candidate = block.Statements[i];
                ExpressionSyntax? value = null;
                string? name = null;
                ExpressionStatementSyntax? discarded = null;
                switch (candidate)
                {
                    case LocalDeclarationStatementSyntax { Declaration.Variables: { Count: 1 } variables }:
                        value = variables[0].Initializer?.Value;
                        name = variables[0].Identifier.ValueText;
                        break;
                    case ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression, Left: IdentifierNameSyntax target } assignment }:
                        value = assignment.Right;
                        name = target.Identifier.ValueText;
                        break;
                    case ExpressionStatementSyntax expressionStatement:
                        value = expressionStatement.Expression;
                        discarded = expressionStatement;
                        break;
                }

                if (value is null || AcceptOn(value, model, protocol, symbols.Framework, cancellationToken) is not { } accept)
                {
                    continue;
                }

                var (acceptReceiver, result) = accept;
                var sameSocket = LifecycleFixHelpers.SameReceiver(acceptReceiver, receiver, model)
                    || (receiver is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Server" } server && LifecycleFixHelpers.SameReceiver(acceptReceiver, server.Expression, model));
                if (!sameSocket)
                {
                    continue;
                }

                var isTcpClient = result == SocketModelType.TcpClient;
                if (discarded is null)
                {
                    return new FixPlan(receiver, name!, isTcpClient, null, false);
                }

                var fresh = FreshName(model, candidate.SpanStart, "client");
                var usingDeclaration = ((CSharpParseOptions)candidate.SyntaxTree.Options).LanguageVersion >= LanguageVersion.CSharp8;
                return new FixPlan(receiver, fresh, isTcpClient, discarded, usingDeclaration);
            }

            return null;
        }

        /// <summary>The listening socket in the reported I/O: the receiver of the call, or the socket given to <c>new NetworkStream</c>.</summary>
        private static ExpressionSyntax? ListeningReceiver(SyntaxNode node)
        {
            for (var current = node; current is not null and not StatementSyntax; current = current.Parent)
            {
                switch (current)
                {
                    case InvocationExpressionSyntax invocation:
                        return LifecycleFixHelpers.SimpleReceiver(invocation);
                    case ObjectCreationExpressionSyntax { ArgumentList.Arguments: { Count: > 0 } arguments }:
                        return LifecycleFixHelpers.IsSimple(arguments[0].Expression) ? arguments[0].Expression : null;
                }
            }

            return null;
        }

        /// <summary>When <paramref name="value"/> is (an awaited) accept that returns a socket or client: its receiver and result type.</summary>
        private static (ExpressionSyntax Receiver, SocketModelType Result)? AcceptOn(ExpressionSyntax value, SemanticModel model, SocketProtocolModel protocol, FrameworkMembers framework, CancellationToken cancellationToken)
        {
            var operation = model.GetOperation(value, cancellationToken);
            var valueType = operation?.Type;
            while (operation is IAwaitOperation or IConversionOperation or IParenthesizedOperation
                || framework.IsConfigureAwait(operation))
            {
                operation = operation switch
                {
                    IAwaitOperation awaited => awaited.Operation,
                    IConversionOperation conversion => conversion.Operand,
                    IParenthesizedOperation parenthesized => parenthesized.Operand,
                    IInvocationOperation configure => configure.Instance,
                    _ => null,
                };
            }

            if (operation is not IInvocationOperation { Instance: { } instance } invocation
                || invocation.Syntax is not InvocationExpressionSyntax syntax
                || LifecycleFixHelpers.SimpleReceiver(syntax) is not { } receiver
                || protocol.ModelTypeOf(instance.Type) is not { } type
                || protocol.Find(type, invocation.TargetMethod) is not { Operation: SocketOperation.Accept, Result: { } result }
                || result is not (SocketModelType.Socket or SocketModelType.TcpClient)
                // The value is the accepted socket itself, not the task of an AcceptAsync whose await is not typed yet.
                || protocol.ModelTypeOf(valueType) != result)
            {
                return null;
            }

            return (receiver, result);
        }

        private static string FreshName(SemanticModel model, int position, string name)
        {
            var candidate = name;
            for (var i = 2; model.LookupSymbols(position, name: candidate).Length > 0; i++)
            {
                candidate = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return candidate;
        }
    }
}
