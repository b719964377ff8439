using System;
using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using SocketAnalyzers.Runtime;

namespace SocketAnalyzers.Benchmarks
{
    /// <summary>
    /// Length-prefixed framing against a raw <see cref="NetworkStream"/> copy of the same bytes over loopback. Each
    /// operation is one frame (prefix + payload) sent by one side and received by the other; both sides run in the
    /// measured process, so the allocation column covers the sender and the receiver.
    /// </summary>
    public class FramingBenchmarks
    {
        private Socket _sender = null!;
        private Socket _receiver = null!;
        private NetworkStream _sendStream = null!;
        private NetworkStream _receiveStream = null!;
        private LengthPrefixedFrameWriter _writer = null!;
        private LengthPrefixedFrameReader _reader = null!;
        private byte[] _payload = null!;
        private byte[] _wireFrame = null!;
        private byte[] _rawBuffer = null!;
        private int _frames;

        /// <summary>The payload size: small (64 B) and large (64 KiB).</summary>
        [Params(64, 65536)]
        public int FrameSize { get; set; }

        private const int FramesPerInvoke = 256;

        [GlobalSetup]
        public void Setup()
        {
            using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            listener.Listen(1);
            _sender = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            _sender.Connect(listener.LocalEndPoint!);
            _receiver = listener.Accept();
            _sendStream = new NetworkStream(_sender, ownsSocket: false);
            _receiveStream = new NetworkStream(_receiver, ownsSocket: false);
            _writer = new LengthPrefixedFrameWriter(_sendStream, maxFrameLength: 1 << 20, leaveOpen: true);
            _reader = new LengthPrefixedFrameReader(_receiveStream, maxFrameLength: 1 << 20, leaveOpen: true);
            _payload = new byte[FrameSize];
            new Random(42).NextBytes(_payload);
            _wireFrame = new byte[4 + FrameSize];
            BinaryPrimitives.WriteInt32BigEndian(_wireFrame, FrameSize);
            _payload.CopyTo(_wireFrame, 4);
            _rawBuffer = new byte[64 * 1024];
            _frames = FramesPerInvoke;
        }

        [GlobalCleanup]
        public void Cleanup()
        {
            _reader.Dispose();
            _writer.Dispose();
            _sendStream.Dispose();
            _receiveStream.Dispose();
            _sender.Dispose();
            _receiver.Dispose();
        }

        /// <summary>Baseline: the same bytes written frame by frame and read back raw into a 64 KiB buffer, with no parsing.</summary>
        [Benchmark(Baseline = true, OperationsPerInvoke = FramesPerInvoke)]
        public Task RawNetworkStreamCopy() => RawCopyAsync();

        /// <summary>The framing library: <see cref="LengthPrefixedFrameWriter.WriteFrameAsync"/> on one side, <see cref="LengthPrefixedFrameReader.ReadFrameAsync"/> on the other.</summary>
        [Benchmark(OperationsPerInvoke = FramesPerInvoke)]
        public Task Framing() => FramedAsync();

        private async Task RawCopyAsync()
        {
            ValueTask send = RawSendAsync();
            long expected = (long)_frames * _wireFrame.Length;
            long received = 0;
            while (received < expected)
            {
                int n = await _receiveStream.ReadAsync(_rawBuffer.AsMemory(0, (int)Math.Min(_rawBuffer.Length, expected - received))).ConfigureAwait(false);
                if (n == 0)
                {
                    throw new InvalidOperationException("unexpected end of stream");
                }

                received += n;
            }

            await send.ConfigureAwait(false);
        }

        [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
        private async ValueTask RawSendAsync()
        {
            for (int i = 0; i < _frames; i++)
            {
                await _sendStream.WriteAsync(_wireFrame).ConfigureAwait(false);
            }
        }

        private async Task FramedAsync()
        {
            ValueTask send = FramedSendAsync();
            for (int i = 0; i < _frames; i++)
            {
                if (await _reader.ReadFrameAsync().ConfigureAwait(false) is not { } frame || frame.Length != FrameSize)
                {
                    throw new InvalidOperationException("unexpected frame");
                }
            }

            await send.ConfigureAwait(false);
        }

        [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
        private async ValueTask FramedSendAsync()
        {
            for (int i = 0; i < _frames; i++)
            {
                await _writer.WriteFrameAsync(_payload).ConfigureAwait(false);
            }
        }
    }
}
