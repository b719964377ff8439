using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Common;

namespace SocketAnalyzers.Model
{
    /// <summary>
    /// A test of how many received bytes wait on a connection: a comparison of a <c>TellsBytesAvailable</c> property of the
    /// catalogue (<c>Socket.Available</c>, <c>TcpClient.Available</c>) with a constant, or <c>NetworkStream.DataAvailable</c>.
    /// The reads family uses it to make a read exact (<c>if (client.Available &gt;= 4)</c>), the iterative-server rule to
    /// tell a loop that takes only what is queued (<c>while (client.Available &gt; 0)</c>).
    /// </summary>
    internal static class AvailableGuard
    {
        /// <summary>
        /// On the side of <paramref name="condition"/> where it is <paramref name="conditionValue"/>, at least this many
        /// received bytes wait on <paramref name="available"/>'s instance: <c>Available &gt;= 4</c> (or <c>&gt; 3</c>,
        /// <c>4 &lt;= …</c>, the false side of <c>&lt; 4</c>, <c>== 4</c>), <c>!= 0</c>, <c>DataAvailable</c> (1), through
        /// <c>!</c>. Null when the condition is no such test or says nothing on that side.
        /// </summary>
        public static int? AtLeast(IOperation condition, bool conditionValue, CatalogueIndex catalogue, out IPropertyReferenceOperation? available)
        {
            if (DataAvailable(ref condition, ref conditionValue, catalogue, out available))
            {
                // stream.DataAvailable: true means at least one byte waits.
                return conditionValue ? 1 : null;
            }

            if (LowerBound(condition, conditionValue, out var operand) is not int atLeast || Property(operand!, catalogue) is not { } counted)
            {
                return null;
            }

            available = counted;
            return atLeast;
        }

        /// <summary>
        /// On the side of <paramref name="condition"/> where it is <paramref name="conditionValue"/>, no received byte waits on
        /// <paramref name="available"/>'s instance: the false side of <c>Available &gt; 0</c>, <c>&gt;= 1</c>, <c>!= 0</c> and
        /// <c>DataAvailable</c>, the true side of <c>Available == 0</c>, <c>&lt;= 0</c> and <c>&lt; 1</c> (either way round,
        /// through <c>!</c>). The side where a drain loop (<c>while (s.Available &gt; 0) s.Receive(junk);</c>) stops.
        /// </summary>
        public static bool NoneWaiting(IOperation condition, bool conditionValue, CatalogueIndex catalogue, out IPropertyReferenceOperation? available)
        {
            if (DataAvailable(ref condition, ref conditionValue, catalogue, out available))
            {
                return !conditionValue;
            }

            // Available >= 0 always: "at most 0" on this side is "none", and the other side then says "at least 1".
            if (condition is not IBinaryOperation { OperatorMethod: null } || LowerBound(condition, !conditionValue, out var operand) is not 1
                || Property(operand!, catalogue) is not { Type.SpecialType: SpecialType.System_Int32 } counted
                || IsEqualsOne(condition))
            {
                return false;
            }

            available = counted;
            return true;

            // Available == 1 says "at least 1" on its true side, but its false side is not "none".
            static bool IsEqualsOne(IOperation comparison)
                => comparison is IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } equality
                    && (equality.LeftOperand.ConstantValue is { HasValue: true, Value: 1 } || equality.RightOperand.ConstantValue is { HasValue: true, Value: 1 });
        }

        /// <summary>
        /// On the side of <paramref name="condition"/> where it is <paramref name="conditionValue"/>, <paramref name="operand"/>
        /// is at least this (positive) bound: a comparison of it with an <c>int</c> constant (<c>x &gt;= 4</c>, <c>x &gt; 3</c>,
        /// <c>4 &lt;= x</c>, the false side of <c>x &lt; 4</c>, <c>x == 4</c>, <c>x != 0</c>), through <c>!</c>. Null otherwise.
        /// </summary>
        public static int? LowerBound(IOperation condition, bool conditionValue, out IOperation? operand)
        {
            operand = null;
            condition = condition.WalkDownConversions();
            while (condition is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not)
            {
                condition = not.Operand.WalkDownConversions();
                conditionValue = !conditionValue;
            }

            if (condition is not IBinaryOperation comparison)
            {
                return null;
            }

            var left = comparison.LeftOperand.WalkDownConversions();
            var right = comparison.RightOperand.WalkDownConversions();
            var kind = comparison.OperatorKind;
            int bound;
            if (right.ConstantValue is { HasValue: true, Value: int c1 } && left.ConstantValue is not { HasValue: true })
            {
                operand = left;
                bound = c1;
            }
            else if (left.ConstantValue is { HasValue: true, Value: int c2 } && right.ConstantValue is not { HasValue: true })
            {
                // c <= A is A >= c: flip the operator.
                operand = right;
                bound = c2;
                kind = kind.Mirrored();
            }
            else
            {
                return null;
            }

            int? atLeast = (kind, conditionValue) switch
            {
                (BinaryOperatorKind.GreaterThanOrEqual, true) or (BinaryOperatorKind.LessThan, false) or (BinaryOperatorKind.Equals, true) => bound,
                (BinaryOperatorKind.GreaterThan, true) or (BinaryOperatorKind.LessThanOrEqual, false) => bound + 1,
                (BinaryOperatorKind.Equals, false) or (BinaryOperatorKind.NotEquals, true) when bound == 0 => 1,
                _ => null,
            };
            return atLeast is > 0 ? atLeast : null;
        }

        /// <summary>
        /// Strips <c>!</c> and conversions off <paramref name="condition"/> (flipping <paramref name="conditionValue"/>); true
        /// when what is left is a <c>DataAvailable</c>-like <c>bool</c> property, given in <paramref name="available"/>.
        /// </summary>
        private static bool DataAvailable(ref IOperation condition, ref bool conditionValue, CatalogueIndex catalogue, out IPropertyReferenceOperation? available)
        {
            condition = condition.WalkDownConversions();
            while (condition is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not)
            {
                condition = not.Operand.WalkDownConversions();
                conditionValue = !conditionValue;
            }

            available = Property(condition, catalogue) is { Type.SpecialType: SpecialType.System_Boolean } flag ? flag : null;
            return available is not null;
        }

        /// <summary>A property of an instance that counts the received bytes waiting (the catalogue's <c>TellsBytesAvailable</c>).</summary>
        public static IPropertyReferenceOperation? Property(IOperation operation, CatalogueIndex catalogue)
            => operation is IPropertyReferenceOperation { Instance: not null } property && catalogue.Facts(property.Property) is { TellsAvailable: true } ? property : null;
    }
}
