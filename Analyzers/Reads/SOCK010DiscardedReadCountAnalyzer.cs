using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SocketAnalyzers.Reads
{
    /// <summary>
    /// SOCK010: the byte count returned by a network read is thrown away: the read is a statement, is awaited as one
    /// (with or without <c>ConfigureAwait</c>), is assigned to <c>_</c>, or is stored in a local that no later use reads
    /// (no use of the local has that read among its reaching definitions). Silent when the count cannot matter: the
    /// read's buffer is never looked at afterwards and the same socket or stream is not read again (a drain, a probe, a
    /// read before a <c>throw</c>). A check of the reads family (<see cref="ReadFlowAnalysis"/>, docs/reads-engine.md),
    /// reported from the body-level action.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SOCK010DiscardedReadCountAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>Diagnostic property: how the count is lost (<see cref="Discarded"/> or <see cref="StoredUnread"/>).</summary>
        public const string FormKey = "Form";

        public const string Discarded = "Discarded";

        public const string StoredUnread = "StoredUnread";

        /// <summary>The read's task is thrown away without <c>await</c>: the message names the missing <c>await</c>.</summary>
        public const string Unawaited = "Unawaited";

        /// <summary>A <c>Begin…</c> receive whose <c>End…</c> nothing can call: the message names the callback.</summary>
        public const string NeverEnded = "NeverEnded";

        /// <summary>
        /// Diagnostic property, present ("true") when the read's buffer is then decoded as a fixed-width number (SOCK012
        /// reports the decode): capturing the count and stopping at 0 would leave the short read, so that fix is not
        /// offered; reading exactly is.
        /// </summary>
        public const string DecodedKey = "Decoded";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.SOCK010DiscardedReadCount);

        /// <summary>
        /// The message arguments: the read's name, what else is wrong (nothing, or the missing <c>await</c>), what to do, and
        /// what the count counts (<see cref="ReadApi.Units"/>, bytes without <paramref name="api"/>: a text reader's read into a <c>char</c> buffer, which has no
        /// exact form, counts characters).
        /// </summary>
        internal static object[] MessageArguments(string readName, bool unawaited, ReadApi? api = null, bool datagram = false)
        {
            var units = api?.Units ?? "bytes";
            var may = datagram ? DatagramCount : StreamCount;
            return unawaited
                ? new object[] { readName, readName + " is not awaited: the code after it may use the buffer before the read has finished. ", "Await it and use the count", units, may }
                : new object[] { readName, string.Empty, api is { CountsChars: true } ? "Use the count" : "Use the count, or read exactly", units, may };
        }

        /// <summary>What a stream's count may be (the message's {4}).</summary>
        internal const string StreamCount = "fewer than asked, or 0 when the peer closed";

        /// <summary>
        /// What a datagram read's count is (the message's {4}): one datagram, whole, shorter than the buffer when the datagram is;
        /// a datagram socket has no end of stream (fresh56: "0 when the peer closed" on a UDP receive).
        /// </summary>
        internal const string DatagramCount = "the length of one datagram, fewer than asked when the datagram is shorter";

        /// <summary>
        /// The finding for a <c>Begin…</c> receive that nothing can end (<see cref="UnendedReceives"/>): its count is never
        /// known. No fix: where the callback can reach the socket or stream to end it is the code's own choice.
        /// </summary>
        internal static Diagnostic Unended(UnendedReceive receive)
        {
            var name = receive.Begin.TargetMethod.ContainingType.Name + "." + receive.Begin.TargetMethod.Name;
            var why = !receive.IsLambda && receive.Callback is null
                ? "Nothing can call " + receive.EndName + " for this " + name + " (it has no callback and its IAsyncResult is dropped), so the receive is never completed and its error is never seen. "
                : (receive.Callback is { } callback ? "The callback '" + callback + "' of " + name : "The lambda given to " + name + " as its callback") + " never calls " + receive.EndName
                    + " (the IAsyncResult goes nowhere), so the receive is never completed and its error is never seen. ";
            return Diagnostic.Create(
                Descriptors.SOCK010DiscardedReadCount,
                receive.Begin.Syntax.GetLocation(),
                ImmutableDictionary<string, string?>.Empty.Add(FormKey, NeverEnded),
                name,
                why,
                "Call " + receive.EndName + " in the callback and use the count it returns",
                "bytes",
                StreamCount);
        }

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            ReadFlow.Register(context, RuleIdentifiers.DiscardedReadCount);
        }
    }
}
