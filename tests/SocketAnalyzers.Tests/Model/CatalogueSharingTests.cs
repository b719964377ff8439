using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SocketAnalyzers.Common;
using SocketAnalyzers.Model;
using SocketAnalyzers.Tests.Verifiers;
using Xunit;

namespace SocketAnalyzers.Tests.Model
{
    /// <summary>
    /// The resolved catalogue is made once per set of referenced assemblies, not once per compilation (an IDE makes a
    /// compilation per edit): <see cref="CatalogueIndex.For"/> hands a later compilation with the same references the
    /// index of an earlier one, unless its own source declares a type the catalogue names, which shadows the framework's.
    /// </summary>
    public sealed class CatalogueSharingTests
    {
        internal static readonly ImmutableArray<MetadataReference> References = ReferenceSet.Net80.Resolve();

        /// <summary>A library of <paramref name="source"/> against <paramref name="references"/> (.NET 8 by default).</summary>
        internal static Compilation Create(string source, ImmutableArray<MetadataReference>? references = null)
            => CSharpCompilation.Create(
                "Probe",
                new[] { CSharpSyntaxTree.ParseText(source) },
                references ?? References,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        [Fact]
        public void Compilations_with_the_same_references_share_one_index()
        {
            var first = CatalogueIndex.For(Create("class A { }"));
            var edited = CatalogueIndex.For(Create("class A { void M(System.Net.Sockets.Socket s) => s.Close(); }"));

            Assert.Same(first, edited);
        }

        [Fact]
        public void An_edit_of_the_same_compilation_reuses_its_index()
        {
            var compilation = Create("class A { }");
            var before = CatalogueIndex.For(compilation);
            var after = CatalogueIndex.For(compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.Single(), CSharpSyntaxTree.ParseText("class A { int x; }")));

            Assert.Same(before, after);
        }

        [Fact]
        public void A_compilation_with_other_references_gets_an_index_of_its_own()
        {
            var all = CatalogueIndex.For(Create("class A { }"));
            var fewer = CatalogueIndex.For(Create("class A { }", References.RemoveAt(References.Length - 1)));

            Assert.NotSame(all, fewer);
        }

        [Fact]
        public void A_source_type_with_a_catalogued_name_gets_an_index_of_its_own_and_it_is_not_shared()
        {
            var shared = CatalogueIndex.For(Create("class A { }"));
            const string Polyfill = "namespace System.Net.Sockets { public sealed class SocketAsyncEventArgs { } }";
            var shadowed = CatalogueIndex.For(Create(Polyfill));
            var shadowedAgain = CatalogueIndex.For(Create(Polyfill));
            var plain = CatalogueIndex.For(Create("class B { }"));

            Assert.NotSame(shared, shadowed);
            Assert.NotSame(shadowed, shadowedAgain);
            Assert.Same(shared, plain);
        }

        [Fact]
        public void A_shared_index_answers_for_the_later_compilation_s_calls()
        {
            CatalogueIndex.For(Create("class A { }"));
            var compilation = Create("class B { void M(System.Net.Sockets.Socket s) { s.Listen(10); } }");
            var symbols = KnownSymbols.TryCreate(compilation);
            Assert.NotNull(symbols);

            var listen = compilation.GetTypeByMetadataName("System.Net.Sockets.Socket")!.GetMembers("Listen").OfType<IMethodSymbol>().First();
            Assert.NotNull(symbols!.Catalogue.Facts(listen)?.Lifecycle(SocketAnalyzers.Lifecycle.SocketModelType.Socket));
        }

        [Fact]
        public void A_kept_answer_for_a_member_no_row_names_stays_no_and_leaves_the_rows_answers_alone()
        {
            // The index keeps a referenced member's answer, a no too (Math.Floor has the length and first letter of Flush, so
            // it passes the names' first filter): asked again, from a later compilation that shares the index, each member
            // still gets its own answer.
            var compilation = Create("class B { void M(System.Net.Sockets.Socket s) { s.Listen(10); } }");
            var catalogue = KnownSymbols.TryCreate(compilation)!.Catalogue;
            var socket = compilation.GetTypeByMetadataName("System.Net.Sockets.Socket")!;
            var unrelated = compilation.GetTypeByMetadataName("System.Math")!.GetMembers("Floor").OfType<IMethodSymbol>().First();
            var listen = socket.GetMembers("Listen").OfType<IMethodSymbol>().First();
            var later = Create("class C { void M(System.Net.Sockets.Socket s) { s.Close(); } }");
            var laterCatalogue = KnownSymbols.TryCreate(later)!.Catalogue;

            Assert.Null(catalogue.Facts(unrelated));
            Assert.Null(catalogue.Facts(unrelated));
            Assert.Same(catalogue, laterCatalogue);
            Assert.Null(laterCatalogue.Facts(unrelated));
            Assert.NotNull(laterCatalogue.Facts(listen)?.Lifecycle(SocketAnalyzers.Lifecycle.SocketModelType.Socket));
        }

        [Fact]
        public void Every_member_with_a_read_facet_passes_the_read_name_filter_and_sends_do_not()
            // The reads family turns a call away by its name's slot before it asks the catalogue (MayRead): a read the filter
            // missed would be a read the family never sees. Every method and property of the framework's System, System.IO
            // and System.Net types (overrides and derived streams included) that the catalogue gives a read is let through.
            => AssertFilterAdmitsEvery(
                facts => facts.Read is not null || facts.ReadApi is not null || facts.LineRead is not null,
                (catalogue, name) => catalogue.MayRead(name),
                "Send", "Connect", "Write");

        [Fact]
        public void Every_byte_order_member_passes_the_byte_order_name_filter_and_socket_calls_do_not()
            // The byte-order family's relevance test turns a call away by its name's slot (MayBeByteOrderApi): a conversion,
            // host-order write or host-order read the filter missed would leave its body unanalysed.
            => AssertFilterAdmitsEvery(
                facts => facts.Conversion || facts.HostOrderWrite is not null || facts.HostOrderRead is not null,
                (catalogue, name) => catalogue.MayBeByteOrderApi(name),
                "Send", "Connect", "Receive");

        /// <summary>
        /// Every catalogued framework member <paramref name="has"/> holds for passes <paramref name="filter"/> (and there are
        /// over fifty), and the names <paramref name="turnedAway"/> do not.
        /// </summary>
        private static void AssertFilterAdmitsEvery(System.Func<ApiFacts, bool> has, System.Func<CatalogueIndex, string, bool> filter, params string[] turnedAway)
        {
            var (catalogue, members) = CataloguedMembers();
            var found = 0;
            foreach (var (member, facts) in members)
            {
                if (has(facts))
                {
                    found++;
                    Assert.True(filter(catalogue, member.Name), member.ToDisplayString());
                }
            }

            Assert.True(found > 50, $"{found} members found");
            foreach (var name in turnedAway)
            {
                Assert.False(filter(catalogue, name), name);
            }
        }

        /// <summary>The catalogue of a socket compilation and every member of the framework's System, System.IO and System.Net types it has a row for.</summary>
        private static (CatalogueIndex Catalogue, System.Collections.Generic.List<(ISymbol Member, ApiFacts Facts)> Members) CataloguedMembers()
        {
            var compilation = Create("class A { void M(System.Net.Sockets.Socket s) => s.Close(); }");
            var catalogue = KnownSymbols.TryCreate(compilation)!.Catalogue;
            var members = new System.Collections.Generic.List<(ISymbol, ApiFacts)>();
            foreach (var type in TypesUnder(compilation.GlobalNamespace))
            {
                foreach (var member in type.GetMembers())
                {
                    if (catalogue.Facts(member) is { } facts)
                    {
                        members.Add((member, facts));
                    }
                }
            }

            return (catalogue, members);
        }

        private static System.Collections.Generic.IEnumerable<INamedTypeSymbol> TypesUnder(INamespaceSymbol space)
        {
            foreach (var member in space.GetMembers())
            {
                if (member is INamespaceSymbol inner)
                {
                    var name = inner.ToDisplayString();
                    if (name is "System" or "System.IO" or "System.Net" or "System.Buffers" or "System.Runtime" or "System.Runtime.CompilerServices" or "System.Runtime.InteropServices"
                        || name.StartsWith("System.IO.", System.StringComparison.Ordinal) || name.StartsWith("System.Net.", System.StringComparison.Ordinal) || name.StartsWith("System.Buffers.", System.StringComparison.Ordinal))
                    {
                        foreach (var type in TypesUnder(inner))
                        {
                            yield return type;
                        }
                    }
                }
                else if (member is INamedTypeSymbol type)
                {
                    yield return type;
                }
            }
        }
    }
}
