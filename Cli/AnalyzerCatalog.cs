using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SocketAnalyzers.Cli
{
    /// <summary>
    /// The analyzers and code-fix providers a scan runs: by default every C# <see cref="DiagnosticAnalyzer"/> of the
    /// analyzer assembly and every exported <see cref="CodeFixProvider"/> of the code-fix assembly, found by reflection,
    /// so a new rule works in the scanner without touching it.
    /// </summary>
    internal sealed class AnalyzerCatalog
    {
        public AnalyzerCatalog(IEnumerable<DiagnosticAnalyzer> analyzers, IEnumerable<CodeFixProvider> fixers)
        {
            Analyzers = analyzers.ToImmutableArray();
            Fixers = fixers.ToImmutableArray();
            Rules = Analyzers
                .SelectMany(a => SafeSupported(a))
                .GroupBy(d => d.Id, StringComparer.Ordinal)
                .Select(g => g.First())
                .OrderBy(d => d.Id, StringComparer.Ordinal)
                .ToImmutableArray();
        }

        public ImmutableArray<DiagnosticAnalyzer> Analyzers { get; }

        public ImmutableArray<CodeFixProvider> Fixers { get; }

        /// <summary>Every rule the analyzers can report, by ID.</summary>
        public ImmutableArray<DiagnosticDescriptor> Rules { get; }

        public static AnalyzerCatalog Default { get; } = new(
            Instantiate<DiagnosticAnalyzer>(typeof(Descriptors).Assembly, t => t.GetCustomAttributes<DiagnosticAnalyzerAttribute>(false).Any(a => a.Languages.Contains(LanguageNames.CSharp))),
            Instantiate<CodeFixProvider>(typeof(SocketAnalyzers.CodeFixes.CodeFixHelpers).Assembly, t => t.GetCustomAttributes<ExportCodeFixProviderAttribute>(false).Any()));

        public DiagnosticDescriptor? Find(string id) => Rules.FirstOrDefault(d => d.Id == id);

        public AnalyzerCatalog With(IEnumerable<DiagnosticAnalyzer> analyzers, IEnumerable<CodeFixProvider> fixers)
            => new(Analyzers.Concat(analyzers), Fixers.Concat(fixers));

        private static IEnumerable<DiagnosticDescriptor> SafeSupported(DiagnosticAnalyzer analyzer)
        {
            try
            {
                return analyzer.SupportedDiagnostics;
            }
            catch (Exception)
            {
                return Array.Empty<DiagnosticDescriptor>();
            }
        }

        private static IEnumerable<T> Instantiate<T>(Assembly assembly, Func<Type, bool> exported)
            where T : class
        {
            Type?[] types;
            try
            {
                types = assembly.GetTypes();
            }
            catch (ReflectionTypeLoadException e)
            {
                types = e.Types;
            }

            return types
                .OfType<Type>()
                .Where(t => !t.IsAbstract && typeof(T).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null && exported(t))
                .OrderBy(t => t.FullName, StringComparer.Ordinal)
                .Select(t => (T)Activator.CreateInstance(t)!)
                .ToList();
        }
    }
}
