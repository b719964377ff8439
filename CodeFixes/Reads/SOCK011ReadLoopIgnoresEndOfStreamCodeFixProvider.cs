using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace SocketAnalyzers.CodeFixes.Reads
{
    /// <summary>
    /// SOCK011 fix: a 0 check right after the read that leaves the loop. Where the count was inline
    /// (<c>total += s.Read(…)</c>, <c>Process(b, s.Receive(b))</c>), a variable is introduced first. A read assigned in a
    /// <c>while</c>/<c>for</c> condition gets the check as the first statement of the body. The exit is <c>break;</c>
    /// for a single loop, and <c>return;</c> (or <c>yield break;</c>, <c>throw new EndOfStreamException();</c>) when the
    /// read is in a nested loop, where a <c>break</c> would only re-enter the same read from the outer loop. A read that
    /// throws at end of stream (<c>BinaryReader.ReadString()</c>) caught by a catch-all inside the loop gets a first clause
    /// <c>catch (EndOfStreamException)</c> with that exit instead (<see cref="CatchEndKey"/>).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SOCK011ReadLoopIgnoresEndOfStreamCodeFixProvider))]
    public sealed class SOCK011ReadLoopIgnoresEndOfStreamCodeFixProvider : CodeFixProvider
    {
        public const string StopAtZeroKey = "SOCK011.StopAtZero";

        /// <summary>The fix of a read that throws at end of stream: a first catch clause that takes <c>EndOfStreamException</c> and leaves the loop.</summary>
        public const string CatchEndKey = "SOCK011.CatchEndOfStream";

        private static readonly FixAllProvider FixAll = PerDiagnosticFixAll.Create(FixAsync, StopAtZeroKey, CatchEndKey);

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.ReadLoopIgnoresEndOfStream);

        public override FixAllProvider GetFixAllProvider() => FixAll;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                if (!CodeFixHelpers.IsFixableBy(diagnostic, this))
                {
                    continue;
                }

                if (IsThrowing(diagnostic))
                {
                    if (await FixAsync(context.Document, diagnostic, CatchEndKey, context.CancellationToken).ConfigureAwait(false) is { } caught)
                    {
                        context.RegisterCodeFix(
                            CodeAction.Create("Leave the loop when the read throws EndOfStreamException (end of stream)", _ => Task.FromResult(caught), CatchEndKey),
                            diagnostic);
                    }

                    continue;
                }

                if (await FixAsync(context.Document, diagnostic, StopAtZeroKey, context.CancellationToken).ConfigureAwait(false) is not { } changed)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create("Leave the loop when the read returns 0 (end of stream)", _ => Task.FromResult(changed), StopAtZeroKey),
                    diagnostic);
            }
        }

        private static bool IsThrowing(Diagnostic diagnostic)
            => diagnostic.Properties.TryGetValue(SocketAnalyzers.Reads.SOCK011ReadLoopIgnoresEndOfStreamAnalyzer.FormKey, out var form)
                && form == SocketAnalyzers.Reads.SOCK011ReadLoopIgnoresEndOfStreamAnalyzer.Throws;

        internal static async Task<Document?> FixAsync(Document document, Diagnostic diagnostic, string key, CancellationToken cancellationToken)
        {
            if (IsThrowing(diagnostic))
            {
                return key == CatchEndKey ? await CatchEndAsync(document, diagnostic, cancellationToken).ConfigureAwait(false) : null;
            }

            if (diagnostic.Properties.TryGetValue(SocketAnalyzers.Reads.SOCK011ReadLoopIgnoresEndOfStreamAnalyzer.FormKey, out var form)
                && form is SocketAnalyzers.Reads.SOCK011ReadLoopIgnoresEndOfStreamAnalyzer.Polls or SocketAnalyzers.Reads.SOCK011ReadLoopIgnoresEndOfStreamAnalyzer.Callback
                    or SocketAnalyzers.Reads.SOCK011ReadLoopIgnoresEndOfStreamAnalyzer.Helper)
            {
                // A read under a data guard never returns 0: a test of the count would never leave the loop. A chain of
                // callbacks has no loop to break out of: not starting the next receive is a change of design. A helper's
                // read: whether the helper reports the close or the caller tests what it returns is the author's choice.
                return null;
            }

            if (key != StopAtZeroKey)
            {
                return null;
            }

            var site = await ReadSite.FindAsync(document, diagnostic.Location.SourceSpan, cancellationToken).ConfigureAwait(false);
            if (site?.Statement is not { } statement || site.Read.Api.Shape is not (SocketAnalyzers.Reads.CountShape.Int32 or SocketAnalyzers.Reads.CountShape.Line or SocketAnalyzers.Reads.CountShape.Char))
            {
                return null;
            }

            // A character read cast before its use ((char)reader.Read()) is U+FFFF at end of stream, never -1: the check
            // must test the int the read returns, so only the read itself is hoisted into a variable, before the cast.
            var charCast = site.Read.Api.IsChar && site.ResultSyntax != site.Syntax;
            var hoisted = charCast ? site.Syntax : site.ResultSyntax;
            SyntaxNode? root = null;
            bool throws;
            switch (charCast ? ReadStatementShape.Other : site.Shape)
            {
                case ReadStatementShape.ExpressionStatement:
                case ReadStatementShape.DiscardAssignment:
                case ReadStatementShape.Declaration:
                case ReadStatementShape.Assignment:
                    {
                        if (ReadFixSyntax.EndOfStreamExit(site.Model, statement, breakOnlyFromOutermostLoop: true, out throws) is not { } exit)
                        {
                            return null;
                        }

                        if (site.Local is not null && ExistingZeroBreak(statement, site.Local.Name, site.Read.Api) is { } existingBreak)
                        {
                            // if (n == 0) break; already follows, but the break only lets an outer loop re-enter: make it leave.
                            root = site.Root.ReplaceNode(existingBreak, exit.WithTriviaFrom(existingBreak));
                            break;
                        }

                        root = ReadFixSyntax.ReplaceStatement(site.Root, statement, SOCK010DiscardedReadCountCodeFixProvider.CaptureAndStop(site, statement, exit), originalIndex: 0);
                        break;
                    }

                case ReadStatementShape.CompoundAssignment:
                case ReadStatementShape.Other when IsInlineInStatement(hoisted, statement):
                    {
                        if (ReadFixSyntax.EndOfStreamExit(site.Model, statement, breakOnlyFromOutermostLoop: true, out throws) is not { } exit)
                        {
                            return null;
                        }

                        var name = ReadFixSyntax.UniqueName(site.Model, statement, site.CountBaseName);
                        var declaration = LocalDeclarationStatement(
                            VariableDeclaration(
                                IdentifierName("var"),
                                SingletonSeparatedList(VariableDeclarator(Identifier(name)).WithInitializer(EqualsValueClause(hoisted.WithoutTrivia())))));
                        var rest = statement.ReplaceNode(hoisted, IdentifierName(name).WithTriviaFrom(hoisted));
                        root = ReadFixSyntax.ReplaceStatement(site.Root, statement, new[] { declaration, ReadFixSyntax.IfEnd(site.Read, IdentifierName(name), exit), rest.WithoutLeadingTrivia() });
                        break;
                    }

                default:
                    {
                        // while ((n = s.Read(…)) != -1) body  →  the check first in the body.
                        if (charCast || ConditionLoopBody(statement, site.Syntax) is not { } body)
                        {
                            return null;
                        }

                        if (ReadFixSyntax.EndOfStreamExit(site.Model, body is BlockSyntax b && b.Statements.Count > 0 ? b.Statements[0] : body, breakOnlyFromOutermostLoop: true, out throws) is not { } exit)
                        {
                            return null;
                        }

                        if (site.Consumer is ISimpleAssignmentOperation { Target: ILocalReferenceOperation local })
                        {
                            var check = ReadFixSyntax.IfEnd(site.Read, IdentifierName(local.Local.Name), exit);
                            root = site.Root.ReplaceNode(body, PrependToBody(body, check));
                            break;
                        }

                        // while (s.Read(…) >= 0) body  →  int bytesRead; while ((bytesRead = s.Read(…)) >= 0) { if (bytesRead == 0) break; body }
                        // Not for a line read (while (reader.ReadLine() != "quit")): its variable's type would depend on the
                        // nullable context; no fix is offered there.
                        if (site.Read.Api.IsLine || !IsPlainOperandOfCondition(site.ResultSyntax, statement))
                        {
                            return null;
                        }

                        var name = ReadFixSyntax.UniqueName(site.Model, statement, site.CountBaseName);
                        var assigned = ParenthesizedExpression(AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, IdentifierName(name), site.ResultSyntax.WithoutTrivia()));
                        var loop = statement.ReplaceNodes(
                            new SyntaxNode[] { site.ResultSyntax, body },
                            (original, rewritten) => original == body
                                ? PrependToBody((StatementSyntax)rewritten, ReadFixSyntax.IfEnd(site.Read, IdentifierName(name), exit))
                                : assigned.WithTriviaFrom(original));
                        var declaration = LocalDeclarationStatement(VariableDeclaration(PredefinedType(Token(SyntaxKind.IntKeyword)), SingletonSeparatedList(VariableDeclarator(name))));
                        root = ReadFixSyntax.ReplaceStatement(site.Root, statement, new StatementSyntax[] { declaration, loop.WithoutLeadingTrivia() }, blankLineAfter: false);
                        break;
                    }
            }

            if (throws)
            {
                root = ReadFixSyntax.AddUsing(root, "System.IO");
            }

            return await ReadFixSyntax.FinishAsync(document, root, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// True when the count is an argument, initializer or operand in a plain statement, and nothing with a side effect
        /// runs before the read in that statement, so that hoisting the read keeps the order of effects.
        /// </summary>
        private static bool IsInlineInStatement(ExpressionSyntax result, StatementSyntax statement)
        {
            if (statement is not (ExpressionStatementSyntax or LocalDeclarationStatementSyntax) || statement.Parent is not (BlockSyntax or SwitchSectionSyntax))
            {
                return false;
            }

            for (var node = result.Parent; node is not null && node != statement; node = node.Parent)
            {
                switch (node)
                {
                    case ArgumentSyntax:
                    case ArgumentListSyntax:
                    case InvocationExpressionSyntax:
                    case ObjectCreationExpressionSyntax:
                    case EqualsValueClauseSyntax:
                    case VariableDeclaratorSyntax:
                    case VariableDeclarationSyntax:
                    case AssignmentExpressionSyntax:
                    case ParenthesizedExpressionSyntax:
                    case CastExpressionSyntax:
                    case BinaryExpressionSyntax binary when !binary.IsKind(SyntaxKind.LogicalAndExpression) && !binary.IsKind(SyntaxKind.LogicalOrExpression) && !binary.IsKind(SyntaxKind.CoalesceExpression):
                        continue;
                    default:
                        return false;
                }
            }

            if (statement is LocalDeclarationStatementSyntax { UsingKeyword.RawKind: not 0 })
            {
                return false;
            }

            return !statement.DescendantNodes()
                .Where(n => n.Span.End <= result.SpanStart)
                .Any(n => n is InvocationExpressionSyntax or AwaitExpressionSyntax or AssignmentExpressionSyntax or ObjectCreationExpressionSyntax
                    or PostfixUnaryExpressionSyntax or PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression or (int)SyntaxKind.PreDecrementExpression });
        }

        /// <summary>
        /// The <c>break;</c> of an <c>if (count == 0) break;</c> (for a line read, <c>if (line == null) break;</c> or
        /// <c>if (line is null) break;</c>; for a character read, <c>if (ch == -1) break;</c> or <c>if (ch &lt; 0) break;</c>) right
        /// after <paramref name="statement"/>, or null.
        /// </summary>
        private static BreakStatementSyntax? ExistingZeroBreak(StatementSyntax statement, string count, SocketAnalyzers.Reads.ReadApi read)
        {
            if (statement.Parent is not BlockSyntax block)
            {
                return null;
            }

            var index = block.Statements.IndexOf(statement);
            if (index < 0 || index + 1 >= block.Statements.Count
                || block.Statements[index + 1] is not IfStatementSyntax { Else: null } check
                || check.Condition.ToString().Replace(" ", string.Empty) is not { } condition
                || !(read.IsLine
                    ? condition == count + "==null" || condition == "null==" + count || condition == count + "isnull"
                    : read.IsChar
                    ? condition == count + "==-1" || condition == "-1==" + count || condition == count + "<0"
                    : condition == count + "==0" || condition == "0==" + count || condition == count + "<=0" || condition == count + "<1"))
            {
                return null;
            }

            return check.Statement switch
            {
                BreakStatementSyntax direct => direct,
                BlockSyntax { Statements.Count: 1 } body when body.Statements[0] is BreakStatementSyntax inner => inner,
                _ => null,
            };
        }

        /// <summary>True when the count is a plain operand of the loop's condition, evaluated every time it is (not after <c>&amp;&amp;</c>, <c>||</c>, <c>?:</c>).</summary>
        private static bool IsPlainOperandOfCondition(ExpressionSyntax result, StatementSyntax loop)
        {
            var condition = loop switch
            {
                WhileStatementSyntax w => w.Condition,
                ForStatementSyntax f => f.Condition,
                _ => null,
            };
            for (SyntaxNode? node = result.Parent; node is not null && condition is not null; node = node.Parent)
            {
                if (node is not (ParenthesizedExpressionSyntax or CastExpressionSyntax or BinaryExpressionSyntax))
                {
                    return false;
                }

                if (node is BinaryExpressionSyntax binary && binary.Kind() is SyntaxKind.LogicalAndExpression or SyntaxKind.LogicalOrExpression or SyntaxKind.CoalesceExpression)
                {
                    return false;
                }

                if (node == condition)
                {
                    return true;
                }
            }

            return result == condition;
        }

        /// <summary>The body of the <c>while</c>/<c>for</c> whose condition holds the read, or null.</summary>
        private static StatementSyntax? ConditionLoopBody(StatementSyntax statement, SyntaxNode read)
            => statement switch
            {
                WhileStatementSyntax w when w.Condition.Span.Contains(read.Span) => w.Statement,
                ForStatementSyntax f when f.Condition is not null && f.Condition.Span.Contains(read.Span) => f.Statement,
                _ => null,
            };

        private static StatementSyntax PrependToBody(StatementSyntax body, StatementSyntax check)
        {
            if (body is BlockSyntax block)
            {
                var statements = block.Statements;
                var spaced = statements.Count > 0
                    ? check.WithTrailingTrivia(ReadFixSyntax.NewLineOf(body), ReadFixSyntax.NewLineOf(body))
                    : check;
                return block.WithStatements(statements.Insert(0, spaced));
            }

            return Block(check, body.WithoutLeadingTrivia()).WithTriviaFrom(body).WithAdditionalAnnotations(Microsoft.CodeAnalysis.Formatting.Formatter.Annotation);
        }

        /// <summary>
        /// A read that throws at end of stream (<c>BinaryReader.ReadString()</c>) in a loop whose catch-all takes the
        /// exception: a first clause <c>catch (EndOfStreamException) { break; }</c> on the innermost <c>try</c> around the
        /// read (<c>return;</c>, <c>yield break;</c> where a <c>break</c> would not leave, <c>throw;</c> where nothing else
        /// can). Not where a clause already names <c>EndOfStreamException</c>, nor inside a <c>finally</c>.
        /// </summary>
        private static async Task<Document?> CatchEndAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || model is null || diagnostic.Location.SourceSpan.End > root.FullSpan.End)
            {
                return null;
            }

            var read = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            TryStatementSyntax? around = null;
            foreach (var ancestor in read.Ancestors())
            {
                if (ancestor is TryStatementSyntax { Catches.Count: > 0 } tryStatement && tryStatement.Block.Span.Contains(read.Span))
                {
                    around = tryStatement;
                    break;
                }

                if (ancestor is MemberDeclarationSyntax or AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)
                {
                    break;
                }
            }

            if (around is null)
            {
                return null;
            }

            var endOfStream = model.Compilation.GetTypeByMetadataName("System.IO.EndOfStreamException");
            foreach (var clause in around.Catches)
            {
                if (clause.Declaration is { } declared
                    && SymbolEqualityComparer.Default.Equals(model.GetTypeInfo(declared.Type, cancellationToken).Type, endOfStream))
                {
                    return null;
                }
            }

            if (ReadFixSyntax.EndOfStreamExit(model, around, breakOnlyFromOutermostLoop: true, out var throws) is not { } exit)
            {
                return null;
            }

            var leave = throws ? ThrowStatement() : exit;
            var clauseToAdd = CatchClause(CatchDeclaration(IdentifierName("EndOfStreamException")), null, Block(leave))
                .WithAdditionalAnnotations(Microsoft.CodeAnalysis.Formatting.Formatter.Annotation);
            var newTry = around.WithCatches(around.Catches.Insert(0, clauseToAdd));
            var newRoot = ReadFixSyntax.AddUsing(root.ReplaceNode(around, newTry), "System.IO");
            return await ReadFixSyntax.FinishAsync(document, newRoot, cancellationToken).ConfigureAwait(false);
        }
    }
}
