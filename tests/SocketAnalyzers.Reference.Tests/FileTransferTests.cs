using System;
using System.IO;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using SocketAnalyzers.Reference.Files;
using SocketAnalyzers.Reference.Hosting;
using SocketAnalyzers.Reference.Tests.Support;
using Xunit;

namespace SocketAnalyzers.Reference.Tests
{
    public sealed class FileTransferTests : IDisposable
    {
        private readonly string _directory = Directory.CreateTempSubdirectory("ref-file-").FullName;

        public void Dispose() => Directory.Delete(_directory, recursive: true);

        [Theory]
        [InlineData(0)]
        [InlineData(1)]
        [InlineData(5 * 1024 * 1024 + 3)]
        public async Task File_arrives_byte_exact_and_the_reply_is_read_after_the_half_close(int size)
        {
            var content = EchoServerTests.RandomBytes(new Random(size), size);
            var source = Path.Combine(_directory, "source.bin");
            await File.WriteAllBytesAsync(source, content);
            var output = new SignalingWriter();
            var log = new SignalingWriter();
            await using var server = FileServer.Start(new IPEndPoint(IPAddress.Loopback, 0), source, output, TimeSpan.FromSeconds(10), new ConnectionLog("file", log));
            var target = Path.Combine(_directory, "copy.bin");

            var received = await FileClient.DownloadAsync("127.0.0.1", server.LocalEndPoint.Port, target, FileClient.DefaultReply, CancellationToken.None).Within();

            Assert.Equal(size, received);
            Assert.Equal(content, await File.ReadAllBytesAsync(target));
            Assert.False(File.Exists(target + ".part"));
            Assert.Equal("client said: Thank you", await output.WaitForLineAsync("client said"));
            Assert.Contains($"sent {size} bytes, then the client said 9 bytes", await log.WaitForLineAsync("client said"));
        }

        [Fact]
        public async Task Server_reads_the_whole_reply_to_end_of_stream_however_it_is_split()
        {
            var source = Path.Combine(_directory, "small.txt");
            await File.WriteAllTextAsync(source, "the file");
            var output = new SignalingWriter();
            await using var server = FileServer.Start(new IPEndPoint(IPAddress.Loopback, 0), source, output, TimeSpan.FromSeconds(10), ConnectionLog.None);
            using var peer = await Peer.ConnectAsync(server.LocalEndPoint);

            // End of stream while our side is still open: the server half-closed, it did not close.
            var (file, reset) = await peer.ReceiveToEndAsync();
            Assert.False(reset);
            Assert.Equal("the file", System.Text.Encoding.ASCII.GetString(file));

            await peer.SendByteByByteAsync("Thanks,\nreceived"u8.ToArray(), TimeSpan.FromMilliseconds(1));
            peer.HalfClose();
            var (rest, _) = await peer.ReceiveToEndAsync();

            Assert.Empty(rest);
            Assert.Equal("client said: Thanks,\\nreceived", await output.WaitForLineAsync("client said"));
        }

        [Fact]
        public async Task Client_that_resets_mid_transfer_does_not_stop_the_server()
        {
            var source = Path.Combine(_directory, "big.bin");
            await File.WriteAllBytesAsync(source, new byte[8 * 1024 * 1024]);
            var output = new SignalingWriter();
            var log = new SignalingWriter();
            await using var server = FileServer.Start(new IPEndPoint(IPAddress.Loopback, 0), source, output, TimeSpan.FromSeconds(10), new ConnectionLog("file", log));
            using (var rude = await Peer.ConnectAsync(server.LocalEndPoint))
            {
                await rude.ReceiveExactlyAsync(1000);
                rude.Reset();
            }

            Assert.Contains("aborted", await log.WaitForLineAsync("aborted"));
            var target = Path.Combine(_directory, "copy.bin");
            Assert.Equal(8 * 1024 * 1024, await FileClient.DownloadAsync("127.0.0.1", server.LocalEndPoint.Port, target, "ok", CancellationToken.None).Within());
            Assert.Equal("client said: ok", await output.WaitForLineAsync("client said"));
        }

        [Fact]
        public async Task Client_keeps_no_partial_file_when_the_transfer_breaks()
        {
            // A "server" that sends a little and resets.
            using var listener = Endpoints.Listen(new IPEndPoint(IPAddress.Loopback, 0));
            var breaking = Task.Run(async () =>
            {
                using var connection = await listener.AcceptAsync();
                await connection.SendAsync(new byte[100], System.Net.Sockets.SocketFlags.None);
                connection.LingerState = new System.Net.Sockets.LingerOption(true, 0);
            });
            var target = Path.Combine(_directory, "broken.bin");

            await Assert.ThrowsAsync<System.Net.Sockets.SocketException>(() => FileClient.DownloadAsync("127.0.0.1", Endpoints.BoundEndPoint(listener).Port, target, "x", CancellationToken.None).Within());
            await breaking.Within();

            Assert.False(File.Exists(target));
            Assert.False(File.Exists(target + ".part"));
        }

        [Fact]
        public void Server_refuses_to_start_on_a_missing_file()
        {
            Assert.Throws<FileNotFoundException>(() => FileServer.Start(new IPEndPoint(IPAddress.Loopback, 0), Path.Combine(_directory, "missing"), TextWriter.Null, TimeSpan.FromSeconds(1), ConnectionLog.None));
        }
    }
}
