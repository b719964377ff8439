using System;
using System.Buffers;
using System.IO;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using SocketAnalyzers.Runtime.Internal;

namespace SocketAnalyzers.Runtime
{
    /// <summary>
    /// Receives exactly a given number of bytes from a connected stream <see cref="Socket"/>, looping over the short
    /// reads that TCP is allowed to return.
    /// </summary>
    /// <remarks>
    /// <para>
    /// A single <see cref="Socket.Receive(byte[])"/> returns anything from 1 byte to the buffer's size, and 0 when the
    /// peer has closed its side. .NET has "read exactly" only for streams (<c>Stream.ReadExactly</c>, .NET 7 and later);
    /// these methods are the equivalent for a <see cref="Socket"/>, so code that reads a fixed-size header or a
    /// length-prefixed body does not have to write the loop by hand. For a <see cref="NetworkStream"/> on .NET 7 or
    /// later, prefer the framework's <c>Stream.ReadExactly</c>.
    /// </para>
    /// <para>
    /// When the connection ends before all the bytes arrived, an <see cref="EndOfStreamException"/> says how many of
    /// how many did. The bytes that did arrive are in the buffer, but the message is incomplete.
    /// </para>
    /// </remarks>
    public static class SocketReceiveExtensions
    {
        /// <summary>
        /// Receives exactly <paramref name="count"/> bytes into <paramref name="buffer"/> at <paramref name="offset"/>,
        /// blocking until they have all arrived.
        /// </summary>
        /// <param name="socket">A connected stream socket.</param>
        /// <param name="buffer">The buffer to fill.</param>
        /// <param name="offset">Where in <paramref name="buffer"/> the first byte goes.</param>
        /// <param name="count">How many bytes to receive; 0 returns at once without reading.</param>
        /// <exception cref="ArgumentNullException"><paramref name="socket"/> or <paramref name="buffer"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="offset"/> and <paramref name="count"/> do not describe a range of <paramref name="buffer"/>.</exception>
        /// <exception cref="EndOfStreamException">The peer closed the connection before <paramref name="count"/> bytes arrived.</exception>
        /// <exception cref="SocketException">The socket failed (for example a reset, or <see cref="Socket.ReceiveTimeout"/> expired).</exception>
        /// <exception cref="ObjectDisposedException">The socket has been closed.</exception>
        public static void ReceiveExactly(this Socket socket, byte[] buffer, int offset, int count)
        {
            Argument.NotNull(socket, nameof(socket));
            Argument.ValidBuffer(buffer, offset, count);
            int received = 0;
            while (received < count)
            {
                int n = socket.Receive(buffer, offset + received, count - received, SocketFlags.None);
                if (n == 0)
                {
                    throw EndOfStream(received, count);
                }

                received += n;
            }
        }

        /// <summary>Receives exactly <c>buffer.Length</c> bytes into <paramref name="buffer"/>, blocking until they have all arrived.</summary>
        /// <param name="socket">A connected stream socket.</param>
        /// <param name="buffer">The buffer to fill completely.</param>
        /// <exception cref="ArgumentNullException"><paramref name="socket"/> or <paramref name="buffer"/> is null.</exception>
        /// <exception cref="EndOfStreamException">The peer closed the connection before the buffer was full.</exception>
        /// <exception cref="SocketException">The socket failed.</exception>
        /// <exception cref="ObjectDisposedException">The socket has been closed.</exception>
        public static void ReceiveExactly(this Socket socket, byte[] buffer)
        {
            Argument.NotNull(buffer, nameof(buffer));
            ReceiveExactly(socket, buffer, 0, buffer.Length);
        }

        /// <summary>Receives exactly <c>buffer.Length</c> bytes into <paramref name="buffer"/>, blocking until they have all arrived.</summary>
        /// <param name="socket">A connected stream socket.</param>
        /// <param name="buffer">The span to fill completely.</param>
        /// <remarks>On netstandard2.0, which has no span receive, the bytes pass through a pooled array.</remarks>
        /// <exception cref="ArgumentNullException"><paramref name="socket"/> is null.</exception>
        /// <exception cref="EndOfStreamException">The peer closed the connection before the span was full.</exception>
        /// <exception cref="SocketException">The socket failed.</exception>
        /// <exception cref="ObjectDisposedException">The socket has been closed.</exception>
        public static void ReceiveExactly(this Socket socket, Span<byte> buffer)
        {
            Argument.NotNull(socket, nameof(socket));
            int count = buffer.Length;
            int received = 0;
#if NET
            while (received < count)
            {
                int n = socket.Receive(buffer.Slice(received), SocketFlags.None);
                if (n == 0)
                {
                    throw EndOfStream(received, count);
                }

                received += n;
            }
#else
            if (count == 0)
            {
                return;
            }

            byte[] rented = ArrayPool<byte>.Shared.Rent(Math.Min(count, 64 * 1024));
            try
            {
                while (received < count)
                {
                    int n = socket.Receive(rented, 0, Math.Min(rented.Length, count - received), SocketFlags.None);
                    if (n == 0)
                    {
                        throw EndOfStream(received, count);
                    }

                    rented.AsSpan(0, n).CopyTo(buffer.Slice(received));
                    received += n;
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
#endif
        }

        /// <summary>Receives exactly <c>buffer.Length</c> bytes into <paramref name="buffer"/> asynchronously.</summary>
        /// <param name="socket">A connected stream socket.</param>
        /// <param name="buffer">The memory to fill completely; an empty buffer completes at once without reading.</param>
        /// <param name="cancellationToken">
        /// Cancels the receive. The bytes received so far are in the buffer but the message is incomplete, so the
        /// connection should be closed. On netstandard2.0, which has no cancellable socket receive, cancellation closes
        /// the socket.
        /// </param>
        /// <returns>A task that completes when the buffer is full.</returns>
        /// <remarks>On .NET this uses the framework's cancellable <c>Socket.ReceiveAsync(Memory&lt;byte&gt;, SocketFlags, CancellationToken)</c> and does not allocate per call in steady state.</remarks>
        /// <exception cref="ArgumentNullException"><paramref name="socket"/> is null.</exception>
        /// <exception cref="EndOfStreamException">The peer closed the connection before the buffer was full.</exception>
        /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
        /// <exception cref="SocketException">The socket failed.</exception>
        /// <exception cref="ObjectDisposedException">The socket has been closed.</exception>
        public static ValueTask ReceiveExactlyAsync(this Socket socket, Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Argument.NotNull(socket, nameof(socket));
            if (cancellationToken.IsCancellationRequested)
            {
                return new ValueTask(Task.FromCanceled(cancellationToken));
            }

            return buffer.IsEmpty ? default : ReceiveExactlyCoreAsync(socket, buffer, cancellationToken);
        }

        /// <summary>
        /// Receives exactly <paramref name="count"/> bytes into <paramref name="buffer"/> at <paramref name="offset"/> asynchronously.
        /// </summary>
        /// <param name="socket">A connected stream socket.</param>
        /// <param name="buffer">The buffer to fill.</param>
        /// <param name="offset">Where in <paramref name="buffer"/> the first byte goes.</param>
        /// <param name="count">How many bytes to receive; 0 completes at once without reading.</param>
        /// <param name="cancellationToken">Cancels the receive; see <see cref="ReceiveExactlyAsync(Socket, Memory{byte}, CancellationToken)"/>.</param>
        /// <returns>A task that completes when <paramref name="count"/> bytes have arrived.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="socket"/> or <paramref name="buffer"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="offset"/> and <paramref name="count"/> do not describe a range of <paramref name="buffer"/>.</exception>
        /// <exception cref="EndOfStreamException">The peer closed the connection before <paramref name="count"/> bytes arrived.</exception>
        /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
        /// <exception cref="SocketException">The socket failed.</exception>
        /// <exception cref="ObjectDisposedException">The socket has been closed.</exception>
        public static Task ReceiveExactlyAsync(this Socket socket, byte[] buffer, int offset, int count, CancellationToken cancellationToken = default)
        {
            Argument.NotNull(socket, nameof(socket));
            Argument.ValidBuffer(buffer, offset, count);
            return ReceiveExactlyAsync(socket, new Memory<byte>(buffer, offset, count), cancellationToken).AsTask();
        }

#if NET
        [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
#endif
        private static async ValueTask ReceiveExactlyCoreAsync(Socket socket, Memory<byte> buffer, CancellationToken cancellationToken)
        {
            int received = 0;
            while (received < buffer.Length)
            {
                int n = await SocketIO.ReceiveAsync(socket, buffer.Slice(received), cancellationToken).ConfigureAwait(false);
                if (n == 0)
                {
                    throw EndOfStream(received, buffer.Length);
                }

                received += n;
            }
        }

        internal static EndOfStreamException EndOfStream(int received, int expected)
            => new EndOfStreamException($"The connection was closed by the peer after {received} of {expected} bytes arrived.");
    }
}
