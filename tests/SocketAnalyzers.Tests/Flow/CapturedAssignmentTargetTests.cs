using System.Threading.Tasks;
using Xunit;
using Verify = SocketAnalyzers.Tests.Verifiers.AnalyzerVerifier<SocketAnalyzers.Lifecycle.SocketLifecycleAnalyzer>;

namespace SocketAnalyzers.Tests.Flow
{
    /// <summary>
    /// When an assignment's value branches (<c>c = new TcpClient(v6 ? … : …)</c>, <c>ep = a ? x : y</c>,
    /// <c>n = a ? s.Receive(b) : t.Receive(b)</c>), the control-flow graph captures the target before the branch and writes
    /// through the capture. Every family must see that as a write of the variable: before, each kept the variable's old
    /// value, so a client closed and made anew on reconnect was still "closed" (SOCK005, the fresh8 audit's
    /// serilog-sinks-syslog finding), an endpoint replaced by an IPv4 one was still IPv6 (SOCK030), a length replaced by
    /// its converted value was still in host order (SOCK020), and a count replaced by a read's was never 0 (SOCK011).
    /// Every analyzer runs in every test, so each marks its rule's ID.
    /// </summary>
    public sealed class CapturedAssignmentTargetTests
    {
        private const string Usings = "using System; using System.IO; using System.Net; using System.Net.Sockets; using System.Text;\n";

        private static string Method(string statements) => Usings + $$"""
            class C
            {
                void M(bool a, string host, int port, EndPoint ep, byte[] data)
                {
                    {{statements}}
                }
            }
            """;

        [Theory]
        [InlineData("var c = new TcpClient(); c.Close(); c = new TcpClient(a ? AddressFamily.InterNetworkV6 : AddressFamily.InterNetwork); c.Connect(host, port);")]
        [InlineData("var c = new TcpClient(); c.Close(); c = a ? new TcpClient(AddressFamily.InterNetworkV6) : new TcpClient(AddressFamily.InterNetwork); c.Connect(host, port);")]
        [InlineData("var c = new TcpClient(); c.Close(); c = new TcpClient(host ?? \"localhost\", port); c.GetStream();")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.Connect(ep); s = new Socket(a ? AddressFamily.InterNetworkV6 : AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); s.Connect(ep);")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.Bind(ep); s.Listen(); s = new Socket(a ? AddressFamily.InterNetworkV6 : AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); s.Connect(ep);")]
        public Task Socket_made_anew_through_a_branching_assignment_is_the_new_one(string statements)
            => Verify.VerifyAnalyzerAsync(Method(statements));

        [Theory]
        [InlineData("var c = new TcpClient(host, port); c = new TcpClient(a ? AddressFamily.InterNetworkV6 : AddressFamily.InterNetwork); {|SOCK004:c.GetStream()|};")]
        [InlineData("var c = new TcpClient(host, port); c = new TcpClient(a ? AddressFamily.InterNetworkV6 : AddressFamily.InterNetwork); c.Connect(host, port); c.Close(); {|SOCK005:c.GetStream()|};")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); s = new Socket(a ? AddressFamily.InterNetworkV6 : AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); {|SOCK001:s.Listen()|};")]
        public Task Misuse_of_the_new_socket_is_still_reported(string statements)
            => Verify.VerifyAnalyzerAsync(Method(statements));

        [Fact]
        public Task Endpoint_replaced_through_a_branch_is_the_new_one()
            => Verify.VerifyAnalyzerAsync(Method("""
                var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                var local = new IPEndPoint(IPAddress.IPv6Any, port);
                local = a ? new IPEndPoint(IPAddress.Any, port) : new IPEndPoint(IPAddress.Loopback, port);
                s.Bind(local);
                var other = new IPEndPoint(IPAddress.IPv6Any, port);
                other = new IPEndPoint(a ? IPAddress.Any : IPAddress.Loopback, port);
                s.Connect(other);
                """));

        [Fact]
        public Task IPv6_endpoint_assigned_through_a_branch_is_reported()
            => Verify.VerifyAnalyzerAsync(Method("""
                var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                var local = new IPEndPoint(IPAddress.Any, port);
                local = a ? new IPEndPoint(IPAddress.IPv6Any, port) : new IPEndPoint(IPAddress.IPv6Loopback, port);
                {|SOCK030:s.Bind(local)|};
                """));

        [Fact]
        public Task Length_replaced_by_its_converted_value_through_a_branch_is_quiet()
            => Verify.VerifyAnalyzerAsync(Method("""
                var stream = new TcpClient(host, port).GetStream();
                var writer = new BinaryWriter(stream);
                int length = data.Length;
                length = IPAddress.HostToNetworkOrder(a ? data.Length : data.Length + 1);
                writer.Write(length);
                int other = data.Length;
                other = a ? IPAddress.HostToNetworkOrder(data.Length) : IPAddress.HostToNetworkOrder(data.Length + 4);
                stream.Write(BitConverter.GetBytes(other), 0, 4);
                """));

        [Fact]
        public Task Length_replaced_by_a_host_order_value_through_a_branch_is_reported()
            => Verify.VerifyAnalyzerAsync(Method("""
                var stream = new TcpClient(host, port).GetStream();
                int length = IPAddress.HostToNetworkOrder(data.Length);
                length = a ? data.Length : data.Length + 4;
                stream.Write({|SOCK020:BitConverter.GetBytes(length)|}, 0, 4);
                """));

        [Fact]
        public Task Count_assigned_from_either_of_two_reads_through_a_branch_ends_the_loop_at_zero()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class C
                {
                    void M(Socket s, Socket t, bool a)
                    {
                        var buf = new byte[100];
                        int n = 1;
                        while (n != 0)
                        {
                            n = a ? s.Receive(buf) : t.Receive(buf);
                            Console.WriteLine(Encoding.ASCII.GetString(buf, 0, n));
                        }
                    }
                }
                """);
    }
}
