using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Common;
using SocketAnalyzers.Lifecycle;
using SocketAnalyzers.Model;

namespace SocketAnalyzers.Server
{
    /// <summary>
    /// SOCK050: an accept loop that, in the same iteration, serves the accepted client to the end (a blocking or awaited
    /// read loop on the client or on a stream or reader made from it, in the loop itself or in a method of this
    /// compilation called, and awaited, with the client) before it accepts the next. A client handed to a task, a thread,
    /// the thread pool or an un-awaited async method is served concurrently and is not reported; nor is a server that
    /// accepts once (no loop).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SOCK050IterativeServerAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>Present (value <c>TaskRun</c>) when the per-client work is one call statement, the diagnostic's additional location.</summary>
        public const string FixProperty = "Fix";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.SOCK050IterativeServer);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var symbols = KnownSymbols.TryCreate(start.Compilation);
                if (symbols is null)
                {
                    return;
                }

                start.RegisterOperationBlockAction(c => AnalyzeBlocks(c, symbols, symbols.TextReader));
            });
        }

        /// <summary>Every call of the body, read from the shared walk (<see cref="BodyOperations"/>): one callback per body, not one per call.</summary>
        private static void AnalyzeBlocks(OperationBlockAnalysisContext context, KnownSymbols symbols, INamedTypeSymbol? textReader)
        {
            foreach (var operation in BodyOperations.OfKind<IInvocationOperation>(context.OperationBlocks, OperationKind.Invocation, context.CancellationToken))
            {
                Analyze(in context, operation, symbols, textReader);
            }
        }

        private static void Analyze(in OperationBlockAnalysisContext context, IInvocationOperation accept, KnownSymbols symbols, INamedTypeSymbol? textReader)
        {
            if (!accept.TargetMethod.Name.StartsWith("Accept", System.StringComparison.Ordinal))
            {
                // Every catalogued accept of the blocking or task form is named so (Accept, AcceptTcpClientAsync, …): the
                // other calls, nearly all of them, skip the catalogue's lookup.
                return;
            }

            if (!IsAccept(symbols.Catalogue.Facts(accept.TargetMethod), out var form))
            {
                return;
            }

            var result = accept.WalkUpToResult(symbols.Framework, out _);
            if (form == CallForm.Async && result is not IAwaitOperation)
            {
                return;
            }

            if (AcceptedLocal(result) is not { } client || accept.EnclosingLoop() is not { } loop)
            {
                return;
            }

            var cancellationToken = context.CancellationToken;
            var derived = Derived(loop, client, cancellationToken);
            var scan = new Scan(symbols, textReader, accept.SemanticModel, cancellationToken);
            if (scan.ServesInLoop(loop, derived))
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.SOCK050IterativeServer, accept.Syntax.GetLocation(), Display(accept)));
                return;
            }

            if (scan.ServingCall(loop, derived) is not { } call)
            {
                return;
            }

            var properties = ImmutableDictionary<string, string?>.Empty;
            var additional = ImmutableArray<Location>.Empty;
            if (CanHandOff(loop, call, client, derived))
            {
                properties = properties.Add(FixProperty, "TaskRun");
                additional = ImmutableArray.Create(call.Syntax.GetLocation());
            }

            context.ReportDiagnostic(Diagnostic.Create(Descriptors.SOCK050IterativeServer, accept.Syntax.GetLocation(), additional, properties, Display(accept)));
        }

        private static string Display(IInvocationOperation accept) => accept.TargetMethod.Name;

        /// <summary>
        /// A catalogued accept of a socket or listener that returns the client: its blocking or task form (the
        /// <c>Begin…</c>/<c>End…</c> pair and the <c>SocketAsyncEventArgs</c> form hand the client over elsewhere).
        /// </summary>
        private static bool IsAccept(ApiFacts? facts, out CallForm form)
        {
            form = facts?.Form ?? CallForm.Sync;
            return facts is { Form: CallForm.Sync or CallForm.Async }
                && facts.Accept is not null;
        }

        /// <summary>The local (or field of the object: <c>client = m_listener.AcceptTcpClient();</c>, fresh37) the accepted client is stored in.</summary>
        private static ISymbol? AcceptedLocal(IOperation result)
        {
            return result.WalkUpConversions(out var current) switch
            {
                ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } assignment when assignment.Value == current => local.Local,
                ISimpleAssignmentOperation { Target: IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field } assignment when assignment.Value == current => field.Field,
                IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
                _ => null,
            };
        }

        /// <summary>The client and the locals, and fields of the object, made from it in the loop (its stream, a reader over the stream).</summary>
        private static HashSet<ISymbol> Derived(ILoopOperation loop, ISymbol client, CancellationToken cancellationToken)
            => Derived(loop, new HashSet<ISymbol>(SymbolComparer.Instance) { client }, cancellationToken);

        /// <summary><paramref name="derived"/> and the locals made from them in <paramref name="scope"/> (not in its lambdas).</summary>
        private static HashSet<ISymbol> Derived(IOperation scope, HashSet<ISymbol> derived, CancellationToken cancellationToken)
        {
            var changed = true;
            for (var round = 0; changed && round < 4; round++)
            {
                changed = false;
                foreach (var operation in Descendants(scope, cancellationToken))
                {
                    ISymbol? target = null;
                    IOperation? value = null;
                    switch (operation)
                    {
                        case IVariableDeclaratorOperation { Initializer: { } initializer } declarator:
                            target = declarator.Symbol;
                            value = initializer.Value;
                            break;
                        case ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } assignment:
                            target = local.Local;
                            value = assignment.Value;
                            break;
                        case ISimpleAssignmentOperation { Target: IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field } assignment:
                            // m_Stream = client.GetStream(); in the accept loop (fresh37 miss 1, a course file server): the
                            // object's own field holds this client's stream for the rest of the turn.
                            target = field.Field;
                            value = assignment.Value;
                            break;
                    }

                    if (target is not null && value is not null && !derived.Contains(target) && Mentions(value, derived))
                    {
                        derived.Add(target);
                        changed = true;
                    }
                }
            }

            return derived;
        }

        private static bool Mentions(IOperation value, HashSet<ISymbol> locals)
        {
            foreach (var operation in value.DescendantsAndSelf())
            {
                if (operation is ILocalReferenceOperation local && locals.Contains(local.Local)
                    || operation is IParameterReferenceOperation parameter && locals.Contains(parameter.Parameter)
                    || operation is IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field && locals.Contains(field.Field))
                {
                    return true;
                }

                if (operation is IAnonymousFunctionOperation)
                {
                    return false;
                }
            }

            return false;
        }

        /// <summary>True when <paramref name="operation"/> references one of <paramref name="locals"/>, in its lambdas and local functions too (they may run later).</summary>
        private static bool UsesAny(IOperation operation, HashSet<ISymbol> locals)
        {
            foreach (var descendant in operation.DescendantsAndSelf())
            {
                if (descendant is ILocalReferenceOperation local && locals.Contains(local.Local))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The operations of a loop, not those of the lambdas and local functions in it.</summary>
        private static IEnumerable<IOperation> Descendants(IOperation root, CancellationToken cancellationToken)
        {
            var stack = new Stack<IOperation>();
            stack.Push(root);
            while (stack.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var operation = stack.Pop();
                yield return operation;
                if (operation is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    continue;
                }

                foreach (var child in operation.ChildOperations)
                {
                    stack.Push(child);
                }
            }
        }

        /// <summary>
        /// The fix hands the call to a task: only when it is a call statement of the loop's block (no result kept), the client is not
        /// disposed by a using, and nothing after the call uses the client (it would race with the task).
        /// </summary>
        private static bool CanHandOff(ILoopOperation loop, IOperation call, ISymbol client, HashSet<ISymbol> derived)
        {
            // A result kept (string request = ReadAll(client);) is used after the call: a task cannot give it back there.
            if (loop.Body is not IBlockOperation body || derived.Count != 1 || call is not IExpressionStatementOperation { Operation: not ISimpleAssignmentOperation })
            {
                return false;
            }

            var index = -1;
            for (var i = 0; i < body.Operations.Length; i++)
            {
                if (body.Operations[i] == call)
                {
                    index = i;
                }
                else if (index < 0 && body.Operations[i] is IUsingDeclarationOperation or IUsingOperation)
                {
                    return false;
                }
            }

            if (index < 0)
            {
                return false;
            }

            for (var i = index + 1; i < body.Operations.Length; i++)
            {
                if (UsesAny(body.Operations[i], derived))
                {
                    return false;
                }
            }

            // Declared in the loop's body: each iteration's lambda captures its own client.
            return client is ILocalSymbol
                && client.DeclaringSyntaxReferences.Length == 1
                && client.DeclaringSyntaxReferences[0].SyntaxTree == body.Syntax.SyntaxTree
                && body.Syntax.Span.Contains(client.DeclaringSyntaxReferences[0].Span);
        }

        /// <summary>Looks for the serving read loop.</summary>
        private sealed class Scan
        {
            private readonly KnownSymbols symbols;
            private readonly INamedTypeSymbol? textReader;
            private readonly SemanticModel? semanticModel;
            private readonly CancellationToken cancellationToken;

            public Scan(KnownSymbols symbols, INamedTypeSymbol? textReader, SemanticModel? semanticModel, CancellationToken cancellationToken)
            {
                this.symbols = symbols;
                this.textReader = textReader;
                this.semanticModel = semanticModel;
                this.cancellationToken = cancellationToken;
            }

            /// <summary>A loop nested in the accept loop that reads (blocking or awaited) from the client.</summary>
            public bool ServesInLoop(ILoopOperation loop, HashSet<ISymbol> derived)
            {
                foreach (var operation in Descendants(loop.Body, cancellationToken))
                {
                    if (operation is ILoopOperation inner && ReadsIn(inner, derived))
                    {
                        return true;
                    }
                }

                return false;
            }

            /// <summary>
            /// A statement of the accept loop that calls a method of this compilation, passing the client, whose body reads in a
            /// loop; blocking, or awaited. The call is the statement, or the value it assigns or declares (<c>string request =
            /// ReadAll(client);</c>, audit87: the caller waits the same).
            /// </summary>
            public IOperation? ServingCall(ILoopOperation loop, HashSet<ISymbol> derived)
            {
                foreach (var operation in Descendants(loop.Body, cancellationToken))
                {
                    var (statement, expression) = operation switch
                    {
                        IExpressionStatementOperation { Operation: ISimpleAssignmentOperation assigned } kept => (kept, assigned.Value),
                        IExpressionStatementOperation call => (call, call.Operation),
                        IVariableDeclarationGroupOperation { Declarations.Length: 1 } declared
                            when declared.Declarations[0] is { Declarators.Length: 1 } declaration
                                && (declaration.Declarators[0].Initializer ?? declaration.Initializer) is { } initializer
                            => ((IOperation)declared, initializer.Value),
                        _ => (null, null),
                    };
                    if (statement is null || expression is null)
                    {
                        continue;
                    }

                    expression = expression.WalkDownConversions();
                    var awaited = false;
                    if (expression is IAwaitOperation awaitOperation)
                    {
                        awaited = true;
                        expression = awaitOperation.Operation;
                        if (expression is IInvocationOperation { Instance: { } configured } configureAwait && symbols.Framework.IsConfigureAwait(configureAwait.TargetMethod))
                        {
                            expression = configured;
                        }
                    }

                    if (awaited && expression.WalkDownConversions() is ILocalReferenceOperation task)
                    {
                        // Task t = Process(client); … await t; (fresh23 miss): the task the loop's body made once.
                        expression = SocketAnalyzers.Reads.ReadBody.OnlyDeclaredValue(loop.Body, task.Local)?.WalkDownConversions() ?? expression;
                    }

                    if (expression is IInvocationOperation invocation && PassesClient(invocation, derived)
                        && (awaited || IsBlocking(invocation.TargetMethod)) && ReadsInLoop(invocation.TargetMethod))
                    {
                        return statement;
                    }
                }

                return null;
            }

            private static bool PassesClient(IInvocationOperation invocation, HashSet<ISymbol> derived)
            {
                foreach (var argument in invocation.Arguments)
                {
                    if (IsOnClient(argument.Value, derived))
                    {
                        return true;
                    }
                }

                return false;
            }

            /// <summary>
            /// A call that returns only when its work is done: not a task, not an async method (which returns at its first
            /// pending <c>await</c>, whatever its declared return type: fresh102 F1, a loose file whose <c>Task</c> does not
            /// bind without <c>using System.Threading.Tasks;</c>), and not a method whose return type does not bind (unknown).
            /// </summary>
            private bool IsBlocking(IMethodSymbol method)
            {
                if (method.IsAsync || method.ReturnType.TypeKind == TypeKind.Error)
                {
                    return false;
                }

                var returnType = method.ReturnType.OriginalDefinition;
                return !(SymbolEqualityComparer.Default.Equals(returnType, symbols.Task) || SymbolEqualityComparer.Default.Equals(returnType, symbols.TaskOfT)
                    || SymbolEqualityComparer.Default.Equals(returnType, symbols.ValueTask) || SymbolEqualityComparer.Default.Equals(returnType, symbols.ValueTaskOfT)
                    || KnownSymbols.IsOrDerivesFrom(method.ReturnType, symbols.Task));
            }

            /// <summary>
            /// True when the body of <paramref name="method"/> (in this file) has a loop that reads; or, one call deeper, when it
            /// hands what it was given (or a stream or reader made from it) to a blocking or awaited method of the file whose
            /// loop reads from that (fresh12 miss 3, the MSDN SslStream server: <c>ProcessClient(client)</c> wraps the client in
            /// an <c>SslStream</c> and calls <c>ReadMessage(sslStream)</c>, whose <c>do { … Read … } while (bytes != 0)</c> waits
            /// for the end of the message). Past the first call the read must be on the value handed down.
            /// </summary>
            private bool ReadsInLoop(IMethodSymbol method, int depth = 0)
            {
                if (method.DeclaringSyntaxReferences.Length != 1)
                {
                    return false;
                }

                // The callee is looked at only in the same file: its semantic model is the caller's (RS1030).
                var syntax = method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
                if (semanticModel is null || syntax.SyntaxTree != semanticModel.SyntaxTree)
                {
                    return false;
                }

                var body = semanticModel.GetOperation(syntax, cancellationToken);
                if (body is null)
                {
                    return false;
                }

                // What the method was given, and the locals it makes from that: asked past the first call, and for the next.
                HashSet<ISymbol>? made = null;
                HashSet<ISymbol> Made() => made ??= method.Parameters.Length == 0
                    ? new HashSet<ISymbol>(SymbolComparer.Instance)
                    : Derived(body, new HashSet<ISymbol>(method.Parameters, SymbolComparer.Instance), cancellationToken);

                foreach (var operation in Descendants(body, cancellationToken))
                {
                    if (operation is ILoopOperation loop && ReadsIn(loop, depth == 0 ? null : Made()))
                    {
                        return true;
                    }
                }

                if (depth > 0 || Made().Count == 0)
                {
                    return false;
                }

                foreach (var operation in Descendants(body, cancellationToken))
                {
                    if (operation is IInvocationOperation { TargetMethod: var callee } call
                        && !SymbolEqualityComparer.Default.Equals(callee.OriginalDefinition, method.OriginalDefinition)
                        && PassesClient(call, Made())
                        && (IsBlocking(callee) || call.WalkUpToResult(symbols.Framework, out _) is IAwaitOperation)
                        && ReadsInLoop(callee, depth + 1))
                    {
                        return true;
                    }
                }

                return false;
            }

            /// <summary>
            /// A loop whose body always leaves it on its first turn: the body's last statement is a <c>break</c>, <c>return</c>
            /// or <c>throw</c>, and no <c>continue</c> of this loop comes before it (<c>while (true) { n = client.Receive(b);
            /// …; break; }</c>, one request per connection: fresh39 F2).
            /// </summary>
            private static bool RunsOnce(ILoopOperation loop)
            {
                if (loop.Body?.Syntax is not BlockSyntax { Statements: { Count: > 0 } statements } block
                    || statements[statements.Count - 1] is not (BreakStatementSyntax or ReturnStatementSyntax or ThrowStatementSyntax))
                {
                    return false;
                }

                foreach (var node in block.DescendantNodes(static node => node is not (WhileStatementSyntax or DoStatementSyntax or ForStatementSyntax
                    or CommonForEachStatementSyntax or AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
                {
                    if (node is ContinueStatementSyntax or GotoStatementSyntax)
                    {
                        return false;
                    }
                }

                return true;
            }

            /// <summary>
            /// A loop that goes on only while received bytes wait on a connection (<c>do { n = s.Receive(b); … } while
            /// (s.Available &gt; 0);</c>, <c>while (client.Available != 0 &amp;&amp; …)</c>): its reads after the first take what
            /// is already queued and do not wait for the client, so it serves one request, as a single read does.
            /// </summary>
            private bool TakesOnlyWhatIsQueued(ILoopOperation loop)
                => loop is IWhileLoopOperation { Condition: { } condition } && RequiresQueuedBytes(condition, loop);

            private bool RequiresQueuedBytes(IOperation condition, ILoopOperation loop)
                => condition.WalkDownConversions() switch
                {
                    IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } both
                        => RequiresQueuedBytes(both.LeftOperand, loop) || RequiresQueuedBytes(both.RightOperand, loop),

                    // while (stream.DataAvailable || all.Count == 0): the other side holds only until the first bytes came.
                    IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } either
                        => RequiresQueuedBytes(either.LeftOperand, loop) && NothingReceivedYet(either.RightOperand, loop)
                            || RequiresQueuedBytes(either.RightOperand, loop) && NothingReceivedYet(either.LeftOperand, loop),
                    _ => AvailableGuard.AtLeast(condition, conditionValue: true, symbols.Catalogue, out _) is >= 1,
                };

            /// <summary>
            /// <paramref name="condition"/> is an emptiness test of a local the loop fills (<c>all.Count == 0</c>,
            /// <c>sb.Length == 0</c>, <c>total == 0</c>) and that nothing in the loop empties: the loop goes on by it only until
            /// something arrived, so it waits for the client once (fresh11 F3: <c>while (stream.DataAvailable || all.Count ==
            /// 0) { n = stream.Read(…); if (n == 0) break; … all.Add(buffer[i]); }</c>). Every statement of the loop that
            /// follows its read and is not inside a branch must be reached only when the read returned bytes, which the rule
            /// does not prove: it asks instead that the loop grows the local (<c>Add</c>, <c>AddRange</c>, <c>Append</c>,
            /// <c>Write</c>, <c>+=</c>), and never assigns, clears or removes from it.
            /// </summary>
            private static bool NothingReceivedYet(IOperation condition, ILoopOperation loop)
            {
                if (condition.WalkDownConversions() is not IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } test
                    || test.RightOperand.WalkDownConversions().ConstantValue is not { HasValue: true, Value: 0 })
                {
                    return false;
                }

                var measured = test.LeftOperand.WalkDownConversions() switch
                {
                    IPropertyReferenceOperation { Property.Name: "Count" or "Length", Instance: ILocalReferenceOperation local } => local.Local,
                    ILocalReferenceOperation { Type.SpecialType: SpecialType.System_Int32 or SpecialType.System_Int64 } local => local.Local,
                    _ => null,
                };
                if (measured is null)
                {
                    return false;
                }

                var grows = false;
                foreach (var operation in loop.Body.DescendantsAndSelf())
                {
                    switch (operation)
                    {
                        case IInvocationOperation { Instance: ILocalReferenceOperation target, TargetMethod.Name: var name }
                            when SymbolEqualityComparer.Default.Equals(target.Local, measured):
                            if (name is "Add" or "AddRange" or "Append" or "Write")
                            {
                                grows = true;
                            }
                            else if (name is "Clear" or "Remove" or "RemoveAt" or "RemoveRange" or "SetLength" or "Insert")
                            {
                                return false;
                            }

                            break;
                        case ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add, Target: ILocalReferenceOperation target }
                            when SymbolEqualityComparer.Default.Equals(target.Local, measured):
                            grows = true;
                            break;
                        case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } when SymbolEqualityComparer.Default.Equals(target.Local, measured):
                        case IPropertyReferenceOperation { Property.Name: "Length", Instance: ILocalReferenceOperation target2, Parent: ISimpleAssignmentOperation assignment }
                            when assignment.Target == operation && SymbolEqualityComparer.Default.Equals(target2.Local, measured):
                        case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out, Value: ILocalReferenceOperation target3 } when SymbolEqualityComparer.Default.Equals(target3.Local, measured):
                            return false;
                    }
                }

                return grows;
            }

            /// <summary>A blocking or awaited read in <paramref name="loop"/> (not in its lambdas), on the client when <paramref name="derived"/> is given.</summary>
            private bool ReadsIn(ILoopOperation loop, HashSet<ISymbol>? derived)
            {
                if (TakesOnlyWhatIsQueued(loop) || RunsOnce(loop))
                {
                    return false;
                }

                foreach (var operation in Descendants(loop, cancellationToken))
                {
                    if (operation is not IInvocationOperation invocation || invocation.Instance is null)
                    {
                        continue;
                    }

                    var method = invocation.TargetMethod;
                    // A network read, or the I/O of a text or binary reader (the catalogue's rows for a reader made over a
                    // network stream: ReadLine, ReadToEnd, Peek, BinaryReader.ReadString, ReadInt32, …, fresh28 miss 1): each
                    // waits for what it reads.
                    var isRead = symbols.Reads.TryGetRead(invocation, cancellationToken) is not null
                        || ((KnownSymbols.IsOrDerivesFrom(method.ContainingType, textReader) || KnownSymbols.IsOrDerivesFrom(method.ContainingType, symbols.BinaryReader))
                            && symbols.Catalogue.Facts(method)?.Lifecycle(SocketModelType.StreamWrapper) is { Operation: SocketOperation.Use });
                    if (!isRead)
                    {
                        continue;
                    }

                    var async = method.Name.EndsWith("Async", System.StringComparison.Ordinal);
                    if (async && invocation.WalkUpToResult(symbols.Framework, out _) is not IAwaitOperation)
                    {
                        continue;
                    }

                    if (derived is null || IsOnClient(invocation.Instance, derived))
                    {
                        return true;
                    }
                }

                return false;
            }

            /// <summary>
            /// The receiver is the client or a local (or a field of the object) made from it, or a view of one taken inline: <c>client.GetStream()</c>,
            /// <c>client.Client</c> (fresh12 miss 2: <c>read = tcpClient.GetStream().Read(buffer, received, size)</c>).
            /// </summary>
            private static bool IsOnClient(IOperation receiver, HashSet<ISymbol> derived)
            {
                for (var value = receiver.WalkDownConversions(); ; )
                {
                    switch (value)
                    {
                        case ILocalReferenceOperation local:
                            return derived.Contains(local.Local);
                        case IParameterReferenceOperation parameter:
                            return derived.Contains(parameter.Parameter);
                        case IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field:
                            return derived.Contains(field.Field);
                        case IInvocationOperation { Instance: { } instance, Arguments.Length: 0 }:
                            value = instance.WalkDownConversions();
                            break;
                        case IPropertyReferenceOperation { Instance: { } instance, Arguments.Length: 0 }:
                            value = instance.WalkDownConversions();
                            break;
                        default:
                            return false;
                    }
                }
            }
        }
    }
}
