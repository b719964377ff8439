using System.Threading.Tasks;
using Xunit;
using static SocketAnalyzers.Tests.Reads.ReadTestCode;
using Verify = SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<SocketAnalyzers.Reads.SOCK010DiscardedReadCountAnalyzer, SocketAnalyzers.CodeFixes.Reads.SOCK010DiscardedReadCountCodeFixProvider>;

namespace SocketAnalyzers.Tests.Reads
{
    /// <summary>
    /// A receive given <c>SocketFlags.Peek</c> leaves the bytes it counted queued on the socket, so a receive of at most that
    /// many on the same stream socket takes them all: its dropped count is the size it asked for, as under an
    /// <c>Available</c> guard (fresh41 F1: an SSH server peeks at the peer's banner line, then consumes what it looked at).
    /// </summary>
    public sealed class PeekedBytesTests
    {
        /// <summary>The banner reader: peek, look for the line's end in what was peeked, consume it (<paramref name="consume"/>).</summary>
        private static string Banner(string consume, string peek = "socket.Receive(line, pos, line.Length - pos, SocketFlags.Peek)") => Method($$"""
            var line = new byte[255];
            var skipped = new byte[255];
            var pos = 0;
            while (pos < line.Length)
            {
                int len = {{peek}};
                if (len == 0)
                {
                    throw new SocketException();
                }

                for (var i = 0; i < len; i++, pos++)
                {
                    if (line[pos] == (byte)'\n')
                    {
                        socket.Receive(skipped, 0, i + 1, SocketFlags.None);
                        Console.WriteLine(Encoding.ASCII.GetString(line, 0, pos));
                        return;
                    }
                }

                {{consume}}
            }
            """);

        [Theory]
        [InlineData("socket.Receive(skipped, 0, len, SocketFlags.None);")]
        [InlineData("socket.Receive(skipped, len, SocketFlags.None);")]
        public Task Receive_of_no_more_than_a_peek_counted_is_silent(string consume)
            => Verify.VerifyAnalyzerAsync(Banner(consume));

        /// <summary>The real site's form: the peek started with <c>BeginReceive</c> and ended with <c>EndReceive(ar)</c>.</summary>
        [Theory]
        [InlineData("socket", false)]
        [InlineData("client.Client", true)]
        public Task Peek_through_BeginReceive_and_EndReceive_counts_on_its_own_socket(string begun, bool reported)
            => Verify.VerifyAnalyzerAsync(Banner(
                reported ? "[|socket.Receive(skipped, 0, len, SocketFlags.None)|];" : "socket.Receive(skipped, 0, len, SocketFlags.None);",
                "socket.EndReceive(ar)").Replace(
                    "int len = socket.EndReceive(ar);",
                    "var ar = " + begun + ".BeginReceive(line, pos, line.Length - pos, SocketFlags.Peek, null, null);\n        ar.AsyncWaitHandle.WaitOne();\n        int len = socket.EndReceive(ar);"));

        /// <summary>
        /// fresh61 FALSE 1 and 2 (a file-transfer class): the peek is begun in one method and ended in its callback, the
        /// usual APM shape; a count of at least 4 means 4 bytes wait, so the receive of 4 that follows returns 4 and the
        /// length it decodes was placed (SOCK010 and SOCK012 were both reported). The callback starts the next peek on 0
        /// too, through <c>RunReceive()</c>: that is SOCK011's (fresh61 M1).
        /// </summary>
        private static string PeekCallback(string begin, string consume, string extra = "") => $$"""
            using System;
            using System.Net.Sockets;

            sealed class Holder
            {
                public Socket TransferSocket { get; } = new Socket(SocketType.Stream, ProtocolType.Tcp);
            }

            sealed class Transfer
            {
                private readonly Holder _socket = new Holder();
                private readonly byte[] _buffer = new byte[8192];

                public void RunReceive()
                {
                    {{begin}}
                }

                {{extra}}

                private void ReceiveCallback(IAsyncResult ar)
                {
                    int size = {|SOCK011:_socket.TransferSocket.EndReceive(ar)|};
                    if (size >= 4)
                    {
                        {{consume}}
                        int length = {|SOCK021:BitConverter.ToInt32(_buffer, 0)|};
                        Console.WriteLine(length);
                    }

                    RunReceive();
                }
            }
            """;

        [Theory]
        [InlineData("_socket.TransferSocket.BeginReceive(_buffer, 0, _buffer.Length, SocketFlags.Peek, ReceiveCallback, null);")]
        [InlineData("_socket.TransferSocket.BeginReceive(_buffer, 0, _buffer.Length, SocketFlags.Peek, new AsyncCallback(ReceiveCallback), null);")]
        public Task Peek_begun_in_another_method_and_ended_in_its_callback_counts(string begin)
            => Verify.VerifyAnalyzerAsync(PeekCallback(begin, "_socket.TransferSocket.Receive(_buffer, 0, 4, SocketFlags.None);"));

        /// <summary>The audited class's form: the socket behind an interface's property, inside a <c>try</c>.</summary>
        [Fact]
        public Task Peek_on_a_socket_behind_an_interface_property_counts()
            => Verify.VerifyAnalyzerAsync(PeekCallback(
                "_socket.TransferSocket.BeginReceive(_buffer, 0, 8192, SocketFlags.Peek, ReceiveCallback, null);",
                "_socket.TransferSocket.Receive(_buffer, 0, 4, SocketFlags.None);")
                .Replace("private readonly Holder _socket = new Holder();", "private readonly ISocket _socket;\n    public Transfer(ISocket socket) => _socket = socket;")
                .Replace("sealed class Holder", "interface ISocket { Socket TransferSocket { get; } }\nsealed class Holder")
                .Replace("int size = {|SOCK011:_socket.TransferSocket.EndReceive(ar)|};", "try {\n int size = {|SOCK011:_socket.TransferSocket.EndReceive(ar)|};")
                .Replace("        RunReceive();\n    }", "        RunReceive();\n        } catch (Exception) { _socket.TransferSocket.Close(); }\n    }"));

        /// <summary>
        /// A receive of the callback's that does not peek, a peek on another socket, a receive of more than was looked at, or
        /// a callback ended with a local's result keep the reports.
        /// </summary>
        [Theory]
        [InlineData("_socket.TransferSocket.BeginReceive(_buffer, 0, _buffer.Length, SocketFlags.None, ReceiveCallback, null);", "[|_socket.TransferSocket.Receive(_buffer, 0, 4, SocketFlags.None)|];", "")]
        [InlineData("_socket.TransferSocket.BeginReceive(_buffer, 0, _buffer.Length, SocketFlags.Peek, ReceiveCallback, null);", "[|_socket.TransferSocket.Receive(_buffer, 0, 5, SocketFlags.None)|];", "")]
        [InlineData("{|SOCK004:_other.BeginReceive(_buffer, 0, _buffer.Length, SocketFlags.Peek, ReceiveCallback, null)|};", "[|_socket.TransferSocket.Receive(_buffer, 0, 4, SocketFlags.None)|];", "private readonly Socket _other = new Socket(SocketType.Stream, ProtocolType.Tcp);")]
        [InlineData("_socket.TransferSocket.BeginReceive(_buffer, 0, _buffer.Length, SocketFlags.Peek, ReceiveCallback, null);", "[|_socket.TransferSocket.Receive(_buffer, 0, 4, SocketFlags.None)|];", "public void Again() => _socket.TransferSocket.BeginReceive(_buffer, 0, 4, SocketFlags.None, ReceiveCallback, null);")]
        public Task Callback_whose_receives_may_not_all_peek_at_its_socket_is_reported(string begin, string consume, string extra)
            => Verify.VerifyAnalyzerAsync(PeekCallback(begin, consume, extra)
                // RunReceive() re-arms another socket there: the callback's own chain does not spin (SOCK011 quiet).
                .Replace("{|SOCK011:_socket.TransferSocket.EndReceive(ar)|}", begin.StartsWith("{|SOCK004:_other", System.StringComparison.Ordinal) ? "_socket.TransferSocket.EndReceive(ar)" : "{|SOCK011:_socket.TransferSocket.EndReceive(ar)|}")
                .Replace(
                "int length = {|SOCK021:BitConverter.ToInt32(_buffer, 0)|};", "int length = {|SOCK012:{|SOCK021:BitConverter.ToInt32(_buffer, 0)|}|};"));

        [Fact]
        public Task Peek_of_flags_combined_with_others_still_counts()
            => Verify.VerifyAnalyzerAsync(Banner(
                "socket.Receive(skipped, 0, len, SocketFlags.None);",
                "socket.Receive(line, pos, line.Length - pos, SocketFlags.Peek | SocketFlags.None)"));

        [Theory]
        // Asks for more than was peeked.
        [InlineData("[|socket.Receive(skipped, 0, len + 1, SocketFlags.None)|];")]
        // Another read between the peek and the receive took bytes.
        [InlineData("[|socket.Receive(skipped)|];\n[|socket.Receive(skipped, 0, len, SocketFlags.None)|];")]
        // Another socket's bytes were counted.
        [InlineData("[|client.Client.Receive(skipped, 0, len, SocketFlags.None)|];\nConsole.WriteLine(skipped[0]);")]
        // The count is given another value first.
        [InlineData("len = skipped.Length;\n[|socket.Receive(skipped, 0, len, SocketFlags.None)|];")]
        public Task Receive_the_peek_does_not_cover_is_reported(string consume)
            => Verify.VerifyAnalyzerAsync(Banner(consume));

        [Fact]
        public Task Receive_after_a_read_that_did_not_peek_is_reported()
            => Verify.VerifyAnalyzerAsync(Banner(
                "[|socket.Receive(skipped, 0, len, SocketFlags.None)|];",
                "socket.Receive(line, pos, line.Length - pos, SocketFlags.None)"));

        [Fact]
        public Task Peek_whose_flags_are_not_constant_does_not_count()
            => Verify.VerifyAnalyzerAsync(Banner(
                "[|socket.Receive(skipped, 0, len, SocketFlags.None)|];",
                "socket.Receive(line, pos, line.Length - pos, token.IsCancellationRequested ? SocketFlags.None : SocketFlags.Peek)"));
    }
}
