#if NET
using System;
using System.Collections.Generic;
using System.Net.Sockets;
using System.Threading.Tasks;
using System.Threading.Tasks.Sources;

namespace SocketAnalyzers.Runtime.Internal
{
    /// <summary>
    /// Sends a frame's prefix and payload in one gather send (<c>sendmsg</c> with two buffers): one system call and no
    /// copy of the payload. Reuses one <see cref="SocketAsyncEventArgs"/>, so it allocates nothing in steady state. One
    /// send at a time; a stream socket's send completes only when every byte has been handed to the kernel.
    /// </summary>
    internal sealed class GatherSender : IValueTaskSource, IDisposable
    {
        private readonly Socket _socket;
        private readonly SocketAsyncEventArgs _args = new SocketAsyncEventArgs();
        private readonly List<ArraySegment<byte>> _buffers = new List<ArraySegment<byte>>(2);
        private ManualResetValueTaskSourceCore<bool> _core;

        internal GatherSender(Socket socket)
        {
            _socket = socket;
            // The completion callback already runs on a thread-pool thread: continue there, without a second hop.
            _core.RunContinuationsAsynchronously = false;
            _args.Completed += (_, e) => Complete(e);
        }

        internal ValueTask SendAsync(ArraySegment<byte> first, ArraySegment<byte> second)
        {
            _buffers.Clear();
            _buffers.Add(first);
            _buffers.Add(second);
            _args.BufferList = _buffers;
            _core.Reset();
            Pending = true;
            if (_socket.SendAsync(_args))
            {
                return new ValueTask(this, _core.Version);
            }

            Pending = false;

            return _args.SocketError == SocketError.Success
                ? default
                : ValueTask.FromException(new SocketException((int)_args.SocketError));
        }

        public void Dispose() => _args.Dispose();

        void IValueTaskSource.GetResult(short token) => _core.GetResult(token);

        ValueTaskSourceStatus IValueTaskSource.GetStatus(short token) => _core.GetStatus(token);

        void IValueTaskSource.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags)
            => _core.OnCompleted(continuation, state, token, flags);

        /// <summary>Whether a send is in flight (its buffers are still being read).</summary>
        internal bool Pending { get; private set; }

        private void Complete(SocketAsyncEventArgs e)
        {
            Pending = false;
            if (e.SocketError == SocketError.Success)
            {
                _core.SetResult(true);
            }
            else
            {
                _core.SetException(new SocketException((int)e.SocketError));
            }
        }
    }
}
#endif
