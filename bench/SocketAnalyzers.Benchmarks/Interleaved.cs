using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading.Tasks;

namespace SocketAnalyzers.Benchmarks
{
    /// <summary>
    /// A load-robust comparison for a shared machine: runs a baseline and a candidate in alternation (ABAB…), each
    /// sample a batch of operations, and reports the minimum and the median time per operation of each. Other
    /// processes' load hits both sides alike, so the ratio stays meaningful when absolute times do not. It complements
    /// BenchmarkDotNet (which runs one method after the other and measures allocations); it does not replace it.
    /// </summary>
    internal static class Interleaved
    {
        internal static void Run(int samples)
        {
            Console.WriteLine("| Benchmark | Params | Baseline min | Candidate min | Ratio (min) | Baseline median | Candidate median | Ratio (median) |");
            Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|");
            foreach (int size in new[] { 64, 65536 })
            {
                var framing = new FramingBenchmarks { FrameSize = size };
                framing.Setup();
                try
                {
                    Compare("RawNetworkStreamCopy vs Framing", $"FrameSize={size}", framing.RawNetworkStreamCopy, framing.Framing, 256, size == 64 ? 64 : 8, samples);
                }
                finally
                {
                    framing.Cleanup();
                }
            }

            foreach (int connections in new[] { 1, 100 })
            {
                var echo = new EchoBenchmarks { Connections = connections };
                echo.Setup();
                try
                {
                    Compare("RawSocketEcho vs TcpServerHostEcho", $"Connections={connections}", echo.RawSocketEcho, echo.TcpServerHostEcho, connections, connections == 1 ? 500 : 10, samples);
                }
                finally
                {
                    echo.Cleanup();
                }
            }
        }

        private static void Compare(string name, string parameters, Func<Task> baseline, Func<Task> candidate, int operationsPerInvoke, int invokesPerSample, int samples)
        {
            // Warm-up: JIT, pools, socket buffers.
            for (int i = 0; i < invokesPerSample * 3; i++)
            {
                baseline().GetAwaiter().GetResult();
                candidate().GetAwaiter().GetResult();
            }

            var a = new List<double>();
            var b = new List<double>();
            for (int s = 0; s < samples; s++)
            {
                a.Add(Sample(baseline, invokesPerSample, operationsPerInvoke));
                b.Add(Sample(candidate, invokesPerSample, operationsPerInvoke));
            }

            a.Sort();
            b.Sort();
            double aMin = a[0], bMin = b[0], aMed = a[a.Count / 2], bMed = b[b.Count / 2];
            Console.WriteLine($"| {name} | {parameters} | {Us(aMin)} | {Us(bMin)} | {bMin / aMin:0.00} | {Us(aMed)} | {Us(bMed)} | {bMed / aMed:0.00} |");
        }

        private static double Sample(Func<Task> action, int invokes, int operationsPerInvoke)
        {
            var clock = Stopwatch.StartNew();
            for (int i = 0; i < invokes; i++)
            {
                action().GetAwaiter().GetResult();
            }

            return clock.Elapsed.TotalMilliseconds * 1000 / (invokes * operationsPerInvoke);
        }

        private static string Us(double microseconds) => $"{microseconds:0.00} us";
    }
}
