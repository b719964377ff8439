using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SocketAnalyzers.Reads
{
    /// <summary>
    /// SOCK012: after a network read into a buffer, the same buffer is consumed whole (decoded, sent, copied,
    /// deserialized) instead of the bytes received.
    /// <para>
    /// A check of the reads family (<see cref="ReadFlowAnalysis"/>, docs/reads-engine.md): "buffer B holds the bytes of
    /// read R up to its count" is a must-fact (it holds on every path), made by a read that offers the buffer from its
    /// start, and killed by anything that may write the buffer (a new array in the variable, a copy into it, ref/out,
    /// any call that takes it and is not known to only look at it). A consumer that takes B whole where the fact holds
    /// is reported, when the count is discarded or only compared with 0: a count compared with the buffer's length,
    /// passed to a callee, returned or accumulated means the code knows how much arrived, and the rule stays silent.
    /// Reported from the body-level action, at the consumer.
    /// </para>
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SOCK012WholeBufferConsumedAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>Diagnostic property: the expression that holds the count (<c>n</c>, <c>result.ReceivedBytes</c>); absent when discarded.</summary>
        public const string CountKey = "Count";

        /// <summary>Diagnostic property: the buffer variable's name.</summary>
        public const string BufferKey = "Buffer";

        /// <summary>Diagnostic property: the form of the finding, present only for <see cref="Decoded"/>.</summary>
        public const string FormKey = "Form";

        /// <summary>
        /// <see cref="FormKey"/>: a fixed-width decode (<c>BitConverter.ToInt32(header, 0)</c>,
        /// <c>BinaryPrimitives.ReadInt32BigEndian(header)</c>) of bytes past what the read may have filled. The count fix
        /// does not apply; the read-at-least fix may.
        /// </summary>
        public const string Decoded = "Decoded";

        /// <summary>
        /// Diagnostic properties of <see cref="Decoded"/>, and of a whole consumer after a read whose count is discarded
        /// (no <see cref="CountKey"/>): where the read is, as the distance from the start of the read to the start of the
        /// consumer and the read's length, so the fix finds it (and checks it is still that read).
        /// </summary>
        public const string ReadBackKey = "ReadBack";

        /// <inheritdoc cref="ReadBackKey"/>
        public const string ReadLengthKey = "ReadLength";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.SOCK012WholeBufferConsumed);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            ReadFlow.Register(context, RuleIdentifiers.WholeBufferConsumed);
        }
    }
}
