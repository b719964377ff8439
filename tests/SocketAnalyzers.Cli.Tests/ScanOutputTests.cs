using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace SocketAnalyzers.Cli.Tests
{
    public sealed class ScanOutputTests
    {
        private const string HelpLink = "https://github.com/socketanalyzers/SocketAnalyzers/blob/main/docs/rules/SOCK010.md";

        [Fact]
        public async Task Text_prints_each_finding_in_the_compiler_format_with_its_help_link_then_a_summary()
        {
            using var tree = new TempTree();
            tree.Write("src/Client.cs", Sources.DiscardedReceive);
            tree.Write("src/Reader.cs", Sources.CountedReceive);

            var run = await Cli.RunAsync(tree, "scan", "src");

            Assert.Equal(1, run.ExitCode);
            var lines = run.Stdout.Split('\n');
            var expectedPath = Path.Combine("src", "Client.cs");
            Assert.Equal(
                $"{expectedPath}(10,13): warning SOCK010: The number of bytes Socket.Receive placed in the buffer is discarded; it may be fewer than asked, or 0 when the peer closed. Use the count, or read exactly. [{HelpLink}]",
                lines[0]);
            Assert.Contains(lines, l => l.StartsWith("SOCK010 ") && l.Contains(" 1  The byte count of a network read is discarded"));
            Assert.Contains("2 files read, 1 finding.", run.Stdout);
            Assert.DoesNotContain("Reader.cs(", run.Stdout);
        }

        [Fact]
        public async Task Text_names_the_wire_byte_order_option_for_files_where_SOCK020_and_SOCK021_both_fire()
        {
            using var tree = new TempTree();
            tree.Write("src/Framing.cs", Sources.HostOrderFraming);
            tree.Write("src/Client.cs", Sources.DiscardedReceive);

            var run = await Cli.RunAsync(tree, "scan", "src");

            Assert.Equal(1, run.ExitCode);
            Assert.Contains("SOCK020 ", run.Stdout);
            Assert.Contains("SOCK021 ", run.Stdout);
            var hint = Assert.Single(run.Stdout.Split('\n'), l => l.StartsWith("SOCK020 and SOCK021 both fire in "));
            Assert.Contains(Path.Combine("src", "Framing.cs"), hint);
            Assert.DoesNotContain("Client.cs", hint);
            Assert.Contains("socket_analyzers.wire_byte_order = little_endian", hint);
        }

        [Fact]
        public async Task Text_gives_no_byte_order_hint_without_both_rules_in_one_file()
        {
            using var tree = new TempTree();
            tree.Write("src/Client.cs", Sources.DiscardedReceive);

            var run = await Cli.RunAsync(tree, "scan", "src");

            Assert.DoesNotContain("wire_byte_order", run.Stdout);
        }

        [Fact]
        public async Task Clean_code_exits_zero_and_says_so()
        {
            using var tree = new TempTree();
            tree.Write("Reader.cs", Sources.CountedReceive);
            tree.Write("Maths.cs", Sources.NoSockets);

            var run = await Cli.RunAsync(tree, "scan", ".");

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Contains("2 files read", run.Stdout);
            Assert.Contains("no findings", run.Stdout);
            Assert.DoesNotContain("SOCK010", run.Stdout);
        }

        [Fact]
        public async Task Json_has_the_documented_schema()
        {
            using var tree = new TempTree();
            tree.Write("src/Client.cs", Sources.DiscardedReceive);
            tree.Write("src/Maths.cs", Sources.NoSockets);

            var run = await Cli.RunAsync(tree, "scan", "src", "--format", "json");

            Assert.Equal(1, run.ExitCode);
            using var json = JsonDocument.Parse(run.Stdout);
            var root = json.RootElement;
            Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
            Assert.Equal("socketanalyzers", root.GetProperty("tool").GetProperty("name").GetString());
            Assert.Equal("warning", root.GetProperty("severityThreshold").GetString());
            Assert.Equal(2, root.GetProperty("filesRead").GetInt32());
            Assert.Equal(1, root.GetProperty("filesAnalyzed").GetInt32());
            Assert.Equal(0, root.GetProperty("compilerErrors").GetInt32());
            Assert.Equal(JsonValueKind.Null, root.GetProperty("fixes").ValueKind);
            var finding = Assert.Single(root.GetProperty("findings").EnumerateArray());
            Assert.Equal("SOCK010", finding.GetProperty("ruleId").GetString());
            Assert.Equal("warning", finding.GetProperty("severity").GetString());
            Assert.Equal("src/Client.cs", finding.GetProperty("path").GetString());
            Assert.Equal(10, finding.GetProperty("line").GetInt32());
            Assert.Equal(13, finding.GetProperty("column").GetInt32());
            Assert.Equal(10, finding.GetProperty("endLine").GetInt32());
            Assert.Equal(35, finding.GetProperty("endColumn").GetInt32());
            Assert.Equal(HelpLink, finding.GetProperty("helpUri").GetString());
            Assert.StartsWith("The number of bytes Socket.Receive placed", finding.GetProperty("message").GetString());
            var summary = Assert.Single(root.GetProperty("summary").EnumerateArray());
            Assert.Equal("SOCK010", summary.GetProperty("ruleId").GetString());
            Assert.Equal(1, summary.GetProperty("count").GetInt32());
        }

        [Fact]
        public async Task Sarif_has_every_field_the_2_1_0_schema_requires_and_points_at_the_rule()
        {
            using var tree = new TempTree();
            tree.Write("src/My Client.cs", Sources.DiscardedReceive);

            var run = await Cli.RunAsync(tree, "scan", "src", "--format", "sarif");

            Assert.Equal(1, run.ExitCode);
            using var json = JsonDocument.Parse(run.Stdout);
            var root = json.RootElement;
            Assert.Contains("sarif-2.1.0", root.GetProperty("$schema").GetString());
            Assert.Equal("2.1.0", root.GetProperty("version").GetString());
            var sarifRun = Assert.Single(root.GetProperty("runs").EnumerateArray());
            var driver = sarifRun.GetProperty("tool").GetProperty("driver");
            Assert.False(string.IsNullOrEmpty(driver.GetProperty("name").GetString()));
            Assert.StartsWith("https://", driver.GetProperty("informationUri").GetString());
            var rules = driver.GetProperty("rules").EnumerateArray().ToList();
            Assert.NotEmpty(rules);
            foreach (var rule in rules)
            {
                Assert.Matches("^SOCK[0-9]{3}$", rule.GetProperty("id").GetString());
                Assert.False(string.IsNullOrEmpty(rule.GetProperty("shortDescription").GetProperty("text").GetString()));
                Assert.EndsWith(rule.GetProperty("id").GetString() + ".md", rule.GetProperty("helpUri").GetString());
                Assert.Contains(rule.GetProperty("defaultConfiguration").GetProperty("level").GetString(), new[] { "none", "note", "warning", "error" });
            }

            var result = Assert.Single(sarifRun.GetProperty("results").EnumerateArray());
            Assert.Equal("SOCK010", result.GetProperty("ruleId").GetString());
            Assert.Equal("SOCK010", rules[result.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString());
            Assert.Equal("warning", result.GetProperty("level").GetString());
            Assert.StartsWith("The number of bytes Socket.Receive", result.GetProperty("message").GetProperty("text").GetString());
            var location = Assert.Single(result.GetProperty("locations").EnumerateArray()).GetProperty("physicalLocation");
            Assert.Equal("src/My%20Client.cs", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
            Assert.Equal("%SRCROOT%", location.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
            var region = location.GetProperty("region");
            Assert.Equal(10, region.GetProperty("startLine").GetInt32());
            Assert.Equal(13, region.GetProperty("startColumn").GetInt32());
            Assert.Equal(10, region.GetProperty("endLine").GetInt32());
            Assert.Equal(35, region.GetProperty("endColumn").GetInt32());
            var srcRoot = sarifRun.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString();
            Assert.StartsWith("file:///", srcRoot);
            Assert.EndsWith("/", srcRoot);
        }

        [Fact]
        public async Task Output_option_writes_the_report_to_a_file_and_leaves_stdout_empty()
        {
            using var tree = new TempTree();
            tree.Write("src/Client.cs", Sources.DiscardedReceive);

            var run = await Cli.RunAsync(tree, "scan", "src", "--format=sarif", "--output", "out/report.sarif");

            Assert.Equal(1, run.ExitCode);
            Assert.Equal(string.Empty, run.Stdout);
            using var json = JsonDocument.Parse(File.ReadAllText(tree.PathOf("out/report.sarif")));
            Assert.Single(json.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray());
            Assert.Contains("report written to", run.Stderr);
        }

        [Fact]
        public async Task Paths_outside_the_current_directory_are_printed_in_full()
        {
            using var tree = new TempTree();
            using var elsewhere = new TempTree();
            var file = elsewhere.Write("Client.cs", Sources.DiscardedReceive);

            var run = await Cli.RunAsync(tree, "scan", file);

            Assert.StartsWith(file + "(10,13): warning SOCK010", run.Stdout);
        }

        [Fact]
        public async Task Rules_command_lists_every_rule_with_its_help_link()
        {
            var run = await Cli.RunWithAsync(null, null, null, "rules");

            Assert.Equal(0, run.ExitCode);
            Assert.Contains("SOCK010  warning  The byte count of a network read is discarded  " + HelpLink, run.Stdout);
        }

        [Fact]
        public async Task Progress_goes_to_stderr_and_never_to_the_report()
        {
            using var tree = new TempTree();
            tree.Write("Client.cs", Sources.DiscardedReceive);
            var stdout = new StringWriter();
            var stderr = new StringWriter();

            var exit = await Program.RunAsync(new[] { "scan", ".", "--format", "json" }, stdout, stderr, AnalyzerCatalog.Default, o =>
            {
                o.BaseDirectory = tree.Root;
                o.ProgressDelay = System.TimeSpan.Zero;
            });

            Assert.Equal(1, exit);
            Assert.Contains("socketanalyzers: ", stderr.ToString());
            using var json = JsonDocument.Parse(stdout.ToString());
            Assert.Equal(1, json.RootElement.GetProperty("findings").GetArrayLength());
        }
    }
}
