using System.Linq;
using Microsoft.CodeAnalysis.Text;
using SocketAnalyzers.Common;
using Xunit;

namespace SocketAnalyzers.Tests.Common
{
    /// <summary>
    /// The gates' text search (<see cref="WordSearch"/>): a word is found wherever it is, across the search's chunks too,
    /// and a text with only the words' first letters, or a prefix of a word, has none.
    /// </summary>
    public sealed class WordSearchTests
    {
        private static readonly WordSearch Search = new(new[] { "Socket", "TcpClient", "HostToNetworkOrder" });

        [Theory]
        [InlineData("Socket")]
        [InlineData("var s = new Socket(af, st, pt);")]
        [InlineData("x TcpClient")]
        [InlineData("é ü TcpClient ñ")]
        [InlineData("SSSSocket")]
        [InlineData("TcpTcpClient")]
        public void A_word_anywhere_is_found(string text)
            => Assert.True(Search.Contains(SourceText.From(text)));

        [Theory]
        [InlineData("")]
        [InlineData("S")]
        [InlineData("Socke")]
        [InlineData("socket tcpclient")]
        [InlineData("SockeT TcpClien HostToNetworkOrde")]
        [InlineData("é ü ñ 漢字")]
        public void A_text_without_the_words_is_not_found(string text)
            => Assert.False(Search.Contains(SourceText.From(text)));

        [Theory]
        [InlineData(8192 - 3)]
        [InlineData(8192)]
        [InlineData(8192 * 2 - 10)]
        [InlineData(8192 * 3 + 5)]
        public void A_word_split_between_chunks_or_at_the_end_is_found(int offset)
        {
            var filler = new string(Enumerable.Repeat('S', offset).ToArray());
            Assert.True(Search.Contains(SourceText.From(filler + "HostToNetworkOrder")));
            Assert.True(Search.Contains(SourceText.From(filler + "HostToNetworkOrder" + filler)));
            Assert.False(Search.Contains(SourceText.From(filler + "HostToNetworkOrde" + filler)));
        }
    }
}
