using System.Threading.Tasks;
using Xunit;
using static SocketAnalyzers.Tests.Reads.ReadTestCode;
using Verify = SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<SocketAnalyzers.Reads.SOCK011ReadLoopIgnoresEndOfStreamAnalyzer, SocketAnalyzers.CodeFixes.Reads.SOCK011ReadLoopIgnoresEndOfStreamCodeFixProvider>;

namespace SocketAnalyzers.Tests.Reads
{
    /// <summary>
    /// A stream kept in an auto-property of the class (<c>NetworkStream Stream { get; private set; }</c>, the metanit.com
    /// chat tutorial's <c>ClientObject</c>, fresh10 audit miss M2) is its hidden backing field under another name: a loop
    /// over it follows the rules for a field, readonly when the property has no setter. An assignment of the property in
    /// the loop gives the next turn another connection, as an assignment of a field does.
    /// </summary>
    public sealed class StreamAutoPropertyTests
    {
        private static string Client(string property, string turn, string constructor = "Stream = client.GetStream();") => Usings + $$"""
            class ClientObject
            {
                private readonly TcpClient client;
                private TcpListener listener;

                {{property}}

                public ClientObject(TcpClient client)
                {
                    this.client = client;
                    {{constructor}}
                }

                public void Listen()
                {
                    byte[] data = new byte[512];
                    while (true)
                    {
                        var builder = new StringBuilder();
                        int bytes;
                        do
                        {
            {{Indent(turn, 16)}}
                            builder.Append(Encoding.UTF8.GetString(data, 0, bytes));
                        }
                        while (Stream.DataAvailable);

                        string message = builder.ToString();
                        if (!string.IsNullOrWhiteSpace(message))
                        {
                            Console.WriteLine(message);
                        }
                    }
                }

                private void Touch() { }
            }
            """;

        [Theory]
        [InlineData("protected internal NetworkStream Stream { get; private set; }", "bytes = {|SOCK011:Stream.Read(data, 0, data.Length)|};")]
        [InlineData("public NetworkStream Stream { get; set; }", "bytes = {|SOCK011:Stream.Read(data, 0, data.Length)|};")]
        [InlineData("NetworkStream Stream { get; }", "bytes = {|SOCK011:Stream.Read(data, 0, data.Length)|}; Touch();")]
        [InlineData("NetworkStream Stream { get; init; }", "bytes = {|SOCK011:this.Stream.Read(data, 0, data.Length)|}; Touch();")]
        public Task Read_loop_over_a_stream_auto_property_is_reported(string property, string turn)
            => Verify.VerifyAnalyzerAsync(Client(property, turn));

        [Theory]
        // The loop gives the property a new connection: the next turn reads that one.
        [InlineData("internal NetworkStream Stream { get; private set; }", "bytes = Stream.Read(data, 0, data.Length); if (bytes == 0) Stream = listener.AcceptTcpClient().GetStream();")]
        // A helper of the class may replace a property that has a setter, as it may a field that is not readonly.
        [InlineData("internal NetworkStream Stream { get; private set; }", "bytes = Stream.Read(data, 0, data.Length); Touch();")]
        // A property that can be overridden, or whose accessors run code, is not a field.
        [InlineData("public virtual NetworkStream Stream { get; private set; }", "bytes = Stream.Read(data, 0, data.Length);")]
        [InlineData("NetworkStream Stream { get => client.GetStream(); set { } }", "bytes = Stream.Read(data, 0, data.Length);")]
        public Task Read_loop_over_an_auto_property_that_may_change_is_quiet(string property, string turn)
            => Verify.VerifyAnalyzerAsync(Client(property, turn));

        [Fact]
        public Task Fix_returns_when_a_read_of_the_auto_property_returns_0_in_the_inner_loop()
            => Verify.VerifyCodeFixAsync(
                Client("internal NetworkStream Stream { get; private set; }", "bytes = {|SOCK011:Stream.Read(data, 0, data.Length)|};"),
                Client("internal NetworkStream Stream { get; private set; }", "bytes = Stream.Read(data, 0, data.Length);\nif (bytes == 0)\n{\n    return;\n}\n"));
    }
}
