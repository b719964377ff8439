using System;
using System.Collections.Generic;
using System.IO;

namespace SocketAnalyzers.Reference.Http
{
    /// <summary>
    /// The real path of a file: every symbolic link along the path resolved, component by component, the way
    /// <c>realpath(3)</c> does. <see cref="Path.GetFullPath(string)"/> alone is lexical and lets a link inside a directory
    /// point anywhere; <see cref="FileSystemInfo.ResolveLinkTarget(bool)"/> resolves only the last component.
    /// </summary>
    public static class RealPath
    {
        /// <summary>Linux gives up with ELOOP after 40 links; so do we.</summary>
        public const int MaxLinks = 40;

        /// <summary>
        /// Resolves <paramref name="path"/> (made absolute first) to the path with no symbolic link in it. Components that
        /// do not exist are kept as they are (the caller then finds no file there). A "..", in the path or in a link's
        /// target, goes to the parent of the real directory reached so far, as the kernel does, not of the text before it.
        /// </summary>
        /// <returns>The real path, or <see langword="null"/> when more than <see cref="MaxLinks"/> links were followed (a loop).</returns>
        public static string? Resolve(string path)
        {
            var full = Path.GetFullPath(path);
            var resolved = Path.GetPathRoot(full) ?? string.Empty;
            var pending = new Stack<string>();
            PushComponents(pending, full.Substring(resolved.Length));
            var links = 0;
            while (pending.Count > 0)
            {
                var component = pending.Pop();
                if (component.Length == 0 || component == ".")
                {
                    continue;
                }

                if (component == "..")
                {
                    resolved = Path.GetDirectoryName(resolved) ?? resolved;
                    continue;
                }

                var candidate = Path.Join(resolved, component);
                var target = LinkTarget(candidate);
                if (target is null)
                {
                    resolved = candidate;
                    continue;
                }

                if (++links > MaxLinks)
                {
                    return null;
                }

                // The target's components are resolved in turn, relative to the link's (real) directory or from the root.
                if (Path.IsPathRooted(target))
                {
                    var root = Path.GetPathRoot(target) ?? string.Empty;
                    resolved = root;
                    PushComponents(pending, target.Substring(root.Length));
                }
                else
                {
                    PushComponents(pending, target);
                }
            }

            return resolved;
        }

        /// <summary>Whether <paramref name="path"/> is <paramref name="directory"/> itself or lies under it (both real, absolute).</summary>
        public static bool IsInside(string path, string directory)
        {
            var trimmed = Path.TrimEndingDirectorySeparator(directory);
            if (string.Equals(Path.TrimEndingDirectorySeparator(path), trimmed, StringComparison.Ordinal))
            {
                return true;
            }

            var prefix = trimmed + Path.DirectorySeparatorChar;
            return path.StartsWith(prefix, StringComparison.Ordinal)
                || (Path.GetPathRoot(trimmed) == trimmed && path.StartsWith(trimmed, StringComparison.Ordinal));
        }

        private static void PushComponents(Stack<string> pending, string relative)
        {
            var parts = relative.Split(new[] { Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar });
            for (var i = parts.Length - 1; i >= 0; i--)
            {
                pending.Push(parts[i]);
            }
        }

        /// <summary>The target text of the link at <paramref name="path"/>, or <see langword="null"/> when it is not a link (or does not exist).</summary>
        private static string? LinkTarget(string path)
        {
            try
            {
                return new FileInfo(path).LinkTarget;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return null;
            }
        }
    }
}
