using System;
using System.Text;

namespace SocketAnalyzers.Reference.Http
{
    /// <summary>The parts of an HTTP request line: <c>METHOD SP request-target SP HTTP/x.y</c>.</summary>
    public readonly record struct HttpRequestLine(string Method, string Target, string Version)
    {
        /// <summary>Parses the request line of <paramref name="head"/> (the bytes up to the blank line); false when malformed.</summary>
        public static bool TryParse(ReadOnlySpan<byte> head, out HttpRequestLine requestLine)
        {
            requestLine = default;
            var end = head.IndexOf((byte)'\n');
            var line = end < 0 ? head : head.Slice(0, end);
            if (!line.IsEmpty && line[line.Length - 1] == (byte)'\r')
            {
                line = line.Slice(0, line.Length - 1);
            }

            foreach (var b in line)
            {
                // Only visible ASCII and spaces: no control bytes, no raw UTF-8 (targets are percent-encoded).
                if (b < 0x20 || b > 0x7e)
                {
                    return false;
                }
            }

            var parts = Encoding.ASCII.GetString(line).Split(' ');
            if (parts.Length != 3 || parts[0].Length == 0 || parts[1].Length == 0)
            {
                return false;
            }

            foreach (var c in parts[0])
            {
                if (!char.IsAsciiLetterUpper(c))
                {
                    return false;
                }
            }

            var version = parts[2];
            if (version.Length != 8 || !version.StartsWith("HTTP/", StringComparison.Ordinal)
                || !char.IsAsciiDigit(version[5]) || version[6] != '.' || !char.IsAsciiDigit(version[7]))
            {
                return false;
            }

            requestLine = new HttpRequestLine(parts[0], parts[1], version);
            return true;
        }
    }
}
