using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SocketAnalyzers.Tests.Verifiers;

namespace SocketAnalyzers.Tests.Robustness
{
    /// <summary>A C# source the sweep mutates: where it comes from, and its text (plain C#, no test markup).</summary>
    internal sealed record SweepSource(string Name, string Text)
    {
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
        /// Every string literal of <c>tests/SocketAnalyzers.Tests/**/*.cs</c> that holds socket code (it mentions
        /// <c>System.Net</c> and declares or uses something), markup removed, each distinct text once. Interpolated
        /// strings (templates) are left out; fragments that a test wraps in more code are kept as they are (broken code
        /// is what the sweep wants).
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
                    var value = literal.Token.ValueText.Replace("\r\n", "\n", StringComparison.Ordinal);
                    if (value.Length < 40 || !value.Contains("System.Net", StringComparison.Ordinal) || !value.Contains(';', StringComparison.Ordinal))
                    {
                        continue;
                    }

                    var text = Markup.Replace(value, string.Empty);
                    if (seen.Add(text))
                    {
                        var line = literal.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                        result.Add(new SweepSource($"{relative}({line})", text));
                    }
                }
            }

            return result;
        }
    }
}
