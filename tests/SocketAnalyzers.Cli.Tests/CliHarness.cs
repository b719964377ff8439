using System;
using System.Linq;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SocketAnalyzers.Cli.Tests
{
    /// <summary>A throwaway folder of sources, deleted at the end of the test.</summary>
    public sealed class TempTree : IDisposable
    {
        public TempTree()
        {
            Root = Path.Combine(Path.GetTempPath(), "socketanalyzers-cli-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Root);
        }

        public string Root { get; }

        public string Write(string relativePath, string content, Encoding? encoding = null)
        {
            var path = PathOf(relativePath);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            File.WriteAllText(path, content, encoding ?? new UTF8Encoding(false));
            return path;
        }

        public string PathOf(string relativePath) => System.IO.Path.Combine(Root, relativePath.Replace('/', System.IO.Path.DirectorySeparatorChar));

        public string Read(string relativePath) => File.ReadAllText(PathOf(relativePath));

        public void Dispose()
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    public sealed record CliRun(int ExitCode, string Stdout, string Stderr)
    {
        public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
    }

    /// <summary>Runs the scanner in-process, with paths relative to <see cref="TempTree.Root"/>.</summary>
    internal static class Cli
    {
        public static Task<CliRun> RunAsync(TempTree tree, params string[] args) => RunWithAsync(tree, null, null, args);

        /// <summary>
        /// Runs with the package's analyzers plus <paramref name="extraAnalyzers"/>, and with exactly the code fixes in
        /// <paramref name="fixers"/> instead of the package's own (null keeps the package's), so that a test of the
        /// --fix machinery does not depend on which rules have a real fix.
        /// </summary>
        public static async Task<CliRun> RunWithAsync(TempTree? tree, DiagnosticAnalyzer[]? extraAnalyzers, CodeFixProvider[]? fixers, params string[] args)
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            var catalog = AnalyzerCatalog.Default;
            if (extraAnalyzers is not null || fixers is not null)
            {
                catalog = new AnalyzerCatalog(
                    catalog.Analyzers.Concat(extraAnalyzers ?? Array.Empty<DiagnosticAnalyzer>()),
                    fixers ?? (System.Collections.Generic.IEnumerable<CodeFixProvider>)catalog.Fixers);
            }

            var exitCode = await Program.RunAsync(args, stdout, stderr, catalog, options =>
            {
                if (tree is not null)
                {
                    options.BaseDirectory = tree.Root;
                }

                options.ProgressDelay = TimeSpan.FromHours(1);
            });
            return new CliRun(exitCode, stdout.ToString().Replace("\r\n", "\n"), stderr.ToString().Replace("\r\n", "\n"));
        }
    }

    /// <summary>Sources the tests scan.</summary>
    internal static class Sources
    {
        /// <summary>One SOCK010 at line 10, column 13 (the discarded Receive).</summary>
        public const string DiscardedReceive = """
            using System.Net.Sockets;

            namespace Demo
            {
                public sealed class Client
                {
                    public void ReadHeader(Socket socket)
                    {
                        var buffer = new byte[16];
                        socket.Receive(buffer);
                        System.Console.WriteLine(buffer[0]);
                    }
                }
            }
            """;

        public const string CountedReceive = """
            using System.Net.Sockets;

            namespace Demo
            {
                public sealed class Reader
                {
                    public int ReadHeader(Socket socket)
                    {
                        var buffer = new byte[16];
                        var received = socket.Receive(buffer);
                        return received;
                    }
                }
            }
            """;

        /// <summary>A framing in the host's order at both ends: SOCK020 on the length written, SOCK021 on the length read.</summary>
        public const string HostOrderFraming = """
            using System;
            using System.Net.Sockets;

            public static class Framing
            {
                public static void Send(NetworkStream stream, byte[] payload)
                {
                    stream.Write(BitConverter.GetBytes(payload.Length), 0, 4);
                    stream.Write(payload, 0, payload.Length);
                }

                public static int ReadLength(NetworkStream stream)
                {
                    var header = new byte[4];
                    stream.ReadExactly(header, 0, 4);
                    return BitConverter.ToInt32(header, 0);
                }
            }
            """;

        /// <summary>
        /// A discarded receive count written without using directives: <c>Task</c> and <c>Console</c> bind only through the
        /// SDK's implicit usings, <c>Socket</c> only through a <c>&lt;Using Include="System.Net.Sockets" /&gt;</c> item.
        /// </summary>
        public const string ImplicitUsingsReceive = """
            namespace App;

            public sealed class Client
            {
                public async Task ReadAsync(Socket socket)
                {
                    var buffer = new byte[8];
                    await socket.ReceiveAsync(buffer.AsMemory(), SocketFlags.None);
                    Console.WriteLine(buffer[0]);
                }
            }
            """;

        public const string NoSockets = """
            namespace Demo
            {
                public static class Maths
                {
                    public static int Twice(int x) => x * 2;
                }
            }
            """;
    }
}
