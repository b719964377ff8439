using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using SocketAnalyzers.Tests.Verifiers;
using Xunit;

namespace SocketAnalyzers.Tests.Meta
{
    /// <summary>
    /// Every rule is documented where its help link points, in rules.md and in the release-tracking files, and
    /// the documents say what the catalogue says.
    /// </summary>
    public sealed class RuleDocumentationTests
    {
        private const string HelpLinkPrefix = "https://github.com/socketanalyzers/SocketAnalyzers/blob/main/";

        private static string Title(string id) => Catalogue.Descriptor(id).Title.ToString(CultureInfo.InvariantCulture);

        private static string PagePath(string id)
        {
            var link = Catalogue.Descriptor(id).HelpLinkUri;
            Assert.StartsWith(HelpLinkPrefix, link, StringComparison.Ordinal);
            return Repository.PathOf(link.Substring(HelpLinkPrefix.Length));
        }

        private static string Page(string id)
        {
            var path = PagePath(id);
            Assert.True(File.Exists(path), $"{id}'s help link points at {Repository.Relative(path)}, which does not exist.");
            return File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        }

        [Theory]
        [MemberData(nameof(Catalogue.RuleIds), MemberType = typeof(Catalogue))]
        public void Help_link_points_at_a_page_in_the_repository(string id)
        {
            var path = PagePath(id);

            Assert.Equal(Repository.PathOf($"docs/rules/{id}.md"), path);
            Assert.True(File.Exists(path), $"{id}'s help link points at {Repository.Relative(path)}, which does not exist.");
        }

        [Theory]
        [MemberData(nameof(Catalogue.RuleIds), MemberType = typeof(Catalogue))]
        public void Page_starts_with_the_id_and_the_title(string id)
        {
            var firstLine = Page(id).Split('\n')[0].TrimEnd();

            Assert.Equal($"# {id}: {Title(id)}", firstLine);
        }

        [Theory]
        [MemberData(nameof(Catalogue.RuleIds), MemberType = typeof(Catalogue))]
        public void Page_table_agrees_with_the_catalogue(string id)
        {
            var descriptor = Catalogue.Descriptor(id);
            var fields = MarkdownTables.Fields(Page(id), "Category", "Default severity", "Enabled by default", "Code fix");

            Assert.True(fields.Count == 4, $"docs/rules/{id}.md needs a table with Category, Default severity, Enabled by default and Code fix; found: {string.Join(", ", fields.Keys)}");
            Assert.Equal(descriptor.Category, fields["Category"]);
            Assert.Equal(descriptor.DefaultSeverity.ToString(), fields["Default severity"], ignoreCase: true);
            Assert.Equal(descriptor.IsEnabledByDefault, IsYes(fields["Enabled by default"], $"{id} page, Enabled by default"));
            Assert.Equal(Catalogue.HasCodeFix(id), IsYes(fields["Code fix"], $"{id} page, Code fix"));
        }

        [Theory]
        [MemberData(nameof(Catalogue.RuleIds), MemberType = typeof(Catalogue))]
        public void Page_has_the_sections_of_a_rule_page(string id)
        {
            var page = Page(id);
            var headings = Regex.Matches(page, @"^#{2,3}\s+(.+?)\s*$", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();

            foreach (var section in new[] { "Cause", "Why it matters", "How to fix", "When to suppress" })
            {
                Assert.True(
                    headings.Any(h => h.StartsWith(section, StringComparison.OrdinalIgnoreCase)),
                    $"docs/rules/{id}.md has no '## {section}' section; its headings: {string.Join(" | ", headings)}");
            }
        }

        [Theory]
        [MemberData(nameof(Catalogue.RuleIds), MemberType = typeof(Catalogue))]
        public void Page_shows_how_to_suppress_with_a_pragma_and_editorconfig(string id)
        {
            var page = Page(id);

            Assert.Contains($"#pragma warning disable {id}", page, StringComparison.Ordinal);
            Assert.Contains($"dotnet_diagnostic.{id}.severity", page, StringComparison.Ordinal);
        }

        [Fact]
        public void Every_rule_page_belongs_to_a_rule()
        {
            var folder = Repository.PathOf("docs/rules");
            var pages = Directory.Exists(folder) ? Directory.GetFiles(folder, "SOCK*.md").Select(Path.GetFileNameWithoutExtension) : Enumerable.Empty<string?>();
            var ids = AllAnalyzers.Descriptors.Select(d => d.Id).ToHashSet();

            Assert.DoesNotContain(pages, p => !ids.Contains(p!));
        }

        [Theory]
        [MemberData(nameof(Catalogue.RuleIds), MemberType = typeof(Catalogue))]
        public void Rules_md_row_agrees_with_the_catalogue(string id)
        {
            var descriptor = Catalogue.Descriptor(id);
            var row = RulesMdRows().GetValueOrDefault(id);

            Assert.True(row is not null, $"rules.md has no row for {id}.");
            Assert.Equal(Title(id), row!["Title"]);
            Assert.Equal(descriptor.Category, row["Category"]);
            Assert.Equal(descriptor.DefaultSeverity.ToString(), row["Default severity"], ignoreCase: true);
            Assert.Equal($"[{id}](docs/rules/{id}.md)", row["Page"]);
        }

        [Theory]
        [MemberData(nameof(Catalogue.RuleIds), MemberType = typeof(Catalogue))]
        public void Rules_md_code_fix_column_is_true(string id)
        {
            var row = RulesMdRows().GetValueOrDefault(id);

            Assert.True(row is not null, $"rules.md has no row for {id}.");
            var fixers = Catalogue.CodeFixProviders.Where(p => p.FixableDiagnosticIds.Contains(id)).Select(p => p.GetType().Name).ToList();
            Assert.True(
                Catalogue.HasCodeFix(id) == IsYes(row!["Code fix"], $"rules.md {id} Code fix"),
                $"rules.md says Code fix '{row["Code fix"]}' for {id}; providers that fix it: [{string.Join(", ", fixers)}]");
        }

        [Fact]
        public void Rules_md_lists_only_rules_of_the_catalogue()
        {
            var ids = AllAnalyzers.Descriptors.Select(d => d.Id).ToHashSet();

            Assert.DoesNotContain(RulesMdRows().Keys, k => !ids.Contains(k));
        }

        [Theory]
        [MemberData(nameof(Catalogue.RuleIds), MemberType = typeof(Catalogue))]
        public void Release_tracking_lists_the_rule_with_its_category_and_severity(string id)
        {
            var descriptor = Catalogue.Descriptor(id);
            var entries = new[] { "Analyzers/AnalyzerReleases.Shipped.md", "Analyzers/AnalyzerReleases.Unshipped.md" }
                .SelectMany(f => MarkdownTables.Read(File.ReadAllText(Repository.PathOf(f))))
                .SelectMany(t => t)
                .Where(r => r.Count >= 3 && r[0] == id)
                .ToList();

            var entry = Assert.Single(entries);
            Assert.Equal(descriptor.Category, entry[1]);
            Assert.Equal(descriptor.DefaultSeverity.ToString(), entry[2], ignoreCase: true);
        }

        /// <summary>The rows of rules.md's rule table, by ID, each a map from column header to cell.</summary>
        private static Dictionary<string, Dictionary<string, string>> RulesMdRows()
        {
            var table = MarkdownTables.Read(File.ReadAllText(Repository.PathOf("rules.md")))
                .Single(t => t[0].Contains("ID") && t[0].Contains("Title"));
            var header = table[0];
            return table.Skip(1).ToDictionary(
                r => r[0],
                r => header.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => x.i < r.Count ? r[x.i] : string.Empty));
        }

        private static bool IsYes(string value, string where)
        {
            var word = value.Split(' ', '(', ',', ';', ':', '.')[0].Trim().ToLowerInvariant();
            return word switch
            {
                "yes" or "true" => true,
                "no" or "false" => false,
                _ => throw new Xunit.Sdk.XunitException($"{where}: '{value}' is neither yes nor no."),
            };
        }
    }
}
