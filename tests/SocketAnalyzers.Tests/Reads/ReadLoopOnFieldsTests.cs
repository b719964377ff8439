using System.Threading.Tasks;
using Xunit;
using static SocketAnalyzers.Tests.Reads.ReadTestCode;
using Verify = SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<SocketAnalyzers.Reads.SOCK011ReadLoopIgnoresEndOfStreamAnalyzer, SocketAnalyzers.CodeFixes.Reads.SOCK011ReadLoopIgnoresEndOfStreamCodeFixProvider>;

namespace SocketAnalyzers.Tests.Reads
{
    /// <summary>
    /// SOCK011 on a socket or stream kept in a field of the class (issue 9): a <c>readonly</c> field can only be replaced
    /// in constructors, so helpers of the class that the loop calls cannot make the next read use another connection.
    /// </summary>
    public sealed class ReadLoopOnFieldsTests
    {
        /// <summary>A class with the field declaration, a constructor that sets it, <c>Run</c> holding the loop and the helpers.</summary>
        private static string Class(string field, string run, string members = "")
            => Usings + $$"""
            class C
            {
                {{field}}
                private int handled;
                private bool stopped;

                public C(NetworkStream stream, Socket socket, TcpClient client)
                {
                    this.stream = stream;
            {{Indent("this.socket = socket;\nthis.client = client;", 8)}}
                }

                public async Task Run(byte[] buf)
                {
            {{Indent(run, 8)}}
                }

                private void Handle(byte[] data, int count) => handled += count;

                private void Log(string text) => Console.WriteLine(text);

                public void Stop() => stopped = true;
            {{Indent(members, 4)}}
            }
            """;

        private const string ReadonlyFields = """
            private readonly NetworkStream stream;
                private readonly Socket socket;
                private readonly TcpClient client;
            """;

        private const string MutableFields = """
            private NetworkStream stream;
                private Socket socket;
                private TcpClient client;
            """;

        private const string Reconnect = """
            private void Reconnect() { client = new TcpClient("localhost", 7); stream = client.GetStream(); }
            private void Maintain() { if (handled > 1000) Reconnect(); }
            """;

        [Theory]
        [InlineData("""
            while (true)
            {
                int n = [|stream.Read(buf, 0, buf.Length)|];
                Handle(buf, n);
            }
            """)]
        [InlineData("""
            while (true)
            {
                int n = await [|stream.ReadAsync(buf, 0, buf.Length)|];
                Log("read " + n);
                Handle(buf, n);
            }
            """)]
        [InlineData("""
            int n;
            while ((n = [|socket.Receive(buf)|]) != -1)
            {
                Handle(buf, n);
            }
            """)]
        [InlineData("""
            while (true)
            {
                int n = [|client.GetStream().Read(buf, 0, buf.Length)|];
                Handle(buf, n);
            }
            """)]
        [InlineData("""
            while (client.Connected)
            {
                int n = [|this.stream.Read(buf, 0, buf.Length)|];
                Handle(buf, n);
            }
            """)]
        [InlineData("""
            do
            {
                int n = [|socket.Receive(buf)|];
                Handle(buf, n);
            }
            while (buf.Length > 0);
            """)]
        public Task Readonly_field_loop_calling_helpers_of_the_class_is_reported(string run)
            => Verify.VerifyAnalyzerAsync(Class(ReadonlyFields, run));

        [Fact]
        public Task Readonly_field_loop_that_calls_a_helper_which_touches_another_field_is_reported()
            => Verify.VerifyAnalyzerAsync(Class(ReadonlyFields, """
                while (true)
                {
                    int n = [|stream.Read(buf, 0, buf.Length)|];
                    Handle(buf, n);
                    Stop();
                }
                """));

        [Fact]
        public Task Fix_on_a_readonly_field_loop_leaves_it_at_zero_and_the_helper_call_stays()
            => Verify.VerifyCodeFixAsync(
                Class(ReadonlyFields, """
                    while (true)
                    {
                        int n = [|stream.Read(buf, 0, buf.Length)|];
                        Handle(buf, n);
                    }
                    """),
                Class(ReadonlyFields, """
                    while (true)
                    {
                        int n = stream.Read(buf, 0, buf.Length);
                        if (n == 0)
                        {
                            break;
                        }

                        Handle(buf, n);
                    }
                    """));

        [Fact]
        public Task Readonly_static_field_loop_calling_a_helper_is_reported()
            => Verify.VerifyAnalyzerAsync(Usings + """
                static class Pump
                {
                    private static readonly NetworkStream Shared = new TcpClient("localhost", 7).GetStream();

                    public static void Run(byte[] buf)
                    {
                        while (true)
                        {
                            int n = [|Shared.Read(buf, 0, buf.Length)|];
                            Handle(buf, n);
                        }
                    }

                    private static void Handle(byte[] data, int count) => Console.WriteLine(count);
                }
                """);

        [Fact]
        public Task Readonly_field_loop_that_stops_at_zero_is_quiet()
            => Verify.VerifyAnalyzerAsync(Class(ReadonlyFields, """
                while (true)
                {
                    int n = stream.Read(buf, 0, buf.Length);
                    if (n == 0)
                    {
                        break;
                    }

                    Handle(buf, n);
                }
                """));

        [Fact]
        public Task Mutable_field_loop_calling_a_helper_that_may_replace_it_is_quiet()
            => Verify.VerifyAnalyzerAsync(Class(MutableFields, """
                while (true)
                {
                    int n = stream.Read(buf, 0, buf.Length);
                    Handle(buf, n);
                    Maintain();
                }
                """, Reconnect));

        /// <summary>
        /// A helper of the class that can neither give the private field another value nor end the loop, and reads no field
        /// (it, and the helpers it calls: a log line, a time stamp; fresh18) is no way out, though the field is not readonly.
        /// </summary>
        [Theory]
        [InlineData("Log(\"turn \" + n);")]
        [InlineData("Log(\"read \" + n); Log(\"again\");")]
        [InlineData("Stamp(n, buf.Length);")]
        public Task Mutable_field_loop_calling_helpers_that_cannot_assign_it_is_reported(string calls)
            => Verify.VerifyAnalyzerAsync(Class(MutableFields, $$"""
                while (true)
                {
                    int n = [|stream.Read(buf, 0, buf.Length)|];
                    {{calls}}
                }
                """, Reconnect + "\nprivate void Stamp(int n, int size) => Log(DateTime.UtcNow + \": \" + (100f * n / size) + \"%\");"));

        /// <summary>
        /// A helper that may throw or end the loop on the 0 path, or whose behaviour depends on fields the earlier turns
        /// changed, stays a way out: it throws, disposes, dereferences or divides by what it is given, or reads a field.
        /// </summary>
        [Theory]
        [InlineData("private void Step(int n) { if (n == 0) throw new IOException(\"closed\"); }")]
        [InlineData("private void Step(int n) { if (n == 0) client.Close(); }")]
        [InlineData("private void Step(int n) => Console.WriteLine(1000 / n);")]
        [InlineData("private void Step(int n) { handled += n; Console.WriteLine(handled); }")]
        [InlineData("private void Step(int n) => Console.WriteLine(n.ToString().Length + handled);")]
        public Task Mutable_field_loop_calling_a_helper_that_may_end_it_is_quiet(string step)
            => Verify.VerifyAnalyzerAsync(Class(MutableFields, """
                while (true)
                {
                    int n = stream.Read(buf, 0, buf.Length);
                    Step(n);
                }
                """, step));

        /// <summary>A helper that assigns the field, a member of what it holds, hands <c>this</c> on, runs a delegate or calls other code of the project may.</summary>
        [Theory]
        [InlineData("private void Step() { if (handled > 10) Renew(); }\nprivate void Renew() => client = new TcpClient(\"localhost\", 7);")]
        [InlineData("private void Step() => client.Client = null;")]
        [InlineData("private void Step() => Registry.Add(this);")]
        [InlineData("private void Step() => OnTurn?.Invoke();\nprivate event Action OnTurn;")]
        [InlineData("private void Step() => Registry.Touch();")]
        [InlineData("protected virtual void Step() { }")]
        public Task Mutable_field_loop_calling_a_helper_that_may_reach_it_is_quiet(string step)
            => Verify.VerifyAnalyzerAsync(Class(MutableFields, """
                while (true)
                {
                    int n = client.GetStream().Read(buf, 0, buf.Length);
                    Step();
                    Console.WriteLine(n);
                }
                """, Reconnect + "\n" + step) + """

                static class Registry
                {
                    public static void Add(object o) { }
                    public static void Touch() { }
                }
                """);

        // A local that took the field's stream before the loop holds the same connection on every turn, whatever a
        // helper does to the field; so does one taken from a readonly field (fresh-repository audit: a form that calls
        // its log helper on every turn of a loop reading clientSocket.GetStream()).
        [Theory]
        [InlineData("""
            var ns = client.GetStream();
            while (true)
            {
                int n = [|ns.Read(buf, 0, buf.Length)|];
                Handle(buf, n);
            }
            """)]
        [InlineData("""
            var ns = stream;
            while (true)
            {
                int n = [|ns.Read(buf, 0, buf.Length)|];
                Log(Encoding.UTF8.GetString(buf, 0, n));
            }
            """)]
        public Task Local_taken_from_a_readonly_field_loop_calling_helpers_is_reported(string run)
            => Verify.VerifyAnalyzerAsync(Class(ReadonlyFields, run));

        [Theory]
        [InlineData("""
            var ns = stream;
            while (true)
            {
                int n = [|ns.Read(buf, 0, buf.Length)|];
                Handle(buf, n);
            }
            """)]
        [InlineData("""
            var ns = client.GetStream();
            while (true)
            {
                int n = [|ns.Read(buf, 0, buf.Length)|];
                Handle(buf, n);
            }
            """)]
        public Task Local_taken_from_a_mutable_field_before_the_loop_is_reported_although_a_helper_may_replace_the_field(string run)
            => Verify.VerifyAnalyzerAsync(Class(MutableFields, run, Reconnect));

        [Theory]
        [InlineData("""
            while (true)
            {
                var ns = client.GetStream();
                int n = ns.Read(buf, 0, buf.Length);
                Handle(buf, n);
                Maintain();
            }
            """)]
        [InlineData("""
            NetworkStream ns;
            while (true)
            {
                ns = stream;
                int n = ns.Read(buf, 0, buf.Length);
                Handle(buf, n);
                Maintain();
            }
            """)]
        public Task Local_taken_from_a_mutable_field_inside_the_loop_is_quiet_when_a_helper_may_replace_the_field(string run)
            => Verify.VerifyAnalyzerAsync(Class(MutableFields, run, Reconnect));

        // The loop itself gives the field the next connection: its next read is of another one.
        [Theory]
        [InlineData("""
            while (true)
            {
                int n = stream.Read(buf, 0, buf.Length);
                Console.WriteLine(n);
                stream = Listener.AcceptTcpClient().GetStream();
            }
            """)]
        [InlineData("""
            while (true)
            {
                Console.WriteLine(socket.Receive(buf));
                this.socket = Listener.AcceptSocket();
            }
            """)]
        public Task Mutable_field_loop_that_assigns_the_field_a_new_connection_is_quiet(string run)
            => Verify.VerifyAnalyzerAsync(Class(MutableFields, run, "private static readonly TcpListener Listener = new TcpListener(IPAddress.Any, 7);\npublic static void Listen() => Listener.Start();"));

        [Fact]
        public Task Mutable_field_loop_calling_a_delegate_that_may_replace_it_is_quiet()
            => Verify.VerifyAnalyzerAsync(Class(MutableFields, """
                Action<byte[], int> onData = (data, count) => Reconnect();
                while (true)
                {
                    int n = stream.Read(buf, 0, buf.Length);
                    onData(buf, n);
                }
                """, Reconnect));

        [Theory]
        [InlineData("""
            while (!stopped)
            {
                int n = stream.Read(buf, 0, buf.Length);
                Handle(buf, n);
            }
            """)]
        [InlineData("""
            while (handled < 1000)
            {
                int n = socket.Receive(buf);
                Handle(buf, n);
            }
            """)]
        [InlineData("""
            Action<byte[], int> onData = Handle;
            while (handled < 1000)
            {
                int n = socket.Receive(buf);
                onData(buf, n);
            }
            """)]
        public Task Readonly_field_loop_whose_exit_a_helper_can_change_is_quiet(string run)
            => Verify.VerifyAnalyzerAsync(Class(ReadonlyFields, run));

        [Fact]
        public Task Connected_of_a_mutable_field_a_helper_may_replace_is_quiet()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class C
                {
                    private readonly NetworkStream stream;
                    private TcpClient client;

                    public C(NetworkStream stream, TcpClient client)
                    {
                        this.stream = stream;
                        this.client = client;
                    }

                    public void Run(byte[] buf)
                    {
                        while (client.Connected)
                        {
                            int n = stream.Read(buf, 0, buf.Length);
                            Handle(buf, n);
                        }
                    }

                    private void Handle(byte[] data, int count)
                    {
                        if (count == 0)
                        {
                            client = new TcpClient();
                        }
                    }
                }
                """);

        [Fact]
        public Task Readonly_field_loop_inside_a_constructor_calling_a_helper_is_quiet()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class C
                {
                    private readonly NetworkStream stream;

                    public C(NetworkStream stream, byte[] buf)
                    {
                        this.stream = stream;
                        while (true)
                        {
                            int n = this.stream.Read(buf, 0, buf.Length);
                            Handle(buf, n);
                        }
                    }

                    private void Handle(byte[] data, int count) => Console.WriteLine(count);
                }
                """);

        [Fact]
        public Task Readonly_field_of_a_struct_whose_method_may_assign_this_is_quiet()
            => Verify.VerifyAnalyzerAsync(Usings + """
                struct S
                {
                    private readonly NetworkStream stream;

                    public S(NetworkStream stream) => this.stream = stream;

                    public void Run(byte[] buf)
                    {
                        while (true)
                        {
                            int n = stream.Read(buf, 0, buf.Length);
                            Handle(buf, n);
                        }
                    }

                    private void Handle(byte[] data, int count) => this = new S(new TcpClient("localhost", 7).GetStream());
                }
                """);

        [Fact]
        public Task Readonly_field_holding_an_object_whose_stream_property_a_helper_may_set_is_quiet()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class Connection
                {
                    public NetworkStream Stream { get; set; }
                }

                class C
                {
                    private readonly Connection connection = new Connection();

                    public void Run(byte[] buf)
                    {
                        while (true)
                        {
                            int n = connection.Stream.Read(buf, 0, buf.Length);
                            Handle(buf, n);
                        }
                    }

                    private void Handle(byte[] data, int count) => connection.Stream = new TcpClient("localhost", 7).GetStream();
                }
                """);
    }
}
