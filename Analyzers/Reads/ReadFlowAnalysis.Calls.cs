using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Common;
using SocketAnalyzers.Model;

namespace SocketAnalyzers.Reads
{
    internal sealed partial class ReadFlowAnalysis
    {
        // ---- the transfer function: calls ----

        private void Invoke(IInvocationOperation invocation, ReadState state)
        {
            var site = body.SiteAt(invocation.Syntax);
            if (site is null)
            {
                OtherCall(invocation, state);
                return;
            }

            if (Reporting)
            {
                seen[site.Index] = true;
            }

            var polled = state.HasAvailable && site.ConnectionRoot is { } root && state.Available.ContainsKey(root)
                && !site.IsLine && !site.IsChar && (site.Helper is not null || IsPlainStreamRead(site) || IsBinaryByteRead(site));
            if (Reporting && !polled)
            {
                notPolled[site.Index] = true;
            }

            if (site.IsExact)
            {
                InvokeExact(invocation, site, state, polled);
                return;
            }

            if (site.Helper is not null)
            {
                InvokeHelper(invocation, site, state, polled);
                return;
            }

            var guarded = state.HasAvailable && TakeAvailable(site, state);
            var exact = false;
            var exactWhole = false;
            if (state.HasCounts)
            {
                // The count a local held of an earlier visit of this read is not this visit's.
                ForgetCountsOf(site.Index, state);
            }

            if (state.HasExact)
            {
                exact = !guarded && TakeExact(site, state, out exactWhole);

                // Any read may take bytes of the connection another local counted.
                state.Exact.Clear();
            }

            if (Reporting && !guarded && !exact)
            {
                unguarded[site.Index] = true;
            }

            guarded |= exactWhole;

            FollowPendingOf(site, state, polled);

            if (site.Form != CountForm.Used && !site.Read.IsZeroLength && !site.IsLine && !site.IsChar && !site.IsThrowing)
            {
                // A line, character or throwing read has no count to lose (SOCK010 is about counts).
                state.AddPending(site.Index);
                state.Attach(site.Index);
            }

            // SOCK011: this read's 0 path starts (again) here.
            RestartZero(site, state, polled);
            if (site.IsThrowing)
            {
                ThrowAtEnd(site, state);
            }

            // SOCK012: the buffer now holds this read's bytes, up to its count.
            if (!Fill(site, state, guarded) && site.EndBuffer is { Buffer: { } variable } filledByBegin)
            {
                // An End… in the callback of Begin… receives that filled the array from its start (each a new one: fresh).
                KillBuffer(variable, state);
                if (!guarded && SymbolEqualityComparer.Default.Equals(site.WholeBuffer, variable))
                {
                    state.SetFilled(variable, site.Index);
                    if (filledByBegin.Fresh)
                    {
                        state.FreshFilled.Add(variable);
                    }
                }
            }

            CallEffects(invocation, state);
        }

        /// <summary>
        /// SOCK012: the read's buffer argument now holds its bytes, up to its count (unless <paramref name="guarded"/>: as many
        /// bytes waited as it asks for). False when the read names no array variable (an <c>End…</c>, a buffer list).
        /// </summary>
        private bool Fill(ReadSite site, ReadState state, bool guarded)
        {
            if (site.Read.Buffer is null || ReadBody.VariableOf(ReadBody.RootOfView(site.Read.Buffer, symbols.Framework)) is not { } filled)
            {
                return false;
            }

            var fresh = state.HasFresh && state.Fresh.Remove(filled);
            KillBuffer(filled, state);
            if (!guarded && site.WholeBuffer is not null && SymbolEqualityComparer.Default.Equals(site.WholeBuffer, filled))
            {
                state.SetFilled(filled, site.Index);
                if (fresh)
                {
                    state.FreshFilled.Add(filled);
                }
            }

            return true;
        }

        /// <summary>
        /// A stream's <c>ReadExactly(Async)</c> (<see cref="ReadSite.IsExact"/>). To the counts, buffers and guards of the body
        /// it is what any call handed the connection and the buffer is (<see cref="OtherCall"/>: pending counts of the
        /// connection matter now, the buffer is written). To SOCK011 it is a read whose end of stream throws
        /// (<see cref="ThrowAtEnd"/>), unless it runs only when data waits (<paramref name="polled"/>): once the peer has
        /// closed it is never reached, and the loop goes on from the guard as from any other turn (fresh46 M3).
        /// </summary>
        private void InvokeExact(IInvocationOperation invocation, ReadSite site, ReadState state, bool polled)
        {
            OtherCall(invocation, state);
            RestartZero(site, state, polled);
            if (!polled)
            {
                ThrowAtEnd(site, state);
            }
        }

        /// <summary>
        /// A read that throws at end of stream (<c>BinaryReader.ReadString()</c>): its end-of-stream path goes on in the
        /// handler of a catch-all inside its loops (<c>while (true) { try { reader.ReadString(); … } catch { } }</c>, fresh45:
        /// every turn throws again), and leaves the loops otherwise (no catch there, or one that may not take it).
        /// </summary>
        private void ThrowAtEnd(ReadSite site, ReadState state)
        {
            ControlFlowRegion? handled = null;
            var looked = false;
            for (var turn = 0; turn < 2; turn++)
            {
                // Both of the read's 0 turns (the first, and one after a 0 turn: RestartZero) throw here.
                var key = turn == 0 ? site.Index : SteadyKey(site);
                if (!state.Zero.TryGetValue(key, out var fact))
                {
                    continue;
                }

                if (!looked)
                {
                    handled = CatchAllInsideLoops(site.Invocation.Syntax, site, symbols.Framework.EndOfStreamException);
                    looked = true;
                }

                if (handled is not null)
                {
                    state.Throw(key, handled, fact);
                    state.Zero.Remove(key);
                }
                else
                {
                    Escape(key, state);
                }
            }
        }

        /// <summary>
        /// SOCK011: the read's 0 paths start (again) here. Two facts per read, never joined with each other: the first 0
        /// turn (key <c>site.Index</c>, made afresh: on the turn before, the read returned bytes, or this is the first
        /// turn), and a 0 turn whose turn before was a 0 turn too (key <see cref="SteadyKey"/>, made from the 0 paths that
        /// came back to the read). The loop spins when a later 0 turn comes back as well: every turn from then on is the
        /// same. A loop whose first 0 turn comes back but whose next one cannot (<c>sb.Clear()</c> at the end of the first,
        /// then <c>JsonSerializer.Deserialize(sb.ToString())</c> of the empty text on the next, which throws) ends on its
        /// second 0 turn. The kernel joins the paths that reach the read, whatever their turn before; keeping the turns in
        /// two facts is what lets the later one know what the earlier one left.
        /// A read that runs only when data waits (<paramref name="polled"/>) cannot return 0: its fact stands for the last
        /// turn that read data (<see cref="PollTurn.LastData"/>), and the turns after the close start at its guard
        /// (<see cref="PollGuard"/>). Such a turn that comes back to the read is no 0 turn: the read waited for data again.
        /// </summary>
        private void RestartZero(ReadSite site, ReadState state, bool polled)
        {
            if (site.Loops.Count == 0)
            {
                return;
            }

            var steadyKey = SteadyKey(site);
            state.Zero.TryGetValue(site.Index, out var first);
            if (first is { Poll: PollTurn.LastData })
            {
                first = null;
            }

            if (state.Zero.TryGetValue(steadyKey, out var steady) && Reporting && !steady.Wrote)
            {
                reachedAgain[site.Index] = true;
                spinsAgain[site.Index] |= !steady.Blocked;
            }

            // What the 0 paths that came back left (the first 0 turn's, a later one's) starts the next 0 turn.
            var previous = first ?? steady;
            if (first is not null && steady is not null)
            {
                first.JoinFrom(steady);
            }

            if (previous is not null)
            {
                // What the 0 made is made again by this read; a builder that holds nothing still does (the read appends
                // nothing to it): var sb = new StringBuilder(); before the read keeps sb.ToString() empty after it.
                List<object>? emptyBuilders = null;
                foreach (var zero in previous.Zeros)
                {
                    if (zero is ILocalSymbol local && symbols.Framework.IsStringBuilder(local.Type))
                    {
                        (emptyBuilders ??= new List<object>()).Add(local);
                    }
                }

                previous.ClearZeros();
                if (emptyBuilders is not null)
                {
                    foreach (var builder in emptyBuilders)
                    {
                        previous.AddZero(builder);
                    }
                }

                previous.Blocked = false;
                previous.Wrote = false;
                previous.ClearHolding();
                previous.Poll = PollTurn.None;
                state.Zero[steadyKey] = previous;
            }

            state.Zero[site.Index] = new ZeroFact(new HashSet<object>(KeyComparer.Instance), new HashSet<object>(KeyComparer.Instance))
            {
                Poll = polled ? PollTurn.LastData : PollTurn.None,
            };
        }

        /// <summary>
        /// The call of a helper that returns what its read got (<see cref="ReadSite.Helper"/>): SOCK011, and SOCK012 for the
        /// array it fills (<see cref="HelperRead.BufferParameter"/>). It reads its
        /// connection (pending reads of it matter now) and runs the project's code (what guards counted is gone, a callback
        /// chain's connection may close, fields may change), and its 0 path starts here.
        /// </summary>
        private void InvokeHelper(IInvocationOperation invocation, ReadSite site, ReadState state, bool polled)
        {
            if (state.Zero.Count > 0 && body.HasCallbackChains)
            {
                MayCloseChain(invocation, state);
            }

            if (state.HasAvailable)
            {
                state.Available.Clear();
            }

            if (state.HasExact)
            {
                state.Exact.Clear();
            }

            FollowPendingOf(site, state, polled: false);

            RestartZero(site, state, polled);
            if (site.Helper!.WritesFields)
            {
                // The helper kept something of its 0 path in a field.
                foreach (var key in new[] { site.Index, SteadyKey(site) })
                {
                    if (state.Zero.TryGetValue(key, out var fact))
                    {
                        fact.AddChanged(FieldsMayChange);
                    }
                }
            }

            CallEffects(invocation, state);

            // SOCK012: a helper that fills the caller's array (HelperRead.BufferParameter) leaves its read's bytes there, up to
            // the count it returns. After the project's code ran, which may have changed any field. Not after an Available test
            // of the connection (polled): the wait may be for the bytes the helper's read takes.
            Fill(site, state, polled);
        }

        /// <summary>
        /// <c>Close()</c>, <c>Dispose()</c> (a <c>using</c> included), <c>DisposeAsync()</c> or <c>Disconnect(…)</c> on an
        /// instance: of a socket, client, stream or reader, what the rule reads next throws. On a type of the project the
        /// name is taken at its word: a path that closes the connection, whatever class wraps it, is not a spin.
        /// </summary>
        private static bool ClosesReceiver(IInvocationOperation invocation)
            => invocation.Instance is not null
                && invocation.TargetMethod is { IsStatic: false, Name: "Close" or "Dispose" or "DisposeAsync" or "Disconnect" or "DisconnectAsync" };

        private void OtherCall(IInvocationOperation invocation, ReadState state)
        {
            if (state.Zero.Count > 0 && body.HasCallbackChains)
            {
                Rearms(invocation, state);
                MayCloseChain(invocation, state);
            }

            if (state.Zero.Count > 0)
            {
                ConnectsAgain(invocation, state);
            }

            if (state.HasAvailable)
            {
                ForgetAvailable(invocation, state);
            }

            if (state.HasExact)
            {
                ForgetExact(invocation, state);
            }

            if (state.Pending.Count > 0)
            {
                // The connection handed to a method that reads it (ReceiveExactly(socket, …)), or a receive started on it
                // (BeginReceive): the pending reads of it matter now, unless their count no longer says where it starts.
                scratch.Clear();
                if (invocation.Instance is { } instance && symbols.Catalogue.Facts(invocation.TargetMethod) is { Receives: true }
                    && body.RootOfConnection(instance, symbols) is { } receiver)
                {
                    foreach (var read in state.Pending)
                    {
                        if (SymbolEqualityComparer.Default.Equals(body.Sites[read].ConnectionRoot, receiver) && !state.IsPositionFree(read))
                        {
                            scratch.Add(read);
                        }
                    }
                }

                foreach (var argument in invocation.Arguments)
                {
                    if (ReadBody.VariableOf(argument.Value) is { } variable)
                    {
                        bool? reads = null;
                        foreach (var read in state.Pending)
                        {
                            var site = body.Sites[read];
                            if ((SymbolEqualityComparer.Default.Equals(site.ConnectionRoot, variable) || SymbolEqualityComparer.Default.Equals(site.ReceiverRoot, variable))
                                && !state.IsPositionFree(read) && (reads ??= MayReadWhatItIsGiven(invocation, argument)))
                            {
                                scratch.Add(read);
                            }
                        }
                    }
                }

                Follow(state);
            }

            // SOCK011: the connection a read uses closed on the way back to it: that read throws ObjectDisposedException
            // next time instead of returning 0, so its 0 path ends here.
            if (state.Zero.Count > 0 && ClosesReceiver(invocation) && body.RootOf(invocation.Instance, symbols.Reads) is { } closed)
            {
                Replaced(closed, state);
            }

            if (state.Zero.Count > 0 && body.HasCallbackChains && ClosesReceiver(invocation))
            {
                ClosesChainPath(invocation.Instance!, state);
            }

            CallEffects(invocation, state);
            if (symbols.PathEnds.EndsPath(invocation.TargetMethod))
            {
                state.Dead = true;
            }

            if (state.Zero.Count > 0 && (WaitsForOtherInput(invocation) || symbols.Framework.IsPause(invocation)))
            {
                foreach (var pair in state.Zero)
                {
                    pair.Value.Blocked = true;
                }
            }

            if (state.Zero.Count > 0)
            {
                WritesToConnection(invocation, state);
                HelperWritesToConnection(invocation, state);
            }
        }

        /// <summary>
        /// SOCK010: the method may read the connection it is given as <paramref name="argument"/>, so a pending read's count
        /// matters from here on. A method of this file with a body reads it only if the body uses the parameter other than to
        /// close it (<c>static void Drain(Socket s) { }</c> and <c>Disconnect(s) { s.Close(); }</c> read nothing); a method
        /// whose code this analysis does not see is taken to read what it is given, unless its parameter takes any object or
        /// any type (<c>clients.Remove(socket)</c>, <c>Console.WriteLine(socket)</c>, a <c>BeginReceive</c>'s state): a
        /// container or a log line stores or prints the connection and reads nothing. An argument that did not bind to a
        /// parameter is unknown.
        /// </summary>
        private bool MayReadWhatItIsGiven(IInvocationOperation invocation, IArgumentOperation argument)
        {
            if (argument.Parameter is not { } parameter)
            {
                return false;
            }

            var declared = parameter.OriginalDefinition.Type;
            if (declared is ITypeParameterSymbol || declared.SpecialType == SpecialType.System_Object)
            {
                return false;
            }

            var method = invocation.TargetMethod.OriginalDefinition;
            if (method.DeclaringSyntaxReferences.Length != 1 || method.DeclaringSyntaxReferences[0].SyntaxTree != invocation.Syntax.SyntaxTree)
            {
                return true;
            }

            var code = method.DeclaringSyntaxReferences[0].GetSyntax(CancellationToken) switch
            {
                BaseMethodDeclarationSyntax declaration => (SyntaxNode?)declaration.Body ?? declaration.ExpressionBody,
                LocalFunctionStatementSyntax local => (SyntaxNode?)local.Body ?? local.ExpressionBody,
                _ => null,
            };

            if (code is null)
            {
                return true;
            }

            foreach (var node in code.DescendantNodes())
            {
                if (node is IdentifierNameSyntax name && name.Identifier.ValueText == parameter.Name
                    && !(name.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Close" or "Dispose" or "Shutdown" } access
                        && access.Expression == name && access.Parent is InvocationExpressionSyntax))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// <c>state.socket.Close()</c> (or a close of anything reached from the state object) on the 0 path of a chain whose
        /// connection is a field of that object (<see cref="ReadSite.ChainPath"/>): the next receive would throw.
        /// </summary>
        private void ClosesChainPath(IOperation instance, ReadState state)
        {
            var closed = ConnectionPath.Of(instance);
            scratch.Clear();
            foreach (var pair in state.Zero)
            {
                var site = ZeroSite(pair.Key);
                // A close of something the path does not follow (a flow capture: a foreach's enumerator) counts only when
                // the state object's variable is in it (GetSocket(state).Close()).
                if (site.ChainBase is { } variable && (closed is null ? Refers(instance, variable) : ConnectionPath.Mentions(closed, variable)))
                {
                    scratch.Add(pair.Key);
                }
            }

            foreach (var read in scratch)
            {
                Escape(read, state);
            }
        }

        private static bool Refers(IOperation operation, ISymbol variable)
        {
            foreach (var node in operation.DescendantsAndSelf())
            {
                if (node switch { ILocalReferenceOperation l => l.Local, IParameterReferenceOperation p => (ISymbol)p.Parameter, _ => null } is { } referenced
                    && SymbolEqualityComparer.Default.Equals(referenced, variable))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The callback starts the next receive with itself (<see cref="ReadSite.CallbackChain"/>): for the <c>End*</c>
        /// read whose 0 path reaches here, that is the way back to the read, as a loop's back edge. The path then ends its
        /// turn: what the callback does after it (return) is no way out of the chain.
        /// </summary>
        private void Rearms(IInvocationOperation invocation, ReadState state)
        {
            scratch.Clear();
            foreach (var pair in state.Zero)
            {
                var site = ZeroSite(pair.Key);
                if (site.Rearms is { } rearms && rearms.Contains(invocation.Syntax))
                {
                    if (Reporting && !pair.Value.Wrote)
                    {
                        reachedAgain[site.Index] = true;
                        spinsAgain[site.Index] |= !pair.Value.Blocked;
                    }

                    scratch.Add(pair.Key);
                }
            }

            foreach (var read in scratch)
            {
                state.Zero.Remove(read);
            }
        }

        /// <summary>
        /// A <c>Connect</c> (or an awaited <c>ConnectAsync</c>) of the connection a 0 came from (fresh70 FALSE 1: a course
        /// client whose loop connects at the top of every turn, inside a <c>try</c> whose catch swallows everything). After
        /// its peer has closed, a stream socket is still connected, so connecting it again throws: the 0 path goes no
        /// further than the call. Such a loop spins on that exception whatever the reads return, which is another bug than
        /// this rule's, and stopping at 0 would not end it.
        /// </summary>
        private void ConnectsAgain(IInvocationOperation invocation, ReadState state)
        {
            if (invocation.Instance is not { } instance
                || invocation.TargetMethod.Name is not ("Connect" or "ConnectAsync")
                || invocation.TargetMethod.Name == "ConnectAsync" && invocation.WalkUpConversions(out _) is not IAwaitOperation
                || symbols.Catalogue.Facts(invocation.TargetMethod) is not { } facts
                || (facts.Lifecycle(Lifecycle.SocketModelType.Socket) ?? facts.Lifecycle(Lifecycle.SocketModelType.TcpClient)) is not { Operation: Lifecycle.SocketOperation.Connect }
                || body.RootOfConnection(instance, symbols) is not { } connection)
            {
                return;
            }

            scratch.Clear();
            foreach (var pair in state.Zero)
            {
                if (SymbolEqualityComparer.Default.Equals(ZeroSite(pair.Key).ConnectionRoot, connection))
                {
                    scratch.Add(pair.Key);
                }
            }

            foreach (var key in scratch)
            {
                state.Zero.Remove(key);
            }
        }

        /// <summary>
        /// A method of the project or a delegate, on the 0 path of a callback chain, that may close its connection: one
        /// handed the connection or the object it came from (<c>CloseSession(session)</c>), or an instance method of the
        /// class when the connection is a field. The next receive would then throw, not complete with 0: the chain is not
        /// certain to spin, so that 0 path counts as a way out.
        /// </summary>
        private void MayCloseChain(IInvocationOperation invocation, ReadState state)
        {
            var method = invocation.TargetMethod;
            var delegateCall = method.MethodKind == MethodKind.DelegateInvoke;
            if (!RunsProjectCode(method))
            {
                return;
            }

            scratch.Clear();
            foreach (var pair in state.Zero)
            {
                var site = ZeroSite(pair.Key);
                if (site.CallbackChain && site.ChainPath is not null)
                {
                    // A connection held by the callback's state object: any code of the project may reach that object (the
                    // class may keep it in a field too) and close it.
                    scratch.Add(pair.Key);
                    continue;
                }

                if (!site.CallbackChain || site.ConnectionRoot is not { } connection)
                {
                    continue;
                }

                var mayClose = delegateCall || (connection is IFieldSymbol && !method.IsStatic) || Hands(invocation.Instance, connection);
                foreach (var argument in invocation.Arguments)
                {
                    mayClose |= Hands(argument.Value, connection);
                }

                if (mayClose)
                {
                    scratch.Add(pair.Key);
                }
            }

            foreach (var read in scratch)
            {
                Escape(read, state);
            }

            bool Hands(IOperation? value, ISymbol connection)
                => value is not null && SymbolEqualityComparer.Default.Equals(body.RootOfConnection(value, symbols), connection);
        }

        /// <summary>
        /// A send or write on the connection of a read whose 0 path reaches here (<see cref="ZeroFact.Wrote"/>), outside
        /// every <c>try</c> with a <c>catch</c> inside that read's loops: the exception a later write draws leaves the loop.
        /// A write of a writer made over the connection's stream (<c>writer.WriteLine("ok")</c>) is one: its bytes reach the
        /// stream at once (<c>AutoFlush</c>) or when its buffer fills, and that write throws the same way.
        /// </summary>
        private void WritesToConnection(IInvocationOperation invocation, ReadState state)
        {
            if (invocation.Instance is not { } target || symbols.Catalogue.Facts(invocation.TargetMethod) is not { } facts
                || (facts.Sends is null && !facts.WritesToStream && !facts.FlushesHeldWrites)
                || (facts.QuietWhenEmpty is int text && CatalogueIndex.Argument(invocation, text)?.ConstantValue is { HasValue: true, Value: null or "" }))
            {
                return;
            }

            WritesToEveryHolder(invocation, facts, state);

            // A writer that keeps what it is given (a StreamWriter without AutoFlush): its write is one to the connection when
            // a Flush of the same writer local (or field) follows on the path. The flush of a writer that passed every write on
            // already, and a held write or flush of a writer in neither, write nothing this flow can count.
            var targetValue = target.WalkDownConversions();
            ISymbol? writer = (targetValue as ILocalReferenceOperation)?.Local;
            var writerField = WriterField.None;
            if (targetValue is IFieldReferenceOperation field && facts.Sends is null)
            {
                // A private writer field its type only ever gives a writer over a network stream: a write of one connection,
                // maybe the read's (the field does not say which), so its exception may end the loop: the spin is not certain.
                writerField = symbols.Reads.WriterFieldOf(field, body.Model, CancellationToken);
                writer = writerField == WriterField.None ? null : field.Field;
            }

            var held = facts.Sends is null && (facts.WritesHeldUntilFlush || facts.FlushesHeldWrites)
                && !(writer is ILocalSymbol local && body.FlushesEachWrite(local)) && writerField != WriterField.PassesEachWrite;
            if (held ? writer is null : facts.Sends is null && !facts.WritesToStream)
            {
                return;
            }

            var holdingWriter = held ? writer : null;

            if (body.RootOfConnection(target, symbols) is not { } connection)
            {
                return;
            }

            foreach (var pair in state.Zero)
            {
                var site = ZeroSite(pair.Key);
                if (pair.Value.Wrote || (writerField == WriterField.None && !SymbolEqualityComparer.Default.Equals(site.ConnectionRoot, connection)))
                {
                    continue;
                }

                if (holdingWriter is not null && facts.FlushesHeldWrites)
                {
                    if (System.Array.IndexOf(pair.Value.Holding, holdingWriter) >= 0 && !WriteCaughtInsideLoops(invocation.Syntax, site))
                    {
                        pair.Value.Wrote = true;
                    }

                    pair.Value.RemoveHolding(holdingWriter);
                }
                else if ((facts.WritesEvenEmpty || !MayBeEmpty(invocation, pair.Value, site) || WritesBeforeReadInTurn(invocation.Syntax, site))
                    && !WriteCaughtInsideLoops(invocation.Syntax, site))
                {
                    if (holdingWriter is not null)
                    {
                        pair.Value.AddHolding(holdingWriter);
                    }
                    else
                    {
                        pair.Value.Wrote = true;
                    }
                }
            }
        }

        // Per foreach variable, connection and read loop: the loop writes to every element of a collection that holds this
        // object's connection.
        private Dictionary<(ILocalSymbol Element, ISymbol Connection, SyntaxNode ReadLoop), bool>? broadcastLoops;

        /// <summary><see cref="IsBroadcastToHolders"/>, cached.</summary>
        private bool BroadcastsToHolders(ILocalSymbol element, ISymbol connection, INamedTypeSymbol owner, SyntaxNode write, ReadSite site, SemanticModel model)
        {
            var readLoop = site.Loops[site.Loops.Count - 1];
            broadcastLoops ??= new Dictionary<(ILocalSymbol, ISymbol, SyntaxNode), bool>();
            if (!broadcastLoops.TryGetValue((element, connection, readLoop), out var answer))
            {
                answer = IsBroadcastToHolders(element, connection, owner, write, readLoop, model);
                broadcastLoops[(element, connection, readLoop)] = answer;
            }

            return answer;
        }

        /// <summary>
        /// A write to each element of a collection that holds the read's own connection: one of its writes goes to the closed
        /// connection and may end the loop as a write to it would (fresh17 FALSE 2, the "echo to everyone, sender included"
        /// chat server: <c>foreach (Socket s in list) { stream = new NetworkStream(s); writer = new StreamWriter(stream) {
        /// AutoFlush = true }; writer.WriteLine(str); }</c> with <c>list.Add(socket)</c> in the constructor). The write's
        /// receiver is, by the <c>foreach</c> body's own statements (<see cref="WritesToElement"/>), a writer passing each
        /// write on, over a stream, over the loop's variable; the body cannot skip an element; and the collection is a field
        /// that the read's type adds the read's connection to and takes nothing out of outside a catch or finally
        /// (<see cref="IsBroadcastToHolders"/>). A way out, not a certain write: the exception ends the loop only on a turn
        /// the sender is still in the list.
        /// </summary>
        private void WritesToEveryHolder(IInvocationOperation write, Model.ApiFacts facts, ReadState state)
        {
            if (state.Zero.Count == 0 || body.Model is not { } model || write.Instance is not { } target
                || WritesToElement(target.Syntax, write.Syntax, held: facts.Sends is null && facts.WritesHeldUntilFlush, model) is not { } element)
            {
                return;
            }

            List<int>? ended = null;
            foreach (var pair in state.Zero)
            {
                var site = ZeroSite(pair.Key);
                if (pair.Value.Wrote || site.ConnectionRoot is not { ContainingType: { } owner } root
                    || (!facts.WritesEvenEmpty && MayBeEmpty(write, pair.Value, site)) || WriteCaughtInsideLoops(write.Syntax, site))
                {
                    continue;
                }

                if (BroadcastsToHolders(element, root, owner, write.Syntax, site, model))

                {
                    (ended ??= new List<int>()).Add(pair.Key);
                }
            }

            if (ended is not null)
            {
                foreach (var read in ended)
                {
                    Escape(read, state);
                }
            }
        }

        /// <summary>
        /// The variable of the <c>foreach</c> around <paramref name="write"/> when its receiver is, by the statements of the
        /// loop's body before it, that variable's connection: the variable itself (<c>s.Send(…)</c>), <c>s.GetStream()</c>,
        /// <c>new NetworkStream(s)</c>, a <c>BinaryWriter</c> or a <c>StreamWriter</c> made with <c>{ AutoFlush = true }</c>
        /// over one of them, or a local or field the nearest earlier statement of the body assigns one of them. Null otherwise.
        /// </summary>
        /// <param name="held">The write is one a <c>StreamWriter</c> keeps until a flush: only a writer made in the loop's body
        /// with <c>{ AutoFlush = true }</c> passes it on (an element of a list of writers may not).</param>
        private ILocalSymbol? WritesToElement(SyntaxNode receiver, SyntaxNode write, bool held, SemanticModel model)
        {
            if (write.FirstAncestorOrSelf<ForEachStatementSyntax>() is not { } loop || write.FirstAncestorOrSelf<StatementSyntax>() is not { } statement
                || (statement != loop.Statement && statement.Parent != loop.Statement))
            {
                return null;
            }

            // The statements of the body before the write (none when the body is the write itself).
            var loopBody = loop.Statement as BlockSyntax;
            var index = loopBody?.Statements.IndexOf(statement) ?? 0;
            var node = receiver as ExpressionSyntax;
            for (var step = 0; step < 6 && node is not null; step++)
            {
                switch (node)
                {
                    case IdentifierNameSyntax name when name.Identifier.ValueText == loop.Identifier.ValueText:
                        return held && step == 0 ? null : model.GetDeclaredSymbol(loop, CancellationToken) as ILocalSymbol;
                    case IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax }:
                        var assigned = ((SimpleNameSyntax)(node is MemberAccessExpressionSyntax access ? access.Name : node)).Identifier.ValueText;
                        if (loopBody is null || Before(loopBody, index, assigned, IsNameWrite) is not { } at || StatementValue(loopBody.Statements[at], assigned) is not { } value)
                        {
                            return null;
                        }

                        index = at;
                        node = value;
                        break;
                    case ObjectCreationExpressionSyntax { ArgumentList.Arguments: { Count: > 0 } arguments } creation:
                        if (model.GetTypeInfo(creation, CancellationToken).Type is not { } made
                            || !(KnownSymbols.IsOrDerivesFrom(made, symbols.Stream) || made.Name == "BinaryWriter"
                                || (made.Name == "StreamWriter" && SetsAutoFlush(creation))))
                        {
                            return null;
                        }

                        node = arguments[0].Expression;
                        break;
                    case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetStream" } getStream, ArgumentList.Arguments.Count: 0 }:
                        node = getStream.Expression;
                        break;
                    default:
                        return null;
                }
            }

            return null;
        }

        /// <summary><c>new StreamWriter(…) { AutoFlush = true }</c>.</summary>
        private static bool SetsAutoFlush(ObjectCreationExpressionSyntax creation)
        {
            if (creation.Initializer is not { } initializer)
            {
                return false;
            }

            foreach (var expression in initializer.Expressions)
            {
                if (expression is AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "AutoFlush" }, Right: LiteralExpressionSyntax flag }
                    && flag.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.TrueLiteralExpression))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The statement gives the name its value: <c>name = …;</c> (<see cref="IsLocalWrite"/>) or <c>this.name = …;</c>.</summary>
        private static bool IsNameWrite(StatementSyntax statement, IdentifierNameSyntax name)
            => IsLocalWrite(statement, name)
                || statement is ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: var member } } assignment }
                    && member == name && assignment.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.SimpleAssignmentExpression);

        /// <summary>
        /// The <c>foreach</c> of <paramref name="element"/> cannot skip an element, and its collection is a field that
        /// <paramref name="owner"/> adds <paramref name="connection"/> to (<see cref="IsOwnConnection"/>) and takes nothing out
        /// of but in a <c>catch</c> or <c>finally</c>.
        /// </summary>
        private bool IsBroadcastToHolders(ILocalSymbol element, ISymbol connection, INamedTypeSymbol owner, SyntaxNode write, SyntaxNode readLoop, SemanticModel model)
        {
            if (element.DeclaringSyntaxReferences.Length != 1
                || element.DeclaringSyntaxReferences[0].GetSyntax(CancellationToken) is not ForEachStatementSyntax loop
                || !loop.Statement.Span.Contains(write.Span) || loop.SyntaxTree != model.SyntaxTree)
            {
                return false;
            }

            foreach (var node in loop.Statement.DescendantNodesAndSelf())
            {
                switch (node)
                {
                    case StatementSyntax and not (BlockSyntax or LocalDeclarationStatementSyntax or ExpressionStatementSyntax or UsingStatementSyntax):
                    case ConditionalExpressionSyntax or ConditionalAccessExpressionSyntax or AnonymousFunctionExpressionSyntax or SwitchExpressionSyntax:
                    case BinaryExpressionSyntax binary when binary.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.LogicalAndExpression)
                        || binary.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.LogicalOrExpression) || binary.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.CoalesceExpression):
                        return false;
                }
            }

            if (model.GetSymbolInfo(loop.Expression, CancellationToken).Symbol is not IFieldSymbol collection)
            {
                return false;
            }

            var added = false;
            foreach (var part in owner.DeclaringSyntaxReferences)
            {
                if (part.SyntaxTree != model.SyntaxTree)
                {
                    continue;
                }

                foreach (var node in part.GetSyntax(CancellationToken).DescendantNodes())
                {
                    CancellationToken.ThrowIfCancellationRequested();
                    if (node is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: var verb } access, ArgumentList.Arguments: var arguments } call
                        || NameOf(access.Expression) != collection.Name
                        || !SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(access.Expression, CancellationToken).Symbol, collection))
                    {
                        continue;
                    }

                    if (verb is "Remove" or "RemoveAt" or "RemoveAll" or "RemoveWhere" or "Clear" or "TryRemove" or "TryTake" or "Dequeue" or "Pop")
                    {
                        // Taken out anywhere but in a catch or finally, or after the read's loop in its method (the cleanup
                        // when the loop has ended, fresh23): the list may no longer hold the sender when the loop writes to it
                        // (fresh18 miss 1: list.Remove(socket) before the loop).
                        if (call.FirstAncestorOrSelf<SyntaxNode>(n => n is FinallyClauseSyntax or CatchClauseSyntax) is null
                            && !AfterTheLoop(call, readLoop))
                        {
                            return false;
                        }

                        continue;
                    }

                    added |= IsAdd(verb) && arguments.Count > 0
                        && IsOwnConnection(arguments[arguments.Count - 1].Expression, connection, owner, call, model);
                }
            }

            return added || (connection is IParameterSymbol parameter && EveryCallPassesAnAddedLocal(parameter, collection, owner, model));
        }

        private static bool IsAdd(string verb) => verb is "Add" or "Insert" or "TryAdd" or "Push" or "Enqueue";

        /// <summary>
        /// <paramref name="node"/> comes after <paramref name="readLoop"/> in the same member, in no loop or function around
        /// that loop or between them: it runs only once the loop has ended.
        /// </summary>
        private static bool AfterTheLoop(SyntaxNode node, SyntaxNode readLoop)
        {
            if (node.SyntaxTree != readLoop.SyntaxTree || node.SpanStart < readLoop.Span.End)
            {
                return false;
            }

            for (var around = node.Parent; around is not null; around = around.Parent)
            {
                if (around.Span.Contains(readLoop.Span))
                {
                    // The nearest node around both: no loop or function from here up to the member.
                    for (var outer = around; outer is not null && outer is not MemberDeclarationSyntax; outer = outer.Parent)
                    {
                        if (outer is WhileStatementSyntax or DoStatementSyntax or ForStatementSyntax or CommonForEachStatementSyntax
                            or AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)
                        {
                            return false;
                        }
                    }

                    return true;
                }

                if (around is WhileStatementSyntax or DoStatementSyntax or ForStatementSyntax or CommonForEachStatementSyntax
                    or AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MemberDeclarationSyntax)
                {
                    return false;
                }
            }

            return false;
        }

        /// <summary>
        /// The read's connection is a parameter of a private method of <paramref name="owner"/> that every call in the class
        /// gives a local an earlier statement of an enclosing block added to <paramref name="collection"/> (the accept loop of
        /// a chat server: <c>var socket = listener.AcceptSocket(); clients.Add(socket); new Thread(() =&gt; Handle(socket)).Start();</c>,
        /// the add also inside a <c>lock</c>). A use of the method as a delegate, a call with another argument, or a class
        /// declared in parts, and the callers are not all known: false.
        /// </summary>
        private bool EveryCallPassesAnAddedLocal(IParameterSymbol parameter, IFieldSymbol collection, INamedTypeSymbol owner, SemanticModel model)
        {
            if (parameter.ContainingSymbol is not IMethodSymbol { MethodKind: MethodKind.Ordinary, DeclaredAccessibility: Accessibility.Private } method
                || parameter.RefKind != RefKind.None || parameter.IsParams || owner.DeclaringSyntaxReferences.Length != 1
                || owner.DeclaringSyntaxReferences[0].SyntaxTree != model.SyntaxTree)
            {
                return false;
            }

            var calls = 0;
            foreach (var node in owner.DeclaringSyntaxReferences[0].GetSyntax(CancellationToken).DescendantNodes())
            {
                CancellationToken.ThrowIfCancellationRequested();
                if (node is not IdentifierNameSyntax name || name.Identifier.ValueText != method.Name
                    || !SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name, CancellationToken).Symbol?.OriginalDefinition, method.OriginalDefinition))
                {
                    continue;
                }

                var callee = name.Parent is MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } access && access.Name == name ? access : (ExpressionSyntax)name;
                if (callee.Parent is not InvocationExpressionSyntax call || call.Expression != callee
                    || call.ArgumentList.Arguments.Count <= parameter.Ordinal
                    || call.ArgumentList.Arguments[parameter.Ordinal] is not { NameColon: null, RefKindKeyword.RawKind: 0, Expression: IdentifierNameSyntax passed }
                    || model.GetSymbolInfo(passed, CancellationToken).Symbol is not ILocalSymbol local
                    || !AddedBefore(call, local, collection, model))
                {
                    // A delegate, or a call whose argument is not known to be in the list.
                    return false;
                }

                calls++;
            }

            return calls > 0;
        }

        /// <summary>An earlier statement of a block around <paramref name="call"/> (lambdas included) adds <paramref name="local"/> to <paramref name="collection"/>, directly or inside a <c>lock</c>.</summary>
        private bool AddedBefore(SyntaxNode call, ILocalSymbol local, IFieldSymbol collection, SemanticModel model)
        {
            for (var node = call; node is not null and not MemberDeclarationSyntax; node = node.Parent)
            {
                if (node is not StatementSyntax statement || statement.Parent is not BlockSyntax block)
                {
                    continue;
                }

                foreach (var earlier in block.Statements)
                {
                    if (earlier == statement)
                    {
                        break;
                    }

                    var add = earlier;
                    if (earlier is LockStatementSyntax { Statement: var locked })
                    {
                        add = locked is BlockSyntax { Statements.Count: 1 } lockBlock ? lockBlock.Statements[0] : locked;
                    }

                    if (add is ExpressionStatementSyntax { Expression: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: var verb } access, ArgumentList.Arguments: { Count: > 0 } arguments } }
                        && IsAdd(verb) && NameOf(access.Expression) == collection.Name
                        && arguments[arguments.Count - 1].Expression is IdentifierNameSyntax item && item.Identifier.ValueText == local.Name
                        && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(access.Expression, CancellationToken).Symbol, collection)
                        && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(item, CancellationToken).Symbol, local))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static string? NameOf(ExpressionSyntax expression) => expression switch
        {
            IdentifierNameSyntax name => name.Identifier.ValueText,
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
            _ => null,
        };

        /// <summary>
        /// <paramref name="added"/> is the read's <paramref name="connection"/>, or made over it in the read's body
        /// (<c>writers.Add(writer)</c> of a writer over <c>client.GetStream()</c>); or, for a connection field, a connection
        /// field of <paramref name="owner"/> (an instance field typed as a socket, client or stream), or a parameter of the
        /// method around <paramref name="add"/> that the method also stores in one (<c>this.socket = socket; list.Add(socket);</c>).
        /// </summary>
        private bool IsOwnConnection(ExpressionSyntax added, ISymbol connection, INamedTypeSymbol owner, SyntaxNode add, SemanticModel model)
        {
            var symbol = model.GetSymbolInfo(added, CancellationToken).Symbol;
            if (symbol is not null && SymbolEqualityComparer.Default.Equals(symbol, connection))
            {
                return true;
            }

            if (Graph.OriginalOperation.Syntax.Span.Contains(add.Span) && model.GetOperation(added, CancellationToken) is { } value
                && SymbolEqualityComparer.Default.Equals(body.RootOfConnection(value, symbols), connection))
            {
                // writers.Add(writer) of the read's body, with writer = new StreamWriter(client.GetStream()) { AutoFlush = true }.
                return true;
            }

            if (connection is not IFieldSymbol { IsStatic: false })
            {
                return false;
            }

            switch (symbol)
            {
                case IFieldSymbol { IsStatic: false } field:
                    return SymbolEqualityComparer.Default.Equals(field.ContainingType, owner) && IsInputType(field.Type);
                case IParameterSymbol parameter when IsInputType(parameter.Type):
                    var method = add.FirstAncestorOrSelf<BaseMethodDeclarationSyntax>();
                    if (method is null)
                    {
                        return false;
                    }

                    foreach (var node in method.DescendantNodes())
                    {
                        if (node is AssignmentExpressionSyntax { Right: IdentifierNameSyntax storedValue } assignment && storedValue.Identifier.ValueText == parameter.Name
                            && model.GetSymbolInfo(assignment.Left, CancellationToken).Symbol is IFieldSymbol { IsStatic: false } stored
                            && SymbolEqualityComparer.Default.Equals(stored.ContainingType, owner) && IsInputType(stored.Type)
                            && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(storedValue, CancellationToken).Symbol, parameter))
                        {
                            return true;
                        }
                    }

                    return false;
                default:
                    return false;
            }
        }

        /// <summary>
        /// The write may send nothing on this 0 path: an argument uses what holds the 0 (<c>Write(buffer, 0, n)</c> of an
        /// echo loop), or something the 0 path changed (<c>reply = Encoding.UTF8.GetBytes(text.ToUpper())</c> of the empty
        /// text decoded from it, a <c>StringBuilder</c> made on the way). A write of no bytes draws no reset from the closed
        /// peer, so the loop goes on for ever: only a write whose bytes the 0 path did not compute counts (a constant
        /// request, a buffer the empty read left as it was, the console's next line). What holds a character or byte read's
        /// -1 (or its U+FFFF) is no empty value: echoed back, it is one more byte on the wire.
        /// </summary>
        private bool MayBeEmpty(IInvocationOperation invocation, ZeroFact fact, ReadSite site)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (NeverEmpty(argument.Value))
                {
                    continue;
                }

                foreach (var operation in argument.Value.DescendantsAndSelf())
                {
                    var key = operation is IFieldReferenceOperation field ? FieldKey(fact, field.Field) : VariableKey(operation);

                    if (key is not null && (fact.Zeros.Contains(key) || fact.Changed.Contains(key) && !fact.IsRenewed(key)))
                    {
                        if (site.IsChar && fact.Zeros.Contains(key))
                        {
                            // A character or byte read's -1 (or its U+FFFF) is a value, not nothing: echoed back
                            // (writer.Write(c), writer.Write((char)c)) it is one more character on the wire.
                            continue;
                        }

                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// Text or bytes that hold something whatever the 0 path changed (fresh14 FALSE 3, a server that answers every turn
        /// with <c>"Hello Client " + counter</c>): a non-empty string constant, a concatenation or interpolation with a part
        /// that is one or with a number, a <c>bool</c> or a <c>DateTime</c> (its text is never empty), the <c>ToString()</c> of one, or
        /// <c>Encoding.X.GetBytes</c> of such a text, or the result of a method of the project that returns only such texts
        /// (fresh19 FALSE 2, a chat bot's <c>message = AI(message)</c> whose every answer is a non-empty constant).
        /// Written to the connection, it is a real write: a reset follows.
        /// </summary>
        private bool NeverEmpty(IOperation value)
        {
            var v = value.WalkDownConversions();
            if (v.ConstantValue is { HasValue: true, Value: string { Length: > 0 } })
            {
                return true;
            }

            switch (v)
            {
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String } concatenation:
                    return NeverEmpty(concatenation.LeftOperand) || NeverEmpty(concatenation.RightOperand)
                        || FormatsAsText(concatenation.LeftOperand) || FormatsAsText(concatenation.RightOperand);
                case IInterpolatedStringOperation interpolated:
                    foreach (var part in interpolated.Parts)
                    {
                        if (part is IInterpolatedStringTextOperation { Text.ConstantValue: { HasValue: true, Value: string { Length: > 0 } } }
                            || part is IInterpolationOperation { Alignment: null, FormatString: null } hole && FormatsAsText(hole.Expression))
                        {
                            return true;
                        }
                    }

                    return false;
                case IInvocationOperation { TargetMethod: { Name: "ToString", Parameters.Length: 0 }, Instance: { } number } when FormatsAsText(number):
                    return true;
                case IInvocationOperation { TargetMethod: { DeclaringSyntaxReferences.Length: 1, ReturnType.SpecialType: SpecialType.System_String } method }:
                    return AnswersText(method, 0, 0);
                case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                    return NeverEmpty(conditional.WhenTrue) && NeverEmpty(whenFalse);
                case ISwitchExpressionOperation { Arms.Length: > 0 } choice:
                    foreach (var arm in choice.Arms)
                    {
                        if (!NeverEmpty(arm.Value))
                        {
                            return false;
                        }
                    }

                    return true;
                case IInvocationOperation { TargetMethod.Name: "GetBytes", Arguments.Length: 1 } encode when symbols.Framework.IsTextEncoding(encode.TargetMethod):
                    return NeverEmpty(encode.Arguments[0].Value);
                default:
                    return false;
            }
        }

        /// <summary>A value of a built-in number type, a <c>bool</c> or a <c>DateTime</c>, looked at through its boxing: its text is never empty.</summary>
        private static bool FormatsAsText(IOperation operation)
            => operation.WalkDownConversions().Type?.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Int16
                or SpecialType.System_Byte or SpecialType.System_UInt16 or SpecialType.System_UInt32 or SpecialType.System_UInt64 or SpecialType.System_SByte
                or SpecialType.System_Double or SpecialType.System_Single or SpecialType.System_Decimal
                or SpecialType.System_Boolean or SpecialType.System_DateTime;

        /// <summary>
        /// True when <paramref name="value"/> is computed from nothing the 0 path holds or changed: no variable of its
        /// <see cref="ZeroFact.Zeros"/> or <see cref="ZeroFact.Changed"/> (unless renewed so), no field, no read of the
        /// body, no method of the code itself (it may read the connection), no lambda. <c>Console.ReadLine()</c>,
        /// <c>user + ": " + message</c> of a renewed message, <c>Encoding.UTF8.GetBytes(message)</c> are; the decoded
        /// empty text and what is built from it are not.
        /// </summary>
        private bool ComputedWithoutZeroPath(IOperation value, ZeroFact fact, ReadSite site)
        {
            if (IsZero(value, fact, site) || IsEmptyText(value, fact, site))
            {
                return false;
            }

            var made = value.WalkDownConversions();
            if ((made is IObjectCreationOperation creation && !IsRenewingCreation(creation, fact, site))
                || made is IArrayCreationOperation or IDefaultValueOperation or ILiteralOperation { ConstantValue.Value: null or "" })
            {
                // new StringBuilder(), new byte[n], default: empty until the 0 path fills them (text.Append(decoded)).
                return false;
            }

            foreach (var operation in value.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IFieldReferenceOperation:
                    case IAnonymousFunctionOperation:
                    case IInstanceReferenceOperation:
                        return false;
                    case IInvocationOperation call when body.SiteAt(call.Syntax) is not null || ReadsInput(call.Instance)
                        || (!call.TargetMethod.DeclaringSyntaxReferences.IsEmpty && ProjectCodeMayReachZeroPath(call.TargetMethod, call.Instance, call.Arguments, fact, site)):
                        return false;
                    case IPropertyReferenceOperation property when !property.Property.DeclaringSyntaxReferences.IsEmpty || ReadsInput(property.Instance):
                        return false;
                }

                if (VariableKey(operation) is { } key && (fact.Zeros.Contains(key) || fact.Changed.Contains(key) && !fact.IsRenewed(key)))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// A method (or constructor) of the project may give what the 0 path left (it may read the connection, or a field
        /// the 0 path changed), unless it can reach neither: it is not a local function (which sees the body's locals); the
        /// read's connection is a local or parameter of the body that no lambda uses and that the body neither stores nor
        /// hands to the project (<see cref="Escapes"/>), or an instance field of the body's object that the method's type
        /// cannot reach (<see cref="OutOfReach"/>); the 0 path assigned no field (a project call on the path counts only if
        /// a read helper of the body keeps its 0 path in fields: the others are judged as this one is); and neither the
        /// receiver's type (its instance fields, through the project's base types; a constructor's own type) nor any
        /// argument carries input (a stream, reader, socket or client). So <c>answers.GetAnswer()</c> of a table of
        /// replies, or a static <c>Reply() =&gt; "ok"</c>, is a reply the 0 path did not compute (the fresh9 audit's hlibko
        /// finding). <paramref name="instance"/> is the call's receiver (null for a static method or a constructor).
        /// </summary>
        private bool ProjectCodeMayReachZeroPath(IMethodSymbol method, IOperation? instance, ImmutableArray<IArgumentOperation> arguments, ZeroFact fact, ReadSite site)
        {
            var root = site.ConnectionRoot;
            var fieldRoot = root is IFieldSymbol { IsStatic: false } held && OutOfReach(held, method, instance, arguments) ? held : null;
            if (method.MethodKind == MethodKind.LocalFunction
                || (fieldRoot is null && (root is not (ILocalSymbol or IParameterSymbol) || body.Captured.Contains(root) || Escapes(root)))
                || !(site.ReceiverRoot is null or ILocalSymbol or IParameterSymbol || (fieldRoot is not null && SymbolEqualityComparer.Default.Equals(site.ReceiverRoot, fieldRoot)))
                || (site.ReceiverRoot is ILocalSymbol or IParameterSymbol && Escapes(site.ReceiverRoot)))
            {
                return true;
            }

            foreach (var changed in fact.Changed)
            {
                // A field the 0 path assigned, or one a read helper filled from its own 0 path. Other project calls on the
                // path (FieldsMayChange) are judged like this one: given nothing of the 0 path, what they store is not of it.
                if (changed is IFieldSymbol || ((changed == FieldsMayChange || changed is QuietWrite) && HelperWritesFields()))
                {
                    return true;
                }
            }

            foreach (var argument in arguments)
            {
                if (CarriesInput(argument.Value.WalkDownConversions().Type))
                {
                    return true;
                }
            }

            return AnyProjectField(instance?.Type as INamedTypeSymbol ?? (method.MethodKind == MethodKind.Constructor ? method.ContainingType : null),
                field => !field.IsStatic && CarriesInput(field.Type));
        }

        /// <summary>A field of <paramref name="type"/>, or of a base type of it declared in the project, passes <paramref name="test"/>.</summary>
        private static bool AnyProjectField(INamedTypeSymbol? type, System.Func<IFieldSymbol, bool> test)
        {
            for (; type is not null && !type.DeclaringSyntaxReferences.IsEmpty; type = type.BaseType)
            {
                foreach (var member in type.GetMembers())
                {
                    if (member is IFieldSymbol field && test(field))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private Dictionary<ISymbol, bool>? escapes;
        private bool? thisEscapes;

        /// <summary>
        /// <c>new Answers()</c>: an object of a class of the project whose constructor can reach nothing the 0 path left
        /// (<see cref="ProjectCodeMayReachZeroPath"/>) and is given only what the 0 path did not compute. What it gives later
        /// is not of the 0 path, unless the path hands it something (<see cref="ProjectObjectUse"/>). Not a text or byte
        /// container of the framework (<c>new StringBuilder()</c>), which is empty until the path fills it.
        /// </summary>
        private bool IsRenewingCreation(IObjectCreationOperation creation, ZeroFact fact, ReadSite site)
        {
            if (creation is not { Constructor: { } constructor, Type: INamedTypeSymbol { TypeKind: TypeKind.Class } type, Initializer: null }
                || type.DeclaringSyntaxReferences.IsEmpty)
            {
                return false;
            }

            return ArgumentsWithoutZeroPath(creation.Arguments, fact, site) && !ProjectCodeMayReachZeroPath(constructor, null, creation.Arguments, fact, site);
        }

        /// <summary>Every argument is <see cref="ComputedWithoutZeroPath"/>.</summary>
        private bool ArgumentsWithoutZeroPath(ImmutableArray<IArgumentOperation> arguments, ZeroFact fact, ReadSite site)
        {
            foreach (var argument in arguments)
            {
                if (!ComputedWithoutZeroPath(argument.Value, fact, site))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// A local holding an object of the project that a 0 path renewed (<see cref="IsRenewingCreation"/>) stays renewed only
        /// through calls on it given nothing that path computed (<c>answers.GetAnswer()</c>); any other use (handed on, a
        /// property set, <c>answers.Add(text)</c>) may put what the path left into it.
        /// </summary>
        private void ProjectObjectUse(ILocalReferenceOperation reference, ReadState state)
        {
            foreach (var pair in state.Zero)
            {
                var fact = pair.Value;
                if (!fact.IsRenewed(reference.Local))
                {
                    continue;
                }

                if (reference.Parent is not IInvocationOperation call || call.Instance != reference
                    || !ArgumentsWithoutZeroPath(call.Arguments, fact, ZeroSite(pair.Key)))
                {
                    fact.AddChanged(reference.Local);
                }
            }
        }

        /// <summary>
        /// A method of a type unrelated to <paramref name="field"/>'s (not the same, no base or derived type of it, not
        /// nested in it or holding it), whose type (or a base of it in the project) has no field that could hold that object, a delegate or
        /// input, given no argument that could be that object or a delegate, and the body lets neither <c>this</c> (other than to reach its
        /// members) nor the field's value go anywhere (<see cref="Escapes"/>): such code cannot reach the field.
        /// </summary>
        private bool OutOfReach(IFieldSymbol field, IMethodSymbol method, IOperation? instance, ImmutableArray<IArgumentOperation> arguments)
        {
            var holder = field.ContainingType;
            if (holder is null || method.ContainingType is not { } callee || Related(callee, holder)
                || (instance?.Type is INamedTypeSymbol receiverType && Related(receiverType, holder)))
            {
                return false;
            }

            foreach (var argument in arguments)
            {
                // A delegate may run code of this object (a lambda over its fields, a method group of it).
                if (argument.Value.WalkDownConversions().Type is not { } type || type.TypeKind == TypeKind.Delegate
                    || type is INamedTypeSymbol named && Related(named, holder))
                {
                    return false;
                }
            }

            if (AnyProjectField(callee, other => CarriesInput(other.Type) || other.Type.TypeKind == TypeKind.Delegate
                || other.Type is INamedTypeSymbol named && Related(named, holder)))
            {
                return false;
            }

            return !ThisEscapes() && !Escapes(field);
        }

        /// <summary>The same type, a base or derived type of the other, or one nested in the other.</summary>
        private static bool Related(INamedTypeSymbol a, INamedTypeSymbol b)
        {
            if (a.TypeKind is TypeKind.Interface or TypeKind.TypeParameter or TypeKind.Error || b.TypeKind is TypeKind.Interface or TypeKind.Error)
            {
                return true;
            }

            return Within(a, b) || Within(b, a);

            static bool Within(INamedTypeSymbol inner, INamedTypeSymbol outer)
            {
                for (INamedTypeSymbol? type = inner; type is not null; type = type.BaseType)
                {
                    for (var around = type; around is not null; around = around.ContainingType)
                    {
                        if (SymbolEqualityComparer.Default.Equals(around.OriginalDefinition, outer.OriginalDefinition))
                        {
                            return true;
                        }
                    }
                }

                return false;
            }
        }

        /// <summary><c>this</c> goes somewhere in the body other than to reach its own members: handed on, stored, returned.</summary>
        private bool ThisEscapes()
        {
            if (thisEscapes is { } known)
            {
                return known;
            }

            var result = false;
            foreach (var operation in Graph.OriginalOperation.DescendantsAndSelf())
            {
                CancellationToken.ThrowIfCancellationRequested();
                if (operation is IInstanceReferenceOperation && !IsReceiver(operation))
                {
                    result = true;
                    break;
                }
            }

            thisEscapes = result;
            return result;

            static bool IsReceiver(IOperation reference) => reference.WalkUpConversions(out var child) switch
            {
                // A method group of this object (a delegate over it) carries it away.
                IMethodReferenceOperation => false,
                IMemberReferenceOperation member => member.Instance == child,
                IInvocationOperation invocation => invocation.Instance == child,
                _ => false,
            };
        }

        /// <summary>
        /// True when the body lets <paramref name="variable"/>'s value go where a method of the project may find it: stored
        /// anywhere but in its own declaration (a field, another local, an array), returned, or given to a method or
        /// constructor of the project. Framework calls (<c>GetStream()</c>, <c>new StreamReader(stream)</c>) keep it.
        /// </summary>
        private bool Escapes(ISymbol variable)
        {
            escapes ??= new Dictionary<ISymbol, bool>(SymbolComparer.Instance);
            if (escapes.TryGetValue(variable, out var result))
            {
                return result;
            }

            result = false;
            foreach (var operation in Graph.OriginalOperation.DescendantsAndSelf())
            {
                CancellationToken.ThrowIfCancellationRequested();
                ISymbol? referenced = operation switch
                {
                    ILocalReferenceOperation local => local.Local,
                    IParameterReferenceOperation parameter => parameter.Parameter,
                    IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field => field.Field,
                    _ => null,
                };
                if (referenced is null || !SymbolEqualityComparer.Default.Equals(referenced, variable))
                {
                    continue;
                }

                switch (operation.WalkUpConversions(out var child))
                {
                    case IAssignmentOperation assignment when assignment.Value == child:
                    case IVariableInitializerOperation:
                    case IReturnOperation:
                    case IArrayInitializerOperation:
                    case ITupleOperation:
                    case IArgumentOperation { Parent: IInvocationOperation call } when !call.TargetMethod.DeclaringSyntaxReferences.IsEmpty:
                    case IArgumentOperation { Parent: IObjectCreationOperation { Constructor: { } constructor } } when !constructor.DeclaringSyntaxReferences.IsEmpty:
                    case IArgumentOperation { Parent: not (IInvocationOperation or IObjectCreationOperation) }:
                        result = true;
                        break;
                }

                if (result)
                {
                    break;
                }
            }

            escapes[variable] = result;
            return result;
        }

        private bool HelperWritesFields()
        {
            foreach (var other in body.Sites)
            {
                if (other.Helper is { WritesFields: true })
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A type whose value may carry input: a stream, reader, socket or client, or <c>object</c>, an interface or a type parameter (anything).</summary>
        private bool CarriesInput(ITypeSymbol? type)
            => type is null || type.SpecialType == SpecialType.System_Object
                || type.TypeKind is TypeKind.Interface or TypeKind.TypeParameter or TypeKind.Dynamic or TypeKind.Error
                || IsInputType(type);

        /// <summary>The local, parameter or flow capture <paramref name="operation"/> reads, as the 0 facts name it; null for anything else.</summary>
        private static object? VariableKey(IOperation operation) => operation switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            IFlowCaptureReferenceOperation capture => capture.Id,
            _ => null,
        };

        /// <summary>
        /// A member of something that carries input (a stream, a text or binary reader, a socket or a TCP or UDP client): what
        /// it gives may come from the closed connection (<c>reader.ReadToEnd()</c> is "" there), whether or not the body
        /// follows it as a read.
        /// </summary>
        private bool ReadsInput(IOperation? instance) => instance?.Type is { } type && IsInputType(type);

        /// <summary>A stream, a text or binary reader, a socket, or a TCP or UDP client.</summary>
        private bool IsInputType(ITypeSymbol type)
            => KnownSymbols.IsOrDerivesFrom(type, symbols.Stream) || KnownSymbols.IsOrDerivesFrom(type, symbols.TextReader)
                || KnownSymbols.IsOrDerivesFrom(type, symbols.BinaryReader) || KnownSymbols.IsOrDerivesFrom(type, symbols.Socket)
                || KnownSymbols.IsOrDerivesFrom(type, symbols.TcpClient) || KnownSymbols.IsOrDerivesFrom(type, symbols.UdpClient);

        /// <summary>A <c>try</c> with a <c>catch</c> around <paramref name="syntax"/>, inside the outermost loop around the read.</summary>
        private static bool CaughtInsideLoops(SyntaxNode syntax, ReadSite site)
            // Not in the read's function: whatever catches it, the read's loop does not see the write.
            => CatchingTryInsideLoops(syntax, site, out var otherFunction) is not null || otherFunction;

        /// <summary>
        /// The write comes before the read in the body of the read's innermost loop, in the read's function: each turn sends,
        /// then reads (a client that sends its request, or the last answer, then reads the reply). The turn whose read met
        /// the 0 sent its bytes first, and a peer that had closed before they came answered with a reset; after that even a
        /// write of no bytes throws (EPIPE: checked on .NET 10, fresh57 F1), so the loop ends unless the peer read them and
        /// then closed without a reply. The spin is not certain, whatever the write sends on the 0 path.
        /// </summary>
        private static bool WritesBeforeReadInTurn(SyntaxNode write, ReadSite site)
        {
            var read = site.Invocation.Syntax;
            if (site.Loops.Count == 0 || write.SyntaxTree != read.SyntaxTree || write.Span.End > read.SpanStart)
            {
                return false;
            }

            var turn = site.Loops[0] switch
            {
                WhileStatementSyntax loop => loop.Statement,
                DoStatementSyntax loop => loop.Statement,
                ForStatementSyntax loop => loop.Statement,
                CommonForEachStatementSyntax loop => loop.Statement,
                _ => null,
            };

            if (turn is null || !turn.Span.Contains(write.Span))
            {
                return false;
            }

            for (var node = write.Parent; node is not null && node != turn; node = node.Parent)
            {
                if (node is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// A write in a <c>try</c> inside the read's loops whose catches let the loop go on: its exception does not end it.
        /// A <c>try</c> whose every catch leaves the loops (its last statement a <c>return</c>, a <c>throw</c>, or a <c>break</c>
        /// of the outermost loop around the read) passes the exception on as a way out.
        /// </summary>
        private static bool WriteCaughtInsideLoops(SyntaxNode syntax, ReadSite site)
        {
            if (CatchingTryInsideLoops(syntax, site, out var otherFunction) is not { } caught)
            {
                return otherFunction;
            }

            var outermost = site.Loops[site.Loops.Count - 1];
            foreach (var clause in caught.Catches)
            {
                var last = clause.Block.Statements.Count > 0 ? clause.Block.Statements[clause.Block.Statements.Count - 1] : null;
                var leaves = last is ReturnStatementSyntax or ThrowStatementSyntax
                    || (last is BreakStatementSyntax && last.FirstAncestorOrSelf<SyntaxNode>(node => node is WhileStatementSyntax or DoStatementSyntax or ForStatementSyntax
                        or ForEachStatementSyntax or SwitchStatementSyntax or CommonForEachStatementSyntax) == outermost);
                if (!leaves)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The innermost <c>try</c> with catches whose block holds <paramref name="syntax"/>, inside the outermost loop
        /// around the read; null when none, or when <paramref name="otherFunction"/>: a lambda, local function or member
        /// lies between (the read's function does not see what happens there).
        /// </summary>
        private static TryStatementSyntax? CatchingTryInsideLoops(SyntaxNode syntax, ReadSite site, out bool otherFunction)
        {
            otherFunction = false;
            var outermost = site.Loops[site.Loops.Count - 1];
            for (var node = syntax; node is not null && node != outermost; node = node.Parent)
            {
                if (node.Parent is TryStatementSyntax tryStatement && tryStatement.Block == node && tryStatement.Catches.Count > 0)
                {
                    return tryStatement;
                }

                if (node is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MemberDeclarationSyntax)
                {
                    otherFunction = true;
                    return null;
                }
            }

            return null;
        }

        /// <summary>
        /// A call that waits for input other than any read's stream: an accept (sync, <c>End…</c>, or an awaited task
        /// form) of a socket or listener, or the console's <c>ReadLine</c>/<c>Read</c>/<c>ReadKey</c>. A loop that makes
        /// one on every turn after the 0 does not spin at 100% CPU: it never ends.
        /// </summary>
        private bool WaitsForOtherInput(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (symbols.Framework.IsConsoleInput(method))
            {
                return true;
            }

            if (symbols.Catalogue.Facts(method)?.Accept is not { } accept)
            {
                return false;
            }

            return accept.Form switch
            {
                Lifecycle.CallForm.Sync or Lifecycle.CallForm.End => true,
                Lifecycle.CallForm.Async => invocation.WalkUpToResult(symbols.Framework, out _) is IAwaitOperation,
                _ => false,
            };
        }

        // Per (method, field): the fields the method and the methods of its type it calls read and write, when they cannot
        // assign the field or end the loop; null when they may.
        private Dictionary<(IMethodSymbol, IFieldSymbol), HelperFields?>? harmless;

        /// <summary>
        /// <paramref name="method"/> can neither give the private <paramref name="field"/> another value nor end the read's loop
        /// (fresh18, a chat server whose loop over a reader field calls <c>SendAllExceptAClient(…)</c>, a helper of its class
        /// that assigns only other fields): a method of the field's type, declared once in this file, that cannot be
        /// overridden, whose body (and the body of each method of the type it calls, three deep) assigns the field nowhere,
        /// sets no member of what it holds (<c>client.Client = other</c>), passes it by <c>ref</c> or <c>out</c> nowhere, hands
        /// <c>this</c> to nothing, runs no delegate, calls nothing of the project outside its type (property accessors with
        /// bodies and constructors of the project included), throws nothing, disposes nothing (<c>using</c>, <c>Close</c>,
        /// <c>Dispose</c>, <c>Shutdown</c>, <c>Disconnect</c>), calls nothing that ends the process or does not return, and uses
        /// its parameters only where no value can throw (<see cref="IsHarmlessParameterUse"/>): code elsewhere can reach a
        /// private field only through such calls, and the helper behaves on the 0 path as on any other turn. Returns the
        /// fields it reads before giving them a value itself, and the fields it may change (<see cref="HelperFields"/>: the
        /// caller checks that the 0 path changed none of the first); null when it may assign or end. Not for a property's
        /// hidden field, or a field of a type of the project (a helper may set a member of what it holds).
        /// </summary>
        private HelperFields? HarmlessTo(IInvocationOperation call, IFieldSymbol field)
        {
            var method = call.TargetMethod;
            if (!(field.IsImplicitlyDeclared ? NetworkFields.SetOnlyByItsType(field.AssociatedSymbol as IPropertySymbol) : field.DeclaredAccessibility == Accessibility.Private)
                || !field.Type.DeclaringSyntaxReferences.IsEmpty || body.Model is not { } model)
            {
                return null;
            }

            if (!SymbolEqualityComparer.Default.Equals(method.ContainingType?.OriginalDefinition, field.ContainingType.OriginalDefinition))
            {
                return HarmlessElsewhere(call, field, model);
            }

            if (field.IsImplicitlyDeclared)
            {
                // A helper of the read's own type reaches an auto-property's field by the property's name: not followed.
                return null;
            }

            harmless ??= new Dictionary<(IMethodSymbol, IFieldSymbol), HelperFields?>();
            var key = (method.OriginalDefinition, field.OriginalDefinition);
            if (!harmless.TryGetValue(key, out var fields))
            {
                fields = new HelperFields();
                if (!Harmless(method.OriginalDefinition, field.OriginalDefinition, model, new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default), fields, 0, null))
                {
                    fields = null;
                }

                harmless[key] = fields;
            }

            return fields;
        }

        /// <summary>Per helper of this file: whether it may close a field's connection (<see cref="MayCloseAField(IMethodSymbol)"/>).</summary>
        private Dictionary<IMethodSymbol, bool>? mayCloseAField;

        /// <summary>
        /// A helper of this file that closes, disposes or shuts down what a field holds (<c>socket.Close()</c>,
        /// <c>_client?.Dispose()</c>, <c>_stream.Socket.Shutdown(…)</c>), or ends the process, itself or through the helpers of
        /// this file it calls (up to three deep). A read of a field the helper closed throws on the next turn instead of
        /// returning 0 again, so the call is a way out of the loop even for a receiver no call can replace (a <c>readonly</c>
        /// field: <see cref="ReadSite.ReceiverChangedByCalls"/>), as <c>socket.Close()</c> written in the loop is. A helper the
        /// analysis cannot read (another file, virtual) is not taken for one: the read is then judged as before.
        /// </summary>
        private bool MayCloseAField(IMethodSymbol method)
        {
            if (method.DeclaringSyntaxReferences.Length == 0 || body.Model is not { } model)
            {
                return false;
            }

            mayCloseAField ??= new Dictionary<IMethodSymbol, bool>(SymbolEqualityComparer.Default);
            var key = method.OriginalDefinition;
            if (!mayCloseAField.TryGetValue(key, out var result))
            {
                mayCloseAField[key] = result = MayCloseAField(key, model, new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default), 0);
            }

            return result;
        }

        private bool MayCloseAField(IMethodSymbol method, SemanticModel model, HashSet<IMethodSymbol> visited, int depth)
        {
            if (depth > 3 || !visited.Add(method) || BodyInThisFile(method, model) is not { } code)
            {
                return false;
            }

            foreach (var operation in code.DescendantsAndSelf())
            {
                CancellationToken.ThrowIfCancellationRequested();
                if (operation is not IInvocationOperation call)
                {
                    continue;
                }

                var target = call.TargetMethod.OriginalDefinition;
                if (EndsOrDisposes(target) && (target.IsStatic || HeldByAField(call.Instance, call))
                    || target.DeclaringSyntaxReferences.Length > 0 && MayCloseAField(target, model, visited, depth + 1))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The instance of <paramref name="call"/> is <c>this</c> or what a field or property holds, or a member of it
        /// (<c>_client.Client</c>), also through <c>?.</c>: not a local or parameter the helper made or was given.
        /// </summary>
        private static bool HeldByAField(IOperation? instance, IOperation call)
        {
            for (var step = 0; step < 8 && instance is not null; step++)
            {
                instance = instance.WalkDownConversions();
                switch (instance)
                {
                    case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }:
                    case IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation }:
                    case IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation }:
                        return true;
                    case IMemberReferenceOperation member:
                        instance = member.Instance;
                        break;
                    case IConditionalAccessInstanceOperation:
                        IOperation? access = call.Parent;
                        while (access is not null and not IConditionalAccessOperation)
                        {
                            access = access.Parent;
                        }

                        instance = (access as IConditionalAccessOperation)?.Operation;
                        call = access!;
                        break;
                    default:
                        return false;
                }
            }

            return false;
        }

        /// <summary>What a harmless helper (<see cref="HarmlessTo"/>) does with the fields of its object and its type's statics.</summary>
        private sealed class HelperFields
        {
            /// <summary>The fields it reads where it has not given them a value itself first (in an earlier statement of an enclosing block).</summary>
            public HashSet<IFieldSymbol> Reads { get; } = new(SymbolEqualityComparer.Default);

            /// <summary>The fields it assigns, or whose object it may change (a call on it, an argument, a member set).</summary>
            public HashSet<IFieldSymbol> Writes { get; } = new(SymbolEqualityComparer.Default);

            /// <summary>It sets an auto-property: a field without a name here, so any field may have changed.</summary>
            public bool WritesUnnamed { get; set; }
        }

        /// <summary>The 0 path gave one of <paramref name="fields"/> a value, itself or through a harmless helper (<see cref="QuietWriteOf"/>).</summary>
        private bool ReadsChanged(HashSet<IFieldSymbol> fields, ZeroFact fact)
        {
            foreach (var changed in fact.Changed)
            {
                if (changed is IFieldSymbol assigned && fields.Contains(assigned.OriginalDefinition)
                    || changed is QuietWrite quiet && fields.Contains(quiet.Field))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The key of <see cref="ZeroFact.Changed"/> that says a harmless helper gave <paramref name="field"/> a value on the 0 path.</summary>
        private object QuietWriteOf(IFieldSymbol field)
        {
            quietWrites ??= new Dictionary<IFieldSymbol, object>(SymbolEqualityComparer.Default);
            if (!quietWrites.TryGetValue(field.OriginalDefinition, out var key))
            {
                quietWrites[field.OriginalDefinition] = key = new QuietWrite(field.OriginalDefinition);
            }

            return key;
        }

        /// <summary>
        /// The key <see cref="ZeroFact.Changed"/> holds for <paramref name="field"/> when the 0 path may have changed it: any
        /// field after a call of the project (<see cref="FieldsMayChange"/>), the field a harmless helper assigned
        /// (<see cref="QuietWriteOf"/>), else the field itself (given a value in the body).
        /// </summary>
        private object FieldKey(ZeroFact fact, IFieldSymbol field)
            => fact.Changed.Contains(FieldsMayChange) ? FieldsMayChange
                : quietWrites is not null && quietWrites.TryGetValue(field.OriginalDefinition, out var quiet) && fact.Changed.Contains(quiet) ? quiet
                : field;

        /// <summary>A field a harmless helper gave a value on the 0 path (<see cref="QuietWriteOf"/>): one instance per field and body.</summary>
        private sealed class QuietWrite
        {
            public QuietWrite(IFieldSymbol field) => Field = field;

            public IFieldSymbol Field { get; }
        }

        /// <param name="other">For a helper of another type (<see cref="HarmlessElsewhere"/>): that type and the call; its methods may be
        /// followed too, and every write, and every use of the read's member, must skip the sender.</param>
        private bool Harmless(IMethodSymbol method, IFieldSymbol field, SemanticModel model, HashSet<IMethodSymbol> visited, HelperFields fields, int depth, Broadcaster? other)
        {
            if (!visited.Add(method))
            {
                return true;
            }

            if (depth > 3
                || (!SymbolEqualityComparer.Default.Equals(method.ContainingType?.OriginalDefinition, field.ContainingType.OriginalDefinition)
                    && !SymbolEqualityComparer.Default.Equals(method.ContainingType?.OriginalDefinition, other?.Type))
                || BodyInThisFile(method, model) is not { } code)
            {
                return false;
            }

            foreach (var operation in code.DescendantsAndSelf())
            {
                CancellationToken.ThrowIfCancellationRequested();
                switch (operation)
                {
                    case IFieldReferenceOperation reference:
                        if (SymbolEqualityComparer.Default.Equals(reference.Field.OriginalDefinition, field)
                            && (ReadBody.IsWrite(reference) || reference.Parent is IArgumentOperation { Parameter.RefKind: not RefKind.None }
                                || reference.Parent is IMemberReferenceOperation member && member.Instance == reference && ReadBody.IsWrite(member)))
                        {
                            // The field, or a member of what it holds (client.Client = other), given another value.
                            return false;
                        }

                        if (other is not null && SymbolEqualityComparer.Default.Equals(reference.Field.OriginalDefinition, field) && !SkipsSender(reference.Instance, reference, other, field))
                        {
                            return false;
                        }

                        NoteFieldUse(reference, fields);
                        break;
                    case IParameterReferenceOperation parameter when !IsHarmlessParameterUse(parameter) && !(depth == 0 && other is not null && IsNeverNullTextUse(parameter, other)):
                    case IThrowOperation or IUsingOperation or IUsingDeclarationOperation:
                        return false;
                    case { } handing when HandsControlAway(handing):
                        return false;
                    case IInvocationOperation call:
                        var target = call.TargetMethod.OriginalDefinition;
                        if (target.MethodKind == MethodKind.DelegateInvoke || EndsOrDisposes(target)
                            || (other is not null && WritesAConnection(call) && !SkipsSender(call.Instance, call, other, field))
                            || (target.DeclaringSyntaxReferences.Length > 0 && !Harmless(target, field, model, visited, fields, depth + 1, other)))
                        {
                            return false;
                        }

                        break;
                    case IPropertyReferenceOperation { Property: { DeclaringSyntaxReferences.Length: > 0 } property } reference:
                        if (!AutoProperties.IsAutoProperty(property, CancellationToken)
                            || (field.IsImplicitlyDeclared && SymbolEqualityComparer.Default.Equals(field.AssociatedSymbol, property.OriginalDefinition)
                                && (ReadBody.IsWrite(reference) || (other is not null && !SkipsSender(reference.Instance, reference, other, field)))))
                        {
                            // Also the read's own auto-property given another value, or used on an object that may be the reader's.
                            return false;
                        }

                        if (ReadBody.IsWrite(reference))
                        {
                            fields.WritesUnnamed = true;
                        }

                        break;
                }
            }

            return true;
        }

        /// <summary>
        /// Records what a harmless helper does with a field (<see cref="HelperFields"/>). A plain assignment writes it; a use
        /// that only looks at what it holds (a property or field read on it, a framework call that only observes, an operand,
        /// a text part, the collection of a <c>foreach</c>, an element read) reads it; any other use (a call on it, an
        /// argument, a copy into a variable, an element or member set, <c>ref</c>) may change what it holds, so it is a
        /// write as well. A read counts unless the helper assigned the field in an earlier statement of an enclosing block
        /// (then it reads its own value, the same on every turn).
        /// </summary>
        private void NoteFieldUse(IFieldReferenceOperation reference, HelperFields fields)
        {
            var symbol = reference.Field.OriginalDefinition;
            if (reference.Parent is ISimpleAssignmentOperation simple && simple.Target == reference)
            {
                fields.Writes.Add(symbol);
                return;
            }

            IOperation use = reference;
            while (use.Parent is IConversionOperation { OperatorMethod: null } or IParenthesizedOperation)
            {
                use = use.Parent;
            }

            if (!OnlyLooks(use))
            {
                fields.Writes.Add(symbol);
            }

            if (!AssignedBefore(reference) && !(use.Parent is IInvocationOperation { Instance: var instance } call && instance == use && IsAccumulator(call.TargetMethod)))
            {
                fields.Reads.Add(symbol);
            }
        }

        /// <summary>
        /// A framework method that adds to what its receiver holds, or hands it work, and whose later calls cannot fail for
        /// what earlier ones did: the catalogue's <see cref="Model.ApiFacts.AddsOnly"/> (<c>list.Add</c>, <c>queue.Enqueue</c>,
        /// <c>builder.Append</c>, <c>SynchronizationContext.Post</c>), or a desktop UI thread's hand-off, whose assemblies are
        /// in none of the catalogue's reference sets (WinForms <c>Control.Invoke</c>/<c>BeginInvoke</c> and
        /// <c>TextBoxBase.AppendText</c>, WPF <c>Dispatcher.Invoke</c>/<c>BeginInvoke</c>/<c>InvokeAsync</c>; fresh60: chat
        /// clients that show each message through such a helper). The delegate's body is walked with the helper's.
        /// </summary>
        private bool IsAccumulator(IMethodSymbol method)
            => symbols.Catalogue.Facts(method) is { AddsOnly: true }
                || method.DeclaringSyntaxReferences.IsEmpty && method.ContainingType is { } type
                    && (method.Name is "Invoke" or "BeginInvoke" && IsIn(type, "Forms", "Control")
                        || method.Name == "AppendText" && IsIn(type, "Forms", "TextBoxBase")
                        || method.Name is "Invoke" or "BeginInvoke" or "InvokeAsync" && IsIn(type, "Threading", "Dispatcher"));

        /// <summary><paramref name="type"/> is <c>System.Windows.<paramref name="space"/>.<paramref name="name"/></c>, or derives from it.</summary>
        private static bool IsIn(INamedTypeSymbol type, string space, string name)
        {
            for (var t = type; t is not null; t = t.BaseType)
            {
                if (t.Name == name && t.ContainingNamespace is { Name: var last, ContainingNamespace: { Name: "Windows", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } }
                    && last == space)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A use of a field's value that cannot change what the field holds.</summary>
        private static bool OnlyLooks(IOperation use) => use.Parent switch
        {
            IPropertyReferenceOperation property => property.Instance == use && !ReadBody.IsWrite(property) && property.Property.DeclaringSyntaxReferences.IsEmpty,
            IFieldReferenceOperation member => member.Instance == use && !ReadBody.IsWrite(member),
            IArrayElementReferenceOperation element => element.ArrayReference == use && !ReadBody.IsWrite(element),
            IInvocationOperation call => call.Instance == use && IsObserver(call.TargetMethod),
            IBinaryOperation { OperatorMethod: null } or IInterpolationOperation or IIsPatternOperation or IIsTypeOperation => true,
            IForEachLoopOperation loop => loop.Collection == use,
            _ => false,
        };

        /// <summary>A framework method that only looks at its receiver (equality, hashing, text, lookups, enumeration).</summary>
        private static bool IsObserver(IMethodSymbol method)
            => method.DeclaringSyntaxReferences.IsEmpty
                && method.Name is "Equals" or "GetHashCode" or "ToString" or "GetType" or "Contains" or "ContainsKey" or "ContainsValue"
                    or "TryGetValue" or "IndexOf" or "LastIndexOf" or "GetEnumerator" or "StartsWith" or "EndsWith" or "CompareTo";

        /// <summary>
        /// A read of a field of this object (or a static one) that an earlier statement of an enclosing block, in the same
        /// method and outside any lambda, gave a value with a plain assignment: <c>ns = new NetworkStream(s); sw = new
        /// StreamWriter(ns);</c>. By structure: every path to the read passes that statement.
        /// </summary>
        private static bool AssignedBefore(IFieldReferenceOperation read) => AssignedValueBefore(read) is not null;

        /// <summary>The value of the assignment <see cref="AssignedBefore"/> finds, or null.</summary>
        private static IOperation? AssignedValueBefore(IFieldReferenceOperation read)
        {
            if (read.Instance is not (null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }))
            {
                return null;
            }

            IOperation current = read;
            while (current.Parent is { } parent)
            {
                if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    return null;
                }

                if (parent is IBlockOperation block)
                {
                    // The nearest such statement gives the value the read sees.
                    IOperation? nearest = null;
                    foreach (var statement in block.Operations)
                    {
                        if (statement == current)
                        {
                            break;
                        }

                        if (statement is IExpressionStatementOperation { Operation: ISimpleAssignmentOperation { Target: IFieldReferenceOperation target } assignment }
                            && target.Instance is null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }
                            && SymbolEqualityComparer.Default.Equals(target.Field.OriginalDefinition, read.Field.OriginalDefinition))
                        {
                            nearest = assignment.Value;
                        }
                    }

                    if (nearest is not null)
                    {
                        return nearest;
                    }
                }

                current = parent;
            }

            return null;
        }

        /// <summary>A call that closes or disposes something, ends the process or the thread, or never returns.</summary>
        private static bool EndsOrDisposes(IMethodSymbol method)
        {
            if (method.Name is "Close" or "Dispose" or "DisposeAsync" or "Shutdown" or "Disconnect" or "DisconnectAsync" or "Exit" or "FailFast" or "Abort" or "Kill" or "Stop")
            {
                return true;
            }

            foreach (var attribute in method.GetAttributes())
            {
                if (attribute.AttributeClass?.Name == "DoesNotReturnAttribute")
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// A use of a helper's parameter that no value (the null line, "", 0) makes throw: an operand of a comparison, of
        /// arithmetic other than an integer divisor, of a string concatenation or interpolation, or an argument of the
        /// framework whose parameter takes null (annotated so, or a value type or <c>object</c>).
        /// </summary>
        private bool IsHarmlessParameterUse(IParameterReferenceOperation reference)
        {
            IOperation use = reference;
            while (use.Parent is IConversionOperation { OperatorMethod: null } or IParenthesizedOperation)
            {
                use = use.Parent;
            }

            return use.Parent switch
            {
                IBinaryOperation { OperatorMethod: null, OperatorKind: BinaryOperatorKind.Divide or BinaryOperatorKind.Remainder } division
                    => division.LeftOperand == use || division.Type?.SpecialType is SpecialType.System_Single or SpecialType.System_Double,
                IBinaryOperation { OperatorMethod: null } => true,
                IInterpolationOperation => true,
                IArgumentOperation { ArgumentKind: ArgumentKind.Explicit, Parameter: { RefKind: RefKind.None } parameter }
                    when parameter.ContainingSymbol is IMethodSymbol { DeclaringSyntaxReferences.IsEmpty: true } method =>
                    parameter.Type.IsValueType || parameter.Type.SpecialType == SpecialType.System_Object
                        || parameter.OriginalDefinition.NullableAnnotation == NullableAnnotation.Annotated
                        // list.Add(item), queue.Enqueue(item): a collection's element, which may be null.
                        || parameter.OriginalDefinition.Type is ITypeParameterSymbol && IsAccumulator(method),
                _ => false,
            };
        }

        /// <summary>
        /// A call to a method of this project or a delegate may replace a field socket, change any field
        /// (<see cref="FieldsMayChange"/>) or fill a field buffer. A readonly field receiver stays (<see cref="ReadBody.IsFixedField"/>).
        /// </summary>
        private void CallEffects(IInvocationOperation invocation, ReadState state)
        {
            if (!RunsProjectCode(invocation.TargetMethod))
            {
                return;
            }

            if (state.Zero.Count > 0)
            {
                scratch.Clear();
                foreach (var pair in state.Zero)
                {
                    var site = ZeroSite(pair.Key);
                    if (invocation.Syntax == site.Invocation.Syntax)
                    {
                        continue;
                    }

                    // Before this call's own mark: a helper that cannot touch the read's field or end the loop is no way out when
                    // it reads no field at all, or no field this 0 path changed (and no earlier call of the project ran on it).
                    var helper = site.ReceiverChangedByCalls && site.ReceiverRoot is IFieldSymbol field && !ReadBody.InConstructor(site.Invocation.Syntax)
                        ? HarmlessTo(invocation, field) : null;
                    var quietHelper = helper is not null
                        && (helper.Reads.Count == 0 || (!pair.Value.Changed.Contains(FieldsMayChange) && !ReadsChanged(helper.Reads, pair.Value)));
                    if (quietHelper && !helper!.WritesUnnamed)
                    {
                        // What it changed is named: a later call of a helper that reads none of it stays quiet (fresh18).
                        foreach (var written in helper.Writes)
                        {
                            pair.Value.AddChanged(QuietWriteOf(written));
                        }
                    }
                    else
                    {
                        pair.Value.AddChanged(FieldsMayChange);
                    }

                    if (site.ReceiverChangedByCalls ? !quietHelper : site.ReceiverRoot is IFieldSymbol && MayCloseAField(invocation.TargetMethod))
                    {
                        // A receiver no call can replace still ends with the helper that closes it: the next read throws.
                        scratch.Add(pair.Key);
                    }
                }

                foreach (var read in scratch)
                {
                    Escape(read, state);
                }
            }

            if (state.Filled.Count > 0)
            {
                List<ISymbol>? fields = null;
                foreach (var buffer in state.Filled.Keys)
                {
                    if (buffer is IFieldSymbol)
                    {
                        (fields ??= new List<ISymbol>()).Add(buffer);
                    }
                }

                if (fields is not null)
                {
                    foreach (var field in fields)
                    {
                        state.RemoveFilled(field);
                    }
                }
            }
        }
    }
}
