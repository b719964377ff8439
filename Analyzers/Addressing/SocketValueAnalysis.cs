using System.Collections.Generic;
using System.Collections.Immutable;
using System.Net;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Common;
using SocketAnalyzers.Flow;
using SocketAnalyzers.Lifecycle;
using SocketAnalyzers.Reads;

namespace SocketAnalyzers.Addressing
{
    /// <summary>A misuse found by a check of the value family.</summary>
    internal sealed class ValueFinding
    {
        public ValueFinding(DiagnosticDescriptor descriptor, Location location, ImmutableDictionary<string, string?> properties, object[] arguments)
        {
            Descriptor = descriptor;
            Location = location;
            Properties = properties;
            Arguments = arguments;
        }

        public DiagnosticDescriptor Descriptor { get; }

        public Location Location { get; }

        public ImmutableDictionary<string, string?> Properties { get; }

        public object[] Arguments { get; }
    }

    /// <summary>
    /// The value family of the flow kernel: what each local (and flow capture) of a body holds, as far as the addressing
    /// and framing rules care: a socket's address family, dual mode, broadcast permission and kind (stream or datagram);
    /// an address or endpoint (IPv4, IPv6, wildcard, broadcast, the first answer of DNS); a buffer (or the text decoded
    /// from it) that holds the bytes of exactly one stream read. Facts are sets joined by union; a name that is unknown on
    /// one path (a parameter, a field, a value handed to other code, a name a lambda captures) is absent, and a check
    /// stays silent on it. The checks (<see cref="AddressingChecks"/>, <see cref="Framing.FramingCheck"/>) run during
    /// the replay, on the converged state.
    /// </summary>
    internal sealed class SocketValueAnalysis : FlowAnalysis<SocketValueState>
    {
        private const int MaxNestingDepth = 8;

        private readonly AddressingApis apis;
        private readonly HashSet<ISymbol> captured;

        /// <summary>The body calls a helper of its class that returns the text of one read (<see cref="HelperRead.OneReadText"/>), and parses something.</summary>
        private readonly bool helperTexts;
        private readonly List<ValueFinding> findings;
        private readonly HashSet<Location> reported = new();
        private readonly List<IFlowAnonymousFunctionOperation> anonymousFunctions = new();

        protected override int MaxExpressionDepth => 200;

        private SocketValueAnalysis(ControlFlowGraph graph, AddressingApis apis, HashSet<ISymbol> captured, bool helperTexts, List<ValueFinding> findings, CancellationToken cancellationToken)
            : base(graph, cancellationToken)
        {
            this.helperTexts = helperTexts;
            this.apis = apis;
            this.captured = captured;
            this.findings = findings;
        }

        public AddressingApis Apis => apis;

        /// <summary>The kinds of the interfaces <see cref="IsRelevant"/>'s switch has a case for.</summary>
        private static readonly OperationKindSet RelevanceKinds = new(
            OperationKind.Invocation,
            OperationKind.ObjectCreation,
            OperationKind.FieldReference,
            OperationKind.LocalReference);

        /// <summary>True when the body uses something the family's checks look at: the cheap pre-scan before any graph is built.</summary>
        /// <param name="framing">SOCK040 may report in the body: a parser, and a read or a read helper's text.</param>
        public static bool IsRelevant(IOperation body, AddressingApis apis, out HashSet<ISymbol> captured, out bool helperTexts, out bool framing, CancellationToken cancellationToken)
        {
            captured = new HashSet<ISymbol>(SymbolComparer.Instance);
            bool endpoint = false, address = false, parser = false, read = false;
            var operations = BodyOperations.Of(body, cancellationToken);
            for (var index = 0; index < operations.Count; index++)
            {
                if ((index & 63) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                var kind = operations.Kind(index);
                if (!RelevanceKinds.Contains(kind))
                {
                    continue;
                }

                // The kind picks the case: a local reference, the most frequent, was tested against three interfaces first.
                switch (kind == OperationKind.LocalReference ? null : operations[index])
                {
                    case null:
                        if (operations.Function(index) is var function and >= 0 && operations[index] is ILocalReferenceOperation local && !DeclaredIn(local.Local, operations[function].Syntax))
                        {
                            // A local that a lambda or local function shares with the code around it.
                            captured.Add(local.Local);
                        }

                        break;
                    case IInvocationOperation invocation:
                        // Each question only until some call of the body has answered it.
                        var method = invocation.TargetMethod;
                        var relevance = apis.RelevanceOf(method);
                        endpoint |= (relevance & CallRelevance.CheckedEndpoint) != 0;
                        parser = parser || (relevance & CallRelevance.ParserType) != 0
                            || ((relevance & CallRelevance.MayWrapParser) != 0 && apis.ParserWrapperOrdinal(method, invocation.SemanticModel, cancellationToken) >= 0);
                        read |= (relevance & CallRelevance.OneRead) != 0;
                        address |= (relevance & CallRelevance.AddressSource) != 0;
                        break;
                    case IObjectCreationOperation { Constructor: { DeclaringSyntaxReferences.IsEmpty: false } constructor, Arguments.IsEmpty: false } creation when !parser:
                        // new Envelope(buffer), a constructor of the project that parses its bytes.
                        parser = apis.ParserWrapperOrdinal(constructor, creation.SemanticModel, cancellationToken) >= 0;
                        break;
                    case IFieldReferenceOperation { Field.IsStatic: true } field
                        when SymbolEqualityComparer.Default.Equals(field.Field.ContainingType, apis.Symbols.IPAddress):
                        address = true;
                        break;
                }
            }

            // SOCK030 and SOCK032 need an endpoint call and an address the family knows, and the family knows an address
            // only from IPAddress's well-known fields, IPAddress.Parse and Dns (a lambda's captured locals are never
            // followed, so a source anywhere in the body is an over-approximation): an endpoint call whose endpoint comes
            // from a parameter, a field or a property builds no graph. SOCK040 needs a network read and a parser in the
            // same body: a parser alone (JSON in a file that also has sockets) builds no graph either.
            // A parser and a call of a method of the class that returns the text of one read (string msg =
            // ReadFromStream(stream);, HelperReads; summarised once per method, after a look at its syntax).
            // Looked for only in a body that parses, which few do: a second walk, not a test of every call of every body.
            helperTexts = parser && CallsOneReadHelper(body, apis, cancellationToken);

            framing = parser && (read || helperTexts);
            return (endpoint && address) || framing;
        }

        /// <summary>The body calls a read helper of its class whose summary says it returns the text of one read (<see cref="HelperRead.OneReadText"/>).</summary>
        private static bool CallsOneReadHelper(IOperation body, AddressingApis apis, CancellationToken cancellationToken)
        {
            foreach (var operation in body.DescendantsAndSelf())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (operation is IInvocationOperation call && HelperReads.ResultType(call.TargetMethod)?.SpecialType == SpecialType.System_String
                    && HelperReads.MayBeHelper(call) && apis.Symbols.Reads.Helpers.At(call, cancellationToken) is ({ OneReadText: true }, _))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A call whose result may be an address the family knows (see <see cref="Result"/>): IPAddress.Parse, a Dns lookup.</summary>
        internal static bool IsAddressSource(IMethodSymbol method, AddressingApis apis) => IsAddressParse(method, apis) || IsDnsLookup(method, apis);

        private static bool IsAddressParse(IMethodSymbol method, AddressingApis apis)
            => method.Name == "Parse" && SymbolEqualityComparer.Default.Equals(method.ContainingType, apis.Symbols.IPAddress);

        private static bool IsDnsLookup(IMethodSymbol method, AddressingApis apis)
            => method.Name is "GetHostAddresses" or "GetHostAddressesAsync" or "GetHostEntry" or "GetHostEntryAsync"
                && SymbolEqualityComparer.Default.Equals(method.ContainingType, apis.Dns);

        private static bool DeclaredIn(ILocalSymbol local, SyntaxNode function)
        {
            foreach (var reference in local.DeclaringSyntaxReferences)
            {
                if (reference.SyntaxTree == function.SyntaxTree && function.Span.Contains(reference.Span))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Analyzes a body and, each as a body of its own, its lambdas and local functions.</summary>
        public static void Analyze(ControlFlowGraph graph, AddressingApis apis, HashSet<ISymbol> captured, bool helperTexts, List<ValueFinding> findings, CancellationToken cancellationToken)
            => Analyze(graph, apis, captured, helperTexts, findings, cancellationToken, 0);

        private static void Analyze(ControlFlowGraph graph, AddressingApis apis, HashSet<ISymbol> captured, bool helperTexts, List<ValueFinding> findings, CancellationToken cancellationToken, int nesting)
        {
            if (nesting > MaxNestingDepth)
            {
                return;
            }

            var mine = new List<ValueFinding>();
            var analysis = new SocketValueAnalysis(graph, apis, captured, helperTexts, mine, cancellationToken);
            if (analysis.Run() && analysis.ReplayCanReport)
            {
                analysis.Replay();
                if (!analysis.Abandoned)
                {
                    findings.AddRange(mine);
                }
            }

            foreach (var localFunction in graph.LocalFunctions)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Analyze(graph.GetLocalFunctionControlFlowGraph(localFunction, cancellationToken), apis, captured, helperTexts, findings, cancellationToken, nesting + 1);
            }

            foreach (var anonymous in analysis.anonymousFunctions)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Analyze(graph.GetAnonymousFunctionControlFlowGraph(anonymous, cancellationToken), apis, captured, helperTexts, findings, cancellationToken, nesting + 1);
            }
        }

        protected override SocketValueState CreateEntryState() => new();

        protected override SocketValueState Clone(SocketValueState state) => state.Clone();

        protected override bool JoinInto(SocketValueState target, SocketValueState source) => target.JoinFrom(source);

        protected override void Transfer(IOperation operation, SocketValueState state)
        {
            if (CurrentBlock is { } block && !ReferenceEquals(block, prunedFor))
            {
                prunedFor = block;
                if (state.Values.Count > NameLiveness.PruneAbove)
                {
                    Prune(block.Ordinal, state);
                }
            }

            Eval(operation, state);
        }

        /// <summary>The block whose entry state was last pruned.</summary>
        private BasicBlock? prunedFor;

        private NameLiveness? liveness;

        /// <summary>Reads whose buffer holds one stream read after them, with that buffer and the size they asked for (SOCK040's count branches).</summary>
        private readonly Dictionary<IInvocationOperation, ReadCount> oneReadCounts = new();

        /// <summary>Drops the values of locals and flow captures that no later block can use (absent is unknown), so a long method's state does not grow with it; see <see cref="NameLiveness"/>.</summary>
        private void Prune(int ordinal, SocketValueState state)
        {
            liveness ??= NameLiveness.Compute(Graph, KeyComparer.Instance, CancellationToken);
            if (liveness.DeadNames(state.Values.Keys, captured, ordinal) is { } dead)
            {
                foreach (var key in dead)
                {
                    state.Values.Remove(key);
                }
            }
        }

        /// <summary>Reports a finding once, only during the replay.</summary>
        internal void Report(DiagnosticDescriptor descriptor, IOperation at, ImmutableDictionary<string, string?> properties, params object[] arguments)
        {
            NoteFinding();
            if (!Reporting)
            {
                return;
            }

            var location = at.Syntax.GetLocation();
            if (reported.Add(location))
            {
                findings.Add(new ValueFinding(descriptor, location, properties, arguments));
            }
        }

        // ---- names ----

        private static object? KeyOf(IOperation? operation) => operation switch
        {
            ILocalReferenceOperation local => local.Local,
            IFlowCaptureReferenceOperation capture => capture.Id,
            _ => null,
        };

        private void Set(object? key, SocketValue? value, SocketValueState state)
        {
            if (key is null)
            {
                return;
            }

            if (value is { } v && !(key is ISymbol symbol && captured.Contains(symbol)))
            {
                state.Values[key] = v;
            }
            else
            {
                state.Values.Remove(key);
            }
        }

        /// <summary>
        /// The name whose socket a receiver is: <c>s</c>, <c>udp</c>, or <c>udp.Client</c> (the same socket), or a field of
        /// this object the body follows (<see cref="MemberKey"/>: <c>_socket.EnableBroadcast = true;</c> after
        /// <c>_socket = new Socket(…)</c> configures the socket the field holds, fresh63 FALSE 1).
        /// </summary>
        private object? SocketKeyOf(IOperation? receiver)
        {
            var value = receiver?.WalkDownConversions();
            if (value is IPropertyReferenceOperation { Instance: { } owner } property && IsSocketAlias(property.Property))
            {
                value = owner.WalkDownConversions();
            }

            return KeyOf(value) ?? MemberKey(value);
        }

        // ---- transfer ----

        /// <summary>Applies the effects of <paramref name="operation"/> and returns what its value is, or null when unknown.</summary>
        internal SocketValue? Eval(IOperation? operation, SocketValueState state)
        {
            if (operation is null || Abandoned || !EnterExpression())
            {
                return null;
            }

            try
            {
                return EvalCore(operation, state);
            }
            finally
            {
                ExitExpression();
            }
        }

        private SocketValue? EvalCore(IOperation operation, SocketValueState state)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    return Eval(conversion.Operand, state);
                case IParenthesizedOperation parenthesized:
                    return Eval(parenthesized.Operand, state);
                case IAwaitOperation awaitOperation:
                    var awaited = Eval(awaitOperation.Operation, state);
                    // Other code runs before the method goes on: this object's members may change.
                    ForgetMembers(state);
                    return awaited;
                case ILocalReferenceOperation or IFlowCaptureReferenceOperation:
                    var key = KeyOf(operation)!;
                    if (state.Values.TryGetValue(key, out var known))
                    {
                        return known;
                    }

                    return TypeFacts(operation.Type);
                case IParameterReferenceOperation or IInstanceReferenceOperation:
                    return TypeFacts(operation.Type);
                case IFlowCaptureOperation capture:
                    // A store written through the graph's copy of its name is no longer followed as one read.
                    Set(capture.Id, SecondName(capture.Value, Eval(capture.Value, state), state), state);
                    return null;
                case ISimpleAssignmentOperation assignment:
                    return Assign(assignment, state);
                case IVariableDeclaratorOperation declarator:
                    var initial = SecondName(declarator.Initializer?.Value, Eval(declarator.Initializer?.Value, state), state);
                    Set(declarator.Symbol, initial, state);
                    return null;
                case IFieldReferenceOperation field:
                    Eval(field.Instance, state);
                    if (MemberKey(field) is { } fieldKey && state.Values.TryGetValue(fieldKey, out var held))
                    {
                        return held;
                    }

                    return WellKnownAddress(field.Field) ?? TypeFacts(field.Type) ?? StreamSocketField(field);
                case IPropertyReferenceOperation { Property.Name: "Result", Instance: { } task } when apis.Symbols.Framework.IsTaskOfResult(task.Type):
                    // listener.AcceptSocketAsync().Result: the task's result, waited for, as an await gives it (fresh53 M2).
                    return Eval(task, state);
                case IPropertyReferenceOperation property:
                    return Property(property, state);
                case IArrayElementReferenceOperation element:
                    var array = Eval(element.ArrayReference, state);
                    foreach (var index in element.Indices)
                    {
                        Eval(index, state);
                    }

                    // Only DNS's first answer is the one the code did not choose; [1] may be a deliberate pick (localhost's IPv4).
                    return array is { Address: AddressFacts.DnsList } && element.Indices.Length == 1
                        && element.Indices[0].ConstantValue is { HasValue: true, Value: 0 } ? new SocketValue(AddressFacts.DnsFirst) : null;
                case IArrayCreationOperation { Initializer: null, DimensionSizes.Length: 1, Type: IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte } } fresh:
                    // new byte[received]: holds nothing yet; an exact copy of one stream read makes it hold that read (ExactCopy).
                    Eval(fresh.DimensionSizes[0], state);
                    return new SocketValue(read: ReadFacts.Empty);
                case IObjectCreationOperation creation:
                    var made = Create(creation, state);
                    if (creation.Constructor is { DeclaringSyntaxReferences.IsEmpty: false })
                    {
                        ForgetMembers(state);
                    }

                    return made;
                case IInvocationOperation { TargetMethod: { Name: "GetResult", Parameters.Length: 0 }, Instance: IInvocationOperation { TargetMethod: { Name: "GetAwaiter", Parameters.Length: 0 }, Instance: { } task } }
                    when apis.Symbols.Framework.IsTaskOfResult(task.Type):
                    // task.GetAwaiter().GetResult(): the same.
                    return Eval(task, state);
                case IInvocationOperation invocation:
                    var result = Invoke(invocation, state);
                    if (!invocation.TargetMethod.DeclaringSyntaxReferences.IsEmpty || invocation.TargetMethod.MethodKind == MethodKind.DelegateInvoke)
                    {
                        // Code of the project (or a delegate) may assign this object's members.
                        ForgetMembers(state);
                    }

                    return result;
                case IArgumentOperation argument:
                    return Eval(argument.Value, state);
                case IFlowAnonymousFunctionOperation anonymous:
                    if (!Reporting)
                    {
                        RecordAnonymous(anonymous);
                    }

                    // A lambda may run at any time from here (another thread, a callback) and assign this object's members.
                    ForgetMembers(state);
                    return null;
                default:
                    foreach (var child in operation.ChildOperations)
                    {
                        if (IsWrittenByOther(child) && AssignedVariable(child) is ILocalReferenceOperation written)
                        {
                            // Also through a capture of the target (n += a ? 1 : 2): the local itself is written.
                            Set(written.Local, null, state);
                            continue;
                        }

                        Eval(child, state);
                    }

                    return null;
            }
        }

        private void RecordAnonymous(IFlowAnonymousFunctionOperation anonymous)
        {
            foreach (var seen in anonymousFunctions)
            {
                if (seen.Syntax == anonymous.Syntax)
                {
                    return;
                }
            }

            anonymousFunctions.Add(anonymous);
        }

        /// <summary>A local written by an operation the family does not model (compound assignment, increment, deconstruction).</summary>
        private static bool IsWrittenByOther(IOperation reference)
            => reference is ILocalReferenceOperation or IFlowCaptureReferenceOperation
                && reference.Parent is ICompoundAssignmentOperation or IIncrementOrDecrementOperation or IDeconstructionAssignmentOperation or ITupleOperation or ICoalesceAssignmentOperation;

        /// <summary>A private socket field its type only ever gives a stream socket (<see cref="AddressingApis.IsStreamSocketField"/>): a TCP socket of unknown family.</summary>
        private SocketValue? StreamSocketField(IFieldReferenceOperation field)
            => apis.IsStreamSocketField(field, Graph.OriginalOperation.SemanticModel, CancellationToken)
                ? new SocketValue(family: FamilyFacts.Unknown, broadcast: BroadcastFacts.Unknown, kind: KindFacts.Stream)
                : null;

        /// <summary>What the type alone says: a NetworkStream or SslStream is a stream transport.</summary>
        private SocketValue? TypeFacts(ITypeSymbol? type)
            => apis.IsStreamTransport(type) ? new SocketValue(kind: KindFacts.Stream) : null;

        private SocketValue? Assign(ISimpleAssignmentOperation assignment, SocketValueState state)
        {
            var value = SecondName(assignment.Value, Eval(assignment.Value, state), state);
            var target = AssignedVariable(assignment.Target);
            if (MemberKey(target) is { } member && (target is IFieldReferenceOperation || member.IsImplicitlyDeclared))
            {
                // A field of this object, or its auto-property: followed like a local until other code may run.
                Eval((target as IMemberReferenceOperation)?.Instance, state);
                Set(member, value, state);
                return value;
            }

            switch (target)
            {
                case ILocalReferenceOperation or IFlowCaptureReferenceOperation:
                    Set(KeyOf(target), value, state);
                    if (target is ILocalReferenceOperation { Local: var local })
                    {
                        state.Counts?.Remove(local);
                        if (ReadBody.UnwrapAwait(assignment.Value, apis.Symbols.Framework) is IInvocationOperation call && oneReadCounts.TryGetValue(call, out var count))
                        {
                            state.CountsForWrite()[local] = count;
                        }
                    }

                    break;
                case IPropertyReferenceOperation property:
                    Eval(property.Instance, state);
                    if (property.Property.Name == "Length")
                    {
                        ForgetStore(property.Instance, state);
                    }

                    SetProperty(property, assignment.Value, state);
                    break;
                default:
                    Eval(assignment.Target, state);
                    break;
            }

            return value;
        }

        /// <summary>
        /// <c>DualMode = …</c> and <c>EnableBroadcast = …</c> on a socket (or a UdpClient) this body follows. A property of
        /// the user's own subclass (even one named <c>DualMode</c>) runs code that may change the socket: it becomes unknown.
        /// </summary>
        private void SetProperty(IPropertyReferenceOperation property, IOperation value, SocketValueState state)
        {
            if (!IsSocketType(property.Property.ContainingType) || SocketKeyOf(property.Instance) is not { } key
                || !state.Values.TryGetValue(key, out var socket))
            {
                return;
            }

            if (IsSubclassMember(property.Property))
            {
                Set(key, null, state);
                return;
            }

            var constant = value.WalkDownConversions().ConstantValue;
            var flag = constant is { HasValue: true, Value: bool b } ? b : (bool?)null;
            var framework = apis.Symbols.Framework;
            switch (property.Property.Name)
            {
                case "DualMode" when framework.IsDualMode(property.Property):
                    var family = socket.Family;
                    if (flag is null || (family & (FamilyFacts.V6 | FamilyFacts.Dual)) == 0)
                    {
                        family = FamilyFacts.Unknown;
                    }
                    else if ((family & FamilyFacts.Unknown) == 0)
                    {
                        family = (family & FamilyFacts.V4) | (flag.Value ? FamilyFacts.Dual : FamilyFacts.V6);
                    }

                    state.Values[key] = socket.WithFamily(family);
                    break;
                case "EnableBroadcast" when framework.IsEnableBroadcast(property.Property):
                    state.Values[key] = socket.WithBroadcast(flag is null ? BroadcastFacts.Unknown : flag.Value ? BroadcastFacts.On : BroadcastFacts.Off);
                    break;
            }
        }

        /// <summary>
        /// <c>TcpClient.Client</c>, <c>UdpClient.Client</c>, <c>TcpListener.Server</c>: the catalogue's alias rows (the same socket).
        /// Asked of every property receiver; the catalogue turns away a name it has no row for before any symbol lookup.
        /// </summary>
        private bool IsSocketAlias(IPropertySymbol property)
            => apis.Symbols.Catalogue.Facts(property) is { } facts
                && (facts.Lifecycle(SocketModelType.TcpClient) ?? facts.Lifecycle(SocketModelType.UdpClient) ?? facts.Lifecycle(SocketModelType.TcpListener)) is { Operation: SocketOperation.Alias };

        /// <summary>A member that the user's subclass of a socket type declares (not one of the framework's socket types).</summary>
        private bool IsSubclassMember(ISymbol member)
        {
            var owner = member.ContainingType;
            var symbols = apis.Symbols;
            return IsSocketType(owner)
                && !SymbolEqualityComparer.Default.Equals(owner, symbols.Socket) && !SymbolEqualityComparer.Default.Equals(owner, symbols.UdpClient)
                && !SymbolEqualityComparer.Default.Equals(owner, symbols.TcpClient) && !SymbolEqualityComparer.Default.Equals(owner, symbols.TcpListener);
        }

        private bool IsSocketType(ITypeSymbol? type) => IsSocketType(type, apis);

        /// <summary>A <c>Socket</c>, <c>UdpClient</c>, <c>TcpClient</c> or <c>TcpListener</c>, or a subclass of one.</summary>
        internal static bool IsSocketType(ITypeSymbol? type, AddressingApis apis)
        {
            var symbols = apis.Symbols;
            return KnownSymbols.IsOrDerivesFrom(type, symbols.Socket) || KnownSymbols.IsOrDerivesFrom(type, symbols.UdpClient)
                || KnownSymbols.IsOrDerivesFrom(type, symbols.TcpClient) || KnownSymbols.IsOrDerivesFrom(type, symbols.TcpListener);
        }

        private SocketValue? WellKnownAddress(IFieldSymbol field) => WellKnownAddressFacts(field, apis) is { } facts ? new SocketValue(facts) : null;

        /// <summary>What a static field of <c>IPAddress</c> is as an address (<c>Any</c>, <c>Loopback</c>…), or null for any other field.</summary>
        internal static AddressFacts? WellKnownAddressFacts(IFieldSymbol field, AddressingApis apis)
        {
            if (!field.IsStatic || !SymbolEqualityComparer.Default.Equals(field.ContainingType, apis.Symbols.IPAddress))
            {
                return null;
            }

            return field.Name switch
            {
                "Any" => AddressFacts.AnyV4,
                "Loopback" => AddressFacts.V4,
                "Broadcast" => AddressFacts.Broadcast,
                "IPv6Any" => AddressFacts.AnyV6,
                "IPv6Loopback" => AddressFacts.V6,
                _ => null,
            };
        }

        /// <summary>
        /// The field a reference names when it is a field of this object (or a static one of its type) or an auto-property
        /// of it (its hidden field), or a property whose getter only returns such a field; null otherwise. The body follows
        /// what it assigns there (<c>ServerEndPoint = new IPEndPoint(IPAddress.Any, 5000); client.Connect(ServerEndPoint…)</c>,
        /// fresh21) until a call of the project, a delegate, an <c>await</c> or a lambda may change it (<see cref="ForgetMembers"/>).
        /// </summary>
        private IFieldSymbol? MemberKey(IOperation? reference) => reference switch
        {
            IFieldReferenceOperation { Field: { IsConst: false } field, Instance: null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } }
                => field.OriginalDefinition,
            IPropertyReferenceOperation { Arguments.Length: 0, Instance: null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } } property
                => NetworkFields.GetterField(property.Property, CancellationToken)?.OriginalDefinition,
            _ => null,
        };

        /// <summary>Forgets what this body gave the object's members: code it does not see may have run.</summary>
        private static void ForgetMembers(SocketValueState state)
        {
            if (state.Values.Count == 0)
            {
                return;
            }

            List<object>? members = null;
            foreach (var key in state.Values.Keys)
            {
                if (key is IFieldSymbol)
                {
                    (members ??= new List<object>()).Add(key);
                }
            }

            if (members is not null)
            {
                foreach (var key in members)
                {
                    state.Values.Remove(key);
                }
            }
        }

        private SocketValue? Property(IPropertyReferenceOperation property, SocketValueState state)
        {
            if (MemberKey(property) is { } held && state.Values.TryGetValue(held, out var known))
            {
                Eval(property.Instance, state);
                return known;
            }

            var instance = Eval(property.Instance, state);
            foreach (var argument in property.Arguments)
            {
                Eval(argument.Value, state);
            }

            switch (property.Property.Name)
            {
                case "Address" when apis.IsEndPointAddress(property.Property):
                    return instance is { Address: not AddressFacts.None } ? new SocketValue(instance.Value.Address) : null;
                case "AddressList" when instance is { Address: AddressFacts.DnsList } && apis.IsAddressList(property.Property):
                    return instance;
                case "AddressFamily" when instance is { Address: not AddressFacts.None } && (instance.Value.Address & AddressFacts.Unknown) == 0
                    && apis.IsAddressFamilyOfAddress(property.Property):
                    return new SocketValue(family: instance.Value.FamilyOfAddress());
                case "Client" or "Server" when IsSocketAlias(property.Property):
                    return instance;
                default:
                    return TypeFacts(property.Type);
            }
        }

        private SocketValue? Create(IObjectCreationOperation creation, SocketValueState state)
        {
            var type = creation.Type;
            var symbols = apis.Symbols;
            var view = apis.IsView(type);
            SocketValue? first = null;
            var wrappedInput = creation.Constructor is { DeclaringSyntaxReferences.IsEmpty: false } constructor && !creation.Arguments.IsEmpty
                ? apis.ParserWrapperOrdinal(constructor, Graph.OriginalOperation.SemanticModel, CancellationToken)
                : -1;
            var values = wrappedInput >= 0 ? new SocketValue?[creation.Arguments.Length] : null;
            var readerOver = creation.Constructor is { } constructed ? symbols.Catalogue.Facts(constructed)?.ReaderOver : null;
            SocketValue? overStream = null;
            for (var i = 0; i < creation.Arguments.Length; i++)
            {
                var argument = creation.Arguments[i];
                var value = Eval(argument.Value, state);
                if (i == 0)
                {
                    first = value;
                }

                if (readerOver is int over && argument.Parameter?.Ordinal == over)
                {
                    overStream = value;
                }

                if (values is not null)
                {
                    values[i] = value;
                }

                if (!view && !IsSocketType(type) && !KnownSymbols.IsOrDerivesFrom(type, symbols.IPEndPoint))
                {
                    Escape(argument, state);
                }
            }

            if (values is not null)
            {
                // The project's constructor that parses its input (new Envelope(buffer)): the input is the parser's, as it
                // was before the arguments escaped into the constructor.
                Framing.FramingCheck.Check(this, creation, creation.Arguments, values, wrappedInput, "new " + type?.Name);
            }

            SocketValue? result = null;
            if (KnownSymbols.IsOrDerivesFrom(type, symbols.Socket))
            {
                result = NewSocket(creation, first);
            }
            else if (KnownSymbols.IsOrDerivesFrom(type, symbols.IPEndPoint))
            {
                result = first is { } address && address.Address != AddressFacts.None ? new SocketValue(address.Address) : null;
            }
            else if (KnownSymbols.IsOrDerivesFrom(type, symbols.UdpClient))
            {
                result = new SocketValue(family: ClientFamily(creation, first, FamilyFacts.V4), broadcast: BroadcastFacts.Off, kind: KindFacts.Datagram);
            }
            else if (KnownSymbols.IsOrDerivesFrom(type, symbols.TcpClient))
            {
                result = new SocketValue(family: ClientFamily(creation, first, FamilyFacts.Unknown), broadcast: BroadcastFacts.Unknown, kind: KindFacts.Stream);
            }
            else if (KnownSymbols.IsOrDerivesFrom(type, symbols.TcpListener))
            {
                result = new SocketValue(family: FamilyFacts.Unknown, broadcast: BroadcastFacts.Unknown, kind: KindFacts.Stream);
            }
            else if (apis.IsStreamTransport(type))
            {
                result = first is { Kind: not KindFacts.None } inner ? new SocketValue(kind: inner.Kind) : null;
            }
            else if (overStream is { Kind: KindFacts.Stream, Read: ReadFacts.None })
            {
                // new StreamReader(client.GetStream()): a reader of a stream socket's bytes (its char reads, for SOCK040).
                result = new SocketValue(kind: KindFacts.Stream);
            }
            else if (apis.Symbols.Framework.IsEmptyStoreCreation(creation))
            {
                result = new SocketValue(read: ReadFacts.Empty);
            }
            else if (view && first is { Read: not ReadFacts.None } bytes)
            {
                result = new SocketValue(read: bytes.Read, readApi: bytes.ReadApi);
            }
            else if (type?.SpecialType == SpecialType.System_String && first is { Read: not ReadFacts.None } chars
                && creation.Constructor?.Parameters is { Length: 1 or 3 } parameters && parameters[0].Type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Char })
            {
                // new string(chars, 0, n) after reader.Read(chars, …): the text of that one read (fresh102 M1).
                result = new SocketValue(read: chars.Read, readApi: chars.ReadApi);
            }

            if (creation.Initializer is { } initializer)
            {
                result = Initialize(initializer, result, state);
            }

            return result;
        }

        /// <summary>An object initializer's <c>DualMode = true</c>, <c>EnableBroadcast = true</c>.</summary>
        private SocketValue? Initialize(IObjectOrCollectionInitializerOperation initializer, SocketValue? created, SocketValueState state)
        {
            var temporary = new object();
            Set(temporary, created, state);
            foreach (var member in initializer.Initializers)
            {
                if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment
                    && property.Instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver })
                {
                    Eval(assignment.Value, state);
                    if (state.Values.TryGetValue(temporary, out var socket) && IsSocketType(property.Property.ContainingType))
                    {
                        if (IsSubclassMember(property.Property))
                        {
                            Set(temporary, null, state);
                            continue;
                        }

                        var constant = assignment.Value.WalkDownConversions().ConstantValue;
                        var flag = constant is { HasValue: true, Value: bool b } ? b : (bool?)null;
                        if (apis.Symbols.Framework.IsDualMode(property.Property))
                        {
                            state.Values[temporary] = socket.WithFamily(flag is null || (socket.Family & FamilyFacts.V6) == 0 ? FamilyFacts.Unknown : flag.Value ? FamilyFacts.Dual : FamilyFacts.V6);
                        }
                        else if (apis.Symbols.Framework.IsEnableBroadcast(property.Property))
                        {
                            state.Values[temporary] = socket.WithBroadcast(flag is null ? BroadcastFacts.Unknown : flag.Value ? BroadcastFacts.On : BroadcastFacts.Off);
                        }
                    }
                }
                else
                {
                    Eval(member, state);
                }
            }

            var result = state.Values.TryGetValue(temporary, out var final) ? final : (SocketValue?)null;
            state.Values.Remove(temporary);
            return result;
        }

        /// <summary><c>new Socket(family, type, protocol)</c>: the family from a constant (or from an address's family), dual mode for <c>new Socket(type, protocol)</c>.</summary>
        private SocketValue NewSocket(IObjectCreationOperation creation, SocketValue? first)
        {
            var family = FamilyFacts.Unknown;
            var kind = KindFacts.Unknown;
            var typed = false;
            var hasFamily = false;
            foreach (var argument in creation.Arguments)
            {
                var parameterType = argument.Parameter?.Type;
                var constant = argument.Value.WalkDownConversions().ConstantValue;
                if (SymbolEqualityComparer.Default.Equals(parameterType, apis.AddressFamily))
                {
                    hasFamily = true;
                    family = constant is { HasValue: true, Value: int f } ? FamilyFromConstant(f) : first is { Family: not FamilyFacts.None } from ? from.Family : FamilyFacts.Unknown;
                }
                else if (SymbolEqualityComparer.Default.Equals(parameterType, apis.Symbols.SocketType))
                {
                    typed = true;
                    kind = constant is { HasValue: true, Value: int t } ? t switch
                    {
                        1 => KindFacts.Stream,
                        2 => KindFacts.Datagram,
                        _ => KindFacts.Unknown,
                    } : KindFacts.Unknown;
                }
            }

            if (typed && !hasFamily)
            {
                // Socket(SocketType, ProtocolType): an IPv6 socket with DualMode on (where the OS has IPv6).
                family = FamilyFacts.Unknown | FamilyFacts.Dual;
            }

            return new SocketValue(family: family, broadcast: typed ? BroadcastFacts.Off : BroadcastFacts.Unknown, kind: kind);
        }

        internal static FamilyFacts FamilyFromConstant(int value) => value switch
        {
            2 => FamilyFacts.V4,
            23 => FamilyFacts.V6,
            _ => FamilyFacts.Unknown,
        };

        /// <summary>The family of a TcpClient or UdpClient: from an AddressFamily argument, or a local endpoint's address; a host name connects through DNS (unknown).</summary>
        private FamilyFacts ClientFamily(IObjectCreationOperation creation, SocketValue? first, FamilyFacts byDefault)
        {
            foreach (var argument in creation.Arguments)
            {
                var parameterType = argument.Parameter?.Type;
                if (SymbolEqualityComparer.Default.Equals(parameterType, apis.AddressFamily))
                {
                    return argument.Value.WalkDownConversions().ConstantValue is { HasValue: true, Value: int f } ? FamilyFromConstant(f) : FamilyFacts.Unknown;
                }

                if (parameterType?.SpecialType == SpecialType.System_String)
                {
                    return FamilyFacts.Unknown;
                }

                if (KnownSymbols.IsOrDerivesFrom(parameterType, apis.Symbols.IPEndPoint))
                {
                    return first is { } endpoint ? endpoint.FamilyOfAddress() : FamilyFacts.Unknown;
                }
            }

            return byDefault;
        }

        /// <summary>A socket or buffer handed to code the family does not model: anything may happen to it there.</summary>
        private void Escape(IArgumentOperation argument, SocketValueState state)
        {
            // A ref argument the graph captured first (Exchange(ref _socket, new Socket(…) { … })): the variable captured.
            var value = AssignedVariable(argument.Value.WalkDownConversions());
            if (argument.Parameter?.RefKind is RefKind.Ref or RefKind.Out)
            {
                Set(KeyOf(value) ?? MemberKey(value), null, state);
                return;
            }

            if (value.Type?.SpecialType == SpecialType.System_String)
            {
                // A string cannot change: handed to Console.WriteLine("got {0}", data) or a logger before it is parsed, it is
                // still the text of one read (fresh15 miss 1).
                return;
            }

            if (value is IInvocationOperation { Arguments.Length: > 0 } viewCall && apis.Symbols.Framework.IsArrayView(viewCall.TargetMethod))
            {
                value = viewCall.Arguments[0].Value.WalkDownConversions();
            }

            if (KeyOf(value) is null && MemberKey(value) is not null && !IsSocketType(value.Type) && value.Type is not IArrayTypeSymbol)
            {
                // A member's endpoint handed to a framework call (Console.WriteLine(serverEndPoint), fresh21) stays what the
                // body gave it; a socket field handed over may be configured there (SetSocketOption, EnableBroadcast), and an
                // array field filled (Buffer.BlockCopy(src, 0, _buffer, 0, n)).
                return;
            }

            Set(SocketKeyOf(value), null, state);
        }

        private static string ParserName(IMethodSymbol method) => method.ContainingType.Name + "." + method.Name;

        private SocketValue? Invoke(IInvocationOperation invocation, SocketValueState state)
        {
            var method = invocation.TargetMethod;

            var instance = Eval(invocation.Instance, state);
            var values = new SocketValue?[invocation.Arguments.Length];
            var role = apis.RoleOf(method);
            var parser = apis.IsParser(method);
            var wrappedInput = parser || method.DeclaringSyntaxReferences.IsEmpty ? -1 : apis.ParserWrapperOrdinal(method, Graph.OriginalOperation.SemanticModel, CancellationToken);
            // A Stream read is asked of the read model only when this family already knows the receiver is a stream
            // transport: the model's own test for an untyped Stream local scans the body, which must not happen per visit.
            var read = !apis.IsStream(method.ContainingType) || instance is { Kind: KindFacts.Stream }
                ? apis.Symbols.Reads.TryGetRead(invocation, CancellationToken, Graph.OriginalOperation.SemanticModel)
                : null;
            if (read is null && instance is { Kind: KindFacts.Stream, Read: ReadFacts.None } && apis.Symbols.Reads.TryGetCharRead(invocation, CancellationToken) is { } charRead)
            {
                // reader.ReadAsync(chars, …) on a reader this body made over a stream transport (Create): its characters are
                // what one read of that stream brought.
                read = charRead;
            }

            var known = role != EndpointRole.None || parser || read is not null || IsKnownPure(method);
            for (var i = 0; i < invocation.Arguments.Length; i++)
            {
                values[i] = Eval(invocation.Arguments[i].Value, state);
            }

            if (role != EndpointRole.None)
            {
                AddressingChecks.Check(this, invocation, role, instance, values);
            }

            if (parser)
            {
                Framing.FramingCheck.Check(this, invocation, invocation.Arguments, values, 0, ParserName(method));
            }
            else if (wrappedInput >= 0)
            {
                // The project's one-line wrapper of a parser (FromJson(msg)): its input is the parser's.
                Framing.FramingCheck.Check(this, invocation, invocation.Arguments, values, wrappedInput, ParserName(method));
            }

            if (read is not null && Framing.FramingCheck.Read(this, read, instance, state) is { } filledBuffer)
            {
                oneReadCounts[invocation] = new ReadCount(filledBuffer, read.Count?.WalkDownConversions().Syntax);
            }

            var copied = ExactCopy(invocation, instance, values, state);
            for (var i = 0; i < invocation.Arguments.Length; i++)
            {
                if (!known || invocation.Arguments[i].Parameter?.RefKind is RefKind.Ref or RefKind.Out)
                {
                    Escape(invocation.Arguments[i], state);
                }
            }

            if (copied is { } copy)
            {
                SetBuffer(copy.Key, ReadFacts.OneStreamRead, copy.ReadApi, state);
            }

            if (!known && SocketKeyOf(invocation.Instance) is { } optionKey && state.Values.TryGetValue(optionKey, out var configured))
            {
                if (apis.Symbols.Framework.IsSetSocketOption(method))
                {
                    SetOption(invocation, optionKey, configured, state);
                }
                else if (IsSubclassMember(method))
                {
                    // Any method of the user's own subclass may set Broadcast or IPv6Only.
                    Set(optionKey, null, state);
                }
            }

            if (Store(invocation, values, state, out var stored))
            {
                return stored;
            }

            return Result(invocation, method, instance, values);
        }

        /// <summary>
        /// SOCK040 (audit84 M4, a game client: <c>var packet = new byte[received]; Array.Copy(_buffer, 0, packet, 0, received);</c>
        /// then <c>Deserialize(GetString(packet))</c>): a copy the catalogue knows (<see cref="Model.ApiRow.CopiesBytes"/>:
        /// <c>Array.Copy</c>, <c>Buffer.BlockCopy</c>, <c>CopyTo</c>…) of one stream read, from its start, to the start of a
        /// byte array this body made and has not written since: the copy holds (a part of) that read. Returns the copy's
        /// name and the read, or null.
        /// </summary>
        private (object Key, string? ReadApi)? ExactCopy(IInvocationOperation invocation, SocketValue? instance, SocketValue?[] values, SocketValueState state)
        {
            if (apis.Symbols.Catalogue.Facts(invocation.TargetMethod)?.Copy is not { } shape
                || !AtStart(shape.SourceOffset) || !AtStart(shape.DestinationOffset)
                || ValueAt(shape.Source) is not { Read: ReadFacts.OneStreamRead } read
                || Model.CatalogueIndex.Argument(invocation, shape.Destination)?.WalkDownConversions() is not { Type: IArrayTypeSymbol } destination
                || KeyOf(destination) is not { } key
                || !state.Values.TryGetValue(key, out var held) || held.Read != ReadFacts.Empty)
            {
                return null;
            }

            return (key, read.ReadApi);

            bool AtStart(int? offset)
                => offset is null || Model.CatalogueIndex.Argument(invocation, offset)?.WalkDownConversions().ConstantValue is { HasValue: true, Value: 0 or 0L };

            SocketValue? ValueAt(int ordinal)
            {
                if (ordinal == Model.SocketApiCatalogue.Instance)
                {
                    return instance;
                }

                for (var i = 0; i < invocation.Arguments.Length; i++)
                {
                    if (invocation.Arguments[i].Parameter?.Ordinal == ordinal)
                    {
                        return values[i];
                    }
                }

                return null;
            }
        }

        /// <summary><c>SocketOptionName.Broadcast</c> and <c>SocketOptionName.IPv6Only</c>, the only options the family's facts depend on.</summary>
        private const int BroadcastOption = 32;
        private const int IPv6OnlyOption = 27;

        /// <summary>
        /// <c>s.SetSocketOption(level, name, value)</c> on a socket this body follows. <c>Broadcast</c> with a constant value
        /// sets the permission as <c>EnableBroadcast</c> does (<c>1</c> or <c>true</c> on, <c>0</c> or <c>false</c> off, any other
        /// value unknown); <c>IPv6Only</c> or a name that is not a constant makes the socket unknown; any other constant name
        /// (<c>ReceiveTimeout</c>, <c>IpTimeToLive</c>, <c>ReuseAddress</c>…) changes neither its family nor its permission, so
        /// the socket stays what it was (fresh64: a ping's timeout set before a send to the first DNS address hid SOCK030).
        /// </summary>
        private void SetOption(IInvocationOperation call, object key, SocketValue socket, SocketValueState state)
        {
            if (Model.CatalogueIndex.Argument(call.Arguments, 1)?.WalkDownConversions().ConstantValue is not { HasValue: true, Value: int name }
                || name == IPv6OnlyOption)
            {
                Set(key, null, state);
                return;
            }

            if (name != BroadcastOption)
            {
                return;
            }

            var permission = Model.CatalogueIndex.Argument(call.Arguments, 2)?.WalkDownConversions().ConstantValue switch
            {
                { HasValue: true, Value: bool flag } => flag ? BroadcastFacts.On : BroadcastFacts.Off,
                { HasValue: true, Value: int number } => number != 0 ? BroadcastFacts.On : BroadcastFacts.Off,
                _ => BroadcastFacts.Unknown,
            };
            state.Values[key] = socket.WithBroadcast(permission);
        }

        /// <summary>
        /// SOCK040: a call on a <c>MemoryStream</c> or <c>StringBuilder</c> this body made empty (<see cref="ReadFacts.Empty"/>).
        /// The one write of one stream read from its start (<c>ms.Write(buffer, 0, n)</c>, <c>sb.Append(text)</c>) makes it hold
        /// that read; a look (<c>Seek</c>, <c>Flush</c>) leaves it; <c>ToArray()</c>, <c>GetBuffer()</c> and the builder's
        /// <c>ToString()</c> give what it holds (true, with <paramref name="result"/>); any other call (a second write, a write of
        /// anything else, <c>SetLength</c>, a call chained on a write's result) makes it hold something else.
        /// </summary>
        private bool Store(IInvocationOperation invocation, SocketValue?[] values, SocketValueState state, out SocketValue? result)
        {
            result = null;
            var framework = apis.Symbols.Framework;
            var receiver = invocation.Instance?.WalkDownConversions();
            if (receiver is null || !framework.IsStore(receiver.Type))
            {
                return false;
            }

            var builder = framework.IsStringBuilder(receiver.Type);
            var chained = false;
            while (receiver is IInvocationOperation { Instance: { } inner } && framework.IsStore(inner.Type))
            {
                // sb.Append(a).Append(b): the builder the chain starts from.
                receiver = inner.WalkDownConversions();
                chained = true;
            }

            if (StoreKey(receiver) is not { } key || !state.Values.TryGetValue(key, out var held) || held.Read == ReadFacts.None)
            {
                return false;
            }

            var written = ReadFacts.Other;
            string? api = held.ReadApi;
            switch (invocation.TargetMethod.Name)
            {
                case "Seek" or "Flush" or "FlushAsync" when !chained:
                    return false;
                case "ToArray" or "GetBuffer" when !chained && !builder && invocation.Arguments.Length == 0:
                case "ToString" when !chained && builder && invocation.Arguments.Length == 0:
                    result = held.Read == ReadFacts.OneStreamRead ? new SocketValue(read: ReadFacts.OneStreamRead, readApi: held.ReadApi) : null;
                    return true;
                case "Write" or "WriteAsync" when !chained && !builder && held.Read == ReadFacts.Empty && WrittenFromStart(invocation, values) is { } bytes:
                    (written, api) = (ReadFacts.OneStreamRead, bytes.ReadApi);
                    break;
                case "Append" or "AppendLine" when !chained && builder && held.Read == ReadFacts.Empty && invocation.Arguments.Length == 1
                    && invocation.Arguments[0].Value.Type?.SpecialType == SpecialType.System_String && values[0] is { Read: ReadFacts.OneStreamRead } text:
                    (written, api) = (ReadFacts.OneStreamRead, text.ReadApi);
                    break;
            }

            state.Values[key] = held.WithRead(written, api);
            return false;
        }

        /// <summary>The name a store is followed under: a local, a flow capture, or a field of this object (<see cref="MemberKey"/>).</summary>
        private object? StoreKey(IOperation store) => KeyOf(store) ?? MemberKey(store);

        /// <summary>The bytes a <c>MemoryStream</c> write copies when they are one stream read taken from its start (offset 0, or a span or memory of it).</summary>
        private static SocketValue? WrittenFromStart(IInvocationOperation write, SocketValue?[] values)
        {
            SocketValue? bytes = null;
            var fromStart = true;
            for (var i = 0; i < write.Arguments.Length && i < values.Length; i++)
            {
                var parameter = write.Arguments[i].Parameter;
                if (parameter?.Ordinal == 0)
                {
                    bytes = values[i];
                    fromStart = parameter.Type is not IArrayTypeSymbol;
                }
                else if (parameter?.Ordinal == 1 && parameter.Type.SpecialType == SpecialType.System_Int32)
                {
                    fromStart = write.Arguments[i].Value.WalkDownConversions().ConstantValue is { HasValue: true, Value: 0 };
                }
            }

            return fromStart && bytes is { Read: ReadFacts.OneStreamRead } ? bytes : null;
        }

        /// <summary>
        /// The value a name is given from <paramref name="source"/>: a store this body follows given a second name holds,
        /// under both names, something other than one read (<see cref="ForgetStore"/>).
        /// </summary>
        private SocketValue? SecondName(IOperation? source, SocketValue? value, SocketValueState state)
            => ForgetStore(source, state) && value is { } store ? store.WithRead(ReadFacts.Other, store.ReadApi) : value;

        /// <summary>
        /// <c>var other = ms;</c> or <c>sb.Length = 0</c>: a store this body follows gets a second name, or is emptied or cut
        /// without a call; what it holds is no longer known to be one read (and is not followed through the other name).
        /// True when <paramref name="reference"/> names such a store.
        /// </summary>
        private bool ForgetStore(IOperation? reference, SocketValueState state)
        {
            var value = reference?.WalkDownConversions();
            if (value is null || !apis.Symbols.Framework.IsStore(value.Type))
            {
                return false;
            }

            if (StoreKey(value) is { } key && state.Values.TryGetValue(key, out var held) && held.Read != ReadFacts.None)
            {
                state.Values[key] = held.WithRead(ReadFacts.Other, held.ReadApi);
                return true;
            }

            return false;
        }

        /// <summary>Calls that neither keep nor change the sockets and buffers they are given.</summary>
        private bool IsKnownPure(IMethodSymbol method)
        {
            var owner = method.ContainingType;
            return KnownSymbols.IsOrDerivesFrom(owner, apis.Encoding)
                || SymbolEqualityComparer.Default.Equals(owner, apis.MemoryExtensions)
                || SymbolEqualityComparer.Default.Equals(owner, apis.Dns)
                || SymbolEqualityComparer.Default.Equals(owner, apis.Symbols.IPAddress)
                || apis.Symbols.Framework.IsConfigureAwait(method) || apis.Symbols.Framework.IsAsyncStreamConfigureAwait(method)
                || apis.Symbols.Catalogue.Facts(method)?.Lifecycle(SocketModelType.TcpClient) is { Operation: SocketOperation.MakeStream }
                || (SymbolEqualityComparer.Default.Equals(owner, apis.BinaryPrimitives) && method.Name.StartsWith("Read", System.StringComparison.Ordinal))
                || (SymbolEqualityComparer.Default.Equals(owner, apis.BitConverter) && method.Name.StartsWith("To", System.StringComparison.Ordinal));
        }

        private SocketValue? Result(IInvocationOperation invocation, IMethodSymbol method, SocketValue? instance, SocketValue?[] values)
        {
            var owner = method.ContainingType;
            var symbols = apis.Symbols;
            if (IsAddressParse(method, apis)
                && invocation.Arguments.Length == 1 && invocation.Arguments[0].Value.WalkDownConversions().ConstantValue is { HasValue: true, Value: string literal })
            {
                return Literal(literal);
            }

            if (IsDnsLookup(method, apis))
            {
                // Dns.GetHostAddresses("192.168.5.95") returns that address without asking DNS (fresh14 FALSE 1): not a list of
                // either family. What it holds is not followed.
                return method.Name is "GetHostAddresses" or "GetHostAddressesAsync" && invocation.Arguments.Length >= 1
                    && invocation.Arguments[0].Value.WalkDownConversions().ConstantValue is { HasValue: true, Value: string host }
                    && System.Net.IPAddress.TryParse(host, out _)
                    ? null
                    : new SocketValue(AddressFacts.DnsList);
            }

            if (SymbolEqualityComparer.Default.Equals(owner, apis.Enumerable) && method.Name is "First" or "FirstOrDefault"
                && invocation.Arguments.Length == 1 && values[0] is { Address: AddressFacts.DnsList })
            {
                return new SocketValue(AddressFacts.DnsFirst);
            }

            if (apis.Symbols.Framework.IsConfigureAwait(method))
            {
                return instance;
            }

            // The catalogue's lifecycle rows say which calls hand out a stream over a client, and which accept.
            var facts = symbols.Catalogue.Facts(method);
            if (facts?.Lifecycle(SocketModelType.TcpClient) is { Operation: SocketOperation.MakeStream })
            {
                return instance is { Kind: not KindFacts.None } client ? new SocketValue(kind: client.Kind) : new SocketValue(kind: KindFacts.Stream);
            }

            if (facts?.Accept is { Result: not null })
            {
                // An accepted connection: TCP.
                return new SocketValue(family: FamilyFacts.Unknown, broadcast: BroadcastFacts.Unknown, kind: KindFacts.Stream);
            }

            if (KnownSymbols.IsOrDerivesFrom(owner, apis.Encoding) && method.Name is "GetString" or "GetChars" && values.Length > 0)
            {
                return values[0] is { Read: not ReadFacts.None } bytes ? new SocketValue(read: bytes.Read, readApi: bytes.ReadApi) : null;
            }

            if ((SymbolEqualityComparer.Default.Equals(owner, apis.MemoryExtensions) && method.Name is "AsSpan" or "AsMemory" && values.Length > 0)
                || (method.Name is "Slice" or "ToArray" && apis.Symbols.Reads.IsSpanLike(owner)))
            {
                var source = owner is { } && SymbolEqualityComparer.Default.Equals(owner, apis.MemoryExtensions) ? values[0] : instance;
                return source is { Read: not ReadFacts.None } bytes ? new SocketValue(read: bytes.Read, readApi: bytes.ReadApi) : null;
            }

            if (owner?.SpecialType == SpecialType.System_String && !method.IsStatic && method.Name is "Trim" or "TrimEnd" or "TrimStart" or "Replace")
            {
                // GetString(data).Replace("\0", "") or .TrimEnd('\0'): the same read's text without its padding (fresh25 miss 2),
                // still one read. A cut (Substring, Split at a delimiter) is framing and ends the fact.
                return instance is { Read: not ReadFacts.None } text ? new SocketValue(read: text.Read, readApi: text.ReadApi) : null;
            }

            if (helperTexts && HelperReads.ResultType(method)?.SpecialType == SpecialType.System_String && HelperReads.MayBeHelper(invocation)
                && apis.Symbols.Reads.Helpers.At(invocation, CancellationToken, Graph.OriginalOperation.SemanticModel) is ({ OneReadText: true } helper, var receiver)
                && HelperReceiver(invocation, helper, receiver, values) is { Kind: KindFacts.Stream })
            {
                // string msg = ReadFromStream(stream);: the text of the one read the helper makes (fresh16 miss 1).
                return new SocketValue(read: ReadFacts.OneStreamRead, readApi: helper.ReadApi.Name + " in " + helper.Name);
            }

            return TypeFacts(method.ReturnType);
        }

        /// <summary>What the read of a helper reads from for this call: the caller's argument for the helper's parameter, or the helper's field.</summary>
        private SocketValue? HelperReceiver(IInvocationOperation invocation, HelperRead helper, IOperation receiver, SocketValue?[] values)
        {
            if (helper.Parameter is not { } parameter)
            {
                return TypeFacts(receiver.Type);
            }

            for (var i = 0; i < invocation.Arguments.Length && i < values.Length; i++)
            {
                if (invocation.Arguments[i].Parameter?.Ordinal == parameter.Ordinal)
                {
                    return values[i];
                }
            }

            return null;
        }

        private static SocketValue? Literal(string text)
        {
            if (!IPAddress.TryParse(text, out var address))
            {
                return null;
            }

            if (address.Equals(IPAddress.Any))
            {
                return new SocketValue(AddressFacts.AnyV4);
            }

            if (address.Equals(IPAddress.IPv6Any))
            {
                return new SocketValue(AddressFacts.AnyV6);
            }

            if (address.Equals(IPAddress.Broadcast))
            {
                return new SocketValue(AddressFacts.Broadcast);
            }

            return new SocketValue(address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? AddressFacts.V6 : AddressFacts.V4);
        }

        /// <summary>
        /// The array field of this object that an <c>End…</c> of the callback's own <c>IAsyncResult</c> parameter completes
        /// the receive of: every <c>Begin…</c> receive naming the method as its callback fills that field from its start
        /// (<see cref="Reads.UnreadBufferFields.BufferOfCallback"/>, the reads family's own test; audit84 M4, a game client's
        /// <c>OnReceived</c>). Null for a receive into a state object's field, a lambda's callback, or anything else.
        /// </summary>
        internal object? EndBufferKey(NetworkRead read)
        {
            if (!read.Api.IsApmEnd || read.Invocation.Arguments.Length != 1
                || read.Invocation.Arguments[0].Value.WalkDownConversions() is not IParameterReferenceOperation { Parameter.ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Ordinary } callback }
                || Graph.OriginalOperation.SemanticModel is not { } model)
            {
                return null;
            }

            return apis.Symbols.Reads.UnreadBuffers.BufferOfCallback(callback, model, CancellationToken) is { Kind: Reads.CallbackBufferKind.Own, Buffer: IFieldSymbol field }
                ? field.OriginalDefinition
                : null;
        }

        /// <summary>The name a value of a read goes into: the buffer local (or array field), and whether the read fills it from its start.</summary>
        internal (object? Key, bool FromStart) BufferOf(IOperation? buffer, IOperation? offset)
        {
            var value = buffer?.WalkDownConversions();
            var fromStart = offset is null || offset.WalkDownConversions().ConstantValue is { HasValue: true, Value: 0 };
            if (value is IInvocationOperation { Arguments.Length: > 0 } view && apis.Symbols.Framework.IsArrayView(view.TargetMethod))
            {
                if (view.Arguments.Length > 1 && view.Arguments[1].Value.WalkDownConversions().ConstantValue is not { HasValue: true, Value: 0 })
                {
                    fromStart = false;
                }

                value = view.Arguments[0].Value.WalkDownConversions();
            }

            // A byte[] field of this object too (audit84 M4b, audit85 M3: private readonly byte[] _buffer = new byte[4096];
            // received into, then parsed): followed as the other members are, until code the body does not see may run.
            return (KeyOf(value) ?? (value?.Type is IArrayTypeSymbol ? MemberKey(value) : null), fromStart);
        }

        /// <summary>
        /// SOCK040: a branch on a read's count against the size it asked for when the code computed that size
        /// (<c>n != length</c>, <c>n &lt; length</c>, <c>n == size</c>…): on the side where they are equal, the buffer holds
        /// the whole message the code expected.
        /// </summary>
        protected override void Refine(BasicBlock block, IOperation branchValue, SocketValueState state, bool conditionValue)
        {
            if (state.Counts is not { Count: > 0 } counts || branchValue.WalkDownConversions() is not IBinaryOperation comparison)
            {
                return;
            }

            var left = comparison.LeftOperand.WalkDownConversions();
            var right = comparison.RightOperand.WalkDownConversions();
            var countOnLeft = left is ILocalReferenceOperation { Local: var l } && counts.ContainsKey(l);
            if (!countOnLeft && !(right is ILocalReferenceOperation { Local: var r } && counts.ContainsKey(r)))
            {
                return;
            }

            var local = ((ILocalReferenceOperation)(countOnLeft ? left : right)).Local;
            var count = counts[local];
            var other = countOnLeft ? right : left;
            // Only a size the code computed (the length a header gave): a count equal to a fixed buffer's size (4096) says
            // the buffer is full, not that the message is whole.
            if (count.Size is not { } size || !other.Syntax.IsEquivalentTo(size) || other.ConstantValue.HasValue
                || other is IPropertyReferenceOperation { Property.Name: "Length" })
            {
                return;
            }

            // Where the count is the size: n == size true, n != size false, n < size false, n >= size true (and mirrored).
            bool? full = comparison.OperatorKind switch
            {
                BinaryOperatorKind.Equals => conditionValue,
                BinaryOperatorKind.NotEquals => !conditionValue,
                BinaryOperatorKind.LessThan => countOnLeft ? !conditionValue : null,
                BinaryOperatorKind.GreaterThanOrEqual => countOnLeft ? conditionValue : null,
                BinaryOperatorKind.GreaterThan => countOnLeft ? null : !conditionValue,
                BinaryOperatorKind.LessThanOrEqual => countOnLeft ? null : conditionValue,
                _ => null,
            };
            if (full == true)
            {
                Framing.FramingCheck.Filled(this, count, state);
            }
        }

        /// <summary>Sets what a buffer holds after a read.</summary>
        internal void SetBuffer(object key, ReadFacts read, string? api, SocketValueState state)
        {
            if (key is ISymbol symbol && captured.Contains(symbol))
            {
                return;
            }

            state.Values[key] = new SocketValue(read: read, readApi: api);
        }
    }
}
