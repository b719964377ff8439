using System.Threading;

namespace SocketAnalyzers.Common
{
    /// <summary>
    /// The answers a memo gave last, in a direct-mapped table in front of it: a slot per symbol name (<see cref="SlotOf"/>,
    /// or the caller's own placing: the shared walk places a body by where it starts), holding the last memo entry asked
    /// for there, compared by reference. The families ask a few questions of a few
    /// symbols over and over (the socket type, its reads, a task), and a concurrent dictionary's hash of the name, its
    /// comparer's calls and its probe were half of the lifecycle model's type lookup and a third of the addressing
    /// relevance test's samples on the dense corpus (docs/architecture.md, "Cost"). A miss costs one comparison more
    /// than the memo alone.
    /// </summary>
    /// <remarks>
    /// Threads share it without a lock: a slot holds one immutable <see cref="Entry"/>, so a reader sees a whole entry or
    /// none, and a lost write only means a later miss. The memo keeps its entries as <see cref="Entry"/> objects, so that
    /// putting one in a slot allocates nothing.
    /// </remarks>
    internal sealed class RecentAnswers<TKey, TValue>
        where TKey : class
    {
        /// <summary>The table has 2^<see cref="SlotBits"/> slots; a slot is a number below that.</summary>
        public const int SlotBits = 7;

        private const int Slots = 1 << SlotBits;

        private readonly Entry?[] entries = new Entry?[Slots];

        /// <summary>The slot of a symbol named <paramref name="name"/>: its length and its first and last letters.</summary>
        public static int SlotOf(string name)
            => name.Length == 0 ? 0 : ((name.Length << 3) ^ name[0] ^ (name[name.Length - 1] << 2)) & (Slots - 1);

        /// <summary>The entry for <paramref name="key"/> (the same object) in <paramref name="slot"/>, or null.</summary>
        public Entry? Find(TKey key, int slot)
        {
            var entry = Volatile.Read(ref entries[slot]);
            return entry is not null && ReferenceEquals(entry.Key, key) ? entry : null;
        }

        /// <summary>Puts <paramref name="entry"/>, the memo's, in <paramref name="slot"/>.</summary>
        public void Keep(Entry entry, int slot) => Volatile.Write(ref entries[slot], entry);

        /// <summary>One answer of the memo.</summary>
        public sealed class Entry
        {
            public Entry(TKey key, TValue value)
            {
                Key = key;
                Value = value;
            }

            public TKey Key { get; }

            public TValue Value { get; }
        }
    }
}
