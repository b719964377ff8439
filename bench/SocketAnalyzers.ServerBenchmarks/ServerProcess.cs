using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading.Tasks;

namespace SocketAnalyzers.ServerBenchmarks
{
    /// <summary>What a server process reports about itself: bytes allocated so far, resident and peak resident memory.</summary>
    internal readonly record struct ServerStats(long AllocatedBytes, long ResidentBytes, long PeakResidentBytes);

    /// <summary>
    /// The child side (<c>serve PEER</c>): one peer in a process of its own, so its allocations and memory are its own and
    /// not the load generator's. It answers lines on stdin: <c>stats</c>, <c>clear</c> (reset the peak), <c>quit</c>.
    /// </summary>
    internal static class ServerProcess
    {
        public static async Task<int> ServeAsync(string peer)
        {
            await using IPeerServer server = Peers.Create(peer);
            int port = await server.StartAsync().ConfigureAwait(false);
            Console.WriteLine($"ready {port}");
            string? line;
            while ((line = Console.ReadLine()) is not null)
            {
                switch (line)
                {
                    case "stats":
                        ServerStats stats = Measure();
                        Console.WriteLine($"stats {stats.AllocatedBytes} {stats.ResidentBytes} {stats.PeakResidentBytes}");
                        break;
                    case "clear":
                        // Linux: writing 5 to clear_refs resets VmHWM to the current resident size.
                        await File.WriteAllTextAsync("/proc/self/clear_refs", "5").ConfigureAwait(false);
                        Console.WriteLine("cleared");
                        break;
                    case "quit":
                        return 0;
                }
            }

            return 0;
        }

        public static ServerStats Measure()
        {
            long allocated = GC.GetTotalAllocatedBytes(precise: true);
            var (rss, hwm) = ReadStatus("/proc/self/status");
            return new ServerStats(allocated, rss, hwm);
        }

        /// <summary>VmRSS and VmHWM of a process, in bytes (Linux /proc/PID/status).</summary>
        public static (long Rss, long Hwm) ReadStatus(string path)
        {
            long rss = 0, hwm = 0;
            foreach (string line in File.ReadLines(path))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    rss = Kilobytes(line) * 1024;
                }
                else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    hwm = Kilobytes(line) * 1024;
                }
            }

            return (rss, hwm);
        }

        private static long Kilobytes(string line) =>
            long.Parse(line.Substring(line.IndexOf(':') + 1).Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    /// <summary>The parent's handle on a <c>serve PEER</c> child process.</summary>
    internal sealed class ServerChild : IAsyncDisposable
    {
        private readonly Process _process;

        private ServerChild(Process process, string peer, int port)
        {
            _process = process;
            Peer = peer;
            Port = port;
        }

        public string Peer { get; }

        public int Port { get; }

        public static async Task<ServerChild> StartAsync(string peer)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(typeof(ServerChild).Assembly.Location);
            start.ArgumentList.Add("serve");
            start.ArgumentList.Add(peer);
            start.Environment["DOTNET_gcServer"] = "0";
            var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start the server process");
            string? ready = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60)).ConfigureAwait(false);
            if (ready is null || !ready.StartsWith("ready ", StringComparison.Ordinal))
            {
                process.Kill();
                throw new InvalidOperationException($"{peer}: the server process said '{ready}'");
            }

            return new ServerChild(process, peer, int.Parse(ready.AsSpan(6), CultureInfo.InvariantCulture));
        }

        public async Task<ServerStats> StatsAsync()
        {
            string reply = await AskAsync("stats").ConfigureAwait(false);
            string[] parts = reply.Split(' ');
            return new ServerStats(
                long.Parse(parts[1], CultureInfo.InvariantCulture),
                long.Parse(parts[2], CultureInfo.InvariantCulture),
                long.Parse(parts[3], CultureInfo.InvariantCulture));
        }

        public Task ClearPeakAsync() => AskAsync("clear");

        private async Task<string> AskAsync(string command)
        {
            await _process.StandardInput.WriteLineAsync(command).ConfigureAwait(false);
            await _process.StandardInput.FlushAsync().ConfigureAwait(false);
            return await _process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60)).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"{Peer}: the server process ended");
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                await _process.StandardInput.WriteLineAsync("quit").ConfigureAwait(false);
                await _process.StandardInput.FlushAsync().ConfigureAwait(false);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is TimeoutException or IOException or InvalidOperationException)
            {
                _process.Kill(entireProcessTree: true);
            }

            _process.Dispose();
        }
    }
}
