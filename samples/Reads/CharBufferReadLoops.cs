// SOCK010, SOCK011 and SOCK012 on a StreamReader's reads into a char buffer: Read(char[], int, int) returns how many
// characters it placed, fewer than asked, and 0 at once, on every call, once the peer has closed. The beginner loop
// below appends the characters read and waits for a blank line: after the close it appends nothing, the text never
// ends with the blank line, and the loop spins at 100% CPU forever. The right variant stops at 0 and uses only the
// characters received.
using System;
using System.IO;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;

namespace Samples.Reads.CharBufferReadLoops
{
    public static class HeaderReader
    {
        public static string ReadHeaders(TcpClient client)
        {
            var reader = new StreamReader(client.GetStream());
            var chars = new char[256];
            var sb = new StringBuilder();
            while (true)
            {
                int n = reader.Read(chars, 0, chars.Length); // expect: SOCK011
                sb.Append(chars, 0, n);
                if (sb.ToString().EndsWith("\r\n\r\n"))
                {
                    return sb.ToString();
                }
            }
        }

        // Right: the count of 0 ends the headers (the peer closed), and only the characters received are appended.
        public static string ReadHeadersUntilClose(TcpClient client)
        {
            var reader = new StreamReader(client.GetStream());
            var chars = new char[256];
            var sb = new StringBuilder();
            while (true)
            {
                int n = reader.Read(chars, 0, chars.Length);
                if (n == 0)
                {
                    return sb.ToString();
                }

                sb.Append(chars, 0, n);
                if (sb.ToString().EndsWith("\r\n\r\n"))
                {
                    return sb.ToString();
                }
            }
        }

        // The count dropped, and the whole array made into text: its tail holds '\0's or the characters of an earlier read.
        public static async Task<string> ReadGreetingAsync(TcpClient client)
        {
            var reader = new StreamReader(client.GetStream());
            var chars = new char[64];
            await reader.ReadAsync(chars, 0, chars.Length); // expect: SOCK010
            return new string(chars); // expect: SOCK012
        }

        // Right: ReadBlock fills the buffer unless the stream ends, and its count says how much text there is.
        public static string ReadRecord(TcpClient client)
        {
            var reader = new StreamReader(client.GetStream());
            var record = new char[32];
            int n = reader.ReadBlock(record, 0, record.Length);
            return new string(record, 0, n);
        }
    }
}
