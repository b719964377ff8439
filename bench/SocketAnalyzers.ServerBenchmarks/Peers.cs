using System;
using System.Buffers;
using System.Buffers.Binary;
using System.IO;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using DotNetty.Codecs;
using DotNetty.Transport.Bootstrapping;
using DotNetty.Transport.Channels;
using DotNetty.Transport.Channels.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Pipelines.Sockets.Unofficial;
using SocketAnalyzers.Runtime;

namespace SocketAnalyzers.ServerBenchmarks
{
    /// <summary>
    /// One echo server under test. Every peer speaks the same protocol: frames of a 4-byte big-endian length and that many
    /// bytes, each echoed back as it came. The raw baseline echoes bytes without looking at frames (the floor).
    /// </summary>
    internal interface IPeerServer : IAsyncDisposable
    {
        /// <summary>Starts listening on 127.0.0.1 and returns the port.</summary>
        Task<int> StartAsync();
    }

    internal static class Peers
    {
        /// <summary>The largest frame any peer accepts (payload), the same limit everywhere.</summary>
        public const int MaxFrame = 1024 * 1024;

        public static readonly string[] Names = ["raw", "tcpserverhost", "kestrel", "pipelines-sockets", "dotnetty"];

        public static IPeerServer Create(string name) => name switch
        {
            "raw" => new RawSocketEcho(),
            "tcpserverhost" => new TcpServerHostEcho(),
            "kestrel" => new KestrelEcho(),
            "pipelines-sockets" => new PipelinesSocketsEcho(),
            "dotnetty" => new DotNettyEcho(),
            _ => throw new ArgumentException($"unknown peer '{name}'; one of: {string.Join(", ", Names)}"),
        };

        /// <summary>A free loopback port, for the servers that cannot report the one port 0 gave them.</summary>
        public static int FreePort()
        {
            using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            return ((IPEndPoint)probe.LocalEndPoint!).Port;
        }
    }

    /// <summary>The floor: accept loop and one receive/send loop per connection, no framing, no limits, no timeouts.</summary>
    internal sealed class RawSocketEcho : IPeerServer
    {
        private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        private readonly CancellationTokenSource _stop = new();

        public Task<int> StartAsync()
        {
            _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            _listener.Listen(4096);
            _ = Task.Run(AcceptLoopAsync);
            return Task.FromResult(((IPEndPoint)_listener.LocalEndPoint!).Port);
        }

        private async Task AcceptLoopAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                Socket client;
                try
                {
                    client = await _listener.AcceptAsync(_stop.Token).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
                {
                    return;
                }

                client.NoDelay = true;
                _ = Task.Run(() => EchoAsync(client));
            }
        }

        private async Task EchoAsync(Socket client)
        {
            using (client)
            {
                var buffer = new byte[64 * 1024 + 4];
                try
                {
                    int n;
                    while ((n = await client.ReceiveAsync(buffer.AsMemory(), SocketFlags.None, _stop.Token).ConfigureAwait(false)) > 0)
                    {
                        var pending = buffer.AsMemory(0, n);
                        while (!pending.IsEmpty)
                        {
                            pending = pending.Slice(await client.SendAsync(pending, SocketFlags.None, _stop.Token).ConfigureAwait(false));
                        }
                    }
                }
                catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
                {
                }
            }
        }

        public ValueTask DisposeAsync()
        {
            _stop.Cancel();
            _listener.Dispose();
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>Ours: TcpServerHost (default limits and timeouts on) with LengthPrefixedFrameReader/Writer over the connection's stream, as Runtime/README.md shows.</summary>
    internal sealed class TcpServerHostEcho : IPeerServer
    {
        private TcpServerHost? _host;

        public async Task<int> StartAsync()
        {
            _host = new TcpServerHost(
                new TcpServerHostOptions { EndPoint = new IPEndPoint(IPAddress.Loopback, 0), Backlog = 4096 },
                static async (connection, ct) =>
                {
                    using var reader = new LengthPrefixedFrameReader(connection.Stream, Peers.MaxFrame, leaveOpen: true);
                    using var writer = new LengthPrefixedFrameWriter(connection.Stream, Peers.MaxFrame, leaveOpen: true);
                    while (await reader.ReadFrameAsync(ct).ConfigureAwait(false) is { } frame)
                    {
                        await writer.WriteFrameAsync(frame, ct).ConfigureAwait(false);
                    }
                });
            await _host.StartAsync().ConfigureAwait(false);
            return ((IPEndPoint)_host.LocalEndPoint!).Port;
        }

        public ValueTask DisposeAsync() => _host?.DisposeAsync() ?? ValueTask.CompletedTask;
    }

    /// <summary>The same framing written on a PipeReader/PipeWriter, shared by Kestrel and Pipelines.Sockets.Unofficial.</summary>
    internal static class PipeFramedEcho
    {
        public static async Task RunAsync(IDuplexPipe transport)
        {
            PipeReader input = transport.Input;
            PipeWriter output = transport.Output;
            try
            {
                while (true)
                {
                    ReadResult result = await input.ReadAsync().ConfigureAwait(false);
                    ReadOnlySequence<byte> buffer = result.Buffer;
                    bool wrote = false;
                    while (TryReadFrame(ref buffer, out ReadOnlySequence<byte> frame))
                    {
                        foreach (ReadOnlyMemory<byte> segment in frame)
                        {
                            output.Write(segment.Span);
                        }

                        wrote = true;
                    }

                    input.AdvanceTo(buffer.Start, buffer.End);
                    if (wrote && (await output.FlushAsync().ConfigureAwait(false)).IsCompleted)
                    {
                        break;
                    }

                    if (result.IsCompleted || result.IsCanceled)
                    {
                        break;
                    }
                }
            }
            catch (Exception) // the client went away (each transport names it differently): this connection ends
            {
            }
            finally
            {
                await input.CompleteAsync().ConfigureAwait(false);
                await output.CompleteAsync().ConfigureAwait(false);
            }
        }

        /// <summary>A whole frame (its header included) from the front of <paramref name="buffer"/>, if it has arrived.</summary>
        private static bool TryReadFrame(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> frame)
        {
            frame = default;
            if (buffer.Length < 4)
            {
                return false;
            }

            Span<byte> header = stackalloc byte[4];
            buffer.Slice(0, 4).CopyTo(header);
            uint length = BinaryPrimitives.ReadUInt32BigEndian(header);
            if (length > Peers.MaxFrame)
            {
                throw new InvalidDataException($"frame of {length} bytes exceeds {Peers.MaxFrame}");
            }

            if (buffer.Length < 4 + length)
            {
                return false;
            }

            frame = buffer.Slice(0, 4 + length);
            buffer = buffer.Slice(frame.End);
            return true;
        }
    }

    /// <summary>Kestrel's connection layer: a ConnectionHandler on a bare WebHost (no HTTP), the pipe framing above.</summary>
    internal sealed class KestrelEcho : IPeerServer
    {
        private WebApplication? _app;

        public async Task<int> StartAsync()
        {
            int port = Peers.FreePort();
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(options =>
            {
                options.Limits.MaxConcurrentConnections = null;
                options.Listen(IPAddress.Loopback, port, listen => listen.UseConnectionHandler<KestrelFramedEchoHandler>());
            });
            _app = builder.Build();
            await _app.StartAsync().ConfigureAwait(false);
            return port;
        }

        public async ValueTask DisposeAsync()
        {
            if (_app is not null)
            {
                await _app.StopAsync().ConfigureAwait(false);
                await _app.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    internal sealed class KestrelFramedEchoHandler : ConnectionHandler
    {
        public override Task OnConnectedAsync(ConnectionContext connection) => PipeFramedEcho.RunAsync(connection.Transport);
    }

    /// <summary>Pipelines.Sockets.Unofficial's SocketServer / SocketConnection, the pipe framing above.</summary>
    internal sealed class PipelinesSocketsEcho : IPeerServer
    {
        private readonly FramedServer _server = new();

        public Task<int> StartAsync()
        {
            int port = Peers.FreePort();
            _server.Listen(new IPEndPoint(IPAddress.Loopback, port), listenBacklog: 4096);
            return Task.FromResult(port);
        }

        public ValueTask DisposeAsync()
        {
            _server.Dispose();
            return ValueTask.CompletedTask;
        }

        private sealed class FramedServer : SocketServer
        {
            protected override Task OnClientConnectedAsync(in ClientConnection client) => PipeFramedEcho.RunAsync(client.Transport);
        }
    }

    /// <summary>DotNetty: ServerBootstrap, LengthFieldBasedFrameDecoder (header kept), a handler that writes each frame back.</summary>
    internal sealed class DotNettyEcho : IPeerServer
    {
        private readonly MultithreadEventLoopGroup _boss = new(1);
        private readonly MultithreadEventLoopGroup _workers = new();
        private IChannel? _channel;

        public async Task<int> StartAsync()
        {
            int port = Peers.FreePort();
            var bootstrap = new ServerBootstrap()
                .Group(_boss, _workers)
                .Channel<TcpServerSocketChannel>()
                .Option(ChannelOption.SoBacklog, 4096)
                .ChildOption(ChannelOption.TcpNodelay, true)
                .ChildHandler(new ActionChannelInitializer<ISocketChannel>(channel =>
                    channel.Pipeline.AddLast(
                        new LengthFieldBasedFrameDecoder(Peers.MaxFrame + 4, 0, 4, 0, 0),
                        new DotNettyEchoHandler())));
            _channel = await bootstrap.BindAsync(new IPEndPoint(IPAddress.Loopback, port)).ConfigureAwait(false);
            return port;
        }

        public async ValueTask DisposeAsync()
        {
            if (_channel is not null)
            {
                await _channel.CloseAsync().ConfigureAwait(false);
            }

            await Task.WhenAll(_boss.ShutdownGracefullyAsync(TimeSpan.Zero, TimeSpan.FromSeconds(1)), _workers.ShutdownGracefullyAsync(TimeSpan.Zero, TimeSpan.FromSeconds(1))).ConfigureAwait(false);
        }
    }

    internal sealed class DotNettyEchoHandler : ChannelHandlerAdapter
    {
        public override void ChannelRead(IChannelHandlerContext context, object message) => context.WriteAsync(message);

        public override void ChannelReadComplete(IChannelHandlerContext context) => context.Flush();

        public override void ExceptionCaught(IChannelHandlerContext context, Exception exception) => context.CloseAsync();
    }
}
