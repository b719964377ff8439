using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using SocketAnalyzers.Common;

namespace SocketAnalyzers.Lifecycle
{
    /// <summary>
    /// The abstract state at one program point: which abstract sockets each name (local, parameter, this-field,
    /// flow capture) may refer to, and what is known of each abstract socket. Names that are not bound refer to
    /// their value at entry, whose state is unknown.
    /// </summary>
    internal sealed class FlowState
    {
        /// <summary>The id of "some socket we know nothing about"; its facts are always unknown and never updated.</summary>
        public const int Unknown = int.MinValue;

        // Copy on write: a copy shares both dictionaries with its source until one side changes one. The kernel copies a
        // block's in-state at every visit, and most blocks change nothing about sockets.
        private Dictionary<object, int[]> bindings;
        private Dictionary<int, SocketFacts> facts;
        private bool bindingsShared;
        private bool factsShared;

        public FlowState()
        {
            bindings = new Dictionary<object, int[]>(KeyComparer.Instance);
            facts = new Dictionary<int, SocketFacts>();
        }

        private FlowState(FlowState other)
        {
            bindings = other.bindings;
            facts = other.facts;
            bindingsShared = factsShared = true;
            other.bindingsShared = other.factsShared = true;
        }

        /// <summary>Name → the sorted ids of the abstract sockets it may refer to (change it through <see cref="Bind"/> and <see cref="Unbind"/>).</summary>
        public ReadOnlyMap<object, int[]> Bindings => new(bindings);

        /// <summary>
        /// Abstract socket id → facts (change it through <see cref="SetFacts"/> and <see cref="RemoveFacts"/>). Missing:
        /// unknown for entry values (negative ids), none for sockets made in the body.
        /// </summary>
        public ReadOnlyMap<int, SocketFacts> Facts => new(facts);

        public FlowState Clone() => new(this);

        public void Bind(object key, int[] ids) => OwnBindings()[key] = ids;

        public bool Unbind(object key) => bindings.ContainsKey(key) && OwnBindings().Remove(key);

        public void SetFacts(int id, SocketFacts value) => OwnFacts()[id] = value;

        public bool RemoveFacts(int id) => facts.ContainsKey(id) && OwnFacts().Remove(id);

        private Dictionary<object, int[]> OwnBindings()
        {
            if (bindingsShared)
            {
                bindings = new Dictionary<object, int[]>(bindings, KeyComparer.Instance);
                bindingsShared = false;
            }

            return bindings;
        }

        private Dictionary<int, SocketFacts> OwnFacts()
        {
            if (factsShared)
            {
                facts = new Dictionary<int, SocketFacts>(facts);
                factsShared = false;
            }

            return facts;
        }

        public SocketFacts GetFacts(int id)
            => Facts.TryGetValue(id, out var facts) ? facts : id < 0 ? SocketFacts.Unknown : SocketFacts.Bottom;

        /// <summary>
        /// Joins <paramref name="other"/> into this state; true when this state grew. <paramref name="entryOf"/> gives the
        /// entry value of a name that one side never bound (null for flow captures: not live there).
        /// </summary>
        public bool JoinFrom(FlowState other, Func<object, int?> entryOf)
        {
            if (ReferenceEquals(bindings, other.bindings) && ReferenceEquals(facts, other.facts))
            {
                // Copies that neither side has changed since: nothing to join.
                return false;
            }

            var changed = false;
            List<KeyValuePair<object, int[]>>? updates = null;
            foreach (var pair in other.Bindings)
            {
                var mine = Bound(this, pair.Key, entryOf);
                var union = Union(mine, pair.Value);
                if (!Bindings.ContainsKey(pair.Key) || union.Length != mine.Length)
                {
                    (updates ??= new List<KeyValuePair<object, int[]>>()).Add(new KeyValuePair<object, int[]>(pair.Key, union));
                    changed |= union.Length != mine.Length;
                }
            }

            foreach (var pair in Bindings)
            {
                if (!other.Bindings.ContainsKey(pair.Key) && entryOf(pair.Key) is int entry && Array.BinarySearch(pair.Value, entry) < 0)
                {
                    // Rebound here, untouched there: the name may still hold its entry value.
                    (updates ??= new List<KeyValuePair<object, int[]>>()).Add(new KeyValuePair<object, int[]>(pair.Key, Union(pair.Value, new[] { entry })));
                    changed = true;
                }
            }

            if (updates is not null)
            {
                foreach (var update in updates)
                {
                    Bind(update.Key, update.Value);
                }
            }

            List<KeyValuePair<int, SocketFacts>>? factUpdates = null;
            foreach (var pair in other.Facts)
            {
                var mine = GetFacts(pair.Key);
                var joined = mine.Join(pair.Value);
                if (!joined.Equals(mine))
                {
                    (factUpdates ??= new List<KeyValuePair<int, SocketFacts>>()).Add(new KeyValuePair<int, SocketFacts>(pair.Key, joined));
                }
            }

            foreach (var pair in Facts)
            {
                if (!other.Facts.ContainsKey(pair.Key))
                {
                    var joined = pair.Value.Join(other.GetFacts(pair.Key));
                    if (!joined.Equals(pair.Value))
                    {
                        (factUpdates ??= new List<KeyValuePair<int, SocketFacts>>()).Add(new KeyValuePair<int, SocketFacts>(pair.Key, joined));
                    }
                }
            }

            if (factUpdates is not null)
            {
                foreach (var update in factUpdates)
                {
                    SetFacts(update.Key, update.Value);
                }

                changed = true;
            }

            return changed;
        }

        private static int[] Bound(FlowState state, object key, Func<object, int?> entryOf)
            => state.bindings.TryGetValue(key, out var ids) ? ids : entryOf(key) is int entry ? new[] { entry } : Array.Empty<int>();

        public static int[] Union(int[] a, int[] b)
        {
            if (a.Length == 0)
            {
                return b;
            }

            if (b.Length == 0 || ReferenceEquals(a, b))
            {
                return a;
            }

            var result = new List<int>(a.Length + b.Length);
            int i = 0, j = 0;
            while (i < a.Length || j < b.Length)
            {
                if (j >= b.Length || (i < a.Length && a[i] < b[j]))
                {
                    result.Add(a[i++]);
                }
                else if (i >= a.Length || b[j] < a[i])
                {
                    result.Add(b[j++]);
                }
                else
                {
                    result.Add(a[i++]);
                    j++;
                }
            }

            return result.Count == a.Length ? a : result.ToArray();
        }
    }

    /// <summary>A key made of two parts (an operation and a name), compared with <see cref="KeyComparer"/>.</summary>
    internal sealed class PairKey
    {
        public PairKey(object first, object second)
        {
            First = first;
            Second = second;
        }

        public object First { get; }

        public object Second { get; }

        public override bool Equals(object? obj)
            => obj is PairKey other && KeyComparer.Instance.Equals(First, other.First) && KeyComparer.Instance.Equals(Second, other.Second);

        public override int GetHashCode()
            => (KeyComparer.Instance.GetHashCode(First) * 397) ^ KeyComparer.Instance.GetHashCode(Second);
    }
}
