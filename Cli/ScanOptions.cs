using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace SocketAnalyzers.Cli
{
    internal enum OutputFormat
    {
        Text,
        Json,
        Sarif,
    }

    /// <summary>What <c>scan</c> was asked to do, as parsed from the command line.</summary>
    internal sealed class ScanOptions
    {
        public List<string> Paths { get; } = new();

        public List<Glob> Excludes { get; } = new();

        public OutputFormat Format { get; set; } = OutputFormat.Text;

        /// <summary>Findings below this severity are neither printed nor counted for the exit code.</summary>
        public DiagnosticSeverity Threshold { get; set; } = DiagnosticSeverity.Warning;

        public bool Fix { get; set; }

        /// <summary>Bind and analyze every file, not only those that name a network type.</summary>
        public bool AllFiles { get; set; }

        /// <summary>Write the report here instead of standard output.</summary>
        public string? OutputPath { get; set; }

        /// <summary>No progress on standard error.</summary>
        public bool Quiet { get; set; }

        /// <summary>Extra details on standard error: groups, references, timings.</summary>
        public bool Verbose { get; set; }

        /// <summary>Progress rewrites one line (a terminal) rather than printing a line every few seconds.</summary>
        public bool InteractiveProgress { get; set; }

        /// <summary>Progress starts after this long; tests set it to zero.</summary>
        public TimeSpan ProgressDelay { get; set; } = TimeSpan.FromSeconds(3);

        /// <summary>The local NuGet cache that package references are taken from; null for none.</summary>
        public string? PackagesFolder { get; set; } = PackageReferences.DefaultRoot();

        /// <summary>Paths are printed relative to this folder (the current directory).</summary>
        public string BaseDirectory { get; set; } = Environment.CurrentDirectory;
    }
}
