using System.Collections.Concurrent;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace SocketAnalyzers.Reads
{
    /// <summary>
    /// A fact about a field or parameter that a summary of its uses decides (<see cref="NetworkFields"/>,
    /// <see cref="ReaderParameters"/>): asked only for candidates, decided once per symbol for the compilation (thread-safe;
    /// a cancelled summary stores nothing).
    /// </summary>
    internal abstract class SymbolSummaries<TSymbol>
        where TSymbol : class, ISymbol
    {
        private readonly ConcurrentDictionary<TSymbol, bool> known = new(SymbolEqualityComparer.Default);

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

            answer = Summarise(symbol, model, cancellationToken);
            known.TryAdd(symbol, answer);
            return answer;
        }

        protected abstract bool IsCandidate(TSymbol symbol);

        protected abstract bool Summarise(TSymbol symbol, SemanticModel model, CancellationToken cancellationToken);
    }
}
