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
