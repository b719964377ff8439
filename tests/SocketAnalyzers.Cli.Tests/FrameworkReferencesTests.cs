using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SocketAnalyzers.Cli;
using Xunit;

namespace SocketAnalyzers.Cli.Tests
{
    /// <summary>
    /// The framework references come from the reference packs beside the running runtime. fresh70 and fresh72 missed a
    /// Windows Forms chat client's spin because its <c>TextBox</c> did not bind: the Windows Desktop pack, which the SDK
    /// installs on Windows, is taken when it is there.
    /// </summary>
    public sealed class FrameworkReferencesTests
    {
        [Fact]
        public void The_Windows_Desktop_reference_pack_is_taken_when_it_is_installed()
        {
            using var tree = new TempTree();
            var runtime = Directory.CreateDirectory(tree.PathOf("dotnet/shared/Microsoft.NETCore.App/10.0.1")).FullName;
            var core = Directory.CreateDirectory(tree.PathOf("dotnet/packs/Microsoft.NETCore.App.Ref/10.0.1/ref/net10.0")).FullName;
            foreach (var reference in FrameworkReferences.Instance.References.OfType<PortableExecutableReference>())
            {
                if (Path.GetFileName(reference.FilePath) is "System.Runtime.dll" or "netstandard.dll")
                {
                    File.Copy(reference.FilePath!, Path.Combine(core, Path.GetFileName(reference.FilePath!)));
                }
            }

            var desktop = Directory.CreateDirectory(tree.PathOf("dotnet/packs/Microsoft.WindowsDesktop.App.Ref/10.0.1/ref/net10.0")).FullName;
            var forms = CSharpCompilation.Create(
                "System.Windows.Forms",
                new[] { CSharpSyntaxTree.ParseText("namespace System.Windows.Forms { public class TextBox { public string Text { get; set; } } }") },
                FrameworkReferences.Instance.References,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            Assert.True(forms.Emit(Path.Combine(desktop, "System.Windows.Forms.dll")).Success);

            var references = FrameworkReferences.LoadFrom(runtime + Path.DirectorySeparatorChar);

            Assert.Contains(desktop, references.Description);
            var client = CSharpCompilation.Create(
                "Client",
                new[] { CSharpSyntaxTree.ParseText("class Log { void Append(System.Windows.Forms.TextBox box, string line) => box.Text += line; }") },
                references.References,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            Assert.DoesNotContain(client.GetDiagnostics(), d => d.Id == "CS0234" || d.Id == "CS0246");
        }

        [Fact]
        public void Without_the_Windows_Desktop_pack_only_the_core_pack_is_taken()
        {
            using var tree = new TempTree();
            var runtime = Directory.CreateDirectory(tree.PathOf("dotnet/shared/Microsoft.NETCore.App/10.0.1")).FullName;
            var core = Directory.CreateDirectory(tree.PathOf("dotnet/packs/Microsoft.NETCore.App.Ref/10.0.1/ref/net10.0")).FullName;
            var runtimeReference = FrameworkReferences.Instance.References.OfType<PortableExecutableReference>().First(r => Path.GetFileName(r.FilePath) == "System.Runtime.dll");
            File.Copy(runtimeReference.FilePath!, Path.Combine(core, "System.Runtime.dll"));

            var references = FrameworkReferences.LoadFrom(runtime + Path.DirectorySeparatorChar);

            Assert.Equal(core, references.Description);
            Assert.Single(references.References);
        }
    }
}
