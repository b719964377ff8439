using System;
using System.Net;
using System.Net.Sockets;

namespace SocketAnalyzers.Tests.Shared
{
    /// <summary>Loopback ports for the socket tests of the runtime and of the reference programs (linked into both projects).</summary>
    internal static class LoopbackPorts
    {
        /// <summary>
        /// A free loopback port below the ranges Linux (32768 to 60999 by default), Windows and macOS (49152 and up) give to
        /// port 0 and to a connect's source. A test that expects a connect to a stopped server to be refused needs one: a
        /// freed port 0 can be given to another test's listener, or to the connect itself as its source, which then reaches
        /// itself.
        /// </summary>
        public static IPEndPoint OutsideEphemeralRange()
        {
            var random = new Random();
            for (var attempt = 0; attempt < 200; attempt++)
            {
                var candidate = new IPEndPoint(IPAddress.Loopback, random.Next(20000, 30000));
                using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    probe.Bind(candidate);
                    return candidate;
                }
                catch (SocketException)
                {
                    // Taken: try another.
                }
            }

            throw new InvalidOperationException("no free loopback port between 20000 and 30000");
        }
    }
}
