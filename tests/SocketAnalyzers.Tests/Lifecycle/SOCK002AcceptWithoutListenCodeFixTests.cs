using System.Threading.Tasks;
using Xunit;
using Verify = SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<SocketAnalyzers.Lifecycle.SocketLifecycleAnalyzer, SocketAnalyzers.CodeFixes.Lifecycle.SOCK002AcceptWithoutListenCodeFixProvider>;

namespace SocketAnalyzers.Tests.Lifecycle
{
    public sealed class SOCK002AcceptWithoutListenCodeFixTests
    {
        [Fact]
        public Task Listen_is_inserted_before_the_accepting_statement()
            => Verify.VerifyCodeFixAsync("""
                using System.Net;
                using System.Net.Sockets;

                class C
                {
                    void M(IPEndPoint ep)
                    {
                        var server = new Socket(SocketType.Stream, ProtocolType.Tcp);
                        server.Bind(ep);
                        // one client
                        using var client = {|SOCK002:server.Accept()|};
                    }
                }
                """, """
                using System.Net;
                using System.Net.Sockets;

                class C
                {
                    void M(IPEndPoint ep)
                    {
                        var server = new Socket(SocketType.Stream, ProtocolType.Tcp);
                        server.Bind(ep);
                        server.Listen();
                        // one client
                        using var client = server.Accept();
                    }
                }
                """);

        [Fact]
        public Task Start_is_inserted_for_a_TcpListener_and_fix_all_covers_every_accept()
        {
            var test = Verify.Test("""
                using System.Net;
                using System.Net.Sockets;
                using System.Threading.Tasks;

                class C
                {
                    async Task M()
                    {
                        var listener = new TcpListener(IPAddress.Loopback, 0);
                        using var client = await {|SOCK002:listener.AcceptTcpClientAsync()|}.ConfigureAwait(false);
                    }

                    void N()
                    {
                        var other = new TcpListener(IPAddress.Loopback, 0);
                        using var socket = {|SOCK002:other.AcceptSocket()|};
                    }
                }
                """, """
                using System.Net;
                using System.Net.Sockets;
                using System.Threading.Tasks;

                class C
                {
                    async Task M()
                    {
                        var listener = new TcpListener(IPAddress.Loopback, 0);
                        listener.Start();
                        using var client = await listener.AcceptTcpClientAsync().ConfigureAwait(false);
                    }

                    void N()
                    {
                        var other = new TcpListener(IPAddress.Loopback, 0);
                        other.Start();
                        using var socket = other.AcceptSocket();
                    }
                }
                """);
            test.CodeActionEquivalenceKey = SocketAnalyzers.CodeFixes.Lifecycle.SOCK002AcceptWithoutListenCodeFixProvider.StartKey;
            return test.RunAsync();
        }

        [Fact]
        public Task Fix_all_inserts_Listen_for_a_socket_and_Start_for_a_TcpListener_in_one_pass()
            => Verify.VerifyCodeFixAsync("""
                using System.Net;
                using System.Net.Sockets;

                class C
                {
                    void M(IPEndPoint ep)
                    {
                        var server = new Socket(SocketType.Stream, ProtocolType.Tcp);
                        server.Bind(ep);
                        using var first = {|SOCK002:server.Accept()|};
                    }

                    void N()
                    {
                        var listener = new TcpListener(IPAddress.Loopback, 0);
                        using var second = {|SOCK002:listener.AcceptTcpClient()|};
                    }
                }
                """, """
                using System.Net;
                using System.Net.Sockets;

                class C
                {
                    void M(IPEndPoint ep)
                    {
                        var server = new Socket(SocketType.Stream, ProtocolType.Tcp);
                        server.Bind(ep);
                        server.Listen();
                        using var first = server.Accept();
                    }

                    void N()
                    {
                        var listener = new TcpListener(IPAddress.Loopback, 0);
                        listener.Start();
                        using var second = listener.AcceptTcpClient();
                    }
                }
                """);

        [Fact]
        public Task Unbound_socket_gets_Listen_and_then_reports_the_missing_Bind()
            => Verify.VerifyCodeFixAsync("""
                using System.Net.Sockets;

                class C
                {
                    void M()
                    {
                        var server = new Socket(SocketType.Stream, ProtocolType.Tcp);
                        using var client = {|SOCK002:server.Accept()|};
                    }
                }
                """, """
                using System.Net.Sockets;

                class C
                {
                    void M()
                    {
                        var server = new Socket(SocketType.Stream, ProtocolType.Tcp);
                        {|SOCK001:server.Listen()|};
                        using var client = server.Accept();
                    }
                }
                """);
    }
}
