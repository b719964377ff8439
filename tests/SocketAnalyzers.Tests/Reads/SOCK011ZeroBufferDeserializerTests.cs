using System.Threading.Tasks;
using Xunit;
using Verify = SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<SocketAnalyzers.Reads.SOCK011ReadLoopIgnoresEndOfStreamAnalyzer, SocketAnalyzers.CodeFixes.Reads.SOCK011ReadLoopIgnoresEndOfStreamCodeFixProvider>;

namespace SocketAnalyzers.Tests.Reads
{
    /// <summary>
    /// SOCK011 when a read into a fresh array returns 0 and the array, all zeros then, goes to a deserializer that throws
    /// for zeros (fresh13 FALSE 1, a course chat server: <c>byte[] data = new byte[…]; client.Receive(data);
    /// Deserialize(data)</c> with a <c>BinaryFormatter</c> helper, inside a <c>try</c> whose <c>catch</c> closes the client
    /// outside the loop): the exception ends the loop, so it does not spin. A buffer that keeps older bytes, a <c>catch</c>
    /// inside the loop, and a helper that may return before deserializing keep the report.
    /// </summary>
    public sealed class SOCK011ZeroBufferDeserializerTests
    {
        private const string Usings = """
            #pragma warning disable SYSLIB0011
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Net.Sockets;
            using System.Runtime.Serialization.Formatters.Binary;
            using System.Text.Json;
            using System.Xml.Serialization;

            """;

        private static string Server(string loop, string helper = "") => Usings + $$"""
            public class Message { public string Text { get; set; } = ""; }

            public class ChatServer
            {
                private readonly List<Socket> clients = new List<Socket>();

                public void Receive(Socket client)
                {
                    try
                    {
            {{loop}}
                    }
                    catch
                    {
                        clients.Remove(client);
                        client.Close();
                    }
                }

                private static object Deserialize(byte[] data)
                {
                    var stream = new MemoryStream(data);
                    return new BinaryFormatter().Deserialize(stream);
                }

                {{helper}}
            }
            """;

        [Theory]
        [InlineData("""
                        while (true)
                        {
                            byte[] data = new byte[1024 * 5000];
                            {|SOCK010:client.Receive(data)|};
                            string message = (string)Deserialize(data);
                            Console.WriteLine(message);
                        }
            """)]
        [InlineData("""
                        while (true)
                        {
                            var data = new byte[4096];
                            {|SOCK010:client.Receive(data)|};
                            var message = (string)new BinaryFormatter().Deserialize({|SOCK012:new MemoryStream(data)|});
                            Console.WriteLine(message);
                        }
            """)]
        [InlineData("""
                        while (true)
                        {
                            var data = new byte[4096];
                            {|SOCK010:client.Receive(data)|};
                            using var memory = {|SOCK012:new MemoryStream(data)|};
                            var message = new XmlSerializer(typeof(Message)).Deserialize(memory);
                            Console.WriteLine(message);
                        }
            """)]
        [InlineData("""
                        while (true)
                        {
                            var data = new byte[4096];
                            {|SOCK010:client.Receive(data)|};
                            var message = {|SOCK012:JsonSerializer.Deserialize<Message>(data)|};
                            Console.WriteLine(message?.Text);
                        }
            """)]
        public Task Deserializer_of_the_zeros_of_a_fresh_buffer_ends_the_loop(string loop)
            => Verify.VerifyAnalyzerAsync(Server(loop));

        [Fact]
        public Task Helper_that_deserializes_its_parameter_in_its_first_statements_ends_the_loop()
            => Verify.VerifyAnalyzerAsync(Server(
                """
                        while (true)
                        {
                            byte[] data = new byte[1024];
                            {|SOCK010:client.Receive(data)|};
                            Console.WriteLine(Parse(data).Text);
                        }
            """,
                """
                private static Message Parse(byte[] bytes)
                {
                    var json = JsonSerializer.Deserialize<Message>(bytes);
                    return json!;
                }
                """));

        /// <summary>
        /// fresh40 F3 (a Vietnamese course's social-network server): the received bytes copied into an array the count sized,
        /// empty when it is 0, and handed to a helper that deserializes them in a <c>using</c> block; an empty stream makes
        /// <c>BinaryFormatter</c> throw, and the <c>catch</c> is outside the loop.
        /// </summary>
        [Theory]
        [InlineData("Deserialize")]
        [InlineData("FromBinary")]
        public Task Deserializer_of_an_array_the_zero_sized_ends_the_loop(string helper)
            => Verify.VerifyAnalyzerAsync(Server(
                $$"""
                        while (true)
                        {
                            byte[] big = new byte[65536];
                            int count = client.Receive(big);
                            byte[] temp = new byte[count];
                            for (int i = 0; i < count; i++)
                            {
                                temp[i] = big[i];
                            }

                            string packet = (string){{helper}}(temp);
                            Console.WriteLine(packet);
                        }
            """,
                FromBinary));

        [Fact]
        public Task Helper_that_deserializes_in_a_using_block_ends_the_loop_on_a_fresh_buffer_s_zeros()
            => Verify.VerifyAnalyzerAsync(Server(
                """
                        while (true)
                        {
                            byte[] data = new byte[1024];
                            {|SOCK010:client.Receive(data)|};
                            Console.WriteLine(FromBinary(data));
                        }
            """,
                FromBinary));

        [Theory]
        // Sized by more than the count: one zero byte is not known to be rejected.
        [InlineData("byte[] temp = new byte[count + 1];", "FromBinary")]
        // A helper whose using block may return before it deserializes.
        [InlineData("byte[] temp = new byte[count];", "Guarded")]
        public Task Array_not_empty_or_helper_that_may_not_deserialize_is_reported(string copy, string helper)
            => Verify.VerifyAnalyzerAsync(Server(
                $$"""
                        while (true)
                        {
                            byte[] big = new byte[65536];
                            int count = [|client.Receive(big)|];
                            {{copy}}
                            Array.Copy(big, temp, count);
                            Console.WriteLine({{helper}}(temp));
                        }
            """,
                FromBinary + """

                private static object? Guarded(byte[] data)
                {
                    using (var stream = new MemoryStream(data))
                    {
                        if (stream.Length == 0)
                        {
                            return null;
                        }

                        return new BinaryFormatter().Deserialize(stream);
                    }
                }
                """));

        private const string FromBinary = """
            public static object FromBinary(byte[] data)
            {
                using (MemoryStream stream = new MemoryStream(data))
                {
                    stream.Position = 0;
                    object o = new BinaryFormatter().Deserialize(stream);
                    return o;
                }
            }
            """;

        [Theory]
        [InlineData("""
                        byte[] data = new byte[4096];
                        while (true)
                        {
                            {|SOCK010:{|SOCK011:client.Receive(data)|}|};
                            string message = (string)Deserialize(data);
                            Console.WriteLine(message);
                        }
            """)]
        [InlineData("""
                        while (true)
                        {
                            byte[] data = new byte[4096];
                            {|SOCK010:{|SOCK011:client.Receive(data)|}|};
                            try
                            {
                                Console.WriteLine((string)Deserialize(data));
                            }
                            catch (Exception)
                            {
                            }
                        }
            """)]
        [InlineData("""
                        while (true)
                        {
                            byte[] data = new byte[4096];
                            {|SOCK010:{|SOCK011:client.Receive(data)|}|};
                            Console.WriteLine(Careful(data));
                        }
            """)]
        [InlineData("""
                        while (true)
                        {
                            byte[] data = new byte[4096];
                            {|SOCK010:{|SOCK011:client.Receive(data)|}|};
                            Console.WriteLine(Decode(data));
                        }
            """)]
        public Task Loop_whose_zero_path_does_not_certainly_throw_is_reported(string loop)
            => Verify.VerifyAnalyzerAsync(Server(loop, """
                private static object? Careful(byte[] bytes)
                {
                    if (bytes[0] == 0)
                    {
                        return null;
                    }

                    return new BinaryFormatter().Deserialize(new MemoryStream(bytes));
                }

                private static int Decode(byte[] bytes)
                {
                    using var reader = new BinaryReader(new MemoryStream(bytes));
                    return reader.ReadByte();
                }
                """));
    }
}
