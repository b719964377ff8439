using System.Threading.Tasks;
using Xunit;
using static SocketAnalyzers.Tests.Reads.ReadTestCode;
using Verify010 = SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<SocketAnalyzers.Reads.SOCK010DiscardedReadCountAnalyzer, SocketAnalyzers.CodeFixes.Reads.SOCK010DiscardedReadCountCodeFixProvider>;
using Verify011 = SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<SocketAnalyzers.Reads.SOCK011ReadLoopIgnoresEndOfStreamAnalyzer, SocketAnalyzers.CodeFixes.Reads.SOCK011ReadLoopIgnoresEndOfStreamCodeFixProvider>;
using Verify012 = SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<SocketAnalyzers.Reads.SOCK012WholeBufferConsumedAnalyzer, SocketAnalyzers.CodeFixes.Reads.SOCK012WholeBufferConsumedCodeFixProvider>;

namespace SocketAnalyzers.Tests.Reads
{
    /// <summary>
    /// <c>BinaryReader.Read(byte[], int, int)</c> and <c>Read(Span&lt;byte&gt;)</c> make ONE read of the stream under the reader
    /// and return its count: fewer bytes than asked, and 0 once the peer has closed. Over a network stream the reads family
    /// follows them as it follows the stream's own reads (SOCK010, SOCK011, SOCK012); over any other stream, or a stream
    /// the code does not show, they are not network reads. The shape is the fresh6 audit's M5 (course code that reads names
    /// with <c>br.Read(buf, 0, 10)</c> and decodes the whole buffer).
    /// </summary>
    public sealed class BinaryReaderReadTests
    {
        [Fact]
        public Task Discarded_count_of_a_binary_reader_over_a_network_stream_is_reported()
            => Verify010.VerifyAnalyzerAsync(
                Method("""
                    var br = new BinaryReader(new NetworkStream(socket));
                    for (int i = 0; i < 3; i++)
                    {
                        byte[] buf = new byte[10];
                        {|#0:br.Read(buf, 0, 10)|};
                        Console.WriteLine({|SOCK012:Encoding.ASCII.GetString(buf)|});
                    }
                    """),
                Verify010.Diagnostic().WithLocation(0).WithMessage("The number of bytes BinaryReader.Read placed in the buffer is discarded; it may be fewer than asked, or 0 when the peer closed. Use the count, or read exactly."));

        [Fact]
        public Task Discarded_count_of_a_span_read_of_a_binary_reader_over_a_client_stream_is_reported()
            => Verify010.VerifyAnalyzerAsync(Method("""
                var br = new BinaryReader(client.GetStream());
                var header = new byte[4];
                [|br.Read(header.AsSpan())|];
                Process(header, 4);
                """));

        [Theory]
        [InlineData("var br = new BinaryReader(new MemoryStream(buffer));")]
        [InlineData("var br = new BinaryReader(File.OpenRead(\"names.bin\"));")]
        [InlineData("var br = new BinaryReader(Stream.Null);")]
        public Task Binary_reader_over_a_stream_that_is_no_network_stream_is_quiet(string reader)
            => Verify010.VerifyAnalyzerAsync(Method(reader + """

                byte[] buf = new byte[10];
                br.Read(buf, 0, 10);
                Console.WriteLine(Encoding.ASCII.GetString(buf));
                """));

        [Fact]
        public Task Binary_reader_parameter_of_unknown_origin_is_quiet()
            => Verify010.VerifyAnalyzerAsync(Usings + """
                public class C
                {
                    public void M(BinaryReader br)
                    {
                        byte[] buf = new byte[10];
                        br.Read(buf, 0, 10);
                        Console.WriteLine(Encoding.ASCII.GetString(buf));
                    }
                }
                """);

        [Fact]
        public Task Used_count_and_the_readers_own_exact_reads_are_quiet()
            => Verify010.VerifyAnalyzerAsync(Method("""
                var br = new BinaryReader(client.GetStream());
                byte[] buf = new byte[10];
                int n = br.Read(buf, 0, 10);
                if (n == 0)
                {
                    return;
                }

                Process(buf, n);
                byte[] name = br.ReadBytes(10);
                Process(name, name.Length);
                int first = br.ReadByte();
                Console.WriteLine(first);
                """));

        [Fact]
        public Task Loop_that_appends_what_a_binary_reader_read_and_never_stops_at_zero_is_reported()
            => Verify011.VerifyAnalyzerAsync(Method("""
                var br = new BinaryReader(client.GetStream());
                var buf = new byte[256];
                var sb = new StringBuilder();
                while (true)
                {
                    int n = [|br.Read(buf, 0, buf.Length)|];
                    sb.Append(Encoding.UTF8.GetString(buf, 0, n));
                    if (sb.ToString().EndsWith("\n\n"))
                    {
                        break;
                    }
                }
                """));

        [Fact]
        public Task Same_loop_that_stops_at_zero_is_quiet()
            => Verify011.VerifyAnalyzerAsync(Method("""
                var br = new BinaryReader(client.GetStream());
                var buf = new byte[256];
                var sb = new StringBuilder();
                while (true)
                {
                    int n = br.Read(buf, 0, buf.Length);
                    if (n == 0)
                    {
                        break;
                    }

                    sb.Append(Encoding.UTF8.GetString(buf, 0, n));
                    if (sb.ToString().EndsWith("\n\n"))
                    {
                        break;
                    }
                }
                """));

        [Fact]
        public Task Whole_buffer_decoded_after_a_checked_binary_reader_read_is_reported()
            => Verify012.VerifyAnalyzerAsync(Method("""
                var br = new BinaryReader(new NetworkStream(socket, true));
                byte[] buf = new byte[10];
                int n = br.Read(buf, 0, buf.Length);
                if (n == 0)
                {
                    return;
                }

                Console.WriteLine([|Encoding.ASCII.GetString(buf)|]);
                """));

        [Fact]
        public Task Fix_passes_the_count_of_a_binary_reader_read_to_every_whole_buffer_use()
            => Verify012.VerifyCodeFixAsync(
                Method("""
                    var br = new BinaryReader(client.GetStream());
                    byte[] buf = new byte[10];
                    int n = br.Read(buf, 0, buf.Length);
                    if (n == 0)
                    {
                        return;
                    }

                    Console.WriteLine([|Encoding.ASCII.GetString(buf)|]);
                    [|stream.Write(buf)|];
                    """),
                Method("""
                    var br = new BinaryReader(client.GetStream());
                    byte[] buf = new byte[10];
                    int n = br.Read(buf, 0, buf.Length);
                    if (n == 0)
                    {
                        return;
                    }

                    Console.WriteLine(Encoding.ASCII.GetString(buf, 0, n));
                    stream.Write(buf, 0, n);
                    """));

        [Fact]
        public Task Capture_fix_breaks_out_of_the_loop_at_every_discarded_binary_reader_read()
            => Verify010.VerifyCodeFixAsync(
                Method("""
                    var br = new BinaryReader(new NetworkStream(socket));
                    for (int i = 0; i < 3; i++)
                    {
                        byte[] name = new byte[10];
                        [|br.Read(name, 0, 10)|];
                        Process(name, 10);
                        byte[] age = new byte[2];
                        [|br.Read(age, 0, 2)|];
                        Process(age, 2);
                    }
                    """),
                Method("""
                    var br = new BinaryReader(new NetworkStream(socket));
                    for (int i = 0; i < 3; i++)
                    {
                        byte[] name = new byte[10];
                        var bytesRead = br.Read(name, 0, 10);
                        if (bytesRead == 0)
                        {
                            break;
                        }

                        Process(name, 10);
                        byte[] age = new byte[2];
                        var bytesRead2 = br.Read(age, 0, 2);
                        if (bytesRead2 == 0)
                        {
                            break;
                        }

                        Process(age, 2);
                    }
                    """));
    }
}
