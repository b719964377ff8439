using System.Threading.Tasks;
using SocketAnalyzers.Tests.Verifiers;
using Xunit;
using static SocketAnalyzers.Tests.Reads.ReadTestCode;
using Verify = SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<SocketAnalyzers.Reads.SOCK012WholeBufferConsumedAnalyzer, SocketAnalyzers.CodeFixes.Reads.SOCK012WholeBufferConsumedCodeFixProvider>;

namespace SocketAnalyzers.Tests.Reads
{
    /// <summary>
    /// SOCK012 in the callback of a <c>Begin…</c> receive (the asynchronous server of the .NET documentation and of most
    /// courses): the <c>End…</c> completes a receive that filled a field from its start, this object's
    /// (<c>BeginReceive(buffer, 0, buffer.Length, …, OnReceive, client)</c>) or the state object's
    /// (<c>BeginReceive(state.buffer, 0, StateObject.BufferSize, 0, ReadCallback, state)</c>), and the callback decodes the
    /// whole field instead of the bytes received. Followed only when every receive of the type naming the callback fills the
    /// same field from offset 0, and on the object it filled.
    /// </summary>
    public sealed class SOCK012ReceiveCallbackTests
    {
        private static string OwnField(string callback, string start = "client.BeginReceive(buffer, 0, buffer.Length, SocketFlags.None, OnReceive, client);") => Usings + $$"""
            class Server
            {
                private byte[] buffer = new byte[1024];

                public void Start(Socket client)
                {
                    {{start}}
                }

                private void OnReceive(IAsyncResult ar)
                {
                    var client = (Socket)ar.AsyncState!;
            {{callback}}
                    client.BeginReceive(buffer, 0, buffer.Length, SocketFlags.None, OnReceive, client);
                }

                private void Process(string text) => Console.WriteLine(text);

                private void Refill() => buffer = new byte[1024];
            }
            """;

        private static string StateObject(string callback, string start = "handler.BeginReceive(state.buffer, 0, StateObject.BufferSize, 0, new AsyncCallback(ReadCallback), state);") => Usings + $$"""
            public class StateObject
            {
                public const int BufferSize = 1024;
                public byte[] buffer = new byte[BufferSize];
                public StringBuilder sb = new StringBuilder();
                public Socket workSocket = null!;
            }

            public class AsynchronousSocketListener
            {
                public static void AcceptCallback(IAsyncResult ar)
                {
                    var listener = (Socket)ar.AsyncState!;
                    var handler = listener.EndAccept(ar);
                    var state = new StateObject { workSocket = handler };
                    {{start}}
                }

                public static void ReadCallback(IAsyncResult ar)
                {
            {{callback}}
                }
            }
            """;

        [Theory]
        [InlineData("int n = client.EndReceive(ar); if (n == 0) { client.Close(); return; } Process([|Encoding.UTF8.GetString(buffer)|]);", "int n = client.EndReceive(ar); if (n == 0) { client.Close(); return; } Process(Encoding.UTF8.GetString(buffer, 0, n));")]
        [InlineData("int n = client.EndReceive(ar); if (n == 0) { client.Close(); return; } Process([|Encoding.ASCII.GetString(this.buffer, 0, this.buffer.Length)|]);", "int n = client.EndReceive(ar); if (n == 0) { client.Close(); return; } Process(Encoding.ASCII.GetString(this.buffer, 0, n));")]
        public Task Whole_decode_of_the_field_a_receive_filled_for_its_callback_is_reported_and_fixed(string callback, string fixedCallback)
            => Verify.VerifyCodeFixAsync(OwnField(callback), OwnField(fixedCallback));

        [Fact]
        public Task Whole_decode_of_the_state_objects_buffer_is_reported_and_fixed()
            => Verify.VerifyCodeFixAsync(
                StateObject("""
                        var state = (StateObject)ar.AsyncState!;
                        var handler = state.workSocket;
                        int bytesRead = handler.EndReceive(ar);
                        if (bytesRead > 0)
                        {
                            state.sb.Append([|Encoding.ASCII.GetString(state.buffer)|]);
                            handler.BeginReceive(state.buffer, 0, StateObject.BufferSize, 0, new AsyncCallback(ReadCallback), state);
                        }
                """),
                StateObject("""
                        var state = (StateObject)ar.AsyncState!;
                        var handler = state.workSocket;
                        int bytesRead = handler.EndReceive(ar);
                        if (bytesRead > 0)
                        {
                            state.sb.Append(Encoding.ASCII.GetString(state.buffer, 0, bytesRead));
                            handler.BeginReceive(state.buffer, 0, StateObject.BufferSize, 0, new AsyncCallback(ReadCallback), state);
                        }
                """));

        /// <summary>The message names the state object's buffer as the code does (<c>'state.buffer'</c>), not the bare field name.</summary>
        [Fact]
        public Task Message_names_the_state_objects_buffer_through_the_state()
            => Verify.VerifyAnalyzerAsync(
                StateObject("""
                        var state = (StateObject)ar.AsyncState!;
                        var handler = state.workSocket;
                        int bytesRead = handler.EndReceive(ar);
                        if (bytesRead > 0)
                        {
                            state.sb.Append({|#0:Encoding.ASCII.GetString(state.buffer)|});
                            handler.BeginReceive(state.buffer, 0, StateObject.BufferSize, 0, new AsyncCallback(ReadCallback), state);
                        }
                """),
                Verify.Diagnostic().WithLocation(0).WithArguments(
                    "Encoding.GetString",
                    "all of 'state.buffer'",
                    "Socket.EndReceive",
                    "its first 'bytesRead' bytes",
                    "Use only the bytes received",
                    "bytes"));

        [Fact]
        public Task Fix_all_passes_each_callbacks_count()
            => Verify.VerifyCodeFixAsync(
                StateObject("""
                        var state = ar.AsyncState as StateObject;
                        int bytesRead = state!.workSocket.EndReceive(ar);
                        if (bytesRead == 0) return;
                        Console.WriteLine([|Encoding.UTF8.GetString(state.buffer)|]);
                        File.WriteAllText("last.txt", [|Encoding.UTF8.GetString(state.buffer)|]);
                        state.workSocket.BeginReceive(state.buffer, 0, StateObject.BufferSize, 0, ReadCallback, state);
                """),
                StateObject("""
                        var state = ar.AsyncState as StateObject;
                        int bytesRead = state!.workSocket.EndReceive(ar);
                        if (bytesRead == 0) return;
                        Console.WriteLine(Encoding.UTF8.GetString(state.buffer, 0, bytesRead));
                        File.WriteAllText("last.txt", Encoding.UTF8.GetString(state.buffer, 0, bytesRead));
                        state.workSocket.BeginReceive(state.buffer, 0, StateObject.BufferSize, 0, ReadCallback, state);
                """));

        [Theory]
        // The count is used.
        [InlineData("int n = client.EndReceive(ar); if (n == 0) return; Process(Encoding.UTF8.GetString(buffer, 0, n));")]
        // A project method between the End… and the decode may fill the field.
        [InlineData("int n = client.EndReceive(ar); if (n == 0) return; Refill(); Process(Encoding.UTF8.GetString(buffer));")]
        // The field is given another array first.
        [InlineData("int n = client.EndReceive(ar); if (n == 0) return; buffer = new byte[1024]; Process(Encoding.UTF8.GetString(buffer));")]
        public Task Callback_that_knows_how_much_arrived_or_whose_field_changed_is_quiet(string callback)
            => Verify.VerifyAnalyzerAsync(OwnField(callback));

        [Theory]
        // The receive fills from another offset.
        [InlineData("client.BeginReceive(buffer, 4, buffer.Length - 4, SocketFlags.None, OnReceive, client);")]
        // Another receive names the same callback with another buffer.
        [InlineData("client.BeginReceive(new byte[16], 0, 16, SocketFlags.None, OnReceive, client);")]
        public Task Callback_of_receives_that_do_not_fill_the_field_from_its_start_is_quiet(string start)
            => Verify.VerifyAnalyzerAsync(OwnField("int n = client.EndReceive(ar); if (n == 0) return; Process(Encoding.UTF8.GetString(buffer));", start));

        [Fact]
        public Task Buffer_of_another_state_object_is_not_the_one_the_receive_filled()
            => Verify.VerifyAnalyzerAsync(StateObject("""
                        var state = (StateObject)ar.AsyncState!;
                        var other = new StateObject();
                        int bytesRead = state.workSocket.EndReceive(ar);
                        if (bytesRead > 0)
                        {
                            Console.WriteLine(Encoding.ASCII.GetString(other.buffer));
                        }
                """));

        [Fact]
        public Task Receive_that_hands_the_callback_another_object_than_the_buffers_owner_is_not_followed()
            => Verify.VerifyAnalyzerAsync(StateObject(
                """
                        var state = (StateObject)ar.AsyncState!;
                        int bytesRead = state.workSocket.EndReceive(ar);
                        if (bytesRead > 0)
                        {
                            Console.WriteLine(Encoding.ASCII.GetString(state.buffer));
                        }
                """,
                "handler.BeginReceive(state.buffer, 0, StateObject.BufferSize, 0, ReadCallback, handler);"));

        [Fact]
        public Task Whole_decode_after_an_End_whose_count_is_discarded_is_fixed_by_capturing_the_count()
            => Verify.VerifyCodeFixAsync(
                OwnField("{|SOCK010:{|SOCK011:client.EndReceive(ar)|}|}; Process([|Encoding.UTF8.GetString(buffer)|]);"),
                OwnField("""
                        var received = client.EndReceive(ar);
                        if (received == 0)
                        {
                            return;
                        }

                        Process(Encoding.UTF8.GetString(buffer, 0, received));
                """));

        private static string Lambda(string receive, string after = "") => Usings + $$"""
            class Client
            {
                private readonly byte[] field = new byte[512];

                public void Start(Socket client)
                {
                    var buffer = new byte[1024];
                    {{receive}}
                    {
                        int n = client.EndReceive(ar);
                        if (n == 0) return;
                        Console.WriteLine(Encoding.UTF8.GetString(BUFFER));
                    }, null);
                    {{after}}
                }
            }
            """;

        [Theory]
        [InlineData("client.BeginReceive(buffer, 0, buffer.Length, SocketFlags.None, ar =>", "buffer")]
        [InlineData("client.BeginReceive(field, 0, field.Length, SocketFlags.None, ar =>", "field")]
        [InlineData("client.BeginReceive(buffer, 0, 256, SocketFlags.None, delegate (IAsyncResult ar)", "buffer")]
        public Task Whole_decode_in_a_lambda_given_as_the_callback_is_reported_and_fixed(string receive, string buffer)
            => Verify.VerifyCodeFixAsync(
                Lambda(receive).Replace("Encoding.UTF8.GetString(BUFFER)", "[|Encoding.UTF8.GetString(" + buffer + ")|]"),
                Lambda(receive).Replace("BUFFER", buffer + ", 0, n"));

        [Theory]
        // The local is given another array after the receive started: the lambda may see that one.
        [InlineData("client.BeginReceive(buffer, 0, buffer.Length, SocketFlags.None, ar =>", "buffer = new byte[16];")]
        // The receive fills from another offset.
        [InlineData("client.BeginReceive(buffer, 4, 100, SocketFlags.None, ar =>", "")]
        public Task Lambda_callback_whose_buffer_may_not_be_the_one_filled_from_its_start_is_quiet(string receive, string after)
            => Verify.VerifyAnalyzerAsync(Lambda(receive, after).Replace("BUFFER", "buffer"));

        // ---- Fresh buffers (fresh30 FALSE 1): each receive gets a new array, so its zeros are no stale bytes ----

        [Theory]
        // A new state object for every receive (its buffer starts as a new array), the NULs stripped.
        [InlineData("state.sb.Append(Encoding.ASCII.GetString(state.buffer).TrimEnd('\\0'));", "var next = new StateObject { workSocket = handler };\n            handler.BeginReceive(next.buffer, 0, StateObject.BufferSize, 0, ReadCallback, next);")]
        // A new array in the state's field before every receive, the text parsed as a number.
        [InlineData("Console.WriteLine(int.Parse(Encoding.ASCII.GetString(state.buffer)));", "state.buffer = new byte[StateObject.BufferSize];\n            handler.BeginReceive(state.buffer, 0, StateObject.BufferSize, 0, ReadCallback, state);")]
        public Task Strip_or_parse_of_a_buffer_new_for_every_receive_is_quiet(string use, string rearm)
            => Verify.VerifyAnalyzerAsync(StateObject($$"""
                        var state = (StateObject)ar.AsyncState!;
                        var handler = state.workSocket;
                        int bytesRead = handler.EndReceive(ar);
                        if (bytesRead > 0)
                        {
                            {{use}}
                            {{rearm}}
                        }
                """));

        [Fact]
        public Task Strip_of_a_buffer_the_callback_receives_into_again_is_reported()
            => Verify.VerifyAnalyzerAsync(StateObject("""
                        var state = (StateObject)ar.AsyncState!;
                        var handler = state.workSocket;
                        int bytesRead = handler.EndReceive(ar);
                        if (bytesRead > 0)
                        {
                            state.sb.Append([|Encoding.ASCII.GetString(state.buffer)|].TrimEnd('\0'));
                            handler.BeginReceive(state.buffer, 0, StateObject.BufferSize, 0, ReadCallback, state);
                        }
                """));

        // ---- The array handed over as the state itself (fresh30 miss 1) ----

        private static string AsState(string callback) => Usings + $$"""
            class Reader
            {
                private readonly NetworkStream stream;

                public Reader(NetworkStream stream) => this.stream = stream;

                public void Start()
                {
                    var buffer = new byte[1024];
                    stream.BeginRead(buffer, 0, buffer.Length, ReadCallback, buffer);
                }

                private void ReadCallback(IAsyncResult ar)
                {
            {{callback}}
                    buffer = new byte[buffer.Length];
                    stream.BeginRead(buffer, 0, buffer.Length, ReadCallback, buffer);
                }
            }
            """;

        [Theory]
        [InlineData("var buffer = (byte[])ar.AsyncState!;\n        int read = stream.EndRead(ar);\n        if (read == 0) return;\n        Console.WriteLine([|Encoding.UTF8.GetString(buffer)|]);")]
        // Declared after the End… (fresh31 miss 1, a Unity chat client).
        [InlineData("int read = stream.EndRead(ar);\n        if (read == 0) return;\n        byte[] buffer = (byte[])ar.AsyncState!;\n        Console.WriteLine([|Encoding.UTF8.GetString(buffer)|]);")]
        [InlineData("byte[]? buffer = ar.AsyncState as byte[];\n        int read = stream.EndRead(ar);\n        if (read == 0) return;\n        Console.WriteLine([|BitConverter.ToInt16(buffer!, 0)|]);")]
        public Task Array_handed_as_the_state_is_the_one_the_receive_filled(string callback)
            => Verify.VerifyAnalyzerAsync(AsState(callback));

        [Fact]
        public Task Array_handed_as_the_state_given_another_array_before_the_End_is_not_followed()
            => Verify.VerifyAnalyzerAsync(AsState("var buffer = (byte[])ar.AsyncState!;\n        buffer = new byte[16];\n        int read = stream.EndRead(ar);\n        if (read == 0) return;\n        Console.WriteLine(Encoding.UTF8.GetString(buffer));"));

        // ---- Partial classes (fresh30 miss 2: every Windows Forms form) ----

        private const string FormPart = """
            public partial class ServerForm
            {
                public class StateObject
                {
                    public Socket workSocket = null!;
                    public byte[] buffer = new byte[256];
                }

                public void AcceptCallback(IAsyncResult ar)
                {
                    var listener = (Socket)ar.AsyncState!;
                    var handler = listener.EndAccept(ar);
                    var state = new StateObject();
                    state.workSocket = handler;
                    handler.BeginReceive(state.buffer, 0, state.buffer.Length, 0, new AsyncCallback(ReceiveCallback), state);
                }

                public void ReceiveCallback(IAsyncResult ar)
                {
                    var state = (StateObject)ar.AsyncState!;
                    int bytesRead = state.workSocket.EndReceive(ar);
                    if (bytesRead > 0)
                    {
                        Console.WriteLine({|SOCK012:Encoding.ASCII.GetString(state.buffer)|});
                    }
                }
            }
            """;

        [Fact]
        public Task Callback_of_a_class_whose_other_part_is_in_the_same_file_is_followed()
            => Verify.VerifyAnalyzerAsync(Usings + FormPart + """

                public partial class ServerForm
                {
                    private void InitializeComponent() { }
                }
                """);

        [Fact]
        public Task Callback_of_a_form_whose_designer_part_starts_no_receive_is_followed()
        {
            var test = new SocketAnalyzerTest();
            test.Sources.Add(Usings + FormPart);
            test.Sources.Add(("ServerForm.Designer.cs", Usings + """
                public partial class ServerForm
                {
                    private System.ComponentModel.ISupportInitialize? picture;

                    private void InitializeComponent()
                    {
                        picture?.BeginInit();
                        picture?.EndInit();
                    }
                }
                """));
            return test.RunAsync();
        }

        [Fact]
        public Task Callback_of_a_class_whose_part_in_another_file_may_start_a_receive_is_not_followed()
        {
            var test = new SocketAnalyzerTest();
            test.Sources.Add(Usings + FormPart.Replace("{|SOCK012:Encoding.ASCII.GetString(state.buffer)|}", "Encoding.ASCII.GetString(state.buffer)"));
            test.Sources.Add(("ServerForm.Receive.cs", Usings + """
                public partial class ServerForm
                {
                    public void Again(Socket handler, byte[] other) => handler.BeginReceive(other, 0, other.Length, 0, ReceiveCallback, null);
                }
                """));
            return test.RunAsync();
        }

        [Fact]
        public Task Number_decoded_in_a_callback_says_to_receive_again_at_the_count()
            => Verify.VerifyAnalyzerAsync(
                OwnField("int n = client.EndReceive(ar); if (n == 0) return; Console.WriteLine({|#0:System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(buffer)|});"),
                Verify.Diagnostic().WithLocation(0).WithArguments(
                    "BinaryPrimitives.ReadInt32BigEndian",
                    "the first 4 bytes of 'buffer'",
                    "Socket.EndReceive",
                    "its first 'n' bytes",
                    "Read until all 4 bytes have arrived: start the next receive at the count until they have",
                    "bytes"));

        [Fact]
        public Task Number_decoded_in_a_callback_has_no_fix()
        {
            var source = OwnField("int n = client.EndReceive(ar); if (n == 0) return; Console.WriteLine([|System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(buffer)|]);");
            return Verify.VerifyCodeFixAsync(source, source);
        }

        [Fact]
        public Task State_object_taken_with_a_type_pattern_is_the_one_the_receive_filled()
            => Verify.VerifyAnalyzerAsync(StateObject("""
                        if (ar.AsyncState is StateObject state)
                        {
                            int bytesRead = state.workSocket.EndReceive(ar);
                            if (bytesRead > 0)
                            {
                                Console.WriteLine([|Encoding.UTF8.GetString(state.buffer)|]);
                                state.workSocket.BeginReceive(state.buffer, 0, StateObject.BufferSize, 0, ReadCallback, state);
                            }
                        }
                """));

        // ---- try { n = End…(ar); } catch { n = 0; } (fresh30 miss 3, four course servers) ----

        [Theory]
        [InlineData("catch (SocketException e) { Console.WriteLine(e.Message); bytesRead = 0; }")]
        [InlineData("catch (ObjectDisposedException) { return; }")]
        public Task Whole_decode_after_an_End_whose_catch_sets_the_count_to_zero_is_reported(string handler)
            => Verify.VerifyAnalyzerAsync(EndInTry(handler, "[|Encoding.ASCII.GetString(state.buffer)|]"));

        [Theory]
        // The catch gives the count another value: the buffer may hold anything there.
        [InlineData("catch (SocketException) { bytesRead = -1; }")]
        // The zero is set in a catch of another try, which holds no read.
        [InlineData("catch (SocketException) { }\n        try { Console.WriteLine(); } catch (Exception) { bytesRead = 0; }")]
        public Task Catch_that_does_not_zero_the_reads_own_count_loses_the_fill(string handler)
            => Verify.VerifyAnalyzerAsync(EndInTry(handler, "Encoding.ASCII.GetString(state.buffer)"));

        /// <summary>A state-object callback whose <c>End…</c> sits in a <c>try</c> with <paramref name="handler"/>, then decodes under <c>if (bytesRead &gt; 0)</c>.</summary>
        private static string EndInTry(string handler, string decode) => StateObject($$"""
                        var state = (StateObject)ar.AsyncState!;
                        int bytesRead = 0;
                        try { bytesRead = state.workSocket.EndReceive(ar); }
                        {{handler}}
                        if (bytesRead > 0)
                        {
                            Console.WriteLine({{decode}});
                            state.workSocket.BeginReceive(state.buffer, 0, StateObject.BufferSize, 0, ReadCallback, state);
                        }
                """);
    }
}
