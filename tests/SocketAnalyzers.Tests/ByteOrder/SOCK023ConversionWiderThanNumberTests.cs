using System.Threading.Tasks;
using SocketAnalyzers.ByteOrder;
using Xunit;
using Verify = SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<
    SocketAnalyzers.ByteOrder.SOCK023ConversionWiderThanNumberAnalyzer,
    SocketAnalyzers.CodeFixes.ByteOrder.SOCK023ConversionWiderThanNumberCodeFixProvider>;

namespace SocketAnalyzers.Tests.ByteOrder
{
    public sealed class SOCK023ConversionWiderThanNumberTests
    {
        private const string Usings = """
            using System;
            using System.Buffers.Binary;
            using System.IO;
            using System.Linq;
            using System.Net;
            using System.Net.Sockets;

            """;

        private static string InMethod(string body) => Usings + $$"""
            class C
            {
                int Port { get; set; }

                void M(Stream stream, Socket socket, byte[] packet, byte[] received, ushort sport, short shortPort, int port, int localPort, int length, int report, int count, uint id, bool flag)
                {
                    {{body}}
                }
            }
            """;

        /// <summary>Each way a 16-bit number is known and each way the result is kept two bytes wide, with the fix.</summary>
        [Theory]
        [InlineData(
            "ushort wire = (ushort){|#0:IPAddress.HostToNetworkOrder(sport)|};",
            "ushort wire = (ushort)IPAddress.HostToNetworkOrder((short)sport);")]
        [InlineData(
            "short wire = (short){|#0:IPAddress.HostToNetworkOrder((int)sport)|};",
            "short wire = (short)IPAddress.HostToNetworkOrder((short)sport);")]
        [InlineData(
            "ushort wire = (ushort){|#0:IPAddress.HostToNetworkOrder(port)|};",
            "ushort wire = (ushort)IPAddress.HostToNetworkOrder((short)port);")]
        [InlineData(
            "ushort wire = (ushort){|#0:IPAddress.NetworkToHostOrder(Port)|};",
            "ushort wire = (ushort)IPAddress.NetworkToHostOrder((short)Port);")]
        [InlineData(
            "short wire = (short){|#0:IPAddress.HostToNetworkOrder(8080)|};",
            "short wire = (short)IPAddress.HostToNetworkOrder((short)8080);")]
        [InlineData(
            "short wire = (short){|#0:IPAddress.HostToNetworkOrder(50000)|};",
            "short wire = (short)IPAddress.HostToNetworkOrder(unchecked((short)50000));")]
        [InlineData(
            "ushort wire = (ushort){|#0:BinaryPrimitives.ReverseEndianness((uint)sport)|};",
            "ushort wire = (ushort)BinaryPrimitives.ReverseEndianness(sport);")]
        [InlineData(
            "int wire = (int){|#0:IPAddress.HostToNetworkOrder((long)count)|};",
            "int wire = (int)IPAddress.HostToNetworkOrder(count);")]
        [InlineData(
            "Buffer.BlockCopy(BitConverter.GetBytes({|#0:IPAddress.HostToNetworkOrder(localPort)|}), 0, packet, 8, 2);",
            "Buffer.BlockCopy(BitConverter.GetBytes(IPAddress.HostToNetworkOrder((short)localPort)), 0, packet, 8, 2);")]
        [InlineData(
            "Array.Copy(BitConverter.GetBytes({|#0:IPAddress.HostToNetworkOrder(port)|}), 0, packet, 2, 2);",
            "Array.Copy(BitConverter.GetBytes(IPAddress.HostToNetworkOrder((short)port)), 0, packet, 2, 2);")]
        [InlineData(
            "var bytes = BitConverter.GetBytes({|#0:IPAddress.HostToNetworkOrder(port)|}); stream.Write(bytes, 0, 2);",
            "var bytes = BitConverter.GetBytes(IPAddress.HostToNetworkOrder((short)port)); stream.Write(bytes, 0, 2);")]
        [InlineData(
            "socket.Send(BitConverter.GetBytes({|#0:IPAddress.HostToNetworkOrder(port)|}), 0, 2, SocketFlags.None);",
            "socket.Send(BitConverter.GetBytes(IPAddress.HostToNetworkOrder((short)port)), 0, 2, SocketFlags.None);")]
        [InlineData(
            "var wire = {|#0:IPAddress.HostToNetworkOrder(port)|}; Buffer.BlockCopy(BitConverter.GetBytes(wire), 0, packet, 8, 2); packet[0] = (byte)(ushort)wire;",
            "var wire = IPAddress.HostToNetworkOrder((short)port); Buffer.BlockCopy(BitConverter.GetBytes(wire), 0, packet, 8, 2); packet[0] = (byte)(ushort)wire;")]
        [InlineData(
            "var p = BitConverter.GetBytes({|#0:IPAddress.HostToNetworkOrder(port)|}); packet[8] = p[0]; packet[9] = p[1];",
            "var p = BitConverter.GetBytes(IPAddress.HostToNetworkOrder((short)port)); packet[8] = p[0]; packet[9] = p[1];")]
        [InlineData(
            "stream.Write(BitConverter.GetBytes({|#0:IPAddress.HostToNetworkOrder(port)|}).AsSpan(0, 2));",
            "stream.Write(BitConverter.GetBytes(IPAddress.HostToNetworkOrder((short)port)).AsSpan(0, 2));")]
        [InlineData(
            "stream.Write(BitConverter.GetBytes({|#0:IPAddress.HostToNetworkOrder(port)|}).AsSpan().Slice(0, 2));",
            "stream.Write(BitConverter.GetBytes(IPAddress.HostToNetworkOrder((short)port)).AsSpan().Slice(0, 2));")]
        [InlineData(
            "stream.Write(BitConverter.GetBytes({|#0:IPAddress.HostToNetworkOrder(port)|}).Take(2).ToArray());",
            "stream.Write(BitConverter.GetBytes(IPAddress.HostToNetworkOrder((short)port)).Take(2).ToArray());")]
        [InlineData(
            "stream.Write(BitConverter.GetBytes({|#0:IPAddress.HostToNetworkOrder(port)|})[..2]);",
            "stream.Write(BitConverter.GetBytes(IPAddress.HostToNetworkOrder((short)port))[..2]);")]
        [InlineData(
            "packet[8] = BitConverter.GetBytes({|#0:IPAddress.HostToNetworkOrder(port)|})[0];",
            "packet[8] = BitConverter.GetBytes(IPAddress.HostToNetworkOrder((short)port))[0];")]
        [InlineData(
            "packet[0] = (byte){|#0:IPAddress.HostToNetworkOrder(port)|};",
            "packet[0] = (byte)IPAddress.HostToNetworkOrder((short)port);")]
        [InlineData(
            "checked { ushort wire = (ushort){|#0:IPAddress.HostToNetworkOrder(sport)|}; }",
            "checked { ushort wire = (ushort)IPAddress.HostToNetworkOrder(unchecked((short)sport)); }")]
        public Task Half_wide_number_converted_at_full_width_and_kept_half_wide_is_reported_and_fixed(string code, string fixedCode)
            => Verify.VerifyCodeFixAsync(InMethod(code), InMethod(fixedCode), Verify.Diagnostic().WithLocation(0));

        /// <summary>The SOCKS5 request builder of a public proxy: the port goes out as 0 on one branch.</summary>
        [Fact]
        public Task Conditional_conversion_stored_in_a_local_whose_bytes_are_copied_two_wide_is_reported_and_fixed()
            => Verify.VerifyCodeFixAsync(
                InMethod("""
                    var value = 0;
                    value = flag ? {|#0:IPAddress.NetworkToHostOrder(Port)|} : IPAddress.HostToNetworkOrder((short)Port);
                    Buffer.BlockCopy(BitConverter.GetBytes(value), 0, packet, 8, 2);
                    Buffer.BlockCopy(BitConverter.GetBytes(value), 0, packet, packet.Length - 2, 2);
                    """),
                InMethod("""
                    var value = 0;
                    value = flag ? IPAddress.NetworkToHostOrder((short)Port) : IPAddress.HostToNetworkOrder((short)Port);
                    Buffer.BlockCopy(BitConverter.GetBytes(value), 0, packet, 8, 2);
                    Buffer.BlockCopy(BitConverter.GetBytes(value), 0, packet, packet.Length - 2, 2);
                    """),
                Verify.Diagnostic().WithLocation(0));

        [Fact]
        public Task Message_names_the_conversion_the_number_and_how_the_result_is_kept()
            => Verify.VerifyAnalyzerAsync(
                InMethod("Buffer.BlockCopy(BitConverter.GetBytes({|#0:IPAddress.HostToNetworkOrder(localPort)|}), 0, packet, 8, 2);"),
                Verify.Diagnostic().WithLocation(0).WithArguments(
                    "IPAddress.HostToNetworkOrder(int)", 4, "the port 'localPort'", 2, "only the first 2 bytes of BitConverter.GetBytes are copied", "a short"));

        [Fact]
        public Task Message_names_the_narrow_type_with_its_article()
            => Verify.VerifyAnalyzerAsync(
                InMethod("int wire = (int){|#0:IPAddress.HostToNetworkOrder((long)count)|};"),
                Verify.Diagnostic().WithLocation(0).WithMessage("IPAddress.HostToNetworkOrder(long) swaps all 8 bytes of 'count', an int, a number that fits in 4 bytes, and the result is cast to int: those are the number's empty upper bytes, not the number. Convert it as an int."));

        [Fact]
        public Task Message_says_a_checked_cast_throws_instead_of_keeping_the_empty_half()
            => Verify.VerifyAnalyzerAsync(
                InMethod("ushort a = checked((ushort){|#0:IPAddress.HostToNetworkOrder(localPort)|});"),
                Verify.Diagnostic().WithLocation(0).WithArguments(
                    "IPAddress.HostToNetworkOrder(int)", 4, "the port 'localPort'", 2, "the result is cast to ushort in a checked context (OverflowException unless it is 0)", "a short"));

        [Theory]
        [InlineData("ushort wire = Convert.ToUInt16([|IPAddress.HostToNetworkOrder(localPort)|]);")]
        [InlineData("short s = Convert.ToInt16([|IPAddress.HostToNetworkOrder((int)sport)|]);")]
        [InlineData("var swapped = [|IPAddress.HostToNetworkOrder(port)|]; ushort wire = Convert.ToUInt16(swapped);")]
        public Task Result_handed_to_a_checking_Convert_is_reported_without_a_fix(string code)
            => Verify.VerifyCodeFixAsync(InMethod(code), InMethod(code));

        [Fact]
        public Task Message_says_a_checking_Convert_throws()
            => Verify.VerifyAnalyzerAsync(
                InMethod("ushort wire = Convert.ToUInt16({|#0:IPAddress.HostToNetworkOrder(localPort)|});"),
                Verify.Diagnostic().WithLocation(0).WithArguments(
                    "IPAddress.HostToNetworkOrder(int)", 4, "the port 'localPort'", 2,
                    "the result is passed to Convert.ToUInt16, which throws OverflowException for it unless it is 0 (cast the short result unchecked instead)", "a short"));

        [Theory]
        [InlineData("int wire = Convert.ToInt32(IPAddress.HostToNetworkOrder(localPort));")]
        [InlineData("long wire = Convert.ToInt64(IPAddress.HostToNetworkOrder(localPort));")]
        public Task Result_handed_to_a_Convert_as_wide_as_the_conversion_is_quiet(string code)
            => Verify.VerifyAnalyzerAsync(InMethod(code));

        [Fact]
        public Task Fix_all_converts_every_number_at_its_width()
            => Verify.VerifyCodeFixAsync(
                InMethod("""
                    ushort a = (ushort){|#0:IPAddress.HostToNetworkOrder(sport)|};
                    short b = (short){|#1:IPAddress.NetworkToHostOrder(port)|};
                    Buffer.BlockCopy(BitConverter.GetBytes({|#2:IPAddress.HostToNetworkOrder(localPort)|}), 0, packet, 8, 2);
                    """),
                InMethod("""
                    ushort a = (ushort)IPAddress.HostToNetworkOrder((short)sport);
                    short b = (short)IPAddress.NetworkToHostOrder((short)port);
                    Buffer.BlockCopy(BitConverter.GetBytes(IPAddress.HostToNetworkOrder((short)localPort)), 0, packet, 8, 2);
                    """),
                Verify.Diagnostic().WithLocation(0),
                Verify.Diagnostic().WithLocation(1),
                Verify.Diagnostic().WithLocation(2));

        /// <summary>Right code, and code whose number is not known to fit in half the width.</summary>
        [Theory]
        [InlineData("ushort wire = (ushort)IPAddress.HostToNetworkOrder((short)port);")]
        [InlineData("short wire = (short)IPAddress.HostToNetworkOrder(shortPort);")]
        [InlineData("ushort value = (ushort)IPAddress.NetworkToHostOrder(BitConverter.ToInt32(received, 0));")]
        [InlineData("short wire = (short)IPAddress.HostToNetworkOrder(length);")]
        [InlineData("short wire = (short)IPAddress.HostToNetworkOrder(report);")]
        [InlineData("short high = (short)(IPAddress.HostToNetworkOrder(port) >> 16);")]
        [InlineData("Buffer.BlockCopy(BitConverter.GetBytes(IPAddress.HostToNetworkOrder(port)), 0, packet, 8, 4);")]
        [InlineData("Buffer.BlockCopy(BitConverter.GetBytes(IPAddress.HostToNetworkOrder(port)), 2, packet, 8, 2);")]
        [InlineData("stream.Write(BitConverter.GetBytes(IPAddress.HostToNetworkOrder(port)));")]
        [InlineData("var wire = IPAddress.HostToNetworkOrder(port); stream.Write(BitConverter.GetBytes((short)wire)); stream.Write(BitConverter.GetBytes(wire));")]
        [InlineData("var wire = IPAddress.HostToNetworkOrder(port); stream.Write(BitConverter.GetBytes(wire), 0, 2); Console.WriteLine(wire);")]
        [InlineData("var bytes = BitConverter.GetBytes(IPAddress.HostToNetworkOrder(port)); stream.Write(bytes, 0, 2); stream.Write(bytes, 2, 2);")]
        [InlineData("uint wire = BinaryPrimitives.ReverseEndianness(id);")]
        [InlineData("var p = BitConverter.GetBytes(IPAddress.HostToNetworkOrder(port)); packet[8] = p[2]; packet[9] = p[3];")]
        [InlineData("var p = BitConverter.GetBytes(IPAddress.HostToNetworkOrder(port)); packet[8] = p[0]; p[1] = 7; packet[9] = p[1];")]
        [InlineData("var p = BitConverter.GetBytes(IPAddress.HostToNetworkOrder(port))[^2..]; stream.Write(p);")]
        [InlineData("stream.Write(BitConverter.GetBytes(IPAddress.HostToNetworkOrder(port))[2..4]);")]
        [InlineData("stream.Write(BitConverter.GetBytes(IPAddress.HostToNetworkOrder(port)).AsSpan(2, 2));")]
        [InlineData("stream.Write(BitConverter.GetBytes(IPAddress.HostToNetworkOrder(port)).AsSpan().Slice(2));")]
        [InlineData("stream.Write(BitConverter.GetBytes(IPAddress.HostToNetworkOrder(port)).Take(4).ToArray());")]
        [InlineData("stream.Write(BitConverter.GetBytes(IPAddress.HostToNetworkOrder(port)).Skip(2).ToArray());")]
        [InlineData("int n = (int)IPAddress.HostToNetworkOrder((long)length << 8);")]
        public Task Number_converted_at_its_width_or_not_known_to_fit_is_quiet(string code)
            => Verify.VerifyAnalyzerAsync(InMethod(code));

        [Fact]
        public Task Narrowed_port_handed_to_an_endpoint_is_left_to_SOCK022()
            => Verify.VerifyAnalyzerAsync(
                InMethod("socket.Bind(new IPEndPoint(IPAddress.Any, (ushort){|#0:IPAddress.HostToNetworkOrder(port)|}));"),
                Verify.Diagnostic(RuleIdentifiers.PortConvertedTwice).WithLocation(0));

        [Theory]
        [InlineData("port", true)]
        [InlineData("Port", true)]
        [InlineData("_port", true)]
        [InlineData("localPort", true)]
        [InlineData("server2Port", true)]
        [InlineData("REMOTE_PORT", true)]
        [InlineData("listen_port", true)]
        [InlineData("transport", false)]
        [InlineData("Report", false)]
        [InlineData("Support", false)]
        [InlineData("ports", false)]
        [InlineData("portCount", false)]
        [InlineData("PORTS", false)]
        public void Port_names_are_words_not_endings(string name, bool isPort)
            => Assert.Equal(isPort, SOCK023ConversionWiderThanNumberAnalyzer.IsPortName(name));
    }
}
