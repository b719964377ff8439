using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Common;

namespace SocketAnalyzers.Lifecycle
{
    /// <summary>
    /// Bodies in which the lifecycle flow (<see cref="SocketStateAnalysis"/>) can report nothing, whatever it would find:
    /// for them the family builds no graph and runs no flow. Correct code mostly makes a socket, moves it in straight
    /// code (<c>Bind</c>, <c>Listen</c>, <c>Connect</c>), uses it in loops, and closes it at the end; proving that quiet
    /// costs one walk over the body, where the flow costs a graph and a fixed point.
    /// <para>
    /// The flow reports an operation only when every state and kind the receiver may be in breaks it
    /// (<see cref="SocketStateAnalysis"/>'s <c>Check</c>). Two sufficient conditions prove it never does; a body that
    /// fits neither keeps the whole analysis, so the gate can only save time, never change a finding:
    /// </para>
    /// <list type="number">
    /// <item><b>Nothing checked after a close of its socket.</b> No operation that some state breaks may run after a
    /// close that may close its socket (a <c>Close</c>, <c>Dispose</c>, <c>Shutdown</c>, <c>Disconnect</c>, <c>Stop</c>,
    /// the end of a <c>using</c>): after it in the source, or in the same outermost loop. Without <c>goto</c>, that is
    /// every operation a close can precede. A close of a socket made here closes that socket alone, and one made in each
    /// turn of the loop around its close is made anew before a later turn uses it; any other close may close
    /// anything.</item>
    /// <item><b>A state that allows it is always there.</b> For every other operation, a set of (state, kind) pairs that
    /// the receiver's facts contain on every path to it, with one pair the operation allows. The pairs start from what
    /// the engine knows: a creation's state, an accept's connected stream, and every pair for a name from outside (a
    /// parameter, a field, a call's result), whose facts start unknown. An operation in straight code moves them as the
    /// engine's transfer does (the states from which it returns, moved by its protocol row); inside a loop, a branch or a
    /// handler, only the pairs every operation there keeps survive. The engine's facts only grow by joins, escapes and
    /// forgetting, so these pairs stay among them.</item>
    /// </list>
    /// The second condition needs to see every name that may hold a socket the body made: such a socket referred to
    /// anywhere but as a receiver, an argument, a local's initializer, a <c>using</c> resource or a null test, or a name
    /// given a socket the body made, keeps the whole analysis. So do <c>goto</c>, dynamic and unbound operations.
    /// docs/lifecycle-engine.md#cost lists the conditions.
    /// </summary>
    internal static class SettledLifecycle
    {
        /// <summary>True when the flow can report nothing in <paramref name="body"/>, its lambdas and its local functions.</summary>
        public static bool All(IOperation body, SocketProtocolModel model, CancellationToken cancellationToken)
        {
            var operations = BodyOperations.Of(body, cancellationToken);
            var functions = new Stack<(IOperation Root, int Index)>();
            functions.Push((body, -1));
            while (functions.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (root, index) = functions.Pop();
                var function = new Function(root, index, operations, model, functions, cancellationToken);
                if (!function.Settled())
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>(state, kind) pairs as bits: bit 2*i for state i of <see cref="SocketStateText.Each"/> on a stream socket, 2*i + 1 on a datagram one.</summary>
        private const ushort AllPairs = 0xFFFF;

        private static readonly Dictionary<SocketOperation, Row> Rows = BuildRows();

        private static Dictionary<SocketOperation, Row> BuildRows()
        {
            var rows = new Dictionary<SocketOperation, Row>();
            foreach (var pair in SocketProtocolModel.Protocol)
            {
                rows[pair.Key] = new Row(pair.Value);
            }

            return rows;
        }

        private static ushort Pairs(SocketStates states, SocketKinds kinds)
        {
            if (kinds == SocketKinds.None)
            {
                kinds = SocketKinds.Any;
            }

            ushort pairs = 0;
            for (var i = 0; i < SocketStateText.Each.Length; i++)
            {
                if ((states & SocketStateText.Each[i]) != 0)
                {
                    if ((kinds & SocketKinds.Stream) != 0)
                    {
                        pairs |= (ushort)(1 << (2 * i));
                    }

                    if ((kinds & SocketKinds.Datagram) != 0)
                    {
                        pairs |= (ushort)(1 << ((2 * i) + 1));
                    }
                }
            }

            return pairs;
        }

        /// <summary>One protocol row as pair masks.</summary>
        private sealed class Row
        {
            public Row(OperationProtocol protocol)
            {
                Moves = new ushort[16];
                for (var i = 0; i < 8; i++)
                {
                    for (var k = 0; k < 2; k++)
                    {
                        var verdict = k == 0 ? protocol.Stream[i] : protocol.Datagram[i];
                        var bit = (ushort)(1 << ((2 * i) + k));
                        if (verdict is null)
                        {
                            Allows |= bit;
                        }
                        else
                        {
                            Checked = true;
                        }

                        if (!SocketStateAnalysis.Returns(verdict))
                        {
                            continue;
                        }

                        // The pair returns: its state moves to the row's next states, its kind stays.
                        var next = Pairs(protocol.Next[i], k == 0 ? SocketKinds.Stream : SocketKinds.Datagram);
                        Moves[(2 * i) + k] = next;
                        if ((next & bit) != 0)
                        {
                            Keeps |= bit;
                        }
                    }
                }
            }

            /// <summary>Pairs in which the operation breaks no rule.</summary>
            public ushort Allows { get; }

            /// <summary>Some pair breaks a rule: the engine checks the operation.</summary>
            public bool Checked { get; }

            /// <summary>Pairs from which the operation returns into the same pair.</summary>
            public ushort Keeps { get; }

            /// <summary>For each pair from which the operation returns, the pairs it moves to.</summary>
            public ushort[] Moves { get; }

            public ushort Move(ushort pairs)
            {
                ushort moved = 0;
                for (var b = 0; b < 16; b++)
                {
                    if ((pairs & (1 << b)) != 0)
                    {
                        moved |= Moves[b];
                    }
                }

                return moved;
            }
        }

        /// <summary>What a name holds, as far as the gate follows it.</summary>
        private sealed class Root
        {
            public Root(ushort pairs, IOperation? scope, IOperation? loop = null)
            {
                Pairs = pairs;
                Scope = scope;
                Loop = loop;
            }

            /// <summary>The innermost loop whose body declares the name: every turn makes the socket anew.</summary>
            public IOperation? Loop { get; }

            /// <summary>The pairs at the declaration (every pair for the group of names from outside).</summary>
            public ushort Pairs { get; }

            /// <summary>Where the name lives: operations between it and the operation decide whether the operation is straight code.</summary>
            public IOperation? Scope { get; }

            /// <summary>A socket made here: every name that holds it is followed, and a straight operation moves it.</summary>
            public bool Made => Scope is not null;

            public List<Step> Steps { get; } = new();
        }

        /// <summary>An operation the engine checks or moves a state with.</summary>
        private sealed class Step
        {
            public Step(IOperation operation, Row row, bool certain)
            {
                Operation = operation;
                Row = row;
                Certain = certain;
            }

            public IOperation Operation { get; }

            public Row Row { get; }

            public bool Certain { get; }
        }

        private sealed class Function
        {
            private readonly IOperation root;
            private readonly SocketProtocolModel model;
            private readonly Stack<(IOperation Root, int Index)> nested;
            private readonly BodyOperations operations;
            private readonly int index;
            private readonly CancellationToken cancellationToken;
            private readonly Dictionary<ILocalSymbol, Root> locals = new(SymbolComparer.Instance);
            private readonly Root outside = new(AllPairs, scope: null);
            private readonly List<Root> made = new();

            /// <summary>
            /// Where each close ends, the loop of this function in which a later turn may bring the flow back to what it
            /// closed, and the socket made here that it closes (null: it may close any socket, stream, reader or writer).
            /// </summary>
            private readonly List<(int End, IOperation? Loop, Root? Target)> closes = new();

            /// <summary>Operations that some state breaks, with the socket made here they check (null: any): none may run after a close of it.</summary>
            private readonly List<(IOperation Operation, Root? Target)> checkedOperations = new();

            private readonly List<ITryOperation> tries = new();
            private int[]? tryEnds;
            private bool unsettled;

            /// <param name="root">The body: the method's, or the lambda's or local function's.</param>
            /// <param name="index">The lambda's or local function's index in <paramref name="operations"/>; -1 for the method's body.</param>
            public Function(IOperation root, int index, BodyOperations operations, SocketProtocolModel model, Stack<(IOperation Root, int Index)> nested, CancellationToken cancellationToken)
            {
                this.root = root;
                this.index = index;
                this.operations = operations;
                this.model = model;
                this.nested = nested;
                this.cancellationToken = cancellationToken;
            }

            public bool Settled()
            {
                Walk();
                if (unsettled || !NothingCheckedAfterClose())
                {
                    return false;
                }

                if (!Allowed(outside))
                {
                    return false;
                }

                foreach (var socket in made)
                {
                    if (!Allowed(socket))
                    {
                        return false;
                    }
                }

                return true;
            }

            // ---- the walk: every operation after its operands, as the engine evaluates them ----

            private void Walk()
            {
                // Backwards through the body's walk (BodyOperations: a node before its children, the last child first) is
                // every operation after its operands, the first operand first: the order the engine applies them in.
                // Only this function's own operations; a lambda or local function is a function of its own.
                var first = index < 0 ? 0 : index + 1;
                var last = index < 0 ? operations.Count : operations.End(index);
                for (var i = last - 1; i >= first && !unsettled; i--)
                {
                    if ((i & 255) == 0)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                    }

                    if (operations.Function(i) != index)
                    {
                        continue;
                    }

                    var operation = operations[i];
                    var kind = operations.Kind(i);
                    if (kind is OperationKind.AnonymousFunction or OperationKind.LocalFunction)
                    {
                        // A function of its own: its names from here start unknown there, as the engine analyzes it.
                        if (operation is ILocalFunctionOperation { Body: not null, IgnoredBody: not null })
                        {
                            // Both a block and an expression body (code that does not compile): its operations are not one body.
                            unsettled = true;
                        }
                        else if (FunctionBody(operation) is { } body)
                        {
                            nested.Push((body, i));
                        }

                        continue;
                    }

                    // What decides the whole (a call that did not bind, a label, a try) is asked of each operation in turn:
                    // only the verdict counts, so the order of these questions does not matter.
                    Enter(operation, kind);
                    if (!unsettled)
                    {
                        Visit(operation, kind);
                    }
                }
            }

            private static IOperation? FunctionBody(IOperation function) => function switch
            {
                IAnonymousFunctionOperation anonymous => anonymous.Body,
                ILocalFunctionOperation local => (IOperation?)local.Body ?? local.IgnoredBody,
                _ => null,
            };

            /// <summary>What the whole operation is (asked at its visit: only the verdict and the <c>try</c> statements depend on it).</summary>
            private void Enter(IOperation operation, OperationKind kind)
            {
                if (Common.OperationExtensions.IsUnbound(kind))
                {
                    // A call the compiler could not decide: the flow makes what it touches unknown, the gate cannot follow it.
                    unsettled = true;
                    return;
                }

                switch (kind)
                {
                    case OperationKind.Labeled:
                        unsettled = true;
                        return;
                    case OperationKind.Branch when operation is IBranchOperation { BranchKind: BranchKind.GoTo }:
                        unsettled = true;
                        return;
                    case OperationKind.Try:
                        tries.Add((ITryOperation)operation);
                        return;
                }
            }

            /// <summary>After the operands: the operation's effect, in the order the engine applies them.</summary>
            private void Visit(IOperation operation, OperationKind kind)
            {
                // By kind first: most operations are none of these, and a kind costs less to ask than each interface.
                switch (kind)
                {
                    case OperationKind.VariableDeclarator:
                        Declare((IVariableDeclaratorOperation)operation);
                        break;
                    case OperationKind.SimpleAssignment:
                        if (HoldsMade(((ISimpleAssignmentOperation)operation).Value))
                        {
                            // A name given a socket made here (or made anew by the assignment): the gate does not follow it.
                            unsettled = true;
                        }

                        break;
                    case OperationKind.LocalReference when made.Count > 0:
                        var local = (ILocalReferenceOperation)operation;
                        if (locals.TryGetValue(local.Local, out var held) && held.Made)
                        {
                            Referenced(local);
                        }

                        break;
                    case OperationKind.Invocation:
                        Invoke((IInvocationOperation)operation);
                        break;
                    case OperationKind.PropertyReference:
                        Property((IPropertyReferenceOperation)operation);
                        break;
                    case OperationKind.ObjectCreation:
                        Create((IObjectCreationOperation)operation);
                        break;
                    case OperationKind.Using:
                        var usingStatement = (IUsingOperation)operation;
                        Disposes(usingStatement, usingStatement.Resources, usingStatement.Syntax.Span.End);
                        break;
                    case OperationKind.UsingDeclaration:
                        // Disposed where the enclosing block ends.
                        var usingDeclaration = (IUsingDeclarationOperation)operation;
                        Disposes(usingDeclaration, usingDeclaration.DeclarationGroup, usingDeclaration.Parent?.Syntax.Span.End ?? root.Syntax.Span.End);
                        break;
                }
            }

            private void Declare(IVariableDeclaratorOperation declarator)
            {
                if (declarator.GetVariableInitializer()?.Value is not { } value)
                {
                    return;
                }

                var local = declarator.Symbol;
                if (Resolve(value, out var root))
                {
                    if (root is not null)
                    {
                        // var stream = client.GetStream(); Socket s = client.Client; var t = s: the same socket.
                        locals[local] = root;
                    }

                    return;
                }

                if (unsettled)
                {
                    return;
                }

                var pairs = NewSocket(value);
                if (pairs != 0)
                {
                    var socket = new Root(pairs, ScopeOf(declarator), InnermostLoop(declarator));
                    locals[local] = socket;
                    made.Add(socket);
                }
            }

            /// <summary>The pairs of a socket a creation or an accept makes, or 0.</summary>
            private ushort NewSocket(IOperation value)
            {
                var made = Unwrap(value);
                switch (made)
                {
                    case IObjectCreationOperation { Constructor: { } constructor } creation
                        when model.ModelTypeOf(creation.Type) is { } type && model.Find(type, constructor) is { } member && member.Operation != SocketOperation.MakeStream:
                        return Pairs(member.CreatedStates, model.KindOf(type, creation));
                    case IInvocationOperation invocation when Accepts(invocation):
                        return Pairs(SocketFacts.Accepted.States, SocketFacts.Accepted.Kinds);
                    default:
                        return 0;
                }
            }

            /// <summary>A value stripped of conversions, <c>await</c> and a task's <c>ConfigureAwait</c>.</summary>
            private IOperation Unwrap(IOperation value)
            {
                while (true)
                {
                    value = value.WalkDownConversions();
                    switch (value)
                    {
                        case IAwaitOperation awaited:
                            value = awaited.Operation;
                            continue;
                        case IInvocationOperation { Instance: { } task } call when model.Symbols.Framework.IsConfigureAwait(call.TargetMethod):
                            value = task;
                            continue;
                        default:
                            return value;
                    }
                }
            }

            /// <summary>An accept of the catalogue that returns the new socket (not its Begin or event-args form).</summary>
            private bool Accepts(IInvocationOperation invocation)
                => Member(invocation, out _, out _) is { Result: not null, Form: not (CallForm.Begin or CallForm.EventArgs) };

            /// <summary>The lifecycle member an invocation calls, with its receiver (the first argument of a catalogued extension).</summary>
            private SocketMember? Member(IInvocationOperation invocation, out IOperation? receiver, out bool extension)
            {
                extension = false;
                receiver = null;
                var method = invocation.TargetMethod;
                if (!method.IsStatic && invocation.Instance is { } instance && model.ModelTypeOf(instance.WalkDownConversions().Type) is { } type
                    && model.Find(type, method) is { } member)
                {
                    receiver = instance;
                    return member;
                }

                if (method.IsExtensionMethod && invocation.Arguments.Length > 0
                    && model.ModelTypeOf(invocation.Arguments[0].Value.WalkDownConversions().Type) is { } extended
                    && model.Find(extended, method) is { } found)
                {
                    receiver = invocation.Arguments[0].Value;
                    extension = true;
                    return found;
                }

                return null;
            }

            /// <summary>
            /// The name whose socket <paramref name="value"/> is, through conversions, <c>.Client</c>, <c>.Server</c>,
            /// <c>GetStream()</c> and <c>new NetworkStream(socket)</c>: true with the root it holds (null: no socket the
            /// engine follows), false when the value is no such chain. Sets <see cref="unsettled"/> for a value the gate
            /// cannot place (a conditional, an accept's result used at once).
            /// </summary>
            private bool Resolve(IOperation value, out Root? root)
            {
                root = null;
                var current = value;
                var chained = false;
                while (true)
                {
                    current = current.WalkDownConversions();
                    switch (current)
                    {
                        case ILocalReferenceOperation local:
                            root = locals.TryGetValue(local.Local, out var known) ? known : outside;
                            return true;
                        case IParameterReferenceOperation:
                        case IFieldReferenceOperation:
                        case IInstanceReferenceOperation:
                            root = outside;
                            return true;
                        case IConditionalAccessInstanceOperation:
                            {
                                IOperation? up = current.Parent;
                                while (up is not null and not IConditionalAccessOperation)
                                {
                                    up = up.Parent;
                                }

                                if (up is not IConditionalAccessOperation access)
                                {
                                    unsettled = true;
                                    return false;
                                }

                                current = access.Operation;
                                chained = true;
                                continue;
                            }

                        case IInvocationOperation invocation:
                            {
                                if (invocation.Instance is { } task && model.Symbols.Framework.IsConfigureAwait(invocation.TargetMethod))
                                {
                                    current = task;
                                    chained = true;
                                    continue;
                                }

                                var member = Member(invocation, out var receiver, out var extension);
                                if (member is null)
                                {
                                    // A method we cannot see returns no socket the engine follows.
                                    return true;
                                }

                                var kind = model.OperationOf(member.Value, extension ? invocation.Arguments.RemoveAt(0) : invocation.Arguments);
                                if (kind is SocketOperation.Alias or SocketOperation.MakeStream && receiver is not null)
                                {
                                    current = receiver;
                                    chained = true;
                                    continue;
                                }

                                if (member.Value.Result is not null)
                                {
                                    // An accept's new socket: followed only as a local's initializer (Declare).
                                    if (chained)
                                    {
                                        unsettled = true;
                                    }

                                    return false;
                                }

                                return true;
                            }

                        case IPropertyReferenceOperation property:
                            {
                                if (property.Instance is { } owner && model.ModelTypeOf(owner.WalkDownConversions().Type) is { } type
                                    && model.Find(type, property.Property) is { Operation: SocketOperation.Alias })
                                {
                                    current = owner;
                                    chained = true;
                                    continue;
                                }

                                return true;
                            }

                        case IObjectCreationOperation creation when MadeStreamOver(creation) is { } socket:
                            current = socket;
                            chained = true;
                            continue;
                        case IArrayElementReferenceOperation:
                            // The engine follows no socket into an array.
                            return true;
                        default:
                            // A creation, an await, a conditional: not a name's socket. Inside a chain the gate cannot place it.
                            if (chained)
                            {
                                unsettled = true;
                            }

                            return false;
                    }
                }
            }

            /// <summary>The socket argument of <c>new NetworkStream(socket, …)</c>: the stream is that socket.</summary>
            private IOperation? MadeStreamOver(IObjectCreationOperation creation)
            {
                if (creation.Constructor is not { } constructor || model.ModelTypeOf(creation.Type) is not { } type
                    || model.Find(type, constructor) is not { Operation: SocketOperation.MakeStream })
                {
                    return null;
                }

                foreach (var argument in creation.Arguments)
                {
                    if (argument.Parameter is { } parameter && model.ModelTypeOf(parameter.Type) == SocketModelType.Socket)
                    {
                        return argument.Value;
                    }
                }

                return null;
            }

            /// <summary>True when a value may be a socket made here: a creation, an accept, or a name that holds one.</summary>
            private bool HoldsMade(IOperation value)
            {
                if (Resolve(value, out var root))
                {
                    return root is { Made: true };
                }

                var unwrapped = Unwrap(value);
                return unwrapped is IObjectCreationOperation creation && (model.IsModelType(creation.Type) || model.IsStreamWrapperType(creation.Type))
                    || unwrapped is IInvocationOperation invocation && Accepts(invocation);
            }

            /// <summary>
            /// A reference to a local that holds a socket made here: the value of the chain it starts (<see cref="Resolve"/>)
            /// must go where no other name can take it, or the gate would miss what that name does to it.
            /// </summary>
            private void Referenced(ILocalReferenceOperation reference)
            {
                IOperation top = reference;
                while (true)
                {
                    var parent = top.WalkUpConversions(out var child);
                    top = child;
                    switch (parent)
                    {
                        case IInvocationOperation invocation when invocation.Instance is { } instance && instance.WalkDownConversions() == top.WalkDownConversions():
                            if (Member(invocation, out _, out _) is { } member && model.OperationOf(member, invocation.Arguments) is SocketOperation.Alias or SocketOperation.MakeStream
                                || model.Symbols.Framework.IsConfigureAwait(invocation.TargetMethod))
                            {
                                top = invocation;
                                continue;
                            }

                            // The receiver of a call: checked there, or a call that changes nothing the engine follows.
                            return;
                        case IPropertyReferenceOperation property when property.Instance is { } owner && owner.WalkDownConversions() == top.WalkDownConversions():
                            if (model.ModelTypeOf(owner.WalkDownConversions().Type) is { } type && model.Find(type, property.Property) is { Operation: SocketOperation.Alias })
                            {
                                top = property;
                                continue;
                            }

                            return;
                        case IArgumentOperation { Parent: IObjectCreationOperation creation } when MadeStreamOver(creation) is { } socket && socket.WalkDownConversions() == top.WalkDownConversions():
                            top = creation;
                            continue;
                        case IArgumentOperation { Parent: IInvocationOperation call } when call.TargetMethod.IsExtensionMethod && call.Arguments.Length > 0 && call.Arguments[0] == parent
                            && Member(call, out _, out _) is { } extension && model.OperationOf(extension, call.Arguments.RemoveAt(0)) is SocketOperation.Alias or SocketOperation.MakeStream:
                            top = call;
                            continue;
                        case IArgumentOperation:
                            // Handed to a method: the engine forgets it there, or checks it as a catalogue argument.
                            return;
                        case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation }:
                            // A local declared with it: followed as the same socket (Declare).
                            return;
                        case IUsingOperation:
                        case IExpressionStatementOperation:
                        case IReturnOperation:
                            return;
                        case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison
                            when comparison.LeftOperand.WalkDownConversions() is ILiteralOperation or IDefaultValueOperation || comparison.RightOperand.WalkDownConversions() is ILiteralOperation or IDefaultValueOperation:
                            return;
                        case IIsPatternOperation { Pattern: IConstantPatternOperation or INegatedPatternOperation { Pattern: IConstantPatternOperation } }:
                            return;
                        case IConditionalAccessOperation access when access.Operation == top && (access.Parent is IExpressionStatementOperation || !model.IsModelType(access.Type)):
                            // r?.Close(), r?.Available: no socket comes out of it for another name to take.
                            return;
                        default:
                            unsettled = true;
                            return;
                    }
                }
            }

            private void Invoke(IInvocationOperation invocation)
            {
                var member = Member(invocation, out var receiver, out var extension);
                if (member is null)
                {
                    if (invocation.TargetMethod.Name is "Close" or "Dispose" or "DisposeAsync" or "Shutdown" or "Disconnect" or "DisconnectAsync" or "Stop" or "Abort")
                    {
                        Close(invocation, invocation.Syntax.Span.End, invocation.Instance is { } closed ? MadeTarget(closed) : null);
                    }
                    else if (invocation.Instance is { } instance && model.IsStreamWrapperType(instance.WalkDownConversions().Type))
                    {
                        // A reader's or writer's I/O: checked once it is closed.
                        checkedOperations.Add((invocation, null));
                    }

                    return;
                }

                var arguments = extension ? invocation.Arguments.RemoveAt(0) : invocation.Arguments;
                var kind = model.OperationOf(member.Value, arguments);
                var form = member.Value.Form;
                var certain = form is CallForm.Sync or CallForm.End
                    || (form == CallForm.Async && invocation.WalkUpToResult(model.Symbols.Framework, out _) is IAwaitOperation);
                Step(invocation, receiver, kind, certain);
            }

            private void Property(IPropertyReferenceOperation property)
            {
                if (property.Instance is not { } instance || IsWritten(property))
                {
                    return;
                }

                if (model.ModelTypeOf(instance.WalkDownConversions().Type) is { } type && model.Find(type, property.Property) is { } member)
                {
                    Step(property, instance, model.OperationOf(member, System.Collections.Immutable.ImmutableArray<IArgumentOperation>.Empty), certain: true);
                }
                else if (model.IsStreamWrapperType(instance.WalkDownConversions().Type))
                {
                    checkedOperations.Add((property, null));
                }
            }

            private static bool IsWritten(IOperation operation)
                => operation.Parent is IAssignmentOperation assignment && assignment.Target == operation;

            private void Create(IObjectCreationOperation creation)
            {
                if (MadeStreamOver(creation) is { } socket)
                {
                    Step(creation, socket, SocketOperation.MakeStream, certain: true);
                    return;
                }

                if (model.IsModelType(creation.Type))
                {
                    return;
                }

                foreach (var argument in creation.Arguments)
                {
                    if (model.IsModelType(argument.Value.WalkDownConversions().Type) || model.IsStreamWrapperType(argument.Value.WalkDownConversions().Type))
                    {
                        // new StreamWriter(stream): the stream must not be closed.
                        checkedOperations.Add((creation, MadeTarget(argument.Value)));
                    }
                }
            }

            private void Step(IOperation operation, IOperation? receiver, SocketOperation kind, bool certain)
            {
                // The receiver placed once: the name whose socket it is, and whether the gate could not place it at all.
                Root? root = null;
                var placed = false;
                var unplaceable = false;
                if (receiver is not null)
                {
                    var wasUnsettled = unsettled;
                    placed = Resolve(receiver, out root);
                    unplaceable = unsettled && !wasUnsettled;
                    unsettled = wasUnsettled;
                }

                var target = root is { Made: true } ? root : null;
                var close = IsClose(kind);
                if (close)
                {
                    Close(operation, operation.Syntax.Span.End, target);
                }

                if (!Rows.TryGetValue(kind, out var row))
                {
                    return;
                }

                if (row.Checked)
                {
                    checkedOperations.Add((operation, target));
                }

                if (close || receiver is null)
                {
                    // A close moves no state that a checked operation after it could see: condition 1 keeps those out.
                    return;
                }

                if (!placed)
                {
                    if (unplaceable)
                    {
                        unsettled = true;
                    }
                    else if (Unwrap(receiver) is IInvocationOperation accept && Accepts(accept))
                    {
                        // (await listener.AcceptAsync()).Send(…): a new connected socket, checked at once.
                        if (row.Checked && (Pairs(SocketFacts.Accepted.States, SocketFacts.Accepted.Kinds) & row.Allows) == 0)
                        {
                            unsettled = true;
                        }
                    }
                    else if (Unwrap(receiver) is not (IInvocationOperation or IPropertyReferenceOperation))
                    {
                        // A socket the gate cannot place (a conditional, a coalesce): the flow decides.
                        unsettled = true;
                    }

                    return;
                }

                root?.Steps.Add(new Step(operation, row, certain));
            }

            private static bool IsClose(SocketOperation kind)
                => kind is SocketOperation.Close or SocketOperation.Disconnect or SocketOperation.ListenerStop or SocketOperation.StreamHolderClose
                    or SocketOperation.Shutdown or SocketOperation.ShutdownSend or SocketOperation.ShutdownReceive or SocketOperation.ShutdownBoth or SocketOperation.ShutdownUnknown;

            /// <summary>The socket made here that <paramref name="value"/> certainly is, or null (another socket, or any).</summary>
            private Root? MadeTarget(IOperation value)
            {
                var wasUnsettled = unsettled;
                var resolved = Resolve(value, out var target) ? target : null;
                unsettled = wasUnsettled;
                return resolved is { Made: true } ? resolved : null;
            }

            /// <summary>
            /// The end of a <c>using</c>: it closes the sockets made here that it declares or names, and nothing for a
            /// resource made by a creation that is neither a socket, stream, reader nor writer, nor given anything that may
            /// be one (<c>using var response = new MemoryStream();</c>: the engine follows no socket into it). Anything
            /// else may close any socket.
            /// </summary>
            private void Disposes(IOperation usingOperation, IOperation resources, int end)
            {
                if (resources is IVariableDeclarationGroupOperation group)
                {
                    foreach (var declaration in group.Declarations)
                    {
                        foreach (var declarator in declaration.Declarators)
                        {
                            if (locals.TryGetValue(declarator.Symbol, out var declared) && declared.Made)
                            {
                                Close(usingOperation, end, declared);
                            }
                            else if (declarator.GetVariableInitializer()?.Value.WalkDownConversions() is not IObjectCreationOperation made || HoldsSocket(made))
                            {
                                Close(usingOperation, end, null);
                            }
                        }
                    }

                    return;
                }

                Close(usingOperation, end, MadeTarget(resources));
            }

            /// <summary>A creation of a socket, stream, reader or writer, or one given a value that may be one.</summary>
            private bool HoldsSocket(IObjectCreationOperation creation)
            {
                if (creation.Type is not { TypeKind: not TypeKind.Error } type || model.IsModelType(type) || model.IsStreamWrapperType(type) || creation.Initializer is not null)
                {
                    return true;
                }

                foreach (var argument in creation.Arguments)
                {
                    if (argument.Value.WalkDownConversions().Type is not { TypeKind: not (TypeKind.Error or TypeKind.Interface or TypeKind.TypeParameter) } given
                        || given.SpecialType == SpecialType.System_Object || model.IsModelType(given) || model.IsStreamWrapperType(given)
                        || KnownSymbols.IsOrDerivesFrom(given, model.Symbols.Stream))
                    {
                        return true;
                    }
                }

                return false;
            }

            /// <summary>
            /// A close of <paramref name="target"/> (null: of any socket). A later turn of a loop around it may bring the flow
            /// back to its operations, unless the socket is made anew, before them, in each turn of the innermost loop around
            /// the close: then every way back passes its declaration first.
            /// </summary>
            private void Close(IOperation operation, int end, Root? target)
            {
                var loop = OutermostLoop(operation);
                if (loop is not null && target?.Loop is { } madeIn && InnermostLoop(operation) == madeIn)
                {
                    loop = null;
                }

                closes.Add((end, loop, target));
            }

            /// <summary>The innermost loop of this function whose body holds <paramref name="operation"/>, or null.</summary>
            private IOperation? InnermostLoop(IOperation operation)
            {
                var child = operation;
                for (var up = operation.Parent; up is not null && up != root; child = up, up = up.Parent)
                {
                    if (up is ILoopOperation loop && child == loop.Body)
                    {
                        return up;
                    }
                }

                return null;
            }

            // ---- condition 1 ----

            private bool NothingCheckedAfterClose()
            {
                if (closes.Count == 0)
                {
                    return true;
                }

                // The first end and the loops of the closes of any socket, of every close, and of each socket made here.
                var any = new Closes();
                var all = new Closes();
                Dictionary<Root, Closes>? byTarget = null;
                foreach (var (end, loop, target) in closes)
                {
                    all.Add(end, loop);
                    if (target is null)
                    {
                        any.Add(end, loop);
                        continue;
                    }

                    byTarget ??= new Dictionary<Root, Closes>();
                    if (!byTarget.TryGetValue(target, out var own))
                    {
                        own = new Closes();
                        byTarget[target] = own;
                    }

                    own.Add(end, loop);
                }

                foreach (var (operation, target) in checkedOperations)
                {
                    var outermost = all.HasLoops ? OutermostLoop(operation) : null;

                    // An operation on a socket the gate cannot place may be on any of them.
                    var precede = target is null
                        ? all.Precede(operation, outermost)
                        : any.Precede(operation, outermost) || (byTarget is not null && byTarget.TryGetValue(target, out var own) && own.Precede(operation, outermost));
                    if (precede)
                    {
                        return false;
                    }
                }

                return true;
            }

            /// <summary>Some closes: the first end, and the outermost loops whose later turns come back from them.</summary>
            private sealed class Closes
            {
                private int firstEnd = int.MaxValue;
                private HashSet<IOperation>? loops;

                public bool HasLoops => loops is not null;

                public void Add(int end, IOperation? loop)
                {
                    firstEnd = System.Math.Min(firstEnd, end);
                    if (loop is not null)
                    {
                        (loops ??= new HashSet<IOperation>()).Add(loop);
                    }
                }

                /// <summary>One of the closes may run before <paramref name="operation"/>: it ends before it, or a later turn of its loop comes back to it.</summary>
                public bool Precede(IOperation operation, IOperation? outermostLoop)
                    => operation.Syntax.Span.End > firstEnd || (loops is not null && outermostLoop is not null && loops.Contains(outermostLoop));
            }

            /// <summary>The outermost loop of this function around <paramref name="operation"/>, or null.</summary>
            private IOperation? OutermostLoop(IOperation operation)
            {
                IOperation? loop = null;
                for (var up = operation.Parent; up is not null && up != root; up = up.Parent)
                {
                    if (up.Kind == OperationKind.Loop)
                    {
                        loop = up;
                    }
                }

                return loop;
            }

            // ---- condition 2 ----

            private bool Allowed(Root socket)
            {
                var steps = socket.Steps;
                var regions = new IOperation?[steps.Count];
                for (var r = 0; r < steps.Count; r++)
                {
                    regions[r] = RegionOf(steps[r].Operation, socket.Scope ?? root);
                }

                var pairs = socket.Pairs;
                var kept = pairs;
                var previousEnd = -1;
                var i = 0;
                while (i < steps.Count)
                {
                    var step = steps[i];
                    var span = step.Operation.Syntax.Span;
                    if (TryEndedBetween(previousEnd, span.Start))
                    {
                        // Paths that left a handler or a finally join here with the pairs of any point since.
                        pairs &= kept;
                    }

                    var region = regions[i];
                    if (region is null)
                    {
                        if (step.Row.Checked && (pairs & step.Row.Allows) == 0)
                        {
                            return false;
                        }

                        pairs = !step.Certain ? pairs
                            : socket.Made ? step.Row.Move(pairs)
                            : (ushort)(pairs & step.Row.Keeps);
                        kept &= pairs;
                        previousEnd = span.End;
                        i++;
                        continue;
                    }

                    // Inside a loop, a branch or a handler: the pairs every operation there keeps.
                    var inRegion = region.Kind is OperationKind.CatchClause || IsFinally(region) ? kept : pairs;
                    var j = i;
                    while (j < steps.Count && regions[j] == region)
                    {
                        if (steps[j].Certain)
                        {
                            inRegion &= steps[j].Row.Keeps;
                        }

                        j++;
                    }

                    for (var k = i; k < j; k++)
                    {
                        if (steps[k].Row.Checked && (inRegion & steps[k].Row.Allows) == 0)
                        {
                            return false;
                        }
                    }

                    pairs = inRegion;
                    kept &= pairs;
                    previousEnd = steps[j - 1].Operation.Syntax.Span.End;
                    i = j;
                }

                return true;
            }

            /// <summary>Some <c>try</c> statement ends after <paramref name="previousEnd"/> and before <paramref name="start"/>.</summary>
            private bool TryEndedBetween(int previousEnd, int start)
            {
                if (tryEnds is null)
                {
                    tryEnds = new int[tries.Count];
                    for (var t = 0; t < tries.Count; t++)
                    {
                        tryEnds[t] = tries[t].Syntax.Span.End;
                    }

                    System.Array.Sort(tryEnds);
                }

                // The first end after previousEnd: is it at or before start?
                int low = 0, high = tryEnds.Length;
                while (low < high)
                {
                    var middle = (low + high) / 2;
                    if (tryEnds[middle] > previousEnd)
                    {
                        high = middle;
                    }
                    else
                    {
                        low = middle + 1;
                    }
                }

                return low < tryEnds.Length && tryEnds[low] <= start;
            }

            private static bool IsFinally(IOperation region) => region.Parent is ITryOperation tryStatement && tryStatement.Finally == region;

            /// <summary>
            /// The outermost operation between <paramref name="operation"/> and <paramref name="scope"/> that may run it
            /// more than once, or not at all, or after a jump: a loop, a branch, a handler, a <c>finally</c>, the right side
            /// of <c>&amp;&amp;</c>, <c>||</c> or <c>??</c>, the access of <c>?.</c>. Null for straight code.
            /// </summary>
            private IOperation? RegionOf(IOperation operation, IOperation scope)
            {
                IOperation? region = null;
                var child = operation;
                for (var up = operation.Parent; up is not null && up != scope; child = up, up = up.Parent)
                {
                    switch (up)
                    {
                        case ILoopOperation:
                        case ICatchClauseOperation:
                        case ISwitchCaseOperation:
                        case ISwitchExpressionArmOperation:
                            region = up;
                            break;
                        case IConditionalOperation conditional when child != conditional.Condition:
                            region = up;
                            break;
                        case ITryOperation tryStatement when child == tryStatement.Finally:
                            region = child;
                            break;
                        case ICoalesceOperation coalesce when child == coalesce.WhenNull:
                            region = up;
                            break;
                        case IConditionalAccessOperation access when child == access.WhenNotNull:
                            region = up;
                            break;
                        case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr } binary when child == binary.RightOperand:
                            region = up;
                            break;
                        case ICoalesceAssignmentOperation coalesceAssignment when child == coalesceAssignment.Value:
                            region = up;
                            break;
                    }
                }

                return region;
            }

            /// <summary>The block a local is declared in: operations between it and the declaration's uses decide straight code.</summary>
            private IOperation ScopeOf(IVariableDeclaratorOperation declarator)
            {
                for (var up = declarator.Parent; up is not null; up = up.Parent)
                {
                    if (up is IBlockOperation || up == root)
                    {
                        return up;
                    }
                }

                return root;
            }
        }
    }
}
