using System;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Common;

namespace SocketAnalyzers.ByteOrder
{
    /// <summary>
    /// The Internet checksum (RFC 1071: IP, ICMP, UDP and TCP headers) summed from 16-bit words read in the host's order and
    /// stored back in it: the ones'-complement sum does not depend on byte order (RFC 1071, section 2(B)), so the bytes on
    /// the wire are right on any CPU, and writing the sum big-endian would break them. Richard Blum's <c>ICMP</c> class,
    /// copied into many network courses (fresh63: a course's ping and traceroute), does exactly that:
    /// <code>
    /// public UInt16 Checksum;                                         // Checksum = BitConverter.ToUInt16(data, 22);
    /// public UInt16 GetChecksum()                                     // Buffer.BlockCopy(BitConverter.GetBytes(Checksum), 0, data, 2, 2);
    /// {
    ///     UInt32 chcksm = 0; …
    ///     while (index &lt; packetsize) { chcksm += Convert.ToUInt32(BitConverter.ToUInt16(data, index)); index += 2; }
    ///     chcksm = (chcksm &gt;&gt; 16) + (chcksm &amp; 0xffff); chcksm += (chcksm &gt;&gt; 16);
    ///     return (UInt16)(~chcksm);
    /// }
    /// </code>
    /// A <b>checksum method</b> is a method declared in source that returns a <c>ushort</c> whose every <c>return</c> gives the
    /// complement of a value (<c>~sum</c>, through casts, parentheses and a mask with a constant), and whose body adds
    /// <c>BitConverter.ToUInt16(…)</c> words to something (<c>+=</c>, or <c>x = x + …</c>). A sum of big-endian words
    /// (<c>(data[i] &lt;&lt; 8) | data[i + 1]</c>) is not one: stored in host order, that sum is wrong on a little-endian host.
    /// SOCK020 leaves out a host-order write of such a method's result, or of a <c>ushort</c> field or property named for a
    /// checksum (<c>checksum</c>, <c>chksum</c>, <c>cksum</c> in its name) of a type that declares such a method; SOCK021 a
    /// host-order read stored in such a member. Other numbers of the same type (an identifier, a sequence number) are
    /// reported as before.
    /// </summary>
    internal static class InternetChecksum
    {
        private static readonly ConditionalWeakTable<IMethodSymbol, StrongBox<bool>> Methods = new();
        private static readonly ConditionalWeakTable<INamedTypeSymbol, StrongBox<bool>> Types = new();

        /// <summary>The number a host-order write takes is a checksum computed in the host's order (see the class).</summary>
        public static bool IsChecksum(IOperation? value)
        {
            value = value?.WalkDownConversions();
            return value switch
            {
                IInvocationOperation call => IsChecksumMethod(call.TargetMethod),
                IFieldReferenceOperation field => IsChecksumMember(field.Field, field.Field.Type),
                IPropertyReferenceOperation { Arguments.Length: 0 } property => IsChecksumMember(property.Property, property.Property.Type),
                _ => false,
            };
        }

        /// <summary>A host-order read whose number is stored straight into a checksum member (<c>Checksum = BitConverter.ToUInt16(data, 22);</c>).</summary>
        public static bool IsStoredAsChecksum(IOperation read)
        {
            var current = read;
            var parent = current.WalkUpConversions(out current);
            return parent is ISimpleAssignmentOperation assignment && assignment.Value.WalkDownConversions() == current.WalkDownConversions()
                && IsChecksum(assignment.Target);
        }

        private static bool IsChecksumMember(ISymbol member, ITypeSymbol type)
            => type.SpecialType == SpecialType.System_UInt16
                && NamesChecksum(member.Name)
                && member.ContainingType is { } owner
                && Types.GetValue(owner.OriginalDefinition, static t => new StrongBox<bool>(DeclaresChecksumMethod(t))).Value;

        private static bool NamesChecksum(string name)
            => name.IndexOf("checksum", StringComparison.OrdinalIgnoreCase) >= 0
                || name.IndexOf("chksum", StringComparison.OrdinalIgnoreCase) >= 0
                || name.IndexOf("cksum", StringComparison.OrdinalIgnoreCase) >= 0;

        private static bool DeclaresChecksumMethod(INamedTypeSymbol type)
        {
            foreach (var member in type.GetMembers())
            {
                if (member is IMethodSymbol method && IsChecksumMethod(method))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsChecksumMethod(IMethodSymbol method)
        {
            method = method.OriginalDefinition;
            return method.ReturnType.SpecialType == SpecialType.System_UInt16
                && method.DeclaringSyntaxReferences.Length == 1
                && Methods.GetValue(method, static m => new StrongBox<bool>(HasChecksumShape(m))).Value;
        }

        private static bool HasChecksumShape(IMethodSymbol method)
        {
            if (method.DeclaringSyntaxReferences[0].GetSyntax(CancellationToken.None) is not MethodDeclarationSyntax declaration)
            {
                return false;
            }

            SyntaxNode? body = (SyntaxNode?)declaration.Body ?? declaration.ExpressionBody;
            if (body is null)
            {
                return false;
            }

            var returns = 0;
            var sumsWords = false;
            foreach (var node in body.DescendantNodesAndSelf(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
            {
                switch (node)
                {
                    case ReturnStatementSyntax { Expression: { } returned }:
                        if (!IsComplement(returned))
                        {
                            return false;
                        }

                        returns++;
                        break;
                    case ArrowExpressionClauseSyntax { Expression: { } arrow } when node == body:
                        if (!IsComplement(arrow))
                        {
                            return false;
                        }

                        returns++;
                        break;
                    case AssignmentExpressionSyntax assignment when AddsTo(assignment) && ReadsHostOrderWord(assignment.Right):
                        sumsWords = true;
                        break;
                }
            }

            return returns > 0 && sumsWords;
        }

        /// <summary><c>+=</c>, or <c>x = x + …</c> / <c>x = … + x</c>.</summary>
        private static bool AddsTo(AssignmentExpressionSyntax assignment)
            => assignment.IsKind(SyntaxKind.AddAssignmentExpression)
                || (assignment.IsKind(SyntaxKind.SimpleAssignmentExpression)
                    && Unwrap(assignment.Right) is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } sum
                    && (SyntaxFactory.AreEquivalent(Unwrap(sum.Left), Unwrap(assignment.Left)) || SyntaxFactory.AreEquivalent(Unwrap(sum.Right), Unwrap(assignment.Left))));

        /// <summary>The expression calls <c>BitConverter.ToUInt16(…)</c> (a 16-bit word in the host's order).</summary>
        private static bool ReadsHostOrderWord(ExpressionSyntax expression)
        {
            foreach (var node in expression.DescendantNodesAndSelf())
            {
                if (node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ToUInt16" } access }
                    && access.Expression is IdentifierNameSyntax { Identifier.ValueText: "BitConverter" } or MemberAccessExpressionSyntax { Name.Identifier.ValueText: "BitConverter" })
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary><c>~sum</c>, through casts, parentheses and a mask with a constant (<c>(ushort)(~sum &amp; 0xFFFF)</c>).</summary>
        private static bool IsComplement(ExpressionSyntax expression)
        {
            var value = Unwrap(expression);
            if (value is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.BitwiseAndExpression } mask)
            {
                value = Unwrap(mask.Left) is PrefixUnaryExpressionSyntax ? Unwrap(mask.Left) : Unwrap(mask.Right);
            }

            return value is PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.BitwiseNotExpression };
        }

        private static ExpressionSyntax Unwrap(ExpressionSyntax expression) => SyntaxNames.WithoutWrappers(expression, casts: true);
    }
}
