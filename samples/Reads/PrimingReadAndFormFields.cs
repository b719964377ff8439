// SOCK012 in three shapes course and hobby code has (fresh30, fresh32): a read before the loop and another at its end
// (the "priming read") whose count only decides whether to go on, so every turn decodes the whole buffer; a private
// buffer field that only its initializer assigns, decoded whole after a receive; and the same field decoded inside the
// delegate a Windows Forms client hands to Invoke. A shorter message leaves the tail of a longer earlier one (or NULs)
// in the text. The fix passes the count. Cleared before each read and cut at its first NUL, the text is the bytes
// received: that loop is quiet.
using System;
using System.Linq;
using System.Net.Sockets;
using System.Text;

namespace Samples.Reads.PrimingReadAndFormFields
{
    public static class PrimingRead
    {
        public static void Echo(TcpClient client)
        {
            var buffer = new byte[1024];
            var stream = client.GetStream();
            var received = stream.Read(buffer, 0, buffer.Length);
            while (received > 0)
            {
                Console.WriteLine(Encoding.UTF8.GetString(buffer)); // expect: SOCK012
                received = stream.Read(buffer, 0, buffer.Length);
            }
        }

        public static void ClearedEveryTurn(Socket socket)
        {
            var buffer = new byte[1024];
            while (true)
            {
                int received = socket.Receive(buffer);
                if (received == 0)
                {
                    return;
                }

                Console.WriteLine(string.Concat(Encoding.UTF8.GetString(buffer).TakeWhile(c => c != '\0')));
                Array.Clear(buffer);
            }
        }
    }

    // Stands in for System.Windows.Forms.Form: Invoke runs the delegate on the UI thread before it returns.
    public class Form
    {
        public string Text { get; set; } = "";

        public object? Invoke(Delegate method) => method.DynamicInvoke();
    }

    public delegate void MethodInvoker();

    public sealed class ChatForm : Form
    {
        private readonly Socket socket;
        private byte[] buffer = new byte[1024];

        public ChatForm(Socket socket) => this.socket = socket;

        public void ReceiveLoop()
        {
            while (true)
            {
                int received = socket.Receive(buffer);
                if (received == 0)
                {
                    return;
                }

                Invoke((MethodInvoker)delegate { Text += Encoding.UTF8.GetString(buffer); }); // expect: SOCK012
            }
        }

        public string LastMessage()
        {
            int received = socket.Receive(buffer);
            if (received == 0)
            {
                return "";
            }

            return Encoding.UTF8.GetString(buffer); // expect: SOCK012
        }
    }
}
