using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace SocketAnalyzers.Package.Tests
{
    /// <summary>
    /// A small Language Server Protocol client over a child process's stdio (JSON-RPC with Content-Length headers): it
    /// sends requests and notifications, answers the server's own requests (workspace/configuration with the settings
    /// it was given, anything else with null), and keeps every textDocument/publishDiagnostics it receives. Every wait is
    /// bounded; <see cref="Dispose"/> ends the server (shutdown, exit, then kill of the process tree).
    /// </summary>
    public sealed class LspClient : IDisposable
    {
        private readonly Process process;
        private readonly Stream input;
        private readonly Func<string?, JsonNode?> configuration;
        private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonNode?>> pending = new();
        private readonly List<(DateTime At, string Uri, int? Version, JsonArray Diagnostics)> published = new();
        private readonly StringBuilder log = new();
        private readonly SemaphoreSlim writeLock = new(1, 1);
        private readonly Task reader;
        private int nextId;

        private LspClient(Process process, Func<string?, JsonNode?> configuration)
        {
            this.process = process;
            this.configuration = configuration;
            input = process.StandardInput.BaseStream;
            reader = Task.Run(ReadLoopAsync);
        }

        /// <summary>Starts the server: <paramref name="fileName"/> with <paramref name="arguments"/> in <paramref name="workingDirectory"/>.</summary>
        /// <param name="configuration">The value of a workspace/configuration item, given its section.</param>
        public static LspClient Start(string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> environment, Func<string?, JsonNode?> configuration)
        {
            var start = new ProcessStartInfo(fileName)
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            foreach (var key in start.Environment.Keys.ToList())
            {
                if (key.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || key.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase))
                {
                    start.Environment.Remove(key);
                }
            }

            foreach (var (key, value) in environment)
            {
                start.Environment[key] = value;
            }

            var process = new Process { StartInfo = start };
            process.Start();
            var client = new LspClient(process, configuration);
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is not null)
                {
                    client.Log("stderr: " + e.Data);
                }
            };
            process.BeginErrorReadLine();
            return client;
        }

        /// <summary>What the server said and did, for a failure message.</summary>
        public string Transcript
        {
            get
            {
                lock (log)
                {
                    return log.ToString();
                }
            }
        }

        public bool HasExited => process.HasExited;

        public async Task<JsonNode?> RequestAsync(string method, JsonNode? parameters, TimeSpan timeout)
        {
            var id = Interlocked.Increment(ref nextId);
            var completion = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
            pending[id] = completion;
            await SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters }).ConfigureAwait(false);
            var finished = await Task.WhenAny(completion.Task, Task.Delay(timeout)).ConfigureAwait(false);
            if (finished != completion.Task)
            {
                pending.TryRemove(id, out _);
                throw new TimeoutException($"No answer to '{method}' within {timeout.TotalSeconds} s.\n{Transcript}");
            }

            return await completion.Task.ConfigureAwait(false);
        }

        public Task NotifyAsync(string method, JsonNode? parameters)
            => SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

        /// <summary>
        /// Waits until a publishDiagnostics for <paramref name="uri"/> (received after <paramref name="since"/>)
        /// satisfies <paramref name="accept"/>, and returns its diagnostics; null when <paramref name="deadline"/> passes first.
        /// </summary>
        public async Task<(JsonArray Diagnostics, DateTime At)?> WaitForDiagnosticsAsync(string uri, DateTime since, Func<JsonArray, bool> accept, DateTime deadline)
        {
            while (DateTime.UtcNow < deadline && !process.HasExited)
            {
                lock (published)
                {
                    foreach (var (at, publishedUri, _, diagnostics) in published)
                    {
                        if (at >= since && publishedUri == uri && accept(diagnostics))
                        {
                            return (diagnostics, at);
                        }
                    }
                }

                await Task.Delay(100).ConfigureAwait(false);
            }

            return null;
        }

        public void Dispose()
        {
            try
            {
                if (!process.HasExited)
                {
                    RequestAsync("shutdown", null, TimeSpan.FromSeconds(10)).Wait(TimeSpan.FromSeconds(15));
                    NotifyAsync("exit", null).Wait(TimeSpan.FromSeconds(5));
                }
            }
            catch (Exception e) when (e is TimeoutException or IOException or AggregateException or ObjectDisposedException or InvalidOperationException)
            {
                Log("shutdown: " + e.Message);
            }

            if (!process.WaitForExit(10_000))
            {
                Log("the server did not exit after 'exit'; killing it");
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }

            try
            {
                reader.Wait(TimeSpan.FromSeconds(5));
            }
            catch (AggregateException)
            {
            }

            process.Dispose();
            writeLock.Dispose();
        }

        private async Task SendAsync(JsonObject message)
        {
            var body = Encoding.UTF8.GetBytes(message.ToJsonString());
            var header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
            await writeLock.WaitAsync().ConfigureAwait(false);
            try
            {
                await input.WriteAsync(header).ConfigureAwait(false);
                await input.WriteAsync(body).ConfigureAwait(false);
                await input.FlushAsync().ConfigureAwait(false);
            }
            finally
            {
                writeLock.Release();
            }

            var method = message["method"]?.GetValue<string>();
            Log("-> " + (method ?? "response " + message["id"]));
        }

        private async Task ReadLoopAsync()
        {
            var output = process.StandardOutput.BaseStream;
            try
            {
                while (true)
                {
                    var length = await ReadHeaderAsync(output).ConfigureAwait(false);
                    if (length < 0)
                    {
                        break;
                    }

                    var body = new byte[length];
                    var read = 0;
                    while (read < length)
                    {
                        var n = await output.ReadAsync(body.AsMemory(read, length - read)).ConfigureAwait(false);
                        if (n == 0)
                        {
                            return;
                        }

                        read += n;
                    }

                    await HandleAsync(JsonNode.Parse(body)!.AsObject()).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException or JsonException)
            {
                Log("reader: " + e.Message);
            }
            finally
            {
                foreach (var waiting in pending.Values)
                {
                    waiting.TrySetException(new IOException("The server closed its output.\n" + Transcript));
                }
            }
        }

        /// <summary>The Content-Length of the next message, or -1 at the end of the stream.</summary>
        private static async Task<int> ReadHeaderAsync(Stream output)
        {
            var length = -1;
            var line = new StringBuilder();
            var one = new byte[1];
            while (true)
            {
                var n = await output.ReadAsync(one).ConfigureAwait(false);
                if (n == 0)
                {
                    return -1;
                }

                if (one[0] != '\n')
                {
                    if (one[0] != '\r')
                    {
                        line.Append((char)one[0]);
                    }

                    continue;
                }

                if (line.Length == 0)
                {
                    if (length >= 0)
                    {
                        return length;
                    }

                    continue;
                }

                var text = line.ToString();
                line.Clear();
                if (text.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                {
                    length = int.Parse(text.Substring("Content-Length:".Length).Trim(), System.Globalization.CultureInfo.InvariantCulture);
                }
            }
        }

        private async Task HandleAsync(JsonObject message)
        {
            var method = message["method"]?.GetValue<string>();
            var id = message["id"];
            if (method is null && id is not null)
            {
                // A response to one of our requests.
                Log("<- response " + id + (message["error"] is { } error ? " error " + error.ToJsonString() : string.Empty));
                if (pending.TryRemove(id.GetValue<int>(), out var completion))
                {
                    if (message["error"] is { } failure)
                    {
                        completion.TrySetException(new InvalidOperationException("The server answered with an error: " + failure.ToJsonString()));
                    }
                    else
                    {
                        completion.TrySetResult(message["result"]?.DeepClone());
                    }
                }

                return;
            }

            if (method == "textDocument/publishDiagnostics")
            {
                var parameters = message["params"]!;
                var uri = parameters["uri"]!.GetValue<string>();
                var diagnostics = parameters["diagnostics"]?.AsArray() ?? new JsonArray();
                var ids = string.Join(",", diagnostics.Select(d => d?["code"]?.ToString()).Where(c => c is not null && c.StartsWith("SOCK", StringComparison.Ordinal)));
                Log($"<- publishDiagnostics {Path.GetFileName(uri)}: {diagnostics.Count} diagnostic(s){(ids.Length > 0 ? " incl. " + ids : string.Empty)}");
                lock (published)
                {
                    published.Add((DateTime.UtcNow, uri, parameters["version"]?.GetValue<int>(), (JsonArray)diagnostics.DeepClone()));
                }

                return;
            }

            if (method is not null && id is not null)
            {
                // A request of the server's: answer it, or it may wait for us forever.
                JsonNode? result = null;
                if (method == "workspace/configuration")
                {
                    var items = new JsonArray();
                    foreach (var item in message["params"]?["items"]?.AsArray() ?? new JsonArray())
                    {
                        items.Add(configuration(item?["section"]?.GetValue<string>()));
                    }

                    result = items;
                }

                Log("<- request " + method);
                await SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id.DeepClone(), ["result"] = result }).ConfigureAwait(false);
                return;
            }

            if (method is "window/logMessage" or "window/showMessage" or "$/logTrace")
            {
                Log("<- " + method + ": " + (message["params"]?["message"]?.ToString() ?? string.Empty));
                return;
            }

            Log("<- " + method);
        }

        private void Log(string line)
        {
            lock (log)
            {
                if (log.Length < 200_000)
                {
                    log.Append(DateTime.UtcNow.ToString("HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture)).Append(' ').AppendLine(line);
                }
            }
        }
    }
}
