using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using SocketAnalyzers.Common;
using SocketAnalyzers.Model;

namespace SocketAnalyzers.Lifecycle
{
    /// <summary>The socket types of the model; a <c>TcpListener</c>, <c>TcpClient</c>, <c>UdpClient</c> and <c>NetworkStream</c> stand for the socket inside.</summary>
    internal enum SocketModelType
    {
        Socket,
        TcpListener,
        TcpClient,
        UdpClient,
        NetworkStream,

        /// <summary>
        /// A <c>StreamReader</c>, <c>StreamWriter</c>, <c>BinaryReader</c> or <c>BinaryWriter</c> made over a network stream
        /// (not a type of the catalogue's <c>IsModelType</c>: only such a creation makes one): open (<see cref="SocketStates.Connected"/>)
        /// from its constructor until its own <c>Close</c>, <c>Dispose</c> or awaited <c>DisposeAsync</c> makes it
        /// <see cref="SocketStates.Closed"/>; its I/O after that throws ObjectDisposedException. Its other states never occur.
        /// </summary>
        StreamWrapper,
    }

    /// <summary>What a member does to the socket it is called on. The protocol table below says what each needs and produces.</summary>
    internal enum SocketOperation
    {
        Bind,
        Listen,
        Accept,
        Connect,
        Send,
        Receive,
        SendTo,

        /// <summary>
        /// A <c>UdpClient</c>'s <c>Send</c> with a destination (an endpoint, or a host and port): impossible once the client
        /// is connected, even to the peer it is connected to ("Cannot send packets to an arbitrary host while connected").
        /// A call whose destination is not certainly given (a variable that may be null) is a plain <see cref="SendTo"/>.
        /// </summary>
        SendToPeer,
        ReceiveFrom,
        MakeStream,
        ShutdownSend,
        ShutdownReceive,
        ShutdownBoth,
        ShutdownUnknown,
        Disconnect,
        Close,
        ListenerStart,
        ListenerStop,

        /// <summary>Any other member that throws ObjectDisposedException once the socket is closed.</summary>
        Use,

        /// <summary>A question about the state (<c>Connected</c>): code that asks knows more than we do, so the answer "connected" becomes possible.</summary>
        Probe,

        /// <summary><c>TcpListener.Server</c>, <c>TcpClient.Client</c>, <c>NetworkStream.Socket</c>: the same socket under another name.</summary>
        Alias,

        /// <summary>A constructor; its <see cref="SocketMember.Creates"/> says in which state the new socket starts.</summary>
        Create,

        /// <summary><c>Shutdown(how)</c>: resolved to one of the Shutdown operations by its argument.</summary>
        Shutdown,

        /// <summary>
        /// Recorded only by a field's summary (<see cref="FieldTypestate"/>): whoever holds a stream made over the field
        /// (<c>ns = client.GetStream()</c> kept) may close it, and with it the socket. A stream exists only where making it
        /// returned, so the close is possible only from those states: a client nothing connects is never closed by it
        /// (mut39 #26).
        /// </summary>
        StreamHolderClose,
    }

    /// <summary>How the call form changes the effect: sync and awaited async calls are certain, the rest may not have completed.</summary>
    internal enum CallForm
    {
        Sync,
        Async,
        Begin,
        End,
        EventArgs,
    }

    /// <summary>What a catalogued member does to the socket of a receiver of model type <see cref="Type"/> (a row's lifecycle facet, resolved).</summary>
    internal readonly struct SocketMember
    {
        public SocketMember(SocketModelType type, string name, SocketOperation operation, SocketStates creates = SocketStates.None, SocketModelType? result = null, CallForm form = CallForm.Sync)
        {
            Type = type;
            Name = name;
            Operation = operation;
            Creates = creates;
            Result = result;
            Form = form;
        }

        public SocketModelType Type { get; }

        /// <summary>The member name; <c>.ctor</c> for constructors.</summary>
        public string Name { get; }

        public SocketOperation Operation { get; }

        /// <summary>For <see cref="SocketOperation.Create"/>: the state of the new socket (<see cref="SocketStates.All"/> when unknown).</summary>
        public SocketStates Creates { get; }

        /// <summary>The states a socket this constructor makes may be in: <see cref="Creates"/>, every state when the row names none.</summary>
        public SocketStates CreatedStates => Creates == SocketStates.None ? SocketStates.All : Creates;

        /// <summary>For accepts: the type of the new, connected, socket they return.</summary>
        public SocketModelType? Result { get; }

        /// <summary>The call form, read from the signature when the catalogue is resolved.</summary>
        public CallForm Form { get; }
    }

    /// <summary>What an operation needs (per state, per kind) and what it produces. One row per operation.</summary>
    internal sealed class OperationProtocol
    {
        public OperationProtocol(string stream, string datagram, SocketStates[] next)
        {
            Stream = Parse(stream);
            Datagram = Parse(datagram);
            Next = next;
        }

        /// <summary>The rule broken when the operation runs on a stream socket in each state (index = bit position), or null.</summary>
        public string?[] Stream { get; }

        public string?[] Datagram { get; }

        /// <summary>The state after the operation, per state before it.</summary>
        public SocketStates[] Next { get; }

        /// <summary>"ok 006 …" for the eight states Created, Bound, Listening, Connected, SendShut, ReceiveShut, BothShut, Closed.</summary>
        private static string?[] Parse(string row)
        {
            var parts = row.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 8)
            {
                throw new ArgumentException("A protocol row needs one verdict per state: " + row);
            }

            var result = new string?[8];
            for (var i = 0; i < 8; i++)
            {
                result[i] = parts[i] == "ok" ? null : "SOCK" + parts[i];
            }

            return result;
        }
    }

    /// <summary>
    /// The lifecycle model: which member performs which operation (the lifecycle facet of <see cref="SocketApiCatalogue"/>'s
    /// rows, looked up by symbol) and what each operation needs and produces (<see cref="Protocol"/>). Rules consult
    /// this; they name no method.
    /// </summary>
    internal sealed class SocketProtocolModel
    {
        /// <summary>
        /// What each operation needs and produces. A Shutdown that returns proves the socket was connected (it throws
        /// otherwise), so every open state moves to the shut state. Verdict columns: Created, Bound, Listening, Connected,
        /// SendShut, ReceiveShut, BothShut, Closed; "ok" or the rule number that the state breaks.
        /// </summary>
        public static readonly ImmutableDictionary<SocketOperation, OperationProtocol> Protocol = new Dictionary<SocketOperation, OperationProtocol>
        {
            //                                                 Crtd Bnd  Lstn Conn SSht RSht BSht Clsd
            [SocketOperation.Bind] = new("ok   006  006  006  006  006  006  005", "ok   006  006  006  006  006  006  005", SetTo(SocketStates.Bound)),
            [SocketOperation.Listen] = new("001  ok   ok   006  006  006  006  005", "006  006  006  006  006  006  006  005", SetTo(SocketStates.Listening)),
            [SocketOperation.Accept] = new("002  002  ok   006  006  006  006  005", "006  006  006  006  006  006  006  005", Same()),
            [SocketOperation.Connect] = new("ok   ok   006  006  006  006  006  005", "ok   ok   006  ok   ok   ok   ok   005", SetTo(SocketStates.Connected)),
            [SocketOperation.Send] = new("004  004  003  ok   005  ok   005  005", "004  004  ok   ok   005  ok   005  005", Same()),
            [SocketOperation.Receive] = new("004  004  003  ok   ok   005  005  005", "004  ok   ok   ok   ok   005  005  005", Same()),
            // A send to a destination binds a socket that is not bound yet (the system picks its address and port), so a
            // datagram socket may then receive the answers; an explicit Bind after it fails.
            [SocketOperation.SendTo] = new("ok   ok   ok   ok   ok   ok   ok   005", "ok   ok   ok   ok   ok   ok   ok   005", BindsWhenCreated()),
            [SocketOperation.SendToPeer] = new("ok   ok   ok   006  006  006  006  005", "ok   ok   ok   006  006  006  006  005", BindsWhenCreated()),
            // A receive from any sender needs a local address: on a socket that was never bound (nor connected, nor sent
            // from) it throws InvalidOperationException ("You must call the Bind method") before any I/O (mut38 #56).
            [SocketOperation.ReceiveFrom] = new("004  ok   ok   ok   ok   ok   ok   005", "004  ok   ok   ok   ok   ok   ok   005", Same()),
            // new NetworkStream(socket) of a datagram socket throws IOException in every state ("not allowed on non-stream
            // oriented sockets" once connected, "on non-connected sockets" before a Connect and after a Close; checked on
            // .NET 10): fresh80 M2.
            [SocketOperation.MakeStream] = new("004  004  003  ok   ok   ok   ok   005", "006  006  006  006  006  006  006  006", Same()),
            [SocketOperation.ShutdownSend] = new("ok   ok   ok   ok   ok   ok   ok   005", "ok   ok   ok   ok   ok   ok   ok   005", Map(SocketStates.SendShut, SocketStates.SendShut, SocketStates.SendShut, SocketStates.SendShut, SocketStates.SendShut, SocketStates.BothShut, SocketStates.BothShut, SocketStates.Closed)),
            [SocketOperation.ShutdownReceive] = new("ok   ok   ok   ok   ok   ok   ok   005", "ok   ok   ok   ok   ok   ok   ok   005", Map(SocketStates.ReceiveShut, SocketStates.ReceiveShut, SocketStates.ReceiveShut, SocketStates.ReceiveShut, SocketStates.BothShut, SocketStates.ReceiveShut, SocketStates.BothShut, SocketStates.Closed)),
            [SocketOperation.ShutdownBoth] = new("ok   ok   ok   ok   ok   ok   ok   005", "ok   ok   ok   ok   ok   ok   ok   005", SetTo(SocketStates.BothShut)),
            [SocketOperation.ShutdownUnknown] = new("ok   ok   ok   ok   ok   ok   ok   005", "ok   ok   ok   ok   ok   ok   ok   005", Map(SocketStates.Connected | SocketStates.SendShut | SocketStates.ReceiveShut | SocketStates.BothShut, SocketStates.Connected | SocketStates.SendShut | SocketStates.ReceiveShut | SocketStates.BothShut, SocketStates.Connected | SocketStates.SendShut | SocketStates.ReceiveShut | SocketStates.BothShut, SocketStates.Connected | SocketStates.SendShut | SocketStates.ReceiveShut | SocketStates.BothShut, SocketStates.SendShut | SocketStates.BothShut, SocketStates.ReceiveShut | SocketStates.BothShut, SocketStates.BothShut, SocketStates.Closed)),
            [SocketOperation.Disconnect] = new("ok   ok   ok   ok   ok   ok   ok   005", "ok   ok   ok   ok   ok   ok   ok   005", SetTo(SocketStates.Created | SocketStates.Closed)),
            [SocketOperation.Close] = new("ok   ok   ok   ok   ok   ok   ok   ok ", "ok   ok   ok   ok   ok   ok   ok   ok ", Always(SocketStates.Closed)),
            [SocketOperation.ListenerStart] = new("ok   ok   ok   ok   ok   ok   ok   ok ", "ok   ok   ok   ok   ok   ok   ok   ok ", Always(SocketStates.Listening)),
            [SocketOperation.ListenerStop] = new("ok   ok   ok   ok   ok   ok   ok   ok ", "ok   ok   ok   ok   ok   ok   ok   ok ", Always(SocketStates.Created)),
            [SocketOperation.Probe] = new("ok   ok   ok   ok   ok   ok   ok   ok ", "ok   ok   ok   ok   ok   ok   ok   ok ", Map(SocketStates.Created | SocketStates.Connected, SocketStates.Bound | SocketStates.Connected, SocketStates.Listening | SocketStates.Connected, SocketStates.Connected, SocketStates.SendShut | SocketStates.Connected, SocketStates.ReceiveShut | SocketStates.Connected, SocketStates.BothShut | SocketStates.Connected, SocketStates.Closed | SocketStates.Connected)),
            [SocketOperation.StreamHolderClose] = new("004  004  003  ok   ok   ok   ok   005", "ok   ok   ok   ok   ok   ok   ok   005", Always(SocketStates.Closed)),
            [SocketOperation.Use] = new("ok   ok   ok   ok   ok   ok   ok   005", "ok   ok   ok   ok   ok   ok   ok   005", Same()),
        }.ToImmutableDictionary();

        private readonly KnownSymbols symbols;
        private readonly CatalogueIndex catalogue;

        public SocketProtocolModel(KnownSymbols symbols)
        {
            this.symbols = symbols;
            catalogue = symbols.Catalogue;
        }

        public KnownSymbols Symbols => symbols;

        private readonly System.Collections.Concurrent.ConcurrentDictionary<ITypeSymbol, RecentAnswers<ITypeSymbol, SocketModelType?>.Entry> typeCache = new(SymbolComparer.Instance);

        /// <summary>The answers of <see cref="typeCache"/> asked for last (they were half of <see cref="ModelTypeOf"/>'s samples on the dense corpus).</summary>
        private readonly RecentAnswers<ITypeSymbol, SocketModelType?> recentTypes = new();

        /// <summary>The model type that <paramref name="type"/> is (or derives from), or null. Cached per type.</summary>
        public SocketModelType? ModelTypeOf(ITypeSymbol? type)
        {
            if (type is null || type.SpecialType != SpecialType.None || type.TypeKind is not (TypeKind.Class or TypeKind.Error))
            {
                return null;
            }

            // Asked for nearly every name an operation reads: a hit must not allocate (GetOrAdd's lambda would capture this).
            // Keyed by the definition, which decides the answer (the catalogue walks the definitions of the bases): every
            // construction of a generic type (Task<int>, List<byte[]>…) has its name's hash, and as keys they made one
            // chain of the table that each lookup compared symbol by symbol.
            var definition = type.OriginalDefinition;
            var slot = RecentAnswers<ITypeSymbol, SocketModelType?>.SlotOf(definition.Name);
            if (recentTypes.Find(definition, slot) is { } recent)
            {
                return recent.Value;
            }

            if (!typeCache.TryGetValue(definition, out var known))
            {
                known = typeCache.GetOrAdd(definition, new RecentAnswers<ITypeSymbol, SocketModelType?>.Entry(definition, catalogue.ModelTypeOf(definition)));
            }

            recentTypes.Keep(known, slot);
            return known.Value;
        }

        /// <summary>True when <paramref name="type"/> is one of the model's types: the cheap pre-scan.</summary>
        public bool IsModelType(ITypeSymbol? type) => ModelTypeOf(type) is not null;

        private readonly System.Collections.Concurrent.ConcurrentDictionary<ITypeSymbol, bool> wrapperCache = new(SymbolComparer.Instance);

        /// <summary>
        /// A reader or writer the catalogue says closes the stream it is made over (a constructor with
        /// <see cref="Model.ApiFacts.WrapLeaveOpen"/>: <c>StreamReader</c>, <c>StreamWriter</c>, <c>BinaryReader</c>,
        /// <c>BinaryWriter</c>), and no model type itself. Cached per type.
        /// </summary>
        public bool IsStreamWrapperType(ITypeSymbol? type)
        {
            if (type is not INamedTypeSymbol named || named.TypeKind != TypeKind.Class || IsModelType(named))
            {
                return false;
            }

            // By the definition, as for ModelTypeOf: the catalogue answers for a constructor's definition.
            named = named.OriginalDefinition;
            if (wrapperCache.TryGetValue(named, out var known))
            {
                return known;
            }

            var wraps = false;
            foreach (var constructor in named.InstanceConstructors)
            {
                if (catalogue.Facts(constructor)?.WrapLeaveOpen is not null)
                {
                    wraps = true;
                    break;
                }
            }

            wrapperCache.TryAdd(named, wraps);
            return wraps;
        }

        /// <summary>The transition of <paramref name="member"/> (or the member it overrides) called on a receiver of model type <paramref name="type"/>, if the catalogue has one.</summary>
        public SocketMember? Find(SocketModelType type, ISymbol member) => catalogue.Lifecycle(type, member);

        private static SocketStates[] SetTo(SocketStates state)
            => new[] { state, state, state, state, state, state, state, SocketStates.Closed };

        private static SocketStates[] Always(SocketStates state)
            => new[] { state, state, state, state, state, state, state, state };

        private static SocketStates[] Same() => Map(SocketStateText.Each);

        /// <summary>Created becomes Bound (the system binds the socket for the send); every other state stays.</summary>
        private static SocketStates[] BindsWhenCreated()
        {
            var next = Same();
            var copy = new SocketStates[next.Length];
            System.Array.Copy(next, copy, next.Length);
            copy[0] = SocketStates.Bound;
            return copy;
        }

        private static SocketStates[] Map(params SocketStates[] next) => next;

        /// <summary>
        /// The operation a call of <paramref name="member"/> with <paramref name="arguments"/> performs: the member's own,
        /// except <c>Shutdown(how)</c>, which is the Shutdown operation its argument names.
        /// </summary>
        public SocketOperation OperationOf(SocketMember member, ImmutableArray<Microsoft.CodeAnalysis.Operations.IArgumentOperation> arguments)
            => member.Operation switch
            {
                SocketOperation.Shutdown => ShutdownKind(arguments),
                SocketOperation.SendToPeer => DestinationGiven(arguments) ? SocketOperation.SendToPeer : SocketOperation.SendTo,
                _ => member.Operation,
            };

        /// <summary>
        /// The call certainly names a destination: an endpoint argument made right there (<c>new IPEndPoint(…)</c>) or a
        /// host name that is a constant. A null endpoint or host (and port 0) means "the connected peer", which is fine.
        /// </summary>
        private bool DestinationGiven(ImmutableArray<Microsoft.CodeAnalysis.Operations.IArgumentOperation> arguments)
        {
            foreach (var argument in arguments)
            {
                var value = argument.Value.WalkDownConversions();
                if (value is Microsoft.CodeAnalysis.Operations.IObjectCreationOperation { Type: { } created }
                    && (KnownSymbols.IsOrDerivesFrom(created, symbols.IPEndPoint) || KnownSymbols.IsOrDerivesFrom(created, symbols.DnsEndPoint)))
                {
                    return true;
                }

                if (argument.Parameter?.Type.SpecialType == SpecialType.System_String && value.ConstantValue is { HasValue: true, Value: string })
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary><c>Shutdown(how)</c>: the operation its constant argument names (unknown when it is not a constant).</summary>
        private static SocketOperation ShutdownKind(ImmutableArray<Microsoft.CodeAnalysis.Operations.IArgumentOperation> arguments)
        {
            foreach (var argument in arguments)
            {
                if (argument.Value.ConstantValue is { HasValue: true, Value: int how })
                {
                    // SocketShutdown: Receive = 0, Send = 1, Both = 2.
                    return how switch
                    {
                        0 => SocketOperation.ShutdownReceive,
                        1 => SocketOperation.ShutdownSend,
                        2 => SocketOperation.ShutdownBoth,
                        _ => SocketOperation.ShutdownUnknown,
                    };
                }
            }

            return SocketOperation.ShutdownUnknown;
        }

        /// <summary>The kind of socket a creation makes: a <c>UdpClient</c> datagram, a <c>Socket</c> by its constant <c>SocketType</c>, the rest stream.</summary>
        public SocketKinds KindOf(SocketModelType type, Microsoft.CodeAnalysis.Operations.IObjectCreationOperation creation)
        {
            if (type == SocketModelType.UdpClient)
            {
                return SocketKinds.Datagram;
            }

            if (type != SocketModelType.Socket)
            {
                return SocketKinds.Stream;
            }

            // SocketType: Stream = 1, Dgram = 2, Raw = 3, Rdm = 4, Seqpacket = 5.
            return Symbols.ConstantSocketType(creation) switch
            {
                1 or 5 => SocketKinds.Stream,
                2 or 3 or 4 => SocketKinds.Datagram,
                _ => SocketKinds.Any,
            };
        }
    }
}
