using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;

namespace SocketAnalyzers.ServerBenchmarks
{
    /// <summary>
    /// <c>flood --port P --silent N [--pid PID]</c>: the issue-12 measurement too heavy for a test run. Opens N connections
    /// that send nothing to a running echo server (e.g. the reference <c>echo-server</c>), then times one client that talks
    /// (sends a message, reads its echo), and reports the server's resident memory (from /proc/PID/status) before and
    /// with the flood.
    /// </summary>
    internal static class SilentFlood
    {
        public static async Task<int> RunAsync(int port, int silent, int? pid)
        {
            var endPoint = new IPEndPoint(IPAddress.Loopback, port);
            Console.WriteLine($"load before: {Load()}");
            (long Rss, long Hwm) before = pid is { } p0 ? ServerProcess.ReadStatus($"/proc/{p0}/status") : default;
            var sockets = new List<Socket>(silent);
            var clock = Stopwatch.StartNew();
            try
            {
                for (int i = 0; i < silent; i += 200)
                {
                    sockets.AddRange(await Task.WhenAll(Enumerable.Range(0, Math.Min(200, silent - i)).Select(async _ =>
                    {
                        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        await socket.ConnectAsync(endPoint).WaitAsync(TimeSpan.FromSeconds(60)).ConfigureAwait(false);
                        return socket;
                    })).ConfigureAwait(false));
                }

                Console.WriteLine($"{silent} silent connections open after {clock.Elapsed.TotalSeconds:0.0} s");
                await Task.Delay(TimeSpan.FromSeconds(2)).ConfigureAwait(false); // let the server accept what it will
                (long Rss, long Hwm) flooded = pid is { } p1 ? ServerProcess.ReadStatus($"/proc/{p1}/status") : default;

                clock.Restart();
                using (var good = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true })
                {
                    await good.ConnectAsync(endPoint).WaitAsync(TimeSpan.FromSeconds(120)).ConfigureAwait(false);
                    byte[] message = Encoding.ASCII.GetBytes("hello");
                    await good.SendAsync(message, SocketFlags.None).ConfigureAwait(false);
                    byte[] echo = new byte[message.Length];
                    int received = 0;
                    while (received < echo.Length)
                    {
                        int n = await good.ReceiveAsync(echo.AsMemory(received), SocketFlags.None).AsTask().WaitAsync(TimeSpan.FromSeconds(120)).ConfigureAwait(false);
                        if (n == 0)
                        {
                            throw new InvalidOperationException("the server closed the good client's connection");
                        }

                        received += n;
                    }
                }

                Console.WriteLine($"good client served (connect + echo) in {clock.Elapsed.TotalSeconds:0.000} s while {silent} silent connections were open");
                if (pid is not null)
                {
                    Console.WriteLine($"server resident memory: {before.Rss / 1048576.0:0.0} MiB before, {flooded.Rss / 1048576.0:0.0} MiB with the flood, peak {flooded.Hwm / 1048576.0:0.0} MiB; " +
                        $"{(flooded.Rss - before.Rss) / 1024.0 / silent:0.0} KiB per silent connection");
                }

                Console.WriteLine($"load after: {Load()}");
                return 0;
            }
            finally
            {
                foreach (Socket socket in sockets)
                {
                    socket.Dispose();
                }
            }
        }

        private static string Load() => System.IO.File.Exists("/proc/loadavg") ? System.IO.File.ReadAllText("/proc/loadavg").Trim() : "n/a";
    }
}
