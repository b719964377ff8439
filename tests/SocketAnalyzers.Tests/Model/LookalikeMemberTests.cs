using System.Threading.Tasks;
using Xunit;
using Verify = SocketAnalyzers.Tests.Verifiers.AnalyzerVerifier<SocketAnalyzers.Reads.SOCK010DiscardedReadCountAnalyzer>;

namespace SocketAnalyzers.Tests.Model
{
    /// <summary>
    /// Issue 13: the analyzers know the framework members they reason about by symbol (<c>FrameworkMembers</c>, the
    /// catalogue), not by name. Each test gives the user's code a member of the same name as a framework member, in a
    /// shape where taking it for the framework's made a rule report wrongly or stay silent wrongly.
    /// </summary>
    public sealed class LookalikeMemberTests
    {
        private const string Usings = """
            using System;
            using System.IO;
            using System.Net;
            using System.Net.Sockets;
            using System.Text;
            using System.Text.Json;
            using System.Threading.Tasks;

            """;

        // ---------------------------------------------------------------- reads (SOCK010, SOCK011, SOCK012)

        [Fact]
        public Task A_user_Connected_property_that_changes_is_not_TcpClient_Connected_so_a_loop_on_it_is_not_reported()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class Peer : TcpClient
                {
                    public new bool Connected => Client.Poll(0, SelectMode.SelectWrite);
                }

                class C
                {
                    void M(Peer peer, byte[] buffer)
                    {
                        var stream = peer.GetStream();
                        while (peer.Connected)
                        {
                            int n = stream.Read(buffer, 0, buffer.Length);
                            Process(buffer, n);
                        }
                    }

                    static void Process(byte[] data, int count) { }
                }
                """);

        [Fact]
        public Task A_user_AsSpan_is_not_a_whole_view_of_the_buffer_so_the_whole_decode_after_the_read_is_not_reported()
            => Verify.VerifyAnalyzerAsync(Usings + """
                namespace App
                {
                    static class MemoryExtensions
                    {
                        // Skips the 4-byte header: the read fills the buffer from offset 4, not from its start.
                        public static Span<byte> AsSpan(this byte[] buffer) => new Span<byte>(buffer, 4, buffer.Length - 4);
                    }

                    class C
                    {
                        string M(Socket socket, byte[] buffer)
                        {
                            int n = socket.Receive(buffer.AsSpan());
                            if (n == 0)
                            {
                                return "";
                            }

                            return Encoding.UTF8.GetString(buffer);
                        }
                    }
                }
                """);

        [Fact]
        public Task A_user_AsSpan_slice_of_the_buffer_may_write_it_so_the_whole_decode_after_it_is_not_reported()
            => Verify.VerifyAnalyzerAsync(Usings + """
                namespace App
                {
                    static class MemoryExtensions
                    {
                        // Pads the rest of the buffer with spaces and returns the whole of it.
                        public static Span<byte> AsSpan(this byte[] buffer, int start, int length)
                        {
                            buffer.AsMemory(start + length).Span.Fill((byte)' ');
                            return buffer;
                        }
                    }

                    class C
                    {
                        string M(Socket socket, byte[] buffer)
                        {
                            int n = socket.Receive(buffer);
                            if (n == 0)
                            {
                                return "";
                            }

                            var padded = buffer.AsSpan(0, n);
                            return Encoding.UTF8.GetString(buffer);
                        }
                    }
                }
                """);

        [Fact]
        public Task A_user_static_Empty_buffer_is_not_Array_Empty_so_a_discarded_count_of_a_read_into_it_is_reported()
            => Verify.VerifyAnalyzerAsync(Usings + """
                static class Frame
                {
                    public static readonly byte[] Shared = new byte[64];

                    // A cleared shared frame, not an empty array.
                    public static byte[] Empty()
                    {
                        Array.Clear(Shared, 0, Shared.Length);
                        return Shared;
                    }
                }

                class C
                {
                    void M(Socket socket)
                    {
                        [|socket.Receive(Frame.Empty())|];
                    }
                }
                """);

        [Theory]
        [InlineData("public static Memory<byte> Empty => new byte[64];")]
        [InlineData("public static readonly Memory<byte> Empty = new byte[64];")]
        public Task A_user_static_Empty_memory_is_not_Memory_Empty_so_the_read_is_not_a_zero_length_wait(string empty)
            => Verify.VerifyAnalyzerAsync(Usings + $$"""
                static class Frame
                {
                    {{empty}}
                }

                class C
                {
                    async Task M(Socket socket)
                    {
                        await [|socket.ReceiveAsync(Frame.Empty, SocketFlags.None)|];
                    }
                }
                """);

        [Fact]
        public Task Memory_Empty_is_still_a_zero_length_wait()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class C
                {
                    async Task M(Socket socket)
                    {
                        await socket.ReceiveAsync(Memory<byte>.Empty, SocketFlags.None);
                    }
                }
                """);

        [Fact]
        public Task A_user_Length_is_not_the_buffer_length_so_ReadAtLeast_up_to_it_is_not_an_exact_read()
            => Verify.VerifyAnalyzerAsync(Usings + """
                sealed class Packet
                {
                    private readonly byte[] storage = new byte[1024];

                    // The bytes of the header, not of the storage the packet converts to.
                    public int Length => 16;

                    public static implicit operator Span<byte>(Packet packet) => packet.storage;
                }

                class C
                {
                    void M(NetworkStream stream, Packet packet)
                    {
                        [|stream.ReadAtLeast(packet, packet.Length)|];
                    }
                }
                """);

        [Fact]
        public Task ReadAtLeast_up_to_a_span_length_is_still_an_exact_read()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class C
                {
                    void M(NetworkStream stream, byte[] buffer)
                    {
                        Span<byte> span = buffer;
                        stream.ReadAtLeast(span, span.Length);
                    }
                }
                """);

        [Fact]
        public Task A_user_Memory_type_that_copies_the_array_is_not_a_view_of_it_so_the_array_is_not_the_read_buffer()
            => Verify.VerifyAnalyzerAsync(Usings + """
                namespace App
                {
                    readonly struct Memory<T>
                    {
                        private readonly T[] copy;

                        public Memory(T[] array) => copy = (T[])array.Clone();

                        public static implicit operator System.Memory<T>(Memory<T> memory) => memory.copy;
                    }

                    class C
                    {
                        async Task<string> M(Socket socket, byte[] buffer)
                        {
                            int n = await socket.ReceiveAsync(new Memory<byte>(buffer), SocketFlags.None);
                            if (n == 0)
                            {
                                return "";
                            }

                            return Encoding.UTF8.GetString(buffer);
                        }
                    }
                }
                """);

        [Theory]
        [InlineData("Console")]
        [InlineData("Debug")]
        [InlineData("Trace")]
        [InlineData("TextWriter")]
        [InlineData("LoggerExtensions")]
        public Task A_user_class_named_like_a_logging_type_may_write_the_buffer_so_the_whole_decode_after_it_is_not_reported(string name)
            => Verify.VerifyAnalyzerAsync(Usings + $$"""
                namespace App
                {
                    static class {{name}}
                    {
                        // Masks the first byte of what it is given.
                        public static void WriteLine(object value)
                        {
                            if (value is byte[] bytes && bytes.Length > 0)
                            {
                                bytes[0] = 0;
                            }
                        }
                    }

                    class C
                    {
                        string M(Socket socket, byte[] buffer)
                        {
                            int n = socket.Receive(buffer);
                            if (n == 0)
                            {
                                return "";
                            }

                            {{name}}.WriteLine(buffer);
                            return Encoding.UTF8.GetString(buffer);
                        }
                    }
                }
                """);

        [Fact]
        public Task Framework_Console_still_only_formats_the_buffer_so_the_whole_decode_after_it_is_reported()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class C
                {
                    string M(Socket socket, byte[] buffer)
                    {
                        int n = socket.Receive(buffer);
                        if (n == 0)
                        {
                            return "";
                        }

                        Console.WriteLine(buffer);
                        return {|SOCK012:Encoding.UTF8.GetString(buffer)|};
                    }
                }
                """);

        [Fact]
        public Task A_user_TextWriter_override_may_write_the_buffer_so_the_whole_decode_after_it_is_not_reported()
            => Verify.VerifyAnalyzerAsync(Usings + """
                sealed class Scrubber : TextWriter
                {
                    public override Encoding Encoding => Encoding.UTF8;

                    // Masks the first byte of what it is given.
                    public override void WriteLine(object? value)
                    {
                        if (value is byte[] bytes && bytes.Length > 0)
                        {
                            bytes[0] = 0;
                        }
                    }
                }

                class C
                {
                    string M(Socket socket, byte[] buffer, Scrubber scrubber)
                    {
                        int n = socket.Receive(buffer);
                        if (n == 0)
                        {
                            return "";
                        }

                        scrubber.WriteLine(buffer);
                        return Encoding.UTF8.GetString(buffer);
                    }
                }
                """);

        [Fact]
        public Task ReadOnlySequence_Slice_by_the_count_is_still_not_a_use_that_makes_the_whole_decode_right()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class C
                {
                    string M(Socket socket, byte[] buffer, System.Buffers.ReadOnlySequence<byte> pending)
                    {
                        int n = socket.Receive(buffer);
                        if (n == 0)
                        {
                            return "";
                        }

                        var head = pending.Slice(0, n);
                        return {|SOCK012:Encoding.UTF8.GetString(buffer)|};
                    }
                }
                """);

        [Theory]
        [InlineData("{|SOCK012:BitConverter.ToString(buffer, 0)|}")]
        [InlineData("BitConverter.ToString(buffer, 4)")]
        [InlineData("{|SOCK012:Convert.ToBase64String(buffer, 0, buffer.Length)|}")]
        public Task A_consumer_start_parameter_is_known_by_its_catalogue_ordinal(string consume)
            => Verify.VerifyAnalyzerAsync(Usings + $$"""
                class C
                {
                    string M(Socket socket, byte[] buffer)
                    {
                        int n = socket.Receive(buffer);
                        if (n == 0)
                        {
                            return "";
                        }

                        return {{consume}};
                    }
                }
                """);

        [Fact]
        public Task A_user_Slice_that_takes_the_count_is_a_use_of_it()
            => Verify.VerifyAnalyzerAsync(Usings + """
                static class Window
                {
                    public static int Used;

                    public static void Slice(int count) => Used = count;
                }

                class C
                {
                    string M(Socket socket, byte[] buffer)
                    {
                        int n = socket.Receive(buffer);
                        if (n == 0)
                        {
                            return "";
                        }

                        Window.Slice(n);
                        return Encoding.UTF8.GetString(buffer);
                    }
                }
                """);

        // ---------------------------------------------------------------- lifecycle (SOCK001–SOCK006)

        [Fact]
        public Task A_user_ConfigureAwait_on_a_wrapper_of_the_socket_returns_another_socket_not_the_receiver()
            => Verify.VerifyAnalyzerAsync(Usings + """
                sealed class Pool
                {
                    public static implicit operator Pool(Socket socket) => new Pool();

                    // Hands out a connected socket of the pool.
                    public Socket ConfigureAwait(bool continueOnCapturedContext) => Rent();

                    static Socket Rent() => throw new NotSupportedException();
                }

                class C
                {
                    int M(byte[] buffer)
                    {
                        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        var rented = ((Pool)socket).ConfigureAwait(false);
                        return rented.Send(buffer);
                    }
                }
                """);

        [Fact]
        public Task A_user_ConfigureAwait_on_a_wrapper_of_a_new_socket_stored_in_a_field_is_not_the_new_socket()
            => Verify.VerifyAnalyzerAsync(Usings + """
                sealed class Pool
                {
                    public static implicit operator Pool(Socket socket) => new Pool();

                    // Hands out a connected socket of the pool.
                    public Task<Socket> ConfigureAwait(bool continueOnCapturedContext) => Task.FromResult(Rent());

                    static Socket Rent() => throw new NotSupportedException();
                }

                class C
                {
                    private Socket? socket;

                    async Task Open() => socket = await ((Pool)new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp)).ConfigureAwait(false);

                    int Send(byte[] buffer) => socket!.Send(buffer);
                }
                """);

        [Fact]
        public Task A_read_handed_to_a_user_awaitable_through_its_ConfigureAwait_is_not_a_discarded_count()
            => Verify.VerifyAnalyzerAsync(Usings + """
                sealed class Exact
                {
                    private readonly Task<int> read;

                    private Exact(Task<int> read) => this.read = read;

                    public static implicit operator Exact(Task<int> read) => new Exact(read);

                    // Throws unless the read filled what was asked.
                    public async Task ConfigureAwait(bool continueOnCapturedContext)
                    {
                        if (await read.ConfigureAwait(continueOnCapturedContext) == 0)
                        {
                            throw new EndOfStreamException();
                        }
                    }
                }

                class C
                {
                    async Task M(NetworkStream stream, byte[] buffer)
                    {
                        await ((Exact)stream.ReadAsync(buffer, 0, buffer.Length)).ConfigureAwait(false);
                    }
                }
                """);

        // ---------------------------------------------------------------- server (SOCK050)

        [Fact]
        public Task A_user_ConfigureAwait_that_starts_the_serving_in_the_background_is_not_looked_through()
            => Verify.VerifyAnalyzerAsync(Usings + """
                sealed class Job
                {
                    private readonly Action work;

                    public Job(Action work) => this.work = work;

                    // Starts the work on the thread pool and completes at once.
                    public Task ConfigureAwait(bool continueOnCapturedContext)
                    {
                        _ = Task.Run(work);
                        return Task.CompletedTask;
                    }
                }

                class Server
                {
                    async Task Run(TcpListener listener)
                    {
                        while (true)
                        {
                            var client = await listener.AcceptTcpClientAsync();
                            await Serve(client).ConfigureAwait(false);
                        }
                    }

                    static Job Serve(TcpClient client)
                    {
                        var stream = client.GetStream();
                        var buffer = new byte[1024];
                        int n;
                        while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
                        {
                            stream.Write(buffer, 0, n);
                        }

                        return new Job(() => { });
                    }
                }
                """);

        // ---------------------------------------------------------------- addressing and framing (SOCK030–SOCK032, SOCK040)

        [Fact]
        public Task A_user_Client_property_of_a_UdpClient_subclass_is_another_socket_not_the_client()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class Relay : UdpClient
                {
                    public new Socket Client { get; } = new Socket(AddressFamily.InterNetworkV6, SocketType.Dgram, ProtocolType.Udp);
                }

                class C
                {
                    void M(byte[] data)
                    {
                        var relay = new Relay();
                        relay.Client.SendTo(data, new IPEndPoint(IPAddress.IPv6Loopback, 9));
                    }
                }
                """);

        [Fact]
        public Task A_user_ConfigureAwait_on_a_UdpClient_subclass_returns_another_client_not_the_receiver()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class Relay : UdpClient
                {
                    public UdpClient ConfigureAwait(bool continueOnCapturedContext) => new UdpClient(AddressFamily.InterNetworkV6);
                }

                class C
                {
                    void M(byte[] data)
                    {
                        var relay = new Relay();
                        var other = relay.ConfigureAwait(false);
                        other.Send(data, data.Length, new IPEndPoint(IPAddress.IPv6Loopback, 9));
                    }
                }
                """);

        [Fact]
        public Task A_user_EnableBroadcast_property_is_not_Socket_EnableBroadcast_so_broadcast_becomes_unknown()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class Beacon : Socket
                {
                    public Beacon() : base(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { }

                    // Always allows broadcast, whatever it is told.
                    public new bool EnableBroadcast
                    {
                        get => base.EnableBroadcast;
                        set => base.EnableBroadcast = true;
                    }
                }

                class C
                {
                    void M(byte[] data)
                    {
                        var beacon = new Beacon();
                        beacon.EnableBroadcast = false;
                        beacon.SendTo(data, new IPEndPoint(IPAddress.Broadcast, 9));
                    }
                }
                """);

        [Fact]
        public Task A_method_of_the_users_Socket_subclass_may_set_the_broadcast_option_so_broadcast_becomes_unknown()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class Beacon : Socket
                {
                    public Beacon() : base(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { }

                    public void AllowBroadcast() => SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.Broadcast, true);
                }

                class C
                {
                    void M(byte[] data)
                    {
                        var beacon = new Beacon();
                        beacon.EnableBroadcast = false;
                        beacon.AllowBroadcast();
                        beacon.SendTo(data, new IPEndPoint(IPAddress.Broadcast, 9));
                    }
                }
                """);

        [Fact]
        public Task Socket_SetSocketOption_through_the_Client_alias_still_makes_broadcast_unknown()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class C
                {
                    void M(byte[] data)
                    {
                        var udp = new UdpClient();
                        udp.Client.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.Broadcast, true);
                        udp.Client.SendTo(data, new IPEndPoint(IPAddress.Broadcast, 9));
                    }
                }
                """);

        [Fact]
        public Task Socket_EnableBroadcast_false_in_an_initializer_still_leaves_a_broadcast_send_reported()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class C
                {
                    void M(byte[] data)
                    {
                        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { EnableBroadcast = false };
                        {|SOCK032:socket.SendTo(data, new IPEndPoint(IPAddress.Broadcast, 9))|};
                    }
                }
                """);

        [Fact]
        public Task A_user_GetStream_that_takes_the_socket_may_change_it()
            => Verify.VerifyAnalyzerAsync(Usings + """
                static class Tls
                {
                    public static Stream GetStream(Socket socket)
                    {
                        socket.EnableBroadcast = true;
                        return Stream.Null;
                    }
                }

                class C
                {
                    void M(byte[] data)
                    {
                        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                        using var stream = Tls.GetStream(socket);
                        socket.SendTo(data, new IPEndPoint(IPAddress.Broadcast, 9));
                    }
                }
                """);

        [Fact]
        public Task A_user_Address_of_an_IPEndPoint_subclass_is_not_the_address_it_was_made_with()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class Target : IPEndPoint
                {
                    public Target(IPAddress address, int port) : base(address, port) { }

                    // The peer's IPv6 address, whatever the endpoint was made with.
                    public new IPAddress Address => IPAddress.IPv6Loopback;
                }

                class C
                {
                    void M()
                    {
                        var target = new Target(IPAddress.Loopback, 80);
                        var socket = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp);
                        socket.Connect(target.Address, 80);
                    }
                }
                """);

        [Fact]
        public Task A_user_AddressFamily_of_an_IPEndPoint_subclass_is_not_the_family_of_its_address()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class Target : IPEndPoint
                {
                    public Target(IPAddress address, int port) : base(address, port) { }

                    // Always asks for an IPv6 socket.
                    public new AddressFamily AddressFamily => AddressFamily.InterNetworkV6;
                }

                class C
                {
                    void M()
                    {
                        var target = new Target(IPAddress.Loopback, 80);
                        var socket = new Socket(target.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                        socket.Connect(new IPEndPoint(IPAddress.IPv6Loopback, 80));
                    }
                }
                """);

        [Fact]
        public Task IPEndPoint_AddressFamily_still_gives_the_family_of_its_address()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class C
                {
                    void M()
                    {
                        var target = new IPEndPoint(IPAddress.Loopback, 80);
                        var socket = new Socket(target.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                        {|SOCK030:socket.Connect(new IPEndPoint(IPAddress.IPv6Loopback, 80))|};
                    }
                }
                """);

        [Fact]
        public Task A_user_DualMode_property_is_not_Socket_DualMode_so_the_family_stays_unknown()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class Dual : Socket
                {
                    public Dual(AddressFamily family, SocketType type, ProtocolType protocol) : base(family, type, protocol) { }

                    // Always accepts IPv4 too, whatever it is told.
                    public new bool DualMode
                    {
                        get => base.DualMode;
                        set => base.DualMode = true;
                    }
                }

                class C
                {
                    void M()
                    {
                        var socket = new Dual(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp);
                        socket.DualMode = false;
                        socket.Connect(new IPEndPoint(IPAddress.Loopback, 80));
                    }
                }
                """);

        [Fact]
        public Task A_user_AsMemory_past_a_header_is_not_a_read_from_the_buffer_start_so_the_parse_is_not_one_read()
            => Verify.VerifyAnalyzerAsync(Usings + """
                namespace App
                {
                    public sealed class Order { public int Id { get; set; } }

                    static class Frames
                    {
                        // The part of the buffer after its 4-byte header.
                        public static Memory<byte> AsMemory(this byte[] buffer) => new Memory<byte>(buffer, 4, buffer.Length - 4);
                    }

                    class C
                    {
                        async Task<Order?> M(NetworkStream network)
                        {
                            var buffer = new byte[4096];
                            network.ReadExactly(buffer, 0, 4);
                            int n = await network.ReadAsync(buffer.AsMemory());
                            return JsonSerializer.Deserialize<Order>(new ReadOnlySpan<byte>(buffer, 0, 4 + n));
                        }
                    }
                }
                """);
    }
}
