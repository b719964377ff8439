using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Common;

namespace SocketAnalyzers.ByteOrder
{
    /// <summary>
    /// Tags made the same way as the number read: a four-character code received and decoded in the host's order, then
    /// compared with <c>Tags.Hello</c> whose one value is <c>BitConverter.ToUInt32(Encoding.ASCII.GetBytes("HELO"), 0)</c>.
    /// Both numbers are the same bytes decoded alike, so the test means "the same four bytes" on any CPU
    /// (<see cref="OnlyComparedWithDecodes"/>). The member is followed by syntax, so another file's tags count too.
    /// </summary>
    internal sealed partial class ByteScope
    {
        /// <summary>
        /// The one expression <paramref name="member"/> of the project always gives: a <c>readonly</c> field's initializer,
        /// a property with no setter (its <c>=&gt;</c> body, its getter's one <c>return</c>, or an auto-property's
        /// initializer), or the one expression a non-virtual method returns. A field or auto-property a constructor of its
        /// type names (it may assign it there) has no such expression. Null otherwise.
        /// </summary>
        private ExpressionSyntax? MadeBy(ISymbol? member)
        {
            switch (member)
            {
                case IFieldSymbol { IsReadOnly: true } field
                    when Declaration(field) is VariableDeclaratorSyntax { Initializer.Value: { } initializer } && !NamedByConstructor(field):
                    return initializer;
                case IFieldSymbol { IsStatic: true, IsConst: false } field
                    when Declaration(field) is VariableDeclaratorSyntax { Initializer.Value: { } initializer } && !AssignedInType(field):
                    // public static uint Ack = BitConverter.ToUInt32(Encoding.ASCII.GetBytes("ACK "), 0); never assigned again
                    // by its type (fresh38 F2; code of other types is not seen).
                    return initializer;
                case IPropertySymbol { SetMethod: null, IsIndexer: false, IsVirtual: false, IsAbstract: false, IsOverride: false } property
                    when Declaration(property) is PropertyDeclarationSyntax declaration:
                    return PropertyValue(declaration, property);
                case IMethodSymbol { MethodKind: MethodKind.Ordinary, IsVirtual: false, IsAbstract: false, IsOverride: false, IsExtern: false, IsPartialDefinition: false, PartialImplementationPart: null } method
                    when Declaration(method.ReducedFrom ?? method) is { } declaration:
                    return SocketAnalyzers.Common.OperationExtensions.ReturnedExpressionOf(declaration);
                default:
                    return null;
            }
        }

        /// <summary>
        /// The field or auto-property of this object (or a static one) that an assignment stores the number in: the received
        /// tag of a packet class (<c>PacketType = BitConverter.ToUInt32(bytes, 0);</c> in its constructor, fresh38 F2).
        /// </summary>
        private static ISymbol? TagMember(IOperation target) => target switch
        {
            IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation, Field: var field } => field,
            IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation, Property: { IsIndexer: false, IsVirtual: false, IsAbstract: false, IsOverride: false } property }
                when AutoProperties.IsAutoProperty(property) => property,
            _ => null,
        };

        /// <summary>
        /// How the code of the member's type uses the number kept in <paramref name="member"/>: the union of the orders of
        /// what it is compared with (<c>IsAck =&gt; PacketType == Ack</c>, <c>Ack</c> a tag made the same way), or
        /// <see cref="ResultUse.Other"/> when any use of it there is something else than an assignment to it, a comparison
        /// with <c>==</c>/<c>!=</c>, or the round trip <c>BitConverter.GetBytes(member)</c> (the same four bytes again). All
        /// of the type's declarations must be in this body's file (bound here); code of other types is not seen.
        /// </summary>
        private ResultUse ComparedMember(ISymbol member, ITypeSymbol type)
        {
            if (model is null || !SymbolEqualityComparer.Default.Equals(TypeOf(member), type))
            {
                return ResultUse.Other;
            }

            var use = ResultUse.None;
            foreach (var part in member.ContainingType.DeclaringSyntaxReferences)
            {
                if (part.SyntaxTree != model.SyntaxTree)
                {
                    return ResultUse.Other;
                }

                foreach (var node in part.GetSyntax(cancellationToken).DescendantNodes())
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (node is not IdentifierNameSyntax name || name.Identifier.ValueText != member.Name
                        || model.GetOperation(name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : name, cancellationToken) is not { } reference
                        || !SymbolEqualityComparer.Default.Equals(MemberOf(reference), member))
                    {
                        continue;
                    }

                    var consumer = reference.WalkUpConversions(out var child);
                    if (consumer is ISimpleAssignmentOperation assignment && assignment.Target == child)
                    {
                        continue;
                    }

                    if (consumer is IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals, OperatorMethod: null } equality)
                    {
                        use |= DecodeOrder(equality.LeftOperand == child ? equality.RightOperand : equality.LeftOperand, type);
                    }
                    else if (consumer is not IArgumentOperation { Parent: IInvocationOperation call } || symbols.HostOrderWrite(call.TargetMethod) is null)
                    {
                        return ResultUse.Other;
                    }
                }
            }

            return use;
        }

        private static ITypeSymbol? TypeOf(ISymbol member) => member switch
        {
            IFieldSymbol field => field.Type,
            IPropertySymbol property => property.Type,
            _ => null,
        };

        /// <summary>The member a read of it, or a call of it, names.</summary>
        private static ISymbol? MemberOf(IOperation value) => value switch
        {
            IFieldReferenceOperation field => field.Field,
            IPropertyReferenceOperation property => property.Property,
            IInvocationOperation call => call.TargetMethod,
            _ => null,
        };

        private ExpressionSyntax? PropertyValue(PropertyDeclarationSyntax declaration, IPropertySymbol property)
        {
            if (declaration.ExpressionBody is { Expression: var arrow })
            {
                return arrow;
            }

            if (declaration.AccessorList is not { Accessors: { Count: 1 } accessors } || !accessors[0].IsKind(SyntaxKind.GetAccessorDeclaration))
            {
                return null;
            }

            return accessors[0] switch
            {
                { ExpressionBody.Expression: var getter } => getter,
                { Body.Statements: { Count: 1 } statements } when statements[0] is ReturnStatementSyntax { Expression: { } returned } => returned,
                { Body: null, ExpressionBody: null } when declaration.Initializer is { Value: var initial } && !NamedByConstructor(property) => initial,
                _ => null,
            };
        }

        /// <summary>The member's one declaration in source, or null (metadata, partial, several parts).</summary>
        private SyntaxNode? Declaration(ISymbol member)
            => member.DeclaringSyntaxReferences is { Length: 1 } references ? references[0].GetSyntax(cancellationToken) : null;

        /// <summary>Some code of the field's type (any part, any file) may write a name like the field's: assigned, incremented, or passed by <c>ref</c> or <c>out</c>.</summary>
        private bool AssignedInType(IFieldSymbol field)
        {
            foreach (var part in field.ContainingType.DeclaringSyntaxReferences)
            {
                if (SyntaxNames.IsWritten(part.GetSyntax(cancellationToken), field.Name, cancellationToken))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Some constructor of the member's type (any part, any file) has an identifier of the member's name.</summary>
        private bool NamedByConstructor(ISymbol member)
        {
            foreach (var part in member.ContainingType.DeclaringSyntaxReferences)
            {
                if (part.GetSyntax(cancellationToken) is not TypeDeclarationSyntax type)
                {
                    return true;
                }

                foreach (var declared in type.Members)
                {
                    if (declared is not ConstructorDeclarationSyntax constructor)
                    {
                        continue;
                    }

                    foreach (var token in constructor.DescendantTokens())
                    {
                        if (token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText == member.Name && token.Parent is IdentifierNameSyntax)
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// The order of the host-order read of <paramref name="type"/> that <paramref name="made"/> is, as in
        /// <see cref="DecodeOrder"/>, or of the member it reads or calls whose one value is such a read (<paramref name="depth"/>
        /// levels at most). Bound when it is in this body's file; otherwise what it names is bound where the number is
        /// compared (<paramref name="position"/>), and every overload it may name must give a read in the same order.
        /// </summary>
        private ResultUse MadeByOrder(ExpressionSyntax made, int position, ITypeSymbol type, int depth = 0)
        {
            made = SyntaxNames.WithoutParentheses(made);

            if (model is null || depth >= 3 || made is not (InvocationExpressionSyntax or MemberAccessExpressionSyntax or IdentifierNameSyntax))
            {
                return ResultUse.Other;
            }

            System.Collections.Immutable.ImmutableArray<ISymbol> named;
            if (made.SyntaxTree == model.SyntaxTree)
            {
                named = model.GetOperation(made, cancellationToken) is { } operation && MemberOf(operation) is { } bound
                    ? System.Collections.Immutable.ImmutableArray.Create(bound)
                    : System.Collections.Immutable.ImmutableArray<ISymbol>.Empty;
            }
            else
            {
                var info = model.GetSpeculativeSymbolInfo(position, made is InvocationExpressionSyntax invocation ? invocation.Expression : made, SpeculativeBindingOption.BindAsExpression);
                named = info.Symbol is { } symbol ? System.Collections.Immutable.ImmutableArray.Create(symbol) : info.CandidateSymbols;
            }

            var order = ResultUse.None;
            foreach (var candidate in named)
            {
                var value = candidate switch
                {
                    IMethodSymbol method => method.ReturnType,
                    IPropertySymbol property => property.Type,
                    IFieldSymbol field => field.Type,
                    _ => null,
                };

                if (!SymbolEqualityComparer.Default.Equals(value, type)
                    || (made is InvocationExpressionSyntax) != (candidate is IMethodSymbol))
                {
                    return ResultUse.Other;
                }

                order |= candidate is IMethodSymbol read && symbols.HostOrderRead(read) is { } api
                    ? OrderOf(api)
                    : MadeBy(candidate) is { } inner ? MadeByOrder(inner, position, type, depth + 1) : ResultUse.Other;
            }

            return order is ResultUse.None ? ResultUse.Other : order;
        }
    }
}
