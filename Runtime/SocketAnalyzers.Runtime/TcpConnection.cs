using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using SocketAnalyzers.Runtime.Internal;

namespace SocketAnalyzers.Runtime
{
    /// <summary>
    /// One accepted connection of a <see cref="TcpServerHost"/>, handed to the connection handler. Its receive and send
    /// methods, and its <see cref="Stream"/>, apply the host's idle timeout to every operation.
    /// </summary>
    /// <remarks>
    /// The host owns the socket: it closes it gracefully when the handler returns, and abortively when the handler
    /// throws or the host's shutdown deadline passes. A handler must not dispose <see cref="Socket"/> itself. One
    /// receive and one send may run at the same time (full duplex), but not two receives or two sends.
    /// </remarks>
    public sealed class TcpConnection
    {
        private const int SendChunk = 64 * 1024;
        private readonly OperationTimeout? _receiveTimeout;
        private readonly OperationTimeout? _sendTimeout;
        private readonly TimeSpan _firstReceiveTimeout;
        private Stream? _stream;
        private int _aborted;
        private int _evicted;
        private bool _receivedAny;

        // Stopwatch timestamps of the receive and the send in progress (0: none), read by the host to find the connection
        // waiting longest for its peer when it must make room.
        private long _receivingSince;
        private long _sendingSince;

        internal TcpConnection(long id, Socket socket, TimeSpan idleTimeout, TimeSpan firstByteTimeout = default)
        {
            Id = id;
            Socket = socket;
            IdleTimeout = idleTimeout;
            _firstReceiveTimeout = firstByteTimeout > TimeSpan.Zero && (Argument.IsInfinite(idleTimeout) || firstByteTimeout < idleTimeout)
                ? firstByteTimeout
                : idleTimeout;
            RemoteEndPoint = TryGet(() => socket.RemoteEndPoint);
            LocalEndPoint = TryGet(() => socket.LocalEndPoint);
            if (!Argument.IsInfinite(_firstReceiveTimeout))
            {
                _receiveTimeout = new OperationTimeout();
                socket.ReceiveTimeout = Milliseconds(_firstReceiveTimeout); // applies to the synchronous Stream.Read
            }

            if (!Argument.IsInfinite(idleTimeout))
            {
                _sendTimeout = new OperationTimeout();
                socket.SendTimeout = Milliseconds(idleTimeout); // applies to the synchronous Stream.Write
            }
        }

        /// <summary>A number that identifies the connection within its host, increasing from 1 in accept order.</summary>
        public long Id { get; }

        /// <summary>The accepted socket. Its lifetime belongs to the host: do not dispose it. Direct calls on it bypass the idle timeout of asynchronous operations.</summary>
        public Socket Socket { get; }

        /// <summary>The client's address and port, captured when the connection was accepted.</summary>
        public EndPoint? RemoteEndPoint { get; }

        /// <summary>The local address and port of the connection, captured when it was accepted.</summary>
        public EndPoint? LocalEndPoint { get; }

        /// <summary>The idle timeout applied to each receive and send (<see cref="TcpServerHostOptions.IdleTimeout"/>).</summary>
        public TimeSpan IdleTimeout { get; }

        /// <summary>
        /// A <see cref="System.IO.Stream"/> over the connection whose reads and writes, synchronous or asynchronous,
        /// apply the idle timeout (they throw <see cref="TimeoutException"/>). Use it with stream-based code such as
        /// <see cref="LengthPrefixedFrameReader"/>, <c>StreamReader</c> or <c>SslStream</c>. Disposing it does not close the connection.
        /// </summary>
        public Stream Stream => _stream ??= new TcpConnectionStream(this);

        internal bool IsAborted => Volatile.Read(ref _aborted) != 0;

        internal bool IsEvicted => Volatile.Read(ref _evicted) != 0;

        /// <summary>
        /// The Stopwatch timestamp since which the connection has been waiting for its peer (the older of the receive and
        /// the send in progress), or 0 when no operation through this connection is waiting.
        /// </summary>
        internal long WaitingSince
        {
            get
            {
                long receiving = Volatile.Read(ref _receivingSince);
                long sending = Volatile.Read(ref _sendingSince);
                return receiving == 0 ? sending : sending == 0 ? receiving : Math.Min(receiving, sending);
            }
        }

        /// <summary>Receives at most <c>buffer.Length</c> bytes; 0 means the peer has closed its side (end of stream).</summary>
        /// <param name="buffer">Where the bytes go.</param>
        /// <param name="cancellationToken">Cancels the receive.</param>
        /// <returns>The number of bytes received, from 1 to <c>buffer.Length</c>, or 0 at end of stream (or for an empty buffer).</returns>
        /// <exception cref="TimeoutException">Nothing arrived within <see cref="IdleTimeout"/>.</exception>
        /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
        /// <exception cref="SocketException">The connection failed (for example, it was reset).</exception>
        public ValueTask<int> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
            => ReceiveWithTimeoutAsync(buffer, cancellationToken);

        /// <summary>Receives exactly <c>buffer.Length</c> bytes; the idle timeout applies to each underlying receive, so a slow but steady peer is served.</summary>
        /// <param name="buffer">The memory to fill completely.</param>
        /// <param name="cancellationToken">Cancels the receive.</param>
        /// <returns>A task that completes when the buffer is full.</returns>
        /// <exception cref="EndOfStreamException">The peer closed its side before the buffer was full; the message says how many bytes arrived.</exception>
        /// <exception cref="TimeoutException">A receive waited longer than <see cref="IdleTimeout"/>.</exception>
        /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
        /// <exception cref="SocketException">The connection failed.</exception>
#if NET
        [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
#endif
        public async ValueTask ReceiveExactlyAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            int received = 0;
            while (received < buffer.Length)
            {
                int n = await ReceiveAsync(buffer.Slice(received), cancellationToken).ConfigureAwait(false);
                if (n == 0)
                {
                    throw SocketReceiveExtensions.EndOfStream(received, buffer.Length);
                }

                received += n;
            }
        }

        /// <summary>Sends every byte of <paramref name="buffer"/>. Large buffers go in chunks, and the idle timeout applies to each chunk, so a slow but steady reader is served.</summary>
        /// <param name="buffer">The bytes to send.</param>
        /// <param name="cancellationToken">Cancels the send; some bytes may already be sent.</param>
        /// <returns>A task that completes when every byte has been handed to the kernel.</returns>
        /// <exception cref="TimeoutException">The peer did not read for longer than <see cref="IdleTimeout"/> (our send buffer stayed full).</exception>
        /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
        /// <exception cref="SocketException">The connection failed (for example, the peer reset it).</exception>
#if NET
        [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
#endif
        public async ValueTask SendAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            while (!buffer.IsEmpty)
            {
                ReadOnlyMemory<byte> chunk = buffer.Length > SendChunk ? buffer.Slice(0, SendChunk) : buffer;
                int sent = await SendWithTimeoutAsync(chunk, cancellationToken).ConfigureAwait(false);
                buffer = buffer.Slice(sent);
            }
        }

        internal int Receive(Span<byte> buffer)
        {
            Volatile.Write(ref _receivingSince, Stopwatch.GetTimestamp());
            try
            {
                int n = ReceiveBlocking(buffer);
                if (n > 0 && !_receivedAny)
                {
                    _receivedAny = true;
                    if (_firstReceiveTimeout != IdleTimeout)
                    {
                        Socket.ReceiveTimeout = Argument.IsInfinite(IdleTimeout) ? 0 : Milliseconds(IdleTimeout);
                    }
                }

                return n;
            }
            catch (Exception ex) when (IsEvicted && (ex is SocketException || ex is ObjectDisposedException))
            {
                throw Evicted("receive", ex);
            }
            catch (SocketException ex) when (ex.SocketErrorCode == SocketError.TimedOut || ex.SocketErrorCode == SocketError.WouldBlock)
            {
                throw ReceiveTimeoutExpired(ex);
            }
            finally
            {
                Volatile.Write(ref _receivingSince, 0);
            }
        }

        private int ReceiveBlocking(Span<byte> buffer)
        {
#if NET
            return Socket.Receive(buffer, SocketFlags.None);
#else
            byte[] rented = System.Buffers.ArrayPool<byte>.Shared.Rent(buffer.Length);
            try
            {
                int n = Socket.Receive(rented, 0, buffer.Length, SocketFlags.None);
                rented.AsSpan(0, n).CopyTo(buffer);
                return n;
            }
            finally
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(rented);
            }
#endif
        }

        internal void Send(ReadOnlySpan<byte> buffer)
        {
            long started = Stopwatch.GetTimestamp();
            Volatile.Write(ref _sendingSince, started);
            try
            {
                SocketIO.SendAll(Socket, buffer);
            }
            catch (Exception ex) when (IsEvicted && (ex is SocketException || ex is ObjectDisposedException))
            {
                throw Evicted("send", ex);
            }
            catch (SocketException ex) when (ex.SocketErrorCode == SocketError.TimedOut && EndedBeforeIdleTimeout(started))
            {
                // On Linux a peer's reset during a blocked send surfaces as ETIMEDOUT, at once: it is a reset, not idleness.
                throw new SocketException((int)SocketError.ConnectionReset);
            }
            catch (SocketException ex) when (ex.SocketErrorCode == SocketError.TimedOut || ex.SocketErrorCode == SocketError.WouldBlock)
            {
                throw IdleTimeoutExpired("send", ex);
            }
            finally
            {
                Volatile.Write(ref _sendingSince, 0);
            }
        }

        /// <summary>
        /// Whether a blocking call that began at <paramref name="started"/> ended clearly before the idle timeout could
        /// fire. The sync send loop may run several sends, each with the full timeout, so the bound is conservative: a
        /// real timeout always takes at least one whole <see cref="IdleTimeout"/>.
        /// </summary>
        private bool EndedBeforeIdleTimeout(long started)
        {
            if (Argument.IsInfinite(IdleTimeout))
            {
                return true;
            }

            double elapsedMs = (Stopwatch.GetTimestamp() - started) * 1000.0 / Stopwatch.Frequency;
            return elapsedMs < IdleTimeout.TotalMilliseconds * 0.9;
        }

        /// <summary>Closes the socket at once (the host's shutdown deadline passed); pending operations fail.</summary>
        internal void Abort()
        {
            Interlocked.Exchange(ref _aborted, 1);
            Socket.Dispose();
        }

        /// <summary>
        /// Closes the socket at once to make room for a new client (the host is full and this connection waited longest
        /// for its peer); the pending operation fails with a <see cref="TimeoutException"/> that says so.
        /// </summary>
        /// <returns>Whether this call evicted it (false when it already was).</returns>
        internal bool Evict()
        {
            if (Interlocked.Exchange(ref _evicted, 1) != 0)
            {
                return false;
            }

            Socket.Dispose();
            return true;
        }

        internal void DisposeTimers()
        {
            _receiveTimeout?.Dispose();
            _sendTimeout?.Dispose();
        }

#if NET
        [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
#endif
        private async ValueTask<int> ReceiveWithTimeoutAsync(Memory<byte> buffer, CancellationToken cancellationToken)
        {
            TimeSpan limit = _receivedAny ? IdleTimeout : _firstReceiveTimeout;
            OperationTimeout? timeout = Argument.IsInfinite(limit) ? null : _receiveTimeout;
            CancellationTokenRegistration registration = default;
            CancellationToken token = timeout is null ? cancellationToken : timeout.Start(limit, cancellationToken, out registration);
            Volatile.Write(ref _receivingSince, Stopwatch.GetTimestamp());
            try
            {
                int n = await SocketIO.ReceiveAsync(Socket, buffer, token).ConfigureAwait(false);
                if (n > 0)
                {
                    _receivedAny = true;
                }

                return n;
            }
            catch (Exception ex) when (IsEvicted && (ex is SocketException || ex is ObjectDisposedException || ex is OperationCanceledException))
            {
                throw Evicted("receive", ex);
            }
            catch (OperationCanceledException ex) when (timeout is not null && timeout.Expired(cancellationToken))
            {
                throw ReceiveTimeoutExpired(ex);
            }
            catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested && ex.CancellationToken != cancellationToken)
            {
                throw new OperationCanceledException(ex.Message, ex, cancellationToken);
            }
            finally
            {
                Volatile.Write(ref _receivingSince, 0);
                timeout?.Stop(registration);
            }
        }

#if NET
        [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
#endif
        private async ValueTask<int> SendWithTimeoutAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken)
        {
            OperationTimeout? timeout = _sendTimeout;
            CancellationTokenRegistration registration = default;
            CancellationToken token = timeout is null ? cancellationToken : timeout.Start(IdleTimeout, cancellationToken, out registration);
            Volatile.Write(ref _sendingSince, Stopwatch.GetTimestamp());
            try
            {
                return await SocketIO.SendAsync(Socket, buffer, token).ConfigureAwait(false);
            }
            catch (Exception ex) when (IsEvicted && (ex is SocketException || ex is ObjectDisposedException || ex is OperationCanceledException))
            {
                throw Evicted("send", ex);
            }
            catch (OperationCanceledException ex) when (timeout is not null && timeout.Expired(cancellationToken))
            {
                throw IdleTimeoutExpired("send", ex);
            }
            catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested && ex.CancellationToken != cancellationToken)
            {
                throw new OperationCanceledException(ex.Message, ex, cancellationToken);
            }
            finally
            {
                Volatile.Write(ref _sendingSince, 0);
                timeout?.Stop(registration);
            }
        }

        private static int Milliseconds(TimeSpan timeout) => Math.Max(1, (int)Math.Ceiling(timeout.TotalMilliseconds));

        private TimeoutException IdleTimeoutExpired(string operation, Exception inner)
            => new TimeoutException($"The {operation} on connection {Id} from {RemoteEndPoint} made no progress within the idle timeout of {IdleTimeout.TotalMilliseconds:0} ms.", inner);

        private TimeoutException ReceiveTimeoutExpired(Exception inner)
            => _receivedAny || _firstReceiveTimeout == IdleTimeout
                ? IdleTimeoutExpired("receive", inner)
                : new TimeoutException($"Connection {Id} from {RemoteEndPoint} sent nothing within the first-byte timeout of {_firstReceiveTimeout.TotalMilliseconds:0} ms.", inner);

        private TimeoutException Evicted(string operation, Exception inner)
            => new TimeoutException($"Connection {Id} from {RemoteEndPoint} was closed during a {operation} to make room for a new client: the server was at its connection limit and this connection had waited longest for its peer.", inner);

        private static EndPoint? TryGet(Func<EndPoint?> get)
        {
            try
            {
                return get();
            }
            catch (SocketException)
            {
                return null;
            }
            catch (ObjectDisposedException)
            {
                return null;
            }
        }
    }
}
