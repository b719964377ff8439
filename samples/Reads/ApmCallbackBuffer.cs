// SOCK012 in the callback of an asynchronous receive (the shape of the .NET documentation's asynchronous server, which
// most course servers copy): BeginReceive fills the state object's buffer from its start, and the callback appends all
// of it instead of the bytesRead that EndReceive returned. A short message arrives followed by the NULs (or the
// leftovers of a longer earlier message) up to 1,024 bytes, and the "<EOF>" test may find an old message's end marker.
using System;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Samples.Reads.ApmCallbackBuffer
{
    public sealed class StateObject
    {
        public const int BufferSize = 1024;
        public byte[] Buffer = new byte[BufferSize];
        public StringBuilder Text = new();
        public Socket WorkSocket = null!;
    }

    public sealed class AsyncListener
    {
        private readonly Socket listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

        public void Start(int port)
        {
            listener.Bind(new IPEndPoint(IPAddress.Loopback, port));
            listener.Listen(100);
            listener.BeginAccept(AcceptCallback, listener);
        }

        private static void AcceptCallback(IAsyncResult ar)
        {
            var listener = (Socket)ar.AsyncState!;
            var handler = listener.EndAccept(ar);
            var state = new StateObject { WorkSocket = handler };
            handler.BeginReceive(state.Buffer, 0, StateObject.BufferSize, SocketFlags.None, ReadCallback, state);
            listener.BeginAccept(AcceptCallback, listener);
        }

        private static void ReadCallback(IAsyncResult ar)
        {
            var state = (StateObject)ar.AsyncState!;
            var handler = state.WorkSocket;
            int bytesRead = handler.EndReceive(ar);
            if (bytesRead > 0)
            {
                state.Text.Append(Encoding.ASCII.GetString(state.Buffer)); // expect: SOCK012
                if (state.Text.ToString().IndexOf("<EOF>", StringComparison.Ordinal) > -1)
                {
                    Console.WriteLine("Read {0} bytes: {1}", state.Text.Length, state.Text);
                    handler.Close();
                }
                else
                {
                    handler.BeginReceive(state.Buffer, 0, StateObject.BufferSize, SocketFlags.None, ReadCallback, state);
                }
            }
            else
            {
                handler.Close();
            }
        }
    }
}
