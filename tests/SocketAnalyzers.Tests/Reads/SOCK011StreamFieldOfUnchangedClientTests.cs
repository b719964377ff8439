using System.Threading.Tasks;
using Xunit;
using Verify = SocketAnalyzers.Tests.Verifiers.AnalyzerVerifier<SocketAnalyzers.Reads.SOCK011ReadLoopIgnoresEndOfStreamAnalyzer>;

namespace SocketAnalyzers.Tests.Reads
{
    /// <summary>
    /// SOCK011 and a stream field taken again each turn from a client field that never changes (fresh12, a course chat
    /// client: <c>networkStream = tcpClient.GetStream();</c> at the top of the loop). That is the same connection every
    /// turn, not a way out: at its end the read returns 0 for ever. A client field something else may assign still is.
    /// </summary>
    public sealed class SOCK011StreamFieldOfUnchangedClientTests
    {
        private static string Client(string clientDeclaration, string members = "", bool reported = true) => $$"""
            using System;
            using System.Net.Sockets;
            using System.Text;

            public class ChatReceiver
            {
                {{clientDeclaration}}
                private NetworkStream networkStream;

                {{members}}

                public void ReceiveLoop()
                {
                    while (true)
                    {
                        networkStream = tcpClient.GetStream();
                        byte[] inStream = new byte[1024];
                        int n = {{(reported ? "[|networkStream.Read(inStream, 0, inStream.Length)|]" : "networkStream.Read(inStream, 0, inStream.Length)")}};
                        Console.Write(Encoding.ASCII.GetString(inStream, 0, n));
                    }
                }
            }
            """;

        [Theory]
        [InlineData("private readonly TcpClient tcpClient = new TcpClient();", "public void Connect(string host, int port) => tcpClient.Connect(host, port);")]
        [InlineData("private TcpClient tcpClient = new TcpClient();", "public void Connect(string host, int port) => tcpClient.Connect(host, port);")]
        [InlineData("TcpClient tcpClient;", "public ChatReceiver(string host) { tcpClient = new TcpClient(host, 80); }")]
        public Task Stream_of_a_client_field_nothing_else_assigns_is_the_same_connection(string declaration, string members)
            => Verify.VerifyAnalyzerAsync(Client(declaration, members));

        [Theory]
        [InlineData("private TcpClient tcpClient = new TcpClient();", "public void Reconnect(string host) { tcpClient = new TcpClient(host, 80); }")]
        [InlineData("public TcpClient tcpClient = new TcpClient();", "")]
        [InlineData("private TcpClient tcpClient = new TcpClient();", "public void Swap(ref TcpClient other) { } public void Use() { Swap(ref tcpClient); }")]
        public Task Stream_of_a_client_field_that_may_change_is_a_way_out(string declaration, string members)
            => Verify.VerifyAnalyzerAsync(Client(declaration, members, reported: false));
    }
}
