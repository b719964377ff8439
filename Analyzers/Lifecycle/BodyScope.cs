using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Common;

namespace SocketAnalyzers.Lifecycle
{
    /// <summary>
    /// The cheap pre-scan of one body, done on the operation tree before any control-flow graph is built: which of
    /// the body and its lambdas and local functions use a member of the model (only those are analyzed, and only
    /// the graphs that lead to them are built), and which names the lambdas and local functions use.
    /// </summary>
    internal sealed class BodyScope
    {
        private readonly HashSet<SyntaxNode> direct;

        /// <summary>For each local function that can reach no code outside the names it uses, the names it and the local functions it calls use.</summary>
        private readonly Dictionary<IMethodSymbol, ImmutableHashSet<ISymbol>> localFunctionNames;

        /// <summary>
        /// For each delegate local of the body, the methods of the method groups it is given (<c>Func&lt;byte[]&gt; make =
        /// Make;</c>); null for a local that may hold anything else (a lambda, a call's result, a <c>+=</c>, a <c>ref</c>).
        /// </summary>
        private readonly Dictionary<ILocalSymbol, List<IMethodSymbol>?>? delegateLocals;

        private BodyScope(bool rootUsesModel, HashSet<SyntaxNode> direct, HashSet<ISymbol> captured, bool loopsChangeState, Dictionary<IMethodSymbol, ImmutableHashSet<ISymbol>> localFunctionNames, Dictionary<ILocalSymbol, List<IMethodSymbol>?>? delegateLocals)
        {
            RootUsesModel = rootUsesModel;
            this.direct = direct;
            Captured = captured;
            LoopsChangeState = loopsChangeState;
            this.localFunctionNames = localFunctionNames;
            this.delegateLocals = delegateLocals;
        }

        /// <summary>
        /// The methods a delegate local can only hold (the method groups the body gives it, anywhere, lambdas included), or
        /// null when it may hold a lambda or other code of this body: running it may then change every captured name.
        /// </summary>
        public IReadOnlyList<IMethodSymbol>? MethodsHeldBy(ILocalSymbol local)
            => delegateLocals is not null && delegateLocals.TryGetValue(local, out var methods) ? methods : null;

        /// <summary>Records a value given to a delegate local (<paramref name="value"/> null: a write we do not follow).</summary>
        private static void Give(ref Dictionary<ILocalSymbol, List<IMethodSymbol>?>? delegateLocals, ILocalSymbol local, IOperation? value)
        {
            delegateLocals ??= new Dictionary<ILocalSymbol, List<IMethodSymbol>?>(SymbolEqualityComparer.Default);
            if (!delegateLocals.TryGetValue(local, out var methods))
            {
                methods = new List<IMethodSymbol>();
                delegateLocals[local] = methods;
            }

            if (methods is null)
            {
                return;
            }

            var given = value?.WalkDownConversions();
            if (given is IDelegateCreationOperation creation)
            {
                given = creation.Target.WalkDownConversions();
            }

            switch (given)
            {
                case IMethodReferenceOperation { Method: { } method }:
                    methods.Add(method);
                    break;
                case { ConstantValue: { HasValue: true, Value: null } }:
                case IDefaultValueOperation:
                    break;
                default:
                    delegateLocals[local] = null;
                    break;
            }
        }

        /// <summary>
        /// Some loop of the body (or of its lambdas) moves the state of a socket it did not make in the same turn: closes,
        /// shuts down, stops, connects or binds a name declared outside the loop. Only then can a later turn of a loop
        /// find a socket in another state than the first turn did, so only then does the flow keep the turns apart
        /// (<see cref="Flow.FlowAnalysis{TState}.TracksLoopTurns"/>).
        /// </summary>
        public bool LoopsChangeState { get; }

        /// <summary>The body itself (outside its lambdas and local functions) uses the model.</summary>
        public bool RootUsesModel { get; }

        /// <summary>The names that lambdas and local functions of the body use: they may change them at any time.</summary>
        public ISet<ISymbol> Captured { get; }

        /// <summary>
        /// The names a call of (or a delegate made from) the local function <paramref name="function"/> may change: the
        /// locals, parameters and fields its body names, with the lambdas inside it and the local functions it calls or
        /// makes delegates of. Null when it may run code of this body that we cannot see: it invokes a delegate or names
        /// one (a lambda of this body may be in it and change any captured name), makes a dynamic or unbound call, calls a
        /// local function we did not scan; then every captured name may have changed. A <c>static</c> local function names
        /// no captured local and no <c>this</c>, so its call changes only the static fields it names. What a call of a
        /// method of the class does to the fields is the caller's concern (the call is one on this type).
        /// </summary>
        public ImmutableHashSet<ISymbol>? NamesChangedBy(IMethodSymbol function)
            => localFunctionNames.TryGetValue(function.OriginalDefinition, out var names) ? names : null;

        /// <summary>Some lambda or local function of the body uses the model: only then are their graphs looked for.</summary>
        public bool FunctionsUseModel => direct.Count > 0;

        /// <summary>The lambda or local function declared at <paramref name="syntax"/> uses the model itself.</summary>
        public bool Uses(SyntaxNode syntax) => direct.Contains(syntax);

        /// <summary>The graph of the function at <paramref name="syntax"/> is needed: it, or a function inside it, uses the model.</summary>
        public bool Leads(SyntaxNode syntax)
        {
            foreach (var node in direct)
            {
                if (syntax.Span.Contains(node.Span) && syntax.SyntaxTree == node.SyntaxTree)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Scans a body; null when nothing in it can be reported (then no graph is built at all: building it is most of
        /// the cost). Unless <paramref name="everyUse"/> is set, only operations that can make a socket's state known
        /// count: a creation, an accept, a transition (Bind, Listen, Connect, Shutdown, Close, Start…). A body that only
        /// reads and writes sockets it was given (a parameter, a field) starts from unknown, and reads and writes alone
        /// never narrow an unknown socket to states that break another read or write, so it can report nothing.
        /// <paramref name="everyUse"/> is for bodies whose fields have known entry states (the class summary).
        /// </summary>
        public static BodyScope? Scan(IOperation body, SocketProtocolModel model, bool everyUse = false, Func<IOperation, bool>? alsoUses = null, System.Threading.CancellationToken cancellationToken = default)
        {
            var direct = new HashSet<SyntaxNode>();
            // A plain set: a builder's add rebalanced a tree, and making it immutable cost as much again for every body.
            var captured = new HashSet<ISymbol>(SymbolComparer.Instance);
            var rootUses = false;
            var loopsChangeState = false;
            Dictionary<IMethodSymbol, LocalFunctionUse>? localFunctions = null;
            Dictionary<ILocalSymbol, List<IMethodSymbol>?>? delegateLocals = null;
            var operations = BodyOperations.Of(body, cancellationToken);

            // Per lambda or local function (by its index), the local function whose use it adds to: itself, or for a
            // lambda the one it is in (what a lambda inside a local function names, the local function names too: it may
            // run the lambda). Set when the function is met, which is before anything inside it.
            LocalFunctionUse?[]? functionUses = null;
            var ownerIndex = -1;
            SyntaxNode? owner = null;
            LocalFunctionUse? function = null;

            // The owner's use is already known (rootUses, or in direct): the questions below would only repeat it. On socket
            // code a body uses the model early, and its later calls' model lookups were a sixth of the lifecycle family's samples.
            var ownerDecided = false;
            for (var index = 0; index < operations.Count; index++)
            {
                if ((index & 63) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                var operation = operations[index];
                if (operations.Function(index) != ownerIndex)
                {
                    ownerIndex = operations.Function(index);
                    owner = ownerIndex < 0 ? null : operations[ownerIndex].Syntax;
                    function = ownerIndex < 0 ? null : functionUses![ownerIndex];
                    ownerDecided = owner is null ? rootUses : direct.Contains(owner);
                }

                var kind = operations.Kind(index);
                if (owner is not null)
                {
                    switch (kind is OperationKind.LocalReference or OperationKind.ParameterReference or OperationKind.FieldReference ? operation : null)
                    {
                        case ILocalReferenceOperation local:
                            captured.Add(local.Local);
                            function?.Name(local.Local, local.Local.Type);
                            break;
                        case IParameterReferenceOperation parameter:
                            captured.Add(parameter.Parameter);
                            function?.Name(parameter.Parameter, parameter.Parameter.Type);
                            break;
                        case IFieldReferenceOperation field:
                            captured.Add(field.Field);
                            function?.Name(field.Field, field.Field.Type);
                            break;
                        default:
                            function?.Note(operation);
                            break;
                    }
                }

                switch (DelegateKinds.Contains(kind) ? operation : null)
                {
                    case IVariableDeclaratorOperation { Symbol: { Type.TypeKind: TypeKind.Delegate } declared } declarator when declarator.GetVariableInitializer() is { } initializer:
                        Give(ref delegateLocals, declared, initializer.Value);
                        break;
                    case ISimpleAssignmentOperation { Target: ILocalReferenceOperation { Local: { Type.TypeKind: TypeKind.Delegate } assigned } } assignment:
                        Give(ref delegateLocals, assigned, assignment.Value);
                        break;
                    // The write first: most references only read the local, and asking every local's type through the
                    // compiler's public model was 23 of this scan's 274 samples on the dense corpus.
                    case ILocalReferenceOperation reference
                        when (reference.Parent is IAssignmentOperation { Target: var target } and not ISimpleAssignmentOperation && target == reference
                                || reference.Parent is IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out }
                                || reference.Parent is ITupleOperation)
                            && reference.Local is { Type.TypeKind: TypeKind.Delegate } written:
                        Give(ref delegateLocals, written, null);
                        break;
                }

                if (!ownerDecided && ((everyUse ? UsesModel(operation, model) : Decides(operation, kind, model)) || (alsoUses is not null && alsoUses(operation))))
                {
                    ownerDecided = true;
                    if (owner is null)
                    {
                        rootUses = true;
                    }
                    else
                    {
                        direct.Add(owner);
                    }
                }

                if (!loopsChangeState && kind is OperationKind.Using or OperationKind.UsingDeclaration or OperationKind.Invocation
                    && operations.Loop(index) is var loop and >= 0 && ChangesStateAcrossTurns(operation, (ILoopOperation)operations[loop], model))
                {
                    loopsChangeState = true;
                }

                if (kind is OperationKind.AnonymousFunction or OperationKind.LocalFunction)
                {
                    // A function's body is a graph of its own (BodyOperations: a loop around its declaration is not a loop of its body).
                    functionUses ??= new LocalFunctionUse?[operations.Count];
                    functionUses[index] = function;
                    if (operation is ILocalFunctionOperation { Symbol: { } symbol })
                    {
                        localFunctions ??= new Dictionary<IMethodSymbol, LocalFunctionUse>(SymbolEqualityComparer.Default);
                        var use = new LocalFunctionUse(symbol, model);
                        localFunctions[symbol.OriginalDefinition] = use;
                        functionUses[index] = use;
                    }
                }
            }

            return rootUses || direct.Count > 0
                ? new BodyScope(rootUses, direct, captured, loopsChangeState, LocalFunctionUse.Close(localFunctions), delegateLocals)
                : null;
        }

        /// <summary>
        /// What the body of one local function names and calls, found by the pre-scan. A call of it can change a name of
        /// the caller only by naming it, or by running code that names it: a local function it calls (followed), or a
        /// lambda of the body, which it can reach only through a value it is given or names. So it is opaque (its call may
        /// change every captured name) when such a value may carry code: a name from outside it or a parameter of a type
        /// that may hold a delegate (<see cref="CodeFree"/>), any delegate value that is not a lambda or local function made
        /// in it, <c>this</c>, or a dynamic operation. What a method of the class it calls does to the fields is the caller's
        /// concern, as for a call of that method; a method of the class that runs a lambda kept in a field is followed by
        /// neither.
        /// </summary>
        private sealed class LocalFunctionUse
        {
            private readonly IMethodSymbol symbol;
            private readonly SocketProtocolModel model;
            private readonly HashSet<ISymbol> names = new(SymbolComparer.Instance);
            private readonly List<IMethodSymbol> calls = new();

            /// <summary>It may run a lambda of the body, or code we cannot see: any captured name may change.</summary>
            private bool opaque;

            public LocalFunctionUse(IMethodSymbol symbol, SocketProtocolModel model)
            {
                this.symbol = symbol.OriginalDefinition;
                this.model = model;
                foreach (var parameter in symbol.Parameters)
                {
                    if (!CodeFree(parameter.Type, model))
                    {
                        opaque = true;
                    }
                }
            }

            public void Name(ISymbol name, ITypeSymbol? type)
            {
                if (DeclaredInside(name))
                {
                    // Its own local (or a lambda's inside it): new at every call, it holds only what the function made or was given.
                    return;
                }

                names.Add(name);
                if (!CodeFree(type, model))
                {
                    opaque = true;
                }
            }

            public void Note(IOperation operation)
            {
                switch (operation)
                {
                    case IInvocationOperation { TargetMethod: { MethodKind: MethodKind.LocalFunction } target }:
                        calls.Add(target.OriginalDefinition);
                        return;
                    case IMethodReferenceOperation { Method: { MethodKind: MethodKind.LocalFunction } target }:
                        calls.Add(target.OriginalDefinition);
                        return;
                    case IDelegateCreationOperation or IAnonymousFunctionOperation or IMethodReferenceOperation:
                        // A lambda made in it is part of it (what the lambda names, it names); a method group of a method of
                        // the class is a call of that method.
                        return;
                    case IInvocationOperation { TargetMethod.MethodKind: MethodKind.DelegateInvoke }:
                    case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }:
                    case IDynamicInvocationOperation or IDynamicMemberReferenceOperation or IDynamicObjectCreationOperation or IDynamicIndexerAccessOperation:
                        opaque = true;
                        return;
                }

                if (operation.Type is { TypeKind: TypeKind.Delegate })
                {
                    // A delegate from a property, an event, a call, an array: perhaps a lambda of the body.
                    opaque = true;
                }
            }

            /// <summary>A local or parameter of this function, or of a lambda or local function inside it.</summary>
            private bool DeclaredInside(ISymbol name)
            {
                if (name is not (ILocalSymbol or IParameterSymbol))
                {
                    return false;
                }

                for (var container = name.ContainingSymbol; container is IMethodSymbol { MethodKind: MethodKind.LocalFunction or MethodKind.AnonymousFunction } method; container = method.ContainingSymbol)
                {
                    if (SymbolEqualityComparer.Default.Equals(method.OriginalDefinition, symbol))
                    {
                        return true;
                    }
                }

                return false;
            }

            /// <summary>
            /// A value of this type holds no code to run: a number, a string, an enum, a socket, stream, reader or writer of the
            /// model, and arrays, spans and nullables of those. Anything else (an object, a delegate, a task, a type of the
            /// project) may hold a lambda of the body.
            /// </summary>
            private static bool CodeFree(ITypeSymbol? type, SocketProtocolModel model)
            {
                switch (type)
                {
                    case null:
                        return false;
                    case IArrayTypeSymbol array:
                        return CodeFree(array.ElementType, model);
                    case IPointerTypeSymbol:
                        return true;
                    case { TypeKind: TypeKind.Enum }:
                        return true;
                }

                switch (type.SpecialType)
                {
                    case SpecialType.System_Boolean or SpecialType.System_Char or SpecialType.System_SByte or SpecialType.System_Byte
                        or SpecialType.System_Int16 or SpecialType.System_UInt16 or SpecialType.System_Int32 or SpecialType.System_UInt32
                        or SpecialType.System_Int64 or SpecialType.System_UInt64 or SpecialType.System_Decimal or SpecialType.System_Single
                        or SpecialType.System_Double or SpecialType.System_String or SpecialType.System_IntPtr or SpecialType.System_UIntPtr
                        or SpecialType.System_DateTime:
                        return true;
                    case SpecialType.None:
                        break;
                    default:
                        return false;
                }

                if (type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } generic
                    && (generic.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T || model.Symbols.Framework.IsSpanOrSegment(generic)))
                {
                    return CodeFree(generic.TypeArguments[0], model);
                }

                return type.TypeKind != TypeKind.Error && (model.IsModelType(type) || model.IsStreamWrapperType(type));
            }

            /// <summary>For each local function that reaches no opaque one through its calls, the names it and those it calls use.</summary>
            public static Dictionary<IMethodSymbol, ImmutableHashSet<ISymbol>> Close(Dictionary<IMethodSymbol, LocalFunctionUse>? functions)
            {
                var closed = new Dictionary<IMethodSymbol, ImmutableHashSet<ISymbol>>(SymbolEqualityComparer.Default);
                if (functions is null)
                {
                    return closed;
                }

                foreach (var start in functions)
                {
                    var names = ImmutableHashSet.CreateBuilder<ISymbol>(SymbolComparer.Instance);
                    var seen = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default) { start.Key };
                    var work = new Stack<LocalFunctionUse>();
                    work.Push(start.Value);
                    var known = true;
                    while (known && work.Count > 0)
                    {
                        var use = work.Pop();
                        if (use.opaque)
                        {
                            known = false;
                            break;
                        }

                        names.UnionWith(use.names);
                        foreach (var call in use.calls)
                        {
                            if (!seen.Add(call))
                            {
                                continue;
                            }

                            if (!functions.TryGetValue(call, out var callee))
                            {
                                // A local function declared outside the scanned body: nothing says what it does.
                                known = false;
                                break;
                            }

                            work.Push(callee);
                        }
                    }

                    if (known)
                    {
                        closed[start.Key] = names.ToImmutable();
                    }
                }

                return closed;
            }
        }

        /// <summary>
        /// An operation inside <paramref name="loop"/> that can leave a socket made before the loop in another state for the
        /// next turn: a close, dispose, shutdown, disconnect, stop, connect or bind whose receiver is not a local declared
        /// inside the loop (a socket made anew every turn starts every turn in the same state). Accept, Listen and Start
        /// leave the state a next turn needs, and a question (<c>Connected</c>) only widens it.
        /// </summary>
        private static bool ChangesStateAcrossTurns(IOperation operation, ILoopOperation loop, SocketProtocolModel model)
        {
            switch (operation)
            {
                case IUsingOperation usingStatement:
                    // using (var s = …) declares its resource in the turn; using (socket) disposes one from outside. A stream,
                    // reader or writer declared in the turn may still close a client from outside (one over GetStream()).
                    return usingStatement.Resources is IVariableDeclarationGroupOperation declared
                        ? Disposes(declared, model, streamsAndWrappers: true)
                        : Disposes(usingStatement.Resources, model, streamsAndWrappers: false) && !DeclaredIn(usingStatement.Resources, loop);
                case IUsingDeclarationOperation usingDeclaration:
                    return Disposes(usingDeclaration.DeclarationGroup, model, streamsAndWrappers: true);
                case IInvocationOperation close when ClosesWrapper(close, model):
                    // A reader or writer: made in the turn or not, its close may close the stream and the client under it.
                    return true;
                case IInvocationOperation invocation:
                    {
                        var receiver = invocation.Instance
                            ?? (invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);
                        return receiver is not null
                            && model.ModelTypeOf(receiver.WalkDownConversions().Type) is { } type
                            && model.Find(type, invocation.TargetMethod) is { } member
                            && MovesStateForNextTurn(member.Operation)
                            && (type == SocketModelType.NetworkStream || !DeclaredIn(receiver, loop));
                    }

                default:
                    return false;
            }
        }

        private static bool MovesStateForNextTurn(SocketOperation operation)
            => operation is SocketOperation.Close or SocketOperation.Disconnect or SocketOperation.ListenerStop or SocketOperation.Connect or SocketOperation.Bind
                or SocketOperation.Shutdown or SocketOperation.ShutdownSend or SocketOperation.ShutdownReceive or SocketOperation.ShutdownBoth or SocketOperation.ShutdownUnknown;

        /// <summary>True when <paramref name="value"/> is a local declared inside <paramref name="loop"/> (a new one every turn).</summary>
        private static bool DeclaredIn(IOperation value, ILoopOperation loop)
        {
            var root = value.WalkDownConversions();
            while (root is IPropertyReferenceOperation { Instance: { } instance })
            {
                // client.Client, listener.Server: the socket under a local.
                root = instance.WalkDownConversions();
            }

            while (root is IInvocationOperation { Instance: { } invocationInstance })
            {
                // client.GetStream(): the stream of a local.
                root = invocationInstance.WalkDownConversions();
            }

            return root is ILocalReferenceOperation local
                && local.Local.DeclaringSyntaxReferences.Length > 0
                && local.Local.DeclaringSyntaxReferences[0].SyntaxTree == loop.Syntax.SyntaxTree
                && loop.Syntax.Span.Contains(local.Local.DeclaringSyntaxReferences[0].Span);
        }

        /// <summary>The kinds of the interfaces the scan's cases for delegate locals test.</summary>
        private static readonly OperationKindSet DelegateKinds = new(
            OperationKind.VariableDeclarator,
            OperationKind.SimpleAssignment,
            OperationKind.LocalReference);

        /// <summary>An operation after which a socket's state may be known: a creation, or a member of the model that is not only I/O.</summary>
        private static bool Decides(IOperation operation, OperationKind kind, SocketProtocolModel model)
        {
            // By kind, then one cast: a type pattern per case tested a call against three interfaces before its own.
            switch (kind)
            {
                case OperationKind.Invocation:
                    {
                        var invocation = (IInvocationOperation)operation;
                        if (ClosesWrapper(invocation, model))
                        {
                            // writer.Close() of a StreamWriter, StreamReader, BinaryReader or BinaryWriter: it may close a stream and its socket.
                            return true;
                        }

                        var receiverType = invocation.Instance?.Type
                            ?? (invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value.WalkDownConversions().Type : null);
                        return model.ModelTypeOf(receiverType) is { } type && model.Find(type, invocation.TargetMethod) is { } member && !OnlyIo(member.Operation);
                    }

                case OperationKind.PropertyReference:
                    {
                        var property = (IPropertyReferenceOperation)operation;
                        return model.ModelTypeOf(property.Instance?.Type) is { } owner && model.Find(owner, property.Property) is { } found && !OnlyIo(found.Operation);
                    }

                case OperationKind.ObjectCreation:
                    return model.IsModelType(((IObjectCreationOperation)operation).Type);
                case OperationKind.Using:
                    // using (socket) { } disposes it at the end: a Close the operation tree does not show as a call.
                    return Disposes(((IUsingOperation)operation).Resources, model, streamsAndWrappers: false);
                case OperationKind.UsingDeclaration:
                    return Disposes(((IUsingDeclarationOperation)operation).DeclarationGroup, model, streamsAndWrappers: false);
                default:
                    return false;
            }
        }

        /// <summary><c>Close()</c>, <c>Dispose()</c> or <c>DisposeAsync()</c> of a reader or writer that may close the stream it is made over (<see cref="SocketProtocolModel.IsStreamWrapperType"/>).</summary>
        private static bool ClosesWrapper(IInvocationOperation invocation, SocketProtocolModel model)
            => invocation.TargetMethod is { Name: "Close" or "Dispose" or "DisposeAsync", Parameters.Length: 0 } && model.IsStreamWrapperType(invocation.Instance?.Type);

        /// <summary>
        /// True when a value the <c>using</c> disposes can matter to a socket: some operation in its resources has a model
        /// type (the flow family follows a disposed value only when its type, looking through conversions, is one); with
        /// <paramref name="streamsAndWrappers"/>, only a network stream or a reader or writer, which may own a socket made
        /// elsewhere. A <c>using</c> of a <c>MemoryStream</c> or a file decides nothing about a socket.
        /// </summary>
        private static bool Disposes(IOperation resources, SocketProtocolModel model, bool streamsAndWrappers)
        {
            foreach (var operation in resources.DescendantsAndSelf())
            {
                if (streamsAndWrappers
                    ? model.ModelTypeOf(operation.Type) == SocketModelType.NetworkStream || model.IsStreamWrapperType(operation.Type)
                    : model.IsModelType(operation.Type))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Operations that move no state and, on an unknown socket, never prove a state that another of them breaks.</summary>
        private static bool OnlyIo(SocketOperation operation)
            => operation is SocketOperation.Send or SocketOperation.Receive or SocketOperation.SendTo or SocketOperation.SendToPeer or SocketOperation.ReceiveFrom
                or SocketOperation.MakeStream or SocketOperation.Use or SocketOperation.Probe or SocketOperation.Alias;

        private static bool UsesModel(IOperation operation, SocketProtocolModel model) => operation switch
        {
            IInvocationOperation invocation => model.IsModelType(invocation.TargetMethod.ContainingType) || model.IsModelType(invocation.Instance?.Type),
            IObjectCreationOperation creation => model.IsModelType(creation.Type),
            IPropertyReferenceOperation property => model.IsModelType(property.Property.ContainingType),
            _ => false,
        };
    }
}
