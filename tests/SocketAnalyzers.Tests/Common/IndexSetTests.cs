using System.Collections.Generic;
using System.Linq;
using SocketAnalyzers.Common;
using Xunit;

namespace SocketAnalyzers.Tests.Common
{
    /// <summary>The bit set the reads flow keeps its pending reads in behaves as a set of ints, across word boundaries.</summary>
    public sealed class IndexSetTests
    {
        private static List<int> Members(IndexSet set)
        {
            var members = new List<int>();
            foreach (var member in set)
            {
                members.Add(member);
            }

            return members;
        }

        [Fact]
        public void Adds_and_removes_members_across_words_and_enumerates_them_in_order()
        {
            var set = new IndexSet();
            Assert.True(set.Add(130));
            Assert.True(set.Add(0));
            Assert.True(set.Add(63));
            Assert.True(set.Add(64));
            Assert.False(set.Add(63));

            Assert.Equal(4, set.Count);
            Assert.Equal(new[] { 0, 63, 64, 130 }, Members(set));
            Assert.True(set.Contains(64));
            Assert.False(set.Contains(65));
            Assert.False(set.Contains(100_000));

            Assert.True(set.Remove(63));
            Assert.False(set.Remove(63));
            Assert.False(set.Remove(100_000));
            Assert.Equal(new[] { 0, 64, 130 }, Members(set));
            Assert.Equal(3, set.Count);
        }

        [Fact]
        public void A_copy_is_independent_of_its_original()
        {
            var original = new IndexSet();
            original.Add(5);
            var copy = new IndexSet(original);
            copy.Add(200);
            copy.Remove(5);

            Assert.Equal(new[] { 5 }, Members(original));
            Assert.Equal(new[] { 200 }, Members(copy));
        }

        [Fact]
        public void Union_adds_what_is_missing_and_says_whether_it_changed()
        {
            var mine = new IndexSet();
            mine.Add(1);
            var theirs = new IndexSet();
            theirs.Add(1);
            theirs.Add(70);
            theirs.Add(129);

            Assert.False(mine.IsSupersetOf(theirs));
            Assert.True(mine.UnionWith(theirs));
            Assert.Equal(new[] { 1, 70, 129 }, Members(mine));
            Assert.Equal(3, mine.Count);
            Assert.True(mine.IsSupersetOf(theirs));
            Assert.False(mine.UnionWith(theirs));
            Assert.True(mine.IsSupersetOf(new IndexSet()));
        }

        [Fact]
        public void Agrees_with_a_hash_set_on_random_operations()
        {
            var random = new System.Random(13);
            var set = new IndexSet();
            var reference = new HashSet<int>();
            for (var step = 0; step < 5_000; step++)
            {
                var value = random.Next(300);
                if (random.Next(3) == 0)
                {
                    Assert.Equal(reference.Remove(value), set.Remove(value));
                }
                else
                {
                    Assert.Equal(reference.Add(value), set.Add(value));
                }

                Assert.Equal(reference.Count, set.Count);
            }

            Assert.Equal(reference.OrderBy(v => v), Members(set));
        }
    }
}
