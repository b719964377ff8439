using System;
using System.Diagnostics;
using System.IO;
using System.Threading;

namespace SocketAnalyzers.Cli
{
    /// <summary>
    /// Progress on standard error, once a scan has run longer than a few seconds: a line that rewrites itself on a
    /// terminal, a line every few seconds otherwise. Quiet scans and quick scans print nothing. Writes lock the
    /// writer, as every other writer of standard error in the scanner does.
    /// </summary>
    internal sealed class ProgressReporter : IDisposable
    {
        private readonly TextWriter writer;
        private readonly bool enabled;
        private readonly bool rewrite;
        private readonly Stopwatch stopwatch = Stopwatch.StartNew();
        private readonly Timer? timer;
        private int filesRead;
        private int filesTotal;
        private int projectsDone;
        private int projectsTotal;
        private string phase = "reading";
        private bool printed;
        private bool disposed;
        private int lastLength;

        public ProgressReporter(TextWriter writer, bool enabled, TimeSpan delay, bool interactive)
        {
            this.writer = writer;
            this.enabled = enabled;
            rewrite = interactive;
            if (enabled)
            {
                var period = interactive ? TimeSpan.FromMilliseconds(250) : TimeSpan.FromSeconds(5);
                timer = new Timer(_ => Print(), null, delay, period);
                if (delay <= TimeSpan.Zero)
                {
                    Print();
                }
            }
        }

        public TimeSpan Elapsed => stopwatch.Elapsed;

        public void Reading(int total)
        {
            phase = "reading";
            filesTotal = total;
        }

        public void FileRead() => Interlocked.Increment(ref filesRead);

        public void Analyzing(int projects)
        {
            phase = "analyzing";
            projectsTotal = projects;
        }

        public void ProjectDone() => Interlocked.Increment(ref projectsDone);

        public void Fixing() => phase = "fixing";

        public void Dispose()
        {
            timer?.Dispose();
            lock (writer)
            {
                if (printed && rewrite)
                {
                    writer.Write('\r' + new string(' ', lastLength) + '\r');
                    writer.Flush();
                }

                printed = false;
                disposed = true;
            }
        }

        private void Print()
        {
            if (!enabled)
            {
                return;
            }

            lock (writer)
            {
                if (disposed)
                {
                    return;
                }

                var seconds = (int)stopwatch.Elapsed.TotalSeconds;
                var line = phase switch
                {
                    "reading" => $"socketanalyzers: reading files {Volatile.Read(ref filesRead)}/{filesTotal} ({seconds} s)",
                    "analyzing" => $"socketanalyzers: {filesTotal} files read; analyzing projects {Volatile.Read(ref projectsDone)}/{projectsTotal} ({seconds} s)",
                    _ => $"socketanalyzers: applying code fixes ({seconds} s)",
                };
                try
                {
                    if (rewrite)
                    {
                        writer.Write('\r' + line.PadRight(lastLength));
                        lastLength = line.Length;
                    }
                    else
                    {
                        writer.WriteLine(line);
                    }

                    writer.Flush();
                    printed = true;
                }
                catch (Exception e) when (e is IOException or ObjectDisposedException)
                {
                    // Standard error went away; progress is not worth failing for.
                }
            }
        }
    }
}
