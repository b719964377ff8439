using System;
using Microsoft.CodeAnalysis;

namespace SocketAnalyzers.Common
{
    /// <summary>
    /// A set of operation kinds, tested by an array lookup. A switch over operation interfaces tests each case's interface
    /// in turn (<c>CastHelpers.IsInstanceOfInterface</c> was a tenth of the analyzers' samples in a <c>perf</c> profile
    /// of the dense workload), and most operations a transfer function or a scan meets match none of them: asking the set
    /// of the cases' kinds first sends those straight to the default. Every interface a case tests must have its kinds in
    /// the set (each has one, but <c>IReturnOperation</c>: <c>Return</c>, <c>YieldReturn</c>, <c>YieldBreak</c>; and a
    /// base interface, such as <c>IMemberReferenceOperation</c>, has those of every interface derived from it).
    /// </summary>
    internal sealed class OperationKindSet
    {
        private readonly bool[] kinds;

        public OperationKindSet(params OperationKind[] members)
        {
            var max = 0;
            foreach (var member in members)
            {
                max = Math.Max(max, (int)member);
            }

            kinds = new bool[max + 1];
            foreach (var member in members)
            {
                kinds[(int)member] = true;
            }
        }

        public bool Contains(OperationKind kind) => (uint)kind < (uint)kinds.Length && kinds[(int)kind];
    }
}
