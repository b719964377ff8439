using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Common;
using SocketAnalyzers.Model;
using SocketAnalyzers.Reads;

namespace SocketAnalyzers.ByteOrder
{
    /// <summary>How data moves between two places in a call: from the parameter at ordinal <see cref="Source"/> to the
    /// one at <see cref="Destination"/>; <see cref="ByteOrderTables.Instance"/> (-1) names the instance. The optional
    /// ordinals name the parameters that say where in the source the copied bytes start, where in the destination they
    /// go, and how many there are (null: the whole source, at the destination's start).</summary>
    internal readonly struct CopyShape
    {
        public CopyShape(int source, int destination, int? sourceOffset = null, int? destinationOffset = null, int? count = null)
        {
            Source = source;
            Destination = destination;
            SourceOffset = sourceOffset;
            DestinationOffset = destinationOffset;
            Count = count;
        }

        public int Source { get; }

        public int Destination { get; }

        /// <summary>The ordinal of the index in the source where the copy starts (<c>srcOffset</c>, <c>sourceIndex</c>, <c>offset</c>), or null.</summary>
        public int? SourceOffset { get; }

        /// <summary>The ordinal of the index in the destination where the bytes go (<c>dstOffset</c>, <c>destinationIndex</c>, <c>index</c>), or null.</summary>
        public int? DestinationOffset { get; }

        /// <summary>The ordinal of the number of elements copied (<c>count</c>, <c>length</c>), or null.</summary>
        public int? Count { get; }
    }

    /// <summary>
    /// What a LINQ operator over bytes (<c>System.Linq.Enumerable</c>, catalogue rows <c>CarriesBytes</c>) gives of the bytes
    /// of its source, the first parameter: the same bytes in the same order, with one element more, after a start, the
    /// first n, followed by the bytes of the second parameter, or reversed. Operators that change values or order in any
    /// other way (<c>Select</c>, <c>Where</c>, <c>OrderBy</c>, <c>Distinct</c>…) have no row: their result is unknown.
    /// </summary>
    internal enum SequenceShape
    {
        /// <summary>The source's bytes, in order (<c>ToArray</c>, <c>ToList</c>, <c>AsEnumerable</c>).</summary>
        Same,

        /// <summary>The source's bytes, then one element (<c>Append</c>).</summary>
        AppendsOne,

        /// <summary>One element, then the source's bytes (<c>Prepend</c>).</summary>
        PrependsOne,

        /// <summary>The source's bytes, then the second parameter's (<c>Concat</c>).</summary>
        Concatenates,

        /// <summary>The source's bytes from the start its second parameter gives (<c>Skip</c>): a slice, followed as slices are.</summary>
        Skips,

        /// <summary>The source's first bytes, as many as its second parameter gives (<c>Take</c>): a slice from the start.</summary>
        Takes,

        /// <summary>The source's bytes in the reverse order (<c>Reverse</c>): the manual byte swap, a deliberate order like <c>Array.Reverse</c>.</summary>
        Reverses,
    }

    /// <summary>A write whose byte order the code chose (<c>BinaryPrimitives.(Try)Write…BigEndian/LittleEndian</c>):
    /// the number at <see cref="NumberOrdinal"/> is written into the byte span at <see cref="BufferOrdinal"/>.</summary>
    internal sealed class OrderedWriteFacet
    {
        public OrderedWriteFacet(int bufferOrdinal, int numberOrdinal)
        {
            BufferOrdinal = bufferOrdinal;
            NumberOrdinal = numberOrdinal;
        }

        public int BufferOrdinal { get; }

        public int NumberOrdinal { get; }
    }

    /// <summary>Where a host-order write puts its bytes.</summary>
    internal enum WriteTarget
    {
        /// <summary>The call returns them (<c>BitConverter.GetBytes</c>).</summary>
        Result,

        /// <summary>Into the argument at <see cref="HostOrderApi.BufferOrdinal"/>.</summary>
        Argument,

        /// <summary>Into the stream under the <c>BinaryWriter</c> (or, for a read, from the stream under the <c>BinaryReader</c>).</summary>
        Stream,
    }

    /// <summary>One API that writes or reads a number in an order other than network order.</summary>
    internal sealed class HostOrderApi
    {
        public HostOrderApi(string type, string methods, string kind, WriteTarget target, int? bufferOrdinal, bool littleEndianAlways, int? numberOrdinal = null)
        {
            NumberOrdinal = numberOrdinal;
            Type = type;
            Methods = ImmutableHashSet.Create(methods.Split('|'));
            Kind = kind;
            Target = target;
            BufferOrdinal = bufferOrdinal;
            LittleEndianAlways = littleEndianAlways;
        }

        /// <summary>The containing type's metadata name.</summary>
        public string Type { get; }

        /// <summary>The method names.</summary>
        public ImmutableHashSet<string> Methods { get; }

        /// <summary>Names the shape for the code fix (diagnostic property <c>Kind</c>).</summary>
        public string Kind { get; }

        public WriteTarget Target { get; }

        /// <summary>The ordinal of the parameter that holds the bytes written to or read from.</summary>
        public int? BufferOrdinal { get; }

        /// <summary>For a write: the ordinal of the parameter that holds the number (null for generic writes, whose type argument is the number).</summary>
        public int? NumberOrdinal { get; }

        /// <summary>True for <c>BinaryWriter</c>/<c>BinaryReader</c>, which are little-endian on every CPU (and
        /// treat <c>char</c> as text, not as a number).</summary>
        public bool LittleEndianAlways { get; }
    }

    /// <summary>
    /// The byte-order helpers of the rules. The API data (host-order writes and reads, sends, copies, views, reversals,
    /// conversions, host-order ports, network reads) is in <see cref="SocketApiCatalogue"/>; the rules
    /// (<see cref="SOCK020HostOrderWriteAnalyzer"/>, <see cref="SOCK021HostOrderReadAnalyzer"/>,
    /// <see cref="SOCK022PortConvertedTwiceAnalyzer"/>) and the data flow (<see cref="ByteOrderFlow"/>, and <see cref="ByteFlow"/> for the field tracker) consult it through
    /// <see cref="ByteOrderSymbols"/>.
    /// </summary>
    internal static class ByteOrderTables
    {
        /// <summary>The instance, as an ordinal, in <see cref="CopyShape"/>.</summary>
        public const int Instance = SocketApiCatalogue.Instance;

        /// <summary>The number types whose host-order bytes differ from network order, by <see cref="SpecialType"/>.</summary>
        public static readonly ImmutableDictionary<SpecialType, string> MultiByteSpecialTypes = new Dictionary<SpecialType, string>
        {
            [SpecialType.System_Int16] = "Int16",
            [SpecialType.System_UInt16] = "UInt16",
            [SpecialType.System_Int32] = "Int32",
            [SpecialType.System_UInt32] = "UInt32",
            [SpecialType.System_Int64] = "Int64",
            [SpecialType.System_UInt64] = "UInt64",
            [SpecialType.System_Single] = "Single",
            [SpecialType.System_Double] = "Double",
            [SpecialType.System_Char] = "Char",
        }.ToImmutableDictionary();

        /// <summary>Multi-byte number types of namespace <c>System</c> that are not special types, by metadata name.</summary>
        public static readonly ImmutableHashSet<string> MultiByteOtherTypes = ImmutableHashSet.Create("Half", "Int128", "UInt128");

        /// <summary>The BinaryPrimitives/Type name (<c>Int32</c>, …) of a multi-byte number type, or null.</summary>
        public static string? MultiByteName(ITypeSymbol? type)
        {
            if (type is null)
            {
                return null;
            }

            if (MultiByteSpecialTypes.TryGetValue(type.SpecialType, out var name))
            {
                return name;
            }

            return type is INamedTypeSymbol { Arity: 0, ContainingType: null, ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } named
                && MultiByteOtherTypes.Contains(named.MetadataName)
                    ? named.MetadataName
                    : null;
        }

        /// <summary>How a number type is named in messages: the C# keyword where there is one.</summary>
        public static string KeywordOf(string typeName) => typeName switch
        {
            "Int16" => "short",
            "UInt16" => "ushort",
            "Int32" => "int",
            "UInt32" => "uint",
            "Int64" => "long",
            "UInt64" => "ulong",
            "Single" => "float",
            "Double" => "double",
            "Char" => "char",
            _ => typeName,
        };
    }

    /// <summary>What a catalogued call does to bytes, for the cross-method summaries (<see cref="ByteOrderSymbols.RoleInSummary"/>).</summary>
    internal enum SummaryRole
    {
        /// <summary>No catalogue row: a method of the compilation, or unknown code.</summary>
        Uncatalogued,

        /// <summary>The byte flow's own business (host-order writes and reads, conversions, views, received data).</summary>
        None,

        Send,

        StreamWrite,

        Copy,

        Reversal,

        OrderedWrite,

        ReceiveIntoBuffer,

        StreamReadIntoBuffer,

        /// <summary>Another catalogued member (a socket call, a counting read).</summary>
        Other,
    }

    /// <summary>Tells whether a stream operation is certainly a network stream (what a local holds in one body, then <see cref="NetworkReads.IsNetworkStream(IOperation, SemanticModel, System.Threading.CancellationToken)"/>).</summary>
    internal interface INetworkStreamTest
    {
        bool IsNetworkStream(IOperation stream, System.Threading.CancellationToken cancellationToken);
    }

    /// <summary>The byte-order questions the rules ask, answered from the catalogue resolved once per compilation (<see cref="KnownSymbols.Catalogue"/>).</summary>
    internal sealed class ByteOrderSymbols
    {
        private readonly CatalogueIndex catalogue;
        private readonly IMethodSymbol? arrayEmpty;
        private readonly IMethodSymbol? arrayResize;

        public ByteOrderSymbols(KnownSymbols known)
        {
            Known = known;
            catalogue = known.Catalogue;
            var compilation = known.Compilation;
            MemoryStream = known.Types.Get("System.IO.MemoryStream");
            foreach (var member in compilation.GetSpecialType(SpecialType.System_Array).GetMembers(nameof(System.Array.Empty)))
            {
                if (member is IMethodSymbol { IsStatic: true, Parameters.Length: 0, Arity: 1 } empty)
                {
                    arrayEmpty = empty;
                }
            }

            foreach (var member in compilation.GetSpecialType(SpecialType.System_Array).GetMembers(nameof(System.Array.Resize)))
            {
                if (member is IMethodSymbol { IsStatic: true, Parameters.Length: 2, Arity: 1 } resize && resize.Parameters[0].RefKind == RefKind.Ref)
                {
                    arrayResize = resize;
                }
            }
        }

        public KnownSymbols Known { get; }

        /// <summary>
        /// <paramref name="read"/>'s number goes straight (through conversions) to a parameter that takes it in memory order
        /// (<see cref="ApiRow.MemoryOrderNumber"/>: <c>new IPAddress(BitConverter.ToUInt32(header, 12))</c>, fresh64): the bytes
        /// read in the host's order are right there on any CPU.
        /// </summary>
        public bool GoesToMemoryOrderParameter(IOperation read)
            => read.WalkUpConversions(out _) is IArgumentOperation { Parameter: { } parameter, Parent: { } call }
                && catalogue.Facts(call) is { MemoryOrderNumber: int ordinal }
                && parameter.Ordinal == ordinal;

        /// <summary><c>System.IO.BinaryWriter</c>, as <see cref="KnownSymbols"/> resolved it for the compilation.</summary>
        public INamedTypeSymbol? BinaryWriter => Known.BinaryWriter;

        public INamedTypeSymbol? MemoryStream { get; }

        private readonly System.Collections.Concurrent.ConcurrentDictionary<(IMethodSymbol Method, int Ordinal), bool> reversingParameters = new();

        /// <summary>
        /// True when <paramref name="method"/>, a method of the project, may reverse or rewrite in place the bytes given as
        /// its parameter <paramref name="ordinal"/> (<see cref="CalleeReversals"/>; once per method and parameter).
        /// </summary>
        public bool MayReverseParameter(IMethodSymbol method, int ordinal, System.Threading.CancellationToken cancellationToken)
        {
            var key = ((method.PartialImplementationPart ?? method).OriginalDefinition, ordinal);
            if (!reversingParameters.TryGetValue(key, out var reverses))
            {
                reverses = CalleeReversals.MayReverseParameter(method, ordinal, cancellationToken);
                reversingParameters.TryAdd(key, reverses);
            }

            return reverses;
        }

        /// <summary>
        /// True when <paramref name="method"/> is <c>Array.Resize&lt;T&gt;(ref array, size)</c> (resolved once per compilation):
        /// the array it gives the variable holds the old one's bytes at the same places.
        /// </summary>
        public bool IsArrayResize(IMethodSymbol method) => SymbolEqualityComparer.Default.Equals(method.OriginalDefinition, arrayResize);

        /// <summary>True when <paramref name="method"/> is <c>Array.Empty&lt;T&gt;()</c> (resolved once per compilation).</summary>
        public bool IsArrayEmpty(IMethodSymbol method) => SymbolEqualityComparer.Default.Equals(method.OriginalDefinition, arrayEmpty);

        /// <summary>
        /// What <paramref name="method"/> does to bytes that the cross-method summaries pass on (<see cref="ByteScope"/>),
        /// from the catalogue's <paramref name="facts"/> about it (<see cref="FactsOf"/>; null when it has no row).
        /// </summary>
        public static SummaryRole RoleInSummary(IMethodSymbol method, ApiFacts? facts)
        {
            if (facts is null || facts.Filters)
            {
                // A filter (Where) keeps some of the bytes, which the summaries cannot tell: as unknown code.
                return SummaryRole.Uncatalogued;
            }

            if (facts.HostOrderWrite is not null || facts.HostOrderRead is not null || facts.Conversion || facts.ReturnsNetworkData
                || (facts.View && method.MethodKind != MethodKind.Constructor) || facts.Sequence is not null)
            {
                return SummaryRole.None;
            }

            if (facts.Sends is not null)
            {
                return facts.SendsOnlyOverNetworkStream ? SummaryRole.StreamWrite : SummaryRole.Send;
            }

            if (facts.Copy is not null)
            {
                return SummaryRole.Copy;
            }

            if (facts.Reversal)
            {
                return SummaryRole.Reversal;
            }

            if (facts.OrderedWrite is not null)
            {
                return SummaryRole.OrderedWrite;
            }

            if (facts.Fills is not null)
            {
                return facts.FillsOnlyOverNetworkStream ? SummaryRole.StreamReadIntoBuffer : SummaryRole.ReceiveIntoBuffer;
            }

            return SummaryRole.Other;
        }

        /// <summary>The catalogue's facts about <paramref name="method"/> (or the member it overrides), or null: one lookup.</summary>
        public ApiFacts? FactsOf(IMethodSymbol method) => catalogue.Facts(method);

        /// <summary>False when no byte-order row of the catalogue has a member so named (<see cref="CatalogueIndex.MayBeByteOrderApi"/>).</summary>
        public bool MayBeByteOrderApi(string name) => catalogue.MayBeByteOrderApi(name);

        /// <summary>The stream argument of <paramref name="creation"/> when it creates a <c>BinaryWriter</c> or reader over a
        /// stream (its first parameter is a <c>Stream</c>), or null.</summary>
        public IOperation? StreamUnder(IOperation creation)
            => creation is IObjectCreationOperation { Arguments.Length: > 0 } created
                && KnownSymbols.IsOrDerivesFrom(created.Arguments[0].Parameter?.Type, Known.Stream)
                ? created.Arguments[0].Value
                : null;

        /// <summary>
        /// True for a type that can hold bytes across methods: <c>byte[]</c>, a span, memory, segment, list or sequence of
        /// bytes, a stream, a <c>BinaryWriter</c>.
        /// </summary>
        public bool IsByteHolder(ITypeSymbol? type)
        {
            switch (type)
            {
                case IArrayTypeSymbol array:
                    return array.ElementType.SpecialType == SpecialType.System_Byte;
                case INamedTypeSymbol named:
                    // Asked of nearly every operation's type in every body (ByteScope.Root): the answer is kept per type, since
                    // a generic type's arguments and a class's bases cost an allocation and a walk each time.
                    return byteHolders.TryGetValue(named, out var known) ? known : byteHolders.GetOrAdd(named, IsNamedByteHolder(named));
                default:
                    return false;
            }
        }

        /// <summary>By symbol equality, not by reference: an operation's type in nullable-aware code is a new object each time.</summary>
        private readonly System.Collections.Concurrent.ConcurrentDictionary<ISymbol, bool> byteHolders = new(SymbolComparer.Instance);

        private bool IsNamedByteHolder(INamedTypeSymbol named)
        {
            if (named.IsGenericType)
            {
                return named.TypeArguments.Length == 1 && named.TypeArguments[0].SpecialType == SpecialType.System_Byte;
            }

            return named is { SpecialType: SpecialType.None, IsReferenceType: true }
                && (KnownSymbols.IsOrDerivesFrom(named, Known.Stream) || KnownSymbols.IsOrDerivesFrom(named, BinaryWriter));
        }

        /// <summary>The SOCK020 source <paramref name="method"/> is, or null.</summary>
        public HostOrderApi? HostOrderWrite(IMethodSymbol method)
            => catalogue.Facts(method)?.HostOrderWrite is { } api && !(api.LittleEndianAlways && MayBeOverriddenInSource(method)) ? api : null;

        /// <summary>The SOCK021 source <paramref name="method"/> is, or null.</summary>
        public HostOrderApi? HostOrderRead(IMethodSymbol method)
            => catalogue.Facts(method)?.HostOrderRead is { } api && !(api.LittleEndianAlways && MayBeOverriddenInSource(method)) ? api : null;

        /// <summary>
        /// A <c>BinaryWriter</c> or <c>BinaryReader</c> member that a class of the project overrides: the call is the override
        /// (<c>writer.Write(value)</c> on a <c>BigEndianWriter</c> local), or may reach it at run time (a <c>BinaryWriter</c>
        /// field given <c>new BigEndianBinaryWriter(stream)</c>, fresh56's VNC client, whose overrides reverse the bytes). What
        /// the override writes or reads is its own business: not the framework's little-endian order.
        /// </summary>
        private bool MayBeOverriddenInSource(IMethodSymbol method)
        {
            var original = method.OriginalDefinition;
            if (original.DeclaringSyntaxReferences.Length > 0)
            {
                return true;
            }

            var overridden = sourceOverrides;
            if (overridden is null)
            {
                overridden = SourceOverrides();
                System.Threading.Interlocked.CompareExchange(ref sourceOverrides, overridden, null);
            }

            return overridden.Contains(original);
        }

        private ImmutableHashSet<IMethodSymbol>? sourceOverrides;

        /// <summary>
        /// The framework methods that a class of the compilation overrides, in classes derived from <c>BinaryWriter</c> or
        /// <c>BinaryReader</c>: read once per compilation, from the declarations (no body is bound), the first time a
        /// little-endian write or read is asked about.
        /// </summary>
        private ImmutableHashSet<IMethodSymbol> SourceOverrides()
        {
            var reader = Known.BinaryReader;
            var builder = ImmutableHashSet.CreateBuilder<IMethodSymbol>(SymbolEqualityComparer.Default);
            foreach (var symbol in Known.Compilation.GetSymbolsWithName(static _ => true, SymbolFilter.Type))
            {
                if (symbol is not INamedTypeSymbol { TypeKind: TypeKind.Class } type
                    || !(KnownSymbols.IsOrDerivesFrom(type, BinaryWriter) || KnownSymbols.IsOrDerivesFrom(type, reader)))
                {
                    continue;
                }

                foreach (var member in type.GetMembers())
                {
                    for (var m = (member as IMethodSymbol)?.OverriddenMethod; m is not null; m = m.OverriddenMethod)
                    {
                        builder.Add(m.OriginalDefinition);
                    }
                }
            }

            return builder.ToImmutable();
        }

        /// <summary>True when <paramref name="method"/> sends bytes to the network whatever its receiver (a socket or <c>UdpClient</c> send).</summary>
        public bool IsSend(IMethodSymbol method) => catalogue.Facts(method) is { Sends: not null, SendsOnlyOverNetworkStream: false };

        /// <summary>True when <paramref name="method"/> is a stream write (a send when the stream is a network stream).</summary>
        public bool IsStreamWrite(IMethodSymbol method) => catalogue.Facts(method) is { Sends: not null, SendsOnlyOverNetworkStream: true };

        /// <summary>
        /// The ordinals of the offset and the count of what <paramref name="method"/> sends (<see cref="ApiRow.SendsFrom"/>,
        /// <see cref="ApiRow.SendsCount"/>; each null when the overload has none: from the first byte, to the end).
        /// </summary>
        public (int? From, int? Count) SendRange(IMethodSymbol method)
            => catalogue.Facts(method) is { Sends: not null } facts ? (facts.SendsFrom, facts.SendsCount) : (null, null);

        /// <summary>True when the parameter at <paramref name="ordinal"/> of <paramref name="method"/> carries the bytes it sends or writes.</summary>
        public bool IsSendData(IMethodSymbol method, int ordinal) => catalogue.Facts(method)?.Sends == ordinal;

        /// <summary>True when <paramref name="method"/> is a stream read into a buffer.</summary>
        public bool IsStreamReadIntoBuffer(IMethodSymbol method) => catalogue.Facts(method) is { Fills: not null, FillsOnlyOverNetworkStream: true };

        /// <summary>
        /// The buffer a network read fills, or null when <paramref name="invocation"/> is not a network read into a buffer:
        /// a socket receive, a counting read (<paramref name="reads"/>), or a stream read whose stream
        /// <paramref name="streams"/> knows to be a network stream.
        /// </summary>
        public IOperation? ReceiveBuffer(IInvocationOperation invocation, NetworkReads reads, INetworkStreamTest streams, System.Threading.CancellationToken cancellationToken = default, SemanticModel? model = null)
        {
            var method = invocation.TargetMethod;
            var isRead = IsReceiveIntoBuffer(method)
                || reads.IsCountingRead(invocation, cancellationToken, model)
                || (IsStreamReadIntoBuffer(method) && invocation.Instance is { } stream && streams.IsNetworkStream(stream, cancellationToken));
            return isRead ? FilledBuffer(invocation) : null;
        }

        /// <summary>The argument a network read fills (the catalogue's buffer ordinal), or null.</summary>
        public IOperation? FilledBuffer(IInvocationOperation invocation)
            => catalogue.Facts(invocation.TargetMethod) is { } facts ? CatalogueIndex.Argument(invocation, facts.Fills ?? facts.Read?.Buffer) : null;

        public bool TryGetCopy(IMethodSymbol method, out CopyShape shape)
        {
            if (catalogue.Facts(method)?.Copy is { } copy)
            {
                shape = copy;
                return true;
            }

            shape = default;
            return false;
        }

        /// <summary>What the LINQ operator <paramref name="method"/> gives of its source's bytes, or null when it is not one the catalogue follows.</summary>
        public SequenceShape? Sequence(IMethodSymbol method) => catalogue.Facts(method)?.Sequence;

        public bool IsView(IMethodSymbol method) => method.MethodKind != MethodKind.Constructor && catalogue.Facts(method) is { View: true };

        /// <summary>True when the view <paramref name="method"/> returns is a copy (<c>ToArray</c>): writing into it does not write the original.</summary>
        public bool IsCopyingView(IMethodSymbol method) => catalogue.Facts(method) is { View: true, ViewCopies: true };

        /// <summary>The ordinal of the parameter that says where a view (method or constructor) starts in what it shows, or null when it starts at 0.</summary>
        public int? ViewOffset(IMethodSymbol method) => catalogue.Facts(method) is { View: true } facts ? facts.ViewOffset : null;

        /// <summary>The write in an explicit byte order <paramref name="method"/> is (<c>BinaryPrimitives.WriteInt32BigEndian</c>…), or null.</summary>
        public OrderedWriteFacet? OrderedWrite(IMethodSymbol method) => catalogue.Facts(method)?.OrderedWrite;

        /// <summary>True when <paramref name="member"/> tells whether the host is little-endian (<c>BitConverter.IsLittleEndian</c>).</summary>
        public bool IsHostLittleEndianFlag(ISymbol? member) => catalogue.Facts(member) is { HostLittleEndianFlag: true };

        /// <summary>
        /// True when <paramref name="condition"/> tests the host's byte order (<c>BitConverter.IsLittleEndian</c>, under
        /// <c>!</c>, <c>== false</c>, <c>!= true</c>…); <paramref name="trueOnLittleEndian"/> tells whether the condition is
        /// true on a little-endian host.
        /// </summary>
        public bool TestsHostOrder(IOperation condition, out bool trueOnLittleEndian)
        {
            trueOnLittleEndian = true;
            condition = condition.WalkDownConversions();
            while (true)
            {
                if (condition is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not)
                {
                    trueOnLittleEndian = !trueOnLittleEndian;
                    condition = not.Operand.WalkDownConversions();
                }
                else if (condition is IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison
                    && (comparison.RightOperand.ConstantValue is { HasValue: true, Value: bool } || comparison.LeftOperand.ConstantValue is { HasValue: true, Value: bool }))
                {
                    // IsLittleEndian == false, IsLittleEndian != true, true == IsLittleEndian.
                    var constantOnRight = comparison.RightOperand.ConstantValue.HasValue;
                    var constant = (bool)(constantOnRight ? comparison.RightOperand : comparison.LeftOperand).ConstantValue.Value!;
                    if (constant == (comparison.OperatorKind == BinaryOperatorKind.NotEquals))
                    {
                        trueOnLittleEndian = !trueOnLittleEndian;
                    }

                    condition = (constantOnRight ? comparison.LeftOperand : comparison.RightOperand).WalkDownConversions();
                }
                else
                {
                    break;
                }
            }

            // BitConverter.IsLittleEndian is a static readonly field.
            return IsHostLittleEndianFlag(condition switch
            {
                IFieldReferenceOperation field => field.Field,
                IPropertyReferenceOperation property => property.Property,
                _ => null,
            });
        }

        public bool IsViewConstructor(IMethodSymbol constructor) => constructor.MethodKind == MethodKind.Constructor && catalogue.Facts(constructor) is { View: true };

        public bool IsReversal(IMethodSymbol method) => catalogue.Facts(method) is { Reversal: true };

        /// <summary>
        /// True when <paramref name="method"/> converts a number between host and network order: a conversion of the catalogue
        /// (<c>IPAddress.HostToNetworkOrder</c>, <c>BinaryPrimitives.ReverseEndianness</c>), or the project's own byte swap
        /// (<see cref="ByteSwapMethods"/>; read once per method).
        /// </summary>
        public bool IsConversion(IMethodSymbol method)
            => catalogue.Facts(method) is { } facts ? facts.Conversion : IsProjectByteSwap(method);

        /// <summary>True when <paramref name="method"/>, which has no row in the catalogue, is the project's own byte swap (<see cref="ByteSwapMethods"/>).</summary>
        public bool IsProjectByteSwap(IMethodSymbol method)
        {
            if (!ByteSwapMethods.MayBeByteSwap(method))
            {
                return false;
            }

            var original = (method.ReducedFrom ?? method).OriginalDefinition;
            if (!byteSwaps.TryGetValue(original, out var swaps))
            {
                swaps = ByteSwapMethods.IsByteSwap(original, System.Threading.CancellationToken.None);
                byteSwaps.TryAdd(original, swaps);
            }

            return swaps;
        }

        private readonly System.Collections.Concurrent.ConcurrentDictionary<IMethodSymbol, bool> byteSwaps = new(SymbolComparer.Instance);

        public bool IsReceiveIntoBuffer(IMethodSymbol method) => catalogue.Facts(method) is { Fills: not null, FillsOnlyOverNetworkStream: false };

        public bool IsReceiveReturningData(IMethodSymbol method) => catalogue.Facts(method) is { ReturnsNetworkData: true };

        /// <summary>True when <paramref name="property"/>'s value is a datagram received from the network (<c>UdpReceiveResult.Buffer</c>).</summary>
        public bool IsReceivedData(IPropertySymbol property) => catalogue.Facts(property) is { ReturnsNetworkData: true };

        /// <summary>True when <paramref name="type"/> is a stream over a socket (<c>NetworkStream</c>, an <c>AuthenticatedStream</c>).</summary>
        public bool IsNetworkStreamType(ITypeSymbol? type) => catalogue.IsStreamOverSocketType(type);

        /// <summary>The display name of a host-order-port property, or null when <paramref name="property"/> is not one.</summary>
        public string? HostOrderPortProperty(IPropertySymbol property) => catalogue.Facts(property)?.Port?.Display;

        /// <summary>The display name of a host-order-port API, or null when <paramref name="method"/> is not one.</summary>
        public string? HostOrderPortApi(IMethodSymbol method)
            => catalogue.Facts(method)?.Port is { } port
                ? method.MethodKind == MethodKind.Constructor ? port.Display : port.Display + "." + method.Name
                : null;

        /// <summary>True when <paramref name="parameter"/> is the host-order port of its method (SOCK022).</summary>
        public bool IsHostOrderPort(IParameterSymbol? parameter)
            => parameter?.ContainingSymbol is IMethodSymbol method && catalogue.Facts(method)?.Port?.Ordinal == parameter.Ordinal;
    }
}
