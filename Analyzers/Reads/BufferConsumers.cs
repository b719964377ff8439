using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Common;

namespace SocketAnalyzers.Reads
{
    /// <summary>
    /// The APIs that consume a byte buffer's contents (decode, send, copy, deserialize), as data: a type and the
    /// names of its methods (<c>.ctor</c> for constructors). SOCK012 reports one of them when it takes a buffer whole
    /// right after a read that may have filled only part of it.
    /// </summary>
    internal sealed class BufferConsumers
    {
        /// <summary>Type (metadata name) → consuming members. A new consumer is one line.</summary>
        public static readonly ImmutableArray<(string Type, ImmutableArray<string> Members)> Table = ImmutableArray.Create(
            ("System.Text.Encoding", ImmutableArray.Create("GetString", "GetChars", "GetCharCount")),
            ("System.IO.Stream", ImmutableArray.Create("Write", "WriteAsync", "BeginWrite")),
            ("System.IO.BinaryWriter", ImmutableArray.Create("Write")),
            ("System.IO.MemoryStream", ImmutableArray.Create(".ctor")),
            ("System.Net.Sockets.Socket", ImmutableArray.Create("Send", "SendAsync", "SendTo", "SendToAsync", "BeginSend", "BeginSendTo")),
            ("System.Net.Sockets.UdpClient", ImmutableArray.Create("Send", "SendAsync")),
            ("System.Convert", ImmutableArray.Create("ToBase64String", "ToHexString")),
            ("System.BitConverter", ImmutableArray.Create("ToString")),
            ("System.Linq.Enumerable", ImmutableArray.Create("ToArray", "ToList")),
            ("System.Span`1", ImmutableArray.Create("ToArray")),
            ("System.ReadOnlySpan`1", ImmutableArray.Create("ToArray")),
            ("System.Memory`1", ImmutableArray.Create("ToArray")),
            ("System.ReadOnlyMemory`1", ImmutableArray.Create("ToArray")),
            ("System.Text.Json.JsonSerializer", ImmutableArray.Create("Deserialize")),
            ("System.Text.Json.JsonDocument", ImmutableArray.Create("Parse")),
            ("System.Runtime.Serialization.Formatters.Binary.BinaryFormatter", ImmutableArray.Create("Deserialize")));

        private readonly List<(INamedTypeSymbol Type, ImmutableHashSet<string> Members)> resolved = new();

        public BufferConsumers(Compilation compilation)
        {
            foreach (var (type, members) in Table)
            {
                var symbol = compilation.GetTypeByMetadataName(type);
                if (symbol is not null)
                {
                    resolved.Add((symbol, members.ToImmutableHashSet()));
                }
            }
        }

        /// <summary>True when <paramref name="method"/> (or the member it overrides) is a consumer.</summary>
        public bool IsConsumer(IMethodSymbol method)
        {
            var name = method.MethodKind == MethodKind.Constructor ? ".ctor" : method.Name;
            var reduced = method.ReducedFrom ?? method;
            foreach (var (type, members) in resolved)
            {
                if (members.Contains(name) && KnownSymbols.IsOrDerivesFrom(reduced.ContainingType, type))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True when <paramref name="operation"/> calls or constructs a consumer.</summary>
        public bool IsConsumer(IOperation operation) => operation switch
        {
            IInvocationOperation call => IsConsumer(call.TargetMethod),
            IObjectCreationOperation { Constructor: { } constructor } => IsConsumer(constructor),
            _ => false,
        };
    }
}
