using System;
using System.Buffers.Binary;
using System.IO;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using SocketAnalyzers.Reference.Hosting;
using SocketAnalyzers.Runtime;

namespace SocketAnalyzers.Reference.Calc
{
    /// <summary>
    /// The calculator server, on the server host. A connection may carry several requests, each answered in turn.
    /// A count of 0, an unknown operator or a request cut short by the client closing ends that connection without a
    /// reply; other connections are not affected. Buffers are bounded by the protocol (at most 1 + 255 × 4 + 1 bytes
    /// per request), so no count the client sends can make the server allocate more.
    /// </summary>
    public static class CalcServer
    {
        public static IReferenceServer Start(IPEndPoint endPoint, TimeSpan idleTimeout, ConnectionLog log, ServerLimits? limits = null) =>
            HostedServer.Start(endPoint, idleTimeout, ServeAsync, log, limits);

        public static async Task<string> ServeAsync(TcpConnection connection, CancellationToken stopping)
        {
            var count = new byte[1];
            var body = new byte[CalcProtocol.MaxBodySize];
            var response = new byte[CalcProtocol.ResultSize];
            var answered = 0;
            while (true)
            {
                // Between requests, end of stream is the client's normal goodbye.
                var received = await connection.ReceiveAsync(count.AsMemory(), stopping).ConfigureAwait(false);
                if (received == 0)
                {
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
                    await connection.ReceiveExactlyAsync(body.AsMemory(0, bodyLength), stopping).ConfigureAwait(false);
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
                await connection.SendAsync(response, stopping).ConfigureAwait(false);
                answered++;
            }
        }
    }
}
