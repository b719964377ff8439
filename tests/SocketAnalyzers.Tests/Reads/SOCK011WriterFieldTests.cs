using System.Threading.Tasks;
using Xunit;
using static SocketAnalyzers.Tests.Reads.ReadTestCode;
using Verify = SocketAnalyzers.Tests.Verifiers.AnalyzerVerifier<SocketAnalyzers.Reads.SOCK011ReadLoopIgnoresEndOfStreamAnalyzer>;

namespace SocketAnalyzers.Tests.Reads
{
    /// <summary>
    /// SOCK011 and a writer kept in a field: the chat client or line server that makes its <c>StreamWriter</c> (or
    /// <c>BinaryWriter</c>) over the connection in a constructor and answers through it in the read loop of another
    /// method. A write through a private field that its type only ever gives a writer over a network stream may be a write
    /// to the read's connection, which throws once the peer has closed: the loop is not certain to spin, so it is not
    /// reported, as with a writer local over the same stream. The write must reach the stream: a <c>StreamWriter</c> field
    /// made with <c>{ AutoFlush = true }</c> or whose <c>AutoFlush</c> the type sets to <c>true</c>, or a <c>Flush</c> of
    /// the same field after the write on the way back to the read. A field that holds a file writer, or that is not
    /// flushed, leaves the loop reported.
    /// </summary>
    public sealed class SOCK011WriterFieldTests
    {
        private static string Server(string fieldAndConstructor, string turn) => Usings + $$"""
            class LineServer
            {
                private readonly TcpClient client;
            {{fieldAndConstructor}}

                public void Serve()
                {
                    var stream = client.GetStream();
                    var buffer = new byte[256];
                    while (true)
                    {
            {{turn}}
                    }
                }
            }
            """;

        [Theory]
        [InlineData("""
                private StreamWriter writer;

                public LineServer(TcpClient client)
                {
                    this.client = client;
                    writer = new StreamWriter(client.GetStream()) { AutoFlush = true };
                }
            """,
            """writer.WriteLine("ok");""")]
        [InlineData("""
                private StreamWriter writer;

                public LineServer(TcpClient client)
                {
                    this.client = client;
                    writer = new StreamWriter(client.GetStream());
                    writer.AutoFlush = true;
                }
            """,
            """writer.WriteLine("ok");""")]
        [InlineData("""
                private BinaryWriter writer;

                public LineServer(TcpClient client)
                {
                    this.client = client;
                    writer = new BinaryWriter(client.GetStream());
                }
            """,
            "writer.Write((byte)'!');")]
        [InlineData("""
                private readonly NetworkStream ns;
                private StreamWriter writer;

                public LineServer(TcpClient client)
                {
                    this.client = client;
                    ns = client.GetStream();
                    writer = new StreamWriter(ns, Encoding.UTF8) { AutoFlush = true };
                }

                public void Close()
                {
                    writer = null;
                }
            """,
            """writer.WriteLine("ok");""")]
        public Task Read_loop_that_answers_through_a_writer_field_over_a_network_stream_is_quiet(string fieldAndConstructor, string write)
            => Verify.VerifyAnalyzerAsync(Server(fieldAndConstructor, $$"""
                            int n = stream.Read(buffer, 0, buffer.Length);
                            Console.WriteLine(Encoding.ASCII.GetString(buffer, 0, n));
                            {{write}}
                """));

        [Fact]
        public Task Read_loop_that_writes_and_flushes_a_buffered_writer_field_is_quiet()
            => Verify.VerifyAnalyzerAsync(Server("""
                private StreamWriter writer;

                public LineServer(TcpClient client)
                {
                    this.client = client;
                    writer = new StreamWriter(client.GetStream());
                }
            """, """
                            int n = stream.Read(buffer, 0, buffer.Length);
                            Console.WriteLine(Encoding.ASCII.GetString(buffer, 0, n));
                            writer.WriteLine("ok");
                            writer.Flush();
                """));

        [Fact]
        public Task Read_loop_that_sets_a_writer_field_over_the_stream_in_the_same_method_is_quiet()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class LineServer
                {
                    private StreamWriter writer;

                    public void Serve(TcpClient client)
                    {
                        var stream = client.GetStream();
                        writer = new StreamWriter(stream) { AutoFlush = true };
                        var buffer = new byte[256];
                        while (true)
                        {
                            int n = stream.Read(buffer, 0, buffer.Length);
                            writer.WriteLine("echo " + Encoding.ASCII.GetString(buffer, 0, n));
                        }
                    }
                }
                """);

        // ---- Still reported ----

        [Theory]
        [InlineData(
            // A writer field that keeps what it is given and is never flushed: the loop may wait a long time for its buffer to fill.
            """
                private StreamWriter writer;

                public LineServer(TcpClient client)
                {
                    this.client = client;
                    writer = new StreamWriter(client.GetStream());
                }
            """,
            """writer.WriteLine("ok");""")]
        [InlineData(
            // A file's writer: its writes do not fail when the peer closes.
            """
                private StreamWriter writer = new StreamWriter("log.txt") { AutoFlush = true };

                public LineServer(TcpClient client)
                {
                    this.client = client;
                }
            """,
            """writer.WriteLine("got a chunk");""")]
        [InlineData(
            // A field given a network writer in one place and a file's writer in another: unknown, so it proves nothing.
            """
                private StreamWriter writer;

                public LineServer(TcpClient client)
                {
                    this.client = client;
                    writer = new StreamWriter(client.GetStream()) { AutoFlush = true };
                }

                public void LogToFile()
                {
                    writer = new StreamWriter("log.txt") { AutoFlush = true };
                }
            """,
            """writer.WriteLine("ok");""")]
        [InlineData(
            // AutoFlush switched off again somewhere: the writer may keep the line.
            """
                private StreamWriter writer;

                public LineServer(TcpClient client)
                {
                    this.client = client;
                    writer = new StreamWriter(client.GetStream()) { AutoFlush = true };
                }

                public void Batch()
                {
                    writer.AutoFlush = false;
                }
            """,
            """writer.WriteLine("ok");""")]
        [InlineData(
            // A write of what the 0 path computed sends nothing.
            """
                private BinaryWriter writer;

                public LineServer(TcpClient client)
                {
                    this.client = client;
                    writer = new BinaryWriter(client.GetStream());
                }
            """,
            """writer.Write(buffer, 0, n);""")]
        [InlineData(
            // An internal field: other code may give it anything.
            """
                internal StreamWriter writer;

                public LineServer(TcpClient client)
                {
                    this.client = client;
                    writer = new StreamWriter(client.GetStream()) { AutoFlush = true };
                }
            """,
            """writer.WriteLine("ok");""")]
        public Task Read_loop_whose_writer_field_is_not_known_to_reach_a_connection_is_still_reported(string fieldAndConstructor, string write)
            => Verify.VerifyAnalyzerAsync(Server(fieldAndConstructor, $$"""
                            int n = [|stream.Read(buffer, 0, buffer.Length)|];
                            Console.WriteLine(Encoding.ASCII.GetString(buffer, 0, n));
                            {{write}}
                """));
    }
}
