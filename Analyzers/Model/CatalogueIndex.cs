using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.ByteOrder;
using SocketAnalyzers.Common;
using SocketAnalyzers.Lifecycle;
using SocketAnalyzers.Reads;

namespace SocketAnalyzers.Model
{
    /// <summary>What the catalogue says about one member symbol: the merge of every row that matches it (per facet, the first row that sets it).</summary>
    internal sealed class ApiFacts
    {
        private SocketMember[] lifecycles = Array.Empty<SocketMember>();

        public ReadApi? ReadApi { get; private set; }

        public ReadFacet? Read { get; private set; }

        /// <summary>A line read (<see cref="ApiRow.LineRead"/>): the result is a line, <c>null</c> at end of stream.</summary>
        public ReadApi? LineRead { get; private set; }

        /// <summary>A reader's constructor (text or binary): the ordinal of the stream it reads (<see cref="ApiRow.ReaderOver"/>).</summary>
        public int? ReaderOver { get; private set; }

        /// <summary>The constructor of a stream over a stream: the ordinal of the stream under it (<see cref="ApiRow.PassesThroughStream"/>).</summary>
        public int? PassesThroughStream { get; private set; }

        /// <summary>The parameter that takes a number in memory order (<see cref="ApiRow.MemoryOrderNumber"/>).</summary>
        public int? MemoryOrderNumber { get; private set; }

        /// <summary>A constructor of a reader or writer that closes the stream passed first: the ordinal of its <c>leaveOpen</c> (<see cref="ApiRow.WrapLeaveOpen"/>).</summary>
        public int? WrapLeaveOpen { get; private set; }

        /// <inheritdoc cref="ApiRow.ThrowsAfterOwnClose"/>
        public bool ThrowsAfterOwnClose { get; private set; }

        /// <inheritdoc cref="ApiRow.UsableWhenLeftOpen"/>
        public bool UsableWhenLeftOpen { get; private set; }

        /// <inheritdoc cref="ApiRow.QuietWhenEmpty"/>
        public int? QuietWhenEmpty { get; private set; }

        /// <inheritdoc cref="ApiRow.WritesToStream"/>
        public bool WritesToStream { get; private set; }

        /// <inheritdoc cref="ApiRow.WritesEvenEmpty"/>
        public bool WritesEvenEmpty { get; private set; }

        /// <inheritdoc cref="ApiRow.WritesHeldUntilFlush"/>
        public bool WritesHeldUntilFlush { get; private set; }

        /// <inheritdoc cref="ApiRow.SwitchesAutoFlush"/>
        public bool SwitchesAutoFlush { get; private set; }

        /// <inheritdoc cref="ApiRow.FlushesHeldWrites"/>
        public bool FlushesHeldWrites { get; private set; }

        /// <summary>The stream this member makes owns its socket (<see cref="ApiRow.OwnsSocket"/>), when the bool at <see cref="OwnsSocketWhen"/> is true if that is set.</summary>
        public bool OwnsSocket { get; private set; }

        /// <inheritdoc cref="ApiRow.OwnsSocketWhen"/>
        public int? OwnsSocketWhen { get; private set; }

        /// <summary>
        /// Whether the stream this call or creation makes with <paramref name="arguments"/> owns its socket: true when the row
        /// says so (always, or the <c>bool</c> at <see cref="OwnsSocketWhen"/> is the constant <c>true</c>), false when it does
        /// not (no such row, that parameter absent from the overload, or the constant <c>false</c>), null when that
        /// <c>bool</c> is not a constant. The lifecycle flow follows a close only through a stream that owns its socket
        /// (true); the field summary lets a stream that may own it (not false) close the field's socket.
        /// </summary>
        public bool? OwnsSocketGiven(ImmutableArray<IArgumentOperation> arguments)
        {
            if (!OwnsSocket)
            {
                return false;
            }

            if (OwnsSocketWhen is not int when)
            {
                return true;
            }

            return CatalogueIndex.Argument(arguments, when) switch
            {
                null => false,
                { ConstantValue: { HasValue: true, Value: bool owns } } => owns,
                _ => null,
            };
        }

        public int? Fills { get; private set; }

        /// <inheritdoc cref="ApiRow.FillsFrom"/>
        public int? FillsFrom { get; private set; }

        /// <inheritdoc cref="ApiRow.FillsCount"/>
        public int? FillsCount { get; private set; }

        public bool FillsOnlyOverNetworkStream { get; private set; }

        public int? Sends { get; private set; }

        /// <summary>For a send: the ordinal of its offset (<see cref="ApiRow.SendsFrom"/>), or null.</summary>
        public int? SendsFrom { get; private set; }

        /// <summary>For a send: the ordinal of its count (<see cref="ApiRow.SendsCount"/>), or null.</summary>
        public int? SendsCount { get; private set; }

        public bool SendsOnlyOverNetworkStream { get; private set; }

        public bool ReturnsNetworkData { get; private set; }

        public bool Consumes { get; private set; }

        /// <summary>For a consumer: the ordinal of its start parameter (<see cref="ApiRow.ConsumesFrom"/>), or null.</summary>
        public int? ConsumesFrom { get; private set; }

        /// <summary>For a consumer: it consumes only a <c>char</c> buffer (<see cref="ApiRow.ConsumesOnlyChars"/>).</summary>
        public bool ConsumesOnlyChars { get; private set; }

        /// <summary>The member decodes a number from a fixed number of bytes of its first parameter (<see cref="ApiRow.Decodes"/>).</summary>
        public bool Decodes { get; private set; }

        /// <summary>The property counts the received bytes waiting to be read (<see cref="ApiRow.TellsAvailable"/>).</summary>
        public bool TellsAvailable { get; private set; }

        /// <summary>The member only waits for what the socket can do next (<see cref="ApiRow.OnlyWaits"/>).</summary>
        public bool OnlyWaits { get; private set; }

        /// <summary>The static field is an empty placeholder that holds no data (<see cref="ApiRow.NoData"/>).</summary>
        public bool HoldsNoData { get; private set; }

        /// <summary>The property stays true after the peer closes (<see cref="ApiRow.StaysTrueAfterClose"/>).</summary>
        public bool StaysTrueAfterClose { get; private set; }

        /// <summary>The member only counts or tests the bytes it is given (<see cref="ApiRow.LooksOnly"/>).</summary>
        public bool LooksOnly { get; private set; }

        /// <summary>The member only adds to its receiver (<see cref="ApiRow.AddsOnly"/>).</summary>
        public bool AddsOnly { get; private set; }

        /// <summary>The member keeps the elements of its first parameter that pass a test (<see cref="ApiRow.Filters"/>).</summary>
        public bool Filters { get; private set; }

        /// <summary>The member throws for the empty text as its first parameter (<see cref="ApiRow.RejectsEmptyText"/>).</summary>
        public bool RejectsEmptyText { get; private set; }

        /// <summary>What it throws for the empty text (<see cref="ApiRow.EmptyTextException"/>).</summary>
        public string? EmptyTextException { get; private set; }

        /// <summary>It reads its text as if trailing NULs were not there (<see cref="ApiRow.IgnoresTrailingNuls"/>).</summary>
        public bool IgnoresTrailingNuls { get; private set; }

        /// <summary>The member throws for all-zero bytes as its first parameter (<see cref="ApiRow.RejectsZeroBytes"/>).</summary>
        public bool RejectsZeroBytes { get; private set; }

        public CopyShape? Copy { get; private set; }

        public bool View { get; private set; }

        public bool Reversal { get; private set; }

        /// <summary>For a view: the ordinal of its start (<see cref="ApiRow.ViewOffset"/>), or null.</summary>
        public int? ViewOffset { get; private set; }

        /// <summary>For a view: the result is a copy (<see cref="ApiRow.ViewCopies"/>).</summary>
        public bool ViewCopies { get; private set; }

        public OrderedWriteFacet? OrderedWrite { get; private set; }

        /// <summary>A LINQ operator's effect on the bytes of its source (<see cref="ApiRow.Sequence"/>), or null.</summary>
        public SequenceShape? Sequence { get; private set; }

        public bool HostLittleEndianFlag { get; private set; }

        public bool Conversion { get; private set; }

        public HostOrderApi? HostOrderWrite { get; private set; }

        public HostOrderApi? HostOrderRead { get; private set; }

        public PortFacet? Port { get; private set; }

        public bool StreamOverSocket { get; private set; }

        public bool DatagramSocket { get; private set; }

        /// <summary>The call form (for methods), read from the signature once.</summary>
        public CallForm Form { get; private set; }

        /// <summary>The member accepts a connection (<c>Socket.Accept*</c>, <c>TcpListener.Accept*</c>, in any call form), or null.</summary>
        public SocketMember? Accept
            => (Lifecycle(SocketModelType.Socket) ?? Lifecycle(SocketModelType.TcpListener)) is { Operation: SocketOperation.Accept } accept ? accept : null;

        /// <summary>
        /// The member gives a connection under another name (a lifecycle <see cref="SocketOperation.Alias"/> or
        /// <see cref="SocketOperation.MakeStream"/>): its receiver's (<c>TcpClient.GetStream()</c>, the same stream on every
        /// call; <c>TcpClient.Client</c>, <c>NetworkStream.Socket</c>, <c>TcpListener.Server</c>), or, for a constructor, its
        /// first argument's (<c>new NetworkStream(socket)</c>).
        /// </summary>
        public bool ViewsConnection => HasTransition(SocketOperation.Alias, SocketOperation.MakeStream);

        /// <summary>
        /// The member receives from the connection it is called on (a receive or receive-from transition: <c>Receive…</c>,
        /// <c>BeginReceive…</c>, <c>Read…</c> of a stream over a socket).
        /// </summary>
        public bool Receives => HasTransition(SocketOperation.Receive, SocketOperation.ReceiveFrom);

        private bool HasTransition(SocketOperation one, SocketOperation other)
        {
            foreach (var member in lifecycles)
            {
                if (member.Operation == one || member.Operation == other)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The lifecycle transition for a receiver of model type <paramref name="on"/>, or null.</summary>
        public SocketMember? Lifecycle(SocketModelType on)
        {
            foreach (var member in lifecycles)
            {
                if (member.Type == on)
                {
                    return member;
                }
            }

            return null;
        }

        internal void Merge(ApiRow row, ISymbol symbol, CallForm form)
        {
            Form = form;
            if (row.Lifecycle is { } life && Lifecycle(life.On) is null)
            {
                var member = new SocketMember(life.On, symbol.Name, life.Operation, life.Creates, life.Result, form);
                var grown = new SocketMember[lifecycles.Length + 1];
                lifecycles.CopyTo(grown, 0);
                grown[lifecycles.Length] = member;
                lifecycles = grown;
            }

            if (Read is null && row.Read is { } read)
            {
                Read = read;
                ReadApi = row.ReadApi;
            }

            LineRead ??= row.LineRead;
            ReaderOver ??= row.ReaderOver;
            PassesThroughStream ??= row.PassesThroughStream;
            MemoryOrderNumber ??= row.MemoryOrderNumber;
            WrapLeaveOpen ??= row.WrapLeaveOpen;
            QuietWhenEmpty ??= row.QuietWhenEmpty;
            WritesToStream |= row.WritesToStream;
            WritesEvenEmpty |= row.WritesEvenEmpty;
            WritesHeldUntilFlush |= row.WritesHeldUntilFlush;
            SwitchesAutoFlush |= row.SwitchesAutoFlush;
            FlushesHeldWrites |= row.FlushesHeldWrites;
            if (row.ThrowsAfterOwnClose && !ThrowsAfterOwnClose)
            {
                ThrowsAfterOwnClose = true;
                UsableWhenLeftOpen = row.UsableWhenLeftOpen;
            }

            if (row.OwnsSocket && !OwnsSocket)
            {
                OwnsSocket = true;
                OwnsSocketWhen = row.OwnsSocketWhen;
            }
            if (Fills is null && row.Fills is { } fills)
            {
                Fills = fills;
                FillsFrom = row.FillsFrom;
                FillsCount = row.FillsCount;
                FillsOnlyOverNetworkStream = row.OnlyOverNetworkStream;
            }

            if (Sends is null && row.Sends is { } sends)
            {
                Sends = sends;
                SendsFrom = row.SendsFrom;
                SendsCount = row.SendsCount;
                SendsOnlyOverNetworkStream = row.OnlyOverNetworkStream;
            }

            if (row.Consumes && !Consumes)
            {
                ConsumesFrom = row.ConsumesFrom;
                ConsumesOnlyChars = row.ConsumesOnlyChars;
            }

            Copy ??= row.Copy;
            HostOrderWrite ??= row.HostOrderWrite;
            HostOrderRead ??= row.HostOrderRead;
            Port ??= row.Port;
            OrderedWrite ??= row.OrderedWrite;
            Sequence ??= row.Sequence;
            if (row.View && !View)
            {
                ViewOffset = row.ViewOffset;
                ViewCopies = row.ViewCopies;
            }

            HostLittleEndianFlag |= row.HostLittleEndianFlag;
            ReturnsNetworkData |= row.ReturnsNetworkData;
            Consumes |= row.Consumes;
            Decodes |= row.Decodes;
            TellsAvailable |= row.TellsAvailable;
            OnlyWaits |= row.OnlyWaits;
            HoldsNoData |= row.NoData;
            StaysTrueAfterClose |= row.StaysTrueAfterClose;
            LooksOnly |= row.LooksOnly;
            AddsOnly |= row.AddsOnly;
            Filters |= row.Filters;
            RejectsEmptyText |= row.RejectsEmptyText;
            EmptyTextException ??= row.EmptyTextException;
            IgnoresTrailingNuls |= row.IgnoresTrailingNuls;
            RejectsZeroBytes |= row.RejectsZeroBytes;
            View |= row.View;
            Reversal |= row.Reversal;
            Conversion |= row.Conversion;
            StreamOverSocket |= row.StreamOverSocket;
            DatagramSocket |= row.DatagramSocket;
        }
    }

    /// <summary>
    /// <see cref="SocketApiCatalogue"/> resolved against one compilation: symbol-keyed lookups, made once per compilation
    /// and shared by every analyzer through <see cref="KnownSymbols.Catalogue"/>. Lookups follow a call to the member it
    /// overrides (a <c>NetworkStream.Read</c> is the catalogue's <c>Stream.Read</c>), from a reduced extension call to
    /// its definition, and from a constructed generic member to its definition.
    /// </summary>
    internal sealed class CatalogueIndex
    {
        /// <summary>
        /// The member rows of each catalogued type, resolved to their symbols the first time a lookup asks about a member
        /// of that type: resolving a row loads every member of its type, and most of the hundred or so catalogued types
        /// (<c>MemoryExtensions</c>, <c>BinaryPrimitives</c>, <c>Encoding</c>…) are never called by a given project, or
        /// not until late. Each type's table is built once (a <see cref="Lazy{T}"/>) and never changed after, so lookups
        /// from concurrent analyzers need no lock.
        /// </summary>
        private readonly Dictionary<INamedTypeSymbol, Lazy<Dictionary<ISymbol, ApiFacts>>> membersByType = new(SymbolComparer.Instance);

        /// <summary>
        /// The names the rows give their members (every member name of a type with an any-method row): most calls of a body are to members with none of these names, and a string
        /// lookup turns them away before the symbol lookup (hashing a symbol and walking its overridden members), which
        /// every family asks for every call.
        /// </summary>
        private readonly HashSet<string> memberNames = new(System.StringComparer.Ordinal);

        /// <summary>
        /// The catalogue's member names by length and first character (<see cref="NameSlot"/>): most calls the families
        /// ask about are of no catalogued name (<c>ConfigureAwait</c>, <c>Append</c>, the project's own methods), and this
        /// answers them with two reads instead of hashing the name (the hash was two fifths of <see cref="Facts(ISymbol)"/>).
        /// </summary>
        private readonly bool[] nameSlots = new bool[64 * 64];

        /// <summary>
        /// The slots (<see cref="NameSlot"/>) of the names of the rows that read (<see cref="MayRead"/>): on socket code most
        /// calls are of catalogued names (<c>Send</c>, <c>Connect</c>, <c>Write</c>), and the reads pre-scan asks about each
        /// (the kept-answer lookup behind the first filter was a tenth of the family's pre-scan on the dense corpus).
        /// </summary>
        private readonly bool[] readNameSlots = new bool[64 * 64];

        /// <summary>The slots of the names of the rows of byte-order conversions and host-order writes and reads (<see cref="MayBeByteOrderApi"/>).</summary>
        private readonly bool[] byteOrderNameSlots = new bool[64 * 64];

        /// <summary>The names of the byte-order conversions (<see cref="ApiFacts.Conversion"/>): a handful, compared before any lookup.</summary>
        private readonly List<string> conversionNames = new();

        private readonly Dictionary<INamedTypeSymbol, ApiRow> types = new(SymbolComparer.Instance);
        private readonly List<INamedTypeSymbol> streamTypes = new();

        /// <summary>The types of the constructors that pass a stream through (<see cref="ApiRow.PassesThroughStream"/>).</summary>
        private readonly List<INamedTypeSymbol> passThroughTypes = new();
        private readonly Dictionary<SocketModelType, INamedTypeSymbol> modelTypes = new();

        /// <summary>Interface members (IDisposable.Dispose of every using) resolved to a model type's implementation: the lookup is costly and asked per call.</summary>
        private readonly System.Collections.Concurrent.ConcurrentDictionary<(SocketModelType On, ISymbol Member), SocketMember?> implementations = new(ImplementationKeyComparer.Instance);

        /// <summary>
        /// The catalogue of <paramref name="compilation"/>: the one made for an earlier compilation with the same referenced
        /// assemblies when there is one and this compilation's own source declares none of the types it names, else a new one.
        /// <para>
        /// Resolving the catalogue is about a hundred <c>GetTypeByMetadataName</c> lookups, each of which searches every
        /// referenced assembly, and every overload list they name: several milliseconds, once per compilation. An IDE makes
        /// a new compilation on every edit and a build makes one per project, but the compilations of one project share
        /// their referenced assemblies' symbols (the same objects, as long as the references are the same), and the
        /// catalogue resolves only types of referenced assemblies, so the index of one compilation is the index of the
        /// next. A type the compilation declares itself with a catalogued name (a polyfill) shadows the referenced one in
        /// <c>GetTypeByMetadataName</c>: such a compilation gets its own index, and it is not shared. Nor is the index of a
        /// compilation that references another compilation (a project reference), which the shared index would keep alive.
        /// </para>
        /// </summary>
        public static CatalogueIndex For(Compilation compilation)
            => Shelf.GetOrCreate(compilation, static c => new CatalogueIndex(c), static (index, c) => !index.IsShadowedIn(c));

        /// <summary>The indexes made so far, by the assemblies their compilations reference.</summary>
        private static readonly ReferenceShelf<CatalogueIndex> Shelf = new();

        /// <summary>The metadata names this index resolved (null results included): what a compilation's own source may shadow.</summary>
        private readonly string[] resolvedNames;

        /// <summary>True when the source of <paramref name="compilation"/> declares a type with one of the names this index resolved.</summary>
        private bool IsShadowedIn(Compilation compilation)
        {
            var own = compilation.Assembly;
            var types = MetadataTypes.For(compilation);
            foreach (var name in resolvedNames)
            {
                // Only a name under a namespace the source declares can be the source's (asking the source for each built its namespaces early).
                if (types.MayBeDeclaredInSource(name) && own.GetTypeByMetadataName(name) is not null)
                {
                    return true;
                }
            }

            return false;
        }

        public CatalogueIndex(Compilation compilation)
        {
            var resolver = new TypeResolver(compilation);
            var asyncResult = resolver.Resolve("System.IAsyncResult");
            var eventArgs = resolver.Resolve("System.Net.Sockets.SocketAsyncEventArgs");
            var tasks = new[]
            {
                resolver.Resolve("System.Threading.Tasks.Task"), resolver.Resolve("System.Threading.Tasks.Task`1"),
                resolver.Resolve("System.Threading.Tasks.ValueTask"), resolver.Resolve("System.Threading.Tasks.ValueTask`1"),
            };

            // Every type a parameter pattern can name, resolved now: the rows resolved later only read the resolver's
            // cache, and the names a compilation's own source could shadow are all known before the index is shared.
            foreach (var name in ParameterPattern.MetadataNames)
            {
                resolver.Resolve(name);
            }

            var rowsByType = new Dictionary<INamedTypeSymbol, List<ApiRow>>(SymbolEqualityComparer.Default);
            foreach (var row in SocketApiCatalogue.Rows)
            {
                if (row.Member is null)
                {
                    if (resolver.Resolve(row.Type) is { } type && !types.ContainsKey(type))
                    {
                        types.Add(type, row);
                        if (row.StreamOverSocket)
                        {
                            streamTypes.Add(type);
                        }

                        if (row.ModelType is { } model && !modelTypes.ContainsKey(model))
                        {
                            modelTypes.Add(model, type);
                        }
                    }

                    continue;
                }

                if (resolver.Resolve(row.Type) is not { } owner)
                {
                    continue;
                }

                if (!rowsByType.TryGetValue(owner, out var rows))
                {
                    rows = new List<ApiRow>();
                    rowsByType.Add(owner, rows);
                }

                rows.Add(row);
                if (row.PassesThroughStream is not null && !passThroughTypes.Exists(t => SymbolEqualityComparer.Default.Equals(t, owner)))
                {
                    passThroughTypes.Add(owner);
                }

                var reads = row.Read is not null || row.ReadApi is not null || row.LineRead is not null;
                var byteOrder = row.Conversion || row.HostOrderWrite is not null || row.HostOrderRead is not null;
                if (row.Member == ApiRow.AnyMethod)
                {
                    // Any method of the type may match: its member names (read without building its members).
                    foreach (var name in owner.MemberNames)
                    {
                        AddMemberName(name, reads, byteOrder);
                    }
                }
                else
                {
                    if (row.Conversion && !conversionNames.Contains(row.Member))
                    {
                        conversionNames.Add(row.Member);
                    }

                    AddMemberName(row.Member, reads, byteOrder);
                }
            }

            foreach (var pair in rowsByType)
            {
                var rows = pair.Value;
                membersByType.Add(pair.Key, new Lazy<Dictionary<ISymbol, ApiFacts>>(
                    () => ResolveMembers(rows, resolver, asyncResult, eventArgs, tasks),
                    System.Threading.LazyThreadSafetyMode.ExecutionAndPublication));
            }

            resolvedNames = resolver.Names();
        }

        /// <summary>The members one type's rows name, with their facts merged in the catalogue's order.</summary>
        private static Dictionary<ISymbol, ApiFacts> ResolveMembers(List<ApiRow> rows, TypeResolver resolver, INamedTypeSymbol? asyncResult, INamedTypeSymbol? eventArgs, INamedTypeSymbol?[] tasks)
        {
            var members = new Dictionary<ISymbol, ApiFacts>(SymbolEqualityComparer.Default);
            foreach (var row in rows)
            {
                foreach (var symbol in ResolveRow(row, resolver))
                {
                    if (!members.TryGetValue(symbol, out var facts))
                    {
                        facts = new ApiFacts();
                        members.Add(symbol, facts);
                    }

                    facts.Merge(row, symbol, symbol is IMethodSymbol method ? FormOf(method, asyncResult, eventArgs, tasks) : CallForm.Sync);
                }
            }

            return members;
        }

        /// <summary>The facts of a member definition, its type's rows resolved on first use; null when no row names it.</summary>
        private ApiFacts? Member(ISymbol definition)
            => definition.ContainingType is { } type && membersByType.TryGetValue(type, out var table)
                && table.Value.TryGetValue(definition, out var facts) ? facts : null;

        /// <summary>The members of the compilation that <paramref name="row"/> names (empty when it names nothing here).</summary>
        public static ImmutableArray<ISymbol> ResolveRow(Compilation compilation, ApiRow row) => ResolveRow(row, new TypeResolver(compilation));

        private static ImmutableArray<ISymbol> ResolveRow(ApiRow row, TypeResolver resolver)
        {
            if (resolver.Resolve(row.Type) is not { } type || row.Member is null)
            {
                return ImmutableArray<ISymbol>.Empty;
            }

            var pattern = row.Parameters is null ? null : ParameterPattern.Parse(row.Parameters);
            var candidates = row.Member switch
            {
                ".ctor" => ImmutableArray<ISymbol>.CastUp(type.InstanceConstructors),
                ApiRow.AnyMethod when pattern is not null => type.GetMembers(),
                ApiRow.AnyMethod => ImmutableArray<ISymbol>.Empty,
                _ => type.GetMembers(row.Member),
            };
            var builder = ImmutableArray.CreateBuilder<ISymbol>();
            foreach (var candidate in candidates)
            {
                if (candidate.DeclaredAccessibility != Accessibility.Public || candidate is not (IMethodSymbol or IPropertySymbol or IFieldSymbol))
                {
                    continue;
                }

                if (pattern is not null && (candidate is not IMethodSymbol method || !pattern.Matches(method.Parameters, resolver.Resolve)))
                {
                    continue;
                }

                if (row.Member == ApiRow.AnyMethod && candidate is not IMethodSymbol { MethodKind: MethodKind.Ordinary })
                {
                    continue;
                }

                builder.Add(candidate);
            }

            return builder.ToImmutable();
        }

        /// <summary>The call form of a method, from its signature: an <c>IAsyncResult</c> result is a <c>Begin…</c>, an
        /// <c>IAsyncResult</c> parameter an <c>End…</c>, a task result the async form, a <c>SocketAsyncEventArgs</c> parameter the event-args form.</summary>
        private static CallForm FormOf(IMethodSymbol method, INamedTypeSymbol? asyncResult, INamedTypeSymbol? eventArgs, INamedTypeSymbol?[] tasks)
        {
            if (asyncResult is not null && SymbolEqualityComparer.Default.Equals(method.ReturnType, asyncResult))
            {
                return CallForm.Begin;
            }

            foreach (var parameter in method.Parameters)
            {
                if (asyncResult is not null && SymbolEqualityComparer.Default.Equals(parameter.Type, asyncResult))
                {
                    return CallForm.End;
                }
            }

            var returnType = method.ReturnType.OriginalDefinition;
            foreach (var task in tasks)
            {
                if (task is not null && SymbolEqualityComparer.Default.Equals(returnType, task))
                {
                    return CallForm.Async;
                }
            }

            foreach (var parameter in method.Parameters)
            {
                if (eventArgs is not null && SymbolEqualityComparer.Default.Equals(parameter.Type, eventArgs))
                {
                    return CallForm.EventArgs;
                }
            }

            return CallForm.Sync;
        }

        /// <summary>
        /// <paramref name="operation"/> sets a writer's <c>AutoFlush</c> (the catalogue's <c>FlushesEachWriteWhenTrue</c>) to
        /// the constant <c>true</c>: <c>writer.AutoFlush = true;</c>, or the member of <c>new StreamWriter(s) { AutoFlush = true }</c>.
        /// </summary>
        public bool TurnsAutoFlushOn(IOperation operation)
            => operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property, Value.ConstantValue: { HasValue: true, Value: true } }
                && Facts(property.Property) is { SwitchesAutoFlush: true };

        /// <summary>
        /// False when no byte-order conversion of the catalogue has <paramref name="name"/>: for SOCK023, which is asked about
        /// every call of the compilation and looks for three names.
        /// </summary>
        public bool MayConvertByteOrder(string name)
        {
            foreach (var conversion in conversionNames)
            {
                if (string.Equals(conversion, name, System.StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        private static int NameSlot(string name) => name.Length == 0 ? 0 : (System.Math.Min(name.Length, 63) << 6) | (name[0] & 63);

        /// <summary>
        /// Adds a catalogued member name (at construction, before the index is shared); <paramref name="reads"/> for a read's
        /// row, <paramref name="byteOrder"/> for a conversion's or a host-order write's or read's.
        /// </summary>
        private void AddMemberName(string name, bool reads, bool byteOrder)
        {
            memberNames.Add(name);
            nameSlots[NameSlot(name)] = true;
            if (reads)
            {
                readNameSlots[NameSlot(name)] = true;
            }

            if (byteOrder)
            {
                byteOrderNameSlots[NameSlot(name)] = true;
            }
        }

        /// <summary>
        /// False when no row of a byte-order conversion, host-order write or host-order read (<see cref="ApiFacts.Conversion"/>,
        /// <see cref="ApiFacts.HostOrderWrite"/>, <see cref="ApiFacts.HostOrderRead"/>) has a member of
        /// <paramref name="name"/>'s length and first letter: then <see cref="Facts(ISymbol)"/> has none of them for a member so
        /// named. The byte-order family's relevance test asks about every call of every body.
        /// </summary>
        public bool MayBeByteOrderApi(string name) => byteOrderNameSlots[NameSlot(name)];

        /// <summary>
        /// False when no row that reads (<see cref="ApiFacts.Read"/>, <see cref="ApiFacts.ReadApi"/>,
        /// <see cref="ApiFacts.LineRead"/>) has a member of <paramref name="name"/>'s length and first letter: then
        /// <see cref="Facts(ISymbol)"/> has no read facet for a member so named (an override, a reduced extension method and a
        /// constructed member have their definition's name). The reads family asks about every call of a body with a read.
        /// </summary>
        public bool MayRead(string name) => readNameSlots[NameSlot(name)];

        /// <summary>What the catalogue says about <paramref name="symbol"/> (or the member it overrides), or null.</summary>
        public ApiFacts? Facts(ISymbol? symbol)
        {
            if (symbol is null || symbol.Name is not { } name || !nameSlots[NameSlot(name)])
            {
                // An overriding member has the name of the member it overrides, a reduced extension method and a
                // constructed generic member the name of their definition: no name here, no row.
                return null;
            }

            var definition = symbol switch
            {
                IMethodSymbol method => (method.ReducedFrom ?? method).OriginalDefinition,
                _ => symbol.OriginalDefinition,
            };

            // A referenced member: the same symbol in every compilation over these references, so the answer is kept. The
            // families ask for every call they meet, on every visit of its block, and the walk up the overridden members
            // with a symbol-keyed lookup at each step was a tenth of their time on the dense corpus. Asked first: only a
            // referenced member is ever kept, and its containing assembly is a walk up its namespaces. Before the names'
            // set too: on socket code most calls that pass the slots are the catalogue's, whose names hashed in that set
            // were two fifths of this method's samples on the dense corpus.
            if (answers.TryGetValue(definition, out var known))
            {
                return known;
            }

            var referenced = definition.ContainingAssembly is not (ISourceAssemblySymbol or null);
            if (!memberNames.Contains(name))
            {
                // No row has the name; a referenced member's no is kept as its yes would be.
                if (referenced)
                {
                    answers.TryAdd(definition, null);
                }

                return null;
            }

            if (!referenced)
            {
                // A member of the code under analysis (an override of Stream.Read): answered, not kept (the index outlives the compilation).
                return Lookup(definition);
            }

            var facts = Lookup(definition);
            answers.TryAdd(definition, facts);
            return facts;
        }

        private ApiFacts? Lookup(ISymbol definition)
        {
            switch (definition)
            {
                case IMethodSymbol method:
                    for (var m = method; m is not null; m = m.OverriddenMethod?.OriginalDefinition)
                    {
                        if (Member(m) is { } facts)
                        {
                            return facts;
                        }
                    }

                    return null;
                case IPropertySymbol property:
                    for (var p = property; p is not null; p = p.OverriddenProperty?.OriginalDefinition)
                    {
                        if (Member(p) is { } facts)
                        {
                            return facts;
                        }
                    }

                    return null;
                case IFieldSymbol field:
                    return Member(field);
                default:
                    return null;
            }
        }

        /// <summary>
        /// <see cref="Facts(ISymbol)"/>'s answers for member definitions of referenced assemblies, by reference: a metadata
        /// symbol is one object for every compilation over the same references (the ones this index is shared by).
        /// </summary>
        private readonly System.Collections.Concurrent.ConcurrentDictionary<ISymbol, ApiFacts?> answers = new(ReferenceComparer.Instance);

        /// <summary>
        /// The lifecycle transition of <paramref name="member"/> called on a receiver of model type <paramref name="on"/>;
        /// an interface member (<c>IDisposable.Dispose</c> of a <c>using</c>) is the model type's implementation of it.
        /// </summary>
        public SocketMember? Lifecycle(SocketModelType on, ISymbol member)
        {
            if (Facts(member)?.Lifecycle(on) is { } direct)
            {
                return direct;
            }

            if (member.ContainingType is not { TypeKind: TypeKind.Interface } || !modelTypes.ContainsKey(on))
            {
                return null;
            }

            if (member.ContainingAssembly is ISourceAssemblySymbol)
            {
                // An interface of the code under analysis: answered, not kept (the index outlives the compilation).
                return Implementation(on, member);
            }

            return implementations.GetOrAdd((on, member), key => Implementation(key.On, key.Member));
        }

        private SocketMember? Implementation(SocketModelType on, ISymbol member)
            => modelTypes[on].FindImplementationForInterfaceMember(member) is { } implementation ? Facts(implementation)?.Lifecycle(on) : null;

        private sealed class ImplementationKeyComparer : IEqualityComparer<(SocketModelType On, ISymbol Member)>
        {
            public static readonly ImplementationKeyComparer Instance = new();

            public bool Equals((SocketModelType On, ISymbol Member) x, (SocketModelType On, ISymbol Member) y)
                => x.On == y.On && SymbolEqualityComparer.Default.Equals(x.Member, y.Member);

            public int GetHashCode((SocketModelType On, ISymbol Member) obj)
                => ((int)obj.On * 397) ^ SymbolEqualityComparer.Default.GetHashCode(obj.Member);
        }

        /// <summary>The facts of the member an operation calls, constructs or references, or null.</summary>
        public ApiFacts? Facts(IOperation operation) => operation switch
        {
            IInvocationOperation call => Facts(call.TargetMethod),
            IObjectCreationOperation { Constructor: { } constructor } => Facts(constructor),
            IPropertyReferenceOperation property => Facts(property.Property),
            IFieldReferenceOperation field => Facts(field.Field),
            _ => null,
        };

        /// <summary>The lifecycle model type of <paramref name="type"/> (or of the catalogued type it derives from), or null.</summary>
        public SocketModelType? ModelTypeOf(ITypeSymbol? type)
        {
            for (var t = type; t is not null; t = t.BaseType)
            {
                if (t is INamedTypeSymbol named && types.TryGetValue(named.OriginalDefinition, out var row) && row.ModelType is { } model)
                {
                    return model;
                }
            }

            return null;
        }

        /// <summary>
        /// True for a type (or a subclass of one) whose constructor the catalogue says passes a stream through
        /// (<see cref="ApiRow.PassesThroughStream"/>: <c>BufferedStream</c>, <c>CryptoStream</c>, <c>GZipStream</c>…): a value
        /// of such a type may be a network stream, by what it was made over.
        /// </summary>
        public bool IsPassThroughStreamType(ITypeSymbol? type)
        {
            foreach (var stream in passThroughTypes)
            {
                if (KnownSymbols.IsOrDerivesFrom(type, stream))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True when <paramref name="type"/> is a stream over a socket (<c>NetworkStream</c>, <c>SslStream</c>, …) or derives from one.</summary>
        public bool IsStreamOverSocketType(ITypeSymbol? type)
        {
            foreach (var stream in streamTypes)
            {
                if (KnownSymbols.IsOrDerivesFrom(type, stream))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The argument of <paramref name="invocation"/> for the parameter at <paramref name="ordinal"/>, or the instance for <see cref="SocketApiCatalogue.Instance"/>.</summary>
        public static IOperation? Argument(IInvocationOperation invocation, int? ordinal)
            => ordinal == SocketApiCatalogue.Instance ? invocation.Instance : Argument(invocation.Arguments, ordinal);

        /// <summary>The argument of a call or creation for the parameter at <paramref name="ordinal"/> (given, or its default), or null.</summary>
        public static IOperation? Argument(ImmutableArray<IArgumentOperation> arguments, int? ordinal)
            => ordinal is int at ? ArgumentAt(arguments, at)?.Value : null;

        /// <summary>The argument operation of a call or creation for the parameter at <paramref name="ordinal"/>, or null.</summary>
        public static IArgumentOperation? ArgumentAt(ImmutableArray<IArgumentOperation> arguments, int ordinal)
        {
            foreach (var argument in arguments)
            {
                if (argument.Parameter?.Ordinal == ordinal)
                {
                    return argument;
                }
            }

            return null;
        }

        /// <summary>The arguments of an invocation or an object creation; empty for any other operation.</summary>
        public static ImmutableArray<IArgumentOperation> ArgumentsOf(IOperation call) => call switch
        {
            IInvocationOperation invocation => invocation.Arguments,
            IObjectCreationOperation creation => creation.Arguments,
            _ => ImmutableArray<IArgumentOperation>.Empty,
        };

        /// <summary>Metadata names to symbols, each resolved once.</summary>
        private sealed class TypeResolver
        {
            private readonly Compilation compilation;
            private readonly Dictionary<string, INamedTypeSymbol?> cache = new(StringComparer.Ordinal);

            public TypeResolver(Compilation compilation)
            {
                this.compilation = compilation;
            }

            public INamedTypeSymbol? Resolve(string metadataName)
            {
                // Rows resolved on first use may ask from several analyzers' threads at once.
                lock (cache)
                {
                    if (!cache.TryGetValue(metadataName, out var type))
                    {
                        type = MetadataTypes.For(compilation).Get(metadataName);
                        cache.Add(metadataName, type);
                    }

                    return type;
                }
            }

            /// <summary>Every name looked up so far.</summary>
            public string[] Names()
            {
                lock (cache)
                {
                    var names = new string[cache.Count];
                    cache.Keys.CopyTo(names, 0);
                    return names;
                }
            }
        }
    }
}
