using Xunit;

namespace SocketAnalyzers.Cli.Tests
{
    public sealed class GlobTests
    {
        [Theory]
        [InlineData("*.Designer.cs", "src/Form1.Designer.cs", true)]
        [InlineData("*.Designer.cs", "src/Form1.cs", false)]
        [InlineData("Generated", "src/Generated/A.cs", true)]
        [InlineData("Generated", "src/NotGenerated/A.cs", false)]
        [InlineData("tests/**", "tests/Unit/A.cs", true)]
        [InlineData("tests/**", "src/tests/A.cs", false)]
        [InlineData("**/Migrations/*.cs", "src/Db/Migrations/001.cs", true)]
        [InlineData("**/Migrations/*.cs", "Migrations/001.cs", true)]
        [InlineData("**/Migrations/*.cs", "src/Db/Migrations/Sub/001.cs", false)]
        [InlineData("src/Legacy", "src/Legacy/Deep/A.cs", true)]
        [InlineData("src/Legacy", "src/LegacyToo/A.cs", false)]
        [InlineData("src\\Legacy\\**", "src/Legacy/A.cs", true)]
        [InlineData("./src/A?.cs", "src/AB.cs", true)]
        [InlineData("./src/A?.cs", "src/ABC.cs", false)]
        public void Globs_match_like_gitignore_patterns(string pattern, string path, bool expected)
        {
            Assert.Equal(expected, Glob.Parse(pattern).IsMatch(path));
        }
    }
}
