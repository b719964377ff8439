using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using SocketAnalyzers.Reference.Hosting;
using SocketAnalyzers.Runtime;

namespace SocketAnalyzers.Reference.Http
{
    /// <summary>Settings of the HTTP server.</summary>
    /// <param name="Root">The directory served; nothing outside it is ever read.</param>
    /// <param name="MaxRequestBytes">The largest request head (request line and headers) accepted; a longer one gets 431.</param>
    /// <param name="ReadTimeout">The time a client has to send its whole request head (and to take the response); then 408.</param>
    public sealed record HttpServerOptions(string Root, int MaxRequestBytes = 8 * 1024, TimeSpan ReadTimeout = default)
    {
        public TimeSpan EffectiveReadTimeout => ReadTimeout > TimeSpan.Zero ? ReadTimeout : TimeSpan.FromSeconds(10);
    }

    /// <summary>
    /// A minimal HTTP/1.0 static file server: GET only, one request per connection, Content-Type and Content-Length,
    /// 404 for missing files, 403 for paths outside the root, 400 for a malformed request line. The request head is read
    /// into a fixed buffer (431 past it) under one deadline for the whole head (408 past it), so a slow or silent
    /// client holds a connection for a bounded time whatever it sends.
    /// </summary>
    public static class HttpServer
    {
        private const int ChunkSize = 64 * 1024;

        public static IReferenceServer Start(IPEndPoint endPoint, HttpServerOptions options, ConnectionLog log, ServerLimits? limits = null)
        {
            // The root's real path: the root may itself be (or lie under) a symbolic link; what it contains may not leave it.
            var root = RealPath.Resolve(options.Root);
            if (root is null || !Directory.Exists(root))
            {
                throw new DirectoryNotFoundException($"the root directory '{options.Root}' does not exist");
            }

            var normalized = options with { Root = Path.EndsInDirectorySeparator(root) ? root : root + Path.DirectorySeparatorChar };
            return HostedServer.Start(endPoint, normalized.EffectiveReadTimeout, (c, s) => ServeAsync(c, normalized, s), log, limits);
        }

        public static async Task<string> ServeAsync(TcpConnection connection, HttpServerOptions options, CancellationToken stopping)
        {
            var head = new byte[options.MaxRequestBytes];
            var length = 0;
            var headEnd = -1;
            using (var deadline = CancellationTokenSource.CreateLinkedTokenSource(stopping))
            {
                deadline.CancelAfter(options.EffectiveReadTimeout);
                try
                {
                    while (headEnd < 0)
                    {
                        if (length == head.Length)
                        {
                            await RespondWithErrorAsync(connection, 431, "Request Header Fields Too Large", stopping).ConfigureAwait(false);
                            return $"rejected: request head longer than {head.Length} bytes (431)";
                        }

                        var received = await connection.ReceiveAsync(head.AsMemory(length), deadline.Token).ConfigureAwait(false);
                        if (received == 0)
                        {
                            return length == 0 ? "closed without a request" : $"closed after {length} bytes of an incomplete request; no reply";
                        }

                        var searchFrom = Math.Max(0, length - 3);
                        length += received;
                        headEnd = FindEndOfHead(head.AsSpan(0, length), searchFrom);
                    }
                }
                catch (Exception ex) when (ex is OperationCanceledException or TimeoutException && !stopping.IsCancellationRequested)
                {
                    await RespondWithErrorAsync(connection, 408, "Request Timeout", stopping).ConfigureAwait(false);
                    return $"timed out: no complete request within {options.EffectiveReadTimeout.TotalSeconds:0.###} s (408)";
                }
            }

            if (!HttpRequestLine.TryParse(head.AsSpan(0, headEnd), out var request))
            {
                await RespondWithErrorAsync(connection, 400, "Bad Request", stopping).ConfigureAwait(false);
                return "rejected: malformed request line (400)";
            }

            var summary = $"{request.Method} {request.Target}";
            if (!request.Version.StartsWith("HTTP/1.", StringComparison.Ordinal))
            {
                await RespondWithErrorAsync(connection, 505, "HTTP Version Not Supported", stopping).ConfigureAwait(false);
                return $"{summary} 505";
            }

            if (request.Method != "GET")
            {
                await RespondWithErrorAsync(connection, 405, "Method Not Allowed", stopping, "Allow: GET\r\n").ConfigureAwait(false);
                return $"{summary} 405";
            }

            var (status, path) = Resolve(options.Root, request.Target);
            FileStream? file = null;
            if (status == 200)
            {
                try
                {
                    file = new FileStream(path!, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, useAsync: true);
                    if (!OpenedInside(file, options.Root))
                    {
                        // A link swapped in between the check and the open: the file we hold is outside the root.
                        await file.DisposeAsync().ConfigureAwait(false);
                        file = null;
                        status = 403;
                    }
                }
                catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
                {
                    status = 404;
                }
                catch (UnauthorizedAccessException)
                {
                    status = 403;
                }
            }

            if (file is null)
            {
                var reason = status switch { 400 => "Bad Request", 403 => "Forbidden", _ => "Not Found" };
                await RespondWithErrorAsync(connection, status, reason, stopping).ConfigureAwait(false);
                return $"{summary} {status}";
            }

            await using (file)
            {
                // The connection's idle timeout bounds each send: a client that stops reading is dropped.
                var contentLength = file.Length;
                var header = $"HTTP/1.0 200 OK\r\nContent-Type: {ContentTypes.For(path!)}\r\nContent-Length: {contentLength}\r\nConnection: close\r\n\r\n";
                await connection.SendAsync(Encoding.ASCII.GetBytes(header), stopping).ConfigureAwait(false);

                // Exactly Content-Length bytes: a file that grows meanwhile is cut there, one that shrinks aborts the connection.
                var chunk = new byte[ChunkSize];
                long sent = 0;
                while (sent < contentLength)
                {
                    var read = await file.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, contentLength - sent)), stopping).ConfigureAwait(false);
                    if (read == 0)
                    {
                        throw new IOException($"{path} shrank while it was being sent ({sent} of {contentLength} bytes)");
                    }

                    await connection.SendAsync(chunk.AsMemory(0, read), stopping).ConfigureAwait(false);
                    sent += read;
                }

                // Returning lets the host close gracefully: half-close, drain what the client still sends, close.
                return $"{summary} 200 {sent} bytes";
            }
        }

        /// <summary>
        /// Maps a request target to a file under <paramref name="root"/> (a real path, ending with a separator).
        /// Returns 400 for a target that is not an absolute path, 403 for anything that would leave the root: by its
        /// text (<c>..</c>, encoded or not, backslashes, NUL) or through a symbolic link anywhere along the path (the real
        /// path of the target, every link resolved, must lie inside the root). The path returned is that real path.
        /// </summary>
        public static (int Status, string? Path) Resolve(string root, string target)
        {
            if (!target.StartsWith('/'))
            {
                return (400, null);
            }

            var end = target.IndexOfAny(['?', '#']);
            var decoded = Uri.UnescapeDataString(end < 0 ? target : target.Substring(0, end));
            if (decoded.Contains('\0') || decoded.Contains('\\'))
            {
                return (403, null);
            }

            foreach (var segment in decoded.Split('/'))
            {
                if (segment == "..")
                {
                    return (403, null);
                }
            }

            var full = Path.GetFullPath(Path.Join(root, decoded.TrimStart('/')));
            if (!full.StartsWith(root, StringComparison.Ordinal) && full + Path.DirectorySeparatorChar != root)
            {
                return (403, null);
            }

            var real = RealPath.Resolve(full);
            if (real is null || !RealPath.IsInside(real, root))
            {
                return (403, null);
            }

            if (Directory.Exists(real))
            {
                // index.html may be a link too.
                real = RealPath.Resolve(Path.Join(real, "index.html"));
                if (real is null || !RealPath.IsInside(real, root))
                {
                    return (403, null);
                }
            }

            return File.Exists(real) ? (200, real) : (404, null);
        }

        /// <summary>
        /// Where the open file really is, asked of the kernel after the open (Linux: <c>/proc/self/fd/N</c>), so a link
        /// created between <see cref="Resolve"/> and the open cannot lead outside the root. Elsewhere the check in
        /// <see cref="Resolve"/> stands alone.
        /// </summary>
        private static bool OpenedInside(FileStream file, string root)
        {
            if (!OperatingSystem.IsLinux())
            {
                return true;
            }

            var descriptor = file.SafeFileHandle.DangerousGetHandle().ToInt64();
            string? opened;
            try
            {
                opened = new FileInfo($"/proc/self/fd/{descriptor}").LinkTarget;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return true; // no /proc (a container without it): the check in Resolve stands alone
            }

            return opened is null || RealPath.IsInside(opened, root);
        }

        /// <summary>The index just past the blank line that ends the head (CRLF CRLF, or a bare LF LF), or -1.</summary>
        private static int FindEndOfHead(ReadOnlySpan<byte> data, int searchFrom)
        {
            for (var i = Math.Max(1, searchFrom); i < data.Length; i++)
            {
                if (data[i] != (byte)'\n')
                {
                    continue;
                }

                if (data[i - 1] == (byte)'\n' || (i >= 2 && data[i - 1] == (byte)'\r' && data[i - 2] == (byte)'\n'))
                {
                    return i + 1;
                }
            }

            return -1;
        }

        private static async Task RespondWithErrorAsync(TcpConnection connection, int status, string reason, CancellationToken stopping, string extraHeaders = "")
        {
            var body = $"{status} {reason}\n";
            var response = $"HTTP/1.0 {status} {reason}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {body.Length}\r\n{extraHeaders}Connection: close\r\n\r\n{body}";
            await connection.SendAsync(Encoding.ASCII.GetBytes(response), stopping).ConfigureAwait(false);
        }
    }
}
