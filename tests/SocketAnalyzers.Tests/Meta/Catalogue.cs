using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using SocketAnalyzers.Tests.Verifiers;
using Xunit;

namespace SocketAnalyzers.Tests.Meta
{
    /// <summary>The rule catalogue as test data: one theory case per rule.</summary>
    public static class Catalogue
    {
        /// <summary>Every rule ID of <see cref="SocketAnalyzers.Descriptors"/>, once each.</summary>
        public static TheoryData<string> RuleIds
        {
            get
            {
                var data = new TheoryData<string>();
                foreach (var id in AllAnalyzers.Descriptors.Select(d => d.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal))
                {
                    data.Add(id);
                }

                return data;
            }
        }

        public static DiagnosticDescriptor Descriptor(string id) => AllAnalyzers.Descriptors.First(d => d.Id == id);

        /// <summary>One instance of every code-fix provider of the package.</summary>
        public static ImmutableArray<CodeFixProvider> CodeFixProviders { get; } = AllAnalyzers.CodeFixProviderTypes
            .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
            .ToImmutableArray();

        /// <summary>True when some provider of the package fixes <paramref name="id"/>.</summary>
        public static bool HasCodeFix(string id) => CodeFixProviders.Any(p => p.FixableDiagnosticIds.Contains(id));
    }
}
