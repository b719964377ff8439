using System.Collections.Concurrent;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace SocketAnalyzers.Reads
{
    /// <summary>
    /// Private fields that only their initializer and their type's constructors (for a static field, its static constructor)
    /// assign: <c>readonly</c> in all but name
    /// (<c>TcpClient tcpClient = new TcpClient();</c> of a course chat client). Decided once per field for the compilation
    /// from the uses in the file being analyzed; a part of the type in another file that names the field, or a use we cannot
    /// bind, makes it changeable.
    /// </summary>
    internal sealed class UnchangedFields
    {
        private readonly ConcurrentDictionary<IFieldSymbol, bool> known = new(SymbolEqualityComparer.Default);

        public bool IsUnchanged(IFieldSymbol field, SemanticModel? model, CancellationToken cancellationToken)
        {
            if (field.IsReadOnly)
            {
                return true;
            }

            if (model is null
                || field is not { IsConst: false, IsImplicitlyDeclared: false, DeclaredAccessibility: Accessibility.Private, ContainingType.TypeKind: TypeKind.Class }
                || field.DeclaringSyntaxReferences.Length == 0)
            {
                return false;
            }

            if (known.TryGetValue(field, out var answer))
            {
                return answer;
            }

            answer = true;
            foreach (var part in field.ContainingType.DeclaringSyntaxReferences)
            {
                if (!SameFileUses.All(part.GetSyntax(cancellationToken), field, model, identifier => NotAWrite(identifier, field, model, cancellationToken), cancellationToken))
                {
                    answer = false;
                    break;
                }
            }

            known.TryAdd(field, answer);
            return answer;
        }

        private static bool NotAWrite(IdentifierNameSyntax identifier, IFieldSymbol field, SemanticModel model, CancellationToken cancellationToken)
        {
            if (SameFileUses.FieldReference(identifier, field, model, cancellationToken) is not { } reference)
            {
                return false;
            }

            return !ReadBody.IsWrite(reference) && reference.Parent is not IArgumentOperation { Parameter.RefKind: not RefKind.None }
                || ReadBody.InConstructor(identifier, staticOnly: field.IsStatic) && reference.Instance is null or IInstanceReferenceOperation;
        }
    }
}
