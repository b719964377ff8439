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
    /// SOCK020: a multi-byte number written in the host's order (the catalogue's <see cref="Model.ApiRow.HostOrderWrite"/> rows)
    /// whose bytes certainly reach the network in this body (<see cref="ByteFlow"/>). Reported at the write.
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
            var api = symbols.HostOrderWrite(method);
            if (api is null)
            {
                return;
            }

            var value = CatalogueIndex.Argument(invocation, api.NumberOrdinal);
            var numberType = method.IsGenericMethod ? method.TypeArguments[0] : value?.Type;
            if (value is not null && !method.IsGenericMethod)
            {
                // BitConverter.GetBytes(aByte) binds to GetBytes(short): still one byte of information.
                numberType = value.Type;
                var original = value.WalkDownConversions().Type;
                if (original is null || original.SpecialType is SpecialType.System_Byte or SpecialType.System_SByte or SpecialType.System_Boolean)
                {
                    return;
                }
            }

            var typeName = ByteOrderTables.MultiByteName(numberType);
            if (typeName is null || (api.LittleEndianAlways && typeName == "Char") || value is null)
            {
                return;
            }

            if (WireByteOrderOption.IsLittleEndian(context.Options, invocation.Syntax.SyntaxTree))
            {
                return;
            }

            var flow = new ByteFlow(symbols, reads, invocation);
            if (flow.IsConvertedNumber(value))
            {
                return;
            }

            IFieldSymbol? writerField = null;
            var sent = api.Target switch
            {
                WriteTarget.Result => flow.ReachesNetwork(invocation),
                WriteTarget.Argument => CatalogueIndex.Argument(invocation, api.BufferOrdinal) is { } destination
                    && flow.WrittenIntoReachesNetwork(destination, invocation.Syntax.Span.End),
                WriteTarget.Stream => invocation.Instance is { } writer
                    && (WriterStream(flow, writer, symbols) is { } stream
                        ? flow.WrittenIntoReachesNetwork(stream, invocation.Syntax.Span.End)
                        : (writerField = tracker.TrackedField(writer)) is not null),
                _ => false,
            };
            if (!sent)
            {
                return;
            }

            var diagnostic = Diagnostic.Create(
                Descriptors.SOCK020HostOrderWrite,
                invocation.Syntax.GetLocation(),
                ImmutableDictionary<string, string?>.Empty.Add(KindProperty, api.Kind).Add(TypeProperty, typeName),
                Describe(typeName, value),
                api.LittleEndianAlways ? "little-endian by " + method.ContainingType.Name : "in the host's byte order",
                typeName);
            if (writerField is not null)
            {
                tracker.ReportIfNetwork(writerField, diagnostic);
            }
            else
            {
                context.ReportDiagnostic(diagnostic);
            }
        }

        /// <summary>The stream a <c>BinaryWriter</c> (or reader) was created over in this body, or null.</summary>
        internal static IOperation? WriterStream(ByteFlow flow, IOperation writer, ByteOrderSymbols symbols)
            => flow.Unwrap(writer, 0) is IObjectCreationOperation { Arguments.Length: > 0 } creation
                && KnownSymbols.IsOrDerivesFrom(creation.Arguments[0].Parameter?.Type, symbols.Known.Stream)
                ? creation.Arguments[0].Value
                : null;

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
