using System.Threading.Tasks;
using SocketAnalyzers.Tests.Verifiers;
using Xunit;
using Verify = SocketAnalyzers.Tests.Verifiers.AnalyzerVerifier<SocketAnalyzers.ByteOrder.SOCK020HostOrderWriteAnalyzer>;

namespace SocketAnalyzers.Tests.ByteOrder
{
    /// <summary>
    /// fresh38 F1 (a PostgreSQL client): <c>writer.Write(Helper.ToBigEndian(n))</c>, where <c>ToBigEndian</c> is the project's
    /// own shift-and-mask byte swap, puts big-endian bytes on the wire as <c>BinaryPrimitives.ReverseEndianness</c> does. A
    /// method of the project is such a swap when its returned expression, evaluated bit by bit, moves every byte of its one
    /// number to the mirror position (or does so only when <c>BitConverter.IsLittleEndian</c>); anything less is no swap.
    /// </summary>
    public sealed class ProjectByteSwapTests
    {
        private static string Code(string swap, string type, string write) => SOCK020HostOrderWriteTests.Usings + $$"""
            static class Swap
            {
                {{swap}}
            }

            sealed class Writer
            {
                public void Send(NetworkStream network, {{type}} value)
                {
                    var writer = new BinaryWriter(network);
                    {{write}};
                }
            }
            """;

        [Theory]
        [InlineData("public static int ToBigEndian(int v) => ((v & 0xFF) << 24) | ((v & 0xFF00) << 8) | ((v >> 8) & 0xFF00) | ((v >> 24) & 0xFF);", "int")]
        [InlineData("public static uint ToBigEndian(uint v) => (v << 24) | ((v & 0xFF00) << 8) | ((v >> 8) & 0xFF00) | (v >> 24);", "uint")]
        [InlineData("public static int ToBigEndian(int v) { return (int)(((uint)v << 24) | (((uint)v & 0x0000FF00u) << 8) | (((uint)v & 0x00FF0000u) >> 8) | ((uint)v >> 24)); }", "int")]
        [InlineData("public static int ToBigEndian(int v) => (int)((v & 0x000000FF) << 24 | (v & 0x0000FF00) << 8 | (v & 0x00FF0000) >> 8 | (v & 0xFF000000) >> 24);", "int")]
        [InlineData("public static short ToBigEndian(short v) => (short)(((v & 0xFF) << 8) | ((v >> 8) & 0xFF));", "short")]
        [InlineData("public static ushort ToBigEndian(ushort v) => (ushort)((v << 8) | (v >> 8));", "ushort")]
        [InlineData("public static ushort ToBigEndian(ushort v) => (ushort)((v >> 8) + (v << 8));", "ushort")]
        [InlineData("public static ulong ToBigEndian(ulong v) => (v << 56) | ((v & 0xFF00) << 40) | ((v & 0xFF0000) << 24) | ((v & 0xFF000000) << 8) | ((v >> 8) & 0xFF000000) | ((v >> 24) & 0xFF0000) | ((v >> 40) & 0xFF00) | (v >> 56);", "ulong")]
        [InlineData("public static long ToBigEndian(this long v) => unchecked((long)(((ulong)v << 56) | (((ulong)v & 0xFF00) << 40) | (((ulong)v & 0xFF0000) << 24) | (((ulong)v & 0xFF000000) << 8) | (((ulong)v >> 8) & 0xFF000000) | (((ulong)v >> 24) & 0xFF0000) | (((ulong)v >> 40) & 0xFF00) | ((ulong)v >> 56)));", "long")]
        // The sign bits of an unmasked arithmetic shift: right for every non-negative int, the values such code writes.
        [InlineData("public static int ToBigEndian(int v) => ((v & 0xFF) << 24) | ((v & 0xFF00) << 8) | ((v >> 8) & 0xFF00) | (v >> 24);", "int")]
        [InlineData("public static int ToNetwork(int v) => BitConverter.IsLittleEndian ? ((v & 0xFF) << 24) | ((v & 0xFF00) << 8) | ((v >> 8) & 0xFF00) | ((v >> 24) & 0xFF) : v;", "int")]
        // The same test written with if and return (fresh59 F1, a VNC server's SwapBytes), or negated.
        [InlineData("public static int ToNetwork(int v) { if (BitConverter.IsLittleEndian) return ((v & 0xFF) << 24) | ((v & 0xFF00) << 8) | ((v >> 8) & 0xFF00) | ((v >> 24) & 0xFF); return v; }", "int")]
        [InlineData("public static int ToNetwork(int v) { if (!BitConverter.IsLittleEndian) { return v; } return ((v & 0xFF) << 24) | ((v & 0xFF00) << 8) | ((v >> 8) & 0xFF00) | ((v >> 24) & 0xFF); }", "int")]
        [InlineData("public static int ToNetwork(int v) { if (BitConverter.IsLittleEndian) { return ((v & 0xFF) << 24) | ((v & 0xFF00) << 8) | ((v >> 8) & 0xFF00) | ((v >> 24) & 0xFF); } else { return v; } }", "int")]
        [InlineData("public static int ToNetwork(int v) => !BitConverter.IsLittleEndian ? v : ((v & 0xFF) << 24) | ((v & 0xFF00) << 8) | ((v >> 8) & 0xFF00) | ((v >> 24) & 0xFF);", "int")]
        [InlineData("public static int ToNetwork(int v) { if (BitConverter.IsLittleEndian) { var u = (uint)v; return (int)((u >> 24) | ((u & 0x00FF0000) >> 8) | ((u & 0x0000FF00) << 8) | (u << 24)); } return v; }", "int")]
        public Task A_number_through_the_projects_own_byte_swap_is_quiet(string swap, string type)
            => Verify.VerifyAnalyzerAsync(Code(swap, type, swap.Contains("this long") ? "writer.Write(value.ToBigEndian())" : swap.Contains("ToNetwork") ? "writer.Write(Swap.ToNetwork(value))" : "writer.Write(Swap.ToBigEndian(value))"));

        [Theory]
        [InlineData("public static int ToBigEndian(int v) => v;", "int")]
        [InlineData("public static int ToBigEndian(int v) => (v << 8) | ((v >> 8) & 0xFF);", "int")]
        [InlineData("public static int ToBigEndian(int v) => ((v & 0xFF) << 24) | ((v & 0xFF00) << 8) | ((v >> 8) & 0xFF00);", "int")]
        [InlineData("public static int ToBigEndian(int v) => ((v & 0xFF) << 24) | ((v & 0xFFFF) << 8) | ((v >> 8) & 0xFF00) | ((v >> 24) & 0xFF);", "int")]
        [InlineData("public static int ToBigEndian(int v) => ((v & 0xFF) << 24) | ((v & 0xFF00) << 8) | ((v >> 8) & 0xFF00) | ((v >> 24) & 0xFF) | 1;", "int")]
        [InlineData("public static int ToBigEndian(int v) => ((v & 0xFF) << 16) | ((v & 0xFF00) << 16) | ((v >> 16) & 0xFFFF);", "int")]
        [InlineData("public static int ToBigEndian(int v) => v + 1;", "int")]
        [InlineData("public static int ToBigEndian(int v) => BitConverter.IsLittleEndian ? v : ((v & 0xFF) << 24) | ((v & 0xFF00) << 8) | ((v >> 8) & 0xFF00) | ((v >> 24) & 0xFF);", "int")]
        [InlineData("public static int ToBigEndian(int v) { if (v > 0) return ((v & 0xFF) << 24) | ((v & 0xFF00) << 8) | ((v >> 8) & 0xFF00) | ((v >> 24) & 0xFF); return v; }", "int")]
        [InlineData("public static int ToBigEndian(int v) { if (BitConverter.IsLittleEndian) return v; return ((v & 0xFF) << 24) | ((v & 0xFF00) << 8) | ((v >> 8) & 0xFF00) | ((v >> 24) & 0xFF); }", "int")]
        [InlineData("public static int ToBigEndian(int v) { if (!BitConverter.IsLittleEndian) return ((v & 0xFF) << 24) | ((v & 0xFF00) << 8) | ((v >> 8) & 0xFF00) | ((v >> 24) & 0xFF); return v; }", "int")]
        [InlineData("public static int ToBigEndian(int v) { if (BitConverter.IsLittleEndian) return ((v & 0xFF) << 24) | ((v & 0xFF00) << 8) | ((v >> 8) & 0xFF00) | ((v >> 24) & 0xFF); Console.WriteLine(); return v; }", "int")]
        [InlineData("public static ushort ToBigEndian(ushort v) => (ushort)((v << 8) | v);", "ushort")]
        [InlineData("public static ushort ToBigEndian(ushort v) => (ushort)((v << 8) + (v >> 7));", "ushort")]
        [InlineData("public static int ToBigEndian(int v) { if (BitConverter.IsLittleEndian) { var u = (uint)(v + 1); return (int)((u >> 24) | ((u & 0x00FF0000) >> 8) | ((u & 0x0000FF00) << 8) | (u << 24)); } return v; }", "int")]
        public Task A_number_through_a_project_method_that_is_no_full_byte_swap_is_reported(string swap, string type)
            => Verify.VerifyAnalyzerAsync(Code(swap, type, "{|#0:writer.Write(Swap.ToBigEndian(value))|}"),
                Verify.Diagnostic().WithLocation(0));

        /// <summary>
        /// fresh59 F1: the swap guarded by <c>if (BitConverter.IsLittleEndian) return …; return value;</c>, its result's bytes
        /// taken by <c>BitConverter.GetBytes</c> and written to the stream: big-endian on every host.
        /// </summary>
        [Fact]
        public Task A_guarded_swap_before_BitConverter_GetBytes_is_quiet()
            => Verify.VerifyAnalyzerAsync(SOCK020HostOrderWriteTests.Usings + """
                sealed class Client
                {
                    private readonly NetworkStream _stream;

                    public Client(NetworkStream stream) => _stream = stream;

                    public async Task SendLength(string message)
                    {
                        var length = SwapBytes((uint)message.Length);
                        await _stream.WriteAsync(BitConverter.GetBytes(length), 0, 4);
                    }

                    private uint SwapBytes(uint value)
                    {
                        if (BitConverter.IsLittleEndian)
                            return (value >> 24) | ((value & 0x00FF0000) >> 8) | ((value & 0x0000FF00) << 8) | (value << 24);
                        return value;
                    }
                }
                """);

        /// <summary>The swap's body is read from its syntax, so a helper in another file counts the same.</summary>
        [Fact]
        public Task A_swap_in_another_file_is_quiet()
            => new SocketAnalyzerTest
            {
                Sources =
                {
                    Code("", "int", "writer.Write(Bytes.ToBigEndian(value))"),
                    "static class Bytes { public static int ToBigEndian(int v) => ((v & 0xFF) << 24) | ((v & 0xFF00) << 8) | ((v >> 8) & 0xFF00) | ((v >> 24) & 0xFF); }",
                },
            }.RunAsync();
    }
}
