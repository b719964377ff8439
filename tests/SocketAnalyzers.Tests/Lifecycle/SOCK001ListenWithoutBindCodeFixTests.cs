using System.Threading.Tasks;
using Xunit;
using Verify = SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<SocketAnalyzers.Lifecycle.SocketLifecycleAnalyzer, SocketAnalyzers.CodeFixes.Lifecycle.SOCK001ListenWithoutBindCodeFixProvider>;

namespace SocketAnalyzers.Tests.Lifecycle
{
    public sealed class SOCK001ListenWithoutBindCodeFixTests
    {
        [Fact]
        public Task Bind_that_comes_later_moves_before_Listen()
            => Verify.VerifyCodeFixAsync("""
                using System.Net;
                using System.Net.Sockets;

                class C
                {
                    void M()
                    {
                        var server = new Socket(SocketType.Stream, ProtocolType.Tcp);
                        {|SOCK001:server.Listen(10)|};
                        // the endpoint the clients use
                        server.Bind(new IPEndPoint(IPAddress.Loopback, 8080));
                        using var client = server.Accept();
                    }
                }
                """, """
                using System.Net;
                using System.Net.Sockets;

                class C
                {
                    void M()
                    {
                        var server = new Socket(SocketType.Stream, ProtocolType.Tcp);
                        // the endpoint the clients use
                        server.Bind(new IPEndPoint(IPAddress.Loopback, 8080));
                        server.Listen(10);
                        using var client = server.Accept();
                    }
                }
                """);

        [Fact]
        public Task Fix_all_moves_the_Bind_of_each_socket()
            => Verify.VerifyCodeFixAsync("""
                using System.Net;
                using System.Net.Sockets;

                class C
                {
                    void M(IPEndPoint a, IPEndPoint b)
                    {
                        var first = new Socket(SocketType.Stream, ProtocolType.Tcp);
                        var second = new Socket(SocketType.Stream, ProtocolType.Tcp);
                        {|SOCK001:first.Listen()|};
                        {|SOCK001:second.Listen()|};
                        first.Bind(a);
                        second.Bind(b);
                    }

                    void N(IPEndPoint a)
                    {
                        var third = new Socket(SocketType.Stream, ProtocolType.Tcp);
                        {|SOCK001:third.Listen()|};
                        third.Bind(a);
                    }
                }
                """, """
                using System.Net;
                using System.Net.Sockets;

                class C
                {
                    void M(IPEndPoint a, IPEndPoint b)
                    {
                        var first = new Socket(SocketType.Stream, ProtocolType.Tcp);
                        var second = new Socket(SocketType.Stream, ProtocolType.Tcp);
                        first.Bind(a);
                        first.Listen();
                        second.Bind(b);
                        second.Listen();
                    }

                    void N(IPEndPoint a)
                    {
                        var third = new Socket(SocketType.Stream, ProtocolType.Tcp);
                        third.Bind(a);
                        third.Listen();
                    }
                }
                """);

        [Theory]
        [InlineData("other.Bind(ep);")]
        [InlineData("var late = ep; server.Bind(late);")]
        [InlineData("")]
        public Task No_fix_when_no_Bind_of_the_same_socket_can_move(string after)
            => Verify.VerifyCodeFixAsync($$"""
                using System.Net;
                using System.Net.Sockets;

                class C
                {
                    void M(IPEndPoint ep, Socket other)
                    {
                        var server = new Socket(SocketType.Stream, ProtocolType.Tcp);
                        {|SOCK001:server.Listen()|};
                        {{after}}
                    }
                }
                """, $$"""
                using System.Net;
                using System.Net.Sockets;

                class C
                {
                    void M(IPEndPoint ep, Socket other)
                    {
                        var server = new Socket(SocketType.Stream, ProtocolType.Tcp);
                        {|SOCK001:server.Listen()|};
                        {{after}}
                    }
                }
                """);
    }
}
