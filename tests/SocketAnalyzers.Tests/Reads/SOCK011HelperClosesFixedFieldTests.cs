using System.Threading.Tasks;
using Xunit;
using Verify = SocketAnalyzers.Tests.Verifiers.AnalyzerVerifier<SocketAnalyzers.Reads.SOCK011ReadLoopIgnoresEndOfStreamAnalyzer>;

namespace SocketAnalyzers.Tests.Reads
{
    /// <summary>
    /// SOCK011 and a loop over a <c>readonly</c> socket or stream field that calls, on its 0 path, a helper of its class
    /// that closes the connection (<c>Disconnect() { socket.Close(); }</c>). No call can replace a readonly field, so the
    /// helpers of such a loop were never asked whether they are a way out; but the next read on a closed socket throws
    /// <see cref="System.ObjectDisposedException"/> instead of returning 0 again, exactly as after <c>socket.Close()</c>
    /// written in the loop, which was already quiet. The same helper around a field any method may assign was quiet too.
    /// A helper that only logs or counts is still no way out, and one the analysis cannot read keeps the report.
    /// </summary>
    public sealed class SOCK011HelperClosesFixedFieldTests
    {
        private static string Connection(string loop, string helper, string field = "private readonly Socket socket;") => $$"""
            using System;
            using System.IO;
            using System.Net.Sockets;
            using System.Text;

            class Connection
            {
                {{field}}
                private readonly NetworkStream stream;
                private readonly TcpClient client;
                private int received;

                public Connection(Socket socket, TcpClient client)
                {
                    this.socket = socket;
                    this.client = client;
                    stream = client.GetStream();
                }

                public void Run()
                {
                    var buffer = new byte[1024];
                    while (true)
                    {
            {{loop}}
                    }
                }

            {{helper}}
            }
            """;

        private const string SocketLoop = """
                        int n = [|socket.Receive(buffer)|];
                        if (n == 0)
                        {
                            Disconnect();
                        }

                        Console.WriteLine(Encoding.ASCII.GetString(buffer, 0, n));
            """;

        [Fact]
        public Task A_helper_that_closes_the_readonly_socket_ends_the_loop_on_the_next_read()
            => Verify.VerifyAnalyzerAsync(Connection(SocketLoop.Replace("[|", "").Replace("|]", ""), """
                void Disconnect()
                {
                    Console.WriteLine("closed");
                    socket.Close();
                }
            """));

        [Fact]
        public Task A_helper_that_disposes_the_client_under_a_readonly_stream_ends_the_loop()
            => Verify.VerifyAnalyzerAsync(Connection("""
                        int n = stream.Read(buffer, 0, buffer.Length);
                        if (n == 0)
                        {
                            Cleanup();
                        }

                        Console.WriteLine(Encoding.ASCII.GetString(buffer, 0, n));
            """, """
                void Cleanup() => Shut();

                void Shut()
                {
                    client?.Dispose();
                }
            """));

        [Fact]
        public Task A_helper_that_shuts_the_socket_through_a_member_chain_ends_the_loop()
            => Verify.VerifyAnalyzerAsync(Connection(SocketLoop.Replace("[|", "").Replace("|]", ""), """
                void Disconnect()
                {
                    client.Client.Close();
                    socket.Dispose();
                }
            """));

        [Fact]
        public Task A_helper_that_only_counts_is_no_way_out_of_the_readonly_socket_loop()
            => Verify.VerifyAnalyzerAsync(Connection(SocketLoop, """
                void Disconnect()
                {
                    received++;
                    Console.WriteLine("peer gone after " + received);
                }
            """));

        [Fact]
        public Task A_helper_that_disposes_only_its_own_local_is_no_way_out()
            => Verify.VerifyAnalyzerAsync(Connection(SocketLoop, """
                void Disconnect()
                {
                    var log = new MemoryStream();
                    log.WriteByte(1);
                    log.Dispose();
                }
            """));

        [Fact]
        public Task A_virtual_helper_the_analysis_cannot_follow_keeps_the_report()
            => Verify.VerifyAnalyzerAsync(Connection(SocketLoop, """
                protected virtual void Disconnect()
                {
                    socket.Close();
                }
            """));
    }
}
