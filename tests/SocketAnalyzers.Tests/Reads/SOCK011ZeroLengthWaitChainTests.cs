using System.Threading.Tasks;
using Xunit;
using Verify = SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<SocketAnalyzers.Reads.SOCK011ReadLoopIgnoresEndOfStreamAnalyzer, SocketAnalyzers.CodeFixes.Reads.SOCK011ReadLoopIgnoresEndOfStreamCodeFixProvider>;

namespace SocketAnalyzers.Tests.Reads
{
    /// <summary>
    /// SOCK011 and a chain of callbacks that waits with a zero-length receive and then reads (fresh90 O1, a hobby file
    /// transfer): <c>BeginReceive(Array.Empty&lt;byte&gt;(), 0, 0, …, OnReadable, null)</c>, and in <c>OnReadable</c> the
    /// <c>EndReceive(ar)</c> of that wait, a synchronous <c>Receive</c>, and the next wait. The wait's count is 0 every time,
    /// so it says nothing of the end of stream: the <c>Receive</c> does. Once the peer has closed, the wait completes at
    /// once, the <c>Receive</c> returns 0, and the callback starts the next wait: the chain spins. The finding is on the
    /// <c>Receive</c>, whose count the code must test; a test of it that stops the chain keeps it quiet.
    /// </summary>
    public sealed class SOCK011ZeroLengthWaitChainTests
    {
        private static string Peer(string callback, string wait = "_sock.BeginReceive(Array.Empty<byte>(), 0, 0, SocketFlags.None, OnReadable, null);") => $$"""
            using System;
            using System.Net.Sockets;

            class Peer
            {
                private readonly Socket _sock;

                public Peer(Socket connected)
                {
                    _sock = connected;
                    {{wait}}
                }

                private void OnReadable(IAsyncResult ar)
                {
            {{callback}}
                }
            }
            """;

        [Theory]
        [InlineData("""
                    _sock.EndReceive(ar);
                    var buf = new byte[8192];
                    int n = {|#0:_sock.Receive(buf, buf.Length, SocketFlags.None)|};
                    Console.WriteLine("got " + n + " bytes");
                    _sock.BeginReceive(Array.Empty<byte>(), 0, 0, SocketFlags.None, OnReadable, null);
            """)]
        [InlineData("""
                    _sock.EndReceive(ar);
                    var buf = new byte[_sock.Available + 1];
                    int n = {|#0:_sock.Receive(buf)|};
                    Console.WriteLine(n);
                    _sock.BeginReceive(new byte[0], 0, 0, SocketFlags.None, new AsyncCallback(OnReadable), null);
            """)]
        public Task Chain_that_reads_after_a_zero_length_wait_is_reported_at_the_read(string callback)
            => Verify.VerifyAnalyzerAsync(
                Peer(callback),
                Verify.Diagnostic("SOCK011").WithLocation(0).WithMessage(
                    "When the peer closes, Socket.Receive returns 0 and this callback starts the next receive with itself, a loop of callbacks that spins forever; leave the loop when the count is 0: do not start the next receive"));

        [Theory]
        // The read's 0 stops the chain.
        [InlineData("""
                    _sock.EndReceive(ar);
                    var buf = new byte[8192];
                    int n = _sock.Receive(buf, buf.Length, SocketFlags.None);
                    if (n == 0) { _sock.Close(); return; }
                    Console.WriteLine(n);
                    _sock.BeginReceive(Array.Empty<byte>(), 0, 0, SocketFlags.None, OnReadable, null);
            """)]
        // No read follows the wait: its End's count says nothing, and nothing else is read.
        [InlineData("""
                    _sock.EndReceive(ar);
                    Console.WriteLine("readable");
                    _sock.BeginReceive(Array.Empty<byte>(), 0, 0, SocketFlags.None, OnReadable, null);
            """)]
        public Task Chain_of_zero_length_waits_whose_read_stops_at_zero_or_that_reads_nothing_is_quiet(string callback)
            => Verify.VerifyAnalyzerAsync(Peer(callback));

        // A wait that asks for bytes is a real receive: its End's 0 is the end of stream, as before.
        [Fact]
        public Task Chain_whose_receive_asks_for_bytes_is_reported_at_its_End()
            => Verify.VerifyAnalyzerAsync(Peer(
                """
                        int got = {|SOCK011:_sock.EndReceive(ar)|};
                        Console.WriteLine(got);
                        _sock.BeginReceive(new byte[16], 0, 16, SocketFlags.None, OnReadable, null);
                """,
                "_sock.BeginReceive(new byte[16], 0, 16, SocketFlags.None, OnReadable, null);"));
    }
}
