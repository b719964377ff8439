using System;
using System.Threading;

namespace SocketAnalyzers.Runtime.Internal
{
    /// <summary>Argument checks that netstandard2.0 lacks (<c>ArgumentNullException.ThrowIfNull</c> and friends).</summary>
    internal static class Argument
    {
        internal static void NotNull(object? value, string name)
        {
            if (value is null)
            {
                throw new ArgumentNullException(name);
            }
        }

        internal static void ValidBuffer(byte[]? buffer, int offset, int count)
        {
            if (buffer is null)
            {
                throw new ArgumentNullException(nameof(buffer));
            }

            if (offset < 0 || offset > buffer.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(offset), offset, $"The offset must be between 0 and the buffer's length ({buffer.Length}).");
            }

            if (count < 0 || count > buffer.Length - offset)
            {
                throw new ArgumentOutOfRangeException(nameof(count), count, $"The count must be between 0 and the bytes left in the buffer after the offset ({buffer.Length - offset}).");
            }
        }

        internal static void Timeout(TimeSpan value, string name, bool allowZero = true)
        {
            if (value == System.Threading.Timeout.InfiniteTimeSpan)
            {
                return;
            }

            if (value < TimeSpan.Zero || (!allowZero && value == TimeSpan.Zero) || value.TotalMilliseconds > int.MaxValue)
            {
                throw new ArgumentOutOfRangeException(name, value, "The timeout must be positive and at most int.MaxValue milliseconds, or Timeout.InfiniteTimeSpan.");
            }
        }

        internal static void Positive(int value, string name)
        {
            if (value <= 0)
            {
                throw new ArgumentOutOfRangeException(name, value, "The value must be positive.");
            }
        }

        internal static bool IsInfinite(TimeSpan timeout) => timeout == System.Threading.Timeout.InfiniteTimeSpan;

        internal static void ThrowIfCancelled(CancellationToken cancellationToken) => cancellationToken.ThrowIfCancellationRequested();
    }
}
