using System.Threading.Tasks;
using Xunit;
using Verify = SocketAnalyzers.Tests.Verifiers.AnalyzerVerifier<SocketAnalyzers.Reads.SOCK011ReadLoopIgnoresEndOfStreamAnalyzer>;

namespace SocketAnalyzers.Tests.Reads
{
    /// <summary>
    /// A socket field that its type only ever gives a new datagram socket (fresh17 FALSE 1 and MISS 1, a UDP video server:
    /// <c>public static Socket sock = new Socket(…, SocketType.Dgram, ProtocolType.Udp);</c>) reads datagrams, as a local
    /// made so does: no end of stream for SOCK011, and a read sized to <c>Available</c> is one datagram (SOCK010, SOCK012).
    /// </summary>
    public sealed class DatagramSocketFieldTests
    {
        private static string Server(string field, string body, string more = "") => $$"""
            using System;
            using System.Net;
            using System.Net.Sockets;
            using System.Text;

            class UdpServer
            {
                {{field}}

                {{more}}

                public void Start() => sock.Bind(new IPEndPoint(IPAddress.Any, 16010));

                public void Listen()
                {
                    {{body}}
                }
            }
            """;

        private const string PollLoop = """
            while (true)
            {
                if (sock.Available > 0)
                {
                    byte[] received = new byte[1024];
                    int n = sock.Receive(received);
                    Console.WriteLine(Encoding.ASCII.GetString(received, 0, n));
                }
            }
            """;

        [Theory]
        [InlineData("public static Socket sock = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);", "")]
        [InlineData("private readonly Socket sock = new Socket(SocketType.Dgram, ProtocolType.Udp);", "")]
        [InlineData("private Socket sock;", "public UdpServer() { sock = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp); }")]
        [InlineData("private Socket sock;", "public UdpServer(int port) { this.sock = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp); } public void Stop() { sock = null; }")]
        // fresh18 FALSE 1: through a local of the constructor, or a factory of the class.
        [InlineData("private Socket sock;", "public UdpServer() { var s = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp); sock = s; }")]
        [InlineData("private readonly Socket sock;", "public UdpServer() { sock = Create(); } private static Socket Create() => new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);")]
        // fresh18 FALSE 2: a raw ICMP socket (a hand-written ping) keeps packet boundaries and has no peer close either.
        [InlineData("private readonly Socket sock = new Socket(AddressFamily.InterNetwork, SocketType.Raw, ProtocolType.Icmp);", "")]
        public Task Datagram_field_polled_for_ever_is_quiet(string field, string more)
            => Verify.VerifyAnalyzerAsync(Server(field, PollLoop, more));

        [Fact]
        public Task Raw_socket_read_in_a_loop_is_quiet()
            => Verify.VerifyAnalyzerAsync("""
                using System;
                using System.Net;
                using System.Net.Sockets;

                class Ping
                {
                    void Listen()
                    {
                        var icmp = new Socket(AddressFamily.InterNetwork, SocketType.Raw, ProtocolType.Icmp);
                        icmp.Bind(new IPEndPoint(IPAddress.Any, 0));
                        var buffer = new byte[1500];
                        while (true)
                        {
                            int n = icmp.Receive(buffer);
                            Console.WriteLine("packet of {0} bytes, type {1}", n, buffer[20]);
                        }
                    }
                }
                """);

        /// <summary>A field its type gives a stream socket too, or nothing its code shows, is of an unknown kind: read as a stream.</summary>
        [Theory]
        [InlineData("private Socket sock = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);", "public void Reset() { sock = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); }")]
        [InlineData("public Socket sock;", "")]
        [InlineData("private Socket sock;", "public UdpServer(Socket socket) { sock = socket; }")]
        public Task Field_of_unknown_kind_polled_for_ever_is_reported(string field, string more)
            => Verify.VerifyAnalyzerAsync(Server(field, PollLoop.Replace("sock.Receive(received)", "[|sock.Receive(received)|]"), more));

        /// <summary>The datagram read sized to <c>Available</c>, its count dropped, as the page keeps reporting for a local socket.</summary>
        [Fact]
        public Task Datagram_field_read_sized_to_Available_with_its_count_dropped_and_its_buffer_decoded_whole_is_reported()
            => Verify.VerifyAnalyzerAsync(Server(
                "public Socket sock = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);",
                """
                if (sock.Available > 0)
                {
                    byte[] received = new byte[sock.Available];
                    {|SOCK010:sock.Receive(received)|};
                    Console.WriteLine(received.Length == 20 ? "audio" : {|SOCK012:Encoding.ASCII.GetString(received)|});
                }
                """));
    }
}
