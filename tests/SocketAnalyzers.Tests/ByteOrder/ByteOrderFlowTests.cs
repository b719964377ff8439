using System.Threading.Tasks;
using SocketAnalyzers.Tests.Verifiers;
using Xunit;
using Verify = SocketAnalyzers.Tests.Verifiers.AnalyzerVerifier<SocketAnalyzers.ByteOrder.SOCK020HostOrderWriteAnalyzer>;

namespace SocketAnalyzers.Tests.ByteOrder
{
    /// <summary>
    /// The byte-order rules as checks on the flow kernel: a write is reported when some real path carries its bytes to
    /// a send (never merely because the send comes later in the source), and not when every path overwrites or
    /// reverses them first; likewise for received bytes (SOCK021) and converted ports (SOCK022).
    /// </summary>
    public sealed class ByteOrderFlowTests
    {
        private static string InMethod(string body) => SOCK020HostOrderWriteTests.InMethod(body);

        // ------------------------------------------------------------ SOCK020: branches

        [Theory]
        [InlineData("var b = new byte[4]; if (value > 0) { BitConverter.GetBytes(length).CopyTo(b, 0); Process(b); } else { socket.Send(b); }")]
        [InlineData("byte[] b = Array.Empty<byte>(); if (value > 0) b = BitConverter.GetBytes(length); else socket.Send(b);")]
        [InlineData("var b = new byte[4]; if (value > 0) BitConverter.TryWriteBytes(b, length); else await network.WriteAsync(b);")]
        [InlineData("var b = new byte[4]; switch (value) { case 1: BitConverter.GetBytes(length).CopyTo(b, 0); break; default: socket.Send(b); break; }")]
        [InlineData("var b = new byte[4]; if (value > 0) { BitConverter.GetBytes(length).CopyTo(b, 0); return; } socket.Send(b);")]
        public Task Written_in_one_branch_and_sent_from_the_other_is_quiet(string body)
            => Verify.VerifyAnalyzerAsync(InMethod(body));

        // A number written in the host's order where BitConverter.IsLittleEndian is false is in network order: the host is
        // big-endian there (fresh13 audit: the length prefix reversed on little-endian hosts, taken as it is on the others).
        [Theory]
        [InlineData("byte[] prefix; if (BitConverter.IsLittleEndian) { prefix = BitConverter.GetBytes(length).Reverse().ToArray(); } else { prefix = BitConverter.GetBytes(length); } network.Write(prefix, 0, prefix.Length);")]
        [InlineData("byte[] prefix; if (!BitConverter.IsLittleEndian) { prefix = BitConverter.GetBytes(length); } else { prefix = BitConverter.GetBytes(BinaryPrimitives.ReverseEndianness(length)); } socket.Send(prefix);")]
        [InlineData("var b = new byte[4]; if (BitConverter.IsLittleEndian == false) { BitConverter.TryWriteBytes(b, length); socket.Send(b); }")]
        public Task Written_in_host_order_where_the_host_is_big_endian_is_quiet(string body)
            => Verify.VerifyAnalyzerAsync(InMethod(body));

        [Theory]
        [InlineData("byte[] prefix; if (BitConverter.IsLittleEndian) { prefix = [|BitConverter.GetBytes(length)|]; } else { prefix = BitConverter.GetBytes(length); } socket.Send(prefix);")]
        [InlineData("byte[] prefix = null; if (!BitConverter.IsLittleEndian) { prefix = BitConverter.GetBytes(length); } prefix = [|BitConverter.GetBytes(length)|]; socket.Send(prefix);")]
        [InlineData("if (!BitConverter.IsLittleEndian) { var w = new BinaryWriter(network); [|w.Write(length)|]; }")]
        public Task Written_in_host_order_where_the_host_may_be_little_endian_is_still_reported(string body)
            => Verify.VerifyAnalyzerAsync(InMethod(body));

        [Theory]
        [InlineData("var b = new byte[4]; if (value > 0) { [|BitConverter.GetBytes(length)|].CopyTo(b, 0); } else { Process(b); } socket.Send(b);")]
        [InlineData("byte[] b = Array.Empty<byte>(); if (value > 0) b = [|BitConverter.GetBytes(length)|]; socket.Send(b);")]
        [InlineData("var b = new byte[4]; if (value > 0) [|BitConverter.TryWriteBytes(b, length)|]; await network.WriteAsync(b);")]
        [InlineData("var b = new byte[4]; switch (value) { case 1: [|BitConverter.GetBytes(length)|].CopyTo(b, 0); break; default: break; } socket.Send(b);")]
        public Task Written_in_a_branch_and_sent_after_the_branches_join_is_reported(string body)
            => Verify.VerifyAnalyzerAsync(InMethod(body));

        [Fact]
        public Task A_local_given_two_host_order_values_in_branches_reports_both()
            => Verify.VerifyAnalyzerAsync(InMethod("""
                byte[] b;
                if (value > 0) b = [|BitConverter.GetBytes(length)|];
                else b = [|BitConverter.GetBytes(value)|];
                socket.Send(b);
                var c = value > 0 ? [|BitConverter.GetBytes((short)length)|] : [|BitConverter.GetBytes((long)value)|];
                await network.WriteAsync(c);
                """));

        [Fact]
        public Task A_local_given_two_host_order_values_in_branches_but_never_sent_is_quiet()
            => Verify.VerifyAnalyzerAsync(InMethod("""
                byte[] b;
                if (value > 0) b = BitConverter.GetBytes(length);
                else b = BitConverter.GetBytes(value);
                Process(b);
                """));

        // ------------------------------------------------------------ SOCK020: overwritten or converted before the send

        [Theory]
        [InlineData("var b = BitConverter.GetBytes(length); BinaryPrimitives.WriteInt32BigEndian(b, length); socket.Send(b);")]
        [InlineData("var buffer = new byte[8]; BitConverter.GetBytes(length).CopyTo(buffer, 4); BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(4), length); socket.Send(buffer);")]
        [InlineData("var buffer = new byte[8]; BitConverter.GetBytes(length).CopyTo(buffer, 4); BinaryPrimitives.WriteUInt32LittleEndian(buffer.AsSpan(4, 4), (uint)length); socket.Send(buffer);")]
        [InlineData("var buffer = new byte[8]; BitConverter.TryWriteBytes(buffer.AsSpan(4), length); BitConverter.GetBytes(IPAddress.HostToNetworkOrder(length)).CopyTo(buffer, 4); socket.Send(buffer);")]
        [InlineData("var buffer = new byte[8]; Buffer.BlockCopy(BitConverter.GetBytes(length), 0, buffer, 0, 4); BitConverter.TryWriteBytes(buffer.AsSpan(), IPAddress.HostToNetworkOrder(length)); socket.Send(buffer);")]
        [InlineData("var b = BitConverter.GetBytes(length); b = BitConverter.GetBytes(IPAddress.HostToNetworkOrder(length)); socket.Send(b);")]
        [InlineData("var b = BitConverter.GetBytes(length); if (value > 0) BinaryPrimitives.WriteInt32BigEndian(b, length); else BinaryPrimitives.WriteInt32BigEndian(b, value); socket.Send(b);")]
        public Task Overwritten_big_endian_before_the_send_is_quiet(string body)
            => Verify.VerifyAnalyzerAsync(InMethod(body));

        [Theory]
        [InlineData("var buffer = new byte[8]; [|BitConverter.GetBytes(length)|].CopyTo(buffer, 4); BinaryPrimitives.WriteInt32BigEndian(buffer, value); socket.Send(buffer);")]
        [InlineData("var buffer = new byte[8]; [|BitConverter.TryWriteBytes(buffer.AsSpan(4), length)|]; BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(0, 4), value); socket.Send(buffer);")]
        [InlineData("var b = [|BitConverter.GetBytes(length)|]; if (value > 0) BinaryPrimitives.WriteInt32BigEndian(b, length); socket.Send(b);")]
        [InlineData("var b = [|BitConverter.GetBytes(length)|]; socket.Send(b); BinaryPrimitives.WriteInt32BigEndian(b, length);")]
        public Task Overwritten_elsewhere_or_only_on_some_paths_is_reported(string body)
            => Verify.VerifyAnalyzerAsync(InMethod(body));

        // A copy over some of the bytes leaves the others on the wire: bytes 0 and 1 of the first number are still sent.
        [Theory]
        [InlineData("var a = [|BitConverter.GetBytes(754)|]; var b = [|BitConverter.GetBytes(2)|]; var data = new byte[8]; a.CopyTo(data, 0); b.CopyTo(data, 2); network.Write(data);")]
        [InlineData("var data = new byte[8]; [|BitConverter.GetBytes(length)|].CopyTo(data, 2); BinaryPrimitives.WriteInt16BigEndian(data.AsSpan(4), (short)value); socket.Send(data);")]
        [InlineData("var data = new byte[8]; [|BitConverter.GetBytes(length)|].CopyTo(data, 0); BinaryPrimitives.WriteInt16BigEndian(data.AsSpan(1), (short)value); socket.Send(data);")]
        public Task Overwritten_in_part_is_reported(string body)
            => Verify.VerifyAnalyzerAsync(InMethod(body));

        // The nearest quiet shape: the parts together cover every byte.
        [Fact]
        public Task Overwritten_in_parts_that_cover_every_byte_is_quiet()
            => Verify.VerifyAnalyzerAsync(InMethod("var data = new byte[8]; BitConverter.GetBytes(length).CopyTo(data, 2); BinaryPrimitives.WriteInt16BigEndian(data.AsSpan(2), (short)value); BinaryPrimitives.WriteInt16BigEndian(data.AsSpan(4), (short)length); socket.Send(data);"));

        [Theory]
        [InlineData("var b = BitConverter.GetBytes(length); Array.Reverse(b); socket.Send(b);")]
        [InlineData("var b = BitConverter.GetBytes(length); b.AsSpan().Reverse(); socket.Send(b);")]
        [InlineData("var buffer = new byte[8]; BitConverter.GetBytes(length).CopyTo(buffer, 4); Array.Reverse(buffer, 4, 4); socket.Send(buffer);")]
        [InlineData("length = BinaryPrimitives.ReverseEndianness(length); socket.Send(BitConverter.GetBytes(length));")]
        [InlineData("var swapped = BinaryPrimitives.ReverseEndianness(length); var b = BitConverter.GetBytes(swapped); socket.Send(b);")]
        [InlineData("if (!BitConverter.IsLittleEndian) { } else { length = BinaryPrimitives.ReverseEndianness(length); } socket.Send(BitConverter.GetBytes(length));")]
        [InlineData("var b = BitConverter.GetBytes(length); if (!BitConverter.IsLittleEndian) { } else { Array.Reverse(b); } socket.Send(b);")]
        public Task Converted_by_a_reversal_before_the_send_is_quiet(string body)
            => Verify.VerifyAnalyzerAsync(InMethod(body));

        [Theory]
        [InlineData("var b = [|BitConverter.GetBytes(length)|]; if (value > 0) Array.Reverse(b); socket.Send(b);")]
        [InlineData("var b = [|BitConverter.GetBytes(length)|]; socket.Send(b); Array.Reverse(b);")]
        [InlineData("var b = [|BitConverter.GetBytes(length)|]; var c = new byte[4]; Array.Reverse(c); socket.Send(b);")]
        public Task Reversed_only_on_some_paths_or_after_the_send_is_reported(string body)
            => Verify.VerifyAnalyzerAsync(InMethod(body));

        // ------------------------------------------------------------ SOCK020: where copies and views start, from the catalogue's ordinals

        // Stream.Write(buffer, offset, count) copies buffer[offset..offset+count): the catalogue names the offset, so the
        // bytes at 4..8 are what reach the stream (the parameter-name lookup took the offset as 0 and dropped them).
        [Theory]
        [InlineData("var b = new byte[8]; [|BitConverter.TryWriteBytes(b.AsSpan(4), length)|]; var ms = new MemoryStream(); ms.Write(b, 4, 4); socket.Send(ms.ToArray());")]
        [InlineData("var b = new byte[8]; [|BitConverter.TryWriteBytes(b.AsSpan(4), length)|]; var buffer = new byte[4]; Buffer.BlockCopy(count: 4, dst: buffer, dstOffset: 0, src: b, srcOffset: 4); socket.Send(buffer);")]
        public Task A_copy_of_the_range_that_holds_the_bytes_is_reported(string body)
            => Verify.VerifyAnalyzerAsync(InMethod(body));

        [Theory]
        [InlineData("var b = new byte[8]; BitConverter.TryWriteBytes(b.AsSpan(4), length); var ms = new MemoryStream(); ms.Write(b, 0, 4); socket.Send(ms.ToArray());")]
        [InlineData("var b = new byte[8]; BitConverter.TryWriteBytes(b.AsSpan(4), length); var buffer = new byte[4]; Buffer.BlockCopy(count: 4, dst: buffer, dstOffset: 0, src: b, srcOffset: 0); socket.Send(buffer);")]
        public Task A_copy_of_another_range_is_quiet(string body)
            => Verify.VerifyAnalyzerAsync(InMethod(body));

        // ------------------------------------------------------------ SOCK020: the range a send's offset and count send

        // The offset and count of a send are respected: host-order bytes at known offsets that the range leaves out are
        // not sent (constants, the buffer's own Length minus a constant); bytes at offsets the flow does not know, sent
        // with a count that may leave them out, are unknown.
        [Theory]
        [InlineData("var p = new byte[8]; BitConverter.GetBytes((ushort)length).CopyTo(p, 6); network.Write(p, 0, p.Length - 2);")]
        [InlineData("var p = new byte[8]; BitConverter.GetBytes((ushort)length).CopyTo(p, 6); network.Write(p, 0, 6);")]
        [InlineData("var p = new byte[8]; BitConverter.GetBytes(length).CopyTo(p, 0); await network.WriteAsync(p, 4, 4);")]
        [InlineData("var p = new byte[8]; BitConverter.GetBytes((ushort)length).CopyTo(p, 6); socket.Send(p, 0, p.Length - 2, SocketFlags.None);")]
        [InlineData("var p = new byte[8]; BitConverter.GetBytes((ushort)length).CopyTo(p, 6); socket.Send(p, 6, SocketFlags.None);")]
        [InlineData("var p = new byte[8]; BitConverter.GetBytes((ushort)length).CopyTo(p, 6); udp.Send(p, p.Length - 2);")]
        [InlineData("var l = new List<byte>(); l.Add(1); l.AddRange(BitConverter.GetBytes((ushort)length)); var p = l.ToArray(); network.Write(p, 0, p.Length - 2);")]
        public Task Host_order_bytes_the_sent_range_leaves_out_are_quiet(string body)
            => Verify.VerifyAnalyzerAsync(InMethod(body));

        // The nearest shapes that stay reported: the range covers some of the bytes or the whole buffer; a count the rule
        // cannot read (a variable: the builder's Send(buffer, 0, position)) is the send of what the code built, as before.
        [Theory]
        [InlineData("var p = new byte[8]; [|BitConverter.GetBytes(length)|].CopyTo(p, 4); network.Write(p, 0, value);")]
        [InlineData("var l = new List<byte>(); l.Add(1); l.AddRange([|BitConverter.GetBytes((ushort)length)|]); var p = l.ToArray(); socket.Send(p, 0, value, SocketFlags.None);")]
        [InlineData("var p = new byte[8]; [|BitConverter.GetBytes((ushort)length)|].CopyTo(p, 6); network.Write(p, 0, p.Length);")]
        [InlineData("var p = new byte[8]; [|BitConverter.GetBytes((ushort)length)|].CopyTo(p, 6); network.Write(p, 0, p.Length - 1);")]
        [InlineData("var p = new byte[8]; [|BitConverter.GetBytes(length)|].CopyTo(p, 0); network.Write(p, 2, 4);")]
        [InlineData("var p = new byte[8]; [|BitConverter.GetBytes(length)|].CopyTo(p, 0); socket.Send(p, 0, value, SocketFlags.None);")]
        [InlineData("var p = new byte[8]; [|BitConverter.GetBytes((ushort)length)|].CopyTo(p, 6); socket.Send(p, 0, 8, SocketFlags.None);")]
        [InlineData("var l = new List<byte>(); l.Add(1); l.AddRange([|BitConverter.GetBytes((ushort)length)|]); var p = l.ToArray(); network.Write(p, 0, p.Length);")]
        [InlineData("var l = new List<byte>(); l.Add(1); l.AddRange([|BitConverter.GetBytes((ushort)length)|]); var p = l.ToArray(); network.Write(p);")]
        public Task Host_order_bytes_inside_the_sent_range_are_reported(string body)
            => Verify.VerifyAnalyzerAsync(InMethod(body));

        // ArraySegment<T>.Slice(index) starts at index (the catalogue's view start), so the big-endian write replaces bytes 4..8.
        [Fact]
        public Task Overwritten_through_a_slice_of_a_segment_is_quiet()
            => Verify.VerifyAnalyzerAsync(InMethod("var b = new byte[8]; BitConverter.GetBytes(length).CopyTo(b, 4); BinaryPrimitives.WriteInt32BigEndian(new ArraySegment<byte>(b).Slice(4), length); socket.Send(b);"));

        // ------------------------------------------------------------ SOCK020: loops, try/finally, async

        [Theory]
        [InlineData("while (value-- > 0) { var b = [|BitConverter.GetBytes(length)|]; socket.Send(b); }")]
        [InlineData("for (var i = 0; i < length; i++) { socket.Send([|BitConverter.GetBytes(i)|]); }")]
        [InlineData("foreach (var n in new[] { 1, 2 }) { await network.WriteAsync([|BitConverter.GetBytes(n)|]); }")]
        [InlineData("var b = new byte[4]; for (var i = 0; i < length; i++) { socket.Send(b); [|BitConverter.GetBytes(i)|].CopyTo(b, 0); }")]
        [InlineData("var b = new byte[4]; do { [|BitConverter.TryWriteBytes(b, value)|]; } while (value-- > 0); socket.Send(b);")]
        [InlineData("var b = new byte[4]; for (var i = 0; i < length; i++) { socket.Send(b); try { [|BitConverter.GetBytes(i)|].CopyTo(b, 0); if (i == 2) continue; } finally { Console.WriteLine(i); } }")]
        [InlineData("var ms = new MemoryStream(); var w = new BinaryWriter(ms); for (var i = 0; i < length; i++) { if (i > 0) socket.Send(ms.ToArray()); [|w.Write(i)|]; }")]
        public Task Written_and_sent_in_a_loop_is_reported(string body)
            => Verify.VerifyAnalyzerAsync(InMethod(body));

        [Theory]
        [InlineData("for (var i = 0; i < length; i++) { var b = BitConverter.GetBytes(i); Array.Reverse(b); socket.Send(b); }")]
        [InlineData("var b = new byte[4]; for (var i = 0; i < length; i++) { socket.Send(b); } BitConverter.GetBytes(length).CopyTo(b, 0);")]
        [InlineData("while (value-- > 0) { var b = BitConverter.GetBytes(value); BinaryPrimitives.WriteInt32BigEndian(b, value); socket.Send(b); }")]
        public Task Loops_that_convert_first_or_send_before_writing_are_quiet(string body)
            => Verify.VerifyAnalyzerAsync(InMethod(body));

        [Theory]
        [InlineData("var b = [|BitConverter.GetBytes(length)|]; try { Process(b); } finally { socket.Send(b); }")]
        [InlineData("var b = new byte[4]; try { [|BitConverter.GetBytes(length)|].CopyTo(b, 0); Process(b); } catch (IOException) { socket.Send(b); }")]
        [InlineData("var b = new byte[4]; try { [|BitConverter.TryWriteBytes(b, length)|]; } finally { Process(b); } await network.WriteAsync(b);")]
        public Task Try_catch_finally_carrying_the_bytes_to_a_send_is_reported(string body)
            => Verify.VerifyAnalyzerAsync(InMethod(body));

        [Theory]
        [InlineData("var b = new byte[4]; try { socket.Send(b); } finally { BitConverter.GetBytes(length).CopyTo(b, 0); }")]
        [InlineData("var b = BitConverter.GetBytes(length); try { Process(b); } finally { BinaryPrimitives.WriteInt32BigEndian(b, length); } socket.Send(b);")]
        public Task Try_finally_that_sends_first_or_overwrites_in_the_finally_is_quiet(string body)
            => Verify.VerifyAnalyzerAsync(InMethod(body));

        [Theory]
        [InlineData("var b = [|BitConverter.GetBytes(length)|]; await Task.Yield(); await socket.SendAsync(b, SocketFlags.None);")]
        [InlineData("var b = [|BitConverter.GetBytes(length)|]; await Task.Delay(1).ConfigureAwait(false); await network.WriteAsync(b.AsMemory()).ConfigureAwait(false);")]
        [InlineData("Func<Task> send = async () => { var b = [|BitConverter.GetBytes(length)|]; await Task.Yield(); await ssl.WriteAsync(b); }; await send();")]
        public Task Async_sends_are_reported(string body)
            => Verify.VerifyAnalyzerAsync(InMethod(body));

        [Theory]
        [InlineData("var b = BitConverter.GetBytes(length); await Task.Yield(); BinaryPrimitives.WriteInt32BigEndian(b, length); await network.WriteAsync(b);")]
        [InlineData("var b = new byte[4]; await socket.SendAsync(b, SocketFlags.None); BitConverter.GetBytes(length).CopyTo(b, 0);")]
        public Task Async_code_that_converts_first_or_sends_before_writing_is_quiet(string body)
            => Verify.VerifyAnalyzerAsync(InMethod(body));

        [Fact]
        public Task A_lambda_that_may_change_a_captured_buffer_makes_it_unknown()
            => Verify.VerifyAnalyzerAsync(InMethod("var b = BitConverter.GetBytes(length); Action fix = () => Array.Reverse(b); fix(); socket.Send(b);"));

        // ------------------------------------------------------------ SOCK021

        private static string InReader(string body) => SOCK020HostOrderWriteTests.Usings + $$"""
            class C
            {
                long M(Socket socket, NetworkStream network, int length)
                {
                    long result = 0;
                    var buffer = new byte[16];
                    {{body}}
                    return result;
                }
            }
            """;

        [Theory]
        [InlineData("if (length > 0) { result = socket.Receive(buffer); } else { result = BitConverter.ToInt32(buffer, 0); }")]
        [InlineData("result = socket.Receive(buffer); buffer = new byte[16]; result += BitConverter.ToInt32(buffer, 0);")]
        [InlineData("result = socket.Receive(buffer); Array.Reverse(buffer, 0, 4); result += BitConverter.ToInt32(buffer, 0);")]
        [InlineData("for (var i = 0; i < length; i++) { result += BitConverter.ToInt32(buffer, 0); } result += socket.Receive(buffer);")]
        public Task Decoding_bytes_no_path_brings_from_the_network_is_quiet(string body)
            => Verify.VerifyAnalyzerAsync(InReader(body));

        [Theory]
        [InlineData("if (length > 0) { result = socket.Receive(buffer); } result += {|SOCK021:BitConverter.ToInt32(buffer, 0)|};")]
        [InlineData("for (var i = 0; i < length; i++) { result += {|SOCK021:BitConverter.ToInt32(buffer, 0)|}; result += socket.Receive(buffer); }")]
        [InlineData("try { network.ReadExactly(buffer); } finally { result = {|SOCK021:BitConverter.ToInt64(buffer, 0)|}; }")]
        [InlineData("var header = new byte[4]; if (length > 0) { network.ReadExactly(buffer, 0, 8); Array.Copy(buffer, header, 4); } result = {|SOCK021:BitConverter.ToInt32(header, 0)|};")]
        public Task Decoding_bytes_some_path_brings_from_the_network_is_reported(string body)
            => Verify.VerifyAnalyzerAsync(InReader(body));

        // ------------------------------------------------------------ SOCK022

        private static string InConnect(string body) => SOCK020HostOrderWriteTests.Usings + $$"""
            class C
            {
                static void Use(short port) { }

                void M(TcpClient tcp, int port, bool flag)
                {
                    {{body}}
                }
            }
            """;

        [Theory]
        [InlineData("short p = 0; if (flag) { p = IPAddress.HostToNetworkOrder((short)port); Use(p); } else { tcp.Connect(IPAddress.Loopback, p); }")]
        [InlineData("var p = IPAddress.HostToNetworkOrder((short)port); if (flag) p = (short)port; else p = 80; tcp.Connect(IPAddress.Loopback, p);")]
        [InlineData("short p = 80; tcp.Connect(IPAddress.Loopback, p); p = IPAddress.HostToNetworkOrder(p); Use(p);")]
        public Task A_conversion_that_reaches_no_port_is_quiet(string body)
            => Verify.VerifyAnalyzerAsync(InConnect(body));

        [Theory]
        [InlineData("short p = (short)port; if (flag) p = {|SOCK022:IPAddress.HostToNetworkOrder(p)|}; tcp.Connect(IPAddress.Loopback, p);")]
        [InlineData("if (BitConverter.IsLittleEndian) port = {|SOCK022:IPAddress.HostToNetworkOrder(port)|}; tcp.Connect(IPAddress.Loopback, port);")]
        [InlineData("var p = {|SOCK022:IPAddress.HostToNetworkOrder((short)port)|}; var q = p; for (var i = 0; i < 3; i++) { tcp.Connect(IPAddress.Loopback, q); }")]
        public Task A_conversion_that_reaches_a_port_on_some_path_is_reported(string body)
            => Verify.VerifyAnalyzerAsync(InConnect(body));
    }
}
