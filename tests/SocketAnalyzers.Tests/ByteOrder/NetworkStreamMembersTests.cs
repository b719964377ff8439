using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using SocketAnalyzers.ByteOrder;
using SocketAnalyzers.CodeFixes.ByteOrder;
using SocketAnalyzers.Tests.Verifiers;
using Xunit;
using Verify020 = SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<
    SocketAnalyzers.ByteOrder.SOCK020HostOrderWriteAnalyzer,
    SocketAnalyzers.CodeFixes.ByteOrder.SOCK020HostOrderWriteCodeFixProvider>;
using Verify021 = SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<
    SocketAnalyzers.ByteOrder.SOCK021HostOrderReadAnalyzer,
    SocketAnalyzers.CodeFixes.ByteOrder.SOCK021HostOrderReadCodeFixProvider>;

namespace SocketAnalyzers.Tests.ByteOrder
{
    /// <summary>
    /// Issue 13, one answer to "is this a network stream": the byte-order rules ask the reads family
    /// (<c>NetworkReads.IsNetworkStream</c>), so a private <c>Stream</c> field that its class only ever gives a network
    /// stream, and a <c>Stream</c> parameter of a private helper or local function that every call gives one, carry
    /// SOCK020 and SOCK021 like a <c>NetworkStream</c> does: at a <c>BinaryWriter</c>/<c>BinaryReader</c> over them, at a
    /// write of host-order bytes into them, at a decode of bytes read from them, in the body and across methods. Anything
    /// the summaries cannot prove (another value, code outside the file or the class, a delegate) stays silent.
    /// </summary>
    public sealed class NetworkStreamMembersTests
    {
        private const string Usings = SOCK020HostOrderWriteTests.Usings;

        private static string Class(string members) => Usings + "public class Packets\n{\n" + members + "\n}\n";

        private static Task Run(params string[] sources)
        {
            var test = new SocketAnalyzerTest();
            foreach (var source in sources)
            {
                test.Sources.Add(source);
            }

            return test.RunAsync();
        }

        // ------------------------------------------------------------ a private Stream field

        [Fact]
        public Task BinaryWriter_over_a_stream_field_given_GetStream_in_the_constructor_is_SOCK020()
            => Run(Class("""
                private Stream stream;

                public Packets(TcpClient client) { stream = client.GetStream(); }

                public void SendHeader(int id, int length)
                {
                    var w = new BinaryWriter(stream);
                    {|SOCK020:w.Write(id)|};
                    {|SOCK020:w.Write(length)|};
                }
                """));

        [Theory]
        [InlineData("stream.Write({|SOCK020:BitConverter.GetBytes(n)|});")]
        [InlineData("var bytes = {|SOCK020:BitConverter.GetBytes(n)|}; stream.Write(bytes, 0, bytes.Length);")]
        [InlineData("await stream.WriteAsync({|SOCK020:BitConverter.GetBytes(n)|});")]
        public Task GetBytes_written_into_a_stream_field_given_GetStream_is_SOCK020(string write)
            => Run(Class($$"""
                private readonly Stream stream;

                public Packets(TcpClient client) { stream = client.GetStream(); }

                public async Task Send(int n)
                {
                    {{write}}
                    await Task.Yield();
                }
                """));

        [Fact]
        public Task BinaryReader_over_a_stream_field_given_GetStream_is_SOCK021()
            => Run(Class("""
                private Stream stream;

                public Packets(TcpClient client) { stream = client.GetStream(); }

                public int ReadLength()
                {
                    var r = new BinaryReader(stream);
                    return {|SOCK021:r.ReadInt32()|};
                }
                """));

        [Fact]
        public Task ReadExactly_from_a_stream_field_then_ToInt32_is_SOCK021()
            => Run(Class("""
                private readonly Stream stream = new TcpClient("example.org", 80).GetStream();

                public int ReadLength()
                {
                    var header = new byte[4];
                    stream.ReadExactly(header);
                    return {|SOCK021:BitConverter.ToInt32(header, 0)|};
                }
                """));

        [Fact]
        public Task BinaryWriter_field_over_a_stream_field_given_GetStream_is_SOCK020()
            => Run(Class("""
                private readonly Stream stream;
                private readonly BinaryWriter writer;

                public Packets(TcpClient client)
                {
                    stream = client.GetStream();
                    writer = new BinaryWriter(stream);
                }

                public void Send(int n) => {|SOCK020:writer.Write(n)|};
                """));

        [Fact]
        public Task A_send_helper_over_a_stream_field_reports_the_bytes_it_is_given_at_the_end_of_the_compilation()
            => Run(Class("""
                private readonly Stream stream;

                public Packets(TcpClient client) { stream = client.GetStream(); }

                private void SendRaw(byte[] data) => stream.Write(data, 0, data.Length);

                public void SendLength(int n) => SendRaw({|SOCK020:BitConverter.GetBytes(n)|});
                """));

        [Fact]
        public Task Bytes_a_method_reads_from_a_stream_field_and_returns_are_SOCK021_where_decoded()
            => Run(Class("""
                private readonly Stream stream;

                public Packets(TcpClient client) { stream = client.GetStream(); }

                private byte[] ReadHeader()
                {
                    var header = new byte[4];
                    stream.ReadExactly(header);
                    return header;
                }

                public int ReadLength() => {|SOCK021:BitConverter.ToInt32(ReadHeader(), 0)|};
                """));

        // ------------------------------------------------------------ a Stream parameter of a private helper

        [Fact]
        public Task Private_static_helpers_given_GetStream_are_SOCK020_and_SOCK021()
            => Run(Class("""
                public static void Run(TcpClient c)
                {
                    WritePacket(c.GetStream(), 7);
                    Console.WriteLine(ReadPacket(c.GetStream()));
                }

                private static void WritePacket(Stream s, int id)
                {
                    var bw = new BinaryWriter(s);
                    {|SOCK020:bw.Write(id)|};
                }

                private static int ReadPacket(Stream s)
                {
                    var header = new byte[4];
                    s.ReadExactly(header);
                    return {|SOCK021:BitConverter.ToInt32(header, 0)|};
                }
                """));

        [Fact]
        public Task A_helper_called_from_a_lambda_with_a_network_stream_local_is_SOCK020()
            => Run(Class("""
                public static Task Start(TcpClient client)
                {
                    var stream = client.GetStream();
                    return Task.Run(() => Handshake(stream));
                }

                private static void Handshake(Stream s) => s.Write({|SOCK020:BitConverter.GetBytes(1)|});
                """));

        [Fact]
        public Task A_local_function_given_GetStream_reads_with_BinaryReader_is_SOCK021()
            => Run(Class("""
                public static long Run(TcpClient client)
                {
                    return Read(client.GetStream());

                    static long Read(Stream s)
                    {
                        using var reader = new BinaryReader(s);
                        return {|SOCK021:reader.ReadInt64()|};
                    }
                }
                """));

        // ------------------------------------------------------------ a Stream local given null first

        [Fact]
        public Task A_stream_local_given_null_then_GetStream_is_SOCK020_as_the_reads_family_takes_it()
            => Run(Class("""
                public static void Send(TcpClient client, int n)
                {
                    Stream s = null;
                    try
                    {
                        s = client.GetStream();
                        s.Write({|SOCK020:BitConverter.GetBytes(n)|});
                        {|SOCK020:new BinaryWriter(s).Write(n)|};
                    }
                    finally
                    {
                        s?.Dispose();
                    }
                }
                """));

        // ------------------------------------------------------------ what stays silent

        [Theory]
        [InlineData("""
            private Stream stream;
            public Packets(TcpClient client, bool record) { stream = record ? new MemoryStream() : client.GetStream(); }
            """)]
        [InlineData("""
            private Stream stream;
            public Packets(TcpClient client) { stream = client.GetStream(); }
            public void Replay(string path) { stream = File.OpenRead(path); }
            """)]
        [InlineData("""
            private Stream stream;
            public Packets(TcpClient client) { stream = client.GetStream(); }
            public Stream Stream { set { stream = value; } }
            """)]
        [InlineData("""
            private Stream stream;
            public Packets(Stream source) { stream = source; }
            """)]
        [InlineData("""
            internal Stream stream;
            public Packets(TcpClient client) { stream = client.GetStream(); }
            """)]
        public Task A_stream_field_also_given_something_else_or_reachable_from_outside_stays_silent(string field)
            => Run(Class(field + """

                public void SendHeader(int id)
                {
                    var w = new BinaryWriter(stream);
                    w.Write(id);
                    stream.Write(BitConverter.GetBytes(id));
                }

                public int ReadLength()
                {
                    var header = new byte[4];
                    stream.ReadExactly(header);
                    return BitConverter.ToInt32(header, 0) + new BinaryReader(stream).ReadInt32();
                }
                """));

        [Fact]
        public Task A_stream_local_also_given_a_file_stays_silent()
            => Run(Class("""
                public static void Send(TcpClient client, int n, string replay)
                {
                    Stream s = client.GetStream();
                    if (replay != null)
                    {
                        s = File.OpenRead(replay);
                    }

                    new BinaryWriter(s).Write(n);
                    s.Write(BitConverter.GetBytes(n));
                }
                """));

        [Fact]
        public Task Bytes_written_into_a_MemoryStream_local_later_given_a_network_stream_field_stay_silent_across_methods()
            => Run(Class("""
                private readonly Stream stream;

                public Packets(TcpClient client) { stream = client.GetStream(); }

                private void Save(byte[] data)
                {
                    Stream s = new MemoryStream();
                    s.Write(data, 0, data.Length);
                    s = stream;
                    s.Flush();
                }

                public void Send(int n) => Save(BitConverter.GetBytes(n));
                """));

        [Fact]
        public Task A_public_methods_stream_parameter_stays_silent()
            => Run(Class("""
                public static void Run(TcpClient c) => WritePacket(c.GetStream(), 7);

                public static void WritePacket(Stream s, int id)
                {
                    new BinaryWriter(s).Write(id);
                    s.Write(BitConverter.GetBytes(id));
                }
                """));

        [Fact]
        public Task A_helper_also_used_as_a_method_group_stays_silent()
            => Run(Class("""
                public static void Run(TcpClient c)
                {
                    WritePacket(c.GetStream());
                    Action<Stream> later = WritePacket;
                    later(new MemoryStream());
                }

                private static void WritePacket(Stream s) => new BinaryWriter(s).Write(7);
                """));

        [Fact]
        public Task A_helper_called_from_another_file_of_its_partial_class_stays_silent()
            => Run(
                Usings + """
                    public partial class Packets
                    {
                        public static void Run(TcpClient c) => WritePacket(c.GetStream());

                        private static void WritePacket(Stream s) => new BinaryWriter(s).Write(7);
                    }
                    """,
                Usings + """
                    public partial class Packets
                    {
                        public static void Save(string path) => WritePacket(File.Create(path));
                    }
                    """);

        [Fact]
        public Task A_helper_called_only_from_another_file_of_its_partial_class_stays_silent()
            => Run(
                Usings + """
                    public partial class Packets
                    {
                        private static void WritePacket(Stream s) => new BinaryWriter(s).Write(7);
                    }
                    """,
                Usings + """
                    public partial class Packets
                    {
                        public static void Run(TcpClient c) => WritePacket(c.GetStream());
                    }
                    """);

        [Fact]
        public Task Big_endian_writes_and_converted_numbers_over_a_network_stream_field_stay_silent()
            => Run(Class("""
                private readonly Stream stream;

                public Packets(TcpClient client) { stream = client.GetStream(); }

                public void Send(int id, int length)
                {
                    var header = new byte[8];
                    BinaryPrimitives.WriteInt32BigEndian(header, id);
                    BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), length);
                    stream.Write(header);
                    stream.Write(BitConverter.GetBytes(IPAddress.HostToNetworkOrder(length)));
                    new BinaryWriter(stream).Write(IPAddress.HostToNetworkOrder(id));
                }

                public int Receive()
                {
                    var header = new byte[4];
                    stream.ReadExactly(header);
                    return BinaryPrimitives.ReadInt32BigEndian(header) + IPAddress.NetworkToHostOrder(new BinaryReader(stream).ReadInt32());
                }
                """));

        [Fact]
        public Task Constants_whose_bytes_read_the_same_in_either_order_stay_silent_where_other_numbers_are_reported()
            => Run(Class("""
                private readonly Stream stream;

                public Packets(TcpClient client) { stream = client.GetStream(); }

                public void Send(byte type, byte[] data)
                {
                    var ms = new MemoryStream();
                    using (var writer = new BinaryWriter(ms))
                    {
                        writer.Write(type);
                        writer.Write((ushort)0);
                        writer.Write(-1);
                        writer.Write((short)0x0101);
                        writer.Write(0.0);
                        {|SOCK020:writer.Write((ushort)(data.Length + 8))|};
                        {|SOCK020:writer.Write((ushort)1)|};
                        {|SOCK020:writer.Write(-2L)|};
                    }

                    var packet = ms.ToArray();
                    stream.Write(packet, 0, packet.Length);
                    stream.Write(BitConverter.GetBytes(0));
                    stream.Write({|SOCK020:BitConverter.GetBytes(256)|});
                }
                """));

        // ------------------------------------------------------------ the fixes on the new shapes

        [Fact]
        public Task Fix_reverses_a_BinaryWriter_number_over_a_stream_field()
            => Verify020.VerifyCodeFixAsync(
                Class("""
                    private Stream stream;

                    public Packets(TcpClient client) { stream = client.GetStream(); }

                    public void SendHeader(int id) => [|new BinaryWriter(stream).Write(id)|];
                    """),
                Class("""
                    private Stream stream;

                    public Packets(TcpClient client) { stream = client.GetStream(); }

                    public void SendHeader(int id) => new BinaryWriter(stream).Write(BinaryPrimitives.ReverseEndianness(id));
                    """));

        [Fact]
        public Task Fix_All_makes_every_write_over_a_stream_field_and_a_helper_parameter_big_endian()
            => Verify020.VerifyCodeFixAsync(
                Class("""
                    private Stream stream;

                    public Packets(TcpClient client) { stream = client.GetStream(); }

                    public void SendHeader(int id, short length)
                    {
                        var w = new BinaryWriter(stream);
                        [|w.Write(id)|];
                        [|w.Write(length)|];
                        Send(stream, id);
                    }

                    private static void Send(Stream s, int id)
                    {
                        var bytes = [|BitConverter.GetBytes(id)|];
                        s.Write(bytes, 0, bytes.Length);
                    }
                    """),
                Class("""
                    private Stream stream;

                    public Packets(TcpClient client) { stream = client.GetStream(); }

                    public void SendHeader(int id, short length)
                    {
                        var w = new BinaryWriter(stream);
                        w.Write(BinaryPrimitives.ReverseEndianness(id));
                        w.Write(BinaryPrimitives.ReverseEndianness(length));
                        Send(stream, id);
                    }

                    private static void Send(Stream s, int id)
                    {
                        var bytes = new byte[4];
                        BinaryPrimitives.WriteInt32BigEndian(bytes, id);
                        s.Write(bytes, 0, bytes.Length);
                    }
                    """));

        [Fact]
        public Task Fix_reads_big_endian_from_a_helper_parameter()
            => Verify021.VerifyCodeFixAsync(
                Class("""
                    public static int Run(TcpClient c) => ReadPacket(c.GetStream());

                    private static int ReadPacket(Stream s)
                    {
                        var header = new byte[4];
                        s.ReadExactly(header);
                        return [|BitConverter.ToInt32(header, 0)|];
                    }
                    """),
                Class("""
                    public static int Run(TcpClient c) => ReadPacket(c.GetStream());

                    private static int ReadPacket(Stream s)
                    {
                        var header = new byte[4];
                        s.ReadExactly(header);
                        return BinaryPrimitives.ReadInt32BigEndian(header);
                    }
                    """));

        [Fact]
        public Task Fix_All_makes_every_read_from_a_stream_field_big_endian()
            => Verify021.VerifyCodeFixAsync(
                Class("""
                    private readonly Stream stream;

                    public Packets(TcpClient client) { stream = client.GetStream(); }

                    public long ReadHeader()
                    {
                        var reader = new BinaryReader(stream);
                        var id = [|reader.ReadInt32()|];
                        var header = new byte[8];
                        stream.ReadExactly(header);
                        return id + [|BitConverter.ToInt64(header, 0)|] + [|reader.ReadInt16()|];
                    }
                    """),
                Class("""
                    private readonly Stream stream;

                    public Packets(TcpClient client) { stream = client.GetStream(); }

                    public long ReadHeader()
                    {
                        var reader = new BinaryReader(stream);
                        var id = BinaryPrimitives.ReverseEndianness(reader.ReadInt32());
                        var header = new byte[8];
                        stream.ReadExactly(header);
                        return id + BinaryPrimitives.ReadInt64BigEndian(header) + BinaryPrimitives.ReverseEndianness(reader.ReadInt16());
                    }
                    """));

        // ------------------------------------------------------------ per document and per span

        private const string PacketsFile = Usings + """
            public class Packets
            {
                private Stream stream;

                public Packets(TcpClient client) { stream = client.GetStream(); }

                public void SendHeader(int id)
                {
                    var w = new BinaryWriter(stream);
                    w.Write(id);
                }

                public static void Run(TcpClient c) => Console.WriteLine(ReadPacket(c.GetStream()));

                private static int ReadPacket(Stream s)
                {
                    var header = new byte[4];
                    s.ReadExactly(header);
                    return BitConverter.ToInt32(header, 0);
                }
            }
            """;

        private const string OtherFile = Usings + """
            public class Other
            {
                public void Save(string path, int id) => new BinaryWriter(File.Create(path)).Write(id);
            }
            """;

        private static CompilationWithAnalyzers Create(out SyntaxTree packets)
        {
            packets = CSharpSyntaxTree.ParseText(PacketsFile, path: "Packets.cs");
            return TwoFileProject.Create("Members", OtherFile, packets, ImmutableArray.Create<DiagnosticAnalyzer>(new SOCK020HostOrderWriteAnalyzer(), new SOCK021HostOrderReadAnalyzer()));
        }

        private static string[] Describe(ImmutableArray<Diagnostic> diagnostics) => TwoFileProject.Describe(diagnostics);

        [Fact]
        public async Task Per_document_analysis_of_the_file_finds_what_whole_compilation_analysis_finds()
        {
            var whole = await Create(out _).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            Assert.Equal(new[] { "SOCK020@22", "SOCK021@31" }, Describe(whole));

            var withAnalyzers = Create(out var packets);
            var model = withAnalyzers.Compilation.GetSemanticModel(withAnalyzers.Compilation.SyntaxTrees.Single(t => t.FilePath == packets.FilePath));
            Assert.Equal(Describe(whole), Describe(await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, null, CancellationToken.None)));
        }

        [Theory]
        [InlineData("SendHeader", "SOCK020@22")]
        [InlineData("ReadPacket", "SOCK021@31")]
        public async Task Span_based_analysis_of_one_method_keeps_its_finding(string method, string expected)
        {
            var withAnalyzers = Create(out var packets);
            var tree = withAnalyzers.Compilation.SyntaxTrees.Single(t => t.FilePath == packets.FilePath);
            var model = withAnalyzers.Compilation.GetSemanticModel(tree);
            var declaration = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.Text == method);
            var diagnostics = Describe(await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, declaration.Span, CancellationToken.None));
            Assert.Contains(expected, diagnostics);
            Assert.Subset(new System.Collections.Generic.HashSet<string> { "SOCK020@22", "SOCK021@31" }, new System.Collections.Generic.HashSet<string>(diagnostics));
        }
    }
}
