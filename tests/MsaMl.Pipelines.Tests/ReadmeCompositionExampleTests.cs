using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;

namespace MsaMl.Pipelines.Tests;

/// <summary>
/// README's custom-composition example (the block after <c>&lt;!-- readme-composition --&gt;</c>)
/// compiles against this build (with the SDK's C# compiler, as a console program with the SDK's
/// implicit usings) and trains on the demo corpus.
/// </summary>
public sealed class ReadmeCompositionExampleTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("msaml-readme-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    [Fact]
    public void TheReadmeCompositionExampleCompilesAndTrains()
    {
        string root = Path.GetDirectoryName(Path.GetDirectoryName(FixturePaths.Of()))!;
        string code = ReadmeBlock(Path.Combine(root, "README.md"), "readme-composition");
        Assert.Contains("new ComposedOptions", code);
        string program = Path.Combine(_folder, "Program.cs"), usings = Path.Combine(_folder, "Usings.cs"), output = Path.Combine(_folder, "ReadmeComposition.dll");
        File.WriteAllText(program, code);
        File.WriteAllText(usings, ImplicitUsings);

        // Load what the example uses, then reference the runtime and every assembly of this process.
        _ = typeof(MsaMl.Trainers.Composition.ComposedOptions).Assembly;
        _ = typeof(MsaMl.Datasets.DemoCorpusReader).Assembly;
        _ = typeof(MsaMl.MsaTransformsCatalog).Assembly;
        string runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var references = Directory.GetFiles(runtime, "*.dll").Where(IsManaged)
            .Concat(AppDomain.CurrentDomain.GetAssemblies().Where(a => !a.IsDynamic && a.Location.Length > 0).Select(a => a.Location))
            .GroupBy(Path.GetFileName).Select(g => g.First());
        string response = Path.Combine(_folder, "csc.rsp");
        File.WriteAllLines(response, new[] { "-nologo", "-target:exe", "-langversion:latest", "-nullable:enable", $"-out:\"{output}\"" }
            .Concat(references.Select(r => $"-r:\"{r}\"")).Append($"\"{program}\"").Append($"\"{usings}\""));
        var (exit, log) = Run(Path.Combine(DotnetRoot(runtime), "dotnet"), $"\"{Compiler(runtime)}\" @\"{response}\"");
        Assert.True(exit == 0, log);

        var entry = Assembly.LoadFrom(output).EntryPoint!;
        var written = new StringWriter();
        var console = Console.Out;
        Console.SetOut(written);
        try
        {
            entry.Invoke(null, new object[] { new[] { Path.Combine(root, "datasets", "demo") } });
        }
        finally
        {
            Console.SetOut(console);
        }
        var match = Regex.Match(written.ToString(), @"WA (\d+(\.\d+)?) %");
        Assert.True(match.Success, written.ToString());
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

    // .../shared/Microsoft.NETCore.App/<version> -> the dotnet root.
    private static string DotnetRoot(string runtime) => Path.GetFullPath(Path.Combine(runtime, "..", "..", ".."));

    private static string Compiler(string runtime) =>
        Directory.GetDirectories(Path.Combine(DotnetRoot(runtime), "sdk"))
            .Select(sdk => Path.Combine(sdk, "Roslyn", "bincore", "csc.dll"))
            .Where(File.Exists).OrderByDescending(p => p, StringComparer.Ordinal).FirstOrDefault()
        ?? throw new FileNotFoundException($"No SDK C# compiler (sdk/*/Roslyn/bincore/csc.dll) under {DotnetRoot(runtime)}.");

    private static bool IsManaged(string path)
    {
        try { AssemblyName.GetAssemblyName(path); return true; }
        catch (BadImageFormatException) { return false; }
    }

    private static (int Exit, string Log) Run(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout + stderr.Result);
    }
}
