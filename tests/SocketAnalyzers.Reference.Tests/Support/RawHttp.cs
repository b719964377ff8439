using System;
using System.Collections.Generic;
using System.Net;
using System.Text;
using System.Threading.Tasks;
using Xunit;

namespace SocketAnalyzers.Reference.Tests.Support
{
    /// <summary>An HTTP/1.0 response as it came off a raw socket.</summary>
    internal sealed record RawHttpResponse(int Status, string StatusLine, IReadOnlyDictionary<string, string> Headers, byte[] Body)
    {
        public string BodyText => Encoding.UTF8.GetString(Body);

        /// <summary>Sends <paramref name="request"/> as is over a new connection and reads the response to end of stream.</summary>
        public static async Task<RawHttpResponse> SendAsync(IPEndPoint server, string request)
        {
            using var peer = await Peer.ConnectAsync(server);
            await peer.SendAsync(Encoding.ASCII.GetBytes(request));
            return await ReadAsync(peer);
        }

        public static async Task<RawHttpResponse> ReadAsync(Peer peer, TimeSpan? timeout = null)
        {
            var (data, reset) = await peer.ReceiveToEndAsync(timeout);
            Assert.False(reset, "the server reset the connection instead of closing it");
            return Parse(data);
        }

        public static RawHttpResponse Parse(byte[] data)
        {
            var headEnd = data.AsSpan().IndexOf("\r\n\r\n"u8);
            Assert.True(headEnd > 0, $"no complete response head in {data.Length} bytes: '{Encoding.ASCII.GetString(data)}'");
            var lines = Encoding.ASCII.GetString(data, 0, headEnd).Split("\r\n");
            var parts = lines[0].Split(' ', 3);
            Assert.Equal("HTTP/1.0", parts[0]);
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 1; i < lines.Length; i++)
            {
                var colon = lines[i].IndexOf(':');
                headers[lines[i].Substring(0, colon)] = lines[i].Substring(colon + 1).Trim();
            }

            var body = data.AsSpan(headEnd + 4).ToArray();
            Assert.Equal(body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), headers["Content-Length"]);
            return new RawHttpResponse(int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), lines[0], headers, body);
        }
    }
}
