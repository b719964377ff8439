using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using SocketAnalyzers.Common;
using SocketAnalyzers.Flow;

namespace SocketAnalyzers.Reads
{
    /// <summary>
    /// The reads family on the flow kernel: one forward pass over one function's graph carries three kinds of facts
    /// (<see cref="ReadState"/>), and SOCK010, SOCK011 and SOCK012 are checks on the converged states, made during
    /// <see cref="FlowAnalysis{TState}.Replay"/> and decided after it. docs/reads-engine.md describes the facts, the
    /// transfer functions and what is unknown.
    /// </summary>
    internal sealed partial class ReadFlowAnalysis : FlowAnalysis<ReadState>
    {
        private const int MaxNestingDepth = 8;

        /// <summary>How deep <see cref="IsStable"/> looks into a condition before it calls it unstable.</summary>
        private const int MaxStableDepth = 200;

        /// <summary>In <see cref="ZeroFact.Changed"/>: a call of this project or a delegate ran on the 0 path, so any field may have changed.</summary>
        private static readonly object FieldsMayChange = new();

        /// <summary>
        /// In <see cref="ZeroFact.Changed"/>: something on the 0 path may have cancelled a token (<see cref="MayCancel"/>), so a
        /// test of <c>IsCancellationRequested</c> after it is unknown again.
        /// </summary>
        private static readonly object CancelMayHappen = new();

        /// <summary>
        /// In <see cref="ZeroFact.Changed"/>, per field: a helper that cannot assign the read's field or end the loop
        /// (<see cref="HarmlessTo"/>) gave the field a value on the 0 path. Unlike <see cref="FieldsMayChange"/> it names the
        /// field, so that the next turn's call of the same helper is still quiet when the helper reads none of the fields it
        /// or the 0 path changed before writing them itself (fresh18: a chat server's broadcast helper that makes a new writer
        /// per peer in two fields it then uses). One key per field, made once per body.
        /// </summary>
        private Dictionary<IFieldSymbol, object>? quietWrites;

        private readonly ReadBody body;
        private readonly KnownSymbols symbols;
        private readonly BufferConsumers consumers;
        private readonly List<Diagnostic> diagnostics;
        private readonly List<IFlowAnonymousFunctionOperation> anonymousFunctions = new();
        private readonly Dictionary<SyntaxNode, bool> countDependent = new();
        private readonly HashSet<SyntaxNode> reportedConsumers = new();

        /// <summary>The reads a fixed-width decode was reported for: one diagnostic per read, at its first decode.</summary>
        private readonly HashSet<int> reportedDecodes = new();

        /// <summary>Set by <see cref="Classify"/> for <see cref="Use.Decoded"/>: the first byte and the number of bytes decoded.</summary>
        private int decodedStart;
        private int decodedWidth;

        /// <summary>Set by <see cref="Classify"/> for <see cref="Use.Whole"/>: the <c>Where</c> the buffer went through on its way to the consumer, or null.</summary>
        private Microsoft.CodeAnalysis.Operations.IInvocationOperation? wholeFilter;

        /// <summary>
        /// SOCK012 across a lambda: the filled buffers a lambda created here captures, as the replay saw them at its
        /// creation (buffer → the read that filled it). Its own analysis starts from them.
        /// </summary>
        private Dictionary<IFlowAnonymousFunctionOperation, Dictionary<ISymbol, int>?>? lambdaSeeds;

        /// <summary>The filled buffers this function starts with (a lambda's captured buffers), or null.</summary>
        private Dictionary<ISymbol, int>? seed;

        // Decided during Replay, from the converged states.
        private readonly bool[] seen;
        private readonly bool[] countUsed;

        // A use of the read's count after it that says how many bytes arrived (not a test against 0 or 1, a format, or a
        // consumer given the buffer too): what SOCK012 asks of a read whose count local the method uses elsewhere.
        private readonly bool[] countUsedMeaningfully;

        // Per read: where the first meaningful use of its count starts in the source (valid when countUsedMeaningfully).
        private readonly int[] firstMeaningfulUse;
        private readonly bool[] followed;
        private readonly bool[] reachedAgain;
        private readonly bool[] escaped;
        private readonly bool[] spinsAgain;

        /// <summary>The replay took a token as not cancelled on a 0 path of the read: the loop goes on until somebody cancels it.</summary>
        private readonly bool[] untilCancelled;

        /// <summary>A visit of the read found no <c>Available</c> guard that covers it (<see cref="TakeAvailable"/>).</summary>
        private readonly bool[] unguarded;

        /// <summary>A visit of the read found no guard that says data waits on its connection (SOCK011's polling form).</summary>
        private readonly bool[] notPolled;

        /// <summary>A private field took a read's 0 somewhere in the body (<see cref="IsOwnField"/>): calls must forget it.</summary>
        private bool fieldZeros;

        /// <summary>Buffer locals a read fills from the start and no other function sees: only their freshness is followed (<see cref="ReadState.Fresh"/>).</summary>
        private readonly HashSet<ISymbol> freshCandidates = new(SymbolComparer.Instance);

        private readonly List<int> scratch = new();

        private readonly List<ISymbol> scratchSymbols = new();
        private HashSet<CaptureId>? multiplyCaptured;
        private Dictionary<CaptureId, IOperation>? captureValues;
        private int stableDepth;

        protected override int MaxExpressionDepth => 200;

        private ReadFlowAnalysis(ControlFlowGraph graph, ReadBody body, KnownSymbols symbols, BufferConsumers consumers, List<Diagnostic> diagnostics, CancellationToken cancellationToken)
            : base(graph, cancellationToken)
        {
            this.body = body;
            this.symbols = symbols;
            this.consumers = consumers;
            this.diagnostics = diagnostics;
            var count = body.Sites.Count;
            seen = new bool[count];
            countUsed = new bool[count];
            countUsedMeaningfully = new bool[count];
            firstMeaningfulUse = new int[count];
            followed = new bool[count];
            reachedAgain = new bool[count];
            escaped = new bool[count];
            spinsAgain = new bool[count];
            untilCancelled = new bool[count];
            unguarded = new bool[count];
            notPolled = new bool[count];
            pendingDropAt = new int[count];
            minPendingDrop = int.MaxValue;
            foreach (var site in body.Sites)
            {
                if (site.WholeBuffer is ILocalSymbol buffer && !body.Captured.Contains(buffer))
                {
                    freshCandidates.Add(buffer);
                }

                // Where DropDead may let the read go (its buffer and its connection both dead), once per body rather than
                // by two symbol lookups per pending read and operation: a read pending through a loop that may not run
                // stays pending past every later read, so the set grows with the body (the one-socket scaling shape).
                var drop = site.BufferReach == BufferReach.Tracked && site.BufferVariable is ILocalSymbol variable && site.ConnectionRoot is ILocalSymbol connection
                    ? System.Math.Max(DeadAfter(variable), DeadAfter(connection))
                    : int.MaxValue;
                pendingDropAt[site.Index] = drop;
                minPendingDrop = System.Math.Min(minPendingDrop, drop);
                if (site.BufferVariable is { } named)
                {
                    Index(ref readsIntoVariable, named, site.Index);
                }

                if (site.BufferField is { } field)
                {
                    Index(ref readsIntoField, field, site.Index);
                }

                if (site.ConnectionRoot is { } root)
                {
                    Index(ref readsOfConnection, root, site.Index);
                }
            }

            static void Index(ref Dictionary<ISymbol, List<int>>? index, ISymbol symbol, int read)
            {
                index ??= new Dictionary<ISymbol, List<int>>(SymbolComparer.Instance);
                if (!index.TryGetValue(symbol, out var reads))
                {
                    index[symbol] = reads = new List<int>(1);
                }

                reads.Add(read);
            }
        }

        /// <summary>Per read: the position after which <see cref="DropDead"/> drops it from the pending reads (int.MaxValue: never).</summary>
        private readonly int[] pendingDropAt;

        /// <summary>The least of <see cref="pendingDropAt"/>: before it, no pending read can be dropped.</summary>
        private readonly int minPendingDrop;

        /// <summary>The reads into each buffer variable (<see cref="ReadSite.BufferVariable"/>) and each array field (<see cref="ReadSite.BufferField"/>).</summary>
        private readonly Dictionary<ISymbol, List<int>>? readsIntoVariable;

        private readonly Dictionary<ISymbol, List<int>>? readsIntoField;

        /// <summary>The reads of each connection variable (<see cref="ReadSite.ConnectionRoot"/>).</summary>
        private readonly Dictionary<ISymbol, List<int>>? readsOfConnection;

        /// <summary>The reads of <paramref name="index"/>'s list for <paramref name="symbol"/>, or none.</summary>
        private static List<int> ReadsOf(Dictionary<ISymbol, List<int>>? index, ISymbol symbol)
            => index is not null && index.TryGetValue(symbol, out var reads) ? reads : NoReads;

        private static readonly List<int> NoReads = new(0);

        /// <summary>The position after which <paramref name="local"/> is dead (<see cref="IsDead"/>): -1 always, int.MaxValue never.</summary>
        private int DeadAfter(ILocalSymbol local)
            => body.ReachEnd.TryGetValue(local, out var end) ? end : body.Captured.Contains(local) ? int.MaxValue : -1;

        /// <summary>How the loop goes on once reads return 0: it spins, or (waiting for other input on every way back) never ends; until a token is cancelled when it ends only then.</summary>
        private string Ending(int read)
            => spinsAgain[read]
                ? untilCancelled[read] ? "spins until its cancellation token is cancelled" : "spins forever"
                : untilCancelled[read] ? "does not end until its cancellation token is cancelled" : "never ends";

        /// <summary>Analyzes a body's graph and, each as its own function, the lambdas and local functions that hold reads.</summary>
        public static void Analyze(ControlFlowGraph graph, ReadBody body, KnownSymbols symbols, BufferConsumers consumers, List<Diagnostic> diagnostics, CancellationToken cancellationToken)
            => Analyze(graph, null, body, symbols, consumers, diagnostics, cancellationToken, 0);

        private static void Analyze(ControlFlowGraph graph, SyntaxNode? function, ReadBody body, KnownSymbols symbols, BufferConsumers consumers, List<Diagnostic> diagnostics, CancellationToken cancellationToken, int nesting, Dictionary<ISymbol, int>? seed = null)
        {
            if (nesting > MaxNestingDepth)
            {
                return;
            }

            var analysis = new ReadFlowAnalysis(graph, body, symbols, consumers, diagnostics, cancellationToken) { seed = seed };
            if (body.HasSitesInFunctions)
            {
                // Walking every operation of the graph for lambdas is wasted when no read is inside one.
                analysis.CollectAnonymousFunctions();
            }

            if ((OwnsSites(body, function) || seed is not null) && analysis.Run())
            {
                analysis.Replay();
                if (!analysis.Abandoned)
                {
                    analysis.Decide();
                }
            }

            foreach (var localFunction in graph.LocalFunctions)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (localFunction.DeclaringSyntaxReferences.Length > 0
                    && localFunction.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is { } syntax && body.HasSitesIn(syntax))
                {
                    Analyze(graph.GetLocalFunctionControlFlowGraph(localFunction, cancellationToken), syntax, body, symbols, consumers, diagnostics, cancellationToken, nesting + 1);
                }
            }

            foreach (var anonymous in analysis.anonymousFunctions)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (body.HasSitesIn(anonymous.Syntax))
                {
                    Dictionary<ISymbol, int>? captured = null;
                    analysis.lambdaSeeds?.TryGetValue(anonymous, out captured);
                    Analyze(graph.GetAnonymousFunctionControlFlowGraph(anonymous, cancellationToken), anonymous.Syntax, body, symbols, consumers, diagnostics, cancellationToken, nesting + 1, captured is { Count: > 0 } ? captured : null);
                }
            }

            if (analysis.lambdaSeeds is not null)
            {
                foreach (var pair in analysis.lambdaSeeds)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (pair.Value is { Count: > 0 } && !body.HasSitesIn(pair.Key.Syntax))
                    {
                        // No read of its own: analysed only for the buffers it captures filled.
                        Analyze(graph.GetAnonymousFunctionControlFlowGraph(pair.Key, cancellationToken), pair.Key.Syntax, body, symbols, consumers, diagnostics, cancellationToken, nesting + 1, pair.Value);
                    }
                }
            }
        }

        private static bool OwnsSites(ReadBody body, SyntaxNode? function)
        {
            foreach (var site in body.Sites)
            {
                if (site.Function == function)
                {
                    return true;
                }
            }

            return false;
        }

        private void CollectAnonymousFunctions()
        {
            foreach (var block in Graph.Blocks)
            {
                CancellationToken.ThrowIfCancellationRequested();
                foreach (var operation in block.Operations)
                {
                    Collect(operation);
                }

                if (block.BranchValue is not null)
                {
                    Collect(block.BranchValue);
                }
            }

            void Collect(IOperation root)
            {
                var stack = new Stack<IOperation>();
                stack.Push(root);
                while (stack.Count > 0)
                {
                    var operation = stack.Pop();
                    if (operation is IFlowAnonymousFunctionOperation anonymous)
                    {
                        anonymousFunctions.Add(anonymous);
                        continue;
                    }

                    foreach (var child in operation.ChildOperations)
                    {
                        stack.Push(child);
                    }
                }
            }
        }

        // ---- the domain ----
        protected override ReadState CreateEntryState()
        {
            var state = new ReadState { FillClasses = body.FillClasses };
            if (seed is not null)
            {
                foreach (var pair in seed)
                {
                    state.SetFilled(pair.Key, pair.Value);
                }
            }

            return state;
        }

        protected override ReadState Clone(ReadState state) => state.Clone();

        /// <summary>
        /// The reads family's join. SOCK012: a buffer still fresh on one side (all zeros) and filled from fresh by a read on the
        /// other stays filled by that read: its zeros are what the read would have left had it returned 0 or thrown (<see
        /// cref="ReadState.JoinFrom(ReadState)"/>). So a look past the read's count after a <c>catch</c> that falls
        /// through, or after an <c>if</c> that skipped the read, is a look past it (fresh89 M1, a SOCKS relay that logs a
        /// <c>SocketException</c> and goes on to decode the request).
        /// </summary>
        protected override bool JoinInto(ReadState target, ReadState source) => target.JoinFrom(source);

        protected override bool IsUnreachable(ReadState state) => state.Dead;

        /// <summary>
        /// A read that returns 0 does not throw: the spin SOCK011 reports is the path without exceptions. What the 0 path
        /// certainly throws into this region's catch-all (<see cref="ReadState.Thrown"/>) goes on in its handler.
        /// </summary>
        protected override ReadState StateForHandler(ReadState state, ControlFlowRegion region)
        {
            if (state.Zero.Count == 0 && state.Thrown is null)
            {
                return state;
            }

            var narrowed = state.Clone();
            narrowed.Zero.Clear();
            narrowed.CatchThrown(region);
            return narrowed;
        }

        /// <summary>A 0 path thrown to a handler does not go on past the try it was thrown in.</summary>
        protected override void EnterBlock(BasicBlock block, ReadState state)
        {
            if (state.Thrown is not null)
            {
                state.DropThrownOutside(block.Ordinal);
            }
        }

        protected override void Transfer(IOperation operation, ReadState state)
        {
            if (!body.HasGoTo && (state.Defs.Count > 0 || state.Filled.Count > 0 || state.Pending.Count > 0))
            {
                DropDead(operation.Syntax.SpanStart, state);
            }

            if (state.Zero.Count > 0)
            {
                LeaveLoops(operation, state);
            }

            Eval(operation, state);
        }

        /// <summary>Drops the facts about locals that nothing after <paramref name="position"/> can use (<see cref="ReadBody.ReachEnd"/>).</summary>
        private void DropDead(int position, ReadState state)
        {
            List<ISymbol>? dead = null;
            foreach (var local in state.Defs.Keys)
            {
                if (IsDead(local, position))
                {
                    (dead ??= new List<ISymbol>()).Add(local);
                }
            }

            foreach (var buffer in state.Filled.Keys)
            {
                if (buffer is ILocalSymbol local && IsDead(local, position))
                {
                    (dead ??= new List<ISymbol>()).Add(local);
                }
            }

            if (dead is not null)
            {
                foreach (var symbol in dead)
                {
                    if (symbol is ILocalSymbol local)
                    {
                        state.RemoveDefs(local);
                    }

                    KillBuffer(symbol, state);
                }
            }

            DropDeadLocals(state.HasExact ? state.Exact.Keys : null, position, state);
            DropDeadLocals(state.HasCounts ? state.Counts.Keys : null, position, state);
            DropDeadLocals(state.HasFresh ? state.Fresh : null, position, state);

            if (state.Pending.Count > 0 && position > minPendingDrop)
            {
                // A read whose buffer is a local nothing uses any more, and that escapes nowhere, waits only for
                // another read of its connection: keep it; reads answered already are gone from the set.
                scratch.Clear();
                foreach (var read in state.Pending)
                {
                    if (position > pendingDropAt[read])
                    {
                        scratch.Add(read);
                    }
                }

                foreach (var read in scratch)
                {
                    state.RemovePending(read);
                }
            }
        }

        private bool IsDead(ILocalSymbol local, int position)
            => body.ReachEnd.TryGetValue(local, out var end) ? position > end : !body.Captured.Contains(local);

        // ---- the decisions, on what the replay saw ----
        /// <summary>
        /// The code may know how much read <paramref name="read"/> placed by the time <paramref name="consuming"/> takes the
        /// buffer: its count is used meaningfully (compared with the length, passed on, accumulated), and not only after
        /// the consumer's statement. When the read comes before the consumer in the source and every such use after that
        /// statement (<c>json += GetString(buf); if (n &lt; buf.Length) break;</c>), the straight path from the read to the
        /// consumer uses none: the buffer is taken whole before the code looks at the count.
        /// </summary>
        private bool CountKnownBefore(int read, IOperation consuming)
            => countUsedMeaningfully[read]
                && !(body.Sites[read].Invocation.Syntax.Span.End <= consuming.Syntax.SpanStart && firstMeaningfulUse[read] >= StatementEnd(consuming.Syntax));

        /// <summary>The end of the statement around <paramref name="node"/>: a use of the count in the consumer's own statement
        /// (<c>GetString(data).Substring(0, n)</c>) is at the consumer, not after it.</summary>
        private static int StatementEnd(SyntaxNode node)
        {
            for (var current = node; current is not null; current = current.Parent)
            {
                if (current is Microsoft.CodeAnalysis.CSharp.Syntax.StatementSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.ArrowExpressionClauseSyntax
                    or Microsoft.CodeAnalysis.CSharp.Syntax.AnonymousFunctionExpressionSyntax)
                {
                    return current.Span.End;
                }
            }

            return node.Span.End;
        }

        private void Decide()
        {
            if (wholeIfCountUnused is not null)
            {
                foreach (var (consuming, buffer, read) in wholeIfCountUnused)
                {
                    var site = body.Sites[read];
                    if (!CountKnownBefore(read, consuming) && site.StoredLocal is { } local && !body.Captured.Contains(local))
                    {
                        ReportWholeBuffer(consuming, buffer, site);
                    }
                }
            }

            if (deferredDecodes is not null)
            {
                foreach (var (consuming, buffer, read, start, width, mixed) in deferredDecodes)
                {
                    var site = body.Sites[read];
                    if (!CountKnownBefore(read, consuming) && site.StoredLocal is { } local && !body.Captured.Contains(local) && reportedDecodes.Add(read))
                    {
                        ReportDecoded(consuming, buffer, site, start, width, mixed);
                    }
                }
            }

            if (wholeAfterDiscarded is not null)
            {
                foreach (var (consuming, buffer, site) in wholeAfterDiscarded)
                {
                    ReportWholeBuffer(consuming, buffer, site, offerCapture: !reportedDecodes.Contains(site.Index));
                }
            }

            foreach (var site in body.Sites)
            {
                CancellationToken.ThrowIfCancellationRequested();
                var i = site.Index;
                if (!seen[i])
                {
                    continue;
                }

                if (site.Helper is null && site.Form != CountForm.Used && !site.Read.IsZeroLength && !site.IsLine && !site.IsChar && !site.IsThrowing && followed[i] && unguarded[i])
                {
                    var storedUnread = site.Form == CountForm.Stored
                        && site.StoredLocal is { } local && !countUsed[i] && !body.Captured.Contains(local);
                    if ((site.Form == CountForm.Discarded || storedUnread) && !site.EndsEmptyWait)
                    {
                        var unawaited = site.Form == CountForm.Discarded && IsUnawaitedTask(site.Invocation);
                        var properties = ImmutableDictionary<string, string?>.Empty.Add(
                            SOCK010DiscardedReadCountAnalyzer.FormKey,
                            unawaited ? SOCK010DiscardedReadCountAnalyzer.Unawaited
                                : site.Form == CountForm.Discarded ? SOCK010DiscardedReadCountAnalyzer.Discarded
                                : SOCK010DiscardedReadCountAnalyzer.StoredUnread);
                        if (reportedDecodes.Contains(i))
                        {
                            properties = properties.Add(SOCK010DiscardedReadCountAnalyzer.DecodedKey, "true");
                        }

                        diagnostics.Add(Diagnostic.Create(
                            Descriptors.SOCK010DiscardedReadCount,
                            site.Invocation.Syntax.GetLocation(),
                            properties,
                            SOCK010DiscardedReadCountAnalyzer.MessageArguments(ReadName(site), unawaited, site.Read.Api, site.OneDatagram)));
                    }
                }

                if (site.Loops.Count > 0 && reachedAgain[i] && !escaped[i])
                {
                    if (!notPolled[i])
                    {
                        // Read only when data waits: it never returns 0, the loop polls forever once the peer has closed.
                        diagnostics.Add(Diagnostic.Create(
                            Descriptors.SOCK011ReadLoopIgnoresEndOfStream,
                            site.Invocation.Syntax.GetLocation(),
                            ImmutableDictionary<string, string?>.Empty.Add(SOCK011ReadLoopIgnoresEndOfStreamAnalyzer.FormKey, SOCK011ReadLoopIgnoresEndOfStreamAnalyzer.Polls),
                            "no more data comes, and this loop, which calls " + ReadName(site) + " only when data waits, polls "
                                + (untilCancelled[i] ? "until its cancellation token is cancelled" : "forever"),
                            "the peer has closed: read without polling, and stop when the count is 0"));
                        continue;
                    }

                    if (site.CallbackChain)
                    {
                        // The loop is a chain of callbacks: each starts the next receive, which completes at once with 0.
                        diagnostics.Add(Diagnostic.Create(
                            Descriptors.SOCK011ReadLoopIgnoresEndOfStream,
                            site.Invocation.Syntax.GetLocation(),
                            ImmutableDictionary<string, string?>.Empty.Add(SOCK011ReadLoopIgnoresEndOfStreamAnalyzer.FormKey, SOCK011ReadLoopIgnoresEndOfStreamAnalyzer.Callback),
                            ReadName(site) + " returns 0 and this callback starts the next receive with itself, a loop of callbacks that " + Ending(i),
                            "the count is 0: do not start the next receive"));
                        continue;
                    }

                    if (site.Helper is { Result: HelperResult.Other } dropping)
                    {
                        // The helper returns as if data had come: the caller cannot see the end of stream at all.
                        diagnostics.Add(Diagnostic.Create(
                            Descriptors.SOCK011ReadLoopIgnoresEndOfStream,
                            site.Invocation.Syntax.GetLocation(),
                            ImmutableDictionary<string, string?>.Empty.Add(SOCK011ReadLoopIgnoresEndOfStreamAnalyzer.FormKey, SOCK011ReadLoopIgnoresEndOfStreamAnalyzer.Helper),
                            ReadName(dropping.ReadMethod) + " in " + dropping.Name + " returns 0, which " + dropping.Name + " does not return, and this loop "
                                + Ending(i),
                            "that read returns 0 (" + dropping.Name + " must tell its caller)"));
                        continue;
                    }

                    if (site.Helper is { } helper)
                    {
                        // The call of a helper that returns what its read got: reported at the call, in the loop that spins.
                        var returned = helper.Result switch
                        {
                            HelperResult.EmptyText => "\"\"",
                            HelperResult.EmptyBytes => "an empty array",
                            HelperResult.NullLine => "null",
                            HelperResult.EndChar => "-1",
                            _ => "0",
                        };
                        diagnostics.Add(Diagnostic.Create(
                            Descriptors.SOCK011ReadLoopIgnoresEndOfStream,
                            site.Invocation.Syntax.GetLocation(),
                            ImmutableDictionary<string, string?>.Empty.Add(SOCK011ReadLoopIgnoresEndOfStreamAnalyzer.FormKey, SOCK011ReadLoopIgnoresEndOfStreamAnalyzer.Helper),
                            ReadName(helper.ReadMethod) + " in " + helper.Name + " returns " + (helper.ReadApi.IsLine ? "null" : helper.ReadApi.IsChar ? "-1" : "0")
                                + ", " + helper.Name + " then returns " + returned + ", and this loop " + Ending(i),
                            helper.Name + " returns " + returned));
                        continue;
                    }

                    if (site.IsThrowing)
                    {
                        // No count to test: the catch inside the loop takes the end of stream and the loop reads again.
                        diagnostics.Add(Diagnostic.Create(
                            Descriptors.SOCK011ReadLoopIgnoresEndOfStream,
                            site.Invocation.Syntax.GetLocation(),
                            ImmutableDictionary<string, string?>.Empty.Add(SOCK011ReadLoopIgnoresEndOfStreamAnalyzer.FormKey, SOCK011ReadLoopIgnoresEndOfStreamAnalyzer.Throws),
                            ReadName(site) + " throws EndOfStreamException on every call, the catch inside this loop takes it, and the loop "
                                + Ending(i),
                            "it throws EndOfStreamException (a first clause catch (EndOfStreamException) { break; })"));
                        continue;
                    }

                    diagnostics.Add(Diagnostic.Create(
                        Descriptors.SOCK011ReadLoopIgnoresEndOfStream,
                        site.Invocation.Syntax.GetLocation(),
                        ReadName(site) + " returns " + (site.IsLine ? "null" : site.IsChar ? "-1" : "0") + " and this loop " + Ending(i),
                        site.IsLine ? "the line is null" : site.IsChar ? "it returns -1" : "the count is 0"));
                }
            }
        }
    }
}
