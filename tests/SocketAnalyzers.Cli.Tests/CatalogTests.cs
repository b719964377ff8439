using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace SocketAnalyzers.Cli.Tests
{
    public sealed class CatalogTests
    {
        [Fact]
        public void Default_catalog_holds_every_analyzer_and_code_fix_of_the_package()
        {
            var analyzerTypes = typeof(Descriptors).Assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0)
                .OrderBy(t => t.FullName, StringComparer.Ordinal)
                .ToList();
            var fixerTypes = System.Reflection.Assembly.Load("SocketAnalyzers.CodeFixes").GetTypes()
                .Where(t => !t.IsAbstract && typeof(Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider).IsAssignableFrom(t))
                .OrderBy(t => t.FullName, StringComparer.Ordinal)
                .ToList();

            Assert.Equal(analyzerTypes, AnalyzerCatalog.Default.Analyzers.Select(a => a.GetType()).ToList());
            Assert.Equal(fixerTypes, AnalyzerCatalog.Default.Fixers.Select(f => f.GetType()).ToList());
            Assert.Contains(AnalyzerCatalog.Default.Rules, r => r.Id == "SOCK010");
        }

        [Fact]
        public async Task A_new_analyzer_reports_through_every_format_without_changes_to_the_scanner()
        {
            using var tree = new TempTree();
            tree.Write("Flagged.cs", "using System.Net.Sockets;\nclass Flagged { Socket s; }\n");
            var analyzers = new DiagnosticAnalyzer[] { new FlagClassAnalyzer() };

            var text = await Cli.RunWithAsync(tree, analyzers, null, "scan", ".");
            var sarif = await Cli.RunWithAsync(tree, analyzers, null, "scan", ".", "--format", "sarif");

            Assert.Equal(1, text.ExitCode);
            Assert.Contains("Flagged.cs(2,7): warning TEST001: Class 'Flagged' is flagged [https://example.com/TEST001]", text.Stdout);
            Assert.Matches(@"(?m)^TEST001\s+1  A test rule$", text.Stdout);
            Assert.Contains("\"id\": \"TEST001\"", sarif.Stdout);
            Assert.Contains("\"ruleId\": \"TEST001\"", sarif.Stdout);
        }

        [Fact]
        public async Task A_rule_with_compilation_end_actions_sees_the_whole_compilation()
        {
            using var tree = new TempTree();
            tree.Write("Sockets.cs", "using System.Net.Sockets;\nclass UsesSockets { Socket s; }\n");
            tree.Write("Plain.cs", "class Plain { }\n");

            var run = await Cli.RunWithAsync(tree, new DiagnosticAnalyzer[] { new CountTypesAtEndAnalyzer() }, null, "scan", ".", "--format", "json");

            Assert.Contains("2 types in the compilation", run.Stdout);
            Assert.Contains("\"filesAnalyzed\": 2", run.Stdout);
        }

        [DiagnosticAnalyzer(LanguageNames.CSharp)]
        private sealed class CountTypesAtEndAnalyzer : DiagnosticAnalyzer
        {
            private static readonly DiagnosticDescriptor Rule = new(
                "TEST002", "Types counted", "{0} types in the compilation", "Test", DiagnosticSeverity.Warning, true, customTags: WellKnownDiagnosticTags.CompilationEnd);

            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

            public override void Initialize(AnalysisContext context)
            {
                context.EnableConcurrentExecution();
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                context.RegisterCompilationStartAction(start =>
                {
                    var count = 0;
                    start.RegisterSymbolAction(_ => System.Threading.Interlocked.Increment(ref count), SymbolKind.NamedType);
                    start.RegisterCompilationEndAction(end =>
                    {
                        var first = end.Compilation.SyntaxTrees.First(t => t.FilePath.EndsWith("Sockets.cs", StringComparison.Ordinal));
                        end.ReportDiagnostic(Diagnostic.Create(Rule, Location.Create(first, new Microsoft.CodeAnalysis.Text.TextSpan(0, 5)), count));
                    });
                });
            }
        }

        [DiagnosticAnalyzer(LanguageNames.CSharp)]
        private sealed class FlagClassAnalyzer : DiagnosticAnalyzer
        {
            private static readonly DiagnosticDescriptor Rule = new(
                "TEST001", "A test rule", "Class '{0}' is flagged", "Test", DiagnosticSeverity.Warning, true, helpLinkUri: "https://example.com/TEST001");

            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

            public override void Initialize(AnalysisContext context)
            {
                context.EnableConcurrentExecution();
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                context.RegisterSyntaxNodeAction(
                    c =>
                    {
                        var declaration = (ClassDeclarationSyntax)c.Node;
                        if (declaration.Identifier.ValueText == "Flagged")
                        {
                            c.ReportDiagnostic(Diagnostic.Create(Rule, declaration.Identifier.GetLocation(), declaration.Identifier.ValueText));
                        }
                    },
                    SyntaxKind.ClassDeclaration);
            }
        }
    }
}
