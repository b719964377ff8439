using System.Threading.Tasks;
using Xunit;
using static SocketAnalyzers.Tests.Reads.ReadTestCode;
using Verify = SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<SocketAnalyzers.Reads.SOCK012WholeBufferConsumedAnalyzer, SocketAnalyzers.CodeFixes.Reads.SOCK012WholeBufferConsumedCodeFixProvider>;

namespace SocketAnalyzers.Tests.Reads
{
    /// <summary>
    /// SOCK012 at a fixed-width decode: a header read with one call whose count is only compared with 0 (or discarded),
    /// then decoded as a number (<c>BitConverter.ToInt32(header, 0)</c>, <c>BinaryPrimitives.ReadInt32BigEndian(header)</c>).
    /// The read may have returned fewer bytes than the number is made of, and the rest of the number is stale.
    /// </summary>
    public sealed class SOCK012FixedWidthDecodeTests
    {
        private static string Header(string body, int size = 4)
            => "using System.Buffers.Binary;\n" + Method($"var header = new byte[{size}];\n" + body);

        /// <summary>A header of <paramref name="size"/> bytes read with one <c>Read</c> whose count <paramref name="count"/> is only compared with 0, then <paramref name="use"/>.</summary>
        private static string AfterReadComparedWithZero(string count, string use, int size)
            => Header($$"""
                int {{count}} = stream.Read(header, 0, header.Length);
                if ({{count}} == 0)
                {
                    return;
                }

                {{use}}
                """, size);

        private static string AsyncHeader(string body)
            => "using System.Buffers.Binary;\n" + Method("var header = new byte[4];\n" + body, "Task<int>", "async");

        [Theory]
        [InlineData("int length = [|BinaryPrimitives.ReadInt32BigEndian(header)|];")]
        [InlineData("int length = [|BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan())|];")]
        [InlineData("uint length = [|BinaryPrimitives.ReadUInt32BigEndian(new ReadOnlySpan<byte>(header))|];")]
        [InlineData("int length = [|BitConverter.ToInt32(header, 0)|];")]
        [InlineData("uint length = [|BitConverter.ToUInt32(header, 0)|];")]
        [InlineData("float value = [|BitConverter.ToSingle(header, 0)|];")]
        [InlineData("int length = [|BitConverter.ToInt32(header)|];")]
        [InlineData("short kind = [|BitConverter.ToInt16(header, 2)|];")]
        [InlineData("ushort kind = [|BinaryPrimitives.ReadUInt16BigEndian(header.AsSpan(2))|];")]
        [InlineData("ushort kind = [|BinaryPrimitives.ReadUInt16BigEndian(header.AsSpan(2, 2))|];")]
        public Task Number_decoded_from_a_header_whose_read_is_only_compared_with_zero_is_reported(string decode)
            => Verify.VerifyAnalyzerAsync(Header($$"""
                int n = stream.Read(header, 0, header.Length);
                if (n == 0)
                {
                    return;
                }

                {{decode}}
                """));

        [Theory]
        [InlineData("int n = socket.Receive(header);")]
        [InlineData("int n = socket.Receive(header, SocketFlags.None);")]
        [InlineData("int n = socket.Receive(header, 0, header.Length, SocketFlags.None);")]
        [InlineData("int n = stream.Read(header, 0, 4);")]
        [InlineData("int n = stream.Read(header);")]
        [InlineData("int n = stream.Read(header.AsSpan());")]
        [InlineData("int n = ssl.Read(header, 0, header.Length);")]
        [InlineData("int n = client.GetStream().Read(header, 0, header.Length);")]
        // A view from the array's start, as CA1835 has people write the offset and count form.
        [InlineData("int n = stream.Read(header.AsSpan(0, 4));")]
        [InlineData("int n = stream.Read(header.AsSpan(0));")]
        [InlineData("int n = stream.Read(new Span<byte>(header, 0, header.Length));")]
        [InlineData("int n = socket.Receive(header.AsSpan(0, 4), SocketFlags.None);")]
        [InlineData("int n = socket.Receive(new ArraySegment<byte>(header, 0, 4));")]
        public Task Each_read_overload_followed_by_a_decode_is_reported(string read)
            => Verify.VerifyAnalyzerAsync(Header($$"""
                {{read}}
                if (n > 0)
                {
                    Console.WriteLine([|BinaryPrimitives.ReadInt32BigEndian(header)|]);
                }
                """));

        [Fact]
        public Task Length_prefix_read_in_a_loop_that_only_stops_at_zero_is_reported()
            => Verify.VerifyAnalyzerAsync(Header("""
                while (true)
                {
                    if (socket.Receive(header) == 0)
                    {
                        break;
                    }

                    int length = [|BinaryPrimitives.ReadInt32BigEndian(header)|];
                    Process(new byte[length], length);
                }
                """));

        [Fact]
        public Task Awaited_read_followed_by_a_decode_is_reported()
            => Verify.VerifyAnalyzerAsync(AsyncHeader("""
                int n = await stream.ReadAsync(header, 0, header.Length, token).ConfigureAwait(false);
                if (n == 0)
                {
                    return 0;
                }

                return [|BinaryPrimitives.ReadInt32BigEndian(header)|];
                """));

        [Fact]
        public Task Discarded_count_then_decode_is_reported_by_both_rules()
            => Verify.VerifyAnalyzerAsync(Header("""
                {|SOCK010:stream.Read(header, 0, header.Length)|};
                long size = [|BitConverter.ToInt64(header, 0)|];
                """, 8));

        [Fact]
        public Task Several_decodes_of_one_read_are_one_diagnostic_at_the_first()
            => Verify.VerifyAnalyzerAsync(Header("""
                int n = stream.Read(header, 0, header.Length);
                if (n == 0)
                {
                    return;
                }

                ushort kind = [|BinaryPrimitives.ReadUInt16BigEndian(header)|];
                ushort flags = BinaryPrimitives.ReadUInt16BigEndian(header.AsSpan(2));
                int length = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(4));
                """, 8));

        [Fact]
        public Task Message_names_the_bytes_the_decoder_takes_and_how_to_wait_for_them()
            => Verify.VerifyAnalyzerAsync(
                Header("""
                    int got = stream.Read(header, 0, header.Length);
                    if (got == 0)
                    {
                        return;
                    }

                    int length = {|#0:BinaryPrimitives.ReadInt32BigEndian(header)|};
                    """),
                Verify.Diagnostic().WithLocation(0).WithArguments(
                    "BinaryPrimitives.ReadInt32BigEndian", "the first 4 bytes of 'header'", "NetworkStream.Read", "its first 'got' bytes",
                    "Read until all 4 bytes have arrived: loop on the count, or call ReadExactly", "bytes"));

        [Fact]
        public Task Message_names_a_range_past_the_start()
            => Verify.VerifyAnalyzerAsync(
                Header("""
                    if (socket.Receive(header) == 0)
                    {
                        return;
                    }

                    int length = {|#0:BitConverter.ToInt32(header, 4)|};
                    """, 8),
                Verify.Diagnostic().WithLocation(0).WithArguments(
                    "BitConverter.ToInt32", "bytes 4 to 7 of 'header'", "Socket.Receive", "as many bytes as it returned (a count this code never keeps)",
                    "Read until the first 8 bytes have arrived: loop on the count, or call ReadExactly", "bytes"));

        [Fact]
        public Task Stream_read_becomes_ReadAtLeast_that_waits_for_the_whole_header()
            => Verify.VerifyCodeFixAsync(
                Header("""
                    int n = stream.Read(header, 0, header.Length);
                    if (n == 0)
                    {
                        return;
                    }

                    int length = [|BinaryPrimitives.ReadInt32BigEndian(header)|];
                    """),
                Header("""
                    int n = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
                    if (n == 0)
                    {
                        return;
                    }

                    int length = BinaryPrimitives.ReadInt32BigEndian(header);
                    """));

        [Theory]
        [InlineData("stream.Read(header, 0, 4)", "stream.ReadAtLeast(header.AsSpan(0, 4), 4, throwOnEndOfStream: false)")]
        [InlineData("stream.Read(header)", "stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false)")]
        [InlineData("stream.Read(header.AsSpan())", "stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false)")]
        [InlineData("client.GetStream().Read(header, 0, header.Length)", "client.GetStream().ReadAtLeast(header, header.Length, throwOnEndOfStream: false)")]
        public Task Each_stream_read_form_becomes_ReadAtLeast(string read, string fixedRead)
            => Verify.VerifyCodeFixAsync(
                Header($$"""
                    if ({{read}} == 0)
                    {
                        return;
                    }

                    int length = [|BinaryPrimitives.ReadInt32BigEndian(header)|];
                    """),
                Header($$"""
                    if ({{fixedRead}} == 0)
                    {
                        return;
                    }

                    int length = BinaryPrimitives.ReadInt32BigEndian(header);
                    """));

        [Fact]
        public Task Awaited_read_becomes_ReadAtLeastAsync_with_its_token()
            => Verify.VerifyCodeFixAsync(
                AsyncHeader("""
                    int n = await stream.ReadAsync(header, 0, header.Length, token).ConfigureAwait(false);
                    return n == 0 ? -1 : [|BinaryPrimitives.ReadInt32BigEndian(header)|];
                    """),
                AsyncHeader("""
                    int n = await stream.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken: token).ConfigureAwait(false);
                    return n == 0 ? -1 : BinaryPrimitives.ReadInt32BigEndian(header);
                    """));

        [Fact]
        public Task Fix_all_makes_every_header_read_wait()
            => Verify.VerifyCodeFixAsync(
                Header("""
                    int n = stream.Read(header, 0, header.Length);
                    if (n == 0)
                    {
                        return;
                    }

                    int length = [|BinaryPrimitives.ReadInt32BigEndian(header)|];
                    var kind = new byte[2];
                    int got = ssl.Read(kind, 0, kind.Length);
                    Console.WriteLine(got == 0 ? 0 : [|BinaryPrimitives.ReadUInt16BigEndian(kind)|]);
                    """),
                Header("""
                    int n = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
                    if (n == 0)
                    {
                        return;
                    }

                    int length = BinaryPrimitives.ReadInt32BigEndian(header);
                    var kind = new byte[2];
                    int got = ssl.ReadAtLeast(kind, kind.Length, throwOnEndOfStream: false);
                    Console.WriteLine(got == 0 ? 0 : BinaryPrimitives.ReadUInt16BigEndian(kind));
                    """));

        [Fact]
        public Task Socket_receive_has_no_ReadAtLeast_fix()
        {
            var source = Header("""
                if (socket.Receive(header) == 0)
                {
                    return;
                }

                int length = [|BinaryPrimitives.ReadInt32BigEndian(header)|];
                """);
            return Verify.VerifyCodeFixAsync(source, source);
        }

        // The count goes into a local the method uses for something else too: this read's own uses after it decide.
        [Theory]
        [InlineData("int n = 7; Console.WriteLine(n); n = stream.Read(header, 0, header.Length); if (n == 0) { return; } int length = [|BinaryPrimitives.ReadInt32BigEndian(header)|];")]
        [InlineData("int n = stream.Read(header, 0, 2); Console.WriteLine(n); n = stream.Read(header, 0, 4); if (n <= 0) { return; } int length = [|BinaryPrimitives.ReadInt32BigEndian(header)|]; Console.WriteLine(\"read \" + n);")]
        // Used only after the decode: the header was decoded before the code looked at how much arrived.
        [InlineData("int n = 7; Console.WriteLine(n); n = stream.Read(header, 0, header.Length); int length = [|BinaryPrimitives.ReadInt32BigEndian(header)|]; Process(header, n);")]
        public Task Decode_after_a_read_into_a_count_local_used_before_but_not_after_is_reported(string body)
            => Verify.VerifyAnalyzerAsync(Header(body));

        [Theory]
        [InlineData("int n = 7; Console.WriteLine(n); n = stream.Read(header, 0, header.Length); if (n != 4) { return; } int length = BinaryPrimitives.ReadInt32BigEndian(header);")]
        [InlineData("int n = 7; Console.WriteLine(n); n = stream.Read(header, 0, header.Length); Process(header, n); int length = BinaryPrimitives.ReadInt32BigEndian(header);")]
        public Task Decode_after_a_read_into_a_count_local_used_after_is_silent(string body)
            => Verify.VerifyAnalyzerAsync(Header(body));

        [Theory]
        [InlineData("if (n < header.Length) { throw new EndOfStreamException(); }")]
        [InlineData("if (n != 4) { return; }")]
        [InlineData("while (n < header.Length) { int more = stream.Read(header, n, header.Length - n); if (more == 0) { return; } n += more; }")]
        [InlineData("if (!Handle(header, n)) { return; }")]
        public Task Count_compared_with_the_header_size_or_used_to_finish_it_is_silent(string check)
            => Verify.VerifyAnalyzerAsync(Header($$"""
                int n = stream.Read(header, 0, header.Length);
                {{check}}
                int length = BinaryPrimitives.ReadInt32BigEndian(header);
                """));

        [Theory]
        [InlineData("stream.ReadExactly(header, 0, header.Length);")]
        [InlineData("stream.ReadExactly(header);")]
        [InlineData("int n = stream.ReadAtLeast(header, header.Length);")]
        [InlineData("int n = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: true);")]
        public Task Exact_reads_are_silent(string read)
            => Verify.VerifyAnalyzerAsync(Header($$"""
                {{read}}
                int length = BinaryPrimitives.ReadInt32BigEndian(header);
                """));

        /// <summary>
        /// fresh62 (a Modbus client, a VNC client): an element past the first read by a constant index after a read whose
        /// count nothing tests (<c>byte function = tcpSynClBuffer[7];</c>, <c>X = (ushort)((buffer[1] &lt;&lt; 8) | buffer[2])</c>):
        /// that byte arrived only if the read returned more than its index, so it is the fixed-width decode of one byte.
        /// </summary>
        [Theory]
        [InlineData("byte kind = [|header[1]|];")]
        [InlineData("ushort x = (ushort)(([|header[1]|] << 8) | header[2]);")]
        [InlineData("if ([|header[7]|] == 0x82 & header[8] == 0x01) return;")]
        [InlineData("Console.WriteLine([|header[3]|]);")]
        public Task Element_past_the_first_read_by_a_constant_index_is_reported(string use)
            => Verify.VerifyAnalyzerAsync(AfterReadComparedWithZero("n", use, 16));

        [Fact]
        public Task Element_message_names_the_byte()
            => Verify.VerifyAnalyzerAsync(
                AfterReadComparedWithZero("got", "byte function = {|#0:header[7]|};", 16),
                Verify.Diagnostic().WithLocation(0).WithArguments(
                    "'header[7]'", "byte 7 of 'header'", "NetworkStream.Read", "its first 'got' bytes",
                    "Read until the first 8 bytes have arrived: loop on the count, or call ReadExactly", "bytes"));

        /// <summary>No fix, alone or in Fix All: the bytes to wait for are the message's, which an index does not say.</summary>
        [Fact]
        public Task Element_read_has_no_fix()
        {
            var source = AfterReadComparedWithZero("n", "byte function = [|header[7]|];\nbyte unit = header[6];", 16);
            return Verify.VerifyCodeFixAsync(source, source);
        }

        /// <summary>
        /// The first element (a read that returned anything placed it), an index the code computes, an element written or
        /// taken by <c>ref</c>, a count compared with the size, or an exact read: quiet.
        /// </summary>
        [Theory]
        [InlineData("int n = stream.Read(header, 0, header.Length); if (n == 0) return; byte kind = header[0];")]
        [InlineData("int n = stream.Read(header, 0, header.Length); if (n == 0) return; for (var i = 1; i < n; i++) Console.WriteLine(header[i]);")]
        [InlineData("int n = stream.Read(header, 0, header.Length); if (n == 0) return; header[3] = 1; header[2]++; ref var first = ref header[1]; first = 0; int.TryParse(\"1\", out var parsed); header[4] = (byte)parsed;")]
        [InlineData("int n = stream.Read(header, 0, header.Length); if (n < 8) return; byte function = header[7];")]
        [InlineData("stream.ReadExactly(header, 0, 8); byte function = header[7];")]
        public Task Element_read_the_count_covers_or_that_is_not_a_constant_past_the_first_is_silent(string body)
            => Verify.VerifyAnalyzerAsync(Header(body, 16));

        [Theory]
        [InlineData("byte kind = header[0];")]
        [InlineData("bool flag = BitConverter.ToBoolean(header, 0);")]
        [InlineData("bool ok = BinaryPrimitives.TryReadInt32BigEndian(header, out var length);")]
        [InlineData("int length = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(0, n));")]
        [InlineData("int at = n - 4; int length = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(at));")]
        public Task Uses_that_take_one_byte_check_the_size_or_start_where_the_code_computes_are_silent(string use)
            => Verify.VerifyAnalyzerAsync(AfterReadComparedWithZero("n", use, 8));

        [Fact]
        public Task Decode_of_a_datagram_is_silent()
            => Verify.VerifyAnalyzerAsync(Header("""
                EndPoint from = new IPEndPoint(IPAddress.Any, 0);
                int n = socket.ReceiveFrom(header, ref from);
                if (n == 0)
                {
                    return;
                }

                int id = BinaryPrimitives.ReadInt32BigEndian(header);
                """));

        // A Receive on a socket the method creates as a datagram socket takes one whole datagram, like ReceiveFrom
        // (the same datagram test SOCK010 and SOCK011 use): a short one is a malformed message, not bytes to wait for.
        [Theory]
        [InlineData("new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp)")]
        [InlineData("new Socket(SocketType.Dgram, ProtocolType.Udp)")]
        public Task Decode_after_a_receive_on_a_datagram_socket_is_silent(string socket)
            => Verify.VerifyAnalyzerAsync("using System.Buffers.Binary;\n" + Method($$"""
                var header = new byte[48];
                using var s = {{socket}};
                s.Connect(new IPEndPoint(IPAddress.Loopback, 123));
                s.Send(header);
                {|SOCK010:s.Receive(header)|};
                uint seconds = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(40));
                """));

        // The nearest shape that stays reported: the same code on a stream socket the method creates.
        [Fact]
        public Task Decode_after_a_receive_on_a_stream_socket_the_method_creates_is_reported()
            => Verify.VerifyAnalyzerAsync("using System.Buffers.Binary;\n" + Method("""
                var header = new byte[48];
                using var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                s.Connect(new IPEndPoint(IPAddress.Loopback, 123));
                s.Send(header);
                {|SOCK010:s.Receive(header)|};
                uint seconds = [|BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(40))|];
                """));

        [Fact]
        public Task Decode_of_a_file_read_is_silent()
            => Verify.VerifyAnalyzerAsync(Header("""
                using var file = File.OpenRead("data.bin");
                int n = file.Read(header, 0, header.Length);
                if (n == 0)
                {
                    return;
                }

                int length = BinaryPrimitives.ReadInt32BigEndian(header);
                """));

        [Fact]
        public Task Decode_after_the_buffer_is_filled_again_exactly_is_silent()
            => Verify.VerifyAnalyzerAsync(Header("""
                int n = stream.Read(header, 0, header.Length);
                if (n == 0)
                {
                    return;
                }

                stream.ReadExactly(header);
                int length = BinaryPrimitives.ReadInt32BigEndian(header);
                """));

        /// <summary>An awaited read into a memory view from the array's start (CA1835's form of <c>ReadAsync(header, 0, 4)</c>).</summary>
        [Theory]
        [InlineData("int n = await stream.ReadAsync(header.AsMemory(0, 4), token);")]
        [InlineData("int n = await stream.ReadAsync(new Memory<byte>(header, 0, header.Length)).ConfigureAwait(false);")]
        [InlineData("int n = await socket.ReceiveAsync(header.AsMemory(0, 4), SocketFlags.None);")]
        public Task Awaited_read_into_a_view_from_the_start_followed_by_a_decode_is_reported(string read)
            => Verify.VerifyAnalyzerAsync(AsyncHeader($$"""
                {{read}}
                return n == 0 ? -1 : [|BinaryPrimitives.ReadInt32BigEndian(header)|];
                """));

        /// <summary>A view that starts past the array's start, or asks for fewer bytes than the decoder takes, or one byte: not this rule's read.</summary>
        [Theory]
        [InlineData("int n = await stream.ReadAsync(header.AsMemory(2, 2));")]
        [InlineData("int n = await stream.ReadAsync(header.AsMemory(0, 2));")]
        [InlineData("int n = await stream.ReadAsync(header.AsMemory(0, 1));")]
        [InlineData("int n = await stream.ReadAtLeastAsync(header.AsMemory(0, 4), 4, throwOnEndOfStream: false);")]
        [InlineData("await stream.ReadExactlyAsync(header.AsMemory(0, 4)); int n = 4;")]
        public Task Read_into_a_view_that_does_not_ask_for_the_decoded_bytes_is_silent(string read)
            => Verify.VerifyAnalyzerAsync(AsyncHeader($$"""
                {{read}}
                return n == 0 ? -1 : BinaryPrimitives.ReadInt32BigEndian(header);
                """));

        [Fact]
        public Task Read_into_a_memory_view_becomes_ReadAtLeastAsync_of_the_same_view()
            => Verify.VerifyCodeFixAsync(
                AsyncHeader("""
                    int n = await stream.ReadAsync(header.AsMemory(0, 4), token);
                    return n == 0 ? -1 : [|BinaryPrimitives.ReadInt32BigEndian(header)|];
                    """),
                AsyncHeader("""
                    int n = await stream.ReadAtLeastAsync(header.AsMemory(0, 4), 4, throwOnEndOfStream: false, cancellationToken: token);
                    return n == 0 ? -1 : BinaryPrimitives.ReadInt32BigEndian(header);
                    """));

        [Fact]
        public Task Fix_all_makes_every_header_read_into_a_view_wait()
            => Verify.VerifyCodeFixAsync(
                AsyncHeader("""
                    var kind = new byte[2];
                    int n = await stream.ReadAsync(header.AsMemory(0, 4));
                    if (n == 0) return -1;
                    int length = [|BinaryPrimitives.ReadInt32BigEndian(header)|];
                    int got = await ssl.ReadAsync(kind.AsMemory(0, 2));
                    return got == 0 ? -1 : length + [|BinaryPrimitives.ReadInt16BigEndian(kind)|];
                    """),
                AsyncHeader("""
                    var kind = new byte[2];
                    int n = await stream.ReadAtLeastAsync(header.AsMemory(0, 4), 4, throwOnEndOfStream: false);
                    if (n == 0) return -1;
                    int length = BinaryPrimitives.ReadInt32BigEndian(header);
                    int got = await ssl.ReadAtLeastAsync(kind.AsMemory(0, 2), 2, throwOnEndOfStream: false);
                    return got == 0 ? -1 : length + BinaryPrimitives.ReadInt16BigEndian(kind);
                    """));

        [Fact]
        public Task Read_that_asks_for_fewer_bytes_than_the_decoder_takes_is_silent()
            => Verify.VerifyAnalyzerAsync(Header("""
                int n = stream.Read(header, 0, 2);
                if (n == 0)
                {
                    return;
                }

                int length = BinaryPrimitives.ReadInt32BigEndian(header);
                """));

        /// <summary>A relay whose read keeps its count in the field <c>got</c>, declared and used elsewhere as <paramref name="members"/> says.</summary>
        private static string CountFieldRelay(string members, string use) => ReadTestCode.Usings + $$"""
            class Relay
            {
                {{members}}
                private readonly byte[] frame = new byte[256];

                void Serve(NetworkStream ns)
                {
                    while (true)
                    {
                        if ((got = ns.Read(frame, 0, frame.Length)) != 0)
                        {
                            Console.WriteLine({{use}});
                        }

                        if (Console.ReadLine() == "q") break;
                    }
                }
            }
            """;

        /// <summary>
        /// fresh80 M1 (a student game server): the count goes into a private field that nothing ever reads, and is only
        /// compared with 0 on the way: byte 5 may be stale, as when the count is never kept.
        /// </summary>
        [Theory]
        [InlineData("private int got;")]
        [InlineData("private static int got; void Reset() => got = 0;")]
        public Task Bytes_past_the_first_after_a_count_kept_only_in_a_field_nothing_reads_are_reported(string members)
            => Verify.VerifyAnalyzerAsync(CountFieldRelay(members, "[|frame[5]|]"));

        /// <summary>
        /// No fix for it, as for a count never kept: making the read wait (ReadAtLeast) needs the count the code tests, and
        /// the field's is only tested against 0. The finding stands and Fix All leaves the code as it was.
        /// </summary>
        [Fact]
        public Task Bytes_after_a_count_kept_only_in_a_field_nothing_reads_get_no_fix()
        {
            var source = CountFieldRelay("private int got;", "[|frame[5]|]");
            return Verify.VerifyCodeFixAsync(source, source);
        }

        /// <summary>A field that other code reads (it may test the count), or that code outside the class may read: silent.</summary>
        [Theory]
        [InlineData("private int got; bool Complete => got >= 6;")]
        [InlineData("private int got; void Log() => Console.WriteLine(got);")]
        [InlineData("public int got;")]
        [InlineData("private int got; void Add() => got += 1;")]
        public Task Bytes_after_a_count_kept_in_a_field_that_may_be_read_are_quiet(string members)
            => Verify.VerifyAnalyzerAsync(CountFieldRelay(members, "frame[5]"));
    }
}
