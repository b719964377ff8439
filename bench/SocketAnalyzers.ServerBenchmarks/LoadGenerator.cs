using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace SocketAnalyzers.ServerBenchmarks
{
    /// <summary>
    /// The same client load for every peer: <c>connections</c> sockets, each in a closed loop of one round trip at a
    /// time (send one frame, receive the whole echoed frame), timed one by one.
    /// </summary>
    internal sealed class LoadGenerator : IAsyncDisposable
    {
        private readonly Socket[] _sockets;
        private readonly int _payload;
        private readonly List<long>[] _latencies;
        private volatile bool _recording;
        private volatile bool _stopping;
        private long _operations;
        private Task[] _loops = [];

        private LoadGenerator(Socket[] sockets, int payload)
        {
            _sockets = sockets;
            _payload = payload;
            _latencies = sockets.Select(_ => new List<long>(4096)).ToArray();
        }

        public static async Task<LoadGenerator> ConnectAsync(int port, int connections, int payload)
        {
            var sockets = new Socket[connections];
            var endPoint = new IPEndPoint(IPAddress.Loopback, port);
            for (int i = 0; i < connections; i += 100)
            {
                await Task.WhenAll(Enumerable.Range(i, Math.Min(100, connections - i)).Select(async k =>
                {
                    var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                    await socket.ConnectAsync(endPoint).WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
                    sockets[k] = socket;
                })).ConfigureAwait(false);
            }

            return new LoadGenerator(sockets, payload);
        }

        public void Start() => _loops = _sockets.Select((s, i) => Task.Run(() => LoopAsync(s, _latencies[i]))).ToArray();

        public void BeginRecording()
        {
            Interlocked.Exchange(ref _operations, 0);
            _recording = true;
        }

        /// <summary>Stops recording; returns the round trips completed while recording.</summary>
        public long EndRecording()
        {
            _recording = false;
            return Interlocked.Read(ref _operations);
        }

        /// <summary>Latencies recorded, in Stopwatch ticks, sorted.</summary>
        public long[] SortedLatencies()
        {
            long[] all = _latencies.SelectMany(l => l).ToArray();
            Array.Sort(all);
            return all;
        }

        private async Task LoopAsync(Socket socket, List<long> latencies)
        {
            byte[] frame = new byte[4 + _payload];
            BinaryPrimitives.WriteInt32BigEndian(frame, _payload);
            new Random(_payload).NextBytes(frame.AsSpan(4));
            byte[] echo = new byte[frame.Length];
            try
            {
                while (!_stopping)
                {
                    long started = Stopwatch.GetTimestamp();
                    int sent = 0;
                    while (sent < frame.Length)
                    {
                        sent += await socket.SendAsync(frame.AsMemory(sent), SocketFlags.None).ConfigureAwait(false);
                    }

                    int received = 0;
                    while (received < echo.Length)
                    {
                        int n = await socket.ReceiveAsync(echo.AsMemory(received), SocketFlags.None).ConfigureAwait(false);
                        if (n == 0)
                        {
                            throw new InvalidOperationException("the server closed the connection");
                        }

                        received += n;
                    }

                    if (_recording)
                    {
                        latencies.Add(Stopwatch.GetTimestamp() - started);
                        Interlocked.Increment(ref _operations);
                    }
                }
            }
            catch (Exception ex) when (_stopping && ex is SocketException or ObjectDisposedException)
            {
            }
        }

        public async ValueTask DisposeAsync()
        {
            _stopping = true;
            // Every loop ends after its round trip in flight (the servers answer it).
            await Task.WhenAll(_loops).WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
            foreach (Socket socket in _sockets)
            {
                socket.Dispose();
            }
        }
    }
}
