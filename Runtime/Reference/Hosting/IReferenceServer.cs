using System;
using System.Net;
using System.Threading.Tasks;

namespace SocketAnalyzers.Reference.Hosting
{
    /// <summary>A running reference server: bound and accepting as soon as its <c>Start</c> method returns.</summary>
    public interface IReferenceServer : IAsyncDisposable
    {
        /// <summary>The address and port the server is bound to (the real port when 0 was asked for).</summary>
        IPEndPoint LocalEndPoint { get; }

        /// <summary>Completes when the server has stopped; faults if its accept loop failed.</summary>
        Task Completion { get; }

        /// <summary>Stops accepting, ends every open connection and waits until all of them are closed.</summary>
        Task StopAsync();
    }
}
