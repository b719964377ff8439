using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Common;

namespace SocketAnalyzers.ByteOrder
{
    /// <summary>
    /// <c>new IPAddress(long)</c> takes an IPv4 address as its four bytes lie in memory (the documentation: "in network byte
    /// order"; <c>0x0100007F</c> is 127.0.0.1 on a little-endian host). So the wire's four bytes read in the host's order and
    /// given straight to it rebuild the right address on any CPU: <c>new IPAddress(BitConverter.ToUInt32(data, 12))</c>
    /// (fresh64: a ping tool's IPv4 header). Reading them big-endian, as SOCK021's fix would, reverses every address.
    /// SOCK021 leaves out a host-order read whose value is that argument, through conversions only.
    /// </summary>
    internal static class MemoryOrderAddress
    {
        public static bool IsAddressArgument(IOperation read)
        {
            var parent = read.WalkUpConversions(out _);
            return parent is IArgumentOperation { Parameter.Type.SpecialType: SpecialType.System_Int64, Parent: IObjectCreationOperation { Type: { Name: "IPAddress" } type } }
                && type.ContainingNamespace?.ToDisplayString() == "System.Net";
        }
    }
}
