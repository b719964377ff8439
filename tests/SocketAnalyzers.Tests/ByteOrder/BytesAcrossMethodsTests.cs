using System.Threading.Tasks;
using SocketAnalyzers.Tests.Verifiers;
using Xunit;
using Verify = SocketAnalyzers.Tests.Verifiers.AnalyzerVerifier<SocketAnalyzers.ByteOrder.SOCK020HostOrderWriteAnalyzer>;

namespace SocketAnalyzers.Tests.ByteOrder
{
    /// <summary>
    /// Issue 9, "bytes across methods": SOCK020 at a host-order write whose bytes reach a send through other methods and
    /// classes (a packet builder and its sender, a Serialize() returning ToArray(), a send helper taking byte[]), SOCK021 at
    /// a host-order read of a field a network read fills in another method; silent where the bytes go elsewhere, where
    /// anything on the way is unknown, and under the little-endian wire option. Reported at the end of the compilation.
    /// </summary>
    public sealed class BytesAcrossMethodsTests
    {
        private const string Usings = SOCK020HostOrderWriteTests.Usings;

        /// <summary>A client that sends what it is given: <c>Client.Send(byte[])</c> over a socket field.</summary>
        private const string Client = """
            sealed class Client
            {
                private readonly Socket socket;

                public Client(Socket socket) => this.socket = socket;

                public void Send(byte[] data) => socket.Send(data);
            }
            """;

        private static Task Run(params string[] sources)
        {
            var test = new SocketAnalyzerTest();
            foreach (var source in sources)
            {
                test.Sources.Add(source);
            }

            return test.RunAsync();
        }

        // ------------------------------------------------------------ packet builder + sender

        [Theory]
        [InlineData("private readonly List<byte> buffer = new List<byte>();", "buffer.AddRange({|SOCK020:BitConverter.GetBytes(v)|});", "buffer.ToArray()")]
        [InlineData("private readonly MemoryStream buffer = new MemoryStream();", "buffer.Write({|SOCK020:BitConverter.GetBytes(v)|});", "buffer.ToArray()")]
        [InlineData("private readonly MemoryStream ms = new MemoryStream(); private readonly BinaryWriter writer; public Packet() { writer = new BinaryWriter(ms); }", "{|SOCK020:writer.Write(v)|};", "ms.ToArray()")]
        [InlineData("private readonly MemoryStream ms = new MemoryStream();", "using var w = new BinaryWriter(ms, Encoding.UTF8, leaveOpen: true); {|SOCK020:w.Write(v)|};", "ms.ToArray()")]
        [InlineData("private byte[] buffer = Array.Empty<byte>();", "buffer = {|SOCK020:BitConverter.GetBytes(v)|};", "buffer.AsSpan().ToArray()")]
        public Task Packet_builder_field_sent_by_another_class_is_reported_at_the_write(string field, string write, string bytes)
            => Run(Usings + $$"""
                sealed class Packet
                {
                    {{field}}

                    public void Write(int v) { {{write}} }

                    public byte[] ToArray() => {{bytes}};
                }

                sealed class Program
                {
                    static void Main(Socket client)
                    {
                        var p = new Packet();
                        p.Write(42);
                        client.Send(p.ToArray());
                    }
                }
                """);

        /// <summary>fresh11 M1 (a game server's ByteBuffer): LINQ that only counts or tests the bytes keeps the field followed.</summary>
        [Theory]
        [InlineData("public int Count() => buffer.Count();")]
        [InlineData("public long Length() => buffer.LongCount();")]
        [InlineData("public bool IsEmpty => !buffer.Any();")]
        [InlineData("public bool HasZero => buffer.Any(b => b == 0);")]
        public Task Packet_builder_counted_with_linq_is_still_reported(string member)
            => Run(ListPacket("private readonly List<byte> buffer = new List<byte>();", "buffer.AddRange({|SOCK020:BitConverter.GetBytes(v)|})", member));

        /// <summary>
        /// A nested delegate or enum type holds no code, and a nested class or struct can reach the field only by naming
        /// it (mut38 #08, mut39 #20); one that names it may write it, and stays silent
        /// (<see cref="Packet_builder_whose_field_escapes_is_silent"/>).
        /// </summary>
        [Theory]
        [InlineData("public delegate void Sent(int count);")]
        [InlineData("public enum Kind { Login, Chat }")]
        [InlineData("public delegate void Sent(int count); public enum Kind { Login, Chat }")]
        [InlineData("sealed class Nested { }")]
        [InlineData("private struct Header { public int Length { get; set; } public override string ToString() => Length.ToString(); }")]
        public Task Packet_builder_whose_nested_types_do_not_name_the_field_is_still_reported(string member)
            => Run(ListPacket("private readonly List<byte> buffer = new List<byte>();", "buffer.AddRange({|SOCK020:BitConverter.GetBytes(v)|})", member));

        [Fact]
        public Task Packet_builder_sent_through_a_helper_taking_the_bytes_is_reported()
            => Run(Usings + """
                sealed class Packet
                {
                    private readonly List<byte> buffer = new List<byte>();

                    public void Write(int v) => buffer.AddRange({|SOCK020:BitConverter.GetBytes(v)|});

                    public byte[] GetBytes() => buffer.ToArray();
                }

                """ + Client + """

                sealed class Program
                {
                    static void Main(Client sender)
                    {
                        var p = new Packet();
                        p.Write(42);
                        sender.Send(p.GetBytes());
                    }
                }
                """);

        [Theory]
        [InlineData("File.WriteAllBytes(\"packet.bin\", p.ToArray());")]
        [InlineData("_ = SHA256.HashData(p.ToArray());")]
        [InlineData("using var file = File.Create(\"packet.bin\"); file.Write(p.ToArray());")]
        [InlineData("var kept = p.ToArray(); Console.WriteLine(kept.Length);")]
        [InlineData("var data = p.ToArray(); File.WriteAllBytes(\"copy.bin\", data); client.Send(data);")]
        [InlineData("var data = p.ToArray(); Array.Reverse(data); client.Send(data);")]
        [InlineData("var data = p.ToArray(); data = Encoding.UTF8.GetBytes(\"x\"); client.Send(data);")]
        public Task Packet_builder_whose_bytes_go_to_a_file_a_hash_memory_or_unknown_code_is_silent(string use)
            => Run(Usings + $$"""
                sealed class Packet
                {
                    private readonly List<byte> buffer = new List<byte>();

                    public void Write(int v) => buffer.AddRange(BitConverter.GetBytes(v));

                    public byte[] ToArray() => buffer.ToArray();
                }

                sealed class Program
                {
                    static void Main(Socket client)
                    {
                        var p = new Packet();
                        p.Write(42);
                        {{use}}
                    }
                }
                """);

        [Theory]
        [InlineData("public readonly List<byte> buffer = new List<byte>();", "")]
        [InlineData("internal List<byte> buffer = new List<byte>();", "")]
        [InlineData("private readonly List<byte> buffer; public Packet(List<byte> shared) { buffer = shared; }", "")]
        [InlineData("private readonly List<byte> buffer = new List<byte>();", "public void Share() => Registry.Keep(buffer);")]
        [InlineData("private readonly List<byte> buffer = new List<byte>();", "public void Share() => Registry.Flip(buffer);")]
        [InlineData("private readonly List<byte> buffer = new List<byte>();", "public void Share() => Console.WriteLine(buffer);")]
        [InlineData("private readonly List<byte> buffer = new List<byte>();", "public void Flip() => buffer.Reverse();")]
        [InlineData("private readonly List<byte> buffer = new List<byte>();", "public Action Later() => () => buffer.Clear();")]
        [InlineData("private readonly List<byte> buffer = new List<byte>();", "public void CopyFrom(Packet other) => other.buffer.Clear();")]
        [InlineData("private readonly List<byte> buffer = new List<byte>();", "sealed class Nested { void Flip(Packet p) => p.buffer.Reverse(); }")]
        [InlineData("private readonly List<byte> buffer = new List<byte>();", "public List<byte> Buffer => buffer;")]
        [InlineData("private readonly List<byte> buffer = new List<byte>();", "public byte[] Masked() => buffer.Select(b => (byte)(b ^ 0x5A)).ToArray(); public int Count() => buffer.Count();")]
        [InlineData("private readonly List<byte> buffer = new List<byte>();", "internal List<byte> Raw() { return buffer; }")]
        [InlineData("private readonly List<byte> buffer = new List<byte>();", "private List<byte> Raw() => buffer; public void Flip() => Raw().Reverse();")]
        public Task Packet_builder_whose_field_escapes_is_silent(string field, string member)
            => Run(ListPacket(field, "buffer.AddRange(BitConverter.GetBytes(v))", member));

        /// <summary>A packet builder (with <paramref name="field"/>, <paramref name="write"/> and <paramref name="member"/>) whose bytes a program sends, beside a registry that keeps or reverses lists.</summary>
        private static string ListPacket(string field, string write, string member) => Usings + $$"""
                static class Registry
                {
                    public static List<byte> Kept = new List<byte>();

                    public static void Keep(List<byte> bytes) => Kept = bytes;

                    public static void Flip(List<byte> bytes) => bytes.Reverse();
                }

                sealed class Packet
                {
                    {{field}}

                    public Packet() { }

                    public void Write(int v) => {{write}};

                    public byte[] ToArray() => buffer.ToArray();

                    {{member}}
                }

                sealed class Program
                {
                    static void Main(Socket client)
                    {
                        var p = new Packet();
                        p.Write(42);
                        client.Send(p.ToArray());
                    }
                }
                """;

        [Fact]
        public Task Partial_packet_builder_is_silent()
            => Run(
                Usings + """
                    partial class Packet
                    {
                        private readonly List<byte> buffer = new List<byte>();

                        public void Write(int v) => buffer.AddRange(BitConverter.GetBytes(v));

                        public byte[] ToArray() => buffer.ToArray();
                    }

                    sealed class Program
                    {
                        static void Main(Socket client)
                        {
                            var p = new Packet();
                            p.Write(42);
                            client.Send(p.ToArray());
                        }
                    }
                    """,
                "partial class Packet { }\n");

        [Theory]
        [InlineData("sealed class Packet<T>", "var p = new Packet<int>(); p.Write(42); client.Send(p.ToArray());", "")]
        [InlineData("class Packet", "var p = new Packet(); p.Write(42); client.Send(p.ToArray());", "virtual")]
        [InlineData("abstract class PacketBase { public abstract byte[] ToArray(); } sealed class Packet : PacketBase", "var p = new Packet(); p.Write(42); PacketBase b = p; client.Send(b.ToArray());", "override")]
        [InlineData("interface IPacket { byte[] ToArray(); } sealed class Packet : IPacket", "var p = new Packet(); p.Write(42); IPacket b = p; client.Send(b.ToArray());", "")]
        public Task Generic_or_virtual_packet_builder_is_silent(string header, string main, string modifier)
            => Run(Usings + $$"""
                {{header}}
                {
                    private readonly List<byte> buffer = new List<byte>();

                    public void Write(int v) => buffer.AddRange(BitConverter.GetBytes(v));

                    public {{modifier}} byte[] ToArray() => buffer.ToArray();
                }

                sealed class Program
                {
                    static void Main(Socket client)
                    {
                        {{main}}
                    }
                }
                """);

        // ------------------------------------------------------------ Serialize() returning bytes

        [Theory]
        [InlineData("var ms = new MemoryStream(); var w = new BinaryWriter(ms); {|SOCK020:w.Write(Id)|}; {|SOCK020:w.Write(Value)|}; return ms.ToArray();")]
        [InlineData("using (var ms = new MemoryStream()) using (var w = new BinaryWriter(ms)) { {|SOCK020:w.Write(Id)|}; w.Write((byte)1); return ms.ToArray(); }")]
        [InlineData("return {|SOCK020:BitConverter.GetBytes(Id)|};")]
        [InlineData("var b = new byte[8]; {|SOCK020:BitConverter.TryWriteBytes(b, Id)|}; BinaryPrimitives.WriteInt32BigEndian(b.AsSpan(4), Value); return b;")]
        [InlineData("var list = new List<byte>(); list.AddRange({|SOCK020:BitConverter.GetBytes(Id)|}); return list.ToArray();")]
        public Task Serialize_returning_host_order_bytes_to_a_sender_is_reported(string body)
            => Run(Usings + $$"""
                sealed class Message
                {
                    public int Id;
                    public int Value;

                    public byte[] Serialize()
                    {
                        {{body}}
                    }
                }

                sealed class Program
                {
                    static async Task Main(TcpClient client, Message message)
                    {
                        var stream = client.GetStream();
                        await stream.WriteAsync(message.Serialize());
                    }
                }
                """);

        [Theory]
        [InlineData("File.WriteAllBytes(\"m.bin\", message.Serialize());")]
        [InlineData("var hash = SHA256.HashData(message.Serialize()); client.GetStream().Write(hash);")]
        [InlineData("var bytes = message.Serialize(); Console.WriteLine(bytes.Length);")]
        [InlineData("var bytes = message.Serialize(); if (BitConverter.IsLittleEndian) Array.Reverse(bytes); client.GetStream().Write(bytes);")]
        public Task Serialize_whose_bytes_never_reach_a_send_is_silent(string use)
            => Run(Usings + $$"""
                sealed class Message
                {
                    public int Id;

                    public byte[] Serialize()
                    {
                        var ms = new MemoryStream();
                        var w = new BinaryWriter(ms);
                        w.Write(Id);
                        return ms.ToArray();
                    }
                }

                sealed class Program
                {
                    static void Main(TcpClient client, Message message)
                    {
                        {{use}}
                    }
                }
                """);

        // A send whose count may leave out the returned bytes (the CRC a frame ends with, sent without it): the summaries
        // keep no offsets, so where those bytes sit in what is sent is unknown, and unknown is silent.
        [Theory]
        [InlineData("var stream = client.GetStream(); stream.Write(message.Payload, 0, message.Payload.Length - 2);")]
        [InlineData("var stream = client.GetStream(); var p = message.Payload; stream.Write(p, 0, p.Length - 2);")]
        [InlineData("client.Client.Send(message.Payload, 6, SocketFlags.None);")]
        public Task Returned_bytes_sent_with_a_count_that_may_leave_them_out_are_silent(string use)
            => Run(Usings + Frame(use));

        // The nearest shapes that stay reported: the whole frame is sent.
        [Theory]
        [InlineData("var stream = client.GetStream(); stream.Write(message.Payload, 0, message.Payload.Length);")]
        [InlineData("var stream = client.GetStream(); var p = message.Payload; stream.Write(p, 0, p.Length);")]
        [InlineData("client.Client.Send(message.Payload);")]
        public Task Returned_bytes_sent_whole_are_reported(string use)
            => Run(Usings + Frame(use).Replace("returnvalue.AddRange(crc)", "returnvalue.AddRange(crc)").Replace("BitConverter.GetBytes(Crc)", "{|SOCK020:BitConverter.GetBytes(Crc)|}"));

        private static string Frame(string use) => $$"""
            sealed class Message
            {
                public ushort Crc;
                public byte[] Data = new byte[4];

                public byte[] Payload
                {
                    get
                    {
                        var returnvalue = new List<byte>();
                        returnvalue.Add(1);
                        returnvalue.AddRange(Data);
                        byte[] crc = BitConverter.GetBytes(Crc);
                        returnvalue.AddRange(crc);
                        return returnvalue.ToArray();
                    }
                }
            }

            sealed class Program
            {
                static void Main(TcpClient client, Message message)
                {
                    {{use}}
                }
            }
            """;

        // ------------------------------------------------------------ a send helper taking byte[]

        [Theory]
        [InlineData("void Send(byte[] data) => stream.Write(data, 0, data.Length);")]
        [InlineData("void Send(byte[] data) { if (data.Length > 0) { socket.Send(data); } }")]
        [InlineData("void Send(byte[] data) { var copy = data; stream.Write(copy.AsSpan()); }")]
        [InlineData("void Send(byte[] data) => Forward(data); void Forward(byte[] bytes) => socket.Send(bytes, SocketFlags.None);")]
        public Task Helper_that_sends_its_byte_array_parameter_reports_the_callers_write(string helper)
            => Run(Usings + $$"""
                sealed class Connection
                {
                    private readonly Socket socket;
                    private readonly NetworkStream stream;

                    public Connection(Socket socket) { this.socket = socket; stream = new NetworkStream(socket); }

                    {{helper}}

                    public void SendLength(int length) => Send({|SOCK020:BitConverter.GetBytes(length)|});
                }
                """);

        [Theory]
        [InlineData("void Send(byte[] data) => File.WriteAllBytes(\"x\", data);")]
        [InlineData("void Send(byte[] data) { Array.Reverse(data); socket.Send(data); }")]
        [InlineData("void Send(byte[] data) { data = new byte[4]; socket.Send(data); }")]
        [InlineData("void Send(byte[] data) { BinaryPrimitives.WriteInt32BigEndian(data, data.Length); socket.Send(data); }")]
        [InlineData("void Send(byte[] data) => unknown.Write(data);")]
        [InlineData("void Send(byte[] data) => Task.Run(() => socket.Send(data));")]
        [InlineData("public virtual void Send(byte[] data) => socket.Send(data);")]
        [InlineData("void Send<T>(byte[] data) => socket.Send(data); void Send(byte[] data) => Send<int>(data);")]
        public Task Helper_that_does_not_certainly_send_its_parameter_is_silent(string helper)
            => Run(Usings + $$"""
                class Connection
                {
                    private readonly Socket socket;
                    private readonly Stream unknown;

                    public Connection(Socket socket, Stream unknown) { this.socket = socket; this.unknown = unknown; }

                    {{helper}}

                    public void SendLength(int length) => Send(BitConverter.GetBytes(length));
                }
                """);

        // ------------------------------------------------------------ two classes in two files

        [Fact]
        public Task Packet_builder_and_sender_in_two_files_are_reported_in_the_builders_file()
            => Run(
                Usings + """
                    sealed class Packet
                    {
                        private readonly List<byte> buffer = new List<byte>();

                        public void Write(int v) => buffer.AddRange({|SOCK020:BitConverter.GetBytes(v)|});

                        public byte[] ToArray() => buffer.ToArray();
                    }
                    """,
                Usings + """
                    sealed class Sender
                    {
                        public void Send(NetworkStream stream, Packet packet) => stream.Write(packet.ToArray());
                    }
                    """);

        // ------------------------------------------------------------ the wire option

        [Fact]
        public Task Little_endian_wire_option_silences_cross_method_findings()
        {
            var test = new SocketAnalyzerTest();
            test.Sources.Add(Usings + """
                sealed class Packet
                {
                    private readonly List<byte> buffer = new List<byte>();

                    public void Write(int v) => buffer.AddRange(BitConverter.GetBytes(v));

                    public byte[] ToArray() => buffer.ToArray();
                }

                sealed class Reader
                {
                    private readonly NetworkStream stream;
                    private readonly byte[] buffer = new byte[64];

                    public Reader(NetworkStream stream) => this.stream = stream;

                    public void Fill() => stream.ReadExactly(buffer);

                    public int ReadInt() => BitConverter.ToInt32(buffer, 0);
                }

                sealed class Program
                {
                    static void Main(Socket client)
                    {
                        var p = new Packet();
                        p.Write(42);
                        client.Send(p.ToArray());
                    }
                }
                """);
            test.EditorConfig = "root = true\n[*.cs]\nsocket_analyzers.wire_byte_order = little_endian";
            return test.RunAsync();
        }

        // ------------------------------------------------------------ SOCK021: packet readers

        [Theory]
        [InlineData("private readonly NetworkStream stream;", "stream.ReadExactly(buffer);")]
        [InlineData("private readonly NetworkStream stream;", "count = stream.Read(buffer, 0, buffer.Length);")]
        [InlineData("private readonly Socket socket;", "count = socket.Receive(buffer);")]
        public Task Reader_class_over_a_network_filled_field_is_reported(string source, string fill)
            => Run(Usings + $$"""
                sealed class PacketReader
                {
                    {{source}}
                    private readonly byte[] buffer = new byte[64];
                    private int position;
                    private int count;

                    public int Count => count;

                    public void Fill() { {{fill}} position = 0; }

                    public int ReadInt()
                    {
                        var value = {|SOCK021:BitConverter.ToInt32(buffer, position)|};
                        position += 4;
                        return value;
                    }

                    public short ReadShort() => {|SOCK021:BitConverter.ToInt16(buffer.AsSpan(position))|};
                }
                """);

        // A field given the array a network read returns (fresh-repository audit: a game's UDP state decoded every frame).
        [Theory]
        [InlineData("last = udp.Receive(ref from);")]
        [InlineData("var datagram = udp.Receive(ref from); last = datagram;")]
        [InlineData("last = (await udp.ReceiveAsync()).Buffer;")]
        public Task Field_given_a_received_datagram_and_decoded_in_another_method_is_reported(string fill)
            => Run(Usings + $$"""
                sealed class Receiver
                {
                    private readonly UdpClient udp = new UdpClient(7001);
                    private IPEndPoint from = new IPEndPoint(IPAddress.Any, 0);
                    private byte[] last = new byte[12];

                    public async Task Poll() { {{fill}} }

                    public int X() => {|SOCK021:BitConverter.ToInt32(last, 0)|};

                    public int Converted() => IPAddress.NetworkToHostOrder(BitConverter.ToInt32(last, 4));
                }
                """);

        [Fact]
        public Task Field_given_a_received_datagram_and_reversed_or_never_decoded_is_silent()
            => Run(Usings + """
                sealed class Receiver
                {
                    private readonly UdpClient udp = new UdpClient(7001);
                    private IPEndPoint from = new IPEndPoint(IPAddress.Any, 0);
                    private byte[] last = new byte[12];
                    private byte[] file = File.ReadAllBytes("state.bin");

                    public void Poll() { last = udp.Receive(ref from); Array.Reverse(last); }

                    public int X() => BitConverter.ToInt32(last, 0);

                    public int Saved() => BitConverter.ToInt32(file, 0);
                }
                """);

        [Theory]
        [InlineData("private readonly FileStream stream;", "stream.ReadExactly(buffer);")]
        [InlineData("private readonly Stream stream;", "stream.ReadExactly(buffer);")]
        [InlineData("private readonly NetworkStream stream;", "stream.ReadExactly(buffer); Array.Reverse(buffer);")]
        public Task Reader_class_over_a_file_or_unknown_filled_field_is_silent(string source, string fill)
            => Run(Usings + $$"""
                sealed class PacketReader
                {
                    {{source}}
                    private readonly byte[] buffer = new byte[64];

                    public void Fill() { {{fill}} }

                    public int ReadInt() => BitConverter.ToInt32(buffer, 0);

                    public int ReadConverted() => IPAddress.NetworkToHostOrder(BitConverter.ToInt32(buffer, 0));
                }
                """);

        /// <summary>
        /// fresh42 (an async socket library): the buffer is an <c>internal</c> settable auto-property of a base class, filled
        /// by a read in another class and decoded in an override. Other code may read, fill or replace it, as a field that
        /// is not private: silent, like such a field.
        /// </summary>
        [Theory]
        [InlineData("internal byte[] Buffer { get; set; } = new byte[512];")]
        [InlineData("public byte[] Buffer { get; } = new byte[512];")]
        public Task Decoder_of_a_non_private_buffer_property_another_class_fills_is_silent(string property)
            => Run(Usings + $$"""
                abstract class MessageHandler
                {
                    {{property}}

                    internal abstract bool Complete(int len);
                }

                sealed class LengthPrefixed : MessageHandler
                {
                    private readonly List<byte> data = new List<byte>();
                    private uint? size;

                    internal override bool Complete(int len)
                    {
                        data.AddRange(Buffer.Take(len));
                        if (size == null)
                        {
                            if (data.Count < 4)
                            {
                                return false;
                            }

                            size = BitConverter.ToUInt32(data.Take(4).ToArray(), 0);
                            data.Clear();
                        }

                        return data.Count >= size;
                    }
                }

                sealed class Client
                {
                    private readonly NetworkStream stream;

                    public Client(TcpClient client) => stream = client.GetStream();

                    public async Task Receive(MessageHandler handler)
                    {
                        while (true)
                        {
                            int n = await stream.ReadAsync(handler.Buffer, 0, handler.Buffer.Length);
                            if (n == 0)
                            {
                                break;
                            }

                            handler.Complete(n);
                        }
                    }
                }
                """);

        /// <summary>A connection whose <c>ReceiveHeader()</c> returns four bytes read from the network.</summary>
        private const string ReceivingConnection = """
            sealed class Connection
            {
                private readonly NetworkStream stream;

                public Connection(NetworkStream stream) => this.stream = stream;

                public byte[] ReceiveHeader()
                {
                    var header = new byte[4];
                    stream.ReadExactly(header);
                    return header;
                }
            }

            """;

        [Fact]
        public Task Reader_of_bytes_a_method_returns_from_the_network_is_reported()
            => Run(Usings + ReceivingConnection + """

                sealed class Program
                {
                    static int Length(Connection connection)
                    {
                        var header = connection.ReceiveHeader();
                        return {|SOCK021:BitConverter.ToInt32(header, 0)|};
                    }

                    static int FromFile() => BitConverter.ToInt32(File.ReadAllBytes("x"), 0);
                }
                """);

        /// <summary>
        /// Bytes a method returns from the network, reversed in this body before the decode (fresh26 FALSE 1, a game-server
        /// ping's header <c>if (BitConverter.IsLittleEndian) Array.Reverse(header);</c> then <c>BitConverter.ToUInt16</c>): the
        /// order the code chose, as when the read is in the body itself.
        /// </summary>
        [Theory]
        [InlineData("Array.Reverse(header);")]
        [InlineData("if (BitConverter.IsLittleEndian) Array.Reverse(header);")]
        [InlineData("if (BitConverter.IsLittleEndian) { Array.Reverse(header, 0, 4); }")]
        [InlineData("header.AsSpan().Reverse();")]
        public Task Reader_of_bytes_a_method_returns_from_the_network_that_reverses_them_first_is_silent(string reverse)
            => Run(Usings + ReceivingConnection + $$"""

                sealed class Program
                {
                    static int Length(Connection connection)
                    {
                        var header = connection.ReceiveHeader();
                        {{reverse}}
                        return BitConverter.ToInt32(header, 0);
                    }
                }
                """);

        [Fact]
        public Task Method_decoding_its_parameter_is_reported_when_a_caller_passes_received_bytes()
            => Run(Usings + """
                static class Codec
                {
                    public static int Parse(byte[] data) => {|SOCK021:BitConverter.ToInt32(data, 0)|};

                    public static int ParseSafely(byte[] data) => BinaryPrimitives.ReadInt32BigEndian(data);
                }

                sealed class Program
                {
                    static int Read(Socket socket)
                    {
                        var received = new byte[4];
                        if (socket.Receive(received) < 4)
                        {
                            return -1;
                        }

                        return Codec.Parse(received) + Codec.ParseSafely(received);
                    }
                }
                """);

        [Fact]
        public Task Method_decoding_its_parameter_is_silent_when_callers_pass_only_file_bytes()
            => Run(Usings + """
                static class Codec
                {
                    public static int Parse(byte[] data) => BitConverter.ToInt32(data, 0);
                }

                sealed class Program
                {
                    static int Read(string path) => Codec.Parse(File.ReadAllBytes(path));
                }
                """);

        [Fact]
        public Task Packet_builder_that_sends_its_own_field_from_another_method_is_reported()
            => Run(Usings + """
                sealed class Outbox
                {
                    private readonly NetworkStream stream;
                    private readonly List<byte> pending = new List<byte>();

                    public Outbox(NetworkStream stream) => this.stream = stream;

                    public void Add(long stamp) => pending.AddRange({|SOCK020:BitConverter.GetBytes(stamp)|});

                    public void Flush()
                    {
                        stream.Write(pending.ToArray());
                        pending.Clear();
                    }
                }
                """);

        [Fact]
        public Task Tutorial_packet_whose_public_ToArray_caches_the_copy_it_returns_is_reported_at_each_write()
            => Run(Usings + """
                public sealed class Packet
                {
                    private readonly List<byte> buffer = new List<byte>();
                    private byte[] readable;

                    public void Write(int value) => buffer.AddRange({|SOCK020:BitConverter.GetBytes(value)|});

                    public void WriteLength() => buffer.InsertRange(0, {|SOCK020:BitConverter.GetBytes(buffer.Count)|});

                    public byte[] ToArray()
                    {
                        readable = buffer.ToArray();
                        return readable;
                    }

                    public int Length() => buffer.Count;
                }

                public sealed class Connection
                {
                    private readonly NetworkStream stream;

                    public Connection(TcpClient client) => stream = client.GetStream();

                    public void SendData(Packet packet) => stream.BeginWrite(packet.ToArray(), 0, packet.Length(), null, null);
                }
                """);

        [Fact]
        public Task Tutorial_packet_that_also_decodes_a_bool_from_its_bytes_is_still_reported()
            => Run(Usings + """
                public sealed class Packet
                {
                    private readonly List<byte> buffer = new List<byte>();
                    private byte[] readable;
                    private int readPos;

                    public void Write(int value) => buffer.AddRange({|SOCK020:BitConverter.GetBytes(value)|});

                    public void Write(bool value) => buffer.AddRange(BitConverter.GetBytes(value));

                    public byte[] ToArray()
                    {
                        readable = buffer.ToArray();
                        return readable;
                    }

                    public bool ReadBool()
                    {
                        bool value = BitConverter.ToBoolean(readable, readPos);
                        readPos += 1;
                        return value;
                    }
                }

                public sealed class Connection
                {
                    private readonly Socket socket;

                    public Connection(Socket socket) => this.socket = socket;

                    public void SendData(Packet packet) => socket.Send(packet.ToArray());
                }
                """);

        [Fact]
        public Task Public_method_returning_a_cached_field_it_did_not_just_fill_is_silent()
            => Run(Usings + """
                public sealed class Packet
                {
                    private readonly List<byte> buffer = new List<byte>();
                    private byte[] readable;

                    public void Write(int value) => buffer.AddRange(BitConverter.GetBytes(value));

                    public void Seal() => readable = buffer.ToArray();

                    public byte[] Bytes()
                    {
                        Console.WriteLine("sending");
                        return readable;
                    }
                }

                public sealed class Connection
                {
                    private readonly NetworkStream stream;

                    public Connection(TcpClient client) => stream = client.GetStream();

                    public void SendData(Packet packet) => stream.Write(packet.Bytes());
                }
                """);

        /// <summary>
        /// The Unity packet whose <c>ToArray()</c> copy one class sends and another hands to the project's own sender
        /// interface (unknown code): each call makes a new copy, so what the interface does to its copy cannot change the
        /// one the socket sends (o-litnon's shape, where SOCK021 already reported the reads).
        /// </summary>
        [Theory]
        [InlineData("public byte[] ToArray() => buffer.ToArray();", "sender.Send(packet.ToArray());")]
        [InlineData("public byte[] ToArray() { readable = buffer.ToArray(); return readable; }", "sender.Send(packet.ToArray());")]
        [InlineData("public byte[] ToArray() { readable = buffer.ToArray(); return readable; }", "var copy = packet.ToArray(); sender.Send(copy);")]
        public Task Packet_copy_also_given_to_unknown_code_elsewhere_is_still_reported(string toArray, string elsewhere)
            => Run(Usings + $$"""
                public sealed class Packet
                {
                    private readonly List<byte> buffer = new List<byte>();
                    private byte[] readable;

                    public void Write(int value) => buffer.AddRange({|SOCK020:BitConverter.GetBytes(value)|});

                    {{toArray}}
                }

                public sealed class Connection
                {
                    private readonly Socket socket;

                    public Connection(Socket socket) => this.socket = socket;

                    public void SendData(Packet packet) => socket.Send(packet.ToArray());
                }
                """, """
                public interface ISender
                {
                    void Send(byte[] data);
                }

                public sealed class Relay
                {
                    private readonly ISender sender;

                    public Relay(ISender sender) => this.sender = sender;

                    public void Forward(Packet packet) { ELSEWHERE }
                }
                """.Replace("ELSEWHERE", elsewhere));

        /// <summary>
        /// Unknown code that may get the very object the socket sends keeps the write unknown: the cached copy itself, a
        /// method that returns a field it did not just fill, or the sent local handed over first.
        /// </summary>
        [Theory]
        [InlineData("public byte[] ToArray() { readable = buffer.ToArray(); return readable; } public byte[] Last() => readable;", "sender.Send(packet.Last());", "socket.Send(packet.Last());")]
        [InlineData("public byte[] ToArray() => buffer.ToArray();", "", "var data = packet.ToArray(); Sender.Shared.Send(data); socket.Send(data);")]
        [InlineData("public byte[] ToArray() => (buffer.Count > 0 ? buffer.ToArray() : readable);", "sender.Send(packet.ToArray());", "socket.Send(packet.ToArray());")]
        public Task Object_the_socket_sends_also_given_to_unknown_code_is_silent(string toArray, string elsewhere, string send)
            => Run(Usings + $$"""
                public sealed class Packet
                {
                    private readonly List<byte> buffer = new List<byte>();
                    private byte[] readable = new byte[0];

                    public void Write(int value) => buffer.AddRange(BitConverter.GetBytes(value));

                    {{toArray}}
                }

                public sealed class Connection
                {
                    private readonly Socket socket;

                    public Connection(Socket socket) => this.socket = socket;

                    public void SendData(Packet packet) { {{send}} }
                }
                """, """
                public interface ISender
                {
                    void Send(byte[] data);
                }

                public static class Sender
                {
                    public static ISender Shared;
                }

                public sealed class Relay
                {
                    private readonly ISender sender;

                    public Relay(ISender sender) => this.sender = sender;

                    public void Forward(Packet packet) { ELSEWHERE }
                }
                """.Replace("ELSEWHERE", elsewhere));

        [Fact]
        public Task Write_reported_in_its_own_body_is_not_reported_again_across_methods()
            => Run(Usings + """
                sealed class Frames
                {
                    public static byte[] SendLength(Socket socket, int length)
                    {
                        var prefix = {|SOCK020:BitConverter.GetBytes(length)|};
                        socket.Send(prefix);
                        return prefix;
                    }

                    public static void Again(Socket socket) => socket.Send(SendLength(socket, 4));
                }
                """);

        [Fact]
        public Task Reader_class_and_its_network_filler_in_two_files_are_reported_in_the_readers_file()
            => Run(
                Usings + """
                    sealed class Inbox
                    {
                        private readonly byte[] frame = new byte[16];

                        public void Receive(Socket socket)
                        {
                            if (socket.Receive(frame) == 0)
                            {
                                throw new IOException("closed");
                            }
                        }

                        public int Kind() => Decode.Kind(frame);
                    }
                    """,
                Usings + """
                    static class Decode
                    {
                        public static int Kind(byte[] frame) => {|SOCK021:BitConverter.ToInt32(frame, 0)|};
                    }
                    """);

        /// <summary>
        /// A decoder of a <c>byte[]</c> parameter its callers fill from the network that reverses the number's bytes in place
        /// through a view first (fresh16 FALSE 3, an mDNS library's SRV port): the order the code chose, as after
        /// <c>Array.Reverse(data, 4, 2)</c>. Without the reversal it is reported.
        /// </summary>
        [Theory]
        [InlineData("var port = data.AsSpan(4, 2); port.Reverse(); return BitConverter.ToUInt16(port);", false)]
        [InlineData("var span = data.AsSpan(); var port = span.Slice(4, 2); port.Reverse(); return BitConverter.ToUInt16(port.ToArray());", false)]
        [InlineData("Array.Reverse(data, 4, 2); return BitConverter.ToUInt16(data, 4);", false)]
        [InlineData("var port = data.AsSpan(4, 2); return {|SOCK021:BitConverter.ToUInt16(port)|};", true)]
        public Task Decoder_of_received_bytes_that_reverses_a_view_of_them_first_is_silent(string decode, bool reported)
            => Run(Usings + $$"""
                static class Decoder
                {
                    public static ushort Port(byte[] data)
                    {
                        {{decode}}
                    }
                }

                sealed class Listener
                {
                    public ushort Run(Socket socket)
                    {
                        var buffer = new byte[2048];
                        int n = socket.Receive(buffer);
                        var content = new byte[n];
                        Array.Copy(buffer, 0, content, 0, n);
                        return Decoder.Port(content);
                    }
                }
                """);

        [Fact]
        public Task Reader_over_a_field_assigned_from_a_constructor_parameter_is_silent_even_when_a_caller_passes_received_bytes()
            => Run(Usings + """
                sealed class PacketReader
                {
                    private readonly byte[] data;

                    public PacketReader(byte[] data) => this.data = data;

                    public int ReadInt() => BitConverter.ToInt32(data, 0);
                }

                sealed class Program
                {
                    static int Read(NetworkStream stream)
                    {
                        var received = new byte[4];
                        stream.ReadExactly(received);
                        return new PacketReader(received).ReadInt();
                    }
                }
                """);

        [Theory]
        [InlineData("var frame = connection.ReceiveFrame();", "using var reader = new BinaryReader(new MemoryStream(frame));")]
        [InlineData("", "using var reader = new BinaryReader(new MemoryStream(connection.ReceiveFrame()));")]
        public Task BinaryReader_over_bytes_a_method_returns_from_the_network_is_reported(string receive, string open)
            => Run(Usings + $$"""
                sealed class Connection
                {
                    private readonly Socket socket;

                    public Connection(Socket socket) => this.socket = socket;

                    public byte[] ReceiveFrame()
                    {
                        var frame = new byte[8];
                        var n = socket.Receive(frame);
                        return n == frame.Length ? frame : Array.Empty<byte>();
                    }
                }

                sealed class Program
                {
                    static long Stamp(Connection connection)
                    {
                        {{receive}}
                        {{open}}
                        return {|SOCK021:reader.ReadInt64()|};
                    }
                }
                """);

        [Fact]
        public Task BinaryReader_over_bytes_a_method_returns_from_a_file_is_silent()
            => Run(Usings + """
                sealed class Store
                {
                    public byte[] Load(string path) => path.Length > 0 ? File.ReadAllBytes(path) : Array.Empty<byte>();
                }

                sealed class Program
                {
                    static long Stamp(Store store, Socket unused)
                    {
                        using var reader = new BinaryReader(new MemoryStream(store.Load("x")));
                        return reader.ReadInt64();
                    }
                }
                """);
    }
}
