using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Model;

namespace SocketAnalyzers.Reads
{
    /// <summary>
    /// The APIs that consume a byte buffer's contents (decode, send, copy, deserialize): the rows of
    /// <see cref="SocketApiCatalogue"/> marked <see cref="ApiRow.ConsumesBuffer"/>. SOCK012 reports one of them when it
    /// takes a buffer whole right after a read that may have filled only part of it.
    /// </summary>
    internal sealed class BufferConsumers
    {
        private readonly CatalogueIndex catalogue;

        public BufferConsumers(CatalogueIndex catalogue)
        {
            this.catalogue = catalogue;
        }

        /// <summary>True when <paramref name="method"/> (or the member it overrides) is a consumer.</summary>
        public bool IsConsumer(IMethodSymbol method) => catalogue.Facts(method) is { Consumes: true };

        /// <summary>The ordinal of the start parameter of the consumer <paramref name="operation"/> calls (<see cref="ApiRow.ConsumesFrom"/>), or null.</summary>
        public int? StartOrdinal(IOperation operation) => operation switch
        {
            IInvocationOperation call => catalogue.Facts(call.TargetMethod)?.ConsumesFrom,
            IObjectCreationOperation { Constructor: { } constructor } => catalogue.Facts(constructor)?.ConsumesFrom,
            _ => null,
        };

        /// <summary>
        /// True when <paramref name="operation"/> calls or constructs a consumer of a buffer whose elements are
        /// <paramref name="element"/> (<see cref="ApiRow.ConsumesOnlyChars"/>: some consume only a <c>char</c> buffer).
        /// </summary>
        public bool IsConsumerOf(IOperation operation, SpecialType element) => operation switch
        {
            IInvocationOperation call => catalogue.Facts(call.TargetMethod) is { Consumes: true } facts && (!facts.ConsumesOnlyChars || element == SpecialType.System_Char),
            IObjectCreationOperation { Constructor: { } constructor } => catalogue.Facts(constructor) is { Consumes: true } facts && (!facts.ConsumesOnlyChars || element == SpecialType.System_Char),
            _ => false,
        };

        /// <summary>True when <paramref name="operation"/> calls or constructs a consumer.</summary>
        public bool IsConsumer(IOperation operation) => operation switch
        {
            IInvocationOperation call => IsConsumer(call.TargetMethod),
            IObjectCreationOperation { Constructor: { } constructor } => IsConsumer(constructor),
            _ => false,
        };
    }
}
