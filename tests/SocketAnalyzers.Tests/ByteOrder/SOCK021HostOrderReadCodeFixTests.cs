using System.Threading.Tasks;
using SocketAnalyzers.CodeFixes.ByteOrder;
using SocketAnalyzers.Tests.Verifiers;
using Xunit;
using Verify = SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<
    SocketAnalyzers.ByteOrder.SOCK021HostOrderReadAnalyzer,
    SocketAnalyzers.CodeFixes.ByteOrder.SOCK021HostOrderReadCodeFixProvider>;

namespace SocketAnalyzers.Tests.ByteOrder
{
    public sealed class SOCK021HostOrderReadCodeFixTests
    {
        private static string InMethod(string body) => SOCK020HostOrderWriteTests.Usings + $$"""
            class C
            {
                async Task<double> M(Socket socket, NetworkStream network)
                {
                    var buffer = new byte[16];
                    var n = await socket.ReceiveAsync(buffer.AsMemory(), SocketFlags.None);
                    {{body}}
                }
            }
            """;

        [Theory]
        [InlineData("ToInt16(buffer, 2)", "BinaryPrimitives.ReadInt16BigEndian(buffer.AsSpan(2))")]
        [InlineData("ToUInt16(buffer, 2)", "BinaryPrimitives.ReadUInt16BigEndian(buffer.AsSpan(2))")]
        [InlineData("ToInt32(buffer, 0)", "BinaryPrimitives.ReadInt32BigEndian(buffer)")]
        [InlineData("ToUInt32(buffer, n - 4)", "BinaryPrimitives.ReadUInt32BigEndian(buffer.AsSpan(n - 4))")]
        [InlineData("ToInt64(buffer, 8)", "BinaryPrimitives.ReadInt64BigEndian(buffer.AsSpan(8))")]
        [InlineData("ToUInt64(buffer.AsSpan(8))", "BinaryPrimitives.ReadUInt64BigEndian(buffer.AsSpan(8))")]
        [InlineData("ToSingle(buffer, 4)", "BinaryPrimitives.ReadSingleBigEndian(buffer.AsSpan(4))")]
        [InlineData("ToDouble(buffer, 8)", "BinaryPrimitives.ReadDoubleBigEndian(buffer.AsSpan(8))")]
        [InlineData("ToChar(buffer, 2)", "(char)BinaryPrimitives.ReadUInt16BigEndian(buffer.AsSpan(2))")]
        public Task BitConverter_read_becomes_BinaryPrimitives(string read, string fixedRead)
            => Verify.VerifyCodeFixAsync(
                InMethod($"return n < 16 ? 0 : [|BitConverter.{read}|];"),
                InMethod($"return n < 16 ? 0 : {fixedRead};"));

        [Theory]
        [InlineData("ToInt16(buffer, 2)", "IPAddress.NetworkToHostOrder(BitConverter.ToInt16(buffer, 2))")]
        [InlineData("ToInt32(buffer, 0)", "IPAddress.NetworkToHostOrder(BitConverter.ToInt32(buffer, 0))")]
        [InlineData("ToInt64(buffer, 8)", "IPAddress.NetworkToHostOrder(BitConverter.ToInt64(buffer, 8))")]
        [InlineData("ToUInt16(buffer, 2)", "unchecked((ushort)IPAddress.NetworkToHostOrder(BitConverter.ToInt16(buffer, 2)))")]
        [InlineData("ToUInt32(buffer, 0)", "unchecked((uint)IPAddress.NetworkToHostOrder(BitConverter.ToInt32(buffer, 0)))")]
        [InlineData("ToUInt64(buffer, 8)", "unchecked((ulong)IPAddress.NetworkToHostOrder(BitConverter.ToInt64(buffer, 8)))")]
        [InlineData("ToChar(buffer, 2)", "unchecked((char)IPAddress.NetworkToHostOrder(BitConverter.ToInt16(buffer, 2)))")]
        [InlineData("ToSingle(buffer, 4)", "BitConverter.Int32BitsToSingle(IPAddress.NetworkToHostOrder(BitConverter.ToInt32(buffer, 4)))")]
        [InlineData("ToDouble(buffer, 8)", "BitConverter.Int64BitsToDouble(IPAddress.NetworkToHostOrder(BitConverter.ToInt64(buffer, 8)))")]
        public Task NetworkToHostOrder_variant_wraps_the_read(string read, string fixedRead)
        {
            var test = Verify.Test(
                InMethod($"return n < 16 ? 0 : [|BitConverter.{read}|];"),
                InMethod($"return n < 16 ? 0 : {fixedRead};"));
            test.CodeActionEquivalenceKey = SOCK021HostOrderReadCodeFixProvider.NetworkToHostOrderKey;
            return test.RunAsync();
        }

        [Fact]
        public Task Cast_result_keeps_member_access_bound()
            => Verify.VerifyCodeFixAsync(
                InMethod("return n < 16 ? 0 : [|BitConverter.ToChar(buffer, 2)|].GetHashCode();"),
                InMethod("return n < 16 ? 0 : ((char)BinaryPrimitives.ReadUInt16BigEndian(buffer.AsSpan(2))).GetHashCode();"));

        [Theory]
        [InlineData("ReadInt16()", "BinaryPrimitives.ReverseEndianness(reader.ReadInt16())")]
        [InlineData("ReadUInt16()", "BinaryPrimitives.ReverseEndianness(reader.ReadUInt16())")]
        [InlineData("ReadInt32()", "BinaryPrimitives.ReverseEndianness(reader.ReadInt32())")]
        [InlineData("ReadUInt32()", "BinaryPrimitives.ReverseEndianness(reader.ReadUInt32())")]
        [InlineData("ReadInt64()", "BinaryPrimitives.ReverseEndianness(reader.ReadInt64())")]
        [InlineData("ReadUInt64()", "BinaryPrimitives.ReverseEndianness(reader.ReadUInt64())")]
        [InlineData("ReadSingle()", "BitConverter.Int32BitsToSingle(BinaryPrimitives.ReverseEndianness(reader.ReadInt32()))")]
        [InlineData("ReadDouble()", "BitConverter.Int64BitsToDouble(BinaryPrimitives.ReverseEndianness(reader.ReadInt64()))")]
        public Task BinaryReader_read_is_reversed_to_big_endian(string read, string fixedRead)
            => Verify.VerifyCodeFixAsync(
                InMethod($"var reader = new BinaryReader(network);\n        return 1.0 * n + [|reader.{read}|];"),
                InMethod($"var reader = new BinaryReader(network);\n        return 1.0 * n + {fixedRead};"));

        [Fact]
        public Task Reader_in_a_field_is_fixed_like_a_local_one()
            => Verify.VerifyCodeFixAsync(SOCK020HostOrderWriteTests.Usings + """
                sealed class Connection
                {
                    private readonly BinaryReader reader;

                    public Connection(NetworkStream stream) => reader = new BinaryReader(stream);

                    public int ReadLength() => [|reader.ReadInt32()|];
                }
                """, SOCK020HostOrderWriteTests.Usings + """
                sealed class Connection
                {
                    private readonly BinaryReader reader;

                    public Connection(NetworkStream stream) => reader = new BinaryReader(stream);

                    public int ReadLength() => BinaryPrimitives.ReverseEndianness(reader.ReadInt32());
                }
                """);

        [Theory]
        [InlineData("MemoryMarshal.Read<int>(buffer.AsSpan(4))", "BinaryPrimitives.ReadInt32BigEndian(buffer.AsSpan(4))")]
        [InlineData("Unsafe.ReadUnaligned<long>(ref buffer[8])", "BinaryPrimitives.ReadInt64BigEndian(buffer.AsSpan(8))")]
        public Task Span_reads_become_BinaryPrimitives(string read, string fixedRead)
            => Verify.VerifyCodeFixAsync(
                InMethod($"return n + [|{read}|];"),
                InMethod($"return n + {fixedRead};"));

        [Fact]
        public Task Fix_All_fixes_every_field_of_a_header()
            => Verify.VerifyCodeFixAsync(
                InMethod("""
                    if (n < 6) return 0;
                            var length = [|BitConverter.ToInt32(buffer, 0)|];
                            var kind = [|BitConverter.ToUInt16(buffer, 4)|];
                            return length + kind + n;
                    """),
                InMethod("""
                    if (n < 6) return 0;
                            var length = BinaryPrimitives.ReadInt32BigEndian(buffer);
                            var kind = BinaryPrimitives.ReadUInt16BigEndian(buffer.AsSpan(4));
                            return length + kind + n;
                    """));

        private const string NetStandardSource = """
            using System;
            using System.Net.Sockets;

            class C
            {
                int M(Socket socket)
                {
                    var buffer = new byte[8];
                    var n = socket.Receive(buffer);
                    return n + [|BitConverter.ToInt32(buffer, 4)|];
                }
            }
            """;

        [Fact]
        public Task Netstandard20_without_System_Memory_gets_the_IPAddress_form()
        {
            var test = Verify.Test(NetStandardSource, """
                using System;
                using System.Net;
                using System.Net.Sockets;

                class C
                {
                    int M(Socket socket)
                    {
                        var buffer = new byte[8];
                        var n = socket.Receive(buffer);
                        return n + IPAddress.NetworkToHostOrder(BitConverter.ToInt32(buffer, 4));
                    }
                }
                """);
            test.References = ReferenceSet.NetStandard20;
            return test.RunAsync();
        }

        [Fact]
        public Task Netstandard20_with_System_Memory_gets_BinaryPrimitives()
        {
            var test = Verify.Test(NetStandardSource, """
                using System;
                using System.Buffers.Binary;
                using System.Net.Sockets;

                class C
                {
                    int M(Socket socket)
                    {
                        var buffer = new byte[8];
                        var n = socket.Receive(buffer);
                        return n + BinaryPrimitives.ReadInt32BigEndian(buffer.AsSpan(4));
                    }
                }
                """);
            test.References = ReferenceSet.NetStandard20WithSystemMemory;
            return test.RunAsync();
        }

        /// <summary>
        /// A finding across methods (made at compilation end, issue 9: a reader whose field another method fills from the
        /// network) is at the read, so the same fix applies, with Fix All in every scope. As for SOCK020's, the library's
        /// non-local-diagnostic check is skipped: compilation-end findings are non-local by construction.
        /// </summary>
        [Fact]
        public Task Findings_across_methods_are_fixed_at_the_read_with_Fix_All()
        {
            var test = Verify.Test(
                SOCK020HostOrderWriteTests.Usings + """
                    sealed class Frame
                    {
                        private readonly byte[] bytes = new byte[8];
                        private int count;

                        public bool Fill(Socket socket) => (count = socket.Receive(bytes)) == bytes.Length;

                        public int Id() => [|BitConverter.ToInt32(bytes, 0)|];

                        public int Size() => [|BitConverter.ToInt32(bytes, 4)|];
                    }
                    """,
                SOCK020HostOrderWriteTests.Usings + """
                    sealed class Frame
                    {
                        private readonly byte[] bytes = new byte[8];
                        private int count;

                        public bool Fill(Socket socket) => (count = socket.Receive(bytes)) == bytes.Length;

                        public int Id() => BinaryPrimitives.ReadInt32BigEndian(bytes);

                        public int Size() => BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(4));
                    }
                    """);
            test.CodeFixTestBehaviors |= Microsoft.CodeAnalysis.Testing.CodeFixTestBehaviors.SkipLocalDiagnosticCheck;
            return test.RunAsync();
        }
    }
}
