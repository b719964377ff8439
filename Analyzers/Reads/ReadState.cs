using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
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

        /// <summary>
        /// On every path since the read returned 0, the code wrote to the same connection, with no <c>catch</c> inside the
        /// read's loops around the write. After the peer closed, a write draws a reset and a later one throws (EPIPE,
        /// WSAECONNRESET), so a loop that writes on every way back to the read ends by that exception within a turn or
        /// two: it is not certain to go on for ever. A must-fact (joined by "and"), false when the read restarts the fact.
        /// </summary>
        public bool Wrote { get; set; }

        /// <summary>
        /// The writers over the same connection that, on every path since the read returned 0, were given bytes they keep
        /// in their buffer (a <c>StreamWriter</c> without <c>AutoFlush</c>) and not flushed since: their next <c>Flush</c> is
        /// a write to the connection (<see cref="Wrote"/>). A must-fact (joined by intersection), emptied when the read
        /// restarts the fact; an array never changed once made, so copies share it.
        /// </summary>
        public object[] Holding { get; private set; } = System.Array.Empty<object>();

        /// <summary>
        /// Variables of <see cref="Changed"/> whose last value on every path since the read returned 0 was computed from
        /// nothing that path changed or holds (<c>message = Console.ReadLine();</c>, <c>data = Encoding.UTF8.GetBytes(user +
        /// ": " + message);</c>): a write of them is not an empty write made of the 0 path. A must-fact (joined by
        /// intersection); any other change of the variable takes it out (<see cref="AddChanged"/>). An array never changed
        /// once made, so copies share it.
        /// </summary>
        public object[] Renewed { get; private set; } = System.Array.Empty<object>();

        /// <summary>
        /// The read ran only because data waited (<c>if (stream.DataAvailable) { n = stream.Read(…); … }</c>): it cannot have
        /// returned 0, and once the peer has closed it is never reached again. The loop's turns after the close are the guard's
        /// other side. <see cref="PollTurn.LastData"/>: the fact stands for the last turn that read data, from the read to the
        /// guard (its way out is no way out once the peer has closed: it depends on the data); <see cref="PollTurn.Closed"/>:
        /// a turn after the close, from the guard's side where nothing waits back to it. Joined: the same or
        /// <see cref="PollTurn.None"/>.
        /// </summary>
        public PollTurn Poll { get; set; }

        public ZeroFact Clone()
        {
            zerosShared = true;
            changedShared = true;
            return new ZeroFact(zeros, changed) { zerosShared = true, changedShared = true, Blocked = Blocked, Wrote = Wrote, Holding = Holding, Renewed = Renewed, Poll = Poll };
        }

        public bool IsRenewed(object key) => KeySet.IndexOf(Renewed, key) >= 0;

        /// <summary><paramref name="key"/> was just given a value computed from nothing the 0 path changed (after <see cref="AddChanged"/>).</summary>
        public void AddRenewed(object key) => Renewed = KeySet.With(Renewed, key);

        /// <summary>A write <paramref name="writer"/> keeps in its buffer.</summary>
        public void AddHolding(object writer) => Holding = KeySet.With(Holding, writer);

        /// <summary><paramref name="writer"/> now holds another writer, or flushed: it holds nothing from this path.</summary>
        public void RemoveHolding(object writer) => Holding = KeySet.Without(Holding, writer);

        public void ClearHolding() => Holding = System.Array.Empty<object>();

        public bool AddZero(object key) => !zeros.Contains(key) && OwnZeros().Add(key);

        public bool RemoveZero(object key) => zeros.Contains(key) && OwnZeros().Remove(key);

        /// <summary>Forgets the fields that held the 0 (<see cref="ReadFlowAnalysis"/>'s own fields): other code may have set them.</summary>
        public void RemoveFieldZeros()
        {
            foreach (var zero in zeros)
            {
                if (zero is IFieldSymbol)
                {
                    OwnZeros().RemoveWhere(z => z is IFieldSymbol);
                    return;
                }
            }
        }

        public void ClearZeros()
        {
            if (zeros.Count > 0)
            {
                zeros = new HashSet<object>(KeyComparer.Instance);
                zerosShared = false;
            }
        }

        public bool AddChanged(object key)
        {
            Renewed = KeySet.Without(Renewed, key);
            return !changed.Contains(key) && OwnChanged().Add(key);
        }

        public bool RemoveChanged(object key) => changed.Contains(key) && OwnChanged().Remove(key);

        public bool JoinFrom(ZeroFact other)
        {
            var grew = false;
            if (Poll != other.Poll && Poll != PollTurn.None)
            {
                // A turn that read data on one path, a 0 turn on another: the 0 turn's rules, which count every way out.
                Poll = PollTurn.None;
                grew = true;
            }

            if (Blocked && !other.Blocked)
            {
                Blocked = false;
                grew = true;
            }

            if (Wrote && !other.Wrote)
            {
                Wrote = false;
                grew = true;
            }

            var holding = KeySet.Intersect(Holding, other.Holding);
            var renewed = KeySet.Intersect(Renewed, other.Renewed);
            if (!ReferenceEquals(holding, Holding) || !ReferenceEquals(renewed, Renewed))
            {
                Holding = holding;
                Renewed = renewed;
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

    /// <summary>What turn of a loop that reads only when data waits a <see cref="ZeroFact"/> stands for (<see cref="ZeroFact.Poll"/>).</summary>
    internal enum PollTurn
    {
        /// <summary>A read that returned 0: the fact of every read that did not run only because data waited.</summary>
        None,

        /// <summary>The last turn that read data, from the read to the guard that said data waited.</summary>
        LastData,

        /// <summary>A turn after the peer's close, from the guard's side where nothing waits.</summary>
        Closed,
    }

    /// <summary>
    /// A small set of keys (<see cref="KeyComparer"/>) kept in an array that is never changed once made, so that copies of
    /// a fact share it: <see cref="ZeroFact.Holding"/>, <see cref="ZeroFact.Renewed"/>. Each change makes a new array.
    /// </summary>
    internal static class KeySet
    {
        public static int IndexOf(object[] set, object key)
        {
            for (var i = 0; i < set.Length; i++)
            {
                if (KeyComparer.Instance.Equals(set[i], key))
                {
                    return i;
                }
            }

            return -1;
        }

        public static object[] With(object[] set, object key)
        {
            if (IndexOf(set, key) >= 0)
            {
                return set;
            }

            var grown = new object[set.Length + 1];
            set.CopyTo(grown, 0);
            grown[set.Length] = key;
            return grown;
        }

        public static object[] Without(object[] set, object key)
        {
            var index = IndexOf(set, key);
            if (index < 0)
            {
                return set;
            }

            var kept = new object[set.Length - 1];
            System.Array.Copy(set, 0, kept, 0, index);
            System.Array.Copy(set, index + 1, kept, index, set.Length - index - 1);
            return kept;
        }

        /// <summary>The keys of <paramref name="set"/> also in <paramref name="other"/>: <paramref name="set"/> itself when that is all of them.</summary>
        public static object[] Intersect(object[] set, object[] other)
        {
            if (set.Length == 0 || ReferenceEquals(set, other))
            {
                return set;
            }

            var result = set;
            foreach (var key in set)
            {
                if (IndexOf(other, key) < 0)
                {
                    result = Without(result, key);
                }
            }

            return result;
        }
    }

    /// <summary>The reads family's state at one program point.</summary>
    internal sealed class ReadState
    {
        // Copy on write for the three facts every state has: a copy shares them with its source until one side changes one
        // (the kernel copies a block's in-state at every visit, and most blocks read nothing).
        private Dictionary<ILocalSymbol, HashSet<int>> defs;
        private IndexSet pending;
        private Dictionary<ISymbol, int> filled;
        private bool defsShared;
        private bool pendingShared;
        private bool filledShared;

        public ReadState()
        {
            Zero = new Dictionary<int, ZeroFact>();
            defs = new Dictionary<ILocalSymbol, HashSet<int>>(SymbolComparer.Instance);
            pending = new IndexSet();
            filled = new Dictionary<ISymbol, int>(SymbolComparer.Instance);
        }

        /// <summary>A copy: <see cref="Zero"/>'s facts copied (each shares its sets until changed), the rest shared until changed.</summary>
        private ReadState(ReadState other)
        {
            Zero = new Dictionary<int, ZeroFact>(other.Zero.Count);
            foreach (var pair in other.Zero)
            {
                Zero.Add(pair.Key, pair.Value.Clone());
            }

            defs = other.defs;
            pending = other.pending;
            filled = other.filled;
            defsShared = pendingShared = filledShared = true;
            other.defsShared = other.pendingShared = other.filledShared = true;
            available = other.available is { Count: > 0 } guards ? new Dictionary<ISymbol, int>(guards, SymbolComparer.Instance) : null;
            exact = other.exact is { Count: > 0 } sizes ? new Dictionary<ISymbol, AvailableSize>(sizes, SymbolComparer.Instance) : null;
            counts = other.counts is { Count: > 0 } held ? new Dictionary<ISymbol, int>(held, SymbolComparer.Instance) : null;
            fresh = other.fresh is { Count: > 0 } zeroed ? new HashSet<ISymbol>(zeroed, SymbolComparer.Instance) : null;
            freshFilled = other.freshFilled is { Count: > 0 } once ? new HashSet<ISymbol>(once, SymbolComparer.Instance) : null;
            mixedFilled = other.mixedFilled is { Count: > 0 } mixed ? new HashSet<ISymbol>(mixed, SymbolComparer.Instance) : null;
            FillClasses = other.FillClasses;
            detached = other.detached is { Count: > 0 } gone ? new HashSet<int>(gone) : null;
            caughtUp = other.caughtUp is { Count: > 0 } taken ? new HashSet<int>(taken) : null;
            bufferGone = other.bufferGone is { Count: > 0 } lost ? new HashSet<int>(lost) : null;
            if (other.Thrown is { } thrown)
            {
                Thrown = new Dictionary<(int, ControlFlowRegion), ZeroFact>(thrown.Count);
                foreach (var pair in thrown)
                {
                    Thrown.Add(pair.Key, pair.Value.Clone());
                }
            }

            Dead = other.Dead;
        }

        /// <summary>
        /// SOCK011: 0 facts on their way to a handler. The 0 path certainly threw inside the try of a try-and-catch region
        /// (the key's region) whose catch-all lies inside the read's loops, so it goes on in that handler and not past the
        /// throw (may: union). Null when there are none, as almost always.
        /// </summary>
        public Dictionary<(int Key, ControlFlowRegion Region), ZeroFact>? Thrown { get; private set; }

        /// <summary>The 0 fact of <paramref name="key"/> is thrown to <paramref name="region"/>'s handler.</summary>
        public void Throw(int key, ControlFlowRegion region, ZeroFact fact)
        {
            Thrown ??= new Dictionary<(int, ControlFlowRegion), ZeroFact>();
            if (Thrown.TryGetValue((key, region), out var mine))
            {
                mine.JoinFrom(fact);
            }
            else
            {
                Thrown[(key, region)] = fact.Clone();
            }
        }

        /// <summary>In the state a handler of <paramref name="region"/> starts with: the facts thrown to it are the 0 facts there.</summary>
        public void CatchThrown(ControlFlowRegion region)
        {
            if (Thrown is not { } thrown)
            {
                return;
            }

            Thrown = null;
            foreach (var pair in thrown)
            {
                if (pair.Key.Region != region)
                {
                    continue;
                }

                if (Zero.TryGetValue(pair.Key.Key, out var mine))
                {
                    mine.JoinFrom(pair.Value);
                }
                else
                {
                    Zero[pair.Key.Key] = pair.Value;
                }
            }
        }

        /// <summary>Drops the thrown facts whose try does not hold block <paramref name="ordinal"/>: the normal path has left it.</summary>
        public void DropThrownOutside(int ordinal)
        {
            if (Thrown is not { } thrown)
            {
                return;
            }

            List<(int, ControlFlowRegion)>? gone = null;
            foreach (var key in thrown.Keys)
            {
                var tried = key.Region.NestedRegions[0];
                if (ordinal < tried.FirstBlockOrdinal || ordinal > tried.LastBlockOrdinal)
                {
                    (gone ??= new List<(int, ControlFlowRegion)>()).Add(key);
                }
            }

            if (gone is null)
            {
                return;
            }

            foreach (var key in gone)
            {
                thrown.Remove(key);
            }

            if (thrown.Count == 0)
            {
                Thrown = null;
            }
        }

        /// <summary>
        /// SOCK011: read → its 0-count facts (present: some path from a 0 result reaches here), one for its first 0 turn (key:
        /// the read's index) and one for the 0 turns after a 0 turn (key: the index plus the count of reads; see
        /// <c>ReadFlowAnalysis.RestartZero</c>).
        /// </summary>
        public Dictionary<int, ZeroFact> Zero { get; }

        /// <summary>
        /// SOCK010: reaching definitions of counts, local → the reads whose count it may hold (may: union). A set is never
        /// changed once stored: states share them. Change it through <see cref="SetDefs"/> and <see cref="RemoveDefs"/>.
        /// </summary>
        public ReadOnlyMap<ILocalSymbol, HashSet<int>> Defs => new(defs);

        /// <summary>
        /// SOCK010: reads whose buffer nobody has looked at and whose stream nobody has read since (may: union). Change it
        /// through <see cref="AddPending"/> and <see cref="RemovePending"/>.
        /// </summary>
        public ReadOnlyIndexSet Pending => new(pending);

        /// <summary>
        /// SOCK012: buffer → the read whose bytes it holds up to its count (must: a pair survives a join only when both
        /// sides hold it). Change it through <see cref="SetFilled"/> and <see cref="RemoveFilled"/>.
        /// </summary>
        public ReadOnlyMap<ISymbol, int> Filled => new(filled);

        public void SetDefs(ILocalSymbol local, HashSet<int> reads) => OwnDefs()[local] = reads;

        public bool RemoveDefs(ILocalSymbol local) => defs.ContainsKey(local) && OwnDefs().Remove(local);

        public bool AddPending(int read) => !pending.Contains(read) && OwnPending().Add(read);

        public bool RemovePending(int read)
        {
            caughtUp?.Remove(read);
            return pending.Contains(read) && OwnPending().Remove(read);
        }

        public void SetFilled(ISymbol buffer, int read)
        {
            OwnFilled()[buffer] = read;
            mixedFilled?.Remove(buffer);
        }

        public bool RemoveFilled(ISymbol buffer)
        {
            mixedFilled?.Remove(buffer);
            return filled.ContainsKey(buffer) && OwnFilled().Remove(buffer);
        }

        /// <summary>
        /// Per read site, the first read of the function it shares its fill with (<see cref="ReadBody.FillClasses"/>); null
        /// when no two reads share one. Shared by every copy of the function's states.
        /// </summary>
        public int[]? FillClasses { get; set; }

        /// <summary>
        /// Buffers of <see cref="Filled"/> whose read differs by path, among reads of one <see cref="FillClasses"/> class (a
        /// read before a loop and one at its end): <see cref="Filled"/> names the first (may: union).
        /// </summary>
        public bool IsMixedFill(ISymbol buffer) => mixedFilled is { Count: > 0 } mixed && mixed.Contains(buffer);

        private HashSet<ISymbol>? mixedFilled;

        private Dictionary<ILocalSymbol, HashSet<int>> OwnDefs()
        {
            if (defsShared)
            {
                defs = new Dictionary<ILocalSymbol, HashSet<int>>(defs, SymbolComparer.Instance);
                defsShared = false;
            }

            return defs;
        }

        private IndexSet OwnPending()
        {
            if (pendingShared)
            {
                pending = new IndexSet(pending);
                pendingShared = false;
            }

            return pending;
        }

        private Dictionary<ISymbol, int> OwnFilled()
        {
            if (filledShared)
            {
                filled = new Dictionary<ISymbol, int>(filled, SymbolComparer.Instance);
                filledShared = false;
            }

            return filled;
        }

        /// <summary>
        /// Connection → at least this many received bytes wait on it (<c>if (client.Available &gt;= 4)</c>), less what reads
        /// took since (must: the smaller count survives a join, a connection missing on one side is dropped).
        /// </summary>
        public Dictionary<ISymbol, int> Available => available ??= new Dictionary<ISymbol, int>(SymbolComparer.Instance);

        /// <summary>Some connection has an <see cref="Available"/> count (made only in bodies with guards: most states have none).</summary>
        public bool HasAvailable => available is { Count: > 0 };

        private Dictionary<ISymbol, int>? available;

        /// <summary>
        /// Local → the <c>Available</c> of a connection it holds exactly, as read at one place (<c>int len = s.Available;</c>,
        /// <c>var d = new byte[s.Available];</c>), with no read of any connection, <c>await</c>, or call that may read it
        /// since (must: an entry survives a join only when both sides hold the same one). A stream read that asks for that
        /// many bytes returns them all.
        /// </summary>
        public Dictionary<ISymbol, AvailableSize> Exact => exact ??= new Dictionary<ISymbol, AvailableSize>(SymbolComparer.Instance);

        public bool HasExact => exact is { Count: > 0 };

        private Dictionary<ISymbol, AvailableSize>? exact;

        /// <summary>Local → the read whose count it holds exactly: the size an <see cref="Exact"/> read asked for (must).</summary>
        public Dictionary<ISymbol, int> Counts => counts ??= new Dictionary<ISymbol, int>(SymbolComparer.Instance);

        public bool HasCounts => counts is { Count: > 0 };

        private Dictionary<ISymbol, int>? counts;

        /// <summary>Buffer locals that hold a new zero-filled array nothing has written or handed anywhere since (must).</summary>
        public HashSet<ISymbol> Fresh => fresh ??= new HashSet<ISymbol>(SymbolComparer.Instance);

        public bool HasFresh => fresh is { Count: > 0 };

        private HashSet<ISymbol>? fresh;

        /// <summary>
        /// Buffers of <see cref="Filled"/> that were <see cref="Fresh"/> when their read filled them: past the count they
        /// hold only zeros (must).
        /// </summary>
        public HashSet<ISymbol> FreshFilled => freshFilled ??= new HashSet<ISymbol>(SymbolComparer.Instance);

        public bool HasFreshFilled => freshFilled is { Count: > 0 };

        private HashSet<ISymbol>? freshFilled;

        /// <summary>
        /// SOCK010: reads of <see cref="Pending"/> whose connection variable was assigned or closed since (the accept loop's
        /// next connection in <c>handler</c>): a later read through that variable reads another connection, so it says
        /// nothing of their counts (may: union). Made only when a connection variable is assigned with reads pending.
        /// </summary>
        public bool IsDetached(int read) => detached is { } gone && gone.Contains(read);

        public bool Detach(int read) => (detached ??= new HashSet<int>()).Add(read);

        /// <summary>The read ran again: its count is pending on the connection the variable holds now, and its buffer is the one the variable holds now.</summary>
        public void Attach(int read)
        {
            detached?.Remove(read);
            caughtUp?.Remove(read);
            bufferGone?.Remove(read);
        }

        private HashSet<int>? detached;

        /// <summary>
        /// SOCK010: reads of <see cref="Pending"/> after which a test found no byte waiting on their connection (the exit of a
        /// drain loop, <c>while (s.Available &gt; 0) s.Receive(junk);</c>): they took everything that had come, whatever each
        /// returned, so their counts say nothing of where the connection's next read starts (must: a read stays caught up
        /// only when every path on which it is pending caught it up; a <c>break</c> out of the drain does not). Their bytes
        /// are another matter: a look at the buffer still follows them.
        /// </summary>
        public bool IsCaughtUp(int read) => caughtUp is { } taken && taken.Contains(read);

        public bool CatchUp(int read) => (caughtUp ??= new HashSet<int>()).Add(read);

        private HashSet<int>? caughtUp;

        /// <summary>The read's count no longer says where the next read through its connection variable starts: <see cref="IsDetached"/> or <see cref="IsCaughtUp"/>.</summary>
        public bool IsPositionFree(int read) => IsDetached(read) || IsCaughtUp(read);

        /// <summary>
        /// Joins <see cref="caughtUp"/> before <see cref="Pending"/> grows: a read stays caught up when each side that has it
        /// pending has it caught up.
        /// </summary>
        private bool JoinCaughtUp(ReadState other)
        {
            if (caughtUp is not { Count: > 0 } && other.caughtUp is not { Count: > 0 })
            {
                return false;
            }

            var changed = false;
            if (caughtUp is { Count: > 0 } mine)
            {
                List<int>? lost = null;
                foreach (var read in mine)
                {
                    if (other.pending.Contains(read) && !other.IsCaughtUp(read))
                    {
                        (lost ??= new List<int>()).Add(read);
                    }
                }

                if (lost is not null)
                {
                    foreach (var read in lost)
                    {
                        mine.Remove(read);
                    }

                    changed = true;
                }
            }

            if (other.caughtUp is { Count: > 0 } theirs)
            {
                foreach (var read in theirs)
                {
                    if (!pending.Contains(read) && CatchUp(read))
                    {
                        changed = true;
                    }
                }
            }

            return changed;
        }

        /// <summary>
        /// SOCK010: reads of <see cref="Pending"/> whose buffer variable was given another array since (<c>data = new
        /// byte[2272];</c> after the read, fresh39 F4): a later use of the variable looks at the new array, not at the bytes
        /// the read placed (may: union). Made only when a buffer variable is assigned with reads pending.
        /// </summary>
        public bool IsBufferGone(int read) => bufferGone is { } gone && gone.Contains(read);

        public bool LoseBuffer(int read) => (bufferGone ??= new HashSet<int>()).Add(read);

        private HashSet<int>? bufferGone;

        /// <summary>No execution continues (a [DoesNotReturn] call, an Assert.Fail): never stored as an in-state.</summary>
        public bool Dead { get; set; }

        public ReadState Clone() => new(this);

        /// <summary>
        /// Joins <paramref name="other"/> into this state; true when it changed. A buffer still <see cref="Fresh"/> on one side
        /// and filled from fresh by a read on the other (<see cref="FreshFilled"/>) stays filled by that read: its zeros are
        /// what the read would have left had it returned 0 or thrown before placing a byte (fresh89 M1).
        /// </summary>
        public bool JoinFrom(ReadState other)
        {
            var changed = false;
            List<ISymbol>? keptFills = null;
            List<KeyValuePair<ISymbol, int>>? adoptedFills = null;
            EmptyFills(other, ref keptFills, ref adoptedFills);

            if (other.Thrown is { } thrown)
            {
                Thrown ??= new Dictionary<(int, ControlFlowRegion), ZeroFact>();
                foreach (var pair in thrown)
                {
                    if (Thrown.TryGetValue(pair.Key, out var mine))
                    {
                        changed |= mine.JoinFrom(pair.Value);
                    }
                    else
                    {
                        Thrown[pair.Key] = pair.Value.Clone();
                        changed = true;
                    }
                }
            }

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

            if (!ReferenceEquals(defs, other.defs))
            {
                foreach (var pair in other.defs)
                {
                    if (defs.TryGetValue(pair.Key, out var mine))
                    {
                        if (!ReferenceEquals(mine, pair.Value) && !mine.IsSupersetOf(pair.Value))
                        {
                            // Shared with other states (see the copy constructor): grow a copy, never the set itself.
                            var grown = new HashSet<int>(mine);
                            grown.UnionWith(pair.Value);
                            SetDefs(pair.Key, grown);
                            changed = true;
                        }
                    }
                    else
                    {
                        SetDefs(pair.Key, pair.Value);
                        changed = true;
                    }
                }
            }

            changed |= JoinCaughtUp(other);
            if (!ReferenceEquals(pending, other.pending) && !pending.IsSupersetOf(other.pending))
            {
                changed |= OwnPending().UnionWith(other.pending);
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

            changed |= Intersect(exact, other.exact);
            changed |= Intersect(counts, other.counts);
            changed |= Intersect(fresh, other.fresh);
            changed |= Intersect(freshFilled, other.freshFilled);
            if (keptFills is not null)
            {
                // Past the read's count only zeros, on both sides.
                FreshFilled.UnionWith(keptFills);
            }

            if (other.detached is { Count: > 0 } gone)
            {
                foreach (var read in gone)
                {
                    changed |= Detach(read);
                }
            }

            if (other.bufferGone is { Count: > 0 } replaced)
            {
                foreach (var read in replaced)
                {
                    changed |= LoseBuffer(read);
                }
            }

            if (filled.Count > 0 && !ReferenceEquals(filled, other.filled))
            {
                List<ISymbol>? lost = null;
                List<KeyValuePair<ISymbol, int>>? mixed = null;
                foreach (var pair in filled)
                {
                    if (!other.filled.TryGetValue(pair.Key, out var read))
                    {
                        if (keptFills is null || !keptFills.Contains(pair.Key))
                        {
                            (lost ??= new List<ISymbol>()).Add(pair.Key);
                        }
                    }
                    else if (read != pair.Value)
                    {
                        if (FillClasses is { } classes && classes[read] == classes[pair.Value])
                        {
                            // Reads that fill the buffer alike (ReadBody.FillClasses): the fact holds, by one of them.
                            (mixed ??= new List<KeyValuePair<ISymbol, int>>()).Add(new KeyValuePair<ISymbol, int>(pair.Key, System.Math.Min(read, pair.Value)));
                        }
                        else
                        {
                            (lost ??= new List<ISymbol>()).Add(pair.Key);
                        }
                    }
                    else if (other.IsMixedFill(pair.Key) && !IsMixedFill(pair.Key))
                    {
                        (mixed ??= new List<KeyValuePair<ISymbol, int>>()).Add(pair);
                    }
                }

                if (lost is not null)
                {
                    foreach (var buffer in lost)
                    {
                        RemoveFilled(buffer);
                    }

                    changed = true;
                }

                if (mixed is not null)
                {
                    foreach (var pair in mixed)
                    {
                        if (filled[pair.Key] != pair.Value)
                        {
                            OwnFilled()[pair.Key] = pair.Value;
                            changed = true;
                        }

                        changed |= (mixedFilled ??= new HashSet<ISymbol>(SymbolComparer.Instance)).Add(pair.Key);
                    }
                }
            }

            if (adoptedFills is not null)
            {
                foreach (var pair in adoptedFills)
                {
                    SetFilled(pair.Key, pair.Value);
                    FreshFilled.Add(pair.Key);
                }

                changed = true;
            }

            return changed;
        }

        /// <summary>
        /// The buffers a join keeps filled although only one side holds the fill: <paramref name="kept"/>, filled from fresh
        /// here and still fresh there; <paramref name="adopted"/>, still fresh here and filled from fresh there (with the read).
        /// </summary>
        private void EmptyFills(ReadState other, ref List<ISymbol>? kept, ref List<KeyValuePair<ISymbol, int>>? adopted)
        {
            if (freshFilled is { Count: > 0 } mine && other.fresh is { Count: > 0 } stillFresh)
            {
                foreach (var buffer in mine)
                {
                    if (stillFresh.Contains(buffer) && filled.ContainsKey(buffer) && !other.filled.ContainsKey(buffer))
                    {
                        (kept ??= new List<ISymbol>()).Add(buffer);
                    }
                }
            }

            if (fresh is { Count: > 0 } zeroed && other.freshFilled is { Count: > 0 } theirs)
            {
                foreach (var buffer in zeroed)
                {
                    if (theirs.Contains(buffer) && !filled.ContainsKey(buffer) && other.filled.TryGetValue(buffer, out var read))
                    {
                        (adopted ??= new List<KeyValuePair<ISymbol, int>>()).Add(new KeyValuePair<ISymbol, int>(buffer, read));
                    }
                }
            }
        }

        /// <summary>A must-fact's join: keeps the entries the other side holds with the same value.</summary>
        private static bool Intersect<TValue>(Dictionary<ISymbol, TValue>? mine, Dictionary<ISymbol, TValue>? theirs)
        {
            if (mine is not { Count: > 0 })
            {
                return false;
            }

            List<ISymbol>? lost = null;
            foreach (var pair in mine)
            {
                if (theirs is null || !theirs.TryGetValue(pair.Key, out var value) || !EqualityComparer<TValue>.Default.Equals(value, pair.Value))
                {
                    (lost ??= new List<ISymbol>()).Add(pair.Key);
                }
            }

            if (lost is null)
            {
                return false;
            }

            foreach (var key in lost)
            {
                mine.Remove(key);
            }

            return true;
        }

        private static bool Intersect(HashSet<ISymbol>? mine, HashSet<ISymbol>? theirs)
        {
            if (mine is not { Count: > 0 })
            {
                return false;
            }

            if (theirs is not { Count: > 0 })
            {
                mine.Clear();
                return true;
            }

            var before = mine.Count;
            mine.IntersectWith(theirs);
            return mine.Count != before;
        }
    }

    /// <summary>
    /// What <see cref="ReadState.Exact"/> knows of a local: it equals the <c>Available</c> of <see cref="Connection"/> (a
    /// variable, or an <see cref="ConnectionPath"/> such as <c>this.RawSocket</c>) as read at <see cref="Snapshot"/>.
    /// Two locals with the same snapshot hold the same number (<c>int len = s.Available; var b = new byte[len];</c>).
    /// </summary>
    internal sealed class AvailableSize : System.IEquatable<AvailableSize>
    {
        public AvailableSize(object connection, SyntaxNode snapshot)
        {
            Connection = connection;
            Snapshot = snapshot;
        }

        public object Connection { get; }

        public SyntaxNode Snapshot { get; }

        public bool Equals(AvailableSize? other)
            => other is not null && Snapshot == other.Snapshot && ConnectionPath.Same(Connection, other.Connection);

        public override bool Equals(object? obj) => Equals(obj as AvailableSize);

        public override int GetHashCode() => Snapshot.GetHashCode();
    }
}
