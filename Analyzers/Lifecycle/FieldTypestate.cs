using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Common;

namespace SocketAnalyzers.Lifecycle
{
    /// <summary>
    /// Typestate across the methods of a class: for each private socket field of a type (a <c>Socket</c>,
    /// <c>TcpListener</c>, <c>TcpClient</c>, <c>UdpClient</c> or <c>NetworkStream</c>) that does not escape, the states
    /// it can be in when any method of the type starts.
    /// <para>
    /// Methods, lambdas, event handlers and callbacks may run in any order and more than once, so a body's entry state
    /// is every state that the values the type stores in the field (its constructors, initializers and methods create
    /// them) can reach through the operations that the type's bodies apply to the field, in any order: the closure of
    /// the creation states under those operations' transitions (<see cref="SocketProtocolModel.Protocol"/>). A lambda or
    /// local function is a body of its own (<see cref="FunctionKey"/>); the body's own operations count from an earlier
    /// run, except a transition that is itself a misuse. That includes whatever any constructor or method can leave
    /// behind, and more (a state in the middle of a method), which keeps it sound for concurrent and re-entrant code.
    /// A misuse is then reported only where no code of the type can make it right.
    /// </para>
    /// <para>
    /// A field escapes, and stays unknown, when the type does anything with it that is not an operation of the model
    /// called on it or a store of a socket the model creates (or null): passed to other code, returned, copied to a
    /// local or another field, aliased through <c>.Client</c>/<c>.Server</c>/<c>GetStream()</c> beyond one call,
    /// assigned from a parameter or an unknown call, passed by <c>ref</c>, or used through another instance. Only
    /// private fields of types without nested types (but delegate and enum types) are summarised (a nested type could
    /// touch them unseen).
    /// </para>
    /// </summary>
    internal sealed class FieldTypestate
    {
        private readonly SocketProtocolModel model;
        private readonly ImmutableHashSet<IFieldSymbol> candidates;
        private readonly object gate = new();
        private readonly Dictionary<IFieldSymbol, FieldRecord> records = new(SymbolEqualityComparer.Default);
        private readonly Dictionary<IMethodSymbol, HelperEffect> helpers = new(SymbolEqualityComparer.Default);

        private FieldTypestate(SocketProtocolModel model, ImmutableHashSet<IFieldSymbol> candidates)
        {
            this.model = model;
            this.candidates = candidates;
        }

        /// <summary>The collector for <paramref name="type"/>, or null when it has no field that can be summarised.</summary>
        public static FieldTypestate? For(INamedTypeSymbol type, SocketProtocolModel model)
        {
            if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct))
            {
                return null;
            }

            ImmutableHashSet<IFieldSymbol>.Builder? fields = null;
            HashSet<string>? nestedNames = null;
            var nestedRead = false;
            foreach (var member in type.GetMembers())
            {
                if (member is IFieldSymbol { IsImplicitlyDeclared: false, IsConst: false, DeclaredAccessibility: Accessibility.Private } field
                    && model.IsModelType(field.Type)
                    && !NamedInNestedCode(field))
                {
                    (fields ??= ImmutableHashSet.CreateBuilder<IFieldSymbol>(SymbolEqualityComparer.Default)).Add(field);
                }
            }

            return fields is null ? null : new FieldTypestate(model, fields.ToImmutable());

            // A nested class or struct whose code names the field could touch it unseen (read once, on the first candidate).
            bool NamedInNestedCode(IFieldSymbol field)
            {
                if (!nestedRead)
                {
                    nestedNames = NestedTypes.NamesInCode(type, CancellationToken.None);
                    nestedRead = true;
                }

                return nestedNames is not null && nestedNames.Contains(field.Name);
            }
        }

        /// <summary>
        /// Records what one body of the type (owned by <paramref name="owner"/>) does with the candidate fields; true when it
        /// references one. An operation inside a lambda or local function belongs to that function (<see cref="FunctionKey"/>),
        /// not to <paramref name="owner"/>: the flow analysis of the member's body does not follow it, so it counts as code
        /// that may run at any time, as another member's does.
        /// </summary>
        public bool Record(IOperation body, ISymbol owner, CancellationToken cancellationToken)
        {
            var found = false;
            var operations = BodyOperations.Of(body, cancellationToken);
            var functionIndex = -1;
            object current = owner;
            for (var index = 0; index < operations.Count; index++)
            {
                if ((index & 63) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                var kind = operations.Kind(index);
                if (kind is not (OperationKind.FieldReference or OperationKind.FieldInitializer))
                {
                    continue;
                }

                if (operations.Function(index) != functionIndex)
                {
                    // In a lambda or local function, the use is that function's (FunctionKey).
                    functionIndex = operations.Function(index);
                    current = functionIndex < 0 ? owner : FunctionKey.Of(operations[functionIndex].Syntax);
                }

                var operation = operations[index];
                if (operation is IFieldReferenceOperation reference && candidates.Contains(reference.Field))
                {
                    found = true;
                    Classify(reference, current);
                }
                else if (operation is IFieldInitializerOperation initializer)
                {
                    foreach (var field in initializer.InitializedFields)
                    {
                        if (candidates.Contains(field))
                        {
                            found = true;
                            Store(field, initializer.Value);
                        }
                    }
                }
            }

            if (found && owner is IMethodSymbol method && HelperEffect.Compute(body, method, model, candidates, cancellationToken) is { } effect)
            {
                lock (gate)
                {
                    helpers[method] = effect;
                }
            }

            return found;
        }

        /// <summary>True when <paramref name="field"/> is one of the type's private socket fields this summary follows.</summary>
        public bool IsCandidate(IFieldSymbol field) => candidates.Contains(field);

        /// <summary>
        /// What a call of <paramref name="method"/> certainly does to the socket fields, when it is a simple helper of the
        /// type (<see cref="HelperEffect"/>); null otherwise. Call once every body was recorded (at the end of the type).
        /// </summary>
        public HelperEffect? HelperOf(IMethodSymbol method)
        {
            lock (gate)
            {
                return helpers.TryGetValue(method.OriginalDefinition, out var effect) ? effect : null;
            }
        }

        /// <summary>
        /// The entry facts, for the body of <paramref name="owner"/> (a member, or the <see cref="FunctionKey"/> of a lambda
        /// or local function), of every field that did not escape and that the type gives a socket. Call once every body
        /// was recorded (at the end of the type).
        /// </summary>
        public ImmutableDictionary<IFieldSymbol, SocketFacts> EntryFacts(object owner)
        {
            var result = ImmutableDictionary.CreateBuilder<IFieldSymbol, SocketFacts>(SymbolEqualityComparer.Default);
            lock (gate)
            {
                foreach (var pair in records)
                {
                    var record = pair.Value;
                    if (record.Escaped || record.Created.States == SocketStates.None)
                    {
                        continue;
                    }

                    result.Add(pair.Key, Closure(record, record.Created, owner));
                }
            }

            return result.ToImmutable();
        }

        /// <summary>
        /// Every state a socket in <paramref name="from"/>, held by <paramref name="field"/>, can reach through the operations
        /// that code other than <paramref name="owner"/> applies to the field: what it may be in after <paramref name="owner"/>
        /// called a helper, invoked a delegate or made a lambda. Unknown for a field that is not summarised.
        /// </summary>
        public SocketFacts Reach(IFieldSymbol field, SocketFacts from, object owner)
        {
            lock (gate)
            {
                return records.TryGetValue(field, out var record) && !record.Escaped ? Closure(record, from, owner) : SocketFacts.Unknown;
            }
        }

        private static SocketFacts Closure(FieldRecord record, SocketFacts from, object owner)
        {
            if (from.States == SocketStates.None)
            {
                // No socket (a path on which the field's last operation certainly threw): nothing to reach, and no kind
                // either (Any would let a later operation be a datagram socket's and spoil a join: mut38 #13).
                return SocketFacts.Bottom;
            }

            var states = from.States;
            var kinds = from.Kinds == SocketKinds.None ? SocketKinds.Any : from.Kinds;
            bool grew;
            do
            {
                grew = false;
                foreach (var pair in record.Operations)
                {
                    var operation = pair.Operation;
                    var own = SameOwner(pair.Owner, owner);
                    if (!SocketProtocolModel.Protocol.TryGetValue(operation, out var protocol))
                    {
                        continue;
                    }

                    for (var i = 0; i < SocketStateText.Each.Length; i++)
                    {
                        if ((states & SocketStateText.Each[i]) == 0)
                        {
                            continue;
                        }

                        // Another body's operation: the same "returns" as the flow family's (Listen without Bind returns on
                        // Linux, so it counts as a way on). The body's own operations count too, from an earlier run of it
                        // (a Tick() that connects on its first call and sends on the next), but only where they are no
                        // misuse: its flow analysis reports one that is, and stops there.
                        var returns = own
                            ? ((kinds & SocketKinds.Stream) != 0 && protocol.Stream[i] is null) || ((kinds & SocketKinds.Datagram) != 0 && protocol.Datagram[i] is null)
                            : ((kinds & SocketKinds.Stream) != 0 && SocketStateAnalysis.Returns(protocol.Stream[i]))
                                || ((kinds & SocketKinds.Datagram) != 0 && SocketStateAnalysis.Returns(protocol.Datagram[i]));
                        if (returns && (states | protocol.Next[i]) != states)
                        {
                            states |= protocol.Next[i];
                            grew = true;
                        }
                    }
                }
            }
            while (grew);

            return new SocketFacts(states, kinds);
        }

        private static bool SameOwner(object left, object right)
            => left is ISymbol symbol ? right is ISymbol other && SymbolEqualityComparer.Default.Equals(symbol, other) : left.Equals(right);

        private void Classify(IFieldReferenceOperation reference, object owner)
        {
            if (reference.Instance is not (null or IInstanceReferenceOperation))
            {
                // other.field: another instance's socket, which other code may hold.
                Escape(reference.Field);
                return;
            }

            var parent = reference.Parent;

            // m_socket == null compares two objects: the field reaches the comparison through an implicit conversion to object.
            var user = parent;
            while (user is IConversionOperation or IParenthesizedOperation)
            {
                user = user.Parent;
            }

            switch (parent)
            {
                case ISimpleAssignmentOperation assignment when assignment.Target == reference:
                    Store(reference.Field, assignment.Value);
                    EscapeIfValueUsed(reference.Field, assignment);
                    return;
                case ICoalesceAssignmentOperation coalesce when coalesce.Target == reference:
                    Store(reference.Field, coalesce.Value);
                    EscapeIfValueUsed(reference.Field, coalesce);
                    return;
                case IConditionalAccessOperation conditional when conditional.Operation == reference:
                    Operate(reference.Field, ConditionalReceiverUse(conditional), owner);
                    return;
            }

            switch (user)
            {
                case IIsPatternOperation isPattern when DeclaresVariable(isPattern.Pattern):
                    // field is { } s: s is the same socket under a name we do not follow.
                    Escape(reference.Field);
                    return;
                case IBinaryOperation { OperatorMethod: null } or IIsPatternOperation or ILockOperation:
                    // Null checks and lock(field) do nothing to the socket (a user-defined operator is a method given it).
                    return;
                default:
                    Operate(reference.Field, reference, owner);
                    return;
            }
        }

        /// <summary>
        /// <c>(field = new TcpListener(…)).Start()</c>, <c>var l = field = …</c>: the stored socket goes on under another
        /// name, which the summary does not follow. A statement, or a member of an object initializer, uses it no further.
        /// </summary>
        private void EscapeIfValueUsed(IFieldSymbol field, IOperation assignment)
        {
            if (assignment.Parent is not (IExpressionStatementOperation or IObjectOrCollectionInitializerOperation))
            {
                Escape(field);
            }
        }

        private static bool DeclaresVariable(IPatternOperation pattern)
        {
            foreach (var operation in pattern.DescendantsAndSelf())
            {
                if (operation is IDeclarationPatternOperation { DeclaredSymbol: not null } or IRecursivePatternOperation { DeclaredSymbol: not null })
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary><c>field?.Close()</c>: the access made on the conditional receiver.</summary>
        private static IOperation? ConditionalReceiverUse(IConditionalAccessOperation conditional)
        {
            foreach (var operation in conditional.WhenNotNull.DescendantsAndSelf())
            {
                if (operation is IConditionalAccessInstanceOperation instance && instance.Parent is IInvocationOperation or IPropertyReferenceOperation)
                {
                    return instance;
                }
            }

            return null;
        }

        /// <summary>Records the operation of the model that <paramref name="receiver"/> is the receiver of, or escapes.</summary>
        private void Operate(IFieldSymbol field, IOperation? receiver, object owner)
        {
            var current = receiver;
            var stream = false;
            while (current is not null)
            {
                var parent = current.Parent;
                while (parent is IConversionOperation or IParenthesizedOperation)
                {
                    current = parent;
                    parent = current.Parent;
                }

                var (member, symbol, arguments) = parent switch
                {
                    IInvocationOperation invocation when invocation.Instance == current => (Find(current, invocation.TargetMethod), invocation.TargetMethod, invocation.Arguments),
                    IPropertyReferenceOperation property when property.Instance == current => (Find(current, property.Property), (ISymbol)property.Property, property.Arguments),
                    _ => (null, null, ImmutableArray<IArgumentOperation>.Empty),
                };

                if (parent is IPropertyReferenceOperation written && written.Parent is IAssignmentOperation assignment && assignment.Target == written)
                {
                    if (member is { Operation: SocketOperation.Alias })
                    {
                        // client.Client = other: the wrapper now holds a socket we do not know.
                        Escape(field);
                    }

                    // Any other property set (ReceiveTimeout, NoDelay, Blocking…) does not move the state.
                    return;
                }

                if (parent is IArgumentOperation { Parent: IObjectCreationOperation creation } argument && IsStreamOver(argument, creation))
                {
                    // new NetworkStream(field): the stream is the field's socket, as field.GetStream() is a client's. One
                    // that does not own it (no ownsSocket, or the constant false) cannot close it, whoever holds it.
                    Add(field, SocketOperation.MakeStream, owner);
                    if (!MayOwnSocket(creation))
                    {
                        return;
                    }

                    stream = true;
                    current = creation;
                    continue;
                }

                if (symbol is null)
                {
                    if (stream)
                    {
                        // var stream = field.GetStream(): reads and writes through it leave the state as it is, but
                        // whoever holds it may close it, and with it the socket (TcpClient's stream owns the socket).
                        Add(field, SocketOperation.StreamHolderClose, owner);
                        return;
                    }

                    Escape(field);
                    return;
                }

                if (member is null)
                {
                    // A member the model does not list (a timeout, an option): it does not move the state.
                    return;
                }

                switch (model.OperationOf(member.Value, arguments))
                {
                    case SocketOperation.Alias:
                    case SocketOperation.MakeStream:
                        // field.Client / field.GetStream(): the same socket, for one more call.
                        if (member.Value.Operation == SocketOperation.MakeStream)
                        {
                            Add(field, SocketOperation.MakeStream, owner);
                            stream = true;
                        }

                        current = parent;
                        continue;
                    case var operation:
                        Add(field, operation, owner);
                        return;
                }
            }

            Escape(field);
        }

        /// <summary>The argument is the socket of <c>new NetworkStream(socket, …)</c>.</summary>
        private bool IsStreamOver(IArgumentOperation argument, IObjectCreationOperation creation)
            => argument.Parameter is { } parameter && model.ModelTypeOf(parameter.Type) == SocketModelType.Socket
                && creation.Constructor is { } constructor && model.ModelTypeOf(creation.Type) is { } type
                && model.Find(type, constructor) is { Operation: SocketOperation.MakeStream };

        /// <summary>The stream may own its socket: <c>ownsSocket</c> given and not the constant <c>false</c>.</summary>
        private bool MayOwnSocket(IObjectCreationOperation creation)
            => creation.Constructor is { } constructor && model.Symbols.Catalogue.Facts(constructor)?.OwnsSocketGiven(creation.Arguments) != false;

        private SocketMember? Find(IOperation instance, ISymbol member)
            => model.ModelTypeOf(instance.WalkDownConversions().Type) is { } type ? model.Find(type, member) : null;

        /// <summary>field = value: a socket the model creates (in a known state), an accepted one, null; anything else escapes.</summary>
        private void Store(IFieldSymbol field, IOperation value)
        {
            var stored = value.WalkDownConversions();
            if (stored is IAwaitOperation awaited)
            {
                stored = awaited.Operation.WalkDownConversions();
                if (stored is IInvocationOperation { Instance: { } configured } configureAwait && model.Symbols.Framework.IsConfigureAwait(configureAwait.TargetMethod))
                {
                    stored = configured.WalkDownConversions();
                }
            }

            switch (stored)
            {
                case { ConstantValue: { HasValue: true, Value: null } }:
                    return;
                case IObjectCreationOperation creation when SetsSocketInInitializer(creation):
                    // new UdpClient { Client = socket }: the client holds that socket, in whatever state it is (fresh40 F1).
                    Escape(field);
                    return;
                case IObjectCreationOperation creation when creation.Constructor is not null && model.ModelTypeOf(creation.Type) is { } type
                    && model.Find(type, creation.Constructor) is { Operation: SocketOperation.Create, Creates: var states } && states != SocketStates.None && states != SocketStates.All:
                    Create(field, new SocketFacts(states, model.KindOf(type, creation)));
                    return;
                case IInvocationOperation invocation when invocation.Instance is { } instance && Find(instance, invocation.TargetMethod) is { Operation: SocketOperation.Accept, Result: not null }:
                    Create(field, SocketFacts.Accepted);
                    return;
                default:
                    Escape(field);
                    return;
            }
        }

        /// <summary>The creation's object initializer gives it another socket (<c>Client = socket</c>, <c>Server = …</c>: an alias of the model).</summary>
        private bool SetsSocketInInitializer(IObjectCreationOperation creation)
        {
            if (creation.Initializer is null)
            {
                return false;
            }

            foreach (var initializer in creation.Initializer.Initializers)
            {
                if (initializer is IAssignmentOperation { Target: IPropertyReferenceOperation { Instance: { } instance } property } && Find(instance, property.Property) is { Operation: SocketOperation.Alias })
                {
                    return true;
                }
            }

            return false;
        }

        private FieldRecord RecordOf(IFieldSymbol field)
        {
            if (!records.TryGetValue(field, out var record))
            {
                records[field] = record = new FieldRecord();
            }

            return record;
        }

        private void Escape(IFieldSymbol field)
        {
            lock (gate)
            {
                RecordOf(field).Escaped = true;
            }
        }

        private void Create(IFieldSymbol field, SocketFacts facts)
        {
            lock (gate)
            {
                var record = RecordOf(field);
                record.Created = record.Created.Join(facts);
            }
        }

        private void Add(IFieldSymbol field, SocketOperation operation, object owner)
        {
            lock (gate)
            {
                RecordOf(field).Operations.Add(new OwnedOperation(owner, operation));
            }
        }

        private sealed class FieldRecord
        {
            public bool Escaped { get; set; }

            public SocketFacts Created { get; set; } = SocketFacts.Bottom;

            public HashSet<OwnedOperation> Operations { get; } = new();
        }

        /// <summary>An operation on the field and the body that makes it: a member, or a <see cref="FunctionKey"/>.</summary>
        private readonly struct OwnedOperation : System.IEquatable<OwnedOperation>
        {
            public OwnedOperation(object owner, SocketOperation operation)
            {
                Owner = owner;
                Operation = operation;
            }

            public object Owner { get; }

            public SocketOperation Operation { get; }

            public bool Equals(OwnedOperation other) => Operation == other.Operation && SameOwner(Owner, other.Owner);

            public override bool Equals(object? obj) => obj is OwnedOperation other && Equals(other);

            public override int GetHashCode() => ((Owner is ISymbol symbol ? SymbolComparer.Hash(symbol) : Owner.GetHashCode()) * 31) + (int)Operation;
        }
    }

    /// <summary>
    /// A lambda or local function as the owner of the operations in its body: its place in the source (the operation
    /// tree and the control-flow graph give different objects for the same function, at the same syntax).
    /// </summary>
    internal readonly struct FunctionKey : System.IEquatable<FunctionKey>
    {
        private readonly SyntaxTree tree;
        private readonly Microsoft.CodeAnalysis.Text.TextSpan span;

        private FunctionKey(SyntaxTree tree, Microsoft.CodeAnalysis.Text.TextSpan span)
        {
            this.tree = tree;
            this.span = span;
        }

        public static object Of(SyntaxNode syntax) => new FunctionKey(syntax.SyntaxTree, syntax.Span);

        public bool Equals(FunctionKey other) => ReferenceEquals(tree, other.tree) && span.Equals(other.span);

        public override bool Equals(object? obj) => obj is FunctionKey other && Equals(other);

        public override int GetHashCode() => (tree.GetHashCode() * 31) + span.GetHashCode();
    }
}
