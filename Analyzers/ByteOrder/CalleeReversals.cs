using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SocketAnalyzers.ByteOrder
{
    /// <summary>
    /// Whether a method of the project may reverse or rewrite, in place, the bytes of an array or span it is given: the
    /// project's own byte swap (<c>static void ToNetworkOrder(byte[] b) { if (BitConverter.IsLittleEndian)
    /// Array.Reverse(b); }</c>). Bytes handed to such a method come back in an order the body cannot know, so they are no
    /// longer host order (SOCK020) or received as they came (SOCK021), as after an <c>Array.Reverse</c> written in the body.
    /// Read from the callee's syntax only (an analyzer may not bind another file): its parameter named in a <c>Reverse</c>
    /// call, given an element (<c>b[0] = …</c>, <c>b[i]++</c>), or passed by <c>ref</c> or <c>out</c>. A method without a
    /// body the project shows (abstract, an interface's, partial without implementation) may do anything: it may reverse.
    /// </summary>
    internal static class CalleeReversals
    {
        private const int MaxNodes = 4096;

        public static bool MayReverseParameter(IMethodSymbol method, int ordinal, CancellationToken cancellationToken)
        {
            var original = (method.PartialImplementationPart ?? method).OriginalDefinition;
            if (original.IsAbstract || original.ContainingType?.TypeKind == TypeKind.Interface)
            {
                return true;
            }

            if (original.DeclaringSyntaxReferences.IsEmpty || ordinal < 0 || ordinal >= original.Parameters.Length)
            {
                return false;
            }

            var name = original.Parameters[ordinal].Name;
            foreach (var reference in original.DeclaringSyntaxReferences)
            {
                var declaration = reference.GetSyntax(cancellationToken);
                SyntaxNode? body = declaration switch
                {
                    BaseMethodDeclarationSyntax m => (SyntaxNode?)m.Body ?? m.ExpressionBody,
                    LocalFunctionStatementSyntax f => (SyntaxNode?)f.Body ?? f.ExpressionBody,
                    _ => null,
                };
                if (body is null)
                {
                    // A partial definition or an extern: nothing shown.
                    return true;
                }

                var visited = 0;
                foreach (var node in body.DescendantNodes())
                {
                    if (++visited > MaxNodes)
                    {
                        return true;
                    }

                    if (node is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == name && Writes(identifier))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// The parameter's name in a place that may change its bytes: given an element; passed by <c>ref</c>/<c>out</c>; the
        /// array (or a span over it, <c>b.AsSpan(…)</c>) reversed, filled, cleared or sorted (<c>Array.Reverse(b)</c>,
        /// <c>b.AsSpan().Reverse()</c>; also <c>b.Reverse()</c>, which C# 14 binds to the in-place span reversal and older
        /// versions to LINQ's copy: read from syntax alone, it may reverse); the destination of a copy (<c>Array.Copy(t, b, 4)</c>, <c>Buffer.BlockCopy(t, 0, b,
        /// 0, 4)</c>, <c>t.CopyTo(b, 0)</c>); or written in an explicit order (<c>BinaryPrimitives.WriteInt32BigEndian(b, v)</c>).
        /// Any other use (a send, a decode, a log) only reads it.
        /// </summary>
        private static bool Writes(IdentifierNameSyntax identifier)
        {
            SyntaxNode node = identifier;
            var argumentIndex = -1;
            for (var depth = 0; depth < 8 && node.Parent is { } parent; depth++, node = parent)
            {
                switch (parent)
                {
                    case ArgumentSyntax argument:
                        if (!argument.RefKindKeyword.IsKind(SyntaxKind.None) && !argument.RefKindKeyword.IsKind(SyntaxKind.InKeyword))
                        {
                            return true;
                        }

                        argumentIndex = argument.Parent is ArgumentListSyntax list ? list.Arguments.IndexOf(argument) : -1;
                        continue;
                    case ArgumentListSyntax:
                        continue;
                    case ElementAccessExpressionSyntax access when access.Expression == node:
                        return access.Parent switch
                        {
                            AssignmentExpressionSyntax assignment => assignment.Left == access,
                            PrefixUnaryExpressionSyntax or PostfixUnaryExpressionSyntax => true,
                            // (b[0], b[3]) = (b[3], b[0])
                            ArgumentSyntax { Parent: TupleExpressionSyntax tuple } => tuple.Parent is AssignmentExpressionSyntax swap && swap.Left == tuple,
                            _ => false,
                        };
                    case MemberAccessExpressionSyntax member when member.Expression == node:
                        // The receiver of a call: b.Reverse(), b.AsSpan(0, 4).Reverse().
                        if (member.Parent is not InvocationExpressionSyntax call || call.Expression != member)
                        {
                            return false;
                        }

                        switch (member.Name.Identifier.ValueText)
                        {
                            case "Reverse" or "Fill" or "Clear" or "Sort":
                                return true;
                            case "AsSpan" or "AsMemory" or "Slice" or "Span":
                                node = member;
                                parent = call;
                                argumentIndex = -1;
                                continue;
                            default:
                                return false;
                        }

                    case InvocationExpressionSyntax invocation when argumentIndex >= 0:
                        return SocketAnalyzers.Common.SyntaxNames.CalledName(invocation) is { } name
                            && (name is "Reverse" or "Fill" or "Clear" or "Sort" ? argumentIndex == 0
                                : name is "Copy" or "BlockCopy" ? argumentIndex > 0
                                : name == "CopyTo" || name.EndsWith("Endian", System.StringComparison.Ordinal));
                    case ParenthesizedExpressionSyntax or CastExpressionSyntax:
                        continue;
                    default:
                        return false;
                }
            }

            return false;
        }
    }
}
