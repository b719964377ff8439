using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using SocketAnalyzers.Common;
using SocketAnalyzers.Lifecycle;
using SocketAnalyzers.Tests.Verifiers;
using Xunit;
using static SocketAnalyzers.Tests.Reads.ReadTestCode;
using LifecycleVerify = SocketAnalyzers.Tests.Verifiers.AnalyzerVerifier<SocketAnalyzers.Lifecycle.SocketLifecycleAnalyzer>;
using SOCK010 = SocketAnalyzers.Tests.Verifiers.AnalyzerVerifier<SocketAnalyzers.Reads.SOCK010DiscardedReadCountAnalyzer>;
using SOCK012 = SocketAnalyzers.Tests.Verifiers.AnalyzerVerifier<SocketAnalyzers.Reads.SOCK012WholeBufferConsumedAnalyzer>;
using SOCK020 = SocketAnalyzers.Tests.Verifiers.AnalyzerVerifier<SocketAnalyzers.ByteOrder.SOCK020HostOrderWriteAnalyzer>;

namespace SocketAnalyzers.Tests.Model
{
    /// <summary>
    /// Where the old tables disagreed, the one catalogue now gives every family the same answer. Each test shows a
    /// call that one family knew and another did not, and that both now treat it alike.
    /// </summary>
    public sealed class CatalogueAgreementTests
    {
        private const string Usings = "using System; using System.Net; using System.Net.Sockets; using System.Threading.Tasks;\n";

        // EndRead was a read for SOCK010 but no operation of the lifecycle model, which knew BeginRead only; likewise
        // UdpClient.EndReceive (a network read for the byte-order rules) and EndSend, NetworkStream.EndWrite. The engine
        // checks the Begin half of a pair and only moves the state on the End half, so the model is what shows it.
        [Theory]
        [InlineData("System.IO.Stream", "EndRead", "NetworkStream", "Receive")]
        [InlineData("System.IO.Stream", "EndWrite", "NetworkStream", "Send")]
        [InlineData("System.Net.Sockets.UdpClient", "EndReceive", "UdpClient", "ReceiveFrom")]
        [InlineData("System.Net.Sockets.UdpClient", "EndSend", "UdpClient", "Send")]
        public void The_End_half_of_an_APM_pair_is_the_same_operation_as_its_Begin_half(string type, string name, string onType, string operationName)
        {
            var on = System.Enum.Parse<SocketModelType>(onType);
            var operation = System.Enum.Parse<SocketOperation>(operationName);
            var compilation = CSharpCompilation.Create("x", new[] { CSharpSyntaxTree.ParseText("using System.Net.Sockets;") }, ReferenceSet.Net80.Resolve());
            var model = new SocketProtocolModel(KnownSymbols.TryCreate(compilation)!);
            var end = compilation.GetTypeByMetadataName(type)!.GetMembers(name).Single();
            var begin = compilation.GetTypeByMetadataName(type)!.GetMembers("Begin" + name.Substring(3)).First();

            var endMember = model.Find(on, end);
            Assert.Equal(operation, endMember?.Operation);
            Assert.Equal(CallForm.End, endMember?.Form);
            Assert.Equal(operation, model.Find(on, begin)?.Operation);
            Assert.Equal(CallForm.Begin, model.Find(on, begin)?.Form);
        }

        [Fact]
        public void A_NetworkStream_override_finds_the_catalogued_Stream_member()
        {
            var compilation = CSharpCompilation.Create("x", new[] { CSharpSyntaxTree.ParseText("using System.Net.Sockets;") }, ReferenceSet.Net80.Resolve());
            var model = new SocketProtocolModel(KnownSymbols.TryCreate(compilation)!);
            var read = compilation.GetTypeByMetadataName("System.Net.Sockets.NetworkStream")!.GetMembers("EndRead").Single();

            Assert.Equal("System.Net.Sockets.NetworkStream", read.ContainingType.ToDisplayString());
            Assert.Equal(SocketOperation.Receive, model.Find(SocketModelType.NetworkStream, read)?.Operation);
            Assert.Null(model.Find(SocketModelType.Socket, read));
        }

        // UdpClient.BeginSend was a send for the byte-order rules and the lifecycle rules, but not a consumer for SOCK012.
        [Fact]
        public Task UdpClient_BeginSend_of_the_whole_buffer_after_a_counted_read_is_reported()
            => SOCK012.VerifyAnalyzerAsync(Method("""
                int n = socket.Receive(buffer);
                if (n == 0)
                {
                    return;
                }

                [|udp.BeginSend(buffer, buffer.Length, null, null)|];
                """));

        [Fact]
        public Task UdpClient_BeginSend_of_the_received_count_is_quiet()
            => SOCK012.VerifyAnalyzerAsync(Method("""
                int n = socket.Receive(buffer);
                if (n == 0)
                {
                    return;
                }

                udp.BeginSend(buffer, n, null, null);
                """));

        // SslStream.Write(byte[]) does not override Stream.Write: a lookup by symbol must still see a network write.
        [Fact]
        public Task SslStream_Write_of_the_whole_buffer_after_a_counted_read_is_reported()
            => SOCK012.VerifyAnalyzerAsync(Method("""
                int n = socket.Receive(buffer);
                if (n == 0)
                {
                    return;
                }

                [|ssl.Write(buffer)|];
                """));

        [Fact]
        public Task Host_order_bytes_written_to_an_SslStream_by_its_own_Write_are_reported()
            => SOCK020.VerifyAnalyzerAsync(Usings + """
                class C
                {
                    void M(System.Net.Security.SslStream ssl, int length)
                    {
                        var bytes = [|BitConverter.GetBytes(length)|];
                        ssl.Write(bytes);
                    }
                }
                """);

        // .NET 8's ReceiveFromAsync(Memory<byte>, SocketFlags, SocketAddress, …) returns the count itself (ValueTask<int>).
        [Fact]
        public Task Discarded_count_of_ReceiveFromAsync_into_a_SocketAddress_is_reported()
            => SOCK010.VerifyAnalyzerAsync(Method("""
                var address = new SocketAddress(System.Net.Sockets.AddressFamily.InterNetwork);
                await [|socket.ReceiveFromAsync(buffer.AsMemory(), SocketFlags.None, address, token)|];
                """, "Task", "async"));

        [Fact]
        public Task Used_count_of_ReceiveFromAsync_into_a_SocketAddress_is_quiet()
            => SOCK010.VerifyAnalyzerAsync(Method("""
                var address = new SocketAddress(System.Net.Sockets.AddressFamily.InterNetwork);
                int n = await socket.ReceiveFromAsync(buffer.AsMemory(), SocketFlags.None, address, token);
                Process(buffer, n);
                """, "Task", "async"));

        // A using's Dispose is IDisposable.Dispose: found as the socket's Dispose by interface implementation, not by name.
        [Fact]
        public Task Send_after_a_using_block_disposed_the_socket_is_reported()
            => LifecycleVerify.VerifyAnalyzerAsync(Usings + """
                class C
                {
                    int M(Socket client, byte[] buffer)
                    {
                        using (client) { }
                        return {|SOCK005:client.Send(buffer)|};
                    }
                }
                """);
    }
}
