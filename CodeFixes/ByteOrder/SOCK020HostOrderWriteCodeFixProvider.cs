using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SocketAnalyzers.ByteOrder;

namespace SocketAnalyzers.CodeFixes.ByteOrder
{
    /// <summary>
    /// SOCK020: writes the number big-endian.
    /// <list type="bullet">
    /// <item><c>SOCK020.BinaryPrimitives</c>: <c>var b = BitConverter.GetBytes(x);</c> becomes <c>var b = new byte[4];
    /// BinaryPrimitives.WriteInt32BigEndian(b, x);</c>; <c>TryWriteBytes</c>, <c>MemoryMarshal.Write</c> and
    /// <c>Unsafe.WriteUnaligned(ref b[i], x)</c> become the matching <c>BinaryPrimitives.(Try)Write…BigEndian</c>.</item>
    /// <item><c>SOCK020.HostToNetworkOrder</c>: <c>BitConverter.GetBytes(IPAddress.HostToNetworkOrder(x))</c>, where the
    /// bytes are used in place, and on frameworks without <c>BinaryPrimitives</c>.</item>
    /// <item><c>SOCK020.ReverseEndianness</c>: <c>writer.Write(BinaryPrimitives.ReverseEndianness(x))</c>: BinaryWriter
    /// writes little-endian on every CPU, so reversing gives big-endian everywhere.</item>
    /// </list>
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SOCK020HostOrderWriteCodeFixProvider))]
    public sealed class SOCK020HostOrderWriteCodeFixProvider : ByteOrderCodeFix
    {
        public const string BinaryPrimitivesKey = "SOCK020.BinaryPrimitives";
        public const string HostToNetworkOrderKey = "SOCK020.HostToNetworkOrder";
        public const string ReverseEndiannessKey = "SOCK020.ReverseEndianness";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.HostOrderWrite);

        internal override IEnumerable<ByteOrderFixOffer> Offers(ByteOrderFixInput input)
        {
            var kind = input.Property(SOCK020HostOrderWriteAnalyzer.KindProperty);
            var type = input.Property(SOCK020HostOrderWriteAnalyzer.TypeProperty);
            if (kind is null || type is null)
            {
                yield break;
            }

            var primitive = PrimitiveName(type);
            var value = ArgumentFor(input, "value");
            if (value is null)
            {
                yield break;
            }

            var valueText = value.Expression.WithoutTrivia().ToString();
            var castOperand = CastOperand(value.Expression);
            switch (kind)
            {
                case "GetBytes":
                    if (IntoLocal(input.Invocation) is { } statement && input.HasBinaryPrimitives("Write" + primitive + "BigEndian"))
                    {
                        yield return new ByteOrderFixOffer(
                            BinaryPrimitivesKey,
                            $"Write it with BinaryPrimitives.Write{primitive}BigEndian",
                            (editor, namespaces) =>
                            {
                                namespaces.Add(BinaryPrimitivesNamespace);
                                var declarator = statement.Declaration.Variables[0];
                                var newStatement = statement.ReplaceNode(
                                    input.Invocation,
                                    SyntaxFactory.ParseExpression($"new byte[{SizeOf(type)}]").WithTriviaFrom(input.Invocation));
                                var write = SyntaxFactory.ParseStatement($"BinaryPrimitives.Write{primitive}BigEndian({declarator.Identifier.ValueText}, {value.Expression.WithoutTrivia()});")
                                    .WithLeadingTrivia(Indentation(statement))
                                    .WithTrailingTrivia(EndOfLine(statement));
                                editor.InsertAfter(statement, write);
                                editor.ReplaceNode(statement, newStatement);
                            });
                    }

                    if (CopyIntoBuffer(input, SizeOf(type)) is var (copy, span) && input.HasBinaryPrimitives("Write" + primitive + "BigEndian"))
                    {
                        yield return new ByteOrderFixOffer(
                            BinaryPrimitivesKey,
                            $"Write it into the buffer with BinaryPrimitives.Write{primitive}BigEndian",
                            (editor, namespaces) =>
                            {
                                namespaces.Add(BinaryPrimitivesNamespace);
                                editor.ReplaceNode(copy, Replacement($"BinaryPrimitives.Write{primitive}BigEndian({span}, {value.Expression.WithoutTrivia()})", copy));
                            });
                    }

                    if (HostToNetworkOrderArgument(type, valueText, castOperand, input) is { } converted)
                    {
                        yield return new ByteOrderFixOffer(
                            HostToNetworkOrderKey,
                            "Convert it with IPAddress.HostToNetworkOrder before GetBytes",
                            (editor, namespaces) =>
                            {
                                namespaces.Add(IPAddressNamespace);
                                editor.ReplaceNode(value.Expression, SyntaxFactory.ParseExpression(converted).WithTriviaFrom(value.Expression));
                            });
                    }

                    break;

                case "TryWriteBytes":
                case "MemoryMarshal":
                case "MemoryMarshalTry":
                case "Unsafe":
                    var isTry = kind is "TryWriteBytes" or "MemoryMarshalTry";
                    var method = (isTry ? "TryWrite" : "Write") + primitive + "BigEndian";
                    var destination = Destination(input, kind);
                    if (destination is not null && input.HasBinaryPrimitives(method))
                    {
                        yield return new ByteOrderFixOffer(
                            BinaryPrimitivesKey,
                            $"Write it with BinaryPrimitives.{method}",
                            (editor, namespaces) =>
                            {
                                namespaces.Add(BinaryPrimitivesNamespace);
                                editor.ReplaceNode(
                                    input.Invocation,
                                    Replacement($"BinaryPrimitives.{method}({destination}, {value.Expression.WithoutTrivia()})", input.Invocation));
                            });
                    }

                    break;

                case "BinaryWriter":
                    var reversed = type switch
                    {
                        "Single" when input.HasBitConverter("SingleToInt32Bits") => $"BinaryPrimitives.ReverseEndianness(BitConverter.SingleToInt32Bits({value.Expression.WithoutTrivia()}))",
                        "Double" => $"BinaryPrimitives.ReverseEndianness(BitConverter.DoubleToInt64Bits({value.Expression.WithoutTrivia()}))",
                        "Single" or "Half" or "Int128" or "UInt128" => null,
                        _ => $"BinaryPrimitives.ReverseEndianness({Cast(input, value, type)})",
                    };
                    if (reversed is not null && input.HasBinaryPrimitives("ReverseEndianness"))
                    {
                        yield return new ByteOrderFixOffer(
                            ReverseEndiannessKey,
                            "Write it big-endian: reverse the bytes that BinaryWriter writes little-endian",
                            (editor, namespaces) =>
                            {
                                namespaces.Add(BinaryPrimitivesNamespace);
                                editor.ReplaceNode(value.Expression, SyntaxFactory.ParseExpression(reversed).WithTriviaFrom(value.Expression));
                            });
                    }

                    break;
            }
        }

        /// <summary>The whitespace that indents <paramref name="statement"/> (not the comments above it).</summary>
        private static SyntaxTriviaList Indentation(StatementSyntax statement)
        {
            var leading = statement.GetLeadingTrivia();
            return leading.Count > 0 && leading[leading.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia)
                ? SyntaxFactory.TriviaList(leading[leading.Count - 1])
                : SyntaxFactory.TriviaList();
        }

        /// <summary>The line break that ends <paramref name="statement"/> (not a comment after it).</summary>
        private static SyntaxTriviaList EndOfLine(StatementSyntax statement)
        {
            foreach (var trivia in statement.GetTrailingTrivia())
            {
                if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
                {
                    return SyntaxFactory.TriviaList(trivia);
                }
            }

            return SyntaxFactory.TriviaList(SyntaxFactory.LineFeed);
        }

        /// <summary>
        /// A statement that only copies the <c>GetBytes</c> array into a buffer: <c>GetBytes(x).CopyTo(buffer, i)</c>,
        /// <c>GetBytes(x).CopyTo(span)</c>, <c>Buffer.BlockCopy(GetBytes(x), 0, buffer, i, size)</c>,
        /// <c>Array.Copy(GetBytes(x), 0, buffer, i, size)</c>: the copy call and the span it writes, or null.
        /// </summary>
        private static (InvocationExpressionSyntax Copy, string Span)? CopyIntoBuffer(ByteOrderFixInput input, int size)
        {
            var getBytes = input.Invocation;
            InvocationExpressionSyntax? copy;
            if (getBytes.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "CopyTo" } access && access.Expression == getBytes)
            {
                copy = access.Parent as InvocationExpressionSyntax;
            }
            else
            {
                copy = getBytes.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax call } } ? call : null;
            }

            if (copy?.Parent is not ExpressionStatementSyntax || input.Model.GetSymbolInfo(copy).Symbol is not IMethodSymbol method)
            {
                return null;
            }

            var arguments = copy.ArgumentList.Arguments;
            if (arguments.Any(a => a.NameColon is not null))
            {
                return null;
            }

            var compilation = input.Model.Compilation;
            var owner = (method.ReducedFrom ?? method).ContainingType;
            var isArray = owner.SpecialType == SpecialType.System_Array;
            var copies = method.Name switch
            {
                "CopyTo" when isArray && arguments.Count == 2 => CopyShape.ArrayCopyTo,
                "CopyTo" when arguments.Count == 1 && SymbolEqualityComparer.Default.Equals(owner, compilation.GetTypeByMetadataName("System.MemoryExtensions")) => CopyShape.SpanCopyTo,
                "BlockCopy" when arguments.Count == 5 && SymbolEqualityComparer.Default.Equals(owner, compilation.GetTypeByMetadataName("System.Buffer")) => CopyShape.Block,
                "Copy" when isArray && arguments.Count == 5 => CopyShape.Block,
                _ => CopyShape.None,
            };
            switch (copies)
            {
                case CopyShape.ArrayCopyTo:
                    return Span(input, arguments[0].Expression, arguments[1].Expression) is { } arraySpan ? (copy, arraySpan) : null;
                case CopyShape.SpanCopyTo:
                    return (copy, arguments[0].Expression.WithoutTrivia().ToString());
                case CopyShape.Block:
                    if (arguments[0].Expression != getBytes
                        || input.Model.GetConstantValue(arguments[1].Expression).Value is not 0
                        || input.Model.GetConstantValue(arguments[4].Expression).Value is not int count
                        || count != size)
                    {
                        return null;
                    }

                    return Span(input, arguments[2].Expression, arguments[3].Expression) is { } copySpan ? (copy, copySpan) : null;
                default:
                    return null;
            }
        }

        /// <summary>Which copy of the <c>GetBytes</c> array a statement is (known by the owner's symbol, not its name).</summary>
        private enum CopyShape
        {
            None,

            /// <summary><c>array.CopyTo(buffer, index)</c>.</summary>
            ArrayCopyTo,

            /// <summary><c>MemoryExtensions.CopyTo(array, span)</c>.</summary>
            SpanCopyTo,

            /// <summary><c>Buffer.BlockCopy</c> or <c>Array.Copy</c> with five arguments.</summary>
            Block,
        }

        /// <summary><c>buffer</c> for offset 0, else <c>buffer.AsSpan(offset)</c> (null without System.Memory or for a non-byte[] buffer).</summary>
        private static string? Span(ByteOrderFixInput input, ExpressionSyntax buffer, ExpressionSyntax offset)
        {
            if (input.Model.GetTypeInfo(buffer).Type is not IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte })
            {
                return null;
            }

            if (input.Model.GetConstantValue(offset).Value is 0)
            {
                return buffer.WithoutTrivia().ToString();
            }

            return input.HasAsSpan ? $"{Operand(buffer)}.AsSpan({offset.WithoutTrivia()})" : null;
        }

        /// <summary>The local declaration statement whose only value is the <c>GetBytes</c> call, or null.</summary>
        private static LocalDeclarationStatementSyntax? IntoLocal(InvocationExpressionSyntax invocation)
            => invocation.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Variables.Count: 1, Parent: LocalDeclarationStatementSyntax statement } } }
                && statement.UsingKeyword.IsKind(SyntaxKind.None) && statement.Modifiers.Count == 0 && statement.Parent is BlockSyntax
                ? statement
                : null;

        /// <summary><c>IPAddress.HostToNetworkOrder(…)</c> with the casts the type needs, or null when there is no such form.</summary>
        private static string? HostToNetworkOrderArgument(string type, string value, string castOperand, ByteOrderFixInput input) => type switch
        {
            "Int16" or "Int32" or "Int64" => $"IPAddress.HostToNetworkOrder({value})",
            "UInt16" or "Char" => $"IPAddress.HostToNetworkOrder(unchecked((short){castOperand}))",
            "UInt32" => $"IPAddress.HostToNetworkOrder(unchecked((int){castOperand}))",
            "UInt64" => $"IPAddress.HostToNetworkOrder(unchecked((long){castOperand}))",
            "Single" when input.HasBitConverter("SingleToInt32Bits") => $"IPAddress.HostToNetworkOrder(BitConverter.SingleToInt32Bits({value}))",
            "Double" => $"IPAddress.HostToNetworkOrder(BitConverter.DoubleToInt64Bits({value}))",
            _ => null,
        };

        /// <summary>The value, cast to the written type when it was converted implicitly to match the overload.</summary>
        private static string Cast(ByteOrderFixInput input, ArgumentSyntax value, string type)
        {
            var info = input.Model.GetTypeInfo(value.Expression);
            return SymbolEqualityComparer.Default.Equals(info.Type, info.ConvertedType)
                ? value.Expression.WithoutTrivia().ToString()
                : $"({ByteOrderTables.KeywordOf(type)}){CastOperand(value.Expression)}";
        }

        /// <summary>The span to write into: the destination argument, or <c>b.AsSpan(i)</c> for <c>ref b[i]</c>.</summary>
        private static string? Destination(ByteOrderFixInput input, string kind)
        {
            var destination = ArgumentFor(input, "destination");
            if (destination is null)
            {
                return null;
            }

            if (kind != "Unsafe")
            {
                return destination.Expression.WithoutTrivia().ToString();
            }

            return destination.RefKindKeyword.IsKind(SyntaxKind.RefKeyword)
                && destination.Expression is ElementAccessExpressionSyntax { ArgumentList.Arguments.Count: 1 } element
                && input.Model.GetTypeInfo(element.Expression).Type is IArrayTypeSymbol
                && input.HasAsSpan
                ? $"{Operand(element.Expression)}.AsSpan({element.ArgumentList.Arguments[0].Expression.WithoutTrivia()})"
                : null;
        }
    }
}
