using System.Collections.Generic;

namespace SocketAnalyzers.Common
{
    /// <summary>
    /// A read-only view of a dictionary, with the dictionary's own enumerators (no boxing): what a copy-on-write state
    /// hands out, so that every change goes through the state.
    /// </summary>
    internal readonly struct ReadOnlyMap<TKey, TValue>
        where TKey : notnull
    {
        private readonly Dictionary<TKey, TValue> map;

        public ReadOnlyMap(Dictionary<TKey, TValue> map) => this.map = map;

        public int Count => map.Count;

        public Dictionary<TKey, TValue>.KeyCollection Keys => map.Keys;

        public Dictionary<TKey, TValue>.ValueCollection Values => map.Values;

        public bool ContainsKey(TKey key) => map.ContainsKey(key);

        public bool TryGetValue(TKey key, out TValue value) => map.TryGetValue(key, out value!);

        public Dictionary<TKey, TValue>.Enumerator GetEnumerator() => map.GetEnumerator();
    }

    /// <summary>A read-only view of a set, with the set's own enumerator (no boxing): what a copy-on-write state hands out.</summary>
    internal readonly struct ReadOnlySet<T>
    {
        private readonly HashSet<T> set;

        public ReadOnlySet(HashSet<T> set) => this.set = set;

        public int Count => set.Count;

        public bool Contains(T item) => set.Contains(item);

        public HashSet<T>.Enumerator GetEnumerator() => set.GetEnumerator();
    }
}
