using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
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
    /// the type reports a use only when <b>every</b> value the field is ever given is a writer/reader over the network
    /// (<c>null</c> is no value: a reset after a close).
    /// Types with nested types are skipped (a nested type could assign the field unseen).
    /// </summary>
    internal sealed class StreamFieldTracker
    {
        private readonly INamedTypeSymbol type;
        private readonly ByteOrderSymbols symbols;
        private readonly NetworkReads reads;
        /// <summary>The identifiers the code of the nested types uses (<see cref="NestedTypes.NamesInCode"/>): a field named there is not followed.</summary>
        private readonly System.Lazy<System.Collections.Generic.HashSet<string>?> nestedNames;

        /// <summary>
        /// Every value given to a tracked field (null for a write whose value is unknown: a compound assignment, a
        /// <c>ref</c>/<c>out</c> argument), with the operation that gives it. Judged at the end of the type, and only for
        /// the fields some finding waits on: most types have none, and then no value is ever judged.
        /// </summary>
        /// <remarks>Made on the first write: a queue allocates its first segment at once, and most types never write such a field.</remarks>
        private ConcurrentQueue<(IFieldSymbol Field, IOperation? Value, IOperation Where)>? writes;

        private ConcurrentQueue<(IFieldSymbol Field, Diagnostic Diagnostic)>? pending;

        private ConcurrentQueue<(IFieldSymbol Field, IOperation? Value, IOperation Where)> Writes
            => writes ?? System.Threading.Interlocked.CompareExchange(ref writes, new(), null) ?? writes;

        private ConcurrentQueue<(IFieldSymbol Field, Diagnostic Diagnostic)> Pending
            => pending ?? System.Threading.Interlocked.CompareExchange(ref pending, new(), null) ?? pending;

        private StreamFieldTracker(INamedTypeSymbol type, ByteOrderSymbols symbols, NetworkReads reads)
        {
            this.type = type;
            this.symbols = symbols;
            this.reads = reads;
            nestedNames = new System.Lazy<System.Collections.Generic.HashSet<string>?>(() => NestedTypes.NamesInCode(type, System.Threading.CancellationToken.None));
        }

        /// <summary>
        /// Registers <paramref name="analyzeBody"/> for every body, with the tracker of the body's type when that type has a
        /// field that may hold a writer or reader (<see cref="HasFieldThatMayHoldWriterOrReader"/>), and with none otherwise.
        /// </summary>
        /// <remarks>
        /// Only a type with such a field gets a tracker, and only its bodies are analyzed in its symbol's scope: there the
        /// driver runs the end of the type (<see cref="ReportPending"/>) after every body of the type, which the pending
        /// findings wait for. Every other body is analyzed by one action of the compilation, with no tracker: a finding
        /// through a field of its type cannot be tracked (the field's type cannot hold the writer or reader) and is
        /// dropped, as the tracker of such a type dropped it. Registering the rule's body action in every type's start,
        /// and a tracker for each, was most of SOCK020's and SOCK021's own cost on the dense corpus (a symbol-scoped action
        /// per type for the driver to keep, and the type's members asked twice).
        /// A body belongs to the type that owns it (<see cref="BodyType"/>), whichever scopes the driver runs it in: each
        /// body is analyzed once, by exactly one of the two routes.
        /// </remarks>
        public static void Register(
            CompilationStartAnalysisContext start,
            ByteOrderSymbols symbols,
            NetworkReads reads,
            Action<OperationBlockAnalysisContext, StreamFieldTracker?> analyzeBody)
        {
            var fieldAnswers = FieldAnswers.GetValue(start.Compilation, static _ => new ConcurrentDictionary<INamedTypeSymbol, bool>(ReferenceComparer.Instance));
            start.RegisterOperationBlockAction(
                body =>
                {
                    if (BodyType(body.OwningSymbol) is { } owner && HasFieldThatMayHoldWriterOrReader(owner, symbols, fieldAnswers))
                    {
                        // Its type's tracker analyzes it, in the type's scope.
                        return;
                    }

                    analyzeBody(body, null);
                });
            start.RegisterSymbolStartAction(
                symbolStart =>
                {
                    var type = (INamedTypeSymbol)symbolStart.Symbol;
                    if (!HasFieldThatMayHoldWriterOrReader(type, symbols, fieldAnswers))
                    {
                        // Only such a field can be awaited (a finding's field is a writer's or reader's receiver): a type
                        // without one records nothing and has nothing pending at its end, and most types have none (an
                        // operation action per field reference and per initializer of every type otherwise, and an end
                        // the driver waits for).
                        return;
                    }

                    var tracker = new StreamFieldTracker(type, symbols, reads);
                    symbolStart.RegisterOperationBlockAction(body =>
                    {
                        // Roslyn 4.8 runs a type's scoped actions on its own bodies only (not its nested types'); the test keeps
                        // each body on exactly one route whatever a driver does.
                        if (SymbolEqualityComparer.Default.Equals(BodyType(body.OwningSymbol), type))
                        {
                            analyzeBody(body, tracker);
                        }
                    });
                    symbolStart.RegisterOperationAction(tracker.RecordWrite, OperationKind.FieldReference);
                    symbolStart.RegisterOperationAction(tracker.RecordInitializer, OperationKind.FieldInitializer);
                    symbolStart.RegisterSymbolEndAction(tracker.ReportPending);
                },
                SymbolKind.NamedType);
        }

        /// <summary>The type a body belongs to: its owner's type (a member's, a parameter's), or the owner when that is a type.</summary>
        private static INamedTypeSymbol? BodyType(ISymbol owner) => owner as INamedTypeSymbol ?? owner.ContainingType;

        /// <summary>The field under <paramref name="instance"/> when it is a private field of this type, or null.</summary>
        public IFieldSymbol? TrackedField(IOperation instance)
            => PrivateFieldOf(instance, type) is { } field && !NamedInNestedCode(field) ? field : null;

        /// <summary>Read on the first question, by one thread (the operation actions run concurrently): the symbol-start action runs for every type, and most never ask.</summary>
        private bool NamedInNestedCode(IFieldSymbol field)
        {
            return nestedNames.Value is { } names && names.Contains(field.Name);
        }

        /// <summary>
        /// The field <paramref name="instance"/> reads (through conversions and parentheses) when it is a private field of
        /// <paramref name="type"/> read on <c>this</c> or statically, or null: the fields a tracker can follow.
        /// </summary>
        public static IFieldSymbol? PrivateFieldOf(IOperation instance, INamedTypeSymbol? type)
            => instance.WalkDownConversions() is IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation, Field: { DeclaredAccessibility: Accessibility.Private } field }
                && SymbolEqualityComparer.Default.Equals(field.ContainingType, type)
                ? field
                : null;

        /// <summary>True when <paramref name="field"/> is a field this tracker follows (of its type, and named by no code of its nested types).</summary>
        /// <remarks>A field of a type no writer or reader can be held in is not followed (nor awaited at the end of the type, which is registered only for a type with a field that can).</remarks>
        public bool Tracks(IFieldSymbol field) => SymbolEqualityComparer.Default.Equals(field.ContainingType, type) && MayHoldWriterOrReader(field.Type, symbols) && !NamedInNestedCode(field);

        /// <summary>Reports <paramref name="diagnostic"/> at the end of the type if every value of <paramref name="field"/> is over the network.</summary>
        public void ReportIfNetwork(IFieldSymbol field, Diagnostic diagnostic) => Pending.Enqueue((field, diagnostic));

        private void RecordWrite(OperationAnalysisContext context)
        {
            // Most references read the field: ask what the parent does with it before anything about the field.
            var reference = (IFieldReferenceOperation)context.Operation;
            var (value, where) = reference.Parent switch
            {
                ISimpleAssignmentOperation assignment when assignment.Target == reference => (assignment.Value, (IOperation)assignment),
                IAssignmentOperation assignment when assignment.Target == reference => (null, reference),
                IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } => (null, reference),
                _ => (null, null),
            };
            if (where is not null && MayHoldWriterOrReader(reference.Field.Type, symbols) && TrackedField(reference) is { } field)
            {
                Writes.Enqueue((field, value, where));
            }
        }

        private void RecordInitializer(OperationAnalysisContext context)
        {
            var initializer = (IFieldInitializerOperation)context.Operation;
            foreach (var field in initializer.InitializedFields)
            {
                if (SymbolEqualityComparer.Default.Equals(field.ContainingType, type))
                {
                    Writes.Enqueue((field, initializer.Value, initializer));
                }
            }
        }

        /// <summary>
        /// A field of this type can hold the writer or reader a finding goes through: a type parameter, or a type that is
        /// <c>BinaryWriter</c> or <c>BinaryReader</c>, derives from one, or is one of their bases or interfaces (<c>object</c>,
        /// <c>IDisposable</c>, …). Only such fields' writes are recorded: the field of a finding is the receiver of a
        /// writer's or reader's call, so a field of any other type is never awaited, and most field references are of other
        /// types (they would make the tracker read the identifiers of the type's nested types,
        /// <see cref="NamedInNestedCode"/>, for nothing). A write not recorded can only leave a finding unreported (a field
        /// never written stays unreported).
        /// </summary>
        private static bool MayHoldWriterOrReader(ITypeSymbol type, ByteOrderSymbols symbols) => type.TypeKind switch
        {
            TypeKind.TypeParameter => true,

            // A struct, enum, array, delegate or pointer cannot hold one, nor can a string or another special class:
            // answered without the type's bases. An interface (IDisposable is a special type too) may be one's.
            TypeKind.Class or TypeKind.Error when type.SpecialType is not (SpecialType.None or SpecialType.System_Object) => false,
            TypeKind.Class or TypeKind.Error or TypeKind.Interface => Related(type, symbols.BinaryWriter) || Related(type, symbols.Known.BinaryReader),
            _ => false,
        };

        /// <summary>
        /// <see cref="HasFieldThatMayHoldWriterOrReader"/> per type of a compilation, asked by SOCK020 and SOCK021 alike: a
        /// type's members come out of the public API as a new array at every request. A table per compilation rather than
        /// one weak table keyed by the type: adding an entry to that made a dependent handle under a lock for every type
        /// (a quarter of the tracker's samples on the dense corpus). Keyed by reference: asked for every body now, and a
        /// type is one object in its compilation (two objects of one type would only hold the same answer twice).
        /// </summary>
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Compilation, ConcurrentDictionary<INamedTypeSymbol, bool>> FieldAnswers = new();

        /// <summary>Some field of <paramref name="type"/> may hold a writer or reader (<see cref="MayHoldWriterOrReader"/>): only then are its writes recorded.</summary>
        private static bool HasFieldThatMayHoldWriterOrReader(INamedTypeSymbol type, ByteOrderSymbols symbols, ConcurrentDictionary<INamedTypeSymbol, bool> answers)
        {
            if (answers.TryGetValue(type, out var known))
            {
                return known;
            }

            var answer = false;
            foreach (var member in type.GetMembers())
            {
                if (member is IFieldSymbol field && MayHoldWriterOrReader(field.Type, symbols))
                {
                    answer = true;
                    break;
                }
            }

            answers.TryAdd(type, answer);
            return answer;
        }

        /// <summary><paramref name="type"/> and <paramref name="stream"/>'s type are one, or one derives from or implements the other.</summary>
        private static bool Related(ITypeSymbol type, INamedTypeSymbol? stream)
            => stream is not null
                && (KnownSymbols.IsOrDerivesFrom(type, stream)
                    || (type is INamedTypeSymbol named && KnownSymbols.IsOrDerivesFrom(stream, named))
                    || (type.TypeKind == TypeKind.Interface && Implements(stream, type)));

        private static bool Implements(INamedTypeSymbol stream, ITypeSymbol contract)
        {
            foreach (var implemented in stream.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(implemented, contract))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True when <paramref name="value"/>, given to <paramref name="field"/> at <paramref name="where"/>, is a writer (or reader) over the network.</summary>
        private bool IsOverNetwork(IFieldSymbol field, IOperation value, IOperation where, System.Threading.CancellationToken cancellationToken)
        {
            var flow = new ByteFlow(symbols, reads, where, cancellationToken);
            var isWriter = KnownSymbols.IsOrDerivesFrom(field.Type, symbols.BinaryWriter);
            return flow.WriterStream(value) is { } stream
                && (isWriter ? flow.IsNetworkStream(stream, cancellationToken) : flow.IsNetworkSource(stream, where.Syntax.SpanStart));
        }

        private void ReportPending(SymbolAnalysisContext context)
        {
            if (pending is not { IsEmpty: false } || writes is null)
            {
                // No finding waits, or no value was ever given to a field (a field never written stays unreported).
                return;
            }

            // Per awaited field: false once a value is not known to be over the network; true while all seen are
            // (a field never written stays absent, and its findings unreported).
            var awaited = new HashSet<IFieldSymbol>(SymbolEqualityComparer.Default);
            foreach (var item in pending)
            {
                awaited.Add(item.Field);
            }

            var overNetwork = new Dictionary<IFieldSymbol, bool>(SymbolEqualityComparer.Default);
            foreach (var (field, value, where) in writes)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                if (!awaited.Contains(field) || (overNetwork.TryGetValue(field, out var before) && !before))
                {
                    continue;
                }

                if (value?.WalkDownConversions() is { ConstantValue: { HasValue: true, Value: null } } or IDefaultValueOperation)
                {
                    // netWriter = null after its Dispose() (SteamKit's Disconnect, fresh35 miss 1): a reset, no other writer.
                    // A use after it throws; it writes nothing in another order.
                    continue;
                }

                overNetwork[field] = value is not null && IsOverNetwork(field, value, where, context.CancellationToken);
            }

            while (pending.TryDequeue(out var item))
            {
                if (overNetwork.TryGetValue(item.Field, out var all) && all)
                {
                    context.ReportDiagnostic(item.Diagnostic);
                }
            }
        }
    }
}
