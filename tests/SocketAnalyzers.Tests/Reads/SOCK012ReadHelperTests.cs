using System.Threading.Tasks;
using Xunit;
using static SocketAnalyzers.Tests.Reads.ReadTestCode;
using Verify = SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<SocketAnalyzers.Reads.SOCK012WholeBufferConsumedAnalyzer, SocketAnalyzers.CodeFixes.Reads.SOCK012WholeBufferConsumedCodeFixProvider>;

namespace SocketAnalyzers.Tests.Reads
{
    /// <summary>
    /// SOCK012 across a helper of the class that fills the caller's array and returns the read's count (audit74 M3,
    /// audit83 M1, a TFTP-over-TCP client: <c>int Recv(ref byte[] b) { int count = s.Receive(b); return count; }</c>, then
    /// <c>BitConverter.ToInt16(rx, 2)</c> in the caller). The call is the read for the caller: its array holds the bytes
    /// its result counts. Quiet when the helper fills another array, from another offset, or returns anything but the
    /// count, and when the caller uses the count.
    /// </summary>
    public sealed class SOCK012ReadHelperTests
    {
        /// <summary>A client with a connected stream socket and stream; <paramref name="members"/> are its methods.</summary>
        private static string Client(string members) => Usings + $$"""
            class Client
            {
                private readonly Socket s;
                private readonly NetworkStream stream;
                private readonly byte[] own = new byte[16];

                public Client(string host, int port)
                {
                    s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                    s.Connect(host, port);
                    stream = new NetworkStream(s);
                }

            {{Indent(members, 4)}}
            }
            """;

        private const string RefHelper = """
            int Recv(ref byte[] buffer)
            {
                int count = s.Receive(buffer);
                return count;
            }

            """;

        private const string StreamHelper = """
            private int ReadSome(byte[] b) => stream.Read(b, 0, b.Length);

            """;

        [Fact]
        public Task Decode_past_the_count_of_a_ref_helper_read_is_reported()
            => Verify.VerifyAnalyzerAsync(Client(RefHelper + """
                public short ReadBlockNumber()
                {
                    byte[] rx = new byte[516];
                    int count = Recv(ref rx);
                    short block = IPAddress.NetworkToHostOrder({|#0:BitConverter.ToInt16(rx, 2)|});
                    Console.WriteLine(count);
                    return block;
                }
                """),
                Verify.Diagnostic().WithLocation(0).WithArguments("BitConverter.ToInt16", "bytes 2 to 3 of 'rx'", "Client.Recv", "its first 'count' bytes", "Read until the first 4 bytes have arrived: loop on the count, or call ReadExactly", "bytes"));

        [Fact]
        public Task Whole_decode_after_an_expression_bodied_helper_read_is_reported()
            => Verify.VerifyAnalyzerAsync(Client(StreamHelper + """
                public void Run()
                {
                    var buf = new byte[1024];
                    int n = ReadSome(buf);
                    if (n == 0) return;
                    Console.WriteLine([|Encoding.ASCII.GetString(buf)|]);
                }
                """));

        [Fact]
        public Task Whole_decode_after_a_helper_read_in_a_loop_is_reported()
            => Verify.VerifyAnalyzerAsync(Client(StreamHelper + """
                public void Run()
                {
                    var buf = new byte[1024];
                    while (true)
                    {
                        int n = ReadSome(buf);
                        if (n == 0) break;
                        Console.WriteLine([|Encoding.ASCII.GetString(buf)|]);
                    }
                }
                """));

        [Fact]
        public Task Whole_decode_after_an_awaited_async_helper_read_is_reported()
            => Verify.VerifyAnalyzerAsync(Client("""
                private async Task<int> ReadSomeAsync(byte[] b) => await stream.ReadAsync(b, 0, b.Length);

                public async Task RunAsync()
                {
                    var buf = new byte[1024];
                    int n = await ReadSomeAsync(buf);
                    if (n == 0) return;
                    Console.WriteLine([|Encoding.UTF8.GetString(buf)|]);
                }
                """));

        [Fact]
        public Task Whole_decode_after_a_helper_read_passes_the_count_in_the_fix()
            => Verify.VerifyCodeFixAsync(
                Client(StreamHelper + """
                    public void Run()
                    {
                        var buf = new byte[1024];
                        int n = ReadSome(buf);
                        if (n == 0) return;
                        Console.WriteLine([|Encoding.ASCII.GetString(buf)|]);
                    }
                    """),
                Client(StreamHelper + """
                    public void Run()
                    {
                        var buf = new byte[1024];
                        int n = ReadSome(buf);
                        if (n == 0) return;
                        Console.WriteLine(Encoding.ASCII.GetString(buf, 0, n));
                    }
                    """));

        [Fact]
        public Task Fix_all_passes_each_helper_reads_count()
            => Verify.VerifyCodeFixAsync(
                Client(StreamHelper + """
                    public void Run()
                    {
                        var head = new byte[64];
                        int n = ReadSome(head);
                        if (n == 0) return;
                        Console.WriteLine([|Encoding.ASCII.GetString(head)|]);
                        var body = new byte[1024];
                        int m = ReadSome(body);
                        if (m == 0) return;
                        Console.WriteLine([|Encoding.UTF8.GetString(body)|]);
                    }
                    """),
                Client(StreamHelper + """
                    public void Run()
                    {
                        var head = new byte[64];
                        int n = ReadSome(head);
                        if (n == 0) return;
                        Console.WriteLine(Encoding.ASCII.GetString(head, 0, n));
                        var body = new byte[1024];
                        int m = ReadSome(body);
                        if (m == 0) return;
                        Console.WriteLine(Encoding.UTF8.GetString(body, 0, m));
                    }
                    """));

        /// <summary>The read to make wait is in the helper, for every caller: the decode through a helper gets no fix.</summary>
        [Fact]
        public Task Decode_past_the_count_of_a_helper_read_is_not_fixed_automatically()
        {
            var code = Client(RefHelper + """
                public short ReadBlockNumber()
                {
                    byte[] rx = new byte[516];
                    int count = Recv(ref rx);
                    short block = [|BitConverter.ToInt16(rx, 2)|];
                    Console.WriteLine(count);
                    return block;
                }
                """);
            return Verify.VerifyCodeFixAsync(code, code);
        }

        [Theory]
        [InlineData("Console.WriteLine(Encoding.ASCII.GetString(buf, 0, n));")]
        [InlineData("if (n < 4) return; Console.WriteLine(BitConverter.ToInt32(buf, 0));")]
        [InlineData("Console.WriteLine(buf.Length);")]
        public Task Caller_that_uses_the_helpers_count_is_not_reported(string use)
            => Verify.VerifyAnalyzerAsync(Client(StreamHelper + $$"""
                public void Run()
                {
                    var buf = new byte[1024];
                    int n = ReadSome(buf);
                    if (n == 0) return;
                    {{use}}
                }
                """));

        [Theory]
        [InlineData("private int ReadSome(byte[] b) => stream.Read(b, 1, b.Length - 1);")]
        [InlineData("private int ReadSome(byte[] b) => stream.Read(own, 0, own.Length);")]
        [InlineData("private int ReadSome(byte[] b) => stream.Read(b, 0, 4);")]
        [InlineData("private int ReadSome(byte[] b) { int n = stream.Read(b, 0, b.Length); Console.WriteLine(n); return b.Length; }")]
        [InlineData("private int ReadSome(byte[] b) { int n = stream.Read(b, 0, b.Length); b[0] = 1; return n; }")]
        [InlineData("protected virtual int ReadSome(byte[] b) => stream.Read(b, 0, b.Length);")]
        [InlineData("private int ReadSome(byte[] b) { int n = stream.Read(b, 0, b.Length); if (n < b.Length) throw new IOException(); return n; }")]
        public Task Helper_that_does_not_fill_the_callers_array_from_its_start_up_to_its_result_is_not_followed(string helper)
            => Verify.VerifyAnalyzerAsync(Client(helper + """

                public void Run()
                {
                    var buf = new byte[1024];
                    int n = ReadSome(buf);
                    if (n == 0) return;
                    Console.WriteLine(Encoding.ASCII.GetString(buf));
                }
                """));

        [Fact]
        public Task Helper_read_guarded_by_available_bytes_is_not_reported()
            => Verify.VerifyAnalyzerAsync(Client("""
                private int ReadSome(byte[] b) => s.Receive(b);

                public void Run()
                {
                    var buf = new byte[4];
                    if (s.Available < 4) return;
                    int n = ReadSome(buf);
                    if (n == 0) return;
                    Console.WriteLine(Encoding.ASCII.GetString(buf));
                }
                """));
    }
}
