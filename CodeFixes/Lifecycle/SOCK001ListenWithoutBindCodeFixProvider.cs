using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using SocketAnalyzers.Common;

namespace SocketAnalyzers.CodeFixes.Lifecycle
{
    /// <summary>SOCK001: when the same socket is bound later in the same block, move that <c>Bind</c> before <c>Listen</c>.</summary>
    [ExportCodeFixProvider(Microsoft.CodeAnalysis.LanguageNames.CSharp, Name = nameof(SOCK001ListenWithoutBindCodeFixProvider))]
    public sealed class SOCK001ListenWithoutBindCodeFixProvider : CodeFixProvider
    {
        public const string EquivalenceKey = "SOCK001.MoveBind";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.ListenWithoutBind);

        private static readonly FixAllProvider FixAll = PerDiagnosticFixAll.Create(FixAsync, EquivalenceKey);

        public override FixAllProvider GetFixAllProvider() => FixAll;

        public override Task RegisterCodeFixesAsync(CodeFixContext context)
            => CodeFixHelpers.RegisterOneFixEachAsync(context, this, d => LifecycleFixHelpers.OnlyOnLaterTurns(d) ? null : EquivalenceKey, FixAsync, (_, _) => "Move Bind before Listen");

        internal static async Task<Document?> FixAsync(Document document, Diagnostic diagnostic, string key, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (key != EquivalenceKey || LifecycleFixHelpers.OnlyOnLaterTurns(diagnostic) || root is null || model is null || !root.FullSpan.Contains(diagnostic.Location.SourceSpan))
            {
                return null;
            }

            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (FindBind(node, model, cancellationToken) is not { } found)
            {
                return null;
            }

            var (block, listen, bind) = found;
            var listenIndex = block.Statements.IndexOf(listen);
            var bindIndex = block.Statements.IndexOf(bind);
            if (listenIndex < 0 || bindIndex <= listenIndex)
            {
                return null;
            }

            var statements = block.Statements.RemoveAt(bindIndex).Insert(listenIndex, bind);
            return document.WithSyntaxRoot(root.ReplaceNode(block, block.WithStatements(statements)));
        }

        /// <summary>The <c>Listen</c> statement, and a later <c>Bind</c> of the same socket in the same block that can move before it.</summary>
        private static (BlockSyntax Block, StatementSyntax Listen, StatementSyntax Bind)? FindBind(SyntaxNode? node, SemanticModel model, CancellationToken cancellationToken)
        {
            var invocation = LifecycleFixHelpers.FindInvocation(node);
            if (invocation is null || LifecycleFixHelpers.SimpleReceiver(invocation) is not { } receiver
                || LifecycleFixHelpers.StatementInBlock(invocation) is not { Parent: BlockSyntax block } listen)
            {
                return null;
            }

            var index = block.Statements.IndexOf(listen);
            for (var i = index + 1; i < block.Statements.Count; i++)
            {
                if (block.Statements[i] is ExpressionStatementSyntax { Expression: InvocationExpressionSyntax candidate } statement
                    && candidate.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Bind" } access
                    && LifecycleFixHelpers.SameReceiver(access.Expression, receiver, model)
                    && model.GetSymbolInfo(candidate, cancellationToken).Symbol is IMethodSymbol { Name: "Bind" } method
                    && SymbolEqualityComparer.Default.Equals(method.ContainingType, KnownSymbols.TryCreate(model.Compilation)?.Socket)
                    && !UsesLocalsDeclaredAfter(candidate, listen.SpanStart, model, cancellationToken))
                {
                    return (block, listen, statement);
                }
            }

            return null;
        }

        /// <summary>Moving the Bind up must not take it above the declaration of something it uses.</summary>
        private static bool UsesLocalsDeclaredAfter(SyntaxNode bind, int position, SemanticModel model, CancellationToken cancellationToken)
            => bind.DescendantNodes().OfType<IdentifierNameSyntax>().Any(name =>
                model.GetSymbolInfo(name, cancellationToken).Symbol is ILocalSymbol local
                && local.DeclaringSyntaxReferences.Any(reference => reference.Span.Start >= position));
    }
}
