using System.Threading.Tasks;
using Xunit;
using static SocketAnalyzers.Tests.Reads.ReadTestCode;
using Verify = SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<SocketAnalyzers.Reads.SOCK010DiscardedReadCountAnalyzer, SocketAnalyzers.CodeFixes.Reads.SOCK010DiscardedReadCountCodeFixProvider>;

namespace SocketAnalyzers.Tests.Reads
{
    /// <summary>
    /// Reads under an <c>Available</c> guard: when at least as many received bytes wait on a stream socket as the read asks
    /// for (<c>if (client.Available &gt;= 4)</c>), a plain socket or network stream returns them all, so the count cannot
    /// be short: no SOCK010, no SOCK012. Game and Unity code polls this way.
    /// </summary>
    public sealed class AvailableGuardTests
    {
        private static string Guarded(string body) => "using System.Buffers.Binary;\n" + Method("var header = new byte[4];\n" + body);

        [Theory]
        [InlineData("if (socket.Available >= 4) { socket.Receive(header, 4, SocketFlags.None); Console.WriteLine(BinaryPrimitives.ReadInt32BigEndian(header)); }")]
        [InlineData("if (client.Available >= 4) { client.GetStream().Read(header, 0, 4); Console.WriteLine(BinaryPrimitives.ReadInt32BigEndian(header)); }")]
        [InlineData("if (client.Available > 3) { var own = client.GetStream(); own.Read(header, 0, header.Length); Console.WriteLine(Encoding.ASCII.GetString(header)); }")]
        [InlineData("if (4 <= socket.Available) { socket.Receive(header); Console.WriteLine(BinaryPrimitives.ReadInt32BigEndian(header)); }")]
        [InlineData("if (socket.Available < 4) { return; } socket.Receive(header); Console.WriteLine(BinaryPrimitives.ReadInt32BigEndian(header));")]
        [InlineData("while (socket.Available >= 8) { socket.Receive(header); socket.Receive(header); Console.WriteLine(BinaryPrimitives.ReadInt32BigEndian(header)); }")]
        [InlineData("if (client.Client.Available >= 4 && header.Length == 4) { client.Client.Receive(header); Console.WriteLine(BinaryPrimitives.ReadInt32BigEndian(header)); }")]
        public Task Read_that_asks_for_no_more_than_an_Available_guard_counted_is_silent(string body)
            => Verify.VerifyAnalyzerAsync(Guarded(body));

        [Theory]
        [InlineData("if (socket.Available >= 2) { [|socket.Receive(header)|]; Console.WriteLine({|SOCK012:BinaryPrimitives.ReadInt32BigEndian(header)|}); }")]
        [InlineData("if (socket.Available > 0) { [|socket.Receive(header)|]; Console.WriteLine({|SOCK012:BinaryPrimitives.ReadInt32BigEndian(header)|}); }")]
        [InlineData("if (socket.Available >= 4) { socket.Receive(header); [|socket.Receive(header)|]; Console.WriteLine({|SOCK012:BinaryPrimitives.ReadInt32BigEndian(header)|}); }")]
        [InlineData("if (socket.Available >= 4) { Process(header, 0); [|socket.Receive(header)|]; Console.WriteLine({|SOCK012:BinaryPrimitives.ReadInt32BigEndian(header)|}); }")]
        [InlineData("if (socket.Available >= 4) { Console.WriteLine(); } [|socket.Receive(header)|]; Console.WriteLine({|SOCK012:BinaryPrimitives.ReadInt32BigEndian(header)|});")]
        [InlineData("if (udp.Available >= 4) { [|socket.Receive(header)|]; Console.WriteLine({|SOCK012:BinaryPrimitives.ReadInt32BigEndian(header)|}); }")]
        [InlineData("if (client.Available >= 4) { [|ssl.Read(header, 0, 4)|]; Console.WriteLine({|SOCK012:BinaryPrimitives.ReadInt32BigEndian(header)|}); }")]
        [InlineData("if (socket.Available >= 4) { [|socket.Receive(buffer)|]; Console.WriteLine({|SOCK012:Encoding.ASCII.GetString(buffer)|}); }")]
        public Task Read_the_guard_does_not_cover_is_still_reported(string body)
            => Verify.VerifyAnalyzerAsync(Guarded(body));

        [Fact]
        public Task Guard_does_not_cover_a_datagram_read()
            => Verify.VerifyAnalyzerAsync(Guarded("""
                if (socket.Available >= 4)
                {
                    EndPoint from = new IPEndPoint(IPAddress.Any, 0);
                    [|socket.ReceiveFrom(header, 4, SocketFlags.None, ref from)|];
                    Console.WriteLine(header[0]);
                }
                """));

        [Fact]
        public Task Guard_before_an_await_does_not_cover_the_read_after_it()
            => Verify.VerifyAnalyzerAsync("using System.Buffers.Binary;\n" + Method("""
                var header = new byte[4];
                if (socket.Available >= 4)
                {
                    await Task.Yield();
                    await [|socket.ReceiveAsync(header.AsMemory(), SocketFlags.None)|];
                    Console.WriteLine({|SOCK012:BinaryPrimitives.ReadInt32BigEndian(header)|});
                }
                """, "Task", "async"));

        [Fact]
        public Task Guarded_read_awaited_itself_is_silent()
            => Verify.VerifyAnalyzerAsync("using System.Buffers.Binary;\n" + Method("""
                var header = new byte[4];
                if (socket.Available >= 4)
                {
                    await socket.ReceiveAsync(header.AsMemory(), SocketFlags.None);
                    Console.WriteLine(BinaryPrimitives.ReadInt32BigEndian(header));
                }
                """, "Task", "async"));
    }
}
