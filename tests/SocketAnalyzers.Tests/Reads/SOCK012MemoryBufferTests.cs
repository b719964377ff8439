using System.Threading.Tasks;
using Xunit;
using static SocketAnalyzers.Tests.Reads.ReadTestCode;
using Verify = SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<SocketAnalyzers.Reads.SOCK012WholeBufferConsumedAnalyzer, SocketAnalyzers.CodeFixes.Reads.SOCK012WholeBufferConsumedCodeFixProvider>;

namespace SocketAnalyzers.Tests.Reads
{
    /// <summary>
    /// SOCK012 and a <c>Memory&lt;byte&gt;</c> (or <c>Span&lt;byte&gt;</c>) local over a new array, read into and then used
    /// whole (fresh48's KNX transport: <c>Memory&lt;byte&gt; buffer = new byte[255];</c>, <c>await _stream.ReadAsync(buffer,
    /// token)</c>, then <c>OnReceived(this, buffer.ToArray())</c>, which hands on 255 bytes whatever arrived). The local is
    /// followed as the array would be: <c>ToArray()</c>, <c>.Span</c> given to a decoder, the local given to a write use it
    /// whole; a slice of the count's bytes does not.
    /// </summary>
    public sealed class SOCK012MemoryBufferTests
    {
        private static string Pump(string use, string declaration = "Memory<byte> memory = new byte[255];")
            => Method($$"""
                {{declaration}}
                while (true)
                {
                    int n = await stream.ReadAsync(memory, token);
                    if (n == 0)
                    {
                        break;
                    }

                    {{use}}
                }
                """, "Task", "async");

        [Theory]
        [InlineData("Console.WriteLine(Convert.ToBase64String({|#0:memory.ToArray()|}));", "Memory.ToArray")]
        [InlineData("Console.WriteLine({|#0:Encoding.UTF8.GetString(memory.Span)|});", "Encoding.GetString")]
        [InlineData("await {|#0:stream.WriteAsync(memory, token)|};", "NetworkStream.WriteAsync")]
        public Task Memory_buffer_used_whole_after_a_read_is_reported(string use, string consumer)
            => Verify.VerifyAnalyzerAsync(
                Pump(use),
                Verify.Diagnostic("SOCK012").WithLocation(0).WithMessage(
                    consumer + " uses all of 'memory', but NetworkStream.ReadAsync filled only its first 'n' bytes; the rest is stale (zeros or bytes of an earlier read). Use only the bytes received."));

        /// <summary>
        /// fresh67 (a SOCKS5 test, <c>reply.ToArray()[1].Should().Be(0x00)</c>): one byte of the copy is looked at, not all of
        /// it. It is that byte's decode, as <c>buffer[1]</c> of an array is, and the message names the byte.
        /// </summary>
        [Fact]
        public Task One_byte_of_a_copy_is_reported_as_that_byte()
            => Verify.VerifyAnalyzerAsync(
                Pump("byte status = {|#0:memory.ToArray()[1]|};"),
                Verify.Diagnostic("SOCK012").WithLocation(0).WithArguments(
                    "'memory.ToArray()[1]'", "byte 1 of 'memory'", "NetworkStream.ReadAsync", "its first 'n' bytes",
                    "Read until the first 2 bytes have arrived: loop on the count, or call ReadExactly", "bytes"));

        [Theory]
        [InlineData("byte first = memory.ToArray()[0];")]
        [InlineData("byte last = memory.ToArray()[n - 1];")]
        public Task First_byte_or_a_computed_index_of_a_copy_is_quiet(string use)
            => Verify.VerifyAnalyzerAsync(Pump(use));

        [Theory]
        [InlineData("Process(memory.Slice(0, n).ToArray(), n);")]
        [InlineData("Process(memory[..n].ToArray(), n);")]
        [InlineData("Console.WriteLine(Encoding.UTF8.GetString(memory.Span.Slice(0, n)));")]
        [InlineData("await stream.WriteAsync(memory.Slice(0, n), token);")]
        [InlineData("Console.WriteLine(memory.Length);")]
        public Task Memory_buffer_used_up_to_the_count_is_quiet(string use)
            => Verify.VerifyAnalyzerAsync(Pump(use));

        /// <summary>
        /// A whole view made over a new array is that array too (fresh93 M3, a Kafka client: <c>Memory&lt;byte&gt; intBuffer =
        /// new(new byte[sizeof(int)]);</c>, one <c>ReadAsync</c>, then <c>ReadInt32BigEndian(intBuffer.Span)</c>, which decodes
        /// stale bytes when the length arrives in pieces).
        /// </summary>
        [Theory]
        [InlineData("Memory<byte> memory = new(new byte[255]);")]
        [InlineData("var memory = new Memory<byte>(new byte[255]);")]
        [InlineData("Memory<byte> memory = new byte[255].AsMemory();")]
        public Task Memory_made_over_a_new_array_is_followed_as_the_array(string declaration)
            => Verify.VerifyAnalyzerAsync(
                Pump("Console.WriteLine(Convert.ToBase64String({|#0:memory.ToArray()|}));", declaration),
                Verify.Diagnostic("SOCK012").WithLocation(0).WithMessage(
                    "Memory.ToArray uses all of 'memory', but NetworkStream.ReadAsync filled only its first 'n' bytes; the rest is stale (zeros or bytes of an earlier read). Use only the bytes received."));

        [Fact]
        public Task Length_header_decoded_from_a_memory_over_a_new_array_after_one_read_is_reported()
            => Verify.VerifyAnalyzerAsync(Method("""
                Memory<byte> header = new(new byte[4]);
                var got = await stream.ReadAsync(header, token);
                if (got == 0)
                {
                    throw new IOException("closed");
                }

                Console.WriteLine({|SOCK012:System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(header.Span)|});
                """, "Task", "async"));

        [Theory]
        // A view of part of the new array: the read fills what the view offers, not the array.
        [InlineData("var memory = new Memory<byte>(new byte[255], 0, 16);")]
        [InlineData("Memory<byte> memory = new byte[255].AsMemory(0, 16);")]
        public Task Memory_over_part_of_a_new_array_is_not_followed(string declaration)
            => Verify.VerifyAnalyzerAsync(Pump("Console.WriteLine(Convert.ToBase64String(memory.ToArray()));", declaration));

        [Theory]
        // A view of an array the code names too, or of one it did not make here: the array's own rules, not this one's.
        [InlineData("Memory<byte> memory = buffer;")]
        [InlineData("var array = new byte[255]; Memory<byte> memory = array;")]
        public Task Memory_over_an_array_with_another_name_is_not_followed(string declaration)
            => Verify.VerifyAnalyzerAsync(Method($$"""
                {{declaration}}
                int n = await stream.ReadAsync(memory, token);
                Console.WriteLine(n);
                Process(memory.ToArray(), n);
                """, "Task", "async"));

        [Theory]
        [InlineData("Console.WriteLine(Convert.ToBase64String([|memory.ToArray()|]));", "Console.WriteLine(Convert.ToBase64String(memory.Slice(0, n).ToArray()));")]
        [InlineData("Console.WriteLine([|Encoding.UTF8.GetString(memory.Span)|]);", "Console.WriteLine(Encoding.UTF8.GetString(memory.Span.Slice(0, n)));")]
        [InlineData("await [|stream.WriteAsync(memory, token)|];", "await stream.WriteAsync(memory.Slice(0, n), token);")]
        public Task Whole_use_of_a_memory_buffer_is_sliced_to_the_count(string use, string fixedUse)
            => Verify.VerifyCodeFixAsync(Pump(use), Pump(fixedUse));

        [Fact]
        public Task Whole_use_of_a_memory_made_over_a_new_array_is_sliced_to_the_count()
            => Verify.VerifyCodeFixAsync(
                Pump("await [|stream.WriteAsync(memory, token)|];", "Memory<byte> memory = new(new byte[255]);"),
                Pump("await stream.WriteAsync(memory.Slice(0, n), token);", "Memory<byte> memory = new(new byte[255]);"));

        [Fact]
        public Task Every_whole_use_of_a_memory_buffer_is_sliced_to_the_count_in_one_pass()
            => Verify.VerifyCodeFixAsync(
                Pump("""
                    Console.WriteLine(Convert.ToBase64String([|memory.ToArray()|]));
                    Console.WriteLine([|Encoding.UTF8.GetString(memory.Span)|]);
                    await [|stream.WriteAsync(memory, token)|];
                    """),
                Pump("""
                    Console.WriteLine(Convert.ToBase64String(memory.Slice(0, n).ToArray()));
                    Console.WriteLine(Encoding.UTF8.GetString(memory.Span.Slice(0, n)));
                    await stream.WriteAsync(memory.Slice(0, n), token);
                    """));
    }
}
