using System;
using System.Buffers;
using System.Buffers.Binary;
using System.IO;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using SocketAnalyzers.Runtime.Internal;

namespace SocketAnalyzers.Runtime
{
    /// <summary>
    /// Reads length-prefixed frames from a stream: each frame is a 4-byte big-endian (network order) unsigned length
    /// followed by that many payload bytes. The counterpart of <see cref="LengthPrefixedFrameWriter"/>.
    /// </summary>
    /// <remarks>
    /// <para>
    /// TCP delivers a byte stream with no message boundaries; this reader restores them. It reads ahead into one pooled
    /// buffer and hands out each frame as a slice of it, so in steady state reading a frame allocates nothing (on .NET;
    /// on netstandard2.0 an asynchronous read that has to wait for the network allocates its task).
    /// </para>
    /// <para>
    /// <b>Frame lifetime:</b> the memory returned for a frame is valid only until the next read or
    /// <see cref="Dispose"/>. Copy it (<c>frame.ToArray()</c>) to keep it longer.
    /// </para>
    /// <para>
    /// <b>Hostile input:</b> a length above <see cref="MaxFrameLength"/> is rejected as soon as the prefix is read, before
    /// any buffer is sized for it, and the buffer grows only as bytes of a frame actually arrive, so a prefix announcing
    /// 4 GiB allocates nothing and a peer announcing a large frame it never sends costs at most twice what it sent. A
    /// stream that ends between frames is a normal end (<see langword="null"/>); one that ends inside a frame is an
    /// <see cref="InvalidDataException"/>. After an <see cref="InvalidDataException"/> the stream is no longer aligned
    /// on frames, and every further read throws <see cref="InvalidOperationException"/>: close the connection.
    /// </para>
    /// <para>A reader is not thread-safe: one read at a time. A cancelled read loses no data: a later read continues where it stopped.</para>
    /// <code>
    /// using var reader = new LengthPrefixedFrameReader(networkStream, maxFrameLength: 64 * 1024);
    /// while (await reader.ReadFrameAsync(ct) is { } frame)
    ///     Handle(frame.Span);
    /// </code>
    /// </remarks>
    public sealed class LengthPrefixedFrameReader : IDisposable
    {
        /// <summary>The default <see cref="MaxFrameLength"/>: 1 MiB.</summary>
        public const int DefaultMaxFrameLength = 1024 * 1024;

        /// <summary>The size of the length prefix: 4 bytes, big-endian.</summary>
        public const int PrefixLength = 4;

        private const int InitialBufferSize = 16 * 1024;

        private readonly Stream _stream;
        private readonly bool _leaveOpen;
        private readonly ArrayPool<byte> _pool;
        private byte[] _buffer = Array.Empty<byte>();
        private int _start;
        private int _end;
        private int _consumed;
        private int _needed = PrefixLength;
        private int _lastFrameTotal;
        private bool _endOfStream;
        private bool _disposed;
        private bool _readPending;
        private InvalidDataException? _fault;

        /// <summary>Creates a reader over a stream (a <see cref="NetworkStream"/>, an <c>SslStream</c>, <see cref="TcpConnection.Stream"/>, …).</summary>
        /// <param name="stream">The stream to read frames from.</param>
        /// <param name="maxFrameLength">The largest payload accepted, in bytes; larger prefixes are rejected before allocating.</param>
        /// <param name="leaveOpen">Whether <see cref="Dispose"/> leaves <paramref name="stream"/> open.</param>
        /// <param name="pool">Where the read buffer is rented from; <see cref="ArrayPool{T}.Shared"/> when null.</param>
        /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxFrameLength"/> is negative or leaves no room for the prefix in an array.</exception>
        /// <exception cref="ArgumentException"><paramref name="stream"/> cannot be read.</exception>
        public LengthPrefixedFrameReader(Stream stream, int maxFrameLength = DefaultMaxFrameLength, bool leaveOpen = false, ArrayPool<byte>? pool = null)
        {
            Argument.NotNull(stream, nameof(stream));
            if (!stream.CanRead)
            {
                throw new ArgumentException("The stream cannot be read.", nameof(stream));
            }

            if (maxFrameLength < 0 || maxFrameLength > int.MaxValue - 64)
            {
                throw new ArgumentOutOfRangeException(nameof(maxFrameLength), maxFrameLength, "The maximum frame length must be between 0 and int.MaxValue - 64.");
            }

            _stream = stream;
            _leaveOpen = leaveOpen;
            _pool = pool ?? ArrayPool<byte>.Shared;
            MaxFrameLength = maxFrameLength;
        }

        /// <summary>Creates a reader over a connected stream socket, through a <see cref="NetworkStream"/> that does not own the socket.</summary>
        /// <param name="socket">A connected stream socket; <see cref="Dispose"/> leaves it open.</param>
        /// <param name="maxFrameLength">The largest payload accepted, in bytes.</param>
        /// <param name="pool">Where the read buffer is rented from; <see cref="ArrayPool{T}.Shared"/> when null.</param>
        /// <exception cref="ArgumentNullException"><paramref name="socket"/> is null.</exception>
        /// <exception cref="IOException"><paramref name="socket"/> is not a connected stream socket.</exception>
        public LengthPrefixedFrameReader(Socket socket, int maxFrameLength = DefaultMaxFrameLength, ArrayPool<byte>? pool = null)
            : this(new NetworkStream(socket ?? throw new ArgumentNullException(nameof(socket)), ownsSocket: false), maxFrameLength, leaveOpen: false, pool)
        {
        }

        /// <summary>The largest payload length accepted, in bytes (the prefix not included).</summary>
        public int MaxFrameLength { get; }

        /// <summary>Reads the next frame asynchronously.</summary>
        /// <param name="cancellationToken">Cancels the read; no data is lost, a later read continues.</param>
        /// <returns>
        /// The frame's payload (possibly empty), valid until the next read or <see cref="Dispose"/>; or
        /// <see langword="null"/> when the stream ended cleanly between frames.
        /// </returns>
        /// <exception cref="InvalidDataException">The prefix announces more than <see cref="MaxFrameLength"/> bytes, or the stream ended inside a frame.</exception>
        /// <exception cref="InvalidOperationException">An earlier read failed with <see cref="InvalidDataException"/>.</exception>
        /// <exception cref="ObjectDisposedException">The reader was disposed.</exception>
        /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
        public ValueTask<ReadOnlyMemory<byte>?> ReadFrameAsync(CancellationToken cancellationToken = default)
        {
            BeginRead();
            if (TryTakeFrame(out ReadOnlyMemory<byte> frame))
            {
                return new ValueTask<ReadOnlyMemory<byte>?>(frame);
            }

            return ReadFrameSlowAsync(cancellationToken);
        }

        /// <summary>Reads the next frame, blocking until it has arrived.</summary>
        /// <returns>
        /// The frame's payload (possibly empty), valid until the next read or <see cref="Dispose"/>; or
        /// <see langword="null"/> when the stream ended cleanly between frames.
        /// </returns>
        /// <exception cref="InvalidDataException">The prefix announces more than <see cref="MaxFrameLength"/> bytes, or the stream ended inside a frame.</exception>
        /// <exception cref="InvalidOperationException">An earlier read failed with <see cref="InvalidDataException"/>.</exception>
        /// <exception cref="ObjectDisposedException">The reader was disposed.</exception>
        public ReadOnlyMemory<byte>? ReadFrame()
        {
            BeginRead();
            while (true)
            {
                if (TryTakeFrame(out ReadOnlyMemory<byte> frame))
                {
                    return frame;
                }

                if (_endOfStream)
                {
                    return EndOfStream();
                }

                PrepareSpace();
                int n = _stream.Read(_buffer, _end, ReadSize());
                Advance(n);
            }
        }

        /// <summary>Returns the buffer to its pool and, unless the reader was created with <c>leaveOpen</c>, disposes the stream. Frames read before are no longer valid.</summary>
        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            byte[] buffer = _buffer;
            _buffer = Array.Empty<byte>();
            _start = _end = _consumed = 0;
            // A read still pending writes into the buffer: leave it to the garbage collector rather than hand it to another renter.
            if (buffer.Length > 0 && !_readPending)
            {
                _pool.Return(buffer);
            }

            if (!_leaveOpen)
            {
                _stream.Dispose();
            }
        }

#if NET
        [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
#endif
        private async ValueTask<ReadOnlyMemory<byte>?> ReadFrameSlowAsync(CancellationToken cancellationToken)
        {
            while (true)
            {
                if (TryTakeFrame(out ReadOnlyMemory<byte> frame))
                {
                    return frame;
                }

                if (_endOfStream)
                {
                    return EndOfStream();
                }

                PrepareSpace();
                int n;
                _readPending = true;
                try
                {
#if NET
                    n = await _stream.ReadAsync(_buffer.AsMemory(_end, ReadSize()), cancellationToken).ConfigureAwait(false);
#else
                    n = await _stream.ReadAsync(_buffer, _end, ReadSize(), cancellationToken).ConfigureAwait(false);
#endif
                }
                finally
                {
                    _readPending = false;
                }

                ThrowIfDisposed();
                Advance(n);
            }
        }

        private void BeginRead()
        {
            ThrowIfDisposed();
            if (_fault is not null)
            {
                throw new InvalidOperationException("An earlier frame was malformed, so the stream is no longer aligned on frame boundaries; close the connection.", _fault);
            }

            // The previous frame's slice is released now.
            _start += _consumed;
            _consumed = 0;
        }

        private bool TryTakeFrame(out ReadOnlyMemory<byte> frame)
        {
            frame = default;
            int available = _end - _start;
            if (available < PrefixLength)
            {
                _needed = PrefixLength;
                return false;
            }

            uint length = BinaryPrimitives.ReadUInt32BigEndian(_buffer.AsSpan(_start, PrefixLength));
            if (length > (uint)MaxFrameLength)
            {
                throw Fail($"A frame announces {length} bytes, more than the maximum of {MaxFrameLength}; it was rejected before reading or allocating.");
            }

            int total = PrefixLength + (int)length;
            if (available < total)
            {
                _needed = total;
                return false;
            }

            frame = new ReadOnlyMemory<byte>(_buffer, _start + PrefixLength, (int)length);
            _consumed = total;
            _lastFrameTotal = total;
            return true;
        }

        private ReadOnlyMemory<byte>? EndOfStream()
        {
            int available = _end - _start;
            if (available == 0)
            {
                return null;
            }

            if (available < PrefixLength)
            {
                throw Fail($"The stream ended inside a frame's length prefix: {available} of {PrefixLength} bytes arrived.");
            }

            uint length = BinaryPrimitives.ReadUInt32BigEndian(_buffer.AsSpan(_start, PrefixLength));
            throw Fail($"The stream ended inside a frame: {available - PrefixLength} of {length} payload bytes arrived.");
        }

        /// <summary>Makes room to read at least one more byte: reset, compact, or grow towards the frame being read.</summary>
        private void PrepareSpace()
        {
            if (_start == _end)
            {
                _start = _end = 0;
            }

            if (_end < _buffer.Length)
            {
                return;
            }

            int buffered = _end - _start;
            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, buffered);
                _start = 0;
                _end = buffered;
                return;
            }

            // Full from the start with an incomplete frame: grow, at most to the frame's size and at most double what arrived.
            int size = _buffer.Length == 0 ? InitialBufferSize : Math.Min(_needed, (int)Math.Min(int.MaxValue - 64, 2L * _buffer.Length));
            byte[] bigger = _pool.Rent(size);
            if (buffered > 0)
            {
                Buffer.BlockCopy(_buffer, 0, bigger, 0, buffered);
            }

            if (_buffer.Length > 0)
            {
                _pool.Return(_buffer);
            }

            _buffer = bigger;
        }

        /// <summary>
        /// How much to ask the stream for: all the free space (read-ahead serves many small frames per read), except while
        /// a large frame is incomplete (or expected, after a large one): then only its remainder, so the frame ends at the
        /// end of what was read and the next frame starts in an empty buffer, with nothing to move.
        /// </summary>
        private int ReadSize()
        {
            int free = _buffer.Length - _end;
            int buffered = _end - _start;
            int remainder = _needed - buffered;
            if (buffered < PrefixLength)
            {
                // The next frame's length is not known yet: expect it to be like the last one (a guess only: a wrong
                // guess costs a compaction or an extra read, never correctness).
                remainder = _lastFrameTotal - buffered;
            }

            return remainder >= InitialBufferSize && remainder < free ? remainder : free;
        }

        private void Advance(int read)
        {
            if (read == 0)
            {
                _endOfStream = true;
            }
            else
            {
                _end += read;
            }
        }

        private InvalidDataException Fail(string message)
        {
            _fault = new InvalidDataException(message);
            return _fault;
        }

        private void ThrowIfDisposed()
        {
            if (_disposed)
            {
                throw new ObjectDisposedException(nameof(LengthPrefixedFrameReader));
            }
        }
    }
}
