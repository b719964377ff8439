using System.Threading.Tasks;
using SocketAnalyzers.Reads;
using Xunit;
using Verify = SocketAnalyzers.Tests.Verifiers.AnalyzerVerifier<SocketAnalyzers.Reads.SOCK010DiscardedReadCountAnalyzer>;

namespace SocketAnalyzers.Tests.Reads
{
    public sealed class SOCK010DiscardedReadCountTests
    {
        [Fact]
        public Task Receive_as_a_statement_is_reported()
            => Verify.VerifyAnalyzerAsync("""
                using System.Net.Sockets;

                class C
                {
                    void M(Socket socket, byte[] buffer)
                    {
                        [|socket.Receive(buffer)|];
                    }
                }
                """);

        [Fact]
        public Task Receive_whose_count_is_used_is_quiet()
            => Verify.VerifyAnalyzerAsync("""
                using System.Net.Sockets;

                class C
                {
                    int M(Socket socket, byte[] buffer)
                    {
                        var n = socket.Receive(buffer);
                        return n;
                    }
                }
                """);

        [Fact]
        public Task Awaited_NetworkStream_ReadAsync_with_ConfigureAwait_is_reported()
            => Verify.VerifyAnalyzerAsync("""
                using System.Net.Sockets;
                using System.Threading.Tasks;

                class C
                {
                    async Task M(NetworkStream stream, byte[] buffer)
                    {
                        await [|stream.ReadAsync(buffer, 0, buffer.Length)|].ConfigureAwait(false);
                        _ = [|stream.Read(buffer, 0, 1)|];
                    }
                }
                """);
    }
}
