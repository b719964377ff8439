using System.Threading.Tasks;
using Xunit;
using static SocketAnalyzers.Tests.Reads.ReadTestCode;
using Verify011 = SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<SocketAnalyzers.Reads.SOCK011ReadLoopIgnoresEndOfStreamAnalyzer, SocketAnalyzers.CodeFixes.Reads.SOCK011ReadLoopIgnoresEndOfStreamCodeFixProvider>;
using Verify010 = SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<SocketAnalyzers.Reads.SOCK010DiscardedReadCountAnalyzer, SocketAnalyzers.CodeFixes.Reads.SOCK010DiscardedReadCountCodeFixProvider>;

namespace SocketAnalyzers.Tests.Reads
{
    /// <summary>
    /// A reader or stream local declared <c>null</c> and given its network value later (so that a <c>finally</c> can close
    /// it): the <c>null</c> does not hide what it reads, since a read on <c>null</c> throws. At least one assignment must
    /// still be a network reader or stream, and every other one too.
    /// </summary>
    public sealed class NullInitializedLocalTests
    {
        [Theory]
        [InlineData("""
            StreamReader reader = null;
            try
            {
                reader = new StreamReader(client.GetStream());
                while (true)
                {
                    var line = [|reader.ReadLine()|];
                    Console.WriteLine("got " + line);
                }
            }
            finally
            {
                reader?.Close();
            }
            """)]
        [InlineData("""
            TextReader reader = default;
            reader = new StreamReader(client.GetStream());
            while (true)
            {
                Console.WriteLine([|reader.ReadLine()|]);
            }
            """)]
        [InlineData("""
            Stream s = null;
            s = client.GetStream();
            while (true)
            {
                int n = [|s.Read(buffer, 0, buffer.Length)|];
                Process(buffer, n);
            }
            """)]
        public Task A_local_declared_null_then_given_a_network_reader_or_stream_is_followed(string body)
            => Verify011.VerifyAnalyzerAsync(Method(body));

        [Fact]
        public Task A_stream_local_declared_null_then_given_a_network_stream_loses_its_count()
            => Verify010.VerifyAnalyzerAsync(Method("""
                Stream s = null;
                s = client.GetStream();
                [|s.Read(buffer, 0, 4)|];
                Process(buffer, 4);
                """));

        [Theory]
        [InlineData("""
            StreamReader reader = null;
            while (true)
            {
                Console.WriteLine(reader.ReadLine());
            }
            """)]
        [InlineData("""
            StreamReader reader = null;
            reader = new StreamReader(client.GetStream());
            reader = new StreamReader(File.OpenRead("log.txt"));
            while (true)
            {
                Console.WriteLine(reader.ReadLine());
            }
            """)]
        [InlineData("""
            Stream s = null;
            s = new MemoryStream(buffer);
            while (true)
            {
                int n = s.Read(buffer, 0, buffer.Length);
                Process(buffer, n);
            }
            """)]
        public Task A_local_that_is_only_null_or_also_something_else_stays_silent(string body)
            => Verify011.VerifyAnalyzerAsync(Method(body));
    }
}
