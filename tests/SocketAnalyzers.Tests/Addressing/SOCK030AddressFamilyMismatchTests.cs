using System.Threading.Tasks;
using Xunit;
using Verify = SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<
    SocketAnalyzers.Addressing.AddressingAndFramingAnalyzer,
    SocketAnalyzers.CodeFixes.Addressing.SOCK030AddressFamilyMismatchCodeFixProvider>;

namespace SocketAnalyzers.Tests.Addressing
{
    public sealed class SOCK030AddressFamilyMismatchTests
    {
        private const string Usings = """
            using System;
            using System.Linq;
            using System.Net;
            using System.Net.Sockets;
            using System.Threading.Tasks;

            """;

        private static string Body(string statements) => Usings + $$"""
            class C
            {
                async Task M(string host, IPAddress someAddress, Socket someSocket, byte[] data)
                {
                    {{statements}}
                }

                static void Reconfigure(ref Socket s) { }
            }
            """;

        /// <summary>A socket of a known family and an endpoint of the other one, through every call that takes an endpoint.</summary>
        [Theory]
        [InlineData("var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); {|SOCK030:s.Connect(new IPEndPoint(IPAddress.IPv6Loopback, 80))|};")]
        [InlineData("var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); {|SOCK030:s.Bind(new IPEndPoint(IPAddress.IPv6Any, 80))|};")]
        [InlineData("var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); {|SOCK030:s.Connect(IPAddress.Parse(\"::1\"), 80)|};")]
        [InlineData("var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); await {|SOCK030:s.ConnectAsync(new IPEndPoint(IPAddress.IPv6Loopback, 80))|};")]
        [InlineData("var s = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp); {|SOCK030:s.Connect(IPAddress.Loopback, 80)|};")]
        [InlineData("var s = new Socket(AddressFamily.InterNetworkV6, SocketType.Dgram, ProtocolType.Udp); {|SOCK030:s.SendTo(data, new IPEndPoint(IPAddress.Parse(\"10.0.0.1\"), 53))|};")]
        [InlineData("var s = new Socket(AddressFamily.InterNetworkV6, SocketType.Dgram, ProtocolType.Udp); s.DualMode = false; {|SOCK030:s.SendTo(data, new IPEndPoint(IPAddress.Loopback, 53))|};")]
        [InlineData("var udp = new UdpClient(); {|SOCK030:udp.Send(data, data.Length, new IPEndPoint(IPAddress.IPv6Loopback, 53))|};")]
        [InlineData("var udp = new UdpClient(AddressFamily.InterNetworkV6); {|SOCK030:udp.Connect(IPAddress.Loopback, 53)|};")]
        [InlineData("var tcp = new TcpClient(AddressFamily.InterNetwork); await {|SOCK030:tcp.ConnectAsync(IPAddress.IPv6Loopback, 80)|};")]
        [InlineData("var tcp = new TcpClient(AddressFamily.InterNetwork); {|SOCK030:tcp.Client.Connect(IPAddress.IPv6Loopback, 80)|};")]
        [InlineData("var ep = new IPEndPoint(IPAddress.IPv6Loopback, 80); var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); {|SOCK030:s.Connect(ep)|};")]
        [InlineData("var a = IPAddress.IPv6Loopback; EndPoint ep = new IPEndPoint(a, 80); using var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); {|SOCK030:s.Connect(ep)|};")]
        public Task Endpoint_of_the_other_family_is_reported(string statements)
            => Verify.VerifyAnalyzerAsync(Body(statements));

        /// <summary>The first address DNS returns, used with a socket of a fixed family.</summary>
        [Theory]
        [InlineData("var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); {|SOCK030:s.Connect(new IPEndPoint(Dns.GetHostAddresses(host)[0], 80))|};")]
        [InlineData("var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); {|SOCK030:s.Connect(Dns.GetHostEntry(host).AddressList[0], 80)|};")]
        [InlineData("var addresses = await Dns.GetHostAddressesAsync(host); var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); await {|SOCK030:s.ConnectAsync(addresses[0], 80)|};")]
        [InlineData("var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); {|SOCK030:s.Connect(new IPEndPoint(Dns.GetHostAddresses(\"example.org\")[0], 80))|};")]
        [InlineData("var entry = await Dns.GetHostEntryAsync(host).ConfigureAwait(false); var first = entry.AddressList.First(); var tcp = new TcpClient(AddressFamily.InterNetwork); {|SOCK030:tcp.Connect(first, 80)|};")]
        public Task First_DNS_address_with_a_socket_of_a_fixed_family_is_reported(string statements)
            => Verify.VerifyAnalyzerAsync(Body(statements));

        [Fact]
        public Task Message_for_the_first_DNS_address_gives_localhost_only_as_an_example()
            => Verify.VerifyAnalyzerAsync(
                Body("var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); {|#0:s.Connect(new IPEndPoint(Dns.GetHostAddresses(host)[0], 80))|};"),
                Verify.Diagnostic("SOCK030").WithLocation(0).WithArguments(
                    "s",
                    "an IPv4",
                    "the endpoint of Connect is the first address DNS returned, which may be IPv6 (for 'localhost', ::1 often comes first)",
                    "When it is, Connect throws. Pick the first address of the socket's family, or connect with the host name, which tries every address"));

        /// <summary>Precision: a family or an address that the body does not settle, dual mode, or an address of the socket's family.</summary>
        [Theory]
        [InlineData("var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); s.Connect(new IPEndPoint(IPAddress.Loopback, 80));")]
        [InlineData("var s = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp); s.Connect(IPAddress.IPv6Loopback, 80);")]
        [InlineData("var s = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp); s.DualMode = true; s.Connect(IPAddress.Loopback, 80);")]
        [InlineData("var s = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp) { DualMode = true }; s.Connect(IPAddress.Loopback, 80);")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.Connect(IPAddress.Loopback, 80);")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.Connect(new IPEndPoint(Dns.GetHostAddresses(host)[0], 80));")]
        [InlineData("var a = Dns.GetHostAddresses(host)[0]; var s = new Socket(a.AddressFamily, SocketType.Stream, ProtocolType.Tcp); s.Connect(a, 80);")]
        // fresh14 audit: an address literal is returned as it is, without a DNS query (an IPv4 literal is never IPv6).
        [InlineData("var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); s.Connect(new IPEndPoint(Dns.GetHostAddresses(\"192.168.5.95\")[0], 80));")]
        [InlineData("var a = (await Dns.GetHostAddressesAsync(\"10.0.0.1\"))[0]; var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); await s.ConnectAsync(a, 80);")]
        // fresh13 audit: another answer than the first is the code's own pick (localhost's second address is often its IPv4 one).
        [InlineData("var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); s.Connect(new IPEndPoint(Dns.GetHostAddresses(host)[1], 80));")]
        [InlineData("var all = Dns.GetHostAddresses(host); var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); s.Connect(all[all.Length - 1], 80);")]
        [InlineData("var ep = new IPEndPoint(Dns.GetHostAddresses(host)[0], 80); var s = new Socket(ep.AddressFamily, SocketType.Stream, ProtocolType.Tcp); s.Connect(ep);")]
        [InlineData("var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); s.Connect(someAddress, 80);")]
        [InlineData("someSocket.Connect(IPAddress.IPv6Loopback, 80);")]
        [InlineData("var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); s.Connect(host, 80);")]
        [InlineData("var tcp = new TcpClient(); tcp.Connect(IPAddress.IPv6Loopback, 80);")]
        [InlineData("var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); var a = IPAddress.IPv6Loopback; if (data.Length > 0) a = IPAddress.Loopback; s.Connect(a, 80);")]
        [InlineData("var s = data.Length > 0 ? new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) : new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp); s.Connect(IPAddress.IPv6Loopback, 80);")]
        [InlineData("var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); Reconfigure(ref s); s.Connect(IPAddress.IPv6Loopback, 80);")]
        [InlineData("var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); Action a = () => s = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp); a(); s.Connect(IPAddress.IPv6Loopback, 80);")]
        [InlineData("var s = new Socket(AddressFamily.InterNetworkV6, SocketType.Dgram, ProtocolType.Udp); s.Bind(new IPEndPoint(IPAddress.IPv6Any, 0)); EndPoint from = new IPEndPoint(IPAddress.Any, 0); var n = s.ReceiveFrom(data, ref from); if (n == 0) return;")]
        [InlineData("var udp = new UdpClient(new IPEndPoint(IPAddress.IPv6Any, 0)); udp.Send(data, data.Length, new IPEndPoint(IPAddress.IPv6Loopback, 53));")]
        public Task Unknown_or_matching_family_is_quiet(string statements)
            => Verify.VerifyAnalyzerAsync(Body(statements));

        [Fact]
        public Task Socket_in_a_field_is_quiet_even_when_its_constructor_sets_the_family()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class C
                {
                    private readonly Socket socket;

                    C() => socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

                    void M() => socket.Connect(IPAddress.IPv6Loopback, 80);
                }
                """);

        [Fact]
        public Task Very_deep_expression_gives_up_on_the_body_without_a_crash()
        {
            // 3000 operands: deeper than the family's recursion limit, so the body is abandoned (silent), never AD0001.
            var deep = "\"a\"" + string.Concat(System.Linq.Enumerable.Repeat(" + \"a\"", 3000));
            return Verify.VerifyAnalyzerAsync(Body($"var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); s.Connect(IPAddress.Parse({deep}), 80);"));
        }

        [Fact]
        public Task Message_for_an_IPv6_socket_suggests_dual_mode()
            => Verify.VerifyAnalyzerAsync(Body("var s = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp); {|#0:s.Connect(IPAddress.Loopback, 80)|};"),
                Verify.Diagnostic("SOCK030").WithLocation(0).WithMessage(
                    "'s' is an IPv6 socket, but the endpoint of Connect is IPv4. Connect throws (NotSupportedException, or a SocketException such as address family not supported). Use an IPv6 address, set DualMode = true, or create the socket for IPv4."));

        [Fact]
        public Task Message_names_the_socket_the_call_and_the_family()
            => Verify.VerifyAnalyzerAsync(Body("var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); {|#0:s.Connect(IPAddress.IPv6Loopback, 80)|};"),
                Verify.Diagnostic("SOCK030").WithLocation(0).WithMessage(
                    "'s' is an IPv4 socket, but the endpoint of Connect is IPv6. Connect throws (NotSupportedException, or SocketException: address family not supported). Use an IPv4 address, or create the socket for IPv6."));

        [Fact]
        public Task Mismatch_inside_a_loop_is_reported()
            => Verify.VerifyAnalyzerAsync(Body("""
                for (var i = 0; i < 3; i++)
                {
                    using var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                    {|SOCK030:s.Connect(IPAddress.IPv6Loopback, 80)|};
                }
                """));

        [Fact]
        public Task Mismatch_inside_a_lambda_is_reported_once()
            => Verify.VerifyAnalyzerAsync(Body("""
                Func<Task> run = async () =>
                {
                    var s = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp);
                    await {|SOCK030:s.ConnectAsync(IPAddress.Loopback, 80)|};
                };
                await run();
                """));

        [Fact]
        public Task Well_known_address_of_the_other_family_is_fixed_to_the_same_one_of_the_sockets_family()
            => Verify.VerifyCodeFixAsync(Body("""
                var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        {|SOCK030:s.Bind(new IPEndPoint(IPAddress.IPv6Any, 80))|};
                        var c = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp);
                        {|SOCK030:c.Connect(IPAddress.Loopback, 80)|};
                """), Body("""
                var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        s.Bind(new IPEndPoint(IPAddress.Any, 80));
                        var c = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp);
                        c.Connect(IPAddress.IPv6Loopback, 80);
                """));

        [Fact]
        public Task First_DNS_address_is_fixed_to_the_first_of_the_sockets_family()
            => Verify.VerifyCodeFixAsync(Body("""
                var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        {|SOCK030:s.Connect(new IPEndPoint(Dns.GetHostAddresses(host)[0], 80))|};
                        var t = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp);
                        await {|SOCK030:t.ConnectAsync((await Dns.GetHostAddressesAsync(host))[0], 80)|};
                """), Body("""
                var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        s.Connect(new IPEndPoint(Array.Find(Dns.GetHostAddresses(host), address => address.AddressFamily == AddressFamily.InterNetwork), 80));
                        var t = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp);
                        await t.ConnectAsync(Array.Find((await Dns.GetHostAddressesAsync(host)), address => address.AddressFamily == AddressFamily.InterNetworkV6), 80);
                """));

        [Fact]
        public Task Address_from_a_local_is_reported_without_a_fix()
            => Verify.VerifyCodeFixAsync(
                Body("var a = IPAddress.IPv6Loopback; var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); {|SOCK030:s.Connect(a, 80)|};"),
                Body("var a = IPAddress.IPv6Loopback; var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); {|SOCK030:s.Connect(a, 80)|};"));

        [Theory]
        [InlineData("_socket.DualMode = true;", "_socket.Connect(IPAddress.Loopback, 80);")]
        [InlineData("this._socket.DualMode = true;", "_socket.Connect(new IPEndPoint(IPAddress.Parse(\"10.0.0.1\"), 80));")]
        public Task A_socket_field_made_dual_mode_after_it_is_made_is_quiet(string configure, string connect)
            => Verify.VerifyAnalyzerAsync(Usings + $$"""
                class Dialer
                {
                    private Socket _socket;

                    void Open()
                    {
                        _socket = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp);
                        {{configure}}
                        {{connect}}
                    }
                }
                """);

        [Fact]
        public Task A_socket_field_left_IPv6_only_is_reported()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class Dialer
                {
                    private Socket _socket;

                    void Open()
                    {
                        _socket = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp);
                        _socket.DualMode = false;
                        {|SOCK030:_socket.Connect(IPAddress.Loopback, 80)|};
                    }
                }
                """);

        // ---- socket options that change neither the family nor the broadcast permission (fresh64: a ping's timeout set
        // before its send to the first DNS address hid SOCK030) ----

        [Theory]
        [InlineData("s.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReceiveTimeout, 3000);")]
        [InlineData("s.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.IpTimeToLive, 1);")]
        [InlineData("s.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);")]
        public Task An_option_that_does_not_change_the_family_keeps_the_socket_known(string option)
            => Verify.VerifyAnalyzerAsync(Body($$"""
                var s = new Socket(AddressFamily.InterNetwork, SocketType.Raw, ProtocolType.Icmp);
                        var target = new IPEndPoint(Dns.GetHostEntry(host).AddressList[0], 0);
                        {{option}}
                        {|SOCK030:s.SendTo(data, target)|};
                """));

        [Fact]
        public Task A_ping_s_first_DNS_address_is_fixed_after_its_timeout_option_alone_and_in_Fix_All()
            => Verify.VerifyCodeFixAsync(Body("""
                var s = new Socket(AddressFamily.InterNetwork, SocketType.Raw, ProtocolType.Icmp);
                        s.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReceiveTimeout, 3000);
                        {|SOCK030:s.SendTo(data, new IPEndPoint(Dns.GetHostAddresses(host)[0], 0))|};
                        var t = new Socket(AddressFamily.InterNetwork, SocketType.Raw, ProtocolType.Icmp);
                        t.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.IpTimeToLive, 1);
                        {|SOCK030:t.SendTo(data, new IPEndPoint(Dns.GetHostAddresses(host)[0], 0))|};
                """), Body("""
                var s = new Socket(AddressFamily.InterNetwork, SocketType.Raw, ProtocolType.Icmp);
                        s.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReceiveTimeout, 3000);
                        s.SendTo(data, new IPEndPoint(Array.Find(Dns.GetHostAddresses(host), address => address.AddressFamily == AddressFamily.InterNetwork), 0));
                        var t = new Socket(AddressFamily.InterNetwork, SocketType.Raw, ProtocolType.Icmp);
                        t.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.IpTimeToLive, 1);
                        t.SendTo(data, new IPEndPoint(Array.Find(Dns.GetHostAddresses(host), address => address.AddressFamily == AddressFamily.InterNetwork), 0));
                """));

        [Theory]
        [InlineData("s.SetSocketOption(SocketOptionLevel.IPv6, SocketOptionName.IPv6Only, false);")]
        [InlineData("s.SetSocketOption(SocketOptionLevel.IPv6, (SocketOptionName)27, 0);")]
        public Task IPv6Only_set_by_SetSocketOption_makes_the_socket_unknown(string option)
            => Verify.VerifyAnalyzerAsync(Body($$"""
                var s = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp);
                        {{option}}
                        s.Connect(IPAddress.Loopback, 80);
                """));
    }
}
