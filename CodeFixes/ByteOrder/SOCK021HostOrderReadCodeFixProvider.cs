using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SocketAnalyzers.ByteOrder;

namespace SocketAnalyzers.CodeFixes.ByteOrder
{
    /// <summary>
    /// SOCK021: reads the number big-endian.
    /// <list type="bullet">
    /// <item><c>SOCK021.BinaryPrimitives</c>: <c>BitConverter.ToInt32(b, i)</c> becomes
    /// <c>BinaryPrimitives.ReadInt32BigEndian(b.AsSpan(i))</c>; <c>MemoryMarshal.Read</c> and <c>Unsafe.ReadUnaligned</c> likewise.</item>
    /// <item><c>SOCK021.NetworkToHostOrder</c>: <c>IPAddress.NetworkToHostOrder(BitConverter.ToInt32(b, i))</c>, on every
    /// framework.</item>
    /// <item><c>SOCK021.ReverseEndianness</c>: <c>BinaryPrimitives.ReverseEndianness(reader.ReadInt32())</c>: BinaryReader
    /// reads little-endian on every CPU, so reversing gives the big-endian value everywhere.</item>
    /// </list>
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SOCK021HostOrderReadCodeFixProvider))]
    public sealed class SOCK021HostOrderReadCodeFixProvider : ByteOrderCodeFix
    {
        public const string BinaryPrimitivesKey = "SOCK021.BinaryPrimitives";
        public const string NetworkToHostOrderKey = "SOCK021.NetworkToHostOrder";
        public const string ReverseEndiannessKey = "SOCK021.ReverseEndianness";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.HostOrderRead);

        internal override IEnumerable<ByteOrderFixOffer> Offers(ByteOrderFixInput input)
        {
            var kind = input.Property(SOCK021HostOrderReadAnalyzer.KindProperty);
            var type = input.Property(SOCK021HostOrderReadAnalyzer.TypeProperty);
            if (kind is null || type is null)
            {
                yield break;
            }

            var primitive = PrimitiveName(type);
            var read = "Read" + primitive + "BigEndian";
            var castBack = type == "Char" ? "(char)" : string.Empty;
            var invocation = input.Invocation;
            switch (kind)
            {
                case "BitConverter":
                    var span = Span(input, "value", "startIndex");
                    if (span is not null && input.HasBinaryPrimitives(read))
                    {
                        yield return Replace(input, BinaryPrimitivesKey, $"Read it with BinaryPrimitives.{read}", BinaryPrimitivesNamespace,
                            $"{castBack}BinaryPrimitives.{read}({span})");
                    }

                    if (NetworkToHostOrder(input, type) is { } converted)
                    {
                        yield return Replace(input, NetworkToHostOrderKey, "Convert it with IPAddress.NetworkToHostOrder", IPAddressNamespace, converted);
                    }

                    break;

                case "MemoryMarshal":
                case "Unsafe":
                    var source = kind == "MemoryMarshal" ? Span(input, "source", null) : RefElementSpan(input);
                    if (source is not null && input.HasBinaryPrimitives(read))
                    {
                        yield return Replace(input, BinaryPrimitivesKey, $"Read it with BinaryPrimitives.{read}", BinaryPrimitivesNamespace,
                            $"{castBack}BinaryPrimitives.{read}({source})");
                    }

                    break;

                case "BinaryReader":
                    var original = invocation.WithoutTrivia().ToString();
                    var receiver = (invocation.Expression as MemberAccessExpressionSyntax)?.Expression.WithoutTrivia().ToString();
                    var reversed = type switch
                    {
                        "Single" when input.HasBitConverter("Int32BitsToSingle") && receiver is not null
                            => $"BitConverter.Int32BitsToSingle(BinaryPrimitives.ReverseEndianness({receiver}.ReadInt32()))",
                        "Double" when receiver is not null => $"BitConverter.Int64BitsToDouble(BinaryPrimitives.ReverseEndianness({receiver}.ReadInt64()))",
                        "Single" or "Double" or "Half" => null,
                        _ => $"BinaryPrimitives.ReverseEndianness({original})",
                    };
                    if (reversed is not null && input.HasBinaryPrimitives("ReverseEndianness"))
                    {
                        yield return Replace(input, ReverseEndiannessKey, "Read it big-endian: reverse the bytes that BinaryReader reads little-endian",
                            BinaryPrimitivesNamespace, reversed);
                    }

                    break;
            }
        }

        private static ByteOrderFixOffer Replace(ByteOrderFixInput input, string key, string title, string ns, string code)
            => new(key, title, (editor, namespaces) =>
            {
                namespaces.Add(ns);
                editor.ReplaceNode(input.Invocation, Replacement(code, input.Invocation));
            });

        /// <summary>The bytes to read as a span: the span argument, <c>b</c> for <c>(b, 0)</c>, or <c>b.AsSpan(i)</c>.</summary>
        private static string? Span(ByteOrderFixInput input, string bufferParameter, string? indexParameter)
        {
            var buffer = ArgumentFor(input, bufferParameter);
            if (buffer is null)
            {
                return null;
            }

            var index = indexParameter is null ? null : ArgumentFor(input, indexParameter);
            if (index is null)
            {
                return buffer.Expression.WithoutTrivia().ToString();
            }

            if (index.Expression is LiteralExpressionSyntax { Token.ValueText: "0" })
            {
                return buffer.Expression.WithoutTrivia().ToString();
            }

            return input.HasAsSpan ? $"{Operand(buffer.Expression)}.AsSpan({index.Expression.WithoutTrivia()})" : null;
        }

        private static string? RefElementSpan(ByteOrderFixInput input)
        {
            var source = ArgumentFor(input, "source");
            return source is { Expression: ElementAccessExpressionSyntax { ArgumentList.Arguments.Count: 1 } element }
                && source.RefKindKeyword.IsKind(SyntaxKind.RefKeyword)
                && input.Model.GetTypeInfo(element.Expression).Type is IArrayTypeSymbol
                && input.HasAsSpan
                ? $"{Operand(element.Expression)}.AsSpan({element.ArgumentList.Arguments[0].Expression.WithoutTrivia()})"
                : null;
        }

        /// <summary><c>IPAddress.NetworkToHostOrder(BitConverter.ToInt…(…))</c> with the casts the type needs, or null.</summary>
        private static string? NetworkToHostOrder(ByteOrderFixInput input, string type)
        {
            var invocation = input.Invocation;
            if (invocation.Expression is not MemberAccessExpressionSyntax access)
            {
                return null;
            }

            string WithMethod(string name) => invocation.ReplaceNode(access.Name, SyntaxFactory.IdentifierName(name).WithTriviaFrom(access.Name)).WithoutTrivia().ToString();

            return type switch
            {
                "Int16" or "Int32" or "Int64" => $"IPAddress.NetworkToHostOrder({invocation.WithoutTrivia()})",
                "UInt16" => $"unchecked((ushort)IPAddress.NetworkToHostOrder({WithMethod("ToInt16")}))",
                "Char" => $"unchecked((char)IPAddress.NetworkToHostOrder({WithMethod("ToInt16")}))",
                "UInt32" => $"unchecked((uint)IPAddress.NetworkToHostOrder({WithMethod("ToInt32")}))",
                "UInt64" => $"unchecked((ulong)IPAddress.NetworkToHostOrder({WithMethod("ToInt64")}))",
                "Single" when input.HasBitConverter("Int32BitsToSingle") => $"BitConverter.Int32BitsToSingle(IPAddress.NetworkToHostOrder({WithMethod("ToInt32")}))",
                "Double" => $"BitConverter.Int64BitsToDouble(IPAddress.NetworkToHostOrder({WithMethod("ToInt64")}))",
                _ => null,
            };
        }
    }
}
