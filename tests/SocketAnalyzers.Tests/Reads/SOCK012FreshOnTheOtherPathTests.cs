using System.Threading.Tasks;
using Xunit;
using static SocketAnalyzers.Tests.Reads.ReadTestCode;
using Verify = SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<SocketAnalyzers.Reads.SOCK012WholeBufferConsumedAnalyzer, SocketAnalyzers.CodeFixes.Reads.SOCK012WholeBufferConsumedCodeFixProvider>;

namespace SocketAnalyzers.Tests.Reads
{
    /// <summary>
    /// SOCK012 where a path without the read joins the path with it, and the buffer is a new array on the first (fresh89
    /// M1, a SOCKS relay: <c>try { var n = local.Receive(buffer); if (n &lt; 1 || buffer[0] != 4) { … return; } } catch
    /// (SocketException) { log }</c>, then <c>buffer[1]</c>, the port and the address decoded). The array's zeros are what
    /// the read leaves past its count, so the read's fill holds where the paths join: a look past the count there is a look
    /// past it on the path through the read. A path that writes the array itself, or a count that covers the look, keeps it quiet.
    /// </summary>
    public sealed class SOCK012FreshOnTheOtherPathTests
    {
        [Theory]
        [InlineData("try { var n = socket.Receive(request); if (n < 1 || request[0] != 4) { socket.Close(); return; } } catch (SocketException e) { Console.WriteLine(e.Message); }")]
        [InlineData("try { {|SOCK010:socket.Receive(request)|}; } catch (SocketException) { }")]
        [InlineData("if (client.Available > 0) { int n = socket.Receive(request); if (n == 0) return; }")]
        public Task Look_past_the_count_where_a_path_without_the_read_joins_is_reported(string read)
            => Verify.VerifyAnalyzerAsync(Method("var request = new byte[8];\n" + read + "\nvar port = {|SOCK012:request[2]|} << 8 | request[3];\nConsole.WriteLine(port);"));

        // The fix passes the count where it is assigned on every path to the consumer, one by one and through Fix All.
        [Fact]
        public Task Whole_consumer_after_a_catch_gets_the_count_where_it_is_assigned_on_every_path()
            => Verify.VerifyCodeFixAsync(
                Method("var chunk = new byte[64];\nint n = 0;\ntry { n = {|SOCK010:socket.Receive(chunk)|}; } catch (SocketException) { }\n{|SOCK012:stream.Write(chunk)|};\nConsole.WriteLine({|SOCK012:Encoding.ASCII.GetString(chunk)|});"),
                Method("var chunk = new byte[64];\nint n = 0;\ntry { n = socket.Receive(chunk); } catch (SocketException) { }\nstream.Write(chunk, 0, n);\nConsole.WriteLine(Encoding.ASCII.GetString(chunk, 0, n));"));

        // A count that the path without the read leaves unassigned cannot be passed: no fix (it would not compile).
        [Fact]
        public Task Whole_consumer_after_a_catch_gets_no_fix_when_the_count_is_not_assigned_on_every_path()
        {
            var source = Method("var chunk = new byte[64];\nint n;\ntry { n = {|SOCK010:socket.Receive(chunk)|}; } catch (SocketException) { }\n{|SOCK012:stream.Write(chunk)|};");
            return Verify.VerifyCodeFixAsync(source, source);
        }

        // A discarded count inside the try: capturing it there would not reach the consumer after the catch, so no fix.
        [Fact]
        public Task Whole_consumer_after_a_catch_of_a_discarded_count_gets_no_fix()
        {
            var source = Method("var chunk = new byte[64];\ntry { {|SOCK010:socket.Receive(chunk)|}; } catch (SocketException) { }\n{|SOCK012:stream.Write(chunk)|};");
            return Verify.VerifyCodeFixAsync(source, source);
        }

        [Theory]
        // The count covers the look on the path through the read.
        [InlineData("try { var n = socket.Receive(request); if (n < 8) { socket.Close(); return; } } catch (SocketException e) { Console.WriteLine(e.Message); }")]
        // The catch writes the array: its bytes are not the read's.
        [InlineData("try { var n = socket.Receive(request); if (n < 1) return; } catch (SocketException) { request = new byte[] { 4, 1, 0, 80, 127, 0, 0, 1 }; }")]
        // The buffer is no new array: on the path without the read it holds the caller's bytes.
        [InlineData("request = buffer; try { var n = socket.Receive(request); if (n < 1) return; } catch (SocketException) { }")]
        public Task Join_that_leaves_the_count_covering_or_the_bytes_not_the_reads_is_quiet(string read)
            => Verify.VerifyAnalyzerAsync(Method("var request = new byte[8];\n" + read + "\nvar port = request[2] << 8 | request[3];\nConsole.WriteLine(port);"));
    }
}
