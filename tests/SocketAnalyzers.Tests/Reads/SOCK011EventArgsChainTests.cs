using System.Threading.Tasks;
using Xunit;
using static SocketAnalyzers.Tests.Reads.ReadTestCode;
using Verify = SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<SocketAnalyzers.Reads.SOCK011ReadLoopIgnoresEndOfStreamAnalyzer, SocketAnalyzers.CodeFixes.Reads.SOCK011ReadLoopIgnoresEndOfStreamCodeFixProvider>;

namespace SocketAnalyzers.Tests.Reads
{
    /// <summary>
    /// SOCK011 on a <c>SocketAsyncEventArgs</c> handler that starts the next receive with the args it was given and handles
    /// it itself when it completes at once (fresh70, a maintained memcached client: a header handler that re-arms while
    /// <c>BytesTransferred + Offset</c> is short of the header). Once the peer has closed, the receive completes with 0 at
    /// once, <c>ReceiveAsync</c> returns false, and the handler calls itself again, until the stack overflows.
    /// </summary>
    public sealed class SOCK011EventArgsChainTests
    {
        private const string Message = "When the peer closes, Socket.ReceiveAsync completes with BytesTransferred 0, and this handler starts the next receive with the same SocketAsyncEventArgs and handles it again: a loop of callbacks that never ends; leave the loop when BytesTransferred is 0: do not start the next receive";

        /// <summary>A connection class with a socket field; <paramref name="members"/> are its handlers.</summary>
        private static string Class(string members) => Usings + $$"""
            class Connection
            {
                private readonly Socket socket;
                private int received;

                public Connection(Socket socket)
                {
                    this.socket = socket;
                }

                private static void Show(byte[] data, int offset, int count) => Console.WriteLine(Encoding.UTF8.GetString(data, offset, count));

                private void Close() => socket.Close();

            {{Indent(members, 4)}}
            }
            """;

        [Theory]
        // The memcached client's header handler: a short header is read on, and 0 is short too.
        [InlineData("""
            private void OnHeader(object sender, SocketAsyncEventArgs args)
            {
                var s = (Socket)sender;
                if (args.SocketError != SocketError.Success)
                    throw new SocketException((int)args.SocketError);
                if (args.BytesTransferred + args.Offset < 24)
                {
                    int offset = args.BytesTransferred + args.Offset;
                    args.SetBuffer(offset, 24 - offset);
                    if (!{|#0:s.ReceiveAsync(args)|})
                        OnHeader(s, args);
                    return;
                }
            }
            """)]
        // Shows what came and re-arms, whatever the count.
        [InlineData("""
            private void ProcessReceive(SocketAsyncEventArgs e)
            {
                if (e.SocketError == SocketError.Success)
                {
                    Show(e.Buffer!, e.Offset, e.BytesTransferred);
                    if (!{|#0:socket.ReceiveAsync(e)|})
                    {
                        ProcessReceive(e);
                    }
                }
            }
            """)]
        // The pending flag kept in a local; a test of the count that does not stop at 0.
        [InlineData("""
            private void ProcessReceive(SocketAsyncEventArgs e)
            {
                int n = e.BytesTransferred;
                if (n > 4096)
                {
                    Console.WriteLine("large");
                }

                bool pending = {|#0:socket.ReceiveAsync(e)|};
                if (!pending)
                {
                    ProcessReceive(e);
                }
            }
            """)]
        public Task Handler_that_rearms_and_handles_a_zero_count_itself_is_reported(string members)
            => Verify.VerifyAnalyzerAsync(Class(members), Verify.Diagnostic().WithLocation(0).WithMessage(Message));

        [Theory]
        // Stops at 0, in every way of writing it.
        [InlineData("""
            private void ProcessReceive(SocketAsyncEventArgs e)
            {
                if (e.BytesTransferred > 0 && e.SocketError == SocketError.Success)
                {
                    Show(e.Buffer!, e.Offset, e.BytesTransferred);
                    if (!socket.ReceiveAsync(e))
                        ProcessReceive(e);
                }
                else
                {
                    Close();
                }
            }
            """)]
        [InlineData("""
            private void ProcessReceive(SocketAsyncEventArgs e)
            {
                if (e.SocketError != SocketError.Success || e.BytesTransferred == 0)
                {
                    socket.Close();
                    return;
                }

                Show(e.Buffer!, e.Offset, e.BytesTransferred);
                if (!socket.ReceiveAsync(e))
                    ProcessReceive(e);
            }
            """)]
        [InlineData("""
            private void ProcessReceive(SocketAsyncEventArgs e)
            {
                int n = e.BytesTransferred;
                if (n <= 0)
                    throw new InvalidOperationException("closed");
                Show(e.Buffer!, e.Offset, n);
                if (!socket.ReceiveAsync(e))
                    ProcessReceive(e);
            }
            """)]
        // The 0 path may close the connection first: a method of the object, a delegate.
        [InlineData("""
            private void ProcessReceive(SocketAsyncEventArgs e)
            {
                received += e.BytesTransferred;
                Handle(e);
                if (!socket.ReceiveAsync(e))
                    ProcessReceive(e);
            }

            private void Handle(SocketAsyncEventArgs e) { }
            """)]
        [InlineData("""
            private Action<int> onData = _ => { };

            private void ProcessReceive(SocketAsyncEventArgs e)
            {
                onData(e.BytesTransferred);
                if (!socket.ReceiveAsync(e))
                    ProcessReceive(e);
            }
            """)]
        // Another handler takes what completes at once: no chain of this one.
        [InlineData("""
            private void ProcessReceive(SocketAsyncEventArgs e)
            {
                if (!socket.ReceiveAsync(e))
                    ProcessOther(e);
            }

            private void ProcessOther(SocketAsyncEventArgs e) { }
            """)]
        // The args are another object by then.
        [InlineData("""
            private void ProcessReceive(SocketAsyncEventArgs e)
            {
                e = new SocketAsyncEventArgs();
                if (!socket.ReceiveAsync(e))
                    ProcessReceive(e);
            }
            """)]
        // A finally is not followed.
        [InlineData("""
            private void ProcessReceive(SocketAsyncEventArgs e)
            {
                try
                {
                    Show(e.Buffer!, e.Offset, e.BytesTransferred);
                }
                finally
                {
                    if (!socket.ReceiveAsync(e))
                        ProcessReceive(e);
                }
            }
            """)]
        public Task Handler_that_stops_at_zero_or_may_close_first_is_quiet(string members)
            => Verify.VerifyAnalyzerAsync(Class(members));

        /// <summary>
        /// The receive started by a method of the type whose whole body starts it and hands what completes at once back to
        /// the handler (the shape of the framework's documented sample: <c>StartReceive(e)</c> / <c>ProcessReceive(e)</c>).
        /// </summary>
        [Theory]
        [InlineData("""
            private void StartReceive(SocketAsyncEventArgs e)
            {
                if (!socket.ReceiveAsync(e))
                    ProcessReceive(e);
            }

            private void ProcessReceive(SocketAsyncEventArgs e)
            {
                if (e.SocketError != SocketError.Success)
                    return;
                Show(e.Buffer!, e.Offset, e.BytesTransferred);
                {|#0:StartReceive(e)|};
            }
            """)]
        public Task Handler_that_rearms_through_a_start_method_of_its_type_is_reported(string members)
            => Verify.VerifyAnalyzerAsync(Class(members), Verify.Diagnostic().WithLocation(0).WithMessage(Message));

        [Theory]
        // Stops at 0 before it starts the next receive.
        [InlineData("""
            private void StartReceive(SocketAsyncEventArgs e)
            {
                if (!socket.ReceiveAsync(e))
                    ProcessReceive(e);
            }

            private void ProcessReceive(SocketAsyncEventArgs e)
            {
                if (e.BytesTransferred == 0 || e.SocketError != SocketError.Success)
                    return;
                Show(e.Buffer!, e.Offset, e.BytesTransferred);
                StartReceive(e);
            }
            """)]
        // The start method does more than start the receive.
        [InlineData("""
            private void StartReceive(SocketAsyncEventArgs e)
            {
                Console.WriteLine("receiving");
                if (!socket.ReceiveAsync(e))
                    ProcessReceive(e);
            }

            private void ProcessReceive(SocketAsyncEventArgs e)
            {
                Show(e.Buffer!, e.Offset, e.BytesTransferred);
                StartReceive(e);
            }
            """)]
        // It may be overridden.
        [InlineData("""
            protected virtual void StartReceive(SocketAsyncEventArgs e)
            {
                if (!socket.ReceiveAsync(e))
                    ProcessReceive(e);
            }

            private void ProcessReceive(SocketAsyncEventArgs e)
            {
                Show(e.Buffer!, e.Offset, e.BytesTransferred);
                StartReceive(e);
            }
            """)]
        public Task Handler_whose_start_method_stops_or_is_no_plain_start_is_quiet(string members)
            => Verify.VerifyAnalyzerAsync(Class(members));

        /// <summary>On a datagram socket a 0-byte datagram is a message, and no end of stream comes.</summary>
        [Fact]
        public Task Handler_on_a_datagram_socket_is_quiet()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class Listener
                {
                    private readonly Socket socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);

                    public Listener()
                    {
                        socket.Bind(new IPEndPoint(IPAddress.Any, 0));
                    }

                    private void ProcessReceive(SocketAsyncEventArgs e)
                    {
                        Console.WriteLine(e.BytesTransferred);
                        if (!socket.ReceiveAsync(e))
                            ProcessReceive(e);
                    }
                }
                """);
    }
}
