using System;
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

        /// <summary>True when the protocol of <paramref name="tree"/>'s file is declared little-endian.</summary>
        public static bool IsLittleEndian(AnalyzerOptions options, SyntaxTree tree)
            => options.AnalyzerConfigOptionsProvider.GetOptions(tree).TryGetValue(Key, out var value)
                && string.Equals(value.Trim(), LittleEndian, StringComparison.OrdinalIgnoreCase);
    }
}
