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
    /// that a network read filled in this body, or from a <c>BinaryReader</c> over a network stream, and not
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
            context.RegisterCompilationStartAction(start =>
            {
                var known = KnownSymbols.TryCreate(start.Compilation);
                if (known is null)
                {
                    return;
                }

                var symbols = new ByteOrderSymbols(known);
                var reads = known.Reads;
                StreamFieldTracker.Register(start, symbols, reads, (symbolStart, tracker) =>
                    symbolStart.RegisterOperationAction(c => Analyze(c, symbols, reads, tracker), OperationKind.Invocation));
            });
        }

        private static void Analyze(OperationAnalysisContext context, ByteOrderSymbols symbols, NetworkReads reads, StreamFieldTracker tracker)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            var api = symbols.HostOrderRead(method);
            if (api is null)
            {
                return;
            }

            var typeName = ByteOrderTables.MultiByteName(method.ReturnType);
            if (typeName is null || WireByteOrderOption.IsLittleEndian(context.Options, invocation.Syntax.SyntaxTree))
            {
                return;
            }

            var flow = new ByteFlow(symbols, reads, invocation);
            IFieldSymbol? readerField = null;
            var fromNetwork = api.Target switch
            {
                WriteTarget.Argument => CatalogueIndex.Argument(invocation, api.BufferOrdinal) is { } buffer
                    && flow.IsNetworkData(buffer, invocation.Syntax.SpanStart),
                WriteTarget.Stream => invocation.Instance is { } reader
                    && (SOCK020HostOrderWriteAnalyzer.WriterStream(flow, reader, symbols) is { } stream
                        ? flow.IsNetworkSource(stream, invocation.Syntax.SpanStart)
                        : (readerField = tracker.TrackedField(reader)) is not null),
                _ => false,
            };
            if (!fromNetwork || flow.IsResultConverted(invocation))
            {
                return;
            }

            var diagnostic = Diagnostic.Create(
                Descriptors.SOCK021HostOrderRead,
                invocation.Syntax.GetLocation(),
                ImmutableDictionary<string, string?>.Empty.Add(KindProperty, api.Kind).Add(TypeProperty, typeName),
                "The " + ByteOrderTables.KeywordOf(typeName),
                api.LittleEndianAlways ? "little-endian by " + method.ContainingType.Name : "in the host's byte order",
                typeName);
            if (readerField is not null)
            {
                tracker.ReportIfNetwork(readerField, diagnostic);
            }
            else
            {
                context.ReportDiagnostic(diagnostic);
            }
        }
    }
}
