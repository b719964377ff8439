using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using SocketAnalyzers.Reference.Calc;
using SocketAnalyzers.Reference.Cli;
using SocketAnalyzers.Reference.Echo;
using SocketAnalyzers.Reference.Files;
using SocketAnalyzers.Reference.Hosting;
using SocketAnalyzers.Reference.Http;
using SocketAnalyzers.Reference.Udp;

namespace SocketAnalyzers.Reference
{
    /// <summary>
    /// <c>dotnet run --project Runtime/Reference -- &lt;command&gt; [options]</c>. Servers print
    /// <c>listening on &lt;ip&gt;:&lt;port&gt;</c> as their first stdout line once they accept connections, log one line per
    /// connection to stderr and stop gracefully on Ctrl+C or SIGTERM. Exit codes: 0 success, 1 failure, 2 bad usage.
    /// </summary>
    public static class Program
    {
        private static readonly string[] ServerOptions = ["--host", "--port"];
        private static readonly string[] ClientOptions = ["--host", "--port"];

        /// <summary>The async servers' defences against floods of silent connections (see ServerLimits).</summary>
        private static readonly string[] LimitOptions = ["--max-connections", "--first-byte-timeout", "--evict-idle"];

        private const string LimitUsage = "[--max-connections N (default 4096)] [--first-byte-timeout SECONDS (default 10, 0 = idle timeout only)] [--evict-idle on|off (default on)]";

        private static readonly Command[] Commands =
        [
            new("echo-server", "TCP echo server: echoes every byte; closes after the client's half-close.",
                "[--mode iterative|threaded|async (default async)] [--idle-timeout SECONDS (default 60, 0 = none)] " + LimitUsage + " (async mode)", [.. ServerOptions, "--mode", "--idle-timeout", .. LimitOptions], [], EchoServerAsync),
            new("echo-client", "Sends --message (or stdin), half-closes, prints the echo.",
                "[--message TEXT]", [.. ClientOptions, "--message"], [], EchoClientAsync),
            new("udp-echo-server", "UDP echo server: answers each datagram to its sender, boundaries kept.",
                string.Empty, ServerOptions, [], UdpEchoServerAsync),
            new("udp-echo-client", "Sends each --message (or each stdin line) as one datagram and prints its echo.",
                "[--message TEXT]... [--timeout SECONDS (default 2)] [--attempts N (default 3)]", [.. ClientOptions, "--message", "--timeout", "--attempts"], [], UdpEchoClientAsync),
            new("calc-server", "Calculator server: N big-endian int32 operands and an operator in, the int32 result out.",
                "[--idle-timeout SECONDS (default 60, 0 = none)] " + LimitUsage, [.. ServerOptions, "--idle-timeout", .. LimitOptions], [], CalcServerAsync),
            new("calc-client", "Computes --op OPERATOR OPERAND...; without --op, one 'OPERATOR OPERAND...' per stdin line.",
                "[--op +|-|* OPERAND...]", [.. ClientOptions, "--op"], [], CalcClientAsync),
            new("file-server", "Sends --file to each client, half-closes, prints the client's reply.",
                "--file PATH [--idle-timeout SECONDS (default 60, 0 = none)] " + LimitUsage, [.. ServerOptions, "--file", "--idle-timeout", .. LimitOptions], [], FileServerAsync),
            new("file-client", "Downloads the server's file to --out, then replies (default 'Thank you').",
                "--out PATH [--reply TEXT (default 'Thank you')]", [.. ClientOptions, "--out", "--reply"], [], FileClientAsync),
            new("http-server", "Minimal HTTP/1.0 static file server for --root.",
                "--root DIR [--max-request-bytes N (default 8192)] [--read-timeout SECONDS (default 10)] " + LimitUsage, [.. ServerOptions, "--root", "--max-request-bytes", "--read-timeout", .. LimitOptions], [], HttpServerAsync),
        ];

        /// <summary>The port each program uses when --port is not given, shared by a server and its client.</summary>
        private static readonly Dictionary<string, int> DefaultPorts = new(StringComparer.Ordinal)
        {
            ["echo"] = 7007,
            ["udp-echo"] = 7007,
            ["calc"] = 7008,
            ["file"] = 7009,
            ["http"] = 8080,
        };

        private delegate Task<int> CommandHandler(CommandArguments args, CancellationToken stop);

        public static async Task<int> Main(string[] args)
        {
            if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
            {
                PrintUsage(Console.Out);
                return args.Length == 0 ? 2 : 0;
            }

            var command = Commands.FirstOrDefault(c => c.Name == args[0]);
            if (command is null)
            {
                await Console.Error.WriteLineAsync($"unknown command '{args[0]}'").ConfigureAwait(false);
                PrintUsage(Console.Error);
                return 2;
            }

            CommandArguments parsed;
            try
            {
                if (args.Skip(1).Any(a => a is "-h" or "--help"))
                {
                    PrintCommandUsage(Console.Out, command);
                    return 0;
                }

                parsed = CommandArguments.Parse(args.Skip(1).ToArray(), command.ValueOptions, command.Flags);
            }
            catch (UsageException ex)
            {
                await Console.Error.WriteLineAsync($"{command.Name}: {ex.Message}").ConfigureAwait(false);
                PrintCommandUsage(Console.Error, command);
                return 2;
            }

            // Ctrl+C and SIGTERM cancel this token instead of killing the process: servers then stop gracefully.
            using var stop = new CancellationTokenSource();
            using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
            try
            {
                return await command.Handler(parsed, stop.Token).ConfigureAwait(false);
            }
            catch (UsageException ex)
            {
                await Console.Error.WriteLineAsync($"{command.Name}: {ex.Message}").ConfigureAwait(false);
                PrintCommandUsage(Console.Error, command);
                return 2;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                await Console.Error.WriteLineAsync($"{command.Name}: interrupted").ConfigureAwait(false);
                return 130;
            }
            catch (Exception ex) when (ex is SocketException or IOException or TimeoutException or CalcRejectedException or UnauthorizedAccessException or ArgumentException)
            {
                await Console.Error.WriteLineAsync($"{command.Name}: {Describe(ex)}").ConfigureAwait(false);
                return 1;
            }

            void Cancel(PosixSignalContext context)
            {
                context.Cancel = true;
                stop.Cancel();
            }
        }

        private static string Describe(Exception ex) => ex is SocketException socketError
            ? $"{socketError.SocketErrorCode}: {socketError.Message}"
            : ex.Message;

        // ----- servers -----

        private static Task<int> EchoServerAsync(CommandArguments args, CancellationToken stop)
        {
            args.ExpectNoPositionals();
            var limits = Limits(args);
            var mode = (args.Get("--mode") ?? "async") switch
            {
                "iterative" => EchoServerMode.Iterative,
                "threaded" => EchoServerMode.Threaded,
                "async" => EchoServerMode.Async,
                var other => throw new UsageException($"--mode must be iterative, threaded or async, not '{other}'"),
            };
            var idle = args.GetSeconds("--idle-timeout", 60);
            return RunServerAsync(() => EchoServer.Start(ServerEndPoint(args, "echo"), mode, idle, Log("echo-server"), limits), stop);
        }

        private static Task<int> UdpEchoServerAsync(CommandArguments args, CancellationToken stop)
        {
            args.ExpectNoPositionals();
            return RunServerAsync(() => UdpEchoServer.Start(ServerEndPoint(args, "udp-echo"), Log("udp-echo-server")), stop);
        }

        private static Task<int> CalcServerAsync(CommandArguments args, CancellationToken stop)
        {
            args.ExpectNoPositionals();
            var limits = Limits(args);
            var idle = args.GetSeconds("--idle-timeout", 60);
            return RunServerAsync(() => CalcServer.Start(ServerEndPoint(args, "calc"), idle, Log("calc-server"), limits), stop);
        }

        private static Task<int> FileServerAsync(CommandArguments args, CancellationToken stop)
        {
            args.ExpectNoPositionals();
            var limits = Limits(args);
            var path = args.GetRequired("--file");
            var idle = args.GetSeconds("--idle-timeout", 60);
            return RunServerAsync(() => FileServer.Start(ServerEndPoint(args, "file"), path, Console.Out, idle, Log("file-server"), limits), stop);
        }

        private static Task<int> HttpServerAsync(CommandArguments args, CancellationToken stop)
        {
            args.ExpectNoPositionals();
            var limits = Limits(args);
            var options = new HttpServerOptions(
                args.GetRequired("--root"),
                args.GetInt32("--max-request-bytes", 8 * 1024, 256, 1024 * 1024),
                args.GetSeconds("--read-timeout", 10));
            if (options.ReadTimeout <= TimeSpan.Zero)
            {
                throw new UsageException("--read-timeout must be more than 0: a server without one can be held forever");
            }

            return RunServerAsync(() => HttpServer.Start(ServerEndPoint(args, "http"), options, Log("http-server"), limits), stop);
        }

        /// <summary>--max-connections, --first-byte-timeout and --evict-idle, parsed before the server starts.</summary>
        private static ServerLimits Limits(CommandArguments args)
        {
            var defaults = ServerLimits.Default;
            var evict = (args.Get("--evict-idle") ?? "on") switch
            {
                "on" => true,
                "off" => false,
                var other => throw new UsageException($"--evict-idle must be on or off, not '{other}'"),
            };
            return new ServerLimits(
                args.GetInt32("--max-connections", defaults.MaxConnections, 1, 1_000_000),
                args.GetSeconds("--first-byte-timeout", defaults.FirstByteTimeout.TotalSeconds),
                evict);
        }

        private static async Task<int> RunServerAsync(Func<IReferenceServer> start, CancellationToken stop)
        {
            IReferenceServer server;
            try
            {
                server = start();
            }
            catch (Exception ex) when (ex is SocketException or IOException or UnauthorizedAccessException)
            {
                await Console.Error.WriteLineAsync($"cannot start: {Describe(ex)}").ConfigureAwait(false);
                return 1;
            }

            await using (server.ConfigureAwait(false))
            {
                // The first stdout line, once connections are accepted: scripts and tests wait for it.
                await Console.Out.WriteLineAsync($"listening on {server.LocalEndPoint}").ConfigureAwait(false);
                await Console.Out.FlushAsync(CancellationToken.None).ConfigureAwait(false);

                var stopRequested = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                using (stop.Register(() => stopRequested.TrySetResult()))
                {
                    await Task.WhenAny(server.Completion, stopRequested.Task).ConfigureAwait(false);
                }

                try
                {
                    await server.StopAsync().ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    await Console.Error.WriteLineAsync($"server failed: {ex.Message}").ConfigureAwait(false);
                    return 1;
                }

                await Console.Error.WriteLineAsync("stopped").ConfigureAwait(false);
                return 0;
            }
        }

        // ----- clients -----

        private static async Task<int> EchoClientAsync(CommandArguments args, CancellationToken stop)
        {
            args.ExpectNoPositionals();
            var (host, port) = ClientEndPoint(args, "echo");
            var message = args.Get("--message");
            if (message is not null)
            {
                var sent = Encoding.UTF8.GetBytes(message);
                using var echo = new MemoryStream();
                await EchoClient.RunAsync(host, port, new MemoryStream(sent), echo, stop).ConfigureAwait(false);
                if (!echo.ToArray().AsSpan().SequenceEqual(sent))
                {
                    await Console.Error.WriteLineAsync($"echo-client: the echo differs from the message ({echo.Length} bytes back, {sent.Length} sent)").ConfigureAwait(false);
                    return 1;
                }

                await Console.Out.WriteLineAsync(Encoding.UTF8.GetString(echo.ToArray())).ConfigureAwait(false);
                return 0;
            }

            await using var stdin = Console.OpenStandardInput();
            await using var stdout = Console.OpenStandardOutput();
            var result = await EchoClient.RunAsync(host, port, stdin, stdout, stop).ConfigureAwait(false);
            if (result.Received != result.Sent)
            {
                await Console.Error.WriteLineAsync($"echo-client: sent {result.Sent} bytes but {result.Received} came back").ConfigureAwait(false);
                return 1;
            }

            return 0;
        }

        private static async Task<int> UdpEchoClientAsync(CommandArguments args, CancellationToken stop)
        {
            args.ExpectNoPositionals();
            var (host, port) = ClientEndPoint(args, "udp-echo");
            var timeout = args.GetSeconds("--timeout", 2);
            var attempts = args.GetInt32("--attempts", 3, 1, 100);
            IEnumerable<string> messages = args.GetAll("--message").Count > 0 ? args.GetAll("--message") : ReadLines(Console.In);
            using var client = await UdpEchoClient.ConnectAsync(host, port, stop).ConfigureAwait(false);
            foreach (var message in messages)
            {
                var echo = await client.EchoAsync(Encoding.UTF8.GetBytes(message), timeout, attempts, stop).ConfigureAwait(false);
                await Console.Out.WriteLineAsync(Encoding.UTF8.GetString(echo)).ConfigureAwait(false);
            }

            return 0;
        }

        private static async Task<int> CalcClientAsync(CommandArguments args, CancellationToken stop)
        {
            var (host, port) = ClientEndPoint(args, "calc");
            var op = args.Get("--op");
            var single = op is null ? ((char, int[])?)null : ParseCalcRequest(op, args.Positionals);
            if (single is null)
            {
                args.ExpectNoPositionals();
            }

            // Every request goes over the same connection, one after the other; stdin lines are answered as they come.
            var client = await CalcClient.ConnectAsync(host, port, stop).ConfigureAwait(false);
            await using (client.ConfigureAwait(false))
            {
                if (single is { } request)
                {
                    await ComputeAndPrintAsync(client, request, stop).ConfigureAwait(false);
                    return 0;
                }

                while (await Console.In.ReadLineAsync(stop).ConfigureAwait(false) is { } line)
                {
                    var tokens = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                    if (tokens.Length > 0)
                    {
                        await ComputeAndPrintAsync(client, ParseCalcRequest(tokens[0], tokens.Skip(1).ToList()), stop).ConfigureAwait(false);
                    }
                }
            }

            return 0;
        }

        private static async Task ComputeAndPrintAsync(CalcClient client, (char Op, int[] Operands) request, CancellationToken stop)
        {
            var result = await client.ComputeAsync(request.Op, request.Operands, stop).ConfigureAwait(false);
            await Console.Out.WriteLineAsync(result.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
        }

        private static async Task<int> FileClientAsync(CommandArguments args, CancellationToken stop)
        {
            args.ExpectNoPositionals();
            var (host, port) = ClientEndPoint(args, "file");
            var outPath = args.GetRequired("--out");
            var reply = args.Get("--reply") ?? FileClient.DefaultReply;
            var bytes = await FileClient.DownloadAsync(host, port, outPath, reply, stop).ConfigureAwait(false);
            await Console.Out.WriteLineAsync($"saved {bytes} bytes to {outPath}").ConfigureAwait(false);
            return 0;
        }

        // ----- helpers -----

        private static (char Op, int[] Operands) ParseCalcRequest(string op, IReadOnlyList<string> operandTexts)
        {
            if (op.Length != 1 || op[0] is not ('+' or '-' or '*'))
            {
                throw new UsageException($"the operator must be +, - or *, not '{op}'");
            }

            if (operandTexts.Count is < 1 or > CalcProtocol.MaxOperands)
            {
                throw new UsageException($"give 1 to {CalcProtocol.MaxOperands} operands, not {operandTexts.Count}");
            }

            var operands = new int[operandTexts.Count];
            for (var i = 0; i < operands.Length; i++)
            {
                if (!int.TryParse(operandTexts[i], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out operands[i]))
                {
                    throw new UsageException($"'{operandTexts[i]}' is not a 32-bit integer");
                }
            }

            return (op[0], operands);
        }

        private static IEnumerable<string> ReadLines(TextReader reader)
        {
            while (reader.ReadLine() is { } line)
            {
                yield return line;
            }
        }

        private static System.Net.IPEndPoint ServerEndPoint(CommandArguments args, string program) =>
            Endpoints.ForServer(args.Get("--host") ?? Endpoints.DefaultHost, args.GetInt32("--port", DefaultPorts[program], 0, 65535));

        private static (string Host, int Port) ClientEndPoint(CommandArguments args, string program) =>
            (args.Get("--host") ?? Endpoints.DefaultHost, args.GetInt32("--port", DefaultPorts[program], 1, 65535));

        private static ConnectionLog Log(string program) => new(program, Console.Error);

        private static void PrintUsage(TextWriter writer)
        {
            writer.WriteLine("usage: SocketAnalyzers.Reference <command> [--host HOST] [--port PORT] [options]");
            writer.WriteLine();
            writer.WriteLine("commands:");
            foreach (var command in Commands)
            {
                writer.WriteLine($"  {command.Name,-16} {command.Description}");
            }

            writer.WriteLine();
            writer.WriteLine("Servers bind 127.0.0.1 unless --host says otherwise; --port 0 picks a free port. Their first stdout");
            writer.WriteLine("line is 'listening on <ip>:<port>'; Ctrl+C or SIGTERM stops them gracefully. '<command> --help' for details.");
        }

        private static void PrintCommandUsage(TextWriter writer, Command command)
        {
            var program = command.Name.Replace("-server", string.Empty, StringComparison.Ordinal).Replace("-client", string.Empty, StringComparison.Ordinal);
            writer.WriteLine($"usage: SocketAnalyzers.Reference {command.Name} [--host HOST] [--port PORT (default {DefaultPorts[program]})] {command.Usage}".TrimEnd());
            writer.WriteLine($"  {command.Description}");
        }

        private sealed record Command(string Name, string Description, string Usage, string[] ValueOptions, string[] Flags, CommandHandler Handler);
    }
}
