using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SocketAnalyzers.Addressing;

namespace SocketAnalyzers.CodeFixes.Addressing
{
    /// <summary>
    /// SOCK030, when the wrong address is written at the call: a well-known address becomes the same one of the
    /// socket's family (<c>IPAddress.IPv6Loopback</c> → <c>IPAddress.Loopback</c>, <c>IPv6Any</c> → <c>Any</c>, and the
    /// reverse); the first DNS address (<c>addresses[0]</c>) becomes the first one of the socket's family
    /// (<c>Array.Find(addresses, a =&gt; a.AddressFamily == …)</c>, null when DNS returned none: the title says so).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SOCK030AddressFamilyMismatchCodeFixProvider))]
    public sealed class SOCK030AddressFamilyMismatchCodeFixProvider : CodeFixProvider
    {
        public const string WellKnownKey = "SOCK030.SameAddressOfTheSocketsFamily";
        public const string FindKey = "SOCK030.FirstAddressOfTheSocketsFamily";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.AddressFamilyMismatch);

        private static readonly FixAllProvider FixAll = PerDiagnosticFixAll.Create(FixAsync, WellKnownKey, FindKey);

        /// <summary>One Fix All for both shapes: each finding gets the one its code allows (see <see cref="PerDiagnosticFixAll"/>).</summary>
        public override FixAllProvider GetFixAllProvider() => FixAll;

        public override Task RegisterCodeFixesAsync(CodeFixContext context)
            => CodeFixHelpers.RegisterOneFixEachAsync(
                context,
                this,
                diagnostic => Fix(diagnostic) is { } fix ? (fix is "FindV4" or "FindV6" ? FindKey : WellKnownKey) : null,
                FixAsync,
                (diagnostic, key) => key == FindKey
                    ? $"Use the first {(Fix(diagnostic) == "FindV4" ? "IPv4" : "IPv6")} address DNS returned (null when there is none)"
                    : $"Use IPAddress.{Fix(diagnostic)}, of the socket's family");

        private static string? Fix(Diagnostic diagnostic)
            => diagnostic.Properties.TryGetValue(AddressingChecks.FixProperty, out var fix) ? fix : null;

        /// <summary>The fix of <paramref name="key"/>'s shape for <paramref name="diagnostic"/>, or null when that shape does not apply to it.</summary>
        internal static async Task<Document?> FixAsync(Document document, Diagnostic diagnostic, string key, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || model is null || !root.FullSpan.Contains(diagnostic.Location.SourceSpan)
                || !diagnostic.Properties.TryGetValue(AddressingChecks.FixProperty, out var fix) || fix is null
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { } invocation)
            {
                return null;
            }

            if (fix is "FindV4" or "FindV6")
            {
                return key == FindKey && FindFirst(invocation, model, cancellationToken) is { } first
                    ? await FindAsync(document, first, fix == "FindV4" ? "InterNetwork" : "InterNetworkV6", model, cancellationToken).ConfigureAwait(false)
                    : null;
            }

            var wrong = fix switch
            {
                "Loopback" => "IPv6Loopback",
                "IPv6Loopback" => "Loopback",
                "Any" => "IPv6Any",
                _ => "Any",
            };
            return key == WellKnownKey && AddressFixes.FindWellKnown(invocation, wrong, model, cancellationToken) is { } access
                ? await AddressFixes.RenameAsync(document, access, fix, cancellationToken).ConfigureAwait(false)
                : null;
        }

        /// <summary><c>list[0]</c> written in the endpoint argument (or as the address of a <c>new IPEndPoint</c> there), when the name of the lambda's parameter is free.</summary>
        private static ElementAccessExpressionSyntax? FindFirst(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
        {
            foreach (var argument in invocation.ArgumentList.Arguments)
            {
                var expression = argument.Expression;
                if (expression is BaseObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: 2 } creation)
                {
                    expression = creation.ArgumentList.Arguments[0].Expression;
                }

                if (expression is ElementAccessExpressionSyntax { ArgumentList.Arguments.Count: 1 } access
                    && access.ArgumentList.Arguments[0].Expression is LiteralExpressionSyntax { Token.ValueText: "0" }
                    && model.GetTypeInfo(access.Expression, cancellationToken).Type is IArrayTypeSymbol
                    && model.LookupSymbols(access.SpanStart, name: "address").IsEmpty)
                {
                    return access;
                }
            }

            return null;
        }

        private static async Task<Document> FindAsync(Document document, ElementAccessExpressionSyntax first, string family, SemanticModel model, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var addressFamily = model.Compilation.GetTypeByMetadataName("System.Net.Sockets.AddressFamily");
            if (root is null || addressFamily is null)
            {
                return document;
            }

            var array = model.Compilation.GetSpecialType(SpecialType.System_Array).ToMinimalDisplayString(model, first.SpanStart);
            var familyName = addressFamily.ToMinimalDisplayString(model, first.SpanStart);
            var replacement = SyntaxFactory.ParseExpression(
                    $"{array}.Find({first.Expression.WithoutTrivia().ToFullString()}, address => address.AddressFamily == {familyName}.{family})")
                .WithTriviaFrom(first);
            return document.WithSyntaxRoot(root.ReplaceNode(first, replacement));
        }
    }
}
