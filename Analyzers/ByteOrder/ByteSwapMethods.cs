using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SocketAnalyzers.Common;

namespace SocketAnalyzers.ByteOrder
{
    /// <summary>
    /// A method of the project that returns its one number with the bytes reversed: the hand-written byte swap
    /// (<c>static int ToBigEndian(int v) =&gt; ((v &amp; 0xFF) &lt;&lt; 24) | ((v &amp; 0xFF00) &lt;&lt; 8) | ((v &gt;&gt; 8) &amp; 0xFF00) | ((v &gt;&gt; 24) &amp; 0xFF);</c>,
    /// fresh38 F1), or the same swap only when <c>BitConverter.IsLittleEndian</c> (a hand-written <c>HostToNetworkOrder</c>).
    /// Its result is a converted number, as <c>BinaryPrimitives.ReverseEndianness</c>'s is: <c>writer.Write(ToBigEndian(n))</c>
    /// puts big-endian bytes on the wire.
    /// </summary>
    /// <remarks>
    /// Read from the callee's syntax only (an analyzer may not bind another file), and proved, not guessed by name: the
    /// returned expression, made of the parameter, integer literals, casts to integer types, <c>&amp;</c>, <c>|</c>,
    /// <c>^</c>, <c>+</c>, <c>&lt;&lt;</c>, <c>&gt;&gt;</c> and <c>&gt;&gt;&gt;</c> by constants, is evaluated bit by bit
    /// under C#'s promotions (which source bit of the parameter, or zero, each bit of the result is), and every byte must
    /// land at its mirror position. A sum or a bitwise or of two values that may both have a bit set, a bit that stays one
    /// or unknown, or anything else in the expression, and it is no swap. An arithmetic right shift of a signed number is
    /// taken as filling with zeros: <c>(v &gt;&gt; 24)</c> without a mask swaps every non-negative <c>int</c> (a length, a
    /// count), and a sign bug of the swap is not the byte-order bug this rule is about.
    /// </remarks>
    internal static class ByteSwapMethods
    {
        private const int Zero = -1;
        private const int Unknown = -2;
        private const int MaxNodes = 256;

        /// <summary>
        /// The cheap half of <see cref="IsByteSwap"/>, from the symbol alone: a method of the project with one number of 16,
        /// 32 or 64 bits by value that returns a number of the same width. Asked at every call the catalogue does not know.
        /// </summary>
        public static bool MayBeByteSwap(IMethodSymbol method)
        {
            // The return type first: the byte-order relevance test asks about most calls of a body, and nearly all of them
            // return no integer (each of the other questions is a call into the compiler, the parameters a new array).
            var original = (method.ReducedFrom ?? method).OriginalDefinition;
            return WidthOf(original.ReturnType) is { } width && width != 8
                && original is { MethodKind: MethodKind.Ordinary, IsVirtual: false, IsAbstract: false, IsOverride: false, IsExtern: false, IsPartialDefinition: false, Parameters.Length: 1 }
                && original.DeclaringSyntaxReferences.Length == 1
                && original.Parameters[0].RefKind == RefKind.None
                && WidthOf(original.Parameters[0].Type) == width;
        }

        /// <summary>True when <paramref name="method"/> is such a swap; false on metadata, partial and abstract methods.</summary>
        public static bool IsByteSwap(IMethodSymbol method, System.Threading.CancellationToken cancellationToken)
        {
            var original = (method.ReducedFrom ?? method).OriginalDefinition;
            if (!MayBeByteSwap(original))
            {
                return false;
            }

            var declaration = original.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
            if (CountUpTo(declaration.DescendantNodesAndSelf(), MaxNodes + 1) > MaxNodes)
            {
                return false;
            }

            var parameter = original.Parameters[0];
            ExpressionSyntax? body = null;
            (ExpressionSyntax Condition, ExpressionSyntax WhenTrue, ExpressionSyntax WhenFalse)? choice = null;
            System.Collections.Generic.Dictionary<string, ExpressionSyntax>? aliases = null;
            if (Common.OperationExtensions.ReturnedExpressionOf(declaration) is { } returned)
            {
                body = Strip(returned);
                if (body is ConditionalExpressionSyntax { Condition: var condition, WhenTrue: var whenTrue, WhenFalse: var whenFalse })
                {
                    choice = (condition, whenTrue, whenFalse);
                }
            }
            else
            {
                aliases = new System.Collections.Generic.Dictionary<string, ExpressionSyntax>(StringComparer.Ordinal);
                choice = GuardedReturns(declaration, aliases);
            }

            var evaluator = new Evaluator(parameter.Name, ValueType.Of(parameter.Type)!.Value, aliases);

            if (choice is var (test, yes, no))
            {
                test = Strip(test);
                while (test is PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalNotExpression, Operand: var negated })
                {
                    test = Strip(negated);
                    (yes, no) = (no, yes);
                }

                if (IsHostLittleEndianFlag(test))
                {
                    // BitConverter.IsLittleEndian ? swap : value, or if (BitConverter.IsLittleEndian) return swap; return value;
                    // (fresh59 F1, a VNC server's SwapBytes): a hand-written HostToNetworkOrder.
                    return evaluator.IsIdentity(no, original.ReturnType) && evaluator.IsSwap(yes, original.ReturnType);
                }
            }

            return body is not null && evaluator.IsSwap(body, original.ReturnType);
        }

        /// <summary>
        /// A body of two returns chosen by one test: <c>if (c) return a; return b;</c> or <c>if (c) return a; else return b;</c>
        /// (each return alone, or in a block after locals given one value each, <c>var u = (uint)value;</c>, collected in
        /// <paramref name="aliases"/>), as <c>c ? a : b</c>; null for any other body.
        /// </summary>
        private static (ExpressionSyntax Condition, ExpressionSyntax WhenTrue, ExpressionSyntax WhenFalse)? GuardedReturns(SyntaxNode declaration, System.Collections.Generic.Dictionary<string, ExpressionSyntax> aliases)
        {
            if (declaration is not MethodDeclarationSyntax { Body.Statements: var statements })
            {
                return null;
            }

            if (statements.Count == 2 && statements[0] is IfStatementSyntax { Else: null } first
                && ReturnOf(first.Statement) is { } whenTrue && ReturnOf(statements[1]) is { } whenFalse)
            {
                return (first.Condition, whenTrue, whenFalse);
            }

            if (statements.Count == 1 && statements[0] is IfStatementSyntax { Else.Statement: var other } only
                && ReturnOf(only.Statement) is { } thenValue && ReturnOf(other) is { } elseValue)
            {
                return (only.Condition, thenValue, elseValue);
            }

            return null;

            ExpressionSyntax? ReturnOf(StatementSyntax statement)
            {
                if (statement is ReturnStatementSyntax { Expression: { } value })
                {
                    return value;
                }

                if (statement is not BlockSyntax { Statements: { Count: > 0 } inner } || inner[inner.Count - 1] is not ReturnStatementSyntax { Expression: { } last })
                {
                    return null;
                }

                for (var i = 0; i < inner.Count - 1; i++)
                {
                    if (inner[i] is not LocalDeclarationStatementSyntax { Declaration.Variables: { Count: 1 } variables } local || local.Modifiers.Count != 0
                        || variables[0].Initializer?.Value is not { } initial
                        || aliases.ContainsKey(variables[0].Identifier.ValueText))
                    {
                        return null;
                    }

                    aliases.Add(variables[0].Identifier.ValueText, initial);
                }

                return last;
            }
        }

        private static int CountUpTo(System.Collections.Generic.IEnumerable<SyntaxNode> nodes, int most)
        {
            var count = 0;
            foreach (var unused in nodes)
            {
                if (++count >= most)
                {
                    break;
                }
            }

            return count;
        }

        private static bool IsHostLittleEndianFlag(ExpressionSyntax condition)
            => condition is MemberAccessExpressionSyntax { Name.Identifier.ValueText: nameof(BitConverter.IsLittleEndian), Expression: var owner }
                && owner is IdentifierNameSyntax { Identifier.ValueText: nameof(BitConverter) } or MemberAccessExpressionSyntax { Name.Identifier.ValueText: nameof(BitConverter) };

        private static ExpressionSyntax Strip(ExpressionSyntax expression) => SyntaxNames.WithoutWrappers(expression, casts: false);

        private static int? WidthOf(ITypeSymbol type) => ValueType.Of(type)?.Width;

        /// <summary>An integer type: its width in bits and whether it is signed.</summary>
        private readonly struct ValueType
        {
            public ValueType(int width, bool signed)
            {
                Width = width;
                Signed = signed;
            }

            public int Width { get; }

            public bool Signed { get; }

            public static ValueType? Of(ITypeSymbol type) => Of(type.SpecialType);

            public static ValueType? Of(SpecialType type) => type switch
            {
                SpecialType.System_Byte => new ValueType(8, false),
                SpecialType.System_SByte => new ValueType(8, true),
                SpecialType.System_UInt16 => new ValueType(16, false),
                SpecialType.System_Int16 => new ValueType(16, true),
                SpecialType.System_UInt32 => new ValueType(32, false),
                SpecialType.System_Int32 => new ValueType(32, true),
                SpecialType.System_UInt64 => new ValueType(64, false),
                SpecialType.System_Int64 => new ValueType(64, true),
                _ => null,
            };

            public static ValueType? Of(SyntaxKind keyword) => keyword switch
            {
                SyntaxKind.ByteKeyword => new ValueType(8, false),
                SyntaxKind.SByteKeyword => new ValueType(8, true),
                SyntaxKind.UShortKeyword => new ValueType(16, false),
                SyntaxKind.ShortKeyword => new ValueType(16, true),
                SyntaxKind.UIntKeyword => new ValueType(32, false),
                SyntaxKind.IntKeyword => new ValueType(32, true),
                SyntaxKind.ULongKeyword => new ValueType(64, false),
                SyntaxKind.LongKeyword => new ValueType(64, true),
                _ => null,
            };
        }

        /// <summary>A value's type, and for each of its bits the parameter's bit it holds, <see cref="Zero"/> or <see cref="Unknown"/>.</summary>
        private sealed class Bits
        {
            public Bits(ValueType type, int[] source, ulong? constant = null)
            {
                Type = type;
                Source = source;
                Constant = constant;
            }

            public ValueType Type { get; }

            public int[] Source { get; }

            /// <summary>The value when it is a literal (its bits are then <see cref="Zero"/> or <see cref="Unknown"/>).</summary>
            public ulong? Constant { get; }

            /// <summary>C#'s conversion to <paramref name="type"/>: the low bits kept, or extended by the sign bit (signed source) or zeros.</summary>
            public Bits To(ValueType type)
            {
                var result = new int[type.Width];
                for (var i = 0; i < type.Width; i++)
                {
                    result[i] = i < Type.Width ? Source[i] : Type.Signed ? Source[Type.Width - 1] : Zero;
                }

                return new Bits(type, result, Constant is { } value ? Truncate(SignExtend(value), type.Width) : null);
            }

            private ulong SignExtend(ulong value)
                => Type.Signed && Type.Width < 64 && (value & (1UL << (Type.Width - 1))) != 0 ? value | (ulong.MaxValue << Type.Width) : value;

            private static ulong Truncate(ulong value, int width) => width == 64 ? value : value & ((1UL << width) - 1);
        }

        private sealed class Evaluator
        {
            private static readonly ValueType Int = new(32, true);
            private static readonly ValueType UInt = new(32, false);
            private static readonly ValueType Long = new(64, true);
            private static readonly ValueType ULong = new(64, false);

            private readonly string parameter;
            private readonly ValueType parameterType;
            private readonly System.Collections.Generic.Dictionary<string, ExpressionSyntax>? aliases;
            private int aliasDepth;

            /// <param name="aliases">Locals of the body given one value each (<c>var u = (uint)value;</c>): a use stands for that value.</param>
            public Evaluator(string parameter, ValueType parameterType, System.Collections.Generic.Dictionary<string, ExpressionSyntax>? aliases = null)
            {
                this.parameter = parameter;
                this.parameterType = parameterType;
                this.aliases = aliases;
            }

            /// <summary>The expression, converted to <paramref name="returnType"/>, is the parameter with its bytes in reverse order.</summary>
            public bool IsSwap(ExpressionSyntax expression, ITypeSymbol returnType)
                => Result(expression, returnType) is { } bits && Matches(bits, reversed: true);

            /// <summary>The expression, converted to <paramref name="returnType"/>, is the parameter as it is.</summary>
            public bool IsIdentity(ExpressionSyntax expression, ITypeSymbol returnType)
                => Result(expression, returnType) is { } bits && Matches(bits, reversed: false);

            private Bits? Result(ExpressionSyntax expression, ITypeSymbol returnType)
                => ValueType.Of(returnType) is { } type && Evaluate(expression) is { } bits ? bits.To(type) : null;

            private bool Matches(Bits bits, bool reversed)
            {
                var width = parameterType.Width;
                if (bits.Type.Width != width)
                {
                    return false;
                }

                for (var i = 0; i < width; i++)
                {
                    var expected = reversed ? ((((width / 8) - 1 - (i / 8)) * 8) + (i % 8)) : i;
                    if (bits.Source[i] != expected)
                    {
                        return false;
                    }
                }

                return true;
            }

            private Bits? Evaluate(ExpressionSyntax expression)
            {
                switch (expression)
                {
                    case ParenthesizedExpressionSyntax parenthesized:
                        return Evaluate(parenthesized.Expression);
                    case CheckedExpressionSyntax @checked:
                        return Evaluate(@checked.Expression);
                    case IdentifierNameSyntax identifier when identifier.Identifier.ValueText == parameter:
                        return Parameter();
                    case IdentifierNameSyntax identifier when aliases is not null && aliasDepth < 4 && aliases.TryGetValue(identifier.Identifier.ValueText, out var value):
                        // A local given one value: that value (a chain of at most a few, never a cycle).
                        aliasDepth++;
                        try
                        {
                            return Evaluate(value);
                        }
                        finally
                        {
                            aliasDepth--;
                        }

                    case LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NumericLiteralExpression } literal:
                        return Literal(literal.Token.Value);
                    case CastExpressionSyntax { Type: PredefinedTypeSyntax predefined } cast
                        when ValueType.Of((SyntaxKind)predefined.Keyword.RawKind) is { } target:
                        return Evaluate(cast.Expression)?.To(target);
                    case BinaryExpressionSyntax binary:
                        return Binary(binary);
                    default:
                        return null;
                }
            }

            private Bits Parameter()
            {
                var source = new int[parameterType.Width];
                for (var i = 0; i < source.Length; i++)
                {
                    source[i] = i;
                }

                return new Bits(parameterType, source);
            }

            private static Bits? Literal(object? value)
            {
                var (type, bits) = value switch
                {
                    int i => (Int, unchecked((ulong)i)),
                    uint u => (UInt, u),
                    long l => (Long, unchecked((ulong)l)),
                    ulong ul => (ULong, ul),
                    _ => (default(ValueType?), 0UL),
                };

                if (type is not { } known)
                {
                    return null;
                }

                var source = new int[known.Width];
                for (var i = 0; i < source.Length; i++)
                {
                    source[i] = ((bits >> i) & 1) != 0 ? Unknown : Zero;
                }

                return new Bits(known, source, bits);
            }

            private Bits? Binary(BinaryExpressionSyntax binary)
            {
                if (Evaluate(binary.Left) is not { } left)
                {
                    return null;
                }

                switch (binary.Kind())
                {
                    case SyntaxKind.LeftShiftExpression:
                    case SyntaxKind.RightShiftExpression:
                    case SyntaxKind.UnsignedRightShiftExpression:
                        return Evaluate(binary.Right) is { Constant: { } count } ? Shift(Promote(left), binary.Kind(), (int)count) : null;
                    case SyntaxKind.BitwiseAndExpression:
                    case SyntaxKind.BitwiseOrExpression:
                    case SyntaxKind.ExclusiveOrExpression:
                    case SyntaxKind.AddExpression:
                        if (Evaluate(binary.Right) is not { } right || Common(left, right) is not { } type)
                        {
                            return null;
                        }

                        return Combine(left.To(type), right.To(type), binary.Kind() == SyntaxKind.BitwiseAndExpression);
                    default:
                        return null;
                }
            }

            /// <summary>The unary promotion of a shift's left operand: anything narrower than <c>int</c> becomes an <c>int</c>.</summary>
            private static Bits Promote(Bits value) => value.Type.Width < 32 ? value.To(Int) : value;

            private static Bits Shift(Bits value, SyntaxKind kind, int count)
            {
                var width = value.Type.Width;
                count &= width - 1;
                var result = new int[width];
                for (var i = 0; i < width; i++)
                {
                    result[i] = kind == SyntaxKind.LeftShiftExpression
                        ? i >= count ? value.Source[i - count] : Zero
                        : i + count < width ? value.Source[i + count]
                        : Zero;
                }

                return new Bits(value.Type, result);
            }

            /// <summary>
            /// <c>&amp;</c> keeps a bit where one side is a constant one; <c>|</c>, <c>^</c> and <c>+</c> take the one side
            /// that is not zero (no carry and no overlap then), and give up where both may be set.
            /// </summary>
            private static Bits? Combine(Bits left, Bits right, bool and)
            {
                var width = left.Type.Width;
                var result = new int[width];
                for (var i = 0; i < width; i++)
                {
                    int l = left.Source[i], r = right.Source[i];
                    if (and)
                    {
                        result[i] = l == Zero || r == Zero ? Zero
                            : right.Constant is not null ? l
                            : left.Constant is not null ? r
                            : Unknown;
                    }
                    else
                    {
                        result[i] = l == Zero ? r : r == Zero ? l : Unknown;
                    }

                    if (result[i] == Unknown)
                    {
                        return null;
                    }
                }

                return new Bits(left.Type, result);
            }

            /// <summary>
            /// C#'s binary numeric promotion of two integer operands, with the implicit conversion of a constant that fits
            /// (<c>uint &amp; 0xFF</c> is a <c>uint</c>); null for the mixes C# rejects (<c>ulong</c> with a signed value).
            /// </summary>
            private static ValueType? Common(Bits left, Bits right)
            {
                ValueType a = Promote(left).Type, b = Promote(right).Type;
                if (a.Width == 64 || b.Width == 64)
                {
                    if ((!a.Signed && a.Width == 64) || (!b.Signed && b.Width == 64))
                    {
                        var other = !a.Signed && a.Width == 64 ? (right, b) : (left, a);
                        return !other.Item2.Signed || (other.Item1.Constant is { } c && !IsNegative(c, other.Item2)) ? ULong : null;
                    }

                    return Long;
                }

                if (a.Signed == b.Signed)
                {
                    return a;
                }

                var signed = a.Signed ? left : right;
                return signed.Constant is { } constant && !IsNegative(constant, Int) ? UInt : Long;
            }

            private static bool IsNegative(ulong value, ValueType type) => type.Signed && (value & (1UL << (type.Width - 1))) != 0;
        }
    }
}
