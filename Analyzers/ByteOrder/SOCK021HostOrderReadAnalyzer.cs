using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Common;
using SocketAnalyzers.Model;
using SocketAnalyzers.Reads;

namespace SocketAnalyzers.ByteOrder
{
    /// <summary>
    /// SOCK021: a multi-byte number read in the host's order (the catalogue's <see cref="Model.ApiRow.HostOrderRead"/> rows) from bytes
    /// that a network read may have filled on some path of this body (<see cref="ByteOrderFlow"/>), or from a <c>BinaryReader</c> over a network stream, and not
    /// converted afterwards. Reported at the read. Off where <c>socket_analyzers.wire_byte_order = little_endian</c>.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SOCK021HostOrderReadAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>Diagnostic property: the shape of the read (<see cref="HostOrderApi.Kind"/>).</summary>
        public const string KindProperty = "Kind";

        /// <summary>Diagnostic property: the number's type as BinaryPrimitives names it (<c>Int32</c>).</summary>
        public const string TypeProperty = "Type";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.SOCK021HostOrderRead);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            // Right in the host's order: a checksum read to compare with one summed in it (InternetChecksum), and an IPv4
            // address given to new IPAddress(long), which takes its bytes in memory order (the catalogue's MemoryOrderNumber).
            ByteOrderRule.Register(
                context,
                findings => findings.Reads,
                finding => finding.ReaderField,
                CreateDiagnostic,
                (graph, cancellationToken) => graph.ReadsOfReceivedBytes(cancellationToken),
                (read, symbols) => InternetChecksum.IsStoredAsChecksum(read.Invocation) || symbols.GoesToMemoryOrderParameter(read.Invocation));
        }

        /// <summary>The diagnostic for <paramref name="read"/>, at the read (the same in the body and across methods).</summary>
        private static Diagnostic CreateDiagnostic(HostOrderReadFinding read)
            => Diagnostic.Create(
                Descriptors.SOCK021HostOrderRead,
                read.Invocation.Syntax.GetLocation(),
                ImmutableDictionary<string, string?>.Empty.Add(KindProperty, read.Api.Kind).Add(TypeProperty, read.TypeName),
                "The " + ByteOrderTables.KeywordOf(read.TypeName),
                read.Api.LittleEndianAlways ? "little-endian by " + read.Invocation.TargetMethod.ContainingType.Name : "in the host's byte order",
                read.TypeName);
    }
}
