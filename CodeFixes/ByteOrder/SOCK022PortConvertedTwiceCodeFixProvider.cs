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
using SocketAnalyzers.ByteOrder;
using SocketAnalyzers.Common;

namespace SocketAnalyzers.CodeFixes.ByteOrder
{
    /// <summary>
    /// SOCK022: removes the byte-order conversion of a port, and the casts it needed. When the conversion is the
    /// value of a local, the fix is offered only if every use of that local is a host-order port.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SOCK022PortConvertedTwiceCodeFixProvider))]
    public sealed class SOCK022PortConvertedTwiceCodeFixProvider : CodeFixProvider
    {
        public const string EquivalenceKey = "SOCK022.RemoveConversion";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.PortConvertedTwice);

        private static readonly FixAllProvider FixAll = PerDiagnosticFixAll.Create(FixAsync, EquivalenceKey);

        public override FixAllProvider GetFixAllProvider() => FixAll;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                if (!CodeFixHelpers.IsFixableBy(diagnostic, this)
                    || await FixAsync(context.Document, diagnostic, EquivalenceKey, context.CancellationToken).ConfigureAwait(false) is not { } changed)
                {
                    continue;
                }

                context.RegisterCodeFix(CodeAction.Create("Pass the port unconverted", _ => Task.FromResult(changed), EquivalenceKey), diagnostic);
            }
        }

        internal static async Task<Document?> FixAsync(Document document, Diagnostic diagnostic, string key, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (key != EquivalenceKey || root is null || model is null || !root.FullSpan.Contains(diagnostic.Location.SourceSpan)
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not InvocationExpressionSyntax conversionSyntax
                || model.GetOperation(conversionSyntax, cancellationToken) is not IInvocationOperation conversion
                || conversion.Arguments.Length != 1)
            {
                return null;
            }

            diagnostic.Properties.TryGetValue(SOCK022PortConvertedTwiceAnalyzer.WhereProperty, out var where);
            (SyntaxNode Old, ExpressionSyntax New)? edit = where == "Local"
                ? LocalEdit(conversion, model)
                : ArgumentEdit(conversion, model);
            return edit is { } e ? document.WithSyntaxRoot(root.ReplaceNode(e.Old, e.New)) : null;
        }

        /// <summary>The whole port argument becomes the unconverted value, without the casts the conversion needed.</summary>
        private static (SyntaxNode, ExpressionSyntax)? ArgumentEdit(IInvocationOperation conversion, SemanticModel model)
        {
            ITypeSymbol portType;
            ExpressionSyntax whole;
            switch (conversion.WalkUpConversions(out _))
            {
                case IArgumentOperation { Parameter: { } parameter, Syntax: ArgumentSyntax argument }:
                    portType = parameter.Type;
                    whole = argument.Expression;
                    break;
                case ISimpleAssignmentOperation { Target.Type: { } targetType, Syntax: AssignmentExpressionSyntax assignment }:
                    portType = targetType;
                    whole = assignment.Right;
                    break;
                default:
                    return null;
            }

            var value = conversion.Arguments[0].Value;
            while (value is IConversionOperation { Operand: { Type: { } operandType } operand }
                && model.Compilation.ClassifyConversion(operandType, portType).IsImplicit)
            {
                value = operand;
            }

            if (value.Type is null || !model.Compilation.ClassifyConversion(value.Type, portType).IsImplicit
                || value.Syntax is not ExpressionSyntax replacement)
            {
                return null;
            }

            return (whole, replacement.WithoutTrivia().WithTriviaFrom(whole));
        }

        /// <summary>The local keeps its type; its value loses the conversion.</summary>
        private static (SyntaxNode, ExpressionSyntax)? LocalEdit(IInvocationOperation conversion, SemanticModel model)
        {
            var parent = conversion.WalkUpConversions(out _);
            ILocalSymbol? local = parent switch
            {
                IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
                ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } => target.Local,
                _ => null,
            };
            var known = KnownSymbols.TryCreate(model.Compilation);
            if (local is null || known is null || conversion.Syntax is not InvocationExpressionSyntax invocation)
            {
                return null;
            }

            var symbols = new ByteOrderSymbols(known);
            IOperation root = conversion;
            while (root.Parent is { } up)
            {
                root = up;
            }

            foreach (var reference in root.Descendants().OfType<ILocalReferenceOperation>())
            {
                if (!SymbolEqualityComparer.Default.Equals(reference.Local, local) || (reference.Parent is ISimpleAssignmentOperation assignment && assignment.Target == reference))
                {
                    continue;
                }

                if (reference.WalkUpConversions(out _) is not IArgumentOperation { Parameter: { } port } use || !symbols.IsHostOrderPort(port)
                    || (use.Parent switch
                    {
                        IInvocationOperation call => symbols.HostOrderPortApi(call.TargetMethod),
                        IObjectCreationOperation { Constructor: { } constructor } => symbols.HostOrderPortApi(constructor),
                        _ => null,
                    }) is null)
                {
                    return null;
                }
            }

            var argument = conversion.Arguments[0];
            if (argument.Syntax is not ArgumentSyntax argumentSyntax)
            {
                return null;
            }

            ExpressionSyntax replacement = argumentSyntax.Expression.WithoutTrivia();
            var valueType = argument.Value is IConversionOperation { IsImplicit: true } implicitConversion ? implicitConversion.Operand.Type : argument.Value.Type;
            if (!SymbolEqualityComparer.Default.Equals(valueType, conversion.Type) && conversion.Type is { } type)
            {
                replacement = SyntaxFactory.CastExpression(
                    SyntaxFactory.ParseTypeName(type.ToMinimalDisplayString(model, invocation.SpanStart)),
                    SyntaxFactory.ParenthesizedExpression(replacement));
            }

            return (invocation, replacement.WithTriviaFrom(invocation));
        }
    }
}
