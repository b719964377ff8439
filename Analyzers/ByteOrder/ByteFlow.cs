using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Common;
using SocketAnalyzers.Model;
using SocketAnalyzers.Reads;

namespace SocketAnalyzers.ByteOrder
{
    /// <summary>
    /// Follows bytes and numbers within one body (the outermost operation block around a call): into locals and
    /// fields of <c>this</c>, through copies into other buffers and streams, out to a send. Only what this body
    /// shows counts: a buffer that goes to unknown code, a parameter, or a stream of unknown kind is not followed,
    /// so the answer "reaches the network" is certain, and "no" means "not known".
    /// </summary>
    internal sealed class ByteFlow
    {
        private const int MaxDepth = 6;

        private readonly ByteOrderSymbols symbols;
        private readonly NetworkReads reads;
        private readonly IOperation body;
        private ImmutableArray<IOperation> operations;

        public ByteFlow(ByteOrderSymbols symbols, NetworkReads reads, IOperation anyOperation)
        {
            this.symbols = symbols;
            this.reads = reads;
            var top = anyOperation;
            while (top.Parent is { } parent)
            {
                top = parent;
            }

            body = top;
        }

        private ImmutableArray<IOperation> Operations
        {
            get
            {
                if (operations.IsDefault)
                {
                    operations = body.DescendantsAndSelf().ToImmutableArray();
                }

                return operations;
            }
        }

        // ---------------------------------------------------------------- writes (SOCK020)

        /// <summary>True when the bytes that <paramref name="value"/> stands for are certainly sent to the network.</summary>
        public bool ReachesNetwork(IOperation value) => Flow(value, 0, new HashSet<ISymbol>(SymbolEqualityComparer.Default));

        /// <summary>True when bytes written into <paramref name="destination"/> (a buffer, a span over one, a stream)
        /// by the call that ends at <paramref name="since"/> are certainly sent to the network.</summary>
        public bool WrittenIntoReachesNetwork(IOperation destination, int since)
        {
            if (IsNetworkStream(destination))
            {
                return true;
            }

            return IntoContainer(destination, since, 0, new HashSet<ISymbol>(SymbolEqualityComparer.Default));
        }

        private bool Flow(IOperation value, int depth, HashSet<ISymbol> visited)
        {
            if (depth > MaxDepth)
            {
                return false;
            }

            var current = value;
            while (true)
            {
                var parent = current.Parent;
                switch (parent)
                {
                    case IConversionOperation or IParenthesizedOperation:
                        current = parent;
                        continue;

                    case IArgumentOperation { Parameter: { } parameter } argument:
                        switch (argument.Parent)
                        {
                            case IObjectCreationOperation creation when creation.Constructor is { } constructor
                                && symbols.IsViewConstructor(constructor) && parameter.Ordinal == 0:
                                current = creation;
                                continue;

                            case IInvocationOperation invocation:
                                var method = invocation.TargetMethod;
                                if (symbols.IsView(method) && invocation.Instance is null && parameter.Ordinal == 0)
                                {
                                    current = invocation;
                                    continue;
                                }

                                if (IsSendData(invocation, parameter))
                                {
                                    return true;
                                }

                                if (symbols.TryGetCopy(method, out var shape) && shape.Source == parameter.Ordinal)
                                {
                                    return CopiedOn(invocation, shape, depth, visited);
                                }

                                return false;

                            default:
                                return false;
                        }

                    case IInvocationOperation invocation when invocation.Instance == current:
                        if (symbols.IsView(invocation.TargetMethod))
                        {
                            current = invocation;
                            continue;
                        }

                        if (symbols.TryGetCopy(invocation.TargetMethod, out var instanceShape) && instanceShape.Source == ByteOrderTables.Instance)
                        {
                            return CopiedOn(invocation, instanceShape, depth, visited);
                        }

                        return false;

                    case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                        return IntoSymbol(declarator.Symbol, declarator.Syntax.Span.End, depth + 1, visited);

                    case ISimpleAssignmentOperation assignment when assignment.Value == current:
                        return SymbolOf(assignment.Target) is { } target
                            && IntoSymbol(target, assignment.Syntax.Span.End, depth + 1, visited);

                    default:
                        return false;
                }
            }
        }

        private bool CopiedOn(IInvocationOperation invocation, CopyShape shape, int depth, HashSet<ISymbol> visited)
        {
            var destination = CatalogueIndex.Argument(invocation, shape.Destination);
            if (destination is null)
            {
                return false;
            }

            if (IsNetworkStream(destination))
            {
                return true;
            }

            return IntoContainer(destination, invocation.Syntax.Span.End, depth + 1, visited);
        }

        private bool IntoContainer(IOperation destination, int since, int depth, HashSet<ISymbol> visited)
            => SymbolOf(RootOf(destination)) is { } symbol && IntoSymbol(symbol, since, depth, visited);

        /// <summary>Host-order bytes were placed in <paramref name="symbol"/> at <paramref name="since"/>: do they leave for the network afterwards?</summary>
        private bool IntoSymbol(ISymbol symbol, int since, int depth, HashSet<ISymbol> visited)
        {
            if (depth > MaxDepth || !visited.Add(symbol) || IsReversed(symbol) || CountWrites(symbol) > 1)
            {
                return false;
            }

            foreach (var operation in Operations)
            {
                if (operation.Syntax.SpanStart >= since
                    && IsReferenceTo(operation, symbol)
                    && !IsWriteTarget(operation)
                    && Flow(operation, depth, visited))
                {
                    return true;
                }
            }

            return false;
        }

        private bool IsSendData(IInvocationOperation invocation, IParameterSymbol parameter)
        {
            if (!symbols.IsSendData(invocation.TargetMethod, parameter.Ordinal))
            {
                return false;
            }

            var method = invocation.TargetMethod;
            return symbols.IsSend(method)
                || (symbols.IsStreamWrite(method) && invocation.Instance is { } stream && IsNetworkStream(stream));
        }

        // ---------------------------------------------------------------- reads (SOCK021)

        /// <summary>True when the bytes of <paramref name="buffer"/> certainly came from a network read earlier in the body.</summary>
        public bool IsNetworkData(IOperation buffer, int before) => IsNetworkData(buffer, before, 0);

        /// <summary>True when <paramref name="stream"/> reads from the network: a network stream, or a
        /// <c>MemoryStream</c> over bytes a network read filled.</summary>
        public bool IsNetworkSource(IOperation stream, int before)
        {
            var value = Unwrap(stream, 0);
            if (IsNetworkStream(value))
            {
                return true;
            }

            return value is IObjectCreationOperation creation
                && KnownSymbols.IsOrDerivesFrom(creation.Type, symbols.MemoryStream)
                && creation.Arguments.Length > 0
                && creation.Arguments[0].Parameter?.Type is IArrayTypeSymbol
                && IsNetworkData(creation.Arguments[0].Value, before, 1);
        }

        private bool IsNetworkData(IOperation buffer, int before, int depth)
        {
            if (depth > MaxDepth)
            {
                return false;
            }

            var root = RootOf(buffer);
            switch (root)
            {
                case IInvocationOperation invocation when symbols.IsReceiveReturningData(invocation.TargetMethod):
                    return true;
                case IPropertyReferenceOperation property when symbols.IsReceivedData(property.Property):
                    return true;
            }

            var symbol = SymbolOf(root);
            if (symbol is null || IsReversed(symbol))
            {
                return false;
            }

            foreach (var operation in Operations)
            {
                if (operation.Syntax.SpanStart >= before)
                {
                    continue;
                }

                switch (operation)
                {
                    case IInvocationOperation invocation:
                        if (ReceiveBuffer(invocation) is { } received && SymbolEqualityComparer.Default.Equals(SymbolOf(RootOf(received)), symbol))
                        {
                            return true;
                        }

                        if (symbols.TryGetCopy(invocation.TargetMethod, out var shape)
                            && CatalogueIndex.Argument(invocation, shape.Destination) is { } destination
                            && SymbolEqualityComparer.Default.Equals(SymbolOf(RootOf(destination)), symbol)
                            && CatalogueIndex.Argument(invocation, shape.Source) is { } source
                            && IsNetworkData(source, invocation.Syntax.SpanStart, depth + 1))
                        {
                            return true;
                        }

                        break;

                    case IVariableDeclaratorOperation { Initializer: { } initializer } declarator
                        when SymbolEqualityComparer.Default.Equals(declarator.Symbol, symbol):
                        if (IsNetworkData(initializer.Value, operation.Syntax.SpanStart, depth + 1))
                        {
                            return true;
                        }

                        break;

                    case ISimpleAssignmentOperation assignment when SymbolEqualityComparer.Default.Equals(SymbolOf(assignment.Target), symbol):
                        if (IsNetworkData(assignment.Value, operation.Syntax.SpanStart, depth + 1))
                        {
                            return true;
                        }

                        break;
                }
            }

            return false;
        }

        /// <summary>The buffer a network read fills, or null when <paramref name="invocation"/> is not a network read into a buffer.</summary>
        private IOperation? ReceiveBuffer(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            var isRead = symbols.IsReceiveIntoBuffer(method)
                || reads.IsCountingRead(invocation)
                || (symbols.IsStreamReadIntoBuffer(method) && invocation.Instance is { } stream && IsNetworkStream(stream));
            return isRead ? symbols.FilledBuffer(invocation) : null;
        }

        // ---------------------------------------------------------------- numbers

        /// <summary>True when the number <paramref name="value"/> was converted to or from network order in this body.</summary>
        public bool IsConvertedNumber(IOperation value)
        {
            var inner = value.WalkDownConversions();
            if (IsConversionCall(inner))
            {
                return true;
            }

            var symbol = SymbolOf(inner);
            if (symbol is null)
            {
                return false;
            }

            foreach (var operation in Operations)
            {
                switch (operation)
                {
                    case IVariableDeclaratorOperation { Initializer: { } initializer } declarator
                        when SymbolEqualityComparer.Default.Equals(declarator.Symbol, symbol) && IsConversionCall(initializer.Value.WalkDownConversions()):
                        return true;
                    case ISimpleAssignmentOperation assignment
                        when SymbolEqualityComparer.Default.Equals(SymbolOf(assignment.Target), symbol) && IsConversionCall(assignment.Value.WalkDownConversions()):
                        return true;
                }
            }

            return false;
        }

        /// <summary>True when the number <paramref name="invocation"/> returns is converted afterwards: passed to a
        /// conversion directly, or stored in a local that a conversion later takes.</summary>
        public bool IsResultConverted(IInvocationOperation invocation)
        {
            var parent = invocation.WalkUpConversions(out _);
            if (parent is IArgumentOperation { Parent: IInvocationOperation call } && IsConversionCall(call))
            {
                return true;
            }

            ISymbol? target = parent switch
            {
                IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
                ISimpleAssignmentOperation assignment => SymbolOf(assignment.Target),
                _ => null,
            };
            if (target is null)
            {
                return false;
            }

            foreach (var operation in Operations)
            {
                if (operation is IInvocationOperation call2 && IsConversionCall(call2)
                    && call2.Arguments.Any(a => SymbolEqualityComparer.Default.Equals(SymbolOf(a.Value.WalkDownConversions()), target)))
                {
                    return true;
                }
            }

            return false;
        }

        private bool IsConversionCall(IOperation operation)
            => operation is IInvocationOperation invocation && symbols.IsConversion(invocation.TargetMethod);

        // ---------------------------------------------------------------- shared

        /// <summary>True when <paramref name="stream"/> is certainly a network stream: by its type, or a local whose only value is one.</summary>
        public bool IsNetworkStream(IOperation stream) => IsNetworkStream(stream, 0);

        private bool IsNetworkStream(IOperation stream, int depth)
        {
            var value = stream.WalkDownConversions();
            if (IsNetworkStreamType(value.Type))
            {
                return true;
            }

            return depth < MaxDepth
                && value is ILocalReferenceOperation local
                && SingleValue(local.Local) is { } only
                && IsNetworkStream(only, depth + 1);
        }

        private bool IsNetworkStreamType(ITypeSymbol? type)
            => symbols.IsNetworkStreamType(type);

        /// <summary>Through conversions, and through a local to the only value it is given in the body.</summary>
        public IOperation Unwrap(IOperation operation, int depth)
        {
            var value = operation.WalkDownConversions();
            if (depth < MaxDepth && value is ILocalReferenceOperation local && SingleValue(local.Local) is { } only)
            {
                return Unwrap(only, depth + 1);
            }

            return value;
        }

        /// <summary>The only value a local is given in the body, or null when it has none or several.</summary>
        public IOperation? SingleValue(ILocalSymbol local)
        {
            IOperation? value = null;
            var count = 0;
            foreach (var operation in Operations)
            {
                switch (operation)
                {
                    case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                        if (declarator.Initializer is { } initializer)
                        {
                            value = initializer.Value;
                            count++;
                        }

                        break;
                    case ILocalReferenceOperation reference when SymbolEqualityComparer.Default.Equals(reference.Local, local) && IsWriteTarget(reference):
                        value = (reference.Parent as ISimpleAssignmentOperation)?.Value;
                        count++;
                        break;
                }
            }

            return count == 1 ? value : null;
        }

        /// <summary>The buffer under a view: through conversions, <c>AsSpan</c>, <c>Slice</c>, <c>new ArraySegment(buffer, …)</c>, <c>ref buffer[i]</c>.</summary>
        public IOperation RootOf(IOperation operation)
        {
            var current = operation;
            for (var i = 0; i < 16; i++)
            {
                current = current.WalkDownConversions();
                switch (current)
                {
                    case IInvocationOperation invocation when symbols.IsView(invocation.TargetMethod):
                        var next = invocation.Instance ?? (invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);
                        if (next is null)
                        {
                            return current;
                        }

                        current = next;
                        continue;
                    case IObjectCreationOperation creation when creation.Constructor is { } constructor && symbols.IsViewConstructor(constructor)
                        && creation.Arguments.Length > 0:
                        current = creation.Arguments[0].Value;
                        continue;
                    case IArrayElementReferenceOperation element:
                        current = element.ArrayReference;
                        continue;
                    case IImplicitIndexerReferenceOperation indexer:
                        current = indexer.Instance;
                        continue;
                    default:
                        return current;
                }
            }

            return current;
        }

        /// <summary>A local, or a field of <c>this</c> or a static field; null for anything else (unknown).</summary>
        public static ISymbol? SymbolOf(IOperation operation) => operation switch
        {
            ILocalReferenceOperation local => local.Local,
            IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field => field.Field,
            IParameterReferenceOperation { Parameter.RefKind: RefKind.None } parameter => parameter.Parameter,
            _ => null,
        };

        /// <summary>The argument named <paramref name="name"/>, or the instance for <see cref="ByteOrderTables.Instance"/>.</summary>
        public static IOperation? Find(IInvocationOperation invocation, string name)
        {
            if (name == "this")
            {
                return invocation.Instance;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Name == name)
                {
                    return argument.Value;
                }
            }

            return null;
        }

        private bool IsReversed(ISymbol symbol)
        {
            foreach (var operation in Operations)
            {
                if (operation is IInvocationOperation invocation && symbols.IsReversal(invocation.TargetMethod))
                {
                    var target = invocation.Instance ?? (invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);
                    if (target is not null && SymbolEqualityComparer.Default.Equals(SymbolOf(RootOf(target)), symbol))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private int CountWrites(ISymbol symbol)
        {
            var count = 0;
            foreach (var operation in Operations)
            {
                switch (operation)
                {
                    case IVariableDeclaratorOperation { Initializer: not null } declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, symbol):
                        count++;
                        break;
                    case ILocalReferenceOperation or IFieldReferenceOperation or IParameterReferenceOperation
                        when IsWriteTarget(operation) && SymbolEqualityComparer.Default.Equals(SymbolOf(operation), symbol):
                        count++;
                        break;
                }
            }

            return count;
        }

        private static bool IsReferenceTo(IOperation operation, ISymbol symbol)
            => operation is ILocalReferenceOperation or IFieldReferenceOperation or IParameterReferenceOperation
                && SymbolEqualityComparer.Default.Equals(SymbolOf(operation), symbol);

        /// <summary>True when <paramref name="reference"/> is written: an assignment's target, or a <c>ref</c>/<c>out</c> argument.</summary>
        private static bool IsWriteTarget(IOperation reference) => reference.Parent switch
        {
            IAssignmentOperation assignment => assignment.Target == reference,
            IArgumentOperation { Parameter.RefKind: RefKind.Out or RefKind.Ref } => true,
            ITupleOperation { Parent: IDeconstructionAssignmentOperation } => true,
            _ => false,
        };
    }
}
