using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using SocketAnalyzers.Reference.Hosting;
using SocketAnalyzers.Runtime;

namespace SocketAnalyzers.Reference.Calc
{
    /// <summary>The server closed the connection instead of answering: it rejected the request.</summary>
    public sealed class CalcRejectedException : Exception
    {
        public CalcRejectedException(string message)
            : base(message)
        {
        }
    }

    /// <summary>A calculator connection; several requests may be sent over it, one after the other.</summary>
    public sealed class CalcClient : IAsyncDisposable
    {
        private readonly Socket _socket;
        private readonly NetworkStream _stream;
        private readonly byte[] _response = new byte[CalcProtocol.ResultSize];

        private CalcClient(Socket socket)
        {
            _socket = socket;
            _stream = new NetworkStream(socket, ownsSocket: false);
        }

        public static async Task<CalcClient> ConnectAsync(string host, int port, CancellationToken cancellationToken)
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            try
            {
                await socket.ConnectAsync(host, port, cancellationToken).ConfigureAwait(false);
                return new CalcClient(socket);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        public async Task<int> ComputeAsync(char op, IReadOnlyList<int> operands, CancellationToken cancellationToken)
        {
            var request = CalcProtocol.EncodeRequest(op, operands);
            await SocketIO.SendAllAsync(_socket, request, cancellationToken).ConfigureAwait(false);
            try
            {
                // The answer is exactly 4 bytes; they may arrive in pieces.
                await _stream.ReadExactlyAsync(_response, cancellationToken).ConfigureAwait(false);
            }
            catch (EndOfStreamException)
            {
                throw new CalcRejectedException("the server closed the connection without an answer: it rejected the request");
            }

            return BinaryPrimitives.ReadInt32BigEndian(_response);
        }

        /// <summary>Half-closes ("no more requests"), waits for the server to close its side, then closes.</summary>
        public async ValueTask DisposeAsync()
        {
            await _socket.CloseGracefullyAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
            await _stream.DisposeAsync().ConfigureAwait(false);
        }
    }
}
