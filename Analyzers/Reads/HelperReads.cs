using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Common;
using SocketAnalyzers.Model;

namespace SocketAnalyzers.Reads
{
    /// <summary>What a helper returns when its read got the end of stream.</summary>
    internal enum HelperResult
    {
        /// <summary>The read's 0 count (<c>int ReadSome(byte[] b) =&gt; socket.Receive(b);</c>).</summary>
        Count,

        /// <summary>The text decoded from the 0 bytes: <c>""</c> (<c>return Encoding.ASCII.GetString(buf, 0, n);</c>).</summary>
        EmptyText,

        /// <summary>A line read's <c>null</c> (<c>string Receive() =&gt; reader.ReadLine();</c>).</summary>
        NullLine,

        /// <summary>A character read's -1.</summary>
        EndChar,

        /// <summary>
        /// The bytes of the text decoded from the 0 bytes: an empty array (<c>return Encoding.Unicode.GetBytes(builder.ToString());</c>
        /// of a drain helper, fresh13 miss 3).
        /// </summary>
        EmptyBytes,

        /// <summary>
        /// Something the caller cannot tell from data: the helper drops its count, or returns a value not made from it
        /// (<c>s.Receive(buf); return Encoding.ASCII.GetString(buf);</c>), with nothing on the way that may throw whatever
        /// the bytes are. The caller's loop can stop only on something else; a loop with no other way out spins.
        /// </summary>
        Other,
    }

    /// <summary>
    /// The summary of a helper that returns what its one read got: the read, what the helper returns at end of stream,
    /// and the connection it reads (a field of its type, or one of its parameters). It holds symbols and syntax, never
    /// operations: it lives as long as the compilation, and operations would keep their semantic model alive.
    /// </summary>
    internal sealed class HelperRead
    {
        public HelperRead(IMethodSymbol method, NetworkRead read, HelperResult result, SyntaxNode receiver, IParameterSymbol? parameter, bool network, bool writesFields, bool oneReadText = false, IParameterSymbol? bufferParameter = null)
        {
            Method = method;
            BufferParameter = bufferParameter;
            OneReadText = oneReadText;
            ReadMethod = read.Invocation.TargetMethod;
            ReadApi = read.Api;
            Result = result;
            Receiver = receiver;
            Parameter = parameter;
            Network = network;
            WritesFields = writesFields;
            var shape = result switch
            {
                HelperResult.NullLine => CountShape.Line,
                HelperResult.EndChar => CountShape.Char,
                _ => CountShape.Int32,
            };
            Api = new ReadApi(method.Name, read.Api.Owner, shape, isAsync: !SymbolEqualityComparer.Default.Equals(HelperReads.ResultType(method), method.ReturnType));
        }

        public IMethodSymbol Method { get; }

        /// <summary>The read the helper makes (<c>NetworkStream.Read</c>).</summary>
        public IMethodSymbol ReadMethod { get; }

        /// <summary>That read as the family knows it.</summary>
        public ReadApi ReadApi { get; }

        public HelperResult Result { get; }

        /// <summary>The read's receiver inside the helper: a field of the type (<c>stream</c>, <c>client.GetStream()</c>) or <see cref="Parameter"/>.</summary>
        public SyntaxNode Receiver { get; }

        /// <summary>The helper's parameter the read's receiver is (or comes from); null when it is a field.</summary>
        public IParameterSymbol? Parameter { get; }

        /// <summary>
        /// The helper's own code shows a network receiver (its type, a field or parameter summary). When false the receiver
        /// is <see cref="Parameter"/> itself, and the caller's argument decides.
        /// </summary>
        public bool Network { get; }

        /// <summary>
        /// The helper returns the text decoded from its one read's bytes, the read filling its buffer from the start
        /// (<c>int n = stream.Read(buffer); return Encoding.UTF8.GetString(buffer, 0, n);</c>, maybe trimmed), with no drain
        /// loop: the caller holds the text of one stream read, as SOCK040 means it (fresh16 miss 1).
        /// </summary>
        public bool OneReadText { get; }

        /// <summary>The helper assigns a field: after the call a field may hold something the 0 path computed.</summary>
        public bool WritesFields { get; }

        /// <summary>
        /// The helper's <c>byte[]</c> parameter its read fills from the start, the whole array offered, when the helper returns
        /// the read's count (<c>int Recv(byte[] b) =&gt; socket.Receive(b);</c>, audit74 M3 and audit83 M1): the caller's
        /// argument then holds the bytes the call's result counts, as after the read itself (SOCK012). Null otherwise.
        /// </summary>
        public IParameterSymbol? BufferParameter { get; }

        /// <summary>The read as the caller's loop sees the call: its end of stream is 0, <c>""</c>, <c>null</c> or -1.</summary>
        public ReadApi Api { get; }

        /// <summary>How the diagnostic names the helper: <c>Chat.Receive</c>, or a local function's own name.</summary>
        public string Name => Method.MethodKind == MethodKind.LocalFunction ? Method.Name : Method.ContainingType.Name + "." + Method.Name;
    }

    /// <summary>
    /// SOCK011 across a helper (issue 13's sibling): course and hobby code hides the read in a small helper of the class
    /// and loops in the caller (<c>while (true) { var msg = Receive(); if (msg == "bye") break; }</c>). A call of such a
    /// helper in a loop becomes a read site of the caller (<see cref="ReadSite.Helper"/>) whose end of stream is the value
    /// the helper returns after its read returned 0, so the caller's flow treats it as the read itself.
    /// </summary>
    /// <remarks>
    /// <para>
    /// <b>Which helpers.</b> A local function, or an ordinary method that cannot be overridden (not virtual, abstract or an
    /// override, not extern, not partial), declared once in the file of the call, whose type's declaration holds the call,
    /// called on <c>this</c> or statically, returning <c>int</c>, <c>string</c> or <c>byte[]</c>, or <c>Task&lt;…&gt;</c> or
    /// <c>ValueTask&lt;…&gt;</c> of one of them (the caller's <c>await</c> then gets what the read got). Its body is straight
    /// code: declarations, expression statements and one final <c>return</c>, with at most one drain loop of the same
    /// (<c>do { … } while (stream.DataAvailable);</c> on the read's own connection, whose body runs once at end of stream,
    /// collecting into a new <c>StringBuilder</c> whose text is then ""); no branch, other loop, <c>try</c>, <c>using</c>,
    /// <c>throw</c>, <c>?:</c>, <c>??</c>, <c>?.</c>, <c>&amp;&amp;</c>, <c>||</c>, switch, lambda or dynamic code, and no
    /// <c>await</c> but the read's own in an <c>async</c> helper (<c>await reader.ReadLineAsync()</c>, with a constant
    /// <c>ConfigureAwait</c>), so that no path tests the count and every call makes the read and returns. It makes exactly
    /// one read of the family (not a datagram read, not zero-length, not one that throws at end of stream, not APM), on a
    /// field of its type or on one of its parameters, and returns that read's result (the 0 count, the <c>null</c> line,
    /// the -1) or the text decoded from it (<c>Encoding.X.GetString(buf, 0, n)</c>, trimmed or case-mapped: <c>""</c>), or,
    /// with nothing that may throw on any bytes, something not made from it (<see cref="HelperResult.Other"/>: the count
    /// dropped, the whole buffer decoded). An
    /// asynchronous read counts in an <c>async</c> helper that awaits it, or in a helper that is not <c>async</c> and
    /// returns the read's task itself (<c>Task&lt;string&gt; ReceiveAsync() =&gt; reader.ReadLineAsync();</c>).
    /// </para>
    /// <para>
    /// <b>Nothing else on the way.</b> No call of the project or a delegate, no <c>Close</c>/<c>Dispose</c>/
    /// <c>Disconnect</c>/<c>Shutdown</c>, no call on or given a disposable object (a socket, stream, reader or writer: a
    /// write to the connection would end the loop by its exception), no send or accept, no console input, no call after
    /// which nothing runs, no object of the project or disposable one created, no property of the project, no write of a
    /// parameter, of a disposable field or of the receiver. The 0 and the text made from it are used only in ways that
    /// cannot throw (kept in a local, returned, compared, concatenated, printed, decoded with <c>GetString(buf, 0, n)</c>,
    /// trimmed): <c>buf[n - 1]</c> or <c>text.Substring(1)</c> would throw at end of stream, which is no spin.
    /// </para>
    /// <para>
    /// <b>Cost.</b> Asked only for a call inside a loop of the caller's own function, summarised once per method for the
    /// compilation (a cancelled summary stores nothing), after a syntactic look at the body that rejects most methods
    /// without binding them. The summary never asks about another helper, so helpers cannot recurse through it.
    /// </para>
    /// </remarks>
    internal sealed class HelperReads
    {
        private readonly NetworkReads reads;
        private readonly ConcurrentDictionary<IMethodSymbol, HelperRead?> known = new(SymbolEqualityComparer.Default);

        public HelperReads(NetworkReads reads)
        {
            this.reads = reads;
        }

        /// <summary>
        /// The cheap test made for every call of a body, on the symbol's flags only (no syntax, no binding): the callee may
        /// be such a helper. The caller then asks whether the call is in a loop, and only then <see cref="At"/>.
        /// </summary>
        public static bool MayBeHelper(IInvocationOperation call)
        {
            // Asked of every call of every body with reads: the receiver and where the method is first (most calls are on
            // another object, or of a referenced method), its result type, the costliest question, last.
            if (call.Instance is not (null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }))
            {
                return false;
            }

            var method = call.TargetMethod;
            if (method.Locations is not { Length: 1 } locations || !locations[0].IsInSource
                || method is not { MethodKind: MethodKind.Ordinary or MethodKind.LocalFunction, IsVirtual: false, IsAbstract: false, IsOverride: false, IsExtern: false, ReturnsByRef: false, ReturnsByRefReadonly: false, PartialDefinitionPart: null, PartialImplementationPart: null }
                || method.ContainingType?.TypeKind is not (TypeKind.Class or TypeKind.Struct))
            {
                return false;
            }

            var result = ResultType(method);
            return result?.SpecialType is SpecialType.System_Int32 or SpecialType.System_String || IsByteArray(result);
        }

        /// <summary><c>byte[]</c>.</summary>
        internal static bool IsByteArray(ITypeSymbol? type) => type is IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_Byte };

        /// <summary>
        /// What a call of the method gives its caller: its return type, or for a method returning <c>Task&lt;T&gt;</c> or
        /// <c>ValueTask&lt;T&gt;</c> (an <c>async</c> helper, or one that returns its read's task) the <c>T</c> that
        /// <c>await</c> gives. Null for an <c>async</c> method returning anything else (<c>void</c>, <c>Task</c>).
        /// </summary>
        internal static ITypeSymbol? ResultType(IMethodSymbol method)
        {
            if (method.ReturnType is INamedTypeSymbol { Arity: 1, Name: "Task" or "ValueTask", ContainingNamespace: { Name: "Tasks", ContainingNamespace: { Name: "Threading", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } } } task)
            {
                return task.TypeArguments[0];
            }

            return method.IsAsync ? null : method.ReturnType;
        }

        /// <summary>
        /// The helper <paramref name="call"/> (in a loop of its function) calls, with the receiver its read has for this
        /// call: the helper's field, or the caller's argument for the helper's parameter. Null when the callee is no such
        /// helper, when the caller is a constructor (a readonly field may still change there), or when the argument is
        /// not a network receiver.
        /// </summary>
        public (HelperRead Helper, IOperation Receiver)? At(IInvocationOperation call, CancellationToken cancellationToken, SemanticModel? graphModel = null)
        {
            // An operation of a control-flow graph has no semantic model: its graph's original operation gives it.
            if ((call.SemanticModel ?? graphModel) is not { } model || !MayBeHelper(call))
            {
                return null;
            }

            var method = call.TargetMethod.OriginalDefinition;
            if (method.DeclaringSyntaxReferences.Length != 1 || method.DeclaringSyntaxReferences[0].SyntaxTree != call.Syntax.SyntaxTree
                || (method.MethodKind == MethodKind.Ordinary && !TypeHolds(method, call.Syntax, cancellationToken)))
            {
                return null;
            }

            if (!known.TryGetValue(method, out var helper))
            {
                helper = Summarise(method, model, cancellationToken);
                known.TryAdd(method, helper);
            }

            if (helper is null)
            {
                return null;
            }

            if (helper.Parameter is not { } parameter)
            {
                return ReadBody.InConstructor(call.Syntax) || model.GetOperation(helper.Receiver, cancellationToken) is not { } field ? null : (helper, field);
            }

            foreach (var argument in call.Arguments)
            {
                if (argument.Parameter?.Ordinal != parameter.Ordinal)
                {
                    continue;
                }

                if (argument.ArgumentKind != ArgumentKind.Explicit)
                {
                    return null;
                }

                var value = argument.Value;
                var network = helper.Network || helper.ReadApi.Owner switch
                {
                    ReadOwner.Stream => reads.IsNetworkStream(value, model, cancellationToken),
                    ReadOwner.Reader => reads.IsNetworkReader(value, cancellationToken),
                    _ => true,
                };
                return network ? (helper, value) : null;
            }

            return null;
        }

        /// <summary>The declaration of the method's type that holds the method also holds the call (the same type, or a type nested in it).</summary>
        private static bool TypeHolds(IMethodSymbol method, SyntaxNode call, CancellationToken cancellationToken)
        {
            var declaration = method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
            return declaration.Parent is TypeDeclarationSyntax type && type.SyntaxTree == call.SyntaxTree && type.Span.Contains(call.Span);
        }

        private HelperRead? Summarise(IMethodSymbol method, SemanticModel model, CancellationToken cancellationToken)
        {
            var declaration = method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
            if (declaration.SyntaxTree != model.SyntaxTree || !IsStraightSyntax(declaration))
            {
                return null;
            }

            var body = model.GetOperation(declaration, cancellationToken) switch
            {
                IMethodBodyOperation { BlockBody: { } block, ExpressionBody: null } => block,
                IMethodBodyOperation { BlockBody: null, ExpressionBody: { } expression } => expression,
                ILocalFunctionOperation { Body: { } block, IgnoredBody: null } => block,
                _ => null,
            };
            if (body is null || body.Operations.Length == 0 || body.Operations[body.Operations.Length - 1] is not IReturnOperation { Kind: OperationKind.Return, ReturnedValue: not null })
            {
                return null;
            }

            var scan = new HelperScan(reads, method, model, cancellationToken);
            return scan.Run(body);
        }

        /// <summary>
        /// A look at the syntax before any binding: a block of declarations, expression statements and returns (or an
        /// expression body) that calls something. Most methods returning <c>int</c> or <c>string</c> stop here.
        /// </summary>
        private static bool IsStraightSyntax(SyntaxNode declaration)
        {
            BlockSyntax? block;
            SyntaxNode? expression;
            switch (declaration)
            {
                case MethodDeclarationSyntax m:
                    (block, expression) = (m.Body, m.ExpressionBody);
                    break;
                case LocalFunctionStatementSyntax f:
                    (block, expression) = (f.Body, f.ExpressionBody);
                    break;
                default:
                    return false;
            }

            if (block is not null == expression is not null)
            {
                return false;
            }

            if (block is not null)
            {
                var leading = true;
                var drainLoop = false;
                foreach (var statement in block.Statements)
                {
                    if (leading && statement is IfStatementSyntax { Else: null } guard
                        && (guard.Statement is ReturnStatementSyntax || guard.Statement is BlockSyntax { Statements.Count: 1 } single && single.Statements[0] is ReturnStatementSyntax))
                    {
                        // if (stream == null) return 0;: a guard before anything else (HelperScan.IsGuard).
                        continue;
                    }

                    leading = false;
                    if (statement is DoStatementSyntax { Statement: BlockSyntax drained } && !drainLoop && IsStraightBlock(drained))
                    {
                        // do { n = stream.Read(…); sb.Append(…); } while (stream.DataAvailable);: the one drain loop (HelperScan.DrainLoop).
                        drainLoop = true;
                        continue;
                    }

                    if (!IsStraightStatement(statement))
                    {
                        return false;
                    }
                }
            }

            foreach (var node in ((SyntaxNode?)block ?? expression)!.DescendantNodes())
            {
                if (node is InvocationExpressionSyntax)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsStraightStatement(StatementSyntax statement)
            => statement is LocalDeclarationStatementSyntax { UsingKeyword.RawKind: 0 } or ExpressionStatementSyntax or ReturnStatementSyntax;

        private static bool IsStraightBlock(BlockSyntax block)
        {
            foreach (var statement in block.Statements)
            {
                if (statement is ReturnStatementSyntax || !IsStraightStatement(statement))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>One helper body's scan: its read, what may not happen around it, and the value it returns on the 0 path.</summary>
        private sealed class HelperScan
        {
            private readonly NetworkReads reads;
            private readonly IMethodSymbol method;
            private readonly SemanticModel model;
            private readonly CancellationToken cancellationToken;

            /// <summary>Locals that hold the read's end-of-stream value (0, null, -1), and locals that hold the empty text made from it.</summary>
            private readonly HashSet<ILocalSymbol> zeros = new(SymbolEqualityComparer.Default);
            private readonly HashSet<ILocalSymbol> texts = new(SymbolEqualityComparer.Default);

            private NetworkRead? read;
            private bool network;
            private bool writesFields;

            /// <summary>
            /// The helper's one <c>do { … } while (stream.DataAvailable);</c> around its read, or null (<see cref="IsDrainCondition"/>).
            /// At end of stream its body runs once: the read returns 0, nothing waits, and the loop ends.
            /// </summary>
            private IWhileLoopOperation? drainLoop;

            /// <summary>Locals holding a <c>StringBuilder</c> made in the helper that only the empty text was appended to.</summary>
            private readonly HashSet<ILocalSymbol> builders = new(SymbolEqualityComparer.Default);

            public HelperScan(NetworkReads reads, IMethodSymbol method, SemanticModel model, CancellationToken cancellationToken)
            {
                this.reads = reads;
                this.method = method;
                this.model = model;
                this.cancellationToken = cancellationToken;
            }

            private bool IsLine => read?.Api.IsLine == true;

            private bool IsChar => read?.Api.IsChar == true;

            /// <summary>What the helper's caller gets: its return type, or the result of the task it returns.</summary>
            private ITypeSymbol? Result => ResultType(method);

            /// <summary>A helper that returns a task whose result the caller awaits (<c>async Task&lt;string&gt;</c>, or one returning its read's task).</summary>
            private bool ReturnsTask => !SymbolEqualityComparer.Default.Equals(ResultType(method), method.ReturnType);

            /// <summary>
            /// <paramref name="awaited"/> awaits the read itself (<c>await reader.ReadLineAsync()</c>, through a task's
            /// <c>ConfigureAwait(…)</c>): its value is what the read got.
            /// </summary>
            private bool AwaitsRead(IAwaitOperation awaited)
                => read is not null && read.Api.IsAsync && Awaited(awaited) == read.Invocation;

            /// <summary>The call <paramref name="awaited"/> awaits, through a task's <c>ConfigureAwait(…)</c>; null for anything else.</summary>
            private IInvocationOperation? Awaited(IAwaitOperation awaited)
            {
                var operand = awaited.Operation.WalkDownConversions();
                if (reads.Symbols.Framework.IsConfigureAwait(operand) && operand is IInvocationOperation { Instance: { } task } configure
                    && configure.Arguments.Length == 1 && configure.Arguments[0].Value.ConstantValue.HasValue)
                {
                    operand = task.WalkDownConversions();
                }

                return operand as IInvocationOperation;
            }

            public HelperRead? Run(IBlockOperation body)
            {
                // Leading guards first (if (stream == null) return 0;): each must return the end-of-stream value, checked below.
                var guards = 0;
                while (guards < body.Operations.Length && body.Operations[guards] is IConditionalOperation guard)
                {
                    if (!IsGuard(guard))
                    {
                        return null;
                    }

                    guards++;
                }

                // What runs: nothing that branches, ends the path, closes, writes or runs the project's code; one read.
                if (!Allowed(body, guards))
                {
                    return null;
                }

                if (drainLoop is not null
                    && (read is null || !drainLoop.Body.Syntax.Span.Contains(read.Invocation.Syntax.Span) || drainLoop.Condition is not { } drained || !IsDrainCondition(drained, read.Invocation.Instance)))
                {
                    return null;
                }

                if (read is null || read.IsZeroLength || read.ThrowsAtEnd || read.Api.IsDatagram || read.Api.IsApmEnd
                    || (read.Api.IsAsync && !method.IsAsync && !ReturnsTask) || (!read.Api.IsAsync && ReturnsTask && !method.IsAsync)
                    || read.Invocation.Instance is not { } instance
                    || (read.Api.Owner == ReadOwner.Socket && reads.IsDatagramSocket(instance)))
                {
                    return null;
                }

                IParameterSymbol? parameter = null;
                switch (ReadBody.ReceiverRoot(instance))
                {
                    case IFieldSymbol field when network && !Writes(body, field):
                        break;
                    case IParameterSymbol p when SymbolEqualityComparer.Default.Equals(p.ContainingSymbol, method) && p.RefKind == RefKind.None && !p.IsParams
                        && (network || instance.WalkDownConversions() is IParameterReferenceOperation):
                        parameter = p;
                        break;
                    default:
                        return null;
                }

                // The 0 path, statement by statement: where the end-of-stream value goes, and what comes back.
                HelperResult? result = null;
                var statements = new List<IOperation>(body.Operations.Length);
                for (var index = guards; index < body.Operations.Length; index++)
                {
                    if (body.Operations[index] == drainLoop)
                    {
                        // Its body runs once on the 0 path: the read's 0, then nothing waits.
                        statements.AddRange(((IBlockOperation)drainLoop.Body).Operations);
                    }
                    else
                    {
                        statements.Add(body.Operations[index]);
                    }
                }

                foreach (var statement in statements)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    switch (statement)
                    {
                        case IVariableDeclarationGroupOperation group:
                            foreach (var declaration in group.Declarations)
                            {
                                foreach (var declarator in declaration.Declarators)
                                {
                                    var initializer = declarator.Initializer ?? declaration.Initializer;
                                    if (initializer is not null && !Keep(declarator.Symbol, initializer.Value))
                                    {
                                        return null;
                                    }
                                }
                            }

                            break;
                        case IExpressionStatementOperation { Operation: ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment }:
                            if (!Keep(target.Local, assignment.Value))
                            {
                                return null;
                            }

                            break;
                        case IExpressionStatementOperation { Operation: IInvocationOperation { TargetMethod.Name: "Append", Instance: ILocalReferenceOperation builder } append }
                            when reads.Symbols.Framework.IsStringBuilder(builder.Local.Type):
                            // sb.Append(Encoding.X.GetString(buf, 0, n)): the empty text keeps the builder empty, and so does
                            // sb.Append(text, 0, n) of the 0 count (vDusaev's chat server appends the whole decode that way);
                            // anything else fills it.
                            if (!(append.Arguments.Length == 1 && Classify(append.Arguments[0].Value) == Value.Text)
                                && !(append.Arguments.Length == 3 && append.Arguments[1].Value.ConstantValue is { HasValue: true, Value: 0 }
                                    && Classify(append.Arguments[2].Value) == Value.Zero))
                            {
                                builders.Remove(builder.Local);
                            }

                            if (!SafeUses(append))
                            {
                                return null;
                            }

                            break;
                        case IExpressionStatementOperation expression:
                            if (!SafeUses(expression.Operation))
                            {
                                return null;
                            }

                            break;
                        case IReturnOperation { ReturnedValue: { } returned } when statement == statements[statements.Count - 1]:
                            result = (ReturnsTask && !method.IsAsync ? ClassifyTask(returned) : Classify(returned)) switch
                            {
                                Value.Zero when IsLine && Result?.SpecialType == SpecialType.System_String => HelperResult.NullLine,
                                Value.Zero when IsChar && Result?.SpecialType == SpecialType.System_Int32 => HelperResult.EndChar,
                                Value.Zero when !IsLine && !IsChar && Result?.SpecialType == SpecialType.System_Int32 => HelperResult.Count,
                                Value.Text when Result?.SpecialType == SpecialType.System_String => HelperResult.EmptyText,
                                Value.Bytes when IsByteArray(Result) => HelperResult.EmptyBytes,
                                Value.Other when !IsLine && !IsChar && !ReturnsTask && Result?.SpecialType is SpecialType.System_String or SpecialType.System_Int32
                                    && SafeUses(returned) && CannotThrow(body) => HelperResult.Other,
                                _ => null,
                            };
                            break;
                        default:
                            return null;
                    }
                }

                if (result is not { } kind)
                {
                    return null;
                }

                for (var index = 0; index < guards; index++)
                {
                    if (!GuardReturnsEnd((IConditionalOperation)body.Operations[index], kind))
                    {
                        return null;
                    }
                }

                var oneReadText = kind == HelperResult.EmptyText && drainLoop is null && !IsLine && !IsChar
                    && statements[statements.Count - 1] is IReturnOperation { ReturnedValue: { } text } && IsReadText(text, statements, 0);
                return new HelperRead(method, read, kind, instance.Syntax, parameter, network, writesFields, oneReadText, kind == HelperResult.Count ? FilledParameter(body) : null);
            }

            /// <summary>
            /// The helper's <c>byte[]</c> parameter (by value or <c>ref</c>, which the helper never writes: <see cref="Allowed"/>)
            /// that its read fills from the start with the whole array offered: <c>socket.Receive(b)</c>,
            /// <c>stream.Read(b, 0, b.Length)</c>, and that nothing else in the helper uses. Null for any other buffer, offset
            /// or count.
            /// </summary>
            private IParameterSymbol? FilledParameter(IBlockOperation body)
            {
                if (read?.Buffer?.WalkDownConversions() is not IParameterReferenceOperation { Parameter: { } filled }
                    || !SymbolEqualityComparer.Default.Equals(filled.ContainingSymbol, method) || filled.RefKind is not (RefKind.None or RefKind.Ref)
                    || filled.IsParams || !IsByteArray(filled.Type)
                    || (read.Offset is { } offset && offset.WalkDownConversions().ConstantValue is not { HasValue: true, Value: 0 })
                    || (read.Count is { } count && !ReadBody.IsLengthOf(count, filled, reads.Symbols.Framework)))
                {
                    return null;
                }

                // The read's buffer, and its Length as the count: nothing else.
                var uses = 0;
                foreach (var operation in body.Descendants())
                {
                    if (operation is IParameterReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Parameter, filled))
                    {
                        uses++;
                    }
                }

                return uses == (read.Count is null ? 1 : 2) ? filled : null;
            }

            /// <summary>
            /// <paramref name="value"/> is the text decoded from the read's bytes, the read filling its buffer from the start:
            /// <c>Encoding.X.GetString(buffer, 0, n)</c> of the read's own buffer and count, maybe through a string's own text
            /// function (<c>Trim</c>) or a local assigned once.
            /// </summary>
            private bool IsReadText(IOperation value, List<IOperation> statements, int steps)
            {
                var v = value.WalkDownConversions();
                if (read is null || steps > 8)
                {
                    return false;
                }

                if (v is IParenthesizedOperation parenthesized)
                {
                    return IsReadText(parenthesized.Operand, statements, steps + 1);
                }

                if (v is ILocalReferenceOperation local)
                {
                    return texts.Contains(local.Local) && AssignedOnce(local.Local, statements) is { } assigned && IsReadText(assigned, statements, steps + 1);
                }

                if (v is IInvocationOperation { Instance: { } instance } textCall && IsTextFunction(textCall.TargetMethod) && textCall.TargetMethod.Name != "ToString")
                {
                    return IsReadText(instance, statements, steps + 1);
                }

                if (v is not IInvocationOperation { TargetMethod: { Name: "GetString", Parameters.Length: 3 } decode } call
                    || !KnownSymbols.IsOrDerivesFrom(decode.ContainingType, reads.Symbols.Framework.Encoding)
                    || (read.Offset is { } offset && offset.WalkDownConversions().ConstantValue is not { HasValue: true, Value: 0 })
                    || read.Buffer?.WalkDownConversions() is not { } filled || BufferName(filled) is not { } buffer
                    || CatalogueIndex.Argument(call, 0)?.WalkDownConversions() is not { } decoded)
                {
                    return false;
                }

                return SymbolEqualityComparer.Default.Equals(BufferName(decoded), buffer)
                    && CatalogueIndex.Argument(call, 1)?.ConstantValue is { HasValue: true, Value: 0 }
                    && CatalogueIndex.Argument(call, 2) is { } count && Classify(count) == Value.Zero;
            }

            /// <summary>The local, field or parameter a buffer argument names; null for anything else (a view, an element).</summary>
            private static ISymbol? BufferName(IOperation buffer) => buffer switch
            {
                ILocalReferenceOperation local => local.Local,
                IParameterReferenceOperation parameter => parameter.Parameter,
                IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field => field.Field,
                _ => null,
            };

            /// <summary>The one value <paramref name="local"/> is given among the helper's statements; null when it is given none or several.</summary>
            private static IOperation? AssignedOnce(ILocalSymbol local, List<IOperation> statements)
            {
                IOperation? found = null;
                var count = 0;
                foreach (var statement in statements)
                {
                    switch (statement)
                    {
                        case IVariableDeclarationGroupOperation group:
                            foreach (var declaration in group.Declarations)
                            {
                                foreach (var declarator in declaration.Declarators)
                                {
                                    if (SymbolEqualityComparer.Default.Equals(declarator.Symbol, local) && (declarator.Initializer ?? declaration.Initializer) is { } initializer)
                                    {
                                        found = initializer.Value;
                                        count++;
                                    }
                                }
                            }

                            break;
                        case IExpressionStatementOperation { Operation: ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment }
                            when SymbolEqualityComparer.Default.Equals(target.Local, local):
                            found = assignment.Value;
                            count++;
                            break;
                    }
                }

                return count == 1 ? found : null;
            }

            /// <summary>
            /// A leading <c>if (…) return …;</c> with no <c>else</c> whose condition only compares fields, parameters, locals,
            /// constants and properties of the framework (<c>stream == null</c>, <c>!client.Connected</c>): it reads, writes
            /// and calls nothing and does no arithmetic, so it cannot throw or change what the read sees.
            /// </summary>
            private static bool IsGuard(IConditionalOperation guard)
            {
                var returns = guard.WhenTrue is IBlockOperation { Operations.Length: 1 } block ? block.Operations[0] : guard.WhenTrue;
                if (guard.WhenFalse is not null || returns is not IReturnOperation { Kind: OperationKind.Return, ReturnedValue: not null })
                {
                    return false;
                }

                foreach (var node in guard.Condition.DescendantsAndSelf())
                {
                    switch (node)
                    {
                        case IFieldReferenceOperation or IParameterReferenceOperation or ILocalReferenceOperation or IInstanceReferenceOperation or ILiteralOperation
                            or IConversionOperation { OperatorMethod: null } or IParenthesizedOperation:
                        case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not, OperatorMethod: null }:
                        case IBinaryOperation { OperatorMethod: null, OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals or BinaryOperatorKind.LessThan
                            or BinaryOperatorKind.LessThanOrEqual or BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual
                            or BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr }:
                        case IBinaryOperation { OperatorMethod: null, OperatorKind: BinaryOperatorKind.And or BinaryOperatorKind.Or, Type.SpecialType: SpecialType.System_Boolean }:
                        case IIsPatternOperation or IPatternOperation:
                        case IPropertyReferenceOperation { Arguments.Length: 0 } property when property.Property.DeclaringSyntaxReferences.IsEmpty:
                            break;
                        default:
                            return false;
                    }
                }

                return true;
            }

            /// <summary>The guard returns what the helper returns at end of stream (0, -1, <c>null</c>, <c>""</c>), so the caller sees one value either way.</summary>
            private static bool GuardReturnsEnd(IConditionalOperation guard, HelperResult kind)
            {
                var returned = (guard.WhenTrue is IBlockOperation block ? (IReturnOperation)block.Operations[0] : (IReturnOperation)guard.WhenTrue).ReturnedValue!.WalkDownConversions();
                return kind switch
                {
                    HelperResult.Count => returned.ConstantValue is { HasValue: true, Value: 0 },
                    HelperResult.EndChar => returned.ConstantValue is { HasValue: true, Value: -1 },
                    HelperResult.NullLine => returned.ConstantValue is { HasValue: true, Value: null },
                    HelperResult.EmptyText => returned.ConstantValue is { HasValue: true, Value: "" }
                        || returned is IFieldReferenceOperation { Field: { Name: "Empty", ContainingType.SpecialType: SpecialType.System_String } },
                    _ => false,
                };
            }

            private enum Value
            {
                Other,

                /// <summary>The read's end-of-stream value itself: the 0 count, the null line, the -1.</summary>
                Zero,

                /// <summary>The empty text decoded from the 0 bytes.</summary>
                Text,

                /// <summary>The bytes of that empty text: an empty array.</summary>
                Bytes,
            }

            /// <summary>A local takes a value: it holds the 0 or the empty text after, or neither; the value must use them safely.</summary>
            private bool Keep(ILocalSymbol local, IOperation value)
            {
                var kind = Classify(value);
                zeros.Remove(local);
                texts.Remove(local);
                builders.Remove(local);
                if (reads.Symbols.Framework.IsEmptyBuilderCreation(value) && reads.Symbols.Framework.IsStringBuilder(local.Type))
                {
                    // new StringBuilder() or new StringBuilder(capacity): holds nothing yet.
                    builders.Add(local);
                    return SafeUses(value);
                }

                if (kind == Value.Zero && local.Type.SpecialType == (IsLine ? SpecialType.System_String : SpecialType.System_Int32))
                {
                    zeros.Add(local);
                    return true;
                }

                if (kind == Value.Text && local.Type.SpecialType == SpecialType.System_String)
                {
                    texts.Add(local);
                    return true;
                }

                return SafeUses(value);
            }

            /// <summary>
            /// What the task a helper that is not <c>async</c> returns gives its caller's <c>await</c>: the read's own task
            /// (<c>Task&lt;string&gt; ReceiveAsync() =&gt; reader.ReadLineAsync();</c>) gives the read's end of stream.
            /// </summary>
            private Value ClassifyTask(IOperation returned)
                => read is not null && read.Api.IsAsync && returned.WalkDownConversions() == read.Invocation
                    && SymbolEqualityComparer.Default.Equals(returned.Type, method.ReturnType) ? Value.Zero : Value.Other;

            /// <summary>How deep <see cref="Classify"/> looks into a value before it calls it <see cref="Value.Other"/>.</summary>
            private const int MaxDepth = 16;

            private int depth;

            /// <summary>What <paramref name="value"/> is on the 0 path; a <see cref="Value.Text"/> is made only of safe steps.</summary>
            private Value Classify(IOperation value)
            {
                if (depth >= MaxDepth)
                {
                    return Value.Other;
                }

                depth++;
                try
                {
                    return ClassifyCore(value);
                }
                finally
                {
                    depth--;
                }
            }

            private Value ClassifyCore(IOperation value)
            {
                var v = value.WalkDownConversions();
                if (v is IParenthesizedOperation parenthesized)
                {
                    return Classify(parenthesized.Operand);
                }

                if (read is not null && value.Type?.SpecialType == (IsLine ? SpecialType.System_String : SpecialType.System_Int32)
                    && (read.Api.IsAsync ? v is IAwaitOperation awaited && AwaitsRead(awaited) : v == read.Invocation))
                {
                    return Value.Zero;
                }

                if (v is ILocalReferenceOperation local)
                {
                    return zeros.Contains(local.Local) ? Value.Zero : texts.Contains(local.Local) ? Value.Text : Value.Other;
                }

                if (IsLine || IsChar || read is null)
                {
                    return Value.Other;
                }

                switch (v)
                {
                    case IInvocationOperation { TargetMethod: { Name: "ToString", Parameters.Length: 0 }, Instance: ILocalReferenceOperation builder } when builders.Contains(builder.Local):
                        return Value.Text;
                    case IInvocationOperation { TargetMethod: { Name: "GetBytes", Parameters.Length: 1 } encode } call
                        when encode.Parameters[0].Type.SpecialType == SpecialType.System_String && KnownSymbols.IsOrDerivesFrom(encode.ContainingType, reads.Symbols.Framework.Encoding)
                            && (call.Instance is null || SafeUses(call.Instance)) && Classify(call.Arguments[0].Value) == Value.Text:
                        // Encoding.Unicode.GetBytes(builder.ToString()) of the empty text: no byte.
                        return Value.Bytes;
                    case { ConstantValue: { HasValue: true, Value: "" } }:
                    case IFieldReferenceOperation { Field: { Name: "Empty", ContainingType.SpecialType: SpecialType.System_String } }:
                        return Value.Text;
                    case IInvocationOperation { TargetMethod: { Name: "GetString", Parameters.Length: 3 } decode } call
                        when KnownSymbols.IsOrDerivesFrom(decode.ContainingType, reads.Symbols.Framework.Encoding)
                            && (call.Instance is null || SafeUses(call.Instance))
                            && CatalogueIndex.Argument(call, 1)?.ConstantValue is { HasValue: true, Value: 0 }
                            && CatalogueIndex.Argument(call, 2) is { } count && Classify(count) == Value.Zero
                            && CatalogueIndex.Argument(call, 0) is { } bytes && SafeUses(bytes):
                        return Value.Text;
                    case IInvocationOperation { Instance: { } text } call when IsTextFunction(call.TargetMethod) && call.TargetMethod.Name != "ToString"
                        && Classify(text) == Value.Text && ConstantArguments(call):
                        return Value.Text;
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String } sum
                        when Classify(sum.LeftOperand) == Value.Text && Classify(sum.RightOperand) == Value.Text:
                        return Value.Text;
                    default:
                        return Value.Other;
                }
            }

            /// <summary>A string's own function that maps any text to a text (<c>Trim</c>, <c>ToLower</c>, <c>Replace</c>, <c>ToString</c>, …).</summary>
            private static bool IsTextFunction(IMethodSymbol method)
                => method is { ContainingType.SpecialType: SpecialType.System_String, IsStatic: false, Name: "Trim" or "TrimStart" or "TrimEnd" or "ToLower" or "ToUpper" or "ToLowerInvariant" or "ToUpperInvariant" or "Replace" or "ToString" };

            /// <summary><c>Console</c>, <c>Debug</c> or <c>Trace</c> <c>Write</c>/<c>WriteLine</c>: printing, which takes any value.</summary>
            private static bool IsPrint(IMethodSymbol method)
                => method is { IsStatic: true, Name: "Write" or "WriteLine", ContainingType.Name: "Console" or "Debug" or "Trace" };

            private static bool ConstantArguments(IInvocationOperation call)
            {
                foreach (var argument in call.Arguments)
                {
                    var value = argument.Value.WalkDownConversions();
                    if (value.ConstantValue.HasValue || value is IFieldReferenceOperation { Field: { Name: "Empty", ContainingType.SpecialType: SpecialType.System_String } })
                    {
                        continue;
                    }

                    if (value is IArrayCreationOperation { Initializer: { } elements })
                    {
                        foreach (var element in elements.ElementValues)
                        {
                            if (!element.WalkDownConversions().ConstantValue.HasValue)
                            {
                                return false;
                            }
                        }

                        continue;
                    }

                    return false;
                }

                return true;
            }

            /// <summary>
            /// Every use of the end-of-stream value (the read, a local holding it or the empty text) in
            /// <paramref name="operation"/> cannot throw: compared, concatenated, interpolated, printed, or a string's
            /// length. Anything else (<c>buf[n - 1]</c>, <c>text.Substring(1)</c>, <c>line.Trim()</c>) may.
            /// </summary>
            private bool SafeUses(IOperation operation)
            {
                foreach (var node in operation.DescendantsAndSelf())
                {
                    var kind = node switch
                    {
                        ILocalReferenceOperation local => zeros.Contains(local.Local) ? Value.Zero : texts.Contains(local.Local) ? Value.Text : Value.Other,
                        IInvocationOperation call when read is not null && !read.Api.IsAsync && call == read.Invocation => Value.Zero,
                        IAwaitOperation awaited when AwaitsRead(awaited) => Value.Zero,
                        _ => Value.Other,
                    };
                    if (kind != Value.Other && !IsSafeUse(node, kind))
                    {
                        return false;
                    }
                }

                return true;
            }

            private bool IsSafeUse(IOperation use, Value kind)
            {
                var child = use;
                var parent = use.Parent;
                while (parent is IConversionOperation or IParenthesizedOperation)
                {
                    child = parent;
                    parent = parent.Parent;
                }

                switch (parent)
                {
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String }:
                    case IBinaryOperation { Type.SpecialType: SpecialType.System_Boolean, OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals or BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual or BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual }:
                    case IInterpolationOperation:
                        return true;
                    case ISimpleAssignmentOperation assignment when assignment.Value == child:
                        // Kept in a field (a local target is followed by Keep): the caller learns of it (WritesFields).
                        return true;
                    case IArgumentOperation { Parent: IInvocationOperation print } when IsPrint(print.TargetMethod):
                        return true;
                    case IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: "Append" } append } when reads.Symbols.Framework.IsStringBuilder(append.TargetMethod.ContainingType):
                        // Appending text or a number cannot fail.
                        return true;
                    case IArgumentOperation { Parent: IInvocationOperation { TargetMethod: { IsStatic: true, Name: "IsNullOrEmpty" or "IsNullOrWhiteSpace", ContainingType.SpecialType: SpecialType.System_String } } }:
                        return true;
                    case IArgumentOperation { Parent: IInvocationOperation decode } argument when kind == Value.Zero && !IsLine && !IsChar
                        && Classify(decode) == Value.Text && argument.Parameter?.Ordinal == 2:
                        return true;
                    case IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: "Write" or "WriteAsync", Instance: { } storage } write } countArgument
                        when kind == Value.Zero && !IsLine && !IsChar && reads.Symbols.Framework.IsLocalStorage(storage.Type) && countArgument.Parameter is { Name: "count", Ordinal: 2 }
                            && CatalogueIndex.Argument(write, 1)?.ConstantValue is { HasValue: true, Value: 0 }:
                        // fs.Write(buffer, 0, n): writing no bytes to a file or memory stream cannot fail for the 0.
                        return true;
                    case IExpressionStatementOperation when kind == Value.Zero && read is not null && !read.Api.IsAsync && child == read.Invocation:
                        // s.Receive(buf); the count dropped: nothing uses the 0 (the helper then returns Other, or nothing of it).
                        return true;
                    case IPropertyReferenceOperation { Property: { Name: "Length", ContainingType.SpecialType: SpecialType.System_String } } when kind == Value.Text:
                        return true;
                    case IInvocationOperation call when kind == Value.Text && call.Instance == child && Classify(call) == Value.Text:
                        return true;
                    default:
                        return false;
                }
            }

            /// <summary>
            /// The operations of the body, the read's receiver aside: none branches or ends the path, runs the project's
            /// code, closes or writes a connection; exactly one read of the family. Sets <see cref="read"/>.
            /// </summary>
            private bool Allowed(IBlockOperation body, int start)
            {
                var stack = new Stack<IOperation>();
                for (var i = body.Operations.Length - 1; i >= start; i--)
                {
                    stack.Push(body.Operations[i]);
                }

                while (stack.Count > 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var operation = stack.Pop();
                    if (operation is IWhileLoopOperation { ConditionIsTop: false, ConditionIsUntil: false, Body: IBlockOperation loopBody, Condition: not null } loop
                        && operation.Parent == body && drainLoop is null)
                    {
                        // The one do … while (DataAvailable) (IsStraightSyntax let one through): its body is looked at like the
                        // helper's, its condition by IsDrainCondition once the read is known.
                        drainLoop = loop;
                        for (var i = loopBody.Operations.Length - 1; i >= 0; i--)
                        {
                            stack.Push(loopBody.Operations[i]);
                        }

                        continue;
                    }

                    switch (operation)
                    {
                        case IInvalidOperation:
                        case ILoopOperation:
                        case IConditionalOperation:
                        case ICoalesceOperation:
                        case ICoalesceAssignmentOperation:
                        case IConditionalAccessOperation:
                        case ISwitchOperation:
                        case ISwitchExpressionOperation:
                        case IThrowOperation:
                        case ITryOperation:
                        case IUsingOperation:
                        case IUsingDeclarationOperation:
                        case ILockOperation:
                        case IAnonymousFunctionOperation:
                        case ILocalFunctionOperation:
                        case IAwaitOperation awaited when !method.IsAsync || Awaited(awaited) is not { } awaitedCall || reads.TryGetHelperRead(awaitedCall, model, cancellationToken, out _) is null:
                        case IBranchOperation:
                        case ILabeledOperation:
                        case IBlockOperation when operation != body:
                        case IRaiseEventOperation:
                        case IEventReferenceOperation:
                        case IEventAssignmentOperation:
                        case IDynamicInvocationOperation:
                        case IDynamicMemberReferenceOperation:
                        case IDynamicObjectCreationOperation:
                        case IDynamicIndexerAccessOperation:
                        case IReturnOperation { Kind: not OperationKind.Return }:
                        case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr }:
                        case IObjectCreationOperation creation when creation.Constructor is not { } constructor || constructor.DeclaringSyntaxReferences.Length > 0 || IsDisposable(creation.Type):
                        case IPropertyReferenceOperation property when property.Property.DeclaringSyntaxReferences.Length > 0
                            || ReadBody.IsWrite(property) && property.Instance is { } owner && IsDisposable(owner.Type):
                        case IFieldReferenceOperation field when ReadBody.IsWrite(field) && !FieldWrite(field):
                        case IParameterReferenceOperation parameter when ReadBody.IsWrite(parameter):
                            return false;
                        case IInvocationOperation invocation:
                            var found = reads.TryGetHelperRead(invocation, model, cancellationToken, out var isNetwork);
                            if (found is not null)
                            {
                                if (read is not null)
                                {
                                    return false;
                                }

                                read = found;
                                network = isNetwork;

                                // Its receiver is judged by the caller; its arguments (the buffer) are looked at like any code.
                                foreach (var argument in invocation.Arguments)
                                {
                                    stack.Push(argument);
                                }

                                continue;
                            }

                            if (!IsHarmless(invocation))
                            {
                                return false;
                            }

                            break;
                    }

                    if (operation is IAwaitOperation readAwait)
                    {
                        // The read's task, through its ConfigureAwait (constant argument, checked by Awaited).
                        stack.Push(Awaited(readAwait)!);
                        continue;
                    }

                    foreach (var child in operation.ChildOperations)
                    {
                        stack.Push(child);
                    }
                }

                return true;
            }

            /// <summary>
            /// <c>stream.DataAvailable</c>, or <c>socket.Available &gt; 0</c> (<c>!= 0</c>), of the read's own connection (the
            /// catalogue's <see cref="Model.ApiFacts.TellsAvailable"/>): false once the peer has closed and everything was read,
            /// so on the 0 path the loop ends after the read's turn.
            /// </summary>
            private bool IsDrainCondition(IOperation condition, IOperation? receiver)
            {
                var tested = condition.WalkDownConversions();
                if (tested is IBinaryOperation { OperatorKind: BinaryOperatorKind.GreaterThan or BinaryOperatorKind.NotEquals, OperatorMethod: null } comparison
                    && comparison.RightOperand.WalkDownConversions().ConstantValue is { HasValue: true, Value: 0 })
                {
                    tested = comparison.LeftOperand.WalkDownConversions();
                }
                else if (tested.Type?.SpecialType != SpecialType.System_Boolean)
                {
                    return false;
                }

                return tested is IPropertyReferenceOperation { Arguments.Length: 0, Instance: { } owner } property
                    && reads.Symbols.Catalogue.Facts(property.Property) is { TellsAvailable: true }
                    && ReadBody.ReceiverRoot(owner) is { } root
                    && SymbolEqualityComparer.Default.Equals(root, ReadBody.ReceiverRoot(receiver));
            }

            /// <summary>
            /// For a helper whose result is <see cref="HelperResult.Other"/>: nothing in it may throw whatever bytes the read
            /// left in the buffer (stale ones, or the zeros of a new array), so that on the 0 path every call returns and
            /// the caller's loop goes round. Besides the read, only a decode of bytes (<c>Encoding.X.GetString</c>), the text
            /// functions that cannot fail on any text (<c>Trim</c>, <c>ToLower</c>, …), printing, arrays of a constant or variable size,
            /// and no element access, division, project code, conversion that checks, or object creation.
            /// </summary>
            private bool CannotThrow(IBlockOperation body)
            {
                foreach (var operation in body.Descendants())
                {
                    switch (operation)
                    {
                        case IInvocationOperation call when call == read?.Invocation:
                            continue;
                        case IInvocationOperation { TargetMethod: { Name: "GetString" } decode } call when KnownSymbols.IsOrDerivesFrom(decode.ContainingType, reads.Symbols.Framework.Encoding) && WholeArray(call):
                            continue;
                        case IInvocationOperation text when IsTextFunction(text.TargetMethod) && ConstantArguments(text):
                            continue;
                        case IInvocationOperation print when IsPrint(print.TargetMethod):
                            continue;
                        case IInvocationOperation:
                        case IObjectCreationOperation:
                        case IArrayElementReferenceOperation:
                        case IImplicitIndexerReferenceOperation:
                        case IPropertyReferenceOperation { Property.IsIndexer: true }:
                        case IBinaryOperation { OperatorKind: BinaryOperatorKind.Divide or BinaryOperatorKind.Remainder }:
                        case IConversionOperation { IsChecked: true }:
                        case IConversionOperation { IsTryCast: false, Operand.Type.IsReferenceType: true, Type.IsValueType: true }:
                        case IArrayCreationOperation creation when !PlainSizes(creation.DimensionSizes):
                            return false;
                    }
                }

                return true;
            }

            /// <summary><c>GetString(bytes)</c> of a whole array, or <c>GetString(bytes, 0, bytes.Length)</c>: no range to get wrong.</summary>
            private bool WholeArray(IInvocationOperation call)
                => call.Arguments.Length == 1
                    || (call.Arguments.Length == 3
                        && CatalogueIndex.Argument(call, 0) is { } bytes && ReadBody.VariableOf(bytes) is { } buffer
                        && CatalogueIndex.Argument(call, 1)?.ConstantValue is { HasValue: true, Value: 0 }
                        && CatalogueIndex.Argument(call, 2) is { } count && ReadBody.IsLengthOf(count, buffer, reads.Symbols.Framework));

            /// <summary>
            /// Sizes that do not depend on the bytes: a constant that is not negative, or a variable (<c>new byte[bufferSize]</c>,
            /// which the earlier calls made as well). Arithmetic or a call may give a size the 0 path makes negative.
            /// </summary>
            private static bool PlainSizes(System.Collections.Immutable.ImmutableArray<IOperation> sizes)
            {
                foreach (var size in sizes)
                {
                    var value = size.WalkDownConversions();
                    if (value.ConstantValue.HasValue
                        ? value.ConstantValue.Value is not int constant || constant < 0
                        : value is not (IFieldReferenceOperation or ILocalReferenceOperation or IParameterReferenceOperation))
                    {
                        return false;
                    }
                }

                return true;
            }

            /// <summary>A field the helper may assign: not a disposable one (a socket, stream, reader); it may hold what the 0 path made.</summary>
            private bool FieldWrite(IFieldReferenceOperation field)
            {
                if (IsDisposable(field.Type))
                {
                    return false;
                }

                writesFields = true;
                return true;
            }

            /// <summary>A framework call that does not run the project's code, close, write or accept, wait for the console, or end the path.</summary>
            private bool IsHarmless(IInvocationOperation invocation)
            {
                var target = invocation.TargetMethod;
                if (reads.Symbols.Catalogue.Facts(target) is { OnlyWaits: true })
                {
                    // socket.Poll(-1, SelectMode.SelectRead) before the read (fresh93 M1, a SOCKS client's receive helper): at
                    // the end of the stream it returns at once, and the read returns the 0.
                    return true;
                }

                var storage = invocation.Instance is { } written && reads.Symbols.Framework.IsLocalStorage(written.Type);
                if (target.DeclaringSyntaxReferences.Length > 0 || target.MethodKind == MethodKind.DelegateInvoke
                    || target.Name is "Close" or "Dispose" or "DisposeAsync" or "Disconnect" or "DisconnectAsync" or "Shutdown"
                    || (invocation.Instance is { } instance && IsDisposable(instance.Type) && !storage)
                    || reads.Symbols.Framework.IsConsoleInput(target)
                    || reads.Symbols.PathEnds.EndsPath(target)
                    || (!storage && reads.Symbols.Catalogue.Facts(target) is { Sends: not null } or { Accept: not null }))
                {
                    return false;
                }

                foreach (var argument in invocation.Arguments)
                {
                    if (IsDisposable(argument.Value.WalkDownConversions().Type))
                    {
                        return false;
                    }
                }

                return true;
            }

            private static bool Writes(IBlockOperation body, IFieldSymbol field)
            {
                foreach (var operation in body.Descendants())
                {
                    if (operation is IFieldReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Field, field) && ReadBody.IsWrite(reference))
                    {
                        return true;
                    }
                }

                return false;
            }

            private static bool IsDisposable(ITypeSymbol? type)
            {
                if (type is null)
                {
                    return false;
                }

                if (type.SpecialType == SpecialType.System_IDisposable)
                {
                    return true;
                }

                foreach (var implemented in type.AllInterfaces)
                {
                    if (implemented.SpecialType == SpecialType.System_IDisposable)
                    {
                        return true;
                    }
                }

                return false;
            }
        }
    }
}
