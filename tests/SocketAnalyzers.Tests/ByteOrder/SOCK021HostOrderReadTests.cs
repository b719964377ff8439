using System.Threading.Tasks;
using SocketAnalyzers.Tests.Verifiers;
using Xunit;
using Verify = SocketAnalyzers.Tests.Verifiers.AnalyzerVerifier<SocketAnalyzers.ByteOrder.SOCK021HostOrderReadAnalyzer>;

namespace SocketAnalyzers.Tests.ByteOrder
{
    public sealed class SOCK021HostOrderReadTests
    {
        private static string InMethod(string body) => SOCK020HostOrderWriteTests.Usings + $$"""
            class C
            {
                byte[] field = new byte[16];

                async Task<long> M(Socket socket, UdpClient udp, TcpClient tcp, NetworkStream network, SslStream ssl, Stream unknown, byte[] given)
                {
                    long result = 0;
                    var buffer = new byte[16];
                    {{body}}
                    return result;
                }
            }
            """;

        [Theory]
        [InlineData("ToInt16")]
        [InlineData("ToUInt16")]
        [InlineData("ToInt32")]
        [InlineData("ToUInt32")]
        [InlineData("ToInt64")]
        [InlineData("ToUInt64")]
        [InlineData("ToSingle")]
        [InlineData("ToDouble")]
        [InlineData("ToChar")]
        public Task Every_BitConverter_read_of_received_bytes_is_reported(string method)
            => Verify.VerifyAnalyzerAsync(InMethod($"var n = socket.Receive(buffer); if (n >= 8) result = (long)[|BitConverter.{method}(buffer, 0)|];"));

        [Theory]
        [InlineData("var n = socket.Receive(buffer);")]
        [InlineData("var n = socket.Receive(buffer, SocketFlags.None);")]
        [InlineData("var n = socket.Receive(buffer, 0, 8, SocketFlags.None);")]
        [InlineData("var n = socket.Receive(buffer.AsSpan());")]
        [InlineData("var n = await socket.ReceiveAsync(buffer.AsMemory(), SocketFlags.None);")]
        [InlineData("var n = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), SocketFlags.None).ConfigureAwait(false);")]
        [InlineData("EndPoint from = new IPEndPoint(IPAddress.Any, 0); var n = socket.ReceiveFrom(buffer, ref from);")]
        [InlineData("var n = network.Read(buffer, 0, buffer.Length);")]
        [InlineData("var n = network.Read(buffer);")]
        [InlineData("var n = await network.ReadAsync(buffer, 0, 8);")]
        [InlineData("var n = await network.ReadAsync(buffer.AsMemory(0, 8));")]
        [InlineData("network.ReadExactly(buffer, 0, 8); var n = 8;")]
        [InlineData("await network.ReadExactlyAsync(buffer.AsMemory(0, 8)); var n = 8;")]
        [InlineData("var n = network.ReadAtLeast(buffer, 8);")]
        [InlineData("var n = await ssl.ReadAsync(buffer, 0, 8);")]
        [InlineData("var n = tcp.GetStream().Read(buffer, 0, 8);")]
        [InlineData("Stream s = tcp.GetStream(); var n = s.Read(buffer, 0, 8);")]
        public Task BitConverter_read_after_every_network_read_is_reported(string read)
            => Verify.VerifyAnalyzerAsync(InMethod(read + " if (n >= 4) result = [|BitConverter.ToInt32(buffer, 0)|];"));

        [Theory]
        [InlineData("var n = socket.Receive(buffer); if (n >= 8) result = [|BitConverter.ToInt32(buffer.AsSpan(4))|];")]
        [InlineData("var n = socket.Receive(buffer); if (n >= 8) result = [|BitConverter.ToInt32(buffer.AsSpan(4, 4))|];")]
        [InlineData("var n = socket.Receive(buffer); if (n >= 8) result = [|BitConverter.ToInt32(new ReadOnlySpan<byte>(buffer, 4, 4))|];")]
        [InlineData("var n = socket.Receive(buffer); var header = new byte[4]; Buffer.BlockCopy(buffer, 0, header, 0, 4); result = [|BitConverter.ToInt32(header, 0)|] + n;")]
        [InlineData("var n = socket.Receive(buffer); var header = new byte[4]; Array.Copy(buffer, header, 4); result = [|BitConverter.ToUInt32(header, 0)|] + n;")]
        [InlineData("var n = socket.Receive(field); result = [|BitConverter.ToInt64(field, 0)|] + n;")]
        [InlineData("var n = socket.Receive(given); result = [|BitConverter.ToInt64(given, 0)|] + n;")]
        [InlineData("IPEndPoint? from = null; var datagram = udp.Receive(ref from); result = [|BitConverter.ToInt32(datagram, 0)|];")]
        [InlineData("var received = await udp.ReceiveAsync(); result = [|BitConverter.ToInt32(received.Buffer, 0)|];")]
        [InlineData("var n = socket.Receive(buffer); result = [|MemoryMarshal.Read<int>(buffer)|] + n;")]
        [InlineData("var n = socket.Receive(buffer); result = [|Unsafe.ReadUnaligned<int>(ref buffer[4])|] + n;")]
        public Task Received_bytes_through_views_copies_fields_and_datagrams_are_reported(string body)
            => Verify.VerifyAnalyzerAsync(InMethod(body));

        [Theory]
        [InlineData("ReadInt16")]
        [InlineData("ReadUInt16")]
        [InlineData("ReadInt32")]
        [InlineData("ReadUInt32")]
        [InlineData("ReadInt64")]
        [InlineData("ReadUInt64")]
        [InlineData("ReadSingle")]
        [InlineData("ReadDouble")]
        public Task Every_BinaryReader_number_read_over_a_network_stream_is_reported(string method)
            => Verify.VerifyAnalyzerAsync(InMethod($"var reader = new BinaryReader(network); result = (long)[|reader.{method}()|];"));

        [Theory]
        [InlineData("using var reader = new BinaryReader(tcp.GetStream(), Encoding.UTF8, leaveOpen: true); result = [|reader.ReadInt32()|];")]
        [InlineData("result = [|new BinaryReader(ssl).ReadInt64()|];")]
        [InlineData("var n = socket.Receive(buffer); var reader = new BinaryReader(new MemoryStream(buffer, 0, n)); result = [|reader.ReadUInt16()|];")]
        public Task BinaryReader_shapes_over_network_data_are_reported(string body)
            => Verify.VerifyAnalyzerAsync(InMethod(body));

        [Fact]
        public Task Message_names_the_type_and_the_order()
            => Verify.VerifyAnalyzerAsync(InMethod("var n = socket.Receive(buffer); result = {|#0:BitConverter.ToInt32(buffer, 0)|} + n + {|#1:new BinaryReader(network).ReadUInt16()|};"),
                Verify.Diagnostic().WithLocation(0).WithMessage(
                    "The int is read from network data in the host's byte order; network protocols use big-endian (network byte order). Read it big-endian, e.g. with BinaryPrimitives.ReadInt32BigEndian."),
                Verify.Diagnostic().WithLocation(1).WithMessage(
                    "The ushort is read from network data little-endian by BinaryReader; network protocols use big-endian (network byte order). Read it big-endian, e.g. with BinaryPrimitives.ReadUInt16BigEndian."));

        [Theory]
        [InlineData("var n = socket.Receive(buffer); result = IPAddress.NetworkToHostOrder(BitConverter.ToInt32(buffer, 0)) + n;")]
        [InlineData("var n = socket.Receive(buffer); result = BinaryPrimitives.ReverseEndianness(BitConverter.ToUInt32(buffer, 0)) + n;")]
        [InlineData("var n = socket.Receive(buffer); var v = BitConverter.ToInt32(buffer, 0); v = IPAddress.NetworkToHostOrder(v); result = v + n;")]
        [InlineData("var n = socket.Receive(buffer); if (BitConverter.IsLittleEndian) Array.Reverse(buffer, 0, 4); result = BitConverter.ToInt32(buffer, 0) + n;")]
        [InlineData("var n = socket.Receive(buffer); result = BinaryPrimitives.ReadInt32BigEndian(buffer) + n;")]
        [InlineData("var n = socket.Receive(buffer); result = BinaryPrimitives.ReadInt32LittleEndian(buffer) + n;")]
        [InlineData("var n = socket.Receive(buffer); result = BitConverter.ToBoolean(buffer, 0) ? n : 0; result += buffer[1];")]
        [InlineData("result = BitConverter.ToInt32(given, 0);")]
        [InlineData("var data = File.ReadAllBytes(\"x\"); result = BitConverter.ToInt32(data, 0);")]
        [InlineData("var n = unknown.Read(buffer, 0, 4); result = BitConverter.ToInt32(buffer, 0) + n;")]
        [InlineData("result = BitConverter.ToInt32(buffer, 0); var n = socket.Receive(buffer); result += n;")]
        [InlineData("var n = socket.Receive(buffer); var other = new byte[4]; result = BitConverter.ToInt32(other, 0) + n;")]
        [InlineData("var reader = new BinaryReader(network); result = reader.ReadString().Length + reader.ReadByte() + (reader.ReadBoolean() ? 1 : 0) + reader.ReadChar();")]
        [InlineData("var reader = new BinaryReader(unknown); result = reader.ReadInt32();")]
        [InlineData("using var reader = new BinaryReader(File.OpenRead(\"x\")); result = reader.ReadInt32();")]
        [InlineData("var reader = new StreamReader(network); result = int.Parse(reader.ReadLine() ?? \"0\");")]
        [InlineData("var reader = new BinaryReader(network); result = BinaryPrimitives.ReverseEndianness(reader.ReadInt32());")]
        public Task Right_or_unknown_code_is_quiet(string body)
            => Verify.VerifyAnalyzerAsync(InMethod(body));

        [Fact]
        public Task Little_endian_wire_option_turns_the_rule_off()
        {
            var test = new SocketAnalyzerTest { TestCode = InMethod("var n = socket.Receive(buffer); result = BitConverter.ToInt32(buffer, 0) + n + new BinaryReader(network).ReadInt32();") };
            test.EditorConfig = "root = true\n[*.cs]\nsocket_analyzers.wire_byte_order = little_endian";
            return test.RunAsync();
        }

        [Fact]
        public Task Compilation_without_sockets_expects_nothing()
            => Verify.VerifyAnalyzerAsync("""
                using System;
                using System.IO;

                class C
                {
                    int M(Stream s, byte[] b) => s.Read(b, 0, 4) + BitConverter.ToInt32(b, 0);
                }
                """);

        [Fact]
        public Task Broken_code_does_not_crash()
        {
            var test = new SocketAnalyzerTest { TestCode = InMethod("var n = socket.Receive(; result = BitConverter.ToInt32(buffer, ; new BinaryReader().ReadInt32(") };
            test.AllowCompilerErrors = true;
            return test.RunAsync();
        }
    }
}
