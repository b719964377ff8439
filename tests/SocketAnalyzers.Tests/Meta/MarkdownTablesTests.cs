using Xunit;

namespace SocketAnalyzers.Tests.Meta
{
    /// <summary>The Markdown reading the documentation tests rely on, on pages laid out either way.</summary>
    public sealed class MarkdownTablesTests
    {
        [Fact]
        public void Fields_of_a_table_laid_out_as_rows()
        {
            var page = """
                # SOCK010: The byte count of a network read is discarded

                | Item | Value |
                |------|-------|
                | Category | `SocketReads` |
                | Default severity | **Warning** |
                | Enabled by default | Yes |
                | Code fix | Yes (ReadExactly) |

                ## Cause
                """;

            var fields = MarkdownTables.Fields(page, "Category", "Default severity", "Enabled by default", "Code fix");

            Assert.Equal("SocketReads", fields["Category"]);
            Assert.Equal("Warning", fields["Default severity"]);
            Assert.Equal("Yes", fields["Enabled by default"]);
            Assert.Equal("Yes (ReadExactly)", fields["Code fix"]);
        }

        [Fact]
        public void Fields_of_a_table_laid_out_as_columns()
        {
            var page = """
                # SOCK004: I/O on a socket that is not connected

                | Category | Default severity | Enabled by default | Code fix |
                |:---------|:----------------:|-------------------:|----------|
                | SocketLifecycle | Warning | yes | no |
                """;

            var fields = MarkdownTables.Fields(page, "Category", "Default severity", "Enabled by default", "Code fix");

            Assert.Equal(4, fields.Count);
            Assert.Equal("SocketLifecycle", fields["Category"]);
            Assert.Equal("no", fields["Code fix"]);
        }

        [Fact]
        public void Release_file_rows_without_outer_pipes_are_read()
        {
            var tables = MarkdownTables.Read("""
                ; Unshipped analyzer release

                ### New Rules

                Rule ID | Category | Severity | Notes
                --------|----------|----------|-------
                SOCK010 | SocketReads | Warning | The byte count of a network read is discarded
                """);

            var table = Assert.Single(tables);
            Assert.Equal(2, table.Count);
            Assert.Equal(new[] { "SOCK010", "SocketReads", "Warning", "The byte count of a network read is discarded" }, table[1]);
        }
    }
}
