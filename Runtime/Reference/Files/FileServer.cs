using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using SocketAnalyzers.Reference.Hosting;
using SocketAnalyzers.Runtime;

namespace SocketAnalyzers.Reference.Files
{
    /// <summary>
    /// The half-close file transfer. For each client: send the whole file, shut down the sending side (the client
    /// reads to end of stream: that is how it knows the file is complete), then read the client's reply until its end
    /// of stream and print it as <c>client said: &lt;text&gt;</c>. Receiving after Shutdown(Send) is the point.
    /// </summary>
    public static class FileServer
    {
        public const int ChunkSize = 64 * 1024;

        /// <summary>The longest reply read from a client; a longer one ends the connection.</summary>
        public const int MaxReply = 4096;

        public static IReferenceServer Start(IPEndPoint endPoint, string path, TextWriter output, TimeSpan idleTimeout, ConnectionLog log, ServerLimits? limits = null)
        {
            // Fail at start-up, not at the first client, when the file cannot be read.
            using (File.OpenRead(path))
            {
            }

            var synchronizedOutput = TextWriter.Synchronized(output);
            return HostedServer.Start(endPoint, idleTimeout, (c, s) => ServeAsync(c, path, synchronizedOutput, s), log, limits);
        }

        public static async Task<string> ServeAsync(TcpConnection connection, string path, TextWriter output, CancellationToken stopping)
        {
            var chunk = new byte[ChunkSize];
            long sent = 0;
            await using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, useAsync: true))
            {
                while (true)
                {
                    var read = await file.ReadAsync(chunk.AsMemory(), stopping).ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }

                    await connection.SendAsync(chunk.AsMemory(0, read), stopping).ConfigureAwait(false);
                    sent += read;
                }
            }

            // The file is complete: half-close so the client reads 0. We can still receive its reply.
            connection.Socket.Shutdown(SocketShutdown.Send);

            var reply = new byte[MaxReply];
            var length = 0;
            while (true)
            {
                if (length == reply.Length)
                {
                    return $"sent {sent} bytes; the client's reply exceeded {MaxReply} bytes, closed";
                }

                var received = await connection.ReceiveAsync(reply.AsMemory(length), stopping).ConfigureAwait(false);
                if (received == 0)
                {
                    break;
                }

                length += received;
            }

            var text = Printable(Encoding.UTF8.GetString(reply, 0, length));
            await output.WriteLineAsync($"client said: {text}").ConfigureAwait(false);
            await output.FlushAsync(stopping).ConfigureAwait(false);
            return $"sent {sent} bytes, then the client said {length} bytes";
        }

        /// <summary>Keeps the reply on one line: control characters are shown escaped.</summary>
        private static string Printable(string text)
        {
            var builder = new StringBuilder(text.Length);
            foreach (var c in text)
            {
                if (char.IsControl(c))
                {
                    builder.Append(c switch { '\n' => "\\n", '\r' => "\\r", '\t' => "\\t", _ => $"\\u{(int)c:x4}" });
                }
                else
                {
                    builder.Append(c);
                }
            }

            return builder.ToString();
        }
    }
}
