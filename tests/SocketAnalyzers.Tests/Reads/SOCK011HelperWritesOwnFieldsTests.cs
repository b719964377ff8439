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
