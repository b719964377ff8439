using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using SocketAnalyzers.Tests.Verifiers;
using Xunit;

namespace SocketAnalyzers.Tests.ByteOrder
{
    /// <summary>The byte-order rules never throw on code the user is still typing: every sample of the family,
    /// cut off at many points, analyses without AD0001 (the verifier fails on any analyzer exception).</summary>
    public sealed class ByteOrderRobustnessTests
    {
        public static IEnumerable<object[]> Cuts()
        {
            foreach (var file in Directory.GetFiles(Path.Combine(RepositoryRoot(), "samples", "ByteOrder"), "*.cs").OrderBy(f => f, StringComparer.Ordinal))
            {
                var length = File.ReadAllText(file).Length;
                for (var cut = length / 4; cut < length; cut += length / 25)
                {
                    yield return new object[] { Path.GetFileName(file), cut };
                }
            }
        }

        [Theory]
        [MemberData(nameof(Cuts))]
        public Task Truncated_sample_does_not_crash(string file, int cut)
        {
            var text = File.ReadAllText(Path.Combine(RepositoryRoot(), "samples", "ByteOrder", file)).Replace("\r\n", "\n", StringComparison.Ordinal);
            var truncated = text.Substring(0, Math.Min(cut, text.Length)).Replace("[|", "[ |", StringComparison.Ordinal).Replace("{|", "{ |", StringComparison.Ordinal);
            var test = new SocketAnalyzerTest { TestCode = truncated, AllowCompilerErrors = true };
            return RunIgnoringExpectedDiagnosticsAsync(test);
        }

        private static async Task RunIgnoringExpectedDiagnosticsAsync(SocketAnalyzerTest test)
        {
            try
            {
                await test.RunAsync();
            }
            catch (VerifierException e) when (!e.Message.Contains("AD0001", StringComparison.Ordinal))
            {
                // Which diagnostics a half-typed file gets is not the point here; only a crash is.
            }
        }

        private static string RepositoryRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "SocketAnalyzers.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("SocketAnalyzers.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
