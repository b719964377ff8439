using System.Threading.Tasks;
using Xunit;
using Verify = SocketAnalyzers.Tests.Verifiers.AnalyzerVerifier<SocketAnalyzers.Reads.SOCK011ReadLoopIgnoresEndOfStreamAnalyzer>;

namespace SocketAnalyzers.Tests.Reads
{
    /// <summary>
    /// SOCK011 and a loop that hands each message to a broadcaster of another class in the same file: metanit.com's chat
    /// server (copied into many course repositories), whose <c>ClientObject</c> loop calls
    /// <c>server.BroadcastMessage(message, this.Id)</c> and whose <c>ServerObject</c> writes the text to every client whose
    /// <c>Id != id</c>. At end of stream <c>GetMessage()</c> returns "" and the loop relays <c>"name: "</c> to the others for
    /// ever. The broadcaster is no way out when it cannot touch the reader (no call of the reader's methods, no dispose, no
    /// throw) and every write it makes skips the sender; a write that may reach the sender, a close, a throw, or a sender
    /// test that does not hold keep the loop quiet.
    /// </summary>
    public sealed class SOCK011BroadcasterOfAnotherClassTests
    {
        private const string Usings = """
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Net;
            using System.Net.Sockets;
            using System.Text;
            using System.Threading;

            """;

        /// <summary>The server as metanit.com wrote it (2017 version), in one file; the loop's broadcast is marked <c>// relay</c>.</summary>
        private const string Server = """
            namespace ChatServer
            {
                public class ServerObject
                {
                    static TcpListener tcpListener;
                    List<ClientObject> clients = new List<ClientObject>();

                    protected internal void AddConnection(ClientObject clientObject)
                    {
                        clients.Add(clientObject);
                    }

                    protected internal void RemoveConnection(string id)
                    {
                        ClientObject client = clients.FirstOrDefault(c => c.Id == id);
                        if (client != null)
                            clients.Remove(client);
                    }

                    protected internal void Listen()
                    {
                        try
                        {
                            tcpListener = new TcpListener(IPAddress.Any, 8888);
                            tcpListener.Start();
                            Console.WriteLine("Server started");
                            while (true)
                            {
                                TcpClient tcpClient = tcpListener.AcceptTcpClient();
                                ClientObject clientObject = new ClientObject(tcpClient, this);
                                Thread clientThread = new Thread(new ThreadStart(clientObject.Process));
                                clientThread.Start();
                            }
                        }
                        catch (Exception ex)
                        {
                            Console.WriteLine(ex.Message);
                            Disconnect();
                        }
                    }

                    protected internal void BroadcastMessage(string message, string id)
                    {
                        byte[] data = Encoding.Unicode.GetBytes(message);
                        for (int i = 0; i < clients.Count; i++)
                        {
                            if (clients[i].Id != id)
                            {
                                clients[i].Stream.Write(data, 0, data.Length);
                            }
                        }
                    }

                    protected internal void Disconnect()
                    {
                        tcpListener.Stop();
                        for (int i = 0; i < clients.Count; i++)
                        {
                            clients[i].Close();
                        }
                        Environment.Exit(0);
                    }
                }
            }

            namespace ChatServer
            {
                public class ClientObject
                {
                    protected internal string Id { get; private set; }
                    protected internal NetworkStream Stream { get; private set; }
                    string userName;
                    TcpClient client;
                    ServerObject server;

                    public ClientObject(TcpClient tcpClient, ServerObject serverObject)
                    {
                        Id = Guid.NewGuid().ToString();
                        client = tcpClient;
                        server = serverObject;
                        serverObject.AddConnection(this);
                    }

                    public void Process()
                    {
                        try
                        {
                            Stream = client.GetStream();
                            string message = GetMessage();
                            userName = message;

                            message = userName + " joined";
                            server.BroadcastMessage(message, this.Id);
                            Console.WriteLine(message);
                            while (true)
                            {
                                try
                                {
                                    message = {|#0:GetMessage()|};
                                    message = String.Format("{0}: {1}", userName, message);
                                    Console.WriteLine(message);
                                    server.BroadcastMessage(message, this.Id); // relay
                                }
                                catch
                                {
                                    message = String.Format("{0}: left", userName);
                                    Console.WriteLine(message);
                                    server.BroadcastMessage(message, this.Id);
                                    break;
                                }
                            }
                        }
                        catch (Exception e)
                        {
                            Console.WriteLine(e.Message);
                        }
                        finally
                        {
                            server.RemoveConnection(this.Id);
                            Close();
                        }
                    }

                    private string GetMessage()
                    {
                        byte[] data = new byte[64];
                        StringBuilder builder = new StringBuilder();
                        int bytes = 0;
                        do
                        {
                            bytes = Stream.Read(data, 0, data.Length);
                            builder.Append(Encoding.Unicode.GetString(data, 0, bytes));
                        }
                        while (Stream.DataAvailable);

                        return builder.ToString();
                    }

                    protected internal void Close()
                    {
                        if (Stream != null)
                            Stream.Close();
                        if (client != null)
                            client.Close();
                    }
                }
            }
            """;

        /// <summary>The server with each change made at its first occurrence (the broadcaster comes before <c>Disconnect</c>).</summary>
        private static Task Run(bool reported, params string[] changes)
        {
            var source = Server;
            for (var i = 0; i < changes.Length; i += 2)
            {
                var at = source.IndexOf(changes[i], System.StringComparison.Ordinal);
                Assert.True(at >= 0, changes[i]);
                source = source.Substring(0, at) + changes[i + 1] + source.Substring(at + changes[i].Length);
            }

            if (!reported)
            {
                source = source.Replace("{|#0:GetMessage()|}", "GetMessage()", System.StringComparison.Ordinal);
                return Verify.VerifyAnalyzerAsync(Usings + source);
            }

            return Verify.VerifyAnalyzerAsync(Usings + source, Verify.Diagnostic().WithLocation(0));
        }

        [Fact]
        public Task Broadcast_to_every_client_but_the_sender_leaves_the_loop_spinning()
            => Run(reported: true);

        [Fact]
        public Task Broadcast_in_a_foreach_that_skips_the_sender_leaves_the_loop_spinning()
            => Run(
                reported: true,
                "for (int i = 0; i < clients.Count; i++)", "foreach (var client in clients)",
                "if (clients[i].Id != id)", "if (id != client.Id)",
                "clients[i].Stream.Write(data, 0, data.Length);", "client.Stream.Write(data, 0, data.Length);");

        [Fact]
        public Task Broadcast_that_skips_the_sender_with_continue_leaves_the_loop_spinning()
            => Run(
                reported: true,
                "if (clients[i].Id != id)", "if (clients[i].Id == id)\n                    continue;\n                if (true)");

        [Fact]
        public Task Read_helper_that_appends_the_counted_part_of_the_whole_decode_returns_the_empty_text()
            => Run(
                reported: true,
                "builder.Append(Encoding.Unicode.GetString(data, 0, bytes));", "builder.Append(Encoding.Unicode.GetString(data), 0, bytes);");

        [Theory]
        // The write comes before the test, or the test does not skip the turn.
        [InlineData("if (clients[i].Id != id)\n                {\n                    clients[i].Stream.Write(data, 0, data.Length);\n                }", "clients[i].Stream.Write(data, 0, data.Length);\n                if (clients[i].Id == id)\n                    continue;")]
        [InlineData("if (clients[i].Id != id)", "if (clients[i].Id == id)\n                    Console.WriteLine(id);\n                if (true)")]
        // Appending from another index: the text may hold anything.
        [InlineData("builder.Append(Encoding.Unicode.GetString(data, 0, bytes));", "builder.Append(Encoding.Unicode.GetString(data), 1, bytes);")]
        public Task Skip_or_append_that_does_not_hold_on_the_zero_path_is_quiet(string from, string to)
            => Run(reported: false, from, to);

        [Theory]
        // No sender test, the wrong test, another element, another argument for the id: a write may reach the sender's
        // closed connection and end the loop by its exception.
        [InlineData("if (clients[i].Id != id)", "if (clients[i].Id != \"\")")]
        [InlineData("if (clients[i].Id != id)", "if (clients[i].Id == id)")]
        [InlineData("if (clients[i].Id != id)", "if (clients[0].Id != id)")]
        [InlineData("server.BroadcastMessage(message, this.Id); // relay", "server.BroadcastMessage(message, userName);")]
        // The id can change, the broadcaster closes a client, changes the list it walks, or throws.
        [InlineData("protected internal string Id { get; private set; }", "protected internal string Id { get; set; }")]
        [InlineData("clients[i].Stream.Write(data, 0, data.Length);", "clients[i].Stream.Write(data, 0, data.Length); clients[i].Close();")]
        [InlineData("clients[i].Stream.Write(data, 0, data.Length);", "clients[i].Stream.Write(data, 0, data.Length); clients.RemoveAt(i);")]
        [InlineData("byte[] data = Encoding.Unicode.GetBytes(message);", "if (message.Length == 0) { throw new InvalidOperationException(); } byte[] data = Encoding.Unicode.GetBytes(message);")]
        // The text may be null for all the loop shows (GetMessage's own text, not the formatted one): GetBytes may throw.
        [InlineData("message = String.Format(\"{0}: {1}\", userName, message);", "")]
        public Task Broadcast_that_may_reach_the_sender_or_end_the_loop_is_quiet(string from, string to)
            => Run(reported: false, from, to);
    }
}
