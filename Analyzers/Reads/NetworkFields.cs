using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Common;

namespace SocketAnalyzers.Reads
{
    /// <summary>
    /// Readers and streams kept in fields (issue 13): a field counts as a reader over a network stream (or as a network
    /// stream) when no code outside its type can assign it and every assignment its type makes is such a value, by the
    /// same test a local's values get (<see cref="NetworkReads.IsNetworkReaderValue"/>: <c>new StreamReader(client.GetStream())</c>,
    /// a reader over a <c>NetworkStream</c>/<c>SslStream</c> field or local, a local holding one;
    /// <see cref="NetworkReads.IsNetworkStream"/> without fields: <c>client.GetStream()</c>, <c>new NetworkStream(socket)</c>,
    /// a local holding one) or <c>null</c>. One instance per kind of value; two more for writers over a network stream
    /// (<see cref="NetworkReads.WriterFieldOf"/>: any such writer, and one whose every write reaches the stream at once).
    /// </summary>
    /// <remarks>
    /// <para>
    /// <b>Which fields.</b> Only a <c>private</c> field of a class or struct declared in source: every code that can name
    /// it lies inside its type's declarations (nested types included), so reading them finds every assignment. A field
    /// any other code can reach (internal, protected, public, private protected) is unknown: another class may assign it.
    /// </para>
    /// <para>
    /// <b>Every assignment.</b> Each identifier of the field's name in its type's declarations (all partial parts) is
    /// bound; an assignment (<c>=</c>, <c>??=</c>, an object or <c>with</c> initializer) must give it a network value or
    /// <c>null</c>; any other write (<c>ref</c>/<c>out</c>/<c>in</c> passing, <c>ref</c> taken, deconstruction) makes it
    /// unknown. A <c>null</c> (in <c>Dispose</c>/<c>Close</c>) does not disqualify it: a line read on <c>null</c> throws
    /// <c>NullReferenceException</c>, it does not spin. At least one assignment must be a network value (a field never
    /// assigned in source is unknown).
    /// </para>
    /// <para>
    /// <b>One file.</b> An analyzer may bind only the file it is given (RS1030: no <c>Compilation.GetSemanticModel</c>), so
    /// the field's name (and its initializer) must appear in one file only, the one that reads it. When another partial
    /// part names the field too, it is unknown in every host (build, IDE document and span analysis, the scanner's
    /// modes): the answer depends on the field alone, never on which file is being analyzed. A partial part that does not
    /// name the field (a designer file, the field's declaration without initializer) does not matter.
    /// </para>
    /// <para>
    /// Computed on first use, once per field for the compilation (a thread-safe cache; a computation that is cancelled is
    /// not stored): for a reader field, only when its line or character read sits in a loop (<see cref="NetworkReads.IsNetworkReader"/>);
    /// for a stream field, when a read of it is met (<see cref="NetworkReads.IsNetworkStream"/>).
    /// </para>
    /// </remarks>
    internal sealed class NetworkFields : SymbolSummaries<IFieldSymbol>
    {
        private readonly Func<IOperation, bool>? passesEachWrite;
        private readonly Func<IPropertySymbol, bool>? switchesAutoFlush;

        /// <param name="isNetworkValue">What the field must be given: a reader over a network stream (reader fields), or a network stream (stream fields).</param>
        public NetworkFields(Func<IOperation, CancellationToken, bool> isNetworkValue, Model.CatalogueIndex? catalogue = null)
            : base(isNetworkValue, catalogue)
        {
        }

        /// <summary>
        /// Fields of any accessibility whose every assignment in their type gives such a value (<paramref name="anyAccessibility"/>):
        /// for datagram sockets (<c>public static Socket sock = new Socket(…, SocketType.Dgram, ProtocolType.Udp);</c>,
        /// fresh17 FALSE 1). Another class could assign the field a stream socket, but a field its own type makes a UDP
        /// socket that other code fills with a TCP one is not a shape code has.
        /// </summary>
        public NetworkFields(Func<IOperation, CancellationToken, bool> isNetworkValue, bool anyAccessibility)
            : base(isNetworkValue, catalogue: null)
        {
            this.anyAccessibility = anyAccessibility;
        }

        private readonly bool anyAccessibility;

        /// <summary>
        /// Writer fields whose every write reaches the stream at once: every value given is a network writer
        /// (<paramref name="isNetworkValue"/>) that <paramref name="passesEachWrite"/> accepts (a <c>BinaryWriter</c>, a
        /// <c>StreamWriter</c> made with <c>{ AutoFlush = true }</c>), or the type sets the field's <c>AutoFlush</c>
        /// (<paramref name="switchesAutoFlush"/>) to <c>true</c> somewhere and never to anything else.
        /// </summary>
        public NetworkFields(Func<IOperation, CancellationToken, bool> isNetworkValue, Func<IOperation, bool> passesEachWrite, Func<IPropertySymbol, bool> switchesAutoFlush)
            : base(isNetworkValue, catalogue: null)
        {
            this.passesEachWrite = passesEachWrite;
            this.switchesAutoFlush = switchesAutoFlush;
        }

        /// <summary>True when <paramref name="reference"/> reads a field that only ever holds a network value (or null).</summary>
        public bool IsNetworkField(IFieldReferenceOperation reference, CancellationToken cancellationToken)
            => IsNetworkField(reference, null, cancellationToken);

        /// <summary>
        /// As <see cref="IsNetworkField(IFieldReferenceOperation, CancellationToken)"/>; <paramref name="model"/> (the model of
        /// the file that holds the reference) serves a reference that carries none, as the operations of a control-flow graph.
        /// </summary>
        public bool IsNetworkField(IFieldReferenceOperation reference, SemanticModel? model, CancellationToken cancellationToken)
            => Answer(reference.Field.OriginalDefinition, reference.SemanticModel ?? model, cancellationToken);

        /// <summary>As <see cref="IsNetworkField(IFieldReferenceOperation, SemanticModel, CancellationToken)"/>, for a field a property's getter returns.</summary>
        public bool IsNetworkField(IFieldSymbol field, SemanticModel model, CancellationToken cancellationToken)
            => Answer(field.OriginalDefinition, model, cancellationToken);

        /// <summary>
        /// The field a property of the type only gives back (<c>public Stream Stream =&gt; _stream;</c>,
        /// <c>{ get { return _stream; } }</c>): a property that cannot be overridden, declared once, whose getter is that one
        /// name (or <c>this.</c> name) of a field of the same type. Null otherwise. Found by name among the type's members:
        /// a getter that is one name has no local that could hide the field. For an auto-property (<c>{ get; private set; }</c>,
        /// <c>{ get; }</c>, <c>{ get; set; }</c>), its backing field: the property is that field under another name (the
        /// metanit.com <c>ClientObject</c>'s <c>Stream { get; private set; }</c>), readonly when it has no setter.
        /// </summary>
        public static IFieldSymbol? GetterField(IPropertySymbol property, CancellationToken cancellationToken)
        {
            if (property is not { IsVirtual: false, IsAbstract: false, IsOverride: false, IsExtern: false, IsIndexer: false, GetMethod: not null }
                || property.DeclaringSyntaxReferences.Length != 1
                || property.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not PropertyDeclarationSyntax declaration)
            {
                return null;
            }

            if (AutoProperties.IsAutoProperty(declaration))
            {
                foreach (var member in property.ContainingType.GetMembers())
                {
                    if (member is IFieldSymbol { IsImplicitlyDeclared: true } backing && SymbolEqualityComparer.Default.Equals(backing.AssociatedSymbol, property))
                    {
                        return backing;
                    }
                }

                return null;
            }

            return FieldNamed(property, GetterExpression(declaration));
        }

        /// <summary>
        /// The field whose <c>Available</c> a property of the type gives back (<c>public int available =&gt; socket.Available;</c>,
        /// fresh69 FALSE 1, a WebSocket server's client class): a property that cannot be overridden, declared once, of type
        /// <c>int</c>, whose getter is <c>name.Available</c> (or <c>this.name.Available</c>) for a field of the same type whose
        /// <c>Available</c> is the catalogue's count of waiting bytes. Reading the property reads that count, as naming it would.
        /// Null otherwise.
        /// </summary>
        public static IFieldSymbol? AvailableGetterField(IPropertySymbol property, Model.CatalogueIndex catalogue, CancellationToken cancellationToken)
        {
            if (property is not { IsVirtual: false, IsAbstract: false, IsOverride: false, IsExtern: false, IsIndexer: false, GetMethod: not null, Type.SpecialType: SpecialType.System_Int32 }
                || property.DeclaringSyntaxReferences.Length != 1
                || property.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not PropertyDeclarationSyntax declaration
                || GetterExpression(declaration) is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Available" } counted)
            {
                return null;
            }

            return FieldNamed(property, counted.Expression) is { } field && CountsWaitingBytes(field.Type, catalogue) ? field : null;
        }

        /// <summary>The field of the property's type (static as the property is) that <paramref name="expression"/>, one name or <c>this.</c> name, names.</summary>
        private static IFieldSymbol? FieldNamed(IPropertySymbol property, ExpressionSyntax? expression)
        {
            var name = expression switch
            {
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: IdentifierNameSyntax member } => member.Identifier.ValueText,
                _ => null,
            };
            if (name is null)
            {
                return null;
            }

            foreach (var candidate in property.ContainingType.GetMembers(name))
            {
                if (candidate is IFieldSymbol field && field.IsStatic == property.IsStatic)
                {
                    return field;
                }
            }

            return null;
        }

        /// <summary>The type (or a base) has an <c>int Available</c> that the catalogue knows counts the received bytes waiting.</summary>
        private static bool CountsWaitingBytes(ITypeSymbol type, Model.CatalogueIndex catalogue)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                foreach (var member in current.GetMembers("Available"))
                {
                    if (member is IPropertySymbol { Type.SpecialType: SpecialType.System_Int32 } available && catalogue.Facts(available) is { TellsAvailable: true })
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>What a property's getter returns: its expression body, or the get accessor's expression or single <c>return</c>.</summary>
        private static ExpressionSyntax? GetterExpression(PropertyDeclarationSyntax declaration)
        {
            var returned = declaration.ExpressionBody?.Expression;
            if (returned is null && declaration.AccessorList is { } accessors)
            {
                foreach (var accessor in accessors.Accessors)
                {
                    if (!accessor.Keyword.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.GetKeyword))
                    {
                        continue;
                    }

                    returned = accessor.ExpressionBody?.Expression
                        ?? (accessor.Body is { Statements.Count: 1 } body && body.Statements[0] is ReturnStatementSyntax { Expression: { } expression } ? expression : null);
                }
            }

            return returned;
        }

        /// <summary>
        /// A private field (or any, see the datagram constructor) of a source class or struct, not a constant; or the hidden
        /// field of an auto-property that only its type can set (<c>{ get; }</c>, <c>{ get; private set; }</c>: the metanit.com
        /// chat server's <c>Reader { get; }</c>, fresh21), which the summary follows through the property's name.
        /// </summary>
        protected override bool IsCandidate(IFieldSymbol field)
            => field is { IsConst: false, ContainingType.TypeKind: TypeKind.Class or TypeKind.Struct }
                && (field.IsImplicitlyDeclared
                    ? SetOnlyByItsType(field.AssociatedSymbol as IPropertySymbol)
                    : (anyAccessibility || field.DeclaredAccessibility == Accessibility.Private) && field.DeclaringSyntaxReferences.Length > 0);

        /// <summary>An auto-property declared once, not overridable, with no setter or a private one (not <c>init</c>: an object initializer elsewhere sets that).</summary>
        internal static bool SetOnlyByItsType(IPropertySymbol? property)
            => property is { IsVirtual: false, IsAbstract: false, IsOverride: false, IsIndexer: false, DeclaringSyntaxReferences.Length: 1 }
                && (property.SetMethod is null || property.SetMethod is { IsInitOnly: false, DeclaredAccessibility: Accessibility.Private });

        protected override bool Summarise(IFieldSymbol field, SemanticModel model, CancellationToken cancellationToken)
        {
            var tree = model.SyntaxTree;
            var scan = new Scan();
            // The name code uses: the field's, or its auto-property's.
            ISymbol named = field.AssociatedSymbol as IPropertySymbol ?? (ISymbol)field;
            foreach (var declaration in named.DeclaringSyntaxReferences)
            {
                var initializer = declaration.GetSyntax(cancellationToken) switch
                {
                    VariableDeclaratorSyntax declarator => declarator.Initializer,
                    PropertyDeclarationSyntax property => property.Initializer,
                    _ => null,
                };

                if (initializer is not null)
                {
                    if (initializer.SyntaxTree != tree
                        || model.GetOperation(initializer, cancellationToken) is not ISymbolInitializerOperation { Value: { } value }
                        || !Gives(value, scan, cancellationToken))
                    {
                        return false;
                    }
                }
            }

            foreach (var part in field.ContainingType.DeclaringSyntaxReferences)
            {
                // Another file that names the field: unknown everywhere (SameFileUses).
                if (!SameFileUses.All(part.GetSyntax(cancellationToken), named, model, identifier => Use(identifier, named, model, scan, cancellationToken), cancellationToken))
                {
                    return false;
                }
            }

            return scan.Network && (passesEachWrite is null || scan.EachValuePasses || scan.AutoFlushSet);
        }

        /// <summary>What the uses of one field showed so far (one per summary: a summary may start another's).</summary>
        private sealed class Scan
        {
            public bool Network;

            /// <summary>Every network value given passes each write on (writer fields).</summary>
            public bool EachValuePasses = true;

            /// <summary>The type sets the field's <c>AutoFlush</c> to <c>true</c> (writer fields).</summary>
            public bool AutoFlushSet;
        }

        private bool Gives(IOperation value, Scan scan, CancellationToken cancellationToken)
        {
            var before = scan.Network;
            scan.Network = false;
            var given = Given(value, ref scan.Network, cancellationToken);
            if (given && scan.Network && passesEachWrite is not null && !passesEachWrite(value.WalkDownConversions()))
            {
                scan.EachValuePasses = false;
            }

            scan.Network |= before;
            return given;
        }

        /// <summary>False when this reference of the field gives it something other than a network reader or null, or writes it in a way we cannot judge.</summary>
        private bool Use(IdentifierNameSyntax identifier, ISymbol field, SemanticModel model, Scan scan, CancellationToken cancellationToken)
        {
            ExpressionSyntax expression = identifier.Parent switch
            {
                MemberAccessExpressionSyntax access when access.Name == identifier => access,
                MemberBindingExpressionSyntax binding when binding.Name == identifier => binding,
                _ => identifier,
            };

            if (expression.Parent is RefExpressionSyntax or ArgumentSyntax { RefKindKeyword.RawKind: not 0 } or TupleExpressionSyntax or ArgumentSyntax { Parent: TupleExpressionSyntax })
            {
                // ref reader, out reader, in reader, (reader, x) = …: a ref may write it anywhere, a deconstruction we do not follow.
                return false;
            }

            if (model.GetOperation(expression, cancellationToken) is not IMemberReferenceOperation reference
                || reference is not (IFieldReferenceOperation or IPropertyReferenceOperation)
                || !SymbolEqualityComparer.Default.Equals(reference.Member.OriginalDefinition, field))
            {
                // Bound to nothing we can follow (broken code, a member access we do not know): unknown.
                return false;
            }

            switch (reference.Parent)
            {
                case ISimpleAssignmentOperation assignment when assignment.Target == reference:
                    return Gives(assignment.Value, scan, cancellationToken);
                case ICoalesceAssignmentOperation coalesce when coalesce.Target == reference:
                    return Gives(coalesce.Value, scan, cancellationToken);
                case IArgumentOperation { Parameter: { RefKind: not RefKind.None } }:
                    return false;
                case IPropertyReferenceOperation { Parent: ISimpleAssignmentOperation setting } property
                    when switchesAutoFlush is not null && setting.Target == property && switchesAutoFlush(property.Property):
                    // writer.AutoFlush = true; (anything else: the writer may keep what it is given).
                    if (setting.Value.ConstantValue is { HasValue: true, Value: true })
                    {
                        scan.AutoFlushSet = true;
                    }
                    else
                    {
                        return false;
                    }

                    return true;
                default:
                    return !ReadBody.IsWrite(reference);
            }
        }
    }
}
