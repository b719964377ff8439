using System;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SocketAnalyzers.ByteOrder
{
    /// <summary>
    /// The <c>.editorconfig</c> option <c>socket_analyzers.wire_byte_order</c>: <c>big_endian</c> (the default, network
    /// byte order) or <c>little_endian</c>, for protocols that are little-endian by specification. With
    /// <c>little_endian</c>, SOCK020 and SOCK021 are off for the files it applies to.
    /// </summary>
    internal static class WireByteOrderOption
    {
        public const string Key = "socket_analyzers.wire_byte_order";

        public const string LittleEndian = "little_endian";

        /// <summary>
        /// The answer per file, per options provider: SOCK020 and SOCK021 ask for every body, and the provider computes
        /// the file's options on each call. A new provider (an edited <c>.editorconfig</c>) asks again.
        /// </summary>
        private static readonly ConditionalWeakTable<AnalyzerConfigOptionsProvider, PerProvider> Answers = new();

        private static readonly object Yes = new();

        private static readonly object No = new();

        /// <summary>True when the protocol of <paramref name="tree"/>'s file is declared little-endian.</summary>
        public static bool IsLittleEndian(AnalyzerOptions options, SyntaxTree tree)
            => Answers.GetValue(options.AnalyzerConfigOptionsProvider, static provider => new PerProvider(provider)).IsLittleEndian(tree);

        private sealed class PerProvider
        {
            private readonly AnalyzerConfigOptionsProvider provider;
            private readonly ConditionalWeakTable<SyntaxTree, object> trees = new();
            private readonly ConditionalWeakTable<SyntaxTree, object>.CreateValueCallback read;

            public PerProvider(AnalyzerConfigOptionsProvider provider)
            {
                this.provider = provider;
                read = Read;
            }

            public bool IsLittleEndian(SyntaxTree tree) => trees.GetValue(tree, read) == Yes;

            private object Read(SyntaxTree tree)
                => provider.GetOptions(tree).TryGetValue(Key, out var value) && string.Equals(value.Trim(), LittleEndian, StringComparison.OrdinalIgnoreCase)
                    ? Yes
                    : No;
        }
    }
}
