using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace SocketAnalyzers.Reference.Hosting
{
    /// <summary>Serves one accepted connection asynchronously and returns the line to log about it.</summary>
    public delegate Task<string> AsyncConnectionHandler(Socket connection, CancellationToken stopping);

    /// <summary>
    /// An accept loop on async sockets: each accepted connection runs as its own task and the loop goes straight
    /// back to AcceptAsync. Stopping cancels the accept and every connection's token, then waits for all of them.
    /// </summary>
    public sealed class AsyncTcpServer : IReferenceServer
    {
        private readonly Socket _listener;
        private readonly AsyncConnectionHandler _handler;
        private readonly ConnectionLog _log;
        private readonly CancellationTokenSource _stopping = new();
        private readonly ConcurrentDictionary<Task, bool> _connections = new();
        private Task _acceptLoop = Task.CompletedTask;

        private AsyncTcpServer(Socket listener, AsyncConnectionHandler handler, ConnectionLog log)
        {
            _listener = listener;
            _handler = handler;
            _log = log;
            LocalEndPoint = Endpoints.BoundEndPoint(listener);
        }

        public IPEndPoint LocalEndPoint { get; }

        public Task Completion => _acceptLoop;

        /// <summary>Binds, listens and starts accepting; returns once clients can connect.</summary>
        public static AsyncTcpServer Start(IPEndPoint endPoint, AsyncConnectionHandler handler, ConnectionLog log)
        {
            var listener = Endpoints.Listen(endPoint);
            var server = new AsyncTcpServer(listener, handler, log);
            server._acceptLoop = Task.Run(server.AcceptLoopAsync);
            return server;
        }

        public Task StopAsync()
        {
            if (!_stopping.IsCancellationRequested)
            {
                _stopping.Cancel();
                _listener.Dispose();
            }

            return _acceptLoop;
        }

        public async ValueTask DisposeAsync()
        {
            await StopAsync().ConfigureAwait(false);
            _stopping.Dispose();
        }

        private async Task AcceptLoopAsync()
        {
            while (!_stopping.IsCancellationRequested)
            {
                Socket connection;
                try
                {
                    connection = await _listener.AcceptAsync(_stopping.Token).ConfigureAwait(false);
                }
                catch (Exception ex) when (_stopping.IsCancellationRequested && ex is OperationCanceledException or SocketException or ObjectDisposedException)
                {
                    break;
                }
                catch (SocketException ex)
                {
                    _log.Error($"accept failed: {ex.SocketErrorCode}");
                    continue;
                }

                var served = ServeAsync(connection);
                _connections.TryAdd(served, true);
                _ = served.ContinueWith(t => _connections.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }

            await Task.WhenAll(_connections.Keys).ConfigureAwait(false);
        }

        private async Task ServeAsync(Socket connection)
        {
            // Leave the accept loop at once: the handler runs on the thread pool.
            await Task.Yield();
            var remote = connection.RemoteEndPoint;
            string outcome;
            try
            {
                outcome = await _handler(connection, _stopping.Token).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                outcome = Outcomes.Describe(ex, _stopping.IsCancellationRequested);
            }
            finally
            {
                connection.Dispose();
            }

            _log.Write(remote, outcome);
        }
    }
}
