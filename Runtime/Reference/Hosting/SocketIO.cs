using System;
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
        public static void SendAll(Socket socket, ReadOnlySpan<byte> data)
        {
            while (!data.IsEmpty)
            {
                var sent = socket.Send(data, SocketFlags.None);
                data = data.Slice(sent);
            }
        }

        public static async ValueTask SendAllAsync(Socket socket, ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
        {
            while (!data.IsEmpty)
            {
                var sent = await socket.SendAsync(data, SocketFlags.None, cancellationToken).ConfigureAwait(false);
                data = data.Slice(sent);
            }
        }

        /// <summary>
        /// Ends a connection whose request was answered: half-close our side so the peer reads to end of stream,
        /// then read (and discard) what the peer still sends until it closes too, bounded in bytes and time,
        /// so that closing never discards unread input and resets the connection under the peer's last bytes.
        /// </summary>
        public static async Task CloseGracefullyAsync(Socket socket, TimeSpan timeout, int maxDrainBytes = 64 * 1024)
        {
            try
            {
                socket.Shutdown(SocketShutdown.Send);
                using var deadline = new CancellationTokenSource(timeout);
                var scratch = new byte[1024];
                var drained = 0;
                while (drained < maxDrainBytes)
                {
                    var received = await socket.ReceiveAsync(scratch, SocketFlags.None, deadline.Token).ConfigureAwait(false);
                    if (received == 0)
                    {
                        break;
                    }

                    drained += received;
                }
            }
            catch (SocketException)
            {
                // The peer reset or vanished: there is nothing left to close gracefully.
            }
            catch (OperationCanceledException)
            {
                // The peer kept the connection open past the deadline: close anyway.
            }
            finally
            {
                socket.Dispose();
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
