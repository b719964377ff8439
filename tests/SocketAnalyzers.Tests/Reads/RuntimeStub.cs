namespace SocketAnalyzers.Tests.Reads
{
    /// <summary>
    /// The public surface of SocketAnalyzers.Runtime's exact-read helpers, as a second test document, so that the fix
    /// tests do not depend on the Runtime assembly.
    /// </summary>
    internal static class RuntimeStub
    {
        public const string Source = """
            using System;
            using System.IO;
            using System.Net.Sockets;
            using System.Threading;
            using System.Threading.Tasks;

            namespace SocketAnalyzers.Runtime
            {
                public static class SocketReceiveExtensions
                {
                    public static void ReceiveExactly(this Socket socket, byte[] buffer, int offset, int count) { }

                    public static void ReceiveExactly(this Socket socket, Span<byte> buffer) { }

                    public static ValueTask ReceiveExactlyAsync(this Socket socket, Memory<byte> buffer, CancellationToken cancellationToken = default) => default;
                }

                public static class StreamReadExtensions
                {
                    public static void ReadExactly(this Stream stream, byte[] buffer, int offset, int count) { }

                    public static Task ReadExactlyAsync(this Stream stream, byte[] buffer, int offset, int count, CancellationToken cancellationToken = default) => Task.CompletedTask;
                }
            }
            """;
    }
}
