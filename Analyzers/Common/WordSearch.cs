using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace SocketAnalyzers.Common
{
    /// <summary>
    /// An ordinal, case-sensitive search of source text for a few words, the way the gates decide whether a compilation
    /// names an API at all (<see cref="SourceGate"/>, <c>HostOrderGate</c>): in chunks, so that a large file is never
    /// copied into one string, looking further only at the letters that start a word.
    /// </summary>
    internal sealed class WordSearch
    {
        private const int ChunkSize = 8192;

        private readonly string[] words;
        private readonly char[] firstLetterList;
        private readonly int longest;

        public WordSearch(IEnumerable<string> words)
        {
            this.words = new List<string>(words).ToArray();
            var letters = new List<char>();
            foreach (var word in this.words)
            {
                if (!letters.Contains(word[0]))
                {
                    letters.Add(word[0]);
                }

                longest = Math.Max(longest, word.Length);
            }

            firstLetterList = letters.ToArray();
        }

        /// <summary>True when some syntax tree of <paramref name="compilation"/> contains one of the words.</summary>
        public bool AnyTreeContains(Compilation compilation, CancellationToken cancellationToken)
        {
            // One buffer for every tree: a compilation of many small files would otherwise allocate a chunk per file.
            var buffer = NewBuffer();
            foreach (var tree in compilation.SyntaxTrees)
            {
                if (Contains(tree.GetText(cancellationToken), buffer))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True when <paramref name="text"/> contains one of the words.</summary>
        public bool Contains(SourceText text) => Contains(text, NewBuffer());

        private char[] NewBuffer() => new char[ChunkSize + longest];

        private bool Contains(SourceText text, char[] buffer)
        {
            var carried = 0;
            for (var position = 0; position < text.Length; position += ChunkSize)
            {
                var count = Math.Min(ChunkSize, text.Length - position);
                text.CopyTo(position, buffer, carried, count);
                var length = carried + count;
                if (ContainsWord(buffer, length))
                {
                    return true;
                }

                // Keep the tail, so that a word split between two chunks is still found.
                carried = Math.Min(longest - 1, length);
                Array.Copy(buffer, length - carried, buffer, 0, carried);
            }

            return false;
        }

        private bool ContainsWord(char[] buffer, int length)
        {
            // The runtime's search for the letters that start a word (vectorised) finds the candidates: on a large
            // compilation that names none of the words, testing every character against a table was the whole gate's cost.
            var letters = firstLetterList.AsSpan();
            var i = 0;
            while (i < length)
            {
                var found = buffer.AsSpan(i, length - i).IndexOfAny(letters);
                if (found < 0)
                {
                    return false;
                }

                i += found;
                var c = buffer[i];
                foreach (var word in words)
                {
                    if (word[0] == c && i + word.Length <= length && Matches(buffer, i, word))
                    {
                        return true;
                    }
                }

                i++;
            }

            return false;
        }

        private static bool Matches(char[] buffer, int start, string word)
        {
            for (var j = 1; j < word.Length; j++)
            {
                if (buffer[start + j] != word[j])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
