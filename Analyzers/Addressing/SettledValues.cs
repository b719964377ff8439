using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Common;

namespace SocketAnalyzers.Addressing
{
    /// <summary>
    /// Bodies in which SOCK030 and SOCK032 can report nothing, whatever the value flow would find: the family then builds no
    /// graph and runs no flow for them (a body SOCK040 may need keeps it, see <see cref="SocketValueAnalysis.IsRelevant"/>).
    /// The flow knows an address only from <c>IPAddress</c>'s well-known fields, <c>IPAddress.Parse</c> and DNS, and a
    /// socket's family only from a constant, an address, or <c>DualMode</c>. Sufficient conditions, read off
    /// <see cref="AddressingChecks.Check"/>:
    /// <list type="bullet">
    /// <item><b>SOCK030</b> needs an IPv6 address or socket somewhere: no <c>IPAddress.Parse</c>, no DNS lookup, no
    /// <c>IPv6Any</c> or <c>IPv6Loopback</c>, no constant <c>AddressFamily.InterNetworkV6</c>, no <c>DualMode</c>. Then
    /// every address the flow knows is IPv4 and every family it knows is IPv4, dual or unknown.</item>
    /// <item><b>SOCK032</b> needs <c>IPAddress.Any</c> or <c>IPAddress.Broadcast</c> to reach a destination: each of them
    /// is given straight to <c>Bind</c> or to a socket's constructor (also inside <c>new IPEndPoint(…)</c>), compared, or
    /// put in a local endpoint whose every other use comes after a <c>ref</c> use of it in straight code
    /// (<c>EndPoint from = new IPEndPoint(IPAddress.Any, 0); s.ReceiveFrom(buf, ref from); s.SendTo(reply, from);</c>: the
    /// flow forgets what a <c>ref</c> argument held).</item>
    /// </list>
    /// A body that fits neither keeps the whole analysis, so the gate can only save time.
    /// </summary>
    internal static class SettledValues
    {
        public static bool All(IOperation body, AddressingApis apis, CancellationToken cancellationToken)
        {
            var operations = BodyOperations.Of(body, cancellationToken);
            for (var index = 0; index < operations.Count; index++)
            {
                if ((index & 255) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                var kind = operations.Kind(index);
                var operation = operations[index];
                switch (kind is OperationKind.FieldReference or OperationKind.Invocation or OperationKind.PropertyReference ? operation : null)
                {
                    case IFieldReferenceOperation { Field: var field } reference when SocketValueAnalysis.WellKnownAddressFacts(field, apis) is { } address:
                        if ((address & AddressFacts.Ipv6Family) != 0)
                        {
                            return false;
                        }

                        if ((address & (AddressFacts.Wildcard | AddressFacts.Broadcast)) != 0 && !Contained(reference, body, apis))
                        {
                            return false;
                        }

                        break;
                    case IInvocationOperation invocation when SocketValueAnalysis.IsAddressSource(invocation.TargetMethod, apis):
                        return false;
                    case IPropertyReferenceOperation property when apis.Symbols.Framework.IsDualMode(property.Property):
                        return false;
                }

                if (Common.OperationExtensions.IsUnbound(kind))
                {
                    return false;
                }

                if (operation.ConstantValue is { HasValue: true, Value: int family } && SymbolEqualityComparer.Default.Equals(operation.Type, apis.AddressFamily)
                    && SocketValueAnalysis.FamilyFromConstant(family) == FamilyFacts.V6)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The wildcard or broadcast address at <paramref name="reference"/> can reach no destination.</summary>
        private static bool Contained(IOperation reference, IOperation body, AddressingApis apis)
        {
            switch (reference.WalkUpConversions(out _))
            {
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals }:
                    return true;
                case IArgumentOperation { Parent: IObjectCreationOperation endpoint }
                    when SymbolEqualityComparer.Default.Equals(endpoint.Type, apis.Symbols.IPEndPoint):
                    return EndpointContained(endpoint, body, apis);
                case IArgumentOperation argument:
                    return Bound(argument, apis);
                default:
                    return false;
            }
        }

        /// <summary>Given to <c>Bind</c> or to a socket's constructor (<c>new TcpListener(IPAddress.Any, port)</c>, <c>new UdpClient(endpoint)</c>).</summary>
        private static bool Bound(IArgumentOperation argument, AddressingApis apis) => argument.Parent switch
        {
            IInvocationOperation call => apis.RoleOf(call.TargetMethod) == EndpointRole.Bind,
            IObjectCreationOperation creation => SocketValueAnalysis.IsSocketType(creation.Type, apis),
            _ => false,
        };

        /// <summary><c>new IPEndPoint(wildcard, port)</c>: bound at once, or a local whose every other use a <c>ref</c> use comes before.</summary>
        private static bool EndpointContained(IObjectCreationOperation endpoint, IOperation body, AddressingApis apis)
        {
            switch (endpoint.WalkUpConversions(out _))
            {
                case IArgumentOperation argument:
                    return Bound(argument, apis);
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation { Symbol: { } local } }:
                    return ForgottenBeforeUse(local, body);
                default:
                    return false;
            }
        }

        /// <summary>
        /// Every use of <paramref name="local"/> is a <c>ref</c> or <c>out</c> argument, or comes after a statement of an
        /// enclosing block that passes it so in straight code; it is never assigned, and no lambda or local function names it.
        /// </summary>
        private static bool ForgottenBeforeUse(ILocalSymbol local, IOperation body)
        {
            var passing = new HashSet<IOperation>();
            var uses = new List<ILocalReferenceOperation>();
            var stack = new Stack<(IOperation Operation, bool Nested)>();
            stack.Push((body, false));
            while (stack.Count > 0)
            {
                var (operation, nested) = stack.Pop();
                if (operation is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local))
                {
                    if (nested)
                    {
                        return false;
                    }

                    if (reference.Parent is IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } byReference)
                    {
                        if (StatementPassing(byReference) is { } statement)
                        {
                            passing.Add(statement);
                        }
                    }
                    else if (reference.WalkUpConversions(out _) is IAssignmentOperation { Target: var target } && target.WalkDownConversions() == reference)
                    {
                        return false;
                    }
                    else
                    {
                        uses.Add(reference);
                    }
                }

                var inner = nested || operation.Kind is OperationKind.AnonymousFunction or OperationKind.LocalFunction;
                foreach (var child in operation.ChildOperations)
                {
                    stack.Push((child, inner));
                }
            }

            foreach (var use in uses)
            {
                if (!AfterPassing(use, passing))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The statement of a block that certainly makes the call with this <c>ref</c> argument whenever it runs, or null.</summary>
        private static IOperation? StatementPassing(IArgumentOperation argument)
        {
            IOperation current = argument;
            while (current.Parent is { } parent)
            {
                if (parent is IBlockOperation)
                {
                    return current;
                }

                switch (parent.Kind)
                {
                    case OperationKind.Argument:
                    case OperationKind.Invocation:
                    case OperationKind.Conversion:
                    case OperationKind.Await:
                    case OperationKind.VariableInitializer:
                    case OperationKind.VariableDeclarator:
                    case OperationKind.VariableDeclaration:
                    case OperationKind.VariableDeclarationGroup:
                    case OperationKind.ExpressionStatement:
                    case OperationKind.SimpleAssignment:
                        break;
                    case OperationKind.Binary when parent is IBinaryOperation { OperatorKind: not (BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr) }:
                        break;
                    default:
                        return null;
                }

                current = parent;
            }

            return null;
        }

        /// <summary>Some block around <paramref name="use"/> runs one of <paramref name="passing"/> before the statement that holds it.</summary>
        private static bool AfterPassing(IOperation use, HashSet<IOperation> passing)
        {
            var child = use;
            for (var parent = use.Parent; parent is not null; child = parent, parent = parent.Parent)
            {
                if (parent is IBlockOperation block)
                {
                    foreach (var statement in block.Operations)
                    {
                        if (statement == child)
                        {
                            break;
                        }

                        if (passing.Contains(statement))
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }
    }
}
