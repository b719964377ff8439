using System;

namespace SocketAnalyzers.Common
{
    /// <summary>
    /// A set of small non-negative integers (the indexes of a body's read sites) as a bit set: a copy costs a word per 64
    /// members of the universe, not a hash entry per member. A flow state copies its sets on write at every join and
    /// change, and the reads flow's pending reads grow with the body (a read pending through a loop that may not run stays
    /// pending past every later read), so copies of a hash set made the one-socket scaling shape quadratic.
    /// </summary>
    internal sealed class IndexSet
    {
        private ulong[] words;

        public IndexSet()
        {
            words = Array.Empty<ulong>();
        }

        public IndexSet(IndexSet other)
        {
            words = other.words.Length == 0 ? Array.Empty<ulong>() : (ulong[])other.words.Clone();
            Count = other.Count;
        }

        public int Count { get; private set; }

        public bool Contains(int index)
        {
            var word = index >> 6;
            return (uint)word < (uint)words.Length && (words[word] & (1UL << (index & 63))) != 0;
        }

        /// <summary>Adds <paramref name="index"/>; true when it was not there.</summary>
        public bool Add(int index)
        {
            if (index < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(index));
            }

            var word = index >> 6;
            if (word >= words.Length)
            {
                Array.Resize(ref words, Math.Max(word + 1, words.Length * 2));
            }

            var bit = 1UL << (index & 63);
            if ((words[word] & bit) != 0)
            {
                return false;
            }

            words[word] |= bit;
            Count++;
            return true;
        }

        /// <summary>Removes <paramref name="index"/>; true when it was there.</summary>
        public bool Remove(int index)
        {
            var word = index >> 6;
            if ((uint)word >= (uint)words.Length)
            {
                return false;
            }

            var bit = 1UL << (index & 63);
            if ((words[word] & bit) == 0)
            {
                return false;
            }

            words[word] &= ~bit;
            Count--;
            return true;
        }

        /// <summary>Every member of <paramref name="other"/> is a member of this set.</summary>
        public bool IsSupersetOf(IndexSet other)
        {
            var theirs = other.words;
            for (var i = 0; i < theirs.Length; i++)
            {
                if (theirs[i] != 0 && (i >= words.Length || (theirs[i] & ~words[i]) != 0))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Adds every member of <paramref name="other"/>; true when one was not there.</summary>
        public bool UnionWith(IndexSet other)
        {
            var theirs = other.words;
            if (theirs.Length > words.Length)
            {
                Array.Resize(ref words, theirs.Length);
            }

            var changed = false;
            for (var i = 0; i < theirs.Length; i++)
            {
                var added = theirs[i] & ~words[i];
                if (added != 0)
                {
                    words[i] |= added;
                    Count += PopCount(added);
                    changed = true;
                }
            }

            return changed;
        }

        private static int PopCount(ulong value)
        {
            var count = 0;
            while (value != 0)
            {
                value &= value - 1;
                count++;
            }

            return count;
        }

        /// <summary>The members in ascending order, without allocating.</summary>
        public Enumerator GetEnumerator() => new(words);

        internal struct Enumerator
        {
            private readonly ulong[] words;
            private int word;
            private ulong rest;

            public Enumerator(ulong[] words)
            {
                this.words = words;
                word = -1;
                rest = 0;
                Current = -1;
            }

            public int Current { get; private set; }

            public bool MoveNext()
            {
                while (rest == 0)
                {
                    if (++word >= words.Length)
                    {
                        return false;
                    }

                    rest = words[word];
                }

                Current = (word << 6) + TrailingZeros(rest);
                rest &= rest - 1;
                return true;
            }

            private static int TrailingZeros(ulong value)
            {
                // netstandard2.0 has no BitOperations: isolate the lowest bit and count by halves.
                var count = 0;
                if ((value & 0xFFFFFFFFUL) == 0) { count += 32; value >>= 32; }
                if ((value & 0xFFFFUL) == 0) { count += 16; value >>= 16; }
                if ((value & 0xFFUL) == 0) { count += 8; value >>= 8; }
                if ((value & 0xFUL) == 0) { count += 4; value >>= 4; }
                if ((value & 0x3UL) == 0) { count += 2; value >>= 2; }
                if ((value & 0x1UL) == 0) { count += 1; }
                return count;
            }
        }
    }

    /// <summary>A read-only view of an <see cref="IndexSet"/> (no boxing): what a copy-on-write state hands out.</summary>
    internal readonly struct ReadOnlyIndexSet
    {
        private readonly IndexSet set;

        public ReadOnlyIndexSet(IndexSet set) => this.set = set;

        public int Count => set.Count;

        public bool Contains(int item) => set.Contains(item);

        public IndexSet.Enumerator GetEnumerator() => set.GetEnumerator();
    }
}
