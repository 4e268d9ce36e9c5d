namespace MsaMl.Pipelines.Persistence;

/// <summary>
/// One stage of the chain: a run of ML.NET-native transformers saved with mlContext.Model.Save
/// (<see cref="Kind"/> = <see cref="MlNetKind"/>), or an MsaMl transformer with its options and artifacts.
/// </summary>
public sealed class BundleStage
{
    /// <summary>The <see cref="Kind"/> of a run of ML.NET-native transformers.</summary>
    public const string MlNetKind = "ML.NET";

    /// <summary>The format of an ML.NET stage (ML.NET's own zip, versioned by ML.NET).</summary>
    public const int MlNetFormatVersion = 1;

    /// <summary>"ML.NET", or the MsaMl stage kind whose declared loader re-creates it.</summary>
    public string Kind { get; set; } = "";

    /// <summary>The format version of this stage's options and artifacts (1 where a format-1 bundle wrote none).</summary>
    public int FormatVersion { get; set; } = 1;

    public string? Entry { get; set; }
    public System.Text.Json.Nodes.JsonNode? Options { get; set; }
    public Dictionary<string, string> Artifacts { get; set; } = new();

    /// <summary>The user-given files the stage reads, by the options property that names each; that property holds the bare file name.</summary>
    public Dictionary<string, BundleFile> Files { get; set; } = new();
}
