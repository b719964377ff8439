using System;
using System.Buffers;
using System.Threading;

namespace SocketAnalyzers.Runtime.Tests
{
    /// <summary>An array pool that records what was rented, to prove what a reader or writer allocates.</summary>
    internal sealed class CountingPool : ArrayPool<byte>
    {
        private int _largest;
        private int _outstanding;
        private int _rents;

        internal int LargestRent => Volatile.Read(ref _largest);

        internal int Outstanding => Volatile.Read(ref _outstanding);

        internal int Rents => Volatile.Read(ref _rents);

        public override byte[] Rent(int minimumLength)
        {
            Interlocked.Increment(ref _rents);
            Interlocked.Increment(ref _outstanding);
            int seen;
            while ((seen = Volatile.Read(ref _largest)) < minimumLength && Interlocked.CompareExchange(ref _largest, minimumLength, seen) != seen)
            {
            }

            return new byte[minimumLength];
        }

        public override void Return(byte[] array, bool clearArray = false)
        {
            Interlocked.Decrement(ref _outstanding);
        }
    }
}
