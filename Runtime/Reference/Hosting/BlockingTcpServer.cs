using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace SocketAnalyzers.Reference.Hosting
{
    /// <summary>Serves one accepted connection with blocking calls and returns the line to log about it.</summary>
    public delegate string BlockingConnectionHandler(Socket connection, CancellationToken stopping);

    /// <summary>
    /// The two classic blocking designs. Iterative: one thread accepts a client, serves it to the end, then accepts the next;
    /// every other client waits in the listen backlog. Threaded: the accept thread hands each client to a thread of its own
    /// and goes straight back to Accept.
    /// </summary>
    public sealed class BlockingTcpServer : IReferenceServer
    {
        private readonly Socket _listener;
        private readonly BlockingConnectionHandler _handler;
        private readonly bool _threadPerClient;
        private readonly ConnectionLog _log;
        private readonly CancellationTokenSource _stopping = new();
        private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly ConcurrentDictionary<Thread, bool> _clientThreads = new();

        private BlockingTcpServer(Socket listener, BlockingConnectionHandler handler, bool threadPerClient, ConnectionLog log)
        {
            _listener = listener;
            _handler = handler;
            _threadPerClient = threadPerClient;
            _log = log;
            LocalEndPoint = Endpoints.BoundEndPoint(listener);
        }

        public IPEndPoint LocalEndPoint { get; }

        public Task Completion => _completion.Task;

        /// <summary>Binds, listens and starts accepting on a thread of its own; returns once clients can connect.</summary>
        public static BlockingTcpServer Start(IPEndPoint endPoint, bool threadPerClient, BlockingConnectionHandler handler, ConnectionLog log)
        {
            var listener = Endpoints.Listen(endPoint);
            var server = new BlockingTcpServer(listener, handler, threadPerClient, log);
            var acceptThread = new Thread(server.AcceptLoop)
            {
                IsBackground = true,
                Name = threadPerClient ? "threaded accept" : "iterative accept",
            };
            acceptThread.Start();
            return server;
        }

        public Task StopAsync()
        {
            if (!_stopping.IsCancellationRequested)
            {
                // Cancelling interrupts every connection (see Serve); closing the listener wakes the blocked Accept.
                _stopping.Cancel();
                _listener.Dispose();
            }

            return _completion.Task;
        }

        public async ValueTask DisposeAsync()
        {
            await StopAsync().ConfigureAwait(false);
            _stopping.Dispose();
        }

        private void AcceptLoop()
        {
            try
            {
                while (!_stopping.IsCancellationRequested)
                {
                    Socket connection;
                    try
                    {
                        connection = _listener.Accept();
                    }
                    catch (Exception ex) when (_stopping.IsCancellationRequested && ex is SocketException or ObjectDisposedException)
                    {
                        break;
                    }
                    catch (SocketException ex)
                    {
                        // A client that gave up while queued (ECONNABORTED) or a transient shortage: keep accepting.
                        _log.Error($"accept failed: {ex.SocketErrorCode}");
                        continue;
                    }

                    if (_threadPerClient)
                    {
                        var thread = new Thread(() => Serve(connection)) { IsBackground = true, Name = "client" };
                        _clientThreads.TryAdd(thread, true);
                        thread.Start();
                    }
                    else
                    {
                        Serve(connection);
                    }
                }

                foreach (var thread in _clientThreads.Keys)
                {
                    thread.Join();
                }

                _completion.TrySetResult();
            }
            catch (Exception ex)
            {
                _completion.TrySetException(ex);
            }
        }

        private void Serve(Socket connection)
        {
            var remote = connection.RemoteEndPoint;
            string outcome;
            try
            {
                using (_stopping.Token.Register(static s => SocketIO.Interrupt((Socket)s!), connection))
                {
                    outcome = _handler(connection, _stopping.Token);
                }
            }
            catch (Exception ex)
            {
                outcome = Outcomes.Describe(ex, _stopping.IsCancellationRequested);
            }
            finally
            {
                connection.Dispose();
                _clientThreads.TryRemove(Thread.CurrentThread, out _);
            }

            _log.Write(remote, outcome);
        }
    }
}
