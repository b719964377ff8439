using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Common;
using SocketAnalyzers.Lifecycle;
using SocketAnalyzers.Model;

namespace SocketAnalyzers.Reads
{
    /// <summary>How a read's count leaves the read (SOCK010).</summary>
    internal enum CountForm
    {
        /// <summary>Used by the expression around the read: not SOCK010's business.</summary>
        Used,

        /// <summary>A statement, an awaited statement, or <c>_ = …</c>.</summary>
        Discarded,

        /// <summary>Stored in a local by a declaration or an assignment statement.</summary>
        Stored,
    }

    /// <summary>Whether the bytes a read placed in its buffer can be looked at after the read (SOCK010's precision).</summary>
    internal enum BufferReach
    {
        /// <summary>A local of this body: looked at when a later operation of the body uses it.</summary>
        Tracked,

        /// <summary>A parameter, a field, a captured local or an expression we cannot follow: the caller may look.</summary>
        Escapes,

        /// <summary>A fresh array made for the read (<c>new byte[socket.Available]</c>), or an <c>End*</c> that only completes the operation.</summary>
        Never,
    }

    /// <summary>One network read of a body, with everything the three checks need to know about it, found by the pre-scan.</summary>
    internal sealed class ReadSite
    {
        public ReadSite(int index, NetworkRead read)
        {
            Index = index;
            Read = read;
            Receiver = read.Invocation.Instance;
        }

        public int Index { get; }

        public NetworkRead Read { get; }

        public IInvocationOperation Invocation => Read.Invocation;

        /// <summary>
        /// The socket, stream or reader the read is made on: the invocation's instance, or for a call of a helper
        /// (<see cref="Helper"/>) the helper's field, or the caller's argument for the helper's parameter.
        /// </summary>
        public IOperation? Receiver { get; set; }

        /// <summary>
        /// The call is not a read itself but a call of a helper of the type that returns what its read got (in a loop; or
        /// anywhere when it fills an array the caller passes)
        /// (<see cref="HelperReads"/>): its end of stream is the value the helper returns then (SOCK011), and the array it
        /// fills for the caller, if any (<see cref="HelperRead.BufferParameter"/>), is its buffer (SOCK012).
        /// </summary>
        public HelperRead? Helper { get; set; }

        /// <summary>A helper that returns the text decoded from its read: its end of stream is <c>""</c>, not a count.</summary>
        public bool ReturnsEmptyText => Helper?.Result == HelperResult.EmptyText;

        /// <summary>The call of a helper that returns the bytes of the empty text at end of stream: an empty array.</summary>
        public bool ReturnsEmptyBytes => Helper?.Result == HelperResult.EmptyBytes;

        /// <summary>The call of a helper whose result says nothing of its read's 0 (<see cref="HelperResult.Other"/>).</summary>
        public bool ReturnsOther => Helper?.Result == HelperResult.Other;

        /// <summary>A line read (<c>reader.ReadLine()</c>): its end of stream is a <c>null</c> line, and it has no count (SOCK011 only).</summary>
        public bool IsLine => Read.Api.IsLine;

        /// <summary>A read that throws at end of stream instead of returning (<see cref="ReadApi.IsThrowing"/>).</summary>
        public bool IsThrowing => Read.Api.IsThrowing;

        /// <summary>
        /// A stream's <c>ReadExactly(Async)</c>, or a reader's read handed a buffer (.NET 10's <c>BinaryReader.ReadExactly</c>):
        /// it throws at end of stream (<see cref="IsThrowing"/>), and otherwise fills its buffer and uses its connection as any
        /// call handed them does (SOCK011 only).
        /// </summary>
        public bool IsExact => Read.Api.IsThrowing && (Read.Api.Owner == ReadOwner.Stream || Invocation.Arguments.Length > 0);

        /// <summary>A character read (<c>reader.Read()</c>): its end of stream is -1, and it has no count (SOCK011 only).</summary>
        public bool IsChar => Read.Api.IsChar;

        /// <summary>The lambda or local function the read is in (null: the body itself).</summary>
        public SyntaxNode? Function { get; set; }

        /// <summary>The variable the socket or stream comes from (<c>client</c> for <c>client.GetStream().Read</c>), or null.</summary>
        public ISymbol? ReceiverRoot { get; set; }

        /// <summary>
        /// The variable of the connection under the socket or stream: through locals assigned once from
        /// <c>new NetworkStream(socket)</c>, <c>new SslStream(inner)</c> or <c>client.GetStream()</c>. Two reads with the
        /// same connection root read the same bytes one after the other.
        /// </summary>
        public ISymbol? ConnectionRoot { get; set; }

        // ---- SOCK010 ----
        public CountForm Form { get; set; }

        public ILocalSymbol? StoredLocal { get; set; }

        /// <summary>The local the count is put in, as a statement (<see cref="StoredLocal"/>) or inside an expression (<c>while ((n = s.Read(…)) > 0)</c>).</summary>
        public ILocalSymbol? CountLocal { get; set; }

        public ISymbol? BufferVariable { get; set; }

        /// <summary>
        /// The buffer is an array field of this object (<c>ReceiveFrom(buffer, …)</c>, <c>this.buffer</c>, a static one):
        /// <see cref="BufferReach.Escapes"/>, but a datagram read's bytes looked at through it later in the body make its
        /// count matter there (<see cref="ReadFlowAnalysis"/>'s use of a datagram's buffer field).
        /// </summary>
        public IFieldSymbol? BufferField { get; set; }

        public BufferReach BufferReach { get; set; }

        // ---- SOCK011 ----

        /// <summary>The loops around the read in its own function, innermost first; empty when it is no SOCK011 candidate.</summary>
        public List<SyntaxNode> Loops { get; } = new();

        public bool ReceiverChangedByCalls { get; set; }

        /// <summary>
        /// The read takes one whole datagram: a datagram read (<c>ReceiveFrom</c>, <c>ReceiveMessageFrom</c>), or a read of a
        /// socket that is or may be a datagram socket. Another read of the same socket then takes the next datagram whatever
        /// this one's length was, so it does not make this read's count matter (SOCK010), as it does on a stream.
        /// <para>
        /// Whether a socket is a datagram one is worked out on the first ask (<see cref="DecideDatagramLater"/>): for a
        /// socket parameter it reads every call of the helper in the file, and most reads are settled without the answer.
        /// </para>
        /// </summary>
        public bool OneDatagram
        {
            get
            {
                if (datagramSocketTest is { } reads)
                {
                    datagramSocketTest = null;
                    oneDatagram = reads.IsDatagramSocket(datagramSocket!, datagramToken);
                }

                return oneDatagram;
            }

            set
            {
                datagramSocketTest = null;
                oneDatagram = value;
            }
        }

        private bool oneDatagram;
        private NetworkReads? datagramSocketTest;
        private IOperation? datagramSocket;
        private System.Threading.CancellationToken datagramToken;

        /// <summary>
        /// <see cref="OneDatagram"/> is what <see cref="NetworkReads.IsDatagramSocket"/> says of <paramref name="socket"/>, asked
        /// with <paramref name="cancellationToken"/> (the scanning analysis's: only that analysis asks) when first needed.
        /// </summary>
        public void DecideDatagramLater(NetworkReads reads, IOperation socket, System.Threading.CancellationToken cancellationToken)
        {
            datagramSocketTest = reads;
            datagramSocket = socket;
            datagramToken = cancellationToken;
        }

        /// <summary>
        /// An <c>End*</c> read in an APM callback that starts the next receive of the same connection with itself as the
        /// callback (<c>socket.BeginReceive(…, OnData, …)</c> in <c>OnData</c>): the chain of callbacks is the loop, the
        /// callback's body its turn, and <see cref="Rearms"/> its way back to the read. <see cref="Loops"/> then holds the
        /// callback's own syntax.
        /// </summary>
        public bool CallbackChain { get; set; }

        /// <summary>
        /// An <c>End…</c> whose every <c>Begin…</c> asks for no byte (<see cref="NetworkReads.EndsOnlyEmptyReceives"/>): a wait
        /// until data comes, whose count is always 0. SOCK010 has no count to report for it, and a chain of such waits is
        /// the chain of the read that follows the wait (<c>ReadAfterWait</c>).
        /// </summary>
        public bool EndsEmptyWait { get; set; }

        /// <summary>The calls that start the next receive with this callback (<see cref="CallbackChain"/>).</summary>
        public HashSet<SyntaxNode>? Rearms { get; set; }

        /// <summary>
        /// For a <see cref="CallbackChain"/> whose connection no variable roots but a field of the callback's state object
        /// (<c>state.socket.EndReceive(ar)</c> … <c>state.socket.BeginReceive(…, OnData, state)</c>, with <c>state</c> a local
        /// or parameter the callback never assigns and the field never assigned in it): that path, and the variable it
        /// starts from (<see cref="ChainBase"/>). Null for every other read.
        /// </summary>
        public ConnectionPath? ChainPath { get; set; }

        /// <summary>The local or parameter <see cref="ChainPath"/> starts from (<c>state</c>).</summary>
        public ISymbol? ChainBase { get; set; }

        /// <summary>
        /// One of <see cref="Rearms"/> is a statement of a <c>finally</c> block whose <c>try</c> holds the read: every normal
        /// way out of the callback after the read starts the next receive (the graph's branch out of the <c>try</c> goes to
        /// the end of the body before its <c>finally</c> runs).
        /// </summary>
        public bool RearmedInFinally { get; set; }

        // ---- SOCK012 ----

        /// <summary>The <c>byte[]</c> variable the read fills from its start, when SOCK012 applies to the read.</summary>
        public ISymbol? WholeBuffer { get; set; }

        /// <summary>
        /// The length of the view the read fills when it is given one from the array's start (<c>buf.AsMemory(0, 4)</c>: the
        /// <c>4</c>), the size it asks for as a count would say; null for any other read (<see cref="AskedSize"/>).
        /// </summary>
        public IOperation? ViewLength { get; set; }

        /// <summary>The size the read asks for: its count, or the length of the view it fills from the array's start; null for the whole buffer.</summary>
        public IOperation? AskedSize => Read.Count ?? ViewLength;

        /// <summary>
        /// An <c>End…</c> read in the callback its <c>Begin…</c> receives name: the array they fill from its start
        /// (<see cref="UnreadBufferFields.BufferOfCallback"/>), and the callback's <c>IAsyncResult</c> parameter the read
        /// completes (its <c>AsyncState</c> is the state object whose field it is, for <see cref="CallbackBufferKind.OnState"/>).
        /// </summary>
        public CallbackBuffer? EndBuffer { get; set; }

        /// <inheritdoc cref="EndBuffer"/>
        public IParameterSymbol? EndResult { get; set; }

        /// <summary>
        /// SOCK012 applies only if the flow finds this read's stored count used nowhere after it: its local is used
        /// meaningfully elsewhere in the body (<c>int i = 5; Console.WriteLine(i); i = s.Receive(b);</c>), so the body
        /// alone does not say that the code ignores this read's count.
        /// </summary>
        public bool WholeBufferIfCountUnused { get; set; }

        /// <summary>
        /// The count has no local and goes straight into a use that says nothing about how many bytes arrived
        /// (<c>if (s.Receive(buffer) != 0)</c>): the same test as for a stored count (<see cref="IsNeutralCountUse"/>).
        /// </summary>
        public bool CountNeverKept { get; set; }

        /// <summary>
        /// The count goes straight into a running total of the loop's reads (<c>total += s.Read(buf, 0, buf.Length)</c>): how
        /// much arrived in all, not how much this read put in the buffer it fills from the start (<see cref="IsRunningTotal"/>).
        /// </summary>
        public bool CountOnlyTotalled { get; set; }

        /// <summary>The expression holding the count for the fix (<c>n</c>, <c>r.ReceivedBytes</c>); null when discarded or unknown.</summary>
        public string? CountText { get; set; }
    }

    /// <summary>
    /// The cheap pre-scan of one body on its operation tree (one walk, before any graph is built): its network reads, the
    /// names its lambdas and local functions use or write, and how every local is used as a count. Null when the body
    /// has no network read: then no graph is built.
    /// </summary>
    internal sealed class ReadBody
    {
        private readonly Dictionary<SyntaxNode, ReadSite> sitesBySyntax = new();

        private readonly BufferConsumers consumers;
        // Per local the body assigns, its one value and its one value other than null (AddValue): one table, so that an
        // assignment costs one hash of the local, not four.
        private readonly Dictionary<ILocalSymbol, AssignedValues> assigned = new(SymbolComparer.Instance);

        private struct AssignedValues
        {
            /// <summary>The value of its one assignment; null once it has two (or one without a value).</summary>
            public IOperation? Single;

            /// <summary>The value of its one assignment of something other than null (<see cref="AnyNonNull"/>); null once it has two.</summary>
            public IOperation? NonNull;

            /// <summary>Some assignment gives it something other than a <c>null</c> or <c>default</c> constant.</summary>
            public bool AnyNonNull;
        }

        /// <summary>The local is assigned in the body; <paramref name="value"/> is its one value, or null when it has more.</summary>
        private bool TrySingleValue(ILocalSymbol local, out IOperation? value)
        {
            if (assigned.TryGetValue(local, out var values))
            {
                value = values.Single;
                return true;
            }

            value = null;
            return false;
        }

        private ReadBody(BufferConsumers consumers, System.Threading.CancellationToken cancellationToken)
        {
            this.consumers = consumers;
            this.cancellationToken = cancellationToken;
        }

        // The token of the analysis that scanned the body: the flow asks the body questions later in the same analysis.
        private readonly System.Threading.CancellationToken cancellationToken;

        public List<ReadSite> Sites { get; } = new();

        /// <summary>Locals and parameters used by a lambda or local function other than the one that declares them (it may read or change them at any time).</summary>
        public HashSet<ISymbol> Captured { get; } = new(SymbolComparer.Instance);

        /// <summary>Those of <see cref="Captured"/> that a lambda or local function writes, and fields written by one.</summary>
        public HashSet<ISymbol> CapturedWritten { get; } = new(SymbolComparer.Instance);

        /// <summary>
        /// The local is used in a way that shows the code knows how many bytes arrived (<see cref="IsMeaningfulCountUse"/>:
        /// SOCK012 stays silent for it). Asked only of count locals, so it is worked out for the local on its first ask.
        /// </summary>
        public bool HasMeaningfulUse(ILocalSymbol local) => (CountUsesOf(local) & CountUses.Meaningful) != 0;

        /// <summary>The local is assigned something other than a counting read (or changed by <c>n += …</c>, <c>n++</c>, a <c>ref</c>).</summary>
        public bool IsNotOnlyFromReads(ILocalSymbol local) => (CountUsesOf(local) & CountUses.NotOnlyFromReads) != 0;

        [System.Flags]
        private enum CountUses : byte
        {
            Known = 1,
            Meaningful = 2,
            NotOnlyFromReads = 4,
        }

        // The body's local references (the scan's), and per count local asked so far what they say of it. Every local
        // reference was classified in the scan before; only count locals are ever asked, one or two per body, and the
        // classification of all the others was a sixth of the family's samples on the dense corpus.
        private ILocalReferenceOperation[] localReferences = System.Array.Empty<ILocalReferenceOperation>();
        private Dictionary<ILocalSymbol, CountUses>? countUses;

        private CountUses CountUsesOf(ILocalSymbol local)
        {
            countUses ??= new Dictionary<ILocalSymbol, CountUses>(SymbolComparer.Instance);
            if (countUses.TryGetValue(local, out var known))
            {
                return known;
            }

            var uses = CountUses.Known;
            foreach (var reference in localReferences)
            {
                if (!SymbolComparer.Instance.Equals(reference.Local, local))
                {
                    continue;
                }

                if (reference.Parent is ISimpleAssignmentOperation assignment && assignment.Target == reference)
                {
                    if (!IsSiteValue(assignment.Value, reads!))
                    {
                        uses |= CountUses.NotOnlyFromReads;
                    }

                    continue;
                }

                // n += x changes the count's local; total += n (n the value) only reads it.
                if (IsWrite(reference))
                {
                    uses |= CountUses.NotOnlyFromReads;
                }

                if (IsMeaningfulCountUse(reference, reads!))
                {
                    uses |= CountUses.Meaningful;
                }
            }

            countUses[local] = uses;
            return uses;
        }

        // The reads' catalogue the scan used, for what is worked out later.
        private NetworkReads? reads;

        /// <summary>Names of locals assigned from a read: a condition that mentions one depends on a count.</summary>
        public HashSet<string> CountNames { get; } = new(System.StringComparer.Ordinal);

        /// <summary>
        /// Per local, the source position after which nothing can use it: its last reference, extended to the end of
        /// the outermost loop around that reference. Past it, facts about the local are dropped, so that the state of a
        /// long method holds only what is still live (one method's cost stays linear in its size). Only the flow asks,
        /// so it is worked out on its first ask: a body whose reads are settled (<see cref="SettledReads"/>) never pays.
        /// </summary>
        public Dictionary<ILocalSymbol, int> ReachEnd => reachEnd ??= ComputeReachEnd();

        private Dictionary<ILocalSymbol, int>? reachEnd;

        /// <summary>The body's shared walk (<see cref="BodyOperations"/>), for what is worked out after the scan.</summary>
        private BodyOperations? operations;

        private Dictionary<ILocalSymbol, int> ComputeReachEnd()
        {
            var ends = new Dictionary<ILocalSymbol, int>(SymbolComparer.Instance);
            if (operations is { } walk)
            {
                for (var index = 0; index < walk.Count; index++)
                {
                    if (walk.Kind(index) == OperationKind.LocalReference)
                    {
                        Reach(ends, (ILocalReferenceOperation)walk[index], walk, index);
                    }
                }
            }

            return ends;
        }

        /// <summary>A <c>goto</c> can go back to code before a position: then nothing is dropped by position.</summary>
        public bool HasGoTo { get; private set; }

        /// <summary>Some read of the body is a line read (null at end of stream): only then can a call on a value end a path.</summary>
        public bool HasLineReads { get; private set; }

        public ReadSite? SiteAt(SyntaxNode syntax) => sitesBySyntax.TryGetValue(syntax, out var site) ? site : null;

        /// <summary>Some read is inside a lambda or local function.</summary>
        public bool HasSitesInFunctions
        {
            get
            {
                foreach (var site in Sites)
                {
                    if (site.Function is not null)
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        public bool HasSitesIn(SyntaxNode? function)
        {
            foreach (var site in Sites)
            {
                if (function is null ? site.Function is null : site.Function is not null && function.Span.Contains(site.Function.Span) && function.SyntaxTree == site.Function.SyntaxTree)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The scan's working lists, kept per thread between bodies: most bodies have no read, and growing fresh lists of
        /// every local reference for each of them was most of the scan's cost (in allocation and collection).
        /// </summary>
        private sealed class ScanScratch
        {
            public readonly List<(ILocalReferenceOperation Reference, ISymbol? Owner)> LocalUses = new();
            public readonly List<(IParameterReferenceOperation Reference, ISymbol Owner)> CapturedParameters = new();
            public readonly List<(ILocalSymbol Local, IOperation Value)> Declarations = new();
            public readonly List<(IInvocationOperation Call, SyntaxNode? Owner, ISymbol? OwnerSymbol)> Receives = new();

            /// <summary><c>socket.ReceiveAsync(e)</c> with a <c>SocketAsyncEventArgs</c>, outside lambdas (<see cref="EventArgsChains"/>).</summary>
            public readonly List<IInvocationOperation> EventArgsReceives = new();

            /// <summary>What <c>AutoFlush = true</c> is set on: a local, or the syntax of the creation whose initializer sets it.</summary>
            public readonly List<object> AutoFlushed = new();

            public void Clear()
            {
                AutoFlushed.Clear();
                LocalUses.Clear();
                CapturedParameters.Clear();
                Declarations.Clear();
                Receives.Clear();
                EventArgsReceives.Clear();
            }
        }

        [System.ThreadStatic]
        private static ScanScratch? threadScratch;

        /// <param name="body">The operation block.</param>
        /// <param name="reads">The reads' catalogue and summaries.</param>
        /// <param name="consumers">The buffer consumers.</param>
        /// <param name="member">The block's owning symbol.</param>
        /// <param name="cancellationToken">The token.</param>
        public static ReadBody? Scan(IOperation body, NetworkReads reads, BufferConsumers consumers, ISymbol? member, System.Threading.CancellationToken cancellationToken)
        {
            // Taken, not shared: a scan that re-entered (it does not today) would get fresh lists.
            var scratch = threadScratch ?? new ScanScratch();
            threadScratch = null;
            try
            {
                return Scan(body, reads, consumers, member, scratch, cancellationToken);
            }
            finally
            {
                scratch.Clear();
                threadScratch = scratch;
            }
        }

        /// <summary>
        /// The helper <paramref name="call"/> makes a read site of (<see cref="HelperReads"/>): in a loop of the caller, any
        /// such helper (SOCK011); outside loops, one that fills an array the caller passes (SOCK012), which is asked only
        /// when the call passes a <c>byte[]</c>.
        /// </summary>
        private static (HelperRead Helper, IOperation Receiver)? HelperCallAt(IInvocationOperation call, NetworkReads reads, System.Threading.CancellationToken cancellationToken)
        {
            if (NetworkReads.IsInLoop(call))
            {
                return reads.Helpers.At(call, cancellationToken);
            }

            foreach (var argument in call.Arguments)
            {
                if (HelperReads.IsByteArray(argument.Value.Type))
                {
                    return reads.Helpers.At(call, cancellationToken) is { Helper.BufferParameter: not null } filling ? filling : null;
                }
            }

            return null;
        }

        /// <summary>The kinds of the interfaces the scan has a case for; the others are only walked through.</summary>
        private static readonly OperationKindSet ScannedKinds = new(
            OperationKind.Invocation,
            OperationKind.LocalReference,
            OperationKind.Branch,
            OperationKind.VariableDeclarator,
            OperationKind.ParameterReference,
            OperationKind.PropertyReference,
            OperationKind.SimpleAssignment);

        private static ReadBody? Scan(IOperation body, NetworkReads reads, BufferConsumers consumers, ISymbol? member, ScanScratch scratch, System.Threading.CancellationToken cancellationToken)
        {
            ReadBody? result = null;
            var guardsAvailable = false;
            var testsCancellation = false;
            var localUses = scratch.LocalUses;
            var capturedParameters = scratch.CapturedParameters;
            var declarations = scratch.Declarations;
            var operations = BodyOperations.Of(body, cancellationToken);
            var ownerIndex = -1;
            SyntaxNode? function = null;
            ISymbol? ownerSymbol = null;
            for (var index = 0; index < operations.Count; index++)
            {
                if ((index & 63) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                var kind = operations.Kind(index);
                if (!ScannedKinds.Contains(kind))
                {
                    continue;
                }

                var operation = operations[index];
                if (operations.Function(index) != ownerIndex)
                {
                    // The lambda or local function the operation is in: its reads and uses belong to it.
                    ownerIndex = operations.Function(index);
                    function = ownerIndex < 0 ? null : operations[ownerIndex].Syntax;
                    ownerSymbol = ownerIndex < 0 ? null : operations.FunctionSymbol(ownerIndex);
                }

                // Calls by kind first: each case's type pattern tested every operation against IInvocationOperation, and the
                // other operations (a local reference most often) gain nothing from that test.
                if (kind == OperationKind.Invocation)
                {
                    switch (operation)
                    {
                        case IInvocationOperation invocation when reads.TryGetEndOfStreamRead(invocation, cancellationToken) is { } read:
                            result ??= new ReadBody(consumers, cancellationToken);
                            var site = new ReadSite(result.Sites.Count, read) { Function = function };
                            result.Sites.Add(site);
                            result.sitesBySyntax[invocation.Syntax] = site;
                            result.HasLineReads |= read.Api.IsLine;
                            if (read.Api.Owner == ReadOwner.Socket && !read.Api.IsAsync && NetworkReads.Peeks(invocation, reads.Symbols))
                            {
                                // int len = s.Receive(buf, 0, n, SocketFlags.Peek): len bytes wait, as after an Available test.
                                guardsAvailable = true;
                            }

                            if (function is null && invocation is { TargetMethod.Name: "EndReceive", Arguments.Length: 1 } && invocation.Arguments[0].Value is IParameterReferenceOperation)
                            {
                                // A callback's EndReceive(ar): its receives may only look (ReadFlowAnalysis.PeekingCallback).
                                guardsAvailable = true;
                            }

                            break;
                        case IInvocationOperation call when HelperReads.MayBeHelper(call) && HelperCallAt(call, reads, cancellationToken) is { } helperCall:
                            // A helper of the type that returns what its read got, called in a loop: its call is the read there.
                            // Anywhere, one that fills the caller's array and returns the count: the array holds that many bytes.
                            result ??= new ReadBody(consumers, cancellationToken);
                            var helperSite = new ReadSite(result.Sites.Count, new NetworkRead(call, helperCall.Helper.Api, CatalogueIndex.Argument(call, helperCall.Helper.BufferParameter?.Ordinal), null, null, isZeroLength: false, throwsAtEnd: false))
                            {
                                Function = function,
                                Receiver = helperCall.Receiver,
                                Helper = helperCall.Helper,
                            };
                            result.Sites.Add(helperSite);
                            result.sitesBySyntax[call.Syntax] = helperSite;
                            result.HasLineReads |= helperSite.IsLine;
                            break;
                        case IInvocationOperation { Arguments.Length: 1 } eventArgsReceive when function is null && eventArgsReceive.Arguments[0].Value is IParameterReferenceOperation given
                            && (eventArgsReceive.Instance is not null && reads.Symbols.Framework.IsEventArgsReceive(eventArgsReceive.TargetMethod)
                                || reads.Symbols.Framework.IsEventArgs(given.Type) && !eventArgsReceive.TargetMethod.DeclaringSyntaxReferences.IsEmpty):
                            // if (!socket.ReceiveAsync(e)) OnReceive(sender, e);: a chain of receives on one SocketAsyncEventArgs
                            // (or StartReceive(e), a method of the type that does that).
                            scratch.EventArgsReceives.Add(eventArgsReceive);
                            break;
                        case IInvocationOperation { Instance: not null } begin when StartsReceive(begin):
                            scratch.Receives.Add((begin, function, ownerSymbol));

                            // s.BeginReceive(buf, pos, n, SocketFlags.Peek, …) ended by s.EndReceive(ar): as the synchronous peek.
                            guardsAvailable |= NetworkReads.Peeks(begin, reads.Symbols);
                            break;
                    }

                    continue;
                }

                switch (operation)
                {
                    case ILocalReferenceOperation local:
                        localUses.Add((local, ownerSymbol));
                        break;
                    case IBranchOperation { BranchKind: BranchKind.GoTo }:
                        result ??= new ReadBody(consumers, cancellationToken);
                        result.HasGoTo = true;
                        break;
                    case IVariableDeclaratorOperation declarator when (declarator.Initializer ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer) is { } initializer:
                        declarations.Add((declarator.Symbol, initializer.Value));
                        break;
                    case IParameterReferenceOperation parameter when ownerSymbol is not null:
                        capturedParameters.Add((parameter, ownerSymbol));
                        break;
                    case IPropertyReferenceOperation { Property.Name: "Available" or "DataAvailable" } available when reads.Symbols.Catalogue.Facts(available.Property) is { TellsAvailable: true }:
                        guardsAvailable = true;
                        break;
                    case IPropertyReferenceOperation { Arguments.Length: 0, Instance: null or IInstanceReferenceOperation, Type.SpecialType: SpecialType.System_Int32 } wrapper
                        when !guardsAvailable && NetworkFields.AvailableGetterField(wrapper.Property, reads.Symbols.Catalogue, cancellationToken) is not null:
                        // int available => socket.Available; of this object: the same count.
                        guardsAvailable = true;
                        break;
                    case IPropertyReferenceOperation { Property.Name: "IsCancellationRequested" } cancelled when reads.Symbols.Framework.IsCancellationRequested(cancelled.Property):
                        testsCancellation = true;
                        break;
                    case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Instance: { } writer } } setting when reads.Symbols.Catalogue.TurnsAutoFlushOn(setting):
                        // writer.AutoFlush = true; or new StreamWriter(stream) { AutoFlush = true }.
                        if (writer is ILocalReferenceOperation flushed)
                        {
                            scratch.AutoFlushed.Add(flushed.Local);
                        }
                        else if (writer is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver } && operation.Parent?.Parent is IObjectCreationOperation made)
                        {
                            scratch.AutoFlushed.Add(made.Syntax);
                        }

                        break;
                }
            }

            // Begin… receives whose End… can never be called: reported whether or not the body has reads to follow.
            var unended = scratch.Receives.Count > 0 ? UnendedReceives.Find(scratch.Receives, reads, body.SemanticModel, cancellationToken) : null;
            var chains = scratch.EventArgsReceives.Count > 0 ? Reads.EventArgsChains.Find(body, scratch.EventArgsReceives, member, reads, cancellationToken) : null;
            if (result is null)
            {
                if (unended is null && chains is null)
                {
                    return null;
                }

                result = new ReadBody(consumers, cancellationToken);
            }

            result.operations = operations;
            result.Unended = unended;
            result.Chains = chains;
            result.GuardsAvailable = guardsAvailable;
            result.TestsCancellation = testsCancellation;
            result.Model = body.SemanticModel;
            result.owningSymbol = member;
            foreach (var (parameter, owner) in capturedParameters)
            {
                result.Capture(parameter.Parameter, parameter, owner);
            }

            foreach (var (local, value) in declarations)
            {
                result.AddValue(local, value);
            }

            foreach (var flushed in scratch.AutoFlushed)
            {
                (result.autoFlushed ??= new HashSet<object>()).Add(flushed);
            }

            result.reads = reads;
            result.localReferences = new ILocalReferenceOperation[localUses.Count];
            for (var i = 0; i < localUses.Count; i++)
            {
                if ((i & 63) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                var (reference, owner) = localUses[i];
                result.localReferences[i] = reference;
                if (owner is not null)
                {
                    result.Capture(reference.Local, reference, owner);
                }

                result.NoteLocalUse(reference, reads);
            }

            foreach (var site in result.Sites)
            {
                cancellationToken.ThrowIfCancellationRequested();
                result.Describe(site, reads, cancellationToken);
            }

            result.JoinFills();
            if (scratch.Receives.Count > 0 || result.EndsReceive())
            {
                result.DescribeCallbackChains(body, scratch.Receives, reads, cancellationToken);
            }

            foreach (var site in result.Sites)
            {
                result.HasCallbackChains |= site.CallbackChain;
            }

            return result;
        }

        /// <summary>
        /// SOCK012 (fresh32 M1, the priming read: <c>var n = stream.Read(buffer); while (n &gt; 0) { …GetString(buffer)…; n =
        /// stream.Read(buffer); }</c>): reads of one function that fill the same buffer from its start and keep their count
        /// in the same local, whose value the code at most compares with 0, share one class (<see cref="FillClasses"/>), so
        /// that the fact survives where their paths meet. The count to pass is that local's name for each of them.
        /// </summary>
        private void JoinFills()
        {
            Dictionary<ISymbol, ReadSite>? first = null;
            foreach (var site in Sites)
            {
                if (site.WholeBuffer is not { } buffer || site.EndBuffer is not null || site.Helper is not null
                    || site.CountLocal is null || site.CountText is null || site.WholeBufferIfCountUnused)
                {
                    continue;
                }

                first ??= new Dictionary<ISymbol, ReadSite>(SymbolComparer.Instance);
                if (!first.TryGetValue(buffer, out var earlier))
                {
                    first[buffer] = site;
                    continue;
                }

                if (earlier.Function == site.Function && SymbolEqualityComparer.Default.Equals(earlier.CountLocal, site.CountLocal)
                    && earlier.CountText == site.CountText && earlier.Read.Api.CountsChars == site.Read.Api.CountsChars)
                {
                    if (FillClasses is null)
                    {
                        FillClasses = new int[Sites.Count];
                        for (var i = 0; i < FillClasses.Length; i++)
                        {
                            FillClasses[i] = i;
                        }
                    }

                    FillClasses[site.Index] = earlier.Index;
                }
            }
        }

        /// <summary>
        /// Per read site, the first read of the function it shares its fill with (<see cref="JoinFills"/>: where their paths
        /// meet, <see cref="ReadState.Filled"/> keeps the fact, the buffer holding the bytes of one of them up to that local);
        /// null when every read is its own.
        /// </summary>
        public int[]? FillClasses { get; private set; }

        /// <summary>The two reads share their fill (<see cref="FillClasses"/>), or are the same read.</summary>
        public bool SameFill(int read, int other) => read == other || FillClasses is { } classes && classes[read] == classes[other];

        /// <summary>
        /// Marks the <c>End*</c> reads whose callback starts the next receive of the same connection with itself as the
        /// callback (<see cref="ReadSite.CallbackChain"/>): a method group of the function (<c>OnData</c>,
        /// <c>new AsyncCallback(OnData)</c>) or a lambda that only calls it (<c>ar =&gt; OnData(ar)</c>).
        /// </summary>
        private void DescribeCallbackChains(IOperation body, List<(IInvocationOperation Call, SyntaxNode? Owner, ISymbol? OwnerSymbol)> receives, NetworkReads reads, System.Threading.CancellationToken cancellationToken)
        {
            foreach (var site in Sites)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!site.Read.Api.IsApmEnd || site.Loops.Count > 0 || site.OneDatagram
                    || site.Invocation.Instance is null || site.Read.IsZeroLength)
                {
                    continue;
                }

                ConnectionPath? path = null;
                ISymbol? pathBase = null;
                if (site.ConnectionRoot is null)
                {
                    // state.socket.EndReceive(ar): a field of the callback's state object, the same object on the way back
                    // when neither the variable nor the field is assigned in the body.
                    if (site.Invocation.Instance.WalkDownConversions() is not IFieldReferenceOperation { Instance: { } owner } stateField
                        || owner.WalkDownConversions() switch { ILocalReferenceOperation l => (ISymbol)l.Local, IParameterReferenceOperation p => p.Parameter, _ => null } is not { } variable
                        || AssignedIn(body, variable, stateField.Field)
                        || ConnectionPath.Of(site.Invocation.Instance) is not { } found)
                    {
                        continue;
                    }

                    (path, pathBase) = (found, variable);
                }

                var function = site.Function is null ? EnclosingSymbolOf(site, cancellationToken) as IMethodSymbol : FunctionSymbolOf(site.Function, body);
                if (function is null)
                {
                    continue;
                }

                foreach (var (call, owner, _) in receives)
                {
                    if (owner != site.Function || !CallsBack(call, function)
                        || (path is null
                            ? !SymbolEqualityComparer.Default.Equals(ConnectionRoot(call.Instance, reads.Symbols), site.ConnectionRoot)
                            : call.Instance is null || ConnectionPath.Of(call.Instance) is not { } rearmed || !ConnectionPath.Same(path, rearmed)))
                    {
                        continue;
                    }

                    (site.Rearms ??= new HashSet<SyntaxNode>()).Add(call.Syntax);
                    site.RearmedInFinally |= call.Syntax.Parent is ExpressionStatementSyntax { Parent: BlockSyntax { Parent: FinallyClauseSyntax { Parent: TryStatementSyntax tryStatement } } }
                        && tryStatement.Block.Span.Contains(site.Invocation.Syntax.Span);
                }

                if (site.Rearms is null && path is null && site.Function is null && site.ConnectionRoot is IFieldSymbol)
                {
                    HelperRearms(body, site, function, reads);
                }

                if (site.Rearms is not null && site.Read.Api.Owner == ReadOwner.Socket && site.Function is null
                    && StartedOnlyOnDatagramSockets(site, function, reads, cancellationToken))
                {
                    // The socket is a raw or datagram one, as if the read showed it: every receive returns one packet, none
                    // the end of a stream, so the chain is no loop, and the flow's checks take the read as one datagram.
                    site.OneDatagram = true;
                    site.Rearms = null;
                }

                var chained = site;
                if (site.Rearms is not null && site.EndsEmptyWait)
                {
                    // The End of a zero-length wait returns 0 every time: the chain's turn ends at the end of stream through the
                    // read that follows it in the callback (fresh90 O1), which takes the chain; without one, nothing does.
                    var waited = ReadAfterWait(site);
                    if (waited is not null)
                    {
                        waited.Rearms = site.Rearms;
                        waited.RearmedInFinally = site.RearmedInFinally;
                    }

                    site.Rearms = null;
                    chained = waited;
                }

                if (chained?.Rearms is not null)
                {
                    chained.CallbackChain = true;
                    chained.ChainPath = path;
                    chained.ChainBase = pathBase;
                    chained.Loops.Add(chained.Function ?? body.Syntax);
                }
            }
        }

        /// <summary>
        /// The first read after the zero-length wait's <c>End…</c> <paramref name="end"/> in the same function, on the same
        /// connection, in no loop of its own: a synchronous stream read that may return 0 (not a datagram, line or character
        /// read, not zero-length), or null.
        /// </summary>
        private ReadSite? ReadAfterWait(ReadSite end)
        {
            ReadSite? first = null;
            foreach (var other in Sites)
            {
                if (other == end || other.Function != end.Function || other.Read.Api.IsApmEnd || other.Read.Api.IsAsync || other.Loops.Count > 0
                    || other.OneDatagram || other.Read.IsZeroLength || other.IsLine || other.IsChar || other.Helper is not null
                    || other.Invocation.Syntax.SpanStart < end.Invocation.Syntax.Span.End
                    || !SymbolEqualityComparer.Default.Equals(other.ConnectionRoot, end.ConnectionRoot) || other.ConnectionRoot is null)
                {
                    continue;
                }

                if (first is null || other.Invocation.Syntax.SpanStart < first.Invocation.Syntax.SpanStart)
                {
                    first = other;
                }
            }

            return first;
        }

        /// <summary>
        /// True when every receive that names the private <paramref name="callback"/> starts on a socket the code shows to be a
        /// datagram or raw one (<see cref="NetworkReads.IsDatagramSocket"/>), but the callback's own re-arms of the same
        /// connection, and at least one does (fresh64 F3: a raw socket's chain, whose callback takes the socket back from its
        /// state object). Its uses must all be in the file, each the callback of a receive: a use anywhere else, or in another
        /// file, leaves the socket's kind unknown (a stream socket's, as before).
        /// </summary>
        private bool StartedOnlyOnDatagramSockets(ReadSite site, IMethodSymbol callback, NetworkReads reads, System.Threading.CancellationToken cancellationToken)
        {
            if (callback.DeclaredAccessibility != Accessibility.Private || callback.MethodKind != MethodKind.Ordinary
                || Model is not { } model || site.Rearms is not { } rearms)
            {
                return false;
            }

            var datagram = false;
            foreach (var part in callback.ContainingType.DeclaringSyntaxReferences)
            {
                if (!SameFileUses.All(part.GetSyntax(cancellationToken), callback, model, use => IsDatagramStart(use), cancellationToken))
                {
                    return false;
                }
            }

            return datagram;

            bool IsDatagramStart(IdentifierNameSyntax use)
            {
                // OnReceive, this.OnReceive or new AsyncCallback(OnReceive), given straight to the receive.
                SyntaxNode node = use.Parent is MemberAccessExpressionSyntax access && access.Name == use ? access : use;
                if (node.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: ObjectCreationExpressionSyntax creation } })
                {
                    node = creation;
                }

                if (node.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax callSyntax } }
                    || model.GetOperation(callSyntax, cancellationToken) is not IInvocationOperation { Instance: { } socket } call
                    || !StartsReceive(call) || !CallsBack(call, callback))
                {
                    return false;
                }

                if (rearms.Contains(callSyntax))
                {
                    return true;
                }

                if (!reads.IsDatagramSocket(socket, cancellationToken))
                {
                    return false;
                }

                datagram = true;
                return true;
            }
        }

        /// <summary>An APM receive that names a callback to end it (<c>BeginReceive</c>, <c>BeginReceiveFrom</c>, <c>BeginReceiveMessageFrom</c>, <c>BeginRead</c>).</summary>
        private static bool StartsReceive(IInvocationOperation call)
            => call.TargetMethod.Name is "BeginReceive" or "BeginReceiveFrom" or "BeginReceiveMessageFrom" or "BeginRead";

        /// <summary>Some read of the body is an <c>End*</c> of an APM receive (a callback may start the next one through a helper).</summary>
        private bool EndsReceive()
        {
            foreach (var site in Sites)
            {
                if (site.Read.Api.IsApmEnd)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The callback starts the next receive through a method of its class whose whole body is that one receive
        /// (fresh61 M1, a file-transfer class: <c>void RunReceive() =&gt; _socket.BeginReceive(_buffer, 0, n, SocketFlags.Peek,
        /// receiveCallback, null);</c> called at the end of <c>receiveCallback</c>): a call of it, in the callback's own body
        /// (not a lambda), is a re-arm as the receive itself would be. Only a method of this file that takes no argument,
        /// cannot be overridden, and names the callback and the same field's connection.
        /// </summary>
        private void HelperRearms(IOperation body, ReadSite site, IMethodSymbol function, NetworkReads reads)
        {
            var stack = new Stack<IOperation>();
            stack.Push(body);
            Dictionary<IMethodSymbol, bool>? helpers = null;
            while (stack.Count > 0)
            {
                var operation = stack.Pop();
                if (operation is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    continue;
                }

                if (operation is IInvocationOperation { Arguments.Length: 0, Instance: null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } } call
                    && call.TargetMethod is { MethodKind: MethodKind.Ordinary, IsVirtual: false, IsAbstract: false, IsOverride: false } helper
                    && SymbolEqualityComparer.Default.Equals(helper.ContainingType?.OriginalDefinition, function.ContainingType?.OriginalDefinition))
                {
                    helpers ??= new Dictionary<IMethodSymbol, bool>(SymbolEqualityComparer.Default);
                    if (!helpers.TryGetValue(helper.OriginalDefinition, out var rearms))
                    {
                        rearms = IsRearmHelper(helper.OriginalDefinition, body, site, function, reads);
                        helpers[helper.OriginalDefinition] = rearms;
                    }

                    if (rearms)
                    {
                        (site.Rearms ??= new HashSet<SyntaxNode>()).Add(call.Syntax);
                    }
                }

                foreach (var child in operation.ChildOperations)
                {
                    stack.Push(child);
                }
            }
        }

        private bool IsRearmHelper(IMethodSymbol helper, IOperation body, ReadSite site, IMethodSymbol function, NetworkReads reads)
        {
            if (helper.DeclaringSyntaxReferences is not { Length: 1 } references || body.SemanticModel is not { } model
                || references[0].SyntaxTree != model.SyntaxTree || references[0].GetSyntax() is not MethodDeclarationSyntax declaration)
            {
                return false;
            }

            // The helper's one statement starts the receive, maybe as the only statement of a try with catches and no finally
            // (fresh90 M1: try { _sock.BeginReceive(…, OnPeek, null); } catch { _sock.Close(); }): a catch runs only when the
            // receive did not start, and at the end of stream it starts.
            var only = declaration switch
            {
                { ExpressionBody.Expression: var arrow } => arrow,
                { Body.Statements: { Count: 1 } statements } when statements[0] is ExpressionStatementSyntax statement => statement.Expression,
                { Body.Statements: { Count: 1 } statements } when statements[0] is TryStatementSyntax { Finally: null, Catches.Count: > 0, Block.Statements: { Count: 1 } tried }
                    && tried[0] is ExpressionStatementSyntax attempted => attempted.Expression,
                _ => null,
            };
            return only is not null
                && model.GetOperation(only)?.WalkDownConversions() is IInvocationOperation { Instance: { } receiver } begin
                && StartsReceive(begin)
                && CallsBack(begin, function)
                && SymbolEqualityComparer.Default.Equals(ConnectionRoot(receiver, reads.Symbols), site.ConnectionRoot);
        }

        /// <summary>
        /// <paramref name="variable"/> is written in the body other than by its declaration (<c>state = …</c>, <c>ref</c>,
        /// <c>out</c>), or <paramref name="field"/> is (on any object): the state object, or its connection, may then be
        /// another on the way back.
        /// </summary>
        private static bool AssignedIn(IOperation body, ISymbol variable, IFieldSymbol field)
        {
            foreach (var operation in body.Descendants())
            {
                switch (operation)
                {
                    case ILocalReferenceOperation local when IsWrite(local) && SymbolEqualityComparer.Default.Equals(local.Local, variable):
                    case IParameterReferenceOperation parameter when IsWrite(parameter) && SymbolEqualityComparer.Default.Equals(parameter.Parameter, variable):
                    case IFieldReferenceOperation reference when IsWrite(reference) && SymbolEqualityComparer.Default.Equals(reference.Field.OriginalDefinition, field.OriginalDefinition):
                        return true;
                }
            }

            return false;
        }

        private static IMethodSymbol? FunctionSymbolOf(SyntaxNode function, IOperation body)
            => body.SemanticModel?.GetOperation(function) switch
            {
                ILocalFunctionOperation local => local.Symbol,
                _ => null,
            };

        /// <summary>The call's <c>AsyncCallback</c> argument is <paramref name="function"/> itself, or a lambda that only calls it.</summary>
        private static bool CallsBack(IInvocationOperation call, IMethodSymbol function)
        {
            var value = CallbackArgument(call);
            if (value is IDelegateCreationOperation creation)
            {
                value = creation.Target.WalkDownConversions();
            }

            switch (value)
            {
                case IMethodReferenceOperation reference:
                    return SymbolEqualityComparer.Default.Equals(reference.Method.OriginalDefinition, function.OriginalDefinition);
                case IAnonymousFunctionOperation { Body.Operations: { Length: >= 1 } operations }:
                    foreach (var statement in operations)
                    {
                        var inner = statement is IExpressionStatementOperation expression ? expression.Operation
                            : statement is IReturnOperation { ReturnedValue: { } returned } ? returned : null;
                        if (inner?.WalkDownConversions() is IInvocationOperation invoked
                            && SymbolEqualityComparer.Default.Equals(invoked.TargetMethod.OriginalDefinition, function.OriginalDefinition))
                        {
                            return true;
                        }
                    }

                    return false;
                default:
                    return false;
            }
        }

        /// <summary>The value an APM <c>Begin…</c> call is given as its <c>AsyncCallback</c> (conversions removed), or null when it takes none.</summary>
        internal static IOperation? CallbackArgument(IInvocationOperation call)
        {
            foreach (var argument in call.Arguments)
            {
                if (argument.Parameter?.Type is { Name: "AsyncCallback", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } })
                {
                    return argument.Value.WalkDownConversions();
                }
            }

            return null;
        }

        private void Capture(ISymbol symbol, IOperation reference, ISymbol owner)
        {
            if (SymbolEqualityComparer.Default.Equals(symbol.ContainingSymbol, owner))
            {
                // The function's own local or parameter: analysed with its own graph.
                return;
            }

            Captured.Add(symbol);
            if (IsWrite(reference))
            {
                CapturedWritten.Add(symbol);
            }
        }

        /// <summary>True when the reference is written: an assignment's target, a ref/out argument, ++/--, a deconstruction.</summary>
        internal static bool IsWrite(IOperation reference) => reference.Parent switch
        {
            IAssignmentOperation assignment => assignment.Target == reference,
            IArgumentOperation argument => argument.Parameter?.RefKind is RefKind.Ref or RefKind.Out,
            ITupleOperation tuple => tuple.Parent is IDeconstructionAssignmentOperation,
            IIncrementOrDecrementOperation => true,
            _ => false,
        };

        /// <summary>
        /// What the scan keeps of every local reference: the value a write gives the local (<see cref="AddValue"/>), and the
        /// names of locals assigned from a read (<see cref="CountNames"/>). What a reference says of a count local is worked
        /// out when the local is asked about (<see cref="CountUsesOf"/>).
        /// </summary>
        private void NoteLocalUse(ILocalReferenceOperation reference, NetworkReads reads)
        {
            var parent = reference.Parent;
            if (parent is ISimpleAssignmentOperation assignment && assignment.Target == reference)
            {
                AddValue(reference.Local, assignment.Value);
                if (IsSiteValue(assignment.Value, reads))
                {
                    CountNames.Add(reference.Local.Name);
                }
            }
            else if (IsWrite(reference))
            {
                AddValue(reference.Local, null);
            }
        }

        /// <summary>
        /// The reference reads a count local in a way that says how many bytes arrived: not the target of an assignment
        /// (<c>n = …</c>), not a neutral use (<see cref="IsNeutralCountUse(IOperation, FrameworkMembers)"/>: a test against 0
        /// or 1, a format, a consumer given the buffer too), not a member other than <c>ReceivedBytes</c> of a result held
        /// in it (<c>result.RemoteEndPoint</c>). <c>n += …</c> and <c>n++</c> are (they accumulate it). What
        /// <see cref="HasMeaningfulUse"/> asks of each reference of a count local, and the flow's for a read whose count local the method uses elsewhere.
        /// </summary>
        public bool IsMeaningfulCountUse(ILocalReferenceOperation reference, NetworkReads reads)
        {
            if (reference.Parent is ISimpleAssignmentOperation assignment && assignment.Target == reference)
            {
                return false;
            }

            IOperation use = reference;
            if (ThroughNullableValue(reference).Parent is IMemberReferenceOperation member)
            {
                if (!reads.Symbols.Framework.IsReceivedBytes(member.Member))
                {
                    return false;
                }

                use = member;
            }

            return !IsNeutralCountUse(use, reads.Symbols.Framework) && !IsRunningTotal(use);
        }

        /// <summary>
        /// <c>res.Value</c> when <paramref name="reference"/> is a nullable result's local read through <c>Nullable&lt;T&gt;.Value</c>
        /// (<c>SocketReceiveMessageFromResult? res = await …; res.Value.ReceivedBytes</c>, fresh56 F2): the member after it is
        /// the result's. Otherwise <paramref name="reference"/> itself.
        /// </summary>
        internal static IOperation ThroughNullableValue(IOperation reference)
            => reference.Parent is IPropertyReferenceOperation { Property: { Name: "Value", ContainingType.OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } } value
                && value.Instance == reference
                    ? value
                    : reference;

        /// <summary>
        /// <c>total += n</c> or <c>remaining -= n</c> inside a loop, into a variable that lives across its turns (a field, or
        /// a local declared outside the loop): how much arrived in all, or how much is still to come, not how much this read
        /// put in the buffer. The reads SOCK012 looks at fill the buffer from its start on every turn, so a consumer of the
        /// whole buffer after it still takes the stale tail of a short read (fresh15 miss 2: <c>received += n;
        /// fs.Write(buffer, 0, buffer.Length);</c>). Outside a loop, the same into a local that a loop of the body adds each
        /// of its own reads' counts to (or takes them from) is that total too (fresh73 miss 2: the first read of a file
        /// transfer, <c>size -= rec; ms.Write(buffer, 0, buffer.Length);</c>, before the loop that reads the rest).
        /// </summary>
        private bool IsRunningTotal(IOperation use)
        {
            if (use.WalkUpConversions(out var child) is not ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Subtract } sum
                || sum.Value != child)
            {
                return false;
            }

            if (sum.EnclosingLoop() is not { } loop)
            {
                return sum.Target is ILocalReferenceOperation { Local: var outside } && IsTotalledInLoop(outside, sum);
            }

            return sum.Target switch
            {
                IFieldReferenceOperation => true,
                ILocalReferenceOperation { Local: { DeclaringSyntaxReferences: { Length: 1 } declarations } } total
                    => declarations[0].SyntaxTree == loop.Syntax.SyntaxTree && !loop.Syntax.Span.Contains(declarations[0].Span),
                _ => false,
            };

            bool IsTotalledInLoop(ILocalSymbol total, ICompoundAssignmentOperation outside)
                => LastTotalledInLoop(total) is var (added, subtracted)
                    && (outside.OperatorKind == BinaryOperatorKind.Add ? added : subtracted) > outside.Syntax.SpanStart;
        }

        // Per local: where the last += and the last -= into it inside a loop start (LastTotalledInLoop), -1 for none.
        private Dictionary<ILocalSymbol, (int Added, int Subtracted)>? totalledInLoops;

        /// <summary>
        /// Where the last <c>total += …</c> and the last <c>total -= …</c> inside a loop that does not declare
        /// <paramref name="total"/> start in the source, -1 for none: one pass over the local's names per body, so that
        /// asking for every use outside the loops stays linear. A use outside every loop is in none of those loops.
        /// </summary>
        private (int Added, int Subtracted) LastTotalledInLoop(ILocalSymbol total)
        {
            totalledInLoops ??= new Dictionary<ILocalSymbol, (int, int)>(SymbolEqualityComparer.Default);
            if (totalledInLoops.TryGetValue(total, out var known))
            {
                return known;
            }

            var result = (Added: -1, Subtracted: -1);
            if (Model is { } model && total.DeclaringSyntaxReferences.Length == 1
                && total.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken).FirstAncestorOrSelf<Microsoft.CodeAnalysis.CSharp.Syntax.BlockSyntax>() is { } scope)
            {
                var declared = total.DeclaringSyntaxReferences[0].Span;
                foreach (var identifier in ReferencesTo(scope, total, model, cancellationToken))
                {
                    if (model.GetOperation(identifier, cancellationToken) is { Parent: ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Subtract } sum } reference
                        && sum.Target == reference && sum.EnclosingLoop() is { } loop && !loop.Syntax.Span.Contains(declared))
                    {
                        if (sum.OperatorKind == BinaryOperatorKind.Add)
                        {
                            result.Added = identifier.SpanStart;
                        }
                        else
                        {
                            result.Subtracted = identifier.SpanStart;
                        }
                    }
                }
            }

            totalledInLoops[total] = result;
            return result;
        }

        private static void Reach(Dictionary<ILocalSymbol, int> ends, ILocalReferenceOperation reference, BodyOperations operations, int index)
        {
            // The outermost loop around the reference, through the lambdas and local functions it is in: the loops of
            // each function from the index, then those around the function's declaration.
            var outermost = -1;
            for (var current = index; current >= 0;)
            {
                if (operations.Loop(current) is var loop and >= 0)
                {
                    outermost = loop;
                    current = loop;
                }
                else
                {
                    current = operations.Function(current);
                }
            }

            var end = reference.Syntax.Span.End;
            if (outermost >= 0)
            {
                end = System.Math.Max(end, operations[outermost].Syntax.Span.End);
            }

            if (!ends.TryGetValue(reference.Local, out var known) || known < end)
            {
                ends[reference.Local] = end;
            }
        }

        /// <summary>The local is assigned exactly once in the body (its declaration, or one assignment), by a plain assignment.</summary>
        public bool IsAssignedOnce(ILocalSymbol local) => TrySingleValue(local, out var value) && value is not null;

        /// <summary>The one value a local assigned once holds (<see cref="IsAssignedOnce"/>), or null.</summary>
        public IOperation? SingleValue(ILocalSymbol local) => TrySingleValue(local, out var value) ? value : null;

        /// <summary>
        /// The body asks how many bytes wait on a socket (<c>socket.Available</c>, <c>client.Available</c>): only then does
        /// the flow follow <c>if (client.Available &gt;= 4)</c> guards (<see cref="ReadState.Available"/>).
        /// </summary>
        public bool GuardsAvailable { get; private set; }

        /// <summary>
        /// The body tests a cancellation token (<c>IsCancellationRequested</c>, <see cref="FrameworkMembers.IsCancellationRequested"/>):
        /// SOCK011 then notes, on each 0 path, whether something on it may have cancelled one.
        /// </summary>
        public bool TestsCancellation { get; private set; }

        /// <summary>The model of the body's file: for the summaries of fields a graph's operations name (they carry none).</summary>
        public SemanticModel? Model { get; private set; }

        /// <summary>The block's owning symbol: the body's member.</summary>
        private ISymbol? owningSymbol;

        /// <summary>
        /// The symbol around a read of the body: the lambda or local function it is in, or else the body's member, which is
        /// the block's owning symbol (the semantic model is asked only inside a function).
        /// </summary>
        private ISymbol? EnclosingSymbolOf(ReadSite site, System.Threading.CancellationToken cancellationToken)
            => site.Function is null && owningSymbol is not null ? owningSymbol : Model?.GetEnclosingSymbol(site.Invocation.Syntax.SpanStart, cancellationToken);

        /// <summary>The body's <c>Begin…</c> receives that nothing can end (<see cref="UnendedReceives"/>), or null.</summary>
        public List<UnendedReceive>? Unended { get; private set; }

        /// <summary>Handlers that start the next <c>SocketAsyncEventArgs</c> receive and handle it themselves (SOCK011, <see cref="EventArgsChains"/>).</summary>
        public List<EventArgsChain>? Chains { get; private set; }

        /// <summary>Some read of the body is an APM callback that starts the next receive with itself (<see cref="ReadSite.CallbackChain"/>).</summary>
        public bool HasCallbackChains { get; private set; }

        private void AddValue(ILocalSymbol local, IOperation? value)
        {
            // StreamWriter writer = null; … writer = new StreamWriter(stream): a null local does nothing.
            var isNull = value?.WalkDownConversions() is { ConstantValue: { HasValue: true, Value: null } } or IDefaultValueOperation;
            if (assigned.TryGetValue(local, out var values))
            {
                values.Single = null;
                if (!isNull)
                {
                    values.NonNull = values.AnyNonNull ? null : value;
                    values.AnyNonNull = true;
                }

                assigned[local] = values;
                return;
            }

            assigned.Add(local, new AssignedValues { Single = value, NonNull = isNull ? null : value, AnyNonNull = !isNull });
        }

        /// <summary>
        /// The one value other than <c>null</c> a local is assigned (<c>StreamReader reader = null;</c> before a <c>try</c>
        /// that makes it), or null: what a connection held in it is (<see cref="ConnectionRoot"/>, a writer's
        /// <c>AutoFlush</c>). A call on the local while it is null throws, so it reads or writes nothing.
        /// </summary>
        public IOperation? SingleNonNullValue(ILocalSymbol local) => assigned.TryGetValue(local, out var values) ? values.NonNull : null;

        // Locals given AutoFlush = true, and creations whose initializer sets it (by syntax).
        private HashSet<object>? autoFlushed;

        /// <summary>
        /// The writer in <paramref name="local"/> passes every write on at once: the body sets its <c>AutoFlush</c> to
        /// <c>true</c> (the catalogue's <c>FlushesEachWriteWhenTrue</c>), on the local or in the initializer of the one
        /// writer it holds.
        /// </summary>
        public bool FlushesEachWrite(ILocalSymbol local)
            => autoFlushed is not null
                && (autoFlushed.Contains(local) || (SingleNonNullValue(local)?.WalkDownConversions() is IObjectCreationOperation made && autoFlushed.Contains(made.Syntax)));

        /// <summary>The connection <paramref name="receiver"/> stands for, as for a read's receiver (<see cref="ReadSite.ConnectionRoot"/>).</summary>
        public ISymbol? RootOfConnection(IOperation? receiver, KnownSymbols symbols) => ConnectionRoot(receiver, symbols);

        /// <summary>The connection a field of this object names (<see cref="ReadSite.ConnectionRoot"/> of a read on it).</summary>
        public ISymbol ConnectionOfField(IFieldSymbol field, KnownSymbols symbols) => symbols.Reads.StreamSourceField(field, Model, default) ?? field;

        /// <summary>See <see cref="ReadSite.ConnectionRoot"/>.</summary>
        private ISymbol? ConnectionRoot(IOperation? receiver, KnownSymbols symbols)
        {
            ISymbol? fallback = null;
            for (var step = 0; step < 6 && receiver is not null; step++)
            {
                var value = receiver.WalkDownConversions();
                while (true)
                {
                    if (value is IPropertyReferenceOperation { Arguments.Length: 0, Instance: null or IInstanceReferenceOperation } own
                        && NetworkFields.GetterField(own.Property, default) is { } backing)
                    {
                        // Stream { get; private set; }, Stream => _stream: the field, as ReceiverRoot names it (the
                        // guard Stream.DataAvailable and the read new BinaryReader(Stream).Read(…) are one connection).
                        return backing;
                    }

                    if (value is IPropertyReferenceOperation { Arguments.Length: 0, Instance: { } owner })
                    {
                        value = owner.WalkDownConversions();
                    }
                    else if (value is IInvocationOperation { Arguments.Length: 0, Instance: { } instance } call && symbols.Catalogue.Facts(call.TargetMethod)?.Accept is null)
                    {
                        // client.GetStream(): the same connection. Not listener.Accept(): a new one each time (the local
                        // that holds it is the root).
                        value = instance.WalkDownConversions();
                    }
                    else
                    {
                        break;
                    }
                }

                switch (value)
                {
                    case IObjectCreationOperation { Arguments.Length: > 0 } creation when KnownSymbols.IsOrDerivesFrom(creation.Type, symbols.Stream):
                        receiver = creation.Arguments[0].Value;
                        continue;
                    case IObjectCreationOperation creation when symbols.Reads.StreamOfWrapper(creation) is { } wrapped:
                        // new StreamReader(stream), new StreamWriter(stream): its lines are the stream's bytes.
                        receiver = wrapped;
                        continue;
                    case ILocalReferenceOperation local:
                        fallback = local.Local;
                        receiver = SingleNonNullValue(local.Local);
                        continue;
                    case IParameterReferenceOperation parameter:
                        return parameter.Parameter;
                    case IFieldReferenceOperation field when field.Instance is null or IInstanceReferenceOperation:
                        // _stream taken from _client in the constructor: the client field names the connection, so that a
                        // guard on _client.Available and a read of _stream meet (fresh39 F1).
                        return ConnectionOfField(field.Field, symbols);
                    default:
                        return fallback;
                }
            }

            return fallback;
        }

        /// <summary>Declarations are classified here: <c>int n = read</c> has no local reference for the target.</summary>
        private void Describe(ReadSite site, NetworkReads reads, System.Threading.CancellationToken cancellationToken)
        {
            var invocation = site.Invocation;
            var read = site.Read;
            site.ReceiverRoot = RootOf(site.Receiver, reads);
            site.ConnectionRoot = ConnectionRoot(site.Receiver, reads.Symbols);

            // int n = stream.ReadAsync(buffer, 0, n).Result; (or .GetAwaiter().GetResult()): the read's own count.
            var framework = reads.Symbols.Framework;
            var result = framework.WalkUpToValue(invocation, out var consumer, out _);
            ILocalSymbol? countLocal = null;
            var countUse = result;
            if (result.IsValueDiscarded(consumer) || framework.IsTaskWait(consumer, result))
            {
                // stream.ReadAsync(ack, 0, 4).Wait(2000, token): the wait ends with the read, and its count is lost (fresh63 M1).
                site.Form = CountForm.Discarded;
            }
            else
            {
                switch (consumer)
                {
                    case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                        countLocal = declarator.Symbol;
                        CountNames.Add(countLocal.Name);
                        site.Form = CountForm.Stored;
                        break;
                    case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment
                        when assignment.Value.WalkDownConversions() == result.WalkDownConversions():
                        countLocal = target.Local;
                        site.Form = assignment.Parent is IExpressionStatementOperation ? CountForm.Stored : CountForm.Used;
                        break;
                    case ISimpleAssignmentOperation { Target: IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field, Parent: not IExpressionStatementOperation } kept
                        when kept.Value.WalkDownConversions() == result.WalkDownConversions() && reads.Unchanged.IsOnlyWritten(field.Field, Model, cancellationToken):
                        // if ((got = ns.Read(frame, 0, frame.Length)) != 0) with a private field nothing ever reads (fresh80 M1): the
                        // count is judged where the assignment's value goes, as when it is never kept.
                        countUse = kept;
                        break;
                }

                site.StoredLocal = site.Form == CountForm.Stored ? countLocal : null;
                site.CountLocal = countLocal;
                site.CountNeverKept = countLocal is null && IsNeutralCountUse(countUse, reads.Symbols.Framework);
                site.CountOnlyTotalled = countLocal is null && IsRunningTotal(countUse);
            }

            DescribeBuffer(site, reads, cancellationToken);
            site.OneDatagram = read.Api.IsDatagram;
            if (!read.Api.IsDatagram && read.Api.Owner == ReadOwner.Socket && site.Receiver is { } socket)
            {
                site.DecideDatagramLater(reads, socket, cancellationToken);
            }

            DescribeLoops(site, reads);
            DescribeWholeBuffer(site, countLocal, reads, cancellationToken);
        }

        private void DescribeBuffer(ReadSite site, NetworkReads reads, System.Threading.CancellationToken cancellationToken)
        {
            var framework = reads.Symbols.Framework;
            var buffer = site.Read.Buffer;
            if (buffer is null)
            {
                // An End* call: the buffer was given to Begin*. Inside a try with a catch it only completes the operation,
                // unless the code after it looks at a buffer a receive of the type fills; when every receive the type
                // starts fills a field nothing looks at, nobody reads what it completes.
                var enclosing = EnclosingSymbolOf(site, cancellationToken);
                var type = enclosing?.ContainingType;
                site.EndsEmptyWait = site.Read.Api.IsApmEnd && Model is { } waitModel && reads.EndsOnlyEmptyReceives(site.Invocation, waitModel, cancellationToken);
                site.BufferReach = site.Read.Api.IsApmEnd
                    && ((IsInTryWithCatch(site.Invocation.Syntax, out var function)
                            && !(Model is { } looked && type is not null
                                && reads.UnreadBuffers.LooksAtReceiveBufferAfter(function!, site.Invocation.Syntax.Span.End, type, looked, cancellationToken)))
                        || Model is { } model && type is not null
                            && reads.UnreadBuffers.ReceivesOnlyIntoUnreadFields(type, model, cancellationToken))
                    ? BufferReach.Never
                    : BufferReach.Escapes;
                if (site.BufferReach == BufferReach.Escapes && site.Read.Api.IsApmEnd && enclosing is IMethodSymbol callback)
                {
                    DescribeEndBuffer(site, callback, reads, cancellationToken);
                }

                return;
            }

            var value = RootOfView(buffer, framework);
            switch (value)
            {
                case ILocalReferenceOperation local when local.Local.Type is IArrayTypeSymbol
                    && (!Captured.Contains(local.Local) || OnlyItsLambdaUsesItAfter(local.Local, site, cancellationToken)):
                    site.BufferVariable = local.Local;
                    site.BufferReach = BufferReach.Tracked;
                    break;
                case IArrayCreationOperation:
                case IInvocationOperation empty when framework.IsArrayEmpty(empty.TargetMethod):
                case IDefaultValueOperation:
                case IFieldReferenceOperation when Model is { } model && reads.UnreadBuffers.IsUnreadField(value, model, cancellationToken):
                    site.BufferReach = BufferReach.Never;
                    break;
                default:
                    site.BufferReach = BufferReach.Escapes;
                    if (value is IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }, Field.Type: IArrayTypeSymbol } own)
                    {
                        site.BufferField = own.Field;
                    }

                    break;
            }
        }

        /// <summary>
        /// A local of the enclosing method captured by the lambda the read is in, where nothing else can look at it once
        /// the lambda runs (fresh35 FALSE 1, NetMQ's poller test: <c>var buffer = new byte[] { 1 }; socket.Send(buffer);
        /// poller.Add(socket, s =&gt; { socket.Receive(buffer); … });</c>, a read that only consumes the readiness): the
        /// lambda is in no loop and no other function of the method, and every use of the local outside it is in no other
        /// lambda or local function and ends before the lambda starts. Then, as for a local of the lambda's own, only a
        /// later use in the lambda looks at the bytes.
        /// </summary>
        private bool OnlyItsLambdaUsesItAfter(ILocalSymbol local, ReadSite site, System.Threading.CancellationToken cancellationToken)
        {
            if (site.Function is not AnonymousFunctionExpressionSyntax function || Model is not { } model)
            {
                return false;
            }

            SyntaxNode? member = null;
            for (var current = function.Parent; current is not null; current = current.Parent)
            {
                if (current is ForStatementSyntax or ForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax
                    or AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)
                {
                    return false;
                }

                if (current is MemberDeclarationSyntax)
                {
                    member = current;
                    break;
                }
            }

            if (member is null)
            {
                return false;
            }

            foreach (var identifier in ReferencesTo(member, local, model, cancellationToken))
            {
                if (function.Span.Contains(identifier.Span))
                {
                    continue;
                }

                if (identifier.Span.End > function.SpanStart)
                {
                    return false;
                }

                for (var current = identifier.Parent; current is not null && current != member; current = current.Parent)
                {
                    if (current is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        /// <summary>The names under <paramref name="root"/> that bind to <paramref name="local"/> (found by name first, then bound).</summary>
        internal static IEnumerable<IdentifierNameSyntax> ReferencesTo(SyntaxNode root, ILocalSymbol local, SemanticModel model, System.Threading.CancellationToken cancellationToken)
        {
            foreach (var identifier in IdentifierIndex.Named(root, local.Name, cancellationToken))
            {
                if (SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, cancellationToken).Symbol, local))
                {
                    yield return identifier;
                }
            }
        }

        /// <summary>Some name under <paramref name="root"/> binds to <paramref name="local"/> (<see cref="ReferencesTo"/>).</summary>
        internal static bool Names(SyntaxNode root, ILocalSymbol local, SemanticModel model, System.Threading.CancellationToken cancellationToken)
        {
            foreach (var unused in ReferencesTo(root, local, model, cancellationToken))
            {
                return true;
            }

            return false;
        }

        /// <summary><c>buf</c> for <c>buf</c>, <c>buf.AsSpan(…)</c>, <c>buf.AsMemory(…)</c>, <c>new ArraySegment/Span/Memory&lt;byte&gt;(buf, …)</c>.</summary>
        internal static IOperation RootOfView(IOperation buffer, FrameworkMembers framework)
        {
            var value = buffer.WalkDownConversions();
            for (var i = 0; i < 4; i++)
            {
                switch (value)
                {
                    case IInvocationOperation { Arguments.Length: > 0 } view when framework.IsArrayView(view.TargetMethod):
                        value = view.Arguments[0].Value.WalkDownConversions();
                        continue;
                    case IObjectCreationOperation { Arguments.Length: > 0 } creation when framework.IsViewCreation(creation):
                        value = creation.Arguments[0].Value.WalkDownConversions();
                        continue;
                }

                break;
            }

            return value;
        }

        /// <summary>The node is in the block of a <c>try</c> with a <c>catch</c>; <paramref name="function"/>: the lambda, local function or member around it.</summary>
        private static bool IsInTryWithCatch(SyntaxNode node, out SyntaxNode? function)
        {
            function = null;
            var inTry = false;
            for (var current = node; current is not null; current = current.Parent)
            {
                if (!inTry && current.Parent is TryStatementSyntax tryStatement && tryStatement.Block == current)
                {
                    if (tryStatement.Catches.Count == 0)
                    {
                        return false;
                    }

                    inTry = true;
                }

                if (current is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MemberDeclarationSyntax)
                {
                    function = current;
                    return inTry;
                }
            }

            return false;
        }

        private void DescribeLoops(ReadSite site, NetworkReads reads)
        {
            var invocation = site.Invocation;
            var read = site.Read;
            if (read.IsZeroLength || read.Api.IsDatagram || site.Receiver is null || site.ReceiverRoot is null)
            {
                return;
            }

            if (read.ThrowsAtEnd && !read.Api.IsThrowing)
            {
                // ReadAtLeast that throws: not followed. A binary reader's read that throws is, to a catch inside the loop.
                return;
            }

            if ((read.Api.IsLine || read.Api.IsThrowing) && read.Api.IsAsync && !reads.Symbols.Framework.IsAwaitedOrBlockedOn(invocation))
            {
                // A ReadLineAsync task that is not awaited here: its null line is not this body's value (nor is the
                // exception of a ReadExactlyAsync task).
                return;
            }

            for (var current = invocation.Parent; current is not null; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    break;
                }

                if (current is ILoopOperation loop)
                {
                    site.Loops.Add(loop.Syntax);
                }
            }

            // A field, or a variable a lambda may write, may be replaced by a method the loop calls (Reconnect()).
            // A readonly field of a class, outside its constructors, cannot be: no call makes the next read use another connection.
            // Nor does a call change a local that took the field's stream before the loops (var ns = conn.GetStream()).
            site.ReceiverChangedByCalls = site.ReceiverRoot is IFieldSymbol
                    && !IsFixedField(FieldReferenceOf(site.Receiver, reads), reads.Symbols)
                    && !HeldBeforeLoops(site.Receiver, site)
                || CapturedWritten.Contains(site.ReceiverRoot);

            // A read of a datagram socket ends no stream: no loop of its is SOCK011's. Asked last, and only when it changes
            // something: the answer may read every call of a helper whose parameter the socket is (OneDatagram).
            if ((site.Loops.Count > 0 || site.ReceiverChangedByCalls) && read.Api.Owner == ReadOwner.Socket && site.OneDatagram)
            {
                site.Loops.Clear();
                site.ReceiverChangedByCalls = false;
            }
        }

        /// <summary>
        /// The reference to the field that <see cref="RootOf"/> reaches from <paramref name="receiver"/> through the locals
        /// the body assigns once (<c>ns</c> of <c>var ns = conn.GetStream()</c> gives <c>conn</c>), or the receiver itself.
        /// </summary>
        private IOperation? FieldReferenceOf(IOperation? receiver, NetworkReads reads)
        {
            for (var step = 0; step < 4 && ReceiverRoot(receiver) is ILocalSymbol local; step++)
            {
                if (!TrySingleValue(local, out var value) || value is null || CapturedWritten.Contains(local)
                    || ViewedConnection(value, reads) is not { } viewed)
                {
                    break;
                }

                receiver = viewed;
            }

            return receiver;
        }

        /// <summary>
        /// The read's receiver is a local the body assigns once, outside every loop around the read: whatever a call in the
        /// loop does to the field it came from, the local holds the same connection on every turn.
        /// </summary>
        private bool HeldBeforeLoops(IOperation? receiver, ReadSite site)
        {
            if (receiver?.WalkDownConversions() is not ILocalReferenceOperation local
                || !TrySingleValue(local.Local, out var value) || value is null || CapturedWritten.Contains(local.Local)
                || site.Loops.Count == 0)
            {
                return false;
            }

            var outermost = site.Loops[site.Loops.Count - 1];
            return value.Syntax.SyntaxTree != outermost.SyntaxTree || !outermost.Span.Contains(value.Syntax.Span);
        }

        /// <summary>
        /// The receiver is a <c>readonly</c> field of a class (or its <c>TcpClient.GetStream()</c>, the same stream on every
        /// call) read outside the constructors and <c>init</c> accessors, the only places that can assign it. A struct's
        /// method may assign <c>this</c>, and a property of the field's object may be set: neither counts. With
        /// <paramref name="unchanged"/> and the file's <paramref name="model"/>, so is a private field that only its
        /// initializer and the constructors assign (<see cref="UnchangedFields"/>): <c>readonly</c> in all but name.
        /// </summary>
        internal static bool IsFixedField(IOperation? receiver, KnownSymbols symbols, UnchangedFields? unchanged = null, SemanticModel? model = null, System.Threading.CancellationToken cancellationToken = default)
        {
            var value = receiver?.WalkDownConversions();
            if (value is IInvocationOperation { Arguments.Length: 0, Instance: { } client } getStream
                && symbols.Catalogue.Facts(getStream.TargetMethod)?.Lifecycle(SocketModelType.TcpClient) is { Operation: SocketOperation.MakeStream })
            {
                value = client.WalkDownConversions();
            }

            if (value is IPropertyReferenceOperation { Arguments.Length: 0, Instance: null or IInstanceReferenceOperation } property
                && NetworkFields.GetterField(property.Property, default) is { ContainingType.TypeKind: TypeKind.Class } backing
                && Unchanged(backing))
            {
                // public Stream Stream => _stream; over a readonly field: that field.
                return !InConstructor(value.Syntax);
            }

            if (value is not IFieldReferenceOperation { Field: { ContainingType.TypeKind: TypeKind.Class } field, Instance: null or IInstanceReferenceOperation } || !Unchanged(field))
            {
                return false;
            }

            return !InConstructor(value.Syntax);

            bool Unchanged(IFieldSymbol field)
                => field.IsReadOnly || unchanged is not null && unchanged.IsUnchanged(field, model, cancellationToken);
        }

        /// <summary>In a constructor or an <c>init</c> accessor, where a readonly field can still be assigned.</summary>
        /// <param name="staticOnly">
        /// Only in a static constructor: a static field written by an instance constructor is replaced by every new object,
        /// under a method already running (mut38 #36).
        /// </param>
        internal static bool InConstructor(SyntaxNode node, bool staticOnly = false)
        {
            for (var current = node.Parent; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case ConstructorDeclarationSyntax constructor:
                        return !staticOnly || constructor.Modifiers.Any(SyntaxKind.StaticKeyword);
                    case AccessorDeclarationSyntax accessor when accessor.Keyword.ValueText == "init":
                        return !staticOnly;
                    case TypeDeclarationSyntax:
                        return false;
                }
            }

            return false;
        }

        /// <summary>
        /// SOCK012: the array an <c>End…</c> of the callback's own <c>IAsyncResult</c> parameter completes the receive of
        /// (<see cref="ReadSite.EndBuffer"/>): a method named as the callback of <c>Begin…</c> receives
        /// (<see cref="UnreadBufferFields.BufferOfCallback"/>), or a lambda given as one (a local it sees must hold one array).
        /// </summary>
        private void DescribeEndBuffer(ReadSite site, IMethodSymbol callback, NetworkReads reads, System.Threading.CancellationToken cancellationToken)
        {
            if (Model is not { } model
                || CatalogueIndex.Argument(site.Invocation, 0)?.WalkDownConversions() is not IParameterReferenceOperation { Parameter: var result }
                || !SymbolEqualityComparer.Default.Equals(result.ContainingSymbol, callback))
            {
                return;
            }

            var given = callback.MethodKind switch
            {
                MethodKind.Ordinary => reads.UnreadBuffers.BufferOfCallback(callback, model, cancellationToken),
                MethodKind.AnonymousFunction when site.Function is { } lambda && model.GetOperation(lambda, cancellationToken) is IAnonymousFunctionOperation function
                    => reads.UnreadBuffers.BufferOfLambdaCallback(function),
                _ => null,
            };

            site.EndBuffer = given switch
            {
                { Kind: CallbackBufferKind.AsState } => StateLocal(site, result) is { } holding ? given.In(holding) : null,
                { Buffer: ILocalSymbol local } when !IsAssignedOnce(local) || CapturedWritten.Contains(local) => null,
                _ => given,
            };
            site.EndResult = site.EndBuffer is null ? null : result;
        }

        /// <summary>The value is the <c>AsyncState</c> of the callback's result parameter (conversions removed).</summary>
        internal static bool IsAsyncStateOf(IOperation value, IParameterSymbol result)
            => value.WalkDownConversions() is IPropertyReferenceOperation { Property.Name: nameof(System.IAsyncResult.AsyncState), Instance: IParameterReferenceOperation given } state
                && SymbolEqualityComparer.Default.Equals(given.Parameter, result)
                && SymbolEqualityComparer.Default.Equals(state.Property.ContainingType, result.Type);

        /// <summary>
        /// The local of the callback that holds the array its receive handed as the state: declared with it (<c>var buffer =
        /// (byte[])ar.AsyncState;</c>, <c>ar.AsyncState as byte[]</c>), before the <c>End…</c> or after it (the flow keeps the
        /// fill across that declaration), and given anything else only after the <c>End…</c>, which is in no loop of the
        /// callback. Null otherwise.
        /// </summary>
        private ILocalSymbol? StateLocal(ReadSite site, IParameterSymbol result)
        {
            if (site.Loops.Count > 0)
            {
                return null;
            }

            foreach (var pair in assigned)
            {
                var local = pair.Key;
                if (local.Type is not IArrayTypeSymbol || CapturedWritten.Contains(local)
                    || local.DeclaringSyntaxReferences.Length != 1
                    || local.DeclaringSyntaxReferences[0].GetSyntax() is not VariableDeclaratorSyntax { Initializer.Value: { } initial }
                    || Model?.GetOperation(initial) is not { } value || !IsAsyncStateOf(value, result)
                    || (pair.Value.Single is null && WrittenBefore(local, site.Invocation.Syntax.SpanStart)))
                {
                    continue;
                }

                return local;
            }

            return null;
        }

        /// <summary>Whether code of the local's member writes it (besides its declaration) before <paramref name="position"/>.</summary>
        private bool WrittenBefore(ILocalSymbol local, int position)
        {
            if (local.DeclaringSyntaxReferences[0].GetSyntax().FirstAncestorOrSelf<MemberDeclarationSyntax>() is not { } member
                || Model?.GetOperation(member) is not { } code)
            {
                return true;
            }

            foreach (var operation in code.DescendantsAndSelf())
            {
                if (operation is ILocalReferenceOperation reference && reference.Syntax.SpanStart < position
                    && SymbolEqualityComparer.Default.Equals(reference.Local, local) && IsWrite(reference))
                {
                    return true;
                }
            }

            return false;
        }

        private void DescribeWholeBuffer(ReadSite site, ILocalSymbol? countLocal, NetworkReads reads, System.Threading.CancellationToken cancellationToken)
        {
            var read = site.Read;
            var framework = reads.Symbols.Framework;
            ISymbol? buffer;
            if (site.EndBuffer is { } filledByBegin)
            {
                // The Begin… receives filled the field from its start, and none asked for one byte.
                buffer = filledByBegin.Buffer;
            }
            else
            {
                if (read.IsZeroLength || read.Buffer is null || read.Api.FillsUnlessEnd)
                {
                    // ReadBlock fills the buffer unless the stream ends: a short count is the end, not a part to wait for.
                    return;
                }

                if (read.Offset is not null && read.Offset.ConstantValue is not { HasValue: true, Value: 0 })
                {
                    return;
                }

                // A view from the array's start (stream.ReadAsync(header.AsMemory(0, 4)), as CA1835 has people write the
                // offset and count form) fills the array from its start, asking for the view's length.
                var filled = read.Buffer;
                if (read.Offset is null && ViewFromStart(read.Buffer.WalkDownConversions(), framework, out var viewLength) is { } viewed)
                {
                    filled = viewed;
                    site.ViewLength = viewLength;
                }

                buffer = WholeBufferVariable(filled, read.Api.CountsChars, framework, reads.Unchanged, Model, cancellationToken)
                    ?? FreshArrayView(filled, read.Api.CountsChars, framework);
                if (buffer is null || CapturedWritten.Contains(buffer) || AsksForOneByte(site.AskedSize, buffer, framework))
                {
                    site.ViewLength = null;
                    return;
                }
            }

            if (site.Form != CountForm.Discarded && !site.CountNeverKept && !site.CountOnlyTotalled)
            {
                if (countLocal is null)
                {
                    return;
                }

                // A local used meaningfully somewhere: only if this read's count is not used after it (the flow decides).
                site.WholeBufferIfCountUnused = HasMeaningfulUse(countLocal);

                if (!IsNotOnlyFromReads(countLocal))
                {
                    site.CountText = read.Api.Shape == CountShape.ReceivedBytes ? countLocal.Name + ".ReceivedBytes" : countLocal.Name;
                }
            }

            site.WholeBuffer = buffer;
        }

        /// <summary>
        /// The read asks for one byte: a count of 1 (<c>Read(b, 0, 1)</c>), or a buffer local whose one value is a new
        /// one-byte array read whole (<c>var b = new byte[1]; s.Receive(b);</c>). It returns 1 and fills the buffer, or 0 at
        /// the end of the stream (SOCK010's and SOCK011's business): it never fills part of it.
        /// </summary>
        private bool AsksForOneByte(IOperation? size, ISymbol buffer, FrameworkMembers framework)
        {
            if (size?.ConstantValue is { HasValue: true, Value: 1 })
            {
                return true;
            }

            return buffer is ILocalSymbol local
                && (size is null || size.WalkDownConversions() is IPropertyReferenceOperation { Instance: { } instance } length
                    && framework.IsLength(length.Property) && instance.WalkDownConversions() is ILocalReferenceOperation lengthOf
                    && SymbolEqualityComparer.Default.Equals(lengthOf.Local, local))
                && TrySingleValue(local, out var value)
                && value?.WalkDownConversions() is IArrayCreationOperation { DimensionSizes.Length: 1, Initializer: null } made
                && made.DimensionSizes[0].ConstantValue is { HasValue: true, Value: 1 };
        }

        /// <summary>
        /// The local, parameter or field that always holds one array (a <c>byte[]</c>, or a <c>char[]</c> for a read that
        /// <paramref name="chars"/> counts characters) the read fills from its start. A field is <c>readonly</c>, or private
        /// and assigned only by its initializer and constructors (<see cref="UnchangedFields"/>: <c>byte[] buffer = new
        /// byte[1024];</c> of a course client).
        /// </summary>
        private static ISymbol? WholeBufferVariable(IOperation buffer, bool chars, FrameworkMembers framework, UnchangedFields unchanged, SemanticModel? model, System.Threading.CancellationToken cancellationToken)
        {
            var value = buffer.WalkDownConversions();
            if (WholeViewOperand(value, framework) is { } viewed)
            {
                value = viewed.WalkDownConversions();
            }

            return value switch
            {
                ILocalReferenceOperation local when IsBufferArray(local.Type, chars) => local.Local,
                IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field
                    when IsBufferArray(field.Type, chars)
                        && (field.Field.IsReadOnly || unchanged.IsUnchanged(field.Field, model, cancellationToken) && !InConstructor(field.Syntax)) => field.Field,
                IParameterReferenceOperation parameter when IsBufferArray(parameter.Type, chars) && parameter.Parameter.RefKind == RefKind.None => parameter.Parameter,
                _ => null,
            };
        }

        /// <summary>
        /// A <c>Memory&lt;byte&gt;</c> or <c>Span&lt;byte&gt;</c> local (of <c>char</c> for a text reader's read) whose one value
        /// in the body is a new array (<c>Memory&lt;byte&gt; buffer = new byte[255];</c>, fresh48's KNX transport): a whole view
        /// of an array no other name holds, followed as the array would be. Null for anything else.
        /// </summary>
        private ILocalSymbol? FreshArrayView(IOperation buffer, bool chars, FrameworkMembers framework)
            => buffer.WalkDownConversions() is ILocalReferenceOperation { Local: { Type: INamedTypeSymbol { TypeArguments.Length: 1 } view } local }
                && framework.IsWritableView(view) && view.TypeArguments[0].SpecialType == (chars ? SpecialType.System_Char : SpecialType.System_Byte)
                && MadeArray(local, framework) is not null
                    ? local
                    : null;

        /// <summary>
        /// The one array a local is given in the body: <c>var buffer = new byte[4];</c>, and for a view local also a whole view
        /// made over a new array (<c>Memory&lt;byte&gt; header = new(new byte[4]);</c>, <c>new Memory&lt;byte&gt;(new byte[4])</c>,
        /// <c>new byte[4].AsMemory()</c>: fresh93 M3, a Kafka client's length header). Null for anything else.
        /// </summary>
        internal IArrayCreationOperation? MadeArray(ILocalSymbol local, FrameworkMembers framework)
        {
            var value = SingleValue(local)?.WalkDownConversions();
            if (value is not null && local.Type is not IArrayTypeSymbol && WholeViewOperand(value, framework) is { } viewed)
            {
                value = viewed.WalkDownConversions();
            }

            return value is IArrayCreationOperation { DimensionSizes.Length: 1 } made ? made : null;
        }

        /// <summary>
        /// The viewed array of a view that starts at its start, <c>buf.AsSpan(0, size)</c>, <c>buf.AsMemory(0)</c>,
        /// <c>new Memory&lt;byte&gt;(buf, 0, size)</c>, <c>new ArraySegment&lt;byte&gt;(buf, 0, size)</c>, with its length
        /// (<paramref name="length"/>, null when it runs to the array's end); null when <paramref name="value"/> is not one.
        /// </summary>
        internal static IOperation? ViewFromStart(IOperation value, FrameworkMembers framework, out IOperation? length)
        {
            length = null;
            var arguments = value switch
            {
                IInvocationOperation view when framework.IsArrayView(view.TargetMethod) => view.Arguments,
                IObjectCreationOperation creation when framework.IsViewCreation(creation) => creation.Arguments,
                _ => default,
            };
            if (arguments.IsDefault || arguments.Length is not (2 or 3)
                || CatalogueIndex.Argument(arguments, 1) is not { Type.SpecialType: SpecialType.System_Int32, ConstantValue: { HasValue: true, Value: 0 } })
            {
                return null;
            }

            length = CatalogueIndex.Argument(arguments, 2);
            return CatalogueIndex.Argument(arguments, 0);
        }

        /// <summary>
        /// The viewed operand of a whole view of it, <c>buf.AsSpan()</c>, <c>buf.AsMemory()</c>,
        /// <c>new ArraySegment/Span/Memory&lt;byte&gt;(buf)</c>; null when <paramref name="value"/> is not one.
        /// </summary>
        internal static IOperation? WholeViewOperand(IOperation value, FrameworkMembers framework) => value switch
        {
            IInvocationOperation { Arguments.Length: 1 } view when framework.IsArrayView(view.TargetMethod) => view.Arguments[0].Value,
            IObjectCreationOperation { Arguments.Length: 1 } creation when framework.IsViewCreation(creation) => creation.Arguments[0].Value,
            _ => null,
        };

        internal static bool IsByteArray(ITypeSymbol? type) => IsBufferArray(type, chars: false);

        private static bool IsBufferArray(ITypeSymbol? type, bool chars)
            => type is IArrayTypeSymbol { Rank: 1 } array && array.ElementType.SpecialType == (chars ? SpecialType.System_Char : SpecialType.System_Byte);

        /// <summary>The value is (the awaited result of) a read of this body: a count, or a line (its local is then named in <see cref="CountNames"/> too).</summary>
        private bool IsSiteValue(IOperation value, NetworkReads reads)
        {
            var v = UnwrapAwait(value, reads.Symbols.Framework);
            return v is IInvocationOperation call && SiteAt(call.Syntax) is not null;
        }

        /// <summary>
        /// Looks through conversions, <c>await</c>, a task's <c>ConfigureAwait(…)</c> or <c>WaitAsync(…)</c>, its <c>.Result</c>
        /// or <c>.GetAwaiter().GetResult()</c>, and a project helper that returns the awaited task it is given.
        /// </summary>
        internal static IOperation UnwrapAwait(IOperation value, FrameworkMembers framework)
        {
            var v = value.WalkDownConversions();
            if (v is IAwaitOperation awaited)
            {
                v = awaited.Operation.WalkDownConversions();
            }

            // task.WaitAsync(timeout).ConfigureAwait(false), RunTask(task, timeout) of a project helper that returns await
            // task, task.Result, task.GetAwaiter().GetResult(): each wrapper gives the task's own result.
            for (var depth = 0; depth < 4; depth++)
            {
                if (v is IPropertyReferenceOperation { Instance: { } blocked } && framework.BlockingResult(v, blocked) is not null)
                {
                    v = blocked.WalkDownConversions();
                    continue;
                }

                if (v is IInvocationOperation { Instance: IInvocationOperation { Instance: { } underAwaiter } getAwaiter } && framework.BlockingResult(getAwaiter, underAwaiter) == v)
                {
                    v = underAwaiter.WalkDownConversions();
                    continue;
                }

                if (v is not IInvocationOperation wrapper)
                {
                    break;
                }

                if (wrapper.Instance is { } inner && framework.IsResultWrapper(wrapper.TargetMethod))
                {
                    v = inner.WalkDownConversions();
                    continue;
                }

                if (PassedThrough(wrapper, framework) is not { } task)
                {
                    break;
                }

                v = task.WalkDownConversions();
            }

            return v;
        }

        /// <summary>The task a project helper that returns <c>await task</c> (<see cref="TaskPassThrough"/>) is given, or null.</summary>
        private static IOperation? PassedThrough(IInvocationOperation call, FrameworkMembers framework)
        {
            if (call.TargetMethod.DeclaringSyntaxReferences.IsEmpty)
            {
                return null;
            }

            foreach (var argument in call.Arguments)
            {
                if (argument.Parameter is { } parameter && TaskPassThrough.ReturnsAwaited(call.TargetMethod, parameter, framework))
                {
                    return argument.Value;
                }
            }

            return null;
        }

        /// <summary>
        /// A use of a count that says nothing about how many bytes arrived: compared with 0 or 1, formatted into a string,
        /// or handed with the buffer to a consumer or a slice (a correct use that says nothing about another place).
        /// </summary>
        private bool IsNeutralCountUse(IOperation use, FrameworkMembers framework)
        {
            var parent = use.WalkUpConversions(out var child);
            switch (parent)
            {
                case IArgumentOperation { Parent: IInvocationOperation view } when framework.IsViewOrSlice(view.TargetMethod):
                    return true;
                case IArgumentOperation { Parent: { } call } when consumers.IsConsumer(call):
                    return true;
                case IBinaryOperation binary when binary.OperatorKind is BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals
                    or BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual or BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual:
                    var other = binary.LeftOperand == child ? binary.RightOperand : binary.LeftOperand;
                    return other.ConstantValue is { HasValue: true, Value: int c } && c <= 1;
                case IIsPatternOperation pattern:
                    var tested = pattern.Pattern is INegatedPatternOperation negated ? negated.Pattern : pattern.Pattern;
                    var value = tested switch
                    {
                        IConstantPatternOperation constant => constant.Value,
                        IRelationalPatternOperation relational => relational.Value,
                        _ => null,
                    };
                    return value?.ConstantValue is { HasValue: true, Value: int p } && p <= 1;
                case IInterpolationOperation:
                    return true;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation when concatenation.Type?.SpecialType == SpecialType.System_String:
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>
        /// The variable whose new value means another connection for a read (or a close) on <paramref name="receiver"/>:
        /// <see cref="ReceiverRoot"/>, except that a local assigned once from a view of another variable's connection
        /// (<c>var stream = client.GetStream();</c>, <c>tcp.Client</c>, <c>new NetworkStream(socket)</c>,
        /// <c>new StreamReader(client.GetStream())</c>) stands for that variable. Such a declaration at the top of a loop
        /// runs again every turn and gives the same connection again, so only a new value of <c>client</c> is another one.
        /// A local that a lambda or local function writes stays its own root.
        /// </summary>
        public ISymbol? RootOf(IOperation? receiver, NetworkReads reads)
        {
            var root = ReceiverRoot(receiver);
            for (var step = 0; step < 4 && root is ILocalSymbol local; step++)
            {
                if (!TrySingleValue(local, out var value) || value is null || CapturedWritten.Contains(local)
                    || ViewedConnection(value, reads) is not { } viewed || ReceiverRoot(viewed) is not { } next)
                {
                    break;
                }

                root = next;
            }

            return root;
        }

        /// <summary>The operation whose connection <paramref name="value"/> gives under another name, or null.</summary>
        private static IOperation? ViewedConnection(IOperation value, NetworkReads reads)
        {
            value = value.WalkDownConversions();
            switch (value)
            {
                case ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation:
                    // A copy: var view = stream;
                    return value;
                case IInvocationOperation { Instance: { } instance, Arguments.Length: 0 } call
                    when reads.Symbols.Catalogue.Facts(call.TargetMethod) is { ViewsConnection: true }:
                    return instance;
                case IPropertyReferenceOperation { Instance: { } instance, Arguments.Length: 0 } property
                    when reads.Symbols.Catalogue.Facts(property.Property) is { ViewsConnection: true }:
                    return instance;
                case IObjectCreationOperation { Constructor: { } constructor } creation
                    when reads.Symbols.Catalogue.Facts(constructor) is { ViewsConnection: true }:
                    foreach (var argument in creation.Arguments)
                    {
                        if (argument.Parameter?.Ordinal == 0)
                        {
                            return argument.Value;
                        }
                    }

                    return null;
                case IObjectCreationOperation creation:
                    return reads.StreamOfReader(creation);
                default:
                    return null;
            }
        }

        /// <summary>The local, parameter or field <paramref name="operation"/> reads (through conversions), or null.</summary>
        internal static ISymbol? VariableOf(IOperation operation) => operation.WalkDownConversions() switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            IFieldReferenceOperation field => field.Field,
            _ => null,
        };

        /// <summary>
        /// The value a local is declared with in <paramref name="code"/> (lambdas included) when nothing there assigns it again
        /// (a <c>foreach</c> variable has none), or null.
        /// </summary>
        internal static IOperation? OnlyDeclaredValue(IOperation code, ILocalSymbol local)
        {
            IOperation? only = null;
            foreach (var operation in code.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                        only = declarator.Initializer?.Value;
                        if (only is null)
                        {
                            return null;
                        }

                        break;
                    case ILocalReferenceOperation reference when SymbolEqualityComparer.Default.Equals(reference.Local, local) && IsWrite(reference):
                        return null;
                    case IForEachLoopOperation loop when loop.Locals.IndexOf(local, 0, SymbolEqualityComparer.Default) >= 0:
                        return null;
                }
            }

            return only;
        }

        /// <summary><paramref name="value"/> is the <c>Length</c> of the variable <paramref name="buffer"/> (<c>buf.Length</c>).</summary>
        internal static bool IsLengthOf(IOperation value, ISymbol buffer, FrameworkMembers framework)
            => value.WalkDownConversions() is IPropertyReferenceOperation { Instance: { } instance } length && (framework.IsLength(length.Property) || framework.IsSpanLength(length.Property))
                && VariableOf(instance) is { } variable && SymbolEqualityComparer.Default.Equals(variable, buffer);

        /// <summary>The variable (local, parameter or field) the read's socket or stream comes from, or null.</summary>
        internal static ISymbol? ReceiverRoot(IOperation? receiver)
        {
            while (receiver is not null)
            {
                receiver = receiver.WalkDownConversions();
                switch (receiver)
                {
                    case ILocalReferenceOperation local:
                        return local.Local;
                    case IParameterReferenceOperation parameter:
                        return parameter.Parameter;
                    case IFieldReferenceOperation field when field.Instance is null or IInstanceReferenceOperation:
                        return field.Field;
                    case IPropertyReferenceOperation { Arguments.Length: 0, Instance: null or IInstanceReferenceOperation } property
                        when NetworkFields.GetterField(property.Property, default) is { } backing:
                        // public Stream Stream => _stream;: the field it gives back.
                        return backing;
                    case IPropertyReferenceOperation property when property.Arguments.Length == 0 && property.Instance is not null:
                        receiver = property.Instance;
                        break;
                    case IInvocationOperation { Arguments.Length: 0, Instance: not null } call:
                        receiver = call.Instance;
                        break;
                    default:
                        return null;
                }
            }

            return null;
        }
    }
}
