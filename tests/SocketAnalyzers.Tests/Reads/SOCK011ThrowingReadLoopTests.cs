using System.Threading.Tasks;
using Xunit;
using Verify = SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<SocketAnalyzers.Reads.SOCK011ReadLoopIgnoresEndOfStreamAnalyzer, SocketAnalyzers.CodeFixes.Reads.SOCK011ReadLoopIgnoresEndOfStreamCodeFixProvider>;

namespace SocketAnalyzers.Tests.Reads
{
    /// <summary>
    /// SOCK011 and a binary reader's read that throws <c>EndOfStreamException</c> at end of stream instead of returning
    /// (<c>ReadString()</c>, <c>ReadInt32()</c>…), in a loop whose body catches every exception and goes on (fresh45 miss 1:
    /// a course guessing game's five clients, <c>while (true) { try { names = reader.ReadString(); … } catch { } }</c>):
    /// once the server has closed, every turn throws and is caught, and the thread spins.
    /// </summary>
    public sealed class SOCK011ThrowingReadLoopTests
    {
        /// <summary>A client whose reader is over its connection's stream, looping over <paramref name="loop"/>.</summary>
        private static string Client(string loop) => $$"""
            using System;
            using System.IO;
            using System.Net.Sockets;

            class Client
            {
                private readonly TcpClient player = new TcpClient();

                void Load()
                {
                    player.Connect("127.0.0.1", 9999);
                    var reader = new BinaryReader(player.GetStream());
                    {{loop}}
                }

                void Show(string text) { }
            }
            """;

        [Theory]
        [InlineData("while (true) { try { string names = [|reader.ReadString()|]; Console.WriteLine(names); } catch { } }")]
        [InlineData("while (true) { try { Console.WriteLine([|reader.ReadChar()|]); } catch (Exception e) { Console.WriteLine(e.Message); } }")]
        // A method of the class that cannot reach the local reader is no way out.
        [InlineData("while (true) { try { Console.WriteLine([|reader.ReadString()|]); } catch (Exception e) { Show(e.Message); } }")]
        [InlineData("for (;;) { try { var kind = [|reader.ReadByte()|]; Console.WriteLine(kind); } catch (Exception) { System.Threading.Thread.Sleep(100); } }")]
        [InlineData("bool running = true; while (running) { try { Console.WriteLine([|reader.ReadBoolean()|]); } catch { } }")]
        public Task Throwing_read_in_a_loop_whose_catch_all_goes_on_is_reported(string loop)
            => Verify.VerifyAnalyzerAsync(Client(loop));

        [Theory]
        // The handler leaves the loop, returns or rethrows; a clause for EndOfStreamException before the catch-all takes the end.
        [InlineData("while (true) { try { Console.WriteLine(reader.ReadString()); } catch { break; } }")]
        [InlineData("while (true) { try { Console.WriteLine(reader.ReadString()); } catch (Exception) { return; } }")]
        [InlineData("while (true) { try { Console.WriteLine(reader.ReadString()); } catch (EndOfStreamException) { break; } catch { } }")]
        [InlineData("while (true) { try { Console.WriteLine(reader.ReadString()); } catch { throw; } }")]
        // No catch in the loop, a catch around the loop, or one that does not take every exception: the exception leaves the loop.
        [InlineData("while (true) { Console.WriteLine(reader.ReadString()); }")]
        [InlineData("try { while (true) { Console.WriteLine(reader.ReadString()); } } catch { }")]
        [InlineData("while (true) { try { Console.WriteLine(reader.ReadString()); } catch (FormatException) { } }")]
        [InlineData("while (true) { try { Console.WriteLine(reader.ReadString()); } catch (Exception e) when (e is FormatException) { } }")]
        // No loop: nothing to spin, and no count is lost (a throwing read is no SOCK010).
        [InlineData("reader.ReadChar(); reader.ReadString();")]
        public Task Loop_left_by_the_exception_or_its_handler_is_quiet(string loop)
            => Verify.VerifyAnalyzerAsync(Client(loop));

        [Fact]
        public Task Reader_over_a_file_is_quiet()
            => Verify.VerifyAnalyzerAsync("""
                using System;
                using System.IO;

                class Log
                {
                    void Load(string path)
                    {
                        var reader = new BinaryReader(File.OpenRead(path));
                        while (true) { try { Console.WriteLine(reader.ReadString()); } catch { } }
                    }
                }
                """);

        [Fact]
        public Task Message_says_the_read_throws_and_the_catch_takes_it()
            => Verify.VerifyAnalyzerAsync(
                Client("while (true) { try { Console.WriteLine({|#0:reader.ReadString()|}); } catch { } }"),
                Verify.Diagnostic().WithLocation(0).WithMessage(
                    "When the peer closes, BinaryReader.ReadString throws EndOfStreamException on every call, the catch inside this loop takes it, and the loop spins forever; leave the loop when it throws EndOfStreamException (catch (EndOfStreamException) { break; } before the catch-all)"));

        /// <summary>There is no count to test: the stop-at-zero fix is not offered (where to go at end of stream is the author's choice).</summary>
        [Fact]
        public Task No_fix_is_offered_for_a_throwing_read()
        {
            var source = Client("while (true) { try { Console.WriteLine([|reader.ReadString()|]); } catch { } }");
            return Verify.VerifyCodeFixAsync(source, source);
        }
    }
}
