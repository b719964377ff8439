using System;
using System.Diagnostics;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace SocketAnalyzers.Reference.Hosting
{
    /// <summary>
    /// Sends that honour the count a send returns. A stream socket may accept fewer bytes than offered;
    /// the rest must be sent again, never dropped.
    /// </summary>
    public static class SocketIO
    {
        /// <summary>
        /// Sends every byte with blocking calls. A send blocked on a client that stops reading fails with
        /// <see cref="SocketError.TimedOut"/> after <see cref="Socket.SendTimeout"/>. On Linux a client that resets while
        /// the send is blocked makes it fail with the same ETIMEDOUT at once; a "timeout" well before the send timeout
        /// is therefore reported as what it is, a reset (<see cref="SocketError.ConnectionReset"/>).
        /// </summary>
        public static void SendAll(Socket socket, ReadOnlySpan<byte> data)
        {
            while (!data.IsEmpty)
            {
                var started = Stopwatch.GetTimestamp();
                int sent;
                try
                {
                    sent = socket.Send(data, SocketFlags.None);
                }
                catch (SocketException ex) when (ex.SocketErrorCode == SocketError.TimedOut && EndedBeforeTimeout(started, socket.SendTimeout))
                {
                    throw new SocketException((int)SocketError.ConnectionReset);
                }

                data = data.Slice(sent);
            }
        }

        /// <summary>
        /// Whether a blocking call that reported a timeout ended clearly before its timeout (<paramref name="timeoutMilliseconds"/>,
        /// 0 or less: none) could have fired: then the kernel's ETIMEDOUT came from the connection ending, not from our timer.
        /// </summary>
        internal static bool EndedBeforeTimeout(long startedTimestamp, int timeoutMilliseconds) =>
            timeoutMilliseconds <= 0 || Stopwatch.GetElapsedTime(startedTimestamp).TotalMilliseconds < timeoutMilliseconds * 0.9;

        public static async ValueTask SendAllAsync(Socket socket, ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
        {
            while (!data.IsEmpty)
            {
                var sent = await socket.SendAsync(data, SocketFlags.None, cancellationToken).ConfigureAwait(false);
                data = data.Slice(sent);
            }
        }

        /// <summary>Wakes a thread blocked in Accept/Receive/Send on <paramref name="socket"/> (used when the server stops).</summary>
        public static void Interrupt(Socket socket)
        {
            try
            {
                socket.Shutdown(SocketShutdown.Both);
            }
            catch (SocketException)
            {
                // Not connected any more: nothing is blocked on it.
            }
            catch (ObjectDisposedException)
            {
                // Already closed.
            }
        }
    }
}
