using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace SocketAnalyzers.Package.Tests
{
    /// <summary>
    /// The package in a real editor's engine: csharp-ls (a Roslyn language server for Neovim, Emacs, Helix and others),
    /// installed as a local dotnet tool from the manifest in <c>tests/SocketAnalyzers.Package.Tests/Editor/</c>, opens a
    /// consumer project that references the packed nupkg, with <c>csharp.analyzersEnabled</c>, and is driven over the
    /// Language Server Protocol like an editor would: the SOCK diagnostics are published on open with the right ranges
    /// and help links, and an edit that introduces a misuse gets its diagnostic. Same fixture (one pack) as the other
    /// package tests.
    /// </summary>
    public sealed partial class PackageTests
    {
        private const string EditorProject = "Editor";

        /// <summary>The whole conversation, loading the project included, must end within this (a loaded 2-core machine is slow).</summary>
        private static readonly TimeSpan EditorBudget = TimeSpan.FromSeconds(240);

        private const string ListenWithoutBind = """
                    using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                    listener.Listen();

            """;

        [Fact]
        public async Task Csharp_ls_publishes_SOCK_diagnostics_on_open_and_after_an_edit()
        {
            var build = package.BuildConsumer(EditorProject, DiscardedReceive);
            AssertClean(build);
            Assert.True(build.ExitCode == 0, build.ToString());
            var project = Path.Combine(package.Consumers, EditorProject);

            // The tool manifest the repository keeps, installed into the consumer folder as a user would.
            var manifest = Path.Combine(package.Source, "tests", "SocketAnalyzers.Package.Tests", "Editor", "dotnet-tools.json");
            File.Copy(manifest, Path.Combine(project, "dotnet-tools.json"));
            // A private CLI home: the SDK remembers where it found a local tool (~/.dotnet/toolResolverCache) and does not
            // look again when that folder is gone, so a second run on the same machine, whose private NUGET_PACKAGES is
            // another temporary folder, would be told to restore a tool it has just restored. The user's NuGet.Config
            // comes along, so the tool restores from the same sources.
            var cliHome = Path.Combine(package.Consumers, "cli-home");
            var userConfig = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "NuGet", "NuGet.Config");
            if (File.Exists(userConfig))
            {
                Directory.CreateDirectory(Path.Combine(cliHome, ".nuget", "NuGet"));
                File.Copy(userConfig, Path.Combine(cliHome, ".nuget", "NuGet", "NuGet.Config"));
            }

            var cliEnvironment = new Dictionary<string, string> { ["DOTNET_CLI_HOME"] = cliHome };
            var restore = package.RunDotnet(project, TimeSpan.FromMinutes(4), cliEnvironment, "tool", "restore");
            Assert.True(restore.ExitCode == 0, "dotnet tool restore failed:\n" + restore);
            Assert.Contains("csharp-ls", restore.Output, StringComparison.Ordinal);

            var programPath = Path.Combine(project, "Program.cs");
            var uri = new Uri(programPath).AbsoluteUri;
            var text = File.ReadAllText(programPath);
            var started = DateTime.UtcNow;
            var deadline = started + EditorBudget;
            var environment = new Dictionary<string, string>
            {
                ["NUGET_PACKAGES"] = package.Packages,
                ["MSBUILDDISABLENODEREUSE"] = "1",
                ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
                ["DOTNET_NOLOGO"] = "1",
                ["DOTNET_CLI_UI_LANGUAGE"] = "en",
                ["DOTNET_CLI_HOME"] = cliHome,
            };
            using var server = LspClient.Start(
                "dotnet",
                new[] { "tool", "run", "csharp-ls", "--", "--loglevel", "info" },
                project,
                environment,
                section => section == "csharp" ? new JsonObject { ["analyzersEnabled"] = true } : null);
            try
            {
                await server.RequestAsync(
                    "initialize",
                    new JsonObject
                    {
                        ["processId"] = Environment.ProcessId,
                        ["rootUri"] = new Uri(project + Path.DirectorySeparatorChar).AbsoluteUri,
                        ["workspaceFolders"] = new JsonArray { new JsonObject { ["uri"] = new Uri(project + Path.DirectorySeparatorChar).AbsoluteUri, ["name"] = EditorProject } },
                        ["capabilities"] = new JsonObject
                        {
                            ["workspace"] = new JsonObject { ["configuration"] = true, ["workspaceFolders"] = true },
                            // No textDocument.diagnostic: a client without pull diagnostics gets them pushed.
                            ["textDocument"] = new JsonObject
                            {
                                ["synchronization"] = new JsonObject { ["didSave"] = true },
                                ["publishDiagnostics"] = new JsonObject { ["versionSupport"] = true, ["codeDescriptionSupport"] = true },
                            },
                        },
                    },
                    deadline - DateTime.UtcNow);
                await server.NotifyAsync("initialized", new JsonObject());
                await server.NotifyAsync("workspace/didChangeConfiguration", new JsonObject { ["settings"] = new JsonObject { ["csharp"] = new JsonObject { ["analyzersEnabled"] = true } } });

                var opened = DateTime.UtcNow;
                await server.NotifyAsync("textDocument/didOpen", new JsonObject
                {
                    ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "csharp", ["version"] = 1, ["text"] = text },
                });

                var onOpen = await server.WaitForDiagnosticsAsync(uri, opened, d => Sock(d, "SOCK010").Any(), deadline);
                Assert.True(onOpen is not null, $"No SOCK010 published for Program.cs within {EditorBudget.TotalSeconds} s of starting csharp-ls.\n{server.Transcript}");
                var receive = Sock(onOpen!.Value.Diagnostics, "SOCK010").ToList();
                Assert.True(receive.Count == 1, "Expected one SOCK010:\n" + onOpen.Value.Diagnostics.ToJsonString());
                AssertRange(receive[0], text, "socket.Receive(buffer)");
                Assert.Equal(HelpLink, receive[0]["codeDescription"]?["href"]?.GetValue<string>());
                Assert.Equal(2, receive[0]["severity"]?.GetValue<int>()); // Warning
                output.WriteLine($"csharp-ls: SOCK010 published {(onOpen.Value.At - opened).TotalSeconds:0.0} s after didOpen ({(onOpen.Value.At - started).TotalSeconds:0.0} s after start, load included).");

                // What the README says of csharp-ls: it offers none of the package's fixes (it loads code fixes from
                // Roslyn's own assemblies only), so users fix through dotnet format or the scanner.
                var actions = await server.RequestAsync(
                    "textDocument/codeAction",
                    new JsonObject
                    {
                        ["textDocument"] = new JsonObject { ["uri"] = uri },
                        ["range"] = receive[0]["range"]!.DeepClone(),
                        ["context"] = new JsonObject { ["diagnostics"] = new JsonArray { receive[0].DeepClone() } },
                    },
                    deadline - DateTime.UtcNow);
                var titles = (actions as JsonArray ?? new JsonArray()).Select(a => a?["title"]?.ToString() ?? string.Empty).ToList();
                output.WriteLine("csharp-ls code actions at the SOCK010: " + string.Join(" | ", titles));
                Assert.DoesNotContain(titles, t => t.StartsWith("Capture the count", StringComparison.Ordinal) || t.StartsWith("Read exactly", StringComparison.Ordinal));

                // The user types a misuse: a socket that listens without Bind.
                var anchor = "        socket.Receive(buffer);\n";
                var edited = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace(anchor, anchor + ListenWithoutBind, StringComparison.Ordinal);
                Assert.NotEqual(text.Replace("\r\n", "\n", StringComparison.Ordinal), edited);
                var changed = DateTime.UtcNow;
                await server.NotifyAsync("textDocument/didChange", new JsonObject
                {
                    ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = 2 },
                    ["contentChanges"] = new JsonArray { new JsonObject { ["text"] = edited } },
                });

                var afterEdit = await server.WaitForDiagnosticsAsync(uri, changed, d => Sock(d, "SOCK001").Any(), deadline);
                Assert.True(afterEdit is not null, $"No SOCK001 published after the edit within the {EditorBudget.TotalSeconds} s budget.\n{server.Transcript}");
                var listen = Sock(afterEdit!.Value.Diagnostics, "SOCK001").ToList();
                Assert.True(listen.Count == 1, "Expected one SOCK001:\n" + afterEdit.Value.Diagnostics.ToJsonString());
                AssertRange(listen[0], edited, "listener.Listen()");
                Assert.Equal(HelpLink.Replace("SOCK010", "SOCK001", StringComparison.Ordinal), listen[0]["codeDescription"]?["href"]?.GetValue<string>());
                var stillThere = Sock(afterEdit.Value.Diagnostics, "SOCK010").ToList();
                Assert.True(stillThere.Count == 1, "The SOCK010 before the edit should still be published:\n" + afterEdit.Value.Diagnostics.ToJsonString());
                AssertRange(stillThere[0], edited, "socket.Receive(buffer)");
                output.WriteLine($"csharp-ls: SOCK001 published {(afterEdit.Value.At - changed).TotalSeconds:0.00} s after didChange.");
            }
            catch
            {
                output.WriteLine(server.Transcript);
                throw;
            }
        }

        private static IEnumerable<JsonNode> Sock(JsonArray diagnostics, string id)
            => diagnostics.Where(d => d?["code"]?.ToString() == id).Select(d => d!);

        /// <summary>The diagnostic's LSP range is exactly the (single, unique) occurrence of <paramref name="code"/> in <paramref name="text"/>.</summary>
        private static void AssertRange(JsonNode diagnostic, string text, string code)
        {
            var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
            var found = lines.Select((l, i) => (Line: i, Column: l.IndexOf(code, StringComparison.Ordinal))).Where(p => p.Column >= 0).ToList();
            Assert.True(found.Count == 1, $"'{code}' should occur once in the test code.");
            var (line, column) = found[0];
            var range = diagnostic["range"]!;
            var actual = (range["start"]!["line"]!.GetValue<int>(), range["start"]!["character"]!.GetValue<int>(), range["end"]!["line"]!.GetValue<int>(), range["end"]!["character"]!.GetValue<int>());
            Assert.True(actual == (line, column, line, column + code.Length), $"Range of {diagnostic["code"]}: expected {line}:{column}-{line}:{column + code.Length} ('{code}'), got {range.ToJsonString()}");
        }
    }
}
