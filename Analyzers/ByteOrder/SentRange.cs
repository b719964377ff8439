using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Common;

namespace SocketAnalyzers.ByteOrder
{
    /// <summary>
    /// Which bytes of its <c>byte[]</c> a send or a network stream write sends, from its offset and count arguments:
    /// <c>stream.Write(p, 0, p.Length - 2)</c> sends all but the last two (SOCK020). The offset is known when it is absent or a
    /// constant; the count when it is absent or <c>buffer.Length</c> (to the end), <c>buffer.Length - c</c> (to the end
    /// less c bytes) or a constant. Anything else is unknown. The offset and count parameters are the catalogue's, by
    /// ordinal: the copy shape of <c>Stream.Write(byte[], int, int)</c>, else the send's own (<c>SendsBytes(0, from: 1, count: 2)</c>
    /// of <c>Socket.Send(byte[], int, int, SocketFlags)</c>).
    /// </summary>
    internal readonly struct SentRange
    {
        private SentRange(int offset, SentCount count, int value)
        {
            Offset = offset;
            Count = count;
            Value = value;
        }

        /// <summary>The first byte sent, or -1 when unknown.</summary>
        public int Offset { get; }

        public SentCount Count { get; }

        /// <summary>The constant of <see cref="SentCount.Exact"/> or <see cref="SentCount.ToEndLess"/>.</summary>
        public int Value { get; }

        /// <summary>Every byte of the buffer is sent, whatever its length.</summary>
        public bool IsWhole => Offset == 0 && Count == SentCount.ToEnd;

        /// <summary>
        /// The code says which bytes it sends (a constant offset, and a count that is a constant or the buffer's own
        /// length less a constant) and they may not be all of them. An offset or a count the rule cannot read (a
        /// variable, a call: <c>Send(buffer, 0, position)</c>) is taken as the whole buffer, as the send of what the code built.
        /// </summary>
        public bool IsPartial => !IsWhole && Offset >= 0 && Count != SentCount.Unknown;

        public static SentRange Whole { get; } = new(0, SentCount.ToEnd, 0);

        /// <summary>The range <paramref name="invocation"/> sends of <paramref name="data"/>, its data argument.</summary>
        public static SentRange Of(IInvocationOperation invocation, IOperation data, ByteOrderSymbols symbols)
        {
            var method = invocation.TargetMethod;
            if (data.WalkDownConversions().Type is not IArrayTypeSymbol)
            {
                return Whole;
            }

            IOperation? offset = null;
            IOperation? count = null;
            if (symbols.TryGetCopy(method, out var shape) && shape.Count is { } countOrdinal)
            {
                offset = Model.CatalogueIndex.Argument(invocation, shape.SourceOffset);
                count = Model.CatalogueIndex.Argument(invocation, countOrdinal);
            }
            else
            {
                var (from, sent) = symbols.SendRange(method);
                offset = from is { } f ? Model.CatalogueIndex.Argument(invocation, f) : null;
                count = sent is { } c ? Model.CatalogueIndex.Argument(invocation, c) : null;
            }

            var start = offset is null ? 0 : offset.ConstantValue is { HasValue: true, Value: int at } && at >= 0 ? at : -1;
            if (count is null)
            {
                return new SentRange(start, SentCount.ToEnd, 0);
            }

            count = count.WalkDownConversions();
            if (count.ConstantValue is { HasValue: true, Value: int constant })
            {
                return constant >= 0 ? new SentRange(start, SentCount.Exact, constant) : new SentRange(start, SentCount.Unknown, 0);
            }

            if (IsLengthOf(count, data, symbols))
            {
                return new SentRange(start, SentCount.ToEnd, 0);
            }

            if (count is IBinaryOperation { OperatorKind: BinaryOperatorKind.Subtract } less
                && IsLengthOf(less.LeftOperand.WalkDownConversions(), data, symbols)
                && less.RightOperand.ConstantValue is { HasValue: true, Value: int leftOut } && leftOut >= 0)
            {
                return new SentRange(start, SentCount.ToEndLess, leftOut);
            }

            return new SentRange(start, SentCount.Unknown, 0);
        }

        /// <summary>
        /// What of <paramref name="data"/>'s host-order bytes this range sends: all of them unless it is
        /// <see cref="IsPartial"/> (or reaches the buffer's known end from its start); else those at known offsets
        /// inside it, and when its end is not known (<c>p.Length - 2</c> of a buffer whose length is not known) those at
        /// its first byte (sent by any send that sends anything). Bytes at unknown offsets sent with a range that may
        /// leave them out are unknown: dropped.
        /// </summary>
        public BytePlace Filter(BytePlace data)
        {
            if (data.Writes.IsEmpty || !IsPartial)
            {
                return data;
            }

            var end = Count switch
            {
                SentCount.ToEnd => data.Length,
                SentCount.ToEndLess when data.Length >= 0 => data.Length - Value,
                SentCount.Exact when Offset >= 0 => Offset + Value,
                _ => -1,
            };
            if (Offset == 0 && end >= 0 && data.Length >= 0 && end >= data.Length)
            {
                return data;
            }

            var builder = System.Collections.Immutable.ImmutableArray.CreateBuilder<ByteFact>();
            foreach (var fact in data.Writes)
            {
                var sent = fact.Start >= 0
                    && (Count == SentCount.ToEnd
                        ? fact.Start + fact.Length > Offset
                        : end >= 0
                            ? fact.Start < end && fact.Start + fact.Length > Offset
                            : fact.Start == Offset);
                if (sent)
                {
                    builder.Add(fact);
                }
            }

            return builder.Count == data.Writes.Length ? data : data.WithWrites(builder.ToImmutable());
        }

        /// <summary><c>x.Length</c> where <c>x</c> is <paramref name="data"/>: the same name, or the same expression.</summary>
        private static bool IsLengthOf(IOperation count, IOperation data, ByteOrderSymbols symbols)
        {
            if (count is not IPropertyReferenceOperation { Instance: { } instance } length
                || instance.Type is not IArrayTypeSymbol
                || !symbols.Known.Framework.IsLength(length.Property))
            {
                return false;
            }

            var buffer = data.WalkDownConversions();
            instance = instance.WalkDownConversions();
            return ByteFlow.SymbolOf(instance) is { } symbol
                ? SymbolEqualityComparer.Default.Equals(symbol, ByteFlow.SymbolOf(buffer))
                : SyntaxFactory.AreEquivalent(instance.Syntax, buffer.Syntax, topLevel: false);
        }
    }

    /// <summary>How many bytes a send sends (<see cref="SentRange"/>).</summary>
    internal enum SentCount
    {
        /// <summary>To the end of the buffer (no count, or <c>buffer.Length</c>).</summary>
        ToEnd,

        /// <summary>To the end less <see cref="SentRange.Value"/> bytes (<c>buffer.Length - 2</c>).</summary>
        ToEndLess,

        /// <summary><see cref="SentRange.Value"/> bytes.</summary>
        Exact,

        Unknown,
    }
}
