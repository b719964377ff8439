using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Common;

namespace SocketAnalyzers.Reads
{
    /// <summary>
    /// Readers and streams handed to a helper (issue 13): a parameter counts as a reader over a network stream (or as a
    /// network stream) when every call of its method passes one or <c>null</c>, as in <c>new Thread(() =&gt; Receive(reader))</c>
    /// with <c>reader = new StreamReader(client.GetStream())</c>, or <c>Handle(client.GetStream())</c> for a
    /// <c>Handle(Stream stream)</c>. One instance per kind of value, as for <see cref="NetworkFields"/>: readers
    /// (<see cref="NetworkReads.IsNetworkReaderValue"/>, a reader field of <see cref="NetworkFields"/>) and streams
    /// (<see cref="NetworkReads.IsNetworkStream(IOperation, SemanticModel, CancellationToken)"/>'s test, which follows stream fields and, through this
    /// instance, stream parameters of other helpers).
    /// </summary>
    /// <remarks>
    /// <para>
    /// <b>Which methods.</b> A local function, or a <c>private</c> ordinary method declared in one place: every call of it
    /// lies in its type (or its enclosing member), so reading them finds every argument. Any other method may be called
    /// from code we do not see. A use of the method that is not a direct call (a method group turned into a delegate,
    /// <c>nameof</c>) makes it unknown: the delegate may be called with anything.
    /// </para>
    /// <para>
    /// <b>Every call.</b> Each argument for the parameter must be a network value or <c>null</c>, at least one a network
    /// value; a call that passes the parameter on to itself (recursion) adds nothing. A parameter that is passed by
    /// reference, that takes its default value in some call, or that its method writes, is unknown. A stream passed on
    /// from another helper's parameter counts when that parameter does; helpers that pass a stream round in a cycle
    /// (<c>A(s)</c> calls <c>B(s)</c>, which calls <c>A(s)</c>) are unknown (<see cref="SymbolSummaries{TSymbol}"/>).
    /// </para>
    /// <para>
    /// <b>One file.</b> As for fields (<see cref="NetworkFields"/>): an analyzer binds only the file it is given, so a
    /// method that another file also names is unknown in every host, and the answer never depends on which file is being
    /// analyzed. Computed on first use, once per parameter for the compilation: for a reader parameter, only for a line or
    /// character read on it inside a loop; for a stream parameter, for a read of it (or of a reader built over it).
    /// </para>
    /// </remarks>
    internal sealed class NetworkParameters : SymbolSummaries<IParameterSymbol>
    {
        /// <param name="isNetworkValue">What every call must pass (conversions removed; <c>null</c> and the parameter itself are judged here).</param>
        public NetworkParameters(Func<IOperation, CancellationToken, bool> isNetworkValue, Model.CatalogueIndex? catalogue = null)
            : base(isNetworkValue, catalogue)
        {
        }

        /// <summary>True when <paramref name="reference"/> reads a parameter that every call of its method gives a network value (or null).</summary>
        public bool IsNetworkParameter(IParameterReferenceOperation reference, CancellationToken cancellationToken)
            => IsNetworkParameter(reference, null, cancellationToken);

        /// <summary>
        /// As <see cref="IsNetworkParameter(IParameterReferenceOperation, CancellationToken)"/>; <paramref name="model"/> (the
        /// model of the file that holds the reference) serves a reference that carries none, as the operations of a
        /// control-flow graph.
        /// </summary>
        public bool IsNetworkParameter(IParameterReferenceOperation reference, SemanticModel? model, CancellationToken cancellationToken)
            => Answer(reference.Parameter.OriginalDefinition, reference.SemanticModel ?? model, cancellationToken);

        protected override bool IsCandidate(IParameterSymbol parameter)
            => parameter is { RefKind: RefKind.None, IsParams: false, ContainingSymbol: IMethodSymbol method }
                && (method.MethodKind == MethodKind.LocalFunction
                    || method is { MethodKind: MethodKind.Ordinary, DeclaredAccessibility: Accessibility.Private, IsAbstract: false, IsVirtual: false, IsOverride: false, IsExtern: false, PartialDefinitionPart: null, PartialImplementationPart: null })
                && method.DeclaringSyntaxReferences.Length == 1;

        protected override bool Summarise(IParameterSymbol parameter, SemanticModel model, CancellationToken cancellationToken)
        {
            var method = (IMethodSymbol)parameter.ContainingSymbol;
            var tree = model.SyntaxTree;
            var declaration = method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
            if (declaration.SyntaxTree != tree)
            {
                return false;
            }

            // Where the calls can be: the enclosing member of a local function, every part of a private method's type.
            SyntaxNode? scope = null;
            if (method.MethodKind == MethodKind.LocalFunction)
            {
                // Its block; a top-level local function is called from the file's other top-level statements, and one
                // declared in a switch section from every section of its switch.
                scope = declaration.Parent switch
                {
                    GlobalStatementSyntax global => global.Parent,
                    SwitchSectionSyntax section => section.Parent,
                    var parent => parent,
                };
            }

            // The calls first: most parameters are not what the summary asks (a stream socket handed to a helper), and the
            // first call that passes something else answers; the scan for writes of the parameter is asked only then.
            var network = false;
            if (scope is not null)
            {
                return Calls(scope, parameter, method, model, ref network, cancellationToken) && network
                    && !Writes(declaration, parameter, model, cancellationToken);
            }

            foreach (var part in method.ContainingType.DeclaringSyntaxReferences)
            {
                var node = part.GetSyntax(cancellationToken);
                if (!Calls(node, parameter, method, model, ref network, cancellationToken))
                {
                    return false;
                }
            }

            return network && !Writes(declaration, parameter, model, cancellationToken);
        }

        /// <summary>False when a use of <paramref name="method"/> under <paramref name="scope"/> is not a call that passes a network value or null.</summary>
        private bool Calls(SyntaxNode scope, IParameterSymbol parameter, IMethodSymbol method, SemanticModel model, ref bool network, CancellationToken cancellationToken)
        {
            var passed = network;
            var all = SameFileUses.All(scope, method, model, identifier => Call(identifier, parameter, method, model, ref passed, cancellationToken), cancellationToken);
            network = passed;
            return all;
        }

        /// <summary>A use of the method: a direct call whose argument for <paramref name="parameter"/> passes (<see cref="Passed"/>).</summary>
        private bool Call(IdentifierNameSyntax identifier, IParameterSymbol parameter, IMethodSymbol method, SemanticModel model, ref bool network, CancellationToken cancellationToken)
        {
            ExpressionSyntax callee = identifier.Parent is MemberAccessExpressionSyntax access && access.Name == identifier ? access : identifier;
            if (callee.Parent is not InvocationExpressionSyntax call || call.Expression != callee
                || model.GetOperation(call, cancellationToken) is not IInvocationOperation invocation
                || !SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.OriginalDefinition, method))
            {
                // A method group (a delegate that may be called with anything), nameof, or code that does not bind.
                return false;
            }

            return Passed(invocation, parameter, ref network, cancellationToken);
        }

        /// <summary>The argument a call gives <paramref name="parameter"/>: a network value (sets <paramref name="network"/>), null, or the parameter itself passed on.</summary>
        private bool Passed(IInvocationOperation invocation, IParameterSymbol parameter, ref bool network, CancellationToken cancellationToken)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is null || argument.Parameter.Ordinal != parameter.Ordinal)
                {
                    continue;
                }

                if (argument.ArgumentKind != ArgumentKind.Explicit)
                {
                    // Its default value, or a params array.
                    return false;
                }

                var value = argument.Value.WalkDownConversions();
                if (value is IParameterReferenceOperation passedOn && SymbolEqualityComparer.Default.Equals(passedOn.Parameter.OriginalDefinition, parameter))
                {
                    // Recursion passing the parameter on adds nothing.
                    return true;
                }

                return Given(value, ref network, cancellationToken);
            }

            return false;
        }

        /// <summary>True when the method assigns the parameter, or lets a lambda or a <c>ref</c> do it.</summary>
        private static bool Writes(SyntaxNode declaration, IParameterSymbol parameter, SemanticModel model, CancellationToken cancellationToken)
        {
            foreach (var identifier in IdentifierIndex.Named(declaration, parameter.Name, cancellationToken))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (model.GetOperation(identifier, cancellationToken) is IParameterReferenceOperation reference
                    && SymbolEqualityComparer.Default.Equals(reference.Parameter.OriginalDefinition, parameter)
                    && ReadBody.IsWrite(reference))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
