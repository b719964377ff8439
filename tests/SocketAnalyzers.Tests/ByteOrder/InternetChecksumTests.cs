using System.Threading.Tasks;
using Xunit;
using Verify020 = SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<SocketAnalyzers.ByteOrder.SOCK020HostOrderWriteAnalyzer, SocketAnalyzers.CodeFixes.ByteOrder.SOCK020HostOrderWriteCodeFixProvider>;
using Verify021 = SocketAnalyzers.Tests.Verifiers.AnalyzerVerifier<SocketAnalyzers.ByteOrder.SOCK021HostOrderReadAnalyzer>;

namespace SocketAnalyzers.Tests.ByteOrder
{
    /// <summary>
    /// The Internet checksum (RFC 1071) summed from 16-bit words read in the host's order and stored back in it is right on
    /// the wire on any CPU: SOCK020 leaves out its store, and SOCK021 a host-order read into the checksum member (fresh63
    /// FALSE 2 to 5: Richard Blum's <c>ICMP</c> class in a course's ping and traceroute). The type's other numbers, a sum of
    /// big-endian words, and a member named for a checksum in a type with no such sum are reported as before.
    /// </summary>
    public sealed class InternetChecksumTests
    {
        private const string Usings = "using System;\nusing System.Net;\nusing System.Net.Sockets;\n\n";

        /// <summary>Blum's ICMP class (its <c>GetBytes</c> writes <paramref name="writes"/>), its <c>GetChecksum</c> (<paramref name="sum"/> is the loop's statement and <paramref name="returned"/> the result), and a ping that sends it and reads the reply.</summary>
        private static string Icmp(string fields, string reads, string writes, string sum, string returned) => Usings + $$"""
            class ICMP
            {
                public byte Type;
                public byte Code;
                {{fields}}
                public int MessageSize;
                public byte[] Message = new byte[1024];

                public ICMP()
                {
                }

                public ICMP(byte[] data, int size)
                {
                    Type = data[20];
                    Code = data[21];
                    {{reads}}
                    MessageSize = size - 24;
                    Buffer.BlockCopy(data, 24, Message, 0, MessageSize);
                }

                public byte[] GetBytes()
                {
                    byte[] data = new byte[MessageSize + 9];
                    data[0] = Type;
                    data[1] = Code;
                    {{writes}}
                    Buffer.BlockCopy(Message, 0, data, 4, MessageSize);
                    return data;
                }

                public UInt16 GetChecksum()
                {
                    UInt32 chcksm = 0;
                    byte[] data = GetBytes();
                    int packetsize = MessageSize + 8;
                    int index = 0;
                    while (index < packetsize)
                    {
                        {{sum}}
                        index += 2;
                    }

                    chcksm = (chcksm >> 16) + (chcksm & 0xffff);
                    chcksm += (chcksm >> 16);
                    return {{returned}};
                }
            }

            class Pinger
            {
                public ICMP Ping(Socket host, EndPoint target)
                {
                    var packet = new ICMP { Type = 8, Code = 0, MessageSize = 4 };
                    packet.Checksum = 0;
                    packet.Checksum = packet.GetChecksum();
                    host.SendTo(packet.GetBytes(), packet.MessageSize + 8, SocketFlags.None, target);
                    var reply = new byte[1024];
                    int received = host.ReceiveFrom(reply, ref target);
                    return new ICMP(reply, received);
                }
            }
            """;

        private const string Blum = "chcksm += Convert.ToUInt32(BitConverter.ToUInt16(data, index));";
        private const string Complement = "(UInt16)(~chcksm)";

        [Theory]
        [InlineData(Blum, Complement)]
        [InlineData("chcksm = chcksm + BitConverter.ToUInt16(data, index);", "(ushort)~chcksm")]
        [InlineData(Blum, "(ushort)(~chcksm & 0xFFFF)")]
        public Task The_store_and_the_read_of_a_checksum_summed_in_host_order_are_quiet(string sum, string returned)
            => Verify020.VerifyAnalyzerAsync(Icmp(
                "public UInt16 Checksum;",
                "Checksum = BitConverter.ToUInt16(data, 22);",
                "Buffer.BlockCopy(BitConverter.GetBytes(Checksum), 0, data, 2, 2);",
                sum,
                returned));

        [Fact]
        public Task The_checksum_read_in_host_order_from_a_reply_is_quiet_for_SOCK021()
            => Verify021.VerifyAnalyzerAsync(Icmp(
                "public UInt16 Checksum;",
                "Checksum = BitConverter.ToUInt16(data, 22);",
                "Buffer.BlockCopy(BitConverter.GetBytes(Checksum), 0, data, 2, 2);",
                Blum,
                Complement));

        [Fact]
        public Task The_type_s_other_numbers_are_still_reported()
            => Verify020.VerifyAnalyzerAsync(Icmp(
                "public UInt16 Checksum;\n    public UInt16 Identifier;",
                "Checksum = BitConverter.ToUInt16(data, 22);\n        Identifier = {|SOCK021:BitConverter.ToUInt16(data, 24)|};",
                "Buffer.BlockCopy(BitConverter.GetBytes(Checksum), 0, data, 2, 2);\n        Buffer.BlockCopy([|BitConverter.GetBytes(Identifier)|], 0, data, 4, 2);",
                Blum,
                Complement));

        [Theory]
        // A sum of big-endian words stored in host order is wrong on a little-endian host.
        [InlineData("chcksm += (UInt32)((data[index] << 8) | data[index + 1]);", Complement)]
        // No complement: not the Internet checksum.
        [InlineData(Blum, "(UInt16)chcksm")]
        public Task A_checksum_member_of_a_type_whose_sum_is_not_in_host_order_is_reported(string sum, string returned)
            => Verify020.VerifyAnalyzerAsync(Icmp(
                "public UInt16 Checksum;",
                "Checksum = {|SOCK021:BitConverter.ToUInt16(data, 22)|};",
                "Buffer.BlockCopy([|BitConverter.GetBytes(Checksum)|], 0, data, 2, 2);",
                sum,
                returned));

        [Fact]
        public Task A_number_of_another_name_is_reported_even_beside_a_checksum_method()
            => Verify020.VerifyAnalyzerAsync(Icmp(
                "public UInt16 Checksum;\n    public UInt16 Crc;",
                "Checksum = BitConverter.ToUInt16(data, 22);\n        Crc = {|SOCK021:BitConverter.ToUInt16(data, 26)|};",
                "Buffer.BlockCopy(BitConverter.GetBytes(Checksum), 0, data, 2, 2);\n        Buffer.BlockCopy([|BitConverter.GetBytes(Crc)|], 0, data, 6, 2);",
                Blum,
                Complement));

        [Fact]
        public Task The_result_of_a_checksum_method_written_in_host_order_is_quiet()
            => Verify020.VerifyAnalyzerAsync(Usings + """
                class Packet
                {
                    public static ushort Sum(byte[] data)
                    {
                        uint sum = 0;
                        for (int i = 0; i + 1 < data.Length; i += 2)
                        {
                            sum += BitConverter.ToUInt16(data, i);
                        }

                        sum = (sum >> 16) + (sum & 0xFFFF);
                        sum += sum >> 16;
                        return (ushort)~sum;
                    }

                    public static void Send(Socket socket, byte[] packet)
                    {
                        Buffer.BlockCopy(BitConverter.GetBytes(Sum(packet)), 0, packet, 2, 2);
                        socket.Send(packet);
                    }
                }
                """);
    }
}
