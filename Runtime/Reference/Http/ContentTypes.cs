using System;
using System.Collections.Generic;
using System.IO;

namespace SocketAnalyzers.Reference.Http
{
    /// <summary>The Content-Type of a file, from its extension.</summary>
    public static class ContentTypes
    {
        public const string Default = "application/octet-stream";

        private static readonly Dictionary<string, string> ByExtension = new(StringComparer.OrdinalIgnoreCase)
        {
            [".html"] = "text/html; charset=utf-8",
            [".htm"] = "text/html; charset=utf-8",
            [".txt"] = "text/plain; charset=utf-8",
            [".md"] = "text/markdown; charset=utf-8",
            [".css"] = "text/css; charset=utf-8",
            [".js"] = "text/javascript; charset=utf-8",
            [".json"] = "application/json",
            [".xml"] = "application/xml",
            [".svg"] = "image/svg+xml",
            [".png"] = "image/png",
            [".jpg"] = "image/jpeg",
            [".jpeg"] = "image/jpeg",
            [".gif"] = "image/gif",
            [".webp"] = "image/webp",
            [".ico"] = "image/x-icon",
            [".pdf"] = "application/pdf",
            [".wasm"] = "application/wasm",
            [".zip"] = "application/zip",
        };

        public static string For(string path) =>
            ByExtension.TryGetValue(Path.GetExtension(path), out var type) ? type : Default;
    }
}
