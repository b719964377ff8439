using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Common;
using SocketAnalyzers.Model;

namespace SocketAnalyzers.Reads
{
    internal sealed partial class ReadFlowAnalysis
    {
        // ---- SOCK012: whole decodes whose text is exact anyway ----

        /// <summary>
        /// A use of a fresh buffer that leaves its zeros alone: its length, or the buffer (or a whole view of it) handed to
        /// a read, whose own transfer decides.
        /// </summary>
        private bool KeepsFresh(IOperation reference)
        {
            var parent = reference.WalkUpConversions(out _);
            if (parent is IPropertyReferenceOperation length && symbols.Framework.IsLength(length.Property))
            {
                return true;
            }

            if (parent is IArgumentOperation { Parent: { } owner } && ReadBody.WholeViewOperand(owner, symbols.Framework) is not null)
            {
                parent = owner.WalkUpConversions(out _);
            }

            return parent is IArgumentOperation { Parent: IInvocationOperation call } && body.SiteAt(call.Syntax) is { } site
                && (site.Helper is null || site.Read.Buffer?.WalkDownConversions().Syntax == reference.Syntax);
        }

        /// <summary>
        /// "ASCII", "UTF8", "Latin1" or "Default" when <paramref name="encoding"/> decodes a zero byte to U+0000: the static
        /// property of that name of <c>Encoding</c> (<c>Default</c> is UTF-8 on .NET and the ANSI code page on .NET Framework,
        /// never UTF-16: fresh76 F1), or an instance whose type is the framework's <c>UTF8Encoding</c> or
        /// <c>ASCIIEncoding</c> (<c>private static UTF8Encoding encoding = new UTF8Encoding();</c>, fresh49 F1: whatever its
        /// options, it maps a zero byte to U+0000). Null for any other encoding, or one whose type the code does not show.
        /// </summary>
        private string? ByteForByteEncoding(IOperation encoding)
        {
            if (symbols.Framework.Encoding is not { } encodingType)
            {
                return null;
            }

            var value = encoding.WalkDownConversions();
            if (value is IPropertyReferenceOperation { Instance: null, Property: { Name: "ASCII" or "UTF8" or "Latin1" or "Default" } named })
            {
                return SymbolEqualityComparer.Default.Equals(named.ContainingType, encodingType) ? named.Name : null;
            }

            return value.Type is INamedTypeSymbol { Name: "UTF8Encoding" or "ASCIIEncoding" } type && SymbolEqualityComparer.Default.Equals(type.BaseType, encodingType)
                ? (type.Name == "UTF8Encoding" ? "UTF8" : "ASCII")
                : null;
        }

        /// <summary>
        /// A whole decode whose text is the bytes received all the same, its result going straight into the cut:
        /// <list type="bullet">
        /// <item>the buffer was a new zero-filled array when its one read filled it (<see cref="ReadState.FreshFilled"/>),
        /// decoded with ASCII, UTF-8 or Latin-1 (a zero byte is U+0000), and the text's NULs are stripped:
        /// <c>Replace("\0", "")</c>, <c>Trim</c>/<c>TrimEnd</c> of a set that holds <c>'\0'</c>;</item>
        /// <item>decoded with ASCII or Latin-1 (one char per byte) and cut to a variable that holds the read's count
        /// (<see cref="ReadState.Counts"/>): <c>Substring(0, n)</c>, <c>Remove(n)</c>.</item>
        /// </list>
        /// </summary>
        private bool IsExactText(IOperation consuming, ISymbol buffer, int read, ReadState state)
        {
            if (wholeFilter is not null)
            {
                // chars.Where(c => c != '\0') of a fresh array read once: its unread tail is zeros, and the test drops them.
                return state.HasFreshFilled && state.FreshFilled.Contains(buffer) && DropsOnlyZeros(wholeFilter);
            }

            if (consuming is IObjectCreationOperation { Type.SpecialType: SpecialType.System_String, Arguments.Length: 1 } text)
            {
                // new string(chars) of a fresh char array read once: its unread tail is '\0' chars, and the strip removes them.
                return state.HasFreshFilled && state.FreshFilled.Contains(buffer)
                    && text.WalkUpConversions(out var made) is IInvocationOperation { TargetMethod.ContainingType.SpecialType: SpecialType.System_String } strip
                    && strip.Instance == made && StripsNul(strip);
            }

            if (consuming is not IInvocationOperation { Instance: { } encoding, TargetMethod.Name: "GetString", Type.SpecialType: SpecialType.System_String } decode
                || ByteForByteEncoding(encoding) is not { } encodingName)
            {
                return false;
            }

            var fresh = state.HasFreshFilled && state.FreshFilled.Contains(buffer);
            var parent = decode.WalkUpConversions(out var decoded);
            if (fresh && parent is IArgumentOperation given && IsNumberParseOf(given))
            {
                // int.Parse(GetString(buffer)) of a fresh buffer: the parse ignores the zeros' trailing NULs (fresh26 FALSE 2).
                return true;
            }

            if (fresh && parent is ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add } append && append.Value == decoded
                && IsLastShortTurnAppendedForParse(decode, buffer, read))
            {
                // json += GetString(chunk); if (n < chunk.Length) break; then JsonConvert.DeserializeObject(json) (fresh78 FALSE 1).
                return true;
            }

            if (fresh && parent is IArgumentOperation { Parameter.Ordinal: 0, Parent: IInvocationOperation textFilter }
                && symbols.Catalogue.Facts(textFilter.TargetMethod) is { Filters: true } && DropsOnlyZeros(textFilter))
            {
                // GetString(buffer).TakeWhile(c => c != '\0') of a fresh (or cleared) buffer: the text up to the zeros (fresh32 F1).
                return true;
            }

            if (parent is not IInvocationOperation { TargetMethod.ContainingType.SpecialType: SpecialType.System_String } cut
                || cut.Instance != decoded)
            {
                // text = GetString(buffer); then, on the next line, text = text.Substring(0, text.IndexOf("$")) (fresh14 FALSE 4),
                // text = text.Trim('\0') or int.Parse(text) (fresh26 FALSE 2 and 3).
                return fresh && (IsGuardedCutAtNul(decode) || NextValueOfLocal(decode) is ({ } next, { } local)
                    && (IsCutAtDelimiter(next, local)
                        || (next is IInvocationOperation { TargetMethod.ContainingType.SpecialType: SpecialType.System_String } strip
                            && strip.Instance is ILocalReferenceOperation stripped && stripped.Local.Name == local && StripsNul(strip))
                        || (next is IInvocationOperation parse && parse.Arguments.Length > 0 && IsNumberParseOf(parse.Arguments[0])
                            && parse.Arguments[0].Value.WalkDownConversions() is ILocalReferenceOperation parsed && parsed.Local.Name == local)
                        || (next is IInvocationOperation nextSplit && nextSplit.Instance is ILocalReferenceOperation split && split.Local.Name == local
                            && IsSplitIntoNumbers(nextSplit))));
            }

            if (fresh && (StripsNul(cut) || IsSplitIntoNumbers(cut)))
            {
                return true;
            }

            if (encodingName is "UTF8" or "Default" || !state.HasCounts)
            {
                return false;
            }

            var count = cut.TargetMethod.Name switch
            {
                "Substring" when cut.Arguments.Length == 2 && CatalogueIndex.Argument(cut, 0)?.ConstantValue is { HasValue: true, Value: 0 } => CatalogueIndex.Argument(cut, 1),
                "Remove" when cut.Arguments.Length == 1 => CatalogueIndex.Argument(cut, 0),
                _ => null,
            };
            return count is not null && ReadBody.VariableOf(count) is { } held && state.Counts.TryGetValue(held, out var countOf) && countOf == read;
        }

        /// <summary>
        /// The text of a fresh buffer (a new array each turn), decoded whole and appended to a string local, in a loop that
        /// leaves as soon as a read brings less than the buffer (fresh78 FALSE 1, a course's file transfer: <c>byte[] chunk =
        /// new byte[60000]; int n = stream.Read(chunk, 0, chunk.Length); json += Encoding.UTF8.GetString(chunk); if (n &lt;
        /// chunk.Length) break;</c>, then <c>JsonConvert.DeserializeObject&lt;Item&gt;(json)</c>). Every turn before the last
        /// filled its array, so the only zeros are the last turn's tail, at the very end of the text, and the text goes only to
        /// a parser that ignores trailing NULs (<see cref="IsNumberParseOf"/>: the number parsers, Json.NET). By syntax (the
        /// flow's operations are the graph's): the append is a statement of the loop's own body, the very next statement is
        /// <c>if (n &lt; chunk.Length) break;</c> (or <c>!=</c>) with the read's count local, and the string local is
        /// otherwise only given constants or handed to such a parser.
        /// </summary>
        private bool IsLastShortTurnAppendedForParse(IInvocationOperation decode, ISymbol buffer, int read)
        {
            if (body.Sites[read].CountLocal is not { } count || body.Model is not { } model
                || decode.Syntax.Parent is not AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.AddAssignmentExpression, Left: IdentifierNameSyntax appended } assignment
                || assignment.Parent is not ExpressionStatementSyntax { Parent: BlockSyntax { Parent: WhileStatementSyntax or DoStatementSyntax or ForStatementSyntax } loopBody } statement)
            {
                return false;
            }

            var index = loopBody.Statements.IndexOf(statement);
            if (index < 0 || index + 1 >= loopBody.Statements.Count
                || loopBody.Statements[index + 1] is not IfStatementSyntax { Else: null } test
                || !IsBreak(test.Statement)
                || test.Condition is not BinaryExpressionSyntax comparison
                || !IsShortOf(comparison, count.Name, buffer.Name))
            {
                return false;
            }

            if (model.GetSymbolInfo(appended, CancellationToken).Symbol is not ILocalSymbol { Type.SpecialType: SpecialType.System_String } text
                || text.DeclaringSyntaxReferences.Length != 1
                || text.DeclaringSyntaxReferences[0].GetSyntax(CancellationToken).FirstAncestorOrSelf<BlockSyntax>() is not { } scope)
            {
                return false;
            }

            var parsed = false;
            foreach (var identifier in ReadBody.ReferencesTo(scope, text, model, CancellationToken))
            {
                if (identifier == appended)
                {
                    continue;
                }

                switch (model.GetOperation(identifier, CancellationToken) is { } reference ? reference.WalkUpConversions(out _) : null)
                {
                    case ISimpleAssignmentOperation { Value.ConstantValue.HasValue: true } reset when reset.Target.Syntax == identifier:
                        continue;
                    case IArgumentOperation argument when IsNumberParseOf(argument):
                        parsed = true;
                        continue;
                    default:
                        return false;
                }
            }

            return parsed;

            static bool IsBreak(StatementSyntax statement)
                => statement is BreakStatementSyntax || (statement is BlockSyntax { Statements.Count: 1 } block && block.Statements[0] is BreakStatementSyntax);

            static bool IsShortOf(BinaryExpressionSyntax comparison, string count, string buffer)
            {
                var (counted, length) = comparison.Kind() switch
                {
                    SyntaxKind.LessThanExpression or SyntaxKind.NotEqualsExpression => (comparison.Left, comparison.Right),
                    SyntaxKind.GreaterThanExpression => (comparison.Right, comparison.Left),
                    _ => (null, null),
                };
                if (comparison.IsKind(SyntaxKind.NotEqualsExpression) && length is IdentifierNameSyntax)
                {
                    (counted, length) = (length, counted);
                }

                return counted is IdentifierNameSyntax { Identifier.ValueText: var c } && c == count
                    && length is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Length", Expression: IdentifierNameSyntax { Identifier.ValueText: var b } } && b == buffer;
            }
        }

        /// <summary>
        /// The decode of a fresh buffer is kept in a local (a declaration of one, or an assignment statement): the value of
        /// the very next statement of the block (an assignment's, a declaration's or a <c>return</c>'s) and the local's name.
        /// Found by syntax: the flow's operations are the graph's, without statements.
        /// </summary>
        private (IOperation? Next, string? Local) NextValueOfLocal(IInvocationOperation decode)
        {
            if (StatementOfLocal(decode, out var name) is not { Parent: BlockSyntax block } statement || body.Model is not { } model)
            {
                return (null, null);
            }

            var index = block.Statements.IndexOf(statement);
            if (index < 0)
            {
                return (null, null);
            }

            index++;
            for (var skipped = 0; skipped < MaxInertStatements && index < block.Statements.Count
                && IsInertBetween(block.Statements[index], name!, model); skipped++)
            {
                // var length = text.Length; between the decode and its cut (fresh61 FALSE 3): nothing changes or uses the text.
                index++;
            }

            if (index >= block.Statements.Count)
            {
                return (null, null);
            }

            var value = block.Statements[index] switch
            {
                ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax { Right: var right } } => right,
                LocalDeclarationStatementSyntax { Declaration.Variables: { Count: 1 } variables } => variables[0].Initializer?.Value,
                ReturnStatementSyntax { Expression: { } returned } => returned,
                _ => null,
            };
            return value is not null && model.GetOperation(value, CancellationToken)?.WalkDownConversions() is { } next ? (next, name) : (null, null);
        }

        private const int MaxInertStatements = 3;

        /// <summary>
        /// A statement between a decode kept in <paramref name="name"/> and its cut that can neither change nor show the
        /// text, nor leave: a declaration of another local (or an assignment to one) from locals, constants, operators and
        /// the text's <c>Length</c>, with no call, creation, assignment inside, <c>await</c> or <c>throw</c>.
        /// </summary>
        private bool IsInertBetween(StatementSyntax statement, string name, SemanticModel model)
        {
            var root = statement switch
            {
                LocalDeclarationStatementSyntax { UsingKeyword.RawKind: 0, AwaitKeyword.RawKind: 0 } declaration => model.GetOperation(declaration, CancellationToken),
                ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax { Left: IdentifierNameSyntax target } assignment }
                    when target.Identifier.ValueText != name && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) => model.GetOperation(assignment.Right, CancellationToken),
                _ => null,
            };
            if (root is null)
            {
                return false;
            }

            foreach (var operation in root.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IVariableDeclarationGroupOperation or IVariableDeclarationOperation or IVariableDeclaratorOperation
                        or IVariableInitializerOperation or ILiteralOperation or IConversionOperation or IBinaryOperation
                        or IUnaryOperation or IParenthesizedOperation or IParameterReferenceOperation:
                        break;
                    case ILocalReferenceOperation local when local.Local.Name != name:
                        break;
                    case ILocalReferenceOperation:
                        if (operation.Parent is not IPropertyReferenceOperation { Property.Name: "Length", Property.ContainingType.SpecialType: SpecialType.System_String })
                        {
                            return false;
                        }

                        break;
                    case IPropertyReferenceOperation { Property.Name: "Length", Property.ContainingType.SpecialType: SpecialType.System_String, Instance: ILocalReferenceOperation }:
                        break;
                    default:
                        return false;
                }
            }

            return true;
        }

        /// <summary>
        /// The decode of a fresh buffer kept in a local, cut at its first NUL behind a guard over the next two statements
        /// (fresh33 DISPUTED 1, a course server: <c>message = GetString(buffer); len = message.IndexOf('\0'); if (len &gt; 0)
        /// message = message.Substring(0, len);</c>). Where the read placed bytes, the first NUL is where it stopped writing
        /// (none: the buffer is full); only a text whose first char is NUL stays whole, and a read of 0 bytes is SOCK010's
        /// and SOCK011's. The guard is <c>len &gt; 0</c>, <c>len &gt;= 0</c>, <c>len &gt; -1</c> or <c>len != -1</c>, the cut
        /// <c>Substring(0, len)</c> or <c>Remove(len)</c> back into the same local, with no <c>else</c>.
        /// </summary>
        private bool IsGuardedCutAtNul(IInvocationOperation decode)
        {
            if (StatementOfLocal(decode, out var text) is not { Parent: BlockSyntax block } statement || body.Model is not { } model)
            {
                return false;
            }

            var index = block.Statements.IndexOf(statement);
            if (index < 0 || index + 2 >= block.Statements.Count)
            {
                return false;
            }

            string position;
            ExpressionSyntax search;
            switch (block.Statements[index + 1])
            {
                case ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax { Left: IdentifierNameSyntax target, Right: var right } } assignment
                    when assignment.Expression.IsKind(SyntaxKind.SimpleAssignmentExpression):
                    (position, search) = (target.Identifier.ValueText, right);
                    break;
                case LocalDeclarationStatementSyntax { Declaration.Variables: { Count: 1 } variables } when variables[0].Initializer is { Value: var initial }:
                    (position, search) = (variables[0].Identifier.ValueText, initial);
                    break;
                default:
                    return false;
            }

            if (model.GetOperation(search, CancellationToken)?.WalkDownConversions() is not IInvocationOperation
                {
                    TargetMethod: { Name: "IndexOf", ContainingType.SpecialType: SpecialType.System_String },
                    Instance: ILocalReferenceOperation searched,
                } indexOf
                || searched.Local.Name != text
                || CatalogueIndex.Argument(indexOf, 0)?.ConstantValue is not { HasValue: true } delimiter
                || !SearchesFirstNul(indexOf, delimiter.Value))
            {
                return false;
            }

            if (block.Statements[index + 2] is not IfStatementSyntax { Else: null, Condition: BinaryExpressionSyntax guard } branch
                || !IsFoundTest(guard, position)
                || (branch.Statement is BlockSyntax { Statements.Count: 1 } inner ? inner.Statements[0] : branch.Statement) is not ExpressionStatementSyntax
                {
                    Expression: AssignmentExpressionSyntax { Left: IdentifierNameSyntax cutInto, Right: InvocationExpressionSyntax cut } cutAssignment,
                }
                || !cutAssignment.IsKind(SyntaxKind.SimpleAssignmentExpression)
                || cutInto.Identifier.ValueText != text
                || cut.Expression is not MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax cutText, Name.Identifier.ValueText: var cutName }
                || cutText.Identifier.ValueText != text)
            {
                return false;
            }

            var arguments = cut.ArgumentList.Arguments;
            return cutName switch
            {
                "Substring" => arguments.Count == 2 && arguments[0].Expression is LiteralExpressionSyntax { Token.Value: 0 } && IsName(arguments[1].Expression, position),
                "Remove" => arguments.Count == 1 && IsName(arguments[0].Expression, position),
                _ => false,
            };

            static bool IsName(ExpressionSyntax expression, string name) => expression is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == name;

            static bool IsFoundTest(BinaryExpressionSyntax guard, string name)
            {
                if (!IsName(guard.Left, name) || guard.Right is not { } bound)
                {
                    return false;
                }

                var value = bound switch
                {
                    LiteralExpressionSyntax { Token.Value: int literal } => literal,
                    PrefixUnaryExpressionSyntax { Operand: LiteralExpressionSyntax { Token.Value: int negated } } minus when minus.IsKind(SyntaxKind.UnaryMinusExpression) => -negated,
                    _ => (int?)null,
                };
                return value switch
                {
                    0 => guard.IsKind(SyntaxKind.GreaterThanExpression) || guard.IsKind(SyntaxKind.GreaterThanOrEqualExpression),
                    -1 => guard.IsKind(SyntaxKind.GreaterThanExpression) || guard.IsKind(SyntaxKind.NotEqualsExpression),
                    _ => false,
                };
            }
        }

        /// <summary>The statement that keeps the decode in a local (a declaration of one, or an assignment statement), and the local's name.</summary>
        private static StatementSyntax? StatementOfLocal(IInvocationOperation decode, out string? name)
        {
            var syntax = decode.Syntax;
            while (syntax.Parent is ParenthesizedExpressionSyntax or CastExpressionSyntax)
            {
                syntax = syntax.Parent;
            }

            switch (syntax.Parent)
            {
                case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } when declarator.Parent is VariableDeclarationSyntax { Variables.Count: 1, Parent: LocalDeclarationStatementSyntax declaration }:
                    name = declarator.Identifier.ValueText;
                    return declaration;
                case AssignmentExpressionSyntax { Left: IdentifierNameSyntax target } assignment when assignment.Right == syntax && assignment.Parent is ExpressionStatementSyntax expression:
                    name = target.Identifier.ValueText;
                    return expression;
                default:
                    name = null;
                    return null;
            }
        }

        /// <summary>
        /// <paramref name="next"/> cuts the text in <paramref name="name"/> at a delimiter the zeros past the count cannot hold:
        /// <c>text.Substring(0, text.IndexOf("$"))</c> (a non-empty constant without NUL, as a string or a char), or at the
        /// first NUL searched ordinally (<c>'\0'</c>, or <c>"\0"</c> with <c>StringComparison.Ordinal</c>): where the zeros
        /// begin. The cut keeps only bytes the read placed, or throws when none of them is the delimiter.
        /// </summary>
        private static bool IsCutAtDelimiter(IOperation next, string name)
        {
            if (next is not IInvocationOperation
                {
                    TargetMethod: { Name: "Substring", ContainingType.SpecialType: SpecialType.System_String },
                    Arguments.Length: 2,
                    Instance: ILocalReferenceOperation text,
                } cut
                || text.Local.Name != name
                || CatalogueIndex.Argument(cut, 0)?.ConstantValue is not { HasValue: true, Value: 0 }
                || CatalogueIndex.Argument(cut, 1)?.WalkDownConversions() is not IInvocationOperation
                {
                    TargetMethod: { Name: "IndexOf", ContainingType.SpecialType: SpecialType.System_String },
                    Instance: ILocalReferenceOperation searched,
                } indexOf
                || !SymbolEqualityComparer.Default.Equals(searched.Local, text.Local)
                || CatalogueIndex.Argument(indexOf, 0)?.ConstantValue is not { HasValue: true } delimiter)
            {
                return false;
            }

            // A delimiter the zeros cannot hold, or the NUL itself searched ordinally: the zeros' first one is where the read
            // stopped writing (msg.Substring(0, msg.IndexOf("\0", StringComparison.Ordinal)), fresh16 FALSE 4). A culture
            // search for "\0" finds it at 0 under ICU (NUL is ignorable there): not the read's end, but on .NET Framework it is.
            return delimiter.Value switch
            {
                string { Length: > 0 } mark => mark.IndexOf('\0') < 0 || SearchesFirstNul(indexOf, mark),
                char => true,
                _ => false,
            };
        }

        /// <summary>
        /// <paramref name="argument"/> is the text a number parser of the framework reads (<c>int.Parse(text)</c>,
        /// <c>double.TryParse(text, out v)</c>; the catalogue's <see cref="ApiRow.IgnoresTrailingNuls"/>): they accept trailing NULs, so the
        /// text of a fresh buffer decoded whole gives the number the read placed (fresh26 FALSE 2: a lab server's
        /// <c>double.Parse(Encoding.UTF8.GetString(bytes))</c>; the dropped count is SOCK010's). Json.NET's readers skip NULs
        /// as white space too (<c>JObject.Parse</c>, <c>JsonConvert.DeserializeObject</c>: checked on 13.0.4, fresh72 FALSE 1,
        /// a course server); System.Text.Json rejects them.
        /// </summary>
        private bool IsNumberParseOf(IArgumentOperation argument)
            => argument is { Parameter.Ordinal: 0, Parent: IInvocationOperation parse }
                && (symbols.Catalogue.Facts(parse.TargetMethod) is { IgnoresTrailingNuls: true } || IsJsonNetLinqParse(parse.TargetMethod) || IsJsonNetDeserialize(parse.TargetMethod));

        /// <summary>
        /// The text of a fresh buffer decoded whole, split at separators that hold no NUL into a local whose elements are read
        /// only as numbers, or only below the highest index read as a number (fresh72 FALSE 2, a course's calculator server:
        /// <c>var parts = GetString(buffer).Split(' '); if (parts[0] == "ADD") … int.Parse(parts[2])</c>). The zeros' NULs
        /// are all in the last token; a number parser ignores them, and an element below an index the code parses is not
        /// the last of a message the code can take. Any other use of the local (a loop over it, a whole join, an index not
        /// constant) keeps the report.
        /// </summary>
        private bool IsSplitIntoNumbers(IInvocationOperation split)
        {
            if (split is not { TargetMethod: { Name: "Split", ContainingType.SpecialType: SpecialType.System_String } }
                || body.Model is not { } model
                || !SeparatorsHoldNoNul(split))
            {
                return false;
            }

            ILocalSymbol? parts;
            SyntaxNode? from;
            switch (split.WalkUpConversions(out _))
            {
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                    (parts, from) = (declarator.Symbol, null);
                    break;
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment:
                    (parts, from) = (target.Local, assignment.Target.Syntax);
                    break;
                default:
                    return false;
            }

            if (parts.DeclaringSyntaxReferences.Length != 1
                || parts.DeclaringSyntaxReferences[0].GetSyntax(CancellationToken).FirstAncestorOrSelf<BlockSyntax>() is not { } scope)
            {
                return false;
            }

            var highestParsed = -1;
            var highestOther = -1;
            foreach (var identifier in ReadBody.ReferencesTo(scope, parts, model, CancellationToken))
            {
                if (identifier == from)
                {
                    continue;
                }

                var reference = model.GetOperation(identifier, CancellationToken);
                switch (reference?.Parent)
                {
                    case IPropertyReferenceOperation { Property.Name: "Length" } length when length.Instance == reference:
                        continue;
                    case IArrayElementReferenceOperation { Indices.Length: 1 } element when element.ArrayReference == reference
                        && element.Indices[0].ConstantValue is { HasValue: true, Value: int index }:
                        if (element.WalkUpConversions(out _) is IArgumentOperation given && IsNumberParseOf(given))
                        {
                            highestParsed = System.Math.Max(highestParsed, index);
                        }
                        else if (element.Parent is not ISimpleAssignmentOperation { Target: var written } || written != element)
                        {
                            highestOther = System.Math.Max(highestOther, index);
                        }
                        else
                        {
                            return false;
                        }

                        continue;
                    default:
                        return false;
                }
            }

            return highestOther < highestParsed || highestOther < 0;
        }

        /// <summary>Every separator of a <c>Split</c> is a constant char or string (or an array of them) with no NUL in it.</summary>
        private static bool SeparatorsHoldNoNul(IInvocationOperation split)
        {
            var any = false;
            foreach (var argument in split.Arguments)
            {
                var value = argument.Value.WalkDownConversions();
                switch (value.Type)
                {
                    case { SpecialType: SpecialType.System_Char or SpecialType.System_String }:
                        if (!HoldsNoNul(value))
                        {
                            return false;
                        }

                        any = true;
                        break;
                    case IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Char or SpecialType.System_String }:
                        if (value is not IArrayCreationOperation { Initializer: { } listed })
                        {
                            return false;
                        }

                        foreach (var element in listed.ElementValues)
                        {
                            if (!HoldsNoNul(element.WalkDownConversions()))
                            {
                                return false;
                            }
                        }

                        any = true;
                        break;
                }
            }

            return any;

            static bool HoldsNoNul(IOperation separator)
                => separator.ConstantValue is { HasValue: true, Value: char c } ? c != '\0'
                    : separator.ConstantValue is { HasValue: true, Value: string text } && text.Length > 0 && text.IndexOf('\0') < 0;
        }

        /// <summary>
        /// The search finds the first NUL: <c>IndexOf('\0')</c>, or <c>IndexOf("\0", …)</c> ordinally, or by culture in code built
        /// for .NET Framework, whose NLS comparison finds the NUL (ICU's, on .NET 5 and later and on Linux, ignores it and finds
        /// it at 0: fresh98 F1, a course lobby on .NET Framework 4.5).
        /// </summary>
        private static bool SearchesFirstNul(IInvocationOperation indexOf, object? delimiter)
            => delimiter is '\0' || delimiter is "\0" && (IsOrdinalSearch(indexOf) || TargetRuntime.IsNetFramework(indexOf));

        /// <summary><c>IndexOf</c> with <c>StringComparison.Ordinal</c> or <c>OrdinalIgnoreCase</c>.</summary>
        private static bool IsOrdinalSearch(IInvocationOperation indexOf)
        {
            foreach (var argument in indexOf.Arguments)
            {
                if (argument.Value.Type?.Name == "StringComparison" && argument.Value.ConstantValue is { HasValue: true, Value: 4 or 5 })
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The test of a <c>Where</c> keeps every element but zero: <c>c =&gt; c != '\0'</c>, <c>b =&gt; b != 0</c> (either side).
        /// By syntax: in the graph the lambda is a flow function without its body.
        /// </summary>
        private static bool DropsOnlyZeros(IInvocationOperation filter)
        {
            if (filter.Arguments.Length != 2
                || filter.Arguments[1].Value.Syntax is not SimpleLambdaExpressionSyntax { ExpressionBody: BinaryExpressionSyntax test, Parameter.Identifier.ValueText: var element }
                || !test.IsKind(SyntaxKind.NotEqualsExpression))
            {
                return false;
            }

            return IsZeroTest(test.Left, test.Right, element) || IsZeroTest(test.Right, test.Left, element);

            static bool IsZeroTest(ExpressionSyntax name, ExpressionSyntax zero, string element)
                => name is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == element
                    && zero is LiteralExpressionSyntax literal && literal.Token.Value is '\0' or 0;
        }

        /// <summary><c>Replace("\0", "")</c> (or <c>string.Empty</c>), or <c>Trim</c>/<c>TrimEnd</c> of chars that include <c>'\0'</c>.</summary>
        private static bool StripsNul(IInvocationOperation cut)
        {
            switch (cut.TargetMethod.Name)
            {
                case "Replace" when cut.Arguments.Length == 2 && cut.TargetMethod.Parameters[0].Type.SpecialType == SpecialType.System_String:
                    return CatalogueIndex.Argument(cut, 0)?.ConstantValue is { HasValue: true, Value: "\0" }
                        && CatalogueIndex.Argument(cut, 1)?.WalkDownConversions() is { } replacement
                        && (replacement.ConstantValue is { HasValue: true, Value: "" }
                            || replacement is IFieldReferenceOperation { Field: { Name: "Empty", ContainingType.SpecialType: SpecialType.System_String } });
                case "Trim" or "TrimEnd":
                    foreach (var argument in cut.Arguments)
                    {
                        var value = argument.Value.WalkDownConversions();
                        if (value.ConstantValue is { HasValue: true, Value: '\0' })
                        {
                            return true;
                        }

                        if (value is IInvocationOperation { TargetMethod: { Name: "ToCharArray", ContainingType.SpecialType: SpecialType.System_String }, Arguments.Length: 0, Instance.ConstantValue: { HasValue: true, Value: string listed } }
                            && listed.IndexOf('\0') >= 0)
                        {
                            // Trim("\0".ToCharArray()) (fresh26 FALSE 3, a book's FTP server).
                            return true;
                        }

                        if (value is IArrayCreationOperation { Initializer: { } chars })
                        {
                            foreach (var element in chars.ElementValues)
                            {
                                if (element.WalkDownConversions().ConstantValue is { HasValue: true, Value: '\0' })
                                {
                                    return true;
                                }
                            }
                        }
                    }

                    return false;
                default:
                    return false;
            }
        }

        // ---- SOCK012: how a use touches a buffer ----
        private enum Use
        {
            Neutral,
            Whole,
            Barrier,

            /// <summary>A fixed-width decode of part of the buffer (<see cref="decodedStart"/>, <see cref="decodedWidth"/>): it only reads it.</summary>
            Decoded,

            /// <summary>A consumer given a local as the count (<see cref="givenCount"/>): it only reads the buffer; reported when that local totals the reads.</summary>
            Counted,
        }

        /// <summary>Set by <see cref="Classify"/> for <see cref="Use.Counted"/>: the local the consumer is given as its count.</summary>
        private ILocalSymbol? givenCount;

        /// <summary>The element's value is read: not written (<see cref="ReadBody.IsWrite"/>), nor taken by <c>ref</c> or <c>in</c>.</summary>
        private static bool IsValueRead(IOperation element)
            => !ReadBody.IsWrite(element) && element.Parent switch
            {
                ISimpleAssignmentOperation { IsRef: true } => false,
                IArgumentOperation { Parameter.RefKind: RefKind.In } => false,
                IVariableInitializerOperation { Parent: IVariableDeclaratorOperation { Symbol.RefKind: not RefKind.None } } => false,
                _ => true,
            };

        /// <summary>
        /// One element of the buffer (or of a whole copy of it) read by index: by a constant index past the first, the decode
        /// of that byte, which arrived only if the read returned more than the index (<c>data[7]</c> after a read whose
        /// count nothing tests: fresh62, a Modbus client); the first byte, a computed index, or an element written: nothing.
        /// </summary>
        private Use ElementUse(IArrayElementReferenceOperation element, out IOperation? consuming)
        {
            consuming = null;
            if (element.Indices[0].ConstantValue is not { HasValue: true, Value: int index } || index < 1 || !IsValueRead(element))
            {
                return Use.Neutral;
            }

            consuming = element;
            decodedStart = index;
            decodedWidth = 1;
            return Use.Decoded;
        }

        /// <summary>What one reference to a filled buffer does; <paramref name="consuming"/> is the consuming call for <see cref="Use.Whole"/>.</summary>
        private Use Classify(IOperation reference, ISymbol buffer, out IOperation? consuming)
        {
            consuming = null;
            wholeFilter = null;
            var parent = reference.WalkUpConversions(out var current);
            switch (parent)
            {
                case ISimpleAssignmentOperation assignment when assignment.Target == current:
                    // The assignment itself kills the fact.
                    return Use.Neutral;
                case IArrayElementReferenceOperation { Indices.Length: 1 } ranged when ranged.ArrayReference == current && ranged.Indices[0] is IRangeOperation:
                    // buf[4..], a copy of the tail: consumed whole it takes the stale bytes; any other range is a part.
                    return TailStartOfView(ranged, buffer) is not null ? ConsumedTail(ranged, buffer, out consuming, otherwise: Use.Neutral) : Use.Neutral;
                case IArrayElementReferenceOperation { Indices.Length: 1 } element when element.ArrayReference == current:
                    return ElementUse(element, out consuming);
                case IPropertyReferenceOperation length when symbols.Framework.IsLength(length.Property):
                case IArrayElementReferenceOperation:
                case IInterpolationOperation:
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String }:
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals }:
                case IIsPatternOperation:
                case IIsTypeOperation:
                case IInvocationOperation query when query.Instance == current && FrameworkMembers.IsObjectQuery(query.TargetMethod):
                    return Use.Neutral;
                case IArrayInitializerOperation { Parent: IArrayCreationOperation { Parent: IArgumentOperation { ArgumentKind: ArgumentKind.ParamArray, Parent: IInvocationOperation paramsCall } } }
                    when IsLogging(paramsCall.TargetMethod):
                    return Use.Neutral;
            }

            // A whole view of the buffer: buf.AsSpan(), new ArraySegment<byte>(buf), …
            var viewStart = 0;
            if (parent is IArgumentOperation { Parent: { } viewOwner } && ReadBody.WholeViewOperand(viewOwner, symbols.Framework) is not null)
            {
                current = viewOwner;
                parent = current.WalkUpConversions(out current);
            }
            else if (parent is IPropertyReferenceOperation { Property.Name: "Span", Instance: { } spanOf } span && spanOf == current && IsViewBuffer(buffer)
                && symbols.Framework.IsSpanOrSegment(span.Property.ContainingType))
            {
                // memory.Span of a Memory<byte> buffer (ReadBody.FreshArrayView): the same bytes.
                current = span;
                parent = current.WalkUpConversions(out current);
            }
            else if (parent is IArgumentOperation { Parameter.Ordinal: 0, Parent: IInvocationOperation filter } && symbols.Catalogue.Facts(filter.TargetMethod) is { Filters: true })
            {
                // String.Join("", chars.Where(c => c != '\0')): every element of the buffer is looked at, stale ones pass the
                // test as well as received ones (fresh19 G1). Only zeros a fresh buffer kept are what the test drops (IsExactText).
                wholeFilter = filter;
                current = filter;
                parent = current.WalkUpConversions(out current);
            }
            else if (parent is IArgumentOperation { Parent: IInvocationOperation partialView } && symbols.Framework.IsArrayView(partialView.TargetMethod))
            {
                // buf.AsSpan(4) or buf.AsSpan(4, 4) handed to a decoder: bytes from a known start. Any other slice is not
                // this rule's business: buf.AsSpan(0, n) passes the count.
                if (DecodedView(partialView, symbols, out var start, out var viewedWidth) is { } decoder)
                {
                    consuming = decoder;
                    decodedStart = start;
                    decodedWidth = viewedWidth;
                    return Use.Decoded;
                }

                // buf.AsSpan(4), buf.AsMemory(4, buf.Length - 4) handed whole to a consumer: the tail, stale bytes and all.
                return TailStartOfView(partialView, buffer) is not null ? ConsumedTail(partialView, buffer, out consuming, otherwise: Use.Neutral) : Use.Neutral;
            }

            if (parent is IArgumentOperation { Parent: IObjectCreationOperation tailView } && symbols.Framework.IsViewCreation(tailView)
                && TailStartOfView(tailView, buffer) is not null)
            {
                // new ArraySegment<byte>(buf, 4, buf.Length - 4): the same tail as a view (kept, it may be written: a barrier).
                return ConsumedTail(tailView, buffer, out consuming, otherwise: Use.Barrier);
            }

            // A fixed-width decode: BitConverter.ToInt32(buf, 4), BinaryPrimitives.ReadInt32BigEndian(buf or buf.AsSpan()).
            if (parent is IArgumentOperation { Parameter.Ordinal: 0, Parent: IInvocationOperation decodeCall } && Decoder(decodeCall) is int width)
            {
                if (decodeCall.TargetMethod.Parameters is { Length: > 1 } parameters && parameters[1].Type.SpecialType == SpecialType.System_Int32)
                {
                    if (CatalogueIndex.Argument(decodeCall, 1)?.ConstantValue is not { HasValue: true, Value: int start } || start < 0)
                    {
                        // A start the code computes (a cursor): not followed.
                        return Use.Neutral;
                    }

                    viewStart = start;
                }

                consuming = decodeCall;
                decodedStart = viewStart;
                decodedWidth = width;
                return Use.Decoded;
            }

            switch (parent)
            {
                case IArgumentOperation { Parameter.Ordinal: 0, Parent: IInvocationOperation take } when symbols.Catalogue.Facts(take.TargetMethod) is { Sequence: ByteOrder.SequenceShape.Takes }:
                    // buf.Take(n): the first elements, looked at by whatever takes them (the SOCK012 fix's own form).
                    return Use.Neutral;
                case IArgumentOperation { Parent: IInvocationOperation readCall } when body.SiteAt(readCall.Syntax) is { IsExact: false }:
                    // A read into the buffer: the read's own transfer replaces the fact (ReadExactly's is any call's: a barrier).
                    return Use.Neutral;
                case IArgumentOperation argument when argument.Parent is { } call && consumers.IsConsumer(call):
                    // A consumer of chars only (String.Join) renders a byte buffer as numbers: no use of the data as data.
                    if (consumers.IsConsumerOf(call, BufferElement(buffer)) && IsWholeArgument(argument, call, buffer) && !CopyGoesToCountedConsumer(call))
                    {
                        consuming = call;
                        return Use.Whole;
                    }

                    if (consumers.IsConsumerOf(call, BufferElement(buffer)) && CountGiven(argument, call)?.WalkDownConversions() is ILocalReferenceOperation counted)
                    {
                        // GetString(buffer, 0, total): judged in UseVariable (IsTotalOfReadsFromStart).
                        consuming = call;
                        givenCount = counted.Local;
                        return Use.Counted;
                    }

                    return Use.Neutral;
                case IArgumentOperation { Parameter.RefKind: RefKind.None, Parent: IInvocationOperation logging } argument
                    when IsLogging(logging.TargetMethod) && argument.Parameter.Type.SpecialType is SpecialType.System_Object or SpecialType.System_String:
                    return Use.Neutral;
                case IInvocationOperation { Instance: { } sliced } slice when sliced == current && IsViewBuffer(buffer) && symbols.Framework.IsViewOrSlice(slice.TargetMethod):
                case IImplicitIndexerReferenceOperation { Instance: { } ranged } when ranged == current && IsViewBuffer(buffer):
                    // memory.Slice(0, n), memory[..n], memory.Span.Slice(0, n) of a Memory<byte> buffer: a part, as buf.AsSpan(0, n) is.
                    return Use.Neutral;
                case IInvocationOperation { Instance: { } instance } call when instance == current && consumers.IsConsumer(call) && call.Arguments.Length == 0:
                    // buf.AsSpan().ToArray(), or memory.ToArray() of a Memory<byte> buffer (ReadBody.FreshArrayView).
                    if (current == reference && !IsViewBuffer(buffer))
                    {
                        consuming = call;
                        return Use.Barrier;
                    }

                    if (call.WalkUpConversions(out var copyOperand) is IArrayElementReferenceOperation { Indices.Length: 1 } picked && picked.ArrayReference == copyOperand)
                    {
                        // memory.ToArray()[1]: one byte of the copy is looked at, as buf[1] is (fresh67, a SOCKS5 test's reply).
                        return ElementUse(picked, out consuming);
                    }

                    consuming = call;
                    return Use.Whole;
                case IArgumentOperation { Parameter: { } copied, Parent: IInvocationOperation copy } when IsWholeCopyAtOffset(copy, copied.Ordinal, buffer):
                    // Buffer.BlockCopy(buf, 0, message, offset, buf.Length)
                    consuming = copy;
                    return Use.Whole;
                case IInvocationOperation { Instance: { } } copyTo when copyTo.Instance == current && current == reference && IsWholeCopyAtOffset(copyTo, SocketApiCatalogue.Instance, buffer):
                    // buf.CopyTo(image, i * 1024)
                    consuming = copyTo;
                    return Use.Whole;
                default:
                    return Use.Barrier;
            }
        }

        /// <summary>
        /// <paramref name="copy"/> copies all of <paramref name="buffer"/> (given as its parameter at <paramref name="source"/>)
        /// into another array at a start the code computes: <c>buf.CopyTo(image, i * 1024)</c>,
        /// <c>Buffer.BlockCopy(buf, 0, message, offset, buf.Length)</c>. A message assembled from whole buffers holds stale
        /// bytes wherever a read was short. Not a copy to the start of its destination (a clone, which the code may use up to
        /// the count), one of part of the buffer, one within the buffer, nor one whose start the counts decide: named in it
        /// (<c>total</c> when it is a count) or assigned from them anywhere in the function (<c>offset += n;</c>).
        /// </summary>
        private bool IsWholeCopyAtOffset(IInvocationOperation copy, int source, ISymbol buffer)
        {
            if (symbols.Catalogue.Facts(copy.TargetMethod)?.Copy is not { } shape || shape.Source != source || shape.DestinationOffset is not int at
                || CatalogueIndex.Argument(copy, shape.Destination) is not { } destination || destination.WalkDownConversions().Type is not IArrayTypeSymbol
                || SymbolEqualityComparer.Default.Equals(ReadBody.VariableOf(destination), buffer))
            {
                return false;
            }

            if (shape.SourceOffset is int from && CatalogueIndex.Argument(copy, from)?.WalkDownConversions().ConstantValue is not { HasValue: true, Value: 0 })
            {
                return false;
            }

            if (shape.Count is int count && !(CatalogueIndex.Argument(copy, count) is { } copied && IsLengthOf(copied, buffer)))
            {
                return false;
            }

            return CatalogueIndex.Argument(copy, at) is { } start && !start.WalkDownConversions().ConstantValue.HasValue
                && !MentionsCount(start.Syntax) && !AssignedFromCount(start);
        }

        /// <summary>
        /// A variable named in <paramref name="value"/> is assigned, somewhere in the member around it (lambdas and local
        /// functions included; the whole file for top-level statements), a value that names a count.
        /// </summary>
        private bool AssignedFromCount(IOperation value)
        {
            // Asked at each visit of the copy while the flow converges: the walk over the member is made once per copy.
            if ((assignedFromCount ??= new Dictionary<SyntaxNode, bool>()).TryGetValue(value.Syntax, out var known))
            {
                return known;
            }

            known = AssignedFromCountCore(value);
            assignedFromCount[value.Syntax] = known;
            return known;
        }

        private Dictionary<SyntaxNode, bool>? assignedFromCount;

        private bool AssignedFromCountCore(IOperation value)
        {
            SyntaxNode? member = null;
            foreach (var ancestor in value.Syntax.Ancestors())
            {
                if (ancestor is MemberDeclarationSyntax and not BaseTypeDeclarationSyntax and not BaseNamespaceDeclarationSyntax and not DelegateDeclarationSyntax
                    or CompilationUnitSyntax)
                {
                    member = ancestor;
                    if (ancestor is not GlobalStatementSyntax)
                    {
                        break;
                    }
                }
            }

            if (member is null)
            {
                return true;
            }

            var names = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var node in value.Syntax.DescendantNodesAndSelf())
            {
                if (node is IdentifierNameSyntax name)
                {
                    names.Add(name.Identifier.ValueText);
                }
            }

            foreach (var node in member.DescendantNodes())
            {
                CancellationToken.ThrowIfCancellationRequested();
                if (node is AssignmentExpressionSyntax { Left: IdentifierNameSyntax target } assignment && names.Contains(target.Identifier.ValueText) && MentionsCount(assignment.Right))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The number of bytes the call decodes from its first argument when it is a fixed-width decoder of the catalogue
        /// (<see cref="Model.ApiFacts.Decodes"/>: the size of the number it returns), or null.
        /// </summary>
        private int? Decoder(IInvocationOperation call) => DecodedWidth(call, symbols);

        /// <summary>
        /// A view of the buffer from a constant start (<c>buf.AsSpan(4)</c>, <c>buf.AsSpan(4, 4)</c>) handed first to a
        /// fixed-width decoder: the decoder, with the start and the width it decodes; null otherwise. A length after the start
        /// must be a constant too: <c>buf.AsSpan(0, n)</c> is the bytes received.
        /// </summary>
        internal static IInvocationOperation? DecodedView(IInvocationOperation view, KnownSymbols symbols, out int start, out int width)
        {
            start = 0;
            width = 0;
            if (view.Arguments.Length is 2 or 3 && CatalogueIndex.Argument(view, 1)?.ConstantValue is { HasValue: true, Value: int from } && from >= 0
                && (view.Arguments.Length == 2 || CatalogueIndex.Argument(view, 2)?.ConstantValue is { HasValue: true, Value: int })
                && view.WalkUpConversions(out _) is IArgumentOperation { Parameter.Ordinal: 0, Parent: IInvocationOperation decoder }
                && DecodedWidth(decoder, symbols) is int decoded)
            {
                start = from;
                width = decoded;
                return decoder;
            }

            return null;
        }

        /// <inheritdoc cref="Decoder"/>
        internal static int? DecodedWidth(IInvocationOperation call, KnownSymbols symbols)
        {
            if (symbols.Catalogue.Facts(call.TargetMethod) is not { Decodes: true })
            {
                return null;
            }

            var type = call.TargetMethod.ReturnType;
            switch (type.SpecialType)
            {
                case SpecialType.System_Int16:
                case SpecialType.System_UInt16:
                case SpecialType.System_Char:
                    return 2;
                case SpecialType.System_Int32:
                case SpecialType.System_UInt32:
                case SpecialType.System_Single:
                    return 4;
                case SpecialType.System_Int64:
                case SpecialType.System_UInt64:
                case SpecialType.System_Double:
                    return 8;
            }

            return type is { Name: "Half", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } ? 2
                : type is { Name: "Int128" or "UInt128", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } ? 16
                : null;
        }

        /// <summary>
        /// Console, Debug, Trace, a TextWriter (by symbol), <c>Microsoft.Extensions.Logging.LoggerExtensions</c>, a logger:
        /// they format what they are given and cannot write into it.
        /// </summary>
        private bool IsLogging(IMethodSymbol method)
        {
            var type = (method.ReducedFrom ?? method).ContainingType;
            if (type is null)
            {
                return false;
            }

            // Microsoft.Extensions.Logging is not referenced by the package: its LoggerExtensions is known by name and namespace.
            return symbols.Framework.IsFrameworkLogging(type)
                || (type.Name == "LoggerExtensions" && type.ContainingNamespace is { Name: "Logging", ContainingNamespace: { Name: "Extensions", ContainingNamespace: { Name: "Microsoft", ContainingNamespace.IsGlobalNamespace: true } } })
                || type.Name.EndsWith("Logger", System.StringComparison.Ordinal)
                || method.Name.StartsWith("Log", System.StringComparison.Ordinal);
        }

        /// <summary>
        /// <paramref name="call"/> copies the whole buffer in order (<c>buffer.ToArray()</c>, <c>ToList()</c>) and its result
        /// goes straight to a consumer that is given a start and a count (<c>Encoding.UTF8.GetString(buffer.ToArray(), 0, n)</c>):
        /// the copy is only a step, and what is consumed is the counted part, as with the buffer itself.
        /// </summary>
        private bool CopyGoesToCountedConsumer(IOperation call)
        {
            if (call is not IInvocationOperation { TargetMethod: { Name: "ToArray" or "ToList" } copy } invocation
                || symbols.Catalogue.Facts(copy) is not { } facts || !(facts.Sequence == ByteOrder.SequenceShape.Same || facts.ViewCopies))
            {
                return false;
            }

            IOperation result = invocation;
            while (result.Parent is IConversionOperation conversion)
            {
                result = conversion;
            }

            return result.Parent is IArgumentOperation { Parent: { } next } nextArgument
                && consumers.IsConsumer(next)
                && CatalogueIndex.ArgumentAt(CatalogueIndex.ArgumentsOf(next), (nextArgument.Parameter?.Ordinal ?? -1) + 1)?.Parameter?.Type.SpecialType == SpecialType.System_Int32
                && !IsWholeCopyArgument(nextArgument, next);
        }



        /// <summary>The copy is given whole after all: <c>(copy, 0, copy.Length)</c> or a start other than the count's.</summary>
        private static bool IsWholeCopyArgument(IArgumentOperation argument, IOperation call)
        {
            var arguments = CatalogueIndex.ArgumentsOf(call);
            var ordinal = argument.Parameter!.Ordinal;
            var count = CatalogueIndex.ArgumentAt(arguments, ordinal + 2) is { Parameter.Type.SpecialType: SpecialType.System_Int32 } third ? third.Value : CatalogueIndex.ArgumentAt(arguments, ordinal + 1)!.Value;
            return count.WalkDownConversions() is IPropertyReferenceOperation { Property.Name: "Length" or "Count" };
        }

        /// <summary>
        /// True when the argument hands the consumer the buffer from 0 to its end: no offset/count after it, or
        /// <c>(buf, 0, buf.Length)</c>, or <c>(buf, buf.Length, …)</c> for a size-only overload.
        /// </summary>
        private bool IsWholeArgument(IArgumentOperation argument, IOperation call, ISymbol buffer)
        {
            if (argument.Parameter is null)
            {
                return false;
            }

            return RangeGiven(argument, call) switch
            {
                (null, null) => true,
                ({ } start, { } count) => start.ConstantValue is { HasValue: true, Value: 0 } ? IsLengthOf(count, buffer) : TailStart(start, count, buffer) is not null,
                ({ } start, null) => IsLengthOf(start, buffer) || start.ConstantValue is { HasValue: true, Value: 0 },
                (null, { } count) => IsLengthOf(count, buffer),
            };
        }

        /// <summary>
        /// The constant start of <c>(buf, k, buf.Length - k)</c>: the buffer from <c>k</c> to its end, which holds the stale
        /// bytes past a read's count as the whole buffer does (<c>GetString(buffer, 4, buffer.Length - 4)</c> after a header
        /// of 4 bytes). Null for any other range.
        /// </summary>
        private int? TailStart(IOperation start, IOperation count, ISymbol buffer)
            => start.ConstantValue is { HasValue: true, Value: int k and > 0 }
                && count.WalkDownConversions() is IBinaryOperation { OperatorKind: BinaryOperatorKind.Subtract } rest
                && IsLengthOf(rest.LeftOperand, buffer) && rest.RightOperand.ConstantValue is { HasValue: true, Value: int taken } && taken == k
                    ? k
                    : null;

        /// <summary>
        /// The constant start of a view of <paramref name="buffer"/> from there to its end (a tail view): <c>buf.AsSpan(4)</c>,
        /// <c>buf.AsMemory(4, buf.Length - 4)</c>, <c>new ArraySegment&lt;byte&gt;(buf, 4, buf.Length - 4)</c>, or the copy
        /// <c>buf[4..]</c>. Null for any other view, a start the code computes, or a view up to a count.
        /// </summary>
        private int? TailStartOfView(IOperation view, ISymbol buffer)
        {
            switch (view)
            {
                case IArrayElementReferenceOperation { Indices.Length: 1 } range
                    when range.Indices[0] is IRangeOperation { LeftOperand: { } tailFrom, RightOperand: null }
                        && SymbolEqualityComparer.Default.Equals(ReadBody.VariableOf(range.ArrayReference), buffer):
                    return tailFrom.WalkDownConversions().ConstantValue is { HasValue: true, Value: int k and > 0 } ? k : null;
                case IInvocationOperation call when symbols.Framework.IsArrayView(call.TargetMethod):
                case IObjectCreationOperation creation when symbols.Framework.IsViewCreation(creation):
                    var arguments = CatalogueIndex.ArgumentsOf(view);
                    if (arguments.Length is not (2 or 3) || CatalogueIndex.Argument(arguments, 0) is not { } viewed
                        || !SymbolEqualityComparer.Default.Equals(ReadBody.VariableOf(viewed), buffer)
                        || CatalogueIndex.Argument(arguments, 1) is not { Type.SpecialType: SpecialType.System_Int32, ConstantValue: { HasValue: true, Value: int from and > 0 } } start)
                    {
                        return null;
                    }

                    return arguments.Length == 2 ? (view is IInvocationOperation ? from : null) : TailStart(start, CatalogueIndex.Argument(arguments, 2)!, buffer);
                default:
                    return null;
            }
        }

        /// <summary>
        /// What a tail view of the buffer (<see cref="TailStartOfView"/>) is used for: <see cref="Use.Whole"/> when a consumer
        /// takes all of it (<c>GetString(buf.AsSpan(4))</c>, <c>buf.AsSpan(4).ToArray()</c>, <c>stream.Write(buf[2..])</c>);
        /// otherwise <paramref name="otherwise"/>, what the same view is when it is no tail (a view kept in a local is not followed).
        /// </summary>
        private Use ConsumedTail(IOperation view, ISymbol buffer, out IOperation? consuming, Use otherwise)
        {
            consuming = null;
            var parent = view.WalkUpConversions(out var current);
            switch (parent)
            {
                case IArgumentOperation { Parameter: not null } argument when argument.Parent is { } call && consumers.IsConsumer(call)
                    && consumers.IsConsumerOf(call, BufferElement(buffer)) && RangeGiven(argument, call) is (null, null) && !CopyGoesToCountedConsumer(call):
                    consuming = call;
                    return Use.Whole;
                case IInvocationOperation { Instance: { } instance } copy when instance == current && copy.Arguments.Length == 0 && consumers.IsConsumer(copy)
                    && !CopyGoesToCountedConsumer(copy):
                    consuming = copy;
                    return Use.Whole;
                default:
                    return otherwise;
            }
        }

        /// <summary>The start of the buffer's tail that <paramref name="consuming"/> takes (<see cref="TailStart"/>, <see cref="TailStartOfView"/>), or null.</summary>
        private int? TailTaken(IOperation consuming, ISymbol buffer)
        {
            if (consuming is IInvocationOperation { Instance: { } instance } && TailStartOfView(instance.WalkDownConversions(), buffer) is int copied)
            {
                return copied;
            }

            foreach (var argument in CatalogueIndex.ArgumentsOf(consuming))
            {
                if (TailStartOfView(argument.Value.WalkDownConversions(), buffer) is int viewed)
                {
                    return viewed;
                }

                if (argument.Parameter is not null && ReadBody.VariableOf(argument.Value) is { } named && SymbolEqualityComparer.Default.Equals(named, buffer)
                    && RangeGiven(argument, consuming) is ({ } start, { } count))
                {
                    return TailStart(start, count, buffer);
                }
            }

            return null;
        }

        /// <summary>
        /// The count a consumer is given with the buffer from its start: <c>(buf, 0, count)</c>, or <c>(buf, count, …)</c> for a
        /// size-only overload; null for another start or no count.
        /// </summary>
        private IOperation? CountGiven(IArgumentOperation argument, IOperation call)
            => RangeGiven(argument, call) is (var start, { } count) && (start is null || start.ConstantValue is { HasValue: true, Value: 0 }) ? count : null;

        /// <summary>
        /// The start and the count a consumer is given after the buffer: <c>(buf, start, count)</c>; a lone <c>int</c> after it
        /// is a count (<c>Send(buf, size, flags)</c>) unless the catalogue names it the start; none when no <c>int</c> follows.
        /// </summary>
        private (IOperation? Start, IOperation? Count) RangeGiven(IArgumentOperation argument, IOperation call)
        {
            var arguments = CatalogueIndex.ArgumentsOf(call);
            var ordinal = argument.Parameter!.Ordinal;
            if (CatalogueIndex.ArgumentAt(arguments, ordinal + 1) is not { Parameter.Type.SpecialType: SpecialType.System_Int32 } next)
            {
                return (null, null);
            }

            if (CatalogueIndex.ArgumentAt(arguments, ordinal + 2) is { Parameter.Type.SpecialType: SpecialType.System_Int32 } afterNext)
            {
                return (next.Value, afterNext.Value);
            }

            return consumers.StartOrdinal(call) == next.Parameter!.Ordinal ? (next.Value, null) : (null, next.Value);
        }

        /// <summary>
        /// <paramref name="total"/> adds up the counts of <paramref name="site"/>, a read in a loop that fills its buffer from
        /// the start on every turn, and <paramref name="consuming"/> comes after that loop (fresh27: a course listener's
        /// <c>do { count += stream.Read(buffer, 0, buffer.Length); } while (stream.DataAvailable);</c> then
        /// <c>GetString(buffer, 0, count)</c>). After a second turn the buffer's start holds the last read's bytes and what
        /// follows, up to the total, is stale. The total is a local declared outside the loop whose every write is a
        /// constant 0 or <c>total += </c> that read's count (the call itself, or the local it is stored in).
        /// </summary>
        private bool IsTotalOfReadsFromStart(ILocalSymbol total, ReadSite site, IOperation consuming)
        {
            if (site.Helper is not null || (site.Read.Offset is { } offset && offset.ConstantValue is not { HasValue: true, Value: 0 }))
            {
                return false;
            }

            var loop = site.Invocation.EnclosingLoop();
            var code = Graph.OriginalOperation;
            if (loop is null || !code.Syntax.Span.Contains(loop.Syntax.Span) || consuming.Syntax.SpanStart < loop.Syntax.Span.End)
            {
                return false;
            }

            // Declared in this function outside the loop, with 0 or nothing; then only 0 again, or += this read's count in the loop.
            var declared = false;
            var added = false;
            foreach (var operation in code.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, total):
                        if (loop.Syntax.Span.Contains(declarator.Syntax.Span)
                            || (declarator.Initializer?.Value is { } initial && initial.ConstantValue is not { HasValue: true, Value: 0 }))
                        {
                            return false;
                        }

                        declared = true;
                        break;
                    case ILocalReferenceOperation reference when SymbolEqualityComparer.Default.Equals(reference.Local, total) && ReadBody.IsWrite(reference):
                        switch (reference.Parent)
                        {
                            case ISimpleAssignmentOperation zero when zero.Target == reference && zero.Value.ConstantValue is { HasValue: true, Value: 0 }:
                                break;
                            case ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add } sum when sum.Target == reference
                                && loop.Syntax.Span.Contains(sum.Syntax.Span) && IsCountOf(sum.Value.WalkDownConversions(), site):
                                added = true;
                                break;
                            default:
                                return false;
                        }

                        break;
                }
            }

            return declared && added;
        }

        /// <summary>The read's count: its call (or the <c>await</c> of it), or the local only it is stored in.</summary>
        private bool IsCountOf(IOperation value, ReadSite site)
            => value is IAwaitOperation awaited ? IsCountOf(awaited.Operation.WalkDownConversions(), site)
                : value is IInvocationOperation call && call.Syntax == site.Invocation.Syntax
                    || (value is IInvocationOperation configured && symbols.Framework.IsConfigureAwait(configured.TargetMethod)
                        && configured.Instance?.WalkDownConversions() is IInvocationOperation inner && inner.Syntax == site.Invocation.Syntax)
                    || (value is ILocalReferenceOperation stored && site.CountLocal is { } local
                        && SymbolEqualityComparer.Default.Equals(stored.Local, local) && body.IsAssignedOnce(local));

        /// <summary>The buffer is a <c>Memory&lt;byte&gt;</c> or <c>Span&lt;byte&gt;</c> local over a new array (<see cref="ReadBody.FreshArrayView"/>), not an array.</summary>
        private static bool IsViewBuffer(ISymbol buffer) => buffer is ILocalSymbol { Type: INamedTypeSymbol };

        /// <summary>The element type of a buffer variable's array type (<c>byte</c>, <c>char</c>), or of its view's (<see cref="IsViewBuffer"/>); or none.</summary>
        private static SpecialType BufferElement(ISymbol buffer)
            => (buffer switch
            {
                ILocalSymbol local => local.Type,
                IParameterSymbol parameter => parameter.Type,
                IFieldSymbol field => field.Type,
                _ => null,
            }) switch
            {
                IArrayTypeSymbol { ElementType: { } element } => element.SpecialType,
                // A Memory<byte> or Span<byte> local over a new array (ReadBody.FreshArrayView).
                INamedTypeSymbol { TypeArguments.Length: 1 } view => view.TypeArguments[0].SpecialType,
                _ => SpecialType.None,
            };

        private bool IsLengthOf(IOperation value, ISymbol buffer) => ReadBody.IsLengthOf(value, buffer, symbols.Framework) || IsMadeSize(value, buffer);

        /// <summary>
        /// <paramref name="value"/> is the size the buffer's one array was made with (fresh23 miss: <c>var buffer = new
        /// byte[bufferLength]; … GetString(buffer, 0, bufferLength)</c>): the buffer a local given that one array, and the
        /// value the same constant, or the same local given one value, as the array's size.
        /// </summary>
        private bool IsMadeSize(IOperation value, ISymbol buffer)
        {
            if (buffer is not ILocalSymbol local || body.MadeArray(local, symbols.Framework) is not { } made)
            {
                return false;
            }

            var size = made.DimensionSizes[0].WalkDownConversions();
            var given = value.WalkDownConversions();
            if (size.ConstantValue.HasValue)
            {
                return given.ConstantValue.HasValue && Equals(size.ConstantValue.Value, given.ConstantValue.Value);
            }

            return size is ILocalReferenceOperation sized && given is ILocalReferenceOperation named
                && SymbolEqualityComparer.Default.Equals(sized.Local, named.Local) && body.IsAssignedOnce(sized.Local);
        }

        /// <summary>SOCK012 findings of reads whose count's local is used elsewhere: reported in <see cref="Decide"/> if this read's count is not.</summary>
        private List<(IOperation Consuming, ISymbol Buffer, int Read)>? wholeIfCountUnused;

        // The first decode of each read whose count local the method uses elsewhere, decided like wholeIfCountUnused.
        private List<(IOperation Consuming, ISymbol Buffer, int Read, int Start, int Width, bool Mixed)>? deferredDecodes;

        /// <summary>
        /// Whole consumers of reads whose count is discarded: reported in <see cref="Decide"/>, once the replay knows whether
        /// the read's buffer is also decoded as a number (then the fix's capture is not offered, as SOCK010's is not).
        /// </summary>
        private List<(IOperation Consuming, ISymbol Buffer, ReadSite Site)>? wholeAfterDiscarded;

        private void ReportWholeBuffer(IOperation consuming, ISymbol buffer, ReadSite site)
        {
            if (site.Form == CountForm.Discarded && site.Helper is null)
            {
                (wholeAfterDiscarded ??= new()).Add((consuming, buffer, site));
                return;
            }

            ReportWholeBuffer(consuming, buffer, site, offerCapture: false);
        }

        private void ReportWholeBuffer(IOperation consuming, ISymbol buffer, ReadSite site, bool offerCapture)
        {
            // A whole copy into an assembled message (IsWholeCopyAtOffset) is no consumer of the catalogue: passing the count
            // would leave a gap of zeros where the stale bytes were, so no fix is offered (no count in the properties).
            var assembled = consuming is IInvocationOperation call && !consumers.IsConsumer(call);
            var properties = ImmutableDictionary<string, string?>.Empty.Add(SOCK012WholeBufferConsumedAnalyzer.BufferKey, buffer.Name);
            if (site.CountText is not null && !assembled)
            {
                properties = properties.Add(SOCK012WholeBufferConsumedAnalyzer.CountKey, site.CountText);
            }
            else if (offerCapture && !assembled)
            {
                // No count to pass: the fix captures the read's count first (SOCK010's capture), so it needs the read.
                properties = properties
                    .Add(SOCK012WholeBufferConsumedAnalyzer.ReadBackKey, (consuming.Syntax.SpanStart - site.Invocation.Syntax.SpanStart).ToString(CultureInfo.InvariantCulture))
                    .Add(SOCK012WholeBufferConsumedAnalyzer.ReadLengthKey, site.Invocation.Syntax.Span.Length.ToString(CultureInfo.InvariantCulture));
            }

            diagnostics.Add(Diagnostic.Create(
                Descriptors.SOCK012WholeBufferConsumed,
                consuming.Syntax.GetLocation(),
                properties,
                ConsumerName(consuming),
                TailTaken(consuming, buffer) is int tail
                    ? "'" + BufferText(consuming, buffer) + "' from " + tail.ToString(CultureInfo.InvariantCulture) + " to its end"
                    : "all of '" + BufferText(consuming, buffer) + "'",
                ReadName(site),
                FilledText(site),
                assembled ? "Copy only the " + site.Read.Api.Units + " received, and move the offset on by the count"
                    : "Use only the " + site.Read.Api.Units + " received",
                site.Read.Api.Units));
        }

        /// <summary>
        /// SOCK012 at a fixed-width decode (<c>BitConverter.ToInt32(header, 0)</c> after a read whose count is only compared
        /// with 0): the number is made of bytes that may not have arrived. The fix (a stream read that waits with
        /// <c>ReadAtLeast</c>) finds the read from the distance to it. One diagnostic per read, at its first decode.
        /// </summary>
        private void ReportDecoded(IOperation consuming, ISymbol buffer, ReadSite site, int start, int width, bool mixed)
        {
            var end = start + width;
            var properties = ImmutableDictionary<string, string?>.Empty.Add(SOCK012WholeBufferConsumedAnalyzer.FormKey, SOCK012WholeBufferConsumedAnalyzer.Decoded);
            if (!mixed && consuming is not IArrayElementReferenceOperation && site.Helper is null)
            {
                // The fix rewrites the read into one that waits for the bytes; where another read may have filled the buffer
                // (ReadState.IsMixedFill) it would rewrite one and leave the other: no fix then. Nor for an element read
                // (data[7]): the bytes to wait for are the message's, which an index does not say. Nor for the call of a helper
                // that fills the array (HelperRead.BufferParameter): the read to rewrite is in the helper, for all its callers.
                properties = properties
                    .Add(SOCK012WholeBufferConsumedAnalyzer.ReadBackKey, (consuming.Syntax.SpanStart - site.Invocation.Syntax.SpanStart).ToString(CultureInfo.InvariantCulture))
                    .Add(SOCK012WholeBufferConsumedAnalyzer.ReadLengthKey, site.Invocation.Syntax.Span.Length.ToString(CultureInfo.InvariantCulture));
            }

            diagnostics.Add(Diagnostic.Create(
                Descriptors.SOCK012WholeBufferConsumed,
                consuming.Syntax.GetLocation(),
                properties,
                ConsumerName(consuming),
                (width == 1 ? "byte " + start.ToString(CultureInfo.InvariantCulture) + " of '"
                    : start == 0 ? "the first " + width.ToString(CultureInfo.InvariantCulture) + " bytes of '"
                    : "bytes " + start.ToString(CultureInfo.InvariantCulture) + " to " + (end - 1).ToString(CultureInfo.InvariantCulture) + " of '") + BufferText(consuming, buffer) + "'",
                ReadName(site),
                FilledText(site),
                "Read until " + (end == width ? "all " : "the first ") + end.ToString(CultureInfo.InvariantCulture) + " bytes have arrived: "
                    + (site.Read.Api.IsApmEnd ? "start the next receive at the count until they have" : "loop on the count, or call ReadExactly"),
                site.Read.Api.Units));
        }

        /// <summary>SOCK012 at a consumer given a running total of reads that each fill the buffer from its start (<see cref="IsTotalOfReadsFromStart"/>). No fix: the read has to move on by the total.</summary>
        private void ReportTotalled(IOperation consuming, ISymbol buffer, ReadSite site, ILocalSymbol total)
            => diagnostics.Add(Diagnostic.Create(
                Descriptors.SOCK012WholeBufferConsumed,
                consuming.Syntax.GetLocation(),
                ImmutableDictionary<string, string?>.Empty.Add(SOCK012WholeBufferConsumedAnalyzer.BufferKey, buffer.Name),
                ConsumerName(consuming),
                "the first '" + total.Name + "' " + site.Read.Api.Units + " of '" + BufferText(consuming, buffer) + "'",
                ReadName(site),
                "from the buffer's start on every turn, while '" + total.Name + "' adds up every turn's count (after a second turn, only the last read's " + site.Read.Api.Units + " are there)",
                "Read at the total instead (Read(" + BufferText(consuming, buffer) + ", " + total.Name + ", " + BufferText(consuming, buffer) + ".Length - " + total.Name + ")), or use each read's " + site.Read.Api.Units + " before the next read",
                site.Read.Api.Units));

        /// <summary>
        /// How the consumer names the buffer: <c>state.buffer</c> for the field of a state object (an APM callback's), so the
        /// message says which object's buffer; the name alone otherwise (a local, a field of this object).
        /// </summary>
        private static string BufferText(IOperation consuming, ISymbol buffer)
        {
            if (buffer is IFieldSymbol)
            {
                foreach (var node in consuming.Syntax.DescendantNodes())
                {
                    if (node is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax owner, Name.Identifier.ValueText: var name } access
                        && name == buffer.Name && access.IsKind(SyntaxKind.SimpleMemberAccessExpression))
                    {
                        return owner.Identifier.ValueText + "." + name;
                    }
                }
            }

            return buffer.Name;
        }

        private static string FilledText(ReadSite site)
            => site.CountText is not null ? "its first '" + site.CountText + "' " + site.Read.Api.Units
                : site.CountNeverKept ? "as many " + site.Read.Api.Units + " as it returned (a count this code never keeps)"
                : site.Form == CountForm.Discarded ? "as many " + site.Read.Api.Units + " as it returned (a count this code discards)"
                : "as many " + site.Read.Api.Units + " as it returned";

        private static string ConsumerName(IOperation consuming) => consuming switch
        {
            IInvocationOperation call => call.TargetMethod.ContainingType.Name + "." + call.TargetMethod.Name,
            IObjectCreationOperation creation => "new " + creation.Type?.Name,
            IArrayElementReferenceOperation element => "'" + element.Syntax.ToString() + "'",
            _ => "This call",
        };

        /// <summary>The read returns a task (<c>Task&lt;int&gt;</c>, <c>ValueTask&lt;int&gt;</c>) that nothing awaits, waits for or blocks on here.</summary>
        private bool IsUnawaitedTask(IInvocationOperation invocation)
            => !symbols.Framework.IsAwaitedOrBlockedOn(invocation) && symbols.Framework.IsTaskOfResult(invocation.Type);

        private static string ReadName(ReadSite site) => ReadName(site.Invocation.TargetMethod);

        private static string ReadName(IMethodSymbol method) => method.ContainingType.Name + "." + method.Name;
    }
}
