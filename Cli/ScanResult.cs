using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace SocketAnalyzers.Cli
{
    /// <summary>One diagnostic of a rule, ready to print.</summary>
    internal sealed record Finding(
        string RuleId,
        DiagnosticSeverity Severity,
        string Message,
        string Title,
        string? HelpUri,
        string FullPath,
        string DisplayPath,
        int Line,
        int Column,
        int EndLine,
        int EndColumn);

    /// <summary>What <c>--fix</c> changed in one file.</summary>
    internal sealed record FixedFile(string FullPath, string DisplayPath, IReadOnlyDictionary<string, int> FixedByRule);

    /// <summary>A file whose fix was computed but not written, and why.</summary>
    internal sealed record RejectedFix(string FullPath, string DisplayPath, string Reason);

    internal sealed class FixReport
    {
        public List<FixedFile> Fixed { get; } = new();

        public List<RejectedFix> Rejected { get; } = new();

        /// <summary>Findings that no code-fix provider offers to fix.</summary>
        public int Unfixable { get; set; }
    }

    /// <summary>Everything a report prints.</summary>
    internal sealed class ScanResult
    {
        public List<Finding> Findings { get; } = new();

        public int FilesRead { get; set; }

        public int FilesSkipped { get; set; }

        /// <summary>Files bound and analyzed: the ones that name a network type (every file with --all-files).</summary>
        public int FilesAnalyzed { get; set; }

        public int FilesExcluded { get; set; }

        public int Projects { get; set; }

        /// <summary>Compiler errors in the scanned files (never printed one by one: the code was not built).</summary>
        public int CompilerErrors { get; set; }

        public int FilesWithCompilerErrors { get; set; }

        /// <summary>Analyzer exceptions (AD0001): bugs in a rule, reported on standard error.</summary>
        public List<string> AnalyzerFailures { get; } = new();

        public FixReport? Fixes { get; set; }

        public TimeSpan Elapsed { get; set; }

        public DiagnosticSeverity Threshold { get; set; }

        /// <summary>The folder paths are relative to.</summary>
        public string? BaseDirectory { get; set; }
    }

    /// <summary>A source file as read from disk: its text and how to write it back byte for byte.</summary>
    internal sealed class SourceFile
    {
        public SourceFile(string fullPath, SourceText text, Encoding encoding, bool hasPreamble, SourceGroup group)
        {
            FullPath = fullPath;
            Text = text;
            Encoding = encoding;
            HasPreamble = hasPreamble;
            Group = group;
        }

        public string FullPath { get; }

        public SourceText Text { get; }

        public Encoding Encoding { get; }

        public bool HasPreamble { get; }

        public SourceGroup Group { get; }

        public SyntaxTree? Tree { get; set; }

        /// <summary>Reads a file, keeping its encoding: a BOM decides; else strict UTF-8; else Latin-1, which keeps every byte.</summary>
        public static SourceFile Read(string path, SourceGroup group)
        {
            var bytes = System.IO.File.ReadAllBytes(path);
            Encoding encoding;
            var preamble = 0;
            if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
            {
                encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
                preamble = 3;
            }
            else if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
            {
                encoding = new UnicodeEncoding(bigEndian: false, byteOrderMark: true);
                preamble = 2;
            }
            else if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
            {
                encoding = new UnicodeEncoding(bigEndian: true, byteOrderMark: true);
                preamble = 2;
            }
            else
            {
                encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
            }

            string content;
            try
            {
                content = encoding.GetString(bytes, preamble, bytes.Length - preamble);
            }
            catch (DecoderFallbackException)
            {
                encoding = Encoding.Latin1;
                content = encoding.GetString(bytes);
            }

            return new SourceFile(path, SourceText.From(content, encoding), encoding, preamble > 0, group);
        }

        /// <summary>The bytes to write for <paramref name="text"/>: same encoding, same BOM, same line endings as read.</summary>
        public byte[] Encode(string text)
        {
            if (IsCrLf(Text.ToString()))
            {
                text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal);
            }

            var body = Encoding.GetBytes(text);
            if (!HasPreamble)
            {
                return body;
            }

            var preamble = Encoding.GetPreamble();
            var result = new byte[preamble.Length + body.Length];
            preamble.CopyTo(result, 0);
            body.CopyTo(result, preamble.Length);
            return result;
        }

        private static bool IsCrLf(string text)
        {
            var crlf = 0;
            var lf = 0;
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '\n')
                {
                    if (i > 0 && text[i - 1] == '\r')
                    {
                        crlf++;
                    }
                    else
                    {
                        lf++;
                    }
                }
            }

            return crlf > lf;
        }
    }
}
