using System.Collections.Generic;
using System.Collections.Immutable;
using SocketAnalyzers.ByteOrder;
using SocketAnalyzers.Lifecycle;
using SocketAnalyzers.Reads;
using static SocketAnalyzers.Lifecycle.SocketOperation;

namespace SocketAnalyzers.Model
{
    /// <summary>
    /// The socket API as data: ONE table that every rule family and the scanner's relevance filter read, resolved to
    /// symbols once per compilation by <see cref="CatalogueIndex"/>. A row names a type by metadata name, optionally one
    /// of its members and a <see cref="ParameterPattern"/> of parameter types, the reference sets it exists in, and what
    /// the member does (<see cref="ApiRow"/>). A new overload is one row; docs/catalogue.md says how to write it.
    /// </summary>
    internal static class SocketApiCatalogue
    {
        private const string Socket = "System.Net.Sockets.Socket";
        private const string Listener = "System.Net.Sockets.TcpListener";
        private const string Tcp = "System.Net.Sockets.TcpClient";
        private const string Udp = "System.Net.Sockets.UdpClient";
        private const string NetStream = "System.Net.Sockets.NetworkStream";
        private const string TaskExtensions = "System.Net.Sockets.SocketTaskExtensions";
        private const string Stream = "System.IO.Stream";
        private const string TextReader = "System.IO.TextReader";
        private const string StreamReader = "System.IO.StreamReader";
        private const string BitConverter = "System.BitConverter";
        private const string BinaryReader = "System.IO.BinaryReader";
        private const string BinaryWriter = "System.IO.BinaryWriter";
        private const string StreamWriter = "System.IO.StreamWriter";
        private const string TextWriter = "System.IO.TextWriter";
        private const string MemoryStream = "System.IO.MemoryStream";
        private const string MemoryMarshal = "System.Runtime.InteropServices.MemoryMarshal";
        private const string MemoryExtensions = "System.MemoryExtensions";
        private const string Unsafe = "System.Runtime.CompilerServices.Unsafe";
        private const string BinaryPrimitives = "System.Buffers.Binary.BinaryPrimitives";
        private const string Span = "System.Span`1";
        private const string ReadOnlySpan = "System.ReadOnlySpan`1";
        private const string Memory = "System.Memory`1";
        private const string ReadOnlyMemory = "System.ReadOnlyMemory`1";
        private const string ArraySegment = "System.ArraySegment`1";
        private const string List = "System.Collections.Generic.List`1";
        private const string Array = "System.Array";
        private const string Enumerable = "System.Linq.Enumerable";

        private const SocketModelType S = SocketModelType.Socket;
        private const SocketModelType L = SocketModelType.TcpListener;
        private const SocketModelType T = SocketModelType.TcpClient;
        private const SocketModelType U = SocketModelType.UdpClient;
        private const SocketModelType N = SocketModelType.NetworkStream;
        private const SocketModelType W = SocketModelType.StreamWrapper;

        private const ApiSets All = ApiSets.All;
        private const ApiSets Net = ApiSets.Net;

        /// <summary>The ordinal that names the instance (<c>this</c>) in a copy.</summary>
        public const int Instance = -1;

        /// <summary>Namespaces every public type of which makes a file relevant to the scanner.</summary>
        public static readonly ImmutableArray<string> RelevantNamespaces = ImmutableArray.Create(
            "System.Net.Sockets", "System.Net.Security", "System.IO.Pipelines", "System.Buffers.Binary");

        /// <summary>Every row. Order matters only between rows of one member: the first row that sets a facet wins.</summary>
        public static readonly ImmutableArray<ApiRow> Rows = CreateRows();

        private static ApiRow Type(string type, ApiSets sets = All) => new(type, null, null, sets);

        private static ApiRow Row(string type, string member, string? parameters = null, ApiSets sets = All) => new(type, member, parameters, sets);

        private static ImmutableArray<ApiRow> CreateRows()
        {
            var rows = new List<ApiRow>
            {
                // ------------------------------------------------------------------ types
                Type(Socket).IsModelType(S),
                Type(Listener).IsModelType(L),
                Type(Tcp).IsModelType(T),
                Type(Udp).IsModelType(U),
                Type(NetStream).IsModelType(N).IsStreamOverSocket(),
                Type("System.Net.Security.AuthenticatedStream").IsStreamOverSocket(),
                Type("System.Net.IPAddress").IsRelevant(),
                Type("System.Net.IPEndPoint").IsRelevant(),
                Type("System.Net.EndPoint").IsRelevant(),
                Type("System.Net.DnsEndPoint").IsRelevant(),
                Type("System.Net.Dns").IsRelevant(),
                Type("System.Net.SocketAddress").IsRelevant(),
                Type(BitConverter).IsRelevant(),
                Type(BinaryReader).IsRelevant(),
                Type(BinaryWriter).IsRelevant(),
                Type(MemoryMarshal).IsRelevant(),

                // ------------------------------------------------------------------ Socket: constructors
                Row(Socket, ".ctor", "* SocketType *").Life(S, Create, SocketStates.Created),
                Row(Socket, ".ctor").Life(S, Create, SocketStates.All),

                // Socket: server side
                Row(Socket, "Bind").Life(S, Bind),
                Row(Socket, "Listen").Life(S, Listen),
                Row(Socket, "Accept").Life(S, Accept, result: S),
                Row(Socket, "AcceptAsync").Life(S, Accept, result: S),
                Row(Socket, "BeginAccept").Life(S, Accept),
                Row(Socket, "EndAccept").Life(S, Accept, result: S),

                // Socket: client side; a port after an address or host name is in host order
                Row(Socket, "Connect", "IPAddress|string|IPAddress[] int").Life(S, Connect).TakesHostOrderPort(1, "Socket"),
                Row(Socket, "Connect").Life(S, Connect),
                Row(Socket, "ConnectAsync", "IPAddress|string|IPAddress[] int *", Net).Life(S, Connect).TakesHostOrderPort(1, "Socket"),
                Row(Socket, "ConnectAsync").Life(S, Connect),
                Row(Socket, "BeginConnect", "IPAddress|string|IPAddress[] int *").Life(S, Connect).TakesHostOrderPort(1, "Socket"),
                Row(Socket, "BeginConnect").Life(S, Connect),
                Row(Socket, "EndConnect").Life(S, Connect),

                // Socket: sends (the bytes are the first parameter)
                Row(Socket, "Send", "bytes int int SocketFlags *").Life(S, Send).SendsBytes(0, from: 1, count: 2).ConsumesBuffer(),
                Row(Socket, "Send", "bytes int SocketFlags").Life(S, Send).SendsBytes(0, count: 1).ConsumesBuffer(),
                Row(Socket, "Send", "bytes|list *").Life(S, Send).SendsBytes(0).ConsumesBuffer(),
                Row(Socket, "Send").Life(S, Send).ConsumesBuffer(),
                Row(Socket, "SendAsync", "bytes|list *", Net).Life(S, Send).SendsBytes(0).ConsumesBuffer(),
                Row(Socket, "SendAsync").Life(S, Send).ConsumesBuffer(),
                Row(Socket, "BeginSend", "bytes int int SocketFlags *").Life(S, Send).SendsBytes(0, from: 1, count: 2).ConsumesBuffer(),
                Row(Socket, "BeginSend", "bytes|list *").Life(S, Send).SendsBytes(0).ConsumesBuffer(),
                Row(Socket, "EndSend").Life(S, Send),
                Row(Socket, "SendFile").Life(S, Send),
                Row(Socket, "SendFileAsync", sets: Net).Life(S, Send),
                Row(Socket, "BeginSendFile").Life(S, Send),
                Row(Socket, "EndSendFile").Life(S, Send),
                Row(Socket, "SendPacketsAsync").Life(S, Send),
                Row(Socket, "SendTo", "bytes int int SocketFlags EndPoint").Life(S, SendTo).SendsBytes(0, from: 1, count: 2).ConsumesBuffer(),
                Row(Socket, "SendTo", "bytes int SocketFlags EndPoint").Life(S, SendTo).SendsBytes(0, count: 1).ConsumesBuffer(),
                Row(Socket, "SendTo", "bytes *").Life(S, SendTo).SendsBytes(0).ConsumesBuffer(),
                Row(Socket, "SendToAsync", "bytes *", Net).Life(S, SendTo).SendsBytes(0).ConsumesBuffer(),
                Row(Socket, "SendToAsync").Life(S, SendTo).ConsumesBuffer(),
                Row(Socket, "BeginSendTo", "bytes int int SocketFlags EndPoint *").Life(S, SendTo).SendsBytes(0, from: 1, count: 2).ConsumesBuffer(),
                Row(Socket, "BeginSendTo", "bytes *").Life(S, SendTo).SendsBytes(0).ConsumesBuffer(),
                Row(Socket, "EndSendTo").Life(S, SendTo),

                // Socket: receives. The count comes back as the result; (buffer, offset, size) and (buffer, size) by types.
                Row(Socket, "Receive", "bytes int int *").Life(S, Receive).Reads(ReadOwner.Socket, CountFrom.Result, buffer: 0, offset: 1, size: 2).FillsBuffer(0),
                Row(Socket, "Receive", "bytes int SocketFlags *").Reads(ReadOwner.Socket, CountFrom.Result, buffer: 0, size: 1).FillsBuffer(0),
                Row(Socket, "Receive", "bytes *").Reads(ReadOwner.Socket, CountFrom.Result, buffer: 0).FillsBuffer(0),
                Row(Socket, "Receive", "list *").Reads(ReadOwner.Socket, CountFrom.Result),
                Row(Socket, "Receive").Life(S, Receive),
                Row(Socket, "ReceiveAsync", "bytes *", Net).Life(S, Receive).Reads(ReadOwner.Socket, CountFrom.AwaitedResult, buffer: 0).FillsBuffer(0),
                Row(Socket, "ReceiveAsync", "list *", Net).Reads(ReadOwner.Socket, CountFrom.AwaitedResult),
                Row(Socket, "ReceiveAsync").Life(S, Receive),
                Row(Socket, "BeginReceive", "bytes *").Life(S, Receive).FillsBuffer(0, from: 1, count: 2),
                Row(Socket, "BeginReceive").Life(S, Receive),
                Row(Socket, "EndReceive").Life(S, Receive).Reads(ReadOwner.Socket, CountFrom.Result, apmEnd: true),
                Row(Socket, "ReceiveFrom", "bytes int int *").Life(S, ReceiveFrom).Reads(ReadOwner.Socket, CountFrom.Result, buffer: 0, offset: 1, size: 2, datagram: true).FillsBuffer(0),
                Row(Socket, "ReceiveFrom", "bytes int SocketFlags *").Reads(ReadOwner.Socket, CountFrom.Result, buffer: 0, size: 1, datagram: true).FillsBuffer(0),
                Row(Socket, "ReceiveFrom", "bytes *").Life(S, ReceiveFrom).Reads(ReadOwner.Socket, CountFrom.Result, buffer: 0, datagram: true).FillsBuffer(0),
                Row(Socket, "ReceiveFromAsync", "bytes SocketFlags SocketAddress *", Net).Life(S, ReceiveFrom).Reads(ReadOwner.Socket, CountFrom.AwaitedResult, buffer: 0, datagram: true).FillsBuffer(0),
                Row(Socket, "ReceiveFromAsync", "bytes EndPoint *", Net).Reads(ReadOwner.Socket, CountFrom.ReceivedBytes, buffer: 0, datagram: true).FillsBuffer(0),
                Row(Socket, "ReceiveFromAsync", "bytes SocketFlags EndPoint *", Net).Reads(ReadOwner.Socket, CountFrom.ReceivedBytes, buffer: 0, datagram: true).FillsBuffer(0),
                Row(Socket, "ReceiveFromAsync").Life(S, ReceiveFrom),
                Row(Socket, "BeginReceiveFrom", "bytes *").Life(S, ReceiveFrom).FillsBuffer(0, from: 1, count: 2),
                Row(Socket, "EndReceiveFrom").Life(S, ReceiveFrom).Reads(ReadOwner.Socket, CountFrom.Result, datagram: true, apmEnd: true),
                Row(Socket, "ReceiveMessageFrom", "bytes int int *").Life(S, ReceiveFrom).Reads(ReadOwner.Socket, CountFrom.Result, buffer: 0, offset: 1, size: 2, datagram: true).FillsBuffer(0),
                Row(Socket, "ReceiveMessageFrom", "bytes *").Life(S, ReceiveFrom).Reads(ReadOwner.Socket, CountFrom.Result, buffer: 0, datagram: true).FillsBuffer(0),
                Row(Socket, "ReceiveMessageFromAsync", "bytes *", Net).Life(S, ReceiveFrom).Reads(ReadOwner.Socket, CountFrom.ReceivedBytes, buffer: 0, datagram: true).FillsBuffer(0),
                Row(Socket, "ReceiveMessageFromAsync").Life(S, ReceiveFrom),
                Row(Socket, "BeginReceiveMessageFrom", "bytes *").Life(S, ReceiveFrom).FillsBuffer(0, from: 1, count: 2),
                Row(Socket, "EndReceiveMessageFrom").Life(S, ReceiveFrom).Reads(ReadOwner.Socket, CountFrom.Result, datagram: true, apmEnd: true),

                // Socket: ending
                Row(Socket, "Shutdown").Life(S, Shutdown),
                Row(Socket, "Disconnect").Life(S, Disconnect),
                Row(Socket, "DisconnectAsync").Life(S, Disconnect),
                Row(Socket, "BeginDisconnect").Life(S, Disconnect),
                Row(Socket, "EndDisconnect").Life(S, Disconnect),
                Row(Socket, "Close").Life(S, Close),
                Row(Socket, "Dispose").Life(S, Close),
                Row(Socket, "DuplicateAndClose").Life(S, Close),

                // Socket: other members that need an open socket
                Row(Socket, "SetSocketOption").Life(S, Use),
                Row(Socket, "GetSocketOption").Life(S, Use),
                Row(Socket, "SetRawSocketOption", sets: Net).Life(S, Use),
                Row(Socket, "GetRawSocketOption", sets: Net).Life(S, Use),
                Row(Socket, "IOControl").Life(S, Use),
                Row(Socket, "Poll").Life(S, Use).OnlyWaitsForTheSocket(),
                Row(Socket, "Available").Life(S, Use).TellsBytesAvailable(),
                Row(Socket, "LocalEndPoint").Life(S, Use),
                Row(Socket, "RemoteEndPoint").Life(S, Use),
                Row(Socket, "Connected").Life(S, Probe).StaysTrueAfterPeerClose(),

                // netstandard2.0's task forms are extension methods (still present, hidden, in .NET 8 and 10)
                Row(TaskExtensions, "AcceptAsync").Life(S, Accept, result: S),
                Row(TaskExtensions, "ConnectAsync").Life(S, Connect),
                Row(TaskExtensions, "SendAsync").Life(S, Send).ConsumesBuffer(),
                Row(TaskExtensions, "SendToAsync").Life(S, SendTo).ConsumesBuffer(),
                Row(TaskExtensions, "ReceiveAsync").Life(S, Receive),
                Row(TaskExtensions, "ReceiveFromAsync").Life(S, ReceiveFrom),
                Row(TaskExtensions, "ReceiveMessageFromAsync").Life(S, ReceiveFrom),

                // ------------------------------------------------------------------ TcpListener: Start = Bind + Listen; Stop (and Dispose) make it startable again
                Row(Listener, ".ctor", "int").Life(L, Create, SocketStates.Created).TakesHostOrderPort(0, "TcpListener"),
                Row(Listener, ".ctor", "IPAddress int").Life(L, Create, SocketStates.Created).TakesHostOrderPort(1, "TcpListener"),
                Row(Listener, ".ctor").Life(L, Create, SocketStates.Created),
                Row(Listener, "Create", "int").TakesHostOrderPort(0, "TcpListener"),
                Row(Listener, "Start").Life(L, ListenerStart),
                Row(Listener, "Stop").Life(L, ListenerStop),
                Row(Listener, "Dispose", sets: Net).Life(L, ListenerStop),
                Row(Listener, "AcceptSocket").Life(L, Accept, result: S),
                Row(Listener, "AcceptSocketAsync").Life(L, Accept, result: S),
                Row(Listener, "BeginAcceptSocket").Life(L, Accept),
                Row(Listener, "EndAcceptSocket").Life(L, Accept, result: S),
                Row(Listener, "AcceptTcpClient").Life(L, Accept, result: T),
                Row(Listener, "AcceptTcpClientAsync").Life(L, Accept, result: T),
                Row(Listener, "BeginAcceptTcpClient").Life(L, Accept),
                Row(Listener, "EndAcceptTcpClient").Life(L, Accept, result: T),
                Row(Listener, "Server").Life(L, Alias),

                // ------------------------------------------------------------------ TcpClient
                Row(Tcp, ".ctor", "string int").Life(T, Create, SocketStates.Connected).TakesHostOrderPort(1, "TcpClient"),
                Row(Tcp, ".ctor", "IPEndPoint").Life(T, Create, SocketStates.Bound),
                Row(Tcp, ".ctor").Life(T, Create, SocketStates.Created),
                Row(Tcp, "Connect", "IPAddress|string|IPAddress[] int").Life(T, Connect).TakesHostOrderPort(1, "TcpClient"),
                Row(Tcp, "Connect").Life(T, Connect),
                Row(Tcp, "ConnectAsync", "IPAddress|string|IPAddress[] int *").Life(T, Connect).TakesHostOrderPort(1, "TcpClient"),
                Row(Tcp, "ConnectAsync").Life(T, Connect),
                Row(Tcp, "BeginConnect", "IPAddress|string|IPAddress[] int *").Life(T, Connect).TakesHostOrderPort(1, "TcpClient"),
                Row(Tcp, "BeginConnect").Life(T, Connect),
                Row(Tcp, "EndConnect").Life(T, Connect),
                Row(Tcp, "GetStream").Life(T, MakeStream).IsStreamOverSocket().MakesOwningStream(),
                Row(Tcp, "Close").Life(T, Close),
                Row(Tcp, "Dispose").Life(T, Close),
                Row(Tcp, "Client").Life(T, Alias),
                Row(Tcp, "Connected").Life(T, Probe).StaysTrueAfterPeerClose(),
                Row(Tcp, "Available").TellsBytesAvailable(),

                // ------------------------------------------------------------------ UdpClient: Send without an endpoint needs Connect; with one it needs a client that is not connected
                Row(Udp, ".ctor", "string int").Life(U, Create, SocketStates.Connected).TakesHostOrderPort(1, "UdpClient"),
                Row(Udp, ".ctor", "IPEndPoint").Life(U, Create, SocketStates.Bound),
                Row(Udp, ".ctor", "int *").Life(U, Create, SocketStates.Bound).TakesHostOrderPort(0, "UdpClient"),
                Row(Udp, ".ctor").Life(U, Create, SocketStates.Created),
                Row(Udp, "Connect", "IPAddress|string int").Life(U, Connect).TakesHostOrderPort(1, "UdpClient"),
                Row(Udp, "Connect").Life(U, Connect),
                Row(Udp, "Send", "bytes int string int").Life(U, SendToPeer).SendsBytes(0, count: 1).ConsumesBuffer().TakesHostOrderPort(3, "UdpClient"),
                Row(Udp, "Send", "bytes string int", Net).Life(U, SendToPeer).SendsBytes(0).ConsumesBuffer().TakesHostOrderPort(2, "UdpClient"),
                Row(Udp, "Send", "bytes int IPEndPoint").Life(U, SendToPeer).SendsBytes(0, count: 1).ConsumesBuffer(),
                Row(Udp, "Send", "bytes * IPEndPoint").Life(U, SendToPeer).SendsBytes(0).ConsumesBuffer(),
                Row(Udp, "Send", "bytes int").Life(U, Send).SendsBytes(0, count: 1).ConsumesBuffer(),
                Row(Udp, "Send", "bytes *").Life(U, Send).SendsBytes(0).ConsumesBuffer(),
                Row(Udp, "SendAsync", "bytes int string int").Life(U, SendToPeer).SendsBytes(0, count: 1).ConsumesBuffer().TakesHostOrderPort(3, "UdpClient"),
                Row(Udp, "SendAsync", "bytes string int *", Net).Life(U, SendToPeer).SendsBytes(0).ConsumesBuffer().TakesHostOrderPort(2, "UdpClient"),
                Row(Udp, "SendAsync", "bytes int IPEndPoint").Life(U, SendToPeer).SendsBytes(0, count: 1).ConsumesBuffer(),
                Row(Udp, "SendAsync", "bytes * IPEndPoint *").Life(U, SendToPeer).SendsBytes(0).ConsumesBuffer(),
                Row(Udp, "SendAsync", "bytes int").Life(U, Send).SendsBytes(0, count: 1).ConsumesBuffer(),
                Row(Udp, "SendAsync", "bytes *").Life(U, Send).SendsBytes(0).ConsumesBuffer(),
                Row(Udp, "BeginSend", "bytes int string int *").Life(U, SendToPeer).SendsBytes(0, count: 1).ConsumesBuffer().TakesHostOrderPort(3, "UdpClient"),
                Row(Udp, "BeginSend", "bytes int IPEndPoint *").Life(U, SendToPeer).SendsBytes(0, count: 1).ConsumesBuffer(),
                Row(Udp, "BeginSend", "bytes int AsyncCallback *").Life(U, Send).SendsBytes(0, count: 1).ConsumesBuffer(),
                Row(Udp, "BeginSend", "bytes *").Life(U, Send).SendsBytes(0).ConsumesBuffer(),
                Row(Udp, "EndSend").Life(U, Send),
                Row(Udp, "Receive").Life(U, ReceiveFrom).ReturnsReceivedData(),
                Row(Udp, "ReceiveAsync").Life(U, ReceiveFrom),
                Row(Udp, "BeginReceive").Life(U, ReceiveFrom),
                Row(Udp, "EndReceive").Life(U, ReceiveFrom).ReturnsReceivedData(),
                Row("System.Net.Sockets.UdpReceiveResult", "Buffer").ReturnsReceivedData(),
                Row(Udp, "JoinMulticastGroup").Life(U, Use),
                Row(Udp, "DropMulticastGroup").Life(U, Use),
                Row(Udp, "Close").Life(U, Close),
                Row(Udp, "Dispose").Life(U, Close),
                Row(Udp, "Client").Life(U, Alias).MakesDatagramSocket(),

                Row("System.Net.Sockets.SocketType", "Dgram").MakesDatagramSocket(),
                Row("System.Net.Sockets.ProtocolType", "Udp").MakesDatagramSocket(),
                // Raw and reliable-datagram sockets keep message boundaries and have no peer close either: a receive returns one
                // packet (an ICMP echo reply with its IP header, for a hand-written ping), never 0 for an end of stream.
                Row("System.Net.Sockets.SocketType", "Raw").MakesDatagramSocket(),
                Row("System.Net.Sockets.SocketType", "Rdm").MakesDatagramSocket(),
                Row("System.Net.Sockets.ProtocolType", "Icmp").MakesDatagramSocket(),
                Row("System.Net.Sockets.ProtocolType", "IcmpV6").MakesDatagramSocket(),

                // ------------------------------------------------------------------ NetworkStream: the socket it reads and writes.
                // Closing or disposing a stream closes the socket only when the stream owns it (MakesOwningStream:
                // TcpClient.GetStream(), new NetworkStream(socket, true)): the lifecycle engine applies these Close rows only then. Stream members
                // apply to a NetworkStream receiver (Life(N, …)); the reads and writes below are network I/O only on a
                // stream over a socket.
                Row(NetStream, ".ctor", "? bool").MakesOwningStream(when: 1),
                Row(NetStream, ".ctor", "? ? bool").MakesOwningStream(when: 2),
                Row(NetStream, ".ctor").Life(N, MakeStream),
                Row(NetStream, "Close").Life(N, Close),
                Row(Stream, "Close").Life(N, Close),
                Row(Stream, "Dispose").Life(N, Close),
                Row(Stream, "DisposeAsync", sets: Net).Life(N, Close),
                Row(NetStream, "Socket", sets: Net).Life(N, Alias),
                Row(NetStream, "DataAvailable").TellsBytesAvailable(),
                // False only once the stream is disposed: a peer's close leaves them true (SOCK011, audit85).
                Row(NetStream, "CanRead").StaysTrueAfterPeerClose(),
                Row(NetStream, "CanWrite").StaysTrueAfterPeerClose(),
                // Empty placeholders a stream or reader field holds until the connection is made (fresh93 M2).
                Row(Stream, "Null").HoldsNoData(),
                Row(TextReader, "Null").HoldsNoData(),
                Row(StreamReader, "Null").HoldsNoData(),
                Row(Stream, "Read", "bytes int int").Life(N, Receive).Reads(ReadOwner.Stream, CountFrom.Result, buffer: 0, offset: 1, size: 2).FillsBuffer(0).OverNetworkStreamOnly(),
                Row(Stream, "Read", "bytes", Net).Life(N, Receive).Reads(ReadOwner.Stream, CountFrom.Result, buffer: 0).FillsBuffer(0).OverNetworkStreamOnly(),
                Row(Stream, "ReadAsync", "bytes int int *").Life(N, Receive).Reads(ReadOwner.Stream, CountFrom.AwaitedResult, buffer: 0, offset: 1, size: 2).FillsBuffer(0).OverNetworkStreamOnly(),
                Row(Stream, "ReadAsync", "bytes *").Life(N, Receive).Reads(ReadOwner.Stream, CountFrom.AwaitedResult, buffer: 0).FillsBuffer(0).OverNetworkStreamOnly(),
                // ReadByte returns the byte, or -1 at end of stream on every call after the peer closed (SOCK011).
                Row(Stream, "ReadByte").Life(N, Receive).ReadsByte(),
                Row(Stream, "BeginRead").Life(N, Receive).FillsBuffer(0, from: 1, count: 2).OverNetworkStreamOnly(),
                Row(Stream, "EndRead").Life(N, Receive).Reads(ReadOwner.Stream, CountFrom.Result, apmEnd: true),
                // ReadExactly returns no count: it fills the buffer or throws EndOfStreamException (SOCK011 follows that).
                Row(Stream, "ReadExactly", sets: Net).Life(N, Receive).FillsBuffer(0).OverNetworkStreamOnly().ThrowsAtEndOfStream(ReadOwner.Stream),
                Row(Stream, "ReadExactlyAsync", sets: Net).Life(N, Receive).FillsBuffer(0).OverNetworkStreamOnly().ThrowsAtEndOfStream(ReadOwner.Stream),
                Row(Stream, "ReadAtLeast", sets: Net).Life(N, Receive).Reads(ReadOwner.Stream, CountFrom.Result, buffer: 0, minimum: 1, throwOnEnd: 2).FillsBuffer(0).OverNetworkStreamOnly(),
                Row(Stream, "ReadAtLeastAsync", sets: Net).Life(N, Receive).Reads(ReadOwner.Stream, CountFrom.AwaitedResult, buffer: 0, minimum: 1, throwOnEnd: 2).FillsBuffer(0).OverNetworkStreamOnly(),
                Row(Stream, "CopyTo").Life(N, Receive).CopiesBytes(Instance, 0),
                Row(Stream, "CopyToAsync").Life(N, Receive).CopiesBytes(Instance, 0),
                Row(Stream, "Write", "bytes int int").CopiesBytes(0, Instance, sourceOffset: 1, count: 2),
                Row(Stream, "Write").Life(N, SocketOperation.Send).SendsBytes(0).OverNetworkStreamOnly().ConsumesBuffer().CopiesBytes(0, Instance),
                Row(Stream, "WriteAsync", "bytes int int *").CopiesBytes(0, Instance, sourceOffset: 1, count: 2),
                Row(Stream, "WriteAsync").Life(N, SocketOperation.Send).SendsBytes(0).OverNetworkStreamOnly().ConsumesBuffer().CopiesBytes(0, Instance),
                Row(Stream, "WriteByte").Life(N, SocketOperation.Send).WritesThroughToStream(always: true),
                Row(Stream, "BeginWrite", "bytes int int *").CopiesBytes(0, Instance, sourceOffset: 1, count: 2),
                Row(Stream, "BeginWrite").Life(N, SocketOperation.Send).SendsBytes(0).OverNetworkStreamOnly().ConsumesBuffer().CopiesBytes(0, Instance),
                Row(Stream, "EndWrite").Life(N, SocketOperation.Send),

                // ------------------------------------------------------------------ text readers over a network stream (SOCK011)
                // A line read returns null at end of stream instead of a 0 count. It counts only on a reader that a
                // constructor row below shows to read a network stream; StreamReader overrides both (the lookup follows overrides).
                Row(TextReader, "ReadLine").ReadsLine(),
                Row(TextReader, "ReadLineAsync", "").ReadsLine(),
                Row(TextReader, "ReadLineAsync", "CancellationToken", Net).ReadsLine(),
                // Read() returns one character, or -1 at end of stream.
                Row(TextReader, "Read", "").ReadsChar(),
                // The reads into a char buffer return a count of characters, 0 at end of stream, as a stream's reads return a
                // count of bytes (SOCK010-012); on a reader over a network stream only. ReadBlock fills the buffer unless the
                // stream ends (block: no SOCK012), but its count is still the only sign of the end.
                Row(TextReader, "Read", "char[] int int").ReadsChars(CountFrom.Result, buffer: 0, offset: 1, size: 2),
                Row(TextReader, "Read", "Span", Net).ReadsChars(CountFrom.Result, buffer: 0),
                Row(TextReader, "ReadAsync", "char[] int int").ReadsChars(CountFrom.AwaitedResult, buffer: 0, offset: 1, size: 2),
                Row(TextReader, "ReadAsync", "Memory *", Net).ReadsChars(CountFrom.AwaitedResult, buffer: 0),
                Row(TextReader, "ReadBlock", "char[] int int").ReadsChars(CountFrom.Result, buffer: 0, offset: 1, size: 2, block: true),
                Row(TextReader, "ReadBlock", "Span", Net).ReadsChars(CountFrom.Result, buffer: 0, block: true),
                Row(TextReader, "ReadBlockAsync", "char[] int int").ReadsChars(CountFrom.AwaitedResult, buffer: 0, offset: 1, size: 2, block: true),
                Row(TextReader, "ReadBlockAsync", "Memory *", Net).ReadsChars(CountFrom.AwaitedResult, buffer: 0, block: true),
                Row(StreamReader, ".ctor", "Stream *").ReadsStreamOf(0).WrapsStream(leaveOpen: 4).ThrowsAfterClose(),

                // ------------------------------------------------------------------ a binary reader over a network stream (SOCK010-012)
                // Read(byte[], int, int) and Read(Span<byte>) return the count of ONE read of the stream under it (it keeps no
                // bytes of its own), 0 at end of stream: a stream read's count, on a reader its constructor row shows to read a
                // network stream. Its other reads (ReadInt32, ReadBytes, ReadChars…) loop or throw EndOfStreamException.
                Row(BinaryReader, "Read", "bytes int int").Reads(ReadOwner.Reader, CountFrom.Result, buffer: 0, offset: 1, size: 2),
                Row(BinaryReader, "Read", "bytes", Net).Reads(ReadOwner.Reader, CountFrom.Result, buffer: 0),

                // readers and writers that close the stream they are made over when they are closed (SOCK005), unless leaveOpen.
                // After their own close their I/O throws ObjectDisposedException (ThrowsAfterClose; checked on .NET 10), except
                // a writer made with leaveOpen: true, which goes on writing to the stream (unlessLeftOpen).
                Row(StreamWriter, ".ctor", "Stream *").WrapsStream(leaveOpen: 3).ThrowsAfterClose(unlessLeftOpen: true),
                Row(BinaryReader, ".ctor", "Stream *").ReadsStreamOf(0).WrapsStream(leaveOpen: 2).ThrowsAfterClose(),
                Row(BinaryWriter, ".ctor", "Stream *").WrapsStream(leaveOpen: 2).ThrowsAfterClose(unlessLeftOpen: true),

                // ------------------------------------------------------------------ a reader or writer over a network stream, after its own close (SOCK005)
                // Life(W, …) applies only to a reader or writer the lifecycle engine saw made over a network stream by a constructor
                // above. Close, Dispose and an awaited DisposeAsync close it; the I/O below throws ObjectDisposedException after that,
                // whatever the arguments (checked on .NET 10: empty strings, arrays and spans, zero counts), except where a row says.
                // The rows name the TextReader and TextWriter members a call binds to (writer.WriteLine(42) is TextWriter's); the
                // lookup follows StreamReader's and StreamWriter's overrides to them. Members that do not throw are not listed:
                // BaseStream, CurrentEncoding, DiscardBufferedData, BinaryWriter.Flush (a NetworkStream's Flush does nothing).
                Row(TextReader, "Close").Life(W, Close),
                Row(TextReader, "Dispose").Life(W, Close),
                Row(TextReader, "Read").Life(W, Use),
                Row(TextReader, "ReadBlock").Life(W, Use),
                Row(TextReader, "ReadLine").Life(W, Use),
                Row(TextReader, "ReadToEnd").Life(W, Use),
                Row(TextReader, "Peek").Life(W, Use),
                Row(TextReader, "ReadAsync").Life(W, Use),
                Row(TextReader, "ReadBlockAsync").Life(W, Use),
                Row(TextReader, "ReadLineAsync").Life(W, Use),
                Row(TextReader, "ReadToEndAsync").Life(W, Use),
                Row(StreamReader, "EndOfStream").Life(W, Use),
                Row(TextWriter, "Close").Life(W, Close),
                Row(TextWriter, "Dispose").Life(W, Close),
                Row(TextWriter, "DisposeAsync", sets: Net).Life(W, Close),
                // Write(string) of an empty or null string writes nothing and does not throw: only a non-empty constant counts.
                // Write(char[]), Write(char[], int, int), Write(ReadOnlySpan<char>), Write(object) and the format overloads may
                // write nothing too, and are not listed; WriteLine always writes the line's end.
                Row(TextWriter, "Write", "string").Life(W, Use).QuietWhenTextEmpty(0).WritesThroughToStream(heldUntilFlush: true),
                Row(TextWriter, "Write", "char|bool|int|uint|long|ulong|float|double|decimal").Life(W, Use).WritesThroughToStream(heldUntilFlush: true),
                Row(TextWriter, "WriteLine").Life(W, Use).WritesThroughToStream(always: true, heldUntilFlush: true),
                // WriteAsync((string)null) does not throw (WriteAsync("") does)
                Row(TextWriter, "WriteAsync", "string").Life(W, Use).QuietWhenTextEmpty(0).WritesThroughToStream(heldUntilFlush: true),
                Row(TextWriter, "WriteAsync", "char").Life(W, Use).WritesThroughToStream(heldUntilFlush: true),
                Row(TextWriter, "WriteAsync", "char[] int int").Life(W, Use).WritesThroughToStream(heldUntilFlush: true),
                Row(TextWriter, "WriteAsync", "ReadOnlyMemory *", Net).Life(W, Use).WritesThroughToStream(heldUntilFlush: true),
                Row(TextWriter, "WriteLineAsync").Life(W, Use).WritesThroughToStream(always: true, heldUntilFlush: true),
                // AutoFlush = true passes every later write on at once (SOCK011 counts such writes as writes to the connection).
                Row(StreamWriter, "AutoFlush").FlushesEachWriteWhenTrue(),
                // A flush passes on what a StreamWriter without AutoFlush holds: after a WriteLine, a write to the connection.
                Row(TextWriter, "Flush").Life(W, Use).PassesOnHeldWrites(),
                Row(TextWriter, "FlushAsync").Life(W, Use).PassesOnHeldWrites(),
                Row(BinaryReader, "Close").Life(W, Close),
                Row(BinaryReader, "Dispose").Life(W, Close),
                Row(BinaryReader, "Read").Life(W, Use),
                Row(BinaryReader, "ReadBoolean").Life(W, Use).ThrowsAtEndOfStream(),
                Row(BinaryReader, "ReadByte").Life(W, Use).ThrowsAtEndOfStream(),
                Row(BinaryReader, "ReadBytes").Life(W, Use),
                Row(BinaryReader, "ReadChar").Life(W, Use).ThrowsAtEndOfStream(),
                Row(BinaryReader, "ReadChars").Life(W, Use),
                Row(BinaryReader, "ReadDecimal").Life(W, Use).ThrowsAtEndOfStream(),
                Row(BinaryReader, "ReadDouble").Life(W, Use).ThrowsAtEndOfStream(),
                Row(BinaryReader, "ReadHalf", sets: Net).Life(W, Use).ThrowsAtEndOfStream(),
                Row(BinaryReader, "ReadInt16").Life(W, Use).ThrowsAtEndOfStream(),
                Row(BinaryReader, "ReadInt32").Life(W, Use).ThrowsAtEndOfStream(),
                Row(BinaryReader, "ReadInt64").Life(W, Use).ThrowsAtEndOfStream(),
                Row(BinaryReader, "ReadSByte").Life(W, Use).ThrowsAtEndOfStream(),
                Row(BinaryReader, "ReadSingle").Life(W, Use).ThrowsAtEndOfStream(),
                Row(BinaryReader, "ReadString").Life(W, Use).ThrowsAtEndOfStream(),
                Row(BinaryReader, "ReadUInt16").Life(W, Use).ThrowsAtEndOfStream(),
                Row(BinaryReader, "ReadUInt32").Life(W, Use).ThrowsAtEndOfStream(),
                Row(BinaryReader, "ReadUInt64").Life(W, Use).ThrowsAtEndOfStream(),
                Row(BinaryReader, "PeekChar").Life(W, Use),
                Row(BinaryReader, "Read7BitEncodedInt", sets: Net).Life(W, Use).ThrowsAtEndOfStream(),
                Row(BinaryReader, "Read7BitEncodedInt64", sets: Net).Life(W, Use).ThrowsAtEndOfStream(),
                Row(BinaryReader, "ReadExactly", sets: ApiSets.Net10).Life(W, Use).ThrowsAtEndOfStream(),
                Row(BinaryWriter, "Close").Life(W, Close),
                Row(BinaryWriter, "Dispose").Life(W, Close),
                Row(BinaryWriter, "DisposeAsync", sets: Net).Life(W, Close),
                // a closed BinaryWriter has no state of its own: its writes throw because the stream under it is closed
                Row(BinaryWriter, "Write").Life(W, Use).WritesThroughToStream(),
                Row(BinaryWriter, "Write7BitEncodedInt", sets: Net).Life(W, Use).WritesThroughToStream(),
                Row(BinaryWriter, "Write7BitEncodedInt64", sets: Net).Life(W, Use).WritesThroughToStream(),

                // A stream over a network stream is one: its reads return what it buffered or decoded, or what one read of the
                // stream under it gave (since .NET 6 a CryptoStream, GZipStream or DeflateStream read may return fewer bytes than
                // asked, like any stream's), and 0 once that stream ends; its writes reach it. A read of a stream made to write
                // (CryptoStreamMode.Write, CompressionMode.Compress) throws, and a write of one made to read: working code does
                // neither, so the mode is not asked.
                Row("System.IO.BufferedStream", ".ctor").PassesThroughStreamOf(0),
                Row("System.Security.Cryptography.CryptoStream", ".ctor").PassesThroughStreamOf(0),
                Row("System.IO.Compression.GZipStream", ".ctor").PassesThroughStreamOf(0),
                Row("System.IO.Compression.DeflateStream", ".ctor").PassesThroughStreamOf(0),
                Row("System.IO.Compression.BrotliStream", ".ctor", sets: Net).PassesThroughStreamOf(0),
                Row("System.IO.Compression.ZLibStream", ".ctor", sets: Net).PassesThroughStreamOf(0),

                // Writes of derived streams that do not override Stream's (the meta-test finds them): rows of their own
                Row("System.Net.Security.SslStream", "Write", "bytes").SendsBytes(0).OverNetworkStreamOnly().ConsumesBuffer().CopiesBytes(0, Instance),
                Row("System.Net.Quic.QuicStream", "WriteAsync", "bytes bool *", Net).SendsBytes(0).OverNetworkStreamOnly().ConsumesBuffer().CopiesBytes(0, Instance),

                // ------------------------------------------------------------------ ports in host order (SOCK022)
                Row("System.Net.IPEndPoint", ".ctor", "long|IPAddress int").TakesHostOrderPort(1, "IPEndPoint"),
                Row("System.Net.IPEndPoint", "Port").TakesHostOrderPort(-1, "IPEndPoint.Port"),
                Row("System.Net.DnsEndPoint", ".ctor", "string int *").TakesHostOrderPort(1, "DnsEndPoint"),

                // ------------------------------------------------------------------ byte order: conversions and reversals
                Row("System.Net.IPAddress", "HostToNetworkOrder").ConvertsByteOrder(),
                Row("System.Net.IPAddress", "NetworkToHostOrder").ConvertsByteOrder(),
                Row(BinaryPrimitives, "ReverseEndianness").ConvertsByteOrder().ReversesBytes(),
                Row(Array, "Reverse").ReversesBytes(),
                Row(MemoryExtensions, "Reverse").ReversesBytes(),
                Row(List, "Reverse").ReversesBytes(),
                Row(BitConverter, "IsLittleEndian").TellsHostLittleEndian(),
                // takes the IPv4 address's bytes as they lie in memory: a host-order read of the wire's four bytes is right there
                Row("System.Net.IPAddress", ".ctor", "long").TakesMemoryOrderNumber(0),

                // byte order: numbers written in the order the method names (BinaryPrimitives.(Try)Write…BigEndian/LittleEndian):
                // every method of the type that takes a byte span and one value writes that value into the span
                Row(BinaryPrimitives, ApiRow.AnyMethod, "Span ?").WritesInChosenOrder(buffer: 0, number: 1),
                // …and read in the order the method names (Read…BigEndian/LittleEndian): every method that takes only a byte span
                // decodes one number from its first bytes (SOCK012's fixed-width consumers; TryRead… says when it is too short)
                Row(BinaryPrimitives, ApiRow.AnyMethod, "ReadOnlySpan").DecodesNumber(),

                // byte order: numbers written in the host's (or little-endian) order (SOCK020)
                Row(BitConverter, "GetBytes").WritesHostOrder("GetBytes", WriteTarget.Result, null, number: 0),
                Row(BitConverter, "TryWriteBytes", "bytes ?", Net).WritesHostOrder("TryWriteBytes", WriteTarget.Argument, 0, number: 1),
                Row(BinaryWriter, "Write").WritesHostOrder("BinaryWriter", WriteTarget.Stream, null, number: 0, littleEndianAlways: true).ConsumesBuffer(),
                Row(MemoryMarshal, "Write", "bytes ?").WritesHostOrder("MemoryMarshal", WriteTarget.Argument, 0, number: 1),
                Row(MemoryMarshal, "TryWrite", "bytes ?").WritesHostOrder("MemoryMarshalTry", WriteTarget.Argument, 0, number: 1),
                Row(Unsafe, "WriteUnaligned", "? ?").WritesHostOrder("Unsafe", WriteTarget.Argument, 0, number: 1),

                // byte order: numbers read in the host's (or little-endian) order (SOCK021); the bytes are the first parameter
                Row(BitConverter, "ToInt16").ReadsHostOrder("BitConverter", WriteTarget.Argument, 0).DecodesNumber(),
                Row(BitConverter, "ToUInt16").ReadsHostOrder("BitConverter", WriteTarget.Argument, 0).DecodesNumber(),
                Row(BitConverter, "ToInt32").ReadsHostOrder("BitConverter", WriteTarget.Argument, 0).DecodesNumber(),
                Row(BitConverter, "ToUInt32").ReadsHostOrder("BitConverter", WriteTarget.Argument, 0).DecodesNumber(),
                Row(BitConverter, "ToInt64").ReadsHostOrder("BitConverter", WriteTarget.Argument, 0).DecodesNumber(),
                Row(BitConverter, "ToUInt64").ReadsHostOrder("BitConverter", WriteTarget.Argument, 0).DecodesNumber(),
                Row(BitConverter, "ToSingle").ReadsHostOrder("BitConverter", WriteTarget.Argument, 0).DecodesNumber(),
                Row(BitConverter, "ToDouble").ReadsHostOrder("BitConverter", WriteTarget.Argument, 0).DecodesNumber(),
                Row(BitConverter, "ToChar").ReadsHostOrder("BitConverter", WriteTarget.Argument, 0).DecodesNumber(),
                // one byte has no order: catalogued so the byte summaries know it only reads the array (not unknown code)
                Row(BitConverter, "ToBoolean"),
                Row(BitConverter, "ToHalf", sets: Net).ReadsHostOrder("BitConverter", WriteTarget.Argument, 0).DecodesNumber(),
                Row(BitConverter, "ToInt128", sets: ApiSets.Net10).ReadsHostOrder("BitConverter", WriteTarget.Argument, 0).DecodesNumber(),
                Row(BitConverter, "ToUInt128", sets: ApiSets.Net10).ReadsHostOrder("BitConverter", WriteTarget.Argument, 0).DecodesNumber(),
                Row(BinaryReader, "ReadInt16").ReadsHostOrder("BinaryReader", WriteTarget.Stream, null, littleEndianAlways: true),
                Row(BinaryReader, "ReadUInt16").ReadsHostOrder("BinaryReader", WriteTarget.Stream, null, littleEndianAlways: true),
                Row(BinaryReader, "ReadInt32").ReadsHostOrder("BinaryReader", WriteTarget.Stream, null, littleEndianAlways: true),
                Row(BinaryReader, "ReadUInt32").ReadsHostOrder("BinaryReader", WriteTarget.Stream, null, littleEndianAlways: true),
                Row(BinaryReader, "ReadInt64").ReadsHostOrder("BinaryReader", WriteTarget.Stream, null, littleEndianAlways: true),
                Row(BinaryReader, "ReadUInt64").ReadsHostOrder("BinaryReader", WriteTarget.Stream, null, littleEndianAlways: true),
                Row(BinaryReader, "ReadSingle").ReadsHostOrder("BinaryReader", WriteTarget.Stream, null, littleEndianAlways: true),
                Row(BinaryReader, "ReadDouble").ReadsHostOrder("BinaryReader", WriteTarget.Stream, null, littleEndianAlways: true),
                Row(BinaryReader, "ReadHalf", sets: Net).ReadsHostOrder("BinaryReader", WriteTarget.Stream, null, littleEndianAlways: true),
                Row(MemoryMarshal, "Read", "bytes").ReadsHostOrder("MemoryMarshal", WriteTarget.Argument, 0),
                Row(Unsafe, "ReadUnaligned", "?").ReadsHostOrder("Unsafe", WriteTarget.Argument, 0),

                // ------------------------------------------------------------------ bytes copied from one place to another
                Row("System.Buffer", "BlockCopy").CopiesBytes(0, 2, sourceOffset: 1, destinationOffset: 3, count: 4),
                Row(Array, "Copy", "Array Array *").CopiesBytes(0, 1, count: 2),
                Row(Array, "Copy", "Array int|long Array *").CopiesBytes(0, 2, sourceOffset: 1, destinationOffset: 3, count: 4),
                Row(Array, "ConstrainedCopy").CopiesBytes(0, 2, sourceOffset: 1, destinationOffset: 3, count: 4),
                Row(Array, "CopyTo").CopiesBytes(Instance, 0, destinationOffset: 1),
                Row(Span, "CopyTo").CopiesBytes(Instance, 0),
                Row(Span, "TryCopyTo").CopiesBytes(Instance, 0),
                Row(ReadOnlySpan, "CopyTo").CopiesBytes(Instance, 0),
                Row(ReadOnlySpan, "TryCopyTo").CopiesBytes(Instance, 0),
                Row(Memory, "CopyTo").CopiesBytes(Instance, 0),
                Row(Memory, "TryCopyTo").CopiesBytes(Instance, 0),
                Row(ReadOnlyMemory, "CopyTo").CopiesBytes(Instance, 0),
                Row(ReadOnlyMemory, "TryCopyTo").CopiesBytes(Instance, 0),
                Row(MemoryExtensions, "CopyTo").CopiesBytes(0, 1),
                Row(List, "AddRange").CopiesBytes(0, Instance),
                Row(List, "InsertRange", "int IEnumerable").CopiesBytes(1, Instance),
                Row(MemoryStream, "WriteTo").CopiesBytes(Instance, 0),

                // ------------------------------------------------------------------ views: the result shows (or copies) the bytes of the instance or first argument,
                // from the start the parameter at `offset` gives (an int; an Index or Range start is not followed); `copy`: a new array
                Row(MemoryExtensions, "AsSpan", "? ? *").ViewsBytes(offset: 1),
                Row(MemoryExtensions, "AsSpan").ViewsBytes(),
                Row(MemoryExtensions, "AsMemory", "? ? *").ViewsBytes(offset: 1),
                Row(MemoryExtensions, "AsMemory").ViewsBytes(),
                Row(Span, "Slice").ViewsBytes(offset: 0),
                Row(Span, "ToArray").ViewsBytes(copy: true).ConsumesBuffer(),
                Row(ReadOnlySpan, "Slice").ViewsBytes(offset: 0),
                Row(ReadOnlySpan, "ToArray").ViewsBytes(copy: true).ConsumesBuffer(),
                Row(Memory, "Slice").ViewsBytes(offset: 0),
                Row(Memory, "ToArray").ViewsBytes(copy: true).ConsumesBuffer(),
                Row(ReadOnlyMemory, "Slice").ViewsBytes(offset: 0),
                Row(ReadOnlyMemory, "ToArray").ViewsBytes(copy: true).ConsumesBuffer(),
                Row(ArraySegment, "Slice", sets: Net).ViewsBytes(offset: 0),
                Row(ArraySegment, "ToArray", sets: Net).ViewsBytes(copy: true),
                Row(MemoryStream, "ToArray").ViewsBytes(copy: true),
                Row(MemoryStream, "GetBuffer").ViewsBytes(),
                Row(List, "ToArray").ViewsBytes(copy: true),
                Row("System.Runtime.CompilerServices.RuntimeHelpers", "GetSubArray", sets: Net).ViewsBytes(offset: 1, copy: true),
                Row(MemoryMarshal, "AsBytes").ViewsBytes(),
                Row(MemoryMarshal, "GetReference").ViewsBytes(),

                // constructors that wrap the array passed first (new ArraySegment<byte>(buffer, 0, n)), from the start given second
                Row(ArraySegment, ".ctor", "array int int").ViewsBytes(offset: 1),
                Row(ArraySegment, ".ctor").ViewsBytes(),
                Row(Span, ".ctor", "array int int").ViewsBytes(offset: 1),
                Row(Span, ".ctor").ViewsBytes(),
                Row(ReadOnlySpan, ".ctor", "array int int").ViewsBytes(offset: 1),
                Row(ReadOnlySpan, ".ctor").ViewsBytes(),
                Row(Memory, ".ctor", "array int int").ViewsBytes(offset: 1),
                Row(Memory, ".ctor").ViewsBytes(),
                Row(ReadOnlyMemory, ".ctor", "array int int").ViewsBytes(offset: 1),
                Row(ReadOnlyMemory, ".ctor").ViewsBytes(),

                // ------------------------------------------------------------------ LINQ over bytes: the result holds the source's bytes (the first
                // parameter; Concat: then the second's) in their order, after a start (Skip), the first n (Take), with one element more
                // (Append, Prepend), or reversed (Reverse: the manual byte swap). Select, Where, OrderBy… change them: no row, unknown.
                Row(Enumerable, "ToArray").CarriesBytes(SequenceShape.Same),
                Row(Enumerable, "ToList").CarriesBytes(SequenceShape.Same),
                Row(Enumerable, "AsEnumerable").CarriesBytes(SequenceShape.Same),
                Row(Enumerable, "Append").CarriesBytes(SequenceShape.AppendsOne),
                Row(Enumerable, "Prepend").CarriesBytes(SequenceShape.PrependsOne),
                Row(Enumerable, "Concat").CarriesBytes(SequenceShape.Concatenates),
                Row(Enumerable, "Skip", "? int").CarriesBytes(SequenceShape.Skips),
                Row(Enumerable, "Take", "? int").CarriesBytes(SequenceShape.Takes),
                Row(Enumerable, "Reverse").CarriesBytes(SequenceShape.Reverses),

                // LINQ that only counts or tests the bytes: nothing of them goes on (a packet builder's buffer.Count()).
                Row(Enumerable, "Count").OnlyLooksAtBytes(),
                Row(Enumerable, "LongCount").OnlyLooksAtBytes(),
                Row(Enumerable, "Any").OnlyLooksAtBytes(),

                // LINQ that keeps the elements passing a test: a consumer of its result looks at every element of the source
                // (SOCK012: String.Join("", chars.Where(c => c != '\0')) of a reused buffer; the byte family does not follow it).
                Row(Enumerable, "Where").KeepsPassingElements(),
                Row(Enumerable, "TakeWhile").KeepsPassingElements(),

                // ------------------------------------------------------------------ members that throw for the empty text (SOCK011: the
                // text a read's 0 decodes to ends that path there; FormatException, JsonException, XmlException)
                Row("System.Boolean", "Parse", "string *").ThrowsOnEmptyText("System.FormatException"),
                Row("System.Char", "Parse", "string *").ThrowsOnEmptyText("System.FormatException"),
                Row("System.SByte", "Parse", "string *").ThrowsOnEmptyText("System.FormatException").IgnoresTrailingNul(),
                Row("System.Byte", "Parse", "string *").ThrowsOnEmptyText("System.FormatException").IgnoresTrailingNul(),
                Row("System.Int16", "Parse", "string *").ThrowsOnEmptyText("System.FormatException").IgnoresTrailingNul(),
                Row("System.UInt16", "Parse", "string *").ThrowsOnEmptyText("System.FormatException").IgnoresTrailingNul(),
                Row("System.Int32", "Parse", "string *").ThrowsOnEmptyText("System.FormatException").IgnoresTrailingNul(),
                Row("System.UInt32", "Parse", "string *").ThrowsOnEmptyText("System.FormatException").IgnoresTrailingNul(),
                Row("System.Int64", "Parse", "string *").ThrowsOnEmptyText("System.FormatException").IgnoresTrailingNul(),
                Row("System.UInt64", "Parse", "string *").ThrowsOnEmptyText("System.FormatException").IgnoresTrailingNul(),
                Row("System.Decimal", "Parse", "string *").ThrowsOnEmptyText("System.FormatException").IgnoresTrailingNul(),
                Row("System.Single", "Parse", "string *").ThrowsOnEmptyText("System.FormatException").IgnoresTrailingNul(),
                Row("System.Double", "Parse", "string *").ThrowsOnEmptyText("System.FormatException").IgnoresTrailingNul(),
                Row("System.DateTime", "Parse", "string *").ThrowsOnEmptyText("System.FormatException"),
                Row("System.DateTimeOffset", "Parse", "string *").ThrowsOnEmptyText("System.FormatException"),
                Row("System.TimeSpan", "Parse", "string *").ThrowsOnEmptyText("System.FormatException"),
                Row("System.Guid", "Parse", "string *").ThrowsOnEmptyText("System.FormatException"),
                Row("System.Convert", "ToInt16", "string *").ThrowsOnEmptyText("System.FormatException").IgnoresTrailingNul(),
                Row("System.Convert", "ToInt32", "string *").ThrowsOnEmptyText("System.FormatException").IgnoresTrailingNul(),
                Row("System.Convert", "ToInt64", "string *").ThrowsOnEmptyText("System.FormatException").IgnoresTrailingNul(),
                Row("System.Convert", "ToUInt16", "string *").ThrowsOnEmptyText("System.FormatException").IgnoresTrailingNul(),
                Row("System.Convert", "ToUInt32", "string *").ThrowsOnEmptyText("System.FormatException").IgnoresTrailingNul(),
                Row("System.Convert", "ToUInt64", "string *").ThrowsOnEmptyText("System.FormatException").IgnoresTrailingNul(),
                Row("System.Convert", "ToByte", "string *").ThrowsOnEmptyText("System.FormatException").IgnoresTrailingNul(),
                Row("System.Convert", "ToSByte", "string *").ThrowsOnEmptyText("System.FormatException").IgnoresTrailingNul(),
                Row("System.Convert", "ToSingle", "string *").ThrowsOnEmptyText("System.FormatException").IgnoresTrailingNul(),
                Row("System.Convert", "ToDouble", "string *").ThrowsOnEmptyText("System.FormatException").IgnoresTrailingNul(),
                Row("System.Convert", "ToDecimal", "string *").ThrowsOnEmptyText("System.FormatException").IgnoresTrailingNul(),
                Row("System.Convert", "ToBoolean", "string *").ThrowsOnEmptyText("System.FormatException"),
                Row("System.Convert", "ToDateTime", "string *").ThrowsOnEmptyText("System.FormatException"),
                Row("System.Text.Json.JsonSerializer", "Deserialize", "string *", Net).ThrowsOnEmptyText("System.Text.Json.JsonException"),
                Row("System.Text.Json.JsonDocument", "Parse", "string *", Net).ThrowsOnEmptyText("System.Text.Json.JsonException"),
                Row("System.Text.Json.Nodes.JsonNode", "Parse", "string *", Net).ThrowsOnEmptyText("System.Text.Json.JsonException"),
                Row("System.Xml.Linq.XDocument", "Parse", "string *").ThrowsOnEmptyText("System.Xml.XmlException"),
                Row("System.Xml.Linq.XElement", "Parse", "string *").ThrowsOnEmptyText("System.Xml.XmlException"),
                // The number parsers read a text as if trailing NULs were not there (checked on .NET 10: double.Parse("1.25" + 60
                // NULs) is 1.25; .NET Framework's parsers skip them too): a fresh buffer decoded whole gives the number (SOCK012).
                // Convert.ToInt32(string) and the other number conversions above are these parsers (fresh31 FALSE 1).
                Row("System.SByte", "TryParse", "string *").IgnoresTrailingNul(),
                Row("System.Byte", "TryParse", "string *").IgnoresTrailingNul(),
                Row("System.Int16", "TryParse", "string *").IgnoresTrailingNul(),
                Row("System.UInt16", "TryParse", "string *").IgnoresTrailingNul(),
                Row("System.Int32", "TryParse", "string *").IgnoresTrailingNul(),
                Row("System.UInt32", "TryParse", "string *").IgnoresTrailingNul(),
                Row("System.Int64", "TryParse", "string *").IgnoresTrailingNul(),
                Row("System.UInt64", "TryParse", "string *").IgnoresTrailingNul(),
                Row("System.Decimal", "TryParse", "string *").IgnoresTrailingNul(),
                Row("System.Single", "TryParse", "string *").IgnoresTrailingNul(),
                Row("System.Double", "TryParse", "string *").IgnoresTrailingNul(),
                // "".First() and the others throw InvalidOperationException: the sequence has no element (fresh19 FALSE 1).
                Row(Enumerable, "First").ThrowsOnEmptyText("System.InvalidOperationException"),
                Row(Enumerable, "Last").ThrowsOnEmptyText("System.InvalidOperationException"),
                Row(Enumerable, "Single").ThrowsOnEmptyText("System.InvalidOperationException"),

                // ------------------------------------------------------------------ members that throw for all-zero bytes (SOCK011: the
                // zeros a fresh buffer keeps when its read returned 0 end that path there; on .NET 9 and later BinaryFormatter always throws)
                Row("System.Runtime.Serialization.Formatters.Binary.BinaryFormatter", "Deserialize", "Stream *").ThrowsOnZeroBytes(),
                Row("System.Runtime.Serialization.IFormatter", "Deserialize", "Stream").ThrowsOnZeroBytes(),
                Row("System.Xml.Serialization.XmlSerializer", "Deserialize", "Stream *").ThrowsOnZeroBytes(),
                Row("System.Runtime.Serialization.XmlObjectSerializer", "ReadObject", "Stream *").ThrowsOnZeroBytes(),
                Row("System.Text.Json.JsonSerializer", "Deserialize", "bytes *", Net).ThrowsOnZeroBytes(),
                Row("System.Text.Json.JsonSerializer", "Deserialize", "Stream *", Net).ThrowsOnZeroBytes(),
                Row("System.Text.Json.JsonSerializer", "DeserializeAsync", "Stream *", Net).ThrowsOnZeroBytes(),

                // ------------------------------------------------------------------ members that only add to their receiver (SOCK011's harmless helpers)
                Row("System.Collections.Generic.List`1", "Add").OnlyAddsToReceiver(),
                Row("System.Collections.Generic.HashSet`1", "Add").OnlyAddsToReceiver(),
                Row("System.Collections.Generic.Queue`1", "Enqueue").OnlyAddsToReceiver(),
                Row("System.Collections.Generic.Stack`1", "Push").OnlyAddsToReceiver(),
                Row("System.Collections.ObjectModel.Collection`1", "Add").OnlyAddsToReceiver(),
                Row("System.Collections.Concurrent.ConcurrentBag`1", "Add").OnlyAddsToReceiver(),
                Row("System.Collections.Concurrent.ConcurrentQueue`1", "Enqueue").OnlyAddsToReceiver(),
                Row("System.Collections.Concurrent.ConcurrentStack`1", "Push").OnlyAddsToReceiver(),
                Row("System.Text.StringBuilder", "Append").OnlyAddsToReceiver(),
                Row("System.Text.StringBuilder", "AppendLine").OnlyAddsToReceiver(),
                Row("System.Threading.SynchronizationContext", "Post").OnlyAddsToReceiver(),
                Row("System.Threading.SynchronizationContext", "Send").OnlyAddsToReceiver(),

                // ------------------------------------------------------------------ other consumers of a buffer's contents (SOCK012)
                Row("System.Text.Encoding", "GetString").ConsumesBuffer(),
                Row("System.Text.Encoding", "GetChars").ConsumesBuffer(),
                Row("System.Text.Encoding", "GetCharCount").ConsumesBuffer(),
                Row(MemoryStream, ".ctor").ConsumesBuffer(),
                Row("System.Convert", "ToBase64String").ConsumesBuffer(),
                Row("System.Convert", "ToHexString", sets: Net).ConsumesBuffer(),
                Row(BitConverter, "ToString", "bytes int").ConsumesBuffer(from: 1),
                Row(BitConverter, "ToString").ConsumesBuffer(),
                Row(Enumerable, "ToArray").ConsumesBuffer(),
                Row(Enumerable, "ToList").ConsumesBuffer(),
                // A list of bytes that gathers what arrived (fresh99 M3: message.AddRange(buf) on each turn): every element.
                Row(List, "AddRange").ConsumesBuffer(),
                Row(List, "InsertRange").ConsumesBuffer(),
                Row("System.Collections.Generic.CollectionExtensions", "AddRange", sets: Net).ConsumesBuffer(),
                Row("System.Collections.Generic.CollectionExtensions", "InsertRange", sets: Net).ConsumesBuffer(),
                Row("System.Text.Json.JsonSerializer", "Deserialize", sets: Net).ConsumesBuffer(),
                Row("System.Text.Json.JsonDocument", "Parse", sets: Net).ConsumesBuffer(),
                Row("System.Runtime.Serialization.Formatters.Binary.BinaryFormatter", "Deserialize").ConsumesBuffer(),

                // the char buffer of a text reader's read (ReadsChars): the text made, appended or printed from the array
                // (whole, or (chars, 0, chars.Length)). Not TextWriter.Write(char[]): a consumer row on a TextWriter name
                // would have to cover every Write overload of its derived writers (the meta-test), a larger change.
                Row("System.String", ".ctor", "char[]").ConsumesBuffer(),
                Row("System.String", ".ctor", "char[] int int").ConsumesBuffer(),
                Row("System.Text.StringBuilder", "Append", "char[]").ConsumesBuffer(),
                Row("System.Text.StringBuilder", "Append", "char[] int int").ConsumesBuffer(),
                Row("System.Console", "Write", "char[]").ConsumesBuffer(),
                Row("System.Console", "Write", "char[] int int").ConsumesBuffer(),
                Row("System.Console", "WriteLine", "char[]").ConsumesBuffer(),
                Row("System.Console", "WriteLine", "char[] int int").ConsumesBuffer(),
                // String.Join("", chars) joins every element of the array (Join<char>(string, IEnumerable<char>)): new string(chars).
                // Of a byte buffer it renders the numbers ("1, 2, 3") for a log line: no use of the data as data.
                Row("System.String", "Join", "string *").ConsumesBuffer(onlyChars: true),
            };

            return rows.ToImmutableArray();
        }

        /// <summary>
        /// The metadata names of the types whose mention makes a file relevant to the scanner: the socket and stream
        /// types, the endpoint types, and every type that declares a host-order, port or byte-order-conversion member.
        /// </summary>
        public static ImmutableArray<string> RelevantTypes { get; } = CreateRelevantTypes();

        private static ImmutableArray<string> CreateRelevantTypes()
        {
            var seen = new HashSet<string>();
            var result = ImmutableArray.CreateBuilder<string>();
            foreach (var row in Rows)
            {
                var relevant = row.Member is null
                    ? row.Relevant || row.ModelType is not null || row.StreamOverSocket
                    : row.HostOrderWrite is not null || row.HostOrderRead is not null || row.Port is not null || row.Conversion;
                if (relevant && seen.Add(row.Type))
                {
                    result.Add(row.Type);
                }
            }

            return result.ToImmutable();
        }
    }
}
