using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace SocketAnalyzers.Runtime.Internal
{
    /// <summary>The <see cref="TcpConnection.Stream"/>: every read and write goes through the connection's idle timeout.</summary>
    internal sealed class TcpConnectionStream : Stream
    {
        private readonly TcpConnection _connection;

        internal TcpConnectionStream(TcpConnection connection) => _connection = connection;

        public override bool CanRead => true;

        public override bool CanWrite => true;

        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException("A network stream has no length.");

        public override long Position
        {
            get => throw new NotSupportedException("A network stream has no position.");
            set => throw new NotSupportedException("A network stream has no position.");
        }

        public override void Flush()
        {
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("A network stream cannot seek.");

        public override void SetLength(long value) => throw new NotSupportedException("A network stream has no length.");

        public override int Read(byte[] buffer, int offset, int count)
        {
            Argument.ValidBuffer(buffer, offset, count);
            return _connection.Receive(buffer.AsSpan(offset, count));
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Argument.ValidBuffer(buffer, offset, count);
            return _connection.ReceiveAsync(new Memory<byte>(buffer, offset, count), cancellationToken).AsTask();
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            Argument.ValidBuffer(buffer, offset, count);
            _connection.Send(buffer.AsSpan(offset, count));
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Argument.ValidBuffer(buffer, offset, count);
            return _connection.SendAsync(new ReadOnlyMemory<byte>(buffer, offset, count), cancellationToken).AsTask();
        }

#if NET
        public override int Read(Span<byte> buffer) => _connection.Receive(buffer);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
            => _connection.ReceiveAsync(buffer, cancellationToken);

        public override void Write(ReadOnlySpan<byte> buffer) => _connection.Send(buffer);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
            => _connection.SendAsync(buffer, cancellationToken);
#endif
    }
}
