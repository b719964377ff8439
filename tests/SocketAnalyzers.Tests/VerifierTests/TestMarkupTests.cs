using System;
using System.Linq;
using Microsoft.CodeAnalysis.Text;
using SocketAnalyzers.Tests.Verifiers;
using Xunit;

namespace SocketAnalyzers.Tests.VerifierTests
{
    public sealed class TestMarkupTests
    {
        [Fact]
        public void Text_without_markup_is_unchanged_and_has_no_spans()
        {
            var (text, spans) = TestMarkup.Parse("class C { int[] a = new int[1]; bool b = true || false; }");

            Assert.Equal("class C { int[] a = new int[1]; bool b = true || false; }", text);
            Assert.Empty(spans);
        }

        [Fact]
        public void Square_markup_marks_a_span_of_the_default_rule()
        {
            var (text, spans) = TestMarkup.Parse("a [|bcd|] e");

            Assert.Equal("a bcd e", text);
            var span = Assert.Single(spans);
            Assert.Equal(new MarkupSpan(null, null, new TextSpan(2, 3)), span);
        }

        [Fact]
        public void Id_markup_marks_a_span_with_its_id()
        {
            var (text, spans) = TestMarkup.Parse("x {|SOCK010:socket.Receive(buffer)|};");

            Assert.Equal("x socket.Receive(buffer);", text);
            Assert.Equal(new MarkupSpan("SOCK010", null, new TextSpan(2, 22)), Assert.Single(spans));
        }

        [Fact]
        public void Location_markup_marks_a_numbered_location_without_an_id()
        {
            var (text, spans) = TestMarkup.Parse("{|#0:a|} {|#12:b|}");

            Assert.Equal("a b", text);
            Assert.Equal(
                new[] { new MarkupSpan(null, 0, new TextSpan(0, 1)), new MarkupSpan(null, 12, new TextSpan(2, 1)) },
                spans);
        }

        [Fact]
        public void Nested_spans_are_all_kept_in_order_of_start()
        {
            var (text, spans) = TestMarkup.Parse("{|#0:a[|b{|SOCK004:c|}|]d|}");

            Assert.Equal("abcd", text);
            Assert.Equal(
                new[]
                {
                    new MarkupSpan(null, 0, TextSpan.FromBounds(0, 4)),
                    new MarkupSpan(null, null, TextSpan.FromBounds(1, 3)),
                    new MarkupSpan("SOCK004", null, TextSpan.FromBounds(2, 3)),
                },
                spans);
        }

        [Fact]
        public void Spans_that_start_together_are_both_kept()
        {
            var (text, spans) = TestMarkup.Parse("[|{|SOCK010:ab|}c|]");

            Assert.Equal("abc", text);
            Assert.Equal(2, spans.Count);
            Assert.Contains(new MarkupSpan("SOCK010", null, TextSpan.FromBounds(0, 2)), spans);
            Assert.Contains(new MarkupSpan(null, null, TextSpan.FromBounds(0, 3)), spans);
        }

        [Fact]
        public void An_empty_span_is_allowed()
        {
            var (text, spans) = TestMarkup.Parse("a[||]b");

            Assert.Equal("ab", text);
            Assert.Equal(new TextSpan(1, 0), Assert.Single(spans).Span);
        }

        [Fact]
        public void Spans_are_offsets_into_the_text_without_markup()
        {
            const string Markup = "first [|one|] then {|SOCK010:two|}";
            var (text, spans) = TestMarkup.Parse(Markup);

            Assert.Equal(new[] { "one", "two" }, spans.Select(s => text.Substring(s.Span.Start, s.Span.Length)));
        }

        [Theory]
        [InlineData("a [|b", "open")]
        [InlineData("a {|SOCK010:b", "open")]
        [InlineData("a {|#0:[|b|]", "open")]
        [InlineData("a b|]", "nothing open")]
        [InlineData("a b|}", "nothing open")]
        [InlineData("[|a|] b|]", "nothing open")]
        [InlineData("[|a|}", "must close with '|]'")]
        [InlineData("{|SOCK010:a|]", "must close with '|}'")]
        [InlineData("{|#x:a|}", "Bad location marker")]
        [InlineData("{|SOCK010 a|}", "nothing open")]
        public void Unbalanced_or_malformed_markup_is_an_error(string markup, string expected)
        {
            var exception = Assert.Throws<FormatException>(() => TestMarkup.Parse(markup));

            Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
        }
    }
}
