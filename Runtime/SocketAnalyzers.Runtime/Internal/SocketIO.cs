using System;
using System.Buffers;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

namespace SocketAnalyzers.Runtime.Internal
{
    /// <summary>
    /// Single socket receives and sends with cancellation on every target. On .NET the framework's cancellable
    /// <c>Socket.ReceiveAsync(Memory&lt;byte&gt;, SocketFlags, CancellationToken)</c> is used as is. netstandard2.0 has no
    /// cancellable socket operation: there, cancellation closes the socket, which is the only way to end a pending
    /// receive without leaving it to swallow the next bytes that arrive.
    /// </summary>
    internal static class SocketIO
    {
#if NET
        internal static ValueTask<int> ReceiveAsync(Socket socket, Memory<byte> buffer, CancellationToken cancellationToken)
            => socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);

        internal static ValueTask<int> SendAsync(Socket socket, ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken)
            => socket.SendAsync(buffer, SocketFlags.None, cancellationToken);
#else
        internal static async ValueTask<int> ReceiveAsync(Socket socket, Memory<byte> buffer, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (MemoryMarshal.TryGetArray((ReadOnlyMemory<byte>)buffer, out ArraySegment<byte> segment))
            {
                return await WithCancellation(socket.ReceiveAsync(segment, SocketFlags.None), socket, cancellationToken).ConfigureAwait(false);
            }

            byte[] rented = ArrayPool<byte>.Shared.Rent(buffer.Length);
            try
            {
                int received = await WithCancellation(
                    socket.ReceiveAsync(new ArraySegment<byte>(rented, 0, buffer.Length), SocketFlags.None), socket, cancellationToken).ConfigureAwait(false);
                rented.AsSpan(0, received).CopyTo(buffer.Span);
                return received;
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }

        internal static async ValueTask<int> SendAsync(Socket socket, ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (MemoryMarshal.TryGetArray(buffer, out ArraySegment<byte> segment))
            {
                return await WithCancellation(socket.SendAsync(segment, SocketFlags.None), socket, cancellationToken).ConfigureAwait(false);
            }

            byte[] rented = ArrayPool<byte>.Shared.Rent(buffer.Length);
            try
            {
                buffer.Span.CopyTo(rented);
                return await WithCancellation(
                    socket.SendAsync(new ArraySegment<byte>(rented, 0, buffer.Length), SocketFlags.None), socket, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }

        private static async Task<int> WithCancellation(Task<int> operation, Socket socket, CancellationToken cancellationToken)
        {
            if (!cancellationToken.CanBeCanceled)
            {
                return await operation.ConfigureAwait(false);
            }

            using (cancellationToken.Register(static state => ((Socket)state!).Dispose(), socket))
            {
                try
                {
                    return await operation.ConfigureAwait(false);
                }
                catch (Exception ex) when (cancellationToken.IsCancellationRequested && (ex is ObjectDisposedException || ex is SocketException))
                {
                    throw new OperationCanceledException("The socket operation was cancelled; on netstandard2.0 that closes the socket.", ex, cancellationToken);
                }
            }
        }
#endif

        /// <summary>Sends every byte of <paramref name="buffer"/>, looping over partial sends.</summary>
        internal static async ValueTask SendAllAsync(Socket socket, ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken)
        {
            while (!buffer.IsEmpty)
            {
                int sent = await SendAsync(socket, buffer, cancellationToken).ConfigureAwait(false);
                buffer = buffer.Slice(sent);
            }
        }

        /// <summary>Sends every byte of <paramref name="buffer"/> synchronously, looping over partial sends.</summary>
        internal static void SendAll(Socket socket, ReadOnlySpan<byte> buffer)
        {
#if NET
            while (!buffer.IsEmpty)
            {
                int sent = socket.Send(buffer, SocketFlags.None);
                buffer = buffer.Slice(sent);
            }
#else
            byte[] rented = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length, 64 * 1024));
            try
            {
                while (!buffer.IsEmpty)
                {
                    int chunk = Math.Min(buffer.Length, rented.Length);
                    buffer.Slice(0, chunk).CopyTo(rented);
                    int offset = 0;
                    while (offset < chunk)
                    {
                        offset += socket.Send(rented, offset, chunk - offset, SocketFlags.None);
                    }

                    buffer = buffer.Slice(chunk);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
#endif
        }
    }
}
