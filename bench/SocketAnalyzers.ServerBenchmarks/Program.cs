using System;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;

namespace SocketAnalyzers.ServerBenchmarks
{
    /// <summary>
    /// <c>run [--peers a,b,...] [--warmup S] [--duration S] [--rounds N]</c>: the side-by-side table (bench/README.md).
    /// <c>flood --port P --silent N [--pid PID]</c>: a client that talks, timed while N silent connections sit on a server.
    /// <c>serve PEER</c>: one peer server in this process (the child side of <c>run</c>).
    /// </summary>
    public static class Program
    {
        public static async Task<int> Main(string[] args)
        {
            string command = args.Length > 0 ? args[0] : "run";
            switch (command)
            {
                case "serve" when args.Length == 2:
                    return await ServerProcess.ServeAsync(args[1]).ConfigureAwait(false);
                case "run":
                    string[] peers = (Option(args, "--peers") ?? string.Join(",", Peers.Names)).Split(',', StringSplitOptions.RemoveEmptyEntries);
                    return await SideBySide.RunAsync(
                        peers,
                        TimeSpan.FromSeconds(double.Parse(Option(args, "--warmup") ?? "1", CultureInfo.InvariantCulture)),
                        TimeSpan.FromSeconds(double.Parse(Option(args, "--duration") ?? "3", CultureInfo.InvariantCulture)),
                        int.Parse(Option(args, "--rounds") ?? "1", CultureInfo.InvariantCulture),
                        Option(args, "--only")).ConfigureAwait(false);
                case "flood":
                    string? pid = Option(args, "--pid");
                    return await SilentFlood.RunAsync(
                        int.Parse(Option(args, "--port") ?? "7007", CultureInfo.InvariantCulture),
                        int.Parse(Option(args, "--silent") ?? "10000", CultureInfo.InvariantCulture),
                        pid is null ? null : int.Parse(pid, CultureInfo.InvariantCulture)).ConfigureAwait(false);
                default:
                    Console.Error.WriteLine("usage: run [--peers raw,tcpserverhost,kestrel,pipelines-sockets,dotnetty] [--warmup S] [--duration S] [--rounds N] [--only SCENARIO-TEXT] | flood --port P --silent N [--pid PID] | serve PEER");
                    return 2;
            }
        }

        private static string? Option(string[] args, string name)
        {
            int i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }
    }
}
