using System.Threading.Tasks;
using Xunit;
using Verify = SocketAnalyzers.Tests.Verifiers.AnalyzerVerifier<SocketAnalyzers.Addressing.AddressingAndFramingAnalyzer>;

namespace SocketAnalyzers.Tests.Framing
{
    public sealed class SOCK040ReadTreatedAsMessageTests
    {
        private const string Usings = """
            using System;
            using System.IO;
            using System.Net;
            using System.Net.Security;
            using System.Net.Sockets;
            using System.Text;
            using System.Text.Json;
            using System.Threading.Tasks;
            using System.Xml.Linq;
            using System.Xml.Serialization;

            public sealed class Order { public int Id { get; set; } }

            """;

        private static string Body(string statements) => Usings + $$"""
            class C
            {
                async Task<object?> M(TcpListener listener, Socket someSocket, Stream someStream, NetworkStream network, UdpClient udp)
                {
                    var buffer = new byte[4096];
                    {{statements}}
                    return null;
                }

                static void Fill(byte[] b) { }

                static void Log(string text) { }

                static void Complete(ref string text) { }

                static void Copy(MemoryStream stream) { }
            }
            """;

        /// <summary>One read on a stream, its bytes (or the text decoded from them) parsed as a whole message.</summary>
        [Theory]
        [InlineData("using var client = listener.AcceptTcpClient(); var stream = client.GetStream(); int n = stream.Read(buffer, 0, buffer.Length); return {|SOCK040:JsonSerializer.Deserialize<Order>(buffer.AsSpan(0, n))|};")]
        [InlineData("using var client = await listener.AcceptTcpClientAsync(); var stream = client.GetStream(); int n = await stream.ReadAsync(buffer); return {|SOCK040:JsonSerializer.Deserialize<Order>(Encoding.UTF8.GetString(buffer, 0, n))|};")]
        [InlineData("using var socket = listener.AcceptSocket(); int n = socket.Receive(buffer); return {|SOCK040:JsonDocument.Parse(buffer.AsMemory(0, n))|};")]
        [InlineData("using var socket = await listener.AcceptSocketAsync(); int n = await socket.ReceiveAsync(buffer, SocketFlags.None); var text = Encoding.UTF8.GetString(buffer, 0, n); return {|SOCK040:XDocument.Parse(text)|};")]
        // The accept's task waited for with .Result or GetAwaiter().GetResult() (fresh53 M2, a network monitor's satellite server).
        [InlineData("Socket socket = listener.AcceptSocketAsync().Result; int n = socket.Receive(buffer); return {|SOCK040:new XmlSerializer(typeof(Order)).Deserialize(new MemoryStream(buffer, 0, n))|};")]
        [InlineData("using var socket = listener.AcceptSocketAsync().GetAwaiter().GetResult(); int n = socket.Receive(buffer); return {|SOCK040:JsonDocument.Parse(buffer.AsMemory(0, n))|};")]
        [InlineData("var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); s.Connect(IPAddress.Loopback, 80); int n = s.Receive(buffer); return {|SOCK040:new XmlSerializer(typeof(Order)).Deserialize(new MemoryStream(buffer, 0, n))|};")]
        [InlineData("int n = network.Read(buffer, 0, buffer.Length); return {|SOCK040:JsonSerializer.Deserialize<Order>(buffer.AsSpan(0, n))|};")]
        [InlineData("var ssl = new SslStream(network); int n = await ssl.ReadAsync(buffer, 0, buffer.Length); return {|SOCK040:JsonSerializer.Deserialize<Order>(new ReadOnlySpan<byte>(buffer, 0, n))|};")]
        [InlineData("using var tcp = new TcpClient(\"localhost\", 80); var stream = tcp.GetStream(); while (true) { int n = stream.Read(buffer, 0, buffer.Length); if (n == 0) break; Console.WriteLine({|SOCK040:JsonSerializer.Deserialize<Order>(buffer.AsSpan(0, n))|}); }")]
        [InlineData("int n = network.Read(buffer, 0, buffer.Length); if (n < 4) return null; int length = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(buffer); return {|SOCK040:JsonSerializer.Deserialize<Order>(buffer.AsSpan(4, length))|};")]
        [InlineData("int n = network.Read(buffer, 0, buffer.Length); if (n < 4) return null; int length = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(buffer); return {|SOCK040:XDocument.Parse(Encoding.UTF8.GetString(buffer, 4, length))|};")]
        [InlineData("int n = network.Read(buffer, 0, buffer.Length); if (n != buffer.Length) return null; return {|SOCK040:JsonSerializer.Deserialize<Order>(buffer)|};")]
        [InlineData("int n = network.Read(buffer, 0, 100); if (n != 100) return null; return {|SOCK040:JsonSerializer.Deserialize<Order>(buffer.AsSpan(0, n))|};")]
        public Task Single_stream_read_parsed_as_a_message_is_reported(string statements)
            => Verify.VerifyAnalyzerAsync(Body(statements));

        /// <summary>
        /// fresh102 M1: one read of a <c>StreamReader</c> over a network stream into a <c>char</c> buffer takes what one read
        /// of the stream brought, so its text parsed as a request is a message split by the network. <c>ReadBlock</c> fills
        /// the buffer unless the stream ends, and a reader over a file is no network read: quiet.
        /// </summary>
        [Theory]
        [InlineData("using var client = await listener.AcceptTcpClientAsync(); var chars = new char[1024]; var reader = new StreamReader(client.GetStream()); int n = await reader.ReadAsync(chars, 0, chars.Length); var json = new string(chars, 0, n); return {|SOCK040:JsonSerializer.Deserialize<Order>(json)|};")]
        [InlineData("var chars = new char[1024]; using var reader = new StreamReader(network); int n = reader.Read(chars, 0, chars.Length); return {|SOCK040:XDocument.Parse(new string(chars, 0, n))|};")]
        public Task Single_char_read_of_a_reader_over_a_network_stream_parsed_as_a_message_is_reported(string statements)
            => Verify.VerifyAnalyzerAsync(Body(statements));

        [Theory]
        [InlineData("var chars = new char[1024]; using var reader = new StreamReader(network); int n = reader.ReadBlock(chars, 0, chars.Length); return JsonSerializer.Deserialize<Order>(new string(chars, 0, n));")]
        [InlineData("var chars = new char[1024]; using var reader = new StreamReader(someStream); int n = reader.Read(chars, 0, chars.Length); return JsonSerializer.Deserialize<Order>(new string(chars, 0, n));")]
        [InlineData("var chars = new char[1024]; using var reader = new StreamReader(network); var text = new StringBuilder(); int n; while ((n = reader.Read(chars, 0, chars.Length)) > 0) text.Append(chars, 0, n); return JsonSerializer.Deserialize<Order>(text.ToString());")]
        public Task Char_reads_that_fill_or_gather_or_are_not_network_are_quiet(string statements)
            => Verify.VerifyAnalyzerAsync(Body(statements));

        /// <summary>
        /// The text of the read handed to a method before the parse (logged: the MSDN TcpListener sample prints "Received:
        /// {0}", fresh15 miss 1): a string cannot change there, so it is still one read's text.
        /// </summary>
        [Theory]
        [InlineData("Console.WriteLine(data);")]
        [InlineData("Console.WriteLine(\"CLIENT: {0}\", data);")]
        [InlineData("Log(data);")]
        public Task Text_of_one_read_logged_before_the_parse_is_reported(string log)
            => Verify.VerifyAnalyzerAsync(Body($$"""
                int i;
                while ((i = network.Read(buffer, 0, buffer.Length)) != 0)
                {
                    string data = Encoding.ASCII.GetString(buffer, 0, i);
                    {{log}}
                    var order = {|SOCK040:JsonSerializer.Deserialize<Order>(data)|};
                    Console.WriteLine(order?.Id);
                }
                """));

        /// <summary>
        /// The text of one read with its padding or blanks taken off before the parse (fresh25 miss 2, a course game's
        /// <c>Encoding.ASCII.GetString(data).Replace("\0", "")</c> then <c>DeserializeObject</c>): still that read's text.
        /// </summary>
        [Theory]
        [InlineData("string json = Encoding.ASCII.GetString(buffer).Replace(\"\\0\", \"\");")]
        [InlineData("string json = Encoding.ASCII.GetString(buffer).TrimEnd('\\0');")]
        [InlineData("string json = Encoding.UTF8.GetString(buffer, 0, n).Trim();")]
        [InlineData("string json = Encoding.UTF8.GetString(buffer, 0, n).TrimStart().Replace('\\r', ' ');")]
        public Task Text_of_one_read_trimmed_or_stripped_of_padding_is_reported(string decode)
            => Verify.VerifyAnalyzerAsync(Body($$"""
                int n = network.Read(buffer, 0, buffer.Length);
                if (n == 0) return null;
                {{decode}}
                return {|SOCK040:JsonSerializer.Deserialize<Order>(json)|};
                """));

        [Theory]
        [InlineData("string json = Encoding.UTF8.GetString(buffer, 0, n).Substring(4);")]
        [InlineData("string json = Encoding.UTF8.GetString(buffer, 0, n).Split('\\n')[0];")]
        [InlineData("string json = string.Concat(Encoding.UTF8.GetString(buffer, 0, n), \"\").Trim();")]
        public Task Text_of_one_read_cut_or_joined_before_the_parse_is_quiet(string decode)
            => Verify.VerifyAnalyzerAsync(Body($$"""
                int n = network.Read(buffer, 0, buffer.Length);
                if (n == 0) return null;
                {{decode}}
                return JsonSerializer.Deserialize<Order>(json);
                """));

        /// <summary>A server that parses one read's text with <c>FromJson(msg)</c>, declared as <paramref name="wrapper"/>.</summary>
        private static string WrapperServer(string wrapper, bool reported) => Usings + $$"""
            class Server
            {
                Order? Handle(NetworkStream stream)
                {
                    var buffer = new byte[1024];
                    int n = stream.Read(buffer);
                    string msg = Encoding.UTF8.GetString(buffer, 0, n);
                    return {{(reported ? "{|SOCK040:FromJson(msg)|}" : "FromJson(msg)")}};
                }

                {{wrapper}}
            }
            """;

        /// <summary>
        /// Parsed through the project's one-line wrapper of a parser (fresh16 miss 2, a course request server's
        /// <c>FromJson(msg)</c>): the wrapper's input is the parser's.
        /// </summary>
        [Theory]
        [InlineData("static Order? FromJson(string element) { return JsonSerializer.Deserialize<Order>(element, new JsonSerializerOptions()); }")]
        [InlineData("static Order? FromJson(string element) => JsonSerializer.Deserialize<Order>(element);")]
        // Logging the text first cannot change it (a string): straight code that parses it on every call (fresh94 M3).
        [InlineData("static Order? FromJson(string element) { Console.WriteLine(element); return JsonSerializer.Deserialize<Order>(element); }")]
        public Task Text_of_one_read_parsed_by_a_one_line_wrapper_is_reported(string wrapper)
            => Verify.VerifyAnalyzerAsync(WrapperServer(wrapper, reported: true));

        /// <summary>A wrapper that does more than hand its input to the parser (frames it, checks it first) is no parser.</summary>
        [Theory]
        [InlineData("static Order? FromJson(string element) => element.Length == 0 ? null : JsonSerializer.Deserialize<Order>(element);")]
        [InlineData("static Order? FromJson(string element) => JsonSerializer.Deserialize<Order>(element.Trim());")]
        [InlineData("static Order? FromJson(string element) => JsonSerializer.Deserialize<Order>(\"{}\");")]
        public Task Text_of_one_read_handed_to_a_method_that_is_no_plain_wrapper_is_quiet(string wrapper)
            => Verify.VerifyAnalyzerAsync(WrapperServer(wrapper, reported: false));

        /// <summary>A server that parses one read's bytes with <c>FromBytes(buffer)</c>, declared as <paramref name="wrapper"/>.</summary>
        private static string BytesWrapperServer(string wrapper, bool reported) => Usings + $$"""
            class Server
            {
                Order? Handle(NetworkStream stream)
                {
                    var buffer = new byte[1024];
                    int n = stream.Read(buffer);
                    if (n == 0) return null;
                    return {{(reported ? "{|SOCK040:FromBytes(buffer)|}" : "FromBytes(buffer)")}};
                }

                {{wrapper}}
            }
            """;

        /// <summary>
        /// fresh76 miss 1 (a course chat's packet class): the one-line wrapper wraps its bytes in a <c>MemoryStream</c> for
        /// the parser, and casts what it returns; the parser still reads exactly the bytes it was given.
        /// </summary>
        [Theory]
        [InlineData("static Order? FromBytes(byte[] raw) => JsonSerializer.Deserialize<Order>(new MemoryStream(raw));")]
        [InlineData("static Order FromBytes(byte[] raw) => (Order)new XmlSerializer(typeof(Order)).Deserialize(new MemoryStream(raw))!;")]
        [InlineData("static Order FromBytes(byte[] raw) { return (Order)new XmlSerializer(typeof(Order)).Deserialize(new MemoryStream(raw))!; }")]
        public Task Bytes_of_one_read_parsed_by_a_wrapper_through_a_MemoryStream_are_reported(string wrapper)
            => Verify.VerifyAnalyzerAsync(BytesWrapperServer(wrapper, reported: true));

        /// <summary>
        /// fresh94 M3 (a Vietnamese course's chat client): straight code that makes a stream over its bytes and a formatter in
        /// locals, then returns the parse (or keeps it in a local it returns): the parser still reads exactly the bytes given.
        /// </summary>
        [Theory]
        [InlineData("static Order FromBytes(byte[] raw) { MemoryStream stream = new MemoryStream(raw); var serializer = new XmlSerializer(typeof(Order)); return (Order)serializer.Deserialize(stream)!; }")]
        [InlineData("static Order? FromBytes(byte[] raw) { Console.WriteLine(raw.Length); var parsed = JsonSerializer.Deserialize<Order>(raw); return parsed; }")]
        [InlineData("Order? FromBytes(byte[] data) { var ms = new MemoryStream(data); Order? order = JsonSerializer.Deserialize<Order>(ms); Console.WriteLine(order); return order; }")]
        public Task Bytes_of_one_read_parsed_by_a_straight_helper_are_reported(string wrapper)
            => Verify.VerifyAnalyzerAsync(BytesWrapperServer(wrapper, reported: true));

        /// <summary>A stream over part of the bytes, or over other bytes, is not the wrapper's input as given.</summary>
        [Theory]
        [InlineData("static Order? FromBytes(byte[] raw) => JsonSerializer.Deserialize<Order>(new MemoryStream(raw, 4, raw.Length - 4));")]
        [InlineData("static Order? FromBytes(byte[] raw) => JsonSerializer.Deserialize<Order>(new MemoryStream(new byte[8]));")]
        // A helper that may not parse, changes the bytes or the stream's local first, or parses other bytes.
        [InlineData("static Order? FromBytes(byte[] raw) { if (raw.Length < 4) return null; var ms = new MemoryStream(raw); return JsonSerializer.Deserialize<Order>(ms); }")]
        [InlineData("static Order? FromBytes(byte[] raw) { raw = raw[4..]; var ms = new MemoryStream(raw); return JsonSerializer.Deserialize<Order>(ms); }")]
        [InlineData("static Order? FromBytes(byte[] raw) { var ms = new MemoryStream(raw); ms = new MemoryStream(raw, 4, 8); return JsonSerializer.Deserialize<Order>(ms); }")]
        [InlineData("static Order? FromBytes(byte[] raw) { var ms = new MemoryStream(new byte[8]); Console.WriteLine(raw.Length); return JsonSerializer.Deserialize<Order>(ms); }")]
        [InlineData("static Order? FromBytes(byte[] raw) { var ms = new MemoryStream(raw); return raw.Length == 0 ? null : JsonSerializer.Deserialize<Order>(ms); }")]
        [InlineData("static Order? FromBytes(byte[] raw) { using var ms = new MemoryStream(raw); try { return JsonSerializer.Deserialize<Order>(ms); } catch (JsonException) { return null; } }")]
        // The array handed to other code first (which may fill it further), or the stream moved past its start.
        [InlineData("static Order? FromBytes(byte[] raw) { Fill(raw); return JsonSerializer.Deserialize<Order>(raw); } static void Fill(byte[] b) { }")]
        [InlineData("static Order? FromBytes(byte[] raw) { var ms = new MemoryStream(raw); ms.ReadByte(); return JsonSerializer.Deserialize<Order>(ms); }")]
        public Task Bytes_handed_to_a_wrapper_that_parses_other_bytes_are_quiet(string wrapper)
            => Verify.VerifyAnalyzerAsync(BytesWrapperServer(wrapper, reported: false));

        /// <summary>A server that makes an <c>Envelope</c> of one read's bytes, whose constructor is <paramref name="constructor"/>.</summary>
        private static string ConstructorServer(string constructor, bool reported) => Usings + $$"""
            class Envelope
            {
                public string? Text;

                public Envelope() { }

                {{constructor}}
            }

            class Base
            {
                protected Base(byte[] raw) { }

                protected Base() { }
            }

            class Server
            {
                string? Handle(NetworkStream stream)
                {
                    var buffer = new byte[1024];
                    int n = stream.Read(buffer);
                    if (n == 0) return null;
                    var message = {{(reported ? "{|SOCK040:new Envelope(buffer)|}" : "new Envelope(buffer)")}};
                    return message.Text;
                }
            }
            """;

        /// <summary>
        /// fresh76 miss 1, the rest (a course chat's packet class): the constructor parses the bytes it is given, in straight
        /// code, on every construction; <c>new Envelope(buffer)</c> of one read is then the parse of one read.
        /// </summary>
        [Theory]
        [InlineData("public Envelope(byte[] raw) { var copy = (Envelope)new XmlSerializer(typeof(Envelope)).Deserialize(new MemoryStream(raw))!; Text = copy.Text; }")]
        [InlineData("public Envelope(byte[] raw) => Text = JsonSerializer.Deserialize<Envelope>(raw)!.Text;")]
        [InlineData("public Envelope(byte[] raw) { Console.WriteLine(\"parsing\"); var parsed = JsonSerializer.Deserialize<Envelope>(new MemoryStream(raw)); Text = parsed?.Text; }")]
        public Task Bytes_of_one_read_given_to_a_constructor_that_parses_them_are_reported(string constructor)
            => Verify.VerifyAnalyzerAsync(ConstructorServer(constructor, reported: true));

        /// <summary>
        /// A constructor that may not parse (a test first, a parse under <c>?:</c> or in a lambda), changes the bytes, parses
        /// other bytes, or hands them to a base constructor first is no parser of its input.
        /// </summary>
        [Theory]
        [InlineData("public Envelope(byte[] raw) { if (raw.Length < 4) return; Text = JsonSerializer.Deserialize<Envelope>(raw)!.Text; }")]
        [InlineData("public Envelope(byte[] raw) => Text = raw.Length == 0 ? null : JsonSerializer.Deserialize<Envelope>(raw)!.Text;")]
        [InlineData("public Envelope(byte[] raw) { Func<Envelope?> later = () => JsonSerializer.Deserialize<Envelope>(raw); Text = null; }")]
        [InlineData("public Envelope(byte[] raw) { raw = Frame(raw); Text = JsonSerializer.Deserialize<Envelope>(raw)!.Text; } static byte[] Frame(byte[] b) => b;")]
        [InlineData("public Envelope(byte[] raw) { Text = JsonSerializer.Deserialize<Envelope>(new MemoryStream(raw, 4, raw.Length - 4))!.Text; }")]
        [InlineData("public Envelope(byte[] raw) { try { Text = JsonSerializer.Deserialize<Envelope>(raw)!.Text; } catch (JsonException) { } }")]
        public Task Bytes_given_to_a_constructor_that_may_not_parse_them_as_given_are_quiet(string constructor)
            => Verify.VerifyAnalyzerAsync(ConstructorServer(constructor, reported: false));

        /// <summary>A client that reads its socket field <c>connection</c>, declared and given values as <paramref name="members"/> says.</summary>
        private static string SocketFieldClient(string members, bool reported) => Usings + $$"""
            class Client
            {
                {{members}}

                Order? Receive()
                {
                    var buffer = new byte[4096];
                    int n = connection.Receive(buffer);
                    if (n == 0) return null;
                    return {{(reported ? "{|SOCK040:JsonSerializer.Deserialize<Order>(buffer.AsSpan(0, n))|}" : "JsonSerializer.Deserialize<Order>(buffer.AsSpan(0, n))")}};
                }
            }
            """;

        /// <summary>
        /// fresh76 miss 1b (a course chat client): a private socket field that its type only ever gives a stream socket (made
        /// with <c>SocketType.Stream</c>, or accepted) or null, read in another method than the one that made it.
        /// </summary>
        [Theory]
        [InlineData("static Socket connection; static void Open() { connection = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); connection.Connect(IPAddress.Loopback, 4242); }")]
        [InlineData("private readonly Socket connection = new Socket(SocketType.Stream, ProtocolType.Tcp); void Open() => connection.Connect(IPAddress.Loopback, 4242);")]
        [InlineData("private Socket? connection; async Task Accept(TcpListener listener) { connection = await listener.AcceptSocketAsync().ConfigureAwait(false); } void Close() { connection?.Dispose(); connection = null; }")]
        [InlineData("private Socket connection; Client(Socket listening) { connection = listening.Accept(); }")]
        public Task One_read_of_a_private_field_only_given_stream_sockets_parsed_whole_is_reported(string members)
            => Verify.VerifyAnalyzerAsync(SocketFieldClient(members, reported: true));

        /// <summary>
        /// A field other code can reach (it may hold a datagram socket, where one read is one message), one given a datagram
        /// socket, a socket of a kind the code does not show, or a parameter's socket: unknown, silent.
        /// </summary>
        [Theory]
        [InlineData("public static Socket connection = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);")]
        [InlineData("private Socket connection = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); void Reopen() { connection = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp); } void Open() => connection.Connect(IPAddress.Loopback, 4242);")]
        [InlineData("private Socket connection; Client(SocketType type) { connection = new Socket(AddressFamily.InterNetwork, type, ProtocolType.Tcp); } void Open() => connection.Connect(IPAddress.Loopback, 4242);")]
        [InlineData("private Socket connection; Client(Socket given) { connection = given; }")]
        public Task One_read_of_a_socket_field_whose_kind_is_not_certain_is_quiet(string members)
            => Verify.VerifyAnalyzerAsync(SocketFieldClient(members, reported: false));

        /// <summary>A server whose handler takes its request from <paramref name="helper"/>, a read helper of the class, and parses it.</summary>
        /// <summary>A TCP client whose receive buffer is an array field of the class (audit84 M4b, audit85 M3); <paramref name="run"/> is its method.</summary>
        private static string BufferFieldClient(string run) => Usings + $$"""
            class NetClient
            {
                private readonly Socket _socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                private readonly NetworkStream _stream;
                private readonly byte[] _buffer = new byte[4096];
                private byte[] _recv = new byte[4096];

                public NetClient(TcpClient client) => _stream = client.GetStream();

                static void Fill(byte[] b) { }

                {{run}}
            }
            """;

        /// <summary>One read into an array field, parsed whole: the field holds that one read until code the body does not see runs.</summary>
        [Theory]
        [InlineData("public void Run() { _socket.Connect(\"127.0.0.1\", 9000); while (true) { int received = _socket.Receive(_buffer); if (received <= 0) return; var p = {|SOCK040:JsonSerializer.Deserialize<Order>(Encoding.UTF8.GetString(_buffer, 0, received))|}; Console.WriteLine(p!.Id); } }")]
        [InlineData("public object Run() { int n = _stream.Read(_recv, 0, _recv.Length); return {|SOCK040:JsonSerializer.Deserialize<Order>(_recv.AsSpan(0, n))|}; }")]
        [InlineData("public object Run() { int n = _stream.Read(this._buffer, 0, this._buffer.Length); Console.WriteLine(n); return {|SOCK040:JsonDocument.Parse(this._buffer.AsMemory(0, n))|}; }")]
        public Task One_read_into_an_array_field_parsed_whole_is_reported(string run)
            => Verify.VerifyAnalyzerAsync(BufferFieldClient(run));

        /// <summary>A fill loop, a copy or call that writes the field, an await or a call of the project in between: not one read any more, or unknown.</summary>
        [Theory]
        [InlineData("public object Run() { int n = 0; while (n < 8) { int r = _stream.Read(_recv, n, _recv.Length - n); if (r == 0) return null; n += r; } return JsonSerializer.Deserialize<Order>(_recv.AsSpan(0, n)); }")]
        [InlineData("public object Run() { int n = _stream.Read(_recv, 0, _recv.Length); Buffer.BlockCopy(new byte[8], 0, _recv, 0, 8); return JsonSerializer.Deserialize<Order>(_recv.AsSpan(0, n)); }")]
        [InlineData("public object Run() { int n = _stream.Read(_recv, 0, _recv.Length); Fill(_recv); return JsonSerializer.Deserialize<Order>(_recv.AsSpan(0, n)); }")]
        [InlineData("public object Run() { int n = _stream.Read(_recv, 0, _recv.Length); Refill(); return JsonSerializer.Deserialize<Order>(_recv.AsSpan(0, n)); } void Refill() => _recv = new byte[4096];")]
        [InlineData("public async Task<object> Run() { int n = _stream.Read(_recv, 0, _recv.Length); await Task.Yield(); return JsonSerializer.Deserialize<Order>(_recv.AsSpan(0, n)); }")]
        [InlineData("public object Run() { _stream.ReadExactly(_recv, 0, 8); return JsonSerializer.Deserialize<Order>(_recv.AsSpan(0, 8)); }")]
        public Task Array_field_that_may_hold_more_or_other_than_one_read_is_quiet(string run)
            => Verify.VerifyAnalyzerAsync(BufferFieldClient(run));

        /// <summary>An exact copy of one read into a new array (audit84 M4): the copy holds that read.</summary>
        [Theory]
        [InlineData("public object Run() { int n = _stream.Read(_recv, 0, _recv.Length); var packet = new byte[n]; Array.Copy(_recv, 0, packet, 0, n); return {|SOCK040:JsonSerializer.Deserialize<Order>(Encoding.UTF8.GetString(packet))|}; }")]
        [InlineData("public object Run() { var buffer = new byte[1024]; int n = _stream.Read(buffer, 0, buffer.Length); var packet = new byte[n]; Buffer.BlockCopy(buffer, 0, packet, 0, n); return {|SOCK040:JsonSerializer.Deserialize<Order>(packet)|}; }")]
        [InlineData("public object Run() { var buffer = new byte[1024]; int n = _stream.Read(buffer, 0, buffer.Length); byte[] packet = new byte[n]; Array.Copy(buffer, packet, n); return {|SOCK040:JsonSerializer.Deserialize<Order>(packet)|}; }")]
        [InlineData("public object Run() { int n = _stream.Read(_recv, 0, _recv.Length); var packet = new byte[n]; _recv.AsSpan(0, n).CopyTo(packet); return {|SOCK040:JsonSerializer.Deserialize<Order>(packet)|}; }")]
        public Task Exact_copy_of_one_read_parsed_whole_is_reported(string run)
            => Verify.VerifyAnalyzerAsync(BufferFieldClient(run));

        /// <summary>A copy to a later start, into an array that held something, or of a read at an offset: not (only) one read's bytes from its start.</summary>
        [Theory]
        [InlineData("public object Run() { int n = _stream.Read(_recv, 0, _recv.Length); var packet = new byte[n + 4]; Array.Copy(_recv, 0, packet, 4, n); return JsonSerializer.Deserialize<Order>(packet); }")]
        [InlineData("public object Run() { int n = _stream.Read(_recv, 0, _recv.Length); var packet = new byte[n]; Fill(packet); Array.Copy(_recv, 0, packet, 0, n); return JsonSerializer.Deserialize<Order>(packet); }")]
        [InlineData("public object Run() { int n = _stream.Read(_recv, 0, _recv.Length); Array.Copy(_recv, 0, _buffer, 0, n); return JsonSerializer.Deserialize<Order>(_buffer.AsSpan(0, n)); }")]
        [InlineData("public object Run() { int n = _stream.Read(_recv, 4, _recv.Length - 4); var packet = new byte[n]; Array.Copy(_recv, 4, packet, 0, n); return JsonSerializer.Deserialize<Order>(packet); }")]
        public Task Copy_that_is_not_one_reads_bytes_from_the_start_is_quiet(string run)
            => Verify.VerifyAnalyzerAsync(BufferFieldClient(run));

        /// <summary>A game client's APM receive (audit84 M4): every BeginReceive names <c>OnReceived</c> and fills the field from its start.</summary>
        private static string ApmClient(string begin, string parse) => Usings + $$"""
            class NetClient
            {
                private readonly Socket _socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                private readonly byte[] _buffer = new byte[4096];

                public void Start()
                {
                    _socket.Connect("127.0.0.1", 9000);
                    {{begin}}
                }

                private void OnReceived(IAsyncResult ar)
                {
                    int received = _socket.EndReceive(ar);
                    if (received <= 0) return;
                    {{parse}}
                    {{begin}}
                }
            }
            """;

        [Theory]
        [InlineData("var packet = new byte[received]; Array.Copy(_buffer, 0, packet, 0, received); Console.WriteLine({|SOCK040:JsonSerializer.Deserialize<Order>(Encoding.UTF8.GetString(packet))|});")]
        [InlineData("Console.WriteLine({|SOCK040:JsonSerializer.Deserialize<Order>(_buffer.AsSpan(0, received))|});")]
        public Task One_asynchronous_receive_parsed_in_its_callback_is_reported(string parse)
            => Verify.VerifyAnalyzerAsync(ApmClient("_socket.BeginReceive(_buffer, 0, _buffer.Length, SocketFlags.None, OnReceived, null);", parse));

        [Theory]
        [InlineData("_socket.BeginReceive(_buffer, 4, _buffer.Length - 4, SocketFlags.None, OnReceived, null);")]
        [InlineData("_socket.BeginReceive(_buffer, 0, _buffer.Length, SocketFlags.None, OnReceived, null); var other = new byte[8]; _socket.BeginReceive(other, 0, other.Length, SocketFlags.None, OnReceived, null);")]
        public Task Asynchronous_receives_that_do_not_all_fill_the_field_from_its_start_are_quiet(string begin)
            => Verify.VerifyAnalyzerAsync(ApmClient(begin, "Console.WriteLine(JsonSerializer.Deserialize<Order>(_buffer.AsSpan(0, received)));"));

        private static string HelperServer(string handler, string helper) => Usings + $$"""
            class Server
            {
                private readonly NetworkStream clientStream;
                private readonly Socket connection;

                Server(TcpClient client, TcpListener listener)
                {
                    clientStream = client.GetStream();
                    connection = listener.AcceptSocket();
                }

                Order? Handle(TcpClient client, TcpListener listener, Socket unknown, UdpClient udp)
                {
                    {{handler}}
                }

                {{helper}}
            }
            """;

        private const string ReadFromStream = "private string ReadFromStream(NetworkStream stream) { var buffer = new byte[1024]; int readCount = stream.Read(buffer); return Encoding.UTF8.GetString(buffer, 0, readCount); }";

        /// <summary>
        /// One read in a read helper of the class, its text parsed by the caller (fresh16 miss 1, a course request server:
        /// <c>string msg = ReadFromStream(stream); var request = JsonSerializer.Deserialize&lt;Request&gt;(msg);</c>).
        /// </summary>
        [Theory]
        [InlineData("var stream = client.GetStream(); string msg = ReadFromStream(stream); Console.WriteLine(\"Message: \" + msg); return {|SOCK040:JsonSerializer.Deserialize<Order>(msg)|};", ReadFromStream)]
        [InlineData("return {|SOCK040:JsonSerializer.Deserialize<Order>(ReadFromStream(client.GetStream()))|};", ReadFromStream)]
        [InlineData("return {|SOCK040:JsonSerializer.Deserialize<Order>(Receive())|};", "string Receive() { var data = new byte[256]; int n = clientStream.Read(data, 0, data.Length); string text = Encoding.ASCII.GetString(data, 0, n); return text.Trim(); }")]
        [InlineData("var socket = listener.AcceptSocket(); return {|SOCK040:JsonSerializer.Deserialize<Order>(Receive(socket))|};", "static string Receive(Socket s) { byte[] b = new byte[512]; int got = s.Receive(b); return Encoding.UTF8.GetString(b, 0, got); }")]
        public Task Text_of_one_read_returned_by_a_helper_and_parsed_is_reported(string handler, string helper)
            => Verify.VerifyAnalyzerAsync(HelperServer(handler, helper));

        /// <summary>
        /// A helper that reads a line (framed by its delimiter), drains while data is available, reads at an offset, reads a
        /// datagram or a socket whose kind is unknown, returns something other than the read's text, or is called until the text is complete: no single stream read.
        /// </summary>
        [Theory]
        [InlineData("return JsonSerializer.Deserialize<Order>(Line(client.GetStream()));", "static string Line(NetworkStream s) { var reader = new StreamReader(s); string line = reader.ReadLine(); return line; }")]
        [InlineData("return JsonSerializer.Deserialize<Order>(Drain(client.GetStream()));", "static string Drain(NetworkStream stream) { var data = new byte[64]; var sb = new StringBuilder(); int n; do { n = stream.Read(data, 0, data.Length); sb.Append(Encoding.UTF8.GetString(data, 0, n)); } while (stream.DataAvailable); return sb.ToString(); }")]
        [InlineData("return JsonSerializer.Deserialize<Order>(Tail(client.GetStream()));", "static string Tail(NetworkStream stream) { var data = new byte[64]; int n = stream.Read(data, 4, 60); return Encoding.UTF8.GetString(data, 0, n); }")]
        [InlineData("return JsonSerializer.Deserialize<Order>(Receive(unknown));", "static string Receive(Socket s) { byte[] b = new byte[512]; int got = s.Receive(b); return Encoding.UTF8.GetString(b, 0, got); }")]
        [InlineData("return JsonSerializer.Deserialize<Order>(Receive(udp.Client));", "static string Receive(Socket s) { byte[] b = new byte[512]; int got = s.Receive(b); return Encoding.UTF8.GetString(b, 0, got); }")]
        [InlineData("return JsonSerializer.Deserialize<Order>(Other(client.GetStream()));", "static string Other(NetworkStream stream) { var data = new byte[64]; int n = stream.Read(data, 0, 64); return \"\"; }")]
        [InlineData("string msg = \"\"; for (int i = 0; i < 3; i++) msg += ReadFromStream(client.GetStream()); return JsonSerializer.Deserialize<Order>(msg);", ReadFromStream)]
        // A socket field: the family does not follow a field's kind (stream or datagram), so the read is of an unknown kind.
        [InlineData("return JsonSerializer.Deserialize<Order>(Next());", "string Next() { var b = new byte[512]; var got = connection.Receive(b, 0, b.Length, SocketFlags.None); return Encoding.UTF8.GetString(b, 0, got); }")]
        public Task Helper_that_returns_no_single_stream_read_is_quiet(string handler, string helper)
            => Verify.VerifyAnalyzerAsync(HelperServer(handler, helper));

        [Fact]
        public Task Message_names_the_helper_that_made_the_read()
            => Verify.VerifyAnalyzerAsync(HelperServer("return {|#0:JsonSerializer.Deserialize<Order>(ReadFromStream(client.GetStream()))|};", ReadFromStream),
                Verify.Diagnostic("SOCK040").WithLocation(0).WithMessage(
                    "JsonSerializer.Deserialize parses the bytes of a single Read in Server.ReadFromStream on a stream; TCP has no message boundaries, so one read may hold part of a message or several. Frame the messages (a length prefix read exactly, or a delimiter) and parse a complete one."));

        /// <summary>Given by <c>ref</c>, the text may come back another: unknown.</summary>
        [Fact]
        public Task Text_of_one_read_given_by_ref_before_the_parse_is_quiet()
            => Verify.VerifyAnalyzerAsync(Body("""
                int n = network.Read(buffer, 0, buffer.Length);
                string data = Encoding.ASCII.GetString(buffer, 0, n);
                Complete(ref data);
                return JsonSerializer.Deserialize<Order>(data);
                """));

        /// <summary>Datagrams, unknown kinds, exact and accumulating reads, delimiter framing: quiet.</summary>
        [Theory]
        [InlineData("var result = await udp.ReceiveAsync(); return JsonSerializer.Deserialize<Order>(result.Buffer);")]
        [InlineData("var s = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp); s.Bind(new IPEndPoint(IPAddress.Loopback, 0)); int n = s.Receive(buffer); return JsonSerializer.Deserialize<Order>(buffer.AsSpan(0, n));")]
        [InlineData("int n = udp.Client.Receive(buffer); return JsonSerializer.Deserialize<Order>(buffer.AsSpan(0, n));")]
        [InlineData("int n = someSocket.Receive(buffer); return JsonSerializer.Deserialize<Order>(buffer.AsSpan(0, n));")]
        [InlineData("int n = someStream.Read(buffer, 0, buffer.Length); return JsonSerializer.Deserialize<Order>(buffer.AsSpan(0, n));")]
        [InlineData("network.ReadExactly(buffer, 0, 4); int length = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(buffer); var body = new byte[length]; network.ReadExactly(body); return JsonSerializer.Deserialize<Order>(body);")]
        [InlineData("await network.ReadExactlyAsync(buffer.AsMemory(0, 100)); return JsonSerializer.Deserialize<Order>(buffer.AsSpan(0, 100));")]
        [InlineData("int total = 0; while (total < 100) { int n = network.Read(buffer, total, 100 - total); if (n == 0) break; total += n; } return JsonSerializer.Deserialize<Order>(buffer.AsSpan(0, total));")]
        [InlineData("int total = 0; while (total < 100) { int n = await network.ReadAsync(buffer.AsMemory(total, 100 - total)); if (n == 0) break; total += n; } return JsonSerializer.Deserialize<Order>(buffer.AsSpan(0, total));")]
        [InlineData("var ms = new MemoryStream(); int n; while ((n = network.Read(buffer, 0, buffer.Length)) > 0) ms.Write(buffer, 0, n); ms.Position = 0; return JsonSerializer.Deserialize<Order>(ms);")]
        [InlineData("var sb = new StringBuilder(); int n; while ((n = network.Read(buffer, 0, buffer.Length)) > 0) { sb.Append(Encoding.UTF8.GetString(buffer, 0, n)); if (sb.ToString().EndsWith(\"\\n\")) break; } return JsonSerializer.Deserialize<Order>(sb.ToString());")]
        [InlineData("using var reader = new StreamReader(network); var line = await reader.ReadLineAsync(); return line is null ? null : JsonSerializer.Deserialize<Order>(line);")]
        [InlineData("return JsonSerializer.Deserialize<Order>(network);")]
        [InlineData("int n = network.Read(buffer, 0, buffer.Length); Fill(buffer); return JsonSerializer.Deserialize<Order>(buffer.AsSpan(0, n));")]
        [InlineData("int n = network.Read(buffer, 0, buffer.Length); if (n < 10) n += network.Read(buffer, n, buffer.Length - n); return JsonSerializer.Deserialize<Order>(buffer.AsSpan(0, n));")]
        // fresh13 audit: the count checked against the length the code expects before the parse; a short read throws.
        [InlineData("int length = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(buffer); var body = new byte[length]; int n = await network.ReadAsync(body, 0, length); if (n != length) throw new IOException(\"short read\"); return JsonSerializer.Deserialize<Order>(body);")]
        [InlineData("int length = buffer[0]; int n = network.Read(buffer, 0, length); if (n < length) return null; return JsonSerializer.Deserialize<Order>(buffer.AsSpan(0, n));")]
        [InlineData("int length = buffer[0]; int n = network.Read(buffer, 0, length); if (n == length) return JsonSerializer.Deserialize<Order>(buffer.AsSpan(0, n)); return null;")]
        // A socket waited for out of a task whose source the code does not show: its kind is unknown.
        [InlineData("Socket socket = Task.Run(() => someSocket).Result; int n = socket.Receive(buffer); return JsonDocument.Parse(buffer.AsMemory(0, n));")]
        public Task Datagrams_unknown_kinds_and_framed_reads_are_quiet(string statements)
            => Verify.VerifyAnalyzerAsync(Body(statements));

        /// <summary>
        /// One read copied once into an empty <c>MemoryStream</c> or <c>StringBuilder</c> and parsed from there (fresh43: a
        /// course game's <c>ms.Write(buffer, 0, n); ms.Position = 0; (Car)serializer.Deserialize(ms)</c>): still one read.
        /// </summary>
        [Theory]
        [InlineData("var ms = new MemoryStream(); int n = network.Read(buffer, 0, buffer.Length); ms.Write(buffer, 0, n); ms.Position = 0; return {|SOCK040:new XmlSerializer(typeof(Order)).Deserialize(ms)|};")]
        [InlineData("using var ms = new MemoryStream(4096); int n = await network.ReadAsync(buffer, 0, buffer.Length); await ms.WriteAsync(buffer, 0, n); ms.Seek(0, SeekOrigin.Begin); return await {|SOCK040:JsonSerializer.DeserializeAsync<Order>(ms)|};")]
        [InlineData("var ms = new MemoryStream(); int n = network.Read(buffer); ms.Write(buffer.AsSpan(0, n)); return {|SOCK040:JsonSerializer.Deserialize<Order>(ms.ToArray())|};")]
        [InlineData("var sb = new StringBuilder(); int n = network.Read(buffer, 0, buffer.Length); sb.Append(Encoding.UTF8.GetString(buffer, 0, n)); return {|SOCK040:JsonSerializer.Deserialize<Order>(sb.ToString())|};")]
        [InlineData("using var tcp = new TcpClient(\"localhost\", 80); var stream = tcp.GetStream(); while (true) { var ms = new MemoryStream(); int n = stream.Read(buffer, 0, buffer.Length); if (n == 0) break; ms.Write(buffer, 0, n); ms.Position = 0; Console.WriteLine({|SOCK040:new XmlSerializer(typeof(Order)).Deserialize(ms)|}); }")]
        public Task Single_stream_read_copied_once_into_an_empty_store_and_parsed_is_reported(string statements)
            => Verify.VerifyAnalyzerAsync(Body(statements));

        /// <summary>
        /// The store holds more than one read, or something else first, or may have changed through another name or a
        /// call: no single read. A loop that writes every read into one store accumulates (its second turn writes again).
        /// </summary>
        [Theory]
        [InlineData("var ms = new MemoryStream(); int n; do { n = network.Read(buffer, 0, buffer.Length); ms.Write(buffer, 0, n); } while (network.DataAvailable); ms.Position = 0; return JsonSerializer.Deserialize<Order>(ms);")]
        [InlineData("var ms = new MemoryStream(); int n = network.Read(buffer, 0, buffer.Length); ms.Write(buffer, 0, n); n = network.Read(buffer, 0, buffer.Length); ms.Write(buffer, 0, n); ms.Position = 0; return JsonSerializer.Deserialize<Order>(ms);")]
        [InlineData("var ms = new MemoryStream(); ms.WriteByte(1); int n = network.Read(buffer, 0, buffer.Length); ms.Write(buffer, 0, n); ms.Position = 0; return JsonSerializer.Deserialize<Order>(ms);")]
        [InlineData("var ms = new MemoryStream(); int n = network.Read(buffer, 0, buffer.Length); ms.Write(buffer, 4, n - 4); ms.Position = 0; return JsonSerializer.Deserialize<Order>(ms);")]
        [InlineData("var ms = new MemoryStream(); var other = ms; int n = network.Read(buffer, 0, buffer.Length); other.Write(buffer, 0, n); ms.Position = 0; return JsonSerializer.Deserialize<Order>(ms);")]
        [InlineData("var ms = new MemoryStream(); int n = network.Read(buffer, 0, buffer.Length); ms.Write(buffer, 0, n); var other = ms; other.Write(buffer, 0, 1); ms.Position = 0; return JsonSerializer.Deserialize<Order>(ms);")]
        [InlineData("var ms = new MemoryStream(); int n = network.Read(buffer, 0, buffer.Length); ms.Write(buffer, 0, n); Copy(ms); ms.Position = 0; return JsonSerializer.Deserialize<Order>(ms);")]
        [InlineData("var ms = new MemoryStream(); int n = network.Read(buffer, 0, buffer.Length); ms.Write(buffer, 0, n); ms.SetLength(2); return JsonSerializer.Deserialize<Order>(ms.ToArray());")]
        [InlineData("var ms = new MemoryStream(); int n = udp.Client.Receive(buffer); ms.Write(buffer, 0, n); ms.Position = 0; return JsonSerializer.Deserialize<Order>(ms);")]
        [InlineData("var ms = new MemoryStream(); network.ReadExactly(buffer, 0, 100); ms.Write(buffer, 0, 100); ms.Position = 0; return JsonSerializer.Deserialize<Order>(ms);")]
        [InlineData("var sb = new StringBuilder(); int n; do { n = network.Read(buffer, 0, buffer.Length); sb.Append(Encoding.UTF8.GetString(buffer, 0, n)); } while (network.DataAvailable); return JsonSerializer.Deserialize<Order>(sb.ToString());")]
        [InlineData("var sb = new StringBuilder(); int n = network.Read(buffer, 0, buffer.Length); sb.Append(Encoding.UTF8.GetString(buffer, 0, n)).Append(\"}\"); return JsonSerializer.Deserialize<Order>(sb.ToString());")]
        [InlineData("var sb = new StringBuilder(\"{\"); int n = network.Read(buffer, 0, buffer.Length); sb.Append(Encoding.UTF8.GetString(buffer, 0, n)); return JsonSerializer.Deserialize<Order>(sb.ToString());")]
        [InlineData("var sb = new StringBuilder(); int n = network.Read(buffer, 0, buffer.Length); sb.Append(Encoding.UTF8.GetString(buffer, 0, n)); sb.Length = 1; return JsonSerializer.Deserialize<Order>(sb.ToString());")]
        [InlineData("var sb = new StringBuilder(); int n = network.Read(buffer, 0, buffer.Length); sb.Append(Encoding.UTF8.GetString(buffer, 0, n)); sb.Insert(0, '['); return JsonSerializer.Deserialize<Order>(sb.ToString());")]
        public Task Store_that_holds_more_or_other_than_one_read_is_quiet(string statements)
            => Verify.VerifyAnalyzerAsync(Body(statements));

        /// <summary>Json.NET's parsers, from a project that references it (the package's public surface, declared here).</summary>
        private const string JsonNet = """

            namespace Newtonsoft.Json
            {
                public static class JsonConvert
                {
                    public static object? DeserializeObject(string value, System.Type type) => null;
                    public static T? DeserializeObject<T>(string value) => default;
                }
            }

            namespace Newtonsoft.Json.Linq
            {
                public class JToken { public static JToken Parse(string json) => new JToken(); }
                public class JObject : JToken { public static new JObject Parse(string json) => new JObject(); }
                public class JArray : JToken { public static new JArray Parse(string json) => new JArray(); }
            }
            """;

        [Theory]
        [InlineData("int n = network.Read(buffer, 0, buffer.Length); return {|SOCK040:Newtonsoft.Json.JsonConvert.DeserializeObject<Order>(Encoding.UTF8.GetString(buffer, 0, n))|};")]
        [InlineData("int n = network.Read(buffer, 0, buffer.Length); var json = Encoding.UTF8.GetString(buffer, 0, n); return {|SOCK040:Newtonsoft.Json.JsonConvert.DeserializeObject(json, typeof(Order))|};")]
        [InlineData("using var socket = listener.AcceptSocket(); int n = socket.Receive(buffer); return {|SOCK040:Newtonsoft.Json.Linq.JObject.Parse(Encoding.ASCII.GetString(buffer, 0, n))|};")]
        [InlineData("int n = await network.ReadAsync(buffer); return {|SOCK040:Newtonsoft.Json.Linq.JArray.Parse(Encoding.UTF8.GetString(buffer, 0, n))|};")]
        public Task Single_stream_read_parsed_by_Json_NET_is_reported(string statements)
            => Verify.VerifyAnalyzerAsync(Body(statements) + JsonNet);

        [Theory]
        [InlineData("int n = udp.Client.Receive(buffer); return Newtonsoft.Json.JsonConvert.DeserializeObject<Order>(Encoding.UTF8.GetString(buffer, 0, n));")]
        [InlineData("using var reader = new StreamReader(network); var line = await reader.ReadLineAsync(); return line is null ? null : Newtonsoft.Json.JsonConvert.DeserializeObject<Order>(line);")]
        [InlineData("network.ReadExactly(buffer, 0, 100); return Newtonsoft.Json.Linq.JToken.Parse(Encoding.UTF8.GetString(buffer, 0, 100));")]
        public Task Json_NET_parse_of_a_datagram_a_line_or_an_exact_read_is_quiet(string statements)
            => Verify.VerifyAnalyzerAsync(Body(statements) + JsonNet);

        /// <summary>protobuf-net's and MessagePack's parsers, from a project that references them (their public surface, declared here).</summary>
        private const string BinarySerializers = """

            namespace ProtoBuf
            {
                public static class Serializer
                {
                    public static T Deserialize<T>(System.IO.Stream source) => default!;
                    public static object Deserialize(System.Type type, System.IO.Stream source) => null!;
                }
            }

            namespace MessagePack
            {
                public static class MessagePackSerializer
                {
                    public static T Deserialize<T>(System.ReadOnlyMemory<byte> buffer) => default!;
                    public static T Deserialize<T>(System.IO.Stream stream) => default!;
                    public static object Deserialize(System.Type type, System.ReadOnlyMemory<byte> bytes) => null!;
                    public static System.Threading.Tasks.ValueTask<T> DeserializeAsync<T>(System.IO.Stream stream) => default;
                }
            }
            """;

        /// <summary>
        /// fresh94: a course chat parses each <c>Receive</c> with protobuf-net, a hobby game server each packet with
        /// MessagePack; one read may hold part of a message or several.
        /// </summary>
        [Theory]
        [InlineData("int n = network.Read(buffer, 0, buffer.Length); return {|SOCK040:ProtoBuf.Serializer.Deserialize<Order>(new MemoryStream(buffer, 0, n))|};")]
        [InlineData("using var socket = listener.AcceptSocket(); int n = socket.Receive(buffer); return {|SOCK040:MessagePack.MessagePackSerializer.Deserialize<Order>(buffer.AsMemory(0, n))|};")]
        [InlineData("int n = await network.ReadAsync(buffer); return await {|SOCK040:MessagePack.MessagePackSerializer.DeserializeAsync<Order>(new MemoryStream(buffer, 0, n))|};")]
        public Task Single_stream_read_parsed_by_a_binary_serializer_is_reported(string statements)
            => Verify.VerifyAnalyzerAsync(Body(statements) + BinarySerializers);

        [Theory]
        // A datagram is one message; an exact read has the whole of it; the Type overloads take no bytes first.
        [InlineData("int n = udp.Client.Receive(buffer); return MessagePack.MessagePackSerializer.Deserialize<Order>(buffer.AsMemory(0, n));")]
        [InlineData("network.ReadExactly(buffer, 0, 100); return ProtoBuf.Serializer.Deserialize<Order>(new MemoryStream(buffer, 0, 100));")]
        [InlineData("int n = network.Read(buffer, 0, buffer.Length); return (Order)MessagePack.MessagePackSerializer.Deserialize(typeof(Order), buffer.AsMemory(0, n));")]
        public Task Binary_serializer_parse_of_a_datagram_an_exact_read_or_a_type_first_overload_is_quiet(string statements)
            => Verify.VerifyAnalyzerAsync(Body(statements) + BinarySerializers);

        [Fact]
        public Task Message_names_the_parser_and_the_read()
            => Verify.VerifyAnalyzerAsync(Body("int n = network.Read(buffer, 0, buffer.Length); return {|#0:JsonSerializer.Deserialize<Order>(buffer.AsSpan(0, n))|};"),
                Verify.Diagnostic("SOCK040").WithLocation(0).WithMessage(
                    "JsonSerializer.Deserialize parses the bytes of a single Read on a stream; TCP has no message boundaries, so one read may hold part of a message or several. Frame the messages (a length prefix read exactly, or a delimiter) and parse a complete one."));

        [Fact]
        public Task Read_in_a_lambda_handed_to_a_task_is_reported_in_the_lambda()
            => Verify.VerifyAnalyzerAsync(Body("""
                var client = await listener.AcceptTcpClientAsync();
                        _ = Task.Run(async () =>
                        {
                            var local = new byte[1024];
                            var stream = client.GetStream();
                            int n = await stream.ReadAsync(local);
                            Console.WriteLine({|SOCK040:JsonSerializer.Deserialize<Order>(local.AsSpan(0, n))|});
                        });
                """));
    }
}
