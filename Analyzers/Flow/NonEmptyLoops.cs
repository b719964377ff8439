using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SocketAnalyzers.Flow
{
    /// <summary>
    /// <c>foreach</c> loops whose body certainly runs at least once: over <c>text.Split(…)</c> (always one part at least,
    /// unless <c>RemoveEmptyEntries</c> or a count is given) or over a new array with at least one element. The graph
    /// lowers such a loop to a head that asks <c>MoveNext()</c>, entered from before the loop and from the end of the
    /// body; on the first entry the answer is true, so the kernel sends a path that reaches the head from before the
    /// loop straight into the body (<see cref="FlowAnalysis{TState}"/>), and the way out of the loop holds only what a
    /// turn of the body left. Without this, a buffer renewed in such a loop (<c>foreach (var part in text.Split("X")) {
    /// …; buf = new char[4096]; }</c>) seemed kept on a path that skips the body (fresh102 F2).
    /// </summary>
    internal static class NonEmptyLoops
    {
        /// <summary>Per block, the ordinal of the body a first entry goes to, or -1; null when no block is such a head.</summary>
        public static int[]? FirstTurnEntries(ImmutableArray<BasicBlock> blocks, SemanticModel? model, CancellationToken cancellationToken)
        {
            if (model is null)
            {
                return null;
            }

            int[]? entries = null;
            foreach (var block in blocks)
            {
                if (block.Operations.Length != 0 || block.BranchValue is not IInvocationOperation { TargetMethod.Name: "MoveNext", Arguments.Length: 0 } moveNext
                    || block.ConditionalSuccessor?.Destination is not { } conditional || block.FallThroughSuccessor?.Destination is not { } fallThrough
                    || moveNext.Syntax is not ExpressionSyntax collection || collection.Parent is not CommonForEachStatementSyntax { AwaitKeyword.RawKind: 0 } loop
                    || loop.Expression != collection || model.SyntaxTree != collection.SyntaxTree)
                {
                    continue;
                }

                // MoveNext true goes into the body: the fall-through when the branch is taken on false.
                var body = block.ConditionKind == ControlFlowConditionKind.WhenFalse ? fallThrough : conditional;
                if (body.Ordinal <= block.Ordinal || !IsNeverEmpty(collection, model, cancellationToken))
                {
                    continue;
                }

                if (entries is null)
                {
                    entries = new int[blocks.Length];
                    for (var i = 0; i < entries.Length; i++)
                    {
                        entries[i] = -1;
                    }
                }

                entries[block.Ordinal] = body.Ordinal;
            }

            return entries;
        }

        /// <summary>
        /// <paramref name="collection"/> always has an element: a split of a string, a new array that is not empty, or a local
        /// declared with one that nothing writes again (<c>var parts = text.Split("X"); foreach (var part in parts)</c>).
        /// </summary>
        private static bool IsNeverEmpty(ExpressionSyntax collection, SemanticModel model, CancellationToken cancellationToken, bool throughLocal = true)
        {
            switch (model.GetOperation(collection, cancellationToken))
            {
                case ILocalReferenceOperation { Local: { DeclaringSyntaxReferences.Length: 1 } local } when throughLocal:
                    return local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: { } value } declarator
                        && declarator.Parent?.Parent is LocalDeclarationStatementSyntax { Parent: BlockSyntax scope } declaration
                        && declaration.UsingKeyword.RawKind == 0
                        && !CountedLoops.WrittenIn(scope, local.Name)
                        && IsNeverEmpty(value, model, cancellationToken, throughLocal: false);
                case IInvocationOperation { TargetMethod: { Name: "Split", ContainingType.SpecialType: SpecialType.System_String } split } call:
                    foreach (var parameter in split.Parameters)
                    {
                        if (parameter.Type.SpecialType == SpecialType.System_Int32)
                        {
                            // Split(separator, count): a count of 0 gives no part.
                            return false;
                        }
                    }

                    foreach (var argument in call.Arguments)
                    {
                        if (argument.Parameter?.Type is { TypeKind: TypeKind.Enum, Name: "StringSplitOptions" }
                            && argument.Value.ConstantValue is not { HasValue: true, Value: 0 })
                        {
                            // RemoveEmptyEntries may leave nothing (and TrimEntries with it); an options value not known is unknown.
                            return false;
                        }
                    }

                    return true;
                case IArrayCreationOperation { DimensionSizes.Length: 1 } array:
                    return array.DimensionSizes[0].ConstantValue is { HasValue: true, Value: int size and > 0 };
                default:
                    return false;
            }
        }
    }
}
