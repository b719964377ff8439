using System.Threading.Tasks;
using SocketAnalyzers.Tests.Verifiers;
using Xunit;
using Verify = SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<SocketAnalyzers.Reads.SOCK011ReadLoopIgnoresEndOfStreamAnalyzer, SocketAnalyzers.CodeFixes.Reads.SOCK011ReadLoopIgnoresEndOfStreamCodeFixProvider>;

namespace SocketAnalyzers.Tests.Reads
{
    /// <summary>
    /// SOCK011 and a binary reader's read that throws <c>EndOfStreamException</c> at end of stream instead of returning
    /// (<c>ReadString()</c>, <c>ReadInt32()</c>…), in a loop whose body catches every exception and goes on (fresh45 miss 1:
    /// a course guessing game's five clients, <c>while (true) { try { names = reader.ReadString(); … } catch { } }</c>):
    /// once the server has closed, every turn throws and is caught, and the thread spins. The fix puts a first clause
    /// <c>catch (EndOfStreamException) { break; }</c> on that <c>try</c>.
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
        // EndOfStreamException is an IOException: a clause for it or for IOException that goes on takes it too.
        [InlineData("while (true) { try { Console.WriteLine([|reader.ReadString()|]); } catch (IOException e) { Console.WriteLine(e.Message); } }")]
        [InlineData("while (true) { try { Console.WriteLine([|reader.ReadString()|]); } catch (EndOfStreamException) { System.Threading.Thread.Sleep(10); } }")]
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
                    "When the peer closes, BinaryReader.ReadString throws EndOfStreamException on every call, the catch inside this loop takes it, and the loop spins forever; leave the loop when it throws EndOfStreamException (a first clause catch (EndOfStreamException) { break; })"));

        /// <summary>The fix: a first catch clause that takes <c>EndOfStreamException</c> and leaves the loop, before the catch-all.</summary>
        [Fact]
        public Task Fix_catches_the_end_of_stream_first_and_leaves_the_loop()
            => Verify.VerifyCodeFixAsync(
                Client("""
                    while (true)
                            {
                                try
                                {
                                    Console.WriteLine([|reader.ReadString()|]);
                                }
                                catch
                                {
                                }
                            }
                    """),
                Client("""
                    while (true)
                            {
                                try
                                {
                                    Console.WriteLine(reader.ReadString());
                                }
                                catch (EndOfStreamException)
                                {
                                    break;
                                }
                                catch
                                {
                                }
                            }
                    """));

        /// <summary>In a nested loop a <c>break</c> would only let the outer loop read again: the clause returns.</summary>
        [Fact]
        public Task Fix_in_a_nested_loop_returns()
            => Verify.VerifyCodeFixAsync(
                Client("""
                    for (var round = 0; round < 3; round++)
                            {
                                while (true)
                                {
                                    try { Console.WriteLine([|reader.ReadChar()|]); }
                                    catch (Exception e) { Console.WriteLine(e.Message); }
                                }
                            }
                    """),
                Client("""
                    for (var round = 0; round < 3; round++)
                            {
                                while (true)
                                {
                                    try { Console.WriteLine(reader.ReadChar()); }
                                    catch (EndOfStreamException)
                                    {
                                        return;
                                    }
                                    catch (Exception e) { Console.WriteLine(e.Message); }
                                }
                            }
                    """));

        [Fact]
        public Task Fix_all_catches_the_end_of_stream_in_every_loop()
            => Verify.VerifyCodeFixAsync(
                Client("""
                    while (true)
                            {
                                try { Console.WriteLine([|reader.ReadString()|]); }
                                catch { }
                            }
                    """) + Other("""
                    while (true)
                            {
                                try { Console.WriteLine([|reader.ReadBoolean()|]); }
                                catch (Exception) { }
                            }
                    """),
                Client("""
                    while (true)
                            {
                                try { Console.WriteLine(reader.ReadString()); }
                                catch (EndOfStreamException)
                                {
                                    break;
                                }
                                catch { }
                            }
                    """) + Other("""
                    while (true)
                            {
                                try { Console.WriteLine(reader.ReadBoolean()); }
                                catch (EndOfStreamException)
                                {
                                    break;
                                }
                                catch (Exception) { }
                            }
                    """));

        /// <summary>A second client of the same shape, for Fix All across types.</summary>
        private static string Other(string loop) => $$"""

            class OtherClient
            {
                void Load(TcpClient player)
                {
                    var reader = new BinaryReader(player.GetStream());
                    {{loop}}
                }
            }
            """;

        /// <summary>A file that does not import <c>System.IO</c> gets the import with the clause.</summary>
        [Fact]
        public Task Fix_imports_System_IO_where_the_file_does_not()
            => Verify.VerifyCodeFixAsync("""
                using System;
                using System.Net.Sockets;

                class Client
                {
                    void Load(TcpClient player)
                    {
                        var reader = new System.IO.BinaryReader(player.GetStream());
                        while (true)
                        {
                            try { Console.WriteLine([|reader.ReadString()|]); }
                            catch { }
                        }
                    }
                }
                """, """
                using System;
                using System.IO;
                using System.Net.Sockets;

                class Client
                {
                    void Load(TcpClient player)
                    {
                        var reader = new System.IO.BinaryReader(player.GetStream());
                        while (true)
                        {
                            try { Console.WriteLine(reader.ReadString()); }
                            catch (EndOfStreamException)
                            {
                                break;
                            }
                            catch { }
                        }
                    }
                }
                """);

        /// <summary>A clause that already names <c>EndOfStreamException</c> and goes on: the change is the author's to make there.</summary>
        [Fact]
        public Task No_fix_where_a_clause_already_takes_the_end_of_stream()
        {
            var source = Client("while (true) { try { Console.WriteLine([|reader.ReadString()|]); } catch (EndOfStreamException) { Console.WriteLine(\"closed\"); } catch { } }");
            return Verify.VerifyCodeFixAsync(source, source);
        }

        /// <summary>
        /// .NET 10's <c>BinaryReader.ReadExactly(Span&lt;byte&gt;)</c> throws <c>EndOfStreamException</c> at end of stream, as the
        /// reader's other reads do: in a loop whose catch goes on it spins; a loop the exception leaves is quiet.
        /// </summary>
        [Theory]
        [InlineData("while (true) { try { {|SOCK011:reader.ReadExactly(header)|}; Console.WriteLine(header[0]); } catch (IOException e) { Console.WriteLine(e.Message); } }")]
        [InlineData("while (true) { try { reader.ReadExactly(header); Console.WriteLine(header[0]); } catch (EndOfStreamException) { break; } catch { } }")]
        [InlineData("while (true) { reader.ReadExactly(header); Console.WriteLine(header[0]); }")]
        // It fills the whole buffer: what an earlier read left in it is gone (no SOCK012 at the decode).
        [InlineData("int n = player.GetStream().Read(header, 0, 4); Console.WriteLine(n); reader.ReadExactly(header); Console.WriteLine(System.Text.Encoding.ASCII.GetString(header));")]
        public Task Binary_reader_exact_read_of_dotnet_10_throws_at_end_of_stream(string loop)
        {
            var test = new SocketAnalyzerTest
            {
                TestCode = Client("var header = new byte[4];\n" + loop),
                References = ReferenceSet.Net100,
            };
            return test.RunAsync();
        }
    }
}
