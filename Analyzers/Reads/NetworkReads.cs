using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Common;
using SocketAnalyzers.Model;

namespace SocketAnalyzers.Reads
{
    /// <summary>What a write through a writer field reaches (<see cref="NetworkReads.WriterFieldOf"/>).</summary>
    internal enum WriterField
    {
        /// <summary>Not a field known to hold only writers over network streams.</summary>
        None,

        /// <summary>A network writer that may keep what it is given until a flush (a <c>StreamWriter</c> without <c>AutoFlush</c>).</summary>
        Holds,

        /// <summary>A network writer whose every write reaches the stream at once.</summary>
        PassesEachWrite,
    }

    /// <summary>Whose method a read is.</summary>
    internal enum ReadOwner
    {
        Socket,
        Stream,

        /// <summary>
        /// A reader over a network stream (a catalogue row's <c>ReadsStreamOf</c> constructor): a text reader (<c>StreamReader</c>),
        /// whose line reads return <c>null</c> at end of stream and whose counting reads count characters, or a
        /// <c>BinaryReader</c>, whose <c>Read(byte[], int, int)</c> and <c>Read(Span&lt;byte&gt;)</c> return the count of one read of
        /// that stream. Its counting reads are the reads family's only (<see cref="NetworkReads.TryGetRead(Microsoft.CodeAnalysis.Operations.IInvocationOperation, System.Threading.CancellationToken, Microsoft.CodeAnalysis.SemanticModel)"/>).
        /// </summary>
        Reader,
    }

    /// <summary>How the byte count comes back.</summary>
    internal enum CountShape
    {
        /// <summary>The result (or awaited result) is the count: <c>int</c>, <c>Task&lt;int&gt;</c>, <c>ValueTask&lt;int&gt;</c>.</summary>
        Int32,

        /// <summary>The awaited result is a <c>SocketReceiveFromResult</c>/<c>SocketReceiveMessageFromResult</c>; the count is its <c>ReceivedBytes</c>.</summary>
        ReceivedBytes,

        /// <summary>No count: the result (or awaited result) is a line of text, <c>null</c> at end of stream (<c>ReadLine</c>, <c>ReadLineAsync</c>).</summary>
        Line,

        /// <summary>No count: the result is one character as an <c>int</c>, -1 at end of stream (<c>TextReader.Read()</c>).</summary>
        Char,

        /// <summary>
        /// No count: the result is data (<c>BinaryReader.ReadString()</c>, <c>ReadInt32()</c>…), and at end of stream the read
        /// throws <c>EndOfStreamException</c> on every call instead of returning.
        /// </summary>
        Throws,
    }

    /// <summary>One read as the read rules see it: made from a catalogue row's read facet (<see cref="Model.ApiRow.Reads"/>).</summary>
    internal sealed class ReadApi
    {
        public ReadApi(string name, ReadOwner owner, CountShape shape = CountShape.Int32, bool datagram = false, bool apmEnd = false, bool atLeast = false, bool? isAsync = null, bool countsChars = false, bool fillsUnlessEnd = false)
        {
            Name = name;
            Owner = owner;
            Shape = shape;
            IsDatagram = datagram;
            IsApmEnd = apmEnd;
            IsAtLeast = atLeast;
            IsAsync = isAsync ?? name.EndsWith("Async", System.StringComparison.Ordinal);
            CountsChars = countsChars;
            FillsUnlessEnd = fillsUnlessEnd;
        }

        public string Name { get; }

        public ReadOwner Owner { get; }

        public CountShape Shape { get; }

        /// <summary>Reads one datagram: a 0 count is an empty message, not end of stream.</summary>
        public bool IsDatagram { get; }

        /// <summary>The <c>End…</c> half of a <c>Begin…/End…</c> pair: the buffer was given to <c>Begin…</c>.</summary>
        public bool IsApmEnd { get; }

        /// <summary><c>ReadAtLeast(Async)</c>: with <c>throwOnEndOfStream</c> (the default) it throws instead of returning 0.</summary>
        public bool IsAtLeast { get; }

        /// <summary>The task-returning form (<c>…Async</c>), whose count comes from <c>await</c>.</summary>
        public bool IsAsync { get; }

        /// <summary>
        /// The count is of characters, not bytes: a counting read of a text reader into a <c>char</c> buffer
        /// (<c>TextReader.Read(char[], int, int)</c>, <c>ReadAsync</c>, <c>ReadBlock</c>…). It is followed as a byte read is (SOCK010,
        /// SOCK011, SOCK012), over a reader that <see cref="NetworkReads.IsNetworkReader"/> accepts; only the words differ.
        /// </summary>
        public bool CountsChars { get; }

        /// <summary><c>ReadBlock(Async)</c>: the read fills its buffer unless the stream ends (a short count is end of stream), so no SOCK012.</summary>
        public bool FillsUnlessEnd { get; }

        /// <summary>What the count counts, for messages: "bytes" or "characters".</summary>
        public string Units => CountsChars ? "characters" : "bytes";

        /// <summary>A line read: its end of stream is a <c>null</c> line, not a 0 count; it has no count and fills no buffer.</summary>
        public bool IsLine => Shape == CountShape.Line;

        /// <summary>A character read (<c>TextReader.Read()</c>): its end of stream is -1, not 0; it has no count and fills no buffer.</summary>
        public bool IsChar => Shape == CountShape.Char;

        /// <summary>A read that throws at end of stream (<see cref="CountShape.Throws"/>): it has no count and fills no buffer.</summary>
        public bool IsThrowing => Shape == CountShape.Throws;
    }

    /// <summary>A network read found in code, with its parts.</summary>
    internal sealed class NetworkRead
    {
        public NetworkRead(IInvocationOperation invocation, ReadApi api, IOperation? buffer, IOperation? offset, IOperation? count, bool isZeroLength, bool throwsAtEnd)
        {
            Invocation = invocation;
            Api = api;
            Buffer = buffer;
            Offset = offset;
            Count = count;
            IsZeroLength = isZeroLength;
            ThrowsAtEnd = throwsAtEnd;
        }

        public IInvocationOperation Invocation { get; }

        public ReadApi Api { get; }

        /// <summary>The buffer argument's value (conversions included), or null (APM <c>End…</c>, buffer lists).</summary>
        public IOperation? Buffer { get; }

        /// <summary>The offset argument of an <c>(array, offset, count)</c> overload, or null.</summary>
        public IOperation? Offset { get; }

        /// <summary>The count/size argument, or null when the whole buffer is offered.</summary>
        public IOperation? Count { get; }

        /// <summary>A read of zero bytes: the "wait until data arrives" idiom, whose 0 result means nothing.</summary>
        public bool IsZeroLength { get; }

        /// <summary>
        /// <c>ReadAtLeast(Async)</c> that throws at end of stream instead of returning 0: its <c>throwOnEndOfStream</c>
        /// (the catalogue's <see cref="ReadFacet.ThrowOnEnd"/>) is not the constant <c>false</c>.
        /// </summary>
        public bool ThrowsAtEnd { get; }
    }

    /// <summary>
    /// The network reads: which calls return a byte count that the caller must use. The data is the read facet of
    /// <see cref="SocketApiCatalogue"/> (rows selected by parameter types, buffer and size by ordinal); this class
    /// finds a read's parts in code. An overload that returns no count (<c>Socket.ReceiveAsync(SocketAsyncEventArgs)</c>,
    /// which returns <c>bool</c>) has no read row.
    /// </summary>
    internal sealed class NetworkReads
    {
        private readonly KnownSymbols symbols;
        private readonly CatalogueIndex catalogue;
        private readonly NetworkFields fields;
        private readonly NetworkFields streamFields;
        private readonly NetworkFields writerFields;
        private readonly NetworkFields passingWriterFields;
        private readonly NetworkParameters parameters;
        private readonly NetworkParameters streamParameters;

        /// <summary>Socket fields whose type only ever gives them a datagram socket (<see cref="IsDatagramSocket"/>).</summary>
        private readonly NetworkFields datagramFields;

        /// <summary>Socket parameters of private helpers that every call gives a datagram socket (<see cref="IsDatagramSocket"/>).</summary>
        private readonly NetworkParameters datagramParameters;

        public NetworkReads(KnownSymbols symbols)
        {
            this.symbols = symbols;
            catalogue = symbols.Catalogue;
            // The readers' and streams' summaries take the catalogue's empty placeholders (Stream.Null) as null.
            fields = new NetworkFields((value, cancellationToken) => IsNetworkReaderValue(value, cancellationToken), catalogue);
            streamFields = new NetworkFields((value, cancellationToken) => IsStreamFieldValue(value, cancellationToken, 0), catalogue);
            writerFields = new NetworkFields((value, cancellationToken) => IsNetworkWriterValue(value, cancellationToken));
            passingWriterFields = new NetworkFields(
                (value, cancellationToken) => IsNetworkWriterValue(value, cancellationToken),
                PassesEachWriteWhenMade,
                property => catalogue.Facts(property) is { SwitchesAutoFlush: true });
            parameters = new NetworkParameters((value, cancellationToken) => IsNetworkReaderValue(value, cancellationToken)
                || value is IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field && fields.IsNetworkField(field, cancellationToken), catalogue);
            streamParameters = new NetworkParameters((value, cancellationToken) => IsNetworkStream(value, followFields: true, cancellationToken), catalogue);
            datagramFields = new NetworkFields((value, cancellationToken) => IsDatagramSocket(value, cancellationToken), anyAccessibility: true);
            datagramParameters = new NetworkParameters((value, cancellationToken) => IsDatagramSocket(value, cancellationToken));
            Helpers = new HelperReads(this);
            UnreadBuffers = new UnreadBufferFields(catalogue);
        }

        /// <summary>
        /// A value a private stream field is given that makes it a network stream (<see cref="NetworkFields"/>): a network
        /// stream without fields (<c>client.GetStream()</c>, <c>new CryptoStream(_net, …)</c>), another private stream
        /// field of this object that only ever holds one (<c>_inUse = _net;</c>), and of the two sides of a <c>??</c> or
        /// <c>?:</c> each (<c>_inUse = _encrypted ?? _net;</c>: fresh62, a game gateway that switches its reads to a
        /// <c>CryptoStream</c> once the session is encrypted; <c>null</c> allowed on one side of a <c>?:</c>), or the value of a
        /// chained assignment (<c>_read = _write = _net = stream;</c>). Fields that give each other their values in a cycle
        /// are unknown (<see cref="SymbolSummaries{TSymbol}"/>).
        /// </summary>
        private bool IsStreamFieldValue(IOperation value, CancellationToken cancellationToken, int depth)
        {
            var v = value.WalkDownConversions();
            if (depth >= 4)
            {
                return IsNetworkStream(v, followFields: false, cancellationToken);
            }

            switch (v)
            {
                case ISimpleAssignmentOperation { IsRef: false } assignment:
                    return IsStreamFieldValue(assignment.Value, cancellationToken, depth + 1);
                case ICoalesceOperation coalesce:
                    return IsStreamFieldValue(coalesce.Value, cancellationToken, depth + 1) && IsStreamFieldValue(coalesce.WhenNull, cancellationToken, depth + 1);
                case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                    var trueNull = IsNullConstant(conditional.WhenTrue.WalkDownConversions());
                    var falseNull = IsNullConstant(whenFalse.WalkDownConversions());
                    return !(trueNull && falseNull)
                        && (trueNull || IsStreamFieldValue(conditional.WhenTrue, cancellationToken, depth + 1))
                        && (falseNull || IsStreamFieldValue(whenFalse, cancellationToken, depth + 1));
                case IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field when !IsNetworkStreamType(field.Type):
                    return streamFields.IsNetworkField(field, cancellationToken);
                default:
                    return IsNetworkStream(v, followFields: false, cancellationToken);
            }
        }

        /// <summary>Private fields only their initializer and constructors assign (<see cref="UnchangedFields"/>).</summary>
        internal UnchangedFields Unchanged { get; } = new();

        private readonly System.Collections.Concurrent.ConcurrentDictionary<IFieldSymbol, IFieldSymbol?> streamSources = new(SymbolEqualityComparer.Default);

        /// <summary>
        /// The client field a private <c>readonly</c> stream field is taken from, when the two name one connection: every
        /// assignment of the stream field is <c>_client.GetStream()</c>, or <c>client.GetStream()</c> in a constructor that
        /// also assigns <c>_client = client</c>, with <c>_client</c> a private <c>readonly</c> field of the same type
        /// (fresh39 F1: a guard on <c>_client.Available</c> and a read of <c>_stream</c> are one connection's). Read from the
        /// type's syntax; null otherwise. Cached per field. A stream field that is not <c>readonly</c> counts too when every
        /// write of it gives it <c>null</c> or that client's stream (<c>_msgStream = _client.GetStream();</c> in a
        /// <c>Connect()</c>, <c>_msgStream = null;</c> in a cleanup: fresh57 F3) and the client field is <c>readonly</c> in all
        /// but name (<see cref="UnchangedFields.StreamOfClientField"/>; needs <paramref name="model"/>): it holds nothing, or
        /// the client's one stream.
        /// </summary>
        public IFieldSymbol? StreamSourceField(IFieldSymbol field, SemanticModel? model, CancellationToken cancellationToken)
        {
            if (field.DeclaredAccessibility != Accessibility.Private || !IsOrDerivesFromStream(field.Type))
            {
                return null;
            }

            if (!field.IsReadOnly)
            {
                return Unchanged.StreamOfClientField(field, model, IsGetStream, cancellationToken) is { } client && Unchanged.IsUnchanged(client, model, cancellationToken)
                    ? client
                    : null;
            }

            if (!streamSources.TryGetValue(field, out var source))
            {
                source = StreamSources.SourceOf(field, cancellationToken);
                streamSources.TryAdd(field, source);
            }

            return source;
        }

        private bool IsOrDerivesFromStream(ITypeSymbol type) => KnownSymbols.IsOrDerivesFrom(type, symbols.Stream);

        /// <summary><c>client.GetStream()</c>: the catalogue's stream of a <c>TcpClient</c>, one object for the client's life.</summary>
        private bool IsGetStream(IInvocationOperation call)
            => call.Arguments.Length == 0 && symbols.Catalogue.Facts(call.TargetMethod)?.Lifecycle(Lifecycle.SocketModelType.TcpClient) is { Operation: Lifecycle.SocketOperation.MakeStream };

        /// <summary>Private buffer fields that no code of their type looks at (<see cref="UnreadBufferFields"/>), summarised on first ask.</summary>
        internal UnreadBufferFields UnreadBuffers { get; }

        /// <summary>The helpers of a type that return what their read got (<see cref="HelperReads"/>), summarised on first call from a loop.</summary>
        internal HelperReads Helpers { get; }

        public KnownSymbols Symbols => symbols;

        /// <summary>True when <paramref name="invocation"/> is a network read that returns a byte count.</summary>
        public bool IsCountingRead(IInvocationOperation invocation, CancellationToken cancellationToken = default, SemanticModel? model = null)
            => TryGetRead(invocation, cancellationToken, model) is not null;

        /// <summary>The network read <paramref name="invocation"/> is, or null.</summary>
        /// <param name="cancellationToken">Honoured by the summary of a stream field or parameter the read is on (the only part that walks code).</param>
        /// <param name="model">
        /// The model of the body: a control-flow graph's operations carry none, and without one a read on a <c>Stream</c>
        /// field or parameter is not followed (the summaries read the file through it).
        /// </param>
        public NetworkRead? TryGetRead(IInvocationOperation invocation, CancellationToken cancellationToken = default, SemanticModel? model = null)
        {
            var method = invocation.TargetMethod;
            if (method.IsStatic || invocation.Instance is null || !catalogue.MayRead(method.Name))
            {
                return null;
            }

            // A reader's count (characters of TextReader.Read(char[], …), bytes of BinaryReader.Read(byte[], …)) is the reads
            // family's only: the other families ask about reads of a socket or stream (framing, byte order, the iterative
            // server's reads have their own text-read list), and a reader's receiver is neither.
            var facts = catalogue.Facts(method);
            return facts?.ReadApi is { Owner: ReadOwner.Reader } ? null : TryGetRead(invocation, facts, cancellationToken, model);
        }

        /// <summary>
        /// A text reader's read into a <c>char</c> buffer that takes what one read of the stream under it brought
        /// (<c>reader.Read(chars, 0, chars.Length)</c>, <c>await reader.ReadAsync(chars, …)</c>), on a reader over a network
        /// stream; not <c>ReadBlock</c>, which fills the buffer unless the stream ends. For SOCK040 (fresh102 M1: a request's
        /// JSON parsed from one <c>ReadAsync</c>), whose value flow asks only when it has already found the reader made over
        /// a network stream (a graph's operations cannot show <see cref="IsNetworkReader"/> a local's value, so the receiver
        /// is not judged here); null otherwise.
        /// </summary>
        public NetworkRead? TryGetCharRead(IInvocationOperation invocation, CancellationToken cancellationToken = default)
        {
            var method = invocation.TargetMethod;
            return method.IsStatic || invocation.Instance is null || !catalogue.MayRead(method.Name)
                || catalogue.Facts(method) is not { ReadApi: { Owner: ReadOwner.Reader, CountsChars: true, FillsUnlessEnd: false } } facts
                    ? null
                    : TryGetRead(invocation, facts, cancellationToken, judgeReceiver: false);
        }

        /// <summary>
        /// The read whose end of stream the reads family follows (SOCK011): a counting read (<see cref="TryGetRead(IInvocationOperation)"/>),
        /// or a line read (<c>ReadLine</c>, <c>ReadLineAsync</c>) or character read (<c>Read()</c>) of a text reader over a
        /// network stream (<see cref="IsNetworkReader"/>), whose end of stream is a <c>null</c> line or -1, or a byte read
        /// (<c>ReadByte()</c>) of a network stream, -1 at end of stream. Null otherwise. The
        /// other families (framing, byte order, the iterative server) ask <see cref="TryGetRead(IInvocationOperation)"/>: a
        /// line is a message with its own boundary, and neither has a byte count or a buffer.
        /// </summary>
        public NetworkRead? TryGetEndOfStreamRead(IInvocationOperation invocation, CancellationToken cancellationToken = default)
        {
            var method = invocation.TargetMethod;
            if (method.IsStatic || invocation.Instance is null || !catalogue.MayRead(method.Name) || catalogue.Facts(method) is not { } facts)
            {
                return null;
            }

            if (facts.LineRead is { } line)
            {
                var network = line.Owner == ReadOwner.Stream
                    ? IsNetworkStream(invocation.Instance, followFields: true, cancellationToken)
                    : IsNetworkReader(invocation.Instance, cancellationToken);
                return ReturnsCount(method.ReturnType, line.Shape) && network
                    ? new NetworkRead(invocation, line, null, null, null, isZeroLength: false, throwsAtEnd: line.IsThrowing)
                    : null;
            }

            return TryGetRead(invocation, facts, cancellationToken);
        }

        /// <summary>
        /// The read a helper makes (<see cref="HelperReads"/>), whatever its receiver: <paramref name="network"/> says whether
        /// the receiver is a network socket, stream or reader by what the helper shows (its type, a field or parameter
        /// summary). Unlike <see cref="TryGetEndOfStreamRead"/>, a reader field or parameter is judged though the read is in
        /// no loop: the helper is asked for only when a loop calls it. Null when the call is no read.
        /// </summary>
        internal NetworkRead? TryGetHelperRead(IInvocationOperation invocation, SemanticModel model, CancellationToken cancellationToken, out bool network)
        {
            network = false;
            var method = invocation.TargetMethod;
            if (method.IsStatic || invocation.Instance is null || !catalogue.MayRead(method.Name) || catalogue.Facts(method) is not { } facts)
            {
                return null;
            }

            if (facts.LineRead is { } line)
            {
                if (!ReturnsCount(method.ReturnType, line.Shape))
                {
                    return null;
                }

                network = line.Owner == ReadOwner.Stream
                    ? IsNetworkStream(invocation.Instance, followFields: true, cancellationToken, model)
                    : IsHelperReader(invocation.Instance, model, cancellationToken);
                return new NetworkRead(invocation, line, null, null, null, isZeroLength: false, throwsAtEnd: line.IsThrowing);
            }

            var read = TryGetRead(invocation, facts, cancellationToken, model, judgeReceiver: false);
            network = read is not null && read.Api.Owner switch
            {
                ReadOwner.Stream => IsNetworkStream(invocation.Instance, followFields: true, cancellationToken, model),
                ReadOwner.Reader => IsHelperReader(invocation.Instance, model, cancellationToken),
                _ => true,
            };
            return read;
        }

        /// <summary>A helper's reader (<see cref="TryGetHelperRead"/>): a field or parameter by its summary, though the read is in no loop.</summary>
        private bool IsHelperReader(IOperation receiver, SemanticModel model, CancellationToken cancellationToken)
            => receiver.WalkDownConversions() switch
            {
                IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field => fields.IsNetworkField(field, model, cancellationToken),
                IParameterReferenceOperation parameter => parameters.IsNetworkParameter(parameter, model, cancellationToken),
                var value => IsNetworkReaderValue(value, cancellationToken),
            };

        private NetworkRead? TryGetRead(IInvocationOperation invocation, ApiFacts? facts, CancellationToken cancellationToken = default, SemanticModel? model = null, bool judgeReceiver = true)
        {
            var method = invocation.TargetMethod;
            if (facts is not { Read: { } read, ReadApi: { } api })
            {
                return null;
            }

            if (!ReturnsCount(method.ReturnType, api.Shape))
            {
                return null;
            }

            if (judgeReceiver && api.Owner == ReadOwner.Stream && !IsNetworkStream(invocation.Instance!, followFields: true, cancellationToken, model))
            {
                return null;
            }

            if (judgeReceiver && api.Owner == ReadOwner.Reader && !IsNetworkReader(invocation.Instance!, cancellationToken, outsideLoops: true))
            {
                // A count of characters: only on a reader over a network stream, as the line and character reads.
                return null;
            }

            var buffer = CatalogueIndex.Argument(invocation, read.Buffer);
            var offset = CatalogueIndex.Argument(invocation, read.Offset);
            var count = CatalogueIndex.Argument(invocation, read.Size);
            var throwsAtEnd = api.IsAtLeast
                && CatalogueIndex.Argument(invocation, read.ThrowOnEnd) is not { ConstantValue: { HasValue: true, Value: false } };
            if (throwsAtEnd && FillsWholeBuffer(invocation, buffer, read, symbols.Framework))
            {
                // ReadAtLeast(buf, buf.Length) fills the buffer or throws: an exact read.
                return null;
            }

            return new NetworkRead(invocation, api, buffer, offset, count, IsZeroLength(buffer, count), throwsAtEnd);
        }

        /// <summary>True for <c>ReadAtLeast(buf, buf.Length)</c> (the caller has checked that it throws at end of stream).</summary>
        private static bool FillsWholeBuffer(IInvocationOperation invocation, IOperation? buffer, ReadFacet read, FrameworkMembers framework)
        {
            if (buffer is null)
            {
                return false;
            }

            var minimum = CatalogueIndex.Argument(invocation, read.Minimum)?.WalkDownConversions();

            var root = Variable(buffer.WalkDownConversions());
            return root is not null
                && minimum is IPropertyReferenceOperation { Instance: { } instance } length && (framework.IsLength(length.Property) || framework.IsSpanLength(length.Property))
                && SymbolEqualityComparer.Default.Equals(Variable(instance.WalkDownConversions()), root);

            ISymbol? Variable(IOperation value)
            {
                if (value is IInvocationOperation { Arguments.Length: 1 } view && framework.IsArrayView(view.TargetMethod))
                {
                    value = view.Arguments[0].Value.WalkDownConversions();
                }

                return value switch
                {
                    ILocalReferenceOperation l => l.Local,
                    IParameterReferenceOperation p => p.Parameter,
                    IFieldReferenceOperation f => f.Field,
                    _ => null,
                };
            }
        }

        /// <summary>True when <paramref name="type"/> is <c>byte[]</c>, <c>Span&lt;byte&gt;</c>, <c>Memory&lt;byte&gt;</c> or <c>ArraySegment&lt;byte&gt;</c>.</summary>
        public bool IsBufferType(ITypeSymbol? type)
        {
            if (type is IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_Byte })
            {
                return true;
            }

            return type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named
                && named.TypeArguments[0].SpecialType == SpecialType.System_Byte
                && symbols.Framework.IsWritableView(named);
        }

        /// <summary>True when <paramref name="type"/> is a read-only or writable span or memory of bytes.</summary>
        public bool IsSpanLike(ITypeSymbol? type)
            => type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named
                && named.TypeArguments[0].SpecialType == SpecialType.System_Byte
                && symbols.Framework.IsSpanOrSegment(named);

        /// <summary>
        /// True when <paramref name="receiver"/> is a network stream: typed <c>NetworkStream</c> or an
        /// <c>AuthenticatedStream</c> (<c>SslStream</c>, <c>NegotiateStream</c>), a <c>TcpClient.GetStream()</c> call, a
        /// <c>new NetworkStream/SslStream/NegotiateStream(…)</c>, a local that the body only ever assigns from one of them,
        /// a private field typed <c>Stream</c> that its type only ever gives one (<see cref="NetworkFields"/>), or a parameter
        /// typed <c>Stream</c> of a private helper or local function that every call gives one (<see cref="NetworkParameters"/>).
        /// A <c>Stream</c> of unknown origin is not (CA2022 covers it). The one answer every family asks (issue 13): the
        /// reads family for a read's receiver, the byte-order family for the stream under a write, a read, a copy or a
        /// <c>BinaryWriter</c>/<c>BinaryReader</c>.
        /// </summary>
        /// <param name="stream">The stream. A value whose type no network stream can have (a <c>MemoryStream</c>, a
        /// <c>byte[]</c>) is not one, and no summary is asked for it. A local is judged by the assignments of the operation
        /// tree that holds it: a caller that walks a control-flow graph (whose statements are trees of their own) resolves
        /// its locals first.</param>
        /// <param name="model">The model of the file that holds <paramref name="stream"/>, for an operation that carries none
        /// (those of a control-flow graph); without one, such a field or parameter is not followed.</param>
        /// <param name="cancellationToken">Honoured by the field's and the parameter's summaries, the only parts that walk code.</param>
        public bool IsNetworkStream(IOperation stream, SemanticModel? model, CancellationToken cancellationToken)
        {
            var value = stream.WalkDownConversions();
            if (IsNetworkStreamType(value.Type))
            {
                return true;
            }

            // Only a value typed Stream (or object) can hold a network stream, or a stream over a stream (BufferedStream,
            // CryptoStream, GZipStream…) be one, over one; the summaries are never asked for others.
            return (KnownSymbols.IsOrDerivesFrom(symbols.NetworkStream, value.Type as INamedTypeSymbol)
                    || catalogue.IsPassThroughStreamType(value.Type))
                && IsNetworkStream(value, followFields: true, cancellationToken, model);
        }

        /// <param name="receiver">The stream.</param>
        /// <param name="followFields">Whether a private field (<c>Stream</c>) may count when its type only ever gives it a network stream (<see cref="NetworkFields"/>), and a helper's parameter when every call gives it one (<see cref="NetworkParameters"/>); the fields' own summary asks without, so that fields assigned from each other do not recurse.</param>
        /// <param name="cancellationToken">Honoured by the field's and the parameter's summaries, the only parts that walk code.</param>
        /// <param name="model">The model for a field or parameter reference that carries none (<see cref="IsNetworkStream(IOperation, SemanticModel, CancellationToken)"/>).</param>
        private bool IsNetworkStream(IOperation receiver, bool followFields, CancellationToken cancellationToken, SemanticModel? model = null)
        {
            var value = receiver.WalkDownConversions();
            if (IsNetworkStreamType(value.Type))
            {
                return true;
            }

            if (followFields && value is IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field
                && streamFields.IsNetworkField(field, model, cancellationToken))
            {
                return true;
            }

            if (followFields && value is IParameterReferenceOperation parameter
                && streamParameters.IsNetworkParameter(parameter, model, cancellationToken))
            {
                return true;
            }

            if (followFields && value is IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation, Arguments.Length: 0 } property
                && (property.SemanticModel ?? model) is { } propertyModel
                && NetworkFields.GetterField(property.Property, cancellationToken) is { } backing
                && streamFields.IsNetworkField(backing, propertyModel, cancellationToken))
            {
                // public Stream Stream => _stream; over a private field given a network stream: the field's read.
                return true;
            }

            if (IsNetworkStreamSource(value))
            {
                return true;
            }

            return value is ILocalReferenceOperation local && IsNetworkStreamLocal(value, local.Local);
        }

        /// <summary>
        /// The local part of <see cref="IsNetworkStream(IOperation, SemanticModel, CancellationToken)"/>: every value the body
        /// that holds <paramref name="anywhere"/> gives <paramref name="local"/> is a network stream (by type, <c>GetStream()</c>,
        /// <c>new NetworkStream(…)</c>) or <c>null</c>, and at least one is. For a caller whose reference to the local is not in
        /// that tree (a control-flow graph's), with any operation of the body.
        /// </summary>
        public bool IsNetworkStreamLocal(IOperation anywhere, ILocalSymbol local)
            => OnlyNetworkOrNull(anywhere, local, assigned => IsNetworkStreamSource(assigned) || IsNetworkStreamType(assigned.Type));

        /// <summary>
        /// Every value the body assigns to <paramref name="local"/> is <c>null</c> or passes <paramref name="isNetwork"/>
        /// (conversions removed), and at least one passes; a local never assigned, or also written another way, is not.
        /// </summary>
        private static bool OnlyNetworkOrNull(IOperation anywhere, ILocalSymbol local, Func<IOperation, bool> isNetwork)
        {
            var network = false;
            var values = AssignedValues(anywhere, local);
            for (var i = 0; i < values.Count; i++)
            {
                var assigned = values[i].WalkDownConversions();
                if (IsNullConstant(assigned))
                {
                    continue;
                }

                if (!isNetwork(assigned))
                {
                    return false;
                }

                network = true;
            }

            return network;
        }

        /// <summary>
        /// <c>null</c> (or <c>default</c> of a reference type): a local that holds it when a read runs makes the read throw
        /// <c>NullReferenceException</c>, so it does not change what the read does when it runs (<c>StreamReader reader =
        /// null; try { reader = new StreamReader(client.GetStream()); … } finally { reader?.Close(); }</c>).
        /// </summary>
        private static bool IsNullConstant(IOperation value) => value.ConstantValue is { HasValue: true, Value: null };

        /// <summary>
        /// True when <paramref name="receiver"/> is a text reader over a network stream: a constructor the catalogue names
        /// as reading a stream (<c>new StreamReader(stream, …)</c>, <see cref="ApiFacts.ReaderOver"/>) given a network stream
        /// (<see cref="IsNetworkStream"/>), a local (of any reader type, <c>TextReader</c> included) that the body only
        /// ever assigns from one, or, read inside a loop (anywhere with <paramref name="outsideLoops"/>), a private field that its type only ever assigns one or null
        /// (<see cref="NetworkFields"/>) or a parameter of a helper that every call gives one (<see cref="NetworkParameters"/>).
        /// Any other reader parameter or field, <c>Console.In</c>, a <c>StringReader</c> or a reader of a file or of a
        /// <c>Stream</c> of unknown origin is not.
        /// </summary>
        /// <param name="receiver">The reader the read is called on.</param>
        /// <param name="cancellationToken">Cancels the summaries.</param>
        /// <param name="outsideLoops">
        /// A field, property or parameter is judged outside loops too: for a read of characters into a buffer
        /// (<c>reader.Read(chars, 0, n)</c>), whose count SOCK010 and SOCK012 follow wherever it is (fresh98 M2, a hand-written
        /// HTTP server's body read through a reader field).
        /// </param>
        public bool IsNetworkReader(IOperation receiver, CancellationToken cancellationToken = default, bool outsideLoops = false)
        {
            var value = receiver.WalkDownConversions();
            if (value is IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field)
            {
                // A line read can only matter in a loop (SOCK011 spins; no other rule looks at a line): a field's summary, and
                // the graph of a body whose field line reads are all outside loops, are not worth their cost there.
                return (outsideLoops || IsInLoop(receiver)) && fields.IsNetworkField(field, cancellationToken);
            }

            if (value is IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation, Arguments.Length: 0 } property
                && property.SemanticModel is { } model
                && NetworkFields.GetterField(property.Property, cancellationToken) is { } backing)
            {
                // A property over such a field, or an auto-property only its type sets (Reader { get; }, fresh21).
                return (outsideLoops || IsInLoop(receiver)) && fields.IsNetworkField(backing, model, cancellationToken);
            }

            if (value is IParameterReferenceOperation parameter)
            {
                // The same for a helper's parameter: what its method's calls pass (NetworkParameters).
                return (outsideLoops || IsInLoop(receiver)) && parameters.IsNetworkParameter(parameter, cancellationToken);
            }

            return IsNetworkReaderValue(value, cancellationToken);
        }

        /// <summary>
        /// True when <paramref name="value"/> (conversions removed) is a reader over a network stream that its body shows:
        /// a reader's constructor given a network stream, or a local that the body only ever assigns from one.
        /// </summary>
        public bool IsNetworkReaderValue(IOperation value, CancellationToken cancellationToken = default)
        {
            if (value is IObjectCreationOperation)
            {
                return IsReaderOverNetworkStream(value, cancellationToken);
            }

            if (value is not ILocalReferenceOperation local)
            {
                return false;
            }

            return OnlyNetworkOrNull(value, local.Local, assigned => IsReaderOverNetworkStream(assigned, cancellationToken));
        }

        /// <summary>
        /// What a write through <paramref name="reference"/> (a field of this type) reaches, when the field only ever holds a
        /// writer made over a network stream or null (<see cref="NetworkFields"/>'s rules): <see cref="WriterField.PassesEachWrite"/>
        /// when every write reaches the stream at once (a <c>BinaryWriter</c>; a <c>StreamWriter</c> made with
        /// <c>{ AutoFlush = true }</c>, or whose <c>AutoFlush</c> the type sets to <c>true</c>), <see cref="WriterField.Holds"/>
        /// when it may keep them until a flush; <see cref="WriterField.None"/> for any other field.
        /// </summary>
        public WriterField WriterFieldOf(IFieldReferenceOperation reference, SemanticModel? model, CancellationToken cancellationToken)
        {
            if (reference.Instance is not (null or IInstanceReferenceOperation) || !IsWriterType(reference.Field.Type)
                || !writerFields.IsNetworkField(reference, model, cancellationToken))
            {
                return WriterField.None;
            }

            return passingWriterFields.IsNetworkField(reference, model, cancellationToken) ? WriterField.PassesEachWrite : WriterField.Holds;
        }

        /// <summary>
        /// A writer made over a network stream (<c>new StreamWriter(client.GetStream())</c>, <c>new BinaryWriter(stream)</c>
        /// of a network stream local or field), or a local the body only ever assigns one.
        /// </summary>
        private bool IsNetworkWriterValue(IOperation value, CancellationToken cancellationToken)
        {
            if (value is IObjectCreationOperation creation)
            {
                return IsWriterType(creation.Type) && StreamOfWrapper(creation) is { } stream && IsNetworkStream(stream, followFields: true, cancellationToken);
            }

            return value is ILocalReferenceOperation local
                && OnlyNetworkOrNull(value, local.Local, assigned => assigned is IObjectCreationOperation made && IsNetworkWriterValue(made, cancellationToken));
        }

        private bool IsWriterType(ITypeSymbol? type)
            => KnownSymbols.IsOrDerivesFrom(type, symbols.TextWriter) || KnownSymbols.IsOrDerivesFrom(type, symbols.BinaryWriter);

        /// <summary>A writer made so that each write reaches its stream: not a <c>TextWriter</c> (a <c>BinaryWriter</c>), or one made with <c>{ AutoFlush = true }</c>.</summary>
        private bool PassesEachWriteWhenMade(IOperation value)
        {
            if (value is not IObjectCreationOperation creation || !KnownSymbols.IsOrDerivesFrom(creation.Type, symbols.TextWriter))
            {
                return value is IObjectCreationOperation;
            }

            if (creation.Initializer is { } initializer)
            {
                foreach (var member in initializer.Initializers)
                {
                    if (catalogue.TurnsAutoFlushOn(member))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary><c>SocketFlags.Peek</c>'s value.</summary>
        private const int PeekFlag = 0x2;

        /// <summary>
        /// A receive given <c>SocketFlags.Peek</c> in a constant flags argument: it only looks, so the bytes it counts stay
        /// queued on the socket, and a receive of at most that many takes them all (fresh41 F1: an SSH server peeks at its
        /// peer's banner, then consumes what it looked at).
        /// </summary>
        internal static bool Peeks(IInvocationOperation invocation, KnownSymbols symbols)
        {
            if (symbols.TypeNamed("System.Net.Sockets.SocketFlags") is not { } flags)
            {
                return false;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is { } parameter && SymbolEqualityComparer.Default.Equals(parameter.Type, flags)
                    && argument.Value.ConstantValue is { HasValue: true, Value: int value })
                {
                    return (value & PeekFlag) != 0;
                }
            }

            return false;
        }

        /// <summary>True when <paramref name="operation"/> lies in a loop of its own function (not one around the lambda or local function it is in).</summary>
        internal static bool IsInLoop(IOperation operation)
        {
            for (var current = operation.Parent; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case ILoopOperation:
                        return true;
                    case IAnonymousFunctionOperation:
                    case ILocalFunctionOperation:
                        return false;
                }
            }

            return false;
        }

        /// <summary>The stream a reader's constructor reads (<see cref="ApiFacts.ReaderOver"/>), or null when <paramref name="value"/> is none.</summary>
        public IOperation? StreamOfReader(IOperation value)
            => value is IObjectCreationOperation { Constructor: { } constructor } creation && catalogue.Facts(constructor) is { ReaderOver: { } ordinal }
                ? CatalogueIndex.Argument(creation.Arguments, ordinal)
                : null;

        /// <summary>
        /// The stream a reader or writer is made over (<c>new StreamReader(stream, …)</c>, <c>new StreamWriter(stream)</c>,
        /// <c>new BinaryWriter(stream)</c>: the catalogue's <c>ReadsStreamOf</c> and <c>WrapsStream</c> constructors, the
        /// latter over the stream passed first), or null. What it reads or writes is that stream's.
        /// </summary>
        public IOperation? StreamOfWrapper(IOperation value)
            => value is IObjectCreationOperation { Constructor: { } constructor } creation && catalogue.Facts(constructor) is { } facts
                ? CatalogueIndex.Argument(creation.Arguments, facts.ReaderOver ?? (facts.WrapLeaveOpen is null ? null : 0))
                : null;

        private bool IsReaderOverNetworkStream(IOperation value, CancellationToken cancellationToken)
            => StreamOfReader(value) is { } stream && IsNetworkStream(stream, followFields: true, cancellationToken);

        /// <summary>
        /// True when the read's socket is certainly or possibly a datagram socket: <c>UdpClient.Client</c>, or a local that
        /// the body assigns from one or from <c>new Socket(…, SocketType.Dgram, …)</c>, a field every assignment gives one, or
        /// a private helper's parameter every call gives one. A socket whose kind the code does not show counts as a stream socket.
        /// </summary>
        public bool IsDatagramSocket(IOperation receiver, CancellationToken cancellationToken = default)
        {
            var value = receiver.WalkDownConversions();
            if (IsDatagramSource(value))
            {
                return true;
            }

            if (value is IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field && KnownSymbols.IsOrDerivesFrom(field.Type, symbols.Socket))
            {
                // A field every assignment of its type gives a new datagram socket (fresh17 FALSE 1: a UDP server's
                // public static Socket sock = new Socket(…, SocketType.Dgram, ProtocolType.Udp);).
                return datagramFields.IsNetworkField(field, cancellationToken);
            }

            if (value is IParameterReferenceOperation { SemanticModel: { } model } parameter && KnownSymbols.IsOrDerivesFrom(parameter.Type, symbols.Socket))
            {
                // A private helper's socket that every call of it in the file gives a datagram socket (fresh42 F1: an SSDP
                // client's receive loop, handed the UDP socket its caller made).
                return datagramParameters.IsNetworkParameter(parameter, model, cancellationToken);
            }

            if (value is IInvocationOperation { Arguments.Length: 0 } factory && FactoryResult(factory, cancellationToken) is { } made)
            {
                // _socket = Create(); with static Socket Create() => new Socket(…, SocketType.Dgram, …); (fresh18 FALSE 1).
                return IsDatagramSource(made);
            }

            if (value is ILocalReferenceOperation local)
            {
                var values = AssignedValues(value, local.Local);
                for (var i = 0; i < values.Count; i++)
                {
                    if (IsDatagramSource(values[i].WalkDownConversions()))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// What a method of the same file without parameters returns when its whole body is that one value
        /// (<c>static Socket Create() =&gt; new Socket(…);</c>, or a block of one <c>return</c>), bound in the call's model; null
        /// otherwise.
        /// </summary>
        private static IOperation? FactoryResult(IInvocationOperation call, CancellationToken cancellationToken)
        {
            if (call.SemanticModel is not { } model || call.TargetMethod is not { Parameters.Length: 0, IsVirtual: false, IsAbstract: false, IsOverride: false } method
                || method.DeclaringSyntaxReferences.Length != 1 || method.DeclaringSyntaxReferences[0].SyntaxTree != model.SyntaxTree
                || SocketAnalyzers.Common.OperationExtensions.ReturnedExpressionOf(method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken)) is not { } returned)
            {
                return null;
            }

            return model.GetOperation(returned, cancellationToken)?.WalkDownConversions();
        }

        private bool IsDatagramSource(IOperation value)
        {
            switch (value)
            {
                case IPropertyReferenceOperation property:
                    return catalogue.Facts(property.Property) is { DatagramSocket: true };
                case IObjectCreationOperation creation when KnownSymbols.IsOrDerivesFrom(creation.Type, symbols.Socket):
                    foreach (var argument in creation.Arguments)
                    {
                        if (argument.Value.WalkDownConversions() is IFieldReferenceOperation field && catalogue.Facts(field.Field) is { DatagramSocket: true })
                        {
                            return true;
                        }
                    }

                    return false;
                default:
                    return false;
            }
        }

        private bool IsNetworkStreamType(ITypeSymbol? type) => catalogue.IsStreamOverSocketType(type);

        private bool IsNetworkStreamSource(IOperation value) => IsNetworkStreamSource(value, 0);

        /// <param name="value">The value.</param>
        /// <param name="depth">How many buffering streams are around <paramref name="value"/>: a buffer over a buffer over a
        /// network stream is one too, and the bound stops a chain the code could not have written.</param>
        private bool IsNetworkStreamSource(IOperation value, int depth)
        {
            switch (value)
            {
                case IInvocationOperation call:
                    return catalogue.Facts(call.TargetMethod) is { StreamOverSocket: true } || IsNetworkStreamType(call.TargetMethod.ReturnType);
                case IObjectCreationOperation creation:
                    if (IsNetworkStreamType(creation.Type))
                    {
                        return true;
                    }

                    // new BufferedStream(client.GetStream()), new CryptoStream(stream, decryptor, CryptoStreamMode.Read): its
                    // reads return part of what was asked and 0 at the end, as the stream's do, and its writes reach it. The
                    // stream under it counts when its type, or the value itself, says network; a local holding it does not
                    // (a local's values are judged by the assignments that hold this very creation).
                    return depth < 4
                        && creation.Constructor is { } constructor
                        && catalogue.Facts(constructor) is { PassesThroughStream: int ordinal }
                        && CatalogueIndex.Argument(creation.Arguments, ordinal) is { } inner
                        && (IsNetworkStreamType(inner.WalkDownConversions().Type) || IsNetworkStreamSource(inner.WalkDownConversions(), depth + 1));
                default:
                    return false;
            }
        }

        /// <summary>
        /// The values assigned to <paramref name="local"/> in the body that contains <paramref name="anywhere"/>
        /// (initializers and simple assignments); empty when the local is also written in another way (ref, out,
        /// deconstruction) so that its origin is unknown. The index's own list, not a copy: every caller only reads it.
        /// </summary>
        public static IReadOnlyList<IOperation> AssignedValues(IOperation anywhere, ILocalSymbol local)
        {
            // One index per body, shared by every read of it (asking per read rescanned the whole body each time), built from
            // the body's shared walk: keyed by the driver's block, not by the root around it, which was a second walk.
            var index = BodyOperations.Of(BodyOperations.BlockOf(anywhere.Root()), System.Threading.CancellationToken.None).Shared(BodySlot.LocalAssignments, IndexAssignments);
            return index.TryGetValue(local, out var values) && values is not null ? values : System.Array.Empty<IOperation>();
        }

        private static readonly System.Func<BodyOperations, Dictionary<ILocalSymbol, List<IOperation>?>> IndexAssignments = Index;

        /// <summary>
        /// Per local of the body: its assigned values, or null when it is also written another way. In the order of the
        /// body's shared walk (<see cref="BodyOperations"/>), which no caller depends on (each asks whether any, all or
        /// exactly one value is of a kind).
        /// </summary>
        private static Dictionary<ILocalSymbol, List<IOperation>?> Index(BodyOperations operations)
        {
            var index = new Dictionary<ILocalSymbol, List<IOperation>?>(SymbolComparer.Instance);
            for (var i = 0; i < operations.Count; i++)
            {
                if (operations.Kind(i) is not (OperationKind.VariableDeclarator or OperationKind.SimpleAssignment or OperationKind.LocalReference))
                {
                    continue;
                }

                var op = operations[i];
                switch (op)
                {
                    case IVariableDeclaratorOperation declarator:
                        var init = declarator.Initializer ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer;
                        if (init is not null)
                        {
                            Add(declarator.Symbol, init.Value);
                        }

                        break;
                    case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment:
                        Add(target.Local, assignment.Value);
                        break;
                    case ILocalReferenceOperation reference when IsOtherWrite(reference):
                        index[reference.Local] = null;
                        break;
                }
            }

            return index;

            void Add(ILocalSymbol local, IOperation value)
            {
                if (!index.TryGetValue(local, out var values))
                {
                    index[local] = values = new List<IOperation>();
                }

                values?.Add(value);
            }
        }

        private static bool IsOtherWrite(ILocalReferenceOperation reference)
        {
            var parent = reference.Parent;
            return parent switch
            {
                IArgumentOperation argument => argument.Parameter?.RefKind is RefKind.Ref or RefKind.Out,
                ICompoundAssignmentOperation compound => compound.Target == reference,
                IDeconstructionAssignmentOperation => true,
                ITupleOperation => parent.Parent is IDeconstructionAssignmentOperation,
                _ => false,
            };
        }

        /// <summary>
        /// <paramref name="end"/> is the <c>End…</c> of its callback's own <c>IAsyncResult</c>, and every <c>Begin…</c> of the
        /// type naming the callback (one at least, all in this file) asks for no byte (<c>BeginReceive(new byte[] { 0 }, 0, 0,
        /// …, OnReadable, null)</c>, a wait until data comes; fresh88 F1): its count is always 0, as a zero-length read's.
        /// </summary>
        internal bool EndsOnlyEmptyReceives(IInvocationOperation end, SemanticModel model, CancellationToken cancellationToken)
        {
            if (end.Arguments.Length != 1
                || end.Arguments[0].Value.WalkDownConversions() is not IParameterReferenceOperation { Parameter.ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Ordinary } callback })
            {
                return false;
            }

            var begins = UnreadBuffers.BeginsNaming(callback, model, cancellationToken);
            foreach (var begin in begins)
            {
                if (symbols.Catalogue.Facts(begin.TargetMethod) is not { Fills: int buffer } facts
                    || !IsZeroLength(CatalogueIndex.Argument(begin, buffer), CatalogueIndex.Argument(begin, facts.FillsCount)))
                {
                    return false;
                }
            }

            return !begins.IsEmpty;
        }

        /// <summary>A read given this buffer and count asks for no byte: a constant 0 count, or an empty array or view.</summary>
        internal bool IsZeroLength(IOperation? buffer, IOperation? count)
        {
            if (count is not null && count.ConstantValue is { HasValue: true, Value: 0 })
            {
                return true;
            }

            if (buffer is null)
            {
                return false;
            }

            var value = buffer.WalkDownConversions();
            switch (value)
            {
                case IInvocationOperation call when symbols.Framework.IsArrayEmpty(call.TargetMethod):
                    return true;
                case IArrayCreationOperation { DimensionSizes.Length: 1 } creation:
                    return creation.DimensionSizes[0].ConstantValue is { HasValue: true, Value: 0 };
                case IPropertyReferenceOperation property:
                    return symbols.Framework.IsEmptyView(property.Property) && IsSpanLike(property.Type);
                case IFieldReferenceOperation field:
                    return symbols.Framework.IsEmptyView(field.Field) && IsSpanLike(field.Type);
                case IDefaultValueOperation:
                    return true;
                case ILiteralOperation { ConstantValue: { HasValue: true, Value: null } }:
                    return false;
                default:
                    return false;
            }
        }

        /// <summary>
        /// <paramref name="type"/> is what a read of <paramref name="shape"/> returns: its count, line or character (also as an
        /// awaited task's result), a receive-from result, or, for a read that throws at end of stream, any value at all.
        /// </summary>
        private bool ReturnsCount(ITypeSymbol type, CountShape shape)
        {
            if (shape == CountShape.Throws)
            {
                // BinaryReader.ReadString(): the value read, returned at once; Stream.ReadExactly(…): nothing, or a task.
                return true;
            }

            if (shape == CountShape.Line && type.SpecialType == SpecialType.System_String)
            {
                return true;
            }

            if (shape is CountShape.Int32 or CountShape.Char && type.SpecialType == SpecialType.System_Int32)
            {
                return true;
            }

            if (!symbols.Framework.IsTaskOfResult(type) || type is not INamedTypeSymbol named)
            {
                return false;
            }

            var result = named.TypeArguments[0];
            return shape switch
            {
                CountShape.Int32 => result.SpecialType == SpecialType.System_Int32,
                CountShape.Line => result.SpecialType == SpecialType.System_String,
                _ => symbols.Framework.IsReceiveFromResult(result),
            };
        }
    }
}
