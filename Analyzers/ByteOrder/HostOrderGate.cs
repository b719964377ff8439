using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using SocketAnalyzers.Common;
using SocketAnalyzers.Model;

namespace SocketAnalyzers.ByteOrder
{
    /// <summary>
    /// Whether any file of a compilation names a type with a host-order write or read (the catalogue's
    /// <see cref="ApiRow.HostOrderWrite"/>/<see cref="ApiRow.HostOrderRead"/> rows: <c>BitConverter</c>,
    /// <c>BinaryWriter</c>, <c>BinaryReader</c>, <c>MemoryMarshal</c>, <c>Unsafe</c>). Without one no body can hold a
    /// host-order write or read, so the cross-method byte summaries can find nothing and SOCK020/SOCK021 register no
    /// compilation-end action: hosts that analyze file by file when no analyzer needs the whole compilation (the
    /// scanner's default mode) keep doing so. A plain text search (<see cref="WordSearch"/>), once per compilation.
    /// </summary>
    internal static class HostOrderGate
    {
        private static readonly WordSearch Search = new(CreateWords());

        private static readonly ConditionalWeakTable<Compilation, object> PerCompilation = new();

        private static readonly object Yes = new();

        private static readonly object No = new();

        /// <summary>True when some syntax tree of <paramref name="compilation"/> names a type with a host-order write or read.</summary>
        public static bool MentionsHostOrderApi(Compilation compilation)
            => PerCompilation.GetValue(compilation, static c => Scan(c) ? Yes : No) == Yes;

        private static bool Scan(Compilation compilation) => Search.AnyTreeContains(compilation, CancellationToken.None);

        private static ImmutableArray<string> CreateWords()
        {
            var words = new HashSet<string>(StringComparer.Ordinal);
            foreach (var row in SocketApiCatalogue.Rows)
            {
                if (row.HostOrderWrite is not null || row.HostOrderRead is not null)
                {
                    words.Add(row.Type.Substring(row.Type.LastIndexOf('.') + 1));
                }
            }

            return words.ToImmutableArray();
        }
    }
}
