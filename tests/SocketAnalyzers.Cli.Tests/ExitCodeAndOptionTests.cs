using System.Threading.Tasks;
using Xunit;

namespace SocketAnalyzers.Cli.Tests
{
    public sealed class ExitCodeAndOptionTests
    {
        [Theory]
        [InlineData(new string[0], "Usage:")]
        [InlineData(new[] { "frobnicate" }, "unknown command 'frobnicate'")]
        [InlineData(new[] { "scan" }, "scan needs at least one PATH")]
        [InlineData(new[] { "scan", ".", "--format", "xml" }, "Unknown format 'xml'")]
        [InlineData(new[] { "scan", ".", "--format" }, "--format needs a value")]
        [InlineData(new[] { "scan", ".", "--severity", "fatal" }, "Unknown severity 'fatal'")]
        [InlineData(new[] { "scan", ".", "--exclude" }, "--exclude needs a glob")]
        [InlineData(new[] { "scan", ".", "--bogus" }, "Unknown option '--bogus'")]
        [InlineData(new[] { "scan", ".", "--fix=yes" }, "takes no value")]
        [InlineData(new[] { "scan", "missing-folder" }, "'missing-folder' does not exist")]
        [InlineData(new[] { "scan", "notes.txt" }, "is not a .cs file, a folder, a .csproj or a .sln")]
        public async Task Usage_errors_exit_with_2_and_say_what_is_wrong(string[] args, string message)
        {
            using var tree = new TempTree();
            tree.Write("notes.txt", "not code");
            tree.Write("Client.cs", Sources.DiscardedReceive);

            var run = await Cli.RunAsync(tree, args);

            Assert.True(run.ExitCode == 2, run.ToString());
            Assert.Contains(message, run.Stderr);
            Assert.Equal(string.Empty, run.Stdout);
        }

        [Theory]
        [InlineData("--help")]
        [InlineData("-h")]
        [InlineData("--version")]
        public async Task Help_and_version_exit_with_0(string option)
        {
            var run = await Cli.RunWithAsync(null, null, null, option);

            Assert.Equal(0, run.ExitCode);
            Assert.NotEqual(string.Empty, run.Stdout.Trim());
        }

        [Fact]
        public async Task Findings_exit_with_1_and_none_with_0()
        {
            using var tree = new TempTree();
            tree.Write("bad/Client.cs", Sources.DiscardedReceive);
            tree.Write("good/Reader.cs", Sources.CountedReceive);

            Assert.Equal(1, (await Cli.RunAsync(tree, "scan", "bad")).ExitCode);
            Assert.Equal(0, (await Cli.RunAsync(tree, "scan", "good")).ExitCode);
            Assert.Equal(1, (await Cli.RunAsync(tree, "scan", "good", "bad/Client.cs")).ExitCode);
        }

        [Fact]
        public async Task Severity_error_hides_warnings_and_exits_0()
        {
            using var tree = new TempTree();
            tree.Write("Client.cs", Sources.DiscardedReceive);

            var run = await Cli.RunAsync(tree, "scan", ".", "--severity", "error");

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.DoesNotContain("SOCK010", run.Stdout);
            Assert.Contains("no findings at or above error", run.Stdout);
        }

        [Fact]
        public async Task Editorconfig_can_raise_a_rule_to_error()
        {
            using var tree = new TempTree();
            tree.Write(".editorconfig", "root = true\n[*.cs]\ndotnet_diagnostic.SOCK010.severity = error\n");
            tree.Write("Client.cs", Sources.DiscardedReceive);

            var run = await Cli.RunAsync(tree, "scan", ".", "--severity", "error");

            Assert.True(run.ExitCode == 1, run.ToString());
            Assert.Contains("Client.cs(10,13): error SOCK010:", run.Stdout);
        }

        [Fact]
        public async Task Editorconfig_none_silences_a_rule_in_its_section_only()
        {
            using var tree = new TempTree();
            tree.Write(".editorconfig", "root = true\n[legacy/**.cs]\ndotnet_diagnostic.SOCK010.severity = none\n");
            tree.Write("legacy/Old.cs", Sources.DiscardedReceive);
            tree.Write("current/New.cs", Sources.DiscardedReceive.Replace("class Client", "class Client2"));

            var run = await Cli.RunAsync(tree, "scan", ".");

            Assert.Equal(1, run.ExitCode);
            Assert.Contains("New.cs(10,13): warning SOCK010", run.Stdout);
            Assert.DoesNotContain("Old.cs(", run.Stdout);
        }

        [Fact]
        public async Task Pragma_warning_disable_is_honoured()
        {
            using var tree = new TempTree();
            tree.Write("Client.cs", Sources.DiscardedReceive.Replace("socket.Receive(buffer);", "#pragma warning disable SOCK010\n socket.Receive(buffer);"));

            var run = await Cli.RunAsync(tree, "scan", ".");

            Assert.True(run.ExitCode == 0, run.ToString());
        }
    }
}
