using System.Threading.Tasks;
using Xunit;
using Verify = SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<
    SocketAnalyzers.Addressing.SOCK031SocketTypeProtocolMismatchAnalyzer,
    SocketAnalyzers.CodeFixes.Addressing.SOCK031SocketTypeProtocolMismatchCodeFixProvider>;

namespace SocketAnalyzers.Tests.Addressing
{
    public sealed class SOCK031SocketTypeProtocolMismatchTests
    {
        private const string Usings = """
            using System.Net.Sockets;

            """;

        [Theory]
        [InlineData("SocketType.Stream", "ProtocolType.Udp", "ProtocolType.Tcp")]
        [InlineData("SocketType.Dgram", "ProtocolType.Tcp", "ProtocolType.Udp")]
        [InlineData("SocketType.Stream", "ProtocolType.Icmp", "ProtocolType.Tcp")]
        [InlineData("SocketType.Stream", "System.Net.Sockets.ProtocolType.Udp", "System.Net.Sockets.ProtocolType.Tcp")]
        public Task Mismatched_type_and_protocol_is_reported_and_fixed_to_the_matching_protocol(string type, string protocol, string fixedProtocol)
            => Verify.VerifyCodeFixAsync(Usings + $$"""
                class C
                {
                    Socket M() => new Socket(AddressFamily.InterNetwork, {{type}}, [|{{protocol}}|]);
                }
                """, Usings + $$"""
                class C
                {
                    Socket M() => new Socket(AddressFamily.InterNetwork, {{type}}, {{fixedProtocol}});
                }
                """);

        [Theory]
        [InlineData("AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp")]
        [InlineData("AddressFamily.InterNetworkV6, SocketType.Dgram, ProtocolType.Udp")]
        [InlineData("AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified")]
        [InlineData("AddressFamily.InterNetwork, SocketType.Raw, ProtocolType.Icmp")]
        [InlineData("AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Icmp")]
        [InlineData("SocketType.Stream, ProtocolType.Tcp")]
        [InlineData("AddressFamily.InterNetwork, type, ProtocolType.Udp")]
        [InlineData("AddressFamily.InterNetwork, SocketType.Stream, protocol")]
        public Task Matching_or_unknown_type_and_protocol_is_quiet(string arguments)
            => Verify.VerifyAnalyzerAsync(Usings + $$"""
                class C
                {
                    Socket M(SocketType type, ProtocolType protocol) => new Socket({{arguments}});
                }
                """);

        [Fact]
        public Task Mismatch_in_the_two_argument_constructor_is_reported()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class C
                {
                    Socket M() => new Socket(SocketType.Dgram, [|ProtocolType.Tcp|]);
                }
                """);

        [Fact]
        public Task Message_names_type_protocol_and_the_one_to_use()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class C
                {
                    Socket M() => new Socket(AddressFamily.InterNetwork, SocketType.Stream, {|#0:ProtocolType.Udp|});
                }
                """,
                Verify.Diagnostic().WithLocation(0).WithMessage(
                    "SocketType.Stream does not go with ProtocolType.Udp; the constructor throws SocketException (protocol not supported). Use ProtocolType.Tcp."));

        [Fact]
        public Task Fix_all_fixes_every_constructor()
            => Verify.VerifyCodeFixAsync(Usings + """
                class C
                {
                    Socket A() => new Socket(AddressFamily.InterNetwork, SocketType.Stream, [|ProtocolType.Udp|]);
                    Socket B() => new Socket(AddressFamily.InterNetworkV6, SocketType.Dgram, [|ProtocolType.Tcp|]);
                }
                """, Usings + """
                class C
                {
                    Socket A() => new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                    Socket B() => new Socket(AddressFamily.InterNetworkV6, SocketType.Dgram, ProtocolType.Udp);
                }
                """);

        [Fact]
        public Task Protocol_given_as_a_cast_constant_is_reported_without_a_fix()
            => Verify.VerifyCodeFixAsync(Usings + """
                class C
                {
                    Socket M() => new Socket(AddressFamily.InterNetwork, SocketType.Stream, [|(ProtocolType)17|]);
                }
                """, Usings + """
                class C
                {
                    Socket M() => new Socket(AddressFamily.InterNetwork, SocketType.Stream, [|(ProtocolType)17|]);
                }
                """);
    }
}
