using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using SocketAnalyzers.Tests.Verifiers;
using Xunit;

namespace SocketAnalyzers.Tests.Meta
{
    /// <summary>The catalogue itself: IDs, titles, categories and help links, checked by reflection.</summary>
    public sealed class RuleCatalogueTests
    {
        [Fact]
        public void Catalogue_is_not_empty()
        {
            Assert.NotEmpty(AllAnalyzers.Descriptors);
        }

        [Fact]
        public void Every_descriptor_has_its_own_id()
        {
            var duplicates = AllAnalyzers.Descriptors.GroupBy(d => d.Id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

            Assert.True(duplicates.Count == 0, "IDs used by more than one descriptor: " + string.Join(", ", duplicates));
        }

        [Fact]
        public void Every_rule_identifier_has_a_descriptor_and_every_descriptor_an_identifier()
        {
            var constants = typeof(RuleIdentifiers).GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.IsLiteral && f.FieldType == typeof(string))
                .Select(f => (string)f.GetRawConstantValue()!)
                .ToList();

            Assert.Equal(constants.Count, constants.Distinct().Count());
            Assert.Equal(
                constants.OrderBy(c => c, StringComparer.Ordinal),
                AllAnalyzers.Descriptors.Select(d => d.Id).OrderBy(c => c, StringComparer.Ordinal));
        }

        [Theory]
        [MemberData(nameof(Catalogue.RuleIds), MemberType = typeof(Catalogue))]
        public void Id_is_SOCK_and_three_digits(string id)
        {
            Assert.Matches("^SOCK[0-9]{3}$", id);
        }

        [Theory]
        [MemberData(nameof(Catalogue.RuleIds), MemberType = typeof(Catalogue))]
        public void Title_is_one_phrase_without_a_trailing_period(string id)
        {
            var title = Catalogue.Descriptor(id).Title.ToString(System.Globalization.CultureInfo.InvariantCulture);

            Assert.False(string.IsNullOrWhiteSpace(title));
            Assert.False(title.EndsWith('.'), $"{id}'s title ends with a period: '{title}'");
            Assert.Equal(title.Trim(), title);
            Assert.DoesNotContain('\n', title);
        }

        [Theory]
        [MemberData(nameof(Catalogue.RuleIds), MemberType = typeof(Catalogue))]
        public void Message_and_description_are_written(string id)
        {
            var descriptor = Catalogue.Descriptor(id);

            Assert.False(string.IsNullOrWhiteSpace(descriptor.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.False(string.IsNullOrWhiteSpace(descriptor.Description.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        [Theory]
        [MemberData(nameof(Catalogue.RuleIds), MemberType = typeof(Catalogue))]
        public void Category_is_one_of_the_rule_categories(string id)
        {
            var categories = typeof(RuleCategories).GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.IsLiteral)
                .Select(f => (string)f.GetRawConstantValue()!);

            Assert.Contains(Catalogue.Descriptor(id).Category, categories);
        }

        [Theory]
        [MemberData(nameof(Catalogue.RuleIds), MemberType = typeof(Catalogue))]
        public void Help_link_is_the_rule_page(string id)
        {
            var descriptor = Catalogue.Descriptor(id);

            Assert.Equal(Descriptors.HelpLink(id), descriptor.HelpLinkUri);
            Assert.Equal($"https://github.com/socketanalyzers/SocketAnalyzers/blob/main/docs/rules/{id}.md", descriptor.HelpLinkUri);
        }

        [Theory]
        [MemberData(nameof(Catalogue.RuleIds), MemberType = typeof(Catalogue))]
        public void Rule_is_a_warning_enabled_by_default_unless_it_is_a_documented_suggestion(string id)
        {
            // rules.md promises: "Every rule is a warning by default, except SOCK050 (a suggestion…)".
            var descriptor = Catalogue.Descriptor(id);
            var expected = Suggestions.Contains(id) ? DiagnosticSeverity.Info : DiagnosticSeverity.Warning;

            Assert.Equal(expected, descriptor.DefaultSeverity);
            Assert.True(descriptor.IsEnabledByDefault);
            if (Suggestions.Contains(id))
            {
                Assert.Contains($"except {id}", File.ReadAllText(Repository.PathOf("rules.md")), StringComparison.Ordinal);
            }
        }

        /// <summary>The rules that are suggestions (Info) by default: a design the code may have chosen on purpose.</summary>
        private static readonly string[] Suggestions = { RuleIdentifiers.IterativeServer };

        [Fact]
        public void Descriptors_are_fields_of_the_catalogue_named_after_their_id()
        {
            var fields = typeof(Descriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.FieldType == typeof(DiagnosticDescriptor));
            var misnamed = fields
                .Select(f => (f.Name, ((DiagnosticDescriptor)f.GetValue(null)!).Id))
                .Where(x => !x.Name.StartsWith(x.Id, StringComparison.Ordinal) || !Regex.IsMatch(x.Name, "^SOCK[0-9]{3}[A-Z]"))
                .ToList();

            Assert.True(misnamed.Count == 0, "Descriptor fields whose name does not start with their ID: " + string.Join(", ", misnamed));
        }
    }
}
