using System.Threading.Tasks;
using Xunit;
using Verify = SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<SocketAnalyzers.Lifecycle.SocketLifecycleAnalyzer, SocketAnalyzers.CodeFixes.Lifecycle.SOCK003IoOnListeningSocketCodeFixProvider>;

namespace SocketAnalyzers.Tests.Lifecycle
{
    public sealed class SOCK003IoOnListeningSocketCodeFixTests
    {
        // Every analyzer runs in every test: a read's count goes to Use(n), or SOCK010 would rightly report a count
        // that is stored and never read. Use(n) is a plain call, so it adds no branch to the flow these tests check.

        [Fact]
        public Task Stored_accepted_socket_becomes_the_receiver()
            => Verify.VerifyCodeFixAsync("""
                using System.Net;
                using System.Net.Sockets;
                using System.Threading.Tasks;

                class C
                {
                    async Task M(IPEndPoint ep, byte[] buffer)
                    {
                        using var server = new Socket(SocketType.Stream, ProtocolType.Tcp);
                        server.Bind(ep);
                        server.Listen();
                        using var peer = await server.AcceptAsync().ConfigureAwait(false);
                        int n = await {|SOCK003:server.ReceiveAsync(buffer, SocketFlags.None)|};
                        Use(n);
                    }

                    static void Use(int count) { }
                }
                """, """
                using System.Net;
                using System.Net.Sockets;
                using System.Threading.Tasks;

                class C
                {
                    async Task M(IPEndPoint ep, byte[] buffer)
                    {
                        using var server = new Socket(SocketType.Stream, ProtocolType.Tcp);
                        server.Bind(ep);
                        server.Listen();
                        using var peer = await server.AcceptAsync().ConfigureAwait(false);
                        int n = await peer.ReceiveAsync(buffer, SocketFlags.None);
                        Use(n);
                    }

                    static void Use(int count) { }
                }
                """);

        [Fact]
        public Task Discarded_accept_is_captured_and_fix_all_uses_it_everywhere()
            => Verify.VerifyCodeFixAsync("""
                using System.Net;
                using System.Net.Sockets;

                class C
                {
                    void M(IPEndPoint ep, byte[] buffer)
                    {
                        using var server = new Socket(SocketType.Stream, ProtocolType.Tcp);
                        server.Bind(ep);
                        server.Listen();
                        server.Accept();
                        int n = {|SOCK003:server.Receive(buffer)|};
                        Use(n);
                    }

                    void N(IPEndPoint ep, byte[] buffer)
                    {
                        using var other = new Socket(SocketType.Stream, ProtocolType.Tcp);
                        other.Bind(ep);
                        other.Listen();
                        other.Accept();
                        using var stream = {|SOCK003:new NetworkStream(other)|};
                    }

                    static void Use(int count) { }
                }
                """, """
                using System.Net;
                using System.Net.Sockets;

                class C
                {
                    void M(IPEndPoint ep, byte[] buffer)
                    {
                        using var server = new Socket(SocketType.Stream, ProtocolType.Tcp);
                        server.Bind(ep);
                        server.Listen();
                        using Socket client = server.Accept();
                        int n = client.Receive(buffer);
                        Use(n);
                    }

                    void N(IPEndPoint ep, byte[] buffer)
                    {
                        using var other = new Socket(SocketType.Stream, ProtocolType.Tcp);
                        other.Bind(ep);
                        other.Listen();
                        using Socket client = other.Accept();
                        using var stream = new NetworkStream(client);
                    }

                    static void Use(int count) { }
                }
                """);

        [Fact]
        public Task TcpListener_Server_switches_to_the_accepted_client_socket()
            => Verify.VerifyCodeFixAsync("""
                using System.Net;
                using System.Net.Sockets;

                class C
                {
                    void M(byte[] buffer)
                    {
                        var listener = new TcpListener(IPAddress.Loopback, 0);
                        listener.Start();
                        var client = listener.AcceptTcpClient();
                        int n = {|SOCK003:listener.Server.Send(buffer)|};
                    }
                }
                """, """
                using System.Net;
                using System.Net.Sockets;

                class C
                {
                    void M(byte[] buffer)
                    {
                        var listener = new TcpListener(IPAddress.Loopback, 0);
                        listener.Start();
                        var client = listener.AcceptTcpClient();
                        int n = client.Client.Send(buffer);
                    }
                }
                """);

        /// <summary>A callback's End on the listener: which socket the result belongs to is the Begin's business, elsewhere.</summary>
        [Fact]
        public Task No_fix_for_an_end_in_a_callback()
        {
            var source = """
                using System;
                using System.Net;
                using System.Net.Sockets;

                class Server
                {
                    private Socket socket;

                    void Start(IPEndPoint ep)
                    {
                        socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                        socket.Bind(ep);
                        socket.Listen();
                    }

                    private void ReceiveCallBack(IAsyncResult iar)
                    {
                        int length = {|SOCK003:socket.EndReceive(iar)|};
                        Console.WriteLine(length);
                    }
                }
                """;
            return Verify.VerifyCodeFixAsync(source, source);
        }

        [Fact]
        public Task No_fix_without_an_accept_before_the_io()
            => Verify.VerifyCodeFixAsync("""
                using System.Net;
                using System.Net.Sockets;

                class C
                {
                    void M(IPEndPoint ep, byte[] buffer)
                    {
                        using var server = new Socket(SocketType.Stream, ProtocolType.Tcp);
                        server.Bind(ep);
                        server.Listen();
                        int n = {|SOCK003:server.Receive(buffer)|};
                        Use(n);
                    }

                    static void Use(int count) { }
                }
                """, """
                using System.Net;
                using System.Net.Sockets;

                class C
                {
                    void M(IPEndPoint ep, byte[] buffer)
                    {
                        using var server = new Socket(SocketType.Stream, ProtocolType.Tcp);
                        server.Bind(ep);
                        server.Listen();
                        int n = {|SOCK003:server.Receive(buffer)|};
                        Use(n);
                    }

                    static void Use(int count) { }
                }
                """);

        [Fact]
        public Task Two_calls_after_one_discarded_accept_share_the_captured_socket()
        {
            var test = Verify.Test("""
                using System.Net;
                using System.Net.Sockets;

                class C
                {
                    void M(IPEndPoint ep, byte[] buffer)
                    {
                        using var server = new Socket(SocketType.Stream, ProtocolType.Tcp);
                        server.Bind(ep);
                        server.Listen();
                        server.Accept();
                        int n = {|SOCK003:server.Receive(buffer)|};
                        using var other = new Socket(SocketType.Stream, ProtocolType.Tcp);
                        other.Bind(ep);
                        other.Listen();
                        var peer = other.Accept();
                        n += {|SOCK003:other.Send(buffer)|};
                    }
                }
                """, """
                using System.Net;
                using System.Net.Sockets;

                class C
                {
                    void M(IPEndPoint ep, byte[] buffer)
                    {
                        using var server = new Socket(SocketType.Stream, ProtocolType.Tcp);
                        server.Bind(ep);
                        server.Listen();
                        using Socket client = server.Accept();
                        int n = client.Receive(buffer);
                        using var other = new Socket(SocketType.Stream, ProtocolType.Tcp);
                        other.Bind(ep);
                        other.Listen();
                        var peer = other.Accept();
                        n += peer.Send(buffer);
                    }
                }
                """);
            // These diagnostics get different fix shapes; the per-diagnostic Fix All applies each its own in one pass.
            test.NumberOfFixAllIterations = 1;
            return test.RunAsync();
        }

        [Theory]
        [InlineData("using var client = listener.AcceptTcpClientAsync();")]
        [InlineData("listener.AcceptTcpClientAsync();")]
        public Task Accept_whose_await_is_not_typed_yet_is_not_taken_for_the_accepted_client(string accept)
        {
            // Found by the half-typed code sweep: with the await not typed yet, the variable holds the task, and the fix
            // made the I/O use 'client.Client' on a Task<TcpClient> (CS1061) in code that compiled before the fix.
            var source = $$"""
                using System.Net;
                using System.Net.Sockets;
                using System.Threading.Tasks;

                class C
                {
                    async Task M(byte[] buffer)
                    {
                        var listener = new TcpListener(IPAddress.Loopback, 7000);
                        listener.Start();
                        {{accept}}
                        await {|SOCK003:listener.Server.SendAsync(buffer, SocketFlags.None)|};
                    }
                }
                """;
            return Verify.VerifyCodeFixAsync(source, source);
        }
    }
}
