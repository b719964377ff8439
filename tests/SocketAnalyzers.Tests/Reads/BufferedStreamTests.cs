using System.Threading.Tasks;
using Xunit;
using static SocketAnalyzers.Tests.Reads.ReadTestCode;
using Verify010 = SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<SocketAnalyzers.Reads.SOCK010DiscardedReadCountAnalyzer, SocketAnalyzers.CodeFixes.Reads.SOCK010DiscardedReadCountCodeFixProvider>;
using Verify011 = SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<SocketAnalyzers.Reads.SOCK011ReadLoopIgnoresEndOfStreamAnalyzer, SocketAnalyzers.CodeFixes.Reads.SOCK011ReadLoopIgnoresEndOfStreamCodeFixProvider>;
using Verify012 = SocketAnalyzers.Tests.Verifiers.AnalyzerVerifier<SocketAnalyzers.Reads.SOCK012WholeBufferConsumedAnalyzer>;

namespace SocketAnalyzers.Tests.Reads
{
    /// <summary>
    /// A <c>BufferedStream</c> made over a network stream is one: a read returns what it buffered, or one read of the
    /// stream under it, so it may return fewer bytes than asked and 0 once the peer closed (a Redis client's shape:
    /// <c>new BufferedStream(client.GetStream())</c>). One over a stream of unknown origin, or over a file, stays unknown.
    /// </summary>
    public sealed class BufferedStreamTests
    {
        private static string Class(string members) => Usings + "class Session\n{\n    private static readonly TcpClient client = new TcpClient(\"example.org\", 80);\n\n" + Indent(members, 4) + "\n}\n";

        [Fact]
        public Task A_discarded_count_of_a_buffered_stream_over_the_connection_is_reported()
            => Verify010.VerifyAnalyzerAsync(Class("""
                public int Header(byte[] buffer)
                {
                    var stream = new BufferedStream(client.GetStream());
                    [|stream.Read(buffer, 0, 4)|];
                    return buffer[0];
                }
                """));

        [Fact]
        public Task A_buffered_stream_field_given_one_over_the_connection_is_followed()
            => Verify010.VerifyAnalyzerAsync(Class("""
                private readonly BufferedStream stream;

                public Session(NetworkStream network)
                {
                    stream = new BufferedStream(network, 8192);
                }

                public int Header(byte[] buffer)
                {
                    [|stream.Read(buffer, 0, 4)|];
                    return buffer[0];
                }
                """));

        [Fact]
        public Task A_read_loop_on_a_buffered_stream_over_a_buffered_stream_over_the_connection_spins_at_0()
            => Verify011.VerifyAnalyzerAsync(Class("""
                public void Run(byte[] buffer)
                {
                    var stream = new BufferedStream(new BufferedStream(client.GetStream()));
                    while (true)
                    {
                        int n = [|stream.Read(buffer, 0, buffer.Length)|];
                        Console.WriteLine(n);
                    }
                }
                """));

        [Fact]
        public Task The_whole_buffer_of_a_buffered_network_read_is_reported()
            => Verify012.VerifyAnalyzerAsync(Class("""
                public string Line(byte[] buffer)
                {
                    var stream = new BufferedStream(client.GetStream());
                    int n = stream.Read(buffer, 0, buffer.Length);
                    if (n == 0) return null;
                    return [|Encoding.ASCII.GetString(buffer)|];
                }
                """));

        [Theory]
        [InlineData("Stream inner", "new BufferedStream(inner)")]
        [InlineData("string path", "new BufferedStream(File.OpenRead(path))")]
        [InlineData("string path", "new BufferedStream(new MemoryStream())")]
        public Task A_buffered_stream_over_a_stream_of_unknown_origin_or_a_file_stays_unknown(string parameter, string creation)
            => Verify010.VerifyAnalyzerAsync(Class($$"""
                public int Header({{parameter}}, byte[] buffer)
                {
                    var stream = {{creation}};
                    stream.Read(buffer, 0, 4);
                    return buffer[0];
                }
                """));
    }
}
