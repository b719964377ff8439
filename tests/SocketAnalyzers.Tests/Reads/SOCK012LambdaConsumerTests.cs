using System.Threading.Tasks;
using Xunit;
using static SocketAnalyzers.Tests.Reads.ReadTestCode;
using Verify = SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<SocketAnalyzers.Reads.SOCK012WholeBufferConsumedAnalyzer, SocketAnalyzers.CodeFixes.Reads.SOCK012WholeBufferConsumedCodeFixProvider>;

namespace SocketAnalyzers.Tests.Reads
{
    /// <summary>
    /// SOCK012 when the whole buffer is consumed inside a lambda created right after the read (the broadcast of course
    /// chat servers: <c>Parallel.ForEach(clients, c =&gt; c.GetStream().Write(buffer, 0, buffer.Length))</c>): the lambda
    /// starts with the buffers it captures filled, when the buffer is a local the method assigns once and no lambda writes.
    /// </summary>
    public sealed class SOCK012LambdaConsumerTests
    {
        [Theory]
        [InlineData("""
            System.Threading.Tasks.Parallel.ForEach(new[] { client }, other =>
            {
                var otherStream = other.GetStream();
                [|otherStream.Write(data, 0, data.Length)|];
            });
            """)]
        [InlineData("""
            Task.Run(() => [|stream.Write(data, 0, data.Length)|]);
            """)]
        [InlineData("""
            Action show = () => Console.WriteLine([|Encoding.UTF8.GetString(data)|]);
            show();
            """)]
        [InlineData("""
            new[] { socket }.ToList().ForEach(delegate (Socket s) { [|s.Send(data)|]; });
            """)]
        public Task A_lambda_made_after_the_read_that_consumes_the_whole_buffer_is_reported(string use)
            => Verify.VerifyAnalyzerAsync(Method($$"""
                var data = new byte[1024];
                int count = stream.Read(data, 0, data.Length);
                if (count > 0)
                {
                {{ReadTestCode.Indent(use, 4)}}
                }
                """).Replace("using System;", "using System;\nusing System.Linq;"));

        [Fact]
        public Task A_lambda_in_a_read_loop_that_broadcasts_the_whole_buffer_is_reported()
            => Verify.VerifyAnalyzerAsync(Method("""
                while (true)
                {
                    var s = client.GetStream();
                    var data = new byte[1024];
                    var byteCount = s.Read(data, 0, data.Length);
                    if (byteCount == 0)
                    {
                        break;
                    }

                    System.Threading.Tasks.Parallel.ForEach(new[] { client }, other =>
                    {
                        [|other.GetStream().Write(data, 0, data.Length)|];
                    });
                    Console.WriteLine(Encoding.UTF8.GetString(data, 0, byteCount));
                }
                """));

        [Theory]
        [InlineData("Task.Run(() => stream.Write(data, 0, count));")]
        [InlineData("Task.Run(() => Console.WriteLine(data.Length));")]
        [InlineData("Task.Run(() => { stream.ReadExactly(data); stream.Write(data, 0, data.Length); });")]
        [InlineData("Task.Run(() => { data = new byte[8]; stream.Write(data, 0, data.Length); });")]
        public Task A_lambda_that_uses_the_count_or_refills_the_buffer_is_silent(string use)
            => Verify.VerifyAnalyzerAsync(Method($$"""
                var data = new byte[1024];
                int count = stream.Read(data, 0, data.Length);
                if (count > 0)
                {
                    {{use}}
                }
                """));

        [Fact]
        public Task A_buffer_assigned_again_in_the_method_is_silent_in_the_lambda()
            => Verify.VerifyAnalyzerAsync(Method("""
                var data = new byte[1024];
                int count = stream.Read(data, 0, data.Length);
                Console.WriteLine(count);
                Task.Run(() => stream.Write(data, 0, data.Length));
                data = new byte[16];
                """));

        [Fact]
        public Task A_lambda_made_before_the_read_is_silent()
            => Verify.VerifyAnalyzerAsync(Method("""
                var data = new byte[1024];
                Action send = () => stream.Write(data, 0, data.Length);
                int count = stream.Read(data, 0, data.Length);
                Console.WriteLine(count);
                send();
                """));

        [Fact]
        public Task A_lambda_reached_where_only_some_paths_filled_the_buffer_is_silent()
            => Verify.VerifyAnalyzerAsync(Method("""
                var data = new byte[1024];
                int count = 0;
                if (token.IsCancellationRequested)
                {
                    count = stream.Read(data, 0, data.Length);
                }

                Console.WriteLine(count);
                Task.Run(() => stream.Write(data, 0, data.Length));
                """));

        [Fact]
        public Task A_lambda_in_a_finally_that_an_exception_may_reach_before_the_read_is_silent()
            => Verify.VerifyAnalyzerAsync(Method("""
                var data = new byte[1024];
                try
                {
                    int count = stream.Read(data, 0, data.Length);
                    Console.WriteLine(count);
                }
                finally
                {
                    Task.Run(() => stream.Write(data, 0, data.Length));
                }
                """));

        [Fact]
        public Task Fix_gives_the_lambda_the_count()
            => Verify.VerifyCodeFixAsync(
                Method("""
                    var data = new byte[1024];
                    int count = stream.Read(data, 0, data.Length);
                    if (count > 0)
                    {
                        Task.Run(() => [|stream.Write(data, 0, data.Length)|]);
                    }
                    """),
                Method("""
                    var data = new byte[1024];
                    int count = stream.Read(data, 0, data.Length);
                    if (count > 0)
                    {
                        Task.Run(() => stream.Write(data, 0, count));
                    }
                    """));

        [Fact]
        public Task Fix_all_gives_every_lambda_the_count()
            => Verify.VerifyCodeFixAsync(
                Method("""
                    var data = new byte[1024];
                    int count = stream.Read(data, 0, data.Length);
                    if (count > 0)
                    {
                        Task.Run(() => [|stream.Write(data, 0, data.Length)|]);
                        Task.Run(() => [|socket.Send(data)|]);
                    }
                    """),
                Method("""
                    var data = new byte[1024];
                    int count = stream.Read(data, 0, data.Length);
                    if (count > 0)
                    {
                        Task.Run(() => stream.Write(data, 0, count));
                        Task.Run(() => socket.Send(data.AsSpan(0, count)));
                    }
                    """));
        // A Windows Forms-like receive loop and callback over a buffer field; Form stands in for Control (Invoke runs the
        // delegate before it returns).
        private const string FormCode = """
            using System;
            using System.Net.Sockets;
            using System.Text;

            delegate void MethodInvoker();

            class Form
            {
                public string Text = "";
                public event EventHandler Click;
                public object Invoke(Delegate method) => method.DynamicInvoke();
            }

            class ChatForm : Form
            {
                private const int Size = 1024;
                byte[] buffer = new byte[Size];
                private readonly byte[] frozen = new byte[Size];
                byte[] grown = new byte[Size];
                private Action later;
                Socket socket;

                void ReceiveLoop()
                {
                    while (true)
                    {
                        int n = socket.Receive(BUFFER);
                        if (n == 0)
                        {
                            return;
                        }

                        USE
                    }
                }

                void Start() => socket.BeginReceive(buffer, 0, buffer.Length, SocketFlags.None, OnReceive, null);

                void OnReceive(IAsyncResult ar)
                {
                    int received = socket.EndReceive(ar);
                    if (received > 0)
                    {
                        CALLBACK
                        socket.BeginReceive(buffer, 0, buffer.Length, SocketFlags.None, OnReceive, null);
                    }
                }

                void Grow() => grown = new byte[grown.Length * 2];

                void Refresh() { }
            }
            """;

        private static string Form(string buffer, string use, string callback = "")
            => FormCode.Replace("BUFFER", buffer).Replace("USE", use).Replace("CALLBACK", callback);

        [Theory]
        [InlineData("buffer", "Invoke((MethodInvoker)delegate { Text += [|Encoding.ASCII.GetString(buffer)|]; });")]
        [InlineData("buffer", "this.Invoke(new Action(() => Text = [|Encoding.ASCII.GetString(this.buffer)|]));")]
        [InlineData("frozen", "Invoke((MethodInvoker)(() => Text = [|Encoding.UTF8.GetString(frozen)|]));")]
        [InlineData("buffer", "System.Threading.Tasks.Task.Run(() => [|socket.Send(buffer)|]);")]
        public Task A_lambda_handed_to_a_call_that_consumes_a_buffer_field_whole_is_reported(string buffer, string use)
            => Verify.VerifyAnalyzerAsync(Form(buffer, use));

        [Fact]
        public Task A_delegate_in_a_receive_callback_that_decodes_the_buffer_field_whole_is_reported()
            => Verify.VerifyAnalyzerAsync(Form("buffer", "Text = Encoding.ASCII.GetString(buffer, 0, n);",
                "Invoke((MethodInvoker)delegate { Text += [|Encoding.ASCII.GetString(buffer)|]; });"));

        // An event handler or a stored delegate runs when something else decides; grown is replaced by Grow(); a lambda that
        // assigns the field, or calls a method of the project first, may look at another array or other bytes; the count.
        [Theory]
        [InlineData("buffer", "Click += (o, e) => Text = Encoding.ASCII.GetString(buffer);")]
        [InlineData("buffer", "later = () => Text = Encoding.ASCII.GetString(buffer);")]
        [InlineData("grown", "Invoke((MethodInvoker)delegate { Text += Encoding.ASCII.GetString(grown); });")]
        [InlineData("frozen", "Invoke((MethodInvoker)delegate { Refresh(); Text += Encoding.ASCII.GetString(frozen); });")]
        [InlineData("buffer", "Invoke((MethodInvoker)delegate { buffer = new byte[Size]; Text += Encoding.ASCII.GetString(buffer); });")]
        [InlineData("buffer", "Invoke((MethodInvoker)delegate { Text += Encoding.ASCII.GetString(buffer, 0, n); });")]
        public Task A_lambda_over_a_buffer_field_that_may_see_other_bytes_or_uses_the_count_is_silent(string buffer, string use)
            => Verify.VerifyAnalyzerAsync(Form(buffer, use));

        [Fact]
        public Task Fix_gives_the_delegate_the_count_of_the_buffer_field()
            => Verify.VerifyCodeFixAsync(
                Form("buffer", "Invoke((MethodInvoker)delegate { Text += [|Encoding.ASCII.GetString(buffer)|]; });"),
                Form("buffer", "Invoke((MethodInvoker)delegate { Text += Encoding.ASCII.GetString(buffer, 0, n); });"));

        [Fact]
        public Task Fix_all_gives_every_delegate_the_count_of_its_read()
            => Verify.VerifyCodeFixAsync(
                Form("buffer", "Invoke((MethodInvoker)delegate { Text += [|Encoding.ASCII.GetString(buffer)|]; });",
                    "Invoke((MethodInvoker)delegate { Text += [|Encoding.ASCII.GetString(buffer)|]; });"),
                Form("buffer", "Invoke((MethodInvoker)delegate { Text += Encoding.ASCII.GetString(buffer, 0, n); });",
                    "Invoke((MethodInvoker)delegate { Text += Encoding.ASCII.GetString(buffer, 0, received); });"));

        /// <summary>
        /// fresh77 F1 (a SOCKS5 client): the count is checked to be 2 before the lambda reads byte 1, so byte 1 has arrived
        /// whenever the lambda runs. A count the method uses meaningfully anywhere keeps the lambda silent (its analysis
        /// does not see the outer check); a count only tested against 0 does not, and byte 1 may be stale there.
        /// </summary>
        [Fact]
        public Task A_lambda_after_the_count_is_checked_against_the_size_it_reads_is_silent()
            => Verify.VerifyAnalyzerAsync(Method("""
                var reply = new byte[256];
                int read = socket.Receive(reply, 0, 2, SocketFlags.None);
                if (read != 2) throw new IOException("short reply");
                if (reply[1] == 0xFF) throw new IOException("no method");
                if (Array.TrueForAll(new byte[] { 0, 2 }, m => reply[1] != m)) throw new IOException("unexpected method");
                """));

        [Fact]
        public Task A_lambda_after_a_count_only_tested_against_0_is_reported()
            => Verify.VerifyAnalyzerAsync(Method("""
                var reply = new byte[256];
                int read = socket.Receive(reply, 0, 2, SocketFlags.None);
                if (read == 0) throw new IOException("closed");
                if (Array.TrueForAll(new byte[] { 0, 2 }, m => [|reply[1]|] != m)) throw new IOException("unexpected method");
                """));
    }
}
