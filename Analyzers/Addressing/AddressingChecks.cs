using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Common;

namespace SocketAnalyzers.Addressing
{
    /// <summary>
    /// SOCK030 and SOCK032: the checks of the value family at a call that takes an endpoint. Both need the socket's
    /// family (or broadcast permission) and the endpoint's address to be known on every path; anything unknown is silent.
    /// </summary>
    internal static class AddressingChecks
    {
        /// <summary>The property that tells the SOCK030/SOCK032 fixes what to do: <c>Loopback</c>, <c>IPv6Loopback</c>, <c>Any</c>, <c>IPv6Any</c> (the well-known address to use instead), <c>FindV4</c>/<c>FindV6</c> (the first DNS address of that family), <c>EnableBroadcast</c>.</summary>
        public const string FixProperty = "Fix";

        public static void Check(SocketValueAnalysis analysis, IInvocationOperation call, EndpointRole role, SocketValue? socket, SocketValue?[] values)
        {
            IArgumentOperation? endpointArgument = null;
            SocketValue? endpoint = null;
            for (var i = 0; i < call.Arguments.Length; i++)
            {
                var parameter = call.Arguments[i].Parameter;
                if (parameter is { RefKind: RefKind.None } && analysis.Apis.IsEndpointType(parameter.Type))
                {
                    endpointArgument = call.Arguments[i];
                    endpoint = values[i];
                    break;
                }
            }

            if (endpointArgument is null || endpoint is not { } target)
            {
                return;
            }

            var address = target.Address & AddressFacts.Addresses;
            if (address == AddressFacts.None || (target.Address & (AddressFacts.Unknown | AddressFacts.DnsList)) != 0)
            {
                return;
            }

            var name = call.TargetMethod.Name;
            if (socket is { } s && FamilyMismatch(s.Family, address) is { } mismatch)
            {
                var socketText = s.Family == FamilyFacts.V4 ? "an IPv4" : "an IPv6";
                var properties = ImmutableDictionary<string, string?>.Empty;
                string what, advice;
                if (mismatch == AddressFacts.DnsFirst)
                {
                    var other = s.Family == FamilyFacts.V4 ? "IPv6" : "IPv4";
                    what = $"the endpoint of {name} is the first address DNS returned, which may be {other} (for 'localhost', ::1 often comes first)";
                    advice = $"When it is, {name} throws. Pick the first address of the socket's family, or connect with the host name, which tries every address";
                    properties = properties.Add(FixProperty, s.Family == FamilyFacts.V4 ? "FindV4" : "FindV6");
                }
                else
                {
                    var other = s.Family == FamilyFacts.V4 ? "IPv6" : "IPv4";
                    what = $"the endpoint of {name} is {other}";
                    advice = s.Family == FamilyFacts.V4
                        ? $"{name} throws (NotSupportedException, or SocketException: address family not supported). Use an IPv4 address, or create the socket for IPv6"
                        : $"{name} throws (NotSupportedException, or a SocketException such as address family not supported). Use an IPv6 address, set DualMode = true, or create the socket for IPv4";
                    if (WellKnownReplacement(address, s.Family) is { } replacement)
                    {
                        properties = properties.Add(FixProperty, replacement);
                    }
                }

                analysis.Report(Descriptors.SOCK030AddressFamilyMismatch, call, properties, Display(call.Instance), socketText, what, advice);
                return;
            }

            if (role == EndpointRole.Bind)
            {
                return;
            }

            if ((address & ~AddressFacts.Wildcard) == 0)
            {
                var properties = ImmutableDictionary<string, string?>.Empty;
                if (address != AddressFacts.Wildcard)
                {
                    properties = properties.Add(FixProperty, address == AddressFacts.AnyV4 ? "Loopback" : "IPv6Loopback");
                }

                analysis.Report(
                    Descriptors.SOCK032UnreachableDestination,
                    call,
                    properties,
                    name,
                    address == AddressFacts.AnyV6 ? "IPAddress.IPv6Any" : "IPAddress.Any",
                    "the wildcard address is for Bind, not a destination; Windows refuses it (the requested address is not valid in its context) and Linux takes it for this host (a UDP send to port 0 fails there too); use IPAddress.Loopback or the peer's address");
                return;
            }

            // UdpClient.Send enables broadcast itself for IPAddress.Broadcast (measured on .NET 10): only Socket's sends fail.
            if (role == EndpointRole.Send && address == AddressFacts.Broadcast && socket is { Broadcast: BroadcastFacts.Off }
                && KnownSymbols.IsOrDerivesFrom(call.TargetMethod.ContainingType, analysis.Apis.Symbols.Socket))
            {
                analysis.Report(
                    Descriptors.SOCK032UnreachableDestination,
                    call,
                    ImmutableDictionary<string, string?>.Empty.Add(FixProperty, "EnableBroadcast"),
                    name,
                    "the broadcast address",
                    $"'{Display(call.Instance)}' never has EnableBroadcast = true here, so the send throws SocketException (permission denied); set EnableBroadcast = true before sending");
            }
        }

        /// <summary>The mismatch when every family the socket may have and every address the endpoint may be disagree; <see cref="AddressFacts.DnsFirst"/> when it is DNS's first answer that may.</summary>
        private static AddressFacts? FamilyMismatch(FamilyFacts family, AddressFacts address)
        {
            if (family is not (FamilyFacts.V4 or FamilyFacts.V6))
            {
                // Unknown, dual mode, or either: silent.
                return null;
            }

            var wrong = family == FamilyFacts.V4 ? AddressFacts.Ipv6Family | AddressFacts.DnsFirst : AddressFacts.Ipv4Family | AddressFacts.DnsFirst;
            if ((address & ~wrong) != 0)
            {
                return null;
            }

            return (address & AddressFacts.DnsFirst) != 0 ? AddressFacts.DnsFirst : address;
        }

        /// <summary>The well-known address of the socket's family that stands for the one given (loopback for loopback, any for any).</summary>
        private static string? WellKnownReplacement(AddressFacts address, FamilyFacts family) => (address, family) switch
        {
            (AddressFacts.AnyV6, FamilyFacts.V4) => "Any",
            (AddressFacts.AnyV4, FamilyFacts.V6) => "IPv6Any",
            (AddressFacts.V6, FamilyFacts.V4) => "Loopback",
            (AddressFacts.V4, FamilyFacts.V6) => "IPv6Loopback",
            _ => null,
        };

        private static string Display(IOperation? instance)
        {
            var text = instance?.WalkDownConversions().Syntax.ToString().Trim() ?? string.Empty;
            if (text.Length > 60)
            {
                text = text.Substring(0, 57) + "...";
            }

            return text.Length == 0 ? "the socket" : text;
        }
    }
}
