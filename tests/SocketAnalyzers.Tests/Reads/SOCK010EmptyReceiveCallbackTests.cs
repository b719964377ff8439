using System.Threading.Tasks;
using Xunit;
using Verify = SocketAnalyzers.Tests.Verifiers.AnalyzerVerifier<SocketAnalyzers.Reads.SOCK010DiscardedReadCountAnalyzer>;

namespace SocketAnalyzers.Tests.Reads
{
    /// <summary>
    /// SOCK010 and the <c>End…</c> of a receive that asks for no byte (fresh88 F1, a course client): <c>BeginReceive(new
    /// byte[] { 0 }, 0, 0, SocketFlags.None, OnReadable, null)</c> only waits until data comes, and the callback's
    /// <c>EndReceive(ar)</c> returns 0 every time, as a zero-length <c>Receive</c> does. Its count is worth nothing, so
    /// dropping it loses nothing. A <c>Begin…</c> naming the callback that asks for bytes keeps the report.
    /// </summary>
    public sealed class SOCK010EmptyReceiveCallbackTests
    {
        private static string Peer(string firstBegin, string secondBegin, string end = "_sock.EndReceive(ar);") => $$"""
            using System;
            using System.Net.Sockets;

            class Peer
            {
                private readonly Socket _sock;
                private readonly byte[] _data = new byte[512];

                public event Action<byte[], int> Received;

                public Peer(Socket accepted)
                {
                    _sock = accepted;
                    {{firstBegin}}
                }

                private void OnReadable(IAsyncResult ar)
                {
                    {{end}}
                    var buf = new byte[8192];
                    int n = _sock.Receive(buf, buf.Length, SocketFlags.None);
                    if (n == 0) { _sock.Close(); return; }
                    Received?.Invoke(buf, n);
                    {{secondBegin}}
                }

                public byte First => _data[0];
            }
            """;

        [Theory]
        [InlineData("_sock.BeginReceive(new byte[] { 0 }, 0, 0, SocketFlags.None, OnReadable, null);", "_sock.BeginReceive(new byte[] { 0 }, 0, 0, SocketFlags.None, OnReadable, null);")]
        [InlineData("_sock.BeginReceive(Array.Empty<byte>(), 0, 0, SocketFlags.None, OnReadable, null);", "_sock.BeginReceive(new byte[0], 0, 0, SocketFlags.None, new AsyncCallback(OnReadable), null);")]
        [InlineData("_sock.BeginReceive(_data, 0, 0, SocketFlags.None, OnReadable, null);", "")]
        public Task End_of_receives_that_ask_for_no_byte_is_quiet(string firstBegin, string secondBegin)
            => Verify.VerifyAnalyzerAsync(Peer(firstBegin, secondBegin));

        [Theory]
        [InlineData("_sock.BeginReceive(new byte[] { 0 }, 0, 0, SocketFlags.None, OnReadable, null);", "_sock.BeginReceive(_data, 0, _data.Length, SocketFlags.None, OnReadable, null);")]
        [InlineData("_sock.BeginReceive(_data, 0, 1, SocketFlags.None, OnReadable, null);", "_sock.BeginReceive(new byte[] { 0 }, 0, 0, SocketFlags.None, OnReadable, null);")]
        public Task End_of_a_receive_that_asks_for_bytes_is_reported(string firstBegin, string secondBegin)
            => Verify.VerifyAnalyzerAsync(Peer(firstBegin, secondBegin, "[|_sock.EndReceive(ar)|];"));
    }
}
