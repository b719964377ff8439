using Microsoft.CodeAnalysis;

namespace SocketAnalyzers.Common
{
    /// <summary>What the types nested in a type can do to its private fields.</summary>
    internal static class NestedTypes
    {
        /// <summary>
        /// Every identifier the code of the type's nested types (those with code, recursively, in every part and file)
        /// uses, or null when it nests none. A private field of the type whose name is not among them cannot be touched
        /// there (only code that names it can reach it: <c>outer.socket</c>, or <c>socket</c> for a static one), so it can
        /// still be summarised (mut39 #20: a server class nesting a small struct with properties). Read from syntax.
        /// </summary>
        public static System.Collections.Generic.HashSet<string>? NamesInCode(INamedTypeSymbol type, System.Threading.CancellationToken cancellationToken)
        {
            System.Collections.Generic.HashSet<string>? names = null;
            foreach (var nested in type.GetTypeMembers())
            {
                if (nested.TypeKind is TypeKind.Delegate or TypeKind.Enum)
                {
                    continue;
                }

                names ??= new System.Collections.Generic.HashSet<string>(System.StringComparer.Ordinal);
                foreach (var reference in nested.DeclaringSyntaxReferences)
                {
                    foreach (var token in reference.GetSyntax(cancellationToken).DescendantTokens())
                    {
                        if (token.RawKind == (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.IdentifierToken)
                        {
                            names.Add(token.ValueText);
                        }
                    }
                }
            }

            return names;
        }
    }
}
