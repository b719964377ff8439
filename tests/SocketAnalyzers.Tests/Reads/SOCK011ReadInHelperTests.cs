using System.Threading.Tasks;
using Xunit;
using static SocketAnalyzers.Tests.Reads.ReadTestCode;
using Verify = SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<SocketAnalyzers.Reads.SOCK011ReadLoopIgnoresEndOfStreamAnalyzer, SocketAnalyzers.CodeFixes.Reads.SOCK011ReadLoopIgnoresEndOfStreamCodeFixProvider>;

namespace SocketAnalyzers.Tests.Reads
{
    /// <summary>
    /// SOCK011 across a helper of the class that returns what its read got (<c>var msg = Receive();</c> in a loop, the read
    /// in <c>Receive</c>): the call is the read for the caller's loop, and its end of stream is what the helper returns
    /// after a 0 (the 0, <c>""</c>, <c>null</c>). Reported at the call only when the helper cannot be overridden, reads the
    /// same connection on every call, and does nothing on the way but return that value.
    /// </summary>
    public sealed class SOCK011ReadInHelperTests
    {
        /// <summary>A chat client with a readonly stream, socket, reader and TcpClient, and a buffer; <paramref name="members"/> are its methods.</summary>
        private static string Chat(string members) => Usings + $$"""
            class Chat
            {
                private readonly TcpClient client;
                private readonly NetworkStream stream;
                private readonly Socket socket;
                private readonly StreamReader reader;
                private readonly byte[] buf = new byte[1024];

                public Chat(TcpClient client)
                {
                    this.client = client;
                    stream = client.GetStream();
                    socket = client.Client;
                    reader = new StreamReader(client.GetStream());
                }

                private static void Handle(byte[] data, int count) => Console.WriteLine(count);

            {{Indent(members, 4)}}
            }
            """;

        [Theory]
        [InlineData("""
            private string Receive()
            {
                int n = stream.Read(buf, 0, buf.Length);
                return Encoding.ASCII.GetString(buf, 0, n);
            }

            public void Run()
            {
                while (true)
                {
                    var msg = {|SOCK011:Receive()|};
                    if (msg == "bye") break;
                    Console.WriteLine(msg);
                }
            }
            """)]
        [InlineData("""
            private string Receive() => Encoding.UTF8.GetString(buf, 0, client.GetStream().Read(buf, 0, buf.Length)).Trim();

            public void Run()
            {
                string data = "";
                while (true)
                {
                    data += {|SOCK011:Receive()|};
                    if (data.EndsWith("\n")) break;
                }

                Console.WriteLine(data);
            }
            """)]
        [InlineData("""
            public string Receive()
            {
                var count = socket.Receive(buf);
                Console.WriteLine("received " + count + " bytes");
                string text = Encoding.ASCII.GetString(buf, 0, count);
                return text.Replace("\0", string.Empty).TrimEnd('\r', '\n');
            }

            public void Run()
            {
                while (true)
                {
                    string msg = {|SOCK011:this.Receive()|};
                    if (msg.StartsWith("quit"))
                    {
                        return;
                    }

                    Console.WriteLine(msg);
                }
            }
            """)]
        public Task Loop_over_a_helper_that_returns_the_text_of_its_read_is_reported(string members)
            => Verify.VerifyAnalyzerAsync(Chat(members));

        [Theory]
        [InlineData("""
            private string Receive() => reader.ReadLine();

            public void Run()
            {
                while (true)
                {
                    var m = {|SOCK011:Receive()|};
                    Console.WriteLine(m);
                }
            }
            """)]
        [InlineData("""
            public void Run()
            {
                string Next()
                {
                    var line = reader.ReadLine();
                    Console.WriteLine("< " + line);
                    return line;
                }

                while (true)
                {
                    if ({|SOCK011:Next()|} == "quit") break;
                }
            }
            """)]
        public Task Loop_over_a_helper_that_returns_its_line_is_reported(string members)
            => Verify.VerifyAnalyzerAsync(Chat(members));

        [Fact]
        public Task Loop_over_a_helper_that_returns_its_character_is_reported()
            => Verify.VerifyAnalyzerAsync(Chat("""
                private int Next() => reader.Read();

                public string Word()
                {
                    var word = new StringBuilder();
                    int c;
                    while ((c = {|SOCK011:Next()|}) != ' ')
                    {
                        word.Append((char)c);
                    }

                    return word.ToString();
                }
                """));

        [Fact]
        public Task Loop_over_a_helper_that_returns_its_network_byte_is_reported()
            => Verify.VerifyAnalyzerAsync(Chat("""
                private int NextByte() => stream.ReadByte();

                public string Line()
                {
                    var line = new StringBuilder();
                    int b;
                    while ((b = {|SOCK011:NextByte()|}) != '\n')
                    {
                        line.Append((char)b);
                    }

                    return line.ToString();
                }
                """));

        [Theory]
        [InlineData("""
            private int ReadSome(byte[] b) => socket.Receive(b);

            public void Run(byte[] b)
            {
                while (true)
                {
                    int n = {|SOCK011:ReadSome(b)|};
                    Handle(b, n);
                }
            }
            """)]
        [InlineData("""
            private int ReadSome(byte[] b, int offset)
            {
                int got = stream.Read(b, offset, b.Length - offset);
                return got;
            }

            public void Run(byte[] b)
            {
                int total = 0;
                while (total < b.Length)
                {
                    total += {|SOCK011:ReadSome(b, total)|};
                }
            }
            """)]
        // A SOCKS client's helper waits with Poll first (fresh93 M1): at the end of the stream Poll returns at once.
        [InlineData("""
            private static int Receive(Socket s, byte[] b, int offset, int count)
            {
                s.Poll(-1, SelectMode.SelectRead);
                return s.Receive(b, offset, count, SocketFlags.None);
            }

            public byte Negotiate()
            {
                var reply = new byte[2];
                int nread, n = 0;
                do
                {
                    if ((nread = {|SOCK011:Receive(socket, reply, n, 2 - n)|}) > 0)
                        n += nread;
                }
                while (n < 2);
                return reply[1];
            }
            """)]
        public Task Loop_over_a_helper_that_returns_its_count_is_reported(string members)
            => Verify.VerifyAnalyzerAsync(Chat(members));

        [Theory]
        [InlineData("""
            private static string Receive(NetworkStream s, byte[] b)
            {
                int n = s.Read(b, 0, b.Length);
                return Encoding.ASCII.GetString(b, 0, n);
            }

            public static void Serve(TcpListener listener)
            {
                var c = listener.AcceptTcpClient();
                var ns = c.GetStream();
                var b = new byte[256];
                while (true)
                {
                    var msg = {|SOCK011:Receive(ns, b)|};
                    if (msg == "bye") break;
                    Console.WriteLine(msg);
                }
            }
            """)]
        [InlineData("""
            public static string Receive(Stream s) => Encoding.UTF8.GetString(Shared, 0, s.Read(Shared, 0, Shared.Length));

            private static readonly byte[] Shared = new byte[64];

            public static void Serve(TcpClient c)
            {
                var ns = c.GetStream();
                while (true)
                {
                    Console.WriteLine({|SOCK011:Receive(ns)|});
                }
            }
            """)]
        [InlineData("""
            private static string Line(TextReader r) => r.ReadLine();

            public static void Serve(TcpClient c)
            {
                var r = new StreamReader(c.GetStream());
                while (true)
                {
                    var line = {|SOCK011:Line(r)|};
                    Console.WriteLine("got " + line);
                }
            }
            """)]
        public Task Loop_over_a_helper_given_the_same_connection_each_turn_is_reported(string members)
            => Verify.VerifyAnalyzerAsync(Chat(members));

        [Fact]
        public Task Message_names_the_read_the_helper_and_what_it_returns()
            => Verify.VerifyAnalyzerAsync(Chat("""
                private string Receive()
                {
                    int n = stream.Read(buf, 0, buf.Length);
                    return Encoding.ASCII.GetString(buf, 0, n);
                }

                public void Run()
                {
                    while (true)
                    {
                        var msg = {|#0:Receive()|};
                        if (msg == "bye") break;
                    }
                }
                """), Verify.Diagnostic("SOCK011").WithLocation(0).WithMessage(
                "When the peer closes, NetworkStream.Read in Chat.Receive returns 0, Chat.Receive then returns \"\", and this loop spins forever; leave the loop when Chat.Receive returns \"\""));

        [Fact]
        public Task Loop_over_a_helper_gets_no_fix()
        {
            var source = Chat("""
                private string Receive() => reader.ReadLine();

                public void Run()
                {
                    while (true)
                    {
                        var m = {|SOCK011:Receive()|};
                        Console.WriteLine(m);
                    }
                }
                """);
            return Verify.VerifyCodeFixAsync(source, source);
        }

        // The caller tells the end of stream apart: what the helper returns there is tested, and the test leaves.
        [Theory]
        [InlineData("if (msg.Length == 0) break;")]
        [InlineData("if (msg == \"\") break;")]
        [InlineData("if (string.IsNullOrEmpty(msg)) return;")]
        [InlineData("if (msg == \"bye\" || msg.Length == 0) break;")]
        public Task Caller_that_stops_at_the_empty_text_is_quiet(string test)
            => Verify.VerifyAnalyzerAsync(Chat($$"""
                private string Receive()
                {
                    int n = stream.Read(buf, 0, buf.Length);
                    return Encoding.ASCII.GetString(buf, 0, n);
                }

                public void Run()
                {
                    while (true)
                    {
                        var msg = Receive();
                        {{test}}
                        Console.WriteLine(msg);
                    }
                }
                """));

        [Theory]
        [InlineData("if (m == null) break;")]
        [InlineData("if (m is null) return;")]
        [InlineData("Console.WriteLine(m.Trim());")]
        public Task Caller_that_stops_at_the_null_line_is_quiet(string test)
            => Verify.VerifyAnalyzerAsync(Chat($$"""
                private string Receive() => reader.ReadLine();

                public void Run()
                {
                    while (true)
                    {
                        var m = Receive();
                        {{test}}
                        Console.WriteLine(m);
                    }
                }
                """));

        // A helper that checks its count: its null or "" is a signal the caller may test, and the throw leaves the loop.
        [Theory]
        [InlineData("""
            int n = stream.Read(buf, 0, buf.Length);
            if (n == 0) return null;
            return Encoding.ASCII.GetString(buf, 0, n);
            """)]
        [InlineData("""
            int n = stream.Read(buf, 0, buf.Length);
            if (n == 0) throw new IOException("closed");
            return Encoding.ASCII.GetString(buf, 0, n);
            """)]
        [InlineData("""
            int n = stream.Read(buf, 0, buf.Length);
            return n == 0 ? null : Encoding.ASCII.GetString(buf, 0, n);
            """)]
        [InlineData("""
            int n = stream.Read(buf, 0, buf.Length);
            if (n == 0) socket.Close();
            return Encoding.ASCII.GetString(buf, 0, n);
            """)]
        [InlineData("""
            int n = stream.Read(buf, 0, buf.Length);
            socket.Shutdown(SocketShutdown.Both);
            return Encoding.ASCII.GetString(buf, 0, n);
            """)]
        // Waiting with Poll does not make a helper that checks its count unchecked.
        [InlineData("""
            socket.Poll(-1, SelectMode.SelectRead);
            int n = stream.Read(buf, 0, buf.Length);
            if (n == 0) return null;
            return Encoding.ASCII.GetString(buf, 0, n);
            """)]
        public Task Helper_that_checks_or_ends_the_connection_at_0_is_quiet(string receive)
            => Verify.VerifyAnalyzerAsync(Chat($$"""
                private string Receive()
                {
                {{Indent(receive, 4)}}
                }

                public void Run()
                {
                    while (true)
                    {
                        var msg = Receive();
                        if (msg == null) break;
                        if (msg == "bye") break;
                        Console.WriteLine(msg);
                    }
                }
                """));

        /// <summary>
        /// The chat helper of metanit.com and the course servers copied from it (fresh13 and fresh14 miss 3): it collects the
        /// reads of one message with <c>do { … } while (stream.DataAvailable);</c> into a new <c>StringBuilder</c>. At end of
        /// stream the read returns 0, nothing waits, the loop ends after one turn, and the helper returns "" on every call.
        /// </summary>
        [Theory]
        [InlineData("""
            byte[] data = new byte[64];
            StringBuilder builder = new StringBuilder();
            int bytes = 0;
            do
            {
                bytes = stream.Read(data, 0, data.Length);
                builder.Append(Encoding.Unicode.GetString(data, 0, bytes));
            }
            while (stream.DataAvailable);
            return builder.ToString();
            """)]
        [InlineData("""
            var data = new byte[256];
            var builder = new StringBuilder(256);
            do
            {
                int n = socket.Receive(data);
                builder.Append(Encoding.UTF8.GetString(data, 0, n));
            }
            while (socket.Available > 0);
            return builder.ToString().Trim();
            """)]
        [InlineData("""
            var builder = new StringBuilder();
            do
            {
                int n = client.GetStream().Read(buf, 0, buf.Length);
                builder.Append(Encoding.ASCII.GetString(buf, 0, n));
            }
            while (client.GetStream().DataAvailable);
            return builder.ToString();
            """)]
        public Task Loop_over_a_helper_that_drains_what_waits_into_a_new_builder_is_reported(string receive)
            => Verify.VerifyAnalyzerAsync(Chat($$"""
                private string GetMessage()
                {
                {{Indent(receive, 4)}}
                }

                public void Process()
                {
                    while (true)
                    {
                        string message = {|SOCK011:GetMessage()|};
                        message = String.Format("{0}: {1}", "user", message);
                        Console.WriteLine(message);
                    }
                }
                """));

        /// <summary>The drain helper of the tests below, returning the bytes of what it collected.</summary>
        private const string DrainBytesHelper = """
            private byte[] GetMessage()
            {
                var data = new byte[64];
                var builder = new StringBuilder();
                do
                {
                    var bytes = stream.Read(data, 0, data.Length);
                    builder.Append(Encoding.Unicode.GetString(data, 0, bytes));
                }
                while (stream.DataAvailable);
                return Encoding.Unicode.GetBytes(builder.ToString());
            }
            """;

        /// <summary>
        /// The same helper returning the bytes of what it collected (fresh13 miss 3, a console chat): at end of stream an
        /// empty array on every call, whose <c>Length</c> is 0 and whose text is "".
        /// </summary>
        [Theory]
        [InlineData("if (message.Length > 0) Console.WriteLine(Encoding.Unicode.GetString(message));")]
        [InlineData("Console.WriteLine(message.Length);")]
        [InlineData("var text = Encoding.Unicode.GetString(message); if (text == \"bye\") break;")]
        public Task Loop_over_a_drain_helper_that_returns_the_bytes_it_collected_is_reported(string use)
            => Verify.VerifyAnalyzerAsync(Chat($$"""
                {{DrainBytesHelper}}

                public void Process()
                {
                    while (true)
                    {
                        var message = {|SOCK011:GetMessage()|};
                        {{use}}
                    }
                }
                """));

        [Theory]
        [InlineData("if (message.Length == 0) break;")]
        [InlineData("if (Encoding.Unicode.GetString(message).Length == 0) return;")]
        [InlineData("var text = Encoding.Unicode.GetString(message); if (string.IsNullOrEmpty(text)) break;")]
        public Task Loop_that_stops_at_the_empty_array_of_a_drain_helper_is_quiet(string use)
            => Verify.VerifyAnalyzerAsync(Chat($$"""
                {{DrainBytesHelper}}

                public void Process()
                {
                    while (true)
                    {
                        var message = GetMessage();
                        {{use}}
                        Console.WriteLine(message.Length);
                    }
                }
                """));

        /// <summary>The caller takes a part of the message that "" does not have: it throws, and the catch around the loop ends it (fresh16 FALSE 1).</summary>
        [Fact]
        public Task Loop_over_a_drain_helper_whose_caller_cuts_past_the_empty_text_is_quiet()
            => Verify.VerifyAnalyzerAsync(Chat("""
                private string GetMessage()
                {
                    var data = new byte[64];
                    var builder = new StringBuilder();
                    do
                    {
                        var bytes = stream.Read(data, 0, data.Length);
                        builder.Append(Encoding.Unicode.GetString(data, 0, bytes));
                    }
                    while (stream.DataAvailable);
                    return builder.ToString();
                }

                public void Process()
                {
                    try
                    {
                        while (true)
                        {
                            string message = GetMessage();
                            string id = message.Substring(0, 2);
                            Console.WriteLine(id + ":" + message.Remove(0, 2));
                        }
                    }
                    catch (Exception ex)
                    {
                        Console.WriteLine(ex.Message);
                    }
                }
                """));

        // The drain loop must end at the end of stream on the read's own connection, and the builder hold only what the reads gave.
        [Theory]
        // Another connection's Available or DataAvailable.
        [InlineData("do { int n = stream.Read(buf, 0, buf.Length); builder.Append(Encoding.ASCII.GetString(buf, 0, n)); } while (client.Client.Available > 100);")]
        [InlineData("do { int n = socket.Receive(buf); builder.Append(Encoding.ASCII.GetString(buf, 0, n)); } while (other.DataAvailable);")]
        // The builder gets more than the empty text, or the read is outside the loop.
        [InlineData("do { int n = stream.Read(buf, 0, buf.Length); builder.Append(Encoding.ASCII.GetString(buf, 0, n)); builder.Append('>'); } while (stream.DataAvailable);")]
        [InlineData("int n = stream.Read(buf, 0, buf.Length); do { builder.Append(Encoding.ASCII.GetString(buf, 0, n)); } while (stream.DataAvailable);")]
        // The loop stops at 0.
        [InlineData("do { int n = stream.Read(buf, 0, buf.Length); if (n == 0) return null; builder.Append(Encoding.ASCII.GetString(buf, 0, n)); } while (stream.DataAvailable);")]
        public Task Helper_whose_loop_is_no_drain_of_the_same_connection_is_quiet(string loop)
            => Verify.VerifyAnalyzerAsync(Chat($$"""
                private string GetMessage(NetworkStream other)
                {
                    var builder = new StringBuilder();
                    {{loop}}
                    return builder.ToString();
                }

                public void Process()
                {
                    while (true)
                    {
                        string message = GetMessage(client.GetStream());
                        Console.WriteLine(message);
                    }
                }
                """));

        // What the helper does on the way may end the loop another way, or its result is no longer the end of stream.
        [Theory]
        [InlineData("""
            int n = stream.Read(buf, 0, buf.Length);
            stream.Write(buf, 0, 1);
            return Encoding.ASCII.GetString(buf, 0, n);
            """)]
        [InlineData("""
            int n = stream.Read(buf, 0, buf.Length);
            return Encoding.ASCII.GetString(buf, 0, n - 1);
            """)]
        [InlineData("""
            int n = stream.Read(buf, 0, buf.Length);
            Log(n);
            return Encoding.ASCII.GetString(buf, 0, n);
            """)]
        [InlineData("""
            int n = stream.Read(buf, 0, buf.Length);
            return Encoding.ASCII.GetString(buf, 0, n).Substring(1);
            """)]
        [InlineData("""
            int n = {|SOCK010:stream.Read(buf, 0, buf.Length)|};
            return {|SOCK012:Encoding.ASCII.GetString(buf)|};
            """)]
        [InlineData("""
            int n = stream.Read(buf, 0, buf.Length);
            var text = Encoding.ASCII.GetString(buf, 0, n);
            return text + "\n";
            """)]
        [InlineData("""
            {|SOCK010:stream.Read(buf, 0, buf.Length)|};
            return Encoding.ASCII.GetString(buf, 0, 4);
            """)]
        [InlineData("""
            int n = stream.Read(buf, 0, buf.Length);
            int m = stream.Read(buf, n, buf.Length - n);
            return Encoding.ASCII.GetString(buf, 0, n + m);
            """)]
        public Task Helper_that_does_more_than_return_what_its_read_got_is_quiet(string receive)
            => Verify.VerifyAnalyzerAsync(Chat($$"""
                private string Receive()
                {
                {{Indent(receive, 4)}}
                }

                private void Log(int count) => Console.WriteLine(count);

                public void Run()
                {
                    while (true)
                    {
                        var msg = Receive();
                        if (msg == "bye") break;
                    }
                }
                """));

        // A helper that drops its count (or returns nothing made from it) returns as if data had come: a caller's loop with
        // no other way out spins once the peer closes (the fresh8 audit's BenitezDev client, miss M1).
        [Theory]
        [InlineData("""
            private string ReadSocket()
            {
                byte[] buffer = new byte[1024];
                {|SOCK010:stream.Read(buffer, 0, buffer.Length)|};
                string response = {|SOCK012:Encoding.ASCII.GetString(buffer)|};
                return response;
            }
            """)]
        [InlineData("""
            private string ReadSocket()
            {
                {|SOCK010:socket.Receive(buf)|};
                return {|SOCK012:Encoding.UTF8.GetString(buf, 0, buf.Length)|}.TrimEnd('\0').Trim();
            }
            """)]
        [InlineData("""
            private string ReadSocket()
            {
                int n = socket.Receive(buf);
                Console.WriteLine("received " + n);
                return "ack";
            }
            """)]
        [InlineData("""
            private int bufferSize = 1024;

            private string ReadSocket()
            {
                byte[] buffer = new byte[bufferSize];
                {|SOCK010:stream.Read(buffer, 0, buffer.Length)|};
                return {|SOCK012:Encoding.ASCII.GetString(buffer)|};
            }
            """)]
        public Task Loop_with_no_way_out_over_a_helper_that_drops_its_count_is_reported(string helper)
        {
            var source = Chat(helper + """

                public void GetMessages()
                {
                    while (true)
                    {
                        Console.WriteLine({|SOCK011:ReadSocket()|});
                    }
                }
                """);
            return Verify.VerifyCodeFixAsync(source, source);
        }

        [Fact]
        public Task Message_says_the_helper_does_not_return_the_0()
            => Verify.VerifyAnalyzerAsync(Chat("""
                private string ReadSocket()
                {
                    {|SOCK010:stream.Read(buf, 0, buf.Length)|};
                    return {|SOCK012:Encoding.ASCII.GetString(buf)|};
                }

                public void Run()
                {
                    while (true)
                    {
                        var text = {|#0:ReadSocket()|};
                        Console.WriteLine(text);
                    }
                }
                """), Verify.Diagnostic("SOCK011").WithLocation(0).WithMessage(
                "When the peer closes, NetworkStream.Read in Chat.ReadSocket returns 0, which Chat.ReadSocket does not return, and this loop spins forever; leave the loop when that read returns 0 (Chat.ReadSocket must tell its caller)"));

        // The loop may stop another way: on what the helper returned (its stale text may differ from the turn before),
        // on a field, or the helper may throw on the bytes it finds (a parse, an element, a range).
        [Theory]
        [InlineData("{|SOCK010:stream.Read(buf, 0, buf.Length)|}; return {|SOCK012:Encoding.ASCII.GetString(buf)|};", "var m = ReadSocket(); if (m == \"bye\") break;")]
        [InlineData("{|SOCK010:stream.Read(buf, 0, buf.Length)|}; return {|SOCK012:Encoding.ASCII.GetString(buf)|};", "if (!running) break; Console.WriteLine(ReadSocket());")]
        [InlineData("{|SOCK010:stream.Read(buf, 0, buf.Length)|}; return int.Parse({|SOCK012:Encoding.ASCII.GetString(buf)|}).ToString();", "Console.WriteLine(ReadSocket());")]
        [InlineData("{|SOCK010:stream.Read(buf, 0, buf.Length)|}; return buf[0].ToString();", "Console.WriteLine(ReadSocket());")]
        [InlineData("{|SOCK010:stream.Read(buf, 0, buf.Length)|}; return Encoding.ASCII.GetString(buf, 0, 16);", "Console.WriteLine(ReadSocket());")]
        [InlineData("var b = new byte[size - 1]; {|SOCK010:stream.Read(b, 0, b.Length)|}; return {|SOCK012:Encoding.ASCII.GetString(b)|};", "Console.WriteLine(ReadSocket());")]
        public Task Loop_over_a_helper_that_drops_its_count_but_may_stop_is_quiet(string helper, string turn)
            => Verify.VerifyAnalyzerAsync(Chat($$"""
                private bool running = true;
                private int size = 64;

                private string ReadSocket()
                {
                    {{helper}}
                }

                public void Run()
                {
                    while (true)
                    {
                        {{turn}}
                    }
                }
                """));

        [Fact]
        public Task Virtual_helper_is_quiet()
            => Verify.VerifyAnalyzerAsync(Chat("""
                protected virtual string Receive() => Encoding.ASCII.GetString(buf, 0, stream.Read(buf, 0, buf.Length));

                public void Run()
                {
                    while (true)
                    {
                        if (Receive() == "bye") break;
                    }
                }
                """));

        [Fact]
        public Task Helper_of_another_class_is_quiet()
            => Verify.VerifyAnalyzerAsync(Usings + """
                static class Net
                {
                    public static string Receive(NetworkStream s, byte[] b) => Encoding.ASCII.GetString(b, 0, s.Read(b, 0, b.Length));
                }

                class Chat
                {
                    private readonly Wire wire = new Wire();

                    public void Run(NetworkStream s, byte[] b)
                    {
                        while (true)
                        {
                            if (Net.Receive(s, b) == "bye") break;
                            if (wire.Receive() == "bye") break;
                        }
                    }
                }

                class Wire
                {
                    private readonly NetworkStream stream = new TcpClient("localhost", 7).GetStream();
                    private readonly byte[] buf = new byte[64];

                    public string Receive() => Encoding.ASCII.GetString(buf, 0, stream.Read(buf, 0, buf.Length));
                }
                """);

        [Fact]
        public Task Helper_that_reads_datagrams_is_quiet()
            => Verify.VerifyAnalyzerAsync(Chat("""
                private int ReadFrom(byte[] b)
                {
                    EndPoint from = new IPEndPoint(IPAddress.Any, 0);
                    return socket.ReceiveFrom(b, ref from);
                }

                private static int ReadSome(Socket s, byte[] b) => s.Receive(b);

                public void Run(byte[] b)
                {
                    var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                    while (true)
                    {
                        int n = ReadFrom(b);
                        Handle(b, n);
                        int m = ReadSome(udp, b);
                        Handle(b, m);
                    }
                }
                """));

        [Fact]
        public Task Loop_that_stops_on_a_counter_is_quiet()
            => Verify.VerifyAnalyzerAsync(Chat("""
                private string Receive() => reader.ReadLine();

                public void Run()
                {
                    for (int i = 0; i < 10; i++)
                    {
                        Console.WriteLine(Receive());
                    }
                }
                """));

        [Fact]
        public Task Recursive_or_cycling_helpers_are_quiet()
            => Verify.VerifyAnalyzerAsync(Chat("""
                private int Again(byte[] b) => socket.Receive(b) + Again(b);

                private int Ping(byte[] b) => Pong(b);

                private int Pong(byte[] b) => socket.Receive(b) + Ping(b);

                public void Run(byte[] b)
                {
                    while (true)
                    {
                        Handle(b, Again(b));
                        Handle(b, Ping(b));
                    }
                }
                """));

        [Fact]
        public Task Loop_that_writes_a_request_to_the_connection_each_turn_is_quiet()
            => Verify.VerifyAnalyzerAsync(Chat("""
                private string Receive() => Encoding.ASCII.GetString(buf, 0, stream.Read(buf, 0, buf.Length));

                public void Run()
                {
                    var ping = Encoding.ASCII.GetBytes("PING\n");
                    while (true)
                    {
                        stream.Write(ping, 0, ping.Length);
                        Console.WriteLine(Receive());
                    }
                }
                """));

        [Fact]
        public Task Helper_called_in_a_constructor_is_quiet()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class Chat
                {
                    private readonly NetworkStream stream;
                    private readonly byte[] buf = new byte[64];

                    public Chat(TcpClient client)
                    {
                        stream = client.GetStream();
                        while (true)
                        {
                            if (Receive() == "ready") break;
                        }
                    }

                    private string Receive() => Encoding.ASCII.GetString(buf, 0, stream.Read(buf, 0, buf.Length));
                }
                """);

        [Fact]
        public Task Mutable_field_helper_with_a_loop_that_may_reconnect_is_quiet()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class Chat
                {
                    private NetworkStream stream;
                    private readonly byte[] buf = new byte[64];

                    private string Receive() => Encoding.ASCII.GetString(buf, 0, stream.Read(buf, 0, buf.Length));

                    private void Reconnect() => stream = new TcpClient("localhost", 7).GetStream();

                    public void Run()
                    {
                        Reconnect();
                        while (true)
                        {
                            var msg = Receive();
                            if (msg == "bye") break;
                            Reconnect();
                        }
                    }
                }
                """);

        [Fact]
        public Task Mutable_field_helper_with_a_loop_that_takes_the_next_client_is_quiet()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class Server
                {
                    private readonly TcpListener listener = new TcpListener(IPAddress.Any, 7);
                    private readonly byte[] buf = new byte[64];
                    private NetworkStream stream;

                    private string Receive() => Encoding.ASCII.GetString(buf, 0, stream.Read(buf, 0, buf.Length));

                    public void Run()
                    {
                        listener.Start();
                        stream = listener.AcceptTcpClient().GetStream();
                        while (true)
                        {
                            Console.WriteLine(Receive());
                            stream = listener.AcceptTcpClient().GetStream();
                        }
                    }
                }
                """);

        [Fact]
        public Task Mutable_field_helper_with_a_loop_that_calls_only_the_framework_is_reported()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class Client
                {
                    private readonly byte[] buf = new byte[64];
                    private NetworkStream stream;

                    public void Connect(string host) => stream = new TcpClient(host, 7).GetStream();

                    private string Receive() => Encoding.ASCII.GetString(buf, 0, stream.Read(buf, 0, buf.Length));

                    public void Run()
                    {
                        while (true)
                        {
                            var msg = {|SOCK011:Receive()|};
                            if (msg == "bye") break;
                            Console.WriteLine(msg);
                        }
                    }
                }
                """);

        [Fact]
        public Task Helper_given_a_stream_that_is_no_network_stream_is_quiet()
            => Verify.VerifyAnalyzerAsync(Chat("""
                public static string Receive(Stream s, byte[] b) => Encoding.UTF8.GetString(b, 0, s.Read(b, 0, b.Length));

                public static void Replay(string path, byte[] b)
                {
                    using var file = File.OpenRead(path);
                    while (true)
                    {
                        if (Receive(file, b) == "end") break;
                    }
                }
                """));

        [Fact]
        public Task Helper_given_another_connection_each_turn_is_quiet()
            => Verify.VerifyAnalyzerAsync(Chat("""
                private static string Receive(NetworkStream s, byte[] b) => Encoding.UTF8.GetString(b, 0, s.Read(b, 0, b.Length));

                public static void Serve(TcpListener listener, byte[] b)
                {
                    while (true)
                    {
                        var c = listener.AcceptTcpClient();
                        Console.WriteLine(Receive(c.GetStream(), b));
                    }
                }
                """));
            /// <summary>
        /// A helper that starts with a guard returning its end-of-stream value (<c>if (stream == null) return 0;</c>) and
        /// writes what it read to a file is still followed (fresh13 miss 5, a file client whose
        /// <c>bytesLeft -= await ReceiveChunk(fs, size)</c> loop spins at end of stream).
        /// </summary>
        [Theory]
        [InlineData("""
            private NetworkStream? other;

            private async Task<int> ReceiveChunk(FileStream fs, int size)
            {
                if (other == null) return 0;
                var chunk = new byte[size];
                int read = await other.ReadAsync(chunk);
                fs.Write(chunk, 0, read);
                return read;
            }

            public async Task Run(FileStream fs, long size)
            {
                other = stream;
                long left = size;
                while (left > 0)
                {
                    int got = await {|SOCK011:ReceiveChunk(fs, 4096)|};
                    left -= got;
                }
            }
            """)]
        [InlineData("""
            private int ReadSome(int offset)
            {
                if (stream == null || !stream.CanRead)
                {
                    return 0;
                }

                return stream.Read(buf, offset, buf.Length - offset);
            }

            public void Run()
            {
                int total = 0;
                while (total < buf.Length)
                {
                    total += {|SOCK011:ReadSome(total)|};
                }

                Handle(buf, total);
            }
            """)]
        public Task Loop_over_a_guarded_helper_that_returns_its_count_is_reported(string members)
            => Verify.VerifyAnalyzerAsync(Chat(members));

        /// <summary>A guard that returns something else than the end of stream, calls code, or computes (a division may throw) leaves the helper unfollowed.</summary>
        [Theory]
        [InlineData("if (stream == null) return -1;")]
        [InlineData("if (!Ready()) return 0;")]
        [InlineData("if (buf.Length / offset == 0) return 0;")]
        public Task Loop_over_a_helper_whose_guard_is_not_plain_is_quiet(string guard)
            => Verify.VerifyAnalyzerAsync(Chat($$"""
                private bool Ready() => stream.CanRead;

                private int ReadSome(int offset)
                {
                    {{guard}}
                    return stream.Read(buf, offset, buf.Length - offset);
                }

                public void Run()
                {
                    int total = 0;
                    while (total < buf.Length)
                    {
                        total += ReadSome(total);
                    }

                    Handle(buf, total);
                }
                """));

        [Fact]
        public Task Loop_over_a_helper_that_writes_the_chunk_to_the_connection_is_quiet()
            => Verify.VerifyAnalyzerAsync(Chat("""
                private int Echo(int size)
                {
                    if (stream == null) return 0;
                    int read = stream.Read(buf, 0, size);
                    stream.Write(buf, 0, read);
                    return read;
                }

                public void Run()
                {
                    long left = 100000;
                    while (left > 0)
                    {
                        left -= Echo(1024);
                    }
                }
                """));
    }
}
