using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Formatting;
using SocketAnalyzers.Common;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace SocketAnalyzers.CodeFixes.Reads
{
    /// <summary>
    /// The syntax the read fixes share: a fresh variable name, the statement that leaves a loop or the method at end of
    /// stream, inserting statements after a statement (wrapping an embedded one in a block), adding a using directive.
    /// (Fix All is <see cref="PerDiagnosticFixAll"/>.)
    /// </summary>
    internal static class ReadFixSyntax
    {
        /// <summary><paramref name="baseName"/>, or with a number, so that it clashes with no name visible at or declared in the member around <paramref name="node"/>.</summary>
        public static string UniqueName(SemanticModel model, SyntaxNode node, string baseName)
        {
            var taken = new HashSet<string>(StringComparer.Ordinal);
            foreach (var symbol in model.LookupSymbols(node.SpanStart))
            {
                taken.Add(symbol.Name);
            }

            var member = node.AncestorsAndSelf().FirstOrDefault(n => n is MemberDeclarationSyntax) ?? node.SyntaxTree.GetRoot();
            foreach (var token in member.DescendantTokens())
            {
                if (token.IsKind(SyntaxKind.IdentifierToken))
                {
                    taken.Add(token.ValueText);
                }
            }

            var name = baseName;
            for (var i = 2; taken.Contains(name); i++)
            {
                name = baseName + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return name;
        }

        /// <summary>The non-generic <c>Task</c> or <c>ValueTask</c> of the framework (an async method returning one returns nothing).</summary>
        private static bool IsTaskOrValueTask(INamedTypeSymbol type, Compilation compilation)
            => KnownSymbols.TryCreate(compilation) is { } known
                && (SymbolEqualityComparer.Default.Equals(type, known.Task) || SymbolEqualityComparer.Default.Equals(type, known.ValueTask));

        /// <summary>
        /// The statement that stops reading at end of stream from <paramref name="statement"/>: <c>break;</c> in the
        /// innermost loop (when no <c>switch</c> or <c>finally</c> is between, and it is the only loop or
        /// <paramref name="breakOnlyFromOutermostLoop"/> is false),
        /// else <c>return;</c> in a void or async Task method, <c>yield break;</c> in an iterator, and
        /// <c>throw new EndOfStreamException();</c> otherwise. Null when none is possible.
        /// </summary>
        public static StatementSyntax? EndOfStreamExit(SemanticModel model, SyntaxNode statement, bool breakOnlyFromOutermostLoop, out bool throws)
        {
            throws = false;
            var loops = 0;
            var switchFirst = false;
            SyntaxNode? function = null;
            StatementSyntax? innermostLoop = null;
            var inFinally = false;
            var finallyFirst = false;
            foreach (var ancestor in statement.Ancestors())
            {
                if (ancestor is WhileStatementSyntax or DoStatementSyntax or ForStatementSyntax or ForEachStatementSyntax or ForEachVariableStatementSyntax)
                {
                    loops++;
                    innermostLoop ??= (StatementSyntax)ancestor;
                }
                else if (ancestor is SwitchStatementSyntax && loops == 0)
                {
                    switchFirst = true;
                }
                else if (ancestor is FinallyClauseSyntax)
                {
                    // Control cannot leave a finally clause (CS0157): no break out of a loop around it, no return.
                    inFinally = true;
                    finallyFirst |= loops == 0;
                }
                else if (ancestor is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or BaseMethodDeclarationSyntax or AccessorDeclarationSyntax)
                {
                    function = ancestor;
                    break;
                }
            }

            var innermostLoopIsOutermost = loops == 1;
            if (loops > 0 && !switchFirst && !finallyFirst && (innermostLoopIsOutermost || !breakOnlyFromOutermostLoop)
                && !BreakWouldEndAFunctionThatReturnsAValue(model, innermostLoop!, function))
            {
                return BreakStatement();
            }

            if (inFinally)
            {
                // Neither return nor yield break may leave it, and a throw there would replace an exception in flight.
                return null;
            }

            if (function is null)
            {
                // A top-level statement outside any loop: return ends the program.
                return statement.AncestorsAndSelf().Any(a => a is GlobalStatementSyntax) ? ReturnStatement() : null;
            }

            var symbol = function is AnonymousFunctionExpressionSyntax lambda
                ? model.GetSymbolInfo(lambda).Symbol as IMethodSymbol
                : model.GetDeclaredSymbol(function) as IMethodSymbol;
            if (symbol is null)
            {
                return null;
            }

            if (function.DescendantNodes(n => n == function || !(n is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)).OfType<YieldStatementSyntax>().Any())
            {
                return YieldStatement(SyntaxKind.YieldBreakStatement);
            }

            var returnType = symbol.ReturnType;
            if (symbol.ReturnsVoid
                || (symbol.IsAsync && returnType is INamedTypeSymbol { IsGenericType: false } named && IsTaskOrValueTask(named, model.Compilation)))
            {
                return ReturnStatement();
            }

            throws = true;
            return ParseStatement("throw new EndOfStreamException();");
        }

        /// <summary>
        /// True when <paramref name="loop"/> never ends (<c>while (true)</c> without a way out) inside a function that
        /// must return a value: a <c>break</c> would let the function's end be reached without one (CS0161), so the exit
        /// is the function's own (<c>throw</c>, <c>yield break</c>). Also true when that cannot be told.
        /// </summary>
        private static bool BreakWouldEndAFunctionThatReturnsAValue(SemanticModel model, StatementSyntax loop, SyntaxNode? function)
        {
            if (function is null)
            {
                return false;
            }

            var symbol = function is AnonymousFunctionExpressionSyntax lambda
                ? model.GetSymbolInfo(lambda).Symbol as IMethodSymbol
                : model.GetDeclaredSymbol(function) as IMethodSymbol;
            if (symbol is null)
            {
                return true;
            }

            if (symbol.ReturnsVoid
                || (symbol.IsAsync && symbol.ReturnType is INamedTypeSymbol { IsGenericType: false } named && IsTaskOrValueTask(named, model.Compilation))
                || function.DescendantNodes(n => n == function || !(n is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)).OfType<YieldStatementSyntax>().Any())
            {
                return false;
            }

            var flow = model.AnalyzeControlFlow(loop);
            return flow is null || !flow.Succeeded || !flow.EndPointIsReachable;
        }

        /// <summary><c>if (count == 0) exit</c>, with braces.</summary>
        public static StatementSyntax IfZero(ExpressionSyntax count, StatementSyntax exit)
            => IfStatement(
                    BinaryExpression(SyntaxKind.EqualsExpression, count, LiteralExpression(SyntaxKind.NumericLiteralExpression, Literal(0))),
                    Block(exit))
                .WithAdditionalAnnotations(Formatter.Annotation);

        /// <summary><c>if (line == null) exit</c>, with braces: a line read's end of stream.</summary>
        public static StatementSyntax IfNull(ExpressionSyntax line, StatementSyntax exit)
            => IfStatement(
                    BinaryExpression(SyntaxKind.EqualsExpression, line, LiteralExpression(SyntaxKind.NullLiteralExpression)),
                    Block(exit))
                .WithAdditionalAnnotations(Formatter.Annotation);

        /// <summary><c>if (ch == -1) exit</c>, with braces: a character read's end of stream.</summary>
        public static StatementSyntax IfMinusOne(ExpressionSyntax character, StatementSyntax exit)
            => IfStatement(
                    BinaryExpression(
                        SyntaxKind.EqualsExpression,
                        character,
                        PrefixUnaryExpression(SyntaxKind.UnaryMinusExpression, LiteralExpression(SyntaxKind.NumericLiteralExpression, Literal(1)))),
                    Block(exit))
                .WithAdditionalAnnotations(Formatter.Annotation);

        /// <summary>The end-of-stream check of <paramref name="read"/>: <see cref="IfNull"/> for a line read, <see cref="IfMinusOne"/> for a character read, else <see cref="IfZero"/>.</summary>
        public static StatementSyntax IfEnd(SocketAnalyzers.Reads.NetworkRead read, ExpressionSyntax result, StatementSyntax exit)
            => read.Api.IsLine ? IfNull(result, exit) : read.Api.IsChar ? IfMinusOne(result, exit) : IfZero(result, exit);

        /// <summary>The line break the document already uses (LF when it has none): a fix must not bring CRLF into an LF file.</summary>
        public static SyntaxTrivia NewLineOf(SyntaxNode node)
        {
            var first = node.SyntaxTree.GetRoot().DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
            return first.IsKind(SyntaxKind.EndOfLineTrivia) ? first : LineFeed;
        }

        /// <summary>
        /// Replaces <paramref name="statement"/> by <paramref name="replacement"/>: in its statement list, or, for an
        /// embedded statement (<c>if (x) s.Receive(b);</c>), by a block. The comment after the statement
        /// (<c>s.Receive(b); // the reply</c>) stays on the replacement statement that stands for it,
        /// <paramref name="originalIndex"/> (the last by default), not on a check inserted after it.
        /// </summary>
        public static SyntaxNode ReplaceStatement(SyntaxNode root, StatementSyntax statement, IReadOnlyList<StatementSyntax> replacement, bool blankLineAfter = true, int originalIndex = -1)
        {
            var originalTrailing = statement.GetTrailingTrivia();
            var index = originalIndex >= 0 && originalIndex < replacement.Count ? originalIndex : replacement.Count - 1;
            var list = new List<StatementSyntax>(replacement);
            list[0] = list[0].WithLeadingTrivia(statement.GetLeadingTrivia());
            list[index] = list[index].WithTrailingTrivia(originalTrailing);
            if (index != list.Count - 1)
            {
                // The last statement ends the line the original ended.
                var endOfLine = originalTrailing.LastOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
                list[list.Count - 1] = list[list.Count - 1].WithTrailingTrivia(endOfLine.IsKind(SyntaxKind.EndOfLineTrivia) ? endOfLine : CarriageReturnLineFeed);
            }

            for (var i = 0; i < list.Count; i++)
            {
                list[i] = list[i].WithAdditionalAnnotations(Formatter.Annotation);
            }

            if (statement.Parent is BlockSyntax or SwitchSectionSyntax)
            {
                var siblings = statement.Parent is BlockSyntax block ? block.Statements : ((SwitchSectionSyntax)statement.Parent).Statements;
                if (blankLineAfter && list.Count > 1 && siblings.IndexOf(statement) < siblings.Count - 1)
                {
                    // A blank line between the inserted check and the code that follows it.
                    var endOfLine = statement.GetTrailingTrivia().LastOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
                    var trailing = list[list.Count - 1].GetTrailingTrivia().Add(endOfLine.IsKind(SyntaxKind.EndOfLineTrivia) ? endOfLine : NewLineOf(root));
                    list[list.Count - 1] = list[list.Count - 1].WithTrailingTrivia(trailing);
                }

                return root.ReplaceNode(statement, list);
            }

            if (statement.Parent is GlobalStatementSyntax global)
            {
                // Top-level statements: one global statement each, one per line, a blank line after the check.
                var endOfLine = statement.GetTrailingTrivia().LastOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
                var newLine = endOfLine.IsKind(SyntaxKind.EndOfLineTrivia) ? endOfLine : NewLineOf(root);
                for (var i = 0; i < list.Count; i++)
                {
                    if (i > 0)
                    {
                        // Explicit (not elastic) empty leading trivia: the formatter would separate the members by a blank line.
                        list[i] = list[i].WithLeadingTrivia(SyntaxTriviaList.Empty);
                    }

                    if (i < list.Count - 1)
                    {
                        list[i] = list[i].WithTrailingTrivia(newLine);
                    }
                }

                var members = global.Parent is CompilationUnitSyntax unit ? unit.Members : default;
                if (blankLineAfter && list.Count > 1 && members.IndexOf(global) < members.Count - 1)
                {
                    list[list.Count - 1] = list[list.Count - 1].WithTrailingTrivia(list[list.Count - 1].GetTrailingTrivia().Add(newLine));
                }

                return root.ReplaceNode(global, list.Select(s => (SyntaxNode)GlobalStatement(s)));
            }

            return root.ReplaceNode(statement, Block(list).WithAdditionalAnnotations(Formatter.Annotation));
        }

        /// <summary>Adds <c>using <paramref name="ns"/>;</c> to the compilation unit when it has none.</summary>
        public static SyntaxNode AddUsing(SyntaxNode root, string ns)
        {
            if (root is not CompilationUnitSyntax unit
                || unit.Usings.Any(u => u.Alias is null && u.StaticKeyword.IsKind(SyntaxKind.None) && u.Name?.ToString() == ns)
                || unit.DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>().Any(n => n.Usings.Any(u => u.Name?.ToString() == ns)))
            {
                return root;
            }

            var directive = UsingDirective(ParseName(ns)).WithTrailingTrivia(ElasticCarriageReturnLineFeed);
            var usings = unit.Usings;
            var index = usings.Count;
            var isSystem = ns == "System" || ns.StartsWith("System.", StringComparison.Ordinal);
            for (var i = 0; i < usings.Count; i++)
            {
                var name = usings[i].Name?.ToString() ?? string.Empty;
                var otherIsSystem = name == "System" || name.StartsWith("System.", StringComparison.Ordinal);
                if ((isSystem && !otherIsSystem) || (isSystem == otherIsSystem && string.CompareOrdinal(name, ns) > 0))
                {
                    index = i;
                    break;
                }
            }

            if (usings.Count == 0)
            {
                return unit.WithUsings(unit.Usings.Add(directive.WithTrailingTrivia(NewLineOf(root), NewLineOf(root))));
            }

            directive = directive.WithTrailingTrivia(usings[Math.Min(index, usings.Count - 1)].GetTrailingTrivia());
            return unit.WithUsings(usings.Insert(index, directive));
        }

        /// <summary>The statement that holds <paramref name="node"/> directly (its expression statement or declaration).</summary>
        public static StatementSyntax? ContainingStatement(SyntaxNode node)
            => node.AncestorsAndSelf().OfType<StatementSyntax>().FirstOrDefault();

        /// <summary>Formats the annotated nodes and returns the document.</summary>
        public static async Task<Document> FinishAsync(Document document, SyntaxNode root, CancellationToken cancellationToken)
        {
            var changed = document.WithSyntaxRoot(root);
            return await Formatter.FormatAsync(changed, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }
}
