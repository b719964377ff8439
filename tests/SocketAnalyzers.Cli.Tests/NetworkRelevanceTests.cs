using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace SocketAnalyzers.Cli.Tests
{
    /// <summary>The scanner's relevance filter takes its network types from the analyzers' API catalogue.</summary>
    public sealed class NetworkRelevanceTests
    {
        private static System.Collections.Generic.HashSet<string> Names()
        {
            var tree = CSharpSyntaxTree.ParseText("class C { }");
            var compilation = CSharpCompilation.Create("Probe", new[] { tree }, FrameworkReferences.Instance.References, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            return NetworkRelevance.RelevantNames(compilation, new[] { tree }, Array.Empty<MetadataReference>(), CancellationToken.None);
        }

        [Theory]
        [InlineData("Socket")] // a type of System.Net.Sockets
        [InlineData("SslStream")] // a type of System.Net.Security
        [InlineData("BinaryPrimitives")] // a type of System.Buffers.Binary
        [InlineData("IPEndPoint")] // takes a host-order port
        [InlineData("Dns")] // an endpoint type
        [InlineData("BitConverter")] // writes and reads host-order numbers
        [InlineData("BinaryWriter")]
        [InlineData("MemoryMarshal")]
        [InlineData("Unsafe")] // WriteUnaligned/ReadUnaligned: host-order numbers, so relevant like MemoryMarshal
        public void A_type_with_a_network_row_in_the_catalogue_makes_a_file_relevant(string name)
            => Assert.Contains(name, Names());

        [Theory]
        [InlineData("Stream")] // reads and writes only over a network stream: naming Stream alone is not network code
        [InlineData("Encoding")] // consumes buffers, never touches the network
        [InlineData("Array")] // copies bytes
        [InlineData("List")]
        public void A_type_that_only_moves_bytes_does_not_make_a_file_relevant(string name)
            => Assert.DoesNotContain(name, Names());
    }
}
