using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;

namespace SocketAnalyzers.Package.Tests
{
    /// <summary>
    /// Packs the repository's SocketAnalyzers package once, with a unique version, into a temporary folder feed, and
    /// builds throwaway consumer projects against it with a private <c>NUGET_PACKAGES</c> (no stale cache).
    /// The repository itself is copied first, so packing leaves no trace in its bin/ and obj/.
    /// </summary>
    public sealed class PackageFixture : IDisposable
    {
        public const string PackageId = "SocketAnalyzers";

        private static readonly string[] SkippedFolders = { "bin", "obj", ".git", ".vs", ".idea", "TestResults", "artifacts", "BenchmarkDotNet.Artifacts", "node_modules" };

        public PackageFixture()
        {
            RepositoryRoot = FindRepositoryRoot();
            Version = "0.0.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
            TempRoot = Path.Combine(Path.GetTempPath(), "socketanalyzers-package-" + Guid.NewGuid().ToString("N"));
            Feed = Path.Combine(TempRoot, "feed");
            Packages = Path.Combine(TempRoot, "nuget-packages");
            Consumers = Path.Combine(TempRoot, "consumers");
            var source = Path.Combine(TempRoot, "src");
            Source = source;
            Directory.CreateDirectory(Feed);
            Directory.CreateDirectory(Packages);
            Directory.CreateDirectory(Consumers);
            CopyRepository(RepositoryRoot, source);

            // The consumers must see none of the repository's build settings, nor any Directory.*.props above the temp folder.
            File.WriteAllText(Path.Combine(Consumers, "Directory.Build.props"), "<Project />\n");
            File.WriteAllText(Path.Combine(Consumers, "Directory.Build.targets"), "<Project />\n");
            File.WriteAllText(Path.Combine(Consumers, "Directory.Packages.props"), "<Project />\n");
            File.WriteAllText(Path.Combine(Consumers, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <clear />
                    <add key="socketanalyzers-test-feed" value="{Feed}" />
                    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
                  </packageSources>
                </configuration>
                """);

            var stopwatch = Stopwatch.StartNew();
            PackResult = Run(
                source,
                TimeSpan.FromMinutes(4),
                privatePackages: false,
                new[] { "pack", Path.Combine(source, "Package", "SocketAnalyzers.Package.csproj"), "-c", "Release", "-nologo", "-p:Version=" + Version, "-o", Feed });
            PackTime = stopwatch.Elapsed;
            NupkgPath = Path.Combine(Feed, $"{PackageId}.{Version}.nupkg");
        }

        public string RepositoryRoot { get; }

        /// <summary>The unique version of this run's package.</summary>
        public string Version { get; }

        public string TempRoot { get; }

        /// <summary>The temporary copy of the repository that was packed (samples/ included).</summary>
        public string Source { get; }

        public string Feed { get; }

        /// <summary>The private NUGET_PACKAGES of the consumers.</summary>
        public string Packages { get; }

        public string Consumers { get; }

        public ProcessResult PackResult { get; }

        public TimeSpan PackTime { get; }

        public string NupkgPath { get; }

        /// <summary>The nupkg; fails with the pack output when packing failed.</summary>
        public string RequireNupkg()
        {
            if (PackResult.ExitCode != 0 || !File.Exists(NupkgPath))
            {
                throw new InvalidOperationException($"Packing failed or made no {Path.GetFileName(NupkgPath)}.\n{PackResult}");
            }

            return NupkgPath;
        }

        /// <summary>
        /// Writes a net10.0 console project named <paramref name="name"/> that references the package, with
        /// <paramref name="program"/> as Program.cs and an optional .editorconfig, and runs <c>dotnet build</c> on it.
        /// </summary>
        public ProcessResult BuildConsumer(string name, string program, string? editorConfig = null, params string[] buildArguments)
            => BuildProject(name, "Exe", new Dictionary<string, string> { ["Program.cs"] = program }, editorConfig, buildArguments);

        /// <summary>
        /// Writes a net10.0 project named <paramref name="name"/> of the given output type (Exe or Library) that
        /// references the package, with <paramref name="files"/> (path relative to the project folder, text) compiled
        /// through the SDK's default globs and an optional .editorconfig beside the project, and runs <c>dotnet build</c> on it.
        /// </summary>
        public ProcessResult BuildProject(string name, string outputType, IReadOnlyDictionary<string, string> files, string? editorConfig = null, params string[] buildArguments)
        {
            RequireNupkg();
            var directory = Path.Combine(Consumers, name);
            Directory.CreateDirectory(directory);
            File.WriteAllText(Path.Combine(directory, name + ".csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>{outputType}</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <ImplicitUsings>disable</ImplicitUsings>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="{PackageId}" Version="[{Version}]" PrivateAssets="all" />
                  </ItemGroup>
                </Project>
                """);
            foreach (var (path, text) in files)
            {
                var full = Path.Combine(directory, path);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                File.WriteAllText(full, text);
            }

            if (editorConfig is not null)
            {
                File.WriteAllText(Path.Combine(directory, ".editorconfig"), editorConfig);
            }

            return Run(directory, TimeSpan.FromMinutes(2), privatePackages: true, new[] { "build", "-nologo", "-tl:off" }.Concat(buildArguments).ToArray());
        }

        /// <summary>
        /// Runs <c>dotnet <paramref name="arguments"/></c> in <paramref name="workingDirectory"/> as a consumer would: the
        /// private NUGET_PACKAGES, no MSBuild node reuse, nothing inherited from the test host's own build.
        /// </summary>
        public ProcessResult RunDotnet(string workingDirectory, TimeSpan timeout, params string[] arguments)
            => Run(workingDirectory, timeout, privatePackages: true, arguments);

        /// <summary><see cref="RunDotnet(string, TimeSpan, string[])"/> with more environment variables.</summary>
        public ProcessResult RunDotnet(string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string> environment, params string[] arguments)
            => Run(workingDirectory, timeout, privatePackages: true, arguments, environment);

        public void Dispose()
        {
            try
            {
                Directory.Delete(TempRoot, recursive: true);
            }
            catch (IOException)
            {
                // A build server may still hold a file; the temp folder is left for the OS to clean.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        private ProcessResult Run(string workingDirectory, TimeSpan timeout, bool privatePackages, string[] arguments, IReadOnlyDictionary<string, string>? environment = null)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            // The test host inherits MSBuild and VSTest variables from `dotnet test`; a child build must not.
            foreach (var key in start.Environment.Keys.ToList())
            {
                if (key.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || key.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase))
                {
                    start.Environment.Remove(key);
                }
            }

            start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";
            start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
            start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
            if (privatePackages)
            {
                start.Environment["NUGET_PACKAGES"] = Packages;
            }

            if (environment is not null)
            {
                foreach (var (key, value) in environment)
                {
                    start.Environment[key] = value;
                }
            }

            var output = new StringBuilder();
            var stopwatch = Stopwatch.StartNew();
            using var process = new Process { StartInfo = start };
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                lock (output)
                {
                    output.AppendLine($"(killed after {timeout.TotalSeconds} s)");
                }

                return new ProcessResult("dotnet " + string.Join(" ", arguments), workingDirectory, -1, output.ToString(), stopwatch.Elapsed, TimedOut: true);
            }

            process.WaitForExit();
            lock (output)
            {
                return new ProcessResult("dotnet " + string.Join(" ", arguments), workingDirectory, process.ExitCode, output.ToString(), stopwatch.Elapsed, TimedOut: false);
            }
        }

        private static void CopyRepository(string from, string to)
        {
            Directory.CreateDirectory(to);
            foreach (var file in Directory.EnumerateFiles(from))
            {
                if (Path.GetFileName(file) != ".git")
                {
                    File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
                }
            }

            foreach (var directory in Directory.EnumerateDirectories(from))
            {
                if (!SkippedFolders.Contains(Path.GetFileName(directory), StringComparer.OrdinalIgnoreCase))
                {
                    CopyRepository(directory, Path.Combine(to, Path.GetFileName(directory)));
                }
            }
        }

        private static string FindRepositoryRoot()
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "SocketAnalyzers.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException($"No SocketAnalyzers.sln in {AppContext.BaseDirectory} or any folder above it.");
        }
    }

    /// <summary>A finished child process: what ran, where, how it ended, and everything it printed.</summary>
    public sealed record ProcessResult(string Command, string WorkingDirectory, int ExitCode, string Output, TimeSpan Elapsed, bool TimedOut)
    {
        public IEnumerable<string> Lines => Output.Split('\n').Select(l => l.TrimEnd('\r'));

        public override string ToString()
            => $"$ {Command}\n  (in {WorkingDirectory}; exit code {ExitCode}{(TimedOut ? ", timed out" : string.Empty)}; {Elapsed.TotalSeconds:0.0} s)\n{Output}";
    }
}
