using System;

namespace SocketAnalyzers.Runtime
{
    /// <summary>Describes a failure reported by <see cref="TcpServerHost.Error"/>: a handler that threw, or an accept that failed.</summary>
    public sealed class TcpServerErrorEventArgs : EventArgs
    {
        /// <summary>Creates the event's data.</summary>
        /// <param name="exception">What failed.</param>
        /// <param name="connection">The connection whose handler failed, or <see langword="null"/> for a failure of the accept loop.</param>
        public TcpServerErrorEventArgs(Exception exception, TcpConnection? connection)
        {
            Exception = exception ?? throw new ArgumentNullException(nameof(exception));
            Connection = connection;
        }

        /// <summary>The exception. A <see cref="TimeoutException"/> from <see cref="TcpConnection"/> means the peer was idle longer than <see cref="TcpServerHostOptions.IdleTimeout"/>.</summary>
        public Exception Exception { get; }

        /// <summary>The connection whose handler failed (already being closed when the event is raised), or <see langword="null"/> when accepting failed.</summary>
        public TcpConnection? Connection { get; }
    }
}
