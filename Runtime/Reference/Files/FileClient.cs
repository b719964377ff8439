using System;
using System.IO;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using SocketAnalyzers.Reference.Hosting;

namespace SocketAnalyzers.Reference.Files
{
    /// <summary>
    /// The file client: reads until end of stream (the server's half-close marks the end of the file), saves the
    /// file, sends its reply, half-closes and closes. The file is written to <c>PATH.part</c> and renamed once
    /// complete, so a broken transfer never leaves a file that looks whole.
    /// </summary>
    public static class FileClient
    {
        public const string DefaultReply = "Thank you";

        public static async Task<long> DownloadAsync(string host, int port, string outPath, string reply, CancellationToken cancellationToken)
        {
            using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(host, port, cancellationToken).ConfigureAwait(false);

            var partPath = outPath + ".part";
            long total = 0;
            try
            {
                await using (var file = new FileStream(partPath, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1, useAsync: true))
                {
                    var chunk = new byte[FileServer.ChunkSize];
                    while (true)
                    {
                        var received = await socket.ReceiveAsync(chunk.AsMemory(), SocketFlags.None, cancellationToken).ConfigureAwait(false);
                        if (received == 0)
                        {
                            break;
                        }

                        await file.WriteAsync(chunk.AsMemory(0, received), cancellationToken).ConfigureAwait(false);
                        total += received;
                    }

                    await file.FlushAsync(cancellationToken).ConfigureAwait(false);
                }

                File.Move(partPath, outPath, overwrite: true);
            }
            catch
            {
                File.Delete(partPath);
                throw;
            }

            // Saved: now thank the server, and half-close so it reads our reply to its end.
            await SocketIO.SendAllAsync(socket, Encoding.UTF8.GetBytes(reply), cancellationToken).ConfigureAwait(false);
            socket.Shutdown(SocketShutdown.Send);
            return total;
        }
    }
}
