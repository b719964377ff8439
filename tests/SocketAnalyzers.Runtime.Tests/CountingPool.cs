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

    /// <summary>
    /// A pool that hands back the arrays it was given, so an allocation test measures the code under test and not
    /// ArrayPool.Shared, which may drop its cached arrays when another test's garbage collection trims it.
    /// </summary>
    internal sealed class ReusingPool : ArrayPool<byte>
    {
        private readonly System.Collections.Generic.List<byte[]> _free = new System.Collections.Generic.List<byte[]>();

        public override byte[] Rent(int minimumLength)
        {
            lock (_free)
            {
                for (int i = 0; i < _free.Count; i++)
                {
                    if (_free[i].Length >= minimumLength)
                    {
                        byte[] array = _free[i];
                        _free.RemoveAt(i);
                        return array;
                    }
                }
            }

            return new byte[minimumLength];
        }

        public override void Return(byte[] array, bool clearArray = false)
        {
            lock (_free)
            {
                _free.Add(array);
            }
        }
    }
}
