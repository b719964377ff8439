using System.Threading.Tasks;
using Xunit;
using static SocketAnalyzers.Tests.Reads.ReadTestCode;
using Fix = SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<SocketAnalyzers.Reads.SOCK011ReadLoopIgnoresEndOfStreamAnalyzer, SocketAnalyzers.CodeFixes.Reads.SOCK011ReadLoopIgnoresEndOfStreamCodeFixProvider>;
using Verify = SocketAnalyzers.Tests.Verifiers.AnalyzerVerifier<SocketAnalyzers.Reads.SOCK011ReadLoopIgnoresEndOfStreamAnalyzer>;

namespace SocketAnalyzers.Tests.Reads
{
    /// <summary>
    /// SOCK011 and <c>Stream.ReadExactly</c> / <c>ReadExactlyAsync</c> over a network stream, which throw
    /// <c>EndOfStreamException</c> at end of stream instead of returning a count (fresh46 M3: a QQ client's
    /// <c>while (Connected) { await Task.Delay(1000); if (_tcpClient.Available &gt; 0) { await _dataStream.ReadExactlyAsync(buffer); … } }</c>).
    /// Under a guard that data waits the read is never reached once the peer has closed, so the loop polls forever; in a
    /// loop whose catch-all takes the exception and goes on, every turn throws again. A loop the exception leaves is fine.
    /// </summary>
    public sealed class SOCK011ExactReadLoopTests
    {
        private static string Header(string body) => Method("var header = new byte[4];\n" + body);

        [Theory]
        [InlineData("while (client.Connected) { if (stream.DataAvailable) { {|#0:stream.ReadExactly(header)|}; Process(header, 4); } }")]
        [InlineData("while (client.Connected) { if (client.Available > 0) { {|#0:client.GetStream().ReadExactly(header, 0, 4)|}; Process(header, 4); } }")]
        [InlineData("while (client.Connected) { Thread.Sleep(1000); if (!stream.DataAvailable) { continue; } {|#0:stream.ReadExactly(header.AsSpan())|}; Process(header, 4); }")]
        public Task Exact_read_only_when_data_waits_polls_forever(string body)
            => Verify.VerifyAnalyzerAsync(
                Header(body),
                Verify.Diagnostic("SOCK011").WithLocation(0).WithMessage(
                    "When the peer closes, no more data comes, and this loop, which calls Stream.ReadExactly only when data waits, polls forever; leave the loop when the peer has closed: read without polling, and stop when the count is 0"));

        /// <summary>The audited shape: the stream kept in a field, the guard on the client, an awaited read after a delay.</summary>
        [Fact]
        public Task Awaited_exact_read_of_a_stream_field_under_a_poll_polls_forever()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class SocketService
                {
                    private readonly TcpClient _tcpClient = new TcpClient();
                    private NetworkStream _dataStream;

                    private bool Connected => _tcpClient.Connected;

                    public async Task ConnectAsync(string host, int port)
                    {
                        await _tcpClient.ConnectAsync(host, port);
                        _dataStream = _tcpClient.GetStream();
                    }

                    public async Task ReceiveAsync()
                    {
                        while (Connected)
                        {
                            await Task.Delay(1000);
                            if (_dataStream.DataAvailable)
                            {
                                byte[] buffer = new byte[4];
                                await {|SOCK011:_dataStream.ReadExactlyAsync(buffer)|};
                                Console.WriteLine(buffer[0]);
                            }
                        }
                    }
                }
                """);

        [Theory]
        [InlineData("while (true) { try { {|SOCK011:stream.ReadExactly(header)|}; Process(header, 4); } catch (Exception e) { Console.WriteLine(e.Message); } }")]
        [InlineData("for (;;) { try { {|SOCK011:stream.ReadExactly(header, 0, 4)|}; Process(header, 4); } catch { Thread.Sleep(100); } }")]
        // EndOfStreamException is an IOException: a clause for IOException, or for it, that goes on takes it as well.
        [InlineData("while (true) { try { {|SOCK011:stream.ReadExactly(header)|}; Process(header, 4); } catch (IOException e) { Console.WriteLine(e.Message); } }")]
        [InlineData("while (true) { try { {|SOCK011:stream.ReadExactly(header)|}; Process(header, 4); } catch (EndOfStreamException) { } }")]
        public Task Exact_read_in_a_loop_whose_catch_all_goes_on_is_reported(string body)
            => Verify.VerifyAnalyzerAsync(Header(body));

        [Fact]
        public Task Awaited_exact_read_in_a_loop_whose_catch_all_goes_on_is_reported_and_fixed()
            => Fix.VerifyCodeFixAsync(
                Method("""
                    var header = new byte[4];
                    while (true)
                    {
                        try
                        {
                            await {|SOCK011:stream.ReadExactlyAsync(header, token)|};
                            Process(header, 4);
                        }
                        catch (Exception e)
                        {
                            Console.WriteLine(e.Message);
                        }
                    }
                    """, "async Task"),
                Method("""
                    var header = new byte[4];
                    while (true)
                    {
                        try
                        {
                            await stream.ReadExactlyAsync(header, token);
                            Process(header, 4);
                        }
                        catch (EndOfStreamException)
                        {
                            break;
                        }
                        catch (Exception e)
                        {
                            Console.WriteLine(e.Message);
                        }
                    }
                    """, "async Task"));

        [Fact]
        public Task Exact_read_whose_IOException_clause_goes_on_gets_a_first_clause_that_leaves()
            => Fix.VerifyCodeFixAsync(
                Header("""
                    while (true)
                    {
                        try
                        {
                            {|SOCK011:stream.ReadExactly(header)|};
                            Process(header, 4);
                        }
                        catch (IOException e)
                        {
                            Console.WriteLine(e.Message);
                        }
                    }
                    """),
                Header("""
                    while (true)
                    {
                        try
                        {
                            stream.ReadExactly(header);
                            Process(header, 4);
                        }
                        catch (EndOfStreamException)
                        {
                            break;
                        }
                        catch (IOException e)
                        {
                            Console.WriteLine(e.Message);
                        }
                    }
                    """));

        [Theory]
        // The exception leaves the loop: the usual way to read frames exactly.
        [InlineData("while (true) { stream.ReadExactly(header); Process(header, 4); }")]
        [InlineData("try { while (true) { stream.ReadExactly(header); Process(header, 4); } } catch (EndOfStreamException) { }")]
        [InlineData("while (true) { try { stream.ReadExactly(header); Process(header, 4); } catch (EndOfStreamException) { break; } catch (Exception) { } }")]
        [InlineData("while (true) { try { stream.ReadExactly(header); Process(header, 4); } catch (Exception) { return; } }")]
        [InlineData("while (true) { try { stream.ReadExactly(header); Process(header, 4); } catch (SocketException) { } }")]
        // Polled, but the loop ends when the connection does: the guard's other branch leaves.
        [InlineData("while (true) { if (stream.DataAvailable) { stream.ReadExactly(header); Process(header, 4); } else { break; } }")]
        // Not a network stream, or no loop.
        [InlineData("var ms = new MemoryStream(buffer); while (true) { try { ms.ReadExactly(header); Process(header, 4); } catch { } }")]
        [InlineData("if (stream.DataAvailable) { stream.ReadExactly(header); Process(header, 4); }")]
        public Task Exact_read_the_loop_leaves_at_end_of_stream_is_quiet(string body)
            => Verify.VerifyAnalyzerAsync(Header(body));

        [Fact]
        public Task Exact_read_loses_no_count_and_fills_its_buffer()
            => SocketAnalyzers.Tests.Verifiers.AnalyzerVerifier<SocketAnalyzers.Reads.SOCK010DiscardedReadCountAnalyzer>.VerifyAnalyzerAsync(Header("""
                int n = stream.Read(header, 0, 4);
                if (n == 0) { return; }
                stream.ReadExactly(header);
                Console.WriteLine(System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(header));
                while (client.Connected) { if (stream.DataAvailable) { stream.ReadExactly(header); Process(header, 4); } else { break; } }
                """));
    }
}
