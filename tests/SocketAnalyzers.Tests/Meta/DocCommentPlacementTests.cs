using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using SocketAnalyzers.Tests.Verifiers;
using Xunit;

namespace SocketAnalyzers.Tests.Meta
{
    /// <summary>
    /// A doc comment sits on the member it describes. A method inserted between another member's doc comment and that
    /// member leaves two summaries on the new one and none on the old; the compiler keeps one of them and says nothing.
    /// Seven members of the shipped code had lost their summary that way when this test was written.
    /// </summary>
    public sealed class DocCommentPlacementTests
    {
        private static readonly Regex TwoSummaries = new(@"</summary>[ \t]*\r?\n[ \t]*/// <summary>", RegexOptions.Compiled);

        [Theory]
        [InlineData("Analyzers")]
        [InlineData("CodeFixes")]
        [InlineData("Cli")]
        [InlineData("Runtime")]
        public void No_member_has_two_summaries(string folder)
        {
            var wrong = new List<string>();
            foreach (var file in Repository.CSharpFiles(folder))
            {
                var text = File.ReadAllText(file);
                foreach (Match match in TwoSummaries.Matches(text))
                {
                    var line = 1;
                    for (var i = 0; i < match.Index; i++)
                    {
                        if (text[i] == '\n')
                        {
                            line++;
                        }
                    }

                    wrong.Add($"{Repository.Relative(file)}({line}): a summary ends and another begins; the first belongs to another member");
                }
            }

            Assert.True(Repository.CSharpFiles(folder).Count > 0, folder + " has no C# file");
            Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        }
    }
}
