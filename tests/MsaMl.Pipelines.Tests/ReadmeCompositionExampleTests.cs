using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MsaMl.Pipelines.Tests;

/// <summary>
/// README's custom-composition example (the block after <c>&lt;!-- readme-composition --&gt;</c>)
/// compiles against this build and trains on the demo corpus.
/// </summary>
public sealed class ReadmeCompositionExampleTests
{
    [Fact]
    public void TheReadmeCompositionExampleCompilesAndTrains()
    {
        string root = Path.GetDirectoryName(Path.GetDirectoryName(FixturePaths.Of()))!;
        string code = ReadmeBlock(Path.Combine(root, "README.md"), "readme-composition");
        Assert.Contains("new ComposedOptions", code);

        // Load what the example uses, then reference every assembly of this test process.
        _ = typeof(MsaMl.Trainers.Composition.ComposedOptions).Assembly;
        _ = typeof(MsaMl.Pipelines.Datasets.DemoCorpusReader).Assembly;
        var references = AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => !a.IsDynamic && a.Location.Length > 0)
            .Select(a => MetadataReference.CreateFromFile(a.Location));
        var compilation = CSharpCompilation.Create("ReadmeComposition",
            new[] { CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Preview)) },
            references, new CSharpCompilationOptions(OutputKind.ConsoleApplication).WithNullableContextOptions(NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join(Environment.NewLine, emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));

        var entry = Assembly.Load(image.ToArray()).EntryPoint!;
        var output = new StringWriter();
        var console = Console.Out;
        Console.SetOut(output);
        try
        {
            entry.Invoke(null, new object[] { new[] { Path.Combine(root, "datasets", "demo") } });
        }
        finally
        {
            Console.SetOut(console);
        }
        var match = Regex.Match(output.ToString(), @"WA (\d+(\.\d+)?) ?%");
        Assert.True(match.Success, output.ToString());
        Assert.InRange(double.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 0, 100);
    }

    private static string ReadmeBlock(string readmePath, string marker)
    {
        string readme = File.ReadAllText(readmePath);
        int at = readme.IndexOf($"<!-- {marker} -->", StringComparison.Ordinal);
        Assert.True(at >= 0, $"README.md has no '<!-- {marker} -->' marker.");
        int start = readme.IndexOf("```csharp", at, StringComparison.Ordinal) + "```csharp".Length;
        int end = readme.IndexOf("```", start, StringComparison.Ordinal);
        return readme[start..end];
    }
}
