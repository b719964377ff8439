using System.Threading.Tasks;
using Xunit;
using static SocketAnalyzers.Tests.Reads.ReadTestCode;
using Verify = SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<SocketAnalyzers.Reads.SOCK010DiscardedReadCountAnalyzer, SocketAnalyzers.CodeFixes.Reads.SOCK010DiscardedReadCountCodeFixProvider>;

namespace SocketAnalyzers.Tests.Reads
{
    /// <summary>
    /// Three shapes of real code (issue 13, the corpus audit) where a read's count is discarded or a buffer is used whole,
    /// and yet the bytes used are exactly the bytes received:
    /// 1. a stream read that asks for exactly the <c>Available</c> of its own connection, with nothing in between that
    ///    could take those bytes (SOCK010 and SOCK012 silent);
    /// 2. a new zero-filled array read once and decoded whole, whose NULs are then stripped (SOCK012 silent, SOCK010 stays);
    /// 3. a whole decode with a one-byte-per-char encoding cut to the count (SOCK012 silent).
    /// Each has its near misses, which stay reported.
    /// </summary>
    public sealed class ReadsExactShapeTests
    {
        // ---- 1. A read sized to Available of the same connection ----

        [Theory]
        [InlineData("var d = new byte[socket.Available]; socket.Receive(d); Console.WriteLine(Encoding.ASCII.GetString(d));")]
        [InlineData("var d = new byte[socket.Available]; socket.Receive(d, SocketFlags.None); Console.WriteLine(Encoding.UTF8.GetString(d));")]
        [InlineData("var d = new byte[socket.Available]; socket.Receive(d, d.Length, SocketFlags.None); Console.WriteLine(Encoding.UTF8.GetString(d));")]
        [InlineData("var d = new byte[client.Available]; client.GetStream().Read(d, 0, d.Length); Console.WriteLine(Encoding.UTF8.GetString(d));")]
        [InlineData("var d = new byte[client.Client.Available]; client.Client.Receive(d); Console.WriteLine(Encoding.UTF8.GetString(d));")]
        [InlineData("int len = socket.Available; var d = new byte[len]; socket.Receive(d, 0, len, SocketFlags.None); Console.WriteLine(Encoding.UTF8.GetString(d));")]
        [InlineData("var d = new byte[socket.Available]; Console.WriteLine(\"waiting: \" + d.Length); socket.Receive(d); Console.WriteLine(Encoding.UTF8.GetString(d));")]
        [InlineData("int len = socket.Available; socket.Receive(buffer, 0, len, SocketFlags.None); Console.WriteLine(Encoding.ASCII.GetString(buffer, 0, len));")]
        [InlineData("int len = socket.Available; socket.Receive(buffer, len, SocketFlags.None); Process(buffer, len);")]
        [InlineData("while (socket.Available > 0) { var m = new byte[socket.Available]; socket.Receive(m, m.Length, SocketFlags.None); Console.WriteLine(Encoding.UTF8.GetString(m)); }")]
        // fresh39 F1: a size the Available was just found equal to (a game server's ReceiveFullPacket).
        [InlineData("int len = buffer.Length / 2; if (socket.Available == len) { socket.Receive(buffer, 0, len, SocketFlags.None); Process(buffer, len); }")]
        [InlineData("int len = buffer.Length / 2; if (len != client.Available) { return; } client.GetStream().Read(buffer, 0, len); Process(buffer, len);")]
        // fresh40 F2 (a BitTorrent peer): at least the size waits, by a test of a local holding the Available or of the property.
        [InlineData("int need = buffer.Length / 2; int available = socket.Available; if (available < need) return; socket.Receive(buffer, 0, need, SocketFlags.None); Process(buffer, need);")]
        [InlineData("int need = buffer.Length / 2; if (socket.Available >= need) { socket.Receive(buffer, 0, need, SocketFlags.None); Process(buffer, need); }")]
        [InlineData("int need = buffer.Length / 2; if (need <= client.Available) { client.GetStream().Read(buffer, 0, need); Process(buffer, need); }")]
        public Task Read_sized_to_Available_of_its_own_connection_is_silent(string body)
            => Verify.VerifyAnalyzerAsync(Method(body));

        /// <summary>
        /// <c>Math.Min</c> of the <c>Available</c> and a limit (a common poll of game and streaming clients:
        /// <c>byte[] buffer = new byte[Math.Min(client.Available, PACKETSIZE)]; client.GetStream().Read(buffer, 0,
        /// buffer.Length);</c>): at most the bytes counted, so the read returns all it asks for.
        /// </summary>
        [Theory]
        [InlineData("int toRead = Math.Min(socket.Available, buffer.Length); socket.Receive(buffer, toRead, SocketFlags.None); Process(buffer, toRead);")]
        [InlineData("var d = new byte[Math.Min(client.Available, 512)]; client.GetStream().Read(d, 0, d.Length); Console.WriteLine(Encoding.ASCII.GetString(d));")]
        [InlineData("int available = socket.Available; int toRead = Math.Min(buffer.Length, available); socket.Receive(buffer, 0, toRead, SocketFlags.None); Process(buffer, toRead);")]
        [InlineData("int toRead = Math.Min(socket.Available, 64); var d = new byte[toRead]; socket.Receive(d); Console.WriteLine(Encoding.ASCII.GetString(d));")]
        public Task Read_sized_to_the_smaller_of_Available_and_a_limit_is_silent(string body)
            => Verify.VerifyAnalyzerAsync(Method(body));

        /// <summary>A socket held in a field of the object, whose count any call may make stale (the path it names may change).</summary>
        private static string FieldSocket(string body) => Usings + $$"""
            class Connection
            {
                private Socket socket;
                private byte[] buffer = new byte[1024];

                public void Poll()
                {
            {{Indent(body, 8)}}
                }

                static void Process(byte[] data, int count) { }
            }
            """;

        /// <summary>
        /// A static framework method given only numbers is handed no object: it cannot read the socket field or change
        /// it, so what <c>Available</c> counted still waits after it (the <c>Math.Min</c> case fails on the code before).
        /// </summary>
        [Theory]
        [InlineData("int len = socket.Available; Thread.Sleep(10); socket.Receive(buffer, len, SocketFlags.None); Process(buffer, len);")]
        [InlineData("int len = socket.Available; int half = Math.Abs(len / 2); socket.Receive(buffer, len, SocketFlags.None); Process(buffer, half);")]
        [InlineData("int available = socket.Available; int toRead = Math.Min(buffer.Length, available); socket.Receive(buffer, 0, toRead, SocketFlags.None); Process(buffer, toRead);")]
        public Task Arithmetic_between_the_count_and_the_read_keeps_it(string body)
            => Verify.VerifyAnalyzerAsync(FieldSocket(body));

        [Theory]
        // The larger of the two: more than what waits.
        [InlineData("int toRead = Math.Max(socket.Available, 4); {|SOCK010:socket.Receive(buffer, toRead, SocketFlags.None)|}; Process(buffer, 0);")]
        // Another connection's Available, or no Available at all.
        [InlineData("int toRead = Math.Min(client.Available, buffer.Length); {|SOCK010:socket.Receive(buffer, toRead, SocketFlags.None)|}; Process(buffer, 0);")]
        [InlineData("int toRead = Math.Min(buffer.Length, 16); {|SOCK010:socket.Receive(buffer, toRead, SocketFlags.None)|}; Process(buffer, 0);")]
        // A read in between takes some of the bytes counted.
        [InlineData("int toRead = Math.Min(socket.Available, 8); int first = socket.Receive(buffer); Process(buffer, first); {|SOCK010:socket.Receive(buffer, toRead, SocketFlags.None)|}; Process(buffer, 0);")]
        // The size grows after the min was taken.
        [InlineData("int toRead = Math.Min(socket.Available, 8); toRead += 4; {|SOCK010:socket.Receive(buffer, toRead, SocketFlags.None)|}; Process(buffer, 0);")]
        public Task Read_sized_by_a_min_that_is_not_Available_of_its_connection_is_still_reported(string body)
            => Verify.VerifyAnalyzerAsync(Method(body));

        [Fact]
        public Task Read_sized_to_Available_through_an_auto_property_or_an_array_element_is_silent()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class Connection
                {
                    public Socket Raw { get; private set; }

                    public Connection(Socket raw) => Raw = raw;

                    public byte[] ReceiveAll()
                    {
                        var data = new byte[Raw.Available];
                        Raw.Receive(data);
                        return data;
                    }

                    public void Poll(object[] sockets)
                    {
                        for (var i = 0; i < sockets.Length; i++)
                        {
                            while (((Socket)sockets[i]).Available > 0)
                            {
                                var message = new byte[((Socket)sockets[i]).Available];
                                ((Socket)sockets[i]).Receive(message, message.Length, SocketFlags.None);
                                Console.WriteLine(Encoding.UTF8.GetString(message));
                            }
                        }
                    }
                }
                """);

        /// <summary>
        /// fresh69 FALSE 1 (a hand-written WebSocket server): <c>public int available =&gt; socket.Available;</c>, then
        /// <c>byte[] data = new byte[available]; socket.Receive(data);</c>. The property reads the same count as naming
        /// <c>socket.Available</c> would.
        /// </summary>
        [Theory]
        [InlineData("public int available => socket.Available;", "byte[] data = new byte[available]; socket.Receive(data); return data;")]
        [InlineData("public int Waiting { get { return this.socket.Available; } }", "var data = new byte[Waiting]; socket.Receive(data, SocketFlags.None); return data;")]
        [InlineData("private int Pending => client.Available;", "int n = Pending; var data = new byte[n]; client.GetStream().Read(data, 0, n); return data;")]
        [InlineData("public int available => socket.Available;", "var data = new byte[Math.Min(available, 4096)]; socket.Receive(data); return data;")]
        [InlineData("public int available => socket.Available;", "var data = new byte[available]; socket.Receive(data); Console.WriteLine(Encoding.ASCII.GetString(data)); return data;")]
        public Task Read_sized_to_Available_through_a_property_of_the_class_is_silent(string property, string body)
            => Verify.VerifyAnalyzerAsync(AvailableProperty(property, body));

        [Theory]
        // The property counts another connection.
        [InlineData("public int available => other.Available;", "byte[] data = new byte[available]; {|SOCK010:socket.Receive(data)|}; return data;")]
        // The property is not the count alone.
        [InlineData("public int available => socket.Available + 4;", "byte[] data = new byte[available]; {|SOCK010:socket.Receive(data)|}; return data;")]
        // It may be overridden.
        [InlineData("public virtual int available => socket.Available;", "byte[] data = new byte[available]; {|SOCK010:socket.Receive(data)|}; return data;")]
        // A read in between takes some of the bytes counted.
        [InlineData("public int available => socket.Available;", "byte[] data = new byte[available]; int first = socket.Receive(new byte[1]); Console.WriteLine(first); {|SOCK010:socket.Receive(data)|}; return data;")]
        public Task Read_sized_by_a_property_that_is_not_Available_of_its_connection_is_still_reported(string property, string body)
            => Verify.VerifyAnalyzerAsync(AvailableProperty(property, body));

        private static string AvailableProperty(string property, string body) => Usings + $$"""
            class WebSocketClient
            {
                public readonly Socket socket;
                private readonly Socket other;
                private readonly TcpClient client;

                public WebSocketClient(Socket socket, Socket other, TcpClient client)
                {
                    this.socket = socket;
                    this.other = other;
                    this.client = client;
                }

                {{property}}

                public byte[] Receive()
                {
                    {{body}}
                }
            }
            """;

        [Theory]
        // Another read of the same socket in between takes some of the bytes counted.
        [InlineData("var d = new byte[socket.Available]; int first = socket.Receive(buffer); Process(buffer, first); {|SOCK010:socket.Receive(d)|}; Console.WriteLine({|SOCK012:Encoding.ASCII.GetString(d)|});")]
        [InlineData("int len = socket.Available; var d = new byte[len]; int first = socket.Receive(buffer); Process(buffer, first); {|SOCK010:socket.Receive(d, 0, len, SocketFlags.None)|}; Console.WriteLine({|SOCK012:Encoding.ASCII.GetString(d)|});")]
        // Another connection's Available.
        [InlineData("var d = new byte[client.Available]; {|SOCK010:socket.Receive(d)|}; Console.WriteLine({|SOCK012:Encoding.ASCII.GetString(d)|});")]
        // A method of the project in between may read the socket.
        [InlineData("var d = new byte[socket.Available]; Process(buffer, 0); {|SOCK010:socket.Receive(d)|}; Console.WriteLine({|SOCK012:Encoding.ASCII.GetString(d)|});")]
        // The size changed after it was counted.
        [InlineData("int len = socket.Available; len = len + 10; var d = new byte[len]; {|SOCK010:socket.Receive(d)|}; Console.WriteLine({|SOCK012:Encoding.ASCII.GetString(d)|});")]
        [InlineData("int len = socket.Available; len++; {|SOCK010:socket.Receive(buffer, 0, len, SocketFlags.None)|}; Process(buffer, 0);")]
        // The connection's variable replaced, or the connection handed to a call, in between.
        [InlineData("var d = new byte[socket.Available]; socket = client.Client; {|SOCK010:socket.Receive(d)|}; Console.WriteLine({|SOCK012:Encoding.ASCII.GetString(d)|});")]
        [InlineData("var d = new byte[socket.Available]; Console.WriteLine(socket.Poll(0, SelectMode.SelectRead)); {|SOCK010:socket.Receive(d)|}; Console.WriteLine({|SOCK012:Encoding.ASCII.GetString(d)|});")]
        // Counted once, read on every turn: from the second turn on the count is stale.
        [InlineData("var d = new byte[socket.Available]; for (var i = 0; i < 3; i++) { {|SOCK010:socket.Receive(d)|}; Console.WriteLine({|SOCK012:Encoding.ASCII.GetString(d)|}); }")]
        // Found equal on the other side of the test only, or the size changed after the test.
        [InlineData("int len = buffer.Length / 2; if (socket.Available != len) { {|SOCK010:socket.Receive(buffer, 0, len, SocketFlags.None)|}; Process(buffer, 0); }")]
        [InlineData("int len = buffer.Length / 2; if (socket.Available == len) { len = 8; {|SOCK010:socket.Receive(buffer, 0, len, SocketFlags.None)|}; Process(buffer, 0); }")]
        [InlineData("int len = buffer.Length / 2; if (client.Available == len) { {|SOCK010:socket.Receive(buffer, 0, len, SocketFlags.None)|}; Process(buffer, 0); }")]
        [InlineData("int need = buffer.Length / 2; if (socket.Available < need) { {|SOCK010:socket.Receive(buffer, 0, need, SocketFlags.None)|}; Process(buffer, 0); }")]
        [InlineData("int need = buffer.Length / 2; if (socket.Available <= need) { {|SOCK010:socket.Receive(buffer, 0, need, SocketFlags.None)|}; Process(buffer, 0); }")]
        [InlineData("int need = buffer.Length / 2; int available = socket.Available; if (available < need) return; need++; {|SOCK010:socket.Receive(buffer, 0, need, SocketFlags.None)|}; Process(buffer, 0);")]
        // Counted on one path only.
        [InlineData("var d = buffer; if (socket.Available > 100) { d = new byte[socket.Available]; } {|SOCK010:socket.Receive(d)|}; Console.WriteLine({|SOCK012:Encoding.ASCII.GetString(d)|});")]
        public Task Read_whose_size_is_not_Available_of_its_connection_right_then_is_still_reported(string body)
            => Verify.VerifyAnalyzerAsync(Method(body));

        /// <summary>
        /// fresh39 F1 (a game server's session): a private readonly stream field taken from a private readonly client field in
        /// the constructor names the client's connection, so a guard or a size on <c>_client.Available</c> covers a read of
        /// <c>_stream</c>, in the documented shapes: a constant guard, a size read from <c>Available</c>, an equality test.
        /// </summary>
        [Theory]
        [InlineData("_client = client; _stream = client.GetStream();")]
        [InlineData("_client = client; _stream = _client.GetStream();")]
        [InlineData("this._client = client; this._stream = this._client.GetStream();")]
        public Task Stream_field_taken_from_a_client_field_shares_its_Available(string constructor)
            => Verify.VerifyAnalyzerAsync(Usings + $$"""
                class Session
                {
                    private readonly TcpClient _client;
                    private readonly NetworkStream _stream;
                    private byte[] _cmsg = new byte[256];

                    public Session(TcpClient client)
                    {
                        {{constructor}}
                    }

                    public byte Opcode => _cmsg[0];

                    public void ReceiveExactly(ushort length)
                    {
                        if (_client.Available == length)
                        {
                            _stream.Read(_cmsg, 0, length);
                        }
                    }

                    public void ReceiveAvailable()
                    {
                        int len = _client.Available;
                        _stream.Read(_cmsg, 0, len);
                    }

                    public void ReceiveHeader()
                    {
                        if (_client.Available >= 4)
                        {
                            _stream.Read(_cmsg, 0, 4);
                        }
                    }
                }
                """);

        /// <summary>
        /// fresh57 F3 (a tutorial's chat viewer): a stream field that is not <c>readonly</c>, set to the client's stream in
        /// <c>Connect()</c> and to <c>null</c> in a cleanup, holds nothing or the one stream of a client field that only the
        /// constructor assigns: a size read from <c>_client.Available</c> covers a read of it (no SOCK010, no SOCK012).
        /// </summary>
        [Theory]
        [InlineData("private TcpClient _client;", "private NetworkStream _msgStream = null;")]
        [InlineData("private readonly TcpClient _client;", "private NetworkStream _msgStream;")]
        public Task Stream_field_set_to_the_client_stream_or_null_shares_its_Available(string clientField, string streamField)
            => Verify.VerifyAnalyzerAsync(Usings + $$"""
                class Viewer
                {
                    {{clientField}}
                    {{streamField}}

                    public Viewer()
                    {
                        _client = new TcpClient();
                    }

                    public void Connect(string host, int port)
                    {
                        _client.Connect(host, port);
                        _msgStream = _client.GetStream();
                    }

                    public void Listen()
                    {
                        int messageLength = _client.Available;
                        if (messageLength > 0)
                        {
                            byte[] msgBuffer = new byte[messageLength];
                            _msgStream.Read(msgBuffer, 0, messageLength);
                            Console.WriteLine(Encoding.UTF8.GetString(msgBuffer));
                        }
                    }

                    public void Cleanup()
                    {
                        _msgStream?.Close();
                        _msgStream = null;
                        _client.Close();
                    }
                }
                """);

        /// <summary>
        /// Not when the stream field may hold another stream (another client's, one passed by <c>ref</c>, its initializer's),
        /// or the client field may be another client (assigned outside the constructors).
        /// </summary>
        [Theory]
        [InlineData("_msgStream = _client.GetStream();", "public void Other(TcpClient other) { _msgStream = other.GetStream(); }", "private NetworkStream _msgStream;")]
        [InlineData("_msgStream = _client.GetStream();", "public void Reconnect() { _client = new TcpClient(); }", "private NetworkStream _msgStream;")]
        [InlineData("_msgStream = _client.GetStream();", "public void Swap(ref NetworkStream s) { } public void Other() { Swap(ref _msgStream); }", "private NetworkStream _msgStream;")]
        [InlineData("_msgStream = _client.GetStream();", "", "private NetworkStream _msgStream = Shared;")]
        [InlineData("_msgStream = _other.GetStream();", "", "private NetworkStream _msgStream;")]
        public Task Stream_field_that_may_hold_another_connection_is_still_reported(string connect, string more, string streamField)
            => Verify.VerifyAnalyzerAsync(Usings + $$"""
                class Viewer
                {
                    public static NetworkStream Shared;
                    private TcpClient _client;
                    private readonly TcpClient _other;
                    {{streamField}}

                    public Viewer(TcpClient other)
                    {
                        _client = new TcpClient();
                        _other = other;
                    }

                    public void Connect(string host, int port)
                    {
                        _client.Connect(host, port);
                        {{connect}}
                    }

                    {{more}}

                    public void Listen()
                    {
                        int messageLength = _client.Available;
                        if (messageLength > 0)
                        {
                            byte[] msgBuffer = new byte[messageLength];
                            {|SOCK010:_msgStream.Read(msgBuffer, 0, messageLength)|};
                            Console.WriteLine({|SOCK012:Encoding.UTF8.GetString(msgBuffer)|});
                        }
                    }
                }
                """);

        /// <summary>A stream field given another stream somewhere, or taken from a client that is not the guarded one, is its own connection.</summary>
        [Theory]
        [InlineData("_client = client; _stream = other.GetStream();")]
        [InlineData("_client = client; _stream = client.GetStream(); client = other;")]
        public Task Stream_field_not_certainly_taken_from_the_client_field_is_still_reported(string constructor)
            => Verify.VerifyAnalyzerAsync(Usings + $$"""
                class Session
                {
                    private readonly TcpClient _client;
                    private readonly NetworkStream _stream;
                    private byte[] _cmsg = new byte[256];

                    public Session(TcpClient client, TcpClient other)
                    {
                        {{constructor}}
                    }

                    public byte Opcode => _cmsg[0];

                    public void ReceiveHeader()
                    {
                        if (_client.Available >= 4)
                        {
                            {|SOCK010:_stream.Read(_cmsg, 0, 4)|};
                        }
                    }
                }
                """);

        [Fact]
        public Task Available_counted_before_an_await_is_still_reported()
            => Verify.VerifyAnalyzerAsync(Method("""
                var d = new byte[socket.Available];
                await Task.Yield();
                {|SOCK010:socket.Receive(d)|};
                Console.WriteLine({|SOCK012:Encoding.ASCII.GetString(d)|});
                """, "Task", "async"));

        [Fact]
        public Task Read_sized_to_Available_that_nobody_awaits_is_still_reported()
            => Verify.VerifyAnalyzerAsync(Method("""
                var d = new byte[socket.Available];
                {|SOCK010:socket.ReceiveAsync(d, SocketFlags.None)|};
                Console.WriteLine({|SOCK012:Encoding.ASCII.GetString(d)|});
                """));

        [Fact]
        public Task Available_of_a_datagram_socket_is_still_reported()
            // On Windows a datagram socket's Available counts every queued datagram, and a receive returns one.
            => Verify.VerifyAnalyzerAsync(Method("""
                var d = new byte[udp.Client.Available];
                {|SOCK010:udp.Client.Receive(d)|};
                Console.WriteLine({|SOCK012:Encoding.ASCII.GetString(d)|});
                """));

        [Fact]
        public Task Available_of_an_auto_property_assigned_in_between_is_still_reported()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class Connection
                {
                    public Socket Raw { get; private set; }

                    public byte[] ReceiveFrom(Socket next)
                    {
                        var data = new byte[Raw.Available];
                        Raw = next;
                        {|SOCK010:Raw.Receive(data)|};
                        return data;
                    }
                }
                """);

        [Fact]
        public Task Available_of_a_connection_named_by_an_array_element_whose_index_changed_is_still_reported()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class Poller
                {
                    public void Poll(Socket[] sockets)
                    {
                        var i = 0;
                        var message = new byte[sockets[i].Available];
                        i++;
                        {|SOCK010:sockets[i].Receive(message)|};
                        Console.WriteLine({|SOCK012:Encoding.UTF8.GetString(message)|});
                    }
                }
                """);

        // ---- 2. A fresh zero-filled buffer read once, decoded whole, NULs stripped ----

        [Theory]
        [InlineData(@"Console.WriteLine(Encoding.ASCII.GetString(data).Replace(""\0"", """"));")]
        [InlineData(@"Console.WriteLine(Encoding.ASCII.GetString(data).Replace(""\0"", string.Empty));")]
        [InlineData(@"Console.WriteLine(Encoding.UTF8.GetString(data, 0, data.Length).Replace(""\0"", """"));")]
        [InlineData(@"Console.WriteLine(Encoding.ASCII.GetString(data).TrimEnd('\0'));")]
        [InlineData(@"Console.WriteLine(Encoding.ASCII.GetString(data).Trim('\0'));")]
        [InlineData(@"Console.WriteLine(Encoding.ASCII.GetString(data).TrimEnd(new[] { '\0' }));")]
        [InlineData(@"Console.WriteLine(Encoding.Latin1.GetString(data).TrimEnd('\0', ' ', '\r', '\n'));")]
        [InlineData(@"var json = """"; json += Encoding.ASCII.GetString(data).Replace(""\0"", """"); Console.WriteLine(json);")]
        public Task Fresh_buffer_read_once_and_decoded_whole_with_its_NULs_stripped_is_silent_for_SOCK012(string decode)
            => Verify.VerifyAnalyzerAsync(Method("var data = new byte[65536];\n{|SOCK010:stream.Read(data, 0, data.Length)|};\n" + decode));

        [Fact]
        public Task Fresh_buffer_made_on_every_turn_and_read_in_a_try_is_silent_for_SOCK012()
            => Verify.VerifyAnalyzerAsync(Method("""
                for (var turn = 0; turn < 10; turn++)
                {
                    var data = new byte[4096];
                    try
                    {
                        {|SOCK010:stream.Read(data, 0, data.Length)|};
                    }
                    catch (IOException)
                    {
                        continue;
                    }

                    var text = Encoding.ASCII.GetString(data).Replace("\0", "");
                    Console.WriteLine(text);
                }
                """));

        [Theory]
        // Made once, read on every turn: a shorter message leaves the previous one's bytes behind, not zeros.
        [InlineData(@"var data = new byte[1024]; for (var i = 0; i < 3; i++) { {|SOCK010:stream.Read(data, 0, data.Length)|}; Console.WriteLine({|SOCK012:Encoding.ASCII.GetString(data)|}.Replace(""\0"", """")); }")]
        // Two reads into it: the second leaves the first one's bytes behind.
        [InlineData(@"var data = new byte[1024]; {|SOCK010:stream.Read(data, 0, data.Length)|}; {|SOCK010:stream.Read(data, 0, data.Length)|}; Console.WriteLine({|SOCK012:Encoding.ASCII.GetString(data)|}.Replace(""\0"", """"));")]
        // Written before the read: its tail is not zeros.
        [InlineData(@"var data = new byte[1024]; data[0] = 42; {|SOCK010:stream.Read(data, 0, data.Length)|}; Console.WriteLine({|SOCK012:Encoding.ASCII.GetString(data)|}.Replace(""\0"", """"));")]
        [InlineData(@"var data = new byte[1024]; Array.Fill(data, (byte)' '); {|SOCK010:stream.Read(data, 0, data.Length)|}; Console.WriteLine({|SOCK012:Encoding.ASCII.GetString(data)|}.Trim('\0', ' '));")]
        // A strip of something other than NUL.
        [InlineData(@"var data = new byte[1024]; {|SOCK010:stream.Read(data, 0, data.Length)|}; Console.WriteLine({|SOCK012:Encoding.ASCII.GetString(data)|}.Replace(""\r"", """"));")]
        [InlineData(@"var data = new byte[1024]; {|SOCK010:stream.Read(data, 0, data.Length)|}; Console.WriteLine({|SOCK012:Encoding.ASCII.GetString(data)|}.Replace(""\0"", "" ""));")]
        [InlineData(@"var data = new byte[1024]; {|SOCK010:stream.Read(data, 0, data.Length)|}; Console.WriteLine({|SOCK012:Encoding.ASCII.GetString(data)|}.TrimEnd());")]
        // The raw text is used before the strip.
        [InlineData(@"var data = new byte[1024]; {|SOCK010:stream.Read(data, 0, data.Length)|}; var raw = {|SOCK012:Encoding.ASCII.GetString(data)|}; Console.WriteLine(raw); Console.WriteLine(raw.Replace(""\0"", """"));")]
        // Not decoded: the whole buffer goes on the wire, zeros included.
        [InlineData(@"var data = new byte[1024]; {|SOCK010:stream.Read(data, 0, data.Length)|}; {|SOCK012:stream.Write(data, 0, data.Length)|};")]
        // Two bytes per char: the zero tail joins the last byte received.
        [InlineData(@"var data = new byte[1024]; {|SOCK010:stream.Read(data, 0, data.Length)|}; Console.WriteLine({|SOCK012:Encoding.Unicode.GetString(data)|}.Replace(""\0"", """"));")]
        public Task Buffer_that_is_not_fresh_or_not_stripped_of_NULs_is_still_reported(string body)
            => Verify.VerifyAnalyzerAsync(Method(body));

        // ---- 3. Decoded whole with a one-byte-per-char encoding, then cut to the count ----

        [Theory]
        [InlineData("Encoding.ASCII.GetString(data).Substring(0, len)")]
        [InlineData("Encoding.Latin1.GetString(data).Substring(0, len)")]
        [InlineData("Encoding.ASCII.GetString(data).Remove(len)")]
        public Task Single_byte_decode_cut_to_the_count_of_an_Available_sized_read_is_silent(string decode)
            => Verify.VerifyAnalyzerAsync(Method($$"""
                var data = new byte[1024];
                int len = socket.Available;
                socket.Receive(data, 0, len, SocketFlags.None);
                Console.WriteLine({{decode}});
                """));

        [Fact]
        public Task Single_byte_decode_cut_to_the_reads_own_count_is_silent()
            => Verify.VerifyAnalyzerAsync(Method("""
                var data = new byte[1024];
                int n = socket.Receive(data);
                Console.WriteLine(Encoding.ASCII.GetString(data).Substring(0, n));
                """));

        [Theory]
        // A char may take several bytes: the cut at the byte count is not the end of the bytes received.
        [InlineData("{|SOCK012:Encoding.UTF8.GetString(data)|}.Substring(0, len)")]
        [InlineData("{|SOCK012:Encoding.Unicode.GetString(data)|}.Substring(0, len)")]
        [InlineData("{|SOCK012:Encoding.Default.GetString(data)|}.Substring(0, len)")]
        [InlineData("{|SOCK012:encoding.GetString(data)|}.Substring(0, len)")]
        // Not cut to the count.
        [InlineData("{|SOCK012:Encoding.ASCII.GetString(data)|}.Substring(0, 10)")]
        [InlineData("{|SOCK012:Encoding.ASCII.GetString(data)|}.Substring(1, len)")]
        [InlineData("{|SOCK012:Encoding.ASCII.GetString(data)|}.Substring(0, other)")]
        public Task Decode_cut_that_may_not_match_the_bytes_received_is_still_reported(string decode)
            => Verify.VerifyAnalyzerAsync(Method($$"""
                var encoding = Encoding.ASCII;
                var data = new byte[1024];
                int len = socket.Available;
                int other = len / 2;
                socket.Receive(data, 0, len, SocketFlags.None);
                Console.WriteLine({{decode}});
                """));

        [Fact]
        public Task Cut_to_a_count_of_an_earlier_turn_is_still_reported()
            // The count local held the first turn's size; later turns read unguarded.
            => Verify.VerifyAnalyzerAsync(Method("""
                var data = new byte[1024];
                int len = socket.Available;
                for (var i = 0; i < 3; i++)
                {
                    {|SOCK010:socket.Receive(data, 0, len, SocketFlags.None)|};
                    Console.WriteLine({|SOCK012:Encoding.ASCII.GetString(data)|}.Substring(0, len));
                }
                """));
    }
}
