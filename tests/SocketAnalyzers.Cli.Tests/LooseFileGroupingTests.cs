using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace SocketAnalyzers.Cli.Tests
{
    /// <summary>
    /// Files under no .csproj are one compilation per scanned folder unless they declare a type twice: then they are
    /// split along the folder tree, so that two apps side by side (each with its own <c>Frame</c>) do not make every
    /// member of that type ambiguous, which leaves nothing bound and every rule silent.
    /// </summary>
    public sealed class LooseFileGroupingTests
    {
        /// <summary>Writes a host-order int into a list of bytes: SOCK020 at line 8, column 50, once the list is sent.</summary>
        private const string Frame = """
            using System;
            using System.Collections.Generic;

            public class Frame
            {
                private readonly List<byte> bytes = new List<byte>();

                public void Put(int value) => bytes.AddRange(BitConverter.GetBytes(value));

                public byte[] ToArray() => bytes.ToArray();
            }
            """;

        /// <summary>Sends a <see cref="Frame"/>'s bytes on a NetworkStream (the finding is in Frame.cs).</summary>
        private const string Link = """
            using System.Net.Sockets;

            public class Link
            {
                private readonly NetworkStream stream;

                public Link(NetworkStream stream) => this.stream = stream;

                public void Send(int value)
                {
                    var frame = new Frame();
                    frame.Put(value);
                    var data = frame.ToArray();
                    stream.Write(data, 0, data.Length);
                }
            }
            """;

        /// <summary>Names no network type: the default mode does not analyze it, but it is part of its app.</summary>
        private const string Settings = """
            public static class Settings
            {
                public static int Port = 5000;
            }
            """;

        private const string Program = """
            public static class Program
            {
                public static void Main()
                {
                    System.Console.WriteLine(Settings.Port);
                }
            }
            """;

        [Fact]
        public async Task Two_sibling_loose_apps_that_declare_the_same_types_each_report_their_finding()
        {
            using var tree = new TempTree();
            foreach (var app in new[] { "ClientApp", "ServerApp" })
            {
                tree.Write(app + "/Frame.cs", Frame);
                tree.Write(app + "/Link.cs", Link);
            }

            var scan = await ScanAsync(tree);

            Assert.Equal(new[] { "SOCK020 ClientApp/Frame.cs:8:50", "SOCK020 ServerApp/Frame.cs:8:50" }, scan.Findings);
            Assert.Equal(2, scan.Projects);
            Assert.Equal(0, scan.CompilerErrors);
        }

        [Fact]
        public async Task One_loose_app_spread_over_folders_stays_one_project_so_its_types_bind_across_folders()
        {
            using var tree = new TempTree();
            tree.Write("Program.cs", Program);
            tree.Write("Config/Settings.cs", Settings);
            tree.Write("Models/Frame.cs", Frame);
            tree.Write("Net/Link.cs", Link);

            var scan = await ScanAsync(tree);

            // Frame's bytes are sent by Link, in another folder: the finding needs both in one compilation.
            Assert.Equal(new[] { "SOCK020 Models/Frame.cs:8:50" }, scan.Findings);
            Assert.Equal(1, scan.Projects);
            Assert.Equal(0, scan.CompilerErrors);
        }

        [Fact]
        public async Task An_app_beside_an_older_copy_of_itself_keeps_its_subfolders_and_the_copy_becomes_its_own_project()
        {
            using var tree = new TempTree();
            tree.Write("Program.cs", Program);
            tree.Write("Config/Settings.cs", Settings);
            tree.Write("Models/Frame.cs", Frame);
            tree.Write("Net/Link.cs", Link);
            tree.Write("Backup/Program.cs", Program);
            tree.Write("Backup/Settings.cs", Settings);
            tree.Write("Backup/Frame.cs", Frame);
            tree.Write("Backup/Link.cs", Link);

            var scan = await ScanAsync(tree);

            Assert.Equal(new[] { "SOCK020 Backup/Frame.cs:8:50", "SOCK020 Models/Frame.cs:8:50" }, scan.Findings);
            Assert.Equal(2, scan.Projects);
            Assert.Equal(0, scan.CompilerErrors);
        }

        [Fact]
        public async Task Loose_apps_beside_a_csproj_are_split_from_each_other_and_the_project_keeps_its_own_files()
        {
            using var tree = new TempTree();
            tree.Write("Server/Server.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");
            tree.Write("Server/Frame.cs", Frame);
            tree.Write("Server/Link.cs", Link);
            foreach (var app in new[] { "Clients/Console", "Clients/Game/Assets/Scripts" })
            {
                tree.Write(app + "/Frame.cs", Frame);
                tree.Write(app + "/Link.cs", Link);
            }

            var scan = await ScanAsync(tree);

            Assert.Equal(
                new[] { "SOCK020 Clients/Console/Frame.cs:8:50", "SOCK020 Clients/Game/Assets/Scripts/Frame.cs:8:50", "SOCK020 Server/Frame.cs:8:50" },
                scan.Findings);
            Assert.Equal(3, scan.Projects);
            Assert.Equal(0, scan.CompilerErrors);
        }

        [Fact]
        public async Task Loose_files_that_clash_only_in_a_file_without_network_types_are_split_the_same_way_in_both_modes()
        {
            using var tree = new TempTree();
            // The apps share only Settings (and Program), which name no network type: the default mode analyzes
            // neither, yet the split must see them, or one mode would compile an ambiguous Settings and the other not.
            tree.Write("Day1/Program.cs", Program);
            tree.Write("Day1/Settings.cs", Settings);
            tree.Write("Day1/Frame.cs", Frame);
            tree.Write("Day1/Link.cs", Link);
            tree.Write("Day2/Program.cs", Program);
            tree.Write("Day2/Settings.cs", Settings);
            tree.Write("Day2/Packet.cs", Frame.Replace("Frame", "Packet", StringComparison.Ordinal));
            tree.Write("Day2/Sender.cs", Link.Replace("Frame", "Packet", StringComparison.Ordinal).Replace("Link", "Sender", StringComparison.Ordinal));

            var byDefault = await ScanAsync(tree);
            var allFiles = await ScanAsync(tree, "--all-files");

            Assert.Equal(new[] { "SOCK020 Day1/Frame.cs:8:50", "SOCK020 Day2/Packet.cs:8:50" }, allFiles.Findings);
            Assert.Equal(allFiles.Findings, byDefault.Findings);
            Assert.Equal(2, byDefault.Projects);
            Assert.Equal(2, allFiles.Projects);
            Assert.Equal(0, byDefault.CompilerErrors);
            Assert.Equal(0, allFiles.CompilerErrors);
        }

        [Fact]
        public async Task Partial_classes_spread_over_folders_stay_one_project_and_two_copies_of_one_are_split()
        {
            using var tree = new TempTree();
            var fields = "public partial class Link { private int sent; }";
            tree.Write("App/Link.cs", Link.Replace("public class Link", "public partial class Link", StringComparison.Ordinal));
            tree.Write("App/Parts/Link.Fields.cs", fields);
            tree.Write("App/Models/Frame.cs", Frame);
            tree.Write("Copy/Link.cs", Link.Replace("public class Link", "public partial class Link", StringComparison.Ordinal));
            tree.Write("Copy/Link.Fields.cs", fields);
            tree.Write("Copy/Frame.cs", Frame);

            var scan = await ScanAsync(tree);

            Assert.Equal(new[] { "SOCK020 App/Models/Frame.cs:8:50", "SOCK020 Copy/Frame.cs:8:50" }, scan.Findings);
            Assert.Equal(2, scan.Projects);
            Assert.Equal(0, scan.CompilerErrors);
        }

        private static async Task<(List<string> Findings, int Projects, int CompilerErrors)> ScanAsync(TempTree tree, params string[] extra)
        {
            var run = await Cli.RunAsync(tree, new[] { "scan", ".", "--format", "json" }.Concat(extra).ToArray());
            Assert.True(run.ExitCode is 0 or 1, run.ToString());
            using var json = JsonDocument.Parse(run.Stdout);
            var root = json.RootElement;
            var findings = new List<string>();
            foreach (var finding in root.GetProperty("findings").EnumerateArray())
            {
                findings.Add($"{finding.GetProperty("ruleId").GetString()} {finding.GetProperty("path").GetString()}:{finding.GetProperty("line").GetInt32()}:{finding.GetProperty("column").GetInt32()}");
            }

            findings.Sort(StringComparer.Ordinal);
            return (findings, root.GetProperty("projects").GetInt32(), root.GetProperty("compilerErrors").GetInt32());
        }
    }
}
