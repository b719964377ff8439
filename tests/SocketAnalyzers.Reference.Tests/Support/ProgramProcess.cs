using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Xunit;

namespace SocketAnalyzers.Reference.Tests.Support
{
    /// <summary>What a finished program printed and returned.</summary>
    internal sealed record ProgramResult(int ExitCode, string Stdout, string Stderr);

    /// <summary>
    /// The reference program run as users run it: <c>dotnet SocketAnalyzers.Reference.dll &lt;command&gt; …</c>, built once with
    /// the tests. A server is ready when its first stdout line, <c>listening on &lt;ip&gt;:&lt;port&gt;</c>, arrives.
    /// </summary>
    internal sealed partial class ProgramProcess : IAsyncDisposable
    {
        private const int SIGTERM = 15;
        private const int SIGINT = 2;

        private readonly Process _process;
        private readonly Channel<string> _stdoutLines = Channel.CreateUnbounded<string>();
        private readonly StringBuilder _stderr = new();
        private readonly Task _stdoutPump;
        private readonly Task _stderrPump;

        private ProgramProcess(Process process)
        {
            _process = process;
            _stdoutPump = PumpLinesAsync(process.StandardOutput, line => _stdoutLines.Writer.TryWrite(line), () => _stdoutLines.Writer.TryComplete());
            _stderrPump = PumpLinesAsync(process.StandardError, line => { lock (_stderr) { _stderr.AppendLine(line); } }, () => { });
        }

        public static string DllPath { get; } = Path.Combine(AppContext.BaseDirectory, "SocketAnalyzers.Reference.dll");

        /// <summary>The dotnet muxer running these tests (the test host runs under it), else the SDK's, else the one on PATH.</summary>
        private static string DotnetHost { get; } =
            Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath!
            : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";

        public string Stderr
        {
            get
            {
                lock (_stderr)
                {
                    return _stderr.ToString();
                }
            }
        }

        public bool HasExited => _process.HasExited;

        public static ProgramProcess Start(params string[] args)
        {
            var start = new ProcessStartInfo(DotnetHost)
            {
                UseShellExecute = false,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardOutputEncoding = Encoding.UTF8,
                StandardErrorEncoding = Encoding.UTF8,
            };
            start.ArgumentList.Add(DllPath);
            foreach (var arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
            return new ProgramProcess(process);
        }

        /// <summary>Runs a program (typically a client) to its end, feeding it <paramref name="stdin"/>.</summary>
        public static async Task<ProgramResult> RunAsync(string? stdin, params string[] args)
        {
            await using var program = Start(args);
            await program._process.StandardInput.WriteAsync(stdin ?? string.Empty);
            program._process.StandardInput.Close();
            return await program.WaitForExitAsync();
        }

        /// <summary>Waits for the server's first stdout line and returns the endpoint it announces.</summary>
        public async Task<IPEndPoint> WaitForListeningAsync()
        {
            var line = await NextStdoutLineAsync();
            Assert.True(line is not null && line.StartsWith("listening on ", StringComparison.Ordinal), $"first stdout line was '{line}'; stderr: {Stderr}");
            return IPEndPoint.Parse(line!.Substring("listening on ".Length));
        }

        /// <summary>The next stdout line, or null at the end of the output.</summary>
        public async Task<string?> NextStdoutLineAsync(TimeSpan? timeout = null)
        {
            using var deadline = new CancellationTokenSource(timeout ?? Bounded.Default);
            try
            {
                return await _stdoutLines.Reader.ReadAsync(deadline.Token);
            }
            catch (ChannelClosedException)
            {
                return null;
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"no stdout line within {timeout ?? Bounded.Default}; stderr: {Stderr}");
            }
        }

        /// <summary>Sends SIGTERM (what a service manager sends) and waits for the program to exit.</summary>
        public Task<ProgramResult> TerminateAsync() => SignalAsync(SIGTERM);

        /// <summary>
        /// Sends SIGINT (what Ctrl+C sends) and waits for the program to exit. When this test process was started with
        /// SIGINT ignored (a background job of a non-interactive shell), its children inherit that, and the runtime
        /// rightly keeps ignoring it, as background jobs must; then SIGTERM is sent instead.
        /// </summary>
        public Task<ProgramResult> InterruptAsync() => SignalAsync(SigintIgnoredByThisProcess() ? SIGTERM : SIGINT);

        public async Task<ProgramResult> WaitForExitAsync()
        {
            await _process.WaitForExitAsync().Within();
            await Task.WhenAll(_stdoutPump, _stderrPump).Within();
            var stdout = new StringBuilder();
            while (_stdoutLines.Reader.TryRead(out var line))
            {
                stdout.AppendLine(line);
            }

            return new ProgramResult(_process.ExitCode, stdout.ToString(), Stderr);
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().Within();
            }

            _process.Dispose();
        }

        private async Task<ProgramResult> SignalAsync(int signal)
        {
            Assert.True(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "signals are sent with kill(2)");
            Assert.Equal(0, Kill(_process.Id, signal));
            return await WaitForExitAsync();
        }

        private static bool SigintIgnoredByThisProcess()
        {
            if (!OperatingSystem.IsLinux())
            {
                return false;
            }

            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith("SigIgn:", StringComparison.Ordinal))
                {
                    var mask = ulong.Parse(line.AsSpan("SigIgn:".Length).Trim(), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);
                    return (mask & (1UL << (SIGINT - 1))) != 0;
                }
            }

            return false;
        }

        private static async Task PumpLinesAsync(StreamReader reader, Action<string> onLine, Action onEnd)
        {
            try
            {
                while (await reader.ReadLineAsync() is { } line)
                {
                    onLine(line);
                }
            }
            finally
            {
                onEnd();
            }
        }

        [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
        private static extern int Kill(int pid, int signal);
    }
}
