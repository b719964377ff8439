using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Xunit;

namespace SocketAnalyzers.Package.Tests
{
    /// <summary>
    /// <c>dotnet format analyzers</c>, the way CI and the command line apply fixes, over the samples (and inputs where
    /// findings meet or a rule's fix has several shapes) installed from the packed nupkg: one run clears every finding
    /// of every rule that has a fix, except those its rule page lists as not fixed; the result builds; no SOCK finding
    /// appears that was not there; a second run changes nothing. Same fixture (one pack) as the other package tests.
    /// </summary>
    public sealed partial class PackageTests
    {
        private const string FormatProject = "Format";

        /// <summary>
        /// The findings one run of <c>dotnet format</c> must leave, each with the words of its rule page's "Not fixed
        /// automatically" list that say why. Nothing else may remain, and each of these must remain (so the list stays true).
        /// </summary>
        private static readonly (string File, string Id, string PageSays)[] NotFixed =
        {
            // server.Listen() with no Bind anywhere: no port to invent.
            ("samples/Readme/ReadmeExample.cs", "SOCK001", "no `Bind` of the socket later in the same block"),
            // Dns.GetHostAddresses(host)[0] kept in a local, then connected to: the fix edits only an address at the call.
            ("samples/Addressing/AddressFamilyMismatch.cs", "SOCK030", "The wrong address held in a local"),
            // A listening field read in another method (the class summary): there is no Accept to take the socket from.
            ("samples/Lifecycle/FieldsAcrossMethods.cs", "SOCK003", "no `Accept` of that socket earlier in the same block"),
            // ...and its APM form: the callback ends the receive on the listener; the result's socket is the Begin's business.
            ("samples/Lifecycle/FieldsAcrossMethods.cs", "SOCK003", "An `End…` in a callback on the listening field"),
            // A field's Listen that no method of the class binds first: no address or port to invent.
            ("samples/Lifecycle/ListenOnUnboundField.cs", "SOCK001", "no `Bind` of the socket later in the same block"),
            // A ReadAsync nobody awaits in a method that is not async: awaiting it would change the method's signature.
            ("samples/Reads/DiscardedReadCount.cs", "SOCK010", "A read nobody awaits in a method, lambda or local function that is not `async`"),
            // A Socket's ReceiveAsync whose status word is then decoded, in a project without SocketAnalyzers.Runtime: the
            // capture would still decode a short read, and there is no exact form to bind.
            ("samples/Reads/DiscardedReadCount.cs", "SOCK010", "A read whose buffer is decoded as a number afterwards, or read by a constant index"),
            // ...and the decode itself, which only the exact read fixes.
            ("samples/Reads/DiscardedReadCount.cs", "SOCK012", "A decode of a number"),
            // The SOCKS5 probe's reply[1] after a Socket receive whose count is dropped: no exact Socket receive binds without
            // SocketAnalyzers.Runtime, a stop at 0 would still read a short reply's second byte, and an index says no length.
            ("samples/Reads/DiscardedReceiveCount.cs", "SOCK010", "A read whose buffer is decoded as a number afterwards, or read by a constant index"),
            ("samples/Reads/DiscardedReceiveCount.cs", "SOCK012", "An element read by a constant index"),
            // A whole chunk copied into an assembled image: copying only the count would leave zeros; the offset has to move.
            ("samples/Reads/WholeBufferConsumed.cs", "SOCK012", "A whole copy into an assembled message"),
            // A loop that reads only when data waits: its read never returns 0, so a stop at 0 would not help.
            ("samples/Reads/ReadLoopSpinsOnClose.cs", "SOCK011", "A loop that polls"),
            // A poll that also tests the count: the test is never true, and the read is never reached once the client has closed.
            ("samples/Reads/ReadLoopSpinsOnClose.cs", "SOCK011", "A loop that polls"),
            // The same poll around ReadExactlyAsync: never reached once the client has closed.
            ("samples/Reads/ReadLoopSpinsOnClose.cs", "SOCK011", "A loop that polls"),
            // A receive callback that starts the next receive with itself: there is no loop statement to break out of.
            ("samples/Reads/ReadLoopSpinsOnClose.cs", "SOCK011", "An APM callback that starts the next receive with itself"),
            // ...and its SocketAsyncEventArgs form: the handler handles its own next receive; there is no loop either.
            ("samples/Reads/ReadLoopSpinsOnClose.cs", "SOCK011", "a `SocketAsyncEventArgs` handler that handles its own"),
            // Three loops over a helper that returns what its read got (one awaits an async helper): whether the helper or the
            // caller tests the end is a choice.
            ("samples/Reads/ReadLoopInHelper.cs", "SOCK011", "A loop over a helper that returns what its read got"),
            ("samples/Reads/ReadLoopInHelper.cs", "SOCK011", "A loop over a helper that returns what its read got"),
            ("samples/Reads/ReadLoopInHelper.cs", "SOCK011", "A loop over a helper that returns what its read got"),
            // The 2017 chat server's loop over GetMessage(), a helper that returns what its read got (the 2022 loop is fixed).
            ("samples/Reads/BroadcastChatServers.cs", "SOCK011", "A loop over a helper that returns what its read got"),
            // A BeginReceiveFrom whose callback never calls EndReceiveFrom: where the callback reaches the socket is the code's choice.
            ("samples/Reads/UnendedApmReceive.cs", "SOCK010", "An APM receive that nothing can end"),
        };

        /// <summary>Findings that meet on one read, and rules whose fix has several shapes, in one file.</summary>
        private const string FormatInputs = """
            using System;
            using System.Net;
            using System.Net.Sockets;
            using System.Text;

            namespace FormatInputs
            {
                public static class Inputs
                {
                    // SOCK010 and SOCK012 on one read: the count is discarded and the buffer decoded whole.
                    public static void Print(Socket socket)
                    {
                        var buffer = new byte[256];
                        socket.Receive(buffer);
                        Console.WriteLine(Encoding.UTF8.GetString(buffer));
                    }

                    // Two discarded counts in one method: the fix must pick two names.
                    public static void Twice(Socket socket, Socket other)
                    {
                        var header = new byte[4];
                        socket.Receive(header);
                        other.Receive(header);
                        Console.WriteLine(header[0]);
                    }

                    // SOCK002 on a Socket (Listen) and on a TcpListener (Start) under one Fix All.
                    public static void Accepts(IPEndPoint endPoint)
                    {
                        using var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        server.Bind(endPoint);
                        using var first = server.Accept();
                        var listener = new TcpListener(IPAddress.Loopback, 0);
                        using var second = listener.AcceptTcpClient();
                        listener.Stop();
                    }

                    // SOCK003 in both shapes: switch to the accepted socket, and keep a discarded accept first.
                    public static void Listening(Socket server, byte[] buffer)
                    {
                        var client = server.Accept();
                        int n = server.Receive(buffer);
                        Console.WriteLine(n);
                        client.Dispose();
                    }

                    public static void Discarded(Socket server, byte[] buffer)
                    {
                        server.Accept();
                        server.Send(buffer);
                    }
                }
            }
            """;

        [Fact]
        public void Dotnet_format_clears_every_fixable_finding_in_one_run_and_a_second_run_changes_nothing()
        {
            var fixable = FixableRules();
            Assert.NotEmpty(fixable);

            var samplesRoot = Path.Combine(package.Source, "samples");
            var files = Directory.EnumerateFiles(samplesRoot, "*.cs", SearchOption.AllDirectories)
                .ToDictionary(f => "samples/" + Path.GetRelativePath(samplesRoot, f).Replace('\\', '/'), File.ReadAllText);
            files["inputs/FormatInputs.cs"] = FormatInputs;

            var build = package.BuildProject(FormatProject, "Library", files);
            AssertClean(build);
            Assert.True(build.ExitCode == 0, "The inputs do not build with the package:\n" + build);
            var project = Path.Combine(package.Consumers, FormatProject);
            var before = SockFindings(build, project);
            Assert.True(before.Any(f => fixable.Contains(f.Id)), "The inputs have no finding of a rule with a fix:\n" + build);
            Assert.True(before.Any(f => f.File == "inputs/FormatInputs.cs" && f.Id == "SOCK012"), "The SOCK010 + SOCK012 input no longer fires SOCK012:\n" + build);

            var first = package.RunDotnet(project, TimeSpan.FromMinutes(4), "format", "analyzers", "--severity", "info", "--no-restore", "-v", "normal");
            output.WriteLine(first.ToString());
            Assert.False(first.TimedOut, "dotnet format did not finish:\n" + first);
            Assert.True(first.ExitCode == 0, "dotnet format failed:\n" + first);
            var cannotFix = first.Lines.Where(l => Regex.IsMatch(l, @"Unable to fix SOCK\d{3}\. Code fix|Failed to apply code fix .* for SOCK")).ToList();
            Assert.True(cannotFix.Count == 0, "dotnet format could not apply a fix of ours:\n" + string.Join("\n", cannotFix));

            var fixedText = Snapshot(project);
            var after = package.BuildProject(FormatProject, "Library", new Dictionary<string, string>(), null, "--no-incremental");
            Assert.True(after.ExitCode == 0, "The fixed code does not build:\n" + after + "\n" + Diff(files, fixedText));
            AssertClean(after);
            var remaining = SockFindings(after, project);

            var problems = new StringBuilder();
            foreach (var group in remaining.Where(f => fixable.Contains(f.Id)).GroupBy(f => (f.File, f.Id)))
            {
                var allowed = NotFixed.Count(n => n.File == group.Key.File && n.Id == group.Key.Id);
                if (group.Count() > allowed)
                {
                    problems.AppendLine($"Left by dotnet format: {group.Key.Id} in {group.Key.File}, {group.Count()} time(s): " + string.Join(", ", group.Select(f => "line " + f.Line)));
                }
            }

            foreach (var (file, id, pageSays) in NotFixed)
            {
                if (!remaining.Any(f => f.File == file && f.Id == id))
                {
                    problems.AppendLine($"{id} in {file} is listed as not fixed, but dotnet format fixed it: drop it from NotFixed (and check the rule page).");
                }

                var page = File.ReadAllText(Path.Combine(package.Source, "docs", "rules", id + ".md"));
                var section = Regex.Match(page, @"^### Not fixed automatically\s*$(?<body>.*?)(?=^#|\z)", RegexOptions.Multiline | RegexOptions.Singleline);
                if (!section.Success || !section.Groups["body"].Value.Contains(pageSays, StringComparison.Ordinal))
                {
                    problems.AppendLine($"docs/rules/{id}.md has no '### Not fixed automatically' list that says \"{pageSays}\".");
                }
            }

            // No finding that was not there before (a fix that makes a new problem), rule by rule and file by file.
            foreach (var group in remaining.GroupBy(f => (f.File, f.Id)))
            {
                var had = before.Count(f => f.File == group.Key.File && f.Id == group.Key.Id);
                if (group.Count() > had)
                {
                    problems.AppendLine($"New after dotnet format: {group.Key.Id} in {group.Key.File} ({had} before, {group.Count()} after)");
                }
            }

            if (problems.Length > 0)
            {
                Assert.Fail(problems + "\nThe changes dotnet format made:\n" + Diff(files, fixedText) + "\nThe build after it:\n" + after);
            }

            var second = package.RunDotnet(project, TimeSpan.FromMinutes(4), "format", "analyzers", "--severity", "info", "--no-restore", "-v", "normal");
            Assert.True(second.ExitCode == 0, "The second dotnet format run failed:\n" + second);
            var secondText = Snapshot(project);
            Assert.True(
                secondText.Count == fixedText.Count && secondText.All(kv => fixedText.TryGetValue(kv.Key, out var text) && text == kv.Value),
                "A second dotnet format run changed the code again:\n" + Diff(fixedText, secondText) + "\n" + second);
        }

        /// <summary>The rules whose row in rules.md says they have a code fix.</summary>
        private HashSet<string> FixableRules()
        {
            var rules = new HashSet<string>(StringComparer.Ordinal);
            foreach (var line in File.ReadAllLines(Path.Combine(package.Source, "rules.md")))
            {
                var cells = line.Split('|').Select(c => c.Trim()).ToArray();
                if (cells.Length > 6 && RuleId.IsMatch(cells[1]) && cells[5].StartsWith("yes", StringComparison.OrdinalIgnoreCase))
                {
                    rules.Add(cells[1]);
                }
            }

            return rules;
        }

        /// <summary>The SOCK findings of a build, once each (MSBuild repeats the warnings in its summary).</summary>
        private static List<(string File, int Line, string Id)> SockFindings(ProcessResult build, string project)
            => build.Lines
                .TakeWhile(l => l.Trim() is not ("Build succeeded." or "Build FAILED."))
                .Select(l => BuildDiagnostic.Match(l))
                .Where(m => m.Success)
                .Select(m => (Path.GetRelativePath(project, m.Groups["file"].Value).Replace('\\', '/'), int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture), m.Groups["id"].Value))
                .Distinct()
                .ToList();

        /// <summary>Every .cs file of the project (not bin/ or obj/), by relative path.</summary>
        private static Dictionary<string, string> Snapshot(string project)
            => Directory.EnumerateFiles(project, "*.cs", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(project, f).Replace('\\', '/'))
                .Where(f => !f.StartsWith("bin/", StringComparison.Ordinal) && !f.StartsWith("obj/", StringComparison.Ordinal))
                .ToDictionary(f => f, f => File.ReadAllText(Path.Combine(project, f)), StringComparer.Ordinal);

        /// <summary>The changed lines of each changed file (a plain line comparison, enough to read in a failure).</summary>
        private static string Diff(IReadOnlyDictionary<string, string> from, IReadOnlyDictionary<string, string> to)
        {
            var text = new StringBuilder();
            foreach (var (path, after) in to.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                var before = from.TryGetValue(path, out var b) ? b : string.Empty;
                if (before == after)
                {
                    continue;
                }

                var old = before.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
                var @new = after.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
                text.AppendLine("--- " + path);
                foreach (var line in old.Except(@new))
                {
                    text.AppendLine("- " + line);
                }

                foreach (var line in @new.Except(old))
                {
                    text.AppendLine("+ " + line);
                }
            }

            return text.ToString();
        }
    }
}
