using System.Threading.Tasks;
using SocketAnalyzers.Tests.Verifiers;
using Xunit;
using Verify = SocketAnalyzers.Tests.Verifiers.AnalyzerVerifier<SocketAnalyzers.ByteOrder.SOCK021HostOrderReadAnalyzer>;

namespace SocketAnalyzers.Tests.ByteOrder
{
    /// <summary>
    /// SOCK021 stays quiet on a host-order read whose number is only tested for equality (<c>==</c>, <c>!=</c>) with
    /// another number read in the same order: the test gives the same answer on every CPU. The shape is a received CRC
    /// checked against <c>BitConverter.ToUInt16</c> of the CRC computed locally (NModbus, the fresh8 audit's F2). A
    /// comparison with a constant or with a number read in another order, or any other use of the number, still depends
    /// on the byte order and is reported.
    /// </summary>
    public sealed class EqualityOfDecodesTests
    {
        private static string InMethod(string body) => SOCK020HostOrderWriteTests.Usings + $$"""
            class C
            {
                bool M(Socket socket, byte[] expected)
                {
                    var frame = new byte[64];
                    int n = socket.Receive(frame);
                    if (n < 4)
                    {
                        return false;
                    }

                    {{body}}
                }
            }
            """;

        [Theory]
        [InlineData("return BitConverter.ToUInt16(frame, n - 2) == BitConverter.ToUInt16(expected, 0);")]
        [InlineData("return BitConverter.ToInt32(expected, 0) != BitConverter.ToInt32(frame, 0);")]
        [InlineData("ushort stored = BitConverter.ToUInt16(frame, n - 2); ushort computed = BitConverter.ToUInt16(expected, 0); return stored == computed;")]
        [InlineData("var stored = BitConverter.ToUInt16(frame, n - 2); if (stored != BitConverter.ToUInt16(expected, 0)) { return false; } return stored == BitConverter.ToUInt16(expected, 2);")]
        public Task Number_only_compared_with_another_number_read_the_same_way_is_quiet(string body)
            => Verify.VerifyAnalyzerAsync(InMethod(body));

        [Theory]
        [InlineData("return [|BitConverter.ToUInt16(frame, n - 2)|] == 0x1234;")]
        [InlineData("return [|BitConverter.ToUInt16(frame, n - 2)|] == System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(expected);")]
        [InlineData("ushort stored = [|BitConverter.ToUInt16(frame, n - 2)|]; Console.WriteLine(stored); return stored == BitConverter.ToUInt16(expected, 0);")]
        [InlineData("ushort stored = [|BitConverter.ToUInt16(frame, n - 2)|]; return stored > BitConverter.ToUInt16(expected, 0);")]
        [InlineData("ushort stored = [|BitConverter.ToUInt16(frame, n - 2)|]; stored++; return stored == BitConverter.ToUInt16(expected, 0);")]
        [InlineData("return [|BitConverter.ToInt32(frame, 0)|] == BitConverter.ToUInt16(expected, 0);")]
        public Task Number_whose_test_depends_on_the_byte_order_is_reported(string body)
            => Verify.VerifyAnalyzerAsync(InMethod(body));

        /// <summary>
        /// fresh43 (an XMPP library's STUN client): a number tested only against a constant whose bytes read the same either
        /// way (<c>0x0101</c>, <c>0</c>, <c>-1</c>), or stored in a local nothing reads, cannot depend on the byte order.
        /// </summary>
        [Theory]
        [InlineData("return BitConverter.ToUInt16(frame, 0) == 0x0101;")]
        [InlineData("return BitConverter.ToInt16(frame, 0) != -1;")]
        [InlineData("return BitConverter.ToInt32(frame, 0) == 0;")]
        [InlineData("return BitConverter.ToUInt32(frame, 0) == 0x12000012;")]
        [InlineData("const short BindingResponse = 0x0101; using var r = new BinaryReader(new MemoryStream(frame)); return r.ReadInt16() == BindingResponse;")]
        [InlineData("var type = BitConverter.ToUInt16(frame, 0); if (type == 0x0101) { return true; } return type == BitConverter.ToUInt16(expected, 0);")]
        [InlineData("short port = BitConverter.ToInt16(frame, 2); return frame[0] == 1;")]
        // fresh59 F2 (a game-server query library): a field skipped by a read whose number is thrown away.
        [InlineData("using var r = new BinaryReader(new MemoryStream(frame)); r.ReadInt32(); return r.ReadByte() == 1;")]
        [InlineData("using var r = new BinaryReader(new MemoryStream(frame)); _ = r.ReadUInt16(); return r.ReadByte() == 1;")]
        [InlineData("BitConverter.ToInt32(frame, 0); return frame[4] == 1;")]
        public Task Number_tested_only_against_a_byte_symmetric_constant_or_unused_is_quiet(string body)
            => Verify.VerifyAnalyzerAsync(InMethod(body));

        /// <summary>
        /// fresh47 (an XMPP library's STUN reader): a number a <c>BinaryReader</c> read (little-endian on every CPU) tested
        /// only against constants written byte-reversed (their bytes reversed give a smaller number: <c>0x0100</c> for
        /// attribute 1, <c>0x2000</c> for 0x20) was read in the order its tests expect. Quiet.
        /// </summary>
        [Theory]
        [InlineData("const short MappedAddress = 0x0100; using var r = new BinaryReader(new MemoryStream(frame)); return r.ReadInt16() == MappedAddress;")]
        [InlineData("using var r = new BinaryReader(new MemoryStream(frame)); short type = r.ReadInt16(); if (type == 0x0100) { return true; } return type == 0x2000;")]
        [InlineData("using var r = new BinaryReader(new MemoryStream(frame)); return r.ReadUInt32() != 0x01000000;")]
        public Task Little_endian_read_tested_only_against_constants_written_byte_reversed_is_quiet(string body)
            => Verify.VerifyAnalyzerAsync(InMethod(body));

        /// <summary>
        /// One constant in natural order among the tests (<c>== 1</c> is 0x0100 on the wire), or a host-order read
        /// (<c>BitConverter</c>: a byte-reversed constant matches on a little-endian CPU only): the order matters, reported.
        /// </summary>
        [Theory]
        [InlineData("using var r = new BinaryReader(new MemoryStream(frame)); short type = [|r.ReadInt16()|]; if (type == 0x0100) { return true; } return type == 1;")]
        [InlineData("return [|BitConverter.ToUInt16(frame, 0)|] == 1;")]
        [InlineData("return [|BitConverter.ToUInt16(frame, 0)|] == 0x0100;")]
        [InlineData("return [|BitConverter.ToUInt32(frame, 0)|] == 0x00000100;")]
        public Task Number_tested_against_a_constant_in_natural_order_or_read_in_host_order_is_reported(string body)
            => Verify.VerifyAnalyzerAsync(InMethod(body));

        [Theory]
        [InlineData("return [|BitConverter.ToUInt16(frame, 0)|] == 0x0102;")]
        [InlineData("return [|BitConverter.ToUInt32(frame, 0)|] == 0x0101;")]
        [InlineData("return [|BitConverter.ToInt32(frame, 0)|] == 0x01000001 + n;")]
        [InlineData("var type = [|BitConverter.ToUInt16(frame, 0)|]; if (type == 0x0101) { return true; } return type == 0x0102;")]
        [InlineData("short port = [|BitConverter.ToInt16(frame, 2)|]; Console.WriteLine(port); return true;")]
        public Task Number_tested_against_an_order_dependent_constant_or_used_is_reported(string body)
            => Verify.VerifyAnalyzerAsync(InMethod(body));

        // ------------------------------------------------------------ tags made the same way (fresh17: four-character codes)

        private static string TagReader(string tags, string test) => SOCK020HostOrderWriteTests.Usings + $$"""
            public static class Tags
            {
                {{tags}}
            }

            public sealed class Peer
            {
                private readonly NetworkStream stream;

                public Peer(NetworkStream stream) => this.stream = stream;

                public int Next()
                {
                    var header = new byte[4];
                    stream.ReadExactly(header, 0, 4);
                    uint tag = {{test}};
                }
            }
            """;

        [Theory]
        [InlineData("public static uint Hello { get; } = BitConverter.ToUInt32(Encoding.ASCII.GetBytes(\"HELO\"), 0);")]
        [InlineData("public static readonly uint Hello = BitConverter.ToUInt32(Encoding.ASCII.GetBytes(\"HELO\"), 0);")]
        [InlineData("public static uint Hello => BitConverter.ToUInt32(Encoding.ASCII.GetBytes(\"HELO\"), 0);")]
        [InlineData("public static uint Hello { get { return (BitConverter.ToUInt32(Encoding.ASCII.GetBytes(\"HELO\"), 0)); } }")]
        [InlineData("public static uint Hello => Make(\"HELO\"); private static uint Make(string code) => BitConverter.ToUInt32(Encoding.ASCII.GetBytes(code), 0);")]
        // fresh38 F2: a static field that is not readonly, but that no code of its type assigns after its initializer.
        [InlineData("public static uint Hello = BitConverter.ToUInt32(Encoding.ASCII.GetBytes(\"HELO\"), 0);")]
        public Task Tag_compared_with_a_tag_made_by_the_same_host_order_read_is_quiet(string tags)
            => Verify.VerifyAnalyzerAsync(TagReader(tags, "BitConverter.ToUInt32(header, 0); return tag == Tags.Hello ? 1 : tag != Tags.Hello ? 2 : 0"));

        [Fact]
        public Task Tag_compared_with_a_method_that_makes_tags_the_same_way_is_quiet()
            => Verify.VerifyAnalyzerAsync(TagReader(
                "public static uint Make(string code) { return BitConverter.ToUInt32(Encoding.ASCII.GetBytes(code), 0); }",
                "BitConverter.ToUInt32(header, 0); return tag == Tags.Make(\"HELO\") ? 1 : 0"));

        [Theory]
        // A setter, a constructor that may assign it, a big-endian tag, a tag of another width, a virtual maker, a constant.
        [InlineData("public static uint Hello { get; set; } = BitConverter.ToUInt32(Encoding.ASCII.GetBytes(\"HELO\"), 0);", "Tags.Hello")]
        [InlineData("public static readonly uint Hello = BitConverter.ToUInt32(Encoding.ASCII.GetBytes(\"HELO\"), 0); static Tags() { Hello = 0x4F4C4548; }", "Tags.Hello")]
        [InlineData("public static uint Hello { get; } = BitConverter.ToUInt32(Encoding.ASCII.GetBytes(\"HELO\"), 0); static Tags() { Hello = 0x4F4C4548; }", "Tags.Hello")]
        [InlineData("public static readonly uint Hello = BinaryPrimitives.ReadUInt32BigEndian(Encoding.ASCII.GetBytes(\"HELO\"));", "Tags.Hello")]
        [InlineData("public static uint Hello => BinaryPrimitives.ReadUInt32LittleEndian(Encoding.ASCII.GetBytes(\"HELO\"));", "Tags.Hello")]
        [InlineData("public static readonly uint Hello = (uint)BitConverter.ToInt32(Encoding.ASCII.GetBytes(\"HELO\"), 0);", "Tags.Hello")]
        [InlineData("public const uint Hello = 0x4F4C4548;", "Tags.Hello")]
        [InlineData("public static uint Hello = BitConverter.ToUInt32(Encoding.ASCII.GetBytes(\"HELO\"), 0); static Tags() { Hello = 0x4F4C4548; }", "Tags.Hello")]
        [InlineData("public static uint Hello = BitConverter.ToUInt32(Encoding.ASCII.GetBytes(\"HELO\"), 0); public static void Next() => Hello++;", "Tags.Hello")]
        [InlineData("public static uint Hello = BitConverter.ToUInt32(Encoding.ASCII.GetBytes(\"HELO\"), 0); public static void Reset() => Tags.Hello = 0;", "Tags.Hello")]
        public Task Tag_compared_with_a_tag_whose_bytes_or_order_may_differ_is_reported(string tags, string other)
            => Verify.VerifyAnalyzerAsync(TagReader(tags, $"[|BitConverter.ToUInt32(header, 0)|]; return tag == {other} ? 1 : 0"));

        // ------------------------------------------------------------ a packet class keeping the received tag (fresh38 F2)

        private static string PacketClass(string members) => SOCK020HostOrderWriteTests.Usings + $$"""
            public sealed class Packet
            {
                public static uint Ack = BitConverter.ToUInt32(Encoding.ASCII.GetBytes("ACK "), 0);
                public static readonly uint Bye = BitConverter.ToUInt32(Encoding.ASCII.GetBytes("BYE "), 0);

                {{members}}

                public Packet(uint type) { PacketType = type; }
            }

            public sealed class Receiver
            {
                private readonly UdpClient udp = new UdpClient(7000);

                public Packet Next()
                {
                    var from = new IPEndPoint(IPAddress.Any, 0);
                    return new Packet(udp.Receive(ref from), 0);
                }
            }
            """;

        /// <summary>
        /// The tag is kept in a field or auto-property of the packet, and the packet's code only compares it with tags made
        /// by the same read (<c>IsAck =&gt; PacketType == Ack</c>), turns it back into its bytes, or assigns it: the same four
        /// bytes on any CPU. Code of other classes is not seen.
        /// </summary>
        [Theory]
        [InlineData("public uint PacketType { get; set; }")]
        [InlineData("public uint PacketType;")]
        [InlineData("private uint PacketType { get; }")]
        public Task Tag_kept_in_a_member_that_its_class_only_compares_with_tags_made_the_same_way_is_quiet(string member)
            => Verify.VerifyAnalyzerAsync(PacketClass(member + """

                public Packet(byte[] bytes, int offset) { PacketType = BitConverter.ToUInt32(bytes, offset); }

                public bool IsAck => PacketType == Ack;

                public bool IsBye { get { return this.PacketType == Packet.Bye; } }

                public bool IsUnknown => !(IsAck || IsBye);

                public string Text => Encoding.ASCII.GetString(BitConverter.GetBytes(PacketType));
                """));

        [Theory]
        [InlineData("public bool IsBig => PacketType > 1000;")]
        [InlineData("public int Kind => (int)PacketType;")]
        [InlineData("public bool IsAckNumber => PacketType == 0x204B4341;")]
        [InlineData("public static readonly uint Quit = BinaryPrimitives.ReadUInt32BigEndian(Encoding.ASCII.GetBytes(\"QUIT\")); public bool IsQuit => PacketType == Quit;")]
        [InlineData("public override string ToString() => PacketType.ToString();")]
        [InlineData("public bool Same(Packet other) => other.PacketType + 1 == PacketType;")]
        public Task Tag_kept_in_a_member_that_its_class_also_uses_as_a_number_is_reported(string use)
            => Verify.VerifyAnalyzerAsync(PacketClass("public uint PacketType { get; set; }" + $$"""

                public Packet(byte[] bytes, int offset) { PacketType = [|BitConverter.ToUInt32(bytes, offset)|]; }

                public bool IsAck => PacketType == Ack;

                {{use}}
                """));

        [Fact]
        public Task Tag_kept_in_a_property_with_code_is_reported()
            => Verify.VerifyAnalyzerAsync(PacketClass("""
                private uint type;

                public uint PacketType { get => type; set => type = value; }

                public Packet(byte[] bytes, int offset) { PacketType = [|BitConverter.ToUInt32(bytes, offset)|]; }

                public bool IsAck => PacketType == Ack;
                """));

        [Fact]
        public Task Tag_compared_with_tags_declared_in_another_file_is_quiet()
        {
            var test = new SocketAnalyzerTest();
            test.Sources.Add(SOCK020HostOrderWriteTests.Usings + """
                public static class Tags
                {
                    public static uint Hello { get; } = BitConverter.ToUInt32(Encoding.ASCII.GetBytes("HELO"), 0);
                    public static readonly uint Bye = BitConverter.ToUInt32(Encoding.ASCII.GetBytes("BYE!"), 0);
                    public static uint Quit { get; } = BinaryPrimitives.ReadUInt32BigEndian(Encoding.ASCII.GetBytes("QUIT"));
                }
                """);
            test.Sources.Add(SOCK020HostOrderWriteTests.Usings + """
                public sealed class Peer
                {
                    public static int Next(NetworkStream stream)
                    {
                        var header = new byte[4];
                        stream.ReadExactly(header, 0, 4);
                        uint tag = BitConverter.ToUInt32(header, 0);
                        return tag == Tags.Hello ? 1 : tag == Tags.Bye ? 2 : 0;
                    }

                    public static bool IsQuit(NetworkStream stream)
                    {
                        var header = new byte[4];
                        stream.ReadExactly(header, 0, 4);
                        return {|SOCK021:BitConverter.ToUInt32(header, 0)|} == Tags.Quit;
                    }
                }
                """);
            return test.RunAsync();
        }

        [Fact]
        public Task Received_CRC_compared_in_a_helper_with_the_computed_one_is_quiet()
            => Verify.VerifyAnalyzerAsync(SOCK020HostOrderWriteTests.Usings + """
                public static class Crc
                {
                    public static byte[] Calculate(byte[] data) => BitConverter.GetBytes((ushort)data.Length);

                    public static bool Matches(byte[] frame)
                    {
                        var body = new byte[frame.Length - 2];
                        Array.Copy(frame, body, body.Length);
                        ushort calculated = BitConverter.ToUInt16(Calculate(body), 0);
                        ushort stored = BitConverter.ToUInt16(frame, frame.Length - 2);
                        return calculated == stored;
                    }
                }

                public class Receiver
                {
                    public bool ReceiveOne(UdpClient udp)
                    {
                        IPEndPoint from = null;
                        byte[] frame = udp.Receive(ref from);
                        return Crc.Matches(frame);
                    }
                }
                """);

        // The NModbus shape itself: the received CRC is decoded by a helper that returns it, and its caller compares.
        private static string ReturnedBy(string helper, string caller, string extra = "") => SOCK020HostOrderWriteTests.Usings + $$"""
            public static class CrcExtensions
            {
                public static byte[] Calculate(byte[] data) => BitConverter.GetBytes((ushort)data.Length);

                {{helper}}

                public static bool DoesCrcMatch(this byte[] message)
                {
                    var frame = new byte[message.Length - 2];
                    Array.Copy(message, frame, frame.Length);
                    var calculated = BitConverter.ToUInt16(Calculate(frame), 0);
                    {{caller}}
                }
                {{extra}}
            }

            public class Receiver
            {
                public bool ReceiveOne(UdpClient udp)
                {
                    IPEndPoint from = null;
                    byte[] frame = udp.Receive(ref from);
                    return frame.DoesCrcMatch();
                }
            }
            """;

        [Theory]
        [InlineData("public static ushort GetCRC(this byte[] message) => BitConverter.ToUInt16(message, message.Length - 2);", "var messageCrc = message.GetCRC(); return calculated == messageCrc;")]
        [InlineData("public static ushort GetCRC(this byte[] message) { return (BitConverter.ToUInt16(message, message.Length - 2)); }", "return message.GetCRC() != calculated ? false : true;")]
        [InlineData("public static ushort GetCRC(this byte[] message) { var crc = BitConverter.ToUInt16(message, message.Length - 2); return crc; }", "return calculated == CrcExtensions.GetCRC(message);")]
        [InlineData("private static ushort GetCRC(byte[] message) => BitConverter.ToUInt16(message, message.Length - 2);", "ushort stored; stored = GetCRC(message); if (stored != calculated) { return false; } return stored == calculated;")]
        public Task Number_a_helper_returns_and_every_caller_only_compares_with_a_decode_is_quiet(string helper, string caller)
            => Verify.VerifyAnalyzerAsync(ReturnedBy(helper, caller));

        [Theory]
        // One caller uses the number for something else: a sequence number, a length.
        [InlineData("var messageCrc = message.GetCRC(); return calculated == messageCrc;", "public static int Length(byte[] message) => message.GetCRC() + 2;")]
        [InlineData("var messageCrc = message.GetCRC(); return calculated == messageCrc;", "public static void Log(byte[] message) { var crc = message.GetCRC(); Console.WriteLine(crc); }")]
        // Compared with a constant, with a number read little-endian, or the result used after the comparison.
        [InlineData("return message.GetCRC() == 0x1234;", "")]
        [InlineData("return message.GetCRC() == System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(message);", "")]
        [InlineData("var messageCrc = message.GetCRC(); Console.WriteLine(messageCrc); return calculated == messageCrc;", "")]
        // A delegate to the helper: its calls are out of sight.
        [InlineData("var messageCrc = message.GetCRC(); return calculated == messageCrc;", "public static Func<byte[], ushort> Reader = GetCRC;")]
        public Task Number_a_helper_returns_is_reported_when_a_caller_depends_on_its_byte_order(string caller, string extra)
            => Verify.VerifyAnalyzerAsync(ReturnedBy(
                "public static ushort GetCRC(this byte[] message) => [|BitConverter.ToUInt16(message, message.Length - 2)|];", caller, extra));

        [Theory]
        // The helper does something with the number besides returning it, or returns another type.
        [InlineData("public static ushort GetCRC(this byte[] message) { var crc = [|BitConverter.ToUInt16(message, message.Length - 2)|]; Console.WriteLine(crc); return crc; }")]
        [InlineData("public static int GetCRC(this byte[] message) => [|BitConverter.ToUInt16(message, message.Length - 2)|];")]
        [InlineData("public static ushort GetCRC(this byte[] message) => (ushort)(1 + [|BitConverter.ToUInt16(message, message.Length - 2)|]);")]
        public Task Helper_that_does_more_than_return_the_number_is_reported(string helper)
            => Verify.VerifyAnalyzerAsync(ReturnedBy(helper, "var messageCrc = message.GetCRC(); return calculated == messageCrc;"));

        [Fact]
        public Task Helper_reachable_through_an_interface_is_reported()
            => Verify.VerifyAnalyzerAsync(SOCK020HostOrderWriteTests.Usings + """
                public interface ICrc { ushort GetCrc(byte[] message); }

                public sealed class Crc : ICrc
                {
                    public ushort GetCrc(byte[] message) => [|BitConverter.ToUInt16(message, message.Length - 2)|];

                    public bool Matches(byte[] message) => GetCrc(message) == BitConverter.ToUInt16(BitConverter.GetBytes((ushort)message.Length), 0);
                }

                public class Receiver
                {
                    public bool ReceiveOne(UdpClient udp, Crc crc)
                    {
                        IPEndPoint from = null;
                        return crc.Matches(udp.Receive(ref from));
                    }
                }
                """);
    }
}
