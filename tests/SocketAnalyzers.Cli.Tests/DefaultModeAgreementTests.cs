using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace SocketAnalyzers.Cli.Tests
{
    /// <summary>
    /// The default mode binds only the files that can hold a finding and analyzes them one tree at a time (the same
    /// per-document, span-based analysis an IDE does). It must find exactly what <c>--all-files</c> (the whole
    /// compilation at once, as <c>dotnet build</c> does) finds: a rule that reports away from the operation it
    /// analyzes would lose its findings in per-tree analysis.
    /// </summary>
    public sealed class DefaultModeAgreementTests
    {
        [Fact]
        public async Task Default_mode_finds_exactly_what_all_files_finds_on_the_samples_beside_a_file_without_sockets()
        {
            using var tree = new TempTree();
            var samples = Path.Combine(RepositoryRoot(), "samples");
            foreach (var file in Directory.EnumerateFiles(samples, "*.cs", SearchOption.AllDirectories))
            {
                tree.Write(Path.GetRelativePath(samples, file).Replace('\\', '/'), File.ReadAllText(file));
            }

            tree.Write("Text/Words.cs", """
                namespace Text
                {
                    public static class Words
                    {
                        public static int Count(string text)
                        {
                            var count = 0;
                            foreach (var part in text.Split(' '))
                            {
                                if (part.Length > 0)
                                {
                                    count++;
                                }
                            }

                            return count;
                        }
                    }
                }
                """);

            var byDefault = await FindingsAsync(tree);
            var allFiles = await FindingsAsync(tree, "--all-files");

            Assert.NotEmpty(allFiles);
            Assert.Contains(allFiles, f => f.StartsWith("SOCK012 ", StringComparison.Ordinal));
            Assert.Equal(allFiles, byDefault);
        }

        [Fact]
        public async Task Both_modes_report_a_field_finding_in_the_part_of_a_partial_class_that_names_no_network_type()
        {
            // The field and its type are in one file; the accept is in another that names no network type, so only the
            // class summary (a symbol-end action, over every part) can report it.
            using var tree = new TempTree();
            tree.Write("Server.Field.cs", """
                using System.Net;
                using System.Net.Sockets;

                public sealed partial class Server
                {
                    private readonly TcpListener listener = new TcpListener(IPAddress.Loopback, 0);
                }
                """);
            tree.Write("Server.Accept.cs", """
                public sealed partial class Server
                {
                    public object Next() => listener.AcceptTcpClient();
                }
                """);

            var expected = new List<string> { "SOCK002 Server.Accept.cs:3:29" };
            Assert.Equal(expected, await FindingsAsync(tree));
            Assert.Equal(expected, await FindingsAsync(tree, "--all-files"));
        }

        [Fact]
        public async Task Cross_class_byte_order_findings_reported_at_compilation_end_appear_in_both_modes()
        {
            // The packet builder has no socket at all; only its sender, in another file, sends its bytes. The finding is
            // made at the end of the compilation (issue 9), so the default mode must analyze the whole compilation.
            using var tree = new TempTree();
            tree.Write("Protocol/Packet.cs", """
                using System;
                using System.Collections.Generic;

                namespace Protocol
                {
                    public sealed class Packet
                    {
                        private readonly List<byte> buffer = new List<byte>();

                        public void Write(int value) => buffer.AddRange(BitConverter.GetBytes(value));

                        public byte[] ToArray() => buffer.ToArray();
                    }
                }
                """);
            tree.Write("Net/Sender.cs", """
                using System.Net.Sockets;
                using Protocol;

                namespace Net
                {
                    public static class Sender
                    {
                        public static void Send(NetworkStream stream, int id)
                        {
                            var packet = new Packet();
                            packet.Write(id);
                            stream.Write(packet.ToArray());
                        }
                    }
                }
                """);
            tree.Write("Text/Words.cs", Sources.NoSockets);

            var byDefault = await FindingsAsync(tree);
            var allFiles = await FindingsAsync(tree, "--all-files");

            Assert.Equal(new[] { "SOCK020 Protocol/Packet.cs:10:57" }, allFiles);
            Assert.Equal(allFiles, byDefault);
        }

        [Fact]
        public async Task A_project_that_names_a_host_order_API_is_analyzed_whole_in_default_mode_and_one_that_does_not_keeps_the_file_filter()
        {
            // SOCK020/SOCK021 register their compilation-end action only where a file names a host-order API
            // (HostOrderGate): there the default mode must analyze every file, elsewhere it may still skip files.
            using var withHostOrder = new TempTree();
            withHostOrder.Write("Client.cs", Sources.DiscardedReceive);
            withHostOrder.Write("Codec.cs", "public static class Codec { public static byte[] Encode(int v) => System.BitConverter.GetBytes(v); }");
            withHostOrder.Write("Maths.cs", Sources.NoSockets);
            using var without = new TempTree();
            without.Write("Client.cs", Sources.DiscardedReceive);
            without.Write("Maths.cs", Sources.NoSockets);

            Assert.Equal(3, await FilesAnalyzedAsync(withHostOrder));
            Assert.Equal(1, await FilesAnalyzedAsync(without));
        }

        private static async Task<int> FilesAnalyzedAsync(TempTree tree)
        {
            var run = await Cli.RunAsync(tree, "scan", ".", "--format", "json");
            Assert.True(run.ExitCode == 1, run.ToString());
            using var json = JsonDocument.Parse(run.Stdout);
            return json.RootElement.GetProperty("filesAnalyzed").GetInt32();
        }

        private static async Task<List<string>> FindingsAsync(TempTree tree, params string[] extra)
        {
            var run = await Cli.RunAsync(tree, new[] { "scan", ".", "--format", "json" }.Concat(extra).ToArray());
            Assert.True(run.ExitCode == 1, run.ToString());
            using var json = JsonDocument.Parse(run.Stdout);
            var findings = new List<string>();
            foreach (var finding in json.RootElement.GetProperty("findings").EnumerateArray())
            {
                findings.Add($"{finding.GetProperty("ruleId").GetString()} {finding.GetProperty("path").GetString()}:{finding.GetProperty("line").GetInt32()}:{finding.GetProperty("column").GetInt32()}");
            }

            findings.Sort(StringComparer.Ordinal);
            return findings;
        }

        private static string RepositoryRoot()
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SocketAnalyzers.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("SocketAnalyzers.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
