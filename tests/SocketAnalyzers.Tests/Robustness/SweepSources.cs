using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using SocketAnalyzers.Tests.Verifiers;

namespace SocketAnalyzers.Tests.Robustness
{
    /// <summary>A C# source the sweep mutates: where it comes from, and its text (plain C#, no test markup).</summary>
    internal sealed record SweepSource(string Name, string Text)
    {
        /// <summary>The part of <see cref="Text"/> to mutate (the test's own code inside a wrapper); all of it when null.</summary>
        public TextSpan? Focus { get; init; }

        public OutputKind OutputKind => CSharpSyntaxTree.ParseText(Text).GetRoot().ChildNodes().OfType<GlobalStatementSyntax>().Any()
            ? OutputKind.ConsoleApplication
            : OutputKind.DynamicallyLinkedLibrary;
    }

    /// <summary>The code the sweep starts from: every <c>samples/**/*.cs</c>, and the socket code of the test suite's own sources.</summary>
    internal static class SweepSources
    {
        // Microsoft.CodeAnalysis.Testing markup: {|SOCK010:, {|#0:, {|CS0029:, |}, [|, |].
        private static readonly Regex Markup = new(@"\{\|[^:|{}\s]*:|\|\}|\[\||\|\]", RegexOptions.Compiled);

        public static IReadOnlyList<SweepSource> Samples()
            => Repository.CSharpFiles("samples")
                .Select(f => new SweepSource(Repository.Relative(f), File.ReadAllText(f).Replace("\r\n", "\n", StringComparison.Ordinal)))
                .ToList();

        /// <summary>
        /// The socket code of <c>tests/SocketAnalyzers.Tests/**/*.cs</c>, markup removed, each distinct text once:
        /// <list type="bullet">
        /// <item>every string literal that is a whole source (it mentions <c>System.Net</c>);</item>
        /// <item>every string literal (or <c>[InlineData]</c> string) that a test passes to one of its own static
        /// wrappers (<c>Method(body)</c>, <c>InMethod(body)</c>, <c>Server(loop)</c>…): the wrapper is called by reflection
        /// and the sweep mutates only the part that came from the literal (<see cref="SweepSource.Focus"/>).</item>
        /// </list>
        /// Interpolated strings (templates) are left out; fragments that stay broken are kept as they are (broken code is
        /// what the sweep wants).
        /// </summary>
        public static IReadOnlyList<SweepSource> TestSnippets()
        {
            var result = new List<SweepSource>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var file in Repository.CSharpFiles("tests/SocketAnalyzers.Tests"))
            {
                var relative = Repository.Relative(file);
                if (relative.Contains("/Robustness/", StringComparison.Ordinal))
                {
                    continue;
                }

                var root = CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetRoot();
                foreach (var literal in root.DescendantNodes().OfType<LiteralExpressionSyntax>().Where(l => l.IsKind(SyntaxKind.StringLiteralExpression)))
                {
                    var value = Markup.Replace(literal.Token.ValueText.Replace("\r\n", "\n", StringComparison.Ordinal), string.Empty);
                    if (value.Length < 10 || !value.Contains(';', StringComparison.Ordinal))
                    {
                        continue;
                    }

                    var line = literal.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                    if (value.Length >= 40 && value.Contains("System.Net", StringComparison.Ordinal))
                    {
                        if (seen.Add(value))
                        {
                            result.Add(new SweepSource($"{relative}({line})", value));
                        }

                        continue;
                    }

                    foreach (var wrapped in Wrapped(literal, value))
                    {
                        if (seen.Add(wrapped.Text))
                        {
                            result.Add(wrapped with { Name = $"{relative}({line}) in {wrapped.Name}" });
                        }
                    }
                }
            }

            return result;
        }

        /// <summary>The sources a test makes of <paramref name="literal"/> by passing it to a static wrapper of its own.</summary>
        private static IEnumerable<SweepSource> Wrapped(LiteralExpressionSyntax literal, string value)
        {
            // Passed directly: Method("""…""", "Task", "async").
            if (literal.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax call } } argument
                && call.ArgumentList.Arguments.IndexOf(argument) == 0)
            {
                if (Call(call, value, e => e is LiteralExpressionSyntax l ? l.Token.Value : null) is { } source)
                {
                    yield return source;
                }

                yield break;
            }

            // An [InlineData] string: every wrapper call of the test method that takes that parameter first.
            if (literal.Parent is AttributeArgumentSyntax { Parent: AttributeArgumentListSyntax { Parent: AttributeSyntax attribute } arguments } attributeArgument
                && attribute.Name.ToString() is "InlineData"
                && attribute.Parent?.Parent is MethodDeclarationSyntax method)
            {
                var index = arguments.Arguments.IndexOf(attributeArgument);
                var parameters = method.ParameterList.Parameters;
                if (index >= parameters.Count)
                {
                    yield break;
                }

                object? ValueOf(ExpressionSyntax expression)
                {
                    if (expression is LiteralExpressionSyntax l)
                    {
                        return l.Token.Value;
                    }

                    if (expression is IdentifierNameSyntax name)
                    {
                        for (var i = 0; i < parameters.Count && i < arguments.Arguments.Count; i++)
                        {
                            if (parameters[i].Identifier.ValueText == name.Identifier.ValueText && arguments.Arguments[i].Expression is LiteralExpressionSyntax given)
                            {
                                return given.Token.Value is string text ? Markup.Replace(text, string.Empty) : given.Token.Value;
                            }
                        }
                    }

                    return null;
                }

                var parameter = parameters[index].Identifier.ValueText;
                foreach (var wrapperCall in method.DescendantNodes().OfType<InvocationExpressionSyntax>())
                {
                    if (wrapperCall.ArgumentList.Arguments.FirstOrDefault()?.Expression is IdentifierNameSyntax first
                        && first.Identifier.ValueText == parameter
                        && Call(wrapperCall, value, ValueOf) is { } source)
                    {
                        yield return source;
                    }
                }
            }
        }

        /// <summary>
        /// Calls the test's static <c>string Wrapper(string, …)</c> that <paramref name="call"/> names, with
        /// <paramref name="value"/> first and the other arguments as <paramref name="valueOf"/> knows them (defaults
        /// where it does not); null when it is no such wrapper.
        /// </summary>
        private static SweepSource? Call(InvocationExpressionSyntax call, string value, Func<ExpressionSyntax, object?> valueOf)
        {
            var (typeName, methodName) = call.Expression switch
            {
                IdentifierNameSyntax name => (call.Ancestors().OfType<TypeDeclarationSyntax>().FirstOrDefault()?.Identifier.ValueText, name.Identifier.ValueText),
                MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax owner, Name: IdentifierNameSyntax name } => (owner.Identifier.ValueText, name.Identifier.ValueText),
                _ => (null, null),
            };
            var type = typeName is null ? null : TestTypes.FirstOrDefault(t => t.Name == typeName);
            var method = Wrapper(type, methodName, call);
            if (method is null && call.Expression is IdentifierNameSyntax)
            {
                // Not the test's own: a wrapper its file imports with `using static` (ReadTestCode.Method).
                foreach (var imported in call.SyntaxTree.GetRoot().DescendantNodes().OfType<UsingDirectiveSyntax>())
                {
                    if (imported.StaticKeyword.IsKind(SyntaxKind.StaticKeyword) && imported.Name is { } name)
                    {
                        var importedName = name is QualifiedNameSyntax qualified ? qualified.Right.Identifier.ValueText : name.ToString();
                        type = TestTypes.FirstOrDefault(t => t.Name == importedName);
                        method = Wrapper(type, methodName, call);
                        if (method is not null)
                        {
                            break;
                        }
                    }
                }
            }

            if (method is null)
            {
                return null;
            }

            var parameters = method.GetParameters();
            var values = new object?[parameters.Length];
            for (var i = 1; i < parameters.Length; i++)
            {
                var given = i < call.ArgumentList.Arguments.Count ? valueOf(call.ArgumentList.Arguments[i].Expression) : null;
                if (given is null && !parameters[i].HasDefaultValue)
                {
                    return null;
                }

                values[i] = given ?? parameters[i].DefaultValue;
            }

            const string Sentinel = "\u0001";
            string text;
            string marked;
            try
            {
                values[0] = value;
                text = (string)method.Invoke(null, values)!;
                values[0] = Sentinel;
                marked = (string)method.Invoke(null, values)!;
            }
            catch (TargetInvocationException)
            {
                return null;
            }

            text = Markup.Replace(text.Replace("\r\n", "\n", StringComparison.Ordinal), string.Empty);
            marked = Markup.Replace(marked.Replace("\r\n", "\n", StringComparison.Ordinal), string.Empty);
            var prefix = marked.IndexOf(Sentinel, StringComparison.Ordinal);
            if (prefix < 0 || text == value)
            {
                return null;
            }

            var suffix = marked.Length - prefix - Sentinel.Length;
            var focus = TextSpan.FromBounds(prefix, Math.Max(prefix, text.Length - suffix));
            return new SweepSource($"{type!.Name}.{method.Name}", text) { Focus = focus };
        }

        /// <summary>The static <c>string M(string, …)</c> named <paramref name="methodName"/> of <paramref name="type"/> that <paramref name="call"/> can call, or null.</summary>
        private static MethodInfo? Wrapper(Type? type, string? methodName, InvocationExpressionSyntax call)
            => type?.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)
                .FirstOrDefault(m => m.Name == methodName && m.ReturnType == typeof(string)
                    && m.GetParameters() is { Length: > 0 } p && p[0].ParameterType == typeof(string)
                    && p.Skip(1).All(x => x.ParameterType == typeof(string) || x.HasDefaultValue)
                    && p.Length >= call.ArgumentList.Arguments.Count);

        private static readonly Type[] TestTypes = typeof(SweepSources).Assembly.GetTypes();
    }
}
