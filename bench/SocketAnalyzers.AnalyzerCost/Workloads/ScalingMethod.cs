using System.Globalization;
using System.Text;

namespace SocketAnalyzers.AnalyzerCost.Workloads
{
    /// <summary>
    /// Workload c): one method with many sockets, loops and <c>try/finally</c>, of a given number of statements.
    /// Blocks of two shapes alternate: a raw <c>Socket</c> (connect, send, a receive loop whose count is checked,
    /// close in <c>finally</c>) and a <c>TcpClient</c> with its <c>NetworkStream</c> (same, dispose in
    /// <c>finally</c>). Every socket is a new local, so the method has one socket per block. Correct code. Deterministic.
    /// Two more shapes separate the causes of superlinear cost: <c>one-socket</c> (the same blocks on one socket made
    /// before them: reads grow with the size, sockets do not) and <c>no-reads</c> (a socket per block, connect, send,
    /// arithmetic and close: sockets grow, there is no read).
    /// </summary>
    internal static class ScalingMethod
    {
        /// <summary>Statements of one block of either shape (a block statement <c>{ }</c> is not counted).</summary>
        public const int StatementsPerBlock = 13;

        /// <summary>The source of a class with one method of at least <paramref name="statements"/> statements.</summary>
        public static string Generate(int statements, string shape = "mixed")
        {
            if (shape is not ("mixed" or "one-socket" or "no-reads"))
            {
                throw new System.ArgumentException($"Unknown shape '{shape}'.", nameof(shape));
            }

            var blocks = (statements + StatementsPerBlock - 1) / StatementsPerBlock;
            var text = new StringBuilder();
            text.Append("""
                using System;
                using System.IO;
                using System.Net;
                using System.Net.Sockets;

                namespace Scaling
                {
                    public static class OneLongMethod
                    {
                        public static long Run(IPEndPoint ep, byte[] payload)
                        {
                            long checksum = 0;

                """);
            if (shape == "one-socket")
            {
                text.Append("""
                                var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                                s.Connect(ep);
                                NetworkStream ns = new NetworkStream(s, ownsSocket: false);

                    """);
            }

            for (var k = 0; k < blocks; k++)
            {
                var n = k.ToString(CultureInfo.InvariantCulture);
                if (shape == "one-socket")
                {
                    var receive = k % 2 == 0
                        ? $"s.Receive(buf{n}, got{n}, buf{n}.Length - got{n}, SocketFlags.None)"
                        : $"ns.Read(buf{n}, got{n}, buf{n}.Length - got{n})";
                    text.Append($$"""
                                    try
                                    {
                                        s.Send(payload);
                                        var buf{{n}} = new byte[256];
                                        int got{{n}} = 0;
                                        while (got{{n}} < buf{{n}}.Length)
                                        {
                                            int n{{n}} = {{receive}};
                                            if (n{{n}} == 0)
                                            {
                                                break;
                                            }

                                            got{{n}} += n{{n}};
                                        }

                                        checksum += got{{n}};
                                    }
                                    finally
                                    {
                                        checksum++;
                                    }


                        """);
                }
                else if (shape == "no-reads")
                {
                    text.Append($$"""
                                    var s{{n}} = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                                    try
                                    {
                                        s{{n}}.Connect(ep);
                                        int sent{{n}} = 0;
                                        for (int i{{n}} = 0; i{{n}} < 4; i{{n}}++)
                                        {
                                            sent{{n}} += s{{n}}.Send(payload);
                                            if (sent{{n}} > 1000)
                                            {
                                                break;
                                            }

                                            checksum += i{{n}};
                                        }

                                        checksum += sent{{n}};
                                        checksum ^= {{n}};
                                    }
                                    finally
                                    {
                                        s{{n}}.Close();
                                    }


                        """);
                }
                else if (k % 2 == 0)
                {
                    text.Append($$"""
                                    var s{{n}} = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                                    try
                                    {
                                        s{{n}}.Connect(ep);
                                        s{{n}}.Send(payload);
                                        var buf{{n}} = new byte[256];
                                        int got{{n}} = 0;
                                        while (got{{n}} < buf{{n}}.Length)
                                        {
                                            int n{{n}} = s{{n}}.Receive(buf{{n}}, got{{n}}, buf{{n}}.Length - got{{n}}, SocketFlags.None);
                                            if (n{{n}} == 0)
                                            {
                                                break;
                                            }

                                            got{{n}} += n{{n}};
                                        }

                                        checksum += got{{n}};
                                    }
                                    finally
                                    {
                                        s{{n}}.Close();
                                    }


                        """);
                }
                else
                {
                    text.Append($$"""
                                    var c{{n}} = new TcpClient();
                                    try
                                    {
                                        c{{n}}.Connect(ep);
                                        NetworkStream ns{{n}} = c{{n}}.GetStream();
                                        ns{{n}}.Write(payload, 0, payload.Length);
                                        var buf{{n}} = new byte[256];
                                        int got{{n}} = 0;
                                        while (got{{n}} < buf{{n}}.Length)
                                        {
                                            int n{{n}} = ns{{n}}.Read(buf{{n}}, got{{n}}, buf{{n}}.Length - got{{n}});
                                            if (n{{n}} == 0)
                                            {
                                                break;
                                            }

                                            got{{n}} += n{{n}};
                                        }

                                        checksum += got{{n}};
                                    }
                                    finally
                                    {
                                        c{{n}}.Dispose();
                                    }


                        """);
                }
            }

            if (shape == "one-socket")
            {
                text.Append("""
                                s.Close();

                    """);
            }

            text.Append("""
                            return checksum;
                        }
                    }
                }

                """);
            return text.ToString();
        }
    }
}
