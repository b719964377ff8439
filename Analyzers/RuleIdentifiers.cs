namespace SocketAnalyzers
{
    /// <summary>Every diagnostic ID the package reports. IDs are never reused.</summary>
    public static class RuleIdentifiers
    {
        public const string ListenWithoutBind = "SOCK001";
        public const string AcceptWithoutListen = "SOCK002";
        public const string IoOnListeningSocket = "SOCK003";
        public const string IoOnUnconnectedSocket = "SOCK004";
        public const string UseAfterCloseOrShutdown = "SOCK005";
        public const string UnsupportedOperation = "SOCK006";

        public const string DiscardedReadCount = "SOCK010";
        public const string ReadLoopIgnoresEndOfStream = "SOCK011";
        public const string WholeBufferConsumed = "SOCK012";

        public const string HostOrderWrite = "SOCK020";
        public const string HostOrderRead = "SOCK021";
        public const string PortConvertedTwice = "SOCK022";
        public const string ConversionWiderThanNumber = "SOCK023";

        public const string AddressFamilyMismatch = "SOCK030";
        public const string SocketTypeProtocolMismatch = "SOCK031";
        public const string UnreachableDestination = "SOCK032";

        public const string ReadTreatedAsMessage = "SOCK040";

        public const string IterativeServer = "SOCK050";
    }

    /// <summary>Diagnostic categories.</summary>
    public static class RuleCategories
    {
        public const string Lifecycle = "SocketLifecycle";
        public const string Reads = "SocketReads";
        public const string ByteOrder = "SocketByteOrder";
        public const string Addressing = "SocketAddressing";
        public const string Framing = "SocketFraming";
        public const string Server = "SocketServer";
    }
}
