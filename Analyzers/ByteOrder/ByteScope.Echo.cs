using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Common;
using SocketAnalyzers.Model;

namespace SocketAnalyzers.ByteOrder
{
    /// <summary>
    /// Numbers decoded and encoded again in the same order: a challenge number a game-server query reads with
    /// <c>BitConverter.ToInt32</c> and sends back with <c>BitConverter.GetBytes</c> (fresh68 FALSE 1 and 2, an A2S client).
    /// The bytes that go out are the bytes that came in, on any CPU, so neither the read (SOCK021) nor the write (SOCK020)
    /// misses a conversion. Followed through a local given only the read, and through the parameter of a private method of
    /// the same type and file: for the read, every use of the parameter there is such a write; for the write, every call of
    /// the method in its type gives the parameter such a read.
    /// </summary>
    internal sealed partial class ByteScope
    {
        /// <summary>
        /// SOCK020: the number <paramref name="value"/> that a host-order write of <paramref name="numberType"/> (of
        /// <paramref name="write"/>) encodes is a decode in that same order and width: a read of the framework
        /// (<c>BitConverter.ToInt32</c> for <c>GetBytes(int)</c>, <c>BinaryReader.ReadInt32</c> for <c>BinaryWriter.Write(int)</c>),
        /// a local given only one, or a parameter of a private method whose every call gives it one.
        /// </summary>
        public bool IsDecodedAlike(IOperation value, ITypeSymbol numberType, HostOrderApi write)
        {
            var number = value.WalkDownConversions();
            if (!SymbolEqualityComparer.Default.Equals(number.Type, numberType))
            {
                // (int)aShort: other bytes than the ones read.
                return false;
            }

            switch (number)
            {
                case IInvocationOperation call:
                    return IsDecodeIn(call, numberType, write.LittleEndianAlways);
                case ILocalReferenceOperation local when !captured.Contains(local.Local):
                    return SingleValue(local.Local)?.WalkDownConversions() is IInvocationOperation only && IsDecodeIn(only, numberType, write.LittleEndianAlways);
                case IParameterReferenceOperation parameter:
                    return EveryCallGivesDecode(parameter.Parameter, numberType, write.LittleEndianAlways);
                default:
                    return false;
            }
        }

        /// <summary>
        /// SOCK021: how the number a local (or the read itself) hands on as <paramref name="argument"/> is used, when it is
        /// only encoded again: the number argument of a host-order write of the same type (the order of that write), or
        /// the argument of a private method of this type and file whose parameter is only that
        /// (<see cref="ParameterOnlyEncoded"/>). <see cref="ResultUse.None"/> when it is neither.
        /// </summary>
        private ResultUse EncodedAgain(IArgumentOperation argument, ITypeSymbol type)
        {
            if (argument is not { Parent: IInvocationOperation call, Parameter: { RefKind: RefKind.None } parameter }
                || !SymbolEqualityComparer.Default.Equals(parameter.Type, type))
            {
                return ResultUse.None;
            }

            if (symbols.HostOrderWrite(call.TargetMethod) is { } write)
            {
                return parameter.Ordinal == (write.NumberOrdinal ?? 0) ? OrderOfWrite(write) : ResultUse.None;
            }

            return SeenPrivateMethod(call.TargetMethod) is { } method ? ParameterOnlyEncoded(method, parameter.OriginalDefinition) : ResultUse.None;
        }

        private static ResultUse OrderOfWrite(HostOrderApi write)
            => write.LittleEndianAlways ? ResultUse.ComparedWithLittleEndianDecode : ResultUse.ComparedWithHostDecode;

        /// <summary>
        /// Every use of <paramref name="parameter"/> in <paramref name="method"/>'s body is the number argument of a host-order
        /// write of its type (the union of their orders); <see cref="ResultUse.None"/> when any use is something else or
        /// writes it.
        /// </summary>
        private ResultUse ParameterOnlyEncoded(IMethodSymbol method, IParameterSymbol parameter)
        {
            onlyEncoded ??= new Dictionary<IParameterSymbol, ResultUse>(SymbolEqualityComparer.Default);
            if (!onlyEncoded.TryGetValue(parameter, out var known))
            {
                onlyEncoded[parameter] = known = ParameterOnlyEncodedCore(method, parameter);
            }

            return known;
        }

        // Per parameter of a private method: ParameterOnlyEncoded and EveryCallGivesDecode, asked once each per body.
        private Dictionary<IParameterSymbol, ResultUse>? onlyEncoded;
        private Dictionary<(IParameterSymbol, bool), bool>? givenDecodes;

        private ResultUse ParameterOnlyEncodedCore(IMethodSymbol method, IParameterSymbol parameter)
        {
            if (model is null || method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not { } declaration)
            {
                return ResultUse.None;
            }

            var use = ResultUse.None;
            foreach (var identifier in IdentifierIndex.Named(declaration, parameter.Name, cancellationToken))
            {
                if (model.GetOperation(identifier, cancellationToken) is not IParameterReferenceOperation reference
                    || !SymbolEqualityComparer.Default.Equals(reference.Parameter.OriginalDefinition, parameter))
                {
                    continue;
                }

                if (reference.WalkUpConversions(out var child) is not IArgumentOperation { Parent: IInvocationOperation call, Parameter: { RefKind: RefKind.None } written } given
                    || given.Value != child
                    || !SymbolEqualityComparer.Default.Equals(written.Type, parameter.Type)
                    || symbols.HostOrderWrite(call.TargetMethod) is not { } write
                    || written.Ordinal != (write.NumberOrdinal ?? 0))
                {
                    return ResultUse.None;
                }

                use |= OrderOfWrite(write);
            }

            return use;
        }

        /// <summary>
        /// <paramref name="parameter"/> (not <c>ref</c>, never written in its method) is given, by every call of its private
        /// method in the method's type, a decode in the order <paramref name="littleEndian"/> says and of
        /// <paramref name="type"/>: the read itself, or a local whose one value is such a read. A method group (a delegate)
        /// or a call that does not bind to the method makes it unknown: false.
        /// </summary>
        private bool EveryCallGivesDecode(IParameterSymbol parameter, ITypeSymbol type, bool littleEndian)
        {
            givenDecodes ??= new Dictionary<(IParameterSymbol, bool), bool>();
            if (!givenDecodes.TryGetValue((parameter, littleEndian), out var known))
            {
                givenDecodes[(parameter, littleEndian)] = known = EveryCallGivesDecodeCore(parameter, type, littleEndian);
            }

            return known;
        }

        private bool EveryCallGivesDecodeCore(IParameterSymbol parameter, ITypeSymbol type, bool littleEndian)
        {
            if (parameter.RefKind != RefKind.None || SeenPrivateMethod(parameter.ContainingSymbol as IMethodSymbol) is not { } method || model is null
                || !SymbolEqualityComparer.Default.Equals(parameter.Type, type)
                || method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not { } declaration
                || SyntaxNames.IsWritten(declaration, parameter.Name, cancellationToken))
            {
                return false;
            }

            // By syntax first, every part of the type in this file: binding a caller's argument binds its whole body.
            foreach (var part in method.ContainingType.DeclaringSyntaxReferences)
            {
                if (part.SyntaxTree != model.SyntaxTree)
                {
                    return false;
                }

                foreach (var identifier in IdentifierIndex.Named(part.GetSyntax(cancellationToken), method.Name, cancellationToken))
                {
                    if (CallOf(identifier) is { } call && !MayGiveDecode(call, parameter.Ordinal))
                    {
                        return false;
                    }
                }
            }

            // Then every use that binds to the method must be a call giving such a decode (a method group may be called with anything).
            var calls = 0;
            foreach (var part in method.ContainingType.DeclaringSyntaxReferences)
            {
                if (!Reads.SameFileUses.All(part.GetSyntax(cancellationToken), method, model, identifier => GivesDecodeAt(identifier), cancellationToken))
                {
                    return false;
                }
            }

            return calls > 0;

            bool GivesDecodeAt(IdentifierNameSyntax identifier)
            {
                if (CallOf(identifier) is not { } syntax || model.GetOperation(syntax, cancellationToken) is not IInvocationOperation call)
                {
                    return false;
                }

                foreach (var argument in call.Arguments)
                {
                    if (argument.Parameter?.Ordinal == parameter.Ordinal)
                    {
                        var given = argument.Value.WalkDownConversions();
                        if (!SymbolEqualityComparer.Default.Equals(given.Type, type) || !GivesDecode(given, type, littleEndian))
                        {
                            return false;
                        }

                        calls++;
                        return true;
                    }
                }

                return false;
            }
        }

        /// <summary>The call <paramref name="identifier"/> names the method of (<c>M(…)</c>, <c>this.M(…)</c>), or null.</summary>
        private static InvocationExpressionSyntax? CallOf(IdentifierNameSyntax identifier)
        {
            var named = identifier.Parent is MemberAccessExpressionSyntax access && access.Name == identifier ? (ExpressionSyntax)access : identifier;
            return named.Parent is InvocationExpressionSyntax invocation && invocation.Expression == named ? invocation : null;
        }

        /// <summary>
        /// By syntax, the argument at <paramref name="ordinal"/> may be a decode: a call of a <c>To…</c> or <c>Read…</c> method
        /// (<c>BitConverter.ToInt32</c>, <c>reader.ReadInt32()</c>) or a name (a local that may hold one). Named arguments
        /// are left to the binding.
        /// </summary>
        private static bool MayGiveDecode(InvocationExpressionSyntax invocation, int ordinal)
        {
            var arguments = invocation.ArgumentList.Arguments;
            foreach (var argument in arguments)
            {
                if (argument.NameColon is not null)
                {
                    return true;
                }
            }

            if (ordinal >= arguments.Count)
            {
                return false;
            }

            return SyntaxNames.WithoutWrappers(arguments[ordinal].Expression, casts: false) switch
            {
                IdentifierNameSyntax => true,
                InvocationExpressionSyntax given => SyntaxNames.CalledName(given) is { } name
                    && (name.StartsWith("To", System.StringComparison.Ordinal) || name.StartsWith("Read", System.StringComparison.Ordinal)),
                _ => false,
            };
        }

        /// <summary>A read of <paramref name="type"/> in the order given, or a local of another body whose one value is one (by syntax: its declaration, no write).</summary>
        private bool GivesDecode(IOperation given, ITypeSymbol type, bool littleEndian)
        {
            switch (given)
            {
                case IInvocationOperation call:
                    return IsDecodeIn(call, type, littleEndian);
                case ILocalReferenceOperation { Local: { DeclaringSyntaxReferences: { Length: 1 } declarations } local } when model is not null:
                    return declarations[0].GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: { } initial } declarator
                        && declarator.FirstAncestorOrSelf<BlockSyntax>() is { } scope
                        && !SyntaxNames.IsWritten(scope, local.Name, cancellationToken)
                        && model.GetOperation(initial, cancellationToken)?.WalkDownConversions() is IInvocationOperation read
                        && IsDecodeIn(read, type, littleEndian);
                default:
                    return false;
            }
        }

        private bool IsDecodeIn(IInvocationOperation call, ITypeSymbol type, bool littleEndian)
            => symbols.HostOrderRead(call.TargetMethod) is { } read && read.LittleEndianAlways == littleEndian
                && SymbolEqualityComparer.Default.Equals(call.Type, type);

        /// <summary>
        /// <paramref name="method"/> when it is an ordinary private method of the body's type, declared once in the body's
        /// file, that no override or interface can replace: the body the call runs, and every call of it is in that type.
        /// </summary>
        private IMethodSymbol? SeenPrivateMethod(IMethodSymbol? method)
            => method?.OriginalDefinition is
            {
                MethodKind: MethodKind.Ordinary,
                DeclaredAccessibility: Accessibility.Private,
                IsVirtual: false,
                IsAbstract: false,
                IsOverride: false,
                IsExtern: false,
                IsPartialDefinition: false,
                PartialImplementationPart: null,
                DeclaringSyntaxReferences: { Length: 1 } references,
            } original
            && model is not null && references[0].SyntaxTree == model.SyntaxTree
            && SymbolEqualityComparer.Default.Equals(original.ContainingType, ownerType)
                ? original
                : null;
    }
}
