using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Common;
using SocketAnalyzers.Model;

namespace SocketAnalyzers.Reads
{
    internal sealed partial class ReadFlowAnalysis
    {
        // ---- SOCK011: a method of the file that throws for the empty text it is given ----

        // Per method of the file: the ordinal of the string parameter whose empty text makes one of its first statements
        // throw (-1 for none).
        private Dictionary<IMethodSymbol, int>? emptyTextRejectingHelpers;

        /// <summary>
        /// The argument of <paramref name="call"/> that a method of this file certainly throws for when it is the empty text
        /// (<see cref="EmptyTextRejectingParameter"/>): <c>GameLogic(strRec)</c> whose first statements are
        /// <c>string[] parts = rec.Split(':'); int type = int.Parse(parts[1]);</c> (fresh33 FALSE 1, a poker server). The same
        /// code written in the loop already ends the 0 path; a call of it does too. Null for any other call.
        /// </summary>
        private IOperation? TextRejectedByHelper(IInvocationOperation call)
        {
            var method = call.TargetMethod.OriginalDefinition;
            if (method.DeclaringSyntaxReferences.Length != 1 || method.IsVirtual || method.IsAbstract || method.IsOverride || body.Model is not { } model)
            {
                return null;
            }

            emptyTextRejectingHelpers ??= new Dictionary<IMethodSymbol, int>(SymbolEqualityComparer.Default);
            if (!emptyTextRejectingHelpers.TryGetValue(method, out var ordinal))
            {
                ordinal = EmptyTextRejectingParameter(method, model);
                emptyTextRejectingHelpers[method] = ordinal;
            }

            return ordinal < 0 ? null : CatalogueIndex.Argument(call, ordinal);
        }

        /// <summary>
        /// The string parameter of <paramref name="method"/> (declared once in the analysed file) that, given the empty text,
        /// makes one of its first statements throw before anything could branch: declarations and expression statements, and
        /// the test of an <c>if</c> or the value of a <c>switch</c> (evaluated whatever follows), nothing under a <c>?:</c>,
        /// <c>??</c>, <c>&amp;&amp;</c>, <c>||</c> or lambda. What throws: a method that rejects the empty text
        /// (<see cref="RejectsEmptyText"/>: <c>int.Parse(text)</c>), a constant index into the text (<c>text[0]</c>) or past
        /// the first part of a split of it (<c>text.Split(':')[1]</c>, also through a local the split declares), or a member of
        /// the <c>null</c> Json.NET makes of it (<c>JsonConvert.DeserializeObject&lt;T&gt;(text).type</c>, also through a
        /// local). Only until the parameter, or a local it depends on, is assigned. -1 for none.
        /// </summary>
        private int EmptyTextRejectingParameter(IMethodSymbol method, SemanticModel model)
        {
            if (StatementsOf(method, model) is not { } statements)
            {
                return -1;
            }

            // Locals declared from the parameter: a split of it (one empty part) or what Json.NET makes of it (null).
            var splits = new Dictionary<ILocalSymbol, IParameterSymbol>(SymbolEqualityComparer.Default);
            var nulls = new Dictionary<ILocalSymbol, IParameterSymbol>(SymbolEqualityComparer.Default);
            foreach (var statement in statements)
            {
                IOperation evaluated;
                var last = false;
                switch (statement)
                {
                    case IVariableDeclarationGroupOperation or IExpressionStatementOperation or IReturnOperation:
                        evaluated = statement;
                        last = statement is IReturnOperation;
                        break;
                    case IConditionalOperation { Condition: var condition }:
                        evaluated = condition;
                        last = true;
                        break;
                    case ISwitchOperation { Value: var value }:
                        evaluated = value;
                        last = true;
                        break;
                    default:
                        return -1;
                }

                foreach (var operation in evaluated.DescendantsAndSelf())
                {
                    if (operation is IParameterReferenceOperation or ILocalReferenceOperation && ReadBody.IsWrite(operation))
                    {
                        // The text, or a part of it, replaced: what follows is not known to see it.
                        return -1;
                    }

                    if (!Unconditional(operation, evaluated) || Rejected(operation) is not { Type.SpecialType: SpecialType.System_String, RefKind: RefKind.None } parameter)
                    {
                        continue;
                    }

                    return parameter.Ordinal;
                }

                foreach (var operation in evaluated.DescendantsAndSelf())
                {
                    if (operation is IVariableDeclaratorOperation { Initializer.Value: var made } declarator)
                    {
                        made = made.WalkDownConversions();
                        if (made is IInvocationOperation split && SplitOf(split) is { } split0)
                        {
                            splits[declarator.Symbol] = split0;
                        }
                        else if (NullFrom(made) is { } deserialized)
                        {
                            nulls[declarator.Symbol] = deserialized;
                        }
                    }
                }

                if (last)
                {
                    break;
                }
            }

            return -1;

            IParameterSymbol? Rejected(IOperation operation)
            {
                switch (operation)
                {
                    case IInvocationOperation call when RejectsEmptyText(call.TargetMethod):
                        return (CatalogueIndex.Argument(call, 0)?.WalkDownConversions() as IParameterReferenceOperation)?.Parameter;
                    case IPropertyReferenceOperation { Property: { IsIndexer: true, ContainingType.SpecialType: SpecialType.System_String }, Arguments.Length: 1 } character
                        when Constant(character.Arguments[0].Value) is >= 0:
                        return (character.Instance?.WalkDownConversions() as IParameterReferenceOperation)?.Parameter;
                    case IArrayElementReferenceOperation { Indices.Length: 1 } element when Constant(element.Indices[0]) is >= 1:
                        return element.ArrayReference.WalkDownConversions() switch
                        {
                            ILocalReferenceOperation parts when splits.TryGetValue(parts.Local, out var split) => split,
                            IInvocationOperation split => SplitOf(split),
                            _ => null,
                        };
                    case IPropertyReferenceOperation { Property.IsStatic: false, Instance: { } instance }:
                        return NullInstance(instance);
                    case IInvocationOperation { TargetMethod.IsStatic: false, Instance: { } instance }:
                        return NullInstance(instance);
                    case IFieldReferenceOperation { Field.IsStatic: false, Instance: { } instance }:
                        return NullInstance(instance);
                    default:
                        return null;
                }
            }

            IParameterSymbol? NullInstance(IOperation instance) => instance.WalkDownConversions() switch
            {
                ILocalReferenceOperation local when nulls.TryGetValue(local.Local, out var deserialized) => deserialized,
                { } value => NullFrom(value),
            };

            // text.Split(…) without RemoveEmptyEntries of the parameter: one empty part.
            static IParameterSymbol? SplitOf(IInvocationOperation split)
                => split is { TargetMethod: { Name: "Split", IsStatic: false, ContainingType.SpecialType: SpecialType.System_String } }
                    && SplitOptions(split) == 0 && split.Instance?.WalkDownConversions() is IParameterReferenceOperation text
                    ? text.Parameter
                    : null;

            // JsonConvert.DeserializeObject(text) of the parameter, as a reference type: null.
            IParameterSymbol? NullFrom(IOperation value)
                => IsJsonNetDeserialize(value) && CatalogueIndex.Argument((IInvocationOperation)value, 0)?.WalkDownConversions() is IParameterReferenceOperation text
                    ? text.Parameter
                    : null;
        }
    }
}
