using System.Threading.Tasks;
using Xunit;
using Verify = SocketAnalyzers.Tests.Verifiers.AnalyzerVerifier<SocketAnalyzers.Reads.SOCK011ReadLoopIgnoresEndOfStreamAnalyzer>;

namespace SocketAnalyzers.Tests.Reads
{
    /// <summary>
    /// SOCK011 and the "echo to everyone, sender included" chat server (fresh17 FALSE 2): each line read is written to every
    /// socket of a shared list, and the handler put its own socket in that list. At end of stream <c>WriteLine(null)</c>
    /// still writes a line end to the closed connection, a later write throws, and the catch outside the loop ends it.
    /// </summary>
    public sealed class SOCK011BroadcastToSenderTests
    {
        private static string Handler(string constructor, string broadcast, bool reported) => $$"""
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Net.Sockets;
            using System.Text;

            class ClientHandler
            {
                public static List<Socket> list = new List<Socket>();
                Socket socket;
                StreamReader reader;

                {{constructor}}

                public void Chat()
                {
                    var input = new NetworkStream(socket);
                    reader = new StreamReader(input, Encoding.UTF8);
                    try
                    {
                        while (true)
                        {
                            string str = {{(reported ? "[|reader.ReadLine()|]" : "reader.ReadLine()")}};
                            Console.WriteLine(str);
                            {{broadcast}}
                        }
                    }
                    catch (Exception e)
                    {
                        Console.WriteLine(e.Message);
                    }
                    finally
                    {
                        list.Remove(socket);
                        socket.Close();
                    }
                }
            }

            static class Server
            {
                public static List<Socket> list = new List<Socket>();
            }
            """;

        private const string AddsItself = "public ClientHandler(Socket socket) { this.socket = socket; list.Add(socket); }";

        private const string WriteToEach = "foreach (Socket s in list) { var writer = new StreamWriter(new NetworkStream(s), Encoding.UTF8) { AutoFlush = true }; writer.WriteLine(str); }";

        [Theory]
        [InlineData(AddsItself, WriteToEach)]
        [InlineData("public ClientHandler(Socket socket) { this.socket = socket; } public void Join() => list.Add(socket);", WriteToEach)]
        [InlineData(AddsItself, "foreach (var s in list) { using var writer = new StreamWriter(new NetworkStream(s)) { AutoFlush = true }; writer.WriteLine(\"> \" + str); }")]
        // As the repository wrote it: the stream and the writer are fields, assigned in the loop's body before the write.
        [InlineData("public ClientHandler(Socket socket) { this.socket = socket; Server.list.Add(socket); } NetworkStream stream; StreamWriter writer;",
            "foreach (Socket s in Server.list) { stream = new NetworkStream(s); writer = new StreamWriter(stream, Encoding.UTF8) { AutoFlush = true }; writer.WriteLine(str); }")]
        [InlineData(AddsItself, "foreach (Socket s in list) { var ns = new NetworkStream(s); var bw = new BinaryWriter(ns); bw.Write(\"> \" + str); }")]
        public Task Line_written_to_every_socket_of_a_list_the_handler_joined_is_quiet(string constructor, string broadcast)
            => Verify.VerifyAnalyzerAsync(Handler(constructor, broadcast, reported: false));

        /// <summary>
        /// The sender skipped, a list the handler never joined, a write whose exception a catch inside the loop takes, a writer
        /// that keeps what it is given (no AutoFlush, no Flush), or bytes that may be none (the 0 read's count): the loop
        /// still spins.
        /// </summary>
        [Theory]
        [InlineData(AddsItself, "foreach (Socket s in list) { if (s == socket) continue; new StreamWriter(new NetworkStream(s)) { AutoFlush = true }.WriteLine(str); }")]
        [InlineData(AddsItself, "foreach (Socket s in list) { if (s != socket) new StreamWriter(new NetworkStream(s)) { AutoFlush = true }.WriteLine(str); }")]
        [InlineData("public ClientHandler(Socket socket) { this.socket = socket; }", WriteToEach)]
        [InlineData("public ClientHandler(Socket socket, Socket other) { this.socket = socket; list.Add(other); }", WriteToEach)]
        [InlineData(AddsItself, "foreach (Socket s in list) { try { new StreamWriter(new NetworkStream(s)) { AutoFlush = true }.WriteLine(str); } catch (IOException) { } }")]
        [InlineData(AddsItself, "foreach (Socket s in list) { var writer = new StreamWriter(new NetworkStream(s)); writer.WriteLine(str); }")]
        // fresh18 miss 1: taken out of the list before the loop ("do not echo to myself").
        [InlineData("public ClientHandler(Socket socket) { this.socket = socket; list.Add(socket); } public void Quiet() => list.Remove(socket);", WriteToEach)]
        public Task Broadcast_that_may_miss_the_sender_or_never_throw_is_reported(string constructor, string broadcast)
            => Verify.VerifyAnalyzerAsync(Handler(constructor, broadcast, reported: true));

        /// <summary>A static handler that adds its own connection (a parameter) to the list it writes every line to.</summary>
        [Fact]
        public Task Handler_that_adds_its_parameter_to_the_list_it_writes_to_is_quiet()
            => Verify.VerifyAnalyzerAsync("""
                using System;
                using System.Collections.Generic;
                using System.IO;
                using System.Net.Sockets;
                using System.Text;

                static class Chat
                {
                    static readonly List<Socket> sockets = new List<Socket>();

                    public static void Handle(Socket socket)
                    {
                        sockets.Add(socket);
                        var reader = new StreamReader(new NetworkStream(socket));
                        try
                        {
                            while (true)
                            {
                                string line = reader.ReadLine();
                                foreach (var s in sockets)
                                    s.Send(Encoding.UTF8.GetBytes(line + "\n"));
                            }
                        }
                        catch (SocketException)
                        {
                        }
                        finally
                        {
                            sockets.Remove(socket);
                        }
                    }
                }
                """);

        /// <summary>
        /// The accept loop puts each connection in the list before it starts the handler (fresh18, constructed by the fixes'
        /// probes): every call of the private handler passes a socket an earlier statement added, so the handler's own
        /// connection is in the list it writes every line to.
        /// </summary>
        private static string AcceptLoop(string accept, string handler = "private static void Handle(Socket socket)", bool reported = false) => $$"""
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Net;
            using System.Net.Sockets;
            using System.Text;
            using System.Threading;

            static class Chat
            {
                static readonly List<Socket> sockets = new List<Socket>();

                public static void Main()
                {
                    var listener = new TcpListener(IPAddress.Any, 9000);
                    listener.Start();
                    while (true)
                    {
                        Socket socket = listener.AcceptSocket();
                        {{accept}}
                    }
                }

                {{handler}}
                {
                    var reader = new StreamReader(new NetworkStream(socket));
                    try
                    {
                        while (true)
                        {
                            string line = {{(reported ? "[|reader.ReadLine()|]" : "reader.ReadLine()")}};
                            foreach (var s in sockets)
                                s.Send(Encoding.UTF8.GetBytes(line + "\n"));
                        }
                    }
                    catch (SocketException)
                    {
                    }
                    finally
                    {
                        lock (sockets) { sockets.Remove(socket); }
                    }
                }
            }
            """;

        [Theory]
        [InlineData("sockets.Add(socket); new Thread(() => Handle(socket)).Start();")]
        [InlineData("lock (sockets) { sockets.Add(socket); } ThreadPool.QueueUserWorkItem(_ => Handle(socket));")]
        [InlineData("lock (sockets) sockets.Add(socket); var worker = new Thread(() => { Console.WriteLine(\"joined\"); Handle(socket); }); worker.Start();")]
        public Task Handler_whose_every_caller_added_its_socket_to_the_list_it_writes_to_is_quiet(string accept)
            => Verify.VerifyAnalyzerAsync(AcceptLoop(accept));

        /// <summary>Added after the handler starts, not added, a handler others may call, or one used as a delegate: the list may not hold the sender.</summary>
        [Theory]
        [InlineData("new Thread(() => Handle(socket)).Start(); sockets.Add(socket);", "private static void Handle(Socket socket)")]
        [InlineData("new Thread(() => Handle(socket)).Start();", "private static void Handle(Socket socket)")]
        [InlineData("sockets.Add(socket); new Thread(() => Handle(socket)).Start();", "public static void Handle(Socket socket)")]
        [InlineData("sockets.Add(socket); new Thread(() => Handle(socket)).Start(); new Thread(o => Handle((Socket)o)).Start(listener.AcceptSocket());", "private static void Handle(Socket socket)")]
        [InlineData("sockets.Add(socket); new Thread(() => Handle(socket)).Start(); Action<Socket> later = Handle;", "private static void Handle(Socket socket)")]
        public Task Handler_whose_socket_may_not_be_in_the_list_is_reported(string accept, string handler)
            => Verify.VerifyAnalyzerAsync(AcceptLoop(accept, handler, reported: true));

        [Fact]
        public Task Echo_of_the_zero_count_to_every_socket_is_reported()
            => Verify.VerifyAnalyzerAsync("""
                using System;
                using System.Collections.Generic;
                using System.Net.Sockets;

                class ClientHandler
                {
                    static readonly List<Socket> clients = new List<Socket>();
                    private readonly Socket socket;

                    public ClientHandler(Socket socket) { this.socket = socket; clients.Add(socket); }

                    public void Run()
                    {
                        var buffer = new byte[1024];
                        while (true)
                        {
                            int n = [|socket.Receive(buffer)|];
                            foreach (var c in clients) { c.Send(buffer, 0, n, SocketFlags.None); }
                        }
                    }
                }
                """);
    }
}
