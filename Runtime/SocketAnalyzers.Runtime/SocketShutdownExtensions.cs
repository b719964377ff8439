using System;
using System.Buffers;
using System.Diagnostics;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using SocketAnalyzers.Runtime.Internal;

namespace SocketAnalyzers.Runtime
{
    /// <summary>
    /// Closes a connected stream socket without losing data: half-close our side, drain what the peer still sends
    /// until it closes too (or a timeout), then close.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Closing a socket straight away sends what is still in its output buffer but discards its unread input; on
    /// Linux, closing with unread input sends a reset (RST) instead of a normal FIN, and the peer may then lose data it
    /// had not read yet, including our last response. <see cref="Socket.Shutdown(SocketShutdown)"/> with
    /// <see cref="SocketShutdown.Send"/> tells the peer "no more data" (it reads end of stream); reading until the
    /// peer's own end of stream empties our input, so the final close is clean.
    /// </para>
    /// <para>The drain buffer is small and reused, and what is drained is discarded: memory stays bounded however much the peer sends.</para>
    /// </remarks>
    public static class SocketShutdownExtensions
    {
        private const int DrainBufferSize = 4096;

        /// <summary>
        /// Half-closes <paramref name="socket"/> (<c>Shutdown(Send)</c>), discards what the peer still sends until it
        /// closes its side or <paramref name="drainTimeout"/> passes, then closes the socket.
        /// </summary>
        /// <param name="socket">A connected stream socket. It is always closed (disposed) when the task completes.</param>
        /// <param name="drainTimeout">How long to wait for the peer's end of stream; <see cref="Timeout.InfiniteTimeSpan"/> waits forever, <see cref="TimeSpan.Zero"/> does not wait.</param>
        /// <param name="cancellationToken">Stops draining early; the socket is still closed and the task is cancelled.</param>
        /// <returns>
        /// <see langword="true"/> if the peer closed its side within the timeout (the close was clean on both sides);
        /// <see langword="false"/> if the timeout passed, the connection was already reset or closed, or the socket was
        /// not connected. The socket is closed either way.
        /// </returns>
        /// <exception cref="ArgumentNullException"><paramref name="socket"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="drainTimeout"/> is negative (other than infinite).</exception>
        /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (the socket is closed).</exception>
        public static Task<bool> CloseGracefullyAsync(this Socket socket, TimeSpan drainTimeout, CancellationToken cancellationToken = default)
        {
            Argument.NotNull(socket, nameof(socket));
            Argument.Timeout(drainTimeout, nameof(drainTimeout));
            return CloseGracefullyCoreAsync(socket, drainTimeout, cancellationToken);
        }

        private static async Task<bool> CloseGracefullyCoreAsync(Socket socket, TimeSpan drainTimeout, CancellationToken cancellationToken)
        {
            byte[]? buffer = null;
            CancellationTokenSource? timeout = null;
            try
            {
                if (!TryShutdownSend(socket) || drainTimeout == TimeSpan.Zero)
                {
                    return false;
                }

                buffer = ArrayPool<byte>.Shared.Rent(DrainBufferSize);
                CancellationToken drainToken = cancellationToken;
                if (!Argument.IsInfinite(drainTimeout))
                {
                    timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    timeout.CancelAfter(drainTimeout);
                    drainToken = timeout.Token;
                }

                while (true)
                {
                    int n;
                    try
                    {
                        n = await SocketIO.ReceiveAsync(socket, buffer, drainToken).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                    {
                        return false;
                    }
                    catch (SocketException)
                    {
                        return false;
                    }
                    catch (ObjectDisposedException) when (!cancellationToken.IsCancellationRequested)
                    {
                        return false;
                    }

                    if (n == 0)
                    {
                        return true;
                    }
                }
            }
            finally
            {
                timeout?.Dispose();
                socket.Dispose();
                if (buffer is not null)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
            }
        }

        /// <summary>
        /// Half-closes <paramref name="socket"/> (<c>Shutdown(Send)</c>), discards what the peer still sends until it
        /// closes its side or <paramref name="drainTimeout"/> passes, then closes the socket. Blocks the calling thread.
        /// </summary>
        /// <param name="socket">A connected stream socket. It is always closed (disposed) when the method returns.</param>
        /// <param name="drainTimeout">How long to wait for the peer's end of stream; <see cref="Timeout.InfiniteTimeSpan"/> waits forever, <see cref="TimeSpan.Zero"/> does not wait.</param>
        /// <returns><see langword="true"/> if the peer closed its side within the timeout; otherwise <see langword="false"/>. The socket is closed either way.</returns>
        /// <remarks>The socket's <see cref="Socket.ReceiveTimeout"/> is changed while draining.</remarks>
        /// <exception cref="ArgumentNullException"><paramref name="socket"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="drainTimeout"/> is negative (other than infinite).</exception>
        public static bool CloseGracefully(this Socket socket, TimeSpan drainTimeout)
        {
            Argument.NotNull(socket, nameof(socket));
            Argument.Timeout(drainTimeout, nameof(drainTimeout));
            byte[]? buffer = null;
            try
            {
                if (!TryShutdownSend(socket) || drainTimeout == TimeSpan.Zero)
                {
                    return false;
                }

                buffer = ArrayPool<byte>.Shared.Rent(DrainBufferSize);
                Stopwatch clock = Stopwatch.StartNew();
                while (true)
                {
                    if (!Argument.IsInfinite(drainTimeout))
                    {
                        TimeSpan left = drainTimeout - clock.Elapsed;
                        if (left <= TimeSpan.Zero)
                        {
                            return false;
                        }

                        // ReceiveTimeout 0 means infinite: never let a rounding make it 0.
                        socket.ReceiveTimeout = Math.Max(1, (int)Math.Ceiling(left.TotalMilliseconds));
                    }
                    else
                    {
                        socket.ReceiveTimeout = 0;
                    }

                    int n;
                    try
                    {
                        n = socket.Receive(buffer, 0, buffer.Length, SocketFlags.None);
                    }
                    catch (SocketException)
                    {
                        return false; // timed out, or reset by the peer
                    }

                    if (n == 0)
                    {
                        return true;
                    }
                }
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
            finally
            {
                socket.Dispose();
                if (buffer is not null)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
            }
        }

        private static bool TryShutdownSend(Socket socket)
        {
            try
            {
                socket.Shutdown(SocketShutdown.Send);
                return true;
            }
            catch (SocketException)
            {
                return false; // not connected, or already reset: nothing to drain
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }
}
