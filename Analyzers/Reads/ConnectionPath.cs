using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Common;

namespace SocketAnalyzers.Reads
{
    /// <summary>
    /// A connection named by an expression that no variable roots (<c>RawSocket</c>, an auto-property of <c>this</c>;
    /// <c>((Socket)sockets[i])</c>): the symbols and constants along it, in order. Two evaluations of the same path give
    /// the same object while none of its variables is written and no call runs in between (what
    /// <see cref="ReadState.Exact"/> requires). Only steps whose value cannot change by being read are followed: locals,
    /// parameters, fields, <c>this</c>, constants, array elements, auto-properties of the project and properties and
    /// indexers of the framework.
    /// </summary>
    internal sealed class ConnectionPath
    {
        private const int MaxSteps = 12;

        private readonly List<object> steps;

        private ConnectionPath(List<object> steps) => this.steps = steps;

        /// <summary>The path of <paramref name="operation"/>, or null when a step of it is not followed.</summary>
        public static ConnectionPath? Of(IOperation operation)
        {
            var steps = new List<object>();
            return Add(operation, steps) ? new ConnectionPath(steps) : null;
        }

        /// <summary>A variable root (an <see cref="ISymbol"/>) or a path: the same connection.</summary>
        public static bool Same(object a, object b) => (a, b) switch
        {
            (ISymbol x, ISymbol y) => SymbolEqualityComparer.Default.Equals(x, y),
            (ConnectionPath x, ConnectionPath y) => x.SameSteps(y),
            _ => false,
        };

        /// <summary>The connection <paramref name="connection"/> (a variable root or a path) depends on <paramref name="variable"/>.</summary>
        public static bool Mentions(object connection, ISymbol variable) => connection switch
        {
            ISymbol symbol => SymbolEqualityComparer.Default.Equals(symbol, variable),
            ConnectionPath path => path.MentionsStep(variable),
            _ => false,
        };

        private bool SameSteps(ConnectionPath other)
        {
            if (steps.Count != other.steps.Count)
            {
                return false;
            }

            for (var i = 0; i < steps.Count; i++)
            {
                var same = steps[i] is ISymbol mine
                    ? other.steps[i] is ISymbol theirs && SymbolEqualityComparer.Default.Equals(mine, theirs)
                    : Equals(steps[i], other.steps[i]);
                if (!same)
                {
                    return false;
                }
            }

            return true;
        }

        private bool MentionsStep(ISymbol variable)
        {
            foreach (var step in steps)
            {
                if (step is ISymbol symbol && SymbolEqualityComparer.Default.Equals(symbol, variable))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool Add(IOperation? operation, List<object> steps)
        {
            if (operation is null || steps.Count > MaxSteps)
            {
                return false;
            }

            var value = operation.WalkDownConversions();
            if (value.ConstantValue is { HasValue: true, Value: { } constant })
            {
                steps.Add(constant);
                return true;
            }

            switch (value)
            {
                case IInstanceReferenceOperation:
                    steps.Add("this");
                    return true;
                case ILocalReferenceOperation local:
                    steps.Add(local.Local);
                    return true;
                case IParameterReferenceOperation parameter:
                    steps.Add(parameter.Parameter);
                    return true;
                case IFieldReferenceOperation field:
                    steps.Add(field.Field);
                    return field.Instance is null || Add(field.Instance, steps);
                case IArrayElementReferenceOperation element:
                    steps.Add("[]");
                    if (!Add(element.ArrayReference, steps))
                    {
                        return false;
                    }

                    foreach (var index in element.Indices)
                    {
                        if (!Add(index, steps))
                        {
                            return false;
                        }
                    }

                    return true;
                case IPropertyReferenceOperation property when IsPlainGetter(property.Property):
                    steps.Add(property.Property);
                    if (property.Instance is not null && !Add(property.Instance, steps))
                    {
                        return false;
                    }

                    foreach (var argument in property.Arguments)
                    {
                        if (!Add(argument.Value, steps))
                        {
                            return false;
                        }
                    }

                    return true;
                default:
                    return false;
            }
        }

        /// <summary>A property of the framework, or a non-virtual auto-property of the project (<c>{ get; private set; }</c>): reading it runs no code of the project.</summary>
        private static bool IsPlainGetter(IPropertySymbol property)
        {
            var references = property.DeclaringSyntaxReferences;
            if (references.Length == 0)
            {
                return true;
            }

            if (property.IsAbstract || property.IsVirtual || property.IsOverride || property.ContainingType.TypeKind == TypeKind.Interface)
            {
                // Another type's getter may run instead.
                return false;
            }

            if (references.Length != 1 || references[0].GetSyntax() is not PropertyDeclarationSyntax { ExpressionBody: null, AccessorList: { } accessors })
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
