using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Model;

namespace SocketAnalyzers.ByteOrder
{
    /// <summary>
    /// SOCK020: a multi-byte number written in the host's order (the catalogue's <see cref="Model.ApiRow.HostOrderWrite"/> rows)
    /// whose bytes reach a send on some path of this body (<see cref="ByteOrderFlow"/>). Reported at the write.
    /// Off where <c>socket_analyzers.wire_byte_order = little_endian</c>.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SOCK020HostOrderWriteAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>Diagnostic property: the shape of the write (<see cref="HostOrderApi.Kind"/>).</summary>
        public const string KindProperty = "Kind";

        /// <summary>Diagnostic property: the number's type as BinaryPrimitives names it (<c>Int32</c>).</summary>
        public const string TypeProperty = "Type";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.SOCK020HostOrderWrite);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            // An RFC 1071 checksum summed and stored in the host's order is right on the wire (InternetChecksum).
            ByteOrderRule.Register(
                context,
                findings => findings.Writes,
                finding => finding.WriterField,
                CreateDiagnostic,
                (graph, cancellationToken) => graph.WritesReachingNetwork(cancellationToken),
                (write, _) => InternetChecksum.IsChecksum(write.Value));
        }

        /// <summary>The diagnostic for <paramref name="write"/>, at the write (the same in the body and across methods).</summary>
        private static Diagnostic CreateDiagnostic(HostOrderWriteFinding write)
            => Diagnostic.Create(
                Descriptors.SOCK020HostOrderWrite,
                write.Invocation.Syntax.GetLocation(),
                ImmutableDictionary<string, string?>.Empty.Add(KindProperty, write.Api.Kind).Add(TypeProperty, write.TypeName),
                Describe(write.TypeName, write.Value),
                write.Api.LittleEndianAlways ? "little-endian by " + write.Invocation.TargetMethod.ContainingType.Name : "in the host's byte order",
                write.TypeName);

        /// <summary>"The int 'length'" or "The int".</summary>
        internal static string Describe(string typeName, IOperation? value)
        {
            while (value is IConversionOperation { IsImplicit: true } implicitConversion)
            {
                value = implicitConversion.Operand;
            }

            var name = value switch
            {
                ILocalReferenceOperation local => local.Local.Name,
                IParameterReferenceOperation parameter => parameter.Parameter.Name,
                IFieldReferenceOperation field => field.Field.Name,
                IPropertyReferenceOperation property => property.Property.Name,
                _ => null,
            };
            var keyword = ByteOrderTables.KeywordOf(typeName);
            return name is null ? "The " + keyword : $"The {keyword} '{name}'";
        }
    }
}
