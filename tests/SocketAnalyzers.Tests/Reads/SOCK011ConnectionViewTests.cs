using System.Threading.Tasks;
using Xunit;
using static SocketAnalyzers.Tests.Reads.ReadTestCode;
using Verify = SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<SocketAnalyzers.Reads.SOCK011ReadLoopIgnoresEndOfStreamAnalyzer, SocketAnalyzers.CodeFixes.Reads.SOCK011ReadLoopIgnoresEndOfStreamCodeFixProvider>;

namespace SocketAnalyzers.Tests.Reads
{
    /// <summary>
    /// SOCK011 when the loop takes its stream afresh every turn from a connection that does not change
    /// (<c>var stream = client.GetStream();</c> as the loop's first line, the course-code shape), and when the path from
    /// the 0 closes the connection (the next read throws instead of returning 0: not a spin).
    /// </summary>
    public sealed class SOCK011ConnectionViewTests
    {
        // ---- a view of the same connection taken again every turn is the same connection

        [Theory]
        [InlineData("""
            while (true)
            {
                var s = client.GetStream();
                var b = new byte[1024];
                var n = [|s.Read(b, 0, b.Length)|];
                if (n > 0)
                {
                    Process(b, n);
                }
            }
            """)]
        [InlineData("""
            while (true)
            {
                var raw = client.Client;
                int n = [|raw.Receive(buffer)|];
                Process(buffer, n);
            }
            """)]
        [InlineData("""
            while (true)
            {
                var ns = new NetworkStream(socket);
                int n = [|ns.Read(buffer, 0, buffer.Length)|];
                Process(buffer, n);
            }
            """)]
        [InlineData("""
            while (true)
            {
                var ns = client.GetStream();
                var view = ns;
                int n = [|view.Read(buffer, 0, buffer.Length)|];
                Process(buffer, n);
            }
            """)]
        [InlineData("""
            while (true)
            {
                var reader = new StreamReader(client.GetStream());
                var line = [|reader.ReadLine()|];
                Console.WriteLine("got " + line);
            }
            """)]
        [InlineData("""
            while (true)
            {
                var ns = client.GetStream();
                var reader = new StreamReader(ns);
                var line = [|reader.ReadLine()|];
                Console.WriteLine("got " + line);
            }
            """)]
        [InlineData("""
            while (true)
            {
                var s = client.GetStream();
                var b = new byte[1024];
                var n = [|s.Read(b, 0, b.Length)|];
                if (n > 0)
                {
                    System.Threading.Tasks.Parallel.ForEach(new[] { client }, other =>
                    {
                        other.GetStream().Write(b, 0, n);
                    });
                }
            }
            """)]
        [InlineData("""
            while (true)
            {
                int n = [|socket.Receive(buffer)|];
                if (n == 0)
                {
                    udp.Close(); // another connection: the read's socket stays open
                }

                Process(buffer, n);
            }
            """)]
        public Task A_view_of_the_same_connection_taken_every_turn_is_still_that_connection(string body)
            => Verify.VerifyAnalyzerAsync(Method(body));

        [Fact]
        public Task A_view_taken_every_turn_in_an_async_loop_is_still_that_connection()
            => Verify.VerifyAnalyzerAsync(Method("""
                while (true)
                {
                    var s = client.GetStream();
                    int n = await [|s.ReadAsync(buffer, 0, buffer.Length)|];
                    Process(buffer, n);
                }
                """, "Task", "async"));

        // ---- a new connection every turn, or one that may change, stays silent

        [Fact]
        public Task A_view_of_a_connection_accepted_every_turn_is_a_new_connection()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class C
                {
                    void M(TcpListener listener, byte[] buffer)
                    {
                        while (true)
                        {
                            var c = listener.AcceptTcpClient();
                            var s = c.GetStream();
                            int n = s.Read(buffer, 0, buffer.Length);
                            Console.WriteLine(n);
                        }
                    }
                }
                """);

        [Theory]
        [InlineData("""
            while (true)
            {
                client = new TcpClient("example.org", 80);
                var s = client.GetStream();
                int n = s.Read(buffer, 0, buffer.Length);
                Process(buffer, n);
            }
            """)]
        [InlineData("""
            TcpClient current = client;
            Action replace = () => current = new TcpClient();
            while (true)
            {
                var s = current.GetStream();
                int n = s.Read(buffer, 0, buffer.Length);
                Process(buffer, n);
                replace();
            }
            """)]
        [InlineData("""
            while (true)
            {
                var s = Pick(client).GetStream();
                int n = s.Read(buffer, 0, buffer.Length);
                Process(buffer, n);
            }
            """)]
        public Task A_connection_that_may_change_between_turns_stays_silent(string body)
            => Verify.VerifyAnalyzerAsync(Method(body).Replace(
                "static void Process(byte[] data, int count) { }",
                "static void Process(byte[] data, int count) { }\n\n    static TcpClient Pick(TcpClient c) => c;"));

        // ---- closing the connection on the way back: the next read throws, the loop does not spin

        // A stream of the client disposed at the end of every turn closes the client, which ends the spin; it also makes
        // the next turn's GetStream throw (SOCK005, the loop's next turn).
        [Theory]
        [InlineData("""
            while (true)
            {
                int n = socket.Receive(buffer);
                if (n == 0)
                {
                    socket.Close();
                }

                Process(buffer, n);
            }
            """)]
        [InlineData("""
            while (true)
            {
                int n = client.GetStream().Read(buffer, 0, buffer.Length);
                if (n == 0)
                {
                    client.Close();
                }

                Process(buffer, n);
            }
            """)]
        [InlineData("""
            var s = client.GetStream();
            while (true)
            {
                int n = s.Read(buffer, 0, buffer.Length);
                if (n == 0)
                {
                    client.Dispose();
                }

                Process(buffer, n);
            }
            """)]
        [InlineData("""
            while (true)
            {
                var s = client.GetStream();
                int n = s.Read(buffer, 0, buffer.Length);
                if (n == 0)
                {
                    s.Close();
                }

                Process(buffer, n);
            }
            """)]
        [InlineData("""
            while (true)
            {
                using var s = {|SOCK005:client.GetStream()|};
                int n = s.Read(buffer, 0, buffer.Length);
                Process(buffer, n);
            }
            """)]
        [InlineData("""
            while (true)
            {
                using (var s = {|SOCK005:client.GetStream()|})
                {
                    int n = s.Read(buffer, 0, buffer.Length);
                    Process(buffer, n);
                }
            }
            """)]
        [InlineData("""
            while (true)
            {
                int n = socket.Receive(buffer);
                if (n == 0)
                {
                    socket.Disconnect(false);
                }

                Process(buffer, n);
            }
            """)]
        [InlineData("""
            var reader = new StreamReader(client.GetStream());
            while (true)
            {
                var line = reader.ReadLine();
                if (line == null)
                {
                    reader.Close();
                }

                Console.WriteLine("got " + line);
            }
            """)]
        public Task Closing_the_connection_on_the_way_back_ends_the_spin(string body)
            => Verify.VerifyAnalyzerAsync(Method(body));

        [Fact]
        public Task Closing_the_connection_on_the_way_back_ends_the_spin_in_an_async_loop()
            => Verify.VerifyAnalyzerAsync(Method("""
                while (true)
                {
                    int n = await socket.ReceiveAsync(buffer, SocketFlags.None);
                    if (n == 0)
                    {
                        await client.GetStream().DisposeAsync();
                        socket.Dispose();
                    }

                    Process(buffer, n);
                }
                """, "Task", "async"));

        // ---- the fix

        [Fact]
        public Task Fix_leaves_the_loop_when_a_view_taken_every_turn_reads_0()
            => Verify.VerifyCodeFixAsync(
                Method("""
                    while (true)
                    {
                        var s = client.GetStream();
                        var b = new byte[1024];
                        var n = [|s.Read(b, 0, b.Length)|];
                        if (n > 0)
                        {
                            Process(b, n);
                        }
                    }
                    """),
                Method("""
                    while (true)
                    {
                        var s = client.GetStream();
                        var b = new byte[1024];
                        var n = s.Read(b, 0, b.Length);
                        if (n == 0)
                        {
                            break;
                        }

                        if (n > 0)
                        {
                            Process(b, n);
                        }
                    }
                    """));

        [Fact]
        public Task Fix_all_leaves_every_loop_that_takes_a_view_every_turn()
            => Verify.VerifyCodeFixAsync(
                Method("""
                    if (buffer.Length > 0)
                    {
                        while (true)
                        {
                            var s = client.GetStream();
                            var n = [|s.Read(buffer, 0, buffer.Length)|];
                            Process(buffer, n);
                        }
                    }
                    else
                    {
                        while (true)
                        {
                            var raw = client.Client;
                            var m = [|raw.Receive(buffer)|];
                            Process(buffer, m);
                        }
                    }
                    """),
                Method("""
                    if (buffer.Length > 0)
                    {
                        while (true)
                        {
                            var s = client.GetStream();
                            var n = s.Read(buffer, 0, buffer.Length);
                            if (n == 0)
                            {
                                break;
                            }

                            Process(buffer, n);
                        }
                    }
                    else
                    {
                        while (true)
                        {
                            var raw = client.Client;
                            var m = raw.Receive(buffer);
                            if (m == 0)
                            {
                                break;
                            }

                            Process(buffer, m);
                        }
                    }
                    """));
    }
}
