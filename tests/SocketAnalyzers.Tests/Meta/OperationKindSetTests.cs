using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SocketAnalyzers.Tests.Verifiers;
using Xunit;

namespace SocketAnalyzers.Tests.Meta
{
    /// <summary>
    /// A switch over operation interfaces that an <c>OperationKindSet</c> guards (<c>switch (Kinds.Contains(k) ? operation :
    /// null)</c>, or an <c>if (!Kinds.Contains(…)) { …; return; }</c> just before it) reaches a case only for the kinds in
    /// the set. A case added without its kind would never run, and nothing else would say so: every test of the case's
    /// shape would simply find nothing. This test reads the analyzers' sources and checks each guarded switch's cases
    /// against its set.
    /// </summary>
    public sealed class OperationKindSetTests
    {
        [Fact]
        public void Every_case_of_a_guarded_switch_has_its_kind_in_the_guarding_set()
        {
            var guarded = 0;
            var wrong = new List<string>();
            foreach (var file in Repository.CSharpFiles("Analyzers"))
            {
                var root = CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetRoot();
                var sets = KindSets(root);
                foreach (var switchStatement in root.DescendantNodes().OfType<SwitchStatementSyntax>())
                {
                    if (GuardOf(switchStatement) is not { } guard)
                    {
                        continue;
                    }

                    guarded++;
                    var line = switchStatement.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                    if (!sets.TryGetValue(guard, out var kinds))
                    {
                        wrong.Add($"{Repository.Relative(file)}({line}): the guard '{guard}' is not an OperationKindSet field of the file");
                        continue;
                    }

                    foreach (var label in switchStatement.Sections.SelectMany(section => section.Labels).OfType<CasePatternSwitchLabelSyntax>())
                    {
                        foreach (var (type, required) in RequiredKinds(label.Pattern))
                        {
                            if (required is null)
                            {
                                wrong.Add($"{Repository.Relative(file)}({line}): case {type} has no single kind this test knows; list its kinds in the test");
                            }
                            else if (!required.Any(kinds.Contains))
                            {
                                wrong.Add($"{Repository.Relative(file)}({line}): case {type} is never reached: '{guard}' lacks OperationKind.{string.Join(" or ", required)}");
                            }
                        }
                    }
                }
            }

            Assert.True(guarded >= 7, $"found {guarded} guarded switches; the test no longer recognises the guards");
            Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
        }

        [Fact]
        public void A_case_whose_kind_is_missing_from_its_set_is_found()
        {
            var root = CSharpSyntaxTree.ParseText("""
                class C
                {
                    private static readonly OperationKindSet Kinds = new(OperationKind.Invocation);

                    void M(IOperation operation)
                    {
                        switch (Kinds.Contains(operation.Kind) ? operation : null)
                        {
                            case IInvocationOperation call:
                                break;
                            case ILocalReferenceOperation local:
                                break;
                        }
                    }
                }
                """).GetRoot();
            var switchStatement = root.DescendantNodes().OfType<SwitchStatementSyntax>().Single();
            var kinds = KindSets(root)[GuardOf(switchStatement)!];
            var missing = switchStatement.Sections.SelectMany(section => section.Labels).OfType<CasePatternSwitchLabelSyntax>()
                .SelectMany(label => RequiredKinds(label.Pattern))
                .Where(pair => pair.Required is { } required && !required.Any(kinds.Contains))
                .Select(pair => pair.Type)
                .ToList();

            Assert.Equal(new[] { "ILocalReferenceOperation" }, missing);
        }

        /// <summary>The file's <c>OperationKindSet</c> fields and the kinds each is made with.</summary>
        private static Dictionary<string, HashSet<string>> KindSets(SyntaxNode root)
        {
            var sets = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            foreach (var field in root.DescendantNodes().OfType<FieldDeclarationSyntax>())
            {
                if (field.Declaration.Type.ToString() != "OperationKindSet")
                {
                    continue;
                }

                foreach (var variable in field.Declaration.Variables)
                {
                    var arguments = variable.Initializer?.Value switch
                    {
                        ImplicitObjectCreationExpressionSyntax made => made.ArgumentList.Arguments,
                        ObjectCreationExpressionSyntax made => made.ArgumentList?.Arguments ?? default,
                        _ => default,
                    };

                    sets[variable.Identifier.ValueText] = new HashSet<string>(
                        arguments.Select(argument => argument.Expression).OfType<MemberAccessExpressionSyntax>().Select(access => access.Name.Identifier.ValueText),
                        StringComparer.Ordinal);
                }
            }

            return sets;
        }

        /// <summary>The set that guards the switch: in its governing expression, or in an <c>if (!Set.Contains(…))</c> just before it.</summary>
        private static string? GuardOf(SwitchStatementSyntax switchStatement)
        {
            if (switchStatement.Expression is ConditionalExpressionSyntax { Condition: InvocationExpressionSyntax condition } && ContainsCallee(condition) is { } inline)
            {
                return inline;
            }

            if (switchStatement.Parent is BlockSyntax block)
            {
                var index = block.Statements.IndexOf(switchStatement);
                for (var i = index - 1; i >= 0; i--)
                {
                    if (block.Statements[i] is IfStatementSyntax { Condition: PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalNotExpression, Operand: InvocationExpressionSyntax call } }
                        && ContainsCallee(call) is { } before)
                    {
                        return before;
                    }
                }
            }

            return null;
        }

        private static string? ContainsCallee(InvocationExpressionSyntax call)
            => call.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Contains", Expression: IdentifierNameSyntax set } ? set.Identifier.ValueText : null;

        /// <summary>Each operation interface a case's pattern tests, with the kinds it may have (null: not known to this test).</summary>
        private static IEnumerable<(string Type, string[]? Required)> RequiredKinds(PatternSyntax pattern)
        {
            switch (pattern)
            {
                case BinaryPatternSyntax binary:
                    return RequiredKinds(binary.Left).Concat(RequiredKinds(binary.Right));
                case ParenthesizedPatternSyntax parenthesized:
                    return RequiredKinds(parenthesized.Pattern);
                case DeclarationPatternSyntax declaration:
                    return Named(declaration.Type, null);
                case TypePatternSyntax type:
                    return Named(type.Type, null);
                case RecursivePatternSyntax { Type: { } type } recursive:
                    return Named(type, recursive.PropertyPatternClause);
                case ConstantPatternSyntax { Expression: IdentifierNameSyntax name }:
                    // `case IFooOperation:` parses as a constant pattern.
                    return Named(name, null);
                default:
                    return Array.Empty<(string, string[]?)>();
            }
        }

        private static IEnumerable<(string Type, string[]? Required)> Named(TypeSyntax type, PropertyPatternClauseSyntax? properties)
        {
            var name = type.ToString();
            if (!name.StartsWith("I", StringComparison.Ordinal) || !name.EndsWith("Operation", StringComparison.Ordinal))
            {
                yield break;
            }

            var stem = name.Substring(1, name.Length - 1 - "Operation".Length);
            string[]? kinds = stem switch
            {
                "Return" => properties?.Subpatterns.FirstOrDefault(sub => sub.NameColon?.Name.Identifier.ValueText == "Kind")?.Pattern is ConstantPatternSyntax { Expression: MemberAccessExpressionSyntax kind }
                    ? new[] { kind.Name.Identifier.ValueText }
                    : new[] { "Return", "YieldReturn", "YieldBreak" },
                "IncrementOrDecrement" => new[] { "Increment", "Decrement" },
                _ when stem.EndsWith("Loop", StringComparison.Ordinal) => new[] { "Loop" },
                "MemberReference" or "Assignment" or "SymbolInitializer" or "Pattern" or "CaseClause" or "InterpolatedStringContent" or "Reference" => null,
                _ when Enum.TryParse<OperationKind>(stem, out _) => new[] { stem },
                _ => null,
            };

            yield return (name, kinds);
        }
    }
}
