using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Common;
using SocketAnalyzers.Model;

namespace SocketAnalyzers.Reads
{
    /// <summary>
    /// SOCK011 and a loop that hands each message to a broadcaster of another class (metanit.com's chat server, copied into
    /// many course repositories: <c>server.BroadcastMessage(message, this.Id)</c>, whose <c>ServerObject</c> writes the text to
    /// every client whose <c>Id != id</c>). At end of stream the loop reads "" and relays <c>"name: "</c> to the others for ever.
    /// The helper is no way out when it behaves on the 0 path as on any other turn (<see cref="Harmless"/>: nothing it does can
    /// give the reader's member another value, close anything, throw or end the process) and writes nothing to the reader's
    /// own connection: every write, and every use of the read's member, sits under a test that skips the sender
    /// (<see cref="SkipsSender"/>). A write to the others is not the reader's way out, as in a relay of the class itself.
    /// </summary>
    internal sealed partial class ReadFlowAnalysis
    {
        /// <summary>The other type a harmless helper belongs to, and the loop's call of it (<see cref="Harmless"/>).</summary>
        private sealed class Broadcaster
        {
            public Broadcaster(INamedTypeSymbol type, IInvocationOperation call, INamedTypeSymbol reader)
            {
                Type = type;
                Call = call;
                Reader = reader;
            }

            public INamedTypeSymbol Type { get; }

            public IInvocationOperation Call { get; }

            /// <summary>The type whose member the read uses (the client object).</summary>
            public INamedTypeSymbol Reader { get; }
        }

        // Per call and field: what a helper of another type does (null: it may end the loop or touch the reader).
        private Dictionary<(SyntaxNode, IFieldSymbol), HelperFields?>? harmlessElsewhere;

        /// <summary>
        /// <see cref="HarmlessTo"/> for a method of another class or struct of the project, declared once in this file, called
        /// as <paramref name="call"/>: the same rules, its own type's methods followed as well, and every write to a connection
        /// (a send, a stream or writer write, a flush) and every use of the read's member done on an object that skips the
        /// reader (<see cref="SkipsSender"/>). A string parameter the call gives text that is never null may also go to a text
        /// encoder (<see cref="IsNeverNullTextUse"/>).
        /// </summary>
        private HelperFields? HarmlessElsewhere(IInvocationOperation call, IFieldSymbol field, SemanticModel model)
        {
            var method = call.TargetMethod.OriginalDefinition;
            if (method.ContainingType is not { TypeKind: TypeKind.Class or TypeKind.Struct } type || type.DeclaringSyntaxReferences.IsEmpty || type.IsGenericType)
            {
                return null;
            }

            harmlessElsewhere ??= new Dictionary<(SyntaxNode, IFieldSymbol), HelperFields?>();
            var key = (call.Syntax, field.OriginalDefinition);
            if (!harmlessElsewhere.TryGetValue(key, out var fields))
            {
                fields = new HelperFields();
                var other = new Broadcaster(type, call, field.ContainingType.OriginalDefinition);
                if (!Harmless(method, field.OriginalDefinition, model, new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default), fields, 0, other))
                {
                    fields = null;
                }

                harmlessElsewhere[key] = fields;
            }

            return fields;
        }

        /// <summary>A send, a write to a stream or writer, or a flush (the catalogue's facts).</summary>
        private bool WritesAConnection(IInvocationOperation call)
            => symbols.Catalogue.Facts(call.TargetMethod) is { } facts && (facts.Sends is not null || facts.WritesToStream || facts.FlushesHeldWrites);

        /// <summary>
        /// <paramref name="instance"/> (through members of the reader's type: <c>clients[i].Stream</c>, <c>client.Writer</c>)
        /// is an object of the reader's type that the code around <paramref name="at"/> has tested to be another one: the
        /// <c>if</c> whose branch holds it tests <c>element.Id != id</c>, where <c>Id</c> is a member of that type only it can set
        /// (an auto-property with no setter or a private one, or a <c>readonly</c> field), <c>id</c> is a parameter of the called
        /// helper, and the loop's call gives it the reader's own <c>Id</c> (<c>this.Id</c>). The element must stay the same
        /// inside that branch (no write to what names it, no call on it).
        /// </summary>
        private bool SkipsSender(IOperation? instance, IOperation at, Broadcaster other, IFieldSymbol field)
        {
            if (ElementOfReaderType(instance, other) is not { } element)
            {
                return false;
            }

            for (var current = at; current.Parent is { } parent; current = parent)
            {
                if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation or IMethodBodyOperation)
                {
                    return false;
                }

                if (parent is IConditionalOperation { Condition: { } condition, WhenTrue: { } branch } && branch == current
                    && IsSenderTest(condition, BinaryOperatorKind.NotEquals, element, other) && Steady(element, branch))
                {
                    return true;
                }

                if (parent is IBlockOperation { Parent: ILoopOperation } body && SkippedEarlier(body, current, element, other))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary><c>x.Id != id</c> (or <c>==</c>, as <paramref name="kind"/> says), either way round (<see cref="TestsOtherThanSender"/>).</summary>
        private static bool IsSenderTest(IOperation condition, BinaryOperatorKind kind, IOperation element, Broadcaster other)
            => condition.WalkDownConversions() is IBinaryOperation test && test.OperatorKind == kind
                && (TestsOtherThanSender(test.LeftOperand, test.RightOperand, element, other) || TestsOtherThanSender(test.RightOperand, test.LeftOperand, element, other));

        /// <summary>
        /// An earlier statement of the loop's body is <c>if (x.Id == id) continue;</c> (vDusaev's copy of the chat server), and
        /// no statement from there to <paramref name="statement"/> changes what names <c>x</c>.
        /// </summary>
        private static bool SkippedEarlier(IBlockOperation body, IOperation statement, IOperation element, Broadcaster other)
        {
            var index = body.Operations.IndexOf(statement);
            for (var i = index - 1; i >= 0; i--)
            {
                var earlier = body.Operations[i];
                if (earlier is IConditionalOperation { WhenFalse: null, WhenTrue: { } skip } guard
                    && (skip is IBranchOperation { BranchKind: BranchKind.Continue } || skip is IBlockOperation { Operations.Length: 1 } block && block.Operations[0] is IBranchOperation { BranchKind: BranchKind.Continue })
                    && IsSenderTest(guard.Condition, BinaryOperatorKind.Equals, element, other))
                {
                    return true;
                }

                if (!Steady(element, earlier))
                {
                    return false;
                }
            }

            return false;
        }

        private static bool IsReaderType(ITypeSymbol? type, Broadcaster other)
            => SymbolEqualityComparer.Default.Equals(type?.OriginalDefinition, other.Reader);

        /// <summary><paramref name="mark"/> is <c>element.Id</c> and <paramref name="id"/> the helper's parameter the call gives <c>this.Id</c>.</summary>
        private static bool TestsOtherThanSender(IOperation mark, IOperation id, IOperation element, Broadcaster other)
        {
            if (mark.WalkDownConversions() is not IMemberReferenceOperation { Instance: { } of } member || !SameElement(of.WalkDownConversions(), element)
                || !IsFixedMember(member.Member, other.Reader)
                || id.WalkDownConversions() is not IParameterReferenceOperation { Parameter: var parameter }
                || !SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol.OriginalDefinition, other.Call.TargetMethod.OriginalDefinition))
            {
                return false;
            }

            return CatalogueIndex.Argument(other.Call, parameter.Ordinal)?.WalkDownConversions()
                    is IMemberReferenceOperation { Instance: IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } } own
                && SymbolEqualityComparer.Default.Equals(own.Member.OriginalDefinition, member.Member.OriginalDefinition);
        }

        /// <summary>A member of <paramref name="owner"/> only it can set: a <c>readonly</c> field, or an auto-property with no setter or a private one.</summary>
        private static bool IsFixedMember(ISymbol member, INamedTypeSymbol owner)
            => SymbolEqualityComparer.Default.Equals(member.ContainingType?.OriginalDefinition, owner)
                && member switch
                {
                    IFieldSymbol { IsReadOnly: true, IsStatic: false } => true,
                    IPropertySymbol { IsStatic: false } property => NetworkFields.SetOnlyByItsType(property)
                        && property.DeclaringSyntaxReferences[0].GetSyntax() is PropertyDeclarationSyntax declaration && AutoProperties.IsAutoProperty(declaration),
                    _ => false,
                };

        /// <summary>The same local or parameter, or the same element expression (<c>clients[i]</c>) written alike.</summary>
        private static bool SameElement(IOperation a, IOperation b) => (a, b) switch
        {
            (ILocalReferenceOperation x, ILocalReferenceOperation y) => SymbolEqualityComparer.Default.Equals(x.Local, y.Local),
            (IParameterReferenceOperation x, IParameterReferenceOperation y) => SymbolEqualityComparer.Default.Equals(x.Parameter, y.Parameter),
            (IPropertyReferenceOperation { Arguments.Length: 1 } or IArrayElementReferenceOperation, IPropertyReferenceOperation { Arguments.Length: 1 } or IArrayElementReferenceOperation)
                => SyntaxFactory.AreEquivalent(a.Syntax, b.Syntax),
            _ => false,
        };

        /// <summary>Nothing in <paramref name="branch"/> writes a variable <paramref name="element"/> names, or calls a method on one (<c>clients.Remove(c)</c>).</summary>
        private static bool Steady(IOperation element, IOperation branch)
        {
            var named = new List<ISymbol>();
            foreach (var part in element.DescendantsAndSelf())
            {
                switch (part)
                {
                    case ILocalReferenceOperation local:
                        named.Add(local.Local);
                        break;
                    case IParameterReferenceOperation parameter:
                        named.Add(parameter.Parameter);
                        break;
                    case IFieldReferenceOperation field:
                        named.Add(field.Field);
                        break;
                    case IPropertyReferenceOperation { Arguments.Length: 0 } property:
                        named.Add(property.Property);
                        break;
                }
            }

            foreach (var operation in branch.DescendantsAndSelf())
            {
                var symbol = operation switch
                {
                    ILocalReferenceOperation local => (ISymbol)local.Local,
                    IParameterReferenceOperation parameter => parameter.Parameter,
                    IFieldReferenceOperation field => field.Field,
                    IPropertyReferenceOperation { Arguments.Length: 0 } property => property.Property,
                    _ => null,
                };

                if (symbol is not null && named.Exists(one => SymbolEqualityComparer.Default.Equals(one, symbol))
                    && (ReadBody.IsWrite(operation) || operation.Parent is IInvocationOperation { Instance: { } on } && on == operation
                        || operation.Parent is IArgumentOperation { Parameter.RefKind: not RefKind.None }))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// <paramref name="parameter"/>, a string the loop's call gives text that is never null (<see cref="NeverNullText"/>), is
        /// the text of a text encoder's <c>GetBytes</c> or <c>GetByteCount</c>: those throw only on null.
        /// </summary>
        private bool IsNeverNullTextUse(IParameterReferenceOperation parameter, Broadcaster other)
        {
            IOperation use = parameter;
            while (use.Parent is IConversionOperation { OperatorMethod: null } or IParenthesizedOperation)
            {
                use = use.Parent;
            }

            if (parameter.Parameter.Type.SpecialType != SpecialType.System_String
                || use.Parent is not IArgumentOperation { Parent: IInvocationOperation encode, Parameter.Type.SpecialType: SpecialType.System_String }
                || !symbols.Framework.IsTextEncoding(encode.TargetMethod))
            {
                return false;
            }

            return CatalogueIndex.Argument(other.Call, parameter.Parameter.Ordinal) is { } given && NeverNullText(given, other.Call.Syntax, 0);
        }

        /// <summary>
        /// Text that is never null: a string constant, a concatenation, an interpolation, <c>string.Format</c>/<c>Concat</c>/<c>Join</c>,
        /// or a local that the nearest earlier statement of the call's block giving it a value (statements between only read
        /// it) gives such text.
        /// </summary>
        private bool NeverNullText(IOperation value, SyntaxNode at, int depth)
        {
            var v = value.WalkDownConversions();
            switch (v)
            {
                case { ConstantValue: { HasValue: true, Value: string } }:
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String }:
                case IInterpolatedStringOperation:
                case IInvocationOperation { TargetMethod: { IsStatic: true, Name: "Format" or "Concat" or "Join", ContainingType.SpecialType: SpecialType.System_String } }:
                    return true;
                case ILocalReferenceOperation local when depth == 0 && body.Model is { } model:
                    return LastValueBefore(at, local.Local.Name) is { } assigned && model.GetOperation(assigned, CancellationToken) is { } given
                        && NeverNullText(given, at, depth + 1);
                default:
                    return false;
            }
        }

        /// <summary>
        /// The value the nearest earlier statement of <paramref name="at"/>'s block gives <paramref name="name"/>
        /// (<c>name = value;</c>, <c>var name = value;</c>) when every statement between only reads it and none can jump
        /// (<see cref="Before"/>).
        /// </summary>
        private static ExpressionSyntax? LastValueBefore(SyntaxNode at, string name)
            => at.FirstAncestorOrSelf<StatementSyntax>() is { Parent: BlockSyntax block } statement
                && Before(block, block.Statements.IndexOf(statement), name, IsLocalWrite, passReads: true) is { } assigned
                ? StatementValue(block.Statements[assigned], name)
                : null;

        // Per call and the read's connection: whether the called method of the project may write to that connection.
        private Dictionary<(SyntaxNode, ISymbol?), bool>? helperWrites;

        /// <summary>
        /// A call of a method of the project on the 0 path whose body may write to the read's connection: a write there as
        /// good as one in the loop (<see cref="WritesToConnection"/>): after the peer closed, a later write throws and may end
        /// the loop, so the spin is not certain. The call must not sit in a <c>try</c> inside the loop whose catches let it go
        /// on (<see cref="WriteCaughtInsideLoops"/>). Methods in this file only (three calls deep); another file's method, a
        /// virtual one or a delegate is not looked into, as before.
        /// </summary>
        private void HelperWritesToConnection(IInvocationOperation call, ReadState state)
        {
            if (body.Model is not { } model || (call.TargetMethod.ReducedFrom ?? call.TargetMethod).DeclaringSyntaxReferences.Length != 1)
            {
                return;
            }

            foreach (var pair in state.Zero)
            {
                var site = ZeroSite(pair.Key);
                if (pair.Value.Wrote || site.Loops.Count == 0 || WriteCaughtInsideLoops(call.Syntax, site))
                {
                    continue;
                }

                helperWrites ??= new Dictionary<(SyntaxNode, ISymbol?), bool>();
                var key = (call.Syntax, site.ConnectionRoot);
                if (!helperWrites.TryGetValue(key, out var writes))
                {
                    // The loop's own object: a call on this, or a static method of the loop's class. Anything else is another
                    // object's method: its members are not the reader's; only what the call hands it, and (an instance of
                    // another class) the reader's objects it reaches, may be.
                    var context = call.Instance is IInstanceReferenceOperation
                        || (call.Instance is null && SymbolEqualityComparer.Default.Equals(call.TargetMethod.ContainingType?.OriginalDefinition, site.ConnectionRoot?.ContainingType?.OriginalDefinition))
                        ? WriteContext.Self : WriteContext.Other;
                    var other = context == WriteContext.Other && call.Instance is not null && site.ConnectionRoot is IFieldSymbol { IsStatic: false } connection
                        && call.TargetMethod.ContainingType is { } type
                        ? new Broadcaster(type.OriginalDefinition, call, connection.ContainingType.OriginalDefinition)
                        : null;
                    writes = MethodWrites((call.TargetMethod.ReducedFrom ?? call.TargetMethod).OriginalDefinition, context, call, site, other, model, 0, new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default));
                    helperWrites[key] = writes;
                }

                if (writes)
                {
                    pair.Value.Wrote = true;
                }
            }
        }

        /// <summary>Whose method a helper is: the loop's own object's (on <c>this</c>, or a static method of its class), or another object's or class's (<see cref="Broadcaster"/> when it may reach the reader's objects).</summary>
        private enum WriteContext
        {
            Self,
            Other,
        }

        private bool MethodWrites(IMethodSymbol method, WriteContext context, IInvocationOperation top, ReadSite site, Broadcaster? other, SemanticModel model, int depth, HashSet<IMethodSymbol> visited)
        {
            if (depth > 3 || !visited.Add(method)
                || method is not { IsAbstract: false, IsExtern: false, IsVirtual: false, IsOverride: false, PartialDefinitionPart: null, PartialImplementationPart: null }
                || method.DeclaringSyntaxReferences.Length != 1 || method.DeclaringSyntaxReferences[0].SyntaxTree != model.SyntaxTree
                || model.GetOperation(method.DeclaringSyntaxReferences[0].GetSyntax(CancellationToken), CancellationToken) is not { } code)
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

                if (WritesAConnection(call))
                {
                    if (ReachesConnection(call.Instance, call, context, top, site, other, code, depth)
                        || (context == WriteContext.Self && WritesToEveryHolderIn(call, site, model)))
                    {
                        return true;
                    }

                    continue;
                }

                var target = (call.TargetMethod.ReducedFrom ?? call.TargetMethod).OriginalDefinition;
                if (target.DeclaringSyntaxReferences.Length != 1)
                {
                    continue;
                }

                if (call.Instance is null or IInstanceReferenceOperation)
                {
                    // A method of the same object: the same context.
                    if (MethodWrites(target, context, top, site, other, model, depth + 1, visited))
                    {
                        return true;
                    }
                }
                else if (other is not null && ElementOfReaderType(call.Instance, other) is { } element && !SkipsSender(element, call, other, (IFieldSymbol)site.ConnectionRoot!)
                    && MethodWrites(target, WriteContext.Self, top, site, null, model, depth + 1, visited))
                {
                    // clients[i].Send(text) of an element that may be the reader: its own writes are the reader's.
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// A write in a helper of the loop's own object to each element of a collection that holds the read's connection
        /// (<see cref="WritesToEveryHolder"/>'s test: fresh23 FALSE 1, <c>Broadcast(s)</c> writing to every stream of a list the
        /// handler added its own stream to).
        /// </summary>
        private bool WritesToEveryHolderIn(IInvocationOperation write, ReadSite site, SemanticModel model)
            => write.Instance is { } target && symbols.Catalogue.Facts(write.TargetMethod) is { } facts
                && site.ConnectionRoot is { ContainingType: { } owner } root && site.Loops.Count > 0
                && WritesToElement(target.Syntax, write.Syntax, held: facts.Sends is null && facts.WritesHeldUntilFlush, model) is { } element
                && BroadcastsToHolders(element, root, owner, write.Syntax, site, model);

        /// <summary>The object of the reader's type a receiver is reached from (<c>clients[i]</c> of <c>clients[i].Stream</c>), or null.</summary>
        private static IOperation? ElementOfReaderType(IOperation? receiver, Broadcaster other)
        {
            var value = receiver?.WalkDownConversions();
            for (var step = 0; step < 6 && value is not null; step++)
            {
                if (IsReaderType(value.Type, other))
                {
                    return value is IInstanceReferenceOperation ? null : value;
                }

                value = value switch
                {
                    IMemberReferenceOperation { Instance: { } instance } => instance.WalkDownConversions(),
                    IInvocationOperation { Arguments.Length: 0, Instance: { } instance } => instance.WalkDownConversions(),
                    IObjectCreationOperation { Arguments.Length: > 0 } made => made.Arguments[0].Value.WalkDownConversions(),
                    _ => null,
                };
            }

            return null;
        }

        /// <summary>
        /// The receiver of a write in a helper may be the read's connection. For the loop's own object: a member of it (when
        /// the read's connection is a field) that may hold a connection, unless the helper gave that field a value in an
        /// earlier statement (then that value is followed: <c>ns = new NetworkStream(peer.Value); sw = new StreamWriter(ns);</c>
        /// writes to a peer); a parameter the loop's call gives the connection; a local's one value. For another class's
        /// helper: an object of the reader's type that no test skips as the sender (<see cref="SkipsSender"/>). Elements of
        /// other collections are other connections, as in the loop itself.
        /// </summary>
        private bool ReachesConnection(IOperation? receiver, IOperation at, WriteContext context, IInvocationOperation top, ReadSite site, Broadcaster? other, IOperation code, int depth)
        {
            if (other is not null && ElementOfReaderType(receiver, other) is { } element)
            {
                return !SkipsSender(element, at, other, (IFieldSymbol)site.ConnectionRoot!);
            }

            var value = receiver?.WalkDownConversions();
            for (var step = 0; step < 8 && value is not null; step++)
            {
                switch (value)
                {
                    case IInstanceReferenceOperation:
                        return context == WriteContext.Self && site.ConnectionRoot is IFieldSymbol;
                    case IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field:
                        if (AssignedValueBefore(field) is { } assigned)
                        {
                            value = assigned.WalkDownConversions();
                            continue;
                        }

                        return context == WriteContext.Self && MemberMayBeConnection(site, field.Type);
                    case IPropertyReferenceOperation { Property: { } console } when symbols.Framework.IsConsoleWriter(console):
                        // Console.Out.WriteLine(…): the console, no member of the loop's object (fresh52 M1, a file receive's
                        // progress print).
                        return false;
                    case IPropertyReferenceOperation { Arguments.Length: 0, Instance: null or IInstanceReferenceOperation } property:
                        return context == WriteContext.Self && MemberMayBeConnection(site, property.Type);
                    case IMemberReferenceOperation { Instance: { } instance }:
                        value = instance.WalkDownConversions();
                        continue;
                    case IInvocationOperation { Arguments.Length: 0, Instance: { } instance }:
                        value = instance.WalkDownConversions();
                        continue;
                    case IObjectCreationOperation { Arguments.Length: > 0 } made when MayHoldConnection(made.Type):
                        value = made.Arguments[0].Value.WalkDownConversions();
                        continue;
                    case IParameterReferenceOperation parameter:
                        if (depth > 0)
                        {
                            return false;
                        }

                        // The read's connection, or (the read's being a field) a member of this object that may hold one.
                        return CatalogueIndex.Argument(top, parameter.Parameter.Ordinal)?.WalkDownConversions() is { } given && site.ConnectionRoot is not null
                            && (SymbolEqualityComparer.Default.Equals(body.RootOfConnection(given, symbols), site.ConnectionRoot)
                                || (given is IMemberReferenceOperation { Instance: null or IInstanceReferenceOperation } member
                                    && member is IFieldReferenceOperation or IPropertyReferenceOperation { Arguments.Length: 0 } && MemberMayBeConnection(site, member.Type)));
                    case ILocalReferenceOperation local when ReadBody.OnlyDeclaredValue(code, local.Local) is { } only:
                        value = only.WalkDownConversions();
                        continue;
                    default:
                        return false;
                }
            }

            return false;
        }

        /// <summary>
        /// Whether a member of the loop's object of this type may hold the read's connection. A field's read: any member that
        /// may hold a connection (the object's members are its connections). A read of a connection the method was given (a
        /// parameter, or a cast of one: <c>var s = state as Socket;</c> of a thread-pool callback) or one the method stores in
        /// a member of its object (<c>this.client = accepted;</c>): a member that can be that very object or its stream (a
        /// socket, a TCP client, a stream other than a file or memory), since the caller may have stored it there too (fresh28
        /// FALSE 1 and 2, <c>this.client = client; ThreadPool.QueueUserWorkItem(ClientProc, client);</c> whose loop replies
        /// through a helper sending on <c>client</c>). A writer member is not such an object: it stays the field's case.
        /// </summary>
        private bool MemberMayBeConnection(ReadSite site, ITypeSymbol? type)
            => site.ConnectionRoot switch
            {
                IFieldSymbol => MayHoldConnection(type),
                IParameterSymbol => MayBeConnectionObject(type),
                ILocalSymbol local => MayBeConnectionObject(type) && StoredInMember(site, local),
                _ => false,
            };

        private bool MayBeConnectionObject(ITypeSymbol? type)
            => (KnownSymbols.IsOrDerivesFrom(type, symbols.Stream) && !symbols.Framework.IsLocalStorage(type))
                || KnownSymbols.IsOrDerivesFrom(type, symbols.Socket) || KnownSymbols.IsOrDerivesFrom(type, symbols.TcpClient);

        /// <summary>Whether the read's member assigns the local to a field or property of its object (<c>this.client = accepted;</c>).</summary>
        private bool StoredInMember(ReadSite site, ILocalSymbol local)
        {
            if (site.Invocation.Syntax.FirstAncestorOrSelf<MemberDeclarationSyntax>() is not { } member
                || body.Model?.GetOperation(member, CancellationToken) is not { } code)
            {
                return false;
            }

            foreach (var operation in code.DescendantsAndSelf())
            {
                if (operation is ISimpleAssignmentOperation { Target: IMemberReferenceOperation { Instance: null or IInstanceReferenceOperation } target } assignment
                    && target is IFieldReferenceOperation or IPropertyReferenceOperation
                    && assignment.Value.WalkDownConversions() is ILocalReferenceOperation stored
                    && SymbolEqualityComparer.Default.Equals(stored.Local, local))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A stream other than a file or memory, a socket, a TCP client, or a text or binary writer.</summary>
        private bool MayHoldConnection(ITypeSymbol? type)
            => MayBeConnectionObject(type) || KnownSymbols.IsOrDerivesFrom(type, symbols.TextWriter) || KnownSymbols.IsOrDerivesFrom(type, symbols.BinaryWriter);
    }
}
