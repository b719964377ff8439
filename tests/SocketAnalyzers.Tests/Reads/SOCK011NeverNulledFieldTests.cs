using System.Threading.Tasks;
using Xunit;
using Verify = SocketAnalyzers.Tests.Verifiers.AnalyzerVerifier<SocketAnalyzers.Reads.SOCK011ReadLoopIgnoresEndOfStreamAnalyzer>;

namespace SocketAnalyzers.Tests.Reads
{
    /// <summary>
    /// SOCK011 and a null test of the stream field the loop reads through (fresh46 M3, a desktop client's
    /// <c>while (Connected &amp;&amp; _dataStream is not null)</c>): when nothing sets the field to null (every write outside the
    /// constructors gives it a new object, a client's <c>GetStream()</c> or an accepted connection), the read went through
    /// it on a 0 turn, so it holds an object, and the test decides as on every turn before. It is no way out.
    /// </summary>
    public sealed class SOCK011NeverNulledFieldTests
    {
        /// <summary>A client whose stream field <c>Connect</c> sets, and <paramref name="other"/> may change; <paramref name="loop"/> reads it.</summary>
        private static string Client(string loop, string other = "") => $$"""
            using System;
            using System.Net.Sockets;
            using System.Threading.Tasks;

            public class SocketService
            {
                private readonly TcpClient _tcpClient = new TcpClient();
                private NetworkStream? _dataStream;
                private TcpListener? _listener;

                public bool Connected => _tcpClient.Connected;

                public void Connect(string host, int port)
                {
                    _tcpClient.Connect(host, port);
                    _dataStream = _tcpClient.GetStream();
                }

                {{other}}

                public void Loop()
                {
                    var buffer = new byte[4];
                    {{loop}}
                }
            }
            """;

        [Theory]
        [InlineData("while (Connected && _dataStream is not null) { int n = [|_dataStream.Read(buffer, 0, 4)|]; Console.WriteLine(n); }")]
        [InlineData("while (_dataStream != null) { int n = [|_dataStream.Read(buffer, 0, 4)|]; Console.WriteLine(n); }")]
        [InlineData("while (null != _dataStream) { int n = [|_dataStream.Read(buffer, 0, 4)|]; Console.WriteLine(n); }")]
        [InlineData("while (true) { int n = [|_dataStream!.Read(buffer, 0, 4)|]; if (_dataStream is null) break; Console.WriteLine(n); }")]
        [InlineData("while (true) { int n = [|_dataStream!.Read(buffer, 0, 4)|]; if (_dataStream == null) return; Console.WriteLine(n); }")]
        public Task Null_test_of_the_read_s_never_nulled_stream_field_is_no_way_out(string loop)
            => Verify.VerifyAnalyzerAsync(Client(loop));

        [Theory]
        // Another object from GetStream or from an accepted client is still an object.
        [InlineData("public void Reconnect() { _dataStream = _tcpClient.GetStream(); }")]
        [InlineData("public async Task Serve() { var client = await _listener!.AcceptTcpClientAsync(); _dataStream = client.GetStream(); }")]
        [InlineData("public void Wrap(Socket s) { _dataStream = new NetworkStream(s); }")]
        public Task Field_given_only_objects_elsewhere_is_still_no_way_out(string other)
            => Verify.VerifyAnalyzerAsync(Client("while (_dataStream != null) { int n = [|_dataStream.Read(buffer, 0, 4)|]; Console.WriteLine(n); }", other));

        [Theory]
        // The field may become null, or hold what a method of the project returns, or be handed by ref: the test may leave.
        [InlineData("public void Disconnect() { _dataStream = null; }")]
        [InlineData("public void Disconnect() { _dataStream = default; }")]
        [InlineData("public void Replace() { _dataStream = Open(); } NetworkStream? Open() => null;")]
        [InlineData("public void Swap() { Take(ref _dataStream); } static void Take(ref NetworkStream? s) { s = null; }")]
        public Task Field_that_may_become_null_is_a_way_out(string other)
            => Verify.VerifyAnalyzerAsync(Client("while (_dataStream != null) { int n = _dataStream.Read(buffer, 0, 4); Console.WriteLine(n); }", other));

        [Theory]
        // A stop at 0 still stops; a test of another field than the one read through says nothing about that field.
        [InlineData("while (_dataStream != null) { int n = _dataStream.Read(buffer, 0, 4); if (n == 0) break; }")]
        [InlineData("var local = _tcpClient.GetStream(); while (_dataStream != null) { int n = local.Read(buffer, 0, 4); Console.WriteLine(n); }")]
        public Task Count_tested_or_another_field_tested_is_quiet(string loop)
            => Verify.VerifyAnalyzerAsync(Client(loop));
    }
}
