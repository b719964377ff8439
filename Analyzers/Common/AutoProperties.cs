using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SocketAnalyzers.Common
{
    /// <summary>Properties whose value the compiler keeps in a hidden field: reading or setting one runs no code of the project.</summary>
    internal static class AutoProperties
    {
        /// <summary>A property of the source whose every declaration has accessors without bodies (<c>{ get; private set; }</c>); false for a property of metadata.</summary>
        public static bool IsAutoProperty(IPropertySymbol property, CancellationToken cancellationToken = default)
        {
            if (property.DeclaringSyntaxReferences.IsEmpty)
            {
                return false;
            }

            foreach (var reference in property.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is not PropertyDeclarationSyntax declaration || !IsAutoProperty(declaration))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Accessors without bodies (<c>{ get; private set; }</c>): the compiler keeps the value in a hidden field.</summary>
        public static bool IsAutoProperty(PropertyDeclarationSyntax declaration)
        {
            if (declaration.ExpressionBody is not null || declaration.AccessorList is not { Accessors.Count: > 0 } accessors)
            {
                return false;
            }

            foreach (var accessor in accessors.Accessors)
            {
                if (accessor.Body is not null || accessor.ExpressionBody is not null)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
