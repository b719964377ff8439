using System;
using System.Buffers.Binary;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using SocketAnalyzers.Reference.Echo;
using SocketAnalyzers.Reference.Hosting;

namespace SocketAnalyzers.Reference.Calc
{
    /// <summary>
    /// The calculator server. A connection may carry several requests, each answered in turn. A count of 0, an unknown
    /// operator or a request cut short by the client closing closes that connection without a reply; other
    /// connections are not affected. Buffers are bounded by the protocol (at most 1 + 255 × 4 + 1 bytes per request).
    /// </summary>
    public static class CalcServer
    {
        public static IReferenceServer Start(IPEndPoint endPoint, TimeSpan idleTimeout, ConnectionLog log) =>
            AsyncTcpServer.Start(endPoint, (c, s) => ServeAsync(c, idleTimeout, s), log);

        public static async Task<string> ServeAsync(Socket connection, TimeSpan idleTimeout, CancellationToken stopping)
        {
            var count = new byte[1];
            var body = new byte[CalcProtocol.MaxBodySize];
            var response = new byte[CalcProtocol.ResultSize];
            var answered = 0;
            using var stream = new NetworkStream(connection, ownsSocket: false);
            using var idle = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            while (true)
            {
                EchoServer.Arm(idle, idleTimeout);

                // Between requests, end of stream is the client's normal goodbye.
                var received = await connection.ReceiveAsync(count.AsMemory(), SocketFlags.None, idle.Token).ConfigureAwait(false);
                if (received == 0)
                {
                    connection.Shutdown(SocketShutdown.Send);
                    return $"answered {answered} requests, closed after the client's half-close";
                }

                var operands = count[0];
                if (operands == 0)
                {
                    return $"rejected: operand count 0 after {answered} requests; closed without a reply";
                }

                // Inside a request, end of stream means the request was cut short.
                var bodyLength = (operands * CalcProtocol.OperandSize) + 1;
                try
                {
                    await stream.ReadExactlyAsync(body.AsMemory(0, bodyLength), idle.Token).ConfigureAwait(false);
                }
                catch (EndOfStreamException)
                {
                    return $"rejected: truncated request of {operands} operands after {answered} requests; closed without a reply";
                }

                var op = body[bodyLength - 1];
                if (!CalcProtocol.IsOperator(op))
                {
                    return $"rejected: unknown operator 0x{op:x2} after {answered} requests; closed without a reply";
                }

                BinaryPrimitives.WriteInt32BigEndian(response, CalcProtocol.EvaluateBody(body.AsSpan(0, bodyLength), operands));
                EchoServer.Arm(idle, idleTimeout);
                await SocketIO.SendAllAsync(connection, response, idle.Token).ConfigureAwait(false);
                answered++;
            }
        }
    }
}
