using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Common;

namespace SocketAnalyzers.Addressing
{
    /// <summary>
    /// SOCK031: <c>new Socket(family, type, protocol)</c> whose constant type and protocol cannot go together; the
    /// operating system refuses them and the constructor throws. No flow: the constants are at the constructor.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SOCK031SocketTypeProtocolMismatchAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>The property naming the protocol that matches the type (<c>Tcp</c>, <c>Udp</c>), for the fix.</summary>
        public const string ProtocolProperty = "Protocol";

        // SocketType: Stream = 1, Dgram = 2. ProtocolType: Tcp = 6, Udp = 17, Icmp = 1, IcmpV6 = 58.
        private static readonly (int Type, int Protocol, string TypeName, string ProtocolName, string Use)[] Mismatches =
        {
            (1, 17, "Stream", "Udp", "Tcp"),
            (1, 1, "Stream", "Icmp", "Tcp"),
            (1, 58, "Stream", "IcmpV6", "Tcp"),
            (2, 6, "Dgram", "Tcp", "Udp"),
        };

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.SOCK031SocketTypeProtocolMismatch);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var symbols = KnownSymbols.TryCreate(start.Compilation);
                var protocolType = MetadataTypes.For(start.Compilation).Get("System.Net.Sockets.ProtocolType");
                if (symbols is null || protocolType is null || symbols.SocketType is null)
                {
                    return;
                }

                start.RegisterOperationBlockAction(c => AnalyzeBlocks(c, symbols, protocolType));
            });
        }

        /// <summary>Every object creation of the body, read from the shared walk (<see cref="BodyOperations"/>): one callback per body, not one per creation.</summary>
        private static void AnalyzeBlocks(OperationBlockAnalysisContext context, KnownSymbols symbols, INamedTypeSymbol protocolType)
        {
            foreach (var operation in BodyOperations.OfKind<IObjectCreationOperation>(context.OperationBlocks, OperationKind.ObjectCreation, context.CancellationToken))
            {
                Analyze(in context, operation, symbols, protocolType);
            }
        }

        private static void Analyze(in OperationBlockAnalysisContext context, IObjectCreationOperation creation, KnownSymbols symbols, INamedTypeSymbol protocolType)
        {
            if (!SymbolEqualityComparer.Default.Equals(creation.Type, symbols.Socket))
            {
                return;
            }

            int? type = null, protocol = null;
            IOperation? protocolArgument = null;
            foreach (var argument in creation.Arguments)
            {
                var parameterType = argument.Parameter?.Type;
                var constant = argument.Value.WalkDownConversions().ConstantValue;
                if (SymbolEqualityComparer.Default.Equals(parameterType, symbols.SocketType) && constant is { HasValue: true, Value: int t })
                {
                    type = t;
                }
                else if (SymbolEqualityComparer.Default.Equals(parameterType, protocolType) && constant is { HasValue: true, Value: int p })
                {
                    protocol = p;
                    protocolArgument = argument.Value;
                }
            }

            if (type is null || protocol is null || protocolArgument is null)
            {
                return;
            }

            foreach (var mismatch in Mismatches)
            {
                if (mismatch.Type == type && mismatch.Protocol == protocol)
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.SOCK031SocketTypeProtocolMismatch,
                        protocolArgument.Syntax.GetLocation(),
                        ImmutableDictionary<string, string?>.Empty.Add(ProtocolProperty, mismatch.Use),
                        mismatch.TypeName,
                        mismatch.ProtocolName,
                        mismatch.Use));
                    return;
                }
            }
        }
    }
}
