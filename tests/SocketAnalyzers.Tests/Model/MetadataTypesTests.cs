using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using SocketAnalyzers.Common;
using Xunit;

namespace SocketAnalyzers.Tests.Model
{
    /// <summary>
    /// <see cref="MetadataTypes"/> answers as <c>Compilation.GetTypeByMetadataName</c> does, and keeps the answers that
    /// depend on the referenced assemblies alone for the next compilation with the same references (an IDE makes one per
    /// edit): a type the compilation's own source declares is that compilation's answer only.
    /// </summary>
    public sealed class MetadataTypesTests
    {
        private static ImmutableArray<MetadataReference> References => CatalogueSharingTests.References;

        private static Compilation Create(string source, ImmutableArray<MetadataReference>? references = null)
            => CatalogueSharingTests.Create(source, references);

        [Theory]
        [InlineData("System.Net.Sockets.Socket")]
        [InlineData("System.Threading.Tasks.Task`1")]
        [InlineData("System.Net.Sockets.NoSuchType")]
        public void Answers_as_the_compilation_does(string name)
        {
            var compilation = Create("class A { }");

            Assert.Equal(compilation.GetTypeByMetadataName(name), MetadataTypes.For(compilation).Get(name), SymbolEqualityComparer.Default);
        }

        [Fact]
        public void Compilations_with_the_same_references_get_the_same_referenced_type()
        {
            var first = MetadataTypes.For(Create("class A { }")).Get("System.Net.Sockets.TcpClient");
            var edited = MetadataTypes.For(Create("class A { int x; }")).Get("System.Net.Sockets.TcpClient");

            Assert.NotNull(first);
            Assert.Same(first, edited);
        }

        [Fact]
        public void A_type_the_source_declares_is_that_compilation_s_answer_only()
        {
            const string Name = "System.Net.Sockets.SocketAsyncEventArgs";
            const string Polyfill = "namespace System.Net.Sockets { public sealed class SocketAsyncEventArgs { } }";
            var polyfilled = Create(Polyfill);
            var own = MetadataTypes.For(polyfilled).Get(Name);
            var plain = MetadataTypes.For(Create("class B { }")).Get(Name);
            var polyfilledAgain = Create(Polyfill);

            Assert.Equal(polyfilled.GetTypeByMetadataName(Name), own, SymbolEqualityComparer.Default);
            Assert.True(own is null || own.Locations[0].IsInSource);
            Assert.NotNull(plain);
            Assert.True(plain!.Locations[0].IsInMetadata);
            Assert.Equal(polyfilledAgain.GetTypeByMetadataName(Name), MetadataTypes.For(polyfilledAgain).Get(Name), SymbolEqualityComparer.Default);
        }

        [Theory]
        [InlineData("namespace System { namespace Net.Sockets { public sealed class SocketAsyncEventArgs { } } }")]
        [InlineData("namespace System.Net.Sockets;\npublic sealed class SocketAsyncEventArgs { }")]
        [InlineData("namespace Other { class C { } }\nnamespace System.Net { namespace Sockets { public sealed class SocketAsyncEventArgs { } } }")]
        public void A_type_the_source_declares_in_any_form_of_namespace_is_the_source_s(string polyfill)
        {
            // The source is asked only for a name under a namespace it declares: every form of declaring one counts.
            const string Name = "System.Net.Sockets.SocketAsyncEventArgs";
            MetadataTypes.For(Create("class B { }")).Get(Name);
            var polyfilled = Create(polyfill);

            var own = MetadataTypes.For(polyfilled).Get(Name);

            Assert.Equal(polyfilled.GetTypeByMetadataName(Name), own, SymbolEqualityComparer.Default);
            Assert.True(own is null || own.Locations[0].IsInSource);
        }

        [Fact]
        public void A_compilation_whose_references_carry_an_alias_answers_for_itself()
        {
            var aliased = References;
            foreach (var reference in References)
            {
                if (reference.Display?.EndsWith("System.Net.Sockets.dll", System.StringComparison.Ordinal) == true)
                {
                    aliased = aliased.Replace(reference, reference.WithAliases(new[] { "sockets" }));
                }
            }

            MetadataTypes.For(Create("class A { }")).Get("System.Net.Sockets.Socket");
            var compilation = Create("class A { }", aliased);

            Assert.Null(compilation.GetTypeByMetadataName("System.Net.Sockets.Socket"));
            Assert.Null(MetadataTypes.For(compilation).Get("System.Net.Sockets.Socket"));
        }
    }
}
