using System.Threading.Tasks;
using Xunit;
using Verify010 = SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<SocketAnalyzers.Reads.SOCK010DiscardedReadCountAnalyzer, SocketAnalyzers.CodeFixes.Reads.SOCK010DiscardedReadCountCodeFixProvider>;

namespace SocketAnalyzers.Tests.Reads
{
    /// <summary>
    /// SOCK010 on an APM receive that nothing can end: the <c>IAsyncResult</c> the <c>Begin…</c> call returns is dropped
    /// and the callback never passes its own on, so no <c>End…</c> call can ever get the count (or the error). The shape is
    /// the fresh6 audit's M3, from course code: the callback takes the buffer from <c>AsyncState</c> and decodes it whole.
    /// </summary>
    public sealed class UnendedReceiveTests
    {
        private const string Udp = """
            using System;
            using System.IO;
            using System.Net;
            using System.Net.Sockets;
            using System.Text;

            class UdpChat
            {
                Socket sck = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                EndPoint remote = new IPEndPoint(IPAddress.Loopback, 9000);
                byte[] buffer = new byte[1500];

                public void Start()
                {
                    sck.Bind(new IPEndPoint(IPAddress.Loopback, 9001));
                    START
                }

                CALLBACK
            }
            """;

        private static string Code(string start, string callback) => Udp.Replace("START", start).Replace("CALLBACK", callback);

        [Fact]
        public Task Callback_that_decodes_the_state_buffer_without_EndReceiveFrom_is_reported()
            => Verify010.VerifyAnalyzerAsync(
                Code(
                    "{|#0:sck.BeginReceiveFrom(buffer, 0, buffer.Length, SocketFlags.None, ref remote, OnMessage, buffer)|};",
                    """
                    void OnMessage(IAsyncResult ar)
                    {
                        byte[] data = (byte[])ar.AsyncState;
                        Console.WriteLine(Encoding.ASCII.GetString(data));
                        buffer = new byte[1500];
                        {|#1:sck.BeginReceiveFrom(buffer, 0, buffer.Length, SocketFlags.None, ref remote, OnMessage, buffer)|};
                    }
                    """),
                Verify010.Diagnostic().WithLocation(0).WithMessage(
                    "The callback 'OnMessage' of Socket.BeginReceiveFrom never calls EndReceiveFrom (the IAsyncResult goes nowhere), so the receive is never completed and its error is never seen. "
                    + "The number of bytes Socket.BeginReceiveFrom placed in the buffer is discarded; it may be fewer than asked, or 0 when the peer closed. Call EndReceiveFrom in the callback and use the count it returns."),
                Verify010.Diagnostic().WithLocation(1));

        [Theory]
        [InlineData("[|sck.BeginReceive(buffer, 0, buffer.Length, SocketFlags.None, null, null)|];")]
        [InlineData("_ = [|sck.BeginReceive(buffer, 0, buffer.Length, SocketFlags.None, ar => Console.WriteLine(Encoding.ASCII.GetString(buffer)), null)|];")]
        [InlineData("[|sck.BeginReceive(buffer, 0, buffer.Length, SocketFlags.None, new AsyncCallback(OnData), null)|];")]
        [InlineData("[|sck.BeginReceive(buffer, 0, buffer.Length, SocketFlags.None, OnData, sck)|];")]
        public Task Receive_that_nothing_can_end_is_reported(string start)
            => Verify010.VerifyAnalyzerAsync(Code(
                start,
                """
                void OnData(IAsyncResult ar)
                {
                    if (ar.IsCompleted)
                    {
                        Console.WriteLine(Encoding.ASCII.GetString(buffer));
                    }
                }
                """));

        [Fact]
        public Task Stream_BeginRead_whose_callback_never_calls_EndRead_is_reported()
            => Verify010.VerifyAnalyzerAsync("""
                using System;
                using System.Net.Sockets;
                using System.Text;

                class Client
                {
                    private readonly NetworkStream stream;
                    private readonly byte[] buffer = new byte[256];

                    public Client(TcpClient client)
                    {
                        stream = client.GetStream();
                    }

                    public void Start() => [|stream.BeginRead(buffer, 0, buffer.Length, OnRead, null)|];

                    private void OnRead(IAsyncResult ar) => Console.WriteLine(Encoding.UTF8.GetString(buffer));
                }
                """);

        [Theory]
        // The callback ends it.
        [InlineData("sck.BeginReceive(buffer, 0, buffer.Length, SocketFlags.None, OnData, null);", "void OnData(IAsyncResult ar) { int n = sck.EndReceive(ar); Console.WriteLine(Encoding.ASCII.GetString(buffer, 0, n)); }")]
        // The callback hands the IAsyncResult to code that may end it.
        [InlineData("sck.BeginReceive(buffer, 0, buffer.Length, SocketFlags.None, OnData, null);", "void OnData(IAsyncResult ar) { Finish(ar); }\n    void Finish(IAsyncResult ar) { }")]
        [InlineData("sck.BeginReceive(buffer, 0, buffer.Length, SocketFlags.None, OnData, null);", "System.Collections.Generic.List<IAsyncResult> pending = new();\n    void OnData(IAsyncResult ar) { pending.Add(ar); }")]
        [InlineData("sck.BeginReceive(buffer, 0, buffer.Length, SocketFlags.None, ar => Console.WriteLine(((Socket)ar.AsyncState).EndReceive(ar)), sck);", "")]
        // The IAsyncResult the call returns is kept: it may be ended there.
        [InlineData("var result = sck.BeginReceive(buffer, 0, buffer.Length, SocketFlags.None, null, null); result.AsyncWaitHandle.WaitOne(); Console.WriteLine(sck.EndReceive(result));", "")]
        // A callback the code does not show: a delegate of unknown origin, a method that an override may replace.
        [InlineData("sck.BeginReceive(buffer, 0, buffer.Length, SocketFlags.None, Handler, null);", "public AsyncCallback Handler { get; set; }")]
        [InlineData("sck.BeginReceive(buffer, 0, buffer.Length, SocketFlags.None, OnData, null);", "protected virtual void OnData(IAsyncResult ar) { }")]
        // The IAsyncResult handed to code that did not bind: it may end the receive.
        [InlineData("sck.BeginReceive(buffer, 0, buffer.Length, SocketFlags.None, OnData, null);", "void OnData(IAsyncResult ar) { dynamic d = ar.AsyncState; d.Finish(ar); }")]
        // A receive into a buffer list: no buffer is filled as one count.
        [InlineData("sck.BeginReceive(new System.Collections.Generic.List<ArraySegment<byte>> { new ArraySegment<byte>(buffer) }, SocketFlags.None, OnData, null);", "void OnData(IAsyncResult ar) { }")]
        public Task Receive_that_can_be_ended_or_whose_callback_is_unknown_is_quiet(string start, string members)
            => Verify010.VerifyAnalyzerAsync(Code(start, members));

        [Fact]
        public Task Callback_with_code_that_did_not_bind_but_never_touches_its_IAsyncResult_is_reported()
            => Verify010.VerifyAnalyzerAsync(Code(
                "[|sck.BeginReceive(buffer, 0, buffer.Length, SocketFlags.None, OnData, buffer)|];",
                """
                void OnData(IAsyncResult ar)
                {
                    var data = (byte[])ar.AsyncState;
                    dynamic list = new System.Collections.ArrayList();
                    list.Add(Encoding.ASCII.GetString(data));
                }
                """));

        [Fact]
        public Task Stream_BeginRead_on_a_stream_of_unknown_origin_is_quiet()
            => Verify010.VerifyAnalyzerAsync("""
                using System;
                using System.IO;

                public class Reader
                {
                    private readonly byte[] buffer = new byte[256];

                    public void Start(Stream stream) => stream.BeginRead(buffer, 0, buffer.Length, OnRead, null);

                    private void OnRead(IAsyncResult ar) { }
                }
                """);

        [Fact]
        public Task Unended_receive_gets_no_fix()
        {
            var source = Code(
                "[|sck.BeginReceive(buffer, 0, buffer.Length, SocketFlags.None, OnData, null)|];",
                "void OnData(IAsyncResult ar) => Console.WriteLine(Encoding.ASCII.GetString(buffer));");
            return Verify010.VerifyCodeFixAsync(source, source);
        }
    }
}
