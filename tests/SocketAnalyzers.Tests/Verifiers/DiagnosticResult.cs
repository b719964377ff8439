using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace SocketAnalyzers.Tests.Verifiers
{
    /// <summary>An expected diagnostic. Unset parts (span, message, severity) are not compared.</summary>
    public sealed record DiagnosticResult
    {
        public DiagnosticResult(string id)
        {
            Id = id;
        }

        public string Id { get; init; }

        /// <summary>The document the diagnostic is in (index into the test's sources); 0 unless set.</summary>
        public int DocumentIndex { get; init; }

        /// <summary>A span given directly.</summary>
        public TextSpan? Span { get; init; }

        /// <summary>1-based line and column span given with <see cref="WithSpan(int, int, int, int)"/>.</summary>
        public (int StartLine, int StartColumn, int EndLine, int EndColumn)? LineSpan { get; init; }

        /// <summary>The <c>n</c> of a <c>{|#n:…|}</c> marker.</summary>
        public int? LocationIndex { get; init; }

        public string? Message { get; init; }

        public object?[]? MessageArguments { get; init; }

        public DiagnosticSeverity? Severity { get; init; }

        public DiagnosticResult WithLocation(int markupIndex) => this with { LocationIndex = markupIndex };

        public DiagnosticResult WithSpan(int startLine, int startColumn, int endLine, int endColumn)
            => this with { LineSpan = (startLine, startColumn, endLine, endColumn) };

        public DiagnosticResult WithSpan(TextSpan span) => this with { Span = span };

        public DiagnosticResult InDocument(int documentIndex) => this with { DocumentIndex = documentIndex };

        public DiagnosticResult WithMessage(string message) => this with { Message = message };

        public DiagnosticResult WithArguments(params object?[] arguments) => this with { MessageArguments = arguments };

        public DiagnosticResult WithSeverity(DiagnosticSeverity severity) => this with { Severity = severity };

        /// <summary>The expected message, formatted from the descriptor when arguments were given.</summary>
        public string? ExpectedMessage(DiagnosticDescriptor? descriptor)
        {
            if (Message is not null)
            {
                return Message;
            }

            if (MessageArguments is not null && descriptor is not null)
            {
                return string.Format(CultureInfo.InvariantCulture, descriptor.MessageFormat.ToString(CultureInfo.InvariantCulture), MessageArguments);
            }

            return null;
        }
    }
}
