using System;
using System.Threading;

namespace SocketAnalyzers.Runtime.Internal
{
    /// <summary>
    /// A reusable per-operation timeout: one <see cref="CancellationTokenSource"/> armed before each operation and
    /// disarmed after it, replaced only when it actually fired. Not thread-safe: one operation at a time (one instance
    /// for receives and one for sends).
    /// </summary>
    internal sealed class OperationTimeout : IDisposable
    {
        private CancellationTokenSource _source = new CancellationTokenSource();

        /// <summary>Arms the timer for <paramref name="timeout"/> and links <paramref name="cancellationToken"/>; returns the token the operation must observe.</summary>
        internal CancellationToken Start(TimeSpan timeout, CancellationToken cancellationToken, out CancellationTokenRegistration registration)
        {
            if (_source.IsCancellationRequested)
            {
                // A timer that fired just as the previous operation completed: start from a fresh source.
                _source.Dispose();
                _source = new CancellationTokenSource();
            }

            CancellationTokenSource source = _source;
            registration = cancellationToken.CanBeCanceled
#if NET
                ? cancellationToken.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), source)
#else
                ? cancellationToken.Register(static state => ((CancellationTokenSource)state!).Cancel(), source)
#endif
                : default;
            source.CancelAfter(timeout);
            return source.Token;
        }

        /// <summary>Whether the timer (not the caller's token) ended the last operation.</summary>
        internal bool Expired(CancellationToken cancellationToken) => _source.IsCancellationRequested && !cancellationToken.IsCancellationRequested;

        /// <summary>Disarms the timer after an operation; replaces the source if it fired.</summary>
        internal void Stop(CancellationTokenRegistration registration)
        {
            registration.Dispose();
#if NET
            if (_source.TryReset())
            {
                return;
            }
#else
            _source.CancelAfter(Timeout.Infinite);
            if (!_source.IsCancellationRequested)
            {
                return;
            }
#endif
            _source.Dispose();
            _source = new CancellationTokenSource();
        }

        public void Dispose() => _source.Dispose();
    }
}
