using System.Threading.Tasks;
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
    }
}
