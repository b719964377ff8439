using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Xunit;
using Xunit.Abstractions;

namespace SocketAnalyzers.Package.Tests
{
    /// <summary>The SocketAnalyzers package as a user gets it: installed from a feed into a fresh project.</summary>
    [Trait("Category", "Package")]
    public sealed partial class PackageTests : IClassFixture<PackageFixture>
    {
        private const string HelpLink = "https://github.com/socketanalyzers/SocketAnalyzers/blob/main/docs/rules/SOCK010.md";

        private const string DiscardedReceive = """
            using System.Net;
            using System.Net.Sockets;

            public static class Program
            {
                public static void Main()
                {
                    using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                    socket.Connect(new IPEndPoint(IPAddress.Loopback, 7));
                    var buffer = new byte[16];
                    socket.Receive(buffer);
                    System.Console.WriteLine(buffer[0]);
                }
            }
            """;

        private readonly PackageFixture package;
        private readonly ITestOutputHelper output;

        public PackageTests(PackageFixture package, ITestOutputHelper output)
        {
            this.package = package;
            this.output = output;
        }

        [Fact]
        public void Nupkg_has_exactly_the_expected_layout()
        {
            using var zip = ZipFile.OpenRead(package.RequireNupkg());
            var entries = zip.Entries.Select(e => e.FullName).OrderBy(e => e, StringComparer.Ordinal).ToList();
            var listing = string.Join("\n", entries);

            var psmdcp = entries.Where(e => Regex.IsMatch(e, @"^package/services/metadata/core-properties/[^/]+\.psmdcp$")).ToList();
            Assert.True(psmdcp.Count == 1, "Expected one core-properties .psmdcp:\n" + listing);
            var expected = new[]
            {
                "[Content_Types].xml",
                "_rels/.rels",
                "analyzers/dotnet/cs/SocketAnalyzers.CodeFixes.dll",
                "analyzers/dotnet/cs/SocketAnalyzers.dll",
                "README.md",
                "SocketAnalyzers.nuspec",
                psmdcp[0],
            }.OrderBy(e => e, StringComparer.Ordinal).ToList();
            Assert.True(
                expected.SequenceEqual(entries),
                $"The nupkg holds:\n{listing}\n\nExpected exactly:\n{string.Join("\n", expected)}\n\nExtra: {string.Join(", ", entries.Except(expected))}\nMissing: {string.Join(", ", expected.Except(entries))}");
            Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));
        }

        [Theory]
        [InlineData("analyzers/dotnet/cs/SocketAnalyzers.dll")]
        [InlineData("analyzers/dotnet/cs/SocketAnalyzers.CodeFixes.dll")]
        public void Packed_assemblies_are_built_for_this_version(string entry)
        {
            // Guards against packing stale assemblies: the ones in the package carry this run's unique version.
            using var zip = ZipFile.OpenRead(package.RequireNupkg());
            using var stream = new MemoryStream();
            using (var dll = zip.GetEntry(entry)!.Open())
            {
                dll.CopyTo(stream);
            }

            stream.Position = 0;
            using var pe = new PEReader(stream);
            var reader = pe.GetMetadataReader();
            var informational = reader.GetAssemblyDefinition().GetCustomAttributes()
                .Select(reader.GetCustomAttribute)
                .Where(a => AttributeTypeName(reader, a) == "AssemblyInformationalVersionAttribute")
                .Select(a =>
                {
                    var blob = reader.GetBlobReader(a.Value);
                    blob.ReadUInt16(); // prolog
                    return blob.ReadSerializedString();
                })
                .SingleOrDefault();

            Assert.NotNull(informational);
            Assert.StartsWith(package.Version, informational, StringComparison.Ordinal);
        }

        private static string? AttributeTypeName(MetadataReader reader, CustomAttribute attribute)
        {
            var parent = attribute.Constructor.Kind == HandleKind.MemberReference
                ? reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent
                : reader.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor).GetDeclaringType();
            return parent.Kind switch
            {
                HandleKind.TypeReference => reader.GetString(reader.GetTypeReference((TypeReferenceHandle)parent).Name),
                HandleKind.TypeDefinition => reader.GetString(reader.GetTypeDefinition((TypeDefinitionHandle)parent).Name),
                _ => null,
            };
        }

        [Fact]
        public void Nuspec_declares_a_development_dependency_with_license_url_tags_and_readme()
        {
            using var zip = ZipFile.OpenRead(package.RequireNupkg());
            using var stream = zip.GetEntry("SocketAnalyzers.nuspec")!.Open();
            var nuspec = XDocument.Load(stream);
            var ns = nuspec.Root!.Name.Namespace;
            var metadata = nuspec.Root.Element(ns + "metadata")!;
            string? Value(string name) => metadata.Element(ns + name)?.Value;

            Assert.Equal("SocketAnalyzers", Value("id"));
            Assert.Equal(package.Version, Value("version"));
            Assert.Equal("true", Value("developmentDependency"));
            Assert.Equal("expression", metadata.Element(ns + "license")?.Attribute("type")?.Value);
            Assert.Equal("MIT", Value("license"));
            Assert.Equal("https://github.com/socketanalyzers/SocketAnalyzers", Value("projectUrl"));
            Assert.Equal("README.md", Value("readme"));
            Assert.Contains("analyzers", (Value("tags") ?? string.Empty).Split(' '));
            Assert.Contains("sockets", (Value("tags") ?? string.Empty).Split(' '));
            Assert.False(string.IsNullOrWhiteSpace(Value("description")));
            Assert.Empty(metadata.Descendants(ns + "dependency"));

            using var readme = new StreamReader(zip.GetEntry("README.md")!.Open());
            Assert.Contains("SocketAnalyzers", readme.ReadToEnd(), StringComparison.Ordinal);
        }

        [Fact]
        public void Build_reports_SOCK010_with_its_help_link()
        {
            var result = package.BuildConsumer("Reported", DiscardedReceive);

            AssertClean(result);
            Assert.True(result.ExitCode == 0, result.ToString());
            var warning = result.Lines.FirstOrDefault(l => l.Contains("warning SOCK010:", StringComparison.Ordinal));
            Assert.True(warning is not null, "No 'warning SOCK010' in the build output:\n" + result);
            Assert.Contains("Program.cs(11,9): warning SOCK010: ", warning, StringComparison.Ordinal);
            Assert.Contains(HelpLink, warning, StringComparison.Ordinal);

            // Restored from this run's feed into the private package folder, not from some cache.
            Assert.True(
                Directory.Exists(Path.Combine(package.Packages, "socketanalyzers", package.Version, "analyzers", "dotnet", "cs")),
                $"The package was not restored into the private NUGET_PACKAGES {package.Packages}:\n{result}");
        }

        [Fact]
        public void Warnaserror_fails_the_build_on_SOCK010()
        {
            var result = package.BuildConsumer("WarningsAsErrors", DiscardedReceive, null, "-warnaserror");

            AssertClean(result);
            Assert.True(result.ExitCode != 0, "The build succeeded despite -warnaserror:\n" + result);
            Assert.Contains("error SOCK010:", result.Output, StringComparison.Ordinal);
        }

        [Fact]
        public void EditorConfig_severity_none_silences_SOCK010()
        {
            var result = package.BuildConsumer(
                "EditorConfigNone",
                DiscardedReceive,
                "root = true\n\n[*.cs]\ndotnet_diagnostic.SOCK010.severity = none\n",
                "-warnaserror");

            AssertClean(result);
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.DoesNotContain("SOCK010", result.Output, StringComparison.Ordinal);
        }

        [Fact]
        public void Pragma_silences_SOCK010()
        {
            var program = DiscardedReceive.Replace(
                "        socket.Receive(buffer);",
                "#pragma warning disable SOCK010 // the reply is not read, only awaited\n        socket.Receive(buffer);\n#pragma warning restore SOCK010",
                StringComparison.Ordinal);
            Assert.NotEqual(DiscardedReceive, program);

            var result = package.BuildConsumer("Pragma", program, null, "-warnaserror");

            AssertClean(result);
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.DoesNotContain("SOCK010", result.Output, StringComparison.Ordinal);
        }

        [Fact]
        public void Correct_code_builds_without_warnings()
        {
            var program = DiscardedReceive.Replace(
                "        socket.Receive(buffer);",
                "        var received = socket.Receive(buffer);\n        System.Console.WriteLine(received);",
                StringComparison.Ordinal);

            var result = package.BuildConsumer("Quiet", program, null, "-warnaserror");

            AssertClean(result);
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.DoesNotContain("SOCK0", result.Output, StringComparison.Ordinal);
        }

        /// <summary>No analyzer crashed (AD0001), none failed to load (CS8032) or was built for a newer compiler (CS9057).</summary>
        private void AssertClean(ProcessResult result)
        {
            output.WriteLine($"pack {package.PackTime.TotalSeconds:0.0} s; {result.Command} {result.Elapsed.TotalSeconds:0.0} s");
            Assert.False(result.TimedOut, result.ToString());
            foreach (var id in new[] { "AD0001", "CS8032", "CS9057" })
            {
                Assert.True(!result.Output.Contains(id, StringComparison.Ordinal), $"{id} in the build output:\n{result}");
            }
        }
    }
}
