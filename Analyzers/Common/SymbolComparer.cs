using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace SocketAnalyzers.Common
{
    /// <summary>
    /// <see cref="SymbolEqualityComparer.Default"/>'s equality with a cheaper hash for the names a flow analysis keys its
    /// state by. Hashing a local, a parameter or a field with the default comparer combines the hashes of its containing
    /// symbols (about 110 ns for a source local, measured with Roslyn 4.8), and the families hash a name at nearly every
    /// operation. Two equal symbols have the same kind and name, so hashing the name keeps the comparer consistent; two
    /// different names of one body rarely share a name, and equality still decides.
    /// </summary>
    internal sealed class SymbolComparer : IEqualityComparer<ISymbol?>
    {
        public static readonly SymbolComparer Instance = new();

        private SymbolComparer()
        {
        }

        public static int Hash(ISymbol symbol) => symbol.Kind switch
        {
            // A local the compiler made (the lock taken flag of a lock, a using's temporary) may have no name.
            // A named type too: the default walks its namespaces (the catalogue hashes a member's type at every lookup).
            SymbolKind.Local or SymbolKind.Parameter or SymbolKind.Field or SymbolKind.RangeVariable or SymbolKind.NamedType
                => (symbol.Name is { } name ? NameHash(name) : 0) ^ (int)symbol.Kind,

            // A method too, with its type's name (overloads share a name): the catalogue's tables and the families'
            // summaries are keyed by methods and asked at every call.
            SymbolKind.Method => NameHash(symbol.Name) ^ (symbol.ContainingType is { } type ? NameHash(type.Name) * 7 : 0) ^ (int)SymbolKind.Method,
            _ => SymbolEqualityComparer.Default.GetHashCode(symbol),
        };

        /// <summary>
        /// A name's hash, not randomized: the ordinal comparer's (Marvin) was a third of this comparer's samples, and the
        /// names are the code's own identifiers, short and not chosen to collide.
        /// </summary>
        private static int NameHash(string name)
        {
            var hash = (uint)name.Length;
            foreach (var c in name)
            {
                hash = (hash * 31) + c;
            }

            return (int)hash;
        }

        public bool Equals(ISymbol? x, ISymbol? y) => ReferenceEquals(x, y) || SymbolEqualityComparer.Default.Equals(x, y);

        public int GetHashCode(ISymbol? obj) => obj is null ? 0 : Hash(obj);
    }

    /// <summary>Compares names: symbols by <see cref="SymbolEqualityComparer.Default"/>, the rest (capture ids, site keys) by value; every flow family keys its state by it.</summary>
    internal sealed class KeyComparer : IEqualityComparer<object>
    {
        public static readonly KeyComparer Instance = new();

        public new bool Equals(object? x, object? y)
        {
            if (x is ISymbol a && y is ISymbol b)
            {
                return SymbolEqualityComparer.Default.Equals(a, b);
            }

            return object.Equals(x, y);
        }

        public int GetHashCode(object obj) => obj is ISymbol symbol ? SymbolComparer.Hash(symbol) : obj.GetHashCode();
    }

    /// <summary>
    /// Symbols by reference: for a table of answers about the symbols a compilation's operations name (one object per
    /// symbol there), where the symbol's own equality and hash cost more than the answer saves.
    /// </summary>
    internal sealed class ReferenceComparer : IEqualityComparer<ISymbol>
    {
        public static readonly ReferenceComparer Instance = new();

        private ReferenceComparer()
        {
        }

        public bool Equals(ISymbol? x, ISymbol? y) => ReferenceEquals(x, y);

        public int GetHashCode(ISymbol obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }
}
