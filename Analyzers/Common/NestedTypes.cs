using Microsoft.CodeAnalysis;

namespace SocketAnalyzers.Common
{
    /// <summary>What the types nested in a type can do to its private fields.</summary>
    internal static class NestedTypes
    {
        /// <summary>
        /// The type nests a type that may hold code (a class, a struct, an interface with default members): it could touch
        /// the type's private fields where a symbol-start action of the type does not see it. A nested delegate or enum
        /// type has no code (the Windows Forms pattern <c>delegate void SetTextCallback(string text);</c> of a form:
        /// mut38 #08), so the families that summarise a type's private fields keep following them there.
        /// </summary>
        public static bool HoldCode(INamedTypeSymbol type)
        {
            foreach (var nested in type.GetTypeMembers())
            {
                if (nested.TypeKind is not (TypeKind.Delegate or TypeKind.Enum))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
