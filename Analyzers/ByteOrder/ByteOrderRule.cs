using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SocketAnalyzers.Common;
using SocketAnalyzers.Reads;

namespace SocketAnalyzers.ByteOrder
{
    /// <summary>
    /// What SOCK020 and SOCK021 register alike: per body, the byte family's one run (<see cref="ByteOrderFlow"/>, shared
    /// with SOCK022) inside the per-type tracker of writer and reader fields (<see cref="StreamFieldTracker"/>), off under
    /// <c>socket_analyzers.wire_byte_order = little_endian</c>; and, where a file names a host-order API
    /// (<see cref="HostOrderGate"/>), the cross-method byte graph (<see cref="CrossMethodBytes"/>) resolved at the end
    /// of the compilation. Each rule supplies only what it reports from a body's findings and from the graph.
    /// </summary>
    internal static class ByteOrderRule
    {
        /// <summary>Call from <c>Initialize</c>, after <c>EnableConcurrentExecution</c> and <c>ConfigureGeneratedCodeAnalysis</c>.</summary>
        /// <param name="reportBody">Reports a body's findings (the context, the findings, the type's field tracker).</param>
        /// <param name="reportAcrossMethods">The findings the graph makes at the end of the compilation.</param>
        public static void Register(
            AnalysisContext context,
            Action<OperationBlockAnalysisContext, ByteOrderFindings, StreamFieldTracker> reportBody,
            Func<CrossMethodBytes, CancellationToken, IEnumerable<Diagnostic>> reportAcrossMethods)
        {
            context.RegisterCompilationStartAction(start =>
            {
                var known = KnownSymbols.TryCreate(start.Compilation);
                if (known is null)
                {
                    return;
                }

                var symbols = new ByteOrderSymbols(known);
                var reads = known.Reads;
                // Only where a file names a host-order API can a summary find anything (HostOrderGate).
                var acrossMethods = HostOrderGate.MentionsHostOrderApi(start.Compilation) ? new CrossMethodBytes() : null;
                StreamFieldTracker.Register(start, symbols, reads, (symbolStart, tracker) =>
                    symbolStart.RegisterOperationBlockAction(c => AnalyzeBody(c, symbols, reads, tracker, acrossMethods, reportBody)));
                if (acrossMethods is not null)
                {
                    start.RegisterCompilationEndAction(end =>
                    {
                        foreach (var diagnostic in reportAcrossMethods(acrossMethods, end.CancellationToken))
                        {
                            end.ReportDiagnostic(diagnostic);
                        }
                    });
                }
            });
        }

        private static void AnalyzeBody(
            OperationBlockAnalysisContext context,
            ByteOrderSymbols symbols,
            NetworkReads reads,
            StreamFieldTracker tracker,
            CrossMethodBytes? acrossMethods,
            Action<OperationBlockAnalysisContext, ByteOrderFindings, StreamFieldTracker> reportBody)
        {
            foreach (var block in context.OperationBlocks)
            {
                if (WireByteOrderOption.IsLittleEndian(context.Options, block.Syntax.SyntaxTree))
                {
                    continue;
                }

                var findings = ByteOrderFlow.For(block, context.GetControlFlowGraph, symbols, reads, context.OwningSymbol, acrossMethods is not null, context.CancellationToken);
                acrossMethods?.Add(findings);
                reportBody(context, findings, tracker);
            }
        }
    }
}
