using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace SocketAnalyzers.Runtime.Tests
{
    public class StreamReadExtensionsTests
    {
        [Fact]
        public void Reads_exactly_across_short_reads()
        {
            var stream = new TrickleStream(Loopback.Pattern(100));
            var buffer = new byte[110];
            StreamReadExtensions.ReadExactly(stream, buffer, 5, 100);
            Assert.Equal(Loopback.Pattern(100), buffer.AsSpan(5, 100).ToArray());
            Assert.True(stream.Reads >= 100);
        }

        [Fact(Timeout = Loopback.TestTimeout)]
        public async Task Reads_exactly_across_short_reads_asynchronously()
        {
            var stream = new TrickleStream(Loopback.Pattern(100));
            var buffer = new byte[100];
            await StreamReadExtensions.ReadExactlyAsync(stream, buffer, 0, 100).WaitAsync(Loopback.Step);
            Assert.Equal(Loopback.Pattern(100), buffer);
        }

        [Fact(Timeout = Loopback.TestTimeout)]
        public async Task End_of_stream_before_all_bytes_throws()
        {
            Assert.Throws<EndOfStreamException>(() => StreamReadExtensions.ReadExactly(new TrickleStream(new byte[3]), new byte[10], 0, 10));
            await Assert.ThrowsAsync<EndOfStreamException>(() => StreamReadExtensions.ReadExactlyAsync(new TrickleStream(new byte[3]), new byte[10], 0, 10));
        }

        [Fact]
        public void Bad_arguments_are_rejected()
        {
            Assert.Throws<ArgumentNullException>(() => StreamReadExtensions.ReadExactly(null!, new byte[1], 0, 1));
            Assert.Throws<ArgumentNullException>(() => StreamReadExtensions.ReadExactly(new MemoryStream(), null!, 0, 1));
            Assert.Throws<ArgumentOutOfRangeException>(() => StreamReadExtensions.ReadExactly(new MemoryStream(), new byte[2], 1, 2));
            Assert.Throws<ArgumentOutOfRangeException>(() => { _ = StreamReadExtensions.ReadExactlyAsync(new MemoryStream(), new byte[2], -1, 1); });
        }

        /// <summary>A stream that returns one byte per read, like a slow network peer.</summary>
        internal sealed class TrickleStream : Stream
        {
            private readonly byte[] _data;
            private int _position;

            internal TrickleStream(byte[] data) => _data = data;

            internal int Reads { get; private set; }

            public override bool CanRead => true;

            public override bool CanSeek => false;

            public override bool CanWrite => false;

            public override long Length => throw new NotSupportedException();

            public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

            public override void Flush()
            {
            }

            public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

            public override int Read(Span<byte> buffer)
            {
                Reads++;
                if (buffer.IsEmpty || _position == _data.Length)
                {
                    return 0;
                }

                buffer[0] = _data[_position++];
                return 1;
            }

            public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
                => Task.FromResult(Read(buffer.AsSpan(offset, count)));

            public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
                => new ValueTask<int>(Read(buffer.Span));

            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

            public override void SetLength(long value) => throw new NotSupportedException();

            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        }
    }
}
