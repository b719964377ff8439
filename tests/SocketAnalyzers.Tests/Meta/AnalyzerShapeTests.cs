using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SocketAnalyzers.Tests.Verifiers;
using Xunit;

namespace SocketAnalyzers.Tests.Meta
{
    /// <summary>Every analyzer of the package has the house shape, checked by reflection and by running it.</summary>
    public sealed class AnalyzerShapeTests
    {
        public static TheoryData<string> AnalyzerNames
        {
            get
            {
                var data = new TheoryData<string>();
                foreach (var analyzer in AllAnalyzers.Analyzers)
                {
                    data.Add(analyzer.GetType().Name);
                }

                return data;
            }
        }

        private static DiagnosticAnalyzer Analyzer(string name) => AllAnalyzers.Analyzers.Single(a => a.GetType().Name == name);

        [Fact]
        public void Package_has_analyzers()
        {
            Assert.NotEmpty(AllAnalyzers.Analyzers);
        }

        [Fact]
        public void Every_DiagnosticAnalyzer_type_is_exported_for_CSharp()
        {
            var types = typeof(Descriptors).Assembly.GetTypes().Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t));
            var notExported = types.Where(t => t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not { } a || !a.Languages.SequenceEqual(new[] { LanguageNames.CSharp })).ToList();

            Assert.True(notExported.Count == 0, "Analyzers without [DiagnosticAnalyzer(LanguageNames.CSharp)]: " + string.Join(", ", notExported.Select(t => t.Name)));
        }

        [Theory]
        [MemberData(nameof(AnalyzerNames))]
        public void Analyzer_is_sealed_and_named_after_its_rule(string name)
        {
            var type = Analyzer(name).GetType();
            var ids = Analyzer(name).SupportedDiagnostics.Select(d => d.Id).Distinct().ToList();

            Assert.True(type.IsSealed, $"{name} is not sealed.");
            Assert.EndsWith("Analyzer", name, StringComparison.Ordinal);
            if (ids.Count == 1)
            {
                // One rule, one analyzer: the name carries the rule (an analyzer for a family of rules names the family).
                Assert.Matches("^SOCK[0-9]{3}[A-Za-z0-9]*Analyzer$", name);
                Assert.StartsWith(ids[0], name, StringComparison.Ordinal);
            }
        }

        [Theory]
        [MemberData(nameof(AnalyzerNames))]
        public void Analyzer_reports_only_descriptors_of_the_catalogue(string name)
        {
            var analyzer = Analyzer(name);

            Assert.NotEmpty(analyzer.SupportedDiagnostics);
            foreach (var descriptor in analyzer.SupportedDiagnostics)
            {
                Assert.True(
                    AllAnalyzers.Descriptors.Any(d => ReferenceEquals(d, descriptor)),
                    $"{name} supports {descriptor.Id}, a descriptor that is not a field of Descriptors.");
            }
        }

        [Theory]
        [MemberData(nameof(Catalogue.RuleIds), MemberType = typeof(Catalogue))]
        public void Every_rule_of_the_catalogue_has_an_analyzer(string id)
        {
            var analyzers = AllAnalyzers.Analyzers.Where(a => a.SupportedDiagnostics.Any(d => d.Id == id)).Select(a => a.GetType().Name).ToList();

            Assert.True(analyzers.Count > 0, $"No analyzer reports {id}.");
        }

        [Theory]
        [MemberData(nameof(AnalyzerNames))]
        public void Initialize_enables_concurrency_skips_generated_code_and_starts_per_compilation(string name)
        {
            var problems = InitializeProblems(Analyzer(name)).ToList();

            Assert.True(problems.Count == 0, $"{name}.Initialize: " + string.Join("; ", problems));
        }

        [Theory]
        [MemberData(nameof(AnalyzerNames))]
        public async Task Compilation_without_sockets_registers_nothing(string name)
        {
            var registered = await ActionsRegisteredWithoutSocketsAsync(Analyzer(name));

            Assert.True(
                registered.Count == 0,
                $"{name} registers actions in a compilation without sockets: " + string.Join(", ", registered.Select(r => $"{r.Key} {r.Value}")));
        }

        [Theory]
        [MemberData(nameof(AnalyzerNames))]
        public async Task Compilation_that_references_sockets_but_never_names_them_registers_nothing(string name)
        {
            // Every .NET compilation references System.Net.Sockets: what counts is whether its code uses them.
            var registered = await ActionsRegisteredAsync(Analyzer(name), SocketAnalyzers.Tests.Verifiers.ReferenceSet.Net80.Resolve(), expectSocketType: true);

            Assert.True(
                registered.Count == 0,
                $"{name} registers actions in a compilation whose code never names the socket API: " + string.Join(", ", registered.Select(r => $"{r.Key} {r.Value}")));
        }

        [Theory]
        [InlineData("using System.Net.Sockets;", true)]
        [InlineData("var c = new TcpClient();", true)]
        [InlineData("var l = new TcpListener(a, p);", true)]
        [InlineData("IPEndPoint ep;", true)]
        [InlineData("IPAddress.HostToNetworkOrder(port)", true)]
        [InlineData("var s = client.GetStream();", true)]
        [InlineData("using var stream = File.OpenRead(path); stream.Read(buffer);", false)]
        [InlineData("socket", false)]
        public void The_source_gate_finds_the_words_of_the_socket_API(string text, bool found)
        {
            Assert.Equal(found, SocketAnalyzers.Common.SourceGate.Contains(Microsoft.CodeAnalysis.Text.SourceText.From(text)));
        }

        [Fact]
        public void The_source_gate_opens_for_code_that_gets_its_sockets_from_a_library_of_its_own()
        {
            // App code that reads connection.Link.Receive(buffer) through a class of its own library names no word of
            // the socket API; the library (no Microsoft key, referencing System.Net.Sockets) opens the gate.
            var references = SocketAnalyzers.Tests.Verifiers.ReferenceSet.Net80.Resolve();
            var library = CSharpCompilation.Create(
                "Core",
                new[] { CSharpSyntaxTree.ParseText("namespace Core { public sealed class Connection { public System.Net.Sockets.Socket Link { get; } = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp); } }") },
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            using var image = new MemoryStream();
            Assert.True(library.Emit(image).Success);
            var app = "namespace App { public static class Handler { public static int Handle(Core.Connection c, byte[] b) => c.Link.Receive(b); } }";

            var withLibrary = CSharpCompilation.Create("App", new[] { CSharpSyntaxTree.ParseText(app) }, references.Add(MetadataReference.CreateFromImage(image.ToArray())));
            var frameworkOnly = CSharpCompilation.Create("App", new[] { CSharpSyntaxTree.ParseText("namespace App { public static class Handler { public static int Twice(int x) => 2 * x; } }") }, references);

            Assert.True(SocketAnalyzers.Common.SourceGate.MentionsSockets(withLibrary));
            Assert.False(SocketAnalyzers.Common.SourceGate.MentionsSockets(frameworkOnly));
        }

        [Fact]
        public void The_source_gate_finds_a_word_split_between_two_chunks()
        {
            for (var offset = 8180; offset < 8200; offset++)
            {
                var text = new string(' ', offset) + "NetworkStream" + new string(' ', 100);
                Assert.True(SocketAnalyzers.Common.SourceGate.Contains(Microsoft.CodeAnalysis.Text.SourceText.From(text)), $"missed at offset {offset}");
            }

            Assert.False(SocketAnalyzers.Common.SourceGate.Contains(Microsoft.CodeAnalysis.Text.SourceText.From(new string('x', 20000))));
        }

        [Fact]
        public async Task Shape_checks_find_an_analyzer_that_registers_everywhere()
        {
            // The checks above must be able to fail: the test-only TEST001 analyzer registers a syntax-node action
            // directly in Initialize, so it runs in every compilation.
            var analyzer = new VerifierTests.NonZeroLiteralAnalyzer();

            Assert.Contains(InitializeProblems(analyzer), p => p.Contains("RegisterCompilationStartAction", StringComparison.Ordinal));
            Assert.Contains("syntax node", (await ActionsRegisteredWithoutSocketsAsync(analyzer)).Keys);
            Assert.Empty(InitializeProblems(new VerifierTests.ThrowingAnalyzer(VerifierTests.ThrowWhere.SyntaxNode)));
        }

        internal static IEnumerable<string> InitializeProblems(DiagnosticAnalyzer analyzer)
        {
            var context = new RecordingAnalysisContext();
            analyzer.Initialize(context);
            if (!context.ConcurrentExecution)
            {
                yield return "does not call EnableConcurrentExecution()";
            }

            if (context.GeneratedCode != GeneratedCodeAnalysisFlags.None)
            {
                yield return $"calls ConfigureGeneratedCodeAnalysis({context.GeneratedCode?.ToString() ?? "never"}), not ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None)";
            }

            if (context.Registrations.FirstOrDefault() != "CompilationStart")
            {
                yield return $"registers [{string.Join(", ", context.Registrations)}]; RegisterCompilationStartAction must come first";
            }
        }

        /// <summary>The kinds of action <paramref name="analyzer"/> registers in a compilation without sockets, with their counts.</summary>
        internal static Task<Dictionary<string, int>> ActionsRegisteredWithoutSocketsAsync(DiagnosticAnalyzer analyzer)
            => ActionsRegisteredAsync(
                analyzer,
                // Only System.Runtime and System.Console: no System.Net.Sockets.Socket, so an analyzer must stop at compilation start.
                new[] { "System.Runtime.dll", "System.Console.dll" }.Select(f => (MetadataReference)MetadataReference.CreateFromFile(Path.Combine(AppContext.BaseDirectory, "refs", "net8.0", f))),
                expectSocketType: false);

        private static async Task<Dictionary<string, int>> ActionsRegisteredAsync(DiagnosticAnalyzer analyzer, IEnumerable<MetadataReference> references, bool expectSocketType)
        {
            var compilation = CSharpCompilation.Create(
                "NoSockets",
                new[]
                {
                    CSharpSyntaxTree.ParseText("""
                        using System;
                        using System.IO;

                        class C
                        {
                            int M(Stream stream, byte[] buffer)
                            {
                                stream.Read(buffer, 0, buffer.Length);
                                for (var i = 0; i < 3; i++) { Console.WriteLine(i); }
                                return BitConverter.ToInt32(buffer, 0);
                            }
                        }
                        """),
                },
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            Assert.Equal(expectSocketType, compilation.GetTypeByMetadataName("System.Net.Sockets.Socket") is not null);
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

            var withAnalyzers = compilation.WithAnalyzers(
                ImmutableArray.Create(analyzer),
                new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
            var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None);
            var registered = new Dictionary<string, int>
            {
                ["compilation"] = telemetry.CompilationActionsCount,
                ["compilation end"] = telemetry.CompilationEndActionsCount,
                ["syntax tree"] = telemetry.SyntaxTreeActionsCount,
                ["semantic model"] = telemetry.SemanticModelActionsCount,
                ["symbol"] = telemetry.SymbolActionsCount,
                ["symbol start"] = telemetry.SymbolStartActionsCount,
                ["syntax node"] = telemetry.SyntaxNodeActionsCount,
                ["code block start"] = telemetry.CodeBlockStartActionsCount,
                ["code block"] = telemetry.CodeBlockActionsCount,
                ["operation"] = telemetry.OperationActionsCount,
                ["operation block start"] = telemetry.OperationBlockStartActionsCount,
                ["operation block"] = telemetry.OperationBlockActionsCount,
                ["additional file"] = telemetry.AdditionalFileActionsCount,
            };
            return registered.Where(r => r.Value > 0).ToDictionary(r => r.Key, r => r.Value);
        }

        [Fact]
        public void Analyzer_assembly_does_not_reference_Workspaces()
        {
            // The command-line compiler has no Workspaces (RS1038): the analyzers must load without it.
            var references = typeof(Descriptors).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();

            Assert.DoesNotContain(references, r => r!.Contains("Workspaces", StringComparison.Ordinal));
        }

        [Fact]
        public void Analyzer_assemblies_reference_Roslyn_no_newer_than_4_8()
        {
            // A compiler refuses an analyzer built against a newer Microsoft.CodeAnalysis than itself (CS9057).
            var newest = new Version(4, 8, 0, 0);
            var tooNew = new[] { typeof(Descriptors).Assembly, typeof(SocketAnalyzers.CodeFixes.CodeFixHelpers).Assembly }
                .SelectMany(a => a.GetReferencedAssemblies().Select(r => (Assembly: a.GetName().Name, Reference: r)))
                .Where(x => x.Reference.Name is "Microsoft.CodeAnalysis" or "Microsoft.CodeAnalysis.CSharp" && x.Reference.Version > newest)
                .ToList();

            Assert.True(tooNew.Count == 0, string.Join(", ", tooNew.Select(x => $"{x.Assembly} references {x.Reference}")));
        }

        [Fact]
        public void Code_fix_assembly_holds_no_analyzer()
        {
            var analyzers = typeof(SocketAnalyzers.CodeFixes.CodeFixHelpers).Assembly.GetTypes()
                .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
                .ToList();

            Assert.Empty(analyzers);
        }

        /// <summary>Records what an analyzer's Initialize asks for.</summary>
        private sealed class RecordingAnalysisContext : AnalysisContext
        {
            public bool ConcurrentExecution { get; private set; }

            public GeneratedCodeAnalysisFlags? GeneratedCode { get; private set; }

            public List<string> Registrations { get; } = new();

            public override void EnableConcurrentExecution() => ConcurrentExecution = true;

            public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => GeneratedCode = analysisMode;

            public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) => Registrations.Add("CompilationStart");

            public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => Registrations.Add("Compilation");

            public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => Registrations.Add("SemanticModel");

            public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => Registrations.Add("Symbol");

            public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) => Registrations.Add("SymbolStart");

            public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => Registrations.Add("CodeBlockStart");

            public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => Registrations.Add("CodeBlock");

            public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => Registrations.Add("SyntaxTree");

            public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => Registrations.Add("AdditionalFile");

            public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => Registrations.Add("SyntaxNode");

            public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => Registrations.Add("Operation");

            public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => Registrations.Add("OperationBlockStart");

            public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => Registrations.Add("OperationBlock");
        }
    }
}
