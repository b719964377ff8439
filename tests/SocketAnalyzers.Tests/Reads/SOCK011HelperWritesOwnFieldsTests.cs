using System.Threading.Tasks;
using Xunit;
using Verify = SocketAnalyzers.Tests.Verifiers.AnalyzerVerifier<SocketAnalyzers.Reads.SOCK011ReadLoopIgnoresEndOfStreamAnalyzer>;

namespace SocketAnalyzers.Tests.Reads
{
    /// <summary>
    /// SOCK011 and a loop over a reader field that calls a helper of its class which cannot assign the reader or end the
    /// loop, but gives other fields a value on every call (fresh18, a course chat server: <c>SendAllExceptAClient</c> makes a
    /// new <c>NetworkStream</c> and <c>StreamWriter</c> per peer in two fields, then writes the line through them). The
    /// helper reads those fields only after assigning them itself, so the turn before cannot change what it does: at end of
    /// stream the loop relays the null line to the others for ever. A helper that reads a field it changed on an earlier
    /// call (a queue it drains, a counter it indexes with) may behave differently on a later turn, and stays a way out.
    /// </summary>
    public sealed class SOCK011HelperWritesOwnFieldsTests
    {
        private static string Server(string loop, string helper) => $$"""
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Net;
            using System.Net.Sockets;

            class Session
            {
                static Dictionary<EndPoint, Socket> peers = new Dictionary<EndPoint, Socket>();
                Socket socket;
                NetworkStream ns;
                StreamWriter sw;
                StreamReader sr;
                string line;
                Queue<string> pending = new Queue<string>();
                string[] history = new string[64];
                int count;
                DateTime lastSeen;

                public Session(Socket socket)
                {
                    this.socket = socket;
                    peers.Add(socket.RemoteEndPoint, socket);
                    ns = new NetworkStream(socket);
                    sw = new StreamWriter(ns);
                    sr = new StreamReader(ns);
                }

                public void Receive()
                {
                    while (true)
                    {
            {{loop}}
                    }
                }

            {{helper}}
            }
            """;

        private const string RelayToOthers = """
                void RelayToOthers(string data)
                {
                    foreach (var peer in peers)
                    {
                        if (!peer.Key.Equals(socket.RemoteEndPoint))
                        {
                            ns = new NetworkStream(peer.Value);
                            sw = new StreamWriter(ns);
                            sw.WriteLine(data);
                            sw.Flush();
                        }
                    }
                }
            """;

        [Fact]
        public Task A_helper_that_reads_only_the_fields_it_has_just_assigned_leaves_the_line_loop_spinning()
            => Verify.VerifyAnalyzerAsync(Server("""
                        line = [|sr.ReadLine()|];
                        Console.WriteLine(socket.RemoteEndPoint + " : " + line);
                        RelayToOthers(socket.RemoteEndPoint + " : " + line);
            """, RelayToOthers));

        [Fact]
        public Task A_helper_that_stamps_a_field_and_prints_it_leaves_the_loop_spinning()
            => Verify.VerifyAnalyzerAsync(Server("""
                        line = [|sr.ReadLine()|];
                        Touch();
            """, """
                void Touch()
                {
                    lastSeen = DateTime.UtcNow;
                    Console.WriteLine(lastSeen);
                }
            """));

        [Theory]
        // Drains a queue: empty on some later call, Dequeue throws.
        [InlineData("void Step() { pending.Enqueue(\"x\"); if (pending.Count > 3) { Console.WriteLine(pending.Dequeue() + pending.Dequeue()); } }")]
        // Indexes with a counter it raises: out of range on some later call.
        [InlineData("void Step() { history[count] = \"x\"; count++; }")]
        // Reads, before assigning it, a field it assigned on the call before.
        [InlineData("void Step() { Console.WriteLine(sw.Encoding); sw = null; }")]
        // Assigns the field only on some paths before reading it.
        [InlineData("void Step() { if (count > 0) { sw = null; } sw.Flush(); }")]
        public Task A_helper_whose_later_calls_may_throw_because_of_its_earlier_ones_is_a_way_out(string helper)
            => Verify.VerifyAnalyzerAsync(Server("""
                        line = sr.ReadLine();
                        Step();
            """, helper));

        private static string Client(string show, string read = "int bytes = {|#0:stream.Read(buffer, 0, buffer.Length)|};") => $$"""
            using System;
            using System.Collections.Generic;
            using System.Net.Sockets;
            using System.Text;
            using System.Threading;

            class ChatClient
            {
                TcpClient clientSocket = new TcpClient();
                NetworkStream stream;
                List<string> log = new List<string>();
                Queue<string> pending = new Queue<string>();
                Dictionary<string, int> seen = new Dictionary<string, int>();
                StringBuilder text = new StringBuilder();
                SynchronizationContext ui = SynchronizationContext.Current;

                void GetMessage()
                {
                    while (true)
                    {
                        stream = clientSocket.GetStream();
                        byte[] buffer = new byte[1024];
                        {{read}}
                        string message = Encoding.Unicode.GetString(buffer, 0, bytes);
                        DisplayText(message);
                    }
                }

                void DisplayText(string t)
                {
                    {{show}}
                }

                void Connect(string host) { clientSocket.Connect(host, 9000); }
            }
            """;

        /// <summary>
        /// fresh60 (two WinForms chat clients): the receive thread shows each message through a helper that adds it to a list,
        /// a queue or a builder, or hands it to the UI thread (<c>BeginInvoke</c>, <c>SynchronizationContext.Post</c>). Such a
        /// call changes what the field holds but no later call can fail for it, so the helper stays harmless on every turn
        /// and the loop, which takes the stream again from a client field nothing replaces, spins at end of stream.
        /// </summary>
        [Theory]
        [InlineData("log.Add(t);")]
        [InlineData("pending.Enqueue(t);")]
        [InlineData("text.Append(t);")]
        [InlineData("ui.Post(_ => Console.WriteLine(t), null);")]
        [InlineData("ui.Post(_ => log.Add(t), null);")]
        public Task A_helper_that_only_adds_the_message_somewhere_leaves_the_loop_spinning(string show)
            => Verify.VerifyAnalyzerAsync(Client(show), Verify.Diagnostic("SOCK011").WithLocation(0));

        /// <summary>
        /// Not when a later call may fail for an earlier one (a key added twice, a queue drained), nor when the helper makes
        /// a call that does not bind (it may be anything: unknown means unknown), nor when it may replace the client.
        /// </summary>
        [Theory]
        [InlineData("seen.Add(t, 1);")]
        [InlineData("pending.Enqueue(t); if (pending.Count > 3) { Console.WriteLine(pending.Dequeue()); }")]
        [InlineData("Console.WriteLine(t); {|CS1501:Connect|}(\"localhost\", 9000);")]
        [InlineData("ui.Post(_ => clientSocket = new TcpClient(), null);")]
        public Task A_helper_whose_later_calls_may_differ_or_that_may_replace_the_client_is_a_way_out(string show)
            => Verify.VerifyAnalyzerAsync(Client(show, "int bytes = stream.Read(buffer, 0, buffer.Length);"));

        [Fact]
        public Task A_helper_that_reads_a_field_the_loop_assigned_from_the_read_is_a_way_out()
            => Verify.VerifyAnalyzerAsync(Server("""
                        line = sr.ReadLine();
                        Echo();
            """, """
                void Echo()
                {
                    sw = new StreamWriter(ns);
                    sw.WriteLine(line.Trim());
                }
            """));
    }
}
