using System;
using System.IO;
using System.Net;

namespace SocketAnalyzers.Reference.Hosting
{
    /// <summary>One line per connection (or per datagram for UDP), written when it ends: who it was and how it went.</summary>
    public sealed class ConnectionLog
    {
        private readonly TextWriter _writer;
        private readonly string _program;

        public ConnectionLog(string program, TextWriter writer)
        {
            _program = program;
            _writer = TextWriter.Synchronized(writer);
        }

        /// <summary>A log that writes nothing.</summary>
        public static ConnectionLog None { get; } = new ConnectionLog(string.Empty, TextWriter.Null);

        public void Write(EndPoint? remote, string outcome)
        {
            _writer.WriteLine($"{_program}: {remote?.ToString() ?? "-"}: {outcome}");
        }

        public void Error(string message)
        {
            _writer.WriteLine($"{_program}: {message}");
        }
    }
}
