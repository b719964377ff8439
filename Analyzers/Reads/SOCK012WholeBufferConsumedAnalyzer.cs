using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Common;

namespace SocketAnalyzers.Reads
{
    /// <summary>
    /// SOCK012: after a network read into a buffer, the same buffer is consumed whole (decoded, sent, copied,
    /// deserialized) instead of the bytes received.
    /// <para>
    /// Precision: the read must offer the buffer from its start (no offset, or offset 0) and run whenever the consumer
    /// runs (the consumer follows it in the same statement list, not across a branch or a lambda); nothing may touch the
    /// buffer in between except reading its length or elements (any other call that takes it stops the search); the
    /// buffer variable is never reassigned or passed by <c>ref</c> (<c>Array.Resize</c>); and the count is either
    /// discarded or only compared with 0. A count compared with the buffer's length, passed to a callee, returned or
    /// accumulated means the code knows how much arrived, and the rule stays silent.
    /// </para>
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SOCK012WholeBufferConsumedAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>Diagnostic property: the expression that holds the count (<c>n</c>, <c>result.ReceivedBytes</c>); absent when discarded.</summary>
        public const string CountKey = "Count";

        /// <summary>Diagnostic property: the buffer variable's name.</summary>
        public const string BufferKey = "Buffer";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.SOCK012WholeBufferConsumed);

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

                var reads = symbols.Reads;
                var consumers = new BufferConsumers(start.Compilation);
                start.RegisterOperationAction(c => AnalyzeInvocation(c, reads, consumers), OperationKind.Invocation);
            });
        }

        private static void AnalyzeInvocation(OperationAnalysisContext context, NetworkReads reads, BufferConsumers consumers)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var read = reads.TryGetRead(invocation);
            if (read is null || read.IsZeroLength || read.Buffer is null)
            {
                return;
            }

            if (read.Offset is not null && read.Offset.ConstantValue is not { HasValue: true, Value: 0 })
            {
                return;
            }

            var buffer = WholeBufferVariable(read.Buffer);
            if (buffer is null || !DominatedRegion(invocation.Syntax, out var region))
            {
                return;
            }

            var root = invocation.Root();
            if (IsReassigned(root, buffer))
            {
                return;
            }

            // Where the count goes: discarded, or into a local that is only compared with 0.
            var result = invocation.WalkUpToResult(out var consumer);
            string? countText = null;
            if (!result.IsValueDiscarded(consumer))
            {
                var countLocal = consumer switch
                {
                    IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
                    ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment
                        when assignment.Value.WalkDownConversions() == result.WalkDownConversions() => target.Local,
                    _ => null,
                };
                if (countLocal is null || IsCountUsed(root, countLocal, read.Api.Shape, consumers))
                {
                    return;
                }

                if (AssignedOnlyFromReads(root, countLocal, reads))
                {
                    countText = read.Api.Shape == CountShape.ReceivedBytes ? countLocal.Name + ".ReceivedBytes" : countLocal.Name;
                }
            }

            var function = FunctionRoot(invocation);
            var readName = invocation.TargetMethod.ContainingType.Name + "." + invocation.TargetMethod.Name;
            // A field buffer may be filled by any method of the project that runs in between.
            var sourceCalls = buffer is IFieldSymbol
                ? root.Descendants()
                    .OfType<IInvocationOperation>()
                    .Where(call => call != invocation && call.Syntax.SpanStart >= invocation.Syntax.Span.End && region.Span.Contains(call.Syntax.Span)
                        && call.TargetMethod.Locations.Any(l => l.IsInSource))
                    .Select(call => call.Syntax.Span.End)
                    .ToList()
                : new List<int>();
            foreach (var reference in root.Descendants()
                .Where(op => IsReference(op, buffer) && op.Syntax.SpanStart >= invocation.Syntax.Span.End && region.Span.Contains(op.Syntax.Span))
                .OrderBy(op => op.Syntax.SpanStart))
            {
                if (FunctionRoot(reference) != function)
                {
                    continue;
                }

                if (sourceCalls.Any(end => end <= reference.Syntax.SpanStart))
                {
                    break;
                }

                var use = Classify(reference, buffer, consumers, out var consuming);
                if (use == Use.Barrier)
                {
                    break;
                }

                if (use == Use.Whole && consuming is not null)
                {
                    var properties = ImmutableDictionary<string, string?>.Empty.Add(BufferKey, buffer.Name);
                    if (countText is not null)
                    {
                        properties = properties.Add(CountKey, countText);
                    }

                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.SOCK012WholeBufferConsumed,
                        consuming.Syntax.GetLocation(),
                        properties,
                        ConsumerName(consuming),
                        buffer.Name,
                        readName,
                        countText is null ? "as many bytes as it returned (a count this code discards)" : "its first '" + countText + "' bytes"));
                }
            }
        }

        private enum Use
        {
            Neutral,
            Whole,
            Barrier,
        }

        /// <summary>The local or parameter (a <c>byte[]</c>) the read fills from its start: <c>buf</c>, <c>buf.AsSpan()</c>, <c>new ArraySegment&lt;byte&gt;(buf)</c>.</summary>
        private static ISymbol? WholeBufferVariable(IOperation buffer)
        {
            var value = buffer.WalkDownConversions();
            value = UnwrapWholeView(value) ?? value;
            return value switch
            {
                ILocalReferenceOperation local when IsByteArray(local.Type) => local.Local,
                IFieldReferenceOperation { Field.IsReadOnly: true, Instance: null or IInstanceReferenceOperation } field when IsByteArray(field.Type) => field.Field,
                IParameterReferenceOperation parameter when IsByteArray(parameter.Type) && parameter.Parameter.RefKind == RefKind.None => parameter.Parameter,
                _ => null,
            };
        }

        /// <summary>For <c>buf.AsSpan()</c>, <c>buf.AsMemory()</c>, <c>new ArraySegment/Span/Memory&lt;byte&gt;(buf)</c>: the <c>buf</c> operand.</summary>
        private static IOperation? UnwrapWholeView(IOperation value)
        {
            switch (value)
            {
                case IInvocationOperation { TargetMethod.Name: "AsSpan" or "AsMemory", Arguments.Length: 1 } view
                    when view.TargetMethod.ContainingType.Name == "MemoryExtensions":
                    return view.Arguments[0].Value.WalkDownConversions();
                case IObjectCreationOperation { Arguments.Length: 1 } creation
                    when creation.Type?.Name is "ArraySegment" or "Span" or "Memory" or "ReadOnlySpan" or "ReadOnlyMemory":
                    return creation.Arguments[0].Value.WalkDownConversions();
                default:
                    return null;
            }
        }

        private static bool IsByteArray(ITypeSymbol? type) => type is IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_Byte };

        /// <summary>
        /// The syntax in which code after the read certainly runs after it: the statement list that holds the read's
        /// statement. False when the read itself only runs on some paths of its statement (<c>?:</c>, <c>&amp;&amp;</c>, <c>?.</c>).
        /// </summary>
        private static bool DominatedRegion(SyntaxNode read, out SyntaxNode region)
        {
            var node = read;
            region = read;
            while (node.Parent is { } parent)
            {
                switch (parent)
                {
                    case ConditionalExpressionSyntax conditional when node != conditional.Condition:
                    case BinaryExpressionSyntax binary when node == binary.Right && binary.Kind() is SyntaxKind.LogicalAndExpression or SyntaxKind.LogicalOrExpression or SyntaxKind.CoalesceExpression:
                    case ConditionalAccessExpressionSyntax access when node == access.WhenNotNull:
                    case SwitchExpressionArmSyntax:
                        return false;
                    case BlockSyntax:
                    case SwitchSectionSyntax:
                        region = parent;
                        return true;
                    case StatementSyntax when node is StatementSyntax:
                        // An embedded statement (if (x) n = s.Receive(buf);): only code inside it follows the read.
                        region = node;
                        return true;
                    case AnonymousFunctionExpressionSyntax:
                    case LocalFunctionStatementSyntax:
                    case MemberDeclarationSyntax:
                    case ArrowExpressionClauseSyntax:
                        region = node;
                        return true;
                }

                node = parent;
            }

            return false;
        }

        private static IOperation? FunctionRoot(IOperation operation)
        {
            for (var current = operation.Parent; current is not null; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    return current;
                }
            }

            return null;
        }

        private static bool IsReference(IOperation op, ISymbol variable) => op switch
        {
            IFieldReferenceOperation f => f.Instance is null or IInstanceReferenceOperation && SymbolEqualityComparer.Default.Equals(f.Field, variable),
            ILocalReferenceOperation l => SymbolEqualityComparer.Default.Equals(l.Local, variable),
            IParameterReferenceOperation p => SymbolEqualityComparer.Default.Equals(p.Parameter, variable),
            _ => false,
        };

        /// <summary>True when the buffer variable is assigned after its declaration, or passed by ref/out (<c>Array.Resize</c>).</summary>
        private static bool IsReassigned(IOperation root, ISymbol buffer)
        {
            foreach (var op in root.Descendants())
            {
                if (!IsReference(op, buffer))
                {
                    continue;
                }

                switch (op.Parent)
                {
                    case IAssignmentOperation assignment when assignment.Target == op:
                    case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out }:
                    case ITupleOperation { Parent: IDeconstructionAssignmentOperation }:
                        return true;
                }
            }

            return false;
        }

        /// <summary>
        /// True when the count is used in a way that shows the code knows how much arrived: anything but being
        /// assigned, compared with 0 (or 1), or formatted into a string.
        /// </summary>
        private static bool IsCountUsed(IOperation root, ILocalSymbol count, CountShape shape, BufferConsumers consumers)
        {
            foreach (var op in root.Descendants())
            {
                if (op is not ILocalReferenceOperation reference || !SymbolEqualityComparer.Default.Equals(reference.Local, count))
                {
                    continue;
                }

                IOperation use = reference;
                if (reference.Parent is ISimpleAssignmentOperation assignment && assignment.Target == reference)
                {
                    continue;
                }

                if (shape == CountShape.ReceivedBytes)
                {
                    // SocketReceiveFromResult.ReceivedBytes is a field; RemoteEndPoint and the like are not the count.
                    if (reference.Parent is IMemberReferenceOperation { Member.Name: "ReceivedBytes" } receivedBytes)
                    {
                        use = receivedBytes;
                    }
                    else if (reference.Parent is IMemberReferenceOperation)
                    {
                        continue;
                    }
                }

                if (!IsNeutralCountUse(use, consumers))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsNeutralCountUse(IOperation use, BufferConsumers consumers)
        {
            var parent = use.WalkUpConversions(out var child);
            switch (parent)
            {
                case IArgumentOperation { Parent: { } call } when consumers.IsConsumer(call)
                    || call is IInvocationOperation { TargetMethod.Name: "AsSpan" or "AsMemory" or "Slice" }:
                    // Encoding.GetString(buf, 0, n), buf.AsSpan(0, n): a correct use of the count, which says nothing
                    // about another place that takes the buffer whole.
                    return true;
                case IBinaryOperation binary when binary.OperatorKind is BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals
                    or BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual or BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual:
                    var other = binary.LeftOperand == child ? binary.RightOperand : binary.LeftOperand;
                    return other.ConstantValue is { HasValue: true, Value: int c } && c <= 1;
                case IIsPatternOperation { Pattern: IConstantPatternOperation or IRelationalPatternOperation } pattern:
                    var value = pattern.Pattern is IConstantPatternOperation constant ? constant.Value : ((IRelationalPatternOperation)pattern.Pattern).Value;
                    return value.ConstantValue is { HasValue: true, Value: int p } && p <= 1;
                case IInterpolationOperation:
                    return true;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation when concatenation.Type?.SpecialType == SpecialType.System_String:
                    return true;
                default:
                    return false;
            }
        }

        private static bool AssignedOnlyFromReads(IOperation root, ILocalSymbol count, NetworkReads reads)
        {
            foreach (var value in NetworkReads.AssignedValues(root, count))
            {
                var v = value.WalkDownConversions();
                if (v is IAwaitOperation awaited)
                {
                    v = awaited.Operation.WalkDownConversions();
                }

                if (v is IInvocationOperation { TargetMethod.Name: "ConfigureAwait", Instance: { } inner })
                {
                    v = inner.WalkDownConversions();
                }

                if (v is not IInvocationOperation call || !reads.IsCountingRead(call))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>What one reference to the buffer does; <paramref name="consuming"/> is the consuming call for <see cref="Use.Whole"/>.</summary>
        private static Use Classify(IOperation reference, ISymbol buffer, BufferConsumers consumers, out IOperation? consuming)
        {
            consuming = null;
            IOperation current = reference;
            var parent = current.WalkUpConversions(out current);
            switch (parent)
            {
                case IPropertyReferenceOperation { Property.Name: "Length" or "LongLength" }:
                case IArrayElementReferenceOperation:
                    return Use.Neutral;
            }

            // A whole view of the buffer: buf.AsSpan(), new ArraySegment<byte>(buf), …
            if (parent is IArgumentOperation { Parent: { } viewOwner } && UnwrapWholeView(viewOwner) is { } inner && IsReference(inner, buffer))
            {
                current = viewOwner;
                parent = current.WalkUpConversions(out current);
            }
            else if (parent is IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: "AsSpan" or "AsMemory" } partialView }
                && partialView.TargetMethod.ContainingType.Name == "MemoryExtensions")
            {
                // buf.AsSpan(0, n): a slice, not the whole buffer; what is done with it is not this rule's business.
                return Use.Neutral;
            }

            switch (parent)
            {
                case IArgumentOperation argument when argument.Parent is { } call && consumers.IsConsumer(call):
                    if (IsWholeArgument(argument, call, buffer))
                    {
                        consuming = call;
                        return Use.Whole;
                    }

                    return Use.Neutral;
                case IInvocationOperation { Instance: { } instance } call when instance == current && consumers.IsConsumer(call) && call.Arguments.Length == 0:
                    // buf.AsSpan().ToArray()
                    consuming = call;
                    return current == reference ? Use.Barrier : Use.Whole;
                default:
                    return Use.Barrier;
            }
        }

        /// <summary>
        /// True when the argument hands the consumer the buffer from 0 to its end: no offset/count after it, or
        /// <c>(buf, 0, buf.Length)</c>, or <c>(buf, buf.Length, …)</c> for a size-only overload.
        /// </summary>
        private static bool IsWholeArgument(IArgumentOperation argument, IOperation call, ISymbol buffer)
        {
            var parameter = argument.Parameter;
            if (parameter is null)
            {
                return false;
            }

            var arguments = call switch
            {
                IInvocationOperation i => i.Arguments,
                IObjectCreationOperation o => o.Arguments,
                _ => ImmutableArray<IArgumentOperation>.Empty,
            };
            IArgumentOperation? At(int ordinal) => arguments.FirstOrDefault(a => a.Parameter?.Ordinal == ordinal);

            var next = At(parameter.Ordinal + 1);
            if (next?.Parameter is null || next.Parameter.Type.SpecialType != SpecialType.System_Int32)
            {
                return true;
            }

            var afterNext = At(parameter.Ordinal + 2);
            if (afterNext?.Parameter is not null && afterNext.Parameter.Type.SpecialType == SpecialType.System_Int32)
            {
                return next.Value.ConstantValue is { HasValue: true, Value: 0 } && IsLengthOf(afterNext.Value, buffer);
            }

            return IsLengthOf(next.Value, buffer)
                || (next.Parameter.Name is "offset" or "index" or "startIndex" && next.Value.ConstantValue is { HasValue: true, Value: 0 });
        }

        private static bool IsLengthOf(IOperation value, ISymbol buffer)
            => value.WalkDownConversions() is IPropertyReferenceOperation { Property.Name: "Length", Instance: { } instance }
                && IsReference(instance.WalkDownConversions(), buffer);

        private static string ConsumerName(IOperation consuming) => consuming switch
        {
            IInvocationOperation call => call.TargetMethod.ContainingType.Name + "." + call.TargetMethod.Name,
            IObjectCreationOperation creation => "new " + creation.Type?.Name,
            _ => "This call",
        };
    }
}
