using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Common;
using SocketAnalyzers.Model;

namespace SocketAnalyzers.Reads
{
    /// <summary>
    /// "Every value this field or parameter is given is a network value or null, and one is a network value", decided by
    /// a summary of its uses (<see cref="NetworkFields"/>, <see cref="NetworkParameters"/>): asked only for candidates, decided once per symbol for the compilation (thread-safe;
    /// a cancelled summary stores nothing).
    /// </summary>
    /// <remarks>
    /// A summary may ask about another symbol of the same instance (a stream parameter passed on from another helper's
    /// parameter). A question that comes back to a symbol still being summarised on this thread (helpers that pass a
    /// stream round in a cycle) answers false, and so does every summary on that cycle: each of them reaches the cycle
    /// whichever is asked first, so the answers, and what is cached, do not depend on the order of the questions.
    /// </remarks>
    internal abstract class SymbolSummaries<TSymbol>
        where TSymbol : class, ISymbol
    {
        /// <summary>The summaries this thread is computing, innermost last (a summary runs synchronously on one thread).</summary>
        [ThreadStatic]
        private static List<(SymbolSummaries<TSymbol> Owner, TSymbol Symbol)>? computing;

        private readonly ConcurrentDictionary<TSymbol, bool> known = new(ReferenceComparer.Instance);

        private readonly Func<IOperation, CancellationToken, bool> isNetworkValue;

        private readonly CatalogueIndex? catalogue;

        /// <param name="isNetworkValue">What the symbol must be given (conversions removed; <c>null</c> is judged here): a reader over a network stream, or a network stream.</param>
        /// <param name="catalogue">For the summaries of streams and readers: the catalogue, whose empty placeholders (<see cref="ApiFacts.HoldsNoData"/>) count as <c>null</c> does.</param>
        protected SymbolSummaries(Func<IOperation, CancellationToken, bool> isNetworkValue, CatalogueIndex? catalogue)
        {
            this.isNetworkValue = isNetworkValue;
            this.catalogue = catalogue;
        }

        /// <summary>
        /// One value the symbol is given: <c>null</c> or an empty placeholder (true), a network value (true, and sets
        /// <paramref name="network"/>), or anything else (false: the symbol is unknown).
        /// </summary>
        protected bool Given(IOperation value, ref bool network, CancellationToken cancellationToken)
        {
            var v = value.WalkDownConversions();
            if (v.ConstantValue is { HasValue: true, Value: null } || (v is IFieldReferenceOperation && catalogue?.Facts(v) is { HoldsNoData: true }))
            {
                return true;
            }

            if (isNetworkValue(v, cancellationToken))
            {
                network = true;
                return true;
            }

            return false;
        }

        protected bool Answer(TSymbol symbol, SemanticModel? model, CancellationToken cancellationToken)
        {
            if (!IsCandidate(symbol) || model is null)
            {
                return false;
            }

            if (known.TryGetValue(symbol, out var answer))
            {
                return answer;
            }

            var stack = computing ??= new List<(SymbolSummaries<TSymbol> Owner, TSymbol Symbol)>();
            foreach (var (owner, open) in stack)
            {
                if (ReferenceEquals(owner, this) && SymbolEqualityComparer.Default.Equals(open, symbol))
                {
                    // A cycle: unknown.
                    return false;
                }
            }

            stack.Add((this, symbol));
            try
            {
                answer = Summarise(symbol, model, cancellationToken);
            }
            finally
            {
                stack.RemoveAt(stack.Count - 1);
            }

            known.TryAdd(symbol, answer);
            return answer;
        }

        protected abstract bool IsCandidate(TSymbol symbol);

        protected abstract bool Summarise(TSymbol symbol, SemanticModel model, CancellationToken cancellationToken);
    }
}
