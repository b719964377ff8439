using System;
using SocketAnalyzers.ByteOrder;
using SocketAnalyzers.Lifecycle;
using SocketAnalyzers.Reads;

namespace SocketAnalyzers.Model
{
    /// <summary>The reference sets a row resolves in. The meta-test checks that a row resolves in exactly these.</summary>
    [Flags]
    internal enum ApiSets
    {
        None = 0,

        /// <summary>netstandard2.0 with the System.Memory package (Span, Memory, BinaryPrimitives, MemoryMarshal).</summary>
        NetStandard20 = 1,

        /// <summary>.NET 8 (Microsoft.NETCore.App.Ref 8.0).</summary>
        Net8 = 2,

        /// <summary>.NET 10 (Microsoft.NETCore.App.Ref 10.0).</summary>
        Net10 = 4,

        /// <summary>.NET 8 and later, not netstandard2.0 ("net8+" in the docs).</summary>
        Net = Net8 | Net10,

        All = NetStandard20 | Net8 | Net10,
    }

    /// <summary>Where a read's byte count comes back.</summary>
    internal enum CountFrom
    {
        /// <summary>The result is the count (<c>int</c>).</summary>
        Result,

        /// <summary>The awaited result is the count (<c>Task&lt;int&gt;</c>, <c>ValueTask&lt;int&gt;</c>).</summary>
        AwaitedResult,

        /// <summary>The awaited result's <c>ReceivedBytes</c> (<c>SocketReceiveFromResult</c>, <c>SocketReceiveMessageFromResult</c>).</summary>
        ReceivedBytes,
    }

    /// <summary>The lifecycle facet of a row: what the member does to the socket of a receiver of model type <see cref="On"/>.</summary>
    internal sealed class LifecycleFacet
    {
        public LifecycleFacet(SocketModelType on, SocketOperation operation, SocketStates creates, SocketModelType? result)
        {
            On = on;
            Operation = operation;
            Creates = creates;
            Result = result;
        }

        /// <summary>The model type of the receiver this transition applies to (a <c>Stream</c> member applies to a <c>NetworkStream</c> receiver).</summary>
        public SocketModelType On { get; }

        public SocketOperation Operation { get; }

        public SocketStates Creates { get; }

        public SocketModelType? Result { get; }
    }

    /// <summary>The counting-read facet: the count comes back (<see cref="Count"/>), the buffer is the parameter at <see cref="Buffer"/>.</summary>
    internal sealed class ReadFacet
    {
        public ReadFacet(ReadOwner owner, CountFrom count, int? buffer, int? offset, int? size, int? minimum, int? throwOnEnd)
        {
            Owner = owner;
            Count = count;
            Buffer = buffer;
            Offset = offset;
            Size = size;
            Minimum = minimum;
            ThrowOnEnd = throwOnEnd;
        }

        public ReadOwner Owner { get; }

        public CountFrom Count { get; }

        /// <summary>Ordinal of the buffer parameter that the read fills, or null (APM <c>End…</c>, buffer lists).</summary>
        public int? Buffer { get; }

        /// <summary>Ordinal of the offset parameter of an <c>(array, offset, size)</c> overload, or null.</summary>
        public int? Offset { get; }

        /// <summary>Ordinal of the size parameter, or null when the whole buffer is offered.</summary>
        public int? Size { get; }

        /// <summary><c>ReadAtLeast(Async)</c>: ordinal of <c>minimumBytes</c>.</summary>
        public int? Minimum { get; }

        /// <summary><c>ReadAtLeast(Async)</c>: ordinal of <c>throwOnEndOfStream</c>.</summary>
        public int? ThrowOnEnd { get; }
    }

    /// <summary>The host-order port facet: the parameter at <see cref="Ordinal"/> is a port in host order (SOCK022).</summary>
    internal sealed class PortFacet
    {
        public PortFacet(int ordinal, string display)
        {
            Ordinal = ordinal;
            Display = display;
        }

        /// <summary>Ordinal of the port parameter; -1 for a property (the value assigned).</summary>
        public int Ordinal { get; }

        /// <summary>How messages name the API (<c>TcpClient</c>, <c>IPEndPoint.Port</c>).</summary>
        public string Display { get; }
    }

    /// <summary>
    /// One row of <see cref="SocketApiCatalogue"/>: a type (metadata name), optionally one of its members by name
    /// (<c>.ctor</c> for constructors) and a parameter pattern (<see cref="ParameterPattern"/>) that selects overloads,
    /// the reference sets it resolves in, and its facets. A member that several rows match gets, per facet, the value
    /// of the first row that sets it: a specific overload row comes before the catch-all row of the same name.
    /// </summary>
    internal sealed class ApiRow
    {
        /// <summary>The member name of a row about every public method of its type whose parameters match its pattern
        /// (the pattern is then required): a family of methods that differ only in name, such as
        /// <c>BinaryPrimitives.WriteInt32BigEndian</c>, <c>TryWriteUInt64LittleEndian</c>….</summary>
        public const string AnyMethod = "*";

        public ApiRow(string type, string? member, string? parameters, ApiSets sets)
        {
            Type = type;
            Member = member;
            Parameters = parameters;
            Sets = sets;
        }

        /// <summary>The declaring type's metadata name (<c>System.Span`1</c>).</summary>
        public string Type { get; }

        /// <summary>The member's name; <c>.ctor</c> for constructors; <see cref="AnyMethod"/> for every public method of
        /// the type that its parameter pattern selects; null for a row about the type itself.</summary>
        public string? Member { get; }

        /// <summary>The parameter pattern; null for every overload (and for properties and fields).</summary>
        public string? Parameters { get; }

        public ApiSets Sets { get; }

        // ---- type facets

        /// <summary>The type (and its subclasses) is one of the lifecycle model's socket types.</summary>
        public SocketModelType? ModelType { get; private set; }

        /// <summary>The type (and its subclasses) is a stream over a socket (<c>NetworkStream</c>, <c>AuthenticatedStream</c>), or the member returns one (<c>GetStream</c>).</summary>
        public bool StreamOverSocket { get; private set; }

        /// <summary>A file that names the type may hold a finding: the scanner binds it.</summary>
        public bool Relevant { get; private set; }

        // ---- member facets

        public LifecycleFacet? Lifecycle { get; private set; }

        public ReadFacet? Read { get; private set; }

        /// <summary>The read as the read rules see it (made from <see cref="Read"/>).</summary>
        public ReadApi? ReadApi { get; private set; }

        /// <summary>A text read of a text reader (SOCK011), only over a reader of a network stream (<see cref="ReaderOver"/>):
        /// a line read (<c>TextReader.ReadLine(Async)</c>), whose result is a line, <c>null</c> at end of stream instead of a
        /// 0 count, or a character read (<c>TextReader.Read()</c>, <see cref="ReadsChar"/>), whose result is -1 at end of stream;
        /// also a stream's byte read (<c>Stream.ReadByte()</c>, <see cref="ReadsByte"/>), -1 at end of stream, only over a network stream.</summary>
        public ReadApi? LineRead { get; private set; }

        /// <summary>
        /// A constructor of a reader that reads the stream passed at this ordinal (<c>new StreamReader(stream, …)</c>,
        /// <c>new BinaryReader(stream, …)</c>): its reads are that stream's (<see cref="Reads.ReadOwner.Reader"/>).
        /// </summary>
        public int? ReaderOver { get; private set; }

        /// <summary>
        /// A constructor of a stream that reads and writes through the stream passed at this ordinal: a read returns what
        /// it buffered or decoded, or what one read of the stream under it gave, and 0 once that stream ends; a write
        /// reaches it (<c>new BufferedStream(stream)</c>, <c>new CryptoStream(stream, …)</c>, <c>new GZipStream(stream, …)</c>).
        /// Over a network stream, the result is one.
        /// </summary>
        public int? PassesThroughStream { get; private set; }

        /// <summary>
        /// The parameter at this ordinal takes a number whose bytes it reads in memory order (<c>new IPAddress(long)</c>: the
        /// address "in network byte order" as it lies in memory): bytes read in the host's order and given to it are right
        /// on any CPU (SOCK021).
        /// </summary>
        public int? MemoryOrderNumber { get; private set; }

        /// <summary>
        /// A constructor of a reader or writer over the stream passed first (<c>new StreamWriter(stream)</c>): closing or
        /// disposing the object closes that stream, unless the <c>bool</c> at this ordinal (<c>leaveOpen</c>) is true.
        /// </summary>
        public int? WrapLeaveOpen { get; private set; }

        /// <summary>
        /// A constructor of a reader or writer (<see cref="WrapLeaveOpen"/>) whose I/O throws ObjectDisposedException after
        /// its own <c>Close</c> or <c>Dispose</c>: SOCK005 follows it when it is made over a network stream. With
        /// <see cref="UsableWhenLeftOpen"/>, only when its <c>leaveOpen</c> is absent or the constant <c>false</c>.
        /// </summary>
        public bool ThrowsAfterOwnClose { get; private set; }

        /// <summary>
        /// A writer that, made with <c>leaveOpen: true</c>, is not disposed by its own <c>Close</c>: it goes on writing to the
        /// stream (<c>StreamWriter</c>, <c>BinaryWriter</c>; checked on .NET 10).
        /// </summary>
        public bool UsableWhenLeftOpen { get; private set; }

        /// <summary>
        /// A write of text that writes nothing, and so does not throw on a closed writer, when the text at this ordinal is
        /// empty or null (<c>StreamWriter.Write(string)</c>): SOCK005 counts it only when that argument is a non-empty constant.
        /// </summary>
        public int? QuietWhenEmpty { get; private set; }

        /// <summary>
        /// A write or flush of a text or binary writer: its bytes reach the stream the writer was made over, at once or when
        /// its buffer fills (SOCK011: a write on the read's connection, whose exception ends a loop once the peer has closed).
        /// Also a stream's own one-byte write (<c>Stream.WriteByte</c>), which has no buffer parameter to send.
        /// </summary>
        public bool WritesToStream { get; private set; }

        /// <summary>A write of <see cref="WritesToStream"/> that writes bytes whatever its arguments are (<c>WriteLine(null)</c> writes the line's end).</summary>
        public bool WritesEvenEmpty { get; private set; }

        /// <summary>A write of <see cref="WritesToStream"/> whose bytes wait in the writer's buffer unless <see cref="SwitchesAutoFlush"/> was set.</summary>
        public bool WritesHeldUntilFlush { get; private set; }

        /// <summary>A writer's property that, set to <c>true</c>, passes every write on to the stream at once (<c>StreamWriter.AutoFlush</c>).</summary>
        public bool SwitchesAutoFlush { get; private set; }

        /// <summary>
        /// A writer's flush: what the writer holds of <see cref="WritesHeldUntilFlush"/> writes goes on to the stream now
        /// (<c>TextWriter.Flush</c>, <c>FlushAsync</c>); with nothing held it writes nothing.
        /// </summary>
        public bool FlushesHeldWrites { get; private set; }

        /// <summary>
        /// The stream this member makes owns the socket it is made over: closing the stream closes the socket
        /// (<c>TcpClient.GetStream()</c>). With <see cref="OwnsSocketWhen"/>, only when the <c>bool</c> at that ordinal is
        /// the constant <c>true</c> (<c>new NetworkStream(socket, ownsSocket: true)</c>).
        /// </summary>
        public bool OwnsSocket { get; private set; }

        /// <inheritdoc cref="OwnsSocket"/>
        public int? OwnsSocketWhen { get; private set; }

        /// <summary>A network read that fills the parameter at this ordinal (with or without a count).</summary>
        public int? Fills { get; private set; }

        /// <summary>For a fill: the ordinal of the offset it fills from, or null (not stated: the read's own facet says).</summary>
        public int? FillsFrom { get; private set; }

        /// <summary>For a fill: the ordinal of the number of bytes it may fill at most, or null (not stated).</summary>
        public int? FillsCount { get; private set; }

        /// <summary>A call that sends the bytes of the parameter at this ordinal to the network.</summary>
        public int? Sends { get; private set; }

        /// <summary>For a send: the ordinal of the offset of the first byte sent, or null (from the first byte).</summary>
        public int? SendsFrom { get; private set; }

        /// <summary>For a send: the ordinal of the number of bytes sent, or null (to the end).</summary>
        public int? SendsCount { get; private set; }

        /// <summary><see cref="Fills"/> and <see cref="Sends"/> hold only when the receiver is a stream over a socket.</summary>
        public bool OnlyOverNetworkStream { get; private set; }

        /// <summary>The result is a datagram received from the network (<c>UdpClient.Receive</c>).</summary>
        public bool ReturnsNetworkData { get; private set; }

        /// <summary>The member reads a byte buffer's contents whole (decode, send, copy, deserialize): SOCK012's consumers.</summary>
        public bool Consumes { get; private set; }

        /// <summary>For a consumer: the ordinal of the parameter that says where in the buffer it starts when no count
        /// follows it (<c>BitConverter.ToString(bytes, startIndex)</c>), or null.</summary>
        public int? ConsumesFrom { get; private set; }

        /// <summary>For a consumer: it uses a <c>char</c> buffer's text only; a byte buffer it renders as numbers (<c>String.Join</c>).</summary>
        public bool ConsumesOnlyChars { get; private set; }

        /// <summary>
        /// The member decodes one number from a fixed number of bytes of its first parameter (a <c>byte[]</c> or a byte
        /// span), starting at its second parameter when that is an <c>int</c> (<c>BitConverter.ToInt32(bytes, startIndex)</c>,
        /// <c>BinaryPrimitives.ReadInt32BigEndian(span)</c>); the number of bytes is the size of its result. SOCK012's
        /// fixed-width consumers.
        /// </summary>
        public bool Decodes { get; private set; }

        /// <summary>
        /// The property says how many received bytes wait to be read (<c>Socket.Available</c>, <c>TcpClient.Available</c>):
        /// a read of at most that many bytes on the same stream socket returns them all.
        /// </summary>
        public bool TellsAvailable { get; private set; }

        /// <summary>
        /// The member only waits for, or tells, what the socket can do next (<c>Socket.Poll</c>): it changes no state, reads and
        /// writes no byte, and on a connection the peer has closed it returns at once (readable). A read helper may wait with it
        /// before its read and stay one read (SOCK011).
        /// </summary>
        public bool OnlyWaits { get; private set; }

        /// <summary>
        /// The static field is an empty placeholder that holds no data (<c>Stream.Null</c>, <c>TextReader.Null</c>,
        /// <c>StreamReader.Null</c>): its reads return 0 or the <c>null</c> line at once, so a field that holds it until the
        /// connection is made reads like one that holds <c>null</c> (a loop that spins at the end of the network stream spins
        /// on it too).
        /// </summary>
        public bool NoData { get; private set; }

        /// <summary>
        /// The property stays <c>true</c> after the peer closes the connection: <c>Socket.Connected</c> and
        /// <c>TcpClient.Connected</c> reflect the last operation, <c>NetworkStream.CanRead</c> and <c>CanWrite</c> turn false
        /// only when the stream is disposed. A loop that tests it does not end at end of stream (SOCK011).
        /// </summary>
        public bool StaysTrueAfterClose { get; private set; }

        /// <summary>
        /// The member only adds to what its receiver holds, or hands it work (<c>List&lt;T&gt;.Add</c>, <c>Queue&lt;T&gt;.Enqueue</c>,
        /// <c>StringBuilder.Append</c>, <c>SynchronizationContext.Post</c>), and no later call can fail for what an earlier
        /// one did (unlike <c>Dequeue</c>, or <c>Dictionary.Add</c> of a key twice): SOCK011's harmless helpers.
        /// </summary>
        public bool AddsOnly { get; private set; }

        /// <summary>
        /// The member only counts or tests the bytes of its first parameter (<c>Enumerable.Count</c>, <c>Any</c>): it keeps
        /// none and changes none, so bytes given to it go nowhere (a packet builder's <c>buffer.Count()</c>).
        /// </summary>
        public bool LooksOnly { get; private set; }

        /// <summary>
        /// The member keeps the elements of its first parameter that pass a test, in order (<c>Enumerable.Where</c>): every
        /// element is looked at, so a consumer of its result consumes the whole source (SOCK012).
        /// </summary>
        public bool Filters { get; private set; }

        /// <summary>
        /// The member throws for the empty text given as its first parameter (<c>int.Parse("")</c>, <c>Convert.ToInt32("")</c>,
        /// <c>JsonSerializer.Deserialize&lt;T&gt;("")</c>): the text a read's 0 decodes to ends the path there (SOCK011).
        /// </summary>
        public bool RejectsEmptyText { get; private set; }

        /// <summary>The exception it throws for the empty text (<c>System.FormatException</c>), as a metadata name.</summary>
        public string? EmptyTextException { get; private set; }

        /// <summary>
        /// The member reads its first parameter, a text, as if trailing NUL characters were not there (.NET's number
        /// parsers, on .NET Framework as on .NET): the text a fresh buffer decodes to whole gives what the read placed (SOCK012).
        /// </summary>
        public bool IgnoresTrailingNuls { get; private set; }

        /// <summary>
        /// The member throws for bytes that are all zeros given as its first parameter, or in the stream given so
        /// (<c>BinaryFormatter.Deserialize</c>: a zero header has version 0; XML and JSON deserializers: NUL is no text): the
        /// zeros of a fresh buffer whose read returned 0 end the path there (SOCK011).
        /// </summary>
        public bool RejectsZeroBytes { get; private set; }

        public CopyShape? Copy { get; private set; }

        /// <summary>The result shows or copies the bytes of the instance or first argument; for constructors, wraps the first argument.</summary>
        public bool View { get; private set; }

        /// <summary>For a <see cref="View"/>: the ordinal of the parameter that says where the view starts in what it
        /// shows (an <c>int</c> start, or an <c>Index</c>/<c>Range</c>, whose start is not followed); null: at 0.</summary>
        public int? ViewOffset { get; private set; }

        /// <summary>For a <see cref="View"/>: the result is a copy (<c>ToArray</c>), so writing into it does not write the original.</summary>
        public bool ViewCopies { get; private set; }

        /// <summary>
        /// A LINQ operator over a sequence (<c>System.Linq.Enumerable</c>): what its result holds of the bytes of its first
        /// parameter (and, for <see cref="SequenceShape.Concatenates"/>, of its second), in their order or reversed.
        /// </summary>
        public SequenceShape? Sequence { get; private set; }

        /// <summary>A write of a number in the byte order the method names (<c>BinaryPrimitives.WriteInt32BigEndian</c>): it replaces the bytes it writes.</summary>
        public OrderedWriteFacet? OrderedWrite { get; private set; }

        /// <summary>The member tells whether the host is little-endian (<c>BitConverter.IsLittleEndian</c>).</summary>
        public bool HostLittleEndianFlag { get; private set; }

        /// <summary>The call reverses the bytes of its instance or first argument.</summary>
        public bool Reversal { get; private set; }

        /// <summary>A byte-order conversion of a number.</summary>
        public bool Conversion { get; private set; }

        public HostOrderApi? HostOrderWrite { get; private set; }

        public HostOrderApi? HostOrderRead { get; private set; }

        public PortFacet? Port { get; private set; }

        /// <summary>
        /// The member's value is, or makes, a socket that keeps message boundaries and has no end of stream: a datagram socket
        /// (<c>UdpClient.Client</c>, <c>SocketType.Dgram</c>, <c>ProtocolType.Udp</c>), or a raw or reliable-datagram one
        /// (<c>SocketType.Raw</c>, <c>SocketType.Rdm</c>, <c>ProtocolType.Icmp</c>, <c>ProtocolType.IcmpV6</c>).
        /// </summary>
        public bool DatagramSocket { get; private set; }

        // ---- the fluent setters the table uses

        public ApiRow IsModelType(SocketModelType type)
        {
            ModelType = type;
            Relevant = true;
            return this;
        }

        public ApiRow IsStreamOverSocket()
        {
            StreamOverSocket = true;
            Relevant = Member is null || Relevant;
            return this;
        }

        public ApiRow IsRelevant()
        {
            Relevant = true;
            return this;
        }

        public ApiRow Life(SocketModelType on, SocketOperation operation, SocketStates creates = SocketStates.None, SocketModelType? result = null)
        {
            Lifecycle = new LifecycleFacet(on, operation, creates, result);
            return this;
        }

        public ApiRow Reads(ReadOwner owner, CountFrom count, int? buffer = null, int? offset = null, int? size = null, bool datagram = false, bool apmEnd = false, int? minimum = null, int? throwOnEnd = null)
        {
            Read = new ReadFacet(owner, count, buffer, offset, size, minimum, throwOnEnd);
            ReadApi = new ReadApi(
                Member ?? string.Empty,
                owner,
                count == CountFrom.ReceivedBytes ? CountShape.ReceivedBytes : CountShape.Int32,
                datagram,
                apmEnd,
                atLeast: minimum is not null,
                isAsync: count != CountFrom.Result);
            return this;
        }

        /// <summary>
        /// A counting read of a text reader into a <c>char</c> buffer (<c>TextReader.Read(char[], int, int)</c>,
        /// <c>Read(Span&lt;char&gt;)</c>, <c>ReadAsync</c>, <c>ReadBlock(Async)</c>): the read facet of <see cref="Reads"/>, owned by
        /// <see cref="ReadOwner.Reader"/> and counting characters (<see cref="ReadApi.CountsChars"/>), 0 at end of stream. It
        /// counts only on a reader over a network stream (the line reads' test). <paramref name="block"/>: the read fills the
        /// buffer unless the stream ends (<c>ReadBlock</c>), so a whole-buffer use after it is no SOCK012 finding.
        /// </summary>
        public ApiRow ReadsChars(CountFrom count, int buffer, int? offset = null, int? size = null, bool block = false)
        {
            Read = new ReadFacet(ReadOwner.Reader, count, buffer, offset, size, minimum: null, throwOnEnd: null);
            ReadApi = new ReadApi(
                Member ?? string.Empty,
                ReadOwner.Reader,
                CountShape.Int32,
                isAsync: count != CountFrom.Result,
                countsChars: true,
                fillsUnlessEnd: block);
            return this;
        }

        /// <summary>A line read: its result is the line, <c>null</c> at end of stream (see <see cref="LineRead"/>).</summary>
        public ApiRow ReadsLine()
        {
            LineRead = new ReadApi(Member ?? string.Empty, ReadOwner.Reader, CountShape.Line);
            return this;
        }

        /// <summary>A character read: its result is the character as an <c>int</c>, -1 at end of stream (see <see cref="LineRead"/>).</summary>
        public ApiRow ReadsChar()
        {
            LineRead = new ReadApi(Member ?? string.Empty, ReadOwner.Reader, CountShape.Char);
            return this;
        }

        /// <summary>
        /// A read that throws <c>EndOfStreamException</c> at end of stream instead of returning: of a binary reader
        /// (<c>BinaryReader.ReadString()</c>, <c>ReadInt32()</c>…), or of a stream (<paramref name="owner"/>
        /// <see cref="ReadOwner.Stream"/>: <c>Stream.ReadExactly</c>); see <see cref="LineRead"/>. A loop spins only when a
        /// catch-all inside it takes the exception and goes on, or when it reads only while data waits (SOCK011).
        /// </summary>
        public ApiRow ThrowsAtEndOfStream(ReadOwner owner = ReadOwner.Reader)
        {
            LineRead = new ReadApi(Member ?? string.Empty, owner, CountShape.Throws);
            return this;
        }

        /// <summary>
        /// A byte read of a stream (<c>Stream.ReadByte()</c>): its result is the byte as an <c>int</c>, -1 at end of stream, as a
        /// character read's (see <see cref="LineRead"/>); it counts only over a network stream, as the stream's counting reads do.
        /// </summary>
        public ApiRow ReadsByte()
        {
            LineRead = new ReadApi(Member ?? string.Empty, ReadOwner.Stream, CountShape.Char);
            return this;
        }

        /// <summary>A reader's constructor that reads the stream passed at <paramref name="ordinal"/> (<see cref="ReaderOver"/>).</summary>
        public ApiRow ReadsStreamOf(int ordinal)
        {
            ReaderOver = ordinal;
            return this;
        }

        /// <summary>The constructor of a stream over the stream passed at <paramref name="ordinal"/> (<see cref="PassesThroughStream"/>).</summary>
        public ApiRow PassesThroughStreamOf(int ordinal)
        {
            PassesThroughStream = ordinal;
            return this;
        }

        public ApiRow MakesOwningStream(int? when = null)
        {
            OwnsSocket = true;
            OwnsSocketWhen = when;
            return this;
        }

        public ApiRow WrapsStream(int leaveOpen)
        {
            WrapLeaveOpen = leaveOpen;
            return this;
        }

        /// <summary>The reader or writer this constructor makes throws ObjectDisposedException on I/O after its own close (see <see cref="ThrowsAfterOwnClose"/>).</summary>
        public ApiRow ThrowsAfterClose(bool unlessLeftOpen = false)
        {
            ThrowsAfterOwnClose = true;
            UsableWhenLeftOpen = unlessLeftOpen;
            return this;
        }

        /// <summary>
        /// A write of a writer that passes its bytes on to the stream it was made over (see <see cref="WritesToStream"/>);
        /// <paramref name="always"/> when it writes something whatever its arguments (<c>WriteLine</c>: the line's end);
        /// <paramref name="heldUntilFlush"/> when the writer keeps them in a buffer unless its <see cref="SwitchesAutoFlush"/>
        /// property was set to <c>true</c> (a <c>StreamWriter</c>; a <c>BinaryWriter</c> writes at once).
        /// </summary>
        public ApiRow WritesThroughToStream(bool always = false, bool heldUntilFlush = false)
        {
            WritesToStream = true;
            WritesEvenEmpty = always;
            WritesHeldUntilFlush = heldUntilFlush;
            return this;
        }

        /// <summary>The property that, set to <c>true</c>, makes a writer pass every write on at once (<c>StreamWriter.AutoFlush</c>).</summary>
        public ApiRow FlushesEachWriteWhenTrue()
        {
            SwitchesAutoFlush = true;
            return this;
        }

        /// <summary>A flush of a writer: passes on what it holds (see <see cref="FlushesHeldWrites"/>).</summary>
        public ApiRow PassesOnHeldWrites()
        {
            FlushesHeldWrites = true;
            return this;
        }

        /// <summary>The text at <paramref name="ordinal"/> may be empty, and then the write does nothing (see <see cref="QuietWhenEmpty"/>).</summary>
        public ApiRow QuietWhenTextEmpty(int ordinal)
        {
            QuietWhenEmpty = ordinal;
            return this;
        }

        /// <summary>A network read that fills the bytes at <paramref name="ordinal"/>, from the offset at <paramref name="from"/> and at most as many as the count at <paramref name="count"/> says (each given for a <c>Begin…</c> receive, whose <c>End…</c> the flow follows to its callback).</summary>
        public ApiRow FillsBuffer(int ordinal, int? from = null, int? count = null)
        {
            Fills = ordinal;
            FillsFrom = from;
            FillsCount = count;
            return this;
        }

        /// <summary>A send of the bytes at <paramref name="ordinal"/>, from the offset at <paramref name="from"/> and as many as the count at <paramref name="count"/> says (each null: the whole buffer's).</summary>
        public ApiRow SendsBytes(int ordinal, int? from = null, int? count = null)
        {
            Sends = ordinal;
            SendsFrom = from;
            SendsCount = count;
            return this;
        }

        public ApiRow OverNetworkStreamOnly()
        {
            OnlyOverNetworkStream = true;
            return this;
        }

        public ApiRow ReturnsReceivedData()
        {
            ReturnsNetworkData = true;
            return this;
        }

        public ApiRow ConsumesBuffer(int? from = null, bool onlyChars = false)
        {
            Consumes = true;
            ConsumesFrom = from;
            ConsumesOnlyChars = onlyChars;
            return this;
        }

        public ApiRow TellsBytesAvailable()
        {
            TellsAvailable = true;
            return this;
        }

        public ApiRow HoldsNoData()
        {
            NoData = true;
            return this;
        }

        public ApiRow OnlyWaitsForTheSocket()
        {
            OnlyWaits = true;
            return this;
        }

        public ApiRow StaysTrueAfterPeerClose()
        {
            StaysTrueAfterClose = true;
            return this;
        }

        public ApiRow OnlyLooksAtBytes()
        {
            LooksOnly = true;
            return this;
        }

        public ApiRow OnlyAddsToReceiver()
        {
            AddsOnly = true;
            return this;
        }

        public ApiRow KeepsPassingElements()
        {
            Filters = true;
            return this;
        }

        public ApiRow ThrowsOnEmptyText(string exception)
        {
            RejectsEmptyText = true;
            EmptyTextException = exception;
            return this;
        }

        public ApiRow IgnoresTrailingNul()
        {
            IgnoresTrailingNuls = true;
            return this;
        }

        public ApiRow ThrowsOnZeroBytes()
        {
            RejectsZeroBytes = true;
            return this;
        }

        public ApiRow DecodesNumber()
        {
            Decodes = true;
            return this;
        }

        public ApiRow CopiesBytes(int source, int destination, int? sourceOffset = null, int? destinationOffset = null, int? count = null)
        {
            Copy = new CopyShape(source, destination, sourceOffset, destinationOffset, count);
            return this;
        }

        public ApiRow ViewsBytes(int? offset = null, bool copy = false)
        {
            View = true;
            ViewOffset = offset;
            ViewCopies = copy;
            return this;
        }

        /// <summary>A LINQ operator whose result holds its source's bytes as <paramref name="shape"/> says (see <see cref="Sequence"/>).</summary>
        public ApiRow CarriesBytes(SequenceShape shape)
        {
            Sequence = shape;
            return this;
        }

        public ApiRow WritesInChosenOrder(int buffer, int number)
        {
            OrderedWrite = new OrderedWriteFacet(buffer, number);
            return this;
        }

        public ApiRow TellsHostLittleEndian()
        {
            HostLittleEndianFlag = true;
            return this;
        }

        public ApiRow ReversesBytes()
        {
            Reversal = true;
            return this;
        }

        public ApiRow ConvertsByteOrder()
        {
            Conversion = true;
            return this;
        }

        public ApiRow WritesHostOrder(string kind, WriteTarget target, int? buffer, int number, bool littleEndianAlways = false)
        {
            HostOrderWrite = new HostOrderApi(Type, Member ?? string.Empty, kind, target, buffer, littleEndianAlways, number);
            return this;
        }

        public ApiRow ReadsHostOrder(string kind, WriteTarget target, int? buffer, bool littleEndianAlways = false)
        {
            HostOrderRead = new HostOrderApi(Type, Member ?? string.Empty, kind, target, buffer, littleEndianAlways);
            return this;
        }

        /// <summary>The parameter at <paramref name="ordinal"/> takes a number in memory order (<see cref="MemoryOrderNumber"/>).</summary>
        public ApiRow TakesMemoryOrderNumber(int ordinal)
        {
            MemoryOrderNumber = ordinal;
            return this;
        }

        public ApiRow TakesHostOrderPort(int ordinal, string display)
        {
            Port = new PortFacet(ordinal, display);
            return this;
        }

        public ApiRow MakesDatagramSocket()
        {
            DatagramSocket = true;
            return this;
        }

        /// <summary>The row as it is written in the docs: <c>Type.Member(pattern)</c>.</summary>
        public override string ToString()
            => Member is null ? Type : Type + "." + Member + (Parameters is null ? string.Empty : "(" + Parameters + ")");
    }
}
