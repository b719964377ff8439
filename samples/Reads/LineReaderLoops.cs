// SOCK011 on the read loop of most chat and course servers: a StreamReader over the connection, read line by line.
// When the client closes, ReadLine returns null at once, on every call: a loop that only looks for "quit" then
// spins at 100% CPU forever. The right variants leave the loop at the null line. The reader may be a local of the
// loop's method or, as in most chat clients, a private field set up in Connect and read in another method.
using System;
using System.IO;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace Samples.Reads.LineReaderLoops
{
    public static class ChatSession
    {
        public static void Serve(TcpClient client)
        {
            // (A loop that also answered on the connection would stop at its first failed write once the client has
            // closed, with an IOException; after a half-close the write succeeds and the loop spins all the same.)
            var reader = new StreamReader(client.GetStream());
            while (true)
            {
                var line = reader.ReadLine(); // expect: SOCK011
                Console.WriteLine("got " + line);
                if (line == "quit")
                {
                    break;
                }
            }
        }

        // Right: the loop condition stops at the null line as well as at "quit".
        // Declared null so that the finally can close it: the null does not hide what the reader reads.
        public static void Echo(TcpClient client)
        {
            StreamReader reader = null;
            try
            {
                reader = new StreamReader(client.GetStream());
                while (true)
                {
                    var line = reader.ReadLine(); // expect: SOCK011
                    Console.WriteLine("echo: " + line);
                }
            }
            finally
            {
                reader?.Close();
            }
        }

        // The receive loop in a helper started on a thread: every call passes a reader over the connection.
        public static void StartReceiving(TcpClient client)
        {
            var reader = new StreamReader(client.GetStream());
            new System.Threading.Thread(() => Receive(reader)).Start();
        }

        private static void Receive(StreamReader reader)
        {
            while (true)
            {
                var line = reader.ReadLine(); // expect: SOCK011
                Console.WriteLine("got " + line);
            }
        }

        public static void ServeUntilClosed(TcpClient client)
        {
            using var reader = new StreamReader(client.GetStream());
            string line;
            while ((line = reader.ReadLine()) != null && line != "quit")
            {
                Console.WriteLine("got " + line);
            }
        }

        public static async Task ServeCommandsAsync(TcpClient client)
        {
            using var reader = new StreamReader(client.GetStream());
            while (true)
            {
                var command = await reader.ReadLineAsync(); // expect: SOCK011
                switch (command)
                {
                    case "time":
                        Console.WriteLine(DateTime.Now);
                        break;
                    case "bye":
                        return;
                }
            }
        }

        // Right: null (the client closed) ends the session like "bye".
        public static async Task ServeCommandsUntilClosedAsync(TcpClient client)
        {
            using var reader = new StreamReader(client.GetStream());
            while (true)
            {
                var command = await reader.ReadLineAsync();
                if (command is null || command == "bye")
                {
                    return;
                }

                Console.WriteLine(command.Trim());
            }
        }
    }

    // The chat client of most courses: the reader is a field, made over the connection in Connect, read in Listen.
    public sealed class ChatClient : IDisposable
    {
        private TcpClient? client;
        private StreamReader? reader;

        public void Connect(string host, int port)
        {
            client = new TcpClient(host, port);
            reader = new StreamReader(client.GetStream());
        }

        public void Listen()
        {
            while (true)
            {
                string? msg = reader!.ReadLine(); // expect: SOCK011
                Console.WriteLine("Server: " + msg);
            }
        }

        // The line kept in a field: the null turn takes neither branch's call, and nothing else leaves the loop.
        private string? message;

        public event Action<string>? MessageReceived;

        public void ListenIntoField()
        {
            while (true)
            {
                message = reader!.ReadLine(); // expect: SOCK011
                if (message != null)
                {
                    MessageReceived?.Invoke(message);
                    message = null;
                }
            }
        }

        // Right: the server closing the connection ends the loop.
        public void ListenUntilClosed()
        {
            string? msg;
            while ((msg = reader!.ReadLine()) != null)
            {
                Console.WriteLine("Server: " + msg);
            }
        }

        public void Dispose()
        {
            reader?.Dispose();
            reader = null;
            client?.Dispose();
        }
    }
}
