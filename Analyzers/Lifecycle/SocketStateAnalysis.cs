using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Common;
using SocketAnalyzers.Flow;
using SocketAnalyzers.Model;

namespace SocketAnalyzers.Lifecycle
{
    /// <summary>A misuse the engine is certain of: which rule, where, and the message arguments.</summary>
    internal sealed class LifecycleFinding
    {
        public LifecycleFinding(string ruleId, Location location, object[] arguments, ImmutableDictionary<string, string?> properties)
        {
            RuleId = ruleId;
            Location = location;
            Arguments = arguments;
            Properties = properties;
        }

        public string RuleId { get; }

        public Location Location { get; }

        public object[] Arguments { get; }

        public ImmutableDictionary<string, string?> Properties { get; }
    }

    /// <summary>
    /// The socket typestate family of the flow kernel (<see cref="FlowAnalysis{TState}"/>): each abstract socket
    /// carries the set of states it may be in; branches join (set union), loops run to a fixed point, exceptions
    /// enter handlers with every state seen in the try, finally regions run between a branch and its destination.
    /// Operations are checked against <see cref="SocketProtocolModel.Protocol"/> on the converged states and
    /// reported only when every state the socket may be in breaks the same protocol row. A certain (sync or awaited)
    /// operation that throws in every state ends its path: nothing after it runs, so nothing after it is reported
    /// and no state flows from it around a loop.
    /// Lambdas and local functions are analyzed as bodies of their own.
    /// </summary>
    internal sealed class SocketStateAnalysis : FlowAnalysis<FlowState>
    {
        /// <summary>The ids of the property keys a finding carries for the code fixes.</summary>
        public const string CallFirstProperty = "CallFirst";

        /// <summary>
        /// Set on a finding that only the turns of a loop after the first make certain (the loop left the socket in
        /// that state for its next turn): the fixes that add a missing step before the call do not apply to it.
        /// </summary>
        public const string NextTurnProperty = "NextTurn";

        private const int MaxNestingDepth = 16;


        /// <summary>Rule precedence when the states a socket may be in break different rules.</summary>
        private static readonly string[] Precedence =
        {
            RuleIdentifiers.UseAfterCloseOrShutdown,
            RuleIdentifiers.IoOnListeningSocket,
            RuleIdentifiers.AcceptWithoutListen,
            RuleIdentifiers.IoOnUnconnectedSocket,
            RuleIdentifiers.ListenWithoutBind,
            RuleIdentifiers.UnsupportedOperation,
        };

        /// <summary>
        /// For a field whose states come from the class summary, the step no method takes is the story: a client
        /// that no method connects is "never connected" even though Dispose may also have closed it.
        /// </summary>
        private static readonly string[] SummaryPrecedence =
        {
            RuleIdentifiers.AcceptWithoutListen,
            RuleIdentifiers.IoOnListeningSocket,
            RuleIdentifiers.IoOnUnconnectedSocket,
            RuleIdentifiers.ListenWithoutBind,
            RuleIdentifiers.UseAfterCloseOrShutdown,
            RuleIdentifiers.UnsupportedOperation,
        };

        private readonly SocketProtocolModel model;
        private readonly BodyScope scope;
        private readonly INamedTypeSymbol? containingType;
        private readonly Dictionary<object, int> siteIds = new(KeyComparer.Instance);
        private readonly Dictionary<object, int> entryIds = new(KeyComparer.Instance);
        private readonly Dictionary<int, object> entryKeys = new();
        private readonly List<IFlowAnonymousFunctionOperation> anonymousFunctions = new();
        private readonly Dictionary<CaptureId, SocketModelType> captureTypes = new();

        /// <summary>Captures of <c>using (client.GetStream())</c>: true when every value captured is a stream that owns its socket.</summary>
        private readonly Dictionary<CaptureId, bool> owningCaptures = new();

        /// <summary>Locals answered by <see cref="OwningLocal"/>.</summary>
        private Dictionary<ILocalSymbol, bool>? owningLocals;

        /// <summary>The abstract readers and writers over a network stream (<see cref="SocketModelType.StreamWrapper"/>), by id, with the type each was made as.</summary>
        private readonly Dictionary<int, INamedTypeSymbol> wrapperTypes = new();

        // The implementations ImplementationOf found in this body: a body has a few reader and writer types at most.
        private readonly List<(INamedTypeSymbol Type, ISymbol Member, ISymbol? Implementation)> implementations = new();

        /// <summary>The sockets each reader or writer of <see cref="wrapperTypes"/> was made over, on any path (sorted ids).</summary>
        private readonly Dictionary<int, int[]> wrapperInner = new();



        private readonly ImmutableDictionary<IFieldSymbol, SocketFacts> fieldFacts;

        /// <summary>The class's field summary, and the body (a member or a <see cref="FunctionKey"/>) this analysis follows.</summary>
        private readonly FieldTypestate? fields;
        private readonly object? owner;

        /// <summary>
        /// Abstract sockets whose facts come from the class's field summary (<see cref="FieldTypestate"/>), with the states
        /// the summary gave them (joined over every place that gave them some).
        /// </summary>
        private readonly Dictionary<int, SocketStates> summarized = new();
        private readonly Dictionary<IMethodSymbol, ImmutableDictionary<IFieldSymbol, SocketFacts>> helperEntries = new(SymbolEqualityComparer.Default);
        private readonly List<LifecycleFinding> findings = new();
        private readonly HashSet<Location> reported = new();

        private SocketStateAnalysis(SocketProtocolModel model, ControlFlowGraph cfg, BodyScope scope, INamedTypeSymbol? containingType, FieldTypestate? fields, object? owner, CancellationToken cancellationToken)
            : base(cfg, cancellationToken)
        {
            this.model = model;
            this.scope = scope;
            this.containingType = containingType;
            this.fields = fields;
            this.owner = owner;
            fieldFacts = fields is not null && owner is not null ? fields.EntryFacts(owner) : ImmutableDictionary<IFieldSymbol, SocketFacts>.Empty;
        }

        private ControlFlowGraph cfg => Graph;

        private CancellationToken cancellationToken => CancellationToken;

        /// <summary>Analyzes a body and, each as its own body, the lambdas and local functions in it.</summary>
        /// <param name="fields">The class's summary of its private socket fields (null: their state is unknown at entry).</param>
        /// <param name="owner">The member whose body <paramref name="cfg"/> is; its lambdas and local functions are bodies of their own.</param>
        public static void Analyze(ControlFlowGraph cfg, SocketProtocolModel model, BodyScope scope, INamedTypeSymbol? containingType, FieldTypestate? fields, ISymbol owner, List<LifecycleFinding> findings, CancellationToken cancellationToken)
            => Analyze(cfg, model, scope, scope.RootUsesModel, containingType, fields, owner, findings, cancellationToken, 0);

        private static void Analyze(ControlFlowGraph cfg, SocketProtocolModel model, BodyScope scope, bool analyzeThis, INamedTypeSymbol? containingType, FieldTypestate? fields, object owner, List<LifecycleFinding> findings, CancellationToken cancellationToken, int depth)
        {
            if (depth > MaxNestingDepth)
            {
                return;
            }

            var analysis = new SocketStateAnalysis(model, cfg, scope, containingType, fields, owner, cancellationToken) { tracksLoopTurns = scope.LoopsChangeState };
            if (scope.FunctionsUseModel)
            {
                // Walking every operation of the graph for lambdas is wasted when none of them would be analyzed.
                analysis.CollectAnonymousFunctions();
            }

            if (analyzeThis && analysis.Run() && analysis.ReplayCanReport)
            {
                analysis.Replay();
                if (!analysis.Abandoned)
                {
                    findings.AddRange(analysis.findings);
                }
            }

            foreach (var localFunction in cfg.LocalFunctions)
            {
                if (localFunction.DeclaringSyntaxReferences.Length > 0
                    && localFunction.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is { } syntax && scope.Leads(syntax))
                {
                    Analyze(cfg.GetLocalFunctionControlFlowGraph(localFunction, cancellationToken), model, scope, scope.Uses(syntax), containingType, fields, FunctionKey.Of(syntax), findings, cancellationToken, depth + 1);
                }
            }

            foreach (var anonymous in analysis.anonymousFunctions)
            {
                if (scope.Leads(anonymous.Syntax))
                {
                    Analyze(cfg.GetAnonymousFunctionControlFlowGraph(anonymous, cancellationToken), model, scope, scope.Uses(anonymous.Syntax), containingType, fields, FunctionKey.Of(anonymous.Syntax), findings, cancellationToken, depth + 1);
                }
            }
        }

        protected override FlowState CreateEntryState()
        {
            var state = new FlowState();
            foreach (var pair in fieldFacts)
            {
                // A summarised field holds, at entry, a socket in one of the states the class can leave it in.
                if (EntryOf(pair.Key) is int entry)
                {
                    state.SetFacts(entry, pair.Value);
                    Summarize(entry, pair.Value);
                }
            }

            return state;
        }

        protected override FlowState Clone(FlowState state) => state.Clone();

        protected override bool JoinInto(FlowState target, FlowState source) => target.JoinFrom(source, EntryOf);

        protected override void Transfer(IOperation operation, FlowState state)
        {
            if (CurrentBlock is { } block && !ReferenceEquals(block, prunedFor))
            {
                prunedFor = block;
                if (state.Bindings.Count > NameLiveness.PruneAbove)
                {
                    Prune(block.Ordinal, state);
                }
            }

            Eval(operation, state);
        }

        // ---- liveness: a body's state holds only names that a later block may still use ----

        /// <summary>The block whose entry state was last pruned (pruning happens once, before its first operation).</summary>
        private BasicBlock? prunedFor;

        private bool tracksLoopTurns;

        /// <summary>Only in bodies whose loops move a socket made before them (<see cref="BodyScope.LoopsChangeState"/>).</summary>
        protected override bool TracksLoopTurns => tracksLoopTurns;

        private NameLiveness? liveness;

        /// <summary>
        /// Drops the locals and flow captures that no block reachable from block <paramref name="ordinal"/> names, and
        /// the sockets no remaining name refers to, so that one long method's state does not grow with every socket
        /// it ever made (the cost of each block's copy and join would grow with the method: quadratic); see
        /// <see cref="NameLiveness"/>. Names a lambda or local function captures are never dropped.
        /// </summary>
        private void Prune(int ordinal, FlowState state)
        {
            liveness ??= NameLiveness.Compute(cfg, KeyComparer.Instance, CancellationToken);

            var dead = liveness.DeadNames(state.Bindings.Keys, scope.Captured, ordinal);
            if (dead is null)
            {
                return;
            }

            foreach (var key in dead)
            {
                state.Unbind(key);
            }

            var referenced = new HashSet<int>();
            foreach (var ids in state.Bindings.Values)
            {
                foreach (var id in ids)
                {
                    referenced.Add(id);
                }
            }

            List<int>? unreachable = null;
            foreach (var id in state.Facts.Keys)
            {
                if (id >= 0 && !referenced.Contains(id))
                {
                    (unreachable ??= new List<int>()).Add(id);
                }
            }

            if (unreachable is not null)
            {
                foreach (var id in unreachable)
                {
                    state.RemoveFacts(id);
                }
            }
        }


        /// <summary>On the branch where a socket is null there is no socket: it adds no state to the join (the null check of a using's finally must not hide its Dispose).</summary>
        protected override void Refine(BasicBlock block, IOperation branchValue, FlowState state, bool conditionValue)
        {
            if (conditionValue && NullTested(branchValue, state) is { } tested && IsOneObject(tested))
            {
                foreach (var id in tested)
                {
                    state.SetFacts(id, SocketFacts.Bottom);
                }
            }
        }

        private void CollectAnonymousFunctions()
        {
            foreach (var block in cfg.Blocks)
            {
                foreach (var operation in block.Operations)
                {
                    CollectAnonymousFunctions(operation);
                }

                if (block.BranchValue is not null)
                {
                    CollectAnonymousFunctions(block.BranchValue);
                }
            }
        }

        private void CollectAnonymousFunctions(IOperation operation)
        {
            foreach (var descendant in operation.DescendantsAndSelf())
            {
                if (descendant is IFlowAnonymousFunctionOperation anonymous)
                {
                    anonymousFunctions.Add(anonymous);
                }
            }
        }

        /// <summary>The socket a branch condition compares with null (<c>x is null</c>, <c>x == null</c>), when it is "is null" that the condition tests.</summary>
        private int[]? NullTested(IOperation condition, FlowState state)
        {
            var operand = condition switch
            {
                IIsNullOperation isNull => isNull.Operand,
                IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } binary when binary.RightOperand.WalkDownConversions().ConstantValue is { HasValue: true, Value: null } => binary.LeftOperand,
                IIsPatternOperation { Pattern: IConstantPatternOperation { Value: { ConstantValue: { HasValue: true, Value: null } } } } pattern => pattern.Value,
                _ => null,
            };

            if (operand is null || KeyOf(operand.WalkDownConversions()) is not { } key)
            {
                return null;
            }

            return state.Bindings.TryGetValue(key, out var ids) ? ids : Lookup(key, operand.WalkDownConversions().Type, state);
        }

        // ---- names and abstract sockets ----

        private int? EntryOf(object key)
        {
            if (key is not ISymbol)
            {
                return null;
            }

            if (!entryIds.TryGetValue(key, out var id))
            {
                id = -(entryIds.Count + 1);
                entryIds.Add(key, id);
                entryKeys.Add(id, key);
            }

            return id;
        }

        private int[]? Lookup(object key, ITypeSymbol? type, FlowState state)
        {
            if (state.Bindings.TryGetValue(key, out var ids))
            {
                return ids;
            }

            if (key is ISymbol && model.IsModelType(type) && EntryOf(key) is int entry)
            {
                return new[] { entry };
            }

            return null;
        }

        /// <summary>The name an operation reads or writes, when the engine follows it: a local, a parameter, a field of this instance, a flow capture.</summary>
        private static object? KeyOf(IOperation? operation)
        {
            switch (operation)
            {
                case ILocalReferenceOperation local:
                    return local.Local;
                case IParameterReferenceOperation parameter:
                    return parameter.Parameter;
                case IFieldReferenceOperation field when field.Instance is null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }:
                    return field.Field;
                case IFlowCaptureReferenceOperation capture:
                    return capture.Id;
                default:
                    return null;
            }
        }

        /// <summary>An abstract socket made at <paramref name="site"/>. Strong (it replaces what the site made before) unless another name still refers to it.</summary>
        private int[] NewObject(object site, SocketFacts facts, object? target, FlowState state)
        {
            if (!siteIds.TryGetValue(site, out var id))
            {
                id = siteIds.Count;
                siteIds.Add(site, id);
            }

            // Another name may still hold the object this site made on an earlier turn of a loop: then the id stands for
            // both and its facts are the join. Only worth looking for when the join would differ from the new facts.
            if (state.Facts.TryGetValue(id, out var earlier) && !earlier.Join(facts).Equals(facts) && HeldElsewhere(id, target, state))
            {
                facts = earlier.Join(facts);
            }

            state.SetFacts(id, facts);
            return new[] { id };
        }

        private static bool HeldElsewhere(int id, object? target, FlowState state)
        {
            foreach (var pair in state.Bindings)
            {
                if (Array.IndexOf(pair.Value, id) >= 0 && (target is null || !KeyComparer.Instance.Equals(pair.Key, target)))
                {
                    return true;
                }
            }

            return false;
        }

        private void Bind(object key, int[] ids, FlowState state) => state.Bind(key, ids);

        /// <summary>The socket went where we cannot follow it: nothing is certain about it any more.</summary>
        /// <param name="keepSettled">
        /// Handed to code we cannot see: a socket that is closed, or has no state at all (its last operation certainly
        /// threw on this path), stays so, since nothing reopens a disposed object (mut38 #30; made unknown, the second
        /// would also spoil the join at a loop's head with the turn that reported the misuse). Not for a listener, whose
        /// <c>Start</c> makes a new socket after <c>Stop</c> or <c>Dispose</c>.
        /// </param>
        private static void Escape(int[]? ids, FlowState state, bool keepSettled = false)
        {
            if (ids is null)
            {
                return;
            }

            foreach (var id in ids)
            {
                if (id == FlowState.Unknown
                    || keepSettled && state.GetFacts(id).States is SocketStates.Closed or SocketStates.None)
                {
                    continue;
                }

                if (id < 0)
                {
                    state.RemoveFacts(id);
                }
                else
                {
                    state.SetFacts(id, SocketFacts.Unknown);
                }
            }
        }

        /// <summary>A name that other code may change: its sockets become unknown and the name may refer to another one.</summary>
        private void Forget(object key, IOperation site, FlowState state)
        {
            if (key is IFieldSymbol summarizedField && fieldFacts.TryGetValue(summarizedField, out var summary))
            {
                ForgetSummarized(summarizedField, summary, site, state);
                return;
            }

            var type = key is ILocalSymbol local ? local.Type : key is IParameterSymbol parameter ? parameter.Type : key is IFieldSymbol field ? field.Type : null;
            // The name may now hold another socket, but the one it held stays closed if it was: a stream taken from a
            // field's client and closed is still closed after a call of the class (mut39 #44). A listener may restart.
            var keepSettled = model.ModelTypeOf(type) is not SocketModelType.TcpListener;
            if (state.Bindings.TryGetValue(key, out var ids))
            {
                Escape(ids, state, keepSettled);
            }
            else if (EntryOf(key) is int entry)
            {
                Escape(new[] { entry }, state, keepSettled);
            }

            if (model.IsModelType(type))
            {
                Bind(key, NewObject(new PairKey(site, key), SocketFacts.Unknown, key, state), state);
            }
            else
            {
                state.Unbind(key);
            }
        }

        /// <summary>
        /// Other code of the class may have run (a helper, a lambda): a summarised field is again in one of the states the
        /// class can leave it in. A readonly field still holds the same socket (only constructors can replace it), whose
        /// state may have moved; any other field may hold another socket, in one of those states.
        /// </summary>
        private void ForgetSummarized(IFieldSymbol field, SocketFacts summary, IOperation site, FlowState state)
        {
            var ids = state.Bindings.TryGetValue(field, out var bound) ? bound : EntryOf(field) is int entry ? new[] { entry } : null;

            // What the socket the field holds now can become through the other code of the class (the body's own
            // operations are followed here; what it did before the call stays possible).
            var current = SocketFacts.Bottom;
            if (ids is not null)
            {
                foreach (var id in ids)
                {
                    current = current.Join(id == FlowState.Unknown ? SocketFacts.Unknown : state.GetFacts(id));
                }
            }

            var reached = fields is not null && owner is not null ? fields.Reach(field, current, owner) : SocketFacts.Unknown;
            if (ids is not null)
            {
                // The socket the field held may have moved through the class's operations on the field (nothing else can
                // hold it: a summarised field that is copied or handed on escapes). Made unknown instead, it would spoil
                // the join at a loop's head with the state the first turn started from (mut38: an accept loop that also
                // calls a method of the class lost its SOCK002).
                foreach (var id in ids)
                {
                    if (id != FlowState.Unknown)
                    {
                        state.SetFacts(id, state.GetFacts(id).Join(reached));
                        Summarize(id, state.GetFacts(id));
                    }
                }
            }

            if (field.IsReadOnly && ids is not null)
            {
                return;
            }

            var fresh = NewObject(new PairKey(site, field), ids is null ? summary : summary.Join(reached), field, state);
            Summarize(fresh[0], state.GetFacts(fresh[0]));
            Bind(field, fresh, state);
        }

        /// <summary>A lambda was created: every name the lambdas and local functions of the body use may have changed.</summary>
        private void ForgetCaptured(IOperation site, FlowState state)
        {
            foreach (var symbol in scope.Captured)
            {
                Forget(symbol, site, state);
            }
        }

        /// <summary>
        /// A local function was called, or a delegate made of it: the names it (and what it calls) uses may have changed
        /// (<see cref="BodyScope.NamesChangedBy"/>); every captured name when it may run a lambda or code we cannot see.
        /// </summary>
        private void ForgetChangedBy(IMethodSymbol function, IOperation site, FlowState state)
        {
            var names = scope.NamesChangedBy(function);
            if (names is null)
            {
                ForgetCaptured(site, state);
                return;
            }

            foreach (var symbol in names)
            {
                Forget(symbol, site, state);
            }
        }

        /// <summary>
        /// A delegate value is run (or handed to a method that may run it; a lambda or method group written in the call
        /// is not one: its creation already forgot what it may change). A local that holds only method groups changes what
        /// those methods change (a local function: the names it uses; a method of a type: the fields, as any call on this
        /// type or delegate does); any other delegate may be a lambda of this body, and every captured name may change.
        /// </summary>
        private void HandDelegate(IOperation handed, IOperation site, FlowState state)
        {
            if (handed is { Type.TypeKind: TypeKind.Delegate }
                && handed is not (IFlowAnonymousFunctionOperation or IMethodReferenceOperation)
                && handed is not IDelegateCreationOperation { Target: IFlowAnonymousFunctionOperation or IMethodReferenceOperation })
            {
                RunDelegate(handed, site, state);
            }
        }

        private void RunDelegate(IOperation? value, IOperation site, FlowState state)
        {
            if (value?.WalkDownConversions() is ILocalReferenceOperation { Local: var local } && scope.MethodsHeldBy(local) is { } methods)
            {
                foreach (var held in methods)
                {
                    if (held.MethodKind == MethodKind.LocalFunction)
                    {
                        ForgetChangedBy(held, site, state);
                    }
                }

                return;
            }

            ForgetCaptured(site, state);
        }

        /// <summary>A method of this type was called: the fields may have changed.</summary>
        private void ForgetFields(IOperation site, FlowState state, bool staticOnly = false, bool keepCandidates = false)
        {
            var fields = new List<object>();
            foreach (var key in state.Bindings.Keys)
            {
                if (key is IFieldSymbol field && (!staticOnly || field.IsStatic) && !(keepCandidates && this.fields!.IsCandidate(field)))
                {
                    fields.Add(key);
                }
            }

            foreach (var pair in entryKeys)
            {
                if (pair.Value is IFieldSymbol field && (!staticOnly || field.IsStatic) && !state.Bindings.ContainsKey(pair.Value) && !(keepCandidates && this.fields!.IsCandidate(field)))
                {
                    fields.Add(pair.Value);
                }
            }

            foreach (var field in fields)
            {
                Forget(field, site, state);
            }
        }

        /// <summary>
        /// A call of a simple helper (<see cref="HelperEffect"/>): the private socket fields of the type move through the
        /// helper's steps, in order, and keep their state where it names none; any other field is forgotten as at every
        /// call of the class. A step that the caller's state certainly breaks is reported at the call (SOCK004–SOCK006);
        /// the helper's own analysis, from the states the class can leave the fields in, checks the same steps apart.
        /// </summary>
        private void RunHelper(HelperEffect helper, IInvocationOperation invocation, FlowState state)
        {
            ForgetFields(invocation, state, keepCandidates: true);
            foreach (var step in helper.Steps)
            {
                if (step.Forgets)
                {
                    Forget(step.Field, invocation, state);
                    continue;
                }

                var kind = model.OperationOf(step.Member, step.Call.Arguments);
                if (Lookup(step.Field, step.Field.Type, state) is not { } ids
                    || !SocketProtocolModel.Protocol.TryGetValue(kind, out var protocol))
                {
                    continue;
                }

                // A step that breaks every state the caller leaves the field in is the caller's misuse, reported at the call
                // (Disconnect(); Connect(); where Connect() connects the closed client). Only rules without a code fix: the
                // fixes of SOCK001–SOCK003 edit the operation itself, which is in the helper.
                var certain = !step.Uncertain && step.Member.Form is CallForm.Sync or CallForm.End;
                var broken = step.Member.Form != CallForm.End && step.Call.Instance is { } instance && !BrokenInHelper(invocation.TargetMethod, step.Field, protocol)
                    ? Check(invocation, ids, step.Type, kind, step.Call.TargetMethod.Name + " (in " + invocation.TargetMethod.Name + "())", instance, state, throughHelper: true)
                    : null;
                Transition(ids, protocol, certain, state);
                if (broken is not null && certain)
                {
                    Fail(ids, state);
                }
            }

            if (helper.LeadingOnly)
            {
                // The rest of the helper may do anything the class can.
                ForgetFields(invocation, state);
                return;
            }

            // The field now holds what the helper left, not one of the states the class can leave it in: a socket of its own,
            // so that a message about it does not blame the class ("no method of 'Server' starts it").
            var moved = new HashSet<IFieldSymbol>(SymbolEqualityComparer.Default);
            foreach (var step in helper.Steps)
            {
                if (!step.Forgets && moved.Add(step.Field) && Lookup(step.Field, step.Field.Type, state) is { Length: 1 } ids && ids[0] != FlowState.Unknown && summarized.ContainsKey(ids[0]))
                {
                    Bind(step.Field, NewObject(new PairKey(invocation, step.Field), state.GetFacts(ids[0]), step.Field, state), state);
                }
            }
        }

        /// <summary>
        /// True when the helper's own analysis reports the step: every state the class can leave the field in when the
        /// helper starts breaks it. Then a call of the helper does not report it again.
        /// </summary>
        private bool BrokenInHelper(IMethodSymbol helper, IFieldSymbol field, OperationProtocol protocol)
        {
            if (fields is null)
            {
                return false;
            }

            // Once per helper and body: the transfer runs again at every visit of the call (loops to a fixed point).
            if (!helperEntries.TryGetValue(helper.OriginalDefinition, out var entries))
            {
                entries = fields.EntryFacts(helper.OriginalDefinition);
                helperEntries.Add(helper.OriginalDefinition, entries);
            }

            return entries.TryGetValue(field, out var facts) && BreaksEveryState(facts, protocol, broken: null);
        }

        /// <summary>
        /// True when the operation throws in every state (and kind) of <paramref name="facts"/>, which has some; each rule a
        /// state breaks goes into <paramref name="broken"/>.
        /// </summary>
        private static bool BreaksEveryState(SocketFacts facts, OperationProtocol protocol, HashSet<string>? broken)
        {
            if (facts.States == SocketStates.None)
            {
                return false;
            }

            var kinds = facts.Kinds == SocketKinds.None ? SocketKinds.Any : facts.Kinds;
            for (var i = 0; i < SocketStateText.Each.Length; i++)
            {
                if ((facts.States & SocketStateText.Each[i]) == 0)
                {
                    continue;
                }

                if ((kinds & SocketKinds.Stream) != 0)
                {
                    if (protocol.Stream[i] is not { } rule)
                    {
                        return false;
                    }

                    broken?.Add(rule);
                }

                if ((kinds & SocketKinds.Datagram) != 0)
                {
                    if (protocol.Datagram[i] is not { } rule)
                    {
                        return false;
                    }

                    broken?.Add(rule);
                }
            }

            return true;
        }

        private static bool HandsThisOn(IInvocationOperation invocation)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Value.WalkDownConversions() is IInstanceReferenceOperation)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Other code of the class may have run: every summarised field moves on through what it does (<see cref="ForgetSummarized"/>).</summary>
        private void ForgetSummarizedFields(IOperation site, FlowState state)
        {
            foreach (var pair in fieldFacts)
            {
                ForgetSummarized(pair.Key, pair.Value, site, state);
            }
        }

        // ---- transfer functions ----

        /// <summary>Evaluates an operation: applies its effects to <paramref name="state"/> and returns the sockets its value may be.</summary>
        private int[]? Eval(IOperation? operation, FlowState state)
        {
            if (operation is null || !EnterExpression())
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

        private int[]? EvalCore(IOperation operation, FlowState state)
        {
            if (!EvaluatedKinds.Contains(operation.Kind))
            {
                return EvalOther(operation, state);
            }

            switch (operation)
            {
                case IConversionOperation conversion:
                    return Eval(conversion.Operand, state);
                case IParenthesizedOperation parenthesized:
                    return Eval(parenthesized.Operand, state);
                case ILocalReferenceOperation local:
                    return Lookup(local.Local, local.Local.Type, state);
                case IParameterReferenceOperation parameter:
                    return Lookup(parameter.Parameter, parameter.Parameter.Type, state);
                case IFieldReferenceOperation field:
                    Eval(field.Instance, state);
                    return KeyOf(field) is { } fieldKey ? Lookup(fieldKey, field.Field.Type, state) : null;
                case IFlowCaptureReferenceOperation captureReference:
                    return Lookup(captureReference.Id, captureReference.Type, state);
                case IFlowCaptureOperation capture:
                    {
                        var value = Eval(capture.Value, state);
                        var captured = capture.Value.WalkDownConversions();
                        var capturedType = model.ModelTypeOf(captured.Type);
                        if (capturedType is { } known)
                        {
                            // using (expr) captures the value converted to IDisposable: remember what it really is.
                            captureTypes[capture.Id] = known;
                        }

                        if (capturedType == SocketModelType.NetworkStream || (captured is IObjectCreationOperation creation && Wrapped(creation) is not null))
                        {
                            // Every value a capture gets must own its socket (the arms of ?: are captured apart).
                            var owns = IsOwningStream(captured);
                            owningCaptures[capture.Id] = owningCaptures.TryGetValue(capture.Id, out var before) ? before && owns : owns;
                        }

                        if (value is not null)
                        {
                            Bind(capture.Id, value, state);
                        }
                        else
                        {
                            state.Unbind(capture.Id);
                        }

                        return null;
                    }

                case ISimpleAssignmentOperation assignment:
                    return Assign(assignment, state);
                case IAwaitOperation awaitOperation:
                    {
                        var awaited = Eval(awaitOperation.Operation, state);
                        if (fieldFacts.Count > 0)
                        {
                            // While the method waits, other members of the class may run (an event handler, another
                            // task): a summarised field moves on through what they do, as at a call of a helper.
                            ForgetSummarizedFields(awaitOperation, state);
                        }

                        return awaited;
                    }
                case IInvocationOperation invocation:
                    return Invoke(invocation, state);
                case IObjectCreationOperation creation:
                    return Create(creation, state);
                case IPropertyReferenceOperation property:
                    return Property(property, state);
                case IFlowAnonymousFunctionOperation:
                    ForgetCaptured(operation, state);
                    return null;
                case IMethodReferenceOperation { Method.MethodKind: MethodKind.LocalFunction } methodReference:
                    Eval(methodReference.Instance, state);
                    ForgetChangedBy(methodReference.Method, operation, state);
                    return null;
                case IArgumentOperation argument:
                    return Eval(argument.Value, state);
                case IIsPatternOperation isPattern:
                    {
                        // s is { Connected: true }: the pattern asks the socket about its state.
                        var value = Eval(isPattern.Value, state);
                        if (value is not null && AsksState(isPattern.Pattern))
                        {
                            Transition(value, SocketProtocolModel.Protocol[SocketOperation.Probe], certain: true, state);
                        }

                        return null;
                    }

                default:
                    return EvalOther(operation, state);
            }
        }

        /// <summary>The kinds of the interfaces <see cref="EvalCore"/> has a case for; every other operation goes to <see cref="EvalOther"/>.</summary>
        private static readonly OperationKindSet EvaluatedKinds = new(
            OperationKind.Conversion,
            OperationKind.Parenthesized,
            OperationKind.LocalReference,
            OperationKind.ParameterReference,
            OperationKind.FieldReference,
            OperationKind.FlowCaptureReference,
            OperationKind.FlowCapture,
            OperationKind.SimpleAssignment,
            OperationKind.Await,
            OperationKind.Invocation,
            OperationKind.ObjectCreation,
            OperationKind.PropertyReference,
            OperationKind.FlowAnonymousFunction,
            OperationKind.MethodReference,
            OperationKind.Argument,
            OperationKind.IsPattern);

        /// <summary>An operation <see cref="EvalCore"/> has no case for: its children, and what storing or changing them does.</summary>
        private int[]? EvalOther(IOperation operation, FlowState state)
        {
            // Where a socket is stored into a structure we do not follow, it escapes. So it does where it
            // reaches a call that did not bind (dynamic, failed overload resolution, an unknown member):
            // nobody knows what that call does to it, so its state is unknown.
            var unbound = operation.IsUnbound();
            var stores = unbound || operation is IArrayInitializerOperation or ITupleOperation or IAnonymousObjectCreationOperation or IDeconstructionAssignmentOperation;
            foreach (var child in operation.ChildOperations)
            {
                var value = Eval(child, state);
                if (stores)
                {
                    Escape(value, state);
                }
            }

            if (unbound && operation is not IDynamicMemberReferenceOperation)
            {
                // It may be a call on this instance, or on another object that holds this one.
                ForgetFields(operation, state, staticOnly: false);
            }

            if (operation is IDeconstructionAssignmentOperation deconstruction)
            {
                foreach (var target in deconstruction.Target.DescendantsAndSelf())
                {
                    if (KeyOf(target) is { } key)
                    {
                        Forget(key, operation, state);
                    }
                }
            }
            else if (operation is ICompoundAssignmentOperation or ICoalesceAssignmentOperation or IIncrementOrDecrementOperation)
            {
                var target = operation is IAssignmentOperation assignment ? assignment.Target : ((IIncrementOrDecrementOperation)operation).Target;
                if (KeyOf(target) is { } key)
                {
                    Forget(key, operation, state);
                }
            }

            return null;
        }

        private bool AsksState(IOperation pattern)
        {
            foreach (var operation in pattern.DescendantsAndSelf())
            {
                if (operation is IPropertyReferenceOperation property
                    && model.ModelTypeOf(property.Property.ContainingType) is { } type
                    && model.Find(type, property.Property) is { Operation: SocketOperation.Probe })
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The name an assignment writes: <see cref="KeyOf"/> of the variable, also through a captured target (<see cref="FlowAnalysis{TState}.AssignedVariable"/>).</summary>
        private object? TargetKey(IOperation target) => KeyOf(AssignedVariable(target));

        private int[]? Assign(ISimpleAssignmentOperation assignment, FlowState state)
        {
            var key = TargetKey(assignment.Target);
            if (assignment.Target is IFlowCaptureReferenceOperation capturedTarget && key is not CaptureId)
            {
                // The capture held the variable's old value only to be written through: it names nothing after this.
                state.Unbind(capturedTarget.Id);
            }

            if (key is null)
            {
                Eval(assignment.Target, state);
            }

            var value = Eval(assignment.Value, state);
            if (key is null)
            {
                // Stored into an array element, another object's member, a property: we cannot follow it there.
                Escape(value, state);
                if (assignment.Target is IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation } setter && HasSetterCode(setter.Property))
                {
                    // A property setter of this class runs code that may replace a field.
                    ForgetFields(assignment, state);
                }

                if (assignment.Target is IPropertyReferenceOperation { Instance: { } instance } property
                    && model.ModelTypeOf(instance.WalkDownConversions().Type) is { } type
                    && model.Find(type, property.Property) is { Operation: SocketOperation.Alias })
                {
                    // client.Client = other: the wrapper now holds a socket we know nothing about.
                    Escape(Eval(instance, state), state);
                }

                return value;
            }

            if (value is null)
            {
                if (model.IsModelType(assignment.Target.Type))
                {
                    value = NewObject(assignment, SocketFacts.Unknown, key, state);
                }
                else
                {
                    state.Unbind(key);
                    return null;
                }
            }

            Bind(key, value, state);
            return value;
        }

        private int[]? Invoke(IInvocationOperation invocation, FlowState state)
        {
            var method = invocation.TargetMethod;
            var receiver = method.IsStatic ? null : Eval(invocation.Instance, state);
            var arguments = new int[]?[invocation.Arguments.Length];
            for (var i = 0; i < arguments.Length; i++)
            {
                arguments[i] = Eval(invocation.Arguments[i].Value, state);
            }

            if (!method.IsStatic && invocation.Instance is { } instance && ModelTypeOf(instance) is { } type
                && model.Find(type, method) is { } member)
            {
                return Apply(invocation, member, type, receiver, method.Name, invocation.Instance, invocation.Arguments, state);
            }

            if (method.IsExtensionMethod && arguments.Length > 0
                && ModelTypeOf(invocation.Arguments[0].Value) is { } extendedType
                && model.Find(extendedType, method) is { } extension)
            {
                // A catalogued extension (netstandard2.0's SocketTaskExtensions): socket.SendAsync(…) is a static call with
                // the socket first. The catalogue names the framework's class, so a user's extension of the same name is no row.
                return Apply(invocation, extension, extendedType, arguments[0], method.Name, invocation.Arguments[0].Value, invocation.Arguments.RemoveAt(0), state);
            }

            if (receiver is not null && model.Symbols.Framework.IsConfigureAwait(method))
            {
                return receiver;
            }

            if (receiver is not null && invocation.Instance is { } readerOrWriter)
            {
                ApplyToWrappers(invocation, method, receiver, readerOrWriter, invocation.Arguments, state);
            }

            if (receiver is not null && method is { Name: "Close" or "Dispose" or "DisposeAsync", Parameters.Length: 0 } && invocation.Instance is { } wrapperInstance
                && ModelTypeOf(wrapperInstance) is null && OwnsSocket(wrapperInstance)
                && (method.Name != "DisposeAsync" || invocation.WalkUpToResult(model.Symbols.Framework, out _) is IAwaitOperation))
            {
                // writer.Close() of a writer over a stream that owns its socket (new StreamWriter(client.GetStream())); an
                // await using's awaited DisposeAsync too (a DisposeAsync nobody awaits may not have closed it yet).
                Transition(WithoutWrappers(receiver), SocketProtocolModel.Protocol[SocketOperation.Close], certain: true, state);
                return null;
            }

            // A method we cannot see: what it is given may change in any way, but nothing reopens a closed socket, client
            // or stream.
            for (var i = 0; i < arguments.Length; i++)
            {
                Escape(arguments[i], state, keepSettled: ModelTypeOf(invocation.Arguments[i].Value) is not SocketModelType.TcpListener);
                var argument = invocation.Arguments[i];
                if (argument.Parameter?.RefKind is RefKind.Ref or RefKind.Out && KeyOf(argument.Value) is { } key)
                {
                    Forget(key, invocation, state);
                }
            }

            if (method.MethodKind == MethodKind.LocalFunction)
            {
                ForgetChangedBy(method, invocation, state);
            }
            else if (method.MethodKind == MethodKind.DelegateInvoke)
            {
                // The delegate may be a lambda of this body (Action reconnect = () => client = …; … reconnect();).
                RunDelegate(invocation.Instance, invocation, state);
            }

            foreach (var argument in invocation.Arguments)
            {
                // Handed to a method that may run it: a delegate, or one in a params array (Parallel.Invoke(a, b)).
                var handed = argument.Value.WalkDownConversions();
                if (handed is IArrayCreationOperation { Initializer: { } elements, Type: IArrayTypeSymbol { ElementType.TypeKind: TypeKind.Delegate } })
                {
                    foreach (var element in elements.ElementValues)
                    {
                        HandDelegate(element.WalkDownConversions(), invocation, state);
                    }
                }
                else
                {
                    HandDelegate(handed, invocation, state);
                }
            }

            if (fields is not null && invocation.Instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }
                && !HandsThisOn(invocation) && fields.HelperOf(method) is { } helper)
            {
                // A simple helper of the class (void Disconnect() { client.Close(); }): nothing else runs, and it certainly
                // applies its steps to the fields it names.
                RunHelper(helper, invocation, state);
            }
            else if (IsCallOnThisType(invocation) || method.MethodKind == MethodKind.DelegateInvoke)
            {
                // A method of this type, or a delegate (which may be one, stored in a field or passed in).
                ForgetFields(invocation, state);
            }
            else if (method.IsStatic)
            {
                // A static method of another type may replace a static field of this one.
                ForgetFields(invocation, state, staticOnly: true);
            }

            return null;
        }

        /// <summary>
        /// The stream closes its socket when it is closed or disposed: <c>TcpClient.GetStream()</c> (the client's stream
        /// owns its socket), <c>new NetworkStream(socket, true)</c>, a local that holds one and is assigned nowhere else,
        /// or the capture of a <c>using</c> of one. Anything else (<c>new NetworkStream(socket)</c>, a parameter, a field)
        /// may leave the socket open: closing it is not followed.
        /// </summary>
        private bool OwnsSocket(IOperation instance)
        {
            var value = instance.WalkDownConversions();
            return value switch
            {
                IFlowCaptureReferenceOperation reference => owningCaptures.TryGetValue(reference.Id, out var owns) && owns,
                ILocalReferenceOperation local => OwningLocal(local.Local),
                _ => IsOwningStream(value),
            };
        }

        /// <summary>
        /// A stream value that owns its socket: made by a member the catalogue marks <see cref="Model.ApiFacts.OwnsSocket"/>
        /// (<c>client.GetStream()</c>, <c>new NetworkStream(socket, true)</c> with the constant <c>true</c>), or a reader or
        /// writer of the catalogue (<see cref="Model.ApiFacts.WrapLeaveOpen"/>) over such a stream whose <c>leaveOpen</c> is
        /// absent or the constant <c>false</c>.
        /// </summary>
        private bool IsOwningStream(IOperation value)
        {
            var (member, arguments) = value.WalkDownConversions() switch
            {
                IInvocationOperation call => ((ISymbol?)call.TargetMethod, call.Arguments),
                IObjectCreationOperation creation => (creation.Constructor, creation.Arguments),
                _ => (null, ImmutableArray<IArgumentOperation>.Empty),
            };
            if (member is null || model.Symbols.Catalogue.Facts(member) is not { } facts)
            {
                return false;
            }

            if (facts.OwnsSocket)
            {
                return facts.OwnsSocketGiven(arguments) == true;
            }

            if (facts.WrapLeaveOpen is not int leaveOpen || CatalogueIndex.Argument(arguments, 0) is not { } inner)
            {
                return false;
            }

            // leaveOpen absent or the constant false: closing the reader or writer closes the stream.
            var open = CatalogueIndex.Argument(arguments, leaveOpen);
            return (open is null || open.ConstantValue is { HasValue: true, Value: false }) && OwnsSocket(inner);
        }

        /// <summary>The stream a reader or writer of the catalogue is made over (<see cref="Model.ApiFacts.WrapLeaveOpen"/>: the first argument).</summary>
        private IOperation? Wrapped(IObjectCreationOperation creation)
            => creation.Constructor is { } constructor && model.Symbols.Catalogue.Facts(constructor)?.WrapLeaveOpen is not null
                ? CatalogueIndex.Argument(creation.Arguments, 0)
                : null;

        /// <summary>
        /// A local whose one value is an owning stream (<see cref="IsOwningStream"/>): declared with it, and assigned,
        /// incremented or passed by <c>ref</c>/<c>out</c> nowhere in the body (a <c>using</c> local cannot be). Any such
        /// write of a name spelled the same is taken as a write of this local.
        /// </summary>
        private bool OwningLocal(ILocalSymbol local)
        {
            owningLocals ??= new Dictionary<ILocalSymbol, bool>(SymbolEqualityComparer.Default);
            if (!owningLocals.TryGetValue(local, out var owns))
            {
                owns = ComputeOwningLocal(local);
                owningLocals[local] = owns;
            }

            return owns;
        }

        private bool ComputeOwningLocal(ILocalSymbol local)
        {
            if (local.IsRef || local.DeclaringSyntaxReferences.Length != 1
                || local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: { } initializer } declarator
                || cfg.OriginalOperation.SemanticModel is not { } semanticModel
                || semanticModel.SyntaxTree != declarator.SyntaxTree
                || semanticModel.GetOperation(initializer, cancellationToken) is not { } value
                || !IsOwningStream(value))
            {
                return false;
            }

            var isUsing = declarator.Parent?.Parent is UsingStatementSyntax or LocalDeclarationStatementSyntax { UsingKeyword.RawKind: > 0 };
            if (isUsing)
            {
                return true;
            }

            // The whole member: a lambda may write a local of the method around it.
            SyntaxNode scope = declarator.FirstAncestorOrSelf<MemberDeclarationSyntax>() is { } member and not BaseTypeDeclarationSyntax and not BaseNamespaceDeclarationSyntax
                ? member
                : declarator.SyntaxTree.GetRoot(cancellationToken);
            foreach (var node in scope.DescendantNodes())
            {
                var target = node switch
                {
                    AssignmentExpressionSyntax assignment => assignment.Left,
                    ArgumentSyntax { RefKindKeyword.RawKind: > 0 } argument => argument.Expression,
                    PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression or (int)SyntaxKind.PreDecrementExpression } prefix => prefix.Operand,
                    PostfixUnaryExpressionSyntax postfix => postfix.Operand,
                    _ => null,
                };
                if (target is IdentifierNameSyntax name && name.Identifier.ValueText == local.Name)
                {
                    return false;
                }
            }

            return true;
        }

        // ---- readers and writers over a network stream (SocketModelType.StreamWrapper) ----

        /// <summary>
        /// <c>new StreamWriter(stream)</c> over a network stream: its value is the stream's sockets (closing it may close
        /// them, <see cref="OwnsSocket"/>) and, when the catalogue says that its I/O throws after its own close
        /// (<see cref="Model.ApiFacts.ThrowsAfterOwnClose"/>), the reader or writer itself: an abstract object made open at
        /// this site, which only its own Close, Dispose or awaited DisposeAsync closes. A writer made with a
        /// <c>leaveOpen</c> that is not the constant <c>false</c> may go on writing after its own close: not followed.
        /// </summary>
        private int[]? WithWrapper(IObjectCreationOperation creation, int[]? wrapped, FlowState state)
        {
            if (creation.Type is not INamedTypeSymbol type || model.Symbols.Catalogue.Facts(creation.Constructor) is not { ThrowsAfterOwnClose: true } facts)
            {
                return wrapped;
            }

            if (facts.UsableWhenLeftOpen && CatalogueIndex.Argument(creation.Arguments, facts.WrapLeaveOpen) is { } leaveOpen
                && leaveOpen.ConstantValue is not { HasValue: true, Value: false })
            {
                return wrapped;
            }

            var wrapper = NewObject(creation, new SocketFacts(SocketStates.Connected, SocketKinds.Stream), AssignmentTarget(creation), state);
            wrapperTypes[wrapper[0]] = type;
            if (wrapped is not null)
            {
                wrapperInner[wrapper[0]] = wrapperInner.TryGetValue(wrapper[0], out var before) ? FlowState.Union(before, wrapped) : wrapped;
            }

            return wrapped is null ? wrapper : FlowState.Union(wrapped, wrapper);
        }

        /// <summary>
        /// The member of <paramref name="type"/> that implements the interface member <paramref name="member"/> (the Dispose of
        /// a <c>using</c>), found once per body: the search walks the type's interfaces, and a loop's blocks ask again on every visit.
        /// </summary>
        private ISymbol? ImplementationOf(INamedTypeSymbol type, ISymbol member)
        {
            foreach (var (knownType, knownMember, implementation) in implementations)
            {
                if (SymbolEqualityComparer.Default.Equals(knownType, type) && SymbolEqualityComparer.Default.Equals(knownMember, member))
                {
                    return implementation;
                }
            }

            var found = type.FindImplementationForInterfaceMember(member);
            implementations.Add((type, member, found));
            return found;
        }

        /// <summary>
        /// A member of the readers and writers among <paramref name="receiver"/> (<see cref="WithWrapper"/>): the catalogue's
        /// <c>Life(StreamWrapper, …)</c> rows. Their I/O is checked on the converged states like a socket's (SOCK005 once
        /// closed) and their Close, Dispose or awaited DisposeAsync closes them; the sockets under them are left to the caller.
        /// </summary>
        private void ApplyToWrappers(IOperation operation, ISymbol member, int[] receiver, IOperation instance, ImmutableArray<IArgumentOperation> arguments, FlowState state)
        {
            if (wrapperTypes.Count == 0)
            {
                return;
            }

            List<int>? wrappers = null;
            ApiFacts? facts = null;
            SocketMember? found = null;
            foreach (var id in receiver)
            {
                if (!wrapperTypes.TryGetValue(id, out var type))
                {
                    continue;
                }

                // The Dispose of a using is IDisposable's: the reader's or writer's implementation of it.
                var resolved = member.ContainingType is { TypeKind: TypeKind.Interface } ? ImplementationOf(type, member) : member;
                var idFacts = model.Symbols.Catalogue.Facts(resolved);
                if (idFacts?.Lifecycle(SocketModelType.StreamWrapper) is not { } idMember || (found is { } other && other.Operation != idMember.Operation))
                {
                    // A member the catalogue does not list (BaseStream, DiscardBufferedData) moves nothing and throws nothing.
                    return;
                }

                (wrappers ??= new List<int>()).Add(id);
                facts = idFacts;
                found = idMember;
            }

            if (wrappers is null || facts is null || found is not { } wrapperMember || !OnlyWrappersAndTheirSockets(receiver))
            {
                return;
            }

            if (facts.QuietWhenEmpty is int text && CatalogueIndex.Argument(arguments, text)?.ConstantValue is not { HasValue: true, Value: string { Length: > 0 } })
            {
                // writer.Write(text) of a text that may be empty writes nothing, and then does not throw.
                return;
            }

            var ids = wrappers.ToArray();
            var awaited = operation is IInvocationOperation invocation && invocation.WalkUpToResult(model.Symbols.Framework, out _) is IAwaitOperation;
            var certain = wrapperMember.Form is CallForm.Sync or CallForm.End || (wrapperMember.Form == CallForm.Async && awaited);
            var protocol = SocketProtocolModel.Protocol[wrapperMember.Operation];
            var broken = wrapperMember.Form != CallForm.End ? Check(operation, ids, SocketModelType.StreamWrapper, wrapperMember.Operation, member.Name, instance, state) : null;
            Transition(ids, protocol, certain, state);
            if (broken is not null && certain)
            {
                Fail(ids, state);
            }
        }

        /// <summary>
        /// The name holds a reader or writer and nothing else: each of its other ids is a socket that one of its readers or
        /// writers was made over (their value, <see cref="WithWrapper"/>). A name that may hold another value (its entry
        /// value, where one path never assigned it; an unknown one) may not be the closed reader or writer.
        /// </summary>
        private bool OnlyWrappersAndTheirSockets(int[] ids)
        {
            foreach (var id in ids)
            {
                if (id == FlowState.Unknown)
                {
                    return false;
                }

                if (wrapperTypes.ContainsKey(id))
                {
                    continue;
                }

                var under = false;
                foreach (var other in ids)
                {
                    if (wrapperInner.TryGetValue(other, out var inner) && Array.IndexOf(inner, id) >= 0)
                    {
                        under = true;
                        break;
                    }
                }

                if (!under)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary><paramref name="ids"/> without the readers and writers (<see cref="WithWrapper"/>): the sockets under them.</summary>
        private int[] WithoutWrappers(int[] ids)
        {
            if (wrapperTypes.Count == 0)
            {
                return ids;
            }

            List<int>? rest = null;
            for (var i = 0; i < ids.Length; i++)
            {
                if (wrapperTypes.ContainsKey(ids[i]))
                {
                    if (rest is null)
                    {
                        rest = new List<int>(ids.Length);
                        for (var j = 0; j < i; j++)
                        {
                            rest.Add(ids[j]);
                        }
                    }
                }
                else
                {
                    rest?.Add(ids[i]);
                }
            }

            return rest is null ? ids : rest.ToArray();
        }

        /// <summary>
        /// The ids a name refers to stand for one object, so that on the side of a null check where the name is null that
        /// object does not exist: one socket; or a reader or writer and at most the one socket it was made over (its value,
        /// <see cref="WithWrapper"/>).
        /// </summary>
        private bool IsOneObject(int[] ids)
        {
            int wrappers = 0, others = 0;
            foreach (var id in ids)
            {
                if (id == FlowState.Unknown)
                {
                    return false;
                }

                if (wrapperTypes.ContainsKey(id))
                {
                    wrappers++;
                }
                else
                {
                    others++;
                }
            }

            return (wrappers == 0 && others == 1) || (wrappers == 1 && others <= 1 && OnlyWrappersAndTheirSockets(ids));
        }

        /// <summary>The model type of a receiver, seeing through conversions and through the captures of <c>using</c>.</summary>
        private SocketModelType? ModelTypeOf(IOperation instance)
        {
            var value = instance.WalkDownConversions();
            return model.ModelTypeOf(value.Type) ?? (value is IFlowCaptureReferenceOperation reference && captureTypes.TryGetValue(reference.Id, out var type) ? type : null);
        }

        private bool IsCallOnThisType(IInvocationOperation invocation)
        {
            if (invocation.Instance is IInstanceReferenceOperation)
            {
                return true;
            }

            if (invocation.Instance is null && containingType is not null
                && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType?.OriginalDefinition, containingType.OriginalDefinition))
            {
                return true;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument.Value.WalkDownConversions() is IInstanceReferenceOperation)
                {
                    return true;
                }
            }

            return false;
        }

        private int[]? Create(IObjectCreationOperation creation, FlowState state)
        {
            var arguments = new int[]?[creation.Arguments.Length];
            for (var i = 0; i < arguments.Length; i++)
            {
                arguments[i] = Eval(creation.Arguments[i].Value, state);
            }

            Eval(creation.Initializer, state);
            var type = model.ModelTypeOf(creation.Type);
            var member = type is not null && creation.Constructor is not null ? model.Find(type.Value, creation.Constructor) : null;
            if (type is null && Wrapped(creation) is { } inner && model.ModelTypeOf(inner.WalkDownConversions().Type) == SocketModelType.NetworkStream)
            {
                // new StreamWriter(stream): the writer is the stream, as the stream is its socket; closing it may close them.
                int[]? wrapped = null;
                for (var i = 0; i < arguments.Length; i++)
                {
                    if (creation.Arguments[i].Value == inner)
                    {
                        wrapped = arguments[i];
                    }
                    else
                    {
                        Escape(arguments[i], state);
                    }
                }

                if (wrapped is not null && SocketProtocolModel.Protocol.TryGetValue(SocketOperation.Use, out var use))
                {
                    // A reader or writer made over a closed stream: its constructor throws (ArgumentException, the stream
                    // cannot be read or written; fresh17 miss 3, a writer made after the using of another one closed it).
                    var broken = Check(creation, wrapped, SocketModelType.NetworkStream, SocketOperation.Use, "new " + creation.Type!.Name, inner, state);
                    Transition(wrapped, use, certain: true, state);
                    if (broken is not null)
                    {
                        Fail(wrapped, state);
                    }
                }

                return WithWrapper(creation, wrapped, state);
            }

            if (type is null || member is null || creation.Constructor is null)
            {
                for (var i = 0; i < arguments.Length; i++)
                {
                    Escape(arguments[i], state);
                }

                return null;
            }

            if (member.Value.Operation == SocketOperation.MakeStream)
            {
                // new NetworkStream(socket, …): the stream is the socket.
                for (var i = 0; i < arguments.Length; i++)
                {
                    var argument = creation.Arguments[i];
                    if (argument.Parameter is { } parameter && model.ModelTypeOf(parameter.Type) == SocketModelType.Socket)
                    {
                        if (arguments[i] is { } socket && Check(creation, socket, SocketModelType.Socket, SocketOperation.MakeStream, "new NetworkStream", argument.Value, state) is not null)
                        {
                            // The constructor throws: no path that continues has this socket in any state.
                            Fail(socket, state);
                        }

                        return arguments[i];
                    }
                }

                return null;
            }

            return NewObject(creation, new SocketFacts(member.Value.CreatedStates, model.KindOf(type.Value, creation)), AssignmentTarget(creation), state);
        }

        private int[]? Property(IPropertyReferenceOperation property, FlowState state)
        {
            var receiver = property.Property.IsStatic ? null : Eval(property.Instance, state);
            foreach (var argument in property.Arguments)
            {
                Eval(argument.Value, state);
            }

            if (receiver is not null && property.Instance is { } readerOrWriter && !IsWritten(property))
            {
                ApplyToWrappers(property, property.Property, receiver, readerOrWriter, ImmutableArray<IArgumentOperation>.Empty, state);
            }

            if (property.Instance is { } instance && model.ModelTypeOf(instance.WalkDownConversions().Type) is { } type
                && model.Find(type, property.Property) is { } member)
            {
                if (IsWritten(property))
                {
                    return null;
                }

                return Apply(property, member, type, receiver, property.Property.Name, instance, ImmutableArray<IArgumentOperation>.Empty, state);
            }

            return null;
        }

        /// <summary>True when the property's setter is written code, not an auto-property's generated one.</summary>
        private static bool HasSetterCode(IPropertySymbol property)
        {
            foreach (var member in property.ContainingType.GetMembers())
            {
                if (member is IFieldSymbol { AssociatedSymbol: { } associated } && SymbolEqualityComparer.Default.Equals(associated, property))
                {
                    return false;
                }
            }

            return property.SetMethod is not null;
        }

        private static bool IsWritten(IOperation operation)
            => operation.Parent is IAssignmentOperation assignment && assignment.Target == operation;

        /// <summary>
        /// An <c>End…</c> call given the <c>IAsyncResult</c> its callback receives (<c>int n = socket.EndReceive(iar);</c> in
        /// <c>void OnReceive(IAsyncResult iar)</c>): the <c>Begin…</c> it ends was made elsewhere, on the socket the result
        /// belongs to. On a socket whose every state forbids the operation (the listener of fresh54's demo server, whose
        /// receive was begun on the accepted client) it throws, and it is checked like the operation itself. An <c>End…</c>
        /// of a result the body got from its own <c>Begin…</c> is not: that call was checked.
        /// </summary>
        private bool EndsCallbacksResult(ImmutableArray<IArgumentOperation> arguments)
        {
            foreach (var argument in arguments)
            {
                if (argument.Value.WalkDownConversions() is IParameterReferenceOperation { Parameter: { RefKind: RefKind.None } parameter }
                    && model.Symbols.Framework.IsAsyncResult(parameter.Type))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Checks and applies a member of the model called on <paramref name="receiver"/>.</summary>
        private int[]? Apply(IOperation operation, SocketMember member, SocketModelType type, int[]? receiver, string name, IOperation instance, ImmutableArray<IArgumentOperation> arguments, FlowState state)
        {
            var kind = model.OperationOf(member, arguments);
            if (kind == SocketOperation.Alias)
            {
                return receiver;
            }

            if (type == SocketModelType.NetworkStream && kind == SocketOperation.Close && !OwnsSocket(instance))
            {
                // Closing a stream closes its socket only when it owns it (new NetworkStream(socket) does not).
                return null;
            }

            var form = member.Form;
            var awaited = operation is IInvocationOperation invocation && invocation.WalkUpToResult(model.Symbols.Framework, out _) is IAwaitOperation;
            var certain = form is CallForm.Sync or CallForm.End || (form == CallForm.Async && awaited);

            if (receiver is not null && SocketProtocolModel.Protocol.TryGetValue(kind, out var protocol))
            {
                var broken = form != CallForm.End || EndsCallbacksResult(arguments) ? Check(operation, receiver, type, kind, name, instance, state) : null;
                Transition(receiver, protocol, certain, state);
                if (broken is not null && certain)
                {
                    Fail(receiver, state);
                }
            }

            if (kind == SocketOperation.MakeStream)
            {
                return receiver;
            }

            if (member.Result is not null && form is not (CallForm.Begin or CallForm.EventArgs))
            {
                // Accept…: a new socket, connected.
                return NewObject(operation, SocketFacts.Accepted, AssignmentTarget(operation), state);
            }

            return null;
        }

        /// <summary>The name a value is about to be stored in (looking through conversions, await and ConfigureAwait), so that re-making a socket at the same site in a loop replaces it.</summary>
        private object? AssignmentTarget(IOperation operation)
        {
            var current = operation.WalkUpToResult(model.Symbols.Framework, out var parent);
            return parent switch
            {
                ISimpleAssignmentOperation assignment when assignment.Value == current => TargetKey(assignment.Target),
                IFlowCaptureOperation capture => capture.Id,
                _ => null,
            };
        }

        /// <summary>
        /// Moves the receiver's sockets through the operation. A certain (sync or awaited) operation that returns proves
        /// the socket was in a state that allows it: the states in which it throws are dropped (Listen on an unbound
        /// socket does not throw on Linux, so it stays). When it throws in every state the misuse is reported and the
        /// caller forgets the socket.
        /// </summary>
        private static void Transition(int[] receiver, OperationProtocol protocol, bool certain, FlowState state)
        {
            foreach (var id in receiver)
            {
                if (id == FlowState.Unknown)
                {
                    continue;
                }

                var before = state.GetFacts(id);
                var kinds = before.Kinds == SocketKinds.None ? SocketKinds.Any : before.Kinds;
                SocketStates all = SocketStates.None, proven = SocketStates.None;
                var provenKinds = SocketKinds.None;
                for (var i = 0; i < SocketStateText.Each.Length; i++)
                {
                    if ((before.States & SocketStateText.Each[i]) == 0)
                    {
                        continue;
                    }

                    all |= protocol.Next[i];
                    var streamOk = (kinds & SocketKinds.Stream) != 0 && Returns(protocol.Stream[i]);
                    var datagramOk = (kinds & SocketKinds.Datagram) != 0 && Returns(protocol.Datagram[i]);
                    if (streamOk || datagramOk)
                    {
                        proven |= protocol.Next[i];
                        provenKinds |= (streamOk ? SocketKinds.Stream : SocketKinds.None) | (datagramOk ? SocketKinds.Datagram : SocketKinds.None);
                    }
                }

                if (!certain || (receiver.Length != 1 && !HeldByOneName(receiver, state)))
                {
                    state.SetFacts(id, before.WithStates(before.States | all));
                }
                else if (proven != SocketStates.None)
                {
                    state.SetFacts(id, new SocketFacts(proven, provenKinds));
                }
                else
                {
                    state.SetFacts(id, before.WithStates(all));
                }
            }
        }

        /// <summary>
        /// True when a receiver that may be any of several sockets the body made (<c>c = v6 ? new Socket(…) : new
        /// Socket(…)</c>, or one per branch of an <c>if</c>) is one name's alone: no other name refers to any of them
        /// (flow captures of that same value aside). At run time the name refers to one of them and the others are
        /// unreachable, so a certain operation moves them all as if each were the one. A socket from outside the body,
        /// or one another name may hold (an earlier turn's socket kept in a second local), keeps the weak update.
        /// </summary>
        private static bool HeldByOneName(int[] receiver, FlowState state)
        {
            foreach (var id in receiver)
            {
                if (id < 0)
                {
                    return false;
                }
            }

            var names = 0;
            foreach (var pair in state.Bindings)
            {
                var ids = pair.Value;
                var shared = false;
                foreach (var id in ids)
                {
                    if (Array.IndexOf(receiver, id) >= 0)
                    {
                        shared = true;
                        break;
                    }
                }

                if (!shared)
                {
                    continue;
                }

                if (!SameIds(ids, receiver) || (pair.Key is not CaptureId && ++names > 1))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool SameIds(int[] a, int[] b)
        {
            if (a.Length != b.Length)
            {
                return false;
            }

            for (var i = 0; i < a.Length; i++)
            {
                if (a[i] != b[i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>True when the operation returns normally under this verdict: it is allowed, or it is the silent SOCK001.</summary>
        internal static bool Returns(string? verdict) => verdict is null or RuleIdentifiers.ListenWithoutBind;

        /// <summary>
        /// A certain operation broke the protocol in every state the socket may be in, so it throws (Listen without
        /// Bind throws on Windows; on Linux it listens on a port nobody knows, which is no state the code meant either).
        /// On the paths that go on, the socket is in no state at all: later operations on it are not reported (one
        /// mistake, one diagnostic), and the empty set adds nothing where paths join, so a misuse inside a loop is
        /// still reported from the state that reaches it on the loop's first turn. This is the post-state of the
        /// call, not a "reported" flag: the decision to report is made on the converged state alone.
        /// </summary>
        private static void Fail(int[] ids, FlowState state)
        {
            foreach (var id in ids)
            {
                if (id != FlowState.Unknown)
                {
                    state.SetFacts(id, SocketFacts.Bottom);
                }
            }
        }

        /// <summary><c>client.Client</c> of a <c>TcpClient</c> or <c>UdpClient</c>.</summary>
        private bool IsClientSocketOfClient(IOperation instance)
            => instance.WalkDownConversions() is IPropertyReferenceOperation { Property.Name: "Client", Instance: { } owner }
                && model.ModelTypeOf(owner.Type) is SocketModelType.TcpClient or SocketModelType.UdpClient;

        /// <summary>
        /// The rule broken when every state and kind the receiver may have breaks the protocol row of the operation,
        /// or null; reports it during the replay of the converged states.
        /// </summary>
        private string? Check(IOperation operation, int[] receiver, SocketModelType type, SocketOperation kind, string name, IOperation instance, FlowState state, bool throughHelper = false)
        {
            if (!SocketProtocolModel.Protocol.TryGetValue(kind, out var protocol))
            {
                return null;
            }

            var facts = SocketFacts.Bottom;
            foreach (var id in receiver)
            {
                facts = facts.Join(id == FlowState.Unknown ? SocketFacts.Unknown : state.GetFacts(id));
            }

            if (facts.States == SocketStates.None)
            {
                return null;
            }

            var broken = new HashSet<string>(StringComparer.Ordinal);
            if (!BreaksEveryState(facts, protocol, broken))
            {
                return null;
            }

            var kinds = facts.Kinds == SocketKinds.None ? SocketKinds.Any : facts.Kinds;

            string? chosen = null;
            var fromClass = FromClassSummary(receiver, facts.States);
            foreach (var rule in fromClass ? SummaryPrecedence : Precedence)
            {
                if (broken.Contains(rule))
                {
                    chosen = rule;
                    break;
                }
            }

            if (chosen is null)
            {
                return null;
            }

            if (throughHelper && chosen is RuleIdentifiers.ListenWithoutBind or RuleIdentifiers.AcceptWithoutListen or RuleIdentifiers.IoOnListeningSocket)
            {
                return chosen;
            }

            NoteFinding();
            var location = operation.Syntax.GetLocation();
            if (!Reporting || !reported.Add(location))
            {
                return chosen;
            }

            var socketName = Display(instance);
            var stateText = SocketStateText.Describe(facts.States, type);
            if (containingType is not null && fromClass)
            {
                // The state comes from the class's field summary: say that no method of the class does the missing step.
                stateText += ClassClause(chosen, type, containingType, IsDatagramReceive(type, kind, kinds));
            }

            var properties = ImmutableDictionary<string, string?>.Empty;
            if (InLaterTurn)
            {
                // Certain only from the paths that came around the loop: the first turn is fine, every next one is not.
                stateText += " on the loop's next turn";
                properties = properties.Add(NextTurnProperty, "true");
            }

            object[] arguments;
            switch (chosen)
            {
                case RuleIdentifiers.ListenWithoutBind:
                    arguments = new object[] { socketName, stateText, name };
                    break;
                case RuleIdentifiers.AcceptWithoutListen:
                    var callFirst = type == SocketModelType.TcpListener ? "Start" : "Listen";
                    arguments = new object[] { socketName, stateText, name, callFirst };
                    properties = properties.Add(CallFirstProperty, callFirst);
                    break;
                case RuleIdentifiers.IoOnListeningSocket:
                    arguments = new object[] { socketName, kind switch { SocketOperation.Send => "send", SocketOperation.Receive => "receive", _ => "make the stream" } };
                    break;
                case RuleIdentifiers.IoOnUnconnectedSocket:
                    // A datagram socket neither bound nor connected has no port: Windows refuses the receive, Linux lets it
                    // wait for a datagram that cannot come (checked on Linux: the call never returned).
                    // A receive from any sender checks for a local address first: InvalidOperationException on every OS.
                    var thrown = kind == SocketOperation.ReceiveFrom ? "InvalidOperationException (\"You must call the Bind method\")"
                        : type == SocketModelType.Socket
                        ? kind == SocketOperation.MakeStream ? "IOException"
                            : kind == SocketOperation.Receive && kinds == SocketKinds.Datagram ? "SocketException on Windows (on Linux it waits for ever: the socket has no port)"
                            : "SocketException"
                        : type == SocketModelType.NetworkStream ? "IOException" : "InvalidOperationException";
                    // A datagram socket that receives needs a local port, which Bind gives (a Connect gives one too, and a peer).
                    var advice = type == SocketModelType.UdpClient && kind == SocketOperation.ReceiveFrom
                        ? "Give it a local port first (new UdpClient(port), or Client.Bind)"
                        : IsDatagramReceive(type, kind, kinds) || kind == SocketOperation.ReceiveFrom
                        ? "Bind it to a local endpoint first (or connect it)"
                        : "Connect it first";
                    arguments = new object[] { socketName, stateText, name, thrown, advice };
                    break;
                case RuleIdentifiers.UseAfterCloseOrShutdown:
                    arguments = new object[]
                    {
                        socketName, stateText, name,
                        (facts.States & SocketStates.Closed) == 0 ? "SocketException"
                            // new StreamReader(closed) and the other readers and writers: the stream can no longer be read or written.
                            : operation is IObjectCreationOperation ? "ArgumentException (the stream is no longer readable or writable)"
                            // client.Client.RemoteEndPoint after client.Close(): a closed TcpClient or UdpClient has no socket
                            // (checked on .NET 10: Client is null); after client.Client.Close() it is the disposed socket.
                            : facts.States == SocketStates.Closed && IsClientSocketOfClient(instance) ? "NullReferenceException if the client was closed (its Client is then null), ObjectDisposedException if only its socket was"
                            // A client whose stream was closed is not disposed itself: GetStream finds its socket gone.
                            : type == SocketModelType.TcpClient && kind == SocketOperation.MakeStream ? "InvalidOperationException, or ObjectDisposedException once the client itself is disposed"
                            // Closed on some paths only (a Disconnect leaves it closed or reusable; a join of a closed and an
                            // unconnected path): each of the two exceptions, with the states that throw it.
                            : facts.States != SocketStates.Closed ? "ObjectDisposedException if it is closed, SocketException if it is " + SocketStateText.Describe(facts.States & ~SocketStates.Closed, type)
                            : "ObjectDisposedException",
                    };
                    break;
                default:
                    var what = kinds == SocketKinds.Datagram && kind is SocketOperation.Listen or SocketOperation.Accept or SocketOperation.MakeStream ? "a datagram socket" : kind == SocketOperation.Bind ? "already " + stateText : stateText;
                    arguments = new object[] { socketName, what, kind == SocketOperation.SendToPeer ? name + " to an explicit destination" : name };
                    break;
            }

            findings.Add(new LifecycleFinding(chosen, location, arguments, properties));
            return chosen;
        }

        private void Summarize(int id, SocketFacts facts)
            => summarized[id] = summarized.TryGetValue(id, out var earlier) ? earlier | facts.States : facts.States;

        /// <summary>
        /// True when every socket of <paramref name="receiver"/> comes from the class's field summary and is still in the
        /// states the summary gave it (<paramref name="states"/>): the body has not moved it itself (<c>socket.Close();
        /// socket.Send(…)</c> is the body's doing, and a message must not say that no method of the class connects it).
        /// </summary>
        private bool FromClassSummary(int[] receiver, SocketStates states)
        {
            var given = SocketStates.None;
            foreach (var id in receiver)
            {
                if (!summarized.TryGetValue(id, out var summary))
                {
                    return false;
                }

                given |= summary;
            }

            return receiver.Length > 0 && states == given;
        }

        /// <summary>A receive on a datagram socket: it needs a local port, which Bind gives (a Connect gives one too, and a peer).</summary>
        private static bool IsDatagramReceive(SocketModelType type, SocketOperation kind, SocketKinds kinds)
            => type == SocketModelType.Socket && kind is SocketOperation.Receive or SocketOperation.ReceiveFrom && kinds == SocketKinds.Datagram;

        /// <summary>" (no method of 'Server' starts it)": what no method of the class does, for a summarised field.</summary>
        private static string ClassClause(string rule, SocketModelType type, INamedTypeSymbol containingType, bool datagramReceive)
        {
            var step = rule switch
            {
                RuleIdentifiers.ListenWithoutBind => "binds it",
                RuleIdentifiers.AcceptWithoutListen => type == SocketModelType.TcpListener ? "starts it" : "makes it listen",
                RuleIdentifiers.IoOnUnconnectedSocket => datagramReceive ? "binds or connects it" : "connects it",
                _ => null,
            };

            return step is null
                ? $" (in every state the methods of '{containingType.Name}' can leave it in)"
                : $" (no method of '{containingType.Name}' {step})";
        }

        /// <summary>How a message names the socket: the receiver as written (<c>listener</c>, <c>listener.Server</c>, <c>this.socket</c>).</summary>
        private static string Display(IOperation instance)
        {
            var text = instance.WalkDownConversions().Syntax.ToString().Trim();
            if (text.Length > 60)
            {
                text = text.Substring(0, 57) + "...";
            }

            return text.Length == 0 ? "the socket" : text;
        }
    }
}
