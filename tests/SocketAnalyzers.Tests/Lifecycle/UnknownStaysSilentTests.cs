using System.Threading.Tasks;
using SocketAnalyzers.Tests.Verifiers;
using Xunit;
using Verify = SocketAnalyzers.Tests.Verifiers.AnalyzerVerifier<SocketAnalyzers.Lifecycle.SocketLifecycleAnalyzer>;

namespace SocketAnalyzers.Tests.Lifecycle
{
    /// <summary>
    /// Unknown means unknown: a call that did not bind (dynamic, failed overload resolution, a member that does not
    /// exist) may have done anything to the sockets it was given, and a call that may replace a field (a delegate, a
    /// property setter of the class, a static method of another class for static fields) makes the field unknown.
    /// </summary>
    public sealed class UnknownStaysSilentTests
    {
        private const string Usings = "using System; using System.Net; using System.Net.Sockets; using System.Threading; using System.Threading.Tasks;\n";

        [Theory]
        [InlineData("await client.ConnectAsync(IPAddress.Loopback, cfg.Port); var st = client.GetStream(); st.Write(buffer, 0, 1);")]
        [InlineData("client.Connect(cfg.Host, cfg.Port); var st = client.GetStream(); st.Write(buffer, 0, 1);")]
        [InlineData("cfg.Open(client); var st = client.GetStream(); st.Write(buffer, 0, 1);")]
        [InlineData("client.Client = cfg.Socket; var st = client.GetStream(); st.Write(buffer, 0, 1);")]
        public Task A_dynamic_call_on_or_with_the_socket_leaves_it_unknown(string statements)
            => Verify.VerifyAnalyzerAsync(Usings + $$"""
                class C
                {
                    async Task M(dynamic cfg, byte[] buffer)
                    {
                        var client = new TcpClient();
                        {{statements}}
                    }
                }
                """);

        [Theory]
        [InlineData("await client.ConnectAsync(IPAddress.Loopback, 80, token); var st = client.GetStream(); st.Write(buffer, 0, 1);")]
        [InlineData("var server = new Socket(SocketType.Stream, ProtocolType.Tcp); server.Bind(Config.Endpoint); server.Listen(); var c = server.Accept(); c.Close();")]
        [InlineData("var server = new Socket(SocketType.Stream, ProtocolType.Tcp); server.Bind(new IPEndPoint(IPAddress.Loopback, 0)); server.Listen(Config.Backlog); var c = server.Accept(); c.Close();")]
        [InlineData("var server = new Socket(SocketType.Stream, ProtocolType.Tcp); server.Bind(new IPEndPoint(IPAddress.Loopback, 0)); server.Listen(1, 2, 3); var c = server.Accept(); c.Close();")]
        [InlineData("var server = new Socket(SocketType.Stream, ProtocolType.Tcp); server.Bind(new IPEndPoint(IPAddress.Loopback, 0)); server.StartListening(); var c = server.Accept(); c.Close();")]
        public Task A_call_that_did_not_bind_leaves_the_socket_unknown(string statements)
        {
            var test = new SocketAnalyzerTest
            {
                TestCode = Usings + $$"""
                    class C
                    {
                        async Task M(UnknownToken token, byte[] buffer)
                        {
                            var client = new TcpClient();
                            {{statements}}
                        }
                    }
                    """,
                AllowCompilerErrors = true,
            };
            return test.RunAsync();
        }

        [Fact]
        public Task A_call_that_binds_with_a_broken_argument_elsewhere_still_reports_what_is_certain()
        {
            var test = new SocketAnalyzerTest
            {
                TestCode = Usings + """
                    class C
                    {
                        void M(byte[] buffer)
                        {
                            var server = new Socket(SocketType.Stream, ProtocolType.Tcp);
                            Console.WriteLine(Config.Name);
                            var c = {|SOCK002:server.Accept()|};
                            c.Close();
                        }
                    }
                    """,
                AllowCompilerErrors = true,
            };
            return test.RunAsync();
        }

        [Theory]
        [InlineData("onReady();")]
        [InlineData("Ready = true;")]
        public Task A_call_that_may_replace_a_field_leaves_it_unknown(string statement)
            => Verify.VerifyAnalyzerAsync(Usings + $$"""
                class C
                {
                    private TcpClient client;
                    private Action onReady;

                    public bool Ready
                    {
                        get => client.Connected;
                        set { client = new TcpClient("localhost", 80); }
                    }

                    void M(byte[] buffer)
                    {
                        client = new TcpClient();
                        {{statement}}
                        var st = client.GetStream();
                        st.Write(buffer, 0, 1);
                    }
                }
                """);

        [Fact]
        public Task A_static_method_of_another_class_may_replace_a_static_field()
            => Verify.VerifyAnalyzerAsync(Usings + """
                static class Registry
                {
                    public static void Reset() => C.Shared = new TcpClient("localhost", 80);
                }

                class C
                {
                    internal static TcpClient Shared;

                    void M(byte[] buffer)
                    {
                        Shared = new TcpClient();
                        Registry.Reset();
                        var st = Shared.GetStream();
                        st.Write(buffer, 0, 1);
                    }
                }
                """);

        [Fact]
        public Task An_auto_property_setter_of_the_class_does_not_replace_fields()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class C
                {
                    private TcpClient client;

                    public int Count { get; set; }

                    void M(byte[] buffer)
                    {
                        client = new TcpClient();
                        Count = 1;
                        var st = {|SOCK004:client.GetStream()|};
                        st.Write(buffer, 0, 1);
                    }
                }
                """);
    }
}
