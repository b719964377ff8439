namespace SocketAnalyzers.Tests.Reads
{
    /// <summary>Wraps test bodies in a class with the usings and parameters the read tests share.</summary>
    internal static class ReadTestCode
    {
        public const string Usings = """
            using System;
            using System.IO;
            using System.Net;
            using System.Net.Security;
            using System.Net.Sockets;
            using System.Text;
            using System.Threading;
            using System.Threading.Tasks;

            """;

        /// <summary>
        /// A class whose method <c>M</c> takes a connected <c>socket</c>, a <c>stream</c> (NetworkStream), an
        /// <c>ssl</c> stream, a <c>client</c> (TcpClient), a <c>udp</c> client, a <c>buffer</c> and a <c>token</c>, and runs
        /// <paramref name="body"/>. <c>Process(byte[], int)</c> and <c>Handle(byte[], int)</c> (returns bool) are available.
        /// </summary>
        /// <summary>A class with a string property, for JSON deserialisation tests.</summary>
        public const string JsonData = """

            class Data
            {
                public string Name { get; set; }
            }

            """;

        /// <summary>Json.NET's <c>JsonConvert.DeserializeObject</c>, by name (the package is in no reference set).</summary>
        public const string JsonNetStub = """
            namespace Newtonsoft.Json
            {
                public static class JsonConvert
                {
                    public static T DeserializeObject<T>(string value) => default;
                }
            }

            """;

        public static string Method(string body, string returnType = "void", string modifiers = "")
            => Usings + $$"""
            class C
            {
                {{modifiers}} {{returnType}} M(Socket socket, NetworkStream stream, SslStream ssl, TcpClient client, UdpClient udp, byte[] buffer, CancellationToken token)
                {
            {{Indent(body, 8)}}
                }

                static void Process(byte[] data, int count) { }

                static bool Handle(byte[] data, int count) => count > 0;
            }
            """;

        public static string Indent(string text, int spaces)
        {
            var pad = new string(' ', spaces);
            var lines = text.Replace("\r\n", "\n").Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].Length > 0)
                {
                    lines[i] = pad + lines[i];
                }
            }

            return string.Join("\n", lines);
        }
    }
}
