using System.Collections.Concurrent;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Common;

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

            if (model is null || !IsPrivateFieldOfClass(field))
            {
                return false;
            }

            if (known.TryGetValue(field, out var answer))
            {
                return answer;
            }

            answer = EveryUse(field, model, identifier => NotAWrite(identifier, field, model, cancellationToken), cancellationToken);
            known.TryAdd(field, answer);
            return answer;
        }

        private readonly ConcurrentDictionary<IFieldSymbol, bool> onlyWritten = new(SymbolEqualityComparer.Default);

        /// <summary>
        /// A private field of a class that its type only ever assigns (<c>field = …</c>) and never reads, passes by reference
        /// or changes otherwise (fresh80 M1, a student game server's <c>if ((nbyte = stream.Read(…)) != 0)</c>): what it is
        /// given tells no other code anything. Decided once per field for the compilation, from the file being analyzed, as
        /// <see cref="IsUnchanged"/> is.
        /// </summary>
        public bool IsOnlyWritten(IFieldSymbol field, SemanticModel? model, CancellationToken cancellationToken)
        {
            if (model is null || !IsPrivateFieldOfClass(field))
            {
                return false;
            }

            if (onlyWritten.TryGetValue(field, out var answer))
            {
                return answer;
            }

            answer = EveryUse(field, model, identifier => SameFileUses.FieldReference(identifier, field, model, cancellationToken) is { Parent: ISimpleAssignmentOperation assignment } reference
                && assignment.Target == reference, cancellationToken);
            onlyWritten.TryAdd(field, answer);
            return answer;
        }

        private static bool IsPrivateFieldOfClass(IFieldSymbol field)
            => field is { IsConst: false, IsImplicitlyDeclared: false, DeclaredAccessibility: Accessibility.Private, ContainingType.TypeKind: TypeKind.Class }
                && field.DeclaringSyntaxReferences.Length > 0;

        /// <summary>Every use of <paramref name="field"/> in its type, part by part, is one <paramref name="use"/> accepts (a part in another file is not: <see cref="SameFileUses"/>).</summary>
        private static bool EveryUse(IFieldSymbol field, SemanticModel model, System.Func<IdentifierNameSyntax, bool> use, CancellationToken cancellationToken)
        {
            foreach (var part in field.ContainingType.DeclaringSyntaxReferences)
            {
                if (!SameFileUses.All(part.GetSyntax(cancellationToken), field, model, use, cancellationToken))
                {
                    return false;
                }
            }

            return true;
        }

        private readonly ConcurrentDictionary<IFieldSymbol, bool> neverNulled = new(SymbolEqualityComparer.Default);

        /// <summary>
        /// A private field of a class that nothing sets to null once its type is built: outside its initializer and the
        /// constructors, every write gives it a new object (<c>new …</c>) or what <paramref name="givesObject"/> accepts
        /// (a client's <c>GetStream()</c>, an <c>Accept…</c>; awaited, the task it is given), and it is passed by no <c>ref</c>/<c>out</c>.
        /// Once such a field holds an object, <c>field != null</c> stays true (<c>while (Connected &amp;&amp; _stream is not
        /// null)</c>, fresh46 M3). Decided once per field for the compilation, from the file being analyzed, as
        /// <see cref="IsUnchanged"/> is.
        /// </summary>
        public bool IsNeverNulled(IFieldSymbol field, SemanticModel? model, System.Func<IOperation, bool> givesObject, CancellationToken cancellationToken)
        {
            if (model is null || !field.Type.IsReferenceType || !IsPrivateFieldOfClass(field))
            {
                return false;
            }

            if (neverNulled.TryGetValue(field, out var answer))
            {
                return answer;
            }

            answer = EveryUse(field, model, identifier => NotANull(identifier, field, model, givesObject, cancellationToken), cancellationToken);
            neverNulled.TryAdd(field, answer);
            return answer;
        }

        private static bool NotANull(IdentifierNameSyntax identifier, IFieldSymbol field, SemanticModel model, System.Func<IOperation, bool> givesObject, CancellationToken cancellationToken)
        {
            if (SameFileUses.FieldReference(identifier, field, model, cancellationToken) is not { } reference
                || reference.Parent is IArgumentOperation { Parameter.RefKind: not RefKind.None })
            {
                return false;
            }

            if (!ReadBody.IsWrite(reference) || ReadBody.InConstructor(identifier, staticOnly: field.IsStatic) && reference.Instance is null or IInstanceReferenceOperation)
            {
                return true;
            }

            if (reference.Parent is not ISimpleAssignmentOperation assignment || assignment.Target != reference)
            {
                return false;
            }

            var value = assignment.Value.WalkDownConversions();
            if (value is IAwaitOperation awaited)
            {
                value = awaited.Operation.WalkDownConversions();
            }

            return value is IObjectCreationOperation || givesObject(value);
        }

        private readonly ConcurrentDictionary<IFieldSymbol, IFieldSymbol?> clientStreams = new(SymbolEqualityComparer.Default);

        /// <summary>
        /// The client field of this object whose stream a private stream field of a class holds whenever it holds one: every
        /// write of the field, constructors included, gives it <c>null</c> or <c>_client.GetStream()</c> (<paramref name="isGetStream"/>)
        /// of that one field, its declaration gives it no other value, and no <c>ref</c>/<c>out</c> passes it. Null otherwise.
        /// Decided once per field for the compilation, from the file being analyzed, as <see cref="IsUnchanged"/> is; whether
        /// the client field itself stays one client is the caller's question.
        /// </summary>
        public IFieldSymbol? StreamOfClientField(IFieldSymbol field, SemanticModel? model, System.Func<IInvocationOperation, bool> isGetStream, CancellationToken cancellationToken)
        {
            if (model is null || !IsPrivateFieldOfClass(field) || field.IsStatic)
            {
                return null;
            }

            if (clientStreams.TryGetValue(field, out var known))
            {
                return known;
            }

            IFieldSymbol? client = null;
            var declared = field.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer: var initializer }
                && (initializer is null || initializer.Value.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.NullLiteralExpression));
            var answer = declared && EveryUse(field, model, identifier => NullOrClientStream(identifier), cancellationToken) && client is not null ? client : null;
            clientStreams.TryAdd(field, answer);
            return answer;

            bool NullOrClientStream(IdentifierNameSyntax identifier)
            {
                if (SameFileUses.FieldReference(identifier, field, model, cancellationToken) is not { } reference
                    || reference.Parent is IArgumentOperation { Parameter.RefKind: not RefKind.None })
                {
                    return false;
                }

                if (!ReadBody.IsWrite(reference))
                {
                    return true;
                }

                if (reference.Parent is not ISimpleAssignmentOperation assignment || assignment.Target != reference || reference.Instance is not (null or IInstanceReferenceOperation))
                {
                    return false;
                }

                var value = assignment.Value.WalkDownConversions();
                if (value.ConstantValue is { HasValue: true, Value: null })
                {
                    return true;
                }

                if (value is not IInvocationOperation { Instance: IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation, Field: var source } } call
                    || !isGetStream(call) || (client is not null && !SymbolEqualityComparer.Default.Equals(client, source.OriginalDefinition)))
                {
                    return false;
                }

                client = source.OriginalDefinition;
                return true;
            }
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
