using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using SocketAnalyzers.Tests.Verifiers;
using Xunit;
using Verify = SocketAnalyzers.Tests.Verifiers.AnalyzerVerifier<SocketAnalyzers.Lifecycle.SocketLifecycleAnalyzer>;

namespace SocketAnalyzers.Tests.Lifecycle
{
    /// <summary>
    /// SOCK005 on a <c>StreamReader</c>, <c>StreamWriter</c>, <c>BinaryReader</c> or <c>BinaryWriter</c> made over a network
    /// stream and used after its <em>own</em> <c>Close</c>, <c>Dispose</c>, awaited <c>DisposeAsync</c> or the end of a
    /// <c>using</c> (issue 13). Checked on .NET 10 with loopback connections: after its own close every listed member
    /// throws ObjectDisposedException, whatever its arguments, except <c>StreamWriter.Write(string)</c> of an empty or null
    /// text (writes nothing); a <c>StreamReader</c> or <c>BinaryReader</c> made with <c>leaveOpen: true</c> throws too, but a
    /// <c>StreamWriter</c> or <c>BinaryWriter</c> made with <c>leaveOpen: true</c> goes on writing to the stream. When only the
    /// stream or client <em>under</em> the reader or writer is closed, a reader still returns what it buffered and a writer
    /// without AutoFlush fails only when it flushes: not certain, silent.
    /// </summary>
    public sealed class SOCK005WrapperCloseTests
    {
        private const string Usings = "using System; using System.IO; using System.Net; using System.Net.Sockets; using System.Text; using System.Threading.Tasks;\n";

        private static string Body(string body) => Usings + $$"""
            class C
            {
                async Task M(string host, NetworkStream ns, Socket socket, Stream stream, byte[] buffer)
                {
                    var client = new TcpClient(host, 80);
            {{body}}
                }

                static void Use(object value) { }
                static void Keep(object value) { }
                static StreamWriter Other() => null;
            }
            """;

        /// <summary>
        /// <c>client.Client</c> of a closed <c>TcpClient</c> or <c>UdpClient</c> is null (checked on .NET 10), so a member through
        /// it throws NullReferenceException; after <c>client.Client.Close()</c> it is the disposed socket (fresh18).
        /// </summary>
        [Theory]
        [InlineData("var c = new TcpClient(\"example.com\", 80); c.Close(); Console.WriteLine({|#0:c.Client.Send(buffer)|});")]
        [InlineData("var u = new UdpClient(0); u.Close(); Console.WriteLine({|#0:u.Client.Receive(buffer)|});")]
        public Task Member_through_the_Client_of_a_closed_client_names_both_exceptions(string body)
            => Verify.VerifyAnalyzerAsync(Body(body), Verify.Diagnostic("SOCK005").WithLocation(0).WithMessage(null).WithArguments(
                body.StartsWith("var c", System.StringComparison.Ordinal) ? "c.Client" : "u.Client", "closed", body.StartsWith("var c", System.StringComparison.Ordinal) ? "Send" : "Receive",
                "NullReferenceException if the client was closed (its Client is then null), ObjectDisposedException if only its socket was"));

        // ---- a reader or writer made over a stream that is closed ----

        /// <summary>
        /// The end of a <c>using</c> of a writer closes the client's stream (and its socket); a reader or writer made over
        /// that stream afterwards throws in its constructor (fresh17 miss 3: checked on .NET 10, <c>ArgumentException: Stream
        /// was not writable</c> for both writers, <c>not readable</c> for both readers).
        /// </summary>
        [Theory]
        [InlineData("BinaryWriter")]
        [InlineData("StreamWriter")]
        [InlineData("StreamReader")]
        [InlineData("BinaryReader")]
        public Task Reader_or_writer_made_over_a_stream_a_using_closed_is_reported(string wrapper)
            => Verify.VerifyAnalyzerAsync(
                Usings + $$"""
                class C
                {
                    void M(TcpListener listener)
                    {
                        TcpClient client = listener.AcceptTcpClient();
                        NetworkStream ns = client.GetStream();
                        using (StreamWriter sw = new StreamWriter(ns))
                        {
                            sw.WriteLine("HI");
                        }

                        var next = {|#0:new {{wrapper}}(ns)|};
                    }
                }
                """,
                Verify.Diagnostic("SOCK005").WithLocation(0).WithArguments("ns", "closed", "new " + wrapper, "ArgumentException (the stream is no longer readable or writable)"));

        /// <summary>A writer left open (<c>leaveOpen: true</c>), a stream that does not own its socket, or no close: quiet.</summary>
        [Theory]
        [InlineData("var cs = client.GetStream(); using (var sw = new StreamWriter(cs, Encoding.UTF8, 1024, leaveOpen: true)) { sw.WriteLine(\"HI\"); } var bw = new BinaryWriter(cs); bw.Write(true);")]
        [InlineData("var cs = client.GetStream(); var sw = new StreamWriter(cs); sw.WriteLine(\"HI\"); var bw = new BinaryWriter(cs); bw.Write(true);")]
        [InlineData("var raw = new NetworkStream(socket); using (var sw = new StreamWriter(raw)) { sw.WriteLine(\"HI\"); } var again = new NetworkStream(socket); var br = new BinaryReader(again); br.ReadBoolean();")]
        public Task Reader_or_writer_made_over_a_stream_still_open_is_quiet(string body)
            => Verify.VerifyAnalyzerAsync(Body(body));

        // ---- the reader or writer is closed by its own Close, Dispose, using or awaited DisposeAsync, then used ----

        [Fact]
        public Task Writer_used_after_its_own_Close_is_reported_with_the_socket_message_shape()
            => Verify.VerifyAnalyzerAsync(
                Usings + """
                class C
                {
                    void WriterAfterOwnClose(TcpClient c)
                    {
                        var w = new StreamWriter(c.GetStream());
                        w.WriteLine("a");
                        w.Close();
                        {|#0:w.WriteLine("b")|};
                    }
                }
                """,
                Verify.Diagnostic("SOCK005").WithLocation(0).WithArguments("w", "closed", "WriteLine", "ObjectDisposedException"));

        [Fact]
        public Task Reader_used_after_its_own_Dispose_is_reported()
            => Verify.VerifyAnalyzerAsync(
                Usings + """
                class C
                {
                    void ReaderAfterOwnDispose(NetworkStream ns)
                    {
                        var r = new StreamReader(ns);
                        r.Dispose();
                        Console.WriteLine({|#0:r.ReadLine()|});
                    }
                }
                """,
                Verify.Diagnostic("SOCK005").WithLocation(0).WithArguments("r", "closed", "ReadLine", "ObjectDisposedException"));

        [Theory]
        [InlineData("var w = new StreamWriter(client.GetStream()); w.Close(); {|SOCK005:w.Flush()|};")]
        [InlineData("var w = new StreamWriter(ns); w.Dispose(); {|SOCK005:w.WriteLine(42)|};")]
        [InlineData("var w = new StreamWriter(ns); w.Dispose(); {|SOCK005:w.WriteLine()|};")]
        [InlineData("var w = new StreamWriter(ns, Encoding.ASCII); w.Close(); {|SOCK005:w.Write('x')|};")]
        [InlineData("var w = new StreamWriter(ns); w.Close(); {|SOCK005:w.Write(3.5)|};")]
        [InlineData("var w = new StreamWriter(ns); w.Close(); {|SOCK005:w.Write(\"QUIT\\r\\n\")|};")]
        [InlineData("var w = new StreamWriter(ns, Encoding.UTF8, 1024, false); w.Close(); {|SOCK005:w.WriteLine(\"b\")|};")]
        [InlineData("var r = new StreamReader(client.GetStream()); r.Close(); Use({|SOCK005:r.ReadToEnd()|});")]
        [InlineData("var r = new StreamReader(ns); r.Close(); Use({|SOCK005:r.Read()|});")]
        [InlineData("var r = new StreamReader(ns); r.Close(); Use({|SOCK005:r.Peek()|});")]
        [InlineData("var r = new StreamReader(ns); r.Dispose(); if ({|SOCK005:r.EndOfStream|}) { return; }")]
        [InlineData("var r = new BinaryReader(ns); r.Close(); Use({|SOCK005:r.ReadByte()|});")]
        [InlineData("var r = new BinaryReader(client.GetStream()); r.Dispose(); Use({|SOCK005:r.ReadString()|});")]
        [InlineData("var w = new BinaryWriter(ns); w.Close(); {|SOCK005:w.Write(\"x\")|};")]
        [InlineData("var w = new BinaryWriter(client.GetStream()); w.Dispose(); {|SOCK005:w.Write(buffer)|};")]
        public Task Reader_or_writer_used_after_its_own_close_is_reported(string body)
            => Verify.VerifyAnalyzerAsync(Body(body));

        [Theory]
        [InlineData("StreamWriter outer; using (var w = new StreamWriter(ns)) { outer = w; w.WriteLine(\"a\"); } {|SOCK005:outer.WriteLine(\"b\")|};")]
        [InlineData("StreamReader r; using (r = new StreamReader(client.GetStream())) { Use(r.ReadLine()); } Use({|SOCK005:r.ReadLine()|});")]
        [InlineData("BinaryWriter outer; using (var w = new BinaryWriter(ns)) { outer = w; } {|SOCK005:outer.Write(\"x\")|};")]
        [InlineData("StreamReader outer; { using var r = new StreamReader(ns); outer = r; } Use({|SOCK005:outer.Peek()|});")]
        public Task Reader_or_writer_used_after_the_end_of_its_using_through_an_outer_variable_is_reported(string body)
            => Verify.VerifyAnalyzerAsync(Body(body));

        [Theory]
        [InlineData("StreamWriter outer; await using (var w = new StreamWriter(ns)) { outer = w; await w.WriteLineAsync(\"a\"); } await {|SOCK005:outer.WriteLineAsync(\"b\")|};")]
        [InlineData("StreamWriter outer; { await using var w = new StreamWriter(client.GetStream()); outer = w; } await {|SOCK005:outer.FlushAsync()|};")]
        [InlineData("var w = new StreamWriter(ns); await w.DisposeAsync(); await {|SOCK005:w.WriteLineAsync(\"b\")|};")]
        [InlineData("var w = new BinaryWriter(ns); await w.DisposeAsync(); {|SOCK005:w.Write(\"b\")|};")]
        public Task Reader_or_writer_used_after_an_await_using_or_an_awaited_DisposeAsync_is_reported(string body)
            => Verify.VerifyAnalyzerAsync(Body(body));

        [Theory]
        [InlineData("var r = new StreamReader(ns); r.Close(); Use(await {|SOCK005:r.ReadLineAsync()|});")]
        [InlineData("var r = new StreamReader(ns); r.Close(); Use(await {|SOCK005:r.ReadToEndAsync()|}.ConfigureAwait(false));")]
        [InlineData("var w = new StreamWriter(ns); w.Close(); await {|SOCK005:w.WriteLineAsync(\"b\")|};")]
        [InlineData("var w = new StreamWriter(ns); w.Close(); await {|SOCK005:w.WriteAsync('b')|};")]
        [InlineData("var w = new StreamWriter(ns); w.Close(); await {|SOCK005:w.FlushAsync()|};")]
        public Task Async_member_of_a_closed_reader_or_writer_is_reported(string body)
            => Verify.VerifyAnalyzerAsync(Body(body));

        [Theory]
        [InlineData("var w = new StreamWriter(ns); w.Close(); while (host.Length > 0) { {|SOCK005:w.WriteLine(\"tick\")|}; }")]
        [InlineData("var r = new StreamReader(ns); r.Dispose(); for (var i = 0; i < 3; i++) { Use({|SOCK005:r.ReadLine()|}); }")]
        [InlineData("var r = new StreamReader(ns); r.Dispose(); while ({|SOCK005:r.ReadLine()|} is { } line) { Use(line); }")]
        public Task Use_inside_a_loop_after_a_close_before_the_loop_is_reported(string body)
            => Verify.VerifyAnalyzerAsync(Body(body));

        [Theory]
        [InlineData("var r = new StreamReader(ns, Encoding.UTF8, false, 1024, leaveOpen: true); r.Close(); Use({|SOCK005:r.ReadLine()|});")]
        [InlineData("var r = new BinaryReader(ns, Encoding.UTF8, true); r.Dispose(); Use({|SOCK005:r.ReadByte()|});")]
        public Task Reader_made_with_leaveOpen_true_is_still_closed_by_its_own_close(string body)
            => Verify.VerifyAnalyzerAsync(Body(body));

        [Fact]
        public Task Writer_over_a_stream_that_does_not_own_its_socket_is_still_closed_by_its_own_close()
            => Verify.VerifyAnalyzerAsync(Body("socket.Connect(host, 80); var w = new StreamWriter(new NetworkStream(socket)); w.Close(); {|SOCK005:w.WriteLine(\"b\")|};"));

        // The engine treats a socket that escaped before its own Close the same way: the Close is ours, and nothing reopens it.
        [Fact]
        public Task Writer_passed_to_a_method_before_its_own_close_is_still_closed_by_it()
            => Verify.VerifyAnalyzerAsync(Body("var w = new StreamWriter(ns); Keep(w); w.Close(); {|SOCK005:w.WriteLine(\"b\")|};"));

        [Fact]
        public Task Only_the_first_use_after_the_close_is_reported()
            => Verify.VerifyAnalyzerAsync(Body("var w = new StreamWriter(ns); w.Close(); {|SOCK005:w.WriteLine(\"a\")|}; w.WriteLine(\"b\");"));

        [Fact]
        public Task Writer_and_the_client_under_it_are_reported_each_at_its_own_use()
            => Verify.VerifyAnalyzerAsync(Body("""
                var w = new StreamWriter(client.GetStream());
                w.Close();
                {|SOCK005:w.WriteLine("b")|};
                var again = {|SOCK005:client.GetStream()|};
                """));

        // A field of this class is followed within one body as the engine follows a socket or stream field: until a call
        // that may run other code of the class (a method of the class, a delegate, a lambda).
        [Fact]
        public Task Writer_field_closed_and_used_in_one_body_is_reported_as_a_socket_field_is()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class Session
                {
                    private StreamWriter writer;

                    public void Run(TcpClient client)
                    {
                        writer = new StreamWriter(client.GetStream());
                        writer.WriteLine("HELLO");
                        writer.Close();
                        {|SOCK005:writer.WriteLine("BYE")|};
                    }
                }
                """);

        [Fact]
        public Task Writer_field_after_a_call_of_a_method_of_the_class_is_unknown()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class Session
                {
                    private StreamWriter writer;

                    public void Run(TcpClient client)
                    {
                        writer = new StreamWriter(client.GetStream());
                        writer.Close();
                        Reconnect();
                        writer.WriteLine("BYE");
                    }

                    private void Reconnect() => writer = new StreamWriter(new TcpClient("localhost", 80).GetStream());
                }
                """);

        // ---- silent: the reader or writer may be open, or only what is under it was closed ----

        [Theory]
        [InlineData("using (var w = new StreamWriter(ns)) { w.WriteLine(\"a\"); w.Flush(); }")]
        [InlineData("using (var r = new StreamReader(client.GetStream())) { while (r.ReadLine() is { } line) { Use(line); } }")]
        [InlineData("await using (var w = new StreamWriter(ns)) { await w.WriteLineAsync(\"a\"); }")]
        [InlineData("var w = new StreamWriter(ns); w.WriteLine(\"a\"); w.Close();")]
        public Task Reader_or_writer_used_only_before_its_close_is_silent(string body)
            => Verify.VerifyAnalyzerAsync(Body(body));

        [Theory]
        [InlineData("var w = new StreamWriter(ns); if (host.Length > 3) { w.Close(); } w.WriteLine(\"b\");")]
        [InlineData("var w = new StreamWriter(ns); w.Close(); w = new StreamWriter(ns); w.WriteLine(\"b\");")]
        [InlineData("var w = new StreamWriter(ns); w.Close(); if (host.Length > 3) { w = new StreamWriter(ns); } w.WriteLine(\"b\");")]
        [InlineData("while (host.Length > 0) { var w = new StreamWriter(ns); w.WriteLine(\"b\"); w.Close(); }")]
        [InlineData("var w = new StreamWriter(ns); while (host.Length > 0) { w.WriteLine(\"b\"); if (host.Length > 9) { w.Close(); } }")]
        [InlineData("var w = new StreamWriter(ns); try { w.WriteLine(\"a\"); } catch (IOException) { w.Close(); } w.WriteLine(\"b\");")]
        [InlineData("StreamWriter w = Other(); if (host.Length > 3) { w = new StreamWriter(ns); w.Close(); } w.WriteLine(\"b\");")]
        [InlineData("StreamWriter w = null; if (host.Length > 3) { w = new StreamWriter(ns); w.Close(); } else { w = Other(); } w.WriteLine(\"b\");")]
        public Task Reader_or_writer_that_may_be_open_is_silent(string body)
            => Verify.VerifyAnalyzerAsync(Body(body));

        [Theory]
        [InlineData("var w = new StreamWriter(ns, Encoding.UTF8, 1024, leaveOpen: true); w.Close(); w.WriteLine(\"b\");")]
        [InlineData("var w = new StreamWriter(ns, Encoding.UTF8, 1024, true); w.Dispose(); w.Flush();")]
        [InlineData("bool keep = host.Length > 0; var w = new StreamWriter(ns, Encoding.UTF8, 1024, keep); w.Close(); w.WriteLine(\"b\");")]
        [InlineData("var w = new BinaryWriter(ns, Encoding.UTF8, true); w.Close(); w.Write(\"b\");")]
        public Task Writer_made_with_leaveOpen_goes_on_writing_after_its_own_close_and_is_silent(string body)
            => Verify.VerifyAnalyzerAsync(Body(body));

        [Theory]
        [InlineData("var w = new StreamWriter(new MemoryStream()); w.Close(); w.WriteLine(\"b\");")]
        [InlineData("var w = new StreamWriter(stream); w.Close(); w.WriteLine(\"b\");")]
        [InlineData("var w = new StreamWriter(File.OpenWrite(host)); w.Close(); w.WriteLine(\"b\");")]
        [InlineData("var r = new BinaryReader(stream); r.Close(); Use(r.ReadByte());")]
        [InlineData("var w = new StreamWriter(host); w.Close(); w.WriteLine(\"b\");")]
        public Task Reader_or_writer_over_a_stream_that_is_not_a_network_stream_is_out_of_scope(string body)
            => Verify.VerifyAnalyzerAsync(Body(body));

        [Fact]
        public Task Reader_or_writer_parameter_is_not_known_to_be_over_a_network_stream()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class C
                {
                    void M(StreamWriter w, StreamReader r)
                    {
                        w.Close();
                        w.WriteLine("b");
                        r.Close();
                        Console.WriteLine(r.ReadLine());
                    }
                }
                """);

        /// <summary>
        /// A closed writer handed to a method we cannot see is still closed: no code reopens a disposed writer, and the
        /// method cannot give the local another one (mut38 #30). Before, any such call made it unknown.
        /// </summary>
        [Fact]
        public Task Writer_closed_then_handed_to_a_method_is_still_closed()
            => Verify.VerifyAnalyzerAsync(Body("var w = new StreamWriter(ns); w.Close(); Keep(w); {|SOCK005:w.WriteLine(\"b\")|};"));

        [Theory]
        [InlineData("var w = new StreamWriter(ns); w.Close(); var box = new object[] { w }; w.WriteLine(\"b\");")]
        [InlineData("var w = new StreamWriter(ns); w.Close(); var holder = new Holder(); holder.Writer = w; w.WriteLine(\"b\");")]
        [InlineData("var w = new StreamWriter(ns); w.Close(); Action later = () => w.WriteLine(\"b\"); later();")]
        [InlineData("var w = new StreamWriter(ns); w.Close(); Action swap = () => w = new StreamWriter(ns); swap(); w.WriteLine(\"b\");")]
        public Task Reader_or_writer_that_escaped_after_its_close_is_unknown(string body)
            => Verify.VerifyAnalyzerAsync(Body(body).Replace("static void Keep(object value) { }", "static void Keep(object value) { }\n    sealed class Holder { public StreamWriter Writer; }"));

        [Theory]
        [InlineData("var r = new StreamReader(client.GetStream()); Use(r.ReadLine()); client.Close(); Use(r.ReadLine());")]
        [InlineData("var r = new StreamReader(ns); Use(r.ReadLine()); ns.Close(); Use(r.ReadLine());")]
        [InlineData("var r = new StreamReader(ns); Use(r.ReadLine()); r.BaseStream.Close(); Use(r.ReadLine());")]
        [InlineData("var w = new StreamWriter(client.GetStream()); client.Close(); w.WriteLine(\"b\"); w.Flush();")]
        [InlineData("var w = new StreamWriter(ns); ns.Dispose(); w.Write(\"b\");")]
        [InlineData("var r = new BinaryReader(ns); socket.Close(); Use(r.ReadByte());")]
        public Task Reader_or_writer_whose_stream_or_client_alone_was_closed_is_silent(string body)
            => Verify.VerifyAnalyzerAsync(Body(body));

        [Theory]
        [InlineData("var w = new StreamWriter(ns); w.Close(); w.Close(); w.Dispose();")]
        [InlineData("var w = new StreamWriter(ns); w.Close(); Use(w.BaseStream); Use(w.Encoding);")]
        [InlineData("var r = new StreamReader(ns); r.Close(); r.DiscardBufferedData(); Use(r.CurrentEncoding);")]
        [InlineData("var w = new BinaryWriter(ns); w.Close(); w.Flush();")]
        public Task Member_that_does_not_throw_on_a_closed_reader_or_writer_is_silent(string body)
            => Verify.VerifyAnalyzerAsync(Body(body));

        [Theory]
        [InlineData("var w = new StreamWriter(ns); w.Close(); w.Write(host);")]
        [InlineData("var w = new StreamWriter(ns); w.Close(); w.Write(\"\");")]
        [InlineData("var w = new StreamWriter(ns); w.Close(); await w.WriteAsync(host);")]
        [InlineData("var w = new StreamWriter(ns); w.Close(); w.Write(new char[0]);")]
        [InlineData("var w = new StreamWriter(ns); w.Close(); w.Write(\"{0}\", host);")]
        public Task Write_that_may_write_nothing_is_silent_after_the_close(string body)
            => Verify.VerifyAnalyzerAsync(Body(body));

        [Theory]
        [InlineData("var w = new StreamWriter(ns); _ = w.DisposeAsync(); w.WriteLine(\"b\");")]
        [InlineData("var w = new StreamWriter(ns); var pending = w.DisposeAsync(); w.WriteLine(\"b\"); await pending;")]
        public Task DisposeAsync_nobody_awaits_before_the_use_is_silent(string body)
            => Verify.VerifyAnalyzerAsync(Body(body));

        // ---- every host sees it: the IDE's per-document and span analysis ----

        [Fact]
        public async Task Per_document_and_span_analysis_report_a_writer_used_after_its_own_close()
        {
            const string network = Usings + """
                class C
                {
                    void WriterAfterOwnClose(TcpClient c)
                    {
                        var w = new StreamWriter(c.GetStream());
                        w.Close();
                        w.WriteLine("b");
                    }
                }
                """;
            const string other = "class D { int M() => 1; }\n";
            var test = new SocketAnalyzerTest();
            var project = test.CreateProject(ImmutableArray.Create(network, other));
            var compilation = (await project.GetCompilationAsync())!;
            var withAnalyzers = compilation.WithAnalyzers(test.Analyzers);
            var tree = compilation.SyntaxTrees.Single(t => t.ToString().Contains("WriterAfterOwnClose", System.StringComparison.Ordinal));

            var whole = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            Assert.Equal(new[] { "SOCK005" }, whole.Select(d => d.Id));

            var inDocument = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), null, CancellationToken.None);
            Assert.Equal(new[] { "SOCK005" }, inDocument.Select(d => d.Id));

            var method = (await tree.GetRootAsync()).DescendantNodes().OfType<MethodDeclarationSyntax>().Single();
            var inSpan = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), method.FullSpan, CancellationToken.None);
            Assert.Equal(new[] { "SOCK005" }, inSpan.Select(d => d.Id));
            Assert.Equal(whole.Single().Location, inSpan.Single().Location);
        }
    }
}
