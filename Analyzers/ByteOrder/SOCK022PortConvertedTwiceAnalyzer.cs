using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Common;
using SocketAnalyzers.Reads;

namespace SocketAnalyzers.ByteOrder
{
    /// <summary>
    /// SOCK022: a port converted with <c>IPAddress.HostToNetworkOrder</c>/<c>NetworkToHostOrder</c> or
    /// <c>BinaryPrimitives.ReverseEndianness</c> is passed to an API that takes the port in host order
    /// (the catalogue's <see cref="Model.ApiRow.Port"/> rows), directly or through locals on some path
    /// (<see cref="ByteOrderFlow"/>). Reported at the conversion.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SOCK022PortConvertedTwiceAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>Diagnostic property: <c>"Argument"</c> when the conversion is the port argument itself,
        /// <c>"Local"</c> when it is the value of a local that becomes the port.</summary>
        public const string WhereProperty = "Where";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.SOCK022PortConvertedTwice);

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

                // The same choice as SOCK020/SOCK021 make, since the three share one run per body.
                var summarize = HostOrderGate.MentionsHostOrderApi(start.Compilation);
                start.RegisterOperationBlockAction(c => Analyze(c, symbols, reads, summarize));
            });
        }

        /// <summary>Body-level, on the byte family's converged states (<see cref="ByteOrderFlow"/>): a conversion is
        /// reported when its result reaches a host-order port on some path, directly or through locals.</summary>
        private static void Analyze(OperationBlockAnalysisContext context, ByteOrderSymbols symbols, NetworkReads reads, bool summarize)
        {
            foreach (var block in context.OperationBlocks)
            {
                var findings = ByteOrderFlow.For(in context, block, symbols, reads, summarize);
                foreach (var port in findings.Ports)
                {
                    var method = port.Conversion.TargetMethod;
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.SOCK022PortConvertedTwice,
                        port.Conversion.Syntax.GetLocation(),
                        ImmutableDictionary<string, string?>.Empty.Add(WhereProperty, port.Where),
                        port.Api,
                        method.ContainingType.Name + "." + method.Name));
                }
            }
        }
    }
}
