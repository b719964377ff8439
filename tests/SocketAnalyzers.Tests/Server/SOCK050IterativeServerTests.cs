using System.Threading.Tasks;
using Xunit;
using Verify = SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<
    SocketAnalyzers.Server.SOCK050IterativeServerAnalyzer,
    SocketAnalyzers.CodeFixes.Server.SOCK050IterativeServerCodeFixProvider>;

namespace SocketAnalyzers.Tests.Server
{
    public sealed class SOCK050IterativeServerTests
    {
        private const string Usings = """
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Net;
            using System.Net.Sockets;
            using System.Text;
            using System.Threading;
            using System.Threading.Tasks;

            """;

        private static string Server(string loop) => Usings + $$"""
            class Server
            {
                async Task Run(TcpListener listener, Socket socket, CancellationToken ct)
                {
                    {{loop}}
                }

                static void Serve(Socket client)
                {
                    var buffer = new byte[1024];
                    int n;
                    while ((n = client.Receive(buffer)) > 0)
                    {
                        client.Send(buffer, 0, n, SocketFlags.None);
                    }
                }

                static async Task ServeAsync(TcpClient client)
                {
                    var stream = client.GetStream();
                    var buffer = new byte[1024];
                    int n;
                    while ((n = await stream.ReadAsync(buffer)) > 0)
                    {
                        await stream.WriteAsync(buffer.AsMemory(0, n));
                    }
                }

                static async void Fire(TcpClient client) => await ServeAsync(client);
            }
            """;

        /// <summary>The accepted client served to the end, by a read loop in the accept loop or in a method it calls and waits for.</summary>
        [Theory]
        [InlineData("while (true) { var client = {|SOCK050:socket.Accept()|}; var buffer = new byte[1024]; int n; while ((n = client.Receive(buffer)) > 0) client.Send(buffer, 0, n, SocketFlags.None); client.Dispose(); }")]
        [InlineData("while (!ct.IsCancellationRequested) { using var client = await {|SOCK050:listener.AcceptTcpClientAsync(ct)|}; var stream = client.GetStream(); var buffer = new byte[1024]; while (true) { int n = await stream.ReadAsync(buffer, ct); if (n == 0) break; await stream.WriteAsync(buffer.AsMemory(0, n), ct); } }")]
        [InlineData("for (;;) { using var client = {|SOCK050:listener.AcceptTcpClient()|}; using var reader = new StreamReader(client.GetStream()); string? line; while ((line = reader.ReadLine()) != null) Console.WriteLine(line); }")]
        // A BinaryReader's reads wait for their bytes too (fresh28 miss 1, a course server's ReadString loop).
        [InlineData("for (;;) { var client = {|SOCK050:listener.AcceptTcpClient()|}; bool check = true; while (check) { var reader = new BinaryReader(client.GetStream()); string value = reader.ReadString(); if (value == \"#!32\") check = false; else Console.WriteLine(value); } client.Close(); }")]
        [InlineData("while (true) { using var client = {|SOCK050:socket.Accept()|}; using var reader = new BinaryReader(new NetworkStream(client)); while (reader.ReadByte() != 0) { } }")]
        [InlineData("while (true) { using var client = {|SOCK050:socket.Accept()|}; Serve(client); }")]
        [InlineData("while (true) { using var client = await {|SOCK050:listener.AcceptTcpClientAsync()|}.ConfigureAwait(false); await ServeAsync(client).ConfigureAwait(false); }")]
        public Task Accept_loop_that_serves_each_client_to_the_end_is_reported(string loop)
            => Verify.VerifyAnalyzerAsync(Server(loop));

        /// <summary>
        /// The inner read loop reads through a view of the client taken inline (fresh12 miss 2, a course file server:
        /// <c>read = tcpClient.GetStream().Read(buffer, received, size)</c>), as it does through a stream local.
        /// </summary>
        [Theory]
        [InlineData("while (true) { var client = {|SOCK050:listener.AcceptTcpClient()|}; var buffer = new byte[1024]; int received = 0; while (received < buffer.Length) { int read = client.GetStream().Read(buffer, received, buffer.Length - received); if (read == 0) break; received += read; } client.Close(); }")]
        [InlineData("while (true) { var client = {|SOCK050:listener.AcceptTcpClient()|}; var buffer = new byte[1024]; int n; while ((n = client.Client.Receive(buffer)) > 0) Console.WriteLine(n); client.Close(); }")]
        [InlineData("while (true) { var client = await {|SOCK050:listener.AcceptTcpClientAsync()|}; var buffer = new byte[1024]; int n; while ((n = await client.GetStream().ReadAsync(buffer, ct)) > 0) Console.WriteLine(n); client.Close(); }")]
        [InlineData("while (true) { var client = {|SOCK050:listener.AcceptTcpClient()|}; Serve(client.Client); client.Close(); }")]
        public Task Inner_read_loop_through_an_inline_view_of_the_client_is_reported(string loop)
            => Verify.VerifyAnalyzerAsync(Server(loop));

        /// <summary>
        /// The read loop one call further down (fresh12 miss 3, the MSDN <c>SslStream</c> server sample): the accept loop
        /// calls <c>ProcessClient(client)</c>, which wraps the client's stream and calls <c>ReadMessage(sslStream)</c>,
        /// whose loop reads until the message ends.
        /// </summary>
        [Theory]
        [InlineData("string ReadMessage(SslStream s) { var b = new byte[2048]; var text = new StringBuilder(); int bytes; do { bytes = s.Read(b, 0, b.Length); text.Append(Encoding.UTF8.GetString(b, 0, bytes)); if (text.ToString().IndexOf(\"<EOF>\") != -1) break; } while (bytes != 0); return text.ToString(); }",
            "void ProcessClient(TcpClient client) { var ssl = new SslStream(client.GetStream(), false); try { Console.WriteLine(ReadMessage(ssl)); } finally { ssl.Close(); client.Close(); } }")]
        [InlineData("void Pump(NetworkStream stream) { var b = new byte[256]; int n; while ((n = stream.Read(b, 0, b.Length)) > 0) stream.Write(b, 0, n); }",
            "void ProcessClient(TcpClient client) { using var stream = client.GetStream(); Pump(stream); }")]
        public Task Read_loop_two_calls_down_on_what_the_client_gave_is_reported(string reader, string process)
            => Verify.VerifyAnalyzerAsync(TwoLevels(reader, process, "while (true) { var client = {|SOCK050:listener.AcceptTcpClient()|}; ProcessClient(client); }"));

        [Fact]
        public Task Awaited_read_loop_two_calls_down_is_reported()
            => Verify.VerifyAnalyzerAsync(TwoLevels(
                "async Task PumpAsync(NetworkStream stream) { var b = new byte[256]; int n; while ((n = await stream.ReadAsync(b)) > 0) await stream.WriteAsync(b.AsMemory(0, n)); }",
                "async Task ProcessClient(TcpClient client) { await PumpAsync(client.GetStream()); }",
                "while (true) { var client = await {|SOCK050:listener.AcceptTcpClientAsync()|}; await ProcessClient(client); }"));

        /// <summary>
        /// The task of the serving call kept in a local and awaited later in the turn (fresh23 miss, a game server's
        /// <c>Task t = Process(client); await t;</c>) serves the client to the end as well. No fix: handing <c>await t;</c> to a
        /// task would wrap a task already started.
        /// </summary>
        [Fact]
        public Task Serving_task_kept_in_a_local_and_awaited_is_reported_without_a_fix()
            => Verify.VerifyCodeFixAsync(
                TwoLevels(
                    "async Task PumpAsync(NetworkStream stream) { var b = new byte[256]; int n; while ((n = await stream.ReadAsync(b)) > 0) await stream.WriteAsync(b.AsMemory(0, n)); }",
                    "async Task ProcessClient(TcpClient client) { await PumpAsync(client.GetStream()); }",
                    "while (true) { var client = await {|SOCK050:listener.AcceptTcpClientAsync()|}; Task t = ProcessClient(client); Console.WriteLine(\"serving\"); await t; }"),
                TwoLevels(
                    "async Task PumpAsync(NetworkStream stream) { var b = new byte[256]; int n; while ((n = await stream.ReadAsync(b)) > 0) await stream.WriteAsync(b.AsMemory(0, n)); }",
                    "async Task ProcessClient(TcpClient client) { await PumpAsync(client.GetStream()); }",
                    "while (true) { var client = await {|SOCK050:listener.AcceptTcpClientAsync()|}; Task t = ProcessClient(client); Console.WriteLine(\"serving\"); await t; }"));

        [Theory]
        // The local is given another task before the await, or the task is kept and never awaited in the turn.
        [InlineData("Task t = ProcessClient(client); t = Task.CompletedTask; await t;")]
        [InlineData("Task t = ProcessClient(client); pending.Add(t);")]
        public Task Serving_task_that_the_turn_does_not_await_is_quiet(string turn)
            => Verify.VerifyAnalyzerAsync(TwoLevels(
                "async Task PumpAsync(NetworkStream stream) { var b = new byte[256]; int n; while ((n = await stream.ReadAsync(b)) > 0) await stream.WriteAsync(b.AsMemory(0, n)); }",
                "async Task ProcessClient(TcpClient client) { await PumpAsync(client.GetStream()); } System.Collections.Generic.List<Task> pending = new();",
                "while (true) { var client = await listener.AcceptTcpClientAsync(); " + turn + " }"));

        /// <summary>Two calls down, the loop must read what the client gave: a log file read line by line is no serving.</summary>
        [Theory]
        [InlineData("void Replay(string path) { using var file = new StreamReader(path); string? line; while ((line = file.ReadLine()) != null) Console.WriteLine(line); }",
            "void ProcessClient(TcpClient client) { var b = new byte[16]; client.GetStream().Read(b, 0, b.Length); Replay(\"log.txt\"); client.Close(); }")]
        [InlineData("void Pump(NetworkStream stream) { var b = new byte[256]; int n; while ((n = stream.Read(b, 0, b.Length)) > 0) stream.Write(b, 0, n); }",
            "void ProcessClient(TcpClient client) { _ = Task.Run(() => Pump(client.GetStream())); }")]
        [InlineData("async Task PumpAsync(NetworkStream stream) { var b = new byte[256]; int n; while ((n = await stream.ReadAsync(b)) > 0) await stream.WriteAsync(b.AsMemory(0, n)); }",
            "void ProcessClient(TcpClient client) { _ = PumpAsync(client.GetStream()); }")]
        public Task Second_call_that_does_not_serve_the_client_is_quiet(string reader, string process)
            => Verify.VerifyAnalyzerAsync(TwoLevels(reader, process, "while (true) { var client = listener.AcceptTcpClient(); ProcessClient(client); }"));

        private static string TwoLevels(string reader, string process, string loop) => Usings + "using System.Net.Security;\n" + $$"""
            class Server
            {
                async Task Run(TcpListener listener)
                {
                    {{loop}}
                }

                {{process}}

                {{reader}}
            }
            """;

        private static string FieldServer(string loop) => Usings + $$"""
            class FileServer
            {
                private NetworkStream stream = null!;
                private StreamReader reader = null!;
                private TcpClient client = null!;
                private readonly byte[] readBuffer = new byte[4096];
                private bool connected;

                void Run(TcpListener listener, FileServer other)
                {
                    {{loop}}
                }

                void Pump() { while (stream.Read(readBuffer, 0, readBuffer.Length) > 0) { } }
            }
            """;

        /// <summary>
        /// fresh37 miss 1 (a course file server): the accepted client's stream kept in a field of the object, read to the
        /// end in the same turn through the field (or a reader field made over it), before the next accept.
        /// </summary>
        [Theory]
        [InlineData("while (true) { TcpClient client = {|SOCK050:listener.AcceptTcpClient()|}; connected = true; stream = client.GetStream(); while (connected) { int n = stream.Read(readBuffer, 0, readBuffer.Length); if (n == 0) { connected = false; break; } Console.WriteLine(n); } }")]
        [InlineData("while (true) { var client = {|SOCK050:listener.AcceptTcpClient()|}; this.stream = client.GetStream(); reader = new StreamReader(this.stream); string? line; while ((line = reader.ReadLine()) != null) Console.WriteLine(line); client.Close(); }")]
        [InlineData("while (true) { client = {|SOCK050:listener.AcceptTcpClient()|}; if (client.Connected) { stream = client.GetStream(); } while (stream.Read(readBuffer, 0, readBuffer.Length) > 0) { } }")]
        public Task Accept_loop_that_serves_the_client_through_a_field_is_reported(string loop)
            => Verify.VerifyAnalyzerAsync(FieldServer(loop));

        /// <summary>A field the turn only stores, for a thread or a task to read, is no serving in the turn.</summary>
        [Theory]
        [InlineData("while (true) { var client = listener.AcceptTcpClient(); stream = client.GetStream(); new Thread(Pump).Start(); }")]
        [InlineData("while (true) { var client = listener.AcceptTcpClient(); stream = client.GetStream(); _ = Task.Run(() => { while (stream.Read(readBuffer, 0, readBuffer.Length) > 0) { } }); }")]
        public Task Accept_loop_that_only_stores_the_client_in_a_field_is_quiet(string loop)
            => Verify.VerifyAnalyzerAsync(FieldServer(loop));

        /// <summary>An inline view of something else than the client (another connection, a field) says nothing of the client.</summary>
        [Theory]
        [InlineData("var other = new TcpClient(\"example.org\", 80); while (true) { var client = listener.AcceptTcpClient(); var buffer = new byte[1024]; int n; while ((n = {|SOCK011:other.GetStream().Read(buffer, 0, buffer.Length)|}) > 0) Console.WriteLine(n); client.Close(); }")]
        [InlineData("while (true) { var client = listener.AcceptTcpClient(); var buffer = new byte[1024]; int n = client.GetStream().Read(buffer, 0, buffer.Length); client.GetStream().Write(buffer, 0, n); client.Close(); }")]
        [InlineData("while (true) { var client = listener.AcceptTcpClient(); _ = Task.Run(() => { var buffer = new byte[1024]; while (client.GetStream().Read(buffer, 0, buffer.Length) > 0) { } }); }")]
        public Task Inline_views_that_do_not_serve_the_client_in_the_loop_are_quiet(string loop)
            => Verify.VerifyAnalyzerAsync(Server(loop));

        /// <summary>Concurrent servers and servers that accept once are quiet.</summary>
        [Theory]
        [InlineData("var client = socket.Accept(); Serve(client);")]
        [InlineData("using var client = await listener.AcceptTcpClientAsync(); await ServeAsync(client);")]
        [InlineData("while (true) { var client = socket.Accept(); _ = Task.Run(() => Serve(client)); }")]
        [InlineData("while (true) { var client = await listener.AcceptTcpClientAsync(); _ = ServeAsync(client); }")]
        [InlineData("while (true) { var client = await listener.AcceptTcpClientAsync(); Fire(client); }")]
        [InlineData("while (true) { var client = socket.Accept(); new Thread(() => Serve(client)).Start(); }")]
        [InlineData("while (true) { var client = socket.Accept(); ThreadPool.QueueUserWorkItem(_ => Serve(client)); }")]
        [InlineData("while (true) { var client = socket.Accept(); _ = Task.Run(async () => { var b = new byte[16]; int n; while ((n = await client.ReceiveAsync(b, SocketFlags.None)) > 0) { } }); }")]
        [InlineData("while (true) { using var client = socket.Accept(); var buffer = new byte[16]; int n = client.Receive(buffer); client.Send(buffer, 0, n, SocketFlags.None); }")]
        [InlineData("while (true) { var client = socket.Accept(); var b = new byte[16]; for (var i = 0; i < 3; i++) { socket.Blocking = true; } client.Dispose(); }")]
        public Task Concurrent_or_one_shot_servers_are_quiet(string loop)
            => Verify.VerifyAnalyzerAsync(Server(loop));

        /// <summary>
        /// fresh102 F1: a loose file with no <c>using System.Threading.Tasks;</c>, so the served method's <c>Task</c> does not
        /// bind. The method is <c>async</c>: the call returns at its first pending read, and the loop accepts the next client.
        /// A method whose return type does not bind is unknown, and quiet too; the same method returning nothing still blocks.
        /// </summary>
        [Fact]
        public Task Discarded_call_of_an_async_method_whose_task_type_does_not_bind_is_quiet()
            => Verify.VerifyAnalyzerAsync("""
                using System.Net;
                using System.Net.Sockets;
                using System.Text;

                public class EchoServer
                {
                    private TcpListener _listener;

                    public async void Start()
                    {
                        _listener = new TcpListener(IPAddress.Loopback, 8080);
                        _listener.Start();
                        while (true)
                        {
                            TcpClient client = await _listener.AcceptTcpClientAsync();
                            _ = HandleClient(client);
                            _ = Other(client);
                        }
                    }

                    private async {|CS0246:Task|} {|CS0161:HandleClient|}(TcpClient client)
                    {
                        NetworkStream stream = client.GetStream();
                        byte[] buffer = new byte[1024];
                        int read;
                        while ((read = await stream.ReadAsync(buffer, 0, buffer.Length)) > 0)
                        {
                            stream.Write(Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(buffer, 0, read)));
                        }
                    }

                    private {|CS0246:Unknown|} Other(TcpClient client)
                    {
                        NetworkStream stream = client.GetStream();
                        byte[] buffer = new byte[1024];
                        int read;
                        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
                        {
                            stream.Write(buffer, 0, read);
                        }

                        return null;
                    }
                }
                """);

        [Fact]
        public Task The_same_loop_serving_a_method_that_returns_nothing_is_reported()
            => Verify.VerifyAnalyzerAsync("""
                using System.Net;
                using System.Net.Sockets;

                public class EchoServer
                {
                    public async void Start(TcpListener listener)
                    {
                        while (true)
                        {
                            TcpClient client = await {|SOCK050:listener.AcceptTcpClientAsync()|};
                            HandleClient(client);
                        }
                    }

                    private void HandleClient(TcpClient client)
                    {
                        NetworkStream stream = client.GetStream();
                        byte[] buffer = new byte[1024];
                        int read;
                        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
                        {
                            stream.Write(buffer, 0, read);
                        }
                    }
                }
                """);

        // A loop that goes on only while received bytes already wait (fresh14 audit: do { Receive } while (Available > 0))
        // reads one request: its later reads take what is queued and never wait for the client.
        [Theory]
        [InlineData("while (true) { using var client = socket.Accept(); var b = new byte[256]; int n; do { n = client.Receive(b); Console.Write(n); } while (client.Available > 0); client.Send(b); }")]
        [InlineData("while (true) { using var client = listener.AcceptTcpClient(); var stream = client.GetStream(); var b = new byte[256]; do { Console.Write(stream.Read(b, 0, b.Length)); } while (stream.DataAvailable); }")]
        [InlineData("while (true) { using var client = listener.AcceptTcpClient(); var b = new byte[256]; int n = client.GetStream().Read(b, 0, b.Length); while (client.Available != 0 && n > 0) { n = client.GetStream().Read(b, 0, b.Length); } }")]
        // fresh11 F3 (an HTTP server of a course): the other side of the || holds only until the first bytes came.
        [InlineData("while (true) { using var client = listener.AcceptTcpClient(); var stream = client.GetStream(); var all = new List<byte>(); var b = new byte[256]; while (stream.DataAvailable || all.Count == 0) { int n = stream.Read(b, 0, b.Length); if (n == 0) break; for (int i = 0; i < n; i++) all.Add(b[i]); } }")]
        [InlineData("while (true) { using var client = socket.Accept(); var text = new StringBuilder(); var b = new byte[256]; while (text.Length == 0 || client.Available > 0) { int n = client.Receive(b); if (n == 0) break; text.Append(Encoding.ASCII.GetString(b, 0, n)); } client.Send(b); }")]
        [InlineData("while (true) { using var client = socket.Accept(); long total = 0; var b = new byte[256]; while (client.Available > 0 || total == 0) { int n = client.Receive(b); if (n == 0) break; total += n; } }")]
        public Task Accept_loop_whose_inner_loop_only_takes_bytes_already_queued_is_quiet(string loop)
            => Verify.VerifyAnalyzerAsync(Server(loop));

        /// <summary>
        /// fresh39 F2 (a remote console): an inner <c>while (true)</c> whose body always ends with <c>break</c> (or
        /// <c>return</c>, <c>throw</c>) runs once: one request per connection.
        /// </summary>
        [Theory]
        [InlineData("while (true) { using var client = socket.Accept(); var b = new byte[256]; string data = null; while (true) { int n = client.Receive(b); data += Encoding.ASCII.GetString(b, 0, n); break; } client.Send(Encoding.ASCII.GetBytes(data)); }")]
        [InlineData("while (true) { using var client = socket.Accept(); var b = new byte[256]; for (;;) { int n = client.Receive(b); if (n == 0) { Console.WriteLine(); } throw new InvalidOperationException(); } }")]
        public Task Accept_loop_whose_inner_loop_always_leaves_on_its_first_turn_is_quiet(string loop)
            => Verify.VerifyAnalyzerAsync(Server(loop));

        [Theory]
        [InlineData("while (true) { using var client = {|SOCK050:socket.Accept()|}; var b = new byte[256]; while (true) { int n = client.Receive(b); if (n > 0) continue; break; } }")]
        [InlineData("while (true) { using var client = {|SOCK050:socket.Accept()|}; var b = new byte[256]; while (true) { int n = client.Receive(b); if (n == 0) break; Console.WriteLine(n); } }")]
        public Task Accept_loop_whose_inner_loop_may_turn_again_is_still_reported(string loop)
            => Verify.VerifyAnalyzerAsync(Server(loop));

        [Theory]
        [InlineData("while (true) { using var client = {|SOCK050:socket.Accept()|}; var b = new byte[256]; int n; do { n = client.Receive(b); } while (client.Available > 0 || n > 0); }")]
        // Available is 0 once the peer has closed, so Available >= 0 keeps the inner loop reading 0 for ever: SOCK011 too.
        [InlineData("while (true) { using var client = {|SOCK050:socket.Accept()|}; var b = new byte[256]; int n; do { n = {|SOCK011:client.Receive(b)|}; } while (client.Available >= 0); }")]
        // The other side may hold again after bytes came (the list is cleared, or holds until 100 bytes came).
        [InlineData("while (true) { using var client = {|SOCK050:listener.AcceptTcpClient()|}; var stream = client.GetStream(); var all = new List<byte>(); var b = new byte[256]; while (stream.DataAvailable || all.Count == 0) { int n = stream.Read(b, 0, b.Length); if (n == 0) break; for (int i = 0; i < n; i++) all.Add(b[i]); Console.WriteLine(all.Count); all.Clear(); } }")]
        [InlineData("while (true) { using var client = {|SOCK050:listener.AcceptTcpClient()|}; var stream = client.GetStream(); var all = new List<byte>(); var b = new byte[256]; while (stream.DataAvailable || all.Count < 100) { int n = stream.Read(b, 0, b.Length); if (n == 0) break; for (int i = 0; i < n; i++) all.Add(b[i]); } }")]
        [InlineData("while (true) { using var client = {|SOCK050:socket.Accept()|}; var text = new StringBuilder(); var b = new byte[256]; while (text.Length == 0 || client.Available > 0) { int n = client.Receive(b); if (n == 0) break; text = new StringBuilder(); } }")]
        public Task Accept_loop_whose_inner_loop_may_wait_for_more_is_still_reported(string loop)
            => Verify.VerifyAnalyzerAsync(Server(loop));

        /// <summary>
        /// netstandard2.0 has no Socket.AcceptAsync() of its own: the call binds to the extension
        /// SocketTaskExtensions.AcceptAsync(this Socket), which the catalogue lists as an accept like the instance method.
        /// </summary>
        [Fact]
        public Task Accept_loop_awaiting_the_netstandard_extension_AcceptAsync_is_reported()
        {
            var source = Usings + """
                class Server
                {
                    async Task Run(Socket socket)
                    {
                        while (true)
                        {
                            var client = await {|SOCK050:socket.AcceptAsync()|};
                            var buffer = new byte[1024];
                            int n;
                            while ((n = client.Receive(buffer)) > 0)
                            {
                                client.Send(buffer, 0, n, SocketFlags.None);
                            }

                            client.Dispose();
                        }
                    }
                }
                """;
            var test = Verify.Test(source, source);
            test.References = SocketAnalyzers.Tests.Verifiers.ReferenceSet.NetStandard20;
            return test.RunAsync();
        }

        [Fact]
        public Task Message_names_the_accept_call()
            => Verify.VerifyAnalyzerAsync(Server("while (true) { var client = {|#0:socket.Accept()|}; {|#1:Serve(client);|} }"),
                Verify.Diagnostic().WithLocation(0).WithLocation(1).WithSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Info).WithMessage(
                    "This loop serves each client accepted by Accept to the end before accepting the next; every other client waits in the backlog. Hand each client to a task to serve them concurrently."));

        [Fact]
        public Task One_call_per_client_is_handed_to_a_task()
            => Verify.VerifyCodeFixAsync(Server("""
                while (true)
                        {
                            var client = [|socket.Accept()|];
                            Serve(client);
                        }
                """), Server("""
                while (true)
                        {
                            var client = socket.Accept();
                            _ = Task.Run(() => Serve(client));
                        }
                """));

        [Fact]
        public Task Awaited_call_per_client_is_handed_to_a_task_without_the_await()
            => Verify.VerifyCodeFixAsync(Server("""
                while (!ct.IsCancellationRequested)
                        {
                            var client = await [|listener.AcceptTcpClientAsync(ct)|];
                            await ServeAsync(client).ConfigureAwait(false);
                        }
                """), Server("""
                while (!ct.IsCancellationRequested)
                        {
                            var client = await listener.AcceptTcpClientAsync(ct);
                            _ = Task.Run(() => ServeAsync(client));
                        }
                """));

        [Fact]
        public Task Fix_all_hands_off_every_accept_loop()
            => Verify.VerifyCodeFixAsync(Server("""
                while (true)
                        {
                            var client = [|socket.Accept()|];
                            Serve(client);
                        }
                    }

                    void Other(Socket socket)
                    {
                        while (true)
                        {
                            var client = [|socket.Accept()|];
                            Serve(client);
                        }
                """), Server("""
                while (true)
                        {
                            var client = socket.Accept();
                            _ = Task.Run(() => Serve(client));
                        }
                    }

                    void Other(Socket socket)
                    {
                        while (true)
                        {
                            var client = socket.Accept();
                            _ = Task.Run(() => Serve(client));
                        }
                """));

        [Theory]
        [InlineData("while (true) { using var client = [|socket.Accept()|]; Serve(client); }")]
        [InlineData("Socket client; while (true) { client = [|socket.Accept()|]; Serve(client); }")]
        [InlineData("while (true) { var client = [|socket.Accept()|]; Serve(client); client.Dispose(); }")]
        public Task Client_disposed_or_shared_after_the_call_is_reported_without_a_fix(string loop)
            => Verify.VerifyCodeFixAsync(Server(loop), Server(loop));

        /// <summary>A lambda after the call that captures the client uses it too: handing the call to a task would race with it.</summary>
        [Theory]
        [InlineData("while (true) { var client = [|socket.Accept()|]; Serve(client); Action close = () => client.Dispose(); close(); }")]
        [InlineData("while (true) { var client = [|socket.Accept()|]; Serve(client); ThreadPool.QueueUserWorkItem(_ => client.Dispose()); }")]
        public Task Client_captured_by_a_lambda_after_the_call_is_reported_without_a_fix(string loop)
            => Verify.VerifyCodeFixAsync(Server(loop), Server(loop));

        /// <summary>A server whose serving helpers return what they read (audit87, a course's TCP server: <c>string request = Receive(acceptSocket, 5000);</c>).</summary>
        private static string ValueServer(string loop) => Usings + $$"""
            class Server
            {
                async Task Run(TcpListener listener, Socket socket)
                {
                    {{loop}}
                }

                static string ReadAll(Socket client)
                {
                    var data = new List<byte>();
                    var buffer = new byte[1024];
                    int n;
                    while ((n = client.Receive(buffer)) > 0)
                    {
                        for (int i = 0; i < n; i++) data.Add(buffer[i]);
                        if (n < buffer.Length) break;
                    }

                    return Encoding.ASCII.GetString(data.ToArray());
                }

                static async Task<int> CountAsync(TcpClient client)
                {
                    var buffer = new byte[1024];
                    int n, total = 0;
                    while ((n = await client.GetStream().ReadAsync(buffer)) > 0) total += n;
                    return total;
                }

                static string Greet(Socket client) => "hello " + client.RemoteEndPoint;
            }
            """;

        /// <summary>The serving call's result kept in a declaration or an assignment: the loop waits for it the same. No fix: the result is used after the call.</summary>
        [Theory]
        [InlineData("while (true) { Socket client = [|socket.Accept()|]; string request = ReadAll(client); client.Send(Encoding.ASCII.GetBytes(\"ok \" + request.Length)); client.Close(); }")]
        [InlineData("string request; while (true) { var client = [|socket.Accept()|]; request = ReadAll(client); Console.WriteLine(request); client.Close(); }")]
        [InlineData("while (true) { var client = await [|listener.AcceptTcpClientAsync()|]; var total = await CountAsync(client); Console.WriteLine(total); client.Dispose(); }")]
        [InlineData("while (true) { var client = [|socket.Accept()|]; var request = ReadAll(client); }")]
        [InlineData("string last = null; while (true) { var client = [|socket.Accept()|]; last = ReadAll(client); }")]
        public Task Serving_call_whose_result_is_kept_is_reported_without_a_fix(string loop)
            => Verify.VerifyCodeFixAsync(ValueServer(loop), ValueServer(loop));

        /// <summary>A kept result of a call that does not serve the client, or of a task not awaited: quiet.</summary>
        [Theory]
        [InlineData("while (true) { Socket client = socket.Accept(); string text = Greet(client); client.Send(Encoding.ASCII.GetBytes(text)); client.Close(); }")]
        [InlineData("while (true) { var client = await listener.AcceptTcpClientAsync(); var pending = CountAsync(client); Console.WriteLine(pending.Id); }")]
        public Task Kept_result_of_a_call_that_does_not_serve_to_the_end_is_quiet(string loop)
            => Verify.VerifyAnalyzerAsync(ValueServer(loop));
    }
}
