namespace SocketAnalyzers.Tests.Lifecycle
{
    /// <summary>The method the loop tests put their setup and loop in: an endpoint, a buffer and a list to test.</summary>
    internal static class LoopTestCode
    {
        public const string Usings = "using System; using System.Collections.Generic; using System.IO; using System.Net; using System.Net.Sockets; using System.Threading; using System.Threading.Tasks;\n";

        public static string Code(string setup, string loop) => Usings + $$"""
            class C
            {
                async Task M(IPEndPoint ep, byte[] buffer, List<int> items)
                {
                    {{setup}}
                    {{loop}}
                }

                static void Use(int count) { }

                static void Bump(ref int i) => i++;
            }
            """;
    }
}
