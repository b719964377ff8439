using System.Collections.Generic;
using System.Collections.Immutable;
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
        // ---- SOCK011: the value of a condition on a 0 path, and what stays the same from turn to turn ----

        private static SyntaxNode? InnermostLoop(ReadSite site, SyntaxNode syntax)
        {
            foreach (var loop in site.Loops)
            {
                if (loop.SyntaxTree == syntax.SyntaxTree && loop.Span.Contains(syntax.Span))
                {
                    return loop;
                }
            }

            return null;
        }

        /// <summary>
        /// True when the branch leaves <paramref name="loop"/>, false when it stays in it, null when unknown. A path that
        /// sets flags on its way (<c>reading = false;</c>, a local <c>bool</c> no lambda can see, set to a constant) is
        /// followed through the conditions that test those flags, so that a loop ended by a flag
        /// (<c>while (reading) { … if (text.EndsWith("\n")) reading = false; }</c>) is seen to be left.
        /// </summary>
        private bool? Leaves(ControlFlowBranch? branch, SyntaxNode loop)
        {
            if (branch is null)
            {
                return null;
            }

            if (branch.Semantics != ControlFlowBranchSemantics.Regular || branch.Destination is null)
            {
                return branch.Semantics is ControlFlowBranchSemantics.Return or ControlFlowBranchSemantics.Throw or ControlFlowBranchSemantics.Rethrow ? true : null;
            }

            var block = branch.Destination;
            Dictionary<ILocalSymbol, bool>? flags = null;
            for (var step = 0; step < 16; step++)
            {
                if (block.Kind == BasicBlockKind.Exit)
                {
                    return true;
                }

                if (block.Operations.Length > 0 && (!Inside(block.Operations[0].Syntax, loop) || !SetsFlags(block.Operations, ref flags)))
                {
                    // Work done on the way out (if (done) { Console.WriteLine(text); break; }) still leaves.
                    return !Inside(block.Operations[0].Syntax, loop) || StraightOut(block, loop);
                }

                // Here the block does nothing, or sets flags (and writes no other bool) inside the loop.
                if (block.ConditionalSuccessor is null && block.FallThroughSuccessor?.Semantics is ControlFlowBranchSemantics.Return or ControlFlowBranchSemantics.Throw)
                {
                    // return value; or throw e;: the block's branch value is what it returns or throws, no condition.
                    return true;
                }

                if (block.BranchValue is { } condition)
                {
                    if (block.ConditionalSuccessor is { } conditional && flags is not null && FlagValue(condition, flags) is bool value)
                    {
                        var next = value == (block.ConditionKind == ControlFlowConditionKind.WhenTrue) ? conditional : block.FallThroughSuccessor;
                        if (next is not { Semantics: ControlFlowBranchSemantics.Regular, Destination: { } target })
                        {
                            return null;
                        }

                        block = target;
                        continue;
                    }

                    return !Inside(block.Operations.Length > 0 ? block.Operations[0].Syntax : condition.Syntax, loop);
                }

                if (block.FallThroughSuccessor is not { Semantics: ControlFlowBranchSemantics.Regular, Destination: { } following } || block.ConditionalSuccessor is not null)
                {
                    return block.Operations.Length > 0 ? !Inside(block.Operations[0].Syntax, loop) : null;
                }

                block = following;
            }

            return null;
        }

        /// <summary>
        /// The block and those after it run straight on, with no condition, to the end of the body, a <c>return</c> or
        /// <c>throw</c>, or a block outside <paramref name="loop"/>: whatever they do, they leave it (or throw, which leaves too).
        /// </summary>
        private static bool StraightOut(BasicBlock block, SyntaxNode loop)
        {
            for (var step = 0; step < 8; step++)
            {
                if (block.ConditionalSuccessor is not null || block.BranchValue is not null && block.FallThroughSuccessor?.Semantics == ControlFlowBranchSemantics.Regular)
                {
                    return false;
                }

                switch (block.FallThroughSuccessor)
                {
                    case { Semantics: ControlFlowBranchSemantics.Return or ControlFlowBranchSemantics.Throw or ControlFlowBranchSemantics.Rethrow }:
                        return true;
                    case { Semantics: ControlFlowBranchSemantics.Regular, Destination: { } next }:
                        if (next.Kind == BasicBlockKind.Exit || next.Operations.Length > 0 && !Inside(next.Operations[0].Syntax, loop))
                        {
                            return true;
                        }

                        if (next.Operations.Length == 0 && next.BranchValue is { } condition && !Inside(condition.Syntax, loop))
                        {
                            return true;
                        }

                        block = next;
                        continue;
                    default:
                        return false;
                }
            }

            return false;
        }

        private static bool Inside(SyntaxNode syntax, SyntaxNode loop) => syntax.SyntaxTree == loop.SyntaxTree && loop.Span.Contains(syntax.Span);

        /// <summary>
        /// True when the path may be followed through these operations: they set a flag (see <see cref="Leaves"/>) to a
        /// constant, here or earlier on the path, and write no <c>bool</c> local otherwise. Other work (a call, a print)
        /// cannot change a flag: no other function sees it. The values set go into <paramref name="flags"/>.
        /// </summary>
        private bool SetsFlags(ImmutableArray<IOperation> operations, ref Dictionary<ILocalSymbol, bool>? flags)
        {
            foreach (var operation in operations)
            {
                var assignment = operation is IExpressionStatementOperation statement ? statement.Operation : operation;
                if (assignment is ISimpleAssignmentOperation { Target: ILocalReferenceOperation { Local: { Type.SpecialType: SpecialType.System_Boolean } local }, Value: { ConstantValue: { HasValue: true, Value: bool value } } }
                    && !body.Captured.Contains(local))
                {
                    (flags ??= new Dictionary<ILocalSymbol, bool>(SymbolComparer.Instance))[local] = value;
                    continue;
                }

                if (WritesBoolLocal(operation))
                {
                    return false;
                }
            }

            return flags is not null;
        }

        private static bool WritesBoolLocal(IOperation operation)
        {
            foreach (var descendant in operation.DescendantsAndSelf())
            {
                if (descendant is ILocalReferenceOperation { Local.Type.SpecialType: SpecialType.System_Boolean } local && ReadBody.IsWrite(local))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The value of a condition over flags set on the path (<c>reading</c>, <c>!done</c>), or null.</summary>
        private static bool? FlagValue(IOperation condition, Dictionary<ILocalSymbol, bool> flags)
        {
            switch (condition.WalkDownConversions())
            {
                case ILocalReferenceOperation local when flags.TryGetValue(local.Local, out var value):
                    return value;
                case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                    return FlagValue(not.Operand, flags) is bool operand ? !operand : null;
                default:
                    return null;
            }
        }

        /// <summary>
        /// True when <paramref name="operation"/> uses the read's end-of-stream value (the read itself, or a variable or
        /// capture of <see cref="ZeroFact.Zeros"/>: the 0, the empty text); also past a depth it does not look into.
        /// </summary>
        private static bool UsesEndValue(IOperation operation, ZeroFact fact, ReadSite site, int depth)
        {
            if (depth > 32)
            {
                return true;
            }

            switch (operation)
            {
                case ILocalReferenceOperation local:
                    return fact.Zeros.Contains(local.Local);
                case IFlowCaptureReferenceOperation capture:
                    return fact.Zeros.Contains(capture.Id);
                case IInvocationOperation call when call.Syntax == site.Invocation.Syntax:
                    return true;
            }

            foreach (var child in operation.ChildOperations)
            {
                if (UsesEndValue(child, fact, site, depth + 1))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// True when the condition runs only on some turns, decided by a count: inside an <c>if</c>, <c>?:</c> or
        /// <c>switch</c> section over a count, or right of a <c>&amp;&amp;</c>/<c>||</c> whose left side tests one. Such a
        /// condition may be met for the first time once reads return 0, and then nothing says which way it goes.
        /// </summary>
        private bool IsCountDependent(SyntaxNode condition, SyntaxNode loop)
        {
            if (countDependent.TryGetValue(condition, out var known))
            {
                return known;
            }

            var result = false;
            for (var node = condition; node is not null && node != loop && !result; node = node.Parent)
            {
                switch (node.Parent)
                {
                    case IfStatementSyntax ifStatement when node != ifStatement.Condition:
                        result = MentionsCount(ifStatement.Condition);
                        break;
                    case ElseClauseSyntax { Parent: IfStatementSyntax elseOf }:
                        result = MentionsCount(elseOf.Condition);
                        break;
                    case ConditionalExpressionSyntax conditional when node != conditional.Condition:
                        result = MentionsCount(conditional.Condition);
                        break;
                    case BinaryExpressionSyntax binary when node == binary.Right
                        && binary.Kind() is Microsoft.CodeAnalysis.CSharp.SyntaxKind.LogicalAndExpression or Microsoft.CodeAnalysis.CSharp.SyntaxKind.LogicalOrExpression:
                        result = MentionsCount(binary.Left);
                        break;
                    case SwitchSectionSyntax { Parent: SwitchStatementSyntax switchStatement }:
                        result = MentionsCount(switchStatement.Expression);
                        break;
                }
            }

            countDependent[condition] = result;
            return result;
        }

        private bool MentionsCount(SyntaxNode node)
        {
            foreach (var descendant in node.DescendantNodesAndSelf())
            {
                if (descendant is IdentifierNameSyntax name && body.CountNames.Contains(name.Identifier.ValueText))
                {
                    return true;
                }

                if (descendant is InvocationExpressionSyntax && body.SiteAt(descendant) is not null)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The truth of a condition on a path where the read returned 0; null when unknown.</summary>
        private bool? Truth(IOperation operation, ZeroFact fact, ReadSite site)
        {
            operation = operation.WalkDownConversions();
            if (operation.ConstantValue is { HasValue: true, Value: bool constant })
            {
                return constant;
            }

            switch (operation)
            {
                case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                    return !Truth(not.Operand, fact, site);
                case IBinaryOperation binary:
                    switch (binary.OperatorKind)
                    {
                        case BinaryOperatorKind.ConditionalAnd:
                        case BinaryOperatorKind.And when binary.Type?.SpecialType == SpecialType.System_Boolean:
                            {
                                var l = Truth(binary.LeftOperand, fact, site);
                                var r = Truth(binary.RightOperand, fact, site);
                                return l == false || r == false ? false : l == true && r == true ? true : null;
                            }

                        case BinaryOperatorKind.ConditionalOr:
                        case BinaryOperatorKind.Or when binary.Type?.SpecialType == SpecialType.System_Boolean:
                            {
                                var l = Truth(binary.LeftOperand, fact, site);
                                var r = Truth(binary.RightOperand, fact, site);
                                return l == true || r == true ? true : l == false && r == false ? false : null;
                            }

                        case BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals when NullComparisonOfReceiver(binary, site) is { } outcome:
                            return outcome;

                        default:
                            return IntValue(binary.LeftOperand, fact, site) is long a && IntValue(binary.RightOperand, fact, site) is long b
                                ? Compare(binary.OperatorKind, a, b)
                                : TextTruth(binary, fact, site);
                    }

                case IIsPatternOperation nullTest when NullTestOfReceiver(nullTest, site) is { } outcome:
                    return outcome;
                case IIsPatternOperation isPattern:
                    return IntValue(isPattern.Value, fact, site) is long v ? Match(isPattern.Pattern, v)
                        : site.IsLine && IsZero(isPattern.Value, fact, site) ? MatchNull(isPattern.Pattern)
                        : null;
                case IIsNullOperation isNull when site.IsLine && IsZero(isNull.Operand, fact, site):
                    // The test the graph makes for ?. and ?? on the null line.
                    return true;
                case IPropertyReferenceOperation property when symbols.Framework.IsCancellationRequested(property.Property) && !fact.Changed.Contains(CancelMayHappen):
                    // while (!token.IsCancellationRequested): the peer's close cancels no token, and nothing on this 0 path may
                    // have cancelled one (MayCancel); the loop goes on until somebody else does.
                    if (Reporting)
                    {
                        untilCancelled[site.Index] = true;
                    }

                    return false;
                case IPropertyReferenceOperation property when StaysTrueAfterPeerClose(property, fact):
                    // Connected reflects the last operation; a graceful close does not make it false.
                    return true;
                case IPropertyReferenceOperation property when inlined < MaxInlinedGetters && GetterOf(property) is { } getter:
                    // while (Connected), with bool Connected => _client.Connected && _server.Connected (fresh14 miss 2).
                    inlined++;
                    try
                    {
                        return Truth(getter, fact, site);
                    }
                    finally
                    {
                        inlined--;
                    }

                case IInvocationOperation { TargetMethod: { Name: "MoveNext", Parameters.Length: 0 }, Instance: IFlowCaptureReferenceOperation enumerator }
                    when EnumeratesNothing(enumerator, fact, site):
                    // foreach (var c in text.Split('\n', RemoveEmptyEntries)) over the empty text: the body never runs (fresh13 miss 4).
                    return false;
                case IPropertyReferenceOperation { Property.Name: "DataAvailable" } property when NothingWaitsAfterRead(property, fact, site):
                    // do { n = stream.Read(…); … } while (stream.DataAvailable): once the peer has closed, nothing waits.
                    return false;
                default:
                    return TextTruth(operation, fact, site);
            }
        }

        /// <summary>A test of text: of the empty text decoded from 0 bytes, or, for a line read, of the null line.</summary>
        private bool? TextTruth(IOperation operation, ZeroFact fact, ReadSite site)
            => site.IsLine ? NullLineTruth(operation, fact, site) : EmptyTextTruth(operation, fact, site);

        /// <summary>
        /// The truth of a test of the null line (a line read's end of stream), or null: <c>line == null</c>,
        /// <c>line != "quit"</c>, <c>string.IsNullOrEmpty(line)</c>, <c>string.Equals(line, "quit")</c>,
        /// <c>"quit".Equals(line)</c>. A test that calls a method of the line itself never gets here: it throws first
        /// (<see cref="DereferencesNullLine"/>).
        /// </summary>
        private bool? NullLineTruth(IOperation operation, ZeroFact fact, ReadSite site)
        {
            switch (operation)
            {
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } binary:
                    return EqualsNullLine(binary.LeftOperand, binary.RightOperand, fact, site) is bool equal
                        ? equal == (binary.OperatorKind == BinaryOperatorKind.Equals)
                        : null;
                case IInvocationOperation { TargetMethod: { ContainingType.SpecialType: SpecialType.System_String, IsStatic: true, Name: "IsNullOrEmpty" or "IsNullOrWhiteSpace" }, Arguments.Length: 1 } check
                    when IsZero(check.Arguments[0].Value, fact, site):
                    return true;
                case IInvocationOperation { TargetMethod: { ContainingType.SpecialType: SpecialType.System_String, IsStatic: true, Name: "Equals" }, Arguments.Length: 2 or 3 } equals:
                    return EqualsNullLine(equals.Arguments[0].Value, equals.Arguments[1].Value, fact, site);
                case IInvocationOperation { TargetMethod: { ContainingType.SpecialType: SpecialType.System_String, IsStatic: false, Name: "Equals" }, Instance: { } instance, Arguments.Length: 1 or 2 } equals
                    when TextConstant(instance) is not null && IsZero(equals.Arguments[0].Value, fact, site):
                    return false;
                default:
                    return null;
            }
        }

        /// <summary>Whether two strings are equal when one is the null line and the other a constant or the null line too; null when unknown.</summary>
        private bool? EqualsNullLine(IOperation left, IOperation right, ZeroFact fact, ReadSite site)
        {
            if (left.Type?.SpecialType is not (SpecialType.System_String or SpecialType.System_Object) || right.Type?.SpecialType is not (SpecialType.System_String or SpecialType.System_Object))
            {
                return null;
            }

            var leftNull = IsZero(left, fact, site);
            var rightNull = IsZero(right, fact, site);
            if (leftNull && rightNull)
            {
                return true;
            }

            var other = leftNull ? right : rightNull ? left : null;
            return other is not null && TextConstant(other) is not null ? false : null;
        }

        /// <summary>
        /// The text of a string constant, or of <c>string.Empty</c> (a static field, not a constant: <c>line != string.Empty</c>
        /// is the same test as <c>line != ""</c>, fresh13 miss 2), or of a local of the body given one of them and nothing else;
        /// null for anything else.
        /// </summary>
        private string? TextConstant(IOperation operation)
        {
            var value = operation.WalkDownConversions();
            if (value is ILocalReferenceOperation { Local: { Type.SpecialType: SpecialType.System_String } local } && body.SingleValue(local) is { } only)
            {
                // var eom = "<|EOM|>"; … response.IndexOf(eom): a local given one constant text and nothing else (fresh36 miss 1).
                value = only.WalkDownConversions();
            }

            return value.ConstantValue is { HasValue: true, Value: string text } ? text
                : value is IFieldReferenceOperation { Field: { Name: "Empty", IsStatic: true, ContainingType.SpecialType: SpecialType.System_String } } ? string.Empty
                : null;
        }

        /// <summary>Whether <paramref name="pattern"/> matches <c>null</c>: <c>null</c>, <c>var x</c> and <c>_</c> do; a constant string, a type, <c>{ }</c> do not.</summary>
        private static bool? MatchNull(IPatternOperation pattern)
        {
            switch (pattern)
            {
                case IConstantPatternOperation constant:
                    return constant.Value.WalkDownConversions().ConstantValue is { HasValue: true } value ? value.Value is null : null;
                case INegatedPatternOperation negated:
                    return !MatchNull(negated.Pattern);
                case IBinaryPatternOperation binary:
                    var l = MatchNull(binary.LeftPattern);
                    var r = MatchNull(binary.RightPattern);
                    return binary.OperatorKind == BinaryOperatorKind.Or
                        ? (l == true || r == true ? true : l == false && r == false ? false : null)
                        : (l == false || r == false ? false : l == true && r == true ? true : null);
                case IDeclarationPatternOperation declaration:
                    return declaration.MatchesNull;
                case IDiscardPatternOperation:
                    return true;
                case IRecursivePatternOperation:
                case ITypePatternOperation:
                    return false;
                default:
                    return null;
            }
        }

        /// <summary>
        /// <c>DataAvailable</c> or <c>Available</c> (the catalogue's <see cref="Model.ApiFacts.TellsAvailable"/>) of the read's
        /// own connection, tested after the read in the same turn: by a <c>do … while</c> whose body holds the read, or in the
        /// body of the read's loop after the read (<c>n = s.Receive(buf); … if (s.Available == 0) Broadcast(…);</c>, fresh39
        /// F3). On the 0 path the peer has closed, every byte it sent has been read, and nothing more can come, so it is false
        /// (0). A test before a read (<c>if (stream.DataAvailable) { n = stream.Read(…); }</c>, <c>while (client.Available &gt;
        /// 0) { … }</c>) keeps its own reading, the poll that never reads again (its own message).
        /// </summary>
        private bool NothingWaitsAfterRead(IPropertyReferenceOperation property, ZeroFact fact, ReadSite site)
        {
            if (site.IsLine || site.IsChar || symbols.Catalogue.Facts(property.Property) is not { TellsAvailable: true } || site.ConnectionRoot is null)
            {
                return false;
            }

            var condition = property.Syntax;
            var read = site.Invocation.Syntax;
            var doLoop = condition.FirstAncestorOrSelf<DoStatementSyntax>();
            var inDoCondition = doLoop is not null && doLoop.Condition.Span.Contains(condition.Span) && doLoop.Statement.Span.Contains(read.Span);
            if (!inDoCondition && !AfterReadInItsLoopBody(condition, read))
            {
                return false;
            }

            return SymbolEqualityComparer.Default.Equals(body.RootOfConnection(property.Instance, symbols), site.ConnectionRoot)
                && !MayBeReplaced(property.Instance, fact);
        }

        /// <summary>
        /// <paramref name="test"/> lies after <paramref name="read"/> in the body of the innermost loop around the read, in the
        /// same function: a test the turn reaches after the read, not a loop condition checked before the next one.
        /// </summary>
        private static bool AfterReadInItsLoopBody(SyntaxNode test, SyntaxNode read)
        {
            if (test.SpanStart < read.Span.End)
            {
                return false;
            }

            for (var node = read.Parent; node is not null; node = node.Parent)
            {
                if (node is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or BaseMethodDeclarationSyntax)
                {
                    return false;
                }

                StatementSyntax? loopBody = node switch
                {
                    WhileStatementSyntax loop => loop.Statement,
                    DoStatementSyntax loop => loop.Statement,
                    ForStatementSyntax loop => loop.Statement,
                    CommonForEachStatementSyntax loop => loop.Statement,
                    _ => null,
                };

                if (loopBody is not null)
                {
                    return loopBody.Span.Contains(read.Span) && loopBody.Span.Contains(test.Span) && SameFunction(test, read);
                }
            }

            return false;
        }

        private static bool SameFunction(SyntaxNode test, SyntaxNode read)
            => test.FirstAncestorOrSelf<SyntaxNode>(n => n is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or BaseMethodDeclarationSyntax or AccessorDeclarationSyntax)
                == read.FirstAncestorOrSelf<SyntaxNode>(n => n is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or BaseMethodDeclarationSyntax or AccessorDeclarationSyntax);

        /// <summary>
        /// A receiver over a field that a call of this project or a delegate on this 0 path may have replaced (only a
        /// readonly field of a class cannot be): it may be another socket or stream than the one the loop saw.
        /// </summary>
        private bool MayBeReplaced(IOperation? instance, ZeroFact fact)
            => ReadBody.ReceiverRoot(instance) is IFieldSymbol field && FieldKey(fact, field) is not IFieldSymbol && !ReadBody.IsFixedField(instance, symbols);

        private const int MaxInlinedGetters = 4;

        private int inlined;

        /// <summary>
        /// The expression a property of this class on <c>this</c> returns, when its getter is only that expression
        /// (<c>bool Connected => _client.Connected &amp;&amp; _server.Connected;</c>, <c>get =&gt; …</c>, <c>get { return …; }</c>),
        /// in the analysed file, and nothing can override it: a loop's condition through it is decided as if written inline.
        /// </summary>
        private IOperation? GetterOf(IPropertyReferenceOperation property)
        {
            if (property.Instance is not (null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }))
            {
                return null;
            }

            // Asked at every visit of a condition through the property: looked up once per property and body.
            getters ??= new Dictionary<IPropertySymbol, IOperation?>(SymbolEqualityComparer.Default);
            if (!getters.TryGetValue(property.Property, out var getter))
            {
                getter = FindGetter(property.Property);
                getters[property.Property] = getter;
            }

            return getter;
        }

        private Dictionary<IPropertySymbol, IOperation?>? getters;

        private IOperation? FindGetter(IPropertySymbol symbol)
        {
            if (symbol.IsVirtual || symbol.IsAbstract || symbol.IsOverride || symbol.IsExtern || symbol.Parameters.Length > 0
                || symbol.DeclaringSyntaxReferences.Length != 1 || body.Model is not { } model)
            {
                return null;
            }

            var declaration = symbol.DeclaringSyntaxReferences[0].GetSyntax(CancellationToken);
            if (declaration.SyntaxTree != model.SyntaxTree || declaration is not PropertyDeclarationSyntax declared)
            {
                return null;
            }

            ExpressionSyntax? returned = declared.ExpressionBody?.Expression;
            if (returned is null && declared.AccessorList is { } accessors)
            {
                foreach (var accessor in accessors.Accessors)
                {
                    if (accessor.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.GetAccessorDeclaration))
                    {
                        returned = accessor.ExpressionBody?.Expression
                            ?? (accessor.Body is { Statements.Count: 1 } block && block.Statements[0] is ReturnStatementSyntax { Expression: { } value } ? value : null);
                    }
                }
            }

            return returned is null ? null : model.GetOperation(returned, CancellationToken);
        }

        /// <summary>
        /// <c>field is null</c> (false) or <c>field is not null</c> (true) of the field the read reads through,
        /// when nothing sets it to null (<see cref="UnchangedFields.IsNeverNulled"/>): on a 0 turn the read went through it,
        /// so it held an object, and still does (<c>while (Connected &amp;&amp; _dataStream is not null)</c>, fresh46 M3).
        /// The same for a local holding a new object (<see cref="IsMadeObject"/>). Null for any other test, or a field that may
        /// become null.
        /// </summary>
        private bool? NullTestOfReceiver(IIsPatternOperation test, ReadSite site)
        {
            var (pattern, negated) = test.Pattern switch
            {
                IConstantPatternOperation constant => (constant, false),
                INegatedPatternOperation { Pattern: IConstantPatternOperation constant } => (constant, true),
                _ => ((IConstantPatternOperation?)null, false),
            };
            return pattern is not null && IsNullConstant(pattern.Value) && (IsNeverNulledReceiver(test.Value, site) || IsMadeObject(test.Value)) ? negated : null;
        }

        /// <summary><c>field == null</c> or <c>field != null</c> (either side) of the read's never-nulled field (<see cref="NullTestOfReceiver"/>), or of a local holding a new object (<see cref="IsMadeObject"/>).</summary>
        private bool? NullComparisonOfReceiver(IBinaryOperation comparison, ReadSite site)
        {
            var tested = IsNullConstant(comparison.RightOperand) ? comparison.LeftOperand : IsNullConstant(comparison.LeftOperand) ? comparison.RightOperand : null;
            return tested is not null && (IsNeverNulledReceiver(tested, site) || IsMadeObject(tested)) ? comparison.OperatorKind == BinaryOperatorKind.NotEquals : null;
        }

        /// <summary>
        /// A local whose one value is a new object (<c>Reply r = new Reply(buf, n);</c>, an anonymous object, a new array) and
        /// that no lambda writes: wherever it is read it holds that object, so a null test of it decides (audit86, a course's
        /// contacts client whose receive loop stopped only on a null reply).
        /// </summary>
        private bool IsMadeObject(IOperation tested)
            => tested.WalkDownConversions() is ILocalReferenceOperation { Local: var local }
                && !body.CapturedWritten.Contains(local)
                && body.SingleValue(local)?.WalkDownConversions() is IObjectCreationOperation { Type.IsReferenceType: true } or IAnonymousObjectCreationOperation or IArrayCreationOperation;

        private static bool IsNullConstant(IOperation value)
            => value.WalkDownConversions() is { ConstantValue: { HasValue: true, Value: null } } && value.Type is null or { IsReferenceType: true } or { TypeKind: TypeKind.Error };

        /// <summary>The field the read's receiver is (<c>_dataStream.Read(…)</c>), when nothing sets it to null.</summary>
        private bool IsNeverNulledReceiver(IOperation tested, ReadSite site)
            => tested.WalkDownConversions() is IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation, Field: var field }
                && site.Receiver?.WalkDownConversions() is IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } receiver
                && SymbolEqualityComparer.Default.Equals(receiver.Field, field)
                && body.Model is { } model
                && symbols.Reads.Unchanged.IsNeverNulled(field, model, GivesObject, CancellationToken);

        /// <summary>A call that gives an object, never null: a client's <c>GetStream()</c> or an <c>Accept…</c> (the catalogue's rows), through <c>ConfigureAwait</c>.</summary>
        private bool GivesObject(IOperation value)
        {
            if (value is IInvocationOperation { Instance: { } configured } configure && symbols.Framework.IsConfigureAwait(configure.TargetMethod))
            {
                value = configured.WalkDownConversions();
            }

            return value is IInvocationOperation call && symbols.Catalogue.Facts(call.TargetMethod) is { } facts
                && (facts.Lifecycle(Lifecycle.SocketModelType.TcpClient) is { Operation: Lifecycle.SocketOperation.MakeStream } || facts.Accept is { Result: not null });
        }

        /// <summary>
        /// A property that stays true after the peer closes (the catalogue's <see cref="Model.ApiRow.StaysTrueAfterClose"/>:
        /// <c>Connected</c> of a socket or client, <c>CanRead</c>/<c>CanWrite</c> of a <c>NetworkStream</c>), when it is still
        /// the one the loop tested before: not over a field that a call of this project or a delegate on this 0 path may
        /// have replaced (only a readonly field of a class cannot be).
        /// </summary>
        private bool StaysTrueAfterPeerClose(IPropertyReferenceOperation property, ZeroFact fact)
            => symbols.Catalogue.Facts(property.Property) is { StaysTrueAfterClose: true } && !MayBeReplaced(property.Instance, fact);

        /// <summary>The value of <c>a OP b</c> for a comparison operator; null for any other.</summary>
        internal static bool? Compare(BinaryOperatorKind kind, long a, long b) => kind switch
        {
            BinaryOperatorKind.Equals => a == b,
            BinaryOperatorKind.NotEquals => a != b,
            BinaryOperatorKind.LessThan => a < b,
            BinaryOperatorKind.LessThanOrEqual => a <= b,
            BinaryOperatorKind.GreaterThan => a > b,
            BinaryOperatorKind.GreaterThanOrEqual => a >= b,
            _ => null,
        };

        private static bool? Match(IPatternOperation pattern, long value)
        {
            switch (pattern)
            {
                case IConstantPatternOperation constant:
                    return Constant(constant.Value) is long c ? value == c : null;
                case IRelationalPatternOperation relational:
                    return Constant(relational.Value) is long r ? Compare(relational.OperatorKind, value, r) : null;
                case INegatedPatternOperation negated:
                    return !Match(negated.Pattern, value);
                case IBinaryPatternOperation binary:
                    var l = Match(binary.LeftPattern, value);
                    var rr = Match(binary.RightPattern, value);
                    return binary.OperatorKind == BinaryOperatorKind.Or
                        ? (l == true || rr == true ? true : l == false && rr == false ? false : null)
                        : (l == false || rr == false ? false : l == true && rr == true ? true : null);
                default:
                    return null;
            }
        }

        private static long? Constant(IOperation operation)
        {
            // The conversion's own value first: unchecked((char)-1) is U+FFFF, not the -1 under it.
            var value = operation.ConstantValue.HasValue ? operation.ConstantValue : operation.WalkDownConversions().ConstantValue;
            if (!value.HasValue)
            {
                return null;
            }

            return value.Value switch
            {
                int i => i,
                long l => l,
                short s => s,
                sbyte sb => sb,
                byte b => b,
                ushort us => us,
                uint ui => ui,
                char ch => ch,
                _ => null,
            };
        }

        /// <summary>The integer value of an operand on a path where the read returned 0, or null when unknown.</summary>
        private long? IntValue(IOperation operation, ZeroFact fact, ReadSite site)
        {
            if (Constant(operation) is long constant)
            {
                return constant;
            }

            if (!site.IsLine && IsZero(operation, fact, site))
            {
                return site.IsChar ? -1 : 0;
            }

            if (IsCharEnd(operation, fact, site))
            {
                return char.MaxValue;
            }

            switch (operation.WalkDownConversions())
            {
                case IPropertyReferenceOperation { Property.ContainingType.SpecialType: SpecialType.System_String, Property.Name: "Length", Instance: { } text } when IsEmptyText(text, fact, site):
                    return 0;
                case IPropertyReferenceOperation { Property.Name: "Length" or "LongLength", Instance: { Type: IArrayTypeSymbol } array } when IsEmptyBytes(array, fact, site):
                    return 0;
                case IPropertyReferenceOperation { Property.Name: "Available" } available when NothingWaitsAfterRead(available, fact, site):
                    // do { … } while (socket.Available > 0): 0 once the peer has closed.
                    return 0;
                case IInvocationOperation { TargetMethod.ContainingType.SpecialType: SpecialType.System_String, TargetMethod.Name: "IndexOf", Instance: { } text } call
                    when IsEmptyText(text, fact, site) && FirstIsNonEmptyText(call):
                    return -1;
                case IBinaryOperation { OperatorMethod: null, Type.SpecialType: SpecialType.System_Int32 or SpecialType.System_Int64 } arithmetic when foldDepth < 16:
                    // (b & 0x80) == 0x80 at the -1 of a byte read is true: -1 has every bit set.
                    foldDepth++;
                    try
                    {
                        return IntValue(arithmetic.LeftOperand, fact, site) is long left && IntValue(arithmetic.RightOperand, fact, site) is long right
                            ? Fold(arithmetic.OperatorKind, left, right, arithmetic.Type?.SpecialType == SpecialType.System_Int32)
                            : null;
                    }
                    finally
                    {
                        foldDepth--;
                    }

                default:
                    return null;
            }
        }

        private int foldDepth;

        /// <summary>The value of an integer operation on two known values, as C# computes it unchecked (in 32 bits for an <c>int</c>); null for others.</summary>
        private static long? Fold(BinaryOperatorKind kind, long left, long right, bool int32)
        {
            long? value = kind switch
            {
                BinaryOperatorKind.And => left & right,
                BinaryOperatorKind.Or => left | right,
                BinaryOperatorKind.ExclusiveOr => left ^ right,
                BinaryOperatorKind.Add => unchecked(left + right),
                BinaryOperatorKind.Subtract => unchecked(left - right),
                BinaryOperatorKind.Multiply => unchecked(left * right),
                BinaryOperatorKind.LeftShift => int32 ? (int)left << (int)(right & 31) : left << (int)(right & 63),
                BinaryOperatorKind.RightShift => int32 ? (int)left >> (int)(right & 31) : left >> (int)(right & 63),
                _ => null,
            };
            return value is long v && int32 ? unchecked((int)v) : value;
        }

        /// <summary>The first argument is a non-empty string constant (<c>"&lt;EOF&gt;"</c>, <see cref="TextConstant"/>): an empty text does not contain it.</summary>
        private bool FirstIsNonEmptyText(IInvocationOperation call)
            => call.Arguments.Length > 0 && TextConstant(call.Arguments[0].Value) is { Length: > 0 };

        /// <summary>The truth of a string test on a text that is empty on this path (decoded from 0 bytes), or null.</summary>
        private bool? EmptyTextTruth(IOperation operation, ZeroFact fact, ReadSite site)
        {
            switch (operation)
            {
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } binary
                    when binary.LeftOperand.Type?.SpecialType == SpecialType.System_String && binary.RightOperand.Type?.SpecialType == SpecialType.System_String:
                    string? other = null;
                    if (IsEmptyText(binary.LeftOperand, fact, site))
                    {
                        other = TextConstant(binary.RightOperand);
                    }
                    else if (IsEmptyText(binary.RightOperand, fact, site))
                    {
                        other = TextConstant(binary.LeftOperand);
                    }

                    return other is null ? null : (other.Length == 0) == (binary.OperatorKind == BinaryOperatorKind.Equals);
                case IInvocationOperation { TargetMethod.ContainingType.SpecialType: SpecialType.System_String, TargetMethod.Name: "IsNullOrEmpty" or "IsNullOrWhiteSpace", TargetMethod.IsStatic: true, Arguments.Length: 1 } check
                    when IsEmptyText(check.Arguments[0].Value, fact, site):
                    return true;
                case IInvocationOperation { TargetMethod.ContainingType.SpecialType: SpecialType.System_String, TargetMethod.Name: "Contains" or "StartsWith" or "EndsWith", Instance: { } text } call
                    when IsEmptyText(text, fact, site) && FirstIsNonEmptyText(call):
                    return false;
                case IInvocationOperation { TargetMethod: { ContainingType.SpecialType: SpecialType.System_String, Name: "Equals" } method } equals
                    when (method.IsStatic ? equals.Arguments.Length is 2 or 3 : equals.Instance is not null && equals.Arguments.Length is 1 or 2)
                        && (method.IsStatic ? CatalogueIndex.Argument(equals, 0) : equals.Instance) is { } first
                        && CatalogueIndex.Argument(equals, method.IsStatic ? 1 : 0) is { } second:
                    // text.Equals("exit"), "exit".Equals(text), string.Equals(text, "exit"), with or without a comparison (M2 of
                    // fresh92); the texts by parameter, whatever order named arguments give them in.
                    return EqualsEmptyText(first, second, compared: equals.Arguments.Length == (method.IsStatic ? 3 : 2), fact, site);
                default:
                    return null;
            }
        }

        /// <summary>
        /// Whether two texts are equal when one is empty on this path and the other a constant; null when unknown.
        /// <paramref name="compared"/>: under a <see cref="StringComparison"/>, which may be a culture's, where characters a
        /// culture ignores (a soft hyphen) make a non-empty text equal to the empty one: only a constant with a letter or a
        /// digit is then known to differ.
        /// </summary>
        private bool? EqualsEmptyText(IOperation left, IOperation right, bool compared, ZeroFact fact, ReadSite site)
        {
            left = left.WalkDownConversions();
            right = right.WalkDownConversions();
            if (left.Type?.SpecialType != SpecialType.System_String || right.Type?.SpecialType != SpecialType.System_String)
            {
                return null;
            }

            var other = IsEmptyText(left, fact, site) ? TextConstant(right) : IsEmptyText(right, fact, site) ? TextConstant(left) : null;
            if (other is null)
            {
                return null;
            }

            if (other.Length == 0)
            {
                return true;
            }

            return compared && !HasLetterOrDigit(other) ? null : false;
        }

        private static bool HasLetterOrDigit(string text)
        {
            foreach (var c in text)
            {
                if (char.IsLetterOrDigit(c))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// True when the value is the 0 the read returned (the read itself, or a variable or capture holding it); for a line
        /// read, the <c>null</c> line it returned (or any <c>null</c>: they are all the same value).
        /// </summary>
        private bool IsZero(IOperation operation, ZeroFact fact, ReadSite site)
        {
            if (site.IsChar && operation.Type?.SpecialType is not (SpecialType.System_Int32 or SpecialType.System_Int64))
            {
                // (char)reader.Read() is U+FFFF at end of stream, not -1: not followed.
                return false;
            }

            if (site.IsChar && PassesThroughChar(operation))
            {
                // A char that holds the read's end (c = (char)reader.Read()) holds U+FFFF, not -1 (IsCharEnd).
                return false;
            }

            var value = ReadBody.UnwrapAwait(operation, symbols.Framework);
            switch (value)
            {
                case ILocalReferenceOperation local:
                    return fact.Zeros.Contains(local.Local);
                case IFlowCaptureReferenceOperation capture:
                    return fact.Zeros.Contains(capture.Id);
                case IFieldReferenceOperation field:
                    return fieldZeros && fact.Zeros.Contains(field.Field) && IsOwnField(field);
                case ISimpleAssignmentOperation assignment:
                    return IsZero(assignment.Value, fact, site);
                case IInvocationOperation call:
                    // A line read's task (ReadLineAsync() not awaited, or its ConfigureAwait's receiver) is no line.
                    // A helper that returns the text of its read gives "" there, not the 0 (IsEmptyDecode).
                    // A helper whose result says nothing of the 0 (HelperResult.Other) gives no 0 either.
                    // The last turn that read data of a poll read bytes (ZeroFact.Poll).
                    return call.Syntax == site.Invocation.Syntax && fact.Poll != PollTurn.LastData && !site.ReturnsEmptyText && !site.ReturnsEmptyBytes && !site.ReturnsOther
                        && !(site.IsLine && site.Read.Api.IsAsync && operation.WalkDownConversions() is not IAwaitOperation);
                case IDefaultValueOperation { Type.IsReferenceType: true } when site.IsLine:
                    return true;
                default:
                    return site.IsLine
                        ? value.ConstantValue is { HasValue: true, Value: null } && value.Type is not { IsValueType: true }
                        : site.IsChar ? Constant(value) == -1 : value.ConstantValue is { HasValue: true, Value: 0 };
            }
        }

        /// <summary>A <c>char</c> value, or one widened from a <c>char</c> (<c>(int)c</c>, <c>(int)(char)reader.Read()</c>).</summary>
        private static bool PassesThroughChar(IOperation operation)
        {
            for (var value = operation; ; value = value is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)value).Operand)
            {
                if (value.Type?.SpecialType == SpecialType.System_Char)
                {
                    return true;
                }

                if (value is not (IConversionOperation or IParenthesizedOperation))
                {
                    return false;
                }
            }
        }

        /// <summary>
        /// True when <paramref name="operation"/> is U+FFFF on this path: the -1 of a character or byte read cast to
        /// <c>char</c> (<c>(char)reader.Read()</c>, <c>(char)stream.ReadByte()</c>, unchecked), or a <c>char</c> variable or
        /// capture given it (a <c>char</c> key of <see cref="ZeroFact.Zeros"/>), looked at through the widening to
        /// <c>int</c> a comparison makes of it. A checked cast throws there instead, and is not followed.
        /// </summary>
        private bool IsCharEnd(IOperation operation, ZeroFact fact, ReadSite site)
        {
            if (!site.IsChar)
            {
                return false;
            }

            var value = operation;
            while (true)
            {
                switch (value)
                {
                    case IParenthesizedOperation parenthesized:
                        value = parenthesized.Operand;
                        continue;
                    case IConversionOperation { OperatorMethod: null } cast when cast.Type?.SpecialType == SpecialType.System_Char:
                        return !cast.IsChecked && cast.Operand.Type?.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64
                            && IsZero(cast.Operand, fact, site);
                    case IConversionOperation { OperatorMethod: null } widening when widening.Operand.Type?.SpecialType == SpecialType.System_Char:
                        value = widening.Operand;
                        continue;
                }

                break;
            }

            if (value.Type?.SpecialType != SpecialType.System_Char)
            {
                return false;
            }

            return value switch
            {
                ILocalReferenceOperation local => fact.Zeros.Contains(local.Local),
                IFlowCaptureReferenceOperation capture => fact.Zeros.Contains(capture.Id),
                ISimpleAssignmentOperation assignment => IsCharEnd(assignment.Value, fact, site),
                _ => false,
            };
        }

        /// <summary>
        /// True when the value is the same on every turn once reads return 0: constants, the 0 itself, variables nothing
        /// changes (<see cref="ZeroFact.Changed"/>), lengths of arrays and strings, <c>Connected</c>, string functions of
        /// such values, and the text decoded from 0 bytes. Fields, other properties and calls may change at any time.
        /// </summary>
        private bool IsStable(IOperation operation, ZeroFact fact, ReadSite site, object? exclude)
        {
            if (stableDepth > MaxStableDepth)
            {
                return false;
            }

            stableDepth++;
            try
            {
                return IsStableCore(operation, fact, site, exclude);
            }
            finally
            {
                stableDepth--;
            }
        }

        private bool IsStableCore(IOperation operation, ZeroFact fact, ReadSite site, object? exclude)
        {
            if (operation.Type is { TypeKind: TypeKind.Dynamic })
            {
                // Bound at run time (a count kept in a dynamic local, a dynamic comparison): what it does with the 0 is
                // not known here, so nothing says it had the value of the turn before.
                return false;
            }

            // The 0 is what the count is on every turn once reads return 0. A line read's null is not taken as stable:
            // the line held text on the turn before, so a test of it may decide differently now (Truth knows its tests).
            if (operation.ConstantValue.HasValue || TextConstant(operation) is not null || !site.IsLine && IsZero(operation, fact, site) || IsCharEnd(operation, fact, site))
            {
                return true;
            }

            switch (operation)
            {
                case IConversionOperation conversion:
                    return IsStable(conversion.Operand, fact, site, exclude);
                case IParenthesizedOperation parenthesized:
                    return IsStable(parenthesized.Operand, fact, site, exclude);
                case ILocalReferenceOperation local:
                    return IsUnchanged(local.Local, fact, exclude) && !body.Captured.Contains(local.Local);
                case IParameterReferenceOperation parameter:
                    return IsUnchanged(parameter.Parameter, fact, exclude) && !body.Captured.Contains(parameter.Parameter);
                case IFlowCaptureReferenceOperation capture:
                    return !fact.Changed.Contains(capture.Id);
                case IBinaryOperation binary:
                    return IsStable(binary.LeftOperand, fact, site, exclude) && IsStable(binary.RightOperand, fact, site, exclude);
                case IUnaryOperation unary:
                    return IsStable(unary.Operand, fact, site, exclude);
                case IIsPatternOperation isPattern:
                    return isPattern.Pattern is IConstantPatternOperation or IRelationalPatternOperation && IsStable(isPattern.Value, fact, site, exclude);
                case IPropertyReferenceOperation { Instance: { } instance } length when symbols.Framework.IsLength(length.Property):
                    return IsStable(instance, fact, site, exclude) || instance.Type is IArrayTypeSymbol && IsStableArray(instance, fact, exclude);
                case IPropertyReferenceOperation property when StaysTrueAfterPeerClose(property, fact):
                    return true;
                case IPropertyReferenceOperation property when GetterOf(property) is { } getter:
                    return IsStable(getter, fact, site, exclude);
                case IPropertyReferenceOperation { Instance: ILocalReferenceOperation builder, Property.Name: "Length" } builderLength when symbols.Framework.IsStringBuilder(builderLength.Property.ContainingType):
                    // A builder's text is what it was on the turn before while the 0 path leaves the builder as it was (BuilderUse).
                    return IsUnchanged(builder.Local, fact, exclude) && !body.Captured.Contains(builder.Local);
                case IInvocationOperation { Instance: ILocalReferenceOperation builder, TargetMethod: { Name: "ToString", Parameters.Length: 0 } } builderText
                    when symbols.Framework.IsStringBuilder(builderText.TargetMethod.ContainingType):
                    return IsUnchanged(builder.Local, fact, exclude) && !body.Captured.Contains(builder.Local);
                case IArrayElementReferenceOperation { Indices.Length: 1, ArrayReference: ILocalReferenceOperation { Local: var array } } element:
                    // digit = next[0] after socket.Receive(next) returned 0 (fresh75 miss 1b, an MQTT remaining-length loop):
                    // the read left the bytes as they were, so the element holds what it held on the turn before.
                    return IsStable(element.Indices[0], fact, site, exclude) && IsUnchanged(array, fact, exclude)
                        && !body.Captured.Contains(array) && OnlyFilledBy(array, site);
                case IObjectCreationOperation creation:
                    return IsEmptyString(creation, fact, site);
                case IInvocationOperation call when call.TargetMethod.ContainingType?.SpecialType == SpecialType.System_String:
                    if (call.Instance is not null && !IsStable(call.Instance, fact, site, exclude))
                    {
                        return false;
                    }

                    foreach (var argument in call.Arguments)
                    {
                        if (!IsStable(argument.Value, fact, site, exclude))
                        {
                            return false;
                        }
                    }

                    return true;
                case IInvocationOperation call:
                    return IsEmptyDecode(call, fact, site);
                default:
                    return false;
            }
        }

        // Per array local: its one use that neither reads an element nor its Length, or null when it has several (OnlyFilledBy).
        private Dictionary<ILocalSymbol, SyntaxNode?>? soleFillers;

        /// <summary>
        /// Nothing in the function may write the elements of <paramref name="array"/> but <paramref name="site"/>'s read,
        /// which writes none when it returns 0: every other use of the local reads an element (<c>next[0]</c>, not assigned,
        /// incremented or passed by <c>ref</c>), its <c>Length</c>, or is its declaration. Handed to anything else (another
        /// read, <c>Array.Clear</c>, a method of the project), assigned an element, or a byte array the read does not fill,
        /// and it may hold other bytes on the next turn: false. By syntax over the function, then bound, once per array.
        /// </summary>
        private bool OnlyFilledBy(ILocalSymbol array, ReadSite site)
        {
            if (site.Helper is not null || site.Read.Buffer?.WalkDownConversions() is not ILocalReferenceOperation filled
                || !SymbolEqualityComparer.Default.Equals(filled.Local, array) || body.Model is not { } model)
            {
                return false;
            }

            soleFillers ??= new Dictionary<ILocalSymbol, SyntaxNode?>(SymbolEqualityComparer.Default);
            if (!soleFillers.TryGetValue(array, out var sole))
            {
                var others = 0;
                foreach (var identifier in ReadBody.ReferencesTo(Graph.OriginalOperation.Syntax, array, model, CancellationToken))
                {
                    var reference = model.GetOperation(identifier, CancellationToken);
                    var use = reference?.Parent;
                    var readsElement = use is IArrayElementReferenceOperation element && element.ArrayReference == reference
                        && !ReadBody.IsWrite(element) && element.Syntax.Parent is not Microsoft.CodeAnalysis.CSharp.Syntax.RefExpressionSyntax;
                    if (!readsElement && !(use is IPropertyReferenceOperation length && symbols.Framework.IsLength(length.Property)) && others++ == 0)
                    {
                        sole = identifier;
                    }
                }

                if (others != 1)
                {
                    sole = null;
                }

                soleFillers[array] = sole;
            }

            return sole is not null && sole == filled.Syntax;
        }

        /// <summary>An array variable's length does not change while the variable does not.</summary>
        private static bool IsStableArray(IOperation instance, ZeroFact fact, object? exclude) => instance.WalkDownConversions() switch
        {
            ILocalReferenceOperation local => IsUnchanged(local.Local, fact, exclude),
            IParameterReferenceOperation parameter => IsUnchanged(parameter.Parameter, fact, exclude),
            IFieldReferenceOperation { Field.IsReadOnly: true } => true,
            _ => false,
        };

        private static bool IsUnchanged(object variable, ZeroFact fact, object? exclude)
            => !fact.Changed.Contains(variable) && (exclude is null || !KeyComparer.Instance.Equals(variable, exclude));

        /// <summary><c>Encoding.X.GetString(buf, i, n)</c> / <c>GetChars</c> with a count that is the 0: the empty text.</summary>
        private bool IsEmptyDecode(IInvocationOperation call, ZeroFact fact, ReadSite site)
        {
            if (site.ReturnsEmptyText && call.Syntax == site.Invocation.Syntax && fact.Poll != PollTurn.LastData)
            {
                // The call of a helper that returns the text its read decoded: "" on the 0 path.
                return true;
            }

            var method = call.TargetMethod;
            if (site.IsLine || site.IsChar || method.Name is not ("GetString" or "GetChars") || method.Parameters.Length is not (1 or 3) || !KnownSymbols.IsOrDerivesFrom(method.ContainingType, symbols.Framework.Encoding))
            {
                return false;
            }

            if (method.Parameters.Length == 1)
            {
                // GetString(data) of an array the 0 sized (byte[] data = new byte[received]; fresh13 miss 4).
                return method.Parameters[0].Type is IArrayTypeSymbol && call.Arguments.Length == 1 && IsEmptyArray(call.Arguments[0].Value, fact, site);
            }

            foreach (var argument in call.Arguments)
            {
                if (argument.Parameter?.Ordinal == 2)
                {
                    return IsZero(argument.Value, fact, site);
                }
            }

            return false;
        }

        /// <summary>
        /// The empty text on this path: <c>""</c>, the text decoded from 0 bytes, a string variable or capture holding it, or
        /// the text of a <c>StringBuilder</c> local that holds nothing (<see cref="IsEmptyBuilder"/>, kept in <see cref="ZeroFact.Zeros"/>).
        /// </summary>
        private bool IsEmptyText(IOperation operation, ZeroFact fact, ReadSite site)
        {
            if (site.IsLine || site.IsChar)
            {
                // A line read's Zeros hold the null line, a character read's the -1, not the empty text.
                return false;
            }

            // An async helper's text comes from its await (await ReceiveAsync()); its task is no text.
            var value = ReadBody.UnwrapAwait(operation, symbols.Framework);
            return value switch
            {
                ILocalReferenceOperation { Type.SpecialType: SpecialType.System_String } local => fact.Zeros.Contains(local.Local),
                IFlowCaptureReferenceOperation { Type.SpecialType: SpecialType.System_String } capture => fact.Zeros.Contains(capture.Id),
                IInvocationOperation { Instance: ILocalReferenceOperation builder, TargetMethod: { Name: "ToString", Parameters.Length: 0 } } text
                    when symbols.Framework.IsStringBuilder(text.TargetMethod.ContainingType) => fact.Zeros.Contains(builder.Local),
                // "".Trim(), "".Substring(i) (or an exception), "".ToUpper(): the empty text still.
                IInvocationOperation { Instance: { } text, TargetMethod: { ContainingType.SpecialType: SpecialType.System_String } method } when KeepsEmptyText(method)
                    => IsEmptyText(text, fact, site),
                IInvocationOperation call when !(site.Read.Api.IsAsync && call.Syntax == site.Invocation.Syntax && operation.WalkDownConversions() is not IAwaitOperation) => IsEmptyDecode(call, fact, site),
                IObjectCreationOperation creation => IsEmptyString(creation, fact, site),
                IArrayElementReferenceOperation { ArrayReference: ILocalReferenceOperation parts, Indices.Length: 1 } first
                    when first.Indices[0].ConstantValue is { HasValue: true, Value: 0 } => IsSplitOfEmptyText(parts.Local, fact, site),
                _ => TextConstant(value) is { Length: 0 },
            };
        }

        /// <summary>
        /// A local the body assigns once to a split of text that is empty on this path: <c>Regex.Split(text, pattern)</c>,
        /// <c>regex.Split(text)</c>, or <c>text.Split(…)</c> without <c>RemoveEmptyEntries</c>. Splitting the empty text gives
        /// one empty part, so its <c>[0]</c> is the empty text (fresh14 FALSE 2: <c>int.Parse(items[0])</c> of a calculator
        /// server then throws on the 0 path).
        /// </summary>
        private bool IsSplitOfEmptyText(ILocalSymbol parts, ZeroFact fact, ReadSite site)
        {
            // Declared after the read in its file (a new split of this turn's text), assigned nowhere else.
            return IsSplitLocal(parts, site) && body.SingleValue(parts)?.WalkDownConversions() is IInvocationOperation { TargetMethod.Name: "Split" } split
                && IsSplitOfEmptyTextCall(split, fact, site);
        }

        /// <summary>
        /// <paramref name="split"/> splits text that is empty on this path into one empty part: <c>Regex.Split(text, pattern)</c>,
        /// <c>regex.Split(text)</c>, or <c>text.Split(…)</c> without <c>RemoveEmptyEntries</c>.
        /// </summary>
        private bool IsSplitOfEmptyTextCall(IInvocationOperation split, ZeroFact fact, ReadSite site)
        {
            if (split.TargetMethod.Name != "Split")
            {
                return false;
            }

            var method = split.TargetMethod;
            if (method.ContainingType.SpecialType == SpecialType.System_String && split.Instance is { } text)
            {
                return SplitOptions(split) == 0 && IsEmptyText(text, fact, site);
            }

            if (method.ContainingType is { Name: "Regex", ContainingNamespace: { Name: "RegularExpressions", ContainingNamespace: { Name: "Text", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } } })
            {
                var input = method.IsStatic ? CatalogueIndex.Argument(split, 0) : split.Arguments.Length > 0 ? CatalogueIndex.Argument(split, 0) : null;
                return input is not null && input.Type?.SpecialType == SpecialType.System_String && IsEmptyText(input, fact, site);
            }

            return false;
        }

        /// <summary>
        /// The enumerator a <c>foreach</c> took (the graph's capture of <c>GetEnumerator()</c>) goes over no element on this
        /// path: a split of the empty text that drops empty parts (<see cref="IsEmptySplit"/>), directly or through a local
        /// the body assigns once after the read.
        /// </summary>
        private bool EnumeratesNothing(IFlowCaptureReferenceOperation enumerator, ZeroFact fact, ReadSite site)
        {
            if (CapturedValue(enumerator.Id) is not IInvocationOperation { TargetMethod: { Name: "GetEnumerator", Parameters.Length: 0 }, Instance: { } source })
            {
                return false;
            }

            var value = source.WalkDownConversions();
            if (value is ILocalReferenceOperation local)
            {
                if (!IsSplitLocal(local.Local, site) || body.SingleValue(local.Local)?.WalkDownConversions() is not { } assigned)
                {
                    return false;
                }

                value = assigned;
            }

            return value is IInvocationOperation split && IsEmptySplit(split, fact, site);
        }

        /// <summary>
        /// <c>text.Split(…, StringSplitOptions.RemoveEmptyEntries)</c> (the option a constant) of the empty text on this path:
        /// no part at all.
        /// </summary>
        private bool IsEmptySplit(IInvocationOperation split, ZeroFact fact, ReadSite site)
        {
            if (split.TargetMethod is not { Name: "Split", IsStatic: false, ContainingType.SpecialType: SpecialType.System_String } || split.Instance is not { } text)
            {
                return false;
            }

            // RemoveEmptyEntries is 1; TrimEntries (2) alone keeps the one empty part.
            return SplitOptions(split) is int options && (options & 1) != 0 && IsEmptyText(text, fact, site);
        }

        /// <summary>The <c>StringSplitOptions</c> a <c>Split</c> call gives: 0 when it gives none, null when they are not a constant.</summary>
        private static int? SplitOptions(IInvocationOperation split)
        {
            foreach (var argument in split.Arguments)
            {
                if (argument.Value.Type?.Name == "StringSplitOptions")
                {
                    return argument.Value.ConstantValue is { HasValue: true, Value: int options } ? options : null;
                }
            }

            return 0;
        }

        /// <summary>A local of strings declared after the read in its file (a new split of this turn's text), assigned nowhere else.</summary>
        private bool IsSplitLocal(ILocalSymbol parts, ReadSite site)
            => parts.Type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_String } && IsTurnLocal(parts, site);

        /// <summary>A local declared after the read in its file: made anew on each turn that read.</summary>
        private static bool IsTurnLocal(ILocalSymbol local, ReadSite site)
            => local.DeclaringSyntaxReferences.Length == 1 && local.DeclaringSyntaxReferences[0].SyntaxTree == site.Invocation.Syntax.SyntaxTree
                && local.DeclaringSyntaxReferences[0].Span.Start >= site.Invocation.Syntax.Span.End;

        /// <summary>
        /// An array of no element on this path: a local declared after the read and assigned once, to <c>new T[n]</c> with
        /// <c>n</c> the 0 (<c>byte[] data = new byte[received];</c>); whatever is copied into it, it stays empty.
        /// </summary>
        private bool IsEmptyArray(IOperation operation, ZeroFact fact, ReadSite site)
            => IsEmptyBytes(operation, fact, site)
                || operation.WalkDownConversions() is ILocalReferenceOperation { Local: { Type: IArrayTypeSymbol { Rank: 1 } } local } && IsZeroSizedLocal(local, fact, site);

        /// <summary>The local of <see cref="IsEmptyArray"/>: declared after the read, assigned once, to <c>new T[n]</c> with <c>n</c> the 0.</summary>
        private bool IsZeroSizedLocal(ILocalSymbol local, ZeroFact fact, ReadSite site)
            => IsTurnLocal(local, site)
                && body.SingleValue(local)?.WalkDownConversions() is IArrayCreationOperation { DimensionSizes.Length: 1, Initializer: null } creation
                && IsZero(creation.DimensionSizes[0], fact, site);

        /// <summary>
        /// The empty array a helper returns at end of stream (<see cref="HelperResult.EmptyBytes"/>): the call itself, or a
        /// <c>byte[]</c> local assigned it once (kept in <see cref="ZeroFact.Zeros"/>, <see cref="HoldsHelperBytes"/>).
        /// </summary>
        private bool IsEmptyBytes(IOperation operation, ZeroFact fact, ReadSite site)
        {
            if (!site.ReturnsEmptyBytes)
            {
                return false;
            }

            return ReadBody.UnwrapAwait(operation, symbols.Framework) switch
            {
                IInvocationOperation call => call.Syntax == site.Invocation.Syntax && fact.Poll != PollTurn.LastData && !(site.Read.Api.IsAsync && operation.WalkDownConversions() is not IAwaitOperation),
                ILocalReferenceOperation local => fact.Zeros.Contains(local.Local) && HoldsHelperBytes(local.Local, site),
                _ => false,
            };
        }

        /// <summary>
        /// A <c>byte[]</c> local whose one value is the call of a helper that returns the empty array at end of stream
        /// (<c>var message = GetMessage();</c>): in <see cref="ZeroFact.Zeros"/> it is that empty array, not the <c>null</c> a
        /// deserializer makes of the empty text (<see cref="DereferencesNullObject"/>).
        /// </summary>
        private bool HoldsHelperBytes(ILocalSymbol local, ReadSite site)
            => site.ReturnsEmptyBytes && HelperReads.IsByteArray(local.Type)
                && body.SingleValue(local) is { } value && ReadBody.UnwrapAwait(value, symbols.Framework).Syntax == site.Invocation.Syntax;

        /// <summary>
        /// <c>new StringBuilder()</c> or <c>new StringBuilder(capacity)</c>: a builder that holds nothing. Assigned on a 0 path
        /// (the top of the next turn: <c>var sb = new StringBuilder(); do { n = s.Receive(buf); sb.Append(Encoding.UTF8.GetString(buf,
        /// 0, n)); } while (s.Available &gt; 0);</c>), it stays empty through appends of nothing (<see cref="BuilderUse"/>), so its
        /// <c>ToString()</c> is the empty text.
        /// </summary>
        private bool IsEmptyBuilder(IOperation value, ReadSite site)
            => !site.IsLine && !site.IsChar && symbols.Framework.IsEmptyBuilderCreation(value);

        /// <summary><c>new string(chars, i, n)</c> with a count that is the 0: the empty text (a char buffer's <c>Encoding.GetString(buf, i, 0)</c>).</summary>
        private bool IsEmptyString(IObjectCreationOperation creation, ZeroFact fact, ReadSite site)
            => !site.IsLine && !site.IsChar
                && creation.Type?.SpecialType == SpecialType.System_String
                && creation.Constructor is { Parameters: { Length: 3 } parameters }
                && parameters[0].Type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Char }
                && parameters[2].Type.SpecialType == SpecialType.System_Int32
                && CatalogueIndex.Argument(creation.Arguments, 2) is { } count
                && IsZero(count, fact, site);
    }
}
