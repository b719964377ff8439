using System;
using System.Collections.Immutable;
using System.Composition;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace SocketAnalyzers.Cli.Tests
{
    public sealed class FixTests
    {
        [Fact]
        public async Task Fix_without_a_code_fix_leaves_files_untouched_and_says_so()
        {
            using var tree = new TempTree();
            var path = tree.Write("Client.cs", Sources.DiscardedReceive);
            var before = File.ReadAllBytes(path);
            var stamp = File.GetLastWriteTimeUtc(path);

            var run = await Cli.RunWithAsync(tree, null, Array.Empty<CodeFixProvider>(), "scan", ".", "--fix");

            Assert.True(run.ExitCode == 1, run.ToString());
            Assert.Contains("--fix: no code fix applies to these findings; no file was changed.", run.Stdout);
            Assert.Contains("1 finding has no code fix.", run.Stdout);
            Assert.Equal(before, File.ReadAllBytes(path));
            Assert.Equal(stamp, File.GetLastWriteTimeUtc(path));
        }

        [Fact]
        public async Task Fix_with_the_packages_own_SOCK010_fix_leaves_no_finding_and_code_that_uses_the_count()
        {
            using var tree = new TempTree();
            tree.Write("Client.cs", Sources.DiscardedReceive);

            var run = await Cli.RunAsync(tree, "scan", ".", "--fix");

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Contains("fixed Client.cs: SOCK010 x1", run.Stdout);
            Assert.Contains("no findings", run.Stdout);
            Assert.DoesNotContain("            socket.Receive(buffer);", tree.Read("Client.cs"));
            var again = await Cli.RunAsync(tree, "scan", ".");
            Assert.True(again.ExitCode == 0, again.ToString());
        }

        [Fact]
        public async Task Fix_applies_fix_all_writes_the_changed_file_and_reports_it()
        {
            using var tree = new TempTree();
            tree.Write("Client.cs", Sources.DiscardedReceive);
            tree.Write("Reader.cs", Sources.CountedReceive);
            var untouched = File.ReadAllBytes(tree.PathOf("Reader.cs"));

            var run = await Cli.RunWithAsync(tree, null, new CodeFixProvider[] { new KeepCountFixProvider() }, "scan", ".", "--fix");

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Contains("var received = socket.Receive(buffer);", tree.Read("Client.cs"));
            Assert.Equal(untouched, File.ReadAllBytes(tree.PathOf("Reader.cs")));
            Assert.Contains("--fix: fixed 1 finding in 1 file.", run.Stdout);
            Assert.Contains("fixed Client.cs: SOCK010 x1", run.Stdout);
            Assert.Contains("no findings", run.Stdout);
        }

        [Fact]
        public async Task Fix_never_writes_a_file_that_would_gain_compiler_errors()
        {
            using var tree = new TempTree();
            // Two discarded reads in one scope: the test fix declares 'received' twice (CS0128), so this file stays as it is.
            var twice = Sources.DiscardedReceive.Replace("socket.Receive(buffer);", "socket.Receive(buffer);\n            socket.Receive(buffer);");
            var twicePath = tree.Write("Twice.cs", twice);
            tree.Write("Once.cs", Sources.DiscardedReceive.Replace("class Client", "class Once"));
            var before = File.ReadAllBytes(twicePath);

            var run = await Cli.RunWithAsync(tree, null, new CodeFixProvider[] { new KeepCountFixProvider() }, "scan", ".", "--fix", "--format", "json");

            Assert.True(run.ExitCode == 1, run.ToString());
            Assert.Equal(before, File.ReadAllBytes(twicePath));
            Assert.Contains("var received = socket.Receive(buffer);", tree.Read("Once.cs"));
            using var json = JsonDocument.Parse(run.Stdout);
            var fixes = json.RootElement.GetProperty("fixes");
            var written = Assert.Single(fixes.GetProperty("fixed").EnumerateArray());
            Assert.Equal("Once.cs", written.GetProperty("path").GetString());
            Assert.Equal(1, written.GetProperty("rules").GetProperty("SOCK010").GetInt32());
            var rejected = Assert.Single(fixes.GetProperty("notWritten").EnumerateArray());
            Assert.Equal("Twice.cs", rejected.GetProperty("path").GetString());
            Assert.Contains("CS0128", rejected.GetProperty("reason").GetString());
            Assert.Equal(2, json.RootElement.GetProperty("findings").GetArrayLength());
        }

        [Fact]
        public async Task Fix_keeps_the_byte_order_mark_and_crlf_line_endings()
        {
            using var tree = new TempTree();
            var path = tree.Write("Client.cs", Sources.DiscardedReceive.Replace("\n", "\r\n") + "\r\n// é\r\n", new UTF8Encoding(true));

            var run = await Cli.RunWithAsync(tree, null, new CodeFixProvider[] { new KeepCountFixProvider() }, "scan", ".", "--fix");

            Assert.True(run.ExitCode == 0, run.ToString());
            var bytes = File.ReadAllBytes(path);
            Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes.Take(3).ToArray());
            var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
            Assert.Contains("var received = socket.Receive(buffer);\r\n", text);
            Assert.DoesNotContain("\n", text.Replace("\r\n", string.Empty));
            Assert.Contains("// é", text);
        }

        [Fact]
        public async Task Fix_leaves_findings_below_the_severity_threshold_alone()
        {
            using var tree = new TempTree();
            var path = tree.Write("Client.cs", Sources.DiscardedReceive);
            var before = File.ReadAllBytes(path);

            var run = await Cli.RunWithAsync(tree, null, new CodeFixProvider[] { new KeepCountFixProvider() }, "scan", ".", "--fix", "--severity", "error");

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Equal(before, File.ReadAllBytes(path));
        }

        [Fact]
        public async Task Fix_without_a_fix_all_provider_applies_one_fix_per_round_until_done()
        {
            using var tree = new TempTree();
            var two = Sources.DiscardedReceive.Replace(
                "        }\n    }\n}",
                "        }\n\n        public void ReadBody(Socket socket, byte[] buffer)\n        {\n            socket.Receive(buffer);\n        }\n    }\n}");
            Assert.NotEqual(Sources.DiscardedReceive, two);
            tree.Write("Client.cs", two);

            var run = await Cli.RunWithAsync(tree, null, new CodeFixProvider[] { new KeepCountFixProvider(fixAll: false) }, "scan", ".", "--fix");

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(tree.Read("Client.cs"), "var received = socket.Receive").Count);
            Assert.Contains("fixed Client.cs: SOCK010 x2", run.Stdout);
        }

        [Fact]
        public async Task A_code_fix_that_throws_changes_nothing_and_the_scan_still_reports()
        {
            using var tree = new TempTree();
            var path = tree.Write("Client.cs", Sources.DiscardedReceive);
            var before = File.ReadAllBytes(path);

            var run = await Cli.RunWithAsync(tree, null, new CodeFixProvider[] { new ThrowingFixProvider() }, "scan", ".", "--fix");

            Assert.True(run.ExitCode == 1, run.ToString());
            Assert.Equal(before, File.ReadAllBytes(path));
            Assert.Contains("a code fix failed in Client.cs: InvalidOperationException", run.Stderr);
            Assert.Contains("Client.cs(10,13): warning SOCK010", run.Stdout);
        }

        private sealed class ThrowingFixProvider : CodeFixProvider
        {
            public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create("SOCK010");

            public override FixAllProvider? GetFixAllProvider() => null;

            public override Task RegisterCodeFixesAsync(CodeFixContext context) => throw new InvalidOperationException("broken fixer");
        }

        /// <summary>
        /// A test-only fix for SOCK010: <c>s.Receive(b);</c> becomes <c>var received = s.Receive(b);</c>. Applied twice in
        /// one scope it declares the same local twice, which lets a test check that such a file is not written.
        /// </summary>
        [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(KeepCountFixProvider)), Shared]
        private sealed class KeepCountFixProvider : CodeFixProvider
        {
            private readonly bool fixAll;

            public KeepCountFixProvider(bool fixAll = true)
            {
                this.fixAll = fixAll;
            }

            public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create("SOCK010");

            public override FixAllProvider? GetFixAllProvider() => fixAll ? WellKnownFixAllProviders.BatchFixer : null;

            public override async Task RegisterCodeFixesAsync(CodeFixContext context)
            {
                var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
                var statement = root?.FindNode(context.Span, getInnermostNodeForTie: true).FirstAncestorOrSelf<ExpressionStatementSyntax>();
                if (root is null || statement is null)
                {
                    return;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Keep the count",
                        _ =>
                        {
                            var declaration = SyntaxFactory.LocalDeclarationStatement(
                                    SyntaxFactory.VariableDeclaration(
                                        SyntaxFactory.IdentifierName("var"),
                                        SyntaxFactory.SingletonSeparatedList(
                                            SyntaxFactory.VariableDeclarator("received")
                                                .WithInitializer(SyntaxFactory.EqualsValueClause(statement.Expression.WithoutTrivia())))))
                                .NormalizeWhitespace()
                                .WithTriviaFrom(statement);

                            // The count is then read (passed on), so SOCK010's "stored count never read" stays quiet too.
                            var use = SyntaxFactory.ParseStatement("System.GC.KeepAlive(received);")
                                .WithLeadingTrivia(statement.GetLeadingTrivia())
                                .WithTrailingTrivia(statement.GetTrailingTrivia());
                            return Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(statement, new SyntaxNode[] { declaration, use })));
                        },
                        "TEST.KeepCount"),
                    context.Diagnostics);
            }
        }
    }
}
