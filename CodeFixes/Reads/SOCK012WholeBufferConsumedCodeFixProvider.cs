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
using SocketAnalyzers.Common;
using SocketAnalyzers.Reads;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace SocketAnalyzers.CodeFixes.Reads
{
    /// <summary>
    /// SOCK012 fix: give the consumer only the bytes received. In order of preference: <c>(buf, 0, buf.Length)</c> →
    /// <c>(buf, 0, n)</c>; <c>(buf)</c> → <c>(buf, 0, n)</c> where such an overload exists; <c>buf</c> →
    /// <c>buf.AsSpan(0, n)</c> / <c>buf.AsMemory(0, n)</c>; <c>buf.AsSpan()</c> → <c>buf.AsSpan(0, n)</c>. Each
    /// candidate is bound speculatively and used only when it resolves. Offered only when the read's count is in a
    /// variable that is in scope at the consumer.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SOCK012WholeBufferConsumedCodeFixProvider))]
    public sealed class SOCK012WholeBufferConsumedCodeFixProvider : CodeFixProvider
    {
        public const string UseCountKey = "SOCK012.UseCount";

        /// <summary>The decoded form: the read becomes <c>ReadAtLeast(Async)(buffer, size, throwOnEndOfStream: false)</c>.</summary>
        public const string ReadAtLeastKey = "SOCK012.ReadAtLeast";

        /// <summary>
        /// The count is discarded (<c>s.Read(buf); … GetString(buf)</c>): SOCK010's capture on the read, which names the
        /// count, stops at 0 and gives this consumer (and the read's other whole consumers) the bytes received.
        /// </summary>
        public const string CaptureCountKey = "SOCK012.CaptureCount";

        private static readonly FixAllProvider FixAll = PerDiagnosticFixAll.Create(FixAsync, UseCountKey, CaptureCountKey, ReadAtLeastKey);

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.WholeBufferConsumed);

        public override FixAllProvider GetFixAllProvider() => FixAll;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                if (!CodeFixHelpers.IsFixableBy(diagnostic, this))
                {
                    continue;
                }

                if (IsDecoded(diagnostic))
                {
                    if (await FixAsync(context.Document, diagnostic, ReadAtLeastKey, context.CancellationToken).ConfigureAwait(false) is { } waited)
                    {
                        context.RegisterCodeFix(
                            CodeAction.Create("Read until the bytes have all arrived (ReadAtLeast: the read now waits for them)", _ => Task.FromResult(waited), ReadAtLeastKey),
                            diagnostic);
                    }

                    continue;
                }

                if (IsCountDiscarded(diagnostic))
                {
                    // Offered from a cheap test; the edit (whose last step analyzes the compilation) is made when it is chosen.
                    if (ReadSpan(diagnostic) is { } read
                        && await CountReachesConsumerAsync(context.Document, read, diagnostic.Location.SourceSpan, context.CancellationToken).ConfigureAwait(false)
                        && await SOCK010DiscardedReadCountCodeFixProvider.CanCaptureAtAsync(context.Document, read, context.CancellationToken).ConfigureAwait(false))
                    {
                        var document = context.Document;
                        context.RegisterCodeFix(
                            CodeAction.Create(
                                "Capture the count, stop when it is 0 (end of stream) and use only the bytes received",
                                async ct => await FixAsync(document, diagnostic, CaptureCountKey, ct).ConfigureAwait(false) ?? document,
                                CaptureCountKey),
                            diagnostic);
                    }

                    continue;
                }

                if (await FixAsync(context.Document, diagnostic, UseCountKey, context.CancellationToken).ConfigureAwait(false) is not { } changed
                    || !diagnostic.Properties.TryGetValue(SOCK012WholeBufferConsumedAnalyzer.CountKey, out var count))
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create($"Use only the '{count}' bytes received", _ => Task.FromResult(changed), UseCountKey),
                    diagnostic);
            }
        }

        /// <summary>The local is definitely assigned where <paramref name="statement"/> starts; false when the compiler cannot say (half-typed code).</summary>
        private static bool AssignedOnEntry(SemanticModel model, StatementSyntax statement, ILocalSymbol local)
        {
            try
            {
                return model.AnalyzeDataFlow(statement) is { Succeeded: true } flow
                    && flow.DefinitelyAssignedOnEntry.Contains(local, SymbolEqualityComparer.Default);
            }
            catch (System.ArgumentException)
            {
                // A statement the data-flow analysis does not take (outside a body it can analyze).
                return false;
            }
        }

        /// <summary>
        /// The count captured at the read's statement (a local declared there) is in scope at the consumer: the consumer lies
        /// after that statement in the block that holds it. A read inside a <c>try</c> whose <c>catch</c> falls through to the
        /// consumer, or inside one branch, is not: the capture could not pass its count on, so it is not offered.
        /// </summary>
        private static async Task<bool> CountReachesConsumerAsync(Document document, Microsoft.CodeAnalysis.Text.TextSpan read, Microsoft.CodeAnalysis.Text.TextSpan consumer, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || read.End > root.FullSpan.End || consumer.End > root.FullSpan.End)
            {
                return false;
            }

            return root.FindNode(read, getInnermostNodeForTie: true).FirstAncestorOrSelf<StatementSyntax>() is { Parent: BlockSyntax or SwitchSectionSyntax } statement
                && statement.Parent.Span.Contains(consumer)
                && consumer.Start >= statement.Span.End;
        }

        private static bool IsDecoded(Diagnostic diagnostic)
            => diagnostic.Properties.TryGetValue(SOCK012WholeBufferConsumedAnalyzer.FormKey, out var form) && form == SOCK012WholeBufferConsumedAnalyzer.Decoded;

        /// <summary>A whole consumer after a read whose count is discarded: the analyzer gave the read's place, and no count.</summary>
        private static bool IsCountDiscarded(Diagnostic diagnostic)
            => !IsDecoded(diagnostic)
                && !diagnostic.Properties.ContainsKey(SOCK012WholeBufferConsumedAnalyzer.CountKey)
                && diagnostic.Properties.ContainsKey(SOCK012WholeBufferConsumedAnalyzer.ReadBackKey);

        internal static async Task<Document?> FixAsync(Document document, Diagnostic diagnostic, string key, CancellationToken cancellationToken)
        {
            if (key == ReadAtLeastKey)
            {
                return IsDecoded(diagnostic) ? await ReadAtLeastAsync(document, diagnostic, cancellationToken).ConfigureAwait(false) : null;
            }

            if (key == CaptureCountKey)
            {
                return IsCountDiscarded(diagnostic) && ReadSpan(diagnostic) is { } read
                    && await CountReachesConsumerAsync(document, read, diagnostic.Location.SourceSpan, cancellationToken).ConfigureAwait(false)
                    ? await SOCK010DiscardedReadCountCodeFixProvider.CaptureAtAsync(document, read, cancellationToken).ConfigureAwait(false)
                    : null;
            }

            if (key != UseCountKey
                || !diagnostic.Properties.TryGetValue(SOCK012WholeBufferConsumedAnalyzer.CountKey, out var countText) || countText is null
                || !diagnostic.Properties.TryGetValue(SOCK012WholeBufferConsumedAnalyzer.BufferKey, out var bufferName) || bufferName is null)
            {
                return null;
            }

            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || model is null || diagnostic.Location.SourceSpan.End > root.FullSpan.End)
            {
                return null;
            }

            var consumer = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)
                .AncestorsAndSelf()
                .FirstOrDefault(n => n is InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax && n.Span == diagnostic.Location.SourceSpan);
            if (consumer is null)
            {
                return null;
            }

            // The count's variable must be the one in scope here, and assigned on every path to here: a read in a try whose
            // catch falls through, or in one branch only, may leave it unassigned (CS0165).
            var countRoot = countText.Split('.')[0];
            if (model.LookupSymbols(consumer.SpanStart, name: countRoot).FirstOrDefault(s => s is ILocalSymbol) is not ILocalSymbol countLocal
                || consumer.FirstAncestorOrSelf<StatementSyntax>() is not { } statement
                || !AssignedOnEntry(model, statement, countLocal))
            {
                return null;
            }

            var count = ParseExpression(countText);
            foreach (var candidate in Candidates(consumer, bufferName, count))
            {
                var info = model.GetSpeculativeSymbolInfo(consumer.SpanStart, candidate, SpeculativeBindingOption.BindAsExpression);
                if (info.Symbol is IMethodSymbol method && KeepsMeaning(method))
                {
                    var newRoot = root.ReplaceNode(consumer, candidate.WithTriviaFrom(consumer).WithAdditionalAnnotations(Microsoft.CodeAnalysis.Formatting.Formatter.Annotation));
                    return await ReadFixSyntax.FinishAsync(document, newRoot, cancellationToken).ConfigureAwait(false);
                }
            }

            return null;
        }

        /// <summary>
        /// The decoded form (<c>int n = stream.Read(header, 0, header.Length); if (n == 0) … ReadInt32BigEndian(header)</c>):
        /// the read becomes <c>stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false)</c>, which returns once
        /// all the bytes have arrived, or fewer (0 before any) when the stream ends: the code's test of the count keeps its
        /// meaning. A slice (<c>header.AsSpan(0, 4)</c>) when the read asked for a part of the buffer. Only on a stream whose
        /// framework has <c>ReadAtLeast</c> (.NET 7+), for a read whose count the code keeps, from offset 0.
        /// </summary>
        private static async Task<Document?> ReadAtLeastAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (ReadSpan(diagnostic) is not { } span)
            {
                return null;
            }

            var site = await ReadSite.FindAsync(document, span, cancellationToken).ConfigureAwait(false);
            if (site is null
                || site.Read.Api.Owner != ReadOwner.Stream || site.Read.Api.Name is not ("Read" or "ReadAsync")
                || site.Shape is ReadStatementShape.ExpressionStatement or ReadStatementShape.DiscardAssignment
                || site.Syntax.Expression is not MemberAccessExpressionSyntax access
                || site.Read.Buffer?.Syntax is not ExpressionSyntax bufferSyntax
                || (site.Read.Offset is { } offset && offset.ConstantValue is not { HasValue: true, Value: 0 }))
            {
                return null;
            }

            var isAsync = site.Read.Api.IsAsync;
            var buffer = bufferSyntax.WithoutTrivia();
            if (buffer is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "AsSpan" or "AsMemory" } whole, ArgumentList.Arguments.Count: 0 })
            {
                buffer = whole.Expression.WithoutTrivia();
            }
            else if (buffer is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax } }
                && site.Read.Offset is null
                && ReadBody.ViewFromStart(site.Read.Buffer.WalkDownConversions(), site.Reads.Symbols.Framework, out var viewLength) is not null
                && viewLength is { Syntax: ExpressionSyntax lengthSyntax } && (viewLength.ConstantValue.HasValue || lengthSyntax is IdentifierNameSyntax))
            {
                // A read into a view from the array's start (header.AsMemory(0, 4)): that view, at least its length.
                return await ReplaceReadAsync(document, site, access, isAsync, buffer, lengthSyntax.WithoutTrivia(), cancellationToken).ConfigureAwait(false);
            }

            if (buffer is not (IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax }))
            {
                return null;
            }

            ExpressionSyntax target;
            ExpressionSyntax minimum;
            var size = site.Read.Count?.Syntax as ExpressionSyntax;
            var bufferLength = MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, buffer, IdentifierName("Length"));
            if (size is null || size.WithoutTrivia().ToString() == bufferLength.ToString())
            {
                target = buffer;
                minimum = bufferLength;
            }
            else if (site.Read.Count!.ConstantValue.HasValue || size is IdentifierNameSyntax)
            {
                target = InvocationExpression(
                    MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, buffer, IdentifierName(isAsync ? "AsMemory" : "AsSpan")),
                    ArgumentList(SeparatedList(new[] { Argument(LiteralExpression(SyntaxKind.NumericLiteralExpression, Literal(0))), Argument(size.WithoutTrivia()) })));
                minimum = size.WithoutTrivia();
            }
            else
            {
                return null;
            }

            return await ReplaceReadAsync(document, site, access, isAsync, target, minimum, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>The read becomes <c>ReadAtLeast(Async)(target, minimum, throwOnEndOfStream: false[, cancellationToken: token])</c>, when that binds.</summary>
        private static async Task<Document?> ReplaceReadAsync(Document document, ReadSite site, MemberAccessExpressionSyntax access, bool isAsync, ExpressionSyntax target, ExpressionSyntax minimum, CancellationToken cancellationToken)
        {
            var arguments = new List<ArgumentSyntax>
            {
                Argument(target),
                Argument(minimum),
                Argument(NameColon("throwOnEndOfStream"), default, LiteralExpression(SyntaxKind.FalseLiteralExpression)),
            };
            if (isAsync)
            {
                // The token, if the read was given one.
                foreach (var argument in site.Invocation.Arguments)
                {
                    if (!argument.IsImplicit && argument.Parameter?.Type.Name == "CancellationToken" && argument.Syntax is ArgumentSyntax token)
                    {
                        arguments.Add(Argument(NameColon("cancellationToken"), default, token.Expression.WithoutTrivia()));
                    }
                }
            }

            var name = isAsync ? "ReadAtLeastAsync" : "ReadAtLeast";
            var replacement = site.Syntax
                .WithExpression(access.WithName(IdentifierName(name)))
                .WithArgumentList(ArgumentList(SeparatedList(arguments)));
            var info = site.Model.GetSpeculativeSymbolInfo(site.Syntax.SpanStart, replacement, SpeculativeBindingOption.BindAsExpression);
            if (info.Symbol is not IMethodSymbol { Name: var bound } || bound != name)
            {
                return null;
            }

            var newRoot = site.Root.ReplaceNode(site.Syntax, replacement.WithTriviaFrom(site.Syntax).WithAdditionalAnnotations(Microsoft.CodeAnalysis.Formatting.Formatter.Annotation));
            return await ReadFixSyntax.FinishAsync(document, newRoot, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Where the read is, from <see cref="SOCK012WholeBufferConsumedAnalyzer.ReadBackKey"/> and <see cref="SOCK012WholeBufferConsumedAnalyzer.ReadLengthKey"/>.</summary>
        private static Microsoft.CodeAnalysis.Text.TextSpan? ReadSpan(Diagnostic diagnostic)
            => diagnostic.Properties.TryGetValue(SOCK012WholeBufferConsumedAnalyzer.ReadBackKey, out var backText)
                && int.TryParse(backText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var back)
                && diagnostic.Properties.TryGetValue(SOCK012WholeBufferConsumedAnalyzer.ReadLengthKey, out var lengthText)
                && int.TryParse(lengthText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var length)
                && diagnostic.Location.SourceSpan.Start - back >= 0
                    ? new Microsoft.CodeAnalysis.Text.TextSpan(diagnostic.Location.SourceSpan.Start - back, length)
                    : null;

        private static IEnumerable<ExpressionSyntax> Candidates(SyntaxNode consumer, string buffer, ExpressionSyntax count)
        {
            var zero = LiteralExpression(SyntaxKind.NumericLiteralExpression, Literal(0));

            // buf.AsSpan().ToArray() and buf.ToArray()
            if (consumer is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation && invocation.ArgumentList.Arguments.Count == 0)
            {
                if (IsWholeView(access.Expression, buffer, out var view))
                {
                    yield return invocation.WithExpression(access.WithExpression(WithRange(view!, zero, count)));
                }
                else if (TailUpToCount(access.Expression, buffer, count) is { } tail)
                {
                    // buf.AsSpan(4).ToArray() → buf.AsSpan(4, n - 4).ToArray()
                    yield return invocation.WithExpression(access.WithExpression(tail));
                }
                else if (IsBuffer(access.Expression, buffer))
                {
                    yield return invocation.WithExpression(access.WithExpression(Slice(access.Expression, "AsSpan", zero, count)));

                    // memory.ToArray() of a Memory<byte> buffer: memory.Slice(0, n).ToArray().
                    yield return invocation.WithExpression(access.WithExpression(Slice(access.Expression, "Slice", zero, count)));
                }
                else if (IsFilteredBuffer(access.Expression, buffer, out var filter))
                {
                    // buf.Where(c => c != '\0').ToArray() → buf.Take(n).Where(c => c != '\0').ToArray()
                    yield return invocation.WithExpression(access.WithExpression(TakeReceived(filter!, count)));
                }

                yield break;
            }

            var arguments = consumer switch
            {
                InvocationExpressionSyntax i => i.ArgumentList,
                BaseObjectCreationExpressionSyntax o => o.ArgumentList,
                _ => null,
            };
            if (arguments is null)
            {
                yield break;
            }

            var list = arguments.Arguments;
            for (var i = 0; i < list.Count; i++)
            {
                var expression = list[i].Expression;
                if (IsWholeView(expression, buffer, out var view))
                {
                    yield return With(consumer, arguments, list.Replace(list[i], list[i].WithExpression(WithRange(view!, zero, count))));
                    continue;
                }

                if (TailUpToCount(expression, buffer, count) is { } tailView)
                {
                    // GetString(buf.AsSpan(4)) → GetString(buf.AsSpan(4, n - 4)); stream.Write(buf[2..]) → stream.Write(buf[2..n])
                    yield return With(consumer, arguments, list.Replace(list[i], list[i].WithExpression(tailView)));
                    continue;
                }

                if (expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Span", Expression: IdentifierNameSyntax memory } && memory.Identifier.ValueText == buffer)
                {
                    // GetString(memory.Span) of a Memory<byte> buffer → GetString(memory.Span.Slice(0, n))
                    yield return With(consumer, arguments, list.Replace(list[i], list[i].WithExpression(Slice(expression, "Slice", zero, count))));
                    continue;
                }

                if (IsFilteredBuffer(expression, buffer, out var filtered))
                {
                    // String.Join("", chars.Where(c => c != '\0')) → String.Join("", chars.Take(n).Where(c => c != '\0'))
                    yield return With(consumer, arguments, list.Replace(list[i], list[i].WithExpression(TakeReceived(filtered!, count))));
                    continue;
                }

                if (!IsBuffer(expression, buffer))
                {
                    continue;
                }

                // (buf, 4, buf.Length - 4) → (buf, 4, n - 4): the tail from a start, up to the count.
                // The start may be any constant the analyzer saw subtracted (a literal, or a const such as HeaderSize).
                if (i + 2 < list.Count && TailLength(list[i + 2].Expression, list[i + 1].Expression, buffer) is { } rest)
                {
                    var received = Operand(count);
                    yield return With(consumer, arguments, list.Replace(list[i + 2], list[i + 2].WithExpression(rest.WithLeft(received.WithTriviaFrom(rest.Left)))));
                    continue;
                }

                // (buf, 0, buf.Length) → (buf, 0, n); (buf, buf.Length, …) → (buf, n, …); also the size buf was made with.
                if (i + 2 < list.Count && (IsLengthOf(list[i + 2].Expression, buffer) || IsMadeSizeOf(list[i + 2].Expression, buffer, consumer)))
                {
                    yield return With(consumer, arguments, list.Replace(list[i + 2], list[i + 2].WithExpression(count)));
                }
                else if (i + 1 < list.Count && (IsLengthOf(list[i + 1].Expression, buffer) || IsMadeSizeOf(list[i + 1].Expression, buffer, consumer)))
                {
                    yield return With(consumer, arguments, list.Replace(list[i + 1], list[i + 1].WithExpression(count)));
                }
                else
                {
                    yield return With(consumer, arguments, list.InsertRange(i + 1, new[] { Argument(zero), Argument(count) }));
                    yield return With(consumer, arguments, list.Replace(list[i], list[i].WithExpression(Slice(expression, "AsSpan", zero, count))));
                    yield return With(consumer, arguments, list.Replace(list[i], list[i].WithExpression(Slice(expression, "AsMemory", zero, count))));
                    yield return With(consumer, arguments, list.Replace(list[i], list[i].WithExpression(Slice(expression, "Slice", zero, count))));

                    // Socket.Send(buf) on a framework without spans: Send(buf, 0, n, SocketFlags.None).
                    if (i + 1 == list.Count)
                    {
                        yield return With(consumer, arguments, list.AddRange(new[] { Argument(zero), Argument(count), Argument(ParseExpression("SocketFlags.None")) }));
                    }
                }
            }
        }

        /// <summary>
        /// A candidate that binds only to a method taking <c>object</c> or a <c>params</c> array takes the slice or the
        /// added count as objects to format: <c>String.Join("", chars, 0, n)</c> is <c>Join(string, params object[])</c>,
        /// "System.Char[]0" and the count, and <c>Console.WriteLine(chars.AsMemory(0, n))</c> prints the type's name. Never
        /// the same meaning.
        /// </summary>
        private static bool KeepsMeaning(IMethodSymbol method)
        {
            foreach (var parameter in method.Parameters)
            {
                if (parameter.IsParams || parameter.Type.SpecialType == SpecialType.System_Object)
                {
                    return false;
                }
            }

            return true;
        }

        private static ExpressionSyntax With(SyntaxNode consumer, ArgumentListSyntax arguments, SeparatedSyntaxList<ArgumentSyntax> list)
            => (ExpressionSyntax)consumer.ReplaceNode(arguments, arguments.WithArguments(list));

        private static bool IsBuffer(ExpressionSyntax expression, string buffer)
            => expression switch
            {
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText == buffer,
                // this.buffer; state.buffer, the state object's buffer of a receive callback.
                MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax or IdentifierNameSyntax, Name: IdentifierNameSyntax name } => name.Identifier.ValueText == buffer,
                _ => false,
            };

        /// <summary><c>buf.Where(…)</c>: a LINQ filter of the whole buffer.</summary>
        private static bool IsFilteredBuffer(ExpressionSyntax expression, string buffer, out InvocationExpressionSyntax? filter)
        {
            filter = expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Where" } access, ArgumentList.Arguments.Count: 1 } call
                && IsBuffer(access.Expression, buffer) ? call : null;
            return filter is not null;
        }

        /// <summary><c>buf.Where(…)</c> → <c>buf.Take(n).Where(…)</c>: the filter looks only at what the read gave.</summary>
        private static ExpressionSyntax TakeReceived(InvocationExpressionSyntax filter, ExpressionSyntax count)
        {
            var access = (MemberAccessExpressionSyntax)filter.Expression;
            var take = InvocationExpression(
                MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, access.Expression.WithoutTrivia(), IdentifierName("Take")),
                ArgumentList(SingletonSeparatedList(Argument(count))));
            return filter.WithExpression(access.WithExpression(take));
        }

        private static bool IsLengthOf(ExpressionSyntax expression, string buffer)
            => expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Length" } access && IsBuffer(access.Expression, buffer);

        /// <summary>
        /// <paramref name="expression"/> (a name or a literal) is written as the size in the declaration of the local
        /// <paramref name="buffer"/> in the member around <paramref name="consumer"/> (<c>var buf = new byte[size];</c>): the
        /// analyzer reported this consumer because that size is the buffer's length.
        /// </summary>
        private static bool IsMadeSizeOf(ExpressionSyntax expression, string buffer, SyntaxNode consumer)
        {
            if (expression is not (IdentifierNameSyntax or LiteralExpressionSyntax)
                || consumer.FirstAncestorOrSelf<MemberDeclarationSyntax>() is not { } member)
            {
                return false;
            }

            foreach (var declarator in member.DescendantNodes().OfType<VariableDeclaratorSyntax>())
            {
                if (declarator.Identifier.ValueText == buffer
                    && declarator.Initializer?.Value is ArrayCreationExpressionSyntax { Type.RankSpecifiers: { Count: 1 } ranks }
                    && ranks[0].Sizes.Count == 1
                    && ranks[0].Sizes[0].WithoutTrivia().ToString() == expression.WithoutTrivia().ToString())
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary><c>buf.AsSpan()</c>, <c>buf.AsMemory()</c>, <c>new ArraySegment&lt;byte&gt;(buf)</c>.</summary>
        private static bool IsWholeView(ExpressionSyntax expression, string buffer, out ExpressionSyntax? view)
        {
            view = null;
            switch (expression)
            {
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "AsSpan" or "AsMemory" } access, ArgumentList.Arguments.Count: 0 } call
                    when IsBuffer(access.Expression, buffer):
                    view = call;
                    return true;
                case ObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: 1 } creation when IsBuffer(creation.ArgumentList.Arguments[0].Expression, buffer):
                    view = creation;
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>The count as the left operand of a subtraction: parenthesized unless it is a name, a call or a literal.</summary>
        private static ExpressionSyntax Operand(ExpressionSyntax count)
            => count is IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or LiteralExpressionSyntax
                ? count
                : ParenthesizedExpression(count);

        /// <summary>
        /// A view of the buffer from a start to its end, made to end at the count: <c>buf.AsSpan(4)</c> → <c>buf.AsSpan(4, n - 4)</c>,
        /// <c>buf.AsMemory(4, buf.Length - 4)</c> → <c>buf.AsMemory(4, n - 4)</c>, <c>new ArraySegment&lt;byte&gt;(buf, 4,
        /// buf.Length - 4)</c> → <c>(buf, 4, n - 4)</c>, <c>buf[4..]</c> → <c>buf[4..n]</c>. Null for anything else.
        /// </summary>
        private static ExpressionSyntax? TailUpToCount(ExpressionSyntax expression, string buffer, ExpressionSyntax count)
        {
            switch (expression)
            {
                case ElementAccessExpressionSyntax { ArgumentList.Arguments.Count: 1 } element
                    when element.ArgumentList.Arguments[0].Expression is RangeExpressionSyntax { LeftOperand: { } tailFrom, RightOperand: null } range
                        && IsBuffer(element.Expression, buffer) && tailFrom is not PrefixUnaryExpressionSyntax:
                    return element.ReplaceNode(range, range.WithRightOperand(count.WithoutTrivia()));
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "AsSpan" or "AsMemory" } access, ArgumentList.Arguments.Count: 1 } call
                    when IsBuffer(access.Expression, buffer) && call.ArgumentList.Arguments[0].Expression is not RangeExpressionSyntax:
                    return call.WithArgumentList(call.ArgumentList.AddArguments(Argument(
                        BinaryExpression(SyntaxKind.SubtractExpression, Operand(count.WithoutTrivia()), call.ArgumentList.Arguments[0].Expression.WithoutTrivia()))));
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "AsSpan" or "AsMemory" } access, ArgumentList.Arguments.Count: 2 } call
                    when IsBuffer(access.Expression, buffer)
                        && TailLength(call.ArgumentList.Arguments[1].Expression, call.ArgumentList.Arguments[0].Expression, buffer) is { } rest:
                    return call.ReplaceNode(rest.Left, Operand(count).WithTriviaFrom(rest.Left));
                case ObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: 3 } creation
                    when IsBuffer(creation.ArgumentList.Arguments[0].Expression, buffer)
                        && TailLength(creation.ArgumentList.Arguments[2].Expression, creation.ArgumentList.Arguments[1].Expression, buffer) is { } rest:
                    return creation.ReplaceNode(rest.Left, Operand(count).WithTriviaFrom(rest.Left));
                default:
                    return null;
            }
        }

        /// <summary><c>buf.Length - k</c> after the start <c>k</c>: the length to the buffer's end.</summary>
        private static BinaryExpressionSyntax? TailLength(ExpressionSyntax length, ExpressionSyntax start, string buffer)
            => length is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.SubtractExpression } rest && IsLengthOf(rest.Left, buffer)
                && rest.Right.IsEquivalentTo(start, topLevel: false)
                    ? rest
                    : null;

        private static ExpressionSyntax WithRange(ExpressionSyntax view, ExpressionSyntax start, ExpressionSyntax count)
            => view switch
            {
                InvocationExpressionSyntax call => call.WithArgumentList(ArgumentList(SeparatedList(new[] { Argument(start), Argument(count) }))),
                ObjectCreationExpressionSyntax creation => creation.WithArgumentList(creation.ArgumentList!.AddArguments(Argument(start), Argument(count))),
                _ => view,
            };

        private static ExpressionSyntax Slice(ExpressionSyntax buffer, string method, ExpressionSyntax start, ExpressionSyntax count)
            => InvocationExpression(
                MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, buffer.WithoutTrivia(), IdentifierName(method)),
                ArgumentList(SeparatedList(new[] { Argument(start), Argument(count) })));
    }
}
