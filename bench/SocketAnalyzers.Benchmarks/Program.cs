using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace SocketAnalyzers.Benchmarks
{
    /// <summary>
    /// Runs the benchmarks. <c>--short</c> selects the short job used for bench/README.md (minutes on 2 shared cores);
    /// without it BenchmarkDotNet's default job runs (longer, tighter intervals). Every other argument goes to
    /// BenchmarkDotNet (e.g. <c>--filter *Framing*</c>). <c>--interleaved [samples]</c> runs the load-robust
    /// alternating comparison of <see cref="Interleaved"/> instead.
    /// </summary>
    public static class Program
    {
        public static void Main(string[] args)
        {
            int interleaved = System.Array.IndexOf(args, "--interleaved");
            if (interleaved >= 0)
            {
                int samples = interleaved + 1 < args.Length && int.TryParse(args[interleaved + 1], out int n) ? n : 41;
                Interleaved.Run(samples);
                return;
            }

            bool quick = System.Array.IndexOf(args, "--short") >= 0;
            args = System.Array.FindAll(args, a => a != "--short");

            // In-process: no generated project to build (it would inherit the repository's central package
            // management and warnings-as-errors), and the loopback sockets live in the measured process anyway.
            Job job = Job.Default.WithToolchain(InProcessEmitToolchain.Instance);
            if (quick)
            {
                job = job.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(15).WithId("Short");
            }

            IConfig config = DefaultConfig.Instance
                .AddJob(job)
                .AddDiagnoser(MemoryDiagnoser.Default)
                .AddColumn(StatisticColumn.OperationsPerSecond)
                .WithOptions(ConfigOptions.DisableOptimizationsValidator);
            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
        }
    }
}
