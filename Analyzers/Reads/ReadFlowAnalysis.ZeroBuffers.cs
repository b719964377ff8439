using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Common;
using SocketAnalyzers.Model;

namespace SocketAnalyzers.Reads
{
    internal sealed partial class ReadFlowAnalysis
    {
        // ---- SOCK011: a deserializer given the zeros a fresh buffer keeps when its read returned 0 ----

        // Per method of the file: the ordinal of the parameter it hands, on every path, to a deserializer that throws for
        // all-zero bytes (-1 for none).
        private Dictionary<IMethodSymbol, int>? zeroRejectingHelpers;

        /// <summary>
        /// A deserializer given the bytes of a fresh buffer (a new array nothing else wrote: <see cref="ReadState.FreshFilled"/>)
        /// whose read returned 0 on this path, so all zeros: directly, over a <c>MemoryStream</c>, or through a method of the
        /// file that hands its parameter so to one on every path (fresh13 FALSE 1: a chat server's <c>Deserialize(data)</c>
        /// helper over <c>BinaryFormatter</c>). The catalogue's deserializers of all-zero bytes throw for it, which ends
        /// the path as a <c>throw</c> would (<see cref="EndByException"/>). Asked before the call's arguments are evaluated:
        /// handing the buffer to a method not known to only look at it ends what the state knows of its bytes.
        /// </summary>
        private void ThrowsOnZeroBuffer(IInvocationOperation call, ReadState state)
        {
            if (state.Zero.Count == 0 || call.Arguments.Length == 0)
            {
                return;
            }

            var input = RejectsZeroBytes(call.TargetMethod) ? CatalogueIndex.Argument(call, 0) : HelperInput(call);
            if (input is null || BytesUnder(input) is not { } buffer)
            {
                return;
            }

            var read = -1;
            var zeros = state.HasFreshFilled && state.FreshFilled.Contains(buffer) && state.Filled.TryGetValue(buffer, out read);
            List<int>? ended = null;
            foreach (var pair in state.Zero)
            {
                var site = ZeroSite(pair.Key);
                if (site.IsLine || site.IsChar)
                {
                    continue;
                }

                // The zeros of a fresh buffer the read left as it was, or an array the 0 sized (byte[] temp = new
                // byte[count]; the bytes copied into it: none): a deserializer throws for both (fresh40 F3).
                if (zeros && body.SameFill(site.Index, read) && !pair.Value.Changed.Contains(buffer) || IsZeroSizedLocal(buffer, pair.Value, site))
                {
                    (ended ??= new List<int>()).Add(pair.Key);
                }
            }

            EndByException(ended, call, state);
        }

        /// <summary>
        /// The byte array local under <paramref name="input"/>: the local itself, <c>new MemoryStream(buffer)</c>, or a local
        /// the body assigns once to that.
        /// </summary>
        private ILocalSymbol? BytesUnder(IOperation input)
        {
            var value = input.WalkDownConversions();
            if (value is ILocalReferenceOperation { Local: { Type: not IArrayTypeSymbol } stream } && body.SingleValue(stream) is { } made)
            {
                value = made.WalkDownConversions();
            }

            if (IsMemoryStreamOver(value) is { } bytes)
            {
                value = bytes;
            }

            return value is ILocalReferenceOperation { Local: { Type: IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte } } local } ? local : null;
        }

        /// <summary>The bytes <c>new MemoryStream(bytes)</c> (or <c>new MemoryStream(bytes, …)</c>) reads, or null.</summary>
        private IOperation? IsMemoryStreamOver(IOperation value)
            => value is IObjectCreationOperation { Constructor: { } ctor, Arguments.Length: > 0 } creation
                && SymbolEqualityComparer.Default.Equals(ctor.ContainingType, symbols.Framework.MemoryStream)
                && ctor.Parameters[0].Type is IArrayTypeSymbol
                ? FirstArgument(creation.Arguments)
                : null;

        private static IOperation? FirstArgument(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments)
        {
            foreach (var argument in arguments)
            {
                if (argument.Parameter?.Ordinal == 0)
                {
                    return argument.Value.WalkDownConversions();
                }
            }

            return null;
        }

        /// <summary>The catalogue's deserializers that throw for bytes that are all zeros (<see cref="ApiRow.RejectsZeroBytes"/>).</summary>
        private bool RejectsZeroBytes(IMethodSymbol method) => symbols.Catalogue.Facts(method) is { RejectsZeroBytes: true };

        /// <summary>
        /// What a call of a method of this file (<c>Deserialize(data)</c>) gives, as the parameter that method hands on
        /// every path to a deserializer of <see cref="RejectsZeroBytes"/>; null otherwise.
        /// </summary>
        private IOperation? HelperInput(IInvocationOperation call)
        {
            var method = call.TargetMethod.OriginalDefinition;
            if (method.DeclaringSyntaxReferences.Length != 1 || body.Model is not { } model)
            {
                return null;
            }

            zeroRejectingHelpers ??= new Dictionary<IMethodSymbol, int>(SymbolEqualityComparer.Default);
            if (!zeroRejectingHelpers.TryGetValue(method, out var ordinal))
            {
                ordinal = RejectingParameter(method, model);
                zeroRejectingHelpers[method] = ordinal;
            }

            if (ordinal < 0)
            {
                return null;
            }

            foreach (var argument in call.Arguments)
            {
                if (argument.Parameter?.Ordinal == ordinal)
                {
                    return argument.Value;
                }
            }

            return null;
        }

        /// <summary>
        /// The parameter <paramref name="method"/> hands to a deserializer of <see cref="RejectsZeroBytes"/> (itself or over a
        /// <c>MemoryStream</c>, perhaps through a local declared before) in one of its first statements, before anything that
        /// could branch: declarations, expression statements, <c>return</c>, <c>using</c> declarations; the call not under a
        /// <c>?:</c>, <c>??</c>, <c>&amp;&amp;</c>, <c>||</c> or lambda. Only a method of the analysed file (its model is the
        /// body's). -1 for none.
        /// </summary>
        private int RejectingParameter(IMethodSymbol method, SemanticModel model)
        {
            if (StatementsOf(method, model) is not { } statements)
            {
                return -1;
            }

            return RejectingParameterIn(statements, new Dictionary<ILocalSymbol, IParameterSymbol>(SymbolEqualityComparer.Default)) ?? -1;
        }

        /// <summary>
        /// <see cref="RejectingParameter"/> over a run of statements, also into the block of a <c>using</c> statement (<c>using
        /// (var stream = new MemoryStream(data)) { stream.Position = 0; return formatter.Deserialize(stream); }</c>, fresh40
        /// F3): the parameter's ordinal, -1 at a statement that may branch (nothing after it runs for certain), or null when
        /// the run ends without either.
        /// </summary>
        private int? RejectingParameterIn(System.Collections.Immutable.ImmutableArray<IOperation> statements, Dictionary<ILocalSymbol, IParameterSymbol> streams)
        {
            foreach (var statement in statements)
            {
                if (statement is IUsingOperation { Resources: { } resources, Body: { } block })
                {
                    if (RejectingIn(resources, streams) is int given)
                    {
                        return given;
                    }

                    var inner = block is IBlockOperation { Operations: var operations } ? operations : System.Collections.Immutable.ImmutableArray.Create(block);
                    if (RejectingParameterIn(inner, streams) is int found)
                    {
                        return found;
                    }

                    continue;
                }

                if (statement is not (IVariableDeclarationGroupOperation or IExpressionStatementOperation or IReturnOperation or IUsingDeclarationOperation))
                {
                    return -1;
                }

                if (RejectingIn(statement, streams) is int ordinal)
                {
                    return ordinal;
                }
            }

            return null;
        }

        /// <summary>The parameter one statement (or a <c>using</c>'s resources) hands to a deserializer of <see cref="RejectsZeroBytes"/>, or null.</summary>
        private int? RejectingIn(IOperation statement, Dictionary<ILocalSymbol, IParameterSymbol> streams)
        {
            foreach (var operation in statement.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IVariableDeclaratorOperation { Initializer.Value: var value } declarator
                        when IsMemoryStreamOver(value.WalkDownConversions()) is IParameterReferenceOperation given:
                        streams[declarator.Symbol] = given.Parameter;
                        break;
                    case IInvocationOperation deserialize when RejectsZeroBytes(deserialize.TargetMethod) && Unconditional(deserialize, statement)
                        && CatalogueIndex.Argument(deserialize, 0)?.WalkDownConversions() is { } input:
                        var parameter = input switch
                        {
                            IParameterReferenceOperation bytes => bytes.Parameter,
                            ILocalReferenceOperation stream when streams.TryGetValue(stream.Local, out var over) => over,
                            _ => IsMemoryStreamOver(input) is IParameterReferenceOperation over ? over.Parameter : null,
                        };

                        if (parameter is { Type: IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte } })
                        {
                            return parameter.Ordinal;
                        }

                        break;
                }
            }

            return null;
        }

        /// <summary>
        /// The statements of a method declared once in the analysed file (<paramref name="model"/>'s tree): its block, or the
        /// return an expression body makes; null for any other method.
        /// </summary>
        private System.Collections.Immutable.ImmutableArray<IOperation>? StatementsOf(IMethodSymbol method, SemanticModel model)
        {
            var syntax = method.DeclaringSyntaxReferences[0].GetSyntax(CancellationToken);
            return syntax.SyntaxTree == model.SyntaxTree && model.GetOperation(syntax, CancellationToken) is IMethodBodyOperation body
                && (body.BlockBody ?? body.ExpressionBody) is { } block
                ? block.Operations
                : null;
        }

        /// <summary>The call runs whenever <paramref name="statement"/> does: no conditional or lambda between them.</summary>
        private static bool Unconditional(IOperation call, IOperation statement)
        {
            for (var current = call.Parent; current is not null && current != statement; current = current.Parent)
            {
                if (current is IConditionalOperation or ICoalesceOperation or IConditionalAccessOperation or IAnonymousFunctionOperation or ILocalFunctionOperation
                    || current is IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr })
                {
                    return false;
                }
            }

            return true;
        }
    }
}
