using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using SocketAnalyzers.Common;

namespace SocketAnalyzers.ByteOrder
{
    /// <summary>How data moves between two places in a call: from the argument (or instance) named
    /// <see cref="Source"/> to the one named <see cref="Destination"/>. <c>"this"</c> names the instance.</summary>
    internal readonly struct CopyShape
    {
        public CopyShape(string source, string destination)
        {
            Source = source;
            Destination = destination;
        }

        public string Source { get; }

        public string Destination { get; }
    }

    /// <summary>Where a host-order write puts its bytes.</summary>
    internal enum WriteTarget
    {
        /// <summary>The call returns them (<c>BitConverter.GetBytes</c>).</summary>
        Result,

        /// <summary>Into the argument named by <see cref="HostOrderApi.BufferParameter"/>.</summary>
        Argument,

        /// <summary>Into the stream under the <c>BinaryWriter</c> (or, for a read, from the stream under the <c>BinaryReader</c>).</summary>
        Stream,
    }

    /// <summary>One API that writes or reads a number in an order other than network order.</summary>
    internal sealed class HostOrderApi
    {
        public HostOrderApi(string type, string methods, string kind, WriteTarget target, string? bufferParameter, bool littleEndianAlways)
        {
            Type = type;
            Methods = ImmutableHashSet.Create(methods.Split('|'));
            Kind = kind;
            Target = target;
            BufferParameter = bufferParameter;
            LittleEndianAlways = littleEndianAlways;
        }

        /// <summary>The containing type's metadata name.</summary>
        public string Type { get; }

        /// <summary>The method names.</summary>
        public ImmutableHashSet<string> Methods { get; }

        /// <summary>Names the shape for the code fix (diagnostic property <c>Kind</c>).</summary>
        public string Kind { get; }

        public WriteTarget Target { get; }

        /// <summary>The parameter that holds the bytes written to or read from.</summary>
        public string? BufferParameter { get; }

        /// <summary>True for <c>BinaryWriter</c>/<c>BinaryReader</c>, which are little-endian on every CPU (and
        /// treat <c>char</c> as text, not as a number).</summary>
        public bool LittleEndianAlways { get; }

        public bool Matches(IMethodSymbol method) => Methods.Contains(method.Name);
    }

    /// <summary>
    /// The byte-order model of the .NET API, as data. A new overload or API is one line in a table here;
    /// the rules (<see cref="SOCK020HostOrderWriteAnalyzer"/>, <see cref="SOCK021HostOrderReadAnalyzer"/>,
    /// <see cref="SOCK022PortConvertedTwiceAnalyzer"/>) and the data flow (<see cref="ByteFlow"/>) only consult it.
    /// </summary>
    internal static class ByteOrderTables
    {
        /// <summary>The instance, by name, in <see cref="CopyShape"/>.</summary>
        public const string Instance = "this";

        /// <summary>SOCK020's sources: writes of a number in the host's (or little-endian) order. The number is the
        /// parameter <c>value</c>, or the type argument for generic writes.</summary>
        public static readonly ImmutableArray<HostOrderApi> HostOrderWrites = ImmutableArray.Create(
            new HostOrderApi("System.BitConverter", "GetBytes", "GetBytes", WriteTarget.Result, null, false),
            new HostOrderApi("System.BitConverter", "TryWriteBytes", "TryWriteBytes", WriteTarget.Argument, "destination", false),
            new HostOrderApi("System.IO.BinaryWriter", "Write", "BinaryWriter", WriteTarget.Stream, null, true),
            new HostOrderApi("System.Runtime.InteropServices.MemoryMarshal", "Write", "MemoryMarshal", WriteTarget.Argument, "destination", false),
            new HostOrderApi("System.Runtime.InteropServices.MemoryMarshal", "TryWrite", "MemoryMarshalTry", WriteTarget.Argument, "destination", false),
            new HostOrderApi("System.Runtime.CompilerServices.Unsafe", "WriteUnaligned", "Unsafe", WriteTarget.Argument, "destination", false));

        /// <summary>SOCK021's sources: reads of a number in the host's (or little-endian) order. The number is the
        /// return type.</summary>
        public static readonly ImmutableArray<HostOrderApi> HostOrderReads = ImmutableArray.Create(
            new HostOrderApi("System.BitConverter", "ToInt16|ToUInt16|ToInt32|ToUInt32|ToInt64|ToUInt64|ToSingle|ToDouble|ToChar|ToHalf|ToInt128|ToUInt128", "BitConverter", WriteTarget.Argument, "value", false),
            new HostOrderApi("System.IO.BinaryReader", "ReadInt16|ReadUInt16|ReadInt32|ReadUInt32|ReadInt64|ReadUInt64|ReadSingle|ReadDouble|ReadHalf", "BinaryReader", WriteTarget.Stream, null, true),
            new HostOrderApi("System.Runtime.InteropServices.MemoryMarshal", "Read", "MemoryMarshal", WriteTarget.Argument, "source", false),
            new HostOrderApi("System.Runtime.CompilerServices.Unsafe", "ReadUnaligned", "Unsafe", WriteTarget.Argument, "source", false));

        /// <summary>Calls that send the argument named in <see cref="SendDataParameters"/> to the network, by type.</summary>
        public static readonly ImmutableArray<(string Type, ImmutableHashSet<string> Methods)> Sends = ImmutableArray.Create(
            ("System.Net.Sockets.Socket", ImmutableHashSet.Create("Send", "SendAsync", "SendTo", "SendToAsync", "BeginSend", "BeginSendTo")),
            ("System.Net.Sockets.UdpClient", ImmutableHashSet.Create("Send", "SendAsync", "BeginSend")));

        /// <summary>Stream calls that send their argument when the stream is a network stream.</summary>
        public static readonly ImmutableHashSet<string> StreamWrites = ImmutableHashSet.Create("Write", "WriteAsync", "BeginWrite");

        /// <summary>The parameter that carries the bytes of a send or a write.</summary>
        public static readonly ImmutableHashSet<string> SendDataParameters = ImmutableHashSet.Create("buffer", "buffers", "dgram", "datagram");

        /// <summary>Calls that copy bytes from one buffer into another, by type and method.</summary>
        public static readonly ImmutableArray<(string Type, ImmutableHashSet<string> Methods, CopyShape Shape)> Copies = ImmutableArray.Create(
            ("System.Buffer", ImmutableHashSet.Create("BlockCopy"), new CopyShape("src", "dst")),
            ("System.Array", ImmutableHashSet.Create("Copy", "ConstrainedCopy"), new CopyShape("sourceArray", "destinationArray")),
            ("System.Array", ImmutableHashSet.Create("CopyTo"), new CopyShape(Instance, "array")),
            ("System.Span`1", ImmutableHashSet.Create("CopyTo", "TryCopyTo"), new CopyShape(Instance, "destination")),
            ("System.ReadOnlySpan`1", ImmutableHashSet.Create("CopyTo", "TryCopyTo"), new CopyShape(Instance, "destination")),
            ("System.Memory`1", ImmutableHashSet.Create("CopyTo", "TryCopyTo"), new CopyShape(Instance, "destination")),
            ("System.ReadOnlyMemory`1", ImmutableHashSet.Create("CopyTo", "TryCopyTo"), new CopyShape(Instance, "destination")),
            ("System.MemoryExtensions", ImmutableHashSet.Create("CopyTo"), new CopyShape("source", "destination")),
            ("System.Collections.Generic.List`1", ImmutableHashSet.Create("AddRange", "InsertRange"), new CopyShape("collection", Instance)),
            ("System.IO.Stream", ImmutableHashSet.Create("Write", "WriteAsync", "BeginWrite"), new CopyShape("buffer", Instance)),
            ("System.IO.Stream", ImmutableHashSet.Create("CopyTo", "CopyToAsync"), new CopyShape(Instance, "destination")),
            ("System.IO.MemoryStream", ImmutableHashSet.Create("WriteTo"), new CopyShape(Instance, "stream")));

        /// <summary>Calls whose result shows (or copies) the bytes of their instance or first argument.</summary>
        public static readonly ImmutableArray<(string Type, ImmutableHashSet<string> Methods)> Views = ImmutableArray.Create(
            ("System.MemoryExtensions", ImmutableHashSet.Create("AsSpan", "AsMemory")),
            ("System.Span`1", ImmutableHashSet.Create("Slice", "ToArray")),
            ("System.ReadOnlySpan`1", ImmutableHashSet.Create("Slice", "ToArray")),
            ("System.Memory`1", ImmutableHashSet.Create("Slice", "ToArray")),
            ("System.ReadOnlyMemory`1", ImmutableHashSet.Create("Slice", "ToArray")),
            ("System.ArraySegment`1", ImmutableHashSet.Create("Slice", "ToArray")),
            ("System.IO.MemoryStream", ImmutableHashSet.Create("ToArray", "GetBuffer")),
            ("System.Collections.Generic.List`1", ImmutableHashSet.Create("ToArray")),
            ("System.Runtime.CompilerServices.RuntimeHelpers", ImmutableHashSet.Create("GetSubArray")),
            ("System.Runtime.InteropServices.MemoryMarshal", ImmutableHashSet.Create("AsBytes", "GetReference")));

        /// <summary>Types whose constructor wraps the array passed first (<c>new ArraySegment&lt;byte&gt;(buffer, 0, n)</c>).</summary>
        public static readonly ImmutableArray<string> ViewConstructors = ImmutableArray.Create(
            "System.ArraySegment`1", "System.Span`1", "System.ReadOnlySpan`1", "System.Memory`1", "System.ReadOnlyMemory`1");

        /// <summary>Calls that reverse the bytes of their instance or first argument: a deliberate byte-order choice.</summary>
        public static readonly ImmutableArray<(string Type, ImmutableHashSet<string> Methods)> Reversals = ImmutableArray.Create(
            ("System.Array", ImmutableHashSet.Create("Reverse")),
            ("System.MemoryExtensions", ImmutableHashSet.Create("Reverse")),
            ("System.Span`1", ImmutableHashSet.Create("Reverse")),
            ("System.Buffers.Binary.BinaryPrimitives", ImmutableHashSet.Create("ReverseEndianness")));

        /// <summary>Byte-order conversions of a number, by type.</summary>
        public static readonly ImmutableArray<(string Type, ImmutableHashSet<string> Methods)> Conversions = ImmutableArray.Create(
            ("System.Net.IPAddress", ImmutableHashSet.Create("HostToNetworkOrder", "NetworkToHostOrder")),
            ("System.Buffers.Binary.BinaryPrimitives", ImmutableHashSet.Create("ReverseEndianness")));

        /// <summary>
        /// APIs that take a port in host order, by type (<c>.ctor</c> for constructors); the port is the parameter
        /// named <c>port</c>.
        /// </summary>
        public static readonly ImmutableArray<(string Type, ImmutableHashSet<string> Methods, string Display)> HostOrderPorts = ImmutableArray.Create(
            ("System.Net.IPEndPoint", ImmutableHashSet.Create(".ctor"), "IPEndPoint"),
            ("System.Net.DnsEndPoint", ImmutableHashSet.Create(".ctor"), "DnsEndPoint"),
            ("System.Net.Sockets.TcpListener", ImmutableHashSet.Create(".ctor", "Create"), "TcpListener"),
            ("System.Net.Sockets.TcpClient", ImmutableHashSet.Create(".ctor", "Connect", "ConnectAsync", "BeginConnect"), "TcpClient"),
            ("System.Net.Sockets.Socket", ImmutableHashSet.Create("Connect", "ConnectAsync", "BeginConnect"), "Socket"),
            ("System.Net.Sockets.UdpClient", ImmutableHashSet.Create(".ctor", "Connect", "Send", "SendAsync", "BeginSend"), "UdpClient"));

        /// <summary>Properties that take a port in host order, by type.</summary>
        public static readonly ImmutableArray<(string Type, string Property, string Display)> HostOrderPortProperties = ImmutableArray.Create(
            ("System.Net.IPEndPoint", "Port", "IPEndPoint.Port"));

        /// <summary>The parameter of a host-order-port API that is the port.</summary>
        public const string PortParameter = "port";

        /// <summary>Network reads that fill the argument named <c>buffer</c> (besides <c>NetworkReads</c>' counting reads).</summary>
        public static readonly ImmutableArray<(string Type, ImmutableHashSet<string> Methods)> ReceivesIntoBuffer = ImmutableArray.Create(
            ("System.Net.Sockets.Socket", ImmutableHashSet.Create("Receive", "ReceiveAsync", "ReceiveFrom", "ReceiveFromAsync", "ReceiveMessageFrom", "ReceiveMessageFromAsync", "BeginReceive", "BeginReceiveFrom", "BeginReceiveMessageFrom")));

        /// <summary>Stream reads that fill the argument named <c>buffer</c> when the stream is a network stream.</summary>
        public static readonly ImmutableHashSet<string> StreamReadsIntoBuffer = ImmutableHashSet.Create(
            "Read", "ReadAsync", "BeginRead", "ReadExactly", "ReadExactlyAsync", "ReadAtLeast", "ReadAtLeastAsync");

        /// <summary>Calls whose result is a datagram received from the network.</summary>
        public static readonly ImmutableArray<(string Type, ImmutableHashSet<string> Methods)> ReceivesReturningData = ImmutableArray.Create(
            ("System.Net.Sockets.UdpClient", ImmutableHashSet.Create("Receive", "EndReceive")));

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

        /// <summary>Multi-byte number types that are not special types, by metadata name.</summary>
        public static readonly ImmutableDictionary<string, string> MultiByteOtherTypes = new Dictionary<string, string>
        {
            ["System.Half"] = "Half",
            ["System.Int128"] = "Int128",
            ["System.UInt128"] = "UInt128",
        }.ToImmutableDictionary();

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

            return MultiByteOtherTypes.TryGetValue(type.ToDisplayString(), out name) ? name : null;
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

    /// <summary>The tables of <see cref="ByteOrderTables"/> resolved to symbols once per compilation.</summary>
    internal sealed class ByteOrderSymbols
    {
        private readonly ImmutableArray<(INamedTypeSymbol Type, ImmutableHashSet<string> Methods)> sends;
        private readonly ImmutableArray<(INamedTypeSymbol Type, ImmutableHashSet<string> Methods, CopyShape Shape)> copies;
        private readonly ImmutableArray<(INamedTypeSymbol Type, ImmutableHashSet<string> Methods)> views;
        private readonly ImmutableHashSet<INamedTypeSymbol> viewConstructors;
        private readonly ImmutableArray<(INamedTypeSymbol Type, ImmutableHashSet<string> Methods)> reversals;
        private readonly ImmutableArray<(INamedTypeSymbol Type, ImmutableHashSet<string> Methods)> conversions;
        private readonly ImmutableArray<(INamedTypeSymbol Type, ImmutableHashSet<string> Methods, string Display)> hostOrderPorts;
        private readonly ImmutableArray<(INamedTypeSymbol Type, ImmutableHashSet<string> Methods)> receivesIntoBuffer;
        private readonly ImmutableArray<(INamedTypeSymbol Type, ImmutableHashSet<string> Methods)> receivesReturningData;

        public ByteOrderSymbols(KnownSymbols known)
        {
            Known = known;
            var compilation = known.Compilation;
            BitConverter = compilation.GetTypeByMetadataName("System.BitConverter");
            BinaryWriter = compilation.GetTypeByMetadataName("System.IO.BinaryWriter");
            BinaryReader = compilation.GetTypeByMetadataName("System.IO.BinaryReader");
            MemoryStream = compilation.GetTypeByMetadataName("System.IO.MemoryStream");
            MemoryMarshal = compilation.GetTypeByMetadataName("System.Runtime.InteropServices.MemoryMarshal");
            Unsafe = compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.Unsafe");
            UdpReceiveResult = compilation.GetTypeByMetadataName("System.Net.Sockets.UdpReceiveResult");
            BinaryPrimitives = compilation.GetTypeByMetadataName("System.Buffers.Binary.BinaryPrimitives");
            sends = Resolve(compilation, ByteOrderTables.Sends);
            copies = ResolveCopies(compilation);
            views = Resolve(compilation, ByteOrderTables.Views);
            viewConstructors = ResolveTypes(compilation, ByteOrderTables.ViewConstructors);
            reversals = Resolve(compilation, ByteOrderTables.Reversals);
            conversions = Resolve(compilation, ByteOrderTables.Conversions);
            receivesIntoBuffer = Resolve(compilation, ByteOrderTables.ReceivesIntoBuffer);
            receivesReturningData = Resolve(compilation, ByteOrderTables.ReceivesReturningData);
            var ports = ImmutableArray.CreateBuilder<(INamedTypeSymbol, ImmutableHashSet<string>, string)>();
            foreach (var (type, methods, display) in ByteOrderTables.HostOrderPorts)
            {
                if (compilation.GetTypeByMetadataName(type) is { } symbol)
                {
                    ports.Add((symbol, methods, display));
                }
            }

            hostOrderPorts = ports.ToImmutable();
            hostOrderWrites = ResolveApis(compilation, ByteOrderTables.HostOrderWrites);
            var properties = ImmutableArray.CreateBuilder<(INamedTypeSymbol, string, string)>();
            foreach (var (type, property, display) in ByteOrderTables.HostOrderPortProperties)
            {
                if (compilation.GetTypeByMetadataName(type) is { } symbol)
                {
                    properties.Add((symbol, property, display));
                }
            }

            hostOrderPortProperties = properties.ToImmutable();
            hostOrderReads = ResolveApis(compilation, ByteOrderTables.HostOrderReads);
        }

        private readonly ImmutableArray<(INamedTypeSymbol Type, string Property, string Display)> hostOrderPortProperties;
        private readonly ImmutableArray<(INamedTypeSymbol Type, HostOrderApi Api)> hostOrderWrites;
        private readonly ImmutableArray<(INamedTypeSymbol Type, HostOrderApi Api)> hostOrderReads;

        /// <summary>The SOCK020 source <paramref name="method"/> is, or null.</summary>
        public HostOrderApi? HostOrderWrite(IMethodSymbol method) => Find(hostOrderWrites, method);

        /// <summary>The SOCK021 source <paramref name="method"/> is, or null.</summary>
        public HostOrderApi? HostOrderRead(IMethodSymbol method) => Find(hostOrderReads, method);

        private static HostOrderApi? Find(ImmutableArray<(INamedTypeSymbol Type, HostOrderApi Api)> table, IMethodSymbol method)
        {
            foreach (var (type, api) in table)
            {
                if (api.Matches(method) && KnownSymbols.IsOrDerivesFrom(method.ContainingType, type))
                {
                    return api;
                }
            }

            return null;
        }

        private static ImmutableArray<(INamedTypeSymbol, HostOrderApi)> ResolveApis(Compilation compilation, ImmutableArray<HostOrderApi> table)
        {
            var builder = ImmutableArray.CreateBuilder<(INamedTypeSymbol, HostOrderApi)>();
            foreach (var api in table)
            {
                if (compilation.GetTypeByMetadataName(api.Type) is { } symbol)
                {
                    builder.Add((symbol, api));
                }
            }

            return builder.ToImmutable();
        }

        public KnownSymbols Known { get; }

        public INamedTypeSymbol? BitConverter { get; }

        public INamedTypeSymbol? BinaryWriter { get; }

        public INamedTypeSymbol? BinaryReader { get; }

        public INamedTypeSymbol? MemoryStream { get; }

        public INamedTypeSymbol? MemoryMarshal { get; }

        public INamedTypeSymbol? Unsafe { get; }

        public INamedTypeSymbol? UdpReceiveResult { get; }

        public INamedTypeSymbol? BinaryPrimitives { get; }

        /// <summary>True for <c>BinaryPrimitives.(Try)Write…BigEndian/LittleEndian(destination, value)</c>: a write whose
        /// byte order the code chose (it replaces host-order bytes in its destination).</summary>
        public bool IsOrderedWrite(IMethodSymbol method)
            => SymbolEqualityComparer.Default.Equals(method.ContainingType, BinaryPrimitives)
                && (method.Name.StartsWith("Write", System.StringComparison.Ordinal) || method.Name.StartsWith("TryWrite", System.StringComparison.Ordinal))
                && (method.Name.EndsWith("BigEndian", System.StringComparison.Ordinal) || method.Name.EndsWith("LittleEndian", System.StringComparison.Ordinal));

        /// <summary>True when <paramref name="method"/> sends the argument for a parameter of <see cref="ByteOrderTables.SendDataParameters"/>.</summary>
        public bool IsSend(IMethodSymbol method) => Matches(sends, method);

        /// <summary>True when <paramref name="method"/> is a stream write (a send when the stream is a network stream).</summary>
        public bool IsStreamWrite(IMethodSymbol method)
            => ByteOrderTables.StreamWrites.Contains(method.Name) && KnownSymbols.IsOrDerivesFrom(method.ContainingType, Known.Stream);

        /// <summary>True when <paramref name="method"/> is a stream read into a buffer.</summary>
        public bool IsStreamReadIntoBuffer(IMethodSymbol method)
            => ByteOrderTables.StreamReadsIntoBuffer.Contains(method.Name) && KnownSymbols.IsOrDerivesFrom(method.ContainingType, Known.Stream);

        public bool TryGetCopy(IMethodSymbol method, out CopyShape shape)
        {
            foreach (var (type, methods, s) in copies)
            {
                if (methods.Contains(method.Name) && KnownSymbols.IsOrDerivesFrom(method.ContainingType, type))
                {
                    shape = s;
                    return true;
                }
            }

            shape = default;
            return false;
        }

        public bool IsView(IMethodSymbol method) => Matches(views, method);

        public bool IsViewConstructor(IMethodSymbol constructor) => viewConstructors.Contains(constructor.ContainingType.OriginalDefinition);

        public bool IsReversal(IMethodSymbol method) => Matches(reversals, method);

        public bool IsConversion(IMethodSymbol method) => Matches(conversions, method);

        public bool IsReceiveIntoBuffer(IMethodSymbol method) => Matches(receivesIntoBuffer, method);

        public bool IsReceiveReturningData(IMethodSymbol method) => Matches(receivesReturningData, method);

        /// <summary>The display name of a host-order-port property, or null when <paramref name="property"/> is not one.</summary>
        public string? HostOrderPortProperty(IPropertySymbol property)
        {
            foreach (var (type, name, display) in hostOrderPortProperties)
            {
                if (property.Name == name && KnownSymbols.IsOrDerivesFrom(property.ContainingType, type))
                {
                    return display;
                }
            }

            return null;
        }

        /// <summary>The display name of a host-order-port API, or null when <paramref name="method"/> is not one.</summary>
        public string? HostOrderPortApi(IMethodSymbol method)
        {
            var containing = method.ContainingType.OriginalDefinition;
            foreach (var (type, methods, display) in hostOrderPorts)
            {
                if (SymbolEqualityComparer.Default.Equals(containing, type) && methods.Contains(method.Name))
                {
                    return method.MethodKind == MethodKind.Constructor ? display : display + "." + method.Name;
                }
            }

            return null;
        }

        private static bool Matches(ImmutableArray<(INamedTypeSymbol Type, ImmutableHashSet<string> Methods)> table, IMethodSymbol method)
        {
            var containing = method.ContainingType.OriginalDefinition;
            foreach (var (type, methods) in table)
            {
                if (methods.Contains(method.Name) && SymbolEqualityComparer.Default.Equals(containing, type))
                {
                    return true;
                }
            }

            return false;
        }

        private static ImmutableArray<(INamedTypeSymbol Type, ImmutableHashSet<string> Methods)> Resolve(
            Compilation compilation, ImmutableArray<(string Type, ImmutableHashSet<string> Methods)> table)
        {
            var builder = ImmutableArray.CreateBuilder<(INamedTypeSymbol, ImmutableHashSet<string>)>();
            foreach (var (type, methods) in table)
            {
                if (compilation.GetTypeByMetadataName(type) is { } symbol)
                {
                    builder.Add((symbol, methods));
                }
            }

            return builder.ToImmutable();
        }

        private static ImmutableArray<(INamedTypeSymbol, ImmutableHashSet<string>, CopyShape)> ResolveCopies(Compilation compilation)
        {
            var builder = ImmutableArray.CreateBuilder<(INamedTypeSymbol, ImmutableHashSet<string>, CopyShape)>();
            foreach (var (type, methods, shape) in ByteOrderTables.Copies)
            {
                if (compilation.GetTypeByMetadataName(type) is { } symbol)
                {
                    builder.Add((symbol, methods, shape));
                }
            }

            return builder.ToImmutable();
        }

        private static ImmutableHashSet<INamedTypeSymbol> ResolveTypes(Compilation compilation, ImmutableArray<string> names)
        {
            var builder = ImmutableHashSet.CreateBuilder<INamedTypeSymbol>(SymbolEqualityComparer.Default);
            foreach (var name in names)
            {
                if (compilation.GetTypeByMetadataName(name) is { } symbol)
                {
                    builder.Add(symbol);
                }
            }

            return builder.ToImmutable();
        }
    }
}
