using System.Threading.Tasks;
using SocketAnalyzers.Tests.Verifiers;
using Xunit;
using Verify = SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<
    SocketAnalyzers.ByteOrder.SOCK022PortConvertedTwiceAnalyzer,
    SocketAnalyzers.CodeFixes.ByteOrder.SOCK022PortConvertedTwiceCodeFixProvider>;

namespace SocketAnalyzers.Tests.ByteOrder
{
    public sealed class SOCK022PortConvertedTwiceTests
    {
        private const string Usings = """
            using System;
            using System.Buffers.Binary;
            using System.Net;
            using System.Net.Sockets;
            using System.Threading.Tasks;

            """;

        /// <summary>Every host-order-port API, with the port passed through each conversion.</summary>
        [Theory]
        [InlineData("_ = new IPEndPoint(IPAddress.Loopback, PORT);")]
        [InlineData("_ = new IPEndPoint(0x0100007FL, PORT);")]
        [InlineData("_ = new DnsEndPoint(\"localhost\", PORT);")]
        [InlineData("_ = new TcpListener(IPAddress.Loopback, PORT);")]
        [InlineData("_ = TcpListener.Create(PORT);")]
        [InlineData("_ = new TcpClient(\"localhost\", PORT);")]
        [InlineData("tcp.Connect(\"localhost\", PORT);")]
        [InlineData("tcp.Connect(IPAddress.Loopback, PORT);")]
        [InlineData("await tcp.ConnectAsync(\"localhost\", PORT);")]
        [InlineData("await tcp.ConnectAsync(IPAddress.Loopback, PORT).ConfigureAwait(false);")]
        [InlineData("socket.Connect(\"localhost\", PORT);")]
        [InlineData("socket.Connect(IPAddress.Loopback, PORT);")]
        [InlineData("await socket.ConnectAsync(\"localhost\", PORT);")]
        [InlineData("_ = new UdpClient(PORT);")]
        [InlineData("_ = new UdpClient(\"localhost\", PORT);")]
        [InlineData("udp.Connect(\"localhost\", PORT);")]
        [InlineData("_ = udp.Send(data, data.Length, \"localhost\", PORT);")]
        [InlineData("_ = await udp.SendAsync(data, data.Length, \"localhost\", PORT);")]
        public async Task Converted_port_passed_to_a_host_order_api_is_reported_and_fixed(string statement)
        {
            foreach (var (conversion, plain) in new[]
            {
                ("{|#0:IPAddress.HostToNetworkOrder((short)port)|}", "port"),
                ("(ushort){|#0:IPAddress.HostToNetworkOrder((short)port)|}", "port"),
                ("{|#0:IPAddress.NetworkToHostOrder(port)|}", "port"),
                ("{|#0:BinaryPrimitives.ReverseEndianness((ushort)port)|}", "port"),
                ("{|#0:BinaryPrimitives.ReverseEndianness(sport)|}", "sport"),
            })
            {
                var source = Usings + $$"""
                    class C
                    {
                        async Task M(Socket socket, TcpClient tcp, UdpClient udp, byte[] data, int port, ushort sport)
                        {
                            {{statement.Replace("PORT", conversion)}}
                        }
                    }
                    """;
                var fixedSource = Usings + $$"""
                    class C
                    {
                        async Task M(Socket socket, TcpClient tcp, UdpClient udp, byte[] data, int port, ushort sport)
                        {
                            {{statement.Replace("PORT", plain)}}
                        }
                    }
                    """;
                var test = Verify.Test(source, fixedSource);
                test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(0));
                await test.RunAsync();
            }
        }

        [Fact]
        public Task Converted_port_assigned_to_IPEndPoint_Port_is_reported_and_fixed()
            => Verify.VerifyCodeFixAsync(Usings + """
                class C
                {
                    IPEndPoint M(IPEndPoint endPoint, int port)
                    {
                        endPoint.Port = (ushort)[|IPAddress.HostToNetworkOrder((short)port)|];
                        return new IPEndPoint(IPAddress.Loopback, 0) { Port = [|BinaryPrimitives.ReverseEndianness((ushort)port)|] };
                    }
                }
                """, Usings + """
                class C
                {
                    IPEndPoint M(IPEndPoint endPoint, int port)
                    {
                        endPoint.Port = port;
                        return new IPEndPoint(IPAddress.Loopback, 0) { Port = port };
                    }
                }
                """);

        /// <summary>The project's own byte swap (<c>ByteSwapMethods</c>, fresh38) converts a port as HostToNetworkOrder does.</summary>
        [Fact]
        public Task Port_through_the_projects_own_byte_swap_is_reported_and_fixed()
            => Verify.VerifyCodeFixAsync(Usings + """
                static class Swap
                {
                    public static ushort ToNetwork(ushort v) => (ushort)((v << 8) | (v >> 8));
                }

                class C
                {
                    void M(Socket socket, ushort port)
                    {
                        socket.Connect(new IPEndPoint(IPAddress.Loopback, [|Swap.ToNetwork(port)|]));
                        var local = new IPEndPoint(IPAddress.Any, [|Swap.ToNetwork((ushort)(port + 1))|]);
                    }
                }
                """, Usings + """
                static class Swap
                {
                    public static ushort ToNetwork(ushort v) => (ushort)((v << 8) | (v >> 8));
                }

                class C
                {
                    void M(Socket socket, ushort port)
                    {
                        socket.Connect(new IPEndPoint(IPAddress.Loopback, port));
                        var local = new IPEndPoint(IPAddress.Any, port + 1);
                    }
                }
                """);

        [Fact]
        public Task Message_names_the_api_and_the_conversion()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class C
                {
                    IPEndPoint M() => new IPEndPoint(IPAddress.Any, {|#0:IPAddress.HostToNetworkOrder((short)8080)|});
                }
                """,
                Verify.Diagnostic().WithLocation(0).WithMessage(
                    "IPEndPoint takes the port in host order and converts it itself; converting it with IPAddress.HostToNetworkOrder first makes it another port. Pass the port unconverted."));

        [Fact]
        public Task Converted_port_in_a_local_is_reported_at_the_conversion_and_fixed_there()
            => Verify.VerifyCodeFixAsync(Usings + """
                class C
                {
                    void M(TcpClient tcp)
                    {
                        var netPort = [|IPAddress.HostToNetworkOrder((short)8080)|];
                        tcp.Connect(IPAddress.Loopback, (ushort)netPort);
                        var endPoint = new IPEndPoint(IPAddress.Loopback, (ushort)netPort);
                    }
                }
                """, Usings + """
                class C
                {
                    void M(TcpClient tcp)
                    {
                        var netPort = (short)8080;
                        tcp.Connect(IPAddress.Loopback, (ushort)netPort);
                        var endPoint = new IPEndPoint(IPAddress.Loopback, (ushort)netPort);
                    }
                }
                """);

        [Fact]
        public Task Converted_port_in_a_local_also_written_to_a_packet_is_reported_without_a_fix()
        {
            var source = Usings + """
                class C
                {
                    void M(TcpClient tcp, byte[] packet)
                    {
                        var netPort = [|IPAddress.HostToNetworkOrder((short)8080)|];
                        BitConverter.TryWriteBytes(packet.AsSpan(2), netPort);
                        tcp.Connect(IPAddress.Loopback, (ushort)netPort);
                    }
                }
                """;
            var test = Verify.Test(source, source);
            return test.RunAsync();
        }

        [Fact]
        public Task Cast_of_a_long_is_kept_where_the_port_needs_it()
            => Verify.VerifyCodeFixAsync(Usings + """
                class C
                {
                    IPEndPoint M(long configured) => new IPEndPoint(IPAddress.Any, (ushort)[|IPAddress.HostToNetworkOrder((short)configured)|]);
                }
                """, Usings + """
                class C
                {
                    IPEndPoint M(long configured) => new IPEndPoint(IPAddress.Any, (short)configured);
                }
                """);

        [Theory]
        [InlineData("_ = new IPEndPoint(IPAddress.Any, port);")]
        [InlineData("tcp.Connect(\"localhost\", 8080);")]
        [InlineData("BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(2), (ushort)port);")]
        [InlineData("var field = IPAddress.HostToNetworkOrder((short)port); BitConverter.TryWriteBytes(data.AsSpan(2), field);")]
        [InlineData("data[0] = (byte)IPAddress.HostToNetworkOrder((short)port);")]
        [InlineData("_ = new IPEndPoint(IPAddress.HostToNetworkOrder(0x7F000001L), port);")]
        [InlineData("_ = udp.Send(data, IPAddress.HostToNetworkOrder(data.Length), \"localhost\", port);")]
        [InlineData("var p = IPAddress.HostToNetworkOrder((short)port); p = (short)port; _ = new IPEndPoint(IPAddress.Any, p);")]
        [InlineData("_ = new IPEndPoint(IPAddress.Any, Unknown(IPAddress.HostToNetworkOrder(port)));")]
        public Task Port_not_converted_or_conversion_not_used_as_a_port_is_quiet(string statement)
            => Verify.VerifyAnalyzerAsync(Usings + $$"""
                class C
                {
                    static int Unknown(int value) => value;

                    void M(TcpClient tcp, UdpClient udp, byte[] data, int port)
                    {
                        {{statement}}
                    }
                }
                """);

        // A port read from the wire in the host's order (a SOCKS request's DST.PORT) and then converted: the decode SOCK021
        // asks for, not a second conversion (fresh32 F2).
        [Theory]
        [InlineData("var port = BitConverter.ToUInt16(data.AsSpan(8, 2)); port = (ushort)IPAddress.NetworkToHostOrder((short)port); _ = new IPEndPoint(IPAddress.Any, port);")]
        [InlineData("_ = new IPEndPoint(IPAddress.Any, (ushort)IPAddress.NetworkToHostOrder(BitConverter.ToInt16(data, 8)));")]
        [InlineData("var raw = BitConverter.ToUInt16(data, 8); var port = BinaryPrimitives.ReverseEndianness(raw); tcp.Connect(\"localhost\", port);")]
        [InlineData("using var reader = new System.IO.BinaryReader(new NetworkStream(socket)); var port = reader.ReadInt16(); _ = new IPEndPoint(IPAddress.Any, (ushort)IPAddress.NetworkToHostOrder(port));")]
        public Task Port_read_from_bytes_in_host_order_then_converted_is_quiet(string statement)
            => Verify.VerifyAnalyzerAsync(Usings + $$"""
                class C
                {
                    void M(Socket socket, TcpClient tcp, byte[] data)
                    {
                        {{statement}}
                    }
                }
                """);

        // Anything else in the local on some path (a parameter, an addition) keeps the conversion a second one.
        [Theory]
        [InlineData("var port = BitConverter.ToUInt16(data, 8); if (fallback) port = (ushort)configured; _ = new IPEndPoint(IPAddress.Any, [|IPAddress.NetworkToHostOrder((short)port)|]);")]
        [InlineData("var port = BitConverter.ToUInt16(data, 8); port += 1; _ = new IPEndPoint(IPAddress.Any, [|IPAddress.NetworkToHostOrder((short)port)|]);")]
        public Task Port_local_that_also_holds_a_host_number_converted_is_reported(string statement)
            => Verify.VerifyAnalyzerAsync(Usings + $$"""
                class C
                {
                    void M(byte[] data, bool fallback, int configured)
                    {
                        {{statement}}
                    }
                }
                """);

        [Fact]
        public Task Conversion_in_a_lambda_is_reported()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class C
                {
                    Func<int, IPEndPoint> Make = port => new IPEndPoint(IPAddress.Any, [|IPAddress.NetworkToHostOrder(port)|]);
                }
                """);

        [Fact]
        public Task Netstandard20_without_BinaryPrimitives_still_reports_IPAddress_conversions()
        {
            var source = """
                using System.Net;

                class C
                {
                    IPEndPoint M(int port) => new IPEndPoint(IPAddress.Any, (ushort)[|IPAddress.HostToNetworkOrder((short)port)|]);
                }
                """;
            var test = Verify.Test(source, """
                using System.Net;

                class C
                {
                    IPEndPoint M(int port) => new IPEndPoint(IPAddress.Any, port);
                }
                """);
            test.References = ReferenceSet.NetStandard20;
            return test.RunAsync();
        }

        [Fact]
        public Task Compilation_without_sockets_expects_nothing()
            => Verify.VerifyAnalyzerAsync("""
                class IPAddress { public static short HostToNetworkOrder(short x) => x; }
                class IPEndPoint { public IPEndPoint(long a, int port) { } }
                class C
                {
                    IPEndPoint M() => new IPEndPoint(0, IPAddress.HostToNetworkOrder((short)80));
                }
                """);

        [Fact]
        public Task Broken_code_does_not_crash()
        {
            var test = Verify.Test(Usings + """
                class C
                {
                    void M()
                    {
                        _ = new IPEndPoint(IPAddress.Any, IPAddress.HostToNetworkOrder(
                        var x = new TcpClient("h", IPAddress.NetworkToHostOrder(;
                    }
                }
                """, null!);
            test.FixedSources.Clear();
            test.AllowCompilerErrors = true;
            return test.RunAsync();
        }
    }
}
