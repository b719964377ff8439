using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Common;
using SocketAnalyzers.Model;

namespace SocketAnalyzers.ByteOrder
{
    /// <summary>
    /// SOCK023: a number that fits in half a width converted at the full width (<c>IPAddress.HostToNetworkOrder(int)</c>
    /// of a port, <c>BinaryPrimitives.ReverseEndianness(int)</c> of a <c>ushort</c>), whose result is then kept only half
    /// wide: cast to the narrower type, or turned into bytes by <c>BitConverter.GetBytes</c> of which only the first half
    /// are copied or sent. Swapping all the bytes moves the number into the upper half, so the half kept holds the
    /// number's empty upper bytes: 0 goes out instead of the port.
    /// <para>
    /// Certain only when both ends are known: the number fits in the half (a constant, a widened <c>short</c>,
    /// <c>ushort</c>, <c>char</c> or <c>byte</c>, a widened <c>int</c> or <c>uint</c> for a 64-bit conversion, or for a
    /// 32-bit one a value named as a port: <c>port</c>, <c>localPort</c>, <c>Port</c>, <c>REMOTE_PORT</c>), and every
    /// way the result goes keeps only the half: the conversion itself, or a local it is stored in all of whose reads
    /// do (one level), or the array <c>GetBytes</c> makes of it, or a local holding that array (one level). A 32-bit
    /// number read from the wire, converted and then narrowed is right and never reported: its upper half is not
    /// known to be empty. A narrowed result passed as a host-order port is SOCK022's (its fix removes the conversion).
    /// </para>
    /// No flow: the result's uses are in the conversion's own body, and a use that is not one of the above keeps the
    /// rule quiet.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SOCK023ConversionWiderThanNumberAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>Diagnostic property: the keyword of the half-width type the fix casts the argument to (<c>short</c>, <c>ushort</c>, <c>int</c>, <c>uint</c>).</summary>
        public const string NarrowTypeProperty = "NarrowType";

        /// <summary>Diagnostic property, present when converting at the number's width would not mend the code (a checking <c>Convert.To…</c> takes the result).</summary>
        public const string NoFixProperty = "NoFix";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.SOCK023ConversionWiderThanNumber);

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
                start.RegisterOperationBlockAction(c => AnalyzeBlocks(c, known.Catalogue, symbols));
            });
        }

        /// <summary>
        /// Every call of the body, read from the shared walk (<see cref="BodyOperations"/>): one callback per body rather
        /// than one per call of the compilation, nearly all of which the first test turns away.
        /// </summary>
        private static void AnalyzeBlocks(OperationBlockAnalysisContext context, CatalogueIndex catalogue, ByteOrderSymbols symbols)
        {
            foreach (var operation in BodyOperations.OfKind<IInvocationOperation>(context.OperationBlocks, OperationKind.Invocation, context.CancellationToken))
            {
                Analyze(in context, operation, catalogue, symbols);
            }
        }

        private static void Analyze(in OperationBlockAnalysisContext context, IInvocationOperation conversion, CatalogueIndex catalogue, ByteOrderSymbols symbols)
        {
            var method = conversion.TargetMethod;
            // The catalogue first: its conversions' names reject nearly every call, and a method's parameters are made anew at each ask.
            if (conversion.Arguments.Length != 1 || !catalogue.MayConvertByteOrder(method.Name) || catalogue.Facts(method) is not { Conversion: true }
                || method.Parameters.Length != 1
                || WidthOf(method.Parameters[0].Type) is not (4 or 8) || WidthOf(method.ReturnType) != WidthOf(method.Parameters[0].Type))
            {
                return;
            }

            var width = WidthOf(method.ReturnType);
            var half = width / 2;
            if (FitsIn(conversion.Arguments[0].Value, half) is not { } number)
            {
                return;
            }

            var narrow = NarrowKeyword(method.Parameters[0].Type.SpecialType);
            var uses = new Uses(catalogue, symbols, half, narrow, context.CancellationToken);
            if (!uses.ResultKeptHalfWide(conversion) || uses.How is null)
            {
                return;
            }

            var properties = ImmutableDictionary<string, string?>.Empty.Add(NarrowTypeProperty, narrow);
            if (uses.NoFix)
            {
                properties = properties.Add(NoFixProperty, "true");
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.SOCK023ConversionWiderThanNumber,
                conversion.Syntax.GetLocation(),
                properties,
                method.ContainingType.Name + "." + method.Name + "(" + method.Parameters[0].Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) + ")",
                width,
                number,
                half,
                uses.How,
                WithArticle(narrow)));
        }

        /// <summary>The size in bytes of an integral type, 0 for any other.</summary>
        internal static int WidthOf(ITypeSymbol? type) => type?.SpecialType switch
        {
            SpecialType.System_Byte or SpecialType.System_SByte => 1,
            SpecialType.System_Int16 or SpecialType.System_UInt16 or SpecialType.System_Char => 2,
            SpecialType.System_Int32 or SpecialType.System_UInt32 => 4,
            SpecialType.System_Int64 or SpecialType.System_UInt64 => 8,
            _ => 0,
        };

        /// <summary>A type's name as the message and the fix's title say it: "an int", "a short" (fresh48: "as a int").</summary>
        internal static string WithArticle(string type)
            => (type.Length > 0 && "aeioAEIO".IndexOf(type[0]) >= 0 ? "an " : "a ") + type; // "a uint", "a UInt16": said "you-int".

        /// <summary>The half-width type of the same signedness as a conversion's parameter type.</summary>
        internal static string NarrowKeyword(SpecialType parameter) => parameter switch
        {
            SpecialType.System_UInt32 => "ushort",
            SpecialType.System_Int64 => "int",
            SpecialType.System_UInt64 => "uint",
            _ => "short",
        };

        /// <summary>
        /// How the code says that the conversion's argument fits in <paramref name="half"/> bytes, for the message, or null
        /// when it does not say so.
        /// </summary>
        private static string? FitsIn(IOperation argument, int half)
        {
            var value = argument;
            while (true)
            {
                if (value.ConstantValue is { HasValue: true, Value: { } constant } && FitsConstant(constant, half))
                {
                    return "the constant " + value.Syntax.ToString();
                }

                if (value is not IConversionOperation { Operand: { } operand } conversion)
                {
                    break;
                }

                var from = WidthOf(operand.Type);
                if (from > 0 && from <= half && from < WidthOf(conversion.Type))
                {
                    return "'" + operand.Syntax.ToString() + "', " + WithArticle(operand.Type!.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat));
                }

                value = operand;
            }

            if (half == 2 && NameOf(value) is { } name && IsPortName(name))
            {
                return "the port '" + value.Syntax.ToString() + "'";
            }

            return null;
        }

        private static bool FitsConstant(object constant, int half)
        {
            long? signed = constant switch
            {
                int i => i,
                long l => l,
                short s => s,
                ushort us => us,
                byte b => b,
                sbyte sb => sb,
                char c => c,
                uint ui => ui,
                _ => null,
            };
            return signed is { } v && (half == 2 ? v >= short.MinValue && v <= ushort.MaxValue : v >= int.MinValue && v <= uint.MaxValue);
        }

        private static string? NameOf(IOperation value) => value switch
        {
            ILocalReferenceOperation local => local.Local.Name,
            IParameterReferenceOperation parameter => parameter.Parameter.Name,
            IFieldReferenceOperation field => field.Field.Name,
            IPropertyReferenceOperation property => property.Property.Name,
            _ => null,
        };

        /// <summary>
        /// A name that says "port" as a word: <c>port</c>, <c>Port</c>, <c>_port</c>, <c>localPort</c>, <c>REMOTE_PORT</c>;
        /// not <c>transport</c>, <c>Report</c>, <c>ports</c> or <c>portCount</c>.
        /// </summary>
        internal static bool IsPortName(string name)
        {
            var trimmed = name.TrimStart('_', '@');
            if (string.Equals(trimmed, "port", System.StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (trimmed.Length <= 4)
            {
                return false;
            }

            var tail = trimmed.Substring(trimmed.Length - 4);
            var before = trimmed[trimmed.Length - 5];
            return (tail == "Port" && (char.IsLower(before) || char.IsDigit(before) || before == '_'))
                || (tail == "PORT" && before == '_')
                || (tail == "port" && before == '_');
        }

        /// <summary>Where a conversion's result goes, and whether every way keeps only its first half.</summary>
        private sealed class Uses
        {
            private readonly CatalogueIndex catalogue;
            private readonly ByteOrderSymbols symbols;
            private readonly int half;

            /// <summary>The keyword of the half-width type the number should be converted as (<c>short</c>, <c>ushort</c>…).</summary>
            private readonly string narrow;
            private readonly CancellationToken cancellationToken;

            public Uses(CatalogueIndex catalogue, ByteOrderSymbols symbols, int half, string narrow, CancellationToken cancellationToken)
            {
                this.catalogue = catalogue;
                this.symbols = symbols;
                this.half = half;
                this.narrow = narrow;
                this.cancellationToken = cancellationToken;
            }

            /// <summary>How the result is kept half wide, for the message (the first way found).</summary>
            public string? How { get; private set; }

            /// <summary>A way the result goes that the fix cannot mend (a checking <c>Convert.To…</c>): the finding has no fix.</summary>
            public bool NoFix { get; private set; }

            /// <summary><c>System.Convert.ToInt16</c>, <c>ToUInt16</c>, <c>ToByte</c>… to a type no wider than half the conversion's: it checks the range.</summary>
            private bool IsNarrowingConvert(IMethodSymbol method)
                => method is { IsStatic: true, ContainingType: { Name: "Convert", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } }
                    && method.Name.StartsWith("To", System.StringComparison.Ordinal)
                    && WidthOf(method.ReturnType) is > 0 and var to && to <= half;

            /// <summary>True when every way <paramref name="conversion"/>'s result goes keeps only its first half.</summary>
            public bool ResultKeptHalfWide(IOperation conversion)
                => Consumer(conversion, out var target) switch
                {
                    Kind.HalfWide => true,
                    Kind.Local => EveryRead(target!, conversion, number: true),
                    _ => false,
                };

            private enum Kind
            {
                Other,
                HalfWide,
                Local,
            }

            /// <summary>
            /// What happens to the number <paramref name="value"/> gives: kept half wide (a narrowing cast; <c>GetBytes</c>
            /// whose bytes are kept half wide), stored in a local (<paramref name="local"/>), or anything else.
            /// </summary>
            private Kind Consumer(IOperation value, out ILocalSymbol? local)
            {
                local = null;
                var current = value;
                while (true)
                {
                    switch (current.Parent)
                    {
                        case IConversionOperation conversion when conversion.Operand == current:
                            var to = WidthOf(conversion.Type);
                            if (to > 0 && to <= half && !conversion.IsImplicit && !IsHostOrderPort(conversion))
                            {
                                // In a checked context the cast does not keep the empty half: it throws for any number but 0.
                                How ??= "the result is cast to " + conversion.Type!.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)
                                    + (conversion.IsChecked ? " in a checked context (OverflowException unless it is 0)" : "");
                                return Kind.HalfWide;
                            }

                            if (to < WidthOf(current.Type))
                            {
                                return Kind.Other;
                            }

                            current = conversion;
                            continue;
                        case IArgumentOperation { Parameter: { } parameter, Parent: IInvocationOperation convert }
                            when IsNarrowingConvert(convert.TargetMethod) && WidthOf(parameter.Type) >= WidthOf(current.Type):
                            // Convert.ToUInt16(IPAddress.HostToNetworkOrder(port)) checks, as a checked cast does: it throws for
                            // any port but 0. Converting at the port's width does not help (ToUInt16 of a negative short throws
                            // too), so no fix is offered.
                            How ??= "the result is passed to Convert." + convert.TargetMethod.Name + ", which throws OverflowException for it unless it is 0 (cast the "
                                + narrow + " result unchecked instead)";
                            NoFix = true;
                            return Kind.HalfWide;
                        case IConditionalOperation conditional when conditional.WhenTrue == current || conditional.WhenFalse == current:
                            current = conditional;
                            continue;
                        case IArgumentOperation { Parameter: { } parameter, Parent: IInvocationOperation getBytes }
                            when IsGetBytes(getBytes.TargetMethod) && WidthOf(parameter.Type) >= WidthOf(current.Type):
                            return BytesKeptHalfWide(getBytes) ? Kind.HalfWide : Kind.Other;
                        case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                            local = declarator.Symbol;
                            return WidthOf(local.Type) >= WidthOf(current.Type) ? Kind.Local : Kind.Other;
                        case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when assignment.Value == current:
                            local = target.Local;
                            return WidthOf(local.Type) >= WidthOf(current.Type) ? Kind.Local : Kind.Other;
                        default:
                            return Kind.Other;
                    }
                }
            }

            /// <summary>True when the array <paramref name="getBytes"/> makes is only ever copied or sent from its start, at most half wide.</summary>
            private bool BytesKeptHalfWide(IInvocationOperation getBytes)
            {
                var current = getBytes.OutermostImplicitConversion();

                switch (current.Parent)
                {
                    case IArgumentOperation argument:
                        return FirstBytes(argument);
                    case IArrayElementReferenceOperation element:
                        return FirstElement(element);
                    case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                        return EveryRead(declarator.Symbol, getBytes, number: false);
                    case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when assignment.Value == current:
                        return EveryRead(target.Local, getBytes, number: false);
                    default:
                        return false;
                }
            }

            /// <summary>
            /// True when <paramref name="argument"/> hands an array to a copy (<c>Buffer.BlockCopy</c>, <c>Array.Copy</c>) or a
            /// send (<c>stream.Write(b, 0, 2)</c>) that takes at most half the width from its start, all three constants.
            /// </summary>
            private bool FirstBytes(IArgumentOperation argument)
            {
                if (argument.Parameter is not { } parameter || argument.Parent is not IInvocationOperation call || catalogue.Facts(call.TargetMethod) is not { } facts)
                {
                    return false;
                }

                if (parameter.Ordinal == 0 && (ViewOfFirst(call, facts, sliced: false) || TakesFirst(call, facts) || SubArrayOfFirst(call)))
                {
                    return true;
                }

                int? start, count;
                string what;
                if (facts.Copy is { } copy && copy.Source == parameter.Ordinal && copy.Count is { } copied)
                {
                    start = copy.SourceOffset;
                    count = copied;
                    what = "copied";
                }
                else if (facts.Sends == parameter.Ordinal && facts.SendsCount is { } sent)
                {
                    start = facts.SendsFrom;
                    count = sent;
                    what = "sent";
                }
                else
                {
                    return false;
                }

                if ((start is { } s && ConstantArgument(call, s) != 0) || ConstantArgument(call, count.Value) is not { } n || n < 1 || n > half)
                {
                    return false;
                }

                How ??= "only the first " + n + (n == 1 ? " byte" : " bytes") + " of BitConverter.GetBytes are " + what;
                return true;
            }

            /// <summary>
            /// True when <paramref name="call"/> is a view of the source's first bytes, at most half the width, with constant
            /// bounds: <c>b.AsSpan(0, 2)</c>, <c>b.AsMemory(0, 2)</c> (the source is the first argument), or, on a view of the
            /// whole (<c>b.AsSpan()</c>), its <c>Slice(0, 2)</c> (the source is the instance).
            /// </summary>
            private bool ViewOfFirst(IInvocationOperation call, ApiFacts facts, bool sliced)
            {
                if (!facts.View || facts.ViewCopies)
                {
                    return false;
                }

                if (facts.ViewOffset is { } offset)
                {
                    var start = ConstantArgument(call, offset);
                    var length = offset + 1 < call.Arguments.Length ? ConstantArgument(call, offset + 1) : null;
                    if (start == 0 && length is { } n && n >= 1 && n <= half)
                    {
                        How ??= "only a view of the first " + n + (n == 1 ? " byte" : " bytes") + " of BitConverter.GetBytes is kept";
                        return true;
                    }

                    return false;
                }

                // A view of the whole array: what matters is how that view is cut.
                var current = call.OutermostImplicitConversion();

                return !sliced && current.Parent is IInvocationOperation slice && slice.Instance == current
                    && catalogue.Facts(slice.TargetMethod) is { View: true, ViewOffset: 0 } sliceFacts
                    && ViewOfFirst(slice, sliceFacts, sliced: true);
            }

            /// <summary>True when <paramref name="call"/> is <c>Enumerable.Take(b, n)</c> with a constant n of at most half the width.</summary>
            private bool TakesFirst(IInvocationOperation call, ApiFacts facts)
            {
                if (facts.Sequence != SequenceShape.Takes || ConstantArgument(call, 1) is not { } n || n < 1 || n > half)
                {
                    return false;
                }

                How ??= "only the first " + n + (n == 1 ? " byte" : " bytes") + " of BitConverter.GetBytes are taken";
                return true;
            }

            /// <summary>True when <paramref name="call"/> is the sub-array of a range from the start (<c>b[..2]</c>, <c>b[0..2]</c>).</summary>
            private bool SubArrayOfFirst(IInvocationOperation call)
                => call.TargetMethod is { Name: "GetSubArray", ContainingType.Name: "RuntimeHelpers" } && call.Arguments.Length == 2
                    && FirstRange(call.Arguments[1].Value);

            private bool FirstRange(IOperation range)
            {
                if (range.WalkDownConversions() is not IRangeOperation { RightOperand: { } right } bounds
                    || (bounds.LeftOperand is { } left && left.WalkDownConversions().ConstantValue is not { HasValue: true, Value: 0 })
                    || right.WalkDownConversions() is not { ConstantValue: { HasValue: true, Value: int n } } || n < 1 || n > half)
                {
                    return false;
                }

                How ??= "only the first " + n + (n == 1 ? " byte" : " bytes") + " of BitConverter.GetBytes are kept";
                return true;
            }

            private static int? ConstantArgument(IInvocationOperation call, int ordinal)
                => CatalogueIndex.Argument(call, ordinal)?.ConstantValue is { HasValue: true, Value: int value } ? value : null;

            /// <summary>
            /// True when <paramref name="local"/> has at least one read in the body of <paramref name="from"/>, and each of
            /// them keeps the value half wide: a number (<paramref name="number"/>) through <see cref="Consumer"/> without
            /// going through another local, an array through <see cref="FirstBytes"/>.
            /// </summary>
            private bool EveryRead(ILocalSymbol local, IOperation from, bool number)
            {
                var root = from;
                while (root.Parent is { } up)
                {
                    root = up;
                }

                var reads = 0;
                foreach (var operation in root.Descendants())
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (operation is not ILocalReferenceOperation reference || !SymbolEqualityComparer.Default.Equals(reference.Local, local))
                    {
                        continue;
                    }

                    if (reference.IsDeclaration
                        || (reference.Parent is ISimpleAssignmentOperation assignment && assignment.Target == reference))
                    {
                        continue;
                    }

                    reads++;
                    if (number ? Consumer(reference, out _) != Kind.HalfWide : !ArrayKeptHalfWide(reference))
                    {
                        return false;
                    }
                }

                return reads > 0;
            }

            private bool ArrayKeptHalfWide(IOperation reference)
            {
                var current = reference.OutermostImplicitConversion();

                return current.Parent switch
                {
                    IArgumentOperation argument => FirstBytes(argument),
                    IArrayElementReferenceOperation element => FirstElement(element),
                    _ => false,
                };
            }

            /// <summary>
            /// True when <paramref name="element"/> reads one of the array's first half of bytes, at a constant index
            /// (<c>p[0]</c>, <c>p[1]</c>), and does not write it.
            /// </summary>
            private bool FirstElement(IArrayElementReferenceOperation element)
            {
                if (element.Indices.Length == 1 && element.Indices[0].Type?.Name == "Range")
                {
                    return FirstRange(element.Indices[0]);
                }

                if (element.Indices.Length != 1 || element.Indices[0].ConstantValue is not { HasValue: true, Value: int index } || index < 0 || index >= half
                    || element.Parent is ISimpleAssignmentOperation { Target: var target } && target == element
                    || element.Parent is ICompoundAssignmentOperation or IIncrementOrDecrementOperation
                    || element.Parent is IArgumentOperation { Parameter.RefKind: not RefKind.None })
                {
                    return false;
                }

                How ??= "only the first " + half + " bytes of BitConverter.GetBytes are read";
                return true;
            }

            /// <summary><c>BitConverter.GetBytes</c>: the catalogue's host-order write that returns the bytes.</summary>
            private bool IsGetBytes(IMethodSymbol method)
                => catalogue.Facts(method)?.HostOrderWrite is { Target: WriteTarget.Result };

            /// <summary>A narrowed value handed on as a port in host order: SOCK022 reports the conversion.</summary>
            private bool IsHostOrderPort(IOperation narrowed)
            {
                var current = narrowed.OutermostImplicitConversion();

                return current.Parent switch
                {
                    IArgumentOperation { Parameter: { } parameter } => symbols.IsHostOrderPort(parameter),
                    ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment when assignment.Value == current
                        => symbols.HostOrderPortProperty(property.Property) is not null,
                    _ => false,
                };
            }
        }
    }
}
