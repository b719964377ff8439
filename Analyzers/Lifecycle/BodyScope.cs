using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SocketAnalyzers.Lifecycle
{
    /// <summary>
    /// The cheap pre-scan of one body, done on the operation tree before any control-flow graph is built: which of
    /// the body and its lambdas and local functions use a member of the model (only those are analyzed, and only
    /// the graphs that lead to them are built), and which names the lambdas and local functions use.
    /// </summary>
    internal sealed class BodyScope
    {
        private readonly HashSet<SyntaxNode> direct;

        private BodyScope(bool rootUsesModel, HashSet<SyntaxNode> direct, ImmutableHashSet<ISymbol> captured)
        {
            RootUsesModel = rootUsesModel;
            this.direct = direct;
            Captured = captured;
        }

        /// <summary>The body itself (outside its lambdas and local functions) uses the model.</summary>
        public bool RootUsesModel { get; }

        /// <summary>The names that lambdas and local functions of the body use: they may change them at any time.</summary>
        public ImmutableHashSet<ISymbol> Captured { get; }

        /// <summary>The lambda or local function declared at <paramref name="syntax"/> uses the model itself.</summary>
        public bool Uses(SyntaxNode syntax) => direct.Contains(syntax);

        /// <summary>The graph of the function at <paramref name="syntax"/> is needed: it, or a function inside it, uses the model.</summary>
        public bool Leads(SyntaxNode syntax)
        {
            foreach (var node in direct)
            {
                if (syntax.Span.Contains(node.Span) && syntax.SyntaxTree == node.SyntaxTree)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Scans a body; null when nothing in it uses the model (then no graph is built at all).</summary>
        public static BodyScope? Scan(IOperation body, SocketProtocolModel model)
        {
            var direct = new HashSet<SyntaxNode>();
            var captured = ImmutableHashSet.CreateBuilder<ISymbol>(SymbolEqualityComparer.Default);
            var rootUses = false;
            var stack = new Stack<(IOperation Operation, SyntaxNode? Owner)>();
            stack.Push((body, null));
            while (stack.Count > 0)
            {
                var (operation, owner) = stack.Pop();
                if (owner is not null)
                {
                    switch (operation)
                    {
                        case ILocalReferenceOperation local:
                            captured.Add(local.Local);
                            break;
                        case IParameterReferenceOperation parameter:
                            captured.Add(parameter.Parameter);
                            break;
                        case IFieldReferenceOperation field:
                            captured.Add(field.Field);
                            break;
                    }
                }

                if (UsesModel(operation, model))
                {
                    if (owner is null)
                    {
                        rootUses = true;
                    }
                    else
                    {
                        direct.Add(owner);
                    }
                }

                var childOwner = owner;
                if (operation is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    childOwner = operation.Syntax;
                }

                foreach (var child in operation.ChildOperations)
                {
                    stack.Push((child, childOwner));
                }
            }

            return rootUses || direct.Count > 0 ? new BodyScope(rootUses, direct, captured.ToImmutable()) : null;
        }

        private static bool UsesModel(IOperation operation, SocketProtocolModel model) => operation switch
        {
            IInvocationOperation invocation => model.IsModelType(invocation.TargetMethod.ContainingType) || model.IsModelType(invocation.Instance?.Type),
            IObjectCreationOperation creation => model.IsModelType(creation.Type),
            IPropertyReferenceOperation property => model.IsModelType(property.Property.ContainingType),
            _ => false,
        };
    }
}
