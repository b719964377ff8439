using System.Collections.Immutable;
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
        /// <summary>A read: what its buffer holds afterwards.</summary>
        public static void Read(SocketValueAnalysis analysis, NetworkRead read, SocketValue? receiver, SocketValueState state)
        {
            var (key, fromStart) = analysis.BufferOf(read.Buffer, read.Offset);
            if (key is null)
            {
                return;
            }

            var stream = !read.Api.IsDatagram && receiver is { Kind: KindFacts.Stream };
            analysis.SetBuffer(key, stream && fromStart && !read.IsZeroLength ? ReadFacts.OneStreamRead : ReadFacts.Other, read.Api.Name, state);
        }

        /// <summary>A parser: reported when its input is one stream read on every path.</summary>
        public static void Check(SocketValueAnalysis analysis, IInvocationOperation call, SocketValue?[] values)
        {
            if (values.Length == 0 || values[0] is not { Read: ReadFacts.OneStreamRead } input)
            {
                return;
            }

            var parser = call.TargetMethod.ContainingType.Name + "." + call.TargetMethod.Name;
            analysis.Report(Descriptors.SOCK040ReadTreatedAsMessage, call, ImmutableDictionary<string, string?>.Empty, parser, input.ReadApi ?? "read");
        }
    }
}
