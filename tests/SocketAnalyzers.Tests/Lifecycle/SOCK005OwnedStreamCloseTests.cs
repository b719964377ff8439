using System.Threading.Tasks;
using Xunit;
using Verify = SocketAnalyzers.Tests.Verifiers.AnalyzerVerifier<SocketAnalyzers.Lifecycle.SocketLifecycleAnalyzer>;

namespace SocketAnalyzers.Tests.Lifecycle
{
    /// <summary>
    /// SOCK005 after closing a stream that owns its socket: <c>TcpClient.GetStream()</c> (the client's stream closes the
    /// client's socket) and <c>new NetworkStream(socket, true)</c>. The classic shape is a <c>using</c> of the stream around
    /// the request, then the reply read through a second <c>GetStream()</c>, which throws InvalidOperationException (the
    /// socket is gone; checked on .NET 10: the stream's I/O and <c>client.Client</c> throw ObjectDisposedException).
    /// </summary>
    public sealed class SOCK005OwnedStreamCloseTests
    {
        private const string Usings = "using System; using System.IO; using System.Net; using System.Net.Sockets; using System.Threading.Tasks;\n";

        private static string Body(string body) => Usings + $$"""
            class C
            {
                async Task M(string host, Socket socket, byte[] buffer)
                {
                    var client = new TcpClient(host, 80);
            {{body}}
                }

                static void Use(int count) { }
            }
            """;

        [Theory]
        [InlineData("using (NetworkStream s = client.GetStream()) { s.Write(buffer, 0, buffer.Length); }")]
        [InlineData("using (var s = client.GetStream()) { await s.WriteAsync(buffer, 0, buffer.Length); }")]
        [InlineData("using (client.GetStream()) { }")]
        [InlineData("var s = client.GetStream(); s.Write(buffer, 0, buffer.Length); s.Close();")]
        [InlineData("var s = client.GetStream(); s.Dispose();")]
        [InlineData("client.GetStream().Close();")]
        [InlineData("var s = client.GetStream(); await s.DisposeAsync();")]
        [InlineData("{ using var s = client.GetStream(); s.WriteByte(1); }")]
        public Task GetStream_after_the_clients_stream_was_closed_is_reported(string close)
            => Verify.VerifyAnalyzerAsync(Body(close + "\nvar again = {|SOCK005:client.GetStream()|};"));

        [Fact]
        public Task Message_says_GetStream_throws_InvalidOperationException()
            => Verify.VerifyAnalyzerAsync(
                Body("using (var s = client.GetStream()) { s.WriteByte(1); }\nvar again = {|#0:client.GetStream()|};"),
                Verify.Diagnostic("SOCK005").WithLocation(0).WithArguments("client", "closed", "GetStream", "InvalidOperationException, or ObjectDisposedException once the client itself is disposed"));

        [Theory]
        [InlineData("var s = client.GetStream(); s.Close(); int n = {|SOCK005:s.Read(buffer, 0, buffer.Length)|}; Use(n);")]
        [InlineData("var s = client.GetStream(); s.Close(); {|SOCK005:s.Write(buffer, 0, buffer.Length)|};")]
        [InlineData("var s = client.GetStream(); s.Close(); var peer = {|SOCK005:client.Client.RemoteEndPoint|};")]
        public Task Io_after_the_owning_stream_was_closed_is_reported(string body)
            => Verify.VerifyAnalyzerAsync(Body(body));

        [Fact]
        public Task Stream_that_owns_a_socket_closes_it()
            => Verify.VerifyAnalyzerAsync(Body("""
                socket.Connect(host, 80);
                using (var owned = new NetworkStream(socket, true))
                {
                    owned.WriteByte(1);
                }

                int n = {|SOCK005:socket.Receive(buffer)|};
                Use(n);
                """));

        [Theory]
        [InlineData("new NetworkStream(socket)")]
        [InlineData("new NetworkStream(socket, false)")]
        [InlineData("new NetworkStream(socket, FileAccess.ReadWrite)")]
        public Task Stream_that_does_not_own_its_socket_leaves_it_open(string creation)
            => Verify.VerifyAnalyzerAsync(Body($$"""
                socket.Connect(host, 80);
                using (var view = {{creation}})
                {
                    view.WriteByte(1);
                }

                int n = socket.Receive(buffer);
                Use(n);
                """));

        [Theory]
        [InlineData("var s = client.GetStream(); if (host.Length > 3) { s.Close(); }")]
        [InlineData("var s = client.GetStream(); s = new NetworkStream(socket); s.Close();")]
        [InlineData("NetworkStream s = null; s = client.GetStream(); s.Close();")]
        [InlineData("var s = client.GetStream(); Action swap = () => s = new NetworkStream(socket); s.Close();")]
        public Task Close_that_may_not_close_the_clients_socket_is_silent(string close)
            => Verify.VerifyAnalyzerAsync(Body(close + "\nvar again = client.GetStream();"));

        [Fact]
        public Task Stream_closed_at_the_end_with_nothing_after_is_silent()
            => Verify.VerifyAnalyzerAsync(Body("""
                using (var s = client.GetStream())
                {
                    s.Write(buffer, 0, buffer.Length);
                    int n = s.Read(buffer, 0, buffer.Length);
                    Use(n);
                }

                client.Close();
                """));

        [Theory]
        [InlineData("var writer = new StreamWriter(client.GetStream()); writer.WriteLine(\"hi\"); writer.Close();")]
        [InlineData("var stream = client.GetStream(); using (var writer = new StreamWriter(stream)) { writer.WriteLine(\"hi\"); }")]
        [InlineData("using (var reader = new StreamReader(client.GetStream())) { Console.WriteLine(reader.ReadLine()); }")]
        [InlineData("using (new BinaryWriter(client.GetStream())) { }")]
        [InlineData("var reader = new BinaryReader(client.GetStream()); Use(reader.ReadByte()); reader.Dispose();")]
        [InlineData("using (var writer = new StreamWriter(client.GetStream(), System.Text.Encoding.UTF8, 1024, false)) { writer.Write('x'); }")]
        public Task GetStream_after_a_reader_or_writer_over_the_clients_stream_was_closed_is_reported(string close)
            => Verify.VerifyAnalyzerAsync(Body(close + "\nvar again = {|SOCK005:client.GetStream()|};"));

        [Theory]
        [InlineData("await using (var writer = new StreamWriter(client.GetStream())) { await writer.WriteLineAsync(\"hi\"); }")]
        [InlineData("{ await using var writer = new StreamWriter(client.GetStream()); await writer.WriteLineAsync(\"hi\"); }")]
        [InlineData("var writer = new StreamWriter(client.GetStream()); await writer.DisposeAsync();")]
        public Task GetStream_after_an_awaited_DisposeAsync_of_a_writer_over_the_clients_stream_is_reported(string close)
            => Verify.VerifyAnalyzerAsync(Body(close + "\nvar again = {|SOCK005:client.GetStream()|};"));

        [Fact]
        public Task DisposeAsync_nobody_awaits_is_not_followed()
            => Verify.VerifyAnalyzerAsync(Body("var writer = new StreamWriter(client.GetStream()); _ = writer.DisposeAsync();\nvar again = client.GetStream();"));

        [Fact]
        public Task Stream_read_after_its_writer_was_closed_is_reported()
            => Verify.VerifyAnalyzerAsync(Body("""
                var stream = client.GetStream();
                var writer = new StreamWriter(stream);
                writer.WriteLine("GET / HTTP/1.0");
                writer.Close();
                int n = {|SOCK005:stream.Read(buffer, 0, buffer.Length)|};
                Use(n);
                """));

        [Theory]
        [InlineData("using (var writer = new StreamWriter(client.GetStream(), System.Text.Encoding.UTF8, 1024, leaveOpen: true)) { writer.Write('x'); }")]
        [InlineData("bool keep = host.Length > 0; using (var writer = new StreamWriter(client.GetStream(), System.Text.Encoding.UTF8, 1024, keep)) { writer.Write('x'); }")]
        [InlineData("using (var reader = new StreamReader(client.GetStream(), System.Text.Encoding.UTF8, false, 1024, true)) { Console.WriteLine(reader.ReadLine()); }")]
        [InlineData("using (var writer = new StreamWriter(new NetworkStream(socket))) { writer.Write('x'); }")]
        [InlineData("using (var writer = new StreamWriter(new MemoryStream())) { writer.Write('x'); }")]
        [InlineData("var writer = new StreamWriter(client.GetStream()); writer.Flush();")]
        public Task Reader_or_writer_that_leaves_the_clients_socket_open_is_silent(string body)
            => Verify.VerifyAnalyzerAsync(Body(body + "\nvar again = client.GetStream();"));

        [Fact]
        public Task Stream_parameter_closed_is_not_followed()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class C
                {
                    void M(TcpClient client, NetworkStream stream)
                    {
                        stream.Close();
                        var again = client.GetStream();
                    }
                }
                """);
    }
}
