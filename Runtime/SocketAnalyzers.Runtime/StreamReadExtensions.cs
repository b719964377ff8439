using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using SocketAnalyzers.Runtime.Internal;

namespace SocketAnalyzers.Runtime
{
    /// <summary>
    /// "Read exactly" for a <see cref="Stream"/> on targets that lack it: netstandard2.0 (and so .NET Framework) has no
    /// <c>Stream.ReadExactly</c>.
    /// </summary>
    /// <remarks>
    /// On .NET 7 and later, <c>Stream.ReadExactly</c> and <c>Stream.ReadExactlyAsync</c> are instance methods, and C#
    /// always prefers an instance method to an extension method: <c>stream.ReadExactly(buffer, 0, n)</c> calls the
    /// framework's. Called explicitly (<c>StreamReadExtensions.ReadExactly(stream, …)</c>), these methods also defer to
    /// the framework there. They exist for libraries that target netstandard2.0, so one source works on every target.
    /// </remarks>
    public static class StreamReadExtensions
    {
        /// <summary>
        /// Reads exactly <paramref name="count"/> bytes from <paramref name="stream"/> into <paramref name="buffer"/> at
        /// <paramref name="offset"/>, looping over short reads.
        /// </summary>
        /// <param name="stream">The stream to read from.</param>
        /// <param name="buffer">The buffer to fill.</param>
        /// <param name="offset">Where in <paramref name="buffer"/> the first byte goes.</param>
        /// <param name="count">How many bytes to read; 0 returns at once without reading.</param>
        /// <exception cref="ArgumentNullException"><paramref name="stream"/> or <paramref name="buffer"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="offset"/> and <paramref name="count"/> do not describe a range of <paramref name="buffer"/>.</exception>
        /// <exception cref="EndOfStreamException">The stream ended before <paramref name="count"/> bytes were read.</exception>
        public static void ReadExactly(this Stream stream, byte[] buffer, int offset, int count)
        {
            Argument.NotNull(stream, nameof(stream));
            Argument.ValidBuffer(buffer, offset, count);
#if NET
            stream.ReadExactly(buffer, offset, count);
#else
            int read = 0;
            while (read < count)
            {
                int n = stream.Read(buffer, offset + read, count - read);
                if (n == 0)
                {
                    throw EndOfStream(read, count);
                }

                read += n;
            }
#endif
        }

        /// <summary>
        /// Reads exactly <paramref name="count"/> bytes from <paramref name="stream"/> into <paramref name="buffer"/> at
        /// <paramref name="offset"/> asynchronously, looping over short reads.
        /// </summary>
        /// <param name="stream">The stream to read from.</param>
        /// <param name="buffer">The buffer to fill.</param>
        /// <param name="offset">Where in <paramref name="buffer"/> the first byte goes.</param>
        /// <param name="count">How many bytes to read; 0 completes at once without reading.</param>
        /// <param name="cancellationToken">Cancels the read; the bytes read so far are in the buffer but the message is incomplete.</param>
        /// <returns>A task that completes when <paramref name="count"/> bytes have been read.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="stream"/> or <paramref name="buffer"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="offset"/> and <paramref name="count"/> do not describe a range of <paramref name="buffer"/>.</exception>
        /// <exception cref="EndOfStreamException">The stream ended before <paramref name="count"/> bytes were read.</exception>
        /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
        public static Task ReadExactlyAsync(this Stream stream, byte[] buffer, int offset, int count, CancellationToken cancellationToken = default)
        {
            Argument.NotNull(stream, nameof(stream));
            Argument.ValidBuffer(buffer, offset, count);
#if NET
            return stream.ReadExactlyAsync(buffer, offset, count, cancellationToken).AsTask();
#else
            return ReadExactlyCoreAsync(stream, buffer, offset, count, cancellationToken);
#endif
        }

#if !NET
        private static async Task ReadExactlyCoreAsync(Stream stream, byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            int read = 0;
            while (read < count)
            {
                int n = await stream.ReadAsync(buffer, offset + read, count - read, cancellationToken).ConfigureAwait(false);
                if (n == 0)
                {
                    throw EndOfStream(read, count);
                }

                read += n;
            }
        }

        private static EndOfStreamException EndOfStream(int read, int expected)
            => new EndOfStreamException($"The stream ended after {read} of {expected} bytes were read.");
#endif
    }
}
