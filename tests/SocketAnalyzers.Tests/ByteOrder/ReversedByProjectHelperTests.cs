using System.Threading.Tasks;
using Xunit;
using Verify = SocketAnalyzers.Tests.Verifiers.AnalyzerVerifier<SocketAnalyzers.ByteOrder.SOCK020HostOrderWriteAnalyzer>;

namespace SocketAnalyzers.Tests.ByteOrder
{
    /// <summary>
    /// Bytes handed to a method of the project that reverses or rewrites them in place (the project's own byte swap,
    /// <c>if (BitConverter.IsLittleEndian) Array.Reverse(b);</c>) are no longer in the host's order: SOCK020 stays quiet on
    /// the write and SOCK021 on the read, as after an <c>Array.Reverse</c> written in the body (the fresh9 audit's
    /// Stephano1221/Chat finding). A helper that only reads the bytes (logs, copies them out, sends them) changes nothing.
    /// </summary>
    public sealed class ReversedByProjectHelperTests
    {
        private static string Code(string helper, string body) => SOCK020HostOrderWriteTests.Usings + $$"""
            public class Framer
            {
                {{helper}}

                public int M(NetworkStream stream, int length)
                {
                    {{body}}
                }
            }
            """;

        private const string Write = "byte[] prefix = BitConverter.GetBytes(length); Swap(prefix); stream.Write(prefix, 0, prefix.Length); return 0;";

        private const string Read = "var header = new byte[4]; stream.ReadExactly(header, 0, 4); Swap(header); return BitConverter.ToInt32(header, 0);";

        [Theory]
        [InlineData("private static void Swap(byte[] bytes) { if (BitConverter.IsLittleEndian) { Array.Reverse(bytes); } }")]
        [InlineData("public void Swap(byte[] b) => Array.Reverse(b, 0, b.Length);")]
        [InlineData("static void Swap(byte[] b) { if (BitConverter.IsLittleEndian) b.AsSpan(0, 4).Reverse(); }")]
        [InlineData("static void Swap(byte[] b) { byte t = b[0]; b[0] = b[3]; b[3] = t; t = b[1]; b[1] = b[2]; b[2] = t; }")]
        [InlineData("static void Swap(byte[] b) { var copy = (byte[])b.Clone(); Array.Reverse(copy); Buffer.BlockCopy(copy, 0, b, 0, 4); }")]
        [InlineData("static void Swap(byte[] b) { BinaryPrimitives.WriteInt32BigEndian(b, BitConverter.ToInt32(b, 0)); }")]
        public Task Bytes_a_project_helper_reverses_in_place_are_not_host_order(string helper)
            => Verify.VerifyAnalyzerAsync(Code(helper, Write));

        [Theory]
        [InlineData("private static void Swap(byte[] bytes) { if (BitConverter.IsLittleEndian) { Array.Reverse(bytes); } }")]
        [InlineData("static void Swap(byte[] b) { (b[0], b[3]) = (b[3], b[0]); (b[1], b[2]) = (b[2], b[1]); }")]
        public Task Received_bytes_a_project_helper_reverses_in_place_are_not_host_order(string helper)
            => Verify.VerifyAnalyzerAsync(Code(helper, Read));

        [Theory]
        [InlineData("static void Swap(byte[] b) { Console.WriteLine(BitConverter.ToString(b)); }")]
        [InlineData("static void Swap(byte[] b) { var copy = new byte[4]; Array.Copy(b, copy, 4); Array.Reverse(copy); Console.WriteLine(copy[0]); }")]
        [InlineData("static void Swap(byte[] b) { var other = new byte[4]; Array.Reverse(other); Console.WriteLine(b.Length); }")]
        public Task Write_through_a_helper_that_only_reads_the_bytes_is_reported(string helper)
            => Verify.VerifyAnalyzerAsync(Code(helper, "byte[] prefix = {|SOCK020:BitConverter.GetBytes(length)|}; Swap(prefix); stream.Write(prefix, 0, prefix.Length); return 0;"));

        [Fact]
        public Task Read_after_a_helper_that_only_logs_the_bytes_is_reported()
            => Verify.VerifyAnalyzerAsync(Code(
                "static void Swap(byte[] b) { Console.WriteLine(BitConverter.ToString(b)); }",
                "var header = new byte[4]; stream.ReadExactly(header, 0, 4); Swap(header); return {|SOCK021:BitConverter.ToInt32(header, 0)|};"));

        /// <summary>
        /// A helper that returns the bytes reversed on a little-endian host and as they are on a big-endian one (fresh54,
        /// tuyanet's <c>BigEndian(seq) =&gt; BitConverter.IsLittleEndian ? seq.Reverse() : seq</c>): its result is in network
        /// order on every host, through LINQ or an array. The same helper with the test the wrong way round (or none) still
        /// hands back the host's order.
        /// </summary>
        [Theory]
        [InlineData("static IEnumerable<byte> Net(IEnumerable<byte> seq) => BitConverter.IsLittleEndian ? seq.Reverse() : seq;", "BitConverter.ToInt32(Net(header.Skip(12).Take(4)).ToArray(), 0)")]
        [InlineData("static IEnumerable<byte> Net(IEnumerable<byte> seq) => !BitConverter.IsLittleEndian ? seq : seq.Reverse();", "BitConverter.ToInt32(Net(header.Skip(12).Take(4)).ToArray(), 0)")]
        [InlineData("static byte[] Net(byte[] b) { return BitConverter.IsLittleEndian == true ? b.Reverse().ToArray() : b; }", "BitConverter.ToInt32(Net(header.Skip(12).Take(4).ToArray()), 0)")]
        [InlineData("static IEnumerable<byte> Net(IEnumerable<byte> seq) => BitConverter.IsLittleEndian ? seq : seq.Reverse();", "{|SOCK021:BitConverter.ToInt32(Net(header.Skip(12).Take(4)).ToArray(), 0)|}")]
        [InlineData("static IEnumerable<byte> Net(IEnumerable<byte> seq) => seq;", "{|SOCK021:BitConverter.ToInt32(Net(header.Skip(12).Take(4)).ToArray(), 0)|}")]
        public Task Bytes_a_helper_returns_reversed_only_on_a_little_endian_host_are_network_order(string helper, string decode)
            => Verify.VerifyAnalyzerAsync(Code(helper, "var header = new byte[16]; stream.ReadExactly(header); return " + decode + ";"));

        [Fact]
        public Task Write_of_bytes_a_helper_returns_reversed_only_on_a_little_endian_host_is_quiet()
            => Verify.VerifyAnalyzerAsync(Code(
                "static byte[] Net(byte[] b) => BitConverter.IsLittleEndian ? b.Reverse().ToArray() : b;",
                "var prefix = Net(BitConverter.GetBytes(length)); stream.Write(prefix, 0, prefix.Length); return 0;"));

        /// <summary>
        /// A class of the project derived from <c>BinaryWriter</c> or <c>BinaryReader</c> that overrides the member called
        /// (fresh56's VNC client: <c>BigEndianBinaryWriter</c> and <c>BigEndianBinaryReader</c> reverse the bytes): through a
        /// field or local of the base type given it, or of its own type, the call is the override's business. A member the
        /// class does not override is still the framework's little-endian one.
        /// </summary>
        [Theory]
        [InlineData("BinaryWriter", "writer.Write(value);")]
        [InlineData("BigEndianWriter", "writer.Write(value);")]
        [InlineData("BinaryWriter", "{|SOCK020:writer.Write((long)value)|};")]
        public Task Write_through_a_project_writer_that_overrides_it_is_its_own_business(string fieldType, string write)
            => Verify.VerifyAnalyzerAsync(SOCK020HostOrderWriteTests.Usings + $$"""
                public class Conn
                {
                    private TcpClient tcp;
                    private {{fieldType}} writer;

                    public void Open(string host, int port)
                    {
                        tcp = new TcpClient();
                        tcp.Connect(host, port);
                        writer = new BigEndianWriter(tcp.GetStream());
                    }

                    public void WriteU32(uint value) { {{write}} }

                    private sealed class BigEndianWriter : BinaryWriter
                    {
                        public BigEndianWriter(Stream s) : base(s) { }

                        public override void Write(uint value)
                        {
                            byte[] b = BitConverter.GetBytes(value);
                            Array.Reverse(b);
                            base.Write(b);
                        }
                    }
                }
                """);

        [Fact]
        public Task Read_through_a_project_reader_that_overrides_it_is_its_own_business()
            => Verify.VerifyAnalyzerAsync(SOCK020HostOrderWriteTests.Usings + """
                public class Conn
                {
                    private BinaryReader reader;

                    public void Open(TcpClient tcp) => reader = new BigEndianReader(tcp.GetStream());

                    public uint ReadU32() => reader.ReadUInt32();

                    private sealed class BigEndianReader : BinaryReader
                    {
                        public BigEndianReader(Stream s) : base(s) { }

                        public override uint ReadUInt32() => BinaryPrimitives.ReadUInt32BigEndian(ReadBytes(4));
                    }
                }
                """);
    }
}
