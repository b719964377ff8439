using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace SocketAnalyzers.Tests.Robustness
{
    /// <summary>One half-typed version of a source: what was done to it, its text, and where in that text the change is.</summary>
    internal readonly record struct Mutant(string Description, string Text, int Position);

    /// <summary>Which mutants <see cref="Mutator"/> makes of a source.</summary>
    internal sealed class MutationPlan
    {
        /// <summary>Cut the file after every Nth token (1: after every token; 0: never, but at the boundaries below).</summary>
        public int CutEveryNthToken { get; init; }

        /// <summary>Cut the file before and after every statement and every member declaration.</summary>
        public bool CutAtStatementBoundaries { get; init; }

        /// <summary>
        /// Also cut at characters, wherever they fall (inside a name, a string, a comment): from a quarter of the file
        /// on, every twenty-fifth of its length.
        /// </summary>
        public bool CutAtCharacters { get; init; }

        /// <summary>Delete each token on its own.</summary>
        public bool DeleteEveryToken { get; init; }

        /// <summary>The kinds of tokens to delete one at a time when <see cref="DeleteEveryToken"/> is off.</summary>
        public IReadOnlyList<SyntaxKind> DeletedTokenKinds { get; init; } = Array.Empty<SyntaxKind>();

        /// <summary>Replace each identifier, one at a time, by a name that is declared nowhere.</summary>
        public bool ReplaceIdentifiers { get; init; }

        /// <summary>Empty each non-empty argument list, one at a time.</summary>
        public bool EmptyArgumentLists { get; init; }

        /// <summary>Replace each type in a type position (declarations, parameters, <c>new</c>, casts, type arguments…) by <c>dynamic</c>.</summary>
        public bool TypesToDynamic { get; init; }

        /// <summary>The closing tokens a typist has not written yet: <c>;</c>, <c>)</c>, <c>}</c>.</summary>
        public static IReadOnlyList<SyntaxKind> Closers { get; } = new[] { SyntaxKind.SemicolonToken, SyntaxKind.CloseParenToken, SyntaxKind.CloseBraceToken };
    }

    /// <summary>
    /// Makes half-typed versions of a C# source, the way an editor sees a file while someone types: cut short, a token
    /// missing, a name not declared yet, an argument list not written yet, a type that does not bind. The source itself
    /// comes first. Each distinct text once, in a fixed order.
    /// </summary>
    internal static class Mutator
    {
        public const string UndefinedName = "notDeclaredYet";

        /// <param name="focus">Where to mutate (say, the test's code inside a wrapper); the whole text when null.</param>
        public static IEnumerable<Mutant> Create(string text, MutationPlan plan, TextSpan? focus = null)
        {
            var root = CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Latest)).GetRoot();
            var span = focus ?? root.FullSpan;
            var tokens = root.DescendantTokens().Where(t => !t.IsKind(SyntaxKind.EndOfFileToken) && t.Span.Length > 0 && span.Contains(t.Span)).ToList();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            return Unique(All(text, root, tokens, plan, span), seen);
        }

        private static IEnumerable<Mutant> Unique(IEnumerable<Mutant> mutants, HashSet<string> seen)
        {
            foreach (var mutant in mutants)
            {
                if (seen.Add(mutant.Text))
                {
                    yield return mutant;
                }
            }
        }

        private static IEnumerable<Mutant> All(string text, SyntaxNode root, List<SyntaxToken> tokens, MutationPlan plan, TextSpan focus)
        {
            yield return new Mutant("as written", text, 0);

            var cuts = new SortedSet<int>();
            if (plan.CutEveryNthToken > 0)
            {
                for (var i = 0; i < tokens.Count; i += plan.CutEveryNthToken)
                {
                    cuts.Add(tokens[i].Span.End);
                }
            }

            if (plan.CutAtStatementBoundaries)
            {
                foreach (var node in root.DescendantNodes().Where(n => (n is StatementSyntax || n is MemberDeclarationSyntax) && focus.Contains(n.Span)))
                {
                    // Before the node: right after the token before it (a cut inside the trivia between two tokens
                    // would only add whitespace to the same mutant); after the node: right after its last token.
                    cuts.Add(node.GetFirstToken().GetPreviousToken().Span.End);
                    cuts.Add(node.Span.End);
                }
            }

            if (plan.CutAtCharacters)
            {
                for (var cut = focus.Start + (focus.Length / 4); cut < focus.End; cut += Math.Max(1, focus.Length / 25))
                {
                    cuts.Add(cut);
                }
            }

            foreach (var cut in cuts)
            {
                if (cut > 0 && cut < text.Length)
                {
                    yield return new Mutant($"cut at {Where(text, cut)}", text.Substring(0, cut), cut);
                }
            }

            foreach (var token in tokens)
            {
                if (plan.DeleteEveryToken || plan.DeletedTokenKinds.Contains(token.Kind()))
                {
                    yield return new Mutant($"'{token.Text}' deleted at {Where(text, token.SpanStart)}", text.Remove(token.SpanStart, token.Span.Length), token.SpanStart);
                }
            }

            if (plan.ReplaceIdentifiers)
            {
                foreach (var token in tokens.Where(t => t.IsKind(SyntaxKind.IdentifierToken)))
                {
                    yield return new Mutant($"'{token.Text}' renamed {UndefinedName} at {Where(text, token.SpanStart)}", Replace(text, token.Span.Start, token.Span.Length, UndefinedName), token.SpanStart);
                }
            }

            if (plan.EmptyArgumentLists)
            {
                foreach (var list in root.DescendantNodes().OfType<ArgumentListSyntax>().Where(l => l.Arguments.Count > 0 && !l.OpenParenToken.IsMissing && !l.CloseParenToken.IsMissing && focus.Contains(l.Span)))
                {
                    var start = list.OpenParenToken.Span.End;
                    yield return new Mutant($"arguments emptied at {Where(text, start)}", text.Remove(start, list.CloseParenToken.SpanStart - start), start);
                }
            }

            if (plan.TypesToDynamic)
            {
                foreach (var type in root.DescendantNodes().OfType<TypeSyntax>().Where(t => IsTypePosition(t) && focus.Contains(t.Span)))
                {
                    yield return new Mutant($"type '{type}' made dynamic at {Where(text, type.SpanStart)}", Replace(text, type.SpanStart, type.Span.Length, "dynamic"), type.SpanStart);
                }
            }
        }

        /// <summary>A type written where a type is expected (not a name that merely binds to one, such as <c>SocketType</c> in <c>SocketType.Stream</c>).</summary>
        private static bool IsTypePosition(TypeSyntax type) => type.Parent switch
        {
            VariableDeclarationSyntax declaration => declaration.Type == type,
            ParameterSyntax parameter => parameter.Type == type,
            BaseObjectCreationExpressionSyntax => type.Parent is ObjectCreationExpressionSyntax creation && creation.Type == type,
            ArrayCreationExpressionSyntax => false,
            ArrayTypeSyntax array => array.ElementType == type,
            CastExpressionSyntax cast => cast.Type == type,
            TypeArgumentListSyntax => true,
            MethodDeclarationSyntax method => method.ReturnType == type,
            LocalFunctionStatementSyntax function => function.ReturnType == type,
            PropertyDeclarationSyntax property => property.Type == type,
            DeclarationExpressionSyntax declaration => declaration.Type == type,
            DeclarationPatternSyntax pattern => pattern.Type == type,
            ForEachStatementSyntax loop => loop.Type == type,
            TypeOfExpressionSyntax => true,
            DefaultExpressionSyntax => true,
            CatchDeclarationSyntax => true,
            BinaryExpressionSyntax binary => (binary.IsKind(SyntaxKind.AsExpression) || binary.IsKind(SyntaxKind.IsExpression)) && binary.Right == type,
            _ => false,
        };

        private static string Replace(string text, int start, int length, string with)
            => string.Concat(text.AsSpan(0, start), with, text.AsSpan(start + length));

        /// <summary>Line and column (1-based) of a position, for the mutant's description.</summary>
        private static string Where(string text, int position)
        {
            var line = 1;
            var lineStart = 0;
            for (var i = 0; i < position && i < text.Length; i++)
            {
                if (text[i] == '\n')
                {
                    line++;
                    lineStart = i + 1;
                }
            }

            return $"({line},{position - lineStart + 1})";
        }
    }
}
