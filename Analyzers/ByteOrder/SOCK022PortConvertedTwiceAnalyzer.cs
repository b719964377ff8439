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
    /// (the catalogue's <see cref="Model.ApiRow.Port"/> rows), directly or through a local. Reported at the conversion.
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
                start.RegisterOperationAction(c => Analyze(c, symbols, reads), OperationKind.Invocation);
            });
        }

        private static void Analyze(OperationAnalysisContext context, ByteOrderSymbols symbols, NetworkReads reads)
        {
            var conversion = (IInvocationOperation)context.Operation;
            if (!symbols.IsConversion(conversion.TargetMethod))
            {
                return;
            }

            var parent = conversion.WalkUpConversions(out _);
            if (parent is IArgumentOperation argument && PortApi(argument, symbols) is { } api)
            {
                Report(context, conversion, api, "Argument");
                return;
            }

            if (parent is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property: { } property } } portAssignment
                && portAssignment.Value.WalkDownConversions() == conversion
                && symbols.HostOrderPortProperty(property) is { } propertyApi)
            {
                Report(context, conversion, propertyApi, "Property");
                return;
            }

            ILocalSymbol? local = parent switch
            {
                IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
                ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } => target.Local,
                _ => null,
            };
            if (local is null)
            {
                return;
            }

            var flow = new ByteFlow(symbols, reads, conversion);
            if (flow.SingleValue(local) is not { } only || only.WalkDownConversions() != conversion)
            {
                return;
            }

            var top = conversion;
            IOperation root = top;
            while (root.Parent is { } up)
            {
                root = up;
            }

            foreach (var operation in root.Descendants())
            {
                if (operation is ILocalReferenceOperation reference
                    && SymbolEqualityComparer.Default.Equals(reference.Local, local)
                    && reference.WalkUpConversions(out _) is IArgumentOperation use
                    && PortApi(use, symbols) is { } localApi)
                {
                    Report(context, conversion, localApi, "Local");
                    return;
                }
            }
        }

        /// <summary>The host-order-port API that takes <paramref name="argument"/> as its port, or null.</summary>
        private static string? PortApi(IArgumentOperation argument, ByteOrderSymbols symbols)
        {
            if (!symbols.IsHostOrderPort(argument.Parameter))
            {
                return null;
            }

            var method = argument.Parent switch
            {
                IInvocationOperation invocation => invocation.TargetMethod,
                IObjectCreationOperation creation => creation.Constructor,
                _ => null,
            };
            return method is null ? null : symbols.HostOrderPortApi(method);
        }

        private static void Report(OperationAnalysisContext context, IInvocationOperation conversion, string api, string where)
        {
            var method = conversion.TargetMethod;
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.SOCK022PortConvertedTwice,
                conversion.Syntax.GetLocation(),
                ImmutableDictionary<string, string?>.Empty.Add(WhereProperty, where),
                api,
                method.ContainingType.Name + "." + method.Name));
        }
    }
}
