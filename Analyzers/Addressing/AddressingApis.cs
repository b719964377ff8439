using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Common;

namespace SocketAnalyzers.Addressing
{
    /// <summary>What a call does with the endpoint it takes.</summary>
    internal enum EndpointRole
    {
        None,

        /// <summary>The local address: any address of the socket's family, the wildcard included.</summary>
        Bind,

        /// <summary>The peer: an address of the socket's family, not the wildcard.</summary>
        Connect,

        /// <summary>A datagram's destination: as <see cref="Connect"/>, and the broadcast address needs permission.</summary>
        Send,
    }

    /// <summary>
    /// The socket API as the addressing and framing rules see it, as data: which calls take an endpoint and in which
    /// role, which parsers need a complete message, and the well-known addresses. Resolved to symbols once per
    /// compilation; a new overload or parser is a row here.
    /// </summary>
    internal sealed class AddressingApis
    {
        /// <summary>The calls that take an endpoint (an <c>EndPoint</c>, <c>IPEndPoint</c> or <c>IPAddress</c> argument), by owner.</summary>
        private static readonly (string Type, string Method, EndpointRole Role)[] EndpointCalls =
        {
            ("System.Net.Sockets.Socket", "Bind", EndpointRole.Bind),
            ("System.Net.Sockets.Socket", "Connect", EndpointRole.Connect),
            ("System.Net.Sockets.Socket", "ConnectAsync", EndpointRole.Connect),
            ("System.Net.Sockets.Socket", "BeginConnect", EndpointRole.Connect),
            ("System.Net.Sockets.Socket", "SendTo", EndpointRole.Send),
            ("System.Net.Sockets.Socket", "SendToAsync", EndpointRole.Send),
            ("System.Net.Sockets.Socket", "BeginSendTo", EndpointRole.Send),
            ("System.Net.Sockets.TcpClient", "Connect", EndpointRole.Connect),
            ("System.Net.Sockets.TcpClient", "ConnectAsync", EndpointRole.Connect),
            ("System.Net.Sockets.TcpClient", "BeginConnect", EndpointRole.Connect),
            ("System.Net.Sockets.UdpClient", "Connect", EndpointRole.Connect),
            ("System.Net.Sockets.UdpClient", "Send", EndpointRole.Send),
            ("System.Net.Sockets.UdpClient", "SendAsync", EndpointRole.Send),
            ("System.Net.Sockets.UdpClient", "BeginSend", EndpointRole.Send),
        };

        /// <summary>Parsers that need a whole message (the value they parse is their first argument).</summary>
        private static readonly (string Type, string Method)[] MessageParsers =
        {
            ("System.Text.Json.JsonSerializer", "Deserialize"),
            ("System.Text.Json.JsonSerializer", "DeserializeAsync"),
            ("System.Text.Json.JsonDocument", "Parse"),
            ("System.Text.Json.Nodes.JsonNode", "Parse"),
            ("System.Xml.Serialization.XmlSerializer", "Deserialize"),
            ("System.Xml.Linq.XDocument", "Parse"),
            ("System.Xml.Linq.XDocument", "Load"),
            ("System.Xml.Linq.XElement", "Parse"),
            ("System.Xml.Linq.XElement", "Load"),
            ("System.Xml.XmlDocument", "LoadXml"),
            ("System.Xml.XmlDocument", "Load"),
            ("System.Runtime.Serialization.XmlObjectSerializer", "ReadObject"),
            ("System.Runtime.Serialization.Formatters.Binary.BinaryFormatter", "Deserialize"),

            // Json.NET, the commonest JSON library in course code: resolved only where the project references it.
            ("Newtonsoft.Json.JsonConvert", "DeserializeObject"),
            ("Newtonsoft.Json.Linq.JToken", "Parse"),
            ("Newtonsoft.Json.Linq.JObject", "Parse"),
            ("Newtonsoft.Json.Linq.JArray", "Parse"),

            // The binary serializers game servers and course chats use (fresh94: a Chinese course chat's protobuf-net
            // messages, a hobby game server's MessagePack packets): resolved only where the project references them. An
            // overload whose first parameter is a Type is never one read's bytes, so it is never reported.
            ("ProtoBuf.Serializer", "Deserialize"),
            ("MessagePack.MessagePackSerializer", "Deserialize"),
            ("MessagePack.MessagePackSerializer", "DeserializeAsync"),
        };

        /// <summary>Types whose constructor wraps its first argument without keeping the socket or buffer elsewhere.</summary>
        private static readonly string[] Views =
        {
            "System.IO.MemoryStream",
            "System.IO.StringReader",
            "System.ArraySegment`1",
            "System.ReadOnlyMemory`1",
            "System.Memory`1",
            "System.ReadOnlySpan`1",
            "System.Span`1",
            "System.Net.Sockets.NetworkStream",
            "System.Net.Security.SslStream",
            "System.Net.Security.NegotiateStream",
            "System.IO.StreamReader",
        };

        private readonly Dictionary<IMethodSymbol, EndpointRole> endpointCalls = new(SymbolComparer.Instance);
        private readonly HashSet<IMethodSymbol> parsers = new(SymbolComparer.Instance);
        private readonly HashSet<INamedTypeSymbol> parserTypes = new(SymbolComparer.Instance);

        /// <summary>The parsers' names: a one-line method that calls none of them is no wrapper, known without binding it.</summary>
        private readonly HashSet<string> parserNames = new(System.StringComparer.Ordinal);
        private readonly HashSet<INamedTypeSymbol> views = new(SymbolComparer.Instance);

        /// <summary><see cref="RelevanceOf"/>'s answers, per method symbol the compilation's calls name (one object per method there).</summary>
        private readonly System.Collections.Concurrent.ConcurrentDictionary<IMethodSymbol, RecentAnswers<IMethodSymbol, CallRelevance>.Entry> relevance = new(ReferenceComparer.Instance);

        /// <summary>The answers of <see cref="relevance"/> asked for last (the table's probe was a third of <see cref="RelevanceOf"/>'s samples).</summary>
        private readonly RecentAnswers<IMethodSymbol, CallRelevance> recentRelevance = new();

        /// <summary>
        /// What a call of <paramref name="method"/> tells the family's relevance test (<see cref="SocketValueAnalysis.IsRelevant"/>),
        /// answered once per method: the test asks it of every call of every body, and asking the five questions each time
        /// (a catalogue lookup, the endpoint table, the parser types up the base types…) was a tenth of the analyzers' time
        /// on socket-dense code.
        /// </summary>
        public CallRelevance RelevanceOf(IMethodSymbol method)
        {
            var slot = RecentAnswers<IMethodSymbol, CallRelevance>.SlotOf(method.Name);
            if (recentRelevance.Find(method, slot) is { } recent)
            {
                return recent.Value;
            }

            if (relevance.TryGetValue(method, out var known))
            {
                recentRelevance.Keep(known, slot);
                return known.Value;
            }

            var definition = method.OriginalDefinition;
            if (!ReferenceEquals(definition, method))
            {
                // A generic method or a method of a generic type, constructed anew at each call site (a fifth of the lookups
                // on the dense corpus, and as keys an ever longer table): its definition's answer, not kept, except that an
                // endpoint call is judged by its own parameters' types. Its role is its definition's (RoleOf): without one,
                // the endpoint table is not asked again.
                var general = RelevanceOf(definition);
                if ((general & CallRelevance.HasEndpointRole) == 0)
                {
                    return general;
                }

                general &= ~CallRelevance.CheckedEndpoint;
                return IsCheckedEndpointCall(method) ? general | CallRelevance.CheckedEndpoint : general;
            }

            var answer = CallRelevance.None;
            if (RoleOf(method) != EndpointRole.None)
            {
                answer |= CallRelevance.HasEndpointRole;
                if (IsCheckedEndpointCall(method))
                {
                    answer |= CallRelevance.CheckedEndpoint;
                }
            }

            if (IsParserType(method.ContainingType))
            {
                answer |= CallRelevance.ParserType;
            }

            if (MayWrapParser(method))
            {
                answer |= CallRelevance.MayWrapParser;
            }

            // A text reader's read into a char buffer (not ReadBlock) takes one stream read's characters too.
            if (Symbols.Catalogue.Facts(method) is { Read: not null } facts && facts.ReadApi?.FillsUnlessEnd != true)
            {
                answer |= CallRelevance.OneRead;
            }

            if (SocketValueAnalysis.IsAddressSource(method, this))
            {
                answer |= CallRelevance.AddressSource;
            }

            recentRelevance.Keep(relevance.GetOrAdd(method, new RecentAnswers<IMethodSymbol, CallRelevance>.Entry(method, answer)), slot);
            return answer;
        }

        public AddressingApis(KnownSymbols symbols)
        {
            Symbols = symbols;
            streamSocketFields = new Reads.NetworkFields(IsStreamSocketValue);
            var types = symbols.Types;
            foreach (var (type, method, role) in EndpointCalls)
            {
                foreach (var member in Members(types, type, method))
                {
                    endpointCalls[member] = role;
                }
            }

            foreach (var (type, method) in MessageParsers)
            {
                foreach (var member in Members(types, type, method))
                {
                    parsers.Add(member);
                    parserNames.Add(member.Name);
                    parserTypes.Add(member.ContainingType);
                }
            }

            foreach (var view in Views)
            {
                if (types.Get(view) is { } type)
                {
                    views.Add(type);
                }
            }

            Dns = types.Get("System.Net.Dns");
            EndPoint = types.Get("System.Net.EndPoint");
            IPHostEntry = types.Get("System.Net.IPHostEntry");
            Enumerable = types.Get("System.Linq.Enumerable");
            AddressFamily = types.Get("System.Net.Sockets.AddressFamily");
            ProtocolType = types.Get("System.Net.Sockets.ProtocolType");
            BinaryPrimitives = types.Get("System.Buffers.Binary.BinaryPrimitives");
            BitConverter = types.Get("System.BitConverter");
        }

        public KnownSymbols Symbols { get; }

        public INamedTypeSymbol? Dns { get; }

        public INamedTypeSymbol? Encoding => Symbols.Framework.Encoding;

        public INamedTypeSymbol? EndPoint { get; }

        public INamedTypeSymbol? IPHostEntry { get; }

        public INamedTypeSymbol? MemoryExtensions => Symbols.Framework.MemoryExtensions;

        public INamedTypeSymbol? Enumerable { get; }

        public INamedTypeSymbol? AddressFamily { get; }

        public INamedTypeSymbol? ProtocolType { get; }

        public INamedTypeSymbol? BinaryPrimitives { get; }

        public INamedTypeSymbol? BitConverter { get; }

        /// <summary>The role of the endpoint <paramref name="method"/> takes, or <see cref="EndpointRole.None"/>.</summary>
        public EndpointRole RoleOf(IMethodSymbol method)
            => endpointCalls.TryGetValue(method.OriginalDefinition, out var role) ? role : EndpointRole.None;

        /// <summary>
        /// True when a call of <paramref name="method"/> can reach SOCK030/SOCK032: it takes an endpoint and has a parameter
        /// of an endpoint type (<see cref="IsEndpointType"/>). <c>Connect(string host, int port)</c> takes an endpoint but
        /// no such parameter, so <see cref="AddressingChecks.Check"/> has nothing to judge there.
        /// </summary>
        public bool IsCheckedEndpointCall(IMethodSymbol method)
        {
            if (RoleOf(method) == EndpointRole.None)
            {
                return false;
            }

            foreach (var parameter in method.Parameters)
            {
                if (parameter.RefKind == RefKind.None && IsEndpointType(parameter.Type))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True when <paramref name="method"/> parses a complete message (an override of a parser counts).</summary>
        public bool IsParser(IMethodSymbol method)
        {
            for (var m = method.ReducedFrom ?? method; m is not null; m = m.OverriddenMethod)
            {
                var definition = m.OriginalDefinition;
                if (parsers.Contains(definition) || (definition.ConstructedFrom is { } from && parsers.Contains(from)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// <see cref="ParserWrapperOrdinal"/>'s answers, per method definition: the file it is declared in (none for a method
        /// that cannot wrap a parser) and its ordinal, once a body of that file asked.
        /// </summary>
        private readonly System.Collections.Concurrent.ConcurrentDictionary<IMethodSymbol, RecentAnswers<IMethodSymbol, ParserWrapper>.Entry> parserWrappers = new(SymbolComparer.Instance);

        /// <summary>
        /// The answers of <see cref="parserWrappers"/> asked for last: the relevance test asks at every call of a method of the
        /// project (a tenth of the addressing family's samples on the dense corpus went to its declaration's questions and the
        /// table's hash, at every call).
        /// </summary>
        private readonly RecentAnswers<IMethodSymbol, ParserWrapper> recentWrappers = new();

        private readonly Reads.NetworkFields streamSocketFields;

        /// <summary>
        /// A private <c>Socket</c> field whose every assignment in its type gives a stream socket (<see cref="IsStreamSocketValue"/>)
        /// or null (fresh76 miss 1b, a course chat client: <c>static Socket connection;</c> made with <c>SocketType.Stream</c> in
        /// <c>Main</c> and read by a thread). Private only: other code could give a field it can reach a datagram socket,
        /// where one read is one message. The summary rules (one file, every assignment bound) are <see cref="Reads.NetworkFields"/>'s.
        /// </summary>
        public bool IsStreamSocketField(IFieldReferenceOperation field, SemanticModel? model, System.Threading.CancellationToken cancellationToken)
            => KnownSymbols.IsOrDerivesFrom(field.Type, Symbols.Socket) && streamSocketFields.IsNetworkField(field, model, cancellationToken);

        /// <summary>
        /// <c>new Socket(…, SocketType.Stream, …)</c> (the type a constant), or an accepted socket: a call the catalogue says
        /// accepts (<c>Accept</c>, <c>AcceptSocket</c>), awaited or waited for (<see cref="Reads.ReadBody.UnwrapAwait"/>).
        /// </summary>
        private bool IsStreamSocketValue(IOperation value, System.Threading.CancellationToken cancellationToken)
            => Reads.ReadBody.UnwrapAwait(value, Symbols.Framework) switch
            {
                IObjectCreationOperation creation when KnownSymbols.IsOrDerivesFrom(creation.Type, Symbols.Socket) => Symbols.ConstantSocketType(creation) == 1,
                IInvocationOperation call => Symbols.Catalogue.Facts(call.TargetMethod)?.Accept is { Result: not null },
                _ => false,
            };

        /// <summary>
        /// For a method or constructor of the project that parses one of its parameters on every call, in straight code
        /// (<c>static Request FromJson(string element) =&gt; JsonSerializer.Deserialize&lt;Request&gt;(element, options);</c>,
        /// fresh16 miss 2; <see cref="StraightBodyParserOrdinal"/>): that parameter's ordinal; -1 for any other method. Declared
        /// in <paramref name="model"/>'s tree only (the file under analysis); decided once per method for the compilation.
        /// </summary>
        public int ParserWrapperOrdinal(IMethodSymbol method, SemanticModel? model, System.Threading.CancellationToken cancellationToken)
        {
            if (model is null)
            {
                return -1;
            }

            var definition = method.OriginalDefinition;
            var slot = RecentAnswers<IMethodSymbol, ParserWrapper>.SlotOf(definition.Name);
            var entry = recentWrappers.Find(definition, slot);
            if (entry is null)
            {
                if (!parserWrappers.TryGetValue(definition, out entry))
                {
                    var declared = MayWrapParser(definition) ? new ParserWrapper(definition.DeclaringSyntaxReferences[0].SyntaxTree, ParserWrapper.NotAsked) : ParserWrapper.None;
                    entry = parserWrappers.GetOrAdd(definition, new RecentAnswers<IMethodSymbol, ParserWrapper>.Entry(definition, declared));
                }

                recentWrappers.Keep(entry, slot);
            }

            var known = entry.Value;
            if (known.Tree != model.SyntaxTree)
            {
                // Not declared in the file under analysis (or no wrapper at all): its body is not this model's to bind.
                return -1;
            }

            if (known.Ordinal != ParserWrapper.NotAsked)
            {
                return known.Ordinal;
            }

            // Straight code that parses one of its parameters on every call: a one-line wrapper (fresh16 miss 2), a constructor
            // (fresh76 miss 1), or a helper whose body ends in a return (fresh94 M3). The syntax first: binding a body costs,
            // and most methods are none of these.
            var declaration = definition.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
            var straight = !definition.Parameters.IsEmpty && declaration switch
            {
                ConstructorDeclarationSyntax { Body: var block } => block is null || IsStraight(block, finalReturn: false),
                MethodDeclarationSyntax { Body: var block } => block is null || IsStraight(block, finalReturn: true),
                _ => false,
            };
            var ordinal = straight ? StraightBodyParserOrdinal(definition, (BaseMethodDeclarationSyntax)declaration, model, cancellationToken) : -1;
            var answered = new RecentAnswers<IMethodSymbol, ParserWrapper>.Entry(definition, new ParserWrapper(known.Tree, ordinal));
            parserWrappers[definition] = answered;
            recentWrappers.Keep(answered, slot);
            return ordinal;
        }

        /// <summary>What <see cref="ParserWrapperOrdinal"/> knows of a method: the file that declares it and, once asked there, its ordinal.</summary>
        private readonly struct ParserWrapper
        {
            /// <summary>The ordinal is not known yet: no body of the method's file has asked.</summary>
            public const int NotAsked = -2;

            /// <summary>A method that cannot wrap a parser (<see cref="MayWrapParser"/>): -1 in every file.</summary>
            public static readonly ParserWrapper None = new(null, -1);

            public ParserWrapper(SyntaxTree? tree, int ordinal)
            {
                Tree = tree;
                Ordinal = ordinal;
            }

            public SyntaxTree? Tree { get; }

            public int Ordinal { get; }
        }

        /// <summary>
        /// What <see cref="ParserWrapperOrdinal"/> asks of the method's declaration before its body: a method or instance
        /// constructor of the source, declared in one place, that nothing overrides and that takes something to parse.
        /// </summary>
        /// <remarks>
        /// Declared in source before the parameters: the relevance test asks about every method the compilation calls, most
        /// of them the framework's (no declaration), and the public model makes a method's parameters anew at each request.
        /// </remarks>
        private static bool MayWrapParser(IMethodSymbol method)
            => method is { MethodKind: MethodKind.Ordinary or MethodKind.Constructor, IsVirtual: false, IsAbstract: false, IsOverride: false }
                && method.DeclaringSyntaxReferences.Length == 1
                && !method.Parameters.IsEmpty
                && !(method.MethodKind == MethodKind.Constructor && method.IsStatic);

        /// <summary>
        /// Declarations and expression statements only, and for a method (<paramref name="finalReturn"/>) a <c>return</c> as
        /// the last statement: no <c>if</c>, loop, <c>try</c>, <c>using</c> or early <c>return</c>.
        /// </summary>
        private static bool IsStraight(BlockSyntax block, bool finalReturn)
        {
            var statements = block.Statements;
            for (var i = 0; i < statements.Count; i++)
            {
                if (statements[i] is LocalDeclarationStatementSyntax { UsingKeyword.RawKind: 0 } or ExpressionStatementSyntax
                    || (finalReturn && i == statements.Count - 1 && statements[i] is ReturnStatementSyntax))
                {
                    continue;
                }

                return false;
            }

            return true;
        }

        /// <summary>
        /// For a constructor or method of the project that parses one of its parameters on every call (fresh76 miss 1, a course
        /// chat's packet class: <c>public Envelope(byte[] raw) { var copy = (Envelope)new BinaryFormatter().Deserialize(new
        /// MemoryStream(raw)); Text = copy.Text; }</c>; fresh94 M3, a helper that returns <c>formatter.Deserialize(stream)</c>
        /// of a <c>new MemoryStream(data)</c> local): that parameter's ordinal, else -1. The caller has checked that the body is
        /// straight code (<see cref="IsStraight"/>). No constructor initializer that is given the parameter, the parser's call
        /// in no lambda and under no <c>?:</c>, <c>??</c>, <c>&amp;&amp;</c>, <c>||</c> or <c>?.</c>, its input the parameter
        /// itself or a <c>new MemoryStream(param)</c> (directly or through a local given it once), and the parameter never
        /// written. The syntax is looked at first; the body is bound only when it names a parser.
        /// </summary>
        private int StraightBodyParserOrdinal(IMethodSymbol method, BaseMethodDeclarationSyntax declaration, SemanticModel model, System.Threading.CancellationToken cancellationToken)
        {
            var named = false;
            foreach (var node in declaration.DescendantNodes())
            {
                if (node is InvocationExpressionSyntax call
                    && SyntaxNames.CalledName(call) is { } name && parserNames.Contains(name))
                {
                    named = true;
                    break;
                }
            }

            if (!named)
            {
                return -1;
            }

            var root = model.GetOperation(declaration, cancellationToken);
            if (root is not (IConstructorBodyOperation or IMethodBodyOperation))
            {
                return -1;
            }

            var ordinal = -1;
            IOperation? parsed = null;
            IOperation? given = null;
            foreach (var operation in root.Descendants())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (operation is IParameterReferenceOperation { Parameter: var written } reference && Reads.ReadBody.IsWrite(reference)
                    && SymbolEqualityComparer.Default.Equals(written.ContainingSymbol, method))
                {
                    return -1;
                }

                if (ordinal < 0 && operation is IInvocationOperation parse && IsParser(parse.TargetMethod) && RunsOnEveryCall(parse)
                    && Model.CatalogueIndex.Argument(parse, 0)?.WalkDownConversions() is { } argument
                    && WrappedInput(OnceGiven(argument, root)) is IParameterReferenceOperation { Parameter: { } input } inputReference
                    && SymbolEqualityComparer.Default.Equals(input.ContainingSymbol, method))
                {
                    ordinal = input.Ordinal;
                    parsed = argument;
                    given = inputReference;
                }
            }

            if (ordinal >= 0 && !OnlyParsed(method.Parameters[ordinal], parsed!, given!, root))
            {
                return -1;
            }

            if (ordinal >= 0 && root is IConstructorBodyOperation { Initializer: { } initializer })
            {
                foreach (var operation in initializer.DescendantsAndSelf())
                {
                    if (operation is IParameterReferenceOperation { Parameter.Ordinal: var passed } && passed == ordinal)
                    {
                        // : base(raw) may change the array before the parse.
                        return -1;
                    }
                }
            }

            return ordinal;

            static bool RunsOnEveryCall(IOperation parse)
            {
                for (var current = parse.Parent; current is not null; current = current.Parent)
                {
                    switch (current)
                    {
                        case IConditionalOperation:
                        case ICoalesceOperation:
                        case IConditionalAccessOperation:
                        case IAnonymousFunctionOperation:
                        case ILocalFunctionOperation:
                        case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr }:
                            return false;
                        case IConstructorBodyOperation or IMethodBodyOperation:
                            return true;
                    }
                }

                return true;
            }
        }

        /// <summary>
        /// The parser is the only code that sees the bytes as given: an array parameter is named only where the parse takes
        /// it (<paramref name="given"/>) or for its <c>Length</c> (a call given the array may fill or change it first, as a
        /// read helper's second read would), and a stream local over it only as the parse's input (<paramref name="parsed"/>:
        /// a <c>ReadByte</c> or a new <c>Position</c> first would parse other bytes). A text parameter cannot change.
        /// </summary>
        private static bool OnlyParsed(IParameterSymbol input, IOperation parsed, IOperation given, IOperation root)
        {
            var local = (parsed as ILocalReferenceOperation)?.Local;
            foreach (var operation in root.Descendants())
            {
                switch (operation)
                {
                    case IParameterReferenceOperation reference when SymbolEqualityComparer.Default.Equals(reference.Parameter, input)
                        && input.Type.SpecialType != SpecialType.System_String && reference != given
                        && reference.Parent is not IPropertyReferenceOperation { Property.Name: "Length" }:
                        return false;
                    case ILocalReferenceOperation reference when local is not null && SymbolEqualityComparer.Default.Equals(reference.Local, local)
                        && reference != parsed:
                        return false;
                }
            }

            return true;
        }

        /// <summary>
        /// The value a local of <paramref name="root"/> is given by its declaration, when nothing else writes it
        /// (<c>MemoryStream stream = new MemoryStream(data);</c>); any other value as it is.
        /// </summary>
        private static IOperation? OnceGiven(IOperation? value, IOperation root)
        {
            if (value is not ILocalReferenceOperation { Local: var local })
            {
                return value;
            }

            IOperation? given = null;
            foreach (var operation in root.Descendants())
            {
                switch (operation)
                {
                    case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                        given = declarator.Initializer?.Value;
                        break;
                    case ILocalReferenceOperation reference when SymbolEqualityComparer.Default.Equals(reference.Local, local) && Reads.ReadBody.IsWrite(reference):
                        return value;
                }
            }

            return given?.WalkDownConversions() ?? value;
        }

        /// <summary>
        /// The parser's input as the wrapper was given it: the value itself, or the bytes of a <c>new MemoryStream(bytes)</c>
        /// made around it (<c>(Envelope)new BinaryFormatter().Deserialize(new MemoryStream(raw))</c>, fresh76 miss 1), which
        /// reads exactly those bytes.
        /// </summary>
        private IOperation? WrappedInput(IOperation? input)
            => input is IObjectCreationOperation { Arguments.Length: 1 } creation && Symbols.Framework.IsMemoryStream(creation.Type)
                ? creation.Arguments[0].Value.WalkDownConversions()
                : input;

        /// <summary>True when <paramref name="type"/> declares a parser: a cheap pre-filter.</summary>
        public bool IsParserType(ITypeSymbol? type)
        {
            for (var t = type as INamedTypeSymbol; t is not null; t = t.BaseType)
            {
                if (parserTypes.Contains(t.OriginalDefinition))
                {
                    return true;
                }
            }

            return false;
        }

        public bool IsView(ITypeSymbol? type) => type is INamedTypeSymbol named && views.Contains(named.OriginalDefinition);

        /// <summary>
        /// True for a type whose instances are always stream transports: <c>NetworkStream</c> (needs a stream socket),
        /// <c>SslStream</c>. Asked of every local, parameter and field the family reads, so a class's answer is kept for
        /// the compilation and the types that cannot be one (structs, arrays, strings) are answered at once.
        /// </summary>
        public bool IsStreamTransport(ITypeSymbol? type)
        {
            if (type is not INamedTypeSymbol { TypeKind: TypeKind.Class, SpecialType: SpecialType.None } named)
            {
                return false;
            }

            if (streamTransports.TryGetValue(named, out var known))
            {
                return known;
            }

            var result = KnownSymbols.IsOrDerivesFrom(named, Symbols.NetworkStream) || KnownSymbols.IsOrDerivesFrom(named, Symbols.AuthenticatedStream);
            streamTransports.TryAdd(named, result);
            return result;
        }

        /// <summary>True for <c>Stream</c> and the classes derived from it, kept for the compilation like <see cref="IsStreamTransport"/>.</summary>
        public bool IsStream(ITypeSymbol? type)
        {
            if (type is not INamedTypeSymbol { TypeKind: TypeKind.Class, SpecialType: SpecialType.None } named)
            {
                return false;
            }

            if (streams.TryGetValue(named, out var known))
            {
                return known;
            }

            var result = KnownSymbols.IsOrDerivesFrom(named, Symbols.Stream);
            streams.TryAdd(named, result);
            return result;
        }

        private readonly System.Collections.Concurrent.ConcurrentDictionary<INamedTypeSymbol, bool> streamTransports = new(SymbolEqualityComparer.Default);
        private readonly System.Collections.Concurrent.ConcurrentDictionary<INamedTypeSymbol, bool> streams = new(SymbolEqualityComparer.Default);

        /// <summary><c>IPEndPoint.Address</c> (not a subclass's own <c>Address</c>).</summary>
        public bool IsEndPointAddress(IPropertySymbol property)
            => property.Name == "Address" && SymbolEqualityComparer.Default.Equals(property.ContainingType, Symbols.IPEndPoint);

        /// <summary><c>AddressFamily</c> of <c>IPAddress</c>, <c>EndPoint</c> or <c>IPEndPoint</c> (not a subclass's own).</summary>
        public bool IsAddressFamilyOfAddress(IPropertySymbol property)
            => property.Name == "AddressFamily" && property.ContainingType is { } owner
                && (SymbolEqualityComparer.Default.Equals(owner, Symbols.IPAddress) || SymbolEqualityComparer.Default.Equals(owner, EndPoint)
                    || SymbolEqualityComparer.Default.Equals(owner, Symbols.IPEndPoint));

        /// <summary><c>IPHostEntry.AddressList</c>.</summary>
        public bool IsAddressList(IPropertySymbol property)
            => property.Name == "AddressList" && SymbolEqualityComparer.Default.Equals(property.ContainingType, IPHostEntry);

        /// <summary>True for <c>EndPoint</c>, <c>IPEndPoint</c> and <c>IPAddress</c>.</summary>
        public bool IsEndpointType(ITypeSymbol? type)
            => KnownSymbols.IsOrDerivesFrom(type, EndPoint) || KnownSymbols.IsOrDerivesFrom(type, Symbols.IPAddress);

        private static IEnumerable<IMethodSymbol> Members(MetadataTypes types, string type, string method)
        {
            if (types.Get(type) is not { } owner)
            {
                yield break;
            }

            foreach (var member in owner.GetMembers(method))
            {
                if (member is IMethodSymbol symbol)
                {
                    yield return symbol.OriginalDefinition;
                }
            }
        }
    }

    /// <summary>What a call's method tells the addressing family's relevance test (<see cref="AddressingApis.RelevanceOf"/>).</summary>
    [System.Flags]
    internal enum CallRelevance : byte
    {
        None = 0,

        /// <summary>It takes an endpoint the family checks (<see cref="AddressingApis.IsCheckedEndpointCall"/>).</summary>
        CheckedEndpoint = 1,

        /// <summary>A method of a parser type (<see cref="AddressingApis.IsParserType"/>).</summary>
        ParserType = 2,

        /// <summary>Declared in source in a way that may wrap a parser (<see cref="AddressingApis.ParserWrapperOrdinal"/> asks its body).</summary>
        MayWrapParser = 4,

        /// <summary>A read that returns what one read of the stream brought (not one that fills its buffer unless the stream ends).</summary>
        OneRead = 8,

        /// <summary>Its result may be an address the family knows (<see cref="SocketValueAnalysis.IsAddressSource"/>).</summary>
        AddressSource = 16,

        /// <summary>
        /// Its definition takes an endpoint (<see cref="AddressingApis.RoleOf"/>), whatever its parameters' types: only then
        /// can a construction of it be a <see cref="CheckedEndpoint"/> call.
        /// </summary>
        HasEndpointRole = 32,
    }
}
