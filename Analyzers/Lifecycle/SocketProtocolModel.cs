using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using SocketAnalyzers.Common;

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

    /// <summary>Which overloads of a name a row covers.</summary>
    internal enum MemberShape
    {
        Any,

        /// <summary>A parameter names the remote end: an <c>EndPoint</c>, or a host name.</summary>
        WithEndPoint,
        WithoutEndPoint,

        /// <summary>A <c>string</c> host name parameter (constructors that connect).</summary>
        HostName,

        /// <summary>An <c>IPEndPoint localEP</c> parameter (constructors that bind).</summary>
        LocalEndPoint,

        /// <summary>An <c>int port</c> parameter (UdpClient constructors that bind).</summary>
        LocalPort,

        /// <summary>A <c>SocketType</c> parameter (Socket constructors that create a fresh socket).</summary>
        SocketTypeParameter,
    }

    /// <summary>One row of the model: a member of a socket type and the operation it performs.</summary>
    internal readonly struct SocketMember
    {
        public SocketMember(SocketModelType type, string name, SocketOperation operation, MemberShape shape = MemberShape.Any, SocketStates creates = SocketStates.None, SocketModelType? result = null)
        {
            Type = type;
            Name = name;
            Operation = operation;
            Shape = shape;
            Creates = creates;
            Result = result;
        }

        public SocketModelType Type { get; }

        /// <summary>The member name; <c>.ctor</c> for constructors.</summary>
        public string Name { get; }

        public SocketOperation Operation { get; }

        public MemberShape Shape { get; }

        /// <summary>For <see cref="SocketOperation.Create"/>: the state of the new socket (<see cref="SocketStates.All"/> when unknown).</summary>
        public SocketStates Creates { get; }

        /// <summary>For accepts: the type of the new, connected, socket they return.</summary>
        public SocketModelType? Result { get; }
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
    /// The socket API as data: which member performs which operation (<see cref="Members"/>, one line per name) and
    /// what each operation needs and produces (<see cref="Protocol"/>). Rules consult this; they name no method.
    /// </summary>
    internal sealed class SocketProtocolModel
    {
        private const SocketModelType S = SocketModelType.Socket;
        private const SocketModelType L = SocketModelType.TcpListener;
        private const SocketModelType T = SocketModelType.TcpClient;
        private const SocketModelType U = SocketModelType.UdpClient;
        private const SocketModelType N = SocketModelType.NetworkStream;

        /// <summary>
        /// Every member the engine understands. Sync, async (<c>Task</c>/<c>ValueTask</c>), APM and
        /// <c>SocketAsyncEventArgs</c> forms share a row when they share a name; the form is read from the signature.
        /// Members not listed do not change the state.
        /// </summary>
        public static readonly ImmutableArray<SocketMember> Members = ImmutableArray.Create(
            // Socket: constructors
            new SocketMember(S, ".ctor", SocketOperation.Create, MemberShape.SocketTypeParameter, SocketStates.Created),
            new SocketMember(S, ".ctor", SocketOperation.Create, MemberShape.Any, SocketStates.All),

            // Socket: server side
            new SocketMember(S, "Bind", SocketOperation.Bind),
            new SocketMember(S, "Listen", SocketOperation.Listen),
            new SocketMember(S, "Accept", SocketOperation.Accept, result: S),
            new SocketMember(S, "AcceptAsync", SocketOperation.Accept, result: S),
            new SocketMember(S, "BeginAccept", SocketOperation.Accept),
            new SocketMember(S, "EndAccept", SocketOperation.Accept, result: S),

            // Socket: client side
            new SocketMember(S, "Connect", SocketOperation.Connect),
            new SocketMember(S, "ConnectAsync", SocketOperation.Connect),
            new SocketMember(S, "BeginConnect", SocketOperation.Connect),
            new SocketMember(S, "EndConnect", SocketOperation.Connect),

            // Socket: data
            new SocketMember(S, "Send", SocketOperation.Send),
            new SocketMember(S, "SendAsync", SocketOperation.Send),
            new SocketMember(S, "BeginSend", SocketOperation.Send),
            new SocketMember(S, "EndSend", SocketOperation.Send),
            new SocketMember(S, "SendFile", SocketOperation.Send),
            new SocketMember(S, "SendFileAsync", SocketOperation.Send),
            new SocketMember(S, "BeginSendFile", SocketOperation.Send),
            new SocketMember(S, "EndSendFile", SocketOperation.Send),
            new SocketMember(S, "SendPacketsAsync", SocketOperation.Send),
            new SocketMember(S, "Receive", SocketOperation.Receive),
            new SocketMember(S, "ReceiveAsync", SocketOperation.Receive),
            new SocketMember(S, "BeginReceive", SocketOperation.Receive),
            new SocketMember(S, "EndReceive", SocketOperation.Receive),
            new SocketMember(S, "SendTo", SocketOperation.SendTo),
            new SocketMember(S, "SendToAsync", SocketOperation.SendTo),
            new SocketMember(S, "BeginSendTo", SocketOperation.SendTo),
            new SocketMember(S, "EndSendTo", SocketOperation.SendTo),
            new SocketMember(S, "ReceiveFrom", SocketOperation.ReceiveFrom),
            new SocketMember(S, "ReceiveFromAsync", SocketOperation.ReceiveFrom),
            new SocketMember(S, "BeginReceiveFrom", SocketOperation.ReceiveFrom),
            new SocketMember(S, "EndReceiveFrom", SocketOperation.ReceiveFrom),
            new SocketMember(S, "ReceiveMessageFrom", SocketOperation.ReceiveFrom),
            new SocketMember(S, "ReceiveMessageFromAsync", SocketOperation.ReceiveFrom),
            new SocketMember(S, "BeginReceiveMessageFrom", SocketOperation.ReceiveFrom),
            new SocketMember(S, "EndReceiveMessageFrom", SocketOperation.ReceiveFrom),

            // Socket: ending
            new SocketMember(S, "Shutdown", SocketOperation.Shutdown),
            new SocketMember(S, "Disconnect", SocketOperation.Disconnect),
            new SocketMember(S, "DisconnectAsync", SocketOperation.Disconnect),
            new SocketMember(S, "BeginDisconnect", SocketOperation.Disconnect),
            new SocketMember(S, "EndDisconnect", SocketOperation.Disconnect),
            new SocketMember(S, "Close", SocketOperation.Close),
            new SocketMember(S, "Dispose", SocketOperation.Close),
            new SocketMember(S, "DuplicateAndClose", SocketOperation.Close),

            // Socket: other members that need an open socket
            new SocketMember(S, "SetSocketOption", SocketOperation.Use),
            new SocketMember(S, "GetSocketOption", SocketOperation.Use),
            new SocketMember(S, "SetRawSocketOption", SocketOperation.Use),
            new SocketMember(S, "GetRawSocketOption", SocketOperation.Use),
            new SocketMember(S, "IOControl", SocketOperation.Use),
            new SocketMember(S, "Poll", SocketOperation.Use),
            new SocketMember(S, "Available", SocketOperation.Use),
            new SocketMember(S, "LocalEndPoint", SocketOperation.Use),
            new SocketMember(S, "RemoteEndPoint", SocketOperation.Use),
            new SocketMember(S, "Connected", SocketOperation.Probe),

            // TcpListener: Start = Bind + Listen; Stop (and Dispose) make it startable again
            new SocketMember(L, ".ctor", SocketOperation.Create, creates: SocketStates.Created),
            new SocketMember(L, "Start", SocketOperation.ListenerStart),
            new SocketMember(L, "Stop", SocketOperation.ListenerStop),
            new SocketMember(L, "Dispose", SocketOperation.ListenerStop),
            new SocketMember(L, "AcceptSocket", SocketOperation.Accept, result: S),
            new SocketMember(L, "AcceptSocketAsync", SocketOperation.Accept, result: S),
            new SocketMember(L, "BeginAcceptSocket", SocketOperation.Accept),
            new SocketMember(L, "EndAcceptSocket", SocketOperation.Accept, result: S),
            new SocketMember(L, "AcceptTcpClient", SocketOperation.Accept, result: T),
            new SocketMember(L, "AcceptTcpClientAsync", SocketOperation.Accept, result: T),
            new SocketMember(L, "BeginAcceptTcpClient", SocketOperation.Accept),
            new SocketMember(L, "EndAcceptTcpClient", SocketOperation.Accept, result: T),
            new SocketMember(L, "Server", SocketOperation.Alias),

            // TcpClient
            new SocketMember(T, ".ctor", SocketOperation.Create, MemberShape.HostName, SocketStates.Connected),
            new SocketMember(T, ".ctor", SocketOperation.Create, MemberShape.LocalEndPoint, SocketStates.Bound),
            new SocketMember(T, ".ctor", SocketOperation.Create, MemberShape.Any, SocketStates.Created),
            new SocketMember(T, "Connect", SocketOperation.Connect),
            new SocketMember(T, "ConnectAsync", SocketOperation.Connect),
            new SocketMember(T, "BeginConnect", SocketOperation.Connect),
            new SocketMember(T, "EndConnect", SocketOperation.Connect),
            new SocketMember(T, "GetStream", SocketOperation.MakeStream),
            new SocketMember(T, "Close", SocketOperation.Close),
            new SocketMember(T, "Dispose", SocketOperation.Close),
            new SocketMember(T, "Client", SocketOperation.Alias),
            new SocketMember(T, "Connected", SocketOperation.Probe),

            // UdpClient: Send without an endpoint needs Connect; with one it is a SendTo
            new SocketMember(U, ".ctor", SocketOperation.Create, MemberShape.HostName, SocketStates.Connected),
            new SocketMember(U, ".ctor", SocketOperation.Create, MemberShape.LocalEndPoint, SocketStates.Bound),
            new SocketMember(U, ".ctor", SocketOperation.Create, MemberShape.LocalPort, SocketStates.Bound),
            new SocketMember(U, ".ctor", SocketOperation.Create, MemberShape.Any, SocketStates.Created),
            new SocketMember(U, "Connect", SocketOperation.Connect),
            new SocketMember(U, "Send", SocketOperation.SendTo, MemberShape.WithEndPoint),
            new SocketMember(U, "Send", SocketOperation.Send, MemberShape.WithoutEndPoint),
            new SocketMember(U, "SendAsync", SocketOperation.SendTo, MemberShape.WithEndPoint),
            new SocketMember(U, "SendAsync", SocketOperation.Send, MemberShape.WithoutEndPoint),
            new SocketMember(U, "BeginSend", SocketOperation.SendTo, MemberShape.WithEndPoint),
            new SocketMember(U, "BeginSend", SocketOperation.Send, MemberShape.WithoutEndPoint),
            new SocketMember(U, "Receive", SocketOperation.ReceiveFrom),
            new SocketMember(U, "ReceiveAsync", SocketOperation.ReceiveFrom),
            new SocketMember(U, "BeginReceive", SocketOperation.ReceiveFrom),
            new SocketMember(U, "JoinMulticastGroup", SocketOperation.Use),
            new SocketMember(U, "DropMulticastGroup", SocketOperation.Use),
            new SocketMember(U, "Close", SocketOperation.Close),
            new SocketMember(U, "Dispose", SocketOperation.Close),
            new SocketMember(U, "Client", SocketOperation.Alias),

            // NetworkStream: the socket it reads and writes. Disposing a stream closes the socket only when it owns
            // it, which the engine does not follow, so Close/Dispose are not listed (silent, never wrong).
            new SocketMember(N, ".ctor", SocketOperation.MakeStream),
            new SocketMember(N, "Read", SocketOperation.Receive),
            new SocketMember(N, "ReadAsync", SocketOperation.Receive),
            new SocketMember(N, "ReadByte", SocketOperation.Receive),
            new SocketMember(N, "BeginRead", SocketOperation.Receive),
            new SocketMember(N, "ReadExactly", SocketOperation.Receive),
            new SocketMember(N, "ReadExactlyAsync", SocketOperation.Receive),
            new SocketMember(N, "ReadAtLeast", SocketOperation.Receive),
            new SocketMember(N, "ReadAtLeastAsync", SocketOperation.Receive),
            new SocketMember(N, "CopyTo", SocketOperation.Receive),
            new SocketMember(N, "CopyToAsync", SocketOperation.Receive),
            new SocketMember(N, "Write", SocketOperation.Send),
            new SocketMember(N, "WriteAsync", SocketOperation.Send),
            new SocketMember(N, "WriteByte", SocketOperation.Send),
            new SocketMember(N, "BeginWrite", SocketOperation.Send),
            new SocketMember(N, "Socket", SocketOperation.Alias));

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
            [SocketOperation.SendTo] = new("ok   ok   ok   ok   ok   ok   ok   005", "ok   ok   ok   ok   ok   ok   ok   005", Same()),
            [SocketOperation.ReceiveFrom] = new("ok   ok   ok   ok   ok   ok   ok   005", "ok   ok   ok   ok   ok   ok   ok   005", Same()),
            [SocketOperation.MakeStream] = new("004  004  003  ok   ok   ok   ok   005", "ok   ok   ok   ok   ok   ok   ok   005", Same()),
            [SocketOperation.ShutdownSend] = new("ok   ok   ok   ok   ok   ok   ok   005", "ok   ok   ok   ok   ok   ok   ok   005", Map(SocketStates.SendShut, SocketStates.SendShut, SocketStates.SendShut, SocketStates.SendShut, SocketStates.SendShut, SocketStates.BothShut, SocketStates.BothShut, SocketStates.Closed)),
            [SocketOperation.ShutdownReceive] = new("ok   ok   ok   ok   ok   ok   ok   005", "ok   ok   ok   ok   ok   ok   ok   005", Map(SocketStates.ReceiveShut, SocketStates.ReceiveShut, SocketStates.ReceiveShut, SocketStates.ReceiveShut, SocketStates.BothShut, SocketStates.ReceiveShut, SocketStates.BothShut, SocketStates.Closed)),
            [SocketOperation.ShutdownBoth] = new("ok   ok   ok   ok   ok   ok   ok   005", "ok   ok   ok   ok   ok   ok   ok   005", SetTo(SocketStates.BothShut)),
            [SocketOperation.ShutdownUnknown] = new("ok   ok   ok   ok   ok   ok   ok   005", "ok   ok   ok   ok   ok   ok   ok   005", Map(SocketStates.Connected | SocketStates.SendShut | SocketStates.ReceiveShut | SocketStates.BothShut, SocketStates.Connected | SocketStates.SendShut | SocketStates.ReceiveShut | SocketStates.BothShut, SocketStates.Connected | SocketStates.SendShut | SocketStates.ReceiveShut | SocketStates.BothShut, SocketStates.Connected | SocketStates.SendShut | SocketStates.ReceiveShut | SocketStates.BothShut, SocketStates.SendShut | SocketStates.BothShut, SocketStates.ReceiveShut | SocketStates.BothShut, SocketStates.BothShut, SocketStates.Closed)),
            [SocketOperation.Disconnect] = new("ok   ok   ok   ok   ok   ok   ok   005", "ok   ok   ok   ok   ok   ok   ok   005", SetTo(SocketStates.Created | SocketStates.Closed)),
            [SocketOperation.Close] = new("ok   ok   ok   ok   ok   ok   ok   ok ", "ok   ok   ok   ok   ok   ok   ok   ok ", Always(SocketStates.Closed)),
            [SocketOperation.ListenerStart] = new("ok   ok   ok   ok   ok   ok   ok   ok ", "ok   ok   ok   ok   ok   ok   ok   ok ", Always(SocketStates.Listening)),
            [SocketOperation.ListenerStop] = new("ok   ok   ok   ok   ok   ok   ok   ok ", "ok   ok   ok   ok   ok   ok   ok   ok ", Always(SocketStates.Created)),
            [SocketOperation.Probe] = new("ok   ok   ok   ok   ok   ok   ok   ok ", "ok   ok   ok   ok   ok   ok   ok   ok ", Map(SocketStates.Created | SocketStates.Connected, SocketStates.Bound | SocketStates.Connected, SocketStates.Listening | SocketStates.Connected, SocketStates.Connected, SocketStates.SendShut | SocketStates.Connected, SocketStates.ReceiveShut | SocketStates.Connected, SocketStates.BothShut | SocketStates.Connected, SocketStates.Closed | SocketStates.Connected)),
            [SocketOperation.Use] = new("ok   ok   ok   ok   ok   ok   ok   005", "ok   ok   ok   ok   ok   ok   ok   005", Same()),
        }.ToImmutableDictionary();

        private readonly KnownSymbols symbols;
        private readonly Dictionary<(SocketModelType, string), List<SocketMember>> byName = new();

        public SocketProtocolModel(KnownSymbols symbols)
        {
            this.symbols = symbols;
            EndPoint = symbols.Compilation.GetTypeByMetadataName("System.Net.EndPoint");
            foreach (var member in Members)
            {
                if (!byName.TryGetValue((member.Type, member.Name), out var list))
                {
                    list = new List<SocketMember>();
                    byName.Add((member.Type, member.Name), list);
                }

                list.Add(member);
            }
        }

        public KnownSymbols Symbols => symbols;

        private INamedTypeSymbol? EndPoint { get; }

        private readonly System.Collections.Concurrent.ConcurrentDictionary<ITypeSymbol, SocketModelType?> typeCache = new(SymbolEqualityComparer.Default);

        /// <summary>The model type that <paramref name="type"/> is (or derives from), or null. Cached per type.</summary>
        public SocketModelType? ModelTypeOf(ITypeSymbol? type)
        {
            if (type is null || type.SpecialType != SpecialType.None || type.TypeKind is not (TypeKind.Class or TypeKind.Error))
            {
                return null;
            }

            return typeCache.GetOrAdd(type, t => ComputeModelType(t));
        }

        private SocketModelType? ComputeModelType(ITypeSymbol type)
        {

            if (KnownSymbols.IsOrDerivesFrom(type, symbols.Socket))
            {
                return SocketModelType.Socket;
            }

            if (KnownSymbols.IsOrDerivesFrom(type, symbols.TcpListener))
            {
                return SocketModelType.TcpListener;
            }

            if (KnownSymbols.IsOrDerivesFrom(type, symbols.TcpClient))
            {
                return SocketModelType.TcpClient;
            }

            if (KnownSymbols.IsOrDerivesFrom(type, symbols.UdpClient))
            {
                return SocketModelType.UdpClient;
            }

            if (KnownSymbols.IsOrDerivesFrom(type, symbols.NetworkStream))
            {
                return SocketModelType.NetworkStream;
            }

            return null;
        }

        /// <summary>True when <paramref name="type"/> is one of the model's types: the cheap pre-scan.</summary>
        public bool IsModelType(ITypeSymbol? type) => ModelTypeOf(type) is not null;

        /// <summary>The row for a member called on a receiver of model type <paramref name="type"/>, if the model knows it.</summary>
        public SocketMember? Find(SocketModelType type, ISymbol member)
        {
            var name = member is IMethodSymbol { MethodKind: MethodKind.Constructor } ? ".ctor" : member.Name;
            if (!byName.TryGetValue((type, name), out var rows))
            {
                return null;
            }

            foreach (var row in rows)
            {
                if (Matches(row.Shape, member))
                {
                    return row;
                }
            }

            return null;
        }

        /// <summary>The form of a call: APM, event-args, task-returning or plain.</summary>
        public CallForm FormOf(IMethodSymbol method)
        {
            if (method.Name.StartsWith("Begin", StringComparison.Ordinal))
            {
                return CallForm.Begin;
            }

            if (method.Name.StartsWith("End", StringComparison.Ordinal))
            {
                return CallForm.End;
            }

            var returnType = method.ReturnType.OriginalDefinition;
            if (SymbolEqualityComparer.Default.Equals(returnType, symbols.Task)
                || SymbolEqualityComparer.Default.Equals(returnType, symbols.TaskOfT)
                || SymbolEqualityComparer.Default.Equals(returnType, symbols.ValueTask)
                || SymbolEqualityComparer.Default.Equals(returnType, symbols.ValueTaskOfT))
            {
                return CallForm.Async;
            }

            foreach (var parameter in method.Parameters)
            {
                if (SymbolEqualityComparer.Default.Equals(parameter.Type, symbols.SocketAsyncEventArgs))
                {
                    return CallForm.EventArgs;
                }
            }

            return CallForm.Sync;
        }

        private bool Matches(MemberShape shape, ISymbol member)
        {
            var parameters = member is IMethodSymbol method ? method.Parameters : ImmutableArray<IParameterSymbol>.Empty;
            switch (shape)
            {
                case MemberShape.Any:
                    return true;
                case MemberShape.WithEndPoint:
                    return HasRemoteEnd(parameters);
                case MemberShape.WithoutEndPoint:
                    return !HasRemoteEnd(parameters);
                case MemberShape.HostName:
                    return Has(parameters, p => p.Type.SpecialType == SpecialType.System_String);
                case MemberShape.LocalEndPoint:
                    return Has(parameters, p => KnownSymbols.IsOrDerivesFrom(p.Type, EndPoint));
                case MemberShape.LocalPort:
                    return Has(parameters, p => p.Type.SpecialType == SpecialType.System_Int32 && p.Name == "port");
                case MemberShape.SocketTypeParameter:
                    return Has(parameters, p => SymbolEqualityComparer.Default.Equals(p.Type, symbols.SocketType));
                default:
                    return false;
            }
        }

        private bool HasRemoteEnd(ImmutableArray<IParameterSymbol> parameters)
            => Has(parameters, p => KnownSymbols.IsOrDerivesFrom(p.Type, EndPoint) || p.Type.SpecialType == SpecialType.System_String);

        private static bool Has(ImmutableArray<IParameterSymbol> parameters, Func<IParameterSymbol, bool> predicate)
        {
            foreach (var parameter in parameters)
            {
                if (predicate(parameter))
                {
                    return true;
                }
            }

            return false;
        }

        private static SocketStates[] SetTo(SocketStates state)
            => new[] { state, state, state, state, state, state, state, SocketStates.Closed };

        private static SocketStates[] Always(SocketStates state)
            => new[] { state, state, state, state, state, state, state, state };

        private static SocketStates[] Same() => Map(SocketStateText.Each);

        private static SocketStates[] Map(params SocketStates[] next) => next;
    }
}
