// SOCK020 along the control flow: what matters is whether some path carries the host-order bytes to a send, not
// whether the send comes later in the file. A message header is built in one branch and sent after the branches
// join (reported), built for a file in one branch while the other branch sends (quiet), or fixed up big-endian
// before it leaves (quiet).
using System;
using System.Buffers.Binary;
using System.IO;
using System.Net.Sockets;

namespace Samples.ByteOrder
{
    public static class HostOrderBranches
    {
        public static void SendHeader(Socket connected, int length, bool compressed)
        {
            var header = new byte[6];
            if (compressed)
            {
                BitConverter.GetBytes(length).CopyTo(header, 0); // expect: SOCK020
                header[4] = 1;
            }
            else
            {
                BinaryPrimitives.WriteInt32BigEndian(header, length);
            }

            // The compressed path still carries the host-order length here.
            connected.Send(header);
        }

        public static void SaveOrSend(Socket connected, string path, int length, bool toFile)
        {
            var header = new byte[4];
            if (toFile)
            {
                // Host order in a local file is our own business: this branch never sends.
                BitConverter.GetBytes(length).CopyTo(header, 0);
                File.WriteAllBytes(path, header);
            }
            else
            {
                BinaryPrimitives.WriteInt32BigEndian(header, length);
                connected.Send(header);
            }
        }

        public static void SendFixedUp(NetworkStream stream, int length, short type)
        {
            // A legacy helper builds the frame in the host's order; every byte of it is rewritten big-endian
            // before it is sent, so nothing host-order leaves.
            var frame = new byte[6];
            BitConverter.GetBytes(length).CopyTo(frame, 0);
            BitConverter.GetBytes(type).CopyTo(frame, 4);
            BinaryPrimitives.WriteInt32BigEndian(frame, length);
            BinaryPrimitives.WriteInt16BigEndian(frame.AsSpan(4), type);
            stream.Write(frame);
        }

        public static void SendEach(Socket connected, int[] values)
        {
            var slot = new byte[4];
            foreach (var value in values)
            {
                // Written at the end of one turn, sent at the start of the next.
                connected.Send(slot);
                BitConverter.TryWriteBytes(slot, value); // expect: SOCK020
            }
        }
    }
}
