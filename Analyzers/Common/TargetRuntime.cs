using System.Linq;
using Microsoft.CodeAnalysis;

namespace SocketAnalyzers.Common
{
    /// <summary>
    /// What the analyzed code is built for, where a rule's claim depends on the runtime's behaviour rather than on the API.
    /// </summary>
    internal static class TargetRuntime
    {
        /// <summary>
        /// The code is built for .NET Framework: its core library is <c>mscorlib</c> (a real build of a .NET Framework
        /// project, old-style or SDK-style), or its file defines <c>NETFRAMEWORK</c> (the SDK's symbol, which the scanner
        /// also defines for a project that targets .NET Framework while it analyzes against the running .NET). There the
        /// culture-aware string functions are Windows' NLS ones, which find <c>"\0"</c> where ICU (.NET 5 and later, every
        /// .NET on Linux) ignores it.
        /// </summary>
        public static bool IsNetFramework(IOperation operation)
            => operation.SemanticModel?.Compilation.ObjectType.ContainingAssembly?.Name == "mscorlib"
                || operation.Syntax.SyntaxTree.Options.PreprocessorSymbolNames.Contains("NETFRAMEWORK");
    }
}
