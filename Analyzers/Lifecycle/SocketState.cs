using System;
using System.Collections.Generic;

namespace SocketAnalyzers.Lifecycle
{
    /// <summary>
    /// The states a socket can be in, as bits: the flow engine carries, per socket, the <em>set</em> of states it
    /// may be in. <see cref="All"/> is "unknown": nothing about it is certain.
    /// </summary>
    [Flags]
    internal enum SocketStates : byte
    {
        None = 0,

        /// <summary>Created, not bound, not connected (a <c>TcpListener</c> that is not started).</summary>
        Created = 1,
        Bound = 2,
        Listening = 4,
        Connected = 8,

        /// <summary>Connected, <c>Shutdown(Send)</c> done: may still receive (half-close).</summary>
        SendShut = 16,

        /// <summary>Connected, <c>Shutdown(Receive)</c> done: may still send.</summary>
        ReceiveShut = 32,

        /// <summary><c>Shutdown(Both)</c>, or both directions shut one after the other.</summary>
        BothShut = 64,
        Closed = 128,
        All = 255,
    }

    /// <summary>What kind of socket: the kind decides whether Listen/Accept are possible at all.</summary>
    [Flags]
    internal enum SocketKinds : byte
    {
        None = 0,
        Stream = 1,
        Datagram = 2,
        Any = Stream | Datagram,
    }

    /// <summary>What the engine knows about one abstract socket at one program point.</summary>
    internal readonly struct SocketFacts : IEquatable<SocketFacts>
    {
        public static readonly SocketFacts Unknown = new(SocketStates.All, SocketKinds.Any);

        public static readonly SocketFacts Bottom = new(SocketStates.None, SocketKinds.None);

        /// <summary>The socket an accept returns: connected, a stream socket.</summary>
        public static readonly SocketFacts Accepted = new(SocketStates.Connected, SocketKinds.Stream);

        public SocketFacts(SocketStates states, SocketKinds kinds)
        {
            States = states;
            Kinds = kinds;
        }

        public SocketStates States { get; }

        public SocketKinds Kinds { get; }

        public SocketFacts Join(SocketFacts other) => new(States | other.States, Kinds | other.Kinds);

        public SocketFacts WithStates(SocketStates states) => new(states, Kinds);

        public bool Equals(SocketFacts other) => States == other.States && Kinds == other.Kinds;

        public override bool Equals(object? obj) => obj is SocketFacts other && Equals(other);

        public override int GetHashCode() => ((int)States << 8) | (int)Kinds;
    }

    internal static class SocketStateText
    {
        /// <summary>The states in the order they are named in messages.</summary>
        public static readonly SocketStates[] Each =
        {
            SocketStates.Created, SocketStates.Bound, SocketStates.Listening, SocketStates.Connected,
            SocketStates.SendShut, SocketStates.ReceiveShut, SocketStates.BothShut, SocketStates.Closed,
        };

        /// <summary>How a message names a set of states: "unbound", "bound or listening".</summary>
        public static string Describe(SocketStates states, SocketModelType type)
        {
            var words = new List<string>();
            foreach (var state in Each)
            {
                if ((states & state) != 0)
                {
                    words.Add(DescribeOne(state, type));
                }
            }

            return words.Count switch
            {
                0 => "unreachable",
                1 => words[0],
                _ => string.Join(", ", words.GetRange(0, words.Count - 1)) + " or " + words[words.Count - 1],
            };
        }

        private static string DescribeOne(SocketStates state, SocketModelType type) => state switch
        {
            SocketStates.Created => type == SocketModelType.TcpListener ? "not started" : type is SocketModelType.TcpClient or SocketModelType.NetworkStream ? "created" : "unbound",
            SocketStates.Bound => "bound",
            SocketStates.Listening => "listening",
            SocketStates.Connected => "connected",
            SocketStates.SendShut => "shut down for sending",
            SocketStates.ReceiveShut => "shut down for receiving",
            SocketStates.BothShut => "shut down in both directions",
            SocketStates.Closed => type == SocketModelType.TcpListener ? "stopped" : "closed",
            _ => "unknown",
        };
    }
}
