using System;
using System.Buffers;
using System.Buffers.Binary;
using System.IO;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using SocketAnalyzers.Runtime.Internal;

namespace SocketAnalyzers.Runtime
{
    /// <summary>
    /// Writes length-prefixed frames to a stream: a 4-byte big-endian (network order) length, then the payload. The
    /// counterpart of <see cref="LengthPrefixedFrameReader"/>.
    /// </summary>
    /// <remarks>
    /// <para>
    /// The prefix is written with <see cref="BinaryPrimitives.WriteUInt32BigEndian"/>, so the wire format does not depend
    /// on the host's byte order. A small frame goes out as one write (prefix and payload copied into one pooled buffer,
    /// rented for the write and returned after it, so an idle connection holds none), so it is not split into a 4-byte segment and the rest; a large one goes as the prefix with the start of the
    /// payload, then the remainder straight from the caller's memory; on .NET, over a <see cref="Socket"/> or a plain
    /// <see cref="NetworkStream"/> and with a token that cannot be cancelled, as one gather send of the prefix and the
    /// caller's payload (one system call, no copy). Nothing is allocated per frame in steady state.
    /// </para>
    /// <para>
    /// The writer does not flush: over a <see cref="NetworkStream"/> or <see cref="TcpConnection.Stream"/> each write goes
    /// to the kernel at once; over a buffering stream, call its <c>FlushAsync</c> when a batch of frames is complete.
    /// A writer is not thread-safe: one write at a time, or frames may interleave.
    /// </para>
    /// </remarks>
    public sealed class LengthPrefixedFrameWriter : IDisposable
    {
        private const int BufferSize = 16 * 1024;
        private const int MaxSingleWrite = 1024 * 1024;

        private readonly Stream _stream;
        private readonly bool _leaveOpen;
        private readonly ArrayPool<byte> _pool;
        private byte[]? _buffer;
        private bool _disposed;
        private int _writesPending;
#if NET
        private readonly GatherSender? _gather;
#endif

        /// <summary>Creates a writer over a stream.</summary>
        /// <param name="stream">The stream to write frames to.</param>
        /// <param name="maxFrameLength">The largest payload this writer sends; match the reader's limit so a frame is never rejected by the peer.</param>
        /// <param name="leaveOpen">Whether <see cref="Dispose"/> leaves <paramref name="stream"/> open.</param>
        /// <param name="pool">Where the write buffer is rented from; <see cref="ArrayPool{T}.Shared"/> when null.</param>
        /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxFrameLength"/> is negative.</exception>
        /// <exception cref="ArgumentException"><paramref name="stream"/> cannot be written.</exception>
        public LengthPrefixedFrameWriter(Stream stream, int maxFrameLength = LengthPrefixedFrameReader.DefaultMaxFrameLength, bool leaveOpen = false, ArrayPool<byte>? pool = null)
        {
            Argument.NotNull(stream, nameof(stream));
            if (!stream.CanWrite)
            {
                throw new ArgumentException("The stream cannot be written.", nameof(stream));
            }

            if (maxFrameLength < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(maxFrameLength), maxFrameLength, "The maximum frame length cannot be negative.");
            }

            _stream = stream;
            _leaveOpen = leaveOpen;
            _pool = pool ?? ArrayPool<byte>.Shared;
            MaxFrameLength = maxFrameLength;
#if NET
            // Over a plain NetworkStream a large frame can go out as one gather send on its socket.
            if (stream.GetType() == typeof(NetworkStream))
            {
                _gather = new GatherSender(((NetworkStream)stream).Socket);
            }
#endif
        }

        /// <summary>Creates a writer over a connected stream socket, through a <see cref="NetworkStream"/> that does not own the socket.</summary>
        /// <param name="socket">A connected stream socket; <see cref="Dispose"/> leaves it open.</param>
        /// <param name="maxFrameLength">The largest payload this writer sends.</param>
        /// <param name="pool">Where the write buffer is rented from; <see cref="ArrayPool{T}.Shared"/> when null.</param>
        /// <exception cref="ArgumentNullException"><paramref name="socket"/> is null.</exception>
        /// <exception cref="IOException"><paramref name="socket"/> is not a connected stream socket.</exception>
        public LengthPrefixedFrameWriter(Socket socket, int maxFrameLength = LengthPrefixedFrameReader.DefaultMaxFrameLength, ArrayPool<byte>? pool = null)
            : this(new NetworkStream(socket ?? throw new ArgumentNullException(nameof(socket)), ownsSocket: false), maxFrameLength, leaveOpen: false, pool)
        {
        }

        /// <summary>The largest payload length this writer accepts, in bytes.</summary>
        public int MaxFrameLength { get; }

        /// <summary>Writes one frame asynchronously: the 4-byte big-endian length of <paramref name="payload"/>, then the payload.</summary>
        /// <param name="payload">The frame's payload; may be empty.</param>
        /// <param name="cancellationToken">Cancels the write. A frame cancelled halfway leaves the stream misaligned: close the connection.</param>
        /// <returns>A task that completes when the frame has been written to the stream.</returns>
        /// <exception cref="ArgumentException"><paramref name="payload"/> is longer than <see cref="MaxFrameLength"/>.</exception>
        /// <exception cref="ObjectDisposedException">The writer was disposed.</exception>
        public ValueTask WriteFrameAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken = default)
        {
            if (payload.Length > BufferSize - LengthPrefixedFrameReader.PrefixLength && !_disposed && payload.Length <= MaxFrameLength)
            {
#if NET
                // Gather send: uncancellable once started, so only for a token that cannot be cancelled.
                if (_gather is not null && !cancellationToken.CanBeCanceled && MemoryMarshal.TryGetArray(payload, out ArraySegment<byte> segment))
                {
                    byte[] prefix = _buffer ??= _pool.Rent(BufferSize);
                    BinaryPrimitives.WriteUInt32BigEndian(prefix, (uint)payload.Length);
                    return _gather.SendAsync(new ArraySegment<byte>(prefix, 0, LengthPrefixedFrameReader.PrefixLength), segment);
                }
#endif
                if (payload.Length <= MaxSingleWrite)
                {
                    return WriteLargeAsync(payload, cancellationToken);
                }
            }

            byte[] buffer = Prepare(payload.Span, out int first);
            ValueTask head = WriteAsync(new ReadOnlyMemory<byte>(buffer, 0, LengthPrefixedFrameReader.PrefixLength + first), cancellationToken);
            if (first == payload.Length && head.IsCompletedSuccessfully)
            {
                ReleaseBuffer();
                return head;
            }

            return WriteRestAsync(head, payload.Slice(first), cancellationToken);
        }

        /// <summary>Writes one frame: the 4-byte big-endian length of <paramref name="payload"/>, then the payload. Blocks until written.</summary>
        /// <param name="payload">The frame's payload; may be empty.</param>
        /// <exception cref="ArgumentException"><paramref name="payload"/> is longer than <see cref="MaxFrameLength"/>.</exception>
        /// <exception cref="ObjectDisposedException">The writer was disposed.</exception>
        public void WriteFrame(ReadOnlySpan<byte> payload)
        {
            byte[] buffer = Prepare(payload, out int first);
            try
            {
                _stream.Write(buffer, 0, LengthPrefixedFrameReader.PrefixLength + first);
                ReadOnlySpan<byte> rest = payload.Slice(first);
#if NET
                _stream.Write(rest);
#else
                while (!rest.IsEmpty)
                {
                    int chunk = Math.Min(rest.Length, buffer.Length);
                    rest.Slice(0, chunk).CopyTo(buffer);
                    _stream.Write(buffer, 0, chunk);
                    rest = rest.Slice(chunk);
                }
#endif
            }
            finally
            {
                ReleaseBuffer();
            }
        }

        /// <summary>Returns the buffer to its pool and, unless the writer was created with <c>leaveOpen</c>, disposes the stream.</summary>
        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            // A write still pending reads from the buffer: leave it to the garbage collector rather than hand it to another renter.
            bool pending = Volatile.Read(ref _writesPending) != 0;
#if NET
            pending |= _gather?.Pending == true;
#endif
            if (_buffer is not null && !pending)
            {
                _pool.Return(_buffer);
            }

            _buffer = null;

            if (!_leaveOpen)
            {
                _stream.Dispose();
            }
#if NET
            _gather?.Dispose();
#endif
        }

        /// <summary>Validates the payload and fills the buffer with the prefix and as much of the payload as fits.</summary>
        private byte[] Prepare(ReadOnlySpan<byte> payload, out int first)
        {
            if (_disposed)
            {
                throw new ObjectDisposedException(nameof(LengthPrefixedFrameWriter));
            }

            if (payload.Length > MaxFrameLength)
            {
                throw new ArgumentException($"The payload has {payload.Length} bytes, more than the maximum frame length of {MaxFrameLength}.", nameof(payload));
            }

            byte[] buffer = _buffer ??= _pool.Rent(BufferSize);
            BinaryPrimitives.WriteUInt32BigEndian(buffer, (uint)payload.Length);
            first = Math.Min(payload.Length, buffer.Length - LengthPrefixedFrameReader.PrefixLength);
            payload.Slice(0, first).CopyTo(buffer.AsSpan(LengthPrefixedFrameReader.PrefixLength));
            return buffer;
        }

/// <summary>A large frame as one write: prefix and payload copied into a buffer rented for this write only.</summary>
#if NET
        [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
#endif
        private async ValueTask WriteLargeAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
        {
            int total = LengthPrefixedFrameReader.PrefixLength + payload.Length;
            byte[] whole = _pool.Rent(total);
            try
            {
                BinaryPrimitives.WriteUInt32BigEndian(whole, (uint)payload.Length);
                payload.Span.CopyTo(whole.AsSpan(LengthPrefixedFrameReader.PrefixLength));
                await WriteAsync(new ReadOnlyMemory<byte>(whole, 0, total), cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _pool.Return(whole);
            }
        }

#if NET
        [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
#endif
        private async ValueTask WriteRestAsync(ValueTask head, ReadOnlyMemory<byte> rest, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _writesPending);
            try
            {
                await head.ConfigureAwait(false);
                if (!rest.IsEmpty)
                {
                    await WriteAsync(rest, cancellationToken).ConfigureAwait(false);
                }
            }
            finally
            {
                Interlocked.Decrement(ref _writesPending);
                ReleaseBuffer();
            }
        }

        /// <summary>
        /// Returns the copy buffer to the pool after a write, so an idle connection holds none (the pool hands the same
        /// array to the next write: nothing is allocated). After <see cref="Dispose"/> it is left to Dispose's rules.
        /// </summary>
        private void ReleaseBuffer()
        {
            byte[]? buffer = _buffer;
            if (buffer is not null && !_disposed)
            {
                _buffer = null;
                _pool.Return(buffer);
            }
        }

        private ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
        {
#if NET
            return _stream.WriteAsync(data, cancellationToken);
#else
            if (MemoryMarshal.TryGetArray(data, out ArraySegment<byte> segment))
            {
                return new ValueTask(_stream.WriteAsync(segment.Array!, segment.Offset, segment.Count, cancellationToken));
            }

            return WriteCopiedAsync(data, cancellationToken);
#endif
        }

#if !NET
        private async ValueTask WriteCopiedAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
        {
            byte[] buffer = _buffer!;
            while (!data.IsEmpty)
            {
                int chunk = Math.Min(data.Length, buffer.Length);
                data.Span.Slice(0, chunk).CopyTo(buffer);
                await _stream.WriteAsync(buffer, 0, chunk, cancellationToken).ConfigureAwait(false);
                data = data.Slice(chunk);
            }
        }
#endif
    }
}
