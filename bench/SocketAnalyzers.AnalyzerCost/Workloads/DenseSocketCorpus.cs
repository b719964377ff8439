using System;
using System.Collections.Generic;
using System.Globalization;

namespace SocketAnalyzers.AnalyzerCost.Workloads
{
    /// <summary>
    /// Workload a): socket-dense, correct code. Servers and clients over <c>TcpListener</c>, <c>TcpClient</c>,
    /// <c>Socket</c>, <c>NetworkStream</c> and <c>UdpClient</c>; length-prefixed framing in network byte order with
    /// <c>BinaryPrimitives</c>; sync and async; loops, <c>try/finally</c>, <c>using</c>; every read's count is
    /// checked. No rule of the package should fire on any of it. Deterministic: the same arguments give the same
    /// text. Compiles against the .NET 8 reference assemblies and later.
    /// </summary>
    /// <remarks>
    /// Shared, as a linked source file, with <c>tests/SocketAnalyzers.Tests/Meta/DenseSocketCorpusTests.cs</c>, which
    /// proves a small instance stays quiet.
    /// </remarks>
    internal static class DenseSocketCorpus
    {
        private const string Usings = """
            using System;
            using System.Buffers.Binary;
            using System.Collections.Generic;
            using System.IO;
            using System.Net;
            using System.Net.Sockets;
            using System.Text;
            using System.Threading;
            using System.Threading.Tasks;

            """;

        /// <summary>The templates, in the order one round emits them; each takes the round's number.</summary>
        private static readonly Func<int, string>[] Templates =
        {
            FramedServer,
            RequestClient,
            EchoServer,
            UdpProbe,
            LineServer,
            MessageCodec,
            QueryClient,
            DatagramServer,
        };

        /// <summary>How many files one round emits.</summary>
        public static int FilesPerRound => Templates.Length;

        /// <summary>
        /// Files (name, text) of about <paramref name="targetLines"/> lines in all: whole rounds of every template
        /// until the target is reached (at least one round).
        /// </summary>
        public static IReadOnlyList<KeyValuePair<string, string>> Generate(int targetLines)
        {
            var files = new List<KeyValuePair<string, string>>();
            var lines = 0;
            for (var round = 0; round == 0 || lines < targetLines; round++)
            {
                for (var t = 0; t < Templates.Length; t++)
                {
                    var text = Usings + Templates[t](round);
                    lines += CountLines(text);
                    files.Add(new KeyValuePair<string, string>($"Dense{round:D3}_{t}.cs", text));
                }
            }

            return files;
        }

        internal static int CountLines(string text)
        {
            var n = 1;
            foreach (var c in text)
            {
                if (c == '\n')
                {
                    n++;
                }
            }

            return n;
        }

        private static string N(int i) => i.ToString(CultureInfo.InvariantCulture);

        private static string FramedServer(int i) => $$"""
            namespace Dense.Servers{{N(i)}}
            {
                /// <summary>Length-prefixed request/reply over TcpListener, one client at a time.</summary>
                public sealed class FramedServer{{N(i)}}
                {
                    private const int MaxFrame = 1 << 20;
                    private readonly int port;

                    public FramedServer{{N(i)}}(int port)
                    {
                        this.port = port;
                    }

                    public void Run(CancellationToken token)
                    {
                        var listener = new TcpListener(IPAddress.Loopback, port);
                        listener.Start();
                        try
                        {
                            while (!token.IsCancellationRequested)
                            {
                                TcpClient client = listener.AcceptTcpClient();
                                _ = Task.Run(() =>
                                {
                                    using (client)
                                    using (NetworkStream stream = client.GetStream())
                                    {
                                        Serve(stream);
                                    }
                                });
                            }
                        }
                        finally
                        {
                            listener.Stop();
                        }
                    }

                    private static void Serve(NetworkStream stream)
                    {
                        var header = new byte[4];
                        while (ReadFully(stream, header, header.Length))
                        {
                            int length = BinaryPrimitives.ReadInt32BigEndian(header);
                            if (length < 0 || length > MaxFrame)
                            {
                                throw new InvalidDataException("frame length " + length + " out of range");
                            }

                            var payload = new byte[length];
                            if (!ReadFully(stream, payload, length))
                            {
                                throw new EndOfStreamException("peer closed inside a frame");
                            }

                            string text = Encoding.UTF8.GetString(payload, 0, length);
                            byte[] reply = Encoding.UTF8.GetBytes(text.ToUpperInvariant() + "#{{N(i)}}");
                            var prefix = new byte[4];
                            BinaryPrimitives.WriteInt32BigEndian(prefix, reply.Length);
                            stream.Write(prefix, 0, prefix.Length);
                            stream.Write(reply, 0, reply.Length);
                        }
                    }

                    private static bool ReadFully(NetworkStream stream, byte[] buffer, int count)
                    {
                        int done = 0;
                        while (done < count)
                        {
                            int n = stream.Read(buffer, done, count - done);
                            if (n == 0)
                            {
                                return false;
                            }

                            done += n;
                        }

                        return true;
                    }
                }
            }

            """;

        private static string RequestClient(int i) => $$"""
            namespace Dense.Clients{{N(i)}}
            {
                /// <summary>Async request with a status reply over TcpClient.</summary>
                public sealed class RequestClient{{N(i)}}
                {
                    private readonly string host;
                    private readonly int port;

                    public RequestClient{{N(i)}}(string host, int port)
                    {
                        this.host = host;
                        this.port = port;
                    }

                    public async Task<int> SendAsync(byte[] body, CancellationToken token)
                    {
                        using var client = new TcpClient();
                        await client.ConnectAsync(host, port, token).ConfigureAwait(false);
                        NetworkStream stream = client.GetStream();
                        var header = new byte[8];
                        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(0, 4), body.Length);
                        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4, 4), {{N(i)}});
                        await stream.WriteAsync(header, 0, header.Length, token).ConfigureAwait(false);
                        await stream.WriteAsync(body, 0, body.Length, token).ConfigureAwait(false);
                        var status = new byte[4];
                        int got = 0;
                        while (got < status.Length)
                        {
                            int n = await stream.ReadAsync(status, got, status.Length - got, token).ConfigureAwait(false);
                            if (n == 0)
                            {
                                throw new EndOfStreamException("server closed before the status");
                            }

                            got += n;
                        }

                        return BinaryPrimitives.ReadInt32BigEndian(status);
                    }

                    public async Task<List<string>> ReadLinesAsync(CancellationToken token)
                    {
                        var lines = new List<string>();
                        using var client = new TcpClient();
                        await client.ConnectAsync(host, port, token).ConfigureAwait(false);
                        using NetworkStream stream = client.GetStream();
                        var buffer = new byte[512];
                        var pending = new StringBuilder();
                        int read;
                        while ((read = await stream.ReadAsync(buffer.AsMemory(0, buffer.Length), token).ConfigureAwait(false)) > 0)
                        {
                            pending.Append(Encoding.UTF8.GetString(buffer, 0, read));
                            int newline;
                            while ((newline = pending.ToString().IndexOf('\n')) >= 0)
                            {
                                lines.Add(pending.ToString(0, newline));
                                pending.Remove(0, newline + 1);
                            }
                        }

                        return lines;
                    }
                }
            }

            """;

        private static string EchoServer(int i) => $$"""
            namespace Dense.Echo{{N(i)}}
            {
                /// <summary>Echo over a raw Socket: bind, listen, accept, echo each client on the thread pool until the peer closes.</summary>
                public sealed class EchoServer{{N(i)}}
                {
                    public void Serve(IPEndPoint endpoint, CancellationToken token)
                    {
                        using var listener = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                        listener.Bind(endpoint);
                        listener.Listen(16);
                        while (!token.IsCancellationRequested)
                        {
                            Socket connection = listener.Accept();
                            _ = Task.Run(() =>
                            {
                                try
                                {
                                    Echo(connection);
                                    connection.Shutdown(SocketShutdown.Both);
                                }
                                finally
                                {
                                    connection.Close();
                                }
                            });
                        }
                    }

                    private static void Echo(Socket connection)
                    {
                        var buffer = new byte[4096];
                        while (true)
                        {
                            int received = connection.Receive(buffer, 0, buffer.Length, SocketFlags.None);
                            if (received == 0)
                            {
                                break;
                            }

                            int sent = 0;
                            while (sent < received)
                            {
                                sent += connection.Send(buffer, sent, received - sent, SocketFlags.None);
                            }
                        }
                    }
                }
            }

            """;

        private static string UdpProbe(int i) => $$"""
            namespace Dense.Udp{{N(i)}}
            {
                /// <summary>A timestamped UDP probe and its reply, in network byte order.</summary>
                public sealed class UdpProbe{{N(i)}}
                {
                    public async Task<long> PingAsync(IPEndPoint target, CancellationToken token)
                    {
                        using var udp = new UdpClient(target.AddressFamily);
                        var request = new byte[12];
                        BinaryPrimitives.WriteInt32BigEndian(request.AsSpan(0, 4), {{N(i)}});
                        BinaryPrimitives.WriteInt64BigEndian(request.AsSpan(4, 8), DateTime.UtcNow.Ticks);
                        await udp.SendAsync(request, request.Length, target).ConfigureAwait(false);
                        UdpReceiveResult result = await udp.ReceiveAsync(token).ConfigureAwait(false);
                        if (result.Buffer.Length < 12)
                        {
                            throw new InvalidDataException("short reply: " + result.Buffer.Length + " bytes");
                        }

                        int sequence = BinaryPrimitives.ReadInt32BigEndian(result.Buffer.AsSpan(0, 4));
                        if (sequence != {{N(i)}})
                        {
                            throw new InvalidDataException("reply to another probe: " + sequence);
                        }

                        return BinaryPrimitives.ReadInt64BigEndian(result.Buffer.AsSpan(4, 8));
                    }
                }
            }

            """;

        private static string LineServer(int i) => $$"""
            namespace Dense.Lines{{N(i)}}
            {
                /// <summary>Async line echo over Socket with Memory-based ReceiveAsync/SendAsync.</summary>
                public sealed class LineServer{{N(i)}}
                {
                    public async Task RunAsync(int port, CancellationToken token)
                    {
                        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        listener.Bind(new IPEndPoint(IPAddress.Loopback, port));
                        listener.Listen(100);
                        while (!token.IsCancellationRequested)
                        {
                            Socket client = await listener.AcceptAsync(token).ConfigureAwait(false);
                            _ = HandleAsync(client, token);
                        }
                    }

                    private static async Task HandleAsync(Socket client, CancellationToken token)
                    {
                        using (client)
                        {
                            var buffer = new byte[1024];
                            var line = new StringBuilder();
                            while (true)
                            {
                                int n = await client.ReceiveAsync(buffer.AsMemory(), SocketFlags.None, token).ConfigureAwait(false);
                                if (n == 0)
                                {
                                    return;
                                }

                                for (int k = 0; k < n; k++)
                                {
                                    char c = (char)buffer[k];
                                    if (c != '\n')
                                    {
                                        line.Append(c);
                                        continue;
                                    }

                                    byte[] reply = Encoding.ASCII.GetBytes(line.ToString() + "\n");
                                    int sent = 0;
                                    while (sent < reply.Length)
                                    {
                                        sent += await client.SendAsync(reply.AsMemory(sent), SocketFlags.None, token).ConfigureAwait(false);
                                    }

                                    line.Clear();
                                }
                            }
                        }
                    }
                }
            }

            """;

        private static string MessageCodec(int i) => $$"""
            namespace Dense.Codec{{N(i)}}
            {
                public readonly struct MessageHeader{{N(i)}}
                {
                    public MessageHeader{{N(i)}}(ushort kind, uint length)
                    {
                        Kind = kind;
                        Length = length;
                    }

                    public ushort Kind { get; }

                    public uint Length { get; }
                }

                /// <summary>A fixed 6-byte header, big-endian, read and written whole.</summary>
                public static class MessageCodec{{N(i)}}
                {
                    public static MessageHeader{{N(i)}} ReadHeader(NetworkStream stream)
                    {
                        Span<byte> header = stackalloc byte[6];
                        stream.ReadExactly(header);
                        return new MessageHeader{{N(i)}}(
                            BinaryPrimitives.ReadUInt16BigEndian(header),
                            BinaryPrimitives.ReadUInt32BigEndian(header.Slice(2)));
                    }

                    public static void WriteHeader(NetworkStream stream, MessageHeader{{N(i)}} header)
                    {
                        Span<byte> bytes = stackalloc byte[6];
                        BinaryPrimitives.WriteUInt16BigEndian(bytes, header.Kind);
                        BinaryPrimitives.WriteUInt32BigEndian(bytes.Slice(2), header.Length);
                        stream.Write(bytes);
                    }

                    public static byte[] ReadBody(NetworkStream stream, MessageHeader{{N(i)}} header)
                    {
                        if (header.Length > 65536)
                        {
                            throw new InvalidDataException("body too large");
                        }

                        var body = new byte[header.Length];
                        stream.ReadExactly(body, 0, body.Length);
                        return body;
                    }

                    public static int Copy(NetworkStream from, Stream to, byte[] scratch)
                    {
                        int total = 0;
                        int n;
                        while ((n = from.Read(scratch, 0, scratch.Length)) != 0)
                        {
                            to.Write(scratch, 0, n);
                            total += n;
                        }

                        return total;
                    }
                }
            }

            """;

        private static string QueryClient(int i) => $$"""
            namespace Dense.Query{{N(i)}}
            {
                /// <summary>Connect, send the whole request, half-close, read the reply until the server closes.</summary>
                public sealed class QueryClient{{N(i)}}
                {
                    public byte[] Query(IPEndPoint server, byte[] request)
                    {
                        var socket = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                        try
                        {
                            socket.Connect(server);
                            int sent = 0;
                            while (sent < request.Length)
                            {
                                sent += socket.Send(request, sent, request.Length - sent, SocketFlags.None);
                            }

                            using var response = new MemoryStream();
                            var chunk = new byte[2048];
                            int n;
                            while ((n = socket.Receive(chunk)) > 0)
                            {
                                response.Write(chunk, 0, n);
                            }

                            return response.ToArray();
                        }
                        finally
                        {
                            socket.Dispose();
                        }
                    }

                    public async Task<int> CountBytesAsync(IPEndPoint server, CancellationToken token)
                    {
                        using var socket = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                        await socket.ConnectAsync(server, token).ConfigureAwait(false);
                        var chunk = new byte[2048];
                        int total = 0;
                        for (int turn = 0; turn < {{N(10 + (i % 7))}}; turn++)
                        {
                            int n = await socket.ReceiveAsync(chunk.AsMemory(), SocketFlags.None, token).ConfigureAwait(false);
                            if (n <= 0)
                            {
                                break;
                            }

                            total += n;
                        }

                        return total;
                    }
                }
            }

            """;

        private static string DatagramServer(int i) => $$"""
            namespace Dense.Datagrams{{N(i)}}
            {
                /// <summary>UDP request/reply over a bound Socket, with the sender's endpoint.</summary>
                public sealed class DatagramServer{{N(i)}}
                {
                    private readonly Dictionary<int, long> counters = new Dictionary<int, long>();

                    public void Run(int port, CancellationToken token)
                    {
                        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                        socket.Bind(new IPEndPoint(IPAddress.Any, port));
                        var buffer = new byte[1500];
                        var reply = new byte[12];
                        while (!token.IsCancellationRequested)
                        {
                            EndPoint sender = new IPEndPoint(IPAddress.Any, 0);
                            int n = socket.ReceiveFrom(buffer, ref sender);
                            if (n < 4)
                            {
                                continue;
                            }

                            int key = BinaryPrimitives.ReadInt32BigEndian(buffer.AsSpan(0, 4));
                            counters.TryGetValue(key, out long count);
                            counters[key] = count + n;
                            BinaryPrimitives.WriteInt32BigEndian(reply.AsSpan(0, 4), key);
                            BinaryPrimitives.WriteInt64BigEndian(reply.AsSpan(4, 8), count + n);
                            socket.SendTo(reply, 0, reply.Length, SocketFlags.None, sender);
                        }
                    }
                }
            }

            """;
    }
}
