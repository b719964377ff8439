using System.Threading.Tasks;
using Xunit;
using static SocketAnalyzers.Tests.Reads.ReadTestCode;
using Verify = SocketAnalyzers.Tests.Verifiers.CodeFixVerifier<SocketAnalyzers.Reads.SOCK012WholeBufferConsumedAnalyzer, SocketAnalyzers.CodeFixes.Reads.SOCK012WholeBufferConsumedCodeFixProvider>;

namespace SocketAnalyzers.Tests.Reads
{
    /// <summary>
    /// SOCK012 on a fresh buffer read once and decoded whole, where what the code does next takes only the bytes the read
    /// placed (fresh26 FALSE 2 and 3): the unread tail is zeros, so the text ends in NULs, and a number parser (which
    /// accepts trailing NULs) or a strip of the NULs on the next line, with the NUL given as <c>"\0".ToCharArray()</c>
    /// too, leaves the text received. A buffer read before (stale bytes), or a statement between, keep the report.
    /// </summary>
    public sealed class SOCK012NulTolerantTextTests
    {
        [Theory]
        [InlineData("var value = int.Parse(Encoding.ASCII.GetString(chunk));")]
        [InlineData("var rate = double.Parse(Encoding.UTF8.GetString(chunk), System.Globalization.CultureInfo.InvariantCulture);")]
        [InlineData("if (long.TryParse(Encoding.ASCII.GetString(chunk), out var id)) Console.WriteLine(id);")]
        [InlineData("var text = Encoding.ASCII.GetString(chunk); var port = ushort.Parse(text);")]
        // Convert.ToInt32(string) is int.Parse (fresh31 FALSE 1, a course UDP calculator).
        [InlineData("var a = Convert.ToInt32(Encoding.ASCII.GetString(chunk));")]
        [InlineData("var b = Convert.ToDouble(Encoding.ASCII.GetString(chunk));")]
        public Task Fresh_buffer_decoded_whole_into_a_number_parser_is_quiet(string decode)
            => Verify.VerifyAnalyzerAsync(ReadOnce(decode, size: 64));

        /// <summary>
        /// fresh72 FALSE 1 (a course's JSON chat server): Json.NET's readers skip NULs as white space, so a fresh buffer
        /// decoded whole parses as the bytes received (checked on Newtonsoft.Json 13.0.4 with the JSON after 1,000 zeros'
        /// worth of NULs). System.Text.Json rejects them: still reported.
        /// </summary>
        [Theory]
        [InlineData("var text = Encoding.UTF8.GetString(chunk); var json = Newtonsoft.Json.Linq.JObject.Parse(text); Console.WriteLine(json);")]
        [InlineData("var json = Newtonsoft.Json.Linq.JToken.Parse(Encoding.UTF8.GetString(chunk)); Console.WriteLine(json);")]
        [InlineData("var list = Newtonsoft.Json.Linq.JArray.Parse(Encoding.UTF8.GetString(chunk)); Console.WriteLine(list);")]
        [InlineData("var text = Encoding.UTF8.GetString(chunk); var data = Newtonsoft.Json.JsonConvert.DeserializeObject<Data>(text); Console.WriteLine(data);")]
        public Task Fresh_buffer_decoded_whole_into_a_Json_NET_parse_is_quiet(string decode)
            => Verify.VerifyAnalyzerAsync(ReadOnce(decode) + JsonData + JsonNetStub + JsonNetLinqStub);

        [Theory]
        // System.Text.Json: a NUL is an invalid character there.
        [InlineData("var document = System.Text.Json.JsonDocument.Parse([|Encoding.UTF8.GetString(chunk)|]); Console.WriteLine(document);")]
        // A reused buffer: an earlier, longer message's bytes follow the JSON, not zeros.
        [InlineData("chunk = buffer; {|SOCK010:socket.Receive(chunk)|}; var json = Newtonsoft.Json.Linq.JObject.Parse([|Encoding.UTF8.GetString(chunk)|]); Console.WriteLine(json);")]
        public Task Json_parse_that_may_see_stale_bytes_or_rejects_NULs_is_still_reported(string decode)
            => Verify.VerifyAnalyzerAsync(ReadOnce(decode) + JsonData + JsonNetStub + JsonNetLinqStub);

        /// <summary>
        /// A loop that appends the whole decode of a new array each turn to a string and leaves at the first short read, whose
        /// text only a parser that ignores trailing NULs reads, <paramref name="loop"/> with <c>{APPEND}</c> where it appends.
        /// </summary>
        private static string AppendLoop(string loop, string append, string after) => Method($$"""
            string json = string.Empty;
            {{loop.Replace("{APPEND}", append)}}
            {{after}}
            """) + JsonData + JsonNetStub;

        private const string FreshEachTurn = """
            while (true)
            {
                byte[] chunk = new byte[60000];
                int n = stream.Read(chunk, 0, chunk.Length);
                {APPEND}
                if (n < chunk.Length)
                    break;
            }
            """;

        /// <summary>
        /// fresh78 FALSE 1 (a course's file transfer): every turn before the last filled its new array, so the only zeros are
        /// the last turn's tail, at the end of the text, and Json.NET (or a number parser) ignores trailing NULs.
        /// </summary>
        [Theory]
        [InlineData(FreshEachTurn, "var data = Newtonsoft.Json.JsonConvert.DeserializeObject<Data>(json); Console.WriteLine(data);")]
        [InlineData(FreshEachTurn, "Console.WriteLine(long.Parse(json));")]
        [InlineData("""
            do
            {
                var chunk = new byte[4096];
                int n = stream.Read(chunk, 0, chunk.Length);
                {APPEND}
                if (n != chunk.Length) { break; }
            }
            while (true);
            """, "var data = Newtonsoft.Json.JsonConvert.DeserializeObject<Data>(json); Console.WriteLine(data);")]
        public Task Fresh_buffers_appended_whole_until_a_short_read_then_parsed_ignoring_NULs_are_quiet(string loop, string after)
            => Verify.VerifyAnalyzerAsync(AppendLoop(loop, "json += Encoding.UTF8.GetString(chunk);", after));

        /// <summary>
        /// The zeros may sit inside the text (no break at the short read, or a statement before it), the array is made once
        /// (an earlier, longer read's bytes), the text is used otherwise too, or the parser rejects NULs: still reported.
        /// </summary>
        [Theory]
        [InlineData(FreshEachTurn, "{APPEND} Console.WriteLine(n);", "var data = Newtonsoft.Json.JsonConvert.DeserializeObject<Data>(json); Console.WriteLine(data);")]
        [InlineData("""
            while (true)
            {
                byte[] chunk = new byte[60000];
                int n = stream.Read(chunk, 0, chunk.Length);
                if (n == 0)
                    break;
                {APPEND}
            }
            """, "{APPEND}", "var data = Newtonsoft.Json.JsonConvert.DeserializeObject<Data>(json); Console.WriteLine(data);")]
        [InlineData(FreshEachTurn, "{APPEND}", "Console.WriteLine(json); var data = Newtonsoft.Json.JsonConvert.DeserializeObject<Data>(json);")]
        [InlineData(FreshEachTurn, "{APPEND}", "var document = System.Text.Json.JsonDocument.Parse(json); Console.WriteLine(document);")]
        [InlineData("""
            byte[] chunk = new byte[60000];
            while (true)
            {
                int n = stream.Read(chunk, 0, chunk.Length);
                {APPEND}
                if (n < chunk.Length)
                    break;
            }
            """, "{APPEND}", "var data = Newtonsoft.Json.JsonConvert.DeserializeObject<Data>(json); Console.WriteLine(data);")]
        public Task Appended_text_that_may_hold_NULs_inside_or_stale_bytes_or_goes_elsewhere_is_still_reported(string loop, string shape, string after)
            => Verify.VerifyAnalyzerAsync(AppendLoop(loop.Replace("{APPEND}", shape), "json += [|Encoding.UTF8.GetString(chunk)|];", after));

        /// <summary>The fix of a reported append passes the read's count, and Fix All does the same.</summary>
        [Fact]
        public Task Fix_of_an_appended_text_that_may_hold_NULs_inside_passes_the_count()
            => Verify.VerifyCodeFixAsync(
                AppendLoop(FreshEachTurn.Replace("{APPEND}", "{APPEND} Console.WriteLine(n);"), "json += [|Encoding.UTF8.GetString(chunk)|];", "var data = Newtonsoft.Json.JsonConvert.DeserializeObject<Data>(json); Console.WriteLine(data);"),
                AppendLoop(FreshEachTurn.Replace("{APPEND}", "{APPEND} Console.WriteLine(n);"), "json += Encoding.UTF8.GetString(chunk, 0, n);", "var data = Newtonsoft.Json.JsonConvert.DeserializeObject<Data>(json); Console.WriteLine(data);"));

        /// <summary>Json.NET's <c>JObject</c>, <c>JArray</c> and <c>JToken</c>, by name (the package is in no reference set).</summary>
        private const string JsonNetLinqStub = """
            namespace Newtonsoft.Json.Linq
            {
                public class JToken { public static JToken Parse(string json) => null; }
                public class JObject : JToken { public static new JObject Parse(string json) => null; }
                public class JArray : JToken { public static new JArray Parse(string json) => null; }
            }

            """;

        [Theory]
        [InlineData("""var command = Encoding.ASCII.GetString(chunk); command = command.Trim("\0".ToCharArray());""")]
        [InlineData("""var command = Encoding.ASCII.GetString(chunk); command = command.TrimEnd('\0');""")]
        [InlineData("""var command = Encoding.ASCII.GetString(chunk); var line = command.Replace("\0", "");""")]
        [InlineData("""var command = Encoding.ASCII.GetString(chunk).Trim("\0".ToCharArray());""")]
        // An encoding object of the framework's UTF-8 or ASCII type decodes a zero byte to U+0000 as the static ones do
        // (fresh49 F1: a course game's network test, private static UTF8Encoding encoding = new UTF8Encoding();).
        [InlineData("""var utf8 = new UTF8Encoding(false, true); string data = utf8.GetString(chunk); data = data.Replace("\0", "");""")]
        [InlineData("""var command = new ASCIIEncoding().GetString(chunk).TrimEnd('\0');""")]
        // Encoding.Default: UTF-8 on .NET, the ANSI code page on .NET Framework; a zero byte is U+0000 in both (fresh76 F1).
        [InlineData("""string text = Encoding.Default.GetString(chunk).Trim('\0');""")]
        [InlineData("""var value = int.Parse(Encoding.Default.GetString(chunk));""")]
        public Task Fresh_buffer_decoded_whole_and_stripped_of_its_NULs_is_quiet(string decode)
            => Verify.VerifyAnalyzerAsync(ReadOnce(decode));

        [Theory]
        // The buffer is the caller's: its tail may hold an earlier read's digits, not zeros.
        [InlineData("var chunk = buffer;", "socket.Receive(chunk, 0, 4, SocketFlags.None)", "var value = int.Parse([|Encoding.ASCII.GetString(chunk)|]);")]
        // A statement between the decode and the strip.
        [InlineData("var chunk = new byte[64];", "socket.Receive(chunk)", """var command = [|Encoding.ASCII.GetString(chunk)|]; Console.WriteLine(command); command = command.Trim('\0');""")]
        // Another text's NULs are stripped, not this one's.
        [InlineData("var chunk = new byte[64];", "socket.Receive(chunk)", """var command = [|Encoding.ASCII.GetString(chunk)|]; var other = "a\0".Trim('\0');""")]
        // Trim of chars that hold no NUL.
        [InlineData("var chunk = new byte[64];", "socket.Receive(chunk)", """var command = [|Encoding.ASCII.GetString(chunk)|].Trim(" ".ToCharArray());""")]
        // Not a number parser.
        [InlineData("var chunk = new byte[64];", "socket.Receive(chunk)", "var when = DateTime.Parse([|Encoding.ASCII.GetString(chunk)|]);")]
        [InlineData("var chunk = new byte[64];", "socket.Receive(chunk)", "var when = Convert.ToDateTime([|Encoding.ASCII.GetString(chunk)|]);")]
        // An encoding whose type the code does not show (any Encoding, perhaps UTF-16) or a UTF-16 one: a zero byte is half a char.
        [InlineData("var chunk = new byte[64]; Encoding any = Encoding.GetEncoding(1200);", "socket.Receive(chunk)", """var command = [|any.GetString(chunk)|].Replace("\0", "");""")]
        [InlineData("var chunk = new byte[64];", "socket.Receive(chunk)", """var command = [|new UnicodeEncoding().GetString(chunk)|].Replace("\0", "");""")]
        // Encoding.Default of a reused buffer: an earlier, longer message's bytes follow, not zeros.
        [InlineData("var chunk = buffer;", "socket.Receive(chunk)", """var command = [|Encoding.Default.GetString(chunk)|].Trim('\0');""")]
        // A reused buffer given to a conversion: an earlier, longer message leaves digits there.
        [InlineData("var chunk = buffer;", "socket.Receive(chunk)", "var value = Convert.ToInt32([|Encoding.ASCII.GetString(chunk)|]);")]
        public Task Text_that_may_keep_stale_bytes_or_NULs_is_still_reported(string declaration, string read, string decode)
            => Verify.VerifyAnalyzerAsync(Method($$"""
                {{declaration}}
                {|SOCK010:{{read}}|};
                {{decode}}
                """));

        // A buffer made once and cleared whole after each message is zeros again before the next read, as a new one is
        // (fresh32 F1: a homework chat server clears it and keeps the text up to the first NUL).
        [Theory]
        [InlineData("Console.WriteLine(string.Concat(Encoding.UTF8.GetString(chunk).TakeWhile(c => c != '\\0')));", "Array.Clear(chunk);")]
        [InlineData("Console.WriteLine(Encoding.ASCII.GetString(chunk).Replace(\"\\0\", \"\"));", "Array.Clear(chunk, 0, chunk.Length);")]
        [InlineData("Console.WriteLine(new string(Encoding.ASCII.GetString(chunk).Where(c => c != '\\0').ToArray()));", "Array.Clear(chunk);")]
        public Task Buffer_cleared_whole_before_every_read_decoded_up_to_its_NULs_is_quiet(string decode, string clear)
            => Verify.VerifyAnalyzerAsync(ClearedLoop(decode, clear));

        // Cleared in part, on some paths only, or another array: the tail may hold an earlier, longer message.
        [Theory]
        [InlineData("Console.WriteLine(string.Concat([|Encoding.UTF8.GetString(chunk)|].TakeWhile(c => c != '\\0')));", "Array.Clear(chunk, 0, 16);")]
        [InlineData("Console.WriteLine(string.Concat([|Encoding.UTF8.GetString(chunk)|].TakeWhile(c => c != '\\0')));", "if (n > 512) Array.Clear(chunk);")]
        [InlineData("Console.WriteLine([|Encoding.ASCII.GetString(chunk)|].Replace(\"\\0\", \"\"));", "Array.Clear(buffer);")]
        public Task Buffer_not_cleared_whole_on_every_path_is_still_reported(string decode, string clear)
            => Verify.VerifyAnalyzerAsync(ClearedLoop(decode, clear));

        [Fact]
        public Task Fresh_buffer_decoded_whole_and_taken_up_to_the_first_NUL_is_quiet()
            => Verify.VerifyAnalyzerAsync("using System.Linq;\n" + Method("""
                var chunk = new byte[1024];
                {|SOCK010:socket.Receive(chunk)|};
                var command = string.Concat(Encoding.ASCII.GetString(chunk).TakeWhile(c => c != '\0'));
                """));

        [Fact]
        public Task Reused_buffer_taken_up_to_the_first_NUL_is_still_reported()
            => Verify.VerifyAnalyzerAsync("using System.Linq;\n" + Method("""
                var chunk = buffer;
                {|SOCK010:socket.Receive(chunk)|};
                var command = string.Concat([|Encoding.ASCII.GetString(chunk)|].TakeWhile(c => c != '\0'));
                """));

        /// <summary>
        /// fresh72 FALSE 2 (a course's calculator server): the text of a fresh buffer decoded whole is split at spaces, and
        /// the zeros' NULs all land in the last token. A number parser ignores them; an element below the highest index the
        /// code parses as a number is not the last token of a message the code can take.
        /// </summary>
        [Theory]
        [InlineData("var parts = Encoding.ASCII.GetString(chunk).Split(' '); var sum = int.Parse(parts[1]) + int.Parse(parts[2]); if (parts[0] == \"ADD\") Console.WriteLine(sum);")]
        [InlineData("var text = Encoding.ASCII.GetString(chunk); var parts = text.Split(' '); Console.WriteLine(parts.Length > 1 ? double.Parse(parts[1]) : 0);")]
        [InlineData("string[] parts; parts = Encoding.UTF8.GetString(chunk).Split(new[] { ' ', ',' }); int.TryParse(parts[0], out var a); Console.WriteLine(a);")]
        [InlineData("var parts = Encoding.ASCII.GetString(chunk).Split(); Console.WriteLine(parts[0].ToUpper() + Convert.ToInt32(parts[1]));")]
        public Task Fresh_buffer_decoded_whole_and_split_into_number_parses_is_quiet(string decode)
            => Verify.VerifyAnalyzerAsync(ReadOnce(decode));

        [Theory]
        // The last element parsed is below one read as text: that one may be the last token, NULs and all.
        [InlineData("var parts = [|Encoding.ASCII.GetString(chunk)|].Split(' '); Console.WriteLine(int.Parse(parts[0]) + parts[1]);")]
        // No number parse: the command may be the only token.
        [InlineData("var parts = [|Encoding.ASCII.GetString(chunk)|].Split(' '); if (parts[0] == \"QUIT\") return;")]
        // A loop over the tokens, a whole join, an index not constant.
        [InlineData("var parts = [|Encoding.ASCII.GetString(chunk)|].Split(' '); foreach (var part in parts) Console.WriteLine(int.Parse(part));")]
        [InlineData("var parts = [|Encoding.ASCII.GetString(chunk)|].Split(' '); Console.WriteLine(string.Join(\",\", parts) + int.Parse(parts[1]));")]
        [InlineData("var parts = [|Encoding.ASCII.GetString(chunk)|].Split(' '); var i = 1; Console.WriteLine(int.Parse(parts[2]) + parts[i]);")]
        // A separator that is the NUL, or not a constant.
        [InlineData("var parts = [|Encoding.ASCII.GetString(chunk)|].Split('\\0'); Console.WriteLine(int.Parse(parts[1]) + parts[0]);")]
        [InlineData("var separator = Console.ReadLine(); var parts = [|Encoding.ASCII.GetString(chunk)|].Split(separator); Console.WriteLine(int.Parse(parts[1]) + parts[0]);")]
        public Task Split_text_whose_last_token_may_be_read_as_text_is_still_reported(string decode)
            => Verify.VerifyAnalyzerAsync(ReadOnce(decode));

        [Fact]
        public Task Reused_buffer_split_into_number_parses_is_still_reported()
            => Verify.VerifyAnalyzerAsync(Method("""
                var chunk = buffer;
                {|SOCK010:socket.Receive(chunk)|};
                var parts = [|Encoding.ASCII.GetString(chunk)|].Split(' ');
                Console.WriteLine(int.Parse(parts[1]));
                """));

        /// <summary>A new buffer of <paramref name="size"/> bytes read once (its count dropped: SOCK010), then <paramref name="decode"/>.</summary>
        private static string ReadOnce(string decode, int size = 1024) => Method($$"""
            var chunk = new byte[{{size}}];
            {|SOCK010:socket.Receive(chunk)|};
            {{decode}}
            """);

        private static string ClearedLoop(string decode, string clear) => "using System.Linq;\n" + Method($$"""
            var chunk = new byte[1024];
            while (true)
            {
                int n = socket.Receive(chunk);
                if (n == 0) break;
                {{decode}}
                {{clear}}
            }
            """);
    }
}
