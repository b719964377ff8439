using System.Threading.Tasks;
using Xunit;
using static SocketAnalyzers.Tests.Reads.ReadTestCode;
using Verify = SocketAnalyzers.Tests.Verifiers.AnalyzerVerifier<SocketAnalyzers.Reads.SOCK010DiscardedReadCountAnalyzer>;

namespace SocketAnalyzers.Tests.Reads
{
    /// <summary>
    /// SOCK010 when the only look at the buffer of a read whose count is dropped is inside a lambda (fresh34 miss 1, a WPF
    /// peer-to-peer chat: an accept loop reads into a new buffer per client and hands it to <c>Dispatcher.Invoke(() =&gt;
    /// …GetString(buffer)…)</c>). The lambda may look at the bytes, so the count matters, as it does when the same lambda
    /// is made outside a loop (the buffer escapes when the body ends). A lambda that does not name the buffer is no look.
    /// </summary>
    public sealed class SOCK010LambdaLookTests
    {
        private static string AcceptLoop(string read, string use) => Usings + $$"""
            class Server
            {
                void Serve(TcpListener listener, SynchronizationContext ui)
                {
                    while (true)
                    {
                        TcpClient client = listener.AcceptTcpClient();
                        byte[] received = new byte[10000];
                        {{read}};
                        {{use}}
                    }
                }
            }
            """;

        [Theory]
        [InlineData("ui.Send(_ => Console.WriteLine(Encoding.UTF8.GetString(received, 0, 16)), null);")]
        [InlineData("Task.Run(() => Console.WriteLine(received[0]));")]
        public Task Dropped_count_of_a_buffer_a_lambda_looks_at_in_a_loop_is_reported(string use)
            => Verify.VerifyAnalyzerAsync(AcceptLoop("[|client.GetStream().Read(received, 0, received.Length)|]", use));

        [Theory]
        [InlineData("ui.Send(_ => Console.WriteLine(\"client\"), null);")]
        [InlineData("Task.Run(() => client.Close());")]
        public Task Dropped_count_of_a_buffer_no_lambda_names_is_quiet(string use)
            => Verify.VerifyAnalyzerAsync(AcceptLoop("client.GetStream().Read(received, 0, received.Length)", use));

        /// <summary>The lambda that names the buffer was made before the read (a drain whose lambda only logs the size).</summary>
        [Fact]
        public Task Dropped_count_of_a_buffer_named_only_by_a_lambda_made_before_the_read_is_quiet()
            => Verify.VerifyAnalyzerAsync(AcceptLoop(
                "Action size = () => Console.WriteLine(received.Length); client.GetStream().Read(received, 0, received.Length)",
                "client.Close();"));

        /// <summary>A poller callback that reads into a buffer of the method it is made in (fresh35 FALSE 1, NetMQ's tests).</summary>
        private static string Poller(string before, string inside, string after = "") => Usings + $$"""
            public class Poller { public void Add(Socket s, Action<Socket> onReadable) { } }

            public class T
            {
                public void NativeSocket(Poller poller, Socket socket)
                {
                    var buffer = new byte[] { 1 };
                    {{before}}
                    poller.Add(socket, s =>
                    {
                        {{inside}};
                        Console.WriteLine("readable");
                    });
                    {{after}}
                }
            }
            """;

        [Fact]
        public Task Read_in_a_callback_into_a_buffer_only_used_before_it_is_quiet()
            => Verify.VerifyAnalyzerAsync(Poller("socket.Send(buffer);", "socket.Receive(buffer)"));

        [Theory]
        // The method looks at the bytes after the callback was made.
        [InlineData("", "[|socket.Receive(buffer)|]", "Console.WriteLine(buffer[0]);")]
        // Another lambda made before may run after the read.
        [InlineData("Action show = () => Console.WriteLine(buffer[0]); show();", "[|socket.Receive(buffer)|]", "")]
        // The callback itself looks at the bytes.
        [InlineData("", "[|socket.Receive(buffer)|]; Console.WriteLine(buffer[0])", "")]
        public Task Read_in_a_callback_into_a_buffer_something_may_look_at_after_it_is_reported(string before, string inside, string after)
            => Verify.VerifyAnalyzerAsync(Poller(before, inside, after));

        [Fact]
        public Task Read_in_a_callback_made_in_a_loop_is_reported()
            => Verify.VerifyAnalyzerAsync(Usings + """
                public class Poller { public void Add(Socket s, Action<Socket> onReadable) { } }

                public class T
                {
                    public void Watch(Poller poller, Socket[] sockets)
                    {
                        var buffer = new byte[16];
                        foreach (var socket in sockets)
                        {
                            poller.Add(socket, s => [|s.Receive(buffer)|]);
                            Console.WriteLine(buffer[0]);
                        }
                    }
                }
                """);
    }
}
