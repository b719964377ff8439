using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using SocketAnalyzers.Reads;
using Xunit;
using static SocketAnalyzers.Tests.Reads.ReadTestCode;
using SOCK010Verify = SocketAnalyzers.Tests.Verifiers.AnalyzerVerifier<SocketAnalyzers.Reads.SOCK010DiscardedReadCountAnalyzer>;
using Verify = SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<SocketAnalyzers.Reads.SOCK011ReadLoopIgnoresEndOfStreamAnalyzer, SocketAnalyzers.CodeFixes.Reads.SOCK011ReadLoopIgnoresEndOfStreamCodeFixProvider>;

namespace SocketAnalyzers.Tests.Reads
{
    /// <summary>
    /// SOCK011 on an APM receive callback that starts the next receive with itself: the chain of callbacks is the loop.
    /// Once the peer has closed, <c>EndReceive</c> returns 0, the callback starts the next receive, which completes at
    /// once with 0 again, for ever (fresh-repository audits: four such callbacks in course chat servers and games).
    /// </summary>
    public sealed class SOCK011CallbackChainTests
    {
        /// <summary>A class holding a connected socket, a stream over it and a buffer; <paramref name="members"/> are its callbacks.</summary>
        private static string Class(string members) => Usings + $$"""
            class C
            {
                private readonly Socket socket;
                private readonly NetworkStream stream;
                private readonly byte[] buffer = new byte[1024];

                public C(Socket socket)
                {
                    this.socket = socket;
                    stream = new NetworkStream(socket);
                }

                private static void Show(byte[] data, int count) => Console.WriteLine(Encoding.UTF8.GetString(data, 0, count));

            {{Indent(members, 4)}}
            }
            """;

        [Theory]
        [InlineData("""
            void OnData(IAsyncResult ar)
            {
                int n = {|SOCK011:socket.EndReceive(ar)|};
                Show(buffer, n);
                socket.BeginReceive(buffer, 0, buffer.Length, SocketFlags.None, OnData, null);
            }
            """)]
        [InlineData("""
            void OnData(IAsyncResult ar)
            {
                try
                {
                    int n = {|SOCK011:socket.EndReceive(ar)|};
                    Show(buffer, n);
                }
                finally
                {
                    socket.BeginReceive(buffer, 0, buffer.Length, SocketFlags.None, new AsyncCallback(OnData), null);
                }
            }
            """)]
        [InlineData("""
            void OnData(IAsyncResult ar)
            {
                int n = {|SOCK011:stream.EndRead(ar)|};
                Show(buffer, n);
                stream.BeginRead(buffer, 0, buffer.Length, r => OnData(r), null);
            }
            """)]
        [InlineData("""
            void OnData(IAsyncResult ar)
            {
                int n = {|SOCK011:socket.EndReceive(ar)|};
                if (n > 0)
                {
                    Show(buffer, n);
                }

                socket.BeginReceive(buffer, 0, buffer.Length, SocketFlags.None, OnData, ar.AsyncState);
            }
            """)]
        public Task Callback_that_starts_the_next_receive_with_itself_on_0_is_reported(string members)
            => Verify.VerifyAnalyzerAsync(Class(members));

        /// <summary>
        /// fresh61 M1 (a file-transfer class): the callback starts the next receive through a method of the class whose
        /// whole body is that receive, at the end of the callback and on the 0 path too.
        /// </summary>
        [Theory]
        [InlineData("void RunReceive() => socket.BeginReceive(buffer, 0, buffer.Length, SocketFlags.None, OnData, null);")]
        [InlineData("private void RunReceive() { socket.BeginReceive(buffer, 0, buffer.Length, SocketFlags.None, new AsyncCallback(OnData), null); }")]
        // fresh90 M1: the receive is the only statement of a try whose catch closes; the catch runs only when it did not start.
        [InlineData("void RunReceive() { try { socket.BeginReceive(buffer, 0, buffer.Length, SocketFlags.Peek, OnData, null); } catch { socket.Close(); } }")]
        [InlineData("void RunReceive() { try { socket.BeginReceive(buffer, 0, buffer.Length, SocketFlags.None, OnData, null); } catch (SocketException e) { Console.WriteLine(e.Message); } }")]
        public Task Callback_that_starts_the_next_receive_through_a_one_line_method_is_reported(string helper)
            => Verify.VerifyAnalyzerAsync(Class(helper + """


                void OnData(IAsyncResult ar)
                {
                    try
                    {
                        int n = {|SOCK011:socket.EndReceive(ar)|};
                        if (n >= 4)
                        {
                            Show(buffer, n);
                        }

                        RunReceive();
                    }
                    catch (Exception)
                    {
                        socket.Close();
                    }
                }
                """));

        /// <summary>No fix for the helper's form either, alone or in Fix All: there is no loop statement to break out of.</summary>
        [Fact]
        public Task Callback_that_re_arms_through_a_one_line_method_gets_no_fix()
        {
            var source = Class("""
                void RunReceive() => socket.BeginReceive(buffer, 0, buffer.Length, SocketFlags.None, OnData, null);

                void OnData(IAsyncResult ar)
                {
                    int n = {|SOCK011:socket.EndReceive(ar)|};
                    Show(buffer, n);
                    RunReceive();
                }
                """);
            return Verify.VerifyCodeFixAsync(source, source);
        }

        /// <summary>
        /// A helper that does more than the receive (it may close or test first), takes an argument, can be overridden,
        /// receives on another socket or names another callback, or a callback that stops at 0 before calling it: quiet.
        /// </summary>
        [Theory]
        [InlineData("void RunReceive() { if (socket.Connected) socket.BeginReceive(buffer, 0, buffer.Length, SocketFlags.None, OnData, null); }", "RunReceive();")]
        [InlineData("void RunReceive() { Console.WriteLine(1); socket.BeginReceive(buffer, 0, buffer.Length, SocketFlags.None, OnData, null); }", "RunReceive();")]
        [InlineData("void RunReceive() { try { socket.BeginReceive(buffer, 0, buffer.Length, SocketFlags.None, OnData, null); } finally { socket.Close(); } }", "RunReceive();")]
        [InlineData("void RunReceive() { try { Console.WriteLine(1); socket.BeginReceive(buffer, 0, buffer.Length, SocketFlags.None, OnData, null); } catch { } }", "RunReceive();")]
        [InlineData("void RunReceive(Socket s) => s.BeginReceive(buffer, 0, buffer.Length, SocketFlags.None, OnData, null);", "RunReceive(socket);")]
        [InlineData("protected virtual void RunReceive() => socket.BeginReceive(buffer, 0, buffer.Length, SocketFlags.None, OnData, null);", "RunReceive();")]
        [InlineData("void RunReceive() => socket.BeginReceive(buffer, 0, buffer.Length, SocketFlags.None, OnOther, null); void OnOther(IAsyncResult ar) => Show(buffer, socket.EndReceive(ar));", "RunReceive();")]
        [InlineData("void RunReceive() => socket.BeginReceive(buffer, 0, buffer.Length, SocketFlags.None, OnData, null);", "if (n == 0) { socket.Close(); return; } RunReceive();")]
        public Task Callback_whose_helper_may_not_start_the_same_receive_on_0_is_quiet(string helper, string rearm)
            => Verify.VerifyAnalyzerAsync(Class(helper + $$"""


                void OnData(IAsyncResult ar)
                {
                    int n = socket.EndReceive(ar);
                    Show(buffer, n);
                    {{rearm}}
                }
                """));

        [Theory]
        [InlineData("""
            void OnData(IAsyncResult ar)
            {
                int n = socket.EndReceive(ar);
                if (n == 0)
                {
                    socket.Close();
                    return;
                }

                Show(buffer, n);
                socket.BeginReceive(buffer, 0, buffer.Length, SocketFlags.None, OnData, null);
            }
            """)]
        [InlineData("""
            void OnData(IAsyncResult ar)
            {
                int n = socket.EndReceive(ar);
                if (n > 0)
                {
                    Show(buffer, n);
                    socket.BeginReceive(buffer, 0, buffer.Length, SocketFlags.None, OnData, null);
                }
            }
            """)]
        [InlineData("""
            void OnData(IAsyncResult ar)
            {
                int n = socket.EndReceive(ar);
                Show(buffer, n);
                socket.BeginReceive(buffer, 0, buffer.Length, SocketFlags.None, OnOther, null);
            }

            void OnOther(IAsyncResult ar)
            {
                Show(buffer, socket.EndReceive(ar));
            }
            """)]
        [InlineData("""
            void OnData(IAsyncResult ar)
            {
                int n = socket.EndReceive(ar);
                Show(buffer, n);
                var next = (Socket)ar.AsyncState!;
                next.BeginReceive(buffer, 0, buffer.Length, SocketFlags.None, OnData, next);
            }
            """)]
        [InlineData("""
            void OnData(IAsyncResult ar)
            {
                int n = socket.EndReceive(ar);
                Show(buffer, n);
                socket.Close();
                {|SOCK005:socket.BeginReceive(buffer, 0, buffer.Length, SocketFlags.None, OnData, null)|};
            }
            """)]
        [InlineData("""
            void OnData(IAsyncResult ar)
            {
                try
                {
                    int n = socket.EndReceive(ar);
                    if (n == 0)
                    {
                        Disconnect();
                        return;
                    }

                    Show(buffer, n);
                }
                finally
                {
                    socket.BeginReceive(buffer, 0, buffer.Length, SocketFlags.None, OnData, null);
                }
            }

            void Disconnect() => socket.Close();
            """)]
        [InlineData("""
            void OnData(IAsyncResult ar)
            {
                var session = (Session)ar.AsyncState!;
                var client = session.Client;
                try
                {
                    int n = client.EndReceive(ar);
                    if (n == 0)
                    {
                        End(session);
                        return;
                    }
                }
                finally
                {
                    client.BeginReceive(buffer, 0, buffer.Length, SocketFlags.None, OnData, session);
                }
            }

            static void End(Session session) => session.Client.Close();

            sealed class Session
            {
                public Socket Client { get; } = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            }
            """)]
        public Task Callback_that_stops_at_0_or_starts_another_callback_is_quiet(string members)
            => Verify.VerifyAnalyzerAsync(Class(members));

        private const string Rearming = """
            void OnData(IAsyncResult ar)
            {
                int n = {|#0:socket.EndReceive(ar)|};
                Show(buffer, n);
                socket.BeginReceive(buffer, 0, buffer.Length, SocketFlags.None, OnData, null);
            }
            """;

        /// <summary>A callback that receives on its state object's socket, runs <paramref name="between"/>, and re-arms itself.</summary>
        private static string StateCallback(string between, bool reported) => StateObject($$"""
            void ReceiveCallback(IAsyncResult ar)
            {
                StateObject state = (StateObject)ar.AsyncState;
                int received = {{(reported ? "{|SOCK011:state.socket.EndReceive(ar)|}" : "state.socket.EndReceive(ar)")}};
            {{Indent(between, 4)}}
                state.socket.BeginReceive(state.buffer, 0, state.buffer.Length, SocketFlags.None, ReceiveCallback, state);
            }
            """);

        /// <summary>The callback's state object holds the socket (<c>state.socket</c>): the fresh10 audit's TCPChat client (miss M1).</summary>
        private static string StateObject(string callback) => Usings + $$"""
            class StateObject
            {
                public Socket socket;
                public byte[] buffer = new byte[1024];
            }

            class Client
            {
                private StateObject last;

                private void AddToChat(string text) => Console.WriteLine(text);

            {{Indent(callback, 4)}}
            }
            """;

        [Theory]
        [InlineData("""
            void ReceiveCallback(IAsyncResult ar)
            {
                StateObject state = (StateObject)ar.AsyncState;
                int received = {|SOCK011:state.socket.EndReceive(ar)|};
                Console.WriteLine(Encoding.ASCII.GetString(state.buffer, 0, received));
                state.socket.BeginReceive(state.buffer, 0, state.buffer.Length, SocketFlags.None, ReceiveCallback, state);
            }
            """)]
        [InlineData("""
            void ReceiveCallback(IAsyncResult ar)
            {
                var state = (StateObject)ar.AsyncState;
                int received;
                try
                {
                    received = {|SOCK011:state.socket.EndReceive(ar)|};
                }
                catch (SocketException)
                {
                    state.socket.Close();
                    return;
                }

                var text = Encoding.ASCII.GetString(state.buffer, 0, received);
                foreach (var line in text.Split('\n'))
                {
                    Console.WriteLine(line.Trim());
                }

                state.socket.BeginReceive(state.buffer, 0, state.buffer.Length, SocketFlags.None, new AsyncCallback(ReceiveCallback), state);
            }
            """)]
        public Task Callback_on_a_socket_of_its_state_object_that_starts_the_next_receive_on_0_is_reported(string callback)
            => Verify.VerifyAnalyzerAsync(StateObject(callback));

        /// <summary>
        /// A project call only inside a <c>foreach</c> over a split that drops empty parts (fresh13 miss 4, a WinForms chat
        /// client): at 0 the text is "" (decoded from the read's range, or from an array the 0 sized), the split has no part,
        /// the loop body never runs, and no code of the project runs on the 0 path before the callback re-arms itself.
        /// </summary>
        [Theory]
        [InlineData("""
            byte[] recBuf = new byte[received];
            Array.Copy(state.buffer, recBuf, received);
            string text = Encoding.ASCII.GetString(recBuf);
            string[] commands = text.Split(new[] { '\n' }, StringSplitOptions.RemoveEmptyEntries);
            foreach (var command in commands)
            {
                AddToChat(command.Trim());
            }
            """)]
        [InlineData("foreach (var line in Encoding.ASCII.GetString(state.buffer, 0, received).Split('\\n', StringSplitOptions.RemoveEmptyEntries)) AddToChat(line);")]
        [InlineData("foreach (var line in Encoding.ASCII.GetString(state.buffer, 0, received).Split(\";\", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) { AddToChat(line); }")]
        public Task Callback_whose_project_call_is_only_in_a_loop_over_no_part_of_the_zero_text_is_reported(string between)
            => Verify.VerifyAnalyzerAsync(StateCallback(between, reported: true));

        [Theory]
        // The split keeps the one empty part (no RemoveEmptyEntries): the body runs once and calls the project.
        [InlineData("foreach (var line in Encoding.ASCII.GetString(state.buffer, 0, received).Split('\\n', StringSplitOptions.TrimEntries)) AddToChat(line);")]
        // The array is not sized by the count: its text is the stale bytes, not "".
        [InlineData("byte[] copy = new byte[1024]; Array.Copy(state.buffer, copy, received); foreach (var line in Encoding.ASCII.GetString(copy).Split('\\n', StringSplitOptions.RemoveEmptyEntries)) AddToChat(line);")]
        // The text of an array the 0 sized, handed to the project.
        [InlineData("byte[] copy = new byte[received]; Array.Copy(state.buffer, copy, received); AddToChat(Encoding.ASCII.GetString(copy));")]
        public Task Callback_whose_project_call_runs_on_the_zero_path_is_still_quiet(string between)
            => Verify.VerifyAnalyzerAsync(StateCallback(between, reported: false));

        [Theory]
        // The 0 path closes the state's socket, or calls code of the project that may reach the state object.
        [InlineData("if (received == 0) { state.socket.Close(); }")]
        [InlineData("AddToChat(\"received\");")]
        [InlineData("foreach (var line in Encoding.ASCII.GetString(state.buffer, 0, received).Split('\\n')) AddToChat(line);")]
        // The state object, or its socket, may be another one on the way back.
        [InlineData("state = last;")]
        [InlineData("state.socket = last.socket;")]
        public Task Callback_on_a_socket_of_its_state_object_that_may_stop_or_switch_is_quiet(string between)
            => Verify.VerifyAnalyzerAsync(StateObject($$"""
                void ReceiveCallback(IAsyncResult ar)
                {
                    StateObject state = (StateObject)ar.AsyncState;
                    int received = state.socket.EndReceive(ar);
                    Console.WriteLine(Encoding.ASCII.GetString(state.buffer, 0, received));
                    {{between}}
                    state.socket.BeginReceive(state.buffer, 0, state.buffer.Length, SocketFlags.None, ReceiveCallback, state);
                }
                """));

        [Fact]
        public Task Callback_that_rearms_the_socket_of_another_state_object_is_quiet()
            => Verify.VerifyAnalyzerAsync(StateObject("""
                void ReceiveCallback(IAsyncResult ar)
                {
                    StateObject state = (StateObject)ar.AsyncState;
                    StateObject other = last;
                    int received = state.socket.EndReceive(ar);
                    Console.WriteLine(received);
                    other.socket.BeginReceive(other.buffer, 0, other.buffer.Length, SocketFlags.None, ReceiveCallback, other);
                }
                """));

        /// <summary>
        /// A packet monitor (fresh64 F3): the socket is made raw in <c>Begin</c>, travels in a state object, and the callback
        /// takes it back from there and re-arms it. A raw socket has no peer to close it: every receive returns one packet.
        /// <paramref name="kind"/> is the socket's type, <paramref name="access"/> the callback's accessibility and
        /// <paramref name="elsewhere"/> another method of the class.
        /// </summary>
        private static string Monitor(string kind, string access = "private", string elsewhere = "") => Usings + $$"""
            class SocketStateObject
            {
                public Socket Socket;
                public byte[] Data;

                public SocketStateObject(Socket socket, int size)
                {
                    Socket = socket;
                    Data = new byte[size];
                }
            }

            class NetworkMonitor
            {
                private Socket _socket;

                public void Begin(IPEndPoint local)
                {
                    _socket = new Socket(AddressFamily.InterNetwork, SocketType.{{kind}}, ProtocolType.IP);
                    _socket.Bind(local);
                    var state = new SocketStateObject(_socket, 65535);
                    _socket.BeginReceive(state.Data, 0, state.Data.Length, SocketFlags.None, new AsyncCallback(OnReceive), state);
                }

                {{access}} void OnReceive(IAsyncResult ar)
                {
                    var state = ar.AsyncState as SocketStateObject;
                    Socket socket = state.Socket;
                    int received = MARK;
                    Console.WriteLine(BitConverter.ToString(state.Data, 0, received));
                    state = new SocketStateObject(socket, 65535);
                    socket.BeginReceive(state.Data, 0, state.Data.Length, SocketFlags.None, new AsyncCallback(OnReceive), state);
                }
            {{Indent(elsewhere, 4)}}
            }
            """;

        [Theory]
        [InlineData("Raw")]
        [InlineData("Dgram")]
        public Task Callback_whose_every_start_is_on_a_raw_or_datagram_socket_is_quiet(string kind)
            => Verify.VerifyAnalyzerAsync(Monitor(kind).Replace("MARK", "socket.EndReceive(ar)"));

        [Theory]
        [InlineData("Raw", SOCK010DiscardedReadCountAnalyzer.DatagramCount)]
        [InlineData("Stream", SOCK010DiscardedReadCountAnalyzer.StreamCount)]
        public Task Callback_whose_every_start_is_on_a_raw_socket_reads_one_datagram_for_the_other_rules_too(string kind, string count)
        {
            // The count dropped: SOCK010 says what it would have been, one packet's length on a raw socket.
            var source = Monitor(kind)
                .Replace("int received = MARK;", "{|#0:socket.EndReceive(ar)|};")
                .Replace("BitConverter.ToString(state.Data, 0, received)", "state.Data[0]");
            var expected = new List<DiagnosticResult>
            {
                SOCK010Verify.Diagnostic("SOCK010").WithLocation(0).WithArguments("Socket.EndReceive", "", "Use the count, or read exactly", "bytes", count),
            };
            if (kind == "Stream")
            {
                expected.Add(SOCK010Verify.Diagnostic("SOCK011").WithLocation(0));
            }

            return SOCK010Verify.VerifyAnalyzerAsync(source, expected.ToArray());
        }

        [Fact]
        public Task Callback_whose_start_is_on_a_stream_socket_is_reported()
            => Verify.VerifyAnalyzerAsync(Monitor("Stream").Replace("MARK", "{|SOCK011:socket.EndReceive(ar)|}"));

        [Fact]
        public Task Callback_another_class_may_start_is_reported()
            => Verify.VerifyAnalyzerAsync(Monitor("Raw", access: "public").Replace("MARK", "{|SOCK011:socket.EndReceive(ar)|}"));

        [Theory]
        [InlineData("""
            public void Watch(Socket other)
            {
                var state = new SocketStateObject(other, 65535);
                other.BeginReceive(state.Data, 0, state.Data.Length, SocketFlags.None, OnReceive, state);
            }
            """)]
        [InlineData("""
            public AsyncCallback Callback => OnReceive;
            """)]
        public Task Callback_also_started_on_a_socket_of_unknown_kind_or_handed_out_is_reported(string elsewhere)
            => Verify.VerifyAnalyzerAsync(Monitor("Raw", elsewhere: elsewhere).Replace("MARK", "{|SOCK011:socket.EndReceive(ar)|}"));

        [Fact]
        public Task Message_says_the_callbacks_make_the_loop()
            => Verify.VerifyAnalyzerAsync(Class(Rearming), Verify.Diagnostic("SOCK011").WithLocation(0).WithMessage(
                "When the peer closes, Socket.EndReceive returns 0 and this callback starts the next receive with itself, a loop of callbacks that spins forever; leave the loop when the count is 0: do not start the next receive"));

        [Fact]
        public Task Callback_chain_gets_no_fix_there_is_no_loop_to_leave()
        {
            var source = Class(Rearming.Replace("{|#0:", "{|SOCK011:"));
            return Verify.VerifyCodeFixAsync(source, source);
        }
    }
}
