using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

// These analyzers and fixes are deliberately small and, some of them, deliberately wrong; the analyzer-author rules
// (release tracking RS2008, extended analyzer rules RS1036, a Fix All provider RS1016) are for shipped analyzers.
#pragma warning disable RS1016, RS1036, RS2008

namespace SocketAnalyzers.Tests.VerifierTests
{
    // Small analyzers and fixes that exist only to prove what our thin layer over Microsoft.CodeAnalysis.Testing accepts and rejects. They live in the
    // test assembly, so AllAnalyzers (which reflects over the SocketAnalyzers assembly) never picks them up; a test
    // adds them through SocketAnalyzerTest.AdditionalAnalyzers.

    /// <summary>TEST001 on every integer literal other than 0.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class NonZeroLiteralAnalyzer : DiagnosticAnalyzer
    {
        public const string Id = "TEST001";

        public static readonly DiagnosticDescriptor Rule = new(
            Id, "Non-zero literal", "The literal {0} is not zero", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterSyntaxNodeAction(
                c =>
                {
                    var literal = (LiteralExpressionSyntax)c.Node;
                    if (literal.Token.Value is int value && value != 0)
                    {
                        c.ReportDiagnostic(Diagnostic.Create(Rule, literal.GetLocation(), value));
                    }
                },
                SyntaxKind.NumericLiteralExpression);
        }
    }

    /// <summary>TEST004, off by default, on every class: the test enables every rule.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class OffByDefaultAnalyzer : DiagnosticAnalyzer
    {
        public static readonly DiagnosticDescriptor Rule = new(
            "TEST004", "Off by default", "Class {0}", "Test", DiagnosticSeverity.Info, isEnabledByDefault: false);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterSyntaxNodeAction(
                c => c.ReportDiagnostic(Diagnostic.Create(Rule, ((ClassDeclarationSyntax)c.Node).Identifier.GetLocation(), ((ClassDeclarationSyntax)c.Node).Identifier.ValueText)),
                SyntaxKind.ClassDeclaration);
        }
    }

    /// <summary>Where <see cref="ThrowingAnalyzer"/> throws.</summary>
    public enum ThrowWhere
    {
        CompilationStart,
        SyntaxNode,
        Operation,
        CompilationEnd,
    }

    /// <summary>Throws from one kind of callback: the compiler turns that into AD0001, which must fail a test.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ThrowingAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = new(
            "TEST003", "Never reported", "Never reported", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        private readonly ThrowWhere where;

        public ThrowingAnalyzer(ThrowWhere where)
        {
            this.where = where;
        }

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                switch (where)
                {
                    case ThrowWhere.CompilationStart:
                        throw new InvalidOperationException("thrown by the test analyzer at compilation start");
                    case ThrowWhere.SyntaxNode:
                        start.RegisterSyntaxNodeAction(_ => throw new InvalidOperationException("thrown by the test analyzer on a syntax node"), SyntaxKind.InvocationExpression);
                        break;
                    case ThrowWhere.Operation:
                        start.RegisterOperationAction(_ => throw new InvalidOperationException("thrown by the test analyzer on an operation"), OperationKind.Invocation);
                        break;
                    case ThrowWhere.CompilationEnd:
                        start.RegisterCompilationEndAction(_ => throw new InvalidOperationException("thrown by the test analyzer at compilation end"));
                        break;
                }
            });
        }
    }

    /// <summary>Base of the test fixes: rewrites the TEST001 literal with <see cref="Replace"/>.</summary>
    public abstract class LiteralFixBase : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(NonZeroLiteralAnalyzer.Id);

        protected virtual string? EquivalenceKey => GetType().Name;

        protected abstract ExpressionSyntax Replace(LiteralExpressionSyntax literal);

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root?.FindNode(context.Span, getInnermostNodeForTie: true) is not LiteralExpressionSyntax literal)
            {
                return;
            }

            var document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Rewrite the literal",
                    _ => Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(literal, Replace(literal).WithTriviaFrom(literal)))),
                    EquivalenceKey),
                context.Diagnostics);
        }

        protected static LiteralExpressionSyntax Number(int value)
            => SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(value));
    }

    /// <summary>A correct fix: the literal becomes 0, and Fix All is the batch fixer.</summary>
    public sealed class ZeroFix : LiteralFixBase
    {
        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        protected override ExpressionSyntax Replace(LiteralExpressionSyntax literal) => Number(0);
    }

    /// <summary>Never converges: n becomes n + 1, which is still reported.</summary>
    public sealed class IncrementFix : LiteralFixBase
    {
        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        protected override ExpressionSyntax Replace(LiteralExpressionSyntax literal) => Number((int)literal.Token.Value! + 1);
    }

    /// <summary>Adds a compiler error: the literal becomes an undefined name.</summary>
    public sealed class BreakingFix : LiteralFixBase
    {
        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        protected override ExpressionSyntax Replace(LiteralExpressionSyntax literal) => SyntaxFactory.IdentifierName("undefinedName");
    }

    /// <summary>No Fix All provider (the base class returns null).</summary>
    public sealed class NoFixAllFix : LiteralFixBase
    {
        protected override ExpressionSyntax Replace(LiteralExpressionSyntax literal) => Number(0);
    }

    /// <summary>A code action without an equivalence key: Fix All cannot group it.</summary>
    public sealed class NoEquivalenceKeyFix : LiteralFixBase
    {
        protected override string? EquivalenceKey => null;

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        protected override ExpressionSyntax Replace(LiteralExpressionSyntax literal) => Number(0);
    }

    /// <summary>One at a time the literal becomes 0; Fix All makes it (0): the two disagree.</summary>
    public sealed class InconsistentFixAllFix : LiteralFixBase
    {
        public override FixAllProvider GetFixAllProvider() => new ParenthesizingFixAll();

        protected override ExpressionSyntax Replace(LiteralExpressionSyntax literal) => Number(0);

        private sealed class ParenthesizingFixAll : FixAllProvider
        {
            public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
            {
                var documents = fixAllContext.Scope == FixAllScope.Document
                    ? new[] { fixAllContext.Document! }
                    : fixAllContext.Project.Documents.ToArray();
                return Task.FromResult<CodeAction?>(CodeAction.Create(
                    "Rewrite every literal",
                    async cancellationToken =>
                    {
                        var solution = fixAllContext.Solution;
                        foreach (var document in documents)
                        {
                            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                            var literals = root!.DescendantNodes().OfType<LiteralExpressionSyntax>()
                                .Where(l => l.Token.Value is int value && value != 0);
                            var newRoot = root.ReplaceNodes(literals, (_, l) => SyntaxFactory.ParenthesizedExpression(Number(0)).WithTriviaFrom(l));
                            solution = solution.WithDocumentSyntaxRoot(document.Id, newRoot);
                        }

                        return solution;
                    },
                    nameof(InconsistentFixAllFix)));
            }
        }
    }

    /// <summary>Fix All in document and project scope only: the solution-scope check must catch it.</summary>
    public sealed class NoSolutionScopeFix : LiteralFixBase
    {
        public override FixAllProvider GetFixAllProvider() => new DocumentAndProjectOnly();

        protected override ExpressionSyntax Replace(LiteralExpressionSyntax literal) => Number(0);

        private sealed class DocumentAndProjectOnly : FixAllProvider
        {
            public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => new[] { FixAllScope.Document, FixAllScope.Project };

            public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext) => WellKnownFixAllProviders.BatchFixer.GetFixAsync(fixAllContext);
        }
    }

    /// <summary>Offers two actions per diagnostic, to pick one by equivalence key.</summary>
    public sealed class TwoActionsFix : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(NonZeroLiteralAnalyzer.Id);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root?.FindNode(context.Span, getInnermostNodeForTie: true) is not LiteralExpressionSyntax literal)
            {
                return;
            }

            foreach (var (key, replacement) in new[] { ("Test.Zero", "0"), ("Test.Default", "default(int)") })
            {
                var document = context.Document;
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Use " + replacement,
                        _ => Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(literal, SyntaxFactory.ParseExpression(replacement).WithTriviaFrom(literal)))),
                        key),
                    context.Diagnostics);
            }
        }
    }
}
