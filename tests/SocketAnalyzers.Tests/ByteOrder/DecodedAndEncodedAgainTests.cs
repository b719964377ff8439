using System.Threading.Tasks;
using Xunit;
using Verify = SocketAnalyzers.Tests.Verifiers.AnalyzerVerifier<SocketAnalyzers.ByteOrder.SOCK021HostOrderReadAnalyzer>;

namespace SocketAnalyzers.Tests.ByteOrder
{
    /// <summary>
    /// fresh68 FALSE 1 and 2 (a game-server query client): the challenge number an A2S server sends is read with
    /// <c>BitConverter.ToInt32</c> and sent back with <c>BitConverter.GetBytes</c>. Decoded and encoded again in the same
    /// order and width, the bytes that go out are the bytes that came in on any CPU: neither SOCK021 at the read nor
    /// SOCK020 at the write. Followed through a local given only the read and through a parameter of a private method of
    /// the same type; arithmetic, another width, another order, another value or a caller not seen keep the reports.
    /// </summary>
    public sealed class DecodedAndEncodedAgainTests
    {
        private static string Query(string info, string send = "") => SOCK020HostOrderWriteTests.Usings + $$"""
            class Query
            {
                private readonly UdpClient udp = new UdpClient();
                private readonly TcpClient tcp = new TcpClient("localhost", 27015);
                private IPEndPoint server = new IPEndPoint(IPAddress.Loopback, 27015);

                public void Info()
                {
                    udp.Send(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0x55, 0xFF, 0xFF, 0xFF, 0xFF }, 9, server);
                    var response = udp.Receive(ref server);
                    if (response.Length < 9 || response[4] != 0x41)
                    {
                        return;
                    }

            {{info}}
                }

            {{send}}
            }
            """;

        private const string DefaultSend = """
                private void SendWithChallenge(int challenge)
                {
                    var packet = new byte[9];
                    packet[4] = 0x55;
                    Array.Copy(BitConverter.GetBytes(challenge), 0, packet, 5, 4);
                    udp.Send(packet, packet.Length, server);
                }
            """;

        /// <summary>The same method, its write reported (SOCK020).</summary>
        private static readonly string ReportedSend = DefaultSend.Replace("Array.Copy(BitConverter.GetBytes(challenge)", "Array.Copy({|SOCK020:BitConverter.GetBytes(challenge)|}");

        [Theory]
        // Through a local, encoded in the same method.
        [InlineData("int challenge = BitConverter.ToInt32(response, 5); var packet = new byte[9]; Array.Copy(BitConverter.GetBytes(challenge), 0, packet, 5, 4); udp.Send(packet, packet.Length, server);")]
        // Through a private method's parameter.
        [InlineData("int challenge = BitConverter.ToInt32(response, 5); SendWithChallenge(challenge);")]
        [InlineData("SendWithChallenge(BitConverter.ToInt32(response, 5));")]
        // The read straight into the write.
        [InlineData("udp.Send(BitConverter.GetBytes(BitConverter.ToInt32(response, 5)), 4, server);")]
        // BinaryReader and BinaryWriter: little-endian both, on any CPU.
        [InlineData("using var reader = new BinaryReader(new MemoryStream(response)); int challenge = reader.ReadInt32(); using var writer = new BinaryWriter(tcp.GetStream()); writer.Write(challenge);")]
        public Task Number_decoded_and_encoded_again_in_the_same_order_is_quiet(string info)
            => Verify.VerifyAnalyzerAsync(Query(info, info.Contains("SendWithChallenge") ? DefaultSend : ""));

        [Theory]
        // Arithmetic: the bytes that go out are not the ones that came in.
        [InlineData("int challenge = [|BitConverter.ToInt32(response, 5)|]; udp.Send({|SOCK020:BitConverter.GetBytes(challenge + 1)|}, 4, server);")]
        [InlineData("int challenge = [|BitConverter.ToInt32(response, 5)|]; challenge++; udp.Send({|SOCK020:BitConverter.GetBytes(challenge)|}, 4, server);")]
        // Another width.
        [InlineData("short challenge = [|BitConverter.ToInt16(response, 5)|]; udp.Send({|SOCK020:BitConverter.GetBytes((int)challenge)|}, 4, server);")]
        // Another order: host order in, little-endian out.
        [InlineData("int challenge = [|BitConverter.ToInt32(response, 5)|]; using var writer = new BinaryWriter(tcp.GetStream()); {|SOCK020:writer.Write(challenge)|};")]
        public Task Number_whose_bytes_change_on_the_way_back_is_reported(string info)
            => Verify.VerifyAnalyzerAsync(Query(info));

        [Fact]
        public Task Number_also_shown_is_reported_at_the_read_only()
            => Verify.VerifyAnalyzerAsync(Query("int challenge = [|BitConverter.ToInt32(response, 5)|]; Console.WriteLine(challenge); udp.Send(BitConverter.GetBytes(challenge), 4, server);"));

        [Fact]
        public Task Private_method_also_given_another_number_is_reported_at_the_write_only()
            => Verify.VerifyAnalyzerAsync(Query(
                "SendWithChallenge(BitConverter.ToInt32(response, 5)); SendWithChallenge(-1 + response[0]);",
                ReportedSend));

        [Fact]
        public Task Method_other_code_may_call_is_reported_at_both_ends()
            => Verify.VerifyAnalyzerAsync(Query(
                "SendWithChallenge([|BitConverter.ToInt32(response, 5)|]);",
                ReportedSend.Replace("private void", "public void")));

        [Fact]
        public Task Private_method_used_as_a_delegate_is_reported_at_the_write()
            => Verify.VerifyAnalyzerAsync(Query(
                "SendWithChallenge(BitConverter.ToInt32(response, 5)); Action<int> later = SendWithChallenge; later(7);",
                ReportedSend));
    }
}
