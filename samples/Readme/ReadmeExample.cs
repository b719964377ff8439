// The example at the top of the repository's README, kept here so that the samples test proves it still fires
// exactly what the README says.
using System;
using System.Net.Sockets;
using System.Text;

namespace Samples.Readme
{
    public static class ReadmeExample
    {
        public static void Serve()
        {
            var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            server.Listen(); // expect: SOCK001
            var client = server.Accept();
            var buffer = new byte[1024];
            while (true)
            {
                int n = client.Receive(buffer); // expect: SOCK011
                Console.Write($"[{n} bytes] " + Encoding.UTF8.GetString(buffer)); // expect: SOCK012
            }
        }
    }
}
