using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace SocketAnalyzers.Common
{
    /// <summary>
    /// Which methods never return to their caller: <c>[DoesNotReturn]</c> (the framework's attribute or a polyfill of it in
    /// <c>System.Diagnostics.CodeAnalysis</c>), <c>Environment.FailFast</c>, and a test framework's static
    /// <c>Assert.Fail</c>. Answered once per method for the whole compilation: reading a metadata method's attributes
    /// decodes all of them, and asking again for every call of every body was most of the reads family's time.
    /// </summary>
    internal sealed class PathEnds
    {
        private readonly ConcurrentDictionary<IMethodSymbol, bool> known = new(SymbolEqualityComparer.Default);
        private readonly INamedTypeSymbol? doesNotReturn;
        private readonly INamedTypeSymbol? environment;

        public PathEnds(Compilation compilation)
        {
            doesNotReturn = MetadataTypes.For(compilation).Get("System.Diagnostics.CodeAnalysis.DoesNotReturnAttribute");
            environment = MetadataTypes.For(compilation).Get("System.Environment");
        }

        /// <summary>True when no code runs after a call to <paramref name="method"/> returns (because it never does).</summary>
        public bool EndsPath(IMethodSymbol method)
        {
            var definition = method.OriginalDefinition;
            if (known.TryGetValue(definition, out var result))
            {
                return result;
            }

            result = Compute(definition);
            known.TryAdd(definition, result);
            return result;
        }

        private bool Compute(IMethodSymbol method)
        {
            if (method.IsStatic && method.ContainingType is { } type)
            {
                if (method.Name == "FailFast" && SymbolEqualityComparer.Default.Equals(type, environment))
                {
                    return true;
                }

                // Test frameworks are not referenced by the package: their Assert classes are known by name only.
                if (method.Name == "Fail" && type.Name.EndsWith("Assert", System.StringComparison.Ordinal))
                {
                    return true;
                }
            }

            foreach (var attribute in method.GetAttributes())
            {
                if (attribute.AttributeClass is { } attributeClass
                    && (SymbolEqualityComparer.Default.Equals(attributeClass, doesNotReturn) || IsPolyfill(attributeClass)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A project's own copy of the attribute for an older framework (the compiler honours it by its full name).</summary>
        private static bool IsPolyfill(INamedTypeSymbol attribute)
            => attribute.Name == "DoesNotReturnAttribute"
                && attribute.ContainingNamespace is { Name: "CodeAnalysis", ContainingNamespace: { Name: "Diagnostics", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } };
    }
}
