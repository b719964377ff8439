using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Xunit;

namespace SocketAnalyzers.Tests.Meta
{
    /// <summary>
    /// The package promises Roslyn 4.8 hosts (the .NET 8 SDK, Visual Studio 2022 17.8). A host loads our analyzer and
    /// fix assemblies into its own Roslyn, so they may reference nothing newer than that Roslyn and its dependencies
    /// carry: Microsoft.CodeAnalysis* 4.8.0.0, and System.Collections.Immutable, System.Reflection.Metadata and
    /// System.Composition 7.0.0.0 (what Roslyn 4.8 depends on). These facts read the assembly references written in
    /// the two shipped assemblies' metadata, the same bits the package carries.
    /// </summary>
    public sealed class ShippedAssemblyReferenceTests
    {
        private static readonly Version RoslynFloor = new(4, 8, 0, 0);
        private static readonly Version RoslynDependencyFloor = new(7, 0, 0, 0);

        public static TheoryData<string> ShippedAssemblies => new()
        {
            typeof(Descriptors).Assembly.Location,
            typeof(SocketAnalyzers.CodeFixes.CodeFixHelpers).Assembly.Location,
        };

        [Theory]
        [MemberData(nameof(ShippedAssemblies))]
        public void Shipped_assembly_references_nothing_newer_than_a_Roslyn_4_8_host_has(string path)
        {
            var references = ReadReferences(path);
            var problems = Problems(references).ToList();

            Assert.True(problems.Count == 0, $"{Path.GetFileName(path)}:\n" + string.Join("\n", problems)
                + "\nAll references: " + string.Join(", ", references.Select(r => $"{r.Name} {r.Version}")));
        }

        [Fact]
        public void Code_fixes_reference_Workspaces_4_8_and_no_System_Composition()
        {
            // The fixes are built on Workspaces 4.8.0 (not an older layer paired with a newer compiler), and the
            // compile-time-only System.Composition reference (the base type of [ExportCodeFixProvider]) leaves no trace.
            var references = ReadReferences(typeof(SocketAnalyzers.CodeFixes.CodeFixHelpers).Assembly.Location);

            Assert.Contains(references, r => r.Name == "Microsoft.CodeAnalysis.Workspaces" && r.Version == RoslynFloor);
            Assert.DoesNotContain(references, r => r.Name.StartsWith("System.Composition", StringComparison.Ordinal));
        }

        [Fact]
        public void Analyzers_reference_the_compiler_but_no_Workspaces()
        {
            // A command-line build has no Workspaces (RS1038): the analyzer assembly must not need it.
            var references = ReadReferences(typeof(Descriptors).Assembly.Location);

            Assert.Contains(references, r => r.Name == "Microsoft.CodeAnalysis.CSharp" && r.Version == RoslynFloor);
            Assert.DoesNotContain(references, r => r.Name.Contains("Workspaces", StringComparison.Ordinal));
        }

        [Fact]
        public void Reference_check_finds_references_newer_than_the_floor()
        {
            // The check above must be able to fail: each kind of too-new reference is reported, the floors are not.
            var problems = Problems(new[]
            {
                new AssemblyRef("Microsoft.CodeAnalysis", new Version(4, 8, 0, 0)),
                new AssemblyRef("Microsoft.CodeAnalysis.Workspaces", new Version(4, 9, 0, 0)),
                new AssemblyRef("System.Composition.AttributedModel", new Version(8, 0, 0, 0)),
                new AssemblyRef("System.Collections.Immutable", new Version(8, 0, 0, 0)),
                new AssemblyRef("System.Reflection.Metadata", new Version(7, 0, 0, 0)),
                new AssemblyRef("netstandard", new Version(2, 0, 0, 0)),
            }).ToList();

            Assert.Equal(3, problems.Count);
            Assert.Contains(problems, p => p.StartsWith("Microsoft.CodeAnalysis.Workspaces 4.9.0.0", StringComparison.Ordinal));
            Assert.Contains(problems, p => p.StartsWith("System.Composition.AttributedModel 8.0.0.0", StringComparison.Ordinal));
            Assert.Contains(problems, p => p.StartsWith("System.Collections.Immutable 8.0.0.0", StringComparison.Ordinal));
        }

        [Fact]
        public void Tests_run_the_analyzers_and_fixes_in_a_Roslyn_4_8_host()
        {
            // Every analyzer and fix test loads the shipped assemblies into this process, so the floor the package
            // promises is proven only if the Roslyn here is 4.8.0 itself: compiler and Workspaces alike.
            Assert.Equal(RoslynFloor, typeof(Compilation).Assembly.GetName().Version);
            Assert.Equal(RoslynFloor, typeof(Microsoft.CodeAnalysis.CSharp.CSharpCompilation).Assembly.GetName().Version);
            Assert.Equal(RoslynFloor, typeof(Workspace).Assembly.GetName().Version);
            Assert.Equal(RoslynFloor, typeof(Microsoft.CodeAnalysis.CSharp.Formatting.CSharpFormattingOptions).Assembly.GetName().Version);
            Assert.Equal(RoslynFloor, typeof(CodeFixProvider).Assembly.GetName().Version);
        }

        internal sealed record AssemblyRef(string Name, Version Version);

        internal static IReadOnlyList<AssemblyRef> ReadReferences(string path)
        {
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            var metadata = pe.GetMetadataReader();
            return metadata.AssemblyReferences
                .Select(handle => metadata.GetAssemblyReference(handle))
                .Select(reference => new AssemblyRef(metadata.GetString(reference.Name), reference.Version))
                .OrderBy(r => r.Name, StringComparer.Ordinal)
                .ToList();
        }

        internal static IEnumerable<string> Problems(IEnumerable<AssemblyRef> references)
        {
            foreach (var reference in references)
            {
                if (reference.Name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) && reference.Version > RoslynFloor)
                {
                    yield return $"{reference.Name} {reference.Version} is newer than Roslyn {RoslynFloor}";
                }
                else if ((reference.Name.StartsWith("System.Composition", StringComparison.Ordinal)
                        || reference.Name == "System.Collections.Immutable"
                        || reference.Name == "System.Reflection.Metadata")
                    && reference.Version > RoslynDependencyFloor)
                {
                    yield return $"{reference.Name} {reference.Version} is newer than the {RoslynDependencyFloor} a Roslyn 4.8 host carries";
                }
            }
        }
    }
}
