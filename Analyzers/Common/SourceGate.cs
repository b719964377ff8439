using System;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace SocketAnalyzers.Common
{
    /// <summary>
    /// Pay only where sockets are used. Every .NET compilation references <c>System.Net.Sockets</c>, so "the type
    /// resolves" says nothing; and once an analyzer registers any semantic action, the driver binds every body and
    /// builds its operation tree (measured: +20–45% of the compiler's own binding, whatever the callback does). So
    /// the analyzers register nothing unless some file of the compilation names the socket API: a plain text search
    /// of each file for a few words, about 0.03% of binding on a 20k-line library (bench/README.md, "Gating designs").
    /// <para>
    /// Every rule needs its socket, client, listener, stream or endpoint to be created, accepted or declared
    /// somewhere, and each of those names one of the words below (<c>Socket</c> also matches
    /// <c>System.Net.Sockets</c>, <c>SocketType</c>, <c>SocketAsyncEventArgs</c>…). "Somewhere" may be another
    /// assembly: an application that reads <c>connection.Link.Receive(buffer)</c> through a class of its own library
    /// (a project or package reference) names none of the words. So the gate also opens when a referenced assembly
    /// that is not the framework's (not signed with one of Microsoft's keys) references <c>System.Net.Sockets</c>, or
    /// <c>netstandard</c> (which holds the sockets of a .NET Standard library).
    /// </para>
    /// </summary>
    internal static class SourceGate
    {
        /// <summary>The words of the socket API that any code using it contains (ordinal, case-sensitive).</summary>
        internal static readonly string[] Words =
        {
            "Socket", "TcpClient", "TcpListener", "UdpClient", "NetworkStream", "SslStream", "NegotiateStream", "GetStream",
            "IPEndPoint", "HostToNetworkOrder", "NetworkToHostOrder",
        };

        private static readonly WordSearch Search = new(Words);

        private static readonly ConditionalWeakTable<Compilation, object> PerCompilation = new();

        private static readonly object Yes = new();

        private static readonly object No = new();

        /// <summary>True when some syntax tree of <paramref name="compilation"/> contains one of <see cref="Words"/>, or a library it references may hand out sockets.</summary>
        public static bool MentionsSockets(Compilation compilation)
            => PerCompilation.GetValue(compilation, static c => Scan(c) ? Yes : No) == Yes;

        /// <summary>The public key tokens of the framework's assemblies and of Microsoft's own packages.</summary>
        private static readonly string[] MicrosoftKeys =
        {
            "b03f5f7f11d50a3a", "b77a5c561934e089", "cc7b13ffcd2ddd51", "7cec85d7bea7798e", "adb9793829ddae60", "31bf3856ad364e35",
        };

        private static bool Scan(Compilation compilation)
        {
            return Search.AnyTreeContains(compilation, CancellationToken.None) || ReferencesSocketLibrary(compilation);
        }

        /// <summary>True when a referenced assembly that is not Microsoft's may hand out sockets: it references System.Net.Sockets or netstandard.</summary>
        private static bool ReferencesSocketLibrary(Compilation compilation)
        {
            foreach (var reference in compilation.References)
            {
                if (compilation.GetAssemblyOrModuleSymbol(reference) is not IAssemblySymbol assembly || IsMicrosoft(assembly.Identity))
                {
                    continue;
                }

                foreach (var module in assembly.Modules)
                {
                    foreach (var referenced in module.ReferencedAssemblies)
                    {
                        if (referenced.Name is "System.Net.Sockets" or "netstandard")
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        private static bool IsMicrosoft(AssemblyIdentity identity)
        {
            if (!identity.HasPublicKey && identity.PublicKeyToken.IsDefaultOrEmpty)
            {
                return false;
            }

            var token = identity.PublicKeyToken;
            var text = new char[token.Length * 2];
            for (var i = 0; i < token.Length; i++)
            {
                text[2 * i] = Hex(token[i] >> 4);
                text[(2 * i) + 1] = Hex(token[i] & 0xF);
            }

            var hex = new string(text);
            foreach (var key in MicrosoftKeys)
            {
                if (string.Equals(hex, key, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        private static char Hex(int digit) => (char)(digit < 10 ? '0' + digit : 'a' + digit - 10);

        /// <summary>True when <paramref name="text"/> contains one of <see cref="Words"/>.</summary>
        internal static bool Contains(SourceText text) => Search.Contains(text);
    }
}
