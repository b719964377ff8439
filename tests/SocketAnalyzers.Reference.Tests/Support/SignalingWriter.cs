using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading.Tasks;

namespace SocketAnalyzers.Reference.Tests.Support
{
    /// <summary>A TextWriter that records lines and lets a test wait for a line with a given content (no polling).</summary>
    internal sealed class SignalingWriter : TextWriter
    {
        private readonly List<string> _lines = new();
        private readonly List<(string Fragment, TaskCompletionSource<string> Signal)> _waiters = new();
        private readonly StringBuilder _current = new();

        public override Encoding Encoding => Encoding.UTF8;

        public IReadOnlyList<string> Lines
        {
            get
            {
                lock (_lines)
                {
                    return _lines.ToArray();
                }
            }
        }

        public Task<string> WaitForLineAsync(string fragment)
        {
            lock (_lines)
            {
                foreach (var line in _lines)
                {
                    if (line.Contains(fragment))
                    {
                        return Task.FromResult(line);
                    }
                }

                var signal = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiters.Add((fragment, signal));
                return signal.Task.Within();
            }
        }

        public override void Write(char value)
        {
            lock (_lines)
            {
                if (value == '\n')
                {
                    var line = _current.ToString().TrimEnd('\r');
                    _current.Clear();
                    _lines.Add(line);
                    _waiters.RemoveAll(w =>
                    {
                        if (!line.Contains(w.Fragment))
                        {
                            return false;
                        }

                        w.Signal.TrySetResult(line);
                        return true;
                    });
                }
                else
                {
                    _current.Append(value);
                }
            }
        }
    }
}
