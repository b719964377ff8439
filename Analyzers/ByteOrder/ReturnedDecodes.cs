using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SocketAnalyzers.ByteOrder
{
    /// <summary>How a body uses the number a call returns (<see cref="ByteSummary.ResultUses"/>); the uses of all calls combine.</summary>
    [Flags]
    internal enum ResultUse
    {
        None = 0,

        /// <summary>Only an operand of <c>==</c> or <c>!=</c> whose other operand is a host-order read of the same type.</summary>
        ComparedWithHostDecode = 1,

        /// <summary>The same, with a read that is little-endian on every CPU (<c>BinaryReader</c>, <c>BinaryPrimitives…LittleEndian</c>).</summary>
        ComparedWithLittleEndianDecode = 2,

        /// <summary>Any other use, or a use the analysis cannot see (a method group, a delegate).</summary>
        Other = 4,

        /// <summary>
        /// A use no byte order can change: an operand of <c>==</c> or <c>!=</c> against a constant whose bytes read the same
        /// either way (<c>0x0101</c>, <c>0</c>, <c>-1</c>), or a local given the number and never read (fresh43: a STUN
        /// client's <c>short port = r.ReadInt16();</c> left unused).
        /// </summary>
        OrderFree = 8,

        /// <summary>
        /// An operand of <c>==</c> or <c>!=</c> against a constant written byte-reversed (<see cref="ReturnedDecodes.LooksByteSwapped"/>:
        /// <c>0x0100</c> for 1): the order a little-endian read gives, so no byte order can change it after a read that is
        /// little-endian on every CPU (fresh47: a STUN reader's <c>r.ReadInt16() == 0x0100</c>); after a host-order read it
        /// depends on the CPU.
        /// </summary>
        ComparedWithLittleEndianConstant = 16,
    }

    /// <summary>
    /// SOCK021 across one call: a helper that returns a host-order read of bytes its callers received (a CRC taken from a
    /// frame) and whose every call in the compilation only tests the number for equality with a number read the same way
    /// (the CRC computed locally). Equality of two numbers decoded alike does not depend on the byte order, as in one body
    /// (<see cref="ByteScope.OnlyComparedWithDecodes"/>), so the read is not reported. Decided at the end of the
    /// compilation, with the other reads whose bytes come from other methods (<see cref="CrossMethodBytes"/>).
    /// </summary>
    internal static class ReturnedDecodes
    {
        /// <summary>
        /// <paramref name="method"/> may be such a helper, and every call to it is seen: an ordinary method of the
        /// compilation that returns a number and that no virtual dispatch reaches (not virtual, abstract or an override).
        /// Whether it implements an interface is asked at the end (<see cref="OnlyComparedWithDecodes"/>), for the few
        /// that return a read.
        /// </summary>
        public static bool MayReturnDecode(IMethodSymbol method)
        {
            method = method.ReducedFrom ?? method;
            return method.MethodKind == MethodKind.Ordinary
                && method.ReturnType.SpecialType is SpecialType.System_Int16 or SpecialType.System_UInt16 or SpecialType.System_Int32
                    or SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64 or SpecialType.System_Single
                    or SpecialType.System_Double
                && !method.IsVirtual && !method.IsAbstract && !method.IsOverride && !method.IsExtern
                && !method.DeclaringSyntaxReferences.IsEmpty;
        }

        /// <summary>
        /// True when the read of <paramref name="api"/> that <paramref name="method"/> returns needs no conversion: the
        /// compilation's calls to it (<paramref name="use"/>, all of them) only compare its result with reads in the same
        /// order, and no call through an interface can reach it.
        /// </summary>
        public static bool OnlyComparedWithDecodes(IMethodSymbol method, ResultUse use, HostOrderApi api)
            => IsOrderFreeUse(use, api) && !ImplementsInterface(method.OriginalDefinition);

        /// <summary>
        /// Every use of the number is an equality with a number read in <paramref name="api"/>'s order (or, for a read that is
        /// little-endian on every CPU, with a constant written in that order), or one no byte order can change
        /// (<see cref="ResultUse.OrderFree"/>), and there is at least one use.
        /// </summary>
        public static bool IsOrderFreeUse(ResultUse use, HostOrderApi api)
        {
            var decodes = use & ~ResultUse.OrderFree & ~(api.LittleEndianAlways ? ResultUse.ComparedWithLittleEndianConstant : ResultUse.None);
            return use != ResultUse.None
                && (decodes == ResultUse.None || decodes == (api.LittleEndianAlways ? ResultUse.ComparedWithLittleEndianDecode : ResultUse.ComparedWithHostDecode));
        }

        /// <summary>
        /// <paramref name="constant"/> has the same bytes in either order at the width of <paramref name="type"/> (a 16, 32 or
        /// 64-bit integer): a test against it gives the same answer whichever order the number was read in.
        /// </summary>
        public static bool IsByteSymmetric(object? constant, ITypeSymbol type)
        {
            if (Bits(constant, type, out var width) is not { } bits)
            {
                return false;
            }

            for (var i = 0; i < width / 2; i++)
            {
                if (((bits >> (8 * i)) & 0xFF) != ((bits >> (8 * (width - 1 - i))) & 0xFF))
                {
                    return false;
                }
            }

            // Past the width, the bits must be what widening the number gives (all zeros, or all ones for a negative one).
            var rest = width == 8 ? 0UL : bits >> (8 * width);
            var top = width == 8 ? 0UL : ulong.MaxValue >> (8 * width);
            return width == 8 || rest == 0 || rest == top;
        }

        /// <summary>
        /// <paramref name="constant"/> reads as a smaller number with its bytes reversed at the width of <paramref name="type"/>
        /// (<c>0x0100</c> is 1 reversed, <c>0x2000</c> is 0x20): written already in the order a little-endian read gives
        /// (fresh47: an XMPP library's STUN reader tests <c>r.ReadInt16()</c> against <c>0x0100</c> for the attribute 0x0001).
        /// A number tested only against such constants was read in the order its tests expect: no certain misuse.
        /// </summary>
        public static bool LooksByteSwapped(object? constant, ITypeSymbol type)
        {
            if (Bits(constant, type, out var width) is not { } raw)
            {
                return false;
            }

            var bits = width == 8 ? raw : raw & ((1UL << (8 * width)) - 1);
            ulong reversed = 0;
            for (var i = 0; i < width; i++)
            {
                reversed = (reversed << 8) | ((bits >> (8 * i)) & 0xFF);
            }

            return reversed < bits;
        }

        /// <summary>The bits of an integer constant (sign-extended to 64), with the width of <paramref name="type"/> in bytes (2, 4 or 8); null for any other.</summary>
        private static ulong? Bits(object? constant, ITypeSymbol type, out int width)
        {
            width = type.SpecialType switch
            {
                SpecialType.System_Int16 or SpecialType.System_UInt16 => 2,
                SpecialType.System_Int32 or SpecialType.System_UInt32 => 4,
                SpecialType.System_Int64 or SpecialType.System_UInt64 => 8,
                _ => 0,
            };
            if (width == 0 || constant is null or bool or string or float or double or decimal or char)
            {
                return null;
            }

            try
            {
                return constant is ulong unsigned ? unsigned : unchecked((ulong)System.Convert.ToInt64(constant, System.Globalization.CultureInfo.InvariantCulture));
            }
            catch (System.OverflowException)
            {
                return null;
            }
        }

        /// <summary>
        /// True when <paramref name="read"/> is what the method around it returns as written: the expression of its
        /// <c>return</c> statement or of its <c>=&gt;</c> body (through parentheses only: a cast changes the number's type).
        /// </summary>
        public static bool IsReturnedAsIs(SyntaxNode read)
        {
            var node = read;
            while (node.Parent is ParenthesizedExpressionSyntax parenthesized)
            {
                node = parenthesized;
            }

            return node.Parent is ReturnStatementSyntax
                || node.Parent is ArrowExpressionClauseSyntax { Parent: MethodDeclarationSyntax };
        }

        private static bool ImplementsInterface(IMethodSymbol method)
        {
            var type = method.ContainingType;
            if (type is null)
            {
                return true;
            }

            foreach (var face in type.AllInterfaces)
            {
                foreach (var member in face.GetMembers(method.Name))
                {
                    if (SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(member), method))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
