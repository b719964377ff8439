using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Common;
using SocketAnalyzers.Model;
using SocketAnalyzers.Reads;

namespace SocketAnalyzers.ByteOrder
{
    /// <summary>
    /// The cheap pre-scan of one body for the byte family, one walk of the operation tree before any graph is built:
    /// whether the body or which of its lambdas and local functions call a byte-order API (a host-order write or read,
    /// a conversion); the only value of each local (to see what a <c>BinaryWriter</c> or a stream local stands for);
    /// the locals some conversion takes (a host-order read stored there is converted afterwards); and the names the
    /// lambdas and local functions use.
    /// </summary>
    internal sealed partial class ByteScope : INetworkStreamTest
    {
        private const int MaxDepth = 6;

        private readonly HashSet<SyntaxNode> direct = new();
        private readonly Dictionary<ILocalSymbol, IOperation?> singleValues = new(SymbolComparer.Instance);
        private readonly HashSet<ISymbol> converted = new(SymbolComparer.Instance);
        private readonly HashSet<ISymbol> captured = new(SymbolComparer.Instance);

        // For each local read in the body: the other operands of the == and != it is an operand of, and whether it has any
        // other read (OnlyComparedWithDecodes).
        private readonly Dictionary<ILocalSymbol, List<IOperation>> equalityPeers = new(SymbolComparer.Instance);
        private readonly HashSet<ILocalSymbol> otherReads = new(SymbolComparer.Instance);

        // Locals read by a return statement, and locals read otherwise (OnlyReturns); the calls whose results the summary
        // says how this body uses (ReturnedDecodes).
        private readonly HashSet<ILocalSymbol> returned = new(SymbolComparer.Instance);
        private readonly HashSet<ILocalSymbol> notReturned = new(SymbolComparer.Instance);

        // Locals handed as an argument (not by ref): Compared asks whether each call only encodes the number again (EncodedAgain).
        private readonly Dictionary<ILocalSymbol, List<IArgumentOperation>> handedOn = new(SymbolComparer.Instance);
        private List<IInvocationOperation>? resultCalls;
        private readonly ByteOrderSymbols symbols;

        // The body, its model and the token of its analysis: the stream test asks the reads family with them.
        private readonly IOperation body;
        private readonly SemanticModel? model;
        private readonly System.Threading.CancellationToken cancellationToken;

        // False while the walk runs: the single values are not all known yet (the walk visits statements last first).
        private bool scanned;

        private ByteScope(ByteOrderSymbols symbols, NetworkReads reads, ISymbol? owner, bool summarize, IOperation body, System.Threading.CancellationToken cancellationToken)
        {
            this.body = body;
            model = body.SemanticModel;
            Summarizes = summarize;
            this.symbols = symbols;
            this.reads = reads;
            this.cancellationToken = cancellationToken;
            ownerMethod = owner as IMethodSymbol;
            ownerType = owner?.ContainingType;
        }

        /// <summary>The body itself (outside its lambdas and local functions) calls a byte-order API.</summary>
        public bool RootRelevant { get; private set; }

        /// <summary>Locals, parameters and fields that lambdas and local functions of the body use.</summary>
        public IReadOnlyCollection<ISymbol> Captured => captured;

        /// <summary>The lambda or local function at <paramref name="syntax"/> calls a byte-order API itself.</summary>
        public bool Uses(SyntaxNode syntax) => direct.Contains(syntax);

        /// <summary>The graph of the function at <paramref name="syntax"/> is needed: it, or a function inside it, is relevant.</summary>
        public bool Leads(SyntaxNode syntax)
        {
            foreach (var node in direct)
            {
                if (syntax.SyntaxTree == node.SyntaxTree && syntax.Span.Contains(node.Span))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// True when <paramref name="call"/>, given <paramref name="argument"/>, may be the project's own byte swap of it: a
        /// method with source in this compilation (its body is the project's, whatever it does) that takes the value by
        /// <c>ref</c>, or gives back a multi-byte number the caller uses (<c>v = Swap(v);</c>, <c>return Swap(v);</c>).
        /// The value's order after such a call is unknown, and unknown stays silent. A result dropped, a method that gives
        /// back no number (<c>Log(v)</c>, <c>Describe(v)</c>), and framework methods (<c>Math.Max</c>) are no swap.
        /// </summary>
        public static bool MayConvert(IInvocationOperation call, IArgumentOperation argument)
        {
            var method = call.TargetMethod;
            if ((method.PartialImplementationPart ?? method).OriginalDefinition.DeclaringSyntaxReferences.IsEmpty)
            {
                return false;
            }

            if (argument.Parameter?.RefKind is RefKind.Ref)
            {
                return true;
            }

            return ByteOrderTables.MultiByteName(method.ReturnType) is not null
                && call.WalkUpConversions(out _) is not IExpressionStatementOperation;
        }

        /// <summary>True when some byte-order conversion of this body takes <paramref name="symbol"/>.</summary>
        public bool IsConverted(ISymbol symbol) => converted.Contains(symbol);

        /// <summary>
        /// Scans a body: what it tells other bodies (<see cref="Summary"/>), and whether it calls a byte-order API
        /// (<see cref="IsRelevant"/>; only then is a graph built). <paramref name="owningSymbol"/> is the body's owning symbol.
        /// </summary>
        public static ByteScope Scan(IOperation body, ByteOrderSymbols symbols, NetworkReads reads, ISymbol? owningSymbol, bool summarize, System.Threading.CancellationToken cancellationToken)
        {
            var scope = new ByteScope(symbols, reads, owningSymbol, summarize, body, cancellationToken);
            var stack = new Stack<(IOperation Operation, SyntaxNode? Owner)>();
            stack.Push((body, null));
            while (stack.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (operation, owner) = stack.Pop();
                scope.Visit(operation, owner);
                var childOwner = operation.Kind is OperationKind.AnonymousFunction or OperationKind.LocalFunction ? operation.Syntax : owner;
                foreach (var child in operation.ChildOperations)
                {
                    stack.Push((child, childOwner));
                }
            }

            scope.scanned = true;
            return scope;
        }

        /// <summary>
        /// True when <paramref name="body"/> (lambdas and local functions included) makes a call that <see cref="Visit"/>
        /// takes as relevant: a conversion, a host-order write or read, or the project's own byte swap. One walk that
        /// looks at invocations only: without a summary to build (<see cref="Summarizes"/>), a body with no such call
        /// gives an empty scope, so the full scan and its bookkeeping of every local are skipped.
        /// </summary>
        public static bool CallsByteOrderApi(IOperation body, ByteOrderSymbols symbols, System.Threading.CancellationToken cancellationToken)
        {
            var operations = BodyOperations.Of(body, cancellationToken);
            for (var index = 0; index < operations.Count; index++)
            {
                if ((index & 63) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                if (operations.Kind(index) == OperationKind.Invocation && operations[index] is IInvocationOperation call
                    && IsRelevantCall(call.TargetMethod, symbols))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// <see cref="IsRelevantCall(IMethodSymbol, Model.ApiFacts?, ByteOrderSymbols)"/>, asking the catalogue only about a
        /// name some byte-order row has (<see cref="Model.CatalogueIndex.MayBeByteOrderApi"/>): any other call is relevant
        /// only as the project's own byte swap, and only if the catalogue has no row for it (the same answer; on socket code
        /// most calls are of catalogued names, and their lookup was a fifth of this test's samples on the dense corpus).
        /// </summary>
        private static bool IsRelevantCall(IMethodSymbol method, ByteOrderSymbols symbols)
            => symbols.MayBeByteOrderApi(method.Name)
                ? IsRelevantCall(method, symbols.FactsOf(method), symbols)
                : ByteSwapMethods.MayBeByteSwap(method) && symbols.FactsOf(method) is null && symbols.IsProjectByteSwap(method);

        /// <summary>
        /// A call that makes its body (or lambda) relevant: a conversion, a host-order write or read (the catalogue's
        /// <paramref name="facts"/> about <paramref name="method"/>), or, with no row, the project's own byte swap.
        /// </summary>
        private static bool IsRelevantCall(IMethodSymbol method, Model.ApiFacts? facts, ByteOrderSymbols symbols)
            => facts is null ? symbols.IsProjectByteSwap(method) : facts.Conversion || facts.HostOrderWrite is not null || facts.HostOrderRead is not null;

        /// <summary>True when the body or one of its lambdas calls a byte-order API: the flow runs only then.</summary>
        public bool IsRelevant => RootRelevant || direct.Count > 0;

        /// <summary>The kinds of the interfaces <see cref="Visit"/>'s switch has a case for.</summary>
        private static readonly OperationKindSet VisitedKinds = new(
            OperationKind.Invocation,
            OperationKind.VariableDeclarator,
            OperationKind.LocalReference,
            OperationKind.ParameterReference,
            OperationKind.FieldReference);

        private void Visit(IOperation operation, SyntaxNode? owner)
        {
            // One catalogue lookup per call, shared by the relevance test and the summary.
            var kind = operation.Kind;
            var facts = kind == OperationKind.Invocation && operation is IInvocationOperation call ? symbols.FactsOf(call.TargetMethod) : null;
            if (Summarizes)
            {
                Summarize(operation, owner, facts);
                NoteResultUse(operation, facts);
            }

            switch (VisitedKinds.Contains(kind) ? operation : null)
            {
                case IInvocationOperation invocation:
                    if (IsRelevantCall(invocation.TargetMethod, facts, symbols))
                    {
                        // A conversion, a host-order write or read, or the project's own swap, which converts as
                        // HostToNetworkOrder does (SOCK022 on a port, fresh38).
                        Relevant(owner);
                    }

                    foreach (var argument in invocation.Arguments)
                    {
                        // What a conversion takes, or what a method of the project may swap.
                        if ((facts is { Conversion: true } || (facts is null && MayConvert(invocation, argument)))
                            && ByteFlow.SymbolOf(argument.Value.WalkDownConversions()) is { } symbol)
                        {
                            converted.Add(symbol);
                        }
                    }

                    break;

                case IVariableDeclaratorOperation declarator:
                    if (declarator.Initializer is { } initializer)
                    {
                        Assign(declarator.Symbol, initializer.Value);
                    }

                    break;

                case ILocalReferenceOperation local:
                    if (owner is not null)
                    {
                        captured.Add(local.Local);
                    }

                    switch (local.Parent)
                    {
                        case ISimpleAssignmentOperation assignment when assignment.Target == local:
                            Assign(local.Local, assignment.Value);
                            break;
                        case IAssignmentOperation assignment when assignment.Target == local:
                        case IIncrementOrDecrementOperation:
                        case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out }:
                        case IInvalidOperation when local.IsRefArgumentOfUnboundCall():
                        case ITupleOperation:
                        case IDeclarationExpressionOperation:
                            Assign(local.Local, null);
                            otherReads.Add(local.Local);
                            break;
                        default:
                            NoteRead(local);
                            break;
                    }

                    break;

                case IParameterReferenceOperation parameter when owner is not null:
                    captured.Add(parameter.Parameter);
                    break;

                case IFieldReferenceOperation field when owner is not null:
                    captured.Add(field.Field);
                    break;
            }
        }

        private void Relevant(SyntaxNode? owner)
        {
            if (owner is null)
            {
                RootRelevant = true;
            }
            else
            {
                direct.Add(owner);
            }
        }

        /// <summary>Records one value given to a local; a second value (or an unknown one) makes it unknown.</summary>
        private void Assign(ILocalSymbol local, IOperation? value)
            => singleValues[local] = singleValues.ContainsKey(local) ? null : value;

        /// <summary>A read of a local: an operand of <c>==</c> or <c>!=</c> (its other operand kept), or any other use.</summary>
        private void NoteRead(ILocalReferenceOperation local)
        {
            if (local.WalkUpConversions(out _) is IReturnOperation && ReturnedDecodes.IsReturnedAsIs(local.Syntax))
            {
                returned.Add(local.Local);
            }
            else
            {
                notReturned.Add(local.Local);
            }

            var consumer = local.WalkUpConversions(out var child);
            if (consumer is IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals, OperatorMethod: null } equality)
            {
                if (!equalityPeers.TryGetValue(local.Local, out var peers))
                {
                    equalityPeers[local.Local] = peers = new List<IOperation>();
                }

                peers.Add(equality.LeftOperand == child ? equality.RightOperand : equality.LeftOperand);
                return;
            }

            if (consumer is IArgumentOperation { Parameter.RefKind: RefKind.None } argument && child == local)
            {
                // BitConverter.GetBytes(challenge), or a private method that may only do that with it: judged only for a
                // local a host-order read gives (Compared), since asking about a method binds its body.
                if (!handedOn.TryGetValue(local.Local, out var arguments))
                {
                    handedOn[local.Local] = arguments = new List<IArgumentOperation>();
                }

                arguments.Add(argument);
                return;
            }

            otherReads.Add(local.Local);
        }

        /// <summary>
        /// True when the number a host-order read gives (<paramref name="read"/>, of <paramref name="api"/>) is only ever tested
        /// for equality with another number read in the same order: the read's result itself is an operand of <c>==</c> or
        /// <c>!=</c>, or it is the only value of a local that the body reads only so. Equality of two numbers decoded the same
        /// way does not depend on the byte order (a received CRC checked against <c>BitConverter.ToUInt16</c> of the CRC
        /// computed locally), so no conversion is missing there.
        /// </summary>
        public bool OnlyComparedWithDecodes(IOperation read, HostOrderApi api, ITypeSymbol type, ISymbol? local)
            => ReturnedDecodes.IsOrderFreeUse(Compared(read, type, local), api);

        /// <summary>
        /// What the body does with the number of <paramref name="type"/> that <paramref name="value"/> gives (a host-order
        /// read, or a call's result; stored in <paramref name="local"/> when it is): only an operand of <c>==</c>/<c>!=</c>
        /// against reads of that type (in which order, or both), or otherwise. Through a local, every read of it must be such
        /// a test, the local given only this value (by syntax: the flow's operation may be the graph's copy of the tree's)
        /// and not used by a lambda.
        /// </summary>
        private ResultUse Compared(IOperation value, ITypeSymbol type, ISymbol? local)
        {
            var consumer = value.WalkUpConversions(out var child);
            if (child.Syntax.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionStatementSyntax || consumer is ISimpleAssignmentOperation { Target: IDiscardOperation })
            {
                // br.ReadInt32(); or _ = br.ReadInt32(); skips a field: no number is kept, so no order can matter (fresh59 F2).
                return ResultUse.OrderFree;
            }

            if (consumer is IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals, OperatorMethod: null } equality)
            {
                return DecodeOrder(equality.LeftOperand == child ? equality.RightOperand : equality.LeftOperand, type);
            }

            if (consumer is ISimpleAssignmentOperation assignment && assignment.Value == child && TagMember(assignment.Target) is { } member)
            {
                return ComparedMember(member, type);
            }

            var decoded = value is IInvocationOperation read && symbols.HostOrderRead(read.TargetMethod) is not null;
            if (decoded && consumer is IArgumentOperation argument && argument.Value == child && EncodedAgain(argument, type) is var again and not ResultUse.None)
            {
                // BitConverter.GetBytes(BitConverter.ToInt32(response, 5)): the same bytes again.
                return again;
            }

            if (local is not ILocalSymbol variable || otherReads.Contains(variable) || captured.Contains(variable)
                || SingleValue(variable)?.WalkDownConversions().Syntax != value.Syntax)
            {
                return ResultUse.Other;
            }

            var hasPeers = equalityPeers.TryGetValue(variable, out var peers);
            var use = ResultUse.None;
            if (handedOn.TryGetValue(variable, out var arguments))
            {
                foreach (var handed in arguments)
                {
                    if (!decoded || EncodedAgain(handed, type) is not (var order and not ResultUse.None))
                    {
                        return ResultUse.Other;
                    }

                    use |= order;
                }
            }

            if (!hasPeers && use == ResultUse.None)
            {
                // short port = r.ReadInt16(); and nothing reads port: no order can matter.
                return notReturned.Contains(variable) || returned.Contains(variable) ? ResultUse.Other : ResultUse.OrderFree;
            }

            foreach (var peer in peers ?? (IEnumerable<IOperation>)System.Array.Empty<IOperation>())
            {
                use |= DecodeOrder(peer, type);
            }

            return use;
        }

        /// <summary>
        /// True when the body's only use of <paramref name="local"/> is to return it as is, and <paramref name="read"/> is its
        /// only value (a helper that stores a read and returns it, <see cref="ReturnedDecodes"/>). By syntax: the read may be
        /// the graph's copy of the tree's operation.
        /// </summary>
        public bool OnlyReturns(ILocalSymbol local, IOperation read)
            => returned.Contains(local) && !notReturned.Contains(local) && !captured.Contains(local)
                && SingleValue(local) is { } only && only.WalkDownConversions().Syntax == read.Syntax;

        /// <summary>A call whose result the summary records (<see cref="ReturnedDecodes.MayReturnDecode"/>), or a method group.</summary>
        private void NoteResultUse(IOperation operation, Model.ApiFacts? facts)
        {
            switch (operation)
            {
                case IInvocationOperation invocation when facts is null && ReturnedDecodes.MayReturnDecode(invocation.TargetMethod):
                    (resultCalls ??= new List<IInvocationOperation>()).Add(invocation);
                    break;
                case IMethodReferenceOperation reference when ReturnedDecodes.MayReturnDecode(reference.Method):
                    // A delegate: its calls are out of sight.
                    Summarizing.UseResult(reference.Method.ReducedFrom ?? reference.Method, ResultUse.Other);
                    break;
            }
        }

        /// <summary>Adds to the summary how the body uses each call's result; the walk is over, so every local's reads are known.</summary>
        private void SummarizeResultUses()
        {
            if (resultCalls is null)
            {
                return;
            }

            foreach (var call in resultCalls)
            {
                Summarizing.UseResult(call.TargetMethod.ReducedFrom ?? call.TargetMethod, UseOf(call));
            }
        }

        /// <summary>How the body uses <paramref name="call"/>'s result (<see cref="Compared"/>), directly or through the local it is stored in.</summary>
        private ResultUse UseOf(IInvocationOperation call)
            => Compared(call, call.TargetMethod.ReturnType, call.WalkUpConversions(out _) switch
            {
                IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
                ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } => target.Local,
                _ => null,
            });

        /// <summary>
        /// The order of <paramref name="value"/> when it is a host-order read of <paramref name="type"/>, <see cref="ResultUse.OrderFree"/>
        /// for a constant whose bytes read the same either way, or <see cref="ResultUse.Other"/>.
        /// </summary>
        private ResultUse DecodeOrder(IOperation value, ITypeSymbol type)
        {
            var unwrapped = Unwrap(value);
            if (unwrapped.ConstantValue is { HasValue: true } constant)
            {
                // r.ReadInt16() == 0x0101 (fresh43: a STUN message type): the same answer in either order. r.ReadInt16() ==
                // 0x0100 (fresh47: STUN's attribute 1 as a little-endian read gives it): written in a little-endian read's order.
                return ReturnedDecodes.IsByteSymmetric(constant.Value, type) ? ResultUse.OrderFree
                    : ReturnedDecodes.LooksByteSwapped(constant.Value, type) ? ResultUse.ComparedWithLittleEndianConstant
                    : ResultUse.Other;
            }

            if (unwrapped is IInvocationOperation call && symbols.HostOrderRead(call.TargetMethod) is { } api)
            {
                return SymbolEqualityComparer.Default.Equals(call.TargetMethod.ReturnType, type) ? OrderOf(api) : ResultUse.Other;
            }

            // A tag made the same way (fresh17: four-character codes): a member whose one value is such a read.
            return MadeBy(MemberOf(unwrapped)) is { } made && SymbolEqualityComparer.Default.Equals(unwrapped.Type, type)
                ? MadeByOrder(made, unwrapped.Syntax.SpanStart, type)
                : ResultUse.Other;
        }

        private static ResultUse OrderOf(HostOrderApi api)
            => api.LittleEndianAlways ? ResultUse.ComparedWithLittleEndianDecode : ResultUse.ComparedWithHostDecode;

        /// <summary>The only value <paramref name="local"/> is given in the body, or null.</summary>
        public IOperation? SingleValue(ILocalSymbol local) => singleValues.TryGetValue(local, out var value) ? value : null;

        /// <summary>Through conversions, and through a local to the only value it is given in the body.</summary>
        public IOperation Unwrap(IOperation operation)
        {
            var value = operation.WalkDownConversions();
            for (var depth = 0; depth < MaxDepth && value is ILocalReferenceOperation local && SingleValue(local.Local) is { } only; depth++)
            {
                value = only.WalkDownConversions();
            }

            return value;
        }

        /// <summary>
        /// True when <paramref name="stream"/> is certainly a network stream: through locals given only one value in this
        /// body, the reads family's answer (<see cref="NetworkReads.IsNetworkStream(IOperation, SemanticModel, System.Threading.CancellationToken)"/>:
        /// by type, <c>GetStream()</c>, a private <c>Stream</c> field its class only gives network streams, a <c>Stream</c>
        /// parameter of a private helper every call gives one). Asked only at a stream write, read or copy, and at a
        /// <c>BinaryWriter</c>/<c>BinaryReader</c> over a stream, so that the summaries are built only there.
        /// </summary>
        public bool IsNetworkStream(IOperation stream) => IsNetworkStream(stream, cancellationToken);

        /// <inheritdoc cref="IsNetworkStream(IOperation)"/>
        public bool IsNetworkStream(IOperation stream, System.Threading.CancellationToken cancellationToken)
        {
            var value = stream.WalkDownConversions();
            for (var depth = 0; depth < MaxDepth; depth++)
            {
                if (IsNetworkStreamType(value.Type))
                {
                    return true;
                }

                if (value is ILocalReferenceOperation local)
                {
                    // A graph's statement is a tree of its own: the local is followed to the body's single value here, or
                    // judged by the reads family over the body's tree (every value a network stream or null).
                    if ((scanned ? SingleValue(local.Local) : OnlyValueInTree(local.Local)) is not { } only)
                    {
                        return reads.IsNetworkStreamLocal(body, local.Local);
                    }

                    value = only.WalkDownConversions();
                    continue;
                }

                return reads.IsNetworkStream(value, model, cancellationToken);
            }

            return false;
        }

        /// <summary>
        /// The only value the body's tree gives <paramref name="local"/>, for the pre-scan's own questions (a stream write
        /// of the summary met before a later assignment of its stream): the reads family's index of the whole body.
        /// </summary>
        private IOperation? OnlyValueInTree(ILocalSymbol local)
            => NetworkReads.AssignedValues(body, local) is { Count: 1 } values ? values[0] : null;

        private bool IsNetworkStreamType(ITypeSymbol? type) => symbols.IsNetworkStreamType(type);

        /// <summary>The stream a <c>BinaryWriter</c> (or reader) was created over in this body (its constructor's
        /// <c>Stream</c> parameter, by type), or null.</summary>
        public IOperation? WriterStream(IOperation writer) => symbols.StreamUnder(Unwrap(writer));
    }
}
