// SOCK005: using a socket after Close/Dispose (ObjectDisposedException), sending after Shutdown(Send) or
// receiving after Shutdown(Receive) (SocketException). Receiving after Shutdown(Send) is the half-close idiom
// and stays quiet. Disposing a TcpClient's stream, or a writer over it, closes the client's socket: the next
// GetStream throws. A reader or writer over a network stream that was closed itself throws on its next read or
// write.
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Samples.Lifecycle
{
    public static class UseAfterCloseOrShutdown
    {
        public static void SendAndLog(IPEndPoint server, byte[] payload)
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            socket.Connect(server);
            int sent = socket.Send(payload);
            socket.Close();
            System.Console.WriteLine($"sent {sent} bytes to {socket.RemoteEndPoint}"); // expect: SOCK005
        }

        public static void SendTwice(Socket connection, byte[] first, byte[] second)
        {
            int a = connection.Send(first);
            connection.Shutdown(SocketShutdown.Send);
            int b = connection.Send(second); // expect: SOCK005
        }

        public static int RequestThenReply(string host, int port, byte[] request, byte[] reply)
        {
            using var client = new TcpClient(host, port);
            using (NetworkStream stream = client.GetStream())
            {
                stream.Write(request, 0, request.Length);
            }

            return client.GetStream().Read(reply, 0, reply.Length); // expect: SOCK005
        }

        public static string SendLineThenReadReply(TcpClient client, string line)
        {
            var stream = client.GetStream();
            using (var writer = new StreamWriter(stream))
            {
                writer.WriteLine(line);
            }

            var buffer = new byte[512];
            int count = stream.Read(buffer, 0, buffer.Length); // expect: SOCK005
            return Encoding.ASCII.GetString(buffer, 0, count);
        }

        public static void GreetThenSayGoodbye(TcpClient client, string name)
        {
            var writer = new StreamWriter(client.GetStream());
            writer.WriteLine("HELLO " + name);
            writer.Close(); // meant: writer.Flush()
            writer.WriteLine("BYE"); // expect: SOCK005
        }

        public static string SendFileThenReadAck(Socket connection, byte[] file)
        {
            int sent = connection.Send(file);
            connection.Shutdown(SocketShutdown.Send);
            var ack = new StringBuilder();
            var buffer = new byte[512];
            int count;
            while ((count = connection.Receive(buffer)) > 0)
            {
                ack.Append(Encoding.ASCII.GetString(buffer, 0, count));
            }

            return ack.ToString();
        }
    }
}
