using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace SocketAnalyzers.Common
{
    /// <summary>
    /// Values worked out from a compilation's referenced assemblies only, kept for the next compilation that references
    /// the same ones. An IDE makes a new compilation at every edit and a build one per project, but the compilations of
    /// one project share their referenced assemblies' symbols (the same objects, as long as the references are the
    /// same), so what was resolved against them once holds for every later one.
    /// </summary>
    /// <remarks>
    /// Not shared: the value of a compilation that references another compilation (a project reference, which the
    /// shelf would keep alive), or whose references carry extern aliases (a type lookup leaves aliased assemblies out,
    /// and aliases belong to the compilation, not to the assembly). Kept by the core library the compilations reference,
    /// a few reference sets each, the oldest dropped first.
    /// </remarks>
    internal sealed class ReferenceShelf<T>
        where T : class
    {
        private const int Capacity = 8;

        private readonly ConditionalWeakTable<IAssemblySymbol, List<(ImmutableArray<IAssemblySymbol> References, T Value)>> byCoreLibrary = new();

        /// <summary>
        /// The value kept for a compilation with the same referenced assemblies when there is one and
        /// <paramref name="usableIn"/> accepts it for <paramref name="compilation"/>, else a new one from
        /// <paramref name="create"/>, kept when it can be shared and <paramref name="usableIn"/> accepts it.
        /// </summary>
        public T GetOrCreate(Compilation compilation, Func<Compilation, T> create, Func<T, Compilation, bool> usableIn)
        {
            var references = compilation.SourceModule.ReferencedAssemblySymbols;
            var corlib = compilation.GetSpecialType(SpecialType.System_Object).ContainingAssembly;
            if (corlib is null || !Shareable(compilation, references))
            {
                return create(compilation);
            }

            var entries = byCoreLibrary.GetValue(corlib, static _ => new List<(ImmutableArray<IAssemblySymbol>, T)>());
            lock (entries)
            {
                foreach (var (known, value) in entries)
                {
                    if (Same(known, references))
                    {
                        if (usableIn(value, compilation))
                        {
                            return value;
                        }

                        break;
                    }
                }
            }

            var made = create(compilation);
            if (usableIn(made, compilation))
            {
                lock (entries)
                {
                    entries.RemoveAll(entry => Same(entry.References, references));
                    if (entries.Count == Capacity)
                    {
                        entries.RemoveAt(0);
                    }

                    entries.Add((references, made));
                }
            }

            return made;
        }

        private static bool Shareable(Compilation compilation, ImmutableArray<IAssemblySymbol> references)
        {
            foreach (var assembly in references)
            {
                var locations = assembly.Locations;
                if (locations.Length == 0 || locations[0].Kind != LocationKind.MetadataFile)
                {
                    return false;
                }
            }

            foreach (var reference in compilation.References)
            {
                if (!reference.Properties.Aliases.IsDefaultOrEmpty)
                {
                    return false;
                }
            }

            return true;
        }

        private static bool Same(ImmutableArray<IAssemblySymbol> x, ImmutableArray<IAssemblySymbol> y)
        {
            if (x.Length != y.Length)
            {
                return false;
            }

            for (var i = 0; i < x.Length; i++)
            {
                if (!ReferenceEquals(x[i], y[i]))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
