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
    /// with SOCK022), with the tracker of writer and reader fields of the body's type when it has such a field
    /// (<see cref="StreamFieldTracker"/>; the findings through such a field wait for the end of the type), off under
    /// <c>socket_analyzers.wire_byte_order = little_endian</c>; and, where a file names a host-order API
    /// (<see cref="HostOrderGate"/>), the cross-method byte graph (<see cref="CrossMethodBytes"/>) resolved at the end
    /// of the compilation. Each rule supplies only what it reports from a body's findings and from the graph.
    /// </summary>
    internal static class ByteOrderRule
    {
        /// <summary>Call from <c>Initialize</c>, after <c>EnableConcurrentExecution</c> and <c>ConfigureGeneratedCodeAnalysis</c>.</summary>
        /// <typeparam name="T">The rule's finding (a host-order write or read).</typeparam>
        /// <param name="findingsOf">The rule's findings in one body's results.</param>
        /// <param name="fieldOf">The writer or reader field a finding goes through (then the type's tracker decides), or null.</param>
        /// <param name="diagnosticOf">The diagnostic of a finding (the same in the body and across methods).</param>
        /// <param name="acrossMethods">The findings the cross-method graph makes at the end of the compilation.</param>
        /// <param name="rightInHostOrder">A finding whose number is right in the host's order after all (an Internet checksum, an
        /// address given to <c>new IPAddress(long)</c>): left out, in the body and across methods alike.</param>
        public static void Register<T>(
            AnalysisContext context,
            Func<ByteOrderFindings, IEnumerable<T>> findingsOf,
            Func<T, IFieldSymbol?> fieldOf,
            Func<T, Diagnostic> diagnosticOf,
            Func<CrossMethodBytes, CancellationToken, IEnumerable<T>> acrossMethods,
            Func<T, ByteOrderSymbols, bool> rightInHostOrder)
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
                var graph = HostOrderGate.MentionsHostOrderApi(start.Compilation) ? new CrossMethodBytes() : null;
                StreamFieldTracker.Register(start, symbols, reads, (body, tracker) => AnalyzeBody(body, symbols, reads, tracker, graph, findingsOf, fieldOf, diagnosticOf, rightInHostOrder));
                if (graph is not null)
                {
                    start.RegisterCompilationEndAction(end =>
                    {
                        foreach (var finding in acrossMethods(graph, end.CancellationToken))
                        {
                            if (rightInHostOrder(finding, symbols))
                            {
                                continue;
                            }

                            end.ReportDiagnostic(diagnosticOf(finding));
                        }
                    });
                }
            });
        }

        /// <summary>
        /// Body-level, on the byte family's converged states: reporting from the operation block (not from the call's own
        /// operation action) keeps the finding in per-document and span-based analysis, where it is decided by the whole
        /// body. A finding through a writer or reader field waits for the type's tracker.
        /// </summary>
        private static void AnalyzeBody<T>(
            OperationBlockAnalysisContext context,
            ByteOrderSymbols symbols,
            NetworkReads reads,
            StreamFieldTracker? tracker,
            CrossMethodBytes? graph,
            Func<ByteOrderFindings, IEnumerable<T>> findingsOf,
            Func<T, IFieldSymbol?> fieldOf,
            Func<T, Diagnostic> diagnosticOf,
            Func<T, ByteOrderSymbols, bool> rightInHostOrder)
        {
            foreach (var block in context.OperationBlocks)
            {
                // The family's one run per body, which SOCK022 makes for every body whatever the option says: asked first, so
                // that a body with nothing to report or summarise (most) never asks for the file's option (its two
                // weak-table lookups were a third of SOCK020's samples on the dense corpus).
                var findings = ByteOrderFlow.For(in context, block, symbols, reads, graph is not null);
                if ((graph is null && ReferenceEquals(findings, ByteOrderFindings.Empty))
                    || WireByteOrderOption.IsLittleEndian(context.Options, block.Syntax.SyntaxTree))
                {
                    continue;
                }

                graph?.Add(findings);
                foreach (var finding in findingsOf(findings))
                {
                    if (rightInHostOrder(finding, symbols))
                    {
                        continue;
                    }

                    var field = fieldOf(finding);
                    if (field is null)
                    {
                        context.ReportDiagnostic(diagnosticOf(finding));
                    }
                    else if (tracker is not null && tracker.Tracks(field))
                    {
                        tracker.ReportIfNetwork(field, diagnosticOf(finding));
                    }
                }
            }
        }
    }
}
