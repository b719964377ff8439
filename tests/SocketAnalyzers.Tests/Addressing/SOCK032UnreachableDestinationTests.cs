using System.Threading.Tasks;
using Xunit;
using Verify = SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<
    SocketAnalyzers.Addressing.AddressingAndFramingAnalyzer,
    SocketAnalyzers.CodeFixes.Addressing.SOCK032UnreachableDestinationCodeFixProvider>;

namespace SocketAnalyzers.Tests.Addressing
{
    public sealed class SOCK032UnreachableDestinationTests
    {
        private const string Usings = """
            using System;
            using System.Net;
            using System.Net.Sockets;
            using System.Threading.Tasks;

            """;

        private static string Body(string statements) => Usings + $$"""
            class C
            {
                async Task M(byte[] data, UdpClient someUdp, Socket someSocket, bool flag)
                {
                    {{statements}}
                }

                static void Configure(UdpClient udp) { }

                static void Configure(Socket socket) { }
            }
            """;

        [Theory]
        [InlineData("var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); {|SOCK032:s.Connect(IPAddress.Any, 80)|};")]
        [InlineData("var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); await {|SOCK032:s.ConnectAsync(new IPEndPoint(IPAddress.Any, 80))|};")]
        [InlineData("var s = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp); {|SOCK032:s.Connect(IPAddress.IPv6Any, 80)|};")]
        [InlineData("var s = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp); {|SOCK032:s.SendTo(data, new IPEndPoint(IPAddress.Parse(\"0.0.0.0\"), 53))|};")]
        [InlineData("var tcp = new TcpClient(); {|SOCK032:tcp.Connect(IPAddress.Any, 80)|};")]
        [InlineData("var udp = new UdpClient(); {|SOCK032:udp.Send(data, data.Length, new IPEndPoint(IPAddress.Any, 53))|};")]
        [InlineData("{|SOCK032:someSocket.Connect(new IPEndPoint(IPAddress.Any, 80))|};")]
        public Task Wildcard_destination_is_reported(string statements)
            => Verify.VerifyAnalyzerAsync(Body(statements));

        [Theory]
        [InlineData("var s = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp); {|SOCK032:s.SendTo(data, new IPEndPoint(IPAddress.Broadcast, 9))|};")]
        [InlineData("var s = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp); await {|SOCK032:s.SendToAsync(data, SocketFlags.None, new IPEndPoint(IPAddress.Parse(\"255.255.255.255\"), 9))|};")]
        [InlineData("var udp = new UdpClient(); {|SOCK032:udp.Client.SendTo(data, new IPEndPoint(IPAddress.Broadcast, 9))|};")]
        [InlineData("var s = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp); s.EnableBroadcast = false; {|SOCK032:s.SendTo(data, new IPEndPoint(IPAddress.Broadcast, 9))|};")]
        public Task Broadcast_without_permission_is_reported(string statements)
            => Verify.VerifyAnalyzerAsync(Body(statements));

        [Theory]
        [InlineData("var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); s.Bind(new IPEndPoint(IPAddress.Any, 80));")]
        [InlineData("var s = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp); s.Bind(new IPEndPoint(IPAddress.IPv6Any, 80));")]
        [InlineData("var s = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp); s.Bind(new IPEndPoint(IPAddress.Any, 0)); EndPoint from = new IPEndPoint(IPAddress.Any, 0); var n = s.ReceiveFrom(data, ref from); if (n == 0) return;")]
        [InlineData("var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); s.Connect(IPAddress.Loopback, 80);")]
        [InlineData("var udp = new UdpClient(); udp.Send(data, data.Length, new IPEndPoint(IPAddress.Broadcast, 9));")]
        [InlineData("var udp = new UdpClient(); await udp.SendAsync(data, data.Length, new IPEndPoint(IPAddress.Parse(\"255.255.255.255\"), 9));")]
        [InlineData("var udp = new UdpClient(); udp.EnableBroadcast = true; udp.Send(data, data.Length, new IPEndPoint(IPAddress.Broadcast, 9));")]
        [InlineData("var s = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp); s.EnableBroadcast = true; s.SendTo(data, new IPEndPoint(IPAddress.Broadcast, 9));")]
        [InlineData("var s = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { EnableBroadcast = true }; s.SendTo(data, new IPEndPoint(IPAddress.Broadcast, 9));")]
        [InlineData("var s = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp); if (flag) s.EnableBroadcast = true; s.SendTo(data, new IPEndPoint(IPAddress.Broadcast, 9));")]
        [InlineData("var s = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp); Configure(s); s.SendTo(data, new IPEndPoint(IPAddress.Broadcast, 9));")]
        [InlineData("someSocket.SendTo(data, new IPEndPoint(IPAddress.Broadcast, 9));")]
        [InlineData("var udp = new UdpClient { EnableBroadcast = true }; udp.Send(data, data.Length, new IPEndPoint(IPAddress.Broadcast, 9));")]
        [InlineData("var udp = new UdpClient(); udp.Client.EnableBroadcast = true; udp.Send(data, data.Length, new IPEndPoint(IPAddress.Broadcast, 9));")]
        [InlineData("var s = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp); s.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.Broadcast, true); s.SendTo(data, new IPEndPoint(IPAddress.Broadcast, 9));")]
        [InlineData("var udp = new UdpClient(); udp.EnableBroadcast = flag; udp.Send(data, data.Length, new IPEndPoint(IPAddress.Broadcast, 9));")]
        [InlineData("var udp = new UdpClient(); if (flag) udp.EnableBroadcast = true; udp.Send(data, data.Length, new IPEndPoint(IPAddress.Broadcast, 9));")]
        [InlineData("someUdp.Send(data, data.Length, new IPEndPoint(IPAddress.Broadcast, 9));")]
        [InlineData("var udp = new UdpClient(); Configure(udp); udp.Send(data, data.Length, new IPEndPoint(IPAddress.Broadcast, 9));")]
        [InlineData("var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); var a = flag ? IPAddress.Any : IPAddress.Loopback; s.Connect(a, 80);")]
        public Task Bind_receive_slot_loopback_and_permitted_broadcast_are_quiet(string statements)
            => Verify.VerifyAnalyzerAsync(Body(statements));

        [Fact]
        public Task Wildcard_message_explains_the_platform_difference()
            => Verify.VerifyAnalyzerAsync(Body("var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); {|#0:s.Connect(IPAddress.Any, 80)|};"),
                Verify.Diagnostic("SOCK032").WithLocation(0).WithMessage(
                    "Connect to IPAddress.Any: the wildcard address is for Bind, not a destination; Windows refuses it (the requested address is not valid in its context) and Linux takes it for this host (a UDP send to port 0 fails there too); use IPAddress.Loopback or the peer's address"));

        [Fact]
        public Task Wildcard_destination_is_fixed_to_loopback()
            => Verify.VerifyCodeFixAsync(Body("""
                var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        {|SOCK032:s.Connect(IPAddress.Any, 80)|};
                        var u = new Socket(AddressFamily.InterNetworkV6, SocketType.Dgram, ProtocolType.Udp);
                        {|SOCK032:u.SendTo(data, new IPEndPoint(System.Net.IPAddress.IPv6Any, 53))|};
                """), Body("""
                var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        s.Connect(IPAddress.Loopback, 80);
                        var u = new Socket(AddressFamily.InterNetworkV6, SocketType.Dgram, ProtocolType.Udp);
                        u.SendTo(data, new IPEndPoint(System.Net.IPAddress.IPv6Loopback, 53));
                """));

        [Fact]
        public Task Broadcast_is_fixed_by_enabling_it_after_the_declaration()
            => Verify.VerifyCodeFixAsync(Body("""
                using var s = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                        var target = new IPEndPoint(IPAddress.Broadcast, 9);
                        {|SOCK032:s.SendTo(data, target)|};
                        var t = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                        await {|SOCK032:t.SendToAsync(data, SocketFlags.None, target)|};
                """), Body("""
                using var s = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                        s.EnableBroadcast = true;
                        var target = new IPEndPoint(IPAddress.Broadcast, 9);
                        s.SendTo(data, target);
                        var t = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                        t.EnableBroadcast = true;
                        await t.SendToAsync(data, SocketFlags.None, target);
                """));

        [Fact]
        public Task Two_broadcasts_from_one_socket_get_one_EnableBroadcast_in_Fix_All()
            => Verify.VerifyCodeFixAsync(Body("""
                var s = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                        {|SOCK032:s.SendTo(data, new IPEndPoint(IPAddress.Broadcast, 9))|};
                        {|SOCK032:s.SendTo(data, new IPEndPoint(IPAddress.Broadcast, 10))|};
                """), Body("""
                var s = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                        s.EnableBroadcast = true;
                        s.SendTo(data, new IPEndPoint(IPAddress.Broadcast, 9));
                        s.SendTo(data, new IPEndPoint(IPAddress.Broadcast, 10));
                """));

        [Fact]
        public Task Wildcard_in_a_local_is_reported_without_a_fix()
            => Verify.VerifyCodeFixAsync(
                Body("var ep = new IPEndPoint(IPAddress.Any, 80); var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); {|SOCK032:s.Connect(ep)|};"),
                Body("var ep = new IPEndPoint(IPAddress.Any, 80); var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); {|SOCK032:s.Connect(ep)|};"));

        // ---- members of the object the method assigns and then connects to (fresh21: a game's finder client) ----

        private static string Finder(string members, string constructor) => Usings + $$"""
            class TcpFinderClient
            {
                private TcpClient client;
                {{members}}

                public TcpFinderClient(IPEndPoint local)
                {
                    client = new TcpClient(local);
                    {{constructor}}
                }

                private void Log(string text) { }
            }
            """;

        [Theory]
        [InlineData("private IPEndPoint ServerEndPoint { get; set; }", "ServerEndPoint = new IPEndPoint(IPAddress.Any, 5000); {|SOCK032:client.Connect(ServerEndPoint.Address, ServerEndPoint.Port)|};")]
        [InlineData("private IPEndPoint serverEndPoint;", "serverEndPoint = new IPEndPoint(IPAddress.Any, 5000); {|SOCK032:client.Connect(serverEndPoint)|};")]
        [InlineData("private readonly IPEndPoint serverEndPoint;", "this.serverEndPoint = new IPEndPoint(IPAddress.Any, 5000); Console.WriteLine(serverEndPoint); {|SOCK032:client.Connect(this.serverEndPoint)|};")]
        [InlineData("private static IPAddress Server;", "Server = IPAddress.Any; {|SOCK032:client.Connect(Server, 5000)|};")]
        public Task Wildcard_the_method_put_in_a_member_of_its_object_is_reported(string members, string constructor)
            => Verify.VerifyAnalyzerAsync(Finder(members, constructor));

        [Theory]
        // Code the method does not see may run between: a method of the project, a delegate, an await, a lambda; or
        // the member was given its value elsewhere.
        [InlineData("private IPEndPoint serverEndPoint;", "serverEndPoint = new IPEndPoint(IPAddress.Any, 5000); Log(\"x\"); client.Connect(serverEndPoint);")]
        [InlineData("private IPEndPoint serverEndPoint; private Action changed;", "serverEndPoint = new IPEndPoint(IPAddress.Any, 5000); changed(); client.Connect(serverEndPoint);")]
        [InlineData("private IPEndPoint serverEndPoint;", "serverEndPoint = new IPEndPoint(IPAddress.Any, 5000); System.Threading.Tasks.Task.Run(() => serverEndPoint = new IPEndPoint(IPAddress.Loopback, 5000)).Wait(); client.Connect(serverEndPoint);")]
        [InlineData("private IPEndPoint serverEndPoint = new IPEndPoint(IPAddress.Any, 5000);", "client.Connect(serverEndPoint);")]
        [InlineData("private IPEndPoint ServerEndPoint { get => endPoint; set { endPoint = value; Console.WriteLine(value); } } private IPEndPoint endPoint;", "ServerEndPoint = new IPEndPoint(IPAddress.Any, 5000); endPoint = new IPEndPoint(IPAddress.Loopback, 5000); client.Connect(ServerEndPoint);")]
        public Task Wildcard_in_a_member_that_other_code_may_change_is_quiet(string members, string constructor)
            => Verify.VerifyAnalyzerAsync(Finder(members, constructor));

        // ---- a socket kept in a field of the object, configured after the method assigns it (fresh63 FALSE 1: a course's
        // broadcast form set SocketOptionName.Broadcast on its field and was told it never had EnableBroadcast) ----

        private static string SocketField(string statements) => Usings + $$"""
            class Announcer
            {
                private Socket _socket;
                private UdpClient _udp;
                private IPEndPoint _point;

                void Load(byte[] data, bool flag)
                {
                    {{statements}}
                }
            }
            """;

        [Theory]
        [InlineData("_socket.EnableBroadcast = true;")]
        [InlineData("this._socket.EnableBroadcast = true;")]
        [InlineData("_socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.Broadcast, 1);")]
        [InlineData("_socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.Broadcast, true);")]
        [InlineData("_socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.Broadcast, 1); try { _socket.Bind(new IPEndPoint(IPAddress.Any, 11000)); } catch { _socket.Bind(new IPEndPoint(IPAddress.Any, 11001)); }")]
        [InlineData("if (flag) _socket.EnableBroadcast = true;")]
        [InlineData("_socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.Broadcast, flag);")]
        [InlineData("System.Threading.Interlocked.Exchange(ref _socket, new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { EnableBroadcast = true });")]
        public Task A_socket_field_given_broadcast_permission_after_it_is_made_is_quiet(string configure)
            => Verify.VerifyAnalyzerAsync(SocketField($$"""
                _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                        {{configure}}
                        _point = new IPEndPoint(IPAddress.Broadcast, 11000);
                        _socket.SendTo(data, _point);
                """));

        [Theory]
        [InlineData("")]
        [InlineData("_socket.EnableBroadcast = false;")]
        [InlineData("_socket.Bind(new IPEndPoint(IPAddress.Any, 11000));")]
        [InlineData("_socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.Broadcast, 0);")]
        [InlineData("_socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.Broadcast, false);")]
        [InlineData("_socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReceiveTimeout, 1000);")]
        public Task A_socket_field_the_method_makes_and_never_permits_to_broadcast_is_reported(string configure)
            => Verify.VerifyAnalyzerAsync(SocketField($$"""
                _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                        {{configure}}
                        {|SOCK032:_socket.SendTo(data, new IPEndPoint(IPAddress.Broadcast, 11000))|};
                """));

        [Fact]
        public Task A_socket_field_is_fixed_by_enabling_broadcast_after_its_assignment()
            => Verify.VerifyCodeFixAsync(
                SocketField("""
                    _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                            {|SOCK032:_socket.SendTo(data, new IPEndPoint(IPAddress.Broadcast, 11000))|};
                            {|SOCK032:_socket.SendTo(data, new IPEndPoint(IPAddress.Broadcast, 11001))|};
                    """),
                SocketField("""
                    _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                            _socket.EnableBroadcast = true;
                            _socket.SendTo(data, new IPEndPoint(IPAddress.Broadcast, 11000));
                            _socket.SendTo(data, new IPEndPoint(IPAddress.Broadcast, 11001));
                    """));

        [Fact]
        public Task A_udp_client_field_whose_socket_is_permitted_through_Client_is_quiet()
            => Verify.VerifyAnalyzerAsync(SocketField("""
                _udp = new UdpClient();
                        _udp.Client.EnableBroadcast = true;
                        _udp.Client.SendTo(data, new IPEndPoint(IPAddress.Broadcast, 11000));
                """));

        [Fact]
        public Task Wildcard_in_a_member_awaited_over_is_quiet()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class Client
                {
                    private IPEndPoint server;
                    private readonly TcpClient client = new TcpClient();

                    public async Task StartAsync()
                    {
                        server = new IPEndPoint(IPAddress.Any, 5000);
                        await Task.Delay(10);
                        await client.ConnectAsync(server);
                    }
                }
                """);
    }
}
