// SOCK050 (suggestion): the accept loop serves each client to the end before accepting the next, so one idle
// client makes every other one wait in the backlog.
using System.Net.Sockets;
using System.Threading.Tasks;

namespace Samples.Server
{
    public static class IterativeServer
    {
        public static void Run(TcpListener listener)
        {
            listener.Start();
            while (true)
            {
                var client = listener.AcceptSocket(); // expect: SOCK050
                Echo(client);
            }
        }

        public static void RunConcurrently(TcpListener listener)
        {
            listener.Start();
            while (true)
            {
                var client = listener.AcceptSocket();
                _ = Task.Run(() => Echo(client));
            }
        }

        private static void Echo(Socket client)
        {
            using (client)
            {
                var buffer = new byte[4096];
                int received;
                while ((received = client.Receive(buffer)) > 0)
                {
                    client.Send(buffer, 0, received, SocketFlags.None);
                }
            }
        }
    }
}
