using System;
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
using Microsoft.CodeAnalysis.Editing;

namespace SocketAnalyzers.CodeFixes.ByteOrder
{
    /// <summary>One fix a byte-order provider offers for one diagnostic: a stable key, a title, and the edit.</summary>
    internal sealed class ByteOrderFixOffer
    {
        public ByteOrderFixOffer(string key, string title, Action<DocumentEditor, ISet<string>> apply)
        {
            Key = key;
            Title = title;
            Apply = apply;
        }

        public string Key { get; }

        public string Title { get; }

        /// <summary>Makes the edit in the editor and names the namespaces the new code needs.</summary>
        public Action<DocumentEditor, ISet<string>> Apply { get; }
    }

    /// <summary>What a provider sees of one diagnostic: the reported invocation and the semantic model.</summary>
    internal sealed class ByteOrderFixInput
    {
        public ByteOrderFixInput(Diagnostic diagnostic, InvocationExpressionSyntax invocation, SemanticModel model)
        {
            Diagnostic = diagnostic;
            Invocation = invocation;
            Model = model;
        }

        public Diagnostic Diagnostic { get; }

        public InvocationExpressionSyntax Invocation { get; }

        public SemanticModel Model { get; }

        public string? Property(string name) => Diagnostic.Properties.TryGetValue(name, out var value) ? value : null;

        /// <summary>True when <c>BinaryPrimitives</c> has a method of that name (it lacks some on older frameworks).</summary>
        public bool HasBinaryPrimitives(string method)
            => Model.Compilation.GetTypeByMetadataName("System.Buffers.Binary.BinaryPrimitives") is { } type && type.GetMembers(method).Length > 0;

        /// <summary>True when <c>MemoryExtensions.AsSpan</c> is there (System.Memory).</summary>
        public bool HasAsSpan => Model.Compilation.GetTypeByMetadataName("System.MemoryExtensions") is { } type && type.GetMembers("AsSpan").Length > 0;

        public bool HasBitConverter(string method)
            => Model.Compilation.GetTypeByMetadataName("System.BitConverter") is { } type && type.GetMembers(method).Length > 0;
    }

    /// <summary>
    /// The shape shared by the SOCK020 and SOCK021 fixes: offers come from <see cref="Offers"/>; the code action and
    /// the document-level Fix All both apply the chosen offer through one <see cref="DocumentEditor"/>, then add the
    /// <c>using</c> directives the new code needs once.
    /// </summary>
    public abstract class ByteOrderCodeFix : CodeFixProvider
    {
        public const string BinaryPrimitivesNamespace = "System.Buffers.Binary";
        public const string IPAddressNamespace = "System.Net";

        internal abstract IEnumerable<ByteOrderFixOffer> Offers(ByteOrderFixInput input);

        public sealed override FixAllProvider GetFixAllProvider()
            => FixAllProvider.Create((context, document, diagnostics) => ApplyAsync(document, diagnostics, context.CodeActionEquivalenceKey, context.CancellationToken)!);

        public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                if (!CodeFixHelpers.IsFixableBy(diagnostic, this))
                {
                    continue;
                }

                var input = await LoadAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false);
                if (input is null)
                {
                    continue;
                }

                foreach (var offer in Offers(input))
                {
                    var key = offer.Key;
                    context.RegisterCodeFix(
                        CodeAction.Create(offer.Title, ct => ApplyAsync(context.Document, ImmutableArray.Create(diagnostic), key, ct), key),
                        diagnostic);
                }
            }
        }

        private async Task<Document> ApplyAsync(Document document, ImmutableArray<Diagnostic> diagnostics, string? key, CancellationToken cancellationToken)
        {
            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            var namespaces = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var diagnostic in diagnostics.OrderByDescending(d => d.Location.SourceSpan.Start))
            {
                var input = await LoadAsync(document, diagnostic, cancellationToken).ConfigureAwait(false);
                // The shape asked for where this finding has it, else the finding's first: one Fix All fixes every
                // finding, whichever finding's action it started from (see PerDiagnosticFixAll).
                var offers = input is null ? new List<ByteOrderFixOffer>() : Offers(input).ToList();
                var offer = offers.FirstOrDefault(o => o.Key == key) ?? offers.FirstOrDefault();
                offer?.Apply(editor, namespaces);
            }

            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var position = diagnostics.IsEmpty ? 0 : diagnostics[0].Location.SourceSpan.Start;
            namespaces.RemoveWhere(ns => model is not null && IsVisible(model, position, ns));
            var root = editor.GetChangedRoot();
            if (root is CompilationUnitSyntax unit)
            {
                root = AddUsings(unit, namespaces);
            }

            return document.WithSyntaxRoot(root);
        }

        private static async Task<ByteOrderFixInput?> LoadAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || model is null || !root.FullSpan.Contains(diagnostic.Location.SourceSpan))
            {
                return null;
            }

            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (node is ArgumentSyntax argument)
            {
                node = argument.Expression;
            }

            return node is InvocationExpressionSyntax invocation ? new ByteOrderFixInput(diagnostic, invocation, model) : null;
        }

        /// <summary>The type the new code names from each namespace it needs.</summary>
        private static readonly ImmutableDictionary<string, string> TypeNamedFrom = ImmutableDictionary.CreateRange(new[]
        {
            new KeyValuePair<string, string>(BinaryPrimitivesNamespace, "BinaryPrimitives"),
            new KeyValuePair<string, string>(IPAddressNamespace, "IPAddress"),
        });

        /// <summary>True when the type the code needs from <paramref name="ns"/> already binds by its simple name at
        /// <paramref name="position"/> (a using in the file, a global using elsewhere, an enclosing namespace).</summary>
        private static bool IsVisible(SemanticModel model, int position, string ns)
            => TypeNamedFrom.TryGetValue(ns, out var name)
                && model.LookupNamespacesAndTypes(position, name: name)
                    .Any(s => s is INamedTypeSymbol named && SymbolEqualityComparer.Default.Equals(named, model.Compilation.GetTypeByMetadataName(ns + "." + name)));

        /// <summary>Adds <c>using</c> directives for <paramref name="namespaces"/> that the file does not import yet, in order.</summary>
        internal static CompilationUnitSyntax AddUsings(CompilationUnitSyntax unit, IEnumerable<string> namespaces)
        {
            var imported = new HashSet<string>(
                unit.Usings.Concat(unit.Members.OfType<BaseNamespaceDeclarationSyntax>().SelectMany(n => n.Usings))
                    .Where(u => u.Alias is null && u.StaticKeyword.IsKind(SyntaxKind.None))
                    .Select(u => u.Name?.ToString() ?? string.Empty),
                StringComparer.Ordinal);
            foreach (var ns in namespaces)
            {
                if (imported.Contains(ns))
                {
                    continue;
                }

                var usings = unit.Usings;
                var newline = usings.Count > 0 ? usings.Last().GetTrailingTrivia() : SyntaxFactory.TriviaList(SyntaxFactory.LineFeed);
                var directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(ns).WithLeadingTrivia(SyntaxFactory.Space))
                    .WithTrailingTrivia(newline);
                var index = 0;
                while (index < usings.Count
                    && usings[index].Alias is null && usings[index].StaticKeyword.IsKind(SyntaxKind.None)
                    && string.CompareOrdinal(usings[index].Name?.ToString(), ns) < 0)
                {
                    index++;
                }

                if (index == 0 && usings.Count > 0)
                {
                    // Keep the file's leading trivia (comments, headers) in front of the first directive.
                    var first = usings[0];
                    directive = directive.WithLeadingTrivia(first.GetLeadingTrivia());
                    usings = usings.Replace(first, first.WithLeadingTrivia());
                }
                else if (usings.Count == 0)
                {
                    directive = directive.WithTrailingTrivia(SyntaxFactory.LineFeed, SyntaxFactory.LineFeed);
                }

                unit = unit.WithUsings(usings.Insert(index, directive));
                imported.Add(ns);
            }

            return unit;
        }

        /// <summary>The text of an expression as the operand of a cast: in parentheses unless it is primary or unary.</summary>
        internal static string CastOperand(ExpressionSyntax expression)
            => expression is CastExpressionSyntax or PrefixUnaryExpressionSyntax ? expression.WithoutTrivia().ToString() : Operand(expression);

        /// <summary>The text of an expression, in parentheses unless it is primary (a name, a call, a member access…).</summary>
        internal static string Operand(ExpressionSyntax expression)
        {
            var text = expression.WithoutTrivia().ToString();
            return expression is IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or ElementAccessExpressionSyntax
                or LiteralExpressionSyntax or ParenthesizedExpressionSyntax or ThisExpressionSyntax or CheckedExpressionSyntax or GenericNameSyntax
                or ObjectCreationExpressionSyntax or ImplicitObjectCreationExpressionSyntax
                ? text
                : "(" + text + ")";
        }

        /// <summary>A replacement for <paramref name="original"/>: parsed, in parentheses if the context binds tighter than a cast, with its trivia.</summary>
        internal static ExpressionSyntax Replacement(string code, ExpressionSyntax original)
        {
            var expression = SyntaxFactory.ParseExpression(code);
            if (expression is CastExpressionSyntax
                && original.Parent is MemberAccessExpressionSyntax or ElementAccessExpressionSyntax or ConditionalAccessExpressionSyntax or PostfixUnaryExpressionSyntax)
            {
                expression = SyntaxFactory.ParenthesizedExpression(expression);
            }

            return expression.WithTriviaFrom(original);
        }

        /// <summary>The argument for the parameter named <paramref name="name"/>, by name or position.</summary>
        internal static ArgumentSyntax? ArgumentFor(ByteOrderFixInput input, string name)
        {
            if (input.Model.GetSymbolInfo(input.Invocation).Symbol is not IMethodSymbol method)
            {
                return null;
            }

            var arguments = input.Invocation.ArgumentList.Arguments;
            for (var i = 0; i < arguments.Count; i++)
            {
                var parameterName = arguments[i].NameColon?.Name.Identifier.ValueText
                    ?? (i < method.Parameters.Length ? method.Parameters[i].Name : null);
                if (parameterName == name)
                {
                    return arguments[i];
                }
            }

            return null;
        }

        /// <summary>The BinaryPrimitives name a number type is read and written as (<c>char</c> goes as <c>UInt16</c>).</summary>
        internal static string PrimitiveName(string typeName) => typeName == "Char" ? "UInt16" : typeName;

        /// <summary>The size in bytes of a number type.</summary>
        internal static int SizeOf(string typeName) => typeName switch
        {
            "Int16" or "UInt16" or "Char" or "Half" => 2,
            "Int32" or "UInt32" or "Single" => 4,
            "Int64" or "UInt64" or "Double" => 8,
            _ => 16,
        };
    }
}
