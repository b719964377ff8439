using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SocketAnalyzers.Cli
{
    /// <summary>
    /// Splits the loose files of one scanned folder (files under no .csproj) into the programs they form. One
    /// compilation of two independent apps that declare the same type (two Unity apps side by side, <c>Day1/</c> and
    /// <c>Day2/</c> of a course, each with its own <c>Program</c>) has duplicate definitions: every member of that type
    /// is then ambiguous, nothing on it binds, and the rules, which treat unbound code as unknown, stay silent. So the
    /// files stay one group while no type is declared twice; otherwise the group is split along the folder tree: a
    /// folder whose files conflict keeps its own files, and each of its subfolders' groups (split the same way) joins
    /// the first group it does not conflict with, or starts a new one. A single app spread over folders (types in
    /// <c>Models/</c>, used from <c>Program.cs</c>) declares nothing twice and stays one compilation. The check reads
    /// declarations only (namespace and type headers, and the members of partial types), never a method body.
    /// </summary>
    internal static class LooseFileGrouping
    {
        private const string TopLevelStatements = "<top-level statements>";

        /// <summary>
        /// The groups of <paramref name="files"/> (all under <paramref name="root"/>), as lists in the files' order;
        /// one group when nothing is declared twice.
        /// </summary>
        public static List<List<SourceFile>> Split(string root, IReadOnlyList<SourceFile> files, CancellationToken cancellationToken)
        {
            if (files.Count < 2)
            {
                return new List<List<SourceFile>> { files.ToList() };
            }

            var declarations = new Declarations[files.Count];
            var whole = new Declarations();
            var conflict = false;
            for (var i = 0; i < files.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                declarations[i] = Declarations.Of(files[i].Tree!.GetRoot(cancellationToken));
                conflict |= !whole.TryAdd(declarations[i]);
            }

            if (!conflict)
            {
                return new List<List<SourceFile>> { files.ToList() };
            }

            var top = new Folder();
            for (var i = 0; i < files.Count; i++)
            {
                var relative = Path.GetRelativePath(root, Path.GetDirectoryName(files[i].FullPath)!);
                var folder = top;
                if (relative != "." && !relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative))
                {
                    foreach (var part in relative.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
                    {
                        if (!folder.Children.TryGetValue(part, out var child))
                        {
                            child = new Folder();
                            folder.Children.Add(part, child);
                        }

                        folder = child;
                    }
                }

                folder.Files.Add(i);
            }

            var order = Enumerable.Range(0, files.Count).ToDictionary(i => files[i], i => i);
            return top.Split(declarations, cancellationToken)
                .Select(bin => bin.Files.Select(i => files[i]).OrderBy(f => order[f]).ToList())
                .ToList();
        }

        /// <summary>A folder of the loose files' tree: the files directly in it (by index) and its subfolders.</summary>
        private sealed class Folder
        {
            public List<int> Files { get; } = new();

            public SortedDictionary<string, Folder> Children { get; } = new(StringComparer.Ordinal);

            public List<Bin> Split(Declarations[] declarations, CancellationToken cancellationToken)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var whole = new Bin();
                if (AddAll(whole, declarations))
                {
                    return new List<Bin> { whole };
                }

                // The folder's own files are one program (two of them that clash are a mistake the compiler reports
                // as it would in a build); each subfolder's groups join the first group they do not clash with.
                var bins = new List<Bin>();
                if (Files.Count > 0)
                {
                    var own = new Bin();
                    foreach (var file in Files)
                    {
                        own.Add(file, declarations[file]);
                    }

                    bins.Add(own);
                }

                foreach (var child in Children.Values)
                {
                    foreach (var group in child.Split(declarations, cancellationToken))
                    {
                        var target = bins.FirstOrDefault(b => !b.Declarations.ConflictsWith(group.Declarations));
                        if (target is null)
                        {
                            bins.Add(group);
                        }
                        else
                        {
                            target.Merge(group);
                        }
                    }
                }

                return bins;
            }

            /// <summary>Adds every file of this subtree to <paramref name="bin"/>; false when two of them clash.</summary>
            private bool AddAll(Bin bin, Declarations[] declarations)
            {
                var clean = true;
                foreach (var file in Files)
                {
                    clean &= bin.Add(file, declarations[file]);
                }

                foreach (var child in Children.Values)
                {
                    clean &= child.AddAll(bin, declarations);
                }

                return clean;
            }
        }

        /// <summary>Files that will be one compilation, with what they declare.</summary>
        private sealed class Bin
        {
            public List<int> Files { get; } = new();

            public Declarations Declarations { get; } = new();

            public bool Add(int file, Declarations declarations)
            {
                Files.Add(file);
                return Declarations.TryAdd(declarations);
            }

            public void Merge(Bin other)
            {
                Files.AddRange(other.Files);
                Declarations.TryAdd(other.Declarations);
            }
        }

        /// <summary>
        /// The types a set of files declares, by metadata name (namespace, containing types, name and arity): for each,
        /// whether every declaration is <c>partial</c>, and for partial types the signatures of their members (two
        /// parts that both declare a member of the same signature clash). Top-level statements count as one
        /// non-partial type: only one file of a program may have them. <c>file</c>-local types never clash.
        /// </summary>
        private sealed class Declarations
        {
            private readonly Dictionary<string, TypeDeclarations> types = new(StringComparer.Ordinal);

            public static Declarations Of(SyntaxNode root)
            {
                var result = new Declarations();
                if (root is CompilationUnitSyntax unit)
                {
                    result.AddMembers(unit.Members, string.Empty);
                }

                return result;
            }

            /// <summary>Adds <paramref name="other"/>'s types; false when one of them clashes with a type already here.</summary>
            public bool TryAdd(Declarations other)
            {
                var clean = true;
                foreach (var pair in other.types)
                {
                    if (types.TryGetValue(pair.Key, out var existing))
                    {
                        clean &= existing.TryMerge(pair.Value);
                    }
                    else
                    {
                        types.Add(pair.Key, pair.Value.Copy());
                    }
                }

                return clean;
            }

            public bool ConflictsWith(Declarations other)
            {
                var (small, large) = types.Count <= other.types.Count ? (this, other) : (other, this);
                foreach (var pair in small.types)
                {
                    if (large.types.TryGetValue(pair.Key, out var theirs) && pair.Value.ConflictsWith(theirs))
                    {
                        return true;
                    }
                }

                return false;
            }

            private void AddMembers(SyntaxList<MemberDeclarationSyntax> members, string prefix)
            {
                foreach (var member in members)
                {
                    switch (member)
                    {
                        case BaseNamespaceDeclarationSyntax ns:
                            AddMembers(ns.Members, prefix + ns.Name.ToString().Replace(" ", string.Empty, StringComparison.Ordinal) + ".");
                            break;
                        case GlobalStatementSyntax:
                            Add(TopLevelStatements, TypeDeclarations.Single());
                            break;
                        case BaseTypeDeclarationSyntax type when !type.Modifiers.Any(SyntaxKind.FileKeyword):
                            var arity = type is TypeDeclarationSyntax { TypeParameterList: { } parameters } ? parameters.Parameters.Count : 0;
                            var name = prefix + type.Identifier.ValueText + (arity > 0 ? "`" + arity : string.Empty);
                            if (type is TypeDeclarationSyntax declaration && declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
                            {
                                Add(name, TypeDeclarations.Partial(declaration));
                            }
                            else
                            {
                                Add(name, TypeDeclarations.Single());
                            }

                            break;
                        case DelegateDeclarationSyntax @delegate when !@delegate.Modifiers.Any(SyntaxKind.FileKeyword):
                            var delegateArity = @delegate.TypeParameterList?.Parameters.Count ?? 0;
                            Add(prefix + @delegate.Identifier.ValueText + (delegateArity > 0 ? "`" + delegateArity : string.Empty), TypeDeclarations.Single());
                            break;
                    }
                }
            }

            /// <summary>Within one file the compiler decides; only clashes between files matter here.</summary>
            private void Add(string name, TypeDeclarations declarations)
            {
                if (types.TryGetValue(name, out var existing))
                {
                    existing.MergeWithinFile(declarations);
                }
                else
                {
                    types.Add(name, declarations);
                }
            }
        }

        /// <summary>The declarations of one type in a set of files.</summary>
        private sealed class TypeDeclarations
        {
            private TypeDeclarations(bool partial, HashSet<string>? members)
            {
                IsPartial = partial;
                Members = members;
            }

            /// <summary>Every declaration is partial.</summary>
            public bool IsPartial { get; private set; }

            /// <summary>Signatures of the members the partial declarations declare (null when not partial).</summary>
            public HashSet<string>? Members { get; private set; }

            public static TypeDeclarations Single() => new(false, null);

            public static TypeDeclarations Partial(TypeDeclarationSyntax declaration)
            {
                var members = new HashSet<string>(StringComparer.Ordinal);
                foreach (var member in declaration.Members)
                {
                    foreach (var signature in Signatures(member))
                    {
                        members.Add(signature);
                    }
                }

                return new TypeDeclarations(true, members);
            }

            public TypeDeclarations Copy() => new(IsPartial, Members is null ? null : new HashSet<string>(Members, StringComparer.Ordinal));

            public bool ConflictsWith(TypeDeclarations other)
                => !IsPartial || !other.IsPartial || Members!.Overlaps(other.Members!);

            /// <summary>Merges the declarations of another set of files; false when they clash.</summary>
            public bool TryMerge(TypeDeclarations other)
            {
                var conflict = ConflictsWith(other);
                MergeWithinFile(other);
                return !conflict;
            }

            public void MergeWithinFile(TypeDeclarations other)
            {
                if (IsPartial && other.IsPartial)
                {
                    Members!.UnionWith(other.Members!);
                }
                else
                {
                    IsPartial = false;
                    Members = null;
                }
            }

            /// <summary>
            /// What a member of a partial type declares, as text: fields, properties, events and nested types by
            /// name, methods and constructors by name, arity and parameter types as written. Partial methods and
            /// properties are left out: their declaring and implementing parts legally repeat the signature.
            /// </summary>
            private static IEnumerable<string> Signatures(MemberDeclarationSyntax member)
            {
                switch (member)
                {
                    case FieldDeclarationSyntax field:
                        foreach (var variable in field.Declaration.Variables)
                        {
                            yield return variable.Identifier.ValueText;
                        }

                        break;
                    case EventFieldDeclarationSyntax eventField:
                        foreach (var variable in eventField.Declaration.Variables)
                        {
                            yield return variable.Identifier.ValueText;
                        }

                        break;
                    case PropertyDeclarationSyntax property when !property.Modifiers.Any(SyntaxKind.PartialKeyword):
                        yield return property.ExplicitInterfaceSpecifier is null ? property.Identifier.ValueText : property.ExplicitInterfaceSpecifier + property.Identifier.ValueText;
                        break;
                    case EventDeclarationSyntax @event:
                        yield return @event.ExplicitInterfaceSpecifier is null ? @event.Identifier.ValueText : @event.ExplicitInterfaceSpecifier + @event.Identifier.ValueText;
                        break;
                    case MethodDeclarationSyntax method when !method.Modifiers.Any(SyntaxKind.PartialKeyword):
                        yield return (method.ExplicitInterfaceSpecifier?.ToString() ?? string.Empty) + method.Identifier.ValueText
                            + "`" + (method.TypeParameterList?.Parameters.Count ?? 0) + Parameters(method.ParameterList);
                        break;
                    case ConstructorDeclarationSyntax constructor:
                        yield return (constructor.Modifiers.Any(SyntaxKind.StaticKeyword) ? ".cctor" : ".ctor") + Parameters(constructor.ParameterList);
                        break;
                    case BaseTypeDeclarationSyntax nested:
                        yield return nested.Identifier.ValueText + "`" + (nested is TypeDeclarationSyntax { TypeParameterList: { } p } ? p.Parameters.Count : 0);
                        break;
                    case DelegateDeclarationSyntax @delegate:
                        yield return @delegate.Identifier.ValueText + "`" + (@delegate.TypeParameterList?.Parameters.Count ?? 0);
                        break;
                }
            }

            private static string Parameters(ParameterListSyntax parameters)
                => "(" + string.Join(",", parameters.Parameters.Select(p => p.Type?.ToString().Replace(" ", string.Empty, StringComparison.Ordinal) ?? string.Empty)) + ")";
        }
    }
}
