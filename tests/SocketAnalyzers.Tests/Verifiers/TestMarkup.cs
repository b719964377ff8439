using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace SocketAnalyzers.Tests.Verifiers
{
    /// <summary>One marked span of a test source.</summary>
    /// <param name="Id">The diagnostic ID of <c>{|ID:…|}</c>; null for <c>[|…|]</c> and for location markers.</param>
    /// <param name="LocationIndex">The <c>n</c> of <c>{|#n:…|}</c>; null otherwise.</param>
    public sealed record MarkupSpan(string? Id, int? LocationIndex, TextSpan Span);

    /// <summary>
    /// Parses the markup of Microsoft.CodeAnalysis.Testing: <c>[|…|]</c> (a diagnostic of the rule under test),
    /// <c>{|SOCK010:…|}</c> (a diagnostic with that ID) and <c>{|#0:…|}</c> (location 0, for
    /// <see cref="DiagnosticResult.WithLocation(int)"/>). Spans nest; the markup is removed from the text.
    /// </summary>
    public static class TestMarkup
    {
        public static (string Text, IReadOnlyList<MarkupSpan> Spans) Parse(string markup)
        {
            var text = new StringBuilder(markup.Length);
            var spans = new List<MarkupSpan>();
            var open = new Stack<(string? Id, int? Index, int Start, string Closer, int Offset)>();
            var i = 0;
            while (i < markup.Length)
            {
                if (At(markup, i, "[|"))
                {
                    open.Push((null, null, text.Length, "|]", i));
                    i += 2;
                }
                else if (At(markup, i, "{|") && TryReadHeader(markup, i + 2, out var header, out var next))
                {
                    if (header.StartsWith("#", StringComparison.Ordinal))
                    {
                        if (!int.TryParse(header.Substring(1), out var index))
                        {
                            throw new FormatException($"Bad location marker '{{|{header}:' at offset {i}.");
                        }

                        open.Push((null, index, text.Length, "|}", i));
                    }
                    else
                    {
                        open.Push((header, null, text.Length, "|}", i));
                    }

                    i = next;
                }
                else if (At(markup, i, "|]") || At(markup, i, "|}"))
                {
                    if (open.Count == 0)
                    {
                        throw new FormatException($"Markup closes '{markup.Substring(i, 2)}' at offset {i} with nothing open.");
                    }

                    var (id, index, start, closer, offset) = open.Pop();
                    if (!At(markup, i, closer))
                    {
                        // [|…|} or {|ID:…|]: a typo that would otherwise silently mark the wrong span.
                        throw new FormatException($"Markup opened at offset {offset} must close with '{closer}', not '{markup.Substring(i, 2)}' at offset {i}.");
                    }

                    spans.Add(new MarkupSpan(id, index, TextSpan.FromBounds(start, text.Length)));
                    i += 2;
                }
                else
                {
                    text.Append(markup[i]);
                    i++;
                }
            }

            if (open.Count > 0)
            {
                throw new FormatException($"Markup leaves {open.Count} span(s) open; the innermost opens at offset {open.Peek().Offset}.");
            }

            spans.Sort((a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : a.Span.End.CompareTo(b.Span.End));
            return (text.ToString(), spans);
        }

        private static bool At(string s, int i, string token) => string.CompareOrdinal(s, i, token, 0, token.Length) == 0;

        private static bool TryReadHeader(string s, int start, out string header, out int next)
        {
            // {|ID:  or  {|#0:  — an identifier-like header followed by a colon.
            var i = start;
            while (i < s.Length && (char.IsLetterOrDigit(s[i]) || s[i] == '#' || s[i] == '_'))
            {
                i++;
            }

            if (i > start && i < s.Length && s[i] == ':')
            {
                header = s.Substring(start, i - start);
                next = i + 1;
                return true;
            }

            header = string.Empty;
            next = start;
            return false;
        }
    }
}
