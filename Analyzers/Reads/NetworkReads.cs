using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Common;

namespace SocketAnalyzers.Reads
{
    /// <summary>
    /// The model of network reads: which calls return a byte count that the caller must use. Data, not code:
    /// a new read API is one line in <see cref="SocketReads"/> or <see cref="StreamReads"/>.
    /// </summary>
    internal sealed class NetworkReads
    {
        /// <summary><c>Socket</c> methods whose result (or awaited result) is the number of bytes received.</summary>
        private static readonly ImmutableHashSet<string> SocketReads = ImmutableHashSet.Create(
            "Receive",
            "ReceiveAsync",
            "EndReceive");

        /// <summary><c>Stream</c> methods whose result (or awaited result) is the number of bytes read.</summary>
        private static readonly ImmutableHashSet<string> StreamReads = ImmutableHashSet.Create(
            "Read",
            "ReadAsync",
            "EndRead");

        private readonly KnownSymbols symbols;

        public NetworkReads(KnownSymbols symbols)
        {
            this.symbols = symbols;
        }

        /// <summary>True when <paramref name="invocation"/> is a network read that returns a byte count.</summary>
        public bool IsCountingRead(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (!ReturnsCount(method.ReturnType))
            {
                return false;
            }

            if (SymbolEqualityComparer.Default.Equals(method.ContainingType.OriginalDefinition, symbols.Socket))
            {
                return SocketReads.Contains(method.Name);
            }

            if (StreamReads.Contains(method.Name)
                && KnownSymbols.IsOrDerivesFrom(method.ContainingType, symbols.Stream)
                && invocation.Instance is { } instance)
            {
                var receiverType = instance.WalkDownConversions().Type;
                return KnownSymbols.IsOrDerivesFrom(receiverType, symbols.NetworkStream)
                    || KnownSymbols.IsOrDerivesFrom(receiverType, symbols.AuthenticatedStream);
            }

            return false;
        }

        private bool ReturnsCount(ITypeSymbol type)
        {
            if (type.SpecialType == SpecialType.System_Int32)
            {
                return true;
            }

            return type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named
                && named.TypeArguments[0].SpecialType == SpecialType.System_Int32
                && (SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, symbols.TaskOfT)
                    || SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, symbols.ValueTaskOfT));
        }
    }
}
