// Two versions of a tutorial chat server copied into many course repositories (metanit.com). In the 2017 version each
// client's loop hands every message to the server object, which writes it to every client but the sender
// (Id != id): at end of stream GetMessage() returns "" and the loop relays "name: " to the others for ever. In the 2022
// version the reader is a get-only auto-property made in the constructor, and the loop skips the null line with
// 'continue': it reads null for ever. Both are SOCK011.
using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;

namespace Samples.Reads.BroadcastChatServers
{
    public class ServerObject
    {
        private readonly List<ClientObject> clients = new List<ClientObject>();

        protected internal void AddConnection(ClientObject clientObject) => clients.Add(clientObject);

        protected internal void BroadcastMessage(string message, string id)
        {
            byte[] data = Encoding.Unicode.GetBytes(message);
            for (int i = 0; i < clients.Count; i++)
            {
                if (clients[i].Id != id)
                {
                    clients[i].Stream!.Write(data, 0, data.Length);
                }
            }
        }
    }

    public class ClientObject
    {
        private readonly TcpClient client;
        private readonly ServerObject server;
        private string? userName;

        public ClientObject(TcpClient tcpClient, ServerObject serverObject)
        {
            Id = Guid.NewGuid().ToString();
            client = tcpClient;
            server = serverObject;
            serverObject.AddConnection(this);
        }

        protected internal string Id { get; private set; }

        protected internal NetworkStream? Stream { get; private set; }

        public void Process()
        {
            Stream = client.GetStream();
            userName = GetMessage();
            while (true)
            {
                try
                {
                    string message = GetMessage(); // expect: SOCK011
                    message = string.Format("{0}: {1}", userName, message);
                    Console.WriteLine(message);
                    server.BroadcastMessage(message, Id);
                }
                catch
                {
                    Console.WriteLine(userName + " left");
                    break;
                }
            }
        }

        private string GetMessage()
        {
            byte[] data = new byte[64];
            var builder = new StringBuilder();
            do
            {
                int bytes = Stream!.Read(data, 0, data.Length);
                builder.Append(Encoding.Unicode.GetString(data, 0, bytes));
            }
            while (Stream.DataAvailable);

            return builder.ToString();
        }
    }

    public class ClientObject2022
    {
        public ClientObject2022(TcpClient tcpClient)
        {
            var stream = tcpClient.GetStream();
            Reader = new StreamReader(stream);
            Writer = new StreamWriter(stream);
        }

        protected internal StreamReader Reader { get; }

        protected internal StreamWriter Writer { get; }

        public async Task ProcessAsync()
        {
            while (true)
            {
                try
                {
                    string? message = await Reader.ReadLineAsync(); // expect: SOCK011
                    if (message == null)
                    {
                        continue;
                    }

                    Console.WriteLine(message);
                }
                catch
                {
                    break;
                }
            }
        }
    }
}
