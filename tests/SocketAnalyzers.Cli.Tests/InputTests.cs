using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace SocketAnalyzers.Cli.Tests
{
    public sealed class InputTests
    {
        [Theory]
        [InlineData("generated")]
        [InlineData("src/generated/**")]
        [InlineData("**/generated/*.cs")]
        [InlineData("*.Designer.cs")]
        [InlineData("src/generated")]
        public async Task Exclude_globs_skip_matching_files(string glob)
        {
            using var tree = new TempTree();
            tree.Write("src/Client.cs", Sources.DiscardedReceive);
            tree.Write("src/generated/Form1.Designer.cs", Sources.DiscardedReceive.Replace("class Client", "class Generated"));

            var run = await Cli.RunAsync(tree, "scan", ".", "--exclude", glob);

            Assert.Equal(1, run.ExitCode);
            Assert.Contains("Client.cs(10,13)", run.Stdout);
            Assert.DoesNotContain("Designer.cs(", run.Stdout);
            Assert.Contains("1 file read", run.Stdout);
            Assert.Contains("1 file excluded", run.Stdout);
        }

        [Fact]
        public async Task A_folder_without_sources_is_not_an_error_but_is_reported()
        {
            using var tree = new TempTree();
            tree.Write("docs/README.md", "# nothing to scan");

            var run = await Cli.RunAsync(tree, "scan", "docs");

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Contains("0 files read, no findings.", run.Stdout);
            Assert.Contains("no .cs file found in docs", run.Stderr);
        }

        [Fact]
        public async Task Bin_obj_and_git_folders_are_skipped()
        {
            using var tree = new TempTree();
            tree.Write("Client.cs", Sources.CountedReceive);
            tree.Write("bin/Debug/Old.cs", Sources.DiscardedReceive);
            tree.Write("obj/Generated.cs", Sources.DiscardedReceive);
            tree.Write(".git/hooks/Hook.cs", Sources.DiscardedReceive);

            var run = await Cli.RunAsync(tree, "scan", ".");

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Contains("1 file read", run.Stdout);
        }

        [Fact]
        public async Task A_unity_project_is_read_without_its_library_cache()
        {
            using var tree = new TempTree();
            tree.Write("Game/Assets/Scripts/Net.cs", Sources.DiscardedReceive);
            tree.Write("Game/ProjectSettings/ProjectVersion.txt", "m_EditorVersion: 2022.3.0f1");
            tree.Write("Game/Library/PackageCache/com.unity.x/Runtime/Cached.cs", Sources.DiscardedReceive.Replace("class Client", "class Cached"));
            tree.Write("Game/Temp/Generated.cs", Sources.DiscardedReceive.Replace("class Client", "class Temp"));

            var run = await Cli.RunAsync(tree, "scan", "Game");

            Assert.Equal(1, run.ExitCode);
            Assert.Contains("Net.cs(10,13)", run.Stdout);
            Assert.Contains("1 file read, 1 finding.", run.Stdout);
        }

        /// <summary>
        /// A folder named <c>packages</c> is skipped only when it is NuGet's (packages with their <c>.nupkg</c>, or a
        /// <c>repositories.config</c>): fresh56's Unity project keeps its own code under <c>Assets/Packages/</c>.
        /// </summary>
        [Fact]
        public async Task Only_a_nuget_packages_folder_is_skipped()
        {
            using var tree = new TempTree();
            tree.Write("Game/Assets/Packages/Net/Net.cs", Sources.DiscardedReceive);
            tree.Write("Game/ProjectSettings/ProjectVersion.txt", "m_EditorVersion: 2022.3.0f1");
            tree.Write("Legacy/packages/Some.Lib.1.0.0/Some.Lib.1.0.0.nupkg", "not a real package");
            tree.Write("Legacy/packages/Some.Lib.1.0.0/content/Vendored.cs", Sources.DiscardedReceive.Replace("class Client", "class Vendored"));
            tree.Write("Old/packages/repositories.config", "<repositories />");
            tree.Write("Old/packages/Other.2.0.0/content/Other.cs", Sources.DiscardedReceive.Replace("class Client", "class Other"));

            var run = await Cli.RunAsync(tree, "scan", ".");

            Assert.Equal(1, run.ExitCode);
            Assert.Contains("Net.cs(10,13)", run.Stdout);
            Assert.Contains("1 file read, 1 finding.", run.Stdout);
        }

        [Fact]
        public async Task Broken_code_is_analyzed_as_far_as_it_binds_and_never_crashes()
        {
            using var tree = new TempTree();
            tree.Write("Game/Net.cs", """
                using UnityEngine;
                using System.Net.Sockets;

                public class Net : MonoBehaviour
                {
                    private Socket socket;

                    void Update()
                    {
                        var buffer = new byte[4];
                        socket.Receive(buffer);
                        System.Console.WriteLine(buffer[0]);
                        transform.position = Vector3.zero;
                    }
                }
                """);
            tree.Write("Game/Broken.cs", """
                using System.Net.Sockets;
                using System.Windows.Forms;

                public class Broken : Form
                {
                    void Read(Socket s, byte[] b)
                    {
                        s.Receive(b);
                    }

                    void Unfinished( { var x = ; 
                """);

            var run = await Cli.RunAsync(tree, "scan", "Game", "--format", "json");

            Assert.True(run.ExitCode == 1, run.ToString());
            using var json = JsonDocument.Parse(run.Stdout);
            var root = json.RootElement;
            Assert.Equal(2, root.GetProperty("filesRead").GetInt32());
            Assert.True(root.GetProperty("compilerErrors").GetInt32() > 0);
            Assert.Equal(2, root.GetProperty("filesWithCompilerErrors").GetInt32());
            Assert.Equal(0, root.GetProperty("analyzerFailures").GetArrayLength());
            var paths = new System.Collections.Generic.List<string>();
            foreach (var finding in root.GetProperty("findings").EnumerateArray())
            {
                paths.Add(finding.GetProperty("path").GetString() + ":" + finding.GetProperty("line").GetInt32());
            }

            Assert.Equal(new[] { "Game/Broken.cs:8", "Game/Net.cs:11" }, paths);
        }

        [Fact]
        public async Task Text_report_counts_the_compiler_errors_it_did_not_print()
        {
            using var tree = new TempTree();
            tree.Write("Broken.cs", "public class Broken { void M( { }");

            var run = await Cli.RunAsync(tree, "scan", ".");

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Contains("1 file read (none with network code), no findings.", run.Stdout);
            Assert.Contains("were not reported", run.Stdout);
            Assert.DoesNotContain("CS1", run.Stdout);
        }

        /// <summary>
        /// fresh69: default mode binds only the files with network code, so it counted fewer compiler errors than
        /// <c>--all-files</c> (208 against 681) without saying why; the next test checks that the text now says so.
        /// </summary>
        [Fact]
        public async Task Default_mode_does_not_count_an_error_in_a_body_it_did_not_bind_and_all_files_does()
        {
            using var tree = new TempTree();
            tree.Write("Net.cs", """
                using System.Net.Sockets;
                public class Net
                {
                    public void Close(Socket socket) => socket.Close();
                }
                """);
            tree.Write("Other.cs", "public class Other { public int M() { return Missing.Value; } }");

            var run = await Cli.RunAsync(tree, "scan", ".");
            var all = await Cli.RunAsync(tree, "scan", ".", "--all-files");

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Contains("2 files read (1 with network code analyzed), no findings.", run.Stdout);
            Assert.DoesNotContain("were not reported", run.Stdout);
            Assert.True(all.ExitCode == 0, all.ToString());
            Assert.Contains("1 compiler error in 1 file", all.Stdout);
            Assert.DoesNotContain("counted only", all.Stdout);
        }

        [Fact]
        public async Task Text_report_of_default_mode_names_the_errors_it_counts()
        {
            using var tree = new TempTree();
            tree.Write("Net.cs", """
                using System.Net.Sockets;
                public class Net
                {
                    public void Close(Socket socket) => socket.Close();
                }
                """);
            tree.Write("Other.cs", "public class Other { public Missing M() => null; }");

            var run = await Cli.RunAsync(tree, "scan", ".");

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Contains("1 compiler error in 1 file", run.Stdout);
            Assert.Contains("Errors inside method bodies are counted only in projects whose every file was analyzed; --all-files counts them all.", run.Stdout);
        }

        /// <summary>
        /// fresh71 (a SocketAsyncEventArgs server and its upload client): an old-style client project compiles five files of
        /// the server's folder through <c>&lt;Compile Include="..\Server\…"&gt;</c>. Without them the client's buffer type did
        /// not bind, no <c>Receive</c> overload bound, and its four discarded counts went unreported. The linked file is
        /// compiled with the project, not scanned as one of its files.
        /// </summary>
        [Fact]
        public async Task A_csproj_compiles_the_files_it_links_from_outside_its_folder_without_scanning_them()
        {
            using var tree = new TempTree();
            tree.Write("Client/Client.csproj", """
                <Project ToolsVersion="15.0" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
                  <PropertyGroup>
                    <OutputType>Library</OutputType>
                  </PropertyGroup>
                  <ItemGroup>
                    <Compile Include="..\Server\PacketBuffer.cs">
                      <Link>PacketBuffer.cs</Link>
                    </Compile>
                    <Compile Include="Uploader.cs" />
                  </ItemGroup>
                </Project>
                """);
            tree.Write("Server/PacketBuffer.cs", """
                using System.Net.Sockets;

                public sealed class PacketBuffer
                {
                    public byte[] Buffer = new byte[1024];

                    public void Drain(Socket socket) => socket.Receive(Buffer, 4, SocketFlags.None);
                }
                """);
            tree.Write("Client/Uploader.cs", """
                using System.Net.Sockets;

                public sealed class Uploader
                {
                    private readonly PacketBuffer received = new PacketBuffer();

                    public int ReadLength(Socket socket)
                    {
                        socket.Receive(received.Buffer, 4, SocketFlags.None);
                        return System.BitConverter.ToInt32(received.Buffer, 0);
                    }
                }
                """);

            var run = await Cli.RunAsync(tree, "scan", "Client", "--format", "json");

            Assert.True(run.ExitCode == 1, run.ToString());
            using var json = JsonDocument.Parse(run.Stdout);
            var root = json.RootElement;
            Assert.Equal(1, root.GetProperty("filesRead").GetInt32());
            Assert.Equal(0, root.GetProperty("compilerErrors").GetInt32());
            var paths = new System.Collections.Generic.List<string>();
            foreach (var finding in root.GetProperty("findings").EnumerateArray())
            {
                paths.Add(finding.GetProperty("ruleId").GetString() + " " + finding.GetProperty("path").GetString() + ":" + finding.GetProperty("line").GetInt32());
            }

            Assert.Contains("SOCK010 Client/Uploader.cs:9", paths);
            Assert.DoesNotContain(paths, p => p.Contains("Server/", System.StringComparison.Ordinal));
        }

        [Fact]
        public async Task A_csproj_brings_its_implicit_usings_and_compile_removes()
        {
            using var tree = new TempTree();
            tree.Write("App/App.csproj", """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net8.0</TargetFramework>
                    <ImplicitUsings>enable</ImplicitUsings>
                  </PropertyGroup>
                  <ItemGroup>
                    <Compile Remove="Legacy/**" />
                    <Using Include="System.Net.Sockets" />
                  </ItemGroup>
                </Project>
                """);
            // No using directive: Task comes from the implicit usings, Socket from <Using Include>.
            tree.Write("App/Client.cs", Sources.ImplicitUsingsReceive);
            tree.Write("App/Legacy/Old.cs", Sources.DiscardedReceive);
            tree.Write("App/bin/Debug/Copy.cs", Sources.DiscardedReceive);

            var run = await Cli.RunAsync(tree, "scan", "App/App.csproj", "--format", "json");

            Assert.True(run.ExitCode == 1, run.ToString());
            using var json = JsonDocument.Parse(run.Stdout);
            var root = json.RootElement;
            Assert.Equal(1, root.GetProperty("filesRead").GetInt32());
            Assert.Equal(0, root.GetProperty("compilerErrors").GetInt32());
            var finding = Assert.Single(root.GetProperty("findings").EnumerateArray());
            Assert.Equal("App/Client.cs", finding.GetProperty("path").GetString());
            Assert.Equal(8, finding.GetProperty("line").GetInt32());
        }

        /// <summary>
        /// fresh98 F1: a course lobby built for .NET Framework 4.5 by an old-style project cuts a fresh buffer's text at
        /// <c>IndexOf("\0")</c>, a culture search that finds the NUL there (NLS) and not on .NET 5 and later (ICU). The
        /// scanner analyzes against the running .NET, so it tells the rule what the project targets through the SDK's
        /// symbol: <c>TargetFrameworkVersion</c> v4.5 is net45, which defines <c>NETFRAMEWORK</c>. The same file in a
        /// net8.0 project stays reported.
        /// </summary>
        [Theory]
        [InlineData("<Project ToolsVersion=\"15.0\" xmlns=\"http://schemas.microsoft.com/developer/msbuild/2003\"><PropertyGroup><TargetFrameworkVersion>v4.5</TargetFrameworkVersion></PropertyGroup><ItemGroup><Compile Include=\"Lobby.cs\" /></ItemGroup></Project>", 0)]
        [InlineData("<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net48</TargetFramework></PropertyGroup></Project>", 0)]
        [InlineData("<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup></Project>", 1)]
        public async Task A_culture_search_for_NUL_is_judged_for_the_framework_the_project_targets(string project, int findings)
        {
            using var tree = new TempTree();
            tree.Write("Lobby/Lobby.csproj", project);
            tree.Write("Lobby/Lobby.cs", """
                using System;
                using System.Net.Sockets;
                using System.Text;

                class Lobby
                {
                    void Join(NetworkStream stream)
                    {
                        var chunk = new byte[64];
                        int n = stream.Read(chunk, 0, chunk.Length);
                        if (n == 0) return;
                        var text = Encoding.ASCII.GetString(chunk);
                        text = text.Substring(0, text.IndexOf("\0"));
                        Console.WriteLine(text);
                    }
                }
                """);

            var run = await Cli.RunAsync(tree, "scan", "Lobby", "--format", "json", "--severity", "note");

            using var json = JsonDocument.Parse(run.Stdout);
            var found = json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("ruleId").GetString()).ToList();
            Assert.True(found.Count(id => id == "SOCK012") == findings, run.ToString());
        }

        [Theory]
        [InlineData("v4.5", "net45")]
        [InlineData("v4.7.2", "net472")]
        [InlineData("v3.5", "net35")]
        [InlineData("v10.0", null)]
        [InlineData("latest", null)]
        public void An_old_style_framework_version_names_its_target_framework(string version, string? moniker)
            => Assert.Equal(moniker, ProjectSettings.FromFrameworkVersion(version));

        /// <summary>
        /// fresh56: a library whose <c>src/Directory.Build.props</c> imports the root one, which alone turns implicit usings
        /// on. Read alone, the nearer file left <c>Task</c> unbound (765 compiler errors) and the rules silent.
        /// </summary>
        [Theory]
        [InlineData("$([MSBuild]::GetPathOfFileAbove('Directory.Build.props', '$(MSBuildThisFileDirectory)../'))")]
        [InlineData("$([MSBuild]::GetDirectoryNameOfFileAbove($(MSBuildThisFileDirectory).., Directory.Build.props))/Directory.Build.props")]
        public async Task A_directory_props_brings_the_one_above_it_imports(string import)
        {
            using var tree = new TempTree();
            tree.Write("Directory.Build.props", """
                <Project>
                  <PropertyGroup>
                    <ImplicitUsings>enable</ImplicitUsings>
                  </PropertyGroup>
                </Project>
                """);
            tree.Write("src/Directory.Build.props", $$"""
                <Project>
                  <Import Project="{{import}}" />
                  <PropertyGroup>
                    <TargetFramework>net8.0</TargetFramework>
                  </PropertyGroup>
                  <ItemGroup>
                    <Using Include="System.Net.Sockets" />
                  </ItemGroup>
                </Project>
                """);
            tree.Write("src/App/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");
            // Task and Console come from the root props' implicit usings, Socket from the nearer one's <Using Include>.
            tree.Write("src/App/Client.cs", Sources.ImplicitUsingsReceive);

            var run = await Cli.RunAsync(tree, "scan", "src/App/App.csproj", "--format", "json");

            Assert.True(run.ExitCode == 1, run.ToString());
            using var json = JsonDocument.Parse(run.Stdout);
            var root = json.RootElement;
            Assert.Equal(0, root.GetProperty("compilerErrors").GetInt32());
            var finding = Assert.Single(root.GetProperty("findings").EnumerateArray());
            Assert.Equal("SOCK010", finding.GetProperty("ruleId").GetString());
        }

        [Fact]
        public async Task Projects_bind_against_the_scanned_projects_they_reference()
        {
            using var tree = new TempTree();
            tree.Write("Core/Core.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");
            tree.Write("Core/Connection.cs", """
                using System.Net.Sockets;

                namespace Core
                {
                    public sealed class Connection
                    {
                        public Socket Link { get; } = new Socket(SocketType.Stream, ProtocolType.Tcp);
                    }
                }
                """);
            tree.Write("App/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><ItemGroup><ProjectReference Include=\"..\\Core\\Core.csproj\" /></ItemGroup></Project>");
            // Names no network type itself: it is found through Connection.Link, declared in the other project.
            tree.Write("App/Handler.cs", """
                namespace App
                {
                    public static class Handler
                    {
                        public static void Handle(Core.Connection connection, byte[] buffer)
                        {
                            connection.Link.Receive(buffer);
                        }
                    }
                }
                """);

            var run = await Cli.RunAsync(tree, "scan", ".", "--format", "json");

            Assert.True(run.ExitCode == 1, run.ToString());
            using var json = JsonDocument.Parse(run.Stdout);
            var root = json.RootElement;
            Assert.Equal(2, root.GetProperty("projects").GetInt32());
            Assert.Equal(0, root.GetProperty("compilerErrors").GetInt32());
            var finding = Assert.Single(root.GetProperty("findings").EnumerateArray());
            Assert.Equal("App/Handler.cs", finding.GetProperty("path").GetString());
        }

        [Fact]
        public async Task Only_files_that_name_network_types_are_analyzed_and_all_files_finds_the_same()
        {
            using var tree = new TempTree();
            tree.Write("Conn.cs", "using System.Net.Sockets;\npartial class Conn { private Socket socket; }");
            tree.Write("Conn.Read.cs", "partial class Conn { void Read(byte[] b) { socket.Receive(b); } }");
            tree.Write("Maths.cs", Sources.NoSockets);

            var filtered = await Cli.RunAsync(tree, "scan", ".", "--format", "json");
            var all = await Cli.RunAsync(tree, "scan", ".", "--format", "json", "--all-files");

            using var filteredJson = JsonDocument.Parse(filtered.Stdout);
            using var allJson = JsonDocument.Parse(all.Stdout);
            Assert.Equal(2, filteredJson.RootElement.GetProperty("filesAnalyzed").GetInt32());
            Assert.Equal(3, allJson.RootElement.GetProperty("filesAnalyzed").GetInt32());
            Assert.Equal(
                allJson.RootElement.GetProperty("findings").GetRawText(),
                filteredJson.RootElement.GetProperty("findings").GetRawText());
            Assert.Equal("Conn.Read.cs", Assert.Single(filteredJson.RootElement.GetProperty("findings").EnumerateArray()).GetProperty("path").GetString());
        }

        [Fact]
        public async Task Package_references_and_their_dependencies_bind_from_the_local_nuget_cache_when_cached()
        {
            using var tree = new TempTree();
            using var packages = new TempTree();
            // A cached package whose type hands out a socket: the scanned file names no network type itself.
            CacheFakeNet(packages);

            // The project references a meta-package without assemblies; the types come from its dependency.
            packages.Write("fake.meta/2.0.0/fake.meta.nuspec", "<?xml version=\"1.0\"?><package><metadata><id>Fake.Meta</id><dependencies><group targetFramework=\"netstandard2.0\"><dependency id=\"Fake.Net\" version=\"1.2.0\" /></group></dependencies></metadata></package>");
            tree.Write("App/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><ItemGroup><PackageReference Include=\"Fake.Meta\" Version=\"2.0.0\" /></ItemGroup></Project>");
            tree.Write("App/Use.cs", "public static class Use { public static void Read(Fake.Conn c, byte[] b) { c.Link.Receive(b); } }");

            var cached = await RunWithPackagesAsync(tree, packages.Root, verbose: true);
            var notCached = await RunWithPackagesAsync(tree, tree.PathOf("no-cache"), verbose: true);

            Assert.True(cached.ExitCode == 1, cached.ToString());
            Assert.Contains("Use.cs(1,76): warning SOCK010", cached.Stdout);
            Assert.DoesNotContain("compiler error", cached.Stdout);
            Assert.True(notCached.ExitCode == 0, notCached.ToString());
            Assert.Contains("compiler error", notCached.Stdout);

            // --verbose says which assemblies came from the cache: what binds depends on the machine.
            Assert.Contains("packages Fake.Meta; 1 assemblies from the cache at " + packages.Root + ": Fake.Net.dll", cached.Stderr);
            Assert.Contains("packages Fake.Meta; 0 assemblies from the cache at", notCached.Stderr);
        }

        /// <summary>
        /// An old-style project lists its packages in <c>packages.config</c> and names their assemblies by a <c>HintPath</c>
        /// into a <c>packages</c> folder a clone does not have (fresh58: a course game's Json.NET): they bind from the cache too.
        /// </summary>
        [Fact]
        public async Task Packages_of_a_packages_config_bind_from_the_local_nuget_cache()
        {
            using var tree = new TempTree();
            using var packages = new TempTree();
            CacheFakeNet(packages);

            tree.Write("App/App.csproj", """
                <?xml version="1.0" encoding="utf-8"?>
                <Project ToolsVersion="15.0" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
                  <PropertyGroup><OutputType>WinExe</OutputType><TargetFrameworkVersion>v4.6.1</TargetFrameworkVersion></PropertyGroup>
                  <ItemGroup>
                    <Reference Include="Fake.Net, Version=1.2.0.0, Culture=neutral"><HintPath>..\packages\Fake.Net.1.2.0\lib\net45\Fake.Net.dll</HintPath></Reference>
                  </ItemGroup>
                  <ItemGroup><Compile Include="Use.cs" /></ItemGroup>
                </Project>
                """);
            tree.Write("App/packages.config", "<?xml version=\"1.0\" encoding=\"utf-8\"?><packages><package id=\"Fake.Net\" version=\"1.2.0\" targetFramework=\"net461\" /></packages>");
            tree.Write("App/Use.cs", "public static class Use { public static void Read(Fake.Conn c, byte[] b) { c.Link.Receive(b); } }");

            var cached = await RunWithPackagesAsync(tree, packages.Root, verbose: true);

            Assert.True(cached.ExitCode == 1, cached.ToString());
            Assert.Contains("Use.cs(1,76): warning SOCK010", cached.Stdout);
            Assert.DoesNotContain("compiler error", cached.Stdout);
            Assert.Contains("packages Fake.Net; 1 assemblies from the cache at " + packages.Root + ": Fake.Net.dll", cached.Stderr);

            // A packages.config that is not XML adds nothing, and the scan goes on.
            tree.Write("App/packages.config", "<packages><package id=");
            var broken = await RunWithPackagesAsync(tree, packages.Root, verbose: true);
            Assert.True(broken.ExitCode == 0, broken.ToString());
            Assert.Contains("compiler error", broken.Stdout);
        }

        /// <summary>Puts package Fake.Net 1.2.0 in the cache <paramref name="packages"/>: one type, <c>Fake.Conn</c>, whose <c>Link</c> is a socket.</summary>
        private static void CacheFakeNet(TempTree packages)
        {
            var library = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
                "Fake.Net",
                new[] { Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("namespace Fake { public sealed class Conn { public System.Net.Sockets.Socket Link { get; } = null!; } }") },
                FrameworkReferences.Instance.References,
                new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary));
            var dll = packages.PathOf("fake.net/1.2.0/lib/netstandard2.0/Fake.Net.dll");
            Directory.CreateDirectory(Path.GetDirectoryName(dll)!);
            using var stream = File.Create(dll);
            Assert.True(library.Emit(stream).Success);
        }

        private static async Task<CliRun> RunWithPackagesAsync(TempTree tree, string packagesFolder, bool verbose = false)
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            var exit = await Program.RunAsync(new[] { "scan", "App" }, stdout, stderr, AnalyzerCatalog.Default, o =>
            {
                o.BaseDirectory = tree.Root;
                o.PackagesFolder = packagesFolder;
                o.Quiet = true;
                o.Verbose = verbose;
            });
            return new CliRun(exit, stdout.ToString(), stderr.ToString());
        }

        [Theory]
        [InlineData("global using Wire = System.Net.Sockets.Socket;", "class User { void Read(Wire w, byte[] b) { w.Receive(b); } }")]
        [InlineData("public class Link : System.Net.Sockets.Socket { public Link() : base(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { } }", "class User { void Read(Link l, byte[] b) { l.Receive(b); } }")]
        [InlineData("public static class Factory { public static System.Net.Sockets.Socket Open() => null; }", "class User { void Read(byte[] b) { var s = Factory.Open(); s.Receive(b); } }")]
        public async Task The_file_filter_follows_aliases_derived_types_and_members_declared_elsewhere(string declarations, string use)
        {
            using var tree = new TempTree();
            tree.Write("Declarations.cs", declarations);
            tree.Write("User.cs", use);

            var run = await Cli.RunAsync(tree, "scan", ".", "--format", "json");

            Assert.True(run.ExitCode == 1, run.ToString());
            using var json = JsonDocument.Parse(run.Stdout);
            Assert.Equal("User.cs", Assert.Single(json.RootElement.GetProperty("findings").EnumerateArray()).GetProperty("path").GetString());
        }

        [Fact]
        public async Task An_output_file_that_cannot_be_written_is_a_usage_error()
        {
            using var tree = new TempTree();
            tree.Write("Client.cs", Sources.DiscardedReceive);
            tree.Write("taken", "a file where a folder should be");

            var run = await Cli.RunAsync(tree, "scan", "Client.cs", "--output", "taken/report.json");

            Assert.True(run.ExitCode == 2, run.ToString());
            Assert.Contains("cannot write", run.Stderr);
        }

        [Fact]
        public async Task A_solution_file_scans_the_projects_it_lists()
        {
            using var tree = new TempTree();
            tree.Write("Listed/Listed.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");
            tree.Write("Listed/Client.cs", Sources.DiscardedReceive);
            tree.Write("Unlisted/Unlisted.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");
            tree.Write("Unlisted/Client.cs", Sources.DiscardedReceive);
            tree.Write("All.sln", "Project(\"{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}\") = \"Listed\", \"Listed\\Listed.csproj\", \"{11111111-1111-1111-1111-111111111111}\"\nEndProject\n");

            var run = await Cli.RunAsync(tree, "scan", "All.sln");

            Assert.Equal(1, run.ExitCode);
            Assert.Contains(Path.Combine("Listed", "Client.cs") + "(10,13)", run.Stdout);
            Assert.DoesNotContain("Unlisted", run.Stdout);
        }
    }
}
