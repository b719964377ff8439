using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Common;
using SocketAnalyzers.Reads;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace SocketAnalyzers.CodeFixes.Reads
{
    /// <summary>How a read's count is lost or kept, seen from its statement.</summary>
    internal enum ReadStatementShape
    {
        /// <summary><c>s.Receive(b);</c>, <c>await s.ReceiveAsync(b);</c></summary>
        ExpressionStatement,

        /// <summary><c>_ = s.Receive(b);</c></summary>
        DiscardAssignment,

        /// <summary><c>var n = s.Receive(b);</c> (one declarator)</summary>
        Declaration,

        /// <summary><c>n = s.Receive(b);</c></summary>
        Assignment,

        /// <summary><c>total += s.Receive(b);</c></summary>
        CompoundAssignment,

        /// <summary>Anything else: inside a larger expression, a condition, an argument.</summary>
        Other,
    }

    /// <summary>A read located in a document for a fix: its operation, its statement and the model.</summary>
    internal sealed class ReadSite
    {
        private ReadSite(Document document, SyntaxNode root, SemanticModel model, InvocationExpressionSyntax syntax, IInvocationOperation invocation, NetworkRead read, NetworkReads reads, IOperation result, IOperation? consumer)
        {
            Document = document;
            Root = root;
            Model = model;
            Syntax = syntax;
            Invocation = invocation;
            Read = read;
            Reads = reads;
            Result = result;
            Consumer = consumer;
            (Shape, Statement, Local) = Classify(result, consumer, model);
        }

        public Document Document { get; }

        public SyntaxNode Root { get; }

        public SemanticModel Model { get; }

        public InvocationExpressionSyntax Syntax { get; }

        public IInvocationOperation Invocation { get; }

        public NetworkRead Read { get; }

        public NetworkReads Reads { get; }

        /// <summary>The operation that stands for the count: the invocation, or the <c>await</c> around it.</summary>
        public IOperation Result { get; }

        public IOperation? Consumer { get; }

        /// <summary>The count is taken by blocking on the read's task (<c>.Result</c>, <c>.GetAwaiter().GetResult()</c>).</summary>
        public bool BlocksOnResult { get; private set; }

        public ReadStatementShape Shape { get; }

        /// <summary>The statement that holds the read (for <see cref="ReadStatementShape.Other"/>, the innermost one).</summary>
        public StatementSyntax? Statement { get; }

        /// <summary>The local the count is stored in (declaration and assignment shapes).</summary>
        public ILocalSymbol? Local { get; }

        /// <summary>
        /// Nothing but the framework's result wrappers (a task's <c>ConfigureAwait(…)</c> or <c>WaitAsync(…)</c>, a value
        /// task's <c>AsTask()</c>) stands between the read and <see cref="Result"/>, and the count is not blocked on
        /// (<see cref="BlocksOnResult"/>); <paramref name="waitsDirectly"/>: the
        /// first of them is a <c>WaitAsync</c>, which a read giving a <c>ValueTask</c> reaches only through <c>AsTask()</c>
        /// (<see cref="FitWrappers"/>). A project helper given the read's <c>Task&lt;int&gt;</c> fits no read with another result.
        /// </summary>
        public bool OnlyFrameworkWrappersAround(out bool waitsDirectly)
        {
            waitsDirectly = false;
            if (BlocksOnResult)
            {
                // ReadExactlyAsync's ValueTask has no Result: an exact read would need another form.
                return false;
            }

            var framework = Reads.Symbols.Framework;
            var first = true;
            for (var operation = Invocation.Parent; operation is not null && operation != Result; operation = operation.Parent)
            {
                if (operation is IInvocationOperation call)
                {
                    if (!framework.IsResultWrapper(call.TargetMethod))
                    {
                        return false;
                    }

                    waitsDirectly |= first && framework.IsWaitAsync(call.TargetMethod);
                    first = false;
                }
            }

            return true;
        }

        /// <summary>
        /// The exact read <paramref name="exact"/>, made to fit the wrappers around the read: where a <c>WaitAsync(…)</c>
        /// is called on it (<paramref name="waitsDirectly"/>) and it gives a <c>ValueTask</c> (which has none), <c>exact.AsTask()</c>.
        /// </summary>
        public static ExpressionSyntax FitWrappers(InvocationExpressionSyntax exact, bool waitsDirectly, bool givesValueTask)
            => waitsDirectly && givesValueTask
                ? InvocationExpression(MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, exact, IdentifierName("AsTask")))
                : exact;

        public bool IsDatagram => Read.Api.IsDatagram || (Read.Api.Owner == ReadOwner.Socket && Invocation.Instance is { } instance && Reads.IsDatagramSocket(instance));

        /// <summary>Finds the read whose invocation is at <paramref name="span"/>, or null.</summary>
        public static async Task<ReadSite?> FindAsync(Document document, Microsoft.CodeAnalysis.Text.TextSpan span, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || model is null || span.End > root.FullSpan.End)
            {
                return null;
            }

            var node = root.FindNode(span, getInnermostNodeForTie: true);
            var syntax = node as InvocationExpressionSyntax ?? node.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>().FirstOrDefault(i => i.Span == span);
            if (syntax is null || model.GetOperation(syntax, cancellationToken) is not IInvocationOperation invocation)
            {
                return null;
            }

            var symbols = KnownSymbols.TryCreate(model.Compilation);
            if (symbols is null)
            {
                return null;
            }

            var reads = symbols.Reads;
            // A counting read, or a line read of a reader over a network stream (SOCK011 only).
            var read = reads.TryGetEndOfStreamRead(invocation);
            if (read is null)
            {
                return null;
            }

            // _ = stream.ReadAsync(b, 0, 4).Result; as the analyzer's ReadBody.Describe sees it: the count is the result's.
            var result = symbols.Framework.WalkUpToValue(invocation, out var consumer, out var blocked);
            return new ReadSite(document, root, model, syntax, invocation, read, reads, result, consumer) { BlocksOnResult = blocked };
        }

        private static (ReadStatementShape, StatementSyntax?, ILocalSymbol?) Classify(IOperation result, IOperation? consumer, SemanticModel model)
        {
            switch (consumer)
            {
                case IExpressionStatementOperation { Syntax: ExpressionStatementSyntax statement }:
                    return (ReadStatementShape.ExpressionStatement, statement, null);
                case ISimpleAssignmentOperation { Target: IDiscardOperation, Parent: IExpressionStatementOperation { Syntax: ExpressionStatementSyntax statement } }:
                    return (ReadStatementShape.DiscardAssignment, statement, null);
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target, Parent: IExpressionStatementOperation { Syntax: ExpressionStatementSyntax statement } }:
                    return (ReadStatementShape.Assignment, statement, target.Local);
                case ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add, Parent: IExpressionStatementOperation { Syntax: ExpressionStatementSyntax statement } } compound
                    when compound.Value.WalkDownConversions() == result.WalkDownConversions():
                    return (ReadStatementShape.CompoundAssignment, statement, null);
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }
                    when declarator.Syntax.Parent?.Parent is LocalDeclarationStatementSyntax { Declaration.Variables.Count: 1 } declaration
                        && !declaration.UsingKeyword.IsKind(SyntaxKind.UsingKeyword):
                    return (ReadStatementShape.Declaration, declaration, declarator.Symbol);
                default:
                    return (ReadStatementShape.Other, ReadFixSyntax.ContainingStatement(result.Syntax), null);
            }
        }

        /// <summary>The expression of the count (<c>await s.ReceiveAsync(b)</c>) as written.</summary>
        public ExpressionSyntax ResultSyntax => (ExpressionSyntax)Result.Syntax;

        /// <summary>"received" for a socket, "bytesRead" for a stream, "charsRead" for a reader's read into a char buffer, "line" for a line read, "ch" for a character read.</summary>
        public string CountBaseName => Read.Api.IsLine ? "line" : Read.Api.IsChar ? (Read.Api.Owner == ReadOwner.Stream ? "value" : "ch")
            : Read.Api.CountsChars ? "charsRead" : Read.Api.Owner == ReadOwner.Socket ? "received" : "bytesRead";

        /// <summary>True when <see cref="Local"/> appears nowhere in its member but in this statement.</summary>
        public bool LocalIsUnusedElsewhere()
        {
            if (Local is null || Statement is null)
            {
                return false;
            }

            var member = Statement.Ancestors().FirstOrDefault(n => n is MemberDeclarationSyntax) ?? Root;
            foreach (var identifier in member.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (identifier.Identifier.ValueText == Local.Name
                    && !Statement.Span.Contains(identifier.Span)
                    && SymbolEqualityComparer.Default.Equals(Model.GetSymbolInfo(identifier).Symbol, Local))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// The read-exactly form of this read: <c>Stream.ReadExactly(Async)</c> (.NET 7+), or the SocketAnalyzers.Runtime
        /// helpers (<c>ReceiveExactly(Async)</c> for a socket, <c>ReadExactly(Async)</c> for a stream where the framework
        /// has none). Null when there is none that takes these arguments. <paramref name="usingNamespace"/> is the
        /// namespace to import for an extension method.
        /// </summary>
        public InvocationExpressionSyntax? ExactInvocation(out string? usingNamespace) => ExactInvocation(out usingNamespace, out _);

        /// <summary>The exact read, and whether it gives a <c>ValueTask</c> (<paramref name="givesValueTask"/>).</summary>
        public InvocationExpressionSyntax? ExactInvocation(out string? usingNamespace, out bool givesValueTask)
        {
            usingNamespace = null;
            givesValueTask = false;
            if (Syntax.Expression is not MemberAccessExpressionSyntax access || Read.Api.IsApmEnd || Read.Api.IsAtLeast)
            {
                return null;
            }

            var isAsync = Read.Api.IsAsync;
            string newName;
            string? helperType;
            var arguments = Syntax.ArgumentList.Arguments.ToList();
            if (Read.Api.Owner == ReadOwner.Stream)
            {
                if (Read.Api.Name is not ("Read" or "ReadAsync"))
                {
                    return null;
                }

                newName = isAsync ? "ReadExactlyAsync" : "ReadExactly";
                helperType = "SocketAnalyzers.Runtime.StreamReadExtensions";

                // The framework's own ReadExactly first.
                var own = Syntax.WithExpression(access.WithName(IdentifierName(newName)));
                if (BindsTo(own, newName, extension: false) is { } framework)
                {
                    givesValueTask = IsValueTask(framework.ReturnType);
                    return own;
                }
            }
            else
            {
                if (Read.Api.Name is not ("Receive" or "ReceiveAsync"))
                {
                    return null;
                }

                newName = isAsync ? "ReceiveExactlyAsync" : "ReceiveExactly";
                helperType = "SocketAnalyzers.Runtime.SocketReceiveExtensions";

                // Drop SocketFlags.None; any other flags or an out SocketError has no exact form.
                arguments.Clear();
                foreach (var argument in Invocation.Arguments.Where(a => !a.IsImplicit).OrderBy(a => a.Syntax.SpanStart))
                {
                    if (argument.Parameter is { } parameter && SymbolEqualityComparer.Default.Equals(parameter.Type, Model.Compilation.GetTypeByMetadataName("System.Net.Sockets.SocketFlags")))
                    {
                        if (argument.Value.ConstantValue is { HasValue: true, Value: 0 })
                        {
                            continue;
                        }

                        return null;
                    }

                    if (argument.Parameter?.RefKind is RefKind.Out or RefKind.Ref || argument.Syntax is not ArgumentSyntax argumentSyntax)
                    {
                        return null;
                    }

                    arguments.Add(argumentSyntax.NameColon is null ? argumentSyntax : argumentSyntax.WithNameColon(null));
                }
            }

            var helper = Model.Compilation.GetTypeByMetadataName(helperType);
            if (helper is null)
            {
                return null;
            }

            // (buffer, size) has no helper overload: (buffer, 0, size) has.
            var candidates = new List<List<ArgumentSyntax>> { arguments };
            if (!isAsync && arguments.Count == 2 && Read.Count is not null && Read.Offset is null)
            {
                candidates.Add(new List<ArgumentSyntax> { arguments[0], Argument(LiteralExpression(SyntaxKind.NumericLiteralExpression, Literal(0))), arguments[1] });
            }

            foreach (var candidate in candidates)
            {
                var asStatic = InvocationExpression(
                    ParseExpression("global::" + helperType + "." + newName),
                    ArgumentList(SeparatedList(new[] { Argument(access.Expression.WithoutTrivia()) }.Concat(candidate.Select(a => a.WithoutTrivia())))));
                if (BindsTo(asStatic, newName, extension: true) is { } extension)
                {
                    givesValueTask = IsValueTask(extension.ReturnType);
                    usingNamespace = helper.ContainingNamespace.ToDisplayString();
                    return Syntax
                        .WithExpression(access.WithName(IdentifierName(newName)))
                        .WithArgumentList(Syntax.ArgumentList.WithArguments(SeparatedList(candidate)));
                }
            }

            return null;
        }

        private IMethodSymbol? BindsTo(ExpressionSyntax expression, string name, bool extension)
        {
            var info = Model.GetSpeculativeSymbolInfo(Syntax.SpanStart, expression, SpeculativeBindingOption.BindAsExpression);
            return info.Symbol is IMethodSymbol method && method.Name == name && method.IsExtensionMethod == extension ? method : null;
        }

        private bool IsValueTask(ITypeSymbol type)
            => SymbolEqualityComparer.Default.Equals(type, Model.Compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask"));

        /// <summary><see cref="ResultSyntax"/> with the read invocation replaced by <paramref name="replacement"/>.</summary>
        public ExpressionSyntax ResultWith(ExpressionSyntax replacement)
            => ResultSyntax == Syntax ? replacement.WithTriviaFrom(Syntax) : ResultSyntax.ReplaceNode(Syntax, replacement.WithTriviaFrom(Syntax));
    }
}
