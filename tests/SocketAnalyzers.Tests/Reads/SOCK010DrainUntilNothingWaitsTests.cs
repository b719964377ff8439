using System.Threading.Tasks;
using Xunit;
using static SocketAnalyzers.Tests.Reads.ReadTestCode;
using Verify = SocketAnalyzers.Tests.Verifiers.AnalyzerVerifier<SocketAnalyzers.Reads.SOCK010DiscardedReadCountAnalyzer>;

namespace SocketAnalyzers.Tests.Reads
{
    /// <summary>
    /// SOCK010 and a drain: reads that throw away whatever waits, in a loop that stops when nothing waits on the connection
    /// (<c>while (s.Available &gt; 0) s.Receive(junk);</c>; fresh84 F1, an IRC library's DCC sender that drains the
    /// peer's acknowledgements). Once the loop has stopped there, the reads have taken everything that had come, whatever
    /// each one returned: the next read of the connection starts after it, and a refill of the buffer from its start (a
    /// file's read) overwrites what they placed. Their counts cannot matter. A look at the drained bytes, a loop left another
    /// way, a TLS stream (which keeps decrypted bytes the socket's count does not show), or a test of another connection
    /// keeps the report.
    /// </summary>
    public sealed class SOCK010DrainUntilNothingWaitsTests
    {
        [Theory]
        [InlineData("while (socket.Available > 0) { socket.Receive(junk); } socket.Send(new byte[] { 1 }); int n = socket.Receive(buffer); Process(buffer, n);")]
        [InlineData("var own = client.GetStream(); while (client.Available != 0) { own.Read(junk, 0, junk.Length); } int n = own.Read(buffer, 0, buffer.Length); Process(buffer, n);")]
        [InlineData("while (client.Available >= 1) client.GetStream().Read(junk, 0, junk.Length); int n = client.GetStream().Read(buffer, 0, buffer.Length); Process(buffer, n);")]
        [InlineData("do { stream.Read(junk, 0, junk.Length); } while (stream.DataAvailable); int n = stream.Read(buffer, 0, buffer.Length); Process(buffer, n);")]
        [InlineData("while (true) { if (socket.Available == 0) break; socket.Receive(junk); } int n = socket.Receive(buffer); Process(buffer, n);")]
        [InlineData("while (!(socket.Available <= 0)) { socket.Receive(junk); } int n = socket.Receive(buffer); Process(buffer, n);")]
        public Task Read_of_the_connection_after_a_drain_that_stopped_where_nothing_waits_is_quiet(string body)
            => Verify.VerifyAnalyzerAsync(Method("var junk = new byte[512];\n" + body));

        [Theory]
        [InlineData("var own = client.GetStream(); int bytes; do { while (client.Available > 0) { own.Read(block, 0, block.Length); } bytes = file.Read(block, 0, block.Length); own.Write(block, 0, bytes); } while (bytes > 0);")]
        [InlineData("while (socket.Available > 0) { socket.Receive(block); } int got = file.Read(block, 0, block.Length); socket.Send(block, got, SocketFlags.None);")]
        [InlineData("while (socket.Available > 0) { socket.Receive(block); } int got = file.Read(block); socket.Send(block, got, SocketFlags.None);")]
        public Task Buffer_a_file_read_refills_after_a_drain_is_quiet(string body)
            => Verify.VerifyAnalyzerAsync(WithFile("var block = new byte[4096];\n" + body));

        // fresh84 F1 (the DCC sender), and fresh91 F1: the same drain with one read in each case of a switch.
        [Theory]
        [InlineData("peer.GetStream().Read(block, 0, block.Length);")]
        [InlineData("switch (mode) { case 0: peer.GetStream().Read(block, 0, block.Length); break; case 1: peer.GetStream().Read(block, 0, block.Length); break; default: break; }")]
        [InlineData("if (mode == 0) peer.GetStream().Read(block, 0, block.Length); else peer.Client.Receive(block);")]
        public Task Drain_into_a_field_that_a_file_read_refills_is_quiet(string drain)
            => Verify.VerifyAnalyzerAsync(Usings + $$"""
                class Sender
                {
                    private readonly byte[] block = new byte[8192];
                    private int mode;

                    public void Upload(TcpClient peer, Stream file)
                    {
                        int bytes;
                        do
                        {
                            while (peer.Available > 0)
                            {
                                {{drain}}
                            }

                            bytes = file.Read(block, 0, block.Length);
                            peer.GetStream().Write(block, 0, bytes);
                        }
                        while (bytes > 0);
                    }
                }
                """);

        // Two reads of one turn into different buffers: the second's bytes start where the first stopped.
        [Fact]
        public Task Reads_of_one_drain_into_different_buffers_are_reported()
            => Verify.VerifyAnalyzerAsync(Method("var junk = new byte[512]; var other = new byte[512];\nwhile (socket.Available > 0) { [|socket.Receive(junk)|]; [|socket.Receive(other)|]; } Console.WriteLine({|SOCK012:Encoding.ASCII.GetString(other)|});"));

        [Theory]
        // The drained bytes are looked at: their count mattered.
        [InlineData("while (socket.Available > 0) { [|socket.Receive(junk)|]; } Console.WriteLine({|SOCK012:Encoding.ASCII.GetString(junk)|});")]
        [InlineData("int bytes = 1; while (socket.Available > 0) { [|socket.Receive(junk)|]; } socket.Send(junk, bytes, SocketFlags.None);")]
        // Read only once when data waits: it may take part of what waits, and the next read starts where it stopped.
        [InlineData("if (socket.Available > 0) { [|socket.Receive(junk)|]; } int n = socket.Receive(buffer); Process(buffer, n);")]
        // Left by a break: bytes may still wait, and where the next read starts depends on the counts.
        [InlineData("var turns = 0; while (socket.Available > 0) { [|socket.Receive(junk)|]; if (++turns > 3) break; } int n = socket.Receive(buffer); Process(buffer, n);")]
        // Another connection's Available says nothing of this one.
        [InlineData("while (udp.Available > 0) { [|socket.Receive(junk)|]; } int n = socket.Receive(buffer); Process(buffer, n);")]
        // A TLS stream may keep decrypted bytes while the socket has none waiting.
        [InlineData("while (client.Available > 0) { [|ssl.Read(junk, 0, junk.Length)|]; } int n = ssl.Read(buffer, 0, buffer.Length); Process(buffer, n);")]
        // Available == 1 is false when two bytes wait too.
        [InlineData("while (socket.Available == 1) { [|socket.Receive(junk)|]; } int n = socket.Receive(buffer); Process(buffer, n);")]
        public Task Drain_whose_count_still_matters_is_reported(string body)
            => Verify.VerifyAnalyzerAsync(Method("var junk = new byte[512];\n" + body));

        [Theory]
        // A refill from an offset leaves the drained bytes before it.
        [InlineData("while (socket.Available > 0) { [|socket.Receive(block)|]; } int got = file.Read(block, 4, block.Length - 4); socket.Send(block, got + 4, SocketFlags.None);")]
        // A refill after a read that was not a drain: where the next read of the connection starts still depends on its count.
        [InlineData("if (socket.Available > 0) { [|socket.Receive(block)|]; } int got = file.Read(block, 0, block.Length); socket.Send(block, got, SocketFlags.None); int n = socket.Receive(block); Process(block, n);")]
        public Task Refill_that_leaves_the_count_mattering_is_reported(string body)
            => Verify.VerifyAnalyzerAsync(WithFile("var block = new byte[4096];\n" + body));

        private static string WithFile(string body)
            => Method(body).Replace("CancellationToken token)", "CancellationToken token, Stream file)");
    }
}
