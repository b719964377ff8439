using System.Threading.Tasks;
using Xunit;
using static SocketAnalyzers.Tests.Reads.ReadTestCode;
using Verify = SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<SocketAnalyzers.Reads.SOCK012WholeBufferConsumedAnalyzer, SocketAnalyzers.CodeFixes.Reads.SOCK012WholeBufferConsumedCodeFixProvider>;

namespace SocketAnalyzers.Tests.Reads
{
    /// <summary>
    /// SOCK012 at a copy of the whole buffer into a message assembled from chunks (fresh6 M4, the image transfer of a
    /// course: <c>buf.CopyTo(image, i * 1024)</c> after a <c>Receive</c> whose count is only compared with 0): wherever
    /// a read was short, the message holds stale bytes. A copy to the start of another array (a clone the code may use up
    /// to the count), one of the count's bytes, and one whose start follows the counts stay quiet.
    /// </summary>
    public sealed class SOCK012WholeCopyTests
    {
        private static string Chunks(string read, string copy)
            => Method($$"""
                var image = new byte[64 * 1024];
                var buf = new byte[1024];
                for (int i = 0; i < 64; i++)
                {
                    {{read}}
                    {{copy}}
                }

                Process(image, image.Length);
                """);

        [Theory]
        [InlineData("[|buf.CopyTo(image, i * 1024)|];")]
        [InlineData("[|Buffer.BlockCopy(buf, 0, image, i * 1024, buf.Length)|];")]
        [InlineData("[|Array.Copy(buf, 0, image, i * 1024, buf.Length)|];")]
        [InlineData("[|Array.Copy(buf, 0, image, (long)i * 1024, buf.Length)|];")]
        public Task Whole_buffer_copied_into_an_assembled_message_after_a_read_compared_only_with_zero_is_reported(string copy)
            => Verify.VerifyAnalyzerAsync(Chunks("int n = socket.Receive(buf);\n    if (n == 0) { return; }", copy));

        [Fact]
        public Task Whole_buffer_copied_after_a_read_whose_count_is_discarded_is_reported()
            => Verify.VerifyAnalyzerAsync(Chunks("{|SOCK010:socket.Receive(buf)|};", "[|buf.CopyTo(image, i * 1024)|];"));

        [Fact]
        public Task Whole_buffer_copied_after_a_stream_read_is_reported()
            => Verify.VerifyAnalyzerAsync(Chunks("if (stream.Read(buf, 0, buf.Length) == 0) { return; }", "[|Buffer.BlockCopy(buf, 0, image, i * buf.Length, buf.Length)|];"));

        [Fact]
        public Task Whole_copy_message_names_the_copy_and_the_buffer()
            => Verify.VerifyAnalyzerAsync(
                Chunks("int n = socket.Receive(buf);\n    if (n == 0) { return; }", "{|#0:buf.CopyTo(image, i * 1024)|};"),
                Verify.Diagnostic().WithLocation(0).WithArguments("Array.CopyTo", "all of 'buf'", "Socket.Receive", "its first 'n' bytes", "Copy only the bytes received, and move the offset on by the count", "bytes"));

        /// <summary>Passing the count would leave zeros where the stale bytes were: the offset is what needs changing.</summary>
        [Theory]
        [InlineData("[|buf.CopyTo(image, i * 1024)|];")]
        [InlineData("[|Buffer.BlockCopy(buf, 0, image, i * 1024, buf.Length)|];")]
        [InlineData("[|Array.Copy(buf, 0, image, i * 1024, buf.Length)|];")]
        public Task Whole_copy_into_an_assembled_message_is_not_fixed_automatically(string copy)
        {
            var code = Chunks("int n = socket.Receive(buf);\n    if (n == 0) { return; }", copy);
            return Verify.VerifyCodeFixAsync(code, code);
        }

        [Theory]
        [InlineData("Buffer.BlockCopy(buf, 0, image, i * 1024, n);")]
        [InlineData("Array.Copy(buf, 0, image, i * 1024, n);")]
        [InlineData("buf.AsSpan(0, n).CopyTo(image.AsSpan(i * 1024));")]
        [InlineData("buf.CopyTo(image, 0);")]
        [InlineData("Array.Copy(buf, image, buf.Length);")]
        [InlineData("Buffer.BlockCopy(buf, 0, image, 0, buf.Length);")]
        [InlineData("Buffer.BlockCopy(buf, 0, buf, 1, buf.Length - 1);")]
        [InlineData("Buffer.BlockCopy(buf, 1, image, i * 1024, buf.Length - 1);")]
        public Task Copy_of_the_count_to_the_start_or_within_the_buffer_is_not_reported(string copy)
            => Verify.VerifyAnalyzerAsync(Chunks("int n = socket.Receive(buf);\n    if (n == 0) { return; }", copy));

        [Fact]
        public Task Whole_copy_at_a_start_that_follows_the_counts_is_not_reported()
            => Verify.VerifyAnalyzerAsync(Method("""
                var message = new byte[64 * 1024 + 1024];
                var buf = new byte[1024];
                int offset = 0;
                while (offset < 64 * 1024)
                {
                    int n = socket.Receive(buf);
                    if (n == 0)
                    {
                        return;
                    }

                    Buffer.BlockCopy(buf, 0, message, offset, buf.Length);
                    offset += n;
                }

                Process(message, offset);
                """));

        [Fact]
        public Task Whole_copy_after_a_read_that_fills_the_buffer_is_not_reported()
            => Verify.VerifyAnalyzerAsync(Chunks("stream.ReadExactly(buf, 0, buf.Length);", "buf.CopyTo(image, i * 1024);"));

        /// <summary>As for every consumer: other methods may use a count kept in a field (fresh6 M4 as written stays quiet).</summary>
        [Fact]
        public Task Whole_copy_after_a_read_whose_count_is_kept_in_a_field_is_not_reported()
            => Verify.VerifyAnalyzerAsync("""
                using System;
                using System.Net.Sockets;

                class ImageReceiver
                {
                    int received;

                    public byte[] ReceiveImage(Socket client, int size)
                    {
                        byte[] data = new byte[size];
                        byte[] buf = new byte[1024];
                        for (int i = 0; i < size / 1024; i++)
                        {
                            received = client.Receive(buf, 0, 1024, SocketFlags.None);
                            buf.CopyTo(data, i * 1024);
                        }

                        return data;
                    }
                }
                """);
    }
}
