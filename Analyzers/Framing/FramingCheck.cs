using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Addressing;
using SocketAnalyzers.Reads;

namespace SocketAnalyzers.Framing
{
    /// <summary>
    /// SOCK040, the framing check of the value family: a read on a stream (a TCP socket or a network stream) that
    /// fills a buffer from its start leaves the buffer holding "one stream read"; a read at an offset (accumulating), an
    /// exact read, or handing the buffer to other code makes it something else. A parser of the table
    /// (<see cref="AddressingApis"/>) whose input is, on every path, one stream read (the buffer, a view of it, or the text
    /// decoded from it) is reported.
    /// </summary>
    internal static class FramingCheck
    {
        /// <summary>
        /// A read: what its buffer holds afterwards. Returns the buffer's key when it now holds one stream read. An <c>End…</c>
        /// completes the receive its <c>Begin…</c> started into a field from its start (<see cref="SocketValueAnalysis.EndBufferKey"/>).
        /// </summary>
        public static object? Read(SocketValueAnalysis analysis, NetworkRead read, SocketValue? receiver, SocketValueState state)
        {
            var (key, fromStart) = read.Buffer is null ? (analysis.EndBufferKey(read), true) : analysis.BufferOf(read.Buffer, read.Offset);
            if (key is null)
            {
                return null;
            }

            var stream = !read.Api.IsDatagram && receiver is { Kind: KindFacts.Stream };
            var one = stream && fromStart && !read.IsZeroLength;
            analysis.SetBuffer(key, one ? ReadFacts.OneStreamRead : ReadFacts.Other, read.Api.Name, state);
            return one ? key : null;
        }

        /// <summary>
        /// A branch that finds a read's count equal to the size it asked for (<c>if (n != length) throw …;</c> and on):
        /// the buffer is full there, the whole message the code expected, not whatever one read brought.
        /// </summary>
        public static void Filled(SocketValueAnalysis analysis, ReadCount count, SocketValueState state)
        {
            if (state.Values.TryGetValue(count.Buffer, out var held) && held.Read == ReadFacts.OneStreamRead)
            {
                analysis.SetBuffer(count.Buffer, ReadFacts.Other, held.ReadApi, state);
            }
        }

        /// <summary>
        /// A parser, or the project's wrapper of one (a method, or a constructor: <paramref name="call"/> is then the object
        /// creation): reported when its input (the argument for the parameter at <paramref name="input"/>) is one stream read
        /// on every path. <paramref name="values"/> are the arguments' values, in the order of <paramref name="arguments"/>.
        /// </summary>
        public static void Check(SocketValueAnalysis analysis, IOperation call, ImmutableArray<IArgumentOperation> arguments, SocketValue?[] values, int input, string parser)
        {
            var ordinal = -1;
            for (var i = 0; i < arguments.Length; i++)
            {
                if (arguments[i].Parameter?.Ordinal == input)
                {
                    ordinal = i;
                }
            }

            if (ordinal < 0 || ordinal >= values.Length || values[ordinal] is not { Read: ReadFacts.OneStreamRead } read)
            {
                return;
            }

            analysis.Report(Descriptors.SOCK040ReadTreatedAsMessage, call, ImmutableDictionary<string, string?>.Empty, parser, read.ReadApi ?? "read");
        }
    }
}
