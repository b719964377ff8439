using SocketAnalyzers.Common;
using Xunit;

namespace SocketAnalyzers.Tests.Common
{
    /// <summary>
    /// The table of the answers a memo gave last (<see cref="RecentAnswers{TKey, TValue}"/>) may only ever hand back the
    /// answer kept for the very key asked about: a miss sends the caller to its memo, a wrong hit would be a wrong finding.
    /// </summary>
    public class RecentAnswersTests
    {
        [Fact]
        public void A_kept_answer_is_found_for_its_own_key()
        {
            var table = new RecentAnswers<object, int>();
            var key = new object();
            var slot = RecentAnswers<object, int>.SlotOf("Socket");
            table.Keep(new RecentAnswers<object, int>.Entry(key, 42), slot);

            Assert.Equal(42, table.Find(key, slot)?.Value);
        }

        [Fact]
        public void Another_key_in_the_same_slot_misses_even_when_it_is_equal()
        {
            var table = new RecentAnswers<string, int>();
            var kept = new string('a', 3);
            var equal = new string('a', 3);
            var slot = RecentAnswers<string, int>.SlotOf(kept);
            table.Keep(new RecentAnswers<string, int>.Entry(kept, 1), slot);

            Assert.Null(table.Find(equal, slot));
        }

        [Fact]
        public void A_later_answer_in_a_slot_replaces_the_earlier_one()
        {
            var table = new RecentAnswers<object, int>();
            var first = new object();
            var second = new object();
            var slot = RecentAnswers<object, int>.SlotOf("Read");
            table.Keep(new RecentAnswers<object, int>.Entry(first, 1), slot);
            table.Keep(new RecentAnswers<object, int>.Entry(second, 2), slot);

            Assert.Null(table.Find(first, slot));
            Assert.Equal(2, table.Find(second, slot)?.Value);
        }

        [Theory]
        [InlineData("")]
        [InlineData("A")]
        [InlineData("NetworkStream")]
        [InlineData("\uFFFFwide\uFFFF")]
        public void Every_name_has_a_slot_of_the_table(string name)
        {
            var slot = RecentAnswers<object, int>.SlotOf(name);

            Assert.InRange(slot, 0, 127);
        }
    }
}
