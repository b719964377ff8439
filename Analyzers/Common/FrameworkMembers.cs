using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SocketAnalyzers.Common
{
    /// <summary>
    /// Framework members that the families reason about but that are not socket API (the catalogue's business): the
    /// task types' <c>ConfigureAwait</c>, the array views (<c>MemoryExtensions.AsSpan/AsMemory</c>, the span, memory and
    /// segment constructors and <c>Slice</c>), the empty buffers, <c>Connected</c>, <c>ReceivedBytes</c>, the text,
    /// encoding and logging types. Their owners are resolved once per compilation (<see cref="KnownSymbols.Framework"/>)
    /// and a member is recognised by its owner's symbol, so a user's own <c>ConfigureAwait</c>, <c>AsSpan</c> or
    /// <c>Connected</c> is not mistaken for the framework's. A name is compared only once the owner is known to be
    /// the framework type, where the name alone picks the member.
    /// </summary>
    internal sealed class FrameworkMembers
    {
        private readonly INamedTypeSymbol? task;
        private readonly INamedTypeSymbol? taskOfT;
        private readonly INamedTypeSymbol? valueTask;
        private readonly INamedTypeSymbol? valueTaskOfT;
        private readonly INamedTypeSymbol? spanOfT;
        private readonly INamedTypeSymbol? readOnlySpanOfT;
        private readonly INamedTypeSymbol? memoryOfT;
        private readonly INamedTypeSymbol? readOnlyMemoryOfT;
        private readonly INamedTypeSymbol? arraySegmentOfT;
        private readonly INamedTypeSymbol? readOnlySequenceOfT;
        private readonly INamedTypeSymbol? asyncEnumerableExtensions;
        private readonly INamedTypeSymbol array;
        private readonly INamedTypeSymbol? socket;
        private readonly INamedTypeSymbol? tcpClient;
        private readonly INamedTypeSymbol? udpClient;
        private readonly INamedTypeSymbol? eventArgs;
        private readonly INamedTypeSymbol? receiveFromResult;
        private readonly INamedTypeSymbol? receiveMessageFromResult;
        private readonly INamedTypeSymbol? console;
        private readonly INamedTypeSymbol? debug;
        private readonly INamedTypeSymbol? trace;
        private readonly INamedTypeSymbol? textWriter;
        private readonly INamedTypeSymbol? thread;

        public FrameworkMembers(KnownSymbols known)
        {
            var compilation = known.Compilation;
            var types = known.Types;
            task = known.Task;
            taskOfT = known.TaskOfT;
            valueTask = known.ValueTask;
            valueTaskOfT = known.ValueTaskOfT;
            spanOfT = types.Get("System.Span`1");
            readOnlySpanOfT = types.Get("System.ReadOnlySpan`1");
            memoryOfT = types.Get("System.Memory`1");
            readOnlyMemoryOfT = types.Get("System.ReadOnlyMemory`1");
            arraySegmentOfT = types.Get("System.ArraySegment`1");
            readOnlySequenceOfT = types.Get("System.Buffers.ReadOnlySequence`1");
            asyncEnumerableExtensions = types.Get("System.Threading.Tasks.TaskAsyncEnumerableExtensions");
            array = compilation.GetSpecialType(SpecialType.System_Array);
            MemoryExtensions = types.Get("System.MemoryExtensions");
            Encoding = types.Get("System.Text.Encoding");
            StringBuilder = types.Get("System.Text.StringBuilder");
            MemoryStream = types.Get("System.IO.MemoryStream");
            EndOfStreamException = types.Get("System.IO.EndOfStreamException");
            fileStream = types.Get("System.IO.FileStream");
            socket = known.Socket;
            tcpClient = known.TcpClient;
            udpClient = known.UdpClient;
            eventArgs = types.Get("System.Net.Sockets.SocketAsyncEventArgs");
            receiveFromResult = types.Get("System.Net.Sockets.SocketReceiveFromResult");
            receiveMessageFromResult = types.Get("System.Net.Sockets.SocketReceiveMessageFromResult");
            console = types.Get("System.Console");
            debug = types.Get("System.Diagnostics.Debug");
            trace = types.Get("System.Diagnostics.Trace");
            textWriter = known.TextWriter;
            thread = types.Get("System.Threading.Thread");
            cancellationToken = types.Get("System.Threading.CancellationToken");
            cancellationTokenSource = types.Get("System.Threading.CancellationTokenSource");
            asyncResult = types.Get("System.IAsyncResult");
        }

        private readonly INamedTypeSymbol? asyncResult;

        /// <summary><c>System.IAsyncResult</c>: what an APM callback receives and an <c>End…</c> takes.</summary>
        public bool IsAsyncResult(ITypeSymbol? type) => Is(type, asyncResult);

        private readonly INamedTypeSymbol? cancellationToken;
        private readonly INamedTypeSymbol? cancellationTokenSource;

        /// <summary>
        /// <c>IsCancellationRequested</c> of a <c>CancellationToken</c> or of a <c>CancellationTokenSource</c> (or a type derived
        /// from it): true once somebody cancels, which the peer's close does not do.
        /// </summary>
        public bool IsCancellationRequested(IPropertySymbol property)
            => property.Name == "IsCancellationRequested" && !property.IsStatic
                && (Is(property.ContainingType, cancellationToken) || KnownSymbols.IsOrDerivesFrom(property.ContainingType, cancellationTokenSource));

        /// <summary><c>Cancel</c>, <c>CancelAsync</c> or <c>CancelAfter</c> of a <c>CancellationTokenSource</c> (or a type derived from it).</summary>
        public bool IsCancel(IMethodSymbol method)
            => method.Name is "Cancel" or "CancelAsync" or "CancelAfter" && !method.IsStatic
                && KnownSymbols.IsOrDerivesFrom(method.ContainingType, cancellationTokenSource);

        public INamedTypeSymbol? MemoryExtensions { get; }

        public INamedTypeSymbol? MemoryStream { get; }

        private readonly INamedTypeSymbol? fileStream;

        /// <summary>A <c>FileStream</c> or <c>MemoryStream</c> (or a type derived from one): storage, never a connection.</summary>
        public bool IsLocalStorage(ITypeSymbol? type)
            => KnownSymbols.IsOrDerivesFrom(type, fileStream) || KnownSymbols.IsOrDerivesFrom(type, MemoryStream);

        public INamedTypeSymbol? Encoding { get; }

        /// <summary><c>System.IO.EndOfStreamException</c>: what a read that does not return a count throws at end of stream.</summary>
        public INamedTypeSymbol? EndOfStreamException { get; }

        /// <summary><c>System.Text.StringBuilder</c> (the reads family follows a builder local that a 0 path leaves as it was).</summary>
        public INamedTypeSymbol? StringBuilder { get; }

        /// <summary><c>GetBytes(string)</c> or <c>GetByteCount(string)</c> of <c>Encoding</c> or a type derived from it: any text but null encodes.</summary>
        public bool IsTextEncoding(IMethodSymbol method)
            => method.Name is "GetBytes" or "GetByteCount" && method.Parameters.Length == 1 && method.Parameters[0].Type.SpecialType == SpecialType.System_String
                && Encoding is not null && KnownSymbols.IsOrDerivesFrom(method.ContainingType, Encoding);

        /// <summary>True when <paramref name="type"/> is <c>System.Text.StringBuilder</c> (sealed: nothing derives from it).</summary>
        public bool IsStringBuilder(ITypeSymbol? type) => type is not null && StringBuilder is not null && SymbolEqualityComparer.Default.Equals(type, StringBuilder);

        /// <summary><c>new StringBuilder()</c> or <c>new StringBuilder(capacity)</c>: a builder that holds nothing yet.</summary>
        public bool IsEmptyBuilderCreation(IOperation value)
            => value.WalkDownConversions() is Microsoft.CodeAnalysis.Operations.IObjectCreationOperation creation
                && IsStringBuilder(creation.Type) && IsEmptyStoreCreation(creation);

        /// <summary>True when <paramref name="type"/> is <c>System.IO.MemoryStream</c> itself (a derived class may do anything with what it is given).</summary>
        public bool IsMemoryStream(ITypeSymbol? type) => type is not null && MemoryStream is not null && SymbolEqualityComparer.Default.Equals(type, MemoryStream);

        /// <summary>A <c>MemoryStream</c> or <c>StringBuilder</c>: a store that keeps what is written into it, in order.</summary>
        public bool IsStore(ITypeSymbol? type) => IsMemoryStream(type) || IsStringBuilder(type);

        /// <summary>
        /// <c>new MemoryStream()</c>, <c>new MemoryStream(capacity)</c>, <c>new StringBuilder()</c> or <c>new StringBuilder(capacity)</c>:
        /// a store that holds nothing yet, the bytes or text written into it afterwards are all it holds.
        /// </summary>
        public bool IsEmptyStoreCreation(Microsoft.CodeAnalysis.Operations.IObjectCreationOperation creation)
            => creation.Initializer is null && IsStore(creation.Type)
                && (creation.Arguments.Length == 0 || creation.Arguments.Length == 1 && creation.Arguments[0].Value.Type?.SpecialType == SpecialType.System_Int32);

        /// <summary><c>ConfigureAwait</c> of <c>Task</c>, <c>Task&lt;T&gt;</c>, <c>ValueTask</c> or <c>ValueTask&lt;T&gt;</c>: its awaited value is the task's.</summary>
        public bool IsConfigureAwait(IMethodSymbol method)
            => !method.IsStatic && method.Name == "ConfigureAwait" && method.ContainingType is { } owner && IsTaskType(owner.OriginalDefinition);

        /// <summary>
        /// A task's <c>ConfigureAwait(…)</c>, <c>WaitAsync(…)</c> of <c>Task</c> or <c>Task&lt;T&gt;</c> (a timeout or a token
        /// around the same operation), or <c>AsTask()</c> of <c>ValueTask</c> or <c>ValueTask&lt;T&gt;</c> (the same operation as a
        /// task, usually to call <c>WaitAsync</c> on it): awaited, it gives the task's own result, or throws.
        /// </summary>
        public bool IsResultWrapper(IMethodSymbol method)
            => IsConfigureAwait(method) || IsWaitAsync(method)
                || !method.IsStatic && method.Name == "AsTask" && method.Parameters.Length == 0 && method.ContainingType is { } owner
                    && (Is(owner.OriginalDefinition, valueTask) || Is(owner.OriginalDefinition, valueTaskOfT));

        /// <summary>
        /// <c>Wait(…)</c> of <c>Task</c> or <c>Task&lt;T&gt;</c> (any overload): it blocks until the task ends (or a timeout or
        /// token stops the wait) and gives nothing of the task's result, so a read's count waited for this way is lost.
        /// </summary>
        public bool IsTaskWait(IOperation? consumer, IOperation task)
            => consumer is IInvocationOperation { TargetMethod: { IsStatic: false, Name: "Wait" } method, Instance: { } instance }
                && method.ContainingType is { } owner && (Is(owner.OriginalDefinition, this.task) || Is(owner.OriginalDefinition, taskOfT))
                && instance.WalkDownConversions() == task.WalkDownConversions();

        /// <summary>
        /// What gives <paramref name="task"/>'s result by blocking until it ends, when <paramref name="consumer"/> (the
        /// operation around the task) is its <c>.Result</c> or <c>.GetAwaiter()</c> followed by <c>.GetResult()</c>, of a
        /// <c>Task&lt;T&gt;</c> or <c>ValueTask&lt;T&gt;</c> (the awaiter also of its <c>ConfigureAwait(…)</c>): that property
        /// reference or that <c>GetResult()</c> call. Null otherwise.
        /// </summary>
        public IOperation? BlockingResult(IOperation? consumer, IOperation task)
        {
            switch (consumer)
            {
                case IPropertyReferenceOperation { Property: { IsStatic: false, Name: "Result" } property, Instance: { } instance }
                    when IsTaskOfResult(property.ContainingType) && instance.WalkDownConversions() == task.WalkDownConversions():
                    return consumer;
                case IInvocationOperation { TargetMethod: { IsStatic: false, Name: "GetAwaiter", Parameters.Length: 0 } method, Instance: { } instance, Parent: IInvocationOperation { TargetMethod: { Name: "GetResult", Parameters.Length: 0 }, Instance: { } awaiter } getResult }
                    when (IsTaskOfResult(method.ContainingType) || IsConfigureAwait(task.WalkDownConversions()))
                        && instance.WalkDownConversions() == task.WalkDownConversions() && awaiter == consumer:
                    return getResult;
                default:
                    return null;
            }
        }

        /// <summary>
        /// <see cref="OperationExtensions.WalkUpToResult"/>, then on through a blocking wait for the result
        /// (<see cref="BlockingResult"/>: <c>stream.ReadAsync(…).Result</c>, <c>….ConfigureAwait(false).GetAwaiter().GetResult()</c>)
        /// and the wrappers around it: the operation that stands for <paramref name="call"/>'s value, and what uses it.
        /// <paramref name="blocked"/>: a blocking wait was passed.
        /// </summary>
        public IOperation WalkUpToValue(IOperation call, out IOperation? consumer, out bool blocked)
        {
            var result = call.WalkUpToResult(this, out consumer);
            blocked = false;
            for (var depth = 0; depth < 2 && BlockingResult(consumer, result) is { } blocking; depth++)
            {
                result = blocking.WalkUpToResult(this, out consumer);
                blocked = true;
            }

            return result;
        }

        /// <summary>
        /// The task <paramref name="call"/> gives is awaited, waited for (<see cref="IsTaskWait"/>) or blocked on for its
        /// result (<see cref="BlockingResult"/>), through the result wrappers (<see cref="IsResultWrapper(IMethodSymbol)"/>):
        /// the code after it runs once the task has ended.
        /// </summary>
        public bool IsAwaitedOrBlockedOn(IOperation call)
            => WalkUpToValue(call, out var consumer, out var blocked) is var result
                && (blocked || result is IAwaitOperation || IsTaskWait(consumer, result));

        /// <summary><c>WaitAsync(…)</c> of <c>Task</c> or <c>Task&lt;T&gt;</c>: a method of tasks that a <c>ValueTask</c> does not have.</summary>
        public bool IsWaitAsync(IMethodSymbol method)
            => !method.IsStatic && method.Name == "WaitAsync" && method.ContainingType is { } owner && (Is(owner.OriginalDefinition, task) || Is(owner.OriginalDefinition, taskOfT));

        /// <summary>The call is a task's <c>ConfigureAwait(…)</c> (<see cref="IsConfigureAwait(IMethodSymbol)"/>).</summary>
        public bool IsConfigureAwait(IOperation? operation)
            => operation is IInvocationOperation call && IsConfigureAwait(call.TargetMethod);

        /// <summary><c>ConfigureAwait</c> of an <c>IAsyncDisposable</c> or <c>IAsyncEnumerable&lt;T&gt;</c> (<c>TaskAsyncEnumerableExtensions</c>): a wrapper that keeps its source as it is.</summary>
        public bool IsAsyncStreamConfigureAwait(IMethodSymbol method)
            => (method.ReducedFrom ?? method) is { IsStatic: true, Name: "ConfigureAwait" } definition && Is(definition.ContainingType, asyncEnumerableExtensions);

        /// <summary><c>Task&lt;T&gt;</c> or <c>ValueTask&lt;T&gt;</c> (constructed or not): the task of an asynchronous call that returns a value.</summary>
        public bool IsTaskOfResult(ITypeSymbol? type)
            => type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named
                && (Is(named, taskOfT) || Is(named, valueTaskOfT));

        private bool IsTaskType(INamedTypeSymbol type)
            => Is(type, task) || Is(type, taskOfT) || Is(type, valueTask) || Is(type, valueTaskOfT);

        /// <summary><c>MemoryExtensions.AsSpan</c> or <c>AsMemory</c> (any overload): a view of its first argument.</summary>
        public bool IsArrayView(IMethodSymbol method)
            => (method.ReducedFrom ?? method) is { IsStatic: true, Name: "AsSpan" or "AsMemory" } definition && Is(definition.ContainingType, MemoryExtensions);

        /// <summary>The call is <see cref="IsArrayView(IMethodSymbol)"/>.</summary>
        public bool IsArrayView(IOperation? operation)
            => operation is IInvocationOperation call && IsArrayView(call.TargetMethod);

        /// <summary>A view a read can fill: <c>Span&lt;T&gt;</c>, <c>Memory&lt;T&gt;</c> or <c>ArraySegment&lt;T&gt;</c>.</summary>
        public bool IsWritableView(ITypeSymbol? type)
            => type is INamedTypeSymbol { IsGenericType: true } && (Is(type, spanOfT) || Is(type, memoryOfT) || Is(type, arraySegmentOfT));

        /// <summary>The result of <c>ReceiveFromAsync</c>/<c>ReceiveMessageFromAsync</c>, whose <c>ReceivedBytes</c> is the count.</summary>
        public bool IsReceiveFromResult(ITypeSymbol? type) => Is(type, receiveFromResult) || Is(type, receiveMessageFromResult);

        /// <summary><c>Span&lt;T&gt;</c>, <c>ReadOnlySpan&lt;T&gt;</c>, <c>Memory&lt;T&gt;</c>, <c>ReadOnlyMemory&lt;T&gt;</c> or <c>ArraySegment&lt;T&gt;</c>.</summary>
        public bool IsSpanOrSegment(ITypeSymbol? type)
            => type is INamedTypeSymbol { IsGenericType: true } named
                && named.OriginalDefinition is var definition
                && (Is(definition, spanOfT) || Is(definition, readOnlySpanOfT) || Is(definition, memoryOfT) || Is(definition, readOnlyMemoryOfT) || Is(definition, arraySegmentOfT));

        /// <summary><c>new Span/ReadOnlySpan/Memory/ReadOnlyMemory/ArraySegment&lt;T&gt;(array, …)</c>: a view of its first argument.</summary>
        public bool IsViewCreation(IOperation? operation)
            => operation is IObjectCreationOperation { Constructor: { } constructor } && IsSpanOrSegment(constructor.ContainingType);

        /// <summary>A view call that takes a start and a length: <see cref="IsArrayView(IMethodSymbol)"/>, or <c>Slice</c> of a span, memory, segment or <c>ReadOnlySequence&lt;T&gt;</c>.</summary>
        public bool IsViewOrSlice(IMethodSymbol method)
            => IsArrayView(method)
                || (!method.IsStatic && method.Name == "Slice" && (IsSpanOrSegment(method.ContainingType) || Is(method.ContainingType, readOnlySequenceOfT)));

        /// <summary><c>Array.Empty&lt;T&gt;()</c>.</summary>
        public bool IsArrayEmpty(IMethodSymbol method)
            => method.IsStatic && method.Name == "Empty" && Is(method.ContainingType, array);

        /// <summary><c>Array.Clear(array)</c> or <c>Array.Clear(array, index, length)</c>.</summary>
        public bool IsArrayClear(IMethodSymbol method)
            => method.IsStatic && method.Name == "Clear" && Is(method.ContainingType, array);

        /// <summary><c>Span&lt;T&gt;.Empty</c> and the like: the static <c>Empty</c> of a span, memory or segment type.</summary>
        public bool IsEmptyView(ISymbol member)
            => member is IPropertySymbol { IsStatic: true, Name: "Empty" } or IFieldSymbol { IsStatic: true, Name: "Empty" } && IsSpanOrSegment(member.ContainingType);

        /// <summary><c>ReceivedBytes</c> of <c>SocketAsyncEventArgs</c>, <c>SocketReceiveFromResult</c> or <c>SocketReceiveMessageFromResult</c>.</summary>
        public bool IsReceivedBytes(ISymbol member)
            => member.Name == "ReceivedBytes" && member.ContainingType is { } owner
                && (Is(owner, eventArgs) || Is(owner, receiveFromResult) || Is(owner, receiveMessageFromResult));

        /// <summary>
        /// <c>Socket.ReceiveAsync(SocketAsyncEventArgs)</c>: a receive whose bytes and count the event args carry
        /// (<c>BytesTransferred</c>), completed by the args' <c>Completed</c> event, or at once when it returns <c>false</c>.
        /// </summary>
        public bool IsEventArgsReceive(IMethodSymbol method)
            => method is { Name: "ReceiveAsync", IsStatic: false, Parameters.Length: 1 } && Is(method.Parameters[0].Type, eventArgs)
                && KnownSymbols.IsOrDerivesFrom(method.ContainingType, socket);

        /// <summary><c>SocketAsyncEventArgs</c> (not a type derived from it).</summary>
        public bool IsEventArgs(ITypeSymbol? type) => Is(type, eventArgs);

        /// <summary><c>SocketAsyncEventArgs.BytesTransferred</c>: how many bytes the operation moved, 0 at the end of a stream.</summary>
        public bool IsBytesTransferred(IPropertySymbol property) => property.Name == "BytesTransferred" && Is(property.ContainingType, eventArgs);

        /// <summary><c>Socket.DualMode</c>.</summary>
        public bool IsDualMode(IPropertySymbol property) => property.Name == "DualMode" && Is(property.ContainingType, socket);

        /// <summary><c>Socket.EnableBroadcast</c> or <c>UdpClient.EnableBroadcast</c>.</summary>
        public bool IsEnableBroadcast(IPropertySymbol property)
            => property.Name == "EnableBroadcast" && (Is(property.ContainingType, socket) || Is(property.ContainingType, udpClient));

        /// <summary><c>Socket.SetSocketOption</c> (any overload).</summary>
        public bool IsSetSocketOption(IMethodSymbol method) => method.Name == "SetSocketOption" && Is(method.ContainingType, socket);

        /// <summary><c>Length</c> of a string, or <c>Length</c>/<c>LongLength</c> of an array.</summary>
        public bool IsLength(IPropertySymbol property)
            => property.ContainingType is { } owner
                && ((owner.SpecialType == SpecialType.System_String && property.Name == "Length")
                    || (Is(owner, array) && property.Name is "Length" or "LongLength"));

        /// <summary><c>Length</c> of a span or memory (<c>Span&lt;T&gt;</c>, <c>ReadOnlySpan&lt;T&gt;</c>, <c>Memory&lt;T&gt;</c>, <c>ReadOnlyMemory&lt;T&gt;</c>).</summary>
        public bool IsSpanLength(IPropertySymbol property)
            => property.Name == "Length" && property.ContainingType is { } owner
                && (Is(owner, spanOfT) || Is(owner, readOnlySpanOfT) || Is(owner, memoryOfT) || Is(owner, readOnlyMemoryOfT));

        /// <summary><c>ToString</c>, <c>GetHashCode</c> or <c>GetType</c> of <c>object</c>, or an override of one: they read the instance, never write it.</summary>
        public static bool IsObjectQuery(IMethodSymbol method)
        {
            if (method.IsStatic || method.Parameters.Length != 0 || method.Name is not ("ToString" or "GetHashCode" or "GetType"))
            {
                return false;
            }

            for (var m = method; m is not null; m = m.OverriddenMethod)
            {
                if (m.ContainingType?.SpecialType == SpecialType.System_Object)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary><c>Console.Out</c> or <c>Console.Error</c>: the console's writers, which hold no connection.</summary>
        public bool IsConsoleWriter(IPropertySymbol property)
            => property.IsStatic && property.Name is "Out" or "Error" && Is(property.ContainingType, console);

        /// <summary><c>Console.ReadLine</c>, <c>Console.Read</c> or <c>Console.ReadKey</c>: the call waits for the user's input.</summary>
        public bool IsConsoleInput(IMethodSymbol method)
            => method.IsStatic && method.Name is "ReadLine" or "Read" or "ReadKey" && Is(method.ContainingType, console);

        /// <summary>
        /// <c>Thread.Sleep</c>, or <c>Task.Delay</c> whose task is awaited: the call pauses the loop around it, which then
        /// wakes now and then instead of spinning.
        /// </summary>
        public bool IsPause(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (!method.IsStatic)
            {
                return false;
            }

            if (method.Name == "Sleep")
            {
                return Is(method.ContainingType, thread);
            }

            return method.Name == "Delay" && Is(method.ContainingType, task) && invocation.WalkUpToResult(this, out _) is IAwaitOperation;
        }

        /// <summary>
        /// <c>System.Console</c>, <c>System.Diagnostics.Debug</c>, <c>System.Diagnostics.Trace</c> or <c>System.IO.TextWriter</c>
        /// itself: a subclass's override of <c>Write</c> is its own code.
        /// </summary>
        public bool IsFrameworkLogging(INamedTypeSymbol type)
            => Is(type, console) || Is(type, debug) || Is(type, trace) || Is(type, textWriter);

        private static bool Is(ITypeSymbol? type, INamedTypeSymbol? expected)
            => expected is not null && type is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, expected);
    }
}
