using System;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace SocketAnalyzers.Runtime.Tests
{
    public class TcpServerHostTests
    {
        private static TcpServerHostOptions Options(TimeSpan? idle = null, int maxConnections = 100, TimeSpan? shutdown = null, IPEndPoint? endPoint = null) => new TcpServerHostOptions
        {
            EndPoint = endPoint ?? new IPEndPoint(IPAddress.Loopback, 0),
            IdleTimeout = idle ?? TimeSpan.FromSeconds(10),
            MaxConnections = maxConnections,
            ShutdownTimeout = shutdown ?? TimeSpan.FromSeconds(5),
            CloseDrainTimeout = TimeSpan.FromSeconds(2),
        };

        private static async Task EchoAsync(TcpConnection connection, CancellationToken cancellationToken)
        {
            var buffer = new byte[4096];
            int n;
            while ((n = await connection.ReceiveAsync(buffer, cancellationToken)) > 0)
            {
                await connection.SendAsync(buffer.AsMemory(0, n), cancellationToken);
            }
        }

        /// <summary>A framed echo: each frame comes back as it was, through the connection's idle-timed stream.</summary>
        private static async Task FramedEchoAsync(TcpConnection connection, CancellationToken cancellationToken)
        {
            using var reader = new LengthPrefixedFrameReader(connection.Stream, maxFrameLength: 1024, leaveOpen: true);
            using var writer = new LengthPrefixedFrameWriter(connection.Stream, maxFrameLength: 1024, leaveOpen: true);
            while (await reader.ReadFrameAsync(cancellationToken) is { } frame)
            {
                await writer.WriteFrameAsync(frame, cancellationToken);
            }
        }

        private static async Task<byte[]> EchoRoundTripAsync(EndPoint endPoint, byte[] message)
        {
            using Socket client = await Loopback.ConnectAsync(endPoint);
            await Loopback.SendAllAsync(client, message);
            byte[] reply = await Loopback.ReceiveAsync(client, message.Length);
            client.Shutdown(SocketShutdown.Send);
            var (rest, reset) = await Loopback.ReadToEndAsync(client);
            Assert.Empty(rest);
            Assert.False(reset);
            return reply;
        }

        [Fact(Timeout = Loopback.TestTimeout)]
        public async Task Port_zero_binds_a_real_port_and_the_host_serves_it()
        {
            await using var host = new TcpServerHost(Options(), EchoAsync);
            Assert.Null(host.LocalEndPoint);
            await host.StartAsync();
            var endPoint = Assert.IsType<IPEndPoint>(host.LocalEndPoint);
            Assert.NotEqual(0, endPoint.Port);
            Assert.Equal(IPAddress.Loopback, endPoint.Address);
            byte[] message = Encoding.ASCII.GetBytes("hello");
            Assert.Equal(message, await EchoRoundTripAsync(endPoint, message));
        }

        [Fact(Timeout = Loopback.TestTimeout)]
        public async Task Many_clients_are_served_at_once()
        {
            await using var host = new TcpServerHost(Options(), EchoAsync);
            await host.StartAsync();

            // Every client connects and sends before any reads: an iterative server would serve only the first.
            var clients = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Loopback.ConnectAsync(host.LocalEndPoint!)));
            try
            {
                for (int i = 0; i < clients.Length; i++)
                {
                    await Loopback.SendAllAsync(clients[i], Loopback.Pattern(1000, i));
                }

                for (int i = 0; i < clients.Length; i++)
                {
                    Assert.Equal(Loopback.Pattern(1000, i), await Loopback.ReceiveAsync(clients[i], 1000));
                }
            }
            finally
            {
                foreach (Socket client in clients)
                {
                    client.Dispose();
                }
            }
        }

        [Fact(Timeout = Loopback.TestTimeout)]
        public async Task An_exception_in_one_handler_is_reported_and_never_stops_the_others()
        {
            var errors = new ConcurrentQueue<TcpServerErrorEventArgs>();
            await using var host = new TcpServerHost(Options(), async (connection, ct) =>
            {
                var first = new byte[1];
                await connection.ReceiveExactlyAsync(first, ct);
                if (first[0] == (byte)'!')
                {
                    throw new InvalidOperationException("boom");
                }

                await connection.SendAsync(first, ct);
                await EchoAsync(connection, ct);
            });
            host.Error += (_, e) => errors.Enqueue(e);
            host.Error += (_, _) => throw new Exception("a faulty subscriber");
            await host.StartAsync();

            using Socket healthy = await Loopback.ConnectAsync(host.LocalEndPoint!);
            await Loopback.SendAllAsync(healthy, new byte[] { 1 });
            Assert.Equal(new byte[] { 1 }, await Loopback.ReceiveAsync(healthy, 1));

            using (Socket bad = await Loopback.ConnectAsync(host.LocalEndPoint!))
            {
                await Loopback.SendAllAsync(bad, Encoding.ASCII.GetBytes("!"));
                var (data, _) = await Loopback.ReadToEndAsync(bad); // the failing connection is closed
                Assert.Empty(data);
            }

            // The connection opened before still works, and new ones are accepted.
            await Loopback.SendAllAsync(healthy, new byte[] { 2, 3 });
            Assert.Equal(new byte[] { 2, 3 }, await Loopback.ReceiveAsync(healthy, 2));
            Assert.Equal(new byte[] { 4 }, await EchoRoundTripAsync(host.LocalEndPoint!, new byte[] { 4 }));

            TcpServerErrorEventArgs error = Assert.Single(errors);
            Assert.Equal("boom", error.Exception.Message);
            Assert.NotNull(error.Connection);
            Assert.NotNull(error.Connection!.RemoteEndPoint);
        }

        [Fact(Timeout = Loopback.TestTimeout)]
        public async Task A_slow_client_sending_one_byte_at_a_time_is_served_although_it_takes_longer_than_the_idle_timeout()
        {
            var errors = new ConcurrentQueue<Exception>();
            TimeSpan idle = TimeSpan.FromSeconds(1); // each 20 ms gap is far below it; the whole trickle is above it
            await using var host = new TcpServerHost(Options(idle), FramedEchoAsync);
            host.Error += (_, e) => errors.Enqueue(e.Exception);
            await host.StartAsync();

            using Socket client = await Loopback.ConnectAsync(host.LocalEndPoint!);
            byte[] payload = Loopback.Pattern(60);
            var wire = new byte[4 + payload.Length];
            BinaryPrimitives.WriteInt32BigEndian(wire, payload.Length);
            payload.CopyTo(wire, 4);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            for (int i = 0; i < wire.Length; i++)
            {
                try
                {
                    await Loopback.SendAllAsync(client, wire.AsMemory(i, 1));
                }
                catch (SocketException ex)
                {
                    Assert.Fail($"byte {i} after {clock.Elapsed}: {ex.Message}; server errors: {string.Join(" | ", errors)}");
                }

                await Task.Delay(20); // the client's slowness is the behaviour under test, not a wait for readiness
            }

            Assert.Equal(wire, await Loopback.ReceiveAsync(client, wire.Length));
            Assert.True(clock.Elapsed > idle, $"the trickle took only {clock.Elapsed}");
            Assert.Empty(errors);
        }

        [Fact(Timeout = Loopback.TestTimeout)]
        public async Task A_silent_client_times_out_and_is_disconnected()
        {
            var reported = new TaskCompletionSource<TcpServerErrorEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
            await using var host = new TcpServerHost(Options(TimeSpan.FromMilliseconds(400)), EchoAsync);
            host.Error += (_, e) => reported.TrySetResult(e);
            await host.StartAsync();

            // The server's timer starts at accept, which may run long before this side sees its connect complete on a
            // loaded machine, but never before the connect starts: the clock starts there, so the bound always holds.
            var clock = System.Diagnostics.Stopwatch.StartNew();
            using Socket client = await Loopback.ConnectAsync(host.LocalEndPoint!);
            var (data, _) = await Loopback.ReadToEndAsync(client); // returns when the server closes
            Assert.Empty(data);
            Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(300), $"closed after {clock.Elapsed}");
            // On netstandard2.0 the timeout closes the socket before the handler's exception is reported: await the report.
            TcpServerErrorEventArgs error = await reported.Task.WaitAsync(Loopback.Step);
            Assert.IsType<TimeoutException>(error.Exception);
            Assert.Contains("idle timeout", error.Exception.Message);
        }

        [Fact(Timeout = Loopback.TestTimeout)]
        public async Task A_client_that_never_reads_makes_the_send_time_out()
        {
            var reported = new TaskCompletionSource<Exception>(TaskCreationOptions.RunContinuationsAsynchronously);
            await using var host = new TcpServerHost(Options(TimeSpan.FromMilliseconds(300)), async (connection, ct) =>
            {
                var chunk = new byte[1024 * 1024];
                while (true)
                {
                    await connection.SendAsync(chunk, ct); // fills both kernel buffers, then waits for the reader
                }
            });
            host.Error += (_, e) => reported.TrySetResult(e.Exception);
            await host.StartAsync();

            using Socket client = await Loopback.ConnectAsync(host.LocalEndPoint!);
            client.ReceiveBufferSize = 64 * 1024;
            Exception error = await reported.Task.WaitAsync(Loopback.Step);
            Assert.IsType<TimeoutException>(error);
            Assert.Contains("send", error.Message);
        }

        [Fact(Timeout = Loopback.TestTimeout)]
        public async Task A_reset_during_a_blocked_synchronous_stream_write_is_reported_as_a_reset_not_a_timeout()
        {
            var reported = new TaskCompletionSource<Exception>(TaskCreationOptions.RunContinuationsAsynchronously);
            var writing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await using var host = new TcpServerHost(Options(TimeSpan.FromSeconds(20)), (connection, ct) =>
            {
                connection.Socket.SendBufferSize = 4096;
                writing.SetResult();
                connection.Stream.Write(new byte[4 * 1024 * 1024], 0, 4 * 1024 * 1024); // far more than both kernel buffers hold
                return Task.CompletedTask;
            });
            host.Error += (_, e) => reported.TrySetResult(e.Exception);
            await host.StartAsync();

            using (Socket client = await Loopback.ConnectAsync(host.LocalEndPoint!))
            {
                client.ReceiveBufferSize = 4096;
                await writing.Task.WaitAsync(Loopback.Step);
                await Task.Delay(300); // let the write fill the buffers and block (if it has not yet, the reset still reads as a reset)
                client.LingerState = new LingerOption(true, 0);
            }

            // Linux reports this reset to the blocked send as ETIMEDOUT, long before the 20 s idle timeout.
            Exception error = await reported.Task.WaitAsync(Loopback.Step);
            var socketError = Assert.IsType<SocketException>(error);
            Assert.Equal(SocketError.ConnectionReset, socketError.SocketErrorCode);
        }

        [Fact(Timeout = Loopback.TestTimeout)]
        public async Task A_cancelled_receive_is_a_cancellation_not_a_timeout()
        {
            var outcome = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
            await using var host = new TcpServerHost(Options(TimeSpan.FromSeconds(10)), async (connection, _) =>
            {
                using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
                try
                {
                    await connection.ReceiveAsync(new byte[16], cts.Token);
                    outcome.TrySetResult(null);
                }
                catch (Exception ex)
                {
                    outcome.TrySetResult(ex);
                }
            });
            await host.StartAsync();

            using Socket client = await Loopback.ConnectAsync(host.LocalEndPoint!);
            Exception? error = await outcome.Task.WaitAsync(Loopback.Step);
            Assert.IsAssignableFrom<OperationCanceledException>(error);
        }

        [Fact(Timeout = Loopback.TestTimeout)]
        public async Task The_idle_timeout_also_applies_to_synchronous_stream_reads()
        {
            var errors = new ConcurrentQueue<Exception>();
            await using var host = new TcpServerHost(Options(TimeSpan.FromMilliseconds(200)), (connection, ct) =>
            {
                var buffer = new byte[10];
                int read = connection.Stream.Read(buffer, 0, buffer.Length);
                Assert.Fail($"read {read} bytes from a silent client");
                return Task.CompletedTask;
            });
            host.Error += (_, e) => errors.Enqueue(e.Exception);
            await host.StartAsync();

            using Socket client = await Loopback.ConnectAsync(host.LocalEndPoint!);
            await Loopback.ReadToEndAsync(client);
            Assert.IsType<TimeoutException>(Assert.Single(errors));
        }

        [Fact(Timeout = Loopback.TestTimeout)]
        public async Task A_hostile_length_prefix_closes_that_connection_and_the_server_goes_on()
        {
            var errors = new ConcurrentQueue<Exception>();
            await using var host = new TcpServerHost(Options(), FramedEchoAsync);
            host.Error += (_, e) => errors.Enqueue(e.Exception);
            await host.StartAsync();

            using (Socket attacker = await Loopback.ConnectAsync(host.LocalEndPoint!))
            {
                await Loopback.SendAllAsync(attacker, new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 1, 2, 3 });
                var (data, _) = await Loopback.ReadToEndAsync(attacker);
                Assert.Empty(data);
            }

            Assert.IsType<InvalidDataException>(Assert.Single(errors));
            byte[] frame = { 0, 0, 0, 2, 7, 7 };
            Assert.Equal(frame, await EchoRoundTripAsync(host.LocalEndPoint!, frame));
        }

        [Fact(Timeout = Loopback.TestTimeout)]
        public async Task The_connection_limit_holds_further_clients_until_a_slot_frees()
        {
            int started = 0;
            var releaseFirst = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var secondStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await using var host = new TcpServerHost(Options(maxConnections: 1), async (connection, ct) =>
            {
                int index = Interlocked.Increment(ref started);
                if (index == 1)
                {
                    await releaseFirst.Task.WaitAsync(ct);
                }
                else
                {
                    secondStarted.TrySetResult();
                }

                await connection.SendAsync(new[] { (byte)index }, ct);
            });
            await host.StartAsync();

            using Socket first = await Loopback.ConnectAsync(host.LocalEndPoint!);
            using Socket second = await Loopback.ConnectAsync(host.LocalEndPoint!); // completes: the kernel's backlog holds it

            // A bounded look for something that must not happen: the second handler does not start while the first runs.
            Task winner = await Task.WhenAny(secondStarted.Task, Task.Delay(300));
            Assert.NotSame(secondStarted.Task, winner);
            Assert.Equal(1, Volatile.Read(ref started));
            Assert.Equal(1, host.ActiveConnections);

            releaseFirst.SetResult();
            Assert.Equal(new byte[] { 1 }, await Loopback.ReceiveAsync(first, 1));
            first.Dispose(); // the slot frees once the first connection is closed on both sides
            await secondStarted.Task.WaitAsync(Loopback.Step);
            Assert.Equal(new byte[] { 2 }, await Loopback.ReceiveAsync(second, 1));
        }

        [Fact(Timeout = Loopback.TestTimeout)]
        public async Task Stop_signals_handlers_lets_them_finish_and_refuses_new_clients()
        {
            var handlerRunning = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

            // A port no other listener or connect can be given once the host is gone (LoopbackPorts.OutsideEphemeralRange).
            var host = new TcpServerHost(Options(endPoint: SocketAnalyzers.Tests.Shared.LoopbackPorts.OutsideEphemeralRange()), async (connection, ct) =>
            {
                handlerRunning.SetResult();
                try
                {
                    await Task.Delay(Timeout.Infinite, ct);
                }
                catch (OperationCanceledException)
                {
                }

                // The stop is a signal: the handler still finishes its work and the client gets all of it.
                await connection.SendAsync(Encoding.ASCII.GetBytes("goodbye"), CancellationToken.None);
            });
            await host.StartAsync();
            EndPoint endPoint = host.LocalEndPoint!;

            using Socket client = await Loopback.ConnectAsync(endPoint);
            await handlerRunning.Task.WaitAsync(Loopback.Step);
            Task<(byte[] Data, bool Reset)> read = Loopback.ReadToEndAsync(client);
            Task stop = host.StopAsync();

            var (data, reset) = await read;
            Assert.Equal("goodbye", Encoding.ASCII.GetString(data));
            Assert.False(reset);
            client.Dispose();
            await stop.WaitAsync(Loopback.Step);
            Assert.Equal(0, host.ActiveConnections);
            await Assert.ThrowsAsync<SocketException>(() => Loopback.ConnectAsync(endPoint));
            await host.StopAsync().WaitAsync(Loopback.Step); // idempotent
            await host.DisposeAsync();
        }

        [Fact(Timeout = Loopback.TestTimeout)]
        public async Task Stop_closes_connections_whose_handlers_ignore_it_once_the_deadline_passes()
        {
            var errors = new ConcurrentQueue<Exception>();
            var handlerRunning = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var host = new TcpServerHost(Options(shutdown: TimeSpan.FromMilliseconds(300)), async (connection, _) =>
            {
                handlerRunning.SetResult();
                var buffer = new byte[16];
                while (await connection.ReceiveAsync(buffer, CancellationToken.None) > 0)
                {
                }
            });
            host.Error += (_, e) => errors.Enqueue(e.Exception);
            await host.StartAsync();

            using Socket client = await Loopback.ConnectAsync(host.LocalEndPoint!);
            await handlerRunning.Task.WaitAsync(Loopback.Step);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await host.StopAsync().WaitAsync(Loopback.Step);
            Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(250), $"stopped after {clock.Elapsed}");

            await Loopback.ReadToEndAsync(client); // the connection was closed by the host
            Assert.True(host.ActiveConnections == 0, $"{host.ActiveConnections} connections still active after the stop");
            Assert.True(errors.IsEmpty, "an abort at the deadline is not a handler failure: " + string.Join(" | ", errors));
        }

        [Fact(Timeout = Loopback.TestTimeout)]
        public async Task A_cancelled_stop_closes_connections_at_once()
        {
            var handlerRunning = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var host = new TcpServerHost(Options(shutdown: TimeSpan.FromMinutes(5)), async (connection, _) =>
            {
                handlerRunning.SetResult();
                await connection.ReceiveAsync(new byte[1], CancellationToken.None);
            });
            await host.StartAsync();
            using Socket client = await Loopback.ConnectAsync(host.LocalEndPoint!);
            await handlerRunning.Task.WaitAsync(Loopback.Step);
            using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
            await host.StopAsync(cts.Token).WaitAsync(Loopback.Step);
            Assert.Equal(0, host.ActiveConnections);
        }

        [Fact(Timeout = Loopback.TestTimeout)]
        public async Task A_handler_that_returns_early_still_delivers_its_whole_reply_without_a_reset()
        {
            byte[] reply = Loopback.Pattern(300_000, 5);
            await using var host = new TcpServerHost(Options(), (connection, ct) => connection.SendAsync(reply, ct).AsTask());
            await host.StartAsync();

            using Socket client = await Loopback.ConnectAsync(host.LocalEndPoint!);
            await Loopback.SendAllAsync(client, Loopback.Pattern(20_000)); // a request the handler never reads
            var (data, reset) = await Loopback.ReadToEndAsync(client);
            Assert.False(reset);
            Assert.Equal(reply, data);
        }

        [Fact(Timeout = Loopback.TestTimeout)]
        public async Task Start_and_stop_follow_the_lifecycle()
        {
            var host = new TcpServerHost(Options(), EchoAsync);
            await host.StopAsync(); // before start: nothing to do
            await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

            await using var second = new TcpServerHost(Options(), EchoAsync);
            await second.StartAsync();
            await Assert.ThrowsAsync<InvalidOperationException>(() => second.StartAsync());
        }

        [Fact(Timeout = Loopback.TestTimeout)]
        public async Task Binding_an_endpoint_in_use_fails_at_start()
        {
            await using var first = new TcpServerHost(Options(), EchoAsync);
            await first.StartAsync();
            var options = Options();
            options.EndPoint = first.LocalEndPoint!;
            await using var second = new TcpServerHost(options, EchoAsync);
            await Assert.ThrowsAsync<SocketException>(() => second.StartAsync());
        }

        [Fact]
        public void Bad_options_are_rejected()
        {
            Func<TcpConnection, CancellationToken, Task> handler = (_, _) => Task.CompletedTask;
            Assert.Throws<ArgumentNullException>(() => new TcpServerHost(null!, handler));
            Assert.Throws<ArgumentNullException>(() => new TcpServerHost(Options(), null!));
            Assert.Throws<ArgumentNullException>(() => new TcpServerHost(new TcpServerHostOptions { EndPoint = null! }, handler));
            Assert.Throws<ArgumentOutOfRangeException>(() => new TcpServerHost(new TcpServerHostOptions { MaxConnections = 0 }, handler));
            Assert.Throws<ArgumentOutOfRangeException>(() => new TcpServerHost(new TcpServerHostOptions { Backlog = -1 }, handler));
            Assert.Throws<ArgumentOutOfRangeException>(() => new TcpServerHost(new TcpServerHostOptions { IdleTimeout = TimeSpan.Zero }, handler));
            Assert.Throws<ArgumentOutOfRangeException>(() => new TcpServerHost(new TcpServerHostOptions { ShutdownTimeout = TimeSpan.FromSeconds(-5) }, handler));
        }
    }
}
