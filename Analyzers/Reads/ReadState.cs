using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using SocketAnalyzers.Common;
using SocketAnalyzers.Lifecycle;

namespace SocketAnalyzers.Reads
{
    /// <summary>
    /// SOCK011's fact for one read: "a path on which this read last returned 0 (end of stream) reaches here".
    /// <see cref="Zeros"/> (a must-fact: intersection at joins) are the locals and flow captures that hold that 0;
    /// <see cref="Changed"/> (a may-fact: union) are the variables that something other than a no-op with an empty read
    /// changed on such a path, so a condition over the others has the same value on every turn once reads return 0.
    /// </summary>
    internal sealed class ZeroFact
    {
        private HashSet<object> zeros;
        private HashSet<object> changed;

        // Copy on write: a copy of the state shares both sets with its source until one side changes one. On a long
        // method Changed grows with every variable the 0 path touches, and copying it at every block was quadratic.
        private bool zerosShared;
        private bool changedShared;

        public ZeroFact(HashSet<object> zeros, HashSet<object> changed)
        {
            this.zeros = zeros;
            this.changed = changed;
        }

        /// <summary>Read only: change it through <see cref="AddZero"/>, <see cref="RemoveZero"/>, <see cref="ClearZeros"/>.</summary>
        public HashSet<object> Zeros => zeros;

        /// <summary>Read only: change it through <see cref="AddChanged"/>, <see cref="RemoveChanged"/>.</summary>
        public HashSet<object> Changed => changed;

        /// <summary>
        /// On every path since the read returned 0, a call waited for other input (a connection to accept, the console):
        /// the loop does not spin, it never ends. A must-fact (joined by "and"), false when the read restarts the fact.
        /// </summary>
        public bool Blocked { get; set; }

        public ZeroFact Clone()
        {
            zerosShared = true;
            changedShared = true;
            return new ZeroFact(zeros, changed) { zerosShared = true, changedShared = true, Blocked = Blocked };
        }

        public bool AddZero(object key) => !zeros.Contains(key) && OwnZeros().Add(key);

        public bool RemoveZero(object key) => zeros.Contains(key) && OwnZeros().Remove(key);

        public void ClearZeros()
        {
            if (zeros.Count > 0)
            {
                zeros = new HashSet<object>(KeyComparer.Instance);
                zerosShared = false;
            }
        }

        public bool AddChanged(object key) => !changed.Contains(key) && OwnChanged().Add(key);

        public bool RemoveChanged(object key) => changed.Contains(key) && OwnChanged().Remove(key);

        public bool JoinFrom(ZeroFact other)
        {
            var grew = false;
            if (Blocked && !other.Blocked)
            {
                Blocked = false;
                grew = true;
            }

            if (zeros.Count > 0 && !ReferenceEquals(zeros, other.zeros))
            {
                var before = zeros.Count;
                var kept = new HashSet<object>(zeros, KeyComparer.Instance);
                kept.IntersectWith(other.zeros);
                if (kept.Count != before)
                {
                    zeros = kept;
                    zerosShared = false;
                    grew = true;
                }
            }

            if (!ReferenceEquals(changed, other.changed) && !changed.IsSupersetOf(other.changed))
            {
                OwnChanged().UnionWith(other.changed);
                grew = true;
            }

            return grew;
        }

        private HashSet<object> OwnZeros()
        {
            if (zerosShared)
            {
                zeros = new HashSet<object>(zeros, KeyComparer.Instance);
                zerosShared = false;
            }

            return zeros;
        }

        private HashSet<object> OwnChanged()
        {
            if (changedShared)
            {
                changed = new HashSet<object>(changed, KeyComparer.Instance);
                changedShared = false;
            }

            return changed;
        }
    }

    /// <summary>The reads family's state at one program point.</summary>
    internal sealed class ReadState
    {
        public ReadState()
        {
            Zero = new Dictionary<int, ZeroFact>();
            Defs = new Dictionary<ILocalSymbol, HashSet<int>>(SymbolComparer.Instance);
            Pending = new HashSet<int>();
            Filled = new Dictionary<ISymbol, int>(SymbolComparer.Instance);
        }

        /// <summary>A deep copy: the dictionaries sized once (<see cref="Filled"/> by its copy constructor), each in the source's enumeration order.</summary>
        private ReadState(ReadState other)
        {
            Zero = new Dictionary<int, ZeroFact>(other.Zero.Count);
            foreach (var pair in other.Zero)
            {
                Zero.Add(pair.Key, pair.Value.Clone());
            }

            Defs = new Dictionary<ILocalSymbol, HashSet<int>>(other.Defs.Count, SymbolComparer.Instance);
            foreach (var pair in other.Defs)
            {
                // The sets are never changed once stored (a join replaces a set it grows), so copies share them.
                Defs.Add(pair.Key, pair.Value);
            }

            Pending = new HashSet<int>();
            Pending.UnionWith(other.Pending);
            Filled = new Dictionary<ISymbol, int>(other.Filled, SymbolComparer.Instance);
            available = other.available is { Count: > 0 } guards ? new Dictionary<ISymbol, int>(guards, SymbolComparer.Instance) : null;
            Dead = other.Dead;
        }

        /// <summary>SOCK011: read index → its 0-count fact (present: some path from a 0 result reaches here).</summary>
        public Dictionary<int, ZeroFact> Zero { get; }

        /// <summary>SOCK010: reaching definitions of counts, local → the reads whose count it may hold (may: union). A set is never changed once stored: states share them.</summary>
        public Dictionary<ILocalSymbol, HashSet<int>> Defs { get; }

        /// <summary>SOCK010: reads whose buffer nobody has looked at and whose stream nobody has read since (may: union).</summary>
        public HashSet<int> Pending { get; }

        /// <summary>SOCK012: buffer → the read whose bytes it holds up to its count (must: a pair survives a join only when both sides hold it).</summary>
        public Dictionary<ISymbol, int> Filled { get; }

        /// <summary>
        /// Connection → at least this many received bytes wait on it (<c>if (client.Available &gt;= 4)</c>), less what reads
        /// took since (must: the smaller count survives a join, a connection missing on one side is dropped).
        /// </summary>
        public Dictionary<ISymbol, int> Available => available ??= new Dictionary<ISymbol, int>(SymbolComparer.Instance);

        /// <summary>Some connection has an <see cref="Available"/> count (made only in bodies with guards: most states have none).</summary>
        public bool HasAvailable => available is { Count: > 0 };

        private Dictionary<ISymbol, int>? available;

        /// <summary>No execution continues (a [DoesNotReturn] call, an Assert.Fail): never stored as an in-state.</summary>
        public bool Dead { get; set; }

        public ReadState Clone() => new(this);

        public bool JoinFrom(ReadState other)
        {
            var changed = false;
            foreach (var pair in other.Zero)
            {
                if (Zero.TryGetValue(pair.Key, out var mine))
                {
                    changed |= mine.JoinFrom(pair.Value);
                }
                else
                {
                    Zero[pair.Key] = pair.Value.Clone();
                    changed = true;
                }
            }

            foreach (var pair in other.Defs)
            {
                if (Defs.TryGetValue(pair.Key, out var mine))
                {
                    if (!ReferenceEquals(mine, pair.Value) && !mine.IsSupersetOf(pair.Value))
                    {
                        // Shared with other states (see the copy constructor): grow a copy, never the set itself.
                        var grown = new HashSet<int>(mine);
                        grown.UnionWith(pair.Value);
                        Defs[pair.Key] = grown;
                        changed = true;
                    }
                }
                else
                {
                    Defs[pair.Key] = pair.Value;
                    changed = true;
                }
            }

            foreach (var read in other.Pending)
            {
                changed |= Pending.Add(read);
            }

            if (available is { Count: > 0 })
            {
                List<KeyValuePair<ISymbol, int>>? lower = null;
                foreach (var pair in available)
                {
                    var theirs = other.available is { } their && their.TryGetValue(pair.Key, out var count) ? count : 0;
                    if (theirs < pair.Value)
                    {
                        (lower ??= new List<KeyValuePair<ISymbol, int>>()).Add(new KeyValuePair<ISymbol, int>(pair.Key, theirs));
                    }
                }

                if (lower is not null)
                {
                    foreach (var pair in lower)
                    {
                        if (pair.Value <= 0)
                        {
                            available.Remove(pair.Key);
                        }
                        else
                        {
                            available[pair.Key] = pair.Value;
                        }
                    }

                    changed = true;
                }
            }

            if (Filled.Count > 0)
            {
                List<ISymbol>? lost = null;
                foreach (var pair in Filled)
                {
                    if (!other.Filled.TryGetValue(pair.Key, out var read) || read != pair.Value)
                    {
                        (lost ??= new List<ISymbol>()).Add(pair.Key);
                    }
                }

                if (lost is not null)
                {
                    foreach (var buffer in lost)
                    {
                        Filled.Remove(buffer);
                    }

                    changed = true;
                }
            }

            return changed;
        }
    }
}
