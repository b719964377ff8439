using System.Threading.Tasks;
using Xunit;
using Verify = SocketAnalyzers.Tests.Verifiers.AnalyzerVerifier<SocketAnalyzers.Lifecycle.SocketLifecycleAnalyzer>;

namespace SocketAnalyzers.Tests.Lifecycle
{
    /// <summary>
    /// A name given a socket made on either branch (<c>var s = v6 ? new Socket(…) : new Socket(…)</c>, or one
    /// <c>new TcpClient</c> per branch of an <c>if</c>) may refer to either of two abstract sockets, but at run time it is
    /// one socket. When no other name refers to either, a certain operation moves both: before, Connect and Close only
    /// added their state to the set, so <c>Close(); GetStream()</c> was silent and <c>Close(); Send()</c> said "unbound or
    /// closed". When another name may hold one of them (an earlier turn's socket kept in a second local), the operation
    /// may be on the other one, and the update stays weak.
    /// </summary>
    public sealed class SocketFromEitherBranchTests
    {
        private const string Usings = "using System; using System.Net; using System.Net.Sockets;\n";

        private static string Method(string statements) => Usings + $$"""
            class C
            {
                void M(bool v6, string host, int port, EndPoint ep, byte[] data)
                {
                    {{statements}}
                }
            }
            """;

        private const string EitherSocket = "var s = v6 ? new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp) : new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);";

        private const string EitherClient = "TcpClient c; if (v6) { c = new TcpClient(AddressFamily.InterNetworkV6); } else { c = new TcpClient(); }";

        [Theory]
        [InlineData(EitherClient + " c.Connect(host, port); c.Close(); var stream = {|#0:c.GetStream()|};", "c", "closed", "GetStream", "InvalidOperationException, or ObjectDisposedException once the client itself is disposed")]
        [InlineData(EitherSocket + " s.Close(); {|#0:s.Send(data)|};", "s", "closed", "Send", "ObjectDisposedException")]
        [InlineData(EitherSocket + " s.Connect(ep); s.Shutdown(SocketShutdown.Send); {|#0:s.Send(data)|};", "s", "shut down for sending", "Send", "SocketException")]
        public Task Misuse_of_a_socket_made_on_either_branch_is_reported_in_its_one_state(string statements, string name, string state, string operation, string exception)
            => Verify.VerifyAnalyzerAsync(Method(statements), Verify.Diagnostic("SOCK005").WithLocation(0).WithArguments(name, state, operation, exception));

        [Theory]
        [InlineData(EitherClient + " c.Connect(host, port); var stream = c.GetStream(); stream.Write(data, 0, data.Length); c.Close();")]
        [InlineData(EitherSocket + " s.Connect(ep); s.Send(data); s.Shutdown(SocketShutdown.Both); s.Close();")]
        [InlineData(EitherSocket + " s.Bind(ep); s.Listen(); var peer = s.Accept(); peer.Send(data);")]
        public Task Correct_use_of_a_socket_made_on_either_branch_is_quiet(string statements)
            => Verify.VerifyAnalyzerAsync(Method(statements));

        [Theory]
        // The previous turn's connection is closed once the new one is up: both names may refer to the same two sockets.
        [InlineData("""
            Socket previous = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            previous.Connect(ep);
            for (var i = 0; i < 3; i++)
            {
                var s = v6 ? new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp) : new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                s.Connect(ep);
                previous.Close();
                s.Send(data);
                previous = s;
            }
            """)]
        [InlineData("""
            var s = v6 ? new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp) : new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            s.Connect(ep);
            while (true)
            {
                var previous = s;
                s = v6 ? new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp) : new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                s.Connect(ep);
                previous.Close();
                s.Send(data);
            }
            """)]
        public Task Socket_another_name_may_hold_from_an_earlier_turn_is_updated_weakly(string statements)
            => Verify.VerifyAnalyzerAsync(Method(statements));
    }
}
