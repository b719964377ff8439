using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using SocketAnalyzers.Model;
using SocketAnalyzers.Reads;

namespace SocketAnalyzers.Common
{
    /// <summary>
    /// The socket types of one compilation, resolved once per compilation and shared by every analyzer of the
    /// package. <see cref="TryCreate"/> returns <see langword="null"/> when the compilation has no
    /// <c>System.Net.Sockets.Socket</c>, or when none of its files names the socket API (<see cref="SourceGate"/>):
    /// analyzers then register nothing, so a project that does not use sockets pays nothing.
    /// </summary>
    internal sealed class KnownSymbols
    {
        private static readonly ConditionalWeakTable<Compilation, Resolved> PerCompilation = new();

        private NetworkReads? reads;
        private CatalogueIndex? catalogue;
        private PathEnds? pathEnds;
        private FrameworkMembers? framework;
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, INamedTypeSymbol?> typesByName = new();

        /// <summary>A type by metadata name, resolved once per compilation (a name a catalogue fact gives, such as the exception a member throws).</summary>
        public INamedTypeSymbol? TypeNamed(string metadataName) => typesByName.GetOrAdd(metadataName, Types.Get);

        private KnownSymbols(Compilation compilation, INamedTypeSymbol socket)
        {
            Compilation = compilation;
            Socket = socket;
            Types = MetadataTypes.For(compilation);
            var types = Types;
            TcpListener = types.Get("System.Net.Sockets.TcpListener");
            TcpClient = types.Get("System.Net.Sockets.TcpClient");
            UdpClient = types.Get("System.Net.Sockets.UdpClient");
            NetworkStream = types.Get("System.Net.Sockets.NetworkStream");
            SocketType = types.Get("System.Net.Sockets.SocketType");
            AuthenticatedStream = types.Get("System.Net.Security.AuthenticatedStream");
            Stream = types.Get("System.IO.Stream");
            TextWriter = types.Get("System.IO.TextWriter");
            TextReader = types.Get("System.IO.TextReader");
            BinaryReader = types.Get("System.IO.BinaryReader");
            BinaryWriter = types.Get("System.IO.BinaryWriter");
            IPAddress = types.Get("System.Net.IPAddress");
            IPEndPoint = types.Get("System.Net.IPEndPoint");
            DnsEndPoint = types.Get("System.Net.DnsEndPoint");
            Task = types.Get("System.Threading.Tasks.Task");
            TaskOfT = types.Get("System.Threading.Tasks.Task`1");
            ValueTask = types.Get("System.Threading.Tasks.ValueTask");
            ValueTaskOfT = types.Get("System.Threading.Tasks.ValueTask`1");
        }

        public Compilation Compilation { get; }

        /// <summary>The compilation's types by metadata name, kept across compilations with the same references (<see cref="MetadataTypes"/>).</summary>
        public MetadataTypes Types { get; }

        public INamedTypeSymbol Socket { get; }

        public INamedTypeSymbol? TcpListener { get; }

        public INamedTypeSymbol? TcpClient { get; }

        public INamedTypeSymbol? UdpClient { get; }

        public INamedTypeSymbol? NetworkStream { get; }

        public INamedTypeSymbol? SocketType { get; }

        /// <summary>
        /// The constant <c>SocketType</c> a <c>new Socket(…)</c> is given (Stream = 1, Dgram = 2, Raw = 3, Rdm = 4,
        /// Seqpacket = 5), or null when it is given none or one the code does not fix.
        /// </summary>
        public int? ConstantSocketType(Microsoft.CodeAnalysis.Operations.IObjectCreationOperation creation)
        {
            foreach (var argument in creation.Arguments)
            {
                if (SymbolEqualityComparer.Default.Equals(argument.Parameter?.Type, SocketType))
                {
                    return argument.Value.WalkDownConversions().ConstantValue is { HasValue: true, Value: int socketType } ? socketType : null;
                }
            }

            return null;
        }

        public INamedTypeSymbol? AuthenticatedStream { get; }

        public INamedTypeSymbol? Stream { get; }

        /// <summary><c>System.IO.TextWriter</c> and <c>System.IO.BinaryWriter</c>: a writer field over a network stream (the reads family's SOCK011 writes).</summary>
        public INamedTypeSymbol? TextWriter { get; }

        /// <inheritdoc cref="TextWriter"/>
        public INamedTypeSymbol? BinaryWriter { get; }

        /// <summary><c>System.IO.TextReader</c> and <c>System.IO.BinaryReader</c>: readers whose members give what their stream received.</summary>
        public INamedTypeSymbol? TextReader { get; }

        /// <inheritdoc cref="TextReader"/>
        public INamedTypeSymbol? BinaryReader { get; }

        public INamedTypeSymbol? IPAddress { get; }

        public INamedTypeSymbol? IPEndPoint { get; }

        public INamedTypeSymbol? DnsEndPoint { get; }

        public INamedTypeSymbol? Task { get; }

        public INamedTypeSymbol? TaskOfT { get; }

        public INamedTypeSymbol? ValueTask { get; }

        public INamedTypeSymbol? ValueTaskOfT { get; }

        /// <summary>The socket API catalogue (<see cref="SocketApiCatalogue"/>) resolved against this compilation (on first use; shared with earlier compilations that reference the same assemblies, see <see cref="CatalogueIndex.For"/>).</summary>
        public CatalogueIndex Catalogue => LazyInitializer.EnsureInitialized(ref catalogue, () => CatalogueIndex.For(Compilation))!;

        /// <summary>Methods after whose call nothing runs (<see cref="Common.PathEnds"/>), answered once per method for the compilation.</summary>
        public PathEnds PathEnds => LazyInitializer.EnsureInitialized(ref pathEnds, () => new PathEnds(Compilation))!;

        /// <summary>Framework members the families reason about that are not socket API (<see cref="FrameworkMembers"/>), resolved once.</summary>
        public FrameworkMembers Framework => LazyInitializer.EnsureInitialized(ref framework, () => new FrameworkMembers(this))!;

        /// <summary>The read-API model of this compilation (made once, on first use).</summary>
        public NetworkReads Reads => LazyInitializer.EnsureInitialized(ref reads, () => new NetworkReads(this))!;

        /// <summary>
        /// The socket types of <paramref name="compilation"/>, resolved on the first call and shared by every later
        /// one; <see langword="null"/> when the compilation has no sockets.
        /// </summary>
        public static KnownSymbols? TryCreate(Compilation compilation)
            => PerCompilation.GetValue(compilation, static c => new Resolved(Resolve(c))).Symbols;

        private static KnownSymbols? Resolve(Compilation compilation)
        {
            var socket = MetadataTypes.For(compilation).Get("System.Net.Sockets.Socket");
            return socket is null || !SourceGate.MentionsSockets(compilation) ? null : new KnownSymbols(compilation, socket);
        }

        /// <summary>Holds the result, null included, in the per-compilation table.</summary>
        private sealed class Resolved
        {
            public Resolved(KnownSymbols? symbols)
            {
                Symbols = symbols;
            }

            public KnownSymbols? Symbols { get; }
        }

        /// <summary>True when <paramref name="type"/> is <paramref name="expected"/> or derives from it.</summary>
        public static bool IsOrDerivesFrom(ITypeSymbol? type, INamedTypeSymbol? expected)
        {
            if (expected is null)
            {
                return false;
            }

            for (var t = type; t is not null; t = t.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(t.OriginalDefinition, expected))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
