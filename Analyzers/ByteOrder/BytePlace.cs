using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using SocketAnalyzers.Common;

namespace SocketAnalyzers.ByteOrder
{
    /// <summary>
    /// One fact of the byte family: the bytes a host-order write <see cref="Site"/> produced may be at
    /// <see cref="Start"/> (a byte offset in the place, -1 when unknown) for <see cref="Length"/> bytes.
    /// </summary>
    internal readonly struct ByteFact : IEquatable<ByteFact>
    {
        public ByteFact(int site, int start, int length)
        {
            Site = site;
            Start = start;
            Length = length;
        }

        public int Site { get; }

        public int Start { get; }

        public int Length { get; }

        public bool Equals(ByteFact other) => Site == other.Site && Start == other.Start && Length == other.Length;

        public override bool Equals(object? obj) => obj is ByteFact other && Equals(other);

        public override int GetHashCode() => (Site * 397) ^ (Start * 31) ^ Length;
    }

    /// <summary>
    /// Two bytes of a place (<see cref="Low"/> &lt; <see cref="High"/>) swapped in place since the bytes were received:
    /// on every path (<see cref="Certain"/>), or on some paths only (then the bytes' order is not known there).
    /// </summary>
    internal readonly struct ByteSwap : IEquatable<ByteSwap>
    {
        public ByteSwap(int low, int high, bool certain)
        {
            Low = low;
            High = high;
            Certain = certain;
        }

        public int Low { get; }

        public int High { get; }

        public bool Certain { get; }

        public bool SamePair(ByteSwap other) => Low == other.Low && High == other.High;

        /// <summary>Every byte of the place: the swaps were too many to follow.</summary>
        public static ByteSwap All { get; } = new(-1, -1, false);

        public bool Touches(int start, int length) => Low < 0 || (Low >= start && Low < start + length) || (High >= start && High < start + length);

        public bool Equals(ByteSwap other) => SamePair(other) && Certain == other.Certain;

        public override bool Equals(object? obj) => obj is ByteSwap other && Equals(other);

        public override int GetHashCode() => (Low * 397) ^ (High * 31) ^ (Certain ? 1 : 0);
    }

    /// <summary>
    /// What the byte family knows about one place (a local, a parameter, a field of <c>this</c>, a flow capture) or
    /// one value: the host-order writes whose bytes it may hold (may-facts, joined by union), whether it may hold
    /// received bytes, which byte-order conversions of a number it may hold, and its length in bytes when it is known
    /// on every path (a must-fact). Immutable: states share places and replace them.
    /// </summary>
    internal sealed class BytePlace
    {
        /// <summary>Above this many facts a place forgets their offsets (a copy inside a loop cannot grow them forever).</summary>
        private const int MaxFacts = 32;

        public static readonly BytePlace None = new(ImmutableArray<ByteFact>.Empty, false, ImmutableArray<int>.Empty, -1);

        /// <summary>Above this many swaps a place forgets the order of its received bytes (<see cref="Swapped"/>).</summary>
        private const int MaxSwaps = 16;

        public BytePlace(ImmutableArray<ByteFact> writes, bool received, ImmutableArray<int> conversions, int length, ImmutableArray<ByteSwap> swaps = default)
        {
            Writes = writes;
            Received = received;
            Conversions = conversions;
            Length = length;
            Swaps = received && !swaps.IsDefault ? swaps : ImmutableArray<ByteSwap>.Empty;
        }

        /// <summary>The host-order bytes the place may hold.</summary>
        public ImmutableArray<ByteFact> Writes { get; }

        /// <summary>The place may hold bytes a network read placed.</summary>
        public bool Received { get; }

        /// <summary>The byte-order conversions (by site) whose result the place (a number) may hold.</summary>
        public ImmutableArray<int> Conversions { get; }

        /// <summary>The length in bytes on every path, or -1.</summary>
        public int Length { get; }

        /// <summary>
        /// The pairs of received bytes swapped in place since they were received (<c>t = b[0]; b[0] = b[1]; b[1] = t;</c>,
        /// <c>(b[0], b[1]) = (b[1], b[0])</c>): only while <see cref="Received"/>; a new read into the place clears them.
        /// </summary>
        public ImmutableArray<ByteSwap> Swaps { get; }

        public bool IsEmpty => Writes.IsEmpty && !Received && Conversions.IsEmpty && Length < 0;

        public static BytePlace Write(ByteFact fact, int length) => new(ImmutableArray.Create(fact), false, ImmutableArray<int>.Empty, length);

        public static BytePlace Conversion(int site) => new(ImmutableArray<ByteFact>.Empty, false, ImmutableArray.Create(site), -1);

        public static BytePlace ReceivedBytes { get; } = new(ImmutableArray<ByteFact>.Empty, true, ImmutableArray<int>.Empty, -1);

        public BytePlace WithLength(int length) => length == Length ? this : new BytePlace(Writes, Received, Conversions, length, Swaps);

        public BytePlace WithReceived(bool received) => received == Received ? this : new BytePlace(Writes, received, Conversions, Length, Swaps);

        /// <summary>A network read filled the place (again): received bytes in the order they came, none swapped.</summary>
        public BytePlace Refilled() => Received && Swaps.IsEmpty ? this : new BytePlace(Writes, true, Conversions, Length);

        public BytePlace WithWrites(ImmutableArray<ByteFact> writes) => new(Cap(writes), Received, Conversions, Length, Swaps);

        /// <summary>
        /// The received bytes at <paramref name="first"/> and <paramref name="second"/> swapped in place: the same pair
        /// swapped again is undone; a pair swapped on some paths only stays uncertain.
        /// </summary>
        public BytePlace Swapped(int first, int second)
        {
            if (!Received || first == second || first < 0 || second < 0)
            {
                return this;
            }

            var swap = new ByteSwap(System.Math.Min(first, second), System.Math.Max(first, second), true);
            var builder = Swaps.ToBuilder();
            var found = false;
            for (var i = 0; i < builder.Count; i++)
            {
                if (builder[i].SamePair(swap))
                {
                    found = true;
                    if (builder[i].Certain)
                    {
                        builder.RemoveAt(i);
                    }

                    break;
                }
            }

            if (!found)
            {
                if (builder.Count >= MaxSwaps)
                {
                    // Too many to follow: the order of the received bytes is no longer known anywhere in the place.
                    builder.Clear();
                    builder.Add(ByteSwap.All);
                }
                else
                {
                    builder.Add(swap);
                }
            }

            return new BytePlace(Writes, Received, Conversions, Length, builder.ToImmutable());
        }

        /// <summary>
        /// True when the <paramref name="length"/> received bytes at <paramref name="start"/> are reversed in place on every
        /// path: each pair from the ends inwards swapped exactly once, and no other swap touching them.
        /// </summary>
        public bool IsReversedInPlace(int start, int length) => Received && Reverses(Swaps, start, length);

        /// <summary>
        /// True when <paramref name="swaps"/> (each pair once) reverse the <paramref name="length"/> bytes at
        /// <paramref name="start"/> exactly: each pair from the ends inwards swapped on every path, and no other swap
        /// touching them. The received bytes' test (<see cref="IsReversedInPlace"/>) and SOCK020's written bytes' share it.
        /// </summary>
        public static bool Reverses(IReadOnlyList<ByteSwap> swaps, int start, int length)
        {
            if (start < 0 || length < 2 || swaps.Count == 0)
            {
                return false;
            }

            var needed = length / 2;
            foreach (var swap in swaps)
            {
                if (!swap.Touches(start, length))
                {
                    continue;
                }

                if (!swap.Certain || swap.Low + swap.High != (2 * start) + length - 1 || swap.Low < start || swap.High >= start + length)
                {
                    return false;
                }

                needed--;
            }

            return needed == 0;
        }

        /// <summary>
        /// The same bytes <paramref name="by"/> bytes further on (-1: at offsets no longer known), in a place of
        /// <paramref name="length"/> bytes: what a sequence that puts other bytes before them holds.
        /// </summary>
        public BytePlace Moved(int by, int length)
        {
            if (Writes.IsEmpty || by == 0)
            {
                return WithLength(length);
            }

            var builder = ImmutableArray.CreateBuilder<ByteFact>(Writes.Length);
            foreach (var fact in Writes)
            {
                var moved = new ByteFact(fact.Site, by < 0 || fact.Start < 0 ? -1 : fact.Start + by, fact.Length);
                if (!builder.Contains(moved))
                {
                    builder.Add(moved);
                }
            }

            return new BytePlace(builder.ToImmutable(), Received, Conversions, length);
        }

        /// <summary>Adds <paramref name="facts"/> (and received bytes) to the place: what a copy or a write brings.</summary>
        public BytePlace Add(IEnumerable<ByteFact> facts, bool received)
        {
            var builder = Writes.ToBuilder();
            foreach (var fact in facts)
            {
                if (!builder.Contains(fact))
                {
                    builder.Add(fact);
                }
            }

            // Received bytes brought in may land on swapped ones: their order is the order they came in.
            return new BytePlace(Cap(builder.ToImmutable()), Received || received, Conversions, Length, received ? default : Swaps);
        }

        /// <summary>
        /// Removes the bytes a certain overwrite of <paramref name="length"/> bytes at <paramref name="start"/> replaces:
        /// a fact it covers goes, a fact it covers in part keeps the bytes before and after it (a write of other bytes of
        /// the buffer does not hide them); an overwrite at an unknown offset, or of a fact at an unknown offset, removes
        /// it (precision first: the code chose the order of those bytes itself).
        /// </summary>
        public BytePlace Overwrite(int start, int length)
        {
            if (Writes.IsEmpty)
            {
                return this;
            }

            var changed = false;
            var builder = ImmutableArray.CreateBuilder<ByteFact>(Writes.Length);
            foreach (var fact in Writes)
            {
                if (start < 0 || length < 0 || fact.Start < 0)
                {
                    changed = true;
                    continue;
                }

                var end = fact.Start + fact.Length;
                if (fact.Start >= start + length || start >= end)
                {
                    builder.Add(fact);
                    continue;
                }

                changed = true;
                if (fact.Start < start)
                {
                    AddOnce(builder, new ByteFact(fact.Site, fact.Start, start - fact.Start));
                }

                if (end > start + length)
                {
                    AddOnce(builder, new ByteFact(fact.Site, start + length, end - (start + length)));
                }
            }

            return !changed ? this : new BytePlace(Cap(builder.ToImmutable()), Received, Conversions, Length, Swaps);
        }

        private static void AddOnce(ImmutableArray<ByteFact>.Builder builder, ByteFact fact)
        {
            if (!builder.Contains(fact))
            {
                builder.Add(fact);
            }
        }

        /// <summary>The join of two places (union of may-facts, agreement of the length).</summary>
        public BytePlace Join(BytePlace other)
        {
            if (ReferenceEquals(this, other))
            {
                return this;
            }

            var writes = Writes;
            if (!other.Writes.IsEmpty)
            {
                var builder = writes.ToBuilder();
                foreach (var fact in other.Writes)
                {
                    if (!builder.Contains(fact))
                    {
                        builder.Add(fact);
                    }
                }

                writes = builder.Count == writes.Length ? writes : Cap(builder.ToImmutable());
            }

            var conversions = Conversions;
            if (!other.Conversions.IsEmpty)
            {
                var builder = conversions.ToBuilder();
                foreach (var site in other.Conversions)
                {
                    if (!builder.Contains(site))
                    {
                        builder.Add(site);
                    }
                }

                conversions = builder.Count == conversions.Length ? conversions : builder.ToImmutable();
            }

            var received = Received || other.Received;
            var length = Length == other.Length ? Length : -1;
            var swaps = !other.Received ? Swaps : !Received ? other.Swaps : JoinSwaps(Swaps, other.Swaps);
            if (writes == Writes && conversions == Conversions && received == Received && length == Length && swaps == Swaps)
            {
                return this;
            }

            return new BytePlace(writes, received, conversions, length, swaps);
        }

        /// <summary>
        /// The swaps of two paths that both hold received bytes: a pair certain on both stays certain; any other pair is
        /// uncertain (swapped on some paths only, the order of those bytes is not known).
        /// </summary>
        private static ImmutableArray<ByteSwap> JoinSwaps(ImmutableArray<ByteSwap> mine, ImmutableArray<ByteSwap> theirs)
        {
            if (mine == theirs || (mine.IsEmpty && theirs.IsEmpty))
            {
                return mine;
            }

            var builder = ImmutableArray.CreateBuilder<ByteSwap>();
            foreach (var swap in mine)
            {
                var certain = false;
                foreach (var other in theirs)
                {
                    if (other.SamePair(swap))
                    {
                        certain = swap.Certain && other.Certain;
                        break;
                    }
                }

                builder.Add(new ByteSwap(swap.Low, swap.High, certain));
            }

            foreach (var other in theirs)
            {
                var found = false;
                foreach (var swap in mine)
                {
                    found |= swap.SamePair(other);
                }

                if (!found)
                {
                    builder.Add(new ByteSwap(other.Low, other.High, false));
                }
            }

            var joined = builder.ToImmutable();
            if (joined.Length == mine.Length)
            {
                var same = true;
                for (var i = 0; i < joined.Length && same; i++)
                {
                    same = joined[i].Equals(mine[i]);
                }

                if (same)
                {
                    return mine;
                }
            }

            return joined;
        }

        private static ImmutableArray<ByteFact> Cap(ImmutableArray<ByteFact> writes)
        {
            if (writes.Length <= MaxFacts)
            {
                return writes;
            }

            var builder = ImmutableArray.CreateBuilder<ByteFact>();
            foreach (var fact in writes)
            {
                var forgotten = new ByteFact(fact.Site, -1, fact.Length);
                if (!builder.Contains(forgotten))
                {
                    builder.Add(forgotten);
                }
            }

            return builder.ToImmutable();
        }
    }

    /// <summary>The byte family's state at one program point: the places it knows something about.</summary>
    internal sealed class ByteState
    {
        public ByteState()
            : this(new Dictionary<object, BytePlace>(KeyComparer.Instance))
        {
        }

        private ByteState(Dictionary<object, BytePlace> places) => Places = places;

        public Dictionary<object, BytePlace> Places { get; }

        /// <summary>
        /// Every path here took the branch where <c>BitConverter.IsLittleEndian</c> is false: the host is big-endian, its
        /// order is network order, so what is written or read here in the host's order is in network order.
        /// </summary>
        public bool BigEndianHost { get; set; }

        public ByteState Clone() => new(new Dictionary<object, BytePlace>(Places, KeyComparer.Instance)) { BigEndianHost = BigEndianHost };

        public BytePlace? Get(object key) => Places.TryGetValue(key, out var place) ? place : null;

        public void Set(object key, BytePlace? place)
        {
            if (place is null || place.IsEmpty)
            {
                Places.Remove(key);
            }
            else
            {
                Places[key] = place;
            }
        }

        /// <summary>Joins <paramref name="source"/> into this state; true when this state grew.</summary>
        public bool JoinFrom(ByteState source)
        {
            var changed = false;
            if (BigEndianHost && !source.BigEndianHost)
            {
                // Some path here may run on a little-endian host.
                BigEndianHost = false;
                changed = true;
            }

            List<KeyValuePair<object, BytePlace>>? updates = null;
            foreach (var pair in source.Places)
            {
                if (Places.TryGetValue(pair.Key, out var mine))
                {
                    var joined = mine.Join(pair.Value);
                    if (!ReferenceEquals(joined, mine))
                    {
                        (updates ??= new()).Add(new KeyValuePair<object, BytePlace>(pair.Key, joined));
                    }
                }
                else
                {
                    // Missing on this side: no facts and an unknown length.
                    var added = pair.Value.WithLength(-1);
                    if (!added.IsEmpty)
                    {
                        (updates ??= new()).Add(new KeyValuePair<object, BytePlace>(pair.Key, added));
                    }
                }
            }

            foreach (var pair in Places)
            {
                if (pair.Value.Length >= 0 && !source.Places.ContainsKey(pair.Key))
                {
                    (updates ??= new()).Add(new KeyValuePair<object, BytePlace>(pair.Key, pair.Value.WithLength(-1)));
                }
            }

            if (updates is not null)
            {
                foreach (var update in updates)
                {
                    Set(update.Key, update.Value);
                }

                changed = true;
            }

            return changed;
        }
    }
}
