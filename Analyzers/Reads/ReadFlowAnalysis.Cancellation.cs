using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Common;

namespace SocketAnalyzers.Reads
{
    internal sealed partial class ReadFlowAnalysis
    {
        // ---- SOCK011: a loop that stops only when its token is cancelled ----

        /// <summary>How deep <see cref="CannotCancel"/> follows the methods a helper calls.</summary>
        private const int MaxCancelDepth = 3;

        /// <summary>Per method of this file: whether it can neither cancel a token nor end the loop (<see cref="CannotCancel"/>).</summary>
        private Dictionary<IMethodSymbol, bool>? cannotCancel;

        /// <summary>
        /// The operation may cancel a token (<see cref="CancelMayHappen"/>): <c>Cancel()</c>, <c>CancelAsync()</c> or
        /// <c>CancelAfter(…)</c> of a <c>CancellationTokenSource</c>; a method of the project unless it is one of this file
        /// that cannot (<see cref="CannotCancel"/>: two home-automation drivers hand the empty text to such a helper); or
        /// anything else that may run code of the project (<see cref="MaySetOwnFields"/>: a delegate, a virtual call
        /// dispatched to an override of the project, a framework call handed a delegate). Not an <c>await</c>: other code may
        /// cancel at any time anyway, and the question is whether the 0 path itself does.
        /// </summary>
        private bool MayCancel(IOperation operation)
        {
            switch (operation)
            {
                case IAwaitOperation:
                    return false;
                case IInvocationOperation invocation:
                    var method = invocation.TargetMethod.OriginalDefinition;
                    if (symbols.Framework.IsCancel(method))
                    {
                        return true;
                    }

                    if (method.MethodKind != MethodKind.DelegateInvoke && method.DeclaringSyntaxReferences.Length > 0)
                    {
                        return body.Model is not { } model
                            || !CannotCancel(method, model)
                            || HandsDelegate(invocation.Arguments);
                    }

                    break;
            }

            return MaySetOwnFields(operation);
        }

        /// <summary>
        /// <paramref name="method"/> can neither cancel a token nor end the loop that calls it: a method declared once in this
        /// file that cannot be overridden, whose body (and the bodies of the methods of this file it calls, three deep) cancels
        /// no token source, runs no delegate, calls no virtual method of a type of the project, hands no delegate or
        /// <c>this</c> to anything, makes no object of the project, reads no property of the project with a body, throws
        /// nothing, and closes, disposes or stops nothing (<see cref="EndsOrDisposes"/>, <c>using</c>). Code in another file
        /// is not read (an analyzer sees one file): a call of it may cancel.
        /// </summary>
        private bool CannotCancel(IMethodSymbol method, SemanticModel model)
        {
            cannotCancel ??= new Dictionary<IMethodSymbol, bool>(SymbolEqualityComparer.Default);
            if (!cannotCancel.TryGetValue(method, out var result))
            {
                cannotCancel[method] = result = CannotCancel(method, model, new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default), 0);
            }

            return result;
        }

        private bool CannotCancel(IMethodSymbol method, SemanticModel model, HashSet<IMethodSymbol> visited, int depth)
            => !visited.Add(method) || (depth <= MaxCancelDepth && CannotCancelCore(method, model, visited, depth));

        /// <summary>
        /// The operation tree of <paramref name="method"/> when the analysis may read it: an ordinary method that cannot be
        /// overridden, declared once, in this file (an analyzer sees one file). Null otherwise.
        /// </summary>
        private IOperation? BodyInThisFile(IMethodSymbol method, SemanticModel model)
            => method is { MethodKind: MethodKind.Ordinary, IsVirtual: false, IsAbstract: false, IsOverride: false, IsExtern: false, PartialDefinitionPart: null, PartialImplementationPart: null }
                && method.DeclaringSyntaxReferences.Length == 1 && method.DeclaringSyntaxReferences[0].SyntaxTree == model.SyntaxTree
                    ? model.GetOperation(method.DeclaringSyntaxReferences[0].GetSyntax(CancellationToken), CancellationToken)
                    : null;

        private bool CannotCancelCore(IMethodSymbol method, SemanticModel model, HashSet<IMethodSymbol> visited, int depth)
        {
            if (BodyInThisFile(method, model) is not { } code)
            {
                return false;
            }

            foreach (var operation in code.DescendantsAndSelf())
            {
                CancellationToken.ThrowIfCancellationRequested();
                switch (operation)
                {
                    case IInvocationOperation call:
                        var target = call.TargetMethod.OriginalDefinition;
                        if (target.MethodKind == MethodKind.DelegateInvoke || symbols.Framework.IsCancel(target) || EndsOrDisposes(target) || HandsDelegate(call.Arguments)
                            || (target.DeclaringSyntaxReferences.Length > 0 && !CannotCancel(target, model, visited, depth + 1))
                            || MayDispatchToProject(call))
                        {
                            return false;
                        }

                        break;
                    case IPropertyReferenceOperation { Property: { DeclaringSyntaxReferences.Length: > 0 } property } when !AutoProperties.IsAutoProperty(property, CancellationToken):
                    case IThrowOperation or IUsingOperation or IUsingDeclarationOperation or IAnonymousFunctionOperation:
                        return false;
                    case { } handing when HandsControlAway(handing):
                        return false;
                }
            }

            return true;
        }
    }
}
