using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading.Tasks;

namespace SocketAnalyzers.ServerBenchmarks
{
    internal readonly record struct Scenario(string Name, int Connections, int Payload);

    internal sealed record Result(string Peer, Scenario Scenario, double Throughput, double P50Us, double P99Us, double AllocatedPerOp, double PeakBytesPerConnection, long Operations);

    /// <summary>
    /// <c>run</c>: every peer in a process of its own, the same load against each, one scenario at a time with the peers
    /// taken in turn (so outside load drifts over all of them alike), repeated <c>--rounds</c> times; the median of the
    /// rounds is reported.
    /// </summary>
    internal static class SideBySide
    {
        public static readonly Scenario[] DefaultScenarios =
        [
            new("64 B echo, 1 connection", 1, 64),
            new("64 B echo, 100 connections", 100, 64),
            new("64 B echo, 1,000 connections", 1000, 64),
            new("64 KiB frames, 1 connection", 1, 64 * 1024),
        ];

        public static async Task<int> RunAsync(string[] peers, TimeSpan warmup, TimeSpan duration, int rounds, string? only = null)
        {
            Console.Error.WriteLine($"load before: {Load()}");
            var children = new List<ServerChild>();
            try
            {
                foreach (string peer in peers)
                {
                    children.Add(await ServerChild.StartAsync(peer).ConfigureAwait(false));
                }

                var results = new List<Result>();
                for (int round = 0; round < rounds; round++)
                {
                    foreach (Scenario scenario in DefaultScenarios.Where(s => only is null || s.Name.Contains(only, StringComparison.Ordinal)))
                    {
                        // Rotate the order each round: no peer always runs first (cold) or last.
                        for (int k = 0; k < children.Count; k++)
                        {
                            ServerChild child = children[(k + round) % children.Count];
                            Result result = await MeasureAsync(child, scenario, warmup, duration).ConfigureAwait(false);
                            Console.Error.WriteLine($"round {round + 1} {scenario.Name} {child.Peer}: {result.Throughput:0} ops/s p50 {result.P50Us:0.0} us p99 {result.P99Us:0.0} us {result.AllocatedPerOp:0.0} B/op {result.PeakBytesPerConnection / 1024:0.0} KiB/conn (load {Load()})");
                            results.Add(result);
                        }
                    }
                }

                Console.Error.WriteLine($"load after: {Load()}");
                Console.WriteLine(Report(results, peers));
                return 0;
            }
            finally
            {
                foreach (ServerChild child in children)
                {
                    await child.DisposeAsync().ConfigureAwait(false);
                }
            }
        }

        private static async Task<Result> MeasureAsync(ServerChild child, Scenario scenario, TimeSpan warmup, TimeSpan duration)
        {
            await child.ClearPeakAsync().ConfigureAwait(false);
            ServerStats before = await child.StatsAsync().ConfigureAwait(false);
            await using LoadGenerator load = await LoadGenerator.ConnectAsync(child.Port, scenario.Connections, scenario.Payload).ConfigureAwait(false);
            load.Start();
            await Task.Delay(warmup).ConfigureAwait(false);
            ServerStats start = await child.StatsAsync().ConfigureAwait(false);
            var clock = Stopwatch.StartNew();
            load.BeginRecording();
            await Task.Delay(duration).ConfigureAwait(false);
            long operations = load.EndRecording();
            double seconds = clock.Elapsed.TotalSeconds;
            ServerStats end = await child.StatsAsync().ConfigureAwait(false);
            long[] latencies = load.SortedLatencies();
            return new Result(
                child.Peer,
                scenario,
                operations / seconds,
                Percentile(latencies, 0.50),
                Percentile(latencies, 0.99),
                operations == 0 ? double.NaN : (double)(end.AllocatedBytes - start.AllocatedBytes) / operations,
                (double)(end.PeakResidentBytes - before.ResidentBytes) / scenario.Connections,
                operations);
        }

        private static double Percentile(long[] sorted, double p) =>
            sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))] * 1_000_000.0 / Stopwatch.Frequency;

        private static string Load() => System.IO.File.Exists("/proc/loadavg") ? System.IO.File.ReadAllText("/proc/loadavg").Trim() : "n/a";

        /// <summary>
        /// One table per scenario: median over rounds (memory: the largest growth, i.e. the first round's, since a process
        /// keeps the memory it grew), then every metric also as a ratio to the fastest peer's (the real
        /// servers only; the raw baseline is shown for scale but is not a peer).
        /// </summary>
        private static string Report(List<Result> results, string[] peers)
        {
            var text = new StringBuilder();
            foreach (var scenarioGroup in results.GroupBy(r => r.Scenario))
            {
                var medians = peers
                    .Select(peer => scenarioGroup.Where(r => r.Peer == peer).ToList())
                    .Where(list => list.Count > 0)
                    .Select(list => new Result(
                        list[0].Peer,
                        list[0].Scenario,
                        Median(list.Select(r => r.Throughput)),
                        Median(list.Select(r => r.P50Us)),
                        Median(list.Select(r => r.P99Us)),
                        Median(list.Select(r => r.AllocatedPerOp)),
                        list.Max(r => r.PeakBytesPerConnection), // the first round's growth: later rounds reuse memory the process kept
                        list.Sum(r => r.Operations)))
                    .ToList();
                Result fastest = medians.Where(r => r.Peer != "raw").DefaultIfEmpty(medians[0]).MaxBy(r => r.Throughput)!;
                text.AppendLine(CultureInfo.InvariantCulture, $"### {scenarioGroup.Key.Name} (fastest peer: {fastest.Peer})");
                text.AppendLine();
                text.AppendLine("| server | round trips/s | × fastest | p50 µs | × fastest | p99 µs | × fastest | B allocated/op | × fastest | peak KiB/connection | × fastest |");
                text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
                foreach (Result r in medians)
                {
                    text.AppendLine(CultureInfo.InvariantCulture,
                        $"| {r.Peer} | {r.Throughput:#,0} | {Ratio(r.Throughput, fastest.Throughput)} | {r.P50Us:0.0} | {Ratio(r.P50Us, fastest.P50Us)} | {r.P99Us:0.0} | {Ratio(r.P99Us, fastest.P99Us)} | {r.AllocatedPerOp:0.0} | {Ratio(r.AllocatedPerOp, fastest.AllocatedPerOp)} | {r.PeakBytesPerConnection / 1024:0.0} | {Ratio(r.PeakBytesPerConnection, fastest.PeakBytesPerConnection)} |");
                }

                text.AppendLine();
            }

            return text.ToString();
        }

        private static string Ratio(double value, double reference) =>
            reference > 0 && !double.IsNaN(value) ? (value / reference).ToString("0.00", CultureInfo.InvariantCulture) : "n/a";

        private static double Median(IEnumerable<double> values)
        {
            double[] sorted = values.OrderBy(v => v).ToArray();
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        }
    }
}
