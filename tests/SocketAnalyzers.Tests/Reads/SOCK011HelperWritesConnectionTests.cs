using System.Threading.Tasks;
using Xunit;
using static SocketAnalyzers.Tests.Reads.ReadTestCode;
using Verify = SocketAnalyzers.Tests.Verifiers.AnalyzerVerifier<SocketAnalyzers.Reads.SOCK011ReadLoopIgnoresEndOfStreamAnalyzer>;

namespace SocketAnalyzers.Tests.Reads
{
    /// <summary>
    /// SOCK011 and a write to the read's connection made by a method of the project the loop calls: as good as the same
    /// write in the loop. After the peer closed, a later write throws and may end the loop, so the spin is not certain. A
    /// write caught inside the loop by a catch that lets the loop go on is no way out; one whose every catch leaves the
    /// loop (<c>break</c>, <c>return</c>, <c>throw</c>) is.
    /// </summary>
    public sealed class SOCK011HelperWritesConnectionTests
    {
        private static string Session(string loop, string helpers) => Usings + $$"""
            class Session
            {
                private readonly StreamReader reader;
                private readonly StreamWriter writer;
                private readonly NetworkStream stream;

                public Session(TcpClient client)
                {
                    stream = client.GetStream();
                    reader = new StreamReader(stream);
                    writer = new StreamWriter(stream) { AutoFlush = true };
                }

                public void Run()
                {
                    while (true)
                    {
            {{loop}}
                    }
                }

            {{helpers}}
            }
            """;

        [Theory]
        [InlineData("var line = reader.ReadLine(); Reply(\"echo: \" + line);", "private void Reply(string text) => writer.WriteLine(text);")]
        [InlineData("var line = reader.ReadLine(); Reply(\"echo: \" + line);", "private void Reply(string text) => Send(Encoding.UTF8.GetBytes(text));\n    private void Send(byte[] bytes) => stream.Write(bytes, 0, bytes.Length);")]
        [InlineData("var line = reader.ReadLine(); Acknowledge(stream);", "private static void Acknowledge(Stream to) => to.WriteByte(6);")]
        [InlineData("var line = reader.ReadLine(); try { Reply(line); } catch (IOException) { break; }", "private void Reply(string text) => writer.WriteLine(text);")]
        public Task Helper_that_writes_to_the_read_connection_may_end_the_loop(string loop, string helpers)
            => Verify.VerifyAnalyzerAsync(Session(loop, helpers));

        [Theory]
        // The helper writes to a file, to nothing, or its write is caught inside the loop by a catch that goes on.
        [InlineData("var line = [|reader.ReadLine()|]; Log(line);", "private void Log(string text) => File.AppendAllText(\"log.txt\", text);")]
        [InlineData("var line = [|reader.ReadLine()|]; Log(line);", "private readonly MemoryStream log = new MemoryStream();\n    private void Log(string text) { var b = Encoding.UTF8.GetBytes(text ?? \"\"); log.Write(b, 0, b.Length); }")]
        [InlineData("var line = [|reader.ReadLine()|]; try { Reply(line); } catch (IOException e) { Console.WriteLine(e.Message); }", "private void Reply(string text) => writer.WriteLine(text);")]
        // The console's writers are no member of the object (fresh52 M1: a file receive's progress print).
        [InlineData("var line = [|reader.ReadLine()|]; Progress(line);", "private static void Progress(string text) => Console.Out.WriteLine(text?.Length);")]
        [InlineData("var line = [|reader.ReadLine()|]; Progress(line);", "private void Progress(string text) { Console.Error.Write(\"got \"); Console.Error.Flush(); }")]
        public Task Helper_that_cannot_end_the_loop_by_a_write_is_reported(string loop, string helpers)
            => Verify.VerifyAnalyzerAsync(Session(loop, helpers));

        [Fact]
        public Task Write_in_the_loop_caught_by_a_catch_that_breaks_may_end_the_loop()
            => Verify.VerifyAnalyzerAsync(Session("""
                        try
                        {
                            var line = reader.ReadLine();
                            writer.WriteLine("echo: " + line);
                        }
                        catch
                        {
                            break;
                        }
            """, ""));

        [Fact]
        public Task Write_in_the_loop_caught_by_a_catch_that_goes_on_is_no_way_out()
            => Verify.VerifyAnalyzerAsync(Session("""
                        try
                        {
                            var line = [|reader.ReadLine()|];
                            writer.WriteLine("echo: " + line);
                        }
                        catch (IOException)
                        {
                            Console.WriteLine("write failed");
                        }
            """, ""));

        [Fact]
        public Task Broadcaster_of_another_class_that_writes_to_every_client_may_write_to_the_sender()
            => Verify.VerifyAnalyzerAsync(Usings + """
                using System.Collections.Generic;

                class Server
                {
                    private readonly List<Client> clients = new List<Client>();

                    public void Add(Client client) => clients.Add(client);

                    public void Broadcast(string message)
                    {
                        foreach (var client in clients)
                        {
                            client.Writer.WriteLine(message);
                        }
                    }
                }

                class Client
                {
                    public StreamWriter Writer { get; }
                    private StreamReader Reader { get; }
                    private readonly Server server;

                    public Client(TcpClient tcp, Server server)
                    {
                        this.server = server;
                        Reader = new StreamReader(tcp.GetStream());
                        Writer = new StreamWriter(tcp.GetStream()) { AutoFlush = true };
                        server.Add(this);
                    }

                    public void Run()
                    {
                        while (true)
                        {
                            var line = Reader.ReadLine();
                            server.Broadcast("> " + line);
                        }
                    }
                }
                """);

        // ---- fresh23 FALSE 1: a broadcast to a list the handler put its own stream in ----

        private static string Handler(string loop, string after, string broadcast = "Broadcast(s);") => Usings + $$"""
            using System.Collections.Generic;

            class SocketHandlerClient
            {
                public List<NetworkStream> connectedClients = new List<NetworkStream>();

                public void HandleClient(TcpClient client)
                {
                    NetworkStream stream = client.GetStream();
                    connectedClients.Add(stream);

                    byte[] data = new byte[1024];
            {{loop.Replace("BROADCAST", broadcast)}}

                    {{after}}
                    client.Close();
                }

                public void Broadcast(string message)
                {
                    foreach (var c in connectedClients)
                    {
                        byte[] bytes = Encoding.ASCII.GetBytes($"Returning {message}");
                        c.Write(bytes, 0, bytes.Length);
                    }
                }
            }
            """;

        private const string ChatLoop = """
                    while (true)
                    {
                        int bytesRead = {|#0:stream.Read(data, 0, data.Length)|};
                        string s = Encoding.ASCII.GetString(data, 0, bytesRead);
                        if (s == "exit") break;
                        BROADCAST
                    }
            """;

        [Theory]
        [InlineData("connectedClients.Remove(stream);", "Broadcast(s);")]
        [InlineData("", "Broadcast(s);")]
        [InlineData("connectedClients.Remove(stream);", "foreach (var c in connectedClients) { byte[] bytes = Encoding.ASCII.GetBytes($\"Returning {s}\"); c.Write(bytes, 0, bytes.Length); }")]
        public Task Broadcast_to_a_list_holding_the_sender_may_end_the_loop_also_from_a_helper_and_with_a_removal_after_it(string after, string broadcast)
            => Verify.VerifyAnalyzerAsync(Handler(ChatLoop.Replace("{|#0:", "").Replace(")|}", ")"), after, broadcast));

        /// <summary>
        /// fresh39 F3 (a lab chat server): the broadcast runs only when nothing more waits, <c>if (client.Available == 0)</c>,
        /// after the read. On the 0 path every byte the peer sent was read and nothing more can come, so the test is true and
        /// the broadcast, to a list holding the sender, runs: a way out. A test before the read keeps its own meaning.
        /// </summary>
        [Theory]
        [InlineData("if (client.Available == 0) { BROADCAST }")]
        [InlineData("if (client.Available > 0) { continue; } BROADCAST")]
        [InlineData("if (!stream.DataAvailable) { BROADCAST }")]
        [InlineData("if (client.Client.Available < 1) BROADCAST")]
        public Task Broadcast_under_a_test_that_nothing_waits_after_the_read_may_end_the_loop(string test)
            => Verify.VerifyAnalyzerAsync(Handler(ChatLoop.Replace("{|#0:", "").Replace(")|}", ")"), "", test.Replace("BROADCAST", "Broadcast(s);")));

        [Theory]
        [InlineData("if (client.Available > 0) { BROADCAST }")]
        [InlineData("if (stream.DataAvailable) { BROADCAST }")]
        public Task Broadcast_only_when_more_waits_after_the_read_is_no_way_out(string test)
            => Verify.VerifyAnalyzerAsync(Handler(ChatLoop, "", test.Replace("BROADCAST", "Broadcast(s);")), Verify.Diagnostic().WithLocation(0));

        [Fact]
        public Task Broadcast_to_a_list_the_sender_left_before_the_loop_is_no_way_out()
            => Verify.VerifyAnalyzerAsync(
                Handler("connectedClients.Remove(stream);\n" + ChatLoop, ""),
                Verify.Diagnostic().WithLocation(0));

        [Fact]
        public Task Removal_after_an_inner_read_loop_that_an_outer_loop_enters_again_keeps_the_list_unsure()
            => Verify.VerifyAnalyzerAsync(
                Handler("for (var round = 0; round < 3; round++)\n{\n" + ChatLoop + "\nconnectedClients.Remove(stream);\n}", ""),
                Verify.Diagnostic().WithLocation(0));

        /// <summary>
        /// A static method of another class: its own static writer is not the reader's connection (a log), but a stream the
        /// loop hands it is.
        /// </summary>
        [Theory]
        [InlineData("var line = [|reader.ReadLine()|]; Log.Write(line);")]
        [InlineData("var line = reader.ReadLine(); Net.Send(stream, \"echo: \" + line);")]
        public Task Static_helper_of_another_class_writes_to_the_connection_only_through_what_it_is_given(string loop)
            => Verify.VerifyAnalyzerAsync(Session(loop, "") + """

                static class Log
                {
                    private static readonly StreamWriter file = new StreamWriter("log.txt") { AutoFlush = true };

                    public static void Write(string? text) => file.WriteLine(text);
                }

                static class Net
                {
                    public static void Send(Stream to, string text)
                    {
                        var bytes = Encoding.UTF8.GetBytes(text);
                        to.Write(bytes, 0, bytes.Length);
                    }
                }
                """);
    

        /// <summary>
        /// A server keeping the accepted socket in a field and reading it in a thread-pool callback (fresh28 FALSE 1 and 2):
        /// the callback's socket is what its caller gave it, which may be the socket the field holds, so a helper that sends
        /// on the field may write to the read's connection. A socket the method accepted itself counts the same way once it
        /// stores it in the field; one it keeps to itself, or a helper writing to a writer field, does not.
        /// </summary>
        private static string Accepting(string callback, string helper) => Usings + $$"""
            class Server
            {
                private readonly Socket listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                private Socket client;
                private StreamWriter log = new StreamWriter("log.txt");

                public void Start()
                {
                    listener.Bind(new IPEndPoint(IPAddress.Any, 9000));
                    listener.Listen(10);
                    while (true)
                    {
                        Socket accepted = listener.Accept();
                        this.client = accepted;
                        ThreadPool.QueueUserWorkItem(ClientProc, accepted);
                    }
                }

                private void ClientProc(object state)
                {
                    byte[] buffer = new byte[1024];
            {{callback}}
                }

            {{helper}}
            }
            """;

        private const string SendsOnField = "private void Reply(string text) => client.Send(Encoding.UTF8.GetBytes(text));";

        [Theory]
        [InlineData("Socket s = state as Socket;\n        while (true) { int n = s.Receive(buffer); Reply(Encoding.UTF8.GetString(buffer, 0, n)); }")]
        [InlineData("var s = (Socket)state;\n        while (true) { int n = s.Receive(buffer); Reply(Encoding.UTF8.GetString(buffer, 0, n)); }")]
        [InlineData("var s = listener.Accept(); client = s;\n        while (true) { int n = s.Receive(buffer); Reply(Encoding.UTF8.GetString(buffer, 0, n)); }")]
        public Task Helper_sending_on_a_field_may_write_to_a_socket_the_method_was_given_or_stored_there(string callback)
            => Verify.VerifyAnalyzerAsync(Accepting(callback, SendsOnField));

        [Theory]
        [InlineData("var s = listener.Accept();\n        while (true) { int n = [|s.Receive(buffer)|]; Reply(Encoding.UTF8.GetString(buffer, 0, n)); }", SendsOnField)]
        [InlineData("Socket s = state as Socket;\n        while (true) { int n = [|s.Receive(buffer)|]; Reply(Encoding.UTF8.GetString(buffer, 0, n)); }", "private void Reply(string text) => log.WriteLine(text);")]
        public Task Helper_writing_to_a_field_that_cannot_hold_the_read_socket_is_no_way_out(string callback, string helper)
            => Verify.VerifyAnalyzerAsync(Accepting(callback, helper));
    }
}
