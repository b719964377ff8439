using System.Threading.Tasks;
using Xunit;
using Verify = SocketAnalyzers.Tests.Verifiers.AnalyzerVerifier<SocketAnalyzers.Reads.SOCK011ReadLoopIgnoresEndOfStreamAnalyzer>;

namespace SocketAnalyzers.Tests.Reads
{
    /// <summary>
    /// A receive loop in a private helper handed a socket (fresh42 F1, an SSDP discovery client): a datagram socket has no
    /// end of stream (a 0 is an empty datagram), so when every call of the helper gives it a UDP socket the loop cannot spin
    /// at end of stream. A stream socket from any caller, or a helper other code may call, keeps the report.
    /// </summary>
    public sealed class SOCK011DatagramHelperTests
    {
        private static string Discovery(string socketType, string helperAccess = "private", string otherCall = "") => $$"""
            using System;
            using System.Collections.Generic;
            using System.Net;
            using System.Net.Sockets;
            using System.Text;
            using System.Threading.Tasks;

            public class Discovery
            {
                {{helperAccess}} async Task ReceiveLoop(Socket socket, ArraySegment<byte> buffer, ICollection<string> responses)
                {
                    while (true)
                    {
                        var n = await {{(socketType == "Dgram" && helperAccess == "private" && otherCall.Length == 0 ? "socket.ReceiveAsync(buffer, SocketFlags.None)" : "[|socket.ReceiveAsync(buffer, SocketFlags.None)|]")}};
                        if (n > 0)
                        {
                            responses.Add(Encoding.UTF8.GetString(buffer.Array!, buffer.Offset, n));
                        }
                    }
                }

                public async Task<List<string>> SearchAsync(IPAddress local)
                {
                    var responses = new List<string>();
                    using (var socket = new Socket(local.AddressFamily, SocketType.{{socketType}}, ProtocolType.{{(socketType == "Dgram" ? "Udp" : "Tcp")}}))
                    {
                        socket.Bind(new IPEndPoint(local, 0));
                        var loop = ReceiveLoop(socket, new ArraySegment<byte>(new byte[4096]), responses);
                        await Task.WhenAny(loop, Task.Delay(3000));
                    }

                    {{otherCall}}
                    return responses;
                }
            }
            """;

        [Fact]
        public Task Helper_every_call_of_which_gives_a_datagram_socket_is_quiet()
            => Verify.VerifyAnalyzerAsync(Discovery("Dgram"));

        [Fact]
        public Task Helper_given_a_stream_socket_is_reported()
            => Verify.VerifyAnalyzerAsync(Discovery("Stream"));

        [Fact]
        public Task Helper_other_code_may_call_is_reported()
            => Verify.VerifyAnalyzerAsync(Discovery("Dgram", helperAccess: "public"));

        [Fact]
        public Task Helper_also_given_a_stream_socket_is_reported()
            => Verify.VerifyAnalyzerAsync(Discovery("Dgram", otherCall: "await ReceiveLoop(new Socket(SocketType.Stream, ProtocolType.Tcp), new ArraySegment<byte>(new byte[16]), responses);"));
    }
}
