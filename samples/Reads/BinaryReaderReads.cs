// SOCK010 and SOCK012 through a BinaryReader: Read(byte[], int, int) makes ONE read of the stream under the reader
// and returns its count, exactly as NetworkStream.Read does. A name list read in 10-byte pieces gets 3 bytes and
// seven stale ones when a piece arrives split, and empty names forever once the peer has closed. ReadString has no
// count: at end of stream it throws, and a loop that catches everything and goes on spins (SOCK011).
using System;
using System.IO;
using System.Net.Sockets;
using System.Text;

namespace Samples.Reads.BinaryReaderReads
{
    public static class NameList
    {
        public static void Receive(Socket socket, int count)
        {
            var reader = new BinaryReader(new NetworkStream(socket));
            for (var i = 0; i < count; i++)
            {
                var name = new byte[10];
                reader.Read(name, 0, name.Length); // expect: SOCK010
                Console.WriteLine(Encoding.ASCII.GetString(name)); // expect: SOCK012
            }
        }

        public static void ShowNames(Socket socket)
        {
            // ReadString throws EndOfStreamException once the peer has closed, on every call; the empty catch takes it and
            // the loop reads again: the thread spins (a course guessing game's clients, fresh45).
            var reader = new BinaryReader(new NetworkStream(socket));
            while (true)
            {
                try
                {
                    var names = reader.ReadString(); // expect: SOCK011
                    Console.WriteLine(names.Split(',')[0]);
                }
                catch
                {
                }
            }
        }

        public static void ShowNamesUntilClosed(Socket socket)
        {
            var reader = new BinaryReader(new NetworkStream(socket));
            while (true)
            {
                try
                {
                    Console.WriteLine(reader.ReadString());
                }
                catch (EndOfStreamException)
                {
                    break;
                }
                catch (IOException error)
                {
                    Console.WriteLine(error.Message);
                }
            }
        }

        public static void ReceiveCorrectly(Socket socket, int count)
        {
            var reader = new BinaryReader(new NetworkStream(socket));
            for (var i = 0; i < count; i++)
            {
                // ReadBytes loops until it has every byte, and returns fewer only at the end of the stream.
                var name = reader.ReadBytes(10);
                if (name.Length < 10)
                {
                    throw new EndOfStreamException("The peer closed in the middle of a name.");
                }

                Console.WriteLine(Encoding.ASCII.GetString(name));
            }
        }
    }
}
