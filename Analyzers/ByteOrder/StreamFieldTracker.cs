using System;
using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Common;
using SocketAnalyzers.Reads;

namespace SocketAnalyzers.ByteOrder
{
    /// <summary>
    /// A <c>BinaryWriter</c>/<c>BinaryReader</c> kept in a private field of the type under analysis (the usual shape of
    /// a protocol class: created over <c>client.GetStream()</c> in the constructor, used by every method). One tracker per
    /// type (symbol start/end): it records every write of such fields and the uses that wait on them, and at the end of
    /// the type reports a use only when <b>every</b> value the field is ever given is a writer/reader over the network.
    /// Types with nested types are skipped (a nested type could assign the field unseen).
    /// </summary>
    internal sealed class StreamFieldTracker
    {
        private readonly INamedTypeSymbol type;
        private readonly ByteOrderSymbols symbols;
        private readonly NetworkReads reads;
        private readonly bool enabled;

        /// <summary>Per field: false once a value is not known to be over the network; true while all seen are.</summary>
        private readonly ConcurrentDictionary<IFieldSymbol, bool> fields = new(SymbolEqualityComparer.Default);

        private readonly ConcurrentQueue<(IFieldSymbol Field, Diagnostic Diagnostic)> pending = new();

        private StreamFieldTracker(INamedTypeSymbol type, ByteOrderSymbols symbols, NetworkReads reads)
        {
            this.type = type;
            this.symbols = symbols;
            this.reads = reads;
            enabled = type.GetTypeMembers().IsEmpty;
        }

        /// <summary>Registers the tracker for every named type; <paramref name="register"/> adds the rule's own operation actions.</summary>
        public static void Register(
            CompilationStartAnalysisContext start,
            ByteOrderSymbols symbols,
            NetworkReads reads,
            Action<SymbolStartAnalysisContext, StreamFieldTracker> register)
        {
            start.RegisterSymbolStartAction(
                symbolStart =>
                {
                    var tracker = new StreamFieldTracker((INamedTypeSymbol)symbolStart.Symbol, symbols, reads);
                    register(symbolStart, tracker);
                    if (!tracker.enabled)
                    {
                        return;
                    }

                    symbolStart.RegisterOperationAction(tracker.RecordWrite, OperationKind.FieldReference);
                    symbolStart.RegisterOperationAction(tracker.RecordInitializer, OperationKind.FieldInitializer);
                    symbolStart.RegisterSymbolEndAction(tracker.ReportPending);
                },
                SymbolKind.NamedType);
        }

        /// <summary>The field under <paramref name="instance"/> when it is a private field of this type, or null.</summary>
        public IFieldSymbol? TrackedField(IOperation instance) => enabled ? PrivateFieldOf(instance, type) : null;

        /// <summary>
        /// The field <paramref name="instance"/> reads (through conversions and parentheses) when it is a private field of
        /// <paramref name="type"/> read on <c>this</c> or statically, or null: the fields a tracker can follow.
        /// </summary>
        public static IFieldSymbol? PrivateFieldOf(IOperation instance, INamedTypeSymbol? type)
            => instance.WalkDownConversions() is IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation, Field: { DeclaredAccessibility: Accessibility.Private } field }
                && SymbolEqualityComparer.Default.Equals(field.ContainingType, type)
                ? field
                : null;

        /// <summary>True when <paramref name="field"/> is a field this tracker follows (of its type, which has no nested types).</summary>
        public bool Tracks(IFieldSymbol field) => enabled && SymbolEqualityComparer.Default.Equals(field.ContainingType, type);

        /// <summary>Reports <paramref name="diagnostic"/> at the end of the type if every value of <paramref name="field"/> is over the network.</summary>
        public void ReportIfNetwork(IFieldSymbol field, Diagnostic diagnostic) => pending.Enqueue((field, diagnostic));

        private void RecordWrite(OperationAnalysisContext context)
        {
            var reference = (IFieldReferenceOperation)context.Operation;
            if (TrackedField(reference) is not { } field)
            {
                return;
            }

            switch (reference.Parent)
            {
                case ISimpleAssignmentOperation assignment when assignment.Target == reference:
                    Record(field, assignment.Value, assignment);
                    break;
                case IAssignmentOperation assignment when assignment.Target == reference:
                case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out }:
                    fields[field] = false;
                    break;
            }
        }

        private void RecordInitializer(OperationAnalysisContext context)
        {
            var initializer = (IFieldInitializerOperation)context.Operation;
            foreach (var field in initializer.InitializedFields)
            {
                if (SymbolEqualityComparer.Default.Equals(field.ContainingType, type))
                {
                    Record(field, initializer.Value, initializer);
                }
            }
        }

        private void Record(IFieldSymbol field, IOperation value, IOperation where)
        {
            var flow = new ByteFlow(symbols, reads, where);
            var isWriter = KnownSymbols.IsOrDerivesFrom(field.Type, symbols.BinaryWriter);
            var overNetwork = flow.WriterStream(value) is { } stream
                && (isWriter ? flow.IsNetworkStream(stream) : flow.IsNetworkSource(stream, where.Syntax.SpanStart));
            fields.AddOrUpdate(field, overNetwork, (_, before) => before && overNetwork);
        }

        private void ReportPending(SymbolAnalysisContext context)
        {
            while (pending.TryDequeue(out var item))
            {
                if (fields.TryGetValue(item.Field, out var overNetwork) && overNetwork)
                {
                    context.ReportDiagnostic(item.Diagnostic);
                }
            }
        }
    }
}
