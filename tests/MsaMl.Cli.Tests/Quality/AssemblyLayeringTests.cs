using System.Reflection;

namespace MsaMl.Cli.Tests.Quality;

/// <summary>
/// What each assembly may reference (the "May depend on" line of each src/*/README.md), checked on
/// the compiled references, so a convenient using cannot pull a layer in unnoticed.
/// </summary>
public sealed class AssemblyLayeringTests
{
    public static TheoryData<string, string> Forbidden() => new()
    {
        { "MsaMl.Core", "MsaMl." },
        { "MsaMl.Core", "TorchSharp" },
        { "MsaMl.Transforms", "TorchSharp" },
        { "MsaMl.Transforms", "MsaMl.Trainers" },
        { "MsaMl.Trainers", "MsaMl.Transforms" },
        { "MsaMl.Trainers", "Microsoft.ML.OnnxRuntime" },
        { "MsaMl.Trainers", "NWaves" },
        { "MsaMl.Trainers", "SkiaSharp" },
        { "MsaMl.Datasets", "MsaMl.Transforms" },
        { "MsaMl.Datasets", "MsaMl.Trainers" },
        { "MsaMl.Datasets", "MsaMl.Pipelines" },
        { "MsaMl.Datasets", "MsaMl.Experiments" },
        { "MsaMl.Datasets", "MsaMl.Serving" },
        { "MsaMl.Datasets", "TorchSharp" },
        { "MsaMl.Datasets", "Microsoft.ML.OnnxRuntime" },
        { "MsaMl.Datasets", "NWaves" },
        { "MsaMl.Datasets", "SkiaSharp" },
        { "MsaMl.Pipelines", "MsaMl.Experiments" },
        { "MsaMl.Pipelines", "ScottPlot" },
        { "MsaMl.Pipelines", "MsaMl.Serving" },
        { "MsaMl.Pipelines", "Microsoft.AspNetCore" },
        { "MsaMl.Experiments", "MsaMl.Serving" },
        { "MsaMl.Experiments", "Microsoft.AspNetCore" },
        { "MsaMl.Serving", "MsaMl.Experiments" },
        { "MsaMl.Serving", "MsaMl.Cli" },
        { "MsaMl.Serving", "System.CommandLine" },
        { "MsaMl.Serving", "Spectre.Console" },
        { "MsaMl.Serving", "ScottPlot" },
    };

    [Theory]
    [MemberData(nameof(Forbidden))]
    public void AssemblyDoesNotReference(string assembly, string forbiddenPrefix)
    {
        var references = Assembly.Load(assembly).GetReferencedAssemblies().Select(r => r.Name!).ToList();
        Assert.NotEmpty(references);
        var hits = references.Where(r => r.StartsWith(forbiddenPrefix, StringComparison.Ordinal) && r != assembly).ToList();
        Assert.True(hits.Count == 0, $"{assembly} references {string.Join(", ", hits)}");
    }

    /// <summary>MsaMl.Datasets reads datasets with MsaMl.Core and ML.NET only: no other MsaMl assembly, whatever its name.</summary>
    [Fact]
    public void DatasetsReferencesNoMsaMlAssemblyButCore()
    {
        var msaMl = Assembly.Load("MsaMl.Datasets").GetReferencedAssemblies().Select(r => r.Name!)
            .Where(r => r.StartsWith("MsaMl", StringComparison.Ordinal) || r == "msa").ToList();
        Assert.Equal(["MsaMl.Core"], msaMl);
    }

    [Fact]
    public void TheLayersReferenceTheOnesBelow()
    {
        Assert.Contains("MsaMl.Core", Assembly.Load("MsaMl.Trainers").GetReferencedAssemblies().Select(r => r.Name));
        Assert.Contains("MsaMl.Core", Assembly.Load("MsaMl.Transforms").GetReferencedAssemblies().Select(r => r.Name));
        Assert.Contains("MsaMl.Core", Assembly.Load("MsaMl.Datasets").GetReferencedAssemblies().Select(r => r.Name));
        Assert.Contains("MsaMl.Datasets", Assembly.Load("MsaMl.Pipelines").GetReferencedAssemblies().Select(r => r.Name));
        Assert.Contains("MsaMl.Pipelines", Assembly.Load("MsaMl.Experiments").GetReferencedAssemblies().Select(r => r.Name));
        Assert.Contains("MsaMl.Pipelines", Assembly.Load("MsaMl.Serving").GetReferencedAssemblies().Select(r => r.Name));
    }
}
