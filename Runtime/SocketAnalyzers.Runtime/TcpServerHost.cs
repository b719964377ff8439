using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using SocketAnalyzers.Runtime.Internal;

namespace SocketAnalyzers.Runtime
{
    /// <summary>
    /// A small TCP server: binds and listens, accepts connections in a loop, and runs one asynchronous handler per
    /// connection, with a connection limit, a per-operation idle timeout, and a graceful stop.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Each connection's handler runs on the thread pool, so a slow or blocking handler never delays accepting the
    /// next client (the iterative-server trap). An exception in one handler is reported through <see cref="Error"/>
    /// and closes that connection only; the others keep running.
    /// </para>
    /// <para>
    /// When a handler returns normally the host closes the connection gracefully (half-close, drain the peer's
    /// remaining bytes for <see cref="TcpServerHostOptions.CloseDrainTimeout"/>, close: see
    /// <see cref="SocketShutdownExtensions"/>), so the client receives everything the handler sent. When it throws,
    /// the connection is closed at once.
    /// </para>
    /// <para><see cref="StopAsync"/> stops accepting, signals the handlers through their cancellation token, lets them
    /// finish within <see cref="TcpServerHostOptions.ShutdownTimeout"/>, then closes the connections still open.</para>
    /// <code>
    /// await using var host = new TcpServerHost(new TcpServerHostOptions { EndPoint = new IPEndPoint(IPAddress.Loopback, 7007) },
    ///     async (connection, ct) =>
    ///     {
    ///         var buffer = new byte[4096];
    ///         int n;
    ///         while ((n = await connection.ReceiveAsync(buffer, ct)) > 0)
    ///             await connection.SendAsync(buffer.AsMemory(0, n), ct);
    ///     });
    /// host.Error += (_, e) => Console.Error.WriteLine(e.Exception);
    /// await host.StartAsync();
    /// </code>
    /// </remarks>
    public sealed class TcpServerHost : IAsyncDisposable
    {
        private const int NotStarted = 0;
        private const int Running = 1;
        private const int Stopping = 2;
        private static readonly TimeSpan AcceptErrorBackoff = TimeSpan.FromMilliseconds(50);
        private static readonly TimeSpan AbortGrace = TimeSpan.FromSeconds(2);

        /// <summary>A connection must have waited at least this long for its peer to be evicted: a busy request/response client between two messages is not idle.</summary>
        private static readonly TimeSpan MinimumIdleForEviction = TimeSpan.FromSeconds(1);

        /// <summary>While full, how often the accept loop looks again for a connection idle long enough to evict.</summary>
        private static readonly TimeSpan EvictionRetry = TimeSpan.FromMilliseconds(100);

        private readonly Func<TcpConnection, CancellationToken, Task> _handler;
        private readonly EndPoint _endPoint;
        private readonly int _maxConnections;
        private readonly TimeSpan _idleTimeout;
        private readonly TimeSpan _firstByteTimeout;
        private readonly bool _evictWhenFull;
        private readonly TimeSpan _shutdownTimeout;
        private readonly TimeSpan _closeDrainTimeout;
        private readonly int _backlog;
        private readonly bool _noDelay;
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
        private readonly CancellationTokenSource _aborting = new CancellationTokenSource();
        private readonly ConcurrentDictionary<long, Entry> _connections = new ConcurrentDictionary<long, Entry>();
        private readonly SemaphoreSlim _slots;
        private readonly object _gate = new object();
        private int _state;
        private long _nextId;
        private Socket? _listener;
        private Task _acceptLoop = Task.CompletedTask;
        private Task? _stopTask;

        /// <summary>Creates a host; nothing is bound until <see cref="StartAsync"/>.</summary>
        /// <param name="options">The settings, read once here.</param>
        /// <param name="handler">
        /// Serves one connection. Its token is cancelled when <see cref="StopAsync"/> begins: the handler should finish
        /// the exchange in progress and return. It must not dispose the connection's socket.
        /// </param>
        /// <exception cref="ArgumentNullException"><paramref name="options"/>, its endpoint, or <paramref name="handler"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">A limit or timeout in <paramref name="options"/> is out of range.</exception>
        public TcpServerHost(TcpServerHostOptions options, Func<TcpConnection, CancellationToken, Task> handler)
        {
            Argument.NotNull(options, nameof(options));
            Argument.NotNull(handler, nameof(handler));
            Argument.NotNull(options.EndPoint, nameof(options) + "." + nameof(options.EndPoint));
            Argument.Positive(options.MaxConnections, nameof(options) + "." + nameof(options.MaxConnections));
            Argument.Positive(options.Backlog, nameof(options) + "." + nameof(options.Backlog));
            Argument.Timeout(options.IdleTimeout, nameof(options) + "." + nameof(options.IdleTimeout), allowZero: false);
            Argument.Timeout(options.FirstByteTimeout, nameof(options) + "." + nameof(options.FirstByteTimeout), allowZero: false);
            Argument.Timeout(options.ShutdownTimeout, nameof(options) + "." + nameof(options.ShutdownTimeout));
            Argument.Timeout(options.CloseDrainTimeout, nameof(options) + "." + nameof(options.CloseDrainTimeout));
            _handler = handler;
            _endPoint = options.EndPoint;
            _maxConnections = options.MaxConnections;
            _idleTimeout = options.IdleTimeout;
            _firstByteTimeout = options.FirstByteTimeout;
            _evictWhenFull = options.EvictIdleConnectionsWhenFull;
            _shutdownTimeout = options.ShutdownTimeout;
            _closeDrainTimeout = options.CloseDrainTimeout;
            _backlog = options.Backlog;
            _noDelay = options.NoDelay;
            _slots = new SemaphoreSlim(_maxConnections, _maxConnections);
        }

        /// <summary>
        /// Raised when a connection handler throws (other than by cancellation during a stop), including an idle
        /// <see cref="TimeoutException"/>, and when accepting a connection fails. Raised on a thread-pool thread; an
        /// exception thrown by a subscriber is ignored.
        /// </summary>
        public event EventHandler<TcpServerErrorEventArgs>? Error;

        /// <summary>
        /// The endpoint the host actually listens on once started: with port 0 in the options, this holds the port the
        /// system chose. <see langword="null"/> before <see cref="StartAsync"/>.
        /// </summary>
        public EndPoint? LocalEndPoint { get; private set; }

        /// <summary>The number of connections being served now.</summary>
        public int ActiveConnections => _connections.Count;

        /// <summary>Binds, listens and starts accepting connections in the background.</summary>
        /// <param name="cancellationToken">Checked before binding.</param>
        /// <returns>A task that completes once the host is listening (<see cref="LocalEndPoint"/> is set): clients can connect from then on.</returns>
        /// <exception cref="InvalidOperationException">The host was already started or stopped.</exception>
        /// <exception cref="SocketException">Binding or listening failed (for example, the address is in use).</exception>
        public Task StartAsync(CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            lock (_gate)
            {
                if (_state != NotStarted)
                {
                    throw new InvalidOperationException("A TcpServerHost can be started once; create a new host to start again.");
                }

                var listener = new Socket(_endPoint.AddressFamily, SocketType.Stream, _endPoint is IPEndPoint ? ProtocolType.Tcp : ProtocolType.Unspecified);
                try
                {
                    if (_endPoint is IPEndPoint ip && ip.Address.Equals(IPAddress.IPv6Any))
                    {
                        listener.DualMode = true;
                    }

                    listener.Bind(_endPoint);
                    listener.Listen(_backlog);
                    LocalEndPoint = listener.LocalEndPoint;
                }
                catch
                {
                    listener.Dispose();
                    throw;
                }

                _listener = listener;
                _state = Running;
                _acceptLoop = Task.Run(() => AcceptLoopAsync(listener));
            }

            return Task.CompletedTask;
        }

        /// <summary>
        /// Stops the host: stops accepting (clients not yet accepted are refused), cancels the handlers' token, waits up to
        /// <see cref="TcpServerHostOptions.ShutdownTimeout"/> for them to finish, then closes the connections still open
        /// and waits up to the same timeout again (at least 2 seconds) for their handlers to end. Safe to call more than once and before
        /// <see cref="StartAsync"/>.
        /// </summary>
        /// <param name="cancellationToken">Cutting the graceful wait short: when cancelled, open connections are closed at once.</param>
        /// <returns>A task that completes when the host has stopped.</returns>
        public Task StopAsync(CancellationToken cancellationToken = default)
        {
            lock (_gate)
            {
                if (_stopTask is null)
                {
                    bool wasRunning = _state == Running;
                    _state = Stopping;
                    _stopTask = wasRunning ? StopCoreAsync(cancellationToken) : Task.CompletedTask;
                }

                return _stopTask;
            }
        }

        /// <summary>Stops the host as <see cref="StopAsync"/> does.</summary>
        /// <returns>A task that completes when the host has stopped.</returns>
        public ValueTask DisposeAsync() => new ValueTask(StopAsync());

        private async Task StopCoreAsync(CancellationToken cancellationToken)
        {
            CancelQuietly(_stopping);
            _listener?.Dispose();
            await _acceptLoop.ConfigureAwait(false);

            var running = new List<Task>();
            foreach (Entry entry in _connections.Values)
            {
                running.Add(entry.Task);
            }

            Task all = Task.WhenAll(running);
            if (!await CompletesWithin(all, _shutdownTimeout, cancellationToken).ConfigureAwait(false))
            {
                CancelQuietly(_aborting);
                foreach (Entry entry in _connections.Values)
                {
                    entry.Connection.Abort();
                }

                // Handlers whose socket was just closed fail fast; one that ignores both its token and its closed socket
                // is left behind rather than hanging the stop. The floor leaves room for a loaded machine.
                TimeSpan grace = Argument.IsInfinite(_shutdownTimeout) || _shutdownTimeout > AbortGrace ? _shutdownTimeout : AbortGrace;
                await CompletesWithin(all, grace, CancellationToken.None).ConfigureAwait(false);
            }
        }

        /// <summary>Cancels; a handler's callback registered on the token that throws must not fail the stop.</summary>
        private static void CancelQuietly(CancellationTokenSource source)
        {
            try
            {
                source.Cancel();
            }
            catch (AggregateException)
            {
            }
        }

        private static async Task<bool> CompletesWithin(Task task, TimeSpan timeout, CancellationToken cancellationToken)
        {
            if (task.IsCompleted)
            {
                return true;
            }

            using var delayCancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            Task delay = Task.Delay(timeout, delayCancel.Token);
            Task first = await Task.WhenAny(task, delay).ConfigureAwait(false);
            delayCancel.Cancel();
            return first == task;
        }

        private async Task AcceptLoopAsync(Socket listener)
        {
            CancellationToken stopping = _stopping.Token;
            while (!stopping.IsCancellationRequested)
            {
                // Without eviction, a full host stops accepting: clients wait in the kernel's queue. With it, the host
                // accepts first and makes room only when a client is actually waiting.
                bool haveSlot = _slots.Wait(0);
                if (!haveSlot && !_evictWhenFull)
                {
                    try
                    {
                        await _slots.WaitAsync(stopping).ConfigureAwait(false);
                        haveSlot = true;
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }
                }

                Socket client;
                try
                {
#if NET
                    client = await listener.AcceptAsync(stopping).ConfigureAwait(false);
#else
                    client = await listener.AcceptAsync().ConfigureAwait(false);
#endif
                }
                catch (Exception ex) when (stopping.IsCancellationRequested && (ex is OperationCanceledException || ex is ObjectDisposedException || ex is SocketException))
                {
                    ReleaseIf(haveSlot);
                    return;
                }
                catch (SocketException ex)
                {
                    // A client that reset before we accepted it, or a resource shortage (out of file descriptors):
                    // keep serving, but back off briefly so a persistent failure does not spin the accept loop. Out of
                    // descriptors with eviction on, closing the connection idle longest frees one for the next try (the
                    // back-off still applies, so a descriptor that is slow to free does not evict a series of connections).
                    ReleaseIf(haveSlot);
                    Report(ex, null);
                    if (ex.SocketErrorCode == SocketError.TooManyOpenSockets && _evictWhenFull)
                    {
                        TryEvictLongestIdle();
                    }

                    if (ex.SocketErrorCode != SocketError.ConnectionReset && ex.SocketErrorCode != SocketError.ConnectionAborted)
                    {
                        try
                        {
                            await Task.Delay(AcceptErrorBackoff, stopping).ConfigureAwait(false);
                        }
                        catch (OperationCanceledException)
                        {
                            return;
                        }
                    }

                    continue;
                }
                catch (ObjectDisposedException)
                {
                    ReleaseIf(haveSlot);
                    return;
                }

                if (!haveSlot && !await MakeRoomAsync(stopping).ConfigureAwait(false))
                {
                    client.Dispose();
                    return;
                }

                StartConnection(client);
            }
        }

        private void ReleaseIf(bool haveSlot)
        {
            if (haveSlot)
            {
                _slots.Release();
            }
        }

        /// <summary>
        /// Full, with an accepted client waiting: evicts the connection that has waited longest for its peer (at least
        /// <see cref="MinimumIdleForEviction"/>) and waits for its slot; looks again while none qualifies.
        /// </summary>
        /// <returns>True with a slot taken; false when the host is stopping.</returns>
        private async Task<bool> MakeRoomAsync(CancellationToken stopping)
        {
            try
            {
                while (true)
                {
                    TryEvictLongestIdle();
                    if (await _slots.WaitAsync(EvictionRetry, stopping).ConfigureAwait(false))
                    {
                        return true;
                    }
                }
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        /// <summary>Closes the connection waiting longest for its peer, if one has waited at least <see cref="MinimumIdleForEviction"/>.</summary>
        private bool TryEvictLongestIdle()
        {
            long threshold = Stopwatch.GetTimestamp() - (long)(MinimumIdleForEviction.TotalSeconds * Stopwatch.Frequency);
            TcpConnection? oldest = null;
            long oldestSince = long.MaxValue;
            foreach (KeyValuePair<long, Entry> pair in _connections)
            {
                TcpConnection connection = pair.Value.Connection;
                long since = connection.WaitingSince;
                if (since != 0 && since <= threshold && since < oldestSince && !connection.IsEvicted && !connection.IsAborted)
                {
                    oldest = connection;
                    oldestSince = since;
                }
            }

            return oldest is not null && oldest.Evict();
        }

        private void StartConnection(Socket client)
        {
            TcpConnection connection;
            try
            {
                if (_noDelay && client.ProtocolType == ProtocolType.Tcp)
                {
                    client.NoDelay = true;
                }

                connection = new TcpConnection(Interlocked.Increment(ref _nextId), client, _idleTimeout, _firstByteTimeout);
            }
            catch (Exception ex) when (ex is SocketException || ex is ObjectDisposedException)
            {
                client.Dispose();
                _slots.Release();
                Report(ex, null);
                return;
            }

            var entry = new Entry(connection);
            _connections[connection.Id] = entry;
            entry.Task = Task.Run(() => RunConnectionAsync(entry));
        }

        private async Task RunConnectionAsync(Entry entry)
        {
            TcpConnection connection = entry.Connection;
            bool completed = false;
            try
            {
                await _handler(connection, _stopping.Token).ConfigureAwait(false);
                completed = true;
            }
            catch (Exception ex)
            {
                bool expected = connection.IsAborted || (ex is OperationCanceledException && _stopping.IsCancellationRequested);
                if (!expected)
                {
                    Report(ex, connection);
                }
            }

            try
            {
                if (completed && !connection.IsAborted && !connection.IsEvicted)
                {
                    await connection.Socket.CloseGracefullyAsync(_closeDrainTimeout, _aborting.Token).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException)
            {
                // The stop deadline passed while draining: the socket is closed anyway.
            }
            finally
            {
                connection.Socket.Dispose();
                connection.DisposeTimers();
                _connections.TryRemove(connection.Id, out _);
                _slots.Release();
            }
        }

        private void Report(Exception exception, TcpConnection? connection)
        {
            EventHandler<TcpServerErrorEventArgs>? error = Error;
            if (error is null)
            {
                return;
            }

            try
            {
                error(this, new TcpServerErrorEventArgs(exception, connection));
            }
            catch (Exception)
            {
                // A faulty subscriber must not take the server down.
            }
        }

        private sealed class Entry
        {
            internal Entry(TcpConnection connection) => Connection = connection;

            internal TcpConnection Connection { get; }

            internal Task Task { get; set; } = Task.CompletedTask;
        }
    }
}
