using System;
using System.Threading.Tasks;

namespace SocketAnalyzers.Reference.Tests.Support
{
    /// <summary>Every wait in these tests is bounded: a hang fails the test instead of the run.</summary>
    internal static class Bounded
    {
        public static readonly TimeSpan Default = TimeSpan.FromSeconds(20);

        public static Task Within(this Task task, TimeSpan? timeout = null) => task.WaitAsync(timeout ?? Default);

        public static Task<T> Within<T>(this Task<T> task, TimeSpan? timeout = null) => task.WaitAsync(timeout ?? Default);

        public static Task<T> Within<T>(this ValueTask<T> task, TimeSpan? timeout = null) => task.AsTask().WaitAsync(timeout ?? Default);

        public static Task Within(this ValueTask task, TimeSpan? timeout = null) => task.AsTask().WaitAsync(timeout ?? Default);
    }
}
