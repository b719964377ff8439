using System.Threading.Tasks;
using Xunit;
using static SocketAnalyzers.Tests.Reads.ReadTestCode;
using Verify = SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<SocketAnalyzers.Reads.SOCK011ReadLoopIgnoresEndOfStreamAnalyzer, SocketAnalyzers.CodeFixes.Reads.SOCK011ReadLoopIgnoresEndOfStreamCodeFixProvider>;

namespace SocketAnalyzers.Tests.Reads
{
    /// <summary>
    /// fresh70 FALSE 1 (a course's synchronous client): the loop connects the same socket at the top of every turn, inside
    /// a <c>try</c> whose catch swallows everything. After the peer closes the socket is still connected, so the next
    /// <c>Connect</c> throws: the loop spins on that exception whatever the read returned, and stopping at 0 would not end
    /// it. That 0 path goes no further than the <c>Connect</c>.
    /// </summary>
    public sealed class SOCK011ConnectInLoopTests
    {
        [Theory]
        [InlineData("""
            var sender = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            var remote = new IPEndPoint(IPAddress.Loopback, 11000);
            while (true)
                try
                {
                    sender.Connect(remote);
                    sender.Send(Encoding.ASCII.GetBytes("This is a test<EOF>"));
                    int received = sender.Receive(buffer);
                    Process(buffer, received);
                }
                catch (SocketException e)
                {
                    Console.WriteLine(e);
                }
            """)]
        [InlineData("""
            var tcp = new TcpClient();
            while (true)
            {
                try
                {
                    await tcp.ConnectAsync("localhost", 11000);
                    var network = tcp.GetStream();
                    int received = await network.ReadAsync(buffer, 0, buffer.Length);
                    Process(buffer, received);
                }
                catch (Exception e)
                {
                    Console.WriteLine(e);
                }
            }
            """)]
        public Task Loop_that_connects_the_same_socket_again_each_turn_is_quiet(string body)
            => Verify.VerifyAnalyzerAsync(Method(body, "async Task"));

        [Theory]
        // The connect is not awaited: the loop goes on to the read, which returns 0 again (SOCK006 says the connect is impossible).
        [InlineData("""
            var sender = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            sender.Connect(new IPEndPoint(IPAddress.Loopback, 11000));
            while (true)
            {
                try
                {
                    _ = {|SOCK006:sender.ConnectAsync(new IPEndPoint(IPAddress.Loopback, 11000))|};
                    int received = [|sender.Receive(buffer)|];
                    Process(buffer, received);
                }
                catch (SocketException e)
                {
                    Console.WriteLine(e);
                }
            }
            """)]
        // Another socket is connected.
        [InlineData("""
            var sender = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            sender.Connect(new IPEndPoint(IPAddress.Loopback, 11000));
            while (true)
            {
                var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                probe.Connect(new IPEndPoint(IPAddress.Loopback, 11001));
                probe.Close();
                int received = [|sender.Receive(buffer)|];
                Process(buffer, received);
            }
            """)]
        public Task Loop_whose_connect_does_not_stop_the_zero_path_is_still_reported(string body)
            => Verify.VerifyAnalyzerAsync(Method(body, "async Task"));
    }
}
