using System;
using System.IO;
using System.Net.Sockets;

namespace SocketAnalyzers.Reference.Hosting
{
    /// <summary>How a connection that ended with an exception is described in the log.</summary>
    internal static class Outcomes
    {
        public static string Describe(Exception exception, bool stopping)
        {
            if (stopping && exception is OperationCanceledException or SocketException or ObjectDisposedException or IOException)
            {
                return "closed: the server is stopping";
            }

            if (exception is TimeoutException timeout)
            {
                // The server host's own timeouts carry the closing socket's error inside: the timeout is the outcome.
                // (Its messages are pinned by the runtime library's tests.)
                return timeout.Message.Contains("to make room for a new client", StringComparison.Ordinal)
                    ? "closed: the server was full and this client had been idle longest (evicted for a new client)"
                    : timeout.Message.Contains("first-byte timeout", StringComparison.Ordinal)
                        ? "timed out: the client sent nothing within the first-byte timeout"
                        : "timed out: the client was idle too long";
            }

            var socketError = exception as SocketException ?? exception.InnerException as SocketException;
            if (socketError is not null)
            {
                return socketError.SocketErrorCode switch
                {
                    SocketError.ConnectionReset => "aborted: the client reset the connection",
                    SocketError.TimedOut => "timed out: the client was idle too long",
                    SocketError.Shutdown or SocketError.ConnectionAborted => "aborted: the connection was shut down",
                    var code => $"aborted: {code}",
                };
            }

            return exception switch
            {
                TimeoutException or OperationCanceledException => "timed out: the client was idle too long",
                EndOfStreamException => "closed: the client closed in the middle of a message",
                _ => $"failed: {exception.GetType().Name}: {exception.Message}",
            };
        }
    }
}
