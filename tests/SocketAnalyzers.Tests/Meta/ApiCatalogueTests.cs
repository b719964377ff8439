using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SocketAnalyzers.Model;
using SocketAnalyzers.Reads;
using SocketAnalyzers.Tests.Verifiers;
using Xunit;

namespace SocketAnalyzers.Tests.Meta
{
    /// <summary>
    /// The API catalogue (Analyzers/Model) against the real reference assemblies: every row names something in exactly
    /// the reference sets it says (netstandard2.0 + System.Memory, .NET 8, .NET 10), every ordinal names a parameter of the
    /// right kind, no framework overload of a catalogued name escapes it, and the rule pages list what it lists.
    /// </summary>
    public sealed class ApiCatalogueTests
    {
        private static readonly Lazy<ImmutableDictionary<ApiSets, Compilation>> Compilations = new(CreateCompilations);

        private static ImmutableDictionary<ApiSets, Compilation> CreateCompilations()
        {
            var net10 = Directory.GetDirectories("/usr/share/dotnet/packs/Microsoft.NETCore.App.Ref", "10.*")
                .OrderBy(d => Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : new Version(0, 0), Comparer<Version>.Default)
                .LastOrDefault();
            Assert.True(net10 is not null, "The .NET 10 reference pack (/usr/share/dotnet/packs/Microsoft.NETCore.App.Ref/10.*) is missing: the SDK that builds this repository brings it.");
            var net10Refs = Directory.GetFiles(Path.Combine(net10!, "ref", "net10.0"), "*.dll")
                .OrderBy(f => f, StringComparer.Ordinal)
                .Select(f => (MetadataReference)MetadataReference.CreateFromFile(f))
                .ToImmutableArray();
            return new Dictionary<ApiSets, Compilation>
            {
                [ApiSets.NetStandard20] = Create(ReferenceSet.NetStandard20WithSystemMemory.Resolve()),
                [ApiSets.Net8] = Create(ReferenceSet.Net80.Resolve()),
                [ApiSets.Net10] = Create(net10Refs),
            }.ToImmutableDictionary();

            static Compilation Create(ImmutableArray<MetadataReference> references)
                => CSharpCompilation.Create("CatalogueProbe", references: references, options: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        }

        private static readonly string[] SetNames = { nameof(ApiSets.NetStandard20), nameof(ApiSets.Net8), nameof(ApiSets.Net10) };

        public static TheoryData<string> Sets
        {
            get
            {
                var data = new TheoryData<string>();
                foreach (var name in SetNames)
                {
                    data.Add(name);
                }

                return data;
            }
        }

        private static Compilation For(string set) => Compilations.Value[Enum.Parse<ApiSets>(set)];

        private static bool Resolves(Compilation compilation, ApiRow row)
            => row.Member is null ? compilation.GetTypeByMetadataName(row.Type) is not null : CatalogueIndex.ResolveRow(compilation, row).Length > 0;

        [Fact]
        public void Every_row_resolves_in_at_least_one_reference_set()
        {
            var nowhere = SocketApiCatalogue.Rows
                .Where(row => !SetNames.Any(set => Resolves(For(set), row)))
                .Select(row => row.ToString())
                .ToList();
            Assert.True(nowhere.Count == 0, "Rows that match nothing in .NET 8, .NET 10 or netstandard2.0: " + string.Join(", ", nowhere));
        }

        [Theory]
        [MemberData(nameof(Sets))]
        public void Every_row_resolves_in_exactly_the_sets_it_names(string set)
        {
            var flag = Enum.Parse<ApiSets>(set);
            var compilation = For(set);
            var wrong = new List<string>();
            foreach (var row in SocketApiCatalogue.Rows)
            {
                var resolves = Resolves(compilation, row);
                var claims = (row.Sets & flag) != 0;
                if (resolves != claims)
                {
                    wrong.Add($"{row} {(claims ? "says it is in" : "does not say it is in")} {set} but {(resolves ? "resolves" : "does not resolve")} there");
                }
            }

            Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        }

        /// <summary>
        /// SOCK050 looks a call up in the catalogue only when the method's name holds "Accept": every accept row must be
        /// named so, or its calls would never be seen.
        /// </summary>
        [Fact]
        public void Every_accept_row_is_named_with_Accept()
        {
            var unnamed = SocketApiCatalogue.Rows
                .Where(row => row.Lifecycle is { Operation: SocketAnalyzers.Lifecycle.SocketOperation.Accept }
                    && (row.Member is null || row.Member.IndexOf("Accept", StringComparison.Ordinal) < 0))
                .Select(row => row.ToString())
                .ToList();
            Assert.Contains(SocketApiCatalogue.Rows, row => row.Lifecycle is { Operation: SocketAnalyzers.Lifecycle.SocketOperation.Accept });
            Assert.True(unnamed.Count == 0, "Accept rows whose member name does not hold 'Accept': " + string.Join(", ", unnamed));
        }

        [Fact]
        public void Every_parameter_pattern_uses_known_tokens()
        {
            var unknown = SocketApiCatalogue.Rows
                .Where(row => row.Parameters is not null)
                .SelectMany(row => ParameterPattern.Parse(row.Parameters!).UnknownTokens().Select(token => $"{row}: '{token}'"))
                .ToList();
            Assert.True(unknown.Count == 0, "Unknown pattern tokens (add them to ParameterPattern.Aliases): " + string.Join(", ", unknown));
        }

        [Theory]
        [MemberData(nameof(Sets))]
        public void Every_ordinal_names_a_parameter_of_the_kind_it_says(string set)
        {
            var compilation = For(set);
            var wrong = new List<string>();
            foreach (var row in SocketApiCatalogue.Rows.Where(r => r.Member is not null))
            {
                foreach (var symbol in CatalogueIndex.ResolveRow(compilation, row))
                {
                    if (symbol is not IMethodSymbol method)
                    {
                        if (row.Port is { Ordinal: not -1 } || row.Read is not null || row.Sends is not null || row.Fills is not null || row.Copy is not null
                            || row.ViewOffset is not null || row.OrderedWrite is not null)
                        {
                            wrong.Add($"{row}: {symbol.ToDisplayString()} is not a method but the row names its parameters");
                        }

                        continue;
                    }

                    var parameters = method.Parameters;
                    void Check(string what, int? ordinal, Func<ITypeSymbol, bool> kind)
                    {
                        if (ordinal is not { } o || o == SocketApiCatalogue.Instance)
                        {
                            return;
                        }

                        if (o < 0 || o >= parameters.Length || !kind(parameters[o].Type))
                        {
                            wrong.Add($"{row}: {what} ordinal {o} of {method.ToDisplayString()} is not a parameter of the right kind");
                        }
                    }

                    bool IsInt(ITypeSymbol t) => t.SpecialType == SpecialType.System_Int32;
                    bool IsBytes(ITypeSymbol t) => t is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte }
                        || t is INamedTypeSymbol { IsGenericType: true } n && n.TypeArguments.Length == 1 && n.TypeArguments[0].SpecialType == SpecialType.System_Byte;
                    bool IsBytesOrList(ITypeSymbol t) => IsBytes(t) || t is INamedTypeSymbol { Name: "IList" } l && l.TypeArguments.Length == 1 && IsBytes(l.TypeArguments[0]);
                    bool Any(ITypeSymbol t) => true;
                    bool IsIndex(ITypeSymbol t) => t.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64;
                    bool IsStart(ITypeSymbol t) => IsInt(t) || t is INamedTypeSymbol { Name: "Index" or "Range", ContainingNamespace.Name: "System" };
                    bool IsNumber(ITypeSymbol t) => SocketAnalyzers.ByteOrder.ByteOrderTables.MultiByteName(t) is not null
                        || t.SpecialType is SpecialType.System_IntPtr or SpecialType.System_UIntPtr;

                    bool IsChars(ITypeSymbol t) => t is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Char }
                        || t is INamedTypeSymbol { IsGenericType: true, Name: "Span" or "Memory" } n && n.TypeArguments.Length == 1 && n.TypeArguments[0].SpecialType == SpecialType.System_Char;

                    Check("read buffer", row.Read?.Buffer, row.ReadApi?.CountsChars == true ? IsChars : IsBytes);
                    Check("read offset", row.Read?.Offset, IsInt);
                    Check("read size", row.Read?.Size, IsInt);
                    Check("read minimum", row.Read?.Minimum, IsInt);
                    Check("read throwOnEndOfStream", row.Read?.ThrowOnEnd, t => t.SpecialType == SpecialType.System_Boolean);
                    Check("filled buffer", row.Fills, IsBytes);
                    Check("reader's stream", row.ReaderOver, t => t.Name == "Stream" && t.ContainingNamespace?.ToDisplayString() == "System.IO");
                    Check("sent bytes", row.Sends, IsBytesOrList);
                    Check("port", row.Port?.Ordinal, IsInt);
                    Check("copy source", row.Copy?.Source, Any);
                    Check("copy destination", row.Copy?.Destination, Any);
                    Check("host-order buffer", row.HostOrderWrite?.BufferOrdinal ?? row.HostOrderRead?.BufferOrdinal, Any);
                    Check("host-order number", row.HostOrderWrite?.NumberOrdinal, Any);
                    Check("copy source offset", row.Copy?.SourceOffset, IsIndex);
                    Check("copy destination offset", row.Copy?.DestinationOffset, IsIndex);
                    Check("copy count", row.Copy?.Count, IsIndex);
                    Check("view start", row.ViewOffset, IsStart);
                    Check("ordered-write buffer", row.OrderedWrite?.BufferOrdinal, IsBytes);
                    Check("ordered-write number", row.OrderedWrite?.NumberOrdinal, IsNumber);
                    if (row.Copy is { } copy && (copy.Source == SocketApiCatalogue.Instance || copy.Destination == SocketApiCatalogue.Instance) && method.IsStatic)
                    {
                        wrong.Add($"{row}: {method.ToDisplayString()} is static but the copy names the instance");
                    }
                }
            }

            Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        }

        [Theory]
        [MemberData(nameof(Sets))]
        public void Every_read_row_returns_its_count_where_it_says(string set)
        {
            var compilation = For(set);
            var wrong = new List<string>();
            foreach (var row in SocketApiCatalogue.Rows.Where(r => r.Read is not null))
            {
                foreach (var method in CatalogueIndex.ResolveRow(compilation, row).OfType<IMethodSymbol>())
                {
                    var returnType = method.ReturnType;
                    var awaited = returnType is INamedTypeSymbol { IsGenericType: true, Name: "Task" or "ValueTask", TypeArguments.Length: 1 } task ? task.TypeArguments[0] : null;
                    var ok = row.Read!.Count switch
                    {
                        CountFrom.Result => returnType.SpecialType == SpecialType.System_Int32,
                        CountFrom.AwaitedResult => awaited?.SpecialType == SpecialType.System_Int32,
                        _ => awaited?.Name is "SocketReceiveFromResult" or "SocketReceiveMessageFromResult",
                    };
                    if (!ok)
                    {
                        wrong.Add($"{row}: {method.ToDisplayString()} returns {returnType.ToDisplayString()}, not a count as {row.Read.Count}");
                    }
                }
            }

            Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        }

        [Theory]
        [MemberData(nameof(Sets))]
        public void Every_text_read_row_returns_a_line_or_a_character_and_every_throwing_read_a_value_or_fills_a_buffer(string set)
        {
            var compilation = For(set);
            var wrong = new List<string>();
            var rows = SocketApiCatalogue.Rows.Where(r => r.LineRead is not null).ToList();
            Assert.NotEmpty(rows);
            Assert.Contains(rows, r => r.LineRead!.IsLine);
            Assert.Contains(rows, r => r.LineRead!.IsChar);
            Assert.Contains(rows, r => r.LineRead!.IsThrowing);
            foreach (var row in rows)
            {
                if (row.LineRead!.IsThrowing && row.LineRead.Owner == ReadOwner.Stream)
                {
                    // A stream's read that throws at end of stream (ReadExactly) fills the buffer it takes first and returns
                    // nothing (void, or a task without a result, awaited where it is followed).
                    foreach (var symbol in CatalogueIndex.ResolveRow(compilation, row))
                    {
                        if (symbol is not IMethodSymbol { IsStatic: false, Parameters.Length: > 0 } method || row.Fills != 0
                            || !(method.ReturnsVoid || method.ReturnType is INamedTypeSymbol { Name: "Task" or "ValueTask", IsGenericType: false }))
                        {
                            wrong.Add($"{row}: {symbol.ToDisplayString()} is not an instance method that fills its first argument and returns nothing");
                        }
                    }

                    continue;
                }

                if (row.LineRead!.IsThrowing)
                {
                    // A reader's read that throws at end of stream returns the value it read, synchronously, and takes nothing;
                    // or (.NET 10's BinaryReader.ReadExactly) fills the one buffer it takes and returns nothing.
                    foreach (var symbol in CatalogueIndex.ResolveRow(compilation, row))
                    {
                        var returnsValue = symbol is IMethodSymbol { IsStatic: false, ReturnsVoid: false, Parameters.Length: 0 } method
                            && method.ReturnType is not INamedTypeSymbol { Name: "Task" or "ValueTask" };
                        var fillsBuffer = symbol is IMethodSymbol { IsStatic: false, ReturnsVoid: true, Parameters.Length: 1 } filling
                            && filling.Parameters[0].Type is INamedTypeSymbol { Name: "Span", TypeArguments: [{ SpecialType: SpecialType.System_Byte }] };
                        if (!returnsValue && !fillsBuffer)
                        {
                            wrong.Add($"{row}: {symbol.ToDisplayString()} is not an instance method without parameters that returns what it read, nor one that fills the byte span it takes");
                        }
                    }

                    continue;
                }

                // A line read returns the line (string, Task<string>, ValueTask<string>); a character read, an int (-1 at end).
                var expected = row.LineRead!.IsChar ? SpecialType.System_Int32 : SpecialType.System_String;
                foreach (var symbol in CatalogueIndex.ResolveRow(compilation, row))
                {
                    var returnType = (symbol as IMethodSymbol)?.ReturnType;
                    var value = returnType is INamedTypeSymbol { IsGenericType: true, Name: "Task" or "ValueTask", TypeArguments.Length: 1 } task ? task.TypeArguments[0] : returnType;
                    if (symbol is not IMethodSymbol { IsStatic: false } || value?.SpecialType != expected || row.LineRead.IsChar && !SymbolEqualityComparer.Default.Equals(value, returnType))
                    {
                        wrong.Add($"{row}: {symbol.ToDisplayString()} is not an instance method that returns {(row.LineRead.IsChar ? "a character (int)" : "a line (string, Task<string>, ValueTask<string>)")}");
                    }
                }
            }

            Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        }

        /// <summary>
        /// The index resolves a type's rows only when a lookup first asks about one of its members: every member a row
        /// names must still be found, the any-method rows' members included (their names pass the name filter).
        /// </summary>
        [Theory]
        [MemberData(nameof(Sets))]
        public void Every_member_a_row_names_is_found_by_the_index_that_resolves_rows_on_first_use(string set)
        {
            var compilation = For(set);
            var index = new CatalogueIndex(compilation);
            var missing = new List<string>();
            var found = 0;
            foreach (var row in SocketApiCatalogue.Rows)
            {
                if (row.Member is null)
                {
                    continue;
                }

                foreach (var symbol in CatalogueIndex.ResolveRow(compilation, row))
                {
                    found++;
                    if (index.Facts(symbol) is null)
                    {
                        missing.Add($"{row.Type}.{row.Member}: {symbol.ToDisplayString()}");
                    }
                }
            }

            Assert.True(found > 100, $"only {found} members resolved");
            Assert.True(missing.Count == 0, string.Join("\n", missing));
        }

        /// <summary>
        /// A framework type derived from a catalogued one may declare its own overload of a catalogued name without
        /// overriding (<c>SslStream.Write(byte[])</c>): the lookup, which follows overrides, would not see it.
        /// </summary>
        [Theory]
        [MemberData(nameof(Sets))]
        public void No_framework_overload_of_a_catalogued_name_escapes_the_catalogue(string set)
        {
            var compilation = For(set);
            var index = new CatalogueIndex(compilation);
            var rowsByType = new Dictionary<INamedTypeSymbol, HashSet<string>>(SymbolEqualityComparer.Default);
            foreach (var row in SocketApiCatalogue.Rows)
            {
                if (row.Member is not null and not ".ctor" && compilation.GetTypeByMetadataName(row.Type) is { } rowType)
                {
                    if (!rowsByType.TryGetValue(rowType, out var names))
                    {
                        names = new HashSet<string>(StringComparer.Ordinal);
                        rowsByType.Add(rowType, names);
                    }

                    names.Add(row.Member);
                }
            }

            var escaped = new List<string>();
            foreach (var type in AllPublicTypes(compilation))
            {
                for (var baseType = type.BaseType; baseType is not null; baseType = baseType.BaseType)
                {
                    if (!rowsByType.TryGetValue(baseType.OriginalDefinition, out var names))
                    {
                        continue;
                    }

                    foreach (var member in type.GetMembers().OfType<IMethodSymbol>())
                    {
                        if (member.DeclaredAccessibility == Accessibility.Public && !member.IsStatic && names.Contains(member.Name)
                            && index.Facts(member) is null && BaseHasCataloguedOverload(index, baseType, member.Name))
                        {
                            escaped.Add(member.ToDisplayString());
                        }
                    }
                }
            }

            Assert.True(escaped.Count == 0, "Overloads on derived framework types that no row covers: " + string.Join(", ", escaped.Distinct()));
        }

        private static bool BaseHasCataloguedOverload(CatalogueIndex index, INamedTypeSymbol type, string name)
            => type.GetMembers(name).Any(m => index.Facts(m) is { } facts && (facts.Sends is not null || facts.Fills is not null || facts.Read is not null || facts.Consumes || facts.Copy is not null));

        private static IEnumerable<INamedTypeSymbol> AllPublicTypes(Compilation compilation)
        {
            var stack = new Stack<INamespaceOrTypeSymbol>();
            foreach (var reference in compilation.References)
            {
                if (compilation.GetAssemblyOrModuleSymbol(reference) is IAssemblySymbol assembly)
                {
                    stack.Push(assembly.GlobalNamespace);
                }
            }

            while (stack.Count > 0)
            {
                foreach (var member in stack.Pop().GetMembers())
                {
                    if (member is INamespaceSymbol ns)
                    {
                        stack.Push(ns);
                    }
                    else if (member is INamedTypeSymbol { DeclaredAccessibility: Accessibility.Public } type)
                    {
                        yield return type;
                        stack.Push(type);
                    }
                }
            }
        }

        /// <summary>
        /// A row for every method of its type (<see cref="ApiRow.AnyMethod"/>) selects by its pattern alone, so the pattern
        /// must select exactly the methods meant: for the writes in a chosen byte order, every
        /// <c>BinaryPrimitives.(Try)Write…BigEndian/LittleEndian</c> of the reference set and nothing else.
        /// </summary>
        [Theory]
        [MemberData(nameof(Sets))]
        public void Rows_for_every_method_select_exactly_the_writes_in_a_chosen_order(string set)
        {
            var compilation = For(set);
            Assert.All(SocketApiCatalogue.Rows.Where(r => r.Member == ApiRow.AnyMethod), row => Assert.NotNull(row.Parameters));
            var selected = SocketApiCatalogue.Rows
                .Where(r => r.OrderedWrite is not null)
                .SelectMany(r => CatalogueIndex.ResolveRow(compilation, r))
                .Select(m => m.ToDisplayString())
                .ToHashSet(StringComparer.Ordinal);
            var binaryPrimitives = compilation.GetTypeByMetadataName("System.Buffers.Binary.BinaryPrimitives");
            Assert.NotNull(binaryPrimitives);
            var expected = binaryPrimitives!.GetMembers().OfType<IMethodSymbol>()
                .Where(m => m.DeclaredAccessibility == Accessibility.Public
                    && (m.Name.StartsWith("Write", StringComparison.Ordinal) || m.Name.StartsWith("TryWrite", StringComparison.Ordinal))
                    && (m.Name.EndsWith("BigEndian", StringComparison.Ordinal) || m.Name.EndsWith("LittleEndian", StringComparison.Ordinal)))
                .Select(m => m.ToDisplayString())
                .ToHashSet(StringComparer.Ordinal);
            Assert.True(expected.Count > 0, "BinaryPrimitives has no Write…Endian method in " + set);
            Assert.True(selected.SetEquals(expected), $"In {set} the ordered-write rows select {string.Join(", ", selected.Except(expected))} too many and miss {string.Join(", ", expected.Except(selected))}.");
        }

        [Fact]
        public void SOCK010_page_lists_exactly_the_catalogues_reads()
        {
            var page = File.ReadAllText(Repository.PathOf("docs/rules/SOCK010.md"));
            foreach (var (owner, label) in new[] { (ReadOwner.Socket, "| `Socket` |"), (ReadOwner.Stream, "| network `Stream` |"), (ReadOwner.Reader, "| `TextReader` or `BinaryReader` over a network stream |") })
            {
                var line = page.Split('\n').Single(l => l.StartsWith(label, StringComparison.Ordinal));
                var documented = Regex.Matches(line.Substring(label.Length), "`([A-Za-z]+)`").Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
                var catalogued = SocketApiCatalogue.Rows.Where(r => r.Read?.Owner == owner).Select(r => r.Member!).ToHashSet(StringComparer.Ordinal);
                Assert.True(documented.SetEquals(catalogued), $"SOCK010.md lists {string.Join(", ", documented.OrderBy(n => n))} for {owner}; the catalogue has {string.Join(", ", catalogued.OrderBy(n => n))}.");
            }
        }

        [Fact]
        public void SOCK022_page_lists_exactly_the_catalogues_host_order_ports()
        {
            var page = File.ReadAllText(Repository.PathOf("docs/rules/SOCK022.md"));
            var ports = SocketApiCatalogue.Rows.Where(r => r.Port is not null).ToList();
            var types = ports.Select(r => r.Port!.Display.Split('.')[0]).ToHashSet(StringComparer.Ordinal);
            var documentedTypes = new HashSet<string>(StringComparer.Ordinal);
            foreach (var line in page.Split('\n').Where(l => Regex.IsMatch(l, @"^\| `[A-Za-z]+` \|")))
            {
                var cells = line.Trim().Trim('|').Split('|');
                var type = cells[0].Trim().Trim('`');
                documentedTypes.Add(type);
                var members = Regex.Matches(cells[1], "`(?:[A-Za-z]+\\.)?([A-Z][A-Za-z]+)`").Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
                var catalogued = ports.Where(r => r.Port!.Display.Split('.')[0] == type && r.Member != ".ctor").Select(r => r.Member!).ToHashSet(StringComparer.Ordinal);
                Assert.True(members.SetEquals(catalogued), $"SOCK022.md lists {string.Join(", ", members.OrderBy(n => n))} for {type}; the catalogue has {string.Join(", ", catalogued.OrderBy(n => n))}.");
                var hasConstructors = ports.Any(r => r.Port!.Display.Split('.')[0] == type && r.Member == ".ctor");
                Assert.True(hasConstructors == cells[1].Contains("constructor", StringComparison.Ordinal), $"SOCK022.md and the catalogue disagree on whether {type}'s constructors take a host-order port.");
            }

            Assert.True(documentedTypes.SetEquals(types), $"SOCK022.md lists {string.Join(", ", documentedTypes.OrderBy(n => n))}; the catalogue has {string.Join(", ", types.OrderBy(n => n))}.");
        }
    }
}
