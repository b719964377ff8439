using System.Collections.Generic;
using Microsoft.CodeAnalysis;
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
        public ZeroFact(HashSet<object> zeros, HashSet<object> changed)
        {
            Zeros = zeros;
            Changed = changed;
        }

        public HashSet<object> Zeros { get; }

        public HashSet<object> Changed { get; }

        public ZeroFact Clone() => new(new HashSet<object>(Zeros, KeyComparer.Instance), new HashSet<object>(Changed, KeyComparer.Instance));

        public bool JoinFrom(ZeroFact other)
        {
            var changed = false;
            if (Zeros.Count > 0)
            {
                var before = Zeros.Count;
                Zeros.IntersectWith(other.Zeros);
                changed = Zeros.Count != before;
            }

            foreach (var key in other.Changed)
            {
                changed |= Changed.Add(key);
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
            Defs = new Dictionary<ILocalSymbol, HashSet<int>>(SymbolEqualityComparer.Default);
            Pending = new HashSet<int>();
            Filled = new Dictionary<ISymbol, int>(SymbolEqualityComparer.Default);
        }

        /// <summary>A deep copy: the dictionaries sized once (<see cref="Filled"/> by its copy constructor), each in the source's enumeration order.</summary>
        private ReadState(ReadState other)
        {
            Zero = new Dictionary<int, ZeroFact>(other.Zero.Count);
            foreach (var pair in other.Zero)
            {
                Zero.Add(pair.Key, pair.Value.Clone());
            }

            Defs = new Dictionary<ILocalSymbol, HashSet<int>>(other.Defs.Count, SymbolEqualityComparer.Default);
            foreach (var pair in other.Defs)
            {
                // The sets are never changed once stored (a join replaces a set it grows), so copies share them.
                Defs.Add(pair.Key, pair.Value);
            }

            Pending = new HashSet<int>();
            Pending.UnionWith(other.Pending);
            Filled = new Dictionary<ISymbol, int>(other.Filled, SymbolEqualityComparer.Default);
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
