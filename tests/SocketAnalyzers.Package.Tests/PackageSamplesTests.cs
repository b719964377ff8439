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
    /// Every sample under <c>samples/</c>, built by the installed SDK's compiler (not the Roslyn 4.8 of the unit tests)
    /// with the packed nupkg, warns exactly where its <c>// expect:</c> comments say; so every rule fires from the package
    /// under the compiler users have. Same fixture (one pack) as the other package tests, hence a partial class.
    /// </summary>
    public sealed partial class PackageTests
    {
        /// <summary>The folder of the consumer project into which the samples are copied.</summary>
        private const string SamplesFolder = "samples";

        /// <summary>A second copy of the byte-order samples, under <c>wire_byte_order = little_endian</c>.</summary>
        private const string LittleEndianFolder = "little-endian";

        private static readonly string[] OptionSilences = { "SOCK020", "SOCK021" };

        // The same reading of the markers as tests/SocketAnalyzers.Tests/Samples/SamplesTests.cs (which validates IDs
        // against the analyzer catalogue; this project does not reference the analyzers, so an ID is checked by shape).
        private static readonly Regex ExpectComment = new(@"//\s*expect:\s*(?<ids>[^/]*?)\s*$", RegexOptions.Compiled);

        private static readonly Regex AnyExpectMention = new(@"//\s*expect\b", RegexOptions.Compiled | RegexOptions.IgnoreCase);

        private static readonly Regex RuleId = new(@"^SOCK\d{3}$", RegexOptions.Compiled);

        /// <summary><c>path(line,col): warning SOCK0nn: message [project]</c> as MSBuild's console logger writes it.</summary>
        private static readonly Regex BuildDiagnostic = new(@"^\s*(?<file>.+?)\((?<line>\d+),(?<column>\d+)\): (?<severity>warning|error) (?<id>SOCK\d{3}): ", RegexOptions.Compiled);

        [Fact]
        public void Every_sample_fires_exactly_its_expect_markers_from_the_package_under_the_SDK_compiler()
        {
            var samplesRoot = Path.Combine(package.Source, "samples");
            var samples = Directory.EnumerateFiles(samplesRoot, "*.cs", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(samplesRoot, f).Replace('\\', '/'))
                .OrderBy(f => f, StringComparer.Ordinal)
                .ToList();
            Assert.NotEmpty(samples);

            var files = new Dictionary<string, string>();
            var expected = new List<(string File, int Line, string Id)>();
            foreach (var sample in samples)
            {
                var text = File.ReadAllText(Path.Combine(samplesRoot, sample)).Replace("\r\n", "\n", StringComparison.Ordinal);
                var path = SamplesFolder + "/" + sample;
                files[path] = text;
                expected.AddRange(ExpectMarkers(path, text).Select(m => (path, m.Line, m.Id)));
            }

            // The option, proved in the same build: the byte-order samples that fire SOCK020/SOCK021 again, in a folder
            // whose .editorconfig section says the wire is little-endian. There they fire everything else but those.
            var copied = 0;
            foreach (var sample in samples)
            {
                var original = files[SamplesFolder + "/" + sample];
                var markers = ExpectMarkers(sample, original);
                if (!markers.Any(m => OptionSilences.Contains(m.Id)))
                {
                    continue;
                }

                Assert.Contains("namespace Samples.", original, StringComparison.Ordinal);
                var path = LittleEndianFolder + "/" + sample;
                files[path] = original.Replace("namespace Samples.", "namespace LittleEndianWire.Samples.", StringComparison.Ordinal);
                expected.AddRange(markers.Where(m => !OptionSilences.Contains(m.Id)).Select(m => (path, m.Line, m.Id)));
                copied++;
            }

            Assert.True(copied > 0, "No sample marks SOCK020 or SOCK021, so the wire_byte_order option proves nothing.");
            // SOCK050 is a suggestion (Info), which the console logger does not print: raised to a warning here so the
            // build shows that the package reports it (its default severity is checked by the unit tests).
            var editorConfig = $"root = true\n\n[*.cs]\ndotnet_diagnostic.SOCK050.severity = warning\n\n[{LittleEndianFolder}/**.cs]\nsocket_analyzers.wire_byte_order = little_endian\n";

            // Library: the samples are separate programs (several have a Main).
            var result = package.BuildProject("Samples", "Library", files, editorConfig);

            AssertClean(result);
            Assert.True(result.ExitCode == 0, "The samples do not build with the package:\n" + result);

            var project = Path.Combine(package.Consumers, "Samples");
            // The console logger prints every warning again in the summary after "Build succeeded." (dotnet build asks
            // for the summary itself, so -clp:NoSummary does not remove it): count only the warnings before it.
            var reported = result.Lines.TakeWhile(l => l.Trim() is not ("Build succeeded." or "Build FAILED.")).Where(l => l.Contains(" SOCK0", StringComparison.Ordinal) && Regex.IsMatch(l, @": (warning|error) SOCK\d{3}:")).ToList();
            var actual = new List<(string File, int Line, string Id)>();
            foreach (var line in reported)
            {
                var match = BuildDiagnostic.Match(line);
                Assert.True(match.Success && match.Groups["severity"].Value == "warning", "A SOCK diagnostic not in the expected 'file(line,col): warning ID:' form:\n" + line);
                var file = Path.GetRelativePath(project, match.Groups["file"].Value).Replace('\\', '/');
                actual.Add((file, int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture), match.Groups["id"].Value));
            }

            var missing = Subtract(expected, actual);
            var unexpected = Subtract(actual, expected);
            if (missing.Count > 0 || unexpected.Count > 0)
            {
                var message = new StringBuilder("Under the SDK's compiler, with the packed analyzers, the samples do not fire what their '// expect:' comments say.\n");
                foreach (var (file, line, id) in missing)
                {
                    message.AppendLine($"Missing: {id} at {file}({line}): {files[file].Split('\n')[line - 1].Trim()}");
                }

                foreach (var (file, line, id) in unexpected)
                {
                    var text = files.TryGetValue(file, out var t) ? t.Split('\n')[line - 1].Trim() : "(not a sample)";
                    message.AppendLine($"Unexpected: {id} at {file}({line}): {text}");
                }

                message.AppendLine().AppendLine("SOCK diagnostics of the build:").AppendLine(string.Join("\n", reported));
                Assert.Fail(message.ToString());
            }

            // Every rule of the package fired at least once from the nupkg (the release-tracking file lists them all).
            var rules = File.ReadAllLines(Path.Combine(package.Source, "Analyzers", "AnalyzerReleases.Unshipped.md"))
                .Select(l => l.Split('|')[0].Trim())
                .Where(id => RuleId.IsMatch(id))
                .ToHashSet(StringComparer.Ordinal);
            Assert.NotEmpty(rules);
            var silent = rules.Except(actual.Select(a => a.Id)).OrderBy(id => id, StringComparer.Ordinal).ToList();
            Assert.True(silent.Count == 0, "Rules the samples never fire from the package: " + string.Join(", ", silent));
        }

        [Fact]
        public void Expect_markers_are_read_per_line_and_id_like_the_samples_test()
        {
            var text = "a(); // expect: SOCK010\nb();\nc(); // expect: SOCK001, SOCK004\nd(); //expect:SOCK010,SOCK010\n";

            Assert.Equal(
                new[] { (1, "SOCK010"), (3, "SOCK001"), (3, "SOCK004"), (4, "SOCK010"), (4, "SOCK010") },
                ExpectMarkers("x.cs", text));
            Assert.ThrowsAny<Exception>(() => ExpectMarkers("x.cs", "a(); // expect: SOCK10"));
            Assert.ThrowsAny<Exception>(() => ExpectMarkers("x.cs", "a(); // Expect: SOCK010"));
        }

        [Fact]
        public void Build_diagnostic_lines_are_parsed_into_file_line_and_id()
        {
            var match = BuildDiagnostic.Match("/tmp/x/Samples/samples/Reads/A.cs(24,13): warning SOCK010: The byte count ... (https://example) [/tmp/x/Samples/Samples.csproj]");

            Assert.True(match.Success);
            Assert.Equal("/tmp/x/Samples/samples/Reads/A.cs", match.Groups["file"].Value);
            Assert.Equal("24", match.Groups["line"].Value);
            Assert.Equal("SOCK010", match.Groups["id"].Value);
        }

        /// <summary>The (1-based line, ID) pairs the file's <c>// expect:</c> comments promise.</summary>
        private static List<(int Line, string Id)> ExpectMarkers(string path, string text)
        {
            var result = new List<(int, string)>();
            var lines = text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (!AnyExpectMention.IsMatch(lines[i]))
                {
                    continue;
                }

                var match = ExpectComment.Match(lines[i]);
                Assert.True(match.Success, $"{path}({i + 1}): write the comment as '// expect: SOCK0nn' (IDs separated by commas): {lines[i].Trim()}");
                foreach (var id in match.Groups["ids"].Value.Split(',').Select(id => id.Trim()))
                {
                    Assert.True(RuleId.IsMatch(id), $"{path}({i + 1}): '{id}' is not a rule ID: {lines[i].Trim()}");
                    result.Add((i + 1, id));
                }
            }

            return result;
        }

        /// <summary>The multiset difference <paramref name="from"/> minus <paramref name="remove"/>, sorted.</summary>
        private static List<(string File, int Line, string Id)> Subtract(IEnumerable<(string File, int Line, string Id)> from, IEnumerable<(string File, int Line, string Id)> remove)
        {
            var left = from.ToList();
            foreach (var item in remove)
            {
                left.Remove(item);
            }

            return left.OrderBy(x => x.File, StringComparer.Ordinal).ThenBy(x => x.Line).ThenBy(x => x.Id, StringComparer.Ordinal).ToList();
        }
    }
}
