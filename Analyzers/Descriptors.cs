using Microsoft.CodeAnalysis;

namespace SocketAnalyzers
{
    /// <summary>
    /// The rule catalogue: every <see cref="DiagnosticDescriptor"/> the package reports, each one's help link
    /// derived from its ID by <see cref="HelpLink"/> (the ID itself must be a constant at the constructor: RS1017). Analyzers take their descriptors from here and nowhere else.
    /// </summary>
    public static class Descriptors
    {
        /// <summary>Where the rule pages live; <c>docs/rules/SOCKnnn.md</c> is appended.</summary>
        public const string HelpLinkBase = "https://github.com/socketanalyzers/SocketAnalyzers/blob/main/docs/rules/";

        /// <summary>The help link of a rule: its page in the repository.</summary>
        public static string HelpLink(string id) => HelpLinkBase + id + ".md";

        public static readonly DiagnosticDescriptor SOCK001ListenWithoutBind = new DiagnosticDescriptor(
            RuleIdentifiers.ListenWithoutBind,
            title: "Listen on a socket that was never bound",
            messageFormat: "'{0}' is {1} when {2} is called; on Linux it silently listens on a random port, so clients never find it. Call Bind first.",
            category: RuleCategories.Lifecycle,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "Listen on an unbound socket succeeds on Linux by binding an ephemeral port, so no client can reach the server; Windows throws.",
            helpLinkUri: HelpLink(RuleIdentifiers.ListenWithoutBind));

        public static readonly DiagnosticDescriptor SOCK002AcceptWithoutListen = new DiagnosticDescriptor(
            RuleIdentifiers.AcceptWithoutListen,
            title: "Accept on a socket that is not listening",
            messageFormat: "'{0}' is {1}, not listening, when {2} is called; this throws InvalidOperationException. Call {3} first.",
            category: RuleCategories.Lifecycle,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "Accept takes a connection off the listen queue; a socket gets that queue from Listen (TcpListener.Start).",
            helpLinkUri: HelpLink(RuleIdentifiers.AcceptWithoutListen));

        public static readonly DiagnosticDescriptor SOCK003IoOnListeningSocket = new DiagnosticDescriptor(
            RuleIdentifiers.IoOnListeningSocket,
            title: "I/O on a listening socket",
            messageFormat: "'{0}' is listening; {1} on the socket returned by Accept instead",
            category: RuleCategories.Lifecycle,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "A listening socket only accepts connections. Data moves on the socket that Accept returns; I/O on the listener throws SocketException.",
            helpLinkUri: HelpLink(RuleIdentifiers.IoOnListeningSocket));

        public static readonly DiagnosticDescriptor SOCK004IoOnUnconnectedSocket = new DiagnosticDescriptor(
            RuleIdentifiers.IoOnUnconnectedSocket,
            title: "I/O on a socket that is not connected",
            messageFormat: "'{0}' is {1}, never connected, when {2} is called; this throws {3}. {4}.",
            category: RuleCategories.Lifecycle,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "Send and Receive need a connected socket (for UDP, SendTo/ReceiveFrom work without Connect).",
            helpLinkUri: HelpLink(RuleIdentifiers.IoOnUnconnectedSocket));

        public static readonly DiagnosticDescriptor SOCK005UseAfterCloseOrShutdown = new DiagnosticDescriptor(
            RuleIdentifiers.UseAfterCloseOrShutdown,
            title: "Operation after Close, Dispose or Shutdown",
            messageFormat: "'{0}' is {1} when {2} is called; this throws {3}",
            category: RuleCategories.Lifecycle,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "A closed socket throws ObjectDisposedException; sending after Shutdown(Send) or receiving after Shutdown(Receive) throws SocketException. Receiving after Shutdown(Send) is the correct half-close.",
            helpLinkUri: HelpLink(RuleIdentifiers.UseAfterCloseOrShutdown));

        public static readonly DiagnosticDescriptor SOCK006UnsupportedOperation = new DiagnosticDescriptor(
            RuleIdentifiers.UnsupportedOperation,
            title: "Operation the socket's kind or state cannot do",
            messageFormat: "'{0}' is {1}; {2} is not possible on it",
            category: RuleCategories.Lifecycle,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "Listen and Accept need a stream socket; Connect is impossible on a listening socket, Listen on a connected one, and a socket binds once.",
            helpLinkUri: HelpLink(RuleIdentifiers.UnsupportedOperation));

        public static readonly DiagnosticDescriptor SOCK010DiscardedReadCount = new DiagnosticDescriptor(
            RuleIdentifiers.DiscardedReadCount,
            title: "The byte count of a network read is discarded",
            // {1}: empty, or (a read nobody awaits) "X is not awaited: … finished. "; {2}: what to do; {3}: what the count
            // counts, "bytes" or (a text reader's read into a char buffer) "characters"; {4}: what it may be,
            // SOCK010DiscardedReadCountAnalyzer.StreamCount, or for a datagram DatagramCount.
            messageFormat: "{1}The number of {3} {0} placed in the buffer is discarded; it may be {4}. {2}.",
            category: RuleCategories.Reads,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "A network read returns between 1 and the buffer's size bytes, or 0 at end of stream. Code that ignores the count uses bytes that never arrived.",
            helpLinkUri: HelpLink(RuleIdentifiers.DiscardedReadCount));

        public static readonly DiagnosticDescriptor SOCK011ReadLoopIgnoresEndOfStream = new DiagnosticDescriptor(
            RuleIdentifiers.ReadLoopIgnoresEndOfStream,
            title: "Read loop never stops at end of stream",
            messageFormat: "When the peer closes, {0}; leave the loop when {1}",
            category: RuleCategories.Reads,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "After the peer closes its side, every read returns 0 at once (a line read returns null). A loop that does not stop on 0 (or null) spins at 100% CPU or never ends.",
            helpLinkUri: HelpLink(RuleIdentifiers.ReadLoopIgnoresEndOfStream));

        public static readonly DiagnosticDescriptor SOCK012WholeBufferConsumed = new DiagnosticDescriptor(
            RuleIdentifiers.WholeBufferConsumed,
            title: "Buffer consumed whole instead of the bytes received",
            // {5}: what the read counts, "bytes" or (a text reader's read into a char buffer) "characters".
            messageFormat: "{0} uses {1}, but {2} filled only {3}; the rest is stale (zeros or {5} of an earlier read). {4}.",
            category: RuleCategories.Reads,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "Bytes past the count of the last read are stale: zeros or leftovers of an earlier read. Pass the count or slice the buffer.",
            helpLinkUri: HelpLink(RuleIdentifiers.WholeBufferConsumed));

        public static readonly DiagnosticDescriptor SOCK020HostOrderWrite = new DiagnosticDescriptor(
            RuleIdentifiers.HostOrderWrite,
            title: "Host-order number written to the network",
            messageFormat: "{0} is written {1}; network protocols use big-endian (network byte order). Write it big-endian, e.g. with BinaryPrimitives.Write{2}BigEndian.",
            category: RuleCategories.ByteOrder,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "BitConverter, BinaryWriter and MemoryMarshal use the host's byte order, so the protocol changes with the CPU and disagrees with peers written against network order. For a protocol that is little-endian by its specification, write with BinaryPrimitives.Write…LittleEndian, or set socket_analyzers.wire_byte_order = little_endian for its files in .editorconfig.",
            helpLinkUri: HelpLink(RuleIdentifiers.HostOrderWrite));

        public static readonly DiagnosticDescriptor SOCK021HostOrderRead = new DiagnosticDescriptor(
            RuleIdentifiers.HostOrderRead,
            title: "Network number read without byte-order conversion",
            messageFormat: "{0} is read from network data {1}; network protocols use big-endian (network byte order). Read it big-endian, e.g. with BinaryPrimitives.Read{2}BigEndian.",
            category: RuleCategories.ByteOrder,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "BitConverter and BinaryReader read in the host's byte order; numbers from the network arrive big-endian. For a protocol that is little-endian by its specification, read with BinaryPrimitives.Read…LittleEndian, or set socket_analyzers.wire_byte_order = little_endian for its files in .editorconfig.",
            helpLinkUri: HelpLink(RuleIdentifiers.HostOrderRead));

        public static readonly DiagnosticDescriptor SOCK022PortConvertedTwice = new DiagnosticDescriptor(
            RuleIdentifiers.PortConvertedTwice,
            title: "Port converted to network order before an API that takes host order",
            messageFormat: "{0} takes the port in host order and converts it itself; converting it with {1} first makes it another port. Pass the port unconverted.",
            category: RuleCategories.ByteOrder,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: ".NET endpoint APIs take ports in host order; a port converted first is silently wrong (8080 becomes 36895).",
            helpLinkUri: HelpLink(RuleIdentifiers.PortConvertedTwice));

        public static readonly DiagnosticDescriptor SOCK023ConversionWiderThanNumber = new DiagnosticDescriptor(
            RuleIdentifiers.ConversionWiderThanNumber,
            title: "Byte-order conversion wider than the number",
            messageFormat: "{0} swaps all {1} bytes of {2}, a number that fits in {3} bytes, and {4}: those are the number's empty upper bytes, not the number. Convert it as {5}.",
            category: RuleCategories.ByteOrder,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "The int overload of a byte-order conversion moves a 16-bit number (a port) into the upper two bytes; keeping only two bytes of the result (a cast to short or ushort, the first two bytes of BitConverter.GetBytes) keeps zeros: port 0 goes on the wire.",
            helpLinkUri: HelpLink(RuleIdentifiers.ConversionWiderThanNumber));

        public static readonly DiagnosticDescriptor SOCK030AddressFamilyMismatch = new DiagnosticDescriptor(
            RuleIdentifiers.AddressFamilyMismatch,
            title: "Endpoint of the other address family",
            messageFormat: "'{0}' is {1} socket, but {2}. {3}.",
            category: RuleCategories.Addressing,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "A socket has one address family. An IPv4 socket cannot use an IPv6 endpoint, nor an IPv6 socket an IPv4 one unless DualMode is on; and DNS may return either family first.",
            helpLinkUri: HelpLink(RuleIdentifiers.AddressFamilyMismatch));

        public static readonly DiagnosticDescriptor SOCK031SocketTypeProtocolMismatch = new DiagnosticDescriptor(
            RuleIdentifiers.SocketTypeProtocolMismatch,
            title: "Socket type and protocol disagree",
            messageFormat: "SocketType.{0} does not go with ProtocolType.{1}; the constructor throws SocketException (protocol not supported). Use ProtocolType.{2}.",
            category: RuleCategories.Addressing,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "A stream socket carries TCP and a datagram socket UDP; any other pairing is refused by the operating system when the socket is created.",
            helpLinkUri: HelpLink(RuleIdentifiers.SocketTypeProtocolMismatch));

        public static readonly DiagnosticDescriptor SOCK032UnreachableDestination = new DiagnosticDescriptor(
            RuleIdentifiers.UnreachableDestination,
            title: "Destination the socket cannot send to",
            messageFormat: "{0} to {1}: {2}",
            category: RuleCategories.Addressing,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "The wildcard address (IPAddress.Any, IPv6Any) is for Bind, not a destination; sending to the broadcast address needs EnableBroadcast = true first.",
            helpLinkUri: HelpLink(RuleIdentifiers.UnreachableDestination));

        public static readonly DiagnosticDescriptor SOCK040ReadTreatedAsMessage = new DiagnosticDescriptor(
            RuleIdentifiers.ReadTreatedAsMessage,
            title: "One stream read treated as a whole message",
            messageFormat: "{0} parses the bytes of a single {1} on a stream; TCP has no message boundaries, so one read may hold part of a message or several. Frame the messages (a length prefix read exactly, or a delimiter) and parse a complete one.",
            category: RuleCategories.Framing,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "A read on a TCP stream returns whatever has arrived: from 1 byte to the buffer's size. A parser that needs a complete document fails or misreads when a message arrives in pieces or together with the next.",
            helpLinkUri: HelpLink(RuleIdentifiers.ReadTreatedAsMessage));

        public static readonly DiagnosticDescriptor SOCK050IterativeServer = new DiagnosticDescriptor(
            RuleIdentifiers.IterativeServer,
            title: "Iterative server: one client at a time",
            messageFormat: "This loop serves each client accepted by {0} to the end before accepting the next; every other client waits in the backlog. Hand each client to a task to serve them concurrently.",
            category: RuleCategories.Server,
            defaultSeverity: DiagnosticSeverity.Info,
            isEnabledByDefault: true,
            description: "An accept loop that reads from the accepted client until it closes serves one client at a time, however idle that client is. A concurrent server hands each client to a task, a thread or an async method and accepts again at once.",
            helpLinkUri: HelpLink(RuleIdentifiers.IterativeServer));

    }
}
