using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using SocketAnalyzers.Common;

namespace SocketAnalyzers.Addressing
{
    /// <summary>What an address (or an endpoint, by its address) may be: a set, joined by union where paths meet.</summary>
    [Flags]
    internal enum AddressFacts : ushort
    {
        None = 0,

        /// <summary>A specific IPv4 address (<c>IPAddress.Loopback</c>, a literal).</summary>
        V4 = 1,

        /// <summary>A specific IPv6 address (<c>IPAddress.IPv6Loopback</c>, a literal).</summary>
        V6 = 2,

        /// <summary><c>IPAddress.Any</c>, <c>0.0.0.0</c>.</summary>
        AnyV4 = 4,

        /// <summary><c>IPAddress.IPv6Any</c>, <c>::</c>.</summary>
        AnyV6 = 8,

        /// <summary><c>IPAddress.Broadcast</c>, <c>255.255.255.255</c>.</summary>
        Broadcast = 16,

        /// <summary>The first address a DNS lookup returned: of either family.</summary>
        DnsFirst = 32,

        /// <summary>The address list of a DNS lookup (its first element is <see cref="DnsFirst"/>).</summary>
        DnsList = 64,

        /// <summary>Something else: nothing is certain.</summary>
        Unknown = 0x8000,

        Ipv4Family = V4 | AnyV4 | Broadcast,
        Ipv6Family = V6 | AnyV6,
        Wildcard = AnyV4 | AnyV6,
        Addresses = V4 | V6 | AnyV4 | AnyV6 | Broadcast | DnsFirst,
    }

    /// <summary>The address family of a socket.</summary>
    [Flags]
    internal enum FamilyFacts : byte
    {
        None = 0,
        V4 = 1,
        V6 = 2,

        /// <summary>IPv6 with <c>DualMode</c> on: takes IPv4 endpoints too.</summary>
        Dual = 4,
        Unknown = 128,
    }

    /// <summary>Whether the socket may send to the broadcast address.</summary>
    [Flags]
    internal enum BroadcastFacts : byte
    {
        None = 0,

        /// <summary>Created here and <c>EnableBroadcast</c> not set to true since.</summary>
        Off = 1,
        On = 2,
        Unknown = 4,
    }

    /// <summary>Stream (TCP) or datagram (UDP).</summary>
    [Flags]
    internal enum KindFacts : byte
    {
        None = 0,
        Stream = 1,
        Datagram = 2,
        Unknown = 4,
    }

    /// <summary>What a buffer (or what was decoded or viewed from it) holds.</summary>
    [Flags]
    internal enum ReadFacts : byte
    {
        None = 0,

        /// <summary>Exactly the bytes of one read on a stream, from its start.</summary>
        OneStreamRead = 1,

        /// <summary>Anything else: a fresh buffer, accumulated reads, an exact read, unknown.</summary>
        Other = 2,

        /// <summary>
        /// A <c>MemoryStream</c> or <c>StringBuilder</c> made empty here and not written since: the first write of one stream
        /// read makes it hold that read; joined with what it holds after a write (a loop's second turn), it accumulates.
        /// </summary>
        Empty = 4,
    }

    /// <summary>What the value family knows about one value (a socket, an address, an endpoint, a buffer).</summary>
    internal readonly struct SocketValue : IEquatable<SocketValue>
    {
        public SocketValue(AddressFacts address = AddressFacts.None, FamilyFacts family = FamilyFacts.None, BroadcastFacts broadcast = BroadcastFacts.None, KindFacts kind = KindFacts.None, ReadFacts read = ReadFacts.None, string? readApi = null)
        {
            Address = address;
            Family = family;
            Broadcast = broadcast;
            Kind = kind;
            Read = read;
            ReadApi = readApi;
        }

        public AddressFacts Address { get; }

        public FamilyFacts Family { get; }

        public BroadcastFacts Broadcast { get; }

        public KindFacts Kind { get; }

        public ReadFacts Read { get; }

        /// <summary>The name of the read whose bytes these are (for the message); not part of the lattice.</summary>
        public string? ReadApi { get; }

        public SocketValue Join(SocketValue other) => new(
            Address | other.Address, Family | other.Family, Broadcast | other.Broadcast, Kind | other.Kind, Read | other.Read, ReadApi ?? other.ReadApi);

        public SocketValue WithFamily(FamilyFacts family) => new(Address, family, Broadcast, Kind, Read, ReadApi);

        public SocketValue WithBroadcast(BroadcastFacts broadcast) => new(Address, Family, broadcast, Kind, Read, ReadApi);

        public SocketValue WithRead(ReadFacts read, string? api) => new(Address, Family, Broadcast, Kind, read, api);

        public bool Equals(SocketValue other)
            => Address == other.Address && Family == other.Family && Broadcast == other.Broadcast && Kind == other.Kind && Read == other.Read;

        public override bool Equals(object? obj) => obj is SocketValue other && Equals(other);

        public override int GetHashCode() => ((int)Address << 16) ^ ((int)Family << 12) ^ ((int)Broadcast << 8) ^ ((int)Kind << 4) ^ (int)Read;

        /// <summary>The family of a socket made for this address (<c>new Socket(address.AddressFamily, …)</c>, <c>new UdpClient(endPoint)</c>).</summary>
        public FamilyFacts FamilyOfAddress()
        {
            if (Address == AddressFacts.None || (Address & ~(AddressFacts.Ipv4Family | AddressFacts.Ipv6Family)) != 0)
            {
                return FamilyFacts.Unknown;
            }

            return ((Address & AddressFacts.Ipv4Family) != 0 ? FamilyFacts.V4 : FamilyFacts.None)
                | ((Address & AddressFacts.Ipv6Family) != 0 ? FamilyFacts.V6 : FamilyFacts.None);
        }
    }

    /// <summary>The family's state at one program point: the values of the names it follows. A name that is absent is unknown.</summary>
    internal sealed class SocketValueState
    {
        public SocketValueState()
        {
            Values = new Dictionary<object, SocketValue>(KeyComparer.Instance);
        }

        private SocketValueState(Dictionary<object, SocketValue> values, Dictionary<ILocalSymbol, ReadCount>? counts)
        {
            Values = new Dictionary<object, SocketValue>(values, KeyComparer.Instance);
            if (counts is { Count: > 0 })
            {
                Counts = new Dictionary<ILocalSymbol, ReadCount>(counts, SymbolEqualityComparer.Default);
            }
        }

        public Dictionary<object, SocketValue> Values { get; }

        /// <summary>
        /// Locals that hold the count of a read whose buffer holds one stream read (SOCK040), with that buffer and the size
        /// the read asked for: a branch that finds the count equal to the size knows the buffer full. Null when none.
        /// </summary>
        public Dictionary<ILocalSymbol, ReadCount>? Counts { get; private set; }

        public Dictionary<ILocalSymbol, ReadCount> CountsForWrite() => Counts ??= new Dictionary<ILocalSymbol, ReadCount>(SymbolEqualityComparer.Default);

        public SocketValueState Clone() => new(Values, Counts);

        /// <summary>Joins <paramref name="source"/> in: a name unknown on either side is unknown (absent); true when this state grew.</summary>
        public bool JoinFrom(SocketValueState source)
        {
            var countsLost = false;
            if (Counts is { Count: > 0 })
            {
                List<ILocalSymbol>? gone = null;
                foreach (var pair in Counts)
                {
                    if (source.Counts is null || !source.Counts.TryGetValue(pair.Key, out var other) || !other.Equals(pair.Value))
                    {
                        (gone ??= new List<ILocalSymbol>()).Add(pair.Key);
                    }
                }

                if (gone is not null)
                {
                    foreach (var local in gone)
                    {
                        Counts.Remove(local);
                    }

                    countsLost = true;
                }
            }

            List<object>? lost = null;
            List<KeyValuePair<object, SocketValue>>? grown = null;
            foreach (var pair in Values)
            {
                if (!source.Values.TryGetValue(pair.Key, out var other))
                {
                    (lost ??= new List<object>()).Add(pair.Key);
                    continue;
                }

                var joined = pair.Value.Join(other);
                if (!joined.Equals(pair.Value))
                {
                    (grown ??= new List<KeyValuePair<object, SocketValue>>()).Add(new KeyValuePair<object, SocketValue>(pair.Key, joined));
                }
            }

            if (lost is not null)
            {
                foreach (var key in lost)
                {
                    Values.Remove(key);
                }
            }

            if (grown is not null)
            {
                foreach (var pair in grown)
                {
                    Values[pair.Key] = pair.Value;
                }
            }

            return lost is not null || grown is not null || countsLost;
        }
    }

    /// <summary>The count of a read that filled <see cref="Buffer"/> from its start, asking for <see cref="Size"/> bytes (null: the whole buffer).</summary>
    internal readonly struct ReadCount : IEquatable<ReadCount>
    {
        public ReadCount(object buffer, SyntaxNode? size)
        {
            Buffer = buffer;
            Size = size;
        }

        public object Buffer { get; }

        public SyntaxNode? Size { get; }

        public bool Equals(ReadCount other) => KeyComparer.Instance.Equals(Buffer, other.Buffer) && Size == other.Size;

        public override bool Equals(object? obj) => obj is ReadCount other && Equals(other);

        public override int GetHashCode() => KeyComparer.Instance.GetHashCode(Buffer);
    }
}
