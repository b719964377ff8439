using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.ByteOrder;

namespace SocketAnalyzers.CodeFixes.ByteOrder
{
    /// <summary>
    /// SOCK023: converts the number at its own width, by casting the conversion's argument to the half-width type
    /// (<c>IPAddress.HostToNetworkOrder(port)</c> → <c>IPAddress.HostToNetworkOrder((short)port)</c>; a widening cast
    /// already there is replaced). The overload of that width is then chosen, and its result, cast or turned into bytes as
    /// before, holds the number. It changes what the code sends (the number instead of zeros), as the title says. The cast
    /// is wrapped in <c>unchecked(…)</c> where a value above the signed type's range would otherwise throw or not compile.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SOCK023ConversionWiderThanNumberCodeFixProvider))]
    public sealed class SOCK023ConversionWiderThanNumberCodeFixProvider : CodeFixProvider
    {
        public const string EquivalenceKey = "SOCK023.ConvertAtItsWidth";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.ConversionWiderThanNumber);

        private static readonly FixAllProvider FixAll = PerDiagnosticFixAll.Create(FixAsync, EquivalenceKey);

        public override FixAllProvider GetFixAllProvider() => FixAll;

        public override Task RegisterCodeFixesAsync(CodeFixContext context)
            => CodeFixHelpers.RegisterOneFixEachAsync(
                context,
                this,
                diagnostic => diagnostic.Properties.ContainsKey(SOCK023ConversionWiderThanNumberAnalyzer.NoFixProperty) ? null : EquivalenceKey,
                FixAsync,
                (diagnostic, _) => $"Convert it as {SOCK023ConversionWiderThanNumberAnalyzer.WithArticle(NarrowType(diagnostic))} (changes the result: the number instead of zeros)");

        private static string NarrowType(Diagnostic diagnostic)
            => diagnostic.Properties.TryGetValue(SOCK023ConversionWiderThanNumberAnalyzer.NarrowTypeProperty, out var type) && type is not null ? type : "short";

        internal static async Task<Document?> FixAsync(Document document, Diagnostic diagnostic, string key, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (key != EquivalenceKey || diagnostic.Properties.ContainsKey(SOCK023ConversionWiderThanNumberAnalyzer.NoFixProperty) || root is null || model is null || !root.FullSpan.Contains(diagnostic.Location.SourceSpan)
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not InvocationExpressionSyntax invocation
                || model.GetOperation(invocation, cancellationToken) is not IInvocationOperation conversion
                || conversion.Arguments.Length != 1
                || conversion.Arguments[0].Syntax is not ArgumentSyntax argument)
            {
                return null;
            }

            var narrow = NarrowType(diagnostic);
            var half = narrow is "short" or "ushort" ? 2 : 4;

            // The number itself: the argument without a widening cast the code wrote ((int)sport).
            var value = conversion.Arguments[0].Value;
            var operandSyntax = argument.Expression;
            if (value is IConversionOperation { IsImplicit: false, Operand: { } operand } widening
                && SOCK023ConversionWiderThanNumberAnalyzer.WidthOf(operand.Type) is > 0 and var from && from <= half
                && from < SOCK023ConversionWiderThanNumberAnalyzer.WidthOf(widening.Type)
                && operand.Syntax is ExpressionSyntax inner)
            {
                operandSyntax = inner;
            }

            ExpressionSyntax operandExpression = operandSyntax.WithoutTrivia();
            if (operandExpression is not (IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or LiteralExpressionSyntax
                or ElementAccessExpressionSyntax or ParenthesizedExpressionSyntax or ThisExpressionSyntax))
            {
                operandExpression = SyntaxFactory.ParenthesizedExpression(operandExpression);
            }

            // A number of the half-width type already (a widened int for the long overload) needs no cast, and never a
            // check for overflow.
            var operandType = value is IConversionOperation { Operand.Type: { } before } conversionOfNumber
                && (conversionOfNumber.IsImplicit || operandSyntax != argument.Expression) ? before : value.Type;
            ExpressionSyntax replacement;
            if (operandType is not null && operandType.SpecialType == SpecialOf(narrow))
            {
                replacement = operandSyntax.WithoutTrivia();
            }
            else
            {
                replacement = SyntaxFactory.CastExpression(SyntaxFactory.ParseTypeName(narrow), operandExpression);
            }

            if (replacement is CastExpressionSyntax && NeedsUnchecked(model, argument, value, narrow))
            {
                replacement = SyntaxFactory.CheckedExpression(SyntaxKind.UncheckedExpression, replacement);
            }

            return document.WithSyntaxRoot(root.ReplaceNode(argument.Expression, replacement.WithTriviaFrom(argument.Expression)));
        }

        /// <summary>
        /// True when the cast could overflow where overflow is checked, or is a constant outside the type's range (which does
        /// not compile without <c>unchecked</c>).
        /// </summary>
        private static bool NeedsUnchecked(SemanticModel model, SyntaxNode at, IOperation value, string narrow)
        {
            if (value.ConstantValue is { HasValue: true, Value: { } constant })
            {
                var number = System.Convert.ToInt64(constant, System.Globalization.CultureInfo.InvariantCulture);
                return narrow switch
                {
                    "short" => number < short.MinValue || number > short.MaxValue,
                    "ushort" => number < ushort.MinValue || number > ushort.MaxValue,
                    "int" => number < int.MinValue || number > int.MaxValue,
                    _ => number < uint.MinValue || number > uint.MaxValue,
                };
            }

            foreach (var ancestor in at.Ancestors())
            {
                switch (ancestor)
                {
                    case CheckedExpressionSyntax expression:
                        return expression.IsKind(SyntaxKind.CheckedExpression);
                    case CheckedStatementSyntax statement:
                        return statement.IsKind(SyntaxKind.CheckedStatement);
                }
            }

            return model.Compilation.Options.CheckOverflow;
        }

        private static SpecialType SpecialOf(string keyword) => keyword switch
        {
            "ushort" => SpecialType.System_UInt16,
            "int" => SpecialType.System_Int32,
            "uint" => SpecialType.System_UInt32,
            _ => SpecialType.System_Int16,
        };
    }
}
