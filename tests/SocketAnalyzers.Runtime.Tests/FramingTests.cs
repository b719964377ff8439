using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Sockets;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace SocketAnalyzers.Runtime.Tests
{
    public class FramingTests
    {
        private static readonly int[] Sizes = { 0, 1, 63, 64, 4091, 4096, 16380, 16384, 65536, 100_000, 300_000 };

        /// <summary>
        /// Whether the library under test keeps its promise of no allocation on the asynchronous paths: an optimized build
        /// (Debug compiles async state machines as classes) for .NET (netstandard2.0's Stream.ReadAsync returns a Task).
        /// </summary>
        private static bool LibraryIsOptimized =>
            typeof(LengthPrefixedFrameReader).Assembly.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled != true
            && typeof(LengthPrefixedFrameReader).Assembly.GetCustomAttribute<System.Runtime.Versioning.TargetFrameworkAttribute>()?.FrameworkName.StartsWith(".NETCoreApp", StringComparison.Ordinal) == true;

        /// <summary>Over a MemoryStream the asynchronous paths complete synchronously: take the result without blocking.</summary>
        private static T Completed<T>(ValueTask<T> task)
        {
            Assert.True(task.IsCompletedSuccessfully);
            return task.Result;
        }

        private static void Completed(ValueTask task)
        {
            Assert.True(task.IsCompletedSuccessfully);
        }

        private static byte[] Frame(uint announced, ReadOnlySpan<byte> payload)
        {
            var bytes = new byte[4 + payload.Length];
            BinaryPrimitives.WriteUInt32BigEndian(bytes, announced);
            payload.CopyTo(bytes.AsSpan(4));
            return bytes;
        }

        [Theory(Timeout = Loopback.TestTimeout)]
        [InlineData(true)]
        [InlineData(false)]
        public async Task Frames_of_every_size_round_trip_over_loopback_in_order(bool async)
        {
            var (client, server) = await Loopback.PairAsync();
            using (client)
            using (server)
            {
                var pool = new CountingPool();
                using var writer = new LengthPrefixedFrameWriter(client, maxFrameLength: 512 * 1024);
                using var reader = new LengthPrefixedFrameReader(server, maxFrameLength: 512 * 1024, pool);
                using var cancellable = new CancellationTokenSource();
                Task send = Task.Run(async () =>
                {
                    for (int round = 0; round < 3; round++)
                    {
                        for (int i = 0; i < Sizes.Length; i++)
                        {
                            byte[] payload = Loopback.Pattern(Sizes[i], seed: (round * 16) + i);
                            if (async)
                            {
                                // A token that can be cancelled takes the copying path; none takes the gather send.
                                await writer.WriteFrameAsync(payload, round == 1 ? cancellable.Token : CancellationToken.None);
                            }
                            else
                            {
                                writer.WriteFrame(payload);
                            }
                        }
                    }

                    client.Shutdown(SocketShutdown.Send);
                });

                var received = new List<byte[]>();
                while (true)
                {
                    ReadOnlyMemory<byte>? frame = async
                        ? await reader.ReadFrameAsync().AsTask().WaitAsync(Loopback.Step)
                        : await Task.Run(() => reader.ReadFrame()).WaitAsync(Loopback.Step);
                    if (frame is not { } payload)
                    {
                        break;
                    }

                    received.Add(payload.ToArray());
                }

                await send.WaitAsync(Loopback.Step);
                Assert.Equal(Sizes.Length * 3, received.Count);
                for (int i = 0; i < received.Count; i++)
                {
                    Assert.Equal(Loopback.Pattern(Sizes[i % Sizes.Length], seed: ((i / Sizes.Length) * 16) + (i % Sizes.Length)), received[i]);
                }

                // The buffer never grew past what the largest frame needs (the pool rounds nothing up here).
                Assert.True(pool.LargestRent <= 300_004, $"largest rent {pool.LargestRent}");
                reader.Dispose();
                Assert.Equal(0, pool.Outstanding);
            }
        }

        [Fact]
        public void The_prefix_is_big_endian()
        {
            var stream = new MemoryStream();
            using (var writer = new LengthPrefixedFrameWriter(stream, leaveOpen: true))
            {
                writer.WriteFrame(new byte[258]);
            }

            Assert.Equal(new byte[] { 0, 0, 1, 2 }, stream.ToArray().Take(4).ToArray());
            Assert.Equal(262, stream.Length);
        }

        [Fact(Timeout = Loopback.TestTimeout)]
        public async Task A_clean_end_of_stream_between_frames_is_no_more_frames_every_time()
        {
            var stream = new MemoryStream(Frame(2, new byte[] { 7, 8 }));
            using var reader = new LengthPrefixedFrameReader(stream);
            Assert.Equal(new byte[] { 7, 8 }, (await reader.ReadFrameAsync())!.Value.ToArray());
            Assert.Null(await reader.ReadFrameAsync());
            Assert.Null(await reader.ReadFrameAsync());
            Assert.Null(reader.ReadFrame());
        }

        [Theory(Timeout = Loopback.TestTimeout)]
        [InlineData(true)]
        [InlineData(false)]
        public async Task End_of_stream_inside_the_prefix_is_invalid_data_and_the_reader_stays_failed(bool async)
        {
            var bytes = Frame(1, new byte[] { 5 }).Concat(new byte[] { 0, 0 }).ToArray();
            using var reader = new LengthPrefixedFrameReader(new MemoryStream(bytes));
            Assert.NotNull(reader.ReadFrame());
            var ex = async
                ? await Assert.ThrowsAsync<InvalidDataException>(() => reader.ReadFrameAsync().AsTask())
                : Assert.Throws<InvalidDataException>(() => reader.ReadFrame());
            Assert.Contains("2 of 4", ex.Message);
            Assert.Throws<InvalidOperationException>(() => reader.ReadFrame());
            await Assert.ThrowsAsync<InvalidOperationException>(() => reader.ReadFrameAsync().AsTask());
        }

        [Theory(Timeout = Loopback.TestTimeout)]
        [InlineData(true)]
        [InlineData(false)]
        public async Task End_of_stream_inside_the_payload_is_invalid_data(bool async)
        {
            var bytes = Frame(100, new byte[40]);
            using var reader = new LengthPrefixedFrameReader(new MemoryStream(bytes));
            var ex = async
                ? await Assert.ThrowsAsync<InvalidDataException>(() => reader.ReadFrameAsync().AsTask())
                : Assert.Throws<InvalidDataException>(() => reader.ReadFrame());
            Assert.Contains("40 of 100", ex.Message);
        }

        [Theory(Timeout = Loopback.TestTimeout)]
        [InlineData(0xFFFF_FFFFu)]
        [InlineData(0x8000_0000u)]
        [InlineData(1024u * 1024 + 1)]
        public async Task An_oversized_prefix_is_rejected_before_allocating(uint announced)
        {
            var (client, server) = await Loopback.PairAsync();
            using (client)
            using (server)
            {
                var pool = new CountingPool();
                using var reader = new LengthPrefixedFrameReader(server, maxFrameLength: 1024 * 1024, pool);
                await Loopback.SendAllAsync(client, Frame(announced, new byte[16]));
                var ex = await Assert.ThrowsAsync<InvalidDataException>(() => reader.ReadFrameAsync().AsTask().WaitAsync(Loopback.Step));
                Assert.Contains(announced.ToString(), ex.Message);
                Assert.True(pool.LargestRent <= 16 * 1024, $"largest rent {pool.LargestRent}");
            }
        }

        [Fact]
        public void An_oversized_prefix_allocates_nothing_large_on_this_thread()
        {
            var stream = new MemoryStream(Frame(0xFFFF_FFFF, new byte[16]));
            using var reader = new LengthPrefixedFrameReader(stream);
            long before = GC.GetAllocatedBytesForCurrentThread();
            Assert.Throws<InvalidDataException>(() => reader.ReadFrame());
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.True(allocated < 64 * 1024, $"allocated {allocated} bytes");
        }

        [Fact(Timeout = Loopback.TestTimeout)]
        public async Task A_large_announced_frame_grows_the_buffer_only_as_its_bytes_arrive()
        {
            var (client, server) = await Loopback.PairAsync();
            using (client)
            using (server)
            {
                var pool = new CountingPool();
                using var reader = new LengthPrefixedFrameReader(server, maxFrameLength: 64 * 1024 * 1024, pool);
                await Loopback.SendAllAsync(client, Frame(64 * 1024 * 1024, new byte[20_000]));
                client.Shutdown(SocketShutdown.Send);
                var ex = await Assert.ThrowsAsync<InvalidDataException>(() => reader.ReadFrameAsync().AsTask().WaitAsync(Loopback.Step));
                Assert.Contains("20000 of 67108864", ex.Message);
                Assert.True(pool.LargestRent <= 2 * 20_004, $"largest rent {pool.LargestRent}");
            }
        }

        [Fact]
        public void A_frame_of_exactly_the_maximum_is_accepted_and_one_byte_more_is_not()
        {
            var ok = new MemoryStream(Frame(1000, new byte[1000]));
            using (var reader = new LengthPrefixedFrameReader(ok, maxFrameLength: 1000))
            {
                Assert.Equal(1000, reader.ReadFrame()!.Value.Length);
            }

            var tooBig = new MemoryStream(Frame(1001, new byte[1001]));
            using (var reader = new LengthPrefixedFrameReader(tooBig, maxFrameLength: 1000))
            {
                Assert.Throws<InvalidDataException>(() => reader.ReadFrame());
            }

            var sink = new MemoryStream();
            using var writer = new LengthPrefixedFrameWriter(sink, maxFrameLength: 1000);
            Assert.Throws<ArgumentException>(() => writer.WriteFrame(new byte[1001]));
            Assert.Throws<ArgumentException>(() => { _ = writer.WriteFrameAsync(new byte[1001]); });
            Assert.Equal(0, sink.Length);
        }

        [Fact(Timeout = Loopback.TestTimeout)]
        public async Task A_slow_peer_sending_one_byte_at_a_time_still_delivers_whole_frames()
        {
            var (client, server) = await Loopback.PairAsync();
            using (client)
            using (server)
            {
                using var reader = new LengthPrefixedFrameReader(server);
                byte[] wire = Frame(5, new byte[] { 1, 2, 3, 4, 5 }).Concat(Frame(0, Array.Empty<byte>())).Concat(Frame(2, new byte[] { 6, 7 })).ToArray();
                Task<ReadOnlyMemory<byte>?> first = reader.ReadFrameAsync().AsTask();
                for (int i = 0; i < 9; i++)
                {
                    await Loopback.SendAllAsync(client, wire.AsMemory(i, 1));
                    await Task.Yield();
                }

                Assert.Equal(new byte[] { 1, 2, 3, 4, 5 }, (await first.WaitAsync(Loopback.Step))!.Value.ToArray());
                for (int i = 9; i < wire.Length; i++)
                {
                    await Loopback.SendAllAsync(client, wire.AsMemory(i, 1));
                }

                Assert.Equal(0, (await reader.ReadFrameAsync().AsTask().WaitAsync(Loopback.Step))!.Value.Length);
                Assert.Equal(new byte[] { 6, 7 }, (await reader.ReadFrameAsync().AsTask().WaitAsync(Loopback.Step))!.Value.ToArray());
            }
        }

        [Fact(Timeout = Loopback.TestTimeout)]
        public async Task A_cancelled_read_loses_no_data()
        {
            var (client, server) = await Loopback.PairAsync();
            using (client)
            using (server)
            {
                using var reader = new LengthPrefixedFrameReader(server);
                byte[] wire = Frame(6, new byte[] { 1, 2, 3, 4, 5, 6 });
                await Loopback.SendAllAsync(client, wire.AsMemory(0, 5));
                using (var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100)))
                {
                    await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reader.ReadFrameAsync(cts.Token).AsTask().WaitAsync(Loopback.Step));
                }

                await Loopback.SendAllAsync(client, wire.AsMemory(5));
                Assert.Equal(new byte[] { 1, 2, 3, 4, 5, 6 }, (await reader.ReadFrameAsync().AsTask().WaitAsync(Loopback.Step))!.Value.ToArray());
            }
        }

        [Fact]
        public void Reading_frames_allocates_nothing_in_steady_state()
        {
            var wire = new MemoryStream();
            using (var writer = new LengthPrefixedFrameWriter(wire, leaveOpen: true))
            {
                for (int i = 0; i < 2000; i++)
                {
                    writer.WriteFrame(Loopback.Pattern(i % 2 == 0 ? 64 : 20_000, i));
                }
            }

            wire.Position = 0;
            using var reader = new LengthPrefixedFrameReader(wire);
            for (int i = 0; i < 100; i++)
            {
                Assert.NotNull(reader.ReadFrame());
                Assert.NotNull(Completed(reader.ReadFrameAsync()));
            }

            // The steady state: a round of 180 frames that allocates nothing. As for the writer below, the runtime may
            // still do one-time work on this thread during the first measured round under the load of the other tests (CI
            // met 7,752 bytes once), so the promise is checked on the last of up to five rounds: any allocation per frame
            // would show in every one of them. The wire holds enough frames for five rounds of each.
            long syncAllocated = SteadyRound(() => Assert.NotNull(reader.ReadFrame()));
            Assert.Equal(0, syncAllocated);
            long asyncAllocated = SteadyRound(() => Assert.NotNull(Completed(reader.ReadFrameAsync())));

            // A Debug build compiles async state machines as classes; the promise holds for the optimized library.
            if (LibraryIsOptimized)
            {
                Assert.Equal(0, asyncAllocated);
            }

            static long SteadyRound(Action oneFrame)
            {
                long allocated = long.MaxValue;
                for (int round = 0; round < 5 && allocated != 0; round++)
                {
                    long before = GC.GetAllocatedBytesForCurrentThread();
                    for (int i = 0; i < 180; i++)
                    {
                        oneFrame();
                    }

                    allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                }

                return allocated;
            }
        }

        [Fact]
        public void Writing_frames_allocates_nothing_in_steady_state()
        {
            var sink = new MemoryStream(new byte[4 * 1024 * 1024]);
            using var writer = new LengthPrefixedFrameWriter(sink, leaveOpen: true, pool: new ReusingPool());
            byte[] small = Loopback.Pattern(64);
            byte[] large = Loopback.Pattern(65536);

            // Every path once first. Then the steady state: a round of 40 frames that allocates nothing. The runtime may
            // still do one-time work on this thread during the first measured round (a method reaching its optimized
            // tier under the load of the other tests, which CI met once with 4,648 bytes), so the promise is checked on
            // the last of up to five rounds: any allocation per frame would show in every one of them.
            writer.WriteFrame(small);
            writer.WriteFrame(large);
            Completed(writer.WriteFrameAsync(small));
            Completed(writer.WriteFrameAsync(large));
            long syncAllocated = SteadyRound(() =>
            {
                writer.WriteFrame(small);
                writer.WriteFrame(large);
            });
            Assert.Equal(0, syncAllocated);

            long asyncAllocated = SteadyRound(() =>
            {
                Completed(writer.WriteFrameAsync(small));
                Completed(writer.WriteFrameAsync(large));
            });

            // A Debug build compiles async state machines as classes; the promise holds for the optimized library.
            if (LibraryIsOptimized)
            {
                Assert.Equal(0, asyncAllocated);
            }

            long SteadyRound(Action twoFrames)
            {
                long allocated = long.MaxValue;
                for (int round = 0; round < 5 && allocated != 0; round++)
                {
                    sink.Position = 0;
                    long before = GC.GetAllocatedBytesForCurrentThread();
                    for (int i = 0; i < 20; i++)
                    {
                        twoFrames();
                    }

                    allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                }

                return allocated;
            }
        }

        [Fact]
        public async Task A_writer_between_frames_holds_no_pooled_buffer_so_an_idle_connection_costs_none()
        {
            var pool = new CountingPool();
            var stream = new MemoryStream();
            using var writer = new LengthPrefixedFrameWriter(stream, pool: pool);

            await writer.WriteFrameAsync(new byte[100]);
            Assert.Equal(0, pool.Outstanding);
            writer.WriteFrame(new byte[20_000]);
            Assert.Equal(0, pool.Outstanding);
            await writer.WriteFrameAsync(new byte[20_000], new CancellationTokenSource().Token);
            Assert.Equal(0, pool.Outstanding);

            Assert.Equal(3 * 4 + 100 + 20_000 + 20_000, stream.Length);
        }

        [Fact]
        public void Dispose_returns_the_buffer_closes_an_owned_stream_and_later_reads_fail()
        {
            var pool = new CountingPool();
            var stream = new MemoryStream(Frame(1, new byte[] { 1 }));
            var reader = new LengthPrefixedFrameReader(stream, pool: pool);
            Assert.NotNull(reader.ReadFrame());
            reader.Dispose();
            reader.Dispose();
            Assert.Equal(0, pool.Outstanding);
            Assert.False(stream.CanRead);
            Assert.Throws<ObjectDisposedException>(() => reader.ReadFrame());

            var kept = new MemoryStream();
            new LengthPrefixedFrameWriter(kept, leaveOpen: true).Dispose();
            Assert.True(kept.CanWrite);
        }

        [Fact(Timeout = Loopback.TestTimeout)]
        public async Task Disposing_during_a_pending_read_never_hands_the_buffer_being_filled_to_another_renter()
        {
            var (client, server) = await Loopback.PairAsync();
            using (client)
            using (server)
            {
                var pool = new CountingPool();
                var reader = new LengthPrefixedFrameReader(server, pool: pool);
                Task<ReadOnlyMemory<byte>?> pending = reader.ReadFrameAsync().AsTask();
                Assert.False(pending.IsCompleted);
                reader.Dispose();
                Assert.Equal(1, pool.Outstanding);
                client.Dispose();
                await Assert.ThrowsAnyAsync<Exception>(() => pending.WaitAsync(Loopback.Step));
            }
        }

        [Fact]
        public void Bad_arguments_are_rejected()
        {
            Assert.Throws<ArgumentNullException>(() => new LengthPrefixedFrameReader((Stream)null!));
            Assert.Throws<ArgumentNullException>(() => new LengthPrefixedFrameReader((Socket)null!));
            Assert.Throws<ArgumentNullException>(() => new LengthPrefixedFrameWriter((Stream)null!));
            Assert.Throws<ArgumentNullException>(() => new LengthPrefixedFrameWriter((Socket)null!));
            Assert.Throws<ArgumentOutOfRangeException>(() => new LengthPrefixedFrameReader(new MemoryStream(), -1));
            Assert.Throws<ArgumentOutOfRangeException>(() => new LengthPrefixedFrameWriter(new MemoryStream(), -1));
            Assert.Throws<ArgumentException>(() => new LengthPrefixedFrameWriter(new MemoryStream(new byte[1], writable: false)));
        }
    }
}
