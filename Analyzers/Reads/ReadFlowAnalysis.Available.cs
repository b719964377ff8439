using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Common;
using SocketAnalyzers.Model;

namespace SocketAnalyzers.Reads
{
    internal sealed partial class ReadFlowAnalysis
    {
        // ---- SOCK010/SOCK012: reads that an Available guard makes exact ----

        /// <summary>
        /// <c>client.Available &gt;= 4</c> (or <c>&gt; 3</c>, <c>4 &lt;= …</c>, the false side of <c>&lt; 4</c>, <c>== 4</c>): on
        /// that side at least 4 received bytes wait on the connection, and a read of at most 4 on it returns them all.
        /// </summary>
        private void RefineAvailable(IOperation branchValue, ReadState state, bool conditionValue)
        {
            if (AvailableCovers(branchValue, conditionValue, state) is var (variable, connection)
                && !body.CapturedWritten.Contains(variable))
            {
                // if (client.Available == length), if (available < waitingFor) return; (available holding the Available):
                // on that side at least that many bytes wait, so a read of that many returns them all, as after
                // int length = client.Available; (fresh39 F1, fresh40 F2: a game server's and a BitTorrent peer's reads).
                state.Exact[variable] = new AvailableSize(connection, branchValue.Syntax);
                return;
            }

            ISymbol? root;
            int count;
            if (AvailableGuard.AtLeast(branchValue, conditionValue, symbols.Catalogue, out var available) is int counted)
            {
                root = body.RootOfConnection(available!.Instance, symbols);
                count = counted;
            }
            else if (state.HasExact && AvailableGuard.LowerBound(branchValue, conditionValue, out var operand) is int bound
                && ReadBody.VariableOf(operand!) is { } bounded && state.Exact.TryGetValue(bounded, out var size) && size.Connection is ISymbol peeked)
            {
                // int size = s.EndReceive(ar) of a peek, then if (size >= 4): 4 bytes wait, as under if (s.Available >= 4) (fresh61 FALSE 1).
                root = peeked;
                count = bound;
            }
            else
            {
                return;
            }

            if (root is null)
            {
                return;
            }

            if (!state.Available.TryGetValue(root, out var known) || known < count)
            {
                state.Available[root] = count;
            }
        }

        /// <summary>
        /// SOCK010: on the side of a test where no received byte waits on a connection (the exit of <c>while (s.Available &gt;
        /// 0) s.Receive(junk);</c>), its reads have taken everything that had come, whatever each one returned: the next read
        /// of it starts there, so the pending reads of it no longer count for where it starts (<see
        /// cref="ReadState.IsCaughtUp"/>). Their bytes still count: a look at the buffer follows them as before. Only plain
        /// reads of a socket or a <c>NetworkStream</c> and a <c>BinaryReader</c>'s byte reads: a TLS stream or a text reader
        /// may keep bytes of its own that the socket's count does not show.
        /// </summary>
        private void CaughtUp(IOperation branchValue, ReadState state, bool conditionValue)
        {
            if (!AvailableGuard.NoneWaiting(branchValue, conditionValue, symbols.Catalogue, out var available)
                || body.RootOfConnection(available!.Instance, symbols) is not { } root)
            {
                return;
            }

            foreach (var read in state.Pending)
            {
                var site = body.Sites[read];
                if (!site.OneDatagram && SymbolEqualityComparer.Default.Equals(site.ConnectionRoot, root) && (IsPlainStreamRead(site) || IsBinaryByteRead(site)))
                {
                    // Marks the read; Pending itself does not change.
                    state.CatchUp(read);
                }
            }
        }

        private IPropertyReferenceOperation? IsAvailable(IOperation operation) => AvailableGuard.Property(operation, symbols.Catalogue);

        /// <summary>
        /// On the side of <paramref name="condition"/> where it is <paramref name="conditionValue"/>, the <c>Available</c> of a
        /// connection is at least a local, parameter or field of this object: <c>s.Available == size</c>, <c>&gt;=</c>,
        /// <c>&gt;</c> (either way round), the false side of <c>&lt;</c> or <c>!=</c>. The <c>Available</c> may be the property or
        /// a variable that holds it (<see cref="ReadState.Exact"/>). The variable and the connection, or null.
        /// </summary>
        private (ISymbol Variable, object Connection)? AvailableCovers(IOperation condition, bool conditionValue, ReadState state)
        {
            if (condition.WalkDownConversions() is not IBinaryOperation { OperatorMethod: null } comparison)
            {
                return null;
            }

            var left = comparison.LeftOperand.WalkDownConversions();
            var right = comparison.RightOperand.WalkDownConversions();
            var kind = comparison.OperatorKind;
            if (AvailableOf(left, state) is { } leftConnection && SizeVariable(right) is { } rightVariable)
            {
                // Available OP size: at least size when OP holds as ==, >=, >.
                return AtLeastSide(kind, conditionValue) ? (rightVariable, leftConnection) : null;
            }

            if (AvailableOf(right, state) is { } rightConnection && SizeVariable(left) is { } leftVariable)
            {
                // size OP Available: the mirror.
                var mirrored = kind.Mirrored();
                return AtLeastSide(mirrored, conditionValue) ? (leftVariable, rightConnection) : null;
            }

            return null;

            static bool AtLeastSide(BinaryOperatorKind kind, bool value) => (kind, value) switch
            {
                (BinaryOperatorKind.Equals or BinaryOperatorKind.GreaterThanOrEqual or BinaryOperatorKind.GreaterThan, true) => true,
                (BinaryOperatorKind.NotEquals or BinaryOperatorKind.LessThan, false) => true,
                _ => false,
            };
        }

        /// <summary>The connection whose <c>Available</c> (an <c>int</c>) <paramref name="operand"/> is, or holds (<see cref="ReadState.Exact"/>).</summary>
        private object? AvailableOf(IOperation operand, ReadState state)
        {
            if (IsAvailable(operand) is { Type.SpecialType: SpecialType.System_Int32 } available)
            {
                return ConnectionOf(available.Instance);
            }

            if (AvailableThroughProperty(operand) is { } counted)
            {
                return counted;
            }

            return state.HasExact && ReadBody.VariableOf(operand) is { } variable && state.Exact.TryGetValue(variable, out var held) ? held.Connection : null;
        }

        /// <summary>A local, a parameter, or a field of this object (or a static one) that a size may be read from.</summary>
        private static ISymbol? SizeVariable(IOperation operand)
            => operand switch
            {
                IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation, Field: var field } => field,
                _ => ReadBody.VariableOf(operand) is (ILocalSymbol or IParameterSymbol) and var variable ? variable : null,
            };

        /// <summary>
        /// The read takes bytes from its connection: true when a guard said that at least as many as it asks for were
        /// waiting (then it returns exactly that many: a plain socket or network stream, not TLS, whose socket counts
        /// encrypted bytes), and what is left of the guard is what it did not take. An unguarded read leaves nothing known.
        /// </summary>
        private bool TakeAvailable(ReadSite site, ReadState state)
        {
            if (site.ConnectionRoot is not { } root || !state.Available.TryGetValue(root, out var waiting))
            {
                return false;
            }

            var asked = AskedBytes(site);
            if (asked is not int count || !IsPlainStreamRead(site) || count > waiting)
            {
                state.Available.Remove(root);
                return false;
            }

            if (waiting - count > 0)
            {
                state.Available[root] = waiting - count;
            }
            else
            {
                state.Available.Remove(root);
            }

            return true;
        }

        /// <summary>
        /// The read only looked (<see cref="NetworkReads.Peeks"/>): a <c>Receive</c> given <c>SocketFlags.Peek</c>, or the
        /// <c>EndReceive(ar)</c> of a <c>BeginReceive</c> given it on the same socket, <c>ar</c> a local assigned that call once
        /// (fresh41: <c>var ar = s.BeginReceive(buf, pos, n, SocketFlags.Peek, null, null); … len = s.EndReceive(ar);</c>).
        /// </summary>
        private bool Peeked(IInvocationOperation read)
        {
            if (NetworkReads.Peeks(read, symbols))
            {
                return true;
            }

            if (read.TargetMethod.Name == "EndReceive" && read.Instance is { } callbackEnded && read.Arguments.Length == 1
                && read.Arguments[0].Value.WalkDownConversions() is IParameterReferenceOperation { Parameter.ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Ordinary } callback }
                && body.Model is { } model)
            {
                return PeekingCallback(callback, callbackEnded, model);
            }

            return read.TargetMethod.Name == "EndReceive" && read.Instance is { } ended && read.Arguments.Length == 1
                && read.Arguments[0].Value.WalkDownConversions() is ILocalReferenceOperation result
                && !body.CapturedWritten.Contains(result.Local)
                && body.SingleValue(result.Local)?.WalkDownConversions() is IInvocationOperation { TargetMethod.Name: "BeginReceive", Instance: { } begun } begin
                && NetworkReads.Peeks(begin, symbols)
                && ConnectionOf(begun) is { } beginConnection && ConnectionOf(ended) is { } endConnection && ConnectionPath.Same(beginConnection, endConnection);
        }

        /// <summary>
        /// The callback <paramref name="callback"/> ends receives that only look: every <c>BeginReceive</c> of its type naming
        /// it (there is one at least, all in this file) is given <c>SocketFlags.Peek</c> on the connection the callback's
        /// <c>EndReceive</c> names, through members only (fresh61 FALSE 1: <c>RunReceive() =&gt;
        /// _socket.BeginReceive(_buffer, 0, n, SocketFlags.Peek, ReceiveCallback, null);</c>, then in the callback
        /// <c>if (_socket.EndReceive(ar) &gt;= 4) _socket.Receive(_buffer, 0, 4, SocketFlags.None);</c>).
        /// </summary>
        private bool PeekingCallback(IMethodSymbol callback, IOperation ended, SemanticModel model)
        {
            var begins = symbols.Reads.UnreadBuffers.BeginsNaming(callback, model, CancellationToken);
            foreach (var begin in begins)
            {
                if (begin.TargetMethod.Name != "BeginReceive" || !NetworkReads.Peeks(begin, symbols) || !SameMembers(begin.Instance, ended))
                {
                    return false;
                }
            }

            return !begins.IsEmpty;

            // The same chain of fields and properties without arguments from this object (or a static one): in two methods
            // of the object, the same socket as far as those members return one (an interface's TransferSocket included).
            static bool SameMembers(IOperation? a, IOperation? b)
            {
                for (var step = 0; step < 8; step++)
                {
                    a = a?.WalkDownConversions();
                    b = b?.WalkDownConversions();
                    switch (a, b)
                    {
                        case (IInstanceReferenceOperation, IInstanceReferenceOperation):
                        case (null, null) when step > 0:
                            return true;
                        case (IFieldReferenceOperation x, IFieldReferenceOperation y) when SymbolEqualityComparer.Default.Equals(x.Field, y.Field):
                            a = x.Instance;
                            b = y.Instance;
                            break;
                        case (IPropertyReferenceOperation { Arguments.Length: 0 } x, IPropertyReferenceOperation { Arguments.Length: 0 } y)
                            when SymbolEqualityComparer.Default.Equals(x.Property, y.Property):
                            a = x.Instance;
                            b = y.Instance;
                            break;
                        default:
                            return false;
                    }
                }

                return false;
            }
        }

        /// <summary>A read of a socket or a <c>NetworkStream</c> (not TLS, whose socket counts encrypted bytes), not of datagrams.</summary>
        private bool IsPlainStreamRead(ReadSite site)
        {
            var receiver = site.Receiver?.WalkDownConversions().Type;
            return !site.Read.Api.IsDatagram
                && (site.Read.Api.Owner == ReadOwner.Socket
                    || (symbols.NetworkStream is not null && SymbolEqualityComparer.Default.Equals(receiver, symbols.NetworkStream)));
        }

        /// <summary>
        /// A <c>BinaryReader</c>'s read of bytes (the catalogue's count is of bytes, not characters): it reads its stream
        /// straight into the buffer, keeping nothing of its own, so under a guard that data waits it is reached only when
        /// bytes wait, as the stream's read would be. Its character reads decode through a buffer and are not.
        /// </summary>
        private bool IsBinaryByteRead(ReadSite site)
            => !site.Read.Api.CountsChars && site.Receiver?.WalkDownConversions().Type is { } type
                && SymbolEqualityComparer.Default.Equals(type, symbols.BinaryReader);

        /// <summary>How many bytes the read asks for, when the code says: a constant size, or the length of a buffer made once with a constant size.</summary>
        private int? AskedBytes(ReadSite site)
        {
            var size = site.Read.Count?.WalkDownConversions();
            if (size?.ConstantValue is { HasValue: true, Value: int constant })
            {
                return constant;
            }

            var buffer = site.Read.Buffer?.WalkDownConversions();
            if (size is IPropertyReferenceOperation { Instance: { } instance } length && symbols.Framework.IsLength(length.Property))
            {
                buffer = instance.WalkDownConversions();
            }
            else if (size is not null)
            {
                return null;
            }

            if (buffer is not null && ReadBody.WholeViewOperand(buffer, symbols.Framework) is { } viewed)
            {
                // header.AsMemory(): the whole array.
                buffer = viewed.WalkDownConversions();
            }

            return buffer is ILocalReferenceOperation local && body.SingleValue(local.Local)?.WalkDownConversions() is IArrayCreationOperation { DimensionSizes: { Length: 1 } sizes }
                && sizes[0].ConstantValue is { HasValue: true, Value: int made }
                ? made
                : null;
        }

        /// <summary>A method of this project (its code may do anything to a connection or a field) or a delegate's invoke.</summary>
        private static bool RunsProjectCode(IMethodSymbol method)
            => method.DeclaringSyntaxReferences.Length > 0 || method.MethodKind == MethodKind.DelegateInvoke;

        /// <summary>What a call may read of the connections counted so far (<see cref="ReachOf"/>).</summary>
        private enum CallReach
        {
            /// <summary>A view of a connection (<c>client.GetStream()</c>, <c>.Client</c>), or arithmetic (<see cref="TakesOnlyNumbers"/>): it reads nothing.</summary>
            Nothing,

            /// <summary>A framework call: it may read the connections it is given or called on.</summary>
            Given,

            /// <summary>Code of the project or a delegate: it may read any connection.</summary>
            Anything,
        }

        private CallReach ReachOf(IInvocationOperation invocation)
            => RunsProjectCode(invocation.TargetMethod) ? CallReach.Anything
                : symbols.Catalogue.Facts(invocation.TargetMethod) is { ViewsConnection: true } || TakesOnlyNumbers(invocation.TargetMethod) ? CallReach.Nothing
                : CallReach.Given;

        /// <summary>A call that may read the connection, or run code that does, takes what a guard counted.</summary>
        private void ForgetAvailable(IInvocationOperation invocation, ReadState state)
        {
            switch (ReachOf(invocation))
            {
                case CallReach.Anything:
                    state.Available.Clear();
                    return;
                case CallReach.Nothing:
                    return;
            }

            if (body.RootOfConnection(invocation.Instance, symbols) is { } root)
            {
                state.Available.Remove(root);
            }

            foreach (var argument in invocation.Arguments)
            {
                if (body.RootOfConnection(argument.Value, symbols) is { } passed)
                {
                    state.Available.Remove(passed);
                }
            }
        }

        // ---- SOCK010/SOCK012: reads sized to the Available of their own connection ----

        /// <summary>The connection an <c>Available</c> or a read names: its variable root, or else the path of the expression (<see cref="ConnectionPath"/>).</summary>
        private object? ConnectionOf(IOperation? instance)
            => instance is null ? null : (object?)body.RootOfConnection(instance, symbols) ?? ConnectionPath.Of(instance);

        /// <summary>
        /// The value is the <c>Available</c> of a connection (<c>s.Available</c>), or a byte array of that size
        /// (<c>new byte[s.Available]</c>, <c>new byte[len]</c> with <c>len</c> holding one): what <see cref="ReadState.Exact"/> records.
        /// </summary>
        private AvailableSize? AvailableSizeOf(IOperation value, ReadState state)
        {
            var v = value.WalkDownConversions();
            if (v is IArrayCreationOperation { Initializer: null, DimensionSizes.Length: 1 } array && ReadBody.IsByteArray(array.Type))
            {
                var size = array.DimensionSizes[0].WalkDownConversions();
                if (state.HasExact && ReadBody.VariableOf(size) is { } counted && state.Exact.TryGetValue(counted, out var known))
                {
                    return known;
                }

                v = size;
            }

            if (v is IInvocationOperation { Arguments.Length: 2 } smaller && IsIntMin(smaller.TargetMethod))
            {
                // int toRead = Math.Min(s.Available, buffer.Length): at most the bytes counted. A snapshot of its own: it may be
                // less than another size taken from the same Available, so it is equal to none of them.
                foreach (var argument in smaller.Arguments)
                {
                    if (AvailableOf(argument.Value.WalkDownConversions(), state) is { } bounded)
                    {
                        return new AvailableSize(bounded, smaller.Syntax);
                    }
                }

                return null;
            }

            if (v is IInvocationOperation { Instance: { } peeked } peek && body.SiteAt(peek.Syntax) is { Read.Api: { Owner: ReadOwner.Socket, IsAsync: false, IsDatagram: false } }
                && Peeked(peek) && !symbols.Reads.IsDatagramSocket(peeked) && ConnectionOf(peeked) is { } looked)
            {
                // int len = s.Receive(buf, 0, n, SocketFlags.Peek): the len bytes it saw are still queued on s.
                return new AvailableSize(looked, peek.Syntax);
            }

            if (AvailableThroughProperty(v) is { } wrapped)
            {
                return new AvailableSize(wrapped, v.Syntax);
            }

            return IsAvailable(v) is { Type.SpecialType: SpecialType.System_Int32 } available && ConnectionOf(available.Instance) is { } connection
                ? new AvailableSize(connection, available.Syntax)
                : null;
        }

        /// <summary>
        /// A property of this object that gives back a field's <c>Available</c> (<c>int available =&gt; socket.Available;</c>,
        /// <see cref="NetworkFields.AvailableGetterField"/>): the connection that field names, as <c>socket.Available</c> would.
        /// </summary>
        private object? AvailableThroughProperty(IOperation operand)
            => operand is IPropertyReferenceOperation { Arguments.Length: 0, Instance: null or IInstanceReferenceOperation, Type.SpecialType: SpecialType.System_Int32 } wrapper
                && NetworkFields.AvailableGetterField(wrapper.Property, symbols.Catalogue, CancellationToken) is { } field
                ? body.ConnectionOfField(field, symbols)
                : null;

        /// <summary>
        /// A static framework method given only numbers, booleans or characters by value (<c>Math.Min(a, b)</c>,
        /// <c>Math.Abs(n)</c>): it is handed no object, so it can neither read a connection nor change what a path names.
        /// Not one given nothing: <c>Application.DoEvents()</c> runs the program's own handlers.
        /// </summary>
        private static bool TakesOnlyNumbers(IMethodSymbol method)
        {
            if (!method.IsStatic || method.Parameters.Length == 0)
            {
                return false;
            }

            foreach (var parameter in method.Parameters)
            {
                if (parameter.RefKind != RefKind.None || parameter.Type.SpecialType is < SpecialType.System_Boolean or > SpecialType.System_Double)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary><c>System.Math.Min</c> of two <c>int</c>s.</summary>
        private static bool IsIntMin(IMethodSymbol method)
            => method is { Name: "Min", IsStatic: true, Parameters.Length: 2, ReturnType.SpecialType: SpecialType.System_Int32 }
                && method.ContainingType is { Name: "Math", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };

        /// <summary>
        /// The read asks for exactly the bytes an <c>Available</c> of its own connection counted, with no read, <c>await</c>
        /// or call that may read it since (<see cref="ReadState.Exact"/>): a stream read then returns them all, and its count
        /// is that size. <paramref name="whole"/>: the buffer is the array made that size, filled from its start. Not on a
        /// datagram socket: there (on Windows) <c>Available</c> counts every queued datagram and a read returns one. Not
        /// for a read task nobody awaits: the code after it may run before the bytes are in.
        /// </summary>
        private bool TakeExact(ReadSite site, ReadState state, out bool whole)
        {
            whole = false;
            if (!IsPlainStreamRead(site) || site.Read.Api.IsAtLeast || IsUnawaitedTask(site.Invocation) || site.Invocation.Instance is not { } instance
                || (site.Read.Api.Owner == ReadOwner.Socket && symbols.Reads.IsDatagramSocket(instance))
                || ConnectionOf(instance) is not { } connection)
            {
                return false;
            }

            ISymbol? buffer = null;
            if (site.Read.Buffer is { } bufferOperand)
            {
                var operand = bufferOperand.WalkDownConversions();
                buffer = ReadBody.VariableOf(ReadBody.WholeViewOperand(operand, symbols.Framework) ?? operand);
            }

            var size = site.Read.Count?.WalkDownConversions();
            ISymbol? sizeVariable;
            ISymbol? countVariable = null;
            if (size is null)
            {
                sizeVariable = buffer;
            }
            else if (size is IPropertyReferenceOperation { Instance: { } lengthOf } length && symbols.Framework.IsLength(length.Property))
            {
                sizeVariable = ReadBody.VariableOf(lengthOf);
            }
            else
            {
                sizeVariable = countVariable = ReadBody.VariableOf(size);
            }

            if (sizeVariable is null || !state.Exact.TryGetValue(sizeVariable, out var asked) || !ConnectionPath.Same(asked.Connection, connection))
            {
                return false;
            }

            whole = buffer is not null && state.Exact.TryGetValue(buffer, out var made) && made.Equals(asked)
                && site.Read.Offset?.ConstantValue is null or { HasValue: true, Value: 0 };
            if (countVariable is ILocalSymbol countLocal && !body.CapturedWritten.Contains(countLocal))
            {
                state.Counts[countLocal] = site.Index;
            }

            return true;
        }

        /// <summary>A call that may read a connection, or change what a path names, takes what an <c>Available</c> counted.</summary>
        private void ForgetExact(IInvocationOperation invocation, ReadState state)
        {
            switch (ReachOf(invocation))
            {
                case CallReach.Anything:
                    state.Exact.Clear();
                    return;
                case CallReach.Nothing:
                    return;
            }

            var root = body.RootOfConnection(invocation.Instance, symbols);
            scratchSymbols.Clear();
            foreach (var pair in state.Exact)
            {
                if (pair.Value.Connection is ConnectionPath || (root is not null && ConnectionPath.Same(pair.Value.Connection, root)) || PassedTo(invocation, pair.Value.Connection))
                {
                    scratchSymbols.Add(pair.Key);
                }
            }

            foreach (var variable in scratchSymbols)
            {
                state.Exact.Remove(variable);
            }
        }

        private bool PassedTo(IInvocationOperation invocation, object connection)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (body.RootOfConnection(argument.Value, symbols) is { } passed && ConnectionPath.Same(connection, passed))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A new value of the variable: what it held (an <c>Available</c>, a count, a fresh array) and connections named through it are gone.</summary>
        private void Written(ISymbol variable, ReadState state)
        {
            if (state.HasExact)
            {
                state.Exact.Remove(variable);
                scratchSymbols.Clear();
                foreach (var pair in state.Exact)
                {
                    if (ConnectionPath.Mentions(pair.Value.Connection, variable))
                    {
                        scratchSymbols.Add(pair.Key);
                    }
                }

                foreach (var sized in scratchSymbols)
                {
                    state.Exact.Remove(sized);
                }
            }

            if (state.HasCounts)
            {
                state.Counts.Remove(variable);
            }

            if (state.HasFresh)
            {
                state.Fresh.Remove(variable);
            }
        }

        /// <summary>An assignment to something other than a local or parameter: a field, a property (a setter may run any code), an element.</summary>
        private void WrittenElsewhere(IOperation target, ReadState state)
        {
            if (!state.HasExact)
            {
                return;
            }

            switch (target)
            {
                case IFieldReferenceOperation field:
                    Written(field.Field, state);
                    return;
                case IPropertyReferenceOperation:
                    state.Exact.Clear();
                    return;
                default:
                    scratchSymbols.Clear();
                    foreach (var pair in state.Exact)
                    {
                        if (pair.Value.Connection is ConnectionPath)
                        {
                            scratchSymbols.Add(pair.Key);
                        }
                    }

                    foreach (var sized in scratchSymbols)
                    {
                        state.Exact.Remove(sized);
                    }

                    return;
            }
        }

        private static void ForgetCountsOf(int read, ReadState state)
        {
            List<ISymbol>? stale = null;
            foreach (var pair in state.Counts)
            {
                if (pair.Value == read)
                {
                    (stale ??= new List<ISymbol>()).Add(pair.Key);
                }
            }

            if (stale is not null)
            {
                foreach (var variable in stale)
                {
                    state.Counts.Remove(variable);
                }
            }
        }

        private void DropDeadLocals(IEnumerable<ISymbol>? variables, int position, ReadState state)
        {
            if (variables is null)
            {
                return;
            }

            List<ISymbol>? dead = null;
            foreach (var variable in variables)
            {
                if (variable is ILocalSymbol local && IsDead(local, position))
                {
                    (dead ??= new List<ISymbol>()).Add(local);
                }
            }

            if (dead is not null)
            {
                foreach (var local in dead)
                {
                    Written(local, state);
                }
            }
        }
    }
}
