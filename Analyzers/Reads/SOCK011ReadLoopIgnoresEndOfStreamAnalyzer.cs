using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SocketAnalyzers.Reads
{
    /// <summary>
    /// SOCK011: a read in a loop whose 0 result (end of stream) comes back to the read and never gets out of the loop.
    /// After the peer closes, every read returns 0 at once, so the loop spins at 100% CPU. A line read of a reader over
    /// a network stream (<c>reader.ReadLine()</c>, <c>await reader.ReadLineAsync()</c>) returns <c>null</c> instead, and
    /// is followed the same way with the null line as its end of stream. Reads of datagram sockets are
    /// exempt (a 0-byte datagram is an empty message), and so are zero-length reads and <c>ReadAtLeast</c> that throws
    /// at end of stream. A check of the reads family on the flow kernel (<see cref="ReadFlowAnalysis"/>,
    /// docs/reads-engine.md): the read's 0-count fact, refined on branch conditions, reaches the read again and reaches
    /// nothing outside the loops around it.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SOCK011ReadLoopIgnoresEndOfStreamAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>Diagnostic property: present, with <see cref="Polls"/>, when the loop reads only when data waits.</summary>
        public const string FormKey = "Form";

        /// <summary>
        /// <see cref="FormKey"/>: every time the loop reaches the read, a guard said data waits (<c>if (stream.DataAvailable)</c>,
        /// <c>client.Available &gt; 0</c>). Such a read never returns 0; once the peer has closed no data comes, and the loop
        /// polls forever. Leaving the loop at a count of 0 would not help, so the fix is not offered.
        /// </summary>
        public const string Polls = "Polls";

        /// <summary>
        /// <see cref="FormKey"/>: the loop is a chain of APM callbacks (an <c>End*</c> read whose callback starts the next
        /// receive with itself). The fix that inserts a <c>break</c> has no loop to leave, so it is not offered.
        /// </summary>
        public const string Callback = "Callback";

        /// <summary>
        /// <see cref="FormKey"/>: the loop calls a helper of its type that returns what its read got (<c>var msg = Receive();</c>);
        /// the read is in the helper. Where the check belongs (in the helper, or on the value it returns) is a choice of
        /// design, so the fix is not offered.
        /// </summary>
        public const string Helper = "Helper";

        /// <summary>
        /// <see cref="FormKey"/>: the read throws at end of stream (<c>BinaryReader.ReadString()</c>) and a catch-all inside the
        /// loop takes the exception. There is no count to test; the fix is not offered.
        /// </summary>
        public const string Throws = "Throws";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.SOCK011ReadLoopIgnoresEndOfStream);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            ReadFlow.Register(context, RuleIdentifiers.ReadLoopIgnoresEndOfStream);
        }
    }
}
