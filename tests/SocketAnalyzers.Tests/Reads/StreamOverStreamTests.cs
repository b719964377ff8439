using System.Threading.Tasks;
using SocketAnalyzers.CodeFixes.Reads;
using Xunit;
using static SocketAnalyzers.Tests.Reads.ReadTestCode;
using Verify010 = SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<SocketAnalyzers.Reads.SOCK010DiscardedReadCountAnalyzer, SocketAnalyzers.CodeFixes.Reads.SOCK010DiscardedReadCountCodeFixProvider>;
using Verify011 = SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<SocketAnalyzers.Reads.SOCK011ReadLoopIgnoresEndOfStreamAnalyzer, SocketAnalyzers.CodeFixes.Reads.SOCK011ReadLoopIgnoresEndOfStreamCodeFixProvider>;
using Verify012 = SocketAnalyzers.Tests.Verifiers.AnalyzerVerifier<SocketAnalyzers.Reads.SOCK012WholeBufferConsumedAnalyzer>;

namespace SocketAnalyzers.Tests.Reads
{
    /// <summary>
    /// A stream made over a network stream is one: a <c>BufferedStream</c> (a Redis client's shape: <c>new
    /// BufferedStream(client.GetStream())</c>) returns what it buffered or one read of the stream under it, and a
    /// <c>CryptoStream</c>, <c>GZipStream</c>, <c>DeflateStream</c>, <c>BrotliStream</c> or <c>ZLibStream</c> may, since .NET 6,
    /// return fewer bytes than asked (fresh62 saw a game gateway read a <c>CryptoStream</c> over its connection in a loop
    /// that spins at the close). All return 0 once the stream under them ends. One over a stream of unknown origin, a file
    /// or a memory stream stays unknown.
    /// </summary>
    public sealed class StreamOverStreamTests
    {
        private const string MoreUsings = "using System.IO.Compression;\nusing System.Security.Cryptography;\n";

        private static string Class(string members) => MoreUsings + Usings + "class Session\n{\n    private static readonly TcpClient client = new TcpClient(\"example.org\", 80);\n\n" + Indent(members, 4) + "\n}\n";

        /// <summary>A line read through a <c>CryptoStream</c> until a newline: <paramref name="read"/> is the read's statement.</summary>
        private static string CryptoLines(string read) => Class($$"""
            public string Line(ICryptoTransform decryptor, byte[] buffer)
            {
                using var stream = new CryptoStream(client.GetStream(), decryptor, CryptoStreamMode.Read);
                string text = "";
                while (true)
                {
                    {{read}}
                    text += Encoding.UTF8.GetString(buffer, 0, n);
                    if (text.EndsWith("\n")) break;
                }

                return text;
            }
            """);

        [Theory]
        [InlineData("new BufferedStream(client.GetStream())")]
        [InlineData("new GZipStream(client.GetStream(), CompressionMode.Decompress)")]
        [InlineData("new DeflateStream(client.GetStream(), CompressionMode.Decompress, leaveOpen: true)")]
        [InlineData("new BrotliStream(client.GetStream(), CompressionMode.Decompress)")]
        [InlineData("new ZLibStream(client.GetStream(), CompressionMode.Decompress)")]
        [InlineData("new CryptoStream(client.GetStream(), Aes.Create().CreateDecryptor(), CryptoStreamMode.Read)")]
        [InlineData("new CryptoStream(new BufferedStream(client.GetStream()), Aes.Create().CreateDecryptor(), CryptoStreamMode.Read)")]
        [InlineData("new GZipStream(new CryptoStream(client.GetStream(), Aes.Create().CreateDecryptor(), CryptoStreamMode.Read), CompressionMode.Decompress)")]
        public Task A_discarded_count_of_a_stream_over_the_connection_is_reported(string creation)
            => Verify010.VerifyAnalyzerAsync(Class($$"""
                public int Header(byte[] buffer)
                {
                    var stream = {{creation}};
                    [|stream.Read(buffer, 0, 4)|];
                    return buffer[0];
                }
                """));

        [Theory]
        [InlineData("BufferedStream", "new BufferedStream(network, 8192)")]
        [InlineData("CryptoStream", "new CryptoStream(network, decryptor, CryptoStreamMode.Read)")]
        public Task A_stream_field_given_one_over_the_connection_is_followed(string type, string creation)
            => Verify010.VerifyAnalyzerAsync(Class($$"""
                private readonly {{type}} stream;

                public Session(NetworkStream network, ICryptoTransform decryptor)
                {
                    stream = {{creation}};
                }

                public int Header(byte[] buffer)
                {
                    [|stream.Read(buffer, 0, 4)|];
                    return buffer[0];
                }
                """));

        [Fact]
        public Task A_read_loop_on_a_buffered_stream_over_a_buffered_stream_over_the_connection_spins_at_0()
            => Verify011.VerifyAnalyzerAsync(Class("""
                public void Run(byte[] buffer)
                {
                    var stream = new BufferedStream(new BufferedStream(client.GetStream()));
                    while (true)
                    {
                        int n = [|stream.Read(buffer, 0, buffer.Length)|];
                        Console.WriteLine(n);
                    }
                }
                """));

        [Fact]
        public Task A_read_loop_on_a_crypto_stream_over_the_connection_that_waits_for_a_newline_spins_at_0()
            => Verify011.VerifyAnalyzerAsync(CryptoLines("int n = [|stream.Read(buffer, 0, buffer.Length)|];"));

        [Fact]
        public Task A_read_loop_on_a_gzip_stream_over_the_connection_that_stops_at_0_is_not_reported()
            => Verify011.VerifyAnalyzerAsync(Class("""
                public void Copy(Stream output, byte[] buffer)
                {
                    using var stream = new GZipStream(client.GetStream(), CompressionMode.Decompress);
                    int n;
                    while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
                    {
                        output.Write(buffer, 0, n);
                    }
                }
                """));

        [Theory]
        [InlineData("new BufferedStream(client.GetStream())")]
        [InlineData("new DeflateStream(client.GetStream(), CompressionMode.Decompress)")]
        public Task The_whole_buffer_of_a_read_of_a_stream_over_the_connection_is_reported(string creation)
            => Verify012.VerifyAnalyzerAsync(Class($$"""
                public string Text(byte[] buffer)
                {
                    var stream = {{creation}};
                    int n = stream.Read(buffer, 0, buffer.Length);
                    if (n == 0) return null;
                    return [|Encoding.ASCII.GetString(buffer)|];
                }
                """));

        [Theory]
        [InlineData("Stream inner", "new BufferedStream(inner)")]
        [InlineData("string path", "new BufferedStream(File.OpenRead(path))")]
        [InlineData("string path", "new BufferedStream(new MemoryStream())")]
        [InlineData("Stream inner", "new GZipStream(inner, CompressionMode.Decompress)")]
        [InlineData("string path", "new GZipStream(File.OpenRead(path), CompressionMode.Decompress)")]
        [InlineData("string path", "new CryptoStream(new MemoryStream(), Aes.Create().CreateDecryptor(), CryptoStreamMode.Read)")]
        [InlineData("Stream inner", "new CryptoStream(new BufferedStream(inner), Aes.Create().CreateDecryptor(), CryptoStreamMode.Read)")]
        public Task A_stream_over_a_stream_of_unknown_origin_a_file_or_memory_stays_unknown(string parameter, string creation)
            => Verify010.VerifyAnalyzerAsync(Class($$"""
                public int Header({{parameter}}, byte[] buffer)
                {
                    var stream = {{creation}};
                    stream.Read(buffer, 0, 4);
                    return buffer[0];
                }
                """));

        [Fact]
        public Task The_fix_reads_a_decompressing_stream_exactly_alone_and_in_fix_all()
        {
            var test = Verify010.Test(
                Class("""
                    public int Header(byte[] buffer, byte[] body)
                    {
                        var stream = new GZipStream(client.GetStream(), CompressionMode.Decompress);
                        [|stream.Read(buffer, 0, 4)|];
                        [|stream.Read(body, 0, body.Length)|];
                        return buffer[0] + body[0];
                    }
                    """),
                Class("""
                    public int Header(byte[] buffer, byte[] body)
                    {
                        var stream = new GZipStream(client.GetStream(), CompressionMode.Decompress);
                        stream.ReadExactly(buffer, 0, 4);
                        stream.ReadExactly(body, 0, body.Length);
                        return buffer[0] + body[0];
                    }
                    """));
            test.CodeActionEquivalenceKey = SOCK010DiscardedReadCountCodeFixProvider.ReadExactlyKey;
            return test.RunAsync();
        }

        [Fact]
        public Task The_fix_leaves_a_crypto_stream_loop_when_its_read_returns_0()
            => Verify011.VerifyCodeFixAsync(
                CryptoLines("int n = [|stream.Read(buffer, 0, buffer.Length)|];"),
                CryptoLines("int n = stream.Read(buffer, 0, buffer.Length);\n        if (n == 0)\n        {\n            break;\n        }\n"));

        // ---- a private stream field given another one: a game gateway that switches its reads to a CryptoStream once the
        // session is encrypted (fresh62, Currycomb: _inUseStreamRead = _encryptStreamRead ?? _netStream;) ----

        /// <summary>The gateway's connection class; <paramref name="switchTo"/> is what <c>Encrypt</c> gives the stream its reads use.</summary>
        private static string Gateway(string switchTo, string read) => MoreUsings + Usings + $$"""
            sealed class ClientConnection
            {
                private readonly NetworkStream _netStream;
                private Stream? _encryptStreamRead;
                private Stream _inUseStreamRead;
                private Stream _inUseStreamWrite;

                public ClientConnection(NetworkStream stream) => _inUseStreamRead = _inUseStreamWrite = _netStream = stream;

                public void Encrypt(ICryptoTransform decryptor, bool flag)
                {
                    _encryptStreamRead = new CryptoStream(_netStream, decryptor, CryptoStreamMode.Read);
                    _inUseStreamRead = {{switchTo}};
                }

                public async Task<byte[]> ReadPacketAsync(int length, byte[] header)
                {
                    {{read}}
                }
            }
            """;

        private const string ForLoopRead = "var bytes = new byte[length];\n        for (int i = 0; i < length; i += await [|_inUseStreamRead.ReadAsync(bytes, i, length - i)|]) ;\n        return bytes;";

        [Theory]
        [InlineData("_encryptStreamRead ?? _netStream")]
        [InlineData("flag ? _encryptStreamRead : _netStream")]
        [InlineData("flag ? null : _encryptStreamRead")]
        [InlineData("_encryptStreamRead")]
        [InlineData("_inUseStreamWrite ?? _netStream")]
        public Task A_stream_field_given_another_network_stream_field_is_followed(string switchTo)
            => Verify011.VerifyAnalyzerAsync(Gateway(switchTo, ForLoopRead));

        [Theory]
        // A stream field of unknown origin on one side.
        [InlineData("_encryptStreamRead ?? Stream.Null")]
        [InlineData("flag ? _encryptStreamRead : new MemoryStream()")]
        public Task A_stream_field_given_a_stream_of_unknown_origin_stays_unknown(string switchTo)
            => Verify011.VerifyAnalyzerAsync(Gateway(switchTo, ForLoopRead.Replace("[|", "").Replace("|]", "")));

        [Fact]
        public Task Stream_fields_that_only_give_each_other_their_values_stay_unknown()
            => Verify010.VerifyAnalyzerAsync(Usings + """
                sealed class Loop
                {
                    private Stream _a;
                    private Stream _b;

                    public void Swap()
                    {
                        var t = _a;
                        _a = _b;
                        _b = _a;
                    }

                    public int Header(byte[] buffer)
                    {
                        _a.Read(buffer, 0, 4);
                        return buffer[0];
                    }
                }
                """);

        [Fact]
        public Task The_fix_reads_exactly_through_a_stream_field_given_another_field()
        {
            var test = Verify010.Test(
                Gateway("_encryptStreamRead ?? _netStream", "[|_inUseStreamRead.Read(header, 0, 4)|];\n        return header;"),
                Gateway("_encryptStreamRead ?? _netStream", "_inUseStreamRead.ReadExactly(header, 0, 4);\n        return header;"));
            test.CodeActionEquivalenceKey = SOCK010DiscardedReadCountCodeFixProvider.ReadExactlyKey;
            return test.RunAsync();
        }
    }
}
