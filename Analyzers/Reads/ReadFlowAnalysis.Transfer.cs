using System.Collections.Generic;
using System.Globalization;
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
        // ---- the transfer function ----

        private void Eval(IOperation? operation, ReadState state)
        {
            if (operation is null || Abandoned || state.Dead || !EnterExpression())
            {
                return;
            }

            try
            {
                EvalCore(operation, state);
            }
            finally
            {
                ExitExpression();
            }
        }

        private void EvalCore(IOperation operation, ReadState state)
        {
            if (fieldZeros && state.Zero.Count > 0 && MaySetOwnFields(operation))
            {
                foreach (var pair in state.Zero)
                {
                    pair.Value.RemoveFieldZeros();
                }
            }

            if (body.TestsCancellation && state.Zero.Count > 0 && MayCancel(operation))
            {
                foreach (var pair in state.Zero)
                {
                    pair.Value.AddChanged(CancelMayHappen);
                }
            }

            if (!EvaluatedKinds.Contains(operation.Kind))
            {
                EvalChildren(operation, state);
                return;
            }

            switch (operation)
            {
                case IFlowAnonymousFunctionOperation anonymous:
                    // Its own graph; what it uses is in ReadBody.Captured. A buffer it captures filled starts filled there.
                    if (state.Pending.Count > 0)
                    {
                        LookedAtByLambda(anonymous, state);
                    }

                    if (Reporting)
                    {
                        SeedLambda(anonymous, state);
                    }

                    return;
                case IAnonymousFunctionOperation:
                case ILocalFunctionOperation:
                    // Their own graphs; what they use is in ReadBody.Captured.
                    return;
                case ISimpleAssignmentOperation assignment:
                    Eval(assignment.Value, state);
                    EvalTarget(assignment.Target, state);
                    Assign(AssignedVariable(assignment.Target), assignment.Value, state);
                    ZeroCountInCatch(assignment, state);
                    return;
                case ICompoundAssignmentOperation compound:
                    Eval(compound.Target, state);
                    Eval(compound.Value, state);
                    CompoundAssign(compound, state);
                    return;
                case IFlowCaptureOperation capture:
                    Eval(capture.Value, state);
                    AssignCapture(capture, state);
                    return;
                case IInvocationOperation invocation:
                    if (state.Zero.Count > 0)
                    {
                        ThrowsOnZeroBuffer(invocation, state);
                    }

                    Eval(invocation.Instance, state);
                    if (invocation.Instance is { } target && !invocation.TargetMethod.IsStatic)
                    {
                        DereferencesNullLine(target, state);
                    }

                    foreach (var argument in invocation.Arguments)
                    {
                        Eval(argument, state);
                        if (body.HasLineReads && state.Zero.Count > 0 && (RejectsNull(argument) || DereferencedByCallee(argument)))
                        {
                            // Encoding.ASCII.GetBytes(line), int.Parse(line): ArgumentNullException ends the null line's path.
                            DereferencesNullLine(argument.Value, state);
                        }
                    }

                    if (state.Zero.Count > 0)
                    {
                        if (invocation.Instance is { } owner && !invocation.TargetMethod.IsStatic)
                        {
                            DereferencesNullObject(owner, invocation, state);
                        }

                        if (RejectsEmptyText(invocation.TargetMethod) && CatalogueIndex.Argument(invocation, 0) is { } text)
                        {
                            ThrowsOnEmptyText(text, invocation, state);
                        }
                        else if (TextRejectedByHelper(invocation) is { } given)
                        {
                            ThrowsOnEmptyText(given, invocation, state);
                        }
                        else if (invocation.Instance is { } cut && ReachesPastEmptyText(invocation))
                        {
                            // text.Substring(0, 2), text.Remove(0, 2) of "": ArgumentOutOfRangeException (fresh16 FALSE 1).
                            ThrowsOnEmptyText(cut, invocation, state);
                            ThrowsOnZeroText(cut, invocation, state);
                        }
                    }

                    Invoke(invocation, state);
                    if (freshCandidates.Count > 0 && symbols.Framework.IsArrayClear(invocation.TargetMethod))
                    {
                        Cleared(invocation, state);
                    }

                    return;
                case IPropertyReferenceOperation { Instance: { } owner } property:
                    Eval(owner, state);
                    DereferencesNullLine(owner, state);
                    DereferencesNullObject(owner, property, state);
                    foreach (var argument in property.Arguments)
                    {
                        Eval(argument, state);
                    }

                    if (state.Zero.Count > 0 && property.Property is { IsIndexer: true, ContainingType.SpecialType: SpecialType.System_String }
                        && property.Arguments.Length == 1 && Constant(property.Arguments[0].Value) is >= 0)
                    {
                        // text[0] of "": IndexOutOfRangeException.
                        ThrowsOnEmptyText(owner, property, state);
                    }

                    return;
                case IArrayElementReferenceOperation { Indices.Length: 1 } element when state.Zero.Count > 0:
                    Eval(element.ArrayReference, state);
                    Eval(element.Indices[0], state);
                    ThrowsPastSplitOfEmptyText(element, state);
                    return;
                case ILocalReferenceOperation local:
                    UseLocal(local, state);
                    UseVariable(local, local.Local, state);
                    return;
                case IParameterReferenceOperation parameter:
                    UseVariable(parameter, parameter.Parameter, state);
                    return;
                case IFieldReferenceOperation field:
                    Eval(field.Instance, state);
                    if (field.Instance is { } fieldOwner)
                    {
                        DereferencesNullObject(fieldOwner, field, state);
                    }

                    UseVariable(field, field.Field, state);
                    if (state.Pending.Count > 0)
                    {
                        UseDatagramBufferField(field, state);
                    }

                    return;
                case IAwaitOperation awaited when state.HasAvailable || state.HasExact:
                    // Other code may run meanwhile and read the connection.
                    Eval(awaited.Operation, state);
                    if (state.HasAvailable)
                    {
                        state.Available.Clear();
                    }

                    if (state.HasExact)
                    {
                        state.Exact.Clear();
                    }

                    return;
                case IInvalidOperation or IDynamicInvocationOperation when body.HasLineReads && state.Zero.Count > 0:
                    // lb_log.Items.Add(line) where the ListBox does not bind (Windows Forms scanned on Linux, fresh74 FALSE 1),
                    // or a dynamic call: it may throw for the null line as ListBox's Add does. Unknown, so that path ends.
                    EvalChildren(operation, state);
                    foreach (var child in operation.ChildOperations)
                    {
                        DereferencesNullLine(child, state);
                    }

                    return;
                case IReturnOperation { Kind: OperationKind.YieldReturn } yieldReturn:
                    Eval(yieldReturn.ReturnedValue, state);
                    if (state.Zero.Count > 0)
                    {
                        // Each chunk goes to the caller, who decides whether to ask for the next one.
                        scratch.Clear();
                        scratch.AddRange(state.Zero.Keys);
                        foreach (var read in scratch)
                        {
                            Escape(read, state);
                        }
                    }

                    return;
                default:
                    EvalChildren(operation, state);
                    return;
            }
        }

        /// <summary>The kinds of the interfaces <see cref="EvalCore"/> has a case for; every other operation is its children.</summary>
        private static readonly OperationKindSet EvaluatedKinds = new(
            OperationKind.FlowAnonymousFunction,
            OperationKind.AnonymousFunction,
            OperationKind.LocalFunction,
            OperationKind.SimpleAssignment,
            OperationKind.CompoundAssignment,
            OperationKind.FlowCapture,
            OperationKind.Invocation,
            OperationKind.PropertyReference,
            OperationKind.ArrayElementReference,
            OperationKind.LocalReference,
            OperationKind.ParameterReference,
            OperationKind.FieldReference,
            OperationKind.Await,
            OperationKind.Invalid,
            OperationKind.DynamicInvocation,
            OperationKind.YieldReturn);

        private void EvalChildren(IOperation operation, ReadState state)
        {
            foreach (var child in operation.ChildOperations)
            {
                Eval(child, state);
            }
        }

        /// <summary>A string's <c>Substring</c>, <c>Remove</c> or <c>Insert</c>: positions past the text's end throw <c>ArgumentOutOfRangeException</c>.</summary>
        private static bool IsStringCut(IMethodSymbol method)
            => method is { IsStatic: false, ContainingType.SpecialType: SpecialType.System_String, Name: "Substring" or "Remove" or "Insert" };

        /// <summary>
        /// A string's <c>Substring</c>, <c>Remove</c> or <c>Insert</c> given constant positions that reach past the end of the
        /// empty text (<c>Substring(0, 2)</c>, <c>Substring(1)</c>, <c>Remove(0, 2)</c>), or a position that is the text's own
        /// search for something "" cannot hold (<c>text.Substring(0, text.IndexOf("$"))</c>: -1, fresh14 miss 1, the
        /// csharp.net-informations chat server's cut at its '$' terminator): on "" it throws.
        /// </summary>
        private static bool ReachesPastEmptyText(IInvocationOperation call)
        {
            if (!IsStringCut(call.TargetMethod))
            {
                return false;
            }

            var method = call.TargetMethod;

            long reach = 0;
            foreach (var argument in call.Arguments)
            {
                if (argument.Parameter?.Type.SpecialType != SpecialType.System_Int32)
                {
                    continue;
                }

                if (IsSearchMissingInEmptyText(argument.Value, call.Instance))
                {
                    // -1: ArgumentOutOfRangeException whatever the text.
                    return true;
                }

                if (Constant(argument.Value) is not long value || value < 0)
                {
                    return false;
                }

                reach += value;
            }

            return method.Parameters.Length > 0 && reach > 0;
        }

        /// <summary>
        /// The cut at a search (<c>data.Substring(0, data.IndexOf("$"))</c>) of text decoded whole from a new array whose read
        /// returned 0 on this path: the text is NUL characters (or "" for an empty array), which hold no '$', so the search
        /// gives -1 and the cut throws (fresh14 miss 1 as its repository wrote it: <c>bytesFrom = new byte[ReceiveBufferSize];
        /// stream.Read(bytesFrom, 0, …); data = Encoding.ASCII.GetString(bytesFrom);</c>). Decided by the block's own order:
        /// in the cut's block, one statement makes the array (<c>buffer = new byte[n]</c>), a later one holds the read into it
        /// from its start, a later one assigns the local its whole decode (<c>GetString(buffer)</c>, or <c>(buffer, 0,
        /// buffer.Length)</c>), and nothing between them names the array (but the read) or the local, or can jump.
        /// </summary>
        private void ThrowsOnZeroText(IOperation text, IInvocationOperation cut, ReadState state)
        {
            if (body.HasGoTo || body.Model is not { } model || text.WalkDownConversions() is not ILocalReferenceOperation local)
            {
                return;
            }

            var searches = false;
            foreach (var argument in cut.Arguments)
            {
                searches |= argument.Parameter?.Type.SpecialType == SpecialType.System_Int32 && IsSearchMissingInEmptyText(argument.Value, text);
            }

            if (!searches || cut.Syntax.FirstAncestorOrSelf<StatementSyntax>() is not { Parent: BlockSyntax block } current
                || Before(block, block.Statements.IndexOf(current), local.Local.Name, IsLocalWrite) is not { } decodeAt
                || StatementValue(block.Statements[decodeAt], local.Local.Name) is not { } decodeSyntax
                || model.GetOperation(decodeSyntax, CancellationToken)?.WalkDownConversions() is not IInvocationOperation { TargetMethod.Name: "GetString" } decode
                || !KnownSymbols.IsOrDerivesFrom(decode.TargetMethod.ContainingType, symbols.Framework.Encoding) || !IsWholeDecode(decode)
                || CatalogueIndex.Argument(decode, 0)?.WalkDownConversions() is not ILocalReferenceOperation { Local: var buffer })
            {
                return;
            }

            List<int>? ended = null;
            foreach (var pair in state.Zero)
            {
                var site = ZeroSite(pair.Key);
                if (!site.IsLine && !site.IsChar && site.Read.Buffer is { } filled && ReadBody.VariableOf(ReadBody.RootOfView(filled, symbols.Framework)) is ILocalSymbol read
                    && SymbolEqualityComparer.Default.Equals(read, buffer) && (site.Read.Offset is null || site.Read.Offset.WalkDownConversions().ConstantValue is { HasValue: true, Value: 0 })
                    && Before(block, decodeAt, buffer.Name, static (_, _) => true) is { } readAt
                    && block.Statements[readAt].Span.Contains(site.Invocation.Syntax.Span)
                    && Before(block, readAt, buffer.Name, IsLocalWrite) is { } madeAt
                    && StatementValue(block.Statements[madeAt], buffer.Name) is ArrayCreationExpressionSyntax { Initializer: null })
                {
                    (ended ??= new List<int>()).Add(pair.Key);
                }
            }

            EndByException(ended, cut, state);
        }

        /// <summary>
        /// The index of the nearest statement before <paramref name="index"/> in <paramref name="block"/> that names
        /// <paramref name="name"/>, when <paramref name="accept"/> takes that statement and that name's use in it; null when
        /// it does not, when none does, or when a statement on the way can jump or holds a function. With
        /// <paramref name="passReads"/>, a statement that only reads the name is passed over.
        /// </summary>
        private static int? Before(BlockSyntax block, int index, string name, System.Func<StatementSyntax, IdentifierNameSyntax, bool> accept, bool passReads = false)
        {
            for (var i = index - 1; i >= 0; i--)
            {
                var statement = block.Statements[i];
                IdentifierNameSyntax? named = null;
                var onlyReads = true;
                foreach (var node in statement.DescendantNodesAndSelf())
                {
                    if (node is GotoStatementSyntax or BreakStatementSyntax or ContinueStatementSyntax or ReturnStatementSyntax or ThrowStatementSyntax or YieldStatementSyntax
                        or LabeledStatementSyntax or AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)
                    {
                        return null;
                    }

                    if (node is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == name)
                    {
                        named ??= identifier;
                        onlyReads &= OnlyRead(identifier);
                    }
                }

                if (statement is LocalDeclarationStatementSyntax declaration)
                {
                    foreach (var variable in declaration.Declaration.Variables)
                    {
                        if (variable.Identifier.ValueText == name)
                        {
                            return declaration.Declaration.Variables.Count == 1 ? i : null;
                        }
                    }
                }

                if (named is not null)
                {
                    if (accept(statement, named))
                    {
                        return i;
                    }

                    if (!(passReads && onlyReads))
                    {
                        return null;
                    }
                }
            }

            return null;
        }

        /// <summary>The name is read here, not assigned, incremented, or passed by <c>ref</c> or <c>out</c>.</summary>
        private static bool OnlyRead(IdentifierNameSyntax identifier)
            => identifier.Parent switch
            {
                AssignmentExpressionSyntax assignment => assignment.Left != identifier,
                PrefixUnaryExpressionSyntax or PostfixUnaryExpressionSyntax => false,
                ArgumentSyntax argument => argument.RefKindKeyword.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.None),
                _ => true,
            };

        /// <summary>The statement gives the name its value: <c>name = …;</c> (a declaration is taken by <see cref="Before"/> itself).</summary>
        private static bool IsLocalWrite(StatementSyntax statement, IdentifierNameSyntax name)
            => statement is ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax { Left: IdentifierNameSyntax target } assignment }
                && target == name && assignment.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.SimpleAssignmentExpression);

        /// <summary>The value a statement gives <paramref name="name"/>: <c>name = value;</c>, <c>this.name = value;</c> or <c>T name = value;</c>.</summary>
        private static ExpressionSyntax? StatementValue(StatementSyntax statement, string name) => statement switch
        {
            ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax { Left: IdentifierNameSyntax target } assignment } when target.Identifier.ValueText == name => assignment.Right,
            ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: var member } } assignment }
                when member.Identifier.ValueText == name => assignment.Right,
            LocalDeclarationStatementSyntax { Declaration.Variables: { Count: 1 } variables } when variables[0].Identifier.ValueText == name => variables[0].Initializer?.Value,
            _ => null,
        };

        /// <summary><c>GetString(bytes)</c>, or <c>GetString(bytes, 0, bytes.Length)</c> of one local: every byte of the array.</summary>
        private static bool IsWholeDecode(IInvocationOperation call)
        {
            if (call.Arguments.Length == 1)
            {
                return call.Arguments[0].Value.Type is IArrayTypeSymbol;
            }

            return call.Arguments.Length == 3
                && CatalogueIndex.Argument(call, 0)?.WalkDownConversions() is ILocalReferenceOperation bytes
                && CatalogueIndex.Argument(call, 1)?.ConstantValue is { HasValue: true, Value: 0 }
                && CatalogueIndex.Argument(call, 2)?.WalkDownConversions() is IPropertyReferenceOperation { Property.Name: "Length", Instance: ILocalReferenceOperation measured }
                && SymbolEqualityComparer.Default.Equals(measured.Local, bytes.Local);
        }

        /// <summary>
        /// <paramref name="position"/> is <c>text.IndexOf(c)</c> or <c>text.LastIndexOf(c)</c> of the same local as
        /// <paramref name="text"/>, for a constant character or a constant non-empty string of printable ASCII (no character a
        /// culture-aware search ignores, as it ignores <c>"\0"</c>): on "" it is -1.
        /// </summary>
        private static bool IsSearchMissingInEmptyText(IOperation position, IOperation? text)
        {
            if (position.WalkDownConversions() is not IInvocationOperation { TargetMethod: { IsStatic: false, ContainingType.SpecialType: SpecialType.System_String, Name: "IndexOf" or "LastIndexOf" } search } call
                || call.Instance?.WalkDownConversions() is not ILocalReferenceOperation searched
                || text?.WalkDownConversions() is not ILocalReferenceOperation cut
                || !SymbolEqualityComparer.Default.Equals(searched.Local, cut.Local)
                || call.Arguments.Length == 0 || search.Parameters.Length == 0)
            {
                return false;
            }

            foreach (var argument in call.Arguments)
            {
                // Only the needle, and a comparison: a start index or a count may throw or change the answer on its own.
                if (argument.Parameter is { Ordinal: > 0 } other && other.Type.TypeKind != TypeKind.Enum)
                {
                    return false;
                }
            }

            return CatalogueIndex.Argument(call, 0)?.WalkDownConversions().ConstantValue.Value switch
            {
                char => true,
                string needle => needle.Length > 0 && IsPrintableAscii(needle),
                _ => false,
            };
        }

        private static bool IsPrintableAscii(string text)
        {
            foreach (var c in text)
            {
                if (c < ' ' || c > '~')
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// <c>parts[k]</c> of a split of the empty text (<c>text.Split(' ')[1]</c>, or a local assigned once such a split after
        /// the read): "" splits into one part, none with <c>RemoveEmptyEntries</c>, so a constant index past that throws.
        /// </summary>
        private void ThrowsPastSplitOfEmptyText(IArrayElementReferenceOperation element, ReadState state)
        {
            if (Constant(element.Indices[0]) is not long index || index < 0)
            {
                return;
            }

            var parts = element.ArrayReference.WalkDownConversions();
            List<int>? ended = null;
            foreach (var pair in state.Zero)
            {
                var site = ZeroSite(pair.Key);
                var split = parts switch
                {
                    IInvocationOperation call => call,
                    ILocalReferenceOperation local when IsSplitLocal(local.Local, site) => body.SingleValue(local.Local)?.WalkDownConversions() as IInvocationOperation,
                    _ => null,
                };
                if (split is null)
                {
                    continue;
                }

                var count = IsEmptySplit(split, pair.Value, site) ? 0 : IsSplitOfEmptyTextCall(split, pair.Value, site) ? 1 : -1;
                if (count >= 0 && index >= count)
                {
                    (ended ??= new List<int>()).Add(pair.Key);
                }
            }

            EndByException(ended, element, state);
        }

        /// <summary>
        /// A member of the null line called or read (<c>line.Trim()</c>, <c>line.Length</c>, <c>line.Split(' ')</c>): it
        /// throws a <c>NullReferenceException</c>, so the path on which the line read returned null ends here. It neither
        /// comes back to the read nor gets out of the loop (a <c>catch</c> that continues the loop is not followed: the
        /// state an exception carries has no end-of-stream facts).
        /// </summary>
        private void DereferencesNullLine(IOperation instance, ReadState state)
        {
            if (!body.HasLineReads || state.Zero.Count == 0 || instance.Type?.IsValueType == true)
            {
                return;
            }

            scratch.Clear();
            foreach (var pair in state.Zero)
            {
                var site = ZeroSite(pair.Key);
                if (site.IsLine && IsZero(instance, pair.Value, site))
                {
                    scratch.Add(pair.Key);
                }
            }

            foreach (var read in scratch)
            {
                state.Zero.Remove(read);
            }
        }

        /// <summary>
        /// <paramref name="text"/>, given to a call that throws for the empty text (<see cref="RejectsEmptyText"/>), is the
        /// empty text on a 0 path: the exception ends that path (fresh11 F2: <c>JsonSerializer.Deserialize&lt;Data&gt;(str)</c>
        /// of the text a read loop built, which is <c>""</c> once the peer closed).
        /// </summary>
        private void ThrowsOnEmptyText(IOperation text, IOperation call, ReadState state)
        {
            List<int>? ended = null;
            foreach (var pair in state.Zero)
            {
                if (IsEmptyText(text, pair.Value, ZeroSite(pair.Key)))
                {
                    (ended ??= new List<int>()).Add(pair.Key);
                }
            }

            EndByException(ended, call, state);
        }

        /// <summary>
        /// A member of a local that holds the <c>null</c> a deserializer made of the empty text (<see cref="IsNullFromEmptyText"/>)
        /// called or read (<c>data.Registration</c>): <c>NullReferenceException</c> ends that 0 path.
        /// </summary>
        private void DereferencesNullObject(IOperation instance, IOperation use, ReadState state)
        {
            if (state.Zero.Count == 0 || instance.WalkDownConversions() is not ILocalReferenceOperation { Type: { IsReferenceType: true, SpecialType: not SpecialType.System_String } } local
                || symbols.Framework.IsStringBuilder(local.Type))
            {
                return;
            }

            List<int>? ended = null;
            foreach (var pair in state.Zero)
            {
                var site = ZeroSite(pair.Key);
                if (!site.IsLine && !site.IsChar && pair.Value.Zeros.Contains(local.Local) && !HoldsHelperBytes(local.Local, site))
                {
                    (ended ??= new List<int>()).Add(pair.Key);
                }
            }

            EndByException(ended, use, state);
        }

        /// <summary>
        /// The innermost <c>try</c> inside the loops around <paramref name="at"/> has a catch without a filter that takes what
        /// <paramref name="at"/> throws on the empty text (<see cref="ThrownOnEmpty"/>), or what it throws is not known; false
        /// when every catch there is of another type or has a filter.
        /// </summary>
        private bool MayBeTaken(IOperation at, ReadSite site)
        {
            if (ThrownOnEmpty(at) is not { } name || body.Model is not { } model
                || CatchingTryInsideLoops(at.Syntax, site, out _) is not { } caught
                || symbols.TypeNamed(name) is not { } thrown)
            {
                return true;
            }

            foreach (var clause in caught.Catches)
            {
                if (clause.Filter is not null)
                {
                    continue;
                }

                if (clause.Declaration is null
                    || (model.GetTypeInfo(clause.Declaration.Type, CancellationToken).Type is INamedTypeSymbol type && KnownSymbols.IsOrDerivesFrom(thrown, type)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The exception the empty text makes <paramref name="at"/> throw: <c>ArgumentOutOfRangeException</c> for a cut of the
        /// string (<see cref="IsStringCut"/>),
        /// <c>IndexOutOfRangeException</c> for an element, and what the catalogue says for its <c>ThrowsOnEmptyText</c> rows
        /// (<c>FormatException</c> for <c>Parse</c>, <c>InvalidOperationException</c> for <c>First</c>…); null for any other.
        /// </summary>
        private string? ThrownOnEmpty(IOperation at) => at switch
        {
            IInvocationOperation cut when IsStringCut(cut.TargetMethod) => "System.ArgumentOutOfRangeException",
            IInvocationOperation call => symbols.Catalogue.Facts(call.TargetMethod)?.EmptyTextException,
            IPropertyReferenceOperation { Arguments.Length: 1 } or IArrayElementReferenceOperation => "System.IndexOutOfRangeException",
            _ => null,
        };

        /// <summary>
        /// An exception certainly thrown on these reads' 0 paths at <paramref name="at"/>: out of the read's loops it ends
        /// them, a way out as a <c>throw</c> is. Caught inside them, the loop goes on by its handler on every turn, and
        /// still spins; the flow then follows the path as if the call returned (a handler carries no end-of-stream facts,
        /// <see cref="StateForHandler"/>), which can only take a later way out for one the turn really has.
        /// </summary>
        private void EndByException(List<int>? reads, IOperation at, ReadState state)
        {
            if (reads is null)
            {
                return;
            }

            foreach (var read in reads)
            {
                if (!CaughtInsideLoops(at.Syntax, ZeroSite(read)))
                {
                    Escape(read, state);
                }
                else if (CatchAllInsideLoops(at.Syntax, ZeroSite(read)) is { } handled)
                {
                    if (state.Zero.TryGetValue(read, out var fact))
                    {
                        // Caught by a catch-all inside the loops: the rest of the try does not run on this path, so a way out
                        // there is none (fresh14 miss 1: Program.Broadcast(…) after the cut that throws). The handler takes it.
                        state.Throw(read, handled, fact);
                        state.Zero.Remove(read);
                    }
                }
                else if (!MayBeTaken(at, ZeroSite(read)))
                {
                    // No catch there takes what the call throws (catch (IOException) of a Substring's
                    // ArgumentOutOfRangeException), or only one with a filter: the exception may leave the loops.
                    Escape(read, state);
                }
            }
        }

        /// <summary>
        /// The try-and-catch region of the current block whose handler certainly takes an exception thrown at
        /// <paramref name="syntax"/>: the innermost <c>try</c> with catches around it, inside the read's loops, when one of
        /// its clauses catches every exception (<c>catch</c>, <c>catch (Exception)</c>, with no filter), or, when the
        /// exception is known (<paramref name="thrown"/>), its type or a base of it (<c>catch (IOException)</c> takes
        /// <c>EndOfStreamException</c>). Null otherwise.
        /// </summary>
        private ControlFlowRegion? CatchAllInsideLoops(SyntaxNode syntax, ReadSite site, ITypeSymbol? thrown = null)
        {
            if (CatchingTryInsideLoops(syntax, site, out _) is null)
            {
                return null;
            }

            // The innermost try-and-catch region around the block is that statement's (a using, foreach or lock makes a
            // try-and-finally region, which is not counted).
            for (var region = CurrentBlock?.EnclosingRegion; region is not null; region = region.EnclosingRegion)
            {
                if (region.Kind == ControlFlowRegionKind.Try && region.EnclosingRegion is { Kind: ControlFlowRegionKind.TryAndCatch } tryAndCatch)
                {
                    return Takes(tryAndCatch, thrown) ? tryAndCatch : null;
                }
            }

            return null;
        }

        private static bool Takes(ControlFlowRegion tryAndCatch, ITypeSymbol? thrown)
        {
            for (var i = 1; i < tryAndCatch.NestedRegions.Length; i++)
            {
                if (tryAndCatch.NestedRegions[i] is { Kind: ControlFlowRegionKind.Catch, ExceptionType: { } caught }
                    && (caught.SpecialType == SpecialType.System_Object
                        || caught is { Name: "Exception", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } }
                        || (thrown is not null && caught is INamedTypeSymbol named && KnownSymbols.IsOrDerivesFrom(thrown, named))))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// <c>JsonConvert.DeserializeObject(text)</c> (Json.NET, by name: the package is not referenced) of the empty text
        /// on this path, as a reference type: Json.NET returns <c>null</c> for it.
        /// </summary>
        private bool IsNullFromEmptyText(IOperation value, ZeroFact fact, ReadSite site)
            => IsJsonNetDeserialize(value.WalkDownConversions())
                && CatalogueIndex.Argument((IInvocationOperation)value.WalkDownConversions(), 0) is { } text && IsEmptyText(text, fact, site);

        /// <summary><c>JsonConvert.DeserializeObject(string, …)</c> of Json.NET (by name), as a reference type: <c>null</c> for the empty text.</summary>
        private static bool IsJsonNetDeserialize(IOperation value)
            => value is IInvocationOperation { TargetMethod: { IsStatic: true, Name: "DeserializeObject", ReturnType.IsReferenceType: true } method }
                && method.ContainingType is { Name: "JsonConvert", ContainingNamespace: { Name: "Json", ContainingNamespace: { Name: "Newtonsoft", ContainingNamespace.IsGlobalNamespace: true } } }
                && method.Parameters.Length > 0 && method.Parameters[0].Type.SpecialType == SpecialType.System_String;

        /// <summary>
        /// A method that throws for the empty text as its first parameter: the catalogue's <c>ThrowsOnEmptyText</c> rows
        /// (<c>Parse</c> of the numbers and other values, <c>Convert.ToInt32</c> and the like, <c>JsonSerializer.Deserialize</c>,
        /// <c>JsonDocument</c>/<c>JsonNode</c>/<c>XDocument</c>/<c>XElement.Parse</c>), or Json.NET's <c>JObject</c>/<c>JArray</c>/
        /// <c>JToken.Parse</c>, known by name (the package is not among the catalogue's reference sets).
        /// </summary>
        private bool RejectsEmptyText(IMethodSymbol method)
            => symbols.Catalogue.Facts(method) is { RejectsEmptyText: true } || IsJsonNetLinqParse(method);

        /// <summary>Json.NET's <c>JObject</c>/<c>JArray</c>/<c>JToken.Parse(string…)</c>, known by name (the package is not among the catalogue's reference sets).</summary>
        private static bool IsJsonNetLinqParse(IMethodSymbol method)
            => method is { IsStatic: true, Name: "Parse", Parameters.Length: > 0, ContainingType: { Name: "JObject" or "JArray" or "JToken" } type }
                && method.Parameters[0].Type.SpecialType == SpecialType.System_String
                && type.ContainingNamespace is { Name: "Linq", ContainingNamespace: { Name: "Json", ContainingNamespace: { Name: "Newtonsoft", ContainingNamespace.IsGlobalNamespace: true } } };

        /// <summary>Json.NET's <c>JsonConvert.DeserializeObject(string…)</c> (generic or not), known by name.</summary>
        private static bool IsJsonNetDeserialize(IMethodSymbol method)
            => method is { IsStatic: true, Name: "DeserializeObject", Parameters.Length: > 0, ContainingType: { Name: "JsonConvert" } type }
                && method.Parameters[0].Type.SpecialType == SpecialType.System_String
                && type.ContainingNamespace is { Name: "Json", ContainingNamespace: { Name: "Newtonsoft", ContainingNamespace.IsGlobalNamespace: true } };

        /// <summary>
        /// True when <paramref name="argument"/> goes to a parameter of a compiled library (the framework, a package) that its
        /// nullable annotations say does not take null (<c>Encoding.GetBytes(string s)</c>, <c>int.Parse(string s)</c>): such
        /// a method throws <c>ArgumentNullException</c> for it. Not a parameter annotated as nullable (<c>TextWriter.WriteLine(string?)</c>,
        /// <c>Convert.ToInt32(string?)</c>, which accept null), nor one of a type parameter (<c>List&lt;T&gt;.Add(T)</c>), nor
        /// one of the code being analysed, whose annotations promise nothing at run time.
        /// </summary>
        private static bool RejectsNull(IArgumentOperation argument)
        {
            if (argument.ArgumentKind != ArgumentKind.Explicit || argument.Parameter is not { } parameter
                || parameter.ContainingSymbol is not IMethodSymbol method || !method.DeclaringSyntaxReferences.IsEmpty)
            {
                return false;
            }

            var declared = parameter.OriginalDefinition;
            return declared.RefKind == RefKind.None
                && declared.NullableAnnotation == NullableAnnotation.NotAnnotated
                && declared.Type is { IsReferenceType: true, TypeKind: not TypeKind.TypeParameter }
                && !HasAttribute(declared, "AllowNullAttribute");
        }

        // Per method of the file: the ordinals of the parameters its first statements dereference on every path.
        private Dictionary<IMethodSymbol, HashSet<int>?>? dereferencingMethods;

        /// <summary>
        /// The argument goes to a parameter that a method of this file dereferences in its first statements, before anything
        /// could branch (<c>string[] CheckMessage(string s) { return s.Split(' '); }</c>, fresh16 FALSE 2): given the null
        /// line it throws <c>NullReferenceException</c> as <c>line.Split(' ')</c> written in the loop does.
        /// </summary>
        private bool DereferencedByCallee(IArgumentOperation argument)
        {
            if (argument.ArgumentKind != ArgumentKind.Explicit || argument.Parameter is not { RefKind: RefKind.None } parameter
                || parameter.ContainingSymbol is not IMethodSymbol { DeclaringSyntaxReferences.Length: 1 } method || body.Model is not { } model)
            {
                return false;
            }

            method = method.OriginalDefinition;
            dereferencingMethods ??= new Dictionary<IMethodSymbol, HashSet<int>?>(SymbolEqualityComparer.Default);
            if (!dereferencingMethods.TryGetValue(method, out var ordinals))
            {
                ordinals = DereferencedParameters(method, model);
                dereferencingMethods[method] = ordinals;
            }

            return ordinals is not null && ordinals.Contains(parameter.Ordinal);
        }

        /// <summary>
        /// The parameters of <paramref name="method"/> (a method of the analysed file) that one of its first statements
        /// (declarations, expression statements, a <c>return</c>; stopping at anything else) calls or reads a member of, not
        /// under a <c>?.</c>, <c>?:</c>, <c>??</c>, <c>&amp;&amp;</c>, <c>||</c> or lambda; null for none. Only until a
        /// parameter is assigned.
        /// </summary>
        private HashSet<int>? DereferencedParameters(IMethodSymbol method, SemanticModel model)
        {
            if (StatementsOf(method, model) is not { } statements)
            {
                return null;
            }

            HashSet<int>? ordinals = null;
            foreach (var statement in statements)
            {
                if (statement is not (IVariableDeclarationGroupOperation or IExpressionStatementOperation or IReturnOperation))
                {
                    break;
                }

                foreach (var operation in statement.DescendantsAndSelf())
                {
                    if (operation is IParameterReferenceOperation reference && ReadBody.IsWrite(reference))
                    {
                        return ordinals;
                    }

                    var instance = operation switch
                    {
                        IInvocationOperation { TargetMethod.IsStatic: false } call => call.Instance,
                        IPropertyReferenceOperation { Property.IsStatic: false } property => property.Instance,
                        _ => null,
                    };
                    if (instance?.WalkDownConversions() is IParameterReferenceOperation { Parameter.Type.IsReferenceType: true } target
                        && Unconditional(operation, statement))
                    {
                        (ordinals ??= new HashSet<int>()).Add(target.Parameter.Ordinal);
                    }
                }
            }

            return ordinals;
        }

        private static bool HasAttribute(IParameterSymbol parameter, string name)
        {
            foreach (var attribute in parameter.GetAttributes())
            {
                if (attribute.AttributeClass?.Name == name)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The parts of an assignment's target that are evaluated (an array element's array and index), not the variable itself.</summary>
        private void EvalTarget(IOperation target, ReadState state)
        {
            switch (target)
            {
                case ILocalReferenceOperation:
                case IParameterReferenceOperation:
                case IFlowCaptureReferenceOperation:
                    return;
                case IFieldReferenceOperation field:
                    Eval(field.Instance, state);
                    return;
                default:
                    Eval(target, state);
                    return;
            }
        }

        /// <summary>
        /// A private field of this class, named without another instance (<c>message</c>, <c>this.message</c>, a static one):
        /// SOCK011 lets it hold a read's 0 or null line from its assignment (<see cref="Assign"/>) until something that may
        /// set it (<see cref="MaySetOwnFields"/>) or a write of it (fresh50 M1: a chat client's <c>message = sr.ReadLine();
        /// if (message != null) { writeToChat(message); … }</c>). Another class may set a field it can reach at any time.
        /// </summary>
        private static bool IsOwnField(IFieldReferenceOperation field)
            => field.Field is { DeclaredAccessibility: Accessibility.Private, IsConst: false }
                && (field.Field.IsStatic ? field.Instance is null : field.Instance is IInstanceReferenceOperation);

        /// <summary>
        /// The operation may run code that sets a field of the class, or lets other code run meanwhile: a call of a method of
        /// the project (a local function or a helper included), of a delegate, of a framework method handed a delegate or
        /// dispatched to the project's override (<c>item.ToString()</c>), a constructor of the project, an <c>await</c>;
        /// or it writes a field itself other than by a simple assignment (<c>count += n</c>, <c>count++</c>, <c>ref count</c>).
        /// The fields that held the 0 hold what they may hold after it: unknown (<see cref="IsOwnField"/>).
        /// </summary>
        private static bool MaySetOwnFields(IOperation operation)
        {
            switch (operation)
            {
                case IAwaitOperation:
                    return true;
                case IInvocationOperation invocation:
                    if (RunsProjectCode(invocation.TargetMethod.OriginalDefinition) || MayDispatchToProject(invocation))
                    {
                        return true;
                    }

                    return HandsDelegate(invocation.Arguments);
                case IObjectCreationOperation creation:
                    return creation.Constructor is { } constructor && constructor.OriginalDefinition.DeclaringSyntaxReferences.Length > 0
                        || HandsDelegate(creation.Arguments);
                case ICompoundAssignmentOperation { Target: IFieldReferenceOperation }:
                case IIncrementOrDecrementOperation { Target: IFieldReferenceOperation }:
                case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out, Value: IFieldReferenceOperation }:
                case IDeconstructionAssignmentOperation:
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>
        /// A framework method that may be dispatched to the project's override: a virtual, abstract or interface method called
        /// on an object whose type is the project's (<c>item.ToString()</c>, <c>handler.Handle(…)</c>).
        /// </summary>
        private static bool MayDispatchToProject(IInvocationOperation invocation)
            => invocation.TargetMethod is { IsStatic: false } method
                && (method.IsVirtual || method.IsOverride || method.IsAbstract || method.ContainingType.TypeKind == TypeKind.Interface)
                && invocation.Instance?.Type is { } receiver && receiver.DeclaringSyntaxReferences.Length > 0;

        /// <summary>
        /// In a helper's body, an operation that hands control to code the walk does not read: <c>this</c> handed on (an
        /// argument, a stored value: anything may call back), an object of the project made (its constructor), a dynamic
        /// operation or one that did not bind (it may be anything: unknown means unknown), or a method group or event named
        /// (a delegate made or subscribed). What <see cref="HarmlessTo"/> and <see cref="CannotCancel"/> both refuse.
        /// </summary>
        private static bool HandsControlAway(IOperation operation) => operation switch
        {
            IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } self => self.Parent is not IMemberReferenceOperation and not IInvocationOperation,
            IObjectCreationOperation { Constructor.DeclaringSyntaxReferences.Length: > 0 } => true,
            IDynamicInvocationOperation or IDynamicMemberReferenceOperation or IDynamicObjectCreationOperation or IDynamicIndexerAccessOperation => true,
            IInvalidOperation => true,
            IEventReferenceOperation or IMethodReferenceOperation => true,
            _ => false,
        };

        private static bool HandsDelegate(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments)
        {
            foreach (var argument in arguments)
            {
                if (argument.Value.Type is { TypeKind: TypeKind.Delegate } || argument.Value.WalkDownConversions() is IDelegateCreationOperation or IFlowAnonymousFunctionOperation)
                {
                    return true;
                }
            }

            return false;
        }

        private static object? KeyOf(IOperation target) => target switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            _ => null,
        };

        private void Assign(IOperation target, IOperation value, ReadState state)
        {
            var key = KeyOf(target);
            if (key is ILocalSymbol holder && state.Filled.Count > 0 && state.Filled.TryGetValue(holder, out var filledBy)
                && body.Sites[filledBy] is { EndBuffer.Buffer: var endBuffer, EndResult: { } result }
                && SymbolEqualityComparer.Default.Equals(endBuffer, holder) && ReadBody.IsAsyncStateOf(value, result))
            {
                // byte[] data = (byte[])ar.AsyncState; after the End…: the local takes the array the receive filled.
                return;
            }

            var sized = body.GuardsAvailable ? AvailableSizeOf(value, state) : null;
            if (key is null)
            {
                if (target is IFieldReferenceOperation field)
                {
                    if (state.Zero.Count > 0 && IsOwnField(field))
                    {
                        // SOCK011: message = reader.ReadLine(); into a private field holds the null as a local would.
                        foreach (var pair in state.Zero)
                        {
                            if (IsZero(value, pair.Value, ZeroSite(pair.Key)))
                            {
                                fieldZeros |= pair.Value.AddZero(field.Field);
                            }
                            else
                            {
                                pair.Value.RemoveZero(field.Field);
                            }
                        }
                    }

                    KillBuffer(field.Field, state);
                    if (state.Pending.Count > 0)
                    {
                        // buffer = new byte[1024]; the datagram a read left in the field is gone unlooked at.
                        UseDatagramBufferField(field, state);
                    }

                    if (field.Instance is null or IInstanceReferenceOperation && !ReadBody.IsFixedField(value, symbols, symbols.Reads.Unchanged, body.Model, CancellationToken))
                    {
                        // SOCK011: the field a read's socket or stream comes from takes a new one (stream =
                        // listener.AcceptTcpClient().GetStream()): the next turn reads another connection. Not a fixed
                        // field's stream (stream = tcpClient.GetStream(); each turn, the client readonly in all but name):
                        // that is the same connection every time (fresh12).
                        Replaced(field.Field, state);
                    }
                }
                else if (target is IPropertyReferenceOperation { Arguments.Length: 0, Instance: null or IInstanceReferenceOperation } property
                    && NetworkFields.GetterField(property.Property, CancellationToken) is { } backing)
                {
                    // Stream = listener.AcceptTcpClient().GetStream(); of an auto-property (or a property over a field): the
                    // field the reads' ReceiverRoot names takes a new stream.
                    Replaced(backing, state);
                }

                WrittenElsewhere(target, state);
                if (sized is not null && target is IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } sizedField)
                {
                    state.Exact[sizedField.Field] = sized;
                }

                return;
            }

            // Shape facts of the variable: the Available it holds, the count it holds, a fresh array in it.
            var freshArray = freshCandidates.Contains((ISymbol)key) && value.WalkDownConversions() is IArrayCreationOperation { Initializer: null, DimensionSizes.Length: 1 };
            Written((ISymbol)key, state);
            if (state.Pending.Count > 0 && key is ILocalSymbol replacedBuffer)
            {
                BufferReplaced(replacedBuffer, state);
            }
            if (sized is not null && !body.CapturedWritten.Contains((ISymbol)key))
            {
                state.Exact[(ISymbol)key] = sized;
            }

            if (freshArray)
            {
                state.Fresh.Add((ISymbol)key);
            }

            // SOCK011: what the 0 paths know about the variable.
            foreach (var pair in state.Zero)
            {
                var site = ZeroSite(pair.Key);
                var fact = pair.Value;
                var identity = IsIdentityUpdate(key, value, fact, site);

                // Before the Zeros change below: message = AI(message) gives AI the empty text it replaces.
                var answered = !identity && AnswersEmptyText(value, fact, site);

                // s = s + line keeps a text, but turns a null s into "": the null line is not kept by it.
                if (IsZero(value, fact, site) || IsEmptyText(value, fact, site) || IsCharEnd(value, fact, site) || IsEmptyBytes(value, fact, site) || identity && !site.IsLine && fact.Zeros.Contains(key)
                    || key is ILocalSymbol && (IsEmptyBuilder(value, site) || IsNullFromEmptyText(value, fact, site)))
                {
                    fact.AddZero(key);
                }
                else
                {
                    fact.RemoveZero(key);
                }

                // Anything but a no-op changes the variable: even a value that is the same on every turn from now on
                // (stop = true, text = "") differs from the one the loop's conditions saw on the turn before. What is
                // known about such a value (the 0, the empty text) is in Zeros.
                if (!identity && key is ILocalSymbol recomputed && IsRecomputedAlike(recomputed, value, fact, site))
                {
                    // var text = sb.ToString(); with sb unchanged by the 0 path: the same text as on the turn before.
                    fact.RemoveChanged(key);
                }
                else if (!identity)
                {
                    // Decided before the change: message = "user: " + message reads the message it replaces.
                    var renewed = answered || ComputedWithoutZeroPath(value, fact, site) || NeverEmpty(value);
                    fact.AddChanged(key);
                    if (renewed)
                    {
                        fact.AddRenewed(key);
                    }
                }
            }

            // SOCK010: reaching definitions of counts.
            if (key is ILocalSymbol local)
            {
                if (ReadBody.UnwrapAwait(value, symbols.Framework) is IInvocationOperation call && body.SiteAt(call.Syntax) is { Form: CountForm.Stored } site
                    && SymbolEqualityComparer.Default.Equals(site.StoredLocal, local))
                {
                    state.SetDefs(local, new HashSet<int> { site.Index });
                }
                else
                {
                    state.RemoveDefs(local);
                }
            }

            // SOCK012: a new array in the buffer variable holds none of the read's bytes.
            KillBuffer((ISymbol)key, state);

            // SOCK011: the read's socket or stream replaced: the next turn reads another connection.
            Replaced((ISymbol)key, state);
        }

        /// <summary>
        /// The local's one assignment in the body (<c>var content = sb.ToString();</c> on every turn) gives it a value that is
        /// the same on every turn once reads return 0 (<see cref="IsStable"/>) and is computed from nothing the 0 path holds
        /// or changed (<see cref="ComputedWithoutZeroPath"/>): it then holds what it held at this point on the turn before,
        /// so a test of it decides as that turn's did. Not a flag set only where the 0 was seen (<c>stop = true;</c> is a
        /// second assignment of a local declared with <c>false</c>), nor a value of the 0 (<c>var end = n == 0;</c>).
        /// </summary>
        private bool IsRecomputedAlike(ILocalSymbol local, IOperation value, ZeroFact fact, ReadSite site)
            => body.IsAssignedOnce(local) && !body.Captured.Contains(local)
                && IsStable(value, fact, site, null) && ComputedWithoutZeroPath(value, fact, site);

        /// <summary>
        /// <c>x = x + n</c>, <c>x = x - n</c> with the 0, or <c>s = s + ""</c>: the variable keeps its value. For a line read,
        /// <c>s = s + line</c> with the null line (a string concatenation adds nothing for null).
        /// </summary>
        private bool IsIdentityUpdate(object key, IOperation value, ZeroFact fact, ReadSite site)
            => value.WalkDownConversions() is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Subtract } sum
                && !site.IsChar && KeyOf(sum.LeftOperand.WalkDownConversions()) is { } left && KeyComparer.Instance.Equals(left, key)
                && (site.IsLine
                    ? sum.OperatorKind == BinaryOperatorKind.Add && IsText(sum) && IsText(sum.LeftOperand.WalkDownConversions()) && IsZero(sum.RightOperand, fact, site)
                    : IsZero(sum.RightOperand, fact, site) || sum.OperatorKind == BinaryOperatorKind.Add && IsEmptyText(sum.RightOperand, fact, site));

        private static bool IsText(IOperation operation) => operation.Type?.SpecialType == SpecialType.System_String;

        private void CompoundAssign(ICompoundAssignmentOperation compound, ReadState state)
        {
            var key = KeyOf(AssignedVariable(compound.Target));
            if (key is null)
            {
                WrittenElsewhere(compound.Target, state);
                return;
            }

            Written((ISymbol)key, state);

            foreach (var pair in state.Zero)
            {
                var site = ZeroSite(pair.Key);
                var fact = pair.Value;
                var noop = !site.IsChar && (site.IsLine
                    ? compound.OperatorKind == BinaryOperatorKind.Add && IsText(compound.Target) && IsZero(compound.Value, fact, site)
                    : compound.OperatorKind is BinaryOperatorKind.Add or BinaryOperatorKind.Subtract && IsZero(compound.Value, fact, site)
                        || compound.OperatorKind == BinaryOperatorKind.Add && IsEmptyText(compound.Value, fact, site));
                if (!noop)
                {
                    fact.RemoveZero(key);
                    fact.AddChanged(key);
                }
                else if (site.IsLine)
                {
                    // s += line keeps a text, and turns a null s into "".
                    fact.RemoveZero(key);
                }
            }

            if (key is ILocalSymbol local)
            {
                state.RemoveDefs(local);
            }
        }

        private void AssignCapture(IFlowCaptureOperation capture, ReadState state)
        {
            foreach (var pair in state.Zero)
            {
                var site = ZeroSite(pair.Key);
                var fact = pair.Value;
                if (IsZero(capture.Value, fact, site) || IsEmptyText(capture.Value, fact, site) || IsCharEnd(capture.Value, fact, site) || IsEmptyBytes(capture.Value, fact, site))
                {
                    fact.AddZero(capture.Id);
                }
                else
                {
                    fact.RemoveZero(capture.Id);
                }

                if (IsStable(capture.Value, fact, site, null) && !IsCapturedOnSeveralBranches(capture.Id))
                {
                    fact.RemoveChanged(capture.Id);
                }
                else
                {
                    var renewed = ComputedWithoutZeroPath(capture.Value, fact, site) || NeverEmpty(capture.Value) || AnswersEmptyText(capture.Value, fact, site);
                    fact.AddChanged(capture.Id);
                    if (renewed)
                    {
                        fact.AddRenewed(capture.Id);
                    }
                }
            }
        }

        /// <summary>
        /// True when the graph defines the capture in more than one place (the two arms of <c>?:</c>, <c>??</c>,
        /// <c>?.</c>): a stable value on this path's arm says nothing of the turn before, which may have taken the other
        /// arm (<c>(line ?? "") == ""</c> held the line then). Counted once per graph, on first use, over the blocks'
        /// top-level operations (where the graph puts its captures).
        /// </summary>
        private bool IsCapturedOnSeveralBranches(CaptureId id)
        {
            IndexCaptures();
            return multiplyCaptured!.Contains(id);
        }

        /// <summary>The value the graph captures as <paramref name="id"/> when it defines it in one place only; null otherwise.</summary>
        private IOperation? CapturedValue(CaptureId id)
        {
            IndexCaptures();
            return !multiplyCaptured!.Contains(id) && captureValues!.TryGetValue(id, out var value) ? value : null;
        }

        private void IndexCaptures()
        {
            if (multiplyCaptured is not null)
            {
                return;
            }

            multiplyCaptured = new HashSet<CaptureId>();
            captureValues = new Dictionary<CaptureId, IOperation>();
            foreach (var block in Graph.Blocks)
            {
                foreach (var operation in block.Operations)
                {
                    if (operation is IFlowCaptureOperation defined && !captureValues.ContainsKey(defined.Id))
                    {
                        captureValues.Add(defined.Id, defined.Value);
                    }
                    else if (operation is IFlowCaptureOperation again)
                    {
                        multiplyCaptured.Add(again.Id);
                    }
                }
            }
        }

        /// <summary>A local read: SOCK010's reaching definitions are used, and a buffer is looked at.</summary>
        private void UseLocal(ILocalReferenceOperation reference, ReadState state)
        {
            var local = reference.Local;
            if (state.Defs.TryGetValue(local, out var defs))
            {
                if (Reporting)
                {
                    var meaningful = (bool?)null;
                    foreach (var read in defs)
                    {
                        if (body.Sites[read].Read.Api.Shape == CountShape.ReceivedBytes && ReadBody.ThroughNullableValue(reference).Parent is IMemberReferenceOperation member
                            && !symbols.Framework.IsReceivedBytes(member.Member))
                        {
                            // result.RemoteEndPoint of a SocketReceiveFromResult: the count is its ReceivedBytes (fresh13 miss 1).
                            continue;
                        }

                        countUsed[read] = true;
                        if (body.Sites[read].WholeBufferIfCountUnused
                            && (!countUsedMeaningfully[read] || reference.Syntax.SpanStart < firstMeaningfulUse[read]))
                        {
                            meaningful ??= body.IsMeaningfulCountUse(reference, symbols.Reads);
                            if (meaningful.Value)
                            {
                                countUsedMeaningfully[read] = true;
                                firstMeaningfulUse[read] = reference.Syntax.SpanStart;
                            }
                        }
                    }
                }

                if (ReadBody.IsWrite(reference) || reference.Parent is ICompoundAssignmentOperation)
                {
                    state.RemoveDefs(local);
                }
            }

            if (ReadBody.IsWrite(reference) && reference.Parent is not ICompoundAssignmentOperation)
            {
                foreach (var pair in state.Zero)
                {
                    pair.Value.RemoveZero(local);
                    pair.Value.AddChanged(local);
                    pair.Value.RemoveHolding(local);
                }

                Replaced(local, state);
                Written(local, state);
            }
            else if (state.HasFresh && state.Fresh.Contains(local) && !KeepsFresh(reference))
            {
                // Handed somewhere, an element written, an alias taken: its bytes may no longer be zeros.
                state.Fresh.Remove(local);
            }
            else if (state.Zero.Count > 0 && symbols.Framework.IsStringBuilder(local.Type))
            {
                BuilderUse(reference, state);
            }
            else if (state.Zero.Count > 0 && local.Type is INamedTypeSymbol { TypeKind: TypeKind.Class } objectType && !objectType.DeclaringSyntaxReferences.IsEmpty)
            {
                ProjectObjectUse(reference, state);
            }

            if (state.Pending.Count > 0)
            {
                // The buffer handed to a read that fills it from its start is overwritten, not looked at: a datagram read
                // pending on it is answered without its count mattering (the next datagram replaces its bytes).
                // Its length is no look at its bytes: buf.Length is the same whatever the read returned (the next turn's
                // Read(buf, 0, buf.Length) of a drain loop that makes a new array each turn).
                UseBuffer(local, field: false, FillsFromStart(reference),
                    reference.WalkUpConversions(out _) is IPropertyReferenceOperation length && symbols.Framework.IsLength(length.Property), state);
            }
        }

        /// <summary>
        /// A use of the buffer <paramref name="variable"/> (a local, or with <paramref name="field"/> an array field of this
        /// object, followed for datagram reads only: <see cref="UseDatagramBufferField"/>) while reads are pending on it:
        /// <paramref name="refilled"/> (handed to a read that fills it from its start, or given a new array) drops a datagram's
        /// bytes, or those of a read whose connection the variable no longer holds, unlooked at; any other use but its
        /// <paramref name="lengthOnly"/> looks at them, so their count mattered.
        /// </summary>
        private void UseBuffer(ISymbol variable, bool field, bool refilled, bool lengthOnly, ReadState state)
        {
            scratch.Clear();
            List<int>? overwritten = null;
            if (state.Pending.Count == 0 || (field ? readsIntoField : readsIntoVariable) is not { } index || !index.TryGetValue(variable, out var into))
            {
                // No read into this buffer is pending: only the reads into it are asked, not every pending one.
                return;
            }

            foreach (var read in into)
            {
                if (!state.Pending.Contains(read))
                {
                    continue;
                }

                var site = body.Sites[read];
                // A field is followed for a datagram read, and for the refill of a read whose count no longer says where its
                // connection's next read starts (a drain's): its bytes are then gone with the refill, as a local's.
                var named = !field || site.OneDatagram || refilled && state.IsCaughtUp(read);
                if (!named || state.IsBufferGone(read))
                {
                    continue;
                }

                if (refilled && (site.OneDatagram || state.IsPositionFree(read)))
                {
                    // A datagram's, a read whose connection the variable no longer holds, or a drain's that caught up: its
                    // bytes and its count are gone with the refill (an accept loop's next client read into the same buffer).
                    (overwritten ??= new List<int>()).Add(read);
                }
                else if (!refilled && !lengthOnly)
                {
                    scratch.Add(read);
                }

                // A stream read refilling the buffer from its start overwrites it too; whether the pending read's count
                // matters is that read's question (FollowPendingOf: another read of its connection).
            }

            Follow(state);
            DropOverwritten(overwritten, state);
        }

        /// <summary>
        /// A <c>StringBuilder</c> local used on a 0 path: its text stays what it was (so <c>sb.ToString()</c> and
        /// <c>sb.Length</c> are stable, <see cref="IsStable"/>) only through uses that read it (<c>ToString()</c>, <c>Length</c>)
        /// and appends of nothing whose result is dropped: <c>sb.Append(chars, i, n)</c> or <c>sb.Append(s, i, n)</c> with the
        /// 0, <c>sb.Append(text)</c> of the empty text (or, for a line read, of the <c>null</c> line). Any other use (another
        /// method, handing it on, an alias) may change its text: the builder counts as changed on that 0 path.
        /// </summary>
        private void BuilderUse(ILocalReferenceOperation reference, ReadState state)
        {
            switch (reference.Parent)
            {
                case IInvocationOperation { TargetMethod: { Name: "ToString", Parameters.Length: 0 } } text when text.Instance == reference:
                    return;
                case IPropertyReferenceOperation { Property.Name: "Length" } length when length.Instance == reference
                    && !(length.Parent is IAssignmentOperation assignment && assignment.Target == length):
                    return;
                case IInvocationOperation { TargetMethod: { Name: "Clear", Parameters.Length: 0 } } clear when clear.Instance == reference:
                    Emptied(reference.Local, state);
                    return;
                case IPropertyReferenceOperation { Property.Name: "Length" } length when length.Instance == reference
                    && length.Parent is ISimpleAssignmentOperation { Value.ConstantValue: { HasValue: true, Value: 0 } } emptying && emptying.Target == length:
                    Emptied(reference.Local, state);
                    return;
                case IInvocationOperation { TargetMethod.Name: "Append" } append when append.Instance == reference && append.Parent is IExpressionStatementOperation:
                    foreach (var pair in state.Zero)
                    {
                        if (!AppendsNothing(append, pair.Value, ZeroSite(pair.Key)))
                        {
                            pair.Value.AddChanged(reference.Local);
                            pair.Value.RemoveZero(reference.Local);
                        }
                    }

                    return;
            }

            foreach (var pair in state.Zero)
            {
                pair.Value.AddChanged(reference.Local);
                pair.Value.RemoveZero(reference.Local);
            }
        }

        /// <summary>
        /// <c>sb.Clear()</c> or <c>sb.Length = 0</c> on a 0 path: the builder's text changes, to the empty text, which its
        /// <c>ToString()</c> gives until something is appended (a line or character read's 0 facts hold the null line or the
        /// -1, not the empty text: there it is only a change).
        /// </summary>
        private void Emptied(ILocalSymbol builder, ReadState state)
        {
            foreach (var pair in state.Zero)
            {
                pair.Value.AddChanged(builder);
                var site = ZeroSite(pair.Key);
                if (site.IsLine || site.IsChar)
                {
                    pair.Value.RemoveZero(builder);
                }
                else
                {
                    pair.Value.AddZero(builder);
                }
            }
        }

        /// <summary><c>Append(char[], int, int)</c> or <c>Append(string, int, int)</c> of a count that is the 0, or <c>Append(string)</c> of the empty text or the null line.</summary>
        private bool AppendsNothing(IInvocationOperation append, ZeroFact fact, ReadSite site)
        {
            var parameters = append.TargetMethod.Parameters;
            if (parameters.Length == 3 && parameters[0].Type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Char } or { SpecialType: SpecialType.System_String }
                && parameters[2].Type.SpecialType == SpecialType.System_Int32)
            {
                return !site.IsLine && CatalogueIndex.Argument(append, 2) is { } count && IsZero(count, fact, site);
            }

            if (parameters.Length == 1 && parameters[0].Type.SpecialType == SpecialType.System_String && CatalogueIndex.Argument(append, 0) is { } text)
            {
                return site.IsLine ? IsZero(text, fact, site) : IsEmptyText(text, fact, site);
            }

            return false;
        }

        /// <summary>
        /// The buffer local <paramref name="local"/> now holds another array: a datagram read pending on the old one can no
        /// longer be looked at through it, and its next read does not depend on its count, so it is answered without
        /// mattering. A stream read still waits for another read of its connection, but a later use of the variable looks
        /// at the new array, not at its bytes (<see cref="ReadState.IsBufferGone"/>, fresh39 F4: <c>data = new byte[328];
        /// stream.ReadAsync(data, 0, 328); data = new byte[2272];</c> and only the second array is looked at).
        /// </summary>
        private void BufferReplaced(ILocalSymbol local, ReadState state)
        {
            List<int>? replaced = null;
            if (state.Pending.Count == 0)
            {
                return;
            }

            foreach (var read in ReadsOf(readsIntoVariable, local))
            {
                var site = body.Sites[read];
                if (!state.Pending.Contains(read) || site.BufferReach != BufferReach.Tracked)
                {
                    continue;
                }

                if (site.OneDatagram)
                {
                    (replaced ??= new List<int>()).Add(read);
                }
                else
                {
                    state.LoseBuffer(read);
                }
            }

            DropOverwritten(replaced, state);
        }

        /// <summary>
        /// SOCK010: a datagram read into an array field of this object whose bytes the body then looks at through the field
        /// (fresh60 M3, a course UDP server: <c>socket.ReceiveFrom(buffer, 0, 1024, SocketFlags.None, ref endpoint);</c> then
        /// <c>Encoding.UTF8.GetString(buffer)</c>): the datagram's length mattered there, as for a local buffer. The field
        /// handed to a read that fills it from its start, or given a new array, drops the datagram's bytes unlooked at; its
        /// <c>Length</c> is no look. The refill also drops a drain's stream read into the field (<see cref="UseBuffer"/>).
        /// </summary>
        private void UseDatagramBufferField(IFieldReferenceOperation reference, ReadState state)
        {
            if (reference.Instance is not (null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }))
            {
                return;
            }

            var parent = reference.WalkUpConversions(out var current);
            UseBuffer(reference.Field, field: true,
                parent is ISimpleAssignmentOperation assignment && assignment.Target == current || FillsFromStart(reference),
                parent is IPropertyReferenceOperation length && symbols.Framework.IsLength(length.Property), state);
        }

        private static void DropOverwritten(List<int>? reads, ReadState state)
        {
            if (reads is not null)
            {
                foreach (var read in reads)
                {
                    state.RemovePending(read);
                }
            }
        }

        /// <summary>
        /// The reference is the buffer argument of a read that fills it from its start (no offset, or 0): a read of this body,
        /// or a read of the catalogue on any other stream (<c>file.Read(buffer, 0, buffer.Length)</c>), which writes the array
        /// and never looks at what it held.
        /// </summary>
        private bool FillsFromStart(IOperation reference)
        {
            IOperation argument = reference;
            while (argument.Parent is IConversionOperation conversion)
            {
                argument = conversion;
            }

            if (argument.Parent is not IArgumentOperation { Parent: IInvocationOperation invocation } given)
            {
                return false;
            }

            // The site was read from the operation tree and the flow walks the graph's copies: they share their syntax.
            if (body.SiteAt(invocation.Syntax) is { } site)
            {
                return site.Read.Buffer?.WalkDownConversions().Syntax == reference.Syntax && FillsItsBufferFromStart(site);
            }

            return symbols.Catalogue.Facts(invocation.TargetMethod) is { Read: { Buffer: int buffer } read }
                && given.Parameter?.Ordinal == buffer
                && (read.Offset is null || CatalogueIndex.Argument(invocation, read.Offset) is { ConstantValue: { HasValue: true, Value: 0 } });
        }

        /// <summary>
        /// SOCK010: another read of the same socket or stream (<paramref name="site"/>): the position of every pending read
        /// of it now matters. Not that of a datagram read: the next read takes the next datagram whatever this one's length was.
        /// Nor that of the same read on the next turn of a loop when its buffer is a fresh array or a local of the body
        /// (<c>while (s.Available &gt; 0) s.Receive(new byte[s.Available]);</c>): a drain that goes on draining still looks at
        /// none of its bytes; a read after the loop makes it matter, unless the loop stopped because nothing waited (<see
        /// cref="CaughtUp"/>). A buffer the caller may look at still counts, unless the read is <paramref name="polled"/> (only
        /// when bytes wait on its connection) and fills it from its start: the next turn overwrites what the last one placed.
        /// </summary>
        private void FollowPendingOf(ReadSite site, ReadState state, bool polled)
        {
            if (state.Pending.Count == 0)
            {
                return;
            }

            scratch.Clear();
            foreach (var read in state.Pending)
            {
                var pending = body.Sites[read];
                if (read == site.Index && pending.BufferReach != BufferReach.Escapes || polled && SameDrain(pending, site))
                {
                    // Its buffer is a fresh array or a local the turn did not look at, or one the drain refills: a drain that
                    // goes on draining (also one read in each case of a switch, fresh91 F1).
                    continue;
                }

                var root = pending.ConnectionRoot;
                if (!pending.OneDatagram && (root is null || SymbolEqualityComparer.Default.Equals(root, site.ConnectionRoot) && !state.IsPositionFree(read)))
                {
                    scratch.Add(read);
                }
            }

            Follow(state);
        }

        private static bool FillsItsBufferFromStart(ReadSite site)
            => site.Read.Buffer is not null && site.Read.Offset is null or { ConstantValue: { HasValue: true, Value: 0 } };

        /// <summary>
        /// Two visits of one drain, each filling its buffer from the start: the same read on its next turn, or another read of
        /// the same innermost loop into the same local or array field of the object. Under a test that bytes wait, the second
        /// overwrites the first's bytes, and where the connection's next read starts matters only once the drain stops (<see
        /// cref="CaughtUp"/>).
        /// </summary>
        private static bool SameDrain(ReadSite pending, ReadSite site)
            => FillsItsBufferFromStart(pending) && FillsItsBufferFromStart(site)
                && (pending == site
                    || pending.Loops.Count > 0 && site.Loops.Count > 0 && pending.Loops[0] == site.Loops[0]
                        && (pending.BufferVariable is { } variable ? SymbolEqualityComparer.Default.Equals(variable, site.BufferVariable)
                            : pending.BufferField is { } field && SymbolEqualityComparer.Default.Equals(field, site.BufferField)));

        /// <summary>
        /// SOCK010: a lambda made while a read is pending captures that read's buffer (a local of the method): the lambda
        /// may look at its bytes, as a caller may at a buffer that escapes when the body ends (fresh34 miss 1: an accept loop
        /// that hands the buffer of a read whose count it drops to <c>Dispatcher.Invoke(() =&gt; …GetString(buffer)…)</c>;
        /// the loop never ends, so the end of the body never came). Only a lambda after the read in the source: one made
        /// before it (on the next turn, over that turn's buffer) is not its look.
        /// </summary>
        private void LookedAtByLambda(IFlowAnonymousFunctionOperation anonymous, ReadState state)
        {
            scratch.Clear();
            foreach (var read in state.Pending)
            {
                var site = body.Sites[read];
                if (site.BufferReach == BufferReach.Escapes && site.Read.Buffer is { } buffer
                    && site.Invocation.Syntax.SpanStart < anonymous.Syntax.SpanStart
                    && ReadBody.RootOfView(buffer, symbols.Framework) is ILocalReferenceOperation { Local: var local }
                    && body.Captured.Contains(local) && body.Model is { } model
                    && ReadBody.Names(anonymous.Syntax, local, model, CancellationToken))
                {
                    scratch.Add(read);
                }
            }

            Follow(state);
        }

        /// <summary>The reads in <see cref="scratch"/> are answered on this path: their count mattered.</summary>
        private void Follow(ReadState state)
        {
            foreach (var read in scratch)
            {
                if (Reporting)
                {
                    followed[read] = true;
                }

                state.RemovePending(read);
            }
        }

        /// <summary>
        /// SOCK012: <c>n = 0;</c> in a <c>catch</c> of the <c>try</c> whose read gives <c>n</c> its count (<c>try { n =
        /// handler.EndReceive(ar); } catch (SocketException) { n = 0; }</c>, fresh30 miss 3, four course servers): on that path
        /// the read placed 0 bytes and its count says so, so the buffer holds "the first <c>n</c> bytes" of it as on the
        /// path where the read returned; a consumer after the <c>try</c> joins both instead of losing the fact.
        /// </summary>
        private void ZeroCountInCatch(ISimpleAssignmentOperation assignment, ReadState state)
        {
            if (assignment.Target is not ILocalReferenceOperation { Local: var count } || Constant(assignment.Value) is not 0)
            {
                return;
            }

            // The syntax walk only for a local that is some read's count (a transfer runs on every visit).
            var counts = false;
            foreach (var site in body.Sites)
            {
                counts |= site.WholeBuffer is not null && SymbolEqualityComparer.Default.Equals(site.CountLocal, count);
            }

            if (!counts || assignment.Syntax.FirstAncestorOrSelf<CatchClauseSyntax>() is not { Parent: TryStatementSyntax attempt })
            {
                return;
            }

            SyntaxNode? function = null;
            for (var node = assignment.Syntax.Parent; node is not null && function is null; node = node.Parent)
            {
                function = node is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax ? node : null;
            }

            foreach (var site in body.Sites)
            {
                if (site.WholeBuffer is { } buffer && SymbolEqualityComparer.Default.Equals(site.CountLocal, count) && site.Function == function
                    && attempt.Block.Span.Contains(site.Invocation.Syntax.Span) && !state.Filled.TryGetValue(buffer, out _))
                {
                    state.SetFilled(buffer, site.Index);
                }
            }
        }

        // Per local of the function: the one value it holds (a state object's AsyncState), for IsCallbackBuffer.
        private Dictionary<ILocalSymbol, IOperation?>? stateOwners;

        /// <summary>
        /// The field an <c>End…</c> read's receive filled, on the object it filled: this object's, or the state object the
        /// callback gets from the result's <c>AsyncState</c> (<c>((StateObject)ar.AsyncState).buffer</c>, or through a local
        /// the function gives that one value: <c>var state = (StateObject)ar.AsyncState;</c>, or declares by a type pattern).
        /// </summary>
        private bool IsCallbackBuffer(IOperation reference, CallbackBuffer buffer, IParameterSymbol result)
        {
            var owner = (reference as IFieldReferenceOperation)?.Instance?.WalkDownConversions();
            if (buffer.Kind != CallbackBufferKind.OnState)
            {
                return owner is null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance };
            }

            if (owner is ILocalReferenceOperation local)
            {
                // One walk of the function per local (the flow asks at every use).
                stateOwners ??= new Dictionary<ILocalSymbol, IOperation?>(SymbolEqualityComparer.Default);
                if (!stateOwners.TryGetValue(local.Local, out owner))
                {
                    var code = Graph.OriginalOperation;
                    owner = ReadBody.OnlyDeclaredValue(code, local.Local)?.WalkDownConversions() ?? PatternValue(code, local.Local);
                    stateOwners[local.Local] = owner;
                }
            }

            // The result parameter is an IAsyncResult: its one AsyncState.
            return owner is not null && ReadBody.IsAsyncStateOf(owner, result);
        }

        /// <summary>
        /// The value a local declared by a type pattern takes (<c>if (ar.AsyncState is StateObject st)</c>: <c>ar.AsyncState</c>),
        /// when nothing else in <paramref name="code"/> writes it; null otherwise.
        /// </summary>
        private static IOperation? PatternValue(IOperation code, ILocalSymbol local)
        {
            IOperation? value = null;
            foreach (var operation in code.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IDeclarationPatternOperation { DeclaredSymbol: ILocalSymbol declared, Parent: IIsPatternOperation test }
                        when SymbolEqualityComparer.Default.Equals(declared, local):
                        value = test.Value.WalkDownConversions();
                        break;
                    case ILocalReferenceOperation reference when SymbolEqualityComparer.Default.Equals(reference.Local, local) && ReadBody.IsWrite(reference):
                        return null;
                }
            }

            return value;
        }

        /// <summary>Writes of a parameter and reads of a buffer variable (SOCK012).</summary>
        private void UseVariable(IOperation reference, ISymbol variable, ReadState state)
        {
            if (reference is not ILocalReferenceOperation && ReadBody.IsWrite(reference) && reference.Parent is not ICompoundAssignmentOperation)
            {
                foreach (var pair in state.Zero)
                {
                    pair.Value.RemoveZero(variable);
                    pair.Value.AddChanged(variable);
                }

                Replaced(variable, state);
                Written(variable, state);
            }

            if (state.Filled.Count == 0 || !state.Filled.TryGetValue(variable, out var read)
                || (body.Sites[read].EndBuffer is { } filledByBegin && !IsCallbackBuffer(reference, filledByBegin, body.Sites[read].EndResult!)))
            {
                return;
            }

            switch (Classify(reference, variable, out var consuming))
            {
                case Use.Whole:
                    if (Reporting && consuming is not null && !IsExactText(consuming, variable, read, state) && reportedConsumers.Add(consuming.Syntax))
                    {
                        if (body.Sites[read].WholeBufferIfCountUnused)
                        {
                            // Decided once the replay knows whether this read's count is used after it.
                            (wholeIfCountUnused ??= new()).Add((consuming, variable, read));
                        }
                        else
                        {
                            ReportWholeBuffer(consuming, variable, body.Sites[read]);
                        }
                    }

                    break;
                case Use.Barrier:
                    KillBuffer(variable, state);
                    break;
                case Use.Decoded:
                    if (Reporting && consuming is not null && RequestsRange(body.Sites[read], variable, decodedStart + decodedWidth))
                    {
                        if (body.Sites[read].WholeBufferIfCountUnused)
                        {
                            // Decided once the replay knows whether this read's count is used after it (the first decode met).
                            if (deferredDecodes is null || !deferredDecodes.Exists(d => d.Read == read))
                            {
                                (deferredDecodes ??= new()).Add((consuming, variable, read, decodedStart, decodedWidth, state.IsMixedFill(variable)));
                            }
                        }
                        else if (reportedDecodes.Add(read))
                        {
                            ReportDecoded(consuming, variable, body.Sites[read], decodedStart, decodedWidth, state.IsMixedFill(variable));
                        }
                    }

                    break;
                case Use.Counted:
                    if (Reporting && consuming is not null && givenCount is { } total && IsTotalOfReadsFromStart(total, body.Sites[read], consuming)
                        && reportedConsumers.Add(consuming.Syntax))
                    {
                        ReportTotalled(consuming, variable, body.Sites[read], total);
                    }

                    break;
            }
        }

        /// <summary>
        /// The read asked for at least the first <paramref name="end"/> bytes of the buffer: no size (the whole buffer),
        /// <c>buf.Length</c>, or a constant that large; and it is no read that waits for a minimum (<c>ReadAtLeast</c>).
        /// Only then do bytes a decoder takes past the count stand for bytes that did not arrive. Not for a datagram read
        /// (<c>ReceiveFrom</c>): a datagram arrives whole, and one shorter than the number is a malformed message to drop,
        /// not bytes to wait for; nor for a <c>Receive</c> of a socket that is or may be a datagram socket
        /// (<see cref="ReadSite.OneDatagram"/>, the test SOCK010 and SOCK011 use).
        /// </summary>
        private bool RequestsRange(ReadSite site, ISymbol buffer, int end)
        {
            if (site.Read.Api.IsAtLeast || site.OneDatagram)
            {
                return false;
            }

            var size = site.AskedSize?.WalkDownConversions();
            return size is null
                || IsLengthOf(size, buffer)
                || (size.ConstantValue is { HasValue: true, Value: int constant } && constant >= end);
        }

        /// <summary>
        /// SOCK012 across a lambda (<c>Parallel.ForEach(clients, c =&gt; c.GetStream().Write(buffer, 0, buffer.Length))</c>
        /// right after a read into <c>buffer</c>): the filled buffers the lambda captures start filled in its own analysis.
        /// Only a local the body assigns once and no lambda writes, so the lambda sees the array the read filled whenever
        /// it runs; or a buffer field no lambda writes (one that always holds one array: <see cref="ReadSite.WholeBuffer"/>)
        /// when the lambda is handed straight to a call (<c>Invoke((MethodInvoker)delegate { … GetString(buffer) … })</c>
        /// of a Windows Forms receive loop or callback), not stored for later. Where the lambda is reached on several paths,
        /// a buffer counts only if every path filled it by the same read. Not a buffer whose read's count the method uses
        /// meaningfully anywhere (compared with a size, passed on): the lambda's analysis does not see the outer uses.
        /// </summary>
        private void SeedLambda(IFlowAnonymousFunctionOperation anonymous, ReadState state)
        {
            Dictionary<ISymbol, int>? captured = null;
            foreach (var pair in state.Filled)
            {
                var seen = pair.Key switch
                {
                    ILocalSymbol local => body.Captured.Contains(local) && !body.CapturedWritten.Contains(local) && body.IsAssignedOnce(local),
                    IFieldSymbol => !body.CapturedWritten.Contains(pair.Key) && IsHandedToCall(anonymous),
                    _ => false,
                };
                if (seen && body.Sites[pair.Value].CountLocal is { } count && body.HasMeaningfulUse(count))
                {
                    // The method looks at the read's count somewhere (if (read != 2) throw …;): the lambda's own analysis
                    // cannot tell whether that came first, so it does not start with the buffer filled (fresh77 F1).
                    seen = false;
                }

                if (seen)
                {
                    (captured ??= new Dictionary<ISymbol, int>(SymbolComparer.Instance))[pair.Key] = pair.Value;
                }
            }

            lambdaSeeds ??= new Dictionary<IFlowAnonymousFunctionOperation, Dictionary<ISymbol, int>?>();
            if (!lambdaSeeds.TryGetValue(anonymous, out var known))
            {
                // Even an empty (null) entry counts: a later visit (a finally's other entry) may not add what this one lacked.
                lambdaSeeds[anonymous] = captured;
                return;
            }

            if (known is null)
            {
                return;
            }

            scratchSymbols.Clear();
            foreach (var pair in known)
            {
                if (captured is null || !captured.TryGetValue(pair.Key, out var read) || read != pair.Value)
                {
                    scratchSymbols.Add(pair.Key);
                }
            }

            foreach (var buffer in scratchSymbols)
            {
                known.Remove(buffer);
            }
        }

        /// <summary>The lambda is an argument of a call (through its delegate creation and conversions), not kept in a variable, field or event.</summary>
        private static bool IsHandedToCall(IFlowAnonymousFunctionOperation anonymous)
        {
            var current = anonymous.Parent;
            while (current is IDelegateCreationOperation or IConversionOperation)
            {
                current = current.Parent;
            }

            return current is IArgumentOperation { Parent: IInvocationOperation };
        }

        /// <summary>
        /// <c>Array.Clear(buffer)</c>, or <c>Array.Clear(buffer, 0, buffer.Length)</c>, of a read's buffer local: zeros again,
        /// as a new array is, so the next read into it fills a fresh buffer (fresh32 F1: a chat server clears its buffer after
        /// each message and cuts the text at the first NUL).
        /// </summary>
        private void Cleared(IInvocationOperation clear, ReadState state)
        {
            if (CatalogueIndex.Argument(clear, 0)?.WalkDownConversions() is not ILocalReferenceOperation { Local: var local } || !freshCandidates.Contains(local))
            {
                return;
            }

            if (clear.Arguments.Length == 1
                || (clear.Arguments.Length == 3 && CatalogueIndex.Argument(clear, 1) is { } index && Constant(index) == 0
                    && CatalogueIndex.Argument(clear, 2) is { } length && IsLengthOf(length, local)))
            {
                state.Fresh.Add(local);
            }
        }

        private static void KillBuffer(ISymbol variable, ReadState state)
        {
            state.RemoveFilled(variable);
            if (state.HasFreshFilled)
            {
                state.FreshFilled.Remove(variable);
            }
        }

        /// <summary>
        /// The variable a read's socket or stream comes from was assigned or closed: that read's 0 path got out (SOCK011), and
        /// a later read through the variable reads another connection, which says nothing of the count of a pending read of
        /// the one it held (SOCK010, <see cref="ReadState.IsDetached"/>).
        /// </summary>
        private void Replaced(ISymbol variable, ReadState state)
        {
            // SOCK010: a pending read of the connection this variable held: a later read through it is another connection.
            if (state.Pending.Count > 0)
            {
                foreach (var read in ReadsOf(readsOfConnection, variable))
                {
                    if (state.Pending.Contains(read))
                    {
                        state.Detach(read);
                    }
                }
            }

            if (state.Zero.Count == 0)
            {
                return;
            }

            scratch.Clear();
            foreach (var pair in state.Zero)
            {
                if (SymbolEqualityComparer.Default.Equals(ZeroSite(pair.Key).ReceiverRoot, variable))
                {
                    scratch.Add(pair.Key);
                }
            }

            foreach (var read in scratch)
            {
                Escape(read, state);
            }
        }
    }
}
