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
