using System.Threading.Tasks;
using Xunit;
using Verify = SocketAnalyzers.Tests.Verifiers.AnalyzerVerifier<SocketAnalyzers.Reads.SOCK010DiscardedReadCountAnalyzer>;

namespace SocketAnalyzers.Tests.Reads
{
    /// <summary>
    /// SOCK010 and a buffer field no code of its class looks at (fresh12 F1, a course chat server): every use hands it
    /// to a receive as the buffer it fills, reads its length, or gives it a new array. Nobody reads the bytes, so the
    /// count cannot matter. Any look at the field, in any method, or a field others can see, keeps the report.
    /// </summary>
    public sealed class SOCK010UnreadBufferFieldTests
    {
        /// <summary>A server that receives into <c>data</c>; <paramref name="members"/> are more members of the class.</summary>
        private static string Server(string declaration, string callback, string members = "") => $$"""
            using System;
            using System.Net;
            using System.Net.Sockets;
            using System.Text;

            public class Server
            {
                {{declaration}}
                private Socket client;

                public void Accept(Socket listener)
                {
                    client = listener.Accept();
                    client.BeginReceive(data, 0, data.Length, SocketFlags.None, Received, client);
                }

                private void Received(IAsyncResult ar)
                {
                    {{callback}}
                }
                {{members}}
            }
            """;

        [Theory]
        [InlineData("private readonly byte[] data = new byte[1024];", "((Socket)ar.AsyncState).EndReceive(ar);", "")]
        [InlineData("private byte[] data = new byte[1024];", "client.EndReceive(ar);", "public void Reset() { data = new byte[2048]; }")]
        [InlineData("private byte[] data = new byte[1024];", "client.EndReceive(ar);", "public void Drain() { client.Receive(data); }")]
        public Task Receive_into_a_field_nothing_reads_is_quiet(string declaration, string callback, string members)
            => Verify.VerifyAnalyzerAsync(Server(declaration, callback, members));

        [Theory]
        [InlineData("private byte[] data = new byte[1024];", "[|client.EndReceive(ar)|];", "public string Text() => Encoding.ASCII.GetString(data);")]
        [InlineData("private byte[] data = new byte[1024];", "[|client.EndReceive(ar)|]; Console.WriteLine(data[0]);", "")]
        [InlineData("public byte[] data = new byte[1024];", "[|client.EndReceive(ar)|];", "")]
        [InlineData("private byte[] data = new byte[1024];", "[|client.EndReceive(ar)|];", "public void Share(byte[] other) { data = other; }")]
        [InlineData("private byte[] data = new byte[1024];", "[|client.EndReceive(ar)|];", "public void Send() { client.Send(data); }")]
        [InlineData("private byte[] data = new byte[1024];", "[|client.EndReceive(ar)|];", "private byte[] other = new byte[8]; public void More() { client.BeginReceive(other, 0, 8, SocketFlags.None, Received, client); } public byte First => other[0];")]
        public Task Receive_into_a_field_someone_may_read_is_reported(string declaration, string callback, string members)
            => Verify.VerifyAnalyzerAsync(Server(declaration, callback, members));

        /// <summary>A form's designer part in another file that does not name the field or start a receive changes nothing.</summary>
        [Theory]
        [InlineData("partial class Server { private int components; }", false)]
        [InlineData("partial class Server { public byte First => data[0]; }", true)]
        [InlineData("partial class Server { public void More() { client.BeginReceive(new byte[4], 0, 4, SocketFlags.None, Received, client); } }", true)]
        public async Task Partial_class_with_another_part_in_another_file(string designer, bool reported)
        {
            var test = new Verifiers.SocketAnalyzerTest { DefaultDiagnosticId = "SOCK010" };
            test.Sources.Add(Server("private byte[] data = new byte[1024];", reported ? "[|client.EndReceive(ar)|];" : "client.EndReceive(ar);").Replace("public class Server", "public partial class Server"));
            test.Sources.Add("using System.Net.Sockets;\n" + designer.Replace("partial class Server", "public partial class Server"));
            await test.RunAsync();
        }

        /// <summary>A callback that starts the next receive needs the count to see the end of stream (SOCK011 says why).</summary>
        [Fact]
        public Task Callback_that_starts_the_next_receive_is_reported_even_into_a_field_nothing_reads()
            => Verify.VerifyAnalyzerAsync(Server(
                "private byte[] data = new byte[1024];",
                "{|SOCK010:{|SOCK011:client.EndReceive(ar)|}|}; client.BeginReceive(data, 0, data.Length, SocketFlags.None, Received, client);"));

        [Fact]
        public Task Synchronous_receive_into_a_field_nothing_reads_is_quiet()
            => Verify.VerifyAnalyzerAsync("""
                using System.Net.Sockets;

                public class Prober
                {
                    private readonly byte[] scratch = new byte[16];

                    public void Probe(Socket socket)
                    {
                        socket.Receive(scratch, 0, scratch.Length, SocketFlags.None);
                    }
                }
                """);

        [Fact]
        public Task Synchronous_receive_into_a_field_read_elsewhere_is_reported()
            => Verify.VerifyAnalyzerAsync("""
                using System.Net.Sockets;

                public class Prober
                {
                    private readonly byte[] scratch = new byte[16];

                    public void Probe(Socket socket)
                    {
                        [|socket.Receive(scratch, 0, scratch.Length, SocketFlags.None)|];
                    }

                    public int Kind => scratch[0];
                }
                """);
    }
}
