using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using SocketAnalyzers.Tests.Verifiers;
using Xunit;
using Xunit.Abstractions;

namespace SocketAnalyzers.Tests.Meta
{
    /// <summary>
    /// Valid code stays quiet and broken code does not crash: every analyzer of the package runs over the Runtime
    /// library, over correct socket programs, and over half-typed code (IDisposableAnalyzers' AllAnalyzersValid).
    /// </summary>
    public sealed class ValidCodeTests
    {
        private readonly ITestOutputHelper output;

        public ValidCodeTests(ITestOutputHelper output)
        {
            this.output = output;
        }

        /// <summary>What to compile as which target framework: all of Runtime/ as net10.0, the library alone (its only netstandard2.0 project) as netstandard2.0.</summary>
        public static TheoryData<string, string> RuntimeConfigurations => new()
        {
            { "Runtime", "net10.0" },
            { "Runtime/SocketAnalyzers.Runtime", "netstandard2.0" },
        };

        public static TheoryData<string> CorrectProgramNames => Names(CorrectPrograms);

        public static TheoryData<string> BrokenSnippetNames => Names(BrokenSnippets);

        [Theory]
        [MemberData(nameof(RuntimeConfigurations))]
        public async Task Runtime_sources_stay_quiet(string folder, string targetFramework)
        {
            // Every .cs under Runtime/, compiled together as each target framework sees it. References the Runtime
            // projects take from packages are not here, so compile errors are tolerated: the analyzers must stay
            // quiet and not crash on the code either way.
            var files = Repository.CSharpFiles(folder);
            var test = new SocketAnalyzerTest { AllowCompilerErrors = true };
            if (targetFramework == "netstandard2.0")
            {
                test.References = ReferenceSet.NetStandard20WithRuntimeDependencies;
                test.PreprocessorSymbols.AddRange(new[] { "NETSTANDARD", "NETSTANDARD2_0", "NETSTANDARD2_0_OR_GREATER", "NETSTANDARD1_0_OR_GREATER" });
            }
            else
            {
                test.PreprocessorSymbols.AddRange(new[] { "NET", "NET10_0", "NETCOREAPP", "NET10_0_OR_GREATER", "NET9_0_OR_GREATER", "NET8_0_OR_GREATER", "NET7_0_OR_GREATER", "NET6_0_OR_GREATER", "NET5_0_OR_GREATER", "NETCOREAPP3_1_OR_GREATER", "NETCOREAPP2_0_OR_GREATER" });
            }

            var texts = files.Select(File.ReadAllText).ToImmutableArray();
            var project = test.CreateProject(texts);
            var compilation = (await project.GetCompilationAsync())!;
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            output.WriteLine($"{files.Count} files under {folder}/ ({targetFramework}); {errors.Count} compile errors tolerated.");
            foreach (var error in errors.Take(20))
            {
                output.WriteLine("  " + Describe(error, files));
            }

            var diagnostics = await SocketAnalyzerTest.GetAnalyzerDiagnosticsAsync(project, test.Analyzers, CancellationToken.None);

            Assert.True(
                diagnostics.IsEmpty,
                $"{folder}/ is correct socket code, yet the analyzers report:\n" + string.Join("\n", diagnostics.Select(d => Describe(d, files))));
        }

        [Theory]
        [MemberData(nameof(CorrectProgramNames))]
        public async Task Correct_socket_program_compiles_and_stays_quiet(string name)
        {
            await new SocketAnalyzerTest { TestCode = CorrectPrograms[name] }.RunAsync();
        }

        [Theory]
        [MemberData(nameof(BrokenSnippetNames))]
        public async Task Broken_code_does_not_crash_the_analyzers(string name)
        {
            var test = new SocketAnalyzerTest { AllowCompilerErrors = true };
            var project = test.CreateProject(ImmutableArray.Create(BrokenSnippets[name]));
            var compilation = (await project.GetCompilationAsync())!;
            Assert.Contains(compilation.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);

            // Throws a VerifierException on AD0001; diagnostics themselves are allowed on broken code.
            var diagnostics = await SocketAnalyzerTest.GetAnalyzerDiagnosticsAsync(project, test.Analyzers, CancellationToken.None);
            output.WriteLine(string.Join("\n", diagnostics.Select(d => d.ToString())));
        }

        private static string Describe(Diagnostic d, IReadOnlyList<string> files)
        {
            var span = d.Location.GetLineSpan();
            var index = Enumerable.Range(0, files.Count).FirstOrDefault(i => SocketAnalyzerTest.FileName(i) == span.Path, -1);
            var path = index >= 0 ? Repository.Relative(files[index]) : span.Path;
            return $"{path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
        }

        private static TheoryData<string> Names(IReadOnlyDictionary<string, string> snippets)
        {
            var data = new TheoryData<string>();
            foreach (var name in snippets.Keys)
            {
                data.Add(name);
            }

            return data;
        }

        /// <summary>Socket code that does everything right: no rule may fire.</summary>
        private static readonly IReadOnlyDictionary<string, string> CorrectPrograms = new Dictionary<string, string>
        {
            ["Echo server: bind, listen, accept, read until 0, half-close"] = """
                using System.Net;
                using System.Net.Sockets;

                public static class EchoServer
                {
                    public static void Run(int port, int connections)
                    {
                        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        listener.Bind(new IPEndPoint(IPAddress.Loopback, port));
                        listener.Listen(16);
                        for (var i = 0; i < connections; i++)
                        {
                #pragma warning disable SOCK050 // iterative by design: serves the clients one after the other
                            using var client = listener.Accept();
                #pragma warning restore SOCK050
                            var buffer = new byte[4096];
                            while (true)
                            {
                                var n = client.Receive(buffer);
                                if (n == 0)
                                {
                                    break;
                                }

                                var sent = 0;
                                while (sent < n)
                                {
                                    sent += client.Send(buffer, sent, n - sent, SocketFlags.None);
                                }
                            }

                            client.Shutdown(SocketShutdown.Send);
                        }
                    }
                }
                """,
            ["Framed client: big-endian length prefix, ReadExactlyAsync"] = """
                using System;
                using System.Buffers.Binary;
                using System.Net;
                using System.Net.Sockets;
                using System.Text;
                using System.Threading;
                using System.Threading.Tasks;

                public static class FramedClient
                {
                    public static async Task<string> RequestAsync(IPEndPoint server, string request, CancellationToken cancellationToken)
                    {
                        using var client = new TcpClient();
                        await client.ConnectAsync(server, cancellationToken).ConfigureAwait(false);
                        using var stream = client.GetStream();

                        var payload = Encoding.UTF8.GetBytes(request);
                        var header = new byte[4];
                        BinaryPrimitives.WriteInt32BigEndian(header, payload.Length);
                        await stream.WriteAsync(header, cancellationToken).ConfigureAwait(false);
                        await stream.WriteAsync(payload, cancellationToken).ConfigureAwait(false);

                        await stream.ReadExactlyAsync(header, cancellationToken).ConfigureAwait(false);
                        var length = BinaryPrimitives.ReadInt32BigEndian(header);
                        if (length < 0 || length > 1 << 20)
                        {
                            throw new InvalidOperationException($"Frame of {length} bytes refused.");
                        }

                        var body = new byte[length];
                        await stream.ReadExactlyAsync(body, cancellationToken).ConfigureAwait(false);
                        return Encoding.UTF8.GetString(body);
                    }
                }
                """,
            ["UDP: bind, SendTo and ReceiveFrom without Connect"] = """
                using System;
                using System.Net;
                using System.Net.Sockets;

                public static class UdpPing
                {
                    public static ReadOnlyMemory<byte> Ping(IPEndPoint target)
                    {
                        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
                        socket.SendTo(new byte[] { 1, 2, 3 }, target);
                        var buffer = new byte[512];
                        EndPoint from = new IPEndPoint(IPAddress.Any, 0);
                        var n = socket.ReceiveFrom(buffer, ref from);
                        return buffer.AsMemory(0, n);
                    }
                }
                """,
            ["Half-close client: Shutdown(Send), then receive until 0"] = """
                using System.IO;
                using System.Net;
                using System.Net.Sockets;

                public static class HalfCloseClient
                {
                    public static byte[] Exchange(EndPoint server, byte[] request)
                    {
                        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                        socket.Connect(server);
                        var sent = 0;
                        while (sent < request.Length)
                        {
                            sent += socket.Send(request, sent, request.Length - sent, SocketFlags.None);
                        }

                        socket.Shutdown(SocketShutdown.Send);
                        using var received = new MemoryStream();
                        var buffer = new byte[1024];
                        int n;
                        while ((n = socket.Receive(buffer)) > 0)
                        {
                            received.Write(buffer, 0, n);
                        }

                        return received.ToArray();
                    }
                }
                """,
            ["TcpListener server: Start, AcceptTcpClientAsync, read with the count"] = """
                using System;
                using System.Net;
                using System.Net.Sockets;
                using System.Text;
                using System.Threading;
                using System.Threading.Tasks;

                public static class LineServer
                {
                    public static async Task<string> ReadOneLineAsync(int port, CancellationToken cancellationToken)
                    {
                        var listener = new TcpListener(IPAddress.Loopback, port);
                        listener.Start();
                        try
                        {
                            using var client = await listener.AcceptTcpClientAsync(cancellationToken).ConfigureAwait(false);
                            var stream = client.GetStream();
                            var text = new StringBuilder();
                            var buffer = new byte[256];
                            while (true)
                            {
                                var n = await stream.ReadAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
                                if (n == 0)
                                {
                                    return text.ToString();
                                }

                                var chunk = Encoding.ASCII.GetString(buffer, 0, n);
                                var end = chunk.IndexOf('\n');
                                if (end >= 0)
                                {
                                    return text.Append(chunk, 0, end).ToString();
                                }

                                text.Append(chunk);
                            }
                        }
                        finally
                        {
                            listener.Stop();
                        }
                    }
                }
                """,
            ["Byte order: ports in host order, numbers converted for the wire"] = """
                using System;
                using System.Buffers.Binary;
                using System.Net;
                using System.Net.Sockets;

                public static class Wire
                {
                    public static IPEndPoint Endpoint(int port) => new IPEndPoint(IPAddress.Loopback, port);

                    public static void SendHeader(Socket connected, ushort kind, uint length)
                    {
                        Span<byte> header = stackalloc byte[6];
                        BinaryPrimitives.WriteUInt16BigEndian(header, kind);
                        BinaryPrimitives.WriteUInt32BigEndian(header.Slice(2), length);
                        var sent = 0;
                        while (sent < header.Length)
                        {
                            sent += connected.Send(header.Slice(sent));
                        }
                    }

                    public static uint ReadLength(ReadOnlySpan<byte> header) => BinaryPrimitives.ReadUInt32BigEndian(header.Slice(2));

                    public static int NetworkOrderInt(byte[] bytes) => IPAddress.NetworkToHostOrder(BitConverter.ToInt32(bytes, 0));
                }
                """,
            ["Sockets from parameters and fields are unknown, so quiet"] = """
                using System.Net.Sockets;
                using System.Threading.Tasks;

                public sealed class Connection
                {
                    private readonly Socket socket;

                    public Connection(Socket socket)
                    {
                        this.socket = socket;
                    }

                    public void Listen() => socket.Listen(10);

                    public Socket Accept() => socket.Accept();

                    public int Read(byte[] buffer) => socket.Receive(buffer);

                    public Task<int> ReadAsync(byte[] buffer) => socket.ReceiveAsync(buffer, SocketFlags.None);

                    public void Close() => socket.Close();
                }
                """,
            ["No sockets at all: Stream reads and BitConverter"] = """
                using System;
                using System.IO;

                public static class Files
                {
                    public static int FirstNumber(string path)
                    {
                        using var file = File.OpenRead(path);
                        var buffer = new byte[4];
                        file.ReadExactly(buffer);
                        return BitConverter.ToInt32(buffer, 0);
                    }
                }
                """,
            ["Lookalike types named Socket and NetworkStream"] = """
                namespace Fake
                {
                    public sealed class Socket
                    {
                        public int Receive(byte[] buffer) => 0;

                        public void Listen(int backlog) { }

                        public Socket Accept() => this;
                    }

                    public sealed class NetworkStream
                    {
                        public int Read(byte[] buffer, int offset, int count) => 0;
                    }

                    public static class Use
                    {
                        public static void M()
                        {
                            var socket = new Socket();
                            socket.Listen(1);
                            socket.Accept().Receive(new byte[1]);
                            new NetworkStream().Read(new byte[1], 0, 1);
                        }
                    }
                }
                """,
        };

        /// <summary>Half-typed socket code, as an editor sees it while the user types.</summary>
        private static readonly IReadOnlyDictionary<string, string> BrokenSnippets = new Dictionary<string, string>
        {
            ["member access being typed: socket."] = "using System.Net.Sockets;\nclass C { void M(Socket socket) { socket. } }",
            ["constructor being typed: new Socket("] = "using System.Net.Sockets;\nclass C { void M() { var s = new Socket( } }",
            ["missing closing braces"] = "using System.Net.Sockets;\nclass C { void M(Socket s, byte[] b) { s.Receive(b); ",
            ["unknown socket type"] = "class C { void M(Sockett s, byte[] buffer) { s.Receive(buffer); s.Listen(1); } }",
            ["unknown buffer"] = "using System.Net.Sockets;\nclass C { void M(Socket s) { s.Receive(buffer); } }",
            ["await outside async"] = "using System.Net.Sockets;\nclass C { void M(Socket s, byte[] b) { await s.ReceiveAsync(b, SocketFlags.None); } }",
            ["no arguments"] = "using System.Net.Sockets;\nclass C { void M(Socket s) { s.Receive(); s.Bind(); s.Listen(); s.Accept(1); } }",
            ["wrong argument types"] = "using System.Net.Sockets;\nclass C { void M(Socket s) { s.Receive(\"text\"); s.Connect(42); } }",
            ["unclosed argument list"] = "using System.Net.Sockets;\nclass C { void M(Socket s, byte[] b) { var n = s.Receive(b } }",
            ["misspelled method"] = "using System.Net.Sockets;\nclass C { void M(Socket s, byte[] b) { s.Recieve(b); s.Lisen(1); } }",
            ["lifecycle being typed"] = "using System.Net;\nusing System.Net.Sockets;\nclass C { void M() { var l = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); l.Bind(new IPEndPoint(IPAddress.Any, )); l.Listen(; var c = l.Accept(); c.Send( } }",
            ["lambda being typed"] = "using System;\nusing System.Net.Sockets;\nclass C { void M(Socket s, byte[] b) { Func<int> f = () => s.Receive(; } }",
            ["top-level statements being typed"] = "using System.Net.Sockets;\nvar s = new Socket(SocketType.Stream, ProtocolType.Tcp);\ns.Connect(\"localhost\", );\ns.Receive(new byte[4]\n",
            ["read loop with an empty if"] = "using System.Net.Sockets;\nclass C { void M(Socket s, byte[] b) { while (true) { var n = s.Receive(b); if (n == 0) } } }",
            ["byte order calls being typed"] = "using System;\nusing System.Net;\nclass C { byte[] M(int v) { var x = IPAddress.HostToNetworkOrder(; return BitConverter.GetBytes( } }",
            ["ConfigureAwait being typed"] = "using System.Net.Sockets;\nusing System.Threading.Tasks;\nclass C { async Task M(NetworkStream s, byte[] b) { await s.ReadAsync(b, 0, b.Length).ConfigureAwait(; } }",
            ["binary expression missing an operand"] = "using System.Net.Sockets;\nclass C { int M(Socket s, byte[] b) { var x = s.Receive(b) + ; return x; } }",
            ["goto to a missing label"] = "using System.Net.Sockets;\nclass C { void M(Socket s, byte[] b) { goto done; s.Receive(b); } }",
            ["using declaration without a type"] = "using System.Net.Sockets;\nclass C { void M() { using var = new Socket(SocketType.Stream, ProtocolType.Tcp); } }",
            ["duplicate locals and members"] = "using System.Net.Sockets;\nclass C { void M(Socket s, byte[] b) { var n = s.Receive(b); var n = s.Receive(b); } void M(Socket s, byte[] b) { } }",
            ["socket used as a type argument of an unknown generic"] = "using System.Net.Sockets;\nclass C { void M() { var list = new Lisst<Socket>(); list[0].Receive(new byte[1]); } }",
            ["only a using directive"] = "using System.Net.Sockets",
            ["garbage"] = "}}} socket.Receive( {{{ ))) class",
            ["switch expression being typed"] = "using System.Net.Sockets;\nclass C { int M(Socket s, byte[] b, int k) => k switch { 0 => s.Receive(b), 1 => , _ => s. }; }",
            ["local function being typed"] = "using System.Net.Sockets;\nclass C { void M(Socket s) { int Read(byte[] b) => s.Receive(b; Read(new byte[1]); } }",
            ["pattern matching on a socket being typed"] = "using System.Net.Sockets;\nclass C { void M(object o, byte[] b) { if (o is Socket { Connected: } s) s.Receive(b); } }",
        };
    }
}
