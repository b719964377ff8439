using System;

namespace SocketAnalyzers.Flow
{
    /// <summary>
    /// The flow kernel's worklist: the (block, context) pairs whose in-state grew, in the order of the code, with a loop's
    /// head held back until its body is done.
    /// <para>
    /// Roslyn numbers a graph's blocks in the order of the code, so every predecessor of a block comes before it except
    /// along a loop's back edge. Taking the lowest ordinal first visits a block once all its forward predecessors have
    /// delivered their states, where a first-in first-out queue visits a join point once per predecessor that reaches it
    /// first, and then again for each later one. A state that goes back to a loop's head is queued at the position of the
    /// loop's last back edge instead (<see cref="Push"/>'s <c>after</c>): the head's next turn waits for every way back
    /// (an <c>if</c>/<c>else</c> at the end of the body, a <c>continue</c>), and the code after the loop waits for the
    /// loop. The fixed point is the same (the join is monotone); only the number of visits changes. Callers keep at
    /// most one entry per pair (the kernel's queued flags).
    /// </para>
    /// </summary>
    internal sealed class BlockWorklist
    {
        // A binary min-heap. Rank: the position a pair is taken at, twice over, plus one when it waits behind the block at
        // that position (a loop head queued behind its last back edge); then the ordinal, then the context.
        private Entry[] heap = new Entry[16];

        public int Count { get; private set; }

        /// <summary>
        /// Queues a pair. <paramref name="after"/>: a block ordinal the pair waits behind (the last block with a back edge
        /// to it), or -1 to take it at its own position.
        /// </summary>
        public void Push(int ordinal, int context, int after = -1)
        {
            if (Count == heap.Length)
            {
                Array.Resize(ref heap, heap.Length * 2);
            }

            var entry = new Entry(after > ordinal ? (after * 2L) + 1 : ordinal * 2L, ordinal, context);
            var index = Count++;
            while (index > 0)
            {
                var parent = (index - 1) / 2;
                if (!entry.Before(heap[parent]))
                {
                    break;
                }

                heap[index] = heap[parent];
                index = parent;
            }

            heap[index] = entry;
        }

        public (int Ordinal, int Context) Pop()
        {
            var top = heap[0];
            var last = heap[--Count];
            var index = 0;
            while (true)
            {
                var child = (2 * index) + 1;
                if (child >= Count)
                {
                    break;
                }

                if (child + 1 < Count && heap[child + 1].Before(heap[child]))
                {
                    child++;
                }

                if (!heap[child].Before(last))
                {
                    break;
                }

                heap[index] = heap[child];
                index = child;
            }

            heap[index] = last;
            return (top.Ordinal, top.Context);
        }

        private readonly struct Entry
        {
            public Entry(long rank, int ordinal, int context)
            {
                Rank = rank;
                Ordinal = ordinal;
                Context = context;
            }

            public long Rank { get; }

            public int Ordinal { get; }

            public int Context { get; }

            public bool Before(Entry other)
                => Rank != other.Rank ? Rank < other.Rank : Ordinal != other.Ordinal ? Ordinal < other.Ordinal : Context < other.Context;
        }
    }
}
