using System;
using System.IO;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using SocketAnalyzers.Reference.Hosting;

namespace SocketAnalyzers.Reference.Echo
{
    /// <summary>What an echo exchange moved.</summary>
    public readonly record struct EchoResult(long Sent, long Received);

    /// <summary>
    /// The echo client: sends its input, half-closes to say "that is all", and copies the echo to its output until the
    /// server closes. Sending and receiving run at the same time: a client that sent everything before reading would
    /// deadlock on a large input once both sides' buffers are full.
    /// </summary>
    public static class EchoClient
    {
        public static async Task<EchoResult> RunAsync(string host, int port, Stream input, Stream output, CancellationToken cancellationToken)
        {
            using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            // Connect(host, port) tries every address of the name, IPv6 and IPv4 alike.
            await socket.ConnectAsync(host, port, cancellationToken).ConfigureAwait(false);
            return await ExchangeAsync(socket, input, output, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Runs the exchange on a connected socket.</summary>
        public static async Task<EchoResult> ExchangeAsync(Socket socket, Stream input, Stream output, CancellationToken cancellationToken)
        {
            using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var progress = new SendProgress();
            var sending = SendAsync(socket, input, progress, failed.Token);
            var receiving = ReceiveAsync(socket, output, failed.Token);
            var first = await Task.WhenAny(sending, receiving).ConfigureAwait(false);

            // The echo can end before the sending task does even when all input went out: our half-close lets the
            // server finish and close, and its end of stream may arrive here before the send task has completed.
            // Only an echo that ended before we half-closed means the server closed early.
            if (first != sending && !progress.AllInputSent)
            {
                // The echo ended (or failed) before we finished sending: the server closed early (it stopped, or
                // dropped us as idle). Stop sending; the input may be a terminal that never ends on its own.
                failed.Cancel();
                var echoed = await receiving.ConfigureAwait(false);
                throw new IOException($"the server closed the connection before the whole input was sent ({echoed} bytes echoed)");
            }

            try
            {
                var sent = await sending.ConfigureAwait(false);
                return new EchoResult(sent, await receiving.ConfigureAwait(false));
            }
            catch
            {
                // Sending failed: stop receiving before reporting.
                failed.Cancel();
                throw;
            }
        }

        /// <summary>Set by the sending side once every byte of the input is sent, just before the half-close.</summary>
        private sealed class SendProgress
        {
            private volatile bool allInputSent;

            public bool AllInputSent => allInputSent;

            public void MarkAllInputSent() => allInputSent = true;
        }

        private static async Task<long> SendAsync(Socket socket, Stream input, SendProgress progress, CancellationToken cancellationToken)
        {
            var buffer = new byte[EchoServer.BufferSize];
            long sent = 0;
            while (true)
            {
                var read = await input.ReadAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                await SocketIO.SendAllAsync(socket, buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                sent += read;
            }

            // Half-close: the server reads 0, finishes echoing and closes; we can still receive the rest.
            progress.MarkAllInputSent();
            socket.Shutdown(SocketShutdown.Send);
            return sent;
        }

        private static async Task<long> ReceiveAsync(Socket socket, Stream output, CancellationToken cancellationToken)
        {
            var buffer = new byte[EchoServer.BufferSize];
            long received = 0;
            while (true)
            {
                var count = await socket.ReceiveAsync(buffer.AsMemory(), SocketFlags.None, cancellationToken).ConfigureAwait(false);
                if (count == 0)
                {
                    break;
                }

                await output.WriteAsync(buffer.AsMemory(0, count), cancellationToken).ConfigureAwait(false);
                received += count;
            }

            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            return received;
        }
    }
}
