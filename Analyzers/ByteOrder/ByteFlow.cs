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
    /// What <see cref="StreamFieldTracker"/> needs to tell whether a value given to a writer or reader field is over the
    /// network: the stream under a <c>BinaryWriter</c>/<c>BinaryReader</c> creation, a local's only value, and (for a
    /// reader over a <c>MemoryStream</c>) whether the array came from a network read before the assignment. The rules
    /// themselves decide on the flow kernel (<see cref="ByteOrderFlow"/>); this helper only serves the per-type tracker
    /// until the cross-method work (issue 9) replaces it. Also the small shared helper <see cref="SymbolOf"/>.
    /// </summary>
    internal sealed class ByteFlow : INetworkStreamTest
    {
        private const int MaxDepth = 6;

        private readonly ByteOrderSymbols symbols;
        private readonly NetworkReads reads;
        private readonly IOperation body;
        private readonly System.Threading.CancellationToken cancellationToken;
        private ImmutableArray<IOperation> operations;

        public ByteFlow(ByteOrderSymbols symbols, NetworkReads reads, IOperation anyOperation, System.Threading.CancellationToken cancellationToken)
        {
            this.symbols = symbols;
            this.reads = reads;
            this.cancellationToken = cancellationToken;
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

        // ---------------------------------------------------------------- reads (SOCK021)

        /// <summary>True when <paramref name="stream"/> reads from the network: a network stream, or a
        /// <c>MemoryStream</c> over bytes a network read filled.</summary>
        public bool IsNetworkSource(IOperation stream, int before)
        {
            var value = Unwrap(stream, 0);
            if (IsNetworkStream(value, cancellationToken))
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
                        if (symbols.ReceiveBuffer(invocation, reads, this, cancellationToken) is { } received && SymbolEqualityComparer.Default.Equals(SymbolOf(RootOf(received)), symbol))
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

        // ---------------------------------------------------------------- shared

        /// <summary>
        /// True when <paramref name="stream"/> is certainly a network stream: through locals given only one value in the
        /// body, the reads family's answer (<see cref="NetworkReads.IsNetworkStream(IOperation, SemanticModel, System.Threading.CancellationToken)"/>:
        /// by type, <c>GetStream()</c>, a private <c>Stream</c> field or a private helper's <c>Stream</c> parameter that
        /// only ever holds one).
        /// </summary>
        public bool IsNetworkStream(IOperation stream, System.Threading.CancellationToken cancellationToken) => IsNetworkStream(stream, 0, cancellationToken);

        private bool IsNetworkStream(IOperation stream, int depth, System.Threading.CancellationToken cancellationToken)
        {
            var value = stream.WalkDownConversions();
            if (IsNetworkStreamType(value.Type))
            {
                return true;
            }

            if (value is ILocalReferenceOperation local && depth < MaxDepth && SingleValue(local.Local) is { } only)
            {
                return IsNetworkStream(only, depth + 1, cancellationToken);
            }

            // This helper reads the operation tree itself, so a local with several values goes to the reads family too
            // (every value a network stream or null).
            return reads.IsNetworkStream(value, value.SemanticModel, cancellationToken);
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

        /// <summary>The stream a <c>BinaryWriter</c> (or reader) was created over in this body, or null.</summary>
        public IOperation? WriterStream(IOperation writer) => symbols.StreamUnder(Unwrap(writer, 0));

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
