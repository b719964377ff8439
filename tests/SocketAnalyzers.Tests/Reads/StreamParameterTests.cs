using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using SocketAnalyzers.Tests.Verifiers;
using Xunit;
using static SocketAnalyzers.Tests.Reads.ReadTestCode;
using Verify010 = SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<SocketAnalyzers.Reads.SOCK010DiscardedReadCountAnalyzer, SocketAnalyzers.CodeFixes.Reads.SOCK010DiscardedReadCountCodeFixProvider>;
using Verify011 = SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<SocketAnalyzers.Reads.SOCK011ReadLoopIgnoresEndOfStreamAnalyzer, SocketAnalyzers.CodeFixes.Reads.SOCK011ReadLoopIgnoresEndOfStreamCodeFixProvider>;
using Verify012 = SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<SocketAnalyzers.Reads.SOCK012WholeBufferConsumedAnalyzer, SocketAnalyzers.CodeFixes.Reads.SOCK012WholeBufferConsumedCodeFixProvider>;

namespace SocketAnalyzers.Tests.Reads
{
    /// <summary>
    /// A parameter typed <c>Stream</c> of a private helper or local function that every call gives a network stream (or
    /// null) is a network stream (issue 13): <c>Handle(client.GetStream())</c>, <c>new Thread(() =&gt; Handle(stream))</c>,
    /// <c>Task.Run(() =&gt; HandleAsync(ns))</c>. Its reads are followed like those of a <c>NetworkStream</c> parameter by
    /// SOCK010, SOCK011 and SOCK012. A method other code may call, one used other than by a call, one called with anything
    /// else, and a parameter the helper writes or takes by <c>ref</c> stay unknown.
    /// </summary>
    public sealed class StreamParameterTests
    {
        private static string Class(string members) => Usings + "class Server\n{\n    private readonly TcpListener listener = new TcpListener(IPAddress.Loopback, 7000);\n\n    public Server() => listener.Start();\n\n" + Indent(members, 4) + "\n}\n";

        private const string SpinningHandle = """
            private static void Handle(Stream stream)
            {
                var buf = new byte[1024];
                while (true)
                {
                    int n = [|stream.Read(buf, 0, buf.Length)|];
                    Console.WriteLine(Encoding.UTF8.GetString(buf, 0, n));
                }
            }
            """;

        [Theory]
        [InlineData("""
            var client = listener.AcceptTcpClient();
            Handle(client.GetStream());
            """)]
        [InlineData("""
            var client = listener.AcceptTcpClient();
            var stream = client.GetStream();
            new Thread(() => Handle(stream)).Start();
            """)]
        [InlineData("""
            var client = listener.AcceptTcpClient();
            NetworkStream ns = client.GetStream();
            Task.Run(() => Handle(ns));
            """)]
        [InlineData("""
            var socket = listener.AcceptSocket();
            Stream stream = null;
            stream = new NetworkStream(socket, ownsSocket: true);
            Handle(stream);
            Handle(null);
            """)]
        [InlineData("""
            var client = listener.AcceptTcpClient();
            var ssl = new SslStream(client.GetStream());
            Handle(ssl);
            """)]
        public Task A_private_helper_whose_every_call_passes_a_network_stream_spins_at_0_for_SOCK011(string run)
            => Verify011.VerifyAnalyzerAsync(Class("public void Run()\n{\n" + Indent(run, 4) + "\n}\n\n" + SpinningHandle));

        [Fact]
        public Task A_local_function_whose_every_call_passes_a_network_stream_is_followed()
            => Verify011.VerifyAnalyzerAsync(Class("""
                public void Run()
                {
                    var client = listener.AcceptTcpClient();
                    new Thread(() => Pump(client.GetStream())).Start();

                    void Pump(Stream s)
                    {
                        var buf = new byte[256];
                        while (true)
                        {
                            int n = [|s.Read(buf, 0, buf.Length)|];
                            Console.Write(n);
                        }
                    }
                }
                """));

        [Fact]
        public Task An_async_helper_reading_in_a_loop_is_followed()
            => Verify011.VerifyAnalyzerAsync(Class("""
                public async Task RunAsync()
                {
                    var client = await listener.AcceptTcpClientAsync();
                    _ = Task.Run(() => HandleAsync(client.GetStream()));
                }

                private async Task HandleAsync(Stream stream)
                {
                    var buffer = new byte[4096];
                    while (true)
                    {
                        var n = await [|stream.ReadAsync(buffer, 0, buffer.Length)|];
                        Console.WriteLine(Encoding.ASCII.GetString(buffer, 0, n));
                    }
                }
                """));

        [Fact]
        public Task A_helper_called_only_from_such_helpers_is_followed_along_the_chain()
            => Verify011.VerifyAnalyzerAsync(Class("""
                public void Run() => Handle(listener.AcceptTcpClient().GetStream());

                private void Handle(Stream stream)
                {
                    Console.WriteLine("connected");
                    Pump(stream, new byte[512]);
                }

                private void Pump(Stream s, byte[] buffer)
                {
                    while (true)
                    {
                        var n = [|s.Read(buffer, 0, buffer.Length)|];
                        Console.WriteLine(n);
                    }
                }
                """));

        [Fact]
        public Task A_recursive_call_that_passes_the_stream_on_adds_nothing()
            => Verify011.VerifyAnalyzerAsync(Class("""
                public void Run() => Handle(listener.AcceptTcpClient().GetStream(), 0);

                private void Handle(Stream stream, int depth)
                {
                    var buf = new byte[64];
                    while (true)
                    {
                        var n = [|stream.Read(buf, 0, buf.Length)|];
                        Console.WriteLine(n);
                        if (depth < 0)
                        {
                            Handle(stream, depth + 1);
                        }
                    }
                }
                """));

        [Fact]
        public Task A_reader_built_over_such_a_parameter_is_a_network_reader()
            => Verify011.VerifyAnalyzerAsync(Class("""
                public void Run() => Handle(listener.AcceptTcpClient().GetStream());

                private static void Handle(Stream stream)
                {
                    var reader = new StreamReader(stream);
                    while (true)
                    {
                        var line = [|reader.ReadLine()|];
                        Console.WriteLine("got " + line);
                    }
                }
                """));

        [Fact]
        public Task A_stream_field_the_class_only_gives_a_network_stream_counts_as_a_network_argument()
            => Verify011.VerifyAnalyzerAsync(Class("""
                private Stream connection;

                public void Run()
                {
                    connection = listener.AcceptTcpClient().GetStream();
                    Handle(connection);
                }

                """ + SpinningHandle));

        [Fact]
        public Task A_discarded_count_in_such_a_helper_is_SOCK010()
            => Verify010.VerifyAnalyzerAsync(Class("""
                public int Run()
                {
                    var header = new byte[4];
                    ReadHeader(listener.AcceptTcpClient().GetStream(), header);
                    return header[0];
                }

                private static void ReadHeader(Stream s, byte[] h)
                {
                    [|s.Read(h, 0, 4)|];
                    Use(h);
                }

                private static void Use(byte[] h) => Console.WriteLine(h[0]);
                """));

        [Fact]
        public Task A_buffer_decoded_whole_after_a_read_in_such_a_helper_is_SOCK012()
            => Verify012.VerifyAnalyzerAsync(Class("""
                public void Run() => Echo(listener.AcceptTcpClient().GetStream());

                private static void Echo(Stream s)
                {
                    var buf = new byte[256];
                    int n = s.Read(buf, 0, buf.Length);
                    if (n == 0)
                    {
                        return;
                    }

                    Console.WriteLine([|Encoding.UTF8.GetString(buf)|]);
                }
                """));

        [Theory]
        [InlineData("""
            public void Run()
            {
                Handle(listener.AcceptTcpClient().GetStream());
                Handle(new MemoryStream(new byte[16]));
            }
            """)]
        [InlineData("""
            public void Run()
            {
                Handle(listener.AcceptTcpClient().GetStream());
                Handle(File.OpenRead("log.bin"));
            }
            """)]
        [InlineData("""
            public void Run(Stream anything)
            {
                Handle(listener.AcceptTcpClient().GetStream());
                Handle(anything);
            }
            """)]
        [InlineData("""
            public void Run()
            {
                Handle(listener.AcceptTcpClient().GetStream());
                Action<Stream> later = Handle;
            }
            """)]
        [InlineData("""
            public void Run()
            {
                var stream = listener.AcceptTcpClient().GetStream();
                new Thread(() => Handle(stream)).Start();
                Console.WriteLine(nameof(Handle));
            }
            """)]
        public Task A_helper_given_anything_else_or_used_other_than_by_a_call_stays_silent(string run)
            => Verify011.VerifyAnalyzerAsync(Class(run + "\n\n" + SpinningHandle.Replace("[|", string.Empty).Replace("|]", string.Empty)));

        [Theory]
        [InlineData("""
            public void Run() => Handle(listener.AcceptTcpClient().GetStream());

            public static void Handle(Stream stream)
            {
                var buf = new byte[1024];
                while (true) { int n = stream.Read(buf, 0, buf.Length); Console.WriteLine(n); }
            }
            """)]
        [InlineData("""
            public void Run() => Handle(listener.AcceptTcpClient().GetStream());

            internal void Handle(Stream stream)
            {
                var buf = new byte[1024];
                while (true) { int n = stream.Read(buf, 0, buf.Length); Console.WriteLine(n); }
            }
            """)]
        [InlineData("""
            public void Run() => Handle(listener.AcceptTcpClient().GetStream());

            private void Handle(Stream stream)
            {
                var buf = new byte[1024];
                while (true)
                {
                    int n = stream.Read(buf, 0, buf.Length);
                    Console.WriteLine(n);
                    stream = new MemoryStream(buf);
                }
            }
            """)]
        [InlineData("""
            public void Run()
            {
                var stream = (Stream)listener.AcceptTcpClient().GetStream();
                Handle(ref stream);
            }

            private void Handle(ref Stream stream)
            {
                var buf = new byte[1024];
                while (true) { int n = stream.Read(buf, 0, buf.Length); Console.WriteLine(n); }
            }
            """)]
        [InlineData("""
            public void Run()
            {
                Handle(listener.AcceptTcpClient().GetStream());
                Handle();
            }

            private void Handle(Stream stream = null)
            {
                var buf = new byte[1024];
                while (true) { int n = stream.Read(buf, 0, buf.Length); Console.WriteLine(n); }
            }
            """)]
        [InlineData("""
            private void Handle(Stream stream)
            {
                var buf = new byte[1024];
                while (true) { int n = stream.Read(buf, 0, buf.Length); Console.WriteLine(n); }
            }
            """)]
        [InlineData("""
            public void Run() => Handle(null);

            private void Handle(Stream stream)
            {
                var buf = new byte[1024];
                while (true) { int n = stream.Read(buf, 0, buf.Length); Console.WriteLine(n); }
            }
            """)]
        [InlineData("""
            public void Run() => Handle(listener.AcceptTcpClient().GetStream());

            private void Handle(Stream stream)
            {
                var buf = new byte[1024];
                int n;
                while ((n = stream.Read(buf, 0, buf.Length)) > 0)
                {
                    Console.WriteLine(n);
                }
            }
            """)]
        [InlineData("""
            public void Run(Stream unknown) => Forward(unknown);

            private void Forward(Stream s) => Handle(s);

            private void Handle(Stream stream)
            {
                var buf = new byte[1024];
                while (true) { int n = stream.Read(buf, 0, buf.Length); Console.WriteLine(n); }
            }
            """)]
        public Task A_helper_other_code_may_call_or_whose_stream_may_change_stays_silent(string members)
            => Verify011.VerifyAnalyzerAsync(Class(members));

        [Fact]
        public Task A_local_function_of_one_switch_section_called_from_another_with_a_memory_stream_stays_silent()
            => Verify011.VerifyAnalyzerAsync(Class("""
                public void Run(int mode)
                {
                    switch (mode)
                    {
                        case 0:
                            Pump(listener.AcceptTcpClient().GetStream());
                            void Pump(Stream s)
                            {
                                var buf = new byte[256];
                                while (true) { int n = s.Read(buf, 0, buf.Length); Console.Write(n); }
                            }

                            break;
                        default:
                            Pump(new MemoryStream(new byte[4]));
                            break;
                    }
                }
                """));

        private const string Cycle = """
            public void Run() => Ping(listener.AcceptTcpClient().GetStream(), 0);

            private void Ping(Stream a, int turn)
            {
                var buf = new byte[8];
                while (true)
                {
                    Console.WriteLine(a.Read(buf, 0, buf.Length));
                    Pong(a, turn + 1);
                }
            }

            private void Pong(Stream b, int turn)
            {
                var buf = new byte[8];
                while (true)
                {
                    Console.WriteLine(b.Read(buf, 0, buf.Length));
                    Ping(b, turn + 1);
                }
            }
            """;

        [Fact]
        public Task Helpers_that_pass_a_stream_round_in_a_cycle_stay_unknown()
            => Verify011.VerifyAnalyzerAsync(Class(Cycle));

        [Theory]
        [InlineData("Ping")]
        [InlineData("Pong")]
        public async Task Helpers_in_a_cycle_stay_unknown_whichever_is_analyzed_first(string first)
        {
            var test = new SocketAnalyzerTest();
            var project = test.CreateProject(ImmutableArray.Create(Class(Cycle)));
            var compilation = (await project.GetCompilationAsync())!;
            var tree = compilation.SyntaxTrees.Single();
            var model = compilation.GetSemanticModel(tree);
            var methods = (await tree.GetRootAsync()).DescendantNodes().OfType<MethodDeclarationSyntax>().ToArray();

            // One host: the first span asks its own parameter's summary first, the other parameter's inside it; the
            // second span then gets the cached answer.
            var host = compilation.WithAnalyzers(test.Analyzers);
            foreach (var name in new[] { first, first == "Ping" ? "Pong" : "Ping" })
            {
                var method = methods.Single(m => m.Identifier.Text == name);
                Assert.Empty(await host.GetAnalyzerSemanticDiagnosticsAsync(model, method.Span, CancellationToken.None));
            }
        }

        [Fact]
        public Task A_stream_parameter_the_helper_only_passes_on_to_a_public_method_is_no_reason_to_report()
            => Verify011.VerifyAnalyzerAsync(Class("""
                public void Run() => Handle(listener.AcceptTcpClient().GetStream());

                private void Handle(Stream stream) => Consume(stream);

                public void Consume(Stream stream)
                {
                    var buf = new byte[1024];
                    while (true) { int n = stream.Read(buf, 0, buf.Length); Console.WriteLine(n); }
                }
                """));

        [Fact]
        public Task Fix_and_fix_all_leave_the_helpers_loops_at_0()
            => Verify011.VerifyCodeFixAsync(
                Class("""
                    public void Run()
                    {
                        var stream = listener.AcceptTcpClient().GetStream();
                        new Thread(() => Handle(stream)).Start();
                        Task.Run(() => HandleAsync(stream));
                    }

                    private static void Handle(Stream stream)
                    {
                        var buf = new byte[1024];
                        while (true)
                        {
                            int n = [|stream.Read(buf, 0, buf.Length)|];
                            Console.WriteLine(Encoding.UTF8.GetString(buf, 0, n));
                        }
                    }

                    private static async Task HandleAsync(Stream stream)
                    {
                        var buf = new byte[1024];
                        while (true)
                        {
                            var n = await [|stream.ReadAsync(buf, 0, buf.Length)|];
                            Console.WriteLine(n);
                        }
                    }
                    """),
                Class("""
                    public void Run()
                    {
                        var stream = listener.AcceptTcpClient().GetStream();
                        new Thread(() => Handle(stream)).Start();
                        Task.Run(() => HandleAsync(stream));
                    }

                    private static void Handle(Stream stream)
                    {
                        var buf = new byte[1024];
                        while (true)
                        {
                            int n = stream.Read(buf, 0, buf.Length);
                            if (n == 0)
                            {
                                break;
                            }

                            Console.WriteLine(Encoding.UTF8.GetString(buf, 0, n));
                        }
                    }

                    private static async Task HandleAsync(Stream stream)
                    {
                        var buf = new byte[1024];
                        while (true)
                        {
                            var n = await stream.ReadAsync(buf, 0, buf.Length);
                            if (n == 0)
                            {
                                break;
                            }

                            Console.WriteLine(n);
                        }
                    }
                    """));

        private const string CallingPart = """
            partial class Server
            {
                private readonly TcpListener listener = new TcpListener(IPAddress.Loopback, 7000);

                public Server() => listener.Start();

                public void Run() => Handle(listener.AcceptTcpClient().GetStream());
            }
            """;

        private const string ReadingPart = """
            partial class Server
            {
                private void Handle(Stream stream)
                {
                    var buf = new byte[1024];
                    while (true)
                    {
                        int n = stream.Read(buf, 0, buf.Length);
                        Console.WriteLine(n);
                    }
                }
            }
            """;

        [Fact]
        public async Task A_helper_called_from_another_file_stays_silent_in_every_host()
        {
            var test = new SocketAnalyzerTest();
            var project = test.CreateProject(ImmutableArray.Create(Usings + CallingPart, Usings + ReadingPart));
            var compilation = (await project.GetCompilationAsync())!;
            var reading = compilation.SyntaxTrees.Single(t => t.ToString().Contains("void Handle", System.StringComparison.Ordinal));
            var calling = compilation.SyntaxTrees.Single(t => t != reading);
            var handle = (await reading.GetRootAsync()).DescendantNodes().OfType<MethodDeclarationSyntax>().Single();

            // Each host on its own, as a build, an editor's document and an editor's span each start.
            Assert.Empty(await compilation.WithAnalyzers(test.Analyzers).GetAnalyzerDiagnosticsAsync(CancellationToken.None));
            Assert.Empty(await compilation.WithAnalyzers(test.Analyzers).GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(reading), null, CancellationToken.None));
            Assert.Empty(await compilation.WithAnalyzers(test.Analyzers).GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(calling), null, CancellationToken.None));
            Assert.Empty(await compilation.WithAnalyzers(test.Analyzers).GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(reading), handle.Span, CancellationToken.None));
        }

        [Fact]
        public async Task Document_and_span_analysis_of_the_helper_alone_report_what_whole_compilation_analysis_reports()
        {
            var source = Class("""
                public void Run()
                {
                    var stream = listener.AcceptTcpClient().GetStream();
                    new Thread(() => Handle(stream)).Start();
                    var header = new byte[4];
                    ReadHeader(stream, header);
                    Console.WriteLine(header[0]);
                }

                private static void ReadHeader(Stream s, byte[] h)
                {
                    s.Read(h, 0, 4);
                    Console.WriteLine(h[3]);
                }

                private static void Handle(Stream stream)
                {
                    var buf = new byte[1024];
                    while (true)
                    {
                        int n = stream.Read(buf, 0, buf.Length);
                        Console.WriteLine(n);
                    }
                }
                """);
            var test = new SocketAnalyzerTest();
            var project = test.CreateProject(ImmutableArray.Create(source, Usings + "class Other { }\n"));
            var compilation = (await project.GetCompilationAsync())!;
            var tree = compilation.SyntaxTrees.Single(t => t.ToString().Contains("class Server", System.StringComparison.Ordinal));
            var other = compilation.SyntaxTrees.Single(t => t != tree);

            // Each host on its own, as a build, an editor's document and an editor's span each start (a host that already
            // analyzed the whole document answers a span from what it holds).
            var whole = (await compilation.WithAnalyzers(test.Analyzers).GetAnalyzerDiagnosticsAsync(CancellationToken.None)).Select(d => d.Id).OrderBy(id => id).ToArray();
            Assert.Equal(new[] { "SOCK010", "SOCK011", "SOCK012" }, whole);
            var document = (await compilation.WithAnalyzers(test.Analyzers).GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), null, CancellationToken.None)).Select(d => d.Id).OrderBy(id => id).ToArray();
            Assert.Equal(whole, document);
            Assert.Empty(await compilation.WithAnalyzers(test.Analyzers).GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(other), null, CancellationToken.None));

            var methods = (await tree.GetRootAsync()).DescendantNodes().OfType<MethodDeclarationSyntax>().ToArray();
            foreach (var (name, ids) in new[] { ("Handle", new[] { "SOCK011" }), ("ReadHeader", new[] { "SOCK010", "SOCK012" }) })
            {
                var method = methods.Single(m => m.Identifier.Text == name);
                var inSpan = (await compilation.WithAnalyzers(test.Analyzers).GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), method.Span, CancellationToken.None)).Select(d => d.Id).OrderBy(id => id).ToArray();
                Assert.Equal(ids, inSpan);
            }
        }
    }
}
