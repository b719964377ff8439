using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using SocketAnalyzers.ByteOrder;
using SocketAnalyzers.Tests.Verifiers;
using Xunit;
using Verify = SocketAnalyzers.Tests.Verifiers.AnalyzerVerifier<SocketAnalyzers.ByteOrder.SOCK020HostOrderWriteAnalyzer>;
using VerifyFix = SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<
    SocketAnalyzers.ByteOrder.SOCK020HostOrderWriteAnalyzer,
    SocketAnalyzers.CodeFixes.ByteOrder.SOCK020HostOrderWriteCodeFixProvider>;
using VerifyRead = SocketAnalyzers.Tests.Verifiers.AnalyzerVerifier<SocketAnalyzers.ByteOrder.SOCK021HostOrderReadAnalyzer>;
using VerifyReadFix = SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<
    SocketAnalyzers.ByteOrder.SOCK021HostOrderReadAnalyzer,
    SocketAnalyzers.CodeFixes.ByteOrder.SOCK021HostOrderReadCodeFixProvider>;

namespace SocketAnalyzers.Tests.ByteOrder
{
    /// <summary>
    /// Issue 13 (recall, audit G3): host-order bytes that go through <c>System.Linq.Enumerable</c> before the send, as in
    /// the length-prefix idiom <c>prefix.Concat(body).ToArray()</c>. The calls that keep the bytes and their order
    /// (<c>Concat</c>, <c>ToArray</c>, <c>ToList</c>, <c>AsEnumerable</c>, <c>Append</c>, <c>Prepend</c>, <c>Skip</c>,
    /// <c>Take</c>) carry them; <c>Reverse</c> is the manual byte swap, like <c>Array.Reverse</c>; a call that changes
    /// values or order (<c>Select</c>, <c>Where</c>, <c>OrderBy</c>, <c>Distinct</c>) leaves them unknown. SOCK021 reads
    /// received bytes through the same calls.
    /// </summary>
    public sealed class LinqBytesTests
    {
        private const string Body = "var body = Encoding.UTF8.GetBytes(\"hello\"); ";

        private static string InMethod(string body) => SOCK020HostOrderWriteTests.InMethod(Body + body);

        // ------------------------------------------------------------ SOCK020: carried to the send

        [Theory]
        [InlineData("var prefix = [|BitConverter.GetBytes(body.Length)|]; var frame = prefix.Concat(body).ToArray(); tcp.GetStream().Write(frame, 0, frame.Length);")]
        [InlineData("byte[] frame = [|BitConverter.GetBytes(body.Length)|].Concat(body).ToArray(); socket.Send(frame);")]
        [InlineData("socket.Send(body.Concat([|BitConverter.GetBytes(length)|]).ToArray());")]
        [InlineData("await network.WriteAsync(Enumerable.Concat([|BitConverter.GetBytes(length)|], body).ToArray());")]
        [InlineData("var frame = [|BitConverter.GetBytes(length)|].Concat(body); socket.Send(frame.ToArray());")]
        [InlineData("IEnumerable<byte> frame = body; frame = frame.Concat([|BitConverter.GetBytes(length)|]); socket.Send(frame.ToArray());")]
        public Task Host_order_bytes_concatenated_and_sent_are_reported(string body)
            => Verify.VerifyAnalyzerAsync(InMethod(body));

        [Fact]
        public Task Both_host_order_sides_of_a_Concat_are_reported()
            => Verify.VerifyAnalyzerAsync(InMethod(
                "socket.Send([|BitConverter.GetBytes(length)|].Concat([|BitConverter.GetBytes((short)value)|]).ToArray());"));

        [Theory]
        [InlineData("var list = [|BitConverter.GetBytes(length)|].ToList(); list.AddRange(body); socket.Send(list.ToArray());")]
        [InlineData("var list = body.ToList(); list.InsertRange(0, [|BitConverter.GetBytes(length)|].AsEnumerable()); socket.Send(list.ToArray());")]
        [InlineData("socket.Send([|BitConverter.GetBytes(length)|].Append((byte)0).ToArray());")]
        [InlineData("socket.Send([|BitConverter.GetBytes(length)|].Prepend((byte)7).Concat(body).ToArray());")]
        [InlineData("socket.Send([|BitConverter.GetBytes(length)|].AsEnumerable().ToArray());")]
        [InlineData("socket.Send([|BitConverter.GetBytes(length)|].Take(2).ToArray());")]
        [InlineData("socket.Send([|BitConverter.GetBytes((long)length)|].Skip(4).ToArray());")]
        public Task Host_order_bytes_through_ToList_Append_Prepend_AsEnumerable_Skip_or_Take_are_reported(string body)
            => Verify.VerifyAnalyzerAsync(InMethod(body));

        [Fact]
        public Task Concatenated_frame_copied_into_a_send_buffer_is_reported()
            => Verify.VerifyAnalyzerAsync(InMethod(
                "var frame = [|BitConverter.GetBytes(length)|].Concat(body).ToArray(); var buffer = new byte[64]; Buffer.BlockCopy(frame, 0, buffer, 0, frame.Length); socket.Send(buffer);"));

        // ------------------------------------------------------------ SOCK020: converted, reversed, changed or not sent

        [Theory]
        [InlineData("var prefix = BitConverter.GetBytes(IPAddress.HostToNetworkOrder(body.Length)); socket.Send(prefix.Concat(body).ToArray());")]
        [InlineData("var prefix = new byte[4]; BinaryPrimitives.WriteInt32BigEndian(prefix, body.Length); socket.Send(prefix.Concat(body).ToArray());")]
        [InlineData("var prefix = BitConverter.GetBytes(body.Length); BinaryPrimitives.WriteInt32BigEndian(prefix, body.Length); socket.Send(prefix.Concat(body).ToArray());")]
        [InlineData("var n = BinaryPrimitives.ReverseEndianness(length); socket.Send(BitConverter.GetBytes(n).Concat(body).ToArray());")]
        public Task Converted_before_the_Concat_is_quiet(string body)
            => Verify.VerifyAnalyzerAsync(InMethod(body));

        // Enumerable.Reverse is the manual swap, as Array.Reverse is: quiet whether or not it depends on IsLittleEndian.
        [Theory]
        [InlineData("var prefix = BitConverter.GetBytes(length); if (BitConverter.IsLittleEndian) prefix = prefix.Reverse().ToArray(); socket.Send(prefix.Concat(body).ToArray());")]
        [InlineData("IEnumerable<byte> prefix = BitConverter.GetBytes(length); if (BitConverter.IsLittleEndian) { prefix = prefix.Reverse(); } socket.Send(prefix.Concat(body).ToArray());")]
        [InlineData("var prefix = BitConverter.GetBytes(length); socket.Send((BitConverter.IsLittleEndian ? prefix.Reverse() : prefix).Concat(body).ToArray());")]
        [InlineData("socket.Send(BitConverter.GetBytes(length).Reverse().Concat(body).ToArray());")]
        [InlineData("socket.Send(BitConverter.GetBytes(length).Concat(body).Reverse().ToArray());")]
        public Task Reversed_with_Enumerable_Reverse_is_quiet_like_Array_Reverse(string body)
            => Verify.VerifyAnalyzerAsync(InMethod(body));

        [Theory]
        [InlineData("var prefix = [|BitConverter.GetBytes(length)|]; var reversed = prefix.Reverse().ToArray(); socket.Send(prefix.Concat(body).ToArray());")]
        [InlineData("var prefix = [|BitConverter.GetBytes(length)|]; if (value > 0) prefix = prefix.Reverse().ToArray(); socket.Send(prefix.Concat(body).ToArray());")]
        public Task Reversed_copy_not_sent_or_reversed_on_some_paths_only_is_reported(string body)
            => Verify.VerifyAnalyzerAsync(InMethod(body));

        [Theory]
        [InlineData("socket.Send(BitConverter.GetBytes(length).Select(b => (byte)(b ^ 0xFF)).Concat(body).ToArray());")]
        [InlineData("socket.Send(BitConverter.GetBytes(length).Where(b => b != 0).Concat(body).ToArray());")]
        [InlineData("socket.Send(BitConverter.GetBytes(length).OrderBy(b => b).ToArray());")]
        [InlineData("socket.Send(BitConverter.GetBytes(length).Distinct().ToArray());")]
        public Task Bytes_whose_values_or_order_LINQ_changes_are_quiet(string body)
            => Verify.VerifyAnalyzerAsync(InMethod(body));

        [Theory]
        [InlineData("var frame = BitConverter.GetBytes(length).Concat(body).ToArray(); Process(frame);")]
        [InlineData("File.WriteAllBytes(\"frame.bin\", BitConverter.GetBytes(length).Concat(body).ToArray());")]
        [InlineData("unknown.Write(BitConverter.GetBytes(length).Concat(body).ToArray());")]
        [InlineData("var frame = BitConverter.GetBytes(length).Concat(body).ToList(); Console.WriteLine(frame.Count);")]
        public Task Concatenated_bytes_never_sent_are_quiet(string body)
            => Verify.VerifyAnalyzerAsync(InMethod(body));

        [Theory]
        [InlineData("socket.Send(BitConverter.GetBytes(0).Concat(body).ToArray());")]
        [InlineData("socket.Send(body.Concat(BitConverter.GetBytes(-1)).ToArray());")]
        [InlineData("socket.Send(BitConverter.GetBytes((ushort)0).Append((byte)1).ToArray());")]
        public Task Constant_whose_bytes_read_the_same_in_either_order_is_quiet(string body)
            => Verify.VerifyAnalyzerAsync(InMethod(body));

        // Every Enumerable row resolves in every reference set; .NET 10 adds Enumerable.Reverse<T>(T[]), which arrays then bind to.
        [Theory]
        [InlineData("net8.0")]
        [InlineData("net10.0")]
        [InlineData("netstandard2.0")]
        public Task Length_prefix_through_Concat_is_reported_and_a_prefix_reversed_on_little_endian_hosts_is_quiet_on_every_reference_set(string set)
        {
            var test = new SocketAnalyzerTest
            {
                TestCode = """
                    using System;
                    using System.Linq;
                    using System.Net.Sockets;

                    class Wire
                    {
                        void Send(TcpClient client, byte[] body)
                        {
                            byte[] prefix = {|SOCK020:BitConverter.GetBytes(body.Length)|};
                            byte[] frame = prefix.Concat(body).ToArray();
                            client.GetStream().Write(frame, 0, frame.Length);

                            byte[] swapped = BitConverter.GetBytes(body.Length);
                            if (BitConverter.IsLittleEndian)
                            {
                                swapped = swapped.Reverse().ToArray();
                            }

                            byte[] converted = swapped.Concat(body).ToArray();
                            client.GetStream().Write(converted, 0, converted.Length);
                        }
                    }
                    """,
                References = set switch
                {
                    "net10.0" => ReferenceSet.Net100,
                    "netstandard2.0" => ReferenceSet.NetStandard20,
                    _ => ReferenceSet.Net80,
                },
            };
            return test.RunAsync();
        }

        // ------------------------------------------------------------ SOCK020: across methods

        [Fact]
        public Task Frame_built_with_Concat_and_returned_to_a_sender_is_reported_at_the_write()
        {
            var test = new SocketAnalyzerTest
            {
                TestCode = SOCK020HostOrderWriteTests.Usings + """
                    static class Framing
                    {
                        public static byte[] Frame(byte[] body)
                        {
                            var prefix = {|SOCK020:BitConverter.GetBytes(body.Length)|};
                            return prefix.Concat(body).ToArray();
                        }
                    }

                    sealed class Program
                    {
                        static void Main(TcpClient client, byte[] body)
                        {
                            var frame = Framing.Frame(body);
                            client.GetStream().Write(frame, 0, frame.Length);
                        }
                    }
                    """,
            };
            return test.RunAsync();
        }

        [Fact]
        public Task Frame_concatenated_into_a_private_field_and_sent_by_another_method_is_reported_at_the_write()
        {
            var test = new SocketAnalyzerTest
            {
                TestCode = SOCK020HostOrderWriteTests.Usings + """
                    sealed class Packet
                    {
                        private byte[] frame = Array.Empty<byte>();

                        public void Build(byte[] body) => frame = {|SOCK020:BitConverter.GetBytes(body.Length)|}.Concat(body).ToArray();

                        public void SendTo(Socket socket) => socket.Send(frame);
                    }
                    """,
            };
            return test.RunAsync();
        }

        [Fact]
        public Task Returned_host_order_bytes_concatenated_by_the_sender_are_reported_at_the_write()
        {
            var test = new SocketAnalyzerTest
            {
                TestCode = SOCK020HostOrderWriteTests.Usings + """
                    static class Header
                    {
                        public static byte[] Of(int length) => {|SOCK020:BitConverter.GetBytes(length)|};
                    }

                    sealed class Program
                    {
                        static void Main(Socket socket, byte[] body)
                        {
                            socket.Send(Header.Of(body.Length).Concat(body).ToArray());
                        }
                    }
                    """,
            };
            return test.RunAsync();
        }

        [Fact]
        public Task Returned_host_order_bytes_concatenated_and_given_to_unknown_code_are_quiet()
        {
            var test = new SocketAnalyzerTest
            {
                TestCode = SOCK020HostOrderWriteTests.Usings + """
                    static class Header
                    {
                        public static byte[] Of(int length) => BitConverter.GetBytes(length);
                    }

                    sealed class Program
                    {
                        static void Main(Socket socket, byte[] body)
                        {
                            var frame = Header.Of(body.Length).Concat(body).ToArray();
                            File.WriteAllBytes("frame.bin", frame);
                            socket.Send(frame);
                        }
                    }
                    """,
            };
            return test.RunAsync();
        }

        // ------------------------------------------------------------ SOCK020: the code fix on the new shape

        [Fact]
        public Task Fix_writes_the_prefix_local_big_endian_before_the_Concat()
            => VerifyFix.VerifyCodeFixAsync(
                SOCK020HostOrderWriteTests.InMethod("var body = new byte[8];\n        var prefix = [|BitConverter.GetBytes(body.Length)|];\n        socket.Send(prefix.Concat(body).ToArray());"),
                SOCK020HostOrderWriteTests.InMethod("var body = new byte[8];\n        var prefix = new byte[4];\n        BinaryPrimitives.WriteInt32BigEndian(prefix, body.Length);\n        socket.Send(prefix.Concat(body).ToArray());"));

        [Fact]
        public Task Fix_All_converts_both_sides_of_a_Concat_in_place()
            => VerifyFix.VerifyCodeFixAsync(
                SOCK020HostOrderWriteTests.InMethod("socket.Send([|BitConverter.GetBytes(length)|].Concat([|BitConverter.GetBytes((short)value)|]).ToArray());"),
                SOCK020HostOrderWriteTests.InMethod("socket.Send(BitConverter.GetBytes(IPAddress.HostToNetworkOrder(length)).Concat(BitConverter.GetBytes(IPAddress.HostToNetworkOrder((short)value))).ToArray());"));

        // ------------------------------------------------------------ SOCK021: received bytes through LINQ

        private static string ReadMethod(string body) => SOCK020HostOrderWriteTests.Usings + $$"""
            class C
            {
                long M(NetworkStream network, Socket socket, byte[] given)
                {
                    long result = 0;
                    var head = new byte[8];
                    {{body}}
                    return result;
                }
            }
            """;

        [Theory]
        [InlineData("network.ReadExactly(head); result = [|BitConverter.ToInt32(head.Skip(4).Take(4).ToArray(), 0)|];")]
        [InlineData("network.ReadExactly(head); var part = head.Skip(4).Take(4).ToArray(); result = [|BitConverter.ToInt32(part, 0)|];")]
        [InlineData("network.ReadExactly(head); var all = head.Concat(given).ToList(); result = [|BitConverter.ToInt64(all.ToArray(), 0)|];")]
        [InlineData("network.ReadExactly(head); result = [|BitConverter.ToInt32(head.AsSpan(4).ToArray(), 0)|];")]
        public Task Received_bytes_read_through_LINQ_or_a_copy_in_host_order_are_reported(string body)
            => VerifyRead.VerifyAnalyzerAsync(ReadMethod(body));

        [Fact]
        public Task Fix_reads_the_LINQ_copy_of_received_bytes_big_endian()
            => VerifyReadFix.VerifyCodeFixAsync(
                ReadMethod("network.ReadExactly(head);\n        result = [|BitConverter.ToInt32(head.Skip(4).Take(4).ToArray(), 0)|];"),
                ReadMethod("network.ReadExactly(head);\n        result = BinaryPrimitives.ReadInt32BigEndian(head.Skip(4).Take(4).ToArray());"));

        [Theory]
        [InlineData("network.ReadExactly(head); result = BitConverter.ToInt32(head.Take(4).Reverse().ToArray(), 0);")]
        [InlineData("network.ReadExactly(head); var part = head.Take(4).ToArray(); if (BitConverter.IsLittleEndian) part = part.Reverse().ToArray(); result = BitConverter.ToInt32(part, 0);")]
        [InlineData("network.ReadExactly(head); result = IPAddress.NetworkToHostOrder(BitConverter.ToInt32(head.Skip(4).ToArray(), 0));")]
        [InlineData("network.ReadExactly(head); result = BitConverter.ToInt32(head.Select(b => (byte)(b ^ 0x5A)).ToArray(), 0);")]
        [InlineData("result = BitConverter.ToInt32(given.Skip(4).Take(4).ToArray(), 0);")]
        public Task Received_bytes_reversed_converted_changed_or_not_received_are_quiet(string body)
            => VerifyRead.VerifyAnalyzerAsync(ReadMethod(body));

        // ------------------------------------------------------------ per-document and span analysis

        private const string NetworkCode = """
            using System;
            using System.Linq;
            using System.Net.Sockets;

            class Wire
            {
                void Send(TcpClient client, byte[] body)
                {
                    byte[] prefix = BitConverter.GetBytes(body.Length);
                    byte[] frame = prefix.Concat(body).ToArray();
                    client.GetStream().Write(frame, 0, frame.Length);
                }

                int Read(NetworkStream stream)
                {
                    var head = new byte[8];
                    stream.ReadExactly(head);
                    return BitConverter.ToInt32(head.Skip(4).Take(4).ToArray(), 0);
                }
            }
            """;

        private const string OtherCode = """
            class Other
            {
                int Twice(int x) => x * 2;
            }
            """;

        private static CompilationWithAnalyzers Create(out SyntaxTree network)
        {
            network = CSharpSyntaxTree.ParseText(NetworkCode, path: "Wire.cs");
            return TwoFileProject.Create("Linq", OtherCode, network, ImmutableArray.Create<DiagnosticAnalyzer>(new SOCK020HostOrderWriteAnalyzer(), new SOCK021HostOrderReadAnalyzer()));
        }

        [Fact]
        public async Task Per_document_analysis_finds_the_LINQ_findings_whole_compilation_analysis_finds()
        {
            var whole = await Create(out _).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            Assert.Equal(new[] { "SOCK020@8", "SOCK021@17" }, TwoFileProject.Describe(whole));

            var withAnalyzers = Create(out var network);
            var model = withAnalyzers.Compilation.GetSemanticModel(withAnalyzers.Compilation.SyntaxTrees.Single(t => t.FilePath == network.FilePath));
            var perDocument = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, null, CancellationToken.None);
            Assert.Equal(TwoFileProject.Describe(whole), TwoFileProject.Describe(perDocument));
        }

        [Theory]
        [InlineData("Send", "SOCK020@8")]
        [InlineData("Read", "SOCK021@17")]
        public async Task Span_based_analysis_of_one_method_keeps_its_LINQ_finding(string method, string expected)
        {
            var withAnalyzers = Create(out var network);
            var tree = withAnalyzers.Compilation.SyntaxTrees.Single(t => t.FilePath == network.FilePath);
            var model = withAnalyzers.Compilation.GetSemanticModel(tree);
            var declaration = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.Text == method);
            var diagnostics = TwoFileProject.Describe(await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, declaration.Span, CancellationToken.None));

            Assert.Contains(expected, diagnostics);
            Assert.Subset(new HashSet<string> { "SOCK020@8", "SOCK021@17" }, new HashSet<string>(diagnostics));
        }
    }
}
