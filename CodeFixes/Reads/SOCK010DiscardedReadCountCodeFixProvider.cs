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
using Microsoft.CodeAnalysis.Diagnostics;
using SocketAnalyzers.Reads;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace SocketAnalyzers.CodeFixes.Reads
{
    /// <summary>
    /// SOCK010 fixes. "Read exactly": <c>ReadExactly(Async)</c> where the framework has it (.NET 7+), else the
    /// SocketAnalyzers.Runtime helpers when the project references them (<c>ReceiveExactly(Async)</c> for a
    /// <c>Socket</c>); this changes behaviour (it throws <c>EndOfStreamException</c> when the peer closes early) and
    /// says so. "Capture the count": <c>var received = …;</c> then <c>if (received == 0) break;</c> (or
    /// <c>return;</c>, <c>yield break;</c>, <c>throw new EndOfStreamException();</c> where no loop can be left).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SOCK010DiscardedReadCountCodeFixProvider))]
    public sealed class SOCK010DiscardedReadCountCodeFixProvider : CodeFixProvider
    {
        public const string ReadExactlyKey = "SOCK010.ReadExactly";

        public const string CaptureCountKey = "SOCK010.CaptureCount";

        public const string AwaitKey = "SOCK010.Await";

        private static readonly FixAllProvider FixAll = PerDiagnosticFixAll.Create(FixAsync, AwaitKey, CaptureCountKey, ReadExactlyKey);

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.DiscardedReadCount);

        public override FixAllProvider GetFixAllProvider() => FixAll;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                if (!CodeFixHelpers.IsFixableBy(diagnostic, this))
                {
                    continue;
                }

                var site = await ReadSite.FindAsync(context.Document, diagnostic.Location.SourceSpan, context.CancellationToken).ConfigureAwait(false);
                if (site is null)
                {
                    continue;
                }

                if (IsUnawaited(diagnostic))
                {
                    // The missing await first: capturing or reading exactly would keep a read nobody waits for.
                    if (CanAwait(site))
                    {
                        context.RegisterCodeFix(
                            CodeAction.Create("Await the read (the code after it then waits for the bytes)", ct => FixOrSameAsync(context.Document, diagnostic, AwaitKey, ct), AwaitKey),
                            diagnostic);
                    }

                    continue;
                }

                // Capture first: it keeps what the read does (reading exactly throws where the read returned fewer
                // bytes), and nearly every finding has it, so a Fix All started from any finding's first action (as
                // dotnet format does) makes the same choice every time.
                if (CanCapture(site) && !IsDecoded(diagnostic))
                {
                    context.RegisterCodeFix(
                        CodeAction.Create("Capture the count and stop when it is 0 (end of stream)", ct => FixOrSameAsync(context.Document, diagnostic, CaptureCountKey, ct), CaptureCountKey),
                        diagnostic);
                }

                if (CanReadExactly(site))
                {
                    var title = site.Read.Api.Owner == SocketAnalyzers.Reads.ReadOwner.Socket
                        ? "Receive exactly (throws EndOfStreamException if the peer closes before the buffer is full)"
                        : "Read exactly (throws EndOfStreamException if the stream ends before the buffer is full)";
                    context.RegisterCodeFix(
                        CodeAction.Create(title, ct => FixOrSameAsync(context.Document, diagnostic, ReadExactlyKey, ct), ReadExactlyKey),
                        diagnostic);
                }
            }
        }

        private static async Task<Document> FixOrSameAsync(Document document, Diagnostic diagnostic, string key, CancellationToken cancellationToken)
            => await FixAsync(document, diagnostic, key, cancellationToken).ConfigureAwait(false) ?? document;

        /// <summary>The buffer is then decoded as a fixed-width number: stopping at 0 would still decode a short read (SOCK012).</summary>
        private static bool IsDecoded(Diagnostic diagnostic)
            => diagnostic.Properties.ContainsKey(SOCK010DiscardedReadCountAnalyzer.DecodedKey);

        private static bool IsUnawaited(Diagnostic diagnostic)
            => diagnostic.Properties.TryGetValue(SOCK010DiscardedReadCountAnalyzer.FormKey, out var form) && form == SOCK010DiscardedReadCountAnalyzer.Unawaited;

        /// <summary>
        /// The read's task is the whole statement (<c>s.ReceiveAsync(b);</c>, <c>_ = s.ReceiveAsync(b);</c>) in an
        /// <c>async</c> method, lambda or local function, outside a <c>lock</c> (where <c>await</c> is an error).
        /// </summary>
        private static bool CanAwait(ReadSite site)
        {
            if (site.Statement is null || site.Shape is not (ReadStatementShape.ExpressionStatement or ReadStatementShape.DiscardAssignment))
            {
                return false;
            }

            foreach (var node in site.Syntax.Ancestors())
            {
                switch (node)
                {
                    case LockStatementSyntax:
                        return false;
                    case AnonymousFunctionExpressionSyntax function:
                        return function.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword);
                    case LocalFunctionStatementSyntax local:
                        return local.Modifiers.Any(SyntaxKind.AsyncKeyword);
                    case MethodDeclarationSyntax method:
                        return method.Modifiers.Any(SyntaxKind.AsyncKeyword);
                    case MemberDeclarationSyntax or AccessorDeclarationSyntax:
                        return false;
                }
            }

            return false;
        }

        private static bool CanReadExactly(ReadSite site)
            => site.Statement is not null
                && site.Shape switch
                {
                    // Not n = s.Read(…): the declaration of n would be left unused (CS0168 breaks -warnaserror builds).
                    ReadStatementShape.ExpressionStatement or ReadStatementShape.DiscardAssignment => true,
                    ReadStatementShape.Declaration => site.LocalIsUnusedElsewhere(),
                    _ => false,
                }
                && site.OnlyFrameworkWrappersAround(out _)
                && site.ExactInvocation(out _) is not null;

        private static bool CanCapture(ReadSite site)
            => site.Statement is not null
                && !site.IsDatagram
                && site.Read.Api.Shape == SocketAnalyzers.Reads.CountShape.Int32
                // The count itself: not a task nobody awaited (`s.ReceiveAsync(b);` with its `await` not typed yet).
                && site.Result.Type?.SpecialType == SpecialType.System_Int32
                && site.Shape is ReadStatementShape.ExpressionStatement or ReadStatementShape.DiscardAssignment or ReadStatementShape.Declaration or ReadStatementShape.Assignment
                && ReadFixSyntax.EndOfStreamExit(site.Model, site.Statement, breakOnlyFromOutermostLoop: false, out _) is not null;

        /// <summary>
        /// The capture of the read at <paramref name="read"/> (its count named, a stop at 0, and its whole consumers given
        /// the count): SOCK012's fix at a consumer of a read whose count is discarded. Null where the capture does not apply.
        /// </summary>
        internal static async Task<Document?> CaptureAtAsync(Document document, Microsoft.CodeAnalysis.Text.TextSpan read, CancellationToken cancellationToken)
        {
            var site = await ReadSite.FindAsync(document, read, cancellationToken).ConfigureAwait(false);
            return site?.Statement is { } statement && IsDiscardedStatement(site)
                ? await CaptureAsync(document, site, statement, cancellationToken).ConfigureAwait(false)
                : null;
        }

        /// <summary>Whether <see cref="CaptureAtAsync"/> applies, without making the edit (its last step analyzes the compilation).</summary>
        internal static async Task<bool> CanCaptureAtAsync(Document document, Microsoft.CodeAnalysis.Text.TextSpan read, CancellationToken cancellationToken)
            => await ReadSite.FindAsync(document, read, cancellationToken).ConfigureAwait(false) is { } site && IsDiscardedStatement(site) && CanCapture(site);

        private static bool IsDiscardedStatement(ReadSite site)
            => site.Statement is not null && site.Shape is ReadStatementShape.ExpressionStatement or ReadStatementShape.DiscardAssignment;

        internal static async Task<Document?> FixAsync(Document document, Diagnostic diagnostic, string key, CancellationToken cancellationToken)
        {
            var site = await ReadSite.FindAsync(document, diagnostic.Location.SourceSpan, cancellationToken).ConfigureAwait(false);
            if (site?.Statement is not { } statement)
            {
                return null;
            }

            SyntaxNode root;
            if (key == AwaitKey)
            {
                if (!IsUnawaited(diagnostic) || !CanAwait(site))
                {
                    return null;
                }

                var awaited = AwaitExpression(site.ResultSyntax.WithoutTrivia()).WithTriviaFrom(site.ResultSyntax);
                root = site.Root.ReplaceNode(site.ResultSyntax, awaited);
            }
            else if (IsUnawaited(diagnostic))
            {
                return null;
            }
            else if (key == ReadExactlyKey)
            {
                if (!CanReadExactly(site) || site.ExactInvocation(out var usingNamespace, out var givesValueTask) is not { } exact)
                {
                    return null;
                }

                site.OnlyFrameworkWrappersAround(out var waits);
                var replacement = ExpressionStatement(site.ResultWith(ReadSite.FitWrappers(exact, waits, givesValueTask)));
                root = ReadFixSyntax.ReplaceStatement(site.Root, statement, new StatementSyntax[] { replacement });
                if (usingNamespace is not null)
                {
                    root = ReadFixSyntax.AddUsing(root, usingNamespace);
                }
            }
            else if (key == CaptureCountKey)
            {
                return IsDecoded(diagnostic) ? null : await CaptureAsync(document, site, statement, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                return null;
            }

            return await ReadFixSyntax.FinishAsync(document, root, cancellationToken).ConfigureAwait(false);
        }

        private static async Task<Document?> CaptureAsync(Document document, ReadSite site, StatementSyntax statement, CancellationToken cancellationToken)
        {
            if (!CanCapture(site) || ReadFixSyntax.EndOfStreamExit(site.Model, statement, breakOnlyFromOutermostLoop: false, out var throws) is not { } exit)
            {
                return null;
            }

            var statements = CaptureAndStop(site, statement, exit);
            var count = site.Local?.Name ?? ((LocalDeclarationStatementSyntax)statements[0]).Declaration.Variables[0].Identifier.ValueText;
            var captureMark = new SyntaxAnnotation("SocketAnalyzers.SOCK010.Capture");
            statements[0] = statements[0].WithAdditionalAnnotations(captureMark);
            var root = ReadFixSyntax.ReplaceStatement(site.Root, statement, statements, originalIndex: 0);
            if (throws)
            {
                root = ReadFixSyntax.AddUsing(root, "System.IO");
            }

            var captured = await ReadFixSyntax.FinishAsync(document, root, cancellationToken).ConfigureAwait(false);
            // An End… names no buffer: its Begin… filled one the analyzer follows to the callback (any name may be it).
            var bufferNames = site.Read.Buffer?.Syntax.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Select(n => n.Identifier.ValueText).ToList();
            return bufferNames is { Count: > 0 } || (site.Read.Buffer is null && site.Read.Api.IsApmEnd)
                ? await UseCountInConsumersAsync(captured, captureMark, count, bufferNames, cancellationToken).ConfigureAwait(false)
                : captured;
        }

        /// <summary>
        /// Where the read whose count was discarded also fed a consumer of the whole buffer (SOCK012 on the same read),
        /// that consumer could not be given the count before: now that the count has a name, give it the bytes received
        /// too, so the two findings get one coherent edit whichever is fixed first. The consumers are the SOCK012
        /// findings that the analyzer itself reports on the captured code with this count, in the same member.
        /// </summary>
        private static async Task<Document> UseCountInConsumersAsync(Document document, SyntaxAnnotation captureMark, string count, IReadOnlyCollection<string>? bufferNames, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root?.GetAnnotatedNodes(captureMark).FirstOrDefault() is not { } capture)
            {
                return document;
            }

            // A consumer names the buffer after the read: without such a name, there is nothing to analyze (the analysis
            // below is of the whole compilation, so it is skipped whenever it cannot find anything). No names: an End….
            var member = capture.FirstAncestorOrSelf<MemberDeclarationSyntax>() ?? root;
            if (bufferNames is not null
                && !member.DescendantTokens().Any(t => t.SpanStart >= capture.Span.End && t.IsKind(SyntaxKind.IdentifierToken) && bufferNames.Contains(t.ValueText)))
            {
                return document;
            }

            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (model is null)
            {
                return document;
            }

            var options = new CompilationWithAnalyzersOptions(document.Project.AnalyzerOptions, onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false);
            var analysis = model.Compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new SOCK012WholeBufferConsumedAnalyzer()), options);
            // The compilation's findings (asked for one tree, Roslyn 4.8 returned none of this analyzer's), then this member's.
            var found = await analysis.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
            var consumers = found
                .Where(d => d.Id == RuleIdentifiers.WholeBufferConsumed && !d.IsSuppressed
                    && d.Location.SourceTree == root.SyntaxTree && member.FullSpan.Contains(d.Location.SourceSpan)
                    && d.Properties.TryGetValue(SOCK012WholeBufferConsumedAnalyzer.CountKey, out var c) && c == count)
                .OrderByDescending(d => d.Location.SourceSpan.Start)
                .ToList();
            // From the last up: each edit replaces only its consumer, so the spans before it stay valid.
            var current = document;
            foreach (var consumer in consumers)
            {
                current = await SOCK012WholeBufferConsumedCodeFixProvider.FixAsync(current, consumer, SOCK012WholeBufferConsumedCodeFixProvider.UseCountKey, cancellationToken).ConfigureAwait(false) ?? current;
            }

            return current;
        }

        /// <summary>The statement kept or turned into a declaration, then <c>if (count == 0) exit</c>.</summary>
        internal static List<StatementSyntax> CaptureAndStop(ReadSite site, StatementSyntax statement, StatementSyntax exit)
        {
            string name;
            StatementSyntax first;
            if (site.Local is not null)
            {
                name = site.Local.Name;
                first = statement;
            }
            else
            {
                name = ReadFixSyntax.UniqueName(site.Model, statement, site.CountBaseName);
                first = LocalDeclarationStatement(
                    VariableDeclaration(
                        IdentifierName("var"),
                        SingletonSeparatedList(VariableDeclarator(Identifier(name)).WithInitializer(EqualsValueClause(site.ResultSyntax.WithoutTrivia())))));
            }

            return new List<StatementSyntax> { first, ReadFixSyntax.IfEnd(site.Read, IdentifierName(name), exit) };
        }
    }
}
