using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Common;

namespace SocketAnalyzers.Reads
{
    /// <summary>A <c>Begin…</c> receive that nothing can ever end (<see cref="UnendedReceives"/>), and what its message says of the callback.</summary>
    internal sealed class UnendedReceive
    {
        public UnendedReceive(IInvocationOperation begin, string? callback, bool isLambda)
        {
            Begin = begin;
            Callback = callback;
            IsLambda = isLambda;
        }

        public IInvocationOperation Begin { get; }

        /// <summary>The callback method's name; null for a lambda (<see cref="IsLambda"/>) or when there is no callback.</summary>
        public string? Callback { get; }

        /// <summary>The callback is a lambda.</summary>
        public bool IsLambda { get; }

        /// <summary>The <c>End…</c> method that would have given the count: <c>EndReceive</c>, <c>EndReceiveFrom</c>, <c>EndRead</c>.</summary>
        public string EndName => "End" + Begin.TargetMethod.Name.Substring("Begin".Length);
    }

    /// <summary>
    /// SOCK010 for the APM receives (<c>BeginReceive</c>, <c>BeginReceiveFrom</c>, <c>BeginReceiveMessageFrom</c> of a
    /// socket, <c>BeginRead</c> of a network stream, into a buffer) whose <c>End…</c> call can never happen: the
    /// <see cref="System.IAsyncResult"/> the call returns is dropped (the call is a statement, or assigned to <c>_</c>), and
    /// the callback is none (<c>null</c>), or a lambda or a method of the same file whose <c>IAsyncResult</c> parameter
    /// goes nowhere but its own <c>AsyncState</c>, <c>IsCompleted</c> and <c>CompletedSynchronously</c>. Only that
    /// <c>IAsyncResult</c> can end the receive, so the count of bytes placed in the buffer is never known (the code that
    /// decodes the buffer decodes all of it), and the receive's error is never seen. Course code does this (the fresh6
    /// audit's M3: the callback takes the buffer from <c>AsyncState</c> and decodes it whole).
    /// </summary>
    /// <remarks>
    /// Unknown stays silent: a callback that is a delegate of unknown origin (a field, a parameter, a call's result), a
    /// method of another file, or one that can be overridden; a callback whose <c>IAsyncResult</c> is passed anywhere
    /// (another method may end it, code that did not bind included), stored or reassigned; a <c>Begin…</c> whose result is
    /// kept (<c>var r = s.BeginReceive(…); … s.EndReceive(r);</c>).
    /// </remarks>
    internal static class UnendedReceives
    {
        /// <summary>The receives of <paramref name="receives"/> that nothing can end, or null when there is none.</summary>
        public static List<UnendedReceive>? Find(
            List<(IInvocationOperation Call, SyntaxNode? Owner, ISymbol? OwnerSymbol)> receives,
            NetworkReads reads,
            SemanticModel? model,
            CancellationToken cancellationToken)
        {
            List<UnendedReceive>? found = null;
            foreach (var (call, _, _) in receives)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (Unended(call, reads, model, cancellationToken) is { } unended)
                {
                    (found ??= new List<UnendedReceive>()).Add(unended);
                }
            }

            return found;
        }

        private static UnendedReceive? Unended(IInvocationOperation call, NetworkReads reads, SemanticModel? model, CancellationToken cancellationToken)
        {
            var method = call.TargetMethod;
            // The catalogue's Begin form (an IAsyncResult result) of a read into a buffer (FillsBuffer).
            if (model is null || call.Instance is not { } instance
                || reads.Symbols.Catalogue.Facts(method) is not { Fills: not null, Form: Lifecycle.CallForm.Begin } facts
                || (facts.FillsOnlyOverNetworkStream && !reads.IsNetworkStream(instance, model, cancellationToken))
                || !ResultDropped(call))
            {
                return null;
            }

            switch (ReadBody.CallbackArgument(call))
            {
                case { ConstantValue: { HasValue: true, Value: null } }:
                    return new UnendedReceive(call, null, isLambda: false);
                case IDelegateCreationOperation creation:
                    switch (creation.Target.WalkDownConversions())
                    {
                        case IAnonymousFunctionOperation lambda when lambda.Symbol.Parameters.Length == 1:
                            return NeverPassedOn(lambda.Body, lambda.Symbol.Parameters[0], cancellationToken) ? new UnendedReceive(call, null, isLambda: true) : null;
                        case IMethodReferenceOperation { Method: { } target }:
                            return CallbackBody(target, call, model, cancellationToken) is { } body && NeverPassedOn(body, target.Parameters[0], cancellationToken)
                                ? new UnendedReceive(call, target.Name, isLambda: false)
                                : null;
                        default:
                            return null;
                    }

                default:
                    return null;
            }
        }

        /// <summary>The call is a statement, or assigned to a discard: nobody keeps the <c>IAsyncResult</c> it returns.</summary>
        private static bool ResultDropped(IInvocationOperation call)
        {
            var parent = call.Parent;
            while (parent is IConversionOperation { IsImplicit: true })
            {
                parent = parent.Parent;
            }

            return parent switch
            {
                IExpressionStatementOperation => true,
                ISimpleAssignmentOperation { Target: IDiscardOperation, Parent: IExpressionStatementOperation } => true,
                _ => false,
            };
        }

        /// <summary>
        /// The body of a callback method the code shows: declared once, in the file of the call, with a body, and no
        /// override can replace it (not virtual, abstract, an override, extern or partial), taking one parameter.
        /// </summary>
        private static IOperation? CallbackBody(IMethodSymbol target, IInvocationOperation call, SemanticModel model, CancellationToken cancellationToken)
        {
            var method = target.OriginalDefinition;
            if (method is not { MethodKind: MethodKind.Ordinary or MethodKind.LocalFunction, IsVirtual: false, IsAbstract: false, IsOverride: false, IsExtern: false, PartialDefinitionPart: null, PartialImplementationPart: null }
                || method.Parameters.Length != 1 || method.DeclaringSyntaxReferences.Length != 1
                || method.DeclaringSyntaxReferences[0].SyntaxTree != call.Syntax.SyntaxTree)
            {
                return null;
            }

            var declaration = method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
            if (declaration is not (MethodDeclarationSyntax or LocalFunctionStatementSyntax))
            {
                return null;
            }

            return model.GetOperation(declaration, cancellationToken) switch
            {
                IMethodBodyOperation { BlockBody: { } block } => block,
                IMethodBodyOperation { ExpressionBody: { } expression } => expression,
                ILocalFunctionOperation { Body: { } block } => block,
                _ => null,
            };
        }

        /// <summary>
        /// The callback's <c>IAsyncResult</c> parameter is only asked for its <c>AsyncState</c>, <c>IsCompleted</c> or
        /// <c>CompletedSynchronously</c> in <paramref name="body"/> (lambdas and local functions in it included): no
        /// <c>End…</c> call can be given it. Code that did not bind elsewhere in the callback (a WinForms call whose assembly
        /// a scan cannot resolve, <c>dynamic</c>) cannot reach the receive either: only a reference to the parameter can, and
        /// one inside such code is no allowed use. So that no reference escapes the operations (a name in code the binder
        /// gave no operation), the parameter's name must appear in the callback's syntax exactly as often as its references.
        /// </summary>
        private static bool NeverPassedOn(IOperation body, IParameterSymbol result, CancellationToken cancellationToken)
        {
            if (result.RefKind != RefKind.None)
            {
                return false;
            }

            var references = 0;
            foreach (var operation in body.DescendantsAndSelf())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (operation is IParameterReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Parameter.OriginalDefinition, result.OriginalDefinition))
                {
                    references++;
                    if (reference.Parent is not IPropertyReferenceOperation { Property.Name: "AsyncState" or "IsCompleted" or "CompletedSynchronously" } property
                        || property.Instance != reference)
                    {
                        return false;
                    }
                }
            }

            var named = 0;
            foreach (var token in body.Syntax.DescendantTokens())
            {
                if (token.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.IdentifierToken) && token.ValueText == result.Name)
                {
                    named++;
                }
            }

            return named == references;
        }
    }
}
