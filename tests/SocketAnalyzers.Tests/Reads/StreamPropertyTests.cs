using System.Threading.Tasks;
using Xunit;
using static SocketAnalyzers.Tests.Reads.ReadTestCode;
using Verify011 = SocketAnalyzers.Tests.Verifiers.AnalyzerVerifier<SocketAnalyzers.Reads.SOCK011ReadLoopIgnoresEndOfStreamAnalyzer>;
using Verify012 = SocketAnalyzers.Tests.Verifiers.AnalyzerVerifier<SocketAnalyzers.Reads.SOCK012WholeBufferConsumedAnalyzer>;

namespace SocketAnalyzers.Tests.Reads
{
    /// <summary>
    /// A read through a property of the class that only gives back a private <c>Stream</c> field
    /// (<c>public Stream Stream =&gt; _stream;</c>) is a read of that field: a network stream when the field's summary says so
    /// (fresh13 audit: NModbus4's TCP master reads its MBAP header through such a property). Properties with logic, that
    /// can be overridden, or over a field that may hold another stream stay unknown.
    /// </summary>
    public sealed class StreamPropertyTests
    {
        private static string Class(string property, string run, string constructor = "_stream = client.GetStream();") => Usings + $$"""
            class Master
            {
                private readonly Stream _stream;
                private readonly byte[] _header = new byte[6];

                public Master(TcpClient client)
                {
                    {{constructor}}
                }

                {{property}}

                public async Task<int> RunAsync(byte[] buf)
                {
            {{Indent(run, 8)}}
                }

                private static void Handle(byte[] data, int count) { }
            }
            """;

        private const string Loop = """
            while (true)
            {
                int n = await [|Stream.ReadAsync(buf, 0, buf.Length)|];
                Handle(buf, n);
            }
            """;

        [Theory]
        [InlineData("public Stream Stream => _stream;")]
        [InlineData("public Stream Stream { get { return _stream; } }")]
        [InlineData("public Stream Stream { get => this._stream; }")]
        public Task Read_loop_through_a_property_over_a_network_stream_field_is_reported(string property)
            => Verify011.VerifyAnalyzerAsync(Class(property, Loop));

        [Fact]
        public Task Header_decoded_whole_after_one_read_through_the_property_is_reported()
            => Verify012.VerifyAnalyzerAsync(Class("public Stream Stream { get { return _stream; } }", """
                int n = await Stream.ReadAsync(_header, 0, 6).ConfigureAwait(false);
                if (n == 0)
                {
                    return 0;
                }

                return IPAddress.NetworkToHostOrder([|BitConverter.ToInt16(_header, 4)|]);
                """));

        [Theory]
        [InlineData("public Stream Stream => _stream ?? throw new InvalidOperationException();", "_stream = client.GetStream();")]
        [InlineData("public virtual Stream Stream => _stream;", "_stream = client.GetStream();")]
        [InlineData("public Stream Stream => _stream;", "_stream = File.OpenRead(\"replay.bin\");")]
        [InlineData("public Stream Stream => new MemoryStream();", "_stream = client.GetStream();")]
        public Task Read_through_a_property_that_may_give_another_stream_is_quiet(string property, string constructor)
            => Verify011.VerifyAnalyzerAsync(Class(property, Loop.Replace("[|", string.Empty).Replace("|]", string.Empty), constructor));
    }
}
