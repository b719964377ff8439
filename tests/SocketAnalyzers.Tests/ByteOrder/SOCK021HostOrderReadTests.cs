using System.Threading.Tasks;
using SocketAnalyzers.Tests.Verifiers;
using Xunit;
using Verify = SocketAnalyzers.Tests.Verifiers.AnalyzerVerifier<SocketAnalyzers.ByteOrder.SOCK021HostOrderReadAnalyzer>;

namespace SocketAnalyzers.Tests.ByteOrder
{
    public sealed class SOCK021HostOrderReadTests
    {
        private static string InMethod(string body) => SOCK020HostOrderWriteTests.Usings + $$"""
            class C
            {
                byte[] field = new byte[16];

                async Task<long> M(Socket socket, UdpClient udp, TcpClient tcp, NetworkStream network, SslStream ssl, Stream unknown, byte[] given)
                {
                    long result = 0;
                    var buffer = new byte[16];
                    {{body}}
                    return result;
                }
            }
            """;

        [Theory]
        [InlineData("var n = socket.Receive(buffer); if (n >= 4 && !BitConverter.IsLittleEndian) result = BitConverter.ToInt32(buffer, 0);")]
        [InlineData("var n = socket.Receive(buffer); if (n < 4) return 0; if (BitConverter.IsLittleEndian) { Array.Reverse(buffer, 0, 4); result = BitConverter.ToInt32(buffer, 0); } else { result = BitConverter.ToInt32(buffer, 0); }")]
        public Task Read_in_host_order_where_the_host_is_big_endian_is_quiet(string body)
            => Verify.VerifyAnalyzerAsync(InMethod(body));

        /// <summary>
        /// fresh61 (an A2S query tool scanned one file at a time): <c>Name = utils.ReadNullTerminatedString(ref br);</c>, with
        /// <c>utils</c> in another file, does not bind there. Bound, a call given the reader by <c>ref</c> may replace it and
        /// keeps the later reads quiet; unbound, it is unknown all the same, and unknown stays quiet.
        /// </summary>
        [Theory]
        [InlineData("var name = {|CS0103:Utils|}.ReadNullTerminatedString(ref reader);")]
        [InlineData("{|CS0103:Utils|}.Skip(1, ref reader);")]
        [InlineData("var reader2 = reader; {|CS0103:Utils|}.Skip(out reader);")]
        public Task Reader_given_by_ref_to_a_call_that_did_not_bind_is_unknown(string call)
            => Verify.VerifyAnalyzerAsync(InMethod($"var reader = new BinaryReader(new MemoryStream(udp.Receive(ref Unused.From))); {call} result = reader.ReadInt16();")
                + "\nstatic class Unused { public static IPEndPoint From; }");

        /// <summary>Given by value, or to a call that binds and takes it by value, the reader is the same one: still reported.</summary>
        [Theory]
        [InlineData("var name = {|CS0103:Utils|}.ReadNullTerminatedString(reader);")]
        [InlineData("Console.WriteLine(reader);")]
        public Task Reader_given_by_value_to_any_call_is_still_reported(string call)
            => Verify.VerifyAnalyzerAsync(InMethod($"var reader = new BinaryReader(new MemoryStream(udp.Receive(ref Unused.From))); {call} result = [|reader.ReadInt16()|];")
                + "\nstatic class Unused { public static IPEndPoint From; }");

        /// <summary>
        /// fresh68 (a course's time client): <c>byte[] responseBytes = buffer[..readCount];</c> then
        /// <c>BitConverter.ToInt64(responseBytes)</c>. An array's range is a copy of the received bytes, as <c>ToArray</c>
        /// is, whether it starts at the array's start or further on.
        /// </summary>
        [Theory]
        [InlineData("var n = socket.Receive(buffer); var copy = buffer[..n]; result = [|BitConverter.ToInt64(copy)|];")]
        [InlineData("var n = socket.Receive(buffer); var copy = buffer[0..n]; result = [|BitConverter.ToInt64(copy, 0)|];")]
        [InlineData("var n = socket.Receive(buffer); if (n < 8) return 0; var copy = buffer[4..]; result = [|BitConverter.ToInt32(copy)|];")]
        [InlineData("var n = socket.Receive(buffer); byte[] copy; copy = buffer[..n]; var again = copy[..4]; result = [|BitConverter.ToInt32(again, 0)|];")]
        [InlineData("var n = await network.ReadAsync(buffer); if (n < 16) return 0; var copy = buffer[^8..]; result = [|BitConverter.ToInt64(copy)|];")]
        public Task Read_in_host_order_from_a_range_of_the_received_bytes_is_reported(string body)
            => Verify.VerifyAnalyzerAsync(InMethod(body));

        /// <summary>The same copies converted, or a range of bytes that were never received, stay quiet.</summary>
        [Theory]
        [InlineData("var n = socket.Receive(buffer); var copy = buffer[..n]; result = BinaryPrimitives.ReadInt64BigEndian(copy);")]
        [InlineData("var n = socket.Receive(buffer); var copy = buffer[..n]; result = IPAddress.NetworkToHostOrder(BitConverter.ToInt64(copy));")]
        [InlineData("var n = socket.Receive(buffer); var copy = given[..8]; result = BitConverter.ToInt64(copy) + n;")]
        [InlineData("var n = socket.Receive(buffer); var copy = buffer[..n]; if (!BitConverter.IsLittleEndian) result = BitConverter.ToInt64(copy);")]
        public Task Read_of_a_range_converted_or_not_received_is_quiet(string body)
            => Verify.VerifyAnalyzerAsync(InMethod(body));

        [Fact]
        public Task Read_in_host_order_after_a_big_endian_branch_joins_is_still_reported()
            => Verify.VerifyAnalyzerAsync(InMethod("var n = socket.Receive(buffer); if (n < 4) return 0; if (!BitConverter.IsLittleEndian) { Console.WriteLine(\"big-endian host\"); } result = [|BitConverter.ToInt32(buffer, 0)|];"));

        [Theory]
        [InlineData("ToInt16")]
        [InlineData("ToUInt16")]
        [InlineData("ToInt32")]
        [InlineData("ToUInt32")]
        [InlineData("ToInt64")]
        [InlineData("ToUInt64")]
        [InlineData("ToSingle")]
        [InlineData("ToDouble")]
        [InlineData("ToChar")]
        public Task Every_BitConverter_read_of_received_bytes_is_reported(string method)
            => Verify.VerifyAnalyzerAsync(InMethod($"var n = socket.Receive(buffer); if (n >= 8) result = (long)[|BitConverter.{method}(buffer, 0)|];"));

        [Theory]
        [InlineData("var n = socket.Receive(buffer);")]
        [InlineData("var n = socket.Receive(buffer, SocketFlags.None);")]
        [InlineData("var n = socket.Receive(buffer, 0, 8, SocketFlags.None);")]
        [InlineData("var n = socket.Receive(buffer.AsSpan());")]
        [InlineData("var n = await socket.ReceiveAsync(buffer.AsMemory(), SocketFlags.None);")]
        [InlineData("var n = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), SocketFlags.None).ConfigureAwait(false);")]
        [InlineData("EndPoint from = new IPEndPoint(IPAddress.Any, 0); var n = socket.ReceiveFrom(buffer, ref from);")]
        [InlineData("var n = network.Read(buffer, 0, buffer.Length);")]
        [InlineData("var n = network.Read(buffer);")]
        [InlineData("var n = await network.ReadAsync(buffer, 0, 8);")]
        [InlineData("var n = await network.ReadAsync(buffer.AsMemory(0, 8));")]
        [InlineData("network.ReadExactly(buffer, 0, 8); var n = 8;")]
        [InlineData("await network.ReadExactlyAsync(buffer.AsMemory(0, 8)); var n = 8;")]
        [InlineData("var n = network.ReadAtLeast(buffer, 8);")]
        [InlineData("var n = await ssl.ReadAsync(buffer, 0, 8);")]
        [InlineData("var n = tcp.GetStream().Read(buffer, 0, 8);")]
        [InlineData("Stream s = tcp.GetStream(); var n = s.Read(buffer, 0, 8);")]
        public Task BitConverter_read_after_every_network_read_is_reported(string read)
            => Verify.VerifyAnalyzerAsync(InMethod(read + " if (n >= 4) result = [|BitConverter.ToInt32(buffer, 0)|];"));

        [Theory]
        [InlineData("var n = socket.Receive(buffer); if (n >= 8) result = [|BitConverter.ToInt32(buffer.AsSpan(4))|];")]
        [InlineData("var n = socket.Receive(buffer); if (n >= 8) result = [|BitConverter.ToInt32(buffer.AsSpan(4, 4))|];")]
        [InlineData("var n = socket.Receive(buffer); if (n >= 8) result = [|BitConverter.ToInt32(new ReadOnlySpan<byte>(buffer, 4, 4))|];")]
        [InlineData("var n = socket.Receive(buffer); var header = new byte[4]; Buffer.BlockCopy(buffer, 0, header, 0, 4); result = [|BitConverter.ToInt32(header, 0)|] + n;")]
        [InlineData("var n = socket.Receive(buffer); var header = new byte[4]; Array.Copy(buffer, header, 4); result = [|BitConverter.ToUInt32(header, 0)|] + n;")]
        [InlineData("var n = socket.Receive(field); result = [|BitConverter.ToInt64(field, 0)|] + n;")]
        [InlineData("var n = socket.Receive(given); result = [|BitConverter.ToInt64(given, 0)|] + n;")]
        [InlineData("IPEndPoint? from = null; var datagram = udp.Receive(ref from); result = [|BitConverter.ToInt32(datagram, 0)|];")]
        [InlineData("var received = await udp.ReceiveAsync(); result = [|BitConverter.ToInt32(received.Buffer, 0)|];")]
        [InlineData("var n = socket.Receive(buffer); result = [|MemoryMarshal.Read<int>(buffer)|] + n;")]
        [InlineData("var n = socket.Receive(buffer); result = [|Unsafe.ReadUnaligned<int>(ref buffer[4])|] + n;")]
        // Array.Resize keeps the received bytes where they were (fresh18: a datagram cut to its length, then decoded).
        [InlineData("var n = socket.Receive(buffer); Array.Resize(ref buffer, n); result = [|BitConverter.ToInt32(buffer, 0)|];")]
        public Task Received_bytes_through_views_copies_fields_and_datagrams_are_reported(string body)
            => Verify.VerifyAnalyzerAsync(InMethod(body));

        [Theory]
        [InlineData("ReadInt16")]
        [InlineData("ReadUInt16")]
        [InlineData("ReadInt32")]
        [InlineData("ReadUInt32")]
        [InlineData("ReadInt64")]
        [InlineData("ReadUInt64")]
        [InlineData("ReadSingle")]
        [InlineData("ReadDouble")]
        public Task Every_BinaryReader_number_read_over_a_network_stream_is_reported(string method)
            => Verify.VerifyAnalyzerAsync(InMethod($"var reader = new BinaryReader(network); result = (long)[|reader.{method}()|];"));

        [Theory]
        [InlineData("using var reader = new BinaryReader(tcp.GetStream(), Encoding.UTF8, leaveOpen: true); result = [|reader.ReadInt32()|];")]
        [InlineData("result = [|new BinaryReader(ssl).ReadInt64()|];")]
        [InlineData("var n = socket.Receive(buffer); var reader = new BinaryReader(new MemoryStream(buffer, 0, n)); result = [|reader.ReadUInt16()|];")]
        public Task BinaryReader_shapes_over_network_data_are_reported(string body)
            => Verify.VerifyAnalyzerAsync(InMethod(body));

        [Fact]
        public Task Message_names_the_type_and_the_order()
            => Verify.VerifyAnalyzerAsync(InMethod("var n = socket.Receive(buffer); result = {|#0:BitConverter.ToInt32(buffer, 0)|} + n + {|#1:new BinaryReader(network).ReadUInt16()|};"),
                Verify.Diagnostic().WithLocation(0).WithMessage(
                    "The int is read from network data in the host's byte order; network protocols use big-endian (network byte order). Read it big-endian, e.g. with BinaryPrimitives.ReadInt32BigEndian."),
                Verify.Diagnostic().WithLocation(1).WithMessage(
                    "The ushort is read from network data little-endian by BinaryReader; network protocols use big-endian (network byte order). Read it big-endian, e.g. with BinaryPrimitives.ReadUInt16BigEndian."));

        [Theory]
        [InlineData("var n = socket.Receive(buffer); result = IPAddress.NetworkToHostOrder(BitConverter.ToInt32(buffer, 0)) + n;")]
        [InlineData("var n = socket.Receive(buffer); result = BinaryPrimitives.ReverseEndianness(BitConverter.ToUInt32(buffer, 0)) + n;")]
        [InlineData("var n = socket.Receive(buffer); result = n; var v = BitConverter.ToInt32(buffer, 0); v = IPAddress.NetworkToHostOrder(v); result = v + n;")]
        [InlineData("var n = socket.Receive(buffer); if (BitConverter.IsLittleEndian) Array.Reverse(buffer, 0, 4); result = BitConverter.ToInt32(buffer, 0) + n;")]
        [InlineData("var n = socket.Receive(buffer); result = BinaryPrimitives.ReadInt32BigEndian(buffer) + n;")]
        [InlineData("var n = socket.Receive(buffer); result = BinaryPrimitives.ReadInt32LittleEndian(buffer) + n;")]
        [InlineData("var n = socket.Receive(buffer); result = BitConverter.ToBoolean(buffer, 0) ? n : 0; result += buffer[1];")]
        [InlineData("result = BitConverter.ToInt32(given, 0);")]
        [InlineData("var data = File.ReadAllBytes(\"x\"); result = BitConverter.ToInt32(data, 0);")]
        [InlineData("var n = unknown.Read(buffer, 0, 4); result = BitConverter.ToInt32(buffer, 0) + n;")]
        [InlineData("result = BitConverter.ToInt32(buffer, 0); var n = socket.Receive(buffer); result += n;")]
        [InlineData("var n = socket.Receive(buffer); var other = new byte[4]; result = BitConverter.ToInt32(other, 0) + n;")]
        [InlineData("var n = socket.Receive(buffer); Array.Resize(ref buffer, n); Array.Reverse(buffer, 0, 4); result = BitConverter.ToInt32(buffer, 0);")]
        [InlineData("var n = socket.Receive(buffer); Array.Resize(ref buffer, n); buffer = new byte[4]; result = BitConverter.ToInt32(buffer, 0);")]
        [InlineData("var reader = new BinaryReader(network); result = reader.ReadString().Length + reader.ReadByte() + (reader.ReadBoolean() ? 1 : 0) + reader.ReadChar();")]
        [InlineData("var reader = new BinaryReader(unknown); result = reader.ReadInt32();")]
        [InlineData("using var reader = new BinaryReader(File.OpenRead(\"x\")); result = reader.ReadInt32();")]
        [InlineData("var reader = new StreamReader(network); result = int.Parse(reader.ReadLine() ?? \"0\");")]
        [InlineData("var reader = new BinaryReader(network); result = BinaryPrimitives.ReverseEndianness(reader.ReadInt32());")]
        public Task Right_or_unknown_code_is_quiet(string body)
            => Verify.VerifyAnalyzerAsync(InMethod(body));

        // ------------------------------------------------------------ the bytes swapped in place before the decode

        // Swapping the decoded bytes in place (through a temporary, or with a tuple) is the manual reversal, exactly as
        // Array.Reverse(buffer, 0, 2) is: on every path before the decode, it is quiet.
        [Theory]
        [InlineData("var n = socket.Receive(buffer); byte hi = buffer[0]; buffer[0] = {|SOCK012:buffer[1]|}; buffer[1] = hi; result = BitConverter.ToInt16(buffer, 0) + n;")]
        [InlineData("network.ReadExactly(buffer, 0, 2); var lo = buffer[1]; buffer[1] = buffer[0]; buffer[0] = lo; result = BitConverter.ToUInt16(buffer, 0);")]
        [InlineData("network.ReadExactly(buffer); byte t = buffer[0]; buffer[0] = buffer[3]; buffer[3] = t; t = buffer[1]; buffer[1] = buffer[2]; buffer[2] = t; result = BitConverter.ToInt32(buffer, 0);")]
        [InlineData("network.ReadExactly(buffer); byte t = buffer[4]; buffer[4] = buffer[5]; buffer[5] = t; result = BitConverter.ToInt16(buffer, 4);")]
        [InlineData("network.ReadExactly(buffer); if (BitConverter.IsLittleEndian) { byte t = buffer[0]; buffer[0] = buffer[1]; buffer[1] = t; } result = BitConverter.ToInt16(buffer, 0);")]
        [InlineData("network.ReadExactly(buffer); if (socket.Available > 0) { byte t = buffer[0]; buffer[0] = buffer[1]; buffer[1] = t; } else { byte u = buffer[1]; buffer[1] = buffer[0]; buffer[0] = u; } result = BitConverter.ToInt16(buffer, 0);")]
        [InlineData("network.ReadExactly(buffer); byte t = buffer[0]; buffer[0] = buffer[1]; buffer[1] = t; result = BitConverter.ToInt16(buffer.AsSpan(0, 2));")]
        [InlineData("network.ReadExactly(buffer); (buffer[0], buffer[1]) = (buffer[1], buffer[0]); result = BitConverter.ToInt16(buffer, 0);")]
        [InlineData("network.ReadExactly(buffer); (buffer[0], buffer[1], buffer[2], buffer[3]) = (buffer[3], buffer[2], buffer[1], buffer[0]); result = BitConverter.ToInt32(buffer, 0);")]
        [InlineData("network.ReadExactly(buffer); byte hi = buffer[0]; byte lo = buffer[1]; buffer[0] = lo; buffer[1] = hi; result = BitConverter.ToInt16(buffer, 0);")]
        [InlineData("network.ReadExactly(buffer); for (int i = 0; i < 4; i++) { byte lowByte; byte highByte; highByte = buffer[1 + i * 2]; lowByte = buffer[1 + i * 2 + 1]; buffer[1 + i * 2] = lowByte; buffer[1 + i * 2 + 1] = highByte; result += BitConverter.ToInt16(buffer, (1 + i * 2)); }")]
        [InlineData("network.ReadExactly(buffer); var k = (int)result; byte t = buffer[k]; buffer[k] = buffer[k + 1]; buffer[k + 1] = t; result = BitConverter.ToUInt16(buffer, k);")]
        [InlineData("network.ReadExactly(buffer); var k = (int)result; (buffer[k], buffer[k + 3], buffer[k + 1], buffer[k + 2]) = (buffer[k + 3], buffer[k], buffer[k + 2], buffer[k + 1]); result = BitConverter.ToInt32(buffer, k);")]
        public Task Bytes_swapped_in_place_before_the_decode_are_quiet(string body)
            => Verify.VerifyAnalyzerAsync(InMethod(body));

        // Not a reversal of the decoded bytes: some of them only, others, on one path only, before the read, or undone.
        [Theory]
        [InlineData("network.ReadExactly(buffer); byte t = buffer[0]; buffer[0] = buffer[3]; buffer[3] = t; result = [|BitConverter.ToInt32(buffer, 0)|];")]
        [InlineData("network.ReadExactly(buffer); byte t = buffer[0]; buffer[0] = buffer[1]; buffer[1] = t; result = [|BitConverter.ToInt16(buffer, 2)|];")]
        [InlineData("network.ReadExactly(buffer); if (socket.Available > 0) { byte t = buffer[0]; buffer[0] = buffer[1]; buffer[1] = t; } result = [|BitConverter.ToInt16(buffer, 0)|];")]
        [InlineData("network.ReadExactly(buffer); if (socket.Available > 0) { byte t = buffer[0]; buffer[0] = buffer[1]; buffer[1] = t; } else { byte u = buffer[1]; buffer[1] = buffer[2]; buffer[2] = u; } result = [|BitConverter.ToInt16(buffer, 0)|];")]
        [InlineData("byte t = buffer[0]; buffer[0] = buffer[1]; buffer[1] = t; network.ReadExactly(buffer); result = [|BitConverter.ToInt16(buffer, 0)|];")]
        [InlineData("network.ReadExactly(buffer); byte t = buffer[0]; buffer[0] = buffer[1]; buffer[1] = t; t = buffer[0]; buffer[0] = buffer[1]; buffer[1] = t; result = [|BitConverter.ToInt16(buffer, 0)|];")]
        [InlineData("network.ReadExactly(buffer); byte t = buffer[0]; buffer[0] = buffer[1]; buffer[1] = t; network.ReadExactly(buffer, 0, 2); result = [|BitConverter.ToInt16(buffer, 0)|];")]
        [InlineData("network.ReadExactly(buffer); byte t = buffer[0]; buffer[0] = buffer[1]; buffer[1] = (byte)(t + 1); result = [|BitConverter.ToInt16(buffer, 0)|];")]
        [InlineData("network.ReadExactly(buffer); (buffer[0], buffer[3]) = (buffer[3], buffer[0]); result = [|BitConverter.ToInt32(buffer, 0)|];")]
        [InlineData("network.ReadExactly(buffer); for (int i = 0; i < 4; i++) { byte t = buffer[i * 2]; buffer[i * 2] = buffer[i * 2 + 1]; buffer[i * 2 + 1] = t; result += [|BitConverter.ToInt16(buffer, i * 2 + 1)|]; }")]
        [InlineData("network.ReadExactly(buffer); var k = (int)result; var m = k + 1; byte t = buffer[k]; buffer[k] = buffer[m]; buffer[m] = t; result = [|BitConverter.ToUInt16(buffer, k)|];")]
        [InlineData("network.ReadExactly(buffer); var k = (int)result; byte t = buffer[k]; buffer[k] = buffer[k + 1]; buffer[k + 1] = t; k++; result = [|BitConverter.ToUInt16(buffer, k)|];")]
        [InlineData("network.ReadExactly(buffer); var k = (int)result; byte t = buffer[k]; buffer[k] = buffer[k + 3]; buffer[k + 3] = t; result = [|BitConverter.ToInt32(buffer, k)|];")]
        public Task Bytes_swapped_only_partly_or_on_some_paths_are_reported(string body)
            => Verify.VerifyAnalyzerAsync(InMethod(body));

        // ------------------------------------------------------------ the value handed to a swap routine of the project

        private static string WithOwnSwap(string body) => SOCK020HostOrderWriteTests.Usings + $$"""
            class C
            {
                uint M(Socket socket, NetworkStream network)
                {
                    var buffer = new byte[16];
                    uint result = 0;
                    {{body}}
                    return result;
                }

                static uint Swap(uint x) => (x << 24) | ((x & 0xff00) << 8) | ((x >> 8) & 0xff00) | (x >> 24);

                static void SwapInPlace(ref uint x) => x = Swap(x);

                static void Log(uint x) => Console.WriteLine(x);

                static string Describe(uint x) => x.ToString();
            }
            """;

        // A project method the value is handed to and whose result is used instead (or that takes it by ref) may be its
        // own byte swap: the value's order is unknown, and unknown is quiet.
        [Theory]
        [InlineData("network.ReadExactly(buffer, 0, 4); uint v = BitConverter.ToUInt32(buffer, 0); v = Swap(v); result = v;")]
        [InlineData("network.ReadExactly(buffer, 0, 4); result = Swap(BitConverter.ToUInt32(buffer, 0));")]
        [InlineData("network.ReadExactly(buffer, 0, 4); var v = BitConverter.ToUInt32(buffer, 0); result = Swap(v);")]
        [InlineData("network.ReadExactly(buffer, 0, 4); var v = BitConverter.ToUInt32(buffer, 0); SwapInPlace(ref v); result = v;")]
        [InlineData("int n = socket.Receive(buffer); if (n != 4) throw new Exception(); uint v = BitConverter.ToUInt32(buffer, 0); v = Swap(v); result = v;")]
        public Task A_value_given_to_a_swap_routine_of_the_project_is_quiet(string body)
            => Verify.VerifyAnalyzerAsync(WithOwnSwap(body));

        // A project method that does not give a number back (or whose result is dropped), or a framework method, is no swap.
        [Theory]
        [InlineData("network.ReadExactly(buffer, 0, 4); var v = [|BitConverter.ToUInt32(buffer, 0)|]; Log(v); result = v;")]
        [InlineData("network.ReadExactly(buffer, 0, 4); var v = [|BitConverter.ToUInt32(buffer, 0)|]; Swap(v); result = v;")]
        [InlineData("network.ReadExactly(buffer, 0, 4); var v = [|BitConverter.ToUInt32(buffer, 0)|]; result = (uint)Describe(v).Length + v;")]
        [InlineData("network.ReadExactly(buffer, 0, 4); var v = [|BitConverter.ToUInt32(buffer, 0)|]; v = Math.Max(v, 1u); result = v;")]
        public Task A_value_given_to_no_swap_routine_is_reported(string body)
            => Verify.VerifyAnalyzerAsync(WithOwnSwap(body));

        [Fact]
        public Task Little_endian_wire_option_turns_the_rule_off()
        {
            var test = new SocketAnalyzerTest { TestCode = InMethod("var n = socket.Receive(buffer); result = BitConverter.ToInt32(buffer, 0) + n + new BinaryReader(network).ReadInt32();") };
            test.EditorConfig = "root = true\n[*.cs]\nsocket_analyzers.wire_byte_order = little_endian";
            return test.RunAsync();
        }

        [Fact]
        public Task Compilation_without_sockets_expects_nothing()
            => Verify.VerifyAnalyzerAsync("""
                using System;
                using System.IO;

                class C
                {
                    int M(Stream s, byte[] b) => s.Read(b, 0, 4) + BitConverter.ToInt32(b, 0);
                }
                """);

        [Theory]
        [InlineData("network.ReadExactly(buffer); byte t = buffer[; buffer[0] = buffer[1]; buffer[1] = t; result = [|BitConverter.ToInt16(buffer, 0)|];")]
        [InlineData("network.ReadExactly(buffer); byte t = buffer[0]; buffer[0] = buffer[1]; buffer[] = t; result = [|BitConverter.ToInt16(buffer, 0)|];")]
        [InlineData("network.ReadExactly(buffer); byte t = buffer[i]; buffer[i] = buffer[i + ]; buffer[i + 1] = t; result = BitConverter.ToInt16(buffer, i);")]
        [InlineData("network.ReadExactly(buffer); (buffer[0], buffer[1]) = (buffer[1]; result = BitConverter.ToInt16(buffer, 0);")]
        [InlineData("network.ReadExactly(buffer); (buffer[0], buffer[1], x) = (buffer[1], buffer[0]); result = BitConverter.ToInt16(buffer, 0);")]
        [InlineData("network.ReadExactly(buffer); byte h = buffer[0]; byte l = buffer[1]; buffer[0] = l; buffer[1] = ; result = BitConverter.ToInt16(buffer, 0 + );")]
        [InlineData("network.ReadExactly(buffer, 0, 4); var v = [|BitConverter.ToUInt32(buffer, 0)|]; v = Swap(v; result = v;")]
        [InlineData("network.Write(buffer, 0, buffer.Length - ); network.Write(buffer, , 2); socket.Send(buffer, 0, buffer.Length -, SocketFlags.None);")]
        // Half-typed swaps and send ranges: no analyzer exception; a swap that is not one leaves the read reported.
        public Task Broken_swaps_and_send_ranges_do_not_crash(string body)
        {
            var test = new SocketAnalyzerTest { TestCode = InMethod(body), DefaultDiagnosticId = "SOCK021" };
            test.AllowCompilerErrors = true;
            return test.RunAsync();
        }

        [Fact]
        public Task Broken_code_does_not_crash()
        {
            var test = new SocketAnalyzerTest { TestCode = InMethod("var n = socket.Receive(; result = BitConverter.ToInt32(buffer, ; new BinaryReader().ReadInt32(") };
            test.AllowCompilerErrors = true;
            return test.RunAsync();
        }

        // ---- new IPAddress(long) takes the address in memory order (fresh64: a ping tool's IPv4 header) ----

        [Theory]
        [InlineData("var n = socket.Receive(buffer); if (n < 20) return 0; var source = new IPAddress(BitConverter.ToUInt32(buffer, 12)); result = source.GetAddressBytes()[0];")]
        [InlineData("var n = socket.Receive(buffer); if (n < 20) return 0; result = new IPAddress((long)BitConverter.ToUInt32(buffer, 12)).GetAddressBytes()[0];")]
        public Task Wire_bytes_read_in_host_order_straight_into_new_IPAddress_are_quiet(string body)
            => Verify.VerifyAnalyzerAsync(InMethod(body));

        [Theory]
        // Kept in a local first, or given to another API: the read is judged as any other.
        [InlineData("var n = socket.Receive(buffer); if (n < 20) return 0; var raw = [|BitConverter.ToUInt32(buffer, 12)|]; result = raw;")]
        [InlineData("var n = socket.Receive(buffer); if (n < 20) return 0; result = new TimeSpan([|BitConverter.ToInt64(buffer, 8)|]).Ticks;")]
        public Task Wire_bytes_read_in_host_order_for_anything_else_are_reported(string body)
            => Verify.VerifyAnalyzerAsync(InMethod(body));
    }
}
