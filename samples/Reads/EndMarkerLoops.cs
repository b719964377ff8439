// Shapes from real code (issue 13): a read loop whose only exit looks for an end marker in the text received so far.
// Once the peer closes, every read returns 0 bytes: the text stops changing, so a marker that was not there on the
// turn before never appears, and the loop spins. A fresh buffer at the top of each turn is still the read's buffer.
// A drain whose bytes nobody looks at is fine; a "skip" read before another read of the same stream is not.
using System;
using System.Net.Sockets;
using System.Text;

namespace Samples.Reads.EndMarkerLoops
{
    public static class MarkerClient
    {
        // The classic tutorial server: collects text until "<EOF>", never checks for 0.
        public static string ReadUntilMarker(Socket handler)
        {
            var bytes = new byte[1024];
            string data = string.Empty;
            while (true)
            {
                int bytesRec = handler.Receive(bytes); // expect: SOCK011
                data += Encoding.ASCII.GetString(bytes, 0, bytesRec);
                if (data.IndexOf("<EOF>", StringComparison.Ordinal) > -1)
                {
                    break;
                }
            }

            return data;
        }

        // The same loop as people write it: the text taken into a local of the turn, printed before the break.
        public static string ReadUntilMarkerIntoLocal(Socket handler)
        {
            var bytes = new byte[1024];
            var sb = new StringBuilder();
            while (true)
            {
                int bytesRec = handler.Receive(bytes); // expect: SOCK011
                sb.Append(Encoding.ASCII.GetString(bytes, 0, bytesRec));
                var content = sb.ToString();
                if (content.IndexOf("<EOF>", StringComparison.Ordinal) > -1)
                {
                    Console.WriteLine("Read {0} bytes", content.Length);
                    return content;
                }
            }
        }

        // Correct: the same loop that also stops when the peer closes.
        public static string ReadUntilMarkerOrClose(Socket handler)
        {
            var bytes = new byte[1024];
            string data = string.Empty;
            while (true)
            {
                int bytesRec = handler.Receive(bytes);
                if (bytesRec == 0)
                {
                    break;
                }

                data += Encoding.ASCII.GetString(bytes, 0, bytesRec);
                if (data.IndexOf("<EOF>", StringComparison.Ordinal) > -1)
                {
                    break;
                }
            }

            return data;
        }

        // A command loop that waits for "quit": an empty read decodes to "" every turn, never "quit".
        public static void Commands(NetworkStream stream)
        {
            var buffer = new byte[256];
            while (true)
            {
                int n = stream.Read(buffer, 0, buffer.Length); // expect: SOCK011
                var text = Encoding.UTF8.GetString(buffer, 0, n);
                if (text == "quit")
                {
                    break;
                }

                Console.WriteLine(text);
            }
        }

        // The same wait ended by a flag: the line never ends once reads return 0, so the flag is never cleared.
        public static string ReadLine(Socket handler)
        {
            var bytes = new byte[1024];
            string data = string.Empty;
            bool reading = true;
            while (reading)
            {
                int bytesRec = handler.Receive(bytes); // expect: SOCK011
                data += Encoding.ASCII.GetString(bytes, 0, bytesRec);
                if (data.EndsWith("\n", StringComparison.Ordinal))
                {
                    reading = false;
                }
            }

            return data;
        }

        // A fresh buffer per turn is still the buffer the read filled: decoding it whole includes stale zeros.
        public static void Dump(Socket socket)
        {
            byte[] chunk;
            while (true)
            {
                chunk = new byte[1024];
                int n = socket.Receive(chunk);
                if (n == 0)
                {
                    break;
                }

                Console.WriteLine("chunk of " + chunk.Length);
                Console.WriteLine(Encoding.ASCII.GetString(chunk)); // expect: SOCK012
            }
        }

        // A drain before closing: nobody looks at those bytes, the count cannot matter.
        public static void DrainAndClose(Socket socket)
        {
            if (socket.Available > 0)
            {
                socket.Receive(new byte[socket.Available]);
            }

            socket.Close();
        }

        // Skipping a 4-byte header: the next read's position depends on how many bytes this one took.
        public static int SkipHeaderThenRead(NetworkStream stream, byte[] body)
        {
            var header = new byte[4];
            stream.Read(header, 0, header.Length); // expect: SOCK010
            return stream.Read(body, 0, body.Length);
        }
    }
}
