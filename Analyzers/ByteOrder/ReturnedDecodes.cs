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
            => use == (api.LittleEndianAlways ? ResultUse.ComparedWithLittleEndianDecode : ResultUse.ComparedWithHostDecode)
                && !ImplementsInterface(method.OriginalDefinition);

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
