using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace SocketAnalyzers.Cli
{
    /// <summary>
    /// The <c>.editorconfig</c> files above the scanned sources, applied as the compiler applies them: severities
    /// (<c>dotnet_diagnostic.SOCK010.severity = none</c>), bulk and category severities, generated-code markers, and
    /// every other key as an analyzer option. Keyed by file path, so the same instance serves the scan's
    /// compilations and the fix workspace's.
    /// </summary>
    internal sealed class EditorConfigOptions : SyntaxTreeOptionsProvider
    {
        private static readonly AnalyzerConfigOptionsResult Empty = default;

        private readonly AnalyzerConfigSet? set;
        private readonly ConcurrentDictionary<string, AnalyzerConfigOptionsResult> results = new(StringComparer.Ordinal);

        private EditorConfigOptions(AnalyzerConfigSet? set, ImmutableArray<string> paths)
        {
            this.set = set;
            Paths = paths;
            AnalyzerOptions = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new OptionsProvider(this));
        }

        /// <summary>The .editorconfig files that apply.</summary>
        public ImmutableArray<string> Paths { get; }

        public int FileCount => Paths.Length;

        /// <summary>The options analyzers see (<c>AnalyzerConfigOptionsProvider</c>).</summary>
        public AnalyzerOptions AnalyzerOptions { get; }

        /// <summary>Reads every .editorconfig from the folders of <paramref name="files"/> up to the first <c>root = true</c>.</summary>
        public static EditorConfigOptions Load(IEnumerable<string> files)
        {
            var configs = new Dictionary<string, AnalyzerConfig>(StringComparer.Ordinal);
            var visited = new HashSet<string>(StringComparer.Ordinal);
            foreach (var directory in files.Select(Path.GetDirectoryName).OfType<string>().Distinct(StringComparer.Ordinal))
            {
                for (var current = directory; current is not null && visited.Add(current); current = Path.GetDirectoryName(current))
                {
                    var path = Path.Combine(current, ".editorconfig");
                    if (!File.Exists(path))
                    {
                        continue;
                    }

                    try
                    {
                        var text = File.ReadAllText(path);
                        configs[path] = AnalyzerConfig.Parse(SourceText.From(text), path);
                        if (IsRoot(text))
                        {
                            break;
                        }
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                    {
                        // An unreadable .editorconfig is ignored, like a missing one.
                    }
                }
            }

            if (configs.Count == 0)
            {
                return new EditorConfigOptions(null, ImmutableArray<string>.Empty);
            }

            var set = AnalyzerConfigSet.Create(configs.Values, out _);
            return new EditorConfigOptions(set, configs.Keys.OrderBy(k => k, StringComparer.Ordinal).ToImmutableArray());
        }

        /// <summary><c>root = true</c> in the preamble, before the first section.</summary>
        private static bool IsRoot(string text)
        {
            foreach (var raw in text.Split('\n'))
            {
                var line = raw.Trim();
                if (line.StartsWith('['))
                {
                    return false;
                }

                var equals = line.IndexOf('=');
                if (equals > 0
                    && line.Substring(0, equals).Trim().Equals("root", StringComparison.OrdinalIgnoreCase)
                    && line.Substring(equals + 1).Trim().Equals("true", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken)
        {
            var options = Get(tree.FilePath).AnalyzerOptions;
            if (options is not null && options.TryGetValue("generated_code", out var value))
            {
                return value.Equals("true", StringComparison.OrdinalIgnoreCase) ? GeneratedKind.MarkedGenerated : GeneratedKind.NotGenerated;
            }

            return GeneratedKind.Unknown;
        }

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            var treeOptions = Get(tree.FilePath).TreeOptions;
            if (treeOptions is not null && treeOptions.TryGetValue(diagnosticId, out severity))
            {
                return true;
            }

            severity = ReportDiagnostic.Default;
            return false;
        }

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            var treeOptions = set?.GlobalConfigOptions.TreeOptions;
            if (treeOptions is not null && treeOptions.TryGetValue(diagnosticId, out severity))
            {
                return true;
            }

            severity = ReportDiagnostic.Default;
            return false;
        }

        private AnalyzerConfigOptionsResult Get(string path)
        {
            if (set is null || string.IsNullOrEmpty(path))
            {
                return Empty;
            }

            return results.GetOrAdd(path, p => set.GetOptionsForSourcePath(p));
        }

        private sealed class OptionsProvider : AnalyzerConfigOptionsProvider
        {
            private readonly EditorConfigOptions owner;

            public OptionsProvider(EditorConfigOptions owner)
            {
                this.owner = owner;
                GlobalOptions = new DictionaryOptions(owner.set?.GlobalConfigOptions.AnalyzerOptions);
            }

            public override AnalyzerConfigOptions GlobalOptions { get; }

            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new DictionaryOptions(owner.Get(tree.FilePath).AnalyzerOptions);

            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new DictionaryOptions(owner.Get(textFile.Path).AnalyzerOptions);
        }

        private sealed class DictionaryOptions : AnalyzerConfigOptions
        {
            private readonly ImmutableDictionary<string, string>? values;

            public DictionaryOptions(ImmutableDictionary<string, string>? values)
            {
                this.values = values;
            }

            public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value)
            {
                if (values is not null && values.TryGetValue(key, out value))
                {
                    return true;
                }

                value = null;
                return false;
            }
        }
    }
}
