using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using SocketAnalyzers.Tests.Verifiers;
using Xunit;

namespace SocketAnalyzers.Tests.Meta
{
    /// <summary>
    /// Every code-fix provider has the house shape: sealed, exported for C# under its own name, with a public
    /// parameterless constructor, fixing IDs of the catalogue, with a Fix All provider. One fact over all providers
    /// (there may be none yet), listing every fault.
    /// <para>
    /// No <c>[Shared]</c>: hosts load a package's fixers by reflection (Roslyn's code-fix service, <c>dotnet format</c>
    /// and our scanner find the <c>[ExportCodeFixProvider]</c> types of the analyzer assembly and create them with the
    /// parameterless constructor), never through MEF, so <c>[Shared]</c> changes nothing there. It would only add a
    /// reference to System.Composition.AttributedModel, whose oldest version served here (8.0.0.0) is newer than a
    /// Roslyn 4.8 host carries (7.0.0.0); see <see cref="ShippedAssemblyReferenceTests"/>.
    /// </para>
    /// </summary>
    public sealed class CodeFixProviderShapeTests
    {
        [Fact]
        public void Every_code_fix_provider_has_the_house_shape()
        {
            var problems = new List<string>();
            foreach (var type in AllAnalyzers.CodeFixProviderTypes)
            {
                problems.AddRange(Problems(type).Select(p => $"{type.Name}: {p}"));
            }

            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        [Fact]
        public void Export_names_are_unique()
        {
            var names = AllAnalyzers.CodeFixProviderTypes
                .Select(t => t.GetCustomAttribute<ExportCodeFixProviderAttribute>()?.Name)
                .Where(n => n is not null)
                .ToList();

            Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        }

        [Fact]
        public void Shape_check_finds_the_faults_of_a_bad_provider()
        {
            // The check above must be able to fail: a provider with every fault is reported for each of them.
            var problems = Problems(typeof(BadProvider)).ToList();

            Assert.Contains(problems, p => p.Contains("not sealed", StringComparison.Ordinal));
            Assert.Contains(problems, p => p.Contains("[ExportCodeFixProvider", StringComparison.Ordinal));
            Assert.Contains(problems, p => p.Contains("SOCK999", StringComparison.Ordinal));
            Assert.Contains(problems, p => p.Contains("Fix All", StringComparison.Ordinal));
            Assert.Empty(Problems(typeof(GoodProvider)));
        }

        internal static IEnumerable<string> Problems(Type type)
        {
            if (!type.IsSealed)
            {
                yield return "is not sealed";
            }

            var export = type.GetCustomAttribute<ExportCodeFixProviderAttribute>();
            if (export is null || !export.Languages.SequenceEqual(new[] { LanguageNames.CSharp }) || export.Name != type.Name)
            {
                yield return $"needs [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof({type.Name}))] (has Languages [{string.Join(", ", export?.Languages ?? Array.Empty<string>())}], Name '{export?.Name}')";
            }

            if (type.GetConstructor(Type.EmptyTypes) is null)
            {
                yield return "needs a public parameterless constructor";
                yield break;
            }

            var provider = (CodeFixProvider)Activator.CreateInstance(type)!;
            if (provider.FixableDiagnosticIds.IsDefaultOrEmpty)
            {
                yield return "fixes no diagnostic ID";
            }
            else
            {
                foreach (var id in provider.FixableDiagnosticIds.Where(id => AllAnalyzers.Find(id) is null))
                {
                    yield return $"fixes {id}, which is not in the catalogue";
                }
            }

            var fixAll = provider.GetFixAllProvider();
            if (fixAll is null)
            {
                yield return "has no Fix All provider (GetFixAllProvider returns null)";
            }
            else
            {
                var scopes = fixAll.GetSupportedFixAllScopes().ToList();
                if (!scopes.Contains(FixAllScope.Document) || !scopes.Contains(FixAllScope.Project))
                {
                    yield return $"its Fix All provider lacks Document or Project scope (has {string.Join(", ", scopes)})";
                }
            }
        }

        // Test-only providers for the check itself; never exported from the package.
#pragma warning disable RS1016
        private class BadProvider : CodeFixProvider
        {
            public override System.Collections.Immutable.ImmutableArray<string> FixableDiagnosticIds => System.Collections.Immutable.ImmutableArray.Create("SOCK999");

            public override System.Threading.Tasks.Task RegisterCodeFixesAsync(CodeFixContext context) => System.Threading.Tasks.Task.CompletedTask;
        }
#pragma warning restore RS1016

        [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(GoodProvider))]
        private sealed class GoodProvider : CodeFixProvider
        {
            public override System.Collections.Immutable.ImmutableArray<string> FixableDiagnosticIds => System.Collections.Immutable.ImmutableArray.Create("SOCK010");

            public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

            public override System.Threading.Tasks.Task RegisterCodeFixesAsync(CodeFixContext context) => System.Threading.Tasks.Task.CompletedTask;
        }
    }
}
