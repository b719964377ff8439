using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace SocketAnalyzers.Model
{
    /// <summary>
    /// Selects overloads by their parameter TYPES, never by parameter names. A pattern is a list of tokens separated by
    /// spaces, one per parameter: <c>*</c> any number of parameters, <c>?</c> exactly one, <c>a|b</c> either, a
    /// <c>[]</c> suffix an array of the element token, and a type: <c>int</c>, <c>long</c>, <c>bool</c>, <c>string</c>,
    /// <c>object</c>, <c>byte</c>, <c>char</c>, <c>uint</c>, <c>ulong</c>, <c>float</c>, <c>double</c>, <c>decimal</c>; <c>bytes</c> (a byte buffer: <c>byte[]</c>, <c>Span</c>, <c>ReadOnlySpan</c>,
    /// <c>Memory</c>, <c>ReadOnlyMemory</c> or <c>ArraySegment</c> of <c>byte</c>); <c>list</c>
    /// (<c>IList&lt;ArraySegment&lt;byte&gt;&gt;</c>); <c>array</c> (any array); or a name of <see cref="Aliases"/>,
    /// resolved by metadata name to a symbol and matched by the type or a type derived from it. <c>ref</c>, <c>out</c>
    /// and <c>in</c> are not written. Example: <c>bytes int int *</c> is every overload whose first three parameters
    /// are a byte buffer and two <c>int</c>s.
    /// </summary>
    internal sealed class ParameterPattern
    {
        /// <summary>The named types a pattern may use, by the short name it writes.</summary>
        public static readonly ImmutableDictionary<string, string> Aliases = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Array"] = "System.Array",
            ["AddressFamily"] = "System.Net.Sockets.AddressFamily",
            ["AsyncCallback"] = "System.AsyncCallback",
            ["CancellationToken"] = "System.Threading.CancellationToken",
            ["EndPoint"] = "System.Net.EndPoint",
            ["IAsyncResult"] = "System.IAsyncResult",
            ["IEnumerable"] = "System.Collections.Generic.IEnumerable`1",
            ["IPAddress"] = "System.Net.IPAddress",
            ["IPEndPoint"] = "System.Net.IPEndPoint",
            ["Memory"] = "System.Memory`1",
            ["ProtocolType"] = "System.Net.Sockets.ProtocolType",
            ["ReadOnlyMemory"] = "System.ReadOnlyMemory`1",
            ["ReadOnlySpan"] = "System.ReadOnlySpan`1",
            ["SocketAddress"] = "System.Net.SocketAddress",
            ["SocketAsyncEventArgs"] = "System.Net.Sockets.SocketAsyncEventArgs",
            ["SocketFlags"] = "System.Net.Sockets.SocketFlags",
            ["SocketType"] = "System.Net.Sockets.SocketType",
            ["Span"] = "System.Span`1",
            ["Stream"] = "System.IO.Stream",
        }.ToImmutableDictionary(StringComparer.Ordinal);

        private static readonly ImmutableHashSet<string> BuiltIn = ImmutableHashSet.Create(StringComparer.Ordinal,
            "*", "?", "int", "long", "bool", "string", "object", "byte", "bytes", "list", "array",
            "char", "uint", "ulong", "float", "double", "decimal");

        private readonly string[][] tokens;

        private ParameterPattern(string text, string[][] tokens)
        {
            Text = text;
            this.tokens = tokens;
        }

        public string Text { get; }

        /// <summary>The tokens that are neither built in nor in <see cref="Aliases"/> (the meta-test wants none).</summary>
        public IEnumerable<string> UnknownTokens()
        {
            foreach (var alternatives in tokens)
            {
                foreach (var token in alternatives)
                {
                    var element = token.EndsWith("[]", StringComparison.Ordinal) ? token.Substring(0, token.Length - 2) : token;
                    if (!BuiltIn.Contains(element) && !Aliases.ContainsKey(element))
                    {
                        yield return token;
                    }
                }
            }
        }

        public static ParameterPattern Parse(string text)
        {
            var parts = text.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries);
            var tokens = new string[parts.Length][];
            for (var i = 0; i < parts.Length; i++)
            {
                tokens[i] = parts[i].Split('|');
            }

            return new ParameterPattern(text, tokens);
        }

        /// <summary>True when <paramref name="parameters"/> match the pattern; <paramref name="resolve"/> turns an alias into its symbol.</summary>
        public bool Matches(ImmutableArray<IParameterSymbol> parameters, Func<string, INamedTypeSymbol?> resolve)
            => Match(0, parameters, 0, resolve);

        private bool Match(int t, ImmutableArray<IParameterSymbol> parameters, int p, Func<string, INamedTypeSymbol?> resolve)
        {
            if (t == tokens.Length)
            {
                return p == parameters.Length;
            }

            var alternatives = tokens[t];
            if (alternatives.Length == 1 && alternatives[0] == "*")
            {
                for (var skip = p; skip <= parameters.Length; skip++)
                {
                    if (Match(t + 1, parameters, skip, resolve))
                    {
                        return true;
                    }
                }

                return false;
            }

            if (p == parameters.Length)
            {
                return false;
            }

            foreach (var token in alternatives)
            {
                if (TypeMatches(token, parameters[p].Type, resolve))
                {
                    return Match(t + 1, parameters, p + 1, resolve);
                }
            }

            return false;
        }

        private static bool TypeMatches(string token, ITypeSymbol type, Func<string, INamedTypeSymbol?> resolve)
        {
            if (token.EndsWith("[]", StringComparison.Ordinal))
            {
                return type is IArrayTypeSymbol { Rank: 1 } array && TypeMatches(token.Substring(0, token.Length - 2), array.ElementType, resolve);
            }

            switch (token)
            {
                case "?":
                    return true;
                case "int":
                    return type.SpecialType == SpecialType.System_Int32;
                case "long":
                    return type.SpecialType == SpecialType.System_Int64;
                case "bool":
                    return type.SpecialType == SpecialType.System_Boolean;
                case "string":
                    return type.SpecialType == SpecialType.System_String;
                case "object":
                    return type.SpecialType == SpecialType.System_Object;
                case "byte":
                    return type.SpecialType == SpecialType.System_Byte;
                case "char":
                    return type.SpecialType == SpecialType.System_Char;
                case "uint":
                    return type.SpecialType == SpecialType.System_UInt32;
                case "ulong":
                    return type.SpecialType == SpecialType.System_UInt64;
                case "float":
                    return type.SpecialType == SpecialType.System_Single;
                case "double":
                    return type.SpecialType == SpecialType.System_Double;
                case "decimal":
                    return type.SpecialType == SpecialType.System_Decimal;
                case "array":
                    return type is IArrayTypeSymbol;
                case "bytes":
                    return IsByteBuffer(type, resolve);
                case "list":
                    return type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } list
                        && list.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IList_T
                        && list.TypeArguments[0] is INamedTypeSymbol { TypeArguments.Length: 1 } segment
                        && SymbolEqualityComparer.Default.Equals(segment.OriginalDefinition, resolve("System.ArraySegment`1"))
                        && segment.TypeArguments[0].SpecialType == SpecialType.System_Byte;
            }

            if (!Aliases.TryGetValue(token, out var metadataName) || resolve(metadataName) is not { } expected)
            {
                return false;
            }

            for (var current = type; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, expected))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsByteBuffer(ITypeSymbol type, Func<string, INamedTypeSymbol?> resolve)
        {
            if (type is IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_Byte })
            {
                return true;
            }

            if (type is not INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named || named.TypeArguments[0].SpecialType != SpecialType.System_Byte)
            {
                return false;
            }

            var definition = named.OriginalDefinition;
            foreach (var name in ByteBufferTypes)
            {
                if (SymbolEqualityComparer.Default.Equals(definition, resolve(name)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Every metadata name a pattern may resolve: the aliases, the byte buffers and <c>ArraySegment</c> (for <c>list</c>).</summary>
        public static IEnumerable<string> MetadataNames
        {
            get
            {
                foreach (var name in Aliases.Values)
                {
                    yield return name;
                }

                foreach (var name in ByteBufferTypes)
                {
                    yield return name;
                }

                yield return "System.ArraySegment`1";
            }
        }

        /// <summary>The generic types whose <c>byte</c> instance is a byte buffer (besides <c>byte[]</c>).</summary>
        public static readonly ImmutableArray<string> ByteBufferTypes = ImmutableArray.Create(
            "System.Span`1", "System.ReadOnlySpan`1", "System.Memory`1", "System.ReadOnlyMemory`1", "System.ArraySegment`1");

        public override string ToString() => Text;
    }
}
