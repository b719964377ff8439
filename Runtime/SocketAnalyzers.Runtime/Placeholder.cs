namespace SocketAnalyzers.Runtime
{
    /// <summary>The helper library's namespace; its types arrive with the runtime issue.</summary>
    internal static class AssemblyInfo
    {
    }
}
